//! Statistics for one deck or all: the due forecast, reviews per day as a
//! calendar heatmap, true retention per week, mastery per kind and the
//! timeline of the decks' dated events. The series are computed by
//! [`crate::core::stats`]; this file only gathers the inputs and draws.

use eframe::egui::{self, Color32, RichText};
use egui_plot::{Bar, BarChart, GridMark, HLine, Line, MarkerShape, Plot, PlotPoints, Points};

use super::TreatyApp;
use super::decks::{DUE_COLOR, LEARNING_COLOR, NEW_COLOR};
use crate::cli::now_secs;
use crate::core::Card;
use crate::core::model::{CardState, Review};
use crate::core::stats::history::{
    Heatmap, KindMastery, WeekRetention, day_label, due_forecast, kind_mastery, review_heatmap,
    weekly_retention,
};
use crate::core::stats::timeline::{TimelineEvent, timeline};
use crate::core::stats::{CardView, DeckStats};
use crate::session as queue;

/// Days in the due forecast.
pub const FORECAST_DAYS: usize = 30;
/// Weeks in the heatmap and the retention plot.
pub const HISTORY_WEEKS: usize = 26;

/// The plots' headings (kittest finds the sections by them).
pub const FORECAST_HEADING: &str = "Due forecast: next 30 days";
pub const HEATMAP_HEADING: &str = "Reviews per day: last 26 weeks";
pub const RETENTION_HEADING: &str = "True retention per week";
pub const MASTERY_HEADING: &str = "Mastery per kind of fact";
pub const TIMELINE_HEADING: &str = "Timeline of dated events";

/// Which decks the statistics cover, and the series last computed.
#[derive(Default)]
pub(crate) struct StatsView {
    /// `None`: all decks.
    deck: Option<String>,
    charts: Option<Charts>,
}

impl StatsView {
    /// The store changed: compute again.
    pub(crate) fn invalidate(&mut self) {
        self.charts = None;
    }
}

/// Everything the screen draws, for one selection.
struct Charts {
    deck: Option<String>,
    computed_at: i64,
    forecast: Vec<usize>,
    heatmap: Heatmap,
    retention: Vec<WeekRetention>,
    desired_retention: f32,
    mastery: Vec<KindMastery>,
    timeline: Vec<TimelineEvent>,
}

fn compute(app: &TreatyApp, deck: Option<&str>, now: i64) -> Charts {
    let settings = app.sched.settings();
    let hour = settings.day_start_hour;
    let decks: Vec<_> = app
        .store
        .decks()
        .iter()
        .filter(|d| deck.is_none_or(|n| d.name == n))
        .collect();
    let cards: Vec<(&str, Card)> = decks
        .iter()
        .flat_map(|d| d.active_cards().map(move |c| (d.name.as_str(), c)))
        .collect();
    let states: Vec<CardState> = cards
        .iter()
        .map(|(name, c)| {
            app.store
                .deck(name)
                .map(|d| d.state(&c.id))
                .unwrap_or_default()
        })
        .collect();
    let views: Vec<CardView> = cards
        .iter()
        .zip(&states)
        .map(|((_, c), s)| CardView {
            id: &c.id,
            kind: c.kind,
            state: s,
        })
        .collect();
    let reviews: Vec<Review> = app
        .store
        .reviews()
        .filter(|r| deck.is_none_or(|n| r.deck == n))
        .collect();
    let state_refs: Vec<&CardState> = states.iter().collect();
    Charts {
        deck: deck.map(str::to_string),
        computed_at: now,
        forecast: due_forecast(&state_refs, now, app.utc_offset, hour, FORECAST_DAYS),
        heatmap: review_heatmap(&reviews, now, app.utc_offset, hour, HISTORY_WEEKS),
        retention: weekly_retention(&reviews, now, app.utc_offset, hour, HISTORY_WEEKS),
        desired_retention: settings.desired_retention,
        mastery: kind_mastery(&views, &app.sched, now),
        timeline: timeline(cards.iter().map(|(d, c)| (*d, c))),
    }
}

pub(crate) fn show(app: &mut TreatyApp, ui: &mut egui::Ui) {
    let now = now_secs();
    let stats = app.deck_stats().to_vec();
    // A deck that was renamed or deleted: back to all decks.
    if let Some(d) = &app.stats_view.deck
        && !stats.iter().any(|s| &s.deck == d)
    {
        app.stats_view.deck = None;
    }
    let names: Vec<String> = stats.iter().map(|s| s.deck.clone()).collect();
    let mut selected = app.stats_view.deck.clone();
    ui.horizontal(|ui| {
        ui.heading("Statistics");
        ui.add_space(16.0);
        let label = ui.label("Deck");
        egui::ComboBox::from_id_salt("stats_deck")
            .selected_text(selected.as_deref().unwrap_or("All decks"))
            .width(220.0)
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut selected, None, "All decks");
                for n in &names {
                    ui.selectable_value(&mut selected, Some(n.clone()), n);
                }
            })
            .response
            .labelled_by(label.id);
    });
    if selected != app.stats_view.deck {
        app.stats_view.deck = selected;
    }
    let fresh = app.stats_view.charts.as_ref().is_some_and(|c| {
        c.deck == app.stats_view.deck && (now - c.computed_at).abs() < super::STATS_TTL_SECS
    });
    if !fresh {
        let charts = compute(app, app.stats_view.deck.as_deref(), now);
        app.stats_view.charts = Some(charts);
    }
    let Some(charts) = app.stats_view.charts.as_ref() else {
        return;
    };
    if stats.is_empty() {
        ui.add_space(8.0);
        ui.label("No decks yet: import an article and its statistics appear here.");
        return;
    }
    summary(ui, &stats, app.stats_view.deck.as_deref(), now);
    ui.add_space(6.0);
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            let wide = ui.available_width() >= 900.0;
            if wide {
                ui.columns(2, |cols| {
                    section(&mut cols[0], FORECAST_HEADING, |ui| {
                        forecast_plot(ui, charts)
                    });
                    section(&mut cols[1], RETENTION_HEADING, |ui| {
                        retention_plot(ui, charts)
                    });
                });
                ui.columns(2, |cols| {
                    section(&mut cols[0], HEATMAP_HEADING, |ui| {
                        heatmap(ui, &charts.heatmap)
                    });
                    section(&mut cols[1], MASTERY_HEADING, |ui| {
                        mastery_plot(ui, &charts.mastery)
                    });
                });
            } else {
                section(ui, FORECAST_HEADING, |ui| forecast_plot(ui, charts));
                section(ui, RETENTION_HEADING, |ui| retention_plot(ui, charts));
                section(ui, HEATMAP_HEADING, |ui| heatmap(ui, &charts.heatmap));
                section(ui, MASTERY_HEADING, |ui| mastery_plot(ui, &charts.mastery));
            }
            section(ui, TIMELINE_HEADING, |ui| {
                timeline_view(ui, &charts.timeline, charts.deck.is_none())
            });
        });
}

/// One framed block with its heading.
fn section(ui: &mut egui::Ui, heading: &str, body: impl FnOnce(&mut egui::Ui)) {
    egui::Frame::group(ui.style())
        .inner_margin(egui::Margin::same(10))
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.label(RichText::new(heading).strong().size(17.0));
            ui.add_space(4.0);
            body(ui);
        });
    ui.add_space(8.0);
}

/// Today's numbers and true retention for the selection.
fn summary(ui: &mut egui::Ui, stats: &[DeckStats], deck: Option<&str>, now: i64) {
    let chosen: Vec<&DeckStats> = stats
        .iter()
        .filter(|s| deck.is_none_or(|d| s.deck == d))
        .collect();
    let sum = |f: fn(&DeckStats) -> usize| chosen.iter().map(|s| f(s)).sum::<usize>();
    let cards = sum(|s| s.cards);
    ui.horizontal_wrapped(|ui| {
        ui.label(format!("{} · today:", plural(cards, "card", "cards")));
        ui.label(RichText::new(format!("{} new", sum(|s| s.new))).color(NEW_COLOR));
        ui.label(RichText::new(format!("{} learning", sum(|s| s.learning))).color(LEARNING_COLOR));
        ui.label(RichText::new(format!("{} due", sum(|s| s.due))).color(DUE_COLOR));
        ui.label(format!(
            "· {} done today",
            plural(sum(|s| s.reviews_today), "review", "reviews")
        ));
        let suspended = sum(|s| s.suspended);
        if suspended > 0 {
            ui.label(format!("· {suspended} suspended"));
        }
        // True retention over 30 days, weighted by each deck's answers.
        let answers: f32 = chosen
            .iter()
            .filter_map(|s| s.true_retention_30d.map(|r| (r, s.reviews_30d)))
            .map(|(r, n)| r * n as f32)
            .sum();
        let n: usize = chosen
            .iter()
            .filter(|s| s.true_retention_30d.is_some())
            .map(|s| s.reviews_30d)
            .sum();
        if n > 0 {
            ui.label(format!(
                "· true retention, 30 days: {:.0}%",
                answers / n as f32 * 100.0
            ));
        }
        if let Some(t) = chosen.iter().filter_map(|s| s.next_due).min() {
            ui.label(format!("· next card due {}", queue::when(t, now)));
        }
    });
}

/// A plot that stays put: the screen scrolls, the plots do not pan.
fn still_plot(id: &str, height: f32) -> Plot<'_> {
    Plot::new(id)
        .height(height)
        .allow_zoom(false)
        .allow_drag(false)
        .allow_scroll(false)
        .allow_boxed_zoom(false)
        .allow_double_click_reset(false)
        .show_crosshair(false)
}

fn forecast_plot(ui: &mut egui::Ui, charts: &Charts) {
    let total: usize = charts.forecast.iter().sum();
    if total == 0 {
        ui.label(
            "Nothing is due in the next 30 days: cards appear here once you have studied them.",
        );
        return;
    }
    let today = charts.heatmap.today;
    let bars: Vec<Bar> = charts
        .forecast
        .iter()
        .enumerate()
        .map(|(i, &n)| {
            let day = if i == 0 {
                "Today (with overdue)".to_string()
            } else {
                day_label(today + i as i64)
            };
            Bar::new(i as f64, n as f64)
                .name(day)
                .width(0.8)
                .fill(DUE_COLOR)
        })
        .collect();
    let chart = BarChart::new("Cards due", bars)
        .color(DUE_COLOR)
        .element_formatter(Box::new(|bar, _| {
            format!(
                "{}\n{}",
                bar.name,
                plural(bar.value as usize, "card", "cards")
            )
        }));
    ui.label(format!(
        "{} due in 30 days, {} of them today.",
        plural(total, "card", "cards"),
        charts.forecast[0]
    ));
    still_plot("stats_forecast", 190.0)
        .include_x(-0.6)
        .include_x(FORECAST_DAYS as f64 - 0.4)
        .include_y(0.0)
        .x_axis_formatter(|mark, _| match mark.value {
            v if v.fract() != 0.0 || v < 0.0 => String::new(),
            0.0 => "today".into(),
            v => format!("+{v}d"),
        })
        .y_axis_formatter(|mark, _| integer_mark(mark))
        .show(ui, |plot| plot.bar_chart(chart));
}

fn integer_mark(mark: GridMark) -> String {
    if mark.value.fract() == 0.0 && mark.value >= 0.0 {
        format!("{}", mark.value)
    } else {
        String::new()
    }
}

fn retention_plot(ui: &mut egui::Ui, charts: &Charts) {
    let weeks: Vec<(f64, &WeekRetention, f32)> = charts
        .retention
        .iter()
        .enumerate()
        .filter_map(|(i, w)| {
            w.rate()
                .map(|r| (i as f64 - (charts.retention.len() as f64 - 1.0), w, r))
        })
        .collect();
    if weeks.is_empty() {
        ui.label(
            "No review answers yet: true retention shows once studied cards come back for review.",
        );
        return;
    }
    let answers: usize = weeks.iter().map(|(_, w, _)| w.answers).sum();
    let passed: usize = weeks.iter().map(|(_, w, _)| w.passed).sum();
    ui.label(format!(
        "{:.0}% of {} review answers were not Again (target {:.0}%).",
        passed as f32 / answers as f32 * 100.0,
        answers,
        charts.desired_retention * 100.0
    ));
    let points: Vec<[f64; 2]> = weeks
        .iter()
        .map(|(x, _, r)| [*x, f64::from(*r) * 100.0])
        .collect();
    let color = ui.visuals().hyperlink_color;
    let hover: Vec<String> = weeks
        .iter()
        .map(|(_, w, r)| {
            format!(
                "Week of {}\n{:.0}% · {} of {} passed",
                day_label(w.week_start),
                r * 100.0,
                w.passed,
                w.answers
            )
        })
        .collect();
    let line = Line::new("True retention", PlotPoints::from(points.clone())).color(color);
    let dots = Points::new("Weeks", PlotPoints::from(points))
        .radius(4.0)
        .shape(MarkerShape::Circle)
        .color(color);
    let target = HLine::new("Desired retention", charts.desired_retention * 100.0)
        .color(ui.visuals().weak_text_color());
    still_plot("stats_retention", 190.0)
        .include_y(50.0)
        .include_y(100.0)
        .include_x(-(HISTORY_WEEKS as f64) + 0.5)
        .include_x(0.5)
        .x_axis_formatter(|mark, _| match mark.value {
            v if v.fract() != 0.0 || v > 0.0 => String::new(),
            0.0 => "this week".into(),
            v => format!("{v}w"),
        })
        .y_axis_formatter(|mark, _| format!("{}%", mark.value))
        .label_formatter(move |pos| match pos {
            egui_plot::HoverPosition::NearDataPoint {
                plot_name: "Weeks",
                index,
                ..
            } => hover.get(*index).cloned(),
            _ => None,
        })
        .show(ui, |plot| {
            plot.hline(target);
            plot.line(line);
            plot.points(dots);
        });
}

/// Heatmap colours: from "nothing" to the busiest days, for the theme.
fn heat_color(visuals: &egui::Visuals, level: usize) -> Color32 {
    if level == 0 {
        return visuals
            .faint_bg_color
            .gamma_multiply(1.0)
            .lerp_to_gamma(visuals.widgets.noninteractive.bg_stroke.color, 0.5);
    }
    let ramp_dark = [
        Color32::from_rgb(28, 92, 52),
        Color32::from_rgb(0, 109, 50),
        Color32::from_rgb(38, 166, 65),
        Color32::from_rgb(57, 211, 83),
    ];
    let ramp_light = [
        Color32::from_rgb(155, 233, 168),
        Color32::from_rgb(64, 196, 99),
        Color32::from_rgb(48, 161, 78),
        Color32::from_rgb(33, 110, 57),
    ];
    let ramp = if visuals.dark_mode {
        ramp_dark
    } else {
        ramp_light
    };
    ramp[(level - 1).min(3)]
}

/// 0 for no reviews, else 1–4 by the square root of the share of the
/// busiest day (one busy day should not leave every other day faint).
fn heat_level(n: usize, max: usize) -> usize {
    if n == 0 {
        return 0;
    }
    let share = n as f32 / max.max(1) as f32;
    ((4.0 * share.sqrt()).ceil() as usize).clamp(1, 4)
}

/// GitHub-style calendar: weeks as columns, Monday to Sunday as rows.
fn heatmap(ui: &mut egui::Ui, h: &Heatmap) {
    let total = h.total();
    if total == 0 {
        ui.label("No reviews in the last 26 weeks: each day you study fills a square here.");
        return;
    }
    let max = h.max().max(1);
    let busiest = (0..h.weeks * 7)
        .filter_map(|i| h.cell(i / 7, i % 7))
        .max_by_key(|&(day, n)| (n, -day))
        .map(|(day, n)| format!("{} ({n})", day_label(day)))
        .unwrap_or_default();
    let days_studied = h.counts.iter().filter(|&&n| n > 0).count();
    ui.label(format!(
        "{} on {} days; busiest: {busiest}.",
        plural(total, "review", "reviews"),
        days_studied
    ));
    let font = egui::FontId::proportional(11.0);
    let label_w = 30.0;
    let top = 16.0;
    let avail = ui.available_width() - label_w;
    let cell = ((avail / h.weeks as f32) - 3.0).clamp(8.0, 22.0);
    let step = cell + 3.0;
    let size = egui::vec2(label_w + step * h.weeks as f32, top + step * 7.0);
    let (rect, response) = ui.allocate_exact_size(size, egui::Sense::hover());
    let painter = ui.painter_at(rect);
    let visuals = ui.visuals().clone();
    let text = visuals.weak_text_color();
    for (row, name) in [(0, "Mon"), (2, "Wed"), (4, "Fri"), (6, "Sun")] {
        painter.text(
            egui::pos2(
                rect.left(),
                rect.top() + top + step * row as f32 + cell / 2.0,
            ),
            egui::Align2::LEFT_CENTER,
            name,
            font.clone(),
            text,
        );
    }
    let mut last_month = None;
    let mut hovered = None;
    for week in 0..h.weeks {
        let x = rect.left() + label_w + step * week as f32;
        let monday = crate::core::stats::history::day_date(h.first_day + 7 * week as i64);
        if last_month != monday.m {
            if last_month.is_some() || week == 0 {
                let name = crate::core::dates::month_name(monday.m.unwrap_or(1));
                painter.text(
                    egui::pos2(x, rect.top()),
                    egui::Align2::LEFT_TOP,
                    &name[..3],
                    font.clone(),
                    text,
                );
            }
            last_month = monday.m;
        }
        for wd in 0..7 {
            let Some((day, n)) = h.cell(week, wd) else {
                continue;
            };
            let r = egui::Rect::from_min_size(
                egui::pos2(x, rect.top() + top + step * wd as f32),
                egui::vec2(cell, cell),
            );
            // Four levels by share of the busiest day (any review is ≥ 1).
            let level = heat_level(n, max);
            painter.rect_filled(r, 2.0, heat_color(&visuals, level));
            if day == h.today {
                painter.rect_stroke(
                    r,
                    2.0,
                    egui::Stroke::new(1.5, visuals.strong_text_color()),
                    egui::StrokeKind::Inside,
                );
            }
            if response
                .hover_pos()
                .is_some_and(|p| r.expand(1.5).contains(p))
            {
                hovered = Some((day, n));
            }
        }
    }
    if let Some((day, n)) = hovered {
        response.on_hover_text_at_pointer(format!(
            "{}: {}",
            day_label(day),
            plural(n, "review", "reviews")
        ));
    }
    ui.horizontal(|ui| {
        ui.weak("Less");
        for level in 0..=4 {
            let (r, _) = ui.allocate_exact_size(egui::vec2(11.0, 11.0), egui::Sense::hover());
            ui.painter()
                .rect_filled(r, 2.0, heat_color(ui.visuals(), level));
        }
        ui.weak("More");
    });
}

const MATURE_COLOR: Color32 = Color32::from_rgb(40, 130, 70);
const YOUNG_COLOR: Color32 = Color32::from_rgb(120, 200, 120);

fn mastery_plot(ui: &mut egui::Ui, kinds: &[KindMastery]) {
    if kinds.is_empty() {
        ui.label("No cards yet: mastery per kind appears once a deck has cards.");
        return;
    }
    let n = kinds.len();
    // Rows from the top in FactKind order: the first kind at the top.
    let y = |i: usize| (n - 1 - i) as f64;
    type Count = fn(&KindMastery) -> usize;
    let stages: [(&str, Color32, Count); 4] = [
        ("Mature", MATURE_COLOR, |k| k.mature),
        ("Young", YOUNG_COLOR, |k| k.young),
        ("Learning", LEARNING_COLOR, |k| k.learning),
        ("New", NEW_COLOR, |k| k.new),
    ];
    let mut charts: Vec<BarChart> = Vec::new();
    for (name, color, count) in stages {
        let bars: Vec<Bar> = kinds
            .iter()
            .enumerate()
            .map(|(i, k)| {
                Bar::new(y(i), f64::from(k.share(count(k))) * 100.0)
                    .name(format!(
                        "{}: {} {}",
                        k.kind.as_str(),
                        count(k),
                        name.to_lowercase()
                    ))
                    .width(0.6)
                    .fill(color)
            })
            .collect();
        let mut chart = BarChart::new(name, bars)
            .horizontal()
            .color(color)
            .element_formatter(Box::new(|bar, _| {
                format!("{}\n{:.0}% of the cards", bar.name, bar.value)
            }));
        let below: Vec<&BarChart> = charts.iter().collect();
        chart = chart.stack_on(&below);
        charts.push(chart);
    }
    let names: Vec<String> = kinds.iter().map(|k| k.kind.as_str().to_string()).collect();
    still_plot("stats_mastery", 30.0 * n as f32 + 60.0)
        .include_x(0.0)
        .include_x(100.0)
        .include_y(-0.5)
        .include_y(n as f64 - 0.5)
        .show_grid([true, false])
        .x_axis_formatter(|mark, _| {
            if mark.value >= 0.0 && mark.value <= 100.0 {
                format!("{}%", mark.value)
            } else {
                String::new()
            }
        })
        .y_axis_formatter(move |mark, _| {
            let v = mark.value;
            if v.fract() != 0.0 || v < 0.0 {
                return String::new();
            }
            names
                .get(n.saturating_sub(1 + v as usize))
                .filter(|_| (v as usize) < n)
                .cloned()
                .unwrap_or_default()
        })
        .y_grid_spacer(move |_| {
            (0..n)
                .map(|i| GridMark {
                    value: i as f64,
                    step_size: 1.0,
                })
                .collect()
        })
        .show(ui, |plot| {
            for c in charts {
                plot.bar_chart(c);
            }
        });
    // The legend under the plot: inside, it would cover the full bars.
    ui.horizontal_wrapped(|ui| {
        for (name, color, _) in stages {
            let (r, _) = ui.allocate_exact_size(egui::vec2(12.0, 12.0), egui::Sense::hover());
            ui.painter().rect_filled(r, 2.0, color);
            ui.label(name);
            ui.add_space(8.0);
        }
    });
    // Recall now per kind: are dates weaker than speakers?
    egui::Grid::new("mastery_recall")
        .num_columns(kinds.len() + 1)
        .spacing(egui::vec2(14.0, 2.0))
        .show(ui, |ui| {
            ui.weak("Recall now");
            for k in kinds {
                ui.label(match k.retrievability {
                    Some(r) => format!("{} {:.0}%", k.kind.as_str(), r * 100.0),
                    None => format!("{} –", k.kind.as_str()),
                });
            }
            ui.end_row();
        });
}

fn timeline_view(ui: &mut egui::Ui, events: &[TimelineEvent], all_decks: bool) {
    if events.is_empty() {
        ui.label("No dated events: the selected decks have no date cards.");
        return;
    }
    let first = events.first().map(|e| e.label.clone()).unwrap_or_default();
    let last = events.last().map(|e| e.label.clone()).unwrap_or_default();
    ui.label(format!(
        "{} from {first} to {last}, oldest first.",
        plural(events.len(), "event", "events")
    ));
    // Points on a time axis, staggered in three lanes so close dates show.
    let points: Vec<[f64; 2]> = events
        .iter()
        .enumerate()
        .map(|(i, e)| [e.year(), (i % 3) as f64])
        .collect();
    let hover: Vec<String> = events
        .iter()
        .map(|e| format!("{}\n{}", e.label, wrap(&e.text, 60)))
        .collect();
    let color = ui.visuals().hyperlink_color;
    let dots = Points::new("Events", PlotPoints::from(points))
        .radius(5.0)
        .shape(MarkerShape::Diamond)
        .filled(true)
        .color(color);
    let (lo, hi) = (
        events.first().map(|e| e.year()).unwrap_or(0.0),
        events.last().map(|e| e.year()).unwrap_or(0.0),
    );
    let pad = ((hi - lo) * 0.04).max(0.5);
    still_plot("stats_timeline", 110.0)
        .include_x(lo - pad)
        .include_x(hi + pad)
        .include_y(-0.7)
        .include_y(2.7)
        .show_axes([true, false])
        .show_grid([true, false])
        .x_axis_formatter(|mark, _| {
            if mark.value.fract() == 0.0 {
                format!("{}", mark.value)
            } else {
                String::new()
            }
        })
        .label_formatter(move |pos| match pos {
            egui_plot::HoverPosition::NearDataPoint {
                plot_name: "Events",
                index,
                ..
            } => hover.get(*index).cloned(),
            _ => None,
        })
        .show(ui, |plot| plot.points(dots));
    ui.add_space(6.0);
    egui::ScrollArea::vertical()
        .id_salt("timeline_list")
        .max_height(260.0)
        .min_scrolled_height(260.0)
        .auto_shrink([false, true])
        .show(ui, |ui| {
            egui::Grid::new("timeline_grid")
                .num_columns(if all_decks { 3 } else { 2 })
                .striped(true)
                .spacing(egui::vec2(16.0, 6.0))
                .show(ui, |ui| {
                    for e in events {
                        ui.label(RichText::new(&e.label).strong());
                        if all_decks {
                            ui.weak(&e.deck);
                        }
                        ui.add(egui::Label::new(&e.text).wrap());
                        ui.end_row();
                    }
                });
        });
}

/// Break `s` into lines of about `width` characters (for hover text).
fn wrap(s: &str, width: usize) -> String {
    let mut out = String::new();
    let mut line = 0;
    for w in s.split_whitespace() {
        if line > 0 && line + 1 + w.chars().count() > width {
            out.push('\n');
            line = 0;
        } else if line > 0 {
            out.push(' ');
            line += 1;
        }
        out.push_str(w);
        line += w.chars().count();
    }
    out
}

/// "1 review", "3 reviews".
fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

#[cfg(test)]
mod tests {
    use super::heat_level;

    #[test]
    fn heat_levels_rise_with_the_count() {
        assert_eq!(heat_level(0, 50), 0);
        assert_eq!(heat_level(1, 50), 1);
        assert_eq!(heat_level(10, 50), 2);
        assert_eq!(heat_level(50, 50), 4);
        assert_eq!(heat_level(3, 0), 4);
    }
}
