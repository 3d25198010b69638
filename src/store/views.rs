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
                c("employer", "VARCHAR", "n_employer"),
                c("position", "VARCHAR", "n_position"),
                c("start_date", "DATE", "n_start_date"),
                c("end_date", "DATE", "n_end_date"),
            ]);
        }
        "cadres" => {
            person(&mut cols);
            cols.extend([
                c("position", "VARCHAR", "n_position"),
                c("start_date", "DATE", "n_start_date"),
                c("end_date", "DATE", "n_end_date"),
            ]);
        }
        "households" => person(&mut cols),
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
        let mut join =
            format!(" CROSS JOIN (SELECT name, source_file FROM ledgers WHERE id = {id}) m");
        for col in &cols {
            let expr = match col.source {
                Source::Column(src) if has(src) => format!("CAST(t.{} AS {})", ident(src), col.ty),
                Source::CanonicalProgram if has("n_program") => {
                    if !join.contains("program_aliases") {
                        join.push_str(" LEFT JOIN program_aliases pa ON pa.alias = t.n_program");
                    }
                    "coalesce(pa.program, t.n_program)".into()
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

pub(super) fn refresh_conn(conn: &Connection) -> Result<()> {
    let mut stmt = conn.prepare("SELECT id, table_name, role FROM ledgers ORDER BY id")?;
    let rows: Vec<(i32, String, String)> = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
        .collect::<duckdb::Result<_>>()?;
    let mut colq = conn.prepare(
        "SELECT column_name FROM duckdb_columns() WHERE schema_name = 'main' AND table_name = ? ORDER BY column_index",
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
    conn.execute_batch(PERSON_HOUSEHOLD)?;
    conn.execute_batch(CLUE_DEADLINES)?;
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
/// reason about families read this). Created after the role views it reads.
const PERSON_HOUSEHOLD: &str = "CREATE OR REPLACE VIEW v_person_household AS
SELECT id_number, arg_min(household, src) AS household
FROM (
    SELECT id_number, household, 0 AS src FROM v_households WHERE id_number IS NOT NULL AND household IS NOT NULL
    UNION ALL
    SELECT id_number, household, 1 AS src FROM v_payments WHERE id_number IS NOT NULL AND household IS NOT NULL
)
GROUP BY id_number";

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
