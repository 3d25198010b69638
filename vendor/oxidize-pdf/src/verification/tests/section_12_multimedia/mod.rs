//! ISO Section 12: Multimedia and 3D Tests
//!
//! Tests for PDF multimedia and 3D features as defined in ISO 32000-1:2008 Section 12

pub mod test_3d_artwork;
pub mod test_multimedia;
