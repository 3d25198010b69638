//! The built-in reference tables (programs, holidays) copied into a case.

use crate::reference::{holidays, programs};

/// Seeds the case's `programs` / `program_aliases` tables with the built-in rows
/// (source = 'builtin'), replacing earlier built-in rows and keeping the case's own.
pub(super) fn seed_programs(conn: &duckdb::Connection) -> duckdb::Result<()> {
    conn.execute("DELETE FROM program_aliases WHERE source = 'builtin'", [])?;
    conn.execute("DELETE FROM programs WHERE source = 'builtin'", [])?;
    let mut p = conn.prepare(
        "INSERT INTO programs (program, means_tested, discretionary, land_type, min_age, source) \
         VALUES (?, ?, ?, ?, ?, 'builtin') ON CONFLICT DO NOTHING",
    )?;
    let mut a = conn.prepare(
        "INSERT INTO program_aliases (alias, program, source) VALUES (?, ?, 'builtin') ON CONFLICT DO NOTHING",
    )?;
    for prog in programs::builtin() {
        p.execute(duckdb::params![
            prog.name,
            prog.means_tested,
            prog.discretionary,
            prog.land_type,
            prog.min_age
        ])?;
        a.execute(duckdb::params![prog.name, prog.name])?;
        for alias in &prog.aliases {
            a.execute(duckdb::params![alias, prog.name])?;
        }
    }
    Ok(())
}

/// Replaces the built-in rows of the case's `holidays` table.
pub(super) fn seed_holidays(conn: &duckdb::Connection) -> duckdb::Result<()> {
    conn.execute("DELETE FROM holidays WHERE source = 'builtin'", [])?;
    let mut st = conn.prepare(
        "INSERT INTO holidays (year, name, name_en, start_date, end_date, source) VALUES (?, ?, ?, CAST(? AS DATE), CAST(? AS DATE), 'builtin')",
    )?;
    for h in holidays::builtin() {
        st.execute(duckdb::params![h.year, h.name, h.name_en, h.start, h.end])?;
    }
    Ok(())
}

/// Re-copies the built-in holiday calendar into the case (derived data: the
/// calendar ships with hecha, so this is not a change of the case's own).
pub fn refresh_holidays(case: &super::Case) -> crate::error::Result<()> {
    case.transaction(|conn| Ok(seed_holidays(conn)?))
}
