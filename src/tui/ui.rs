//! Drawing the workbench into a frame: every screen, overlay and widget
//! renders into the frame's buffer from state it only reads.

use ratatui::Frame;

use super::app::App;

pub fn render(app: &App, f: &mut Frame<'_>) {
    let area = f.area();
    app.bench().render(area, f.buffer_mut());
}
