//! The `hecha` command line.

mod cli;

fn main() {
    hecha::error::install_panic_hook();
    std::process::exit(cli::run());
}
