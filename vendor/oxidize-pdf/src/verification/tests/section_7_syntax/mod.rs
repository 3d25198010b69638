//! ISO Section 7: Syntax
//!
//! Tests for PDF file structure, syntax, and document organization
//! as defined in ISO 32000-1:2008 Section 7.

pub mod test_cross_reference;
pub mod test_document_catalog;
pub mod test_file_structure;
pub mod test_objects;
pub mod test_page_operations;
pub mod test_page_tree;
pub mod test_resources;
pub mod test_streams_filters;
