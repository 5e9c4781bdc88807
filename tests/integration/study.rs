//! The study, stats, decks and import commands against a real data folder.
