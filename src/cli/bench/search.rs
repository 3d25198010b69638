//! `hecha bench search`: N generated Chinese documents of ~2 KB, indexed and
//! queried, with the same substring queries timed in ripgrep (`rg`, the only
//! shell-out in hecha) over the same folded texts.

use std::path::Path;
use std::time::Instant;

use hecha::case::Case;
use hecha::search::analysis::fold_str;
use hecha::search::SearchIndex;
use hecha::store::baseline::{append_letters, BulkLetter};

use super::{mib, rss_mib, Rng, VILLAGES};
use crate::cli::error::Result;

/// Figures of the search benchmark.
#[derive(Debug, Clone, serde::Serialize)]
pub struct SearchBench {
    pub documents: u64,
    pub text_mb: f64,
    pub index_secs: f64,
    pub index_mb_per_sec: f64,
    pub index_peak_rss_mib: Option<f64>,
    pub latency: Vec<Latency>,
    /// Homophone and NEAR queries.
    pub language: Vec<super::search_lang::LangLatency>,
    pub regex: Vec<super::search_lang::RegexRun>,
}

/// One query length: (length, queries, p50 ms, p99 ms, rg median ms, rg
/// queries, recall equal in all).
pub type Latency = (usize, usize, f64, f64, Option<f64>, usize, bool);

const WORDS: &[&str] = &[
    "反映",
    "问题",
    "村委会",
    "补贴",
    "发放",
    "低保",
    "资金",
    "领取",
    "村民",
    "群众",
    "举报",
    "核实",
    "情况",
    "调查",
    "镇政府",
    "干部",
    "书记",
    "主任",
    "会计",
    "组长",
    "一卡通",
    "银行卡",
    "存折",
    "代领",
    "冒领",
    "截留",
    "克扣",
    "征地",
    "补偿款",
    "禁牧",
    "草原",
    "面积",
    "亩",
    "确权",
    "承包",
    "耕地",
    "林地",
    "危房",
    "改造",
    "高龄",
    "残疾人",
    "护理",
    "生活",
    "特困",
    "供养",
    "救助",
    "临时",
    "公职人员",
    "财政",
    "工资",
    "死亡",
    "注销",
    "户籍",
    "家庭成员",
    "亲属",
    "优亲厚友",
    "物资",
    "有机肥",
    "化肥",
    "大米",
    "棉被",
    "入库",
    "出库",
    "盘点",
    "公务接待",
    "公函",
    "审批单",
    "菜单",
    "发票",
    "会所",
    "茶馆",
    "农家乐",
    "信访",
    "受理",
    "办结",
    "超期",
    "谈话",
    "笔录",
    "证据",
    "台账",
    "名册",
    "纪委",
    "监委",
    "线索",
    "处置",
    "违纪",
    "金额",
    "元",
    "万元",
    "年",
    "月",
    "日",
    "经查",
    "属实",
    "部分属实",
    "不属实",
];
const SURNAME: &[&str] = &[
    "张", "王", "李", "赵", "刘", "陈", "杨", "黄", "周", "吴", "彭", "沈", "成", "谭", "曾",
    "欧阳",
];
const GIVEN2: &[&str] = &[
    "海山", "秀英", "建国", "桂兰", "志强", "玉梅", "德华", "春花", "国庆", "红霞", "满仓", "翠兰",
];

pub(super) fn gen_doc(rng: &mut Rng, target_bytes: usize, out: &mut String) {
    use std::fmt::Write as _;
    out.clear();
    while out.len() < target_bytes {
        let n = 6 + rng.next() % 10;
        for k in 0..n {
            match rng.next() % 9 {
                0 => {
                    let _ = write!(out, "{}{}", rng.pick(SURNAME), rng.pick(GIVEN2));
                }
                1 => {
                    let _ = write!(out, "{}村", rng.pick(VILLAGES).trim_end_matches('村'));
                }
                2 if k > 0 => {
                    let _ = write!(out, "{}", rng.next() % 100_000);
                }
                _ => out.push_str(rng.pick(WORDS)),
            }
        }
        out.push_str(if rng.next().is_multiple_of(3) {
            "。"
        } else {
            "，"
        });
    }
}

/// The search benchmark: `docs` generated Chinese documents of ~2 KB.
pub fn run(
    dir: &Path,
    docs: u64,
    rg_queries: usize,
    log: &mut dyn FnMut(&str),
) -> Result<SearchBench> {
    log(&format!("generating {docs} documents …"));
    let case_path = dir.join("search.duckdb");
    for p in [case_path.clone(), dir.join("search.duckdb.wal")] {
        if p.exists() {
            std::fs::remove_file(p)?;
        }
    }
    let texts_dir = dir.join("texts");
    let raw_dir = dir.join("raw");
    for d in [&texts_dir, &raw_dir] {
        if d.exists() {
            std::fs::remove_dir_all(d)?;
        }
        std::fs::create_dir_all(d)?;
    }
    let case = Case::create(&case_path, Some("search bench"), None)?;
    let mut rng = Rng(0xA5A5_5A5A_1234_4321);
    let mut text = String::new();
    let mut bytes = 0u64;
    let mut samples: Vec<String> = Vec::new();
    append_letters(&case, |append| {
        for i in 0..docs {
            gen_doc(&mut rng, 2000, &mut text);
            bytes += text.len() as u64;
            // ripgrep reads the folded text, so both sides mean the same substring match.
            std::fs::write(
                texts_dir.join(format!("{i:07}.txt")),
                fold_str(&format!("b{i}\n{text}")),
            )?;
            // The regex runs on the text as written, so rg gets it as written.
            std::fs::write(raw_dir.join(format!("{i:07}.txt")), &text)?;
            if samples.len() < 2000 && i.is_multiple_of(37) {
                samples.push(text.clone());
            }
            append(&BulkLetter {
                id: i as i64 + 1,
                title: &format!("b{i}"),
                source_file: &format!("{i:07}.txt"),
                sha256: &format!("{i:064x}"),
                imported_at: "2024-01-01 00:00:00",
                text: &text,
            })?;
        }
        Ok(())
    })?;
    case.checkpoint()?;
    log("indexing …");
    let index_dir = dir.join("index");
    if index_dir.exists() {
        std::fs::remove_dir_all(&index_dir)?;
    }
    let t = Instant::now();
    let idx = SearchIndex::open_in(&case, &index_dir, true, &mut |_, _| {})?;
    let index_secs = t.elapsed().as_secs_f64();
    let index_peak = rss_mib("VmHWM:");
    let text_mb = bytes as f64 / 1_048_576.0;

    log("querying …");
    let mut latency = Vec::new();
    for len in [1usize, 2, 4, 6] {
        // Queries drawn from the texts (folded, as the index and rg see them).
        let mut queries = Vec::new();
        let mut guard = 0;
        while queries.len() < 200 && guard < 100_000 {
            guard += 1;
            let s = &samples[(rng.next() % samples.len() as u64) as usize];
            let chars: Vec<char> = s.chars().collect();
            let start = (rng.next() % (chars.len() - len) as u64) as usize;
            let q: String = chars[start..start + len].iter().collect();
            let q = fold_str(&q);
            if q.chars().count() == len {
                queries.push(q);
            }
        }
        // Warm-up pass: latency is measured on a warm index, as an officer searching all day sees it.
        for q in &queries {
            idx.search(q, 20)?;
        }
        let mut times = Vec::with_capacity(queries.len());
        let mut totals = Vec::with_capacity(queries.len());
        for q in &queries {
            let t = Instant::now();
            let r = idx.search(q, 20)?;
            times.push(t.elapsed().as_secs_f64() * 1000.0);
            totals.push(r.total);
        }
        times.sort_by(|a, b| a.total_cmp(b));
        let pct = |p: f64| times[((times.len() as f64 - 1.0) * p).round() as usize];
        let (rg_median, rg_runs, equal) = ripgrep(&queries, &totals, rg_queries, &texts_dir);
        latency.push((
            len,
            queries.len(),
            pct(0.5),
            pct(0.99),
            rg_median,
            rg_runs,
            equal,
        ));
    }
    log("homophone, NEAR and regex queries …");
    let names: Vec<String> = SURNAME
        .iter()
        .flat_map(|s| GIVEN2.iter().map(move |g| format!("{s}{g}")))
        .collect();
    let language = super::search_lang::latency(&idx, &mut rng, &names, WORDS)?;
    let regex = super::search_lang::regex(&idx, &raw_dir)?;
    Ok(SearchBench {
        language,
        regex,
        documents: docs,
        text_mb,
        index_secs,
        index_mb_per_sec: text_mb / index_secs,
        index_peak_rss_mib: index_peak,
        latency,
    })
}

/// The first `runs` queries as `rg -l -F` over the texts: the median time,
/// how many ran, and whether every one found as many files as hecha found
/// documents. No `rg` on the PATH: no runs.
fn ripgrep(
    queries: &[String],
    totals: &[usize],
    runs: usize,
    texts_dir: &Path,
) -> (Option<f64>, usize, bool) {
    let mut rg_times = Vec::new();
    let mut equal = true;
    for (q, total) in queries.iter().zip(totals).take(runs) {
        let t = Instant::now();
        let out = std::process::Command::new("rg")
            .args(["-l", "-F", "--no-messages", "--"])
            .arg(q)
            .arg(texts_dir)
            .output();
        match out {
            Ok(o) => {
                rg_times.push(t.elapsed().as_secs_f64() * 1000.0);
                let n = o.stdout.iter().filter(|&&b| b == b'\n').count();
                equal &= n == *total;
            }
            Err(_) => break,
        }
    }
    rg_times.sort_by(|a, b| a.total_cmp(b));
    let median = (!rg_times.is_empty()).then(|| rg_times[rg_times.len() / 2]);
    (median, rg_times.len(), equal)
}

pub fn print(b: &SearchBench) {
    println!("documents                 {}", b.documents);
    println!("text                      {:.1} MiB", b.text_mb);
    println!(
        "index build               {:.1} s   {:.1} MiB/s",
        b.index_secs, b.index_mb_per_sec
    );
    println!("peak RSS after build      {}", mib(b.index_peak_rss_mib));
    println!();
    println!(
        "  {:>5} {:>8} {:>9} {:>9} {:>13} {:>9} {:>12}",
        "chars", "queries", "p50 ms", "p99 ms", "rg median ms", "speed-up", "equal recall"
    );
    for (len, n, p50, p99, rg, rg_n, eq) in &b.latency {
        let rg_s = rg
            .map(|r| format!("{r:.1}"))
            .unwrap_or_else(|| "n/a".into());
        let speed = rg
            .map(|r| format!("{:.0}×", r / p50.max(0.001)))
            .unwrap_or_default();
        let recall = match (*rg_n > 0, *eq) {
            (false, _) => "-",
            (true, true) => "yes",
            (true, false) => "NO",
        };
        println!("  {len:>5} {n:>8} {p50:>9.2} {p99:>9.2} {rg_s:>13} {speed:>9} {recall:>12}");
    }
    super::search_lang::print(&b.language, &b.regex);
}
