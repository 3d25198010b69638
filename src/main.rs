//! The `hecha` command line.
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::panic))]

mod cli;

fn main() {
    hecha::error::install_panic_hook();
    std::process::exit(cli::run());
}
