//! Overlays drawn over the screen. Each owns its state and declares its
//! actions; an overlay gets the first look at every action, and what it does
//! not handle goes on to the screen. Keys: an overlay's own keymap section
//! (`[link_picker]`, `[status_editor]`) comes before the screen's.

pub mod doc_picker;
pub mod editors;
pub mod finding;
pub mod form;
pub mod help;
pub mod link_picker;
pub mod palette;
pub mod review;

use crossterm::event::KeyEvent;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::{Block, Paragraph, Widget, Wrap};

use super::action::Action;
use super::commands::ActionSpec;
use super::effect::Effect;
use super::job::Reply;
use super::keymap::{Keymap, Section};
use crate::checks::Finding;
use crate::tr;

/// What an overlay may read when drawn.
pub struct View<'a> {
    pub keymap: &'a Keymap,
    /// The Checks screen's selected finding.
    pub finding: Option<&'a Finding>,
    /// The sections of the help overlay, each with its handler's actions.
    pub sections: &'a [(Section, &'static [ActionSpec])],
}

#[derive(Debug)]
pub enum Overlay {
    None,
    Help(help::Help),
    Palette(Box<palette::Palette>),
    /// A finding in full, its evidence items to open.
    Finding(Box<finding::FindingDetail>),
    Review(Box<review::Review>),
    /// Quit while work runs?
    ConfirmQuit,
    /// Choose the allegation an item becomes evidence of.
    LinkPicker(link_picker::LinkPicker),
    /// An allegation's status (chosen with ↑/↓), its reason and amount.
    Status(Box<editors::StatusEditor>),
    /// A note on an item.
    Note(Box<editors::NoteEditor>),
    NewAllegation(Box<editors::NewAllegation>),
    /// A register form: a new clue, a stage event, a person complained about.
    Form(Box<form::Form>),
    /// A clue's documents: a template and its filled preview.
    DocPicker(Box<doc_picker::DocPicker>),
}

impl Overlay {
    /// Its keymap section, if it has keys of its own.
    pub fn section(&self) -> Option<Section> {
        match self {
            Overlay::LinkPicker(_) => Some(Section::LinkPicker),
            Overlay::Status(_) | Overlay::Form(_) => Some(Section::StatusEditor),
            _ => None,
        }
    }

    /// A text field of the overlay has the keyboard.
    pub fn typing(&self) -> bool {
        matches!(
            self,
            Overlay::Palette(_)
                | Overlay::Review(_)
                | Overlay::Status(_)
                | Overlay::Note(_)
                | Overlay::NewAllegation(_)
                | Overlay::Form(_)
        )
    }

    /// The actions it handles.
    pub fn actions(&self) -> &'static [ActionSpec] {
        match self {
            Overlay::Help(_) => help::ACTIONS,
            Overlay::Palette(_) => palette::ACTIONS,
            Overlay::Review(_) => review::ACTIONS,
            Overlay::Finding(_) => finding::ACTIONS,
            Overlay::LinkPicker(_) => link_picker::ACTIONS,
            Overlay::Status(_) => editors::STATUS_ACTIONS,
            Overlay::Note(_) | Overlay::NewAllegation(_) => editors::TEXT_ACTIONS,
            Overlay::Form(_) => form::ACTIONS,
            Overlay::DocPicker(_) => doc_picker::ACTIONS,
            Overlay::None | Overlay::ConfirmQuit => &[],
        }
    }

    pub fn is_open(&self) -> bool {
        !matches!(self, Overlay::None)
    }

    /// Handles `a` if it is one of its actions.
    pub fn update(&mut self, a: Action) -> Option<Vec<Effect>> {
        if !super::commands::lists(self.actions(), a) {
            return None;
        }
        Some(match self {
            Overlay::Help(h) => h.update(a),
            Overlay::Palette(p) => p.update(a),
            Overlay::Review(r) => r.update(a),
            Overlay::LinkPicker(l) => l.update(a),
            Overlay::Status(s) => s.update(a),
            Overlay::Note(n) => n.update(a),
            Overlay::NewAllegation(n) => n.update(a),
            Overlay::Form(f) => f.update(a),
            Overlay::DocPicker(d) => d.update(a),
            Overlay::Finding(f) => f.update(a),
            Overlay::None | Overlay::ConfirmQuit => Vec::new(),
        })
    }

    /// A key for its text field.
    pub fn input(&mut self, key: KeyEvent) {
        match self {
            Overlay::Palette(p) => p.input(key),
            Overlay::Review(r) => r.input(key),
            Overlay::Status(s) => s.input(key),
            Overlay::Note(n) => n.input(key),
            Overlay::NewAllegation(n) => n.input(key),
            Overlay::Form(f) => f.input(key),
            _ => {}
        }
    }

    pub fn on_reply(&mut self, r: &Reply) {
        match self {
            Overlay::LinkPicker(l) => l.on_reply(r),
            Overlay::DocPicker(d) => d.on_reply(r),
            _ => {}
        }
    }

    pub fn render(&self, area: Rect, buf: &mut Buffer, view: &View<'_>) {
        match self {
            Overlay::None => {}
            Overlay::Help(h) => h.render(area, buf, view),
            Overlay::Palette(p) => p.render(area, buf),
            Overlay::Finding(f) => f.render(area, buf, view.keymap),
            Overlay::Review(r) => r.render(area, buf),
            Overlay::LinkPicker(l) => l.render(area, buf),
            Overlay::Status(s) => s.render(area, buf),
            Overlay::Note(n) => n.render(area, buf),
            Overlay::NewAllegation(n) => n.render(area, buf),
            Overlay::Form(f) => f.render(area, buf),
            Overlay::DocPicker(d) => d.render(area, buf),
            Overlay::ConfirmQuit => {
                let r = super::widgets::centered(area, 50, 5);
                crate::tui::widgets::clear(r, buf);
                Paragraph::new(tr!("tui.confirm_quit"))
                    .wrap(Wrap { trim: false })
                    .block(Block::bordered().title(tr!("tui.quit")))
                    .render(r, buf);
            }
        }
    }
}
