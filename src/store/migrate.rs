//! Applying the numbered schema migrations of [`super::schema`].

use duckdb::Connection;

use super::schema;
use crate::domain::now_text;
use crate::error::Result;

pub(super) fn migrate(conn: &Connection, from: i32) -> Result<()> {
    if from == 0 {
        conn.execute_batch(
            "CREATE TABLE IF NOT EXISTS hecha_migrations (
                version INTEGER PRIMARY KEY, name VARCHAR NOT NULL,
                applied_at TIMESTAMP NOT NULL, hecha_version VARCHAR NOT NULL)",
        )?;
    }
    for m in schema::MIGRATIONS.iter().filter(|m| m.version > from) {
        conn.execute_batch(m.sql)?;
        if m.version == 2 {
            super::reference::seed_holidays(conn)?;
        }
        if m.version == 3 {
            backfill_text_hashes(conn)?;
        }
        if m.version == 7 {
            super::audit::add_scheme_column(conn)?;
        }
        if m.version == 9 {
            super::reference::seed_makeups(conn)?;
            super::clues::allegations_into_clues(conn)?;
        }
        if m.version == 10 {
            super::audit::switch_scheme(conn)?;
        }
        if m.version == 13 || m.version == 14 {
            // The statements view and v_account_holders (a table from 14).
            super::views::refresh_conn(conn)?;
        }
        conn.execute(
            "INSERT INTO hecha_migrations (version, name, applied_at, hecha_version) VALUES (?, ?, CAST(? AS TIMESTAMP), ?)",
            duckdb::params![m.version, m.name, now_text(), env!("CARGO_PKG_VERSION")],
        )?;
    }
    Ok(())
}

/// Documents imported before version 3 get the hash of their stored text.
fn backfill_text_hashes(conn: &Connection) -> Result<()> {
    let mut st = conn.prepare("SELECT id, text FROM documents WHERE text_sha256 IS NULL")?;
    let rows: Vec<(i64, String)> = st
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<duckdb::Result<_>>()?;
    for (id, text) in rows {
        conn.execute(
            "UPDATE documents SET text_sha256 = ? WHERE id = ?",
            duckdb::params![super::audit::sha256_hex(text.as_bytes()), id],
        )?;
    }
    Ok(())
}
