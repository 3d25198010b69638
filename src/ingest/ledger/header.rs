//! Finding the header row among the first rows (and joining a header spread
//! over two rows).

use super::super::error::{Error, Result};
use super::super::fields::Field;
use super::super::source::{Cell, RowSource};
use super::source_error;
use crate::normalise as norm;

/// How many non-blank rows at the top are searched for the header row.
const HEADER_SCAN: usize = 10;

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

/// The header row found among the first rows, and the rows read after it.
#[derive(Debug)]
pub(super) struct Found {
    /// The header's line (or sheet row) in the file.
    pub(super) line: u64,
    pub(super) cells: Vec<Cell>,
    /// Rows read ahead after the header, with their lines.
    pub(super) pending: Vec<(u64, Vec<Cell>)>,
    /// The rows above the header (a bank export's title and account lines).
    pub(super) above: Vec<Vec<Cell>>,
}

/// Reads ahead up to [`HEADER_SCAN`] non-blank rows and picks the header: the
/// first row naming two or more fields, else the first non-blank row (unless
/// it plainly holds data).
pub(super) fn find(src: &mut (dyn RowSource + Send), display: &str) -> Result<Found> {
    let mut cells: Vec<Cell> = Vec::new();
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
        return Err(Error::Empty {
            file: display.to_string(),
        });
    };
    let header_idx = head
        .iter()
        .position(|(_, r)| header_score(r) >= 2)
        .unwrap_or(first_non_blank);
    let mut rest = head.split_off(header_idx);
    let above: Vec<Vec<Cell>> = head.into_iter().map(|(_, r)| r).collect();
    let pending = rest.split_off(1);
    let Some((line, cells)) = rest.pop() else {
        return Err(Error::Empty {
            file: display.to_string(),
        });
    };
    if header_score(&cells) < 2 {
        if let Some(v) = looks_like_data(&cells) {
            return Err(Error::NoHeader {
                file: display.to_string(),
                line,
                value: v,
            });
        }
    }
    let (cells, pending) = join_sub_header(cells, pending);
    if cells.len() > super::super::xlsx::MAX_COLUMNS {
        return Err(Error::TooWide {
            file: display.to_string(),
            columns: cells.len(),
            limit: super::super::xlsx::MAX_COLUMNS,
        });
    }
    Ok(Found {
        line,
        cells,
        pending,
        above,
    })
}

/// The account number and holder a bank export names above its header
/// (`账号：6214…`, `户名：张三`), for statements without those columns.
pub(super) fn statement_preamble(above: &[Vec<Cell>]) -> (Option<String>, Option<String>) {
    let text: String = above
        .iter()
        .flat_map(|r| r.iter().map(|c| c.text().into_owned()))
        .collect::<Vec<_>>()
        .join(" ");
    let text = norm::to_halfwidth(&text);
    let after = |words: &[&str], ok: &dyn Fn(char) -> bool| {
        words.iter().find_map(|w| {
            let at = text.find(w)? + w.len();
            let rest = text[at..].trim_start();
            let rest = rest.strip_prefix(':')?.trim_start();
            let v: String = rest.chars().take_while(|c| ok(*c)).collect();
            (!v.is_empty()).then_some(v)
        })
    };
    let account = after(&["本方账号", "卡号", "账号", "账户"], &|c| {
        c.is_ascii_alphanumeric() || c == '*'
    });
    let holder = after(
        &["户名", "账户名称", "客户名称", "姓名"],
        &|c| !c.is_whitespace() && !matches!(c, ',' | ';' | '，' | '；' | '(' | '（'),
    );
    (account, holder)
}

/// A header spread over two rows: group titles on top (merged across their
/// columns, so only the first holds the text) and sub-titles below, the single
/// columns merged down (blank below). Joined into one row, "补贴金额/标准".
/// The row below is a sub-title row when it holds text only, no data, and every
/// sub-title sits under a group: under a blank top cell with a title to its
/// left, or under a title whose next cell is blank (where the group starts).
fn join_sub_header(
    top: Vec<Cell>,
    mut pending: Vec<(u64, Vec<Cell>)>,
) -> (Vec<Cell>, Vec<(u64, Vec<Cell>)>) {
    let Some((_, sub)) = pending.first() else {
        return (top, pending);
    };
    if sub.iter().all(|c| c.is_blank())
        || !sub.iter().all(|c| matches!(c, Cell::Empty | Cell::Text(_)))
        || looks_like_data(sub).is_some()
    {
        return (top, pending);
    }
    let text = |r: &[Cell], i: usize| -> Option<String> {
        r.get(i)
            .filter(|c| !c.is_blank())
            .and_then(|c| norm::normalise_text(&c.text()))
    };
    let width = top.len().max(sub.len());
    let mut joined = Vec::with_capacity(width);
    let mut group: Option<String> = None;
    let mut under_blank = false;
    for i in 0..width {
        let cell = match (text(&top, i), text(sub, i)) {
            (Some(t), Some(s)) => {
                if i + 1 >= width || text(&top, i + 1).is_some() {
                    return (top, pending);
                }
                let c = Cell::Text(format!("{t}/{s}"));
                group = Some(t);
                c
            }
            (Some(t), None) => {
                group = Some(t.clone());
                Cell::Text(t)
            }
            (None, Some(s)) => {
                let Some(g) = &group else {
                    return (top, pending);
                };
                under_blank = true;
                Cell::Text(format!("{g}/{s}"))
            }
            (None, None) => Cell::Empty,
        };
        joined.push(cell);
    }
    if !under_blank || header_score(&joined) < header_score(&top) {
        return (top, pending);
    }
    pending.remove(0);
    (joined, pending)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::source::SheetSource;

    fn row(cells: &[&str]) -> Vec<Cell> {
        cells
            .iter()
            .map(|c| {
                if c.is_empty() {
                    Cell::Empty
                } else {
                    Cell::Text(c.to_string())
                }
            })
            .collect()
    }

    fn sheet(rows: &[&[&str]]) -> SheetSource {
        SheetSource::new(
            rows.iter()
                .enumerate()
                .map(|(i, r)| (i as u64 + 1, row(r)))
                .collect(),
        )
    }

    #[test]
    fn a_title_row_above_the_header_is_skipped_and_rows_after_it_are_kept() {
        let mut src = sheet(&[
            &["2023年5月发放明细", "", ""],
            &["", "", ""],
            &["姓名", "身份证号", "发放金额"],
            &["张三", "430423195003051233", "100"],
        ]);
        let found = find(&mut src, "a.xlsx").unwrap();
        assert_eq!(found.line, 3);
        assert_eq!(found.cells, row(&["姓名", "身份证号", "发放金额"]));
        assert_eq!(found.pending.len(), 1);
        assert_eq!(found.pending[0].0, 4);
    }

    #[test]
    fn a_header_over_two_rows_is_joined_and_the_sub_title_row_is_not_data() {
        let mut src = sheet(&[
            &["序号", "姓名", "身份证号码", "补贴金额", "", "发放日期"],
            &["", "", "", "标准", "实发", ""],
            &[
                "1",
                "张三",
                "430423195003051233",
                "500",
                "450",
                "2023-05-10",
            ],
        ]);
        let found = find(&mut src, "a.xlsx").unwrap();
        assert_eq!(
            found.cells,
            row(&[
                "序号",
                "姓名",
                "身份证号码",
                "补贴金额/标准",
                "补贴金额/实发",
                "发放日期"
            ])
        );
        assert_eq!(found.pending.len(), 1);
        assert_eq!(found.pending[0].0, 3);
        // A header followed by a text-only data row is left alone.
        let mut plain = sheet(&[
            &["户号", "姓名", "关系", ""],
            &["H001", "张三", "户主", "备注"],
        ]);
        let found = find(&mut plain, "b.csv").unwrap();
        assert_eq!(found.cells, row(&["户号", "姓名", "关系", ""]));
        assert_eq!(found.pending.len(), 1);
    }

    #[test]
    fn data_where_the_header_should_be_and_blank_files_are_refused() {
        let mut src = sheet(&[&["张三", "2023-05-01", "100"]]);
        let e = find(&mut src, "a.csv").unwrap_err();
        assert!(
            matches!(&e, Error::NoHeader { file, line: 1, .. } if file == "a.csv"),
            "{e:?}"
        );
        let mut blank = sheet(&[&["", ""], &[""]]);
        assert!(matches!(
            find(&mut blank, "b.csv"),
            Err(Error::Empty { .. })
        ));
    }
}
