//! The deck list: each deck's new / learning / due counts, and per deck
//! Study, Rename (inline), Regenerate and Delete (after a confirmation).

use eframe::egui::{self, Color32, RichText};

use super::{Message, TreatyApp};
use crate::cli::{ExportFormat, now_secs};

pub(crate) const NEW_COLOR: Color32 = Color32::from_rgb(70, 130, 220);
pub(crate) const LEARNING_COLOR: Color32 = Color32::from_rgb(210, 80, 70);
pub(crate) const DUE_COLOR: Color32 = Color32::from_rgb(60, 160, 90);

/// The title of the delete confirmation (kittest finds the dialog by it).
pub const DELETE_TITLE: &str = "Delete this deck?";

/// What the deck list is in the middle of.
#[derive(Default)]
pub(crate) struct DecksView {
    /// The deck being renamed and the name typed so far.
    renaming: Option<Rename>,
    /// The deck waiting for its delete confirmation.
    confirm_delete: Option<ConfirmDelete>,
}

struct Rename {
    deck: String,
    text: String,
    error: Option<String>,
    focus: bool,
}

struct ConfirmDelete {
    deck: String,
    cards: usize,
    reviews: usize,
}

/// One click's worth of work, done after the list is drawn.
enum Action {
    Study(Option<String>),
    StartRename(String),
    SaveRename,
    CancelRename,
    AskDelete(String),
    Delete(String),
    CancelDelete,
    Regenerate(String),
    Export(String, ExportFormat),
}

/// A button whose accessible name says which deck it acts on.
fn deck_button(ui: &mut egui::Ui, text: &str, deck: &str, tip: &str) -> egui::Response {
    let r = ui.button(text).on_hover_text(tip);
    let name = format!("{text} {deck}");
    r.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &name));
    r
}

pub(crate) fn show(app: &mut TreatyApp, ui: &mut egui::Ui) {
    let stats = app.deck_stats().to_vec();
    let titles: Vec<String> = app.store.decks().iter().map(|d| d.title.clone()).collect();
    let mut actions: Vec<Action> = Vec::new();

    ui.horizontal(|ui| {
        ui.heading("Decks");
        ui.add_space(16.0);
        if !stats.is_empty()
            && ui
                .add(egui::Button::new("Study all decks").min_size(egui::vec2(140.0, 26.0)))
                .on_hover_text("Study every deck's due and new cards together")
                .clicked()
        {
            actions.push(Action::Study(None));
        }
    });
    ui.add_space(8.0);
    if stats.is_empty() {
        ui.label("No decks yet. Import an article on the Import screen.");
        return;
    }
    let view = &mut app.decks_view;
    // The title column takes what the counts and buttons leave.
    let title_w = (ui.available_width() - 640.0).clamp(90.0, 360.0);
    egui::ScrollArea::both()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            egui::Grid::new("deck_grid")
                .striped(true)
                .num_columns(6)
                .spacing(egui::vec2(18.0, 10.0))
                .min_row_height(30.0)
                .show(ui, |ui| {
                    ui.strong("Deck");
                    ui.strong("Title");
                    ui.strong("New");
                    ui.strong("Learning");
                    ui.strong("Due");
                    ui.label("");
                    ui.end_row();
                    for (s, title) in stats.iter().zip(titles.iter()) {
                        match view.renaming.as_mut().filter(|r| r.deck == s.deck) {
                            Some(r) => rename_field(ui, r, &mut actions),
                            None => {
                                ui.label(RichText::new(&s.deck).strong());
                            }
                        }
                        ui.allocate_ui_with_layout(
                            egui::vec2(title_w, 20.0),
                            egui::Layout::left_to_right(egui::Align::Center),
                            |ui| {
                                ui.set_width(title_w);
                                ui.add(egui::Label::new(title).truncate())
                                    .on_hover_text(title);
                            },
                        );
                        ui.label(RichText::new(s.new.to_string()).color(NEW_COLOR));
                        ui.label(RichText::new(s.learning.to_string()).color(LEARNING_COLOR));
                        ui.label(RichText::new(s.due.to_string()).color(DUE_COLOR));
                        ui.horizontal(|ui| {
                            if deck_button(
                                ui,
                                "Study",
                                &s.deck,
                                "Study this deck's due and new cards",
                            )
                            .clicked()
                            {
                                actions.push(Action::Study(Some(s.deck.clone())));
                            }
                            if deck_button(ui, "Rename", &s.deck, "Give the deck a new name; its history follows it")
                                .clicked()
                            {
                                actions.push(Action::StartRename(s.deck.clone()));
                            }
                            if deck_button(
                                ui,
                                "Regenerate",
                                &s.deck,
                                "Make the cards again from the stored article; progress stays with cards that survive",
                            )
                            .clicked()
                            {
                                actions.push(Action::Regenerate(s.deck.clone()));
                            }
                            let menu = ui.menu_button("Export", |ui| {
                                for (format, label) in [
                                    (ExportFormat::Apkg, "Anki package (.apkg)"),
                                    (ExportFormat::AnkiTxt, "Anki text import (.txt)"),
                                    (ExportFormat::Json, "Card JSON (.json)"),
                                ] {
                                    if ui.button(label).clicked() {
                                        actions.push(Action::Export(s.deck.clone(), format));
                                        ui.close();
                                    }
                                }
                            });
                            let name = format!("Export {}", s.deck);
                            menu.response
                                .on_hover_text("Save the deck for Anki or as card JSON in the data folder's exports")
                                .widget_info(|| {
                                    egui::WidgetInfo::labeled(egui::Role::Button, true, &name)
                                });
                            if deck_button(ui, "Delete", &s.deck, "Delete the deck and its progress (asks first)")
                                .clicked()
                            {
                                actions.push(Action::AskDelete(s.deck.clone()));
                            }
                        });
                        ui.end_row();
                    }
                });
            ui.add_space(12.0);
            let cards: usize = stats.iter().map(|s| s.cards).sum();
            let decks = match stats.len() {
                1 => "1 deck".to_string(),
                n => format!("{n} decks"),
            };
            ui.weak(format!(
                "{decks}, {cards} cards. New cards are limited per day (Settings)."
            ));
        });
    if let Some(c) = &app.decks_view.confirm_delete {
        confirm_dialog(ui.ctx(), c, &mut actions);
    }
    for action in actions {
        act(app, action);
    }
}

/// The inline rename field: Enter saves, Escape cancels.
fn rename_field(ui: &mut egui::Ui, r: &mut Rename, actions: &mut Vec<Action>) {
    ui.vertical(|ui| {
        ui.horizontal(|ui| {
            let edit = egui::TextEdit::singleline(&mut r.text)
                .desired_width(180.0)
                .hint_text("new name");
            let label = format!("New name for {}", r.deck);
            let resp = ui.add(edit);
            resp.widget_info(|| egui::WidgetInfo {
                label: Some(label.clone()),
                ..egui::WidgetInfo::text_edit(true, &r.text, &r.text, "new name")
            });
            if r.focus {
                resp.request_focus();
                r.focus = false;
            }
            if resp.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter)) {
                actions.push(Action::SaveRename);
            } else if resp.has_focus() && ui.input(|i| i.key_pressed(egui::Key::Escape)) {
                actions.push(Action::CancelRename);
            }
            if ui
                .small_button("Save")
                .on_hover_text("Save the new name (Enter)")
                .clicked()
            {
                actions.push(Action::SaveRename);
            }
            if ui
                .small_button("Cancel")
                .on_hover_text("Keep the old name (Escape)")
                .clicked()
            {
                actions.push(Action::CancelRename);
            }
        });
        if let Some(e) = &r.error {
            ui.colored_label(ui.visuals().error_fg_color, e);
        }
    });
}

/// The modal that asks before a deck is deleted.
fn confirm_dialog(ctx: &egui::Context, c: &ConfirmDelete, actions: &mut Vec<Action>) {
    let modal = egui::Modal::new(egui::Id::unique("delete_deck_modal")).show(ctx, |ui| {
        ui.set_max_width(420.0);
        ui.heading(DELETE_TITLE);
        ui.add_space(6.0);
        ui.label(format!(
            "Deck '{}' has {} and {}. Deleting it removes the cards and your progress on them.",
            c.deck,
            plural(c.cards, "card", "cards"),
            plural(c.reviews, "review", "reviews"),
        ));
        ui.add_space(10.0);
        ui.horizontal(|ui| {
            if ui.button("Cancel").on_hover_text("Keep the deck").clicked() {
                actions.push(Action::CancelDelete);
            }
            let danger = egui::Button::new(RichText::new("Delete").color(Color32::WHITE))
                .fill(Color32::from_rgb(180, 50, 50));
            if ui
                .add(danger)
                .on_hover_text("Delete the deck for good")
                .clicked()
            {
                actions.push(Action::Delete(c.deck.clone()));
            }
        });
    });
    if modal.should_close() {
        actions.push(Action::CancelDelete);
    }
}

fn act(app: &mut TreatyApp, action: Action) {
    let view = &mut app.decks_view;
    match action {
        Action::Study(deck) => app.start_study(deck),
        Action::StartRename(deck) => {
            view.renaming = Some(Rename {
                text: deck.clone(),
                deck,
                error: None,
                focus: true,
            });
        }
        Action::CancelRename => view.renaming = None,
        Action::SaveRename => {
            let Some(r) = view.renaming.as_mut() else {
                return;
            };
            let to = r.text.trim().to_string();
            match app.store.rename_deck(&r.deck, &to) {
                Ok(()) => {
                    app.message = Some(Message::Info(format!(
                        "Renamed deck '{}' to '{to}'.",
                        r.deck
                    )));
                    view.renaming = None;
                    // A session holding the old name starts afresh.
                    app.session = super::Session::default();
                    app.invalidate();
                }
                Err(e) => {
                    r.error = Some(format!("Not renamed: {e}"));
                    r.focus = true;
                }
            }
        }
        Action::AskDelete(deck) => {
            let cards = app
                .store
                .deck(&deck)
                .map(|d| d.active_cards().count())
                .unwrap_or(0);
            let reviews = app.store.reviews().filter(|r| r.deck == deck).count();
            view.confirm_delete = Some(ConfirmDelete {
                deck,
                cards,
                reviews,
            });
        }
        Action::CancelDelete => view.confirm_delete = None,
        Action::Delete(deck) => {
            view.confirm_delete = None;
            if view.renaming.as_ref().is_some_and(|r| r.deck == deck) {
                view.renaming = None;
            }
            match app.store.delete_deck(&deck) {
                Ok(()) => {
                    app.message = Some(Message::Info(format!("Deleted deck '{deck}'.")));
                    app.session = super::Session::default();
                    app.invalidate();
                }
                Err(e) => app.message = Some(Message::Error(format!("Not deleted: {e}"))),
            }
        }
        Action::Export(deck, format) => {
            let dir = match app.store.exports_dir() {
                Ok(d) => d,
                Err(e) => {
                    app.message = Some(Message::Error(format!("Deck '{deck}' not exported: {e}.")));
                    return;
                }
            };
            let path = dir.join(format!("{deck}.{}", format.extension()));
            app.message = Some(
                match crate::cli::export_deck(&app.store, &deck, format, &path, now_secs()) {
                    Ok(n) => Message::Info(format!(
                        "Exported {n} cards of '{deck}' to {}.",
                        path.display()
                    )),
                    Err(e) => Message::Error(format!("Deck '{deck}' not exported: {}.", e.0)),
                },
            );
        }
        Action::Regenerate(deck) => {
            app.message = Some(regenerate(app, &deck));
            app.session = super::Session::default();
            app.invalidate();
        }
    }
}

/// Run the generator again over the deck's stored article.
fn regenerate(app: &mut TreatyApp, deck: &str) -> Message {
    let Some(article) = app.store.deck(deck).map(|d| d.article.clone()) else {
        return Message::Error(format!("No deck named '{deck}'."));
    };
    if article.trim().is_empty() {
        return Message::Error(format!(
            "Deck '{deck}' has no stored article text to regenerate from."
        ));
    }
    let generated = match crate::core::generate(&article) {
        Ok(g) => g,
        Err(e) => return Message::Error(format!("Deck '{deck}' not regenerated: {e}.")),
    };
    match app.store.regenerate_deck(deck, generated.cards) {
        Ok(r) => Message::Info(format!(
            "Regenerated '{deck}': {} kept, {} added, {} removed.",
            r.kept, r.added, r.vanished
        )),
        Err(e) => Message::Error(format!("Deck '{deck}' not regenerated: {e}")),
    }
}

/// "1 card", "3 cards".
fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}
