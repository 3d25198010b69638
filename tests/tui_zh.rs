//! Workbench snapshots in Chinese (one process per language: the UI language is global).
mod tui_common;

#[test]
fn every_screen_and_the_help_overlay_in_chinese_at_80x24_and_160x48() {
    tui_common::run_flow(hecha::i18n::Lang::Zh);
}
