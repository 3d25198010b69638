//! The plan of a ledger: its original columns named for the table, each mapped
//! field with the columns holding it, and the normalised output columns.

use std::collections::{BTreeMap, HashSet};

use serde::Serialize;

use super::super::fields::{Field, Kind};
use super::super::source::Cell;
use crate::normalise as norm;
pub(super) use crate::store::ledgers::ColumnType as ColType;

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

/// A normalised output column.
pub(super) struct OutCol {
    pub(super) name: String,
    pub(super) ty: ColType,
}

/// The plan for a ledger: columns, mapping and normalised outputs.
pub(super) struct Plan {
    pub(super) columns: Vec<Column>,
    /// Each mapped field with the column indexes holding it (first is primary).
    pub(super) fields: BTreeMap<Field, Vec<usize>>,
    pub(super) out: Vec<OutCol>,
    pub(super) has_month: bool,
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
    pub(super) fn new(header: &[Cell]) -> Plan {
        let mut columns: Vec<Column> = Vec::with_capacity(header.len());
        // Names taken so far (lowercased: DuckDB identifiers are case-insensitive).
        let mut taken: HashSet<String> = HashSet::with_capacity(header.len());
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
        // A bank export without a 交易时间 column often writes the time into
        // the date cell (`2024-01-05 10:22:33`): the cell's text is the time too.
        if !fields.contains_key(&Field::TxTime) {
            if let Some(cols) = fields.get(&Field::TxDate).cloned() {
                fields.insert(Field::TxTime, cols);
            }
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

    /// How many normalised values `f` gives (its output columns).
    pub(super) fn out_width(&self, f: Field) -> usize {
        out_cols(f).len()
    }

    pub(super) fn mapped(&self) -> Vec<Field> {
        self.fields.keys().copied().collect()
    }
}

impl Plan {
    /// The ledger table's columns: `_row` and `_line`, the originals as text,
    /// the normalised outputs, then `_invalid` and `_total`.
    pub(super) fn table_columns(&self) -> Vec<(String, ColType)> {
        let mut cols: Vec<(String, ColType)> = vec![
            ("_row".into(), ColType::Int),
            ("_line".into(), ColType::Int),
        ];
        cols.extend(self.columns.iter().map(|c| (c.name.clone(), ColType::Text)));
        cols.extend(self.out.iter().map(|o| (o.name.clone(), o.ty)));
        cols.push(("_invalid".into(), ColType::Text));
        cols.push(("_total".into(), ColType::Bool));
        cols
    }

    /// The header (as written) of the primary column of `f`; empty if unmapped.
    pub(super) fn header_of(&self, f: Field) -> String {
        self.fields
            .get(&f)
            .and_then(|idx| idx.first())
            .and_then(|&i| self.columns.get(i))
            .map(|c| c.header.clone())
            .unwrap_or_default()
    }
}
