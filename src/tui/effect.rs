//! What `update` asks for instead of doing it: the runtime carries out the
//! I/O effects; the workbench resolves the UI ones among its components.

use std::path::PathBuf;

use super::app::Screen;
use super::job::{JobError, Lane, Request};
use super::overlays::Overlay;
use crate::casework::Item;
use crate::error::Msg;

/// A line for the status bar, translated when drawn.
#[derive(Debug, Clone)]
pub enum Notice {
    Say(Msg),
    Failed(JobError),
}

impl Notice {
    pub fn text(&self) -> String {
        match self {
            Notice::Say(m) => m.to_string(),
            Notice::Failed(e) => e.to_string(),
        }
    }

    pub fn key(key: &'static str) -> Notice {
        Notice::Say(Msg::new(key))
    }
}

#[derive(Debug)]
pub enum Effect {
    // I/O, for the runtime:
    /// Start a worker job.
    Request(Request),
    /// Forget any outstanding job of this lane (its replies become stale).
    Supersede(Lane),
    /// Ask the running cancellable job to stop.
    CancelJob,
    /// Find a free default export path (answers `Reply::ExportPath`).
    SuggestExportPath {
        dir: PathBuf,
        stem: String,
        ext: &'static str,
    },
    /// Complete a typed path prefix (answers `Reply::Completed`).
    CompletePath(String),
    // UI, for the workbench:
    Goto(Screen),
    /// Give the shown screen's text field the keyboard (after a `Goto`).
    Focus,
    Open(Overlay),
    Close,
    Say(Notice),
    /// Run another action (the palette's choice).
    Dispatch(super::action::Action),
    /// Offer an item as evidence: opens the link picker over the allegations.
    LinkItem {
        item: Item,
        label: String,
    },
    /// Show a person (by ID number) on the Person screen.
    ShowPerson(String),
    /// Move the Person screen's relationship tree to this node.
    ShowNode(String),
    /// Search for this text on the Search screen.
    SearchFor(String),
    /// Show a ledger row on the Ledgers screen: that ledger, the page holding
    /// the row, the row selected.
    ShowRow {
        ledger: String,
        row: i64,
    },
    /// Show a document in the Search screen's preview at the quoted place.
    ShowDocument {
        source: String,
        quote: String,
    },
    Quit,
}

impl Effect {
    pub fn say(key: &'static str) -> Effect {
        Effect::Say(Notice::key(key))
    }

    /// True for the jumps the navigation history records (where you were
    /// before each). Every `Show*` effect belongs here.
    pub fn is_jump(&self) -> bool {
        matches!(
            self,
            Effect::Goto(_)
                | Effect::ShowPerson(_)
                | Effect::ShowNode(_)
                | Effect::SearchFor(_)
                | Effect::ShowRow { .. }
                | Effect::ShowDocument { .. }
        )
    }

    /// True for effects the runtime carries out.
    pub fn is_io(&self) -> bool {
        matches!(
            self,
            Effect::Request(_)
                | Effect::Supersede(_)
                | Effect::CancelJob
                | Effect::SuggestExportPath { .. }
                | Effect::CompletePath(_)
        )
    }
}
