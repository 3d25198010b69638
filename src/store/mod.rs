//! The storage layer (issue 11): the only place with SQL and
//! `duckdb::Connection`. The lead's branch fills this folder; on this branch
//! it holds what the benchmarks need, and (taken unchanged from branch `tui`)
//! the check history and ledger pages the CLI shows too.

pub mod baseline;
pub mod check_history;
pub mod ledger_pages;
