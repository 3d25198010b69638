//! Standard documents (文书) written from the case: a template (Markdown with
//! minijinja tags; data, not code) filled from one clue's context, redacted
//! as the summary export is, written as .md, .html or .docx.
//!
//! Templates come built in (`docgen/templates/*.md`), from the user's config
//! directory (`templates/NAME.md`, a county's own) and from the case
//! (`hecha templates CASE --add FILE`); a later one with the same name wins.

pub mod context;
pub mod md;

use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::error::{Error, Result};
use crate::export::render::{self, Look};
use crate::export::{Format, Redactor};
use crate::store::{self, Case};
use crate::Msg;

macro_rules! builtin {
    ($($name:literal),* $(,)?) => {
        &[$(($name, include_str!(concat!("templates/", $name, ".md")))),*]
    };
}

/// The built-in templates: (name, text).
pub const BUILTIN: &[(&str, &str)] = builtin![
    "verification-report",
    "inquiry-report",
    "inquiry-letter",
    "interview-record",
    "clue-form",
    "evidence-catalogue",
    "file-index",
];

/// Where a template came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Origin {
    Builtin,
    User,
    Case,
}

/// A template, as found.
#[derive(Debug, Clone, Serialize)]
pub struct Template {
    pub name: String,
    /// From its first line, `{# title: … #}`.
    pub title: String,
    pub origin: Origin,
    /// The file it was read from (user templates).
    pub path: Option<String>,
    #[serde(skip)]
    pub text: String,
}

fn title_of(text: &str) -> String {
    text.lines()
        .next()
        .and_then(|l| l.trim().strip_prefix("{#"))
        .and_then(|l| l.strip_suffix("#}"))
        .and_then(|l| l.trim().strip_prefix("title:"))
        .map(|t| t.trim().to_string())
        .unwrap_or_default()
}

/// `<config dir>/templates`: a county's own templates.
pub fn user_dir() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "hecha").map(|d| d.config_dir().join("templates"))
}

/// Every template: built-in, then the user's, then the case's; by name, the last wins.
pub fn templates(case: Option<&Case>) -> Result<Vec<Template>> {
    let mut all: Vec<Template> = BUILTIN
        .iter()
        .map(|(name, text)| Template {
            name: name.to_string(),
            title: title_of(text),
            origin: Origin::Builtin,
            path: None,
            text: text.to_string(),
        })
        .collect();
    let mut add = |t: Template| match all.iter_mut().find(|x| x.name == t.name) {
        Some(slot) => *slot = t,
        None => all.push(t),
    };
    if let Some(dir) = user_dir() {
        if let Ok(rd) = std::fs::read_dir(&dir) {
            let mut files: Vec<PathBuf> = rd
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|e| e.eq_ignore_ascii_case("md")))
                .collect();
            files.sort();
            for p in files {
                let Some(name) = p.file_stem().map(|s| s.to_string_lossy().to_string()) else {
                    continue;
                };
                let text = std::fs::read_to_string(&p)?;
                add(Template {
                    name,
                    title: title_of(&text),
                    origin: Origin::User,
                    path: Some(p.display().to_string()),
                    text,
                });
            }
        }
    }
    if let Some(case) = case {
        for (name, text) in store::templates::case_templates(case.reads())? {
            add(Template {
                title: title_of(&text),
                name,
                origin: Origin::Case,
                path: None,
                text,
            });
        }
    }
    Ok(all)
}

/// Stores a template in the case (named after the file); checks it parses first.
pub fn add_to_case(case: &Case, file: &Path) -> Result<String> {
    let name = file
        .file_stem()
        .map(|s| s.to_string_lossy().to_string())
        .filter(|s| !s.is_empty())
        .ok_or_else(|| Error::User(Msg::new("docgen.bad_file").arg("file", file.display())))?;
    let text = std::fs::read_to_string(file)?;
    let mut env = environment();
    env.add_template_owned(name.clone(), text.clone())
        .map_err(|e| template_error(&name, &e))?;
    case.write("template.add", |tx| {
        store::templates::set_case_template(tx, &name, &text)?;
        Ok::<_, Error>((
            (),
            serde_json::json!({ "name": name, "sha256": crate::audit::sha256_hex(text.as_bytes()) }),
        ))
    })?;
    Ok(name)
}

fn environment() -> minijinja::Environment<'static> {
    let mut env = minijinja::Environment::new();
    // A field the context does not have is an error, not an empty string.
    env.set_undefined_behavior(minijinja::UndefinedBehavior::Strict);
    env.set_trim_blocks(true);
    env.set_lstrip_blocks(true);
    // Text inside a table cell or a paragraph: one line, pipes escaped.
    env.add_filter("cell", |s: String| {
        s.replace(['\n', '\r'], " ").replace('|', "\\|")
    });
    // At most `n` characters, an ellipsis for the rest.
    env.add_filter("short", |s: String, n: usize| {
        if s.chars().count() <= n {
            s
        } else {
            let mut t: String = s.chars().take(n.saturating_sub(1)).collect();
            t.push('…');
            t
        }
    });
    // A sentence ends with its full stop (or the mark it has).
    env.add_filter("end", |s: String| {
        let t = s.trim_end();
        match t.chars().last() {
            None => String::new(),
            Some(c) if "。！？；：.!?;:）)”\"".contains(c) => t.to_string(),
            Some(_) => format!("{t}。"),
        }
    });
    env
}

fn template_error(name: &str, e: &minijinja::Error) -> Error {
    Error::User(
        Msg::new("docgen.template_error")
            .arg("name", name)
            .arg(
                "line",
                e.line()
                    .map(|l| l.to_string())
                    .unwrap_or_else(|| "?".into()),
            )
            .arg("detail", e.detail().unwrap_or(&e.kind().to_string())),
    )
}

/// A document written from a template.
#[derive(Debug, Clone)]
pub struct Document {
    pub template: String,
    pub title: String,
    /// The filled template (redacted unless asked not to).
    pub markdown: String,
}

/// Fills template `name` for clue `clue` (id or number), redacted unless `redact` is false.
pub fn render_doc(case: &Case, clue: &str, name: &str, redact: bool) -> Result<Document> {
    render_doc_with(case, clue, name, redact, Vec::new())
}

/// [`render_doc`] for a bound volume: the 卷内文件目录 lists `volume`.
pub fn render_doc_with(
    case: &Case,
    clue: &str,
    name: &str,
    redact: bool,
    volume: Vec<context::VolumeLine>,
) -> Result<Document> {
    let all = templates(Some(case))?;
    let t = all.iter().find(|t| t.name == name).ok_or_else(|| {
        Error::User(
            Msg::new("docgen.no_template").arg("name", name).arg(
                "names",
                all.iter()
                    .map(|t| t.name.as_str())
                    .collect::<Vec<_>>()
                    .join(", "),
            ),
        )
    })?;
    let mut ctx = context::build(case, clue)?;
    ctx.volume = volume;
    let mut env = environment();
    env.add_template_owned(t.name.clone(), t.text.clone())
        .map_err(|e| template_error(&t.name, &e))?;
    let tmpl = env
        .get_template(&t.name)
        .map_err(|e| template_error(&t.name, &e))?;
    // Redacted before it is filled in, so that no filter (short, …) can cut a
    // name or an ID number out of its mask.
    let mut value = serde_json::to_value(&ctx).map_err(|e| {
        Error::User(
            Msg::new("docgen.template_error")
                .arg("name", &t.name)
                .arg("line", "-")
                .arg("detail", e),
        )
    })?;
    if redact {
        Redactor::from_case(case)?.json(&mut value);
    }
    let markdown = tmpl
        .render(&value)
        .map_err(|e| template_error(&t.name, &e))?;
    Ok(Document {
        template: t.name.clone(),
        title: t.title.clone(),
        markdown,
    })
}

/// The document's bytes in `format` (Markdown as filled; HTML and .docx from its blocks).
pub fn bytes(doc: &Document, format: Format) -> Result<Vec<u8>> {
    let blocks = md::blocks(&doc.markdown);
    Ok(match format {
        Format::Markdown => doc.markdown.clone().into_bytes(),
        Format::Html => render::html_of(&blocks, &doc.title).into_bytes(),
        Format::Docx => render::docx_of(&blocks, Look::Official)?,
        Format::Json => {
            return Err(Error::User(
                Msg::new("docgen.bad_format").arg("format", "json"),
            ))
        }
    })
}

/// Writes the document; refuses an existing file unless `force`; an
/// unredacted document is written to the audit log.
pub fn write(
    case: &Case,
    clue: &str,
    name: &str,
    format: Format,
    out: &Path,
    redact: bool,
    force: bool,
) -> Result<Document> {
    if out.exists() && !force {
        return Err(crate::export::ExportError::Exists {
            path: out.to_path_buf(),
        }
        .into());
    }
    let doc = render_doc(case, clue, name, redact)?;
    let data = bytes(&doc, format)?;
    let payload = serde_json::json!({
        "file": out.display().to_string(),
        "format": format.extension(),
        "template": doc.template,
        "clue": clue,
        "sha256": crate::audit::sha256_hex(&data),
    });
    crate::export::write_out(case, &data, out, redact, payload)?;
    Ok(doc)
}
