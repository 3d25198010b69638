//! Importing one ledger: header detection, column → field mapping, role,
//! per-cell normalisation, and the load into a table of its own.
//!
//! Rows are streamed: a worker thread reads, decodes and normalises them into
//! Arrow record batches while this thread inserts each batch into the ledger's
//! table (`INSERT … SELECT * FROM hecha_arrow(?)`, measured ~2× faster than
//! DuckDB's appender here), inside the caller's transaction. Nothing holds the
//! whole file in memory.

use std::collections::BTreeMap;

use duckdb::Connection;
use serde::Serialize;

use super::fields::{Field, Kind, Role};
use super::normalise::{self as norm, Ymd};
use super::source::{Cell, RowSource, SourceError};
use super::views::ident;
use crate::error::{Error, Msg, Result};

/// How many non-blank rows at the top are searched for the header row.
const HEADER_SCAN: usize = 10;
/// Row numbers listed in a warning before "…".
const WARN_LIST: usize = 8;

/// One column of the ledger table that keeps an original column.
#[derive(Debug, Clone, Serialize)]
pub struct Column {
    /// Column name in the ledger table.
    pub name: String,
    /// Header text as written in the file.
    pub header: String,
    /// The field it maps to, if any.
    pub field: Option<Field>,
}

/// What the caller knows about the file.
pub struct LedgerMeta<'a> {
    pub display: &'a str,
    pub file_name: &'a str,
    pub path: &'a str,
    pub sha256: &'a str,
    pub encoding: &'a str,
    pub sheet: Option<&'a str>,
    pub role: Option<Role>,
}

/// The outcome of a ledger import.
#[derive(Debug, Clone)]
pub struct LedgerReport {
    pub id: i32,
    pub name: String,
    pub role: Role,
    pub rows: u64,
    pub warnings: Vec<Msg>,
}

/// A normalised output column.
struct OutCol {
    name: String,
    ty: ColType,
}

/// The SQL / Arrow type of a ledger-table column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ColType {
    Text,
    Int,
    Bool,
    Date,
    /// DECIMAL(18, scale)
    Dec(u8),
}

impl ColType {
    fn sql(self) -> String {
        match self {
            ColType::Text => "VARCHAR".into(),
            ColType::Int => "INTEGER".into(),
            ColType::Bool => "BOOLEAN".into(),
            ColType::Date => "DATE".into(),
            ColType::Dec(s) => format!("DECIMAL(18,{s})"),
        }
    }
}

/// The plan for a ledger: columns, mapping and normalised outputs.
struct Plan {
    columns: Vec<Column>,
    /// Each mapped field with the column indexes holding it (first is primary).
    fields: BTreeMap<Field, Vec<usize>>,
    out: Vec<OutCol>,
    has_month: bool,
}

fn out_cols(field: Field) -> Vec<(String, ColType)> {
    let f = field.as_str();
    match field.kind() {
        Kind::Id => vec![
            ("n_id_number".into(), ColType::Text),
            ("n_id_cleaned".into(), ColType::Text),
            ("n_id_valid".into(), ColType::Bool),
            ("n_id_problem".into(), ColType::Text),
            ("n_birth_date".into(), ColType::Date),
            ("n_sex".into(), ColType::Text),
        ],
        Kind::PersonName | Kind::Text | Kind::Code => vec![(format!("n_{f}"), ColType::Text)],
        Kind::Money => vec![(format!("n_{f}"), ColType::Dec(2))],
        Kind::Area => vec![(format!("n_{f}"), ColType::Dec(4))],
        Kind::Quantity => vec![(format!("n_{f}"), ColType::Dec(3))],
        Kind::Count => vec![(format!("n_{f}"), ColType::Int)],
        Kind::Date | Kind::Period => vec![(format!("n_{f}"), ColType::Date)],
    }
}

impl Plan {
    fn new(header: &[Cell]) -> Plan {
        let mut columns: Vec<Column> = Vec::with_capacity(header.len());
        // Names taken so far (lowercased: DuckDB identifiers are case-insensitive).
        let mut taken: std::collections::HashSet<String> =
            std::collections::HashSet::with_capacity(header.len());
        let mut fields: BTreeMap<Field, Vec<usize>> = BTreeMap::new();
        for (i, cell) in header.iter().enumerate() {
            let text = norm::normalise_text(&cell.text()).unwrap_or_default();
            let field = if text.is_empty() {
                None
            } else {
                Field::from_header(&text)
            };
            let base = if text.is_empty() {
                crate::tr!("ledger.unnamed_column", n = i + 1)
            } else if text.starts_with('_') || text.starts_with("n_") {
                format!("{text}_")
            } else {
                text.clone()
            };
            let mut name = base.clone();
            let mut k = 2;
            while taken.contains(&name.to_lowercase()) {
                name = format!("{base}_{k}");
                k += 1;
            }
            taken.insert(name.to_lowercase());
            if let Some(f) = field {
                fields.entry(f).or_default().push(i);
            }
            columns.push(Column {
                name,
                header: text,
                field,
            });
        }
        let mut out = Vec::new();
        for f in fields.keys() {
            for (name, ty) in out_cols(*f) {
                out.push(OutCol { name, ty });
            }
        }
        let has_month = fields.contains_key(&Field::Period) || fields.contains_key(&Field::PayDate);
        if has_month {
            out.push(OutCol {
                name: "n_month".into(),
                ty: ColType::Date,
            });
        }
        Plan {
            columns,
            fields,
            out,
            has_month,
        }
    }

    fn mapped(&self) -> Vec<Field> {
        self.fields.keys().copied().collect()
    }
}

/// Counts the distinct fields a row's cells name, if it were the header.
fn header_score(row: &[Cell]) -> usize {
    let mut seen: Vec<Field> = Vec::new();
    for c in row {
        if let Cell::Text(s) = c {
            if let Some(f) = Field::from_header(s) {
                if !seen.contains(&f) {
                    seen.push(f);
                }
            }
        }
    }
    seen.len()
}

/// A row that holds amounts, dates or ID numbers is data, not a header.
fn looks_like_data(row: &[Cell]) -> Option<String> {
    for c in row {
        match c {
            Cell::Number(_) | Cell::Date(..) => return Some(c.text().into_owned()),
            Cell::Text(s) if !c.is_blank() => {
                let numeric = matches!(norm::parse_amount_fen(s), Ok(Some(_)))
                    || matches!(norm::parse_date(s), Ok(Some(_)))
                    || norm::parse_id_number(s)
                        .map(|id| id.normalised.is_some())
                        .unwrap_or(false);
                if numeric {
                    return Some(s.trim().to_string());
                }
            }
            _ => {}
        }
    }
    None
}

const TOTAL_WORDS: &[&str] = &["合计", "总计", "小计", "总合计", "合计金额"];

fn is_total_row(row: &[Cell], plan: &Plan) -> bool {
    let is_total = |c: &Cell| {
        let t: String = c
            .text()
            .chars()
            .filter(|c| !c.is_whitespace() && *c != '\u{3000}')
            .collect();
        TOTAL_WORDS.contains(&t.as_str())
    };
    if let Some(idx) = plan.fields.get(&Field::Name) {
        if idx
            .iter()
            .any(|&i| row.get(i).map(is_total).unwrap_or(false))
        {
            return true;
        }
    }
    row.iter().take(3).any(is_total)
}

/// Converts an import failure of the source into a user message.
pub fn source_error(display: &str, e: SourceError) -> Error {
    match e {
        SourceError::UnclosedQuote { line } => Msg::new("import.unclosed_quote")
            .arg("file", display)
            .arg("line", line)
            .into(),
        SourceError::Io(io) => match super::decode::decode_error(&io) {
            Some(d) => Msg::new("import.decode_failed")
                .arg("file", display)
                .arg("offset", d.offset)
                .arg("encoding", d.encoding.as_str())
                .into(),
            None => Msg::new("import.read_failed")
                .arg("file", display)
                .arg("detail", io)
                .into(),
        },
    }
}

/// Per-field invalid-value bookkeeping for warnings.
#[derive(Default)]
struct Invalid {
    by_field: BTreeMap<Field, (u64, Vec<u64>)>,
}

impl Invalid {
    fn note(&mut self, f: Field, row: u64) {
        let e = self.by_field.entry(f).or_default();
        e.0 += 1;
        if e.1.len() < WARN_LIST {
            e.1.push(row);
        }
    }
}

fn row_list(rows: &[u64], total: u64) -> String {
    let mut s = rows
        .iter()
        .map(|r| r.to_string())
        .collect::<Vec<_>>()
        .join(", ");
    if total as usize > rows.len() {
        s.push_str(", …");
    }
    s
}

/// A normalised value, before it goes into an Arrow column.
#[derive(Debug, Clone, PartialEq)]
enum Val {
    Null,
    Str(String),
    Int(i64),
    Bool(bool),
    Date(Ymd),
    /// A scaled decimal (the column's scale).
    Dec(i64),
}

/// Normalises rows: the mapped fields of a row into typed values.
struct Normaliser<'p> {
    plan: &'p Plan,
    invalid_fields: Vec<&'static str>,
    vals: Vec<Val>,
}

fn scale_of(kind: Kind) -> u32 {
    match kind {
        Kind::Money => 2,
        Kind::Area => 4,
        Kind::Quantity => 3,
        _ => 0,
    }
}

impl<'p> Normaliser<'p> {
    fn new(plan: &'p Plan) -> Self {
        Normaliser {
            plan,
            invalid_fields: Vec::new(),
            vals: Vec::with_capacity(plan.out.len()),
        }
    }

    /// The first non-blank cell among the columns mapped to `f`.
    fn primary<'c>(&self, row: &'c [Cell], f: Field) -> Option<&'c Cell> {
        self.plan.fields.get(&f).and_then(|idx| {
            idx.iter()
                .filter_map(|&i| row.get(i))
                .find(|c| !c.is_blank())
        })
    }

    /// Fills `self.vals` (one per output column) with the normalised values of `row`.
    fn normalise(&mut self, row: &[Cell], row_no: u64, invalid: &mut Invalid) {
        self.vals.clear();
        self.invalid_fields.clear();
        let mut pay_date: Option<Ymd> = None;
        let mut period: Option<norm::Ym> = None;
        let plan = self.plan;
        for &f in plan.fields.keys() {
            let cell = self.primary(row, f);
            let mut bad = false;
            let kind = f.kind();
            match kind {
                Kind::Id => match cell.and_then(|c| norm::parse_id_number(&c.text())) {
                    Some(id) => {
                        bad = id.normalised.is_none();
                        self.vals
                            .push(id.normalised.map(Val::Str).unwrap_or(Val::Null));
                        self.vals.push(Val::Str(id.cleaned));
                        self.vals.push(Val::Bool(!bad));
                        self.vals.push(
                            id.problem
                                .map(|p| Val::Str(p.as_zh().into()))
                                .unwrap_or(Val::Null),
                        );
                        self.vals
                            .push(id.birth_date.map(Val::Date).unwrap_or(Val::Null));
                        self.vals.push(
                            id.sex
                                .map(|s| Val::Str(s.as_zh().into()))
                                .unwrap_or(Val::Null),
                        );
                    }
                    None => self.vals.extend(std::iter::repeat_n(Val::Null, 6)),
                },
                Kind::PersonName | Kind::Code => self.vals.push(
                    cell.and_then(|c| norm::normalise_name(&c.text()))
                        .map(Val::Str)
                        .unwrap_or(Val::Null),
                ),
                Kind::Text => self.vals.push(
                    cell.and_then(|c| norm::normalise_text(&c.text()))
                        .map(Val::Str)
                        .unwrap_or(Val::Null),
                ),
                Kind::Money | Kind::Area | Kind::Quantity | Kind::Count => {
                    let scale = scale_of(kind);
                    let v = match cell {
                        None => Ok(None),
                        Some(Cell::Number(x)) => norm::float_to_scaled(*x, scale)
                            .filter(|_| scale > 0 || x.fract() == 0.0)
                            .map(Some)
                            .ok_or(()),
                        Some(c) if kind == Kind::Money => {
                            norm::parse_amount_fen(&c.text()).map_err(|_| ())
                        }
                        Some(c) => norm::parse_scaled(&c.text(), scale).map_err(|_| ()),
                    };
                    let v = match v {
                        Ok(Some(n)) if kind == Kind::Count => match i32::try_from(n) {
                            Ok(_) => Val::Int(n),
                            Err(_) => {
                                bad = true;
                                Val::Null
                            }
                        },
                        Ok(Some(n)) => Val::Dec(n),
                        Ok(None) => Val::Null,
                        Err(()) => {
                            bad = true;
                            Val::Null
                        }
                    };
                    self.vals.push(v);
                }
                Kind::Date => {
                    let v = match cell {
                        None => Ok(None),
                        Some(Cell::Date(d, _)) => Ok(Some(*d)),
                        Some(Cell::Number(x)) => Ymd::from_excel_serial(*x).map(Some).ok_or(()),
                        Some(c) => norm::parse_date(&c.text()).map_err(|_| ()),
                    };
                    match v {
                        Ok(d) => {
                            if f == Field::PayDate {
                                pay_date = d;
                            }
                            self.vals.push(d.map(Val::Date).unwrap_or(Val::Null));
                        }
                        Err(()) => {
                            bad = true;
                            self.vals.push(Val::Null);
                        }
                    }
                }
                Kind::Period => {
                    let v = match cell {
                        None => Ok(None),
                        Some(Cell::Date(d, _)) => Ok(Some(d.ym())),
                        // 202305 typed as a number is a period; smaller numbers are date serials.
                        Some(Cell::Number(x)) if *x >= 100_000.0 => {
                            norm::parse_period(&super::source::format_number(*x)).map_err(|_| ())
                        }
                        Some(Cell::Number(x)) => {
                            Ymd::from_excel_serial(*x).map(|d| Some(d.ym())).ok_or(())
                        }
                        Some(c) => norm::parse_period(&c.text()).map_err(|_| ()),
                    };
                    match v {
                        Ok(p) => {
                            period = p;
                            self.vals.push(
                                p.and_then(|p| Ymd::new(p.y, p.m, 1))
                                    .map(Val::Date)
                                    .unwrap_or(Val::Null),
                            );
                        }
                        Err(()) => {
                            bad = true;
                            self.vals.push(Val::Null);
                        }
                    }
                }
            }
            if bad {
                self.invalid_fields.push(f.as_str());
                invalid.note(f, row_no);
            }
        }
        if plan.has_month {
            let month = period.or(pay_date.map(|d| d.ym()));
            self.vals.push(
                month
                    .and_then(|p| Ymd::new(p.y, p.m, 1))
                    .map(Val::Date)
                    .unwrap_or(Val::Null),
            );
        }
    }
}

/// Arrow column builders for one batch of ledger rows.
mod batch {
    use std::sync::Arc;

    use duckdb::arrow::array::{
        ArrayRef, BooleanBuilder, Date32Builder, Decimal128Builder, Int32Builder, StringBuilder,
    };
    use duckdb::arrow::datatypes::{DataType, Field as AField, Schema, SchemaRef};
    use duckdb::arrow::record_batch::RecordBatch;

    use super::{ColType, Val};

    pub enum Col {
        Str(StringBuilder),
        Int(Int32Builder),
        Bool(BooleanBuilder),
        Date(Date32Builder),
        Dec(Decimal128Builder, u8),
    }

    pub fn schema(cols: &[(String, ColType)]) -> SchemaRef {
        let fields: Vec<AField> = cols
            .iter()
            .map(|(name, ty)| {
                let dt = match ty {
                    ColType::Text => DataType::Utf8,
                    ColType::Int => DataType::Int32,
                    ColType::Bool => DataType::Boolean,
                    ColType::Date => DataType::Date32,
                    ColType::Dec(s) => DataType::Decimal128(18, *s as i8),
                };
                AField::new(name, dt, true)
            })
            .collect();
        Arc::new(Schema::new(fields))
    }

    pub struct Batch {
        pub cols: Vec<Col>,
        pub rows: usize,
    }

    impl Batch {
        pub fn new(types: &[ColType], capacity: usize) -> Batch {
            let cols = types
                .iter()
                .map(|t| match t {
                    ColType::Text => Col::Str(StringBuilder::with_capacity(capacity, capacity * 8)),
                    ColType::Int => Col::Int(Int32Builder::with_capacity(capacity)),
                    ColType::Bool => Col::Bool(BooleanBuilder::with_capacity(capacity)),
                    ColType::Date => Col::Date(Date32Builder::with_capacity(capacity)),
                    ColType::Dec(s) => Col::Dec(Decimal128Builder::with_capacity(capacity), *s),
                })
                .collect();
            Batch { cols, rows: 0 }
        }

        pub fn text(&mut self, i: usize, v: Option<&str>) {
            if let Col::Str(b) = &mut self.cols[i] {
                b.append_option(v);
            }
        }

        pub fn int(&mut self, i: usize, v: i64) {
            if let Col::Int(b) = &mut self.cols[i] {
                b.append_option(i32::try_from(v).ok());
            }
        }

        pub fn bool(&mut self, i: usize, v: bool) {
            if let Col::Bool(b) = &mut self.cols[i] {
                b.append_value(v);
            }
        }

        pub fn val(&mut self, i: usize, v: &Val) {
            match (&mut self.cols[i], v) {
                (Col::Str(b), Val::Str(s)) => b.append_value(s),
                (Col::Int(b), Val::Int(n)) => b.append_option(i32::try_from(*n).ok()),
                (Col::Bool(b), Val::Bool(x)) => b.append_value(*x),
                (Col::Date(b), Val::Date(d)) => b.append_value(d.days_from_epoch() as i32),
                (Col::Dec(b, _), Val::Dec(n)) => b.append_value(*n as i128),
                (Col::Str(b), _) => b.append_null(),
                (Col::Int(b), _) => b.append_null(),
                (Col::Bool(b), _) => b.append_null(),
                (Col::Date(b), _) => b.append_null(),
                (Col::Dec(b, _), _) => b.append_null(),
            }
        }

        pub fn finish(self, schema: &SchemaRef) -> Result<RecordBatch, String> {
            let arrays: Vec<ArrayRef> = self
                .cols
                .into_iter()
                .map(|c| -> Result<ArrayRef, String> {
                    Ok(match c {
                        Col::Str(mut b) => Arc::new(b.finish()),
                        Col::Int(mut b) => Arc::new(b.finish()),
                        Col::Bool(mut b) => Arc::new(b.finish()),
                        Col::Date(mut b) => Arc::new(b.finish()),
                        Col::Dec(mut b, s) => Arc::new(
                            b.finish()
                                .with_precision_and_scale(18, s as i8)
                                .map_err(|e| e.to_string())?,
                        ),
                    })
                })
                .collect::<Result<_, _>>()?;
            RecordBatch::try_new(schema.clone(), arrays).map_err(|e| e.to_string())
        }
    }
}

/// Rows per Arrow batch handed from the reader thread to DuckDB. Large batches
/// keep the per-statement cost of `INSERT … SELECT FROM hecha_arrow(?)` small.
const BATCH_ROWS: usize = 65536;

/// What the reader thread sends: a batch, or the end with its bookkeeping.
enum Chunk {
    Batch(duckdb::arrow::record_batch::RecordBatch, u64),
    Done(Tally),
}

/// Totals the reader thread reports at the end.
#[derive(Default)]
struct Tally {
    data_rows: u64,
    stored: u64,
    invalid: Invalid,
    short_rows: (u64, Vec<u64>),
}

/// Reads every data row after the header, normalises it, and sends Arrow
/// batches down `tx`. Runs on the reader thread.
#[allow(clippy::too_many_arguments)]
fn read_rows(
    src: &mut (dyn RowSource + Send),
    pending: Vec<(u64, Vec<Cell>)>,
    plan: &Plan,
    types: &[ColType],
    schema: &duckdb::arrow::datatypes::SchemaRef,
    display: &str,
    tx: &std::sync::mpsc::SyncSender<Result<Chunk>>,
) -> Result<()> {
    let width = plan.columns.len();
    let mut norm = Normaliser::new(plan);
    let mut tally = Tally::default();
    let mut batch = batch::Batch::new(types, BATCH_ROWS);
    let mut cells: Vec<Cell> = Vec::new();
    let mut pending = pending.into_iter();
    let mut row_text = String::new();
    let n_orig = width;
    loop {
        let (line, row) = match pending.next() {
            Some(x) => x,
            None => match src
                .next_row(&mut cells)
                .map_err(|e| source_error(display, e))?
            {
                Some(line) => (line, std::mem::take(&mut cells)),
                None => break,
            },
        };
        tally.data_rows += 1;
        let data_row = tally.data_rows;
        if row.iter().all(|c| c.is_blank()) {
            cells = row;
            continue;
        }
        if row.len() > width {
            if let Some(extra) = row[width..].iter().position(|c| !c.is_blank()) {
                return Err(Msg::new("import.ragged_long")
                    .arg("file", display)
                    .arg("line", line)
                    .arg("row", data_row)
                    .arg("cells", width + extra + 1)
                    .arg("width", width)
                    .into());
            }
        }
        if row.len() < width {
            tally.short_rows.0 += 1;
            if tally.short_rows.1.len() < WARN_LIST {
                tally.short_rows.1.push(data_row);
            }
        }
        norm.normalise(&row, data_row, &mut tally.invalid);
        batch.int(0, data_row as i64);
        batch.int(1, line as i64);
        for i in 0..n_orig {
            let t = row.get(i).map(|c| c.text());
            match t.as_deref() {
                Some(s) if !s.is_empty() => {
                    row_text.clear();
                    row_text.push_str(s);
                    batch.text(2 + i, Some(&row_text));
                }
                _ => batch.text(2 + i, None),
            }
        }
        let base = 2 + n_orig;
        for (k, v) in norm.vals.iter().enumerate() {
            batch.val(base + k, v);
        }
        let k = base + norm.vals.len();
        if norm.invalid_fields.is_empty() {
            batch.text(k, None);
        } else {
            batch.text(k, Some(&norm.invalid_fields.join(",")));
        }
        batch.bool(k + 1, is_total_row(&row, plan));
        batch.rows += 1;
        tally.stored += 1;
        cells = row;
        if batch.rows == BATCH_ROWS {
            let full = std::mem::replace(&mut batch, batch::Batch::new(types, BATCH_ROWS));
            let rb = full.finish(schema).map_err(|e| {
                Error::from(
                    Msg::new("import.load_failed")
                        .arg("file", display)
                        .arg("detail", e),
                )
            })?;
            if tx.send(Ok(Chunk::Batch(rb, data_row))).is_err() {
                return Ok(()); // the inserting side stopped; it reports why
            }
        }
    }
    if batch.rows > 0 {
        let rb = batch.finish(schema).map_err(|e| {
            Error::from(
                Msg::new("import.load_failed")
                    .arg("file", display)
                    .arg("detail", e),
            )
        })?;
        if tx.send(Ok(Chunk::Batch(rb, tally.data_rows))).is_err() {
            return Ok(());
        }
    }
    let _ = tx.send(Ok(Chunk::Done(tally)));
    Ok(())
}

/// Imports a ledger from `src` into the case, inside the caller's transaction.
/// `tick` is called now and then with the number of rows read so far; it
/// returns false to cancel.
pub fn import(
    conn: &Connection,
    src: &mut (dyn RowSource + Send),
    meta: &LedgerMeta<'_>,
    tick: &mut dyn FnMut(u64) -> bool,
) -> Result<LedgerReport> {
    let display = meta.display;
    let mut cells: Vec<Cell> = Vec::new();

    // 1. Look ahead for the header row.
    let mut head: Vec<(u64, Vec<Cell>)> = Vec::new();
    let mut non_blank = 0;
    while non_blank < HEADER_SCAN {
        match src
            .next_row(&mut cells)
            .map_err(|e| source_error(display, e))?
        {
            Some(line) => {
                if cells.iter().any(|c| !c.is_blank()) {
                    non_blank += 1;
                }
                head.push((line, std::mem::take(&mut cells)));
            }
            None => break,
        }
    }
    let Some(first_non_blank) = head
        .iter()
        .position(|(_, r)| r.iter().any(|c| !c.is_blank()))
    else {
        return Err(Msg::new("import.empty").arg("file", display).into());
    };
    let header_idx = head
        .iter()
        .position(|(_, r)| header_score(r) >= 2)
        .unwrap_or(first_non_blank);
    let header_line = head[header_idx].0;
    if header_score(&head[header_idx].1) < 2 {
        if let Some(v) = looks_like_data(&head[header_idx].1) {
            return Err(Msg::new("import.no_header")
                .arg("file", display)
                .arg("line", header_line)
                .arg("value", v)
                .into());
        }
    }
    if head[header_idx].1.len() > super::xlsx::MAX_COLUMNS {
        return Err(Msg::new("import.too_wide")
            .arg("file", display)
            .arg("columns", head[header_idx].1.len())
            .arg("limit", super::xlsx::MAX_COLUMNS)
            .into());
    }
    let plan = Plan::new(&head[header_idx].1);
    let role = meta.role.unwrap_or_else(|| Role::detect(&plan.mapped()));
    let mut warnings: Vec<Msg> = Vec::new();
    if role == Role::Other && meta.role.is_none() {
        let unplaced: Vec<&str> = plan
            .columns
            .iter()
            .filter(|c| c.field.is_none())
            .map(|c| c.header.as_str())
            .collect();
        warnings.push(Msg::new("import.warn_no_role").arg("file", display).arg(
            "headers",
            if unplaced.is_empty() {
                "-".into()
            } else {
                unplaced.join("、")
            },
        ));
    }
    let pending: Vec<(u64, Vec<Cell>)> = head.into_iter().skip(header_idx + 1).collect();

    // 2. The ledger's table: meta columns, originals as text, normalised typed columns.
    let id: i64 = conn.query_row(
        "SELECT CAST(coalesce(max(id), 0) + 1 AS BIGINT) FROM ledgers",
        [],
        |r| r.get(0),
    )?;
    let id = i32::try_from(id).unwrap_or(i32::MAX);
    let table = format!("ledger_{id}");
    let mut cols: Vec<(String, ColType)> = vec![
        ("_row".into(), ColType::Int),
        ("_line".into(), ColType::Int),
    ];
    cols.extend(plan.columns.iter().map(|c| (c.name.clone(), ColType::Text)));
    cols.extend(plan.out.iter().map(|o| (o.name.clone(), o.ty)));
    cols.push(("_invalid".into(), ColType::Text));
    cols.push(("_total".into(), ColType::Bool));
    let defs: Vec<String> = cols
        .iter()
        .map(|(n, t)| format!("{} {}", ident(n), t.sql()))
        .collect();
    conn.execute_batch(&format!(
        "CREATE TABLE {} ({})",
        ident(&table),
        defs.join(", ")
    ))?;
    let types: Vec<ColType> = cols.iter().map(|(_, t)| *t).collect();
    let schema = batch::schema(&cols);

    // 3. Stream: the reader thread normalises into Arrow batches, this thread appends.
    let load_err = |e: duckdb::Error| {
        Error::from(
            Msg::new("import.load_failed")
                .arg("file", display)
                .arg("detail", e),
        )
    };
    let tally = std::thread::scope(|scope| -> Result<Tally> {
        let (tx, rx) = std::sync::mpsc::sync_channel::<Result<Chunk>>(4);
        let plan = &plan;
        let types = &types;
        let schema = &schema;
        let reader = scope.spawn(move || {
            if let Err(e) = read_rows(src, pending, plan, types, schema, display, &tx) {
                let _ = tx.send(Err(e));
            }
        });
        let mut insert = conn
            .prepare(&format!(
                "INSERT INTO {} SELECT * FROM {}(?)",
                ident(&table),
                crate::case::ARROW_SCAN
            ))
            .map_err(load_err)?;
        let mut result: Result<Option<Tally>> = Ok(None);
        for msg in rx.iter() {
            match msg {
                Ok(Chunk::Batch(rb, rows_read)) => {
                    let reg = duckdb::vtab::arrow::ArrowBatchRegistration::new(rb);
                    if let Err(e) = insert.execute([&reg]) {
                        result = Err(load_err(e));
                        break;
                    }
                    if !tick(rows_read) {
                        result = Err(Msg::new("import.cancelled").arg("file", display).into());
                        break;
                    }
                }
                Ok(Chunk::Done(t)) => {
                    result = Ok(Some(t));
                    break;
                }
                Err(e) => {
                    result = Err(e);
                    break;
                }
            }
        }
        drop(rx);
        let _ = reader.join();
        let tally = result?.ok_or_else(|| {
            Error::from(
                Msg::new("import.load_failed")
                    .arg("file", display)
                    .arg("detail", "reader stopped"),
            )
        })?;
        drop(insert);
        Ok(tally)
    })?;
    tick(tally.data_rows);

    let loaded: i64 = conn.query_row(
        &format!("SELECT count(*) FROM {}", ident(&table)),
        [],
        |r| r.get(0),
    )?;
    if loaded as u64 != tally.stored {
        return Err(Msg::new("import.load_failed")
            .arg("file", display)
            .arg(
                "detail",
                format!("{} rows read, {loaded} stored", tally.stored),
            )
            .into());
    }
    if tally.short_rows.0 > 0 {
        warnings.push(
            Msg::new("import.warn_short_rows")
                .arg("file", display)
                .arg("count", tally.short_rows.0)
                .arg("rows", row_list(&tally.short_rows.1, tally.short_rows.0))
                .arg("width", plan.columns.len()),
        );
    }
    for (f, (count, rows)) in &tally.invalid.by_field {
        let header = plan
            .fields
            .get(f)
            .and_then(|idx| idx.first())
            .map(|&i| plan.columns[i].header.clone())
            .unwrap_or_default();
        warnings.push(
            Msg::new("import.warn_invalid")
                .arg("file", display)
                .arg("column", header)
                .arg("count", count)
                .arg("rows", row_list(rows, *count)),
        );
    }

    // 4. The catalogue entry and the role views.
    let base = match meta.sheet {
        Some(s) => format!("{}·{s}", stem(meta.file_name)),
        None => stem(meta.file_name),
    };
    let mut name = base.clone();
    let mut k = 2;
    while conn.query_row(
        "SELECT count(*) FROM ledgers WHERE name = ?",
        [&name],
        |r| r.get::<_, i64>(0),
    )? > 0
    {
        name = format!("{base} ({k})");
        k += 1;
    }
    let mapping: BTreeMap<&str, Vec<&str>> = plan
        .fields
        .iter()
        .map(|(f, idx)| {
            (
                f.as_str(),
                idx.iter().map(|&i| plan.columns[i].name.as_str()).collect(),
            )
        })
        .collect();
    let warnings_json: Vec<String> = warnings.iter().map(|m| m.to_string()).collect();
    conn.execute(
        "INSERT INTO ledgers (id, name, source_file, source_path, sheet, sha256, encoding, role, role_source, \
         table_name, header_line, columns, mapping, row_count, warnings, imported_at) \
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS TIMESTAMP))",
        duckdb::params![
            id,
            name,
            meta.file_name,
            meta.path,
            meta.sheet,
            meta.sha256,
            meta.encoding,
            role.as_str(),
            if meta.role.is_some() { "override" } else { "detected" },
            table,
            header_line as i64,
            serde_json::to_string(&plan.columns).unwrap_or_default(),
            serde_json::to_string(&mapping).unwrap_or_default(),
            tally.stored as i64,
            serde_json::to_string(&warnings_json).unwrap_or_default(),
            chrono::Local::now().format("%Y-%m-%d %H:%M:%S").to_string(),
        ],
    )?;
    crate::audit::append(
        conn,
        "import.ledger",
        serde_json::json!({ "id": id, "name": name, "file": meta.file_name, "sha256": meta.sha256, "role": role.as_str(), "rows": tally.stored }),
    )?;
    super::views::refresh(conn)?;
    Ok(LedgerReport {
        id,
        name,
        role,
        rows: tally.stored,
        warnings,
    })
}

fn stem(file_name: &str) -> String {
    std::path::Path::new(file_name)
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| file_name.to_string())
}
