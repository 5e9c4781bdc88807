//! Helpers shared by the integration tests.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub fn data(rel: &str) -> PathBuf {
    root().join("tests/data").join(rel)
}

/// (name, article path, gold path) for every scored test article,
/// the built-in deck first.
pub fn scored_articles() -> Vec<(String, PathBuf, PathBuf)> {
    let mut out = vec![(
        "open-skies-2021".to_string(),
        root().join("decks/open-skies-2021.txt"),
        data("gold/open-skies-2021.gold.json"),
    )];
    let mut names: Vec<String> = std::fs::read_dir(data("articles"))
        .expect("tests/data/articles")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".txt"))
        .collect();
    names.sort();
    for n in names {
        let stem = n.trim_end_matches(".txt").to_string();
        let gold = data(&format!("gold/{stem}.gold.json"));
        assert!(gold.exists(), "no gold file for {n}");
        out.push((stem, data(&format!("articles/{n}")), gold));
    }
    out
}

/// The held-out set: articles written after the generator and first
/// scored as they came (tests/data/heldout), as (name, article, gold).
/// A second set of articles with gold under `tests/data/<set>/`: (name,
/// article path, gold path). `heldout` and `blind` were written by writers
/// who had not seen the generator.
pub fn article_set(set: &str) -> Vec<(String, PathBuf, PathBuf)> {
    let mut names: Vec<String> = std::fs::read_dir(data(&format!("{set}/articles")))
        .unwrap_or_else(|e| panic!("tests/data/{set}/articles: {e}"))
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".txt"))
        .collect();
    names.sort();
    names
        .into_iter()
        .map(|n| {
            let stem = n.trim_end_matches(".txt").to_string();
            let gold = data(&format!("{set}/gold/{stem}.gold.json"));
            assert!(gold.exists(), "no gold file for {set}/{n}");
            let article = data(&format!("{set}/articles/{n}"));
            (stem, article, gold)
        })
        .collect()
}

pub fn read_json(path: &Path) -> serde_json::Value {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Run the real binary with arguments.
pub fn treatydeck(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_treatydeck"))
        .args(args)
        .stdin(Stdio::null())
        .output()
        .expect("run treatydeck")
}

/// A fresh temporary directory for one test.
pub fn temp_dir(tag: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!(
        "treatydeck-test-{tag}-{}-{:?}",
        std::process::id(),
        std::thread::current().id()
    ));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).expect("temp dir");
    d
}

/// Generate cards through the library, as JSON (the contract).
pub fn generate_json(text: &str) -> serde_json::Value {
    let g = treatydeck::generate(text).expect("generate");
    serde_json::to_value(&g).expect("json")
}

/// Open the store in `dir`, waiting out the moment a child process spawned
/// by a test running in parallel still holds an inherited copy of the lock.
pub fn open_retry(dir: &Path) -> treatydeck::store::progress::Store {
    for _ in 0..100 {
        match treatydeck::cli::open_store(Some(dir.to_path_buf())) {
            Err(e) if e.0.contains("in use") => {
                std::thread::sleep(std::time::Duration::from_millis(20))
            }
            r => return r.expect("open store"),
        }
    }
    panic!("{} stayed locked", dir.display())
}

/// A data folder with the built-in deck, as a first start makes it.
pub fn fresh_store_dir(tag: &str) -> PathBuf {
    let dir = temp_dir(tag);
    drop(open_retry(&dir));
    dir
}

/// The real desktop app over the store in `dir`, headless at 1280x800,
/// after its first frames. A field that takes focus scrolls itself into
/// view over a few frames, so a run may take up to 12 steps.
pub fn app_harness(dir: &Path) -> egui_kittest::Harness<'static, treatydeck::gui::TreatyApp> {
    let store = open_retry(dir);
    let mut h = egui_kittest::Harness::builder()
        .with_size([1280.0, 800.0])
        .with_max_steps(12)
        .build_eframe(move |_cc| treatydeck::gui::TreatyApp::new(store));
    h.run();
    h
}
