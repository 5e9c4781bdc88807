//! Interoperability: exports checked by Anki itself, backup/restore round
//! trips, merging two machines' data folders and sync-conflict copies.

use std::path::{Path, PathBuf};
use std::process::Command;

use treatydeck::store::{CardEdit, Store};

use crate::util::*;

fn run_ok(args: &[&str]) -> String {
    let out = treatydeck(args);
    assert!(
        out.status.success(),
        "treatydeck {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn p(path: &Path) -> &str {
    path.to_str().unwrap()
}

/// A data folder with the built-in deck, one card's text edited to carry
/// every character that needs escaping, and one card unticked.
fn tricky_data_dir(tag: &str) -> (PathBuf, String, String) {
    let dir = temp_dir(tag);
    let data = dir.join("data");
    let store = treatydeck::cli::open_store(Some(data.clone())).unwrap();
    drop(store);
    let (mut store, _) = Store::open(&data).unwrap();
    let deck = store.decks()[0].clone();
    let edited = deck.cards[1].id.clone();
    let removed = deck.cards[2].id.clone();
    store
        .edit_card(
            &deck.name,
            &edited,
            CardEdit {
                question: Some("Tab\there, <b>bold?</b> & \"quoted\" 'single'\nsecond line".into()),
                answer: Some("A & B < C > D".into()),
                accept: None,
            },
        )
        .unwrap();
    store.set_card_removed(&deck.name, &removed, true).unwrap();
    drop(store);
    (data, deck.name, edited)
}

#[test]
fn export_json_is_the_card_contract_with_edits_applied() {
    let (data, deck, edited) = tricky_data_dir("export-json");
    let out = data.parent().unwrap().join("deck.json");
    run_ok(&[
        "--data-dir",
        p(&data),
        "export",
        &deck,
        "--format",
        "json",
        "-o",
        p(&out),
    ]);
    let v = read_json(&out);
    let (store, _) = Store::open(&data).unwrap();
    let d = store.deck(&deck).unwrap();
    let cards = v["cards"].as_array().unwrap();
    assert_eq!(cards.len(), d.cards.len() - d.removed.len());
    let card = cards.iter().find(|c| c["id"] == edited.as_str()).unwrap();
    assert_eq!(card["answer"], "A & B < C > D");
    assert_eq!(v["deck"]["title"], d.title.as_str());
    // Same shape as `generate --json`: it parses as the library's type.
    let g: treatydeck::Generated = serde_json::from_value(v).unwrap();
    assert!(g.cards.iter().all(|c| !d.removed.contains(&c.id)));
}

#[test]
fn export_anki_txt_has_headers_and_one_line_per_card() {
    let (data, deck, _) = tricky_data_dir("export-txt");
    let out = data.parent().unwrap().join("deck.txt");
    run_ok(&[
        "--data-dir",
        p(&data),
        "export",
        &deck,
        "--format",
        "anki-txt",
        "-o",
        p(&out),
    ]);
    let text = std::fs::read_to_string(&out).unwrap();
    let (store, _) = Store::open(&data).unwrap();
    let n = store.deck(&deck).unwrap().active_cards().count();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(&lines[..2], &["#separator:tab", "#html:true"]);
    assert!(lines.contains(&format!("#deck:{deck}").as_str()));
    assert!(lines.contains(&"#tags column:3"));
    let body: Vec<&str> = lines
        .iter()
        .copied()
        .filter(|l| !l.starts_with('#'))
        .collect();
    assert_eq!(body.len(), n);
    for l in &body {
        let cols: Vec<&str> = l.split('\t').collect();
        assert_eq!(cols.len(), 3, "{l}");
        assert!(cols[2].starts_with("treatydeck kind::"), "{l}");
    }
    assert!(text.contains("Tab&#9;here, &lt;b&gt;bold?&lt;/b&gt; &amp; &quot;quoted&quot;"));
}

#[test]
fn export_refuses_unknown_deck_and_unwritable_file() {
    let dir = temp_dir("export-bad");
    let data = dir.join("data");
    let out = treatydeck(&[
        "--data-dir",
        p(&data),
        "export",
        "nope",
        "-o",
        p(&dir.join("x.apkg")),
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no deck named 'nope'"));
    let out = treatydeck(&[
        "--data-dir",
        p(&data),
        "export",
        "open-skies-2021",
        "-o",
        p(&dir.join("no/such/folder/x.apkg")),
    ]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("cannot write"), "{err}");
    assert!(!err.contains("panicked"), "{err}");
}

/// Export the deck in all three formats and let Anki (the `anki` package
/// from PyPI, pinned in tests/anki/run.sh) import the .apkg and the .txt
/// into fresh collections and compare every card with the JSON.
#[test]
fn anki_imports_apkg_and_txt() {
    if std::env::var("TREATYDECK_SKIP_ANKI").as_deref() == Ok("1") {
        eprintln!(
            "\n!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!\n\
             !!! TREATYDECK_SKIP_ANKI=1: the Anki import check was SKIPPED; the .apkg  !!!\n\
             !!! and .txt exports were NOT verified with Anki.                         !!!\n\
             !!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!\n"
        );
        return;
    }
    let (data, deck, _) = tricky_data_dir("anki");
    let dir = data.parent().unwrap().to_path_buf();
    let (json, apkg, txt) = (dir.join("d.json"), dir.join("d.apkg"), dir.join("d.txt"));
    for (fmt, f) in [("json", &json), ("apkg", &apkg), ("anki-txt", &txt)] {
        run_ok(&[
            "--data-dir",
            p(&data),
            "export",
            &deck,
            "--format",
            fmt,
            "-o",
            p(f),
        ]);
    }
    let t = std::time::Instant::now();
    let out = Command::new("bash")
        .arg(root().join("tests/anki/run.sh"))
        .args([p(&json), &deck, p(&apkg), p(&txt)])
        .output()
        .expect("run bash tests/anki/run.sh");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    eprintln!(
        "{stderr}{stdout}(anki check took {:.1} s)",
        t.elapsed().as_secs_f64()
    );
    match out.status.code() {
        Some(0) => {}
        Some(3) => panic!(
            "the Anki check could not run: {}\nSet TREATYDECK_SKIP_ANKI=1 to skip it on a machine without python3 or PyPI.",
            stderr.trim()
        ),
        _ => panic!("Anki did not import the exports intact:\n{stdout}{stderr}"),
    }
    let n = read_json(&json)["cards"].as_array().unwrap().len();
    assert!(
        stdout.contains(&format!("anki OK: {n} cards")),
        "unexpected checker output: {stdout}"
    );
}

// ------------------------------------------------------------ backup, merge

use treatydeck::core::model::{Rating, Review};
use treatydeck::core::scheduler::Scheduler;

const DAY: i64 = 86_400;
const T0: i64 = 1_780_000_000;

/// Run the binary with a fixed UTC offset (day boundaries in replays).
fn td(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_treatydeck"))
        .args(args)
        .env("TREATYDECK_UTC_OFFSET", "0")
        .stdin(std::process::Stdio::null())
        .output()
        .expect("run treatydeck")
}

fn td_ok(args: &[&str]) -> (String, String) {
    let out = td(args);
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(out.status.success(), "treatydeck {args:?} failed: {err}");
    assert!(!err.contains("panicked"), "{err}");
    (String::from_utf8(out.stdout).unwrap(), err)
}

/// A data folder with the built-in deck (as the app creates it).
fn fresh(dir: &Path) {
    drop(treatydeck::cli::open_store(Some(dir.to_path_buf())).unwrap());
}

/// Answer cards `cards` (indices into the deck) at `time`, one second
/// apart, through the scheduler (UTC offset 0), as studying would.
fn answer(dir: &Path, cards: std::ops::Range<usize>, time: i64, rating: Rating) {
    let (mut s, _) = Store::open(dir).unwrap();
    let sched = Scheduler::new(s.settings()).unwrap();
    let deck = s.decks()[0].clone();
    for (k, i) in cards.enumerate() {
        let id = deck.cards[i].id.clone();
        let t = time + k as i64;
        let before = s.deck(&deck.name).unwrap().state(&id);
        let after = sched.answer(&id, &before, rating, t);
        s.record_review(Review {
            seq: 0,
            time: t,
            deck: deck.name.clone(),
            card: id,
            rating,
            taken_ms: 1500 + k as u32,
            before,
            after,
        })
        .unwrap();
    }
}

fn reviews(dir: &Path) -> Vec<Review> {
    let (s, _) = Store::open(dir).unwrap();
    s.reviews().collect()
}

type Key = (String, String, i64, Rating, u32);

fn keys(rs: &[Review]) -> Vec<Key> {
    let mut k: Vec<Key> = rs
        .iter()
        .map(|r| (r.deck.clone(), r.card.clone(), r.time, r.rating, r.taken_ms))
        .collect();
    k.sort_by(|a, b| format!("{a:?}").cmp(&format!("{b:?}")));
    k
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for name in ["collection.json", "reviews.jsonl"] {
        std::fs::copy(from.join(name), to.join(name)).unwrap();
    }
}

/// Every card's state is what replaying its merged history gives, and the
/// log is numbered 1..n in time order.
fn assert_consistent(dir: &Path) {
    let (s, _) = Store::open(dir).unwrap();
    let rs: Vec<Review> = s.reviews().collect();
    for (i, r) in rs.iter().enumerate() {
        assert_eq!(r.seq, i as u64 + 1, "seq renumbered from 1");
        if i > 0 {
            assert!(rs[i - 1].time <= r.time, "time order");
        }
    }
    let sched = Scheduler::new(s.settings()).unwrap();
    for d in s.decks() {
        for c in &d.cards {
            let mine: Vec<&Review> = rs
                .iter()
                .filter(|r| r.deck == d.name && r.card == c.id)
                .collect();
            if mine.is_empty() {
                continue;
            }
            let want = sched.replay(&c.id, mine.iter().copied());
            assert_eq!(d.state(&c.id), want, "state of {} in {}", c.id, d.name);
            assert_eq!(d.state(&c.id).reps as usize, mine.len());
        }
    }
}

#[test]
fn backup_restore_backup_is_identical() {
    let dir = temp_dir("backup-rt");
    let (a, b) = (dir.join("a"), dir.join("b"));
    fresh(&a);
    answer(&a, 0..6, T0, Rating::Good);
    answer(&a, 0..3, T0 + DAY, Rating::Again);
    {
        let (mut s, _) = Store::open(&a).unwrap();
        let deck = s.decks()[0].clone();
        s.edit_card(
            &deck.name,
            &deck.cards[4].id,
            CardEdit {
                answer: Some("edited answer".into()),
                ..CardEdit::default()
            },
        )
        .unwrap();
        s.set_card_removed(&deck.name, &deck.cards[7].id, true)
            .unwrap();
        let mut st = s.settings().clone();
        st.new_per_day = 7;
        s.set_settings(st).unwrap();
        s.undo_last().unwrap();
    }
    td_ok(&[
        "--data-dir",
        p(&dir.join("x")),
        "import",
        p(&data("articles/ctbt-fact-sheet.txt")),
    ]);
    let (f1, f2) = (dir.join("one.json"), dir.join("two.json"));
    td_ok(&["--data-dir", p(&a), "backup", p(&f1)]);
    let (out, _) = td_ok(&["--data-dir", p(&b), "restore", p(&f1)]);
    assert!(out.contains("Restored 1 deck(s) and 8 review(s)"), "{out}");
    td_ok(&["--data-dir", p(&b), "backup", p(&f2)]);
    assert_eq!(std::fs::read(&f1).unwrap(), std::fs::read(&f2).unwrap());
    // What was restored is what the store reads back.
    assert_eq!(reviews(&a), reviews(&b));
    let (sa, _) = Store::open(&a).unwrap();
    let (sb, _) = Store::open(&b).unwrap();
    assert_eq!(sa.decks(), sb.decks());
    assert_eq!(sb.settings().new_per_day, 7);
    drop((sa, sb));

    // A collection with progress is not replaced without --force ...
    let out = td(&["--data-dir", p(&b), "restore", p(&f1)]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("--force"), "{err}");
    // ... and with it, the replaced files are kept.
    let other = dir.join("x");
    let (out, _) = td_ok(&["--data-dir", p(&other), "restore", "--force", p(&f1)]);
    assert!(out.contains("kept in"), "{out}");
    let kept: Vec<_> = std::fs::read_dir(other.join("backups"))
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| {
            e.file_name()
                .to_string_lossy()
                .starts_with("before-restore-")
        })
        .collect();
    assert_eq!(kept.len(), 1);
    let old = std::fs::read_to_string(kept[0].path().join("collection.json")).unwrap();
    assert!(
        old.contains("ctbt-fact-sheet"),
        "the replaced collection is kept"
    );
    assert_eq!(reviews(&other), reviews(&a));
}

#[test]
fn restore_refuses_a_file_that_is_not_a_backup() {
    let dir = temp_dir("restore-bad");
    let f = dir.join("x.json");
    std::fs::write(&f, b"{\"format\":\"something-else\"}").unwrap();
    let out = td(&["--data-dir", p(&dir.join("d")), "restore", p(&f)]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("not a TreatyDeck backup"), "{err}");
}

/// Two machines share a history (synced once), then study the same deck
/// on different days; each also has answers the other lacks.
fn two_machines(tag: &str) -> (PathBuf, PathBuf, PathBuf) {
    let dir = temp_dir(tag);
    let (a, b) = (dir.join("a"), dir.join("b"));
    fresh(&a);
    answer(&a, 0..5, T0, Rating::Good);
    copy_dir(&a, &b); // synced
    answer(&a, 0..3, T0 + DAY, Rating::Good); // day 2 on A
    answer(&b, 2..8, T0 + DAY + 3600, Rating::Hard); // day 2 on B, later
    answer(&b, 2..4, T0 + 3 * DAY, Rating::Again); // day 4 on B
    answer(&a, 0..2, T0 + 5 * DAY, Rating::Easy); // day 6 on A
    (dir, a, b)
}

#[test]
fn merge_unions_two_machines_histories_and_replays_states() {
    let (dir, a, b) = two_machines("merge");
    let (ra, rb) = (reviews(&a), reviews(&b));
    // B numbers its own seqs: the same seq means different answers.
    assert_eq!(ra.len(), 5 + 3 + 2);
    assert_eq!(rb.len(), 5 + 6 + 2);
    let mut want = keys(&ra);
    want.extend(keys(&rb[5..]));
    want.sort_by(|x, y| format!("{x:?}").cmp(&format!("{y:?}")));

    let (out, _) = td_ok(&["--data-dir", p(&a), "merge", p(&b)]);
    assert!(out.contains("8 new review(s), 5 already here"), "{out}");
    let merged = reviews(&a);
    assert_eq!(keys(&merged), want, "every review once, none twice");
    assert_consistent(&a);
    // Card 2 was answered on both machines: its state counts all of them.
    let (s, _) = Store::open(&a).unwrap();
    let c2 = s.decks()[0].cards[2].id.clone();
    assert_eq!(s.decks()[0].state(&c2).reps, 1 + 1 + 1 + 1);
    drop(s);
    // B was only read.
    assert_eq!(reviews(&b), rb);

    // Merging again changes nothing.
    let before = std::fs::read(a.join("reviews.jsonl")).unwrap();
    let (out, _) = td_ok(&["--data-dir", p(&a), "merge", p(&b)]);
    assert!(out.contains("Nothing new"), "{out}");
    assert_eq!(std::fs::read(a.join("reviews.jsonl")).unwrap(), before);

    // The other way round gives the same history.
    td_ok(&["--data-dir", p(&b), "merge", p(&a)]);
    assert_eq!(keys(&reviews(&b)), want);
    assert_consistent(&b);
    // The files replaced by the merge were kept.
    assert!(std::fs::read_dir(a.join("backups")).unwrap().any(|e| {
        e.unwrap()
            .file_name()
            .to_string_lossy()
            .starts_with("before-merge-")
    }));
    drop(dir);
}

#[test]
fn merge_adds_missing_decks_and_refuses_non_data_folders() {
    let dir = temp_dir("merge-decks");
    let (a, b) = (dir.join("a"), dir.join("b"));
    fresh(&a);
    fresh(&b);
    td_ok(&[
        "--data-dir",
        p(&b),
        "import",
        p(&data("articles/ctbt-fact-sheet.txt")),
        "--name",
        "ctbt",
    ]);
    let (out, _) = td_ok(&["--data-dir", p(&a), "merge", p(&b)]);
    assert!(out.contains("Added deck(s): ctbt"), "{out}");
    let (s, _) = Store::open(&a).unwrap();
    assert!(s.deck("ctbt").is_some());
    drop(s);
    let out = td(&["--data-dir", p(&a), "merge", p(&dir.join("nothing-here"))]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("not a TreatyDeck data folder"));
    let out = td(&["--data-dir", p(&a), "merge", p(&a)]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("is this data folder"));
}

#[test]
fn undone_answers_do_not_travel_in_a_merge() {
    let dir = temp_dir("merge-undo");
    let (a, b) = (dir.join("a"), dir.join("b"));
    fresh(&a);
    copy_dir(&a, &b);
    answer(&a, 0..1, T0, Rating::Again);
    {
        let (mut s, _) = Store::open(&a).unwrap();
        assert!(s.undo_last().unwrap().is_some());
    }
    answer(&a, 0..1, T0 + 5, Rating::Easy);
    answer(&b, 1..2, T0 + 10, Rating::Good);
    td_ok(&["--data-dir", p(&b), "merge", p(&a)]);
    let rs = reviews(&b);
    assert_eq!(rs.len(), 2);
    assert!(
        rs.iter().all(|r| r.rating != Rating::Again),
        "undone answer came back"
    );
    assert_consistent(&b);
}

#[test]
fn sync_conflict_copies_are_merged_and_moved_aside() {
    let (dir, a, b) = two_machines("conflict");
    let want = {
        let mut k = keys(&reviews(&a));
        k.extend(keys(&reviews(&b)[5..]));
        k.sort_by(|x, y| format!("{x:?}").cmp(&format!("{y:?}")));
        k
    };
    // Syncthing kept B's log as a conflict copy; Dropbox kept a collection
    // from a machine that has another deck.
    let log_copy = "reviews.sync-conflict-20260102-101010-ABCDEFG.jsonl";
    std::fs::copy(b.join("reviews.jsonl"), a.join(log_copy)).unwrap();
    let c = dir.join("c");
    fresh(&c);
    td_ok(&[
        "--data-dir",
        p(&c),
        "import",
        p(&data("articles/ctbt-fact-sheet.txt")),
        "--name",
        "ctbt",
    ]);
    let coll_copy = "collection (Jane's conflicted copy 2026-01-02).json";
    std::fs::copy(c.join("collection.json"), a.join(coll_copy)).unwrap();

    let (_, err) = td_ok(&["--data-dir", p(&a), "decks"]);
    assert!(
        err.contains(&format!(
            "Merged the sync-conflict copy {log_copy}: 8 new review(s)"
        )),
        "{err}"
    );
    assert!(err.contains("added deck(s) ctbt"), "{err}");
    assert_eq!(keys(&reviews(&a)), want);
    assert_consistent(&a);
    for name in [log_copy, coll_copy] {
        assert!(!a.join(name).exists(), "{name} still in the data folder");
        assert!(
            a.join("merged").join(name).is_file(),
            "{name} not in merged/"
        );
    }
    // Next open: nothing left to merge, no note.
    let (_, err) = td_ok(&["--data-dir", p(&a), "decks"]);
    assert!(!err.contains("sync-conflict"), "{err}");
}
