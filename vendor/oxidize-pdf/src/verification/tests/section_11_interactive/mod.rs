//! ISO Section 11: Interactive Features Tests
//!
//! Tests for PDF interactive features as defined in ISO 32000-1:2008 Section 11

pub mod test_annotations;
pub mod test_forms;
