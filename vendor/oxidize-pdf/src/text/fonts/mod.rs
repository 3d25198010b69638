//! Font subsystem modules

pub mod cff;
pub mod cff_subsetter;
pub mod embedding;
pub mod standard;
mod standard_glyph_widths;
pub mod truetype;
pub mod truetype_subsetter;

#[cfg(test)]
mod truetype_tests;

pub use embedding::{EmbeddedFontData, EmbeddingOptions, FontEmbedder};
pub use standard::{get_standard_font_metrics, StandardFontMetrics};
pub use truetype::{CmapSubtable, GlyphInfo, TrueTypeFont};
