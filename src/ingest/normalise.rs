//! Cell-value normalisation shared by every ledger (see DOMAIN.md, "Normalisation").
//!
//! Everything here is pure, allocation-light and standard-library only: these functions run
//! on every cell of ledgers with millions of rows. Nothing guesses: a value that cannot be
//! read exactly (an amount with more decimals than fen, an impossible date, a mangled ID
//! number) is reported, never rounded or repaired silently.
//!
//! Conventions used throughout:
//! * "space-like" characters are Unicode `White_Space` (which includes U+3000 ideographic
//!   space and U+00A0 NBSP) plus the invisible U+200B..U+200D, U+2060 and U+FEFF (BOM);
//! * "half-width" means U+FF01..=U+FF5E mapped to U+0021..=U+007E and U+3000 mapped to a space;
//! * an empty cell, or one holding only a dash placeholder (`-`, `--`, `—`, `——`, `–`, `―`,
//!   `－`), has no value (`Ok(None)`) for amounts, numbers, dates and periods.

use std::fmt;

// ---------------------------------------------------------------------------
// Character helpers
// ---------------------------------------------------------------------------

/// Full-width ASCII variants and the ideographic space to their half-width forms.
#[inline]
fn hw(c: char) -> char {
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
fn is_space_like(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}'
        )
}

#[inline]
fn trim_space_like(s: &str) -> &str {
    s.trim_matches(is_space_like)
}

/// A trimmed cell that only says "no value".
#[inline]
fn is_placeholder(t: &str) -> bool {
    matches!(t, "-" | "--" | "—" | "——" | "–" | "―" | "－")
}

/// A cursor over a string that sees every character through [`hw`].
struct Cur<'a> {
    s: &'a str,
    pos: usize,
}

impl<'a> Cur<'a> {
    fn new(s: &'a str) -> Self {
        Cur { s, pos: 0 }
    }

    #[inline]
    fn raw_peek(&self) -> Option<char> {
        self.s[self.pos..].chars().next()
    }

    #[inline]
    fn peek(&self) -> Option<char> {
        self.raw_peek().map(hw)
    }

    #[inline]
    fn bump(&mut self) {
        if let Some(c) = self.raw_peek() {
            self.pos += c.len_utf8();
        }
    }

    #[inline]
    fn eat(&mut self, want: char) -> bool {
        if self.peek() == Some(want) {
            self.bump();
            true
        } else {
            false
        }
    }

    fn skip_ws(&mut self) {
        while matches!(self.peek(), Some(c) if is_space_like(c)) {
            self.bump();
        }
    }

    #[inline]
    fn at_end(&self) -> bool {
        self.pos >= self.s.len()
    }

    #[inline]
    fn rest(&self) -> &'a str {
        &self.s[self.pos..]
    }

    /// A run of (half- or full-width) decimal digits: (saturated value, digit count).
    fn digits(&mut self) -> (u64, usize) {
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

// ---------------------------------------------------------------------------
// Dates
// ---------------------------------------------------------------------------

const MIN_YEAR: i32 = 1800;
const MAX_YEAR: i32 = 2200;

#[inline]
fn is_leap(y: i32) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

#[inline]
fn days_in_month(y: i32, m: u32) -> u32 {
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(y) => 29,
        2 => 28,
        _ => 0,
    }
}

/// Calendar date, validated (proleptic Gregorian, year 1800..=2200).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Ymd {
    /// Year, 1800..=2200.
    pub y: i32,
    /// Month, 1..=12.
    pub m: u32,
    /// Day of month, 1..=28/29/30/31.
    pub d: u32,
}

impl Ymd {
    /// A validated date; `None` if it is not a real calendar date (`2023-02-29`) or the year
    /// is outside 1800..=2200.
    pub fn new(y: i32, m: u32, d: u32) -> Option<Ymd> {
        if !(MIN_YEAR..=MAX_YEAR).contains(&y) || !(1..=12).contains(&m) {
            return None;
        }
        if d == 0 || d > days_in_month(y, m) {
            return None;
        }
        Some(Ymd { y, m, d })
    }

    /// An Excel serial day number in the 1900 date system (1 = 1900-01-01), including the
    /// Lotus bug that counts a non-existent 1900-02-29 as serial 60: serials 1..=59 map to
    /// 1900-01-01..=1900-02-28, serial **60 gives `None`** (it names no real day, so we do not
    /// guess), and 61 onwards map to 1900-03-01 onwards (45047 = 2023-05-01).
    /// The fractional part (time of day) is ignored. `None` for NaN, infinities, serials below
    /// 1 or above 2958465 (9999-12-31), and dates outside the 1800..=2200 year range.
    pub fn from_excel_serial(serial: f64) -> Option<Ymd> {
        if !serial.is_finite() {
            return None;
        }
        let whole = serial.floor();
        if !(1.0..=2_958_465.0).contains(&whole) {
            return None;
        }
        let n = whole as i64;
        let days = match n {
            1..=59 => n - 25_568,
            60 => return None,
            _ => n - 25_569,
        };
        Ymd::from_days_from_epoch(days)
    }

    /// Days since 1970-01-01 (negative before it).
    pub fn days_from_epoch(&self) -> i64 {
        // Howard Hinnant's days_from_civil.
        let m = i64::from(self.m);
        let d = i64::from(self.d);
        let y = i64::from(self.y) - i64::from(m <= 2);
        let era = if y >= 0 { y } else { y - 399 } / 400;
        let yoe = y - era * 400;
        let mp = (m + 9) % 12;
        let doy = (153 * mp + 2) / 5 + d - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The date `days` after 1970-01-01; `None` outside the 1800..=2200 year range.
    pub fn from_days_from_epoch(days: i64) -> Option<Ymd> {
        // 1800-01-01 is day -62091, 2200-12-31 is day 84370; anything far outside is rejected
        // before the arithmetic so it cannot overflow.
        if !(-70_000..=90_000).contains(&days) {
            return None;
        }
        // Howard Hinnant's civil_from_days.
        let z = days + 719_468;
        let era = if z >= 0 { z } else { z - 146_096 } / 146_097;
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let d = doy - (153 * mp + 2) / 5 + 1;
        let m = if mp < 10 { mp + 3 } else { mp - 9 };
        let y = yoe + era * 400 + i64::from(m <= 2);
        Ymd::new(y as i32, m as u32, d as u32)
    }

    /// The year-month this date falls in.
    pub fn ym(&self) -> Ym {
        Ym {
            y: self.y,
            m: self.m,
        }
    }
}

impl fmt::Display for Ymd {
    /// ISO form, `2023-05-01`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.y, self.m, self.d)
    }
}

/// A year-month period.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Ym {
    /// Year, 1800..=2200 when built by this module.
    pub y: i32,
    /// Month, 1..=12.
    pub m: u32,
}

impl Ym {
    /// A validated period; `None` for a month outside 1..=12 or a year outside 1800..=2200.
    pub fn new(y: i32, m: u32) -> Option<Ym> {
        if (MIN_YEAR..=MAX_YEAR).contains(&y) && (1..=12).contains(&m) {
            Some(Ym { y, m })
        } else {
            None
        }
    }
}

impl fmt::Display for Ym {
    /// ISO form, `2023-05`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}", self.y, self.m)
    }
}

// ---------------------------------------------------------------------------
// Text
// ---------------------------------------------------------------------------

/// Full-width ASCII variants (U+FF01..=U+FF5E) become ASCII (U+0021..=U+007E) and the
/// ideographic space U+3000 becomes `' '`; everything else (CJK included) is unchanged.
pub fn to_halfwidth(s: &str) -> String {
    if s.is_ascii() {
        return s.to_owned();
    }
    let mut out = String::with_capacity(s.len());
    out.extend(s.chars().map(hw));
    out
}

/// A person's name as a matching key: half-width, with every space-like character removed,
/// leading, trailing and inside (`张 三` → `张三`, `　李四　` → `李四`). `None` when nothing
/// is left.
pub fn normalise_name(s: &str) -> Option<String> {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        let c = hw(c);
        if !is_space_like(c) {
            out.push(c);
        }
    }
    if out.is_empty() {
        None
    } else {
        Some(out)
    }
}

/// Free text: trimmed of space-like characters (incl. U+3000 and NBSP) at both ends and
/// half-width; inner spaces are kept. `None` when nothing is left.
pub fn normalise_text(s: &str) -> Option<String> {
    let t = trim_space_like(s);
    if t.is_empty() {
        None
    } else {
        Some(to_halfwidth(t))
    }
}

/// Header key for synonym matching: half-width, all space-like characters removed, then ONE
/// trailing bracketed part stripped when something precedes it. Brackets may be `()`, `（）`,
/// `[]`, `［］`, `【】` or `〔〕`, mixed pairs allowed (`金额（元)`); the bracketed part may
/// not itself contain a bracket. `金额(元)` → `金额`, `补偿金额（元）` → `补偿金额`,
/// ` 发放 金额 ` → `发放金额`, `(元)` → `(元)`.
pub fn header_key(h: &str) -> String {
    fn is_open(c: char) -> bool {
        matches!(c, '(' | '[' | '【' | '〔')
    }
    fn is_close(c: char) -> bool {
        matches!(c, ')' | ']' | '】' | '〕')
    }
    let mut s = String::with_capacity(h.len());
    for c in h.chars() {
        let c = hw(c);
        if !is_space_like(c) {
            s.push(c);
        }
    }
    if let Some(last) = s.chars().next_back() {
        if is_close(last) {
            let body = &s[..s.len() - last.len_utf8()];
            let inner = body
                .char_indices()
                .rev()
                .find(|&(_, c)| is_open(c) || is_close(c));
            if let Some((i, c)) = inner {
                if is_open(c) && i > 0 {
                    s.truncate(i);
                }
            }
        }
    }
    s
}

// ---------------------------------------------------------------------------
// ID numbers
// ---------------------------------------------------------------------------

/// Sex as encoded in an ID number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sex {
    /// Odd 17th digit.
    Male,
    /// Even 17th digit.
    Female,
}

impl Sex {
    /// `男` or `女`.
    pub fn as_zh(&self) -> &'static str {
        match self {
            Sex::Male => "男",
            Sex::Female => "女",
        }
    }
}

/// A citizen ID number cell (公民身份号码), cleaned and checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IdNumber {
    /// Trimmed, full-width → ASCII, all inner space-like characters removed, ASCII
    /// upper-cased (`x` → `X`). This is the key of the invalid-id rule.
    pub cleaned: String,
    /// The valid 18-character number (after any 15 → 18 upgrade); `None` when invalid.
    pub normalised: Option<String>,
    /// Digits 7-14 as a date (only when valid).
    pub birth_date: Option<Ymd>,
    /// Digit 17, odd = male (only when valid).
    pub sex: Option<Sex>,
    /// True when a valid 15-digit old number was upgraded to 18 digits (false for every
    /// invalid number, whatever its length).
    pub upgraded: bool,
    /// Why the number is invalid; `None` when valid.
    pub problem: Option<IdProblem>,
}

/// Why an ID number is invalid.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IdProblem {
    /// Neither 15 nor 18 characters.
    Length,
    /// Something other than digits, or an `X` anywhere but the 18th position.
    Characters,
    /// Digits 7-14 are not a real date in 1800..=2200.
    BirthDate,
    /// The 18th character does not match the GB 11643-1999 check character.
    CheckDigit,
}

impl IdProblem {
    /// Chinese label: 长度不符 / 含非法字符 / 出生日期无效 / 校验码错误.
    pub fn as_zh(&self) -> &'static str {
        match self {
            IdProblem::Length => "长度不符",
            IdProblem::Characters => "含非法字符",
            IdProblem::BirthDate => "出生日期无效",
            IdProblem::CheckDigit => "校验码错误",
        }
    }

    /// English label: length / characters / birth date / check digit.
    pub fn as_en(&self) -> &'static str {
        match self {
            IdProblem::Length => "length",
            IdProblem::Characters => "characters",
            IdProblem::BirthDate => "birth date",
            IdProblem::CheckDigit => "check digit",
        }
    }
}

const ID_WEIGHTS: [u32; 17] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK: &[u8; 11] = b"10X98765432";

/// The GB 11643-1999 check character for the first 17 digits (weights
/// 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2, remainder 0..10 → `1 0 X 9 8 7 6 5 4 3 2`);
/// `None` unless given exactly 17 ASCII digits.
pub fn id_check_char(first17: &[u8]) -> Option<u8> {
    if first17.len() != 17 {
        return None;
    }
    let mut sum = 0u32;
    for (&c, &w) in first17.iter().zip(ID_WEIGHTS.iter()) {
        if !c.is_ascii_digit() {
            return None;
        }
        sum += u32::from(c - b'0') * w;
    }
    Some(ID_CHECK[(sum % 11) as usize])
}

/// Eight ASCII digits `YYYYMMDD` as a validated date.
fn ymd_from_digits8(b: &[u8]) -> Option<Ymd> {
    if b.len() != 8 || !b.iter().all(u8::is_ascii_digit) {
        return None;
    }
    let n =
        |r: std::ops::Range<usize>| b[r].iter().fold(0u32, |a, &c| a * 10 + u32::from(c - b'0'));
    Ymd::new(n(0..4) as i32, n(4..6), n(6..8))
}

/// Parse and check an ID number cell; `None` when the cell is empty or only spaces.
///
/// 18 characters: 17 digits plus a digit or `X`; birth date (digits 7-14) must be a real
/// date in 1800..=2200; the check character must match. 15 digits: an old number, upgraded by
/// inserting `19` before the two-digit year and appending the computed check character.
/// Problems are reported in this order: characters (any non-digit, e.g. an Excel-mangled
/// `4.30423199001011E+17`), length, birth date, check digit. The raw cleaned text is always
/// kept so the row is never dropped.
pub fn parse_id_number(s: &str) -> Option<IdNumber> {
    let t = trim_space_like(s);
    if t.is_empty() {
        return None;
    }
    let mut cleaned = String::with_capacity(t.len());
    for c in t.chars() {
        let c = hw(c);
        if !is_space_like(c) {
            cleaned.push(c.to_ascii_uppercase());
        }
    }
    let invalid = |cleaned: String, p: IdProblem| IdNumber {
        cleaned,
        normalised: None,
        birth_date: None,
        sex: None,
        upgraded: false,
        problem: Some(p),
    };
    let b = cleaned.as_bytes();
    let n = b.len();
    let bad_char = b
        .iter()
        .enumerate()
        .any(|(i, &c)| !(c.is_ascii_digit() || (c == b'X' && i + 1 == n)));
    if bad_char {
        return Some(invalid(cleaned, IdProblem::Characters));
    }
    let mut full = [0u8; 18];
    let upgraded = match n {
        18 => {
            full.copy_from_slice(b);
            false
        }
        15 => {
            if b[14] == b'X' {
                return Some(invalid(cleaned, IdProblem::Characters));
            }
            full[..6].copy_from_slice(&b[..6]);
            full[6] = b'1';
            full[7] = b'9';
            full[8..17].copy_from_slice(&b[6..15]);
            true
        }
        _ => return Some(invalid(cleaned, IdProblem::Length)),
    };
    let birth = match ymd_from_digits8(&full[6..14]) {
        Some(d) => d,
        None => return Some(invalid(cleaned, IdProblem::BirthDate)),
    };
    let check = match id_check_char(&full[..17]) {
        Some(c) => c,
        None => return Some(invalid(cleaned, IdProblem::Characters)),
    };
    if upgraded {
        full[17] = check;
    } else if full[17] != check {
        return Some(invalid(cleaned, IdProblem::CheckDigit));
    }
    let sex = if (full[16] - b'0') % 2 == 1 {
        Sex::Male
    } else {
        Sex::Female
    };
    let normalised: String = full.iter().map(|&c| c as char).collect();
    Some(IdNumber {
        cleaned,
        normalised: Some(normalised),
        birth_date: Some(birth),
        sex: Some(sex),
        upgraded,
        problem: None,
    })
}

// ---------------------------------------------------------------------------
// Values: error type
// ---------------------------------------------------------------------------

/// A cell that does not hold a value of the expected kind.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValueError {
    /// Short English key of what was expected: `"amount"`, `"number"`, `"date"`, `"period"`.
    pub expected: &'static str,
}

impl fmt::Display for ValueError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "not a valid {}", self.expected)
    }
}

impl std::error::Error for ValueError {}

const AMOUNT_ERR: ValueError = ValueError { expected: "amount" };
const NUMBER_ERR: ValueError = ValueError { expected: "number" };
const DATE_ERR: ValueError = ValueError { expected: "date" };
const PERIOD_ERR: ValueError = ValueError { expected: "period" };

// ---------------------------------------------------------------------------
// Amounts and scaled numbers
// ---------------------------------------------------------------------------

/// Unit words accepted after an amount (after an optional 万).
const AMOUNT_UNITS: &[&str] = &["元", "元整", "圆", "圆整"];

/// Unit words stripped after a quantity or area. Compared half-width and ASCII
/// case-insensitively; `A/B` (e.g. `元/斤`) is accepted when both parts are listed.
/// 分 is deliberately absent (a land unit of 0.1 亩 and a money unit of 0.01 元).
const QTY_UNITS: &[&str] = &[
    // area
    "亩",
    "公顷",
    "平方米",
    "平米",
    "平方",
    "㎡",
    "m²",
    "m2",
    "平方公里",
    "km²",
    "km2",
    // weight
    "吨",
    "t",
    "公斤",
    "千克",
    "kg",
    "斤",
    "克",
    "g",
    // volume and length
    "升",
    "l",
    "立方米",
    "立方",
    "方",
    "m³",
    "m3",
    "米",
    "m",
    "公里",
    "km",
    // counts
    "个",
    "件",
    "袋",
    "箱",
    "桶",
    "瓶",
    "包",
    "套",
    "台",
    "张",
    "条",
    "只",
    "头",
    "株",
    "棵",
    "床",
    "顶",
    "块",
    "把",
    "盒",
    "支",
    "双",
    "份",
    "本",
    "辆",
    "匹",
    "卷",
    "捆",
    "副",
    "批",
    "人",
    "户",
    "次",
    "天",
    "度",
    // money (unit prices such as 元/斤)
    "元",
];

/// `rest` equals `unit`, comparing half-width and ASCII case-insensitively.
fn unit_eq(rest: &str, unit: &str) -> bool {
    let mut a = rest.chars().map(|c| hw(c).to_ascii_lowercase());
    let mut b = unit.chars();
    loop {
        match (a.next(), b.next()) {
            (None, None) => return true,
            (Some(x), Some(y)) if x == y => {}
            _ => return false,
        }
    }
}

fn is_unit(rest: &str, list: &[&str]) -> bool {
    list.iter().any(|u| unit_eq(rest, u))
}

fn is_qty_unit(rest: &str) -> bool {
    if is_unit(rest, QTY_UNITS) {
        return true;
    }
    if let Some((i, c)) = rest.char_indices().find(|&(_, c)| hw(c) == '/') {
        let (a, b) = (
            trim_space_like(&rest[..i]),
            trim_space_like(&rest[i + c.len_utf8()..]),
        );
        return is_unit(a, QTY_UNITS) && is_unit(b, QTY_UNITS);
    }
    false
}

#[inline]
fn to_i64(v: i128) -> Result<i64, ()> {
    i64::try_from(v).map_err(|_| ())
}

/// The shared decimal grammar. On success returns the scaled value and the unit suffix as
/// written (possibly empty). `amount` selects currency symbols and money units; otherwise
/// quantity units.
fn parse_decimal(s: &str, scale: u32, amount: bool) -> Result<Option<(i64, &str)>, ()> {
    let t = trim_space_like(s);
    if t.is_empty() || is_placeholder(t) {
        return Ok(None);
    }
    let bytes = t.as_bytes();
    // Fast path: plain ASCII digits (up to 18 fit an i64 without overflow checks).
    if bytes.len() <= 18 && bytes.iter().all(u8::is_ascii_digit) {
        let v = bytes
            .iter()
            .fold(0i64, |a, &c| a * 10 + i64::from(c - b'0'));
        if v == 0 {
            return Ok(Some((0, "")));
        }
        let p = 10i128.checked_pow(scale).ok_or(())?;
        let scaled = i128::from(v).checked_mul(p).ok_or(())?;
        return to_i64(scaled).map(|v| Some((v, "")));
    }

    let mut c = Cur::new(t);
    // Prefix: one optional sign and (amounts only) one optional currency sign, either order.
    let mut neg = false;
    let mut signed = false;
    let mut currency = false;
    loop {
        c.skip_ws();
        match c.peek() {
            Some('-') | Some('\u{2212}') if !signed => {
                neg = true;
                signed = true;
            }
            Some('+') if !signed => signed = true,
            Some('¥') | Some('\u{FFE5}') if amount && !currency => currency = true,
            _ => break,
        }
        c.bump();
    }

    // Number: digits with optional comma grouping (by 3) in the integer part, optional
    // fraction. Trailing fraction zeros are not accumulated (they change nothing).
    let mut mant: u128 = 0;
    let mut any_digit = false;
    let mut in_frac = false;
    let mut frac_digits: u32 = 0;
    let mut pending_zeros: u32 = 0;
    let mut group_len = 0usize;
    let mut seen_comma = false;
    while let Some(ch) = c.peek() {
        match ch {
            '0'..='9' => {
                let d = u128::from(ch as u32 - '0' as u32);
                any_digit = true;
                if in_frac {
                    if d == 0 {
                        pending_zeros += 1;
                    } else {
                        let p = 10u128.checked_pow(pending_zeros + 1).ok_or(())?;
                        mant = mant
                            .checked_mul(p)
                            .and_then(|m| m.checked_add(d))
                            .ok_or(())?;
                        frac_digits += pending_zeros + 1;
                        pending_zeros = 0;
                    }
                } else {
                    group_len += 1;
                    mant = mant
                        .checked_mul(10)
                        .and_then(|m| m.checked_add(d))
                        .ok_or(())?;
                }
            }
            ',' if !in_frac => {
                if group_len == 0 || (seen_comma && group_len != 3) || group_len > 3 {
                    return Err(());
                }
                seen_comma = true;
                group_len = 0;
            }
            '.' if !in_frac => {
                if seen_comma && group_len != 3 {
                    return Err(());
                }
                in_frac = true;
            }
            _ => break,
        }
        c.bump();
    }
    if !any_digit || (!in_frac && seen_comma && group_len != 3) {
        return Err(());
    }

    // Suffix: optional 万 (×10000), then an optional unit.
    c.skip_ws();
    let wan = c.eat('万') || c.eat('萬');
    c.skip_ws();
    let unit = c.rest();
    if !unit.is_empty() {
        let ok = if amount {
            is_unit(unit, AMOUNT_UNITS)
        } else {
            is_qty_unit(unit)
        };
        if !ok {
            return Err(());
        }
    }

    let exp = i64::from(scale) + if wan { 4 } else { 0 } - i64::from(frac_digits);
    let mag: u128 = if mant == 0 {
        0
    } else if exp >= 0 {
        let p = 10u128
            .checked_pow(u32::try_from(exp).map_err(|_| ())?)
            .ok_or(())?;
        mant.checked_mul(p).ok_or(())?
    } else {
        // More significant decimals than the scale allows: never round.
        let p = 10u128
            .checked_pow(u32::try_from(-exp).map_err(|_| ())?)
            .ok_or(())?;
        if !mant.is_multiple_of(p) {
            return Err(());
        }
        mant / p
    };
    let mag = i128::try_from(mag).map_err(|_| ())?;
    let v = to_i64(if neg { -mag } else { mag })?;
    Ok(Some((v, unit)))
}

/// Money in fen (1 yuan = 100 fen), exact, never floats. `Ok(None)` for an empty cell or a
/// dash placeholder.
///
/// Accepts half- or full-width input: `1050`, `1,050.00`, `1050元`, `1050元整`, `¥1050`,
/// `￥1,050.5`, `１０５０`, `1050.00元`, `-30`, `-¥30`, ` 1050 `, `1.2万` / `1.2万元`
/// (= 12000.00), `1050.0000` (trailing zeros are fine). Rejects text, parentheses negatives
/// `(30)`, more than two non-zero decimals (`1.005`: never rounded), commas not grouping by
/// three from the decimal point (`1,05,0`), exponents (`1.05E+3`).
pub fn parse_amount_fen(s: &str) -> Result<Option<i64>, ValueError> {
    match parse_decimal(s, 2, true) {
        Ok(v) => Ok(v.map(|(v, _)| v)),
        Err(()) => Err(AMOUNT_ERR),
    }
}

/// Same grammar for quantities and areas with a fixed scale (decimal places), a unit
/// stripped: `12.5亩`, `7.64吨`, `3 t`, `28.0`, `2.5元/斤` (no currency signs). Units are
/// NOT converted (`2公顷` is 2); use [`parse_scaled_with_unit`] to see the unit. More
/// decimals than `scale` with a non-zero digit → `Err`.
pub fn parse_scaled(s: &str, scale: u32) -> Result<Option<i64>, ValueError> {
    match parse_decimal(s, scale, false) {
        Ok(v) => Ok(v.map(|(v, _)| v)),
        Err(()) => Err(NUMBER_ERR),
    }
}

/// [`parse_scaled`], also returning the unit suffix exactly as written (`""` when none), so a
/// caller can check that a column's cells share one unit.
pub fn parse_scaled_with_unit(s: &str, scale: u32) -> Result<Option<(i64, &str)>, ValueError> {
    parse_decimal(s, scale, false).map_err(|()| NUMBER_ERR)
}

/// Fen as yuan with two decimals: `105000` → `1050.00`, `-5` → `-0.05`.
pub fn format_fen(fen: i64) -> String {
    format_scaled(fen, 2)
}

/// A scaled integer as a decimal with exactly `scale` places: `(125000, 4)` → `12.5000`.
pub fn format_scaled(v: i64, scale: u32) -> String {
    let digits = v.unsigned_abs().to_string();
    let scale = scale as usize;
    let mut out = String::with_capacity(digits.len() + scale + 3);
    if v < 0 {
        out.push('-');
    }
    if scale == 0 {
        out.push_str(&digits);
    } else if digits.len() <= scale {
        out.push_str("0.");
        out.extend(std::iter::repeat_n('0', scale - digits.len()));
        out.push_str(&digits);
    } else {
        let (i, f) = digits.split_at(digits.len() - scale);
        out.push_str(i);
        out.push('.');
        out.push_str(f);
    }
    out
}

/// Fixed buffer for formatting a float without allocating.
struct StackBuf {
    buf: [u8; 512],
    len: usize,
}

impl fmt::Write for StackBuf {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        let b = s.as_bytes();
        let end = self.len + b.len();
        if end > self.buf.len() {
            return Err(fmt::Error);
        }
        self.buf[self.len..end].copy_from_slice(b);
        self.len = end;
        Ok(())
    }
}

/// Round a plain decimal string (`-?digits(.digits)?`) half away from zero to `scale` places.
fn round_decimal_str(b: &[u8], scale: u32) -> Option<i64> {
    let (neg, b) = match b.first() {
        Some(b'-') => (true, &b[1..]),
        _ => (false, b),
    };
    let dot = b.iter().position(|&c| c == b'.').unwrap_or(b.len());
    let int = &b[..dot];
    let frac = if dot < b.len() {
        &b[dot + 1..]
    } else {
        &[][..]
    };
    let mut v: i128 = 0;
    let push = |v: i128, d: u8| -> Option<i128> {
        if !d.is_ascii_digit() {
            return None;
        }
        v.checked_mul(10)?.checked_add(i128::from(d - b'0'))
    };
    for &d in int {
        v = push(v, d)?;
    }
    for i in 0..scale as usize {
        v = push(v, frac.get(i).copied().unwrap_or(b'0'))?;
    }
    if frac.get(scale as usize).is_some_and(|&d| d >= b'5') {
        v = v.checked_add(1)?;
    }
    i64::try_from(if neg { -v } else { v }).ok()
}

/// A float cell from a spreadsheet as a scaled integer, rounded half away from zero to
/// `scale` places. Rounding follows the shortest decimal that round-trips the float (what the
/// spreadsheet displays), so `1.005` at scale 2 gives 101 even though the binary value is a
/// hair below 1.005. `None` for NaN, infinities and results outside the i64 range.
pub fn float_to_scaled(f: f64, scale: u32) -> Option<i64> {
    if !f.is_finite() {
        return None;
    }
    if f == 0.0 {
        return Some(0);
    }
    let x = f * 10f64.powi(scale.min(400) as i32);
    if !x.is_finite() || x.abs() >= 9.3e18 {
        return None;
    }
    let frac = (x - x.trunc()).abs();
    let tol = 1e-6 + x.abs() * 1e-13;
    if (frac - 0.5).abs() > tol {
        // Not near a tie: binary rounding error cannot change the result.
        let r = x.round();
        return if (-9_223_372_036_854_775_808.0..9_223_372_036_854_775_808.0).contains(&r) {
            Some(r as i64)
        } else {
            None
        };
    }
    // Near a tie: decide on the shortest round-trip decimal text, formatted on the stack.
    let mut sb = StackBuf {
        buf: [0; 512],
        len: 0,
    };
    fmt::Write::write_fmt(&mut sb, format_args!("{}", f)).ok()?;
    round_decimal_str(&sb.buf[..sb.len], scale)
}

// ---------------------------------------------------------------------------
// Dates and periods
// ---------------------------------------------------------------------------

/// What a date-like cell says, before validation.
enum DateLike {
    /// `2023-05`, `2023年5月`.
    YearMonth(i32, u32),
    /// `2023-05-01`, `2023年5月1日` (time, if any, already checked and dropped).
    Full(i32, u32, u32),
    /// Six plain digits, `202305`.
    Digits6(u64),
    /// Eight plain digits, `20230501`.
    Digits8(u64),
    /// A five-digit Excel serial, optionally with a fraction: `45047`, `45047.5`.
    Serial(u64),
}

/// An optional time tail after a date: `[ |T]H:MM[:SS[.fff]][Z|±HH[:MM]]`, then the end.
fn time_tail(c: &mut Cur<'_>) -> Result<(), ()> {
    c.skip_ws();
    if c.at_end() {
        return Ok(());
    }
    c.eat('T');
    let (h, nh) = c.digits();
    if !(1..=2).contains(&nh) || h > 24 || !c.eat(':') {
        return Err(());
    }
    let (mi, nmi) = c.digits();
    if nmi != 2 || mi > 59 {
        return Err(());
    }
    if c.eat(':') {
        let (sec, ns) = c.digits();
        if ns != 2 || sec > 60 {
            return Err(());
        }
        if c.eat('.') && c.digits().1 == 0 {
            return Err(());
        }
    }
    if !c.eat('Z') && (c.eat('+') || c.eat('-')) {
        if c.digits().1 != 2 {
            return Err(());
        }
        if c.eat(':') && c.digits().1 != 2 {
            return Err(());
        }
    }
    c.skip_ws();
    if c.at_end() {
        Ok(())
    } else {
        Err(())
    }
}

/// Recognise the shape of a trimmed, non-empty date or period cell.
fn scan_date_like(t: &str) -> Result<DateLike, ()> {
    let mut c = Cur::new(t);
    let (first, n1) = c.digits();
    if c.at_end() {
        return match n1 {
            5 => Ok(DateLike::Serial(first)),
            6 => Ok(DateLike::Digits6(first)),
            8 => Ok(DateLike::Digits8(first)),
            _ => Err(()),
        };
    }
    if n1 == 5 {
        // Serial with a time fraction: 45047.5
        if c.eat('.') {
            c.digits();
            if c.at_end() {
                return Ok(DateLike::Serial(first));
            }
        }
        return Err(());
    }
    if n1 != 4 {
        return Err(());
    }
    let y = first as i32;
    c.skip_ws();
    let sep = match c.peek() {
        Some(s @ ('-' | '/' | '.' | '年')) => s,
        _ => return Err(()),
    };
    c.bump();
    c.skip_ws();
    let (m, nm) = c.digits();
    if !(1..=2).contains(&nm) {
        return Err(());
    }
    let m = m as u32;
    c.skip_ws();
    let d = if sep == '年' {
        if !c.eat('月') {
            return Err(());
        }
        if c.eat('份') {
            c.skip_ws();
            return if c.at_end() {
                Ok(DateLike::YearMonth(y, m))
            } else {
                Err(())
            };
        }
        c.skip_ws();
        if c.at_end() {
            return Ok(DateLike::YearMonth(y, m));
        }
        let (d, nd) = c.digits();
        if !(1..=2).contains(&nd) {
            return Err(());
        }
        c.skip_ws();
        if !c.eat('日') {
            c.eat('号');
        }
        d
    } else {
        if c.at_end() {
            return Ok(DateLike::YearMonth(y, m));
        }
        if !c.eat(sep) {
            return Err(());
        }
        c.skip_ws();
        let (d, nd) = c.digits();
        if !(1..=2).contains(&nd) {
            return Err(());
        }
        d
    };
    time_tail(&mut c)?;
    Ok(DateLike::Full(y, m, d as u32))
}

/// A date cell. Accepts, half- or full-width: `2023-05-01`, `2023/5/1`, `2023.5.1`,
/// `2023年5月1日`, `2023年05月01号`, `20230501`, with an optional ignored time
/// (`2023-05-01 10:30:00`, `2023/5/1 10:30`, `2023-05-01T10:30:00`), and Excel serials written
/// as text with a five-digit integer part (`45047`, `45047.5`; 10000..=99999 covers
/// 1927-05-18..=2173-10-13). Other plain numbers are rejected: a 4-digit `2023` is far likelier
/// a year and a 6-digit `202305` a period than a serial. Empty or a dash placeholder →
/// `Ok(None)`; impossible dates (`2023-02-30`) → `Err`.
pub fn parse_date(s: &str) -> Result<Option<Ymd>, ValueError> {
    let t = trim_space_like(s);
    if t.is_empty() || is_placeholder(t) {
        return Ok(None);
    }
    let b = t.as_bytes();
    // Fast path: exactly YYYY-MM-DD in ASCII.
    if b.len() == 10 && b[4] == b'-' && b[7] == b'-' {
        let mut d8 = [0u8; 8];
        d8[..4].copy_from_slice(&b[..4]);
        d8[4..6].copy_from_slice(&b[5..7]);
        d8[6..].copy_from_slice(&b[8..]);
        if d8.iter().all(u8::is_ascii_digit) {
            return ymd_from_digits8(&d8).map(Some).ok_or(DATE_ERR);
        }
    }
    let date = match scan_date_like(t).map_err(|()| DATE_ERR)? {
        DateLike::Full(y, m, d) => Ymd::new(y, m, d),
        DateLike::Digits8(v) => Ymd::new(
            (v / 10_000) as i32,
            (v / 100 % 100) as u32,
            (v % 100) as u32,
        ),
        DateLike::Serial(n) => Ymd::from_excel_serial(n as f64),
        DateLike::YearMonth(..) | DateLike::Digits6(_) => None,
    };
    date.map(Some).ok_or(DATE_ERR)
}

/// A period cell (发放年月). Accepts, half- or full-width: `2023-05`, `2023-5`, `202305`,
/// `2023年5月`, `2023年05月`, `2023年5月份`, `2023/05`, `2023.05`, and any full date
/// [`parse_date`] accepts (→ its month; the date must be real). Empty or a dash placeholder →
/// `Ok(None)`.
pub fn parse_period(s: &str) -> Result<Option<Ym>, ValueError> {
    let t = trim_space_like(s);
    if t.is_empty() || is_placeholder(t) {
        return Ok(None);
    }
    let ym = match scan_date_like(t).map_err(|()| PERIOD_ERR)? {
        DateLike::YearMonth(y, m) => Ym::new(y, m),
        DateLike::Digits6(v) => Ym::new((v / 100) as i32, (v % 100) as u32),
        DateLike::Full(y, m, d) => Ymd::new(y, m, d).map(|d| d.ym()),
        DateLike::Digits8(v) => Ymd::new(
            (v / 10_000) as i32,
            (v / 100 % 100) as u32,
            (v % 100) as u32,
        )
        .map(|d| d.ym()),
        DateLike::Serial(n) => Ymd::from_excel_serial(n as f64).map(|d| d.ym()),
    };
    ym.map(Some).ok_or(PERIOD_ERR)
}

// ---------------------------------------------------------------------------
// Tests
// ---------------------------------------------------------------------------

#[cfg(test)]
mod tests {
    use super::*;

    fn ymd(y: i32, m: u32, d: u32) -> Ymd {
        Ymd::new(y, m, d).expect("test date is real")
    }

    fn ym(y: i32, m: u32) -> Ym {
        Ym::new(y, m).expect("test period is real")
    }

    // ----- Ymd / Ym -----

    #[test]
    fn ymd_rejects_impossible_dates() {
        assert!(Ymd::new(2023, 2, 29).is_none());
        assert!(Ymd::new(2023, 2, 30).is_none());
        assert!(Ymd::new(2023, 4, 31).is_none());
        assert!(Ymd::new(2023, 13, 1).is_none());
        assert!(Ymd::new(2023, 0, 1).is_none());
        assert!(Ymd::new(2023, 1, 0).is_none());
        assert!(Ymd::new(1799, 12, 31).is_none());
        assert!(Ymd::new(2201, 1, 1).is_none());
        assert!(Ymd::new(1800, 1, 1).is_some());
        assert!(Ymd::new(2200, 12, 31).is_some());
    }

    #[test]
    fn leap_years_follow_gregorian_rules() {
        assert!(Ymd::new(2024, 2, 29).is_some());
        assert!(Ymd::new(2000, 2, 29).is_some());
        assert!(Ymd::new(1900, 2, 29).is_none());
        assert!(Ymd::new(2100, 2, 29).is_none());
        assert!(Ymd::new(1996, 2, 29).is_some());
    }

    #[test]
    fn ymd_displays_iso() {
        assert_eq!(ymd(2023, 5, 1).to_string(), "2023-05-01");
        assert_eq!(ym(2023, 5).to_string(), "2023-05");
        assert_eq!(ymd(2023, 12, 31).ym(), ym(2023, 12));
    }

    #[test]
    fn days_from_epoch_matches_known_values() {
        assert_eq!(ymd(1970, 1, 1).days_from_epoch(), 0);
        assert_eq!(ymd(1969, 12, 31).days_from_epoch(), -1);
        assert_eq!(ymd(2000, 2, 29).days_from_epoch(), 11016);
        assert_eq!(ymd(1800, 1, 1).days_from_epoch(), -62091);
        assert_eq!(ymd(2200, 12, 31).days_from_epoch(), 84370);
    }

    #[test]
    fn days_from_epoch_round_trips_every_day_in_range() {
        let mut prev: Option<Ymd> = None;
        for days in -62091..=84370 {
            let d = Ymd::from_days_from_epoch(days).expect("in range");
            assert_eq!(d.days_from_epoch(), days);
            if let Some(p) = prev {
                assert!(p < d);
            }
            prev = Some(d);
        }
        assert!(Ymd::from_days_from_epoch(-62092).is_none());
        assert!(Ymd::from_days_from_epoch(84371).is_none());
        assert!(Ymd::from_days_from_epoch(i64::MAX).is_none());
        assert!(Ymd::from_days_from_epoch(i64::MIN).is_none());
    }

    #[test]
    fn excel_serials_use_the_1900_system_with_lotus_bug() {
        assert_eq!(Ymd::from_excel_serial(1.0), Some(ymd(1900, 1, 1)));
        assert_eq!(Ymd::from_excel_serial(59.0), Some(ymd(1900, 2, 28)));
        assert_eq!(Ymd::from_excel_serial(60.0), None);
        assert_eq!(Ymd::from_excel_serial(61.0), Some(ymd(1900, 3, 1)));
        assert_eq!(Ymd::from_excel_serial(45047.0), Some(ymd(2023, 5, 1)));
        assert_eq!(Ymd::from_excel_serial(44927.0), Some(ymd(2023, 1, 1)));
        assert_eq!(Ymd::from_excel_serial(45351.0), Some(ymd(2024, 2, 29)));
    }

    #[test]
    fn excel_serial_ignores_time_and_rejects_out_of_range() {
        assert_eq!(Ymd::from_excel_serial(45047.75), Some(ymd(2023, 5, 1)));
        assert_eq!(Ymd::from_excel_serial(0.5), None);
        assert_eq!(Ymd::from_excel_serial(0.0), None);
        assert_eq!(Ymd::from_excel_serial(-1.0), None);
        assert_eq!(Ymd::from_excel_serial(2_958_466.0), None);
        // 9999-12-31 is a valid serial but outside the supported year range.
        assert_eq!(Ymd::from_excel_serial(2_958_465.0), None);
        assert_eq!(Ymd::from_excel_serial(f64::NAN), None);
        assert_eq!(Ymd::from_excel_serial(f64::INFINITY), None);
    }

    // ----- text -----

    #[test]
    fn halfwidth_maps_fullwidth_ascii_and_ideographic_space_only() {
        assert_eq!(to_halfwidth("１０５０"), "1050");
        assert_eq!(to_halfwidth("ＡＢＣｘ"), "ABCx");
        assert_eq!(to_halfwidth("金额（元）"), "金额(元)");
        assert_eq!(to_halfwidth("张\u{3000}三"), "张 三");
        assert_eq!(to_halfwidth("低保，临时救助。"), "低保,临时救助。");
        assert_eq!(to_halfwidth("￥"), "￥");
        assert_eq!(to_halfwidth("plain ascii"), "plain ascii");
        assert_eq!(to_halfwidth("\u{FF01}\u{FF5E}"), "!~");
    }

    #[test]
    fn names_lose_all_spaces_inside_and_out() {
        assert_eq!(normalise_name("张 三").as_deref(), Some("张三"));
        assert_eq!(normalise_name("　李四　").as_deref(), Some("李四"));
        assert_eq!(normalise_name(" 王\u{00A0}五 ").as_deref(), Some("王五"));
        assert_eq!(
            normalise_name("\u{FEFF}赵六\u{200B}").as_deref(),
            Some("赵六")
        );
        assert_eq!(normalise_name("欧阳\t娜娜").as_deref(), Some("欧阳娜娜"));
        assert_eq!(
            normalise_name("阿卜杜·热合曼").as_deref(),
            Some("阿卜杜·热合曼")
        );
        assert_eq!(normalise_name("Ｌｉ Ｌｅｉ").as_deref(), Some("LiLei"));
    }

    #[test]
    fn empty_names_are_none() {
        assert_eq!(normalise_name(""), None);
        assert_eq!(normalise_name("  \u{3000} "), None);
    }

    #[test]
    fn text_is_trimmed_and_halfwidth_but_keeps_inner_spaces() {
        assert_eq!(
            normalise_text("　城乡 低保　").as_deref(),
            Some("城乡 低保")
        );
        assert_eq!(
            normalise_text("\u{00A0}农村危房改造（２０２３）\u{00A0}").as_deref(),
            Some("农村危房改造(2023)")
        );
        assert_eq!(normalise_text("a\u{3000}b").as_deref(), Some("a b"));
        assert_eq!(normalise_text(" \u{3000}\t"), None);
        assert_eq!(normalise_text(""), None);
    }

    // ----- header keys -----

    #[test]
    fn header_key_strips_one_trailing_bracketed_unit() {
        assert_eq!(header_key("金额(元)"), "金额");
        assert_eq!(header_key("补偿金额（元）"), "补偿金额");
        assert_eq!(header_key("确权面积(亩)"), "确权面积");
        assert_eq!(header_key("金额（元)"), "金额");
        assert_eq!(header_key("金额(元）"), "金额");
        assert_eq!(header_key("数量[吨]"), "数量");
        assert_eq!(header_key("单价【元】"), "单价");
        assert_eq!(header_key("面积［亩］"), "面积");
        assert_eq!(header_key("村(社区)"), "村");
        assert_eq!(header_key("金额(万元)(元)"), "金额(万元)");
    }

    #[test]
    fn header_key_removes_all_spaces_and_halfwidths() {
        assert_eq!(header_key(" 发放 金额 "), "发放金额");
        assert_eq!(header_key("　身份证号码　"), "身份证号码");
        assert_eq!(header_key("发放金额 ( 元 )"), "发放金额");
        assert_eq!(header_key("\u{FEFF}姓名"), "姓名");
        assert_eq!(header_key("与户主关系"), "与户主关系");
    }

    #[test]
    fn header_key_keeps_a_bracket_that_is_the_whole_header_or_not_trailing() {
        assert_eq!(header_key("(元)"), "(元)");
        assert_eq!(header_key("（元）"), "(元)");
        assert_eq!(header_key("(元)金额"), "(元)金额");
        assert_eq!(header_key("金额)"), "金额)");
        assert_eq!(header_key(""), "");
    }

    // ----- ID numbers -----

    // Check characters below were computed by hand and cross-checked with an independent
    // script: 11010519491231002 → X (sum 167, 167 % 11 = 2), 43042319900101362 → 9
    // (sum 234, 234 % 11 = 3), 44010219800808153 → 5.

    #[test]
    fn check_char_follows_gb11643() {
        assert_eq!(id_check_char(b"11010519491231002"), Some(b'X'));
        assert_eq!(id_check_char(b"43042319900101362"), Some(b'9'));
        assert_eq!(id_check_char(b"44010219800808153"), Some(b'5'));
        assert_eq!(id_check_char(b"1101051949123100"), None);
        assert_eq!(id_check_char(b"110105194912310020"), None);
        assert_eq!(id_check_char(b"1101051949123100X"), None);
    }

    #[test]
    fn valid_eighteen_digit_id_gives_birth_date_and_sex() {
        let id = parse_id_number("11010519491231002X").expect("non-empty");
        assert_eq!(id.problem, None);
        assert_eq!(id.normalised.as_deref(), Some("11010519491231002X"));
        assert_eq!(id.cleaned, "11010519491231002X");
        assert_eq!(id.birth_date, Some(ymd(1949, 12, 31)));
        assert_eq!(id.sex, Some(Sex::Female));
        assert!(!id.upgraded);

        let id = parse_id_number("440102198008081535").expect("non-empty");
        assert_eq!(id.problem, None);
        assert_eq!(id.sex, Some(Sex::Male));
        assert_eq!(id.sex.map(|s| s.as_zh()), Some("男"));
        assert_eq!(id.birth_date, Some(ymd(1980, 8, 8)));
    }

    #[test]
    fn lowercase_x_is_uppercased_and_valid() {
        let id = parse_id_number("11010519491231002x").expect("non-empty");
        assert_eq!(id.cleaned, "11010519491231002X");
        assert_eq!(id.normalised.as_deref(), Some("11010519491231002X"));
        assert_eq!(id.problem, None);
    }

    #[test]
    fn fullwidth_digits_and_spaces_in_id_are_cleaned() {
        let id = parse_id_number("　４３０４２３ １９９００１０１ ３６２９ ").expect("non-empty");
        assert_eq!(id.cleaned, "430423199001013629");
        assert_eq!(id.normalised.as_deref(), Some("430423199001013629"));
        assert_eq!(id.problem, None);
        let id = parse_id_number("\t11010519491231002ｘ").expect("non-empty");
        assert_eq!(id.normalised.as_deref(), Some("11010519491231002X"));
    }

    #[test]
    fn fifteen_digit_id_is_upgraded_with_check_digit() {
        let id = parse_id_number("430423900101362").expect("non-empty");
        assert_eq!(id.problem, None);
        assert!(id.upgraded);
        assert_eq!(id.cleaned, "430423900101362");
        assert_eq!(id.normalised.as_deref(), Some("430423199001013629"));
        assert_eq!(id.birth_date, Some(ymd(1990, 1, 1)));
        assert_eq!(id.sex, Some(Sex::Female));

        let id = parse_id_number("110105491231002").expect("non-empty");
        assert_eq!(id.normalised.as_deref(), Some("11010519491231002X"));
        assert!(id.upgraded);

        let id = parse_id_number("440102800808153").expect("non-empty");
        assert_eq!(id.normalised.as_deref(), Some("440102198008081535"));
        assert_eq!(id.sex, Some(Sex::Male));
    }

    #[test]
    fn wrong_check_digit_is_reported() {
        // The correct check character for 43042319900101362 is 9, not 3.
        let id = parse_id_number("430423199001013623").expect("non-empty");
        assert_eq!(id.problem, Some(IdProblem::CheckDigit));
        assert_eq!(id.normalised, None);
        assert_eq!(id.birth_date, None);
        assert_eq!(id.sex, None);
        assert_eq!(id.cleaned, "430423199001013623");
        let id = parse_id_number("110105194912310021").expect("non-empty");
        assert_eq!(id.problem, Some(IdProblem::CheckDigit));
    }

    #[test]
    fn impossible_birth_date_is_reported() {
        let id = parse_id_number("430423199013013629").expect("non-empty");
        assert_eq!(id.problem, Some(IdProblem::BirthDate));
        let id = parse_id_number("430423199002303629").expect("non-empty");
        assert_eq!(id.problem, Some(IdProblem::BirthDate));
        let id = parse_id_number("430423179001013629").expect("non-empty");
        assert_eq!(id.problem, Some(IdProblem::BirthDate));
        // 15-digit with month 13: invalid, and not counted as upgraded.
        let id = parse_id_number("430423901301362").expect("non-empty");
        assert_eq!(id.problem, Some(IdProblem::BirthDate));
        assert!(!id.upgraded);
        assert_eq!(id.normalised, None);
    }

    #[test]
    fn wrong_length_is_reported() {
        let id = parse_id_number("43042319900101362").expect("non-empty");
        assert_eq!(id.problem, Some(IdProblem::Length));
        let id = parse_id_number("4304231990010136291").expect("non-empty");
        assert_eq!(id.problem, Some(IdProblem::Length));
        let id = parse_id_number("1234X").expect("non-empty");
        assert_eq!(id.problem, Some(IdProblem::Length));
    }

    #[test]
    fn illegal_characters_are_reported() {
        let id = parse_id_number("4.30423199001011E+17").expect("non-empty");
        assert_eq!(id.problem, Some(IdProblem::Characters));
        assert_eq!(id.cleaned, "4.30423199001011E+17");
        let id = parse_id_number("4304231990X1013629").expect("non-empty");
        assert_eq!(id.problem, Some(IdProblem::Characters));
        let id = parse_id_number("43042390010136X").expect("non-empty");
        assert_eq!(id.problem, Some(IdProblem::Characters));
        let id = parse_id_number("无").expect("non-empty");
        assert_eq!(id.problem, Some(IdProblem::Characters));
        let id = parse_id_number("430423-19900101-3629").expect("non-empty");
        assert_eq!(id.problem, Some(IdProblem::Characters));
    }

    #[test]
    fn empty_id_cell_is_none() {
        assert_eq!(parse_id_number(""), None);
        assert_eq!(parse_id_number(" \u{3000} "), None);
    }

    #[test]
    fn id_problem_labels() {
        assert_eq!(IdProblem::Length.as_zh(), "长度不符");
        assert_eq!(IdProblem::Characters.as_zh(), "含非法字符");
        assert_eq!(IdProblem::BirthDate.as_zh(), "出生日期无效");
        assert_eq!(IdProblem::CheckDigit.as_zh(), "校验码错误");
        assert_eq!(IdProblem::Length.as_en(), "length");
        assert_eq!(IdProblem::Characters.as_en(), "characters");
        assert_eq!(IdProblem::BirthDate.as_en(), "birth date");
        assert_eq!(IdProblem::CheckDigit.as_en(), "check digit");
        assert_eq!(Sex::Female.as_zh(), "女");
    }

    // ----- amounts -----

    fn fen(s: &str) -> Option<i64> {
        parse_amount_fen(s).unwrap_or_else(|e| panic!("{s:?}: {e}"))
    }

    #[test]
    fn amount_forms_all_mean_1050_yuan() {
        for s in [
            "1050",
            "1,050.00",
            "1050元",
            "¥1050",
            "￥1050",
            "１０５０",
            "1050.00元",
            " 1050 ",
            "1050.0000",
            "１，０５０．００",
            "1050元整",
            "￥ 1,050.00 元",
            "1050.",
            "\u{3000}1050\u{3000}",
        ] {
            assert_eq!(fen(s), Some(105_000), "{s:?}");
        }
    }

    #[test]
    fn amount_with_one_or_two_decimals() {
        assert_eq!(fen("￥1,050.5"), Some(105_050));
        assert_eq!(fen("0.01"), Some(1));
        assert_eq!(fen(".5"), Some(50));
        assert_eq!(fen("1234567.89元"), Some(123_456_789));
    }

    #[test]
    fn negative_amounts_are_accepted() {
        assert_eq!(fen("-30"), Some(-3000));
        assert_eq!(fen("-¥30"), Some(-3000));
        assert_eq!(fen("¥-30.5"), Some(-3050));
        assert_eq!(fen("－30"), Some(-3000));
        assert_eq!(fen("\u{2212}30"), Some(-3000));
        assert_eq!(fen("+30"), Some(3000));
        assert_eq!(fen("-0"), Some(0));
    }

    #[test]
    fn wan_multiplies_by_ten_thousand() {
        assert_eq!(fen("1.2万"), Some(1_200_000));
        assert_eq!(fen("1.2万元"), Some(1_200_000));
        assert_eq!(fen("3万"), Some(3_000_000));
        assert_eq!(fen("1.234567万元"), Some(1_234_567));
        assert!(parse_amount_fen("1.2345678万").is_err());
        assert!(parse_amount_fen("万元").is_err());
    }

    #[test]
    fn empty_or_dash_amount_is_none() {
        for s in ["", "  ", "\u{3000}", "-", "—", "——", "－", "--"] {
            assert_eq!(fen(s), None, "{s:?}");
        }
    }

    #[test]
    fn amount_with_more_than_two_nonzero_decimals_is_rejected() {
        assert_eq!(
            parse_amount_fen("1.005"),
            Err(ValueError { expected: "amount" })
        );
        assert!(parse_amount_fen("0.001").is_err());
        assert!(parse_amount_fen("1050.0001").is_err());
        assert_eq!(fen("1.0500"), Some(105));
    }

    #[test]
    fn misgrouped_commas_are_rejected() {
        for s in [
            "1,05,0",
            "10,50",
            "1,0500",
            ",105",
            "1050,000",
            "1,050,",
            "1,050.00,0",
            "1,,050",
            "1.050,00",
        ] {
            assert!(parse_amount_fen(s).is_err(), "{s:?}");
        }
        assert_eq!(fen("12,345,678.90"), Some(1_234_567_890));
        assert_eq!(fen("123,456"), Some(12_345_600));
    }

    #[test]
    fn non_amount_text_is_rejected() {
        for s in [
            "(30)",
            "壹仟元整",
            "无",
            "一千",
            "1050美元",
            "元1050",
            "1.05E+3",
            "1e3",
            "--30",
            "30-",
            "1 050",
            "NaN",
            "1.2.3",
            ".",
            "¥",
            "¥¥10",
            "12亩",
            "1050 元 元",
        ] {
            assert!(parse_amount_fen(s).is_err(), "{s:?}");
        }
    }

    #[test]
    fn amount_overflow_is_rejected() {
        assert!(parse_amount_fen("99999999999999999999").is_err());
        assert!(parse_amount_fen("999999999999999999").is_err());
        assert_eq!(fen("92233720368547758.07"), Some(i64::MAX));
        assert!(parse_amount_fen("92233720368547758.08").is_err());
        assert_eq!(
            fen("1050.000000000000000000000000000000000000000000"),
            Some(105_000)
        );
    }

    #[test]
    fn value_error_displays_what_was_expected() {
        let e = parse_amount_fen("abc").unwrap_err();
        assert_eq!(e.to_string(), "not a valid amount");
        let boxed: Box<dyn std::error::Error> = Box::new(e);
        assert_eq!(boxed.to_string(), "not a valid amount");
    }

    // ----- scaled numbers -----

    #[test]
    fn scaled_numbers_strip_units() {
        assert_eq!(parse_scaled("12.5亩", 4), Ok(Some(125_000)));
        assert_eq!(parse_scaled("7.64吨", 3), Ok(Some(7_640)));
        assert_eq!(parse_scaled("3 t", 3), Ok(Some(3_000)));
        assert_eq!(parse_scaled("3T", 3), Ok(Some(3_000)));
        assert_eq!(parse_scaled("28.0", 3), Ok(Some(28_000)));
        assert_eq!(parse_scaled("２８．５ 公斤", 3), Ok(Some(28_500)));
        assert_eq!(parse_scaled("50袋", 0), Ok(Some(50)));
        assert_eq!(parse_scaled("2.5元/斤", 4), Ok(Some(25_000)));
        assert_eq!(parse_scaled("85.5㎡", 2), Ok(Some(8_550)));
        assert_eq!(parse_scaled("1.5万亩", 4), Ok(Some(150_000_000)));
        assert_eq!(parse_scaled("-2.5", 1), Ok(Some(-25)));
        assert_eq!(parse_scaled("1,200.5", 1), Ok(Some(12_005)));
        assert_eq!(parse_scaled("12", 4), Ok(Some(120_000)));
    }

    #[test]
    fn scaled_unit_is_reported_as_written() {
        assert_eq!(
            parse_scaled_with_unit("12.5亩", 4),
            Ok(Some((125_000, "亩")))
        );
        assert_eq!(parse_scaled_with_unit("3 t", 3), Ok(Some((3_000, "t"))));
        assert_eq!(parse_scaled_with_unit("28", 3), Ok(Some((28_000, ""))));
        assert_eq!(
            parse_scaled_with_unit("2公顷", 4),
            Ok(Some((20_000, "公顷")))
        );
        assert_eq!(parse_scaled_with_unit("", 4), Ok(None));
    }

    #[test]
    fn scaled_rejects_excess_decimals_and_unknown_suffixes() {
        assert_eq!(
            parse_scaled("12.00005", 4),
            Err(ValueError { expected: "number" })
        );
        assert_eq!(parse_scaled("12.50000", 4), Ok(Some(125_000)));
        assert!(parse_scaled("12.5左右", 4).is_err());
        assert!(parse_scaled("约12.5", 4).is_err());
        assert!(parse_scaled("3分", 4).is_err());
        assert!(parse_scaled("¥3", 2).is_err());
        assert!(parse_scaled("2.5元/", 2).is_err());
        assert!(parse_scaled("1.5", 0).is_err());
        assert_eq!(parse_scaled("—", 3), Ok(None));
    }

    #[test]
    fn huge_scale_is_rejected_not_panicking() {
        assert!(parse_scaled("1", 40).is_err());
        assert!(parse_scaled("1.5", 40).is_err());
        assert_eq!(parse_scaled("0", 40), Ok(Some(0)));
    }

    // ----- formatting -----

    #[test]
    fn fen_formats_with_two_decimals() {
        assert_eq!(format_fen(105_000), "1050.00");
        assert_eq!(format_fen(-5), "-0.05");
        assert_eq!(format_fen(0), "0.00");
        assert_eq!(format_fen(7), "0.07");
        assert_eq!(format_fen(-123_456), "-1234.56");
        assert_eq!(format_fen(i64::MIN), "-92233720368547758.08");
        assert_eq!(format_fen(i64::MAX), "92233720368547758.07");
    }

    #[test]
    fn scaled_formats_with_exact_places() {
        assert_eq!(format_scaled(125_000, 4), "12.5000");
        assert_eq!(format_scaled(7_640, 3), "7.640");
        assert_eq!(format_scaled(12, 0), "12");
        assert_eq!(format_scaled(-1, 4), "-0.0001");
        assert_eq!(format_scaled(5, 1), "0.5");
    }

    #[test]
    fn parse_and_format_round_trip() {
        for v in [0i64, 1, -1, 99, 100, 105_050, -3000, 123_456_789] {
            assert_eq!(parse_amount_fen(&format_fen(v)), Ok(Some(v)));
            assert_eq!(parse_scaled(&format_scaled(v, 4), 4), Ok(Some(v)));
        }
    }

    // ----- floats -----

    #[test]
    fn floats_round_half_away_from_zero() {
        assert_eq!(float_to_scaled(1050.0, 2), Some(105_000));
        assert_eq!(float_to_scaled(1050.5, 2), Some(105_050));
        assert_eq!(float_to_scaled(0.125, 2), Some(13));
        assert_eq!(float_to_scaled(-0.125, 2), Some(-13));
        assert_eq!(float_to_scaled(2.5, 0), Some(3));
        assert_eq!(float_to_scaled(-2.5, 0), Some(-3));
        assert_eq!(float_to_scaled(0.124, 2), Some(12));
        assert_eq!(float_to_scaled(12.5, 4), Some(125_000));
    }

    #[test]
    fn floats_round_as_displayed_not_as_stored() {
        // 1.005 and 0.285 are stored a hair below the tie; spreadsheets show the decimal.
        assert_eq!(float_to_scaled(1.005, 2), Some(101));
        assert_eq!(float_to_scaled(0.285, 2), Some(29));
        assert_eq!(float_to_scaled(-1.005, 2), Some(-101));
        assert_eq!(float_to_scaled(0.1 + 0.2, 2), Some(30));
        assert_eq!(float_to_scaled(1234.56, 2), Some(123_456));
        assert_eq!(float_to_scaled(7.64, 3), Some(7_640));
    }

    #[test]
    fn non_finite_or_huge_floats_are_none() {
        assert_eq!(float_to_scaled(f64::NAN, 2), None);
        assert_eq!(float_to_scaled(f64::INFINITY, 2), None);
        assert_eq!(float_to_scaled(f64::NEG_INFINITY, 2), None);
        assert_eq!(float_to_scaled(1e17, 2), None);
        assert_eq!(float_to_scaled(1e300, 0), None);
        assert_eq!(float_to_scaled(0.0, 1000), Some(0));
        assert_eq!(float_to_scaled(-0.0, 2), Some(0));
        assert_eq!(float_to_scaled(1e16, 2), Some(1_000_000_000_000_000_000));
    }

    // ----- dates -----

    fn date(s: &str) -> Option<Ymd> {
        parse_date(s).unwrap_or_else(|e| panic!("{s:?}: {e}"))
    }

    #[test]
    fn date_forms_all_mean_may_first_2023() {
        for s in [
            "2023-05-01",
            "2023-5-1",
            "2023/5/1",
            "2023/05/01",
            "2023.5.1",
            "2023年5月1日",
            "2023年05月01号",
            "2023年5月1",
            "2023 年 5 月 1 日",
            "20230501",
            "2023-05-01 10:30:00",
            "2023/5/1 10:30",
            "2023-05-01T10:30:00",
            "2023-05-01T10:30:00.123Z",
            "2023-05-01T10:30:00+08:00",
            "2023-05-01 0:00",
            "２０２３－０５－０１",
            "２０２３年５月１日",
            "45047",
            "45047.5",
            " 2023-05-01 ",
            "\u{3000}2023年5月1日\u{3000}",
            "2023年5月1日 10:30",
        ] {
            assert_eq!(date(s), Some(ymd(2023, 5, 1)), "{s:?}");
        }
    }

    #[test]
    fn text_serial_44927_is_new_year_2023() {
        assert_eq!(date("44927"), Some(ymd(2023, 1, 1)));
    }

    #[test]
    fn empty_or_dash_date_is_none() {
        for s in ["", "   ", "-", "—", "——"] {
            assert_eq!(date(s), None, "{s:?}");
        }
    }

    #[test]
    fn impossible_dates_are_rejected() {
        for s in [
            "2023-02-30",
            "2023-02-29",
            "2023/13/1",
            "2023年4月31日",
            "20230229",
            "2023-00-10",
            "1700-01-01",
        ] {
            assert_eq!(parse_date(s), Err(ValueError { expected: "date" }), "{s:?}");
        }
        assert_eq!(date("2024-02-29"), Some(ymd(2024, 2, 29)));
        assert_eq!(date("20000229"), Some(ymd(2000, 2, 29)));
    }

    #[test]
    fn malformed_dates_are_rejected() {
        for s in [
            "2023-05",
            "2023年5月",
            "202305",
            "2023",
            "23-5-1",
            "01/05/2023",
            "2023-05/01",
            "2023.5-1",
            "2023-05-01 abc",
            "2023-05-01 25:00",
            "2023-05-01 10:3",
            "2023-05-01 10",
            "2023-005-01",
            "2023-05-001",
            "五月一日",
            "2023年5月1日星期一",
            "45047abc",
            "123",
            "1234567",
            "45047.5.1",
            "2023 05 01",
        ] {
            assert!(parse_date(s).is_err(), "{s:?}");
        }
    }

    // ----- periods -----

    fn period(s: &str) -> Option<Ym> {
        parse_period(s).unwrap_or_else(|e| panic!("{s:?}: {e}"))
    }

    #[test]
    fn period_forms_all_mean_may_2023() {
        for s in [
            "2023-05",
            "2023-5",
            "202305",
            "2023年5月",
            "2023年05月",
            "2023年5月份",
            "2023/05",
            "2023.05",
            "2023.5",
            "２０２３年５月",
            "2023-05-01",
            "2023年5月31日",
            "20230531",
            "2023/5/1 10:30",
            "45047",
            " 2023-05 ",
        ] {
            assert_eq!(period(s), Some(ym(2023, 5)), "{s:?}");
        }
        assert_eq!(period("2023-12"), Some(ym(2023, 12)));
        assert_eq!(period("202301"), Some(ym(2023, 1)));
    }

    #[test]
    fn empty_or_dash_period_is_none() {
        assert_eq!(period(""), None);
        assert_eq!(period("—"), None);
    }

    #[test]
    fn invalid_periods_are_rejected() {
        for s in [
            "2023-13",
            "202313",
            "202300",
            "2023年0月",
            "2023",
            "23-05",
            "2023-05-32",
            "五月",
            "2023年5",
            "2023-5-",
            "2023-05-01x",
        ] {
            assert_eq!(
                parse_period(s),
                Err(ValueError { expected: "period" }),
                "{s:?}"
            );
        }
    }
}
