//! Excel workbooks (.xlsx, .xlsm, .xls) via calamine.

use std::path::Path;

use calamine::{open_workbook, open_workbook_auto, Data, Reader, Xlsx};

use super::error::{Error, Result};
use super::normalise::Ymd;
use super::source::Cell;

/// A sheet's name and its rows, each with its 1-based sheet row number.
pub type Sheet = (String, Vec<(u64, Vec<Cell>)>);

/// Largest declared size of one part of an .xlsx package, and of all parts
/// together (zip bombs are refused before anything is inflated).
const MAX_PART: u64 = 512 * 1024 * 1024;
const MAX_TOTAL: u64 = 1024 * 1024 * 1024;
/// Widest sheet we read (Excel's own limit is 16,384 columns).
pub const MAX_COLUMNS: usize = 16_384;
/// Most cells (rows × columns, empty ones included) in one sheet's extent.
const MAX_CELLS: usize = 50_000_000;

fn too_large(display: &str, size: u64, limit: u64) -> Error {
    Error::TooLarge {
        file: display.to_string(),
        size_mb: size / (1024 * 1024),
        limit_mb: limit / (1024 * 1024),
    }
}

/// Refuses a zip package whose parts declare more than the limits.
fn check_package(path: &Path, display: &str) -> Result<()> {
    let Ok(file) = std::fs::File::open(path) else {
        return Ok(());
    };
    // Not a zip: calamine reports it in its own words.
    let Ok(mut zip) = zip::ZipArchive::new(std::io::BufReader::new(file)) else {
        return Ok(());
    };
    let mut total = 0u64;
    for i in 0..zip.len() {
        if let Ok(entry) = zip.by_index_raw(i) {
            let size = entry.size();
            if size > MAX_PART {
                return Err(too_large(display, size, MAX_PART));
            }
            total = total.saturating_add(size);
        }
    }
    if total > MAX_TOTAL {
        return Err(too_large(display, total, MAX_TOTAL));
    }
    Ok(())
}

/// Reads the chosen sheet (or the first non-empty one) into rows of cells,
/// each with its 1-based sheet row number. Returns the sheet's name too.
pub fn read_sheet(path: &Path, display: &str, want: Option<&str>) -> Result<Sheet> {
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    if matches!(ext.as_str(), "xlsx" | "xlsm") {
        check_package(path, display)?;
    }
    // calamine can panic on some damaged workbooks (an out-of-range shared
    // string index): that is a broken file, reported as one.
    crate::error::contain(|| {
        if matches!(ext.as_str(), "xlsx" | "xlsm") {
            read_xlsx(path, display, want)
        } else {
            read_dense(path, display, want)
        }
    })
    .map_err(|detail| broken(display, detail))?
}

fn broken(display: &str, e: impl std::fmt::Display) -> Error {
    Error::ExcelBroken {
        file: display.to_string(),
        detail: e.to_string(),
    }
}

fn empty(display: &str) -> Error {
    Error::Empty {
        file: display.to_string(),
    }
}

/// The sheets to try: the one asked for, or all in order.
fn chosen_sheets(names: Vec<String>, display: &str, want: Option<&str>) -> Result<Vec<String>> {
    match want {
        Some(w) => {
            if !names.iter().any(|n| n == w) {
                return Err(Error::NoSuchSheet {
                    file: display.to_string(),
                    sheet: w.to_string(),
                    sheets: names.join("、"),
                });
            }
            Ok(vec![w.to_string()])
        }
        None => Ok(names),
    }
}

/// .xlsx cell by cell: memory follows the cells present, not the sheet's
/// extent (one cell at XFD1048576 must not allocate the whole grid).
fn read_xlsx(path: &Path, display: &str, want: Option<&str>) -> Result<Sheet> {
    let mut wb: Xlsx<_> = open_workbook(path).map_err(|e| broken(display, e))?;
    for name in chosen_sheets(wb.sheet_names(), display, want)? {
        let mut rows: std::collections::BTreeMap<u32, Vec<Cell>> = Default::default();
        {
            let mut reader = wb
                .worksheet_cells_reader(&name)
                .map_err(|e| broken(display, e))?;
            while let Some(c) = reader.next_cell().map_err(|e| broken(display, e))? {
                let (r, col) = c.get_position();
                let value = Data::from(c.get_value().clone());
                if matches!(value, Data::Empty) {
                    continue;
                }
                let col = col as usize;
                if col >= MAX_COLUMNS {
                    return Err(Error::TooWide {
                        file: display.to_string(),
                        columns: col + 1,
                        limit: MAX_COLUMNS,
                    });
                }
                let row = rows.entry(r).or_default();
                if row.len() <= col {
                    row.resize(col + 1, Cell::Empty);
                }
                row[col] = cell(&value);
            }
        }
        if rows.is_empty() {
            if want.is_some() {
                return Err(empty(display));
            }
            continue;
        }
        // As the dense reader gives them: every row from the first to the last,
        // each as wide as the widest, empty cells included.
        let first = *rows.keys().next().unwrap_or(&0);
        let last = *rows.keys().next_back().unwrap_or(&0);
        let width = rows.values().map(Vec::len).max().unwrap_or(0);
        let height = (last - first) as usize + 1;
        if width.saturating_mul(height) > MAX_CELLS {
            return Err(Error::SheetTooLarge {
                file: display.to_string(),
                rows: height,
                columns: width,
            });
        }
        let mut out = Vec::with_capacity(height);
        let mut present = rows.into_iter().peekable();
        for r in first..=last {
            let mut cells = match present.peek() {
                Some((pr, _)) if *pr == r => present.next().map(|(_, c)| c).unwrap_or_default(),
                _ => Vec::new(),
            };
            cells.resize(width, Cell::Empty);
            out.push((r as u64 + 1, cells));
        }
        return Ok((name, out));
    }
    Err(empty(display))
}

/// .xls and the rest through calamine's dense ranges (bounded by the format).
fn read_dense(path: &Path, display: &str, want: Option<&str>) -> Result<Sheet> {
    let mut wb = open_workbook_auto(path).map_err(|e| broken(display, e))?;
    let chosen = chosen_sheets(wb.sheet_names(), display, want)?;
    for name in chosen {
        let range = wb.worksheet_range(&name).map_err(|e| broken(display, e))?;
        if range.is_empty() || range.used_cells().all(|(_, _, d)| matches!(d, Data::Empty)) {
            if want.is_some() {
                return Err(empty(display));
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
    Err(empty(display))
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
