//! Command-line front end: parses arguments, calls the library, prints results
//! (human text in the UI language, or JSON with `--json`).

mod output;

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
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// 新建案件文件 / create a case file
    New {
        case: PathBuf,
        #[arg(long)]
        title: Option<String>,
        /// 截至日期 / as-of date, YYYY-MM-DD (default: today)
        #[arg(long = "as-of")]
        as_of: Option<String>,
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
    /// 用内置示例乡镇建立演示案件 / build the demo case from the bundled sample township
    Demo {
        #[arg(long)]
        json: bool,
    },
    /// 性能测试 / benchmarks
    Bench {
        #[command(subcommand)]
        what: BenchWhat,
    },
}

#[derive(Subcommand)]
enum BenchWhat {
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

pub fn run() -> i32 {
    let cli = match Cli::try_parse() {
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
    match dispatch(cli.command) {
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

fn dispatch(cmd: Command) -> Result<i32, Error> {
    match cmd {
        Command::New { case, title, as_of } => {
            let as_of = as_of.as_deref().map(parse_as_of).transpose()?;
            let c = Case::create(&case, title.as_deref(), as_of)?;
            println!("{}", tr!("cli.created", path = case.display(), id = c.id()));
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
        Command::Demo { json } => {
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
            Ok(if reports.iter().any(|r| r.status == Status::Error) {
                EXIT_FAILED
            } else {
                0
            })
        }
        Command::Bench {
            what: BenchWhat::Import { rows, dir, json },
        } => {
            let tmp;
            let dir = match dir {
                Some(d) => {
                    std::fs::create_dir_all(&d)?;
                    d
                }
                None => {
                    tmp = tempfile::tempdir()?;
                    tmp.path().to_path_buf()
                }
            };
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
