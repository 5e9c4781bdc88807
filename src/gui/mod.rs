//! The desktop app (egui/eframe). A thin layer: it keeps view state
//! (which screen, the card on show, what was typed) and sends commands to
//! the [`Store`] and the [`Scheduler`]; it never computes an interval or
//! touches a file itself. It reads the clock ([`crate::cli::now_secs`]),
//! as the terminal front end does: the core stays pure.

mod browse;
mod decks;
mod file_dialog;
mod import;
mod settings;
mod stats;
mod study;

use std::time::Duration;

use eframe::egui;

use crate::cli::{all_deck_stats, local_utc_offset, now_secs};
use crate::core::model::Settings;
use crate::core::scheduler::Scheduler;
use crate::core::stats::DeckStats;
use crate::store::progress::Store;

pub use browse::Browser;
pub use study::Session;

/// The one line printed when there is no window system to draw on.
pub const NO_DISPLAY: &str = "treatydeck: no display available; use the terminal commands instead: treatydeck study, treatydeck generate ARTICLE, treatydeck stats";

/// How long the deck counts and statistics are reused before being
/// recomputed (they also are after every change to the store).
const STATS_TTL_SECS: i64 = 30;

/// The screens of the app, switched from the top bar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    Decks,
    Import,
    Study,
    Browse,
    Stats,
    Settings,
}

impl Screen {
    const ALL: [Screen; 6] = [
        Screen::Decks,
        Screen::Import,
        Screen::Study,
        Screen::Browse,
        Screen::Stats,
        Screen::Settings,
    ];

    /// The top-bar button text (also its accessible name).
    pub fn label(self) -> &'static str {
        match self {
            Screen::Decks => "Decks",
            Screen::Import => "Import",
            Screen::Study => "Study",
            Screen::Browse => "Browse",
            Screen::Stats => "Statistics",
            Screen::Settings => "Settings",
        }
    }
}

/// Light, dark or the system's look (saved with the settings).
pub use crate::core::model::ThemeChoice as Theme;

/// A line for the status bar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Message {
    Info(String),
    Error(String),
}

/// The whole app: the opened store, the scheduler for its settings, and
/// what each screen shows.
pub struct TreatyApp {
    store: Store,
    sched: Scheduler,
    utc_offset: i32,
    screen: Screen,
    session: Session,
    /// `(computed at, stats)`; `None` after any change.
    stats: Option<(i64, Vec<DeckStats>)>,
    /// The settings being edited (applied by "Save").
    draft: Settings,
    applied_theme: Option<Theme>,
    message: Option<Message>,
    /// What the import screen shows (text, preview, unticked cards).
    import: import::ImportState,
    /// The statistics screen's deck choice and computed series.
    stats_view: stats::StatsView,
    /// The deck list's rename field and delete confirmation.
    decks_view: decks::DecksView,
    /// The settings screen's step fields and optimiser result.
    settings_view: settings::SettingsView,
    applied_text_scale: Option<f32>,
    /// The card browser's rows, search, sort and selected card.
    browse: Browser,
    /// Bumped by every change to the store (caches compare it).
    generation: u64,
}

/// The scheduler for `settings`, falling back to the default FSRS
/// parameters if the saved personal ones no longer load (as the terminal
/// does). The second value says so.
fn scheduler_for(settings: &Settings, utc_offset: i32) -> (Scheduler, Option<String>) {
    match Scheduler::new(settings) {
        Ok(s) => (s.with_utc_offset(utc_offset), None),
        Err(e) => {
            let mut plain = settings.clone();
            plain.fsrs_params.clear();
            let s = Scheduler::new(&plain)
                .or_else(|_| Scheduler::new(&Settings::default()))
                .expect("the default FSRS parameters are valid");
            (
                s.with_utc_offset(utc_offset),
                Some(format!(
                    "Your saved FSRS parameters could not be used ({e}); the defaults are in use."
                )),
            )
        }
    }
}

impl TreatyApp {
    /// The app over an opened store (see [`crate::cli::open_store`]).
    pub fn new(store: Store) -> Self {
        let utc_offset = local_utc_offset();
        let (sched, note) = scheduler_for(store.settings(), utc_offset);
        let draft = store.settings().clone();
        TreatyApp {
            store,
            sched,
            utc_offset,
            screen: Screen::Decks,
            session: Session::default(),
            stats: None,
            draft,
            applied_theme: None,
            message: note.map(Message::Error),
            import: import::ImportState::default(),
            stats_view: stats::StatsView::default(),
            decks_view: decks::DecksView::default(),
            settings_view: settings::SettingsView::default(),
            applied_text_scale: None,
            browse: Browser::default(),
            generation: 0,
        }
    }

    /// Use these programs (each a command and its arguments, tried in
    /// order) as the "Choose file…" dialog instead of the desktop's.
    pub fn with_file_choosers(mut self, choosers: Vec<Vec<String>>) -> Self {
        self.import.choosers = choosers;
        self
    }

    /// The screen on show.
    pub fn screen(&self) -> Screen {
        self.screen
    }

    /// Switch screens (as the top-bar buttons do).
    pub fn set_screen(&mut self, screen: Screen) {
        if screen == Screen::Settings && self.screen != Screen::Settings {
            self.draft = self.store.settings().clone();
            self.settings_view = settings::SettingsView::default();
        }
        if screen == Screen::Study && !self.session.is_started() {
            self.session = Session::start(None, &self.store, &self.sched, now_secs());
        }
        self.screen = screen;
    }

    /// The store (for reading: counts, settings, history).
    pub fn store(&self) -> &Store {
        &self.store
    }

    /// The study session in progress.
    pub fn session(&self) -> &Session {
        &self.session
    }

    /// The card browser (rows shown, selection).
    pub fn browser(&self) -> &Browser {
        &self.browse
    }

    /// The status-bar message, if any.
    pub fn message(&self) -> Option<&Message> {
        self.message.as_ref()
    }

    /// Start studying one deck (or all decks) from the top.
    fn start_study(&mut self, deck: Option<String>) {
        self.session = Session::start(deck, &self.store, &self.sched, now_secs());
        self.screen = Screen::Study;
    }

    /// The store changed: cached counts are stale.
    fn invalidate(&mut self) {
        self.stats = None;
        self.stats_view.invalidate();
        self.generation += 1;
    }

    /// Every deck's statistics, recomputed when stale.
    fn deck_stats(&mut self) -> &[DeckStats] {
        let now = now_secs();
        let fresh = self
            .stats
            .as_ref()
            .is_some_and(|(t, _)| (now - t).abs() < STATS_TTL_SECS);
        if !fresh {
            self.stats = Some((now, all_deck_stats(&self.store, &self.sched, now)));
        }
        self.stats
            .as_ref()
            .map(|(_, s)| s.as_slice())
            .unwrap_or(&[])
    }

    /// Apply the edited settings: store them, then rebuild the scheduler.
    fn save_settings(&mut self) {
        let new = self.draft.clone().sanitized();
        match self.store.set_settings(new) {
            Ok(()) => {
                let (sched, note) = scheduler_for(self.store.settings(), self.utc_offset);
                self.sched = sched;
                self.draft = self.store.settings().clone();
                self.invalidate();
                self.session.settings_changed();
                self.message = Some(
                    note.map_or_else(|| Message::Info("Settings saved.".into()), Message::Error),
                );
            }
            Err(e) => self.message = Some(Message::Error(format!("Settings not saved: {e}"))),
        }
    }

    fn apply_theme(&mut self, ctx: &egui::Context) {
        if self.applied_theme.is_none() {
            // Slightly larger text than egui's defaults: this is a reading app.
            ctx.all_styles_mut(|style| {
                use egui::{FontFamily, FontId, TextStyle};
                let sizes = [
                    (TextStyle::Small, 11.0),
                    (TextStyle::Body, 15.0),
                    (TextStyle::Button, 15.0),
                    (TextStyle::Heading, 22.0),
                    (TextStyle::Monospace, 14.0),
                ];
                for (ts, size) in sizes {
                    let family = if ts == TextStyle::Monospace {
                        FontFamily::Monospace
                    } else {
                        FontFamily::Proportional
                    };
                    style.text_styles.insert(ts, FontId::new(size, family));
                }
                style.spacing.button_padding = egui::vec2(8.0, 4.0);
            });
        }
        let theme = self.draft.theme;
        if self.applied_theme != Some(theme) {
            ctx.set_theme(match theme {
                Theme::System => egui::ThemePreference::System,
                Theme::Dark => egui::ThemePreference::Dark,
                Theme::Light => egui::ThemePreference::Light,
            });
            self.applied_theme = Some(theme);
        }
        // Text size: the whole window is zoomed, so text set in points
        // anywhere (the question, the plots) grows with it. The saved value
        // (not the draft): zooming under a dragged slider would make it jump.
        let scale = self.store.settings().text_scale;
        if self.applied_text_scale != Some(scale) {
            ctx.set_zoom_factor(scale);
            self.applied_text_scale = Some(scale);
        }
    }

    fn top_bar(&mut self, ui: &mut egui::Ui) {
        egui::Panel::top("top_bar").show(ui, |ui| {
            ui.add_space(4.0);
            ui.horizontal(|ui| {
                ui.label(egui::RichText::new("TreatyDeck").strong().size(18.0));
                ui.separator();
                for screen in Screen::ALL {
                    let button = egui::Button::selectable(self.screen == screen, screen.label())
                        .min_size(egui::vec2(88.0, 26.0));
                    if ui.add(button).clicked() {
                        self.set_screen(screen);
                    }
                }
            });
            ui.add_space(4.0);
        });
    }

    fn status_bar(&mut self, ui: &mut egui::Ui) {
        egui::Panel::bottom("status_bar").show(ui, |ui| {
            ui.horizontal(|ui| {
                match &self.message {
                    Some(Message::Info(m)) => {
                        ui.label(m);
                    }
                    Some(Message::Error(m)) => {
                        ui.colored_label(ui.visuals().error_fg_color, m);
                    }
                    None => {
                        let n = self.store.review_count();
                        ui.weak(format!(
                            "{n} review{} recorded in all · data in {}",
                            if n == 1 { "" } else { "s" },
                            self.store.data_dir().display()
                        ));
                    }
                }
                if self.message.is_some() && ui.small_button("Dismiss").clicked() {
                    self.message = None;
                }
            });
        });
    }
}

impl eframe::App for TreatyApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        let ctx = ui.ctx().clone();
        self.apply_theme(&ctx);
        // Shortcuts are read before any widget so a focused button does
        // not also act on the same key.
        let study_keys = if self.screen == Screen::Study {
            study::read_keys(&ctx, &self.session)
        } else {
            Vec::new()
        };
        import::take_dropped(self, &ctx);
        self.top_bar(ui);
        self.status_bar(ui);
        egui::CentralPanel::default().show(ui, |ui| match self.screen {
            Screen::Decks => decks::show(self, ui),
            Screen::Import => import::show(self, ui),
            Screen::Study => study::show(self, ui, study_keys),
            Screen::Browse => browse::show(self, ui),
            Screen::Stats => stats::show(self, ui),
            Screen::Settings => settings::show(self, ui),
        });
        // Learning cards and the deck counts change with time alone.
        ctx.request_repaint_after(Duration::from_secs(30));
    }
}

/// Open the window and run until it is closed. An error is a sentence
/// (no window system, no OpenGL, …).
pub fn run(store: Store) -> Result<(), String> {
    let mut viewport = egui::ViewportBuilder::default()
        .with_title("TreatyDeck")
        .with_app_id("treatydeck")
        .with_inner_size([1280.0, 800.0])
        .with_min_inner_size([800.0, 600.0]);
    if let Ok(icon) = eframe::icon_data::from_png_bytes(include_bytes!("../../assets/icon.png")) {
        viewport = viewport.with_icon(icon);
    }
    let options = eframe::NativeOptions {
        viewport,
        ..Default::default()
    };
    eframe::run_native(
        "TreatyDeck",
        options,
        Box::new(|_cc| Ok(Box::new(TreatyApp::new(store)))),
    )
    .map_err(|e| format!("cannot open the window: {e}"))
}

/// Whether a window system is reachable at all (X11 or Wayland).
pub fn display_available() -> bool {
    if cfg!(any(target_os = "windows", target_os = "macos")) {
        return true;
    }
    let set = |v: &str| std::env::var_os(v).is_some_and(|s| !s.is_empty());
    set("DISPLAY") || set("WAYLAND_DISPLAY")
}
