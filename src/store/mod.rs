//! The storage layer: the only place with SQL. One file per noun.

pub mod documents;
pub mod ledgers;
pub mod views;
