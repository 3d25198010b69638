//! The runtime: carries out the effects `update` returns. It gives every
//! worker job an id, remembers the newest job of each lane, drops stale
//! replies (of every kind), passes progress on tagged with its job, and does
//! the few file-system look-ups itself.

use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{channel, Receiver, Sender};
use std::sync::Arc;
use std::time::{Duration, Instant};

use super::effect::Effect;
use super::job::{Envelope, Event, Job, JobId, Lane, Reply, Request};
use super::paths;
use super::workbench::Workbench;
use super::worker::Worker;
use crate::case::Case;

/// The book of jobs: ids handed out, the newest job of each lane, the jobs
/// not finished yet.
#[derive(Debug, Default)]
pub struct Jobs {
    next: u64,
    /// The newest job of each lane: replies from older ones are stale.
    latest: HashMap<Lane, JobId>,
    /// Jobs not finished yet, with their lane.
    open: HashMap<JobId, Lane>,
}

impl Jobs {
    fn fresh_id(&mut self) -> JobId {
        self.next += 1;
        JobId(self.next)
    }

    /// A new job in `lane`: it supersedes the lane's older ones.
    pub fn issue(&mut self, lane: Lane) -> JobId {
        let id = self.fresh_id();
        self.latest.insert(lane, id);
        self.open.insert(id, lane);
        id
    }

    /// Makes every outstanding job of `lane` stale.
    pub fn supersede(&mut self, lane: Lane) {
        let id = self.fresh_id();
        self.latest.insert(lane, id);
    }

    /// A reply from `job` counts: the job is open and the newest of its lane.
    pub fn is_current(&self, job: JobId) -> bool {
        self.open
            .get(&job)
            .is_some_and(|lane| self.latest.get(lane) == Some(&job))
    }

    pub fn finish(&mut self, job: JobId) {
        self.open.remove(&job);
    }

    pub fn is_pending(&self) -> bool {
        !self.open.is_empty()
    }
}

pub struct Runtime {
    tx: Option<Sender<Job>>,
    rx: Receiver<Envelope>,
    /// The worker thread, joined when the runtime goes (it owns the case, whose
    /// drop closes the database and removes any snapshot copy).
    worker: Option<std::thread::JoinHandle<()>>,
    jobs: Jobs,
    /// The running cancellable job's stop flag.
    cancel: Option<(JobId, Arc<AtomicBool>)>,
}

impl Runtime {
    /// Starts the worker thread on the case.
    pub fn start(case: Case) -> Runtime {
        let (job_tx, job_rx) = channel();
        let (env_tx, env_rx) = channel();
        let worker = Worker::spawn(case, job_rx, env_tx);
        Runtime {
            tx: Some(job_tx),
            rx: env_rx,
            worker: Some(worker),
            jobs: Jobs::default(),
            cancel: None,
        }
    }

    /// True while a job is unfinished.
    pub fn is_pending(&self) -> bool {
        self.jobs.is_pending()
    }

    /// Carries out effects (and what their answers lead to).
    pub fn execute(&mut self, bench: &mut Workbench, effects: Vec<Effect>) {
        for e in effects {
            let reply = match e {
                Effect::Request(r) => {
                    self.submit(bench, r);
                    None
                }
                Effect::Supersede(lane) => {
                    self.jobs.supersede(lane);
                    None
                }
                Effect::CancelJob => {
                    if let Some((_, flag)) = &self.cancel {
                        flag.store(true, Ordering::Relaxed);
                    }
                    None
                }
                Effect::SuggestExportPath { dir, stem, ext } => Some(Reply::ExportPath(
                    paths::default_export_path(&dir, &stem, ext),
                )),
                Effect::CompletePath(typed) => paths::complete_path(&typed).map(Reply::Completed),
                // UI effects are the workbench's; none reach here.
                _ => None,
            };
            if let Some(r) = reply {
                let more = bench.on_reply(&r);
                self.execute(bench, more);
            }
        }
    }

    fn submit(&mut self, bench: &mut Workbench, request: Request) {
        let id = self.jobs.issue(request.lane());
        let cancel = request.cancellable().map(|label| {
            let flag = Arc::new(AtomicBool::new(false));
            self.cancel = Some((id, flag.clone()));
            bench.started(id, label);
            flag
        });
        let sent = self.tx.as_ref().is_some_and(|tx| {
            tx.send(Job {
                id,
                request,
                cancel,
            })
            .is_ok()
        });
        if !sent {
            // No worker (it stopped): nothing will answer.
            self.jobs.finish(id);
            bench.finished(id);
        }
    }

    /// Applies everything that has arrived. Returns true if anything did.
    pub fn drain(&mut self, bench: &mut Workbench) -> bool {
        let mut any = false;
        while let Ok(env) = self.rx.try_recv() {
            self.deliver(bench, env);
            any = true;
        }
        any
    }

    /// Waits (up to `timeout`) until every job has finished (tests, e2e).
    pub fn settle(&mut self, bench: &mut Workbench, timeout: Duration) {
        let deadline = Instant::now() + timeout;
        while self.is_pending() && Instant::now() < deadline {
            if let Ok(env) = self.rx.recv_timeout(Duration::from_millis(20)) {
                self.deliver(bench, env);
            }
        }
        self.drain(bench);
    }

    fn deliver(&mut self, bench: &mut Workbench, env: Envelope) {
        let job = env.job;
        match env.event {
            Event::Progress { label, done, total } => bench.progress(job, label, done, total),
            Event::Reply(r) => {
                if self.jobs.is_current(job) {
                    let more = bench.on_reply(&r);
                    self.execute(bench, more);
                }
            }
            Event::Finished => {
                self.jobs.finish(job);
                if self.cancel.as_ref().is_some_and(|(id, _)| *id == job) {
                    self.cancel = None;
                }
                bench.finished(job);
            }
        }
    }
}

impl Drop for Runtime {
    fn drop(&mut self) {
        // Stop any running work, close the job channel, and wait for the
        // worker to drop the case.
        if let Some((_, flag)) = &self.cancel {
            flag.store(true, Ordering::Relaxed);
        }
        drop(self.tx.take());
        if let Some(h) = self.worker.take() {
            let _ = h.join();
        }
    }
}
