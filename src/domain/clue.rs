//! The clue register's closed vocabularies (问题线索台账): sources,
//! dispositions, stage events, outcomes, sanctions and the four forms.
//! Each value is stored as its English code (language-neutral), accepts the
//! code or the official Chinese term on input, and is shown through the
//! message catalogue (`register.<kind>.<code>`).

use serde::{Serialize, Serializer};

macro_rules! vocabulary {
    ($(#[$meta:meta])* $name:ident, $kind:literal { $($variant:ident = $code:literal [$($zh:literal),+]),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $name {
            $($variant),+
        }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The stored, language-neutral code.
            pub fn code(self) -> &'static str {
                match self {
                    $($name::$variant => $code),+
                }
            }

            /// The official Chinese terms accepted on input (the first is the usual one).
            pub fn terms(self) -> &'static [&'static str] {
                match self {
                    $($name::$variant => &[$($zh),+]),+
                }
            }

            /// The code or a Chinese term back; `None` for anything else.
            pub fn parse(s: &str) -> Option<$name> {
                let s = s.trim();
                $name::ALL.iter().copied().find(|v| {
                    v.code().eq_ignore_ascii_case(s) || v.terms().contains(&s)
                })
            }

            /// The value in the UI language.
            pub fn label(self) -> String {
                crate::tr!(&format!(concat!("register.", $kind, ".{}"), self.code()))
            }

            /// Every accepted code, for error messages.
            pub fn codes() -> String {
                $name::ALL
                    .iter()
                    .map(|v| format!("{} {}", v.code(), v.terms()[0]))
                    .collect::<Vec<_>>()
                    .join("、")
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.code())
            }
        }

        impl Serialize for $name {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.code())
            }
        }
    };
}

vocabulary! {
    /// Where a clue came from (the standard registration form, and ours).
    ClueSource, "source" {
        Report = "report" ["群众举报", "举报", "信访举报"],
        Assigned = "assigned" ["上级交办", "交办"],
        Inspection = "inspection" ["巡视巡察移交", "巡视移交", "巡察移交"],
        SelfFound = "self-found" ["本级发现", "自行发现"],
        Transferred = "transferred" ["有关机关移送", "移送"],
        LowerLevel = "lower-level" ["下级报送", "报送"],
        Confession = "confession" ["本人交代", "主动交代"],
        DataComparison = "data-comparison" ["大数据比对", "数据比对"],
    }
}

vocabulary! {
    /// The four dispositions of art. 17, and transfer to 立案审查调查.
    Disposition, "disposition" {
        Inquiry = "inquiry" ["谈话函询"],
        Verification = "verification" ["初步核实", "初核"],
        Shelved = "shelved" ["暂存待查"],
        Closed = "closed" ["予以了结", "了结"],
        Investigation = "investigation" ["立案审查", "立案审查调查", "审查调查"],
    }
}

vocabulary! {
    /// What happens to a clue, in the order the rules let it happen.
    EventKind, "event" {
        Accepted = "accepted" ["受理"],
        InformantNotified = "informant-notified" ["告知", "受理告知"],
        Disposed = "disposed" ["处置"],
        LetterSent = "letter-sent" ["函询发出", "发函"],
        ReplyReceived = "reply-received" ["函询回复", "回复"],
        Interviewed = "interviewed" ["谈话"],
        VerificationStarted = "verification-started" ["初核开始"],
        Extended = "extended" ["延期"],
        VerificationReported = "verification-reported" ["初核报告"],
        CaseOpened = "case-opened" ["立案"],
        ReviewStarted = "review-started" ["审理"],
        Decided = "decided" ["处分决定", "决定"],
        Concluded = "concluded" ["了结", "办结"],
        InformantFedBack = "informant-fed-back" ["反馈", "结果反馈"],
        Objection = "objection" ["异议"],
        Reopened = "reopened" ["重新启用"],
    }
}

vocabulary! {
    /// How a clue ended: after 谈话函询 / 初核, or after 立案.
    Outcome, "outcome" {
        Cleared = "cleared" ["了结澄清", "澄清"],
        Reminder = "reminder" ["谈话提醒"],
        Criticism = "criticism" ["批评教育"],
        SelfExamination = "self-examination" ["责令检查"],
        Admonition = "admonition" ["诫勉"],
        Organisational = "organisational" ["组织处理"],
        Transferred = "transferred" ["移送"],
        CaseOpened = "case-opened" ["立案"],
        PartySanction = "party-sanction" ["党纪处分"],
        StateSanction = "state-sanction" ["政务处分"],
        Judicial = "judicial" ["移送司法机关"],
    }
}

vocabulary! {
    /// 党纪处分 and 政务处分, each a code of its own (both have a 警告).
    Sanction, "sanction" {
        PartyWarning = "party-warning" ["党内警告", "党纪警告"],
        PartySeriousWarning = "party-serious-warning" ["党内严重警告", "严重警告"],
        PartyPostRemoval = "party-post-removal" ["撤销党内职务"],
        PartyProbation = "party-probation" ["留党察看"],
        PartyExpulsion = "party-expulsion" ["开除党籍"],
        StateWarning = "state-warning" ["政务警告"],
        StateDemerit = "state-demerit" ["记过"],
        StateMajorDemerit = "state-major-demerit" ["记大过"],
        StateDemotion = "state-demotion" ["降级"],
        StateDismissal = "state-dismissal" ["撤职"],
        StateExpulsion = "state-expulsion" ["开除"],
    }
}

impl Outcome {
    /// Outcomes that need a case opened first (党纪处分, 政务处分, 移送司法机关).
    pub fn after_case(self) -> bool {
        matches!(
            self,
            Outcome::PartySanction | Outcome::StateSanction | Outcome::Judicial
        )
    }
}

impl Sanction {
    /// A sanction as typed, read with the outcome it comes with: a bare 警告
    /// is the party's under 党纪处分 and the state's under 政务处分.
    pub fn parse_with(s: &str, outcome: Option<Outcome>) -> Option<Sanction> {
        match (s.trim(), outcome) {
            ("警告", Some(Outcome::StateSanction)) => Some(Sanction::StateWarning),
            ("警告", _) => Some(Sanction::PartyWarning),
            (other, _) => Sanction::parse(other),
        }
    }

    pub fn is_party(self) -> bool {
        self.code().starts_with("party-")
    }
}

/// The four forms of supervision (四种形态), first to fourth.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct Form(pub u8);

impl Form {
    /// The form an outcome and its sanction fall into; `None` for a clue
    /// cleared or sent elsewhere.
    pub fn of(outcome: Outcome, sanction: Option<Sanction>) -> Option<Form> {
        if outcome == Outcome::Judicial {
            return Some(Form(4));
        }
        if let Some(s) = sanction {
            return Some(Form(match s {
                Sanction::PartyWarning
                | Sanction::PartySeriousWarning
                | Sanction::StateWarning
                | Sanction::StateDemerit
                | Sanction::StateMajorDemerit => 2,
                _ => 3,
            }));
        }
        match outcome {
            Outcome::Reminder
            | Outcome::Criticism
            | Outcome::SelfExamination
            | Outcome::Admonition => Some(Form(1)),
            Outcome::Organisational | Outcome::PartySanction | Outcome::StateSanction => {
                Some(Form(2))
            }
            _ => None,
        }
    }

    /// 第一种形态 … / first form …
    pub fn label(self) -> String {
        crate::tr!(&format!("register.form.{}", self.0))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_and_chinese_terms_read_back() {
        for d in Disposition::ALL {
            assert_eq!(Disposition::parse(d.code()), Some(*d));
            assert_eq!(Disposition::parse(d.terms()[0]), Some(*d));
        }
        for e in EventKind::ALL {
            assert_eq!(EventKind::parse(e.code()), Some(*e));
        }
        assert_eq!(ClueSource::parse("巡察移交"), Some(ClueSource::Inspection));
        assert_eq!(Disposition::parse("初核"), Some(Disposition::Verification));
        assert_eq!(Disposition::parse("也许"), None);
        assert_eq!(
            Sanction::parse_with("警告", Some(Outcome::StateSanction)),
            Some(Sanction::StateWarning)
        );
        assert_eq!(
            Sanction::parse_with("警告", Some(Outcome::PartySanction)),
            Some(Sanction::PartyWarning)
        );
    }

    #[test]
    fn every_outcome_falls_into_its_form() {
        assert_eq!(Form::of(Outcome::Reminder, None), Some(Form(1)));
        assert_eq!(Form::of(Outcome::Admonition, None), Some(Form(1)));
        assert_eq!(Form::of(Outcome::Organisational, None), Some(Form(2)));
        assert_eq!(
            Form::of(Outcome::PartySanction, Some(Sanction::PartySeriousWarning)),
            Some(Form(2))
        );
        assert_eq!(
            Form::of(Outcome::PartySanction, Some(Sanction::PartyProbation)),
            Some(Form(3))
        );
        assert_eq!(
            Form::of(Outcome::StateSanction, Some(Sanction::StateDismissal)),
            Some(Form(3))
        );
        assert_eq!(
            Form::of(Outcome::Judicial, Some(Sanction::PartyExpulsion)),
            Some(Form(4))
        );
        assert_eq!(Form::of(Outcome::Cleared, None), None);
    }
}
