//! Cards from facts: question or cloze, leak and duplicate guards, stable
//! ids, and seeded multiple-choice options of the same type.

use std::sync::OnceLock;

use super::fxhash::{FxHashMap as HashMap, FxHashSet as HashSet};

use rand::SeedableRng;
use rand::rngs::Xoshiro256PlusPlus;
use rand::seq::SliceRandom;
use serde::{Deserialize, Serialize};

use super::dates::Ymd;
use super::extract::{EntClass, Extraction, Fact, FactKind, Pool, dedup};
use super::gazetteer::{self, EntKind, NUMBER_WORDS};
use super::similarity::{norm, similar};
use super::text::Article;

/// One quiz card, as in the card JSON contract.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Card {
    pub id: String,
    pub kind: FactKind,
    pub question: String,
    pub answer: String,
    #[serde(default)]
    pub accept: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub choices: Option<Vec<String>>,
    pub sentence: String,
    pub sentence_index: usize,
    #[serde(default)]
    pub paragraph: usize,
    #[serde(default)]
    pub cloze: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resolved_date: Option<String>,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub inferred: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// 64-bit FNV-1a: a tiny, stable, portable hash for card ids and seeds.
pub fn fnv1a(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// "this year", "last year" and "next year" written as the years they are
/// when the article is dated `year`: a card is read long after its
/// article. "In January of this year" -> "In January of 2021", "earlier
/// this year" -> "earlier in 2021", "This year, ..." -> "In 2021, ...".
fn relative_years_written(text: &str, year: i32) -> Option<String> {
    let mut out = String::with_capacity(text.len() + 8);
    let mut rest = text;
    let mut changed = false;
    while let Some((at, len, offset)) = ["this year", "last year", "next year"]
        .iter()
        .zip([0, -1, 1])
        .filter_map(|(p, o)| {
            let at = rest.to_ascii_lowercase().find(p)?;
            Some((at, p.len(), o))
        })
        .min_by_key(|&(at, _, _)| at)
    {
        let before = &rest[..at];
        let after = &rest[at + len..];
        // Whole words only ("this yearly review" is no year).
        let bounded = before
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric())
            && after.chars().next().is_none_or(|c| !c.is_alphanumeric());
        // A quotation keeps its words: "“We will finish this year,” he said."
        let quoted = {
            let seen = || out.chars().chain(before.chars());
            let straight = seen().filter(|&c| c == '"').count();
            let open = seen().filter(|&c| c == '“').count();
            let close = seen().filter(|&c| c == '”').count();
            straight % 2 == 1 || open > close
        };
        if !bounded || quoted {
            out.push_str(&rest[..at + len]);
            rest = after;
            continue;
        }
        let y = (year + offset).to_string();
        let prev = before.split_whitespace().next_back().unwrap_or("");
        let start = before.trim_end().is_empty() && out.trim_end().is_empty();
        out.push_str(before);
        // "last year's race" -> "the 2000 race".
        if let Some(tail) = after
            .strip_prefix("'s")
            .or_else(|| after.strip_prefix("’s"))
        {
            out.push_str("the ");
            out.push_str(&y);
            rest = tail;
            changed = true;
            continue;
        }
        // "of this year", "since last year": a preposition takes the year.
        const TAKE_YEAR: &[&str] = &[
            "of", "in", "since", "until", "by", "before", "after", "during", "from", "to",
        ];
        if TAKE_YEAR.iter().any(|p| prev.eq_ignore_ascii_case(p)) {
            out.push_str(&y);
        } else if start {
            out.push_str("In ");
            out.push_str(&y);
        } else {
            out.push_str("in ");
            out.push_str(&y);
        }
        rest = after;
        changed = true;
    }
    out.push_str(rest);
    changed.then_some(out)
}

/// `h` as 16 lower-case hex digits (as `{:016x}`, without `format!`).
fn hex16(h: u64) -> String {
    (0..16)
        .rev()
        .map(|i| char::from(b"0123456789abcdef"[((h >> (i * 4)) & 0xf) as usize]))
        .collect()
}

/// Stable card id from the normalised sentence, kind and answer.
pub fn card_id(sentence: &str, kind: FactKind, answer: &str) -> String {
    let key = format!("{}|{}|{}", norm(sentence), kind.as_str(), norm(answer));
    hex16(fnv1a(key.as_bytes()))
}

/// Find `needle` in `hay` case-insensitively at word boundaries; byte spans.
pub(crate) fn find_word_spans(hay: &str, needle: &str) -> Vec<(usize, usize)> {
    find_spans_of_any(hay, std::slice::from_ref(&needle.to_string()))
}

/// Word-boundary, case-insensitive occurrences of any of `needles`.
pub(crate) fn find_spans_of_any(hay: &str, needles: &[String]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let h = Folded::new(hay);
    for needle in needles {
        spans_in(hay, &h, needle, &mut out);
    }
    out
}

/// A text's case-folded characters with their byte offsets, and the
/// indices where a word can start (the first character, or one after a
/// character that is not alphanumeric): a name is only sought there.
#[derive(Default)]
struct Folded {
    chars: Vec<(usize, char)>,
    starts: Vec<usize>,
}

impl Folded {
    fn new(text: &str) -> Folded {
        let chars: Vec<(usize, char)> = text
            .char_indices()
            .map(|(i, c)| (i, fold_char(c)))
            .collect();
        let mut starts = Vec::with_capacity(chars.len() / 4);
        let mut prev_alnum = false;
        for (k, &(_, c)) in chars.iter().enumerate() {
            if !prev_alnum {
                starts.push(k);
            }
            prev_alnum = c.is_alphanumeric();
        }
        Folded { chars, starts }
    }
}

fn spans_in(hay: &str, f: &Folded, needle: &str, out: &mut Vec<(usize, usize)>) {
    let h = f.chars.as_slice();
    let n = needle.trim();
    if n.chars().filter(|c| c.is_alphanumeric()).count() < 3 {
        return;
    }
    // Stack buffer for the folded needle: no allocation per name.
    let mut buf = ['\0'; 96];
    let mut len = 0;
    for c in n.chars().map(fold_char) {
        if len == buf.len() {
            return;
        }
        buf[len] = c;
        len += 1;
    }
    let nd = &buf[..len];
    if nd.is_empty() || nd.len() > h.len() {
        return;
    }
    let first = nd[0];
    // Only word starts can begin a match; after a match, the search goes
    // on from its end.
    let mut from = 0;
    for &i in &f.starts {
        if i < from {
            continue;
        }
        if i + nd.len() > h.len() {
            break;
        }
        if h[i].1 == first && h[i..i + nd.len()].iter().zip(nd).all(|((_, a), b)| a == b) {
            let j = i + nd.len();
            if j == h.len() || !h[j].1.is_alphanumeric() {
                let end = h.get(j).map_or(hay.len(), |&(b, _)| b);
                out.push((h[i].0, end));
                from = j;
            }
        }
    }
}

fn fold_char(c: char) -> char {
    if c.is_ascii() {
        return c.to_ascii_lowercase();
    }
    match c {
        '’' | '‘' => '\'',
        c => c.to_lowercase().next().unwrap_or(c),
    }
}

/// Is the span one part of a hyphenated compound ("Lugar" in
/// "Nunn-Lugar")? Blanking it would break the name; left as it is, the leak
/// check decides whether the card can stand.
fn inside_compound(text: &str, a: usize, b: usize) -> bool {
    let before = text[..a].chars().rev().take(2).collect::<Vec<_>>();
    let after = text[b..].chars().take(2).collect::<Vec<_>>();
    let joined = |cs: &[char]| cs.len() == 2 && cs[0] == '-' && cs[1].is_alphabetic();
    // "a ___-day process" is a fine blank for a number.
    text[a..].starts_with(char::is_alphabetic) && (joined(&before) || joined(&after))
}

/// Is the name at `span` the first part of a longer capitalised name
/// ("Dean" in "Dean Rusk")?
fn part_of_longer_name(text: &str, (_, b): (usize, usize)) -> bool {
    text[b..]
        .strip_prefix(' ')
        .and_then(|r| r.chars().next())
        .is_some_and(char::is_uppercase)
}

/// Does a year follow byte `b` ("… 31 December| 1981", "May 5|, 1981")?
fn followed_by_year(text: &str, b: usize) -> bool {
    let rest = text[b..]
        .strip_prefix(", ")
        .or_else(|| text[b..].strip_prefix(' '))
        .unwrap_or("");
    rest.len() >= 4 && rest.as_bytes()[..4].iter().all(u8::is_ascii_digit)
}

/// Replace spans with "___", merging overlaps.
pub fn blank(text: &str, spans: &[(usize, usize)]) -> String {
    let mut sp: Vec<(usize, usize)> = spans
        .iter()
        .copied()
        .filter(|&(a, b)| {
            a < b
                && b <= text.len()
                && text.is_char_boundary(a)
                && text.is_char_boundary(b)
                && !inside_compound(text, a, b)
        })
        .collect();
    sp.sort();
    let mut out = String::with_capacity(text.len());
    let mut pos = 0;
    for (a, b) in sp {
        if a < pos {
            pos = pos.max(b);
            continue;
        }
        out.push_str(&text[pos..a]);
        out.push_str("___");
        pos = b;
    }
    out.push_str(&text[pos..]);
    out
}

/// Per-article caches: normalised entity names and distractor pools, so
/// that each card costs little however many cards an article has.
struct Cache<'a> {
    ex: &'a Extraction,
    /// Normalised names of each entity.
    ent_norms: Vec<Vec<String>>,
    /// Each entity's names with their normalised forms.
    ent_names: Vec<Vec<(String, String)>>,
    pools: HashMap<Pool, Vec<Cand>>,
    /// Normalised text of the sentence last used for a card id.
    sent_norm: Option<(usize, String)>,
    /// Case-folded characters of the sentence last blanked.
    sent_chars: Option<(usize, Folded)>,
    /// Per sentence: the years its date facts resolve to, in fact order.
    sentence_years: Vec<Vec<i32>>,
    /// Per sentence: the latest year of the last sentence at or before it
    /// that dates an event (the time a sentence naming no year is set in).
    narrative: Vec<Option<i32>>,
}

/// A distractor candidate: display text, normalised form, entity if any,
/// and for numbers the word after them (options count the same thing).
#[derive(Clone)]
struct Cand {
    text: String,
    /// Empty until the option is considered (made-up options, most never
    /// looked at).
    norm: String,
    entity: Option<usize>,
    group: String,
    /// For an article's figures: their shape, worked out once.
    shape: Option<NumShape>,
    /// The gazetteer entry a fallback name is (article candidates have
    /// theirs on the entity).
    gaz: Option<usize>,
}

impl Cand {
    /// The gazetteer entry this option is: its entity's, else its own.
    fn entry(&self, ex: &Extraction) -> Option<usize> {
        self.entity
            .and_then(|e| ex.entities.get(e))
            .and_then(|e| e.gaz)
            .or(self.gaz)
    }
    /// An option that is not an article entity (a gazetteer name).
    fn plain(text: String) -> Cand {
        Cand {
            norm: norm(&text),
            ..Cand::made(text)
        }
    }
    /// A made-up option (a perturbed date or figure), normalised only if
    /// it is considered.
    fn made(text: String) -> Cand {
        Cand {
            norm: String::new(),
            text,
            entity: None,
            group: String::new(),
            shape: None,
            gaz: None,
        }
    }
}

impl<'a> Cache<'a> {
    fn new(ex: &'a Extraction) -> Cache<'a> {
        let ent_names: Vec<Vec<(String, String)>> = ex
            .entities
            .iter()
            .map(|e| {
                e.all_names()
                    .into_iter()
                    .map(|n| {
                        let nn = norm(&n);
                        (n, nn)
                    })
                    .collect()
            })
            .collect();
        let ent_norms = ent_names
            .iter()
            .map(|v| {
                let mut n: Vec<String> = v.iter().map(|(_, nn)| nn.clone()).collect();
                n.sort();
                n.dedup();
                n
            })
            .collect();
        let n_sent = ex
            .facts
            .iter()
            .map(|f| f.sentence + 1)
            .max()
            .unwrap_or(0)
            .max(ex.sentence_entities.len());
        let mut sentence_years: Vec<Vec<i32>> = vec![Vec::new(); n_sent];
        for f in ex.facts.iter().filter(|f| f.kind == FactKind::Date) {
            if let Some(r) = f.resolved {
                sentence_years[f.sentence].push(r.y);
            }
        }
        let mut narrative = Vec::with_capacity(n_sent);
        let mut last = None;
        for ys in &sentence_years {
            if let Some(&y) = ys.iter().max() {
                last = Some(y);
            }
            narrative.push(last);
        }
        Cache {
            ex,
            ent_norms,
            ent_names,
            pools: HashMap::default(),
            sent_norm: None,
            sent_chars: None,
            sentence_years,
            narrative,
        }
    }

    /// Every spelling of a fact's answer, with its normalised form.
    fn names_of(&self, f: &Fact) -> (Vec<String>, Vec<String>) {
        let mut names: Vec<String> = Vec::new();
        let mut norms: Vec<String> = Vec::new();
        let mut add = |n: &str, nn: String| {
            if !nn.is_empty() && !norms.contains(&nn) {
                names.push(n.to_string());
                norms.push(nn);
            }
        };
        add(&f.answer, norm(&f.answer));
        // An entity's accepted forms are its names, added below once.
        if f.entity.is_none() || f.kind == FactKind::Role {
            for a in &f.accept {
                // "February" alone is no spelling of "February 2021" to
                // blank: it would blank "February 5, 2026" beside it.
                if f.kind == FactKind::Date && !a.contains(|c: char| c.is_ascii_digit()) {
                    continue;
                }
                add(a, norm(a));
            }
        }
        // A role card names its person in the question on purpose.
        if let Some(e) = f.entity.filter(|_| f.kind != FactKind::Role) {
            for (n, nn) in &self.ent_names[e] {
                add(n, nn.clone());
            }
        }
        // "between the Finnish capital and Vienna" names Helsinki too.
        if f.kind == FactKind::Party && f.answer.starts_with(char::is_uppercase) {
            for d in gazetteer::capital_descriptions(&f.answer) {
                add(d, norm(d));
            }
        }
        (names, norms)
    }

    fn is_person(&self, e: Option<usize>) -> bool {
        e.and_then(|e| self.ex.entities.get(e))
            .is_some_and(|e| e.class == EntClass::Person)
    }

    /// Word-boundary occurrences of `names` in sentence `si`.
    fn spans(&mut self, si: usize, text: &str, names: &[String]) -> Vec<(usize, usize)> {
        if self.sent_chars.as_ref().is_none_or(|(i, _)| *i != si) {
            self.sent_chars = Some((si, Folded::new(text)));
        }
        let empty = Folded::default();
        let h = self.sent_chars.as_ref().map_or(&empty, |(_, h)| h);
        let mut out = Vec::new();
        for n in names {
            spans_in(text, h, n, &mut out);
        }
        out
    }

    fn card_id(&mut self, si: usize, sentence: &str, kind: FactKind, answer: &str) -> String {
        if self.sent_norm.as_ref().is_none_or(|(i, _)| *i != si) {
            self.sent_norm = Some((si, norm(sentence)));
        }
        let sn = self
            .sent_norm
            .as_ref()
            .map(|(_, n)| n.as_str())
            .unwrap_or("");
        // The same hash as `card_id`, without building the key string.
        let mut h: u64 = 0xcbf2_9ce4_8422_2325;
        for part in [
            sn.as_bytes(),
            b"|",
            kind.as_str().as_bytes(),
            b"|",
            norm(answer).as_bytes(),
        ] {
            for &b in part {
                h ^= u64::from(b);
                h = h.wrapping_mul(0x0100_0000_01b3);
            }
        }
        hex16(h)
    }
}

/// The entity and role pools, built once per article.
fn pool_for<'p>(
    pools: &'p mut HashMap<Pool, Vec<Cand>>,
    ex: &Extraction,
    pool: Pool,
) -> &'p [Cand] {
    {
        pools.entry(pool).or_insert_with(|| {
            let cand = |text: String, entity: Option<usize>| Cand {
                norm: norm(&text),
                text,
                entity,
                group: String::new(),
                shape: None,
                gaz: None,
            };
            let mut v: Vec<Cand> = Vec::new();
            match pool {
                Pool::Entity(class) => {
                    let classes: &[EntClass] = if class == EntClass::Source {
                        &[EntClass::Source, EntClass::Agency]
                    } else {
                        std::slice::from_ref(&class)
                    };
                    let mut p: Vec<Cand> = ex
                        .entities
                        .iter()
                        .enumerate()
                        .filter(|(_, e)| classes.contains(&e.class) && e.count > 0)
                        .map(|(i, e)| cand(display_name(e), Some(i)))
                        .collect();
                    p.sort_by(|a, b| a.text.cmp(&b.text));
                    v.extend(p);
                }
                Pool::Date(prec) => {
                    let mut p: Vec<String> = ex
                        .date_pool
                        .iter()
                        .filter(|d| d.precision() == prec)
                        .map(|d| d.display())
                        .collect();
                    p.sort();
                    p.dedup();
                    v.extend(p.into_iter().map(|t| cand(t, None)));
                }
                Pool::Number => {
                    let mut p = ex.number_pool.clone();
                    p.sort();
                    p.dedup();
                    v.extend(p.into_iter().map(|(t, noun)| Cand {
                        norm: norm(&t),
                        shape: Some(number_shape(&t)),
                        text: t,
                        entity: None,
                        group: noun,
                        gaz: None,
                    }));
                }
                Pool::Role => {
                    let mut p = ex.role_pool.clone();
                    p.sort();
                    p.dedup();
                    v.extend(p.into_iter().map(|t| cand(t, None)));
                }
                _ => {}
            }
            v
        })
    }
}

/// Gazetteer options for a pool, built once per process.
fn fallback_for(pool: Pool) -> &'static [Cand] {
    static FALLBACK: OnceLock<HashMap<Pool, Vec<Cand>>> = OnceLock::new();
    let all = FALLBACK.get_or_init(|| {
        let g = gazetteer::get();
        let cand = Cand::plain;
        let names = |kind: EntKind, n: usize| -> Vec<Cand> {
            g.entries_of(kind)
                // Groups of states are offered only among themselves.
                .filter(|(_, e)| !e.group)
                .take(n)
                .map(|(i, e)| Cand {
                    gaz: Some(i),
                    ..cand(e.name.clone())
                })
                .collect()
        };
        let mut m: HashMap<Pool, Vec<Cand>> = HashMap::default();
        m.insert(
            Pool::Entity(EntClass::Country),
            COMMON_STATES
                .iter()
                .map(|s| Cand {
                    gaz: g.entry_named(s),
                    ..cand(s.to_string())
                })
                .collect(),
        );
        m.insert(
            Pool::Entity(EntClass::Treaty),
            names(EntKind::Treaty, usize::MAX),
        );
        m.insert(Pool::Entity(EntClass::Agency), names(EntKind::Agency, 24));
        m.insert(Pool::Entity(EntClass::Source), names(EntKind::Agency, 24));
        m.insert(
            Pool::Entity(EntClass::Alliance),
            names(EntKind::Alliance, usize::MAX),
        );
        m.insert(
            Pool::Entity(EntClass::Organisation),
            names(EntKind::Organisation, 30),
        );
        // Same-country bodies and people are only known from the article.
        m.insert(
            Pool::Role,
            g.title_list
                .iter()
                .filter(|t| {
                    t.toks
                        .iter()
                        .any(|w| w.chars().next().is_some_and(char::is_uppercase))
                })
                .filter(|t| {
                    matches!(
                        t.category.as_str(),
                        "minister" | "diplomat" | "spokesperson" | "head" | "official"
                    )
                })
                .map(|t| cand(t.toks.join(" ")))
                .collect(),
        );
        m
    });
    all.get(&pool).map(Vec::as_slice).unwrap_or(&[])
}

/// "Which country turned it down?", "He resigned in ___.": too short to
/// say what its pronoun means, so the card cannot stand on its own.
fn is_context_bound(question: &str) -> bool {
    let is = |w: &str, any: &[&str]| any.iter().any(|a| w.eq_ignore_ascii_case(a));
    // Only the opening words matter; the count is kept for "short".
    let mut words: Vec<&str> = Vec::with_capacity(16);
    let mut count = 0usize;
    for w in question
        .split(|c: char| !c.is_alphanumeric() && c != '_' && c != '\'')
        .filter(|w| !w.is_empty())
    {
        if words.len() < 16 {
            words.push(w);
        }
        count += 1;
    }
    const ASK: &[&str] = &["which", "who", "whose"];
    let asks = words.first().is_some_and(|w| is(w, ASK));
    // "Which country followed?": too short to say what it asks about;
    // "those pledges": pledges made in another sentence.
    let body_at = words.iter().position(|w| is(w, ASK));
    if let Some(b) = body_at
        && !question.contains('_')
    {
        let body_len = count - b;
        let demonstrative = words[b..]
            .iter()
            .take_while(|w| !is(w, &["that"]))
            .any(|w| is(w, &["those", "these"]));
        // "Which two countries voted against?": against what is elsewhere.
        let open_end = question.strip_suffix('?').is_some_and(|q| {
            q.rsplit(' ')
                .next()
                .is_some_and(|w| is(w, &["against", "for", "with", "to", "from", "on", "of"]))
        });
        if body_len <= 3 || demonstrative || open_end {
            return true;
        }
    }
    // "Which country is one of them, ...?", "They said their aim ...": who
    // "they" are is in another sentence.
    // ("Which alliance's allies said they supported ...": "they" after a
    // speech verb is the question's own subject.)
    if words.first().is_some_and(|w| is(w, &["they"]))
        || (asks
            && !question.contains(['“', '"'])
            && words
                .iter()
                .take(6)
                .take_while(|w| !is(w, &["that"]))
                .enumerate()
                .any(|(k, w)| {
                    is(w, &["them", "they"])
                        && !(k > 0
                            && is(
                                words[k - 1],
                                &[
                                    "said",
                                    "say",
                                    "says",
                                    "stated",
                                    "announced",
                                    "argued",
                                    "warned",
                                ],
                            ))
                }))
    {
        return true;
    }
    count <= 6
        && words.iter().any(|w| {
            is(
                w,
                &[
                    "it", "its", "they", "them", "their", "he", "she", "him", "her", "this",
                    "these",
                ],
            )
        })
}

/// Event nouns that, bare after "the", point back to another sentence
/// ("the meeting decided", "the move"). Nouns an article is often
/// about as a whole ("the vote", "the decision") are left out: the card's
/// treaty tag places them.
const EVENT_NOUNS: &[&str] = &[
    "meeting",
    "move",
    "proposal",
    "request",
    "offer",
    "post",
    "episode",
    "report",
    "law",
    "milestone",
    "process",
    "proposals",
    // "Who coordinated for the group?": named in another sentence.
    "group",
];

/// Nouns that after "that" or "this" point back to another sentence:
/// "called that decision deeply unfortunate", "this step".
const REFERENT_NOUNS: &[&str] = &[
    "decision",
    "step",
    "process",
    "notification",
    "proposals",
    "announcement",
];

/// "took up the post in ___" after a sentence naming the person's title:
/// "took up the post of Executive Secretary in ___".
fn post_named(ex: &Extraction, f: &Fact, question: &str) -> Option<String> {
    // `contains` is vectorised; `find` builds a searcher: most questions
    // hold no post, so they are ruled out first.
    if !question.contains(" the post ") {
        return None;
    }
    let at = question.find(" the post ")?;
    let rest = &question[at + " the post ".len()..];
    if f.kind == FactKind::Role || rest.starts_with("of ") {
        return None;
    }
    let role = ex
        .facts
        .iter()
        .filter(|r| {
            r.kind == FactKind::Role && (r.sentence == f.sentence || r.sentence + 1 == f.sentence)
        })
        .find(|r| {
            ex.sentence_entities.get(r.sentence).is_some_and(|es| {
                es.iter().any(|&e| {
                    ex.entities.get(e).is_some_and(|p| {
                        p.class == EntClass::Person && question.contains(p.name.as_str())
                    })
                })
            })
        })?;
    Some(format!(
        "{} the post of {} {rest}",
        &question[..at],
        role.answer
    ))
}

/// "the above conditions", "the meeting", "included this, but": a
/// reference the card cannot resolve on its own, so a reader cannot
/// answer it.
/// "The following day, ...", "Six days later, ...", "That opened the way
/// ...": an opening that counts from, or points to, the sentence before.
/// A time counted from the sentence before is given by it only when that
/// sentence gives a date (`Relative::Time`); "That" needs any sentence.
/// ("Six days later, on July 20, 2015, ..." dates itself: no opening.)
fn opens_relative(question: &str) -> Option<Relative> {
    let w: Vec<&str> = question
        .split_whitespace()
        .take(4)
        .map(|w| w.trim_end_matches(','))
        .collect();
    const UNITS: &[&str] = &[
        "day", "days", "week", "weeks", "month", "months", "year", "years",
    ];
    let dated = || {
        question
            .split(|c: char| !c.is_ascii_digit())
            .any(|d| d.len() == 4)
    };
    match w.as_slice() {
        ["The", "following" | "next", unit, ..]
            if (UNITS.contains(unit) || matches!(*unit, "morning" | "evening")) && !dated() =>
        {
            Some(Relative::Time)
        }
        [n, unit, "later", ..]
            if UNITS.contains(unit)
                && (gazetteer::number_word(&n.to_ascii_lowercase()).is_some()
                    || n.bytes().all(|b| b.is_ascii_digit()))
                && !dated() =>
        {
            Some(Relative::Time)
        }
        // "That opened the way to ...": "That" is the subject.
        ["That", verb, ..]
            if verb.len() > 3
                && verb.chars().all(|c| c.is_ascii_lowercase())
                && (verb.ends_with("ed") || gazetteer::is_irregular_past(verb)) =>
        {
            Some(Relative::Pointer)
        }
        _ => None,
    }
}

/// The sentence after its opening of three words ("Six days later") or
/// of a phrase up to its comma ("The following day,"), capitalised; `None`
/// when the blank is in the opening.
fn without_relative_opening(question: &str) -> Option<String> {
    let cut = match question.find(", ") {
        Some(c) if question[..c].split_whitespace().count() <= 4 => c + 2,
        _ => {
            let mut ends = question.match_indices(' ').map(|(i, _)| i);
            ends.nth(2)? + 1
        }
    };
    let (head, rest) = question.split_at(cut);
    // ("The following day, ___, the ministry ...": the blank is the day.)
    if head.contains("___") || rest.starts_with("___") || rest.split_whitespace().count() < 4 {
        return None;
    }
    let mut cs = rest.chars();
    let first = cs.next()?;
    Some(first.to_uppercase().chain(cs).collect())
}

/// "signed an accord on cooperation in space", "working late on
/// agreements to limit strategic arms": the sentence describes another
/// instrument than the article's, so the article's tag would mislabel it.
fn describes_other_instrument(sentence: &str) -> bool {
    // Runs for every tagged card: found by its " on " or " to ", with no
    // allocation.
    fn last_two(head: &str) -> (&str, &str) {
        let mut w = head.rsplit(' ');
        (w.next().unwrap_or(""), w.next().unwrap_or(""))
    }
    fn next_word(tail: &str) -> &str {
        tail.split(' ').next().unwrap_or("")
    }
    let on = sentence.match_indices(" on ").any(|(i, _)| {
        let (noun, det) = last_two(&sentence[..i]);
        let next = next_word(&sentence[i + 4..]);
        matches!(det, "a" | "an")
            && gazetteer::TREATY_NOUNS.contains(&noun)
            && next.starts_with(|c: char| c.is_ascii_lowercase())
            && next != "the"
    });
    on || sentence.match_indices(" to ").any(|(i, _)| {
        let (noun, _) = last_two(&sentence[..i]);
        matches!(noun, "agreements" | "accords" | "treaties")
            && next_word(&sentence[i + 4..])
                .chars()
                .all(|c| c.is_ascii_lowercase())
    })
}

/// `q` without the bracketed initials right after its blank, when they
/// are the answer's ("the ___ (OAU)" for the Organization of African
/// Unity): they would give it away.
fn initials_after_blank(q: &str, answer: &str, names: &[String]) -> Option<String> {
    let at = q.find("___ (")? + 3;
    let close = at + q[at..].find(')')?;
    let abbr = &q[at + 2..close];
    if !(2..=8).contains(&abbr.len())
        || !abbr
            .bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'-')
    {
        return None;
    }
    let initials: String = answer
        .split(|c: char| c.is_whitespace() || c == '-')
        .filter(|w| w.starts_with(|c: char| c.is_uppercase()))
        .filter_map(|w| w.chars().next())
        .collect();
    (initials == abbr || names.iter().any(|n| n == abbr))
        .then(|| format!("{}{}", &q[..at], &q[close + 1..]))
}

/// "Which organisation is not a treaty?": a question whose whole
/// predicate says what its answer is not (a copula, "not", a short
/// indefinite noun phrase).
fn negative_classification(q: &str) -> bool {
    let Some(rest) = q.strip_prefix("Which ") else {
        return false;
    };
    let words: Vec<&str> = rest.trim_end_matches('?').split_whitespace().collect();
    words.len() >= 5
        && words.len() <= 7
        && matches!(words[1], "is" | "was" | "are" | "were")
        && words[2] == "not"
        && matches!(words[3], "a" | "an")
}

/// "The ceremony took place ...", "The two leaders signed ...", "Both
/// countries reported ...": the subject is a bare definite description,
/// "the" and one or two lower-case words and then the verb, so what it
/// describes was introduced in another sentence. ("The accord, formally
/// titled ..." and "The collapse of the Warsaw Pact" say what they are.)
/// Returns the description's head noun ("ceremony").
fn bare_description_head(question: &str) -> Option<&str> {
    let mut words = question.split_whitespace();
    if !matches!(words.next(), Some("The" | "Both")) {
        return None;
    }
    let lower = |w: &str| {
        !w.is_empty()
            && w.chars()
                .all(|c| c.is_ascii_lowercase() || c == '-' || c.is_ascii_digit())
    };
    let is_verb = |w: &str| {
        matches!(
            w,
            "was"
                | "were"
                | "is"
                | "are"
                | "will"
                | "would"
                | "could"
                | "can"
                | "had"
                | "has"
                | "have"
                | "did"
                | "does"
                | "do"
                | "says"
                | "said"
                | "comes"
                | "remains"
                | "must"
                | "should"
                | "may"
                | "might"
        ) || (w.len() > 4 && w.ends_with("ed"))
            || gazetteer::is_irregular_past(w)
    };
    const ADVERBS: &[&str] = &[
        "then",
        "therefore",
        "also",
        "later",
        "still",
        "never",
        "only",
        "already",
        "first",
        "finally",
    ];
    let mut head = None;
    for (k, w) in words.take(4).enumerate() {
        if head.is_some() && is_verb(w) {
            return head.filter(|h| !gazetteer::TREATY_NOUNS.contains(h));
        }
        if head.is_some() && ADVERBS.contains(&w) {
            continue;
        }
        if k >= 2 || !lower(w) || is_verb(w) {
            return None;
        }
        head = Some(w);
    }
    None
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Relative {
    Time,
    Pointer,
}

fn has_dangling_reference(question: &str) -> bool {
    // Most questions hold none of the words that could dangle. (Lower-
    // cased on the stack and matched by length first: this runs for every
    // card. "That" counts only capitalised, opening a clause: "said that"
    // is everywhere.)
    let trigger = |w: &str| {
        let b = w.trim_matches(|c: char| !c.is_alphanumeric()).as_bytes();
        if !(3..=14).contains(&b.len()) {
            return false;
        }
        if b == b"That" {
            return true;
        }
        let mut buf = [0u8; 14];
        for (d, s) in buf.iter_mut().zip(b) {
            *d = s.to_ascii_lowercase();
        }
        matches!(
            &buf[..b.len()],
            b"this"
                | b"these"
                | b"those"
                | b"above"
                | b"latter"
                | b"aforementioned"
                | b"meeting"
                | b"move"
                | b"proposal"
                | b"request"
                | b"offer"
                | b"post"
                | b"episode"
                | b"report"
                | b"law"
                | b"milestone"
                | b"same"
                | b"decision"
                | b"step"
                | b"process"
                | b"notification"
                | b"proposals"
                | b"announcement"
                | b"group"
                | b"either"
                | b"both"
        )
    };
    if !question.split_whitespace().any(trigger) {
        return false;
    }
    // Runs for every card: no allocation.
    fn bare(w: &str) -> &str {
        w.trim_matches(|c: char| !c.is_alphanumeric())
    }
    let ends_clause = |w: &str| w.ends_with([',', '.', ';', ':', '?']);
    let splits = |w: &str| ends_clause(w) || w.eq_ignore_ascii_case("but");
    // A reference spoils a cloze only in its blank's own clause: "On ___,
    // Russia issued a note: if the above conditions ..." still asks a
    // plain question before the colon.
    let mut blank_clause = None;
    let mut clause = 0usize;
    for w in question.split_whitespace() {
        if blank_clause.is_none() && w.contains('_') {
            blank_clause = Some(clause);
        }
        clause += usize::from(splits(w));
    }
    let mut quoted = false;
    let mut clause = 0usize;
    let mut words = question.split_whitespace();
    while let Some(w) = words.next() {
        let here = clause;
        clause += usize::from(splits(w));
        // Inside a quotation a speaker's "this" is the speaker's own.
        if w.starts_with(['“', '"']) {
            quoted = true;
        }
        let in_quote = quoted;
        if w.trim_end_matches(['.', ',', '?', '!', ';', ':'])
            .ends_with(['”', '"'])
            && (here > 0 || w.len() > 1)
        {
            quoted = false;
        }
        if blank_clause.is_some_and(|b| b != here) {
            continue;
        }
        let lw = bare(w);
        let mut ahead = words.clone();
        let next_raw = ahead.next().unwrap_or("");
        let next = bare(next_raw);
        let is = |x: &str, any: &[&str]| any.iter().any(|a| x.eq_ignore_ascii_case(a));
        // "either treaty", "Both conventions": which two?
        if !in_quote
            && is(lw, &["either", "both"])
            && is(
                next,
                &[
                    "treaty",
                    "treaties",
                    "convention",
                    "conventions",
                    "agreement",
                    "agreements",
                    "protocols",
                ],
            )
        {
            return true;
        }
        if lw.eq_ignore_ascii_case("the") {
            if is(next, &["above", "latter", "aforementioned"]) {
                return true;
            }
            // "The same cannot be said of ___": the same as what?
            if lw == "The"
                && here == 0
                && next == "same"
                && !is(
                    bare(ahead.clone().next().unwrap_or("")),
                    &["day", "year", "month", "week", "time"],
                )
            {
                return true;
            }
            if is(next, EVENT_NOUNS) {
                // "the meeting in Vienna", "the move of the troops" say
                // which; "the move in 1989" is no more specific.
                let after = bare(ahead.next().unwrap_or(""));
                let following = ahead.clone().next().unwrap_or("");
                // ("the post in ___": the blank is the date.)
                let dated = ahead.next().is_some_and(|w| {
                    w.starts_with(|c: char| c.is_ascii_digit() || c == '_')
                        || gazetteer::month_of(w).is_some()
                });
                // ("the law revoking Russia's ratification" says which too.)
                let modified = !ends_clause(next_raw)
                    && !dated
                    && (is(
                        after,
                        &["on", "of", "in", "at", "to", "between", "with", "by", "for"],
                    ) || (after.len() > 5 && after.ends_with("ing"))
                        // ("the group formed by Russia and Belarus".)
                        || (after.len() > 4
                            && after.ends_with("ed")
                            && following == "by"));
                if !modified {
                    return true;
                }
            }
        } else if !in_quote
            && (is(lw, &["these", "those"]) || (lw == "That" && here == 0))
            && next.len() > 2
            && next.chars().all(|c| c.is_ascii_lowercase())
            && !is(next, &["who", "which", "that", "of", "are", "were", "in", "on", "with", "from", "at", "by", "for", "above", "below", "over", "under"])
            // "those reaching 5,500 km": a pronoun its own words define.
            && !next.ends_with("ing")
            // "That year": a time the card's dates place.
            && !is(next, &["year", "month", "week", "day", "decade", "time", "spring", "summer", "autumn", "fall", "winter"])
            && !is(
                bare(ahead.next().unwrap_or("")),
                &["that", "which", "who", "whose"],
            )
        {
            // "These measures extended ...", "That successor effort became
            // ...": things named in another sentence. ("those states that
            // signed" says which.)
            return true;
        } else if !in_quote
            && is(lw, &["this", "that"])
            && is(next, REFERENT_NOUNS)
            && (ends_clause(next_raw)
                || !is(
                    bare(ahead.clone().next().unwrap_or("")),
                    &["to", "of", "on", "by", "in"],
                ))
        {
            // "called that decision deeply unfortunate": which decision is
            // in another sentence ("this decision to withdraw" says it).
            return true;
        } else if !in_quote
            && is(lw, &["this", "these"])
            // "included this, but ...", "this was ...": "this" standing
            // alone; "in this regard": regarding what was said before.
            && (ends_clause(w)
                || is(
                    next,
                    &["is", "was", "were", "are", "would", "will", "has", "had"],
                )
                || is(next, &["regard", "respect", "connection"]))
        {
            return true;
        }
    }
    false
}

/// Whether the card's answer is entity `e` (the treaty a sentence or the
/// article is about) under any of its names; then naming it would leak.
fn answer_is(cache: &Cache, e: usize, f: &Fact, answer_norms: &[String]) -> bool {
    f.entity == Some(e)
        || cache
            .ent_norms
            .get(e)
            .is_some_and(|ns| ns.iter().any(|n| answer_norms.contains(n)))
}

/// The treaties a sentence names.
/// The treaties a sentence is about: those it names, else the article's.
fn treaties_about(ex: &Extraction, si: usize) -> Vec<usize> {
    let mut about = sentence_treaties(ex, si);
    if about.is_empty() {
        about.extend(ex.subject.as_ref().map(|s| s.entity));
    }
    about
}

fn sentence_treaties(ex: &Extraction, si: usize) -> Vec<usize> {
    ex.sentence_entities
        .get(si)
        .map(|es| {
            es.iter()
                .copied()
                .filter(|&e| {
                    ex.entities
                        .get(e)
                        .is_some_and(|x| x.class == EntClass::Treaty)
                })
                .collect()
        })
        .unwrap_or_default()
}

/// "the treaty" -> "the INF Treaty" (whole words, any position).
fn replace_the_treaty(q: &str, inline: &str) -> String {
    let mut out = String::with_capacity(q.len() + inline.len());
    let mut rest = q;
    while let Some(p) = rest.find("the treaty").or_else(|| rest.find("The treaty")) {
        let end = p + "the treaty".len();
        let boundary_before = rest[..p]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric());
        let boundary_after = rest[end..]
            .chars()
            .next()
            .is_none_or(|c| !c.is_alphanumeric());
        out.push_str(&rest[..p]);
        if boundary_before && boundary_after {
            if rest[p..].starts_with('T') {
                let mut cs = inline.chars();
                if let Some(c) = cs.next() {
                    out.extend(c.to_uppercase());
                    out.push_str(cs.as_str());
                }
            } else {
                out.push_str(inline);
            }
        } else {
            out.push_str(&rest[p..end]);
        }
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

/// Build the cards of an article.
pub fn build(art: &Article, ex: &Extraction) -> Vec<Card> {
    let mut cards = Vec::new();
    let mut seen_q: HashSet<String> = HashSet::default();
    let mut seen_id: HashSet<String> = HashSet::default();
    let mut cache = Cache::new(ex);
    // Whether a sentence speaks of another instrument, asked once per
    // sentence (its cards come together).
    let mut other_instrument: (usize, bool) = (usize::MAX, false);
    let tag_norm = ex
        .subject
        .as_ref()
        .map(|s| norm(&s.tag))
        .unwrap_or_default();
    for f in &ex.facts {
        let sent = &art.sentences[f.sentence];
        let text = sent.text.as_str();
        let (names, name_norms) = cache.names_of(f);
        // A date with its year leaks only with its year: "31 December" of
        // "31 December 1981" stays in a card whose answer is 31 December
        // 1985.
        let dated: Vec<String>;
        let leak_norms: &[String] = if f.kind == FactKind::Date && year_of(&f.answer).is_some() {
            dated = name_norms
                .iter()
                .filter(|n| year_of(n).is_some())
                .cloned()
                .collect();
            &dated
        } else {
            &name_norms
        };
        let needles = Needles::new(leak_norms, f);
        // Cloze: blank the fact's spans and every other spelling of the answer.
        let mut spans = f.spans.clone();
        // Numbers blank only their own span: "187" must not blank "187 states".
        if f.kind != FactKind::Number {
            let own = spans.len();
            spans.extend(cache.spans(f.sentence, text, &names));
            // "Dean" of "Sir Patrick Dean" inside "Secretary of State Dean
            // Rusk" is another man's name: not blanked.
            // "Our headquarters are in Mexico City, and Mexico is ...": a
            // capital as a place, blanked as its state, misleads ("in ___"
            // reads "in Mexico").
            if f.kind == FactKind::Party
                && f.entity.is_some()
                && f.spans.iter().any(|&(a, b)| {
                    text.get(a..b)
                        .is_some_and(|t| !name_norms.iter().any(|n| *n == norm(t)))
                        && text[..a]
                            .split_whitespace()
                            .next_back()
                            .is_some_and(|w| matches!(w, "in" | "at" | "to" | "from"))
                })
                && f.question.is_none()
            {
                continue;
            }
            let person = cache.is_person(f.entity);
            // "until 31 December 1985, while its protocol was to expire on
            // 31 December 1981": a day and month of another year is
            // another date.
            let date = f.kind == FactKind::Date;
            if person || date {
                let mut k = own;
                while k < spans.len() {
                    if (person && part_of_longer_name(text, spans[k]))
                        || (date && followed_by_year(text, spans[k].1))
                    {
                        spans.swap_remove(k);
                    } else {
                        k += 1;
                    }
                }
            }
        }
        // "___ signatory: President Barack Obama": a fact-sheet field's
        // label is its question; a blank inside it asks nothing.
        // "Executive Secretary: Robert Floyd" asks its role by name.
        if f.kind != FactKind::Role
            && sent
                .field
                .is_some_and(|colon| spans.iter().all(|&(a, _)| a < colon))
        {
            continue;
        }
        // "withdrew last year" -> "withdrew in ___": a resolved relative
        // date needs the preposition its words carried.
        let with_prep;
        let cloze_text = match missing_preposition(f, text) {
            Some(MissingPrep { at, prep, drop }) => {
                // The date's span ends where a dropped "'s" starts.
                let end = f.spans.first().map_or(at, |s| s.1);
                with_prep = format!(
                    "{}{prep} {}{}",
                    &text[..at],
                    &text[at..end],
                    &text[end + drop..]
                );
                let shift = prep.len() + 1;
                for s in spans.iter_mut().filter(|s| s.0 >= at) {
                    let back = if s.0 >= end + drop { drop } else { 0 };
                    *s = (s.0 + shift - back, s.1 + shift - back);
                }
                with_prep.as_str()
            }
            None => text,
        };
        // "until the ___ withdrew": a country said with "the" is blanked
        // with it, so that any state's name fits the blank.
        let mut the_blanked = false;
        if f.pool == Pool::Entity(EntClass::Country) {
            for s in spans.iter_mut() {
                if let Some(a) = the_swallowed(cloze_text, *s) {
                    s.0 = a;
                    the_blanked = true;
                }
            }
        }
        // "The ___ (___) confirmed": a name and its abbreviation are one blank.
        let mut cloze = balance_quotes(blank(cloze_text, &spans));
        if cloze.contains('(') {
            cloze = cloze.replace("___ (___)", "___");
        }
        // "Putin signed the law on ___ (day of the week).": with the year
        // unknown, the blank says what kind of answer it wants.
        if let Some(hint) = date_hint(f) {
            cloze = cloze.replacen("___", &format!("___ ({hint})"), 1);
        }
        // "On ___, Bush announced ..., and it took effect six months later,
        // on June 13, 2002": the offset and the other date give it away.
        if f.kind == FactKind::Date
            && let Some(c) = without_offset(&cloze)
        {
            cloze = c;
        }
        let mut field = sent.field.is_some();
        // "Ratification: the U.S. Senate approved the treaty on ___, by a
        // vote of 93 to 5.": a whole sentence after the label stands alone.
        if let Some(l) = sent.field
            && cloze.is_char_boundary(l + 1)
            && cloze[..l].ends_with(':')
        {
            let value = cloze[l + 1..].trim_start();
            if value.ends_with('.') && value.split_whitespace().count() >= 6 {
                let mut cs = value.chars();
                if let Some(c) = cs.next() {
                    cloze = c.to_uppercase().chain(cs).collect();
                    field = false;
                }
            }
        }
        // "In January of this year": the year the article's date gives.
        if let Some(r) = ex.reference.filter(|r| r.explicit && r.year_known)
            && let Some(c) = relative_years_written(&cloze, r.date.y)
        {
            cloze = c;
        }
        // A cloze needs words around its blanks ("___" alone asks nothing).
        let context_words = cloze
            .split_whitespace()
            // '_' is not alphanumeric: a blank alone is no context.
            .filter(|w| w.chars().any(char::is_alphanumeric))
            .count();
        let cloze_norm = norm(&cloze);
        let blanks = count_blanks(&cloze);
        let cloze_ok = cloze != cloze_text
            && !needles.leak_norm(&cloze_norm)
            && blanks <= 4
            // "opened in ___, ___, in 1969": a city and its country both
            // blanked leave nothing to place the answer by.
            && !cloze.contains("___, ___")
            // "___, whose full title is the ___": a treaty's two names are
            // two answers, not one.
            && !(f.kind == FactKind::Treaty && blanks > 1 && distinct_forms(cloze_text, &spans) > 1)
            // "Ultimatum: ___" on a fact sheet: the field's label and the
            // article's treaty, named in the tag, are the context.
            && (context_words >= 3
                || (field && ex.subject.is_some() && context_words >= 1));
        // "Which organisation is not a treaty?" (of "The MTCR is not a
        // treaty."): what something is not has many answers; no card.
        if f.question.as_deref().is_some_and(negative_classification) {
            continue;
        }
        // The natural question if it leaks nothing and is new, else the cloze.
        let natural = f.question.as_ref().and_then(|q| {
            let q = without_also(q).unwrap_or_else(|| q.clone());
            let qn = norm(&q);
            (!needles.leak_norm(&qn) && !seen_q.contains(&qn)).then_some((q, qn))
        });
        // "It entered into force on ___." -> "The INF Treaty entered ...".
        let topic = ex
            .topics
            .get(f.sentence)
            .and_then(Option::as_ref)
            .filter(|t| {
                !answer_is(&cache, t.entity, f, &name_norms) && !name_norms.contains(&norm(&t.name))
            });
        // A rewritten question replaces the question only if it gives
        // nothing away and is new.
        let fresh = |q: String, qn: String, q2: String| {
            let n2 = norm(&q2);
            if needles.leak_norm(&n2) || seen_q.contains(&n2) {
                (q, qn)
            } else {
                (q2, n2)
            }
        };
        // "It was signed ... by ..." asked "Which two leaders signed the
        // treaty?": the treaty is the one "It" stands for.
        let natural = natural.map(|(q, qn)| match topic {
            Some(t)
                if q.contains("the treaty")
                    && ex
                        .entities
                        .get(t.entity)
                        .is_some_and(|e| e.class == EntClass::Treaty) =>
            {
                let inline = t
                    .name
                    .strip_prefix("The ")
                    .map_or(t.name.clone(), |r| format!("the {r}"));
                let q2 = replace_the_treaty(&q, &inline);
                fresh(q, qn, q2)
            }
            _ => (q, qn),
        });
        // The treaty a topic wrote into the cloze, if any.
        let mut topic_treaty = None;
        let (cloze, cloze_norm) = match topic {
            Some(t)
                if cloze_ok
                    && cloze.is_char_boundary(t.prefix)
                    && cloze_text.is_char_boundary(t.prefix)
                    && cloze[..t.prefix] == cloze_text[..t.prefix] =>
            {
                let c = format!("{}{}", t.name, &cloze[t.prefix..]);
                let n = norm(&c);
                // "Reagan and Gorbachev signed ... during ___'s visit":
                // the names written in must not give the answer away.
                if needles.leak_norm(&n) {
                    (cloze, cloze_norm)
                } else {
                    topic_treaty = ex
                        .entities
                        .get(t.entity)
                        .filter(|e| e.class == EntClass::Treaty)
                        .map(|_| t.entity);
                    (c, n)
                }
            }
            _ => (cloze, cloze_norm),
        };
        // "Well, President ___ announced ...": a spoken opener is no part
        // of the fact.
        let (cloze, cloze_norm) = match crate::core::text::strip_opening_filler(&cloze) {
            Some(c) => {
                let n = norm(&c);
                (c, n)
            }
            None => (cloze, cloze_norm),
        };
        // "7 June 2021: President ___ signed the law.": a timeline entry
        // reads as a sentence, "On 7 June 2021, President ___ signed ...".
        let (cloze, cloze_norm) = match sent
            .field
            .is_none()
            .then(|| timeline_entry(&cloze, f.resolved.filter(|_| f.kind == FactKind::Date)))
            .flatten()
        {
            Some(c) => {
                let n = norm(&c);
                (c, n)
            }
            None => (cloze, cloze_norm),
        };
        // "Our goal remains ...": in a transcript, "we" are the speaker's
        // side, so the cloze is the speaker's words; with no person behind
        // the label ("MODERATOR") it cannot be placed.
        let (cloze, cloze_norm, cloze_ok) = if sent.spoken && first_person(text, &sent.quotes) {
            let who = ex
                .speakers
                .get(f.sentence)
                .copied()
                .flatten()
                .and_then(|e| ex.entities.get(e));
            // "SENIOR STATE DEPARTMENT OFFICIAL:" names a role: "A senior
            // State Department official said: ...".
            let described = || {
                let d = super::extract::label_description(sent.label.as_deref()?)?;
                let mut cs = d.chars();
                cs.next()
                    .map(|c| c.to_uppercase().chain(cs).collect::<String>())
            };
            // "I am Rafael Grossi, Director General of the ___": the
            // speaker named by themselves reads in the third person.
            let introduced = who.and_then(|e| {
                let rest = ["I am ", "I'm ", "I’m "]
                    .iter()
                    .find_map(|p| cloze.strip_prefix(p))?
                    .strip_prefix(e.name.as_str())?;
                let rest = rest.strip_prefix(',').unwrap_or(rest);
                let first_person = rest.split_whitespace().any(|w| {
                    matches!(
                        w.trim_matches(|c: char| !c.is_alphanumeric()),
                        "I" | "my" | "me" | "we" | "our" | "us" | "I'll" | "I’ll"
                    )
                });
                (!first_person).then(|| format!("{} is{rest}", e.name))
            });
            match who.map(|e| e.name.clone()).or_else(described) {
                Some(_) if let Some(c) = introduced => {
                    let n = norm(&c);
                    let ok = cloze_ok && !needles.leak_norm(&n);
                    (c, n, ok)
                }
                Some(name) => {
                    let c = format!("{name} said: “{cloze}”");
                    let n = norm(&c);
                    let ok = cloze_ok && !needles.leak_norm(&n);
                    (c, n, ok)
                }
                None => (cloze, cloze_norm, false),
            }
        } else {
            (cloze, cloze_norm, cloze_ok)
        };
        // "In November 2011, the United States announced ...": the
        // question keeps the time it happened ("In November 2011, which
        // country announced ...?"), else many a state could be its answer.
        let natural = natural.map(|(q, qn)| match date_opener(text) {
            Some(o)
                if (q.starts_with("Which ") || q.starts_with("Who "))
                    && !q.contains(o.split_once(char::is_whitespace).map_or(o, |(_, d)| d)) =>
            {
                let q2 = format!("{o}, {}{}", q[..1].to_lowercase(), &q[1..]);
                fresh(q, qn, q2)
            }
            _ => (q, qn),
        });
        let from_cloze = natural.is_none();
        let (question, qn) = match natural {
            Some(x) => x,
            None if cloze_ok => (cloze.clone(), cloze_norm.clone()),
            None => continue,
        };
        // "It was the first time since ___ that ...": an "It" the topic
        // could not name points to another sentence.
        // So does an opening "They" ("They agreed in principle to cut ...").
        let dangling_opener =
            from_cloze && (question.starts_with("It ") || question.starts_with("They "));
        // "___ categories of weapons: tanks, artillery, ...": the list
        // counts out the answer, so the cloze stops before it.
        // "Signed: ___" on a fact sheet is a fragment: asked as "When was
        // the INF Treaty signed?".
        let (question, qn, from_cloze) = match (sent.field, ex.subject.as_ref()) {
            (Some(_), Some(sub)) if from_cloze && f.kind == FactKind::Date => {
                match field_date_question(&question, &sub.inline) {
                    Some(q) => {
                        let n = norm(&q);
                        (q, n, false)
                    }
                    None => (question, qn, from_cloze),
                }
            }
            _ => (question, qn, from_cloze),
        };
        let (question, qn, cloze) = if f.kind == FactKind::Number && counted_by_list(text, f) {
            let cut_at = |b: usize| {
                let rest = &question[b..];
                rest.find(':')
                    .or_else(|| rest.find(", one "))
                    .map(|c| b + c)
            };
            match question.find("___").and_then(cut_at) {
                Some(colon) if from_cloze => {
                    let q = format!("{}.", question[..colon].trim_end());
                    let n = norm(&q);
                    (q.clone(), n, q)
                }
                _ => continue,
            }
        } else {
            (question, qn, cloze)
        };
        // "Floyd is the Executive Secretary. He took up the post in ___.":
        // the post is the one just named.
        let (question, qn, cloze) = match post_named(ex, f, &question) {
            Some(q) if !needles.leak_norm(&norm(&q)) => {
                let c = post_named(ex, f, &cloze).unwrap_or(cloze);
                let n = norm(&q);
                (q, n, c)
            }
            _ => (question, qn, cloze),
        };
        // "Which three countries voted against?": against what is in the
        // sentence before, which the card then shows first (or it is left
        // out).
        let bound = is_context_bound(&question) && !dangling_opener;
        // "That successor effort became known as ___.": the sentence before
        // says what "that" is, so the card shows it first.
        // So does an opening "It" the topic could not name ("It dismantled
        // them before acceding to the NPT in ___").
        // "Six days later, the Council endorsed the plan in ___.": the
        // opening counts from another sentence and the blank is elsewhere,
        // so the card reads without it.
        let mut relative = opens_relative(&question);
        let (question, qn, cloze, cloze_norm) = match relative
            .filter(|r| *r == Relative::Time)
            .and_then(|_| without_relative_opening(&question))
        {
            // (The cloze loses the same opening, or stays as it is when
            // it reads otherwise.)
            Some(q) => {
                relative = None;
                let c = if opens_relative(&cloze).is_some() {
                    without_relative_opening(&cloze).unwrap_or(cloze)
                } else {
                    cloze
                };
                let n = norm(&q);
                let cn = norm(&c);
                (q, n, c, cn)
            }
            _ => (question, qn, cloze, cloze_norm),
        };
        // Must read with the sentence before, or be left out.
        let needs_context =
            bound || dangling_opener || has_dangling_reference(&question) || relative.is_some();
        // "The ceremony took place on ___": reads better with the sentence
        // before that says which ceremony, when there is one to show.
        // ("The initiative grew out of ...", "The measures enter into
        // effect ...": the tag names the article's instrument, and the
        // sentence before adds nothing.)
        let wants_context = needs_context
            || (from_cloze
                && bare_description_head(&question).is_some_and(|h| {
                    !(ex.subject.is_some()
                        && sentence_treaties(ex, f.sentence).is_empty()
                        && (gazetteer::INSTRUMENT_HEADS.contains(&h)
                            || gazetteer::INSTRUMENT_WORDS.contains(&h)))
                }));
        let with_context = wants_context
            .then(|| context_before(art, f.sentence))
            .flatten()
            .filter(|p| {
                relative != Some(Relative::Time) || p.contains(|c: char| c.is_ascii_digit())
            })
            .map(|prev| {
                let q = format!("{prev} {question}");
                let c = if cloze.is_empty() {
                    String::new()
                } else {
                    format!("{prev} {cloze}")
                };
                (q, c)
            })
            .map(|(q, c)| (norm(&q), q, c))
            .filter(|(n, _, _)| !needles.leak_norm(n));
        let (question, qn, cloze, cloze_norm) = match with_context {
            Some((n, q, c)) => {
                let cn = norm(&c);
                (q, n, c, cn)
            }
            None if needs_context => continue,
            None => (question, qn, cloze, cloze_norm),
        };
        // "Six times, all by ___.": a short reply reads with the question
        // it answers ("How many tests have there been? — “Six times, all
        // by ___.”").
        let (question, qn, cloze) = match reply_to(art, f.sentence) {
            Some(asked) if from_cloze && !question.contains(" said: ") => {
                let q = format!("{asked} — “{question}”");
                let n = norm(&q);
                if needles.leak_norm(&n) {
                    (question, qn, cloze)
                } else {
                    (q.clone(), n, q)
                }
            }
            _ => (question, qn, cloze),
        };
        // Name the article's treaty where the card would leave it unsaid.
        let (question, qn, cloze) = match ex.subject.as_ref() {
            Some(sub) if !answer_is(&cache, sub.entity, f, &name_norms) => {
                let mut own = sentence_treaties(ex, f.sentence);
                // "The Moscow Treaty obliged ...", written in for "It":
                // the card names its own treaty.
                if from_cloze {
                    own.extend(topic_treaty);
                }
                let only_subject = own.iter().all(|&e| e == sub.entity);
                // "The SALT II Treaty was signed ... Carter asked the Senate
                // to delay consideration of the treaty": in a paragraph on
                // another treaty, "the treaty" is that one, and the card
                // takes no tag of the article's.
                let other_in_view = ex
                    .treaty_in_view
                    .get(f.sentence)
                    .and_then(Option::as_ref)
                    .filter(|(e, _)| own.is_empty() && *e != sub.entity);
                let inline = other_in_view.map_or(sub.inline.as_str(), |(_, n)| n.as_str());
                // The question with the treaty named, and its normal form.
                if other_instrument.0 != f.sentence {
                    other_instrument = (f.sentence, describes_other_instrument(text));
                }
                let elsewhere = other_instrument.1;
                let name = |q: &str, qn: &str, natural: bool| -> Option<(String, String)> {
                    let replaced = only_subject
                        && q.contains(" treaty")
                        && (q.contains("the treaty") || q.contains("The treaty"));
                    let q = if replaced {
                        replace_the_treaty(q, inline)
                    } else {
                        q.to_string()
                    };
                    let qn = if replaced { norm(&q) } else { qn.to_string() };
                    let named = || {
                        own.contains(&sub.entity)
                            || (replaced && other_in_view.is_some())
                            || !only_subject
                            || cache.ent_names[sub.entity]
                                .iter()
                                .any(|(_, nn)| contains_words(&qn, nn))
                    };
                    // A field ("Full name: ___") names nothing of its own.
                    let tag = f.kind != FactKind::Role
                        && !(natural && f.standalone)
                        && ((field && !natural) || !named())
                        && !elsewhere;
                    if tag {
                        // "NATO members declined to ratify it" just after
                        // "the Adapted CFE Treaty": "it" is the treaty in
                        // view, and the tag names that one.
                        // ("ratify it", "withdrew from it": the treaty is
                        // the object; "built its system" is no treaty's.)
                        let says_it = || {
                            let words: Vec<&str> = q
                                .split(|c: char| !c.is_alphanumeric())
                                .filter(|w| !w.is_empty())
                                .collect();
                            words.windows(2).any(|w| {
                                w[1] == "it"
                                    && (matches!(w[0], "from" | "under" | "to")
                                        || gazetteer::TREATY_ACTS
                                            .iter()
                                            .any(|v| w[0].starts_with(v)))
                            })
                        };
                        let view_tag = other_in_view
                            .filter(|(e, _)| f.entity != Some(*e) && says_it())
                            .map(|(_, n)| n.strip_prefix("the ").unwrap_or(n));
                        let (tag_text, tag_norm) = match view_tag {
                            Some(t) => (t, norm(t)),
                            None => (sub.tag.as_str(), tag_norm.clone()),
                        };
                        // "Bangkok Treaty: signed in ___" for "Bangkok":
                        // a tag that shows the answer gives way to another
                        // name the article uses, or is left off.
                        let answer_n = norm(&f.answer);
                        let (tag_text, tag_norm) = if contains_words(&tag_norm, &answer_n) {
                            let other = ex.entities[sub.entity]
                                .forms
                                .iter()
                                .map(|x| x.strip_prefix("the ").unwrap_or(x))
                                .map(|x| (x, norm(x)))
                                .filter(|(_, xn)| !xn.is_empty() && !contains_words(xn, &answer_n))
                                .min_by_key(|(x, _)| x.len());
                            match other {
                                Some(o) => o,
                                None => return replaced.then_some((q, qn)),
                            }
                        } else {
                            (tag_text, tag_norm)
                        };
                        // "INF Treaty — Signed: ___": a field keeps its colon.
                        let tagged = if field {
                            format!("{tag_text} — {q}")
                        } else {
                            format!("{tag_text}: {q}")
                        };
                        // norm("TAG: q") is norm("TAG") and norm(q) joined,
                        // with the article norm(q) dropped from its start.
                        let first = q
                            .split(|c: char| !c.is_alphanumeric())
                            .find(|w| !w.is_empty())
                            .unwrap_or("");
                        let article = ["the", "a", "an"]
                            .into_iter()
                            .find(|a| first.eq_ignore_ascii_case(a));
                        let tn = match (tag_norm.as_str(), qn.as_str(), article) {
                            ("", _, _) | (_, "", _) => norm(&tagged),
                            (t, n, Some(a)) => format!("{t} {a} {n}"),
                            (t, n, None) => format!("{t} {n}"),
                        };
                        debug_assert_eq!(tn, norm(&tagged), "{tagged}");
                        Some((tagged, tn))
                    } else {
                        replaced.then_some((q, qn))
                    }
                };
                let named_q = name(&question, &qn, !from_cloze);
                let cloze = if from_cloze {
                    named_q.as_ref().map_or(cloze, |(q, _)| q.clone())
                } else if cloze.is_empty() {
                    cloze
                } else {
                    name(&cloze, &cloze_norm, false).map_or(cloze, |(c, _)| c)
                };
                match named_q {
                    Some((q, n)) => (q, n, cloze),
                    None => (question, qn, cloze),
                }
            }
            _ => (question, qn, cloze),
        };
        // "reported on the 16th" -> "reported on January 16, 2021".
        let (question, qn, cloze) = match ex.relative_dates.get(f.sentence) {
            Some(rel) if !rel.is_empty() => {
                let q = with_dates_resolved(&question, rel);
                let n = norm(&q);
                if q != question && !needles.leak_norm(&n) {
                    (q, n, with_dates_resolved(&cloze, rel))
                } else {
                    (question, qn, cloze)
                }
            }
            _ => (question, qn, cloze),
        };
        // "President Vladimir Putin announced that ___ was suspending ...":
        // a well-known leader of the answer's state gives it away.
        if f.pool == Pool::Entity(EntClass::Country) && leader_gives_away(&qn, &name_norms) {
            continue;
        }
        // "British Prime Minister Gordon Brown announced that ___ would
        // ...": the state's adjective gives it away too.
        if f.pool == Pool::Entity(EntClass::Country)
            && let Some(gi) = f
                .entity
                .and_then(|e| ex.entities.get(e))
                .and_then(|e| e.gaz)
            && gazetteer::get().entries[gi]
                .adjectives
                .iter()
                .any(|a| contains_words(&qn, &norm(a)))
        {
            continue;
        }
        // "which is, you know, a remarkable number": the pause goes.
        // (Only speech has them: a transcript's turn or a quotation.)
        let spoken = sent.spoken || !sent.quotes.is_empty();
        let (question, qn, cloze) = match spoken
            .then(|| crate::core::text::strip_inner_fillers(&question))
            .flatten()
        {
            Some(q) => {
                let c = crate::core::text::strip_inner_fillers(&cloze).unwrap_or(cloze);
                let n = norm(&q);
                (q, n, c)
            }
            None => (question, qn, cloze),
        };
        // "the ___ (OAU), meeting at its summit": the initials after the
        // blank spell the answer out, so the card reads without them.
        let (question, qn, cloze) = match initials_after_blank(&question, &f.answer, &names) {
            Some(q) => {
                let c = initials_after_blank(&cloze, &f.answer, &names).unwrap_or(cloze);
                let n = norm(&q);
                (q, n, c)
            }
            None => (question, qn, cloze),
        };
        if !seen_q.insert(qn.clone()) {
            continue;
        }
        let mut id = cache.card_id(f.sentence, text, f.kind, &f.answer);
        // A second person with the same title in the sentence: the id
        // takes the person's name too (the first keeps the plain id).
        if seen_id.contains(&id)
            && f.kind == FactKind::Role
            && let Some(p) = f.entity.and_then(|e| ex.entities.get(e))
        {
            id = cache.card_id(
                f.sentence,
                text,
                f.kind,
                &format!("{} {}", f.answer, p.name),
            );
        }
        if !seen_id.insert(id.clone()) {
            continue;
        }
        // names_of put the answer's own normal form first.
        let answer_norm = match (names.first(), name_norms.first()) {
            (Some(n), Some(nn)) if *n == f.answer => nn.clone(),
            _ => norm(&f.answer),
        };
        let mut accept: Vec<String> = f
            .accept
            .iter()
            .filter(|a| {
                let n = norm(a);
                !n.is_empty() && n != answer_norm
            })
            .cloned()
            .collect();
        dedup(&mut accept);
        let mut choices = choices_for(f, &mut cache, &id, &name_norms, text, &qn, from_cloze);
        // "unless ___ did so first" took "the" along: the answer and each
        // option said with "the" fill the blank as they read ("unless the
        // United States did so first", "unless India did so first").
        let answer = if from_cloze && the_blanked && gazetteer::takes_the(&f.answer) {
            if let Some(cs) = choices.as_mut() {
                for c in cs.iter_mut().filter(|c| gazetteer::takes_the(c)) {
                    *c = format!("the {c}");
                }
            }
            accept.insert(0, f.answer.clone());
            format!("the {}", f.answer)
        } else {
            f.answer.clone()
        };
        cards.push(Card {
            id,
            kind: f.kind,
            question,
            answer,
            accept,
            choices,
            sentence: text.to_string(),
            sentence_index: f.sentence,
            paragraph: sent.paragraph,
            cloze: if cloze_ok { cloze } else { String::new() },
            resolved_date: f.resolved.map(|r| r.iso()),
            inferred: f.inferred,
            note: f.note.clone(),
        });
    }
    cards
}

/// Whether a question (normal form) names a well-known person who held
/// office in the state the answer names (any of `answer_norms`).
fn leader_gives_away(qn: &str, answer_norms: &[String]) -> bool {
    // Each well-known person's state and spellings, normalised once.
    static LEADERS: OnceLock<Vec<(String, Vec<String>)>> = OnceLock::new();
    let leaders = LEADERS.get_or_init(|| {
        let g = gazetteer::get();
        g.people
            .iter()
            .zip(&g.people_country)
            .filter(|(_, c)| !c.is_empty())
            .map(|(names, c)| (norm(c), names.iter().map(|n| norm(n)).collect()))
            .collect()
    });
    leaders
        .iter()
        .filter(|(c, _)| answer_norms.contains(c))
        .any(|(_, names)| names.iter().any(|n| contains_words(qn, n)))
}

/// "In November 2011" from "In November 2011, the United States ...": an
/// opening phrase that dates the sentence.
fn date_opener(sentence: &str) -> Option<&str> {
    let (head, _) = sentence.split_once(", ")?;
    let words: Vec<&str> = head.split_whitespace().collect();
    if !(2..=5).contains(&words.len()) || !matches!(words[0], "In" | "On" | "By") {
        return None;
    }
    // Dated as the date finder reads dates everywhere else, and no name
    // after the date ("In 2025 Estonia, Latvia ..." opens with a list;
    // "By the 1991 deadline" is a date phrase).
    let toks = super::text::tokenize(head);
    let dated = super::dates::find(&toks).last().is_some_and(|d| {
        toks[d.tok_end..]
            .iter()
            .all(|t| !t.text.starts_with(char::is_uppercase))
    });
    dated.then_some(head)
}

/// The interviewer's question a short reply at the start of a turn
/// answers ("How many tests ...?" before "Six times, all by North Korea.").
fn reply_to(art: &Article, si: usize) -> Option<&str> {
    let cur = art.sentences.get(si)?;
    let prev = art.sentences.get(si.checked_sub(1)?)?;
    let asked = prev.text.as_str();
    (cur.spoken
        && prev.spoken
        && prev.label != cur.label
        && cur.text.split_whitespace().count() <= 8
        && asked.ends_with('?')
        && asked.split_whitespace().count() <= 30)
        .then_some(asked)
}

/// The sentence before `si` when it can stand in front of a card as its
/// context: same paragraph and speaker, a whole sentence of its own, short,
/// and leaning on nothing before it in turn.
fn context_before(art: &Article, si: usize) -> Option<&str> {
    let prev = art.sentences.get(si.checked_sub(1)?)?;
    let cur = art.sentences.get(si)?;
    let text = prev.text.as_str();
    // Wire copy gives each sentence its own paragraph: a one-sentence
    // paragraph goes on in the next.
    let alone = || {
        si < 2
            || art
                .sentences
                .get(si - 2)
                .is_none_or(|p| p.paragraph != prev.paragraph)
    };
    let fits = (prev.paragraph == cur.paragraph
        || (prev.paragraph + 1 == cur.paragraph && alone()))
        && prev.label == cur.label
        && !prev.fragment
        && prev.field.is_none()
        && !prev.starts_in_quote
        && text.ends_with(['.', '!'])
        && (6..=30).contains(&text.split_whitespace().count())
        && text.starts_with(char::is_uppercase)
        && !["It ", "They ", "He ", "She "]
            .iter()
            .any(|p| text.starts_with(p))
        && !has_dangling_reference(text);
    fits.then_some(text)
}

/// "7 June 2021: President Putin signed the law." -> "On 7 June 2021,
/// President Putin signed the law." A line opened by a date and a colon is
/// a timeline entry. `blanked` is the date a "___" before the colon stands
/// for, which picks "On" or "In".
fn timeline_entry(line: &str, blanked: Option<Ymd>) -> Option<String> {
    let (head, rest) = line.split_once(": ")?;
    if rest.split_whitespace().count() < 4 || head.split_whitespace().count() > 4 {
        return None;
    }
    let day = if head == "___" {
        blanked?.d.is_some()
    } else {
        // The whole label is one full date, as the date finder reads it.
        let toks = super::text::tokenize(head);
        match super::dates::find(&toks).as_slice() {
            [m] if m.tok_start == 0 && m.tok_end == toks.len() => match m.expr {
                super::dates::DateExpr::Absolute(d) => d.d.is_some(),
                _ => return None,
            },
            _ => return None,
        }
    };
    let prep = if day { "On" } else { "In" };
    // "The United States gave notice" goes on as "the United States ...".
    let rest = match rest.split_once(' ') {
        Some((w @ ("The" | "A" | "An"), tail)) => format!("{} {tail}", w.to_lowercase()),
        _ => rest.to_string(),
    };
    Some(format!("{prep} {head}, {rest}"))
}

/// "Extending the ___ makes the world safer," Blinken said.": a sentence
/// cut from a quotation that began in the one before gets its opening
/// mark back (and one left open is closed), so the card reads whole.
fn balance_quotes(s: String) -> String {
    let opens = s.matches('“').count();
    let closes = s.matches('”').count();
    if closes > opens {
        return format!("“{s}");
    }
    if opens > closes {
        return format!("{s}”");
    }
    if s.matches('"').count() % 2 == 1
        && let Some(p) = s.find('"')
    {
        let closing = s[..p].ends_with([',', '.', '!', '?']);
        return if closing {
            format!("\"{s}")
        } else {
            format!("{s}\"")
        };
    }
    s
}

/// Replace each relative date written in `q` with its resolved form.
fn with_dates_resolved(q: &str, rel: &[(String, String)]) -> String {
    // Found in the question as it stands, replaced from the end.
    let mut at: Vec<(usize, usize, &str)> = rel
        .iter()
        .filter_map(|(surface, shown)| {
            // "on January 26, 2021" already written out stays as it is.
            let (a, b) = find_word_spans(q, surface)
                .into_iter()
                .find(|&(a, _)| !q[a..].starts_with(shown.as_str()))?;
            Some((a, b, shown.as_str()))
        })
        .collect();
    at.sort_unstable();
    at.dedup_by(|later, earlier| later.0 < earlier.1);
    let mut out = q.to_string();
    for (a, b, shown) in at.into_iter().rev() {
        // "Last month, Bush ..." -> "In November 2001, Bush ...".
        let opens = a == 0 || out[..a].ends_with(": ") || out[..a].ends_with('“');
        if opens && shown.starts_with(char::is_lowercase) {
            let mut cs = shown.chars();
            let head: String = cs
                .next()
                .map(|c| c.to_uppercase().collect())
                .unwrap_or_default();
            out.replace_range(a..b, &format!("{head}{}", cs.as_str()));
        } else {
            out.replace_range(a..b, shown);
        }
    }
    out
}

/// How many "___" blanks a cloze has.
fn count_blanks(cloze: &str) -> usize {
    let b = cloze.as_bytes();
    let mut n = 0;
    let mut i = 0;
    while i + 3 <= b.len() {
        if &b[i..i + 3] == b"___" {
            n += 1;
            i += 3;
        } else {
            i += 1;
        }
    }
    n
}

/// How many different spellings the spans cover.
fn distinct_forms(text: &str, spans: &[(usize, usize)]) -> usize {
    // "Open Sky" inside "Open Sky Treaty" is the same blank.
    let outer = |&(a, b): &(usize, usize)| {
        !spans
            .iter()
            .any(|&(c, d)| c <= a && b <= d && (c, d) != (a, b))
    };
    let mut forms: Vec<String> = spans
        .iter()
        .filter(|s| outer(s))
        .filter_map(|&(a, b)| text.get(a..b))
        .map(|t| {
            let n = norm(t);
            n.strip_prefix("the ").map_or(n.clone(), str::to_string)
        })
        .collect();
    forms.sort_unstable();
    forms.dedup();
    forms.len()
}

/// Does the sentence speak in the first person outside its quotations
/// ("Our goal remains ...", "I want to begin ...")? "US" is a country;
/// "us" is not.
fn first_person(text: &str, quotes: &[(usize, usize)]) -> bool {
    let is_word = |c: char| c.is_alphanumeric();
    let mut rest = text;
    let mut offset = 0;
    while let Some(i) = rest.find(is_word) {
        let start = offset + i;
        let len = rest[i..]
            .find(|c: char| !is_word(c))
            .unwrap_or(rest.len() - i);
        let word = &text[start..start + len];
        if matches!(
            word,
            "I" | "we" | "We" | "our" | "Our" | "us" | "my" | "My" | "me" | "ours"
        ) && !quotes.iter().any(|&(a, b)| start >= a && start < b)
        {
            return true;
        }
        offset = start + len;
        rest = &text[offset..];
    }
    false
}

/// A fact-sheet date field as a question: "Signed: ___" -> "When was the
/// INF Treaty signed?", "Status: Terminated ___" -> "When was the INF
/// Treaty terminated?", "Entered into force: ___" -> "When did the INF
/// Treaty enter into force?". `None` for a field that names no act
/// ("Ultimatum: ___").
/// A fact sheet's date fields named by a noun, and their questions.
const FIELD_NOUNS: &[(&str, &str)] = &[
    ("entry into force", "When did {} enter into force?"),
    ("signature", "When was {} signed?"),
    ("signing", "When was {} signed?"),
    ("ratification", "When was {} ratified?"),
    ("extension", "When was {} extended?"),
    ("suspension", "When was {} suspended?"),
    ("termination", "When was {} terminated?"),
    ("withdrawal", "When did withdrawal from {} take effect?"),
    ("expiry", "When does {} expire?"),
    ("expiration", "When does {} expire?"),
];

fn field_date_question(cloze: &str, subject: &str) -> Option<String> {
    let (label, value) = cloze.split_once(": ")?;
    let value = value.trim_end_matches(['.', ' ']);
    // The act is the label ("Signed: ___") or the value's word before the
    // blank ("Status: Terminated ___"); only the blank may follow, or a place.
    let (act, after) = if let Some(rest) = value.strip_prefix("___") {
        (label, rest)
    } else {
        let (act, rest) = value.split_once(" ___")?;
        (act, rest)
    };
    if !(after.is_empty() || after.starts_with(", ")) || act.split_whitespace().count() > 4 {
        return None;
    }
    let act = act.to_lowercase();
    if let Some(rest) = act.strip_prefix("entered into force") {
        return rest
            .is_empty()
            .then(|| format!("When did {subject} enter into force?"));
    }
    // "Extension: ___", "Withdrawal: ___": the act named by its noun.
    if let Some((_, q)) = FIELD_NOUNS.iter().find(|(noun, _)| *noun == act) {
        return Some(q.replace("{}", subject));
    }
    // "New expiry date: ___" -> "What is the new expiry date of X?"
    if act.ends_with(" date") {
        return Some(format!("What is the {act} of {subject}?"));
    }
    // "Terminated on: ___": the preposition is the blank's.
    let act = ["on", "in", "at"]
        .iter()
        .find_map(|p| act.strip_suffix(&format!(" {p}")))
        .unwrap_or(&act);
    let first = act.split_whitespace().next()?;
    // "Expired: ___": a verb without an object asks "When did it expire?".
    const INTRANSITIVE: &[(&str, &str)] = &[
        ("expired", "expire"),
        ("lapsed", "lapse"),
        ("ended", "end"),
        ("collapsed", "collapse"),
    ];
    if let Some((_, base)) = INTRANSITIVE.iter().find(|(past, _)| *past == act) {
        return Some(format!("When did {subject} {base}?"));
    }
    let participle = first.ends_with("ed") || gazetteer::is_irregular_past(first);
    participle.then(|| format!("When was {subject} {act}?"))
}

/// Where a resolved relative date stood without a preposition ("took
/// effect today", "Last year, ..."), the preposition its blank needs and
/// where it goes: "on" for a day, "in" for a month or a year.
/// What a blanked relative date needs written before it (`prep` at byte
/// `at`), and how many bytes of a possessive "'s" after it to drop.
struct MissingPrep {
    at: usize,
    prep: &'static str,
    drop: usize,
}

fn missing_preposition(f: &Fact, text: &str) -> Option<MissingPrep> {
    if f.kind != FactKind::Date || !f.inferred {
        return None;
    }
    let r = f.resolved?;
    let &(at, end) = f.spans.first()?;
    let before = text.get(..at)?.trim_end();
    // "criticized Thursday's decision", "during last year's race": the
    // possessive reads "the ___ decision".
    let after = text.get(end..)?;
    if let Some(poss) = ["'s", "’s"].into_iter().find(|p| after.starts_with(p)) {
        let prep = if before.is_empty() { "The" } else { "the" };
        return Some(MissingPrep {
            at,
            prep,
            drop: poss.len(),
        });
    }
    let prep = if before.is_empty() {
        match crate::core::dates::preposition_for("", r)? {
            "on" => "On",
            _ => "In",
        }
    } else {
        if !before.ends_with(char::is_alphanumeric) {
            return None;
        }
        let last = before
            .rsplit(|c: char| !c.is_alphanumeric())
            .next()
            .unwrap_or("");
        crate::core::dates::preposition_for(last, r)?
    };
    Some(MissingPrep { at, prep, drop: 0 })
}

/// What an unresolved weekday or month answer is, for its blank.
fn date_hint(f: &Fact) -> Option<&'static str> {
    if f.kind != FactKind::Date || f.resolved.is_some() {
        return None;
    }
    let a = f.answer.trim().to_ascii_lowercase();
    if crate::core::gazetteer::WEEKDAYS.contains(&a.as_str()) {
        Some("day of the week")
    } else if crate::core::gazetteer::month_of(&a).is_some() {
        Some("month")
    } else {
        None
    }
}

/// Answer spellings prepared once per card for leak checks.
struct Needles<'n> {
    norms: &'n [String],
    /// A body's head word ("Council" for "Security Council"): "notifying
    /// the Council" gives the body away.
    head: Option<&'n str>,
}

impl<'n> Needles<'n> {
    /// From already normalised spellings of `f`'s answer.
    fn new(norms: &'n [String], f: &'n Fact) -> Needles<'n> {
        let mut words = f.answer.split_whitespace();
        let head = match (words.next(), words.next_back()) {
            (Some(_), Some(h))
                if f.kind == FactKind::Party
                    && h.len() >= 4
                    && h.starts_with(char::is_uppercase)
                    && h.bytes().all(|b| b.is_ascii_alphabetic()) =>
            {
                Some(h)
            }
            _ => None,
        };
        Needles { norms, head }
    }
    /// Does an already normalised question show any spelling?
    fn leak_norm(&self, q: &str) -> bool {
        self.norms
            .iter()
            .any(|n| n.len() >= 3 && contains_words(q, n))
            || self.head.is_some_and(|h| {
                // "the council" as whole words, without allocating.
                q.match_indices("the ").any(|(i, _)| {
                    (i == 0 || q.as_bytes()[i - 1] == b' ')
                        && q[i + 4..]
                            .get(..h.len())
                            .is_some_and(|w| w.eq_ignore_ascii_case(h))
                        && q.as_bytes().get(i + 4 + h.len()).is_none_or(|&b| b == b' ')
                })
            })
    }
}

/// "general secretary" and "secretary general": the same words in
/// another order are the same title.
fn same_words(a: &str, b: &str) -> bool {
    if a.len() != b.len() || a == b || !a.contains(' ') {
        return false;
    }
    let mut x: Vec<&str> = a.split(' ').collect();
    let mut y: Vec<&str> = b.split(' ').collect();
    x.sort_unstable();
    y.sort_unstable();
    x == y
}

/// Does normalised text `hay` contain the normalised words `needle` as a
/// whole-word run? (No allocation: this runs for every option considered.)
pub(crate) fn contains_words(hay: &str, needle: &str) -> bool {
    if needle.is_empty() || needle.len() > hay.len() {
        return false;
    }
    // Most calls find nothing: std's vectorised `contains` says so quickly,
    // and only a hit is checked for word boundaries by a plain scan. It is
    // vectorised for needles of up to 32 bytes; a formal title's first 32
    // bytes rule most texts out as well.
    let probe = match needle.len() {
        0..=32 => needle,
        _ => (0..=32)
            .rev()
            .find(|&i| needle.is_char_boundary(i))
            .map_or(needle, |i| &needle[..i]),
    };
    if !hay.contains(probe) {
        return false;
    }
    let hb = hay.as_bytes();
    let nb = needle.as_bytes();
    let last = hb.len() - nb.len();
    (0..=last).any(|i| {
        hb[i] == nb[0]
            && (i == 0 || hb[i - 1] == b' ')
            && &hb[i..i + nb.len()] == nb
            && (i + nb.len() == hb.len() || hb[i + nb.len()] == b' ')
    })
}

/// A cloze without "six months later, " where it still shows another
/// date (a year or a month's name): with the offset, the blanked date is
/// sums, not memory.
fn without_offset(cloze: &str) -> Option<String> {
    if !["later", "earlier", "afterwards"]
        .iter()
        .any(|w| cloze.contains(w))
    {
        return None;
    }
    const UNITS: &[&str] = &[
        "day", "days", "week", "weeks", "month", "months", "year", "years",
    ];
    let words: Vec<&str> = cloze.split(' ').collect();
    let at = words.windows(3).position(|w| {
        (matches!(w[0], "a" | "an") || number_value(&w[0].to_lowercase()).is_some())
            && UNITS.contains(&w[1])
            && matches!(
                w[2].trim_end_matches([',', '.']),
                "later" | "earlier" | "afterwards"
            )
    })?;
    let mut out: Vec<&str> = words[..at].to_vec();
    out.extend_from_slice(&words[at + 3..]);
    let mut out = out.join(" ");
    if words[at + 2].ends_with('.') {
        out.push('.');
    }
    // Another date shown: a year, or a month's name.
    let other_date = out
        .split(|c: char| !c.is_ascii_digit())
        .any(|d| d.len() == 4)
        || out
            .split(|c: char| !c.is_alphabetic())
            .any(|w| w.len() >= 3 && gazetteer::month_of(w).is_some());
    (other_date && out.contains("___")).then_some(out)
}

/// "Who also paid tribute ...?", "Which country also charged ...?": read
/// alone, the card has nothing for "also" to add to; the question asks
/// without it.
fn without_also(q: &str) -> Option<String> {
    let words: Vec<&str> = q.splitn(5, ' ').collect();
    let at = match words.as_slice() {
        ["Who", "also", ..] => 1,
        ["Which", _, "also", ..] => 2,
        ["Which", _, _, "also", ..] => 3,
        _ => return None,
    };
    let mut out: Vec<&str> = words[..at].to_vec();
    out.extend_from_slice(&words[at + 1..]);
    Some(out.join(" "))
}

/// Where a blank for a country's name starts when it takes the "the"
/// before it along: "the United States" is said with "the" (a blank after
/// "the" fits no Russia), while "the U.S. withdrawal" keeps its "the".
fn the_swallowed(text: &str, (start, end): (usize, usize)) -> Option<usize> {
    let name = text.get(start..end)?;
    if !gazetteer::takes_the(name) {
        return None;
    }
    let head = text.get(..start)?;
    let before = head
        .strip_suffix("the ")
        .or_else(|| head.strip_suffix("The "))?;
    before
        .chars()
        .next_back()
        .is_none_or(|c| !c.is_alphanumeric())
        .then_some(before.len())
}

/// States that hold nuclear weapons (and the Soviet Union, which did):
/// the fair options when the answer is one of them.
/// How many of [`NUCLEAR_ARMED_STATES`], from the top, are the NPT's
/// nuclear-weapon states (the Soviet Union and Russia as one).
const NPT_NUCLEAR_STATES: usize = 6;

const NUCLEAR_ARMED_STATES: &[&str] = &[
    "United States",
    "Russia",
    "Soviet Union",
    "China",
    "United Kingdom",
    "France",
    "India",
    "Pakistan",
    "Israel",
    "North Korea",
];

/// States most often met in arms-control texts: preferred fallback options.
const COMMON_STATES: &[&str] = &[
    "United States",
    "Russia",
    "China",
    "United Kingdom",
    "France",
    "Iran",
    "North Korea",
    "Ukraine",
    "Germany",
    "India",
    "Pakistan",
    "Israel",
    "Belarus",
    "Turkey",
    "Japan",
    "Poland",
    "Netherlands",
    "Czech Republic",
];

fn choices_for(
    f: &Fact,
    cache: &mut Cache,
    id: &str,
    name_norms: &[String],
    sentence: &str,
    question_norm: &str,
    cloze: bool,
) -> Option<Vec<String>> {
    // "the former ___" (a state that no longer exists), "Ms. ___": the word
    // before the blank narrows the answer's type past what the options
    // can match, so a wrong option would be plain nonsense.
    // The state names are plain words: their normal form is lower case.
    let is_former = || {
        FORMER_STATES
            .iter()
            .any(|st| name_norms.iter().any(|n| n.eq_ignore_ascii_case(st)))
    };
    if let Some(&(start, _)) = f.spans.first().filter(|_| cloze) {
        let before = sentence[..start]
            .split_whitespace()
            .next_back()
            .unwrap_or("");
        if crate::core::gazetteer::HONORIFICS.contains(&before)
            || (before == "former" && !is_former())
        {
            return None;
        }
    }
    let former_state = cloze && f.pool == Pool::Entity(EntClass::Country) && is_former();
    let gaz = gazetteer::get();
    // The answer's gazetteer entry, once.
    let answer_gaz = f
        .entity
        .and_then(|e| cache.ex.entities.get(e))
        .and_then(|e| e.gaz);
    let answer_is_group = answer_gaz.is_some_and(|gi| gaz.entries[gi].group);
    let answer_is_russia = name_norms
        .iter()
        .any(|n| n == "russia" || n == "russian federation");
    let answer_is_soviet = name_norms.iter().any(|n| is_former_name(n));
    // "Which country withdrew from the INF Treaty?": a treaty between the
    // United States and the Soviet Union (or Russia) has no third state to
    // offer, so the card is asked without options.
    if f.pool == Pool::Entity(EntClass::Country)
        && (answer_is_russia || answer_is_soviet || name_norms.iter().any(|n| n == "united states"))
    {
        let ex = cache.ex;
        let about = treaties_about(ex, f.sentence);
        let bilateral = |e: &usize| {
            ex.entities.get(*e).and_then(|x| x.gaz).is_some_and(|gi| {
                gazetteer::US_SOVIET_BILATERAL.contains(&gaz.entries[gi].name.as_str())
            })
        };
        if !about.is_empty() && about.iter().all(bilateral) {
            return None;
        }
    }
    // "U.S. Senate" against "Congress": a body and the body it belongs to
    // are both right.
    let answer_entry = answer_gaz.filter(|&gi| gaz.has_nesting(gi));
    // A year after the Soviet Union's end in the sentence, or, when it
    // names no year, in the last sentence before it that dates an event.
    let years: Vec<i32> = sentence
        .split(|c: char| !c.is_ascii_digit())
        .filter(|d| d.len() == 4)
        .filter_map(|d| d.parse::<i32>().ok())
        .filter(|y| (1000..2100).contains(y))
        .collect();
    let narrative = cache.narrative.get(f.sentence).copied().flatten();
    let modern = || {
        if years.is_empty() {
            narrative.is_some_and(|y| y >= 1992)
        } else {
            years.iter().any(|&y| y >= 1992)
        }
    };
    let soviet_era = || {
        if years.is_empty() {
            narrative.is_some_and(|y| y < 1992)
        } else {
            years.iter().all(|&y| y < 1992)
        }
    };
    // Before the tests of 1998 only the five recognised by the NPT were
    // nuclear-armed peers.
    let p5_only = soviet_era() || (!years.is_empty() && years.iter().all(|&y| y < 1998));
    // "the ___" wants a name said with "the".
    // (unless the blank took the "the" with the name).
    let after_the = cloze
        && f.pool == Pool::Entity(EntClass::Country)
        && f.spans.first().is_some_and(|&(start, end)| {
            the_swallowed(sentence, (start, end)).is_none()
                && sentence[..start]
                    .split_whitespace()
                    .next_back()
                    .is_some_and(|w| w.eq_ignore_ascii_case("the"))
        });
    // "the 1972 ___": the year is the blank's; an option with a year or a
    // common noun of its own ("1974 protocol") cannot follow it.
    let after_year = cloze
        && f.pool == Pool::Entity(EntClass::Treaty)
        && f.spans.first().is_some_and(|&(start, _)| {
            sentence.get(..start).is_some_and(|h| {
                h.split_whitespace()
                    .next_back()
                    .is_some_and(|w| w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit()))
            })
        });
    // "the ___ began deploying" for "the Soviets": no state's name fits
    // where a people's name stands.
    if after_the && !gazetteer::takes_the(&f.answer) && !is_former_name(&f.answer) {
        return None;
    }
    let seed = fnv1a(id.as_bytes());
    let mut rng = Xoshiro256PlusPlus::seed_from_u64(seed);
    let ex = cache.ex;
    let sentence_ents: &[usize] = ex
        .sentence_entities
        .get(f.sentence)
        .map(Vec::as_slice)
        .unwrap_or(&[]);
    // Entities of the sentence are visible in the question: never options.
    let Cache {
        ent_norms,
        pools,
        sentence_years,
        ..
    } = cache;
    let years_here: &[i32] = sentence_years
        .get(f.sentence)
        .map(Vec::as_slice)
        .unwrap_or(&[]);
    let sentence_names: Vec<&str> = sentence_ents
        .iter()
        .flat_map(|&e| ent_norms[e].iter().map(String::as_str))
        .collect();
    // "Which country withdrew from the Open Skies Treaty?": a treaty of few
    // members, its party as the answer, offers only its other parties.
    let members: &[usize] = if f.pool == Pool::Entity(EntClass::Country) && !former_state {
        treaties_about(ex, f.sentence)
            .iter()
            .filter_map(|&e| ex.entities.get(e).and_then(|x| x.gaz))
            .map(|gi| gaz.entries[gi].parties.as_slice())
            .find(|p| answer_gaz.is_some_and(|a| p.contains(&a)))
            .unwrap_or(&[])
    } else {
        &[]
    };
    // "signed for the United States", "Soviet leader ___": where the
    // sentence names the answer's own state, a person of another state is
    // no option.
    // (Only a cloze whose blank the state stands beside: a speaker of the
    // other side is a fair option.)
    let side: Option<usize> = match f.spans.first() {
        Some(&(start, end)) if cloze && f.pool == Pool::Entity(EntClass::Person) => f
            .entity
            .and_then(|e| ex.entities.get(e))
            .and_then(|e| gaz.person_state(&e.name))
            .filter(|&c| {
                let mut a = start.saturating_sub(24);
                while !sentence.is_char_boundary(a) {
                    a -= 1;
                }
                let mut b = (end + 48).min(sentence.len());
                while !sentence.is_char_boundary(b) {
                    b += 1;
                }
                gaz.countries_in(&sentence[a..b]).contains(&c)
            }),
        _ => None,
    };
    // "Le Drian, Maas and Raab stressed ... against ___": the states of
    // the people the sentence names are no options for a state.
    let own_states: Vec<usize> = if f.pool == Pool::Entity(EntClass::Country) {
        sentence_ents
            .iter()
            .filter_map(|&e| ex.entities.get(e))
            .filter(|e| e.class == EntClass::Person)
            .filter_map(|e| gaz.person_state(&e.name))
            .collect()
    } else {
        Vec::new()
    };
    // Article candidates (cached per article), then made-up or gazetteer
    // options of the same type.
    let (cands, extra): (&[Cand], Vec<Cand>) = match f.pool {
        // "Which source": a descriptive source ("Russian media") has no
        // fair same-type options.
        Pool::NoChoice | Pool::Entity(EntClass::Source) => return None,
        // E3, P5+1, G7: a group of states among groups of states.
        Pool::Entity(_) if answer_is_group => (
            &[][..],
            gaz.entries
                .iter()
                .filter(|e| e.group)
                .map(|e| Cand::made(e.name.clone()))
                .collect(),
        ),
        Pool::Entity(_) if former_state => (
            &[][..],
            FORMER_STATES
                .iter()
                .map(|s| Cand::made(s.to_string()))
                .collect(),
        ),
        Pool::Entity(_) | Pool::Role => (pool_for(pools, ex, f.pool), Vec::new()),
        // Other places of the answer's region: Washington, Geneva or
        // Vienna for a Moscow summit, Jakarta or Manila for Bangkok; none
        // for a place the table does not know.
        Pool::Place => {
            let region = gaz.place_region(&f.answer);
            (
                &[][..],
                gaz.places
                    .iter()
                    .filter(|(p, r)| Some(r.as_str()) == region && !sentence.contains(p.as_str()))
                    .map(|(p, _)| Cand::made(p.clone()))
                    .collect(),
            )
        }
        Pool::Office => (
            &[][..],
            office_swaps(
                &f.answer,
                f.entity
                    .and_then(|e| cache.ex.entities.get(e))
                    .and_then(|e| gaz.person_country(&e.name)),
            )
            .into_iter()
            .map(Cand::made)
            .collect(),
        ),
        Pool::Date(_) => {
            let r = f.resolved?;
            // A past event's options stay in the article's past: "In ___
            // Estonia ... announced" (2025) offers no 2027 or 2029.
            // (A guessed reference is the latest past date the text gives:
            // the article was written no earlier.)
            let limit = cache
                .ex
                .reference
                .map(|rf| rf.date)
                .filter(|&d| !later_than(r, d));
            let made = perturb_date(r, limit).into_iter().map(Cand::made).collect();
            (pool_for(pools, ex, f.pool), made)
        }
        Pool::Number => {
            let made = perturb_number(&f.answer)
                .into_iter()
                .map(Cand::made)
                .collect();
            (pool_for(pools, ex, f.pool), made)
        }
    };
    let shape = (f.pool == Pool::Number).then(|| number_shape(&f.answer));
    // "187 had signed and ___ had ratified": an option must stand on the
    // same side of every other figure in the sentence as the answer does.
    let bounds: Vec<f64> = if f.pool == Pool::Number {
        other_figures(sentence, &f.spans)
    } else {
        Vec::new()
    };
    let answer_value = number_value(&f.answer);
    // "Signed on ___ and in force on 1 January 2002": a date option must
    // stand on the same side of the sentence's other years as the answer,
    // and an article's date far from the answer's era (2001 for a treaty
    // Nixon signed) is no fair option.
    let answer_year = f
        .resolved
        .filter(|_| matches!(f.pool, Pool::Date(_)))
        .map(|r| r.y);
    let other_years: Vec<i32> = match answer_year {
        Some(ay) => years_here.iter().copied().filter(|&y| y != ay).collect(),
        None => Vec::new(),
    };
    // "In ___, the Duma voted ..., and Putin signed the law on 2 November
    // 2023": another event of the answer's own year in the sentence keeps
    // the options in that year, where the order of events can't rule them
    // out.
    let same_year =
        answer_year.is_some_and(|ay| years_here.iter().filter(|&&y| y == ay).count() > 1);
    // The year an alliance card is about: its sentence's date, else the
    // article's.
    // (An organisation founded later is no option either: not the CIS
    // for a 1966 resolution.)
    let era = matches!(
        f.pool,
        Pool::Entity(EntClass::Alliance | EntClass::Organisation | EntClass::Body)
    )
    .then(|| {
        years_here
            .first()
            .copied()
            .or_else(|| ex.reference.filter(|r| r.year_known).map(|r| r.date.y))
    })
    .flatten();
    // "More than ___ flights": a smaller option would be true as well, so
    // options lie beyond the answer on the side the words point to.
    let direction: i8 = match f.spans.first().filter(|_| f.pool == Pool::Number) {
        Some(&(start, _)) => {
            let before = sentence[..start].trim_end().to_ascii_lowercase();
            if [
                "more than",
                "over",
                "at least",
                "in excess of",
                "upwards of",
            ]
            .iter()
            .any(|w| before.ends_with(w))
                && !before.ends_with("no more than")
            {
                1
            } else if ["fewer than", "less than", "under"]
                .iter()
                .any(|w| before.ends_with(w))
            {
                -1
            } else {
                0
            }
        }
        None => 0,
    };
    let noun = f
        .spans
        .first()
        .map(|&(_, e)| super::extract::word_after(sentence, e))
        .unwrap_or_default();
    let fallback: &[Cand] = match f.pool {
        Pool::Entity(_) if former_state || answer_is_group => &[],
        Pool::Entity(_) | Pool::Role => fallback_for(f.pool),
        _ => &[],
    };
    // Article candidates first, each group in a seeded random order.
    let mut order: Vec<usize> = (0..cands.len()).collect();
    order.shuffle(&mut rng);
    let n_extra = extra.len() + fallback.len();
    let mut fb_order: Vec<usize> = (cands.len()..cands.len() + n_extra).collect();
    // A gazetteer list may hold hundreds of names and three are needed: a
    // random few first, the rest after them in table order.
    let (few, rest) = fb_order.partial_shuffle(&mut rng, 24);
    // Answer forms, once: "x" and " x " for containment. Spelling variants
    // are judged against the answer itself (the scorer's rule); other
    // spellings of the entity are caught by equality and containment.
    let answer_norm = name_norms.first().map(String::as_str).unwrap_or("");
    let answer_forms: &[String] = name_norms;
    let answer_is_rank = matches!(f.pool, Pool::Role | Pool::Office)
        && title_category(&f.answer) == Some("military");
    let answer_countries = if f.pool == Pool::Role {
        gaz.countries_in(&f.answer)
    } else {
        Vec::new()
    };
    // The state whose post the answer is: named in it, implied by the
    // title's style ("Secretary of State"), or the holder's own.
    let answer_title = (f.pool == Pool::Role)
        .then(|| gaz.first_title(&f.answer))
        .flatten();
    let holder: Option<usize> = (f.pool == Pool::Role)
        .then(|| {
            answer_countries
                .first()
                .copied()
                .or_else(|| answer_title.and_then(|t| (t.only_in.len() == 1).then(|| t.only_in[0])))
                .or_else(|| {
                    f.entity
                        .and_then(|e| ex.entities.get(e))
                        .and_then(|e| gaz.person_state(&e.name))
                })
        })
        .flatten();
    let answer_is_head = answer_title.is_some_and(|t| t.category == "head");
    // "NATO spokesman", "U.N. secretary-general": a post in an
    // international body, where a state's own titles are no options.
    let international = f.pool == Pool::Role
        && holder.is_none()
        && !gaz
            .entries_in(&f.answer, &[EntKind::Organisation, EntKind::Alliance])
            .is_empty();
    let cand_at = |i: usize| -> &Cand {
        if i < cands.len() {
            &cands[i]
        } else if i < cands.len() + extra.len() {
            &extra[i - cands.len()]
        } else {
            &fallback[i - cands.len() - extra.len()]
        }
    };
    let in_order = order.iter().chain(few.iter()).chain(rest.iter()).copied();
    // "until the ___ withdrew from it": a nuclear-armed state is judged
    // among its peers first; Belgium beside the United States is no contest.
    // (Entries in the table's order: the first six are the NPT's five.)
    static NUCLEAR: OnceLock<Vec<Option<usize>>> = OnceLock::new();
    let nuclear_entries = NUCLEAR.get_or_init(|| {
        NUCLEAR_ARMED_STATES
            .iter()
            .map(|n| gaz.entry_named(n))
            .collect()
    });
    let nuclear = |gi: Option<usize>| {
        gi.is_some_and(|gi| {
            nuclear_entries
                .iter()
                .position(|&e| e == Some(gi))
                .is_some_and(|k| !p5_only || k < NPT_NUCLEAR_STATES)
        })
    };
    let seq: Box<dyn Iterator<Item = usize>> =
        if f.pool == Pool::Entity(EntClass::Country) && nuclear(answer_gaz) {
            let mut seq: Vec<usize> = in_order.collect();
            seq.sort_by_cached_key(|&i| !nuclear(cand_at(i).entry(ex)));
            Box::new(seq.into_iter())
        } else {
            Box::new(in_order)
        };
    let mut picked: Vec<String> = Vec::new();
    let mut picked_norm: Vec<String> = Vec::new();
    let mut picked_entries: Vec<Option<usize>> = Vec::new();
    for i in seq {
        if picked.len() == 3 {
            break;
        }
        let c = cand_at(i);
        if i < cands.len()
            && shape
                .as_ref()
                .is_some_and(|sh| c.shape.as_ref() != Some(sh) || c.group != noun)
        {
            continue;
        }
        if c.entity
            .is_some_and(|e| Some(e) == f.entity || sentence_ents.contains(&e))
        {
            continue;
        }
        if let Some(a) = answer_value
            && !bounds.is_empty()
            && number_value(&c.text)
                .is_none_or(|v| bounds.iter().any(|&m| (v < m) != (a < m) || v == m))
        {
            continue;
        }
        if let Some(a) = answer_value.filter(|_| direction != 0)
            && number_value(&c.text).is_none_or(|v| (v - a) * f64::from(direction) <= 0.0)
        {
            continue;
        }
        if let Some(ay) = answer_year
            && let Some(cy) = year_of(&c.text)
            && ((i < cands.len() && (cy - ay).abs() > DATE_OPTION_YEARS)
                || (same_year && cy != ay)
                || other_years.iter().any(|&o| (cy < o) != (ay < o) || cy == o))
        {
            continue;
        }
        // The option's gazetteer entry, if it has one.
        let entry = c.entry(ex);
        // "The dissolution of the ___ in 1991": no alliance founded later
        // (or gone before) is an option.
        if let Some(y) = era
            && entry.is_some_and(|b| !gaz.entries[b].active_in(y))
        {
            continue;
        }
        // "Reagan and Gorbachev signed the ___ in 1987": no treaty signed
        // after the sentence's last year (or the article's date) is an option.
        if f.pool == Pool::Entity(EntClass::Treaty)
            && let Some(upper) = years_here
                .iter()
                .copied()
                .max()
                .or_else(|| ex.reference.filter(|r| r.year_known).map(|r| r.date.y))
            && entry
                .and_then(|b| gaz.entries[b].year)
                .is_some_and(|y| y > upper)
        {
            continue;
        }
        // "In 2014 the United States found Russia in violation of the ___":
        // no treaty that had ended before the year the sentence speaks of
        // (or, undated, the last year the text dated) is an option.
        if f.pool == Pool::Entity(EntClass::Treaty)
            && let Some(lower) = years_here.iter().copied().min().or(narrative)
            && entry
                .and_then(|b| gaz.entries[b].active)
                .and_then(|(_, ended)| ended)
                .is_some_and(|t| t < lower)
        {
            continue;
        }
        // "Which alliance ...?" about NATO: the CSTO, not ANZUS; the INF
        // Treaty among SALT and START, not beside the Ottawa Treaty. An
        // alliance of another region, a treaty of another family, is no
        // fair option. An organisation of a family takes options only from
        // it: the Standing Consultative Commission among treaty
        // commissions, not beside the UN Security Council.
        if let Pool::Entity(
            class @ (EntClass::Alliance | EntClass::Treaty | EntClass::Organisation),
        ) = f.pool
            && let Some(af) = answer_gaz.and_then(|a| gaz.entries[a].family.as_deref())
            && entry.is_some_and(|b| match gaz.entries[b].family.as_deref() {
                Some(r) => r != af,
                None => class == EntClass::Organisation,
            })
        {
            continue;
        }
        if after_the && !former_state && !gazetteer::takes_the(&c.text) {
            continue;
        }
        if after_year
            && (c.text.contains(|ch: char| ch.is_ascii_digit())
                || c.text.starts_with(char::is_lowercase))
        {
            continue;
        }
        // "director of our verification program": a title cut from
        // someone's own words is no option.
        if f.pool == Pool::Role
            && c.text.split_whitespace().any(|w| {
                gazetteer::PERSONAL_POSSESSIVES
                    .iter()
                    .any(|p| w.eq_ignore_ascii_case(p))
            })
        {
            continue;
        }
        // "Senator" beside "Senate Majority Leader", "President" beside
        // "Vice President": a bare title from the answer's own stem is true
        // of the answer's holder too.
        if matches!(f.pool, Pool::Role | Pool::Office) && !c.text.contains(' ') {
            let stem = |w: &str| -> Option<String> {
                (w.chars().count() >= 5)
                    .then(|| w.chars().take(5).collect::<String>().to_lowercase())
            };
            if let Some(cs) = stem(&c.text)
                && f.answer
                    .split_whitespace()
                    .any(|w| stem(w).as_ref() == Some(&cs))
            {
                continue;
            }
        }
        // "Lieutenant General" among "Secretary of State" and "Director":
        // a military rank is an option only for a rank.
        if matches!(f.pool, Pool::Role | Pool::Office)
            && (title_category(&c.text) == Some("military")) != answer_is_rank
        {
            continue;
        }
        // "President" is no option for a spokeswoman or a minister: a head
        // of state's title is offered only for a head of state; and no
        // "Foreign Secretary" (a British title) for a Russian official.
        if f.pool == Pool::Role
            && let Some(t) = gaz.first_title(&c.text)
            && ((t.category == "head" && !answer_is_head)
                // "Minister of Foreign Affairs" for "Foreign Minister": the
                // same office in other words.
                || answer_title.is_some_and(|at| at.post.is_some() && at.post == t.post)
                || holder.is_some_and(|h| !t.fits(h))
                // (No American title for a "Foreign Minister" of a state
                // the text leaves unsaid.)
                || (holder.is_none()
                    && !t.only_in.is_empty()
                    && answer_title.is_some_and(|at| !t.only_in.iter().any(|&c| at.fits(c))))
                || (international && !(t.only_in.is_empty() && t.not_in.is_empty())))
        {
            continue;
        }
        // Nor "NATO Secretary General" for a Russian deputy minister: a
        // state's post takes no post in an international body.
        if f.pool == Pool::Role
            && !international
            && (holder.is_some()
                || answer_title.is_some_and(|t| !(t.only_in.is_empty() && t.not_in.is_empty())))
            && (gaz.first_title(&c.text).is_some_and(|t| t.international)
                || !gaz
                    .entries_in(&c.text, &[EntKind::Organisation, EntKind::Alliance])
                    .is_empty())
        {
            continue;
        }
        // "U.S. President" is no option for Brezhnev: a title of another
        // country than the answer's (or any country, when the answer names
        // none) is implausible.
        if f.pool == Pool::Role {
            let theirs = gaz.countries_in(&c.text);
            if !theirs.is_empty() && !theirs.iter().any(|n| answer_countries.contains(n)) {
                continue;
            }
        }
        // A state that no longer existed, or its successor, is no fair
        // option for Russia or for a year after 1991.
        if !former_state && is_former_name(&c.text) && (answer_is_russia || modern()) {
            continue;
        }
        // Nor Russia for a year before the Soviet Union's end.
        if (answer_is_soviet || soviet_era()) && c.text.starts_with("Russia") {
            continue;
        }
        if answer_entry.is_some_and(|a| entry.is_some_and(|b| gaz.nested(a, b))) {
            continue;
        }
        if entry.is_some_and(|b| own_states.contains(&b))
            || (!members.is_empty() && entry.is_none_or(|b| !members.contains(&b)))
        {
            continue;
        }
        if let Some(side) = side
            && let Some(theirs) = c
                .entity
                .and_then(|e| ex.entities.get(e))
                .and_then(|e| gaz.person_state(&e.name))
            && theirs != side
        {
            continue;
        }
        // "IAEA" and "International Atomic Energy Agency": one body, one
        // option.
        if entry.is_some() && (entry == answer_entry || picked_entries.contains(&entry)) {
            continue;
        }
        // A group of states (P5, G7) is no organisation: offered only
        // among groups.
        if !answer_is_group && entry.is_some_and(|b| gaz.entries[b].group) {
            continue;
        }
        // Dates are shown in the answer's style; judge them as shown.
        let shown = if matches!(f.pool, Pool::Date(_)) {
            restyle_date(&c.text, &f.answer)
        } else {
            c.text.clone()
        };
        let shown_norm = if shown == c.text && !c.norm.is_empty() {
            c.norm.clone()
        } else {
            norm(&shown)
        };
        let nc = shown_norm.as_str();
        // Not empty, and no entity the sentence itself names; nor a date
        // the sentence shows ("in February 2021 …, and in ___").
        if nc.is_empty()
            || sentence_names.contains(&nc)
            || (matches!(f.pool, Pool::Date(_)) && sentence.contains(shown.as_str()))
        {
            continue;
        }
        // Nor one the question shows: "Today, 2 November 2023, Putin
        // signed ...", read before the blank, rules that date out.
        if f.pool != Pool::Number && contains_words(question_norm, nc) {
            continue;
        }
        // Not the answer, a spelling variant of it, or a part of it.
        let clash = similar(answer_norm, nc)
            || answer_forms.iter().any(|na| {
                na == nc
                    || (na.len() >= 3 && contains_words(nc, na))
                    || (nc.len() >= 3 && contains_words(na, nc))
                    || same_words(na, nc)
            });
        // Nor a variant of another option.
        if clash || picked_norm.iter().any(|p| *p == nc || similar(p, nc)) {
            continue;
        }
        picked_norm.push(shown_norm.clone());
        picked_entries.push(entry);
        picked.push(shown);
    }
    if picked.len() < 3 {
        return None;
    }
    let mut choices = picked;
    choices.push(f.answer.clone());
    choices.shuffle(&mut rng);
    Some(choices)
}

/// How far (in years) an article's date may lie from the answer to be
/// offered as an option; made-up dates lie closer.
const DATE_OPTION_YEARS: i32 = 4;

/// The year a displayed date names ("May 26, 1972", "1990", "July 1955").
fn year_of(date: &str) -> Option<i32> {
    date.split(|c: char| !c.is_ascii_digit())
        .find(|w| w.len() == 4)
        .and_then(|w| w.parse().ok())
}

/// The category of the first title a phrase holds ("military" for
/// "Lieutenant General", "minister" for "Russian Foreign Minister").
fn title_category(phrase: &str) -> Option<&'static str> {
    let words: Vec<&str> = phrase.split_whitespace().collect();
    let g = gazetteer::get();
    (0..words.len()).find_map(|i| g.title_at(&words, i).map(|(_, c)| c))
}

fn display_name(e: &super::extract::Entity) -> String {
    let s = e.forms.first().unwrap_or(&e.name);
    let s = s
        .strip_prefix("the ")
        .or_else(|| s.strip_prefix("The "))
        .unwrap_or(s);
    if e.class == EntClass::Person {
        return e.name.clone();
    }
    s.to_string()
}

/// Write a "December 22, 2020" option the way the answer is written
/// ("22 December 2020", "Dec. 22, 2020"), so the format gives nothing away.
fn restyle_date(option: &str, answer: &str) -> String {
    let shown = restyle_date_order(option, answer);
    // An abbreviated month in the answer ("Feb. 5, 2011") abbreviates the
    // options' months; a whole one writes theirs out.
    let short = answer
        .split_whitespace()
        .any(|w| w.ends_with('.') && gazetteer::month_of(w).is_some());
    let words: Vec<String> = shown
        .split_whitespace()
        .map(|w| match gazetteer::month_of(w.trim_end_matches(',')) {
            Some(m) if w.chars().next().is_some_and(char::is_uppercase) => {
                let comma = if w.ends_with(',') { "," } else { "" };
                let name = if short {
                    gazetteer::MONTH_SHORT[m as usize - 1]
                } else {
                    gazetteer::MONTH_NAMES[m as usize - 1]
                };
                format!("{name}{comma}")
            }
            _ => w.to_string(),
        })
        .collect();
    words.join(" ")
}

fn restyle_date_order(option: &str, answer: &str) -> String {
    // "January 25" (no year): the options drop theirs too.
    let aw: Vec<&str> = answer.split_whitespace().collect();
    if aw.len() == 2 {
        let ow: Vec<&str> = option.split_whitespace().collect();
        let (month, day) = match ow.as_slice() {
            [m, d, _] if d.ends_with(',') => (*m, d.trim_end_matches(',')),
            [d, m, _] if d.chars().all(|c| c.is_ascii_digit()) => (*m, *d),
            _ => return option.to_string(),
        };
        return if aw[0].chars().all(|c| c.is_ascii_digit()) {
            format!("{day} {month}")
        } else {
            format!("{month} {day}")
        };
    }
    let day_first = answer.chars().next().is_some_and(|c| c.is_ascii_digit())
        && answer.split_whitespace().count() == 3;
    if !day_first {
        return option.to_string();
    }
    let parts: Vec<&str> = option.split_whitespace().collect();
    match parts.as_slice() {
        [month, day, year] if day.ends_with(',') => {
            format!("{} {month} {year}", day.trim_end_matches(','))
        }
        _ => option.to_string(),
    }
}

/// Whether `a` is later than `b` at `a`'s precision.
fn later_than(a: Ymd, b: Ymd) -> bool {
    match (a.m, a.d) {
        (Some(_), Some(_)) => a.days() > b.days(),
        (Some(m), None) => (a.y, m) > (b.y, b.m.unwrap_or(12)),
        _ => a.y > b.y,
    }
}

/// Dates near `r` to offer beside it; none later than `limit` (the
/// article's date, for an event before it), with more earlier ones then.
fn perturb_date(r: Ymd, limit: Option<Ymd>) -> Vec<String> {
    let mut v = Vec::new();
    let mut push = |d: Ymd| {
        if limit.is_none_or(|l| !later_than(d, l)) {
            v.push(d.display());
        }
    };
    let capped = limit.is_some();
    match (r.m, r.d) {
        (Some(m), Some(d)) => {
            // Weeks to months away: a day or two off reads as a spelling
            // of the answer ("May 24" for "May 26").
            for off in [-47i64, 23, -19, 41, 66, -95] {
                push(Ymd::from_days(r.days() + off));
            }
            let m2 = if m == 12 { 1 } else { m + 1 };
            push(Ymd::ymd(r.y, m2, d.min(28)));
            if capped {
                for off in [-130i64, -160] {
                    push(Ymd::from_days(r.days() + off));
                }
            }
        }
        (Some(m), None) => {
            let extra: &[i32] = if capped { &[-3, -4, -6] } else { &[] };
            for &off in [-2i32, 1, 3, -1, 4].iter().chain(extra) {
                let mm = m as i32 - 1 + off;
                push(Ymd::ym(
                    r.y + mm.div_euclid(12),
                    (mm.rem_euclid(12) + 1) as u32,
                ));
            }
        }
        _ => {
            let extra: &[i32] = if capped { &[-2, -4] } else { &[] };
            for &off in [-3, 1, 4, -1, 2, -5].iter().chain(extra) {
                push(Ymd::year(r.y + off));
            }
        }
    }
    v
}

/// Offices of one government, for a leader's office at a dated moment:
/// "Russian President" -> "Russian Prime Minister", "Russian Foreign
/// Minister", ... The nationality the answer gives picks the government's
/// titles; a bare office gets offices most governments have.
const OFFICE_HEADS: &[&str] = &[
    "President",
    "Vice President",
    "Prime Minister",
    "Premier",
    "Chancellor",
    "General Secretary",
    "Secretary of State",
    "Secretary of Defense",
    "Foreign Minister",
    "Defence Minister",
    "National Security Adviser",
];
const US_OFFICES: &[&str] = &[
    "President",
    "Vice President",
    "Secretary of State",
    "Secretary of Defense",
    "National Security Adviser",
];
/// A Soviet leader could hold the party's and the state's top posts at
/// once (Gorbachev in 1990-91): neither is offered against the other.
const SOVIET_OFFICES: &[&str] = &["Premier", "Foreign Minister", "Defence Minister"];
const NATIONAL_OFFICES: &[&str] = &[
    "President",
    "Prime Minister",
    "Foreign Minister",
    "Defence Minister",
];
/// A bare "President" is most often a U.S. president in these texts.
const BARE_OFFICES: &[&str] = US_OFFICES;

/// Other offices of the same government as the answer's: by the words
/// before the office ("Soviet Premier"), else by the state the person
/// (known to the gazetteer) served.
fn office_swaps(answer: &str, country: Option<&str>) -> Vec<String> {
    let Some(prefix) = OFFICE_HEADS
        .iter()
        .filter_map(|o| {
            answer
                .strip_suffix(o)
                .filter(|p| p.is_empty() || p.ends_with(' '))
                .map(|p| (p, o.len()))
        })
        .max_by_key(|&(_, len)| len)
        .map(|(p, _)| p)
    else {
        return Vec::new();
    };
    let set = match prefix.trim() {
        "" => match country {
            Some("United States") | None => BARE_OFFICES,
            Some("Soviet Union") => SOVIET_OFFICES,
            Some(_) => NATIONAL_OFFICES,
        },
        "U.S." | "US" | "American" | "United States" => US_OFFICES,
        "Soviet" => SOVIET_OFFICES,
        _ => NATIONAL_OFFICES,
    };
    set.iter()
        .map(|o| format!("{prefix}{o}"))
        .filter(|o| o != answer)
        .collect()
}

/// States that no longer exist: the options for "the former ___" or "the
/// dissolution of the ___" are their peers, not today's states.
const FORMER_STATES: &[&str] = &[
    "Soviet Union",
    "Yugoslavia",
    "Czechoslovakia",
    "East Germany",
    "West Germany",
];

/// Is `name` one of [`FORMER_STATES`] (or the USSR)?
fn is_former_name(name: &str) -> bool {
    name.eq_ignore_ascii_case("USSR")
        || FORMER_STATES.iter().any(|st| name.eq_ignore_ascii_case(st))
}

/// The value of a figure: "1,550", "4.5 percent", "four".
fn number_value(s: &str) -> Option<f64> {
    let first = s.split_whitespace().next()?;
    if let Some(n) = gazetteer::number_word(first) {
        return Some(n as f64);
    }
    let digits: String = first
        .chars()
        .take_while(|c| c.is_ascii_digit() || *c == ',' || *c == '.')
        .filter(|c| *c != ',')
        .collect();
    digits.trim_end_matches('.').parse().ok()
}

/// Figures written in digits elsewhere in the sentence (outside `spans`).
fn other_figures(sentence: &str, spans: &[(usize, usize)]) -> Vec<f64> {
    let mut out = Vec::new();
    let b = sentence.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if b[i].is_ascii_digit() && (i == 0 || !b[i - 1].is_ascii_alphanumeric()) {
            let mut j = i;
            while j < b.len()
                && (b[j].is_ascii_digit()
                    || b[j] == b',' && j + 1 < b.len() && b[j + 1].is_ascii_digit())
            {
                j += 1;
            }
            let inside = spans.iter().any(|&(a, e)| i < e && j > a);
            if !inside
                && (j == b.len() || !b[j].is_ascii_alphabetic())
                && let Ok(v) = sentence[i..j].replace(',', "").parse::<f64>()
            {
                out.push(v);
            }
            i = j;
        } else {
            i += 1;
        }
    }
    out
}

/// "the ___ types of sensor: optical cameras, video cameras, infrared
/// scanners and radar": the list after the colon counts out the answer.
///
/// "___ states: the 16 members of NATO and the six members of the Warsaw
/// Pact": figures after the colon that add up to the answer count it out.
fn counted_by_list(sentence: &str, f: &Fact) -> bool {
    let Some(n) = number_value(&f.answer) else {
        return false;
    };
    let Some(&(_, end)) = f.spans.first() else {
        return false;
    };
    if let Some(colon) = sentence[end..].find(':') {
        let figures: Vec<f64> = sentence[end + colon + 1..]
            .split(|c: char| !c.is_alphanumeric() && c != ',')
            .map(|w| w.trim_matches(','))
            .filter_map(|w| number_value(&w.to_lowercase()))
            .collect();
        if figures.len() >= 2 && figures.iter().sum::<f64>() == n {
            return true;
        }
    }
    if !(2.0..=12.0).contains(&n) {
        return false;
    }
    // "in London, Moscow and Washington, the capitals of its three
    // depositary governments": the names just before count it out.
    if let Some(&(start, _)) = f.spans.first()
        && sentence.is_char_boundary(start)
        && names_listed_before(&sentence[..start]) as f64 == n
    {
        return true;
    }
    // "two sites, one around its capital and one around a field": the
    // "one ..." items count it out too.
    if let Some(comma) = sentence[end..].find(", one ") {
        let items = sentence[end + comma..]
            .split_whitespace()
            .filter(|w| w.eq_ignore_ascii_case("one"))
            .count();
        if items as f64 == n {
            return true;
        }
    }
    let Some(colon) = sentence[end..].find(':') else {
        return false;
    };
    let list = &sentence[end + colon + 1..];
    let items = list
        .split(',')
        .flat_map(|p| p.split(" and "))
        .flat_map(|p| p.split(" or "))
        .filter(|p| p.chars().any(char::is_alphanumeric))
        .count();
    items as f64 == n
}

/// How many names a list ending just before a number holds: "London,
/// Moscow and Washington, the capitals of its" -> 3. 0 when no list of
/// names ends within a few words.
fn names_listed_before(before: &str) -> usize {
    let is_name = |p: &str| {
        let words: Vec<&str> = p.split_whitespace().collect();
        (1..=4).contains(&words.len())
            && words[0].starts_with(char::is_uppercase)
            && words
                .iter()
                .all(|w| w.starts_with(char::is_uppercase) || matches!(*w, "of" | "the"))
    };
    let Some(and) = before.rfind(" and ") else {
        return 0;
    };
    let tail = &before[and + 5..];
    let (last, bridge) = tail.split_once(',').unwrap_or((tail, ""));
    if !is_name(last) || bridge.split_whitespace().count() > 6 {
        return 0;
    }
    let mut count = 1;
    for piece in before[..and].rsplit(", ") {
        if is_name(piece) {
            count += 1;
        } else {
            // "... in London": the first name closes a longer clause.
            if piece
                .split_whitespace()
                .next_back()
                .is_some_and(|w| w.starts_with(char::is_uppercase))
            {
                count += 1;
            }
            break;
        }
    }
    if count < 2 { 0 } else { count }
}

#[derive(Clone, PartialEq, Eq)]
enum NumShape {
    Word,
    Plain,
    Unit(String),
    /// "Article V", "Resolution 2231": options are other references.
    Reference(String),
    /// "50th", "eighth" (written out: true): options are ordinals too.
    Ordinal(bool),
    /// "six-month": options count the same unit ("four-month").
    Compound(String),
    Other,
}

fn number_shape(s: &str) -> NumShape {
    if gazetteer::number_word(s).is_some() {
        return NumShape::Word;
    }
    if let Some((_, word)) = ordinal_value(s) {
        return NumShape::Ordinal(word);
    }
    if let Some((_, unit)) = super::extract::counted_compound(s) {
        return NumShape::Compound(unit.to_string());
    }
    let mut words = s.split_whitespace();
    if let (Some(head), Some(_)) = (words.next(), words.next())
        && head.chars().next().is_some_and(char::is_alphabetic)
    {
        return if gazetteer::number_word(head).is_some() {
            NumShape::Other
        } else {
            NumShape::Reference(head.to_lowercase())
        };
    }
    let (num, unit) = split_unit(s);
    if num.parse::<f64>().is_err() {
        return NumShape::Other;
    }
    if unit.is_empty() {
        NumShape::Plain
    } else {
        NumShape::Unit(unit.to_lowercase())
    }
}

fn split_unit(s: &str) -> (String, String) {
    let num: String = s
        .chars()
        .take_while(|c| c.is_ascii_digit() || *c == ',' || *c == '.')
        .filter(|c| *c != ',')
        .collect();
    let unit = s
        .chars()
        .skip_while(|c| c.is_ascii_digit() || *c == ',' || *c == '.')
        .collect::<String>()
        .trim()
        .to_string();
    (num, unit)
}

/// "50th" -> (50, false), "thirty-fifth" -> (35, true).
fn ordinal_value(s: &str) -> Option<(u64, bool)> {
    if let Some(n) = gazetteer::ordinal_word(s) {
        return Some((n, true));
    }
    let digits = s.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = &s[digits.len()..];
    let n: u64 = digits.parse().ok()?;
    (suffix.eq_ignore_ascii_case(ordinal_suffix(n))).then_some((n, false))
}

/// "st", "nd", "rd" or "th" after `n`: 21st, 12th, 53rd.
fn ordinal_suffix(n: u64) -> &'static str {
    match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    }
}

/// Other places in a count, written as the answer is: "50th" -> "40th",
/// "60th", "45th", "55th"; "eighth" -> "ninth", "tenth", "seventh", ...
fn perturb_ordinal(n: u64, word: bool) -> Vec<String> {
    let near: Vec<u64> = if n < 20 {
        vec![
            n + 1,
            n + 2,
            n.saturating_sub(1),
            n + 3,
            n.saturating_sub(2),
        ]
    } else {
        vec![
            n.saturating_sub(10),
            n + 10,
            n.saturating_sub(5),
            n + 5,
            n + 20,
        ]
    };
    near.into_iter()
        .filter(|&k| k >= 2 && k != n)
        .filter_map(|k| {
            if word {
                gazetteer::ordinal_words_of(k)
            } else {
                Some(format!("{k}{}", ordinal_suffix(k)))
            }
        })
        .collect()
}

fn perturb_number(s: &str) -> Vec<String> {
    if let Some((n, word)) = ordinal_value(s) {
        return perturb_ordinal(n, word);
    }
    // "six-month" -> "seven-month", "eight-month", "five-month", ...
    if let Some((n, unit)) = super::extract::counted_compound(s) {
        return [
            n + 1,
            n + 2,
            n.saturating_sub(1),
            n + 3,
            n.saturating_sub(2),
        ]
        .into_iter()
        .filter(|&k| k >= 1 && k != n)
        .filter_map(|k| {
            let w = if k == 1 {
                Some("one")
            } else {
                NUMBER_WORDS.iter().find(|(_, x)| *x == k).map(|(w, _)| *w)
            };
            w.map(|w| format!("{w}-{unit}"))
        })
        .collect();
    }
    // A vote or range ("48–51", "88 to 2") has no sensible made-up twin.
    if s.contains(['–', '-']) || s.contains(" to ") || s.contains(" and ") {
        return Vec::new();
    }
    if let Some(n) = gazetteer::number_word(s) {
        return [n + 1, n + 2, n.saturating_sub(1), n + 3]
            .iter()
            .filter_map(|k| {
                NUMBER_WORDS
                    .iter()
                    .find(|(_, x)| x == k)
                    .map(|(w, _)| w.to_string())
            })
            .collect();
    }
    let (num, unit) = split_unit(s);
    let Ok(x) = num.parse::<f64>() else {
        return Vec::new();
    };
    let decimals = num.split('.').nth(1).map_or(0, str::len);
    let commas = s.contains(',');
    let mut out = Vec::new();
    let factors: &[f64] = if x < 20.0 && decimals == 0 {
        &[]
    } else {
        &[0.8, 1.25, 1.5, 0.7, 1.3, 2.0, 0.5, 0.9, 1.1, 0.6]
    };
    let mut vals: Vec<f64> = factors.iter().map(|f| x * f).collect();
    if x < 20.0 && decimals == 0 {
        vals = vec![x + 1.0, x + 2.0, x - 1.0, x + 4.0];
    }
    let digits = |v: f64| (v.max(1.0)).log10().floor() as i32;
    for v in vals {
        // Same order of magnitude as the answer ("1,550" -> "1,200", not "770").
        if v <= 0.0 || (x >= 100.0 && digits(v) != digits(x)) {
            continue;
        }
        let txt = if decimals > 0 {
            format!("{:.*}", decimals, v)
        } else {
            let r = round_nice(v);
            if commas {
                with_commas(r)
            } else {
                r.to_string()
            }
        };
        let full = if unit.is_empty() {
            txt
        } else if unit == "%" {
            format!("{txt}%")
        } else {
            format!("{txt} {unit}")
        };
        if norm(&full) != norm(s) {
            out.push(full);
        }
    }
    out
}

fn round_nice(v: f64) -> u64 {
    let v = v.round() as u64;
    if v < 100 {
        return v;
    }
    let mag = 10u64.pow((v as f64).log10().floor() as u32 - 1);
    (v / mag) * mag
}

fn with_commas(n: u64) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_stable_and_normalised() {
        let a = card_id(
            "The treaty entered into force in 2002.",
            FactKind::Date,
            "2002",
        );
        let b = card_id(
            "The  treaty entered into force in 2002 .",
            FactKind::Date,
            "2002",
        );
        assert_eq!(a, b);
        assert_ne!(
            a,
            card_id(
                "The treaty entered into force in 2002.",
                FactKind::Number,
                "2002"
            )
        );
        assert_eq!(a.len(), 16);
    }

    #[test]
    fn whole_word_containment() {
        assert!(contains_words("the open sky treaty", "sky treaty"));
        assert!(!contains_words("the open skyline", "sky"));
        assert!(!contains_words("russia", "prussia"));
        assert!(contains_words("russia", "russia"));
        assert!(!contains_words("ab", "abc"));
    }

    #[test]
    fn a_past_events_date_options_stay_before_the_article() {
        let opts = perturb_date(Ymd::year(2025), Some(Ymd::year(2025)));
        assert!(opts.len() >= 3, "{opts:?}");
        assert!(opts.iter().all(|o| o.as_str() < "2025"), "{opts:?}");
        let opts = perturb_date(Ymd::ymd(2021, 12, 18), Some(Ymd::ymd(2021, 12, 18)));
        assert!(opts.len() >= 3, "{opts:?}");
        assert!(
            opts.iter()
                .all(|o| !o.contains("2022") && !o.starts_with("December 2")),
            "{opts:?}"
        );
        // With no article date, later ones are offered too.
        assert!(
            perturb_date(Ymd::year(2025), None)
                .iter()
                .any(|o| o.as_str() > "2025")
        );
    }

    #[test]
    fn date_options_take_the_answers_form() {
        assert_eq!(restyle_date("January 18, 2021", "January 25"), "January 18");
        assert_eq!(restyle_date("18 January 2021", "25 January"), "18 January");
        assert_eq!(
            restyle_date("January 18, 2021", "25 January 2021"),
            "18 January 2021"
        );
        assert_eq!(restyle_date("1999", "January 25"), "1999");
    }

    #[test]
    fn short_questions_with_a_bare_pronoun_need_context() {
        assert!(is_context_bound(
            "Which country is one of them, so the treaty cannot take effect?"
        ));
        assert!(is_context_bound(
            "They said their aim was to bring ___ back into compliance."
        ));
        assert!(is_context_bound("Which country turned it down?"));
        // "they" after a speech verb is the question's own subject.
        assert!(!is_context_bound(
            "Which alliance's allies said they fully supported the U.S. action?"
        ));
        assert!(is_context_bound(
            "JCPOA: Which two countries voted against?"
        ));
        assert!(!is_context_bound(
            "JCPOA: Which two countries voted against the resolution?"
        ));
        assert!(is_context_bound(
            "Treaty on Open Skies: Which country followed?"
        ));
        assert!(is_context_bound(
            "Which country rejected any link between those pledges and the CFE Treaty?"
        ));
        assert!(!is_context_bound(
            "Which country withdrew from the ABM Treaty?"
        ));
        assert!(is_context_bound("He resigned in ___."));
        assert!(!is_context_bound(
            "The INF Treaty entered into force on ___."
        ));
        assert!(!is_context_bound(
            "Which country said it would leave the treaty in six months?"
        ));
    }

    #[test]
    fn blanking_merges_and_finds_every_mention() {
        let t = "Russia left; Russia’s move shocked RUSSIA watchers.";
        let spans = find_word_spans(t, "Russia");
        assert_eq!(spans.len(), 3);
        assert_eq!(
            blank(t, &spans),
            "___ left; ___’s move shocked ___ watchers."
        );
    }

    #[test]
    fn a_speaker_named_by_themselves_reads_in_the_third_person() {
        let cards = cards_of(
            "INTERVIEWER: What exactly is your job?\n\n\
             GROSSI: I am Rafael Grossi, Director General of the International Atomic Energy Agency, the IAEA. \
             Our inspectors verify that nuclear material is not diverted from the IAEA's safeguards.",
        );
        let body = cards
            .iter()
            .find(|c| c.sentence.starts_with("I am") && c.kind == FactKind::Party)
            .map(|c| c.question.as_str());
        assert_eq!(
            body,
            Some("Rafael Grossi is Director General of the ___, the ___.")
        );
    }

    #[test]
    fn a_capital_described_by_its_state_is_blanked_too() {
        let cards = cards_of(
            "SALT I was signed in 1972. The talks opened in Helsinki in November 1969, \
             and later rounds alternated between the Finnish capital and Vienna.",
        );
        let c = cards
            .iter()
            .find(|c| c.answer == "Helsinki")
            .expect("a card for Helsinki");
        assert!(!c.question.contains("Finnish capital"), "{}", c.question);
        assert_eq!(c.question.matches("___").count(), 2, "{}", c.question);
    }

    #[test]
    fn a_rank_and_an_office_are_different_kinds_of_title() {
        assert_eq!(title_category("Lieutenant General"), Some("military"));
        assert_eq!(title_category("U.S. Secretary of State"), Some("minister"));
        let cards = cards_of(
            "Date: May 21, 2020\n\n\
             Secretary of State Mike Pompeo announced the withdrawal. \
             Lieutenant General Robert Ashley said the flights had been used against us. \
             Spokesman Dmitry Peskov said Russia regretted the decision.",
        );
        for c in cards.iter().filter(|c| c.answer == "Secretary of State") {
            for o in c.choices.iter().flatten() {
                assert_ne!(title_category(o), Some("military"), "{:?}", c.choices);
            }
        }
    }

    #[test]
    fn names_listed_just_before_a_number_count_it_out() {
        assert_eq!(
            names_listed_before(
                "The NPT was opened for signature on July 1, 1968, in London, Moscow and Washington, the capitals of its "
            ),
            3
        );
        assert_eq!(
            names_listed_before("Britain and France, the two European powers with "),
            2
        );
        // No list, or one ended long before the number.
        assert_eq!(names_listed_before("The treaty was signed by "), 0);
        assert_eq!(
            names_listed_before(
                "Britain and France signed it, and after many years of debate the parliament approved "
            ),
            0
        );
    }

    #[test]
    fn a_question_keeps_the_date_its_sentence_opens_with() {
        assert_eq!(
            date_opener("In November 2011, the United States announced it."),
            Some("In November 2011")
        );
        assert_eq!(date_opener("On Thursday, Bush spoke."), Some("On Thursday"));
        assert_eq!(date_opener("In a statement, Bush spoke in 2001."), None);
        assert_eq!(
            date_opener("In 2025 Estonia, Latvia and Poland left."),
            None
        );
        assert_eq!(
            date_opener("WASHINGTON, Dec. 13 (Wire) - Bush spoke."),
            None
        );
        // A no-break space after "In" is a space like any other.
        let nbsp = cards_of("In\u{a0}November 2011, the United States left the CFE Treaty.");
        assert!(!nbsp.is_empty());
        let cards = cards_of(
            "The CFE Treaty was signed in 1990.\n\nIn November 2011, the United States announced \
             that it would stop sharing military data with Russia under the CFE Treaty.",
        );
        let q = cards
            .iter()
            .find(|c| c.answer == "United States")
            .map(|c| c.question.as_str());
        assert_eq!(
            q,
            Some(
                "In November 2011, which country announced that it would stop sharing military data with Russia under the CFE Treaty?"
            )
        );
    }

    #[test]
    fn a_leader_of_the_answers_state_gives_it_away() {
        let cards = cards_of(
            "New START entered into force in 2011.\n\n\
             On February 21, 2023, President Vladimir Putin announced that Russia was suspending \
             its participation in New START.\n\n\
             On February 22, 2023, the United States said Russia had violated New START.",
        );
        let russia: Vec<&str> = cards
            .iter()
            .filter(|c| c.answer == "Russia")
            .map(|c| c.sentence.as_str())
            .collect();
        assert!(russia.iter().all(|s| !s.contains("Putin")), "{russia:?}");
        assert!(!russia.is_empty(), "{cards:?}");
    }

    #[test]
    fn a_short_reply_reads_with_the_question_it_answers() {
        let cards = cards_of(
            "The CTBT was adopted in 1996.\n\n\
             INTERVIEWER: Who runs the organisation today?\n\n\
             GUEST: Robert Floyd of Australia is the Executive Secretary. He took office in 2021.",
        );
        let c = cards
            .iter()
            .find(|c| c.answer == "Australia")
            .expect("a card for Australia");
        assert!(
            c.question
                .contains("Who runs the organisation today? — “Robert Floyd of ___"),
            "{}",
            c.question
        );
    }

    #[test]
    fn a_timeline_entry_reads_as_a_sentence() {
        assert_eq!(
            timeline_entry(
                "7 June 2021: President ___ signed the law on withdrawal.",
                None
            )
            .as_deref(),
            Some("On 7 June 2021, President ___ signed the law on withdrawal.")
        );
        assert_eq!(
            timeline_entry("May 2020: The United States gave ___ notice.", None).as_deref(),
            Some("In May 2020, the United States gave ___ notice.")
        );
        assert_eq!(
            timeline_entry(
                "___: President Putin signed the law.",
                Some(Ymd::ymd(2021, 6, 7))
            )
            .as_deref(),
            Some("On ___, President Putin signed the law.")
        );
        // A label that is no date stays as it is.
        assert_eq!(
            timeline_entry("Parties: ___ states signed the treaty.", None),
            None
        );
        assert_eq!(
            timeline_entry("___: the treaty lapsed in 2019.", None),
            None
        );
    }

    #[test]
    fn date_options_follow_the_answer_style() {
        assert_eq!(
            restyle_date("December 22, 2020", "10 October 1996"),
            "22 December 2020"
        );
        assert_eq!(
            restyle_date("December 22, 2020", "October 10, 1996"),
            "December 22, 2020"
        );
        assert_eq!(
            restyle_date("December 2020", "10 October 1996"),
            "December 2020"
        );
        // The month's spelling follows the answer's too.
        assert_eq!(
            restyle_date("December 22, 2020", "Feb. 5, 2011"),
            "Dec. 22, 2020"
        );
        assert_eq!(
            restyle_date("March 5, 2026", "Feb. 5, 2026"),
            "March 5, 2026"
        );
        assert_eq!(
            restyle_date("Sept. 10, 1996", "July 4, 1996"),
            "September 10, 1996"
        );
        assert_eq!(restyle_date("Aug. 2019", "Oct. 2018"), "Aug. 2019");
    }

    fn cards_of(text: &str) -> Vec<Card> {
        crate::core::generate(text)
            .map(|g| g.cards)
            .unwrap_or_default()
    }

    /// The first card that fits, or a panic that lists every question.
    fn card_where(cards: &[Card], fits: impl Fn(&Card) -> bool) -> &Card {
        cards.iter().find(|c| fits(c)).unwrap_or_else(|| {
            panic!(
                "{:?}",
                cards.iter().map(|c| &c.question).collect::<Vec<_>>()
            )
        })
    }

    #[test]
    fn a_places_options_come_from_its_region() {
        let g = super::super::gazetteer::get();
        for (text, answer, region) in [
            (
                "The ABM Treaty was signed in Moscow on May 26, 1972, by Richard Nixon and Leonid Brezhnev.",
                "Moscow",
                "summit",
            ),
            (
                "The Treaty was signed in Bangkok on 15 December 1995 by ten Southeast Asian states.",
                "Bangkok",
                "asia",
            ),
        ] {
            let options = cards_of(text)
                .into_iter()
                .find(|c| c.answer == answer)
                .and_then(|c| c.choices)
                .unwrap_or_else(|| panic!("no options for {answer}"));
            assert!(
                options.iter().all(|o| g.place_region(o) == Some(region)),
                "{options:?}"
            );
        }
    }

    #[test]
    fn an_opening_that_counts_from_the_sentence_before_is_relative() {
        for q in [
            "The following day, Secretary of Defense ___ signed the order.",
            "Six days later, on July 20, the Council endorsed it in Resolution ___.",
        ] {
            assert_eq!(opens_relative(q), Some(Relative::Time), "{q}");
        }
        assert_eq!(
            opens_relative("That opened the way to the INF Treaty, signed on ___."),
            Some(Relative::Pointer)
        );
        // With the blank elsewhere, the opening is left out.
        assert_eq!(
            without_relative_opening("Six days later the Council endorsed the deal in ___.")
                .as_deref(),
            Some("The Council endorsed the deal in ___.")
        );
        assert_eq!(
            without_relative_opening("The following day, Secretary ___ signed the order.")
                .as_deref(),
            Some("Secretary ___ signed the order.")
        );
        assert_eq!(
            without_relative_opening("___ later, the Council met in Vienna."),
            None
        );
        assert_eq!(
            without_relative_opening("The next day, ___, the Council met in Vienna."),
            None
        );
        for q in [
            "The following states signed on ___.",
            "That treaty was signed on ___.",
            "Years later, ___ said so.",
            "Six days later, on July 20, 2015, the Council endorsed it in Resolution ___.",
        ] {
            assert_eq!(opens_relative(q), None, "{q}");
        }
    }

    #[test]
    fn it_approved_after_another_treaty_is_that_treaty() {
        let cards = cards_of(
            "The Moscow Treaty was signed in 2002. The Moscow Treaty cut warheads. The Moscow \
             Treaty lapsed in 2011.\n\nNew START was signed in Prague in 2010. The Senate \
             approved it in December 2010 by a vote of 71 to 26.",
        );
        let c = cards
            .iter()
            .find(|c| c.answer == "71 to 26")
            .unwrap_or_else(|| panic!("no card for the vote: {cards:?}"));
        assert!(!c.question.starts_with("Moscow Treaty"), "{}", c.question);
    }

    #[test]
    fn a_states_adjective_in_the_question_gives_the_state_away() {
        let text = "In May 2008 Prime Minister Gordon Brown announced that Britain would take \
                    all of its cluster munitions out of service.";
        assert!(cards_of(text).iter().any(|c| c.answer == "Britain"));
        let cards = cards_of(&text.replace("Prime Minister", "British Prime Minister"));
        assert!(cards.iter().all(|c| c.answer != "Britain"), "{cards:?}");
    }

    #[test]
    fn a_party_to_a_us_soviet_treaty_has_no_options_and_an_old_year_no_russia() {
        let cards = cards_of(
            "The INF Treaty was signed in 1987. The United States withdrew from the INF \
             Treaty in August 2019, accusing Moscow of violations.",
        );
        let c = cards
            .iter()
            .find(|c| c.answer == "United States")
            .unwrap_or_else(|| panic!("no card for the state: {cards:?}"));
        assert_eq!(c.choices, None, "{c:?}");
        // A treaty many states joined keeps its options.
        let cards = cards_of(
            "The Open Skies Treaty was signed in 1992. The United States withdrew from the Open \
             Skies Treaty in November 2020, accusing Moscow of violations.",
        );
        let c = cards
            .iter()
            .find(|c| c.answer == "United States")
            .unwrap_or_else(|| panic!("no card for the state: {cards:?}"));
        assert!(c.choices.is_some(), "{c:?}");
        // In 1963 Russia was no state of its own to offer.
        let cards = cards_of(
            "The Partial Test Ban Treaty was signed in Moscow in August 1963. Dean Rusk \
             signed it for the United States in 1963.",
        );
        let c = cards
            .iter()
            .find(|c| c.answer.ends_with("United States") && c.choices.is_some())
            .unwrap_or_else(|| panic!("no card with options for the state: {cards:?}"));
        let options = c.choices.clone().unwrap_or_default();
        assert!(!options.iter().any(|o| o.starts_with("Russia")), "{c:?}");
    }

    #[test]
    fn an_opening_it_no_treaty_stands_for_reads_with_the_sentence_before() {
        let cards = cards_of(
            "South Africa joined the talks late.\n\n\
             The apartheid government had secretly produced six nuclear devices. It \
             dismantled them before acceding to the NPT in July 1991.",
        );
        let c = cards
            .iter()
            .find(|c| c.answer == "July 1991")
            .unwrap_or_else(|| panic!("no card for the date: {cards:?}"));
        assert!(
            c.question.starts_with(
                "The apartheid government had secretly produced six nuclear devices. It dismantled"
            ),
            "{}",
            c.question
        );
        // With no sentence before it in its paragraph, it is left out.
        let cards = cards_of(
            "The talks were long.\n\n\
             It dismantled them before acceding to the NPT in July 1991.",
        );
        assert!(cards.iter().all(|c| c.answer != "July 1991"), "{cards:?}");
    }

    #[test]
    fn the_treaty_a_natural_question_names_is_the_one_it_stands_for() {
        let cards = cards_of(
            "The ABM Treaty limited missile defences. The ABM Treaty lasted thirty years.\n\n\
             The treaty emerged from the first Strategic Arms Limitation Talks (SALT I). It was \
             signed in Moscow on 26 May 1972 by U.S. President Richard Nixon and Leonid \
             Brezhnev, General Secretary of the Communist Party. At the same summit the two \
             leaders signed the Interim Agreement, and the two documents became known as SALT \
             I.\n\nThe United States withdrew from the ABM Treaty in 2002.",
        );
        let c = cards
            .iter()
            .find(|c| c.answer == "Richard Nixon and Leonid Brezhnev")
            .unwrap_or_else(|| panic!("no card for the signers: {cards:?}"));
        assert_eq!(c.question, "Which two leaders signed the ABM Treaty?");
    }

    #[test]
    fn a_one_word_reply_is_no_context_for_a_dangling_card() {
        let text = |reply: &str| {
            format!(
                "Q: Did Russia act in 2021?\n\nA: {reply} Antony Blinken called that decision \
                 deeply unfortunate in March 2021."
            )
        };
        let cards = cards_of(&text("Yes."));
        assert!(
            !cards.iter().any(|c| c.question.starts_with("Yes.")),
            "{cards:#?}"
        );
        // A whole sentence before it does explain it.
        let cards = cards_of(&text("Russia suspended the New START inspections in 2021."));
        assert!(
            cards
                .iter()
                .any(|c| c.question.starts_with("Russia suspended the New START")),
            "{cards:#?}"
        );
    }

    #[test]
    fn the_same_day_of_another_year_is_another_date() {
        let cards = cards_of(
            "SALT II was signed in 1979.\n\n\
             SALT II was to remain in force until 31 December 1985, while its protocol was to \
             expire on 31 December 1981.",
        );
        for (answer, other) in [
            ("31 December 1985", "31 December 1981"),
            ("31 December 1981", "31 December 1985"),
        ] {
            let c = cards
                .iter()
                .find(|c| c.answer == answer)
                .unwrap_or_else(|| panic!("a card for {answer}: {cards:?}"));
            assert!(c.question.contains(other), "{}", c.question);
            assert_eq!(count_blanks(&c.question), 1, "{}", c.question);
        }
    }

    #[test]
    fn a_capital_as_a_place_is_no_blank_for_its_state() {
        let cards = cards_of(
            "Date: 14 February 2017\n\n\
             The treaty was opened for signature in 1967.\n\n\
             MS. FERRER: Our headquarters are in Mexico City, and Mexico is also the depositary \
             government.",
        );
        let qs: Vec<&String> = cards.iter().map(|c| &c.question).collect();
        assert!(qs.iter().all(|q| !q.contains("are in ___")), "{qs:?}");
        assert!(cards.iter().any(|c| c.answer == "Ferrer"), "{qs:?}");
    }

    #[test]
    fn a_surname_inside_another_persons_name_is_not_blanked() {
        assert!(part_of_longer_name("by Dean Rusk and", (3, 7)));
        assert!(!part_of_longer_name("by Sir Patrick Dean.", (15, 19)));
        let cards = cards_of(
            "The treaty was signed in London in 1967.\n\n\
             In Washington, the treaty was signed by Secretary of State Dean Rusk, Soviet \
             Ambassador Anatoly Dobrynin and British Ambassador Sir Patrick Dean.",
        );
        assert!(
            cards.iter().any(|c| c.answer == "Anatoly Dobrynin"),
            "{:?}",
            cards.iter().map(|c| &c.question).collect::<Vec<_>>()
        );
        assert!(
            cards.iter().all(|c| !c.question.contains("___ Rusk")),
            "{:?}",
            cards.iter().map(|c| &c.question).collect::<Vec<_>>()
        );
        // The next titled person of a list is no appositive post.
        assert!(
            cards
                .iter()
                .all(|c| !c.answer.contains("Ambassador Anatoly")),
            "{:?}",
            cards.iter().map(|c| &c.answer).collect::<Vec<_>>()
        );
    }

    #[test]
    fn it_after_a_treaty_just_signed_is_that_treaty_and_needs_no_tag() {
        let cards = cards_of(
            "START II was signed in January 1993. START II never entered into force. \
             START II banned multiple warheads on land-based missiles.\n\n\
             On May 24, 2002, Bush and Putin signed the Moscow Treaty. It obliged each side to cut \
             its deployed strategic warheads to between 1,700 and 2,200 by December 31, 2012.",
        );
        let range = card_where(&cards, |c| c.answer == "between 1,700 and 2,200");
        assert!(
            range
                .question
                .starts_with("The Moscow Treaty obliged each side"),
            "{}",
            range.question
        );
    }

    #[test]
    fn it_after_a_treaty_named_with_its_formal_title_is_the_treatys_short_name() {
        let cards = cards_of(
            "The extension was agreed in January 2021.\n\n\
             Formally known as the Treaty between the United States of America and the Russian \
             Federation on Measures for the Further Reduction and Limitation of Strategic Offensive \
             Arms, New START was signed in Prague on April 8, 2010. It entered into force on \
             Feb. 5, 2011. It limits each side to 1,550 deployed warheads.",
        );
        let qs: Vec<&str> = cards.iter().map(|c| c.question.as_str()).collect();
        assert!(
            qs.contains(&"New START entered into force on ___."),
            "{qs:?}"
        );
        assert!(
            qs.contains(&"New START limits each side to ___ deployed warheads."),
            "{qs:?}"
        );
    }

    #[test]
    fn relative_years_are_written_as_years() {
        let cases: &[(&str, Option<&str>)] = &[
            (
                "In January of this year, Iran began enriching uranium to ___.",
                Some("In January of 2021, Iran began enriching uranium to ___."),
            ),
            (
                "Talks resumed earlier this year and failed last year.",
                Some("Talks resumed earlier in 2021 and failed in 2020."),
            ),
            (
                "This year, the treaty expires.",
                Some("In 2021, the treaty expires."),
            ),
            (
                "A review is due next year.",
                Some("A review is due in 2022."),
            ),
            (
                "No flights since last year.",
                Some("No flights since 2020."),
            ),
            (
                "He campaigned during last year's race.",
                Some("He campaigned during the 2020 race."),
            ),
            ("The yearly review of this yearbook.", None),
            ("“We will finish this year,” he said.", None),
            (
                "\"Not this year,\" he said last year.",
                Some("\"Not this year,\" he said in 2020."),
            ),
        ];
        for &(text, want) in cases {
            assert_eq!(
                relative_years_written(text, 2021).as_deref(),
                want,
                "{text}"
            );
        }
    }

    #[test]
    fn hex_ids_have_sixteen_digits() {
        for h in [0, 1, 0xdead_beef, u64::MAX, 0x0123_4567_89ab_cdef] {
            assert_eq!(hex16(h), format!("{h:016x}"));
        }
    }

    #[test]
    fn an_opening_preposition_is_no_part_of_a_treaty_name() {
        let cards = cards_of(
            "The talks ended in 1972.\n\n\
             Unlike the ABM Treaty, which was of unlimited duration, the Interim Agreement was \
             meant as a stopgap. It entered into force on October 3, 1972.\n\n\
             Despite the INF Treaty, Russia deployed missiles in 2017.",
        );
        let qa: Vec<(&str, &str)> = cards
            .iter()
            .map(|c| (c.question.as_str(), c.answer.as_str()))
            .collect();
        assert!(
            !qa.iter()
                .any(|(_, a)| a.starts_with("Unlike") || a.starts_with("Despite")),
            "{qa:?}"
        );
        assert!(qa.contains(&(
            "Despite the ___, Russia deployed missiles in 2017.",
            "INF Treaty"
        )));
        // "It" is the treaty that was the last sentence's subject.
        assert!(
            qa.contains(&(
                "The Interim Agreement entered into force on ___.",
                "October 3, 1972"
            )),
            "{qa:?}"
        );
    }

    #[test]
    fn an_alliance_is_offered_only_among_alliances_of_its_region_and_time() {
        let cards = cards_of("In 2005, NATO rejected the Russian proposal on the CFE Treaty.");
        let nato = cards
            .iter()
            .find(|c| c.answer == "NATO")
            .expect("a NATO card");
        let mut got: Vec<&str> = nato.choices.iter().flatten().map(String::as_str).collect();
        got.sort_unstable();
        // Not ANZUS, AUKUS or Five Eyes; not the Warsaw Pact, gone by 2005.
        assert_eq!(
            got,
            vec!["CSTO", "NATO", "Union State", "Western European Union"]
        );
    }

    #[test]
    fn a_treaty_is_offered_among_its_family_and_only_those_signed_by_then() {
        let cards = cards_of(
            "In 1995, inspectors were still checking the destruction of missiles under the INF Treaty.",
        );
        let g = gazetteer::get();
        let inf = cards
            .iter()
            .find(|c| c.kind == FactKind::Treaty && c.choices.is_some())
            .expect("a treaty card with options");
        for o in inf.choices.iter().flatten().filter(|o| **o != inf.answer) {
            let e = g.entry_named(o).unwrap_or_else(|| panic!("{o}"));
            assert_eq!(g.entries[e].family.as_deref(), Some("strategic"), "{o}");
            assert!(g.entries[e].year.is_some_and(|y| y <= 1995), "{o}");
        }
    }

    #[test]
    fn the_treaty_in_a_paragraph_on_another_treaty_is_that_one() {
        let cards = cards_of(
            "SALT I was signed in Moscow in May 1972. SALT I froze the number of launchers. \
             SALT I expired in October 1977.\n\n\
             The SALT II Treaty was signed in Vienna in June 1979. After the invasion of Afghanistan, \
             Jimmy Carter asked the Senate in January 1980 to delay consideration of the treaty.",
        );
        let carter: Vec<&str> = cards
            .iter()
            .filter(|c| c.sentence.contains("Carter"))
            .map(|c| c.question.as_str())
            .collect();
        assert!(!carter.is_empty());
        for q in carter {
            assert!(q.contains("the SALT II Treaty"), "{q}");
            assert!(!q.starts_with("SALT I:"), "{q}");
        }
    }

    #[test]
    fn a_quotation_cut_at_its_start_or_end_is_closed() {
        for (cut, whole) in [
            (
                "It makes us safer,” Blinken said.",
                "“It makes us safer,” Blinken said.",
            ),
            (
                "It makes us safer,\" Blinken said.",
                "\"It makes us safer,\" Blinken said.",
            ),
            (
                "Blinken said: “It makes us safer.",
                "Blinken said: “It makes us safer.”",
            ),
            ("No quote here.", "No quote here."),
        ] {
            assert_eq!(balance_quotes(cut.to_string()), whole);
        }
    }

    #[test]
    fn a_fact_sheet_field_is_not_blanked_in_its_label() {
        let cards = cards_of(
            "FACT SHEET: THE INF TREATY\n\nSigned: December 8, 1987\n\
             Soviet signatory: General Secretary Mikhail Gorbachev\n\
             U.S. Senate vote: 93–5, on May 27, 1988\n\
             Executive Secretary: Robert Floyd (since 2021)\n",
        );
        let answers: Vec<&str> = cards.iter().map(|c| c.answer.as_str()).collect();
        assert!(answers.contains(&"93–5"), "{answers:?}");
        assert!(answers.contains(&"Mikhail Gorbachev"), "{answers:?}");
        // A label that is a title is the role of the person it names,
        // asked by name.
        let role = cards
            .iter()
            .find(|c| c.answer == "Executive Secretary")
            .unwrap_or_else(|| panic!("{answers:?}"));
        assert_eq!(
            role.question,
            "What position did Robert Floyd hold in 2021?"
        );
        for c in cards.iter().filter(|c| c.kind != FactKind::Role) {
            let label = c.cloze.split(':').next().unwrap_or("");
            assert!(!label.contains("___"), "{}", c.cloze);
        }
    }

    #[test]
    fn a_blank_never_breaks_a_hyphenated_name() {
        let t = "The Baruch-Acheson plan was drafted by Dean Acheson.";
        assert_eq!(
            blank(t, &find_word_spans(t, "Acheson")),
            "The Baruch-Acheson plan was drafted by Dean ___."
        );
        // A figure may sit before a hyphen: "a ___-day process".
        let t = "It began a 30-day process.";
        let at = t.find("30").unwrap();
        assert_eq!(blank(t, &[(at, at + 2)]), "It began a ___-day process.");
    }

    #[test]
    fn one_date_said_twice_side_by_side_is_one_blank() {
        let cards = cards_of(
            "Date: 2019-08-02\n\nThe withdrawal of Canada from the Ottawa Accord took effect today, August 2, 2019.",
        );
        let c = cards
            .iter()
            .find(|c| c.kind == FactKind::Date)
            .expect("a date card");
        assert_eq!(c.question.matches("___").count(), 1, "{}", c.question);
    }

    #[test]
    fn number_options_keep_their_side_of_the_sentences_other_figures() {
        let cards = cards_of(
            "As of March 2020, 190 states had signed the Ottawa Accord and 164 had ratified it.",
        );
        let c = cards
            .iter()
            .find(|c| c.answer == "164")
            .expect("a card for 164");
        let choices = c.choices.as_ref().expect("options");
        for o in choices {
            let v: f64 = o.replace(',', "").parse().unwrap();
            assert!(v < 190.0, "{choices:?}");
        }
    }

    #[test]
    fn a_count_spelled_out_by_a_list_is_asked_without_the_list() {
        let cards = cards_of(
            "The accord limits the three kinds of weapon it covers: tanks, artillery and aircraft. \
             Spain signed the accord in 1990.",
        );
        let three = cards
            .iter()
            .find(|c| c.answer == "three")
            .unwrap_or_else(|| panic!("no card for the count: {cards:?}"));
        assert_eq!(
            three.question,
            "The accord limits the ___ kinds of weapon it covers."
        );
        assert!(cards.iter().any(|c| c.answer == "Spain"));
        // "two sites, one ... and one ...": the items count it out as well.
        let cards = cards_of(
            "The Ottawa Treaty was signed in 1997. \
             It originally permitted each side two missile sites, one around its capital and one around a field.",
        );
        let two = cards
            .iter()
            .find(|c| c.answer == "two")
            .unwrap_or_else(|| panic!("no card for the count: {cards:?}"));
        assert!(
            two.question.ends_with("___ missile sites."),
            "{}",
            two.question
        );
        // Figures after the colon that add up to the answer count it out.
        let cards = cards_of(
            "The Vienna Accord was signed in Paris on 19 November 1990 by 22 states: \
             the 16 members of NATO and the six members of the Warsaw Pact.",
        );
        let sum = cards
            .iter()
            .find(|c| c.answer == "22")
            .unwrap_or_else(|| panic!("no card for the count: {cards:?}"));
        assert!(sum.question.ends_with("by ___ states."), "{}", sum.question);
    }

    #[test]
    fn an_unresolved_month_says_what_it_asks_for_and_a_bare_weekday_is_no_card() {
        let cards = cards_of("Lithuania ratified the Ottawa Accord in March, officials said.");
        let c = cards
            .iter()
            .find(|c| c.kind == FactKind::Date)
            .expect("a date card");
        assert_eq!(c.answer, "March");
        assert!(c.question.contains("___ (month)"), "{}", c.question);
        // With no year to place it, a weekday is no fact to learn.
        let cards = cards_of("Lithuania ratified the Ottawa Accord on Friday, officials said.");
        assert!(
            cards.iter().all(|c| c.kind != FactKind::Date),
            "{:?}",
            cards.iter().map(|c| &c.question).collect::<Vec<_>>()
        );
    }

    #[test]
    fn no_options_where_the_word_before_the_blank_narrows_the_type() {
        // "the former ___" takes only states that no longer exist.
        let cards = cards_of(
            "Members came from Europe and the former Soviet Union. France, Germany, Italy and Spain joined in 1992.",
        );
        let c = cards
            .iter()
            .find(|c| c.answer == "Soviet Union")
            .expect("a card for the Soviet Union");
        for o in c.choices.as_ref().expect("options") {
            assert!(FORMER_STATES.contains(&o.as_str()), "{o}");
        }
        // "the former ___" with a state that still exists: no options.
        let cards = cards_of(
            "Members came from Europe and the former Ukraine. France, Germany, Italy and Spain joined in 1992.",
        );
        if let Some(c) = cards.iter().find(|c| c.answer == "Ukraine") {
            assert!(c.choices.is_none(), "{:?}", c.choices);
        }
    }

    #[test]
    fn a_treaty_after_its_year_has_options_without_years() {
        let cards = cards_of(include_str!(
            "../../tests/data/blind/articles/abm-bush-2001-wire.txt"
        ));
        let c = cards
            .iter()
            .find(|c| {
                c.answer == "Anti-Ballistic Missile Treaty" && c.question.contains("1972 ___")
            })
            .unwrap_or_else(|| panic!("a cloze for the ABM Treaty: {cards:?}"));
        let options = c.choices.as_ref().expect("options");
        for o in options {
            assert!(!o.contains(|ch: char| ch.is_ascii_digit()), "{options:?}");
        }
    }

    #[test]
    fn a_date_already_written_out_is_not_written_again() {
        // One written out at the start of a quote opens it in capitals.
        let rel = vec![("Today".to_string(), "on December 13, 2001".to_string())];
        assert_eq!(
            with_dates_resolved("Who said: “Today, I have given notice”?", &rel),
            "Who said: “On December 13, 2001, I have given notice”?"
        );
        let rel = vec![("January 26".to_string(), "January 26, 2021".to_string())];
        assert_eq!(
            with_dates_resolved("What office did Joe Biden hold on January 26, 2021?", &rel),
            "What office did Joe Biden hold on January 26, 2021?"
        );
        assert_eq!(
            with_dates_resolved("They spoke on January 26.", &rel),
            "They spoke on January 26, 2021."
        );
    }

    #[test]
    fn it_after_another_treaty_is_tagged_by_that_treaty() {
        let cards = cards_of(
            "The CFE Treaty was signed in Paris in 1990. The CFE Treaty entered into force in 1992. \
             The parties signed the Adapted CFE Treaty in Istanbul in 1999. \
             NATO members declined to ratify it until Russia left Georgia and Moldova.",
        );
        let c = cards
            .iter()
            .find(|c| c.sentence.starts_with("NATO members") && c.question.contains("ratify it"))
            .unwrap_or_else(|| panic!("a card on ratifying it: {cards:?}"));
        assert!(
            c.question.starts_with("Adapted CFE Treaty: "),
            "{}",
            c.question
        );
    }

    #[test]
    fn a_bare_description_opening_a_sentence_reads_with_the_one_before() {
        assert!(bare_description_head("The ceremony took place on ___.").is_some());
        assert!(bare_description_head("The two leaders signed it in ___.").is_some());
        assert!(bare_description_head("The parties therefore negotiated the ___.").is_some());
        assert!(bare_description_head("Both countries reported cuts by ___.").is_some());
        // Names, treaty nouns the tag places, and descriptions that say
        // what they are.
        assert!(bare_description_head("The United States signed in ___.").is_none());
        assert!(bare_description_head("The accord was signed in ___.").is_none());
        assert!(bare_description_head("The collapse of the Warsaw Pact came in ___.").is_none());
        assert!(bare_description_head("The pact, known as the ___, was signed.").is_none());
        assert!(bare_description_head("The ___ was signed in 1990.").is_none());
        let cards = cards_of(
            "The Strategic Arms Limitation Talks were the first negotiations between the two superpowers on their arsenals. \
             The talks opened in Helsinki in November 1969.",
        );
        let c = cards
            .iter()
            .find(|c| c.answer == "November 1969")
            .unwrap_or_else(|| panic!("a card on the opening: {cards:?}"));
        assert!(
            c.question
                .starts_with("The Strategic Arms Limitation Talks were the first"),
            "{}",
            c.question
        );
        // With no sentence before it in its paragraph, the card stays.
        let cards = cards_of("The talks opened in Helsinki in November 1969.");
        assert!(
            cards.iter().any(|c| c.answer == "November 1969"),
            "{cards:?}"
        );
    }

    #[test]
    fn initials_after_the_blank_that_spell_the_answer_are_dropped() {
        let none: Vec<String> = Vec::new();
        assert_eq!(
            initials_after_blank(
                "In July 1964 the ___ (OAU), meeting in Cairo, adopted a declaration.",
                "Organization of African Unity",
                &none
            )
            .as_deref(),
            Some("In July 1964 the ___, meeting in Cairo, adopted a declaration.")
        );
        // Initials of something else stay; so does a bracket that is no
        // abbreviation.
        assert_eq!(
            initials_after_blank(
                "The ___ (USA) signed.",
                "Organization of African Unity",
                &none
            ),
            None
        );
        assert_eq!(
            initials_after_blank("Parties: ___ (Russia after 1991)", "Soviet Union", &none),
            None
        );
        // A known short name counts too.
        let names = vec!["CTBTO".to_string()];
        assert!(
            initials_after_blank("The ___ (CTBTO) met.", "Preparatory Commission", &names)
                .is_some()
        );
        let cards = cards_of(
            "Scientific cooperation during the International Geophysical Year (IGY) of 1957 provided the model for the Antarctic Treaty.",
        );
        let c = cards
            .iter()
            .find(|c| c.answer == "International Geophysical Year")
            .unwrap_or_else(|| panic!("a card on the IGY: {cards:?}"));
        assert!(!c.question.contains("IGY"), "{}", c.question);
    }

    #[test]
    fn a_question_that_leans_on_the_sentence_before_shows_it() {
        let text = "The General Assembly adopted the Comprehensive Nuclear-Test-Ban Treaty in 1996 by a vote of 158 to 3. \
                    India, Bhutan and Libya voted against.";
        let cards = cards_of(text);
        let c = cards
            .iter()
            .find(|c| c.answer == "India, Bhutan and Libya")
            .unwrap_or_else(|| panic!("a card on the three votes: {cards:?}"));
        assert!(
            c.question.starts_with("The General Assembly adopted")
                && c.question.ends_with("Which three countries voted against?"),
            "{}",
            c.question
        );
        // Alone in its paragraph, it is left out.
        let cards = cards_of("India, Bhutan and Libya voted against.");
        assert!(
            !cards.iter().any(|c| c.answer == "India, Bhutan and Libya"),
            "{cards:?}"
        );
        // A sentence opened by "He" is no context.
        let cards = cards_of(
            "He said the Assembly adopted the Comprehensive Nuclear-Test-Ban Treaty in 1996 by 158 to 3. \
             India, Bhutan and Libya voted against.",
        );
        assert!(
            !cards.iter().any(|c| c.answer == "India, Bhutan and Libya"),
            "{cards:?}"
        );
    }

    #[test]
    fn an_ordinal_is_asked_with_ordinals_for_options() {
        assert_eq!(ordinal_value("50th"), Some((50, false)));
        assert_eq!(ordinal_value("53rd"), Some((53, false)));
        assert_eq!(ordinal_value("thirty-fifth"), Some((35, true)));
        assert_eq!(ordinal_value("50 th"), None);
        assert_eq!(ordinal_value("12st"), None);
        assert_eq!(
            perturb_number("50th"),
            ["40th", "60th", "45th", "55th", "70th"]
        );
        assert_eq!(
            perturb_number("eighth"),
            ["ninth", "tenth", "seventh", "eleventh", "sixth"]
        );
        assert_eq!(perturb_number("21st")[0], "11th");
        assert_eq!(
            perturb_number("six-month"),
            [
                "seven-month",
                "eight-month",
                "five-month",
                "nine-month",
                "four-month"
            ]
        );
        let cards = cards_of(
            "The Kestrel Treaty entered into force once the eighth instrument of ratification had been deposited in 1986.",
        );
        let c = cards
            .iter()
            .find(|c| c.answer == "eighth")
            .unwrap_or_else(|| panic!("a card on the eighth instrument: {cards:?}"));
        assert!(c.question.contains("the ___ instrument"), "{}", c.question);
        let choices = c.choices.as_ref().expect("options");
        assert!(
            choices.iter().all(|o| gazetteer::ordinal_word(o).is_some()),
            "{choices:?}"
        );
        // "the fourth day": the ordinal, not the day.
        let cards =
            cards_of("The accord was signed on the fourth day of the Moscow summit in 1972.");
        assert!(cards.iter().any(|c| c.answer == "fourth"), "{cards:?}");
    }

    #[test]
    fn the_accord_named_in_an_aside_is_not_written_in() {
        let cards = cards_of(
            "The United States and the Soviet Union signed the Incidents at Sea Agreement in Moscow in 1972.\n\n\
             The accord, formally titled the Agreement on the Prevention of Incidents On and Over the High Seas, \
             was signed by John Warner in May 1972.",
        );
        let c = cards
            .iter()
            .find(|c| c.answer == "May 1972")
            .unwrap_or_else(|| panic!("a card on the signing: {cards:?}"));
        assert!(
            c.question.starts_with("The accord, formally titled"),
            "{}",
            c.question
        );
    }

    #[test]
    fn a_sentence_on_another_instrument_takes_no_tag_of_the_articles() {
        assert!(describes_other_instrument(
            "Nixon and Kosygin signed an accord on cooperation in space in 1972."
        ));
        assert!(describes_other_instrument(
            "Negotiators worked late on agreements to limit strategic arms."
        ));
        assert!(!describes_other_instrument(
            "The two navies signed an agreement on the prevention of incidents."
        ));
        let cards = cards_of(
            "The Incidents at Sea Agreement was signed in Moscow in May 1972. \
             The Incidents at Sea Agreement obliges each navy to avoid collisions. \
             The same week Nixon and Kosygin signed an accord on cooperation in space in May 1972.",
        );
        let c = cards
            .iter()
            .find(|c| c.sentence.starts_with("The same week") && c.answer.contains("Nixon"))
            .unwrap_or_else(|| panic!("a card on the space accord: {cards:?}"));
        assert!(!c.question.contains(':'), "{}", c.question);
    }

    #[test]
    fn a_title_in_another_word_order_is_no_option() {
        assert!(same_words("secretary general", "general secretary"));
        assert!(!same_words("secretary general", "secretary general"));
        assert!(!same_words("secretary of state", "state secretary"));
        assert!(!same_words("president", "president"));
    }

    #[test]
    fn the_post_just_named_is_written_in() {
        let cards = cards_of(
            "The CTBTO runs the monitoring network. Robert Floyd of Australia is the Executive Secretary. \
             He took up the post in 2021.",
        );
        let c = cards
            .iter()
            .find(|c| c.answer == "2021")
            .unwrap_or_else(|| panic!("a card for 2021: {cards:?}"));
        assert!(
            c.question
                .contains("took up the post of Executive Secretary in ___"),
            "{}",
            c.question
        );
    }

    #[test]
    fn references_to_another_sentence_spoil_the_blanks_clause() {
        for q in [
            "Who said the move did not mean that testing would resume?",
            "On 1 May, Spain warned: if the above conditions are not met by ___, it will leave.",
            "This was decided by the ___ in May.",
            "___ welcomed the move in 1989.",
            "Robert Vega took up the post in ___.",
            "___'s statement in this regard hits the nail on the head.",
            "That successor effort became known as ___.",
            "Who estimated that these measures extended Iran's breakout time to ___?",
            "The episode ended more than ___ decades of cooperation.",
            "The report said ___ had flight-tested a cruise missile.",
            "The same cannot be said of ___.",
            "The law was adopted by the ___ on 18 October 2023.",
            "Who called that decision deeply unfortunate?",
            "___ said this step was a mistake.",
            "The first phase of the process ended in Moscow on ___.",
            "NATO rejected the proposals in ___.",
        ] {
            assert!(has_dangling_reference(q), "{q}");
        }
        for q in [
            "On ___, Spain warned: if the above conditions are not met by 1 June, it will leave.",
            "Who said: “This is a mistake”?",
            "___ welcomed the move of the troops in 1989.",
            "This treaty was signed in ___.",
            "Before the vote, ___ urged the Senate to ratify.",
            "Robert Vega took up the post of Executive Secretary in ___.",
            "That year ___ signed the treaty.",
            "Only those states that signed by ___ could vote.",
            "Shorter-range missiles were those with ranges of ___.",
            "Some flew 500 km, while those reaching ___ counted as intermediate-range.",
            "The report of the panel was released in ___.",
            "Officials said that ___ would leave the treaty.",
            "The same day, ___ signed the treaty.",
            "The law on withdrawal was signed in ___.",
            "Who called this decision to leave the treaty a mistake?",
            "Who said that the decision was a mistake?",
            "The process of ratification ended in ___.",
            "Who called the decision a mistake?",
        ] {
            assert!(!has_dangling_reference(q), "{q}");
        }
    }

    #[test]
    fn relative_dates_in_a_question_are_written_out() {
        let cards = cards_of(
            "Date: 2021-01-17\n\nOfficials said on the 16th that Spain left the Ottawa Accord last year. \
             Our negotiators today are in Vienna.",
        );
        let c = cards
            .iter()
            .find(|c| c.answer == "Spain")
            .expect("a card for Spain");
        assert!(c.question.contains("on January 16, 2021"), "{}", c.question);
        assert!(c.question.contains("in 2020"), "{}", c.question);
        assert!(!c.question.contains("the 16th"), "{}", c.question);
        // "today" in a sentence about the present is no event's date.
        assert!(
            cards.iter().all(|c| !c.question.contains("January 17")),
            "{:?}",
            cards.iter().map(|c| &c.question).collect::<Vec<_>>()
        );
    }

    #[test]
    fn a_body_is_never_offered_against_the_body_it_belongs_to() {
        let cards = cards_of(
            "The U.S. Senate approved the treaty in 2010. The State Department briefed the Pentagon. \
             The Kremlin rejected the plan. On January 31, 2023, the State Department told Congress that \
             Russia was not complying.",
        );
        let mut checked = 0;
        for c in &cards {
            let Some(choices) = &c.choices else { continue };
            let has = |n: &str| choices.iter().any(|o| o.contains(n));
            if c.answer.contains("Senate") || c.answer == "Congress" {
                assert!(!(has("Senate") && has("Congress")), "{c:?}");
                checked += 1;
            }
        }
        assert!(checked >= 1, "{cards:?}");
    }

    #[test]
    fn the_instrument_a_tag_names_needs_no_sentence_before() {
        let cards = cards_of(
            "The Hague Code of Conduct was launched at a conference in 2002. The code, known as the HCoC, \
             is politically binding.\n\n\
             Ninety-three states subscribed at once. The initiative grew out of the Missile Technology \
             Control Regime, an arrangement set up in 1987 by seven industrialised nations.",
        );
        let year = card_where(&cards, |c| c.answer == "1987");
        assert!(
            year.question
                .starts_with("HCoC: The initiative grew out of"),
            "{}",
            year.question
        );
        // Without an instrument the tag could name, "The initiative" still
        // takes the sentence before.
        let cards = cards_of(
            "Ninety-three states met in The Hague in 2002. The initiative grew out of a regime set up in \
             1987 by seven industrialised nations.",
        );
        let year = cards
            .iter()
            .find(|c| c.answer == "1987")
            .expect("a year card");
        assert!(
            year.question.starts_with("Ninety-three states met"),
            "{}",
            year.question
        );
    }

    #[test]
    fn an_organisation_of_a_family_is_offered_among_its_family() {
        let g = gazetteer::get();
        let cards = cards_of(
            "The INF Treaty was signed in 1987. In November 2016 the two sides aired the dispute at \
             a meeting of the Special Verification Commission, the body the treaty set up. The United \
             Nations, the IAEA and the Conference on Disarmament took no part.",
        );
        let svc = card_where(&cards, |c| c.answer == "Special Verification Commission");
        let choices = svc.choices.as_ref().expect("options");
        for o in choices {
            let e = g
                .entry_named(o)
                .unwrap_or_else(|| panic!("{o} not in the table"));
            assert_eq!(
                g.entries[e].family.as_deref(),
                Some("treaty-commission"),
                "{o}"
            );
        }
    }

    #[test]
    fn what_something_is_not_is_no_card() {
        assert!(negative_classification(
            "Which organisation is not a treaty?"
        ));
        assert!(negative_classification(
            "Which body was not an arms control forum?"
        ));
        assert!(!negative_classification(
            "Which country is not a party to the treaty and has tested since 1998?"
        ));
        assert!(!negative_classification(
            "Which organisation is a treaty body?"
        ));
        let cards = cards_of(
            "The Missile Technology Control Regime was set up in 1987. The MTCR is not a treaty.",
        );
        assert!(
            !cards.iter().any(|c| c.question.contains("is not a treaty")),
            "{:?}",
            cards.iter().map(|c| &c.question).collect::<Vec<_>>()
        );
    }

    #[test]
    fn a_states_post_takes_no_post_in_an_international_body() {
        let g = gazetteer::get();
        assert!(
            g.first_title("Secretary-General")
                .is_some_and(|t| t.international)
        );
        let cards = cards_of(
            "On February 1, 2019, Russian Deputy Foreign Minister Sergei Ryabkov said Moscow would \
             suspend the INF Treaty. NATO Secretary General Jens Stoltenberg said the alliance \
             regretted it. UN Secretary-General Antonio Guterres said the treaty had kept the peace. \
             EU High Representative Federica Mogherini called for talks. Defence Minister Sergei \
             Shoigu said the army was ready. Under Secretary Andrea Thompson said the United States \
             would leave.",
        );
        let ryabkov = card_where(&cards, |c| {
            c.question.starts_with("What position did Sergei Ryabkov")
        });
        for o in ryabkov.choices.iter().flatten() {
            assert!(
                !o.contains("Secretary") && !o.contains("Representative") && !o.contains("NATO"),
                "{o}: {:?}",
                ryabkov.choices
            );
        }
    }

    #[test]
    fn questions_that_name_their_subject_get_no_treaty_tag() {
        let cards = cards_of(
            "The CTBT bans all nuclear explosions. The CTBT was opened for signature in 1996. \
             The CTBT, formally the Comprehensive Nuclear-Test-Ban Treaty, has not entered into force. \
             Spain ratified it in 1998, said Ana Ruiz, a senior fellow at the Madrid Institute. \
             She said: “Every test harms us all.”",
        );
        let qs: Vec<&str> = cards.iter().map(|c| c.question.as_str()).collect();
        // The article's treaty tags a cloze that would leave it unsaid ...
        assert!(
            qs.iter().any(|q| q.starts_with("CTBT: Spain ratified it")),
            "{qs:?}"
        );
        // ... but not a question that names what it asks about.
        for wanted in [
            "What is the formal name of the CTBT?",
            "Who said: “Every test harms us all”?",
        ] {
            assert!(qs.contains(&wanted), "{wanted} missing from {qs:?}");
        }
    }

    #[test]
    fn fact_sheet_fields_are_cards_of_the_sheets_treaty() {
        let cards = cards_of(
            "# Fact Sheet: The Ottawa Treaty\n\n\
             Full name: Convention on the Prohibition of Anti-Personnel Mines\n\
             Signed: December 3, 1997, Ottawa\n\
             Entered into force: March 1, 1999\n\n\
             The Ottawa Treaty bans anti-personnel mines. The Ottawa Treaty has 164 parties.\n\n\
             Verification: national reports, which began in 1999\n\
             After 1999, Spain destroyed its stocks.",
        );
        let q = |answer: &str| {
            cards
                .iter()
                .find(|c| c.answer == answer)
                .map(|c| c.question.clone())
                .unwrap_or_else(|| panic!("no card for {answer}: {cards:?}"))
        };
        assert_eq!(q("December 3, 1997"), "When was the Ottawa Treaty signed?");
        assert_eq!(
            q("March 1, 1999"),
            "When did the Ottawa Treaty enter into force?"
        );
        // A field line is not run into the sentence after it.
        assert!(
            cards
                .iter()
                .all(|c| !(c.sentence.contains("Verification") && c.sentence.contains("Spain"))),
            "{cards:?}"
        );
        // "Full name: ___" asks for the treaty's formal name, with no
        // other treaties (or the treaty itself) as options.
        let full = cards
            .iter()
            .find(|c| c.answer.starts_with("Convention on the Prohibition"))
            .expect("a card for the full name");
        assert_eq!(full.question, "Ottawa Treaty — Full name: ___");
        assert!(full.choices.is_none(), "{full:?}");
        // A full name the gazetteer knows is asked by the short one.
        let cards = cards_of(
            "# Fact Sheet: The INF Treaty\n\n\
             Full name: Treaty on the Elimination of Intermediate-Range and Shorter-Range Missiles\n\
             Signed: December 8, 1987\n\n\
             The INF Treaty banned a whole class of missiles. The INF Treaty ended in 2019.",
        );
        assert!(
            cards
                .iter()
                .any(|c| c.question == "What is the formal name of the INF Treaty?"),
            "{:?}",
            cards.iter().map(|c| &c.question).collect::<Vec<_>>()
        );
        // "Ottawa" after a date is where, not who.
        assert!(cards.iter().all(|c| c.answer != "Canada"), "{cards:?}");
    }

    #[test]
    fn either_treaty_and_the_group_point_to_another_sentence() {
        for q in [
            "The Senate did not approve either treaty during the ___.",
            "Both conventions state that nothing in them lessens the obligations under the ___.",
            "Who coordinated for the group?",
        ] {
            assert!(has_dangling_reference(q), "{q}");
        }
        for q in [
            "The United States and the group formed by ___ each had a quota of 42 flights.",
            "Both sides signed the ___ in 1972.",
        ] {
            assert!(!has_dangling_reference(q), "{q}");
        }
    }

    #[test]
    fn a_date_field_names_its_act_in_a_question() {
        let t = "the INF Treaty";
        assert_eq!(
            field_date_question("Signed: ___, Washington", t).as_deref(),
            Some("When was the INF Treaty signed?")
        );
        assert_eq!(
            field_date_question("Status: Terminated ___", t).as_deref(),
            Some("When was the INF Treaty terminated?")
        );
        assert_eq!(
            field_date_question("Entered into force: ___", t).as_deref(),
            Some("When did the INF Treaty enter into force?")
        );
        // "Terminated on", "Expired": as a question reads.
        assert_eq!(
            field_date_question("Terminated on: ___", t).as_deref(),
            Some("When was the INF Treaty terminated?")
        );
        assert_eq!(
            field_date_question("Expired: ___", t).as_deref(),
            Some("When did the INF Treaty expire?")
        );
        // A field that names no act stays a field.
        assert_eq!(field_date_question("Ultimatum: ___", t), None);
        assert_eq!(
            field_date_question("Signed: ___ in a hall of mirrors", t),
            None
        );
    }

    #[test]
    fn counts_with_modifiers_ranges_and_limits_are_asked() {
        let cards = cards_of(
            "The Ottawa Treaty was signed in 1997. It originally permitted each side two missile defense sites. \
             A 1999 protocol cut that number to one site per side. \
             Spain gave Portugal 60 days to reply. \
             Spain will cut its stocks to between 1,700 and 2,200 mines. \
             They are the world's two largest stockpiles. \
             The accord banned missiles with ranges between 500 and 5,500 kilometres. \
             Portugal banned mines with ranges from 20 to 300 km.",
        );
        let answers: Vec<&str> = cards
            .iter()
            .filter(|c| c.kind == FactKind::Number)
            .map(|c| c.answer.as_str())
            .collect();
        for a in [
            "two",
            "one",
            "60 days",
            "between 1,700 and 2,200",
            "between 500 and 5,500 kilometres",
            "from 20 to 300 km",
        ] {
            assert!(answers.contains(&a), "{a} missing from {answers:?}");
        }
        assert!(!answers.contains(&"one per"), "{answers:?}");
        assert_eq!(
            answers.iter().filter(|a| **a == "two").count(),
            1,
            "{answers:?}"
        );
    }

    #[test]
    fn role_options_keep_to_the_answers_country() {
        let cards = cards_of(
            "On May 26, 1972, Soviet leader Leonid Brezhnev, the General Secretary of the \
             Communist Party of the Soviet Union, signed the ABM Treaty with U.S. President \
             Richard Nixon. In 1993, Russian President Boris Yeltsin met U.S. Secretary of \
             State Warren Christopher. Dr. Ana Ruiz, director of our verification program, \
             spoke next.",
        );
        for c in cards.iter().filter(|c| c.kind == FactKind::Role) {
            let countries = gazetteer::get().countries_in(&c.answer);
            for o in c.choices.iter().flatten().filter(|o| **o != c.answer) {
                let theirs = gazetteer::get().countries_in(o);
                assert!(
                    theirs.is_empty() || theirs.iter().any(|n| countries.contains(n)),
                    "{o:?} offered for {:?}",
                    c.answer
                );
                assert!(!o.contains(" our "), "{o:?}");
            }
        }
        // Whose "our"? The card says "the"; the words as written are accepted.
        let ruiz = cards
            .iter()
            .find(|c| c.kind == FactKind::Role && c.question.contains("Ana Ruiz"))
            .expect("Ruiz's role");
        assert_eq!(ruiz.answer, "director of the verification program");
        assert!(
            ruiz.accept
                .iter()
                .any(|a| a == "director of our verification program")
        );
    }

    #[test]
    fn role_options_fit_the_posts_state_and_rank() {
        // Each has a post and the others' posts are the article's options:
        // no head of state's title for a minister or a spokeswoman, no
        // "Foreign Secretary" for a Russian, no "Secretary of State" for a
        // NATO or UN post.
        let cards = cards_of(
            "Russian Deputy Foreign Minister Sergei Ryabkov said on Monday that Moscow would \
             respond. Foreign Ministry spokeswoman Maria Zakharova said the move was hostile. \
             President Vladimir Putin signed the law on 2 November 2023. British Foreign \
             Secretary James Cleverly said London regretted it. U.S. Secretary of State Antony \
             Blinken called it a mistake. NATO spokesman Dylan White said the alliance was \
             concerned. Prime Minister Mikhail Mishustin chaired a meeting.",
        );
        let g = gazetteer::get();
        let russia = g.entry_named("Russia").expect("Russia");
        let mut seen = 0;
        for c in cards.iter().filter(|c| c.kind == FactKind::Role) {
            let head = title_category(&c.answer) == Some("head");
            let russian = c.question.contains("Ryabkov") || c.question.contains("Zakharova");
            let nato = c.answer.contains("NATO");
            for o in c.choices.iter().flatten().filter(|o| **o != c.answer) {
                seen += 1;
                let t = g.first_title(o);
                if !head {
                    assert!(
                        t.is_none_or(|t| t.category != "head"),
                        "{o:?} for {:?}",
                        c.answer
                    );
                }
                if russian {
                    assert!(t.is_none_or(|t| t.fits(russia)), "{o:?} for {:?}", c.answer);
                }
                if nato {
                    assert!(
                        t.is_none_or(|t| t.only_in.is_empty() && t.not_in.is_empty()),
                        "{o:?} for {:?}",
                        c.answer
                    );
                }
            }
        }
        assert!(seen > 0, "no role options: {cards:?}");
    }

    #[test]
    fn the_states_of_the_people_named_are_no_options() {
        let cards = cards_of(
            "Jean-Yves Le Drian, Heiko Maas and Dominic Raab stressed that they were not joining \
             a campaign of maximum pressure against Iran. France, Germany and the United Kingdom \
             had signed the deal with China and Russia in Vienna in 2015.",
        );
        let c = cards
            .iter()
            .find(|c| c.answer == "Iran")
            .unwrap_or_else(|| panic!("a card for Iran: {cards:?}"));
        for o in c.choices.iter().flatten() {
            assert!(
                !matches!(o.as_str(), "France" | "Germany" | "United Kingdom"),
                "{o} in {:?}",
                c.choices
            );
        }
    }

    #[test]
    fn a_person_beside_their_state_has_no_options_from_another() {
        let cards = cards_of(
            "Dean Rusk signed for the United States, Andrei Gromyko for the Soviet Union and \
             Lord Home for the United Kingdom. \
             President John F. Kennedy had announced the talks. Nikita Khrushchev agreed. Harold \
             Macmillan and Leonid Brezhnev welcomed the treaty, and Lord Hailsham led the British team.",
        );
        let g = gazetteer::get();
        let soviet = g.entry_named("Soviet Union");
        let c = cards
            .iter()
            .find(|c| c.answer == "Andrei Gromyko" && c.question.contains("___"))
            .unwrap_or_else(|| panic!("a card for Gromyko: {cards:?}"));
        for o in c.choices.iter().flatten() {
            let theirs = g.person_country(o).and_then(|n| g.entry_named(n));
            assert!(
                theirs.is_none() || theirs == soviet,
                "{o} in {:?}",
                c.choices
            );
        }
    }

    #[test]
    fn an_articles_dates_far_from_the_answer_are_no_options() {
        let cards = cards_of(
            "Negotiations on the Vienna Accord opened in March 1989. Kenya signed it in May 1996. \
             Peru joined in June 2001. Chile ratified it in August 2007. The review came in \
             October 2012.",
        );
        let c = cards
            .iter()
            .find(|c| c.answer == "March 1989")
            .unwrap_or_else(|| panic!("a card for March 1989: {cards:?}"));
        for o in c.choices.as_ref().expect("options") {
            let y: i32 = o[o.len() - 4..].parse().expect("a year");
            assert!((y - 1989).abs() <= DATE_OPTION_YEARS, "{o}");
        }
    }

    #[test]
    fn a_treaty_of_few_members_offers_only_its_parties() {
        let cards = cards_of(
            "The Open Skies Treaty lets its members fly over each other's territory. \
             In 2020 the United States withdrew from the Open Skies Treaty. China, India, \
             North Korea and Japan watched. France regretted the move. Russia left in 2021.",
        );
        let g = gazetteer::get();
        let os = g.entry_named("Open Skies Treaty").expect("Open Skies");
        let c = cards
            .iter()
            .find(|c| c.answer == "United States" && c.question.contains("withdrew"))
            .unwrap_or_else(|| panic!("a card for the United States: {cards:?}"));
        for o in c.choices.iter().flatten() {
            let e = g
                .entry_named(o.trim_start_matches("the "))
                .expect("a state");
            assert!(g.entries[os].parties.contains(&e), "{o} in {:?}", c.choices);
        }
    }

    #[test]
    fn the_same_office_in_other_words_is_no_option() {
        let cards = cards_of(
            "Foreign Minister Andrei Kozyrev signed the protocol in Lisbon. Minister of Foreign \
             Affairs Anatoly Zlenko signed for Ukraine. Defense Minister Pavel Grachev and \
             Deputy Foreign Minister Georgy Mamedov attended. Ambassador Yuri Nazarkin spoke.",
        );
        let g = gazetteer::get();
        let c = cards
            .iter()
            .find(|c| c.kind == FactKind::Role && c.question.contains("Kozyrev"))
            .unwrap_or_else(|| panic!("Kozyrev's post: {cards:?}"));
        let post = g.first_title(&c.answer).and_then(|t| t.post.clone());
        assert!(post.is_some(), "{}", c.answer);
        for o in c.choices.iter().flatten().filter(|o| **o != c.answer) {
            assert_ne!(g.first_title(o).and_then(|t| t.post.clone()), post, "{o}");
        }
        assert!(c.choices.is_some(), "{c:?}");
    }

    #[test]
    fn a_fact_sheet_titled_by_its_treaty_asks_its_fields_as_questions() {
        let cards = cards_of(
            "FACT SHEET: INF TREATY\n\n\
             Signed: May 3, 1990\n\
             Entry into force: June 1, 1991\n\
             Extension: February 3, 2001, for five years\n\
             New expiry date: February 5, 2006\n\
             Place of signing: Prague, Czech Republic\n\n\
             The INF Treaty limits missiles. Spain and Portugal signed it.",
        );
        let qs: Vec<&str> = cards.iter().map(|c| c.question.as_str()).collect();
        // "FACT SHEET" is no speaker.
        assert!(cards.iter().all(|c| c.answer != "Sheet"), "{qs:?}");
        for q in [
            "When did the INF Treaty enter into force?",
            "When was the INF Treaty extended?",
            "What is the new expiry date of the INF Treaty?",
        ] {
            assert!(qs.contains(&q), "{q} missing from {qs:?}");
        }
        assert!(qs.iter().all(|q| !q.contains("___, ___")), "{qs:?}");
    }

    #[test]
    fn date_options_keep_to_the_answers_era_and_side() {
        let cards = cards_of(
            "The Kestrel Treaty was proposed in July 1955. Spain left it in May 2020. \
             Portugal left it in January 2021. France signed it on 24 March 1992 \
             and it entered into force on 1 January 2002.",
        );
        let c = cards
            .iter()
            .find(|c| c.answer == "24 March 1992")
            .expect("the signing date");
        let options = c.choices.as_ref().expect("options");
        for o in options.iter().filter(|o| **o != c.answer) {
            let y = year_of(o).expect("a year");
            // Before the entry into force the sentence shows, and of the era.
            assert!(
                y < 2002 && (y - 1992).abs() <= DATE_OPTION_YEARS,
                "{o} in {options:?}"
            );
        }
    }

    #[test]
    fn one_body_is_one_option_however_it_is_spelled() {
        let cards = cards_of(
            "The International Atomic Energy Agency verified the Kestrel Accord in 2016. \
             The UN Security Council endorsed the Kestrel Accord in Resolution 2231. \
             The European Union hosted the talks.",
        );
        let g = gazetteer::get();
        let mut checked = 0;
        for c in cards.iter().filter(|c| c.choices.is_some()) {
            let mut seen = Vec::new();
            for o in c.choices.iter().flatten() {
                if let Some(e) = g.entry_named(o) {
                    assert!(!seen.contains(&e), "{o} twice in {:?}", c.choices);
                    seen.push(e);
                    checked += 1;
                }
            }
        }
        assert!(checked > 0);
    }

    #[test]
    fn alliance_options_existed_at_the_time() {
        // Alliances of NATO's region in 1999 and 2012: the Warsaw Pact
        // (gone in 1991) and the Western European Union (gone in 2011)
        // only when they existed.
        let cards = cards_of(
            "In 1999, NATO took in Poland, Hungary and the Czech Republic. \
             In 2012, NATO rejected the Russian proposal on missile defence.",
        );
        let g = gazetteer::get();
        let mut checked = 0;
        for (c, year) in cards.iter().filter_map(|c| {
            let year = if c.sentence.contains("1999") {
                1999
            } else {
                2012
            };
            (c.answer == "Warsaw Pact" || c.answer == "NATO").then_some((c, year))
        }) {
            for o in c.choices.iter().flatten().filter(|o| **o != c.answer) {
                let e = g.entry_named(o).expect("a gazetteer alliance");
                assert!(g.entries[e].active_in(year), "{o} in {year}");
                checked += 1;
            }
        }
        assert!(checked > 0, "no options checked");
    }

    #[test]
    fn organisation_options_existed_at_the_time() {
        // No CIS or NATO-Russia Council for a 1966 resolution.
        let cards = cards_of(
            "The Outer Space Treaty was signed in 1967.\n\n\
             The United Nations commended the finished text in Resolution 2222, adopted on \
             December 19, 1966.",
        );
        let g = gazetteer::get();
        let c = cards
            .iter()
            .find(|c| c.answer == "United Nations" && c.choices.is_some())
            .unwrap_or_else(|| panic!("a card with options: {cards:?}"));
        for o in c.choices.iter().flatten().filter(|o| **o != c.answer) {
            if let Some(e) = g.entry_named(o) {
                assert!(g.entries[e].active_in(1966), "{o} in 1966");
            }
        }
    }

    #[test]
    fn a_label_naming_a_role_is_no_person_but_describes_the_speaker() {
        let cards = cards_of(
            "QUESTION: What did Spain do?\n\n\
             SENIOR STATE DEPARTMENT OFFICIAL: Spain left the Ottawa Accord on May 8, 2018. \
             We have kept our side of the Ottawa Accord since 1997.",
        );
        let qs: Vec<&str> = cards.iter().map(|c| c.question.as_str()).collect();
        // No person "Official" is made up from the label.
        assert!(cards.iter().all(|c| c.answer != "Official"), "{qs:?}");
        assert!(qs.iter().all(|q| !q.contains("Official said")), "{qs:?}");
        assert!(
            qs.iter().any(|q| q
                .starts_with("A senior State Department official said: “We have kept our side")),
            "{qs:?}"
        );
    }

    #[test]
    fn a_transcripts_we_is_its_speaker_and_fillers_are_dropped() {
        let cards = cards_of(
            "MODERATOR: Good morning. Our briefer today is Dr. Ana Ruiz of the Madrid Institute.\n\n\
             QUESTION: What happened in 2018?\n\n\
             DR. RUIZ: Well, Spain left the Ottawa Accord on May 8, 2018. \
             Our goal remains a return to the Ottawa Accord by Spain.",
        );
        let qs: Vec<&str> = cards.iter().map(|c| c.question.as_str()).collect();
        // The moderator's "our" belongs to no one the card could name.
        assert!(qs.iter().all(|q| !q.contains("briefer today")), "{qs:?}");
        assert!(
            qs.iter()
                .any(|q| q.starts_with("Ana Ruiz said: “Our goal remains a return to the ")),
            "{qs:?}"
        );
        assert!(qs.iter().all(|q| !q.contains("Well,")), "{qs:?}");
        assert!(
            qs.iter()
                .any(|q| q.starts_with("___ left the Ottawa Accord")
                    || q.starts_with("Which country left the Ottawa Accord")),
            "{qs:?}"
        );
    }

    #[test]
    fn first_person_words_outside_quotes_only() {
        let q = |t: &str| {
            let a = t.find('“').map(|i| i + '“'.len_utf8());
            let b = t.find('”');
            let quotes: Vec<(usize, usize)> = a.zip(b).into_iter().collect();
            first_person(t, &quotes)
        };
        assert!(q("Our goal remains the same."));
        assert!(q("I think Spain will sign, and we agree."));
        assert!(!q("The US said it would sign."));
        assert!(!q("Spain said: “We will sign.”"));
        assert!(!q("Iran said it would sign."));
    }

    #[test]
    fn a_date_said_in_an_earlier_sentence_is_written_out() {
        let cards = cards_of(
            "The Ottawa Accord entered into force on June 1, 1988. \
             Spain had to destroy its mines within three years of that date. \
             Portugal agreed the same day. \
             Chile joined in 1975 and Peru left the following year.",
        );
        let q = |answer: &str| {
            cards
                .iter()
                .find(|c| c.answer == answer)
                .map(|c| c.question.clone())
                .unwrap_or_else(|| panic!("no card for {answer}: {cards:?}"))
        };
        assert!(q("Spain").contains("within three years of June 1, 1988"));
        assert!(q("Portugal").contains("agreed on June 1, 1988"));
        // The sentence's own year anchors "the following year": written
        // out, it would give the blanked 1975 away.
        assert!(q("1975").contains("the following year"));
    }

    #[test]
    fn a_blanked_relative_date_keeps_its_preposition() {
        let cards = cards_of(
            "Date: 2021-01-17\n\nSpain withdrew from the Ottawa Accord last year. \
             The withdrawal took effect yesterday. \
             Last year, Portugal signed the Lisbon Protocol.",
        );
        let q = |answer: &str, word: &str| {
            cards
                .iter()
                .find(|c| c.answer == answer && c.question.contains(word))
                .map(|c| c.question.clone())
                .unwrap_or_else(|| panic!("no {answer} card on {word}: {cards:?}"))
        };
        assert!(q("2020", "Spain").contains("Accord in ___."));
        assert!(q("January 16, 2021", "effect").contains("took effect on ___."));
        assert!(q("2020", "Portugal").starts_with("In ___, Portugal"));
        // Written out in other cards: "last year's vote" is "the 2020 vote",
        // and an opening "Last year" reads "In 2020".
        let cards = cards_of(
            "Date: 2021-01-17\n\nSpain criticized last year's vote by Portugal. \
             Last year, Chile signed the Lisbon Protocol in Madrid.",
        );
        let qs: Vec<&str> = cards.iter().map(|c| c.question.as_str()).collect();
        assert!(
            qs.iter().any(|q| q.contains("criticized the 2020 vote")),
            "{qs:?}"
        );
        assert!(
            qs.iter().any(|q| q.contains("criticized the ___ vote")),
            "{qs:?}"
        );
        assert!(qs.iter().any(|q| q.starts_with("In 2020, ")), "{qs:?}");
    }

    #[test]
    fn a_leaders_office_is_offered_among_its_governments_offices() {
        let v = office_swaps("U.S. President", None);
        assert!(v.contains(&"U.S. Secretary of State".to_string()), "{v:?}");
        assert!(
            v.iter()
                .all(|o| o.starts_with("U.S. ") && o != "U.S. President")
        );
        let v = office_swaps("Russian President", None);
        assert!(v.contains(&"Russian Prime Minister".to_string()), "{v:?}");
        assert!(!v.iter().any(|o| o.contains("Secretary of State")), "{v:?}");
        assert!(office_swaps("senior analyst", None).is_empty());
        // The options of the card asking Putin's office.
        let office_options = |text: &str| -> Vec<String> {
            let cards = cards_of(text);
            let c = cards
                .iter()
                .find(|c| {
                    c.question
                        .starts_with("What office did Vladimir Putin hold")
                })
                .expect("an office card");
            c.choices.clone().expect("options")
        };
        let choices = office_options(
            "Russian President Vladimir Putin signed the law on 2 November 2023. Lithuania objected.",
        );
        assert!(
            choices.contains(&"Russian Prime Minister".to_string()),
            "{choices:?}"
        );
        // A bare "President" is a U.S. president's office in these texts,
        // unless the person is known to have served another state.
        let v = office_swaps("President", None);
        assert!(v.contains(&"Secretary of State".to_string()), "{v:?}");
        assert!(!v.iter().any(|o| o.contains("Prime Minister")), "{v:?}");
        let v = office_swaps("President", Some("Russia"));
        assert!(v.contains(&"Prime Minister".to_string()), "{v:?}");
        assert!(!v.iter().any(|o| o.contains("Secretary of")), "{v:?}");
        let choices = office_options(
            "On 2 November 2023, President Vladimir Putin signed the law. Lithuania objected.",
        );
        assert!(
            !choices.iter().any(|o| o.contains("Secretary of")),
            "{choices:?}"
        );
        // Gorbachev held both top Soviet posts at once: neither is a
        // wrong option for the other.
        let v = office_swaps("Soviet President", None);
        assert!(!v.iter().any(|o| o.contains("General Secretary")), "{v:?}");
    }

    #[test]
    fn an_offset_beside_another_date_is_left_out() {
        assert_eq!(
            without_offset(
                "On ___, Bush announced the withdrawal, which took effect six months later, on June 13, 2002."
            )
            .as_deref(),
            Some("On ___, Bush announced the withdrawal, which took effect on June 13, 2002.")
        );
        assert_eq!(
            without_offset("It was signed in 1987 and took effect ___ 90 days later.").as_deref(),
            Some("It was signed in 1987 and took effect ___.")
        );
        assert_eq!(
            without_offset(
                "The Duma passed it on ___, and the Council approved it a week later, on October 25."
            )
            .as_deref(),
            Some("The Duma passed it on ___, and the Council approved it on October 25.")
        );
        // With no other date shown, the offset gives nothing away.
        assert_eq!(
            without_offset("It took effect six months later, on ___."),
            None
        );
        let cards = cards_of(
            "On December 13, 2001, President George W. Bush announced that the United States \
             would withdraw from the Vienna Accord, and the withdrawal took effect six months later, \
             on June 13, 2002.",
        );
        let dates: Vec<&str> = cards
            .iter()
            .filter(|c| c.kind == FactKind::Date && c.question.contains("___"))
            .map(|c| c.question.as_str())
            .collect();
        assert!(!dates.is_empty(), "{cards:?}");
        assert!(dates.iter().all(|q| !q.contains("later")), "{dates:?}");
    }

    #[test]
    fn a_question_read_alone_has_no_also() {
        assert_eq!(
            without_also("Who also paid tribute to the survivors?").as_deref(),
            Some("Who paid tribute to the survivors?")
        );
        assert_eq!(
            without_also("Which country also charged that the radar violated it?").as_deref(),
            Some("Which country charged that the radar violated it?")
        );
        assert_eq!(
            without_also("Which news agency also reported the test?").as_deref(),
            Some("Which news agency reported the test?")
        );
        assert_eq!(without_also("Who said it was also a mistake?"), None);
        let cards = cards_of(
            "On 22 January 2021 the Secretary-General welcomed the treaty. \
             Japan also declined to join the Ottawa Accord in 1999, citing its alliance.",
        );
        // (A cloze keeps the sentence as written.)
        assert!(
            cards
                .iter()
                .any(|c| c.question.starts_with("Which country declined")),
            "{:?}",
            cards.iter().map(|c| &c.question).collect::<Vec<_>>()
        );
        assert!(
            cards
                .iter()
                .all(|c| c.question.contains("___") || !c.question.contains(" also ")),
            "{:?}",
            cards.iter().map(|c| &c.question).collect::<Vec<_>>()
        );
    }

    #[test]
    fn a_bare_title_from_the_answers_stem_is_no_option() {
        let cards = cards_of(
            "Senate Majority Leader Trent Lott said the treaty was dead. \
             Senator Joseph Biden disagreed, and Secretary of State Madeleine Albright \
             and Ambassador Thomas Graham urged a new vote.",
        );
        let c = cards
            .iter()
            .find(|c| c.answer == "Senate Majority Leader")
            .expect("a role card for Lott");
        let choices = c.choices.as_ref().expect("options");
        assert!(!choices.iter().any(|o| o == "Senator"), "{choices:?}");
    }

    #[test]
    fn country_options_fit_the_words_before_the_blank() {
        let cards = cards_of(
            "After the dissolution of the Soviet Union in 1991, Ukraine kept the missiles. \
             The Ottawa Accord was signed by the United States and Kenya in 1999.",
        );
        // "of the ___": the blank took "the", and the options say theirs.
        let c = cards
            .iter()
            .find(|c| c.answer == "the Soviet Union")
            .expect("a card for the Soviet Union");
        for o in c.choices.as_ref().expect("options") {
            let bare = o.strip_prefix("the ").unwrap_or(o);
            assert!(FORMER_STATES.contains(&bare), "{o}");
        }
        if let Some(c) = cards
            .iter()
            .find(|c| c.answer == "United States" && c.question.contains("the ___"))
        {
            for o in c.choices.as_ref().expect("options") {
                assert!(gazetteer::takes_the(o), "{o}");
            }
        }
    }

    #[test]
    fn a_group_of_states_is_asked_for_as_one_among_groups() {
        let cards = cards_of(
            "On 21 August 2020 the E3 said that the U.S. declaration had no legal effect. \
             The IAEA and the United Nations disagreed.",
        );
        let c = cards
            .iter()
            .find(|c| c.answer == "E3" && c.question.starts_with("Which"))
            .expect("a question for the E3");
        assert!(
            c.question.starts_with("Which group of states"),
            "{}",
            c.question
        );
        let g = gazetteer::get();
        for o in c.choices.as_ref().expect("options") {
            assert!(
                g.entries.iter().any(|e| e.group && e.name == *o),
                "{o} is not a group of states"
            );
        }
    }

    #[test]
    fn a_bodys_head_word_alone_gives_it_away() {
        let cards = cards_of(
            "On 2 May 2020 Spain wrote to the Security Council, asking the Council to act. \
             The Security Council met on 9 May 2020.",
        );
        assert!(
            cards
                .iter()
                .filter(|c| c.answer == "Security Council")
                .all(|c| !c.question.contains("the Council")),
            "{:?}",
            cards.iter().map(|c| &c.question).collect::<Vec<_>>()
        );
        assert!(cards.iter().any(|c| c.answer == "Security Council"));
    }

    #[test]
    fn no_former_state_is_offered_for_russia_or_after_1991() {
        let cards = cards_of(
            "In 2020 the United States accused Russia of violating the Ottawa Accord. \
             The Soviet Union and Czechoslovakia had signed it in 1990. Kenya and Peru joined later.",
        );
        let c = cards
            .iter()
            .find(|c| c.answer == "Russia")
            .expect("a card for Russia");
        for o in c.choices.as_ref().expect("options") {
            assert!(!is_former_name(o), "{o}");
        }
    }

    #[test]
    fn date_options_keep_to_a_year_the_sentence_fixes() {
        let cards = cards_of(
            "In October 2023, the Duma voted to revoke the Vienna Accord, and Putin signed the law \
             on 2 November 2023. Russia had ratified it in 2000, and in June 2021 it said it was \
             bound by it. In March 2023 Kenya joined, in May 2023 Peru followed, and in \
             August 2023 Chile signed.",
        );
        let c = cards
            .iter()
            .find(|c| c.answer == "October 2023")
            .unwrap_or_else(|| panic!("a card for October 2023: {cards:?}"));
        for o in c.choices.as_ref().expect("options") {
            assert!(o.ends_with("2023"), "{o}");
            assert!(!c.question.contains(o.as_str()), "{o} is shown");
        }
    }

    #[test]
    fn no_treaty_that_had_ended_is_an_option() {
        let cards = cards_of(
            "In 2014, the United States determined that Russia was in violation of the INF Treaty. \
             Washington had signed the ABM Treaty, SALT I, SALT II, START I, START II, SORT and \
             the Lisbon Protocol with Moscow in earlier decades.",
        );
        let c = cards
            .iter()
            .find(|c| c.answer == "INF Treaty" && c.question.contains("2014"))
            .unwrap_or_else(|| panic!("a card for the INF Treaty: {cards:?}"));
        let g = gazetteer::get();
        for o in c.choices.iter().flatten().filter(|o| *o != &c.answer) {
            let e = g
                .entry_named(o)
                .unwrap_or_else(|| panic!("{o} is in the table"));
            let ended = g.entries[e].active.and_then(|(_, t)| t);
            assert!(ended.is_none_or(|t| t >= 2014), "{o} ended in {ended:?}");
        }
    }

    #[test]
    fn no_option_is_shown_in_the_sentence_read_before_the_question() {
        let cards = cards_of(
            "Today, 2 November 2023, Putin signed the law revoking the ratification of the Vienna Accord. \
             It had passed the Duma on 18 October 2023. Kenya joined it on 11 May 2023, Peru \
             on 1 September 2023 and Chile on 15 July 2023.",
        );
        let c = cards
            .iter()
            .find(|c| c.answer == "18 October 2023")
            .unwrap_or_else(|| panic!("a card for 18 October 2023: {cards:?}"));
        assert!(c.question.contains("2 November 2023"), "{}", c.question);
        for o in c.choices.as_ref().expect("options") {
            assert!(!c.question.contains(o.as_str()), "{o} is shown");
        }
    }

    #[test]
    fn a_tag_that_shows_the_answer_gives_way_to_another_name() {
        let cards = cards_of(
            "Thailand welcomes the entry into force of the Treaty on the Southeast Asia \
             Nuclear Weapon-Free Zone, also known as the Bangkok Treaty. \
             The Bangkok Treaty bans nuclear weapons in the region. \
             The Bangkok Treaty was praised by Japan. \
             The Treaty was signed in Bangkok on 15 December 1995 by ten leaders.",
        );
        let c = cards
            .iter()
            .find(|c| c.answer == "Bangkok")
            .unwrap_or_else(|| panic!("a card for Bangkok: {cards:?}"));
        assert!(!c.question.contains("Bangkok"), "{}", c.question);
        assert!(
            c.question.starts_with("Treaty on the Southeast Asia"),
            "{}",
            c.question
        );
    }

    #[test]
    fn a_one_sentence_paragraph_is_read_before_the_next() {
        let cards = cards_of(
            "VIENNA (Wire) - Thirty-three countries launched the Wassenaar Arrangement on Friday.\n\n\
             The arrangement takes its name from Wassenaar, a Dutch town, where officials agreed \
             on December 19, 1995, to create the new body.\n\n\
             It succeeds the Coordinating Committee for Multilateral Export Controls, which \
             ceased to exist on March 31, 1994.",
        );
        let c = cards
            .iter()
            .find(|c| c.answer == "March 31, 1994")
            .unwrap_or_else(|| panic!("a card for March 31, 1994: {cards:?}"));
        assert!(
            c.question.starts_with("The arrangement takes its name"),
            "{}",
            c.question
        );
    }

    #[test]
    fn a_nuclear_power_is_judged_among_nuclear_powers() {
        let cards = cards_of(
            "Belgium, the Netherlands and Italy hosted the missiles in the 1980s. \
             In 2019 the Pentagon said Russia had deployed the new missile in several battalions.",
        );
        let c = cards
            .iter()
            .find(|c| c.answer == "Russia")
            .expect("a card for Russia");
        let options = c.choices.as_ref().expect("options");
        for o in options.iter().filter(|o| **o != c.answer) {
            assert!(
                NUCLEAR_ARMED_STATES.contains(&o.as_str()),
                "{o} in {options:?}"
            );
        }
    }

    #[test]
    fn the_soviets_are_the_soviet_union_with_no_states_for_options() {
        let cards = cards_of(
            "In the late 1970s the Soviets began deploying the SS-20 across the Ural Mountains. \
             NATO answered in December 1979.",
        );
        let c = cards
            .iter()
            .find(|c| c.answer == "Soviets")
            .unwrap_or_else(|| panic!("a card for the Soviets: {cards:?}"));
        assert!(
            c.accept.iter().any(|a| a == "Soviet Union"),
            "{:?}",
            c.accept
        );
        assert!(c.choices.is_none(), "{:?}", c.choices);
    }

    #[test]
    fn a_country_said_with_the_is_blanked_with_it() {
        assert_eq!(
            the_swallowed("until the United States withdrew", (10, 23)),
            Some(6)
        );
        assert_eq!(the_swallowed("The Netherlands left", (4, 15)), Some(0));
        // "the U.S. withdrawal": "the" goes with "withdrawal".
        assert_eq!(the_swallowed("after the U.S. withdrawal", (10, 14)), None);
        // "bathe United Kingdom" is no article.
        assert_eq!(the_swallowed("bathe United Kingdom", (6, 20)), None);
        let cards = cards_of(
            "The Open Skies Treaty remained in force for almost 20 years, until the United \
             States withdrew from it in 2020. Russia called the move a mistake.",
        );
        // The answer fills the blank as it reads: "until the United
        // States withdrew".
        let c = cards
            .iter()
            .find(|c| c.answer == "the United States" && c.question.contains("___"))
            .unwrap_or_else(|| panic!("a cloze for the United States: {cards:?}"));
        assert!(c.question.contains("until ___ withdrew"), "{}", c.question);
        assert!(
            c.accept.iter().any(|a| a == "United States"),
            "{:?}",
            c.accept
        );
        let options = c.choices.as_ref().expect("options");
        assert_eq!(options.iter().filter(|o| **o == c.answer).count(), 1);
        for o in options {
            let bare = o.strip_prefix("the ").unwrap_or(o);
            assert_eq!(o.starts_with("the "), gazetteer::takes_the(bare), "{o}");
        }
    }

    #[test]
    fn a_sentence_without_a_year_is_set_in_the_last_dated_one() {
        let cards = cards_of(
            "In 2019 the United States left the Vienna Accord it had signed with the Soviet Union in 1987. \
             The President has called for a new accord that brings in China as well as Russia.",
        );
        let c = cards
            .iter()
            .find(|c| c.answer == "China")
            .expect("a card for China");
        for o in c.choices.as_ref().expect("options") {
            assert!(!is_former_name(o), "{o}");
        }
    }

    #[test]
    fn a_remark_s_day_and_an_unnamed_it_are_not_asked() {
        let cards = cards_of(
            "Date: 2019-08-02\n\n\"We will leave,\" Secretary Ana Ruiz said today. \
             It was the first time since the Treaty of Tlatelolco that Chile had signed such a pact.",
        );
        assert!(
            cards
                .iter()
                .all(|c| c.kind != FactKind::Date && !c.question.starts_with("It ")),
            "{:?}",
            cards.iter().map(|c| &c.question).collect::<Vec<_>>()
        );
    }

    #[test]
    fn number_perturbations_keep_shape() {
        let v = perturb_number("1,550");
        assert!(v.iter().all(|x| x.contains(',')), "{v:?}");
        let v = perturb_number("3.67 percent");
        assert!(v.iter().all(|x| x.ends_with(" percent")), "{v:?}");
        let v = perturb_number("two");
        assert!(v.contains(&"three".to_string()));
    }
}
