//! The card browser: every card of every deck in a searchable, sortable
//! table (only the visible rows are laid out), and beside it the selected
//! card: an editor for its question, answer and accepted answers, suspend,
//! its source sentence, scheduling state and review history.
//!
//! The rows are built once per change of the store (the app's generation
//! counter, bumped by [`TreatyApp::invalidate`]); the shown order is
//! recomputed only when the search, deck filter or sort changes.

use eframe::egui::{self, Key, Modifiers, RichText};
use egui_extras::{Column as Width, TableBuilder};

use super::{Message, TreatyApp};
use crate::cli::now_secs;
use crate::core::Card;
use crate::core::browse::{self as rows, BrowseTable, Column, Row, Sort};
use crate::core::model::{CardState, Queue, Review};
use crate::core::scheduler::{self, format_interval};
use crate::store::progress::{CardEdit, Store};

/// Height of a table row (body text is 15 points).
const ROW_HEIGHT: f32 = 24.0;
/// The search box's id (Ctrl+F focuses it; Up/Down still move the selection).
const SEARCH_ID: &str = "browse_search";

/// What the browser keeps between frames.
#[derive(Default)]
pub struct Browser {
    table: BrowseTable,
    /// The store generation and review count the table was built for.
    built_for: Option<(u64, usize)>,
    /// The rows shown, in order (indices into `table.rows`).
    view: Vec<usize>,
    /// The search, deck and sort `view` was made for.
    view_for: Option<(String, Option<usize>, Sort)>,
    search: String,
    /// Show one deck only (by name, so that it survives a rebuild).
    deck: Option<String>,
    sort: Sort,
    /// The selected card: (deck, card id).
    selected: Option<(String, String)>,
    detail: Option<Detail>,
    focus_search: bool,
    scroll_to: Option<usize>,
}

/// The selected card as loaded from the store, and the editor's text.
struct Detail {
    deck: String,
    /// With the learner's edits applied.
    card: Card,
    edited: bool,
    state: CardState,
    history: Vec<Review>,
    question: String,
    answer: String,
    accept: String,
    built_for: (u64, usize),
    /// Its index in the table's rows (found once, not per frame).
    row: Option<usize>,
}

impl Browser {
    /// How many cards the table shows (after search and deck filter).
    pub fn shown(&self) -> usize {
        self.view.len()
    }

    /// How many cards there are in all decks.
    pub fn total(&self) -> usize {
        self.table.rows.len()
    }

    /// The cards shown, in order, as (deck, card id).
    pub fn shown_cards(&self) -> impl Iterator<Item = (&str, &str)> + '_ {
        self.view.iter().map(|&i| {
            let r = &self.table.rows[i];
            (self.table.decks[r.deck].as_str(), r.id.as_str())
        })
    }

    /// The selected card, as (deck, card id).
    pub fn selected(&self) -> Option<(&str, &str)> {
        self.selected
            .as_ref()
            .map(|(d, c)| (d.as_str(), c.as_str()))
    }

    /// The current sort.
    pub fn sort(&self) -> Sort {
        self.sort
    }
}

/// Every card of every deck (unticked ones too), edits applied.
fn build_table(store: &Store) -> BrowseTable {
    let fresh = CardState::default();
    let mut t = BrowseTable::default();
    for (di, d) in store.decks().iter().enumerate() {
        t.decks.push(d.name.clone());
        t.rows.reserve(d.cards.len());
        for c in &d.cards {
            let edit = d.edits.get(&c.id);
            let q = edit.and_then(|e| e.question.as_deref());
            let a = edit.and_then(|e| e.answer.as_deref());
            let state = d.states.get(&c.id).unwrap_or(&fresh);
            let mut row = Row::new(
                di,
                &c.id,
                c.kind,
                q.unwrap_or(&c.question),
                a.unwrap_or(&c.answer),
                state,
            );
            row.unticked = d.removed.contains(&c.id);
            t.rows.push(row);
        }
    }
    t
}

fn load_detail(store: &Store, deck: &str, id: &str, key: (u64, usize)) -> Option<Detail> {
    let d = store.deck(deck)?;
    let card = d.card(id)?;
    let history = store
        .reviews()
        .filter(|r| r.card == id && r.deck == deck)
        .collect();
    Some(Detail {
        deck: deck.to_string(),
        edited: d.edits.contains_key(id),
        state: d.state(id),
        history,
        question: card.question.clone(),
        answer: card.answer.clone(),
        accept: rows::accept_text(&card.accept),
        card,
        built_for: key,
        row: None,
    })
}

/// Rebuild what is stale: the rows after a store change, the order after
/// a new search or sort, the selected card's details.
fn refresh(app: &mut TreatyApp) {
    let key = (app.generation, app.store.review_count());
    let b = &mut app.browse;
    if b.built_for != Some(key) {
        b.table = build_table(&app.store);
        b.built_for = Some(key);
        b.view_for = None;
    }
    let deck = b
        .deck
        .as_ref()
        .and_then(|n| b.table.decks.iter().position(|d| d == n));
    if deck.is_none() {
        b.deck = None;
    }
    let fresh = b
        .view_for
        .as_ref()
        .is_some_and(|(s, d, o)| *s == b.search && *d == deck && *o == b.sort);
    if !fresh {
        b.view = b.table.view(&b.search, deck, b.sort);
        b.view_for = Some((b.search.clone(), deck, b.sort));
    }
    if let Some((deck, id)) = &b.selected {
        let stale = b
            .detail
            .as_ref()
            .is_none_or(|d| d.built_for != key || d.deck != *deck || d.card.id != *id);
        if stale {
            b.detail = load_detail(&app.store, deck, id, key);
            match b.detail.as_mut() {
                Some(d) => d.row = b.table.find(deck, id),
                None => b.selected = None,
            }
        }
    } else {
        b.detail = None;
    }
}

/// Select the row at `pos` in the shown order.
fn select_shown(b: &mut Browser, pos: usize) {
    if let Some(&i) = b.view.get(pos) {
        let r = &b.table.rows[i];
        b.selected = Some((b.table.decks[r.deck].clone(), r.id.clone()));
    }
}

/// The selected card's position in the shown order.
fn selected_pos(b: &Browser) -> Option<usize> {
    let (deck, id) = b.selected.as_ref()?;
    let i = b.table.find(deck, id)?;
    b.view.iter().position(|&v| v == i)
}

/// Ctrl+F focuses the search; Up/Down move the selection (also while
/// the search box has focus, not while another text field has);
/// Ctrl+S saves the edited card.
fn read_keys(app: &mut TreatyApp, ctx: &egui::Context) {
    if ctx.input_mut(|i| i.consume_key(Modifiers::COMMAND, Key::F)) {
        app.browse.focus_search = true;
    }
    if app.browse.detail.is_some() && ctx.input_mut(|i| i.consume_key(Modifiers::COMMAND, Key::S)) {
        save(app);
    }
    let search = egui::Id::unique(SEARCH_ID);
    let other_text = ctx.text_edit_focused() && ctx.memory(|m| m.focused()) != Some(search);
    if other_text || egui::Popup::is_any_open(ctx) {
        return;
    }
    let down = ctx.input_mut(|i| i.consume_key(Modifiers::NONE, Key::ArrowDown));
    let up = ctx.input_mut(|i| i.consume_key(Modifiers::NONE, Key::ArrowUp));
    if !(up || down) {
        return;
    }
    // The arrows select rows here instead of moving the keyboard focus.
    ctx.memory_mut(|m| m.move_focus(egui::FocusDirection::None));
    let b = &mut app.browse;
    if b.view.is_empty() {
        return;
    }
    let last = b.view.len() - 1;
    let pos = match (selected_pos(b), down) {
        (Some(p), true) => (p + 1).min(last),
        (Some(p), false) => p.saturating_sub(1),
        (None, true) => 0,
        (None, false) => last,
    };
    select_shown(b, pos);
    b.scroll_to = Some(pos);
}

pub(crate) fn show(app: &mut TreatyApp, ui: &mut egui::Ui) {
    let now = now_secs();
    let ctx = ui.ctx().clone();
    refresh(app);
    read_keys(app, &ctx);
    // A new selection by key: load it before drawing.
    refresh(app);
    if app.browse.detail.is_some() {
        // About 40% of the window: the table keeps most of an 800-point one.
        let width = ui.available_width();
        egui::Panel::right("browse_detail")
            .resizable(true)
            .default_size((width * 0.4).clamp(280.0, 400.0))
            .size_range(260.0..=(width * 0.6).max(300.0))
            .show(ui, |ui| detail_panel(app, ui, now));
    }
    search_bar(app, ui);
    ui.add_space(4.0);
    table(app, ui, now);
    // What the clicks or the editor changed shows next frame.
    refresh(app);
}

fn search_bar(app: &mut TreatyApp, ui: &mut egui::Ui) {
    let b = &mut app.browse;
    ui.horizontal_wrapped(|ui| {
        ui.heading("Browse");
        ui.add_space(12.0);
        let label = ui
            .label("Search")
            .on_hover_text("Ctrl+F. Every word must appear in the question, answer, deck or kind.");
        let resp = ui
            .add(
                egui::TextEdit::singleline(&mut b.search)
                    .id(egui::Id::unique(SEARCH_ID))
                    .hint_text("question, answer, deck, kind")
                    .desired_width(220.0),
            )
            .labelled_by(label.id);
        if std::mem::take(&mut b.focus_search) {
            resp.request_focus();
        }
        if !b.search.is_empty()
            && ui
                .small_button("Clear")
                .on_hover_text("Clear the search")
                .clicked()
        {
            b.search.clear();
        }
        ui.add_space(8.0);
        egui::ComboBox::from_label("Deck filter")
            .selected_text(b.deck.as_deref().unwrap_or("All decks"))
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut b.deck, None, "All decks");
                for name in &b.table.decks {
                    let on = b.deck.as_deref() == Some(name.as_str());
                    if ui.selectable_label(on, name).clicked() {
                        b.deck = Some(name.clone());
                    }
                }
            });
        ui.add_space(8.0);
        ui.weak(format!("{} of {} cards", b.view.len(), b.table.rows.len()))
            .on_hover_text("Up/Down select a card · Ctrl+F search · Ctrl+S save an edit");
    });
}

fn table(app: &mut TreatyApp, ui: &mut egui::Ui, now: i64) {
    let b = &mut app.browse;
    let selected_row = b.detail.as_ref().and_then(|d| d.row);
    let mut clicked: Option<usize> = None;
    let mut sort_by: Option<Column> = None;
    let height = ui.available_height();
    egui::ScrollArea::horizontal()
        .id_salt("browse_hscroll")
        .show(ui, |ui| {
            let mut tb = TableBuilder::new(ui)
                .id_salt("browse_table")
                .striped(true)
                .resizable(true)
                .sense(egui::Sense::click())
                .cell_layout(egui::Layout::left_to_right(egui::Align::Center))
                .min_scrolled_height(0.0)
                .max_scroll_height(height)
                .auto_shrink(false)
                .column(Width::initial(280.0).at_least(100.0).clip(true))
                .column(Width::initial(140.0).at_least(60.0).clip(true))
                .column(Width::initial(66.0).at_least(50.0).clip(true))
                .column(Width::initial(124.0).at_least(60.0).clip(true))
                .column(Width::initial(90.0).at_least(60.0).clip(true))
                .column(Width::initial(84.0).at_least(60.0).clip(true))
                .column(Width::initial(64.0).at_least(50.0).clip(true))
                .column(Width::remainder().at_least(90.0).clip(true));
            if let Some(pos) = b.scroll_to.take() {
                tb = tb.scroll_to_row(pos, None);
            }
            tb.header(28.0, |mut header| {
                for c in Column::ALL {
                    header.col(|ui| sort_header(ui, c, b.sort, &mut sort_by));
                }
            })
            .body(|body| {
                body.rows(ROW_HEIGHT, b.view.len(), |mut row| {
                    let i = b.view[row.index()];
                    let r = &b.table.rows[i];
                    row.set_selected(selected_row == Some(i));
                    let cell = |row: &mut egui_extras::TableRow<'_, '_>, text: &str| {
                        row.col(|ui| {
                            ui.add(egui::Label::new(text).truncate().selectable(false));
                        });
                    };
                    cell(&mut row, &r.question);
                    cell(&mut row, &r.answer);
                    cell(&mut row, r.kind.as_str());
                    cell(&mut row, &b.table.decks[r.deck]);
                    cell(&mut row, &r.due_label(now));
                    cell(&mut row, &r.stability_label());
                    cell(&mut row, &r.lapses.to_string());
                    cell(&mut row, r.suspended_label());
                    if row.response().clicked() {
                        clicked = Some(row.index());
                    }
                });
            });
        });
    if let Some(c) = sort_by {
        b.sort = b.sort.clicked(c);
    }
    if let Some(pos) = clicked {
        select_shown(b, pos);
    }
}

/// A column header: a button that sorts by the column, with a painted
/// triangle (▲ ascending, ▼ descending) on the sorted one. The default
/// fonts have no arrow glyphs; the direction is in the accessible name.
fn sort_header(ui: &mut egui::Ui, c: Column, sort: Sort, sort_by: &mut Option<Column>) {
    let tip = match c {
        Column::Stability => "Sort by stability (days until recall drops to 90%)",
        Column::Due => "Sort by due date (new cards last)",
        _ => "Sort by this column; click again to reverse",
    };
    let button = egui::Button::new(RichText::new(c.label()).strong()).frame(false);
    let resp = ui.add(button).on_hover_text(tip);
    if sort.column == c {
        let name = if sort.descending {
            format!("{} (descending)", c.label())
        } else {
            format!("{} (ascending)", c.label())
        };
        resp.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &name));
        let (rect, _) = ui.allocate_exact_size(egui::vec2(10.0, 10.0), egui::Sense::hover());
        let r = rect.shrink(1.0);
        let points = if sort.descending {
            vec![r.left_top(), r.right_top(), r.center_bottom()]
        } else {
            vec![r.left_bottom(), r.right_bottom(), r.center_top()]
        };
        let color = ui.visuals().strong_text_color();
        ui.painter().add(egui::Shape::convex_polygon(
            points,
            color,
            egui::Stroke::NONE,
        ));
    }
    if resp.clicked() {
        *sort_by = Some(c);
    }
}

fn detail_panel(app: &mut TreatyApp, ui: &mut egui::Ui, now: i64) {
    let offset = app.utc_offset;
    let mut action: Option<Action> = None;
    let Some(d) = app.browse.detail.as_mut() else {
        return;
    };
    egui::ScrollArea::vertical()
        .id_salt("browse_detail_scroll")
        .auto_shrink(false)
        .show(ui, |ui| {
            ui.add_space(6.0);
            ui.horizontal_wrapped(|ui| {
                ui.strong(&d.deck);
                ui.weak("·");
                ui.weak(d.card.kind.as_str());
                if d.edited {
                    ui.weak("· edited");
                }
                if ui
                    .small_button("Close")
                    .on_hover_text("Close the card (Escape leaves a field)")
                    .clicked()
                {
                    action = Some(Action::Close);
                }
            });
            ui.add_space(6.0);
            let label = ui.label("Edit question");
            ui.add(
                egui::TextEdit::multiline(&mut d.question)
                    .desired_rows(2)
                    .desired_width(f32::INFINITY),
            )
            .labelled_by(label.id);
            let label = ui.label("Edit answer");
            ui.add(egui::TextEdit::singleline(&mut d.answer).desired_width(f32::INFINITY))
                .labelled_by(label.id);
            let label = ui.label("Accepted answers").on_hover_text(
                "Other answers counted as right: one per line, or comma separated on one line",
            );
            ui.add(
                egui::TextEdit::multiline(&mut d.accept)
                    .desired_rows(2)
                    .desired_width(f32::INFINITY)
                    .hint_text("one per line, or a, b, c"),
            )
            .labelled_by(label.id);
            ui.add_space(4.0);
            let changed = d.question != d.card.question
                || d.answer != d.card.answer
                || rows::parse_accept(&d.accept) != d.card.accept;
            ui.horizontal_wrapped(|ui| {
                if ui
                    .add_enabled(changed, egui::Button::new("Save"))
                    .on_hover_text("Save the edit (Ctrl+S)")
                    .clicked()
                {
                    action = Some(Action::Save);
                }
                if ui
                    .add_enabled(d.edited, egui::Button::new("Revert to generated"))
                    .on_hover_text(
                        "Drop your edits: the generated question, answer and accepted answers",
                    )
                    .clicked()
                {
                    action = Some(Action::Revert);
                }
                let (text, tip) = if d.state.suspended {
                    ("Unsuspend", "Study this card again")
                } else {
                    (
                        "Suspend",
                        "Leave this card out of every study session until unsuspended",
                    )
                };
                if ui.button(text).on_hover_text(tip).clicked() {
                    action = Some(Action::ToggleSuspend);
                }
            });
            ui.add_space(8.0);
            ui.separator();
            ui.strong("Source sentence");
            ui.label(RichText::new(&d.card.sentence).italics());
            ui.add_space(8.0);
            ui.separator();
            ui.strong("Scheduling");
            scheduling_grid(ui, &d.state, now, offset);
            ui.add_space(8.0);
            ui.separator();
            ui.strong(format!("Review history ({})", d.history.len()));
            history_grid(ui, &d.history, offset);
        });
    match action {
        Some(Action::Save) => save(app),
        Some(Action::Revert) => revert(app),
        Some(Action::ToggleSuspend) => toggle_suspend(app),
        Some(Action::Close) => {
            app.browse.selected = None;
            app.browse.detail = None;
        }
        None => {}
    }
}

#[derive(Clone, Copy)]
enum Action {
    Save,
    Revert,
    ToggleSuspend,
    Close,
}

fn scheduling_grid(ui: &mut egui::Ui, s: &CardState, now: i64, offset: i32) {
    let queue = match s.queue {
        Queue::New => "new",
        Queue::Learning => "learning",
        Queue::Review => "review",
        Queue::Relearning => "relearning",
    };
    let due = if s.queue == Queue::New {
        "new (not studied yet)".to_string()
    } else {
        format!(
            "{} ({})",
            rows::local_datetime(s.due, offset),
            rows::due_label(false, s.due, now)
        )
    };
    let mut flags = Vec::new();
    if s.suspended {
        flags.push("suspended".to_string());
    }
    if s.leech {
        flags.push("leech".to_string());
    }
    if let Some(t) = s.buried_until.filter(|&t| t > now) {
        flags.push(format!("buried until {}", rows::local_datetime(t, offset)));
    }
    let memory = |f: fn(&crate::core::model::Memory) -> f32, unit: &str| {
        s.memory
            .as_ref()
            .map_or_else(|| "—".to_string(), |m| format!("{:.1}{unit}", f(m)))
    };
    let lines = [
        ("State", queue.to_string()),
        ("Due", due),
        ("Stability", memory(|m| m.stability, " days")),
        ("Difficulty", memory(|m| m.difficulty, " / 10")),
        ("Reviews", s.reps.to_string()),
        ("Lapses", s.lapses.to_string()),
        (
            "Flags",
            if flags.is_empty() {
                "—".to_string()
            } else {
                flags.join(", ")
            },
        ),
    ];
    egui::Grid::new("browse_sched")
        .num_columns(2)
        .spacing(egui::vec2(12.0, 4.0))
        .show(ui, |ui| {
            for (k, v) in lines {
                ui.weak(k);
                ui.label(v);
                ui.end_row();
            }
        });
}

fn history_grid(ui: &mut egui::Ui, history: &[Review], offset: i32) {
    if history.is_empty() {
        ui.weak("Not studied yet.");
        return;
    }
    egui::Grid::new("browse_history")
        .num_columns(3)
        .striped(true)
        .spacing(egui::vec2(16.0, 4.0))
        .show(ui, |ui| {
            ui.weak("Date");
            ui.weak("Rating");
            ui.weak("Interval after");
            ui.end_row();
            for r in history.iter().rev() {
                ui.label(rows::local_datetime(r.time, offset));
                ui.label(r.rating.label());
                ui.label(format_interval(r.after.due - r.time));
                ui.end_row();
            }
        });
}

/// After a change made here: counts and rows are stale, and the study
/// screen picks its card again (it may show the old text or a card now
/// suspended).
fn changed(app: &mut TreatyApp, message: &str) {
    app.invalidate();
    app.session.settings_changed();
    app.message = Some(Message::Info(message.to_string()));
}

fn save(app: &mut TreatyApp) {
    let Some(d) = &app.browse.detail else {
        return;
    };
    let question = d.question.trim().to_string();
    let answer = d.answer.trim().to_string();
    if question.is_empty() || answer.is_empty() {
        app.message = Some(Message::Error(
            "Not saved: the question and the answer cannot be empty.".into(),
        ));
        return;
    }
    let accept = rows::parse_accept(&d.accept);
    let edit = CardEdit {
        question: (question != d.card.question).then_some(question),
        answer: (answer != d.card.answer).then_some(answer),
        accept: (accept != d.card.accept).then_some(accept),
    };
    if edit.is_empty() {
        app.message = Some(Message::Info(
            "Nothing to save: the card is unchanged.".into(),
        ));
        return;
    }
    let (deck, id) = (d.deck.clone(), d.card.id.clone());
    match app.store.edit_card(&deck, &id, edit) {
        Ok(()) => changed(app, "Card saved."),
        Err(e) => app.message = Some(Message::Error(format!("Not saved: {e}"))),
    }
}

fn revert(app: &mut TreatyApp) {
    let Some(d) = &app.browse.detail else {
        return;
    };
    let (deck, id) = (d.deck.clone(), d.card.id.clone());
    match app.store.revert_card(&deck, &id) {
        Ok(()) => changed(app, "Card reverted to the generated text."),
        Err(e) => app.message = Some(Message::Error(format!("Not reverted: {e}"))),
    }
}

/// Suspend or unsuspend through the scheduler's functions, as the study
/// screen and the terminal do, then store the state.
fn toggle_suspend(app: &mut TreatyApp) {
    let Some(d) = &app.browse.detail else {
        return;
    };
    let (deck, id) = (d.deck.clone(), d.card.id.clone());
    let Some(state) = app.store.deck(&deck).map(|dk| dk.state(&id)) else {
        return;
    };
    let suspend = !state.suspended;
    let new_state = if suspend {
        scheduler::suspend(&state)
    } else {
        scheduler::unsuspend(&state)
    };
    match app.store.set_state(&deck, &id, new_state) {
        Ok(()) => changed(
            app,
            if suspend {
                "Suspended: this card will not be shown until you unsuspend it."
            } else {
                "Unsuspended: the card is studied again."
            },
        ),
        Err(e) => app.message = Some(Message::Error(format!("Not changed: {e}"))),
    }
}
