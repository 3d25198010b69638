//! `hecha rules` and `hecha programs`: the rule catalogue (built-in and the
//! case's own) and the subsidy program table.

use std::path::PathBuf;

use clap::Args;
use hecha::checks::{self, ProgramRow, Rule, RuleError};
use hecha::i18n::{self, Lang};
use hecha::tr;

use crate::cli::error::Result;
use crate::cli::output::{emit, table};
use crate::cli::{opening, EXIT_FAILED};

#[derive(Args)]
pub struct RulesArgs {
    /// 同时列出该案件自带的规则 / include the rules stored in this case
    case: Option<PathBuf>,
    /// 把规则文件存入案件 / store a rule file in the case
    #[arg(long)]
    add: Option<PathBuf>,
    #[arg(long)]
    json: bool,
}

pub fn rules(a: RulesArgs) -> Result<i32> {
    let c = match &a.case {
        Some(p) if a.add.is_some() => Some(opening::read_write(p)?),
        Some(p) => Some(opening::read_only(p)?),
        None => None,
    };
    if let (Some(c), Some(path)) = (&c, &a.add) {
        let r = checks::add_case_rule(c, path)?;
        println!("{}", tr!("checks.rule_added", id = r.id));
    }
    let (rules, errors) = checks::load_rules(c.as_ref());
    let v = serde_json::json!({ "rules": rules, "errors": errors });
    emit(a.json, &v, |_| print_rules(&rules, &errors));
    Ok(if errors.is_empty() { 0 } else { EXIT_FAILED })
}

fn print_rules(rules: &[Rule], errors: &[RuleError]) {
    for r in rules {
        println!("{}  {}  [{}]", r.id, r.title(), r.source);
        let roles: Vec<&str> = r.roles.iter().map(|x| x.as_str()).collect();
        println!("    {}  roles: {}", r.subject, roles.join(", "));
        for p in &r.params {
            let desc = if i18n::lang() == Lang::Zh {
                &p.description_zh
            } else {
                &p.description_en
            };
            println!("    --set {}.{}={}   {}", r.id, p.name, p.default, desc);
        }
    }
    if !errors.is_empty() {
        println!("{}", tr!("checks.rule_errors"));
        for e in errors {
            println!("  ! {e}");
        }
    }
}

#[derive(Args)]
pub struct ProgramsArgs {
    case: PathBuf,
    /// 新增或修改项目 / add or update a program
    #[arg(long)]
    add: Option<String>,
    /// 别名（可重复）/ alias (repeatable)
    #[arg(long = "alias")]
    aliases: Vec<String>,
    #[arg(long = "means-tested")]
    means_tested: bool,
    #[arg(long)]
    discretionary: bool,
    #[arg(long = "land-type")]
    land_type: Option<String>,
    #[arg(long = "min-age")]
    min_age: Option<i32>,
    #[arg(long)]
    json: bool,
}

pub fn programs(a: ProgramsArgs) -> Result<i32> {
    let c = if a.add.is_some() {
        opening::read_write(&a.case)?
    } else {
        opening::read_only(&a.case)?
    };
    if let Some(name) = a.add {
        let row = ProgramRow {
            program: name.clone(),
            aliases: a.aliases,
            means_tested: a.means_tested,
            discretionary: a.discretionary,
            land_type: a.land_type,
            min_age: a.min_age,
            source: "case".into(),
        };
        checks::add_program(&c, &row)?;
        println!("{}", tr!("checks.program_added", name = name));
    }
    let rows = checks::programs(&c)?;
    emit(a.json, rows.as_slice(), print_programs);
    Ok(0)
}

fn print_programs(rows: &[ProgramRow]) {
    let yes = |b: bool| if b { "✓".to_string() } else { String::new() };
    let headers: Vec<String> = [
        "program",
        "aliases",
        "means-tested",
        "discretionary",
        "land type",
        "min age",
        "source",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    let body: Vec<Vec<String>> = rows
        .iter()
        .map(|p| {
            vec![
                p.program.clone(),
                p.aliases.join("、"),
                yes(p.means_tested),
                yes(p.discretionary),
                p.land_type.clone().unwrap_or_default(),
                p.min_age.map(|a| a.to_string()).unwrap_or_default(),
                p.source.clone(),
            ]
        })
        .collect();
    table(&headers, &body);
}
