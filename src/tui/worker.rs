//! The worker thread: owns the case (one DuckDB connection) and the search
//! index; the UI sends requests and receives replies and progress events, so
//! the UI thread never blocks on I/O.

use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, Sender};
use std::sync::Arc;

use crate::audit::{Entry, Verification};
use crate::case::{Case, LedgerInfo};
use crate::casework::{self, Allegation, Item, NotesByItem, PersonView};
use crate::checks::{self, Finding, RuleRun, RunOptions};
use crate::ingest::{self, FileReport, ImportOptions};
use crate::search::{SearchIndex, SearchResult};

pub enum Request {
    Search {
        gen: u64,
        query: String,
        limit: usize,
    },
    LoadChecks,
    RunChecks {
        cancel: Arc<AtomicBool>,
        rules: Vec<String>,
    },
    Review {
        id: String,
        status: String,
        reason: String,
    },
    LoadLedgers,
    LedgerPage {
        gen: u64,
        ledger: String,
        table: String,
        offset: usize,
        limit: usize,
        sort: Option<(String, bool)>,
        filter: String,
        normalised: bool,
    },
    Import {
        paths: Vec<PathBuf>,
        cancel: Arc<AtomicBool>,
    },
    /// Allegations with their catalogues, and every note.
    LoadCase,
    // Case changes: each answers `Changed`, then `Case`.
    Allege {
        title: String,
    },
    SetStatus {
        id: i64,
        status: String,
        reason: String,
        /// The amount involved (违纪金额), when given.
        amount: Option<String>,
    },
    Note {
        on: String,
        text: String,
    },
    Link {
        allegation: i64,
        item: Item,
        relation: String,
    },
    Unlink {
        link: i64,
    },
    Person {
        id: String,
    },
    /// The audit log and a fresh verification.
    LoadAudit,
    /// The Markdown of the case summary with these options.
    Preview {
        gen: u64,
        opts: crate::export::Options,
    },
    /// Writes the case summary; answers `Changed` with the path.
    Export {
        opts: crate::export::Options,
        format: crate::export::Format,
        path: PathBuf,
    },
}

/// One ledger page: column names and rows as text.
#[derive(Debug, Clone, Default)]
pub struct LedgerPage {
    pub columns: Vec<String>,
    pub rows: Vec<Vec<String>>,
    pub total: usize,
    pub offset: usize,
    pub mapping: String,
}

pub enum Reply {
    Progress {
        label: String,
        done: u64,
        total: u64,
    },
    Search {
        gen: u64,
        result: Result<SearchResult, String>,
    },
    Checks {
        rules: Vec<RuleRun>,
        findings: Vec<Finding>,
        last_run: Option<(i64, String)>,
    },
    RunDone(Result<(), String>),
    Reviewed(Result<(), String>),
    Ledgers(Vec<LedgerInfo>),
    Page {
        gen: u64,
        page: Result<LedgerPage, String>,
    },
    Imported(Vec<FileReport>),
    Case {
        allegations: Vec<Allegation>,
        notes: NotesByItem,
    },
    /// The outcome of a case change, as a message for the status line.
    Changed(Result<String, String>),
    Person(Result<PersonView, String>),
    Audit {
        entries: Vec<Entry>,
        verification: Result<Verification, String>,
    },
    Preview {
        gen: u64,
        markdown: Result<String, String>,
    },
    Error(String),
    /// A stale search that was dropped for a newer one.
    Skipped,
}

pub struct Worker {
    case: Case,
    index: Option<SearchIndex>,
    tx: Sender<Reply>,
}

impl Worker {
    pub fn spawn(
        case: Case,
        rx: Receiver<Request>,
        tx: Sender<Reply>,
    ) -> std::thread::JoinHandle<()> {
        std::thread::spawn(move || {
            let mut w = Worker {
                case,
                index: None,
                tx,
            };
            // Newest search wins: skip stale queued searches.
            while let Ok(mut req) = rx.recv() {
                while let Request::Search { .. } = req {
                    match rx.try_recv() {
                        Ok(next @ Request::Search { .. }) => {
                            // Every request gets exactly one reply, skipped ones too.
                            w.send(Reply::Skipped);
                            req = next;
                        }
                        Ok(other) => {
                            w.handle(req);
                            req = other;
                        }
                        Err(_) => break,
                    }
                }
                w.handle(req);
            }
        })
    }

    fn send(&self, r: Reply) {
        let _ = self.tx.send(r);
    }

    fn index(&mut self) -> Result<&SearchIndex, String> {
        if self.index.is_none() {
            let tx = self.tx.clone();
            let label = crate::tr!("search.indexing");
            let idx = SearchIndex::open(&self.case, &mut |done, total| {
                let _ = tx.send(Reply::Progress {
                    label: label.clone(),
                    done,
                    total,
                });
            })
            .map_err(|e| e.to_string())?;
            self.index = Some(idx);
        }
        self.index.as_ref().ok_or_else(String::new)
    }

    fn handle(&mut self, req: Request) {
        match req {
            Request::Search { gen, query, limit } => {
                let result = self
                    .index()
                    .and_then(|i| i.search(&query, limit).map_err(|e| e.to_string()));
                self.send(Reply::Search { gen, result });
            }
            Request::LoadChecks => self.load_checks(),
            Request::RunChecks { cancel, rules } => {
                let tx = self.tx.clone();
                let label = crate::tr!("tui.running_checks");
                let opts = RunOptions {
                    rules,
                    ..Default::default()
                };
                let r = checks::run_with(&self.case, &opts, &mut |i, n, id| {
                    let _ = tx.send(Reply::Progress {
                        label: format!("{label} {id}"),
                        done: i as u64,
                        total: n as u64,
                    });
                    !cancel.load(Ordering::Relaxed)
                });
                self.send(Reply::RunDone(r.map(|_| ()).map_err(|e| e.to_string())));
                self.load_checks();
            }
            Request::Review { id, status, reason } => {
                let r =
                    checks::review(&self.case, &id, &status, &reason).map_err(|e| e.to_string());
                self.send(Reply::Reviewed(r));
                self.load_checks();
            }
            Request::LoadLedgers => match self.case.info() {
                Ok(info) => self.send(Reply::Ledgers(info.ledgers)),
                Err(e) => self.send(Reply::Error(e.to_string())),
            },
            Request::LedgerPage {
                gen,
                ledger,
                table,
                offset,
                limit,
                sort,
                filter,
                normalised,
            } => {
                let page = self.page(&ledger, &table, offset, limit, sort, &filter, normalised);
                self.send(Reply::Page { gen, page });
            }
            Request::LoadCase => self.load_case(),
            Request::Allege { title } => {
                let r = casework::allege(&self.case, &title, None, None)
                    .map(|id| crate::tr!("casework.created", id = id));
                self.changed(r);
            }
            Request::SetStatus {
                id,
                status,
                reason,
                amount,
            } => {
                let r = casework::set_status(&self.case, id, &status, &reason, amount.as_deref())
                    .map(|_| crate::tr!("casework.status_set", id = id));
                self.changed(r);
            }
            Request::Note { on, text } => {
                let r = casework::note(&self.case, &on, &text)
                    .map(|id| crate::tr!("casework.noted", id = id));
                self.changed(r);
            }
            Request::Link {
                allegation,
                item,
                relation,
            } => {
                let r = casework::link(&self.case, allegation, &item, &relation, None).map(
                    |(id, no)| {
                        crate::tr!(
                            "tui.linked",
                            id = id,
                            no = no,
                            allegation = allegation
                        )
                    },
                );
                self.changed(r);
            }
            Request::Unlink { link } => {
                let r = casework::unlink(&self.case, link)
                    .map(|_| crate::tr!("casework.unlinked", id = link));
                self.changed(r);
            }
            Request::Person { id } => {
                let r = casework::person(&self.case, &id).map_err(|e| e.to_string());
                self.send(Reply::Person(r));
            }
            Request::LoadAudit => match crate::audit::entries(&self.case) {
                Ok(entries) => {
                    let verification = crate::audit::verify(&self.case).map_err(|e| e.to_string());
                    self.send(Reply::Audit {
                        entries,
                        verification,
                    });
                }
                Err(e) => self.send(Reply::Error(e.to_string())),
            },
            Request::Preview { gen, opts } => {
                let markdown = crate::export::build(&self.case, &opts)
                    .map(|s| crate::export::render::markdown(&s))
                    .map_err(|e| e.to_string());
                self.send(Reply::Preview { gen, markdown });
            }
            Request::Export { opts, format, path } => {
                let r = crate::export::export(&self.case, &opts, format, &path, false)
                    .map(|_| {
                        crate::tr!(
                            if opts.redact {
                                "export.written"
                            } else {
                                "export.written_unredacted"
                            },
                            path = path.display()
                        )
                    })
                    .map_err(|e| e.to_string());
                self.send(Reply::Changed(r));
            }
            Request::Import { paths, cancel } => {
                let tx = self.tx.clone();
                let opts = ImportOptions {
                    cancel: Some(cancel),
                    ..Default::default()
                };
                let reports = ingest::import_paths(&self.case, &paths, &opts, &mut |p| {
                    let _ = tx.send(Reply::Progress {
                        label: p.file.clone(),
                        done: p.bytes_done,
                        total: p.bytes_total,
                    });
                });
                // The index catches up on the next search.
                self.index = None;
                self.send(Reply::Imported(reports));
                if let Ok(info) = self.case.info() {
                    self.send(Reply::Ledgers(info.ledgers));
                }
            }
        }
    }

    fn load_case(&mut self) {
        match casework::allegations(&self.case)
            .and_then(|a| Ok((a, casework::all_notes(&self.case)?)))
        {
            Ok((allegations, notes)) => self.send(Reply::Case { allegations, notes }),
            Err(e) => self.send(Reply::Error(e.to_string())),
        }
    }

    /// Sends a change's outcome, then the reloaded case.
    fn changed(&mut self, r: crate::error::Result<String>) {
        self.send(Reply::Changed(r.map_err(|e| e.to_string())));
        self.load_case();
    }

    fn load_checks(&mut self) {
        let (rules, _) = checks::load_rules(Some(&self.case));
        let last: Option<(i64, String)> = self
            .case
            .conn()
            .query_row("SELECT id, strftime(started_at, '%Y-%m-%d %H:%M') FROM check_runs ORDER BY id DESC LIMIT 1", [], |r| {
                Ok((r.get(0)?, r.get(1)?))
            })
            .ok();
        let mut runs: Vec<RuleRun> = rules
            .iter()
            .map(|r| checks::empty_run(r, Default::default()))
            .collect();
        if let Some((run_id, _)) = &last {
            if let Ok(mut st) = self.case.conn().prepare(
                "SELECT rule, findings, CAST(amount AS VARCHAR), ms, skipped, error, new, changed, gone FROM check_run_rules c \
                 JOIN (SELECT rule AS r, max(run_id) AS latest FROM check_run_rules GROUP BY rule) l \
                 ON c.rule = l.r AND c.run_id = l.latest WHERE c.run_id <= ?",
            ) {
                if let Ok(rows) = st.query_map([run_id], |r| {
                    Ok((
                        r.get::<_, String>(0)?,
                        r.get::<_, i64>(1)?,
                        r.get::<_, Option<String>>(2)?,
                        r.get::<_, i64>(3)?,
                        r.get::<_, Option<String>>(4)?,
                        r.get::<_, Option<String>>(5)?,
                        r.get::<_, i64>(6)?,
                        r.get::<_, i64>(7)?,
                        r.get::<_, String>(8)?,
                    ))
                }) {
                    for (rule, n, amount, ms, skipped, error, new, changed, gone) in rows.flatten() {
                        if let Some(rr) = runs.iter_mut().find(|x| x.id == rule) {
                            rr.findings = n as usize;
                            rr.amount = amount
                                .and_then(|a| crate::domain::Fen::from_decimal_text(&a));
                            rr.ms = ms as u64;
                            rr.skipped = skipped.as_deref().map(checks::outcome::show_stored);
                            rr.error = error.as_deref().map(checks::outcome::show_stored);
                            rr.new = new as usize;
                            rr.changed = changed as usize;
                            rr.gone = serde_json::from_str(&gone).unwrap_or_default();
                        }
                    }
                }
            }
        }
        let findings = checks::latest_findings(&self.case, None)
            .ok()
            .flatten()
            .map(|(_, _, f)| f)
            .unwrap_or_default();
        self.send(Reply::Checks {
            rules: runs,
            findings,
            last_run: last,
        });
    }

    #[allow(clippy::too_many_arguments)]
    fn page(
        &self,
        ledger: &str,
        table: &str,
        offset: usize,
        limit: usize,
        sort: Option<(String, bool)>,
        filter: &str,
        normalised: bool,
    ) -> Result<LedgerPage, String> {
        use crate::ingest::views::ident;
        let conn = self.case.conn();
        let (columns_json, mapping): (String, String) = conn
            .query_row(
                "SELECT columns, mapping FROM ledgers WHERE name = ?",
                [ledger],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .map_err(|e| e.to_string())?;
        #[derive(serde::Deserialize)]
        struct C {
            name: String,
        }
        let mut cols: Vec<String> = serde_json::from_str::<Vec<C>>(&columns_json)
            .map_err(|e| e.to_string())?
            .into_iter()
            .map(|c| c.name)
            .collect();
        if normalised {
            // The normalised columns (n_…) and the row's invalid-value flags instead of the originals.
            let mut st = conn
                .prepare("SELECT column_name FROM duckdb_columns() WHERE table_name = ? AND (column_name LIKE 'n\\_%' ESCAPE '\\' OR column_name = '_invalid') ORDER BY column_index")
                .map_err(|e| e.to_string())?;
            cols = st
                .query_map([table], |r| r.get::<_, String>(0))
                .map_err(|e| e.to_string())?
                .collect::<duckdb::Result<_>>()
                .map_err(|e| e.to_string())?;
        }
        let mut select = vec!["CAST(_row AS VARCHAR)".to_string()];
        select.extend(
            cols.iter()
                .map(|c| format!("CAST({} AS VARCHAR)", ident(c))),
        );
        let filter_sql = if filter.trim().is_empty() {
            String::new()
        } else {
            let concat = cols
                .iter()
                .map(|c| format!("coalesce({}, '')", ident(c)))
                .collect::<Vec<_>>()
                .join(" || ' ' || ");
            format!(" WHERE contains({concat}, ?)")
        };
        let order = match &sort {
            Some((c, asc)) if cols.contains(c) => format!(
                " ORDER BY {} {} NULLS LAST, _row",
                ident(c),
                if *asc { "ASC" } else { "DESC" }
            ),
            _ => " ORDER BY _row".to_string(),
        };
        let total_sql = format!("SELECT count(*) FROM {}{filter_sql}", ident(table));
        let sql = format!(
            "SELECT {} FROM {}{filter_sql}{order} LIMIT {limit} OFFSET {offset}",
            select.join(", "),
            ident(table)
        );
        let f = filter.trim().to_string();
        let total: i64 = if filter_sql.is_empty() {
            conn.query_row(&total_sql, [], |r| r.get(0))
        } else {
            conn.query_row(&total_sql, [&f], |r| r.get(0))
        }
        .map_err(|e| e.to_string())?;
        let mut st = conn.prepare(&sql).map_err(|e| e.to_string())?;
        let n = cols.len() + 1;
        let map_row = |r: &duckdb::Row<'_>| -> duckdb::Result<Vec<String>> {
            (0..n)
                .map(|i| r.get::<_, Option<String>>(i).map(|v| v.unwrap_or_default()))
                .collect()
        };
        let rows: Vec<Vec<String>> = if filter_sql.is_empty() {
            st.query_map([], map_row)
                .map_err(|e| e.to_string())?
                .collect::<duckdb::Result<_>>()
        } else {
            st.query_map([&f], map_row)
                .map_err(|e| e.to_string())?
                .collect::<duckdb::Result<_>>()
        }
        .map_err(|e| e.to_string())?;
        let mut columns = vec!["#".to_string()];
        columns.extend(cols);
        // "姓名→name · 身份证号→id_number …" for the title line.
        let mapping =
            serde_json::from_str::<std::collections::BTreeMap<String, Vec<String>>>(&mapping)
                .map(|m| {
                    m.into_iter()
                        .filter_map(|(field, cols)| cols.first().map(|c| format!("{c}→{field}")))
                        .collect::<Vec<_>>()
                        .join(" · ")
                })
                .unwrap_or_default();
        Ok(LedgerPage {
            columns,
            rows,
            total: total as usize,
            offset,
            mapping,
        })
    }
}
