//! The case summary: golden Markdown and JSON of the sample case after a
//! scripted investigation, well-formed HTML, a .docx that reads back as the
//! Markdown's text, and redaction of every byte of every format.

mod common;

use std::io::Read;
use std::path::{Path, PathBuf};

use common::*;
use hecha::casework::{self, Item};
use hecha::export::{self, Format, Options};

/// The demo case after a scripted investigation: checks run, two findings
/// reviewed, two allegations with evidence (one decided, one still pending).
fn investigated(dir: &Path) -> (hecha::Case, PathBuf) {
    hecha::i18n::set_lang(hecha::i18n::Lang::Zh);
    std::env::set_var("XDG_CACHE_HOME", dir.join("cache"));
    let path = dir.join("demo.duckdb");
    let (case, _) = hecha::demo::build_with(&path, None, &mut |_| {}).unwrap();
    hecha::checks::run(&case, &Default::default()).unwrap();
    let findings = hecha::checks::latest_findings(&case, None)
        .unwrap()
        .unwrap()
        .2;
    let li = findings
        .iter()
        .find(|f| f.rule == "compensation-shortfall" && f.name == "李春生")
        .unwrap()
        .id
        .clone();
    let other = findings
        .iter()
        .find(|f| f.rule == "compensation-shortfall" && f.name != "李春生")
        .unwrap()
        .id
        .clone();
    hecha::checks::review(
        &case,
        &li,
        "confirmed",
        "分配表应得 10000 元，一卡通到账 4000 元",
    )
    .unwrap();
    hecha::checks::review(&case, &other, "dismissed", "已于 2024 年 7 月补发").unwrap();

    // The problems are raised in the clues the demo registered from the complaint ledger.
    let clue_of = |record: &str| {
        hecha::store::clues::id_of_record(case.reads(), record)
            .unwrap()
            .unwrap()
    };
    let a1 = casework::allegations::allege_in(
        &case,
        Some(clue_of("QSXF-2024-006")),
        "石桥村党支部书记刘建国截留铁塔征地补偿款",
        Some("实名举报：补偿款一万元只到账四千元"),
        Some("letter:举报信_石桥村李春生实名举报刘建国.txt"),
    )
    .unwrap();
    let letter = "举报信_石桥村李春生实名举报刘建国.txt";
    casework::link(&case, a1, &Item::Finding(li.clone()), "supports", None).unwrap();
    casework::link(
        &case,
        a1,
        &Item::Document {
            source: letter.into(),
            quote:
                "我是清水镇石桥村2组村民李春生，身份证号码430423196204181012，联系电话13900001234。"
                    .into(),
        },
        "relates",
        Some("举报人身份"),
    )
    .unwrap();
    casework::link(
        &case,
        a1,
        &Item::Document {
            source: letter.into(),
            quote: "可是2023年8月10日我一卡通上只到账4000元。".into(),
        },
        "supports",
        None,
    )
    .unwrap();
    casework::link(
        &case,
        a1,
        &Item::Row("征地补偿分配表:1".into()),
        "supports",
        Some("应得 10000 元"),
    )
    .unwrap();
    casework::link(
        &case,
        a1,
        &Item::Person("430423196204181012".into()),
        "relates",
        None,
    )
    .unwrap();
    casework::set_status(
        &case,
        a1,
        "属实",
        "分配表与支付明细相差 6000 元，刘建国承认截留",
        Some("6000"),
    )
    .unwrap();

    let a2 = casework::allegations::allege_in(
        &case,
        Some(clue_of("QSXF-2024-017")),
        "镇财政所会计邓丽之母周秀英违规享受低保",
        None,
        Some("letter:12345热线转办工单_20240620.txt"),
    )
    .unwrap();
    casework::link(
        &case,
        a2,
        &Item::Document {
            source: "12345热线转办工单_20240620.txt".into(),
            quote: "来电人：罗女士".into(),
        },
        "relates",
        None,
    )
    .unwrap();
    casework::link(
        &case,
        a2,
        &Item::Document {
            source: "12345热线转办工单_20240620.txt".into(),
            quote: "联系电话：13600005678".into(),
        },
        "relates",
        None,
    )
    .unwrap();
    (case, path)
}

fn filters() -> Vec<(&'static str, &'static str)> {
    vec![
        (r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}(:\d{2})?", "[time]"),
        (r"\b[0-9a-f]{64}\b", "[hash]"),
        (r"\b[0-9a-f]{16}\b", "[fingerprint]"),
        (
            r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}",
            "[uuid]",
        ),
        (
            r#""hecha_version": "[^"]+""#,
            r#""hecha_version": "[version]""#,
        ),
    ]
}

/// The informants of the sample case: the named writers of letters and the
/// 信访人 of the complaint register.
fn informants(case: &hecha::Case) -> Vec<String> {
    let mut names = vec![
        "李春生".to_string(),
        "罗女士".to_string(),
        "欧阳春".to_string(),
    ];
    let more: Vec<String> = case
        .query_text("SELECT DISTINCT informant FROM v_complaints WHERE informant IS NOT NULL AND informant <> '匿名'")
        .unwrap()
        .into_iter()
        .filter_map(|r| r.into_iter().next().flatten())
        .collect();
    names.extend(more);
    names
}

/// The redacted summary of the whole case (None) or one allegation.
fn redacted(case: &hecha::Case, allegation: Option<i64>) -> hecha::Result<export::Summary> {
    export::build(
        case,
        &Options {
            allegation,
            redact: true,
        },
    )
}

/// Every full ID number (15 or 18 characters) and mobile number in `text`.
fn full_numbers(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut run = String::new();
    for c in text.chars().chain(std::iter::once(' ')) {
        if c.is_ascii_alphanumeric() {
            run.push(c);
            continue;
        }
        let digits = run.chars().all(|c| c.is_ascii_digit());
        let id18 = run.len() == 18
            && run[..17].chars().all(|c| c.is_ascii_digit())
            && run.ends_with(|c: char| c.is_ascii_digit() || c == 'X' || c == 'x');
        if id18
            || (digits && run.len() == 15)
            || (digits && run.len() == 11 && run.starts_with('1'))
        {
            out.push(run.clone());
        }
        run.clear();
    }
    out
}

/// All text in a file: a .docx is unzipped and every part read.
fn all_text(path: &Path) -> String {
    let bytes = std::fs::read(path).unwrap();
    if path.extension().is_some_and(|e| e == "docx") {
        let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
        let mut all = String::new();
        for i in 0..zip.len() {
            let mut f = zip.by_index(i).unwrap();
            f.read_to_string(&mut all).unwrap();
        }
        all
    } else {
        String::from_utf8(bytes).unwrap()
    }
}

#[test]
fn golden_markdown_and_json_of_the_investigated_sample_case() {
    let dir = tempfile::tempdir().unwrap();
    let (case, _path) = investigated(dir.path());
    let s = redacted(&case, None).unwrap();
    assert_eq!(s.allegations.len(), 2);
    // The register: every clue, its informant redacted, its deadlines met or missed.
    assert_eq!(s.register.len(), 18);
    let liu = s.register.iter().find(|c| c.problems == [1]).unwrap();
    assert!(liu.informant.contains("举报人"), "{}", liu.informant);
    assert!(!liu.informant.contains("李春生"));
    assert!(s
        .register
        .iter()
        .flat_map(|c| &c.deadlines)
        .any(|d| d.missed));
    assert_eq!(s.allegations[0].evidence.len(), 5);
    assert_eq!(s.open_items.pending_allegations.len(), 1);
    assert_eq!(s.overview.confirmed, 1);
    assert_eq!(s.overview.dismissed, 1);
    let md = export::render::markdown(&s);
    let json = String::from_utf8(export::render(&s, Format::Json).unwrap()).unwrap();
    insta::with_settings!({ filters => filters(), prepend_module_to_snapshot => false }, {
        insta::assert_snapshot!("summary_zh_md", md);
        insta::assert_snapshot!("summary_zh_json", json);
    });
    // The JSON is the model itself.
    let back: export::Summary = serde_json::from_str(&json).unwrap();
    assert_eq!(back, s);

    // One allegation: only its evidence and its findings.
    let one = redacted(&case, Some(1)).unwrap();
    assert_eq!(one.allegations.len(), 1);
    assert_eq!(one.overview.findings, 1);
    assert!(one.header.scope.is_some());
    assert!(redacted(&case, Some(99)).is_err());
}

#[test]
fn html_is_well_formed_and_self_contained_and_docx_reads_back_as_the_markdown() {
    let dir = tempfile::tempdir().unwrap();
    let (case, _) = investigated(dir.path());
    let s = redacted(&case, None).unwrap();

    let html = export::render::html(&s);
    let mut reader = quick_xml::Reader::from_str(&html);
    let mut depth = 0i32;
    let mut tags = 0;
    loop {
        match reader.read_event() {
            Ok(quick_xml::events::Event::Start(_)) => {
                depth += 1;
                tags += 1;
            }
            Ok(quick_xml::events::Event::End(_)) => depth -= 1,
            Ok(quick_xml::events::Event::Eof) => break,
            Ok(_) => {}
            Err(e) => panic!(
                "HTML is not well-formed at {}: {e}",
                reader.buffer_position()
            ),
        }
    }
    assert_eq!(depth, 0, "every element is closed");
    assert!(tags > 100);
    for external in ["<link", "<script", "src=", "url(", "http://", "https://"] {
        let allowed_ns = external == "http://";
        let n = html.matches(external).count();
        if allowed_ns {
            // Only the XHTML namespace, and the SVG namespace of each drawn graph.
            let svg_ns = html.matches("xmlns=\"http://www.w3.org/2000/svg\"").count();
            assert_eq!(svg_ns, html.matches("<svg").count());
            assert_eq!(n - svg_ns, 1, "{external}");
        } else {
            assert_eq!(n, 0, "{external}");
        }
    }
    assert!(html.contains("SimSun") && html.contains("Noto Serif CJK"));
    assert!(html.contains("break-inside: avoid"));

    // The people concerned are drawn: one inline SVG per graph of the summary,
    // each with a box per node, their names redacted like the rest.
    assert!(
        !s.graphs.is_empty(),
        "the investigated case has people concerned"
    );
    assert_eq!(html.matches("<svg").count(), s.graphs.len());
    let boxes: usize = s.graphs.iter().map(|g| g.nodes.len().min(48)).sum();
    assert_eq!(html.matches("<rect").count(), boxes);
    for g in &s.graphs {
        assert!(
            html.contains(&format!("aria-label=\"{}\"", g.title)),
            "{}",
            g.title
        );
        assert!(
            !g.title.contains(|c: char| c.is_ascii_digit()) || g.title.contains('*'),
            "ID numbers in the graph are masked: {}",
            g.title
        );
    }

    // The .docx, reopened, has the Markdown's text: headings, paragraphs, list items, table cells.
    let docx = export::render(&s, Format::Docx).unwrap();
    let text = hecha::ingest::docx::docx_text(&docx).unwrap();
    let from_docx: Vec<String> = text
        .lines()
        .map(|l| l.trim().trim_start_matches("• ").to_string())
        .filter(|l| !l.is_empty())
        .collect();
    let md = export::render::markdown(&s);
    let from_md: Vec<String> = md
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with("|---"))
        .map(|l| {
            if l.starts_with('|') {
                let inner = l.trim().trim_start_matches("| ").trim_end_matches(" |");
                inner
                    .split(" | ")
                    .map(|c| c.replace("\\|", "|").replace("\\\\", "\\"))
                    .collect::<Vec<_>>()
                    .join("\t")
            } else {
                l.trim_start_matches('#')
                    .trim_start_matches("- ")
                    .trim()
                    .to_string()
            }
        })
        .collect();
    assert_eq!(from_docx, from_md);
    // It is a real package: page numbers in the footer, header rows repeat and do not split.
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(docx)).unwrap();
    let mut footer = String::new();
    zip.by_name("word/footer1.xml")
        .unwrap()
        .read_to_string(&mut footer)
        .unwrap();
    assert!(footer.contains("PAGE"));
    let mut document = String::new();
    zip.by_name("word/document.xml")
        .unwrap()
        .read_to_string(&mut document)
        .unwrap();
    assert!(document.contains("<w:tblHeader/>") && document.contains("<w:cantSplit/>"));
    assert!(document.contains("Heading1") && document.contains("\"Title\""));
}

#[test]
fn every_redacted_export_hides_informants_id_numbers_and_phones() {
    let dir = tempfile::tempdir().unwrap();
    let (case, path) = investigated(dir.path());
    let names = informants(&case);
    assert!(names.len() >= 3, "{names:?}");
    drop(case);
    let mut written = 0;
    for scope in [None, Some("1"), Some("2")] {
        for fmt in ["md", "html", "docx", "json"] {
            let out = dir
                .path()
                .join(format!("报告-{}.{fmt}", scope.unwrap_or("all")));
            let mut cmd = hecha();
            cmd.arg("export")
                .arg(&path)
                .args(["--format", fmt, "--out"])
                .arg(&out);
            if let Some(a) = scope {
                cmd.args(["--allegation", a]);
            }
            cmd.env("HECHA_LANG", "zh-CN").assert().success();
            let text = all_text(&out);
            for n in &names {
                assert!(!text.contains(n.as_str()), "{n} in {}", out.display());
            }
            let numbers = full_numbers(&text);
            assert!(numbers.is_empty(), "{numbers:?} in {}", out.display());
            written += 1;
        }
    }
    assert_eq!(written, 12);
    // The informant appears as a pseudonym and the ID number in its masked form.
    let md = std::fs::read_to_string(dir.path().join("报告-all.md")).unwrap();
    assert!(md.contains("举报人A"), "{md}");
    assert!(md.contains("430423********1012"));
    assert!(md.contains("*******1234"));

    // An existing file is not overwritten without --force.
    let out = dir.path().join("报告-all.md");
    hecha()
        .arg("export")
        .arg(&path)
        .args(["--format", "md", "--out"])
        .arg(&out)
        .env("HECHA_LANG", "zh-CN")
        .assert()
        .code(2)
        .stderr(predicates::str::contains("--force"));

    // --no-redact is explicit, shows the names, and is written to the audit log.
    let plain = dir.path().join("报告-未脱敏.md");
    hecha()
        .arg("export")
        .arg(&path)
        .args(["--format", "md", "--no-redact", "--out"])
        .arg(&plain)
        .env("HECHA_LANG", "zh-CN")
        .assert()
        .success();
    assert!(std::fs::read_to_string(&plain).unwrap().contains("李春生"));
    let log = cli_json(&["log"], &path);
    let last = log.as_array().unwrap().last().unwrap().clone();
    assert_eq!(last["action"], "export.unredacted");
    assert!(last["payload"]["file"]
        .as_str()
        .unwrap()
        .ends_with("报告-未脱敏.md"));
    hecha().arg("verify").arg(&path).assert().success();
    assert_eq!(Format::parse("docx"), Some(Format::Docx));
}
