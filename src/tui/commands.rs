//! Each screen and overlay declares the actions it handles, once, in a const
//! slice. The hints line, the help overlay and the command palette are read
//! from these lists, so they cannot drift from what the keys do.

use super::action::Action;

/// Where an action of a screen's list applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// Only while its screen is shown.
    Screen,
    /// From any screen (the palette reaches it): the owning screen handles it.
    Anywhere,
}

/// How an action shows in the hints line: `key word`, or `key/key word` for a pair.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hint {
    /// The catalogue key under `tui.hint.`.
    pub word: &'static str,
    /// The other action of a pair (`n/N hits`).
    pub pair: Option<Action>,
    /// Shown after the screen's own hints (quit).
    pub last: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ActionSpec {
    pub action: Action,
    pub scope: Scope,
    pub hint: Option<Hint>,
}

impl ActionSpec {
    /// A screen-only action.
    pub const fn here(action: Action) -> ActionSpec {
        ActionSpec {
            action,
            scope: Scope::Screen,
            hint: None,
        }
    }

    /// An action that works from any screen.
    pub const fn anywhere(action: Action) -> ActionSpec {
        ActionSpec {
            action,
            scope: Scope::Anywhere,
            hint: None,
        }
    }

    pub const fn hint(self, word: &'static str) -> ActionSpec {
        ActionSpec {
            hint: Some(Hint {
                word,
                pair: None,
                last: false,
            }),
            ..self
        }
    }

    pub const fn hint_pair(self, other: Action, word: &'static str) -> ActionSpec {
        ActionSpec {
            hint: Some(Hint {
                word,
                pair: Some(other),
                last: false,
            }),
            ..self
        }
    }

    pub const fn hint_last(self, word: &'static str) -> ActionSpec {
        ActionSpec {
            hint: Some(Hint {
                word,
                pair: None,
                last: true,
            }),
            ..self
        }
    }

    /// The translated one-line description (help, palette).
    pub fn describe(&self) -> String {
        self.action.describe()
    }
}

/// Moving the selection: every list screen and several overlays handle these.
pub const MOVES: [Action; 6] = [
    Action::Down,
    Action::Up,
    Action::PageDown,
    Action::PageUp,
    Action::Top,
    Action::Bottom,
];

/// How far a move action goes.
pub fn step(a: Action) -> Option<isize> {
    Some(match a {
        Action::Down => 1,
        Action::Up => -1,
        Action::PageDown => 10,
        Action::PageUp => -10,
        // Past any list (a county case has 100,000s of findings, ledgers
        // millions of rows), yet far from overflowing when added.
        Action::Top => -(1 << 40),
        Action::Bottom => 1 << 40,
        _ => return None,
    })
}

/// `v` moved by `delta` within `0..len`.
pub fn clamp_move(v: usize, delta: isize, len: usize) -> usize {
    if len == 0 {
        0
    } else {
        (v as isize + delta).clamp(0, len as isize - 1) as usize
    }
}

/// Whether `list` handles `a`.
pub fn lists(list: &[ActionSpec], a: Action) -> bool {
    list.iter().any(|s| s.action == a)
}

/// Whether `list` handles `a` from any screen.
pub fn lists_anywhere(list: &[ActionSpec], a: Action) -> bool {
    list.iter()
        .any(|s| s.action == a && s.scope == Scope::Anywhere)
}

/// The command palette's actions: every action some screen (or the workbench)
/// declares, except the ones that only make sense inside a text field.
pub fn palette_actions(lists: &[&[ActionSpec]]) -> Vec<Action> {
    let mut out: Vec<Action> = lists
        .iter()
        .flat_map(|l| l.iter().map(|s| s.action))
        .filter(|a| {
            !matches!(
                a,
                Action::Submit | Action::Complete | Action::Cancel | Action::Palette
            )
        })
        .collect();
    out.sort();
    out.dedup();
    out
}

/// A fuzzy score: all query characters appear in order; lower is better.
pub fn fuzzy(q: &str, hay: &str) -> Option<usize> {
    if q.is_empty() {
        return Some(0);
    }
    let mut score = 0;
    let mut last = 0;
    let hay: Vec<char> = hay.chars().collect();
    let mut i = 0;
    for qc in q.chars() {
        let found = hay[i..].iter().position(|&c| c == qc)?;
        score += found + if last > 0 && found > 0 { 1 } else { 0 };
        i += found + 1;
        last = i;
    }
    Some(score)
}
