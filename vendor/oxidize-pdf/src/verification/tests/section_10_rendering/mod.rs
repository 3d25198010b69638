//! ISO Section 10: Rendering Tests
//!
//! Tests for PDF rendering features as defined in ISO 32000-1:2008 Section 10

pub mod test_rendering_basics;
