//! Evidence quality: the kind of each catalogue entry (suggested from the
//! item, changeable), original or copy, and what it proves.

use std::collections::HashMap;

use super::CaseError;
use crate::domain::{EvidenceType, Original};
use crate::error::{Error, Result};
use crate::store::links::EvidenceSpec;
use crate::store::{self, Case};

pub use crate::store::allegations::Allegation;

/// The kind an item suggests: a ledger row or a finding is 书证; a letter is
/// complaint material (not evidence); a transcript is 被调查人陈述和辩解 when
/// it hears one of `subjects`, else 证人证言. `doc` gives a document's kind,
/// title and text.
pub fn suggest(
    item_kind: &str,
    doc: Option<(&str, &str, &str)>,
    subjects: &[String],
) -> Option<EvidenceType> {
    match item_kind {
        "row" | "finding" => Some(EvidenceType::Documentary),
        "document" => {
            let (kind, title, text) = doc?;
            if kind == "letter" {
                return Some(EvidenceType::ClueMaterial);
            }
            let heard = crate::ingest::transcript::parse(text).interviewee;
            let is_subject = subjects.iter().any(|s| {
                !s.is_empty()
                    && (heard.as_deref() == Some(s.as_str())
                        || (heard.is_none() && title.contains(s.as_str())))
            });
            Some(if is_subject {
                EvidenceType::SubjectStatement
            } else {
                EvidenceType::Witness
            })
        }
        _ => None,
    }
}

/// Fills in the suggested kind of every catalogue entry whose kind was not set.
pub(crate) fn fill_suggestions(case: &Case, allegations: &mut [Allegation]) -> Result<()> {
    if allegations
        .iter()
        .all(|a| a.evidence.iter().all(|e| e.type_set))
    {
        return Ok(());
    }
    let subjects: HashMap<i64, Vec<String>> = store::clues::subjects(case.reads())?
        .into_iter()
        .map(|(clue, s)| (clue, s.into_iter().map(|s| s.name).collect()))
        .collect();
    let docs = store::documents::heads(case.reads())?;
    let none = Vec::new();
    for a in allegations.iter_mut() {
        let names = a.clue_id.and_then(|c| subjects.get(&c)).unwrap_or(&none);
        for e in a.evidence.iter_mut().filter(|e| !e.type_set) {
            let doc = e
                .reference
                .split(':')
                .next()
                .and_then(|id| id.parse::<i64>().ok())
                .and_then(|id| docs.get(&id))
                .filter(|_| e.kind == "document")
                .map(|(k, t, x)| (k.as_str(), t.as_str(), x.as_str()));
            e.evidence_type = suggest(&e.kind, doc, names);
        }
    }
    Ok(())
}

/// Says what catalogue entry `link` is (see [`spec`]); what `spec` leaves
/// out stays as it was.
pub fn set(case: &Case, link: i64, spec: &EvidenceSpec) -> Result<()> {
    if *spec == EvidenceSpec::default() {
        return Err(CaseError::NothingToSet.into());
    }
    if !store::links::set_evidence(case, link, spec)? {
        return Err(CaseError::NoLink { id: link }.into());
    }
    Ok(())
}

/// The spec from what the user wrote, each value checked.
pub fn spec(
    evidence_type: Option<&str>,
    original: Option<&str>,
    proves: Option<&str>,
) -> Result<EvidenceSpec> {
    let evidence_type = evidence_type
        .map(|t| {
            EvidenceType::parse(t).ok_or_else(|| {
                Error::from(CaseError::BadEvidenceType {
                    value: t.to_string(),
                })
            })
        })
        .transpose()?;
    let original = original
        .map(|o| {
            Original::parse(o).ok_or_else(|| {
                Error::from(CaseError::BadOriginal {
                    value: o.to_string(),
                })
            })
        })
        .transpose()?;
    let proves = proves
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(str::to_string);
    Ok(EvidenceSpec {
        evidence_type,
        original,
        proves,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEAD: &str = "谈 话 笔 录\n\n时间：2024年4月10日9时30分至11时20分\n被谈话人：刘建国，男，1968年11月23日出生\n";

    #[test]
    fn each_source_kind_suggests_its_evidence_type() {
        let subjects = vec!["刘建国".to_string()];
        assert_eq!(
            suggest("row", None, &subjects),
            Some(EvidenceType::Documentary)
        );
        assert_eq!(
            suggest("finding", None, &subjects),
            Some(EvidenceType::Documentary)
        );
        assert_eq!(
            suggest(
                "document",
                Some(("letter", "举报信", "举报人：李春生")),
                &subjects
            ),
            Some(EvidenceType::ClueMaterial)
        );
        assert_eq!(
            suggest(
                "document",
                Some(("transcript", "谈话笔录", HEAD)),
                &subjects
            ),
            Some(EvidenceType::SubjectStatement)
        );
        let witness = HEAD.replace("被谈话人：刘建国", "被谈话人：李春生");
        assert_eq!(
            suggest(
                "document",
                Some(("transcript", "谈话笔录_李春生", &witness)),
                &subjects
            ),
            Some(EvidenceType::Witness)
        );
        // No interviewee line: the title names who was heard.
        assert_eq!(
            suggest(
                "document",
                Some(("transcript", "谈话笔录_刘建国_20240410", "问：答：")),
                &subjects
            ),
            Some(EvidenceType::SubjectStatement)
        );
        assert_eq!(suggest("person", None, &subjects), None);
    }
}
