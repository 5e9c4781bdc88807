//! Statistics per deck: today's numbers, true retention, and cards and
//! mastery per kind (with a small bar chart).

use eframe::egui::{self, Color32, RichText};

use super::TreatyApp;
use super::decks::{DUE_COLOR, LEARNING_COLOR, NEW_COLOR};
use crate::cli::now_secs;
use crate::core::stats::{DeckStats, KindStats};
use crate::session as queue;

pub(crate) fn show(app: &mut TreatyApp, ui: &mut egui::Ui) {
    let total = app.store.review_count();
    let stats = app.deck_stats().to_vec();
    let now = now_secs();
    ui.heading("Statistics");
    ui.label(plural(total, "review", "reviews") + " recorded in all.");
    ui.add_space(8.0);
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            for s in &stats {
                deck_block(ui, s, now);
                ui.add_space(10.0);
            }
        });
}

fn deck_block(ui: &mut egui::Ui, s: &DeckStats, now: i64) {
    egui::Frame::group(ui.style())
        .inner_margin(egui::Margin::same(10))
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.label(
                RichText::new(format!("{} — {} cards", s.deck, s.cards))
                    .strong()
                    .size(17.0),
            );
            ui.horizontal_wrapped(|ui| {
                ui.label("Today:");
                ui.label(RichText::new(format!("{} new", s.new)).color(NEW_COLOR));
                ui.label(RichText::new(format!("{} learning", s.learning)).color(LEARNING_COLOR));
                ui.label(RichText::new(format!("{} due", s.due)).color(DUE_COLOR));
                ui.label(format!(
                    "· {} done today",
                    plural(s.reviews_today, "review", "reviews")
                ));
                if s.suspended > 0 {
                    ui.label(format!("· {} suspended", s.suspended));
                }
            });
            ui.label(format!(
                "True retention, last 30 days: {}",
                s.true_retention_30d
                    .map(|r| format!("{:.0}% of {} review answers", r * 100.0, s.reviews_30d))
                    .unwrap_or_else(|| "no review answers yet".into())
            ));
            if let Some(t) = s.next_due {
                ui.label(format!("Next card due: {}", queue::when(t, now)));
            }
            ui.add_space(6.0);
            ui.horizontal_top(|ui| {
                egui::Grid::new(format!("kinds_{}", s.deck))
                    .striped(true)
                    .num_columns(6)
                    .spacing(egui::vec2(16.0, 4.0))
                    .show(ui, |ui| {
                        for h in ["Kind", "Cards", "New", "Learning", "Review", "Mastery"] {
                            ui.strong(h);
                        }
                        ui.end_row();
                        for k in &s.kinds {
                            ui.label(k.kind.as_str());
                            ui.label(k.cards.to_string());
                            ui.label(k.new.to_string());
                            ui.label(k.learning.to_string());
                            ui.label(k.review.to_string());
                            ui.label(
                                k.mastery
                                    .map(|m| format!("{:.0}% recall now", m * 100.0))
                                    .unwrap_or_else(|| "not studied yet".into()),
                            );
                            ui.end_row();
                        }
                    });
                ui.add_space(24.0);
                mastery_chart(ui, &s.kinds);
            });
        });
}

/// Bars of mastery per kind (0–100 %), with the card count under each.
fn mastery_chart(ui: &mut egui::Ui, kinds: &[KindStats]) {
    if kinds.is_empty() {
        return;
    }
    let bar_w = 44.0;
    let gap = 14.0;
    let chart_h = 110.0;
    let label_h = 34.0;
    let width = kinds.len() as f32 * (bar_w + gap) + gap;
    let (rect, response) = ui.allocate_exact_size(
        egui::vec2(width, chart_h + label_h + 16.0),
        egui::Sense::hover(),
    );
    response.on_hover_text("Mastery per kind: mean recall probability now over studied cards");
    let painter = ui.painter_at(rect);
    let visuals = ui.visuals();
    let text_color = visuals.text_color();
    let base_y = rect.top() + 14.0 + chart_h;
    painter.line_segment(
        [
            egui::pos2(rect.left(), base_y),
            egui::pos2(rect.right(), base_y),
        ],
        visuals.widgets.noninteractive.bg_stroke,
    );
    for (i, k) in kinds.iter().enumerate() {
        let x = rect.left() + gap + i as f32 * (bar_w + gap);
        let m = k.mastery.unwrap_or(0.0).clamp(0.0, 1.0);
        let h = chart_h * m;
        let bar =
            egui::Rect::from_min_max(egui::pos2(x, base_y - h), egui::pos2(x + bar_w, base_y));
        let color = match k.mastery {
            None => Color32::GRAY,
            Some(m) if m >= 0.85 => DUE_COLOR,
            Some(m) if m >= 0.6 => Color32::from_rgb(220, 160, 40),
            Some(_) => LEARNING_COLOR,
        };
        painter.rect_filled(bar, 2.0, color);
        let pct = k
            .mastery
            .map(|m| format!("{:.0}%", m * 100.0))
            .unwrap_or_else(|| "–".into());
        painter.text(
            egui::pos2(x + bar_w / 2.0, base_y - h - 2.0),
            egui::Align2::CENTER_BOTTOM,
            pct,
            egui::FontId::proportional(12.0),
            text_color,
        );
        painter.text(
            egui::pos2(x + bar_w / 2.0, base_y + 4.0),
            egui::Align2::CENTER_TOP,
            format!("{}\n{}", k.kind.as_str(), k.cards),
            egui::FontId::proportional(12.0),
            text_color,
        );
    }
}

/// "1 review", "3 reviews".
fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}
