//! The text-layer quality gate. PDF text layers lie: a font without a
//! ToUnicode map gives U+FFFD or private-use code points, GBK bytes in a
//! simple font come out as Latin-1 mojibake ("ÍõˆÒ"), a scan may carry only
//! a scanner's stamp as text. A page that fails is recognised from its image.

/// What the gate thinks of one page's text layer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// Usable text.
    Good,
    /// No text at all (a blank page, or a scan with no text layer).
    Blank,
    /// Real text but implausibly few CJK characters for a page: usable, unless
    /// the page is a scan (then the image is read instead).
    Sparse,
    /// Not usable.
    Bad(Reason),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reason {
    /// U+FFFD, private-use or control characters: glyphs with no Unicode.
    Unmapped,
    /// Latin-1 characters that are GBK bytes read one by one.
    Mojibake,
    /// Mostly symbols: glyph codes shown as if they were characters.
    Garbage,
}

/// Fewer CJK characters than this on a page that is a scan: read the image.
pub const SPARSE_CJK: usize = 20;

pub fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x3134F)
}

fn is_private(c: char) -> bool {
    matches!(c as u32, 0xE000..=0xF8FF | 0xF0000..=0x10FFFF)
}

/// Judges one page's extracted text.
pub fn assess(text: &str) -> Verdict {
    let chars: Vec<char> = text.chars().filter(|c| !c.is_whitespace()).collect();
    let n = chars.len();
    if n == 0 {
        return Verdict::Blank;
    }
    if is_mojibake(text, &chars) {
        return Verdict::Bad(Reason::Mojibake);
    }
    let unmapped = chars
        .iter()
        .filter(|&&c| c == '\u{FFFD}' || is_private(c) || c.is_control())
        .count();
    if unmapped > 0 && unmapped * 50 >= n {
        return Verdict::Bad(Reason::Unmapped);
    }
    let cjk = chars.iter().filter(|&&c| is_cjk(c)).count();
    let plain = chars
        .iter()
        .filter(|&&c| c.is_alphanumeric() || is_cjk(c) || is_common_punct(c))
        .count();
    if n >= 40 && plain * 10 < n * 6 {
        return Verdict::Bad(Reason::Garbage);
    }
    if cjk < SPARSE_CJK {
        return Verdict::Sparse;
    }
    Verdict::Good
}

fn is_common_punct(c: char) -> bool {
    matches!(c as u32, 0x3000..=0x303F | 0xFF00..=0xFFEF | 0x2010..=0x2027)
        || ".,;:!?'\"()[]-/%¥$@#&*+=_<>".contains(c)
}

/// Latin-1 (Windows-1252) characters making up much of the page that, taken
/// back to bytes, read as GBK Chinese.
fn is_mojibake(text: &str, chars: &[char]) -> bool {
    let high = chars
        .iter()
        .filter(|&&c| {
            (0x80..=0xFF).contains(&(c as u32)) || "€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ".contains(c)
        })
        .count();
    if high < 4 || high * 3 < chars.len() {
        return false;
    }
    let (bytes, _, unmappable) = encoding_rs::WINDOWS_1252.encode(text);
    if unmappable {
        return false;
    }
    let Some(decoded) =
        encoding_rs::GBK.decode_without_bom_handling_and_without_replacement(&bytes)
    else {
        return false;
    };
    let cjk = decoded.chars().filter(|&c| is_cjk(c)).count();
    // Each hanzi takes two high bytes; allow some non-Chinese GBK symbols.
    cjk * 2 * 10 >= high * 6
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn good_text_passes_and_blank_is_blank() {
        let t = "反映村委会主任王堃违规报销接待费用，金额 1,050.00 元，涉及石桥村党支部书记刘建国等人。";
        assert_eq!(assess(t), Verdict::Good);
        assert_eq!(assess(" \n\t "), Verdict::Blank);
    }

    #[test]
    fn replacement_and_private_use_fail() {
        let t = "\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}村\u{FFFD}\u{FFFD}";
        assert_eq!(assess(t), Verdict::Bad(Reason::Unmapped));
        let t: String = std::iter::repeat_n('\u{E012}', 30).collect();
        assert_eq!(assess(&t), Verdict::Bad(Reason::Unmapped));
        // One stray replacement in a long page is tolerated.
        let mut t = "村委会主任违规报销接待费用".repeat(10);
        t.push('\u{FFFD}');
        assert_eq!(assess(&t), Verdict::Good);
    }

    #[test]
    fn gbk_read_as_latin1_is_mojibake() {
        let (gbk, _, _) = encoding_rs::GBK.encode("反映村委会主任王堃违规报销接待费用");
        let (latin, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(&gbk);
        assert_eq!(assess(&latin), Verdict::Bad(Reason::Mojibake));
        // Real French or German text is not.
        assert_ne!(
            assess("Château à la crème brûlée, Größe über Maß, déjà vu"),
            Verdict::Bad(Reason::Mojibake)
        );
    }

    #[test]
    fn few_cjk_is_sparse_and_symbol_soup_is_garbage() {
        assert_eq!(assess("Scanned by CamScanner"), Verdict::Sparse);
        assert_eq!(assess("附件1"), Verdict::Sparse);
        let soup = "#$%^&*{}|~`<>".repeat(5);
        assert_eq!(assess(&soup), Verdict::Bad(Reason::Garbage));
    }
}
