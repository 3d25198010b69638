//! A letter or a transcript: its text (plain text in any supported encoding,
//! or a Word .docx) into the `documents` table, in one transaction with its
//! audit entry.

use super::error::{Error, Result};
use super::files::read_hashed;
use super::{decode, detect_error, docx, existing, DocKind, FileReport, Status, Target};
use crate::store;
use crate::store::Case;

/// Imports a document; `kind` forces letter or transcript (else from the content).
pub(super) fn import(
    case: &Case,
    t: &Target<'_>,
    kind: Option<DocKind>,
    rep: &mut FileReport,
    progress: &mut dyn FnMut(u64, u64),
) -> Result<()> {
    let Target {
        path,
        display,
        ext,
        file_name,
        abs,
    } = *t;
    let (bytes, sha) = read_hashed(path)?;
    if let Some((k, _, _)) = existing(case, &sha, None)? {
        rep.status = Status::Duplicate;
        rep.kind = Some(k);
        return Ok(());
    }
    let (text, encoding) = if ext == "docx" {
        if bytes.is_empty() {
            return Err(Error::Empty {
                file: display.to_string(),
            });
        }
        let file = display.to_string();
        let text = docx::docx_text(&bytes).map_err(|e| match e {
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
        (text, "DOCX".to_string())
    } else {
        let enc = decode::detect(
            &bytes[..bytes.len().min(decode::SNIFF_LEN)],
            bytes.len() <= decode::SNIFF_LEN,
        )
        .map_err(|e| detect_error(display, e))?;
        let text = decode::decode_all(&bytes, enc).map_err(|d| Error::DecodeFailed {
            file: display.to_string(),
            offset: d.offset,
            encoding: d.encoding.as_str(),
        })?;
        (text.replace("\r\n", "\n"), enc.as_str().to_string())
    };
    if text.trim().is_empty() {
        return Err(Error::Empty {
            file: display.to_string(),
        });
    }
    rep.encoding = Some(encoding.clone());
    let kind = match kind {
        Some(DocKind::Ledger) | None => detect_doc_kind(file_name, &text),
        Some(k) => k,
    };
    rep.kind = Some(kind);
    let title = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| file_name.to_string());
    let chars = text.chars().count() as i64;
    let text_sha256 = crate::audit::sha256_hex(text.as_bytes());
    case.write("import.document", |tx| -> Result<((), serde_json::Value)> {
        let id = store::documents::insert(
            tx,
            &store::documents::NewDocument {
                kind: kind.as_str(),
                title: &title,
                source_file: file_name,
                source_path: abs,
                sha256: &sha,
                encoding: &encoding,
                chars,
                text: &text,
                text_sha256: &text_sha256,
                pages: None,
            },
        )?;
        if kind == DocKind::Transcript {
            store::transcripts::put(tx, id, &super::transcript::parse(&text))?;
        }
        Ok((
            (),
            serde_json::json!({ "id": id, "kind": kind.as_str(), "file": file_name, "sha256": sha, "chars": chars }),
        ))
    })?;
    progress(bytes.len() as u64, bytes.len() as u64);
    rep.status = Status::Imported;
    Ok(())
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
