use std::process::ExitCode;

use clap::Parser;
use treatydeck::cli::{Cli, open_store, run};
use treatydeck::gui;

/// Card generation allocates many small strings: mimalloc serves them
/// faster than the system allocator (see BENCHMARKS.md).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = Cli::parse();
    if cli.command.is_none() {
        return desktop(cli);
    }
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

/// No subcommand: open the desktop app, or say in one line why not.
fn desktop(cli: Cli) -> ExitCode {
    if !gui::display_available() {
        eprintln!("{}", gui::NO_DISPLAY);
        return ExitCode::from(2);
    }
    let store = match open_store(cli.data_dir) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("treatydeck: error: {e}");
            return ExitCode::from(2);
        }
    };
    // A window system that is there but fails (a missing library, a
    // refused connection) can panic deep inside; report it as one line.
    std::panic::set_hook(Box::new(|_| {}));
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| gui::run(store)));
    let _ = std::panic::take_hook();
    let reason = match result {
        Ok(Ok(())) => return ExitCode::SUCCESS,
        Ok(Err(e)) => e,
        Err(panic) => panic
            .downcast_ref::<String>()
            .cloned()
            .or_else(|| panic.downcast_ref::<&str>().map(|s| s.to_string()))
            .unwrap_or_else(|| "the window system failed".into()),
    };
    eprintln!("{} ({reason})", gui::NO_DISPLAY);
    ExitCode::from(2)
}
