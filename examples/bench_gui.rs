//! Desktop-app frame time, memory and time to first frame, headless.
//!
//! `cargo run --release --example bench_gui`
//!
//! Builds a data folder in the temp dir with 10,000 cards (20 synthetic
//! decks of 500 cards; 2,000 of them with a review state, 300 real
//! reviews through the scheduler) and drives the real `TreatyApp` through
//! egui_kittest's `Harness` at 1280x800 (no display, no GPU: a frame here
//! is egui's layout plus the AccessKit tree, not painting). It reports the
//! CPU time per frame (this thread's, `CLOCK_THREAD_CPUTIME_ID`; Linux)
//! on Decks, Study, Statistics and Browse while scrolling, median and p95
//! over 200 frames. Then, each in a fresh child process on a folder with
//! only the built-in deck: the time from process start to the first frame
//! done, and VmRSS / VmHWM after 100 frames over every screen.
//!
//! The real window (glow, Mesa llvmpipe) under Xvfb, from launch until
//! the window exists:
//!
//! ```sh
//! cargo build --release
//! xvfb-run -a -s "-screen 0 1280x800x24 -nolisten tcp" sh -c '
//!   D=$(mktemp -d); t0=$(date +%s%N)
//!   TREATYDECK_DATA_DIR=$D target/release/treatydeck & P=$!
//!   until xdotool search --name TreatyDeck >/dev/null 2>&1; do sleep 0.005; done
//!   t1=$(date +%s%N)
//!   echo "window after $(( (t1 - t0) / 1000000 )) ms"
//!   sleep 2; grep -E "VmRSS|VmHWM" /proc/$P/status; kill $P'
//! ```
//!
//! (`xdotool search --sync` polls only every 0.5 s, hence the loop.)

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use treatydeck::Card;
use treatydeck::cli::{now_secs, open_store};
use treatydeck::core::model::{CardState, Memory, Queue, Rating, Review, Settings};
use treatydeck::core::scheduler::Scheduler;
use treatydeck::gui::{Screen, TreatyApp};
use treatydeck::store::Store;

const DECKS: usize = 20;
const CARDS_PER_DECK: usize = 500;
const STATED_PER_DECK: usize = 100;
const REVIEWS: usize = 300;
const FRAMES: usize = 200;
const KINDS: [&str; 6] = ["date", "party", "treaty", "speaker", "role", "number"];
const WORDS: [&str; 12] = [
    "missiles",
    "inspections",
    "warheads",
    "observation",
    "flights",
    "verification",
    "launchers",
    "ratification",
    "withdrawal",
    "moratorium",
    "stockpiles",
    "delegations",
];

#[path = "support/rng.rs"]
mod rng;
use rng::Rng;

fn card(d: usize, c: usize) -> Card {
    let w = WORDS[(c * 7 + d) % WORDS.len()];
    let year = 1960 + (c * 13 + d) % 60;
    serde_json::from_value(serde_json::json!({
        "id": format!("{:016x}", ((d * 1_000_003 + c) as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15)),
        "kind": KINDS[c % KINDS.len()],
        "question": format!("In which year did the parties agree on the {w} clause number {c} of treaty {d}?"),
        "answer": year.to_string(),
        "accept": [format!("in {year}")],
        "choices": [year.to_string(), (year + 1).to_string(), (year + 5).to_string(), (year - 3).to_string()],
        "sentence": format!("In {year} the parties agreed on the {w} clause number {c} of treaty {d}, after long talks."),
        "sentence_index": c,
        "paragraph": c / 5,
        "cloze": format!("In ___ the parties agreed on the {w} clause number {c} of treaty {d}, after long talks."),
    }))
    .expect("card JSON")
}

/// The 10,000-card folder: decks through the store, some states, some
/// real reviews.
fn build_big(dir: &Path) {
    let (mut store, _) = Store::open(dir).expect("open store");
    let sched = Scheduler::new(&Settings::default()).expect("scheduler");
    let now = now_secs();
    let mut rng = Rng(7);
    for d in 0..DECKS {
        let name = format!("treaty-{d:02}");
        let cards: Vec<Card> = (0..CARDS_PER_DECK).map(|c| card(d, c)).collect();
        let states: Vec<(String, CardState)> = cards
            .iter()
            .take(STATED_PER_DECK)
            .map(|c| {
                let stability = 0.5 + rng.below(4000) as f32 / 40.0;
                let state = CardState {
                    queue: Queue::Review,
                    due: now + rng.below(60 * 86_400) as i64 - 20 * 86_400,
                    memory: Some(Memory {
                        stability,
                        difficulty: 1.0 + rng.below(90) as f32 / 10.0,
                    }),
                    interval_days: stability.round() as u32 + 1,
                    reps: 1 + rng.below(10) as u32,
                    lapses: rng.below(4) as u32,
                    last_review: Some(now - 86_400),
                    suspended: rng.below(50) == 0,
                    ..CardState::default()
                };
                (c.id.clone(), state)
            })
            .collect();
        store
            .add_deck(&name, &format!("Treaty {d}"), "A synthetic article.", cards)
            .expect("add deck");
        store.set_states(&name, states).expect("states");
    }
    for i in 0..REVIEWS {
        let deck = format!("treaty-{:02}", i % DECKS);
        let id = card(i % DECKS, STATED_PER_DECK + i / DECKS).id;
        let before = store.deck(&deck).expect("deck").state(&id);
        let rating = Rating::from_number(1 + (i % 4) as u8).expect("rating");
        let t = now - 3_600 + i as i64;
        let after = sched.answer(&id, &before, rating, t);
        let review = Review {
            seq: 0,
            time: t,
            deck,
            card: id,
            rating,
            taken_ms: 4_000,
            before,
            after,
        };
        store.record_review(review).expect("review");
    }
    store.save().expect("save");
}

#[repr(C)]
struct Timespec {
    tv_sec: i64,
    tv_nsec: i64,
}

unsafe extern "C" {
    fn clock_gettime(clock: i32, ts: *mut Timespec) -> i32;
}

/// CPU time of this thread so far (`CLOCK_THREAD_CPUTIME_ID`, Linux;
/// `/proc/thread-self/schedstat` only counts in scheduler ticks here).
fn thread_cpu() -> Duration {
    const CLOCK_THREAD_CPUTIME_ID: i32 = 3;
    let mut ts = Timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `ts` is a valid, writable timespec (64-bit Linux layout).
    let rc = unsafe { clock_gettime(CLOCK_THREAD_CPUTIME_ID, &mut ts) };
    if rc != 0 {
        return Duration::ZERO;
    }
    Duration::new(ts.tv_sec as u64, ts.tv_nsec as u32)
}

fn proc_status(field: &str) -> String {
    std::fs::read_to_string("/proc/self/status")
        .unwrap_or_default()
        .lines()
        .find(|l| l.starts_with(field))
        .map(|l| l[field.len() + 1..].trim().to_string())
        .unwrap_or_else(|| "?".into())
}

fn harness(store: Store) -> Harness<'static, TreatyApp> {
    Harness::builder()
        .with_size([1280.0, 800.0])
        .build_eframe(move |_cc| TreatyApp::new(store))
}

/// (median, p95, max) CPU ms and median wall ms of `FRAMES` frames.
struct Timing {
    median: f64,
    p95: f64,
    max: f64,
    wall: f64,
}

fn frames(
    h: &mut Harness<'static, TreatyApp>,
    mut before: impl FnMut(&mut Harness<'static, TreatyApp>, usize),
) -> Timing {
    let mut cpu = Vec::with_capacity(FRAMES);
    let mut wall = Vec::with_capacity(FRAMES);
    for i in 0..FRAMES {
        before(h, i);
        let (c0, w0) = (thread_cpu(), Instant::now());
        h.step();
        cpu.push((thread_cpu() - c0).as_secs_f64() * 1e3);
        wall.push(w0.elapsed().as_secs_f64() * 1e3);
    }
    cpu.sort_by(f64::total_cmp);
    wall.sort_by(f64::total_cmp);
    Timing {
        median: cpu[FRAMES / 2],
        p95: cpu[FRAMES * 95 / 100],
        max: cpu[FRAMES - 1],
        wall: wall[FRAMES / 2],
    }
}

fn scroll(h: &mut Harness<'static, TreatyApp>, dy: f32) {
    let input = h.input_mut();
    input
        .events
        .push(egui::Event::PointerMoved(egui::pos2(300.0, 400.0)));
    input.events.push(egui::Event::MouseWheel {
        unit: egui::MouseWheelUnit::Point,
        delta: egui::vec2(0.0, dy),
        phase: egui::TouchPhase::Move,
        source: egui::MouseWheelSource::Unknown,
        modifiers: egui::Modifiers::NONE,
    });
}

fn big_bench(dir: &Path) {
    let t = Instant::now();
    build_big(dir);
    println!(
        "Built {} cards in {} decks, {REVIEWS} reviews: {:.1} s",
        DECKS * CARDS_PER_DECK,
        DECKS,
        t.elapsed().as_secs_f64()
    );
    let t = Instant::now();
    let store = open_store(Some(dir.to_path_buf())).expect("open");
    println!(
        "Opened the store in {:.0} ms",
        t.elapsed().as_secs_f64() * 1e3
    );
    let mut h = harness(store);
    h.run();
    let mut rows: Vec<(String, Timing)> = Vec::new();
    rows.push(("Decks (20 decks)".into(), frames(&mut h, |_, _| {})));
    h.get_by_label("Study").click();
    h.run();
    rows.push(("Study (card on show)".into(), frames(&mut h, |_, _| {})));
    h.get_by_label("Statistics").click();
    h.run();
    rows.push(("Statistics".into(), frames(&mut h, |_, _| {})));
    h.get_by_label("Browse").click();
    let t0 = thread_cpu();
    h.step();
    let first_browse = (thread_cpu() - t0).as_secs_f64() * 1e3;
    h.run();
    assert_eq!(h.state().screen(), Screen::Browse);
    assert_eq!(h.state().browser().total(), DECKS * CARDS_PER_DECK);
    rows.push((
        "Browse, scrolling 10,000 rows".into(),
        frames(&mut h, |h, i| {
            scroll(h, if i < 150 { -400.0 } else { 800.0 })
        }),
    ));
    // Sort by due (10,000-row re-sort) and select a card (side panel).
    h.get_by_label("Due").click();
    let t0 = thread_cpu();
    h.step();
    let sort_ms = (thread_cpu() - t0).as_secs_f64() * 1e3;
    h.run();
    h.key_press(egui::Key::ArrowDown);
    h.run();
    rows.push((
        "Browse, card selected, scrolling".into(),
        frames(&mut h, |h, i| {
            scroll(h, if i % 2 == 0 { -300.0 } else { 300.0 })
        }),
    ));
    let t0 = thread_cpu();
    h.get_by_label("Search").focus();
    h.step();
    h.get_by_label("Search").type_text("withdrawal");
    h.step();
    let search_ms = (thread_cpu() - t0).as_secs_f64() * 1e3;
    h.run();
    let found = h.state().browser().shown();

    println!();
    println!(
        "{:<36} {:>9} {:>9} {:>9} {:>10}",
        "Frame CPU time (ms)", "median", "p95", "max", "wall med"
    );
    for (name, t) in &rows {
        println!(
            "{name:<36} {:>9.2} {:>9.2} {:>9.2} {:>10.2}",
            t.median, t.p95, t.max, t.wall
        );
    }
    println!();
    println!("First Browse frame (builds 10,000 rows): {first_browse:.1} ms CPU");
    println!("Sort 10,000 rows by due, one frame:      {sort_ms:.1} ms CPU");
    println!("Search \"withdrawal\" ({found} rows), 2 frames: {search_ms:.1} ms CPU");
    println!(
        "Process after the big run: VmRSS {}, VmHWM {}",
        proc_status("VmRSS:"),
        proc_status("VmHWM:")
    );
}

/// Child: the built-in deck only; print when the first frame is done,
/// then RSS after frames over every screen.
fn child(dir: &Path) {
    let t = Instant::now();
    let store = open_store(Some(dir.to_path_buf())).expect("open");
    let mut h = harness(store);
    h.step();
    println!("FIRST {:.1}", t.elapsed().as_secs_f64() * 1e3);
    for screen in [
        Screen::Decks,
        Screen::Study,
        Screen::Browse,
        Screen::Stats,
        Screen::Settings,
        Screen::Import,
        Screen::Browse,
    ] {
        h.state_mut().set_screen(screen);
        for _ in 0..14 {
            h.step();
        }
    }
    h.key_press(egui::Key::ArrowDown);
    h.run();
    println!("RSS {} | {}", proc_status("VmRSS:"), proc_status("VmHWM:"));
}

fn temp(tag: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("treatydeck-bench-gui-{tag}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).expect("temp dir");
    d
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if args.len() == 3 && args[1] == "--child" {
        child(Path::new(&args[2]));
        return;
    }
    let big = temp("big");
    big_bench(&big);
    let _ = std::fs::remove_dir_all(&big);

    // Fresh processes, built-in deck only (created on the first run).
    println!();
    println!(
        "{:<8} {:>22} {:>24} {:>12} {:>12}",
        "run", "start→first frame (ms)", "in main→first frame (ms)", "VmRSS", "VmHWM"
    );
    for run in 1..=3 {
        let small = temp(&format!("small{run}"));
        let t = Instant::now();
        let mut p = Command::new(std::env::current_exe().expect("exe"))
            .args(["--child", &small.display().to_string()])
            .stdout(Stdio::piped())
            .spawn()
            .expect("spawn child");
        let mut lines = BufReader::new(p.stdout.take().expect("stdout")).lines();
        let first = lines.next().and_then(Result::ok).unwrap_or_default();
        let spawn_ms = t.elapsed().as_secs_f64() * 1e3;
        let rss = lines.next().and_then(Result::ok).unwrap_or_default();
        let _ = p.wait();
        let (rss, hwm) = rss
            .trim_start_matches("RSS ")
            .split_once(" | ")
            .unwrap_or(("?", "?"));
        println!(
            "{run:<8} {spawn_ms:>22.1} {:>24} {rss:>12} {hwm:>12}",
            first.trim_start_matches("FIRST ")
        );
        let _ = std::fs::remove_dir_all(&small);
    }
    println!("(run 1 creates the built-in deck: generates its cards and saves the folder)");
}
