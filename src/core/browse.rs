//! The card browser's table: one row per card of every deck, filtered by a
//! search text and a deck, sorted by a column. Pure: the caller hands in
//! the cards and states (with the learner's edits applied) and `now`.
//!
//! Built once per change of the store; [`BrowseTable::view`] then gives the
//! order of the rows to show without copying a card.

use std::cmp::Ordering;

use crate::core::FactKind;
use crate::core::dates::civil_from_days;
use crate::core::model::{CardState, Queue};
use crate::core::scheduler::{DAY_SECS, format_interval};

/// The columns, in the order shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Column {
    Question,
    Answer,
    Kind,
    Deck,
    Due,
    Stability,
    Lapses,
    Suspended,
}

impl Column {
    pub const ALL: [Column; 8] = [
        Column::Question,
        Column::Answer,
        Column::Kind,
        Column::Deck,
        Column::Due,
        Column::Stability,
        Column::Lapses,
        Column::Suspended,
    ];

    /// The header text.
    pub fn label(self) -> &'static str {
        match self {
            Column::Question => "Question",
            Column::Answer => "Answer",
            Column::Kind => "Kind",
            Column::Deck => "Deck",
            Column::Due => "Due",
            Column::Stability => "Stability",
            Column::Lapses => "Lapses",
            Column::Suspended => "Suspended",
        }
    }
}

/// Which column the rows are sorted by, and which way.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Sort {
    pub column: Column,
    pub descending: bool,
}

impl Default for Sort {
    /// By deck name, then the cards' order within the deck.
    fn default() -> Self {
        Sort {
            column: Column::Deck,
            descending: false,
        }
    }
}

impl Sort {
    /// A click on `column`'s header: the same column flips the direction,
    /// another one sorts ascending by it.
    pub fn clicked(self, column: Column) -> Sort {
        if self.column == column {
            Sort {
                column,
                descending: !self.descending,
            }
        } else {
            Sort {
                column,
                descending: false,
            }
        }
    }
}

/// One card as the browser shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// Index into [`BrowseTable::decks`].
    pub deck: usize,
    pub id: String,
    pub question: String,
    pub answer: String,
    pub kind: FactKind,
    /// Never studied (no due date).
    pub new: bool,
    pub due: i64,
    /// FSRS stability in days, once the card has a memory state.
    pub stability: Option<f32>,
    pub lapses: u32,
    pub suspended: bool,
    /// Unticked by the learner (not studied).
    pub unticked: bool,
    question_lc: String,
    answer_lc: String,
}

impl Row {
    /// The row for a card of deck number `deck` (question and answer with
    /// the learner's edits applied).
    pub fn new(
        deck: usize,
        id: &str,
        kind: FactKind,
        question: &str,
        answer: &str,
        state: &CardState,
    ) -> Row {
        Row {
            deck,
            id: id.to_string(),
            question: question.to_string(),
            answer: answer.to_string(),
            kind,
            new: state.queue == Queue::New,
            due: state.due,
            stability: state.memory.map(|m| m.stability),
            lapses: state.lapses,
            suspended: state.suspended,
            unticked: false,
            question_lc: question.to_lowercase(),
            answer_lc: answer.to_lowercase(),
        }
    }

    /// "new", "in 3d", "due now" (less than a day late), "overdue 2d".
    pub fn due_label(&self, now: i64) -> String {
        due_label(self.new, self.due, now)
    }

    /// "12.3d", or "—" for a card without a memory state.
    pub fn stability_label(&self) -> String {
        match self.stability {
            Some(s) if s.is_finite() => format!("{s:.1}d"),
            _ => "—".to_string(),
        }
    }

    /// "suspended", "unticked" or "" (both: "suspended").
    pub fn suspended_label(&self) -> &'static str {
        if self.suspended {
            "suspended"
        } else if self.unticked {
            "unticked"
        } else {
            ""
        }
    }

    fn due_key(&self) -> (bool, i64) {
        (self.new, if self.new { 0 } else { self.due })
    }

    fn status_key(&self) -> u8 {
        u8::from(self.suspended) * 2 + u8::from(self.unticked && !self.suspended)
    }
}

/// "new", "in 3d", "due now" (less than a day late), "overdue 2d".
pub fn due_label(new: bool, due: i64, now: i64) -> String {
    if new {
        "new".to_string()
    } else if due > now {
        format!("in {}", format_interval(due - now))
    } else if now - due < DAY_SECS {
        "due now".to_string()
    } else {
        format!("overdue {}", format_interval(now - due))
    }
}

/// Every card of every deck, as rows.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct BrowseTable {
    /// Deck names, in the store's order.
    pub decks: Vec<String>,
    pub rows: Vec<Row>,
}

impl BrowseTable {
    /// The indices of the rows to show, in order: those of deck `deck` (if
    /// given) whose question, answer, deck name or kind contains every
    /// word of `search` (case-insensitive), sorted by `sort`. Ties keep
    /// the decks' own order.
    pub fn view(&self, search: &str, deck: Option<usize>, sort: Sort) -> Vec<usize> {
        let words: Vec<String> = search.split_whitespace().map(str::to_lowercase).collect();
        let decks_lc: Vec<String> = self.decks.iter().map(|d| d.to_lowercase()).collect();
        let mut out: Vec<usize> = (0..self.rows.len())
            .filter(|&i| {
                let r = &self.rows[i];
                deck.is_none_or(|d| d == r.deck)
                    && words.iter().all(|w| {
                        r.question_lc.contains(w.as_str())
                            || r.answer_lc.contains(w.as_str())
                            || decks_lc.get(r.deck).is_some_and(|d| d.contains(w.as_str()))
                            || r.kind.as_str().contains(w.as_str())
                    })
            })
            .collect();
        let cmp = |a: &usize, b: &usize| -> Ordering {
            let (x, y) = (&self.rows[*a], &self.rows[*b]);
            match sort.column {
                Column::Question => x.question_lc.cmp(&y.question_lc),
                Column::Answer => x.answer_lc.cmp(&y.answer_lc),
                Column::Kind => x.kind.as_str().cmp(y.kind.as_str()),
                Column::Deck => decks_lc
                    .get(x.deck)
                    .cmp(&decks_lc.get(y.deck))
                    .then(x.deck.cmp(&y.deck)),
                Column::Due => x.due_key().cmp(&y.due_key()),
                Column::Stability => x
                    .stability
                    .unwrap_or(-1.0)
                    .total_cmp(&y.stability.unwrap_or(-1.0)),
                Column::Lapses => x.lapses.cmp(&y.lapses),
                Column::Suspended => x.status_key().cmp(&y.status_key()),
            }
        };
        if sort.descending {
            out.sort_by(|a, b| cmp(b, a));
        } else {
            out.sort_by(cmp);
        }
        out
    }

    /// The row of card `id` in deck `deck`, if any.
    pub fn find(&self, deck: &str, id: &str) -> Option<usize> {
        let d = self.decks.iter().position(|n| n == deck)?;
        self.rows.iter().position(|r| r.deck == d && r.id == id)
    }
}

/// Accepted answers as the editor shows them: one per line (a trailing
/// newline, so that a single answer containing a comma stays whole).
pub fn accept_text(accept: &[String]) -> String {
    accept.iter().map(|a| format!("{a}\n")).collect()
}

/// Accepted answers typed in the editor: one per line, or, on a single
/// line, separated by commas. Blank entries and repeats are dropped.
pub fn parse_accept(text: &str) -> Vec<String> {
    let parts: Vec<&str> = if text.contains('\n') {
        text.lines().collect()
    } else {
        text.split(',').collect()
    };
    let mut out: Vec<String> = Vec::new();
    for p in parts {
        let p = p.trim();
        if !p.is_empty() && !out.iter().any(|o| o == p) {
            out.push(p.to_string());
        }
    }
    out
}

/// "2026-11-28 14:05", local time at a UTC offset of `utc_offset` seconds.
pub fn local_datetime(t: i64, utc_offset: i32) -> String {
    let local = t.saturating_add(i64::from(utc_offset));
    let (y, m, d) = civil_from_days(local.div_euclid(DAY_SECS));
    let secs = local.rem_euclid(DAY_SECS);
    format!(
        "{y:04}-{m:02}-{d:02} {:02}:{:02}",
        secs / 3_600,
        secs % 3_600 / 60
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::Memory;

    const NOW: i64 = 1_800_000_000;

    fn reviewed(due: i64, stability: f32, lapses: u32) -> CardState {
        CardState {
            queue: Queue::Review,
            due,
            memory: Some(Memory {
                stability,
                difficulty: 5.0,
            }),
            lapses,
            reps: 3,
            ..CardState::default()
        }
    }

    fn table() -> BrowseTable {
        let new = CardState::default();
        let mut suspended = reviewed(NOW - 3 * DAY_SECS, 2.0, 4);
        suspended.suspended = true;
        let mut rows = vec![
            Row::new(0, "a", FactKind::Date, "When was it signed?", "1992", &new),
            Row::new(
                0,
                "b",
                FactKind::Party,
                "Who left the treaty?",
                "Russia",
                &reviewed(NOW + 3 * DAY_SECS, 10.5, 1),
            ),
            Row::new(
                1,
                "c",
                FactKind::Number,
                "How many states signed?",
                "34",
                &suspended,
            ),
            Row::new(
                1,
                "d",
                FactKind::Speaker,
                "who said it was a mistake?",
                "Blinken",
                &reviewed(NOW - 600, 0.5, 0),
            ),
        ];
        rows[0].unticked = true;
        BrowseTable {
            decks: vec!["open-skies".into(), "INF-1987".into()],
            rows,
        }
    }

    fn ids(t: &BrowseTable, v: &[usize]) -> Vec<String> {
        v.iter().map(|&i| t.rows[i].id.clone()).collect()
    }

    #[test]
    fn search_is_case_insensitive_over_question_answer_deck_and_kind() {
        let t = table();
        let all = t.view("", None, Sort::default());
        assert_eq!(ids(&t, &all), ["c", "d", "a", "b"]);
        assert_eq!(ids(&t, &t.view("RUSSIA", None, Sort::default())), ["b"]);
        assert_eq!(ids(&t, &t.view("who", None, Sort::default())), ["d", "b"]);
        assert_eq!(ids(&t, &t.view("inf", None, Sort::default())), ["c", "d"]);
        assert_eq!(ids(&t, &t.view("speaker", None, Sort::default())), ["d"]);
        // Every word must match somewhere.
        assert_eq!(ids(&t, &t.view("who  skies", None, Sort::default())), ["b"]);
        assert!(
            t.view("nothing-like-this", None, Sort::default())
                .is_empty()
        );
    }

    #[test]
    fn deck_filter_keeps_one_deck() {
        let t = table();
        assert_eq!(ids(&t, &t.view("", Some(1), Sort::default())), ["c", "d"]);
        assert_eq!(ids(&t, &t.view("who", Some(0), Sort::default())), ["b"]);
    }

    #[test]
    fn sorting_each_column_both_ways() {
        let t = table();
        let by = |column, descending| ids(&t, &t.view("", None, Sort { column, descending }));
        // Case-insensitive text order.
        assert_eq!(by(Column::Question, false), ["c", "a", "b", "d"]);
        assert_eq!(by(Column::Question, true), ["d", "b", "a", "c"]);
        assert_eq!(by(Column::Answer, false), ["a", "c", "d", "b"]);
        assert_eq!(by(Column::Kind, false), ["a", "c", "b", "d"]);
        // Deck names: "INF-1987" before "open-skies".
        assert_eq!(by(Column::Deck, false), ["c", "d", "a", "b"]);
        // Scheduled cards by due date, new cards last.
        assert_eq!(by(Column::Due, false), ["c", "d", "b", "a"]);
        assert_eq!(by(Column::Due, true), ["a", "b", "d", "c"]);
        // No memory state sorts below any stability.
        assert_eq!(by(Column::Stability, false), ["a", "d", "c", "b"]);
        assert_eq!(by(Column::Lapses, true), ["c", "b", "a", "d"]);
        // Suspended first when descending, then unticked.
        assert_eq!(by(Column::Suspended, true), ["c", "a", "b", "d"]);
    }

    #[test]
    fn header_click_flips_or_switches() {
        let s = Sort::default().clicked(Column::Lapses);
        assert_eq!(s.column, Column::Lapses);
        assert!(!s.descending);
        assert!(s.clicked(Column::Lapses).descending);
        assert!(!s.clicked(Column::Lapses).clicked(Column::Lapses).descending);
        assert!(!s.clicked(Column::Lapses).clicked(Column::Due).descending);
    }

    #[test]
    fn labels() {
        let t = table();
        let labels: Vec<String> = t.rows.iter().map(|r| r.due_label(NOW)).collect();
        assert_eq!(labels, ["new", "in 3d", "overdue 3d", "due now"]);
        assert_eq!(due_label(false, NOW + 600, NOW), "in 10m");
        let st: Vec<String> = t.rows.iter().map(Row::stability_label).collect();
        assert_eq!(st, ["—", "10.5d", "2.0d", "0.5d"]);
        let sus: Vec<&str> = t.rows.iter().map(Row::suspended_label).collect();
        assert_eq!(sus, ["unticked", "", "suspended", ""]);
    }

    #[test]
    fn find_by_deck_and_id() {
        let t = table();
        assert_eq!(t.find("INF-1987", "d"), Some(3));
        assert_eq!(t.find("open-skies", "d"), None);
        assert_eq!(t.find("nope", "a"), None);
    }

    #[test]
    fn accepted_answers_round_trip() {
        let a = vec!["8 April, 2010".to_string(), "April 2010".to_string()];
        assert_eq!(accept_text(&a), "8 April, 2010\nApril 2010\n");
        assert_eq!(parse_accept(&accept_text(&a)), a);
        // A single answer with a comma survives the editor.
        let one = vec!["Washington, D.C.".to_string()];
        assert_eq!(parse_accept(&accept_text(&one)), one);
        // One line: commas separate.
        assert_eq!(
            parse_accept(" USSR, Soviet Union ,,USSR"),
            ["USSR", "Soviet Union"]
        );
        assert!(parse_accept(" \n \n").is_empty());
        assert!(accept_text(&[]).is_empty());
    }

    #[test]
    fn local_datetime_shifts_by_the_offset() {
        // 2024-03-10 00:00:00 UTC.
        let t = 1_710_028_800;
        assert_eq!(local_datetime(t, 0), "2024-03-10 00:00");
        assert_eq!(local_datetime(t + 3_723, 3_600), "2024-03-10 02:02");
        assert_eq!(local_datetime(t, -60), "2024-03-09 23:59");
    }
}
