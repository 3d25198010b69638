//! Command-line front end: parses arguments, calls the library, prints results
//! (human text in the UI language, or JSON with `--json`).
//!
//! Each subcommand lives in `commands/<noun>.rs` with its arguments; every
//! JSON-or-human answer goes through [`output::emit`]; the benchmarks are in
//! `bench/`; opening a case (and so, later, handing the core its passphrase)
//! is in `opening.rs`.

/// `println!` for the CLI: a closed pipe (`hecha findings … | head`) ends the
/// program quietly instead of panicking as `std::println!` does.
macro_rules! println {
    () => {
        $crate::cli::output::out(format_args!("\n"))
    };
    ($($arg:tt)*) => {
        $crate::cli::output::out(format_args!("{}\n", format_args!($($arg)*)))
    };
}

/// `print!` with the same closed-pipe handling as `println!`.
macro_rules! print {
    ($($arg:tt)*) => {
        $crate::cli::output::out(format_args!($($arg)*))
    };
}

mod bench;
mod commands;
mod error;
mod opening;
mod output;
mod passphrase;
mod progress;

use clap::{Parser, Subcommand};
use hecha::i18n::{self, Lang};
use hecha::tr;

use commands::{
    allegations, audit, case, checks, clues, crypt, demo, docs, export, graph, import, ledgers,
    links, mentions, notes, ocr, pack, person, register, rules, runs, search, show, undo, watch,
    workbench,
};

/// Exit code for failures the user can act on (bad input, bad case file).
pub const EXIT_FAILED: i32 = 2;

#[derive(Parser)]
#[command(
    name = "hecha",
    version,
    about = "核查 hecha — 纪检监察案件核查工作台 / discipline-inspection case workbench"
)]
struct Cli {
    /// 界面语言 / UI language: zh | en (default: from the locale)
    #[arg(long, global = true)]
    lang: Option<String>,
    /// 使用 vim 风格键位 / use the vim-style keymap
    #[arg(long, global = true)]
    vim: bool,
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// 打开案件工作台 / open a case in the workbench
    Open(workbench::OpenArgs),
    /// 加密案件文件 / encrypt a case file in place
    Encrypt(crypt::CaseArg),
    /// 解密案件文件 / decrypt a case file in place
    Decrypt(crypt::CaseArg),
    /// 新建问题线索 / create an allegation
    Allege(allegations::AllegeArgs),
    /// 问题线索及证据目录 / allegations and their evidence catalogues
    Allegations(allegations::ListArgs),
    /// 把证据关联到问题线索 / link evidence to an allegation
    /// 任意两项之间：问题线索、发现、文书片段、台账行、人员（每种可给两次）。
    /// Between any two items; each option may be given twice (e.g. two --row).
    Link(links::LinkArgs),
    /// 列出全部关联 / list every link
    Links(links::ListArgs),
    /// 证据种类、原件/复印件、证明内容 / what a catalogue entry is as evidence
    Evidence(links::EvidenceArgs),
    /// 取消关联 / remove a link
    Unlink(links::UnlinkArgs),
    /// 撤销最近一次改动（关联、审核、结论、备注）/ undo the last change (a link, a review, a status, a note)
    Undo(undo::UndoArgs),
    /// 设置问题线索的核查结论 / set an allegation's status
    Status(allegations::StatusArgs),
    /// 问题线索台账：登记、办理环节、时限 / the clue register: register, stage events, deadlines
    Clue {
        #[command(subcommand)]
        what: clues::ClueWhat,
    },
    /// 问题线索台账（按紧急程度）/ the clue register, most urgent first
    Clues(register::ListArgs),
    /// 线索统计 / statistics on the register
    Stats(register::StatsArgs),
    /// 办理时限设置 / the register's time limits
    Deadlines(register::DeadlinesArgs),
    /// 显示文书全文或其中一页 / print a document's text, or one page of it
    Show(show::ShowArgs),
    /// 给任一条目加备注 / add a note (--on KIND:REF)
    Note(notes::NoteArgs),
    /// 给任一条目加标签（★ 为星标）/ tag an item (--on KIND:REF)
    Tag(notes::TagArgs),
    /// 某人在本案中的全部情况 / everything about one ID number in the case
    Person(person::PersonArgs),
    /// 某人的关系图（家庭、账户、资金去向……）/ a person's relationship graph: json, dot, graphml
    Graph(graph::GraphArgs),
    /// 审计日志 / the audit log
    Log(audit::CaseJson),
    /// 校验审计链与文书完整性 / verify the audit chain and every document
    Verify(audit::VerifyArgs),
    /// 显示当前生效的键位 / show the effective keymap
    Keymap(workbench::KeymapArgs),
    /// 新建案件文件 / create a case file
    New(case::NewArgs),
    /// 修改案件标题、编号、承办人 / set the case's title, number or officer
    Meta(case::MetaArgs),
    /// 导出案件报告 / export the case summary (redacted by default)
    Export(export::ExportArgs),
    /// 把各角色视图和比对规则用到的表导出为 Parquet（未脱敏，记入审计日志），供省级平台等分布式引擎运行同样的规则 / the role views and rule tables as Parquet files for a distributed engine (not redacted; audited)
    ExportParquet(export::ExportParquetArgs),
    /// 按模板写出文书（初核报告、函询函、谈话笔录……，默认脱敏）/ write a standard document from a clue
    Doc(docs::DocArgs),
    /// 文书模板 / the document templates
    Templates(docs::TemplatesArgs),
    /// 乡案县审送审包：一条线索的子集案件、卷宗文书与清单（默认脱敏）/ the county review pack of one clue
    Pack(pack::PackArgs),
    /// 导入文件或目录 / import files and directories
    Import(import::ImportArgs),
    /// 案件概况 / case summary
    Info(case::InfoArgs),
    /// 用内置示例乡镇建立演示案件并打开工作台 / build the demo case and open the workbench
    Demo(demo::DemoArgs),
    /// 运行比对规则 / run the cross-checks
    Check(checks::CheckArgs),
    /// 列出比对规则及参数 / list rules and parameters
    Rules(rules::RulesArgs),
    /// 最近一次比对的发现及审核结论 / findings of the latest run with their reviews
    Findings(checks::FindingsArgs),
    /// 审核一条发现：confirmed 确认 / dismissed 排除 / review a finding
    Review(checks::ReviewArgs),
    /// 每条规则最近一次比对的结果 / the latest outcome of every rule
    Runs(runs::RunsArgs),
    /// 分页查看台账行（可筛选、排序）/ a page of a ledger's rows (filter, sort)
    Rows(ledgers::RowsArgs),
    /// 补贴项目表（可按案件补充）/ the program table (extendable per case)
    Programs(rules::ProgramsArgs),
    /// 全文检索 / full-text search
    Search(search::SearchArgs),
    /// 文书中提到的身份证号、电话、卡号、金额、日期 / ID numbers, phones, cards, amounts, dates mentioned in documents
    Mentions(mentions::MentionsArgs),
    /// 关注词：每次导入后自动重查，报告新命中 / watch list: terms rerun after every import, new hits reported
    Watch(watch::WatchArgs),
    /// 重建检索索引 / rebuild the search index
    Reindex(search::ReindexArgs),
    /// 文字识别（OCR）：引擎与模型状态 / text recognition: engine and model status
    Ocr {
        #[command(subcommand)]
        what: ocr::OcrWhat,
    },
    /// 性能测试 / benchmarks
    Bench {
        #[command(subcommand)]
        what: bench::BenchWhat,
    },
}

/// `hecha CASE` means `hecha open CASE`: inserts `open` before the first
/// positional argument when it is not a subcommand.
fn with_open(mut args: Vec<std::ffi::OsString>) -> Vec<std::ffi::OsString> {
    use clap::CommandFactory;
    let names: Vec<String> = Cli::command()
        .get_subcommands()
        .map(|c| c.get_name().to_string())
        .collect();
    let mut i = 1;
    while i < args.len() {
        let a = args[i].to_string_lossy().into_owned();
        if a == "--lang" {
            i += 2;
            continue;
        }
        if a.starts_with('-') {
            i += 1;
            continue;
        }
        if !names.contains(&a) && a != "help" {
            args.insert(i, "open".into());
        }
        break;
    }
    args
}

/// Parses the arguments, runs the command, and returns the exit status.
pub fn run() -> i32 {
    let cli = match Cli::try_parse_from(with_open(std::env::args_os().collect())) {
        Ok(c) => c,
        Err(e) => {
            let _ = e.print();
            return if e.use_stderr() { EXIT_FAILED } else { 0 };
        }
    };
    let lang = cli
        .lang
        .as_deref()
        .and_then(Lang::parse)
        .unwrap_or_else(Lang::from_env);
    i18n::set_lang(lang);
    let Some(command) = cli.command else {
        workbench::print_start();
        return 0;
    };
    match dispatch(command, cli.vim) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("{}: {e}", tr!("cli.error"));
            EXIT_FAILED
        }
    }
}

fn dispatch(cmd: Command, vim: bool) -> error::Result<i32> {
    match cmd {
        Command::Open(a) => workbench::open(a, vim),
        Command::Encrypt(a) => crypt::encrypt(a),
        Command::Decrypt(a) => crypt::decrypt(a),
        Command::Allege(a) => allegations::allege(a),
        Command::Allegations(a) => allegations::list(a),
        Command::Link(a) => links::link(a),
        Command::Links(a) => links::list(a),
        Command::Unlink(a) => links::unlink(a),
        Command::Undo(a) => undo::undo(a),
        Command::Evidence(a) => links::evidence(a),
        Command::Status(a) => allegations::status(a),
        Command::Clue { what } => clues::run(what),
        Command::Clues(a) => register::list(a),
        Command::Stats(a) => register::stats(a),
        Command::Deadlines(a) => register::deadlines(a),
        Command::Show(a) => show::show(a),
        Command::Note(a) => notes::note(a),
        Command::Tag(a) => notes::tag(a),
        Command::Person(a) => person::person(a),
        Command::Graph(a) => graph::graph(a),
        Command::Log(a) => audit::log(a),
        Command::Verify(a) => audit::verify(a),
        Command::Keymap(a) => workbench::keymap(a, vim),
        Command::New(a) => case::new(a),
        Command::Meta(a) => case::meta(a),
        Command::Export(a) => export::export(a),
        Command::ExportParquet(a) => export::export_parquet(a),
        Command::Doc(a) => docs::doc(a),
        Command::Templates(a) => docs::templates(a),
        Command::Pack(a) => pack::pack(a),
        Command::Import(a) => import::import(a),
        Command::Info(a) => case::info(a),
        Command::Demo(a) => demo::demo(a, vim),
        Command::Check(a) => checks::check(a),
        Command::Rules(a) => rules::rules(a),
        Command::Findings(a) => checks::findings(a),
        Command::Review(a) => checks::review(a),
        Command::Runs(a) => runs::runs(a),
        Command::Rows(a) => ledgers::rows(a),
        Command::Programs(a) => rules::programs(a),
        Command::Search(a) => search::search(a),
        Command::Reindex(a) => search::reindex(a),
        Command::Watch(a) => watch::watch(a),
        Command::Mentions(a) => mentions::mentions(a),
        Command::Ocr { what } => ocr::run(what),
        Command::Bench { what } => bench::run(what),
    }
}
