//! The card browser driven headless through egui_kittest: search, sort,
//! select, edit, suspend and review history, checked against the store
//! (reopened from disk where it matters).

use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use treatydeck::core::Card;
use treatydeck::core::builtin::DEFAULT_DECK;
use treatydeck::core::model::Rating;
use treatydeck::gui::{Message, Screen, TreatyApp};
use treatydeck::store::progress::Store;

use crate::util::{app_harness, fresh_store_dir, open_retry};

fn fresh_dir(tag: &str) -> std::path::PathBuf {
    fresh_store_dir(&format!("browse-{tag}"))
}

/// The app on the Browse screen.
fn browse(dir: &std::path::Path) -> Harness<'static, TreatyApp> {
    let mut h = app_harness(dir);
    h.get_by_label("Browse").click();
    h.run();
    assert_eq!(h.state().screen(), Screen::Browse);
    h
}

/// Replace what a text field holds with `text`.
fn set_field(h: &mut Harness<'static, TreatyApp>, label: &str, text: &str) {
    h.get_by_label(label).focus();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.get_by_label(label).type_text(text);
    h.run();
}

/// A card of the built-in deck whose question no other card has.
fn unique_card(store: &Store, skip: usize) -> Card {
    let deck = store.deck(DEFAULT_DECK).expect("built-in deck");
    deck.cards
        .iter()
        .filter(|c| {
            deck.cards
                .iter()
                .filter(|o| o.question == c.question)
                .count()
                == 1
        })
        .nth(skip)
        .cloned()
        .expect("a card with a unique question")
}

fn shown(h: &Harness<'static, TreatyApp>) -> Vec<(String, String)> {
    h.state()
        .browser()
        .shown_cards()
        .map(|(d, c)| (d.to_string(), c.to_string()))
        .collect()
}

fn question_lc(store: &Store, deck: &str, id: &str) -> String {
    store
        .deck(deck)
        .and_then(|d| d.card(id))
        .expect("card")
        .question
        .to_lowercase()
}

#[test]
fn browse_search_sort_select_edit_and_save() {
    let dir = fresh_dir("edit");
    let mut h = browse(&dir);
    let total = h
        .state()
        .store()
        .deck(DEFAULT_DECK)
        .expect("deck")
        .cards
        .len();
    assert!(total > 10, "{total} cards");
    assert_eq!(h.state().browser().total(), total);
    assert_eq!(h.state().browser().shown(), total);
    assert!(
        h.query_by_label(&format!("{total} of {total} cards"))
            .is_some()
    );

    // Ctrl+F focuses the search box; typing narrows the rows to cards
    // whose text contains the word.
    let card = unique_card(h.state().store(), 3);
    let word = card
        .question
        .split(|c: char| !c.is_alphanumeric())
        .max_by_key(|w| w.len())
        .expect("a word")
        .to_lowercase();
    h.key_press_modifiers(Modifiers::COMMAND, Key::F);
    h.run();
    assert!(h.get_by_label("Search").is_focused());
    h.get_by_label("Search").type_text(&word.to_uppercase());
    h.run();
    let found = shown(&h);
    assert!(
        !found.is_empty() && found.len() < total,
        "{word}: {}",
        found.len()
    );
    assert!(found.iter().any(|(_, id)| *id == card.id));
    for (deck, id) in &found {
        let c = h
            .state()
            .store()
            .deck(deck)
            .and_then(|d| d.card(id))
            .expect("card");
        let hay = format!("{} {} {} {}", c.question, c.answer, deck, c.kind.as_str());
        assert!(hay.to_lowercase().contains(&word), "{hay}");
    }

    // Sort by question: ascending, then descending on a second click.
    h.get_by_label("Clear").click();
    h.run();
    assert_eq!(h.state().browser().shown(), total);
    h.get_by_label("Question").click();
    h.run();
    assert!(h.query_by_label("Question (ascending)").is_some());
    let qs: Vec<String> = shown(&h)
        .iter()
        .map(|(d, id)| question_lc(h.state().store(), d, id))
        .collect();
    assert!(qs.windows(2).all(|w| w[0] <= w[1]), "ascending");
    assert!(qs.first() < qs.last());
    h.get_by_label("Question (ascending)").click();
    h.run();
    assert!(h.query_by_label("Question (descending)").is_some());
    let desc: Vec<String> = shown(&h)
        .iter()
        .map(|(d, id)| question_lc(h.state().store(), d, id))
        .collect();
    assert!(desc.windows(2).all(|w| w[0] >= w[1]), "descending");

    // Select the card by clicking its row (found by searching its question).
    set_field(&mut h, "Search", &card.question);
    assert!(
        h.query_by_label("Edit question").is_none(),
        "no card open yet"
    );
    h.get_by_label(&card.question).click();
    h.run();
    assert_eq!(
        h.state().browser().selected(),
        Some((DEFAULT_DECK, card.id.as_str()))
    );
    assert_eq!(
        h.get_by_label("Edit question").value().as_deref(),
        Some(card.question.as_str())
    );
    assert!(
        h.query_by_label(&card.sentence).is_some(),
        "source sentence"
    );

    let question = format!("{} (edited in the browser)", card.question);
    set_field(&mut h, "Edit question", &question);
    set_field(&mut h, "Edit answer", "An edited answer");
    set_field(&mut h, "Accepted answers", "first variant, second variant");
    h.get_by_label("Save").click();
    h.run();
    assert_eq!(
        h.state().message(),
        Some(&Message::Info("Card saved.".into()))
    );
    // The row shows the new text and the card counts as edited.
    assert!(h.query_by_label(&question).is_some());
    drop(h);
    let store = open_retry(&dir);
    let saved = store
        .deck(DEFAULT_DECK)
        .and_then(|d| d.card(&card.id))
        .expect("card");
    assert_eq!(saved.question, question);
    assert_eq!(saved.answer, "An edited answer");
    assert_eq!(saved.accept, ["first variant", "second variant"]);
    drop(store);

    // Revert to generated drops the edit.
    let mut h = browse(&dir);
    set_field(&mut h, "Search", "edited in the browser");
    assert_eq!(h.state().browser().shown(), 1);
    h.key_press(Key::Enter);
    h.key_press(Key::ArrowDown);
    h.run();
    assert_eq!(
        h.state().browser().selected(),
        Some((DEFAULT_DECK, card.id.as_str()))
    );
    h.get_by_label("Revert to generated").click();
    h.run();
    drop(h);
    let store = open_retry(&dir);
    let deck = store.deck(DEFAULT_DECK).expect("deck");
    assert_eq!(deck.card(&card.id).as_ref(), Some(&card));
    assert!(deck.edits.is_empty());
    drop(store);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn suspend_and_unsuspend_from_the_browser() {
    let dir = fresh_dir("suspend");
    let mut h = browse(&dir);
    // Keyboard only: Down selects the first row shown.
    h.key_press(Key::ArrowDown);
    h.run();
    let (deck, id) = shown(&h).first().cloned().expect("rows");
    assert_eq!(
        h.state().browser().selected(),
        Some((deck.as_str(), id.as_str()))
    );
    h.key_press(Key::ArrowDown);
    h.run();
    let (deck, id) = shown(&h).get(1).cloned().expect("rows");
    assert_eq!(
        h.state().browser().selected(),
        Some((deck.as_str(), id.as_str()))
    );
    assert!(
        !h.state()
            .store()
            .deck(&deck)
            .expect("deck")
            .state(&id)
            .suspended
    );

    h.get_by_label("Suspend").click();
    h.run();
    assert!(
        h.state()
            .store()
            .deck(&deck)
            .expect("deck")
            .state(&id)
            .suspended
    );
    assert!(h.query_by_label("Unsuspend").is_some());
    assert_eq!(
        h.query_all_by_label("suspended").count(),
        2,
        "row and flags"
    );
    drop(h);
    let store = open_retry(&dir);
    assert!(store.deck(&deck).expect("deck").state(&id).suspended);
    let others = store
        .deck(&deck)
        .expect("deck")
        .states
        .values()
        .filter(|s| s.suspended)
        .count();
    assert_eq!(others, 1, "only that card");
    drop(store);

    let mut h = browse(&dir);
    h.get_by_label("Suspended").click();
    h.run();
    h.get_by_label("Suspended (ascending)").click();
    h.run();
    // Descending: the suspended card comes first.
    assert_eq!(shown(&h).first(), Some(&(deck.clone(), id.clone())));
    h.key_press(Key::ArrowDown);
    h.run();
    h.get_by_label("Unsuspend").click();
    h.run();
    assert!(
        !h.state()
            .store()
            .deck(&deck)
            .expect("deck")
            .state(&id)
            .suspended
    );
    drop(h);
    assert!(
        !open_retry(&dir)
            .deck(&deck)
            .expect("deck")
            .state(&id)
            .suspended
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn review_history_shows_after_studying() {
    let dir = fresh_dir("history");
    let mut h = browse(&dir);
    h.get_by_label("Study").click();
    h.run();
    let card = h.state().session().current_card().cloned().expect("a card");
    h.key_press(Key::Space);
    h.run();
    h.key_press(Key::Num3);
    h.run();
    assert_eq!(h.state().store().review_count(), 1);
    let review = h.state().store().reviews().next().expect("review");
    assert_eq!(review.card, card.id);
    assert_eq!(review.rating, Rating::Good);

    h.get_by_label("Browse").click();
    h.run();
    set_field(&mut h, "Search", &card.question);
    assert!(shown(&h).iter().any(|(_, id)| *id == card.id));
    let rows_with_question = h.query_all_by_label(&card.question).count();
    assert!(rows_with_question >= 1);
    // Select it with the keyboard: leave the search box, then Down until
    // it is the selected card.
    h.key_press(Key::Enter);
    h.run();
    for _ in 0..shown(&h).len() {
        h.key_press(Key::ArrowDown);
        h.run();
        if h.state().browser().selected().map(|s| s.1) == Some(card.id.as_str()) {
            break;
        }
    }
    assert_eq!(
        h.state().browser().selected().map(|s| s.1),
        Some(card.id.as_str())
    );
    assert!(h.query_by_label("Review history (1)").is_some());
    assert!(h.query_by_label("Good").is_some());
    assert!(h.query_by_label("Not studied yet.").is_none());
    // The row's due column and lapses follow the review.
    assert!(h.query_by_label("new (not studied yet)").is_none());
    drop(h);
    let _ = std::fs::remove_dir_all(&dir);
}
