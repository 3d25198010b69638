//! What the home screen (概览) reads in one look at a case: its own fields,
//! what was imported, the last check run with its findings by rule and their
//! reviews, the allegations with their evidence, and the links.

use super::Case;
use crate::domain::Fen;
use crate::error::Result;

/// The case's own fields.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Head {
    pub title: String,
    pub case_no: Option<String>,
    pub officer: Option<String>,
    pub as_of: String,
}

/// Documents of one kind.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocCount {
    pub kind: String,
    pub count: i64,
}

/// The ledgers of one role and their rows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RoleCount {
    pub role: String,
    pub ledgers: i64,
    pub rows: i64,
}

/// The newest check run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Run {
    pub id: i64,
    /// `YYYY-MM-DD HH:MM`.
    pub started: String,
    /// Something the checks read was imported or added after it (by the
    /// audit log's order, not the clock: both can fall in one second).
    pub stale: bool,
}

/// One rule's findings in its latest successful run, by review state.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuleFindings {
    pub rule: String,
    pub findings: i64,
    pub confirmed: i64,
    pub dismissed: i64,
    /// The amount of the findings not yet reviewed.
    pub open_amount: Option<Fen>,
}

/// One allegation with its verdict and how much evidence is linked to it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AllegationCount {
    pub id: i64,
    pub title: String,
    /// The stored verdict (待核查, 属实 …).
    pub status: String,
    pub evidence: i64,
    pub amount: Option<Fen>,
}

pub fn head(case: &Case) -> Result<Head> {
    Ok(case.conn().query_row(
        "SELECT title, case_no, officer, CAST(as_of AS VARCHAR) FROM case_info LIMIT 1",
        [],
        |r| {
            Ok(Head {
                title: r.get(0)?,
                case_no: r.get(1)?,
                officer: r.get(2)?,
                as_of: r.get(3)?,
            })
        },
    )?)
}

/// Every document kind with its count (kinds without documents too).
pub fn documents(case: &Case) -> Result<Vec<DocCount>> {
    let mut st = case.conn().prepare(
        "SELECT k.kind, count(d.id) FROM (VALUES ('letter'), ('transcript')) k(kind) \
         LEFT JOIN documents d ON d.kind = k.kind GROUP BY k.kind ORDER BY k.kind",
    )?;
    let out = st
        .query_map([], |r| {
            Ok(DocCount {
                kind: r.get(0)?,
                count: r.get(1)?,
            })
        })?
        .collect::<duckdb::Result<_>>()?;
    Ok(out)
}

/// The roles that have ledgers, the most rows first.
pub fn ledgers_by_role(case: &Case) -> Result<Vec<RoleCount>> {
    let mut st = case.conn().prepare(
        "SELECT role, count(*), CAST(coalesce(sum(row_count), 0) AS BIGINT) FROM ledgers \
         GROUP BY role ORDER BY 3 DESC, role",
    )?;
    let out = st
        .query_map([], |r| {
            Ok(RoleCount {
                role: r.get(0)?,
                ledgers: r.get(1)?,
                rows: r.get(2)?,
            })
        })?
        .collect::<duckdb::Result<_>>()?;
    Ok(out)
}

/// The newest check run, and whether anything the checks read was imported
/// or added after it.
pub fn last_run(case: &Case) -> Result<Option<Run>> {
    let mut st = case.conn().prepare(
        "SELECT r.id, strftime(r.started_at, '%Y-%m-%d %H:%M'), \
         coalesce((SELECT max(seq) FROM audit_log WHERE action LIKE 'import.%' \
         OR action IN ('program.add', 'rule.add')) \
         > (SELECT max(seq) FROM audit_log WHERE action = 'checks.run'), false) \
         FROM check_runs r ORDER BY r.id DESC LIMIT 1",
    )?;
    let mut rows = st.query_map([], |r| {
        Ok(Run {
            id: r.get(0)?,
            started: r.get(1)?,
            stale: r.get(2)?,
        })
    })?;
    Ok(rows.next().transpose()?)
}

/// Each rule's findings in its latest successful run up to run `run`, with
/// their reviews counted (rules without findings left out).
pub fn findings_by_rule(case: &Case, run: i64) -> Result<Vec<RuleFindings>> {
    let mut st = case.conn().prepare(
        "SELECT f.rule, count(*), count(*) FILTER (WHERE v.status = 'confirmed'), \
         count(*) FILTER (WHERE v.status = 'dismissed'), \
         CAST(sum(f.amount) FILTER (WHERE v.status IS NULL) AS VARCHAR) \
         FROM findings f JOIN (SELECT rule AS r, max(run_id) AS latest FROM check_run_rules \
         WHERE skipped IS NULL AND error IS NULL AND run_id <= ? GROUP BY rule) l \
         ON f.rule = l.r AND f.run_id = l.latest \
         LEFT JOIN reviews v ON v.finding_id = f.id GROUP BY f.rule ORDER BY f.rule",
    )?;
    let out = st
        .query_map([run], |r| {
            Ok(RuleFindings {
                rule: r.get(0)?,
                findings: r.get(1)?,
                confirmed: r.get(2)?,
                dismissed: r.get(3)?,
                open_amount: r
                    .get::<_, Option<String>>(4)?
                    .and_then(|a| Fen::from_decimal_text(&a)),
            })
        })?
        .collect::<duckdb::Result<_>>()?;
    Ok(out)
}

/// Every allegation with its verdict and its linked evidence (removed links
/// left out), by id.
pub fn allegations(case: &Case) -> Result<Vec<AllegationCount>> {
    let mut st = case.conn().prepare(
        "SELECT a.id, a.title, a.status, count(l.id), CAST(a.amount AS VARCHAR) FROM allegations a \
         LEFT JOIN links l ON l.allegation_id = a.id AND l.removed_at IS NULL \
         GROUP BY ALL ORDER BY a.id",
    )?;
    let out = st
        .query_map([], |r| {
            Ok(AllegationCount {
                id: r.get(0)?,
                title: r.get(1)?,
                status: r.get(2)?,
                evidence: r.get(3)?,
                amount: r
                    .get::<_, Option<String>>(4)?
                    .and_then(|a| Fen::from_decimal_text(&a)),
            })
        })?
        .collect::<duckdb::Result<_>>()?;
    Ok(out)
}

/// The clue register on the case's as-of date: clues, and their stored
/// deadlines overdue and due soon (as the clue-deadline rule counts them).
pub fn register_counts(case: &Case) -> Result<(u32, u32, u32)> {
    Ok(case.conn().query_row(
        "SELECT CAST((SELECT count(*) FROM clues) AS UINTEGER), \
         CAST(count(*) FILTER (WHERE d.due < i.as_of) AS UINTEGER), \
         CAST(count(*) FILTER (WHERE d.due >= i.as_of AND d.soon_from <= i.as_of) AS UINTEGER) \
         FROM clue_deadlines d CROSS JOIN (SELECT as_of FROM case_info LIMIT 1) i \
         WHERE d.done_on IS NULL AND d.start <= i.as_of",
        [],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
    )?)
}

/// Links between two items other than evidence of an allegation (not removed).
pub fn cross_links(case: &Case) -> Result<i64> {
    Ok(case.conn().query_row(
        "SELECT count(*) FROM item_links WHERE removed_at IS NULL",
        [],
        |r| r.get(0),
    )?)
}
