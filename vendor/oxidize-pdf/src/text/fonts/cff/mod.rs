//! CFF (Compact Font Format) module.
//!
//! This module provides CFF parsing primitives extracted from the monolithic
//! `cff_subsetter` module, intended to be shared across CFF-related components.

pub mod charstring;
pub mod cid;
pub mod dict;
pub mod index;
pub mod types;
