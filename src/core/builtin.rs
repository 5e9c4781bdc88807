//! Decks compiled into the binary, so the app works from any folder.

/// (name, article text)
pub const DECKS: &[(&str, &str)] = &[(
    "open-skies-2021",
    include_str!("../../decks/open-skies-2021.txt"),
)];

/// The built-in deck's name everywhere (CLI, store, GUI).
pub const DEFAULT_DECK: &str = "open-skies-2021";

pub fn get(name: &str) -> Option<&'static str> {
    DECKS.iter().find(|(n, _)| *n == name).map(|(_, t)| *t)
}
