//! The person view: everything the case holds about one ID number.

use std::collections::{BTreeMap, HashSet};

use serde::Serialize;

use super::links::LinkRow;
use super::CaseError;
use crate::domain::CatalogueNo;
use crate::error::{Error, Result};
use crate::normalise as norm;
use crate::store::{self, Case};

/// One dated (or undated) event in a person's timeline.
#[derive(Debug, Clone, Serialize)]
pub struct Event {
    pub date: Option<String>,
    pub kind: String,
    pub text: String,
    pub ledger: Option<String>,
    pub row: Option<i64>,
}

/// Everything about one ID number in the case.
#[derive(Debug, Clone, Serialize)]
pub struct PersonView {
    pub id_number: String,
    pub names: Vec<String>,
    /// role → (ledger, row) references
    pub rows: BTreeMap<String, Vec<(String, i64)>>,
    pub timeline: Vec<Event>,
    pub documents: Vec<String>,
    pub findings: Vec<crate::checks::Finding>,
    /// (allegation id, title, catalogue number) where the person, one of their
    /// findings or one of their ledger rows is evidence.
    pub links: Vec<(i64, String, CatalogueNo)>,
    /// Links between the person and other items (findings, rows, documents…).
    pub cross_links: Vec<LinkRow>,
    pub notes: Vec<super::notes::Note>,
    pub tags: Vec<String>,
}

/// The person view: ledger rows by role, a dated timeline, the documents that
/// name the person (by name or ID), findings and links.
pub fn person(case: &Case, id_number: &str) -> Result<PersonView> {
    let idn = norm::parse_id_number(id_number)
        .and_then(|i| i.normalised)
        .ok_or_else(|| {
            Error::from(CaseError::BadPerson {
                value: id_number.to_string(),
            })
        })?;
    // Words of the event texts, in the UI language.
    let word = |k: &str| crate::tr!(&format!("person.{k}"));
    let mut names: Vec<String> = Vec::new();
    let mut rows: BTreeMap<String, Vec<(String, i64)>> = Default::default();
    let mut timeline = Vec::new();
    for r in store::person::role_rows(case, &idn, &word)? {
        if let Some(n) = r.name.filter(|n| !names.contains(n)) {
            names.push(n);
        }
        rows.entry(r.role.to_string())
            .or_default()
            .push((r.ledger.clone(), r.row));
        timeline.push(Event {
            date: r.date,
            kind: r.role.to_string(),
            text: r.text.unwrap_or_default(),
            ledger: Some(r.ledger),
            row: Some(r.row),
        });
    }
    // Complaints name people, not ID numbers.
    for n in &names {
        for (ledger, row, date, text) in store::person::complaints_naming(case, n, &word)? {
            rows.entry("complaints".into())
                .or_default()
                .push((ledger.clone(), row));
            timeline.push(Event {
                date,
                kind: "complaints".into(),
                text: text.unwrap_or_default(),
                ledger: Some(ledger),
                row: Some(row),
            });
        }
    }
    let documents = documents_naming(case, &idn, &names)?;
    timeline.sort_by(|a, b| a.date.cmp(&b.date).then(a.kind.cmp(&b.kind)));
    let findings: Vec<crate::checks::Finding> = crate::checks::latest_findings(case, None)?
        .map(|(_, _, f)| f.into_iter().filter(|f| f.subject.key == idn).collect())
        .unwrap_or_default();
    // Evidence about the person: the person, their findings, their ledger rows.
    let ledger_ids = store::items::ledger_ids(case)?;
    let mut mine: HashSet<(String, String)> = Default::default();
    mine.insert(("person".into(), idn.clone()));
    for f in &findings {
        mine.insert(("finding".into(), f.id.clone()));
    }
    for refs in rows.values() {
        for (ledger, row) in refs {
            if let Some(id) = ledger_ids.get(ledger) {
                mine.insert(("row".into(), format!("{id}:{row}")));
            }
        }
    }
    // One read of the links: allegation evidence about the person, and the
    // person's cross-references.
    let (evidence, cross): (Vec<LinkRow>, Vec<LinkRow>) = super::links::links(case)?
        .into_iter()
        .partition(|l| l.catalogue.is_some());
    let links = evidence
        .into_iter()
        .filter(|l| mine.contains(&(l.b.kind.clone(), l.b.reference.clone())))
        .filter_map(|l| Some((l.a.reference.parse().ok()?, l.a.label, l.catalogue?)))
        .collect();
    let cross_links = cross
        .into_iter()
        .filter(|l| {
            [&l.a, &l.b]
                .iter()
                .any(|e| e.kind == "person" && e.reference == idn)
        })
        .collect();
    let notes = super::notes::notes_for(case, "person", &idn)?;
    let tags = super::notes::tags_for(case, "person", &idn)?;
    Ok(PersonView {
        id_number: idn,
        names,
        rows,
        timeline,
        documents,
        findings,
        links,
        cross_links,
        notes,
        tags,
    })
}

/// Letters and transcripts that mention the person by name or ID (18- or 15-digit form).
fn documents_naming(case: &Case, idn: &str, names: &[String]) -> Result<Vec<String>> {
    let old15 = if idn.len() == 18 && idn.get(6..8) == Some("19") {
        Some(format!("{}{}", &idn[..6], &idn[8..17]))
    } else {
        None
    };
    let lower = idn.to_lowercase();
    let mut documents = Vec::new();
    for (title, text) in store::items::document_texts(case)? {
        let folded = crate::search::analysis::fold_str(&text);
        let hit = folded.contains(&lower)
            || old15.as_ref().is_some_and(|o| folded.contains(o.as_str()))
            || names.iter().any(|n| text.contains(n.as_str()));
        if hit {
            documents.push(title);
        }
    }
    Ok(documents)
}
