//! TreatyDeck: turn arms-control articles into spaced-repetition quiz cards.
//!
//! * [`core`] — pure: article → facts → cards (no files, no clock, no GUI).
//! * [`store`] — the only module that touches files.
//! * [`cli`] — the command-line front end used by `main.rs`.

pub mod cli;
pub mod core;
pub mod gui;
pub mod session;
pub mod store;

pub use crate::core::{Card, DeckInfo, FactKind, GenerateError, Generated, generate};
