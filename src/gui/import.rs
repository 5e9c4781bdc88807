//! The import screen: paste an article or open a file, see the cards it
//! gives (live), untick the ones not wanted, name the deck and save it.
//! Files are read only through [`store::read_article`]; cards come only
//! from [`core::generate`].

use std::collections::BTreeSet;
use std::path::Path;

use eframe::egui::{self, RichText};

use super::{Message, Screen, TreatyApp, file_dialog};
use crate::cli::deck_name_from;
use crate::core::{self, FactKind, GenerateError, Generated};
use crate::store;

/// The deck name offered for pasted text.
const PASTED_NAME: &str = "my-article";

/// What the import screen holds between frames.
pub(crate) struct ImportState {
    text: String,
    path: String,
    name: String,
    /// The learner typed a deck name: opening a file keeps it.
    name_edited: bool,
    /// The preview of `text`; `None` until computed.
    preview: Option<Result<Generated, GenerateError>>,
    /// `text` changed since the preview was computed.
    stale: bool,
    /// Ids of the cards the learner unticked (ids are stable, so unticks
    /// survive edits of the text that keep the card).
    unticked: BTreeSet<String>,
    /// Why the file could not be opened or the deck not saved.
    error: Option<String>,
    /// The desktop's file chooser while it is open.
    chooser: Option<file_dialog::Pending>,
    /// Chooser programs to try (see [`file_dialog::default_choosers`]).
    pub(crate) choosers: Vec<Vec<String>>,
}

impl Default for ImportState {
    fn default() -> Self {
        ImportState {
            text: String::new(),
            path: String::new(),
            name: PASTED_NAME.to_string(),
            name_edited: false,
            preview: None,
            stale: true,
            unticked: BTreeSet::new(),
            error: None,
            chooser: None,
            choosers: file_dialog::default_choosers(),
        }
    }
}

impl ImportState {
    /// Load an article file into the text box (nothing is saved).
    fn open(&mut self, path: &str) {
        let path = path.trim();
        if path.is_empty() {
            self.error = Some("Type the path of an article file first.".into());
            return;
        }
        match store::read_article(Path::new(path)) {
            Ok(text) => {
                self.text = text;
                self.path = path.to_string();
                if !self.name_edited {
                    self.name = deck_name_from(path);
                }
                self.stale = true;
                self.error = None;
            }
            Err(e) => self.error = Some(e.to_string()),
        }
    }

    /// Regenerate the preview if the text changed.
    fn refresh(&mut self) {
        if self.stale || self.preview.is_none() {
            self.preview = Some(core::generate(&self.text));
            self.stale = false;
        }
    }
}

/// Files dropped on the window open on the import screen (the first one
/// with a path), as "Open file" would.
pub(crate) fn take_dropped(app: &mut TreatyApp, ctx: &egui::Context) {
    let dropped = ctx.input(|i| {
        i.raw
            .dropped_files
            .iter()
            .map(|f| f.path().to_path_buf())
            .find(|p| !p.as_os_str().is_empty())
    });
    if let Some(path) = dropped {
        app.import.open(&path.display().to_string());
        app.screen = Screen::Import;
    }
}

pub(crate) fn show(app: &mut TreatyApp, ui: &mut egui::Ui) {
    let error_color = ui.visuals().error_fg_color;
    let mut save = false;
    {
        let st = &mut app.import;
        // The file chooser answered (it runs on its own thread).
        if let Some(choice) = st.chooser.as_ref().and_then(file_dialog::Pending::poll) {
            st.chooser = None;
            match choice {
                Ok(Some(path)) => st.open(&path.display().to_string()),
                Ok(None) => {}
                Err(e) => st.error = Some(e),
            }
        }
        st.refresh();

        ui.heading("Import an article");
        ui.add_space(8.0);

        ui.horizontal(|ui| {
            let label = ui.label("File path");
            let field = ui
                .add(
                    egui::TextEdit::singleline(&mut st.path)
                        .hint_text("/path/to/article.txt")
                        .desired_width(420.0),
                )
                .labelled_by(label.id);
            let enter = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
            if ui.button("Open file").clicked() || enter {
                let path = st.path.clone();
                st.open(&path);
            }
            let choosing = st.chooser.is_some();
            let choose = ui
                .add_enabled(!choosing, egui::Button::new("Choose file…"))
                .on_hover_text("Pick a .txt or .md article with the desktop's file chooser");
            if choose.clicked() {
                st.chooser = Some(file_dialog::open(st.choosers.clone()));
            }
            if choosing {
                ui.spinner();
                ui.weak("waiting for the file chooser…");
                ui.ctx()
                    .request_repaint_after(std::time::Duration::from_millis(100));
            } else {
                ui.weak("or drop a file on the window");
            }
        });
        ui.add_space(6.0);

        let label = ui.label("Article text");
        let edit = egui::ScrollArea::vertical()
            .id_salt("import_text")
            .max_height(180.0)
            .show(ui, |ui| {
                ui.add(
                    egui::TextEdit::multiline(&mut st.text)
                        .hint_text("Paste the article here")
                        .desired_width(f32::INFINITY)
                        .desired_rows(8),
                )
                .labelled_by(label.id)
            })
            .inner;
        if edit.changed() {
            st.stale = true;
        }
        if let Some(e) = &st.error {
            ui.colored_label(error_color, e);
        }
        ui.add_space(6.0);

        let ok = matches!(st.preview, Some(Ok(_)));
        ui.horizontal(|ui| {
            let label = ui.label("Deck name");
            let field = ui
                .add(egui::TextEdit::singleline(&mut st.name).desired_width(240.0))
                .labelled_by(label.id);
            if field.changed() {
                st.name_edited = true;
            }
            let button = egui::Button::new("Save deck").min_size(egui::vec2(110.0, 26.0));
            if ui.add_enabled(ok, button).clicked() {
                save = true;
            }
        });
        ui.separator();

        match &st.preview {
            Some(Err(e @ GenerateError::Empty)) => {
                ui.weak(format!(
                    "No cards yet: {e}. Paste an article or open a file."
                ));
            }
            Some(Err(e)) => {
                ui.colored_label(error_color, format!("No cards: {e}."));
            }
            Some(Ok(g)) => preview(ui, g, &mut st.unticked),
            None => {}
        }
    }
    if save {
        save_deck(app);
    }
}

/// The cards grouped by kind, each with a tick box (label: the question).
fn preview(ui: &mut egui::Ui, g: &Generated, unticked: &mut BTreeSet<String>) {
    let kept = g.cards.iter().filter(|c| !unticked.contains(&c.id)).count();
    ui.label(RichText::new(&g.deck.title).strong());
    ui.weak(format!(
        "{} cards, {kept} ticked. Untick the cards you do not want to study.",
        g.cards.len()
    ));
    ui.add_space(4.0);
    egui::ScrollArea::vertical()
        .id_salt("import_preview")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            for kind in FactKind::ALL {
                let n = g.cards.iter().filter(|c| c.kind == kind).count();
                if n == 0 {
                    continue;
                }
                let title = format!("{} ({n})", kind_title(kind));
                egui::CollapsingHeader::new(title)
                    .id_salt(("import_kind", kind.as_str()))
                    .default_open(true)
                    .show(ui, |ui| {
                        for card in g.cards.iter().filter(|c| c.kind == kind) {
                            let mut ticked = !unticked.contains(&card.id);
                            if ui.checkbox(&mut ticked, &card.question).changed() {
                                if ticked {
                                    unticked.remove(&card.id);
                                } else {
                                    unticked.insert(card.id.clone());
                                }
                            }
                            ui.indent(("import_answer", &card.id), |ui| {
                                ui.weak(format!("Answer: {}", card.answer));
                            });
                            ui.add_space(4.0);
                        }
                    });
            }
        });
}

fn kind_title(kind: FactKind) -> &'static str {
    match kind {
        FactKind::Date => "Dates",
        FactKind::Party => "Parties",
        FactKind::Treaty => "Treaties",
        FactKind::Speaker => "Speakers",
        FactKind::Role => "Roles",
        FactKind::Number => "Numbers",
    }
}

/// Add the deck, then untick the cards left out. On success the import
/// screen is cleared and the deck list shown.
fn save_deck(app: &mut TreatyApp) {
    let st = &mut app.import;
    let Some(Ok(g)) = &st.preview else {
        return;
    };
    let name = st.name.trim().to_string();
    let unticked: Vec<String> = g
        .cards
        .iter()
        .filter(|c| st.unticked.contains(&c.id))
        .map(|c| c.id.clone())
        .collect();
    let kept = g.cards.len() - unticked.len();
    if let Err(e) = app
        .store
        .add_deck(&name, &g.deck.title, &st.text, g.cards.clone())
    {
        st.error = Some(format!("Deck not saved: {e}"));
        return;
    }
    app.invalidate();
    let failed = unticked
        .iter()
        .find_map(|id| app.store.set_card_removed(&name, id, true).err());
    app.message = Some(match failed {
        None => Message::Info(format!("Imported deck '{name}': {kept} cards")),
        Some(e) => Message::Error(format!(
            "Imported deck '{name}', but the unticked cards could not all be left out: {e}"
        )),
    });
    app.import = ImportState::default();
    app.screen = Screen::Decks;
}
