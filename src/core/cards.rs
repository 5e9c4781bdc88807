//! Cards from facts: question or cloze, leak and duplicate guards, stable
//! ids, and seeded multiple-choice options of the same type.

use std::collections::HashSet;

use rand::SeedableRng;
use rand::rngs::Xoshiro256PlusPlus;
use rand::seq::SliceRandom;
use serde::{Deserialize, Serialize};

use super::dates::Ymd;
use super::extract::{EntClass, Extraction, Fact, FactKind, Pool, contains_any, dedup};
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

/// Stable card id from the normalised sentence, kind and answer.
pub fn card_id(sentence: &str, kind: FactKind, answer: &str) -> String {
    let key = format!("{}|{}|{}", norm(sentence), kind.as_str(), norm(answer));
    format!("{:016x}", fnv1a(key.as_bytes()))
}

/// Find `needle` in `hay` case-insensitively at word boundaries; byte spans.
pub(crate) fn find_word_spans(hay: &str, needle: &str) -> Vec<(usize, usize)> {
    find_spans_of_any(hay, std::slice::from_ref(&needle.to_string()))
}

/// Word-boundary, case-insensitive occurrences of any of `needles`.
pub(crate) fn find_spans_of_any(hay: &str, needles: &[String]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let h: Vec<(usize, char)> = hay.char_indices().map(|(i, c)| (i, fold_char(c))).collect();
    for needle in needles {
        spans_in(hay, &h, needle, &mut out);
    }
    out
}

fn spans_in(hay: &str, h: &[(usize, char)], needle: &str, out: &mut Vec<(usize, usize)>) {
    let n = needle.trim();
    if n.chars().filter(|c| c.is_alphanumeric()).count() < 3 {
        return;
    }
    let nd: Vec<char> = n.chars().map(fold_char).collect();
    if nd.is_empty() || nd.len() > h.len() {
        return;
    }
    let mut i = 0;
    while i + nd.len() <= h.len() {
        if h[i..i + nd.len()].iter().zip(&nd).all(|((_, a), b)| a == b) {
            let before_ok = i == 0 || !h[i - 1].1.is_alphanumeric();
            let j = i + nd.len();
            let after_ok = j == h.len() || !h[j].1.is_alphanumeric();
            if before_ok && after_ok {
                let end = h.get(j).map_or(hay.len(), |&(b, _)| b);
                out.push((h[i].0, end));
                i = j;
                continue;
            }
        }
        i += 1;
    }
}

fn fold_char(c: char) -> char {
    match c {
        '’' | '‘' => '\'',
        c => c.to_lowercase().next().unwrap_or(c),
    }
}

/// Replace spans with "___", merging overlaps.
pub fn blank(text: &str, spans: &[(usize, usize)]) -> String {
    let mut sp: Vec<(usize, usize)> = spans
        .iter()
        .copied()
        .filter(|&(a, b)| {
            a < b && b <= text.len() && text.is_char_boundary(a) && text.is_char_boundary(b)
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

fn names_of(f: &Fact, ex: &Extraction) -> Vec<String> {
    let mut v = vec![f.answer.clone()];
    v.extend(f.accept.iter().cloned());
    // A role card names its person in the question on purpose.
    if let Some(e) = f.entity.filter(|_| f.kind != FactKind::Role) {
        v.extend(ex.entities[e].all_names());
    }
    dedup(&mut v);
    v
}

fn leaks(question: &str, names: &[String]) -> bool {
    contains_any(question, names)
}

/// Build the cards of an article.
pub fn build(art: &Article, ex: &Extraction) -> Vec<Card> {
    let mut cards = Vec::new();
    let mut seen_q: HashSet<String> = HashSet::new();
    let mut seen_id: HashSet<String> = HashSet::new();
    for f in &ex.facts {
        let sent = &art.sentences[f.sentence];
        let text = sent.text.as_str();
        let names = names_of(f, ex);
        // Cloze: blank the fact's spans and every other spelling of the answer.
        let mut spans = f.spans.clone();
        if f.kind != FactKind::Number || f.answer.len() >= 3 {
            spans.extend(find_spans_of_any(text, &names));
        }
        let cloze = blank(text, &spans);
        // A cloze needs words around its blanks ("___" alone asks nothing).
        let context_words = cloze
            .replace("___", " ")
            .split_whitespace()
            .filter(|w| w.chars().any(char::is_alphanumeric))
            .count();
        let cloze_ok = cloze != text
            && !leaks(&cloze, &names)
            && cloze.matches("___").count() <= 4
            && context_words >= 3;
        let mut question = f.question.clone().filter(|q| !leaks(q, &names));
        if let Some(q) = &question
            && seen_q.contains(&norm(q))
        {
            question = None;
        }
        let question = match question {
            Some(q) => q,
            None if cloze_ok => cloze.clone(),
            None => continue,
        };
        let qn = norm(&question);
        if !seen_q.insert(qn) {
            continue;
        }
        let id = card_id(text, f.kind, &f.answer);
        if !seen_id.insert(id.clone()) {
            continue;
        }
        let mut accept: Vec<String> = f
            .accept
            .iter()
            .filter(|a| norm(a) != norm(&f.answer) && !norm(a).is_empty())
            .cloned()
            .collect();
        dedup(&mut accept);
        let choices = choices_for(f, ex, &id, &names);
        cards.push(Card {
            id,
            kind: f.kind,
            question,
            answer: f.answer.clone(),
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
];

fn choices_for(f: &Fact, ex: &Extraction, id: &str, names: &[String]) -> Option<Vec<String>> {
    let seed = fnv1a(id.as_bytes());
    let mut rng = Xoshiro256PlusPlus::seed_from_u64(seed);
    let sentence_ents: &[usize] = ex
        .sentence_entities
        .get(f.sentence)
        .map(Vec::as_slice)
        .unwrap_or(&[]);
    let (mut primary, mut fallback): (Vec<String>, Vec<String>) = match f.pool {
        Pool::NoChoice => return None,
        Pool::Entity(class) => {
            let mut p: Vec<String> = ex
                .entities
                .iter()
                .enumerate()
                .filter(|(i, e)| {
                    e.class == class
                        && Some(*i) != f.entity
                        && !sentence_ents.contains(i)
                        && e.count > 0
                })
                .map(|(_, e)| display_name(e))
                .collect();
            p.sort();
            let g = gazetteer::get();
            let fb: Vec<String> = match class {
                EntClass::Country => COMMON_STATES.iter().map(|s| s.to_string()).collect(),
                EntClass::Treaty => g
                    .entries_of(EntKind::Treaty)
                    .map(|(_, e)| e.name.clone())
                    .collect(),
                EntClass::Agency | EntClass::Source => g
                    .entries_of(EntKind::Agency)
                    .take(24)
                    .map(|(_, e)| e.name.clone())
                    .collect(),
                EntClass::Alliance => g
                    .entries_of(EntKind::Alliance)
                    .map(|(_, e)| e.name.clone())
                    .collect(),
                EntClass::Organisation => g
                    .entries_of(EntKind::Organisation)
                    .take(30)
                    .map(|(_, e)| e.name.clone())
                    .collect(),
                EntClass::Body => {
                    // Same-country bodies are not known; use article bodies only.
                    Vec::new()
                }
                EntClass::Person => Vec::new(),
            };
            if class == EntClass::Source {
                p.extend(
                    ex.entities
                        .iter()
                        .filter(|e| e.class == EntClass::Agency && e.count > 0)
                        .map(display_name),
                );
            }
            (p, fb)
        }
        Pool::Role => {
            let mut p = ex.role_pool.clone();
            p.sort();
            let fb = gazetteer::get()
                .title_list
                .iter()
                .filter(|t| {
                    t.toks
                        .iter()
                        .any(|w| w.chars().next().is_some_and(|c| c.is_uppercase()))
                })
                .filter(|t| {
                    matches!(
                        t.category.as_str(),
                        "minister" | "diplomat" | "spokesperson" | "head" | "official"
                    )
                })
                .map(|t| t.toks.join(" "))
                .collect();
            (p, fb)
        }
        Pool::Date(prec) => {
            let mut p: Vec<String> = ex
                .date_pool
                .iter()
                .filter(|d| d.precision() == prec)
                .map(|d| d.display())
                .collect();
            p.sort();
            let fb = f.resolved.map(perturb_date).unwrap_or_default();
            f.resolved?;
            (p, fb)
        }
        Pool::Number => {
            let shape = number_shape(&f.answer);
            let mut p: Vec<String> = ex
                .number_pool
                .iter()
                .filter(|n| number_shape(n) == shape)
                .cloned()
                .collect();
            p.sort();
            (p, perturb_number(&f.answer))
        }
    };
    primary.shuffle(&mut rng);
    fallback.shuffle(&mut rng);
    // Normalised answer forms, once: "x" and " x " for containment.
    let answer_forms: Vec<(String, String)> = names
        .iter()
        .map(|a| norm(a))
        .filter(|a| !a.is_empty())
        .map(|a| {
            let padded = format!(" {a} ");
            (a, padded)
        })
        .collect();
    let sentence_names: HashSet<String> = if matches!(f.pool, Pool::Entity(_) | Pool::Role) {
        sentence_ents
            .iter()
            .flat_map(|&e| ex.entities[e].all_names())
            .map(|n| norm(&n))
            .collect()
    } else {
        HashSet::new()
    };
    let mut picked: Vec<String> = Vec::new();
    let mut picked_norm: Vec<String> = Vec::new();
    for c in primary.into_iter().chain(fallback) {
        if picked.len() == 3 {
            break;
        }
        let nc = norm(&c);
        // Not empty, and no entity the sentence itself names.
        if nc.is_empty() || sentence_names.contains(&nc) {
            continue;
        }
        let padded = format!(" {nc} ");
        // Not the answer, a spelling variant of it, or a part of it.
        let clash = answer_forms.iter().any(|(na, pa)| {
            *na == nc
                || similar(na, &nc)
                || (na.len() >= 3 && padded.contains(pa.as_str()))
                || (nc.len() >= 3 && pa.contains(padded.as_str()))
        });
        // Nor a variant of another option.
        if clash || picked_norm.iter().any(|p| *p == nc || similar(p, &nc)) {
            continue;
        }
        picked_norm.push(nc);
        picked.push(c);
    }
    if picked.len() < 3 {
        return None;
    }
    let mut choices = picked;
    choices.push(f.answer.clone());
    choices.shuffle(&mut rng);
    Some(choices)
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

fn perturb_date(r: Ymd) -> Vec<String> {
    let mut v = Vec::new();
    match (r.m, r.d) {
        (Some(m), Some(d)) => {
            for off in [-7i64, 3, 11, -2, 5] {
                v.push(Ymd::from_days(r.days() + off).display());
            }
            let m2 = if m == 12 { 1 } else { m + 1 };
            v.push(Ymd::ymd(r.y, m2, d.min(28)).display());
        }
        (Some(m), None) => {
            for off in [-2i32, 1, 3, -1, 4] {
                let mm = m as i32 - 1 + off;
                v.push(Ymd::ym(r.y + mm.div_euclid(12), (mm.rem_euclid(12) + 1) as u32).display());
            }
        }
        _ => {
            for off in [-3, 1, 4, -1, 2, -5] {
                v.push(Ymd::year(r.y + off).display());
            }
        }
    }
    v
}

#[derive(PartialEq, Eq)]
enum NumShape {
    Word,
    Plain,
    Unit(String),
    Other,
}

fn number_shape(s: &str) -> NumShape {
    if gazetteer::number_word(s).is_some() {
        return NumShape::Word;
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

fn perturb_number(s: &str) -> Vec<String> {
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
        &[0.8, 1.25, 1.5, 0.7, 1.3, 2.0, 0.5]
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
    fn number_perturbations_keep_shape() {
        let v = perturb_number("1,550");
        assert!(v.iter().all(|x| x.contains(',')), "{v:?}");
        let v = perturb_number("3.67 percent");
        assert!(v.iter().all(|x| x.ends_with(" percent")), "{v:?}");
        let v = perturb_number("two");
        assert!(v.contains(&"three".to_string()));
    }
}
