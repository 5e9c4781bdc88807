//! The pure core: article text in, cards out. No egui, no files, no clock.

pub mod answer;
pub mod browse;
pub mod builtin;
pub mod cards;
pub mod dates;
pub mod extract;
pub mod fxhash;
pub mod gazetteer;
pub mod model;
pub mod scheduler;
pub mod similarity;
pub mod stats;
pub mod text;

use serde::{Deserialize, Serialize};

pub use cards::Card;
pub use extract::FactKind;

/// Deck metadata in the card JSON contract.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DeckInfo {
    pub title: String,
    pub reference_date: Option<String>,
    pub sentences: usize,
}

/// The generator's output: `{"deck": {...}, "cards": [...]}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Generated {
    pub deck: DeckInfo,
    pub cards: Vec<Card>,
}

/// Why no deck could be generated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum GenerateError {
    /// Nothing but whitespace.
    Empty,
    /// Text, but not a single fact worth a card.
    NoFacts,
}

impl std::fmt::Display for GenerateError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            GenerateError::Empty => write!(f, "the article is empty"),
            GenerateError::NoFacts => write!(
                f,
                "no facts found: the text names no dates, parties, treaties, speakers, roles or numbers"
            ),
        }
    }
}

impl std::error::Error for GenerateError {}

/// Turn an article into cards. Deterministic: the same text gives the same
/// cards, ids and choices.
pub fn generate(text: &str) -> Result<Generated, GenerateError> {
    if text.trim().is_empty() {
        return Err(GenerateError::Empty);
    }
    let art = text::parse(text);
    let ex = extract::extract(&art);
    let cards = cards::build(&art, &ex);
    if cards.is_empty() {
        return Err(GenerateError::NoFacts);
    }
    let title = art
        .title
        .clone()
        .or_else(|| {
            art.sentences
                .iter()
                .find(|s| !s.fragment)
                .map(|s| short_title(&s.text))
        })
        .unwrap_or_else(|| "Untitled article".to_string());
    Ok(Generated {
        deck: DeckInfo {
            title,
            reference_date: ex.reference.map(|r| r.date.iso()),
            sentences: art.sentences.iter().filter(|s| !s.fragment).count(),
        },
        cards,
    })
}

fn short_title(s: &str) -> String {
    let words: Vec<&str> = s.split_whitespace().collect();
    if words.len() <= 10 {
        s.trim_end_matches('.').to_string()
    } else {
        format!("{}…", words[..10].join(" ").trim_end_matches(','))
    }
}
