//! The timeline: a deck's dated events in chronological order, from its
//! date cards (the resolved date and the sentence it came from).

use crate::core::cards::Card;
use crate::core::dates::{Ymd, days_from_civil};
use crate::core::extract::FactKind;

/// Longest event text kept (characters); longer sentences are cut at a word.
pub const EVENT_CHARS: usize = 160;

/// One dated event.
#[derive(Debug, Clone, PartialEq)]
pub struct TimelineEvent {
    pub deck: String,
    pub card_id: String,
    pub date: Ymd,
    /// "26 May 1972"-style date at the precision the article gave.
    pub label: String,
    /// What happened: the card's sentence, trimmed (its question if the
    /// sentence is empty).
    pub text: String,
}

impl TimelineEvent {
    /// The date as a fractional year (for a time axis): 1972.4 for May 1972.
    pub fn year(&self) -> f64 {
        let d = self.date;
        let start = days_from_civil(d.y, 1, 1);
        let len = days_from_civil(d.y + 1, 1, 1) - start;
        let day = days_from_civil(d.y, d.m.unwrap_or(1), d.d.unwrap_or(1)) - start;
        f64::from(d.y) + day as f64 / len as f64
    }
}

/// Parse a card's `resolved_date` ("2020", "2020-12", "2020-12-22").
pub fn parse_iso(s: &str) -> Option<Ymd> {
    let mut parts = s.trim().splitn(3, '-');
    let y: i32 = parts.next()?.parse().ok()?;
    let m: Option<u32> = match parts.next() {
        Some(p) => Some(p.parse().ok().filter(|m| (1..=12).contains(m))?),
        None => None,
    };
    let d: Option<u32> = match parts.next() {
        Some(p) => Some(p.parse().ok().filter(|d| (1..=31).contains(d))?),
        None => None,
    };
    Some(match (m, d) {
        (Some(m), Some(d)) => Ymd::ymd(y, m, d),
        (Some(m), None) => Ymd::ym(y, m),
        _ => Ymd::year(y),
    })
}

/// Cut `s` to at most `max` characters at a word boundary, with "…".
pub fn trim_text(s: &str, max: usize) -> String {
    let s = s.trim();
    if s.chars().count() <= max {
        return s.to_string();
    }
    let cut: String = s.chars().take(max.saturating_sub(1)).collect();
    let cut = match cut.rfind(' ') {
        Some(i) if i > max / 2 => &cut[..i],
        _ => cut.as_str(),
    };
    format!("{}…", cut.trim_end_matches([',', ';', ':', ' ']))
}

/// The dated events of `cards` (each with its deck's name): one per date
/// card with a resolved date, once per (date, sentence), oldest first
/// (a year before its months, ties in article order).
pub fn timeline<'a>(cards: impl IntoIterator<Item = (&'a str, &'a Card)>) -> Vec<TimelineEvent> {
    let mut keyed: Vec<((i64, u8, usize), TimelineEvent)> = Vec::new();
    for (deck, c) in cards {
        if c.kind != FactKind::Date {
            continue;
        }
        let Some(date) = c.resolved_date.as_deref().and_then(parse_iso) else {
            continue;
        };
        let source = if c.sentence.trim().is_empty() {
            &c.question
        } else {
            &c.sentence
        };
        let text = trim_text(source, EVENT_CHARS);
        if keyed
            .iter()
            .any(|(_, e)| e.deck == deck && e.date == date && e.text == text)
        {
            continue;
        }
        keyed.push((
            (date.days(), date.precision(), c.sentence_index),
            TimelineEvent {
                deck: deck.to_string(),
                card_id: c.id.clone(),
                date,
                label: label(date),
                text,
            },
        ));
    }
    keyed.sort_by(|a, b| a.0.cmp(&b.0).then_with(|| a.1.deck.cmp(&b.1.deck)));
    keyed.into_iter().map(|(_, e)| e).collect()
}

/// "26 May 1972", "May 1972", "1972".
fn label(d: Ymd) -> String {
    use crate::core::dates::month_name;
    match (d.m, d.d) {
        (Some(m), Some(day)) => format!("{day} {} {}", month_name(m), d.y),
        (Some(m), None) => format!("{} {}", month_name(m), d.y),
        _ => d.y.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn card(kind: FactKind, date: Option<&str>, sentence: &str, index: usize) -> Card {
        Card {
            id: format!("{index}-{date:?}"),
            kind,
            question: sentence.replace("1972", "___"),
            answer: date.unwrap_or("").into(),
            accept: Vec::new(),
            choices: None,
            sentence: sentence.into(),
            sentence_index: index,
            paragraph: 0,
            cloze: String::new(),
            resolved_date: date.map(str::to_string),
            inferred: false,
            note: None,
        }
    }

    #[test]
    fn parses_the_three_precisions_and_refuses_nonsense() {
        assert_eq!(parse_iso("1972"), Some(Ymd::year(1972)));
        assert_eq!(parse_iso("1972-05"), Some(Ymd::ym(1972, 5)));
        assert_eq!(parse_iso("1972-05-26"), Some(Ymd::ymd(1972, 5, 26)));
        assert_eq!(parse_iso("1972-13"), None);
        assert_eq!(parse_iso("May 1972"), None);
        assert_eq!(parse_iso(""), None);
    }

    #[test]
    fn events_are_chronological_and_from_date_cards_only() {
        let cards = [
            card(
                FactKind::Date,
                Some("2002-06-13"),
                "The withdrawal took effect on 13 June 2002.",
                5,
            ),
            card(
                FactKind::Date,
                Some("1972-05-26"),
                "It was signed in Moscow on 26 May 1972.",
                1,
            ),
            card(FactKind::Date, Some("1972"), "Talks ended in 1972.", 3),
            card(FactKind::Speaker, None, "Nixon said so.", 2),
            card(FactKind::Date, None, "Some day it happened.", 4),
            // A second card on the same sentence and date: one event.
            card(
                FactKind::Date,
                Some("1972-05-26"),
                "It was signed in Moscow on 26 May 1972.",
                1,
            ),
        ];
        let t = timeline(cards.iter().map(|c| ("abm", c)));
        let labels: Vec<&str> = t.iter().map(|e| e.label.as_str()).collect();
        assert_eq!(labels, ["1972", "26 May 1972", "13 June 2002"]);
        assert_eq!(t[1].text, "It was signed in Moscow on 26 May 1972.");
        assert_eq!(t[1].deck, "abm");
        assert!(t[0].year() < t[1].year() && t[1].year() < t[2].year());
        assert!((t[1].year() - (1972.0 + 146.0 / 366.0)).abs() < 1e-9);
    }

    #[test]
    fn long_sentences_are_cut_at_a_word() {
        let long = "word ".repeat(60);
        let t = trim_text(&long, 40);
        assert!(t.chars().count() <= 40, "{t}");
        assert!(t.ends_with("word…"), "{t}");
        assert_eq!(trim_text("short.", 40), "short.");
    }
}
