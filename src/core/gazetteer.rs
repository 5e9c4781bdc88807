//! Gazetteers and word lists. The named-entity tables are readable TSV files
//! in `assets/gazetteer/`, compiled in with `include_str!` so the core needs
//! no file access; the short linguistic lists are `const` tables below.
//! Extend either without touching the extraction code.

use super::fxhash::FxHashMap as HashMap;
use std::sync::OnceLock;

use super::text::{Tk, tokenize};

const COUNTRIES_TSV: &str = include_str!("../../assets/gazetteer/countries.tsv");
const ORGANISATIONS_TSV: &str = include_str!("../../assets/gazetteer/organisations.tsv");
const TREATIES_TSV: &str = include_str!("../../assets/gazetteer/treaties.tsv");
const TITLES_TSV: &str = include_str!("../../assets/gazetteer/titles.tsv");
const PEOPLE_TSV: &str = include_str!("../../assets/gazetteer/people.tsv");
const PLACES_TSV: &str = include_str!("../../assets/gazetteer/places.tsv");
const GIVEN_NAMES_TSV: &str = include_str!("../../assets/gazetteer/given_names.tsv");

/// Whether `w` is a given name in `assets/gazetteer/given_names.tsv`.
pub fn is_given_name(w: &str) -> bool {
    static SET: OnceLock<std::collections::HashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| {
        rows(GIVEN_NAMES_TSV)
            .filter_map(|r| r.first().copied())
            .collect()
    })
    .contains(w)
}

/// What a gazetteer entry names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum EntKind {
    Country,
    Alliance,
    Organisation,
    Body,
    Agency,
    /// A political party or caucus ("Republicans").
    Faction,
    Treaty,
}

/// How a phrase refers to its entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    Name,
    Adjective,
    Capital,
}

#[derive(Debug, Clone)]
pub struct Entry {
    pub kind: EntKind,
    pub name: String,
    pub variants: Vec<String>,
    pub adjectives: Vec<String>,
    pub capitals: Vec<String>,
    pub year: Option<i32>,
    /// A group of states (E3, P5+1, G7): "Which group", not "Which organisation".
    pub group: bool,
    /// The larger body this one belongs to (the Senate: Congress).
    pub within: Option<usize>,
    /// The years an alliance existed (founded, and dissolved if it was), or
    /// a treaty (signed, and ended if it has).
    pub active: Option<(i32, Option<i32>)>,
    /// The family of like entries it is a fair wrong option among: an
    /// alliance's region ("europe"), a treaty's kind ("strategic").
    pub family: Option<String>,
    /// A treaty of few members: the states party to it (entries).
    pub parties: Vec<usize>,
}

impl Entry {
    /// Did it exist in `year`? (Unknown: yes.)
    pub fn active_in(&self, year: i32) -> bool {
        self.active
            .is_none_or(|(from, to)| from <= year && to.is_none_or(|t| year <= t))
    }
}

#[derive(Debug, Clone)]
pub struct Phrase {
    pub toks: Vec<String>,
    /// Per token: must match exactly (all-caps or digit-bearing: US, P5+1).
    pub exact: Vec<bool>,
    /// The first token starts with a capital: the text's must too.
    pub first_cap: bool,
    pub entry: usize,
    pub form: Form,
}

#[derive(Debug, Clone)]
pub struct Title {
    pub toks: Vec<String>,
    pub category: String,
    /// The states whose governments use it ("Secretary of State": the
    /// United States); empty for titles used everywhere.
    pub only_in: Vec<usize>,
    /// The states that do not ("Foreign Minister": not the United States).
    pub not_in: Vec<usize>,
    /// The office it names, shared by its other names ("foreign" for
    /// "Foreign Minister" and "Minister of Foreign Affairs").
    pub post: Option<String>,
    /// A post in an international body ("Secretary-General"), held by no
    /// state's official.
    pub international: bool,
}

impl Title {
    /// Could a post of `country` (an entry) go by this title?
    pub fn fits(&self, country: usize) -> bool {
        (self.only_in.is_empty() || self.only_in.contains(&country))
            && !self.not_in.contains(&country)
    }
}

#[derive(Debug, Default)]
pub struct Gazetteer {
    pub entries: Vec<Entry>,
    /// Phrases by lower-cased first token, longest first.
    phrases: HashMap<String, Vec<Phrase>>,
    /// Title phrases by lower-cased first token, longest first.
    titles: HashMap<String, Vec<Title>>,
    pub title_list: Vec<Title>,
    /// Well-known people: each spelling (as tokens) -> index into `people`.
    pub people: Vec<Vec<String>>,
    /// Per person: the state whose offices they held ("" for officials of
    /// international bodies).
    pub people_country: Vec<String>,
    people_index: HashMap<String, Vec<(Vec<String>, usize)>>,
    /// Places of signing fit to be wrong options (places.tsv), as written,
    /// with their region.
    pub places: Vec<(String, String)>,
    /// Every place's region by its lower-cased name.
    place_regions: HashMap<String, String>,
    /// Place tokens by lower-cased first token, longest first.
    places_index: HashMap<String, Vec<Vec<String>>>,
    /// Per entry: is it inside another body, or another inside it?
    nesting: Vec<bool>,
}

/// A gazetteer match inside a token slice.
#[derive(Debug, Clone, Copy)]
pub struct Match {
    pub entry: usize,
    pub form: Form,
    /// Number of tokens matched.
    pub len: usize,
}

pub fn get() -> &'static Gazetteer {
    static G: OnceLock<Gazetteer> = OnceLock::new();
    G.get_or_init(Gazetteer::load)
}

/// The ways a text may describe a capital instead of naming it: "the
/// Finnish capital", "Finland's capital" for Helsinki. Empty for a city
/// that is no state's capital.
pub fn capital_descriptions(city: &str) -> &'static [String] {
    static MAP: OnceLock<HashMap<String, Vec<String>>> = OnceLock::new();
    let map = MAP.get_or_init(|| {
        let mut m: HashMap<String, Vec<String>> = HashMap::default();
        for (_, e) in get().entries_of(EntKind::Country) {
            for c in &e.capitals {
                let d = m.entry(c.clone()).or_default();
                d.extend(e.adjectives.iter().map(|a| format!("the {a} capital")));
                d.push(format!("{}'s capital", e.name));
                d.push(format!("{}’s capital", e.name));
            }
        }
        m
    });
    map.get(city).map_or(&[], Vec::as_slice)
}

fn rows(tsv: &str) -> impl Iterator<Item = Vec<&str>> {
    tsv.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| l.split('\t').map(str::trim).collect())
}

/// The entry of the country named `name` exactly, among those read so far.
fn country_index(entries: &[Entry], name: &str) -> Option<usize> {
    entries
        .iter()
        .position(|e| e.kind == EntKind::Country && e.name == name)
}

fn list(col: Option<&&str>) -> Vec<String> {
    col.map(|c| {
        c.split('|')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(String::from)
            .collect()
    })
    .unwrap_or_default()
}

/// A table row's trimmed cell `i`, if it holds anything.
fn cell(r: &[&str], i: usize) -> Option<String> {
    r.get(i)
        .map(|x| x.trim())
        .filter(|x| !x.is_empty())
        .map(String::from)
}

pub(crate) fn fold_apostrophes(s: &str) -> String {
    s.replace('’', "'").replace(['“', '”'], "\"")
}

fn phrase_tokens(s: &str) -> Vec<String> {
    let f = fold_apostrophes(s);
    tokenize(&f).iter().map(|t| t.text.to_string()).collect()
}

impl Gazetteer {
    /// The state (its entry) a well-known person held office in, by any
    /// spelling of their name.
    pub fn person_state(&self, name: &str) -> Option<usize> {
        self.person_country(name).and_then(|c| self.entry_named(c))
    }

    /// The state's name a well-known person held office in.
    /// A place of signing's region ("summit", "europe", "asia", ...), if
    /// the table knows the place.
    pub fn place_region(&self, name: &str) -> Option<&str> {
        self.place_regions
            .get(&name.to_lowercase())
            .map(String::as_str)
            .filter(|r| !r.is_empty())
    }

    pub fn person_country(&self, name: &str) -> Option<&str> {
        let pi = self
            .people
            .iter()
            .position(|sp| sp.iter().any(|n| n == name))?;
        Some(self.people_country[pi].as_str()).filter(|c| !c.is_empty())
    }

    fn load() -> Gazetteer {
        let mut g = Gazetteer::default();
        for r in rows(COUNTRIES_TSV) {
            let Some(name) = r.first().filter(|n| !n.is_empty()) else {
                continue;
            };
            g.entries.push(Entry {
                kind: EntKind::Country,
                name: name.to_string(),
                variants: list(r.get(1)),
                adjectives: list(r.get(2)),
                capitals: list(r.get(3)),
                year: None,
                group: false,
                within: None,
                active: None,
                family: None,
                parties: Vec::new(),
            });
        }
        // (entry, name of the body it belongs to), resolved once all are read.
        let mut within: Vec<(usize, String)> = Vec::new();
        for r in rows(ORGANISATIONS_TSV) {
            let kind = match r.first().copied().unwrap_or("") {
                "alliance" => EntKind::Alliance,
                // A group of states (E3, P5+1, G7) acts like an organisation
                // but is asked for as a group.
                "organisation" | "organization" | "group" => EntKind::Organisation,
                "body" => EntKind::Body,
                "agency" => EntKind::Agency,
                "faction" => EntKind::Faction,
                _ => continue,
            };
            let Some(name) = r.get(1).filter(|n| !n.is_empty()) else {
                continue;
            };
            g.entries.push(Entry {
                kind,
                name: name.to_string(),
                variants: list(r.get(2)),
                adjectives: Vec::new(),
                capitals: Vec::new(),
                year: None,
                group: r.first().copied() == Some("group"),
                within: None,
                active: None,
                family: cell(&r, 5),
                parties: Vec::new(),
            });
            if let Some(w) = r.get(3).filter(|w| !w.is_empty()) {
                within.push((g.entries.len() - 1, w.to_string()));
            }
            // "1955-1991", "1949-".
            if let Some((from, to)) = r.get(4).and_then(|y| y.split_once('-'))
                && let Ok(from) = from.trim().parse()
                && let Some(last) = g.entries.last_mut()
            {
                last.active = Some((from, to.trim().parse().ok()));
            }
        }
        for r in rows(TREATIES_TSV) {
            let Some(name) = r.first().filter(|n| !n.is_empty()) else {
                continue;
            };
            let year: Option<i32> = r.get(2).and_then(|y| y.parse().ok());
            let mut variants = list(r.get(1));
            if let Some(long) = r.get(3).filter(|l| !l.is_empty()) {
                variants.push(long.to_string());
            }
            g.entries.push(Entry {
                kind: EntKind::Treaty,
                name: name.to_string(),
                variants,
                adjectives: Vec::new(),
                capitals: Vec::new(),
                year,
                group: false,
                within: None,
                // Signed, and ended if it has.
                active: year.map(|from| (from, r.get(5).and_then(|y| y.parse().ok()))),
                family: cell(&r, 4),
                parties: Vec::new(),
            });
            // (Countries come first in the table: their entries are read.)
            let parties: Vec<usize> = list(r.get(6))
                .iter()
                .filter_map(|n| country_index(&g.entries, n))
                .collect();
            if let Some(last) = g.entries.last_mut() {
                last.parties = parties;
            }
        }
        g.nesting = vec![false; g.entries.len()];
        for (i, parent) in within {
            let p = g.entries.iter().position(|e| e.name == parent);
            g.entries[i].within = p;
            if let Some(p) = p {
                g.nesting[i] = true;
                g.nesting[p] = true;
            }
        }
        for (i, e) in g.entries.iter().enumerate() {
            let mut add = |s: &str, form: Form| {
                let toks = phrase_tokens(s);
                if toks.is_empty() {
                    return;
                }
                let key = toks[0].to_lowercase();
                let exact = toks.iter().map(|t| is_exact_token(t)).collect();
                let first_cap = toks[0].chars().next().is_some_and(char::is_uppercase);
                g.phrases.entry(key).or_default().push(Phrase {
                    exact,
                    first_cap,
                    toks,
                    entry: i,
                    form,
                });
            };
            add(&e.name, Form::Name);
            for v in &e.variants {
                add(v, Form::Name);
            }
            for a in &e.adjectives {
                add(a, Form::Adjective);
            }
            for c in &e.capitals {
                add(c, Form::Capital);
            }
        }
        for v in g.phrases.values_mut() {
            // Longest first; names before adjectives/capitals of equal length;
            // earlier rows (more specific tables) win ties.
            v.sort_by(|a, b| {
                b.toks
                    .len()
                    .cmp(&a.toks.len())
                    .then((a.form != Form::Name).cmp(&(b.form != Form::Name)))
            });
        }
        for r in rows(TITLES_TSV) {
            let Some(t) = r.first().filter(|n| !n.is_empty()) else {
                continue;
            };
            let toks = phrase_tokens(t);
            if toks.is_empty() {
                continue;
            }
            let (mut only_in, mut not_in) = (Vec::new(), Vec::new());
            let mut international = false;
            for c in list(r.get(2)) {
                if c == "international" {
                    international = true;
                    continue;
                }
                let (neg, name) = match c.strip_prefix('-') {
                    Some(n) => (true, n.to_string()),
                    None => (false, c),
                };
                let Some(e) = country_index(&g.entries, &name) else {
                    continue;
                };
                if neg {
                    not_in.push(e);
                } else {
                    only_in.push(e);
                }
            }
            let title = Title {
                toks,
                category: r.get(1).copied().unwrap_or("official").to_string(),
                only_in,
                not_in,
                post: r.get(3).filter(|p| !p.is_empty()).map(|p| p.to_string()),
                international,
            };
            g.titles
                .entry(title.toks[0].to_lowercase())
                .or_default()
                .push(title.clone());
            g.title_list.push(title);
        }
        for r in rows(PEOPLE_TSV) {
            let Some(name) = r.first().filter(|n| !n.is_empty()) else {
                continue;
            };
            let pi = g.people.len();
            let mut spellings = vec![name.to_string()];
            spellings.extend(list(r.get(1)));
            g.people.push(spellings.clone());
            g.people_country
                .push(r.get(2).map(|c| c.trim().to_string()).unwrap_or_default());
            for sp in spellings {
                let toks = phrase_tokens(&sp);
                if let Some(first) = toks.first() {
                    g.people_index
                        .entry(first.to_lowercase())
                        .or_default()
                        .push((toks, pi));
                }
            }
        }
        for v in g.people_index.values_mut() {
            v.sort_by_key(|(t, _)| std::cmp::Reverse(t.len()));
        }
        for r in rows(PLACES_TSV) {
            let Some(name) = r.first().filter(|n| !n.is_empty()) else {
                continue;
            };
            let toks = phrase_tokens(name);
            if let Some(first) = toks.first() {
                g.places_index
                    .entry(first.to_lowercase())
                    .or_default()
                    .push(toks.clone());
                let region = r.get(3).copied().unwrap_or("").to_string();
                g.place_regions.insert(name.to_lowercase(), region.clone());
                if r.get(2).is_none_or(|o| *o != "no") {
                    g.places.push((name.to_string(), region));
                }
            }
        }
        for v in g.places_index.values_mut() {
            v.sort_by_key(|t| std::cmp::Reverse(t.len()));
        }
        for v in g.titles.values_mut() {
            v.sort_by_key(|t| std::cmp::Reverse(t.toks.len()));
        }
        g
    }

    /// Is one of two entries part of the other (the Senate and Congress,
    /// a committee and its chamber)? Then neither is a wrong option for
    /// the other.
    pub fn nested(&self, a: usize, b: usize) -> bool {
        let inside = |mut x: usize, outer: usize| {
            // The table is small; the bound guards against a cycle in it.
            for _ in 0..8 {
                match self.entries.get(x).and_then(|e| e.within) {
                    Some(p) if p == outer => return true,
                    Some(p) => x = p,
                    None => return false,
                }
            }
            false
        };
        a != b && (inside(a, b) || inside(b, a))
    }

    /// Does any entry sit inside `a`, or `a` inside another?
    pub fn has_nesting(&self, a: usize) -> bool {
        self.nesting.get(a).copied().unwrap_or(false)
    }

    /// The entry a whole name spells ("U.S. Senate" -> Senate).
    pub fn entry_named(&self, name: &str) -> Option<usize> {
        let toks = phrase_tokens(name);
        let refs: Vec<&str> = toks.iter().map(String::as_str).collect();
        self.match_at(&refs, 0)
            .filter(|m| m.len == refs.len() && m.form == Form::Name)
            .map(|m| m.entry)
    }

    /// Longest gazetteer phrase starting at `toks[i]`.
    pub fn match_at(&self, toks: &[&str], i: usize) -> Option<Match> {
        let first = toks.get(i)?;
        let cands = with_lower(first, |k| self.phrases.get(k))?;
        // The key matched the first token's lower case: only its capital
        // is left to check ("Treaty" is a name, "treaty" is not).
        let first_cap = first.chars().next().is_some_and(char::is_uppercase);
        for p in cands {
            if p.toks.len() > toks.len() - i {
                continue;
            }
            let first_ok = if p.exact[0] {
                token_matches(&p.toks[0], true, first)
            } else {
                first_cap || !p.first_cap
            };
            if first_ok
                && p.toks[1..]
                    .iter()
                    .zip(&p.exact[1..])
                    .zip(&toks[i + 1..])
                    .all(|((pt, &exact), tt)| token_matches(pt, exact, tt))
            {
                return Some(Match {
                    entry: p.entry,
                    form: p.form,
                    len: p.toks.len(),
                });
            }
        }
        None
    }

    /// The countries a phrase names or qualifies by ("U.S. President",
    /// "General Secretary of the Communist Party of the Soviet Union").
    pub fn countries_in(&self, s: &str) -> Vec<usize> {
        self.entries_in(s, &[EntKind::Country])
    }

    /// The entries of the given kinds a phrase names.
    pub fn entries_in(&self, s: &str, kinds: &[EntKind]) -> Vec<usize> {
        // Borrowed tokens: this runs for every role option considered.
        let folded;
        let s = if s.contains(['’', '“', '”']) {
            folded = fold_apostrophes(s);
            folded.as_str()
        } else {
            s
        };
        let toks = tokenize(s);
        let toks: Vec<&str> = toks.iter().map(|t| t.text).collect();
        let mut out = Vec::new();
        let mut i = 0;
        while i < toks.len() {
            match self.match_at(&toks, i) {
                Some(m) => {
                    if kinds.contains(&self.entries[m.entry].kind) && !out.contains(&m.entry) {
                        out.push(m.entry);
                    }
                    i += m.len;
                }
                None => i += 1,
            }
        }
        out
    }

    /// A place of signing starting at `toks[i]`: its token length.
    /// Case-sensitive ("Paris", not "paris").
    pub fn place_at(&self, toks: &[&str], i: usize) -> Option<usize> {
        let cands = with_lower(toks.get(i)?, |k| self.places_index.get(k))?;
        cands
            .iter()
            .find(|pt| pt.len() <= toks.len() - i && pt.iter().zip(&toks[i..]).all(|(a, b)| a == b))
            .map(Vec::len)
    }

    /// Every entry a capital-city match at `toks[i]` could stand for
    /// ("Moscow": Russia and the Soviet Union), in table order.
    pub fn capital_entries(&self, toks: &[&str], i: usize, m: &Match) -> Vec<usize> {
        let Some(cands) = toks
            .get(i)
            .and_then(|first| with_lower(first, |k| self.phrases.get(k)))
        else {
            return vec![m.entry];
        };
        let mut out: Vec<usize> = cands
            .iter()
            .filter(|p| p.form == Form::Capital && p.toks.len() == m.len && i + m.len <= toks.len())
            .filter(|p| {
                p.toks
                    .iter()
                    .zip(&p.exact)
                    .zip(&toks[i..])
                    .all(|((pt, &exact), tt)| token_matches(pt, exact, tt))
            })
            .map(|p| p.entry)
            .collect();
        out.dedup();
        if out.is_empty() {
            out.push(m.entry);
        }
        out
    }

    /// A well-known person's name starting at `toks[i]`: (token length,
    /// person index). Case-sensitive on the capitals.
    pub fn person_at(&self, toks: &[&str], i: usize) -> Option<(usize, usize)> {
        let cands = with_lower(toks.get(i)?, |k| self.people_index.get(k))?;
        for (pt, pi) in cands {
            if pt.len() <= toks.len() - i && pt.iter().zip(&toks[i..]).all(|(a, b)| a == b) {
                return Some((pt.len(), *pi));
            }
        }
        None
    }

    /// Longest title phrase starting at `toks[i]` (case-insensitive).
    pub fn title_at(&self, toks: &[&str], i: usize) -> Option<(usize, &str)> {
        self.title_entry_at(toks, i)
            .map(|t| (t.toks.len(), t.category.as_str()))
    }

    /// The longest title starting at `toks[i]`, with all the table says.
    pub fn title_entry_at(&self, toks: &[&str], i: usize) -> Option<&Title> {
        let cands = with_lower(toks.get(i)?, |k| self.titles.get(k))?;
        cands.iter().find(|t| {
            t.toks.len() <= toks.len() - i
                && t.toks
                    .iter()
                    .zip(&toks[i..])
                    .all(|(a, b)| a.eq_ignore_ascii_case(b))
        })
    }

    /// The first title a phrase holds ("Secretary of State" in "U.S.
    /// Secretary of State").
    pub fn first_title(&self, phrase: &str) -> Option<&Title> {
        let words: Vec<&str> = phrase.split_whitespace().collect();
        (0..words.len()).find_map(|i| self.title_entry_at(&words, i))
    }

    /// Every surface form of an entry (name, variants), without adjectives.
    pub fn names(&self, entry: usize) -> impl Iterator<Item = &str> {
        let e = &self.entries[entry];
        std::iter::once(e.name.as_str()).chain(e.variants.iter().map(String::as_str))
    }

    pub fn entries_of(&self, kind: EntKind) -> impl Iterator<Item = (usize, &Entry)> {
        self.entries
            .iter()
            .enumerate()
            .filter(move |(_, e)| e.kind == kind)
    }
}

/// Case rule: all-caps or digit-bearing phrase tokens (US, ABM, P5+1) must
/// match exactly; others match case-insensitively, but a capitalised phrase
/// token needs a capitalised text token.
fn token_matches(pt: &str, exact: bool, tt: &str) -> bool {
    // Most calls reject: two different ASCII first letters say so before
    // any scan of the words (folding only touches non-ASCII characters).
    if let (Some(&p0), Some(&t0)) = (pt.as_bytes().first(), tt.as_bytes().first())
        && p0.is_ascii()
        && t0.is_ascii()
        && !p0.eq_ignore_ascii_case(&t0)
    {
        return false;
    }
    // The hot case: an ASCII token against an ASCII phrase word.
    if tt.is_ascii() && pt.is_ascii() {
        if exact {
            return pt == tt;
        }
        if !pt.eq_ignore_ascii_case(tt) {
            return false;
        }
        let pcap = pt.as_bytes().first().is_some_and(u8::is_ascii_uppercase);
        let tcap = tt.as_bytes().first().is_some_and(u8::is_ascii_uppercase);
        return !pcap || tcap;
    }
    let folded;
    let tt = if tt.contains(['’', '“', '”']) {
        folded = fold_apostrophes(tt);
        folded.as_str()
    } else {
        tt
    };
    if exact {
        return pt == tt;
    }
    if !pt.eq_ignore_ascii_case(tt) && (pt.is_ascii() || pt.to_lowercase() != tt.to_lowercase()) {
        return false;
    }
    let pcap = pt.chars().next().is_some_and(|c| c.is_uppercase());
    let tcap = tt.chars().next().is_some_and(|c| c.is_uppercase());
    !pcap || tcap
}

fn is_exact_token(pt: &str) -> bool {
    let letters: Vec<char> = pt.chars().filter(|c| c.is_alphabetic()).collect();
    let all_caps = letters.len() >= 2 && letters.iter().all(|c| c.is_uppercase());
    all_caps || pt.chars().any(|c| c.is_ascii_digit())
}

/// Call `f` with the lower-cased, apostrophe-folded form of `w`, without
/// allocating for short ASCII words (the hot path).
fn with_lower<R>(w: &str, f: impl FnOnce(&str) -> R) -> R {
    let b = w.as_bytes();
    let mut buf = [0u8; 64];
    if w.is_ascii() && !b.iter().any(u8::is_ascii_uppercase) {
        return f(w);
    }
    if b.len() <= buf.len() && w.is_ascii() {
        for (d, s) in buf.iter_mut().zip(b) {
            *d = s.to_ascii_lowercase();
        }
        // ASCII lower-casing keeps the bytes valid UTF-8.
        let k = std::str::from_utf8(&buf[..b.len()]).unwrap_or_default();
        return f(k);
    }
    // "Russia’s", "“Open": curly quotes folded, still on the stack.
    let mut len = 0;
    for c in w.chars() {
        let c = match c {
            '’' => '\'',
            '“' | '”' => '"',
            c => c,
        };
        for l in c.to_lowercase() {
            let n = l.len_utf8();
            if len + n > buf.len() {
                return f(&fold_apostrophes(w).to_lowercase());
            }
            l.encode_utf8(&mut buf[len..len + n]);
            len += n;
        }
    }
    f(std::str::from_utf8(&buf[..len]).unwrap_or_default())
}

/// True when the token is a word token.
pub fn is_word(kind: Tk) -> bool {
    kind == Tk::Word
}

// ---------------------------------------------------------------------------
// Linguistic tables.

/// Abbreviations after which a period never ends a sentence.
pub const ALWAYS_ABBREV: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "cmdr", "adm", "sgt",
    "sen", "rep", "gov", "amb", "pres", "rev", "hon", "st", "mt", "ft", "jan", "feb", "mar", "apr",
    "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "no", "nos", "art", "vs", "v", "e.g",
    "i.e", "cf", "fig", "approx", "dept", "est", "vol", "pp",
];

/// Abbreviations that may also end a sentence.
pub const MAYBE_ABBREV: &[&str] = &[
    "jr", "sr", "inc", "ltd", "co", "corp", "etc", "u.s", "u.k", "u.n", "a.m", "p.m", "d.c",
    "u.s.s.r", "e.u", "bros", "plc",
];

pub const MONTHS: &[(&str, u32)] = &[
    ("january", 1),
    ("jan", 1),
    ("february", 2),
    ("feb", 2),
    ("march", 3),
    ("mar", 3),
    ("april", 4),
    ("apr", 4),
    ("may", 5),
    ("june", 6),
    ("jun", 6),
    ("july", 7),
    ("jul", 7),
    ("august", 8),
    ("aug", 8),
    ("september", 9),
    ("sept", 9),
    ("sep", 9),
    ("october", 10),
    ("oct", 10),
    ("november", 11),
    ("nov", 11),
    ("december", 12),
    ("dec", 12),
];

pub const MONTH_NAMES: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Months as news style abbreviates them before a day ("Feb. 5, 2011",
/// "Sept. 10"); March to July stay whole.
pub const MONTH_SHORT: [&str; 12] = [
    "Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.",
    "Dec.",
];

/// Country names said with "the" ("the United States", "the Netherlands").
pub fn takes_the(name: &str) -> bool {
    name.starts_with("United ")
        || [
            "Republic",
            "Union",
            "Federation",
            "Kingdom",
            "Emirates",
            "Islands",
        ]
        .iter()
        .any(|w| name.split_whitespace().any(|x| x == *w))
        || matches!(
            name,
            "Netherlands" | "Philippines" | "Bahamas" | "Gambia" | "Holy See"
        )
}

/// Irregular past-tense verbs ("froze", "withdrew", "said"): finite verbs
/// that no "-ed" ending shows. Sorted: looked up by binary search.
pub const IRREGULAR_PAST: &[&str] = &[
    "agreed",
    "arose",
    "became",
    "began",
    "bent",
    "bid",
    "bit",
    "blew",
    "bore",
    "bought",
    "bound",
    "bred",
    "broadcast",
    "broke",
    "brought",
    "built",
    "burst",
    "came",
    "cast",
    "caught",
    "chose",
    "cost",
    "cut",
    "dealt",
    "drank",
    "drew",
    "drove",
    "dug",
    "fed",
    "fell",
    "felt",
    "fled",
    "flew",
    "forbade",
    "forecast",
    "foresaw",
    "forgave",
    "forgot",
    "fought",
    "found",
    "froze",
    "gave",
    "got",
    "grew",
    "ground",
    "heard",
    "held",
    "hid",
    "hit",
    "hung",
    "hurt",
    "kept",
    "knelt",
    "knew",
    "laid",
    "led",
    "left",
    "lent",
    "let",
    "lit",
    "lost",
    "made",
    "meant",
    "met",
    "misled",
    "mistook",
    "overcame",
    "overran",
    "oversaw",
    "overtook",
    "paid",
    "put",
    "quit",
    "ran",
    "rang",
    "read",
    "rode",
    "rose",
    "said",
    "sang",
    "sank",
    "sat",
    "saw",
    "sent",
    "set",
    "shook",
    "shot",
    "shrank",
    "shut",
    "signed",
    "slept",
    "slid",
    "sold",
    "sought",
    "sped",
    "spent",
    "split",
    "spoke",
    "sprang",
    "spread",
    "spun",
    "stole",
    "stood",
    "strode",
    "strove",
    "struck",
    "stuck",
    "stung",
    "swam",
    "swept",
    "swore",
    "swung",
    "taught",
    "thought",
    "threw",
    "told",
    "took",
    "tore",
    "understood",
    "undertook",
    "underwent",
    "undid",
    "upheld",
    "upset",
    "went",
    "wept",
    "withdrew",
    "withheld",
    "woke",
    "won",
    "wore",
    "wound",
    "wrote",
];

/// Plain present-tense verbs common in reporting ("the allies remain",
/// "Canada and Hungary act as depositaries"): they make a sentence.
pub const PLAIN_VERBS: &[&str] = &[
    "act",
    "remain",
    "say",
    "agree",
    "believe",
    "expect",
    "need",
    "want",
    "seek",
    "support",
    "oppose",
    "continue",
    "consider",
    "plan",
    "intend",
    "share",
    "insist",
    "argue",
    "claim",
    "reject",
    "accept",
    "welcome",
    "regret",
    "urge",
    "maintain",
    "hope",
    "fear",
    "serve",
    "hold",
    "keep",
    "view",
    "see",
    "regard",
    "allow",
    "require",
    "provide",
    "ban",
    "limit",
    // What a treaty's parties do, in the present of a fact sheet.
    "submit",
    "assume",
    "undertake",
    "commit",
    "pledge",
    "prohibit",
    "permit",
    "apply",
    "retain",
    "possess",
    "declare",
    "destroy",
    "eliminate",
    "notify",
    "decide",
    "join",
];

/// Is `w` an irregular past-tense verb?
pub fn is_irregular_past(w: &str) -> bool {
    IRREGULAR_PAST.binary_search(&w).is_ok()
}

/// Honorifics and ranks written before a name ("Ms. Ruiz", "Gen. Milley").
pub const HONORIFICS: &[&str] = &[
    "Mr.", "Ms.", "Mrs.", "Dr.", "Sen.", "Gen.", "Adm.", "Amb.", "Rep.", "Gov.", "Prof.", "Col.",
    "Lt.",
];

/// Titles and honorifics a transcript label puts before a surname
/// ("MR. PRICE", "SECRETARY BLINKEN"), upper case, without a full stop.
pub const LABEL_TITLES: &[&str] = &[
    "MR",
    "MS",
    "MRS",
    "DR",
    "SECRETARY",
    "AMBASSADOR",
    "MINISTER",
    "GENERAL",
    "ADMIRAL",
    "SENATOR",
    "PRESIDENT",
    "DIRECTOR",
    "SPOKESPERSON",
    "UNDER",
    "DEPUTY",
    "ASSISTANT",
    "SPECIAL",
    "ENVOY",
    "CHAIRMAN",
];

/// Nouns that end a transcript label naming a role, not a person ("SENIOR
/// STATE DEPARTMENT OFFICIAL", "NATO SPOKESPERSON"), upper case.
pub const LABEL_ROLE_NOUNS: &[&str] = &[
    "ADVISER",
    "ADVISOR",
    "AIDE",
    "ANALYST",
    "BRIEFER",
    "DELEGATE",
    "DIPLOMAT",
    "EXPERT",
    "GUEST",
    "NEGOTIATOR",
    "OFFICER",
    "OFFICIAL",
    "PANELIST",
    "PARTICIPANT",
    "REPRESENTATIVE",
    "SPEAKER",
    "SPOKESMAN",
    "SPOKESPERSON",
    "SPOKESWOMAN",
    "STAFFER",
];

/// Speech verbs' "-s" forms that are also plural nouns ("member states").
pub const NOUN_VERBS: &[&str] = &["claims", "notes", "reports", "states"];

/// Words after which such a form is a noun: "states of", "states and",
/// "reports were".
pub const NOUN_AFTER: &[&str] = &[
    "of", "and", "or", ",", ")", ".", ";", "are", "were", "have", "had", "which", "who", "in",
    "from", "to", "parties", "party", "will", "would", "must", "may", "might", "can", "could",
    "should", "shall",
];

/// Words before which such a form is a noun: "the states", "its reports".
pub const DETERMINERS: &[&str] = &[
    "the", "these", "those", "its", "their", "our", "his", "her", "all", "other", "many",
    "several", "some", "both", "member", "two", "three", "four", "five",
];

pub const WEEKDAYS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// Verbs that introduce what someone said, in the forms news uses.
/// (form, base form)
pub const SPEECH_VERBS: &[(&str, &str)] = &[
    ("said", "say"),
    ("says", "say"),
    ("told", "tell"),
    ("tells", "tell"),
    ("stated", "state"),
    ("states", "state"),
    ("announced", "announce"),
    ("announces", "announce"),
    ("warned", "warn"),
    ("warns", "warn"),
    ("asked", "ask"),
    ("asks", "ask"),
    ("wrote", "write"),
    ("writes", "write"),
    ("reported", "report"),
    ("reports", "report"),
    ("added", "add"),
    ("adds", "add"),
    ("noted", "note"),
    ("notes", "note"),
    ("declared", "declare"),
    ("stressed", "stress"),
    ("emphasized", "emphasize"),
    ("emphasised", "emphasise"),
    ("insisted", "insist"),
    ("claimed", "claim"),
    ("argued", "argue"),
    ("explained", "explain"),
    ("confirmed", "confirm"),
    ("denied", "deny"),
    ("urged", "urge"),
    ("replied", "reply"),
    ("answered", "answer"),
    ("commented", "comment"),
    ("remarked", "remark"),
    ("predicted", "predict"),
    ("acknowledged", "acknowledge"),
    ("admitted", "admit"),
    ("suggested", "suggest"),
    ("revealed", "reveal"),
    ("tweeted", "tweet"),
    ("posted", "post"),
    ("cautioned", "caution"),
    ("complained", "complain"),
    ("promised", "promise"),
    ("pledged", "pledge"),
    ("vowed", "vow"),
    ("recalled", "recall"),
    ("estimated", "estimate"),
    ("concluded", "conclude"),
    ("observed", "observe"),
    ("contended", "contend"),
    ("maintained", "maintain"),
    ("reiterated", "reiterate"),
    ("underlined", "underline"),
    ("underscored", "underscore"),
    ("assured", "assure"),
    ("quoted", "quote"),
    ("indicated", "indicate"),
    ("pointed", "point"),
    ("called", "call"),
    ("welcomed", "welcome"),
    ("hailed", "hail"),
    ("described", "describe"),
    ("dismissed", "dismiss"),
    ("denounced", "denounce"),
    ("condemned", "condemn"),
    ("praised", "praise"),
    ("accused", "accuse"),
    ("accuses", "accuse"),
];

/// Nouns that make a descriptive phrase a news source ("a Russian satellite
/// news agency", "state media").
pub const SOURCE_NOUNS: &[&str] = &[
    "agency",
    "agencies",
    "media",
    "newspaper",
    "daily",
    "outlet",
    "broadcaster",
    "television",
    "tv",
    "radio",
    "website",
    "channel",
    "magazine",
    "weekly",
    "journal",
    "wire",
];

/// Nouns for a group of people who speak for a state or body when a
/// capitalised word before them says whose they are ("Russian officials",
/// "NATO allies", "the Trump administration", "Western diplomats").
pub const GROUP_SPEAKER_NOUNS: &[&str] = &[
    "officials",
    "diplomats",
    "leaders",
    "negotiators",
    "lawmakers",
    "legislators",
    "senators",
    "ministers",
    "administration",
    "allies",
    "authorities",
    "commanders",
];

/// Words opening a subordinate clause: a name after one ("When Russia
/// left, ...") is not the sentence's subject.
pub const SUBORDINATORS: &[&str] = &[
    "If", "When", "While", "Although", "Because", "As", "Since", "Though", "Unless",
];

/// Nouns after an ordinal that make it a fact worth asking: "the 50th
/// state to ratify", "the 10th anniversary" (not "the 20th century").
pub const ORDINAL_NOUNS: &[&str] = &[
    "state",
    "country",
    "nation",
    "party",
    "signatory",
    "ratification",
    "anniversary",
    "member",
    "session",
    "round",
    "partner",
    "instrument",
    "day",
    "review",
    "test",
];

/// Nouns for one unnamed person who speaks for a government or body,
/// written with "a": "a senior administration official told reporters",
/// "a State Department spokesperson said".
pub const UNNAMED_SPEAKER_NOUNS: &[&str] = &[
    "official",
    "diplomat",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "negotiator",
    "aide",
];

/// Present-tense verbs after a plural subject, and their form after "Who"
/// ("Russian officials say" asks "Who says ...?").
pub const PLURAL_PRESENT: &[(&str, &str)] = &[
    ("say", "says"),
    ("argue", "argues"),
    ("insist", "insists"),
    ("warn", "warns"),
    ("claim", "claims"),
    ("believe", "believes"),
    ("contend", "contends"),
    ("maintain", "maintains"),
    ("accuse", "accuses"),
    ("deny", "denies"),
    ("note", "notes"),
    ("have", "has"),
    ("are", "is"),
];

/// Capitalised words that are not names (sentence openers, pronouns, etc.).
pub const NOT_NAMES: &[&str] = &[
    "The",
    "A",
    "An",
    "This",
    "That",
    "These",
    "Those",
    "It",
    "Its",
    "He",
    "She",
    "They",
    "We",
    "I",
    "You",
    "His",
    "Her",
    "Their",
    "Our",
    "My",
    "Your",
    "In",
    "On",
    "At",
    "By",
    "For",
    "From",
    "To",
    "Of",
    "With",
    "After",
    "Before",
    "During",
    "Since",
    "Until",
    "Under",
    "Over",
    "But",
    "And",
    "Or",
    "Nor",
    "So",
    "Yet",
    "If",
    "When",
    "While",
    "Although",
    "Though",
    "Because",
    "As",
    "According",
    "Following",
    "Regarding",
    "Either",
    "Neither",
    "Even",
    "Specifically",
    "However",
    "Meanwhile",
    "Moreover",
    "Also",
    "Then",
    "Now",
    "Today",
    "Yesterday",
    "Tomorrow",
    "Here",
    "There",
    "What",
    "Why",
    "How",
    "Who",
    "Whom",
    "Which",
    "Where",
    "Both",
    "All",
    "Some",
    "Many",
    "Most",
    "Several",
    "Each",
    "Every",
    "No",
    "Not",
    "Mr.",
    "Mrs.",
    "Ms.",
    "Dr.",
    "Treaty",
    "Agreement",
    "Convention",
    "Article",
    "Protocol",
    "Section",
    "Chapter",
    "Annex",
    "Part",
    "Minister",
    "Ministry",
    "President",
    "Government",
    "State",
    "States",
    "Council",
    "Committee",
    "Commission",
    "Department",
    "Office",
    "Republic",
    "Federation",
    "Union",
    "Kingdom",
    "Islamic",
    "Democratic",
    // "the Kazakh Soviet Socialist Republic": a state's form of
    // government, never a surname.
    "Socialist",
    "Soviet",
    "People",
    "National",
    "Security",
    "Foreign",
    "Defence",
    "Defense",
    "Secretary",
    "Deputy",
    "Vice",
    "Chief",
    "Senior",
    "Former",
    "Acting",
    "Prime",
    "General",
    "Director",
    "Spokesman",
    "Spokeswoman",
    "Spokesperson",
    "Ambassador",
    "Envoy",
    "Chairman",
    "Head",
    "Senate",
    "House",
    "Congress",
    "Parliament",
    "Assembly",
    "Conference",
    "Summit",
    "Meeting",
    "Talks",
    "Debate",
    "Session",
    // Heads of programmes and institutions, never part of a person's name
    // ("International Monitoring System").
    "System",
    "Systems",
    "Program",
    "Programme",
    "Organization",
    "Organisation",
    "Agency",
    "Initiative",
    "Institute",
    "Center",
    "Centre",
    "Forum",
    "Network",
    "Service",
    "Bureau",
    "Board",
    "Court",
    "Command",
    "Administration",
    "Authority",
    "Fund",
    "Group",
    "Alliance",
    "Pact",
    "Regime",
    "Mission",
    "Facility",
    "Laboratory",
    "Monitoring",
    "Stewardship",
    "Verification",
    "Inspection",
    "Inspections",
    "Day",
    "Week",
    "Year",
    "Month",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "Europe",
    "European",
    "Asia",
    "Africa",
    "America",
    "Western",
    "Eastern",
    "Northern",
    "Southern",
    "West",
    "East",
    "North",
    "South",
    "Cold",
    "War",
    "World",
    "Nuclear",
    "Missile",
    "Missiles",
    "Forces",
    "Arms",
    "Control",
    "New",
    "Old",
    "Open",
    "Skies",
    "Sky",
    "Q",
    "A",
    "Question",
    "Answer",
    "Thank",
    "Thanks",
    "Yes",
    "Well",
    "Okay",
    "OK",
    "Let",
    "Please",
    "Good",
    "Oh",
    "Again",
    "First",
    "Second",
    "Third",
    "Last",
    "Next",
    "Only",
    "Just",
    "Still",
    "Such",
    "Other",
    "Another",
    "Once",
    "Later",
    "Earlier",
    "Despite",
    "Instead",
    "Among",
    "Between",
    "Against",
    "Without",
    "Within",
    "Through",
    "Into",
    "Upon",
    "About",
    "Above",
    "Below",
    "Asked",
    "Speaking",
    "Notably",
    "Overall",
    "Finally",
    "Initially",
    "Ultimately",
    "Together",
    "Signed",
    "Under",
    "Background",
    "Key",
    "Facts",
    "Status",
    "Note",
    "Source",
    "Sources",
    "Officials",
    "Analysts",
    "Experts",
    "Critics",
    "Supporters",
    "Diplomats",
    "Inspectors",
    "Kremlin",
    "Pentagon",
    "Washington",
    "Moscow",
    "Unlike",
    "Like",
    "Beyond",
    "Besides",
    "Amid",
    "Unless",
    "Whether",
    "Except",
    "Toward",
    "Towards",
];

/// Words that mean a spelled-out number.
pub const NUMBER_WORDS: &[(&str, u64)] = &[
    ("two", 2),
    ("three", 3),
    ("four", 4),
    ("five", 5),
    ("six", 6),
    ("seven", 7),
    ("eight", 8),
    ("nine", 9),
    ("ten", 10),
    ("eleven", 11),
    ("twelve", 12),
    ("thirteen", 13),
    ("fourteen", 14),
    ("fifteen", 15),
    ("sixteen", 16),
    ("seventeen", 17),
    ("eighteen", 18),
    ("nineteen", 19),
    ("twenty", 20),
    ("thirty", 30),
    ("forty", 40),
    ("fifty", 50),
    ("sixty", 60),
    ("seventy", 70),
    ("eighty", 80),
    ("ninety", 90),
    ("hundred", 100),
    ("dozen", 12),
];

/// Units kept in a number's answer ("3.67 percent", "300 kilograms").
pub const NUMBER_UNITS: &[&str] = &[
    "percent",
    "per",
    "%",
    "kilograms",
    "kilogram",
    "kg",
    "tonnes",
    "tons",
    "kilometres",
    "kilometers",
    "km",
    "miles",
    "kilotons",
    "kilotonnes",
    "megatons",
    "years",
    "months",
    "weeks",
    "days",
    // "within one year": the singular after "one".
    "year",
    "month",
    "week",
    "day",
    "hours",
    "minutes",
    "million",
    "billion",
    "trillion",
];

/// Head words of treaty-like names not in the gazetteer.
/// Stems of verbs whose object is a treaty ("ratified it", "signing it").
/// Verbs by which a treaty sets up a body ("creates", "established"): a
/// following "It" may mean that body.
pub const CREATE_VERBS: &[&str] = &[
    "create",
    "creates",
    "created",
    "establish",
    "establishes",
    "established",
    "sets",
    "set",
];

pub const TREATY_ACTS: &[&str] = &[
    "ratif",
    "sign",
    "join",
    "leav",
    "left",
    "violat",
    "suspend",
    "implement",
    "denounc",
    "adopt",
    "extend",
    "abandon",
    "renounc",
    "revok",
    // "The Senate approved it by a vote of 71 to 26".
    "approv",
];

/// Treaty acronyms read as words and said without "the" ("START was
/// signed"); others take it ("the CTBT", "the NPT", "the CWC").
pub const ACRONYMS_WITHOUT_THE: &[&str] = &[
    "START",
    "START I",
    "START II",
    "START III",
    "SALT",
    "SALT I",
    "SALT II",
    "SORT",
];

pub const TREATY_HEADS: &[&str] = &[
    "Treaty",
    "Agreement",
    "Convention",
    "Accord",
    "Accords",
    "Protocol",
    "Memorandum",
    "Pact",
    "Framework",
    "Document",
    "Declaration",
    "Charter",
    // "the Basic Principles of Relations", "the Wassenaar Arrangement",
    // "the Shanghai Communiqué".
    "Principles",
    "Arrangement",
    "Communiqué",
    "Communique",
];

/// Lower-case words allowed inside a capitalised name ("Treaty on the Non-Proliferation of ...").
pub const NAME_JOINERS: &[&str] = &[
    "of", "on", "the", "and", "for", "in", "to", "de", "al", "bin", "a",
];

/// Pronouns never used as answers.
pub const PRONOUNS: &[&str] = &[
    "he", "she", "it", "they", "we", "i", "you", "him", "her", "them", "us", "this", "that",
    "these", "those", "who", "which", "one",
];

/// Verbs after which "in PLACE" is where an agreement was made.
pub const SIGNING_VERBS: &[&str] = &[
    "signed",
    "concluded",
    "initialled",
    "initialed",
    "adopted",
    "negotiated",
    "finalised",
    "finalized",
    "opened",
    // "the signature today in Paris of the Treaty", "the signing in Prague".
    "signature",
    "signing",
];

/// Treaties between the United States and the Soviet Union or Russia alone
/// (names as in treaties.tsv): no third state is a party to them.
pub const US_SOVIET_BILATERAL: &[&str] = &[
    "ABM Treaty",
    "SALT I",
    "SALT II",
    "INF Treaty",
    "START II",
    "SORT",
    "New START",
    "Threshold Test Ban Treaty",
    "Peaceful Nuclear Explosions Treaty",
    "Incidents at Sea Agreement",
];

/// Possessives whose owner depends on who speaks ("our program").
pub const PERSONAL_POSSESSIVES: &[&str] = &["our", "my", "your"];

pub fn month_of(w: &str) -> Option<u32> {
    let w = w.trim_end_matches('.');
    MONTHS
        .iter()
        .find(|(m, _)| m.eq_ignore_ascii_case(w))
        .map(|&(_, n)| n)
}

/// Whether `w` is one of [`NOT_NAMES`] (a set, built once).
pub fn is_not_name_word(w: &str) -> bool {
    static SET: OnceLock<std::collections::HashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| NOT_NAMES.iter().copied().collect())
        .contains(w)
}

pub fn speech_base(w: &str) -> Option<&'static str> {
    static MAP: OnceLock<HashMap<&'static str, &'static str>> = OnceLock::new();
    let map = MAP.get_or_init(|| SPEECH_VERBS.iter().copied().collect());
    if w.len() > 16 {
        return None;
    }
    with_lower(w, |k| map.get(k).copied())
}

/// Common nouns for a treaty: "the accord", "the deal". A card's treaty
/// tag or name places them ("The accord was signed in ___" needs no
/// sentence before it), and an article that calls its one named treaty so
/// is about it.
pub const TREATY_NOUNS: &[&str] = &[
    "treaty",
    "accord",
    "agreement",
    "pact",
    "convention",
    "deal",
    "memorandum",
];

/// Head words of instruments that are not called "treaty": "the code"
/// is the Hague Code of Conduct in a text that names it, "the document"
/// the Stockholm Document.
pub const INSTRUMENT_HEADS: &[&str] = &[
    "code",
    "document",
    "regime",
    "arrangement",
    "declaration",
    "protocol",
    "act",
    "framework",
    "charter",
    "statute",
    "understanding",
];

/// Is `w` one of [`INSTRUMENT_HEADS`], in any case ("Code", "regime")?
pub fn is_instrument_head(w: &str) -> bool {
    INSTRUMENT_HEADS.iter().any(|h| w.eq_ignore_ascii_case(h))
}

/// Words a text uses for its own instrument without naming it ("The
/// initiative grew out of ...", "The measures enter into effect ...").
pub const INSTRUMENT_WORDS: &[&str] = &["initiative", "measures", "text", "provisions"];

/// Words naming a numbered part of a treaty ("Article 51", "Annex II"):
/// the part is asked for by its number, which may be typed in Roman or
/// Arabic figures.
pub const PART_HEADS: &[&str] = &[
    "Article",
    "Articles",
    "Chapter",
    "Annex",
    "Section",
    "Paragraph",
    "Part",
];

/// Words of a region that may stand between a count and what it counts
/// ("the ten Southeast Asian states", "three Baltic republics", "the 27
/// European Union members"): the count defines the group.
pub const REGION_WORDS: &[&str] = &[
    "Southeast",
    "Southwest",
    "Northeast",
    "Northwest",
    "South",
    "North",
    "East",
    "West",
    "Central",
    "Eastern",
    "Western",
    "Northern",
    "Southern",
    "Asian",
    "European",
    "African",
    "American",
    "Arab",
    "Latin",
    "Pacific",
    "Nordic",
    "Baltic",
    "Balkan",
    "Caribbean",
    "Gulf",
    "Union",
    "Soviet",
    "NATO",
    "ASEAN",
];

/// Units a count is joined to before a noun: "a six-month arrangement",
/// "a four-page document", "the five-megawatt reactor".
pub const COUNTED_UNITS: &[&str] = &[
    "day",
    "week",
    "month",
    "year",
    "hour",
    "page",
    "megawatt",
    "kiloton",
    "member",
    "nation",
    "point",
    "mile",
    "kilometre",
    "kilometer",
    "stage",
    "phase",
];

/// Ordinal words and their numbers: "eighth", "fortieth" ("thirty-fifth"
/// is a tens word and a unit, read by `ordinal_word`).
pub const ORDINAL_WORDS: &[(&str, u64)] = &[
    ("first", 1),
    ("second", 2),
    ("third", 3),
    ("fourth", 4),
    ("fifth", 5),
    ("sixth", 6),
    ("seventh", 7),
    ("eighth", 8),
    ("ninth", 9),
    ("tenth", 10),
    ("eleventh", 11),
    ("twelfth", 12),
    ("thirteenth", 13),
    ("fourteenth", 14),
    ("fifteenth", 15),
    ("sixteenth", 16),
    ("seventeenth", 17),
    ("eighteenth", 18),
    ("nineteenth", 19),
    ("twentieth", 20),
    ("thirtieth", 30),
    ("fortieth", 40),
    ("fiftieth", 50),
    ("sixtieth", 60),
    ("seventieth", 70),
    ("eightieth", 80),
    ("ninetieth", 90),
    ("hundredth", 100),
];

/// The number an ordinal word names: "eighth" 8, "Thirty-fifth" 35.
pub fn ordinal_word(w: &str) -> Option<u64> {
    if w.len() > 20 {
        return None;
    }
    with_lower(w, |k| {
        let one = |x: &str| ORDINAL_WORDS.iter().find(|(o, _)| *o == x).map(|(_, n)| *n);
        one(k).or_else(|| {
            let (tens, unit) = k.split_once('-')?;
            let t = number_word(tens)?;
            let u = one(unit)?;
            ((20..=90).contains(&t) && t.is_multiple_of(10) && (1..=9).contains(&u))
                .then_some(t + u)
        })
    })
}

/// `n` as an ordinal word ("thirty-fifth"), for n from 1 to 99.
pub fn ordinal_words_of(n: u64) -> Option<String> {
    if let Some((w, _)) = ORDINAL_WORDS.iter().find(|(_, x)| *x == n) {
        return Some(w.to_string());
    }
    let (t, u) = (n / 10 * 10, n % 10);
    if !(20..=90).contains(&t) || u == 0 {
        return None;
    }
    let tens = NUMBER_WORDS.iter().find(|(_, x)| *x == t)?.0;
    let unit = ORDINAL_WORDS.iter().find(|(_, x)| *x == u)?.0;
    Some(format!("{tens}-{unit}"))
}

pub fn number_word(w: &str) -> Option<u64> {
    static MAP: OnceLock<HashMap<&'static str, u64>> = OnceLock::new();
    let map = MAP.get_or_init(|| NUMBER_WORDS.iter().copied().collect());
    if w.len() > 16 {
        return None;
    }
    with_lower(w, |k| {
        map.get(k).copied().or_else(|| {
            // "Fifty-four": tens and a unit.
            let (tens, unit) = k.split_once('-')?;
            let t: u64 = *map.get(tens)?;
            let u: u64 = if unit == "one" { 1 } else { *map.get(unit)? };
            ((20..=90).contains(&t) && t.is_multiple_of(10) && (1..=9).contains(&u))
                .then_some(t + u)
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(s: &str) -> Vec<String> {
        tokenize(s).iter().map(|t| t.text.to_string()).collect()
    }

    #[test]
    fn ordinal_words_are_read_and_written() {
        assert_eq!(ordinal_word("eighth"), Some(8));
        assert_eq!(ordinal_word("Fortieth"), Some(40));
        assert_eq!(ordinal_word("thirty-fifth"), Some(35));
        assert_eq!(ordinal_word("thirty-five"), None);
        assert_eq!(ordinal_word("eight"), None);
        assert_eq!(ordinal_words_of(35).as_deref(), Some("thirty-fifth"));
        assert_eq!(ordinal_words_of(40).as_deref(), Some("fortieth"));
        assert_eq!(ordinal_words_of(100).as_deref(), Some("hundredth"));
        assert_eq!(ordinal_words_of(101), None);
    }

    #[test]
    fn every_alliance_and_treaty_has_a_family() {
        let g = get();
        let kin: Vec<&Entry> = g
            .entries
            .iter()
            .filter(|e| matches!(e.kind, EntKind::Alliance | EntKind::Treaty))
            .collect();
        assert!(kin.len() >= 70, "{}", kin.len());
        for e in kin {
            assert!(e.family.is_some(), "{}", e.name);
        }
    }

    #[test]
    fn organisation_families_are_few_and_each_has_three_members() {
        // A family names a kind, not one body: a typo would make a family
        // of one, whose members could take no options at all.
        let g = get();
        let mut families: HashMap<&str, usize> = HashMap::default();
        for e in g.entries.iter().filter(|e| e.kind == EntKind::Organisation) {
            if let Some(f) = e.family.as_deref() {
                *families.entry(f).or_default() += 1;
            }
        }
        assert!(families.len() >= 5, "{families:?}");
        for (f, n) in families {
            assert!(n >= 3, "{f}: {n}");
        }
    }

    #[test]
    fn every_persons_country_is_a_gazetteer_country() {
        let g = get();
        assert_eq!(g.people.len(), g.people_country.len());
        let mut known = 0;
        for (sp, c) in g.people.iter().zip(&g.people_country) {
            if c.is_empty() {
                continue;
            }
            let e = g
                .entry_named(c)
                .unwrap_or_else(|| panic!("{c} ({})", sp[0]));
            assert_eq!(g.entries[e].kind, EntKind::Country, "{c}");
            known += 1;
        }
        assert!(known > 50, "{known}");
        assert_eq!(g.person_country("Putin"), Some("Russia"));
        assert_eq!(g.person_country("Antonio Guterres"), None);
    }

    #[test]
    fn number_words_with_a_hyphen_add_up() {
        assert_eq!(number_word("Fifty-four"), Some(54));
        assert_eq!(number_word("twenty-one"), Some(21));
        assert_eq!(number_word("four-five"), None);
        assert_eq!(number_word("twenty-twenty"), None);
    }

    #[test]
    fn the_irregular_verb_table_is_sorted_for_binary_search() {
        assert!(IRREGULAR_PAST.windows(2).all(|w| w[0] < w[1]));
        assert!(is_irregular_past("froze") && is_irregular_past("withdrew"));
        assert!(!is_irregular_past("treaty"));
    }

    #[test]
    fn bodies_inside_others_are_nested_both_ways() {
        let g = get();
        let id = |n: &str| g.entry_named(n).unwrap_or_else(|| panic!("{n} not found"));
        assert_eq!(id("U.S. Senate"), id("Senate"));
        assert!(g.nested(id("U.S. Senate"), id("Congress")));
        assert!(g.nested(id("Congress"), id("Senate Foreign Relations Committee")));
        assert!(g.nested(id("UN Security Council"), id("United Nations")));
        assert!(!g.nested(id("Senate"), id("State Duma")));
        assert!(!g.nested(id("Senate"), id("Senate")));
        // Every 'within' names a row of the table.
        let named = rows(ORGANISATIONS_TSV)
            .filter(|r| r.get(3).is_some_and(|w| !w.is_empty()))
            .count();
        let resolved = g.entries.iter().filter(|e| e.within.is_some()).count();
        assert_eq!(named, resolved);
    }

    #[test]
    fn every_listed_party_and_title_state_is_a_country_of_the_table() {
        let g = get();
        for r in rows(TREATIES_TSV) {
            let listed = list(r.get(6));
            let e = g.entry_named(r[0]).unwrap_or_else(|| panic!("{}", r[0]));
            assert_eq!(
                g.entries[e].parties.len(),
                listed.len(),
                "{}: {listed:?}",
                r[0]
            );
        }
        for r in rows(TITLES_TSV) {
            let listed = list(r.get(2));
            let t = g
                .title_list
                .iter()
                .find(|t| t.toks.join(" ") == phrase_tokens(r[0]).join(" "))
                .unwrap_or_else(|| panic!("{}", r[0]));
            assert_eq!(
                t.only_in.len() + t.not_in.len() + usize::from(t.international),
                listed.len(),
                "{}",
                r[0]
            );
        }
    }

    #[test]
    fn tables_load_and_are_not_empty() {
        let g = get();
        assert!(g.entries_of(EntKind::Country).count() > 150);
        assert!(g.entries_of(EntKind::Treaty).count() > 20);
        assert!(g.entries_of(EntKind::Agency).count() > 10);
        assert!(!g.title_list.is_empty());
    }

    #[test]
    fn matches_longest_phrase_with_case_rules() {
        let g = get();
        let t = toks("the Anti-Ballistic Missile Treaty and the US and us");
        let r: Vec<&str> = t.iter().map(String::as_str).collect();
        let m = g.match_at(&r, 1).expect("treaty long form");
        assert_eq!(g.entries[m.entry].kind, EntKind::Treaty);
        assert_eq!(m.len, toks("Anti-Ballistic Missile Treaty").len());
        let us = r.iter().position(|w| *w == "US").unwrap();
        assert_eq!(
            g.entries[g.match_at(&r, us).unwrap().entry].name,
            "United States"
        );
        let lower_us = r.iter().rposition(|w| *w == "us").unwrap();
        assert!(
            g.match_at(&r, lower_us).is_none(),
            "'us' the pronoun is no country"
        );
    }

    #[test]
    fn adjectives_point_to_their_country() {
        let g = get();
        let t = toks("Russian officials");
        let r: Vec<&str> = t.iter().map(String::as_str).collect();
        let m = g.match_at(&r, 0).unwrap();
        assert_eq!(m.form, Form::Adjective);
        assert_eq!(g.entries[m.entry].name, "Russia");
    }
}
