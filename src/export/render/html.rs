//! The summary as one self-contained HTML page.

use super::{blocks, col_widest, Block, SHORT};
use crate::export::Summary;
use crate::tr;

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
figure { margin: 6pt 0 10pt; page-break-inside: avoid; break-inside: avoid; }
figure svg { max-width: 100%; height: auto; }
details { font-size: 9pt; color: #333; }
footer { margin-top: 16pt; font-size: 9pt; color: #444; text-align: center; }
@media print { body { padding: 0; } }
"#;

/// The summary as one self-contained HTML page (well-formed XHTML syntax,
/// inline CSS, no external resources).
pub fn html(s: &Summary) -> String {
    html_of(&blocks(s), &tr!("export.footer", at = s.header.exported_at))
}

/// Blocks as one self-contained HTML page with `footer` at the end.
pub fn html_of(blocks: &[Block], footer: &str) -> String {
    let lang = match crate::i18n::lang() {
        crate::i18n::Lang::Zh => "zh-CN",
        crate::i18n::Lang::En => "en",
    };
    let mut body = String::new();
    let mut first_table = true;
    let mut title = String::new();
    for block in blocks.iter().cloned() {
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
            Block::Figure { svg, lines } => {
                body.push_str(&format!(
                    "<figure>\n{svg}\n<details><summary>{}</summary>\n<ul>\n",
                    xml_escape(&tr!("export.graph_as_list", n = lines.len()))
                ));
                for l in &lines {
                    body.push_str(&format!("<li>{}</li>\n", xml_escape(l)));
                }
                body.push_str("</ul></details>\n</figure>\n");
            }
        }
    }
    format!(
        "<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"{lang}\" xml:lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\"/>\n<meta name=\"generator\" content=\"hecha {}\"/>\n<title>{}</title>\n<style>{CSS}</style>\n</head>\n<body>\n{body}<footer>{}</footer>\n</body>\n</html>\n",
        env!("CARGO_PKG_VERSION"),
        xml_escape(&title),
        xml_escape(footer),
    )
}
