//! Whole-collection backup and restore: one JSON file with the settings,
//! every deck (article, cards, edits, unticked cards, card states) and the
//! review history.
//!
//! ```text
//! { "format": "treatydeck-backup", "version": 1,
//!   "settings": {...}, "decks": [ {deck as in collection.json}, ... ],
//!   "reviews": [ {review as in reviews.jsonl}, ... ] }
//! ```
//!
//! The file holds no timestamp, so backing up a restored collection gives
//! the same bytes again.

use std::fs;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::progress::{Deck, Store, StoreError};
use crate::core::builtin;
use crate::core::model::{Review, Settings};

const FORMAT: &str = "treatydeck-backup";
/// The backup format version this build writes (and the newest it reads).
pub const BACKUP_VERSION: u64 = 1;

/// The content of a backup file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Backup {
    pub format: String,
    pub version: u64,
    #[serde(default)]
    pub settings: Settings,
    #[serde(default)]
    pub decks: Vec<Deck>,
    #[serde(default)]
    pub reviews: Vec<Review>,
}

/// What [`Store::restore_backup`] did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Restored {
    pub decks: usize,
    pub reviews: usize,
    /// Where the replaced collection and review log were kept.
    pub kept_in: PathBuf,
}

fn io_err(action: &'static str, path: &Path) -> impl FnOnce(std::io::Error) -> StoreError {
    let path = path.to_path_buf();
    move |source| StoreError::Io {
        action,
        path,
        source,
    }
}

/// Read and check a backup file.
pub fn read_backup(path: &Path) -> Result<Backup, StoreError> {
    let bytes = fs::read(path).map_err(io_err("read", path))?;
    let bad = |why: String| {
        StoreError::InvalidData(format!(
            "'{}' is not a TreatyDeck backup ({why})",
            path.display()
        ))
    };
    #[derive(Deserialize)]
    struct Probe {
        format: Option<String>,
        version: Option<u64>,
    }
    let probe: Probe =
        serde_json::from_slice(&bytes).map_err(|e| bad(format!("not valid JSON: {e}")))?;
    if probe.format.as_deref() != Some(FORMAT) {
        return Err(bad(format!(
            "its \"format\" is {:?}, expected \"{FORMAT}\"",
            probe.format.unwrap_or_default()
        )));
    }
    let version = probe.version.unwrap_or(0);
    if version > BACKUP_VERSION {
        return Err(StoreError::InvalidData(format!(
            "'{}' was written by a newer TreatyDeck (backup version {version}; this version reads up to {BACKUP_VERSION})",
            path.display()
        )));
    }
    serde_json::from_slice(&bytes).map_err(|e| bad(format!("its content does not fit: {e}")))
}

impl Store {
    /// The whole collection as a [`Backup`].
    pub fn to_backup(&self) -> Backup {
        Backup {
            format: FORMAT.to_string(),
            version: BACKUP_VERSION,
            settings: self.settings().clone(),
            decks: self.decks().to_vec(),
            reviews: self.reviews().collect(),
        }
    }

    /// Write the whole collection to `path` (pretty JSON, via a temporary
    /// file and a rename). Returns the number of decks and reviews.
    pub fn write_backup(&self, path: &Path) -> Result<(usize, usize), StoreError> {
        let b = self.to_backup();
        let mut bytes = serde_json::to_vec_pretty(&b)
            .map_err(|e| StoreError::InvalidData(format!("cannot encode the backup: {e}")))?;
        bytes.push(b'\n');
        super::export::write_file(path, &bytes).map_err(io_err("write", path))?;
        Ok((b.decks.len(), b.reviews.len()))
    }

    /// Whether there is anything a restore would lose: a review, or a deck
    /// other than the untouched built-in one.
    pub fn has_progress(&self) -> bool {
        self.review_count() > 0
            || self.decks().iter().any(|d| {
                builtin::get(&d.name).is_none()
                    || !d.states.is_empty()
                    || !d.edits.is_empty()
                    || !d.removed.is_empty()
            })
    }

    /// Replace the collection with the backup at `path`. Refused if the
    /// collection has progress ([`Store::has_progress`]) unless `force`; the
    /// replaced files are kept in `backups/before-restore-<n>/`.
    pub fn restore_backup(&mut self, path: &Path, force: bool) -> Result<Restored, StoreError> {
        let b = read_backup(path)?;
        if self.has_progress() && !force {
            return Err(StoreError::InvalidData(format!(
                "the collection in '{}' is not empty ({} deck(s), {} review(s)); use --force to replace it (a copy of it is kept in backups/)",
                self.data_dir().display(),
                self.decks().len(),
                self.review_count()
            )));
        }
        let (decks, reviews) = (b.decks.len(), b.reviews.len());
        let kept_in = self.replace_all(b.settings, b.decks, &b.reviews, "before-restore")?;
        Ok(Restored {
            decks,
            reviews,
            kept_in,
        })
    }
}
