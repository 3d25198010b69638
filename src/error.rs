//! Errors a person reads, and containment of panics in third-party readers.
//! The crate's error type is [`crate::Error`] (each module has its own enum,
//! wrapped there); messages are [`crate::i18n::Msg`].

pub use crate::i18n::Msg;
pub use crate::{Error, Result};

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
