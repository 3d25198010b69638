//! ISO Section 12.1-12.6: Multimedia Tests
//!
//! Tests for PDF multimedia features as defined in ISO 32000-1:2008 Section 12

use super::super::iso_test;
use crate::verification::VerificationLevel;
use crate::Result as PdfResult;

// Consolidated Level 0 test for all multimedia features not implemented
iso_test!(
    test_multimedia_features_not_implemented,
    "12.1-12.6",
    VerificationLevel::NotImplemented,
    "Multimedia features (movies, sounds, media clips, renditions) - comprehensive gap documentation",
    {
        // All multimedia features are not implemented - document this gap comprehensively
        let passed = false;
        let level_achieved = 0;
        let notes = "Multimedia features not implemented: movie annotations, sound annotations, media clips, renditions. These features are beyond current scope for document-focused PDF library.".to_string();

        Ok((passed, level_achieved, notes))
    }
);
