//! Command-line front end: parses arguments, calls the library, prints results
//! (human text in the UI language, or JSON with `--json`).

/// `println!` for the CLI: a closed pipe (`hecha findings … | head`) ends the
/// program quietly instead of panicking as `std::println!` does.
macro_rules! println {
    () => {
        $crate::cli::out(format_args!("\n"))
    };
    ($($arg:tt)*) => {
        $crate::cli::out(format_args!("{}\n", format_args!($($arg)*)))
    };
}

/// `print!` with the same closed-pipe handling as `println!`.
macro_rules! print {
    ($($arg:tt)*) => {
        $crate::cli::out(format_args!($($arg)*))
    };
}

mod output;

/// Writes to standard output; exits with status 0 when the reader has gone
/// away (a closed pipe), like `cat` or `grep` do, and with status 1 on any
/// other write error.
pub(crate) fn out(args: std::fmt::Arguments) {
    use std::io::Write;
    let mut stdout = std::io::stdout().lock();
    if let Err(e) = stdout.write_fmt(args) {
        if e.kind() == std::io::ErrorKind::BrokenPipe {
            std::process::exit(0);
        }
        eprintln!("hecha: {e}");
        std::process::exit(1);
    }
}

use std::io::IsTerminal;
use std::path::PathBuf;

use clap::{Parser, Subcommand};

use hecha::case::Case;
use hecha::i18n::{self, Lang};
use hecha::ingest::fields::Role;
use hecha::ingest::{self, DocKind, ImportOptions, Status};
use hecha::{tr, Error, Msg};

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
    Open {
        case: PathBuf,
        /// 只读查看（他人正在编辑时也可打开）/ look only, even while the case is open elsewhere
        #[arg(long = "read-only")]
        read_only: bool,
    },
    /// 加密案件文件 / encrypt a case file in place
    Encrypt { case: PathBuf },
    /// 解密案件文件 / decrypt a case file in place
    Decrypt { case: PathBuf },
    /// 新建问题线索 / create an allegation
    Allege {
        case: PathBuf,
        title: String,
        #[arg(long)]
        text: Option<String>,
        /// 来源，例如 letter:举报信.txt 或 finding:F8d42184520 / where it came from
        #[arg(long = "from")]
        source: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// 问题线索及证据目录 / allegations and their evidence catalogues
    Allegations {
        case: PathBuf,
        #[arg(long)]
        json: bool,
    },
    /// 把证据关联到问题线索 / link evidence to an allegation
    /// 任意两项之间：问题线索、发现、文书片段、台账行、人员（每种可给两次）。
    /// Between any two items; each option may be given twice (e.g. two --row).
    Link {
        case: PathBuf,
        #[arg(long)]
        allegation: Vec<i64>,
        #[arg(long)]
        finding: Vec<String>,
        /// 文书的文件名或标题 / document source file name or title (with --quote)
        #[arg(long)]
        document: Vec<String>,
        #[arg(long)]
        quote: Vec<String>,
        /// 台账名:数据行号 / LEDGER:ROW
        #[arg(long)]
        row: Vec<String>,
        /// 身份证号 / ID number
        #[arg(long)]
        person: Vec<String>,
        /// supports | contradicts | relates（证实 / 反驳 / 相关）
        #[arg(long, default_value = "supports")]
        relation: String,
        #[arg(long)]
        note: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// 列出全部关联 / list every link
    Links {
        case: PathBuf,
        #[arg(long)]
        json: bool,
    },
    /// 取消关联 / remove a link
    Unlink { case: PathBuf, link: i64 },
    /// 设置问题线索的核查结论 / set an allegation's status
    Status {
        case: PathBuf,
        #[arg(long)]
        allegation: i64,
        /// 待核查|属实|部分属实|不属实|无法证实 (pending|true|partly|false|unproven)
        status: String,
        #[arg(long)]
        reason: String,
        /// 违纪金额 / amount involved
        #[arg(long)]
        amount: Option<String>,
    },
    /// 给任一条目加备注 / add a note (--on KIND:REF)
    Note {
        case: PathBuf,
        #[arg(long)]
        on: String,
        text: String,
    },
    /// 给任一条目加标签（★ 为星标）/ tag an item (--on KIND:REF)
    Tag {
        case: PathBuf,
        #[arg(long)]
        on: String,
        tag: String,
    },
    /// 某人在本案中的全部情况 / everything about one ID number in the case
    Person {
        case: PathBuf,
        id_number: String,
        #[arg(long)]
        json: bool,
    },
    /// 审计日志 / the audit log
    Log {
        case: PathBuf,
        #[arg(long)]
        json: bool,
    },
    /// 校验审计链与文书完整性 / verify the audit chain and every document
    Verify {
        case: PathBuf,
        #[arg(long)]
        json: bool,
    },
    /// 显示当前生效的键位 / show the effective keymap
    Keymap {
        #[arg(long)]
        print: bool,
    },
    /// 新建案件文件 / create a case file
    New {
        case: PathBuf,
        #[arg(long)]
        title: Option<String>,
        /// 截至日期 / as-of date, YYYY-MM-DD (default: today)
        #[arg(long = "as-of")]
        as_of: Option<String>,
        /// 案件编号 / case number
        #[arg(long = "case-no")]
        case_no: Option<String>,
        /// 承办人 / officer in charge
        #[arg(long)]
        officer: Option<String>,
        /// 加密案件文件（口令取自 HECHA_PASSPHRASE 或终端输入）/ encrypt the case file
        #[arg(long)]
        encrypt: bool,
    },
    /// 修改案件标题、编号、承办人 / set the case's title, number or officer
    Meta {
        case: PathBuf,
        #[arg(long)]
        title: Option<String>,
        #[arg(long = "case-no")]
        case_no: Option<String>,
        #[arg(long)]
        officer: Option<String>,
    },
    /// 导出案件报告 / export the case summary (redacted by default)
    Export {
        case: PathBuf,
        /// md | html | docx | json
        #[arg(long, default_value = "md")]
        format: String,
        #[arg(long)]
        out: PathBuf,
        /// 不脱敏（写入审计日志）/ do not redact (recorded in the audit log)
        #[arg(long = "no-redact")]
        no_redact: bool,
        /// 只导出一条问题线索 / only this allegation
        #[arg(long)]
        allegation: Option<i64>,
        /// 覆盖已有文件 / overwrite an existing file
        #[arg(long)]
        force: bool,
    },
    /// 导入文件或目录 / import files and directories
    Import {
        case: PathBuf,
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// letter | transcript | ledger
        #[arg(long)]
        kind: Option<String>,
        /// payments | deaths | officials | cadres | households | land | allocations | inventory | meals | complaints | other
        #[arg(long)]
        role: Option<String>,
        /// Excel 工作表名 / Excel sheet name
        #[arg(long)]
        sheet: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// 案件概况 / case summary
    Info {
        case: PathBuf,
        #[arg(long)]
        json: bool,
    },
    /// 用内置示例乡镇建立演示案件并打开工作台 / build the demo case and open the workbench
    Demo {
        #[arg(long)]
        json: bool,
        /// 只建立并显示概况，不打开工作台 / build and print, do not open the workbench
        #[arg(long = "no-tui")]
        no_tui: bool,
    },
    /// 运行比对规则 / run the cross-checks
    Check {
        case: PathBuf,
        /// 只运行这些规则（可重复）/ only these rules (repeatable)
        #[arg(long = "rule")]
        rules: Vec<String>,
        /// 参数 RULE.PARAM=VALUE（可重复）/ parameter override (repeatable)
        #[arg(long = "set")]
        sets: Vec<String>,
        /// 截至日期，默认为案件的截至日期 / as-of date (default: the case's)
        #[arg(long = "as-of")]
        as_of: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// 列出比对规则及参数 / list rules and parameters
    Rules {
        /// 同时列出该案件自带的规则 / include the rules stored in this case
        case: Option<PathBuf>,
        /// 把规则文件存入案件 / store a rule file in the case
        #[arg(long)]
        add: Option<PathBuf>,
        #[arg(long)]
        json: bool,
    },
    /// 最近一次比对的发现及审核结论 / findings of the latest run with their reviews
    Findings {
        case: PathBuf,
        #[arg(long = "rule")]
        rule: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// 审核一条发现：confirmed 确认 / dismissed 排除 / review a finding
    Review {
        case: PathBuf,
        finding: String,
        /// confirmed | dismissed
        status: String,
        #[arg(long)]
        reason: String,
    },
    /// 补贴项目表（可按案件补充）/ the program table (extendable per case)
    Programs {
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
    },
    /// 全文检索 / full-text search
    Search {
        case: PathBuf,
        /// 检索式：空格分隔的词同时出现；"…" 短语；-词 排除；kind: ledger: role: village: date:2021..2022
        #[arg(allow_hyphen_values = true)]
        query: Option<String>,
        #[arg(long, default_value_t = 20)]
        limit: usize,
        /// 批量检索：每行一个检索式 / a file of queries, one per line
        #[arg(long)]
        batch: Option<PathBuf>,
        /// 批量检索的输出格式 csv | json
        #[arg(long, default_value = "csv")]
        format: String,
        #[arg(long)]
        json: bool,
    },
    /// 重建检索索引 / rebuild the search index
    Reindex { case: PathBuf },
    /// 性能测试 / benchmarks
    Bench {
        #[command(subcommand)]
        what: BenchWhat,
    },
}

#[derive(Subcommand)]
enum BenchWhat {
    /// 工作台：首帧时间与边输边搜的按键到重绘延迟 / workbench first frame and keystroke latency
    Tui {
        #[arg(long, default_value_t = 100_000)]
        docs: u64,
        #[arg(long)]
        dir: Option<PathBuf>,
        #[arg(long)]
        json: bool,
    },
    /// 生成 N 篇中文文书，计时建索引与检索延迟，并与 ripgrep 对比 / index and query N documents vs ripgrep
    Search {
        #[arg(long, default_value_t = 100_000)]
        docs: u64,
        /// 用 rg 对比的检索次数（每种长度）/ ripgrep runs per query length
        #[arg(long, default_value_t = 20)]
        rg_queries: usize,
        #[arg(long)]
        dir: Option<PathBuf>,
        #[arg(long)]
        json: bool,
    },
    /// 生成 N 行发放明细及相应台账，计时全部 13 条规则并与直接运行 SQL 对比 / time the 13 rules vs the same SQL in DuckDB
    Checks {
        #[arg(long, default_value_t = 10_000_000)]
        rows: u64,
        #[arg(long)]
        dir: Option<PathBuf>,
        #[arg(long)]
        json: bool,
    },
    /// 导入 N 行 GBK 发放明细，与 DuckDB read_csv 对比 / import N GBK payment rows vs DuckDB read_csv
    Import {
        #[arg(long, default_value_t = 1_000_000)]
        rows: u64,
        /// 工作目录（默认临时目录）/ working directory (default: a temporary one)
        #[arg(long)]
        dir: Option<PathBuf>,
        #[arg(long)]
        json: bool,
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
    let vim = cli.vim;
    let Some(command) = cli.command else {
        print_start();
        return 0;
    };
    match dispatch(command, vim) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("{}: {e}", tr!("cli.error"));
            EXIT_FAILED
        }
    }
}

fn parse_as_of(s: &str) -> Result<hecha::ingest::normalise::Ymd, Error> {
    match hecha::ingest::normalise::parse_date(s) {
        Ok(Some(d)) => Ok(d),
        _ => Err(Msg::new("cli.bad_date").arg("value", s).into()),
    }
}

fn load_keymap(vim: bool) -> Result<hecha::tui::Keymap, Error> {
    let user = hecha::tui::Keymap::user_path();
    hecha::tui::Keymap::load(user.as_deref(), vim)
        .map_err(|e| Error::from(Msg::new("cli.keymap_broken").arg("detail", e)))
}

fn open_tui(case: Case, vim: bool) -> Result<i32, Error> {
    let keymap = load_keymap(vim)?;
    remember(case.path());
    hecha::tui::run(case, keymap)?;
    Ok(0)
}

fn recent_path() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "hecha").map(|d| d.data_dir().join("recent.txt"))
}

/// Remembers an opened case (most recent first, ten at most).
fn remember(case: &std::path::Path) {
    let Some(p) = recent_path() else { return };
    let abs = std::fs::canonicalize(case)
        .unwrap_or_else(|_| case.to_path_buf())
        .display()
        .to_string();
    let mut list: Vec<String> = std::fs::read_to_string(&p)
        .unwrap_or_default()
        .lines()
        .map(str::to_string)
        .collect();
    list.retain(|l| l != &abs && !l.is_empty());
    list.insert(0, abs);
    list.truncate(10);
    if let Some(dir) = p.parent() {
        let _ = std::fs::create_dir_all(dir);
    }
    let _ = std::fs::write(&p, list.join("\n"));
}

/// `hecha` alone: recent cases, and how to start.
fn print_start() {
    println!("{}", tr!("cli.start_title"));
    let recent: Vec<String> = recent_path()
        .and_then(|p| std::fs::read_to_string(p).ok())
        .map(|s| {
            s.lines()
                .filter(|l| std::path::Path::new(l).exists())
                .map(str::to_string)
                .collect()
        })
        .unwrap_or_default();
    if !recent.is_empty() {
        println!("{}", tr!("cli.recent"));
        for r in &recent {
            println!("  hecha {r}");
        }
    }
    println!("{}", tr!("cli.start_hint"));
}

fn dispatch(cmd: Command, vim: bool) -> Result<i32, Error> {
    match cmd {
        Command::Open { case, read_only } => open_tui(
            if read_only {
                Case::open_read_only(&case)?
            } else {
                Case::open(&case)?
            },
            vim,
        ),
        Command::Encrypt { case } => {
            let pass = hecha::case::crypt::passphrase(&case, true)?;
            Case::encrypt_in_place(&case, &pass)?;
            println!("{}", tr!("crypt.encrypted", path = case.display()));
            Ok(0)
        }
        Command::Decrypt { case } => {
            Case::decrypt_in_place(&case)?;
            println!("{}", tr!("crypt.decrypted", path = case.display()));
            Ok(0)
        }
        Command::Allege {
            case,
            title,
            text,
            source,
            json,
        } => {
            let c = Case::open(&case)?;
            let id = hecha::casework::allege(&c, &title, text.as_deref(), source.as_deref())?;
            if json {
                println!("{}", serde_json::json!({ "id": id }));
            } else {
                println!("{}", tr!("casework.created", id = id));
            }
            Ok(0)
        }
        Command::Allegations { case, json } => {
            let c = Case::open_read_only(&case)?;
            let list = hecha::casework::allegations(&c)?;
            if json {
                println!(
                    "{}",
                    serde_json::to_string_pretty(&list).unwrap_or_default()
                );
            } else {
                for a in &list {
                    println!(
                        "#{} [{}] {}  {}",
                        a.id,
                        a.status,
                        a.title,
                        a.amount.map(|a| a.to_string()).unwrap_or_default()
                    );
                    if let Some(r) = &a.reason {
                        println!("    {r}");
                    }
                    for e in &a.evidence {
                        println!(
                            "    {} {:<11} {}  {}",
                            e.no,
                            e.relation,
                            e.label,
                            e.quote.clone().unwrap_or_default()
                        );
                    }
                }
            }
            Ok(0)
        }
        Command::Link {
            case,
            allegation,
            finding,
            document,
            quote,
            row,
            person,
            relation,
            note,
            json,
        } => {
            use hecha::casework::{Endpoint, Item};
            if document.len() != quote.len() {
                return Err(Msg::new("casework.quote_required").into());
            }
            let mut ends: Vec<Endpoint> =
                allegation.into_iter().map(Endpoint::Allegation).collect();
            ends.extend(
                finding
                    .into_iter()
                    .map(|f| Endpoint::Item(Item::Finding(f))),
            );
            ends.extend(
                document
                    .into_iter()
                    .zip(quote)
                    .map(|(source, quote)| Endpoint::Item(Item::Document { source, quote })),
            );
            ends.extend(row.into_iter().map(|r| Endpoint::Item(Item::Row(r))));
            ends.extend(person.into_iter().map(|p| Endpoint::Item(Item::Person(p))));
            let [a, b] = <[Endpoint; 2]>::try_from(ends)
                .map_err(|_| Error::from(Msg::new("casework.two_items")))?;
            let c = Case::open(&case)?;
            let linked = hecha::casework::link_pair(&c, &a, &b, &relation, note.as_deref())?;
            if json {
                println!("{}", serde_json::to_string(&linked).unwrap_or_default());
            } else {
                match &linked.catalogue {
                    Some(no) => println!("{}", tr!("casework.linked", id = linked.id, no = no)),
                    None => println!("{}", tr!("casework.linked_items", id = linked.id)),
                }
            }
            Ok(0)
        }
        Command::Links { case, json } => {
            let c = Case::open_read_only(&case)?;
            let links = hecha::casework::links(&c)?;
            if json {
                println!(
                    "{}",
                    serde_json::to_string_pretty(&links).unwrap_or_default()
                );
            } else {
                for l in &links {
                    let end = |e: &hecha::casework::LinkEnd| {
                        format!("{}:{} {}", e.kind, e.reference, e.label)
                    };
                    println!(
                        "#{:<4} {:<6} {}  ⟷  {}  [{}]{}",
                        l.id,
                        l.catalogue.map(|c| c.to_string()).unwrap_or_default(),
                        end(&l.a),
                        end(&l.b),
                        l.relation.label(),
                        l.note
                            .as_ref()
                            .map(|n| format!("  {n}"))
                            .unwrap_or_default()
                    );
                }
            }
            Ok(0)
        }
        Command::Unlink { case, link } => {
            let c = Case::open(&case)?;
            hecha::casework::unlink(&c, link)?;
            println!("{}", tr!("casework.unlinked", id = link));
            Ok(0)
        }
        Command::Status {
            case,
            allegation,
            status,
            reason,
            amount,
        } => {
            let c = Case::open(&case)?;
            hecha::casework::set_status(&c, allegation, &status, &reason, amount.as_deref())?;
            println!("{}", tr!("casework.status_set", id = allegation));
            Ok(0)
        }
        Command::Note { case, on, text } => {
            let c = Case::open(&case)?;
            let id = hecha::casework::note(&c, &on, &text)?;
            println!("{}", tr!("casework.noted", id = id));
            Ok(0)
        }
        Command::Tag { case, on, tag } => {
            let c = Case::open(&case)?;
            hecha::casework::tag(&c, &on, &tag)?;
            println!("{}", tr!("casework.tagged", on = on));
            Ok(0)
        }
        Command::Person {
            case,
            id_number,
            json,
        } => {
            let c = Case::open_read_only(&case)?;
            let p = hecha::casework::person(&c, &id_number)?;
            if json {
                println!("{}", serde_json::to_string_pretty(&p).unwrap_or_default());
            } else {
                println!("{}  {}", p.id_number, p.names.join("、"));
                for e in &p.timeline {
                    let place = match (&e.ledger, e.row) {
                        (Some(l), Some(r)) => format!("{l}#{r}"),
                        _ => String::new(),
                    };
                    println!(
                        "  {:<10} {:<11} {}  ({place})",
                        e.date.clone().unwrap_or_else(|| "—".into()),
                        e.kind,
                        e.text
                    );
                }
                for d in &p.documents {
                    println!("  {}  {d}", tr!("casework.mentioned_in"));
                }
                for f in &p.findings {
                    println!("  {} {}", f.id, f.text);
                }
                for (a, title, no) in &p.links {
                    println!("  #{a} {title} {no}");
                }
            }
            Ok(0)
        }
        Command::Log { case, json } => {
            let c = Case::open_read_only(&case)?;
            let entries = hecha::audit::entries(&c)?;
            if json {
                println!(
                    "{}",
                    serde_json::to_string_pretty(&entries).unwrap_or_default()
                );
            } else {
                for e in &entries {
                    println!(
                        "{:>5}  {}  {:<10} {:<16} {}",
                        e.seq, e.at, e.user, e.action, e.payload
                    );
                }
            }
            Ok(0)
        }
        Command::Verify { case, json } => {
            let c = Case::open_read_only(&case)?;
            let v = hecha::audit::verify(&c)?;
            if json {
                println!("{}", serde_json::to_string_pretty(&v).unwrap_or_default());
            }
            match &v.failure {
                None => {
                    if !json {
                        println!(
                            "{}",
                            tr!("audit.intact", entries = v.entries, documents = v.documents)
                        );
                    }
                    Ok(0)
                }
                Some(f) => {
                    let msg = f.message();
                    eprintln!("{}: {msg}", tr!("cli.error"));
                    Ok(EXIT_FAILED)
                }
            }
        }
        Command::Keymap { print: _ } => {
            // --print is the only thing this command does (kept for the documented spelling).
            print!("{}", load_keymap(vim)?.to_toml());
            Ok(0)
        }
        Command::New {
            case,
            title,
            as_of,
            case_no,
            officer,
            encrypt,
        } => {
            let as_of = as_of.as_deref().map(parse_as_of).transpose()?;
            let c = if encrypt {
                let pass = hecha::case::crypt::passphrase(&case, true)?;
                Case::create_encrypted(&case, title.as_deref(), as_of, &pass)?
            } else {
                Case::create(&case, title.as_deref(), as_of)?
            };
            c.set_meta(None, case_no.as_deref(), officer.as_deref())?;
            println!("{}", tr!("cli.created", path = case.display(), id = c.id()));
            Ok(0)
        }
        Command::Meta {
            case,
            title,
            case_no,
            officer,
        } => {
            let c = Case::open(&case)?;
            c.set_meta(title.as_deref(), case_no.as_deref(), officer.as_deref())?;
            println!("{}", tr!("cli.meta_set"));
            Ok(0)
        }
        Command::Export {
            case,
            format,
            out,
            no_redact,
            allegation,
            force,
        } => {
            let fmt = hecha::export::Format::parse(&format)
                .ok_or_else(|| Error::from(Msg::new("export.bad_format").arg("value", &format)))?;
            // A redacted export only reads; an unredacted one writes its audit entry.
            let c = if no_redact {
                Case::open(&case)?
            } else {
                Case::open_read_only(&case)?
            };
            let opts = hecha::export::Options {
                allegation,
                redact: !no_redact,
            };
            hecha::export::export(&c, &opts, fmt, &out, force)?;
            println!(
                "{}",
                tr!(
                    if no_redact {
                        "export.written_unredacted"
                    } else {
                        "export.written"
                    },
                    path = out.display()
                )
            );
            Ok(0)
        }
        Command::Import {
            case,
            paths,
            kind,
            role,
            sheet,
            json,
        } => {
            let kind = kind
                .map(|k| {
                    DocKind::parse(&k)
                        .ok_or_else(|| Error::from(Msg::new("cli.bad_kind").arg("value", k)))
                })
                .transpose()?;
            let role = role
                .map(|r| {
                    Role::parse(&r)
                        .ok_or_else(|| Error::from(Msg::new("cli.bad_role").arg("value", r)))
                })
                .transpose()?;
            let c = Case::open(&case)?;
            let opts = ImportOptions {
                kind,
                role,
                sheet,
                cancel: None,
            };
            let reports = with_progress(!json, |p| ingest::import_paths(&c, &paths, &opts, p));
            if json {
                println!(
                    "{}",
                    serde_json::to_string_pretty(&reports).unwrap_or_default()
                );
            } else {
                output::print_reports(&reports);
            }
            Ok(
                if reports.iter().any(|r| r.status == Status::Error) || reports.is_empty() {
                    if reports.is_empty() && !json {
                        eprintln!("{}", tr!("cli.nothing_to_import"));
                    }
                    EXIT_FAILED
                } else {
                    0
                },
            )
        }
        Command::Info { case, json } => {
            let c = Case::open_read_only(&case)?;
            let info = c.info()?;
            if json {
                println!(
                    "{}",
                    serde_json::to_string_pretty(&info).unwrap_or_default()
                );
            } else {
                output::print_info(&info);
            }
            Ok(0)
        }
        Command::Demo { json, no_tui } => {
            let path = hecha::demo::demo_case_path()?;
            let (case, reports) = with_progress(!json, |p| hecha::demo::build(&path, p))?;
            let info = case.info()?;
            if json {
                let v = serde_json::json!({ "case": info, "imports": reports });
                println!("{}", serde_json::to_string_pretty(&v).unwrap_or_default());
            } else {
                output::print_reports(&reports);
                println!();
                output::print_info(&info);
            }
            if !json && !no_tui && std::io::stdout().is_terminal() && std::io::stdin().is_terminal()
            {
                return open_tui(case, vim);
            }
            Ok(if reports.iter().any(|r| r.status == Status::Error) {
                EXIT_FAILED
            } else {
                0
            })
        }
        Command::Check {
            case,
            rules,
            sets,
            as_of,
            json,
        } => {
            let as_of = as_of.as_deref().map(parse_as_of).transpose()?;
            let mut parsed = Vec::new();
            for s in &sets {
                let (lhs, value) = s
                    .split_once('=')
                    .ok_or_else(|| Error::from(Msg::new("cli.bad_set").arg("value", s)))?;
                let (rule, param) = lhs
                    .split_once('.')
                    .ok_or_else(|| Error::from(Msg::new("cli.bad_set").arg("value", s)))?;
                parsed.push((
                    rule.trim().to_string(),
                    param.trim().to_string(),
                    value.trim().to_string(),
                ));
            }
            let c = Case::open(&case)?;
            let report = hecha::checks::run(
                &c,
                &hecha::checks::RunOptions {
                    rules,
                    sets: parsed,
                    as_of,
                },
            )?;
            if json {
                println!(
                    "{}",
                    serde_json::to_string_pretty(&report).unwrap_or_default()
                );
            } else {
                output::print_run(&report);
            }
            Ok(if report.rules.iter().any(|r| r.error.is_some()) {
                EXIT_FAILED
            } else {
                0
            })
        }
        Command::Rules { case, add, json } => {
            let c = match &case {
                Some(p) if add.is_some() => Some(Case::open(p)?),
                Some(p) => Some(Case::open_read_only(p)?),
                None => None,
            };
            if let (Some(c), Some(path)) = (&c, &add) {
                let r = hecha::checks::add_case_rule(c, path)?;
                println!("{}", tr!("checks.rule_added", id = r.id));
            }
            let (rules, errors) = hecha::checks::load_rules(c.as_ref());
            if json {
                let v = serde_json::json!({ "rules": rules, "errors": errors });
                println!("{}", serde_json::to_string_pretty(&v).unwrap_or_default());
            } else {
                output::print_rules(&rules, &errors);
            }
            Ok(if errors.is_empty() { 0 } else { EXIT_FAILED })
        }
        Command::Findings { case, rule, json } => {
            let c = Case::open_read_only(&case)?;
            match hecha::checks::latest_findings(&c, rule.as_deref())? {
                None => {
                    eprintln!("{}", tr!("checks.no_run"));
                    Ok(EXIT_FAILED)
                }
                Some((run_id, as_of, findings)) => {
                    if json {
                        let v = serde_json::json!({ "run_id": run_id, "as_of": as_of, "findings": findings });
                        println!("{}", serde_json::to_string_pretty(&v).unwrap_or_default());
                    } else {
                        println!(
                            "{}",
                            tr!(
                                "checks.run_header",
                                run = run_id,
                                as_of = as_of,
                                fingerprint = "-"
                            )
                        );
                        output::print_findings(&findings);
                    }
                    Ok(0)
                }
            }
        }
        Command::Review {
            case,
            finding,
            status,
            reason,
        } => {
            let c = Case::open(&case)?;
            hecha::checks::review(&c, &finding, &status, &reason)?;
            println!("{}", tr!("checks.reviewed", id = finding, status = status));
            Ok(0)
        }
        Command::Programs {
            case,
            add,
            aliases,
            means_tested,
            discretionary,
            land_type,
            min_age,
            json,
        } => {
            let c = if add.is_some() {
                Case::open(&case)?
            } else {
                Case::open_read_only(&case)?
            };
            if let Some(name) = add {
                let row = hecha::checks::ProgramRow {
                    program: name.clone(),
                    aliases,
                    means_tested,
                    discretionary,
                    land_type,
                    min_age,
                    source: "case".into(),
                };
                hecha::checks::add_program(&c, &row)?;
                println!("{}", tr!("checks.program_added", name = name));
            }
            let rows = hecha::checks::programs(&c)?;
            if json {
                println!(
                    "{}",
                    serde_json::to_string_pretty(&rows).unwrap_or_default()
                );
            } else {
                output::print_programs(&rows);
            }
            Ok(0)
        }
        Command::Search {
            case,
            query,
            limit,
            batch,
            format,
            json,
        } => {
            let c = Case::open_read_only(&case)?;
            let idx = with_index_progress(|p| hecha::search::SearchIndex::open(&c, p))?;
            if let Some(file) = batch {
                let text = std::fs::read_to_string(&file)?;
                let terms: Vec<String> = text
                    .lines()
                    .map(|l| l.trim().to_string())
                    .filter(|l| !l.is_empty())
                    .collect();
                let rows = hecha::search::batch(&idx, &terms, limit);
                if format == "json" || json {
                    println!(
                        "{}",
                        serde_json::to_string_pretty(&rows).unwrap_or_default()
                    );
                } else {
                    output::print_batch_csv(&rows);
                }
                return Ok(if rows.iter().any(|r| r.error.is_some()) {
                    EXIT_FAILED
                } else {
                    0
                });
            }
            let Some(q) = query else {
                return Err(Msg::new("search.empty_query").into());
            };
            let r = idx.search(&q, limit)?;
            if json {
                println!(
                    "{}",
                    serde_json::to_string_pretty(&r.hits).unwrap_or_default()
                );
            } else {
                output::print_search(&r);
            }
            Ok(0)
        }
        Command::Reindex { case } => {
            let c = Case::open_read_only(&case)?;
            let idx = with_index_progress(|p| hecha::search::SearchIndex::rebuild(&c, p))?;
            println!("{}", tr!("search.reindexed", n = idx.num_docs()));
            Ok(0)
        }
        Command::Bench {
            what: BenchWhat::Tui { docs, dir, json },
        } => {
            let (dir, _tmp) = work_dir(dir)?;
            let b = hecha::bench::tui(&dir, docs, &mut |s| eprintln!("{s}"))?;
            if json {
                println!("{}", serde_json::to_string_pretty(&b).unwrap_or_default());
            } else {
                println!("documents                         {}", b.documents);
                println!(
                    "first frame (open case + draw)    {:.1} ms",
                    b.first_frame_ms
                );
                let (a, p, m) = b.key_to_redraw_ms;
                println!("key → redraw (p50 / p99 / max)    {a:.2} / {p:.2} / {m:.2} ms   ({} keystrokes)", b.keystrokes);
                let (a, p, m) = b.key_to_results_ms;
                println!("key → results (p50 / p99 / max)   {a:.2} / {p:.2} / {m:.2} ms");
            }
            Ok(0)
        }
        Command::Bench {
            what:
                BenchWhat::Search {
                    docs,
                    rg_queries,
                    dir,
                    json,
                },
        } => {
            let (dir, _tmp) = work_dir(dir)?;
            let b = hecha::bench::search(&dir, docs, rg_queries, &mut |s| eprintln!("{s}"))?;
            if json {
                println!("{}", serde_json::to_string_pretty(&b).unwrap_or_default());
            } else {
                output::print_search_bench(&b);
            }
            Ok(0)
        }
        Command::Bench {
            what: BenchWhat::Checks { rows, dir, json },
        } => {
            let (dir, _tmp) = work_dir(dir)?;
            let b = hecha::bench::checks(&dir, rows, &mut |s| eprintln!("{s}"))?;
            if json {
                println!("{}", serde_json::to_string_pretty(&b).unwrap_or_default());
            } else {
                output::print_checks_bench(&b);
            }
            Ok(0)
        }
        Command::Bench {
            what: BenchWhat::Import { rows, dir, json },
        } => {
            let (dir, _tmp) = work_dir(dir)?;
            let b = hecha::bench::import(&dir, rows, &mut |s| eprintln!("{s}"))?;
            if json {
                println!("{}", serde_json::to_string_pretty(&b).unwrap_or_default());
            } else {
                output::print_bench(&b);
            }
            Ok(0)
        }
    }
}

/// The benchmark's working directory: the one given, or a temporary one
/// (removed when the returned guard drops).
fn work_dir(dir: Option<PathBuf>) -> Result<(PathBuf, Option<tempfile::TempDir>), Error> {
    match dir {
        Some(d) => {
            std::fs::create_dir_all(&d)?;
            Ok((d, None))
        }
        None => {
            let t = tempfile::tempdir()?;
            Ok((t.path().to_path_buf(), Some(t)))
        }
    }
}

/// Runs `f` with an indexing progress bar on stderr when it is a terminal.
fn with_index_progress<T>(f: impl FnOnce(&mut dyn FnMut(u64, u64)) -> T) -> T {
    if !std::io::stderr().is_terminal() {
        return f(&mut |_, _| {});
    }
    let bar = indicatif::ProgressBar::new(0);
    bar.set_style(
        indicatif::ProgressStyle::with_template("{msg} [{bar:30}] {pos}/{len}")
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar())
            .progress_chars("=> "),
    );
    bar.set_message(tr!("search.indexing"));
    let out = f(&mut |done, total| {
        bar.set_length(total);
        bar.set_position(done);
    });
    bar.finish_and_clear();
    out
}

/// Runs `f` with a progress bar on stderr when it is a terminal.
fn with_progress<T>(enabled: bool, f: impl FnOnce(&mut dyn FnMut(&ingest::Progress)) -> T) -> T {
    if !enabled || !std::io::stderr().is_terminal() {
        return f(&mut |_| {});
    }
    let bar = indicatif::ProgressBar::new(0);
    bar.set_style(
        indicatif::ProgressStyle::with_template(
            "{prefix} [{bar:30}] {bytes}/{total_bytes} {wide_msg}",
        )
        .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar())
        .progress_chars("=> "),
    );
    let mut last_file = usize::MAX;
    let out = f(&mut |p: &ingest::Progress| {
        if p.index != last_file {
            last_file = p.index;
            bar.set_prefix(format!("{}/{}", p.index + 1, p.files));
            bar.set_message(p.file.clone());
        }
        bar.set_length(p.bytes_total);
        bar.set_position(p.bytes_done);
    });
    bar.finish_and_clear();
    out
}
