//! Evidence quality: each catalogue entry's evidence type suggested from its
//! item and changeable; the sufficiency warnings of a problem appear and go
//! as evidence is added, reviewed or answered.

mod common;

use common::hecha;
use hecha::casework::{self, Item};
use hecha::domain::EvidenceType;

/// The demo case with clue XS-2024-003's subject 刘建国 and a fresh problem.
fn setup(dir: &std::path::Path) -> (hecha::Case, String, i64) {
    hecha::i18n::set_lang(hecha::i18n::Lang::Zh);
    std::env::set_var("XDG_CACHE_HOME", dir.join("cache"));
    std::env::set_var("XDG_CONFIG_HOME", dir.join("config"));
    let (case, _) = hecha::demo::build_with(&dir.join("demo.duckdb"), None, &mut |_| {}).unwrap();
    hecha::checks::run(&case, &Default::default()).unwrap();
    let number = "XS-2024-003".to_string();
    hecha::register::add_subject(&case, &number, "刘建国", None, None).unwrap();
    let a =
        hecha::register::add_problem(&case, &number, "截留通信铁塔建设用地补偿款", None).unwrap();
    (case, number, a)
}

fn codes(case: &hecha::Case, number: &str, problem: i64) -> Vec<&'static str> {
    hecha::register::clue(case, number, None)
        .unwrap()
        .warnings
        .into_iter()
        .filter(|w| w.problem == problem)
        .map(|w| w.code)
        .collect()
}

fn doc(source: &str, quote: &str) -> Item {
    Item::Document {
        source: source.into(),
        quote: quote.into(),
    }
}

#[test]
fn each_warning_appears_and_goes_as_the_evidence_changes() {
    let dir = tempfile::tempdir().unwrap();
    let (case, number, a) = setup(dir.path());
    assert!(codes(&case, &number, a).is_empty());

    casework::set_status(&case, a, "属实", "分配表与到账不符", None).unwrap();
    assert_eq!(codes(&case, &number, a), ["no-evidence"]);

    // A letter is a clue, not proof.
    let letter = doc(
        "举报信_石桥村李春生实名举报刘建国.txt",
        "可是2023年8月10日我一卡通上只到账4000元。",
    );
    casework::link(&case, a, &letter, "supports", None).unwrap();
    assert_eq!(codes(&case, &number, a), ["no-evidence", "letter-only"]);

    // The subject's own statement alone: a single item, and only his word.
    let own = doc(
        "谈话笔录_刘建国_20240410.txt",
        "我跟会计唐秀芳说先付李春生4000元",
    );
    casework::link(&case, a, &own, "supports", None).unwrap();
    assert_eq!(codes(&case, &number, a), ["single-item", "statement-only"]);

    // A ledger row corroborates it.
    casework::link(
        &case,
        a,
        &Item::Row("征地补偿款支付明细:1".into()),
        "supports",
        None,
    )
    .unwrap();
    assert!(codes(&case, &number, a).is_empty());

    // A linked finding nobody reviewed, until it is.
    let finding = hecha::checks::latest_findings(&case, None)
        .unwrap()
        .unwrap()
        .2
        .into_iter()
        .find(|f| f.rule == "compensation-shortfall" && f.name == "李春生")
        .unwrap()
        .id;
    casework::link(&case, a, &Item::Finding(finding.clone()), "supports", None).unwrap();
    assert_eq!(codes(&case, &number, a), ["unreviewed-finding"]);
    hecha::checks::review(&case, &finding, "confirmed", "与支付明细一致").unwrap();
    assert!(codes(&case, &number, a).is_empty());

    // Contradicting evidence stays open until a note answers it.
    let other = doc(
        "谈话笔录_李春生_20240402.txt",
        "2023年8月10日一卡通到账4000元",
    );
    casework::link(&case, a, &other, "contradicts", None).unwrap();
    assert_eq!(codes(&case, &number, a), ["contradiction"]);
    casework::note(
        &case,
        &format!("allegation:{a}"),
        "李春生所述到账金额与支付明细一致，不构成矛盾",
    )
    .unwrap();
    assert!(codes(&case, &number, a).is_empty());

    // The warnings are in `hecha clues --json`.
    case.checkpoint().unwrap();
    let out = hecha()
        .arg("clues")
        .arg(case.path())
        .arg("--json")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let clues = v.as_array().unwrap();
    assert!(!clues.is_empty());
    assert!(clues.iter().all(|c| c["warnings"].is_array()));
}

#[test]
fn each_item_suggests_its_evidence_type_and_the_officer_can_change_it() {
    let dir = tempfile::tempdir().unwrap();
    let (case, number, a) = setup(dir.path());
    let letter = doc(
        "举报信_石桥村李春生实名举报刘建国.txt",
        "可是2023年8月10日我一卡通上只到账4000元。",
    );
    let own = doc(
        "谈话笔录_刘建国_20240410.txt",
        "我跟会计唐秀芳说先付李春生4000元",
    );
    let witness = doc(
        "谈话笔录_李春生_20240402.txt",
        "2023年8月10日一卡通到账4000元",
    );
    let row = Item::Row("征地补偿款支付明细:1".into());
    for item in [&letter, &own, &witness, &row] {
        casework::link(&case, a, item, "supports", None).unwrap();
    }
    let types = |case: &hecha::Case| -> Vec<(Option<EvidenceType>, bool)> {
        hecha::register::clue(case, &number, None).unwrap().problems[0]
            .evidence
            .iter()
            .map(|e| (e.evidence_type, e.type_set))
            .collect()
    };
    assert_eq!(
        types(&case),
        [
            (Some(EvidenceType::ClueMaterial), false),
            (Some(EvidenceType::SubjectStatement), false),
            (Some(EvidenceType::Witness), false),
            (Some(EvidenceType::Documentary), false),
        ]
    );
    // Changed by the officer: the row is a copy of a 书证, and says what it proves.
    let link = hecha::register::clue(&case, &number, None)
        .unwrap()
        .problems[0]
        .evidence[3]
        .link;
    let spec =
        casework::evidence::spec(Some("书证"), Some("copy"), Some("2023年8月10日实付4000元"))
            .unwrap();
    casework::evidence::set(&case, link, &spec).unwrap();
    let e = &hecha::register::clue(&case, &number, None)
        .unwrap()
        .problems[0]
        .evidence[3];
    assert!(e.type_set);
    assert_eq!(e.original, Some(hecha::domain::Original::Copy));
    assert_eq!(e.proves.as_deref(), Some("2023年8月10日实付4000元"));
    // The letter marked as 书证 by the officer counts as proof.
    let l = hecha::register::clue(&case, &number, None)
        .unwrap()
        .problems[0]
        .evidence[0]
        .link;
    casework::evidence::set(
        &case,
        l,
        &casework::evidence::spec(Some("documentary"), None, None).unwrap(),
    )
    .unwrap();
    assert_eq!(types(&case)[0], (Some(EvidenceType::Documentary), true));
    // Bad input is refused in words, nothing changed.
    let bad = casework::evidence::spec(Some("口供"), None, None).unwrap_err();
    assert!(bad.to_string().contains("不是证据种类"), "{bad}");
    assert!(casework::evidence::set(&case, 999, &spec).is_err());
    case.checkpoint().unwrap();
    drop(case);
    // The CLI: linking with a type, and the 证据目录 showing it.
    let path = dir.path().join("demo.duckdb");
    hecha()
        .arg("link")
        .arg(&path)
        .arg("--allegation")
        .arg(a.to_string())
        .arg("--row")
        .arg("征地补偿分配表:1")
        .arg("--type")
        .arg("书证")
        .arg("--original")
        .arg("--proves")
        .arg("应得补偿10000元")
        .assert()
        .success();
    hecha()
        .arg("evidence")
        .arg(&path)
        .arg(link.to_string())
        .arg("--type")
        .arg("口供")
        .assert()
        .code(2)
        .stderr(predicates::str::contains("被调查人陈述和辩解"));
    let out = dir.path().join("证据目录.md");
    hecha()
        .env("XDG_CONFIG_HOME", dir.path().join("config"))
        .arg("doc")
        .arg(&path)
        .arg("--clue")
        .arg(&number)
        .arg("--template")
        .arg("evidence-catalogue")
        .arg("--format")
        .arg("md")
        .arg("--out")
        .arg(&out)
        .assert()
        .success();
    let md = std::fs::read_to_string(&out).unwrap();
    assert!(
        md.contains("应得补偿10000元") && md.contains("原件"),
        "{md}"
    );
    assert!(
        md.contains("被调查人陈述和辩解") && md.contains("证人证言"),
        "{md}"
    );
}

#[test]
fn the_sample_transcripts_are_read_element_by_element() {
    let dir = tempfile::tempdir().unwrap();
    let (case, _, _) = setup(dir.path());
    let expected = [
        (
            "谈话笔录_刘建国_20240410.txt",
            "2024-04-10 09:30",
            "2024-04-10 11:20",
            "刘建国",
        ),
        (
            "谈话笔录_李春生_20240402.txt",
            "2024-04-02 14:30",
            "2024-04-02 15:40",
            "李春生",
        ),
        (
            "谈话笔录_赵海燕_20240515.txt",
            "2024-05-15 15:00",
            "2024-05-15 16:30",
            "赵海燕",
        ),
    ];
    for (file, start, end, heard) in expected {
        let d = casework::document_text(&case, file, None).unwrap();
        let t = d.transcript.unwrap();
        assert_eq!(t.start.as_deref(), Some(start), "{file}");
        assert_eq!(t.end.as_deref(), Some(end), "{file}");
        assert_eq!(t.interviewee.as_deref(), Some(heard), "{file}");
        assert_eq!(t.interviewers.len(), 2, "{file}");
        assert!(t.questions > 3 && t.questions == t.answers, "{file}");
        assert!(
            d.transcript_missing.is_empty(),
            "{file}: {:?}",
            d.transcript_missing
        );
    }
    // A letter is not read as a transcript.
    let letter =
        casework::document_text(&case, "举报信_石桥村李春生实名举报刘建国.txt", None).unwrap();
    assert!(letter.transcript.is_none());
    // `hecha show` says what a record lacks.
    let bad = dir.path().join("谈话笔录_缺要素.txt");
    std::fs::write(
        &bad,
        "谈 话 笔 录\n\n时间：2024年5月20日9时00分\n谈话人：王敏\n被谈话人：蒋国富，男\n\n问：你任村主任几年了？\n答：六年。\n",
    )
    .unwrap();
    case.checkpoint().unwrap();
    drop(case);
    let path = dir.path().join("demo.duckdb");
    hecha()
        .arg("import")
        .arg(&path)
        .arg(&bad)
        .arg("--kind")
        .arg("transcript")
        .assert()
        .success();
    hecha()
        .arg("show")
        .arg(&path)
        .arg("谈话笔录_缺要素.txt")
        .assert()
        .success()
        .stdout(predicates::str::contains(
            "笔录缺少：结束时间、地点、两名以上谈话人、记录人、权利义务告知、被谈话人核对确认",
        ));
}
