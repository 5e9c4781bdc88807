//! Progress-store load time, memory and answer latency at scale.
//!
//! `cargo run --release --example bench_store [DATA_DIR]`
//!
//! Builds a data folder (default `target/bench_store_data`, on the same
//! disk as the build so that fsync is real) with 10 decks of 500 cards
//! (5,000 cards) through the store, then writes 1,000,000 review lines to
//! `reviews.jsonl` directly. Each measurement runs in a fresh child process
//! so that peak RSS (VmHWM) is the store's alone:
//!
//! * `replay`: open with nothing checkpointed (all 1,000,000 reviews are
//!   replayed onto card states), then one save (the checkpoint);
//! * `steady`: open after the checkpoint (the normal case), then 100
//!   `record_review`s (each an fsynced append; median, p90, max), 10 undos,
//!   one save, and one pass over `reviews()`.

use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use serde::Serialize;
use treatydeck::Card;
use treatydeck::core::model::{CardState, Memory, Queue, Rating, Review};
use treatydeck::store::Store;

const DECKS: usize = 10;
const CARDS_PER_DECK: usize = 500;
const REVIEWS: u64 = 1_000_000;

/// The log's review line, `{"review":{...}}`, as the store writes it.
#[derive(Serialize)]
enum Line<'a> {
    #[serde(rename = "review")]
    Review(&'a Review),
}

#[path = "support/rng.rs"]
mod rng;
use rng::Rng;

fn deck_name(d: usize) -> String {
    format!("deck-{d:02}")
}

fn card_id(d: usize, c: usize) -> String {
    format!(
        "{:016x}",
        (d as u64 * 1_000_003 + c as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15)
    )
}

fn card(d: usize, c: usize) -> Card {
    serde_json::from_value(serde_json::json!({
        "id": card_id(d, c),
        "kind": "date",
        "question": format!("When did the parties agree to measure {c} of deck {d}?"),
        "answer": format!("{} April 2010", c % 28 + 1),
        "accept": ["April 2010"],
        "choices": ["8 April 2010", "5 February 2011", "26 May 1972", "1 July 1968"],
        "sentence": format!("The parties agreed on measure {c} on 8 April 2010 in Prague, after a year of talks."),
        "sentence_index": c,
        "paragraph": c / 5,
        "cloze": format!("The parties agreed on measure {c} on ___ in Prague, after a year of talks."),
    }))
    .expect("card JSON")
}

fn next_state(rng: &mut Rng, s: &CardState, rating: Rating, time: i64) -> CardState {
    let ivl = if rating == Rating::Again {
        0
    } else {
        (s.interval_days.max(1) as f32 * (1.5 + rng.below(200) as f32 / 100.0)) as u32
    };
    CardState {
        queue: if ivl == 0 {
            Queue::Relearning
        } else {
            Queue::Review
        },
        due: time + i64::from(ivl.max(1)) * 86_400,
        step: 0,
        memory: Some(Memory {
            stability: ivl as f32 * 1.13 + rng.below(1000) as f32 / 7.0,
            difficulty: 1.0 + rng.below(9000) as f32 / 1000.0,
        }),
        interval_days: ivl.min(36_500),
        reps: s.reps + 1,
        lapses: s.lapses + u32::from(rating == Rating::Again),
        last_review: Some(time),
        ..Default::default()
    }
}

fn build(dir: &Path) {
    let t = Instant::now();
    let _ = std::fs::remove_dir_all(dir);
    let (mut store, _) = Store::open(dir).expect("open");
    let article = "The treaty limits deployed strategic warheads to 1,550. ".repeat(400);
    for d in 0..DECKS {
        let cards = (0..CARDS_PER_DECK).map(|c| card(d, c)).collect();
        store
            .add_deck(&deck_name(d), &format!("Deck {d}"), &article, cards)
            .expect("add deck");
    }
    drop(store);

    let mut states = vec![CardState::default(); DECKS * CARDS_PER_DECK];
    let names: Vec<String> = (0..DECKS).map(deck_name).collect();
    let ids: Vec<String> = (0..DECKS * CARDS_PER_DECK)
        .map(|i| card_id(i / CARDS_PER_DECK, i % CARDS_PER_DECK))
        .collect();
    let f = std::fs::OpenOptions::new()
        .append(true)
        .open(dir.join("reviews.jsonl"))
        .expect("log");
    let mut w = BufWriter::with_capacity(8 << 20, f);
    let mut rng = Rng(2024);
    for seq in 1..=REVIEWS {
        let i = rng.below(states.len() as u64) as usize;
        let time = 1_600_000_000 + seq as i64 * 60;
        let rating = Rating::ALL[[0, 1, 2, 2, 2, 2, 2, 3][rng.below(8) as usize]];
        let after = next_state(&mut rng, &states[i], rating, time);
        let r = Review {
            seq,
            time,
            deck: names[i / CARDS_PER_DECK].clone(),
            card: ids[i].clone(),
            rating,
            taken_ms: 1_000 + rng.below(20_000) as u32,
            before: std::mem::replace(&mut states[i], after.clone()),
            after,
        };
        serde_json::to_writer(&mut w, &Line::Review(&r)).expect("write");
        w.write_all(b"\n").expect("write");
    }
    w.into_inner().expect("flush").sync_all().expect("sync");
    let size = |n: &str| std::fs::metadata(dir.join(n)).map_or(0, |m| m.len());
    println!(
        "built {} decks x {} cards, {} reviews in {:.1} s: collection.json {:.1} MB, reviews.jsonl {:.0} MB ({} bytes/line)",
        DECKS,
        CARDS_PER_DECK,
        REVIEWS,
        t.elapsed().as_secs_f64(),
        size("collection.json") as f64 / 1e6,
        size("reviews.jsonl") as f64 / 1e6,
        size("reviews.jsonl") / REVIEWS
    );
}

/// A field of /proc/self/status in MB (Linux).
fn status_mb(field: &str) -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with(field))
                .and_then(|l| l.split_whitespace().nth(1)?.parse::<f64>().ok())
        })
        .map_or(f64::NAN, |kb| kb / 1024.0)
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

fn measure(mode: &str, dir: &Path) {
    let base = status_mb("VmRSS:");
    let t = Instant::now();
    let (mut store, notices) = Store::open(dir).expect("open");
    let load = t.elapsed();
    let hwm = status_mb("VmHWM:");
    let rss = status_mb("VmRSS:");
    assert!(notices.is_empty(), "{notices:?}");
    let cards: usize = store.decks().iter().map(|d| d.cards.len()).sum();
    println!(
        "[{mode}] open: {:.0} ms for {} cards, {} reviews; peak RSS {:.0} MB (after open {:.0} MB, before {:.1} MB)",
        ms(load),
        cards,
        store.review_count(),
        hwm,
        rss,
        base
    );
    if mode == "replay" {
        let t = Instant::now();
        store.save().expect("save");
        println!("[{mode}] checkpoint save: {:.1} ms", ms(t.elapsed()));
        return;
    }

    let mut rng = Rng(7);
    let mut times = Vec::new();
    for k in 0..100 {
        let d = &store.decks()[k % DECKS];
        let c = &d.cards[rng.below(CARDS_PER_DECK as u64) as usize];
        let before = d.state(&c.id);
        let time = 1_700_000_000 + k as i64;
        let after = next_state(&mut rng, &before, Rating::Good, time);
        let r = Review {
            seq: 0,
            time,
            deck: d.name.clone(),
            card: c.id.clone(),
            rating: Rating::Good,
            taken_ms: 4_000,
            before,
            after,
        };
        let t = Instant::now();
        store.record_review(r).expect("record");
        times.push(t.elapsed());
    }
    times.sort();
    println!(
        "[{mode}] record_review incl. fsync, 100 answers: median {:.2} ms, p90 {:.2} ms, max {:.2} ms",
        ms(times[50]),
        ms(times[90]),
        ms(times[99])
    );
    let t = Instant::now();
    for _ in 0..10 {
        store.undo_last().expect("undo");
    }
    println!(
        "[{mode}] undo_last incl. fsync: {:.2} ms each",
        ms(t.elapsed()) / 10.0
    );
    let t = Instant::now();
    store.save().expect("save");
    println!(
        "[{mode}] save (5,000 cards, atomic rewrite + backup + fsyncs): {:.1} ms",
        ms(t.elapsed())
    );
    let t = Instant::now();
    let again = store
        .reviews()
        .filter(|r| r.rating == Rating::Again)
        .count();
    println!(
        "[{mode}] reviews(): expanded {} reviews in {:.0} ms ({again} Again)",
        store.review_count(),
        ms(t.elapsed())
    );
    // `treatydeck stats`: every deck's numbers over the whole history.
    let sched = treatydeck::core::scheduler::Scheduler::new(store.settings()).expect("scheduler");
    let t = Instant::now();
    // "Now" is just after the newest review, so the last 30 days are full.
    let now = store.reviews().map(|r| r.time).max().unwrap_or(0) + 60;
    let recent = store
        .reviews()
        .filter(|r| r.time >= now - 30 * 86_400)
        .count();
    let stats = treatydeck::cli::all_deck_stats(&store, &sched, now);
    println!(
        "[{mode}] stats for {} decks over {} reviews ({recent} in the last 30 days): {:.0} ms",
        stats.len(),
        store.review_count(),
        ms(t.elapsed())
    );
    println!("[{mode}] peak RSS at end: {:.0} MB", status_mb("VmHWM:"));
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if args.len() == 4 && args[1] == "--measure" {
        measure(&args[2], Path::new(&args[3]));
        return;
    }
    let dir = args
        .get(1)
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("target/bench_store_data"));
    build(&dir);
    let exe = std::env::current_exe().expect("own path");
    for mode in ["replay", "steady"] {
        let ok = Command::new(&exe)
            .arg("--measure")
            .arg(mode)
            .arg(&dir)
            .status()
            .is_ok_and(|s| s.success());
        assert!(ok, "{mode} run failed");
    }
    let _ = std::fs::remove_dir_all(&dir);
}
