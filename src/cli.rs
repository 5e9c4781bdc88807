//! Command-line front end.

use std::io::Write;
use std::path::PathBuf;

use clap::{Parser, Subcommand};

use crate::core::{self, FactKind, Generated, builtin};
use crate::store;

#[derive(Debug, Parser)]
#[command(
    name = "treatydeck",
    version,
    about = "Turn arms-control articles into spaced-repetition quiz cards"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Generate quiz cards from an article (.txt or .md) and print them.
    Generate {
        /// Article file, or the name of a built-in deck (open-skies-2021).
        article: String,
        /// Print the card JSON contract instead of readable text.
        #[arg(long)]
        json: bool,
    },
}

/// An error for the user: one line on stderr, non-zero exit.
#[derive(Debug)]
pub struct CliError(pub String);

impl std::fmt::Display for CliError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// Load an article: a file path, or a built-in deck name.
pub fn load_article(arg: &str) -> Result<String, CliError> {
    let path = PathBuf::from(arg);
    match store::read_article(&path) {
        Ok(t) => Ok(t),
        Err(store::ArticleError::NotFound(_)) if builtin::get(arg).is_some() => {
            Ok(builtin::get(arg).unwrap_or_default().to_string())
        }
        Err(e) => Err(CliError(e.to_string())),
    }
}

pub fn run(cli: Cli, out: &mut dyn Write) -> Result<(), CliError> {
    match cli.command {
        Some(Command::Generate { article, json }) => {
            let text = load_article(&article)?;
            let deck = core::generate(&text).map_err(|e| CliError(format!("'{article}': {e}")))?;
            let res = if json {
                serde_json::to_writer_pretty(&mut *out, &deck)
                    .map_err(std::io::Error::other)
                    .and_then(|_| writeln!(out))
            } else {
                write_readable(&deck, out)
            };
            // A closed pipe (`| head`) is not an error worth a message.
            match res {
                Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
                    Err(CliError(format!("cannot write output: {e}")))
                }
                _ => Ok(()),
            }
        }
        None => Err(CliError(
            "no command given; try `treatydeck generate open-skies-2021` or `treatydeck --help`"
                .into(),
        )),
    }
}

fn write_readable(deck: &Generated, out: &mut dyn Write) -> std::io::Result<()> {
    writeln!(out, "{}", deck.deck.title)?;
    let reference = deck
        .deck
        .reference_date
        .as_deref()
        .map(|d| format!(", reference date {d}"))
        .unwrap_or_default();
    writeln!(
        out,
        "{} cards from {} sentences{reference}",
        deck.cards.len(),
        deck.deck.sentences
    )?;
    for kind in FactKind::ALL {
        let cards: Vec<_> = deck.cards.iter().filter(|c| c.kind == kind).collect();
        if cards.is_empty() {
            continue;
        }
        writeln!(out, "\n== {} ({})", kind.as_str(), cards.len())?;
        for c in cards {
            writeln!(out, "Q: {}", c.question)?;
            let mut a = format!("A: {}", c.answer);
            if let Some(d) = &c.resolved_date
                && c.inferred
            {
                a.push_str(&format!("  [{d}, inferred]"));
            }
            if !c.accept.is_empty() {
                a.push_str(&format!("  (also: {})", c.accept.join("; ")));
            }
            writeln!(out, "{a}")?;
            if let Some(ch) = &c.choices {
                writeln!(out, "   choices: {}", ch.join(" | "))?;
            }
        }
    }
    Ok(())
}
