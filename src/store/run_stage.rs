//! A check run's findings on their way into the case. They are appended in
//! batches, as each rule's rows stream out of DuckDB, to a table of an
//! in-memory database attached for the run (DuckDB spills it to the case's
//! temp directory when it outgrows the memory limit); compared with the
//! previous run of their rule in SQL; and moved into `findings` by the run's
//! one change ([`super::runs::store_run`]). Memory stays that of a batch,
//! whatever the number of findings.

use std::collections::HashMap;
use std::sync::Arc;

use duckdb::arrow::array::{ArrayRef, Decimal128Array, StringArray};
use duckdb::arrow::datatypes::{DataType, Field, Schema};
use duckdb::arrow::record_batch::RecordBatch;
use duckdb::{Connection, OptionalExt};

use super::Case;
use crate::domain::{Fen, Finding};
use crate::error::Result;

/// The attached database the findings wait in.
pub(super) const STAGE: &str = "hecha_stage";

/// A rule's part of the comparison with its previous successful run.
#[derive(Debug, Default, Clone)]
pub struct Compared {
    pub findings: usize,
    pub amount: Option<Fen>,
    pub new: usize,
    pub changed: usize,
    /// Finding ids of the previous run that this one no longer has.
    pub gone: Vec<String>,
}

/// The staged findings of one run. Dropping it discards them.
pub struct Stage {
    /// Its own connection: the rule's rows stream on the case's.
    conn: Connection,
}

/// The previous successful run's findings of every rule.
const PREVIOUS: &str = "SELECT f.rule, f.id, f.amount, f.evidence, f.detail FROM findings f \
     JOIN (SELECT rule, max(run_id) AS run_id FROM check_run_rules \
           WHERE skipped IS NULL AND error IS NULL GROUP BY rule) l \
     ON f.rule = l.rule AND f.run_id = l.run_id";

impl Stage {
    /// An empty stage for a new run.
    pub fn begin(case: &Case) -> Result<Stage> {
        let conn = case.second_connection()?;
        conn.execute_batch(&format!(
            "ATTACH IF NOT EXISTS ':memory:' AS {STAGE};
             CREATE OR REPLACE TABLE {STAGE}.findings (
                 id VARCHAR NOT NULL, rule VARCHAR NOT NULL, subject_kind VARCHAR NOT NULL,
                 subject_key VARCHAR NOT NULL, scope VARCHAR NOT NULL, name VARCHAR,
                 amount DECIMAL(18,2), evidence VARCHAR NOT NULL, detail VARCHAR NOT NULL,
                 text VARCHAR NOT NULL, change VARCHAR NOT NULL);
             CREATE OR REPLACE TABLE {STAGE}.ran (rule VARCHAR NOT NULL);"
        ))?;
        Ok(Stage { conn })
    }

    /// Appends a batch of findings (as new: [`Stage::compare`] decides).
    pub fn append(&self, fs: &[Finding]) -> Result<()> {
        if fs.is_empty() {
            return Ok(());
        }
        let text = |f: &dyn Fn(&Finding) -> String| -> ArrayRef {
            Arc::new(StringArray::from_iter_values(fs.iter().map(f)))
        };
        let amounts =
            Decimal128Array::from_iter(fs.iter().map(|f| f.amount.map(|a| a.fen() as i128)))
                .with_precision_and_scale(18, 2)
                .map_err(|e| duckdb::Error::ToSqlConversionFailure(Box::new(e)))?;
        let columns: Vec<ArrayRef> = vec![
            text(&|f| f.id.clone()),
            text(&|f| f.rule.clone()),
            text(&|f| f.subject.kind.clone()),
            text(&|f| f.subject.key.clone()),
            text(&|f| f.scope.clone()),
            text(&|f| f.name.clone()),
            Arc::new(amounts),
            text(&|f| serde_json::to_string(&f.evidence).unwrap_or_default()),
            text(&|f| serde_json::to_string(&f.detail).unwrap_or_default()),
            text(&|f| f.text.clone()),
            text(&|_| "new".to_string()),
        ];
        let utf8 = |n: &str| Field::new(n, DataType::Utf8, false);
        let schema = Schema::new(vec![
            utf8("id"),
            utf8("rule"),
            utf8("subject_kind"),
            utf8("subject_key"),
            utf8("scope"),
            utf8("name"),
            Field::new("amount", DataType::Decimal128(18, 2), true),
            utf8("evidence"),
            utf8("detail"),
            utf8("text"),
            utf8("change"),
        ]);
        let batch = RecordBatch::try_new(Arc::new(schema), columns)
            .map_err(|e| duckdb::Error::ToSqlConversionFailure(Box::new(e)))?;
        let mut st = self.conn.prepare_cached(&format!(
            "INSERT INTO {STAGE}.findings SELECT * FROM {}(?)",
            super::ARROW_SCAN
        ))?;
        st.execute([&duckdb::vtab::arrow::ArrowBatchRegistration::new(batch)])?;
        Ok(())
    }

    /// Line `line` (1-based) of document `id`'s text, for a finding's
    /// evidence while the rule's rows stream on the case's connection.
    pub fn document_line(&self, id: i64, line: u32) -> Result<Option<String>> {
        let v: Option<Option<String>> = self
            .conn
            .prepare_cached("SELECT string_split(text, chr(10))[?] FROM documents WHERE id = ?")?
            .query_row(duckdb::params![line as i64, id], |r| r.get(0))
            .optional()?;
        Ok(v.flatten())
    }

    /// Drops what a rule staged (its SQL failed half-way).
    pub fn discard(&self, rule: &str) -> Result<()> {
        self.conn.execute(
            &format!("DELETE FROM {STAGE}.findings WHERE rule = ?"),
            [rule],
        )?;
        Ok(())
    }

    /// Notes that `rule` ran to the end (its findings, even none, count).
    pub fn ran(&self, rule: &str) -> Result<()> {
        self.conn
            .execute(&format!("INSERT INTO {STAGE}.ran VALUES (?)"), [rule])?;
        Ok(())
    }

    /// Marks each staged finding new, changed or same against the previous
    /// successful run of its rule (amount, evidence and detail compared), and
    /// gives each rule that ran its counts and the findings gone.
    pub fn compare(&self) -> Result<HashMap<String, Compared>> {
        self.conn.execute_batch(&format!(
            "UPDATE {STAGE}.findings AS s SET change = CASE WHEN s.amount IS NOT DISTINCT FROM p.amount \
             AND s.evidence = p.evidence AND s.detail = p.detail THEN 'same' ELSE 'changed' END \
             FROM ({PREVIOUS}) AS p WHERE p.rule = s.rule AND p.id = s.id"
        ))?;
        let mut out: HashMap<String, Compared> = HashMap::new();
        let mut st = self
            .conn
            .prepare(&format!("SELECT rule FROM {STAGE}.ran"))?;
        for r in st.query_map([], |r| r.get::<_, String>(0))? {
            out.entry(r?).or_default();
        }
        let mut st = self.conn.prepare(&format!(
            "SELECT rule, count(*), CAST(sum(amount) AS VARCHAR), \
             count(*) FILTER (WHERE change = 'new'), count(*) FILTER (WHERE change = 'changed') \
             FROM {STAGE}.findings GROUP BY rule"
        ))?;
        let rows = st.query_map([], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, i64>(1)?,
                r.get::<_, Option<String>>(2)?,
                r.get::<_, i64>(3)?,
                r.get::<_, i64>(4)?,
            ))
        })?;
        for row in rows {
            let (rule, n, amount, new, changed) = row?;
            let c = out.entry(rule).or_default();
            c.findings = n as usize;
            c.amount = amount.and_then(|a| Fen::from_decimal_text(&a));
            c.new = new as usize;
            c.changed = changed as usize;
        }
        let mut st = self.conn.prepare(&format!(
            "SELECT p.rule, p.id FROM ({PREVIOUS}) p JOIN {STAGE}.ran r ON r.rule = p.rule \
             WHERE NOT EXISTS (SELECT 1 FROM {STAGE}.findings s WHERE s.rule = p.rule AND s.id = p.id) \
             ORDER BY p.rule, p.id"
        ))?;
        for row in st.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))? {
            let (rule, id) = row?;
            out.entry(rule).or_default().gone.push(id);
        }
        Ok(out)
    }
}

impl Drop for Stage {
    fn drop(&mut self) {
        let _ = self.conn.execute_batch(&format!(
            "DROP TABLE IF EXISTS {STAGE}.findings; DROP TABLE IF EXISTS {STAGE}.ran"
        ));
    }
}
