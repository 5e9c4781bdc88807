//! Settings: desired retention, daily limits, learning and relearning
//! steps, text size, theme, where the data is, and fitting personal FSRS
//! parameters. "Save" hands the edited settings to the store.

use std::sync::mpsc;

use eframe::egui::{self, RichText};

use super::{Message, Theme, TreatyApp, scheduler_for};
use crate::core::model::TEXT_SCALE_RANGE;
use crate::core::scheduler::{self, MAX_RETENTION, MIN_RETENTION};

/// What the settings screen holds besides the draft settings.
#[derive(Default)]
pub(crate) struct SettingsView {
    /// The step fields as typed (`None`: as the draft says).
    learning: Option<String>,
    relearning: Option<String>,
    learning_error: Option<String>,
    relearning_error: Option<String>,
    /// The optimiser's last word.
    optimised: Option<String>,
    /// The file manager's exit, reported from its waiting thread.
    opener: Option<mpsc::Receiver<String>>,
}

/// 60 -> "1m", 90 -> "90s", 86400 -> "1d".
pub fn format_steps(steps: &[u32]) -> String {
    steps
        .iter()
        .map(|&s| match s {
            s if s % 86_400 == 0 => format!("{}d", s / 86_400),
            s if s % 3_600 == 0 => format!("{}h", s / 3_600),
            s if s % 60 == 0 => format!("{}m", s / 60),
            s => format!("{s}s"),
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// A step field: what is typed is checked at once; a valid value goes into
/// `steps`, an invalid one leaves it and says why.
fn steps_field(
    ui: &mut egui::Ui,
    label: &str,
    text: &mut Option<String>,
    error: &mut Option<String>,
    steps: &mut Vec<u32>,
) {
    let l = ui.label(label);
    ui.vertical(|ui| {
        let buf = text.get_or_insert_with(|| format_steps(steps));
        let resp = ui
            .add(
                egui::TextEdit::singleline(buf)
                    .desired_width(160.0)
                    .hint_text("e.g. 1m 10m"),
            )
            .labelled_by(l.id)
            .on_hover_text("Waits before a card is shown again: s, m, h or d, e.g. 1m 10m");
        if resp.changed() {
            match crate::cli::parse_steps(buf) {
                Ok(v) => {
                    *steps = v;
                    *error = None;
                }
                Err(e) => *error = Some(format!("{label}: {}", e.0)),
            }
        }
        if let Some(e) = error {
            ui.colored_label(ui.visuals().error_fg_color, e.as_str());
        }
    });
    ui.end_row();
}

pub(crate) fn show(app: &mut TreatyApp, ui: &mut egui::Ui) {
    let mut save = false;
    let mut revert = false;
    let mut optimise = false;
    let mut open_folder = false;
    if let Some(rx) = &app.settings_view.opener
        && let Ok(err) = rx.try_recv()
    {
        app.message = Some(Message::Error(err));
        app.settings_view.opener = None;
    }
    ui.heading("Settings");
    ui.add_space(8.0);
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
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

                    let view = &mut app.settings_view;
                    steps_field(
                        ui,
                        "Learning steps",
                        &mut view.learning,
                        &mut view.learning_error,
                        &mut app.draft.learning_steps,
                    );
                    steps_field(
                        ui,
                        "Relearning steps",
                        &mut view.relearning,
                        &mut view.relearning_error,
                        &mut app.draft.relearning_steps,
                    );

                    let label = ui.label("Text size");
                    ui.add(
                        egui::Slider::new(&mut app.draft.text_scale, TEXT_SCALE_RANGE)
                            .step_by(0.05)
                            .custom_formatter(|v, _| format!("{:.0}%", v * 100.0))
                            .custom_parser(|s| {
                                s.trim().trim_end_matches('%').trim().parse::<f64>().ok().map(|p| p / 100.0)
                            }),
                    )
                    .labelled_by(label.id)
                    .on_hover_text("Everything in the window grows with it; applied when you save");
                    ui.end_row();

                    ui.label("Theme");
                    ui.horizontal(|ui| {
                        ui.selectable_value(&mut app.draft.theme, Theme::System, "Follow system");
                        ui.selectable_value(&mut app.draft.theme, Theme::Dark, "Dark");
                        ui.selectable_value(&mut app.draft.theme, Theme::Light, "Light");
                    });
                    ui.end_row();

                    ui.label("Data folder");
                    ui.horizontal_wrapped(|ui| {
                        ui.label(
                            RichText::new(app.store.data_dir().display().to_string()).monospace(),
                        );
                        if ui
                            .button("Open data folder")
                            .on_hover_text("Show the folder in your file manager")
                            .clicked()
                        {
                            open_folder = true;
                        }
                    });
                    ui.end_row();

                    ui.label("FSRS parameters");
                    ui.vertical(|ui| {
                        let n = app.store.settings().fsrs_params.len();
                        ui.label(if n == 0 {
                            "The defaults (not yet fitted to your reviews)".to_string()
                        } else {
                            format!("{n} parameters fitted to your reviews")
                        });
                        if ui
                            .button("Optimise my parameters")
                            .on_hover_text(format!(
                                "Fit the memory model to your review history (needs {} usable reviews)",
                                scheduler::MIN_REVIEWS_FOR_OPTIMISE
                            ))
                            .clicked()
                        {
                            optimise = true;
                        }
                        if let Some(m) = &app.settings_view.optimised {
                            ui.label(m);
                        }
                    });
                    ui.end_row();
                });
            ui.add_space(12.0);
            let changed = app.draft != *app.store.settings();
            let invalid = app.settings_view.learning_error.is_some()
                || app.settings_view.relearning_error.is_some();
            ui.horizontal(|ui| {
                if ui
                    .add_enabled(
                        changed && !invalid,
                        egui::Button::new("Save").min_size(egui::vec2(100.0, 28.0)),
                    )
                    .clicked()
                {
                    save = true;
                }
                if ui
                    .add_enabled(changed || invalid, egui::Button::new("Revert"))
                    .clicked()
                {
                    revert = true;
                }
                if invalid {
                    ui.colored_label(ui.visuals().error_fg_color, "Fix the steps to save");
                } else if changed {
                    ui.weak("Unsaved changes");
                }
            });
            ui.add_space(8.0);
            ui.weak("The theme shows at once; text size applies when you save.");
        });
    if save {
        app.save_settings();
        app.settings_view.learning = None;
        app.settings_view.relearning = None;
    }
    if revert {
        app.draft = app.store.settings().clone();
        app.settings_view = SettingsView {
            optimised: app.settings_view.optimised.take(),
            ..SettingsView::default()
        };
    }
    if optimise {
        run_optimiser(app);
    }
    if open_folder {
        let ctx = ui.ctx().clone();
        match open_in_file_manager(app.store.data_dir(), ctx) {
            Ok(rx) => {
                app.settings_view.opener = Some(rx);
                app.message = Some(Message::Info("Opening the data folder…".into()));
            }
            Err(e) => app.message = Some(Message::Error(e)),
        }
    }
}

/// Fit FSRS parameters to the whole review log and keep them, as
/// `treatydeck optimise` does.
fn run_optimiser(app: &mut TreatyApp) {
    let reviews: Vec<_> = app.store.reviews().collect();
    let settings = app.store.settings().clone();
    let mut note = None;
    let line = match scheduler::optimise_with(&reviews, app.utc_offset, settings.day_start_hour) {
        Ok(params) => {
            let n = params.len();
            let new = crate::core::model::Settings {
                fsrs_params: params,
                ..settings
            };
            match app.store.set_settings(new) {
                Ok(()) => {
                    let (sched, fallback) = scheduler_for(app.store.settings(), app.utc_offset);
                    app.sched = sched;
                    app.draft.fsrs_params = app.store.settings().fsrs_params.clone();
                    app.invalidate();
                    app.session.settings_changed();
                    note = fallback;
                    format!(
                        "Fitted {n} parameters to your {} reviews; they are used from now on, \
                         aiming at {:.0}% retention.",
                        reviews.len(),
                        app.store.settings().desired_retention * 100.0
                    )
                }
                Err(e) => format!("Parameters not saved: {e}"),
            }
        }
        Err(scheduler::OptimiseError::NotEnoughData { reviews, needed }) => format!(
            "Not enough history yet: {reviews} usable reviews of the {needed} needed \
             ({} more). The default parameters stay in use.",
            needed.saturating_sub(reviews)
        ),
        Err(e) => format!("Optimising failed: {e}"),
    };
    app.message = Some(note.map_or_else(|| Message::Info(line.clone()), Message::Error));
    app.settings_view.optimised = Some(line);
}

/// Start the platform's file manager on `dir`. A failure to start is an
/// error at once; a failure it reports later arrives on the channel.
fn open_in_file_manager(
    dir: &std::path::Path,
    ctx: egui::Context,
) -> Result<mpsc::Receiver<String>, String> {
    let opener = if cfg!(target_os = "windows") {
        "explorer"
    } else if cfg!(target_os = "macos") {
        "open"
    } else {
        "xdg-open"
    };
    let mut child = std::process::Command::new(opener)
        .arg(dir)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .map_err(|e| format!("Could not open the data folder with {opener}: {e}"))?;
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let status = child.wait();
        // Explorer exits with 1 even when it worked: only trust Unix openers.
        let failed = match &status {
            Ok(s) => !s.success() && !cfg!(target_os = "windows"),
            Err(_) => true,
        };
        if failed {
            let why = match status {
                Ok(s) => format!("it exited with {s}"),
                Err(e) => e.to_string(),
            };
            let _ = tx.send(format!(
                "Could not open the data folder with {opener}: {why}"
            ));
            ctx.request_repaint();
        }
    });
    Ok(rx)
}

#[cfg(test)]
mod tests {
    use super::format_steps;

    #[test]
    fn steps_are_written_as_they_are_typed() {
        assert_eq!(format_steps(&[60, 600]), "1m 10m");
        assert_eq!(format_steps(&[30, 3600, 172_800]), "30s 1h 2d");
        assert_eq!(format_steps(&[90]), "90s");
        assert_eq!(format_steps(&[]), "");
        let back = crate::cli::parse_steps(&format_steps(&[45, 120, 7200])).unwrap();
        assert_eq!(back, vec![45, 120, 7200]);
    }
}
