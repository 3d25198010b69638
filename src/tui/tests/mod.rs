//! Tests of the workbench without a terminal: pure `update` tests (state in,
//! action, state and effects out) and widget tests against a `Buffer`.

mod fixtures;
mod home;
mod update_overlays;
mod update_screens;
mod widgets;
