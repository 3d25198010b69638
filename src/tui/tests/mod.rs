//! Tests of the workbench without a terminal: pure `update` tests (state in,
//! action, state and effects out) and widget tests against a `Buffer`.

mod findings;
mod fixtures;
mod home;
mod relations;
mod undo;
mod update_mouse;
mod update_nav;
mod update_overlays;
mod update_screens;
mod widgets;
