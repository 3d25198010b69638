//! Notes and tags on any item (`KIND:REF`).

use serde::Serialize;

use super::allegations::next_id;
use super::Case;
use crate::domain::{now_text, ItemRef};
use crate::error::Result;

/// A note on an item.
#[derive(Debug, Clone, Serialize)]
pub struct Note {
    pub id: i64,
    pub at: String,
    pub text: String,
}

/// Notes keyed by (item kind, item reference).
pub type NotesByItem = std::collections::BTreeMap<(String, String), Vec<Note>>;

/// Adds a note; returns its id. `on` is logged as the user wrote it.
pub fn add_note(case: &Case, item: &ItemRef, on: &str, text: &str) -> Result<i64> {
    case.change("note.add", |conn| {
        let id = next_id(conn, "notes")?;
        conn.execute(
            "INSERT INTO notes (id, item_kind, item_ref, text, created_at) VALUES (?, ?, ?, ?, CAST(? AS TIMESTAMP))",
            duckdb::params![id, item.kind.as_str(), item.reference, text, now_text()],
        )?;
        Ok((id, serde_json::json!({ "id": id, "on": on, "text": text })))
    })
}

/// The notes on one item, oldest first.
pub fn notes_for(case: &Case, kind: &str, reference: &str) -> Result<Vec<Note>> {
    let mut st = case.conn().prepare(
        "SELECT id, strftime(created_at, '%Y-%m-%d %H:%M'), text FROM notes WHERE item_kind = ? AND item_ref = ? ORDER BY id",
    )?;
    let notes = st
        .query_map([kind, reference], |r| {
            Ok(Note {
                id: r.get(0)?,
                at: r.get(1)?,
                text: r.get(2)?,
            })
        })?
        .collect::<duckdb::Result<_>>()?;
    Ok(notes)
}

/// Every note in the case, by item.
pub fn all_notes(case: &Case) -> Result<NotesByItem> {
    let mut st = case.conn().prepare(
        "SELECT item_kind, item_ref, id, strftime(created_at, '%Y-%m-%d %H:%M'), text FROM notes ORDER BY id",
    )?;
    let rows: Vec<(String, String, Note)> = st
        .query_map([], |r| {
            Ok((
                r.get(0)?,
                r.get(1)?,
                Note {
                    id: r.get(2)?,
                    at: r.get(3)?,
                    text: r.get(4)?,
                },
            ))
        })?
        .collect::<duckdb::Result<_>>()?;
    let mut out = NotesByItem::new();
    for (k, r, n) in rows {
        out.entry((k, r)).or_default().push(n);
    }
    Ok(out)
}

/// Tags an item (a tag already there stays, and is logged again).
pub fn add_tag(case: &Case, item: &ItemRef, on: &str, tag: &str) -> Result<()> {
    case.change("tag.add", |conn| {
        conn.execute(
            "INSERT INTO tags (item_kind, item_ref, tag) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
            duckdb::params![item.kind.as_str(), item.reference, tag],
        )?;
        Ok(((), serde_json::json!({ "on": on, "tag": tag })))
    })
}

/// Tags every item of a search's result set (`query`) in one change, one
/// audit entry; returns how many items had not had the tag.
pub fn add_tags(case: &Case, items: &[ItemRef], tag: &str, query: &str) -> Result<usize> {
    case.change("tag.bulk", |conn| {
        let mut added = 0;
        let mut st = conn.prepare(
            "INSERT INTO tags (item_kind, item_ref, tag) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
        )?;
        for item in items {
            added += st.execute(duckdb::params![item.kind.as_str(), item.reference, tag])?;
        }
        let refs: Vec<String> = items.iter().map(ItemRef::to_string).collect();
        Ok((
            added,
            serde_json::json!({ "query": query, "tag": tag, "items": refs.len(), "added": added, "on": refs }),
        ))
    })
}

/// The tags on one item.
pub fn tags_for(case: &Case, kind: &str, reference: &str) -> Result<Vec<String>> {
    let mut st = case
        .conn()
        .prepare("SELECT tag FROM tags WHERE item_kind = ? AND item_ref = ? ORDER BY tag")?;
    let tags = st
        .query_map([kind, reference], |r| r.get(0))?
        .collect::<duckdb::Result<_>>()?;
    Ok(tags)
}
