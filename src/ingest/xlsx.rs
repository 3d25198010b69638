//! Excel workbooks (.xlsx, .xlsm, .xls) via calamine.

use std::path::Path;

use calamine::{open_workbook_auto, Data, Reader};

use super::normalise::Ymd;
use super::source::Cell;
use crate::error::{Error, Msg, Result};

/// Reads the chosen sheet (or the first non-empty one) into rows of cells,
/// each with its 1-based sheet row number. Returns the sheet's name too.
pub fn read_sheet(
    path: &Path,
    display: &str,
    want: Option<&str>,
) -> Result<(String, Vec<(u64, Vec<Cell>)>)> {
    let mut wb = open_workbook_auto(path).map_err(|e| {
        Error::from(
            Msg::new("import.excel_broken")
                .arg("file", display)
                .arg("detail", e),
        )
    })?;
    let names = wb.sheet_names();
    let chosen: Vec<String> = match want {
        Some(w) => {
            if !names.iter().any(|n| n == w) {
                return Err(Msg::new("import.no_such_sheet")
                    .arg("file", display)
                    .arg("sheet", w)
                    .arg("sheets", names.join("、"))
                    .into());
            }
            vec![w.to_string()]
        }
        None => names.clone(),
    };
    for name in chosen {
        let range = wb.worksheet_range(&name).map_err(|e| {
            Error::from(
                Msg::new("import.excel_broken")
                    .arg("file", display)
                    .arg("detail", e),
            )
        })?;
        if range.is_empty() || range.used_cells().all(|(_, _, d)| matches!(d, Data::Empty)) {
            if want.is_some() {
                return Err(Msg::new("import.empty").arg("file", display).into());
            }
            continue;
        }
        let first_row = range.start().map(|(r, _)| r as u64).unwrap_or(0);
        let first_col = range.start().map(|(_, c)| c as usize).unwrap_or(0);
        let mut rows = Vec::with_capacity(range.height());
        for (i, row) in range.rows().enumerate() {
            let mut cells: Vec<Cell> = Vec::with_capacity(first_col + row.len());
            // Keep column positions as in the sheet (leading empty columns).
            cells.extend(std::iter::repeat_n(Cell::Empty, first_col));
            cells.extend(row.iter().map(cell));
            rows.push((first_row + i as u64 + 1, cells));
        }
        return Ok((name, rows));
    }
    Err(Msg::new("import.empty").arg("file", display).into())
}

fn cell(d: &Data) -> Cell {
    match d {
        Data::Empty => Cell::Empty,
        Data::String(s) => Cell::Text(s.clone()),
        // Whole numbers (ID numbers, card numbers) keep every digit as text.
        Data::Int(i) => Cell::Text(i.to_string()),
        Data::Float(f) => Cell::Number(*f),
        Data::Bool(b) => Cell::Bool(*b),
        Data::DateTime(dt) if dt.is_datetime() => {
            let (y, m, d, hh, mm, ss, _) = dt.to_ymd_hms_milli();
            match Ymd::new(y as i32, m as u32, d as u32) {
                Some(ymd) => {
                    let text = if (hh, mm, ss) == (0, 0, 0) {
                        ymd.to_string()
                    } else {
                        format!("{ymd} {hh:02}:{mm:02}:{ss:02}")
                    };
                    Cell::Date(ymd, text)
                }
                None => Cell::Number(dt.as_f64()),
            }
        }
        Data::DateTime(dt) => Cell::Number(dt.as_f64()),
        Data::DateTimeIso(s) | Data::DurationIso(s) => Cell::Text(s.clone()),
        Data::Error(e) => Cell::Text(format!("#{e:?}")),
    }
}
