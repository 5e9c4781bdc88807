//! The review log (`reviews.jsonl`): its line format, a fast reader for the
//! common line, and the compact in-memory history.
//!
//! Every line is one compact JSON value of [`LogLine`], an externally tagged
//! enum:
//!
//! ```text
//! {"review":{"seq":7,"time":1760000000,"deck":"nst","card":"9f…","rating":"good","taken_ms":5100,"before":{…},"after":{…}}}
//! {"undo":{"seq":8,"undoes":7}}
//! {"rename":{"seq":9,"from":"nst","to":"new-start"}}
//! {"delete":{"seq":10,"deck":"new-start"}}
//! ```
//!
//! `review` holds a [`Review`] exactly as serde writes it. Reading a
//! million lines through serde_json costs more than a second, so
//! [`parse_line`] first tries a hand-written parser for the exact byte
//! layout serde_json produces for a review line (keys in order, no
//! whitespace, strings without escapes) and falls back to serde_json for
//! anything else; both give the same result (see the tests).

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

use crate::core::fxhash::FxHashMap;
use crate::core::model::{CardState, Memory, Queue, Rating, Review};

/// One line of `reviews.jsonl`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub(crate) enum LogLine {
    /// An answer.
    Review(Review),
    /// Takes back the review with seq `undoes` (its card returns to `before`).
    Undo { seq: u64, undoes: u64 },
    /// A deck was renamed: earlier reviews of `from` belong to `to`.
    Rename { seq: u64, from: String, to: String },
    /// A deck was deleted: earlier reviews of it leave the history.
    Delete { seq: u64, deck: String },
}

impl LogLine {
    /// The line as written: compact JSON and a newline.
    pub(crate) fn encode(&self) -> Vec<u8> {
        // Serialising plain data into a Vec cannot fail (floats were
        // checked to be finite by the caller).
        let mut v = serde_json::to_vec(self).unwrap_or_default();
        v.push(b'\n');
        v
    }
}

/// A parsed line, borrowing strings from the read buffer when it can.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Parsed<'a> {
    Review(ReviewIn<'a>),
    Undo { seq: u64, undoes: u64 },
    Rename { seq: u64, from: String, to: String },
    Delete { seq: u64, deck: String },
}

/// A review as read (or about to be recorded).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct ReviewIn<'a> {
    pub seq: u64,
    pub time: i64,
    pub deck: Cow<'a, str>,
    pub card: Cow<'a, str>,
    pub rating: Rating,
    pub taken_ms: u32,
    pub before: CardState,
    pub after: CardState,
}

impl Parsed<'_> {
    pub(crate) fn seq(&self) -> u64 {
        match self {
            Parsed::Review(r) => r.seq,
            Parsed::Undo { seq, .. } | Parsed::Rename { seq, .. } | Parsed::Delete { seq, .. } => {
                *seq
            }
        }
    }
}

impl From<LogLine> for Parsed<'static> {
    fn from(l: LogLine) -> Self {
        match l {
            LogLine::Review(r) => Parsed::Review(ReviewIn {
                seq: r.seq,
                time: r.time,
                deck: Cow::Owned(r.deck),
                card: Cow::Owned(r.card),
                rating: r.rating,
                taken_ms: r.taken_ms,
                before: r.before,
                after: r.after,
            }),
            LogLine::Undo { seq, undoes } => Parsed::Undo { seq, undoes },
            LogLine::Rename { seq, from, to } => Parsed::Rename { seq, from, to },
            LogLine::Delete { seq, deck } => Parsed::Delete { seq, deck },
        }
    }
}

/// Parse one line (without its newline). `None`: not a valid line.
pub(crate) fn parse_line(line: &[u8]) -> Option<Parsed<'_>> {
    if let Some(r) = fast_review(line) {
        return Some(Parsed::Review(r));
    }
    serde_json::from_slice::<LogLine>(line)
        .ok()
        .map(Parsed::from)
}

/// A byte cursor for the fast path. Every method returns `None` on the
/// first byte that is not exactly what serde_json would have written.
struct Cur<'a> {
    b: &'a [u8],
    i: usize,
}

impl<'a> Cur<'a> {
    fn lit(&mut self, s: &[u8]) -> Option<()> {
        if self.b.get(self.i..)?.starts_with(s) {
            self.i += s.len();
            Some(())
        } else {
            None
        }
    }

    /// Consume `s` if it comes next.
    fn opt(&mut self, s: &[u8]) -> bool {
        self.lit(s).is_some()
    }

    fn digits(&mut self) -> Option<u64> {
        let start = self.i;
        let mut v: u64 = 0;
        while let Some(&c) = self.b.get(self.i) {
            if !c.is_ascii_digit() {
                break;
            }
            v = v.checked_mul(10)?.checked_add(u64::from(c - b'0'))?;
            self.i += 1;
        }
        let n = self.i - start;
        // serde_json never writes leading zeros.
        if n == 0 || (n > 1 && self.b[start] == b'0') {
            return None;
        }
        Some(v)
    }

    fn u64(&mut self) -> Option<u64> {
        self.digits()
    }

    fn u32(&mut self) -> Option<u32> {
        u32::try_from(self.digits()?).ok()
    }

    fn i64(&mut self) -> Option<i64> {
        if self.opt(b"-") {
            let v = self.digits()?;
            if v == 0 {
                return None;
            }
            0i64.checked_sub_unsigned(v)
        } else {
            i64::try_from(self.digits()?).ok()
        }
    }

    fn f32(&mut self) -> Option<f32> {
        let start = self.i;
        while let Some(&c) = self.b.get(self.i) {
            if c.is_ascii_digit() || matches!(c, b'-' | b'+' | b'.' | b'e' | b'E') {
                self.i += 1;
            } else {
                break;
            }
        }
        let s = std::str::from_utf8(&self.b[start..self.i]).ok()?;
        let v: f32 = s.parse().ok()?;
        v.is_finite().then_some(v)
    }

    /// A string without escapes or control characters.
    fn str(&mut self) -> Option<&'a str> {
        self.lit(b"\"")?;
        let start = self.i;
        loop {
            let c = *self.b.get(self.i)?;
            if c == b'"' {
                break;
            }
            if c == b'\\' || c < 0x20 {
                return None;
            }
            self.i += 1;
        }
        let s = std::str::from_utf8(&self.b[start..self.i]).ok()?;
        self.i += 1;
        Some(s)
    }

    fn queue(&mut self) -> Option<Queue> {
        for (q, name) in [
            (Queue::New, &b"new\""[..]),
            (Queue::Learning, b"learning\""),
            (Queue::Review, b"review\""),
            (Queue::Relearning, b"relearning\""),
        ] {
            if self.opt(name) {
                return Some(q);
            }
        }
        None
    }

    fn rating(&mut self) -> Option<Rating> {
        for (r, name) in [
            (Rating::Again, &b"again\""[..]),
            (Rating::Hard, b"hard\""),
            (Rating::Good, b"good\""),
            (Rating::Easy, b"easy\""),
        ] {
            if self.opt(name) {
                return Some(r);
            }
        }
        None
    }

    /// A `CardState` in serde's field order, optional fields omitted as
    /// `skip_serializing_if` omits them.
    fn state(&mut self) -> Option<CardState> {
        self.lit(b"{\"queue\":\"")?;
        let queue = self.queue()?;
        self.lit(b",\"due\":")?;
        let due = self.i64()?;
        self.lit(b",\"step\":")?;
        let step = self.u32()?;
        let memory = if self.opt(b",\"memory\":{\"stability\":") {
            let stability = self.f32()?;
            self.lit(b",\"difficulty\":")?;
            let difficulty = self.f32()?;
            self.lit(b"}")?;
            Some(Memory {
                stability,
                difficulty,
            })
        } else {
            None
        };
        self.lit(b",\"interval_days\":")?;
        let interval_days = self.u32()?;
        self.lit(b",\"reps\":")?;
        let reps = self.u32()?;
        self.lit(b",\"lapses\":")?;
        let lapses = self.u32()?;
        let last_review = if self.opt(b",\"last_review\":") {
            Some(self.i64()?)
        } else {
            None
        };
        let suspended = self.opt(b",\"suspended\":true");
        let buried_until = if self.opt(b",\"buried_until\":") {
            Some(self.i64()?)
        } else {
            None
        };
        let leech = self.opt(b",\"leech\":true");
        self.lit(b"}")?;
        Some(CardState {
            queue,
            due,
            step,
            memory,
            interval_days,
            reps,
            lapses,
            last_review,
            suspended,
            buried_until,
            leech,
        })
    }
}

/// The fast path: a review line exactly as serde_json writes it.
fn fast_review(line: &[u8]) -> Option<ReviewIn<'_>> {
    let mut c = Cur { b: line, i: 0 };
    c.lit(b"{\"review\":{\"seq\":")?;
    let seq = c.u64()?;
    c.lit(b",\"time\":")?;
    let time = c.i64()?;
    c.lit(b",\"deck\":")?;
    let deck = c.str()?;
    c.lit(b",\"card\":")?;
    let card = c.str()?;
    c.lit(b",\"rating\":\"")?;
    let rating = c.rating()?;
    c.lit(b",\"taken_ms\":")?;
    let taken_ms = c.u32()?;
    c.lit(b",\"before\":")?;
    let before = c.state()?;
    c.lit(b",\"after\":")?;
    let after = c.state()?;
    c.lit(b"}}")?;
    if c.i != line.len() {
        return None;
    }
    Some(ReviewIn {
        seq,
        time,
        deck: Cow::Borrowed(deck),
        card: Cow::Borrowed(card),
        rating,
        taken_ms,
        before,
        after,
    })
}

/// A `CardState` in 56 bytes instead of 72, so that a million reviews
/// (two states each) fit comfortably in memory.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Packed {
    due: i64,
    last_review: i64,
    buried_until: i64,
    stability: f32,
    difficulty: f32,
    step: u32,
    interval_days: u32,
    reps: u32,
    lapses: u32,
    queue: Queue,
    flags: u8,
}

const HAS_MEMORY: u8 = 1;
const HAS_LAST: u8 = 2;
const HAS_BURIED: u8 = 4;
const SUSPENDED: u8 = 8;
const LEECH: u8 = 16;

impl Packed {
    pub(crate) fn pack(s: &CardState) -> Packed {
        let mut flags = 0;
        let (stability, difficulty) = match s.memory {
            Some(m) => {
                flags |= HAS_MEMORY;
                (m.stability, m.difficulty)
            }
            None => (0.0, 0.0),
        };
        if s.last_review.is_some() {
            flags |= HAS_LAST;
        }
        if s.buried_until.is_some() {
            flags |= HAS_BURIED;
        }
        if s.suspended {
            flags |= SUSPENDED;
        }
        if s.leech {
            flags |= LEECH;
        }
        Packed {
            due: s.due,
            last_review: s.last_review.unwrap_or(0),
            buried_until: s.buried_until.unwrap_or(0),
            stability,
            difficulty,
            step: s.step,
            interval_days: s.interval_days,
            reps: s.reps,
            lapses: s.lapses,
            queue: s.queue,
            flags,
        }
    }

    pub(crate) fn unpack(&self) -> CardState {
        let f = |bit: u8| self.flags & bit != 0;
        CardState {
            queue: self.queue,
            due: self.due,
            step: self.step,
            memory: f(HAS_MEMORY).then_some(Memory {
                stability: self.stability,
                difficulty: self.difficulty,
            }),
            interval_days: self.interval_days,
            reps: self.reps,
            lapses: self.lapses,
            last_review: f(HAS_LAST).then_some(self.last_review),
            suspended: f(SUSPENDED),
            buried_until: f(HAS_BURIED).then_some(self.buried_until),
            leech: f(LEECH),
        }
    }
}

/// One review in the in-memory history; deck and card are interned.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Rec {
    pub seq: u64,
    pub time: i64,
    pub deck: u32,
    pub card: u32,
    pub taken_ms: u32,
    pub rating: Rating,
    pub before: Packed,
    pub after: Packed,
}

/// The effective review history (undone reviews and reviews of deleted
/// decks removed), in seq order, with interned deck and card names.
#[derive(Debug, Default)]
pub(crate) struct History {
    recs: Vec<Rec>,
    deck_names: Vec<String>,
    /// Current name -> deck index (renames move the index to the new name,
    /// deletes remove it, so a later deck of the same name starts afresh).
    deck_ids: FxHashMap<String, u32>,
    card_names: Vec<String>,
    card_ids: FxHashMap<String, u32>,
}

impl History {
    pub(crate) fn reserve(&mut self, n: usize) {
        self.recs.reserve(n);
    }

    fn deck_id(&mut self, name: &str) -> u32 {
        if let Some(&i) = self.deck_ids.get(name) {
            return i;
        }
        let i = self.deck_names.len() as u32;
        self.deck_names.push(name.to_owned());
        self.deck_ids.insert(name.to_owned(), i);
        i
    }

    fn card_id(&mut self, id: &str) -> u32 {
        if let Some(&i) = self.card_ids.get(id) {
            return i;
        }
        let i = self.card_names.len() as u32;
        self.card_names.push(id.to_owned());
        self.card_ids.insert(id.to_owned(), i);
        i
    }

    pub(crate) fn push(&mut self, r: &ReviewIn<'_>) {
        let rec = Rec {
            seq: r.seq,
            time: r.time,
            deck: self.deck_id(&r.deck),
            card: self.card_id(&r.card),
            taken_ms: r.taken_ms,
            rating: r.rating,
            before: Packed::pack(&r.before),
            after: Packed::pack(&r.after),
        };
        self.recs.push(rec);
    }

    /// Remove the review with this seq (normally the last one).
    pub(crate) fn remove(&mut self, seq: u64) -> Option<Review> {
        let at = match self.recs.last() {
            Some(r) if r.seq == seq => self.recs.len() - 1,
            _ => self.recs.binary_search_by_key(&seq, |r| r.seq).ok()?,
        };
        let rec = self.recs.remove(at);
        Some(self.review(&rec))
    }

    /// Reviews of `from` now belong to `to`. The caller has checked that
    /// no live deck is called `to`, so history still filed under `to`
    /// (from a deck lost with an old collection) is forgotten first.
    pub(crate) fn rename(&mut self, from: &str, to: &str) {
        if from == to {
            return;
        }
        self.delete(to);
        if let Some(i) = self.deck_ids.remove(from) {
            self.deck_names[i as usize] = to.to_owned();
            self.deck_ids.insert(to.to_owned(), i);
        }
    }

    /// Forget the reviews of a deleted deck.
    pub(crate) fn delete(&mut self, deck: &str) {
        if let Some(i) = self.deck_ids.remove(deck) {
            self.recs.retain(|r| r.deck != i);
        }
    }

    pub(crate) fn last(&self) -> Option<&Rec> {
        self.recs.last()
    }

    pub(crate) fn len(&self) -> usize {
        self.recs.len()
    }

    pub(crate) fn review(&self, r: &Rec) -> Review {
        Review {
            seq: r.seq,
            time: r.time,
            deck: self.deck_names[r.deck as usize].clone(),
            card: self.card_names[r.card as usize].clone(),
            rating: r.rating,
            taken_ms: r.taken_ms,
            before: r.before.unpack(),
            after: r.after.unpack(),
        }
    }

    pub(crate) fn recs(&self) -> &[Rec] {
        &self.recs
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A small deterministic generator (SplitMix64).
    struct Rng(u64);
    impl Rng {
        fn next(&mut self) -> u64 {
            self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
            let mut z = self.0;
            z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
            z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
            z ^ (z >> 31)
        }
        fn f32(&mut self) -> f32 {
            let scale = [1e-6, 1e-3, 1.0, 1e3, 1e6][(self.next() % 5) as usize];
            (self.next() % 1_000_000) as f32 / 997.0 * scale
        }
        fn state(&mut self) -> CardState {
            let b = self.next();
            CardState {
                queue: [
                    Queue::New,
                    Queue::Learning,
                    Queue::Review,
                    Queue::Relearning,
                ][(b % 4) as usize],
                due: self.next() as i64 >> (b % 40),
                step: (self.next() % 5) as u32,
                memory: (b & 16 != 0).then(|| Memory {
                    stability: self.f32(),
                    difficulty: self.f32(),
                }),
                interval_days: (self.next() >> 33) as u32,
                reps: (self.next() % 1000) as u32,
                lapses: u32::MAX - (b % 3) as u32,
                last_review: (b & 32 != 0).then(|| -(self.next() as i64 >> 3)),
                suspended: b & 64 != 0,
                buried_until: (b & 128 != 0).then(|| i64::MIN + (b % 7) as i64),
                leech: b & 256 != 0,
            }
        }
    }

    fn review(rng: &mut Rng, i: u64) -> Review {
        Review {
            seq: i * 1_000_003 % (u64::MAX / 3),
            time: rng.next() as i64,
            deck: format!("deck {}", i % 7),
            card: format!("{:016x}", rng.next()),
            rating: Rating::ALL[(i % 4) as usize],
            taken_ms: rng.next() as u32,
            before: rng.state(),
            after: rng.state(),
        }
    }

    #[test]
    fn fast_path_reads_what_serde_writes_and_agrees_with_serde() {
        let mut rng = Rng(42);
        for i in 0..5_000 {
            let r = review(&mut rng, i);
            let line = LogLine::Review(r.clone()).encode();
            let body = &line[..line.len() - 1];
            let fast = fast_review(body)
                .unwrap_or_else(|| panic!("fast path refused {}", String::from_utf8_lossy(body)));
            let slow: Parsed = serde_json::from_slice::<LogLine>(body).unwrap().into();
            assert_eq!(Parsed::Review(fast.clone()), slow);
            assert_eq!(Parsed::from(LogLine::Review(r)), Parsed::Review(fast));
        }
    }

    #[test]
    fn fast_path_declines_what_it_does_not_know_and_serde_decides() {
        let mut rng = Rng(7);
        let r = review(&mut rng, 3);
        let line = String::from_utf8(LogLine::Review(r.clone()).encode()).unwrap();
        let line = line.trim_end();
        // Whitespace, reordered keys, escapes: not the fast path, still read.
        let spaced = line.replacen("{\"seq\"", "{ \"seq\"", 1);
        assert!(fast_review(spaced.as_bytes()).is_none());
        assert_eq!(
            parse_line(spaced.as_bytes()),
            Some(Parsed::from(LogLine::Review(r.clone())))
        );
        let mut esc = r.clone();
        esc.deck = "a \"quoted\" deck\n".into();
        let l = LogLine::Review(esc.clone()).encode();
        assert!(fast_review(&l[..l.len() - 1]).is_none());
        assert_eq!(
            parse_line(&l[..l.len() - 1]),
            Some(Parsed::from(LogLine::Review(esc)))
        );
        // Truncations are never accepted by either path.
        for cut in 0..line.len() {
            assert!(parse_line(&line.as_bytes()[..cut]).is_none(), "cut {cut}");
        }
        // Leading zeros and overflow fall through to serde, which refuses.
        let z = line.replacen("\"taken_ms\":", "\"taken_ms\":0", 1);
        assert!(fast_review(z.as_bytes()).is_none());
        let big = line.replacen("\"step\":", "\"step\":99999999999", 1);
        assert!(parse_line(big.as_bytes()).is_none());
    }

    #[test]
    fn other_lines_round_trip() {
        for l in [
            LogLine::Undo { seq: 5, undoes: 4 },
            LogLine::Rename {
                seq: 6,
                from: "a".into(),
                to: "b \u{e9}".into(),
            },
            LogLine::Delete {
                seq: 7,
                deck: "b".into(),
            },
        ] {
            let bytes = l.encode();
            assert_eq!(bytes.last(), Some(&b'\n'));
            assert_eq!(
                parse_line(&bytes[..bytes.len() - 1]),
                Some(Parsed::from(l.clone()))
            );
        }
        assert_eq!(
            LogLine::Undo { seq: 5, undoes: 4 }.encode(),
            b"{\"undo\":{\"seq\":5,\"undoes\":4}}\n"
        );
    }

    #[test]
    fn packed_state_round_trips() {
        let mut rng = Rng(9);
        for _ in 0..2_000 {
            let s = rng.state();
            assert_eq!(Packed::pack(&s).unpack(), s);
        }
        assert_eq!(
            Packed::pack(&CardState::default()).unpack(),
            CardState::default()
        );
        assert!(std::mem::size_of::<Rec>() <= 144);
    }

    #[test]
    fn history_undo_rename_delete() {
        let mut rng = Rng(1);
        let mut h = History::default();
        let mk = |rng: &mut Rng, seq: u64, deck: &'static str| ReviewIn {
            seq,
            time: 0,
            deck: Cow::Borrowed(deck),
            card: Cow::Owned(format!("c{}", seq % 2)),
            rating: Rating::Good,
            taken_ms: 0,
            before: rng.state(),
            after: rng.state(),
        };
        for s in 1..=4 {
            let r = mk(&mut rng, s, if s % 2 == 0 { "x" } else { "y" });
            h.push(&r);
        }
        assert_eq!(h.remove(2).map(|r| r.seq), Some(2));
        assert_eq!(h.remove(2), None);
        h.rename("x", "z");
        let decks: Vec<String> = h.recs().iter().map(|r| h.review(r).deck).collect();
        assert_eq!(decks, ["y", "y", "z"]);
        h.delete("y");
        assert_eq!(h.len(), 1);
        assert_eq!(h.last().map(|r| r.seq), Some(4));
        // A new deck "y" does not inherit the deleted deck's history.
        h.push(&mk(&mut rng, 5, "y"));
        assert_eq!(h.len(), 2);
    }
}
