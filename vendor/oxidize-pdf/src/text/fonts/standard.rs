//! Standard 14 PDF Fonts Metrics
//!
//! This module provides accurate font metrics for the 14 standard PDF fonts
//! as specified in ISO 32000-1:2008 Section 9.6.2.2.
//!
//! These fonts are guaranteed to be available in all PDF readers and don't
//! need to be embedded. The metrics here are based on the official Adobe
//! Font Metrics (AFM) files.

use crate::text::Font;
use std::collections::HashMap;

/// Font metrics for a standard PDF font
#[derive(Debug, Clone)]
pub struct StandardFontMetrics {
    /// Font name
    pub name: &'static str,
    /// Font family name
    pub family: &'static str,
    /// Font weight (400 = normal, 700 = bold)
    pub weight: u16,
    /// Whether the font is italic/oblique
    pub italic: bool,
    /// Whether this is a fixed-width font
    pub fixed_pitch: bool,
    /// Font ascender in font units
    pub ascender: i32,
    /// Font descender in font units (typically negative)
    pub descender: i32,
    /// Cap height in font units
    pub cap_height: i32,
    /// X-height in font units
    pub x_height: i32,
    /// Default character width for missing characters
    pub default_width: i32,
    /// Character widths indexed by character code (0-255)
    pub widths: [i32; 256],
    /// Kerning pairs (optional) - None for now, can be populated at runtime if needed
    pub kerning: Option<HashMap<(u8, u8), i32>>,
}

impl StandardFontMetrics {
    /// Get the width of a character by its WinAnsi (Windows-1252) byte code.
    pub fn get_char_width(&self, ch: u8) -> i32 {
        self.widths[ch as usize]
    }

    /// Get the Adobe AFM advance width for a PostScript glyph name.
    ///
    /// Unlike [`Self::get_char_width`], this lookup is independent of the
    /// font dictionary's character encoding. Callers must first resolve the
    /// character code through its effective encoding and `/Differences`.
    pub fn get_glyph_width(&self, glyph_name: &str) -> Option<i32> {
        super::standard_glyph_widths::glyph_width(self.name, glyph_name)
    }

    /// Resolve a simple-font character code through its effective PDF
    /// encoding and return the corresponding AFM advance width.
    ///
    /// `/Differences` takes precedence over the base encoding. A missing
    /// encoding selects the font's built-in encoding: StandardEncoding for
    /// Latin Standard-14 fonts, and the font-specific code table for Symbol
    /// and ZapfDingbats. Unknown encodings and glyph names return `None` so
    /// extraction can retain its documented legacy fallback.
    pub(crate) fn encoded_char_width(
        &self,
        encoding: Option<&str>,
        differences: Option<&HashMap<u8, String>>,
        code: u8,
    ) -> Option<i32> {
        if let Some(glyph) = differences.and_then(|entries| entries.get(&code)) {
            return self.get_glyph_width(glyph);
        }

        // The font parser may have resolved the built-in encoding explicitly.
        // Keep the source-code AFM lookup in that case as well as when absent.
        if matches!(
            (self.name, encoding),
            ("Symbol", None | Some("SymbolEncoding"))
                | ("ZapfDingbats", None | Some("ZapfDingbatsEncoding"))
        ) {
            return Some(self.get_char_width(code));
        }

        let base = encoding.unwrap_or("StandardEncoding");
        let glyph = crate::fonts::type3::effective_glyph_name(base, None, code)?;
        self.get_glyph_width(&glyph)
    }

    /// Get the width of a Unicode character in font units.
    ///
    /// The standard-14 fonts are written with `/WinAnsiEncoding`, so the
    /// character is mapped to its WinAnsi byte before indexing the width table.
    /// Characters outside the WinAnsi repertoire resolve to `default_width`.
    pub fn char_width_unicode(&self, ch: char) -> i32 {
        match crate::text::encoding::winansi_encode_char(ch) {
            Some(byte) => self.widths[byte as usize],
            None => self.default_width,
        }
    }

    /// Get the width of a string in font units.
    ///
    /// Iterates Unicode characters (not UTF-8 bytes) and maps each through
    /// WinAnsi, so non-ASCII text is measured correctly.
    pub fn get_string_width(&self, text: &str) -> i32 {
        text.chars().map(|ch| self.char_width_unicode(ch)).sum()
    }

    /// Get kerning adjustment between two characters
    pub fn get_kerning(&self, left: u8, right: u8) -> i32 {
        self.kerning
            .as_ref()
            .and_then(|k| k.get(&(left, right)))
            .copied()
            .unwrap_or(0)
    }

    /// Convert font units to user space units at given font size
    pub fn to_user_space(&self, font_units: i32, font_size: f64) -> f64 {
        (font_units as f64 * font_size) / 1000.0
    }

    /// Get line height (ascender - descender) in user space
    pub fn get_line_height(&self, font_size: f64) -> f64 {
        self.to_user_space(self.ascender - self.descender, font_size)
    }
}

/// Get metrics for a standard font
pub fn get_standard_font_metrics(font: &Font) -> Option<&'static StandardFontMetrics> {
    match font {
        Font::Helvetica => Some(&HELVETICA_METRICS),
        Font::HelveticaBold => Some(&HELVETICA_BOLD_METRICS),
        Font::HelveticaOblique => Some(&HELVETICA_OBLIQUE_METRICS),
        Font::HelveticaBoldOblique => Some(&HELVETICA_BOLD_OBLIQUE_METRICS),
        Font::TimesRoman => Some(&TIMES_ROMAN_METRICS),
        Font::TimesBold => Some(&TIMES_BOLD_METRICS),
        Font::TimesItalic => Some(&TIMES_ITALIC_METRICS),
        Font::TimesBoldItalic => Some(&TIMES_BOLD_ITALIC_METRICS),
        Font::Courier => Some(&COURIER_METRICS),
        Font::CourierBold => Some(&COURIER_BOLD_METRICS),
        Font::CourierOblique => Some(&COURIER_OBLIQUE_METRICS),
        Font::CourierBoldOblique => Some(&COURIER_BOLD_OBLIQUE_METRICS),
        Font::Symbol => Some(&SYMBOL_METRICS),
        Font::ZapfDingbats => Some(&ZAPF_DINGBATS_METRICS),
        Font::Custom(_) => None,
    }
}

/// Resolve a PDF `/BaseFont` name (including subset prefixes and common
/// metric-compatible substitutes) to Standard-14 AFM metrics.
pub(crate) fn get_standard_font_metrics_by_name(
    base_font: &str,
) -> Option<&'static StandardFontMetrics> {
    let name = base_font.rsplit('+').next().unwrap_or(base_font);
    let lower = name.to_ascii_lowercase();
    let font = match lower.as_str() {
        "courier" | "couriernew" | "couriernewpsmt" => Font::Courier,
        "courier-bold" | "couriernew-bold" | "couriernewps-boldmt" => Font::CourierBold,
        "courier-oblique" | "couriernew-italic" | "couriernewps-italicmt" => Font::CourierOblique,
        "courier-boldoblique" | "couriernew-bolditalic" | "couriernewps-bolditalicmt" => {
            Font::CourierBoldOblique
        }
        "helvetica" | "arial" | "arialmt" => Font::Helvetica,
        "helvetica-bold" | "arial-bold" | "arial-boldmt" => Font::HelveticaBold,
        "helvetica-oblique" | "arial-italic" | "arial-italicmt" | "arial-oblique" => {
            Font::HelveticaOblique
        }
        "helvetica-boldoblique"
        | "arial-bolditalic"
        | "arial-bolditalicmt"
        | "arial-boldoblique" => Font::HelveticaBoldOblique,
        "times-roman" | "timesnewroman" | "timesnewromanpsmt" => Font::TimesRoman,
        "times-bold" | "timesnewroman-bold" | "timesnewromanps-boldmt" => Font::TimesBold,
        "times-italic" | "timesnewroman-italic" | "timesnewromanps-italicmt" => Font::TimesItalic,
        "times-bolditalic" | "timesnewroman-bolditalic" | "timesnewromanps-bolditalicmt" => {
            Font::TimesBoldItalic
        }
        "symbol" => Font::Symbol,
        "zapfdingbats" => Font::ZapfDingbats,
        _ => return None,
    };
    get_standard_font_metrics(&font)
}

// Helvetica font metrics (based on Adobe AFM)
pub static HELVETICA_METRICS: StandardFontMetrics = StandardFontMetrics {
    name: "Helvetica",
    family: "Helvetica",
    weight: 400,
    italic: false,
    fixed_pitch: false,
    ascender: 718,
    descender: -207,
    cap_height: 718,
    x_height: 523,
    default_width: 278,
    widths: [
        278, 278, 278, 278, 278, 278, 278, 278, 278, 278, 278, 278, 278, 278, 278, 278, 278, 278,
        278, 278, 278, 278, 278, 278, 278, 278, 278, 278, 278, 278, 278, 278, 278, 278, 355, 556,
        556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556, 556, 556,
        556, 556, 556, 556, 278, 278, 584, 584, 584, 556, 1015, 667, 667, 722, 722, 667, 611, 778,
        722, 278, 500, 667, 556, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667,
        611, 278, 278, 278, 469, 556, 333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500,
        222, 833, 556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334,
        584, 278, 556, 278, 222, 556, 333, 1000, 556, 556, 333, 1000, 667, 333, 1000, 278, 611,
        278, 278, 222, 222, 333, 333, 350, 556, 1000, 333, 1000, 500, 333, 944, 278, 500, 667, 278,
        333, 556, 556, 556, 556, 260, 556, 333, 737, 370, 556, 584, 278, 737, 333, 400, 584, 333,
        333, 333, 556, 537, 278, 333, 333, 365, 556, 834, 834, 834, 611, 667, 667, 667, 667, 667,
        667, 1000, 722, 667, 667, 667, 667, 278, 278, 278, 278, 722, 722, 778, 778, 778, 778, 778,
        584, 778, 722, 722, 722, 722, 667, 667, 611, 556, 556, 556, 556, 556, 556, 889, 500, 556,
        556, 556, 556, 278, 278, 278, 278, 556, 556, 556, 556, 556, 556, 556, 584, 611, 556, 556,
        556, 556, 500, 556, 500,
    ],
    kerning: None, // Simplified - real implementation would include kerning pairs
};

// Helvetica Bold metrics
pub static HELVETICA_BOLD_METRICS: StandardFontMetrics = StandardFontMetrics {
    name: "Helvetica-Bold",
    family: "Helvetica",
    weight: 700,
    italic: false,
    fixed_pitch: false,
    ascender: 718,
    descender: -207,
    cap_height: 718,
    x_height: 532,
    default_width: 278,
    widths: [
        278, 278, 278, 278, 278, 278, 278, 278, 278, 278, 278, 278, 278, 278, 278, 278, 278, 278,
        278, 278, 278, 278, 278, 278, 278, 278, 278, 278, 278, 278, 278, 278, 278, 333, 474, 556,
        556, 889, 722, 238, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556, 556, 556,
        556, 556, 556, 556, 333, 333, 584, 584, 584, 611, 975, 722, 722, 722, 722, 667, 611, 778,
        722, 278, 556, 722, 611, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667,
        611, 333, 278, 333, 584, 556, 333, 556, 611, 556, 611, 556, 333, 611, 611, 278, 278, 556,
        278, 889, 611, 611, 611, 611, 389, 556, 333, 611, 556, 778, 556, 556, 500, 389, 280, 389,
        584, 278, 556, 278, 278, 556, 500, 1000, 556, 556, 333, 1000, 667, 333, 1000, 278, 611,
        278, 278, 278, 278, 500, 500, 350, 556, 1000, 333, 1000, 556, 333, 944, 278, 500, 667, 278,
        333, 556, 556, 556, 556, 280, 556, 333, 737, 370, 556, 584, 278, 737, 333, 400, 584, 333,
        333, 333, 611, 556, 278, 333, 333, 365, 556, 834, 834, 834, 611, 722, 722, 722, 722, 722,
        722, 1000, 722, 667, 667, 667, 667, 278, 278, 278, 278, 722, 722, 778, 778, 778, 778, 778,
        584, 778, 722, 722, 722, 722, 667, 667, 611, 556, 556, 556, 556, 556, 556, 889, 556, 556,
        556, 556, 556, 278, 278, 278, 278, 611, 611, 611, 611, 611, 611, 611, 584, 611, 611, 611,
        611, 611, 556, 611, 556,
    ],
    kerning: None,
};

// Helvetica Oblique metrics (same widths as regular, different slant)
pub static HELVETICA_OBLIQUE_METRICS: StandardFontMetrics = StandardFontMetrics {
    name: "Helvetica-Oblique",
    family: "Helvetica",
    weight: 400,
    italic: true,
    fixed_pitch: false,
    ascender: 718,
    descender: -207,
    cap_height: 718,
    x_height: 523,
    default_width: 278,
    widths: HELVETICA_METRICS.widths, // Same widths as regular Helvetica
    kerning: None,
};

// Helvetica Bold Oblique metrics
pub static HELVETICA_BOLD_OBLIQUE_METRICS: StandardFontMetrics = StandardFontMetrics {
    name: "Helvetica-BoldOblique",
    family: "Helvetica",
    weight: 700,
    italic: true,
    fixed_pitch: false,
    ascender: 718,
    descender: -207,
    cap_height: 718,
    x_height: 532,
    default_width: 278,
    widths: HELVETICA_BOLD_METRICS.widths, // Same widths as Helvetica Bold
    kerning: None,
};

// Times Roman metrics
pub static TIMES_ROMAN_METRICS: StandardFontMetrics = StandardFontMetrics {
    name: "Times-Roman",
    family: "Times",
    weight: 400,
    italic: false,
    fixed_pitch: false,
    ascender: 683,
    descender: -217,
    cap_height: 662,
    x_height: 450,
    default_width: 250,
    widths: [
        250, 250, 250, 250, 250, 250, 250, 250, 250, 250, 250, 250, 250, 250, 250, 250, 250, 250,
        250, 250, 250, 250, 250, 250, 250, 250, 250, 250, 250, 250, 250, 250, 250, 333, 408, 500,
        500, 833, 778, 180, 333, 333, 500, 564, 250, 333, 250, 278, 500, 500, 500, 500, 500, 500,
        500, 500, 500, 500, 278, 278, 564, 564, 564, 444, 921, 722, 667, 667, 722, 611, 556, 722,
        722, 333, 389, 722, 611, 889, 722, 722, 556, 722, 667, 556, 611, 722, 722, 944, 722, 722,
        611, 333, 278, 333, 469, 500, 333, 444, 500, 444, 500, 444, 333, 500, 500, 278, 278, 500,
        278, 778, 500, 500, 500, 500, 333, 389, 278, 500, 500, 722, 500, 500, 444, 480, 200, 480,
        541, 250, 500, 250, 333, 500, 444, 1000, 500, 500, 333, 1000, 556, 333, 889, 250, 611, 250,
        250, 333, 333, 444, 444, 350, 500, 1000, 333, 980, 389, 333, 722, 250, 444, 722, 250, 333,
        500, 500, 500, 500, 200, 500, 333, 760, 276, 500, 564, 250, 760, 333, 400, 564, 300, 300,
        333, 500, 453, 250, 333, 300, 310, 500, 750, 750, 750, 444, 722, 722, 722, 722, 722, 722,
        889, 667, 611, 611, 611, 611, 333, 333, 333, 333, 722, 722, 722, 722, 722, 722, 722, 564,
        722, 722, 722, 722, 722, 722, 556, 500, 444, 444, 444, 444, 444, 444, 667, 444, 444, 444,
        444, 444, 278, 278, 278, 278, 500, 500, 500, 500, 500, 500, 500, 564, 500, 500, 500, 500,
        500, 500, 500, 500,
    ],
    kerning: None,
};

// Times Bold metrics
pub static TIMES_BOLD_METRICS: StandardFontMetrics = StandardFontMetrics {
    name: "Times-Bold",
    family: "Times",
    weight: 700,
    italic: false,
    fixed_pitch: false,
    ascender: 683,
    descender: -217,
    cap_height: 676,
    x_height: 461,
    default_width: 250,
    widths: [
        250, 250, 250, 250, 250, 250, 250, 250, 250, 250, 250, 250, 250, 250, 250, 250, 250, 250,
        250, 250, 250, 250, 250, 250, 250, 250, 250, 250, 250, 250, 250, 250, 250, 333, 555, 500,
        500, 1000, 833, 278, 333, 333, 500, 570, 250, 333, 250, 278, 500, 500, 500, 500, 500, 500,
        500, 500, 500, 500, 333, 333, 570, 570, 570, 500, 930, 722, 667, 722, 722, 667, 611, 778,
        778, 389, 500, 778, 667, 944, 722, 778, 611, 778, 722, 556, 667, 722, 722, 1000, 722, 722,
        667, 333, 278, 333, 581, 500, 333, 500, 556, 444, 556, 444, 333, 500, 556, 278, 333, 556,
        278, 833, 556, 500, 556, 556, 444, 389, 333, 556, 500, 722, 500, 500, 444, 394, 220, 394,
        520, 250, 500, 250, 333, 500, 500, 1000, 500, 500, 333, 1000, 556, 333, 1000, 250, 667,
        250, 250, 333, 333, 500, 500, 350, 500, 1000, 333, 1000, 389, 333, 722, 250, 444, 722, 250,
        333, 500, 500, 500, 500, 220, 500, 333, 747, 300, 500, 570, 250, 747, 333, 400, 570, 300,
        300, 333, 556, 540, 250, 333, 300, 330, 500, 750, 750, 750, 500, 722, 722, 722, 722, 722,
        722, 1000, 722, 667, 667, 667, 667, 389, 389, 389, 389, 722, 722, 778, 778, 778, 778, 778,
        570, 778, 722, 722, 722, 722, 722, 611, 556, 500, 500, 500, 500, 500, 500, 722, 444, 444,
        444, 444, 444, 278, 278, 278, 278, 500, 556, 500, 500, 500, 500, 500, 570, 500, 556, 556,
        556, 556, 500, 556, 500,
    ],
    kerning: None,
};

// Times Italic metrics
pub static TIMES_ITALIC_METRICS: StandardFontMetrics = StandardFontMetrics {
    name: "Times-Italic",
    family: "Times",
    weight: 400,
    italic: true,
    fixed_pitch: false,
    ascender: 683,
    descender: -217,
    cap_height: 653,
    x_height: 441,
    default_width: 250,
    widths: [
        250, 250, 250, 250, 250, 250, 250, 250, 250, 250, 250, 250, 250, 250, 250, 250, 250, 250,
        250, 250, 250, 250, 250, 250, 250, 250, 250, 250, 250, 250, 250, 250, 250, 333, 420, 500,
        500, 833, 778, 214, 333, 333, 500, 675, 250, 333, 250, 278, 500, 500, 500, 500, 500, 500,
        500, 500, 500, 500, 333, 333, 675, 675, 675, 500, 920, 611, 611, 667, 722, 611, 611, 722,
        722, 333, 444, 667, 556, 833, 667, 722, 611, 722, 611, 500, 556, 722, 611, 833, 611, 556,
        556, 389, 278, 389, 422, 500, 333, 500, 500, 444, 500, 444, 278, 500, 500, 278, 278, 444,
        278, 722, 500, 500, 500, 500, 389, 389, 278, 500, 444, 667, 444, 444, 389, 400, 275, 400,
        541, 250, 500, 250, 333, 500, 556, 889, 500, 500, 333, 1000, 500, 333, 944, 250, 556, 250,
        250, 333, 333, 556, 556, 350, 500, 889, 333, 980, 389, 333, 667, 250, 389, 556, 250, 389,
        500, 500, 500, 500, 275, 500, 333, 760, 276, 500, 675, 250, 760, 333, 400, 675, 300, 300,
        333, 500, 523, 250, 333, 300, 310, 500, 750, 750, 750, 500, 611, 611, 611, 611, 611, 611,
        889, 667, 611, 611, 611, 611, 333, 333, 333, 333, 722, 667, 722, 722, 722, 722, 722, 675,
        722, 722, 722, 722, 722, 556, 611, 500, 500, 500, 500, 500, 500, 500, 667, 444, 444, 444,
        444, 444, 278, 278, 278, 278, 500, 500, 500, 500, 500, 500, 500, 675, 500, 500, 500, 500,
        500, 444, 500, 444,
    ],
    kerning: None,
};

// Times Bold Italic metrics
pub static TIMES_BOLD_ITALIC_METRICS: StandardFontMetrics = StandardFontMetrics {
    name: "Times-BoldItalic",
    family: "Times",
    weight: 700,
    italic: true,
    fixed_pitch: false,
    ascender: 683,
    descender: -217,
    cap_height: 669,
    x_height: 462,
    default_width: 250,
    widths: [
        250, 250, 250, 250, 250, 250, 250, 250, 250, 250, 250, 250, 250, 250, 250, 250, 250, 250,
        250, 250, 250, 250, 250, 250, 250, 250, 250, 250, 250, 250, 250, 250, 250, 389, 555, 500,
        500, 833, 778, 278, 333, 333, 500, 570, 250, 333, 250, 278, 500, 500, 500, 500, 500, 500,
        500, 500, 500, 500, 333, 333, 570, 570, 570, 500, 832, 667, 667, 667, 722, 667, 667, 722,
        778, 389, 500, 667, 611, 889, 722, 722, 611, 722, 667, 556, 611, 722, 667, 889, 667, 611,
        611, 333, 278, 333, 570, 500, 333, 500, 500, 444, 500, 444, 333, 500, 556, 278, 278, 500,
        278, 778, 556, 500, 500, 500, 389, 389, 278, 556, 444, 667, 500, 444, 389, 348, 220, 348,
        570, 250, 500, 250, 333, 500, 500, 1000, 500, 500, 333, 1000, 556, 333, 944, 250, 611, 250,
        250, 333, 333, 500, 500, 350, 500, 1000, 333, 1000, 389, 333, 722, 250, 389, 611, 250, 389,
        500, 500, 500, 500, 220, 500, 333, 747, 266, 500, 606, 250, 747, 333, 400, 570, 300, 300,
        333, 576, 500, 250, 333, 300, 300, 500, 750, 750, 750, 500, 667, 667, 667, 667, 667, 667,
        944, 667, 667, 667, 667, 667, 389, 389, 389, 389, 722, 722, 722, 722, 722, 722, 722, 570,
        722, 722, 722, 722, 722, 611, 611, 500, 500, 500, 500, 500, 500, 500, 722, 444, 444, 444,
        444, 444, 278, 278, 278, 278, 500, 556, 500, 500, 500, 500, 500, 570, 500, 556, 556, 556,
        556, 444, 500, 444,
    ],
    kerning: None,
};

// Courier metrics (all characters same width - monospace)
pub static COURIER_METRICS: StandardFontMetrics = StandardFontMetrics {
    name: "Courier",
    family: "Courier",
    weight: 400,
    italic: false,
    fixed_pitch: true,
    ascender: 629,
    descender: -157,
    cap_height: 562,
    x_height: 426,
    default_width: 600,
    widths: [
        600, 600, 600, 600, 600, 600, 600, 600, 600, 600, 600, 600, 600, 600, 600, 600, 600, 600,
        600, 600, 600, 600, 600, 600, 600, 600, 600, 600, 600, 600, 600, 600, 600, 600, 600, 600,
        600, 600, 600, 600, 600, 600, 600, 600, 600, 600, 600, 600, 600, 600, 600, 600, 600, 600,
        600, 600, 600, 600, 600, 600, 600, 600, 600, 600, 600, 600, 600, 600, 600, 600, 600, 600,
        600, 600, 600, 600, 600, 600, 600, 600, 600, 600, 600, 600, 600, 600, 600, 600, 600, 600,
        600, 600, 600, 600, 600, 600, 600, 600, 600, 600, 600, 600, 600, 600, 600, 600, 600, 600,
        600, 600, 600, 600, 600, 600, 600, 600, 600, 600, 600, 600, 600, 600, 600, 600, 600, 600,
        600, 600, 600, 600, 600, 600, 600, 600, 600, 600, 600, 600, 600, 600, 600, 600, 600, 600,
        600, 600, 600, 600, 600, 600, 600, 600, 600, 600, 600, 600, 600, 600, 600, 600, 600, 600,
        600, 600, 600, 600, 600, 600, 600, 600, 600, 600, 600, 600, 600, 600, 600, 600, 600, 600,
        600, 600, 600, 600, 600, 600, 600, 600, 600, 600, 600, 600, 600, 600, 600, 600, 600, 600,
        600, 600, 600, 600, 600, 600, 600, 600, 600, 600, 600, 600, 600, 600, 600, 600, 600, 600,
        600, 600, 600, 600, 600, 600, 600, 600, 600, 600, 600, 600, 600, 600, 600, 600, 600, 600,
        600, 600, 600, 600, 600, 600, 600, 600, 600, 600, 600, 600, 600, 600, 600, 600, 600, 600,
        600, 600, 600, 600,
    ], // All characters are 600 units wide in Courier
    kerning: None,
};

// Courier Bold metrics (same widths as regular Courier)
pub static COURIER_BOLD_METRICS: StandardFontMetrics = StandardFontMetrics {
    name: "Courier-Bold",
    family: "Courier",
    weight: 700,
    italic: false,
    fixed_pitch: true,
    ascender: 629,
    descender: -157,
    cap_height: 562,
    x_height: 439,
    default_width: 600,
    widths: [600; 256],
    kerning: None,
};

// Courier Oblique metrics
pub static COURIER_OBLIQUE_METRICS: StandardFontMetrics = StandardFontMetrics {
    name: "Courier-Oblique",
    family: "Courier",
    weight: 400,
    italic: true,
    fixed_pitch: true,
    ascender: 629,
    descender: -157,
    cap_height: 562,
    x_height: 426,
    default_width: 600,
    widths: [600; 256],
    kerning: None,
};

// Courier Bold Oblique metrics
pub static COURIER_BOLD_OBLIQUE_METRICS: StandardFontMetrics = StandardFontMetrics {
    name: "Courier-BoldOblique",
    family: "Courier",
    weight: 700,
    italic: true,
    fixed_pitch: true,
    ascender: 629,
    descender: -157,
    cap_height: 562,
    x_height: 439,
    default_width: 600,
    widths: [600; 256],
    kerning: None,
};

// Symbol font metrics (special symbols, not text)
pub static SYMBOL_METRICS: StandardFontMetrics = StandardFontMetrics {
    name: "Symbol",
    family: "Symbol",
    weight: 400,
    italic: false,
    fixed_pitch: false,
    ascender: 692,
    descender: -216,
    cap_height: 692,
    x_height: 500,
    default_width: 250,
    widths: [
        250, 250, 250, 250, 250, 250, 250, 250, 250, 250, 250, 250, 250, 250, 250, 250, 250, 250,
        250, 250, 250, 250, 250, 250, 250, 250, 250, 250, 250, 250, 250, 250, 250, 333, 713, 500,
        549, 833, 778, 439, 333, 333, 500, 549, 250, 549, 250, 278, 500, 500, 500, 500, 500, 500,
        500, 500, 500, 500, 278, 278, 549, 549, 549, 444, 549, 722, 667, 722, 612, 611, 763, 603,
        722, 333, 631, 722, 686, 889, 722, 722, 768, 741, 556, 592, 611, 690, 439, 768, 645, 795,
        611, 333, 863, 333, 658, 500, 500, 631, 549, 549, 494, 439, 521, 411, 603, 329, 603, 549,
        549, 576, 521, 549, 549, 521, 549, 603, 439, 576, 713, 686, 493, 686, 494, 480, 200, 480,
        549, 250, // Extended symbols...
        250, 250, 250, 250, 250, 250, 250, 250, 250, 250, 250, 250, 250, 250, 250, 250, 250, 250,
        250, 250, 250, 250, 250, 250, 250, 250, 250, 250, 250, 250, 250, 250, 250, 620, 247, 549,
        167, 713, 500, 753, 753, 753, 753, 1042, 987, 603, 987, 603, 400, 549, 411, 549, 549, 713,
        494, 460, 549, 549, 549, 549, 1000, 603, 1000, 658, 823, 686, 795, 987, 768, 768, 823, 768,
        768, 713, 713, 713, 713, 713, 713, 713, 768, 713, 790, 790, 890, 823, 549, 250, 713, 603,
        603, 1042, 987, 603, 987, 603, 494, 329, 790, 790, 786, 713, 384, 384, 384, 384, 384, 384,
        494, 494, 494, 494, 250, 329, 274, 686, 686, 686, 384, 384, 384, 384, 384, 384, 494, 494,
        494, 250,
    ],
    kerning: None,
};

// ZapfDingbats font metrics (decorative symbols)
pub static ZAPF_DINGBATS_METRICS: StandardFontMetrics = StandardFontMetrics {
    name: "ZapfDingbats",
    family: "ZapfDingbats",
    weight: 400,
    italic: false,
    fixed_pitch: false,
    ascender: 692,
    descender: -200,
    cap_height: 692,
    x_height: 500,
    default_width: 278,
    widths: [
        278, 278, 278, 278, 278, 278, 278, 278, 278, 278, 278, 278, 278, 278, 278, 278, 278, 278,
        278, 278, 278, 278, 278, 278, 278, 278, 278, 278, 278, 278, 278, 278, 278, 974, 961, 974,
        980, 719, 789, 790, 791, 690, 960, 939, 549, 855, 911, 933, 911, 945, 974, 755, 846, 762,
        761, 571, 677, 763, 760, 759, 754, 494, 552, 537, 577, 692, 786, 788, 788, 790, 793, 794,
        816, 823, 789, 841, 823, 833, 816, 831, 923, 744, 723, 749, 790, 792, 695, 776, 768, 792,
        759, 707, 708, 682, 701, 826, 815, 789, 789, 707, 687, 696, 689, 786, 787, 713, 791, 785,
        791, 873, 761, 762, 762, 759, 759, 892, 892, 788, 784, 438, 138, 277, 415, 392, 392, 668,
        668, 278, // Extended dingbats...
        278, 278, 278, 278, 278, 278, 278, 278, 278, 278, 278, 278, 278, 278, 278, 278, 278, 278,
        278, 278, 278, 278, 278, 278, 278, 278, 278, 278, 278, 278, 278, 278, 278, 732, 544, 544,
        910, 667, 760, 760, 776, 595, 694, 626, 788, 788, 788, 788, 788, 788, 788, 788, 788, 788,
        788, 788, 788, 788, 788, 788, 788, 788, 788, 788, 788, 788, 788, 788, 788, 788, 788, 788,
        788, 788, 788, 788, 788, 788, 788, 788, 788, 788, 788, 788, 894, 838, 1016, 458, 748, 924,
        748, 918, 927, 928, 928, 924, 937, 460, 771, 841, 402, 509, 405, 322, 498, 300, 421, 393,
        844, 488, 669, 274, 438, 105, 788, 788, 788, 788, 788, 788, 788, 788, 788, 788, 788, 788,
        788, 278,
    ],
    kerning: None,
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn glyph_name_lookup_covers_non_winansi_and_symbolic_afm_glyphs() {
        let expected_fi_widths = [
            (&HELVETICA_METRICS, 500),
            (&HELVETICA_BOLD_METRICS, 611),
            (&HELVETICA_OBLIQUE_METRICS, 500),
            (&HELVETICA_BOLD_OBLIQUE_METRICS, 611),
            (&TIMES_ROMAN_METRICS, 556),
            (&TIMES_BOLD_METRICS, 556),
            (&TIMES_ITALIC_METRICS, 500),
            (&TIMES_BOLD_ITALIC_METRICS, 556),
            (&COURIER_METRICS, 600),
            (&COURIER_BOLD_METRICS, 600),
            (&COURIER_OBLIQUE_METRICS, 600),
            (&COURIER_BOLD_OBLIQUE_METRICS, 600),
        ];
        for (metrics, expected) in expected_fi_widths {
            assert_eq!(
                metrics.get_glyph_width("fi"),
                Some(expected),
                "wrong /fi width for {}",
                metrics.name
            );
        }
        assert_eq!(SYMBOL_METRICS.get_glyph_width("alpha"), Some(631));
        assert_eq!(ZAPF_DINGBATS_METRICS.get_glyph_width("a1"), Some(974));
        assert_eq!(HELVETICA_METRICS.get_glyph_width("not-a-glyph"), None);
    }

    #[test]
    fn base_font_resolution_is_exact_and_rejects_lookalikes() {
        assert_eq!(
            get_standard_font_metrics_by_name("ABCDEF+Times-BoldItalic").map(|m| m.name),
            Some("Times-BoldItalic")
        );
        assert_eq!(
            get_standard_font_metrics_by_name("Arial-BoldMT").map(|m| m.name),
            Some("Helvetica-Bold")
        );
        assert_eq!(
            get_standard_font_metrics_by_name("CourierNewPS-ItalicMT").map(|m| m.name),
            Some("Courier-Oblique")
        );
        for custom in [
            "Sometimes-Regular",
            "HelveticaNeue-Light",
            "Arialish-Regular",
            "MyCourierFont",
            "FancyDingbats",
        ] {
            assert!(
                get_standard_font_metrics_by_name(custom).is_none(),
                "custom font {custom} must not borrow Standard-14 metrics"
            );
        }
    }

    #[test]
    fn encoded_width_respects_base_encoding_and_differences() {
        assert_eq!(
            HELVETICA_METRICS.encoded_char_width(Some("StandardEncoding"), None, 39),
            Some(222) // /quoteright
        );
        assert_eq!(
            HELVETICA_METRICS.encoded_char_width(Some("WinAnsiEncoding"), None, 39),
            Some(191) // /quotesingle
        );
        assert_eq!(
            HELVETICA_METRICS.encoded_char_width(Some("MacRomanEncoding"), None, 0xDB),
            Some(556) // /currency
        );

        let differences = HashMap::from([(b'A', "fi".to_string())]);
        assert_eq!(
            HELVETICA_METRICS.encoded_char_width(Some("WinAnsiEncoding"), Some(&differences), b'A'),
            Some(500)
        );
        assert_eq!(
            HELVETICA_METRICS.encoded_char_width(Some("UnknownEncoding"), None, b'A'),
            None
        );
    }

    #[test]
    fn encoded_width_uses_symbolic_builtin_encodings() {
        assert_eq!(
            SYMBOL_METRICS.encoded_char_width(None, None, b'a'),
            Some(631)
        );
        assert_eq!(
            ZAPF_DINGBATS_METRICS.encoded_char_width(None, None, b'!'),
            Some(974)
        );

        let differences = HashMap::from([(b'A', "alpha".to_string())]);
        assert_eq!(
            SYMBOL_METRICS.encoded_char_width(None, Some(&differences), b'A'),
            Some(631)
        );
    }

    #[test]
    fn test_winansi_non_ascii_byte_widths_match_afm() {
        // #313: the 0x80-0xFF range must carry real Adobe AFM widths, not the
        // placeholder fillers that were there before.
        // Helvetica: iacute (0xED) = 278, emdash (0x97) = 1000, bullet (0x95) = 350.
        assert_eq!(HELVETICA_METRICS.get_char_width(0xED), 278);
        assert_eq!(HELVETICA_METRICS.get_char_width(0x97), 1000);
        assert_eq!(HELVETICA_METRICS.get_char_width(0x95), 350);
        assert_eq!(HELVETICA_METRICS.get_char_width(0xA9), 737); // copyright
                                                                 // Times-Roman: trademark (0x99) = 980, copyright (0xA9) = 760.
        assert_eq!(TIMES_ROMAN_METRICS.get_char_width(0x99), 980);
        assert_eq!(TIMES_ROMAN_METRICS.get_char_width(0xA9), 760);
    }

    #[test]
    fn test_char_width_unicode_maps_through_winansi() {
        // The Unicode accessor must reach the same AFM widths via WinAnsi.
        assert_eq!(HELVETICA_METRICS.char_width_unicode('í'), 278);
        assert_eq!(HELVETICA_METRICS.char_width_unicode('—'), 1000); // U+2014
        assert_eq!(HELVETICA_METRICS.char_width_unicode('•'), 350); // U+2022
        assert_eq!(TIMES_ROMAN_METRICS.char_width_unicode('™'), 980);
        // A char with no WinAnsi glyph falls back to default_width.
        assert_eq!(
            HELVETICA_METRICS.char_width_unicode('中'),
            HELVETICA_METRICS.default_width
        );
    }

    #[test]
    fn test_get_string_width_counts_chars_not_utf8_bytes() {
        // #313 bug: get_string_width iterated UTF-8 bytes, so a 2-byte char like
        // 'é' (0xC3 0xA9) produced two garbage lookups. It must now sum per-char.
        // Helvetica "café": c=500, a=556, f=278, é=556 = 1890.
        assert_eq!(HELVETICA_METRICS.get_string_width("café"), 1890);
        // Pure-ASCII path unchanged: "Abc" = A667 + b556 + c500 = 1723.
        assert_eq!(HELVETICA_METRICS.get_string_width("Abc"), 1723);
        // A 4-char accented word must equal the sum of its 4 char widths, never
        // the sum of its (more numerous) UTF-8 bytes.
        let s = "ñoño";
        let expected: i32 = s
            .chars()
            .map(|c| HELVETICA_METRICS.char_width_unicode(c))
            .sum();
        assert_eq!(HELVETICA_METRICS.get_string_width(s), expected);
        assert!(s.len() > s.chars().count()); // multi-byte: the bug would inflate this
    }

    #[test]
    fn test_helvetica_metrics() {
        let metrics = &HELVETICA_METRICS;

        // Test basic properties
        assert_eq!(metrics.name, "Helvetica");
        assert_eq!(metrics.weight, 400);
        assert!(!metrics.italic);
        assert!(!metrics.fixed_pitch);

        // Test character widths
        assert_eq!(metrics.get_char_width(b' '), 278); // Space
        assert_eq!(metrics.get_char_width(b'A'), 667); // Capital A
        assert_eq!(metrics.get_char_width(b'a'), 556); // Lowercase a
        assert_eq!(metrics.get_char_width(b'0'), 556); // Digit 0

        // Test string width
        // H(72)=722, e(101)=556, l(108)=222, l(108)=222, o(111)=556
        assert_eq!(
            metrics.get_string_width("Hello"),
            722 + 556 + 222 + 222 + 556
        ); // H + e + l + l + o
    }

    #[test]
    fn test_times_metrics() {
        let metrics = &TIMES_ROMAN_METRICS;

        assert_eq!(metrics.name, "Times-Roman");
        assert!(!metrics.fixed_pitch);

        // Times has different widths than Helvetica
        assert_eq!(metrics.get_char_width(b' '), 250); // Space
        assert_eq!(metrics.get_char_width(b'A'), 722); // Capital A
        assert_eq!(metrics.get_char_width(b'a'), 444); // Lowercase a
    }

    #[test]
    fn test_courier_metrics() {
        let metrics = &COURIER_METRICS;

        assert_eq!(metrics.name, "Courier");
        assert!(metrics.fixed_pitch);

        // All characters should be 600 units wide
        assert_eq!(metrics.get_char_width(b' '), 600);
        assert_eq!(metrics.get_char_width(b'A'), 600);
        assert_eq!(metrics.get_char_width(b'a'), 600);
        assert_eq!(metrics.get_char_width(b'i'), 600);
        assert_eq!(metrics.get_char_width(b'W'), 600);
    }

    #[test]
    fn test_user_space_conversion() {
        let metrics = &HELVETICA_METRICS;

        // Test conversion at 12pt font size
        let font_size = 12.0;
        let width_units = metrics.get_char_width(b'A'); // 667 units
        let width_user = metrics.to_user_space(width_units, font_size);
        assert_eq!(width_user, 667.0 * 12.0 / 1000.0); // 8.004

        // Test line height
        let line_height = metrics.get_line_height(font_size);
        assert_eq!(line_height, (718 - (-207)) as f64 * 12.0 / 1000.0);
    }

    #[test]
    fn test_get_standard_font_metrics() {
        // Test all standard fonts
        assert!(get_standard_font_metrics(&Font::Helvetica).is_some());
        assert!(get_standard_font_metrics(&Font::HelveticaBold).is_some());
        assert!(get_standard_font_metrics(&Font::TimesRoman).is_some());
        assert!(get_standard_font_metrics(&Font::Courier).is_some());
        assert!(get_standard_font_metrics(&Font::Symbol).is_some());
        assert!(get_standard_font_metrics(&Font::ZapfDingbats).is_some());

        // Custom fonts should return None
        assert!(get_standard_font_metrics(&Font::Custom("Arial".to_string())).is_none());
    }

    #[test]
    fn test_font_families() {
        assert_eq!(HELVETICA_METRICS.family, "Helvetica");
        assert_eq!(HELVETICA_BOLD_METRICS.family, "Helvetica");
        assert_eq!(TIMES_ROMAN_METRICS.family, "Times");
        assert_eq!(COURIER_METRICS.family, "Courier");
    }

    #[test]
    fn test_font_weights() {
        assert_eq!(HELVETICA_METRICS.weight, 400); // Normal
        assert_eq!(HELVETICA_BOLD_METRICS.weight, 700); // Bold
        assert_eq!(TIMES_BOLD_METRICS.weight, 700); // Bold
    }

    #[test]
    fn test_italic_flags() {
        assert!(!HELVETICA_METRICS.italic);
        assert!(HELVETICA_OBLIQUE_METRICS.italic);
        assert!(!TIMES_ROMAN_METRICS.italic);
        assert!(TIMES_ITALIC_METRICS.italic);
    }
}
