//! Building today's study queue and the deck-list counts.

use super::day::{day_index, next_day_start};
use crate::core::model::{CardState, Queue, Review, Settings};

/// Anki's default "learn ahead limit": when nothing else is left, learning
/// cards due within this many seconds are shown early rather than making the
/// learner wait.
pub const LEARN_AHEAD_SECS: i64 = 20 * 60;

/// What a deck offers today under the daily limits (Anki's deck list numbers).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Counts {
    /// New cards that may still be introduced today.
    pub new: usize,
    /// Learning/relearning cards due now or within [`LEARN_AHEAD_SECS`].
    pub learning: usize,
    /// Review cards due today, up to the remaining review limit.
    pub review: usize,
}

/// Card indices by category, each in study order.
struct Plan {
    learning_now: Vec<usize>,
    learning_ahead: Vec<usize>,
    review: Vec<usize>,
    new: Vec<usize>,
}

fn active(state: &CardState, now: i64) -> bool {
    !state.suspended && state.buried_until.is_none_or(|t| t <= now)
}

/// `(new cards introduced, review-card answers)` today, counted from the
/// log: a review whose `before` was New introduced a card; one whose
/// `before` was Review used up the review limit. Learning answers are free.
fn done_today(reviews: &[Review], now: i64, utc_offset_secs: i32, hour: u8) -> (usize, usize) {
    let today = day_index(now, utc_offset_secs, hour);
    let mut new = 0;
    let mut review = 0;
    for r in reviews {
        if day_index(r.time, utc_offset_secs, hour) != today {
            continue;
        }
        match r.before.queue {
            Queue::New => new += 1,
            Queue::Review => review += 1,
            Queue::Learning | Queue::Relearning => {}
        }
    }
    (new, review)
}

fn plan(
    cards: &[(&str, &CardState)],
    reviews: &[Review],
    now: i64,
    utc_offset_secs: i32,
    settings: &Settings,
) -> Plan {
    let hour = settings.day_start_hour.min(23);
    let tomorrow = next_day_start(now, utc_offset_secs, hour);
    let (new_done, review_done) = done_today(reviews, now, utc_offset_secs, hour);
    let new_left = (settings.new_per_day as usize).saturating_sub(new_done);
    let review_left = (settings.reviews_per_day as usize).saturating_sub(review_done);

    let mut learning_now = Vec::new();
    let mut learning_ahead = Vec::new();
    let mut review = Vec::new();
    let mut new = Vec::new();
    for (i, (_, s)) in cards.iter().enumerate() {
        if !active(s, now) {
            continue;
        }
        match s.queue {
            Queue::Learning | Queue::Relearning => {
                if s.due <= now {
                    learning_now.push(i);
                } else if s.due <= now.saturating_add(LEARN_AHEAD_SECS) {
                    learning_ahead.push(i);
                }
            }
            Queue::Review => {
                if s.due < tomorrow {
                    review.push(i);
                }
            }
            Queue::New => new.push(i),
        }
    }
    let by_due = |v: &mut Vec<usize>| v.sort_by_key(|&i| (cards[i].1.due, i));
    by_due(&mut learning_now);
    by_due(&mut learning_ahead);
    by_due(&mut review);
    review.truncate(review_left);
    new.truncate(new_left);
    Plan {
        learning_now,
        learning_ahead,
        review,
        new,
    }
}

/// Indices into `cards` to study now, in order: learning/relearning cards
/// due now (earliest first), then review cards due today (earliest first) up
/// to `reviews_per_day` minus review-card answers already given today, then
/// new cards in the given (article) order up to `new_per_day` minus new cards
/// already introduced today. Suspended cards and cards buried until after
/// `now` are left out. If nothing else is left, learning cards due within
/// [`LEARN_AHEAD_SECS`] are offered early (as Anki does).
///
/// `reviews` may be the whole log of the deck: only answers given during the
/// current scheduling day count.
pub fn due_queue(
    cards: &[(&str, &CardState)],
    reviews: &[Review],
    now: i64,
    utc_offset_secs: i32,
    settings: &Settings,
) -> Vec<usize> {
    let p = plan(cards, reviews, now, utc_offset_secs, settings);
    let mut out = p.learning_now;
    out.extend(p.review);
    out.extend(p.new);
    if out.is_empty() {
        out = p.learning_ahead;
    }
    out
}

/// The deck-list numbers for the same inputs as [`due_queue`].
pub fn counts(
    cards: &[(&str, &CardState)],
    reviews: &[Review],
    now: i64,
    utc_offset_secs: i32,
    settings: &Settings,
) -> Counts {
    let p = plan(cards, reviews, now, utc_offset_secs, settings);
    Counts {
        new: p.new.len(),
        learning: p.learning_now.len() + p.learning_ahead.len(),
        review: p.review.len(),
    }
}

/// The earliest time after `now` at which a (not suspended, not buried)
/// learning or relearning card falls due: when to look again after the
/// queue runs dry.
pub fn next_learning_due(cards: &[(&str, &CardState)], now: i64) -> Option<i64> {
    cards
        .iter()
        .map(|(_, s)| s)
        .filter(|s| active(s, now))
        .filter(|s| matches!(s.queue, Queue::Learning | Queue::Relearning))
        .map(|s| s.due)
        .filter(|&d| d > now)
        .min()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::{Rating, Review};

    // 2024-03-10 12:00:00 UTC, a Sunday noon.
    const NOW: i64 = 1_710_072_000;
    const H: i64 = 3_600;

    fn new_card() -> CardState {
        CardState::default()
    }
    fn learning(due: i64) -> CardState {
        CardState {
            queue: Queue::Learning,
            due,
            reps: 1,
            ..CardState::default()
        }
    }
    fn review(due: i64) -> CardState {
        CardState {
            queue: Queue::Review,
            due,
            interval_days: 3,
            reps: 3,
            ..CardState::default()
        }
    }
    fn log(card: &str, time: i64, before: Queue) -> Review {
        Review {
            seq: 0,
            time,
            deck: "d".into(),
            card: card.into(),
            rating: Rating::Good,
            taken_ms: 0,
            before: CardState {
                queue: before,
                ..CardState::default()
            },
            after: CardState::default(),
        }
    }

    struct Deck {
        ids: Vec<String>,
        states: Vec<CardState>,
    }
    impl Deck {
        fn new() -> Deck {
            Deck {
                ids: Vec::new(),
                states: Vec::new(),
            }
        }
        fn push(&mut self, s: CardState) -> usize {
            self.ids.push(format!("c{}", self.ids.len()));
            self.states.push(s);
            self.states.len() - 1
        }
        fn cards(&self) -> Vec<(&str, &CardState)> {
            self.ids
                .iter()
                .map(|s| s.as_str())
                .zip(self.states.iter())
                .collect()
        }
    }

    #[test]
    fn order_and_daily_limits() {
        let mut d = Deck::new();
        let news: Vec<usize> = (0..10).map(|_| d.push(new_card())).collect();
        let late_learn = d.push(learning(NOW - 60));
        let early_learn = d.push(learning(NOW - 600));
        let later_learn = d.push(learning(NOW + H)); // not yet
        // Review cards due today (until tomorrow 04:00 UTC), various dues.
        let reviews: Vec<usize> = (0..8)
            .map(|k| d.push(review(NOW - k * 3 * H + 14 * H)))
            .collect();
        let tomorrow = d.push(review(NOW + 16 * H + 1)); // due after tomorrow 04:00
        let settings = Settings {
            new_per_day: 5,
            reviews_per_day: 6,
            ..Settings::default()
        };
        let done = vec![
            log("x1", NOW - 2 * H, Queue::Review),
            log("x2", NOW - 3 * H, Queue::Review),
            log("x3", NOW - 4 * H, Queue::New),
            log("x3", NOW - 4 * H + 60, Queue::Learning),
            // Yesterday (before today's 04:00): does not count.
            log("x4", NOW - 9 * H, Queue::Review),
            log("x5", NOW - 9 * H, Queue::New),
        ];
        let q = due_queue(&d.cards(), &done, NOW, 0, &settings);
        // Learning due now first, earliest first.
        assert_eq!(&q[..2], &[early_learn, late_learn]);
        // Then 6 - 2 = 4 reviews, earliest due first.
        let mut expected_reviews = reviews.clone();
        expected_reviews.sort_by_key(|&i| d.states[i].due);
        assert_eq!(&q[2..6], &expected_reviews[..4]);
        // Then 5 - 1 = 4 new cards in article order.
        assert_eq!(&q[6..], &news[..4]);
        assert!(!q.contains(&later_learn) && !q.contains(&tomorrow));

        let c = counts(&d.cards(), &done, NOW, 0, &settings);
        assert_eq!(
            c,
            Counts {
                new: 4,
                learning: 2,
                review: 4
            }
        );

        // Limits already used up: only learning remains.
        let mut used = done.clone();
        used.extend((0..10).map(|k| log(&format!("r{k}"), NOW - 60 - k, Queue::Review)));
        used.extend((0..10).map(|k| log(&format!("n{k}"), NOW - 60 - k, Queue::New)));
        assert_eq!(
            due_queue(&d.cards(), &used, NOW, 0, &settings),
            vec![early_learn, late_learn]
        );
    }

    #[test]
    fn review_due_today_uses_local_day_boundary() {
        let mut d = Deck::new();
        // Due 03:00 UTC tomorrow: before 04:00 UTC, so due "today" in UTC...
        let i = d.push(review(NOW + 15 * H));
        let s = Settings::default();
        assert_eq!(due_queue(&d.cards(), &[], NOW, 0, &s), vec![i]);
        // ...but in UTC+2 the day rolls over at 02:00 UTC, so it is tomorrow's.
        assert!(due_queue(&d.cards(), &[], NOW, 2 * 3_600, &s).is_empty());
    }

    #[test]
    fn buried_and_suspended_cards_are_excluded() {
        let mut d = Deck::new();
        let ok = d.push(review(NOW - H));
        d.push(CardState {
            suspended: true,
            ..review(NOW - H)
        });
        d.push(CardState {
            buried_until: Some(NOW + 16 * H),
            ..review(NOW - H)
        });
        d.push(CardState {
            buried_until: Some(NOW + 1),
            ..new_card()
        });
        d.push(CardState {
            suspended: true,
            ..learning(NOW - 60)
        });
        // A burial that has expired no longer hides the card.
        let unburied = d.push(CardState {
            buried_until: Some(NOW),
            ..new_card()
        });
        let s = Settings::default();
        assert_eq!(due_queue(&d.cards(), &[], NOW, 0, &s), vec![ok, unburied]);
        assert_eq!(
            counts(&d.cards(), &[], NOW, 0, &s),
            Counts {
                new: 1,
                learning: 0,
                review: 1
            }
        );
    }

    #[test]
    fn learn_ahead_only_when_nothing_else() {
        let mut d = Deck::new();
        let soon = d.push(learning(NOW + 5 * 60));
        d.push(learning(NOW + 2 * H));
        let s = Settings::default();
        assert_eq!(due_queue(&d.cards(), &[], NOW, 0, &s), vec![soon]);
        assert_eq!(next_learning_due(&d.cards(), NOW), Some(NOW + 5 * 60));
        let n = d.push(new_card());
        assert_eq!(due_queue(&d.cards(), &[], NOW, 0, &s), vec![n]);
        assert_eq!(counts(&d.cards(), &[], NOW, 0, &s).learning, 1);
    }
}
