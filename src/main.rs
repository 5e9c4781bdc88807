use std::process::ExitCode;

use clap::Parser;
use treatydeck::cli::{Cli, run};

fn main() -> ExitCode {
    let cli = Cli::parse();
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    match run(cli, &mut out) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("treatydeck: error: {e}");
            ExitCode::from(2)
        }
    }
}
