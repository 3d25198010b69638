//! Casework on an open case: allegations (问题线索), evidence links and the
//! evidence catalogue, notes, tags and the person view. Each function checks
//! what the user gave and calls the storage layer; the case file itself is
//! [`crate::store::Case`].

pub mod allegations;
pub mod bulk;
pub mod document;
mod error;
pub mod evidence;
pub mod graph;
pub mod links;
pub mod notes;
pub mod overview;
pub mod person;
pub mod undo;

pub use allegations::{allegations, allege, set_status, Allegation, CatalogueEntry};
pub use document::{document_text, Citation, DocumentText};
pub use error::CaseError;
pub use links::{
    link, link_as, link_pair, link_pair_as, links, unlink, Endpoint, Item, LinkEnd, LinkRow, Linked,
};
pub use notes::{all_notes, note, notes_for, tag, tags_for, Note, NotesByItem};
pub use overview::{overview, Overview, Step};
pub use person::{person, Event, PersonView};
pub use undo::{undo_last, Undone};

pub use crate::store::{
    crypt, memory_limit_mb, schema, spill_dir, today, Case, CaseInfo, KindCount, LedgerInfo,
    ARROW_SCAN,
};
