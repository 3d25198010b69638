//! Reading an interview record (谈话笔录): start and end time to the minute,
//! place, interviewers, recorder, the person heard (name, ID number), the
//! notice of rights and duties, the question/answer turns and the closing
//! confirmation (以上笔录我看过，和我说的一样). What is missing is
//! [`Transcript::missing`].

use std::sync::OnceLock;

pub use crate::domain::Transcript;
use regex::Regex;

/// The words that open each head line.
const HEARD: &[&str] = &[
    "被谈话人",
    "被询问人",
    "被讯问人",
    "被调查人",
    "谈话对象",
    "询问对象",
];
const ASKERS: &[&str] = &[
    "谈话人",
    "询问人",
    "讯问人",
    "调查人",
    "谈话人员",
    "询问人员",
];
const RECORDER: &[&str] = &["记录人", "记录员"];
const TIME: &[&str] = &["时间", "谈话时间", "询问时间", "讯问时间", "起止时间"];
const PLACE: &[&str] = &["地点", "谈话地点", "询问地点", "讯问地点"];

/// The value of a head line `WORD：value` among the first lines, for any of `words`.
fn head_value<'a>(lines: &[&'a str], words: &[&str]) -> Option<&'a str> {
    head_at(lines, words).map(|(_, v)| v)
}

/// [`head_value`] with the 1-based number of its line.
fn head_at<'a>(lines: &[&'a str], words: &[&str]) -> Option<(u32, &'a str)> {
    lines.iter().enumerate().find_map(|(i, line)| {
        let line = line.trim_start_matches([' ', '　', '\t']);
        words.iter().find_map(|w| {
            let rest = line.strip_prefix(w)?;
            let rest = rest.trim_start_matches([' ', '　']);
            let rest = rest.strip_prefix('：').or_else(|| rest.strip_prefix(':'))?;
            Some((i as u32 + 1, rest.trim()))
        })
    })
}

/// A name without its post in brackets: 王敏（清水镇纪委书记） → 王敏.
fn bare_name(s: &str) -> String {
    s.split(['（', '('])
        .next()
        .unwrap_or_default()
        .trim_matches([' ', '　'])
        .to_string()
}

fn times() -> &'static (Regex, Regex) {
    static RE: OnceLock<(Regex, Regex)> = OnceLock::new();
    RE.get_or_init(|| {
        let clock = r"(上午|下午|晚上|中午)?\s*(\d{1,2})\s*(?:时|点|:|：)\s*(\d{1,2})?\s*分?";
        let start = format!(r"(\d{{4}})\s*年\s*(\d{{1,2}})\s*月\s*(\d{{1,2}})\s*日\s*{clock}");
        let end = format!(
            r"(?:至|到|—|－|-|~|～)\s*(?:(\d{{4}})\s*年\s*(\d{{1,2}})\s*月\s*(\d{{1,2}})\s*日)?\s*{clock}"
        );
        (
            Regex::new(&start).unwrap_or_else(|_| Regex::new("$^").expect("an empty pattern")),
            Regex::new(&end).unwrap_or_else(|_| Regex::new("$^").expect("an empty pattern")),
        )
    })
}

/// `2024-04-10 09:30` from its parts; `None` when a number is out of range.
fn stamp(y: u32, m: u32, d: u32, half: Option<&str>, h: u32, min: u32) -> Option<String> {
    let h = match half {
        Some("下午" | "晚上") if h < 12 => h + 12,
        _ => h,
    };
    crate::normalise::Ymd::new(y as i32, m, d)?;
    (h < 24 && min < 60).then(|| format!("{y:04}-{m:02}-{d:02} {h:02}:{min:02}"))
}

/// The start and end of `时间：2024年4月10日9时30分至11时20分`.
fn span(value: &str) -> (Option<String>, Option<String>) {
    let (start_re, end_re) = times();
    let Some(c) = start_re.captures(value) else {
        return (None, None);
    };
    let num = |c: &regex::Captures, i: usize| c.get(i).and_then(|m| m.as_str().parse::<u32>().ok());
    let (y, m, d) = (num(&c, 1), num(&c, 2), num(&c, 3));
    let start = match (y, m, d, num(&c, 5)) {
        (Some(y), Some(m), Some(d), Some(h)) => stamp(
            y,
            m,
            d,
            c.get(4).map(|x| x.as_str()),
            h,
            num(&c, 6).unwrap_or(0),
        ),
        _ => None,
    };
    let rest = &value[c.get(0).map(|m| m.end()).unwrap_or(0)..];
    let end = end_re.captures(rest).and_then(|e| {
        let y = num(&e, 1).or(y)?;
        let m = num(&e, 2).or(m)?;
        let d = num(&e, 3).or(d)?;
        stamp(
            y,
            m,
            d,
            e.get(4).map(|x| x.as_str()),
            num(&e, 5)?,
            num(&e, 6).unwrap_or(0),
        )
    });
    (start, end)
}

fn closing_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"(?:以上|上述)(?:笔录|记录)[^。\n]{0,16}(?:看过|阅读|阅看|宣读|核对)|与我(?:所)?说的(?:一样|一致|相符)")
            .unwrap_or_else(|_| Regex::new("$^").expect("an empty pattern"))
    })
}

/// Reads the elements of a transcript's text.
pub fn parse(text: &str) -> Transcript {
    let lines: Vec<&str> = text.lines().collect();
    let head: Vec<&str> = lines.iter().take(30).copied().collect();
    let time = head_at(&head, TIME);
    let (start, end) = time.map(|(_, v)| span(v)).unwrap_or((None, None));
    let heard = head_value(&head, HEARD);
    let interviewee = heard
        .map(|h| {
            h.chars()
                .take_while(|c| !matches!(c, '，' | ',' | '、' | ' ' | '　' | '（' | '('))
                .collect::<String>()
        })
        .filter(|n| !n.is_empty());
    let interviewee_id = heard.and_then(|h| {
        static ID: OnceLock<Option<Regex>> = OnceLock::new();
        ID.get_or_init(|| Regex::new(r"\d{17}[\dXx]").ok())
            .as_ref()?
            .find(h)
            .map(|m| m.as_str().to_uppercase())
    });
    let askers = head_at(&head, ASKERS);
    let interviewers: Vec<String> = askers
        .map(|(_, v)| {
            v.split(['、', '，', ',', '；', ';', ' ', '　'])
                .map(bare_name)
                .filter(|n| !n.is_empty())
                .collect()
        })
        .unwrap_or_default();
    let turn = |l: &&str, w: &str| {
        let l = l.trim_start_matches([' ', '　']);
        l.starts_with(&format!("{w}：")) || l.starts_with(&format!("{w}:"))
    };
    let first_turn = lines
        .iter()
        .position(|l| turn(l, "问") || turn(l, "答"))
        .unwrap_or(lines.len().min(head.len()));
    let head_end = lines[..first_turn]
        .iter()
        .rposition(|l| !l.trim().is_empty())
        .map(|i| i as u32 + 1)
        .unwrap_or(1);
    let questions = lines.iter().filter(|l| turn(l, "问")).count();
    let answers = lines.iter().filter(|l| turn(l, "答")).count();
    // The notice is read out in the first questions.
    let opening: String = lines
        .iter()
        .filter(|l| turn(l, "问"))
        .take(3)
        .copied()
        .collect::<Vec<_>>()
        .join("\n");
    let notice = opening.contains("如实")
        && ["权利", "义务", "出示工作证", "依规依纪依法", "告知"]
            .iter()
            .any(|w| opening.contains(w));
    Transcript {
        start,
        end,
        place: head_value(&head, PLACE)
            .map(str::to_string)
            .filter(|p| !p.is_empty()),
        interviewers,
        recorder: head_value(&head, RECORDER)
            .map(bare_name)
            .filter(|r| !r.is_empty()),
        interviewee,
        interviewee_id,
        notice,
        closing: closing_re().is_match(text),
        questions,
        answers,
        time_line: time.map(|(n, _)| n),
        interviewers_line: askers.map(|(n, _)| n),
        head_end,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const CLEAN: &str = "谈 话 笔 录\n\n时间：2024年4月10日9时30分至11时20分\n地点：清水镇纪委谈话室\n\
谈话人：王敏（清水镇纪委书记）、李涛（清水镇纪委委员）\n记录人：陈静（清水镇纪委纪检干事）\n\
被谈话人：刘建国，男，1968年11月23日出生，公民身份号码430423196811233232，汉族\n\n\
问：我们是清水镇纪委的工作人员（出示工作证件），今天依规依纪依法找你谈话。你要如实说明情况。听清楚了吗？\n答：听清楚了。\n\
问：以上笔录请你看一下，是否与你所说的一致？\n答：以上笔录我看过，和我说的一样。\n";

    #[test]
    fn a_clean_transcript_has_every_element() {
        let t = parse(CLEAN);
        assert_eq!(t.start.as_deref(), Some("2024-04-10 09:30"));
        assert_eq!(t.end.as_deref(), Some("2024-04-10 11:20"));
        assert_eq!(t.place.as_deref(), Some("清水镇纪委谈话室"));
        assert_eq!(t.interviewers, ["王敏", "李涛"]);
        assert_eq!(t.recorder.as_deref(), Some("陈静"));
        assert_eq!(t.interviewee.as_deref(), Some("刘建国"));
        assert_eq!(t.interviewee_id.as_deref(), Some("430423196811233232"));
        assert!(t.notice && t.closing);
        assert_eq!((t.questions, t.answers), (2, 2));
        assert_eq!(
            (t.time_line, t.interviewers_line, t.head_end),
            (Some(3), Some(5), 7)
        );
        assert!(t.missing().is_empty(), "{:?}", t.missing());
    }

    #[test]
    fn each_defect_alone_is_named() {
        let cases = [
            ("时间：2024年4月10日9时30分至11时20分", "时间：", "start"),
            ("至11时20分", "", "end"),
            ("地点：清水镇纪委谈话室", "", "place"),
            ("、李涛（清水镇纪委委员）", "", "interviewers"),
            ("记录人：陈静（清水镇纪委纪检干事）", "", "recorder"),
            ("被谈话人：刘建国，", "", "interviewee"),
            ("你要如实说明情况。", "", "notice"),
            (
                "答：以上笔录我看过，和我说的一样。",
                "答：是的。",
                "closing",
            ),
        ];
        for (from, to, code) in cases {
            let text = CLEAN.replacen(from, to, 1);
            let missing = parse(&text).missing();
            let expected: &[&str] = if code == "start" {
                &["start", "end"]
            } else {
                &[code]
            };
            assert_eq!(missing, expected, "{code}: {text}");
        }
        let backwards = CLEAN.replace("至11时20分", "至9时10分");
        assert_eq!(parse(&backwards).missing(), ["end-before-start"]);
    }

    #[test]
    fn afternoon_times_and_overlaps() {
        let a = parse(&CLEAN.replace("9时30分至11时20分", "下午2时30分至下午3时40分"));
        assert_eq!(a.start.as_deref(), Some("2024-04-10 14:30"));
        assert_eq!(a.end.as_deref(), Some("2024-04-10 15:40"));
        let b = parse(&CLEAN.replace("9时30分至11时20分", "15时00分至16时30分"));
        let c = parse(&CLEAN.replace("9时30分至11时20分", "15时40分至16时30分"));
        assert!(a.overlaps(&b) && b.overlaps(&a));
        assert!(!a.overlaps(&c), "back to back is no overlap");
    }
}
