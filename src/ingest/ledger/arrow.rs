//! Arrow column builders for one batch of ledger rows.

use std::sync::Arc;

use duckdb::arrow::array::{
    ArrayRef, BooleanBuilder, Date32Builder, Decimal128Builder, Int32Builder, StringBuilder,
};
use duckdb::arrow::datatypes::{DataType, Field as AField, Schema, SchemaRef};
use duckdb::arrow::record_batch::RecordBatch;

use super::normaliser::Val;
use super::plan::ColType;

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
