//! Character helpers: half-width mapping, space-like characters, placeholders, a cursor.

/// Full-width ASCII variants and the ideographic space to their half-width forms.
#[inline]
pub(super) fn hw(c: char) -> char {
    let u = c as u32;
    if (0xFF01..=0xFF5E).contains(&u) {
        ((u - 0xFEE0) as u8) as char
    } else if u == 0x3000 {
        ' '
    } else {
        c
    }
}

/// Whitespace (Unicode White_Space, incl. U+3000 and NBSP) and invisible zero-width marks.
#[inline]
pub(super) fn is_space_like(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}'
        )
}

#[inline]
pub(super) fn trim_space_like(s: &str) -> &str {
    s.trim_matches(is_space_like)
}

/// A trimmed cell that only says "no value".
#[inline]
pub(super) fn is_placeholder(t: &str) -> bool {
    matches!(t, "-" | "--" | "—" | "——" | "–" | "―" | "－")
}

/// A cursor over a string that sees every character through [`hw`].
pub(super) struct Cur<'a> {
    s: &'a str,
    pos: usize,
}

impl<'a> Cur<'a> {
    pub(super) fn new(s: &'a str) -> Self {
        Cur { s, pos: 0 }
    }

    #[inline]
    pub(super) fn raw_peek(&self) -> Option<char> {
        self.s[self.pos..].chars().next()
    }

    #[inline]
    pub(super) fn peek(&self) -> Option<char> {
        self.raw_peek().map(hw)
    }

    #[inline]
    pub(super) fn bump(&mut self) {
        if let Some(c) = self.raw_peek() {
            self.pos += c.len_utf8();
        }
    }

    #[inline]
    pub(super) fn eat(&mut self, want: char) -> bool {
        if self.peek() == Some(want) {
            self.bump();
            true
        } else {
            false
        }
    }

    pub(super) fn skip_ws(&mut self) {
        while matches!(self.peek(), Some(c) if is_space_like(c)) {
            self.bump();
        }
    }

    #[inline]
    pub(super) fn at_end(&self) -> bool {
        self.pos >= self.s.len()
    }

    #[inline]
    pub(super) fn rest(&self) -> &'a str {
        &self.s[self.pos..]
    }

    /// A run of (half- or full-width) decimal digits: (saturated value, digit count).
    pub(super) fn digits(&mut self) -> (u64, usize) {
        let mut v: u64 = 0;
        let mut n = 0usize;
        while let Some(c) = self.peek() {
            match c.to_digit(10) {
                Some(d) if c.is_ascii_digit() => {
                    v = v.saturating_mul(10).saturating_add(u64::from(d));
                    n += 1;
                    self.bump();
                }
                _ => break,
            }
        }
        (v, n)
    }
}
