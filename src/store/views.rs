//! The role views (`v_payments`, `v_deaths`, …): one per role, a UNION ALL over
//! every ledger of that role, with normalised field names. Rules read only these.
//! A field a ledger does not have is NULL in its branch, so every view always has
//! the same columns, even with no ledger of its role (then it is empty).

use duckdb::Connection;

use crate::error::Result;

/// Each role that has a view, with the view's name, in creation order. The
/// roles are named as `ingest::fields::Role::as_str` names them (a test there
/// checks the two lists agree).
pub const ROLE_VIEWS: &[(&str, &str)] = &[
    ("payments", "v_payments"),
    ("deaths", "v_deaths"),
    ("officials", "v_officials"),
    ("cadres", "v_cadres"),
    ("households", "v_households"),
    ("land", "v_land"),
    ("allocations", "v_allocations"),
    ("inventory", "v_inventory"),
    ("meals", "v_meals"),
    ("complaints", "v_complaints"),
    ("statements", "v_statements"),
];

/// The view of a role (`payments` → `v_payments`); `None` for a role without one.
pub fn view_of(role: &str) -> Option<&'static str> {
    ROLE_VIEWS.iter().find(|(r, _)| *r == role).map(|(_, v)| *v)
}

/// A view column: its name, SQL type, and the ledger-table column it comes from.
#[derive(Clone, Copy)]
struct Col {
    name: &'static str,
    ty: &'static str,
    source: Source,
}

#[derive(Clone, Copy)]
enum Source {
    /// A normalised column of the ledger table (NULL when the ledger lacks it).
    Column(&'static str),
    /// The program name canonicalised through `program_aliases`.
    CanonicalProgram,
    /// A bank statement's value computed from the columns the ledger has
    /// (see [`statement_expr`]).
    Statement(&'static str),
}

const fn st(name: &'static str, ty: &'static str) -> Col {
    Col {
        name,
        ty,
        source: Source::Statement(name),
    }
}

/// What a statement's 借贷标志 says: money in, money out.
const FLAG_IN: &str = "'贷','收','收入','存','存入','转入','入','+','C','CR','贷方'";
const FLAG_OUT: &str = "'借','支','支出','取','支取','转出','出','-','−','D','DR','借方'";

/// A bank statement's derived value from the columns the ledger has: the
/// direction from two amount columns, else the 借贷 flag, else the sign; the
/// amount (positive, exact); the timestamp from the date and the time
/// (`10:22:33`, `102233`, or a whole `2024-01-05 10:22:33`); the cash marker.
/// The words of a cash transaction in a statement's channel or memo.
const CASH_WORDS: [&str; 7] = ["现金", "现存", "现支", "取现", "存现", "ATM", "atm"];

fn statement_expr(name: &str, has: &dyn Fn(&str) -> bool) -> String {
    let col = |c: &str| {
        if has(c) {
            format!("t.{}", ident(c))
        } else {
            "NULL".to_string()
        }
    };
    let (credit, debit, amount, flag) = (
        col("n_credit"),
        col("n_debit"),
        col("n_amount"),
        col("n_dc_flag"),
    );
    let (date, time) = (col("n_tx_date"), col("n_tx_time"));
    // The clock time at the end of a cell (`2024/1/6 9:05`, `10:22:33`), seconds added.
    let clock = format!(
        "regexp_extract(CAST({time} AS VARCHAR), '(\\d{{1,2}}:\\d{{2}}(:\\d{{2}})?)\\s*$', 1)"
    );
    let ts = format!(
        "coalesce(TRY_CAST(CAST({time} AS VARCHAR) AS TIMESTAMP),          CAST({date} AS DATE) + TRY_CAST(CAST({time} AS VARCHAR) AS TIME),          CAST({date} AS DATE) + CAST(TRY_STRPTIME(CAST({time} AS VARCHAR), '%H%M%S') AS TIME),          CAST({date} AS DATE) + TRY_CAST(CASE WHEN length({clock}) - length(replace({clock}, ':', '')) = 1 THEN concat({clock}, ':00') ELSE nullif({clock}, '') END AS TIME),          CAST(CAST({date} AS DATE) AS TIMESTAMP))"
    );
    let flag_t = format!("upper(trim(CAST({flag} AS VARCHAR)))");
    match name {
        "direction" => format!(
            "CASE WHEN coalesce({credit}, 0) <> 0 AND coalesce({debit}, 0) = 0 THEN 'in'              WHEN coalesce({debit}, 0) <> 0 AND coalesce({credit}, 0) = 0 THEN 'out'              WHEN {flag_t} IN ({FLAG_IN}) THEN 'in' WHEN {flag_t} IN ({FLAG_OUT}) THEN 'out'              WHEN {amount} > 0 THEN 'in' WHEN {amount} < 0 THEN 'out' END"
        ),
        "amount" => format!(
            "abs(coalesce(nullif(CAST({credit} AS DECIMAL(18,2)), 0), nullif(CAST({debit} AS DECIMAL(18,2)), 0), CAST({amount} AS DECIMAL(18,2))))"
        ),
        "ts" => ts,
        "own_account" => format!("coalesce({}, m.preamble_account)", col("n_account")),
        "name" => format!("coalesce({}, m.preamble_holder)", col("n_name")),
        "tx_date" => format!("CAST(coalesce(CAST({date} AS DATE), CAST({ts} AS DATE)) AS DATE)"),
        // `contains` on each column, not a regular expression over their
        // concatenation: the same words, an eighth of the time on 10M rows.
        "cash" => {
            let (flag, channel, memo) = (col("n_cash_flag"), col("n_channel"), col("n_memo"));
            let mut any = vec![format!(
                "contains(coalesce(CAST({flag} AS VARCHAR), ''), '现')"
            )];
            for c in [&channel, &memo] {
                for w in CASH_WORDS {
                    any.push(format!("contains(coalesce(CAST({c} AS VARCHAR), ''), '{w}')"));
                }
            }
            format!("({})", any.join(" OR "))
        }
        _ => "NULL".to_string(),
    }
}

const fn c(name: &'static str, ty: &'static str, col: &'static str) -> Col {
    Col {
        name,
        ty,
        source: Source::Column(col),
    }
}

const PERSON: &[Col] = &[
    c("name", "VARCHAR", "n_name"),
    c("id_number", "VARCHAR", "n_id_number"),
    c("id_raw", "VARCHAR", "n_id_cleaned"),
    c("id_valid", "BOOLEAN", "n_id_valid"),
    c("birth_date", "DATE", "n_birth_date"),
    c("sex", "VARCHAR", "n_sex"),
    c("household", "VARCHAR", "n_household"),
    c("relation", "VARCHAR", "n_relation"),
    c("village", "VARCHAR", "n_village"),
];

fn role_columns(role: &str) -> Vec<Col> {
    let mut cols: Vec<Col> = Vec::new();
    let person = |cols: &mut Vec<Col>| cols.extend(PERSON.iter().copied());
    match role {
        "payments" => {
            person(&mut cols);
            cols.push(Col {
                name: "program",
                ty: "VARCHAR",
                source: Source::CanonicalProgram,
            });
            cols.extend([
                c("program_raw", "VARCHAR", "n_program"),
                c("project", "VARCHAR", "n_program"),
                c("period", "DATE", "n_period"),
                c("pay_date", "DATE", "n_pay_date"),
                c("month", "DATE", "n_month"),
                c("amount", "DECIMAL(18,2)", "n_amount"),
                c("account", "VARCHAR", "n_account"),
                c("area", "DECIMAL(18,4)", "n_area"),
                c("land_type", "VARCHAR", "n_land_type"),
            ]);
        }
        "deaths" => {
            person(&mut cols);
            cols.push(c("death_date", "DATE", "n_death_date"));
        }
        "officials" => {
            person(&mut cols);
            cols.extend([
                c("account", "VARCHAR", "n_account"),
                c("employer", "VARCHAR", "n_employer"),
                c("position", "VARCHAR", "n_position"),
                c("start_date", "DATE", "n_start_date"),
                c("end_date", "DATE", "n_end_date"),
            ]);
        }
        "cadres" => {
            person(&mut cols);
            cols.extend([
                c("account", "VARCHAR", "n_account"),
                c("position", "VARCHAR", "n_position"),
                c("start_date", "DATE", "n_start_date"),
                c("end_date", "DATE", "n_end_date"),
            ]);
        }
        "households" => {
            person(&mut cols);
            cols.push(c("account", "VARCHAR", "n_account"));
        }
        "land" => {
            person(&mut cols);
            cols.extend([
                c("land_type", "VARCHAR", "n_land_type"),
                c("registered_area", "DECIMAL(18,4)", "n_registered_area"),
                c("area", "DECIMAL(18,4)", "n_area"),
            ]);
        }
        "allocations" => {
            person(&mut cols);
            cols.push(c("project", "VARCHAR", "n_program"));
            cols.push(Col {
                name: "program",
                ty: "VARCHAR",
                source: Source::CanonicalProgram,
            });
            cols.extend([
                c("due", "DECIMAL(18,2)", "n_due"),
                c("account", "VARCHAR", "n_account"),
            ]);
        }
        "inventory" => {
            person(&mut cols);
            cols.extend([
                c("date", "DATE", "n_date"),
                c("item", "VARCHAR", "n_item"),
                c("movement", "VARCHAR", "n_movement"),
                c("qty", "DECIMAL(18,3)", "n_qty"),
                c("unit", "VARCHAR", "n_unit"),
                c("price", "DECIMAL(18,2)", "n_price"),
            ]);
        }
        "meals" => cols.extend([
            c("record_no", "VARCHAR", "n_record_no"),
            c("reception_date", "DATE", "n_reception_date"),
            c("visitor_unit", "VARCHAR", "n_visitor_unit"),
            c("letter_no", "VARCHAR", "n_letter_no"),
            c("approval_no", "VARCHAR", "n_approval_no"),
            c("guests", "INTEGER", "n_guests"),
            c("hosts", "INTEGER", "n_hosts"),
            c("venue", "VARCHAR", "n_venue"),
            c("menu", "VARCHAR", "n_menu"),
            c("invoice_no", "VARCHAR", "n_invoice_no"),
            c("invoice_date", "DATE", "n_invoice_date"),
            c("invoice_amount", "DECIMAL(18,2)", "n_invoice_amount"),
            c("standard", "DECIMAL(18,2)", "n_standard"),
        ]),
        "complaints" => cols.extend([
            c("record_no", "VARCHAR", "n_record_no"),
            c("received_date", "DATE", "n_received_date"),
            c("form", "VARCHAR", "n_form"),
            c("informant", "VARCHAR", "n_informant"),
            c("accused", "VARCHAR", "n_accused"),
            c("village", "VARCHAR", "n_village"),
            c("issue", "VARCHAR", "n_issue"),
            c("status", "VARCHAR", "n_status"),
            c("closed_date", "DATE", "n_closed_date"),
            c("handler", "VARCHAR", "n_handler"),
        ]),
        "statements" => cols.extend([
            st("name", "VARCHAR"),
            st("own_account", "VARCHAR"),
            st("tx_date", "DATE"),
            st("ts", "TIMESTAMP"),
            st("direction", "VARCHAR"),
            st("amount", "DECIMAL(18,2)"),
            c("balance", "DECIMAL(18,2)", "n_balance"),
            c("counter_name", "VARCHAR", "n_counter_name"),
            c("counter_account", "VARCHAR", "n_counter_account"),
            c("counter_bank", "VARCHAR", "n_counter_bank"),
            c("memo", "VARCHAR", "n_memo"),
            c("channel", "VARCHAR", "n_channel"),
            st("cash", "BOOLEAN"),
        ]),
        _ => {}
    }
    cols
}

/// Quotes an SQL identifier.
pub fn ident(name: &str) -> String {
    format!("\"{}\"", name.replace('"', "\"\""))
}

/// Quotes an SQL string literal. Only for text the program itself made (a
/// temporary path in a benchmark); values from files or users are always bound
/// as parameters, and names in views are read from the ledgers table.
pub fn literal(s: &str) -> String {
    format!("'{}'", s.replace('\'', "''"))
}

/// A ledger as the views see it.
struct Ledger {
    id: i32,
    table: String,
    role: String,
    /// The columns its table has.
    have: Vec<String>,
}

/// The SQL of one view, given each ledger of its role.
fn view_sql(role: &str, ledgers: &[&Ledger]) -> Option<String> {
    let view = view_of(role)?;
    let cols = role_columns(role);
    let head = "CAST(NULL AS INTEGER) AS ledger_id, CAST(NULL AS VARCHAR) AS ledger, \
                CAST(NULL AS VARCHAR) AS file, CAST(NULL AS INTEGER) AS row, CAST(NULL AS VARCHAR) AS flags";
    let mut branches = Vec::new();
    for Ledger {
        id, table, have, ..
    } in ledgers.iter().copied()
    {
        let has = |col: &str| have.iter().any(|h| h == col);
        // The ledger's name and file come from the ledgers table, not spliced
        // into the view's text: names from files never become SQL.
        let mut sel = vec![
            format!("{id} AS ledger_id"),
            "m.name AS ledger".to_string(),
            "m.source_file AS file".to_string(),
            "t._row AS row".to_string(),
            "t._invalid AS flags".to_string(),
        ];
        let mut join = format!(
            " CROSS JOIN (SELECT name, source_file, preamble_account, preamble_holder FROM ledgers WHERE id = {id}) m"
        );
        for col in &cols {
            let expr = match col.source {
                Source::Column(src) if has(src) => format!("CAST(t.{} AS {})", ident(src), col.ty),
                Source::CanonicalProgram if has("n_program") => {
                    if !join.contains("program_aliases") {
                        join.push_str(" LEFT JOIN program_aliases pa ON pa.alias = t.n_program");
                    }
                    "coalesce(pa.program, t.n_program)".into()
                }
                Source::Statement(name) => {
                    format!("CAST({} AS {})", statement_expr(name, &has), col.ty)
                }
                _ => format!("CAST(NULL AS {})", col.ty),
            };
            sel.push(format!("{expr} AS {}", ident(col.name)));
        }
        branches.push(format!(
            "SELECT {} FROM {} t{join} WHERE NOT t._total",
            sel.join(", "),
            ident(table)
        ));
    }
    if branches.is_empty() {
        let mut sel = vec![head.to_string()];
        for col in &cols {
            sel.push(format!("CAST(NULL AS {}) AS {}", col.ty, ident(col.name)));
        }
        branches.push(format!("SELECT {} WHERE false", sel.join(", ")));
    }
    Some(format!(
        "CREATE OR REPLACE VIEW {view} AS\n{}",
        branches.join("\nUNION ALL\n")
    ))
}

/// Recreates every role view from the `ledgers` table. Call inside the
/// change that changed the ledgers.
pub fn refresh(tx: super::Tx<'_>) -> Result<()> {
    refresh_conn(tx.conn)
}

/// [`refresh`] after a ledger of `role` came in. When that role feeds the
/// derived tables they are not rebuilt here but marked stale in the same
/// transaction (each rebuild is a pass over every payment, so a folder of
/// twelve monthly payment files would pay for 1 + 2 + … + 12 ledgers): the import rebuilds
/// them once when its last file is in ([`crate::Case::settle_derived`]), and
/// opening a case for writing rebuilds tables an interrupted import left stale.
pub fn refresh_after(tx: super::Tx<'_>, role: &str) -> Result<()> {
    views(tx.conn)?;
    if DERIVED_FROM.contains(&role) && !mark_stale(tx.conn)? {
        derived(tx.conn)?;
    }
    Ok(())
}

/// The derived tables: rebuilt with every change of the ledgers feeding them.
const DERIVED: [&str; 2] = ["v_person_household", "v_account_holders"];
/// The comment a stale derived table carries; a rebuilt table has none.
const STALE: &str = "hecha:stale";

/// How many of the derived tables exist as tables, and how many of those are stale.
fn derived_state(conn: &Connection) -> Result<(i64, i64)> {
    Ok(conn.query_row(
        "SELECT count(*), count(*) FILTER (WHERE comment = ?) FROM duckdb_tables() \
         WHERE database_name = current_database() AND schema_name = 'main' AND table_name IN (?, ?)",
        duckdb::params![STALE, DERIVED[0], DERIVED[1]],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?)
}

/// Marks the derived tables stale; false (nothing marked) when they are not
/// both tables yet, in which case the caller rebuilds them now.
fn mark_stale(conn: &Connection) -> Result<bool> {
    if derived_state(conn)?.0 < DERIVED.len() as i64 {
        return Ok(false);
    }
    for t in DERIVED {
        conn.execute_batch(&format!("COMMENT ON TABLE {t} IS '{STALE}'"))?;
    }
    Ok(true)
}

/// True when an import left the derived tables stale.
pub(super) fn derived_stale(conn: &Connection) -> Result<bool> {
    Ok(derived_state(conn)?.1 > 0)
}

/// The roles `v_person_household` and `v_account_holders` are made from.
const DERIVED_FROM: [&str; 5] = [
    "payments",
    "households",
    "cadres",
    "officials",
    "statements",
];

pub(super) fn refresh_conn(conn: &Connection) -> Result<()> {
    views(conn)?;
    derived(conn)
}

fn views(conn: &Connection) -> Result<()> {
    let mut stmt = conn.prepare("SELECT id, table_name, role FROM ledgers ORDER BY id")?;
    let rows: Vec<(i32, String, String)> = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
        .collect::<duckdb::Result<_>>()?;
    let mut colq = conn.prepare(
        "SELECT column_name FROM duckdb_columns() WHERE database_name = current_database() AND schema_name = 'main' AND table_name = ? ORDER BY column_index",
    )?;
    let mut all = Vec::new();
    for (id, table, role) in rows {
        let have: Vec<String> = colq
            .query_map([&table], |r| r.get(0))?
            .collect::<duckdb::Result<_>>()?;
        all.push(Ledger {
            id,
            table,
            role,
            have,
        });
    }
    conn.execute_batch(&ids_view_sql(&all))?;
    for (role, _) in ROLE_VIEWS {
        let ledgers: Vec<&Ledger> = all.iter().filter(|l| l.role == *role).collect();
        if let Some(sql) = view_sql(role, &ledgers) {
            conn.execute_batch(&sql)?;
        }
    }
    conn.execute_batch(CLUE_DEADLINES)?;
    Ok(())
}

/// Rebuilds the derived tables (a rebuilt table is no longer stale).
pub(super) fn derived(conn: &Connection) -> Result<()> {
    // Tables, rebuilt with every change of the ledgers that feed them: most family and
    // money rules, the Person screen and the graph read them, and each takes
    // a pass over every payment (0.4 s and 1.4 s at 10M rows).
    for (name, sql) in [
        ("v_person_household", PERSON_HOUSEHOLD),
        ("v_account_holders", ACCOUNT_HOLDERS),
    ] {
        let was_view: bool = conn.query_row(
            "SELECT count(*) > 0 FROM duckdb_views() WHERE database_name = current_database() AND view_name = ? AND NOT internal",
            [name],
            |r| r.get(0),
        )?;
        if was_view {
            conn.execute_batch(&format!("DROP VIEW {name}"))?;
        }
        conn.execute_batch(sql)?;
    }
    Ok(())
}

/// `v_clue_deadlines`: every deadline of the clue register with its clue's
/// number, title, subjects and origin row (the clue-deadline rule reads it).
const CLUE_DEADLINES: &str = "CREATE OR REPLACE VIEW v_clue_deadlines AS
SELECT c.id AS clue_id, c.number, c.title, c.officer, d.what, d.cycle, d.start, d.due, d.soon_from, d.done_on, d.warning,
       CASE WHEN c.origin_kind = 'row' THEN c.origin_ref ELSE '' END AS origin_row,
       (SELECT string_agg(s.name, '、' ORDER BY s.seq) FROM clue_subjects s WHERE s.clue_id = c.id) AS subjects
FROM clue_deadlines d JOIN clues c ON c.id = d.clue_id";

/// `v_person_household`: each person's 户号 — from the household register when
/// it has the person, else from a payment ledger's 户号 column (the rules that
/// reason about families read this). Made after the role views it reads, and
/// kept as a table.
const PERSON_HOUSEHOLD: &str = "CREATE OR REPLACE TABLE v_person_household AS
SELECT id_number, arg_min(household, src) AS household
FROM (
    SELECT id_number, household, 0 AS src FROM v_households WHERE id_number IS NOT NULL AND household IS NOT NULL
    UNION ALL
    SELECT id_number, household, 1 AS src FROM v_payments WHERE id_number IS NOT NULL AND household IS NOT NULL
)
GROUP BY id_number";

/// `v_account_holders`: who each account belongs to and where that tie comes
/// from — `payment` (paid on it), `statement` (the statement's own 户名 and
/// 本方账号; the name resolved to an ID number when exactly one person of the
/// case bears it), `roster` (a cadre, official or household register with an
/// account column). One row per (account, person, source). Kept as a table.
/// The people looked up by name are only those bearing a statement holder's
/// name (a pass over every payment that keeps only those names, instead of a
/// distinct over every payment's name and ID: 2.1 s of 7.8 s at 5M payments).
const ACCOUNT_HOLDERS: &str = "CREATE OR REPLACE TABLE v_account_holders AS
WITH stmt AS (
    SELECT own_account, name, min(ledger_id) AS ledger_id, min(row) AS row FROM v_statements
    WHERE own_account IS NOT NULL GROUP BY own_account, name
),
people AS (
    SELECT name, min(id_number) AS id_number, count(DISTINCT id_number) AS n
    FROM (
        SELECT name, id_number FROM v_households WHERE id_number IS NOT NULL AND name IN (SELECT name FROM stmt)
        UNION SELECT name, id_number FROM v_payments WHERE id_number IS NOT NULL AND name IN (SELECT name FROM stmt)
        UNION SELECT name, id_number FROM v_cadres WHERE id_number IS NOT NULL AND name IN (SELECT name FROM stmt)
        UNION SELECT name, id_number FROM v_officials WHERE id_number IS NOT NULL AND name IN (SELECT name FROM stmt)
    )
    GROUP BY name
),
ties AS (
    SELECT account, id_number, name, 'payment' AS source, ledger_id, row FROM v_payments WHERE account IS NOT NULL
    UNION ALL
    SELECT s.own_account, CASE WHEN p.n = 1 THEN p.id_number END, s.name, 'statement', s.ledger_id, s.row
    FROM stmt s LEFT JOIN people p ON p.name = s.name
    UNION ALL
    SELECT account, id_number, name, 'roster', ledger_id, row FROM v_cadres WHERE account IS NOT NULL
    UNION ALL
    SELECT account, id_number, name, 'roster', ledger_id, row FROM v_officials WHERE account IS NOT NULL
    UNION ALL
    SELECT account, id_number, name, 'roster', ledger_id, row FROM v_households WHERE account IS NOT NULL
)
SELECT account, id_number, any_value(name) AS name, source,
       min(ledger_id) AS ledger_id, min(row) AS row, count(*) AS rows
FROM ties
GROUP BY account, id_number, source";

/// `v_ids`: every ID-number cell of every ledger, whatever its role (the
/// invalid-id rule reads it).
fn ids_view_sql(ledgers: &[Ledger]) -> String {
    let mut branches = Vec::new();
    for Ledger {
        id, table, have, ..
    } in ledgers
    {
        if !have.iter().any(|h| h == "n_id_cleaned") {
            continue;
        }
        let person = if have.iter().any(|h| h == "n_name") {
            "t.n_name"
        } else {
            "CAST(NULL AS VARCHAR)"
        };
        branches.push(format!(
            "SELECT {id} AS ledger_id, m.name AS ledger, m.source_file AS file, t._row AS row, m.role AS role, {person} AS name, \
             t.n_id_cleaned AS id_raw, t.n_id_valid AS id_valid, t.n_id_problem AS id_problem FROM {} t \
             CROSS JOIN (SELECT name, source_file, role FROM ledgers WHERE id = {id}) m WHERE NOT t._total",
            ident(table)
        ));
    }
    if branches.is_empty() {
        branches.push(
            "SELECT CAST(NULL AS INTEGER) AS ledger_id, CAST(NULL AS VARCHAR) AS ledger, CAST(NULL AS VARCHAR) AS file, \
             CAST(NULL AS INTEGER) AS row, CAST(NULL AS VARCHAR) AS role, CAST(NULL AS VARCHAR) AS name, \
             CAST(NULL AS VARCHAR) AS id_raw, CAST(NULL AS BOOLEAN) AS id_valid, CAST(NULL AS VARCHAR) AS id_problem WHERE false"
                .to_string(),
        );
    }
    format!(
        "CREATE OR REPLACE VIEW v_ids AS\n{}",
        branches.join("\nUNION ALL\n")
    )
}

/// The view column names of a role, in order (for documentation and tests).
pub fn columns_of(role: &str) -> Vec<&'static str> {
    let mut v = vec!["ledger_id", "ledger", "file", "row", "flags"];
    v.extend(role_columns(role).iter().map(|c| c.name));
    v
}
