//! Citizen ID numbers (GB 11643-1999): cleaning, 15 → 18 upgrade, check digit.

use super::calendar::{ymd_from_digits8, Ymd};
use super::chars::{hw, is_space_like, trim_space_like};

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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalise::Ymd;

    fn ymd(y: i32, m: u32, d: u32) -> Ymd {
        Ymd::new(y, m, d).expect("test date is real")
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
}
