//! One row's mapped cells into typed, normalised values; invalid cells are
//! noted per field for the warnings.

use std::collections::BTreeMap;

use super::super::fields::{Field, Kind};
use super::super::source::Cell;
use super::plan::Plan;
use super::WARN_LIST;
use crate::normalise::{self as norm, Ymd};

/// Per-field invalid-value bookkeeping for warnings.
#[derive(Default)]
pub(super) struct Invalid {
    pub(super) by_field: BTreeMap<Field, (u64, Vec<u64>)>,
}

impl Invalid {
    pub(super) fn note(&mut self, f: Field, row: u64) {
        let e = self.by_field.entry(f).or_default();
        e.0 += 1;
        if e.1.len() < WARN_LIST {
            e.1.push(row);
        }
    }
}

/// A normalised value, before it goes into an Arrow column.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Val {
    Null,
    Str(String),
    Int(i64),
    Bool(bool),
    Date(Ymd),
    /// A scaled decimal (the column's scale).
    Dec(i64),
}

/// Normalises rows: the mapped fields of a row into typed values.
pub(super) struct Normaliser<'p> {
    plan: &'p Plan,
    pub(super) invalid_fields: Vec<&'static str>,
    pub(super) vals: Vec<Val>,
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
    pub(super) fn new(plan: &'p Plan) -> Self {
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
    pub(super) fn normalise(&mut self, row: &[Cell], row_no: u64, invalid: &mut Invalid) {
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
                            norm::parse_period(&super::super::source::format_number(*x))
                                .map_err(|_| ())
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
