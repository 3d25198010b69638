//! Amounts in fen and scaled quantities: one exact decimal grammar, never floats.

use super::chars::{hw, is_placeholder, trim_space_like, Cur};
use super::{ValueError, AMOUNT_ERR, NUMBER_ERR};

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

#[cfg(test)]
mod tests {
    use super::*;

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
}
