//! Generator throughput and linearity on one core.
//!
//! `cargo run --release --example bench_generate [MB...]` (or `-- --once`:
//! every article once, for an instruction-count profiler)
//!
//! Builds article collections of 1 MB and 10 MB (and any sizes given) from
//! the built-in deck and the test articles, then times:
//! * the collection as separate articles (the normal use), words per second;
//! * the collection as one document, to show that time grows linearly.

use std::time::{Duration, Instant};

/// The same global allocator as the `treatydeck` binary, so the figures are
/// the app's.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn articles() -> Vec<String> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut v =
        vec![std::fs::read_to_string(root.join("decks/open-skies-2021.txt")).expect("deck")];
    if let Ok(rd) = std::fs::read_dir(root.join("tests/data/articles")) {
        let mut paths: Vec<_> = rd.filter_map(|e| e.ok()).map(|e| e.path()).collect();
        paths.sort();
        for p in paths {
            if let Ok(t) = std::fs::read_to_string(&p) {
                v.push(t);
            }
        }
    }
    v
}

fn collection(arts: &[String], bytes: usize) -> Vec<String> {
    let mut out = Vec::new();
    let mut total = 0;
    let mut i = 0;
    while total < bytes {
        let a = &arts[i % arts.len()];
        total += a.len();
        out.push(a.clone());
        i += 1;
    }
    out
}

fn words(s: &str) -> usize {
    s.split_whitespace().count()
}

fn best_of<F: FnMut()>(runs: usize, mut f: F) -> Duration {
    (0..runs)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed()
        })
        .min()
        .unwrap_or_default()
}

fn main() {
    let arts = articles();
    // `--once`: each article once, for an instruction-count profiler
    // (`valgrind --tool=callgrind`), where timing loops only add noise.
    if std::env::args().any(|a| a == "--once") {
        let cards: usize = arts
            .iter()
            .map(|a| treatydeck::generate(a).map(|g| g.cards.len()).unwrap_or(0))
            .sum();
        println!("{} articles, {cards} cards", arts.len());
        return;
    }
    let mut sizes: Vec<usize> = std::env::args()
        .skip(1)
        .filter_map(|a| a.parse().ok())
        .collect();
    if sizes.is_empty() {
        sizes = vec![1, 10];
    }
    // Warm the gazetteer tables once.
    let _ = treatydeck::generate(&arts[0]);
    println!(
        "size    articles  words       separate: time   words/s     one document: time   words/s"
    );
    let mut base: Option<(usize, f64)> = None;
    for mb in sizes {
        let coll = collection(&arts, mb * 1024 * 1024);
        let n_words: usize = coll.iter().map(|a| words(a)).sum();
        let runs = if mb <= 10 { 3 } else { 1 };
        let mut cards = 0;
        let sep = best_of(runs, || {
            cards = coll
                .iter()
                .map(|a| treatydeck::generate(a).map(|g| g.cards.len()).unwrap_or(0))
                .sum();
        });
        let doc = coll.join("\n\n");
        let one = best_of(runs, || {
            let g = treatydeck::generate(&doc).expect("generate");
            std::hint::black_box(g.cards.len());
        });
        let wps = n_words as f64 / sep.as_secs_f64();
        let wps_one = n_words as f64 / one.as_secs_f64();
        println!(
            "{mb:>3} MB  {:>8}  {n_words:>10}  {:>12.3} s  {wps:>10.0}  {:>12.3} s  {wps_one:>10.0}   ({cards} cards)",
            coll.len(),
            sep.as_secs_f64(),
            one.as_secs_f64()
        );
        match base {
            None => base = Some((mb, one.as_secs_f64())),
            Some((bmb, bt)) => println!(
                "        linearity: {mb} MB / {bmb} MB one-document time = {:.2} (size ratio {:.1})",
                one.as_secs_f64() / bt,
                mb as f64 / bmb as f64
            ),
        }
    }
}
