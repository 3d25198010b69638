//! A letter or a transcript: its text (plain text in any supported encoding,
//! or a Word .docx) into the `documents` table, in one transaction with its
//! audit entry — or, for a folder of them, in groups: the files of a group
//! are read, hashed and decoded on every core ([`prepare`], no database),
//! then stored in one transaction with one audit entry per file
//! ([`import_group`]). A file that cannot be read fails alone; if the group's
//! transaction fails, its files are stored one by one, so each file is whole
//! or absent either way.

use std::collections::HashMap;

use super::error::{Error, Result};
use super::files::read_hashed;
use super::{decode, detect_error, docx, existing, DocKind, FileReport, Status, Target};
use crate::domain::Transcript;
use crate::store;
use crate::store::Case;

/// Files per group transaction.
pub(super) const GROUP_FILES: usize = 512;
/// Bytes of files per group (their texts are held until the group commits).
pub(super) const GROUP_BYTES: u64 = 64 << 20;
/// A file larger than this goes in alone.
pub(super) const GROUP_FILE_MAX: u64 = 4 << 20;

/// A document read and decoded, ready to store.
pub(super) struct Prepared {
    sha: String,
    /// Bytes of the file.
    size: u64,
    kind: DocKind,
    title: String,
    file_name: String,
    abs: String,
    encoding: String,
    text: String,
    chars: i64,
    text_sha256: String,
    transcript: Option<Transcript>,
}

/// Reads, hashes, decodes and parses one file; touches no database.
/// `kind` forces letter or transcript (else from the content).
pub(super) fn prepare(t: &Target<'_>, kind: Option<DocKind>) -> Result<Prepared> {
    let (bytes, sha) = read_hashed(t.path).map_err(|source| Error::ReadFailed {
        file: t.display.to_string(),
        source,
    })?;
    let (text, encoding) = decode_text(t, &bytes)?;
    if text.trim().is_empty() {
        return Err(Error::Empty {
            file: t.display.to_string(),
        });
    }
    let kind = match kind {
        Some(DocKind::Ledger) | None => detect_doc_kind(t.file_name, &text),
        Some(k) => k,
    };
    let title = t
        .path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| t.file_name.to_string());
    let transcript = (kind == DocKind::Transcript).then(|| super::transcript::parse(&text));
    Ok(Prepared {
        size: bytes.len() as u64,
        chars: text.chars().count() as i64,
        text_sha256: crate::audit::sha256_hex(text.as_bytes()),
        sha,
        kind,
        title,
        file_name: t.file_name.to_string(),
        abs: t.abs.to_string(),
        encoding,
        text,
        transcript,
    })
}

/// The file's text and the encoding it was read in.
fn decode_text(t: &Target<'_>, bytes: &[u8]) -> Result<(String, String)> {
    let display = t.display;
    if t.ext == "docx" {
        if bytes.is_empty() {
            return Err(Error::Empty {
                file: display.to_string(),
            });
        }
        let file = display.to_string();
        let text = docx::docx_text(bytes).map_err(|e| match e {
            docx::DocxError::Zip(detail) => Error::DocxBroken { file, detail },
            docx::DocxError::NoDocument => Error::DocxNoBody { file },
            docx::DocxError::Xml { position, detail } => Error::DocxXml {
                file,
                offset: position,
                detail,
            },
            docx::DocxError::TooLarge { size } => Error::TooLarge {
                file,
                size_mb: size / (1024 * 1024),
                limit_mb: docx::MAX_XML / (1024 * 1024),
            },
        })?;
        return Ok((text, "DOCX".to_string()));
    }
    let enc = decode::detect(
        &bytes[..bytes.len().min(decode::SNIFF_LEN)],
        bytes.len() <= decode::SNIFF_LEN,
    )
    .map_err(|e| detect_error(display, e))?;
    let text = decode::decode_all(bytes, enc).map_err(|d| Error::DecodeFailed {
        file: display.to_string(),
        offset: d.offset,
        encoding: d.encoding.as_str(),
    })?;
    Ok((text.replace("\r\n", "\n"), enc.as_str().to_string()))
}

/// Stores a prepared document under `id`; returns its audit payload. Inside
/// the caller's transaction.
fn store(tx: store::Tx<'_>, id: i64, p: &Prepared) -> Result<serde_json::Value> {
    store::documents::insert_at(tx, id, &new_document(p))?;
    if let Some(t) = &p.transcript {
        store::transcripts::put(tx, id, t)?;
    }
    Ok(payload(id, p))
}

/// The row a prepared document is stored as.
fn new_document(p: &Prepared) -> store::documents::NewDocument<'_> {
    store::documents::NewDocument {
        kind: p.kind.as_str(),
        title: &p.title,
        source_file: &p.file_name,
        source_path: &p.abs,
        sha256: &p.sha,
        encoding: &p.encoding,
        chars: p.chars,
        text: &p.text,
        text_sha256: &p.text_sha256,
        pages: None,
    }
}

/// The audit entry of a stored document.
fn payload(id: i64, p: &Prepared) -> serde_json::Value {
    serde_json::json!({ "id": id, "kind": p.kind.as_str(), "file": p.file_name, "sha256": p.sha, "chars": p.chars })
}

/// Fills a report from a prepared document.
fn report(rep: &mut FileReport, p: &Prepared) {
    rep.encoding = Some(p.encoding.clone());
    rep.kind = Some(p.kind);
}

/// Imports a document; `kind` forces letter or transcript (else from the content).
pub(super) fn import(
    case: &Case,
    t: &Target<'_>,
    kind: Option<DocKind>,
    rep: &mut FileReport,
    progress: &mut dyn FnMut(u64, u64),
) -> Result<()> {
    let p = prepare(t, kind)?;
    if let Some((k, _, _)) = existing(case, &p.sha, None)? {
        rep.status = Status::Duplicate;
        rep.kind = Some(k);
        return Ok(());
    }
    report(rep, &p);
    case.write("import.document", |tx| -> Result<((), serde_json::Value)> {
        let id = store::documents::next_id(tx)?;
        Ok(((), store(tx, id, &p)?))
    })?;
    progress(p.size, p.size);
    rep.status = Status::Imported;
    Ok(())
}

/// Imports a group of documents (see the module's note): `reps[i]` is filled
/// for `targets[i]`; `done(i, bytes)` is called as each file is settled.
pub(super) fn import_group(
    case: &Case,
    targets: &[Target<'_>],
    kind: Option<DocKind>,
    reps: &mut [FileReport],
    done: &mut dyn FnMut(usize, u64),
) {
    let prepared = prepare_all(targets, kind);
    // Hashes already in the case, in two queries for the whole group.
    let shas: Vec<&str> = prepared
        .iter()
        .filter_map(|p| p.as_ref().ok().map(|p| p.sha.as_str()))
        .collect();
    let known = match known_kinds(case, &shas) {
        Ok(k) => k,
        Err(e) => {
            for (rep, _) in reps.iter_mut().zip(targets) {
                rep.status = Status::Error;
                rep.error = Some(e.to_string());
            }
            return;
        }
    };
    // What goes in: new hashes, the first of any repeated within the group.
    let mut seen: HashMap<&str, DocKind> = HashMap::new();
    let mut fresh: Vec<(usize, &Prepared)> = Vec::new();
    for (i, p) in prepared.iter().enumerate() {
        let rep = &mut reps[i];
        match p {
            Err(e) => {
                rep.status = Status::Error;
                rep.error = Some(e.to_string());
            }
            Ok(p) => {
                if let Some(k) = known.get(p.sha.as_str()).or(seen.get(p.sha.as_str())) {
                    rep.status = Status::Duplicate;
                    rep.kind = Some(*k);
                } else {
                    seen.insert(&p.sha, p.kind);
                    report(rep, p);
                    fresh.push((i, p));
                }
            }
        }
    }
    if !fresh.is_empty() {
        let stored = case.write_many(
            "import.document",
            |tx| -> Result<((), Vec<serde_json::Value>)> {
                let first = store::documents::next_id(tx)?;
                let docs: Vec<_> = fresh.iter().map(|(_, p)| new_document(p)).collect();
                store::documents::insert_many_at(tx, first, &docs)?;
                let mut payloads = Vec::with_capacity(fresh.len());
                for (n, (_, p)) in fresh.iter().enumerate() {
                    let id = first + n as i64;
                    if let Some(t) = &p.transcript {
                        store::transcripts::put(tx, id, t)?;
                    }
                    payloads.push(payload(id, p));
                }
                Ok(((), payloads))
            },
        );
        match stored {
            Ok(()) => {
                for (i, _) in &fresh {
                    reps[*i].status = Status::Imported;
                }
            }
            // The group rolled back whole: each file on its own, so the one
            // at fault is named and the rest still go in.
            Err(_) => {
                for (i, p) in &fresh {
                    let rep = &mut reps[*i];
                    match case.write("import.document", |tx| -> Result<((), serde_json::Value)> {
                        let id = store::documents::next_id(tx)?;
                        Ok(((), store(tx, id, p)?))
                    }) {
                        Ok(()) => rep.status = Status::Imported,
                        Err(e) => {
                            rep.status = Status::Error;
                            rep.error = Some(e.to_string());
                        }
                    }
                }
            }
        }
    }
    for (i, p) in prepared.iter().enumerate() {
        done(i, p.as_ref().map(|p| p.size).unwrap_or(0));
    }
}

/// [`prepare`] for every target, on every core; results in the targets' order.
fn prepare_all(targets: &[Target<'_>], kind: Option<DocKind>) -> Vec<Result<Prepared>> {
    let threads = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(1)
        .min(targets.len().max(1));
    if threads <= 1 {
        return targets.iter().map(|t| prepare(t, kind)).collect();
    }
    let per = targets.len().div_ceil(threads);
    std::thread::scope(|s| {
        let parts: Vec<_> = targets
            .chunks(per)
            .map(|chunk| {
                s.spawn(move || chunk.iter().map(|t| prepare(t, kind)).collect::<Vec<_>>())
            })
            .collect();
        parts
            .into_iter()
            .zip(targets.chunks(per))
            .flat_map(|(h, chunk)| {
                h.join().unwrap_or_else(|_| {
                    // A reader panicked: those files fail, the rest go on.
                    chunk
                        .iter()
                        .map(|t| {
                            Err(Error::LoadFailed {
                                file: t.display.to_string(),
                                detail: "internal error".into(),
                            })
                        })
                        .collect()
                })
            })
            .collect()
    })
}

/// Kinds of what these hashes were already imported as (documents, or
/// whole-file ledgers).
fn known_kinds(case: &Case, shas: &[&str]) -> crate::Result<HashMap<String, DocKind>> {
    let tx = case.reads();
    let mut out: HashMap<String, DocKind> = store::ledgers::existing_many(tx, shas)?
        .into_keys()
        .map(|sha| (sha, DocKind::Ledger))
        .collect();
    for (sha, kind) in store::documents::kinds_by_sha(tx, shas)? {
        out.insert(sha, DocKind::parse(&kind).unwrap_or(DocKind::Letter));
    }
    Ok(out)
}

/// A transcript has 问：/答： lines or 笔录 in its name; anything else is a letter.
pub fn detect_doc_kind(file_name: &str, text: &str) -> DocKind {
    if file_name.contains("笔录") {
        return DocKind::Transcript;
    }
    let starts = |p: &str| {
        text.lines().any(|l| {
            let l = l.trim_start_matches([' ', '\t', '\u{3000}']);
            l.starts_with(&format!("{p}：")) || l.starts_with(&format!("{p}:"))
        })
    };
    if starts("问") && starts("答") {
        DocKind::Transcript
    } else {
        DocKind::Letter
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn transcript_is_detected_from_question_answer_lines_or_name() {
        assert_eq!(
            detect_doc_kind("谈话记录.txt", "时间：2024年\n问：你叫什么？\n答：张三。\n"),
            DocKind::Transcript
        );
        assert_eq!(
            detect_doc_kind("张三谈话笔录.docx", "……"),
            DocKind::Transcript
        );
        assert_eq!(
            detect_doc_kind("举报信.txt", "我要举报村支书。问题如下"),
            DocKind::Letter
        );
        assert_eq!(
            detect_doc_kind("x.txt", "问:半角冒号\n答:也算\n"),
            DocKind::Transcript
        );
    }
}
