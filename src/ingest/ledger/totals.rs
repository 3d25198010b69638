//! Totals rows (合计 / 总计 / 小计 / 本页合计 / 累计): told apart from data rows,
//! kept out of the ledger, and their amounts checked against the data rows
//! above them — exactly, in fen.

use super::super::fields::{Field, Kind};
use super::super::source::Cell;
use super::normaliser::Val;
use super::plan::Plan;

/// What a totals row adds up.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum TotalKind {
    /// 本页合计 / 本页小计: the rows of this page (since the last page total).
    Page,
    /// 小计 / 本月合计: the rows since the last page total or subtotal.
    Sub,
    /// 累计: every row so far.
    Running,
    /// 合计 / 总计: the whole ledger above it (or, when it repeats, the rows
    /// since the previous totals row).
    Grand,
}

const WORDS: &[(&str, TotalKind)] = &[
    ("本页合计", TotalKind::Page),
    ("本页小计", TotalKind::Page),
    ("本页累计", TotalKind::Running),
    ("本月合计", TotalKind::Sub),
    ("小计", TotalKind::Sub),
    ("累计", TotalKind::Running),
    ("总合计", TotalKind::Grand),
    ("全部合计", TotalKind::Grand),
    ("合计金额", TotalKind::Grand),
    ("合计", TotalKind::Grand),
    ("总计", TotalKind::Grand),
    ("共计", TotalKind::Grand),
];

/// The totals word a cell holds: the word alone, or followed by a colon or a
/// bracket (合计：, 合计(元)); spaces inside are ignored (合 计).
fn word_of(c: &Cell) -> Option<TotalKind> {
    let Cell::Text(s) = c else { return None };
    let t: String = s
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{3000}')
        .collect();
    WORDS.iter().find_map(|(w, k)| {
        let rest = t.strip_prefix(w)?;
        let ok =
            rest.is_empty() || rest.starts_with(['：', ':', '(', '（', '[', '【']) || rest == "数";
        ok.then_some(*k)
    })
}

/// Whether a row is a totals row, and which: its name cell, one of its first
/// three cells, or its first two non-blank cells hold a totals word.
pub(super) fn total_kind(row: &[Cell], plan: &Plan) -> Option<TotalKind> {
    if let Some(idx) = plan.fields.get(&Field::Name) {
        if let Some(k) = idx.iter().find_map(|&i| row.get(i).and_then(word_of)) {
            return Some(k);
        }
    }
    row.iter()
        .take(3)
        .chain(row.iter().filter(|c| !c.is_blank()).take(2))
        .find_map(word_of)
}

/// One amount of a totals row that does not add up.
#[derive(Debug, Clone)]
pub(super) struct Mismatch {
    /// The data row number the totals row would have had, and its line.
    pub(super) row: u64,
    pub(super) line: u64,
    /// The totals row's label as written (合计, 本页合计…).
    pub(super) label: String,
    pub(super) field: Field,
    pub(super) stated: i64,
    pub(super) computed: i64,
}

/// The totals rows met so far and the running sums of the money columns.
#[derive(Default)]
pub(super) struct Totals {
    /// How many totals rows, and the first few (data row numbers).
    pub(super) rows: (u64, Vec<u64>),
    /// How many amounts were checked.
    pub(super) checked: u64,
    pub(super) mismatches: (u64, Vec<Mismatch>),
    /// Per money field: (its index in the normalised values, all rows, this
    /// page, this group, since the last totals row), in fen.
    sums: Vec<(Field, usize, [i128; 4])>,
}

const ALL: usize = 0;
const PAGE: usize = 1;
const SUB: usize = 2;
const SINCE: usize = 3;

impl Totals {
    pub(super) fn new(plan: &Plan) -> Totals {
        let mut sums = Vec::new();
        let mut at = 0;
        for &f in plan.fields.keys() {
            if f.kind() == Kind::Money {
                sums.push((f, at, [0; 4]));
            }
            at += plan.out_width(f);
        }
        Totals {
            sums,
            ..Totals::default()
        }
    }

    /// Adds a data row's normalised amounts.
    pub(super) fn add(&mut self, vals: &[Val]) {
        for (_, at, s) in &mut self.sums {
            if let Some(Val::Dec(n)) = vals.get(*at) {
                for x in s.iter_mut() {
                    *x += *n as i128;
                }
            }
        }
    }

    /// Checks a totals row (its normalised values) against the sums, then
    /// resets the sums it closes.
    pub(super) fn close(
        &mut self,
        kind: TotalKind,
        label: &str,
        vals: &[Val],
        row: u64,
        line: u64,
        limit: usize,
    ) {
        let repeated = self.rows.0 > 0;
        self.rows.0 += 1;
        if self.rows.1.len() < limit {
            self.rows.1.push(row);
        }
        for (f, at, s) in &mut self.sums {
            let Some(Val::Dec(stated)) = vals.get(*at) else {
                continue;
            };
            let stated = *stated as i128;
            self.checked += 1;
            let expected = match kind {
                TotalKind::Page => s[PAGE],
                TotalKind::Sub => s[SUB],
                TotalKind::Running => s[ALL],
                TotalKind::Grand => s[ALL],
            };
            // A 合计 that closes each page or group adds up that page or group.
            let ok = stated == expected
                || (repeated && matches!(kind, TotalKind::Grand) && stated == s[SINCE]);
            if !ok {
                self.mismatches.0 += 1;
                if self.mismatches.1.len() < limit {
                    self.mismatches.1.push(Mismatch {
                        row,
                        line,
                        label: label.to_string(),
                        field: *f,
                        stated: clamp(stated),
                        computed: clamp(expected),
                    });
                }
            }
        }
        for (_, _, s) in &mut self.sums {
            match kind {
                TotalKind::Page => {
                    s[PAGE] = 0;
                    s[SUB] = 0;
                }
                TotalKind::Sub => s[SUB] = 0,
                TotalKind::Running => {}
                TotalKind::Grand => {
                    s[PAGE] = 0;
                    s[SUB] = 0;
                }
            }
            s[SINCE] = 0;
        }
    }
}

fn clamp(n: i128) -> i64 {
    n.clamp(i64::MIN as i128, i64::MAX as i128) as i64
}

/// The label of a totals row as written: its first non-blank text cell.
pub(super) fn label_of(row: &[Cell]) -> String {
    row.iter()
        .find_map(|c| match c {
            Cell::Text(s) if word_of(c).is_some() => Some(s.trim().to_string()),
            _ => None,
        })
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

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

    #[test]
    fn totals_rows_are_recognised_by_name_column_or_first_cells() {
        let plan = Plan::new(&row(&["序号", "姓名", "发放金额"]));
        assert_eq!(
            total_kind(&row(&["", "合 计", "300"]), &plan),
            Some(TotalKind::Grand)
        );
        assert_eq!(
            total_kind(&row(&["总计", "", "300"]), &plan),
            Some(TotalKind::Grand)
        );
        assert_eq!(
            total_kind(&row(&["本页合计：", "", "300"]), &plan),
            Some(TotalKind::Page)
        );
        assert_eq!(
            total_kind(&row(&["", "小计(元)", "300"]), &plan),
            Some(TotalKind::Sub)
        );
        assert_eq!(total_kind(&row(&["1", "张三", "100"]), &plan), None);
        // A name that merely starts like a totals word is a name.
        assert_eq!(total_kind(&row(&["2", "合计生", "100"]), &plan), None);
    }

    #[test]
    fn page_totals_add_their_page_and_a_grand_total_the_whole() {
        let plan = Plan::new(&row(&["姓名", "发放金额"]));
        let mut t = Totals::new(&plan);
        let v = |fen: i64| vec![Val::Str("x".into()), Val::Dec(fen)];
        t.add(&v(30000));
        t.add(&v(30050));
        t.close(TotalKind::Page, "本页合计", &v(60050), 3, 5, 8);
        t.add(&v(20000));
        t.close(TotalKind::Page, "本页合计", &v(30000), 5, 7, 8);
        t.close(TotalKind::Grand, "总计", &v(80050), 6, 8, 8);
        assert_eq!(t.rows.0, 3);
        assert_eq!(t.checked, 3);
        assert_eq!(t.mismatches.0, 1);
        let m = &t.mismatches.1[0];
        assert_eq!((m.row, m.stated, m.computed), (5, 30000, 20000));
    }
}
