//! `hecha bench …`: the benchmarks behind docs/PERFORMANCE.md. They live in
//! the binary, not the library: they generate data, set environment
//! variables, drive the workbench headless, and shell out to `rg`.

mod checks;
mod county;
mod crypt;
mod import;
mod letters;
mod ocr;
mod pdf;
mod search;
mod search_lang;
mod similar;
mod township;
mod tui;

use std::path::PathBuf;
use std::time::Instant;

use clap::Subcommand;

use hecha::case::Case;
use hecha::ingest::{self, FileReport, ImportOptions, Status};

use crate::cli::error::{Error, Result};
use crate::cli::output::emit;

#[derive(Subcommand)]
pub enum BenchWhat {
    /// 工作台：首帧时间与边输边搜的按键到重绘延迟 / workbench first frame and keystroke latency
    Tui {
        #[arg(long, default_value_t = 100_000)]
        docs: u64,
        /// 在这个已有案件上测（不生成）/ measure on this existing case instead of a generated one
        #[arg(long)]
        case: Option<PathBuf>,
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
        /// 银行流水行数（0：不生成）/ bank statement rows (0: none)
        #[arg(long, default_value_t = 0)]
        statements: u64,
        /// 再导入一份与发放明细重叠的导出：其前 N 行再来一遍，每行一条重复领取（0：不生成）/ a second, overlapping export of the payments: its first N rows again, each a duplicate payment (0: none)
        #[arg(long, default_value_t = 0)]
        overlap: u64,
        #[arg(long)]
        dir: Option<PathBuf>,
        #[arg(long)]
        json: bool,
    },
    /// 县级规模：生成约 3300 万条台账记录（发放明细为主、各类台账俱全、银行流水）和一批信件，导入、建索引、跑全部规则并与直接 SQL 对比、打开工作台 / a county-size case: 33M records imported, indexed, every rule vs direct SQL, the workbench on it
    County {
        #[arg(long, default_value_t = 33_000_000)]
        records: u64,
        #[arg(long, default_value_t = 10_000)]
        letters: u64,
        #[arg(long)]
        dir: Option<PathBuf>,
        #[arg(long)]
        json: bool,
    },
    /// 识别 N 页带扫描噪声与旋转的中文页面，PP-OCR 与 Tesseract 对比 / OCR N scan-like Chinese pages, PP-OCR vs Tesseract
    Ocr {
        #[arg(long, default_value_t = 20)]
        pages: usize,
        #[arg(long)]
        json: bool,
    },
    /// 读取并导入 N 页带文字层的中文 PDF / read and import an N-page Chinese text-layer PDF
    Pdf {
        #[arg(long, default_value_t = 500)]
        pages: u32,
        /// 用这个 PDF 的页（默认：示例的 Word 导出举报信）/ repeat this PDF's pages (default: the sample Word-exported letter)
        #[arg(long)]
        source: Option<PathBuf>,
        #[arg(long)]
        dir: Option<PathBuf>,
        #[arg(long)]
        json: bool,
    },
    /// 雷同材料：N 篇文书上的近似重复检测，并与逐对比较对比 / near-duplicate pass over N documents vs all pairs
    Similar {
        #[arg(long, default_value_t = 100_000)]
        docs: u64,
        /// 逐对比较的文书数 / documents compared pair by pair
        #[arg(long, default_value_t = 5_000)]
        naive: usize,
        #[arg(long)]
        dir: Option<PathBuf>,
        #[arg(long)]
        json: bool,
    },
    /// 加密的代价：同一台账导入普通案件与加密案件，比较一次提交、全表扫描与内存 / what encryption costs: commit, scan and memory, plain vs encrypted
    Crypt {
        #[arg(long, default_value_t = 1_000_000)]
        rows: u64,
        #[arg(long)]
        dir: Option<PathBuf>,
        #[arg(long)]
        json: bool,
    },
    /// 导入一个装有 N 封短信件的文件夹（按组提交），与逐个事务对比 / import a folder of N small letters (group commits) vs one transaction each
    Letters {
        #[arg(long, default_value_t = 100_000)]
        files: u64,
        /// 逐个事务导入的份数 / how many to import one transaction each
        #[arg(long, default_value_t = 2_000)]
        single: u64,
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

/// Runs one benchmark, logging its steps to stderr, and prints its figures.
pub fn run(what: BenchWhat) -> Result<i32> {
    let mut log = |s: &str| eprintln!("{s}");
    match what {
        BenchWhat::Tui {
            docs,
            case,
            dir,
            json,
        } => {
            let b = match case {
                Some(case) => tui::run_on(&case, &mut log)?,
                None => {
                    let (dir, _tmp) = work_dir(dir)?;
                    tui::run(&dir, docs, &mut log)?
                }
            };
            emit(json, &b, tui::print);
        }
        BenchWhat::Search {
            docs,
            rg_queries,
            dir,
            json,
        } => {
            let (dir, _tmp) = work_dir(dir)?;
            let b = search::run(&dir, docs, rg_queries, &mut log)?;
            emit(json, &b, search::print);
        }
        BenchWhat::Checks {
            rows,
            statements,
            overlap,
            dir,
            json,
        } => {
            let (dir, _tmp) = work_dir(dir)?;
            let b = checks::run(&dir, rows, statements, overlap, &mut log)?;
            emit(json, &b, checks::print);
        }
        BenchWhat::County {
            records,
            letters,
            dir,
            json,
        } => {
            let (dir, _tmp) = work_dir(dir)?;
            let b = county::run(&dir, records, letters, &mut log)?;
            emit(json, &b, county::print);
        }
        BenchWhat::Ocr { pages, json } => {
            emit(json, &ocr::run(pages, &mut log)?, ocr::print);
        }
        BenchWhat::Pdf {
            pages,
            source,
            dir,
            json,
        } => {
            let (dir, _tmp) = work_dir(dir)?;
            let b = pdf::run(&dir, pages, source.as_deref(), &mut log)?;
            emit(json, &b, pdf::print);
        }
        BenchWhat::Similar {
            docs,
            naive,
            dir,
            json,
        } => {
            let (dir, _tmp) = work_dir(dir)?;
            let b = similar::run(&dir, docs, naive, &mut log)?;
            emit(json, &b, similar::print);
        }
        BenchWhat::Letters {
            files,
            single,
            dir,
            json,
        } => {
            let (dir, _tmp) = work_dir(dir)?;
            let b = letters::run(&dir, files, single, &mut log)?;
            emit(json, &b, letters::print);
        }
        BenchWhat::Crypt { rows, dir, json } => {
            let (dir, _tmp) = work_dir(dir)?;
            emit(json, &crypt::run(&dir, rows, &mut log)?, crypt::print);
        }
        BenchWhat::Import { rows, dir, json } => {
            let (dir, _tmp) = work_dir(dir)?;
            emit(json, &import::run(&dir, rows, &mut log)?, import::print);
        }
    }
    Ok(0)
}

/// The benchmark's working directory: the one given, or a temporary one
/// (removed when the returned guard drops).
fn work_dir(dir: Option<PathBuf>) -> Result<(PathBuf, Option<tempfile::TempDir>)> {
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

/// A deterministic pseudo-random sequence (xorshift), so runs are comparable.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn pick<'a>(&mut self, xs: &[&'a str]) -> &'a str {
        xs[(self.next() % xs.len() as u64) as usize]
    }
}

const VILLAGES: &[&str] = &["清水村", "石桥村", "杨家坪村", "新塘村", "龙潭村"];

/// Peak and current resident set size in MiB (Linux; `None` elsewhere).
fn rss_mib(field: &str) -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with(field))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

/// Runs `f` and returns, beside its result, the peak of the process's
/// anonymous memory over it (`RssAnon`: heap and stacks, sampled every
/// 20 ms). `VmHWM` also counts the pages of memory-mapped files — the search
/// index's segments, which tantivy maps and the kernel can drop at will — so
/// during an index build the two differ by gigabytes. `None` where there is
/// no `/proc` (not Linux).
fn anon_peak_during<T>(f: impl FnOnce() -> T) -> (T, Option<f64>) {
    use std::sync::atomic::{AtomicBool, Ordering};
    let stop = AtomicBool::new(false);
    std::thread::scope(|s| {
        let sampler = s.spawn(|| {
            let mut peak: Option<f64> = None;
            loop {
                peak = max_peak(peak, rss_mib("RssAnon:"));
                if stop.load(Ordering::Relaxed) {
                    return peak;
                }
                std::thread::sleep(std::time::Duration::from_millis(20));
            }
        });
        let out = f();
        stop.store(true, Ordering::Relaxed);
        (out, sampler.join().ok().flatten())
    })
}

/// Resets the peak RSS the kernel keeps (`VmHWM`), so that the next reading
/// is the peak from here on; nothing where it cannot (not Linux).
fn reset_peak_rss() {
    let _ = std::fs::write("/proc/self/clear_refs", "5");
}

/// The first file of an import that did not go in, as the benchmark's error
/// (a benchmark's figures mean nothing over a partial import).
fn first_failure(reports: &[FileReport]) -> Result<()> {
    match reports.iter().find(|r| r.status != Status::Imported) {
        Some(r) => Err(Error::BenchImportFailed(format!(
            "{}: {}",
            r.file,
            r.error.clone().unwrap_or_default()
        ))),
        None => Ok(()),
    }
}

/// Imports `paths` into `case` through the normal pipeline: the seconds it
/// took and the peak RSS over it; an error if any file did not go in.
fn timed_import(case: &Case, paths: &[PathBuf]) -> Result<(f64, Option<f64>)> {
    reset_peak_rss();
    let t = Instant::now();
    let reports = ingest::import_paths(case, paths, &ImportOptions::default(), &mut |_| {});
    let secs = t.elapsed().as_secs_f64();
    let peak = rss_mib("VmHWM:");
    first_failure(&reports)?;
    Ok((secs, peak))
}

/// The larger of two peaks, either of which may be unknown.
fn max_peak(a: Option<f64>, b: Option<f64>) -> Option<f64> {
    match (a, b) {
        (Some(a), Some(b)) => Some(a.max(b)),
        (a, b) => a.or(b),
    }
}

/// `n` MiB, or "n/a" when the figure is unknown.
fn mib(v: Option<f64>) -> String {
    v.map(|x| format!("{x:.0} MiB"))
        .unwrap_or_else(|| "n/a".into())
}
