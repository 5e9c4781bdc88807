//! Merging another machine's progress: another data folder
//! (`treatydeck merge DIR`) or sync-conflict copies left in this one by
//! Syncthing, Dropbox or Nextcloud.
//!
//! # Rules
//!
//! * Decks: a deck (by name) that this collection lacks is added with its
//!   cards, edits and unticked cards; a deck both have keeps this side's
//!   cards and edits.
//! * Reviews: the union of both histories. A review is identified by its
//!   content — deck, card, time, rating and time taken — never by `seq`,
//!   which each machine numbers on its own. If both sides hold the same
//!   review (a log that was synced), it is kept once; if one side holds the
//!   same content k times and the other m times, it is kept max(k, m) times,
//!   so no review is lost and none is counted twice. The merged history is
//!   ordered by time (stable: this side first on a tie) and renumbered
//!   1, 2, 3, … .
//! * States: every card that gained a review is replayed through the
//!   scheduler (current settings and UTC offset) over its merged history;
//!   each review's `before`/`after` is rewritten to the replayed states, and
//!   the card keeps its `suspended` and `leech` flags and a bury that is
//!   still in the future. Cards with no new review keep their states as
//!   they were.
//! * Undone reviews are not in either history (undo removes them), so an
//!   answer undone on one machine before the merge does not come back —
//!   unless the other machine had already received it.
//! * Nothing new: nothing is written (merging twice changes nothing).
//! * Before writing, the current `collection.json` and `reviews.jsonl` are
//!   copied to `backups/before-merge-<n>/`.
//!
//! A merged sync-conflict file is moved into `merged/` (never deleted).

use std::collections::{BTreeMap, HashMap};
use std::fs;
use std::path::{Path, PathBuf};

use super::progress::{Deck, Notice, Store, StoreError};
use crate::core::model::{CardState, Review, Settings};
use crate::core::scheduler::Scheduler;

/// What a merge did.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct MergeReport {
    /// Decks added from the other side.
    pub decks_added: Vec<String>,
    /// Reviews new to this side.
    pub reviews_added: usize,
    /// Reviews both sides had (kept once).
    pub duplicates: usize,
    /// Cards whose state was recomputed.
    pub cards_replayed: usize,
    /// Where the replaced files were kept (`None`: nothing was new).
    pub kept_in: Option<PathBuf>,
}

/// The identity of a review: everything but `seq` and the states.
type Key<'a> = (&'a str, &'a str, i64, u8, u32);

fn key(r: &Review) -> Key<'_> {
    (&r.deck, &r.card, r.time, r.rating as u8, r.taken_ms)
}

/// The union of two histories (see the module docs): merged reviews in
/// time order, renumbered from 1, and for each the side it came from
/// (`false` = ours, `true` = new from theirs); plus the number of their
/// reviews that were duplicates.
pub fn union_reviews(ours: &[Review], theirs: &[Review]) -> (Vec<(Review, bool)>, usize) {
    let mut have: HashMap<Key<'_>, usize> = HashMap::new();
    for r in ours {
        *have.entry(key(r)).or_default() += 1;
    }
    let mut merged: Vec<(Review, bool)> = ours.iter().map(|r| (r.clone(), false)).collect();
    let mut dups = 0;
    for r in theirs {
        match have.get_mut(&key(r)) {
            Some(n) if *n > 0 => {
                *n -= 1;
                dups += 1;
            }
            _ => merged.push((r.clone(), true)),
        }
    }
    // Stable: equal times keep ours first, then each side's own order.
    merged.sort_by_key(|(r, _)| r.time);
    for (i, (r, _)) in merged.iter_mut().enumerate() {
        r.seq = i as u64 + 1;
    }
    (merged, dups)
}

/// Replay the cards that gained reviews: rewrite those reviews'
/// before/after and the decks' states. Returns how many cards were replayed.
pub fn replay_cards(
    merged: &mut [(Review, bool)],
    decks: &mut [Deck],
    settings: &Settings,
    utc_offset_secs: i32,
) -> Result<usize, StoreError> {
    let sched = Scheduler::new(settings)
        .or_else(|_| {
            Scheduler::new(&Settings {
                fsrs_params: Vec::new(),
                ..settings.clone()
            })
        })
        .map_err(|e| StoreError::InvalidData(format!("cannot replay the merged history: {e}")))?
        .with_utc_offset(utc_offset_secs);
    let mut touched: BTreeMap<(String, String), Vec<usize>> = BTreeMap::new();
    for (r, new) in merged.iter() {
        if *new {
            touched.insert((r.deck.clone(), r.card.clone()), Vec::new());
        }
    }
    for (i, (r, _)) in merged.iter().enumerate() {
        if let Some(v) = touched.get_mut(&(r.deck.clone(), r.card.clone())) {
            v.push(i);
        }
    }
    for ((deck, card), idx) in &touched {
        let mut state = CardState::default();
        for &i in idx {
            let r = &mut merged[i].0;
            let after = sched.answer(card, &state, r.rating, r.time);
            r.before = state;
            r.after = after.clone();
            state = after;
        }
        if let Some(d) = decks.iter_mut().find(|d| &d.name == deck) {
            let old = d.states.get(card).cloned().unwrap_or_default();
            state.suspended |= old.suspended;
            state.leech |= old.leech;
            if let (Some(b), Some(last)) = (old.buried_until, state.last_review)
                && b > last
            {
                state.buried_until = Some(b);
            }
            d.states.insert(card.clone(), state);
        }
    }
    Ok(touched.len())
}

fn io_err(action: &'static str, path: &Path) -> impl FnOnce(std::io::Error) -> StoreError {
    let path = path.to_path_buf();
    move |source| StoreError::Io {
        action,
        path,
        source,
    }
}

/// Read a collection and/or review log as a store would (repairs and all)
/// without touching the originals: they are copied into a scratch folder
/// inside `scratch_parent`, opened there, and the scratch folder removed.
fn read_copy(
    scratch_parent: &Path,
    collection: Option<&Path>,
    log: Option<&Path>,
) -> Result<(Vec<Deck>, Vec<Review>), StoreError> {
    let work = scratch_parent.join(format!(".merge-work-{}", std::process::id()));
    let _ = fs::remove_dir_all(&work);
    fs::create_dir_all(&work).map_err(io_err("create", &work))?;
    let res = (|| {
        if let Some(c) = collection {
            fs::copy(c, work.join("collection.json")).map_err(io_err("copy", c))?;
        }
        if let Some(l) = log {
            fs::copy(l, work.join("reviews.jsonl")).map_err(io_err("copy", l))?;
        }
        let (other, _notices) = Store::open(&work)?;
        Ok((other.decks().to_vec(), other.reviews().collect()))
    })();
    let _ = fs::remove_dir_all(&work);
    res
}

/// Which part of a data folder a sync-conflict copy is, by its name:
/// Syncthing `reviews.sync-conflict-<date>-<time>-<id>.jsonl`, Dropbox
/// `reviews (Jane's conflicted copy 2024-01-02).jsonl`, Nextcloud
/// `reviews (conflicted copy 2024-01-02 103000).jsonl`; the same for
/// `collection…json`.
pub fn conflict_kind(name: &str) -> Option<ConflictKind> {
    let lower = name.to_lowercase();
    if !(lower.contains(".sync-conflict-") || lower.contains("conflicted copy")) {
        return None;
    }
    if lower.starts_with("reviews") && lower.ends_with(".jsonl") {
        Some(ConflictKind::Log)
    } else if lower.starts_with("collection") && lower.ends_with(".json") {
        Some(ConflictKind::Collection)
    } else {
        None
    }
}

/// See [`conflict_kind`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ConflictKind {
    Log,
    Collection,
}

impl Store {
    /// Merge decks and reviews from elsewhere into this collection (see the
    /// module docs). Writes nothing if nothing is new.
    pub fn merge_from(
        &mut self,
        other_decks: Vec<Deck>,
        other_reviews: &[Review],
        utc_offset_secs: i32,
    ) -> Result<MergeReport, StoreError> {
        let mut decks = self.decks().to_vec();
        let mut report = MergeReport::default();
        for d in other_decks {
            if !decks.iter().any(|x| x.name == d.name) {
                report.decks_added.push(d.name.clone());
                decks.push(d);
            }
        }
        let ours: Vec<Review> = self.reviews().collect();
        let (mut merged, dups) = union_reviews(&ours, other_reviews);
        report.duplicates = dups;
        report.reviews_added = merged.iter().filter(|(_, new)| *new).count();
        if report.reviews_added == 0 && report.decks_added.is_empty() {
            return Ok(report);
        }
        let settings = self.settings().clone();
        report.cards_replayed = replay_cards(&mut merged, &mut decks, &settings, utc_offset_secs)?;
        let reviews: Vec<Review> = merged.into_iter().map(|(r, _)| r).collect();
        report.kept_in = Some(self.replace_all(settings, decks, &reviews, "before-merge")?);
        Ok(report)
    }

    /// Merge another data folder's progress. The other folder is only
    /// read (its files are copied first), never changed.
    pub fn merge_folder(
        &mut self,
        other: &Path,
        utc_offset_secs: i32,
    ) -> Result<MergeReport, StoreError> {
        let not_data = || {
            StoreError::InvalidData(format!(
                "'{}' is not a TreatyDeck data folder (no collection.json or reviews.jsonl in it)",
                other.display()
            ))
        };
        if !other.is_dir() {
            return Err(not_data());
        }
        let same = match (fs::canonicalize(other), fs::canonicalize(self.data_dir())) {
            (Ok(a), Ok(b)) => a == b,
            _ => false,
        };
        if same {
            return Err(StoreError::InvalidData(format!(
                "'{}' is this data folder; give another machine's data folder to merge",
                other.display()
            )));
        }
        let coll = other.join("collection.json");
        let log = other.join("reviews.jsonl");
        let (coll, log) = (coll.is_file().then_some(coll), log.is_file().then_some(log));
        if coll.is_none() && log.is_none() {
            return Err(not_data());
        }
        let dir = self.data_dir().to_path_buf();
        let (decks, reviews) = read_copy(&dir, coll.as_deref(), log.as_deref())?;
        self.merge_from(decks, &reviews, utc_offset_secs)
    }

    /// Find sync-conflict copies of `collection.json` and `reviews.jsonl`
    /// in the data folder, merge each, and move it into `merged/`. One
    /// notice per file. A copy that cannot be read is left in place with a
    /// notice. `utc_offset_secs` is asked only if there is a copy to merge.
    pub fn merge_sync_conflicts(
        &mut self,
        utc_offset_secs: impl FnOnce() -> i32,
    ) -> Result<Vec<Notice>, StoreError> {
        let dir = self.data_dir().to_path_buf();
        let mut found: Vec<(String, ConflictKind)> = match fs::read_dir(&dir) {
            Ok(rd) => rd
                .filter_map(|e| e.ok())
                .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
                .filter_map(|e| {
                    let name = e.file_name().to_str()?.to_string();
                    conflict_kind(&name).map(|k| (name, k))
                })
                .collect(),
            Err(e) => return Err(io_err("list", &dir)(e)),
        };
        // Collections first, so that their decks exist when their reviews come.
        found.sort_by_key(|(n, k)| (*k == ConflictKind::Log, n.clone()));
        let mut notices = Vec::new();
        if found.is_empty() {
            return Ok(notices);
        }
        let utc_offset_secs = utc_offset_secs();
        for (name, kind) in found {
            let path = dir.join(&name);
            let read = match kind {
                ConflictKind::Collection => read_copy(&dir, Some(&path), None),
                ConflictKind::Log => read_copy(&dir, None, Some(&path)),
            };
            let (decks, reviews) = match read {
                Ok(x) => x,
                Err(e) => {
                    notices.push(Notice(format!(
                        "Found the sync-conflict copy {name} but could not read it ({e}); it was left as it is."
                    )));
                    continue;
                }
            };
            let report = self.merge_from(decks, &reviews, utc_offset_secs)?;
            let mdir = dir.join("merged");
            fs::create_dir_all(&mdir).map_err(io_err("create", &mdir))?;
            let mut dest = mdir.join(&name);
            let mut n = 2;
            while dest.symlink_metadata().is_ok() {
                dest = mdir.join(format!("{n}-{name}"));
                n += 1;
            }
            fs::rename(&path, &dest).map_err(io_err("move", &path))?;
            let added = if report.decks_added.is_empty() {
                String::new()
            } else {
                format!(", added deck(s) {}", report.decks_added.join(", "))
            };
            notices.push(Notice(format!(
                "Merged the sync-conflict copy {name}: {} new review(s), {} already here{added}; it was moved to merged/{}.",
                report.reviews_added,
                report.duplicates,
                dest.file_name().map(|n| n.to_string_lossy()).unwrap_or_default()
            )));
        }
        Ok(notices)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::Rating;

    fn rev(seq: u64, time: i64, card: &str, rating: Rating) -> Review {
        Review {
            seq,
            time,
            deck: "d".into(),
            card: card.into(),
            rating,
            taken_ms: 1000,
            before: CardState::default(),
            after: CardState::default(),
        }
    }

    #[test]
    fn conflict_names_are_recognised() {
        use ConflictKind::*;
        for (name, want) in [
            (
                "reviews.sync-conflict-20240101-101010-ABCDEFG.jsonl",
                Some(Log),
            ),
            (
                "collection.sync-conflict-20240101-101010-ABCDEFG.json",
                Some(Collection),
            ),
            (
                "reviews (Jane's conflicted copy 2024-01-02).jsonl",
                Some(Log),
            ),
            (
                "collection (conflicted copy 2024-01-02 103000).json",
                Some(Collection),
            ),
            ("reviews.jsonl", None),
            ("collection.json", None),
            ("notes.sync-conflict-1.txt", None),
            ("collection.json.tmp", None),
        ] {
            assert_eq!(conflict_kind(name), want, "{name}");
        }
    }

    #[test]
    fn union_keeps_each_review_once_and_renumbers_by_time() {
        let ours = vec![
            rev(1, 100, "a", Rating::Good),
            rev(2, 300, "a", Rating::Good),
        ];
        // Theirs: numbered independently, one shared review, two new ones.
        let theirs = vec![
            rev(1, 100, "a", Rating::Good),
            rev(2, 200, "b", Rating::Again),
            rev(3, 400, "b", Rating::Good),
        ];
        let (m, dups) = union_reviews(&ours, &theirs);
        assert_eq!(dups, 1);
        let got: Vec<(u64, i64, &str, bool)> = m
            .iter()
            .map(|(r, new)| (r.seq, r.time, r.card.as_str(), *new))
            .collect();
        assert_eq!(
            got,
            vec![
                (1, 100, "a", false),
                (2, 200, "b", true),
                (3, 300, "a", false),
                (4, 400, "b", true)
            ]
        );
        // Merging the result again with either side adds nothing.
        let merged: Vec<Review> = m.into_iter().map(|(r, _)| r).collect();
        let (again, dups) = union_reviews(&merged, &theirs);
        assert_eq!(again.len(), 4);
        assert_eq!(dups, 3);
    }

    #[test]
    fn union_keeps_repeated_identical_reviews_max_times() {
        let a = rev(1, 100, "a", Rating::Good);
        let ours = vec![a.clone(), a.clone()];
        let theirs = vec![a.clone(), a.clone(), a.clone()];
        let (m, dups) = union_reviews(&ours, &theirs);
        assert_eq!((m.len(), dups), (3, 2));
    }
}
