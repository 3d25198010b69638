//! The Checks screen's findings list: filtered by rule, review state and
//! village, grouped by rule (a header row per rule with its count and amount),
//! sorted within the groups; each row the finding's sentence, cut to fit.

use std::collections::BTreeMap;

use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Constraint, Rect};
use ratatui::style::Color;
use ratatui::text::Line;
use ratatui::widgets::{Block, Cell, Row, StatefulWidget, Table, TableState};
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use super::checks::{review_word, Checks, FindingSort};
use crate::checks::Finding;
use crate::domain::Fen;
use crate::tr;
use crate::tui::widgets::{BOLD, SEL};

/// Which review state the list shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ReviewFilter {
    #[default]
    All,
    /// Not reviewed yet.
    Open,
    Confirmed,
    Dismissed,
}

impl ReviewFilter {
    pub fn next(self) -> ReviewFilter {
        match self {
            ReviewFilter::All => ReviewFilter::Open,
            ReviewFilter::Open => ReviewFilter::Confirmed,
            ReviewFilter::Confirmed => ReviewFilter::Dismissed,
            ReviewFilter::Dismissed => ReviewFilter::All,
        }
    }

    fn admits(self, f: &Finding) -> bool {
        let status = f.review.as_ref().map(|r| r.status.as_str());
        match self {
            ReviewFilter::All => true,
            ReviewFilter::Open => status.is_none(),
            ReviewFilter::Confirmed => status == Some("confirmed"),
            ReviewFilter::Dismissed => status == Some("dismissed"),
        }
    }

    fn word(self) -> Option<String> {
        match self {
            ReviewFilter::All => None,
            ReviewFilter::Open => Some(tr!("checks.review_open")),
            ReviewFilter::Confirmed => Some(tr!("checks.review_confirmed")),
            ReviewFilter::Dismissed => Some(tr!("checks.review_dismissed")),
        }
    }
}

/// What the findings list shows (nothing set: every finding).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FindingFilter {
    /// Only this rule's findings.
    pub rule: Option<String>,
    pub review: ReviewFilter,
    /// Only findings whose evidence rows are in this village.
    pub village: Option<String>,
}

/// One line of the list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ListRow {
    /// A rule's header: its shown findings and their amount.
    Group {
        rule: String,
        count: usize,
        amount: Option<Fen>,
    },
    /// A finding (its index in `Checks::findings`).
    Finding(usize),
}

/// `s` cut to `w` display columns (CJK counts two), with "…" when cut.
pub fn truncate(s: &str, w: usize) -> String {
    let s = s.replace(['\n', '\r'], " ");
    if s.width() <= w {
        return s;
    }
    let mut out = String::new();
    let mut used = 0;
    for c in s.chars() {
        let cw = c.width().unwrap_or(0);
        if used + cw + 1 > w {
            break;
        }
        out.push(c);
        used += cw;
    }
    if w > 0 {
        out.push('…');
    }
    out
}

/// An amount as the list shows it ("—" for none).
fn money(a: Option<Fen>) -> String {
    a.map(|a| a.to_string()).unwrap_or_else(|| "—".into())
}

/// The findings list as shown, worked out from (findings, filter, grouping)
/// when one of them changes (see `Checks::refresh_list`).
#[derive(Debug, Default)]
pub struct ListView {
    lines: Vec<ListRow>,
    /// The shown findings, in list order.
    shown: Vec<usize>,
    /// Finding → its line (`usize::MAX`: not shown).
    line_of: Vec<usize>,
    /// Finding → its place among the shown (`usize::MAX`: not shown).
    pos_of: Vec<usize>,
    /// Whether any shown finding is new, changed.
    changes: [bool; 2],
    /// The widest amount shown, in display columns.
    amount_w: usize,
}

fn fen(f: &Finding) -> i64 {
    f.amount.map(|a| a.fen()).unwrap_or(-1)
}

impl Checks {
    /// The rule's title in the UI language (its id if the rule is unknown).
    pub fn rule_title(&self, rule: &str) -> String {
        self.rules
            .iter()
            .find(|r| r.id == rule)
            .map(|r| r.title.clone())
            .unwrap_or_else(|| rule.to_string())
    }

    fn admits(&self, f: &Finding) -> bool {
        self.filter.rule.as_ref().is_none_or(|r| *r == f.rule)
            && self.filter.review.admits(f)
            && self
                .filter
                .village
                .as_ref()
                .is_none_or(|v| self.villages.get(&f.id) == Some(v))
    }

    /// The shown findings (indices into `findings`, in list order).
    pub fn shown(&self) -> &[usize] {
        &self.list.shown
    }

    /// The list's lines: group headers (when grouped) and findings.
    pub fn list_rows(&self) -> &[ListRow] {
        &self.list.lines
    }

    /// Works out the list again from the findings, the filter and the
    /// grouping (they changed), then keeps the selection on a shown finding.
    /// The list is derived state: built here once, read by every frame and
    /// key (a county case has 100,000s of findings).
    pub(super) fn refresh_list(&mut self) {
        let shown: Vec<usize> = (0..self.findings.len())
            .filter(|&i| self.admits(&self.findings[i]))
            .collect();
        let mut lines = Vec::with_capacity(shown.len() + self.rules.len());
        if self.flat {
            lines.extend(shown.iter().map(|&i| ListRow::Finding(i)));
        } else {
            let mut i = 0;
            while i < shown.len() {
                let rule = &self.findings[shown[i]].rule;
                let n = shown[i..]
                    .iter()
                    .take_while(|&&j| self.findings[j].rule == *rule)
                    .count();
                let amounts: Vec<Fen> = shown[i..i + n]
                    .iter()
                    .filter_map(|&j| self.findings[j].amount)
                    .collect();
                lines.push(ListRow::Group {
                    rule: rule.clone(),
                    count: n,
                    amount: (!amounts.is_empty()).then(|| Fen::sum(amounts)),
                });
                lines.extend(shown[i..i + n].iter().map(|&j| ListRow::Finding(j)));
                i += n;
            }
        }
        let mut line_of = vec![usize::MAX; self.findings.len()];
        let mut pos_of = vec![usize::MAX; self.findings.len()];
        for (at, l) in lines.iter().enumerate() {
            if let ListRow::Finding(i) = l {
                line_of[*i] = at;
            }
        }
        for (at, &i) in shown.iter().enumerate() {
            pos_of[i] = at;
        }
        let mut changes = [false; 2];
        // The widest amounts are the largest and the most negative (a
        // group's sum included): only those are ever formatted.
        let (mut lo, mut hi, mut none) = (None::<Fen>, None::<Fen>, false);
        for &i in &shown {
            let f = &self.findings[i];
            match f.change.as_str() {
                "new" => changes[0] = true,
                "changed" => changes[1] = true,
                _ => {}
            }
            match f.amount {
                Some(a) => {
                    lo = Some(lo.map_or(a, |l| l.min(a)));
                    hi = Some(hi.map_or(a, |h| h.max(a)));
                }
                None => none = true,
            }
        }
        let amount_w = lines
            .iter()
            .filter_map(|l| match l {
                ListRow::Group { amount, .. } => Some(money(*amount).width()),
                ListRow::Finding(_) => None,
            })
            .chain(
                [lo, hi]
                    .into_iter()
                    .flatten()
                    .map(|a| money(Some(a)).width()),
            )
            .chain(none.then_some(1))
            .max()
            .unwrap_or(0);
        self.list = ListView {
            lines,
            shown,
            line_of,
            pos_of,
            changes,
            amount_w,
        };
        if self
            .list
            .pos_of
            .get(self.finding_sel)
            .is_none_or(|&p| p == usize::MAX)
        {
            self.finding_sel = self.list.shown.first().copied().unwrap_or(0);
        }
    }

    /// Whether finding `i` is shown.
    pub fn is_shown(&self, i: usize) -> bool {
        self.list.pos_of.get(i).is_some_and(|&p| p != usize::MAX)
    }

    /// Puts the findings in list order: by group (rule), then by the sort;
    /// the selection stays on its finding.
    pub(super) fn sort_findings(&mut self) {
        let selected = self.findings.get(self.finding_sel).map(|f| f.id.clone());
        self.order(selected);
    }

    /// Puts the findings in list order and selects finding `follow` (else the first shown).
    pub(super) fn order(&mut self, follow: Option<String>) {
        // A rule's rank: its place among the rules, or its total amount.
        let mut rank: BTreeMap<String, (i64, usize)> = BTreeMap::new();
        for f in &self.findings {
            let place = self
                .rules
                .iter()
                .position(|r| r.id == f.rule)
                .unwrap_or(usize::MAX);
            let e = rank.entry(f.rule.clone()).or_insert((0, place));
            e.0 -= f.amount.map(|a| a.fen()).unwrap_or(0);
        }
        let sort = self.sort;
        let grouped = !self.flat;
        let group = |f: &Finding| -> (i64, usize) {
            let (neg_sum, place) = rank.get(&f.rule).copied().unwrap_or((0, usize::MAX));
            match sort {
                FindingSort::Amount => (neg_sum, place),
                _ => (0, place),
            }
        };
        self.findings.sort_by(|a, b| {
            let by_group = if grouped {
                group(a).cmp(&group(b)).then(a.rule.cmp(&b.rule))
            } else {
                std::cmp::Ordering::Equal
            };
            let within = match sort {
                FindingSort::Rule => a.rule.cmp(&b.rule).then(a.subject.key.cmp(&b.subject.key)),
                FindingSort::Amount => fen(b).cmp(&fen(a)).then(a.rule.cmp(&b.rule)),
                FindingSort::Name => a.name.cmp(&b.name).then(a.rule.cmp(&b.rule)),
            };
            by_group.then(within).then(a.id.cmp(&b.id))
        });
        self.finding_sel = follow
            .and_then(|id| self.findings.iter().position(|f| f.id == id))
            .unwrap_or(usize::MAX);
        self.refresh_list();
    }

    /// Moves the selection among the shown findings.
    pub(super) fn move_selection(&mut self, delta: isize) {
        let shown = &self.list.shown;
        if shown.is_empty() {
            return;
        }
        let at = self
            .list
            .pos_of
            .get(self.finding_sel)
            .copied()
            .filter(|&p| p != usize::MAX)
            .unwrap_or(0);
        let to = crate::tui::commands::clamp_move(at, delta, shown.len());
        self.finding_sel = shown[to];
    }

    /// The next value of the rule filter: every rule with findings in turn, then none.
    pub(super) fn next_rule_filter(&self) -> Option<String> {
        let mut rules: Vec<&String> = Vec::new();
        for f in &self.findings {
            if !rules.contains(&&f.rule) {
                rules.push(&f.rule);
            }
        }
        next_of(&rules, self.filter.rule.as_ref())
    }

    /// The next value of the village filter: every village in turn, then none.
    pub(super) fn next_village_filter(&self) -> Option<String> {
        let mut villages: Vec<&String> = self.villages.values().collect();
        villages.sort();
        villages.dedup();
        next_of(&villages, self.filter.village.as_ref())
    }

    pub(super) fn render_findings(&self, area: Rect, buf: &mut Buffer) {
        let lines = &self.list.lines;
        let mark = |f: &Finding| match f.change.as_str() {
            "new" => tr!("checks.mark_new"),
            "changed" => tr!("checks.mark_changed"),
            _ => String::new(),
        };
        // Only as wide as the marks shown (none: no column).
        let mark_w = [("checks.mark_new", 0), ("checks.mark_changed", 1)]
            .into_iter()
            .filter(|&(_, c)| self.list.changes[c])
            .map(|(key, _)| tr!(key).width())
            .max()
            .unwrap_or(0) as u16;
        let review_w = [
            tr!("tui.col_review"),
            tr!("checks.review_confirmed"),
            tr!("checks.review_dismissed"),
        ]
        .iter()
        .map(|s| s.width())
        .max()
        .unwrap_or(4) as u16;
        // As wide as the widest amount shown, or the header.
        let amount_w = self.list.amount_w.max(tr!("checks.col_amount").width()) as u16;
        let inner = area.width.saturating_sub(2);
        let text_w = inner.saturating_sub(mark_w + amount_w + review_w + 3) as usize;
        let header = Row::new(vec![
            Cell::from(""),
            Cell::from(tr!("checks.col_text")),
            Cell::from(Line::from(tr!("checks.col_amount")).alignment(Alignment::Right)),
            Cell::from(tr!("tui.col_review")),
        ])
        .style(BOLD);
        // Only the lines that fit are built (a county case has 100,000s of
        // findings): the window keeps its place until the selection leaves it.
        let height = area.height.saturating_sub(3).max(1) as usize;
        let selected = self
            .list
            .line_of
            .get(self.finding_sel)
            .copied()
            .filter(|&l| l != usize::MAX);
        let mut offset = self
            .list_offset
            .get()
            .min(lines.len().saturating_sub(height));
        if let Some(sel) = selected {
            if sel < offset {
                offset = sel;
            } else if sel >= offset + height {
                offset = sel + 1 - height;
            }
        }
        self.list_offset.set(offset);
        let rows: Vec<Row> = lines
            .iter()
            .skip(offset)
            .take(height)
            .map(|l| match l {
                ListRow::Group {
                    rule,
                    count,
                    amount,
                } => {
                    let title = tr!("checks.group", title = self.rule_title(rule), n = count);
                    Row::new(vec![
                        Cell::from(""),
                        Cell::from(truncate(&title, text_w)),
                        Cell::from(Line::from(money(*amount)).alignment(Alignment::Right)),
                        Cell::from(""),
                    ])
                    .style(BOLD.fg(Color::Cyan))
                }
                ListRow::Finding(i) => {
                    let x = &self.findings[*i];
                    let change = mark(x);
                    let text = if self.flat {
                        format!("{}：{}", self.rule_title(&x.rule), x.text)
                    } else {
                        format!("  {}", x.text)
                    };
                    Row::new(vec![
                        Cell::from(change),
                        Cell::from(truncate(&text, text_w)),
                        Cell::from(Line::from(money(x.amount)).alignment(Alignment::Right)),
                        Cell::from(review_word(x).unwrap_or_default()),
                    ])
                }
            })
            .collect();
        let shown = self.list.shown.len();
        let mut title = format!(
            "{} · {}/{} · {}",
            tr!("checks.findings_header"),
            shown,
            self.findings.len(),
            tr!(self.sort.key())
        );
        let filters: Vec<String> = [
            self.filter.rule.as_deref().map(|r| self.rule_title(r)),
            self.filter.village.clone(),
            self.filter.review.word(),
        ]
        .into_iter()
        .flatten()
        .collect();
        if !filters.is_empty() {
            title.push_str(&format!(
                " · {}",
                tr!("checks.filtered", by = filters.join("，"))
            ));
        }
        let mut st = TableState::default().with_selected(selected.map(|s| s - offset));
        StatefulWidget::render(
            Table::new(
                rows,
                [
                    Constraint::Length(mark_w),
                    Constraint::Fill(1),
                    Constraint::Length(amount_w),
                    Constraint::Length(review_w),
                ],
            )
            .header(header)
            .row_highlight_style(SEL)
            .block(Block::bordered().title(title)),
            area,
            buf,
            &mut st,
        );
    }
}

/// The value after `current` in `all`, then none, then the first again.
fn next_of(all: &[&String], current: Option<&String>) -> Option<String> {
    match current {
        None => all.first().map(|s| s.to_string()),
        Some(c) => all
            .iter()
            .position(|s| *s == c)
            .and_then(|i| all.get(i + 1))
            .map(|s| s.to_string()),
    }
}
