//! What can go wrong opening, creating, encrypting or writing a case file.
//! Each failure is one variant; it reads in the UI language through the
//! message catalogue (the key of each is the one the catalogue holds).

use std::path::PathBuf;

use crate::error::Msg;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("{}", self.msg())]
    Exists { path: PathBuf },
    #[error("{}", self.msg())]
    NoDir { path: PathBuf },
    #[error("{}", self.msg())]
    Missing { path: PathBuf },
    /// Another process has the case open for writing.
    #[error("{}", self.msg())]
    Locked { path: PathBuf, pid: String },
    #[error("{}", self.msg())]
    NotDuckdb { path: PathBuf },
    #[error("{}", self.msg())]
    NotHecha { path: PathBuf },
    #[error("{}", self.msg())]
    TooNew {
        path: PathBuf,
        version: i32,
        supported: i32,
    },
    /// An older case opened read-only: it must be opened for writing once.
    #[error("{}", self.msg())]
    NeedsMigration { path: PathBuf },
    /// A change was attempted on a case opened read-only.
    #[error("{}", self.msg())]
    ReadOnly,
    /// A change was attempted on a county review pack's subset case.
    #[error("{}", self.msg())]
    PackReadOnly { path: PathBuf },
    /// Another process has the encrypted case open for writing.
    #[error("{}", self.msg())]
    SealedLocked { path: PathBuf },
    #[error("{}", self.msg())]
    PassphraseTooShort { min: usize },
    /// An encrypted case was opened without a passphrase.
    #[error("{}", self.msg())]
    PassphraseRequired { path: PathBuf },
    #[error("{}", self.msg())]
    BadPassphrase { path: PathBuf },
    #[error("{}", self.msg())]
    AlreadyEncrypted { path: PathBuf },
    #[error("{}", self.msg())]
    NotEncrypted { path: PathBuf },
    /// The encrypted file is damaged at `detail` (header, a chunk …).
    #[error("{}", self.msg())]
    DamagedFile { path: PathBuf, detail: String },
    #[error("{}", self.msg())]
    UnknownVersion { path: PathBuf, version: u8 },
    /// The key derivation's parameters are unusable.
    #[error("{}", self.msg())]
    Damaged { detail: String },
    /// An undo was planned for audit entry `seq`, but it is no longer the last change.
    #[error("{}", self.msg())]
    UndoMoved { seq: i64 },
    #[error("{}", self.msg())]
    NoRandom { detail: String },
    #[error("{}", self.msg())]
    EncryptFailed,
    #[error("{}", self.msg())]
    NoRamDir,
}

impl StoreError {
    /// The failure as a catalogue message.
    pub fn msg(&self) -> Msg {
        use StoreError::*;
        let p = |key: &'static str, path: &PathBuf| Msg::new(key).arg("path", path.display());
        match self {
            Exists { path } => p("case.exists", path),
            NoDir { path } => p("case.no_dir", path),
            Missing { path } => p("case.missing", path),
            Locked { path, pid } => p("case.locked", path).arg("pid", pid),
            NotDuckdb { path } => p("case.not_duckdb", path),
            NotHecha { path } => p("case.not_hecha", path),
            TooNew {
                path,
                version,
                supported,
            } => p("case.too_new", path)
                .arg("version", version)
                .arg("supported", supported),
            NeedsMigration { path } => p("case.needs_migration", path),
            ReadOnly => Msg::new("case.read_only"),
            PackReadOnly { path } => p("case.pack_read_only", path),
            SealedLocked { path } => p("crypt.locked", path),
            PassphraseTooShort { min } => Msg::new("crypt.too_short").arg("min", min),
            PassphraseRequired { path } => p("crypt.passphrase_required", path),
            BadPassphrase { path } => p("crypt.bad_passphrase", path),
            AlreadyEncrypted { path } => p("crypt.already", path),
            NotEncrypted { path } => p("crypt.not_encrypted", path),
            DamagedFile { path, detail } => p("crypt.damaged_file", path).arg("detail", detail),
            UnknownVersion { path, version } => {
                p("crypt.unknown_version", path).arg("version", version)
            }
            Damaged { detail } => Msg::new("crypt.damaged").arg("detail", detail),
            UndoMoved { seq } => Msg::new("casework.undo_moved").arg("seq", seq),
            NoRandom { detail } => Msg::new("crypt.no_random").arg("detail", detail),
            EncryptFailed => Msg::new("crypt.encrypt_failed"),
            NoRamDir => Msg::new("crypt.no_ram_dir"),
        }
    }
}
