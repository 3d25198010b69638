//! What the check engine refuses, one variant per failure.

use crate::error::Msg;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ChecksError {
    #[error("{}", self.msg())]
    UnknownRule { id: String },
    #[error("{}", self.msg())]
    UnknownParam { rule: String, param: String },
    #[error("{}", self.msg())]
    BadParam {
        rule: String,
        param: String,
        detail: String,
    },
    /// The run was cancelled; nothing was stored.
    #[error("{}", self.msg())]
    Cancelled,
    /// A review decision that is neither confirm nor dismiss.
    #[error("{}", self.msg())]
    BadDecision { value: String },
    #[error("{}", self.msg())]
    ReasonRequired,
    #[error("{}", self.msg())]
    UnknownFinding { id: String },
    #[error("{}", self.msg())]
    ProgramNameRequired,
    /// A rule file that does not parse.
    #[error("{}", self.msg())]
    RuleBroken { detail: String },
}

impl ChecksError {
    /// The failure as a catalogue message.
    pub fn msg(&self) -> Msg {
        use ChecksError::*;
        match self {
            UnknownRule { id } => Msg::new("checks.unknown_rule").arg("id", id),
            UnknownParam { rule, param } => Msg::new("checks.unknown_param")
                .arg("rule", rule)
                .arg("param", param),
            BadParam {
                rule,
                param,
                detail,
            } => Msg::new("checks.bad_param")
                .arg("rule", rule)
                .arg("param", param)
                .arg("detail", detail),
            Cancelled => Msg::new("checks.cancelled"),
            BadDecision { value } => Msg::new("checks.bad_status").arg("value", value),
            ReasonRequired => Msg::new("checks.reason_required"),
            UnknownFinding { id } => Msg::new("checks.unknown_finding").arg("id", id),
            ProgramNameRequired => Msg::new("checks.program_name_required"),
            RuleBroken { detail } => Msg::new("checks.rule_broken").arg("detail", detail),
        }
    }
}
