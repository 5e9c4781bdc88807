//! A study session's queue, shared by the terminal `study` command and the
//! desktop app: which card comes next (learning cards due now first, then
//! each deck's own queue in order) and when the next one falls due. It reads
//! the store but never the clock: the time is an argument.

use std::collections::HashMap;

use crate::core::Card;
use crate::core::model::{CardState, Queue, Review};
use crate::core::scheduler::{self, Scheduler};
use crate::store::progress::Store;

/// Today's answers by deck (the daily limits count them).
pub type TodayReviews = HashMap<String, Vec<Review>>;

/// The card to show next: `(deck name, card, its state)`.
#[derive(Debug, Clone, PartialEq)]
pub struct NextCard {
    pub deck: String,
    pub card: Card,
    pub state: CardState,
}

/// The review log of the current study day (from the day-start hour on),
/// grouped by deck.
pub fn today_reviews(store: &Store, sched: &Scheduler, now: i64) -> TodayReviews {
    let offset = sched.utc_offset_secs();
    let hour = sched.settings().day_start_hour;
    let today = scheduler::day_index(now, offset, hour);
    let mut list: Vec<Review> = store
        .reviews()
        .rev()
        .take_while(|r| scheduler::day_index(r.time, offset, hour) >= today)
        .collect();
    list.reverse();
    let mut by_deck = TodayReviews::new();
    for r in list {
        by_deck.entry(r.deck.clone()).or_default().push(r);
    }
    by_deck
}

/// The next card to study in `filter` (or all decks): a learning card due
/// now wins over any other deck's first card.
pub fn next_card(
    store: &Store,
    sched: &Scheduler,
    filter: Option<&str>,
    today: &TodayReviews,
    now: i64,
) -> Option<NextCard> {
    let settings = sched.settings();
    let offset = sched.utc_offset_secs();
    let mut best: Option<(bool, NextCard)> = None;
    for d in store.decks() {
        if filter.is_some_and(|f| f != d.name) {
            continue;
        }
        let cards: Vec<Card> = d.active_cards().collect();
        let states: Vec<CardState> = cards.iter().map(|c| d.state(&c.id)).collect();
        let pairs: Vec<(&str, &CardState)> = cards
            .iter()
            .map(|c| c.id.as_str())
            .zip(states.iter())
            .collect();
        let reviews = today.get(&d.name).map(Vec::as_slice).unwrap_or(&[]);
        let queue = scheduler::due_queue(&pairs, reviews, now, offset, settings);
        if let Some(&i) = queue.first() {
            let learning = matches!(states[i].queue, Queue::Learning | Queue::Relearning);
            if best.as_ref().is_none_or(|(l, _)| learning && !*l) {
                best = Some((
                    learning,
                    NextCard {
                        deck: d.name.clone(),
                        card: cards[i].clone(),
                        state: states[i].clone(),
                    },
                ));
            }
        }
    }
    best.map(|(_, n)| n)
}

/// When the next already-studied card falls due (after `now`), in `filter`
/// or all decks; `None` if nothing is scheduled.
pub fn next_due(store: &Store, filter: Option<&str>, now: i64) -> Option<i64> {
    store
        .decks()
        .iter()
        .filter(|d| filter.is_none_or(|f| f == d.name))
        .flat_map(|d| d.active_cards().map(|c| d.state(&c.id)).collect::<Vec<_>>())
        .filter(|s| !s.suspended && s.queue != Queue::New && s.due > now)
        .map(|s| s.due)
        .min()
}

/// "now", "in 10m", "in 3d".
pub fn when(t: i64, now: i64) -> String {
    if t <= now {
        "now".into()
    } else {
        format!("in {}", scheduler::format_interval(t - now))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn when_reads_like_the_terminal() {
        assert_eq!(when(100, 100), "now");
        assert_eq!(when(50, 100), "now");
        assert_eq!(when(700, 100), "in 10m");
    }
}
