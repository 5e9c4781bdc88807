//! Command-line front end: `generate`, `import`, `decks`, `study`, `stats`.
//! The binary edge: it reads the clock and stdin, the core stays pure.

use std::io::{BufRead, Write};
use std::path::PathBuf;
use std::time::{Instant, SystemTime, UNIX_EPOCH};

use clap::{Parser, Subcommand};

use crate::core::answer::{self, Verdict};
use crate::core::model::{Rating, Review};
use crate::core::scheduler::{self, Scheduler};
use crate::core::stats::{self, CardView, DeckStats};
use crate::core::{self, Card, FactKind, Generated, builtin};
use crate::session;
use crate::store::{self, progress::Store};

#[derive(Debug, Parser)]
#[command(
    name = "treatydeck",
    version,
    about = "Turn arms-control articles into spaced-repetition quiz cards"
)]
pub struct Cli {
    /// Data folder (default: TREATYDECK_DATA_DIR, else the platform data folder).
    #[arg(long, global = true, value_name = "DIR")]
    pub data_dir: Option<PathBuf>,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Generate quiz cards from an article (.txt or .md) and print them.
    Generate {
        /// Article file, or the name of a built-in deck (open-skies-2021).
        article: String,
        /// Print the card JSON contract instead of readable text.
        #[arg(long)]
        json: bool,
    },
    /// Add an article to your collection as a new deck.
    Import {
        /// Article file (.txt or .md).
        article: String,
        /// Deck name (default: the file name without its extension).
        #[arg(long)]
        name: Option<String>,
    },
    /// List your decks with new / learning / due counts.
    Decks,
    /// Study due cards in the terminal (all decks unless --deck).
    Study {
        #[arg(long)]
        deck: Option<String>,
    },
    /// Fit FSRS parameters to your own review history (needs enough of it).
    Optimise,
    /// Show or change settings.
    Settings {
        /// Desired retention, 0.70-0.97 (default 0.90).
        #[arg(long)]
        desired_retention: Option<f32>,
        /// New cards per day (default 20).
        #[arg(long)]
        new_per_day: Option<u32>,
        /// Reviews per day (default 200).
        #[arg(long)]
        reviews_per_day: Option<u32>,
        /// Learning steps, e.g. "1m 10m".
        #[arg(long)]
        learning_steps: Option<String>,
        /// Relearning steps, e.g. "10m".
        #[arg(long)]
        relearning_steps: Option<String>,
        /// Maximum interval in days (default 36500).
        #[arg(long)]
        maximum_interval: Option<u32>,
    },
    /// Show statistics per deck.
    Stats {
        /// Machine-readable output.
        #[arg(long)]
        json: bool,
    },
    /// Export a deck for Anki (.apkg or its text import format) or as card JSON.
    Export {
        /// Deck name (see `treatydeck decks`).
        deck: String,
        /// anki-txt: Anki's text import; apkg: an Anki package; json: the card JSON.
        #[arg(long, value_enum, default_value = "apkg")]
        format: ExportFormat,
        /// Output file.
        #[arg(short = 'o', long, value_name = "FILE")]
        output: PathBuf,
    },
    /// Write the whole collection (decks, edits, states, settings, review log) to one JSON file.
    Backup {
        /// The backup file to write.
        file: PathBuf,
    },
    /// Load a backup file into the data folder (the replaced files are kept in backups/).
    Restore {
        /// A file written by `treatydeck backup`.
        file: PathBuf,
        /// Replace a collection that already has decks or reviews.
        #[arg(long)]
        force: bool,
    },
    /// Merge another data folder's decks and review history into this one.
    Merge {
        /// The other data folder (e.g. a copy from another computer); only read.
        other_dir: PathBuf,
    },
}

/// `export --format`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ExportFormat {
    AnkiTxt,
    Apkg,
    Json,
}

/// An error for the user: one line on stderr, non-zero exit.
#[derive(Debug)]
pub struct CliError(pub String);

impl std::fmt::Display for CliError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl From<store::progress::StoreError> for CliError {
    fn from(e: store::progress::StoreError) -> Self {
        CliError(e.to_string())
    }
}

impl From<std::io::Error> for CliError {
    fn from(e: std::io::Error) -> Self {
        CliError(format!("cannot write output: {e}"))
    }
}

/// Load an article: a file path, or a built-in deck name.
pub fn load_article(arg: &str) -> Result<String, CliError> {
    let path = PathBuf::from(arg);
    match store::read_article(&path) {
        Ok(t) => Ok(t),
        Err(store::ArticleError::NotFound(_)) if builtin::get(arg).is_some() => {
            Ok(builtin::get(arg).unwrap_or_default().to_string())
        }
        Err(e) => Err(CliError(e.to_string())),
    }
}

/// Seconds since the Unix epoch (the one place the clock is read).
pub fn now_secs() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0)
}

/// The local UTC offset in seconds: `TREATYDECK_UTC_OFFSET` (minutes), else
/// what `date +%z` says, else UTC. Used only for the 4 a.m. day boundary.
pub fn local_utc_offset() -> i32 {
    if let Some(m) = std::env::var("TREATYDECK_UTC_OFFSET")
        .ok()
        .and_then(|v| v.trim().parse::<i32>().ok())
    {
        return m.clamp(-18 * 60, 18 * 60) * 60;
    }
    let out = std::process::Command::new("date").arg("+%z").output();
    let Ok(out) = out else { return 0 };
    let s = String::from_utf8_lossy(&out.stdout);
    let s = s.trim();
    if s.len() != 5 {
        return 0;
    }
    let sign = if s.starts_with('-') { -1 } else { 1 };
    let h: i32 = s[1..3].parse().unwrap_or(0);
    let m: i32 = s[3..5].parse().unwrap_or(0);
    sign * (h * 3600 + m * 60)
}

/// Run a command. `input` is what `study` reads answers from.
pub fn run(cli: Cli, input: &mut dyn BufRead, out: &mut dyn Write) -> Result<(), CliError> {
    let res = match cli.command {
        Some(Command::Generate { article, json }) => generate(&article, json, out),
        Some(Command::Import { article, name }) => {
            let mut store = open_store(cli.data_dir)?;
            import(&mut store, &article, name, out)
        }
        Some(Command::Decks) => {
            let store = open_store(cli.data_dir)?;
            decks(&store, out)
        }
        Some(Command::Study { deck }) => {
            let mut store = open_store(cli.data_dir)?;
            study(&mut store, deck.as_deref(), input, out)
        }
        Some(Command::Settings {
            desired_retention,
            new_per_day,
            reviews_per_day,
            learning_steps,
            relearning_steps,
            maximum_interval,
        }) => {
            let mut store = open_store(cli.data_dir)?;
            let mut s = store.settings().clone();
            let changed = desired_retention.is_some()
                || new_per_day.is_some()
                || reviews_per_day.is_some()
                || learning_steps.is_some()
                || relearning_steps.is_some()
                || maximum_interval.is_some();
            if let Some(r) = desired_retention {
                if !(0.70..=0.97).contains(&r) {
                    return Err(CliError(format!(
                        "desired retention must be between 0.70 and 0.97, not {r}"
                    )));
                }
                s.desired_retention = r;
            }
            if let Some(n) = new_per_day {
                s.new_per_day = n;
            }
            if let Some(n) = reviews_per_day {
                s.reviews_per_day = n;
            }
            if let Some(st) = learning_steps {
                s.learning_steps = parse_steps(&st)?;
            }
            if let Some(st) = relearning_steps {
                s.relearning_steps = parse_steps(&st)?;
            }
            if let Some(m) = maximum_interval {
                s.maximum_interval_days = m;
            }
            if changed {
                store.set_settings(s)?;
            }
            let s = store.settings();
            let steps = |v: &[u32]| {
                v.iter()
                    .map(|&x| scheduler::format_interval(i64::from(x)))
                    .collect::<Vec<_>>()
                    .join(" ")
            };
            writeln!(out, "desired retention   {:.2}", s.desired_retention)?;
            writeln!(out, "new cards per day   {}", s.new_per_day)?;
            writeln!(out, "reviews per day     {}", s.reviews_per_day)?;
            writeln!(out, "learning steps      {}", steps(&s.learning_steps))?;
            writeln!(out, "relearning steps    {}", steps(&s.relearning_steps))?;
            writeln!(out, "maximum interval    {} days", s.maximum_interval_days)?;
            writeln!(
                out,
                "FSRS parameters     {}",
                if s.fsrs_params.is_empty() {
                    "default".to_string()
                } else {
                    "fitted to your history (treatydeck optimise)".to_string()
                }
            )?;
            writeln!(out, "data folder         {}", store.data_dir().display())?;
            Ok(())
        }
        Some(Command::Optimise) => {
            let mut store = open_store(cli.data_dir)?;
            optimise(&mut store, out)
        }
        Some(Command::Stats { json }) => {
            let store = open_store(cli.data_dir)?;
            print_stats(&store, json, out)
        }
        Some(Command::Export {
            deck,
            format,
            output,
        }) => {
            let store = open_store(cli.data_dir)?;
            export(&store, &deck, format, &output, out)
        }
        Some(Command::Backup { file }) => {
            let store = open_store(cli.data_dir)?;
            let (d, r) = store.write_backup(&file)?;
            writeln!(
                out,
                "Backed up {d} deck(s) and {r} review(s) to {}.",
                file.display()
            )?;
            Ok(())
        }
        Some(Command::Restore { file, force }) => {
            // Not `open_store`: a fresh folder must stay empty (no built-in
            // deck) so that restoring into it needs no --force.
            let dir = store::progress::resolve_data_dir(cli.data_dir)?;
            let (mut store, notices) = Store::open(&dir)?;
            for n in notices {
                eprintln!("treatydeck: note: {n}");
            }
            let r = store.restore_backup(&file, force)?;
            writeln!(
                out,
                "Restored {} deck(s) and {} review(s) from {}; the previous collection is kept in {}.",
                r.decks,
                r.reviews,
                file.display(),
                r.kept_in.display()
            )?;
            Ok(())
        }
        Some(Command::Merge { other_dir }) => {
            let mut store = open_store(cli.data_dir)?;
            let r = store.merge_folder(&other_dir, local_utc_offset())?;
            match &r.kept_in {
                None => writeln!(
                    out,
                    "Nothing new in {}: {} review(s) were already here.",
                    other_dir.display(),
                    r.duplicates
                )?,
                Some(kept) => {
                    writeln!(
                        out,
                        "Merged {}: {} new review(s), {} already here, {} card(s) rescheduled from the merged history.",
                        other_dir.display(),
                        r.reviews_added,
                        r.duplicates,
                        r.cards_replayed
                    )?;
                    if !r.decks_added.is_empty() {
                        writeln!(out, "Added deck(s): {}.", r.decks_added.join(", "))?;
                    }
                    writeln!(out, "The previous files are kept in {}.", kept.display())?;
                }
            }
            Ok(())
        }
        None => Err(CliError(
            "no command given; try `treatydeck generate open-skies-2021` or `treatydeck --help`"
                .into(),
        )),
    };
    // A closed pipe (`| head`) is not an error worth a message.
    match res {
        Err(CliError(m)) if m.contains("Broken pipe") => Ok(()),
        r => r,
    }
}

fn generate(article: &str, json: bool, out: &mut dyn Write) -> Result<(), CliError> {
    let text = load_article(article)?;
    let deck = core::generate(&text).map_err(|e| CliError(format!("'{article}': {e}")))?;
    if json {
        serde_json::to_writer_pretty(&mut *out, &deck).map_err(std::io::Error::other)?;
        writeln!(out)?;
    } else {
        write_readable(&deck, out)?;
    }
    Ok(())
}

/// The card JSON of a stored deck: the deck's studied cards (edits
/// applied, unticked cards left out) in the `generate --json` contract.
pub fn deck_json(deck: &store::Deck) -> Generated {
    let info = core::generate(&deck.article).map(|g| g.deck).ok();
    Generated {
        deck: core::DeckInfo {
            title: deck.title.clone(),
            reference_date: info.as_ref().and_then(|i| i.reference_date.clone()),
            sentences: info.map_or(0, |i| i.sentences),
        },
        cards: deck.active_cards().collect(),
    }
}

fn export(
    store: &Store,
    name: &str,
    format: ExportFormat,
    path: &std::path::Path,
    out: &mut dyn Write,
) -> Result<(), CliError> {
    let n = export_deck(store, name, format, path, now_secs())?;
    writeln!(out, "Exported {n} cards of '{name}' to {}.", path.display())?;
    Ok(())
}

impl ExportFormat {
    /// The file extension of the format.
    pub fn extension(self) -> &'static str {
        match self {
            ExportFormat::AnkiTxt => "txt",
            ExportFormat::Apkg => "apkg",
            ExportFormat::Json => "json",
        }
    }
}

/// Write deck `name` to `path` in `format` (the terminal's `export` and the
/// Decks screen's Export menu). Returns how many cards were written.
pub fn export_deck(
    store: &Store,
    name: &str,
    format: ExportFormat,
    path: &std::path::Path,
    now: i64,
) -> Result<usize, CliError> {
    let deck = store
        .deck(name)
        .ok_or_else(|| CliError(format!("no deck named '{name}' (see `treatydeck decks`)")))?;
    let cards: Vec<Card> = deck.active_cards().collect();
    let fail = |e: std::io::Error| CliError(format!("cannot write '{}': {e}", path.display()));
    match format {
        ExportFormat::AnkiTxt => {
            let text = store::export::anki_txt(name, &cards);
            store::export::write_file(path, text.as_bytes()).map_err(fail)?;
        }
        ExportFormat::Apkg => {
            store::export::write_apkg(path, name, &cards, now).map_err(fail)?;
        }
        ExportFormat::Json => {
            let mut bytes = serde_json::to_vec_pretty(&deck_json(deck))
                .map_err(|e| CliError(format!("cannot encode the deck: {e}")))?;
            bytes.push(b'\n');
            store::export::write_file(path, &bytes).map_err(fail)?;
        }
    }
    Ok(cards.len())
}

/// Open the store, report repairs on stderr, and make sure a fresh
/// collection has the built-in deck.
pub fn open_store(flag: Option<PathBuf>) -> Result<Store, CliError> {
    let dir = store::progress::resolve_data_dir(flag)?;
    let (mut store, notices) = Store::open(&dir)?;
    for n in notices {
        eprintln!("treatydeck: note: {n}");
    }
    // Sync-conflict copies (Syncthing, Dropbox, Nextcloud) are merged and
    // moved into merged/.
    for n in store.merge_sync_conflicts(local_utc_offset)? {
        eprintln!("treatydeck: note: {n}");
    }
    if store.decks().is_empty() {
        let text = builtin::get(builtin::DEFAULT_DECK).unwrap_or_default();
        if let Ok(g) = core::generate(text) {
            store.add_deck(builtin::DEFAULT_DECK, &g.deck.title, text, g.cards)?;
        }
    }
    Ok(store)
}

fn import(
    store: &mut Store,
    article: &str,
    name: Option<String>,
    out: &mut dyn Write,
) -> Result<(), CliError> {
    let text = load_article(article)?;
    let g = core::generate(&text).map_err(|e| CliError(format!("'{article}': {e}")))?;
    let name = name.unwrap_or_else(|| deck_name_from(article));
    let n = g.cards.len();
    store.add_deck(&name, &g.deck.title, &text, g.cards)?;
    writeln!(
        out,
        "Imported deck '{name}': {n} cards from \"{}\".",
        g.deck.title
    )?;
    Ok(())
}

/// "1m 10m" / "30s 1h" -> seconds.
pub fn parse_steps(s: &str) -> Result<Vec<u32>, CliError> {
    s.split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .map(|w| {
            let (num, unit) = w.split_at(w.find(|c: char| !c.is_ascii_digit()).unwrap_or(w.len()));
            let n: u32 = num
                .parse()
                .map_err(|_| CliError(format!("'{w}' is not a step like 1m, 10m, 1h or 1d")))?;
            let mult = match unit {
                "" | "m" | "min" => 60,
                "s" => 1,
                "h" => 3600,
                "d" => 86_400,
                _ => {
                    return Err(CliError(format!(
                        "'{w}' is not a step like 1m, 10m, 1h or 1d"
                    )));
                }
            };
            if n == 0 {
                return Err(CliError(format!("'{w}': a step must be longer than zero")));
            }
            Ok(n.saturating_mul(mult))
        })
        .collect()
}

/// "tests/data/ABM Treaty.md" -> "abm-treaty".
pub fn deck_name_from(path: &str) -> String {
    let stem = std::path::Path::new(path)
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "deck".into());
    let mut name = String::new();
    for c in stem.chars() {
        if c.is_alphanumeric() {
            name.extend(c.to_lowercase());
        } else if !name.ends_with('-') && !name.is_empty() {
            name.push('-');
        }
    }
    let name = name.trim_end_matches('-').to_string();
    if name.is_empty() { "deck".into() } else { name }
}

fn scheduler_for(store: &Store) -> Result<Scheduler, CliError> {
    Scheduler::new(store.settings())
        .or_else(|_| {
            // Saved personal parameters that no longer load: fall back to
            // the defaults rather than refusing to study.
            let mut s = store.settings().clone();
            s.fsrs_params.clear();
            Scheduler::new(&s)
        })
        .map(|s| s.with_utc_offset(local_utc_offset()))
        .map_err(|e| CliError(format!("cannot start the scheduler: {e:?}")))
}

/// Every deck's statistics. Only the last 30 days of the log matter to
/// them (today's counts, true retention), so only those are expanded.
pub fn all_deck_stats(store: &Store, sched: &Scheduler, now: i64) -> Vec<DeckStats> {
    let since = now - 31 * scheduler::DAY_SECS;
    let mut by_deck: std::collections::HashMap<String, Vec<Review>> = Default::default();
    for r in store.reviews().filter(|r| r.time >= since) {
        by_deck.entry(r.deck.clone()).or_default().push(r);
    }
    store
        .decks()
        .iter()
        .map(|d| {
            let cards: Vec<Card> = d.active_cards().collect();
            let states: Vec<_> = cards.iter().map(|c| d.state(&c.id)).collect();
            let views: Vec<CardView> = cards
                .iter()
                .zip(&states)
                .map(|(c, s)| CardView {
                    id: &c.id,
                    kind: c.kind,
                    state: s,
                })
                .collect();
            let reviews = by_deck.get(&d.name).map(Vec::as_slice).unwrap_or(&[]);
            stats::deck_stats(&d.name, &views, reviews, sched, now)
        })
        .collect()
}

fn optimise(store: &mut Store, out: &mut dyn Write) -> Result<(), CliError> {
    let reviews: Vec<Review> = store.reviews().collect();
    let settings = store.settings().clone();
    match scheduler::optimise_with(&reviews, local_utc_offset(), settings.day_start_hour) {
        Ok(params) => {
            let n = params.len();
            store.set_settings(crate::core::model::Settings {
                fsrs_params: params,
                ..settings
            })?;
            writeln!(
                out,
                "Fitted {n} FSRS parameters to your {} reviews; they are used from now on.",
                reviews.len()
            )?;
            Ok(())
        }
        Err(scheduler::OptimiseError::NotEnoughData { reviews, needed }) => {
            writeln!(
                out,
                "Not enough history yet: {reviews} usable reviews of the {needed} needed. \
                 Keep studying; the default parameters are in use."
            )?;
            Ok(())
        }
        Err(e) => Err(CliError(format!("optimising failed: {e}"))),
    }
}

fn decks(store: &Store, out: &mut dyn Write) -> Result<(), CliError> {
    let sched = scheduler_for(store)?;
    let now = now_secs();
    writeln!(
        out,
        "{:<28} {:>6} {:>9} {:>5}  title",
        "deck", "new", "learning", "due"
    )?;
    for (s, d) in all_deck_stats(store, &sched, now).iter().zip(store.decks()) {
        writeln!(
            out,
            "{:<28} {:>6} {:>9} {:>5}  {}",
            s.deck, s.new, s.learning, s.due, d.title
        )?;
    }
    Ok(())
}

fn print_stats(store: &Store, json: bool, out: &mut dyn Write) -> Result<(), CliError> {
    let sched = scheduler_for(store)?;
    let now = now_secs();
    let decks = all_deck_stats(store, &sched, now);
    if json {
        let v = serde_json::json!({
            "reviews_total": store.review_count(),
            "now": now,
            "decks": decks,
        });
        serde_json::to_writer_pretty(&mut *out, &v).map_err(std::io::Error::other)?;
        writeln!(out)?;
        return Ok(());
    }
    writeln!(out, "{} reviews recorded in all.", store.review_count())?;
    for s in &decks {
        writeln!(out, "\n{} — {} cards", s.deck, s.cards)?;
        writeln!(
            out,
            "  today: {} new, {} learning, {} due; {} reviews done today",
            s.new, s.learning, s.due, s.reviews_today
        )?;
        let retention = s
            .true_retention_30d
            .map(|r| format!("{:.0}% of {} review answers", r * 100.0, s.reviews_30d))
            .unwrap_or_else(|| "no review answers yet".into());
        writeln!(out, "  true retention, last 30 days: {retention}")?;
        if let Some(next) = s.next_due {
            writeln!(out, "  next card due: {}", session::when(next, now))?;
        }
        for k in &s.kinds {
            let mastery = k
                .mastery
                .map(|m| format!("{:.0}% recall now", m * 100.0))
                .unwrap_or_else(|| "not studied yet".into());
            writeln!(
                out,
                "  {:<8} {:>3} cards ({} new, {} learning, {} review) — {mastery}",
                k.kind.as_str(),
                k.cards,
                k.new,
                k.learning,
                k.review
            )?;
        }
    }
    Ok(())
}

/// Read one line; `None` at end of input.
fn read_line(input: &mut dyn BufRead) -> Option<String> {
    let mut s = String::new();
    match input.read_line(&mut s) {
        Ok(0) | Err(_) => None,
        Ok(_) => Some(s.trim_end_matches(['\n', '\r']).to_string()),
    }
}

fn study(
    store: &mut Store,
    deck: Option<&str>,
    input: &mut dyn BufRead,
    out: &mut dyn Write,
) -> Result<(), CliError> {
    if let Some(d) = deck
        && store.deck(d).is_none()
    {
        return Err(CliError(format!(
            "no deck named '{d}'; `treatydeck decks` lists them"
        )));
    }
    let sched = scheduler_for(store)?;
    let offset = sched.utc_offset_secs();
    let hour = sched.settings().day_start_hour;
    // Today's answers by deck: the daily limits count them.
    let mut today = session::today_reviews(store, &sched, now_secs());
    let mut done = 0usize;
    writeln!(
        out,
        "Studying {}. Enter shows the answer, or type your answer; 1-4 grades; u undoes; s suspends; b buries; q quits.",
        deck.unwrap_or("all decks")
    )?;
    'cards: loop {
        let now = now_secs();
        let Some(session::NextCard {
            deck: deck_name,
            card,
            state,
        }) = session::next_card(store, &sched, deck, &today, now)
        else {
            end_message(store, deck, done, now, out)?;
            return Ok(());
        };
        let shown = Instant::now();
        writeln!(out, "\n[{}] {}", card.kind.as_str(), card.question)?;
        if let Some(ch) = &card.choices {
            for (i, c) in ch.iter().enumerate() {
                writeln!(out, "  {}) {c}", (b'A' + i as u8) as char)?;
            }
        }
        write!(out, "> ")?;
        out.flush()?;
        let Some(line) = read_line(input) else {
            end_session(done, out)?;
            return Ok(());
        };
        if line.trim().eq_ignore_ascii_case("q") {
            end_session(done, out)?;
            return Ok(());
        }
        let verdict = (!line.trim().is_empty()).then(|| answer::check(&card, &line));
        match verdict {
            Some(Verdict::Correct) => writeln!(out, "Correct.")?,
            Some(Verdict::Typo) => writeln!(out, "Close (a small typo).")?,
            Some(Verdict::Wrong) => writeln!(out, "Not quite.")?,
            None => {}
        }
        write_answer(&card, out)?;
        let previews = sched.preview(&card.id, &state, now);
        let suggested = verdict.map(Verdict::suggested);
        let labels: Vec<String> = previews
            .iter()
            .map(|p| format!("{} {} · {}", p.rating as u8, p.rating.label(), p.label))
            .collect();
        let rating = loop {
            let hint = suggested
                .map(|r| format!(" [Enter = {} {}]", r as u8, r.label()))
                .unwrap_or_default();
            write!(out, "{}{hint}\n> ", labels.join("   "))?;
            out.flush()?;
            let Some(g) = read_line(input) else {
                end_session(done, out)?;
                return Ok(());
            };
            let g = g.trim();
            if g.eq_ignore_ascii_case("q") {
                end_session(done, out)?;
                return Ok(());
            }
            if g.eq_ignore_ascii_case("s") || g.eq_ignore_ascii_case("b") {
                let new_state = if g.eq_ignore_ascii_case("s") {
                    scheduler::suspend(&state)
                } else {
                    scheduler::bury(&state, now_secs(), offset, hour)
                };
                store.set_state(&deck_name, &card.id, new_state)?;
                writeln!(
                    out,
                    "{}",
                    if g.eq_ignore_ascii_case("s") {
                        "Suspended: this card will not be shown until you unsuspend it."
                    } else {
                        "Buried until tomorrow."
                    }
                )?;
                continue 'cards;
            }
            if g.eq_ignore_ascii_case("u") {
                match store.undo_last()? {
                    Some(r) => {
                        if let Some(v) = today.get_mut(&r.deck) {
                            v.retain(|x| x.seq != r.seq);
                        }
                        done = done.saturating_sub(1);
                        writeln!(out, "Undid the last answer ({}).", r.rating.label())?;
                    }
                    None => writeln!(out, "Nothing to undo.")?,
                }
                continue;
            }
            if g.is_empty()
                && let Some(r) = suggested
            {
                break r;
            }
            match g.parse::<u8>().ok().and_then(Rating::from_number) {
                Some(r) => break r,
                None => writeln!(
                    out,
                    "Type 1, 2, 3 or 4 (or u to undo, s to suspend, b to bury, q to quit)."
                )?,
            }
        };
        let now = now_secs();
        let after = sched.answer(&card.id, &state, rating, now);
        let review = Review {
            seq: store.next_seq(),
            time: now,
            deck: deck_name.clone(),
            card: card.id.clone(),
            rating,
            taken_ms: shown.elapsed().as_millis().min(u128::from(u32::MAX)) as u32,
            before: state,
            after: after.clone(),
        };
        store.record_review(review.clone())?;
        today.entry(deck_name.clone()).or_default().push(review);
        done += 1;
        let leech = if after.leech {
            " This card is a leech (answered wrong many times) and has been suspended."
        } else {
            ""
        };
        writeln!(
            out,
            "Recorded {}: next {}.{leech}",
            rating.label(),
            session::when(after.due, now)
        )?;
        out.flush()?;
    }
}

fn write_answer(card: &Card, out: &mut dyn Write) -> std::io::Result<()> {
    writeln!(out, "Answer: {}", card.answer)?;
    if !card.accept.is_empty() {
        writeln!(out, "  also accepted: {}", card.accept.join("; "))?;
    }
    if let (Some(d), true) = (&card.resolved_date, card.inferred) {
        writeln!(out, "  date inferred from the article: {d}")?;
    }
    writeln!(out, "  source: {}", card.sentence)
}

fn end_session(done: usize, out: &mut dyn Write) -> std::io::Result<()> {
    writeln!(out, "\nSession ended: {done} cards answered.")
}

fn end_message(
    store: &Store,
    deck: Option<&str>,
    done: usize,
    now: i64,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    writeln!(out, "\nDone for today: {done} cards answered this session.")?;
    match session::next_due(store, deck, now) {
        Some(t) => writeln!(out, "Next card due {}.", session::when(t, now)),
        None => writeln!(
            out,
            "No reviews are scheduled yet; new cards come tomorrow."
        ),
    }
}

fn write_readable(deck: &Generated, out: &mut dyn Write) -> std::io::Result<()> {
    writeln!(out, "{}", deck.deck.title)?;
    let reference = deck
        .deck
        .reference_date
        .as_deref()
        .map(|d| format!(", reference date {d}"))
        .unwrap_or_default();
    writeln!(
        out,
        "{} cards from {} sentences{reference}",
        deck.cards.len(),
        deck.deck.sentences
    )?;
    for kind in FactKind::ALL {
        let cards: Vec<_> = deck.cards.iter().filter(|c| c.kind == kind).collect();
        if cards.is_empty() {
            continue;
        }
        writeln!(out, "\n== {} ({})", kind.as_str(), cards.len())?;
        for c in cards {
            writeln!(out, "Q: {}", c.question)?;
            let mut a = format!("A: {}", c.answer);
            if let Some(d) = &c.resolved_date
                && c.inferred
            {
                a.push_str(&format!("  [{d}, inferred]"));
            }
            if !c.accept.is_empty() {
                a.push_str(&format!("  (also: {})", c.accept.join("; ")));
            }
            writeln!(out, "{a}")?;
            if let Some(ch) = &c.choices {
                writeln!(out, "   choices: {}", ch.join(" | "))?;
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn steps_parse_and_reject_nonsense() {
        assert_eq!(parse_steps("1m 10m").unwrap(), vec![60, 600]);
        assert_eq!(parse_steps("30s,1h 2d").unwrap(), vec![30, 3600, 172_800]);
        assert!(parse_steps("ten").is_err());
        assert!(parse_steps("0m").is_err());
        assert!(parse_steps("5y").is_err());
    }

    #[test]
    fn deck_names_from_paths() {
        assert_eq!(deck_name_from("tests/data/ABM Treaty.md"), "abm-treaty");
        assert_eq!(deck_name_from("x/new_start--2021.txt"), "new-start-2021");
        assert_eq!(deck_name_from("..."), "deck");
    }
}
