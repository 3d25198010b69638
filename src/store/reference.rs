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

/// Replaces the built-in rows of the case's `makeup_days` table (调休上班).
pub(super) fn seed_makeups(conn: &duckdb::Connection) -> duckdb::Result<()> {
    conn.execute("DELETE FROM makeup_days WHERE source = 'builtin'", [])?;
    let mut st = conn.prepare(
        "INSERT INTO makeup_days (year, name, name_en, date, source) VALUES (?, ?, ?, CAST(? AS DATE), 'builtin')",
    )?;
    for m in holidays::builtin_makeups() {
        st.execute(duckdb::params![m.year, m.name, m.name_en, m.date])?;
    }
    Ok(())
}

/// The case's working-day calendar: its holiday periods and make-up days.
pub fn calendar(tx: super::Tx<'_>) -> crate::error::Result<crate::reference::calendar::Calendar> {
    use crate::normalise::parse_date;
    let conn = tx.conn;
    let date = |s: String| parse_date(&s).ok().flatten();
    let mut st = conn.prepare(
        "SELECT strftime(start_date, '%Y-%m-%d'), strftime(end_date, '%Y-%m-%d'), year FROM holidays",
    )?;
    let rows: Vec<(String, String, i32)> = st
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
        .collect::<duckdb::Result<_>>()?;
    let years = rows
        .iter()
        .map(|r| r.2)
        .min()
        .zip(rows.iter().map(|r| r.2).max());
    let periods: Vec<_> = rows
        .into_iter()
        .filter_map(|(a, b, _)| Some((date(a)?, date(b)?)))
        .collect();
    let mut st = conn.prepare("SELECT strftime(date, '%Y-%m-%d') FROM makeup_days")?;
    let makeups: Vec<_> = st
        .query_map([], |r| r.get::<_, String>(0))?
        .collect::<duckdb::Result<Vec<_>>>()?
        .into_iter()
        .filter_map(date)
        .collect();
    Ok(crate::reference::calendar::Calendar::new(
        &periods, &makeups, years,
    ))
}

/// Re-copies the built-in holiday calendar into the case (derived data: the
/// calendar ships with hecha, so this is not a change of the case's own).
pub fn refresh_holidays(case: &super::Case) -> crate::error::Result<()> {
    case.transaction(|conn| {
        seed_holidays(conn)?;
        seed_makeups(conn)?;
        Ok(())
    })
}
