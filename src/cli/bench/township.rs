//! A generated township for the checks benchmark: a payments ledger of N rows
//! (one person in ten paid every month for ten months) and proportional other
//! ledgers, with a few planted anomalies per rule, as UTF-8 CSV files.

use std::io::Write;
use std::path::{Path, PathBuf};

use hecha::normalise::{id_check_char, Ymd};

use crate::cli::error::Result;

/// County codes of the generated people (衡阳市's counties): one per span
/// of birth dates, so that a large township still has one ID per person.
const COUNTIES: [&str; 7] = [
    "430423", "430424", "430426", "430421", "430422", "430481", "430482",
];

/// Days of birth dates a county's people are spread over: 1935-01-01 to
/// 2004-12-31, so that everyone generated is of age.
const BIRTH_SPAN_DAYS: u64 = 25_567;

fn person_id(i: u64) -> String {
    // Unique per person: a birth date 13 days further every 1000 people, a
    // sequence from i % 1000; past 2004 the dates start again in the next
    // county (at 1,967,000 people), so no two people share an ID up to
    // 13.7 million people (137 million payment rows).
    let step = (i / 1000) * 13;
    let county = COUNTIES[((step / BIRTH_SPAN_DAYS) as usize) % COUNTIES.len()];
    let base = Ymd {
        y: 1935,
        m: 1,
        d: 1,
    }
    .days_from_epoch();
    let d = Ymd::from_days_from_epoch(base + (step % BIRTH_SPAN_DAYS) as i64).unwrap_or(Ymd {
        y: 1960,
        m: 1,
        d: 1,
    });
    let first17 = format!("{county}{:04}{:02}{:02}{:03}", d.y, d.m, d.d, i % 1000);
    let check = id_check_char(first17.as_bytes()).unwrap_or(b'X') as char;
    format!("{first17}{check}")
}

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
const PAYMENT_HEADER: &str =
    "姓名,身份证号码,户号,村,补贴项目,发放年月,发放日期,发放金额,补贴面积,银行卡号";

/// Payment row `k`: person `k / 10`, month `k % 10 + 1` of 2023.
fn payment_line(k: u64, s: &mut String) {
    use std::fmt::Write as _;
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
    let _ = write!(
        s,
        "居民{i},{},H{},{},{prog},2023-{m:02},2023/{m}/15,{}.{:02},{area},{}",
        person_id(i),
        i / 3,
        VILLAGE20[((i / 3) % 20) as usize],
        100 + i % 900,
        i % 100,
        card(i)
    );
}

/// A second export of the payments system overlapping the first: its first
/// `rows` payment rows again (as when overlapping exports are imported side
/// by side), each a duplicate payment.
pub fn overlap(dir: &Path, rows: u64) -> Result<(PathBuf, u64)> {
    let f = dir.join("payments-overlap.csv");
    let n = write_lines(&f, PAYMENT_HEADER, rows, payment_line)?;
    Ok((f, n))
}

pub fn generate(dir: &Path, rows: u64) -> Result<(Vec<PathBuf>, u64, u64)> {
    use std::fmt::Write as _;
    let people = (rows / 10).max(10);
    let mut files = Vec::new();
    let mut other = 0u64;
    let village = |i: u64| VILLAGE20[((i / 3) % 20) as usize];
    let f = dir.join("payments.csv");
    let pay = write_lines(&f, PAYMENT_HEADER, people * 10, payment_line)?;
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

/// The card a payee of the township is paid on (as in `payments.csv`).
fn card(i: u64) -> String {
    let c = if i.is_multiple_of(500) && i > 0 {
        i - 1
    } else {
        i
    };
    format!("6217{c:012}")
}

/// A bank statement of the payees' cards with `rows` rows (two per payment of
/// the first payees: the subsidy in, and what the payee did with it), as one
/// UTF-8 CSV with the card in a 本方账号 column, plus planted patterns:
/// - most payees draw the whole subsidy in cash at an ATM two days later, or
///   send 30% to a relative outside the household, or 90% to a household
///   member — none of them flagged;
/// - one payee in a thousand sends 95% to a village cadre's card three days
///   later (subsidy-diverted and cadre-inflow);
/// - in every 2,000 payees, three households send half of a payment to one
///   collector's account (pooled-accounts);
/// - one payee in 5,000 deposits 48,000 yuan in cash three times in 20 days
///   (cash-structuring).
///
/// Returns the file and its data rows.
pub fn statements(dir: &Path, rows: u64, payees: u64) -> Result<(PathBuf, u64)> {
    use std::fmt::Write as _;
    let f = dir.join("statements.csv");
    let payments = (rows / 2).min(payees * 10);
    let day = |m: u64, d: u64| format!("2023-{m:02}-{d:02}");
    // The cadres of cadres.csv: persons k·200 + 2.
    let cadre = |i: u64| (i / 200) * 200 + 2;
    let mut extra: Vec<String> = Vec::new();
    let mut n = write_lines(
        &f,
        "交易日期,交易时间,本方账号,户名,交易金额,借贷标志,对方户名,对方账号,摘要,交易渠道",
        payments * 2,
        |k, s| {
            let (pay, out) = (k / 2, k % 2 == 1);
            let i = pay / 10;
            let m = pay % 10 + 1;
            let amount = 100 + i % 900;
            let fen = i % 100;
            let me = card(i);
            if !out {
                let _ = write!(
                    s,
                    "{},09:{:02}:00,{me},居民{i},{amount}.{fen:02},贷,县财政局,9550880000000001,补贴发放,批量代发",
                    day(m, 15),
                    i % 60
                );
                return;
            }
            let planted_diversion = i % 1000 == 7;
            let pooled = matches!(i % 2000, 11 | 14 | 17) && m == 3;
            if planted_diversion {
                let c = cadre(i);
                let _ = write!(
                    s,
                    "{},10:00:00,{me},居民{i},{}.{:02},借,居民{c},{},转账,手机银行",
                    day(m, 18),
                    amount * 95 / 100,
                    fen,
                    card(c)
                );
            } else if pooled {
                let _ = write!(
                    s,
                    "{},11:00:00,{me},居民{i},{}.00,借,收款人{},6230{:012},转账,网银",
                    day(m, 20),
                    amount / 2,
                    i / 2000,
                    i / 2000
                );
            } else {
                match i % 10 {
                    6 | 7 => {
                        let _ = write!(
                            s,
                            "{},15:30:00,{me},居民{i},{}.00,借,亲属{i},6229{i:012},转账,手机银行",
                            day(m, 25),
                            amount * 3 / 10
                        );
                    }
                    8 | 9 => {
                        // A household member: the same 户号 (i / 3).
                        let j = if i % 3 == 0 { i + 1 } else { i - 1 };
                        let _ = write!(
                            s,
                            "{},16:00:00,{me},居民{i},{}.00,借,居民{j},{},转账,柜面",
                            day(m, 20),
                            amount * 9 / 10,
                            card(j)
                        );
                    }
                    _ => {
                        let _ = write!(
                            s,
                            "{},08:{:02}:00,{me},居民{i},{amount}.{fen:02},借,,,ATM取款,ATM",
                            day(m, 17),
                            i % 60
                        );
                    }
                }
            }
        },
    )?;
    // Structuring: three cash deposits just under 50,000 in 20 days.
    for i in (0..payments / 10).step_by(5000).map(|i| i + 1) {
        for (d, t) in [(3, "09:10:00"), (12, "14:20:00"), (22, "10:05:00")] {
            extra.push(format!(
                "{},{t},{},居民{i},48000.00,贷,,,现金存入,柜面",
                day(7, d),
                card(i)
            ));
        }
    }
    let mut w = std::fs::OpenOptions::new().append(true).open(&f)?;
    for l in &extra {
        writeln!(w, "{l}")?;
    }
    n += extra.len() as u64;
    Ok((f, n))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn person_ids_stay_unique_and_of_age_past_one_countys_birth_dates() {
        // One person in every thousand, up to 13 million people (past the
        // first county's 1,967,000): each ID its own, born 1935–2004.
        let ids: std::collections::HashSet<String> =
            (0..13_000u64).map(|k| person_id(k * 1000 + 7)).collect();
        assert_eq!(ids.len(), 13_000);
        for id in &ids {
            let year: u32 = id[6..10].parse().unwrap();
            assert!((1935..=2004).contains(&year), "{id}");
            assert_eq!(id_check_char(&id.as_bytes()[..17]), Some(id.as_bytes()[17]));
        }
        // The first county's people keep the IDs they always had.
        assert_eq!(&person_id(0)[..14], "43042319350101");
    }
}
