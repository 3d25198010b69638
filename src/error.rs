//! Errors a person reads. Each carries a catalogue key and its arguments, so it
//! renders in the UI language; database and I/O failures are wrapped as they are.

use std::fmt;

/// A translated message: catalogue key plus named arguments.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Msg {
    pub key: &'static str,
    pub args: Vec<(&'static str, String)>,
}

impl Msg {
    pub fn new(key: &'static str) -> Msg {
        Msg {
            key,
            args: Vec::new(),
        }
    }

    pub fn arg(mut self, name: &'static str, value: impl fmt::Display) -> Msg {
        self.args.push((name, value.to_string()));
        self
    }

    pub fn render_in(&self, lang: crate::i18n::Lang) -> String {
        let args: Vec<(&str, &dyn fmt::Display)> = self
            .args
            .iter()
            .map(|(n, v)| (*n, v as &dyn fmt::Display))
            .collect();
        crate::i18n::t_in(lang, self.key, &args)
    }
}

impl fmt::Display for Msg {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render_in(crate::i18n::lang()))
    }
}

#[derive(Debug)]
pub enum Error {
    /// Something the user can act on, already explained.
    User(Msg),
    Db(duckdb::Error),
    Io(std::io::Error),
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::User(m) => m.fmt(f),
            Error::Db(e) => f.write_str(&crate::i18n::t("err.db", &[("detail", e)])),
            Error::Io(e) => f.write_str(&crate::i18n::t("err.io", &[("detail", e)])),
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::User(_) => None,
            Error::Db(e) => Some(e),
            Error::Io(e) => Some(e),
        }
    }
}

impl From<duckdb::Error> for Error {
    fn from(e: duckdb::Error) -> Error {
        // A change attempted on a case opened read-only: say so in words.
        if e.to_string().contains("read-only mode") {
            return Error::User(Msg::new("case.read_only"));
        }
        Error::Db(e)
    }
}

impl From<std::io::Error> for Error {
    fn from(e: std::io::Error) -> Error {
        Error::Io(e)
    }
}

impl Error {
    pub fn user(msg: Msg) -> Error {
        Error::User(msg)
    }

    /// The catalogue key when this is a user error (for tests and JSON output).
    pub fn key(&self) -> Option<&'static str> {
        match self {
            Error::User(m) => Some(m.key),
            _ => None,
        }
    }
}

/// An import failure: its message as a user error, a failure of the case
/// file as it was.
impl From<crate::ingest::Error> for Error {
    fn from(e: crate::ingest::Error) -> Error {
        match e {
            crate::ingest::Error::Case(inner) => inner,
            other => Error::User(other.msg()),
        }
    }
}

impl From<Msg> for Error {
    fn from(m: Msg) -> Error {
        Error::User(m)
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

thread_local! {
    static QUIET: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// True while [`contain`] runs on this thread: panic hooks stay silent (the
/// panic becomes an ordinary error there).
pub fn quiet_panics() -> bool {
    QUIET.with(|q| q.get())
}

/// Runs `f`, turning a panic inside it into `Err(message)` without printing
/// it. For third-party readers that can panic on hostile files (an index out
/// of range in a damaged workbook): such a file gets a clear error instead.
pub fn contain<T>(f: impl FnOnce() -> T) -> std::result::Result<T, String> {
    let was = QUIET.with(|q| q.replace(true));
    let r = std::panic::catch_unwind(std::panic::AssertUnwindSafe(f));
    QUIET.with(|q| q.set(was));
    r.map_err(|p| {
        p.downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| p.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "internal error".into())
    })
}

/// Wraps the current panic hook so that panics inside [`contain`] are not printed.
pub fn install_panic_hook() {
    let prev = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        if !quiet_panics() {
            prev(info)
        }
    }));
}
