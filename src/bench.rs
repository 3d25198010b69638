//! `hecha bench import`: a generated payments ledger, imported through the full
//! pipeline (GBK decode, normalise, load), timed next to DuckDB's own
//! `read_csv` of the same rows (as UTF-8, which is all `read_csv` can read).

use std::io::Write;
use std::path::Path;
use std::time::Instant;

use crate::case::Case;
use crate::error::Result;
use crate::ingest::{self, ImportOptions, Status};

/// One row of the search latency table.
pub type LatencyRow = (usize, usize, f64, f64, Option<f64>, usize, bool);

/// Figures printed and returned by the benchmark.
#[derive(Debug, Clone, serde::Serialize)]
pub struct ImportBench {
    pub rows: u64,
    pub gbk_bytes: u64,
    pub import_secs: f64,
    pub import_rows_per_sec: f64,
    pub read_csv_secs: f64,
    pub read_csv_rows_per_sec: f64,
    pub ratio: f64,
    pub peak_rss_mib: Option<f64>,
    pub rss_before_mib: Option<f64>,
}

const SURNAMES: &[&str] = &[
    "张", "王", "李", "赵", "刘", "陈", "杨", "黄", "周", "吴", "彭", "沈", "成", "谭", "曾",
];
const GIVEN: &[&str] = &[
    "海山", "秀英", "建国", "桂兰", "志强", "玉梅", "德华", "春花", "国庆", "红霞", "明", "芳",
    "伟", "静",
];
const VILLAGES: &[&str] = &["清水村", "石桥村", "杨家坪村", "新塘村", "龙潭村"];
const PROGRAMS: &[&str] = &[
    "低保",
    "高龄津贴",
    "残疾人护理补贴",
    "禁牧补助",
    "耕地地力保护补贴",
    "特困供养",
];

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

fn id_number(rng: &mut Rng) -> String {
    let y = 1930 + rng.next() % 75;
    let m = 1 + rng.next() % 12;
    let d = 1 + rng.next() % 28;
    let seq = rng.next() % 1000;
    let first17 = format!("430423{y:04}{m:02}{d:02}{seq:03}");
    let check = crate::ingest::normalise::id_check_char(first17.as_bytes()).unwrap_or(b'X') as char;
    format!("{first17}{check}")
}

/// Writes `rows` payment rows as GBK (Excel-style CRLF) and as UTF-8.
pub fn generate(gbk: &Path, utf8: &Path, rows: u64) -> Result<()> {
    let mut g = std::io::BufWriter::new(std::fs::File::create(gbk)?);
    let mut u = std::io::BufWriter::new(std::fs::File::create(utf8)?);
    let header = "姓名,身份证号码,村(社区),补贴项目,发放年月,发放日期,发放金额(元),银行卡号\r\n";
    let mut put = |line: &str| -> std::io::Result<()> {
        g.write_all(&encoding_rs::GBK.encode(line).0)?;
        u.write_all(line.as_bytes())
    };
    put(header)?;
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let mut line = String::with_capacity(160);
    for i in 0..rows {
        use std::fmt::Write as _;
        line.clear();
        let month = 1 + (i % 12);
        let fen = 10_000 + rng.next() % 200_000;
        let _ = write!(
            line,
            "{}{},{},{},{},2023{:02},2023/{}/{},{}.{:02},6217{:012}\r\n",
            rng.pick(SURNAMES),
            rng.pick(GIVEN),
            id_number(&mut rng),
            rng.pick(VILLAGES),
            rng.pick(PROGRAMS),
            month,
            month,
            1 + rng.next() % 28,
            fen / 100,
            fen % 100,
            rng.next() % 1_000_000_000_000
        );
        put(&line)?;
    }
    g.flush()?;
    u.flush()?;
    Ok(())
}

/// Peak and current resident set size in MiB (Linux; `None` elsewhere).
pub fn rss_mib(field: &str) -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with(field))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

/// Runs the import benchmark in `dir` and returns the figures.
pub fn import(dir: &Path, rows: u64, log: &mut dyn FnMut(&str)) -> Result<ImportBench> {
    let gbk = dir.join("payments-gbk.csv");
    let utf8 = dir.join("payments-utf8.csv");
    log(&format!("generating {rows} rows …"));
    generate(&gbk, &utf8, rows)?;
    let gbk_bytes = std::fs::metadata(&gbk)?.len();

    let rss_before = rss_mib("VmRSS:");
    let case_path = dir.join("bench.duckdb");
    let case = Case::create(&case_path, Some("bench"), None)?;
    log("importing through hecha (GBK decode + normalise + load) …");
    let t = Instant::now();
    let reports = ingest::import_paths(
        &case,
        std::slice::from_ref(&gbk),
        &ImportOptions::default(),
        &mut |_| {},
    );
    let import_secs = t.elapsed().as_secs_f64();
    let peak = rss_mib("VmHWM:");
    if let Some(r) = reports.iter().find(|r| r.status != Status::Imported) {
        return Err(crate::Msg::new("bench.import_failed")
            .arg("detail", r.error.clone().unwrap_or_default())
            .into());
    }
    drop(case);

    log("DuckDB read_csv of the same rows (UTF-8) into a plain table …");
    let conn = duckdb::Connection::open_with_flags(
        dir.join("plain.duckdb"),
        duckdb::Config::default().enable_autoload_extension(false)?,
    )?;
    let t = Instant::now();
    conn.execute_batch(&format!(
        "CREATE TABLE plain AS SELECT * FROM read_csv({}, header = true)",
        crate::ingest::views::literal(&utf8.to_string_lossy())
    ))?;
    let read_csv_secs = t.elapsed().as_secs_f64();
    let n: i64 = conn.query_row("SELECT count(*) FROM plain", [], |r| r.get(0))?;
    debug_assert_eq!(n as u64, rows);

    Ok(ImportBench {
        rows,
        gbk_bytes,
        import_secs,
        import_rows_per_sec: rows as f64 / import_secs,
        read_csv_secs,
        read_csv_rows_per_sec: rows as f64 / read_csv_secs,
        ratio: import_secs / read_csv_secs,
        peak_rss_mib: peak,
        rss_before_mib: rss_before,
    })
}

/// Figures of the checks benchmark.
#[derive(Debug, Clone, serde::Serialize)]
pub struct ChecksBench {
    pub payment_rows: u64,
    pub other_rows: u64,
    pub import_secs: f64,
    /// (rule, findings, hecha ms, direct SQL ms)
    pub rules: Vec<(String, usize, u64, u64)>,
    pub hecha_rules_ms: u64,
    pub direct_ms: u64,
    /// The whole `hecha check` run: rules plus storing the findings.
    pub run_ms: u64,
    pub memory_limit_mb: u64,
    pub peak_rss_mib: Option<f64>,
}

fn person_id(i: u64) -> String {
    // Unique per person: a birth date from i / 1000, a sequence from i % 1000.
    let base = Ymd {
        y: 1935,
        m: 1,
        d: 1,
    }
    .days_from_epoch();
    let d = Ymd::from_days_from_epoch(base + (i / 1000) as i64 * 13).unwrap_or(Ymd {
        y: 1960,
        m: 1,
        d: 1,
    });
    let first17 = format!("430423{:04}{:02}{:02}{:03}", d.y, d.m, d.d, i % 1000);
    let check = crate::ingest::normalise::id_check_char(first17.as_bytes()).unwrap_or(b'X') as char;
    format!("{first17}{check}")
}

use crate::ingest::normalise::Ymd;

fn write_lines(
    path: &Path,
    header: &str,
    n: u64,
    mut line: impl FnMut(u64, &mut String),
) -> Result<u64> {
    let mut w = std::io::BufWriter::with_capacity(1 << 20, std::fs::File::create(path)?);
    w.write_all(header.as_bytes())?;
    w.write_all(b"\n")?;
    let mut s = String::with_capacity(256);
    for i in 0..n {
        s.clear();
        line(i, &mut s);
        s.push('\n');
        w.write_all(s.as_bytes())?;
    }
    w.flush()?;
    Ok(n)
}

const VILLAGE20: [&str; 20] = [
    "清水村",
    "石桥村",
    "枫树村",
    "白沙村",
    "龙潭村",
    "新塘村",
    "杨家坪村",
    "高岭村",
    "大塘村",
    "双江村",
    "长冲村",
    "桃源村",
    "金竹村",
    "柳树村",
    "花园村",
    "黄土村",
    "茶山村",
    "东风村",
    "红星村",
    "永丰村",
];

/// Generates a township with `rows` payment rows (one person in ten paid every
/// month for ten months) and proportional other ledgers, as UTF-8 CSV files.
pub fn generate_township(dir: &Path, rows: u64) -> Result<(Vec<std::path::PathBuf>, u64, u64)> {
    use std::fmt::Write as _;
    let people = (rows / 10).max(10);
    let mut files = Vec::new();
    let mut other = 0u64;
    let village = |i: u64| VILLAGE20[((i / 3) % 20) as usize];
    let f = dir.join("payments.csv");
    let programs = [
        "低保",
        "低保",
        "低保",
        "低保",
        "高龄津贴",
        "残疾人护理补贴",
        "禁牧补助",
        "临时救助",
        "特困供养",
        "耕地地力保护补贴",
    ];
    let pay = write_lines(
        &f,
        "姓名,身份证号码,户号,村,补贴项目,发放年月,发放日期,发放金额,补贴面积,银行卡号",
        people * 10,
        |k, s| {
            let i = k / 10;
            let m = k % 10 + 1;
            // 高龄补贴 goes to the oldest (born before ~1944); the rest of that slot gets care allowance.
            let prog = match programs[(i % 10) as usize] {
                "高龄津贴" if i / 1000 >= 240 => "残疾人护理补贴",
                p => p,
            };
            let area = if matches!(i % 10, 6 | 9) {
                format!("{}.0", 5 + i % 20)
            } else {
                String::new()
            };
            // Every 500th person's card is the previous person's: a shared account across households.
            let card = if i % 500 == 0 && i > 0 { i - 1 } else { i };
            let _ = write!(
                s,
                "居民{i},{},H{},{},{prog},2023-{m:02},2023/{m}/15,{}.{:02},{area},6217{card:012}",
                person_id(i),
                i / 3,
                village(i),
                100 + i % 900,
                i % 100
            );
        },
    )?;
    files.push(f);
    let mut add =
        |name: &str, header: &str, n: u64, line: &dyn Fn(u64, &mut String)| -> Result<()> {
            let f = dir.join(name);
            other += write_lines(&f, header, n, |i, s| line(i, s))?;
            files.push(f);
            Ok(())
        };
    add(
        "households.csv",
        "户号,姓名,身份证号,与户主关系,村",
        people,
        &|i, s| {
            let rel = ["户主", "配偶", "子女"][(i % 3) as usize];
            let _ = write!(
                s,
                "H{},居民{i},{},{rel},{}",
                i / 3,
                person_id(i),
                village(i)
            );
        },
    )?;
    add(
        "deaths.csv",
        "姓名,身份证号,死亡日期",
        people / 100,
        &|k, s| {
            let i = k * 100;
            let _ = write!(s, "居民{i},{},2023-05-{:02}", person_id(i), 1 + k % 28);
        },
    )?;
    add(
        "officials.csv",
        "姓名,身份证号,工作单位,职务,入职日期,离职日期",
        people / 500,
        &|k, s| {
            let i = k * 500 + 1;
            let _ = write!(s, "居民{i},{},镇政府,科员,2020-01-01,", person_id(i));
        },
    )?;
    add(
        "cadres.csv",
        "姓名,身份证号,村,职务,任职日期,离任日期",
        people / 200,
        &|k, s| {
            let i = k * 200 + 2;
            let _ = write!(
                s,
                "居民{i},{},{},委员,2021-01-01,",
                person_id(i),
                village(i)
            );
        },
    )?;
    add(
        "land.csv",
        "姓名,身份证号,村,地类,确权面积",
        people / 5,
        &|k, s| {
            let i = k * 5 + if k % 2 == 0 { 1 } else { 4 };
            let i = i - i % 10 + if k % 2 == 0 { 6 } else { 9 };
            let lt = if i % 10 == 6 { "草地" } else { "耕地" };
            let _ = write!(
                s,
                "居民{i},{},{},{lt},{}.0",
                person_id(i),
                village(i),
                5 + i % 20 - (k % 101 == 0) as u64
            );
        },
    )?;
    add(
        "allocations.csv",
        "项目名称,姓名,身份证号,补偿金额",
        people / 20,
        &|k, s| {
            let i = k * 20 + 3;
            let _ = write!(s, "征地补偿{},居民{i},{},10000", (i / 3) % 10, person_id(i));
        },
    )?;
    add(
        "compensation.csv",
        "项目名称,姓名,身份证号,发放日期,实发金额",
        people / 20,
        &|k, s| {
            let i = k * 20 + 3;
            let paid = if k % 9 == 0 { 4000 } else { 10000 };
            let _ = write!(
                s,
                "征地补偿{},居民{i},{},2023-06-01,{paid}",
                (i / 3) % 10,
                person_id(i)
            );
        },
    )?;
    let n_small = (rows / 1000).max(10);
    add(
        "inventory.csv",
        "日期,物资名称,类型,数量,单位,单价,领取人,身份证号,村",
        n_small,
        &|k, s| {
            let item = k % 100;
            let (mv, q) = match k % 10 {
                0 => ("入库", 100),
                9 => ("盘点", 10 + item % 7),
                _ => ("发放", 10),
            };
            let i = (k * 37) % people;
            let _ = write!(
                s,
                "2023-{:02}-10,物资{item},{mv},{q},件,{},居民{i},{},{}",
                1 + k % 12,
                50 + item,
                person_id(i),
                village(i)
            );
        },
    )?;
    add("meals.csv", "接待编号,接待日期,来访单位,公函号,审批单号,来宾人数,陪餐人数,用餐地点,菜单,发票号码,发票日期,发票金额,接待标准", n_small, &|k, s| {
        let d = Ymd::from_days_from_epoch(Ymd { y: 2023, m: 1, d: 1 }.days_from_epoch() + (k % 365) as i64)
            .unwrap_or(Ymd { y: 2023, m: 1, d: 1 });
        let letter = if k % 17 == 0 { String::new() } else { format!("H{k}") };
        let _ = write!(s, "J{k},{d},单位{},{letter},S{k},{},{},机关食堂,工作餐,F{k},{d},{},120", k % 50, 2 + k % 12, 1 + k % 4, 100 * (1 + k % 20));
    })?;
    add(
        "complaints.csv",
        "信访编号,受理日期,信访人,被反映人,所在村,反映问题,办理状态,办结日期",
        n_small,
        &|k, s| {
            let d = Ymd::from_days_from_epoch(
                Ymd {
                    y: 2023,
                    m: 6,
                    d: 1,
                }
                .days_from_epoch()
                    + (k % 390) as i64,
            )
            .unwrap_or(Ymd {
                y: 2024,
                m: 1,
                d: 1,
            });
            let open = k % 3 == 0;
            let _ = write!(
                s,
                "X{k},{d},群众{k},干部{},{},问题{k},{},{}",
                k % 300,
                VILLAGE20[(k % 20) as usize],
                if open { "办理中" } else { "已办结" },
                if open { String::new() } else { d.to_string() }
            );
        },
    )?;
    Ok((files, pay, other))
}

/// Runs the checks benchmark: generate, import, run all rules through hecha,
/// and run the same SQL directly in DuckDB.
pub fn checks(dir: &Path, rows: u64, log: &mut dyn FnMut(&str)) -> Result<ChecksBench> {
    log(&format!(
        "generating {rows} payment rows and the other ledgers …"
    ));
    let (files, payment_rows, other_rows) = generate_township(dir, rows)?;
    let case_path = dir.join("checks.duckdb");
    for p in [case_path.clone(), dir.join("checks.duckdb.wal")] {
        if p.exists() {
            std::fs::remove_file(p)?;
        }
    }
    let case = Case::create(&case_path, Some("checks bench"), Ymd::new(2024, 6, 30))?;
    log("importing …");
    let t = Instant::now();
    let reports = ingest::import_paths(&case, &files, &ImportOptions::default(), &mut |_| {});
    let import_secs = t.elapsed().as_secs_f64();
    if let Some(r) = reports.iter().find(|r| r.status != Status::Imported) {
        return Err(crate::Msg::new("bench.import_failed")
            .arg("detail", r.error.clone().unwrap_or_default())
            .into());
    }
    // Warm-up: one pass of every rule, so neither side is measured on a cold cache.
    log("warming up …");
    let _ = crate::checks::run(&case, &crate::checks::RunOptions::default())?;
    log("running the 13 rules through hecha …");
    let t = Instant::now();
    let run = crate::checks::run(&case, &crate::checks::RunOptions::default())?;
    let run_ms = t.elapsed().as_millis() as u64;
    let peak = rss_mib("VmHWM:");
    let (rules, _) = crate::checks::load_rules(Some(&case));
    drop(case);

    log("running the same SQL directly in DuckDB …");
    let conn = duckdb::Connection::open_with_flags(
        &case_path,
        duckdb::Config::default().enable_autoload_extension(false)?,
    )?;
    conn.execute_batch(&format!(
        "SET memory_limit = '{}MB'",
        crate::case::memory_limit_mb()
    ))?;
    let mut out = Vec::new();
    let mut direct_total = 0u64;
    let mut hecha_total = 0u64;
    for rr in &run.rules {
        let Some(rule) = rules.iter().find(|r| r.id == rr.id) else {
            continue;
        };
        let mut st = conn.prepare(&rule.sql)?;
        for i in 1..=st.parameter_count() {
            let name = st.parameter_name(i)?;
            let name = name.trim_start_matches('$');
            let v = if name == "as_of" {
                run.as_of.clone()
            } else {
                rr.params.get(name).cloned().unwrap_or_default()
            };
            st.raw_bind_parameter(i, v.as_str())?;
        }
        let t = Instant::now();
        st.raw_execute()?;
        let mut rows = st.raw_query();
        let mut n = 0usize;
        while rows.next()?.is_some() {
            n += 1;
        }
        let ms = t.elapsed().as_millis() as u64;
        debug_assert_eq!(n, rr.findings);
        direct_total += ms;
        hecha_total += rr.ms;
        out.push((rr.id.clone(), rr.findings, rr.ms, ms));
    }
    Ok(ChecksBench {
        payment_rows,
        other_rows,
        import_secs,
        rules: out,
        hecha_rules_ms: hecha_total,
        direct_ms: direct_total,
        run_ms,
        memory_limit_mb: crate::case::memory_limit_mb(),
        peak_rss_mib: peak.or_else(|| rss_mib("VmHWM:")),
    })
}

/// Figures of the search benchmark.
#[derive(Debug, Clone, serde::Serialize)]
pub struct SearchBench {
    pub documents: u64,
    pub text_mb: f64,
    pub index_secs: f64,
    pub index_mb_per_sec: f64,
    pub index_peak_rss_mib: Option<f64>,
    /// (query length, queries, p50 ms, p99 ms, rg median ms, rg queries, recall equal in all)
    pub latency: Vec<LatencyRow>,
}

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

fn gen_doc(rng: &mut Rng, target_bytes: usize, out: &mut String) {
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
        out.push_str(if rng.next().is_multiple_of(3) { "。" } else { "，" });
    }
}

/// The search benchmark: `docs` generated Chinese documents of ~2 KB.
pub fn search(
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
    if texts_dir.exists() {
        std::fs::remove_dir_all(&texts_dir)?;
    }
    std::fs::create_dir_all(&texts_dir)?;
    let case = Case::create(&case_path, Some("search bench"), None)?;
    let mut rng = Rng(0xA5A5_5A5A_1234_4321);
    let mut text = String::new();
    let mut bytes = 0u64;
    let mut samples: Vec<String> = Vec::new();
    case.transaction(|conn| {
        let mut app = conn.appender("documents")?;
        for i in 0..docs {
            gen_doc(&mut rng, 2000, &mut text);
            bytes += text.len() as u64;
            // ripgrep reads the folded text, so both sides mean the same substring match.
            std::fs::write(
                texts_dir.join(format!("{i:07}.txt")),
                crate::search::analysis::fold_str(&format!("b{i}\n{text}")),
            )?;
            if samples.len() < 2000 && i % 37 == 0 {
                samples.push(text.clone());
            }
            app.append_row(duckdb::params![
                i as i64 + 1,
                "letter",
                format!("b{i}"),
                format!("{i:07}.txt"),
                None::<String>,
                format!("{i:064x}"),
                "UTF-8",
                "2024-01-01 00:00:00",
                text.chars().count() as i64,
                text
            ])?;
        }
        app.flush()?;
        Ok(())
    })?;
    case.checkpoint()?;
    log("indexing …");
    let index_dir = dir.join("index");
    if index_dir.exists() {
        std::fs::remove_dir_all(&index_dir)?;
    }
    let t = Instant::now();
    let idx = crate::search::SearchIndex::open_in(&case, &index_dir, true, &mut |_, _| {})?;
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
            let q = crate::search::analysis::fold_str(&q);
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
        let mut rg_times = Vec::new();
        let mut equal = true;
        for (q, total) in queries.iter().zip(&totals).take(rg_queries) {
            let t = Instant::now();
            let out = std::process::Command::new("rg")
                .args(["-l", "-F", "--no-messages", "--"])
                .arg(q)
                .arg(&texts_dir)
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
        let rg_median = (!rg_times.is_empty()).then(|| rg_times[rg_times.len() / 2]);
        latency.push((
            len,
            queries.len(),
            pct(0.5),
            pct(0.99),
            rg_median,
            rg_times.len(),
            equal,
        ));
    }
    Ok(SearchBench {
        documents: docs,
        text_mb,
        index_secs,
        index_mb_per_sec: text_mb / index_secs,
        index_peak_rss_mib: index_peak,
        latency,
    })
}

/// Figures of the workbench benchmark.
#[derive(Debug, Clone, serde::Serialize)]
pub struct TuiBench {
    pub documents: u64,
    /// Opening the case and drawing the first frame (index already built).
    pub first_frame_ms: f64,
    /// Key press to the redrawn frame showing the typed character (p50, p99, max).
    pub key_to_redraw_ms: (f64, f64, f64),
    /// Key press to the frame showing that query's results (p50, p99, max).
    pub key_to_results_ms: (f64, f64, f64),
    pub keystrokes: usize,
}

/// The workbench benchmark on a generated case of `docs` documents: time to
/// first frame, and search-as-you-type latency (typed one character at a time).
pub fn tui(dir: &Path, docs: u64, log: &mut dyn FnMut(&str)) -> Result<TuiBench> {
    use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    use ratatui::backend::TestBackend;
    use ratatui::Terminal;
    // The search benchmark's generator builds the case and its index.
    std::env::set_var("XDG_CACHE_HOME", dir.join("cache"));
    let _ = search(dir, docs, 0, log)?;
    let case_path = dir.join("search.duckdb");
    {
        log("building the case's search index …");
        let case = Case::open(&case_path)?;
        crate::search::SearchIndex::open(&case, &mut |_, _| {})?;
    }
    log("opening the workbench …");
    let t = Instant::now();
    let case = Case::open(&case_path)?;
    let mut app = crate::tui::App::new(case, crate::tui::Keymap::builtin(false));
    let mut term = Terminal::new(TestBackend::new(160, 48)).map_err(crate::Error::Io)?;
    term.draw(|f| crate::tui::ui::render(&app, f))
        .map_err(crate::Error::Io)?;
    let first_frame_ms = t.elapsed().as_secs_f64() * 1000.0;
    app.settle(std::time::Duration::from_secs(120));

    let queries = [
        "补贴发放",
        "征地补偿款",
        "优亲厚友",
        "公务接待",
        "张海山",
        "一卡通",
        "禁牧",
        "信访",
    ];
    let mut redraw = Vec::new();
    let mut results = Vec::new();
    for q in queries {
        // Clear the line, then type the query character by character.
        for _ in 0..12 {
            app.on_key(KeyEvent::new(KeyCode::Backspace, KeyModifiers::NONE));
        }
        app.settle(std::time::Duration::from_secs(10));
        for c in q.chars() {
            let t = Instant::now();
            app.on_key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
            term.draw(|f| crate::tui::ui::render(&app, f))
                .map_err(crate::Error::Io)?;
            redraw.push(t.elapsed().as_secs_f64() * 1000.0);
            app.settle(std::time::Duration::from_secs(10));
            term.draw(|f| crate::tui::ui::render(&app, f))
                .map_err(crate::Error::Io)?;
            results.push(t.elapsed().as_secs_f64() * 1000.0);
        }
    }
    let stats = |v: &mut Vec<f64>| {
        v.sort_by(|a, b| a.total_cmp(b));
        let p = |q: f64| v[((v.len() as f64 - 1.0) * q).round() as usize];
        (p(0.5), p(0.99), *v.last().unwrap_or(&0.0))
    };
    let n = redraw.len();
    Ok(TuiBench {
        documents: docs,
        first_frame_ms,
        key_to_redraw_ms: stats(&mut redraw),
        key_to_results_ms: stats(&mut results),
        keystrokes: n,
    })
}
