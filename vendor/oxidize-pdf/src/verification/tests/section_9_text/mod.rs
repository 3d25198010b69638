//! ISO Section 9: Text
//!
//! Tests for text operators, fonts, and character encoding
//! as defined in ISO 32000-1:2008 Section 9.

pub mod test_fonts;
pub mod test_text_operators;
pub mod test_text_operators_advanced;
