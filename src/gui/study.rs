//! The study screen: one card at a time, answer, grade, next. Every answer
//! goes through [`Store::record_review`] before the next card is chosen.

use std::time::Instant;

use eframe::egui::{self, Color32, Key, Modifiers, RichText};

use super::{Message, Screen, TreatyApp};
use crate::cli::now_secs;
use crate::core::answer::{self, Verdict};
use crate::core::model::{Rating, Review};
use crate::core::scheduler::{self, Preview, Scheduler};
use crate::core::{Card, FactKind};
use crate::session::{self as queue, NextCard, TodayReviews};
use crate::store::progress::Store;

/// How often the end screen looks again for cards that fell due.
const RECHECK_SECS: i64 = 30;
/// The keys that pick choices A–D.
const CHOICE_KEYS: [Key; 4] = [Key::A, Key::B, Key::C, Key::D];
/// The keys that grade 1–4.
const GRADE_KEYS: [Key; 4] = [Key::Num1, Key::Num2, Key::Num3, Key::Num4];

/// A study session: which decks, today's answers, the card on show.
#[derive(Default)]
pub struct Session {
    started: bool,
    filter: Option<String>,
    today: TodayReviews,
    done: usize,
    current: Option<Shown>,
    finished: Option<Finished>,
}

/// The card on show and what the learner has done with it so far.
struct Shown {
    next: NextCard,
    shown_at: Instant,
    revealed: bool,
    typed: String,
    verdict: Option<Verdict>,
    previews: [Preview; 4],
    /// The paragraph the card comes from (its sentence is highlighted).
    paragraph: Option<String>,
}

/// Nothing left: when the next card is due (for the end screen).
struct Finished {
    checked_at: i64,
    next_due: Option<i64>,
}

/// What the learner asked for, by key or button.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Action {
    Reveal,
    Grade(Rating),
    /// Enter/Space on the answer side: the suggested grade, else Good.
    Accept,
    Undo,
    Choose(usize),
    Bury,
    Suspend,
    CheckAgain,
    StudyAll,
    ToDecks,
}

impl Session {
    /// A new session over `filter` (one deck) or all decks.
    pub(crate) fn start(
        filter: Option<String>,
        store: &Store,
        sched: &Scheduler,
        now: i64,
    ) -> Self {
        Session {
            started: true,
            filter,
            today: queue::today_reviews(store, sched, now),
            done: 0,
            current: None,
            finished: None,
        }
    }

    pub(crate) fn is_started(&self) -> bool {
        self.started
    }

    /// Cards answered in this session (undo takes one back).
    pub fn answered(&self) -> usize {
        self.done
    }

    /// The deck studied, or `None` for all decks.
    pub fn deck_filter(&self) -> Option<&str> {
        self.filter.as_deref()
    }

    /// The card on show, if any.
    pub fn current_card(&self) -> Option<&Card> {
        self.current.as_ref().map(|s| &s.next.card)
    }

    /// Whether the answer side is showing.
    pub fn is_revealed(&self) -> bool {
        self.current.as_ref().is_some_and(|s| s.revealed)
    }

    /// Whether the session has run out of cards.
    pub fn is_finished(&self) -> bool {
        self.current.is_none() && self.finished.is_some()
    }

    /// New limits or a new scheduler: choose the card again (keeps one
    /// whose answer is showing, with fresh interval previews later).
    pub(crate) fn settings_changed(&mut self) {
        if !self.is_revealed() {
            self.current = None;
        }
        self.finished = None;
    }

    /// Pick the next card if none is on show (or look again after a while
    /// on the end screen).
    fn refresh(&mut self, store: &Store, sched: &Scheduler, now: i64) {
        if self.current.is_some() {
            return;
        }
        if self
            .finished
            .as_ref()
            .is_some_and(|f| (now - f.checked_at).abs() < RECHECK_SECS)
        {
            return;
        }
        match queue::next_card(store, sched, self.filter.as_deref(), &self.today, now) {
            Some(next) => {
                // The card's paragraph, for "Show in article".
                let paragraph = store.deck(&next.deck).and_then(|d| {
                    crate::core::text::parse(&d.article)
                        .paragraphs
                        .get(next.card.paragraph)
                        .cloned()
                });
                let mut shown = Shown::new(next, sched, now);
                shown.paragraph = paragraph;
                self.current = Some(shown);
                self.finished = None;
            }
            None => {
                self.finished = Some(Finished {
                    checked_at: now,
                    next_due: queue::next_due(store, self.filter.as_deref(), now),
                });
            }
        }
    }
}

impl Shown {
    fn new(next: NextCard, sched: &Scheduler, now: i64) -> Self {
        let previews = sched.preview(&next.card.id, &next.state, now);
        Shown {
            next,
            shown_at: Instant::now(),
            revealed: false,
            typed: String::new(),
            verdict: None,
            previews,
            paragraph: None,
        }
    }

    /// Show the answer side, checking what was typed (if anything).
    fn reveal(&mut self, sched: &Scheduler, now: i64) {
        if !self.typed.trim().is_empty() {
            self.verdict = Some(answer::check(&self.next.card, &self.typed));
        }
        self.previews = sched.preview(&self.next.card.id, &self.next.state, now);
        self.revealed = true;
    }

    fn suggested(&self) -> Option<Rating> {
        self.verdict.map(Verdict::suggested)
    }
}

/// Keyboard shortcuts, read (and consumed) before any widget is drawn.
/// Nothing is taken while a text field has the focus.
pub(crate) fn read_keys(ctx: &egui::Context, session: &Session) -> Vec<Action> {
    if ctx.text_edit_focused() {
        return Vec::new();
    }
    let mut actions = Vec::new();
    ctx.input_mut(|i| {
        if i.consume_key(Modifiers::COMMAND, Key::Z) {
            actions.push(Action::Undo);
        }
        let Some(shown) = &session.current else {
            return;
        };
        if shown.revealed {
            for (n, key) in GRADE_KEYS.into_iter().enumerate() {
                if i.consume_key(Modifiers::NONE, key)
                    && let Some(r) = Rating::from_number(n as u8 + 1)
                {
                    actions.push(Action::Grade(r));
                }
            }
            if i.consume_key(Modifiers::NONE, Key::Enter)
                || i.consume_key(Modifiers::NONE, Key::Space)
            {
                actions.push(Action::Accept);
            }
        } else {
            if i.consume_key(Modifiers::NONE, Key::Space)
                || i.consume_key(Modifiers::NONE, Key::Enter)
            {
                actions.push(Action::Reveal);
            }
            let choices = shown.next.card.choices.as_ref().map_or(0, Vec::len);
            for (n, key) in CHOICE_KEYS.into_iter().enumerate().take(choices) {
                if i.consume_key(Modifiers::NONE, key) {
                    actions.push(Action::Choose(n));
                }
            }
        }
    });
    // One thing per frame: a grade must be recorded before the next card.
    actions.truncate(1);
    actions
}

/// Carry out one action.
fn apply(app: &mut TreatyApp, action: Action) {
    let now = now_secs();
    match action {
        Action::Reveal => {
            if let Some(s) = &mut app.session.current {
                s.reveal(&app.sched, now);
            }
        }
        Action::Choose(n) => {
            if let Some(s) = &mut app.session.current
                && !s.revealed
            {
                s.typed = ((b'A' + n as u8) as char).to_string();
                s.reveal(&app.sched, now);
            }
        }
        Action::Accept => {
            let r = app
                .session
                .current
                .as_ref()
                .map(|s| s.suggested().unwrap_or(Rating::Good));
            if let Some(r) = r {
                grade(app, r, now);
            }
        }
        Action::Grade(r) => grade(app, r, now),
        Action::Undo => undo(app, now),
        Action::Bury | Action::Suspend => set_aside(app, action == Action::Suspend, now),
        Action::CheckAgain => app.session.finished = None,
        Action::StudyAll => app.start_study(None),
        Action::ToDecks => app.set_screen(Screen::Decks),
    }
}

/// Record an answer, then let the next card be chosen.
fn grade(app: &mut TreatyApp, rating: Rating, now: i64) {
    let Some(shown) = &app.session.current else {
        return;
    };
    if !shown.revealed {
        return;
    }
    let NextCard { deck, card, state } = &shown.next;
    let after = app.sched.answer(&card.id, state, rating, now);
    let review = Review {
        seq: app.store.next_seq(),
        time: now,
        deck: deck.clone(),
        card: card.id.clone(),
        rating,
        taken_ms: shown
            .shown_at
            .elapsed()
            .as_millis()
            .min(u128::from(u32::MAX)) as u32,
        before: state.clone(),
        after: after.clone(),
    };
    match app.store.record_review(review.clone()) {
        Ok(()) => {
            app.session
                .today
                .entry(review.deck.clone())
                .or_default()
                .push(review);
            app.session.done += 1;
            app.session.current = None;
            app.session.finished = None;
            app.invalidate();
            let leech = if after.leech {
                " This card is a leech (answered wrong many times) and has been suspended."
            } else {
                ""
            };
            app.message = Some(Message::Info(format!(
                "Recorded {}: next {}.{leech}",
                rating.label(),
                queue::when(after.due, now)
            )));
        }
        Err(e) => {
            app.message = Some(Message::Error(format!("The answer was not saved: {e}")));
        }
    }
}

/// Take back the last answer and show that card again.
fn undo(app: &mut TreatyApp, now: i64) {
    match app.store.undo_last() {
        Ok(Some(r)) => {
            if let Some(v) = app.session.today.get_mut(&r.deck) {
                v.retain(|x| x.seq != r.seq);
            }
            app.session.done = app.session.done.saturating_sub(1);
            app.invalidate();
            let again = app.store.deck(&r.deck).and_then(|d| {
                d.card(&r.card).map(|card| NextCard {
                    deck: r.deck.clone(),
                    state: d.state(&r.card),
                    card,
                })
            });
            app.session.current = again.map(|n| Shown::new(n, &app.sched, now));
            app.session.finished = None;
            app.message = Some(Message::Info(format!(
                "Undid the last answer ({}).",
                r.rating.label()
            )));
        }
        Ok(None) => app.message = Some(Message::Info("Nothing to undo.".into())),
        Err(e) => app.message = Some(Message::Error(format!("Could not undo: {e}"))),
    }
}

/// Bury the card until tomorrow, or suspend it.
fn set_aside(app: &mut TreatyApp, suspend: bool, now: i64) {
    let Some(shown) = &app.session.current else {
        return;
    };
    let NextCard { deck, card, state } = &shown.next;
    let new_state = if suspend {
        scheduler::suspend(state)
    } else {
        let hour = app.sched.settings().day_start_hour;
        scheduler::bury(state, now, app.sched.utc_offset_secs(), hour)
    };
    match app.store.set_state(deck, &card.id, new_state) {
        Ok(()) => {
            app.session.current = None;
            app.session.finished = None;
            app.invalidate();
            app.message = Some(Message::Info(
                if suspend {
                    "Suspended: this card will not be shown until you unsuspend it."
                } else {
                    "Buried until tomorrow."
                }
                .into(),
            ));
        }
        Err(e) => app.message = Some(Message::Error(format!("Not changed: {e}"))),
    }
}

/// How a revealed choice is marked.
#[derive(Debug, Clone, Copy)]
struct ChoiceColors {
    fill: Color32,
    text: Color32,
    edge: Color32,
}

/// The right choice in green, a wrong pick in red, with fills that keep
/// the theme's text readable: deep under light text in the dark theme,
/// pale under dark text in the light theme. `None`: an unmarked choice.
fn choice_colors(visuals: &egui::Visuals, right: bool, picked: bool) -> Option<ChoiceColors> {
    let dark = visuals.dark_mode;
    let (fill, edge) = if right {
        let fill = if dark {
            Color32::from_rgb(30, 110, 60)
        } else {
            Color32::from_rgb(190, 235, 200)
        };
        (fill, Color32::from_rgb(40, 150, 80))
    } else if picked {
        let fill = if dark {
            Color32::from_rgb(130, 40, 40)
        } else {
            Color32::from_rgb(250, 205, 205)
        };
        (fill, Color32::from_rgb(200, 70, 70))
    } else {
        return None;
    };
    Some(ChoiceColors {
        fill,
        text: visuals.strong_text_color(),
        edge,
    })
}

/// The colour of a kind's badge.
fn kind_color(kind: FactKind) -> Color32 {
    match kind {
        FactKind::Date => Color32::from_rgb(52, 110, 190),
        FactKind::Party => Color32::from_rgb(150, 80, 170),
        FactKind::Treaty => Color32::from_rgb(40, 140, 110),
        FactKind::Speaker => Color32::from_rgb(190, 110, 40),
        FactKind::Role => Color32::from_rgb(170, 70, 80),
        FactKind::Number => Color32::from_rgb(100, 110, 125),
    }
}

fn badge(ui: &mut egui::Ui, kind: FactKind) {
    egui::Frame::new()
        .fill(kind_color(kind))
        .corner_radius(4.0)
        .inner_margin(egui::Margin::symmetric(8, 2))
        .show(ui, |ui| {
            ui.label(
                RichText::new(kind.as_str().to_uppercase())
                    .color(Color32::WHITE)
                    .strong(),
            );
        });
}

/// Draw the study screen, then carry out what was asked.
pub(crate) fn show(app: &mut TreatyApp, ui: &mut egui::Ui, keys: Vec<Action>) {
    let now = now_secs();
    if !app.session.started {
        app.session = Session::start(None, &app.store, &app.sched, now);
    }
    // Keys act on the card the learner saw in the previous frame; they
    // come before any button of this frame, and only the first is done.
    let mut actions = keys;
    app.session.refresh(&app.store, &app.sched, now);
    header(app, ui);
    ui.separator();
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            if app.store.decks().is_empty() {
                ui.heading("No decks yet");
                ui.label("Import an article with `treatydeck import ARTICLE` to make a deck.");
            } else if app.session.current.is_some() {
                card_view(app, ui, &mut actions);
            } else {
                end_view(app, ui, now, &mut actions);
            }
        });
    if let Some(&a) = actions.first() {
        apply(app, a);
        ui.ctx().request_repaint();
    }
}

fn header(app: &mut TreatyApp, ui: &mut egui::Ui) {
    let filter = app.session.filter.clone();
    let done = app.session.done;
    let (new, learning, due) = app
        .deck_stats()
        .iter()
        .filter(|s| filter.as_deref().is_none_or(|f| f == s.deck))
        .fold((0, 0, 0), |(n, l, d), s| {
            (n + s.new, l + s.learning, d + s.due)
        });
    ui.horizontal_wrapped(|ui| {
        ui.heading(match &filter {
            Some(d) => format!("Studying {d}"),
            None => "Studying all decks".into(),
        });
        ui.separator();
        ui.label(format!("{done} answered this session"));
        ui.separator();
        ui.label(RichText::new(format!("{new} new")).color(Color32::from_rgb(70, 130, 220)));
        ui.label(
            RichText::new(format!("{learning} learning")).color(Color32::from_rgb(210, 80, 70)),
        );
        ui.label(RichText::new(format!("{due} due")).color(Color32::from_rgb(60, 160, 90)));
    });
    // The session so far: answered against answered plus still to do.
    let left = new + learning + due;
    let total = done + left;
    if total > 0 {
        let fraction = done as f32 / total as f32;
        let bar = egui::ProgressBar::new(fraction)
            .desired_width(ui.available_width())
            .text(format!("{done} of {total} cards done this session"));
        ui.add(bar);
    }
}

fn card_view(app: &mut TreatyApp, ui: &mut egui::Ui, actions: &mut Vec<Action>) {
    let Some(shown) = &mut app.session.current else {
        return;
    };
    let card = shown.next.card.clone();
    ui.add_space(8.0);
    ui.horizontal(|ui| {
        badge(ui, card.kind);
        ui.weak(format!("deck {}", shown.next.deck));
    });
    ui.add_space(8.0);
    ui.label(RichText::new(&card.question).size(22.0).strong());
    ui.add_space(10.0);

    if let Some(choices) = &card.choices {
        for (n, choice) in choices.iter().enumerate().take(4) {
            let letter = (b'A' + n as u8) as char;
            let picked =
                shown.revealed && shown.typed.trim().eq_ignore_ascii_case(&letter.to_string());
            let right = shown.revealed && answer::check(&card, choice) == Verdict::Correct;
            let mut text = RichText::new(format!("{letter}) {choice}")).size(16.0);
            let colors = choice_colors(ui.visuals(), right, picked);
            if let Some(c) = colors {
                text = text.color(c.text);
            }
            let mut button = egui::Button::new(text).min_size(egui::vec2(360.0, 30.0));
            if let Some(c) = colors {
                button = button.fill(c.fill).stroke(egui::Stroke::new(1.5, c.edge));
            }
            if ui
                .add_enabled(!shown.revealed || right || picked, button)
                .clicked()
                && !shown.revealed
            {
                actions.push(Action::Choose(n));
            }
        }
        ui.add_space(8.0);
    }

    if !shown.revealed {
        ui.horizontal(|ui| {
            let label = ui.label("Your answer");
            let edit = ui
                .add(
                    egui::TextEdit::singleline(&mut shown.typed)
                        .hint_text("type it, then Enter")
                        .desired_width(320.0),
                )
                .labelled_by(label.id);
            if edit.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter)) {
                actions.push(Action::Reveal);
            }
        });
        ui.add_space(10.0);
        ui.horizontal(|ui| {
            if ui
                .add(
                    egui::Button::new(RichText::new("Show answer").size(16.0))
                        .min_size(egui::vec2(160.0, 34.0)),
                )
                .clicked()
            {
                actions.push(Action::Reveal);
            }
            ui.weak("Space or Enter shows the answer");
        });
    } else {
        answer_side(ui, shown, &card, actions);
    }

    ui.add_space(16.0);
    ui.separator();
    ui.horizontal(|ui| {
        if ui
            .button("Undo last answer")
            .on_hover_text("Ctrl+Z")
            .clicked()
        {
            actions.push(Action::Undo);
        }
        if ui.button("Bury until tomorrow").clicked() {
            actions.push(Action::Bury);
        }
        if ui.button("Suspend card").clicked() {
            actions.push(Action::Suspend);
        }
    });
}

/// `paragraph` with `sentence` marked (bold, on the selection colour).
fn highlighted(ui: &egui::Ui, paragraph: &str, sentence: &str) -> egui::text::LayoutJob {
    use egui::text::{LayoutJob, TextFormat};
    let font = egui::TextStyle::Body.resolve(ui.style());
    let plain = TextFormat {
        font_id: font.clone(),
        color: ui.visuals().text_color(),
        ..Default::default()
    };
    let marked = TextFormat {
        font_id: font,
        color: ui.visuals().strong_text_color(),
        background: ui.visuals().selection.bg_fill.gamma_multiply(0.6),
        ..Default::default()
    };
    let mut job = LayoutJob::default();
    job.wrap.max_width = ui.available_width();
    match paragraph.find(sentence).filter(|_| !sentence.is_empty()) {
        Some(at) => {
            job.append(&paragraph[..at], 0.0, plain.clone());
            job.append(sentence, 0.0, marked);
            job.append(&paragraph[at + sentence.len()..], 0.0, plain);
        }
        None => job.append(paragraph, 0.0, plain),
    }
    job
}

fn answer_side(ui: &mut egui::Ui, shown: &Shown, card: &Card, actions: &mut Vec<Action>) {
    match shown.verdict {
        Some(Verdict::Correct) => {
            ui.label(
                RichText::new("Correct")
                    .strong()
                    .size(18.0)
                    .color(Color32::from_rgb(60, 170, 90)),
            );
        }
        Some(Verdict::Typo) => {
            ui.label(
                RichText::new("Close (a small typo)")
                    .strong()
                    .size(18.0)
                    .color(Color32::from_rgb(220, 160, 40)),
            );
        }
        Some(Verdict::Wrong) => {
            ui.label(
                RichText::new("Not quite")
                    .strong()
                    .size(18.0)
                    .color(Color32::from_rgb(220, 80, 70)),
            );
        }
        None => {}
    }
    if shown.verdict.is_some() {
        ui.label(format!("You answered: {}", shown.typed.trim()));
    }
    ui.add_space(6.0);
    egui::Frame::group(ui.style())
        .inner_margin(egui::Margin::same(10))
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.label(
                RichText::new(format!("Answer: {}", card.answer))
                    .size(20.0)
                    .strong(),
            );
            if !card.accept.is_empty() {
                ui.label(format!("Also accepted: {}", card.accept.join("; ")));
            }
            if let (Some(d), true) = (&card.resolved_date, card.inferred) {
                ui.label(format!("Date inferred from the article: {d}"));
            }
            ui.add_space(4.0);
            ui.label(RichText::new(format!("Source: {}", card.sentence)).italics());
            if let Some(par) = &shown.paragraph {
                egui::CollapsingHeader::new("Show in article")
                    .id_salt(("in_article", &card.id))
                    .show(ui, |ui| {
                        ui.label(highlighted(ui, par, &card.sentence));
                    });
            }
        });
    ui.add_space(12.0);
    let suggested = shown.suggested();
    ui.horizontal_wrapped(|ui| {
        for p in &shown.previews {
            let text = format!("{} · {}", p.rating.label(), p.label);
            let mut button =
                egui::Button::new(RichText::new(text).size(16.0)).min_size(egui::vec2(130.0, 36.0));
            if suggested == Some(p.rating) {
                button = button.selected(true);
            }
            let hint = format!("Key {}", p.rating as u8);
            if ui.add(button).on_hover_text(hint).clicked() {
                actions.push(Action::Grade(p.rating));
            }
        }
    });
    ui.weak(match suggested {
        Some(r) => format!(
            "Keys 1–4 grade; Space or Enter = {} (suggested); Ctrl+Z undoes",
            r.label()
        ),
        None => "Keys 1–4 grade; Space or Enter = Good; Ctrl+Z undoes".to_string(),
    });
}

fn end_view(app: &mut TreatyApp, ui: &mut egui::Ui, now: i64, actions: &mut Vec<Action>) {
    let done = app.session.done;
    let next_due = app.session.finished.as_ref().and_then(|f| f.next_due);
    ui.add_space(24.0);
    ui.heading(RichText::new("Done for today").size(28.0));
    ui.add_space(6.0);
    ui.label(format!("{done} cards answered this session."));
    ui.label(match next_due {
        Some(t) => format!("Next card due {}.", queue::when(t, now)),
        None => "No reviews are scheduled yet; new cards come tomorrow.".to_string(),
    });
    ui.add_space(12.0);
    ui.horizontal(|ui| {
        if ui.button("Check again").clicked() {
            actions.push(Action::CheckAgain);
        }
        if app.session.filter.is_some() && ui.button("Study all decks").clicked() {
            actions.push(Action::StudyAll);
        }
        if ui.button("Back to decks").clicked() {
            actions.push(Action::ToDecks);
        }
        if ui
            .button("Undo last answer")
            .on_hover_text("Ctrl+Z")
            .clicked()
        {
            actions.push(Action::Undo);
        }
    });
}

#[cfg(test)]
mod colour_tests {
    use super::*;

    /// WCAG contrast ratio of two sRGB colours (1 to 21).
    fn contrast(a: Color32, b: Color32) -> f32 {
        let lum = |c: Color32| {
            let ch = |v: u8| {
                let v = f32::from(v) / 255.0;
                if v <= 0.039_28 {
                    v / 12.92
                } else {
                    ((v + 0.055) / 1.055).powf(2.4)
                }
            };
            0.2126 * ch(c.r()) + 0.7152 * ch(c.g()) + 0.0722 * ch(c.b())
        };
        let (x, y) = (lum(a), lum(b));
        (x.max(y) + 0.05) / (x.min(y) + 0.05)
    }

    #[test]
    fn marked_choices_are_readable_in_both_themes() {
        for visuals in [egui::Visuals::light(), egui::Visuals::dark()] {
            for (right, picked) in [(true, false), (false, true), (true, true)] {
                let c = choice_colors(&visuals, right, picked).expect("marked");
                let ratio = contrast(c.fill, c.text);
                assert!(
                    ratio >= 4.5,
                    "dark {} right {right} picked {picked}: contrast {ratio:.1}",
                    visuals.dark_mode
                );
            }
            assert!(choice_colors(&visuals, false, false).is_none());
        }
    }
}
