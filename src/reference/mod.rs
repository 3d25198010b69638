//! Reference data shipped with hecha, embedded in the binary: the subsidy
//! program table and the State Council holiday calendar. The storage layer
//! copies them into each case (`store::reference`).

pub mod calendar;
pub mod holidays;
pub mod programs;
