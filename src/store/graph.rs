//! What the relationship view of a person reads: their household, accounts
//! and who else holds them, cadre posts, payments received, money that left
//! their accounts, findings about them, documents naming them.

use super::Case;
use crate::error::Result;

fn strings(case: &Case, sql: &str, args: &[&str], n: usize) -> Result<Vec<Vec<Option<String>>>> {
    let conn = case.conn();
    let mut st = conn.prepare(sql)?;
    let params: Vec<&dyn duckdb::ToSql> = args.iter().map(|a| a as &dyn duckdb::ToSql).collect();
    let rows = st
        .query_map(params.as_slice(), |r| {
            (0..n)
                .map(|i| r.get::<_, Option<String>>(i))
                .collect::<duckdb::Result<Vec<_>>>()
        })?
        .collect::<duckdb::Result<Vec<_>>>()?;
    Ok(rows)
}

/// Each row as `N` texts (NULL → empty).
fn fixed<const N: usize>(rows: Vec<Vec<Option<String>>>) -> Vec<[String; N]> {
    rows.into_iter()
        .map(|r| std::array::from_fn(|i| r.get(i).cloned().flatten().unwrap_or_default()))
        .collect()
}

/// The name a person bears in the ledgers (the most frequent).
pub fn name_of(case: &Case, id: &str) -> Result<Option<String>> {
    let rows = strings(
        case,
        "SELECT name FROM (
            SELECT name FROM v_households WHERE id_number = ? UNION ALL
            SELECT name FROM v_payments WHERE id_number = ? UNION ALL
            SELECT name FROM v_cadres WHERE id_number = ? UNION ALL
            SELECT name FROM v_officials WHERE id_number = ?)
         WHERE name IS NOT NULL GROUP BY name ORDER BY count(*) DESC, name LIMIT 1",
        &[id, id, id, id],
        1,
    )?;
    Ok(rows
        .into_iter()
        .next()
        .and_then(|r| r.into_iter().next().flatten()))
}

/// The person's 户号 and its members: (id, name, relation).
pub fn household(case: &Case, id: &str) -> Result<Option<(String, Vec<[String; 3]>)>> {
    let hh = strings(
        case,
        "SELECT household FROM v_person_household WHERE id_number = ?",
        &[id],
        1,
    )?;
    let Some(hh) = hh
        .into_iter()
        .next()
        .and_then(|r| r.into_iter().next().flatten())
    else {
        return Ok(None);
    };
    let members = strings(
        case,
        "SELECT p.id_number, coalesce(any_value(h.name), ''), coalesce(any_value(h.relation), '')
         FROM v_person_household p LEFT JOIN v_households h ON h.id_number = p.id_number
         WHERE p.household = ? GROUP BY p.id_number ORDER BY p.id_number",
        &[&hh],
        3,
    )?;
    let members = members
        .into_iter()
        .filter_map(|r| {
            let mut it = r.into_iter();
            Some([
                it.next()??,
                it.next()?.unwrap_or_default(),
                it.next()?.unwrap_or_default(),
            ])
        })
        .collect();
    Ok(Some((hh, members)))
}

/// The accounts tied to the person, with the sources of the tie.
pub fn accounts_of(case: &Case, id: &str) -> Result<Vec<(String, String)>> {
    let rows = strings(
        case,
        "SELECT account, string_agg(DISTINCT source, ',' ORDER BY source) FROM v_account_holders
         WHERE id_number = ? GROUP BY account ORDER BY account",
        &[id],
        2,
    )?;
    Ok(rows
        .into_iter()
        .filter_map(|r| Some((r[0].clone()?, r[1].clone().unwrap_or_default())))
        .collect())
}

/// Everyone tied to an account: (ID number if known, name, sources).
pub fn holders_of(case: &Case, account: &str) -> Result<Vec<(Option<String>, String, String)>> {
    let rows = strings(
        case,
        "SELECT id_number, coalesce(any_value(name), ''), string_agg(DISTINCT source, ',' ORDER BY source)
         FROM v_account_holders WHERE account = ? GROUP BY id_number ORDER BY id_number NULLS LAST",
        &[account],
        3,
    )?;
    Ok(rows
        .into_iter()
        .map(|r| {
            (
                r[0].clone(),
                r[1].clone().unwrap_or_default(),
                r[2].clone().unwrap_or_default(),
            )
        })
        .collect())
}

/// The person's cadre posts: (village, position, start, end).
pub fn posts(case: &Case, id: &str) -> Result<Vec<[String; 4]>> {
    let rows = strings(
        case,
        "SELECT coalesce(village, ''), coalesce(position, ''), coalesce(CAST(start_date AS VARCHAR), ''),
                coalesce(CAST(end_date AS VARCHAR), '')
         FROM v_cadres WHERE id_number = ? ORDER BY start_date",
        &[id],
        4,
    )?;
    Ok(fixed(rows))
}

/// Payments received, by program: (program, payments, total yuan).
pub fn payments(case: &Case, id: &str) -> Result<Vec<[String; 3]>> {
    let rows = strings(
        case,
        "SELECT coalesce(program, ''), CAST(count(*) AS VARCHAR), CAST(sum(amount) AS VARCHAR)
         FROM v_payments WHERE id_number = ? GROUP BY program ORDER BY program",
        &[id],
        3,
    )?;
    Ok(fixed(rows))
}

/// Money out of `account` by counterparty: (counter account or "cash",
/// counterparty name, transfers, total yuan).
pub fn outflows(case: &Case, account: &str) -> Result<Vec<[String; 4]>> {
    let rows = strings(
        case,
        "SELECT coalesce(counter_account, CASE WHEN cash THEN 'cash' END), coalesce(any_value(counter_name), ''),
                CAST(count(*) AS VARCHAR), CAST(sum(amount) AS VARCHAR)
         FROM v_statements WHERE own_account = ? AND direction = 'out'
           AND (counter_account IS NOT NULL OR cash)
         GROUP BY 1 ORDER BY sum(amount) DESC, 1",
        &[account],
        4,
    )?;
    Ok(fixed(rows))
}

/// Findings of the latest run of each rule whose subject is one of `keys`:
/// (id, rule, text).
pub fn findings_about(case: &Case, keys: &[String]) -> Result<Vec<[String; 3]>> {
    let mut out = Vec::new();
    for k in keys {
        let rows = strings(
            case,
            "SELECT f.id, f.rule, f.text FROM findings f
             WHERE f.subject_key = ? AND f.run_id = (SELECT max(run_id) FROM findings g WHERE g.rule = f.rule)
             ORDER BY f.rule, f.id",
            &[k],
            3,
        )?;
        for row in fixed::<3>(rows) {
            if !out.contains(&row) {
                out.push(row);
            }
        }
    }
    Ok(out)
}

/// Documents whose text names the person: (id, source file, title), at most `limit`.
pub fn documents_naming(case: &Case, name: &str, limit: usize) -> Result<Vec<[String; 3]>> {
    if name.chars().count() < 2 {
        return Ok(Vec::new());
    }
    let rows = strings(
        case,
        &format!(
            "SELECT CAST(id AS VARCHAR), source_file, title FROM documents WHERE contains(text, ?) ORDER BY id LIMIT {limit}"
        ),
        &[name],
        3,
    )?;
    Ok(fixed(rows))
}
