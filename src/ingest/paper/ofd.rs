//! OFD (GB/T 33190): a zip package; OFD.xml names the document root
//! (Document.xml), which lists the pages in order; each page's Content.xml
//! holds TextObject/TextCode elements, with the page's templates (an
//! e-invoice's printed labels) under it. Text is laid out in lines by
//! position. Zip-bomb limits on entries, each part and the whole.

use std::io::Read;

use quick_xml::events::{BytesStart, Event};

use super::super::error::{Error, Result};
use super::super::page::{Page, PageSource};
use super::driver::Driver;
use super::{guarded, MAX_PAGES};

/// Most entries in the package.
pub const MAX_ENTRIES: usize = 20_000;
/// Most bytes one XML part may inflate to.
pub const MAX_PART: u64 = 32 * 1024 * 1024;
/// Most bytes read from the package in all.
pub const MAX_TOTAL: u64 = 256 * 1024 * 1024;

type Zip<'b> = zip::ZipArchive<std::io::Cursor<&'b [u8]>>;

/// A zip with OFD.xml at its root.
pub(super) fn is_ofd(bytes: &[u8]) -> bool {
    guarded(|| {
        zip::ZipArchive::new(std::io::Cursor::new(bytes))
            .map(|z| z.index_for_name("OFD.xml").is_some())
            .unwrap_or(false)
    })
    .unwrap_or(false)
}

enum OfdErr {
    Broken(String),
    Xml { part: String, detail: String },
    TooLarge { size: u64, limit: u64 },
    TooManyPages(u64),
}

struct Package<'b> {
    zip: Zip<'b>,
    read: u64,
}

impl Package<'_> {
    fn part(&mut self, name: &str) -> std::result::Result<String, OfdErr> {
        let name = name.trim_start_matches('/');
        let entry = self
            .zip
            .by_name(name)
            .map_err(|e| OfdErr::Broken(format!("{name}: {e}")))?;
        if entry.size() > MAX_PART {
            return Err(OfdErr::TooLarge {
                size: entry.size(),
                limit: MAX_PART,
            });
        }
        let mut raw = Vec::new();
        entry
            .take(MAX_PART + 1)
            .read_to_end(&mut raw)
            .map_err(|e| OfdErr::Broken(format!("{name}: {e}")))?;
        self.read += raw.len() as u64;
        if raw.len() as u64 > MAX_PART {
            return Err(OfdErr::TooLarge {
                size: raw.len() as u64,
                limit: MAX_PART,
            });
        }
        if self.read > MAX_TOTAL {
            return Err(OfdErr::TooLarge {
                size: self.read,
                limit: MAX_TOTAL,
            });
        }
        String::from_utf8(raw).map_err(|e| OfdErr::Xml {
            part: name.to_string(),
            detail: format!("invalid UTF-8 at byte {}", e.utf8_error().valid_up_to()),
        })
    }
}

pub(super) fn read(bytes: &[u8], d: &mut Driver<'_>) -> Result<Vec<Page>> {
    let file = d.file();
    let map = |e: OfdErr| match e {
        OfdErr::Broken(detail) => Error::OfdBroken {
            file: file.clone(),
            detail,
        },
        OfdErr::Xml { part, detail } => Error::OfdXml {
            file: file.clone(),
            part,
            detail,
        },
        OfdErr::TooLarge { size, limit } => Error::TooLarge {
            file: file.clone(),
            size_mb: size / (1024 * 1024),
            limit_mb: limit / (1024 * 1024),
        },
        OfdErr::TooManyPages(pages) => Error::TooManyPages {
            file: file.clone(),
            pages,
            limit: MAX_PAGES,
        },
    };
    let texts =
        guarded(|| pages_text(bytes, d)).unwrap_or_else(|detail| Err(Some(OfdErr::Broken(detail))));
    let texts = match texts {
        Ok(t) => t,
        Err(Some(e)) => return Err(map(e)),
        Err(None) => return Err(Error::Cancelled { file: d.file() }),
    };
    d.set_total(texts.len() as u32);
    for (i, text) in texts.into_iter().enumerate() {
        d.text(i as u32 + 1, text, PageSource::TextLayer)?;
    }
    d.finish()
}

/// Each page's text, in page order (`Err(None)`: cancelled).
fn pages_text(bytes: &[u8], d: &Driver<'_>) -> std::result::Result<Vec<String>, Option<OfdErr>> {
    let zip = zip::ZipArchive::new(std::io::Cursor::new(bytes))
        .map_err(|e| OfdErr::Broken(e.to_string()))?;
    if zip.len() > MAX_ENTRIES {
        return Err(Some(OfdErr::Broken(format!("{} entries", zip.len()))));
    }
    let mut pkg = Package { zip, read: 0 };
    let ofd = pkg.part("OFD.xml")?;
    let root = first_text(&ofd, "OFD.xml", b"DocRoot")?
        .ok_or_else(|| OfdErr::Broken("OFD.xml names no DocRoot".into()))?;
    let doc_path = resolve("", &root);
    let doc_dir = parent(&doc_path);
    let document = pkg.part(&doc_path)?;
    let (pages, templates) = page_list(&document, &doc_path)?;
    if pages.len() as u64 > u64::from(MAX_PAGES) {
        return Err(Some(OfdErr::TooManyPages(pages.len() as u64)));
    }
    let mut out = Vec::with_capacity(pages.len());
    for loc in pages {
        if d.check_cancel().is_err() {
            return Err(None);
        }
        let path = resolve(&doc_dir, &loc);
        let content = pkg.part(&path)?;
        let mut items = Vec::new();
        let tpl_ids = text_items(&content, &path, &mut items)?;
        for id in tpl_ids {
            if let Some((_, tloc)) = templates.iter().find(|(tid, _)| *tid == id) {
                let tpath = resolve(&doc_dir, tloc);
                let tcontent = pkg.part(&tpath)?;
                text_items(&tcontent, &tpath, &mut items)?;
            }
        }
        out.push(layout(items));
    }
    Ok(out)
}

fn xml_err(part: &str, r: &quick_xml::Reader<&[u8]>, e: impl std::fmt::Display) -> OfdErr {
    OfdErr::Xml {
        part: part.to_string(),
        detail: format!("byte {}: {e}", r.buffer_position()),
    }
}

fn attr(e: &BytesStart<'_>, name: &[u8]) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.local_name().as_ref() == name)
        .and_then(|a| {
            a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                .ok()
                .map(|v| v.into_owned())
        })
}

/// The text of the first element named `local`.
fn first_text(xml: &str, part: &str, local: &[u8]) -> std::result::Result<Option<String>, OfdErr> {
    let mut r = quick_xml::Reader::from_str(xml);
    let mut inside = false;
    loop {
        match r.read_event().map_err(|e| xml_err(part, &r, e))? {
            Event::Start(e) if e.local_name().as_ref() == local => inside = true,
            Event::Text(t) if inside => {
                let s = t.decode().map_err(|e| xml_err(part, &r, e))?;
                return Ok(Some(s.trim().to_string()));
            }
            Event::End(_) if inside => return Ok(None),
            Event::Eof => return Ok(None),
            _ => {}
        }
    }
}

/// The pages' BaseLoc in order, and the template pages (ID, BaseLoc).
#[allow(clippy::type_complexity)]
fn page_list(
    xml: &str,
    part: &str,
) -> std::result::Result<(Vec<String>, Vec<(String, String)>), OfdErr> {
    let mut r = quick_xml::Reader::from_str(xml);
    let (mut pages, mut templates) = (Vec::new(), Vec::new());
    loop {
        match r.read_event().map_err(|e| xml_err(part, &r, e))? {
            Event::Start(e) | Event::Empty(e) => match e.local_name().as_ref() {
                b"Page" => {
                    if let Some(loc) = attr(&e, b"BaseLoc") {
                        pages.push(loc);
                    }
                    if pages.len() as u64 > u64::from(MAX_PAGES) {
                        break;
                    }
                }
                b"TemplatePage" => {
                    if let (Some(id), Some(loc)) = (attr(&e, b"ID"), attr(&e, b"BaseLoc")) {
                        templates.push((id, loc));
                    }
                }
                _ => {}
            },
            Event::Eof => break,
            _ => {}
        }
    }
    Ok((pages, templates))
}

/// One TextCode: where it starts (mm, page space), its text and font size.
struct Item {
    x: f64,
    y: f64,
    size: f64,
    text: String,
}

/// Adds the page's TextCode items; returns the templates it uses.
fn text_items(
    xml: &str,
    part: &str,
    items: &mut Vec<Item>,
) -> std::result::Result<Vec<String>, OfdErr> {
    let mut r = quick_xml::Reader::from_str(xml);
    let mut templates = Vec::new();
    let (mut ox, mut oy, mut size) = (0.0, 0.0, 3.5);
    let mut code: Option<Item> = None;
    let num = |s: Option<String>| s.and_then(|v| v.trim().parse::<f64>().ok());
    loop {
        match r.read_event().map_err(|e| xml_err(part, &r, e))? {
            Event::Start(e) | Event::Empty(e) => match e.local_name().as_ref() {
                b"Template" => templates.extend(attr(&e, b"TemplateID")),
                b"TextObject" => {
                    let b: Vec<f64> = attr(&e, b"Boundary")
                        .unwrap_or_default()
                        .split_whitespace()
                        .filter_map(|v| v.parse().ok())
                        .collect();
                    ox = b.first().copied().unwrap_or(0.0);
                    oy = b.get(1).copied().unwrap_or(0.0);
                    size = num(attr(&e, b"Size")).unwrap_or(3.5);
                }
                b"TextCode" => {
                    code = Some(Item {
                        x: ox + num(attr(&e, b"X")).unwrap_or(0.0),
                        y: oy + num(attr(&e, b"Y")).unwrap_or(0.0),
                        size,
                        text: String::new(),
                    })
                }
                _ => {}
            },
            Event::Text(t) => {
                if let Some(c) = code.as_mut() {
                    c.text
                        .push_str(&t.decode().map_err(|e| xml_err(part, &r, e))?);
                }
            }
            Event::GeneralRef(g) => {
                if let Some(c) = code.as_mut() {
                    let name = g.decode().unwrap_or_default();
                    let ch = match name.as_ref() {
                        "amp" => Some('&'),
                        "lt" => Some('<'),
                        "gt" => Some('>'),
                        "quot" => Some('"'),
                        "apos" => Some('\''),
                        _ => g.resolve_char_ref().ok().flatten(),
                    };
                    c.text.extend(ch);
                }
            }
            Event::End(e) if e.local_name().as_ref() == b"TextCode" => {
                if let Some(c) = code.take() {
                    if !c.text.trim().is_empty() {
                        items.push(c);
                    }
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(templates)
}

/// Items to lines: by baseline (within half a font size), then left to right;
/// a gap wider than a character becomes a space.
fn layout(mut items: Vec<Item>) -> String {
    items.sort_by(|a, b| a.y.total_cmp(&b.y).then(a.x.total_cmp(&b.x)));
    let mut lines: Vec<Vec<Item>> = Vec::new();
    for it in items {
        match lines.last_mut() {
            Some(line)
                if line
                    .first()
                    .is_some_and(|f| (it.y - f.y).abs() <= f.size.max(1.0) * 0.5) =>
            {
                line.push(it)
            }
            _ => lines.push(vec![it]),
        }
    }
    let mut out = Vec::with_capacity(lines.len());
    for mut line in lines {
        line.sort_by(|a, b| a.x.total_cmp(&b.x));
        let mut s = String::new();
        let mut end: Option<f64> = None;
        for it in &line {
            if let Some(e) = end {
                if it.x - e > it.size {
                    s.push(' ');
                }
            }
            s.push_str(it.text.trim());
            let width: f64 = it
                .text
                .trim()
                .chars()
                .map(|c| if c.is_ascii() { 0.5 } else { 1.0 })
                .sum();
            end = Some(it.x + width * it.size);
        }
        out.push(s);
    }
    out.join("\n")
}

/// `loc` relative to the folder `base` (or to the package root if it starts with '/').
fn resolve(base: &str, loc: &str) -> String {
    let joined = if loc.starts_with('/') || base.is_empty() {
        loc.trim_start_matches('/').to_string()
    } else {
        format!("{base}/{loc}")
    };
    let mut parts: Vec<&str> = Vec::new();
    for p in joined.split(['/', '\\']) {
        match p {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            p => parts.push(p),
        }
    }
    parts.join("/")
}

fn parent(path: &str) -> String {
    path.rsplit_once('/')
        .map(|(d, _)| d.to_string())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_resolve_against_the_document_folder() {
        assert_eq!(
            resolve("Doc_0", "Pages/Page_0/Content.xml"),
            "Doc_0/Pages/Page_0/Content.xml"
        );
        assert_eq!(resolve("Doc_0", "/Doc_0/Tpls/T.xml"), "Doc_0/Tpls/T.xml");
        assert_eq!(resolve("Doc_0", "../x.xml"), "x.xml");
        assert_eq!(parent("Doc_0/Document.xml"), "Doc_0");
    }

    #[test]
    fn text_codes_are_laid_out_in_lines() {
        let xml = r#"<ofd:Page xmlns:ofd="http://www.ofdspec.org/2016"><ofd:Template TemplateID="9"/><ofd:Content><ofd:Layer>
          <ofd:TextObject ID="1" Boundary="20 10 40 5" Size="3.5"><ofd:TextCode X="0" Y="3">购买方：王堃</ofd:TextCode></ofd:TextObject>
          <ofd:TextObject ID="2" Boundary="80 10 40 5" Size="3.5"><ofd:TextCode X="0" Y="3">合计 &amp; 1,050.00</ofd:TextCode></ofd:TextObject>
          <ofd:TextObject ID="3" Boundary="20 30 40 5" Size="3.5"><ofd:TextCode X="0" Y="3">餐饮服务</ofd:TextCode></ofd:TextObject>
        </ofd:Layer></ofd:Content></ofd:Page>"#;
        let mut items = Vec::new();
        let tpl = text_items(xml, "p", &mut items).ok().unwrap();
        assert_eq!(tpl, vec!["9".to_string()]);
        assert_eq!(layout(items), "购买方：王堃 合计 & 1,050.00\n餐饮服务");
    }
}
