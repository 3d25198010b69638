//! The case at a glance (the home screen 概览): its title and number, what is
//! in it, the last check run and its open findings by rule, the allegations
//! with their verdicts, the links — and which step of the work comes next.

use crate::domain::{AllegationStatus, Fen};
use crate::error::Result;
use crate::store::overview::{self as stored, AllegationCount, DocCount, Head, RoleCount};
use crate::store::Case;

/// The steps of a case, in the order the work goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Step {
    Import,
    Check,
    Review,
    Link,
    Export,
}

impl Step {
    pub const ALL: [Step; 5] = [
        Step::Import,
        Step::Check,
        Step::Review,
        Step::Link,
        Step::Export,
    ];

    /// Its catalogue word: `import`, `check`, `review`, `link`, `export`.
    pub fn key(self) -> &'static str {
        match self {
            Step::Import => "import",
            Step::Check => "check",
            Step::Review => "review",
            Step::Link => "link",
            Step::Export => "export",
        }
    }
}

/// One rule of the last run: its title in the UI language and its findings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuleLine {
    pub rule: String,
    pub title: String,
    pub findings: i64,
    /// Not reviewed yet.
    pub open: i64,
    pub confirmed: i64,
    pub dismissed: i64,
    pub open_amount: Option<Fen>,
}

/// The last check run and its findings by rule (most open first).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RunLine {
    pub id: i64,
    pub started: String,
    /// Something was imported after it.
    pub stale: bool,
    pub rules: Vec<RuleLine>,
}

impl RunLine {
    pub fn findings(&self) -> i64 {
        self.rules.iter().map(|r| r.findings).sum()
    }

    pub fn open(&self) -> i64 {
        self.rules.iter().map(|r| r.open).sum()
    }

    pub fn confirmed(&self) -> i64 {
        self.rules.iter().map(|r| r.confirmed).sum()
    }

    pub fn dismissed(&self) -> i64 {
        self.rules.iter().map(|r| r.dismissed).sum()
    }
}

/// One allegation as the overview lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AllegationLine {
    pub id: i64,
    pub title: String,
    pub status: AllegationStatus,
    pub evidence: i64,
    pub amount: Option<Fen>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Overview {
    pub title: String,
    pub case_no: Option<String>,
    pub officer: Option<String>,
    pub as_of: String,
    pub documents: Vec<DocCount>,
    /// By role, the most rows first.
    pub ledgers: Vec<RoleCount>,
    pub run: Option<RunLine>,
    pub allegations: Vec<AllegationLine>,
    /// Links between two items other than evidence of an allegation.
    pub cross_links: i64,
    /// The clue register: clues, deadlines overdue, deadlines due soon.
    pub register: (u32, u32, u32),
    /// Watched terms with new hits (新命中) not yet reported, and how many.
    pub watch: Vec<(String, i64)>,
}

impl Overview {
    pub fn document_count(&self) -> i64 {
        self.documents.iter().map(|d| d.count).sum()
    }

    pub fn ledger_count(&self) -> i64 {
        self.ledgers.iter().map(|l| l.ledgers).sum()
    }

    pub fn row_count(&self) -> i64 {
        self.ledgers.iter().map(|l| l.rows).sum()
    }

    /// Evidence linked to the allegations.
    pub fn evidence_count(&self) -> i64 {
        self.allegations.iter().map(|a| a.evidence).sum()
    }

    /// The allegations of each verdict that has any, in the verdicts' order.
    pub fn verdicts(&self) -> Vec<(AllegationStatus, usize)> {
        AllegationStatus::ALL
            .into_iter()
            .map(|s| (s, self.allegations.iter().filter(|a| a.status == s).count()))
            .filter(|(_, n)| *n > 0)
            .collect()
    }

    /// The first step not done: nothing imported → import; never checked, or
    /// imported since → check; findings not reviewed → review; no allegation,
    /// or one without evidence or still pending → link; else export.
    pub fn next_step(&self) -> Step {
        if self.document_count() == 0 && self.ledger_count() == 0 {
            return Step::Import;
        }
        match &self.run {
            None => return Step::Check,
            Some(r) if r.stale => return Step::Check,
            Some(r) if r.open() > 0 => return Step::Review,
            Some(_) => {}
        }
        let unfinished = self
            .allegations
            .iter()
            .any(|a| a.evidence == 0 || a.status == AllegationStatus::Pending);
        if self.allegations.is_empty() || unfinished {
            return Step::Link;
        }
        Step::Export
    }
}

/// Gathers the overview of `case` (rule titles in the UI language).
pub fn overview(case: &Case) -> Result<Overview> {
    let Head {
        title,
        case_no,
        officer,
        as_of,
    } = stored::head(case)?;
    let run = match stored::last_run(case)? {
        Some(r) => {
            let (catalogue, _) = crate::checks::load_rules(Some(case));
            let mut rules: Vec<RuleLine> = stored::findings_by_rule(case, r.id)?
                .into_iter()
                .map(|f| RuleLine {
                    title: catalogue
                        .iter()
                        .find(|c| c.id == f.rule)
                        .map(|c| c.title().to_string())
                        .unwrap_or_else(|| f.rule.clone()),
                    open: f.findings - f.confirmed - f.dismissed,
                    rule: f.rule,
                    findings: f.findings,
                    confirmed: f.confirmed,
                    dismissed: f.dismissed,
                    open_amount: f.open_amount,
                })
                .collect();
            // Most open first; ties in the catalogue's order.
            let order = |id: &str| {
                catalogue
                    .iter()
                    .position(|c| c.id == id)
                    .unwrap_or(usize::MAX)
            };
            rules.sort_by(|a, b| {
                b.open
                    .cmp(&a.open)
                    .then_with(|| order(&a.rule).cmp(&order(&b.rule)))
            });
            Some(RunLine {
                id: r.id,
                started: r.started,
                stale: r.stale,
                rules,
            })
        }
        None => None,
    };
    let allegations = stored::allegations(case)?
        .into_iter()
        .map(|a: AllegationCount| AllegationLine {
            id: a.id,
            title: a.title,
            status: AllegationStatus::from_stored(&a.status),
            evidence: a.evidence,
            amount: a.amount,
        })
        .collect();
    Ok(Overview {
        title,
        case_no,
        officer,
        as_of,
        documents: stored::documents(case)?,
        ledgers: stored::ledgers_by_role(case)?,
        run,
        allegations,
        cross_links: stored::cross_links(case)?,
        register: stored::register_counts(case)?,
        watch: crate::store::watch::list(case)?
            .into_iter()
            .filter(|t| t.new > 0)
            .map(|t| (t.term, t.new))
            .collect(),
    })
}
