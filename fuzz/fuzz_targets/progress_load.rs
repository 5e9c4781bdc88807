//! The progress loader on arbitrary `collection.json` and `reviews.jsonl`
//! bytes: `Store::open` must repair or refuse with an error, never panic,
//! and a store it opens must read its history and save again.
//!
//! Input: 2 bytes (little-endian length n), n bytes of collection.json,
//! the rest is reviews.jsonl. Files live in /dev/shm (tmpfs: fsync is cheap).
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::path::PathBuf;
use std::sync::OnceLock;

fn dir() -> &'static PathBuf {
    static D: OnceLock<PathBuf> = OnceLock::new();
    D.get_or_init(|| {
        let base = if std::path::Path::new("/dev/shm").is_dir() {
            PathBuf::from("/dev/shm")
        } else {
            std::env::temp_dir()
        };
        base.join(format!("treatydeck-fuzz-{}", std::process::id()))
    })
}

fuzz_target!(|data: &[u8]| {
    if data.len() < 2 {
        return;
    }
    let n = usize::from(u16::from_le_bytes([data[0], data[1]])).min(data.len() - 2);
    let (coll, log) = data[2..].split_at(n);
    let d = dir();
    let _ = std::fs::remove_dir_all(d);
    std::fs::create_dir_all(d).unwrap();
    if !coll.is_empty() {
        std::fs::write(d.join("collection.json"), coll).unwrap();
    }
    std::fs::write(d.join("reviews.jsonl"), log).unwrap();
    if let Ok((mut store, _notices)) = treatydeck::store::Store::open(d) {
        let n = store.reviews().count();
        assert_eq!(n, store.review_count());
        for r in store.reviews() {
            assert!(r.seq < store.next_seq());
        }
        store.save().unwrap();
        drop(store);
        // What was saved must open again without repairs to the collection.
        let (again, _) = treatydeck::store::Store::open(d).unwrap();
        assert_eq!(again.review_count(), n);
    }
});
