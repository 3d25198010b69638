//! Workbooks via calamine: .xlsx/.xlsm, .xlsb, .xls (BIFF5 and BIFF8, and WPS
//! .et, which is the same compound file), .ods. The format is told from the
//! content, not the extension (systems name their exports freely).

use std::io::{BufReader, Read, Seek};
use std::path::Path;

use calamine::{open_workbook, open_workbook_auto, Data, Ods, Reader, Xls, Xlsb, Xlsx};

use super::error::{Error, Result};
use super::normalise::Ymd;
use super::source::Cell;

/// Rows of cells, each with its 1-based sheet row number.
pub type Rows = Vec<(u64, Vec<Cell>)>;

/// A sheet's name and its rows.
pub type Sheet = (String, Rows);

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

/// A workbook format, from the file's first bytes (and, for a zip, its parts).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Xlsx,
    Xlsb,
    /// A compound file: .xls (BIFF5/BIFF8) or WPS .et.
    Xls,
    Ods,
}

impl Format {
    /// The label recorded as the ledger's "encoding".
    pub fn label(self) -> &'static str {
        match self {
            Format::Xlsx => "XLSX",
            Format::Xlsb => "XLSB",
            Format::Xls => "XLS",
            Format::Ods => "ODS",
        }
    }
}

/// The workbook format of a file, told from its content; `None` when it is
/// neither a zip nor a compound file (calamine then goes by the extension).
pub fn sniff(path: &Path) -> Option<Format> {
    let mut f = std::fs::File::open(path).ok()?;
    let mut magic = [0u8; 8];
    f.read_exact(&mut magic).ok()?;
    if magic == [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] {
        return Some(Format::Xls);
    }
    if &magic[..4] != b"PK\x03\x04" {
        return None;
    }
    f.rewind().ok()?;
    let zip = zip::ZipArchive::new(BufReader::new(f)).ok()?;
    let has = |name: &str| zip.file_names().any(|n| n.eq_ignore_ascii_case(name));
    Some(if has("xl/workbook.bin") {
        Format::Xlsb
    } else if has("content.xml") && !has("xl/workbook.xml") {
        Format::Ods
    } else {
        Format::Xlsx
    })
}

/// Reads the chosen sheet (or the first non-empty one) into rows of cells,
/// each with its 1-based sheet row number. Returns the sheet's name too, and
/// the format's label.
pub fn read_sheet(path: &Path, display: &str, want: Option<&str>) -> Result<(Sheet, &'static str)> {
    let format = sniff(path);
    if matches!(format, Some(Format::Xlsx | Format::Xlsb | Format::Ods)) {
        check_package(path, display)?;
    }
    let label = format.map(Format::label).unwrap_or("XLS");
    // calamine can panic on some damaged workbooks (an out-of-range shared
    // string index): that is a broken file, reported as one.
    let sheet = crate::error::contain(|| match format {
        Some(Format::Xlsx) => read_xlsx(path, display, want),
        Some(Format::Xlsb) => read_xlsb(path, display, want),
        Some(Format::Xls) => {
            let wb: Xls<_> = open_workbook(path).map_err(|e| broken(display, e))?;
            read_dense(wb, display, want)
        }
        Some(Format::Ods) => {
            let wb: Ods<_> = open_workbook(path).map_err(|e| broken(display, e))?;
            read_dense(wb, display, want)
        }
        None => {
            let wb = open_workbook_auto(path).map_err(|e| broken(display, e))?;
            read_dense(wb, display, want)
        }
    })
    .map_err(|detail| broken(display, detail))??;
    Ok((sheet, label))
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
        let mut reader = wb
            .worksheet_cells_reader(&name)
            .map_err(|e| broken(display, e))?;
        let rows = sparse_rows(display, || {
            Ok(reader
                .next_cell()
                .map_err(|e| broken(display, e))?
                .map(|c| (c.get_position(), Data::from(c.get_value().clone()))))
        })?;
        match rows {
            Some(rows) => return Ok((name, rows)),
            None if want.is_some() => return Err(empty(display)),
            None => {}
        }
    }
    Err(empty(display))
}

/// .xlsb cell by cell, as .xlsx.
fn read_xlsb(path: &Path, display: &str, want: Option<&str>) -> Result<Sheet> {
    let mut wb: Xlsb<_> = open_workbook(path).map_err(|e| broken(display, e))?;
    for name in chosen_sheets(wb.sheet_names(), display, want)? {
        let mut reader = wb
            .worksheet_cells_reader(&name)
            .map_err(|e| broken(display, e))?;
        let rows = sparse_rows(display, || {
            Ok(reader
                .next_cell()
                .map_err(|e| broken(display, e))?
                .map(|c| (c.get_position(), Data::from(c.get_value().clone()))))
        })?;
        match rows {
            Some(rows) => return Ok((name, rows)),
            None if want.is_some() => return Err(empty(display)),
            None => {}
        }
    }
    Err(empty(display))
}

/// Rows from cells given one by one (row, column, value), as the dense reader
/// gives them: every row from the first to the last, each as wide as the
/// widest, empty cells included. `None` when the sheet has no cell.
fn sparse_rows(
    display: &str,
    mut next: impl FnMut() -> Result<Option<((u32, u32), Data)>>,
) -> Result<Option<Rows>> {
    let mut rows: std::collections::BTreeMap<u32, Vec<Cell>> = Default::default();
    while let Some(((r, col), value)) = next()? {
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
    if rows.is_empty() {
        return Ok(None);
    }
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
    Ok(Some(out))
}

/// .xls and .ods through calamine's dense ranges (bounded by the format).
fn read_dense<RS, R>(mut wb: R, display: &str, want: Option<&str>) -> Result<Sheet>
where
    RS: Read + Seek,
    R: Reader<RS>,
    R::Error: std::fmt::Display,
{
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
        if first_col.saturating_add(range.width()) > MAX_COLUMNS {
            return Err(Error::TooWide {
                file: display.to_string(),
                columns: first_col + range.width(),
                limit: MAX_COLUMNS,
            });
        }
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
