//! The UI's vocabulary: every key binding names one of these actions; the
//! help overlay and the command palette list them with their descriptions.

use serde::Deserialize;

macro_rules! actions {
    ($($variant:ident => $name:literal),* $(,)?) => {
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize)]
        #[serde(rename_all = "snake_case")]
        pub enum Action { $($variant),* }

        impl Action {
            pub const ALL: &'static [Action] = &[$(Action::$variant),*];

            /// The name used in keymap files.
            pub fn name(self) -> &'static str {
                match self { $(Action::$variant => $name),* }
            }

            pub fn parse(s: &str) -> Option<Action> {
                match s { $($name => Some(Action::$variant),)* _ => None }
            }
        }
    };
}

actions! {
    Quit => "quit",
    Help => "help",
    Palette => "palette",
    FocusSearch => "focus_search",
    ScreenHome => "screen_home",
    ScreenSearch => "screen_search",
    ScreenChecks => "screen_checks",
    ScreenLedgers => "screen_ledgers",
    ScreenImport => "screen_import",
    NextScreen => "next_screen",
    PrevScreen => "prev_screen",
    Cancel => "cancel",
    Down => "down",
    Up => "up",
    PageDown => "page_down",
    PageUp => "page_up",
    Top => "top",
    Bottom => "bottom",
    Open => "open",
    NextHit => "next_hit",
    PrevHit => "prev_hit",
    RunChecks => "run_checks",
    RunRule => "run_rule",
    ConfirmFinding => "confirm_finding",
    DismissFinding => "dismiss_finding",
    CycleSort => "cycle_sort",
    FilterRule => "filter_rule",
    FilterVillage => "filter_village",
    FilterReview => "filter_review",
    ToggleGroups => "toggle_groups",
    Filter => "filter",
    PrevColumn => "prev_column",
    NextColumn => "next_column",
    SearchRow => "search_row",
    ToggleNormalised => "toggle_normalised",
    PrevLedger => "prev_ledger",
    NextLedger => "next_ledger",
    ImportPath => "import_path",
    Submit => "submit",
    Complete => "complete",
    ScreenCase => "screen_case",
    ScreenPerson => "screen_person",
    ScreenAudit => "screen_audit",
    Link => "link",
    ShowPerson => "show_person",
    NewAllegation => "new_allegation",
    SetStatus => "set_status",
    AddNote => "add_note",
    Unlink => "unlink",
    PersonId => "person_id",
    Verify => "verify",
    ScreenExport => "screen_export",
    CycleFormat => "cycle_format",
    CycleScope => "cycle_scope",
    ToggleRedact => "toggle_redact",
    ExportPath => "export_path",
    WriteExport => "write_export",
    NextRelation => "next_relation",
    PrevRelation => "prev_relation",
    NextField => "next_field",
    Undo => "undo",
    Back => "back",
    Forward => "forward",
    NewClue => "new_clue",
    AddEvent => "add_event",
    AddSubject => "add_subject",
    FilterState => "filter_state",
    FilterDisposition => "filter_disposition",
    FilterOfficer => "filter_officer",
    ToggleStats => "toggle_stats",
    Documents => "documents",
    EvidenceType => "evidence_type",
    Relations => "relations",
}

impl Action {
    /// The translated one-line description (help overlay, palette).
    pub fn describe(self) -> String {
        crate::i18n::t(&format!("action.{}", self.name()), &[])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_and_every_action_is_described_in_both_languages() {
        for a in Action::ALL {
            assert_eq!(Action::parse(a.name()), Some(*a));
            for lang in [crate::i18n::Lang::Zh, crate::i18n::Lang::En] {
                let key = format!("action.{}", a.name());
                assert_ne!(
                    crate::i18n::t_in(lang, &key, &[]),
                    key,
                    "{key} missing in {lang:?}"
                );
            }
        }
    }
}
