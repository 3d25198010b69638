//! A table as a spreadsheet a reviewer opens in Excel or WPS (.xlsx, one
//! sheet, a frozen bold header row) or as CSV (UTF-8 with a byte-order mark,
//! so Excel on Windows reads the Chinese).

use std::io::Write as _;

use super::render::xml_escape;
use crate::error::Result;

/// One cell.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Text(String),
    Int(i64),
    Empty,
}

impl Cell {
    fn csv(&self) -> String {
        match self {
            Cell::Text(s) => {
                // A cell starting like a formula is kept as text.
                let s = if s.starts_with(['=', '+', '-', '@']) {
                    format!("'{s}")
                } else {
                    s.clone()
                };
                if s.contains([',', '"', '\n', '\r']) {
                    format!("\"{}\"", s.replace('"', "\"\""))
                } else {
                    s
                }
            }
            Cell::Int(n) => n.to_string(),
            Cell::Empty => String::new(),
        }
    }
}

/// The table as CSV text (with a BOM, lines ended CRLF).
pub fn csv(header: &[String], rows: &[Vec<Cell>]) -> String {
    let mut out = String::from("\u{feff}");
    let head: Vec<String> = header.iter().map(|h| Cell::Text(h.clone()).csv()).collect();
    out.push_str(&head.join(","));
    out.push_str("\r\n");
    for r in rows {
        let cells: Vec<String> = r.iter().map(Cell::csv).collect();
        out.push_str(&cells.join(","));
        out.push_str("\r\n");
    }
    out
}

/// Column letters: 0 → A, 25 → Z, 26 → AA.
fn column(mut i: usize) -> String {
    let mut s = Vec::new();
    loop {
        s.push(b'A' + (i % 26) as u8);
        if i < 26 {
            break;
        }
        i = i / 26 - 1;
    }
    s.reverse();
    String::from_utf8_lossy(&s).into_owned()
}

fn cell_xml(out: &mut String, r: usize, c: usize, cell: &Cell, style: u32) {
    let at = format!("{}{}", column(c), r + 1);
    match cell {
        Cell::Text(s) => {
            // Excel refuses a cell over 32,767 characters.
            let s: String = s.chars().take(32_000).collect();
            out.push_str(&format!(
                "<c r=\"{at}\" s=\"{style}\" t=\"inlineStr\"><is><t xml:space=\"preserve\">{}</t></is></c>",
                xml_escape(&s)
            ));
        }
        Cell::Int(n) => out.push_str(&format!("<c r=\"{at}\" s=\"{style}\"><v>{n}</v></c>")),
        Cell::Empty => {}
    }
}

/// The table as an .xlsx workbook of one sheet named `name`; `widths` are
/// the columns' widths in characters.
pub fn xlsx(name: &str, header: &[String], widths: &[u32], rows: &[Vec<Cell>]) -> Result<Vec<u8>> {
    let mut sheet = String::from(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews><cols>"#,
    );
    for (i, w) in widths.iter().enumerate() {
        sheet.push_str(&format!(
            "<col min=\"{n}\" max=\"{n}\" width=\"{w}\" customWidth=\"1\"/>",
            n = i + 1
        ));
    }
    sheet.push_str("</cols><sheetData><row r=\"1\">");
    for (c, h) in header.iter().enumerate() {
        cell_xml(&mut sheet, 0, c, &Cell::Text(h.clone()), 1);
    }
    sheet.push_str("</row>");
    for (r, row) in rows.iter().enumerate() {
        sheet.push_str(&format!("<row r=\"{}\">", r + 2));
        for (c, cell) in row.iter().enumerate() {
            cell_xml(&mut sheet, r + 1, c, cell, 2);
        }
        sheet.push_str("</row>");
    }
    sheet.push_str("</sheetData>");
    if !rows.is_empty() && !header.is_empty() {
        sheet.push_str(&format!(
            "<autoFilter ref=\"A1:{}{}\"/>",
            column(header.len() - 1),
            rows.len() + 1
        ));
    }
    sheet.push_str("</worksheet>");
    let name: String = xml_escape(name)
        .chars()
        .filter(|c| !"[]:*?/\\".contains(*c))
        .take(31)
        .collect();
    let workbook = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="{name}" sheetId="1" r:id="rId1"/></sheets></workbook>"#
    );
    let parts: [(&str, &str); 6] = [
        ("[Content_Types].xml", CONTENT_TYPES),
        ("_rels/.rels", RELS),
        ("xl/workbook.xml", &workbook),
        ("xl/_rels/workbook.xml.rels", WORKBOOK_RELS),
        ("xl/styles.xml", STYLES),
        ("xl/worksheets/sheet1.xml", &sheet),
    ];
    let mut buf = std::io::Cursor::new(Vec::new());
    {
        let mut zip = zip::ZipWriter::new(&mut buf);
        let opts = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        for (part, text) in parts {
            zip.start_file(part, opts).map_err(std::io::Error::other)?;
            zip.write_all(text.as_bytes())?;
        }
        zip.finish().map_err(std::io::Error::other)?;
    }
    Ok(buf.into_inner())
}

const CONTENT_TYPES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>"#;

const RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#;

const WORKBOOK_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>"#;

/// Style 1: the bold header; style 2: body text, wrapped, top-aligned.
const STYLES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="2"><font><sz val="11"/><name val="宋体"/></font><font><b/><sz val="11"/><name val="宋体"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf></cellXfs></styleSheet>"#;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_and_csv_cells() {
        assert_eq!(column(0), "A");
        assert_eq!(column(25), "Z");
        assert_eq!(column(26), "AA");
        assert_eq!(column(27), "AB");
        assert_eq!(column(701), "ZZ");
        assert_eq!(column(702), "AAA");
        let s = csv(
            &["a".into(), "b".into()],
            &[vec![
                Cell::Text("x,\"y\"".into()),
                Cell::Text("=1+1".into()),
            ]],
        );
        assert_eq!(s, "\u{feff}a,b\r\n\"x,\"\"y\"\"\",'=1+1\r\n");
    }
}
