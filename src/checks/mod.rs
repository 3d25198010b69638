//! The cross-check engine: loads rules, runs them over the role views, stores
//! each run with stable finding identities, and keeps review decisions.

mod catalog;
pub mod documents;
mod engine;
mod error;
pub mod outcome;
mod render;
mod review;
pub mod rule;
pub mod similar;

pub use catalog::{load_dir, load_rules, user_rules_dir};
pub use engine::{empty_run, run, run_with, RunReport};
pub use error::ChecksError;
pub use render::finding_id;
pub use review::{
    add_case_rule, add_program, latest_findings, latest_findings_page, programs, review, villages,
    ProgramRow,
};
pub use rule::{Param, ParamType, Rule, RuleError};

pub use crate::domain::{Evidence, Finding, FindingChange, Review, RuleRun, Subject};
use crate::normalise::Ymd;

/// What to run.
#[derive(Debug, Clone, Default)]
pub struct RunOptions {
    /// Rule ids; empty = all.
    pub rules: Vec<String>,
    /// `(rule, param, value)` overrides.
    pub sets: Vec<(String, String, String)>,
    pub as_of: Option<Ymd>,
}
