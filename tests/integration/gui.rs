//! The desktop app driven headless through egui_kittest (no display, no
//! GPU): the real `TreatyApp` over a real store in a temporary folder.

use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use treatydeck::core::model::Rating;
use treatydeck::gui::{Screen, TreatyApp};
use treatydeck::store::progress::Store;

use crate::util::{
    app_harness as harness, fresh_store_dir, open_retry, open_retry as reopen, temp_dir,
};

fn fresh_dir(tag: &str) -> std::path::PathBuf {
    fresh_store_dir(&format!("gui-{tag}"))
}

#[test]
fn study_two_cards_by_keyboard() {
    let dir = fresh_dir("keys");
    let mut h = harness(&dir);
    h.get_by_label("Study").click();
    h.run();
    assert_eq!(h.state().screen(), Screen::Study);
    for n in 0..2 {
        assert!(h.state().session().current_card().is_some(), "card {n}");
        h.key_press(Key::Space);
        h.run();
        assert!(h.state().session().is_revealed(), "revealed {n}");
        // The grade buttons carry their interval previews.
        assert!(h.query_by_label_contains("Good · ").is_some());
        h.key_press(Key::Num3);
        h.run();
    }
    assert_eq!(h.state().session().answered(), 2);
    assert!(h.query_by_label("2 answered this session").is_some());
    // The session's progress bar counts them against what is left.
    let left = {
        let s = h.state().store();
        let stats = treatydeck::cli::all_deck_stats(
            s,
            &treatydeck::core::scheduler::Scheduler::new(s.settings()).unwrap(),
            treatydeck::cli::now_secs(),
        );
        stats
            .iter()
            .map(|d| d.new + d.learning + d.due)
            .sum::<usize>()
    };
    let bar = format!("2 of {} cards done this session", 2 + left);
    assert!(h.query_by_label(&bar).is_some(), "{bar}");
    assert_eq!(h.state().store().review_count(), 2);
    drop(h);
    let store = reopen(&dir);
    assert_eq!(store.review_count(), 2);
    assert!(store.reviews().all(|r| r.rating == Rating::Good));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn undo_takes_back_the_last_answer() {
    let dir = fresh_dir("undo");
    let mut h = harness(&dir);
    h.get_by_label("Study").click();
    h.run();
    let first = h.state().session().current_card().map(|c| c.id.clone());
    h.get_by_label("Show answer").click();
    h.run();
    h.get_by_label_contains("Again · ").click();
    h.run();
    assert_eq!(h.state().store().review_count(), 1);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(h.state().store().review_count(), 0);
    assert_eq!(h.state().session().answered(), 0);
    // The undone card is back on show.
    assert_eq!(
        h.state().session().current_card().map(|c| c.id.clone()),
        first
    );
    drop(h);
    assert_eq!(reopen(&dir).review_count(), 0);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn typed_answer_is_checked_and_suggests_a_grade() {
    let dir = fresh_dir("typed");
    let mut h = harness(&dir);
    h.get_by_label("Study").click();
    h.run();
    let answer = h
        .state()
        .session()
        .current_card()
        .map(|c| c.answer.clone())
        .expect("a card");
    h.get_by_label("Your answer").focus();
    h.run();
    h.get_by_label("Your answer").type_text(&answer);
    h.run();
    // Enter in the field checks the answer and shows the answer side.
    h.key_press(Key::Enter);
    h.run();
    assert!(h.state().session().is_revealed());
    assert!(h.query_by_label("Correct").is_some());
    // Enter takes the suggested grade (Good).
    h.key_press(Key::Enter);
    h.run();
    assert_eq!(h.state().store().review_count(), 1);
    assert!(
        h.state()
            .store()
            .reviews()
            .all(|r| r.rating == Rating::Good)
    );
    drop(h);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn end_of_session_says_done_for_today() {
    let dir = fresh_dir("end");
    {
        let mut store = open_retry(&dir);
        let mut s = store.settings().clone();
        s.new_per_day = 1;
        store.set_settings(s).expect("settings");
    }
    let mut h = harness(&dir);
    h.get_by_label("Study").click();
    h.run();
    h.key_press(Key::Space);
    h.run();
    h.get_by_label_contains("Easy · ").click();
    h.run();
    assert!(h.state().session().is_finished());
    assert!(h.query_by_label_contains("Done for today").is_some());
    assert!(h.query_by_label_contains("Next card due in").is_some());
    assert!(h.query_by_label("1 answered this session").is_some());
    drop(h);
    assert_eq!(reopen(&dir).review_count(), 1);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn decks_screen_lists_the_builtin_deck_with_counts() {
    let dir = fresh_dir("decks");
    let mut h = harness(&dir);
    assert_eq!(h.state().screen(), Screen::Decks);
    let name = treatydeck::core::builtin::DEFAULT_DECK;
    assert!(h.query_by_label(name).is_some());
    let store = h.state().store();
    let new_today = store.settings().new_per_day as usize;
    let cards = store.deck(name).expect("deck").active_cards().count();
    // New cards shown are the daily limit (or fewer if the deck is small).
    let shown = new_today.min(cards).to_string();
    assert!(h.query_by_label(&shown).is_some(), "new count {shown}");
    assert!(h.query_by_label("Learning").is_some());
    assert!(h.query_by_label("Due").is_some());
    // Its study button opens the study screen on that deck.
    h.get_by_label(&format!("Study {name}")).click();
    h.run();
    assert_eq!(h.state().screen(), Screen::Study);
    assert_eq!(h.state().session().deck_filter(), Some(name));
    drop(h);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn settings_are_saved_to_the_store() {
    let dir = fresh_dir("settings");
    let mut h = harness(&dir);
    h.get_by_label("Settings").click();
    h.run();
    assert!(h.query_by_label(&dir.display().to_string()).is_some());
    let field = h.get_by_label("New cards per day");
    field.click();
    h.run();
    // A focused DragValue is a text field: replace its value.
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.get_by_label("New cards per day").type_text("7");
    h.key_press(Key::Enter);
    h.run();
    // The theme is part of the settings: it shows at once and is saved.
    h.get_by_label("Light").click();
    h.run();
    assert_eq!(h.ctx.theme(), egui::Theme::Light);
    h.get_by_label("Save").click();
    h.run();
    assert_eq!(h.state().store().settings().new_per_day, 7);
    drop(h);
    let store = reopen(&dir);
    assert_eq!(store.settings().new_per_day, 7);
    assert_eq!(
        store.settings().theme,
        treatydeck::core::model::ThemeChoice::Light
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn without_a_display_the_binary_says_so_in_one_line() {
    let dir = temp_dir("gui-nodisplay");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_treatydeck"))
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY")
        .env("TREATYDECK_DATA_DIR", &dir)
        .stdin(std::process::Stdio::null())
        .output()
        .expect("run treatydeck");
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(
        err.trim_end(),
        "treatydeck: no display available; use the terminal commands instead: \
         treatydeck study, treatydeck generate ARTICLE, treatydeck stats"
    );
    assert!(out.stdout.is_empty());
    let _ = std::fs::remove_dir_all(&dir);
}

const ARTICLE: &str = "On 8 December 1987, the United States and the Soviet Union signed \
    the INF Treaty in Washington. Mikhail Gorbachev said the treaty was a historic step. \
    The treaty eliminated 2,692 missiles.";

/// Open the import screen and type `text` into the article box.
fn import_text(h: &mut Harness<'static, TreatyApp>, text: &str) {
    h.get_by_label("Import").click();
    h.run();
    assert_eq!(h.state().screen(), Screen::Import);
    h.get_by_label("Article text").focus();
    h.run();
    h.get_by_label("Article text").type_text(text);
    h.run();
}

/// Replace what a one-line field holds with `text`.
fn set_field(h: &mut Harness<'static, TreatyApp>, label: &str, text: &str) {
    h.get_by_label(label).focus();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.get_by_label(label).type_text(text);
    h.run();
}

#[test]
fn import_pasted_text_untick_a_card_and_save() {
    let dir = fresh_dir("import");
    let g = treatydeck::core::generate(ARTICLE).expect("the article gives cards");
    assert!(g.cards.len() >= 3, "{} cards", g.cards.len());
    let mut h = harness(&dir);
    import_text(&mut h, ARTICLE);
    // The live preview: every card is a ticked checkbox labelled with its
    // question, under a header per kind with its count.
    for c in &g.cards {
        assert!(h.query_by_label(&c.question).is_some(), "{}", c.question);
    }
    assert!(h.query_by_label_contains("Dates (").is_some());
    assert!(h.query_by_label("Deck name").is_some());
    let first = &g.cards[0];
    h.get_by_label(&first.question).click();
    h.run();
    set_field(&mut h, "Deck name", "inf-1987");
    h.get_by_label("Save deck").click();
    h.run();

    assert_eq!(h.state().screen(), Screen::Decks);
    let expected = format!("Imported deck 'inf-1987': {} cards", g.cards.len() - 1);
    assert!(h.query_by_label(&expected).is_some(), "{expected}");
    assert!(h.query_by_label("inf-1987").is_some(), "listed on Decks");
    let check = |store: &Store| {
        let deck = store.deck("inf-1987").expect("deck saved");
        assert_eq!(deck.title, g.deck.title);
        assert_eq!(deck.article, ARTICLE);
        assert_eq!(deck.cards, g.cards);
        assert_eq!(deck.removed.len(), 1);
        assert!(deck.is_removed(&first.id));
        assert_eq!(deck.active_cards().count(), g.cards.len() - 1);
    };
    check(h.state().store());
    drop(h);
    check(&reopen(&dir));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn import_shows_errors_and_saves_nothing() {
    let dir = fresh_dir("import-errors");
    let mut h = harness(&dir);
    let decks = h.state().store().decks().len();
    import_text(&mut h, "it was quiet.");
    assert!(h.query_by_label_contains("no facts found").is_some());
    h.get_by_label("Save deck").click();
    h.run();
    assert_eq!(h.state().screen(), Screen::Import);
    assert_eq!(h.state().store().decks().len(), decks);

    let missing = dir.join("no-such-article.txt");
    set_field(&mut h, "File path", &missing.display().to_string());
    h.get_by_label("Open file").click();
    h.run();
    let msg = format!("'{}': no such file", missing.display());
    assert!(h.query_by_label(&msg).is_some(), "{msg}");

    // A binary file is refused the same way, and the text box keeps its text.
    let binary = dir.join("image.txt");
    std::fs::write(&binary, b"GIF89a\0\0\x01").expect("write");
    set_field(&mut h, "File path", &binary.display().to_string());
    h.get_by_label("Open file").click();
    h.run();
    assert!(
        h.query_by_label_contains("looks like a binary file")
            .is_some()
    );
    assert_eq!(
        h.get_by_label("Article text").value().as_deref(),
        Some("it was quiet.")
    );

    // A deck name that is taken is refused in the window.
    let builtin = treatydeck::core::builtin::DEFAULT_DECK;
    h.get_by_label("Article text").focus();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.get_by_label("Article text").type_text(ARTICLE);
    h.run();
    set_field(&mut h, "Deck name", builtin);
    h.get_by_label("Save deck").click();
    h.run();
    assert_eq!(h.state().screen(), Screen::Import);
    assert!(h.query_by_label_contains("already exists").is_some());
    assert_eq!(h.state().store().decks().len(), decks);
    drop(h);
    assert_eq!(reopen(&dir).decks().len(), decks);
    let _ = std::fs::remove_dir_all(&dir);
}

/// A file dropped on the window, as the native integration hands it over.
#[derive(Debug)]
struct Dropped(std::path::PathBuf);

impl egui::DroppedFile for Dropped {
    fn path(&self) -> &std::path::Path {
        &self.0
    }
    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}

#[test]
fn dropping_a_file_opens_it_on_the_import_screen() {
    let dir = fresh_dir("import-drop");
    let file = dir.join("INF Treaty 1987.txt");
    std::fs::write(&file, ARTICLE).expect("write");
    let mut h = harness(&dir);
    h.input_mut()
        .dropped_files
        .push(std::sync::Arc::new(Dropped(file.clone())));
    h.run();
    assert_eq!(h.state().screen(), Screen::Import);
    assert_eq!(
        h.get_by_label("Deck name").value().as_deref(),
        Some("inf-treaty-1987")
    );
    h.get_by_label("Save deck").click();
    h.run();
    assert_eq!(h.state().screen(), Screen::Decks);
    let n = treatydeck::core::generate(ARTICLE)
        .expect("cards")
        .cards
        .len();
    let deck = h.state().store().deck("inf-treaty-1987").expect("saved");
    assert_eq!(deck.active_cards().count(), n);
    drop(h);
    let _ = std::fs::remove_dir_all(&dir);
}

/// Run frames until `done` holds (the chooser answers from its own thread).
fn run_until(
    h: &mut Harness<'static, TreatyApp>,
    what: &str,
    done: impl Fn(&Harness<'static, TreatyApp>) -> bool,
) {
    for _ in 0..300 {
        // A spinner repaints while the chooser is open: step, not run.
        h.step();
        if done(h) {
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    panic!("never happened: {what}");
}

#[test]
fn choose_file_opens_the_chosen_article_or_says_why_not() {
    let dir = fresh_dir("chooser");
    let article = dir.join("inf-1987.md");
    std::fs::write(&article, ARTICLE).expect("write");
    // A stand-in for zenity: prints the chosen path and exits 0.
    let store = open_retry(&dir);
    let path = article.display().to_string();
    let mut h = Harness::builder()
        .with_size([1280.0, 800.0])
        .build_eframe(move |_cc| {
            TreatyApp::new(store).with_file_choosers(vec![
                vec!["treatydeck-no-such-chooser".into()],
                vec!["echo".into(), path.clone()],
            ])
        });
    h.run();
    h.get_by_label("Import").click();
    h.run();
    h.get_by_label("Choose file…").click();
    h.step();
    run_until(&mut h, "the article is loaded", |h| {
        h.query_by_label("Article text")
            .and_then(|n| n.value())
            .is_some_and(|v| v == ARTICLE)
    });
    h.run();
    assert_eq!(
        h.get_by_label("File path").value().as_deref(),
        Some(article.display().to_string().as_str())
    );
    assert_eq!(
        h.get_by_label("Deck name").value().as_deref(),
        Some("inf-1987")
    );
    drop(h);

    // No chooser installed: a sentence in the window, nothing changes.
    let store = open_retry(&dir);
    let mut h = Harness::builder()
        .with_size([1280.0, 800.0])
        .build_eframe(move |_cc| {
            TreatyApp::new(store)
                .with_file_choosers(vec![vec!["treatydeck-no-such-chooser".into()]])
        });
    h.run();
    h.get_by_label("Import").click();
    h.run();
    h.get_by_label("Choose file…").click();
    h.step();
    run_until(&mut h, "the error is shown", |h| {
        h.query_by_label_contains("No file chooser is installed")
            .is_some()
    });
    assert_eq!(h.get_by_label("Article text").value().as_deref(), Some(""));
    drop(h);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn the_answer_side_shows_the_sentence_in_its_paragraph() {
    let dir = fresh_dir("in-article");
    let mut h = harness(&dir);
    h.get_by_label("Study").click();
    h.run();
    h.key_press(Key::Space);
    h.run();
    let card = h.state().session().current_card().expect("a card").clone();
    let paragraph = treatydeck::core::text::parse(
        &h.state()
            .store()
            .deck(treatydeck::core::builtin::DEFAULT_DECK)
            .expect("deck")
            .article,
    )
    .paragraphs[card.paragraph]
        .clone();
    assert!(paragraph.contains(&card.sentence));
    assert!(h.query_by_label(&paragraph).is_none(), "collapsed at first");
    h.get_by_label("Show in article").click();
    h.run();
    assert!(
        h.query_by_label(&paragraph).is_some(),
        "the whole paragraph"
    );
    drop(h);
    let _ = std::fs::remove_dir_all(&dir);
}
