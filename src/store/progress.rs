//! The durable local progress store: decks, card states, the review
//! history and settings, kept in one data folder.
//!
//! # Where
//!
//! [`resolve_data_dir`] picks the data folder: the `--data-dir` flag, else
//! the `TREATYDECK_DATA_DIR` environment variable, else the platform's data
//! folder (`~/.local/share/treatydeck` on Linux,
//! `~/Library/Application Support/org.TreatyDeck.treatydeck` on macOS,
//! `%APPDATA%\TreatyDeck\treatydeck\data` on Windows). It is created if
//! missing.
//!
//! # Layout
//!
//! ```text
//! collection.json          decks, card states, settings (pretty JSON, versioned)
//! reviews.jsonl            append-only review log, one JSON line per event
//! backups/collection-<n>.json   the 5 newest previous collection.json files
//! lock                     held (flock) while a TreatyDeck has the folder open
//! ```
//!
//! `collection.json` is meant to be readable by people and other programs:
//!
//! ```text
//! { "format": "treatydeck-collection", "version": 1,
//!   "settings": { ... },
//!   "decks": [ { "name": "nst", "title": "...", "article": "full text",
//!                "cards": [ {card}, ... ],
//!                "edits": { "<card id>": { "question": "...", "answer": "...", "accept": [...] } },
//!                "removed": [ "<card id the user unticked>", ... ],
//!                "states": { "<card id>": {card state}, ... } } ],
//!   "applied_seq": 1234 }
//! ```
//!
//! `reviews.jsonl` holds one compact JSON value per line, tagged by kind:
//! `{"review":{<Review>}}`, `{"undo":{"seq":8,"undoes":7}}`,
//! `{"rename":{"seq":9,"from":"a","to":"b"}}`, `{"delete":{"seq":10,"deck":"b"}}`.
//! Every line has a `seq` assigned by the store (one more than the last);
//! order is by `seq`, never by the clock, so a clock that jumps backwards
//! changes nothing. The log is never truncated by normal use: it is the
//! full history (only an incomplete last line left by a crash is cut off).
//!
//! # Durability
//!
//! * Answering a card ([`Store::record_review`]) and [`Store::undo_last`]
//!   append one line to `reviews.jsonl` and `fsync` it before returning:
//!   constant work however long the history is.
//! * Every other change (add, regenerate, rename or delete a deck, edit,
//!   untick or suspend/bury a card, settings) is written by [`Store::save`]
//!   before the method returns: the whole collection goes to
//!   `collection.json.tmp`, which is fsynced and renamed over
//!   `collection.json`, and the folder is fsynced. The previous
//!   `collection.json` is kept as `backups/collection-<n>.json` (`<n>` is the
//!   Unix time, or one more than the newest backup if the clock went back);
//!   the 5 newest are kept. A crash at any point leaves either the old or
//!   the new file, never a mix.
//! * `applied_seq` in `collection.json` is the last log seq whose effect it
//!   contains. On open, log lines with a larger seq are replayed (a review
//!   sets the card's state to its `after`, an undo to the undone review's
//!   `before`, renames and deletes are redone), so nothing is applied twice
//!   and nothing recorded is lost between saves.
//! * Renames and deletes are also logged (before the collection is
//!   rewritten) so that the history follows a renamed deck, and a new deck
//!   that reuses a deleted deck's name does not inherit its history.
//!
//! # Faults
//!
//! * Another process (or another `Store` in this process) holding `lock`:
//!   [`StoreError::InUse`], nothing touched.
//! * `collection.json` from a newer TreatyDeck: [`StoreError::NewerVersion`],
//!   nothing touched.
//! * `collection.json` that is empty or does not parse is never
//!   overwritten: it is renamed to `collection.json.corrupt-<unix>` (or
//!   `.empty-<unix>`), the newest backup that parses is restored, the log is
//!   replayed onto it, and a [`Notice`] names the files. `collection.json`
//!   missing while backups exist: the newest good backup is restored too.
//! * A truncated or garbled *last* line of `reviews.jsonl` (crash mid-write)
//!   is cut off, back to the end of the last complete line, with a notice;
//!   a garbled line elsewhere is skipped with a notice; neither is fatal.
//! * A `collection.json.tmp` left by an interrupted save is removed (the
//!   save never completed; the previous file is intact).
//! * Version 0 collections (no `applied_seq`, `states` as a list of
//!   `[id, state]` pairs) are upgraded: their states count as containing
//!   the whole log, and version 1 is written at once (the version 0 file is
//!   kept in `backups/`).
//!
//! # Memory
//!
//! The whole history is kept in memory in a compact form (about 140 bytes
//! a review, deck and card ids interned), so a million reviews take about
//! 150 MB; [`Store::reviews`] expands them one at a time.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::fs::{self, File, OpenOptions};
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};

use super::log::{History, LogLine, Parsed, parse_line};
use crate::core::Card;
use crate::core::model::{CardState, Review, Settings};

/// The collection format version this build writes (and the newest it reads).
pub const COLLECTION_VERSION: u64 = 1;
/// How many previous `collection.json` files are kept in `backups/`.
pub const BACKUPS_KEPT: usize = 5;
/// Environment variable naming the data folder (after `--data-dir`).
pub const DATA_DIR_ENV: &str = "TREATYDECK_DATA_DIR";

const FORMAT: &str = "treatydeck-collection";
const COLLECTION: &str = "collection.json";
const COLLECTION_TMP: &str = "collection.json.tmp";
const REVIEWS: &str = "reviews.jsonl";
const BACKUPS: &str = "backups";
const LOCK: &str = "lock";

// ---------------------------------------------------------------- errors

/// Why the store could not do what was asked.
#[derive(Debug)]
pub enum StoreError {
    /// No flag, no environment variable and no home folder.
    NoDataDir,
    /// A file operation failed.
    Io {
        /// What was being done ("write", "rename", ...).
        action: &'static str,
        path: PathBuf,
        source: io::Error,
    },
    /// Another TreatyDeck has this data folder open.
    InUse(PathBuf),
    /// `collection.json` was written by a newer TreatyDeck.
    NewerVersion {
        found: u64,
        supported: u64,
    },
    /// A damaged file that could not be set aside safely.
    Corrupt {
        path: PathBuf,
        detail: String,
    },
    DeckExists(String),
    NoSuchDeck(String),
    NoSuchCard {
        deck: String,
        card: String,
    },
    /// A deck name that is empty or contains control characters.
    InvalidName(String),
    /// Data the store refuses to write (it would not read back).
    InvalidData(String),
}

impl fmt::Display for StoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StoreError::NoDataDir => write!(
                f,
                "cannot find a home folder to keep TreatyDeck's data in; pass --data-dir or set {DATA_DIR_ENV}"
            ),
            StoreError::Io {
                action,
                path,
                source,
            } => write!(f, "cannot {action} '{}': {source}", path.display()),
            StoreError::InUse(dir) => write!(
                f,
                "the data folder '{}' is in use by another running TreatyDeck; close it and try again (nothing was changed)",
                dir.display()
            ),
            StoreError::NewerVersion { found, supported } => write!(
                f,
                "{COLLECTION} was written by a newer TreatyDeck (format version {found}; this version reads up to {supported}); upgrade TreatyDeck to open it (nothing was changed)"
            ),
            StoreError::Corrupt { path, detail } => write!(
                f,
                "'{}' is damaged and could not be repaired safely ({detail}); it was left as it is",
                path.display()
            ),
            StoreError::DeckExists(n) => {
                write!(f, "a deck named '{n}' already exists; choose another name")
            }
            StoreError::NoSuchDeck(n) => write!(f, "there is no deck named '{n}'"),
            StoreError::NoSuchCard { deck, card } => {
                write!(f, "deck '{deck}' has no card with id '{card}'")
            }
            StoreError::InvalidName(n) => write!(
                f,
                "'{}' cannot be a deck name: a name must have visible characters and no control characters",
                n.escape_debug()
            ),
            StoreError::InvalidData(msg) => f.write_str(msg),
        }
    }
}

impl std::error::Error for StoreError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            StoreError::Io { source, .. } => Some(source),
            _ => None,
        }
    }
}

fn io_err(action: &'static str, path: &Path) -> impl FnOnce(io::Error) -> StoreError {
    let path = path.to_path_buf();
    move |source| StoreError::Io {
        action,
        path,
        source,
    }
}

/// Something the store repaired or wants the learner to know, as a sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice(pub String);

impl fmt::Display for Notice {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

// ---------------------------------------------------------------- decks

/// The learner's overrides of a generated card.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CardEdit {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub question: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub answer: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub accept: Option<Vec<String>>,
}

impl CardEdit {
    pub fn is_empty(&self) -> bool {
        self.question.is_none() && self.answer.is_none() && self.accept.is_none()
    }

    /// The card with these overrides applied.
    pub fn apply(&self, card: &mut Card) {
        if let Some(q) = &self.question {
            card.question.clone_from(q);
        }
        if let Some(a) = &self.answer {
            card.answer.clone_from(a);
        }
        if let Some(a) = &self.accept {
            card.accept.clone_from(a);
        }
    }
}

/// One imported article with its cards and the learner's progress on them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Deck {
    /// Unique short name (what the CLI calls it).
    pub name: String,
    #[serde(default)]
    pub title: String,
    /// The article's full text (for regeneration and context).
    #[serde(default)]
    pub article: String,
    /// The generated cards, unedited.
    pub cards: Vec<Card>,
    /// Overrides by card id.
    #[serde(default)]
    pub edits: BTreeMap<String, CardEdit>,
    /// Ids of cards the learner unticked (not studied).
    #[serde(default)]
    pub removed: BTreeSet<String>,
    /// Scheduling state by card id. A card without an entry is new. Ids of
    /// cards that vanished on regeneration keep their state here.
    #[serde(default)]
    pub states: BTreeMap<String, CardState>,
}

impl Deck {
    /// Whether `id` is one of the deck's current cards.
    pub fn has_card(&self, id: &str) -> bool {
        self.cards.iter().any(|c| c.id == id)
    }

    /// The card with the learner's edits applied.
    pub fn card(&self, id: &str) -> Option<Card> {
        let mut c = self.cards.iter().find(|c| c.id == id)?.clone();
        if let Some(e) = self.edits.get(id) {
            e.apply(&mut c);
        }
        Some(c)
    }

    /// The cards to study: edits applied, unticked cards left out.
    pub fn active_cards(&self) -> impl Iterator<Item = Card> + '_ {
        self.cards
            .iter()
            .filter(|c| !self.removed.contains(&c.id))
            .map(|c| {
                let mut c = c.clone();
                if let Some(e) = self.edits.get(&c.id) {
                    e.apply(&mut c);
                }
                c
            })
    }

    /// The card's scheduling state (new if never studied).
    pub fn state(&self, id: &str) -> CardState {
        self.states.get(id).cloned().unwrap_or_default()
    }

    pub fn is_removed(&self, id: &str) -> bool {
        self.removed.contains(id)
    }
}

/// What [`Store::regenerate_deck`] did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Regenerated {
    /// New cards whose id existed before (their progress continues).
    pub kept: usize,
    /// New cards with new ids.
    pub added: usize,
    /// Old cards whose id is gone (their states are kept in the deck).
    pub vanished: usize,
}

// ---------------------------------------------------------------- files

/// `collection.json`, version 1.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct CollectionV1 {
    format: String,
    version: u64,
    #[serde(default)]
    settings: Settings,
    #[serde(default)]
    decks: Vec<Deck>,
    #[serde(default)]
    applied_seq: u64,
}

/// The same, borrowed, for writing.
#[derive(Serialize)]
struct CollectionOut<'a> {
    format: &'a str,
    version: u64,
    settings: &'a Settings,
    decks: &'a [Deck],
    applied_seq: u64,
}

/// `collection.json`, version 0.
#[derive(Deserialize)]
struct CollectionV0 {
    #[serde(default)]
    settings: Settings,
    #[serde(default)]
    decks: Vec<DeckV0>,
}

#[derive(Deserialize)]
struct DeckV0 {
    name: String,
    #[serde(default)]
    title: String,
    #[serde(default)]
    article: String,
    cards: Vec<Card>,
    #[serde(default)]
    edits: BTreeMap<String, CardEdit>,
    #[serde(default)]
    removed: BTreeSet<String>,
    #[serde(default)]
    states: Vec<(String, CardState)>,
}

/// Just enough of a collection file to tell what it is.
#[derive(Deserialize)]
struct Probe {
    format: Option<String>,
    version: Option<u64>,
}

/// A collection file, read and understood.
struct Loaded {
    settings: Settings,
    decks: Vec<Deck>,
    /// `None` for version 0 (no checkpoint recorded).
    applied_seq: Option<u64>,
    version: u64,
}

enum Classified {
    Good(Loaded),
    Newer(u64),
    Bad(String),
    Empty,
}

fn classify(bytes: &[u8]) -> Classified {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Classified::Empty;
    }
    let probe: Probe = match serde_json::from_slice(bytes) {
        Ok(p) => p,
        Err(e) => return Classified::Bad(format!("it is not valid JSON: {e}")),
    };
    if probe.format.as_deref() != Some(FORMAT) {
        return Classified::Bad(format!(
            "it is not a TreatyDeck collection (its \"format\" is {:?}, expected \"{FORMAT}\")",
            probe.format.unwrap_or_default()
        ));
    }
    match probe.version.unwrap_or(0) {
        0 => match serde_json::from_slice::<CollectionV0>(bytes) {
            Ok(c) => Classified::Good(Loaded {
                settings: c.settings,
                decks: c
                    .decks
                    .into_iter()
                    .map(|d| Deck {
                        name: d.name,
                        title: d.title,
                        article: d.article,
                        cards: d.cards,
                        edits: d.edits,
                        removed: d.removed,
                        states: d.states.into_iter().collect(),
                    })
                    .collect(),
                applied_seq: None,
                version: 0,
            }),
            Err(e) => Classified::Bad(format!("its version 0 content does not fit: {e}")),
        },
        1 => match serde_json::from_slice::<CollectionV1>(bytes) {
            Ok(c) => Classified::Good(Loaded {
                settings: c.settings,
                decks: c.decks,
                applied_seq: Some(c.applied_seq),
                version: 1,
            }),
            Err(e) => Classified::Bad(format!("its content does not fit: {e}")),
        },
        v => Classified::Newer(v),
    }
}

fn now_unix() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}

/// `<dir>/<base>.<tag>-<unix>`, with `-2`, `-3`... if that exists.
fn aside_path(dir: &Path, base: &str, tag: &str) -> PathBuf {
    let stem = format!("{base}.{tag}-{}", now_unix());
    let mut p = dir.join(&stem);
    let mut n = 2;
    while p.symlink_metadata().is_ok() {
        p = dir.join(format!("{stem}-{n}"));
        n += 1;
    }
    p
}

fn file_name(p: &Path) -> String {
    p.file_name().map_or_else(
        || p.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

fn sync_dir(dir: &Path) -> Result<(), StoreError> {
    File::open(dir)
        .and_then(|d| d.sync_all())
        .map_err(io_err("sync the folder", dir))
}

/// Backups, newest first: (number, path).
fn list_backups(dir: &Path) -> Vec<(u64, PathBuf)> {
    let Ok(rd) = fs::read_dir(dir.join(BACKUPS)) else {
        return Vec::new();
    };
    let mut v: Vec<(u64, PathBuf)> = rd
        .filter_map(Result::ok)
        .filter_map(|e| {
            let name = e.file_name();
            let n = name
                .to_str()?
                .strip_prefix("collection-")?
                .strip_suffix(".json")?;
            if n.is_empty() || !n.bytes().all(|b| b.is_ascii_digit()) {
                return None;
            }
            Some((n.parse().ok()?, e.path()))
        })
        .collect();
    v.sort_by_key(|b| std::cmp::Reverse(b.0));
    v
}

/// The newest backup that parses (and is not from a newer version).
fn newest_good_backup(dir: &Path) -> Option<(PathBuf, Loaded)> {
    list_backups(dir).into_iter().find_map(|(_, p)| {
        let bytes = fs::read(&p).ok()?;
        match classify(&bytes) {
            Classified::Good(l) => Some((p, l)),
            _ => None,
        }
    })
}

fn check_name(name: &str) -> Result<(), StoreError> {
    if name.trim().is_empty() || name.chars().any(char::is_control) {
        return Err(StoreError::InvalidName(name.to_string()));
    }
    Ok(())
}

fn check_state(what: &str, s: &CardState) -> Result<(), StoreError> {
    if let Some(m) = s.memory
        && !(m.stability.is_finite() && m.difficulty.is_finite())
    {
        return Err(StoreError::InvalidData(format!(
            "refusing to store {what}: its memory state is not a finite number (stability {}, difficulty {})",
            m.stability, m.difficulty
        )));
    }
    Ok(())
}

/// Where the data folder is: `flag`, else `$TREATYDECK_DATA_DIR`, else the
/// platform's data folder. Created if missing.
pub fn resolve_data_dir(flag: Option<PathBuf>) -> Result<PathBuf, StoreError> {
    let dir = match flag {
        Some(p) => p,
        None => match std::env::var_os(DATA_DIR_ENV).filter(|v| !v.is_empty()) {
            Some(v) => PathBuf::from(v),
            None => directories::ProjectDirs::from("org", "TreatyDeck", "treatydeck")
                .ok_or(StoreError::NoDataDir)?
                .data_dir()
                .to_path_buf(),
        },
    };
    if dir.as_os_str().is_empty() {
        return Err(StoreError::InvalidData(
            "the data folder path is empty; give a folder name".into(),
        ));
    }
    fs::create_dir_all(&dir).map_err(io_err("create the data folder", &dir))?;
    Ok(dir)
}

fn take_lock(dir: &Path) -> Result<File, StoreError> {
    let path = dir.join(LOCK);
    let mut f = OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .open(&path)
        .map_err(io_err("open the lock file", &path))?;
    // A lock can be held for a moment by a child process this one is
    // starting (a file dialog, `date`): between fork and exec it shares
    // the open file. A second TreatyDeck holds it for good, so a short wait
    // tells the two apart.
    let mut waited = 0;
    loop {
        match f.try_lock() {
            Ok(()) => break,
            Err(fs::TryLockError::WouldBlock) if waited < 10 => {
                waited += 1;
                std::thread::sleep(std::time::Duration::from_millis(20));
            }
            Err(fs::TryLockError::WouldBlock) => {
                return Err(StoreError::InUse(dir.to_path_buf()));
            }
            Err(fs::TryLockError::Error(e)) => return Err(io_err("lock", &path)(e)),
        }
    }
    // For people looking at the folder: who holds it.
    let _ = f
        .set_len(0)
        .and_then(|_| writeln!(f, "{}", std::process::id()));
    Ok(f)
}

// ---------------------------------------------------------------- log scan

/// What reading `reviews.jsonl` found wrong.
#[derive(Default)]
struct Scan {
    /// Garbled lines before the last one (1-based line numbers).
    bad_lines: Vec<u64>,
    /// The garbled or incomplete last line: (line number, byte offset, length).
    bad_tail: Option<(u64, u64, u64)>,
    /// The last line was complete JSON but had no newline.
    missing_newline: bool,
    /// Lines whose seq was not after the previous line's.
    out_of_order: Vec<u64>,
}

/// Read the log in chunks (never the whole file at once), calling `f` for
/// every line that parses.
fn scan_log(file: &mut File, mut f: impl FnMut(Parsed<'_>)) -> io::Result<Scan> {
    let mut scan = Scan::default();
    let mut buf = vec![0u8; 1 << 20];
    let (mut end, mut base, mut line_no) = (0usize, 0u64, 0u64);
    // A garbled line is "the last line" until a good line follows it.
    let mut pending: Option<(u64, u64, u64)> = None;
    let mut last_seq: Option<u64> = None;
    let mut handle = |line: &[u8], off: u64, no: u64, scan: &mut Scan| {
        if line.iter().all(u8::is_ascii_whitespace) {
            return true;
        }
        match parse_line(line) {
            Some(p) => {
                if let Some((n, _, _)) = pending.take() {
                    scan.bad_lines.push(n);
                }
                if last_seq.is_some_and(|s| p.seq() <= s) {
                    scan.out_of_order.push(no);
                } else {
                    last_seq = Some(p.seq());
                    f(p);
                }
                true
            }
            None => {
                if let Some((n, _, _)) = pending.replace((no, off, line.len() as u64)) {
                    scan.bad_lines.push(n);
                }
                false
            }
        }
    };
    loop {
        let n = file.read(&mut buf[end..])?;
        if n == 0 {
            break;
        }
        end += n;
        let mut start = 0;
        while let Some(nl) = buf[start..end].iter().position(|&b| b == b'\n') {
            line_no += 1;
            handle(
                &buf[start..start + nl],
                base + start as u64,
                line_no,
                &mut scan,
            );
            start += nl + 1;
        }
        buf.copy_within(start..end, 0);
        end -= start;
        base += start as u64;
        if end == buf.len() {
            // One line longer than the buffer: grow it.
            buf.resize(buf.len() * 2, 0);
        }
    }
    if end > 0 {
        line_no += 1;
        let ok = handle(&buf[..end], base, line_no, &mut scan);
        if ok && !buf[..end].iter().all(u8::is_ascii_whitespace) {
            scan.missing_newline = true;
        }
    }
    scan.bad_tail = pending;
    Ok(scan)
}

fn list_lines(v: &[u64]) -> String {
    let shown: Vec<String> = v.iter().take(5).map(u64::to_string).collect();
    let more = if v.len() > 5 {
        format!(" and {} more", v.len() - 5)
    } else {
        String::new()
    };
    format!("{}{more}", shown.join(", "))
}

// ---------------------------------------------------------------- store

/// The open data folder. Holds the lock until dropped.
pub struct Store {
    dir: PathBuf,
    _lock: File,
    /// `reviews.jsonl`, open for appending.
    log: File,
    log_len: u64,
    settings: Settings,
    decks: Vec<Deck>,
    /// The log seq the collection on disk contains.
    applied_seq: u64,
    /// The newest seq used (log or collection).
    last_seq: u64,
    history: History,
}

impl fmt::Debug for Store {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Store")
            .field("dir", &self.dir)
            .field("decks", &self.decks.len())
            .field("reviews", &self.history.len())
            .field("last_seq", &self.last_seq)
            .finish_non_exhaustive()
    }
}

/// Counters from replaying the log onto the collection.
#[derive(Default)]
struct Replay {
    /// Records after `applied_seq` whose deck is not in the collection.
    orphans: usize,
    /// Undo records whose review is not in the history.
    lost_undos: Vec<u64>,
    /// Renames that could not be applied.
    bad_renames: Vec<u64>,
}

impl Store {
    /// Open (creating if needed) the data folder `dir`: take the lock, load
    /// `collection.json`, replay the log. The notices say what was repaired.
    pub fn open(dir: impl AsRef<Path>) -> Result<(Store, Vec<Notice>), StoreError> {
        let dir = dir.as_ref().to_path_buf();
        fs::create_dir_all(&dir).map_err(io_err("create the data folder", &dir))?;
        let lock = take_lock(&dir)?;
        let mut notices = Vec::new();

        // 1. The collection. Nothing is written before the version check.
        let coll_path = dir.join(COLLECTION);
        let mut must_save = false;
        let loaded = match fs::read(&coll_path) {
            Ok(bytes) => match classify(&bytes) {
                Classified::Good(l) => Some(l),
                Classified::Newer(found) => {
                    return Err(StoreError::NewerVersion {
                        found,
                        supported: COLLECTION_VERSION,
                    });
                }
                bad => {
                    let (tag, why) = match bad {
                        Classified::Bad(why) => ("corrupt", why),
                        _ => ("empty", "it is empty".to_string()),
                    };
                    let aside = aside_path(&dir, COLLECTION, tag);
                    fs::rename(&coll_path, &aside).map_err(|e| StoreError::Corrupt {
                        path: coll_path.clone(),
                        detail: format!("{why}; moving it to '{}' failed: {e}", aside.display()),
                    })?;
                    sync_dir(&dir)?;
                    let mut msg = format!(
                        "{COLLECTION} could not be read ({why}); it was moved to {} and left untouched",
                        file_name(&aside)
                    );
                    let restored = newest_good_backup(&dir);
                    match &restored {
                        Some((p, _)) => {
                            msg.push_str(&format!(
                                "; the newest readable backup, {BACKUPS}/{}, was restored and reviews recorded since it were replayed from {REVIEWS}",
                                file_name(p)
                            ));
                            must_save = true;
                        }
                        None => msg.push_str(&format!(
                            "; there is no readable backup, so the collection starts empty (the review history in {REVIEWS} is kept)"
                        )),
                    }
                    notices.push(Notice(format!("{msg}.")));
                    restored.map(|(_, l)| l)
                }
            },
            Err(e) if e.kind() == io::ErrorKind::NotFound => {
                let restored = newest_good_backup(&dir);
                if let Some((p, _)) = &restored {
                    notices.push(Notice(format!(
                        "{COLLECTION} was missing; the newest readable backup, {BACKUPS}/{}, was restored and reviews recorded since it were replayed from {REVIEWS}.",
                        file_name(p)
                    )));
                    must_save = true;
                }
                restored.map(|(_, l)| l)
            }
            Err(e) => return Err(io_err("read", &coll_path)(e)),
        };
        let (settings, mut decks, applied, version) = match loaded {
            Some(l) => (l.settings, l.decks, l.applied_seq, l.version),
            None => (Settings::default(), Vec::new(), Some(0), COLLECTION_VERSION),
        };
        let settings = settings.sanitized();
        // Hand-edited files may repeat a name; names must be unique.
        let mut seen = BTreeSet::new();
        for d in &mut decks {
            if !seen.insert(d.name.clone()) {
                let mut n = 2;
                while seen.contains(&format!("{} ({n})", d.name)) {
                    n += 1;
                }
                let new = format!("{} ({n})", d.name);
                notices.push(Notice(format!(
                    "{COLLECTION} has two decks named '{}'; the second is now called '{new}'.",
                    d.name
                )));
                d.name = new.clone();
                seen.insert(new);
                must_save = true;
            }
        }

        // 2. A save that never finished.
        let tmp = dir.join(COLLECTION_TMP);
        if tmp.symlink_metadata().is_ok() {
            fs::remove_file(&tmp).map_err(io_err("remove", &tmp))?;
            notices.push(Notice(format!(
                "Removed {COLLECTION_TMP} left by a save that was interrupted; {COLLECTION} is the last complete save."
            )));
        }

        // 3. The log.
        let log_path = dir.join(REVIEWS);
        let existed = log_path.symlink_metadata().is_ok();
        let log = OpenOptions::new()
            .append(true)
            .create(true)
            .open(&log_path)
            .map_err(io_err("open", &log_path))?;
        if !existed {
            sync_dir(&dir)?;
        }
        let mut store = Store {
            dir: dir.clone(),
            _lock: lock,
            log,
            log_len: 0,
            settings,
            decks,
            applied_seq: applied.unwrap_or(0),
            last_seq: applied.unwrap_or(0),
            history: History::default(),
        };
        let mut reader = File::open(&log_path).map_err(io_err("open", &log_path))?;
        let len = reader.metadata().map(|m| m.len()).unwrap_or(0);
        store.history.reserve((len / 300) as usize);
        let mut replay = Replay::default();
        let mut log_max = 0;
        let mut records = 0usize;
        // Version 0 has no checkpoint: its states are taken as complete, so
        // only the history is rebuilt (nothing is applied).
        let replay_from = applied.unwrap_or(u64::MAX);
        let scan = scan_log(&mut reader, |p| {
            let seq = p.seq();
            log_max = seq;
            records += 1;
            store.ingest(p, seq > replay_from, &mut replay);
        })
        .map_err(io_err("read", &log_path))?;
        drop(reader);
        let mut good = file_len(&log_path)?;
        if let Some((no, off, n)) = scan.bad_tail {
            store
                .log
                .set_len(off)
                .and_then(|_| store.log.sync_all())
                .map_err(io_err("cut the damaged end off", &log_path))?;
            good = off;
            notices.push(Notice(format!(
                "The last line of {REVIEWS} (line {no}, {n} bytes) was incomplete or unreadable, as left by a crash while writing; it was removed. The {records} records before it are intact."
            )));
        } else if scan.missing_newline {
            store
                .log
                .write_all(b"\n")
                .and_then(|_| store.log.sync_data())
                .map_err(io_err("append to", &log_path))?;
            good += 1;
        }
        store.log_len = good;
        if !scan.bad_lines.is_empty() {
            notices.push(Notice(format!(
                "{REVIEWS}: skipped {} unreadable line(s) (line {}); the other records were read.",
                scan.bad_lines.len(),
                list_lines(&scan.bad_lines)
            )));
        }
        if !scan.out_of_order.is_empty() {
            notices.push(Notice(format!(
                "{REVIEWS}: skipped {} line(s) whose sequence number is not after the line before (line {}).",
                scan.out_of_order.len(),
                list_lines(&scan.out_of_order)
            )));
        }
        if replay.orphans > 0 {
            notices.push(Notice(format!(
                "{} record(s) in {REVIEWS} newer than {COLLECTION} belong to decks that are not in the collection; they stay in the history file but change no card.",
                replay.orphans
            )));
        }
        if !replay.lost_undos.is_empty() {
            notices.push(Notice(format!(
                "{REVIEWS}: ignored {} undo record(s) whose review is not in the history (seq {}).",
                replay.lost_undos.len(),
                list_lines(&replay.lost_undos)
            )));
        }
        if !replay.bad_renames.is_empty() {
            notices.push(Notice(format!(
                "{REVIEWS}: ignored {} rename record(s) whose new name was already taken (seq {}).",
                replay.bad_renames.len(),
                list_lines(&replay.bad_renames)
            )));
        }
        if let Some(a) = applied
            && a > log_max
            && a > 0
        {
            notices.push(Notice(format!(
                "{COLLECTION} includes records up to seq {a} but {REVIEWS} ends at seq {log_max}: part of the review history is missing (card states are intact)."
            )));
        }
        store.last_seq = store.last_seq.max(log_max);
        if version < COLLECTION_VERSION {
            store.applied_seq = store.last_seq;
            must_save = true;
            notices.push(Notice(format!(
                "{COLLECTION} was in format version {version}; it was upgraded to version {COLLECTION_VERSION} (the old file is kept in {BACKUPS}/)."
            )));
        }
        if must_save {
            store.save()?;
        }
        Ok((store, notices))
    }

    /// Apply one log record to the history and, if `apply`, to the
    /// collection. The same code serves replay and live changes.
    fn ingest(&mut self, p: Parsed<'_>, apply: bool, replay: &mut Replay) -> Option<Review> {
        match p {
            Parsed::Review(r) => {
                if apply {
                    match self.decks.iter_mut().find(|d| d.name == r.deck) {
                        Some(d) => match d.states.get_mut(r.card.as_ref()) {
                            Some(s) => s.clone_from(&r.after),
                            None => {
                                d.states.insert(r.card.to_string(), r.after.clone());
                            }
                        },
                        None => replay.orphans += 1,
                    }
                }
                self.history.push(&r);
                None
            }
            Parsed::Undo { seq, undoes } => {
                let Some(rev) = self.history.remove(undoes) else {
                    replay.lost_undos.push(seq);
                    return None;
                };
                if apply {
                    match self.decks.iter_mut().find(|d| d.name == rev.deck) {
                        Some(d) => {
                            d.states.insert(rev.card.clone(), rev.before.clone());
                        }
                        None => replay.orphans += 1,
                    }
                }
                Some(rev)
            }
            Parsed::Rename { seq, from, to } => {
                if from == to {
                    return None;
                }
                if apply && self.decks.iter().any(|d| d.name == to) {
                    replay.bad_renames.push(seq);
                    return None;
                }
                self.history.rename(&from, &to);
                if apply {
                    match self.decks.iter_mut().find(|d| d.name == from) {
                        Some(d) => d.name = to,
                        None => replay.orphans += 1,
                    }
                }
                None
            }
            Parsed::Delete { deck, .. } => {
                self.history.delete(&deck);
                if apply {
                    let before = self.decks.len();
                    self.decks.retain(|d| d.name != deck);
                    if self.decks.len() == before {
                        replay.orphans += 1;
                    }
                }
                None
            }
        }
    }

    /// Append one line to the log and fsync it. On failure the file is cut
    /// back so that no partial line stays behind.
    fn append(&mut self, line: &LogLine, seq: u64) -> Result<(), StoreError> {
        let bytes = line.encode();
        let res = self
            .log
            .write_all(&bytes)
            .and_then(|_| self.log.sync_data());
        if let Err(e) = res {
            let _ = self.log.set_len(self.log_len);
            let _ = self.log.sync_data();
            return Err(io_err("append to", &self.dir.join(REVIEWS))(e));
        }
        self.log_len += bytes.len() as u64;
        self.last_seq = seq;
        Ok(())
    }

    fn deck_index(&self, name: &str) -> Result<usize, StoreError> {
        self.decks
            .iter()
            .position(|d| d.name == name)
            .ok_or_else(|| StoreError::NoSuchDeck(name.to_string()))
    }

    /// Run a change on the collection, then save; if either fails, the
    /// collection is as before.
    fn commit<T>(
        &mut self,
        f: impl FnOnce(&mut Store) -> Result<T, StoreError>,
    ) -> Result<T, StoreError> {
        let decks = self.decks.clone();
        let settings = self.settings.clone();
        let res = f(self).and_then(|t| self.save().map(|()| t));
        if res.is_err() {
            self.decks = decks;
            self.settings = settings;
        }
        res
    }

    // ------------------------------------------------------------ reading

    /// The data folder's `exports` subfolder (made if missing), where the
    /// desktop app saves deck exports.
    pub fn exports_dir(&self) -> Result<PathBuf, StoreError> {
        let dir = self.dir.join("exports");
        fs::create_dir_all(&dir).map_err(io_err("create", &dir))?;
        Ok(dir)
    }

    pub fn data_dir(&self) -> &Path {
        &self.dir
    }

    pub fn decks(&self) -> &[Deck] {
        &self.decks
    }

    pub fn deck(&self, name: &str) -> Option<&Deck> {
        self.decks.iter().find(|d| d.name == name)
    }

    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    /// The review history in seq order: every recorded review that was not
    /// undone and whose deck was not deleted (renamed decks' reviews carry
    /// the current name). Built one review at a time from a compact form.
    pub fn reviews(&self) -> impl DoubleEndedIterator<Item = Review> + ExactSizeIterator + '_ {
        self.history.recs().iter().map(|r| self.history.review(r))
    }

    /// How many reviews [`Store::reviews`] yields.
    pub fn review_count(&self) -> usize {
        self.history.len()
    }

    /// The seq the next log record will get.
    pub fn next_seq(&self) -> u64 {
        self.last_seq + 1
    }

    // ------------------------------------------------------------ reviews

    /// Record an answer: one line appended to `reviews.jsonl` and fsynced
    /// before this returns, then the card's state becomes `review.after`.
    /// The store assigns `review.seq` (= [`Store::next_seq`]); the value
    /// passed in is ignored.
    pub fn record_review(&mut self, mut review: Review) -> Result<(), StoreError> {
        let d = &self.decks[self.deck_index(&review.deck)?];
        if !d.has_card(&review.card) && !d.states.contains_key(&review.card) {
            return Err(StoreError::NoSuchCard {
                deck: review.deck,
                card: review.card,
            });
        }
        check_state("a review", &review.before)?;
        check_state("a review", &review.after)?;
        let seq = self.next_seq();
        review.seq = seq;
        let line = LogLine::Review(review);
        self.append(&line, seq)?;
        self.ingest(line.into(), true, &mut Replay::default());
        Ok(())
    }

    /// Take back the last review (the newest one still in the history): an
    /// undo record is appended and fsynced, and the card returns to the
    /// review's `before` state. `None` if there is nothing to undo.
    pub fn undo_last(&mut self) -> Result<Option<Review>, StoreError> {
        let Some(last) = self.history.last() else {
            return Ok(None);
        };
        let undoes = last.seq;
        let seq = self.next_seq();
        self.append(&LogLine::Undo { seq, undoes }, seq)?;
        Ok(self.ingest(Parsed::Undo { seq, undoes }, true, &mut Replay::default()))
    }

    // ------------------------------------------------------------ saving

    /// Write the whole collection atomically: `collection.json.tmp`, fsync,
    /// keep the old `collection.json` in `backups/`, rename, fsync the
    /// folder, prune old backups. Every mutating method calls this; call it
    /// yourself only to checkpoint the log.
    pub fn save(&mut self) -> Result<(), StoreError> {
        let applied = self.last_seq;
        let out = CollectionOut {
            format: FORMAT,
            version: COLLECTION_VERSION,
            settings: &self.settings,
            decks: &self.decks,
            applied_seq: applied,
        };
        let mut bytes = serde_json::to_vec_pretty(&out)
            .map_err(|e| StoreError::InvalidData(format!("cannot encode the collection: {e}")))?;
        bytes.push(b'\n');
        // Never write what could not be read back (e.g. NaN becomes null).
        if let Err(e) = serde_json::from_slice::<CollectionV1>(&bytes) {
            return Err(StoreError::InvalidData(format!(
                "refusing to save: the collection would not read back ({e})"
            )));
        }
        let dir = &self.dir;
        let tmp = dir.join(COLLECTION_TMP);
        let coll = dir.join(COLLECTION);
        let written = File::create(&tmp)
            .and_then(|mut f| {
                f.write_all(&bytes)?;
                f.sync_all()
            })
            .map_err(io_err("write", &tmp));
        if let Err(e) = written {
            let _ = fs::remove_file(&tmp);
            return Err(e);
        }
        if coll.symlink_metadata().is_ok()
            && let Err(e) = backup(dir, &coll)
        {
            let _ = fs::remove_file(&tmp);
            return Err(e);
        }
        fs::rename(&tmp, &coll).map_err(io_err("replace", &coll))?;
        sync_dir(dir)?;
        self.applied_seq = applied;
        for (_, old) in list_backups(dir).into_iter().skip(BACKUPS_KEPT) {
            let _ = fs::remove_file(old);
        }
        Ok(())
    }

    // ------------------------------------------------------------ decks

    /// Import a deck. Its name must be new.
    pub fn add_deck(
        &mut self,
        name: &str,
        title: &str,
        article: &str,
        cards: Vec<Card>,
    ) -> Result<(), StoreError> {
        check_name(name)?;
        if self.deck(name).is_some() {
            return Err(StoreError::DeckExists(name.to_string()));
        }
        // Reviews in the log for this deck name whose deck is missing (a
        // collection restored from nothing after corruption) give the
        // cards their states back instead of being lost.
        let mut states = BTreeMap::new();
        for r in self.reviews().filter(|r| r.deck == name) {
            if cards.iter().any(|c| c.id == r.card) {
                states.insert(r.card.clone(), r.after.clone());
            }
        }
        self.commit(|s| {
            s.decks.push(Deck {
                name: name.to_string(),
                title: title.to_string(),
                article: article.to_string(),
                cards,
                edits: BTreeMap::new(),
                removed: BTreeSet::new(),
                states,
            });
            Ok(())
        })
    }

    /// Replace a deck's cards. Progress, edits and unticks stay attached to
    /// card ids: cards whose id survives continue, cards whose id vanished
    /// keep their state (it returns if the id comes back).
    pub fn regenerate_deck(
        &mut self,
        name: &str,
        new_cards: Vec<Card>,
    ) -> Result<Regenerated, StoreError> {
        let i = self.deck_index(name)?;
        self.commit(|s| {
            let d = &mut s.decks[i];
            let old: BTreeSet<&str> = d.cards.iter().map(|c| c.id.as_str()).collect();
            let new: BTreeSet<&str> = new_cards.iter().map(|c| c.id.as_str()).collect();
            let r = Regenerated {
                kept: new.intersection(&old).count(),
                added: new.difference(&old).count(),
                vanished: old.difference(&new).count(),
            };
            d.cards = new_cards;
            Ok(r)
        })
    }

    /// Rename a deck; its history follows it. The rename is logged (fsynced)
    /// first, then saved: if only the save fails, the error is returned but
    /// the rename stands and is replayed from the log on the next open.
    pub fn rename_deck(&mut self, from: &str, to: &str) -> Result<(), StoreError> {
        check_name(to)?;
        self.deck_index(from)?;
        if from == to {
            return Ok(());
        }
        if self.deck(to).is_some() {
            return Err(StoreError::DeckExists(to.to_string()));
        }
        let seq = self.next_seq();
        let line = LogLine::Rename {
            seq,
            from: from.to_string(),
            to: to.to_string(),
        };
        // The log line makes the rename durable (it is replayed if the save
        // below does not happen); the save checkpoints it.
        self.append(&line, seq)?;
        self.ingest(line.into(), true, &mut Replay::default());
        self.save()
    }

    /// Delete a deck and its progress. The states survive in the backup
    /// of the previous `collection.json`; the reviews stay in the log file
    /// but leave [`Store::reviews`]. Logged then saved, like
    /// [`Store::rename_deck`].
    pub fn delete_deck(&mut self, name: &str) -> Result<(), StoreError> {
        self.deck_index(name)?;
        let seq = self.next_seq();
        let line = LogLine::Delete {
            seq,
            deck: name.to_string(),
        };
        self.append(&line, seq)?;
        self.ingest(line.into(), true, &mut Replay::default());
        self.save()
    }

    /// Override a card's question, answer or accepted answers. Fields left
    /// `None` keep their current override; a field equal to the generated
    /// value drops its override.
    pub fn edit_card(
        &mut self,
        deck: &str,
        card_id: &str,
        edit: CardEdit,
    ) -> Result<(), StoreError> {
        let i = self.deck_index(deck)?;
        let Some(orig) = self.decks[i]
            .cards
            .iter()
            .find(|c| c.id == card_id)
            .cloned()
        else {
            return Err(StoreError::NoSuchCard {
                deck: deck.to_string(),
                card: card_id.to_string(),
            });
        };
        self.commit(|s| {
            let d = &mut s.decks[i];
            let mut e = d.edits.remove(card_id).unwrap_or_default();
            if let Some(q) = edit.question {
                e.question = (q != orig.question).then_some(q);
            }
            if let Some(a) = edit.answer {
                e.answer = (a != orig.answer).then_some(a);
            }
            if let Some(a) = edit.accept {
                e.accept = (a != orig.accept).then_some(a);
            }
            if !e.is_empty() {
                d.edits.insert(card_id.to_string(), e);
            }
            Ok(())
        })
    }

    /// Drop all of a card's overrides.
    pub fn revert_card(&mut self, deck: &str, card_id: &str) -> Result<(), StoreError> {
        let i = self.deck_index(deck)?;
        if !self.decks[i].edits.contains_key(card_id) {
            return Ok(());
        }
        self.commit(|s| {
            s.decks[i].edits.remove(card_id);
            Ok(())
        })
    }

    /// Untick (`removed = true`) or re-tick a card.
    pub fn set_card_removed(
        &mut self,
        deck: &str,
        card_id: &str,
        removed: bool,
    ) -> Result<(), StoreError> {
        let i = self.deck_index(deck)?;
        if !self.decks[i].has_card(card_id) {
            return Err(StoreError::NoSuchCard {
                deck: deck.to_string(),
                card: card_id.to_string(),
            });
        }
        if self.decks[i].removed.contains(card_id) == removed {
            return Ok(());
        }
        self.commit(|s| {
            let r = &mut s.decks[i].removed;
            if removed {
                r.insert(card_id.to_string());
            } else {
                r.remove(card_id);
            }
            Ok(())
        })
    }

    /// Set a card's state outside a review (suspend, bury, reset), saved
    /// at once.
    pub fn set_state(
        &mut self,
        deck: &str,
        card_id: &str,
        state: CardState,
    ) -> Result<(), StoreError> {
        self.set_states(deck, [(card_id.to_string(), state)])
    }

    /// Several [`Store::set_state`]s with one save (e.g. burying siblings).
    pub fn set_states(
        &mut self,
        deck: &str,
        states: impl IntoIterator<Item = (String, CardState)>,
    ) -> Result<(), StoreError> {
        let i = self.deck_index(deck)?;
        let states: Vec<(String, CardState)> = states.into_iter().collect();
        for (id, st) in &states {
            let d = &self.decks[i];
            if !d.has_card(id) && !d.states.contains_key(id) {
                return Err(StoreError::NoSuchCard {
                    deck: deck.to_string(),
                    card: id.clone(),
                });
            }
            check_state("a card state", st)?;
        }
        self.commit(|s| {
            s.decks[i].states.extend(states);
            Ok(())
        })
    }

    /// Replace the settings (clamped into range first).
    pub fn set_settings(&mut self, settings: Settings) -> Result<(), StoreError> {
        let settings = settings.sanitized();
        if settings.fsrs_params.iter().any(|p| !p.is_finite()) {
            return Err(StoreError::InvalidData(
                "refusing to store FSRS parameters that are not finite numbers".into(),
            ));
        }
        self.commit(|s| {
            s.settings = settings;
            Ok(())
        })
    }
}

impl Store {
    // ------------------------------------------------------------ replace

    /// Replace the whole collection and review history at once (restore,
    /// merge). `reviews` must have strictly increasing seqs above 0; they
    /// become the new `reviews.jsonl` (undo, rename and delete records are
    /// not needed: the reviews given are the effective history).
    ///
    /// The current `collection.json` and `reviews.jsonl` are first copied
    /// to `backups/<tag>-<n>/` (returned), never deleted. Then the new log
    /// is written to `reviews.jsonl.tmp`, fsynced and renamed into place,
    /// and the collection saved. A crash between the two leaves the new log
    /// with the old collection, which the next open replays onto it; the
    /// copies in `backups/<tag>-<n>/` hold the complete old pair.
    pub(crate) fn replace_all(
        &mut self,
        settings: Settings,
        decks: Vec<Deck>,
        reviews: &[Review],
        tag: &str,
    ) -> Result<PathBuf, StoreError> {
        let mut last = 0;
        for r in reviews {
            if r.seq <= last {
                return Err(StoreError::InvalidData(format!(
                    "review seq {} does not follow seq {last}: the review history must be in order",
                    r.seq
                )));
            }
            last = r.seq;
            check_state("a review", &r.before)?;
            check_state("a review", &r.after)?;
        }
        let mut names = BTreeSet::new();
        for d in &decks {
            check_name(&d.name)?;
            if !names.insert(d.name.as_str()) {
                return Err(StoreError::DeckExists(d.name.clone()));
            }
            for st in d.states.values() {
                check_state("a card state", st)?;
            }
        }
        let settings = settings.sanitized();
        if settings.fsrs_params.iter().any(|p| !p.is_finite()) {
            return Err(StoreError::InvalidData(
                "refusing to store FSRS parameters that are not finite numbers".into(),
            ));
        }

        // 1. Keep what is replaced.
        let dir = self.dir.clone();
        let bdir = dir.join(BACKUPS);
        fs::create_dir_all(&bdir).map_err(io_err("create", &bdir))?;
        let mut n = now_unix();
        let mut keep = bdir.join(format!("{tag}-{n}"));
        while keep.symlink_metadata().is_ok() {
            n += 1;
            keep = bdir.join(format!("{tag}-{n}"));
        }
        fs::create_dir(&keep).map_err(io_err("create", &keep))?;
        for name in [COLLECTION, REVIEWS] {
            let from = dir.join(name);
            if from.symlink_metadata().is_ok() {
                let to = keep.join(name);
                fs::copy(&from, &to)
                    .and_then(|_| File::open(&to)?.sync_all())
                    .map_err(io_err("keep a copy of", &from))?;
            }
        }
        sync_dir(&keep)?;
        sync_dir(&bdir)?;

        // 2. The new log, complete and fsynced before it replaces the old.
        let log_path = dir.join(REVIEWS);
        let tmp = dir.join(format!("{REVIEWS}.tmp"));
        let written = File::create(&tmp)
            .and_then(|f| {
                let mut w = io::BufWriter::new(f);
                for r in reviews {
                    w.write_all(&LogLine::Review(r.clone()).encode())?;
                }
                w.into_inner().map_err(|e| e.into_error())?.sync_all()
            })
            .map_err(io_err("write", &tmp));
        if let Err(e) = written {
            let _ = fs::remove_file(&tmp);
            return Err(e);
        }
        fs::rename(&tmp, &log_path).map_err(io_err("replace", &log_path))?;
        sync_dir(&dir)?;
        self.log = OpenOptions::new()
            .append(true)
            .open(&log_path)
            .map_err(io_err("open", &log_path))?;
        self.log_len = file_len(&log_path)?;
        self.history = History::default();
        self.history.reserve(reviews.len());
        for r in reviews {
            self.ingest(
                LogLine::Review(r.clone()).into(),
                false,
                &mut Replay::default(),
            );
        }
        self.last_seq = last;

        // 3. The collection.
        self.settings = settings;
        self.decks = decks;
        self.save()?;
        Ok(keep)
    }
}

/// Keep `coll` as the next `backups/collection-<n>.json` (a hard link, or a
/// copy where links are not supported).
fn backup(dir: &Path, coll: &Path) -> Result<(), StoreError> {
    let bdir = dir.join(BACKUPS);
    fs::create_dir_all(&bdir).map_err(io_err("create", &bdir))?;
    let newest = list_backups(dir).first().map_or(0, |b| b.0 + 1);
    let mut n = now_unix().max(newest);
    let mut dest = bdir.join(format!("collection-{n}.json"));
    while dest.symlink_metadata().is_ok() {
        n += 1;
        dest = bdir.join(format!("collection-{n}.json"));
    }
    if fs::hard_link(coll, &dest).is_err() {
        fs::copy(coll, &dest)
            .and_then(|_| File::open(&dest)?.sync_all())
            .map_err(io_err("copy the previous collection to", &dest))?;
    }
    sync_dir(&bdir)
}

fn file_len(path: &Path) -> Result<u64, StoreError> {
    fs::metadata(path)
        .map(|m| m.len())
        .map_err(io_err("read", path))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::{Memory, Queue, Rating};
    use std::sync::atomic::{AtomicUsize, Ordering};

    /// A fresh folder under the system temp dir, removed on drop.
    struct TempDir(PathBuf);

    impl TempDir {
        fn new(name: &str) -> TempDir {
            static N: AtomicUsize = AtomicUsize::new(0);
            let nanos = SystemTime::now()
                .duration_since(UNIX_EPOCH)
                .map_or(0, |d| d.subsec_nanos());
            let p = std::env::temp_dir().join(format!(
                "treatydeck-store-{name}-{}-{}-{nanos}",
                std::process::id(),
                N.fetch_add(1, Ordering::SeqCst)
            ));
            let _ = fs::remove_dir_all(&p);
            TempDir(p)
        }
        fn path(&self) -> &Path {
            &self.0
        }
        fn file(&self, name: &str) -> PathBuf {
            self.0.join(name)
        }
        /// Names in the folder starting with `prefix`.
        fn names(&self, prefix: &str) -> Vec<String> {
            let mut v: Vec<String> = fs::read_dir(&self.0)
                .unwrap()
                .filter_map(|e| e.ok()?.file_name().into_string().ok())
                .filter(|n| n.starts_with(prefix))
                .collect();
            v.sort();
            v
        }
    }

    impl Drop for TempDir {
        fn drop(&mut self) {
            let _ = fs::remove_dir_all(&self.0);
        }
    }

    fn card(id: &str) -> Card {
        serde_json::from_value(serde_json::json!({
            "id": id, "kind": "date", "question": format!("When {id}?"),
            "answer": format!("answer {id}"), "sentence": format!("Sentence {id}."),
            "sentence_index": 0
        }))
        .unwrap()
    }

    fn cards(ids: &[&str]) -> Vec<Card> {
        ids.iter().map(|id| card(id)).collect()
    }

    fn state(n: u32) -> CardState {
        CardState {
            queue: Queue::Review,
            due: 1_000 + i64::from(n),
            interval_days: n,
            reps: n,
            memory: Some(Memory {
                stability: n as f32 * 1.7,
                difficulty: 5.123_456,
            }),
            last_review: Some(i64::from(n)),
            ..Default::default()
        }
    }

    /// A review of `card` from its current state to `state(n)`. Times go
    /// backwards on purpose: order is by seq, not by clock.
    fn review(s: &Store, deck: &str, card: &str, n: u32) -> Review {
        Review {
            seq: 999,
            time: 1_700_000_000 - i64::from(n) * 3_600,
            deck: deck.into(),
            card: card.into(),
            rating: Rating::ALL[(n % 4) as usize],
            taken_ms: n * 100,
            before: s.deck(deck).unwrap().state(card),
            after: state(n),
        }
    }

    fn open(dir: &Path) -> (Store, Vec<Notice>) {
        Store::open(dir).unwrap_or_else(|e| panic!("open failed: {e}"))
    }

    fn open_quiet(dir: &Path) -> Store {
        let (s, n) = open(dir);
        assert!(n.is_empty(), "unexpected notices: {n:?}");
        s
    }

    fn reviews(s: &Store) -> Vec<Review> {
        s.reviews().collect()
    }

    fn seqs(s: &Store) -> Vec<u64> {
        s.reviews().map(|r| r.seq).collect()
    }

    fn on_disk(t: &TempDir) -> serde_json::Value {
        serde_json::from_slice(&fs::read(t.file(COLLECTION)).unwrap()).unwrap()
    }

    fn log_lines(t: &TempDir) -> Vec<String> {
        fs::read_to_string(t.file(REVIEWS))
            .unwrap()
            .lines()
            .map(str::to_string)
            .collect()
    }

    fn append_raw(t: &TempDir, bytes: &[u8]) {
        let mut f = OpenOptions::new()
            .append(true)
            .open(t.file(REVIEWS))
            .unwrap();
        f.write_all(bytes).unwrap();
    }

    fn joined(n: &[Notice]) -> String {
        n.iter()
            .map(|n| n.0.as_str())
            .collect::<Vec<_>>()
            .join(" | ")
    }

    #[test]
    fn round_trip_decks_states_and_reviews() {
        let t = TempDir::new("roundtrip");
        let mut s = open_quiet(t.path());
        assert!(s.decks().is_empty());
        s.add_deck("nst", "New START", "The article.", cards(&["a", "b", "c"]))
            .unwrap();
        for (i, c) in ["a", "b", "a"].iter().enumerate() {
            let r = review(&s, "nst", c, i as u32 + 1);
            s.record_review(r).unwrap();
        }
        assert_eq!(s.deck("nst").unwrap().state("a"), state(3));
        assert_eq!(s.deck("nst").unwrap().state("c"), CardState::default());
        let decks = s.decks().to_vec();
        let revs = reviews(&s);
        assert_eq!(seqs(&s), [1, 2, 3]);
        assert_eq!(revs[2].before, state(1));
        assert_eq!(s.next_seq(), 4);
        assert_eq!(log_lines(&t).len(), 3);
        drop(s);

        let s = open_quiet(t.path());
        assert_eq!(s.decks(), &decks[..]);
        assert_eq!(reviews(&s), revs);
        assert_eq!(s.next_seq(), 4);
        assert_eq!(s.data_dir(), t.path());
        assert_eq!(s.deck("nst").unwrap().article, "The article.");
    }

    #[test]
    fn replays_only_reviews_newer_than_applied_seq() {
        let t = TempDir::new("replay");
        let mut s = open_quiet(t.path());
        s.add_deck("d", "D", "", cards(&["a", "b"])).unwrap();
        let r = review(&s, "d", "a", 1);
        s.record_review(r).unwrap();
        // Suspending saves (applied_seq = 1); review 1 must not be replayed
        // over the suspension on reopen.
        let mut suspended = state(1);
        suspended.suspended = true;
        s.set_state("d", "a", suspended.clone()).unwrap();
        let r = review(&s, "d", "b", 2);
        s.record_review(r).unwrap();
        drop(s);
        let disk = on_disk(&t);
        assert_eq!(disk["applied_seq"], 1);
        assert!(disk["decks"][0]["states"].get("b").is_none());
        assert_eq!(disk["decks"][0]["states"]["a"]["suspended"], true);

        // A record written by another run after the checkpoint.
        let mut r = review(&open_quiet(t.path()), "d", "b", 9);
        r.seq = 3;
        append_raw(&t, &LogLine::Review(r).encode());

        let s = open_quiet(t.path());
        let d = s.deck("d").unwrap();
        assert_eq!(d.state("a"), suspended);
        assert_eq!(d.state("b"), state(9));
        assert_eq!(seqs(&s), [1, 2, 3]);
        assert_eq!(s.next_seq(), 4);
    }

    #[test]
    fn corrupt_collection_is_kept_aside_and_newest_backup_restored() {
        let t = TempDir::new("corrupt");
        let mut s = open_quiet(t.path());
        s.add_deck("one", "One", "", cards(&["a"])).unwrap();
        let r = review(&s, "one", "a", 1);
        s.record_review(r).unwrap();
        // This save keeps the collection with only "one" as a backup.
        s.add_deck("two", "Two", "", cards(&["x"])).unwrap();
        drop(s);
        assert_eq!(list_backups(t.path()).len(), 1);
        let garbage = b"{\"format\": \"treatydeck-collection\", \"decks\": [{\"na";
        fs::write(t.file(COLLECTION), garbage).unwrap();

        let (s, notices) = open(t.path());
        let aside = t.names("collection.json.corrupt-");
        assert_eq!(aside.len(), 1, "{aside:?}");
        assert_eq!(fs::read(t.file(&aside[0])).unwrap(), garbage);
        let msg = joined(&notices);
        assert_eq!(notices.len(), 1, "{msg}");
        assert!(msg.contains(&aside[0]), "{msg}");
        assert!(msg.contains("backups/collection-"), "{msg}");
        let names: Vec<&str> = s.decks().iter().map(|d| d.name.as_str()).collect();
        assert_eq!(names, ["one"]);
        // The backup predates the review; the log brings it back.
        assert_eq!(s.deck("one").unwrap().state("a"), state(1));
        assert_eq!(seqs(&s), [1]);
        drop(s);
        assert_eq!(on_disk(&t)["version"], 1);
        let s = open_quiet(t.path());
        assert_eq!(s.decks().len(), 1);
    }

    #[test]
    fn corrupt_collection_without_backup_starts_empty_and_keeps_the_file() {
        let t = TempDir::new("corrupt-nobackup");
        fs::create_dir_all(t.path()).unwrap();
        fs::write(t.file(COLLECTION), "not json at all").unwrap();
        let (s, notices) = open(t.path());
        assert!(s.decks().is_empty());
        assert!(joined(&notices).contains("no readable backup"));
        let aside = t.names("collection.json.corrupt-");
        assert_eq!(aside.len(), 1);
        assert_eq!(
            fs::read_to_string(t.file(&aside[0])).unwrap(),
            "not json at all"
        );
        assert!(!t.file(COLLECTION).exists());
        drop(s);
        // A JSON file that is not a collection is set aside too.
        fs::write(t.file(COLLECTION), "{\"format\":\"other\",\"version\":1}").unwrap();
        let (_s, notices) = open(t.path());
        assert!(joined(&notices).contains("not a TreatyDeck collection"));
        assert_eq!(t.names("collection.json.corrupt-").len(), 2);
    }

    #[test]
    fn truncated_last_line_is_cut_and_earlier_records_kept() {
        let t = TempDir::new("truncated");
        let mut s = open_quiet(t.path());
        s.add_deck("d", "D", "", cards(&["a", "b"])).unwrap();
        for i in 1..=3 {
            let r = review(&s, "d", if i == 2 { "b" } else { "a" }, i);
            s.record_review(r).unwrap();
        }
        drop(s);
        let len = fs::metadata(t.file(REVIEWS)).unwrap().len();
        // A crash in the middle of writing record 4.
        let full = String::from_utf8(log_lines(&t)[2].clone().into_bytes()).unwrap();
        append_raw(&t, &full.as_bytes()[..full.len() / 2]);

        let (mut s, notices) = open(t.path());
        let msg = joined(&notices);
        assert_eq!(notices.len(), 1, "{msg}");
        assert!(msg.contains("line 4"), "{msg}");
        assert!(msg.contains("3 records"), "{msg}");
        assert_eq!(fs::metadata(t.file(REVIEWS)).unwrap().len(), len);
        assert_eq!(seqs(&s), [1, 2, 3]);
        assert_eq!(s.deck("d").unwrap().state("a"), state(3));
        let r = review(&s, "d", "b", 4);
        s.record_review(r).unwrap();
        drop(s);
        let s = open_quiet(t.path());
        assert_eq!(seqs(&s), [1, 2, 3, 4]);
        drop(s);

        // Zero-filled garbage with a newline (as some file systems leave
        // after a crash) is the last line too.
        append_raw(&t, b"\0\0\0\0\0\0\n\n");
        let (s, notices) = open(t.path());
        assert_eq!(notices.len(), 1, "{}", joined(&notices));
        assert_eq!(seqs(&s), [1, 2, 3, 4]);
        assert_eq!(log_lines(&t).len(), 4);
    }

    #[test]
    fn complete_last_line_without_newline_is_kept() {
        let t = TempDir::new("nonewline");
        let mut s = open_quiet(t.path());
        s.add_deck("d", "D", "", cards(&["a"])).unwrap();
        let r = review(&s, "d", "a", 1);
        s.record_review(r).unwrap();
        let mut r = review(&s, "d", "a", 2);
        drop(s);
        r.seq = 2;
        let line = LogLine::Review(r).encode();
        append_raw(&t, &line[..line.len() - 1]);
        let s = open_quiet(t.path());
        assert_eq!(seqs(&s), [1, 2]);
        assert_eq!(s.deck("d").unwrap().state("a"), state(2));
        assert!(fs::read(t.file(REVIEWS)).unwrap().ends_with(b"}\n"));
    }

    #[test]
    fn garbled_middle_line_is_skipped_not_fatal() {
        let t = TempDir::new("middle");
        let mut s = open_quiet(t.path());
        s.add_deck("d", "D", "", cards(&["a", "b"])).unwrap();
        for i in 1..=3 {
            let r = review(&s, "d", "a", i);
            s.record_review(r).unwrap();
        }
        drop(s);
        let lines = log_lines(&t);
        let text = format!(
            "{}\n{{\"review\":{{\"seq\":\n{}\n{}\n",
            lines[0], lines[1], lines[2]
        );
        fs::write(t.file(REVIEWS), &text).unwrap();
        let (s, notices) = open(t.path());
        let msg = joined(&notices);
        assert_eq!(notices.len(), 1, "{msg}");
        assert!(
            msg.contains("skipped 1 unreadable line(s) (line 2)"),
            "{msg}"
        );
        assert_eq!(seqs(&s), [1, 2, 3]);
        assert_eq!(fs::read_to_string(t.file(REVIEWS)).unwrap(), text);
    }

    #[test]
    fn empty_files_are_survivable() {
        let t = TempDir::new("empty");
        fs::create_dir_all(t.path()).unwrap();
        fs::write(t.file(COLLECTION), "").unwrap();
        fs::write(t.file(REVIEWS), "").unwrap();
        let (mut s, notices) = open(t.path());
        assert!(s.decks().is_empty());
        assert_eq!(s.review_count(), 0);
        assert_eq!(s.next_seq(), 1);
        assert!(joined(&notices).contains("it is empty"));
        assert_eq!(t.names("collection.json.empty-").len(), 1);
        s.add_deck("d", "D", "", cards(&["a"])).unwrap();
        drop(s);
        let s = open_quiet(t.path());
        assert_eq!(s.decks().len(), 1);
        drop(s);
        // An empty log beside a good collection is simply no history.
        fs::write(t.file(REVIEWS), "").unwrap();
        let s = open_quiet(t.path());
        assert_eq!(s.review_count(), 0);
    }

    #[test]
    fn newer_version_is_refused_and_nothing_touched() {
        let t = TempDir::new("newer");
        fs::create_dir_all(t.path()).unwrap();
        let text =
            "{\"format\":\"treatydeck-collection\",\"version\":2,\"decks\":[],\"future\":{}}";
        fs::write(t.file(COLLECTION), text).unwrap();
        fs::write(t.file(COLLECTION_TMP), "x").unwrap();
        for _ in 0..2 {
            match Store::open(t.path()) {
                Err(e @ StoreError::NewerVersion { .. }) => {
                    assert!(matches!(
                        e,
                        StoreError::NewerVersion {
                            found: 2,
                            supported: 1
                        }
                    ));
                    assert!(e.to_string().contains("newer TreatyDeck"), "{e}");
                }
                other => panic!("expected NewerVersion, got {other:?}"),
            }
        }
        assert_eq!(fs::read_to_string(t.file(COLLECTION)).unwrap(), text);
        assert_eq!(fs::read_to_string(t.file(COLLECTION_TMP)).unwrap(), "x");
        assert!(!t.file(REVIEWS).exists());
        assert!(!t.file(BACKUPS).exists());
    }

    #[test]
    fn second_open_is_refused_while_locked_and_allowed_after_drop() {
        let t = TempDir::new("lock");
        let (mut a, _) = open(t.path());
        a.add_deck("d", "D", "", cards(&["a"])).unwrap();
        let before = fs::read(t.file(COLLECTION)).unwrap();
        match Store::open(t.path()) {
            Err(StoreError::InUse(d)) => assert_eq!(d, t.path()),
            other => panic!("expected InUse, got {other:?}"),
        }
        let msg = StoreError::InUse(t.path().into()).to_string();
        assert!(
            msg.contains("in use by another running TreatyDeck"),
            "{msg}"
        );
        assert_eq!(fs::read(t.file(COLLECTION)).unwrap(), before);
        drop(a);
        let b = open_quiet(t.path());
        assert_eq!(b.decks().len(), 1);
    }

    #[test]
    fn regeneration_keeps_progress_of_surviving_and_vanished_cards() {
        let t = TempDir::new("regen");
        let mut s = open_quiet(t.path());
        s.add_deck("d", "D", "art", cards(&["a", "b", "c"]))
            .unwrap();
        let r = review(&s, "d", "a", 1);
        s.record_review(r).unwrap();
        let r = review(&s, "d", "c", 2);
        s.record_review(r).unwrap();
        s.edit_card(
            "d",
            "a",
            CardEdit {
                question: Some("Edited?".into()),
                ..Default::default()
            },
        )
        .unwrap();
        let got = s.regenerate_deck("d", cards(&["a", "d"])).unwrap();
        assert_eq!(
            got,
            Regenerated {
                kept: 1,
                added: 1,
                vanished: 2
            }
        );
        let check = |s: &Store| {
            let d = s.deck("d").unwrap();
            let ids: Vec<&str> = d.cards.iter().map(|c| c.id.as_str()).collect();
            assert_eq!(ids, ["a", "d"]);
            assert_eq!(d.state("a"), state(1));
            assert_eq!(d.states.get("c"), Some(&state(2)));
            assert_eq!(d.state("d"), CardState::default());
            assert_eq!(d.card("a").unwrap().question, "Edited?");
        };
        check(&s);
        drop(s);
        let mut s = open_quiet(t.path());
        check(&s);
        // The vanished card comes back with its progress.
        s.regenerate_deck("d", cards(&["a", "c", "d"])).unwrap();
        assert_eq!(s.deck("d").unwrap().state("c"), state(2));
        assert!(matches!(
            s.regenerate_deck("nope", vec![]),
            Err(StoreError::NoSuchDeck(_))
        ));
    }

    #[test]
    fn saves_are_atomic_and_backups_capped() {
        let t = TempDir::new("atomic");
        let mut s = open_quiet(t.path());
        s.add_deck("d", "D", "", cards(&["a"])).unwrap();
        for n in 1..=8 {
            let mut set = s.settings().clone();
            set.new_per_day = n;
            s.set_settings(set).unwrap();
            assert!(!t.file(COLLECTION_TMP).exists());
            assert_eq!(t.names("collection.json"), ["collection.json"]);
        }
        let backups = list_backups(t.path());
        assert_eq!(backups.len(), BACKUPS_KEPT);
        // Unique, and the newest backup is the collection before the last save.
        let newest: serde_json::Value =
            serde_json::from_slice(&fs::read(&backups[0].1).unwrap()).unwrap();
        assert_eq!(newest["settings"]["new_per_day"], 7);
        assert_eq!(on_disk(&t)["settings"]["new_per_day"], 8);
        drop(s);

        // A save interrupted before its rename leaves a .tmp: removed, and
        // the last complete save is what loads.
        fs::write(t.file(COLLECTION_TMP), "{\"format\":").unwrap();
        let (s, notices) = open(t.path());
        assert!(joined(&notices).contains("interrupted"));
        assert!(!t.file(COLLECTION_TMP).exists());
        assert_eq!(s.settings().new_per_day, 8);
    }

    #[test]
    fn undo_restores_before_state_and_survives_reopen() {
        let t = TempDir::new("undo");
        let mut s = open_quiet(t.path());
        s.add_deck("d", "D", "", cards(&["a", "b"])).unwrap();
        assert_eq!(s.undo_last().unwrap(), None);
        let r = review(&s, "d", "a", 1);
        s.record_review(r).unwrap();
        let r = review(&s, "d", "a", 2);
        s.record_review(r).unwrap();
        s.save().unwrap(); // the undo below must win over the checkpoint
        let undone = s.undo_last().unwrap().unwrap();
        assert_eq!((undone.seq, undone.after.clone()), (2, state(2)));
        assert_eq!(s.deck("d").unwrap().state("a"), state(1));
        assert_eq!(seqs(&s), [1]);
        assert_eq!(s.next_seq(), 4);
        drop(s);

        let mut s = open_quiet(t.path());
        assert_eq!(s.deck("d").unwrap().state("a"), state(1));
        assert_eq!(seqs(&s), [1]);
        assert_eq!(s.undo_last().unwrap().map(|r| r.seq), Some(1));
        assert_eq!(s.deck("d").unwrap().state("a"), CardState::default());
        let r = review(&s, "d", "b", 5);
        s.record_review(r).unwrap();
        drop(s);
        let mut s = open_quiet(t.path());
        assert_eq!(s.deck("d").unwrap().state("a"), CardState::default());
        assert_eq!(seqs(&s), [5]);
        assert_eq!(s.undo_last().unwrap().map(|r| r.card), Some("b".into()));
        assert_eq!(s.undo_last().unwrap(), None);
    }

    #[test]
    fn version_0_is_migrated() {
        let t = TempDir::new("v0");
        fs::create_dir_all(t.path()).unwrap();
        let v0 = r#"{
  "format": "treatydeck-collection",
  "version": 0,
  "settings": { "new_per_day": 7 },
  "decks": [
    {
      "name": "nst",
      "title": "New START",
      "article": "The treaty was signed on 8 April 2010.",
      "cards": [
        { "id": "a", "kind": "date", "question": "When?", "answer": "8 April 2010",
          "sentence": "The treaty was signed on 8 April 2010.", "sentence_index": 0 },
        { "id": "b", "kind": "treaty", "question": "Which?", "answer": "New START",
          "sentence": "The treaty was signed on 8 April 2010.", "sentence_index": 0 }
      ],
      "edits": { "a": { "question": "When was it signed?" } },
      "removed": [ "b" ],
      "states": [
        [ "a", { "queue": "review", "due": 5000, "step": 0, "interval_days": 3, "reps": 2, "lapses": 0 } ]
      ]
    }
  ]
}"#;
        fs::write(t.file(COLLECTION), v0).unwrap();
        // A log line older than the upgrade: v0 states already contain it.
        let r = Review {
            seq: 1,
            time: 10,
            deck: "nst".into(),
            card: "a".into(),
            rating: Rating::Good,
            taken_ms: 0,
            before: CardState::default(),
            after: state(1),
        };
        fs::write(t.file(REVIEWS), LogLine::Review(r).encode()).unwrap();

        let (s, notices) = open(t.path());
        assert!(
            joined(&notices).contains("version 0"),
            "{}",
            joined(&notices)
        );
        let d = s.deck("nst").unwrap();
        assert_eq!(d.state("a").due, 5000);
        assert_eq!(d.state("a").reps, 2);
        assert_eq!(d.card("a").unwrap().question, "When was it signed?");
        assert!(d.is_removed("b"));
        assert_eq!(d.active_cards().count(), 1);
        assert_eq!(s.settings().new_per_day, 7);
        assert_eq!(s.settings().desired_retention, 0.90);
        assert_eq!(seqs(&s), [1]);
        assert_eq!(s.next_seq(), 2);
        drop(s);

        let disk = on_disk(&t);
        assert_eq!(disk["version"], 1);
        assert_eq!(disk["applied_seq"], 1);
        assert_eq!(disk["decks"][0]["states"]["a"]["due"], 5000);
        let backups = list_backups(t.path());
        assert_eq!(fs::read_to_string(&backups[0].1).unwrap(), v0);
        let s = open_quiet(t.path());
        assert_eq!(s.deck("nst").unwrap().state("a").due, 5000);
    }

    #[test]
    fn rename_and_delete_carry_the_history() {
        let t = TempDir::new("rename");
        let mut s = open_quiet(t.path());
        s.add_deck("a", "A", "", cards(&["x"])).unwrap();
        let r = review(&s, "a", "x", 1);
        s.record_review(r).unwrap();
        s.rename_deck("a", "b").unwrap();
        assert_eq!(reviews(&s)[0].deck, "b");
        let r = review(&s, "b", "x", 2);
        let mut stale = r.clone();
        stale.deck = "a".into();
        assert!(matches!(
            s.record_review(stale),
            Err(StoreError::NoSuchDeck(_))
        ));
        s.add_deck("c", "C", "", vec![]).unwrap();
        assert!(matches!(
            s.rename_deck("b", "c"),
            Err(StoreError::DeckExists(_))
        ));
        drop(s);
        let mut s = open_quiet(t.path());
        assert_eq!(reviews(&s)[0].deck, "b");
        assert_eq!(s.deck("b").unwrap().state("x"), state(1));

        s.delete_deck("b").unwrap();
        assert!(s.deck("b").is_none());
        assert_eq!(s.review_count(), 0);
        // The states are in the backup of the previous collection.json.
        let newest: serde_json::Value =
            serde_json::from_slice(&fs::read(&list_backups(t.path())[0].1).unwrap()).unwrap();
        assert_eq!(newest["decks"][0]["name"], "b");
        assert!(newest["decks"][0]["states"].get("x").is_some());
        // A new deck of the same name does not inherit the history.
        s.add_deck("b", "B again", "", cards(&["x"])).unwrap();
        drop(s);
        let s = open_quiet(t.path());
        assert_eq!(s.review_count(), 0);
        assert_eq!(s.deck("b").unwrap().state("x"), CardState::default());
        assert_eq!(log_lines(&t).len(), 3); // review, rename, delete
    }

    #[test]
    fn rename_logged_but_not_saved_is_replayed() {
        let t = TempDir::new("rename-replay");
        let mut s = open_quiet(t.path());
        s.add_deck("a", "A", "", cards(&["x"])).unwrap();
        let r = review(&s, "a", "x", 1);
        s.record_review(r).unwrap();
        drop(s);
        // As if the process died between the log line and the save.
        append_raw(
            &t,
            &LogLine::Rename {
                seq: 2,
                from: "a".into(),
                to: "z".into(),
            }
            .encode(),
        );
        let s = open_quiet(t.path());
        assert!(s.deck("a").is_none());
        assert_eq!(s.deck("z").unwrap().state("x"), state(1));
        assert_eq!(reviews(&s)[0].deck, "z");
        assert_eq!(s.next_seq(), 3);
    }

    #[test]
    fn bad_input_is_refused_without_writing() {
        let t = TempDir::new("refuse");
        let mut s = open_quiet(t.path());
        s.add_deck("d", "D", "", cards(&["a"])).unwrap();
        assert!(matches!(
            s.add_deck("d", "", "", vec![]),
            Err(StoreError::DeckExists(_))
        ));
        assert!(matches!(
            s.add_deck("  ", "", "", vec![]),
            Err(StoreError::InvalidName(_))
        ));
        let mut r = review(&s, "d", "a", 1);
        r.after.memory = Some(Memory {
            stability: f32::NAN,
            difficulty: 1.0,
        });
        assert!(matches!(
            s.record_review(r.clone()),
            Err(StoreError::InvalidData(_))
        ));
        assert!(matches!(
            s.set_state("d", "a", r.after.clone()),
            Err(StoreError::InvalidData(_))
        ));
        r.card = "zz".into();
        assert!(matches!(
            s.record_review(r),
            Err(StoreError::NoSuchCard { .. })
        ));
        assert!(matches!(
            s.edit_card("d", "zz", CardEdit::default()),
            Err(StoreError::NoSuchCard { .. })
        ));
        let set = Settings {
            fsrs_params: vec![1.0, f32::INFINITY],
            ..Default::default()
        };
        assert!(matches!(
            s.set_settings(set),
            Err(StoreError::InvalidData(_))
        ));
        assert_eq!(fs::metadata(t.file(REVIEWS)).unwrap().len(), 0);
        assert_eq!(s.next_seq(), 1);
        drop(s);
        let s = open_quiet(t.path());
        assert_eq!(s.deck("d").unwrap().state("a"), CardState::default());
        assert_eq!(s.settings(), &Settings::default());
    }

    #[test]
    fn edits_merge_and_revert() {
        let t = TempDir::new("edits");
        let mut s = open_quiet(t.path());
        s.add_deck("d", "D", "", cards(&["a", "b"])).unwrap();
        let e = |q: Option<&str>, a: Option<&str>| CardEdit {
            question: q.map(Into::into),
            answer: a.map(Into::into),
            accept: None,
        };
        s.edit_card("d", "a", e(Some("Q?"), None)).unwrap();
        s.edit_card("d", "a", e(None, Some("A!"))).unwrap();
        let c = s.deck("d").unwrap().card("a").unwrap();
        assert_eq!((c.question.as_str(), c.answer.as_str()), ("Q?", "A!"));
        // Setting the generated text back drops that override.
        s.edit_card("d", "a", e(Some("When a?"), None)).unwrap();
        assert_eq!(s.deck("d").unwrap().edits["a"], e(None, Some("A!")));
        s.set_card_removed("d", "b", true).unwrap();
        drop(s);
        let mut s = open_quiet(t.path());
        let ids: Vec<String> = s.deck("d").unwrap().active_cards().map(|c| c.id).collect();
        assert_eq!(ids, ["a"]);
        s.revert_card("d", "a").unwrap();
        s.set_card_removed("d", "b", false).unwrap();
        let d = s.deck("d").unwrap();
        assert!(d.edits.is_empty() && d.removed.is_empty());
    }

    #[test]
    fn resolve_data_dir_uses_the_flag_and_creates_the_folder() {
        let t = TempDir::new("resolve");
        let want = t.path().join("nested").join("data");
        assert_eq!(resolve_data_dir(Some(want.clone())).unwrap(), want);
        assert!(want.is_dir());
        assert!(resolve_data_dir(Some(PathBuf::new())).is_err());
        // A file where the folder should be is an I/O error naming it.
        let file = t.path().join("file");
        fs::write(&file, "").unwrap();
        let e = resolve_data_dir(Some(file.clone())).unwrap_err();
        assert!(e.to_string().contains(&*file.to_string_lossy()), "{e}");
    }
}
