//! The Case screen is the clue register (问题线索台账): clues most urgent
//! first under a 到期预警 strip, filtered by deadline state, disposition and
//! officer; the selected clue's deadlines, timeline, problems raised and the
//! selected problem's evidence catalogue. Drawing is in `register_view`.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::{Component, Ctx};
use crate::casework::{Allegation, NotesByItem};
use crate::domain::Disposition;
use crate::register::{Clue, DeadlineState, Filter, Register};
use crate::tui::action::Action;
use crate::tui::commands::{clamp_move, step, ActionSpec};
use crate::tui::effect::Effect;
use crate::tui::job::{Done, Reply, Request};
use crate::tui::keymap::Section;
use crate::tui::overlays::editors::{NoteEditor, StatusEditor};
use crate::tui::overlays::form::Form;
use crate::tui::overlays::Overlay;

pub const ACTIONS: &[ActionSpec] = &[
    ActionSpec::anywhere(Action::NewAllegation).hint("allege"),
    ActionSpec::here(Action::NewClue).hint("new_clue"),
    ActionSpec::here(Action::AddEvent).hint("add_event"),
    ActionSpec::here(Action::AddSubject),
    ActionSpec::here(Action::ShowPerson),
    ActionSpec::here(Action::Documents).hint("docs"),
    ActionSpec::here(Action::EvidenceType),
    ActionSpec::anywhere(Action::SetStatus).hint("status"),
    ActionSpec::anywhere(Action::AddNote).hint("note"),
    ActionSpec::anywhere(Action::Unlink).hint("unlink"),
    ActionSpec::here(Action::FilterState),
    ActionSpec::here(Action::FilterDisposition),
    ActionSpec::here(Action::FilterOfficer),
    ActionSpec::here(Action::ToggleStats),
    ActionSpec::here(Action::Open),
    ActionSpec::here(Action::Cancel),
    ActionSpec::here(Action::Down),
    ActionSpec::here(Action::Up),
    ActionSpec::here(Action::PageDown),
    ActionSpec::here(Action::PageUp),
    ActionSpec::here(Action::Top),
    ActionSpec::here(Action::Bottom),
];

/// Which pane has the keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Focus {
    #[default]
    Clues,
    Problems,
    Evidence,
}

#[derive(Default)]
pub struct Case {
    /// Every allegation (problem raised) in the case, for the link picker.
    pub allegations: Vec<Allegation>,
    /// Every note in the case, by (kind, reference).
    pub notes: NotesByItem,
    pub register: Register,
    pub filter: Filter,
    /// The selected clue, in the filtered list.
    pub clue_sel: usize,
    /// The selected problem of that clue.
    pub problem_sel: usize,
    /// The selected catalogue entry when the evidence pane has the keys.
    pub evidence_sel: Option<usize>,
    pub focus: Focus,
    /// The statistics replace the clue's detail.
    pub stats: bool,
    /// An allegation just created, to select once the register reloads.
    pending: Option<i64>,
}

const STATES: [Option<DeadlineState>; 5] = [
    None,
    Some(DeadlineState::Overdue),
    Some(DeadlineState::DueSoon),
    Some(DeadlineState::Open),
    Some(DeadlineState::Done),
];

impl Case {
    /// The clues the filter keeps, most urgent first.
    pub fn visible(&self) -> Vec<&Clue> {
        self.register
            .clues
            .iter()
            .filter(|c| self.filter.keeps(c))
            .collect()
    }

    pub fn selected_clue(&self) -> Option<&Clue> {
        self.visible().get(self.clue_sel).copied()
    }

    pub fn selected_allegation(&self) -> Option<&Allegation> {
        self.selected_clue()?.problems.get(self.problem_sel)
    }

    /// The selected problem's place among all allegations (the link picker's default).
    pub fn allegation_index(&self) -> usize {
        self.selected_allegation()
            .and_then(|s| self.allegations.iter().position(|a| a.id == s.id))
            .unwrap_or(0)
    }

    fn evidence_count(&self) -> usize {
        self.selected_allegation()
            .map(|a| a.evidence.len())
            .unwrap_or(0)
    }

    fn problem_count(&self) -> usize {
        self.selected_clue().map(|c| c.problems.len()).unwrap_or(0)
    }

    /// The note target: the selected evidence item, else the problem.
    fn note_target(&self) -> Option<(String, String)> {
        let a = self.selected_allegation()?;
        match self.evidence_sel.and_then(|i| a.evidence.get(i)) {
            Some(e) => Some((
                format!("{}:{}", e.kind, e.reference),
                format!("{} {}", e.no, e.label),
            )),
            None => Some((
                format!("allegation:{}", a.id),
                format!("#{} {}", a.id, a.title),
            )),
        }
    }

    fn clamp(&mut self) {
        let n = self.visible().len();
        self.clue_sel = self.clue_sel.min(n.saturating_sub(1));
        self.problem_sel = self.problem_sel.min(self.problem_count().saturating_sub(1));
        let e = self.evidence_count();
        self.evidence_sel = match self.evidence_sel {
            Some(_) if e == 0 => None,
            Some(i) => Some(i.min(e - 1)),
            None => None,
        };
        if self.evidence_sel.is_none() && self.focus == Focus::Evidence {
            self.focus = Focus::Problems;
        }
        if self.problem_count() == 0 {
            self.focus = Focus::Clues;
        }
    }

    /// Selects the clue and problem holding allegation `id`.
    fn select_allegation(&mut self, id: i64) {
        let found = self.visible().iter().enumerate().find_map(|(ci, c)| {
            c.problems
                .iter()
                .position(|p| p.id == id)
                .map(|pi| (ci, pi))
        });
        if found.is_none() && !self.filter.is_empty() {
            self.filter = Filter::default();
            return self.select_allegation(id);
        }
        if let Some((ci, pi)) = found {
            self.clue_sel = ci;
            self.problem_sel = pi;
            self.focus = Focus::Problems;
            self.evidence_sel = None;
        }
    }

    fn cycle_filter(&mut self, a: Action) {
        match a {
            Action::FilterState => {
                let i = STATES
                    .iter()
                    .position(|s| *s == self.filter.state)
                    .unwrap_or(0);
                self.filter.state = STATES[(i + 1) % STATES.len()];
            }
            Action::FilterDisposition => {
                let all: Vec<Option<Disposition>> = std::iter::once(None)
                    .chain(Disposition::ALL.iter().copied().map(Some))
                    .collect();
                let i = all
                    .iter()
                    .position(|d| *d == self.filter.disposition)
                    .unwrap_or(0);
                self.filter.disposition = all[(i + 1) % all.len()];
            }
            _ => {
                let mut officers: Vec<String> = self
                    .register
                    .clues
                    .iter()
                    .filter_map(|c| c.officer.clone())
                    .collect();
                officers.sort();
                officers.dedup();
                let all: Vec<Option<String>> = std::iter::once(None)
                    .chain(officers.into_iter().map(Some))
                    .collect();
                let i = all
                    .iter()
                    .position(|o| *o == self.filter.officer)
                    .unwrap_or(0);
                self.filter.officer = all[(i + 1) % all.len()].clone();
            }
        }
        self.clue_sel = 0;
        self.problem_sel = 0;
        self.evidence_sel = None;
        self.focus = Focus::Clues;
    }
}

impl Component for Case {
    fn section(&self) -> Section {
        Section::Case
    }

    fn actions(&self) -> &'static [ActionSpec] {
        ACTIONS
    }

    fn update(&mut self, a: Action, _ctx: &Ctx) -> Vec<Effect> {
        if let Some(d) = step(a) {
            match self.focus {
                Focus::Evidence => {
                    self.evidence_sel = self
                        .evidence_sel
                        .map(|i| clamp_move(i, d, self.evidence_count()));
                }
                Focus::Problems => {
                    self.problem_sel = clamp_move(self.problem_sel, d, self.problem_count());
                }
                Focus::Clues => {
                    self.clue_sel = clamp_move(self.clue_sel, d, self.visible().len());
                    self.problem_sel = 0;
                }
            }
            return Vec::new();
        }
        match a {
            Action::Open => {
                match self.focus {
                    Focus::Clues if self.problem_count() > 0 => self.focus = Focus::Problems,
                    Focus::Problems if self.evidence_count() > 0 => {
                        self.focus = Focus::Evidence;
                        self.evidence_sel = Some(0);
                    }
                    Focus::Evidence => {
                        self.focus = Focus::Problems;
                        self.evidence_sel = None;
                    }
                    _ => {}
                }
                Vec::new()
            }
            Action::Cancel => {
                match self.focus {
                    Focus::Evidence => {
                        self.focus = Focus::Problems;
                        self.evidence_sel = None;
                    }
                    Focus::Problems => self.focus = Focus::Clues,
                    Focus::Clues if self.stats => self.stats = false,
                    Focus::Clues => {}
                }
                Vec::new()
            }
            Action::NewAllegation => vec![Effect::Open(Overlay::NewAllegation(Box::new(
                crate::tui::overlays::editors::NewAllegation::under(
                    self.selected_clue().map(|c| (c.id, c.number.clone())),
                ),
            )))],
            Action::NewClue => vec![Effect::Open(Overlay::Form(Box::new(Form::new_clue(
                &self.register.as_of,
            ))))],
            Action::AddEvent => match self.selected_clue() {
                Some(c) => vec![Effect::Open(Overlay::Form(Box::new(Form::event(
                    c.id,
                    &c.number,
                    &self.register.as_of,
                ))))],
                None => vec![Effect::say("register.empty")],
            },
            Action::AddSubject => match self.selected_clue() {
                Some(c) => vec![Effect::Open(Overlay::Form(Box::new(Form::subject(
                    c.id, &c.number,
                ))))],
                None => vec![Effect::say("register.empty")],
            },
            Action::Documents => match self.selected_clue() {
                Some(c) => {
                    let p =
                        crate::tui::overlays::doc_picker::DocPicker::new(c.id, c.number.clone());
                    let load = p.load();
                    vec![
                        Effect::Open(Overlay::DocPicker(Box::new(p))),
                        Effect::Request(load),
                    ]
                }
                None => vec![Effect::say("register.empty")],
            },
            // The person view of the first person complained about whose ID number is known.
            Action::ShowPerson => match self
                .selected_clue()
                .and_then(|c| c.subjects.iter().find_map(|s| s.id_number.clone()))
            {
                Some(id) => vec![Effect::ShowPerson(id)],
                None => vec![Effect::say("register.no_subject_id")],
            },
            Action::FilterState | Action::FilterDisposition | Action::FilterOfficer => {
                self.cycle_filter(a);
                Vec::new()
            }
            Action::ToggleStats => {
                self.stats = !self.stats;
                Vec::new()
            }
            Action::SetStatus => match self.selected_allegation() {
                Some(a) => vec![Effect::Open(Overlay::Status(Box::new(StatusEditor::new(
                    a.id,
                    a.status,
                    a.reason.as_deref().unwrap_or_default(),
                    &a.amount.map(|a| a.to_string()).unwrap_or_default(),
                ))))],
                None => Vec::new(),
            },
            Action::AddNote => match self.note_target() {
                Some((on, label)) => vec![Effect::Open(Overlay::Note(Box::new(NoteEditor::new(
                    on, label, None,
                ))))],
                None => Vec::new(),
            },
            Action::EvidenceType => {
                let entry = self
                    .selected_allegation()
                    .and_then(|a| a.evidence.get(self.evidence_sel?));
                match entry {
                    Some(e) => vec![Effect::Open(Overlay::Form(Box::new(Form::evidence(e))))],
                    None => vec![Effect::say("tui.form.evidence_pick")],
                }
            }
            Action::Unlink => {
                let link = self
                    .selected_allegation()
                    .and_then(|a| a.evidence.get(self.evidence_sel?))
                    .map(|e| e.link);
                match link {
                    Some(link) => vec![Effect::Request(Request::Unlink { link })],
                    None => Vec::new(),
                }
            }
            _ => Vec::new(),
        }
    }

    fn on_reply(&mut self, r: &Reply) -> Vec<Effect> {
        match r {
            Reply::Case {
                allegations,
                notes,
                register,
            } => {
                self.allegations = allegations.clone();
                self.notes = notes.clone();
                self.register = register.as_ref().clone();
                match self.pending.take() {
                    Some(id) => self.select_allegation(id),
                    None => self.clamp(),
                }
            }
            Reply::Changed(Ok(Done::Created { allegation })) => {
                self.pending = Some(*allegation);
            }
            _ => {}
        }
        Vec::new()
    }

    fn click(&mut self, area: Rect, at: (u16, u16), _ctx: &Ctx) -> Vec<Effect> {
        let (list, right) = super::register_view::panes(area);
        let n = self.visible().len();
        if let Some(i) = crate::tui::widgets::item_at(list, 0, 2, n, self.clue_sel, at) {
            self.clue_sel = i;
            self.problem_sel = 0;
            self.evidence_sel = None;
            self.focus = Focus::Clues;
        } else if right.contains(at.into())
            && self.focus == Focus::Clues
            && self.problem_count() > 0
        {
            self.focus = Focus::Problems;
        }
        Vec::new()
    }

    fn render(&self, area: Rect, buf: &mut Buffer) {
        super::register_view::render(self, area, buf);
    }
}
