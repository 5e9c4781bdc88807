//! The statistics, deck and settings screens driven headless through
//! egui_kittest: the real `TreatyApp` over a real store in a temp folder.

use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use treatydeck::cli::{local_utc_offset, now_secs};
use treatydeck::core::builtin::DEFAULT_DECK;
use treatydeck::core::model::{Rating, Review};
use treatydeck::core::scheduler::{DAY_SECS, Scheduler, day_start};
use treatydeck::core::stats::timeline::timeline;
use treatydeck::gui::{Message, Screen, TreatyApp};
use treatydeck::store::progress::Store;

use crate::util::{app_harness as harness, fresh_store_dir, open_retry};

fn fresh_dir(tag: &str) -> std::path::PathBuf {
    fresh_store_dir(&format!("gui-stats-{tag}"))
}

/// Replace what a one-line field holds with `text`.
fn set_field(h: &mut Harness<'static, TreatyApp>, label: &str, text: &str) {
    h.get_by_label(label).focus();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.get_by_label(label).type_text(text);
    h.run();
}

/// Study the built-in deck's first `cards` cards on each of the last
/// `days` days (Good, with an Again every third review-queue answer),
/// through the scheduler and the Store API. Returns the reviews recorded.
fn seed_history(store: &mut Store, cards: usize, days: i64) -> usize {
    let sched = Scheduler::new(store.settings()).expect("scheduler");
    let now = now_secs();
    let offset = local_utc_offset();
    let hour = store.settings().day_start_hour;
    let deck = store.deck(DEFAULT_DECK).expect("built-in deck").clone();
    let ids: Vec<String> = deck.active_cards().take(cards).map(|c| c.id).collect();
    let mut n = 0;
    for day in (1..=days).rev() {
        // Midday of that scheduling day: never across a day boundary.
        let mut t = day_start(now - day * DAY_SECS, offset, hour) + DAY_SECS / 2;
        for id in &ids {
            let before = store.deck(DEFAULT_DECK).expect("deck").state(id);
            let rating = if before.reps > 0 && n % 3 == 0 {
                Rating::Again
            } else {
                Rating::Good
            };
            let after = sched.answer(id, &before, rating, t);
            store
                .record_review(Review {
                    seq: 0,
                    time: t,
                    deck: DEFAULT_DECK.into(),
                    card: id.clone(),
                    rating,
                    taken_ms: 4000,
                    before,
                    after,
                })
                .expect("record");
            n += 1;
            t += 60;
        }
    }
    n
}

#[test]
fn statistics_show_every_plot_and_the_timeline() {
    let dir = fresh_dir("plots");
    let recorded = {
        let mut store = open_retry(&dir);
        seed_history(&mut store, 6, 20)
    };
    let mut h = harness(&dir);
    h.get_by_label("Statistics").click();
    h.run();
    assert_eq!(h.state().screen(), Screen::Stats);
    for heading in [
        "Due forecast: next 30 days",
        "Reviews per day: last 26 weeks",
        "True retention per week",
        "Mastery per kind of fact",
        "Timeline of dated events",
    ] {
        assert!(h.query_by_label(heading).is_some(), "heading {heading}");
    }
    // Every section has data: no "nothing yet" sentence, and the summaries
    // count what was recorded.
    assert!(
        h.query_by_label_contains("No reviews in the last")
            .is_none()
    );
    assert!(h.query_by_label_contains("No review answers yet").is_none());
    assert!(h.query_by_label_contains("Nothing is due").is_none());
    assert!(
        h.query_by_label_contains(&format!("{recorded} reviews on 20 days"))
            .is_some(),
        "heatmap summary for {recorded} reviews"
    );
    assert!(
        h.query_by_label_contains("review answers were not Again")
            .is_some()
    );
    assert!(h.query_by_label_contains("due in 30 days").is_some());
    assert_eq!(
        h.get_by_role_and_label(egui::accesskit::Role::ComboBox, "Deck")
            .value()
            .as_deref(),
        Some("All decks")
    );
    // The timeline lists the deck's dated events, oldest first.
    let deck = h.state().store().deck(DEFAULT_DECK).expect("deck").clone();
    let cards: Vec<_> = deck.active_cards().collect();
    let events = timeline(cards.iter().map(|c| (DEFAULT_DECK, c)));
    assert!(events.len() >= 2, "{} events", events.len());
    for e in [&events[0], &events[events.len() - 1]] {
        assert!(h.query_by_label(&e.text).is_some(), "event {}", e.text);
        assert!(
            h.query_all_by_label(&e.label).next().is_some(),
            "date {}",
            e.label
        );
    }
    let span = format!(
        "{} events from {} to {}, oldest first.",
        events.len(),
        events[0].label,
        events[events.len() - 1].label
    );
    assert!(h.query_by_label(&span).is_some(), "{span}");
    drop(h);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn statistics_without_history_say_so_in_words() {
    let dir = fresh_dir("empty");
    let mut h = harness(&dir);
    h.get_by_label("Statistics").click();
    h.run();
    assert!(
        h.query_by_label_contains("No reviews in the last 26 weeks")
            .is_some()
    );
    assert!(h.query_by_label_contains("No review answers yet").is_some());
    assert!(
        h.query_by_label_contains("Nothing is due in the next 30 days")
            .is_some()
    );
    // Cards and dated events exist before any study.
    assert!(h.query_by_label("Mastery per kind of fact").is_some());
    assert!(h.query_by_label_contains("No dated events").is_none());
    drop(h);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn rename_a_deck_inline_and_refuse_an_empty_name() {
    let dir = fresh_dir("rename");
    let mut h = harness(&dir);
    h.get_by_label(&format!("Rename {DEFAULT_DECK}")).click();
    h.run();
    let field = format!("New name for {DEFAULT_DECK}");
    set_field(&mut h, &field, "   ");
    h.key_press(Key::Enter);
    h.run();
    assert!(h.query_by_label_contains("Not renamed:").is_some());
    assert!(h.state().store().deck(DEFAULT_DECK).is_some());

    set_field(&mut h, &field, "skies");
    h.key_press(Key::Enter);
    h.run();
    assert!(h.query_by_label_contains("Not renamed:").is_none());
    assert!(h.query_by_label(&field).is_none(), "the field closed");
    assert!(
        h.query_by_label("skies").is_some(),
        "listed under the new name"
    );
    assert_eq!(
        h.state().message(),
        Some(&Message::Info(format!(
            "Renamed deck '{DEFAULT_DECK}' to 'skies'."
        )))
    );
    drop(h);
    let store = open_retry(&dir);
    assert!(store.deck("skies").is_some());
    assert!(store.deck(DEFAULT_DECK).is_none());
    drop(store);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn delete_asks_first_and_cancel_keeps_the_deck() {
    let dir = fresh_dir("delete");
    {
        let mut store = open_retry(&dir);
        seed_history(&mut store, 2, 1);
    }
    let mut h = harness(&dir);
    let cards = h
        .state()
        .store()
        .deck(DEFAULT_DECK)
        .expect("deck")
        .active_cards()
        .count();
    let delete = format!("Delete {DEFAULT_DECK}");
    h.get_by_label(&delete).click();
    h.run();
    assert!(h.query_by_label("Delete this deck?").is_some());
    let question = format!("Deck '{DEFAULT_DECK}' has {cards} cards and 2 reviews.");
    assert!(h.query_by_label_contains(&question).is_some(), "{question}");
    h.get_by_label("Cancel").click();
    h.run();
    assert!(h.query_by_label("Delete this deck?").is_none());
    assert!(h.state().store().deck(DEFAULT_DECK).is_some());

    h.get_by_label(&delete).click();
    h.run();
    h.get_by_label("Delete").click();
    h.run();
    assert!(h.query_by_label("Delete this deck?").is_none());
    assert!(h.state().store().deck(DEFAULT_DECK).is_none());
    assert!(h.query_by_label_contains("No decks yet").is_some());
    drop(h);
    let store = Store::open(&dir).expect("reopen").0;
    assert!(store.deck(DEFAULT_DECK).is_none());
    assert_eq!(store.review_count(), 0, "its reviews left the history");
    drop(store);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn regenerate_reports_kept_added_and_removed() {
    let dir = fresh_dir("regenerate");
    let mut h = harness(&dir);
    let n = h
        .state()
        .store()
        .deck(DEFAULT_DECK)
        .expect("deck")
        .cards
        .len();
    h.get_by_label(&format!("Regenerate {DEFAULT_DECK}"))
        .click();
    h.run();
    let expected = format!("Regenerated '{DEFAULT_DECK}': {n} kept, 0 added, 0 removed.");
    assert!(h.query_by_label(&expected).is_some(), "{expected}");
    drop(h);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn settings_steps_and_text_size_are_validated_and_saved() {
    let dir = fresh_dir("steps");
    let mut h = harness(&dir);
    h.get_by_label("Settings").click();
    h.run();
    assert_eq!(
        h.get_by_label("Learning steps").value().as_deref(),
        Some("1m 10m")
    );
    set_field(&mut h, "Learning steps", "2m ten");
    assert!(
        h.query_by_label_contains("'ten' is not a step like 1m")
            .is_some()
    );
    assert!(h.query_by_label("Fix the steps to save").is_some());
    h.get_by_label("Save").click();
    h.run();
    assert_eq!(h.state().store().settings().learning_steps, vec![60, 600]);

    set_field(&mut h, "Learning steps", "2m 15m 1h");
    set_field(&mut h, "Relearning steps", "5m");
    assert!(h.query_by_label_contains("is not a step").is_none());
    h.get_by_role_and_label(egui::accesskit::Role::Slider, "Text size")
        .set_value_accesskit(1.25);
    h.run();
    h.get_by_label("Save").click();
    h.run();
    let check = |store: &Store| {
        let s = store.settings();
        assert_eq!(s.learning_steps, vec![120, 900, 3600]);
        assert_eq!(s.relearning_steps, vec![300]);
        assert!((s.text_scale - 1.25).abs() < 1e-6, "{}", s.text_scale);
    };
    check(h.state().store());
    // Saved text size zooms the whole window.
    assert!((h.ctx.zoom_factor() - 1.25).abs() < 1e-6);
    drop(h);
    check(&open_retry(&dir));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn optimise_with_too_few_reviews_says_how_many_are_needed() {
    let dir = fresh_dir("optimise");
    {
        let mut store = open_retry(&dir);
        seed_history(&mut store, 3, 4);
    }
    let mut h = harness(&dir);
    h.get_by_label("Settings").click();
    h.run();
    h.get_by_label("Optimise my parameters").click();
    h.run();
    // On the screen and in the status bar.
    let said = h
        .query_all_by_label_contains("Not enough history yet:")
        .next()
        .and_then(|n| n.value())
        .expect("the optimiser's answer");
    assert!(said.contains("of the 400 needed"), "{said}");
    assert!(h.state().store().settings().fsrs_params.is_empty());
    drop(h);
    assert!(open_retry(&dir).settings().fsrs_params.is_empty());
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn export_a_deck_from_the_decks_screen() {
    let dir = fresh_dir("export");
    let mut h = harness(&dir);
    let cards = h
        .state()
        .store()
        .deck(DEFAULT_DECK)
        .expect("built-in deck")
        .active_cards()
        .count();
    for (item, ext) in [
        ("Anki package (.apkg)", "apkg"),
        ("Anki text import (.txt)", "txt"),
        ("Card JSON (.json)", "json"),
    ] {
        h.get_by_label(&format!("Export {DEFAULT_DECK}")).click();
        h.run();
        h.get_by_label(item).click();
        h.run();
        let path = dir.join("exports").join(format!("{DEFAULT_DECK}.{ext}"));
        let expected = format!(
            "Exported {cards} cards of '{DEFAULT_DECK}' to {}.",
            path.display()
        );
        assert_eq!(
            h.state().message(),
            Some(&Message::Info(expected)),
            "{item}"
        );
        let bytes = std::fs::read(&path).expect("exported file");
        match ext {
            "apkg" => assert_eq!(&bytes[..2], b"PK", "a zip package"),
            "txt" => {
                let text = String::from_utf8(bytes).unwrap();
                assert!(text.starts_with("#separator:tab"), "{text}");
                assert_eq!(text.lines().filter(|l| !l.starts_with('#')).count(), cards);
            }
            _ => {
                let v: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
                assert_eq!(v["cards"].as_array().map(Vec::len), Some(cards));
            }
        }
    }
    drop(h);
    let _ = std::fs::remove_dir_all(&dir);
}
