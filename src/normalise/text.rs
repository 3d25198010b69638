//! Text: half-width forms, names, free text and header keys.

use super::chars::{hw, is_space_like, trim_space_like};

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

#[cfg(test)]
mod tests {
    use super::*;

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
}
