use std::process::ExitCode;

use clap::Parser;
use treatydeck::cli::{Cli, run};

fn main() -> ExitCode {
    let cli = Cli::parse();
    let stdin = std::io::stdin();
    let mut input = stdin.lock();
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    match run(cli, &mut input, &mut out) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("treatydeck: error: {e}");
            ExitCode::from(2)
        }
    }
}
