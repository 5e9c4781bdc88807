//! Checking a typed answer against a card: every accepted spelling counts,
//! small typos are forgiven, and a rating is suggested.

use super::cards::Card;
use super::model::Rating;
use super::similarity::{levenshtein, norm};

/// How a typed answer compares with the card's answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// The answer or one of its accepted forms.
    Correct,
    /// Off by a small typo.
    Typo,
    /// Not it.
    Wrong,
}

impl Verdict {
    /// The rating a learner would most likely give.
    pub fn suggested(self) -> Rating {
        match self {
            Verdict::Correct => Rating::Good,
            Verdict::Typo => Rating::Hard,
            Verdict::Wrong => Rating::Again,
        }
    }
}

/// Typos forgiven for an answer of this many characters.
fn allowed_typos(len: usize) -> usize {
    match len {
        0..=4 => 0,
        5..=9 => 1,
        _ => 2,
    }
}

/// Compare a typed answer with the card. With choices, "A"–"D" (or "1"–"4"
/// is not accepted here: digits may be answers) picks an option.
pub fn check(card: &Card, typed: &str) -> Verdict {
    let t = typed.trim();
    let typed = match (&card.choices, t.len()) {
        (Some(ch), 1) => {
            let c = t.chars().next().unwrap_or(' ').to_ascii_uppercase();
            match c {
                'A'..='D' => ch
                    .get((c as u8 - b'A') as usize)
                    .map(String::as_str)
                    .unwrap_or(t),
                _ => t,
            }
        }
        _ => t,
    };
    let got = norm(typed);
    if got.is_empty() {
        return Verdict::Wrong;
    }
    let forms = std::iter::once(&card.answer).chain(card.accept.iter());
    let mut best = Verdict::Wrong;
    for f in forms {
        let want = norm(f);
        if want.is_empty() {
            continue;
        }
        if want == got {
            return Verdict::Correct;
        }
        // Digits must match exactly: "1987" is not a typo of "1986".
        // So must a Roman numeral: "Article V" is not a typo of "Article X".
        let has_digits = want.chars().any(|c| c.is_ascii_digit())
            || want.split_whitespace().nth(1).is_some()
                && want.split_whitespace().next_back().is_some_and(|w| {
                    w.len() <= 6 && w.chars().all(|c| matches!(c, 'i' | 'v' | 'x' | 'l'))
                });
        if !has_digits && levenshtein(&want, &got) <= allowed_typos(want.chars().count()) {
            best = Verdict::Typo;
        }
        // "th United States" for "the United States": a slip in the article
        // the answer is written with.
        if !has_digits
            && let Some(article) = ["the ", "The "].into_iter().find(|a| f.starts_with(a))
        {
            let full = format!("{} {want}", article.trim().to_lowercase());
            if levenshtein(&full, &got) <= allowed_typos(full.chars().count()) {
                best = Verdict::Typo;
            }
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::FactKind;

    fn card(answer: &str, accept: &[&str], choices: Option<&[&str]>) -> Card {
        Card {
            id: "x".into(),
            kind: FactKind::Speaker,
            question: "Who?".into(),
            answer: answer.into(),
            accept: accept.iter().map(|s| s.to_string()).collect(),
            choices: choices.map(|c| c.iter().map(|s| s.to_string()).collect()),
            sentence: String::new(),
            sentence_index: 0,
            paragraph: 0,
            cloze: String::new(),
            resolved_date: None,
            inferred: false,
            note: None,
        }
    }

    #[test]
    fn variants_typos_and_wrong_answers() {
        let c = card("Zaharova", &["Zakharova", "Maria Zakharova"], None);
        assert_eq!(check(&c, "zakharova"), Verdict::Correct);
        assert_eq!(check(&c, " Maria  Zakharova "), Verdict::Correct);
        assert_eq!(check(&c, "Zakarova"), Verdict::Typo);
        assert_eq!(check(&c, "Lavrov"), Verdict::Wrong);
        assert_eq!(check(&c, ""), Verdict::Wrong);
        assert_eq!(Verdict::Typo.suggested(), Rating::Hard);
    }

    #[test]
    fn numbers_and_dates_need_the_right_digits() {
        let c = card("1987", &[], None);
        assert_eq!(check(&c, "1986"), Verdict::Wrong);
        assert_eq!(check(&c, "1987"), Verdict::Correct);
        let d = card("December 8, 1987", &["8 December 1987"], None);
        assert_eq!(check(&d, "8 december 1987"), Verdict::Correct);
        // A Roman numeral is a number too.
        let a = card("Article X", &["Article 10"], None);
        assert_eq!(check(&a, "Article V"), Verdict::Wrong);
        assert_eq!(check(&a, "article 10"), Verdict::Correct);
        assert_eq!(check(&a, "Artcle X"), Verdict::Wrong);
    }

    #[test]
    fn a_slip_in_the_answers_article_is_a_typo() {
        let c = card("the United States", &["United States"], None);
        assert_eq!(check(&c, "th United States"), Verdict::Typo);
        assert_eq!(check(&c, "United States"), Verdict::Correct);
        assert_eq!(check(&c, "the United States"), Verdict::Correct);
        assert_eq!(check(&c, "the Soviet Union"), Verdict::Wrong);
    }

    #[test]
    fn letters_pick_choices() {
        let c = card("Russia", &[], Some(&["China", "Russia", "Iran", "France"]));
        assert_eq!(check(&c, "b"), Verdict::Correct);
        assert_eq!(check(&c, "A"), Verdict::Wrong);
    }
}
