#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;
fn main() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut v = vec![std::fs::read_to_string(root.join("decks/open-skies-2021.txt")).unwrap()];
    let mut paths: Vec<_> = std::fs::read_dir(root.join("tests/data/articles"))
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .collect();
    paths.sort();
    for p in paths {
        v.push(std::fs::read_to_string(&p).unwrap());
    }
    let reps: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(200);
    let t = std::time::Instant::now();
    let mut words = 0;
    let mut cards = 0;
    for _ in 0..reps {
        for a in &v {
            words += a.split_whitespace().count();
            cards += treatydeck::generate(a).map(|g| g.cards.len()).unwrap_or(0);
        }
    }
    let s = t.elapsed().as_secs_f64();
    println!(
        "{words} words {cards} cards {:.3}s {:.0} w/s",
        s,
        words as f64 / s
    );
}
