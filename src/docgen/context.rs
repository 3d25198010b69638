//! What a template may read, built from the case and one clue. Every field
//! is listed in docs/templates.md; a template naming another fails.

use serde::Serialize;

use crate::case::CatalogueEntry;
use crate::domain::EventKind;
use crate::error::Result;
use crate::normalise::{parse_date, parse_id_number, Sex};
use crate::register::{self, Clue};
use crate::store::{self, Case};
use crate::tr;

#[derive(Debug, Clone, Serialize)]
pub struct CaseFields {
    pub title: String,
    pub case_no: String,
    pub officer: String,
    pub as_of: String,
    pub as_of_cn: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct SubjectFields {
    pub name: String,
    /// As stored; exports mask it (first 6 and last 4).
    pub id_number: String,
    pub sex: String,
    pub birth: String,
    pub age: String,
    pub post: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct EvidenceFields {
    pub no: String,
    pub kind: String,
    /// 书证、证人证言 … (as set, or suggested from the item); empty when none.
    pub evidence_type: String,
    /// 原件 / 复印件, when said.
    pub original: String,
    /// What it proves (证明内容), when said.
    pub proves: String,
    pub relation: String,
    pub label: String,
    pub quote: String,
    pub note: String,
    pub reference: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct ProblemFields {
    /// 一、二、三…
    pub no: String,
    pub id: i64,
    pub title: String,
    pub text: String,
    pub status: String,
    pub reason: String,
    pub amount: String,
    pub evidence: Vec<EvidenceFields>,
    /// The catalogue numbers behind the facts: E-001、E-003.
    pub evidence_nos: String,
}

/// One catalogue entry with the problem it belongs to.
#[derive(Debug, Clone, Serialize)]
pub struct CatalogueLine {
    pub no: String,
    pub kind: String,
    pub relation: String,
    pub label: String,
    pub problem_no: String,
    pub problem: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct EventFields {
    pub date: String,
    pub date_cn: String,
    pub event: String,
    pub label: String,
    pub detail: String,
    pub note: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct DeadlineFields {
    pub what: String,
    pub due: String,
    pub state: String,
    pub done_on: String,
    pub late: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct ClueFields {
    pub number: String,
    pub title: String,
    pub source: String,
    pub received: String,
    pub received_cn: String,
    pub real_name: bool,
    pub informant: String,
    pub officer: String,
    pub village: String,
    pub status: String,
    pub disposition: String,
    pub outcome: String,
    pub sanction: String,
    pub form: String,
    pub subjects: Vec<SubjectFields>,
    /// The names of the persons complained about: 王堃、赵镕.
    pub subject_names: String,
    pub problems: Vec<ProblemFields>,
    /// Every problem's evidence in one list, in the problems' order.
    pub catalogue: Vec<CatalogueLine>,
    pub events: Vec<EventFields>,
    pub deadlines: Vec<DeadlineFields>,
    pub violation_amount: String,
    pub confiscated: String,
    pub refunded: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct InquiryFields {
    /// The date the 函询 letter went out (the as-of date when not yet).
    pub letter_date: String,
    pub letter_date_cn: String,
    /// The reply is due: the letter's date + the inquiry-reply limit.
    pub reply_due: String,
    pub reply_due_cn: String,
    pub reply_limit: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct Context {
    pub case: CaseFields,
    pub clue: ClueFields,
    pub today: String,
    pub today_cn: String,
    /// Questions still open: evidence that contradicts, findings not reviewed.
    pub open_questions: Vec<String>,
    pub inquiry: InquiryFields,
    /// The verification group: the clue's officer and the case's, then
    /// blank places so that at least two sign.
    pub group: Vec<String>,
    /// The bound volume of a county review pack, in order (empty outside
    /// `hecha pack`): what the 卷内文件目录 lists with its pages.
    pub volume: Vec<VolumeLine>,
}

/// One document of a bound volume (卷内文件目录's row).
#[derive(Debug, Clone, Default, Serialize)]
pub struct VolumeLine {
    /// 顺序号: 1, 2, …
    pub no: usize,
    /// 文号
    pub doc_no: String,
    /// 责任者
    pub author: String,
    pub title: String,
    /// 日期: 20240612
    pub date: String,
    /// 页号: `1-4`, `5`
    pub pages: String,
    /// 备注
    pub note: String,
}

/// `2024-06-30` → `2024年6月30日`.
pub fn date_cn(s: &str) -> String {
    match parse_date(s).ok().flatten() {
        Some(d) => format!("{}年{}月{}日", d.y, d.m, d.d),
        None => s.to_string(),
    }
}

const NUMERALS: [&str; 10] = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];

fn numeral(i: usize) -> String {
    NUMERALS
        .get(i)
        .map(|s| s.to_string())
        .unwrap_or_else(|| (i + 1).to_string())
}

fn evidence(e: &CatalogueEntry) -> EvidenceFields {
    EvidenceFields {
        no: e.no.to_string(),
        kind: tr!(&format!("tui.item.{}", e.kind)),
        evidence_type: e.evidence_type.map(|t| t.label()).unwrap_or_default(),
        original: e.original.map(|o| o.label()).unwrap_or_default(),
        proves: e.proves.clone().unwrap_or_default(),
        relation: e.relation.label(),
        label: e.label.clone(),
        quote: e.quote.clone().unwrap_or_default(),
        note: e.note.clone().unwrap_or_default(),
        reference: format!("{}:{}", e.kind, e.reference),
    }
}

fn subject(s: &store::clues::SubjectRow, as_of: &str) -> SubjectFields {
    let id = s.id_number.clone().unwrap_or_default();
    let parsed = parse_id_number(&id);
    let birth = parsed.as_ref().and_then(|p| p.birth_date);
    let age = match (birth, parse_date(as_of).ok().flatten()) {
        (Some(b), Some(now)) => {
            let mut a = now.y - b.y;
            if (now.m, now.d) < (b.m, b.d) {
                a -= 1;
            }
            a.to_string()
        }
        _ => String::new(),
    };
    SubjectFields {
        name: s.name.clone(),
        id_number: id,
        sex: match parsed.as_ref().and_then(|p| p.sex) {
            Some(Sex::Male) => "男".into(),
            Some(Sex::Female) => "女".into(),
            None => String::new(),
        },
        birth: birth
            .map(|b| format!("{}年{}月", b.y, b.m))
            .unwrap_or_default(),
        age,
        post: s.post.clone().unwrap_or_default(),
    }
}

fn catalogue(problems: &[ProblemFields]) -> Vec<CatalogueLine> {
    problems
        .iter()
        .flat_map(|p| {
            p.evidence.iter().map(move |e| CatalogueLine {
                no: e.no.clone(),
                kind: e.kind.clone(),
                relation: e.relation.clone(),
                label: e.label.clone(),
                problem_no: p.no.clone(),
                problem: p.title.clone(),
            })
        })
        .collect()
}

fn clue_fields(c: &Clue, as_of: &str) -> ClueFields {
    let money = |f: Option<crate::domain::Fen>| f.map(|f| f.to_string()).unwrap_or_default();
    let problems: Vec<ProblemFields> = c
        .problems
        .iter()
        .enumerate()
        .map(|(i, p)| ProblemFields {
            no: numeral(i),
            id: p.id,
            title: p.title.clone(),
            text: p.text.clone().unwrap_or_default(),
            status: p.status.label(),
            reason: p.reason.clone().unwrap_or_default(),
            amount: p.amount.map(|a| a.to_string()).unwrap_or_default(),
            evidence: p.evidence.iter().map(evidence).collect(),
            evidence_nos: p
                .evidence
                .iter()
                .filter(|e| e.relation != crate::domain::Relation::Contradicts)
                .map(|e| e.no.to_string())
                .collect::<Vec<_>>()
                .join("、"),
        })
        .collect();
    ClueFields {
        number: c.number.clone(),
        title: c.title.clone(),
        source: crate::domain::ClueSource::parse(&c.source)
            .map(|s| s.label())
            .unwrap_or_else(|| c.source.clone()),
        received: c.received.clone(),
        received_cn: date_cn(&c.received),
        real_name: c.real_name,
        informant: c.informant.clone().unwrap_or_default(),
        officer: c.officer.clone().unwrap_or_default(),
        village: c.village.clone().unwrap_or_default(),
        status: c.status.label(),
        disposition: c.disposition.map(|d| d.label()).unwrap_or_default(),
        outcome: c.outcome.map(|o| o.label()).unwrap_or_default(),
        sanction: c.sanction.map(|s| s.label()).unwrap_or_default(),
        form: c.form.map(|f| f.label()).unwrap_or_default(),
        subjects: c.subjects.iter().map(|s| subject(s, as_of)).collect(),
        subject_names: c.subject_names(),
        catalogue: catalogue(&problems),
        problems,
        events: c
            .events
            .iter()
            .map(|e| EventFields {
                date: e.date.clone(),
                date_cn: date_cn(&e.date),
                event: e.event.clone(),
                label: e.label(),
                detail: e.decisions().join("，"),
                note: e.note.clone().unwrap_or_default(),
            })
            .collect(),
        deadlines: c
            .deadlines
            .iter()
            .map(|d| DeadlineFields {
                what: d.what.label(),
                due: d.due.clone(),
                state: d.state.label(),
                done_on: d.done_on.clone().unwrap_or_default(),
                late: d.late,
            })
            .collect(),
        violation_amount: money(c.violation_amount),
        confiscated: money(c.confiscated),
        refunded: money(c.refunded),
    }
}

/// The context of clue `key` (id or number) on the case's as-of date.
pub fn build(case: &Case, key: &str) -> Result<Context> {
    let clue = register::clue(case, key, None)?;
    let info = case.info()?;
    let (case_no, officer, _) = store::export::case_fields(case)?;
    let as_of = info.as_of.clone();
    let today = store::today().to_string();
    // Open questions: the register's sufficiency warnings.
    let open_questions: Vec<String> = clue.warnings.iter().map(|w| w.text.clone()).collect();
    let settings = register::Settings::load(Some(case))?;
    let calendar = store::reference::calendar(case.reads())?;
    let letter = clue
        .events
        .iter()
        .rev()
        .find(|e| e.event == EventKind::LetterSent.code())
        .map(|e| e.date.clone())
        .unwrap_or_else(|| as_of.clone());
    let limit = settings.get("inquiry-reply");
    let reply_due = parse_date(&letter)
        .ok()
        .flatten()
        .and_then(|d| limit.end(&calendar, d))
        .map(|d| d.to_string())
        .unwrap_or_default();
    let mut group: Vec<String> = [clue.officer.clone(), officer.clone()]
        .into_iter()
        .flatten()
        .filter(|s| !s.trim().is_empty())
        .collect();
    group.dedup();
    while group.len() < 2 {
        group.push(String::new());
    }
    Ok(Context {
        case: CaseFields {
            title: info.title.clone(),
            case_no: case_no.unwrap_or_default(),
            officer: officer.unwrap_or_default(),
            as_of_cn: date_cn(&as_of),
            as_of: as_of.clone(),
        },
        clue: clue_fields(&clue, &as_of),
        today_cn: date_cn(&today),
        today,
        open_questions,
        inquiry: InquiryFields {
            letter_date_cn: date_cn(&letter),
            letter_date: letter,
            reply_due_cn: date_cn(&reply_due),
            reply_due,
            reply_limit: limit.to_string(),
        },
        group,
        volume: Vec::new(),
    })
}
