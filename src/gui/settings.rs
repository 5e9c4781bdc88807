//! Settings: desired retention, daily limits, theme and where the data is.
//! "Save" hands the edited settings to the store.

use eframe::egui::{self, RichText};

use super::{Theme, TreatyApp};
use crate::core::scheduler::{MAX_RETENTION, MIN_RETENTION};

pub(crate) fn show(app: &mut TreatyApp, ui: &mut egui::Ui) {
    let mut save = false;
    let mut revert = false;
    ui.heading("Settings");
    ui.add_space(8.0);
    egui::Grid::new("settings_grid")
        .num_columns(2)
        .spacing(egui::vec2(24.0, 12.0))
        .show(ui, |ui| {
            let label = ui.label("Desired retention");
            ui.spacing_mut().slider_width = 240.0;
            ui.add(
                egui::Slider::new(
                    &mut app.draft.desired_retention,
                    MIN_RETENTION..=MAX_RETENTION,
                )
                .step_by(0.01)
                .fixed_decimals(2),
            )
            .labelled_by(label.id)
            .on_hover_text("Higher: more reviews, fewer cards forgotten");
            ui.end_row();

            let label = ui.label("New cards per day");
            ui.add(egui::DragValue::new(&mut app.draft.new_per_day).range(0..=9999))
                .labelled_by(label.id);
            ui.end_row();

            let label = ui.label("Reviews per day");
            ui.add(egui::DragValue::new(&mut app.draft.reviews_per_day).range(0..=99_999))
                .labelled_by(label.id);
            ui.end_row();

            ui.label("Theme");
            ui.horizontal(|ui| {
                ui.selectable_value(&mut app.draft.theme, Theme::System, "Follow system");
                ui.selectable_value(&mut app.draft.theme, Theme::Dark, "Dark");
                ui.selectable_value(&mut app.draft.theme, Theme::Light, "Light");
            });
            ui.end_row();

            ui.label("Data folder");
            ui.label(RichText::new(app.store.data_dir().display().to_string()).monospace());
            ui.end_row();
        });
    ui.add_space(12.0);
    let changed = app.draft != *app.store.settings();
    ui.horizontal(|ui| {
        if ui
            .add_enabled(
                changed,
                egui::Button::new("Save").min_size(egui::vec2(100.0, 28.0)),
            )
            .clicked()
        {
            save = true;
        }
        if ui
            .add_enabled(changed, egui::Button::new("Revert"))
            .clicked()
        {
            revert = true;
        }
        if changed {
            ui.weak("Unsaved changes");
        }
    });
    ui.add_space(8.0);
    ui.weak("The theme shows at once and is kept when you save.");
    if save {
        app.save_settings();
    }
    if revert {
        app.draft = app.store.settings().clone();
    }
}
