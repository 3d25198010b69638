//! The home screen (概览), the first the workbench shows: the case's title and
//! number, what is in it, the last check run and its open findings by rule,
//! the allegations with their verdicts, and the next steps with their keys —
//! the step that comes next for this case marked. Enter opens a step's screen.
//! The worker sends a fresh overview after every import, check run, review
//! and case change.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Direction, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Block, Paragraph, Widget};

mod parts;

use super::{Component, Ctx};
use crate::casework::{Overview, Step};
use crate::tr;
use crate::tui::action::Action;
use crate::tui::app::Screen;
use crate::tui::commands::{clamp_move, step, ActionSpec};
use crate::tui::effect::Effect;
use crate::tui::job::{JobError, Reply, Request};
use crate::tui::keymap::{Keymap, Section};
use crate::tui::widgets::boxes::{stack, Part};
use crate::tui::widgets::text::clip;

pub const ACTIONS: &[ActionSpec] = &[
    ActionSpec::here(Action::Open).hint("go"),
    ActionSpec::here(Action::Down),
    ActionSpec::here(Action::Up),
    ActionSpec::here(Action::Top),
    ActionSpec::here(Action::Bottom),
];

/// Where a step is done.
fn screen_of(s: Step) -> Screen {
    match s {
        Step::Import => Screen::Import,
        Step::Check | Step::Review => Screen::Checks,
        Step::Link => Screen::Case,
        Step::Export => Screen::Export,
    }
}

/// Wide enough for two columns and a line per rule.
const ROOMY: (u16, u16) = (120, 34);

pub struct Home {
    pub overview: Option<Overview>,
    pub error: Option<JobError>,
    /// The selected step (Enter opens its screen); the next step once loaded.
    pub step_sel: usize,
    keys: Keys,
}

/// The keys the steps name, as the keymap binds them.
struct Keys {
    /// Per step: its screen's key and the key that does it (`2 r`).
    steps: Vec<String>,
    link: String,
    case: String,
    allege: String,
    status: String,
}

impl Home {
    pub fn new(keymap: &Keymap) -> Home {
        let k = |section: Section, a: Action| {
            keymap
                .keys_for(section, a)
                .into_iter()
                .chain(keymap.keys_for(Section::Global, a))
                .next()
                .unwrap_or_default()
        };
        let go = |s: Screen, acts: &[Action]| {
            let keys: Vec<String> = acts.iter().map(|&a| k(s.section(), a)).collect();
            format!(
                "{} {}",
                k(Section::Global, screen_action(s)),
                keys.join("/")
            )
        };
        let link = k(Section::Checks, Action::Link);
        let keys = Keys {
            steps: vec![
                go(Screen::Import, &[Action::ImportPath]),
                go(Screen::Checks, &[Action::RunChecks]),
                go(
                    Screen::Checks,
                    &[Action::ConfirmFinding, Action::DismissFinding],
                ),
                link.clone(),
                go(Screen::Export, &[Action::WriteExport]),
            ],
            link,
            case: k(Section::Global, Action::ScreenCase),
            allege: k(Section::Case, Action::NewAllegation),
            status: k(Section::Case, Action::SetStatus),
        };
        Home {
            overview: None,
            error: None,
            step_sel: 0,
            keys,
        }
    }

    /// The step that comes next for this case (import before anything loaded).
    pub fn next_step(&self) -> Step {
        self.overview
            .as_ref()
            .map(|o| o.next_step())
            .unwrap_or(Step::Import)
    }

    /// The keys of a step: its screen's, then the one that does it.
    pub fn keys_of(&self, s: Step) -> &str {
        let i = Step::ALL.iter().position(|x| *x == s).unwrap_or(0);
        self.keys
            .steps
            .get(i)
            .map(String::as_str)
            .unwrap_or_default()
    }

    /// What a step is for, naming its keys.
    fn help(&self, s: Step) -> String {
        let k = &self.keys;
        match s {
            Step::Link => tr!(
                "tui.home.help.link",
                link = k.link,
                case = k.case,
                allege = k.allege,
                status = k.status
            ),
            s => tr!(&format!("tui.home.help.{}", s.key())),
        }
    }
}

fn screen_action(s: Screen) -> Action {
    match s {
        Screen::Import => Action::ScreenImport,
        Screen::Checks => Action::ScreenChecks,
        Screen::Case => Action::ScreenCase,
        Screen::Export => Action::ScreenExport,
        _ => Action::ScreenHome,
    }
}

impl Component for Home {
    fn section(&self) -> Section {
        Section::Home
    }

    fn actions(&self) -> &'static [ActionSpec] {
        ACTIONS
    }

    fn update(&mut self, a: Action, _ctx: &Ctx) -> Vec<Effect> {
        if let Some(d) = step(a) {
            self.step_sel = clamp_move(self.step_sel, d, Step::ALL.len());
            return Vec::new();
        }
        match a {
            Action::Open => Step::ALL
                .get(self.step_sel)
                .map(|&s| vec![Effect::Goto(screen_of(s))])
                .unwrap_or_default(),
            _ => Vec::new(),
        }
    }

    /// Shown again: read the case afresh (cheap; covers changes made
    /// elsewhere, such as an undo).
    fn on_enter(&mut self) -> Vec<Effect> {
        vec![Effect::Request(Request::LoadOverview)]
    }

    fn on_reply(&mut self, r: &Reply) -> Vec<Effect> {
        match r {
            Reply::Overview(Ok(o)) => {
                self.overview = Some((**o).clone());
                self.error = None;
                let next = o.next_step();
                self.step_sel = Step::ALL.iter().position(|s| *s == next).unwrap_or(0);
                Vec::new()
            }
            Reply::Overview(Err(e)) => {
                self.error = Some(e.clone());
                Vec::new()
            }
            _ => Vec::new(),
        }
    }

    fn render(&self, area: Rect, buf: &mut Buffer) {
        let Some(o) = &self.overview else {
            let text = match &self.error {
                Some(e) => e.to_string(),
                None => tr!("tui.home.loading"),
            };
            Paragraph::new(clip(&text, area.width.saturating_sub(2)))
                .block(Block::bordered().title(tr!("tui.screen.home")))
                .render(area, buf);
            return;
        };
        for (r, parts) in self.columns(o, area) {
            stack(&parts, r, buf);
        }
    }
}

impl Home {
    /// The columns of the screen with their parts: one column, or two when
    /// there is room for a line per rule and per ledger role.
    fn columns(&self, o: &Overview, area: Rect) -> Vec<(Rect, Vec<Part>)> {
        let w = |c: Rect| c.width.saturating_sub(2);
        if area.width >= ROOMY.0 && area.height >= ROOMY.1 {
            let cols = Layout::default()
                .direction(Direction::Horizontal)
                .constraints([Constraint::Percentage(50), Constraint::Percentage(50)])
                .split(area);
            let left = vec![
                self.head(o, w(cols[0]), true),
                self.allegations(o, w(cols[0])),
            ];
            let right = vec![
                self.checks(o, w(cols[1]), true),
                self.steps(w(cols[1]), true),
            ];
            vec![(cols[0], left), (cols[1], right)]
        } else {
            let parts = vec![
                self.head(o, w(area), false),
                self.checks(o, w(area), false),
                self.allegations(o, w(area)),
                self.steps(w(area), false),
            ];
            vec![(area, parts)]
        }
    }

    /// Every line the screen would draw in `area` (titles too), with the
    /// columns it has: each must fit, none cut by its box.
    pub fn lines_with_room(&self, area: Rect) -> Vec<(String, usize)> {
        let Some(o) = &self.overview else {
            return Vec::new();
        };
        let text = |l: &Line| {
            l.spans
                .iter()
                .map(|s| s.content.as_ref())
                .collect::<String>()
        };
        self.columns(o, area)
            .into_iter()
            .flat_map(|(r, parts)| {
                let room = r.width.saturating_sub(2) as usize;
                parts
                    .into_iter()
                    .flat_map(move |p| {
                        std::iter::once(text(&p.title))
                            .chain(p.lines.iter().map(text))
                            .map(move |t| (t, room))
                            .collect::<Vec<_>>()
                    })
                    .collect::<Vec<_>>()
            })
            .collect()
    }
}
