//! `hecha demo`: the built-in sample township as a case, then the workbench.

use std::io::IsTerminal;

use clap::Args;
use hecha::ingest::Status;

use super::case::print_info;
use super::import::print_reports;
use super::workbench::open_tui;
use crate::cli::error::Result;
use crate::cli::output::emit;
use crate::cli::progress::with_progress;
use crate::cli::EXIT_FAILED;

#[derive(Args)]
pub struct DemoArgs {
    #[arg(long)]
    json: bool,
    /// 只建立并显示概况，不打开工作台 / build and print, do not open the workbench
    #[arg(long = "no-tui")]
    no_tui: bool,
}

pub fn demo(a: DemoArgs, vim: bool) -> Result<i32> {
    let path = hecha::demo::demo_case_path()?;
    let (case, reports) = with_progress(!a.json, |p| hecha::demo::build(&path, p))?;
    let info = case.info()?;
    let v = serde_json::json!({ "case": info, "imports": reports });
    emit(a.json, &v, |_| {
        print_reports(&reports);
        println!();
        print_info(&info);
    });
    if !a.json && !a.no_tui && std::io::stdout().is_terminal() && std::io::stdin().is_terminal() {
        return open_tui(case, vim);
    }
    Ok(if reports.iter().any(|r| r.status == Status::Error) {
        EXIT_FAILED
    } else {
        0
    })
}
