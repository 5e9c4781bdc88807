//! One integration-test binary (as ripgrep does): shared helpers in `util`,
//! the scorer port in `score`, and one module per area.

mod cli;
mod generator;
mod gui;
mod gui_browse;
mod gui_stats;
mod interop;
mod props;
mod score;
mod study;
mod util;
