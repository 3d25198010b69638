//! The elements of an interview record (谈话笔录) as written in it — start and
//! end to the minute, place, interviewers, recorder, the person heard, the
//! notice of rights and duties, the Q/A turns, the closing confirmation — and
//! which of them a county reviewer would find missing. Read by
//! `ingest::transcript::parse`, stored per document (`transcripts`), checked by
//! the rules `transcript-elements` and `interviewer-overlap`.

use serde::Serialize;

/// The elements of one transcript, as written in it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Transcript {
    /// `YYYY-MM-DD HH:MM`
    pub start: Option<String>,
    pub end: Option<String>,
    pub place: Option<String>,
    pub interviewers: Vec<String>,
    pub recorder: Option<String>,
    pub interviewee: Option<String>,
    pub interviewee_id: Option<String>,
    /// The notice of rights and duties was read out.
    pub notice: bool,
    /// The closing confirmation is there.
    pub closing: bool,
    pub questions: usize,
    pub answers: usize,
    /// 1-based line of the time (时间：…), when there is one.
    pub time_line: Option<u32>,
    /// 1-based line naming the interviewers (谈话人：…), when there is one.
    pub interviewers_line: Option<u32>,
    /// The last line of the head (before the first question), 1-based.
    pub head_end: u32,
}

impl Transcript {
    /// The parser's version: stored rows of an older one are read again.
    pub const PARSER: i32 = 1;

    /// What a reviewer would find missing: `start`, `end`, `place`,
    /// `interviewers` (fewer than two), `recorder`, `interviewee`, `notice`,
    /// `closing`, and `end-before-start`.
    pub fn missing(&self) -> Vec<&'static str> {
        let mut out = Vec::new();
        let checks = [
            ("start", self.start.is_some()),
            ("end", self.end.is_some()),
            ("place", self.place.is_some()),
            ("interviewers", self.interviewers.len() >= 2),
            ("recorder", self.recorder.is_some()),
            ("interviewee", self.interviewee.is_some()),
            ("notice", self.notice),
            ("closing", self.closing),
        ];
        for (code, ok) in checks {
            if !ok {
                out.push(code);
            }
        }
        if let (Some(s), Some(e)) = (&self.start, &self.end) {
            if e < s {
                out.push("end-before-start");
            }
        }
        out
    }

    /// True when both have a time span and the spans overlap (touching ends do not).
    pub fn overlaps(&self, other: &Transcript) -> bool {
        match (&self.start, &self.end, &other.start, &other.end) {
            (Some(a0), Some(a1), Some(b0), Some(b1)) => a0 < b1 && b0 < a1,
            _ => false,
        }
    }
}
