//! Card scorer: a faithful Rust port of `/work/shared/eval/score.py`.
//!
//! Same rules and same numbers as the Python script (see its docstring):
//! a gold fact is covered when one card both cites the fact's sentence and has
//! the gold answer (or an accepted form, with at most three extra words) as its
//! answer; over all cards it counts leaks, repeated questions and broken
//! multiple-choice options.
//!
//! Known, documented deviations from the Python original:
//! * `fold` does not apply Unicode NFKC (no crate for it); it maps the curly
//!   quotes and dashes exactly like `QUOTES`, maps U+00A0 to a space and then
//!   lowercases.  Text whose NFKC form differs in `[a-z0-9]` characters
//!   (full-width letters, ligatures such as "ﬁ", superscript digits, the long
//!   s, decomposed accents such as "e\u{301}") can therefore give other words.
//! * Python's `str()`/`repr()` of non-string JSON values is emulated
//!   (`None`, `True`, `1.0`, `['a']` ...); the printability test used for
//!   string `repr` covers controls, separators and common format characters
//!   but not unassigned code points; JSON objects are rendered in serde_json's
//!   key order (sorted unless the `preserve_order` feature is on), not
//!   insertion order; integers beyond 64 bits are floats in serde_json.
//! * Where score.py would crash (a gold fact that is not an object or lacks
//!   `kind`/`sentence`/`answer`, `choices` or `accept` that cannot be
//!   iterated), this module panics with a message.  A gold fact without
//!   `question` only crashes score.py when it prints a MISSED line; here the
//!   question is then shown as an empty string.
//! * `difflib.SequenceMatcher(None, a, b)` is ported including the autojunk
//!   ("popular element") heuristic for `len(b) >= 200`; with `isjunk=None` the
//!   junk set is always empty, so the junk-extension loops are no-ops and
//!   omitted.
#![allow(dead_code)]

use serde_json::{Map, Value};
use std::collections::{BTreeMap, HashMap, HashSet};

/// The result of [`score`], the same numbers as `score.py --json` plus the
/// details behind its MISSED/LEAK/CHOICE lines.
#[derive(Debug, Clone, PartialEq)]
pub struct Score {
    /// Number of gold facts.
    pub gold: usize,
    /// Number of gold facts covered by some card.
    pub covered: usize,
    /// `round(covered / max(1, gold), 3)`, rounded like Python's `round`.
    pub recall: f64,
    /// Upper-cased kind -> (covered, total), sorted by kind.
    pub by_kind: BTreeMap<String, (usize, usize)>,
    /// Number of cards (JSON objects) scored.
    pub cards: usize,
    /// Questions of the leaking cards, in card order.
    pub leaks: Vec<String>,
    /// Number of cards whose normalized question repeats an earlier one.
    pub duplicates: usize,
    /// Number of cards with (truthy) `choices`.
    pub mc_cards: usize,
    /// `"question: problem; problem"` for each card with broken choices.
    pub bad_choices: Vec<String>,
    /// `"KIND question -> answer"` (kind upper-cased) for each missed fact.
    pub missed: Vec<String>,
    /// The MISSED/LEAK/CHOICE lines exactly as score.py prints them, in order.
    pub report: Vec<String>,
}

impl Score {
    /// What score.py prints without `--json`: the MISSED, LEAK and CHOICE
    /// lines, the "by kind:" line and the one-line summary, joined by `\n`
    /// (score.py's stdout minus its final newline).
    pub fn summary(&self) -> String {
        let mut lines = self.report.clone();
        let kinds: Vec<String> = self
            .by_kind
            .iter()
            .map(|(k, (c, t))| format!("{k} {c}/{t}"))
            .collect();
        lines.push(format!("by kind: {}", kinds.join(", ")));
        lines.push(self.summary_line());
        lines.join("\n")
    }

    /// score.py's last line only.
    pub fn summary_line(&self) -> String {
        format!(
            "recall {:.3} ({}/{})  cards {}  leaks {}  duplicates {}  bad_choices {}/{}",
            self.recall,
            self.covered,
            self.gold,
            self.cards,
            self.leaks.len(),
            self.duplicates,
            self.bad_choices.len(),
            self.mc_cards
        )
    }

    /// Cards per gold fact (`cards / max(1, gold)`).
    pub fn cards_per_gold(&self) -> f64 {
        self.cards as f64 / self.gold.max(1) as f64
    }

    /// The object `score.py --json` prints.  (Comparing its `recall` with
    /// JSON parsed by serde_json can be off by one ulp for some values unless
    /// serde_json's `float_roundtrip` feature is on.)
    pub fn to_json(&self) -> Value {
        let by_kind: Map<String, Value> = self
            .by_kind
            .iter()
            .map(|(k, (c, t))| (k.clone(), Value::String(format!("{c}/{t}"))))
            .collect();
        serde_json::json!({
            "gold": self.gold,
            "covered": self.covered,
            "recall": self.recall,
            "by_kind": by_kind,
            "cards": self.cards,
            "leaks": self.leaks.len(),
            "duplicates": self.duplicates,
            "mc_cards": self.mc_cards,
            "bad_choices": self.bad_choices.len(),
        })
    }
}

// ---------------------------------------------------------------------------
// Text normalization (fold, words, norm_answer, norm_sentence)

/// `fold`: QUOTES mapping, U+00A0 -> space, lowercase (no NFKC, see above).
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for ch in text.chars() {
        match ch {
            '\u{2018}' | '\u{2019}' => out.push('\''),
            '\u{201c}' | '\u{201d}' => out.push('"'),
            '\u{2013}' | '\u{2014}' => out.push('-'),
            '\u{00a0}' => out.push(' '),
            c => out.push(c),
        }
    }
    out.to_lowercase()
}

/// `re.findall(r"[a-z0-9]+", fold(text))`.
pub fn words(text: &str) -> Vec<String> {
    fold(text)
        .split(|c: char| !(c.is_ascii_lowercase() || c.is_ascii_digit()))
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

/// Words joined by single spaces, leading "the"/"a"/"an" words dropped.
pub fn norm_answer(text: &str) -> String {
    let w = words(text);
    let start = w
        .iter()
        .position(|x| !matches!(x.as_str(), "the" | "a" | "an"))
        .unwrap_or(w.len());
    w[start..].join(" ")
}

/// Words joined by single spaces.
pub fn norm_sentence(text: &str) -> String {
    words(text).join(" ")
}

/// Same sentence: equal, one contains the other, or word Jaccard >= 0.7.
pub fn same_sentence(a: &str, b: &str) -> bool {
    same_sentence_normed(&norm_sentence(a), &norm_sentence(b))
}

fn same_sentence_normed(a: &str, b: &str) -> bool {
    if a.is_empty() || b.is_empty() {
        return false;
    }
    if a == b || b.contains(a) || a.contains(b) {
        return true;
    }
    let sa: HashSet<&str> = a.split(' ').collect();
    let sb: HashSet<&str> = b.split(' ').collect();
    let inter = sa.intersection(&sb).count();
    let union = sa.union(&sb).count();
    inter as f64 / union as f64 >= 0.7
}

/// The accepted normalized forms of a gold fact (answer + accept, minus "").
fn gold_forms(gold: &Value) -> HashSet<String> {
    let answer = gold
        .get("answer")
        .unwrap_or_else(|| panic!("gold fact without \"answer\": {gold}"));
    let mut forms = HashSet::new();
    forms.insert(norm_answer(&py_str(answer)));
    if let Some(accept) = gold.get("accept") {
        for x in py_iter(accept, "gold \"accept\"") {
            forms.insert(norm_answer(&py_str(&x)));
        }
    }
    forms.remove("");
    forms
}

/// `answer_matches(card_answer, gold)` with a gold fact as JSON.
pub fn answer_matches(card_answer: &str, gold: &Value) -> bool {
    answer_matches_forms(&norm_answer(card_answer), &gold_forms(gold))
}

fn answer_matches_forms(got: &str, forms: &HashSet<String>) -> bool {
    if forms.contains(got) {
        return true;
    }
    let gw: Vec<&str> = got.split_whitespace().collect();
    for form in forms {
        let fw: Vec<&str> = form.split_whitespace().collect();
        if gw.len() <= fw.len() + 3 && gw.len() >= fw.len() {
            for i in 0..=(gw.len() - fw.len()) {
                if gw[i..i + fw.len()] == fw[..] {
                    return true;
                }
            }
        }
    }
    false
}

/// The sentence a card cites.
pub fn card_sentence(card: &Value) -> String {
    if let Some(Value::Object(src)) = card.get("source") {
        for key in ["sentence", "text"] {
            if let Some(v) = src.get(key)
                && py_truthy(v)
            {
                return py_str(v);
            }
        }
    }
    for key in ["sentence", "context", "source_sentence"] {
        if let Some(Value::String(s)) = card.get(key) {
            return s.clone();
        }
    }
    String::new()
}

/// True when `b` is a spelling variant of `a` (Zaharova/Zakharova).
pub fn is_variant(a: &str, b: &str) -> bool {
    let (na, nb) = (norm_answer(a), norm_answer(b));
    if na.is_empty() || nb.is_empty() {
        return false;
    }
    if na == nb {
        return true;
    }
    sequence_ratio(&na, &nb) >= 0.85
}

// ---------------------------------------------------------------------------
// difflib.SequenceMatcher (isjunk=None), over Unicode code points

/// A port of `difflib.SequenceMatcher(None, a, b, autojunk)`.
pub struct SequenceMatcher {
    a: Vec<char>,
    b: Vec<char>,
    b2j: HashMap<char, Vec<usize>>,
}

impl SequenceMatcher {
    pub fn new(a: &str, b: &str, autojunk: bool) -> Self {
        let a: Vec<char> = a.chars().collect();
        let b: Vec<char> = b.chars().collect();
        let mut b2j: HashMap<char, Vec<usize>> = HashMap::new();
        for (i, &elt) in b.iter().enumerate() {
            b2j.entry(elt).or_default().push(i);
        }
        // isjunk is None: no junk elements.  Purge popular elements.
        let n = b.len();
        if autojunk && n >= 200 {
            let ntest = n / 100 + 1;
            b2j.retain(|_, idxs| idxs.len() <= ntest);
        }
        SequenceMatcher { a, b, b2j }
    }

    /// Longest matching block in a[alo..ahi] and b[blo..bhi]: (i, j, size),
    /// earliest in a, then earliest in b, as difflib returns it.
    #[allow(clippy::needless_range_loop)] // kept index-based, like difflib
    pub fn find_longest_match(
        &self,
        alo: usize,
        ahi: usize,
        blo: usize,
        bhi: usize,
    ) -> (usize, usize, usize) {
        let (a, b) = (&self.a, &self.b);
        let (mut besti, mut bestj, mut bestsize) = (alo, blo, 0usize);
        let mut j2len: HashMap<usize, usize> = HashMap::new();
        for i in alo..ahi {
            let mut newj2len: HashMap<usize, usize> = HashMap::new();
            if let Some(js) = self.b2j.get(&a[i]) {
                for &j in js {
                    if j < blo {
                        continue;
                    }
                    if j >= bhi {
                        break;
                    }
                    let prev = if j == 0 {
                        0
                    } else {
                        j2len.get(&(j - 1)).copied().unwrap_or(0)
                    };
                    let k = prev + 1;
                    newj2len.insert(j, k);
                    if k > bestsize {
                        besti = i + 1 - k;
                        bestj = j + 1 - k;
                        bestsize = k;
                    }
                }
            }
            j2len = newj2len;
        }
        // Extend by non-junk elements on each end (popular elements are not
        // junk, so they are matched here).
        while besti > alo && bestj > blo && a[besti - 1] == b[bestj - 1] {
            besti -= 1;
            bestj -= 1;
            bestsize += 1;
        }
        while besti + bestsize < ahi
            && bestj + bestsize < bhi
            && a[besti + bestsize] == b[bestj + bestsize]
        {
            bestsize += 1;
        }
        // The junk-extension loops never run: the junk set is empty.
        (besti, bestj, bestsize)
    }

    /// Matching blocks (without difflib's final dummy and without merging
    /// adjacent blocks, neither of which changes the match count).
    pub fn matching_blocks(&self) -> Vec<(usize, usize, usize)> {
        let mut queue = vec![(0, self.a.len(), 0, self.b.len())];
        let mut blocks = Vec::new();
        while let Some((alo, ahi, blo, bhi)) = queue.pop() {
            let (i, j, k) = self.find_longest_match(alo, ahi, blo, bhi);
            if k > 0 {
                blocks.push((i, j, k));
                if alo < i && blo < j {
                    queue.push((alo, i, blo, j));
                }
                if i + k < ahi && j + k < bhi {
                    queue.push((i + k, ahi, j + k, bhi));
                }
            }
        }
        blocks.sort();
        blocks
    }

    /// 2*M/T, or 1.0 when both sequences are empty.
    pub fn ratio(&self) -> f64 {
        let matches: usize = self.matching_blocks().iter().map(|b| b.2).sum();
        let length = self.a.len() + self.b.len();
        if length > 0 {
            2.0 * matches as f64 / length as f64
        } else {
            1.0
        }
    }
}

/// `difflib.SequenceMatcher(None, a, b).ratio()` (autojunk on, the default).
pub fn sequence_ratio(a: &str, b: &str) -> f64 {
    SequenceMatcher::new(a, b, true).ratio()
}

// ---------------------------------------------------------------------------
// Python value semantics for JSON values

/// Python truthiness of a JSON value.
fn py_truthy(v: &Value) -> bool {
    match v {
        Value::Null => false,
        Value::Bool(b) => *b,
        Value::Number(n) => n.as_f64().is_some_and(|x| x != 0.0),
        Value::String(s) => !s.is_empty(),
        Value::Array(a) => !a.is_empty(),
        Value::Object(o) => !o.is_empty(),
    }
}

/// Python iteration over a JSON value: list items, string characters,
/// object keys; anything else is a TypeError in Python, a panic here.
fn py_iter(v: &Value, what: &str) -> Vec<Value> {
    match v {
        Value::Array(a) => a.clone(),
        Value::String(s) => s.chars().map(|c| Value::String(c.to_string())).collect(),
        Value::Object(o) => o.keys().map(|k| Value::String(k.clone())).collect(),
        other => panic!("{what} is not iterable (score.py would raise TypeError): {other}"),
    }
}

/// Python `str()` of a JSON value as `json.load` gives it.
pub fn py_str(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        other => py_repr(other),
    }
}

/// `str(card.get(key, ""))`.
fn get_str(card: &Value, key: &str) -> String {
    card.get(key).map(py_str).unwrap_or_default()
}

/// Python `repr()` of a JSON value.
fn py_repr(v: &Value) -> String {
    match v {
        Value::Null => "None".to_string(),
        Value::Bool(true) => "True".to_string(),
        Value::Bool(false) => "False".to_string(),
        Value::Number(n) => {
            if let Some(i) = n.as_i64() {
                i.to_string()
            } else if let Some(u) = n.as_u64() {
                u.to_string()
            } else {
                py_float_repr(n.as_f64().unwrap_or(f64::NAN))
            }
        }
        Value::String(s) => py_repr_str(s),
        Value::Array(a) => {
            let items: Vec<String> = a.iter().map(py_repr).collect();
            format!("[{}]", items.join(", "))
        }
        Value::Object(o) => {
            let items: Vec<String> = o
                .iter()
                .map(|(k, v)| format!("{}: {}", py_repr_str(k), py_repr(v)))
                .collect();
            format!("{{{}}}", items.join(", "))
        }
    }
}

/// Python `repr(float)`: shortest round-trip digits, exponent form when the
/// decimal exponent is < -4 or >= 16.
fn py_float_repr(x: f64) -> String {
    if x.is_nan() {
        return "nan".to_string();
    }
    if x.is_infinite() {
        return if x > 0.0 { "inf" } else { "-inf" }.to_string();
    }
    let sci = format!("{x:e}"); // e.g. "-1.2345e3", shortest round-trip
    let (mant, exp) = sci.split_once('e').expect("LowerExp has an 'e'");
    let exp: i32 = exp.parse().expect("exponent");
    let (sign, mant) = match mant.strip_prefix('-') {
        Some(m) => ("-", m),
        None => ("", mant),
    };
    let digits: String = mant.chars().filter(|c| *c != '.').collect();
    if !(-4..16).contains(&exp) {
        let rest = &digits[1..];
        let m = if rest.is_empty() {
            digits[..1].to_string()
        } else {
            format!("{}.{}", &digits[..1], rest)
        };
        let esign = if exp < 0 { '-' } else { '+' };
        format!("{sign}{m}e{esign}{:02}", exp.abs())
    } else if exp >= 0 {
        let int_len = exp as usize + 1;
        let mut d = digits.clone();
        while d.len() < int_len {
            d.push('0');
        }
        let (ip, fp) = d.split_at(int_len);
        let fp = if fp.is_empty() { "0" } else { fp };
        format!("{sign}{ip}.{fp}")
    } else {
        let zeros = "0".repeat((-exp - 1) as usize);
        format!("{sign}0.{zeros}{digits}")
    }
}

/// Approximation of Python's `str.isprintable()` for one character.
fn py_printable(c: char) -> bool {
    let u = c as u32;
    if c.is_control() {
        return false;
    }
    // Separators other than the ASCII space (Zs, Zl, Zp).
    if matches!(
        u,
        0xA0 | 0x1680 | 0x2000..=0x200A | 0x2028 | 0x2029 | 0x202F | 0x205F | 0x3000
    ) {
        return false;
    }
    // Common format characters (Cf) and private use (Co).
    !matches!(
        u,
        0xAD | 0x600..=0x605
            | 0x61C
            | 0x6DD
            | 0x70F
            | 0x180E
            | 0x200B..=0x200F
            | 0x202A..=0x202E
            | 0x2060..=0x2064
            | 0x2066..=0x206F
            | 0xFEFF
            | 0xFFF9..=0xFFFB
            | 0xE000..=0xF8FF
            | 0xF0000..
    )
}

/// Python `repr(str)`.
fn py_repr_str(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if !py_printable(c) => {
                let u = c as u32;
                if u < 0x100 {
                    out.push_str(&format!("\\x{u:02x}"));
                } else if u < 0x10000 {
                    out.push_str(&format!("\\u{u:04x}"));
                } else {
                    out.push_str(&format!("\\U{u:08x}"));
                }
            }
            c => out.push(c),
        }
    }
    out.push(quote);
    out
}

/// Python `round(x, 3)`: correctly rounded (ties to even on the exact binary
/// value), via decimal formatting and parsing back, as CPython does.
fn py_round3(x: f64) -> f64 {
    format!("{x:.3}").parse().expect("formatted float parses")
}

// ---------------------------------------------------------------------------
// Scoring

/// `load_cards`: the `cards` list of a `{"deck":..,"cards":[..]}` object, or
/// a bare array; only JSON objects are kept.
pub fn load_cards(data: &Value) -> Vec<&Value> {
    let list: Vec<&Value> = match data {
        Value::Object(o) => match o.get("cards") {
            None => Vec::new(),
            Some(Value::Array(a)) => a.iter().collect(),
            // Iterating a string or an object never yields an object.
            Some(Value::String(_)) | Some(Value::Object(_)) => Vec::new(),
            Some(other) => panic!("\"cards\" is not iterable (score.py TypeError): {other}"),
        },
        Value::Array(a) => a.iter().collect(),
        Value::String(_) => Vec::new(),
        other => panic!("cards JSON is not iterable (score.py TypeError): {other}"),
    };
    list.into_iter().filter(|c| c.is_object()).collect()
}

/// Score `cards` (deck object or bare array) against `gold` (array of facts).
pub fn score(gold: &Value, cards: &Value) -> Score {
    let cards = load_cards(cards);
    let gold = py_iter(gold, "gold");

    let mut total: BTreeMap<String, usize> = BTreeMap::new();
    let mut covered: BTreeMap<String, usize> = BTreeMap::new();
    for g in &gold {
        *total.entry(gold_kind(g)).or_default() += 1;
    }

    // Per-card normalized sentence and answer (pure functions: precomputing
    // them changes nothing but speed).
    let card_norm: Vec<(String, String)> = cards
        .iter()
        .map(|c| {
            (
                norm_sentence(&card_sentence(c)),
                norm_answer(&get_str(c, "answer")),
            )
        })
        .collect();

    let mut missed = Vec::new();
    let mut report = Vec::new();
    for g in &gold {
        let sentence = g
            .get("sentence")
            .unwrap_or_else(|| panic!("gold fact without \"sentence\": {g}"));
        let gs = norm_sentence(&py_str(sentence));
        let forms = gold_forms(g);
        let hit = card_norm
            .iter()
            .any(|(cs, ca)| same_sentence_normed(cs, &gs) && answer_matches_forms(ca, &forms));
        let kind = gold_kind(g);
        if hit {
            *covered.entry(kind).or_default() += 1;
        } else {
            let question = get_str(g, "question");
            let answer = get_str(g, "answer");
            let raw_kind = get_str(g, "kind");
            missed.push(format!("{kind} {question} -> {answer}"));
            report.push(format!("MISSED {raw_kind:<7} {question} -> {answer}"));
        }
    }

    // Leaks: the normalized answer (3+ chars) appears as words in the question.
    let mut leaks = Vec::new();
    for c in &cards {
        let a = norm_answer(&get_str(c, "answer"));
        let q = format!(" {} ", norm_sentence(&get_str(c, "question")));
        if a.len() >= 3 && q.contains(&format!(" {a} ")) {
            let question = c.get("question").map(py_str).unwrap_or("None".into());
            let answer = c.get("answer").map(py_str).unwrap_or("None".into());
            report.push(format!("LEAK   {question} -> {answer}"));
            leaks.push(question);
        }
    }

    // Duplicates: repeated normalized questions.
    let mut seen: HashMap<String, usize> = HashMap::new();
    for c in &cards {
        *seen
            .entry(norm_sentence(&get_str(c, "question")))
            .or_default() += 1;
    }
    let duplicates: usize = seen.values().filter(|&&n| n > 1).map(|n| n - 1).sum();

    // Multiple-choice cards with broken options.
    let mut bad_choices = Vec::new();
    let mc: Vec<&&Value> = cards
        .iter()
        .filter(|c| c.get("choices").is_some_and(py_truthy))
        .collect();
    for c in &mc {
        let choices: Vec<String> = py_iter(&c["choices"], "card \"choices\"")
            .iter()
            .map(py_str)
            .collect();
        let answer = get_str(c, "answer");
        let na = norm_answer(&answer);
        let n_answer = choices.iter().filter(|x| norm_answer(x) == na).count();
        let distractors: Vec<&String> = choices.iter().filter(|x| norm_answer(x) != na).collect();
        let mut problems = Vec::new();
        if n_answer != 1 {
            problems.push(format!("answer appears {n_answer} times"));
        }
        if distractors.len() < 3 {
            problems.push(format!("only {} distractors", distractors.len()));
        }
        let distinct: HashSet<String> = choices.iter().map(|x| norm_answer(x)).collect();
        if distinct.len() != choices.len() {
            problems.push("repeated option".to_string());
        }
        let variants: Vec<String> = distractors
            .iter()
            .filter(|x| is_variant(&answer, x))
            .map(|x| py_repr_str(x))
            .collect();
        if !variants.is_empty() {
            problems.push(format!(
                "distractor is a variant of the answer: [{}]",
                variants.join(", ")
            ));
        }
        if !problems.is_empty() {
            let question = c.get("question").map(py_str).unwrap_or("None".into());
            let answer_shown = c.get("answer").map(py_str).unwrap_or("None".into());
            let joined = problems.join("; ");
            report.push(format!("CHOICE {question} -> {answer_shown}: {joined}"));
            bad_choices.push(format!("{question}: {joined}"));
        }
    }

    let n_gold: usize = total.values().sum();
    let n_covered: usize = covered.values().sum();
    let by_kind = total
        .iter()
        .map(|(k, &t)| (k.clone(), (covered.get(k).copied().unwrap_or(0), t)))
        .collect();
    Score {
        gold: n_gold,
        covered: n_covered,
        recall: py_round3(n_covered as f64 / n_gold.max(1) as f64),
        by_kind,
        cards: cards.len(),
        leaks,
        duplicates,
        mc_cards: mc.len(),
        bad_choices,
        missed,
        report,
    }
}

/// `g["kind"].upper()`.
fn gold_kind(g: &Value) -> String {
    match g.get("kind") {
        Some(Value::String(s)) => s.to_uppercase(),
        _ => panic!("gold fact without a string \"kind\" (score.py would crash): {g}"),
    }
}

// ---------------------------------------------------------------------------

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    // Expected ratios computed with python3 (3.11.7) difflib on this machine:
    //   difflib.SequenceMatcher(None, a, b).ratio()
    #[test]
    fn sequence_matcher_ratio_matches_difflib() {
        let cases: &[(&str, &str, f64)] = &[
            ("zaharova", "zakharova", 0.9411764705882353),
            ("open sky treaty", "open skies treaty", 0.875),
            ("russia", "prussia", 0.9230769230769231),
            ("abc", "xyz", 0.0),
            ("", "", 1.0),
            ("abxcd", "abcd", 0.8888888888888888),
            (" abcd", "abcd abcd", 0.7142857142857143),
            ("united states", "united kingdom", 0.5185185185185185),
            ("moscow", "russia", 0.16666666666666666),
        ];
        for &(a, b, want) in cases {
            assert_eq!(sequence_ratio(a, b), want, "ratio({a:?}, {b:?})");
        }
    }

    // python3: a = 'the open skies treaty ' * 12; b = 'open sky treaty ' * 15
    //   SequenceMatcher(None, a, b).ratio()                 -> 0.0 (autojunk)
    //   SequenceMatcher(None, a, b, autojunk=False).ratio() -> 0.5595238095238095
    #[test]
    fn sequence_matcher_autojunk_matches_difflib() {
        let a = "the open skies treaty ".repeat(12);
        let b = "open sky treaty ".repeat(15);
        assert_eq!(b.len(), 240);
        assert_eq!(SequenceMatcher::new(&a, &b, true).ratio(), 0.0);
        assert_eq!(
            SequenceMatcher::new(&a, &b, false).ratio(),
            0.5595238095238095
        );
    }

    #[test]
    fn find_longest_match_doc_example() {
        // difflib docstring: SequenceMatcher(None, " abcd", "abcd abcd")
        //   .find_longest_match(0, 5, 0, 9) == Match(a=0, b=4, size=5)
        let m = SequenceMatcher::new(" abcd", "abcd abcd", true);
        assert_eq!(m.find_longest_match(0, 5, 0, 9), (0, 4, 5));
        let m = SequenceMatcher::new("abxcd", "abcd", true);
        assert_eq!(m.matching_blocks(), vec![(0, 0, 2), (3, 2, 2)]);
    }

    #[test]
    fn normalization() {
        assert_eq!(
            words("The \u{201c}Open\u{00a0}Skies\u{201d} Treaty\u{2014}2002"),
            vec!["the", "open", "skies", "treaty", "2002"]
        );
        assert_eq!(norm_answer("The a an Open Sky"), "open sky");
        assert_eq!(norm_answer("the the"), "");
        assert!(same_sentence(
            "Russia left.",
            "Russia left. Then it rained."
        ));
        assert!(!same_sentence("", "anything"));
        assert!(is_variant("Zakharova", "Zaharova"));
        assert!(is_variant("the Open Sky Treaty", "Open Skies Treaty"));
        assert!(!is_variant("Russia", "Moscow"));
    }

    #[test]
    fn python_values_and_rounding() {
        // python3: str(None), str(True), str(1.0), str(1e16), str(1e-05),
        // str(0.0001), repr("it's"), str([1, 'a'])
        assert_eq!(py_str(&json!(null)), "None");
        assert_eq!(py_str(&json!(true)), "True");
        assert_eq!(py_str(&json!(1.0)), "1.0");
        assert_eq!(py_str(&json!(1e16)), "1e+16");
        assert_eq!(py_str(&json!(1.5e15)), "1500000000000000.0");
        assert_eq!(py_str(&json!(1e-5)), "1e-05");
        assert_eq!(py_str(&json!(0.0001)), "0.0001");
        assert_eq!(py_str(&json!(-2.5)), "-2.5");
        assert_eq!(py_repr_str("it's"), "\"it's\"");
        assert_eq!(py_repr_str("a\u{a0}b"), "'a\\xa0b'");
        assert_eq!(py_str(&json!([1, "a"])), "[1, 'a']");
        // python3: [round(k/16, 3) for k in (1, 3, 5, 7, 11)]
        //   -> [0.062, 0.188, 0.312, 0.438, 0.688]
        let got: Vec<f64> = [1.0, 3.0, 5.0, 7.0, 11.0]
            .iter()
            .map(|k| py_round3(k / 16.0))
            .collect();
        assert_eq!(got, vec![0.062, 0.188, 0.312, 0.438, 0.688]);
    }

    // The expectations of the hand-made examples below were also confirmed by
    // calling score.py's score() on the same inputs with python3.
    const S1: &str =
        "Russia will withdraw from the Open Skies Treaty, Maria Zakharova said on Friday.";

    fn fact(kind: &str, answer: &str, sentence: &str) -> Value {
        json!({"kind": kind, "question": "Q?", "answer": answer, "accept": [], "sentence": sentence})
    }

    #[test]
    fn covered_and_missed_facts() {
        let gold = json!([
            fact("speaker", "Maria Zakharova", S1),
            fact("date", "Friday", S1)
        ]);
        let cards = json!([{"question": "Who spoke?", "answer": "Zakharova, Maria", "sentence": S1},
                          {"question": "Who said it?", "answer": "Maria Zakharova",
                           "source": {"sentence": "Russia will withdraw from the Open Skies Treaty, Maria Zakharova said."}}]);
        let s = score(&gold, &cards);
        assert_eq!((s.gold, s.covered, s.recall), (2, 1, 0.5));
        assert_eq!(s.by_kind["SPEAKER"], (1, 1));
        assert_eq!(s.by_kind["DATE"], (0, 1));
        assert_eq!(s.missed, vec!["DATE Q? -> Friday"]);
        assert_eq!(s.report, vec!["MISSED date    Q? -> Friday"]);
        assert_eq!(s.cards_per_gold(), 1.0);
    }

    #[test]
    fn extra_words_up_to_three() {
        let gold = json!([fact("treaty", "Open Skies Treaty", S1)]);
        let with = |answer: &str| {
            let cards = json!({"deck": {}, "cards": [{"question": "Which?", "answer": answer, "sentence": S1}]});
            score(&gold, &cards).covered
        };
        assert_eq!(with("the Open Skies Treaty"), 1);
        assert_eq!(with("the Open Skies Treaty of 1992 x"), 1); // 3 extra words
        assert_eq!(with("the Open Skies Treaty of 1992 x y"), 0); // 4 extra words
        assert_eq!(with("one two three Open Skies Treaty"), 1);
        assert_eq!(with("one two three four Open Skies Treaty"), 0);
        assert_eq!(with("Open Skies"), 0);
    }

    #[test]
    fn leak_duplicate_and_broken_choices() {
        let cards = json!([
            {"question": "Which treaty is the Open Skies Treaty?", "answer": "The Open Skies Treaty", "sentence": S1},
            {"question": "Who said it?", "answer": "Zakharova", "sentence": S1,
             "choices": ["Zakharova", "Zaharova", "Lavrov", "Peskov"]},
            {"question": "who  said IT", "answer": "Zakharova", "sentence": S1,
             "choices": ["Zakharova", "Lavrov", "Peskov", "Shoigu"]},
            {"question": "When?", "answer": "Friday", "choices": ["Monday", "friday", "Friday"]}
        ]);
        let s = score(&json!([]), &cards);
        assert_eq!(s.leaks, vec!["Which treaty is the Open Skies Treaty?"]);
        assert_eq!(s.duplicates, 1);
        assert_eq!(s.mc_cards, 3);
        assert_eq!(
            s.bad_choices,
            vec![
                "Who said it?: distractor is a variant of the answer: ['Zaharova']",
                "When?: answer appears 2 times; only 1 distractors; repeated option",
            ]
        );
        // A short answer (< 3 characters) never leaks.
        let s = score(
            &json!([]),
            &json!([{"question": "Is it US policy?", "answer": "US"}]),
        );
        assert!(s.leaks.is_empty());
    }

    // Cross-check: the gold/cards below were written to files and scored with
    //   python3 /work/shared/eval/score.py gold.json cards.json [--json]
    // The expected JSON object and text output are score.py's, verbatim.
    const XGOLD: &str = r#"[
 {"kind": "TREATY", "question": "Which treaty?", "answer": "Open Sky Treaty",
  "accept": ["Open Skies Treaty", "Open Skies"],
  "sentence": "Russia has decided to open domestic procedures for withdrawing from the Open Sky Treaty."},
 {"kind": "speaker", "question": "Who said so?", "answer": "Maria Zakharova", "accept": ["Zakharova"],
  "sentence": "\u201cThis is regrettable,\u201d Foreign Ministry spokeswoman Maria Zakharova said on Friday."},
 {"kind": "ROLE", "question": "Zakharova's job?", "answer": "spokeswoman",
  "sentence": "\u201cThis is regrettable,\u201d Foreign Ministry spokeswoman Maria Zakharova said on Friday."},
 {"kind": "DATE", "question": "When did it enter into force?", "answer": "2002",
  "sentence": "The treaty entered into force in 2002 and has 34 states parties."},
 {"kind": "NUMBER", "question": "How many parties?", "answer": "34", "accept": ["thirty-four"],
  "sentence": "The treaty entered into force in 2002 and has 34 states parties."},
 {"kind": "PARTY", "question": "Who withdrew first?", "answer": "United States", "accept": ["US", "the U.S."],
  "sentence": "The United States withdrew from the treaty in November 2020."},
 {"kind": "DATE", "question": "When did the US withdraw?", "answer": "November 2020",
  "sentence": "The United States withdrew from the treaty in November 2020."}
]"#;

    const XCARDS: &str = r#"{"deck": {"title": "t", "sentences": 4}, "cards": [
 {"id": "1", "kind": "treaty", "question": "From which treaty will Russia withdraw?",
  "answer": "the Open Skies Treaty of 1992",
  "choices": ["Open Skies Treaty", "New START", "INF Treaty", "CTBT"],
  "sentence": "Russia has decided to open domestic procedures for withdrawing from the Open Sky Treaty."},
 {"id": "2", "kind": "speaker", "question": "Who said \u201cThis is regrettable\u201d?",
  "answer": "Maria Zakharova",
  "choices": ["Maria Zakharova", "Maria Zaharova", "Sergei Lavrov", "Dmitry Peskov"],
  "source": {"sentence": "\u201cThis is regrettable,\u201d Foreign Ministry spokeswoman Maria Zakharova said on Friday."}},
 {"id": "3", "kind": "role", "question": "What is Maria Zakharova's job at the Foreign Ministry?",
  "answer": "Foreign Ministry spokeswoman for the Russian side",
  "context": "\u201cThis is regrettable,\u201d Foreign Ministry spokeswoman Maria Zakharova said on Friday."},
 {"id": "4", "kind": "date", "question": "When did the treaty enter into force?", "answer": "2002",
  "choices": ["2002", "2002", "1992"],
  "sentence": "The treaty entered into force in 2002 and has 34 states parties."},
 {"id": "5", "kind": "number", "question": "When did the treaty enter into force ?", "answer": "thirty four",
  "sentence": "The treaty entered into force in 2002 and has 34 states parties!"},
 {"id": "6", "kind": "party", "question": "Which country, the United States or Russia, withdrew in November 2020?",
  "answer": "The United States",
  "sentence": "The United States withdrew from the treaty in November 2020."},
 {"id": "7", "kind": "date", "question": "When did the US withdraw?", "answer": "November 2020",
  "sentence": "Washington withdrew in late 2020 after months of talks."},
 "not a card",
 {"id": "8", "question": "When did the US withdraw?", "answer": "2020", "choices": []},
 {"id": "9", "question": "Which body issued the statement?", "answer": "Russia's Foreign Ministry",
  "choices": ["Russia's Foreign Ministry", "Russia's Foreign Ministries", "the Kremlin", "the Duma"]},
 {"id": "10", "question": "Year?", "answer": 2002, "source": {"text": "It entered into force in 2002."}}
]}"#;

    #[test]
    fn cross_check_with_score_py() {
        let gold: Value = serde_json::from_str(XGOLD).unwrap();
        let cards: Value = serde_json::from_str(XCARDS).unwrap();
        let s = score(&gold, &cards);
        // python3 score.py gold.json cards.json --json
        let want: Value = serde_json::from_str(
            r#"{"gold": 7, "covered": 5, "recall": 0.714, "by_kind": {"DATE": "1/2", "NUMBER": "1/1", "PARTY": "1/1", "ROLE": "0/1", "SPEAKER": "1/1", "TREATY": "1/1"}, "cards": 10, "leaks": 1, "duplicates": 2, "mc_cards": 4, "bad_choices": 4}"#,
        )
        .unwrap();
        assert_eq!(s.to_json(), want);
        // python3 score.py gold.json cards.json
        let want_text = "\
MISSED ROLE    Zakharova's job? -> spokeswoman
MISSED DATE    When did the US withdraw? -> November 2020
LEAK   Which country, the United States or Russia, withdrew in November 2020? -> The United States
CHOICE From which treaty will Russia withdraw? -> the Open Skies Treaty of 1992: answer appears 0 times
CHOICE Who said \u{201c}This is regrettable\u{201d}? -> Maria Zakharova: distractor is a variant of the answer: ['Maria Zaharova']
CHOICE When did the treaty enter into force? -> 2002: answer appears 2 times; only 1 distractors; repeated option
CHOICE Which body issued the statement? -> Russia's Foreign Ministry: distractor is a variant of the answer: [\"Russia's Foreign Ministries\"]
by kind: DATE 1/2, NUMBER 1/1, PARTY 1/1, ROLE 0/1, SPEAKER 1/1, TREATY 1/1
recall 0.714 (5/7)  cards 10  leaks 1  duplicates 2  bad_choices 4/4";
        assert_eq!(s.summary(), want_text);
        assert_eq!(s.summary().lines().last().unwrap(), s.summary_line());
    }
}
