//! `hecha doc`, `hecha templates`: standard documents (文书) written from a
//! clue, and the templates they come from.

use std::path::PathBuf;

use clap::Args;
use hecha::docgen;
use hecha::export::Format;
use hecha::tr;

use crate::cli::error::Result;
use crate::cli::opening;
use crate::cli::output::emit;

#[derive(Args)]
pub struct DocArgs {
    case: PathBuf,
    /// 线索序号或编号 / the clue (id or number)
    #[arg(long)]
    clue: String,
    /// 模板名（hecha templates 列出）/ template name
    #[arg(long)]
    template: String,
    /// docx | md | html
    #[arg(long, default_value = "docx")]
    format: String,
    #[arg(long)]
    out: PathBuf,
    /// 不脱敏（记入审计日志）/ do not redact (recorded in the audit log)
    #[arg(long = "no-redact")]
    no_redact: bool,
    /// 覆盖已有文件 / overwrite an existing file
    #[arg(long)]
    force: bool,
}

#[derive(Args)]
pub struct TemplatesArgs {
    /// 案件文件（列出其中存放的模板）/ a case (its own templates too)
    case: Option<PathBuf>,
    /// 把模板文件存入案件（文件名即模板名）/ store a template file in the case
    #[arg(long)]
    add: Option<PathBuf>,
    #[arg(long)]
    json: bool,
}

pub fn doc(a: DocArgs) -> Result<i32> {
    let format = match Format::parse(&a.format) {
        Some(f) if f != Format::Json => f,
        _ => {
            return Err(hecha::Error::User(
                hecha::Msg::new("docgen.bad_format").arg("format", &a.format),
            )
            .into())
        }
    };
    let c = if a.no_redact {
        opening::read_write(&a.case)?
    } else {
        opening::read_only(&a.case)?
    };
    let d = docgen::write(
        &c,
        &a.clue,
        &a.template,
        format,
        &a.out,
        !a.no_redact,
        a.force,
    )?;
    println!(
        "{}",
        tr!(
            "docgen.written",
            title = d.title,
            path = a.out.display(),
            redaction = if a.no_redact {
                tr!("docgen.not_redacted")
            } else {
                tr!("docgen.redacted")
            }
        )
    );
    Ok(0)
}

pub fn templates(a: TemplatesArgs) -> Result<i32> {
    let c = match (&a.case, &a.add) {
        (Some(p), Some(_)) => Some(opening::read_write(p)?),
        (Some(p), None) => Some(opening::read_only(p)?),
        (None, Some(_)) => {
            return Err(hecha::Error::User(hecha::Msg::new("docgen.add_needs_case")).into())
        }
        (None, None) => None,
    };
    if let (Some(c), Some(file)) = (&c, &a.add) {
        let name = docgen::add_to_case(c, file)?;
        if !a.json {
            println!("{}", tr!("docgen.added", name = name));
        }
    }
    let all = docgen::templates(c.as_ref())?;
    emit(a.json, &all, |all| {
        for t in all {
            let origin = match t.origin {
                docgen::Origin::Builtin => tr!("docgen.origin_builtin"),
                docgen::Origin::User => t.path.clone().unwrap_or_else(|| tr!("docgen.origin_user")),
                docgen::Origin::Case => tr!("docgen.origin_case"),
            };
            println!("  {:<20} {}  （{}）", t.name, t.title, origin);
        }
    });
    Ok(0)
}
