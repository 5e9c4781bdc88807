//! The command line: readable and JSON output, and bad input that gets one
//! clear line on stderr and a non-zero exit, never a panic.

use crate::util::*;

fn assert_clean_failure(out: &std::process::Output, needle: &str) {
    assert!(!out.status.success(), "should fail");
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(
        err.trim_end().lines().count(),
        1,
        "one line expected: {err}"
    );
    assert!(err.contains(needle), "{err:?} should mention {needle:?}");
    assert!(!err.contains("panicked"), "{err}");
    assert!(out.stdout.is_empty());
}

#[test]
fn generate_prints_readable_cards_and_json() {
    let out = treatydeck(&["generate", "open-skies-2021"]);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("== speaker"), "{text}");
    let out = treatydeck(&["generate", "decks/open-skies-2021.txt", "--json"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(v["cards"].as_array().unwrap().len() > 20);
}

#[test]
fn missing_file() {
    assert_clean_failure(
        &treatydeck(&["generate", "no/such/article.txt"]),
        "no such file",
    );
}

#[test]
fn directory() {
    let d = temp_dir("dir");
    assert_clean_failure(
        &treatydeck(&["generate", d.to_str().unwrap()]),
        "is a directory",
    );
}

#[test]
fn binary_and_non_utf8_files() {
    let d = temp_dir("bin");
    let bin = d.join("a.txt");
    std::fs::write(&bin, b"\x7fELF\x02\x01\x01\0\0\0\0binary").unwrap();
    assert_clean_failure(&treatydeck(&["generate", bin.to_str().unwrap()]), "binary");
    let latin1 = d.join("b.txt");
    std::fs::write(&latin1, b"Le trait\xe9 de 1987 est mort.").unwrap();
    assert_clean_failure(
        &treatydeck(&["generate", latin1.to_str().unwrap()]),
        "not UTF-8",
    );
}

#[test]
fn empty_and_factless_text() {
    let d = temp_dir("empty");
    let empty = d.join("empty.txt");
    std::fs::write(&empty, "  \n\n ").unwrap();
    assert_clean_failure(&treatydeck(&["generate", empty.to_str().unwrap()]), "empty");
    let dull = d.join("dull.md");
    std::fs::write(
        &dull,
        "it was a quiet day and nothing much happened at all, really.\n",
    )
    .unwrap();
    assert_clean_failure(
        &treatydeck(&["generate", dull.to_str().unwrap()]),
        "no facts",
    );
}

#[cfg(unix)]
#[test]
fn a_fifo_is_refused_without_hanging() {
    let d = temp_dir("fifo");
    let fifo = d.join("pipe.txt");
    let ok = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .map(|s| s.success())
        .unwrap_or(false);
    if !ok {
        eprintln!("mkfifo unavailable; skipped");
        return;
    }
    assert_clean_failure(
        &treatydeck(&["generate", fifo.to_str().unwrap()]),
        "not a regular file",
    );
}

#[test]
fn crlf_bom_markdown_article_works() {
    let d = temp_dir("md");
    let p = d.join("a.md");
    std::fs::write(
        &p,
        "\u{feff}# Test\r\n\r\nThe Soviet Union signed the INF Treaty on December 8, 1987.\r\nGorbachev said the treaty was historic.\r\n",
    )
    .unwrap();
    let out = treatydeck(&["generate", p.to_str().unwrap(), "--json"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["deck"]["title"], "Test");
    let answers: Vec<&str> = v["cards"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["answer"].as_str().unwrap())
        .collect();
    assert!(answers.contains(&"December 8, 1987"), "{answers:?}");
    assert!(answers.contains(&"INF Treaty"), "{answers:?}");
}

#[test]
fn settings_are_shown_changed_and_validated() {
    let d = temp_dir("settings");
    let dir = d.to_str().unwrap();
    let out = treatydeck(&["--data-dir", dir, "settings"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("desired retention   0.90"), "{text}");
    let out = treatydeck(&[
        "--data-dir",
        dir,
        "settings",
        "--desired-retention",
        "0.85",
        "--learning-steps",
        "1m 5m 20m",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let again = treatydeck(&["--data-dir", dir, "settings"]);
    let text = String::from_utf8_lossy(&again.stdout);
    assert!(
        text.contains("desired retention   0.85") && text.contains("1m 5m 20m"),
        "{text}"
    );
    let bad = treatydeck(&["--data-dir", dir, "settings", "--desired-retention", "0.99"]);
    assert_clean_failure(&bad, "between 0.70 and 0.97");
    let bad = treatydeck(&["--data-dir", dir, "settings", "--learning-steps", "soon"]);
    assert_clean_failure(&bad, "not a step");
}
