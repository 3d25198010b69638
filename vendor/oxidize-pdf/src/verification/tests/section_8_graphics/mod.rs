//! ISO Section 8: Graphics
//!
//! Tests for graphics state, coordinate systems, colors, and graphics operators
//! as defined in ISO 32000-1:2008 Section 8.

pub mod test_color_spaces;
pub mod test_content_parser;
pub mod test_content_streams;
pub mod test_coordinate_transformation;
pub mod test_graphics_state;
pub mod test_graphics_state_advanced;
pub mod test_images;
pub mod test_paths;
pub mod test_paths_advanced;
pub mod test_paths_level4;
