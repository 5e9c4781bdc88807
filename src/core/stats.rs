//! Statistics over cards and the review log (pure: `now` is an argument).
//! The plots' series are in [`history`] (forecast, heatmap, retention,
//! mastery) and [`timeline`] (the dated events).

pub mod history;
pub mod timeline;

use serde::Serialize;

use super::extract::FactKind;
use super::model::{CardState, Queue, Rating, Review};
use super::scheduler::{self, Scheduler};

/// Per-kind progress: how many cards and how well they are known.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct KindStats {
    pub kind: FactKind,
    pub cards: usize,
    pub new: usize,
    pub learning: usize,
    pub review: usize,
    /// Mean recall probability now over studied cards (None: none studied).
    pub mastery: Option<f32>,
}

/// A deck's numbers, as the deck list and `treatydeck stats` show them.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DeckStats {
    pub deck: String,
    pub cards: usize,
    /// Available today under the daily limits (Anki's deck list).
    pub new: usize,
    pub learning: usize,
    pub due: usize,
    pub suspended: usize,
    pub reviews_today: usize,
    /// Share of review-card answers that were not "Again", last 30 days.
    pub true_retention_30d: Option<f32>,
    pub reviews_30d: usize,
    pub kinds: Vec<KindStats>,
    /// Earliest time a non-suspended studied card is due (Unix seconds).
    pub next_due: Option<i64>,
}

/// One card as statistics need it.
pub struct CardView<'a> {
    pub id: &'a str,
    pub kind: FactKind,
    pub state: &'a CardState,
}

/// Compute a deck's statistics. `reviews` is this deck's review log.
pub fn deck_stats(
    deck: &str,
    cards: &[CardView],
    reviews: &[Review],
    sched: &Scheduler,
    now: i64,
) -> DeckStats {
    let settings = sched.settings();
    let offset = sched.utc_offset_secs();
    let pairs: Vec<(&str, &CardState)> = cards.iter().map(|c| (c.id, c.state)).collect();
    let counts = scheduler::counts(&pairs, reviews, now, offset, settings);
    let today = scheduler::day_index(now, offset, settings.day_start_hour);
    let reviews_today = reviews
        .iter()
        .filter(|r| scheduler::day_index(r.time, offset, settings.day_start_hour) == today)
        .count();
    let since = now - 30 * scheduler::DAY_SECS;
    let mature: Vec<&Review> = reviews
        .iter()
        .filter(|r| r.time >= since && r.time <= now && r.before.queue == Queue::Review)
        .collect();
    let passed = mature.iter().filter(|r| r.rating != Rating::Again).count();
    let true_retention_30d = (!mature.is_empty()).then(|| passed as f32 / mature.len() as f32);
    let reviews_30d = reviews
        .iter()
        .filter(|r| r.time >= since && r.time <= now)
        .count();
    let mut kinds = Vec::new();
    for kind in FactKind::ALL {
        let of_kind: Vec<&CardView> = cards.iter().filter(|c| c.kind == kind).collect();
        if of_kind.is_empty() {
            continue;
        }
        let mut k = KindStats {
            kind,
            cards: of_kind.len(),
            new: 0,
            learning: 0,
            review: 0,
            mastery: None,
        };
        let mut sum = 0.0f32;
        let mut n = 0usize;
        for c in &of_kind {
            match c.state.queue {
                Queue::New => k.new += 1,
                Queue::Learning | Queue::Relearning => k.learning += 1,
                Queue::Review => k.review += 1,
            }
            if let Some(r) = sched.retrievability(c.state, now) {
                sum += r;
                n += 1;
            }
        }
        k.mastery = (n > 0).then(|| sum / n as f32);
        kinds.push(k);
    }
    let next_due = cards
        .iter()
        .filter(|c| !c.state.suspended && c.state.queue != Queue::New)
        .map(|c| c.state.due)
        .min();
    DeckStats {
        deck: deck.to_string(),
        cards: cards.len(),
        new: counts.new,
        learning: counts.learning,
        due: counts.review,
        suspended: cards.iter().filter(|c| c.state.suspended).count(),
        reviews_today,
        true_retention_30d,
        reviews_30d,
        kinds,
        next_due,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::Settings;

    const T0: i64 = 1_700_000_000;

    fn review(card: &str, time: i64, rating: Rating, before: Queue) -> Review {
        Review {
            seq: 0,
            time,
            deck: "d".into(),
            card: card.into(),
            rating,
            taken_ms: 1000,
            before: CardState {
                queue: before,
                ..CardState::default()
            },
            after: CardState::default(),
        }
    }

    #[test]
    fn counts_retention_and_kinds() {
        let sched = Scheduler::new(&Settings::default()).unwrap();
        let new = CardState::default();
        let mut studied = CardState::default();
        for (i, r) in [Rating::Good, Rating::Good].into_iter().enumerate() {
            studied = sched.answer("b", &studied, r, T0 + i as i64 * 700);
        }
        let cards = vec![
            CardView {
                id: "a",
                kind: FactKind::Date,
                state: &new,
            },
            CardView {
                id: "b",
                kind: FactKind::Date,
                state: &studied,
            },
            CardView {
                id: "c",
                kind: FactKind::Speaker,
                state: &new,
            },
        ];
        let reviews = vec![
            review("b", T0 - 5 * 86_400, Rating::Good, Queue::Review),
            review("b", T0 - 4 * 86_400, Rating::Again, Queue::Review),
            review("b", T0 - 3 * 86_400, Rating::Good, Queue::Review),
            review("b", T0 - 3 * 86_400, Rating::Good, Queue::Learning),
            review("b", T0 - 40 * 86_400, Rating::Again, Queue::Review),
        ];
        let s = deck_stats("d", &cards, &reviews, &sched, T0 + 2000);
        assert_eq!(s.cards, 3);
        assert_eq!(s.new, 2);
        assert_eq!(s.reviews_30d, 4);
        // Two of three review-card answers in 30 days passed.
        assert!((s.true_retention_30d.unwrap() - 2.0 / 3.0).abs() < 1e-6);
        let dates = s.kinds.iter().find(|k| k.kind == FactKind::Date).unwrap();
        assert_eq!((dates.cards, dates.new, dates.review), (2, 1, 1));
        assert!(dates.mastery.is_some_and(|m| m > 0.5 && m <= 1.0));
        let speakers = s
            .kinds
            .iter()
            .find(|k| k.kind == FactKind::Speaker)
            .unwrap();
        assert_eq!(speakers.mastery, None);
        assert_eq!(s.next_due, Some(studied.due));
    }
}
