//! The deck list: each deck's new / learning / due counts and a button to
//! study it.

use eframe::egui::{self, Color32, RichText};

use super::TreatyApp;

pub(crate) const NEW_COLOR: Color32 = Color32::from_rgb(70, 130, 220);
pub(crate) const LEARNING_COLOR: Color32 = Color32::from_rgb(210, 80, 70);
pub(crate) const DUE_COLOR: Color32 = Color32::from_rgb(60, 160, 90);

pub(crate) fn show(app: &mut TreatyApp, ui: &mut egui::Ui) {
    let stats = app.deck_stats().to_vec();
    let titles: Vec<String> = app.store.decks().iter().map(|d| d.title.clone()).collect();
    let mut study: Option<Option<String>> = None;

    ui.horizontal(|ui| {
        ui.heading("Decks");
        ui.add_space(16.0);
        if !stats.is_empty()
            && ui
                .add(egui::Button::new("Study all decks").min_size(egui::vec2(140.0, 26.0)))
                .clicked()
        {
            study = Some(None);
        }
    });
    ui.add_space(8.0);
    if stats.is_empty() {
        ui.label("No decks yet. Import an article with `treatydeck import ARTICLE`.");
        return;
    }
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            egui::Grid::new("deck_grid")
                .striped(true)
                .num_columns(6)
                .spacing(egui::vec2(24.0, 10.0))
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
                        ui.label(RichText::new(&s.deck).strong());
                        ui.label(title);
                        ui.label(RichText::new(s.new.to_string()).color(NEW_COLOR));
                        ui.label(RichText::new(s.learning.to_string()).color(LEARNING_COLOR));
                        ui.label(RichText::new(s.due.to_string()).color(DUE_COLOR));
                        if ui.button(format!("Study {}", s.deck)).clicked() {
                            study = Some(Some(s.deck.clone()));
                        }
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
    if let Some(deck) = study {
        app.start_study(deck);
    }
}
