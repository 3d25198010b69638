//! Amounts as a reader means them: `1,050.00`, `¥1050`, `1050元`, `1.05万元`,
//! `一千零五十元`, `壹仟零伍拾元整` all stand for 1050 yuan; `序号 1050` does not.
//! An amount written in text is one with a currency sign, a yuan word after it
//! (元, 圆, 块), or written as money is (two decimals or thousands commas).
//! An amount query is a term written the same way.

use crate::normalise as norm;

const DIGITS: &str = "零〇一二两三四五六七八九壹贰叁肆伍陆柒捌玖";
const UNITS: &str = "十拾百佰千仟万萬亿";

fn digit(c: char) -> Option<i64> {
    Some(match c {
        '零' | '〇' => 0,
        '一' | '壹' => 1,
        '二' | '两' | '贰' => 2,
        '三' | '叁' => 3,
        '四' | '肆' => 4,
        '五' | '伍' => 5,
        '六' | '陆' => 6,
        '七' | '柒' => 7,
        '八' | '捌' => 8,
        '九' | '玖' => 9,
        _ => return None,
    })
}

fn unit(c: char) -> Option<i64> {
    Some(match c {
        '十' | '拾' => 10,
        '百' | '佰' => 100,
        '千' | '仟' => 1000,
        '万' | '萬' => 10_000,
        '亿' => 100_000_000,
        _ => return None,
    })
}

fn is_numeral(c: char) -> bool {
    DIGITS.contains(c) || UNITS.contains(c)
}

/// A whole number in Chinese numerals (`一千零五十`, `十二`, `三万五`), or `None`.
pub fn chinese_number(s: &str) -> Option<i64> {
    let chars: Vec<char> = s.chars().collect();
    if chars.is_empty() || !chars.iter().all(|&c| is_numeral(c)) {
        return None;
    }
    // Positional digits only (`一〇五〇`).
    if chars.iter().all(|&c| digit(c).is_some()) {
        if chars.len() == 1 {
            return digit(chars[0]);
        }
        return chars
            .iter()
            .try_fold(0i64, |acc, &c| acc.checked_mul(10)?.checked_add(digit(c)?));
    }
    let (mut total, mut section, mut number) = (0i64, 0i64, 0i64);
    let mut last_unit = i64::MAX;
    for (i, &c) in chars.iter().enumerate() {
        if let Some(d) = digit(c) {
            number = d;
            continue;
        }
        let u = unit(c)?;
        if u >= 10_000 {
            section = section.checked_add(number)?;
            if section == 0 {
                return None;
            }
            total = total.checked_add(section.checked_mul(u)?)?;
            section = 0;
            last_unit = i64::MAX;
        } else {
            if u >= last_unit {
                return None;
            }
            // 十 at the start is 一十.
            let n = if number == 0 && (i == 0 || chars[i - 1] == '零') {
                1
            } else {
                number
            };
            if n == 0 {
                return None;
            }
            section = section.checked_add(n.checked_mul(u)?)?;
            last_unit = u;
        }
        number = 0;
    }
    total.checked_add(section)?.checked_add(number)
}

/// Fen of a Chinese-numeral amount: `一千零五十元`, `壹仟元整`, `三百元五角`,
/// `五十元零五分`. The text must end with the amount.
fn chinese_amount(s: &str) -> Option<i64> {
    let s = s.trim_end_matches('整').trim_end_matches('正');
    let (yuan, rest) = s.split_once(['元', '圆', '块'])?;
    let mut fen = chinese_number(yuan)?.checked_mul(100)?;
    let mut rest: Vec<char> = rest.chars().collect();
    if rest.first() == Some(&'零') {
        rest.remove(0);
    }
    let mut i = 0;
    while i < rest.len() {
        let d = digit(*rest.get(i)?)?;
        let per = match rest.get(i + 1) {
            Some('角') | Some('毛') => 10,
            Some('分') => 1,
            _ => return None,
        };
        fen = fen.checked_add(d * per)?;
        i += 2;
    }
    Some(fen)
}

/// The fen of a query term written as an amount (`1050元`, `¥1050`,
/// `1,050.00`, `1.05万元`, `一千零五十元`), or `None` for a bare number or
/// anything else.
pub fn query_amount(term: &str) -> Option<i64> {
    let t = norm::to_halfwidth(term.trim());
    let money_word = t.ends_with('元')
        || t.ends_with("元整")
        || t.ends_with('圆')
        || t.ends_with('块')
        || t.starts_with('¥')
        || t.starts_with('￥');
    if t.chars().any(|c| c.is_ascii_digit()) {
        let shaped = money_word || t.contains('.') || t.contains(',');
        if !shaped {
            return None;
        }
        let t = t.strip_suffix('块').map(|s| format!("{s}元")).unwrap_or(t);
        return norm::parse_amount_fen(&t).ok().flatten();
    }
    // 三百元五角: the yuan word need not end the term.
    t.contains(['元', '圆', '块'])
        .then(|| chinese_amount(&t))
        .flatten()
}

/// Every amount written as money in `text`: (start char, end char, fen).
pub fn spans(text: &str) -> Vec<(usize, usize, i64)> {
    let chars = super::analysis::halfwidth_chars(text);
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c.is_ascii_digit() && (i == 0 || !chars[i - 1].is_ascii_digit()) {
            let start = if i > 0 && matches!(chars[i - 1], '¥' | '￥') {
                i - 1
            } else {
                i
            };
            let mut j = i;
            while j < chars.len()
                && (chars[j].is_ascii_digit()
                    || (matches!(chars[j], ',' | '.')
                        && chars.get(j + 1).is_some_and(char::is_ascii_digit)))
            {
                j += 1;
            }
            let mut end = j;
            if chars.get(end) == Some(&'万') {
                end += 1;
            }
            let yuan = matches!(chars.get(end), Some('元' | '圆' | '块'));
            if yuan {
                end += 1;
            }
            let number: String = chars[i..j].iter().collect();
            let shaped = start < i
                || yuan
                || number.contains(',')
                || number.split_once('.').is_some_and(|(_, d)| d.len() == 2);
            let wan = end > j && chars[j] == '万';
            if shaped && (yuan || !wan || start < i) {
                let mut s: String = number.replace(',', "");
                if wan {
                    s.push('万');
                }
                if let Ok(Some(fen)) = norm::parse_amount_fen(&s) {
                    out.push((start, end, fen));
                }
            }
            i = end.max(i + 1);
            continue;
        }
        if is_numeral(c) && (i == 0 || !is_numeral(chars[i - 1])) {
            let mut j = i;
            while j < chars.len() && is_numeral(chars[j]) {
                j += 1;
            }
            if matches!(chars.get(j), Some('元' | '圆' | '块')) {
                let mut end = j + 1;
                // 角 / 分 after the yuan, and 整.
                let mut k = end;
                if chars.get(k) == Some(&'零') {
                    k += 1;
                }
                while k + 1 < chars.len()
                    && digit(chars[k]).is_some()
                    && matches!(chars[k + 1], '角' | '毛' | '分')
                {
                    k += 2;
                    end = k;
                }
                if chars.get(end) == Some(&'整') {
                    end += 1;
                }
                let s: String = chars[i..end].iter().collect();
                // A lone 一元 / 两块 in a sentence is rarely money worth finding,
                // but it is an amount all the same.
                if let Some(fen) = chinese_amount(&s) {
                    out.push((i, end, fen));
                }
                i = end;
                continue;
            }
            i = j;
            continue;
        }
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_numerals() {
        for (s, n) in [
            ("一千零五十", 1050),
            ("壹仟零伍拾", 1050),
            ("十二", 12),
            ("三万五千", 35_000),
            ("两百", 200),
            ("一〇五〇", 1050),
            ("一亿零三百万", 103_000_000),
            ("九", 9),
        ] {
            assert_eq!(chinese_number(s), Some(n), "{s}");
        }
        for s in ["", "千百", "一百千", "元", "abc"] {
            assert_eq!(chinese_number(s), None, "{s}");
        }
    }

    #[test]
    fn amount_queries_and_bare_numbers() {
        for q in [
            "1050元",
            "¥1050",
            "￥1,050.00",
            "1,050.00",
            "1050.00",
            "一千零五十元",
            "壹仟零伍拾元整",
            "1050块",
            "１０５０元",
        ] {
            assert_eq!(query_amount(q), Some(105_000), "{q}");
        }
        assert_eq!(query_amount("三百元五角"), Some(30_050));
        assert_eq!(query_amount("1.05万元"), Some(1_050_000));
        for q in ["1050", "序号", "一千", "2024", "6214001234567890"] {
            assert_eq!(query_amount(q), None, "{q}");
        }
    }

    #[test]
    fn amounts_in_text_not_serial_numbers() {
        let text = "序号1050，多领了1050元，合计¥1,050.00，即一千零五十元；另1.2万元和三百元五角。编号2024";
        let got: Vec<i64> = spans(text).into_iter().map(|s| s.2).collect();
        assert_eq!(got, vec![105_000, 105_000, 105_000, 1_200_000, 30_050]);
        let s = spans("多领了1050元")[0];
        let chars: Vec<char> = "多领了1050元".chars().collect();
        assert_eq!(chars[s.0..s.1].iter().collect::<String>(), "1050元");
    }
}
