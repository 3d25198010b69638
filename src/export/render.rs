//! The summary laid out once as blocks (title, headings, paragraphs, lists,
//! tables), then written as Markdown, self-contained HTML or Word .docx, so
//! the three carry the same text.

use std::io::Write;

use super::Summary;
use crate::tr;

/// One block of the laid-out summary. Cell and paragraph text is single-line.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    Title(String),
    Heading(u8, String),
    Para(String),
    Bullets(Vec<String>),
    Table {
        head: Vec<String>,
        rows: Vec<Vec<String>>,
    },
}

fn one_line(s: &str) -> String {
    s.split(['\n', '\r'])
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

fn or_dash(s: Option<&str>) -> String {
    match s.map(one_line) {
        Some(v) if !v.is_empty() => v,
        _ => "—".to_string(),
    }
}

/// An allegation's source as written (`letter:举报信.txt`, `finding:F…`), in words.
fn source_label(src: &str) -> String {
    let src = one_line(src);
    let Some((kind, rest)) = src.split_once(':') else {
        return src;
    };
    let label = match kind.trim() {
        "letter" | "transcript" => tr!(&format!("kind.{}", kind.trim())),
        k @ ("finding" | "document" | "row" | "person" | "allegation") => {
            tr!(&format!("tui.item.{k}"))
        }
        "complaint" => tr!("role.complaints"),
        _ => return src,
    };
    format!("{label} {}", rest.trim())
}

/// Lays the summary out as blocks, in the UI language.
pub fn blocks(s: &Summary) -> Vec<Block> {
    let h = &s.header;
    let mut b = vec![Block::Title(tr!(
        "export.title",
        title = one_line(&h.title)
    ))];
    let scope = match &h.scope {
        Some(a) => tr!("export.scope_one", allegation = one_line(a)),
        None => tr!("export.scope_all"),
    };
    b.push(Block::Table {
        head: vec![tr!("export.field"), tr!("export.value")],
        rows: vec![
            vec![tr!("export.case_title"), one_line(&h.title)],
            vec![tr!("export.case_no"), or_dash(h.case_no.as_deref())],
            vec![tr!("export.officer"), or_dash(h.officer.as_deref())],
            vec![tr!("export.as_of"), h.as_of.clone()],
            vec![tr!("export.created_at"), h.created_at.clone()],
            vec![tr!("export.exported_at"), h.exported_at.clone()],
            vec![tr!("export.scope"), scope],
            vec![
                tr!("export.redaction"),
                if h.redacted {
                    tr!("export.redacted")
                } else {
                    tr!("export.not_redacted")
                },
            ],
        ],
    });

    // 一、概况
    let o = &s.overview;
    b.push(Block::Heading(1, tr!("export.h_overview")));
    let statuses = o
        .allegations_by_status
        .iter()
        .map(|c| format!("{} {}", c.label, c.count))
        .collect::<Vec<_>>()
        .join(tr!("export.list_sep").as_str());
    b.push(Block::Bullets(vec![
        tr!(
            "export.ov_documents",
            letters = o.letters,
            transcripts = o.transcripts,
            ledgers = o.ledgers,
            rows = o.ledger_rows
        ),
        if o.allegations == 0 {
            tr!("export.ov_no_allegations")
        } else {
            tr!(
                "export.ov_allegations",
                n = o.allegations,
                statuses = statuses
            )
        },
        tr!(
            "export.ov_findings",
            n = o.findings,
            amount = o.amount,
            confirmed = o.confirmed,
            confirmed_amount = o.confirmed_amount,
            dismissed = o.dismissed,
            unreviewed = o.unreviewed
        ),
    ]));

    // 二、问题线索及核查情况
    b.push(Block::Heading(1, tr!("export.h_allegations")));
    if s.allegations.is_empty() {
        b.push(Block::Para(tr!("export.none")));
    }
    for a in &s.allegations {
        b.push(Block::Heading(
            2,
            tr!("export.allegation", id = a.id, title = one_line(&a.title)),
        ));
        let mut items = vec![
            format!("{}：{}", tr!("export.status"), a.status),
            format!("{}：{}", tr!("export.reason"), or_dash(a.reason.as_deref())),
            format!(
                "{}：{}",
                tr!("export.amount_involved"),
                a.amount
                    .as_ref()
                    .map(|x| tr!("export.yuan", amount = x))
                    .unwrap_or_else(|| "—".into())
            ),
        ];
        if let Some(src) = &a.source {
            items.push(format!("{}：{}", tr!("export.source"), source_label(src)));
        }
        if let Some(t) = &a.text {
            items.push(format!("{}：{}", tr!("export.text"), one_line(t)));
        }
        b.push(Block::Bullets(items));
        b.push(Block::Para(tr!("export.catalogue", n = a.evidence.len())));
        if !a.evidence.is_empty() {
            b.push(Block::Table {
                head: vec![
                    tr!("export.col_no"),
                    tr!("export.col_relation"),
                    tr!("export.col_kind"),
                    tr!("export.col_evidence"),
                    tr!("export.col_origin"),
                ],
                rows: a
                    .evidence
                    .iter()
                    .map(|e| {
                        let mut what = one_line(&e.description);
                        if let Some(q) = &e.quote {
                            what = format!("{what}：“{}”", one_line(q));
                        }
                        if let Some(n) = &e.note {
                            what = format!("{what}（{}）", one_line(n));
                        }
                        let mut origin = Vec::new();
                        if let Some(f) = &e.file {
                            origin.push(one_line(f));
                        }
                        if let Some(r) = e.row {
                            origin.push(tr!("export.row_no", row = r));
                        }
                        if let Some(h) = &e.sha256 {
                            origin.push(format!("SHA-256 {h}"));
                        }
                        vec![
                            e.no.clone(),
                            e.relation.clone(),
                            e.kind.clone(),
                            what,
                            if origin.is_empty() {
                                "—".into()
                            } else {
                                origin.join(" · ")
                            },
                        ]
                    })
                    .collect(),
            });
        }
    }

    // 三、大数据比对结果
    b.push(Block::Heading(1, tr!("export.h_checks")));
    if s.runs.is_empty() {
        b.push(Block::Para(tr!("export.no_runs")));
    } else {
        b.push(Block::Heading(2, tr!("export.h_runs")));
        b.push(Block::Table {
            head: vec![
                tr!("export.col_run"),
                tr!("export.col_time"),
                tr!("export.as_of"),
                tr!("export.col_rules"),
                tr!("export.col_findings"),
                tr!("export.col_fingerprint"),
                tr!("export.col_params"),
            ],
            rows: s
                .runs
                .iter()
                .map(|r| {
                    vec![
                        format!("#{}", r.id),
                        r.started_at.clone(),
                        r.as_of.clone(),
                        r.rules.to_string(),
                        r.findings.to_string(),
                        r.fingerprint.clone(),
                        if r.params.is_empty() {
                            tr!("export.default_params")
                        } else {
                            r.params.join("; ")
                        },
                    ]
                })
                .collect(),
        });
    }
    for rule in &s.rules {
        b.push(Block::Heading(
            2,
            tr!(
                "export.rule_heading",
                title = rule.title,
                rule = rule.rule,
                n = rule.count,
                amount = rule.amount,
                confirmed = rule.confirmed_amount
            ),
        ));
        b.push(Block::Table {
            head: vec![
                tr!("export.col_id"),
                tr!("export.col_subject"),
                tr!("export.col_id_number"),
                tr!("export.col_amount"),
                tr!("export.col_review"),
                tr!("export.col_detail"),
            ],
            rows: rule
                .findings
                .iter()
                .map(|f| {
                    let review = match &f.reason {
                        Some(r) => format!("{}：{}", f.review, one_line(r)),
                        None => f.review.clone(),
                    };
                    vec![
                        f.id.clone(),
                        or_dash(Some(&f.subject)),
                        or_dash(f.id_number.as_deref()),
                        or_dash(f.amount.as_deref()),
                        review,
                        one_line(&f.text),
                    ]
                })
                .collect(),
        });
    }

    // 四、金额合计
    b.push(Block::Heading(1, tr!("export.h_totals")));
    let mut rows: Vec<Vec<String>> = s
        .rules
        .iter()
        .map(|r| {
            vec![
                r.title.clone(),
                r.count.to_string(),
                r.amount.clone(),
                r.confirmed_amount.clone(),
            ]
        })
        .collect();
    rows.push(vec![
        tr!("export.total"),
        s.overview.findings.to_string(),
        s.totals.amount.clone(),
        s.totals.confirmed.clone(),
    ]);
    b.push(Block::Table {
        head: vec![
            tr!("export.col_rule"),
            tr!("export.col_findings"),
            tr!("export.col_total_amount"),
            tr!("export.col_confirmed_amount"),
        ],
        rows,
    });
    b.push(Block::Bullets(vec![
        tr!("export.t_confirmed", amount = s.totals.confirmed),
        tr!("export.t_unreviewed", amount = s.totals.unreviewed),
        tr!("export.t_dismissed", amount = s.totals.dismissed),
    ]));

    // 五、尚待办理事项
    b.push(Block::Heading(1, tr!("export.h_open")));
    let open = &s.open_items;
    if open.unreviewed_findings.is_empty() && open.pending_allegations.is_empty() {
        b.push(Block::Para(tr!("export.nothing_open")));
    }
    if !open.pending_allegations.is_empty() {
        b.push(Block::Para(tr!(
            "export.open_allegations",
            n = open.pending_allegations.len()
        )));
        b.push(Block::Bullets(
            open.pending_allegations
                .iter()
                .map(|a| format!("#{} {}", a.id, one_line(&a.title)))
                .collect(),
        ));
    }
    if !open.unreviewed_findings.is_empty() {
        b.push(Block::Para(tr!(
            "export.open_findings",
            n = open.unreviewed_findings.len()
        )));
        b.push(Block::Bullets(
            open.unreviewed_findings
                .iter()
                .map(|f| {
                    format!(
                        "{} {} {} {}",
                        f.id,
                        f.rule,
                        or_dash(Some(&f.subject)),
                        f.amount
                            .as_ref()
                            .map(|a| tr!("export.yuan", amount = a))
                            .unwrap_or_default()
                    )
                    .trim_end()
                    .to_string()
                })
                .collect(),
        ));
    }

    // 六、审计链
    b.push(Block::Heading(1, tr!("export.h_audit")));
    b.push(Block::Para(tr!(
        "export.audit",
        entries = s.audit.entries,
        hash = s.audit.head_hash
    )));
    b
}

/// Each column's widest text in display columns (CJK counts two).
fn col_widest(head: &[String], rows: &[Vec<String>]) -> Vec<usize> {
    use unicode_width::UnicodeWidthStr;
    (0..head.len())
        .map(|i| {
            std::iter::once(head[i].as_str())
                .chain(rows.iter().filter_map(|r| r.get(i).map(String::as_str)))
                .map(UnicodeWidthStr::width)
                .max()
                .unwrap_or(0)
        })
        .collect()
}

/// Columns no wider than this are never wrapped (numbers, statuses, ids).
const SHORT: usize = 20;

/// Column widths in twips for a table `total` twips wide: short columns get
/// exactly their text (about 120 twips a display column at 9 pt, plus the cell
/// margins); the rest share what is left by their widest text, capped.
fn col_twips(head: &[String], rows: &[Vec<String>], total: usize) -> Vec<usize> {
    let widest = col_widest(head, rows);
    let short: Vec<usize> = widest.iter().map(|w| w * 120 + 260).collect();
    let fixed: usize = widest
        .iter()
        .zip(&short)
        .filter(|(w, _)| **w <= SHORT)
        .map(|(_, s)| s)
        .sum();
    let long_weight: usize = widest
        .iter()
        .filter(|w| **w > SHORT)
        .map(|w| (*w).min(80))
        .sum();
    if fixed >= total || long_weight == 0 {
        let sum: usize = widest
            .iter()
            .map(|w| (*w).clamp(4, 80))
            .sum::<usize>()
            .max(1);
        return widest
            .iter()
            .map(|w| total * (*w).clamp(4, 80) / sum)
            .collect();
    }
    // The long columns keep at least two fifths of the width; short ones shrink
    // (and may wrap) before a long column becomes a sliver.
    let rest = (total - fixed).max(total * 2 / 5);
    let room = total - rest;
    widest
        .iter()
        .zip(short)
        .map(|(w, s)| {
            if *w <= SHORT {
                s * room / fixed.max(1)
            } else {
                rest * (*w).min(80) / long_weight
            }
        })
        .collect()
}

/// Markdown cell text: pipes escaped.
fn md_cell(s: &str) -> String {
    s.replace('\\', "\\\\").replace('|', "\\|")
}

/// The summary as Markdown.
pub fn markdown(s: &Summary) -> String {
    let mut out = String::new();
    for block in blocks(s) {
        match block {
            Block::Title(t) => out.push_str(&format!("# {t}\n\n")),
            Block::Heading(level, t) => {
                out.push_str(&format!("{} {t}\n\n", "#".repeat(level as usize + 1)))
            }
            Block::Para(p) => out.push_str(&format!("{p}\n\n")),
            Block::Bullets(items) => {
                for i in items {
                    out.push_str(&format!("- {i}\n"));
                }
                out.push('\n');
            }
            Block::Table { head, rows } => {
                let line = |cells: &[String]| {
                    format!(
                        "| {} |\n",
                        cells
                            .iter()
                            .map(|c| md_cell(c))
                            .collect::<Vec<_>>()
                            .join(" | ")
                    )
                };
                out.push_str(&line(&head));
                out.push_str(&format!("|{}\n", "---|".repeat(head.len())));
                for r in &rows {
                    out.push_str(&line(r));
                }
                out.push('\n');
            }
        }
    }
    out
}

/// Escapes text for HTML and XML (element content and attribute values).
pub fn xml_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            // Control characters are not allowed in XML 1.0.
            c if (c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r') => {}
            c => out.push(c),
        }
    }
    out
}

const CSS: &str = r#"
@page { size: A4; margin: 20mm 18mm 22mm 18mm; @bottom-center { content: counter(page); } }
html { font-family: "SimSun", "宋体", "Songti SC", "Noto Serif CJK SC", "Source Han Serif SC", "Noto Serif SC", serif; font-size: 10.5pt; line-height: 1.6; color: #000; }
body { max-width: 180mm; margin: 0 auto; padding: 8mm 0; }
h1 { font-family: "SimHei", "黑体", "Noto Sans CJK SC", "Source Han Sans SC", sans-serif; font-size: 18pt; text-align: center; margin: 0 0 12pt; }
h2 { font-family: "SimHei", "黑体", "Noto Sans CJK SC", "Source Han Sans SC", sans-serif; font-size: 14pt; margin: 18pt 0 6pt; border-bottom: 1px solid #444; page-break-after: avoid; break-after: avoid; }
h3 { font-size: 12pt; margin: 12pt 0 4pt; page-break-after: avoid; break-after: avoid; }
p, ul { margin: 4pt 0; }
table { width: 100%; border-collapse: collapse; margin: 4pt 0 8pt; font-size: 9.5pt; }
thead { display: table-header-group; }
tr { page-break-inside: avoid; break-inside: avoid; }
.n { white-space: nowrap; }
th, td { border: 0.5pt solid #333; padding: 2pt 4pt; vertical-align: top; text-align: left; overflow-wrap: anywhere; }
th { background: #eee; }
.meta td:first-child { white-space: nowrap; }
footer { margin-top: 16pt; font-size: 9pt; color: #444; text-align: center; }
@media print { body { padding: 0; } }
"#;

/// The summary as one self-contained HTML page (well-formed XHTML syntax,
/// inline CSS, no external resources).
pub fn html(s: &Summary) -> String {
    let lang = match crate::i18n::lang() {
        crate::i18n::Lang::Zh => "zh-CN",
        crate::i18n::Lang::En => "en",
    };
    let mut body = String::new();
    let mut first_table = true;
    let mut title = String::new();
    for block in blocks(s) {
        match block {
            Block::Title(t) => {
                title = t.clone();
                body.push_str(&format!("<h1>{}</h1>\n", xml_escape(&t)));
            }
            Block::Heading(level, t) => {
                let n = level + 1;
                body.push_str(&format!("<h{n}>{}</h{n}>\n", xml_escape(&t)));
            }
            Block::Para(p) => body.push_str(&format!("<p>{}</p>\n", xml_escape(&p))),
            Block::Bullets(items) => {
                body.push_str("<ul>\n");
                for i in items {
                    body.push_str(&format!("<li>{}</li>\n", xml_escape(&i)));
                }
                body.push_str("</ul>\n");
            }
            Block::Table { head, rows } => {
                let class = if first_table { " class=\"meta\"" } else { "" };
                first_table = false;
                // Short columns never wrap; the browser gives the long ones the rest.
                let nowrap: Vec<&str> = col_widest(&head, &rows)
                    .iter()
                    .map(|w| if *w <= SHORT { " class=\"n\"" } else { "" })
                    .collect();
                body.push_str(&format!("<table{class}>\n<thead><tr>"));
                for (h, n) in head.iter().zip(&nowrap) {
                    body.push_str(&format!("<th{n}>{}</th>", xml_escape(h)));
                }
                body.push_str("</tr></thead>\n<tbody>\n");
                for r in &rows {
                    body.push_str("<tr>");
                    for (c, n) in r.iter().zip(&nowrap) {
                        body.push_str(&format!("<td{n}>{}</td>", xml_escape(c)));
                    }
                    body.push_str("</tr>\n");
                }
                body.push_str("</tbody>\n</table>\n");
            }
        }
    }
    format!(
        "<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"{lang}\" xml:lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\"/>\n<meta name=\"generator\" content=\"hecha {}\"/>\n<title>{}</title>\n<style>{CSS}</style>\n</head>\n<body>\n{body}<footer>{}</footer>\n</body>\n</html>\n",
        env!("CARGO_PKG_VERSION"),
        xml_escape(&title),
        xml_escape(&tr!("export.footer", at = s.header.exported_at)),
    )
}

const W_NS: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const R_NS: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

fn w_run(text: &str, bold: bool) -> String {
    let rpr = if bold { "<w:rPr><w:b/></w:rPr>" } else { "" };
    format!(
        "<w:r>{rpr}<w:t xml:space=\"preserve\">{}</w:t></w:r>",
        xml_escape(text)
    )
}

fn w_para(style: Option<&str>, text: &str) -> String {
    let ppr = style
        .map(|s| format!("<w:pPr><w:pStyle w:val=\"{s}\"/></w:pPr>"))
        .unwrap_or_default();
    format!("<w:p>{ppr}{}</w:p>", w_run(text, false))
}

fn w_table(head: &[String], rows: &[Vec<String>]) -> String {
    // 16.6 cm of text width on A4 with the margins below, in twentieths of a point,
    // shared out by the columns' content.
    let cols = col_twips(head, rows, 9406);
    let mut x = String::new();
    x.push_str(
        "<w:tbl><w:tblPr><w:tblStyle w:val=\"TableGrid\"/><w:tblW w:w=\"5000\" w:type=\"pct\"/>",
    );
    x.push_str("<w:tblBorders>");
    for side in ["top", "left", "bottom", "right", "insideH", "insideV"] {
        x.push_str(&format!(
            "<w:{side} w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"333333\"/>"
        ));
    }
    x.push_str("</w:tblBorders><w:tblLayout w:type=\"fixed\"/></w:tblPr><w:tblGrid>");
    for c in &cols {
        x.push_str(&format!("<w:gridCol w:w=\"{c}\"/>"));
    }
    x.push_str("</w:tblGrid>");
    let row = |cells: &[String], header: bool| -> String {
        let mut r = String::from("<w:tr><w:trPr><w:cantSplit/>");
        if header {
            r.push_str("<w:tblHeader/>");
        }
        r.push_str("</w:trPr>");
        for (c, col) in cells.iter().zip(cols.iter()) {
            let shade = if header {
                "<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"EEEEEE\"/>"
            } else {
                ""
            };
            r.push_str(&format!(
                "<w:tc><w:tcPr><w:tcW w:w=\"{col}\" w:type=\"dxa\"/>{shade}</w:tcPr><w:p><w:pPr><w:pStyle w:val=\"TableText\"/></w:pPr>{}</w:p></w:tc>",
                w_run(c, header)
            ));
        }
        r.push_str("</w:tr>");
        r
    };
    x.push_str(&row(head, true));
    for r in rows {
        x.push_str(&row(r, false));
    }
    x.push_str("</w:tbl>");
    // Word needs a paragraph between two tables and after the last one.
    x.push_str("<w:p/>");
    x
}

const STYLES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="宋体" w:cs="Times New Roman"/><w:sz w:val="21"/><w:szCs w:val="21"/><w:lang w:val="en-US" w:eastAsia="zh-CN"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="60" w:line="300" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>
<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:jc w:val="center"/><w:spacing w:before="120" w:after="240"/></w:pPr><w:rPr><w:rFonts w:eastAsia="黑体"/><w:b/><w:sz w:val="36"/><w:szCs w:val="36"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before="240" w:after="120"/><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:rFonts w:eastAsia="黑体"/><w:b/><w:sz w:val="28"/><w:szCs w:val="28"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before="180" w:after="60"/><w:outlineLvl w:val="1"/></w:pPr><w:rPr><w:rFonts w:eastAsia="楷体"/><w:b/><w:sz w:val="24"/><w:szCs w:val="24"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="ListBullet"><w:name w:val="List Bullet"/><w:basedOn w:val="Normal"/><w:pPr><w:ind w:left="420" w:hanging="210"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="TableText"><w:name w:val="Table Text"/><w:basedOn w:val="Normal"/><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr><w:rPr><w:sz w:val="18"/><w:szCs w:val="18"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Footer"><w:name w:val="footer"/><w:basedOn w:val="Normal"/><w:pPr><w:jc w:val="center"/></w:pPr><w:rPr><w:sz w:val="18"/></w:rPr></w:style>
<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>
<w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/><w:basedOn w:val="TableNormal"/></w:style>
</w:styles>
"#;

/// The summary as a Word .docx (WordprocessingML written directly: title,
/// headings, bullet paragraphs, tables with repeated header rows that do not
/// break across pages, and page numbers in the footer).
pub fn docx(s: &Summary) -> std::io::Result<Vec<u8>> {
    let mut body = String::new();
    let mut title = String::new();
    for block in blocks(s) {
        match block {
            Block::Title(t) => {
                title = t.clone();
                body.push_str(&w_para(Some("Title"), &t));
            }
            Block::Heading(level, t) => {
                body.push_str(&w_para(Some(&format!("Heading{level}")), &t))
            }
            Block::Para(p) => body.push_str(&w_para(None, &p)),
            Block::Bullets(items) => {
                for i in items {
                    body.push_str(&format!(
                        "<w:p><w:pPr><w:pStyle w:val=\"ListBullet\"/></w:pPr>{}</w:p>",
                        w_run(&format!("• {i}"), false)
                    ))
                }
            }
            Block::Table { head, rows } => body.push_str(&w_table(&head, &rows)),
        }
    }
    let document = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:document xmlns:w=\"{W_NS}\" xmlns:r=\"{R_NS}\"><w:body>{body}<w:sectPr><w:footerReference w:type=\"default\" r:id=\"rIdFooter1\"/><w:pgSz w:w=\"11906\" w:h=\"16838\"/><w:pgMar w:top=\"1440\" w:right=\"1247\" w:bottom=\"1440\" w:left=\"1247\" w:header=\"851\" w:footer=\"850\" w:gutter=\"0\"/></w:sectPr></w:body></w:document>"
    );
    let (before, after) = {
        let t = tr!("export.page_no");
        match t.split_once("{page}") {
            Some((a, b)) => (a.to_string(), b.to_string()),
            None => (String::new(), String::new()),
        }
    };
    let footer = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:ftr xmlns:w=\"{W_NS}\" xmlns:r=\"{R_NS}\"><w:p><w:pPr><w:pStyle w:val=\"Footer\"/></w:pPr>{}<w:fldSimple w:instr=\" PAGE \"><w:r><w:t>1</w:t></w:r></w:fldSimple>{}</w:p></w:ftr>",
        if before.is_empty() { String::new() } else { w_run(&before, false) },
        if after.is_empty() { String::new() } else { w_run(&after, false) },
    );
    let content_types = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/><Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/></Types>"#;
    let rels = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/></Relationships>"#;
    let doc_rels = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rIdStyles" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rIdFooter1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/></Relationships>"#;
    let core = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"><dc:title>{}</dc:title><dc:creator>hecha</dc:creator></cp:coreProperties>",
        xml_escape(&title)
    );
    let app = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\"><Application>hecha {}</Application></Properties>",
        env!("CARGO_PKG_VERSION")
    );
    let parts: [(&str, &str); 7] = [
        ("[Content_Types].xml", content_types),
        ("_rels/.rels", rels),
        ("word/_rels/document.xml.rels", doc_rels),
        ("word/document.xml", &document),
        ("word/styles.xml", STYLES),
        ("word/footer1.xml", &footer),
        ("docProps/core.xml", &core),
    ];
    let mut buf = std::io::Cursor::new(Vec::new());
    {
        let mut zip = zip::ZipWriter::new(&mut buf);
        let opts = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        for (name, text) in parts
            .iter()
            .chain(std::iter::once(&("docProps/app.xml", app.as_str())))
        {
            zip.start_file(*name, opts).map_err(std::io::Error::other)?;
            zip.write_all(text.as_bytes())?;
        }
        zip.finish().map_err(std::io::Error::other)?;
    }
    Ok(buf.into_inner())
}
