//! The storage layer (issue 11): the only place with SQL and
//! `duckdb::Connection`. The lead's branch fills this folder; on this branch
//! it holds only what the benchmarks need.

pub mod baseline;
