//! The typed domain: the nouns and values every layer shares, with no I/O and
//! no SQL. Values are stored language-neutral (codes) and translated only
//! where they are shown.

pub mod allegation;
pub mod catalogue;
pub mod clue;
pub mod code;
pub mod evidence;
pub mod finding;
pub mod item;
pub mod money;
pub mod relation;
pub mod review;
pub mod transcript;

pub use allegation::AllegationStatus;
pub use catalogue::CatalogueNo;
pub use clue::{ClueSource, Disposition, EventKind, Form, Outcome, Sanction};
pub use code::Code;
pub use evidence::{EvidenceType, Original};
pub use finding::{Evidence, Finding, FindingChange, Review, RuleRun, Subject};
pub use item::{ItemKind, ItemRef};
pub use money::Fen;
pub use relation::Relation;
pub use review::Decision;
pub use transcript::Transcript;

/// The OS user recorded with every change and review: `USER`, `LOGNAME` or
/// `USERNAME`, else (on Unix) the name of the process's user id in
/// /etc/passwd, else `uid:N`.
pub fn os_user() -> String {
    for var in ["USER", "LOGNAME", "USERNAME"] {
        if let Ok(v) = std::env::var(var) {
            if !v.trim().is_empty() {
                return v;
            }
        }
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        if let Ok(uid) = std::fs::metadata("/proc/self").map(|m| m.uid()) {
            let name = std::fs::read_to_string("/etc/passwd").ok().and_then(|p| {
                p.lines().find_map(|l| {
                    let mut f = l.split(':');
                    let name = f.next()?;
                    let id = f.nth(1)?;
                    (id.parse::<u32>().ok()? == uid).then(|| name.to_string())
                })
            });
            return name.unwrap_or_else(|| format!("uid:{uid}"));
        }
    }
    "unknown".into()
}

/// The local time as stored in the case (`YYYY-MM-DD HH:MM:SS`).
pub fn now_text() -> String {
    chrono::Local::now().format("%Y-%m-%d %H:%M:%S").to_string()
}
