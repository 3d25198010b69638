//! What the UI asks of the worker and what comes back: typed requests, typed
//! replies (errors stay values until they are rendered), every job with an id.

use std::path::PathBuf;
use std::sync::atomic::AtomicBool;
use std::sync::Arc;

use crate::audit::{Entry, Verification};
use crate::case::LedgerInfo;
use crate::casework::{Allegation, Item, NotesByItem, Overview, PersonView};
use crate::checks::{Finding, RuleRun};
use crate::error::Msg;
use crate::ingest::FileReport;
use crate::search::SearchResult;
use crate::store::check_history::LastRun;
use crate::store::ledger_pages::{LedgerPage, PageError, PageQuery};

/// Every worker job has one; the runtime hands them out in increasing order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct JobId(pub u64);

/// Jobs of one lane supersede each other: a reply from any but the newest job
/// of its lane is stale and dropped.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Lane {
    Search,
    Checks,
    Run,
    Review,
    Ledgers,
    Page,
    Import,
    Case,
    Change,
    Person,
    Audit,
    Preview,
    Export,
    Overview,
}

#[derive(Debug, Clone)]
pub enum Request {
    Search {
        query: String,
        limit: usize,
    },
    LoadChecks,
    /// The case at a glance (the home screen).
    LoadOverview,
    /// Runs these rules (none: every rule); cancellable.
    RunChecks {
        rules: Vec<String>,
    },
    Review {
        id: String,
        status: String,
        reason: String,
    },
    LoadLedgers,
    LedgerPage(PageQuery),
    /// Imports these files; cancellable.
    Import {
        paths: Vec<PathBuf>,
    },
    /// Allegations with their catalogues, and every note.
    LoadCase,
    // Case changes: each answers `Changed`, then `Case`.
    Allege {
        title: String,
        /// The clue it is raised in; `None` registers a new clue.
        clue: Option<i64>,
    },
    NewClue {
        input: crate::register::ClueInput,
    },
    ClueEvent {
        clue: i64,
        input: crate::register::EventInput,
    },
    /// Sets a catalogue entry's kind of evidence, original/copy and proof.
    SetEvidence {
        link: i64,
        evidence_type: Option<String>,
        original: Option<String>,
        proves: Option<String>,
    },
    ClueSubject {
        clue: i64,
        name: String,
        id_number: Option<String>,
        post: Option<String>,
    },
    /// The templates, and one filled for the clue (the first when `None`).
    DocPreview {
        clue: i64,
        template: Option<String>,
    },
    /// Writes a clue's document as .docx next to the case file (redacted).
    WriteDoc {
        clue: i64,
        number: String,
        template: String,
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
    /// Undoes the last casework change (answers `Changed`, then `Case` and `Checks`).
    Undo,
    Person {
        id: String,
    },
    /// The audit log and a fresh verification.
    LoadAudit,
    /// The Markdown of the case summary with these options.
    Preview {
        opts: crate::export::Options,
    },
    /// Writes the case summary; answers `Changed`.
    Export {
        opts: crate::export::Options,
        format: crate::export::Format,
        path: PathBuf,
    },
}

impl Request {
    pub fn lane(&self) -> Lane {
        match self {
            Request::Search { .. } => Lane::Search,
            Request::LoadChecks => Lane::Checks,
            Request::LoadOverview => Lane::Overview,
            Request::RunChecks { .. } => Lane::Run,
            Request::Review { .. } => Lane::Review,
            Request::LoadLedgers => Lane::Ledgers,
            Request::LedgerPage(_) => Lane::Page,
            Request::Import { .. } => Lane::Import,
            Request::LoadCase => Lane::Case,
            Request::Allege { .. }
            | Request::NewClue { .. }
            | Request::ClueEvent { .. }
            | Request::ClueSubject { .. }
            | Request::SetEvidence { .. }
            | Request::SetStatus { .. }
            | Request::Note { .. }
            | Request::Link { .. }
            | Request::Unlink { .. }
            | Request::Undo => Lane::Change,
            Request::Person { .. } => Lane::Person,
            Request::LoadAudit => Lane::Audit,
            Request::Preview { .. } | Request::DocPreview { .. } => Lane::Preview,
            Request::WriteDoc { .. } => Lane::Export,
            Request::Export { .. } => Lane::Export,
        }
    }

    /// Long work the user can cancel, with its status-line label.
    pub fn cancellable(&self) -> Option<Msg> {
        match self {
            Request::RunChecks { .. } => Some(Msg::new("tui.running_checks")),
            Request::Import { .. } => Some(Msg::new("tui.importing")),
            _ => None,
        }
    }
}

/// A request on its way to the worker.
pub struct Job {
    pub id: JobId,
    pub request: Request,
    /// Set by the UI to stop a cancellable job.
    pub cancel: Option<Arc<AtomicBool>>,
}

/// Everything the worker sends back, tagged with the job it belongs to.
#[derive(Debug)]
pub struct Envelope {
    pub job: JobId,
    pub event: Event,
}

#[derive(Debug)]
pub enum Event {
    Progress {
        label: Progress,
        done: u64,
        total: u64,
    },
    Reply(Reply),
    /// The job is over (sent once per job, superseded ones too).
    Finished,
}

/// What a progress bar is about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Progress {
    /// Building the search index.
    Indexing,
    /// Running one rule.
    Rule(String),
    /// Importing one file (progress in bytes).
    File(String),
    /// Reading or recognising a paged document (progress in pages).
    Pages(String),
    /// Before the first report (the label of the job itself).
    Start(Msg),
}

impl Progress {
    pub fn text(&self) -> String {
        match self {
            Progress::Indexing => crate::tr!("search.indexing"),
            Progress::Rule(id) => format!("{} {id}", crate::tr!("tui.running_checks")),
            Progress::File(f) => f.clone(),
            Progress::Pages(f) => crate::tr!("import.progress_pages_of", file = f),
            Progress::Start(m) => m.to_string(),
        }
    }
}

/// A failed job. The errors stay typed until the status line shows them.
#[derive(Debug, Clone, thiserror::Error)]
pub enum JobError {
    /// A core operation failed; its error explains why.
    #[error("{0}")]
    Core(Arc<crate::Error>),
    /// A ledger page could not be read.
    #[error("{0}")]
    Page(Arc<PageError>),
}

impl From<crate::Error> for JobError {
    fn from(e: crate::Error) -> JobError {
        JobError::Core(Arc::new(e))
    }
}

impl From<PageError> for JobError {
    fn from(e: PageError) -> JobError {
        JobError::Page(Arc::new(e))
    }
}

/// A change that went through.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Done {
    Created {
        allegation: i64,
    },
    /// A clue registered, an event recorded, a person added.
    Registered(Msg),
    StatusSet {
        allegation: i64,
    },
    Noted {
        note: i64,
    },
    Linked {
        link: i64,
        no: crate::domain::CatalogueNo,
        allegation: i64,
    },
    Unlinked {
        link: i64,
    },
    /// The last change was undone; what the status line says.
    Undone(Msg),
    Exported {
        path: PathBuf,
        redacted: bool,
    },
}

impl Done {
    /// The status-line message (translated when shown).
    pub fn msg(&self) -> Msg {
        match self {
            Done::Created { allegation } => Msg::new("casework.created").arg("id", allegation),
            Done::Registered(m) => m.clone(),
            Done::StatusSet { allegation } => Msg::new("casework.status_set").arg("id", allegation),
            Done::Noted { note } => Msg::new("casework.noted").arg("id", note),
            Done::Linked {
                link,
                no,
                allegation,
            } => Msg::new("tui.linked")
                .arg("id", link)
                .arg("no", no)
                .arg("allegation", allegation),
            Done::Unlinked { link } => Msg::new("casework.unlinked").arg("id", link),
            Done::Undone(m) => m.clone(),
            Done::Exported { path, redacted } => Msg::new(if *redacted {
                "export.written"
            } else {
                "export.written_unredacted"
            })
            .arg("path", path.display()),
        }
    }
}

/// The templates (name, title), the one filled, and its document.
pub type DocPreview = (Vec<(String, String)>, String, String);

#[derive(Debug)]
pub enum Reply {
    Search(Result<SearchResult, JobError>),
    Checks {
        rules: Vec<RuleRun>,
        findings: Vec<Finding>,
        last_run: Option<LastRun>,
        /// Finding id → the village of its evidence rows (where known).
        villages: std::collections::BTreeMap<String, String>,
    },
    RunDone(Result<(), JobError>),
    Reviewed(Result<(), JobError>),
    Ledgers(Vec<LedgerInfo>),
    Page(Result<LedgerPage, JobError>),
    Imported(Vec<FileReport>),
    Case {
        allegations: Vec<Allegation>,
        notes: NotesByItem,
        register: Box<crate::register::Register>,
    },
    /// The outcome of a case change or an export.
    Changed(Result<Done, JobError>),
    Person(Result<PersonView, JobError>),
    /// The person's relationship graph (after `Person`, same job).
    Relations(Result<crate::case::graph::Graph, JobError>),
    Audit {
        entries: Vec<Entry>,
        verification: Result<Verification, JobError>,
    },
    Preview(Result<String, JobError>),
    /// The templates (name, title), the one filled, its Markdown.
    DocPreview(Result<DocPreview, JobError>),
    /// Boxed: the overview is the largest reply by far.
    Overview(Result<Box<Overview>, JobError>),
    Failed(JobError),
    // Answers from the runtime's own file-system look-ups (not the worker):
    /// A free default path for the export.
    ExportPath(String),
    /// A path prefix completed.
    Completed(String),
}
