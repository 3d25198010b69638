//! The clue register's forms: a new clue, a stage event, a person complained
//! about. Each field is a text field or a choice (↑/↓ picks); Tab moves on,
//! Enter saves. The form checks nothing the core does not check again.

use crossterm::event::KeyEvent;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Direction, Layout, Rect};
use ratatui::style::{Color, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Widget};
use tui_textarea::TextArea;

use crate::domain::{
    ClueSource, Disposition, EventKind, EvidenceType, Original, Outcome, Sanction,
};
use crate::register::{ClueInput, EventInput};
use crate::tr;
use crate::tui::action::Action;
use crate::tui::commands::ActionSpec;
use crate::tui::effect::Effect;
use crate::tui::job::Request;
use crate::tui::widgets::{self, centered, text_of, DIM};

pub const ACTIONS: &[ActionSpec] = &[
    ActionSpec::here(Action::NextField),
    ActionSpec::here(Action::Complete),
    ActionSpec::here(Action::Submit),
    ActionSpec::here(Action::Down),
    ActionSpec::here(Action::Up),
];

/// One field of a form.
#[derive(Debug)]
pub enum Input {
    Text(Box<TextArea<'static>>),
    /// (code, label) options, the chosen one; code "" is "none".
    Choice(Vec<(String, String)>, usize),
}

#[derive(Debug)]
pub struct Field {
    pub key: &'static str,
    pub label: String,
    pub input: Input,
}

impl Field {
    fn text(key: &'static str, value: &str) -> Field {
        Field {
            key,
            label: tr!(&format!("tui.form.{key}")),
            input: Input::Text(Box::new(widgets::textarea_with(value))),
        }
    }

    fn choice(key: &'static str, options: Vec<(String, String)>, none: bool) -> Field {
        let mut options = options;
        if none {
            options.insert(0, (String::new(), "—".into()));
        }
        Field {
            key,
            label: tr!(&format!("tui.form.{key}")),
            input: Input::Choice(options, 0),
        }
    }

    /// Chooses the option with code `code` (when there is one).
    fn select(&mut self, code: &str) {
        if let Input::Choice(o, i) = &mut self.input {
            if let Some(at) = o.iter().position(|(c, _)| c == code) {
                *i = at;
            }
        }
    }

    fn value(&self) -> Option<String> {
        let v = match &self.input {
            Input::Text(t) => text_of(t).trim().to_string(),
            Input::Choice(o, i) => o.get(*i).map(|(c, _)| c.clone()).unwrap_or_default(),
        };
        (!v.is_empty()).then_some(v)
    }
}

/// What the form makes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    NewClue,
    Event {
        clue: i64,
    },
    Subject {
        clue: i64,
    },
    /// The kind, original/copy and proof of catalogue entry (link) `link`.
    Evidence {
        link: i64,
    },
}

#[derive(Debug)]
pub struct Form {
    pub purpose: Purpose,
    /// Shown in the title: the clue's number.
    pub about: String,
    pub fields: Vec<Field>,
    pub at: usize,
}

fn options<T: Copy>(
    all: &[T],
    code: fn(T) -> &'static str,
    label: fn(T) -> String,
) -> Vec<(String, String)> {
    all.iter()
        .map(|v| (code(*v).to_string(), label(*v)))
        .collect()
}

impl Form {
    /// A new clue, received on `date` unless changed.
    pub fn new_clue(date: &str) -> Form {
        Form {
            purpose: Purpose::NewClue,
            about: String::new(),
            fields: vec![
                Field::text("title", ""),
                Field::text("received", date),
                Field::text("subject", ""),
                Field::text("post", ""),
                Field::choice(
                    "source",
                    options(ClueSource::ALL, ClueSource::code, ClueSource::label),
                    false,
                ),
                Field::choice(
                    "real_name",
                    vec![
                        ("no".into(), tr!("register.show_anonymous")),
                        ("yes".into(), tr!("tui.form.real_name_yes")),
                    ],
                    false,
                ),
                Field::text("informant", ""),
                Field::text("officer", ""),
            ],
            at: 0,
        }
    }

    /// A stage event of clue `clue` (numbered `number`), dated `date` unless changed.
    pub fn event(clue: i64, number: &str, date: &str) -> Form {
        Form {
            purpose: Purpose::Event { clue },
            about: number.to_string(),
            fields: vec![
                Field::choice(
                    "event",
                    options(EventKind::ALL, EventKind::code, EventKind::label),
                    false,
                ),
                Field::text("date", date),
                Field::choice(
                    "disposition",
                    options(Disposition::ALL, Disposition::code, Disposition::label),
                    true,
                ),
                Field::choice(
                    "outcome",
                    options(Outcome::ALL, Outcome::code, Outcome::label),
                    true,
                ),
                Field::choice(
                    "sanction",
                    options(Sanction::ALL, Sanction::code, Sanction::label),
                    true,
                ),
                Field::text("note", ""),
            ],
            at: 0,
        }
    }

    /// A person complained about in clue `clue`.
    pub fn subject(clue: i64, number: &str) -> Form {
        Form {
            purpose: Purpose::Subject { clue },
            about: number.to_string(),
            fields: vec![
                Field::text("name", ""),
                Field::text("id_number", ""),
                Field::text("post", ""),
            ],
            at: 0,
        }
    }

    /// The kind of evidence, original or copy, and what it proves, of one
    /// catalogue entry; filled with what it has (the suggested kind too).
    pub fn evidence(e: &crate::case::CatalogueEntry) -> Form {
        let mut kind = Field::choice(
            "evidence_type",
            options(&EvidenceType::ALL, EvidenceType::code, EvidenceType::label),
            false,
        );
        kind.select(e.evidence_type.map(EvidenceType::code).unwrap_or_default());
        let mut original = Field::choice(
            "original",
            options(
                &[Original::Original, Original::Copy],
                Original::code,
                Original::label,
            ),
            true,
        );
        original.select(e.original.map(Original::code).unwrap_or_default());
        Form {
            purpose: Purpose::Evidence { link: e.link },
            about: format!("{} {}", e.no, e.label),
            fields: vec![
                kind,
                original,
                Field::text("proves", e.proves.as_deref().unwrap_or_default()),
            ],
            at: 0,
        }
    }

    fn get(&self, key: &str) -> Option<String> {
        self.fields
            .iter()
            .find(|f| f.key == key)
            .and_then(Field::value)
    }

    pub fn update(&mut self, a: Action) -> Vec<Effect> {
        let n = self.fields.len();
        match a {
            Action::NextField | Action::Complete => {
                self.at = (self.at + 1) % n;
                Vec::new()
            }
            Action::Down | Action::Up => {
                if let Some(Field {
                    input: Input::Choice(o, i),
                    ..
                }) = self.fields.get_mut(self.at)
                {
                    let len = o.len().max(1);
                    *i = if a == Action::Down {
                        (*i + 1) % len
                    } else {
                        (*i + len - 1) % len
                    };
                } else if a == Action::Down {
                    self.at = (self.at + 1) % n;
                } else {
                    self.at = (self.at + n - 1) % n;
                }
                Vec::new()
            }
            Action::Submit => match self.request() {
                Ok(r) => vec![Effect::Request(r), Effect::Close],
                Err(key) => vec![Effect::say(key)],
            },
            _ => Vec::new(),
        }
    }

    fn request(&self) -> Result<Request, &'static str> {
        match self.purpose {
            Purpose::NewClue => {
                let title = self.get("title").ok_or("casework.title_required")?;
                Ok(Request::NewClue {
                    input: ClueInput {
                        title: Some(title),
                        received: self.get("received").unwrap_or_default(),
                        subject: self.get("subject"),
                        post: self.get("post"),
                        source: self.get("source"),
                        real_name: self.get("real_name").as_deref() == Some("yes"),
                        informant: self.get("informant"),
                        officer: self.get("officer"),
                        ..ClueInput::default()
                    },
                })
            }
            Purpose::Event { clue } => Ok(Request::ClueEvent {
                clue,
                input: EventInput {
                    event: self.get("event").unwrap_or_default(),
                    date: self.get("date").unwrap_or_default(),
                    disposition: self.get("disposition"),
                    outcome: self.get("outcome"),
                    sanction: self.get("sanction"),
                    note: self.get("note"),
                },
            }),
            Purpose::Evidence { link } => Ok(Request::SetEvidence {
                link,
                evidence_type: self.get("evidence_type"),
                original: self.get("original"),
                proves: self.get("proves"),
            }),
            Purpose::Subject { clue } => Ok(Request::ClueSubject {
                clue,
                name: self.get("name").ok_or("register.subject_required")?,
                id_number: self.get("id_number"),
                post: self.get("post"),
            }),
        }
    }

    pub fn input(&mut self, key: KeyEvent) {
        if let Some(Field {
            input: Input::Text(t),
            ..
        }) = self.fields.get_mut(self.at)
        {
            t.input(key);
        }
    }

    pub fn render(&self, area: Rect, buf: &mut Buffer) {
        let h = self.fields.len() as u16 * 3 + 3;
        let r = centered(area, 72, h);
        widgets::clear(r, buf);
        let title = match self.purpose {
            Purpose::NewClue => tr!("tui.form.new_clue"),
            Purpose::Event { .. } => tr!("tui.form.new_event", number = self.about),
            Purpose::Subject { .. } => tr!("tui.form.new_subject", number = self.about),
            Purpose::Evidence { .. } => tr!("tui.form.set_evidence", item = self.about),
        };
        let outer = Block::bordered().title(title);
        let inner = outer.inner(r);
        outer.render(r, buf);
        let mut constraints: Vec<Constraint> =
            self.fields.iter().map(|_| Constraint::Length(3)).collect();
        constraints.push(Constraint::Min(0));
        let rows = Layout::default()
            .direction(Direction::Vertical)
            .constraints(constraints)
            .split(inner);
        for (i, f) in self.fields.iter().enumerate() {
            let active = i == self.at;
            match &f.input {
                Input::Text(t) => widgets::field(rows[i], buf, t, f.label.clone(), active),
                Input::Choice(o, sel) => {
                    let chosen = o.get(*sel).map(|(_, l)| l.clone()).unwrap_or_default();
                    let hint = if active {
                        tr!("tui.form.choose")
                    } else {
                        String::new()
                    };
                    let mut b = Block::bordered().title(f.label.clone());
                    if active {
                        b = b.border_style(Style::new().fg(Color::Cyan));
                    }
                    Paragraph::new(Line::from(vec![
                        Span::raw(format!("‹ {chosen} ›")),
                        Span::styled(format!("  {hint}"), DIM),
                    ]))
                    .block(b)
                    .render(rows[i], buf);
                }
            }
        }
    }
}
