//! What an export refuses or fails at, one variant per failure.

use std::path::PathBuf;

use crate::error::Msg;

#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// The target exists and `--force` was not given.
    #[error("{}", self.msg())]
    Exists { path: PathBuf },
    #[error("{}", self.msg())]
    WriteFailed { path: PathBuf, detail: String },
    /// The one allegation asked for is not in the case.
    #[error("{}", self.msg())]
    NoAllegation { id: i64 },
    /// The summary could not be serialised (a defect, reported in words).
    #[error("{}", self.msg())]
    Serialise { detail: String },
}

impl ExportError {
    /// The failure as a catalogue message.
    pub fn msg(&self) -> Msg {
        use ExportError::*;
        match self {
            Exists { path } => Msg::new("export.exists").arg("path", path.display()),
            WriteFailed { path, detail } => Msg::new("export.write_failed")
                .arg("path", path.display())
                .arg("detail", detail),
            NoAllegation { id } => Msg::new("casework.no_allegation").arg("id", id),
            Serialise { detail } => Msg::new("err.io").arg("detail", detail),
        }
    }
}
