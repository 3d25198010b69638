//! The storage layer: the only place with SQL. (Created by the TUI split for
//! the two readers the workbench needed; the lead's `Case` moves in here.)

pub mod check_history;
pub mod ledger_pages;
