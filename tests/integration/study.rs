//! The study, stats, decks and import commands against a real data folder.

use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdout, Command, ExitStatus, Output, Stdio};
use std::sync::mpsc;
use std::thread::{self, JoinHandle};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use treatydeck::core::model::Rating;
use treatydeck::store::progress::Store;

use crate::util::*;

const BUILTIN: &str = "open-skies-2021";
/// Longest a single run of the binary may take before the test gives up.
const PATIENCE: Duration = Duration::from_secs(60);

// ---------------------------------------------------------------- helpers

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_treatydeck"))
}

fn s(p: &Path) -> &str {
    p.to_str().expect("utf-8 temp path")
}

/// `treatydeck --data-dir DIR args...` with no stdin.
fn td(dir: &Path, args: &[&str]) -> Output {
    let mut all = vec!["--data-dir", s(dir)];
    all.extend_from_slice(args);
    treatydeck(&all)
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

/// Spawn `treatydeck --data-dir DIR study` with every stream piped.
fn spawn_study(dir: &Path) -> Child {
    bin()
        .arg("--data-dir")
        .arg(dir)
        .arg("study")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn treatydeck study")
}

/// Read a stream to its end on another thread.
fn slurp(mut r: impl Read + Send + 'static) -> JoinHandle<Vec<u8>> {
    thread::spawn(move || {
        let mut v = Vec::new();
        let _ = r.read_to_end(&mut v);
        v
    })
}

/// Wait for `child` at most `limit`; kill it and fail the test if it hangs.
fn wait_for(child: &mut Child, limit: Duration) -> ExitStatus {
    let deadline = Instant::now() + limit;
    loop {
        if let Some(st) = child.try_wait().expect("try_wait") {
            return st;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            panic!("treatydeck did not finish within {limit:?}");
        }
        thread::sleep(Duration::from_millis(5));
    }
}

/// Run `study` with `input` piped to stdin (then end of input).
fn study(dir: &Path, input: &str) -> Output {
    let mut child = spawn_study(dir);
    let out = slurp(child.stdout.take().unwrap());
    let err = slurp(child.stderr.take().unwrap());
    let mut stdin = child.stdin.take().unwrap();
    // The child may quit before reading everything: a broken pipe is fine.
    let _ = stdin.write_all(input.as_bytes());
    drop(stdin);
    let status = wait_for(&mut child, PATIENCE);
    Output {
        status,
        stdout: out.join().unwrap(),
        stderr: err.join().unwrap(),
    }
}

fn assert_ok(out: &Output) -> String {
    assert!(
        out.status.success(),
        "status {:?}\nstdout:\n{}\nstderr:\n{}",
        out.status,
        text(&out.stdout),
        text(&out.stderr)
    );
    text(&out.stdout)
}

/// Exit code 2, exactly one stderr line `treatydeck: error: ...` containing
/// `needle`, no panic.
fn assert_error(out: &Output, needle: &str) -> String {
    let err = text(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "stderr: {err}");
    assert_eq!(
        err.trim_end().lines().count(),
        1,
        "one line expected: {err}"
    );
    assert!(err.starts_with("treatydeck: error: "), "{err}");
    assert!(err.contains(needle), "{err:?} should mention {needle:?}");
    assert!(!err.contains("panicked"), "{err}");
    err
}

fn stats_json(dir: &Path) -> serde_json::Value {
    let out = td(dir, &["stats", "--json"]);
    let o = assert_ok(&out);
    serde_json::from_str(&o).unwrap_or_else(|e| panic!("stats --json: {e}\n{o}"))
}

fn deck_stats<'a>(v: &'a serde_json::Value, deck: &str) -> &'a serde_json::Value {
    v["decks"]
        .as_array()
        .expect("decks array")
        .iter()
        .find(|d| d["deck"] == deck)
        .unwrap_or_else(|| panic!("no deck {deck} in {v:#}"))
}

/// Lines of `reviews.jsonl`, parsed (all of them must be JSON).
fn log_lines(dir: &Path) -> Vec<serde_json::Value> {
    let t = std::fs::read_to_string(dir.join("reviews.jsonl")).expect("reviews.jsonl");
    assert!(t.is_empty() || t.ends_with('\n'), "unterminated log: {t:?}");
    t.lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect()
}

/// Open the store in this process (the binary must have ended).
fn open(dir: &Path) -> Store {
    let (store, notices) = Store::open(dir).unwrap_or_else(|e| panic!("Store::open: {e}"));
    assert!(notices.is_empty(), "unexpected notices: {notices:?}");
    store
}

fn builtin_cards() -> Vec<treatydeck::Card> {
    let t = treatydeck::core::builtin::get(BUILTIN).expect("built-in deck");
    treatydeck::generate(t).expect("generate built-in").cards
}

fn count(hay: &str, needle: &str) -> usize {
    hay.matches(needle).count()
}

// ---------------------------------------------------------------- tests

#[test]
fn decks_lists_the_builtin_deck() {
    let d = temp_dir("study-decks");
    let o = assert_ok(&td(&d, &["decks"]));
    let lines: Vec<&str> = o.lines().collect();
    assert_eq!(lines.len(), 2, "header and one deck: {o}");
    let head: Vec<&str> = lines[0].split_whitespace().collect();
    assert_eq!(head, ["deck", "new", "learning", "due", "title"], "{o}");
    let row: Vec<&str> = lines[1].split_whitespace().collect();
    assert_eq!(row[0], BUILTIN, "{o}");
    // 50 cards, 20 new a day by default, nothing studied yet.
    assert_eq!(&row[1..4], ["20", "0", "0"], "{o}");
    assert_eq!(
        row[4..].join(" "),
        "Russia leaves the Open Skies Treaty",
        "{o}"
    );
    // The first open saved the collection with the built-in deck.
    assert!(d.join("collection.json").is_file());
    let store = open(&d);
    assert_eq!(store.decks().len(), 1);
    assert_eq!(store.decks()[0].name, BUILTIN);
    assert_eq!(store.decks()[0].cards.len(), builtin_cards().len());
    assert_eq!(store.review_count(), 0);
}

#[test]
fn study_two_cards_by_piped_answers() {
    let d = temp_dir("study-two");
    let out = study(&d, "\n3\n\n3\n");
    let o = assert_ok(&out);
    assert_eq!(count(&o, "Recorded Good: next in "), 2, "{o}");
    assert!(o.contains("Session ended: 2 cards answered."), "{o}");
    assert!(o.contains("1 Again · "), "{o}");
    // The first card is the deck's first card (new cards in article order).
    let cards = builtin_cards();
    assert!(o.contains(&cards[0].question), "{o}");
    assert!(o.contains(&format!("Answer: {}", cards[0].answer)), "{o}");
    assert!(o.contains(&cards[1].question), "{o}");

    let v = stats_json(&d);
    assert_eq!(v["reviews_total"], 2, "{v:#}");
    let ds = deck_stats(&v, BUILTIN);
    assert_eq!(ds["reviews_today"], 2, "{v:#}");
    assert_eq!(ds["learning"], 2, "{v:#}");
    assert_eq!(ds["new"], 18, "{v:#}");

    let lines = log_lines(&d);
    assert_eq!(lines.len(), 2, "{lines:?}");
    for (i, l) in lines.iter().enumerate() {
        assert_eq!(l["review"]["seq"], i as u64 + 1, "{l}");
        assert_eq!(l["review"]["rating"], "good", "{l}");
        assert_eq!(l["review"]["deck"], BUILTIN, "{l}");
    }

    let store = open(&d);
    assert_eq!(store.review_count(), 2);
    let revs: Vec<_> = store.reviews().collect();
    assert!(revs.iter().all(|r| r.rating == Rating::Good));
    assert_eq!(revs[0].card, cards[0].id);
    assert_eq!(revs[1].card, cards[1].id);
}

#[test]
fn typed_spelling_variant_is_accepted() {
    let d = temp_dir("study-typed");
    let cards = builtin_cards();
    let first = &cards[0];
    // Another accepted spelling if the card has one, else the answer in
    // lowercase: both must count as correct.
    let typed = first
        .accept
        .first()
        .cloned()
        .unwrap_or_else(|| first.answer.to_lowercase());
    assert_ne!(typed, first.answer, "the test must type a variant");
    let out = study(&d, &format!("{typed}\n\n"));
    let o = assert_ok(&out);
    assert!(o.contains(&first.question), "{o}");
    assert!(o.contains("> Correct.\n"), "typed {typed:?}:\n{o}");
    assert!(o.contains("[Enter = 3 Good]"), "{o}");
    assert_eq!(count(&o, "Recorded Good: next in "), 1, "{o}");

    let v = stats_json(&d);
    assert_eq!(v["reviews_total"], 1, "{v:#}");
    assert_eq!(deck_stats(&v, BUILTIN)["reviews_today"], 1, "{v:#}");
    let store = open(&d);
    let revs: Vec<_> = store.reviews().collect();
    assert_eq!(revs.len(), 1);
    assert_eq!(revs[0].card, first.id);
    assert_eq!(revs[0].rating, Rating::Good);
}

#[test]
fn typo_and_wrong_answers_suggest_hard_and_again() {
    let d = temp_dir("study-typo");
    let cards = builtin_cards();
    // A typo needs a card whose answer has no digits and 5+ letters.
    let c = &cards[1];
    assert!(
        c.answer.chars().count() >= 5 && !c.answer.chars().any(|ch| ch.is_ascii_digit()),
        "second built-in card changed: {:?}",
        c.answer
    );
    let mut typo: Vec<char> = c.answer.chars().collect();
    typo.remove(2);
    let typo: String = typo.into_iter().collect();
    let input = format!("zzqx wvvk\n\n{typo}\n\n");
    let o = assert_ok(&study(&d, &input));
    assert!(o.contains("> Not quite.\n"), "{o}");
    assert!(o.contains("[Enter = 1 Again]"), "{o}");
    assert!(o.contains("Recorded Again: next in "), "{o}");
    assert!(
        o.contains("> Close (a small typo).\n"),
        "typed {typo:?}:\n{o}"
    );
    assert!(o.contains("[Enter = 2 Hard]"), "{o}");
    assert!(o.contains("Recorded Hard: next in "), "{o}");
    let store = open(&d);
    let ratings: Vec<Rating> = store.reviews().map(|r| r.rating).collect();
    assert_eq!(ratings, [Rating::Again, Rating::Hard]);
}

#[test]
fn undo_takes_back_the_last_answer() {
    let d = temp_dir("study-undo");
    let o = assert_ok(&study(&d, "\n3\n\nu\nq\n"));
    assert!(o.contains("Recorded Good"), "{o}");
    assert!(o.contains("Undid the last answer (Good)."), "{o}");
    assert!(o.contains("Session ended: 0 cards answered."), "{o}");

    let lines = log_lines(&d);
    assert_eq!(lines.len(), 2, "{lines:?}");
    assert_eq!(lines[0]["review"]["seq"], 1, "{}", lines[0]);
    assert_eq!(
        lines[1],
        serde_json::json!({"undo": {"seq": 2, "undoes": 1}}),
        "{}",
        lines[1]
    );
    let store = open(&d);
    assert_eq!(store.review_count(), 0);
    // The card is new again.
    let first = &builtin_cards()[0];
    let deck = store.deck(BUILTIN).unwrap();
    assert_eq!(deck.state(&first.id), Default::default());
    drop(store);
    let v = stats_json(&d);
    assert_eq!(v["reviews_total"], 0, "{v:#}");
    assert_eq!(deck_stats(&v, BUILTIN)["new"], 20, "{v:#}");
}

#[test]
fn quit_and_end_of_input_are_clean() {
    let d = temp_dir("study-quit");
    let out = study(&d, "q\n");
    let o = assert_ok(&out);
    assert!(o.contains("Session ended: 0 cards answered."), "{o}");
    assert!(out.stderr.is_empty(), "{}", text(&out.stderr));

    let out = study(&d, "");
    let o = assert_ok(&out);
    assert!(o.contains("Session ended: 0 cards answered."), "{o}");
    assert!(out.stderr.is_empty(), "{}", text(&out.stderr));

    // q at the grade prompt, and end of input there, record nothing either.
    assert_ok(&study(&d, "\nq\n"));
    assert_ok(&study(&d, "\n"));
    assert!(log_lines(&d).is_empty());
    assert_eq!(open(&d).review_count(), 0);
}

#[test]
fn import_adds_a_deck_and_bad_input_saves_nothing() {
    let d = temp_dir("study-import");
    let work = d.join("work");
    let data = d.join("data");
    std::fs::create_dir_all(&work).unwrap();
    let article = work.join("Arctic Accord.txt");
    std::fs::write(
        &article,
        "Title: Norway and Finland sign a border inspection accord\n\n\
         On March 3, 2019, Norway and Finland signed the Arctic Inspection Agreement in Oslo.\n\
         The agreement allows 12 observation flights a year over the border region.\n\
         Finnish Foreign Minister Timo Soini said the accord would reduce the risk of conflict.\n\
         The treaty entered into force in 2020.\n",
    )
    .unwrap();

    let o = assert_ok(&td(&data, &["import", s(&article)]));
    assert!(
        o.starts_with("Imported deck 'arctic-accord': "),
        "deck name from the file name: {o}"
    );
    assert!(
        o.contains("cards from \"Norway and Finland sign a border inspection accord\"."),
        "{o}"
    );
    let o = assert_ok(&td(&data, &["import", s(&article), "--name", "Arctic two"]));
    assert!(o.starts_with("Imported deck 'Arctic two': "), "{o}");

    let o = assert_ok(&td(&data, &["decks"]));
    let names: Vec<&str> = o.lines().skip(1).map(|l| &l[..28]).collect();
    let names: Vec<&str> = names.iter().map(|n| n.trim_end()).collect();
    assert_eq!(names, [BUILTIN, "arctic-accord", "Arctic two"], "{o}");
    assert!(
        o.contains("Norway and Finland sign a border inspection accord"),
        "{o}"
    );

    let coll = data.join("collection.json");
    let before = std::fs::read(&coll).unwrap();
    let listing = |p: &Path| -> Vec<String> {
        let mut v: Vec<String> = std::fs::read_dir(p)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        v.sort();
        v
    };
    let files_before = listing(&data);
    let backups_before = listing(&data.join("backups"));

    let binary = work.join("binary.txt");
    std::fs::write(&binary, b"\x7fELF\x02\x01\x01\0\0\0\0binary").unwrap();
    let empty = work.join("empty.txt");
    std::fs::write(&empty, "").unwrap();
    let missing = work.join("missing.txt");
    let folder = work.join("folder.md");
    std::fs::create_dir_all(&folder).unwrap();
    let cases: [(&Path, &str); 4] = [
        (&binary, "looks like a binary file"),
        (&empty, "the article is empty"),
        (&missing, "no such file"),
        (&folder, "is a directory"),
    ];
    for (path, needle) in cases {
        let out = td(&data, &["import", s(path)]);
        let err = assert_error(&out, needle);
        assert!(err.contains(s(path)), "names the file: {err}");
        assert!(out.stdout.is_empty(), "{}", text(&out.stdout));
        assert_eq!(std::fs::read(&coll).unwrap(), before, "after {path:?}");
    }
    // The same name twice.
    let out = td(&data, &["import", s(&article)]);
    assert_error(
        &out,
        "a deck named 'arctic-accord' already exists; choose another name",
    );
    let out = td(&data, &["import", s(&empty), "--name", "Arctic two"]);
    assert_error(&out, "the article is empty");
    let out = td(&data, &["import", s(&article), "--name", "Arctic two"]);
    assert_error(
        &out,
        "a deck named 'Arctic two' already exists; choose another name",
    );

    assert_eq!(std::fs::read(&coll).unwrap(), before);
    assert_eq!(listing(&data), files_before);
    assert_eq!(listing(&data.join("backups")), backups_before);
    assert!(log_lines(&data).is_empty());
    let store = open(&data);
    assert_eq!(store.decks().len(), 3);
    // The deck holds exactly what the generator makes of the article.
    let expected = generate_json(&std::fs::read_to_string(&article).unwrap())["cards"]
        .as_array()
        .map_or(0, Vec::len);
    assert!(expected > 0);
    assert_eq!(store.deck("arctic-accord").unwrap().cards.len(), expected);
}

#[test]
fn second_instance_is_refused_while_studying() {
    let d = temp_dir("study-lock");
    let mut child = spawn_study(&d);
    let stdin = child.stdin.take().unwrap();
    let mut stdout = child.stdout.take().unwrap();
    let err = slurp(child.stderr.take().unwrap());
    let (tx, rx) = mpsc::channel::<Vec<u8>>();
    let reader = thread::spawn(move || {
        let mut buf = [0u8; 4096];
        loop {
            match stdout.read(&mut buf) {
                Ok(0) | Err(_) => break,
                Ok(n) => {
                    if tx.send(buf[..n].to_vec()).is_err() {
                        break;
                    }
                }
            }
        }
    });
    // Wait for the first question's prompt.
    let first = &builtin_cards()[0];
    let deadline = Instant::now() + Duration::from_secs(10);
    let mut seen = Vec::new();
    while !(text(&seen).contains(&first.question) && text(&seen).ends_with("> ")) {
        let left = deadline.saturating_duration_since(Instant::now());
        match rx.recv_timeout(left) {
            Ok(chunk) => seen.extend(chunk),
            Err(_) => {
                let _ = child.kill();
                let _ = child.wait();
                panic!("no question within 10 s; stdout so far:\n{}", text(&seen));
            }
        }
    }

    let out = td(&d, &["stats"]);
    let e = assert_error(&out, "is in use by another running TreatyDeck");
    assert!(e.contains(s(&d)), "names the folder: {e}");
    assert!(out.stdout.is_empty());
    let out = td(&d, &["import", BUILTIN, "--name", "again"]);
    assert_error(&out, "is in use by another running TreatyDeck");

    // End of input ends the session cleanly.
    drop(stdin);
    let status = wait_for(&mut child, PATIENCE);
    reader.join().unwrap();
    seen.extend(rx.try_iter().flatten());
    assert!(
        status.success(),
        "{status:?}: {}",
        text(&err.join().unwrap())
    );
    assert!(text(&seen).contains("Session ended: 0 cards answered."));
    // And the folder is free again.
    let v = stats_json(&d);
    assert_eq!(v["reviews_total"], 0);
    assert_eq!(v["decks"].as_array().unwrap().len(), 1, "{v:#}");
}

#[test]
fn corrupt_collection_is_moved_aside_not_lost() {
    let d = temp_dir("study-corrupt");
    assert_ok(&study(&d, "\n3\n"));
    let coll = d.join("collection.json");
    let garbage = b"{\"format\": \"treatydeck-collection\", \"vers\x01\x02 garbage".to_vec();
    std::fs::write(&coll, &garbage).unwrap();
    // Study only appends to the log: the collection was saved once, on the
    // first open, with nothing before it, so there is no backup.
    let backups = d.join("backups");
    let had_backup = std::fs::read_dir(&backups).is_ok_and(|mut r| r.next().is_some());
    assert!(!had_backup, "no save should have made a backup yet");

    let out = td(&d, &["stats", "--json"]);
    let o = assert_ok(&out);
    let err = text(&out.stderr);
    let corrupt: Vec<PathBuf> = std::fs::read_dir(&d)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            p.file_name()
                .unwrap()
                .to_string_lossy()
                .starts_with("collection.json.corrupt-")
        })
        .collect();
    assert_eq!(corrupt.len(), 1, "{corrupt:?}");
    let aside = corrupt[0]
        .file_name()
        .unwrap()
        .to_string_lossy()
        .into_owned();
    assert_eq!(std::fs::read(&corrupt[0]).unwrap(), garbage);
    let note = err
        .lines()
        .find(|l| l.starts_with("treatydeck: note: ") && l.contains(&aside))
        .unwrap_or_else(|| panic!("no note naming {aside}: {err}"));
    assert!(note.contains("could not be read"), "{note}");
    assert!(note.contains("there is no readable backup"), "{note}");
    assert!(!err.contains("treatydeck: error"), "{err}");

    // The history is intact, and a fresh collection with the built-in deck
    // took the place of the garbage.
    let v: serde_json::Value = serde_json::from_str(&o).unwrap();
    assert_eq!(v["reviews_total"], 1, "{v:#}");
    deck_stats(&v, BUILTIN);
    assert_eq!(log_lines(&d).len(), 1);
    let bytes = std::fs::read(&coll).unwrap();
    let fresh: serde_json::Value = serde_json::from_slice(&bytes).expect("valid collection");
    assert_eq!(fresh["format"], "treatydeck-collection");
    // A second run has nothing left to repair.
    let out = td(&d, &["stats", "--json"]);
    assert_ok(&out);
    assert!(out.stderr.is_empty(), "{}", text(&out.stderr));
}

/// With a backup, the backup is restored and the log replayed onto it: the
/// answered card keeps its progress.
#[test]
fn corrupt_collection_with_a_backup_is_restored_and_replayed() {
    let d = temp_dir("study-corrupt-backup");
    let work = temp_dir("study-corrupt-backup-work");
    // A second save (an import) keeps the first collection as a backup.
    let article = work.join("accord.txt");
    std::fs::write(
        &article,
        "On March 3, 2019, Norway and Finland signed the Arctic Inspection Agreement.\n\
         The treaty entered into force in 2020.\n",
    )
    .unwrap();
    assert_ok(&td(&d, &["decks"]));
    assert_ok(&td(&d, &["import", s(&article)]));
    let o = assert_ok(&study(&d, "\n3\n"));
    assert!(o.contains("Recorded Good"), "{o}");
    std::fs::write(d.join("collection.json"), "not json at all").unwrap();

    let out = td(&d, &["stats", "--json"]);
    let o = assert_ok(&out);
    let err = text(&out.stderr);
    assert!(err.contains("collection.json.corrupt-"), "{err}");
    assert!(err.contains("was restored"), "{err}");
    let v: serde_json::Value = serde_json::from_str(&o).unwrap();
    assert_eq!(v["reviews_total"], 1, "{v:#}");
    let ds = deck_stats(&v, BUILTIN);
    assert_eq!(ds["learning"], 1, "the review was replayed: {v:#}");
    // The imported deck was only in the damaged file.
    assert_eq!(v["decks"].as_array().unwrap().len(), 1, "{v:#}");
}

/// Known bug (see the report): with no backup, the built-in deck is added
/// back with every card new and the logged reviews are never replayed onto
/// it, although `reviews.jsonl` holds each card's state after the answer.
#[test]
fn corrupt_collection_without_backup_keeps_card_progress() {
    let d = temp_dir("study-corrupt-progress");
    assert_ok(&study(&d, "\n3\n"));
    std::fs::write(d.join("collection.json"), "garbage").unwrap();
    let v = stats_json(&d);
    assert_eq!(v["reviews_total"], 1, "{v:#}");
    assert_eq!(deck_stats(&v, BUILTIN)["learning"], 1, "{v:#}");
}

// ---------------------------------------------------------------- crash

/// A pseudo-random number from a seed (splitmix64).
fn mix(mut x: u64) -> u64 {
    x = x.wrapping_add(0x9e37_79b9_7f4a_7c15);
    x = (x ^ (x >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

/// Count lines that report a recorded answer, until end of output.
fn count_recorded(stdout: ChildStdout) -> JoinHandle<usize> {
    thread::spawn(move || {
        let mut r = BufReader::new(stdout);
        let mut line = Vec::new();
        let mut n = 0;
        loop {
            line.clear();
            match r.read_until(b'\n', &mut line) {
                Ok(0) | Err(_) => break,
                Ok(_) => n += count(&String::from_utf8_lossy(&line), "Recorded "),
            }
        }
        n
    })
}

#[test]
fn crash_test_sigkill_while_studying() {
    use std::os::unix::process::ExitStatusExt;

    const ROUNDS: u64 = 25;
    let d = temp_dir("study-crash");
    // Mostly Again (cards stay in learning, so the session never runs
    // dry), some Good, Hard, and typed wrong answers accepted with Enter.
    const ANSWERS: &str = "\n1\n\n3\n\n1\nzzqx\n\n\n2\n\n1\n";
    let clock = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |t| t.as_nanos() as u64);
    let started = Instant::now();
    let mut printed_total = 0usize;
    let mut count_before = 0usize;
    let mut killed = 0;
    let mut in_flight = 0;
    for round in 0..ROUNDS {
        let delay = Duration::from_millis(5 + mix(clock ^ round.wrapping_mul(0x1000_0001)) % 396);
        let mut child = spawn_study(&d);
        let mut stdin = child.stdin.take().unwrap();
        let writer = thread::spawn(move || {
            let chunk = ANSWERS.repeat(64);
            // Ends with a broken pipe once the child is gone.
            while stdin.write_all(chunk.as_bytes()).is_ok() {}
        });
        let reader = count_recorded(child.stdout.take().unwrap());
        let err = slurp(child.stderr.take().unwrap());
        thread::sleep(delay);
        child.kill().expect("kill");
        let status = wait_for(&mut child, PATIENCE);
        writer.join().unwrap();
        let printed = reader.join().unwrap();
        let err = text(&err.join().unwrap());
        // Killed, or (if the queue ran dry) ended by itself: never an error.
        assert!(
            status.signal() == Some(9) || status.success(),
            "round {round}: {status:?}\n{err}"
        );
        if status.signal() == Some(9) {
            killed += 1;
        }
        assert!(!err.contains("treatydeck: error"), "round {round}: {err}");
        printed_total += printed;

        // Every complete line is JSON; only an unterminated last one may not be.
        let raw = std::fs::read(d.join("reviews.jsonl")).unwrap_or_default();
        let mut parts: Vec<&[u8]> = raw.split(|&b| b == b'\n').collect();
        let tail = parts.pop().unwrap_or_default();
        for (i, l) in parts.iter().enumerate() {
            let v: serde_json::Value = serde_json::from_slice(l)
                .unwrap_or_else(|e| panic!("round {round}, line {}: {e}: {}", i + 1, text(l)));
            assert!(v.get("review").is_some(), "round {round}: {v}");
        }
        let complete = parts.len();

        // The lock was released with the process.
        let (store, notices) = Store::open(&d)
            .unwrap_or_else(|e| panic!("round {round}: Store::open after SIGKILL: {e}"));
        for n in &notices {
            assert!(
                n.0.contains("The last line of reviews.jsonl")
                    || n.0.contains("collection.json.tmp"),
                "round {round}: unexpected notice: {n}"
            );
        }
        if tail.is_empty() {
            assert!(
                !notices.iter().any(|n| n.0.contains("last line")),
                "round {round}: {notices:?}"
            );
        }
        let n = store.review_count();
        assert_eq!(n, complete, "round {round}: one review per complete line");
        // Everything printed as recorded is on disk; at most the answer in
        // flight when the kill came is there without its message.
        assert!(
            n >= count_before + printed && n <= count_before + printed + 1,
            "round {round}: {n} reviews after {count_before} + {printed} printed"
        );
        assert!(
            n >= printed_total && n as u64 <= printed_total as u64 + round + 1,
            "round {round}: {n} reviews, {printed_total} printed in all"
        );
        let seqs: Vec<u64> = store.reviews().map(|r| r.seq).collect();
        assert!(seqs.windows(2).all(|w| w[0] < w[1]), "round {round}");
        if n > 0 {
            assert!(store.deck(BUILTIN).is_some(), "round {round}");
        }
        if n > count_before + printed {
            in_flight += 1;
        }
        eprintln!(
            "round {round}: killed after {delay:?}, {printed} printed, {} on disk, notices {notices:?}",
            n - count_before
        );
        count_before = n;
        drop(store);
        // After open, the log holds only complete lines.
        let after = log_lines(&d);
        assert_eq!(after.len(), n, "round {round}");
    }
    eprintln!(
        "crash test: {ROUNDS} rounds, {killed} killed mid-session, {in_flight} with an answer \
         recorded but not yet reported, {count_before} reviews, {:?}",
        started.elapsed()
    );
    assert!(
        killed >= ROUNDS / 2,
        "only {killed} of {ROUNDS} sessions were still running when killed"
    );
    assert!(
        count_before > 0,
        "no answer was recorded in {ROUNDS} rounds: the test proves nothing"
    );
    // The survivor still studies and reports.
    let o = assert_ok(&study(&d, "\n3\n"));
    assert!(
        o.contains("Recorded Good") || o.contains("Done for today"),
        "{o}"
    );
    let v = stats_json(&d);
    assert!(v["reviews_total"].as_u64().unwrap() as usize >= count_before);
}
