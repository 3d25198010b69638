//! Standard documents from the sample case: every built-in template filled
//! (golden files), the .docx reading back as the Markdown's text, unknown
//! fields named with their line, a county's template replacing a built-in
//! one, informants redacted unless asked.

mod common;

use std::path::Path;

use common::{docx_text, hecha, worked};
use hecha::docgen;
use hecha::export::Format;

/// The text of Markdown as the blocks carry it (no markup), in order.
fn md_text(md: &str) -> String {
    use hecha::export::render::Block;
    docgen::md::blocks(md)
        .into_iter()
        .map(|b| match b.text_only() {
            Block::Title(t) | Block::Heading(_, t) | Block::Para(t) => t,
            Block::Bullets(items) => items.iter().map(|i| format!("• {i}")).collect(),
            Block::Table { head, rows } => {
                head.into_iter().chain(rows.into_iter().flatten()).collect()
            }
            Block::Figure { lines, .. } => lines.concat(),
        })
        .collect()
}

#[test]
fn every_built_in_template_fills_from_the_sample_case_and_the_docx_reads_back() {
    let dir = tempfile::tempdir().unwrap();
    let (case, _, number) = worked(dir.path());
    let names: Vec<String> = docgen::templates(Some(&case))
        .unwrap()
        .into_iter()
        .map(|t| t.name)
        .collect();
    assert_eq!(names.len(), 7, "{names:?}");
    for name in &names {
        let doc = docgen::render_doc(&case, &number, name, true).unwrap();
        assert!(!doc.title.is_empty(), "{name} has a title");
        // No field left unfilled, no tag left in.
        assert!(
            !doc.markdown.contains("{{") && !doc.markdown.contains("{%"),
            "{name}"
        );
        let docx = docgen::bytes(&doc, Format::Docx).unwrap();
        assert_eq!(
            docx_text(&docx),
            md_text(&doc.markdown),
            "{name}: docx ≠ md"
        );
        let html = String::from_utf8(docgen::bytes(&doc, Format::Html).unwrap()).unwrap();
        assert!(html.starts_with("<!DOCTYPE html>"));
        insta::with_settings!({
            filters => vec![(r"\d{4}年\d{1,2}月\d{1,2}日\s*$", "[date]")],
            prepend_module_to_snapshot => false,
        }, {
            insta::assert_snapshot!(format!("doc_{name}"), doc.markdown);
        });
    }
    // The verification report has what the rules ask of it.
    let r = docgen::render_doc(&case, &number, "verification-report", true)
        .unwrap()
        .markdown;
    for part in [
        "一、被核查人基本情况",
        "二、反映的主要问题",
        "三、办理依据及初步核实过程",
        "四、初步核实结果",
        "五、存在疑点",
        "六、处理建议",
    ] {
        assert!(r.contains(part), "{part}");
    }
    assert!(r.contains("刘建国，男，1965年5月出生"), "{r}");
    assert!(r.contains("430423********1019"), "ID masked: {r}");
    assert!(
        r.contains("E-001、E-002"),
        "evidence numbers behind the fact: {r}"
    );
    assert!(!r.contains("李春生"), "informant redacted: {r}");
    // The inquiry letter's reply deadline comes from the register: letter 2024-06-12 + 15 working days.
    let l = docgen::render_doc(&case, &number, "inquiry-letter", true)
        .unwrap()
        .markdown;
    assert!(l.contains("请于2024年7月3日前"), "{l}");
}

#[test]
fn an_unknown_field_names_the_template_and_the_line() {
    let dir = tempfile::tempdir().unwrap();
    let (case, path, number) = worked(dir.path());
    drop(case);
    let t = dir.path().join("my-report.md");
    std::fs::write(
        &t,
        "{# title: 自定义 #}\n# {{ clue.number }}\n{{ clue.no_such_field }}\n",
    )
    .unwrap();
    hecha()
        .arg("templates")
        .arg(&path)
        .arg("--add")
        .arg(&t)
        .env("XDG_CONFIG_HOME", dir.path().join("config"))
        .assert()
        .success();
    let out = hecha()
        .arg("doc")
        .arg(&path)
        .args([
            "--clue",
            &number,
            "--template",
            "my-report",
            "--format",
            "md",
            "--out",
        ])
        .arg(dir.path().join("x.md"))
        .env("XDG_CONFIG_HOME", dir.path().join("config"))
        .env("HECHA_LANG", "zh-CN")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("my-report") && err.contains("第 3 行"),
        "{err}"
    );
    assert!(!dir.path().join("x.md").exists(), "nothing written");
}

#[test]
fn a_county_template_replaces_the_built_in_one_and_unredacted_is_audited() {
    let dir = tempfile::tempdir().unwrap();
    let (case, path, number) = worked(dir.path());
    drop(case);
    let config = dir.path().join("config");
    let tdir = config.join("hecha/templates");
    std::fs::create_dir_all(&tdir).unwrap();
    std::fs::write(
        tdir.join("clue-form.md"),
        "{# title: 县纪委线索登记表 #}\n# 县纪委线索登记表\n\n编号 {{ clue.number }}，举报人 {{ clue.informant }}。\n",
    )
    .unwrap();
    let list = hecha()
        .arg("templates")
        .arg("--json")
        .env("XDG_CONFIG_HOME", &config)
        .output()
        .unwrap();
    let list: serde_json::Value = serde_json::from_slice(&list.stdout).unwrap();
    let form = list
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["name"] == "clue-form")
        .unwrap();
    assert_eq!(form["origin"], "user");
    assert_eq!(form["title"], "县纪委线索登记表");
    let write = |redact: bool, out: &Path| {
        let mut cmd = hecha();
        cmd.arg("doc")
            .arg(&path)
            .args([
                "--clue",
                &number,
                "--template",
                "clue-form",
                "--format",
                "docx",
                "--out",
            ])
            .arg(out)
            .env("XDG_CONFIG_HOME", &config)
            .env("HECHA_LANG", "zh-CN");
        if !redact {
            cmd.arg("--no-redact");
        }
        cmd.assert().success();
        docx_text(&std::fs::read(out).unwrap())
    };
    let redacted = write(true, &dir.path().join("登记表.docx"));
    assert!(redacted.contains("县纪委线索登记表") && redacted.contains(&number));
    assert!(!redacted.contains("李春生"), "{redacted}");
    assert!(redacted.contains("举报人"));
    let plain = write(false, &dir.path().join("登记表-不脱敏.docx"));
    assert!(plain.contains("举报人 李春生"), "{plain}");
    let log = common::cli_json(&["log"], &path);
    assert!(log
        .as_array()
        .unwrap()
        .iter()
        .any(|e| e["action"] == "export.unredacted" && e["payload"]["template"] == "clue-form"));
}
