//! The home screen's boxes: the case and what is in it, the checks, the
//! allegations, and the steps.

use ratatui::style::{Color, Style};
use ratatui::text::{Line, Span};

use super::Home;
use crate::casework::{Overview, Step};
use crate::tr;
use crate::tui::widgets::boxes::{title, Part};
use crate::tui::widgets::text::{clip, clip_spans, flow, pad, pad_left, width, wrap};
use crate::tui::widgets::{status_style, BOLD, DIM, SEL};

impl Home {
    /// The case and what is in it.
    pub(super) fn head(&self, o: &Overview, w: u16, roomy: bool) -> Part {
        let mut meta = Vec::new();
        if let Some(no) = &o.case_no {
            meta.push(tr!("tui.home.case_no", no = no));
        }
        if let Some(officer) = &o.officer {
            meta.push(tr!("tui.home.officer", name = officer));
        }
        meta.push(tr!("tui.home.as_of", date = &o.as_of));
        let mut lines = flow(None, meta, w);
        let docs: Vec<String> = o
            .documents
            .iter()
            .map(|d| tr!(&format!("tui.home.doc.{}", d.kind), n = d.count))
            .collect();
        lines.extend(flow(Some(tr!("tui.home.documents")), docs, w));
        let total = tr!(
            "tui.home.ledgers",
            n = o.ledger_count(),
            rows = o.row_count()
        );
        let roles = o.ledgers.iter().map(|l| {
            let role = tr!(&format!("role.{}", l.role));
            if l.ledgers > 1 {
                tr!(
                    "tui.home.role_rows_n",
                    role = role,
                    rows = l.rows,
                    n = l.ledgers
                )
            } else {
                tr!("tui.home.role_rows", role = role, rows = l.rows)
            }
        });
        if roomy {
            lines.push(Line::from(clip(&total, w)));
            lines.extend(roles.map(|r| Line::from(clip(&format!("  {r}"), w))));
        } else {
            let mut items = vec![total];
            items.extend(roles);
            lines.extend(flow(None, items, w));
        }
        Part {
            title: title(o.title.clone(), w),
            lines,
            fixed: false,
        }
    }

    /// The last check run and its open findings by rule.
    pub(super) fn checks(&self, o: &Overview, w: u16, roomy: bool) -> Part {
        let head = tr!("tui.screen.checks");
        let Some(run) = &o.run else {
            return Part {
                title: title(head, w),
                lines: vec![Line::styled(clip(&tr!("tui.home.never_run"), w), DIM)],
                fixed: false,
            };
        };
        let mut items = vec![
            tr!("tui.home.run", id = run.id, at = &run.started),
            tr!("tui.home.findings", n = run.findings()),
            tr!("tui.home.open", n = run.open()),
        ];
        if run.confirmed() > 0 {
            items.push(tr!("tui.home.confirmed", n = run.confirmed()));
        }
        if run.dismissed() > 0 {
            items.push(tr!("tui.home.dismissed", n = run.dismissed()));
        }
        if run.stale {
            items.push(tr!("tui.home.stale"));
        }
        let mut lines = flow(None, items, w);
        let open: Vec<_> = run.rules.iter().filter(|r| r.open > 0).collect();
        if roomy {
            let (num, money) = (8u16, 13u16);
            let longest = open.iter().map(|r| width(&r.title)).max().unwrap_or(0) as u16;
            let name_w = w.saturating_sub(2 * num + money).min(longest + 2);
            let row = |a: &str, b: String, c: String, d: String| {
                format!(
                    "{}{}{}{}",
                    pad(a, name_w),
                    pad_left(&b, num),
                    pad_left(&c, num),
                    pad_left(&d, money)
                )
            };
            lines.push(Line::styled(
                clip(
                    &row(
                        &tr!("tui.home.col_rule"),
                        tr!("tui.home.col_open"),
                        tr!("tui.home.col_all"),
                        tr!("tui.home.col_amount"),
                    ),
                    w,
                ),
                BOLD,
            ));
            for r in &open {
                let amount = r.open_amount.map(|a| a.to_string()).unwrap_or("—".into());
                let s = row(
                    &clip(&r.title, name_w.saturating_sub(1)),
                    r.open.to_string(),
                    r.findings.to_string(),
                    amount,
                );
                lines.push(Line::from(clip(&s, w)));
            }
        } else if !open.is_empty() {
            let items = open
                .iter()
                .map(|r| format!("{} {}", r.title, r.open))
                .collect();
            lines.extend(flow(Some(tr!("tui.home.open_by_rule")), items, w));
        }
        Part {
            title: title(head, w),
            lines,
            fixed: false,
        }
    }

    /// The allegations with their verdicts, and the links.
    pub(super) fn allegations(&self, o: &Overview, w: u16) -> Part {
        let head = format!("{} · {}", tr!("tui.allegations"), o.allegations.len());
        let mut lines = Vec::new();
        let (clues, overdue, soon) = o.register;
        if clues > 0 {
            let style = if overdue > 0 {
                ratatui::style::Style::new().fg(ratatui::style::Color::Red)
            } else {
                DIM
            };
            lines.push(Line::styled(
                clip(
                    &tr!(
                        "tui.home.register",
                        n = clues,
                        overdue = overdue,
                        soon = soon
                    ),
                    w,
                ),
                style,
            ));
        }
        if !o.watch.is_empty() {
            let items = o.watch.iter().map(|(t, n)| format!("{t} {n}")).collect();
            let mut watch = flow(Some(tr!("tui.home.watch_new")), items, w);
            for l in &mut watch {
                l.style = ratatui::style::Style::new().fg(ratatui::style::Color::Yellow);
            }
            lines.extend(watch);
        }
        if o.allegations.is_empty() {
            lines.push(Line::styled(clip(&tr!("tui.home.no_allegations"), w), DIM));
        } else {
            let mut items: Vec<String> = o
                .verdicts()
                .into_iter()
                .map(|(s, n)| format!("{} {n}", s.label()))
                .collect();
            items.push(tr!("tui.home.evidence", n = o.evidence_count()));
            if o.cross_links > 0 {
                items.push(tr!("tui.home.cross_links", n = o.cross_links));
            }
            lines.extend(flow(None, items, w));
        }
        for a in &o.allegations {
            let status = format!("[{}] ", a.status.label());
            let tail = format!(
                " · {}{}",
                tr!("tui.evidence_count", n = a.evidence),
                a.amount.map(|m| format!(" · {m}")).unwrap_or_default()
            );
            let id = format!("#{} ", a.id);
            let used = width(&id) + width(&status) + width(&tail);
            let room = (w as usize).saturating_sub(used) as u16;
            let spans = vec![
                Span::raw(id),
                Span::styled(status, status_style(a.status.stored())),
                Span::raw(clip(&a.title, room)),
                Span::styled(tail, DIM),
            ];
            lines.push(clip_spans(spans, w));
        }
        Part {
            title: title(head, w),
            lines,
            fixed: false,
        }
    }

    /// The steps with their keys; the next one marked ▶, the done ones ✓.
    pub(super) fn steps(&self, w: u16, roomy: bool) -> Part {
        let next = self.next_step();
        let n = Step::ALL.iter().position(|s| *s == next).unwrap_or(0);
        let mark = |i: usize| match i.cmp(&n) {
            std::cmp::Ordering::Less => "✓",
            std::cmp::Ordering::Equal => "▶",
            std::cmp::Ordering::Greater => " ",
        };
        let style = |i: usize| {
            if i == self.step_sel {
                SEL
            } else if i == n {
                Style::new().fg(Color::Cyan)
            } else if i < n {
                DIM
            } else {
                Style::new()
            }
        };
        let name = |s: Step| tr!(&format!("tui.home.step.{}", s.key()));
        let mut lines = Vec::new();
        if roomy {
            let name_w = Step::ALL
                .iter()
                .map(|&s| width(&name(s)))
                .max()
                .unwrap_or(0) as u16
                + 2;
            for (i, &s) in Step::ALL.iter().enumerate() {
                let row = format!("{} {}{}", mark(i), pad(&name(s), name_w), self.keys_of(s));
                lines.push(Line::styled(pad(&clip(&row, w), w), style(i)));
                let help = wrap(&self.help(s), w.saturating_sub(4));
                lines.extend(
                    help.into_iter()
                        .map(|l| Line::styled(format!("    {l}"), DIM)),
                );
            }
        } else {
            // The widest of these that fits: `✓ 导入 [4 i] → ▶ 比对 [2 r] → …`.
            let line = |sep: &'static str, gap: &'static str| {
                let mut spans = Vec::new();
                for (i, &s) in Step::ALL.iter().enumerate() {
                    if i > 0 {
                        spans.push(Span::styled(sep, DIM));
                    }
                    let t = format!("{}{gap}{} [{}]", mark(i), name(s), self.keys_of(s));
                    spans.push(Span::styled(t, style(i)));
                }
                Line::from(spans)
            };
            let fits = |l: &Line| l.width() <= w as usize;
            let steps = [line(" → ", " "), line(" → ", ""), line("→", "")]
                .into_iter()
                .find(fits)
                .unwrap_or_else(|| line("→", ""));
            lines.push(clip_spans(steps.spans, w));
            let sel = Step::ALL.get(self.step_sel).copied().unwrap_or(next);
            let about = tr!("tui.home.about", step = name(sel), help = self.help(sel));
            lines.push(Line::styled(clip(&about, w), DIM));
        }
        let enter = tr!("tui.home.steps");
        Part {
            title: title(enter, w),
            lines,
            fixed: true,
        }
    }
}
