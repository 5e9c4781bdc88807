//! Fill a data folder with a plausible study history (for screenshots and
//! trying the statistics screen): the built-in deck plus the ABM Treaty
//! article from the test data, studied most days over the past months.
//! Reviews go through the real scheduler and the Store API, with past times.
//!
//! `cargo run --example seed_history -- /tmp/td-shots [DAYS]`

use treatydeck::cli::{now_secs, open_store};
use treatydeck::core::model::{Rating, Review};
use treatydeck::core::scheduler::{DAY_SECS, Scheduler};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let dir = args.next().ok_or("usage: seed_history DATA_DIR [DAYS]")?;
    let days: i64 = args.next().map(|d| d.parse()).transpose()?.unwrap_or(150);
    let mut store = open_store(Some(dir.into())).map_err(|e| e.0)?;
    let article = include_str!("../tests/data/articles/abm-treaty-encyclopedia.txt");
    if store.deck("abm-treaty").is_none() {
        let g = treatydeck::core::generate(article)?;
        store.add_deck("abm-treaty", &g.deck.title, article, g.cards)?;
    }
    let sched = Scheduler::new(store.settings())?;
    let now = now_secs();
    let mut rng: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = move |n: u64| {
        rng ^= rng << 13;
        rng ^= rng >> 7;
        rng ^= rng << 17;
        rng % n
    };
    let decks: Vec<String> = store.decks().iter().map(|d| d.name.clone()).collect();
    let mut recorded = 0usize;
    for day in (1..=days).rev() {
        // Skip about one day in four, and more in the older weeks.
        if next(100) < if day > 90 { 45 } else { 22 } {
            continue;
        }
        let start = now - day * DAY_SECS + 18 * 3600 - (now % DAY_SECS);
        let mut t = start;
        for deck in &decks {
            let d = store.deck(deck).ok_or("deck vanished")?.clone();
            // About one new card every other day: some stay new.
            let mut new_left = u64::from(next(100) < 45);
            for card in d.active_cards() {
                let state = d.state(&card.id);
                let is_new = state.reps == 0;
                if is_new {
                    if new_left == 0 {
                        continue;
                    }
                    new_left -= 1;
                } else if state.due > t {
                    continue;
                }
                // New cards walk their steps; reviews pass about 88% of the
                // time, dates a little less often than the rest.
                let mut s = state;
                for _ in 0..3 {
                    let fail = if card.kind == treatydeck::core::FactKind::Date {
                        20
                    } else {
                        10
                    };
                    let roll = next(100);
                    let rating = match roll {
                        r if r < fail => Rating::Again,
                        r if r < fail + 12 => Rating::Hard,
                        r if r > 92 => Rating::Easy,
                        _ => Rating::Good,
                    };
                    let after = sched.answer(&card.id, &s, rating, t);
                    store.record_review(Review {
                        seq: 0,
                        time: t,
                        deck: deck.clone(),
                        card: card.id.clone(),
                        rating,
                        taken_ms: 3000 + next(9000) as u32,
                        before: s.clone(),
                        after: after.clone(),
                    })?;
                    recorded += 1;
                    t += 20 + next(40) as i64;
                    s = after;
                    // Learning steps come back within the same sitting.
                    if s.due > t + 3600 {
                        break;
                    }
                    t = t.max(s.due);
                }
            }
        }
    }
    println!(
        "{recorded} reviews recorded over {days} days in {} decks; {} in the log.",
        decks.len(),
        store.review_count()
    );
    Ok(())
}
