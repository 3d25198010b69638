//! The worker thread: owns the case (one DuckDB connection) and the search
//! index; it answers jobs with typed replies and progress, each tagged with
//! its job, so the UI thread never blocks on I/O and never sees SQL.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, Sender};
use std::sync::Arc;

use super::job::{Done, Envelope, Event, Job, JobError, JobId, Progress, Reply, Request};
use crate::case::Case;
use crate::casework;
use crate::checks::{self, RuleRun, RunOptions};
use crate::ingest::{self, ImportOptions};
use crate::search::SearchIndex;
use crate::store::{check_history, ledger_pages};

pub struct Worker {
    case: Case,
    index: Option<SearchIndex>,
    tx: Sender<Envelope>,
    /// Opened when an import first needs it, then kept for the session.
    ocr: ingest::OcrEngine,
}

impl Worker {
    pub fn spawn(
        case: Case,
        rx: Receiver<Job>,
        tx: Sender<Envelope>,
    ) -> std::thread::JoinHandle<()> {
        std::thread::spawn(move || {
            let mut w = Worker {
                case,
                index: None,
                tx,
                ocr: ingest::OcrEngine::configured(),
            };
            // Newest search wins: skip stale queued searches.
            while let Ok(mut job) = rx.recv() {
                while let Request::Search { .. } = job.request {
                    match rx.try_recv() {
                        Ok(next) if matches!(next.request, Request::Search { .. }) => {
                            // Every job is finished, skipped ones too.
                            w.send(job.id, Event::Finished);
                            job = next;
                        }
                        Ok(other) => {
                            w.run(job);
                            job = other;
                        }
                        Err(_) => break,
                    }
                }
                w.run(job);
            }
        })
    }

    fn send(&self, job: JobId, event: Event) {
        let _ = self.tx.send(Envelope { job, event });
    }

    fn run(&mut self, job: Job) {
        let id = job.id;
        self.handle(id, job.request, job.cancel);
        self.send(id, Event::Finished);
    }

    fn index(&mut self, job: JobId) -> Result<&SearchIndex, JobError> {
        let idx = match self.index.take() {
            Some(idx) => idx,
            None => {
                let tx = self.tx.clone();
                SearchIndex::open(&self.case, &mut |done, total| {
                    let _ = tx.send(Envelope {
                        job,
                        event: Event::Progress {
                            label: Progress::Indexing,
                            done,
                            total,
                        },
                    });
                })?
            }
        };
        Ok(self.index.insert(idx))
    }

    fn handle(&mut self, job: JobId, req: Request, cancel: Option<Arc<AtomicBool>>) {
        let reply = |w: &Worker, r: Reply| w.send(job, Event::Reply(r));
        match req {
            Request::Search { query, limit } => {
                let result = self
                    .index(job)
                    .and_then(|i| i.search(&query, limit).map_err(JobError::from));
                reply(self, Reply::Search(result));
            }
            Request::LoadChecks => self.load_checks(job),
            Request::LoadOverview => self.load_overview(job),
            Request::RunChecks { rules } => {
                let tx = self.tx.clone();
                let cancel = cancel.unwrap_or_default();
                let opts = RunOptions {
                    rules,
                    ..Default::default()
                };
                let r = crate::register::refresh_deadlines(&self.case).and_then(|()| {
                    checks::run_with(&self.case, &opts, &mut |i, n, id| {
                        let _ = tx.send(Envelope {
                            job,
                            event: Event::Progress {
                                label: Progress::Rule(id.to_string()),
                                done: i as u64,
                                total: n as u64,
                            },
                        });
                        !cancel.load(Ordering::Relaxed)
                    })
                });
                reply(self, Reply::RunDone(r.map(|_| ()).map_err(JobError::from)));
                self.load_checks(job);
                self.load_overview(job);
            }
            Request::Review { id, status, reason } => {
                let r = checks::review(&self.case, &id, &status, &reason).map_err(JobError::from);
                reply(self, Reply::Reviewed(r));
                self.load_checks(job);
                self.load_overview(job);
            }
            Request::LoadLedgers => match self.case.info() {
                Ok(info) => reply(self, Reply::Ledgers(info.ledgers)),
                Err(e) => reply(self, Reply::Failed(e.into())),
            },
            Request::LedgerPage(q) => {
                let page = ledger_pages::page(&self.case, &q).map_err(JobError::from);
                reply(self, Reply::Page(page));
            }
            Request::LoadCase => self.load_case(job),
            Request::Allege { title, clue } => {
                let r = casework::allegations::allege_in(&self.case, clue, &title, None, None)
                    .map(|allegation| Done::Created { allegation });
                self.changed(job, r);
            }
            Request::NewClue { input } => {
                let r = crate::register::new_clue(&self.case, &input).map(|(id, number)| {
                    Done::Registered(
                        crate::Msg::new("register.created")
                            .arg("number", number)
                            .arg("id", id)
                            .arg("title", input.title.clone().unwrap_or_default()),
                    )
                });
                self.changed(job, r);
            }
            Request::ClueEvent { clue, input } => {
                let r =
                    crate::register::add_event(&self.case, &clue.to_string(), &input).map(|_| {
                        let label = crate::domain::EventKind::parse(&input.event)
                            .map(|k| k.label())
                            .unwrap_or_default();
                        Done::Registered(
                            crate::Msg::new("register.event_added")
                                .arg("number", format!("#{clue}"))
                                .arg("event", label)
                                .arg("date", &input.date),
                        )
                    });
                self.changed(job, r);
            }
            Request::DocPreview { clue, template } => {
                let r = crate::docgen::templates(Some(&self.case)).and_then(|ts| {
                    let name = template
                        .or_else(|| ts.first().map(|t| t.name.clone()))
                        .unwrap_or_default();
                    let doc =
                        crate::docgen::render_doc(&self.case, &clue.to_string(), &name, true)?;
                    let list = ts
                        .iter()
                        .map(|t| (t.name.clone(), t.title.clone()))
                        .collect();
                    Ok((list, name, doc.markdown))
                });
                reply(self, Reply::DocPreview(r.map_err(JobError::from)));
            }
            Request::WriteDoc {
                clue,
                number,
                template,
            } => {
                let path = free_path(self.case.path(), &format!("{number}-{template}"), "docx");
                let r = crate::docgen::write(
                    &self.case,
                    &clue.to_string(),
                    &template,
                    crate::export::Format::Docx,
                    &path,
                    true,
                    false,
                )
                .map(|_| Done::Exported {
                    path,
                    redacted: true,
                });
                reply(self, Reply::Changed(r.map_err(JobError::from)));
            }
            Request::ClueSubject {
                clue,
                name,
                id_number,
                post,
            } => {
                let r = crate::register::add_subject(
                    &self.case,
                    &clue.to_string(),
                    &name,
                    id_number.as_deref(),
                    post.as_deref(),
                )
                .map(|added| {
                    let key = if added {
                        "register.subject_added"
                    } else {
                        "register.subject_exists"
                    };
                    Done::Registered(
                        crate::Msg::new(key)
                            .arg("name", &name)
                            .arg("number", format!("#{clue}")),
                    )
                });
                self.changed(job, r);
            }
            Request::SetEvidence {
                link,
                evidence_type,
                original,
                proves,
            } => {
                let r = casework::evidence::spec(
                    evidence_type.as_deref(),
                    original.as_deref(),
                    proves.as_deref(),
                )
                .and_then(|spec| casework::evidence::set(&self.case, link, &spec))
                .map(|()| Done::Registered(crate::Msg::new("tui.form.evidence_set")));
                self.changed(job, r);
            }
            Request::SetStatus {
                id,
                status,
                reason,
                amount,
            } => {
                let r = casework::set_status(&self.case, id, &status, &reason, amount.as_deref())
                    .map(|_| Done::StatusSet { allegation: id });
                self.changed(job, r);
            }
            Request::Note { on, text } => {
                let r = casework::note(&self.case, &on, &text).map(|note| Done::Noted { note });
                self.changed(job, r);
            }
            Request::Link {
                allegation,
                item,
                relation,
            } => {
                let r = casework::link(&self.case, allegation, &item, &relation, None).map(
                    |(link, no)| Done::Linked {
                        link,
                        no,
                        allegation,
                    },
                );
                self.changed(job, r);
            }
            Request::Unlink { link } => {
                let r = casework::unlink(&self.case, link).map(|_| Done::Unlinked { link });
                self.changed(job, r);
            }
            Request::Undo => {
                let r = casework::undo_last(&self.case).map(|u| Done::Undone(u.msg()));
                self.changed(job, r);
                self.load_checks(job);
            }
            Request::Person { id } => {
                let r = casework::person(&self.case, &id).map_err(JobError::from);
                let found = r.as_ref().ok().map(|p| p.id_number.clone());
                reply(self, Reply::Person(r));
                if let Some(idn) = found {
                    let g = crate::case::graph::graph(&self.case, &idn, 1).map_err(JobError::from);
                    reply(self, Reply::Relations(g));
                }
            }
            Request::LoadAudit => match crate::audit::entries(&self.case) {
                Ok(entries) => {
                    let verification = crate::audit::verify(&self.case).map_err(JobError::from);
                    reply(
                        self,
                        Reply::Audit {
                            entries,
                            verification,
                        },
                    );
                }
                Err(e) => reply(self, Reply::Failed(e.into())),
            },
            Request::Preview { opts } => {
                let markdown = crate::export::build(&self.case, &opts)
                    .map(|s| crate::export::render::markdown(&s))
                    .map_err(JobError::from);
                reply(self, Reply::Preview(markdown));
            }
            Request::Export { opts, format, path } => {
                let r = crate::export::export(&self.case, &opts, format, &path, false)
                    .map(|_| Done::Exported {
                        path: path.clone(),
                        redacted: opts.redact,
                    })
                    .map_err(JobError::from);
                reply(self, Reply::Changed(r));
            }
            Request::Import { paths } => {
                let tx = self.tx.clone();
                let opts = ImportOptions {
                    cancel,
                    ocr: Some(self.ocr.clone()),
                    ..Default::default()
                };
                let reports = ingest::import_paths(&self.case, &paths, &opts, &mut |p| {
                    let _ = tx.send(Envelope {
                        job,
                        event: Event::Progress {
                            label: match p.unit {
                                ingest::Unit::Bytes => Progress::File(p.file.clone()),
                                ingest::Unit::Pages => Progress::Pages(p.file.clone()),
                            },
                            done: p.done,
                            total: p.total,
                        },
                    });
                });
                // The index catches up on the next search — or now, when
                // the case watches terms, which rerun over what came in.
                self.index = None;
                let watched = crate::search::watch::terms(&self.case).is_ok_and(|w| !w.is_empty());
                if watched
                    && reports.iter().any(|r| r.status == ingest::Status::Imported)
                    && self.index(job).is_ok()
                {
                    if let Some(idx) = &self.index {
                        let _ = crate::search::watch::run(&self.case, idx);
                    }
                }
                reply(self, Reply::Imported(reports));
                if let Ok(info) = self.case.info() {
                    reply(self, Reply::Ledgers(info.ledgers));
                }
                self.load_overview(job);
            }
        }
    }

    fn load_case(&mut self, job: JobId) {
        let r = casework::allegations(&self.case).and_then(|a| {
            Ok((
                a,
                casework::all_notes(&self.case)?,
                crate::register::load(&self.case, None)?,
            ))
        });
        let reply = match r {
            Ok((allegations, notes, register)) => Reply::Case {
                allegations,
                notes,
                register: Box::new(register),
            },
            Err(e) => Reply::Failed(e.into()),
        };
        self.send(job, Event::Reply(reply));
    }

    /// Sends a change's outcome, then the reloaded case and its overview.
    fn changed(&mut self, job: JobId, r: crate::error::Result<Done>) {
        self.send(job, Event::Reply(Reply::Changed(r.map_err(JobError::from))));
        self.load_case(job);
        self.load_overview(job);
    }

    /// The case at a glance (the home screen).
    fn load_overview(&mut self, job: JobId) {
        let r = casework::overview(&self.case)
            .map(Box::new)
            .map_err(JobError::from);
        self.send(job, Event::Reply(Reply::Overview(r)));
    }

    fn load_checks(&mut self, job: JobId) {
        let (rules, _) = checks::load_rules(Some(&self.case));
        let last = check_history::last_run(&self.case).ok().flatten();
        let mut runs: Vec<RuleRun> = rules
            .iter()
            .map(|r| checks::empty_run(r, Default::default()))
            .collect();
        if let Some(run) = &last {
            let outcomes = check_history::latest_per_rule(&self.case, run.id).unwrap_or_default();
            for o in outcomes {
                if let Some(rr) = runs.iter_mut().find(|x| x.id == o.rule) {
                    rr.findings = o.findings;
                    rr.amount = o.amount;
                    rr.ms = o.ms;
                    rr.skipped = o.skipped.as_deref().map(checks::outcome::show_stored);
                    rr.error = o.error.as_deref().map(checks::outcome::show_stored);
                    rr.new = o.new;
                    rr.changed = o.changed;
                    rr.gone = o.gone;
                }
            }
        }
        let findings = checks::latest_findings(&self.case, None)
            .ok()
            .flatten()
            .map(|(_, _, f)| f)
            .unwrap_or_default();
        let villages = checks::villages(&self.case, &findings).unwrap_or_default();
        self.send(
            job,
            Event::Reply(Reply::Checks {
                rules: runs,
                findings,
                last_run: last,
                villages,
            }),
        );
    }
}

/// `<case dir>/STEM.EXT`, or `STEM-2.EXT`, `STEM-3.EXT`… when taken.
fn free_path(case: &std::path::Path, stem: &str, ext: &str) -> std::path::PathBuf {
    let dir = case.parent().unwrap_or(std::path::Path::new("."));
    let mut p = dir.join(format!("{stem}.{ext}"));
    let mut n = 2;
    while p.exists() {
        p = dir.join(format!("{stem}-{n}.{ext}"));
        n += 1;
    }
    p
}
