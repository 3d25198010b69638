//! `hecha graph CASE --person ID [--depth N] [--format json|dot|graphml] [--out FILE]`:
//! a person's relationship graph (household, accounts and their other
//! holders, posts, payments, money out, findings, documents).

use std::path::PathBuf;

use clap::Args;
use hecha::case::graph;

use crate::cli::error::{Error, Result};
use crate::cli::opening;

#[derive(Args)]
pub struct GraphArgs {
    case: PathBuf,
    /// 身份证号 / ID number
    #[arg(long)]
    person: String,
    /// 展开几层人员（默认 1：本人及其直接关联）/ person hops to expand (1: the person and their neighbours)
    #[arg(long, default_value_t = 1)]
    depth: usize,
    /// json | dot | graphml（Gephi、yEd 可打开）
    #[arg(long, default_value = "json")]
    format: String,
    /// 写入文件（默认输出到屏幕）/ write to this file (default: standard output)
    #[arg(long)]
    out: Option<PathBuf>,
}

pub fn graph(a: GraphArgs) -> Result<i32> {
    let c = opening::read_only(&a.case)?;
    let g = graph::graph(&c, &a.person, a.depth)?;
    if g.nodes.len() <= 1 && g.edges.is_empty() {
        return Err(Error::NoPerson(a.person));
    }
    let text = match a.format.as_str() {
        "json" => serde_json::to_string_pretty(&g).unwrap_or_default() + "\n",
        "dot" => graph::to_dot(&g),
        "graphml" => graph::to_graphml(&g),
        other => return Err(Error::BadGraphFormat(other.to_string())),
    };
    match a.out {
        Some(path) => std::fs::write(path, text)?,
        None => print!("{text}"),
    }
    Ok(0)
}
