//! The summary as blocks, in the UI language.

use crate::export::Summary;
use crate::tr;

/// One block of the laid-out summary. Cell and paragraph text is single-line.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    Title(String),
    Heading(u8, String),
    Para(String),
    Bullets(Vec<String>),
    Table {
        head: Vec<String>,
        rows: Vec<Vec<String>>,
    },
    /// A drawing (inline SVG) and the same content as list items for the
    /// formats that do not draw.
    Figure {
        svg: String,
        lines: Vec<String>,
    },
}

impl Block {
    /// The block as text: a figure becomes its list.
    pub fn text_only(self) -> Block {
        match self {
            Block::Figure { lines, .. } => Block::Bullets(lines),
            b => b,
        }
    }
}

fn one_line(s: &str) -> String {
    s.split(['\n', '\r'])
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

fn or_dash(s: Option<&str>) -> String {
    match s.map(one_line) {
        Some(v) if !v.is_empty() => v,
        _ => "—".to_string(),
    }
}

/// An allegation's source as written (`letter:举报信.txt`, `finding:F…`), in words.
fn source_label(src: &str) -> String {
    let src = one_line(src);
    let Some((kind, rest)) = src.split_once(':') else {
        return src;
    };
    let label = match kind.trim() {
        "letter" | "transcript" => tr!(&format!("kind.{}", kind.trim())),
        k @ ("finding" | "document" | "row" | "person" | "allegation") => {
            tr!(&format!("tui.item.{k}"))
        }
        "complaint" => tr!("role.complaints"),
        _ => return src,
    };
    format!("{label} {}", rest.trim())
}

/// Lays the summary out as blocks, in the UI language.
pub fn blocks(s: &Summary) -> Vec<Block> {
    let h = &s.header;
    let mut b = vec![Block::Title(tr!(
        "export.title",
        title = one_line(&h.title)
    ))];
    let scope = match &h.scope {
        Some(a) => tr!("export.scope_one", allegation = one_line(a)),
        None => tr!("export.scope_all"),
    };
    b.push(Block::Table {
        head: vec![tr!("export.field"), tr!("export.value")],
        rows: vec![
            vec![tr!("export.case_title"), one_line(&h.title)],
            vec![tr!("export.case_no"), or_dash(h.case_no.as_deref())],
            vec![tr!("export.officer"), or_dash(h.officer.as_deref())],
            vec![tr!("export.as_of"), h.as_of.clone()],
            vec![tr!("export.created_at"), h.created_at.clone()],
            vec![tr!("export.exported_at"), h.exported_at.clone()],
            vec![tr!("export.scope"), scope],
            vec![
                tr!("export.redaction"),
                if h.redacted {
                    tr!("export.redacted")
                } else {
                    tr!("export.not_redacted")
                },
            ],
        ],
    });

    // 一、概况
    let o = &s.overview;
    b.push(Block::Heading(1, tr!("export.h_overview")));
    let statuses = o
        .allegations_by_status
        .iter()
        .map(|c| format!("{} {}", c.label, c.count))
        .collect::<Vec<_>>()
        .join(tr!("export.list_sep").as_str());
    b.push(Block::Bullets(vec![
        tr!(
            "export.ov_documents",
            letters = o.letters,
            transcripts = o.transcripts,
            ledgers = o.ledgers,
            rows = o.ledger_rows
        ),
        if o.allegations == 0 {
            tr!("export.ov_no_allegations")
        } else {
            tr!(
                "export.ov_allegations",
                n = o.allegations,
                statuses = statuses
            )
        },
        tr!(
            "export.ov_findings",
            n = o.findings,
            amount = o.amount,
            confirmed = o.confirmed,
            confirmed_amount = o.confirmed_amount,
            dismissed = o.dismissed,
            unreviewed = o.unreviewed
        ),
    ]));

    // 二、问题线索及核查情况
    b.push(Block::Heading(1, tr!("export.h_allegations")));
    register(s, &mut b);
    if s.allegations.is_empty() {
        b.push(Block::Para(tr!("export.none")));
    }
    for a in &s.allegations {
        b.push(Block::Heading(
            2,
            tr!("export.allegation", id = a.id, title = one_line(&a.title)),
        ));
        let mut items = vec![
            format!("{}：{}", tr!("export.status"), a.status),
            format!("{}：{}", tr!("export.reason"), or_dash(a.reason.as_deref())),
            format!(
                "{}：{}",
                tr!("export.amount_involved"),
                a.amount
                    .as_ref()
                    .map(|x| tr!("export.yuan", amount = x))
                    .unwrap_or_else(|| "—".into())
            ),
        ];
        if let Some(src) = &a.source {
            items.push(format!("{}：{}", tr!("export.source"), source_label(src)));
        }
        if let Some(t) = &a.text {
            items.push(format!("{}：{}", tr!("export.text"), one_line(t)));
        }
        b.push(Block::Bullets(items));
        b.push(Block::Para(tr!("export.catalogue", n = a.evidence.len())));
        if !a.evidence.is_empty() {
            b.push(Block::Table {
                head: vec![
                    tr!("export.col_no"),
                    tr!("export.col_relation"),
                    tr!("export.col_kind"),
                    tr!("export.col_evidence"),
                    tr!("export.col_origin"),
                ],
                rows: a
                    .evidence
                    .iter()
                    .map(|e| {
                        let mut what = one_line(&e.description);
                        if let Some(q) = &e.quote {
                            what = format!("{what}：“{}”", one_line(q));
                        }
                        if e.ocr {
                            what = format!("{what}（{}）", tr!("page.ocr_mark"));
                        }
                        if let Some(n) = &e.note {
                            what = format!("{what}（{}）", one_line(n));
                        }
                        let mut origin = Vec::new();
                        if let Some(f) = &e.file {
                            origin.push(one_line(f));
                        }
                        if let Some(r) = e.row {
                            origin.push(tr!("export.row_no", row = r));
                        }
                        if let Some(p) = e.page {
                            origin.push(tr!("page.no", page = p));
                        }
                        if let Some((a, z)) = e.span {
                            origin.push(tr!("page.span", start = a, end = z));
                        }
                        if let Some(h) = &e.sha256 {
                            origin.push(format!("SHA-256 {h}"));
                        }
                        vec![
                            e.no.clone(),
                            e.relation.clone(),
                            e.kind.clone(),
                            what,
                            if origin.is_empty() {
                                "—".into()
                            } else {
                                origin.join(" · ")
                            },
                        ]
                    })
                    .collect(),
            });
        }
    }

    // 三、大数据比对结果
    b.push(Block::Heading(1, tr!("export.h_checks")));
    if s.runs.is_empty() {
        b.push(Block::Para(tr!("export.no_runs")));
    } else {
        b.push(Block::Heading(2, tr!("export.h_runs")));
        b.push(Block::Table {
            head: vec![
                tr!("export.col_run"),
                tr!("export.col_time"),
                tr!("export.as_of"),
                tr!("export.col_rules"),
                tr!("export.col_findings"),
                tr!("export.col_fingerprint"),
                tr!("export.col_params"),
            ],
            rows: s
                .runs
                .iter()
                .map(|r| {
                    vec![
                        format!("#{}", r.id),
                        r.started_at.clone(),
                        r.as_of.clone(),
                        r.rules.to_string(),
                        r.findings.to_string(),
                        r.fingerprint.clone(),
                        if r.params.is_empty() {
                            tr!("export.default_params")
                        } else {
                            r.params.join("; ")
                        },
                    ]
                })
                .collect(),
        });
    }
    for rule in &s.rules {
        b.push(Block::Heading(
            2,
            tr!(
                "export.rule_heading",
                title = rule.title,
                rule = rule.rule,
                n = rule.count,
                amount = rule.amount,
                confirmed = rule.confirmed_amount
            ),
        ));
        b.push(Block::Table {
            head: vec![
                tr!("export.col_id"),
                tr!("export.col_subject"),
                tr!("export.col_id_number"),
                tr!("export.col_amount"),
                tr!("export.col_review"),
                tr!("export.col_detail"),
            ],
            rows: rule
                .findings
                .iter()
                .map(|f| {
                    let review = match &f.reason {
                        Some(r) => format!("{}：{}", f.review, one_line(r)),
                        None => f.review.clone(),
                    };
                    vec![
                        f.id.clone(),
                        or_dash(Some(&f.subject)),
                        or_dash(f.id_number.as_deref()),
                        or_dash(f.amount.as_deref()),
                        review,
                        one_line(&f.text),
                    ]
                })
                .collect(),
        });
    }

    graphs(s, &mut b);

    // 四、金额合计
    b.push(Block::Heading(1, tr!("export.h_totals")));
    let mut rows: Vec<Vec<String>> = s
        .rules
        .iter()
        .map(|r| {
            vec![
                r.title.clone(),
                r.count.to_string(),
                r.amount.clone(),
                r.confirmed_amount.clone(),
            ]
        })
        .collect();
    rows.push(vec![
        tr!("export.total"),
        s.overview.findings.to_string(),
        s.totals.amount.clone(),
        s.totals.confirmed.clone(),
    ]);
    b.push(Block::Table {
        head: vec![
            tr!("export.col_rule"),
            tr!("export.col_findings"),
            tr!("export.col_total_amount"),
            tr!("export.col_confirmed_amount"),
        ],
        rows,
    });
    b.push(Block::Bullets(vec![
        tr!("export.t_confirmed", amount = s.totals.confirmed),
        tr!("export.t_unreviewed", amount = s.totals.unreviewed),
        tr!("export.t_dismissed", amount = s.totals.dismissed),
    ]));

    // 五、尚待办理事项
    b.push(Block::Heading(1, tr!("export.h_open")));
    let open = &s.open_items;
    if open.unreviewed_findings.is_empty() && open.pending_allegations.is_empty() {
        b.push(Block::Para(tr!("export.nothing_open")));
    }
    if !open.pending_allegations.is_empty() {
        b.push(Block::Para(tr!(
            "export.open_allegations",
            n = open.pending_allegations.len()
        )));
        b.push(Block::Bullets(
            open.pending_allegations
                .iter()
                .map(|a| format!("#{} {}", a.id, one_line(&a.title)))
                .collect(),
        ));
    }
    if !open.unreviewed_findings.is_empty() {
        b.push(Block::Para(tr!(
            "export.open_findings",
            n = open.unreviewed_findings.len()
        )));
        b.push(Block::Bullets(
            open.unreviewed_findings
                .iter()
                .map(|f| {
                    format!(
                        "{} {} {} {}",
                        f.id,
                        f.rule,
                        or_dash(Some(&f.subject)),
                        f.amount
                            .as_ref()
                            .map(|a| tr!("export.yuan", amount = a))
                            .unwrap_or_default()
                    )
                    .trim_end()
                    .to_string()
                })
                .collect(),
        ));
    }

    // 六、审计链
    b.push(Block::Heading(1, tr!("export.h_audit")));
    b.push(Block::Para(tr!(
        "export.audit",
        entries = s.audit.entries,
        hash = s.audit.head_hash
    )));
    b
}

/// The subjects' relationship graphs: drawn in HTML, listed elsewhere.
fn graphs(s: &Summary, b: &mut Vec<Block>) {
    if s.graphs.is_empty() {
        return;
    }
    b.push(Block::Heading(
        2,
        tr!("export.h_graphs", n = s.graphs.len()),
    ));
    b.push(Block::Para(tr!("export.graphs_intro")));
    for g in &s.graphs {
        b.push(Block::Heading(3, one_line(&g.title)));
        b.push(Block::Figure {
            svg: super::svg(g),
            lines: crate::export::graphs::sentences(g)
                .iter()
                .map(|l| one_line(l))
                .collect(),
        });
    }
}

/// The clue register: one row per clue, then every deadline met or missed.
fn register(s: &Summary, b: &mut Vec<Block>) {
    if s.register.is_empty() {
        return;
    }
    b.push(Block::Heading(
        2,
        tr!("export.h_register", n = s.register.len()),
    ));
    b.push(Block::Table {
        head: vec![
            tr!("export.col_clue_no"),
            tr!("export.col_clue"),
            tr!("export.col_source"),
            tr!("export.col_received"),
            tr!("export.col_informant"),
            tr!("export.col_subjects"),
            tr!("export.col_disposition"),
            tr!("export.col_clue_status"),
            tr!("export.col_stages"),
        ],
        rows: s
            .register
            .iter()
            .map(|c| {
                let mut status = c.status.clone();
                if let Some(f) = &c.form {
                    status = format!("{status}，{f}");
                }
                vec![
                    c.number.clone(),
                    one_line(&c.title),
                    c.source.clone(),
                    c.received.clone(),
                    one_line(&c.informant),
                    or_dash(Some(&c.subjects)),
                    or_dash(c.disposition.as_deref()),
                    status,
                    if c.events.is_empty() {
                        "—".into()
                    } else {
                        c.events.join("；")
                    },
                ]
            })
            .collect(),
    });
    let rows: Vec<Vec<String>> = s
        .register
        .iter()
        .flat_map(|c| {
            c.deadlines.iter().map(move |d| {
                vec![
                    c.number.clone(),
                    d.what.clone(),
                    d.due.clone(),
                    or_dash(d.done_on.as_deref()),
                    if d.missed {
                        format!("✗ {}", d.state)
                    } else {
                        d.state.clone()
                    },
                ]
            })
        })
        .collect();
    let missed = s
        .register
        .iter()
        .flat_map(|c| &c.deadlines)
        .filter(|d| d.missed)
        .count();
    b.push(Block::Para(tr!(
        "export.deadlines_para",
        n = rows.len(),
        missed = missed
    )));
    if !rows.is_empty() {
        b.push(Block::Table {
            head: vec![
                tr!("export.col_clue_no"),
                tr!("export.col_deadline"),
                tr!("export.col_due"),
                tr!("export.col_done_on"),
                tr!("export.col_deadline_state"),
            ],
            rows,
        });
    }
}
