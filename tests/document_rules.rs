//! The rules over documents: transcript elements, interviewers in two places
//! at once, near-duplicate (雷同) documents — on made-up records and on the
//! sample data's planted ones.

mod common;

use std::path::Path;

use common::{cli_json, import_json, new_case};

const CLEAN: &str = "谈 话 笔 录\n\n时间：2024年4月10日9时30分至11时20分\n地点：清水镇纪委谈话室\n\
谈话人：王敏（清水镇纪委书记）、李涛（清水镇纪委委员）\n记录人：陈静（清水镇纪委纪检干事）\n\
被谈话人：刘建国，男，公民身份号码430423196811233232\n\n\
问：我们是清水镇纪委的工作人员（出示工作证件），今天依规依纪依法找你谈话。你要如实说明情况。听清楚了吗？\n答：听清楚了。\n\
问：铁塔补偿款是怎么处理的？\n答：先付了李春生4000元，剩下的留在村里。\n\
问：以上笔录请你看一下，是否与你所说的一致？\n答：以上笔录我看过，和我说的一样。\n";

/// Writes `files` (name, text) into `dir/in` and imports them as transcripts.
fn import_transcripts(dir: &Path, files: &[(String, String)]) -> std::path::PathBuf {
    let case = new_case(dir);
    let folder = dir.join("in");
    std::fs::create_dir_all(&folder).unwrap();
    for (name, text) in files {
        std::fs::write(folder.join(name), text).unwrap();
    }
    let (code, v) = import_json(&case, &[&folder], &["--kind", "transcript"]);
    assert_eq!(code, 0, "{v}");
    case
}

/// The findings of `rule` (run alone, with `sets`), as JSON.
fn findings(case: &Path, rule: &str, sets: &[&str]) -> Vec<serde_json::Value> {
    let mut args = vec!["check", "--rule", rule];
    for s in sets {
        args.extend(["--set", s]);
    }
    let v = cli_json(&args, case);
    assert!(v["rules"][0]["error"].is_null(), "{}", v["rules"][0]);
    v["findings"].as_array().unwrap().clone()
}

fn strings(v: &serde_json::Value) -> Vec<String> {
    v.as_array()
        .map(|a| {
            a.iter()
                .filter_map(|x| x.as_str().map(String::from))
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn each_transcript_defect_alone_is_found_and_a_clean_record_is_not() {
    let dir = tempfile::tempdir().unwrap();
    let defects = [
        ("start", "时间：2024年4月10日9时30分至11时20分", "时间："),
        ("end", "至11时20分", ""),
        ("place", "地点：清水镇纪委谈话室\n", ""),
        ("interviewers", "、李涛（清水镇纪委委员）", ""),
        ("recorder", "记录人：陈静（清水镇纪委纪检干事）\n", ""),
        (
            "interviewee",
            "被谈话人：刘建国，男，公民身份号码430423196811233232\n",
            "",
        ),
        ("notice", "你要如实说明情况。", ""),
        (
            "closing",
            "答：以上笔录我看过，和我说的一样。",
            "答：是的。",
        ),
        ("end-before-start", "至11时20分", "至9时10分"),
    ];
    let mut files = vec![("笔录_齐全.txt".to_string(), CLEAN.to_string())];
    for (code, from, to) in defects {
        let text = CLEAN.replacen(from, to, 1);
        assert_ne!(text, CLEAN, "{code}");
        files.push((format!("笔录_{code}.txt"), text));
    }
    let case = import_transcripts(dir.path(), &files);
    let fs = findings(&case, "transcript-elements", &[]);
    let mut got: Vec<(String, Vec<String>)> = fs
        .iter()
        .map(|f| {
            (
                f["subject"]["key"].as_str().unwrap().to_string(),
                strings(&f["detail"]["reasons"]),
            )
        })
        .collect();
    got.sort();
    let mut want: Vec<(String, Vec<String>)> = defects
        .iter()
        .map(|(code, _, _)| {
            // A record without a time line has neither start nor end.
            let reasons: &[&str] = if *code == "start" {
                &["start", "end"]
            } else {
                std::slice::from_ref(code)
            };
            (
                format!("笔录_{code}.txt"),
                reasons.iter().map(|r| r.to_string()).collect(),
            )
        })
        .collect();
    want.sort();
    assert_eq!(got, want);
    for f in &fs {
        assert_eq!(f["subject"]["kind"], "document");
        let ev = &f["evidence"][0];
        assert_eq!(ev["file"], f["subject"]["key"]);
        assert_eq!(ev["line"], 1, "the head from its first line");
    }
    // The parameter is the engine's: with one interviewer allowed, that record passes.
    let relaxed = findings(
        &case,
        "transcript-elements",
        &["transcript-elements.min_interviewers=1"],
    );
    assert!(relaxed
        .iter()
        .all(|f| f["subject"]["key"] != "笔录_interviewers.txt"));
    assert_eq!(relaxed.len(), fs.len() - 1);
}

#[test]
fn overlapping_interviews_are_found_and_back_to_back_ones_are_not() {
    let dir = tempfile::tempdir().unwrap();
    let with = |time: &str, askers: &str| {
        CLEAN
            .replace("9时30分至11时20分", time)
            .replace("王敏（清水镇纪委书记）、李涛（清水镇纪委委员）", askers)
    };
    let files = vec![
        ("A.txt".to_string(), with("9时30分至11时20分", "王敏、李涛")),
        // 王敏 again, from 11:00: overlaps A.
        (
            "B.txt".to_string(),
            with("11时00分至12时00分", "陈静、王敏"),
        ),
        // 李涛 from the minute A ends: back to back, no overlap (and B's people differ).
        (
            "C.txt".to_string(),
            with("11时20分至12时30分", "李涛、周婷"),
        ),
        // Another day, the same people: no overlap.
        (
            "D.txt".to_string(),
            with("9时30分至11时20分", "王敏、李涛").replace("4月10日", "4月11日"),
        ),
        // Ends before it starts.
        (
            "E.txt".to_string(),
            with("15时10分至14时40分", "赵强、钱伟"),
        ),
    ];
    let case = import_transcripts(dir.path(), &files);
    let fs = findings(&case, "interviewer-overlap", &[]);
    let mut got: Vec<(String, String, Vec<String>)> = fs
        .iter()
        .map(|f| {
            (
                f["subject"]["key"].as_str().unwrap().to_string(),
                f["detail"]["kind"].as_str().unwrap().to_string(),
                strings(&f["detail"]["interviewers"]),
            )
        })
        .collect();
    got.sort();
    assert_eq!(
        got,
        vec![
            ("A.txt".into(), "overlap".into(), vec!["王敏".to_string()]),
            (
                "E.txt".into(),
                "end-before-start".into(),
                vec!["赵强".to_string(), "钱伟".to_string()]
            ),
        ]
    );
    let overlap = fs.iter().find(|f| f["subject"]["key"] == "A.txt").unwrap();
    assert_eq!(overlap["detail"]["other"], "B.txt");
    // Evidence: the time and interviewer lines of both records, quoted.
    let quotes: Vec<(String, String)> = overlap["evidence"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["file"].as_str().unwrap().to_string(),
                e["quote"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert_eq!(
        quotes,
        vec![
            (
                "A.txt".into(),
                "时间：2024年4月10日9时30分至11时20分".into()
            ),
            ("A.txt".into(), "谈话人：王敏、李涛".into()),
            (
                "B.txt".into(),
                "时间：2024年4月10日11时00分至12时00分".into()
            ),
            ("B.txt".into(), "谈话人：陈静、王敏".into()),
        ]
    );
    assert!(overlap["text"].as_str().unwrap().contains("王敏"));
}

/// A deterministic sentence of `len` characters drawn from common hanzi.
fn sentence(seed: u64, len: usize) -> String {
    const POOL: &str = "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处理府研质";
    let pool: Vec<char> = POOL.chars().collect();
    let mut x = seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1;
    (0..len)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            pool[(x % pool.len() as u64) as usize]
        })
        .collect()
}

/// A transcript of 40 answers; answers listed in `changed` are replaced.
fn answers(base: u64, changed: &[usize], who: &str) -> String {
    let mut t = format!("询 问 笔 录\n\n时间：2024年5月14日9时00分至10时10分\n地点：村部\n询问人：李涛、陈静\n记录人：周婷\n被询问人：{who}\n\n");
    for i in 0..40 {
        let seed = if changed.contains(&i) {
            base * 1000 + 500 + i as u64
        } else {
            base * 1000 + i as u64
        };
        t.push_str(&format!(
            "问：第{i}个问题？\n答：{}。\n",
            sentence(seed, 30)
        ));
    }
    t
}

#[test]
fn near_duplicates_at_95_and_85_percent_are_grouped_and_a_60_percent_pair_is_not() {
    let dir = tempfile::tempdir().unwrap();
    let pairs = [
        ("p95", 1u64, vec![0, 20]),
        ("p85", 2, vec![1, 9, 17, 25, 33]),
        ("p60", 3, (0..14).map(|i| i * 2 + 1).collect::<Vec<_>>()),
    ];
    let mut files = Vec::new();
    for (name, base, changed) in &pairs {
        let longer = format!(
            "{}问：还有吗？\n答：{}。\n",
            answers(*base, &[], "甲"),
            sentence(base * 1000 + 999, 30)
        );
        files.push((format!("{name}_甲.txt"), longer));
        files.push((format!("{name}_乙.txt"), answers(*base, changed, "乙")));
    }
    // What each pair really shares (the rule's own measure).
    let sim = |a: &str, b: &str| hecha::checks::similar::similarity("transcript", a, b);
    let measured: Vec<u32> = files.chunks(2).map(|p| sim(&p[0].1, &p[1].1)).collect();
    assert!((930..=970).contains(&measured[0]), "{measured:?}");
    assert!((830..=880).contains(&measured[1]), "{measured:?}");
    assert!((560..=640).contains(&measured[2]), "{measured:?}");
    // A letter with the same words as a transcript is not its duplicate (kinds differ).
    let case = import_transcripts(dir.path(), &files);
    let letter = dir.path().join("信.txt");
    std::fs::write(
        &letter,
        answers(1, &[], "甲")
            .replace("问：", "")
            .replace("答：", ""),
    )
    .unwrap();
    assert_eq!(import_json(&case, &[&letter], &["--kind", "letter"]).0, 0);
    let fs = findings(&case, "near-duplicate", &[]);
    let mut got: Vec<(Vec<String>, String)> = fs
        .iter()
        .map(|f| {
            (
                strings(&f["detail"]["members"]),
                f["detail"]["similarity"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    got.sort();
    let pct = |pm: u32| format!("{}.{}", pm / 10, pm % 10);
    // 甲 says one sentence more: the longer one is the principal, listed first.
    let pair = |p: &str| vec![format!("{p}_甲.txt"), format!("{p}_乙.txt")];
    assert_eq!(
        got,
        vec![
            (pair("p85"), pct(measured[1])),
            (pair("p95"), pct(measured[0]))
        ]
    );
    // Every member is cited as a whole document.
    for f in &fs {
        assert_eq!(f["subject"]["kind"], "document");
        assert_eq!(f["evidence"].as_array().unwrap().len(), 2);
        assert_eq!(f["evidence"][0]["file"], f["subject"]["key"]);
    }
    // At 50% the 60% pair joins.
    let low = findings(&case, "near-duplicate", &["near-duplicate.similarity=50"]);
    assert_eq!(low.len(), 3);
}

#[test]
fn the_sample_transcripts_hold_each_planted_defect() {
    let dir = tempfile::tempdir().unwrap();
    let case = new_case(dir.path());
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-data");
    assert_eq!(import_json(&case, &[&root.join("transcripts")], &[]).0, 0);
    let expected: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(root.join("expected_findings.json")).unwrap(),
    )
    .unwrap();
    let v = cli_json(
        &[
            "check",
            "--rule",
            "transcript-elements",
            "--rule",
            "interviewer-overlap",
            "--rule",
            "near-duplicate",
        ],
        &case,
    );
    let got = v["findings"].as_array().unwrap();
    let want: Vec<&serde_json::Value> = expected["document_findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|x| x["needs_ocr"].is_null())
        .collect();
    assert_eq!(got.len(), want.len(), "{got:#?}");
    for w in want {
        let f = got
            .iter()
            .find(|f| {
                f["rule"] == w["rule"]
                    && f["subject"]["key"] == w["subject"]
                    && (w["other"].is_null() || f["detail"]["other"] == w["other"])
            })
            .unwrap_or_else(|| panic!("not found: {w}"));
        if let Some(reasons) = w.get("reasons") {
            assert_eq!(f["detail"]["reasons"], *reasons, "{w}");
        }
        if let Some(members) = w.get("members") {
            assert_eq!(f["detail"]["members"], *members, "{w}");
        }
        if let Some(who) = w.get("interviewers") {
            assert_eq!(f["detail"]["interviewers"], *who, "{w}");
        }
    }
}
