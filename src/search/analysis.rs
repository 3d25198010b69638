//! Chinese-aware text analysis for search.
//!
//! Text is *folded* character by character — Traditional → Simplified,
//! full-width → half-width, lower case — and only letters and digits are kept:
//! spaces and punctuation take no position, so `张 三` is `张三` and `18,172`
//! is `18172`. Every kept character is one position carrying its unigram,
//! bigram and trigram; a query of n ≥ 4 characters is the phrase of its n − 2
//! trigrams at consecutive positions, so a hit is exactly a substring of the
//! folded text (the recall guarantee). Offsets point into the original.
//!
//! Line breaks take no position either, so a visual line break inside a CJK
//! paragraph (a PDF or OCR line, `张海\n山`) does not break the bigrams and
//! trigrams across it: a name broken across two lines is found, and the
//! token's offsets span the break in the original text, which keeps its lines.
//! The jieba ranking field gets the same join through [`join_cjk_lines`].

use tantivy::tokenizer::{Token, TokenStream, Tokenizer};

use crate::normalise as norm;

/// Text folded for matching, with each kept character's byte range in the original.
pub struct Folded {
    pub chars: Vec<char>,
    pub spans: Vec<(usize, usize)>,
}

fn fold_one(c: char) -> Option<char> {
    let u = c as u32;
    let c = if (0xFF01..=0xFF5E).contains(&u) {
        char::from_u32(u - 0xFEE0).unwrap_or(c)
    } else {
        c
    };
    if !c.is_alphanumeric() {
        return None;
    }
    if c.is_ascii_uppercase() {
        Some(c.to_ascii_lowercase())
    } else {
        Some(c)
    }
}

/// Folds a text (see the module docs).
pub fn fold(text: &str) -> Folded {
    // fast2s maps character for character, so positions line up with the original.
    let simplified = fast2s::convert(text);
    let mut chars = Vec::with_capacity(text.len() / 2);
    let mut spans = Vec::with_capacity(text.len() / 2);
    for ((start, orig), simp) in text.char_indices().zip(simplified.chars()) {
        if let Some(c) = fold_one(simp) {
            chars.push(c);
            spans.push((start, start + orig.len_utf8()));
        }
    }
    Folded { chars, spans }
}

/// The folded form of a query term.
pub fn fold_str(s: &str) -> String {
    fold(s).chars.into_iter().collect()
}

/// Unigram, bigram and trigram tokens of a folded text (the `body` field's
/// tokens, as a vector; the index uses the streaming [`BigramTokenizer`]).
pub fn tokens(f: &Folded) -> Vec<Token> {
    let len = f.chars.len();
    let mut out = Vec::with_capacity(len * 3);
    for i in 0..len {
        for n in 1..=3 {
            if i + n <= len {
                out.push(Token {
                    offset_from: f.spans[i].0,
                    offset_to: f.spans[i + n - 1].1,
                    position: i,
                    text: f.chars[i..i + n].iter().collect(),
                    position_length: 1,
                });
            }
        }
    }
    out
}

/// The recall tokenizer of the `body` field: unigrams and bigrams of the
/// folded text, positions per kept character, offsets into the original.
/// Streams without allocating per token.
#[derive(Clone, Default)]
pub struct BigramTokenizer;

pub struct BigramStream {
    f: Folded,
    i: usize,
    /// 1, 2 or 3: the n-gram to emit next at position `i`.
    n: usize,
    token: Token,
}

impl Tokenizer for BigramTokenizer {
    type TokenStream<'a> = BigramStream;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> BigramStream {
        BigramStream {
            f: fold(text),
            i: 0,
            n: 1,
            token: Token::default(),
        }
    }
}

impl TokenStream for BigramStream {
    fn advance(&mut self) -> bool {
        let len = self.f.chars.len();
        while self.i < len {
            let (i, n) = (self.i, self.n);
            if n == 3 {
                self.n = 1;
                self.i += 1;
            } else {
                self.n += 1;
            }
            if i + n > len {
                continue;
            }
            let t = &mut self.token;
            t.text.clear();
            t.text.extend(&self.f.chars[i..i + n]);
            t.position = i;
            t.position_length = 1;
            t.offset_from = self.f.spans[i].0;
            t.offset_to = self.f.spans[i + n - 1].1;
            return true;
        }
        false
    }

    fn token(&self) -> &Token {
        &self.token
    }

    fn token_mut(&mut self) -> &mut Token {
        &mut self.token
    }
}

/// The text with each single line break between two CJK characters (and the
/// spaces around it) removed, so a word segmenter sees the broken word whole.
/// A blank line (a paragraph or page break) is kept. For the ranking field
/// only: offsets into this text are not offsets into the original.
pub fn join_cjk_lines(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.contains('\n') {
        return std::borrow::Cow::Borrowed(text);
    }
    let chars: Vec<char> = text.chars().collect();
    let blank = |c: char| matches!(c, ' ' | '\t' | '\r' | '\u{3000}');
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if is_cjk(c) {
            // a run of blanks, one '\n', blanks, then a CJK character: joined
            let mut j = i + 1;
            while j < chars.len() && blank(chars[j]) {
                j += 1;
            }
            if j < chars.len() && chars[j] == '\n' {
                let mut k = j + 1;
                while k < chars.len() && blank(chars[k]) {
                    k += 1;
                }
                if k < chars.len() && is_cjk(chars[k]) {
                    out.push(c);
                    i = k;
                    continue;
                }
            }
        }
        out.push(c);
        i += 1;
    }
    std::borrow::Cow::Owned(out)
}

/// The characters of a text, full-width forms (`１`, `，`) made half-width;
/// one for one, so indices are the text's own char indices.
pub(super) fn halfwidth_chars(text: &str) -> Vec<char> {
    text.chars()
        .map(|c| {
            let u = c as u32;
            if (0xFF01..=0xFF5E).contains(&u) {
                char::from_u32(u - 0xFEE0).unwrap_or(c)
            } else {
                c
            }
        })
        .collect()
}

/// Entity keywords found in a text: `id:` (validated, 18 digits), `amt:` (fen,
/// amounts written as money: [`super::amounts::spans`]), `tel:` (mobile
/// numbers) and `card:` (16–19 digit card numbers passing the Luhn check).
pub fn entities(text: &str, out: &mut Vec<String>) {
    for (_, _, fen) in super::amounts::spans(text) {
        out.push(format!("amt:{fen}"));
    }
    let chars = halfwidth_chars(text);
    let mut i = 0;
    while i < chars.len() {
        if !chars[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let start = i;
        let mut j = i;
        while j < chars.len()
            && (chars[j].is_ascii_digit()
                || ((chars[j] == ',' || chars[j] == '.')
                    && j + 1 < chars.len()
                    && chars[j + 1].is_ascii_digit()))
        {
            j += 1;
        }
        let mut run: String = chars[start..j].iter().collect();
        if j < chars.len() && (chars[j] == 'x' || chars[j] == 'X') {
            run.push('X');
            j += 1;
        }
        number_tokens(&run, true, out);
        i = j;
    }
}

/// Entity keywords a single query term stands for: an ID number, a phone or
/// card number, or an amount written as one (`1050元`, not `1050`).
pub fn entity_tokens(term: &str, out: &mut Vec<String>) {
    number_tokens(term, false, out);
    if let Some(fen) = super::amounts::query_amount(term) {
        out.push(format!("amt:{fen}"));
    }
}

/// The Luhn check of a card number (digits only).
pub fn luhn(digits: &str) -> bool {
    let mut sum = 0u32;
    for (i, c) in digits.chars().rev().enumerate() {
        let Some(mut d) = c.to_digit(10) else {
            return false;
        };
        if i % 2 == 1 {
            d *= 2;
            if d > 9 {
                d -= 9;
            }
        }
        sum += d;
    }
    !digits.is_empty() && sum.is_multiple_of(10)
}

/// `id:`, `tel:` and `card:` keywords of a number (`strict`: a card number
/// must pass the Luhn check, as one found in a text must).
fn number_tokens(term: &str, strict: bool, out: &mut Vec<String>) {
    let t = norm::to_halfwidth(term.trim());
    let digits: String = t
        .chars()
        .filter(|c| c.is_ascii_digit() || *c == 'X' || *c == 'x')
        .collect();
    if digits.len() == 15 || digits.len() == 18 {
        if let Some(id) = norm::parse_id_number(&digits).and_then(|i| i.normalised) {
            out.push(format!("id:{id}"));
        }
    }
    let plain: String = t.chars().filter(|c| c.is_ascii_digit()).collect();
    if plain.len() == 11 && plain.starts_with('1') && plain == t {
        out.push(format!("tel:{plain}"));
    }
    if (16..=19).contains(&plain.len()) && plain == t && (!strict || luhn(&plain)) {
        out.push(format!("card:{plain}"));
    }
}

/// Pinyin keywords of a person's name: full pinyin and initials, every reading
/// of every character (`张海山` → `py:zhanghaishan`, `py:zhs`, …).
pub fn name_pinyin(name: &str, out: &mut Vec<String>) {
    use pinyin::ToPinyinMulti;
    let chars: Vec<char> = name.chars().filter(|c| !c.is_whitespace()).collect();
    if chars.is_empty() || chars.len() > 4 {
        return;
    }
    let mut fulls: Vec<String> = vec![String::new()];
    let mut inits: Vec<String> = vec![String::new()];
    for c in chars {
        let readings: Vec<(&str, &str)> = match c.to_pinyin_multi() {
            Some(m) => m
                .into_iter()
                .map(|p| (p.plain(), p.first_letter()))
                .collect(),
            None => return,
        };
        let mut nf = Vec::new();
        let mut ni = Vec::new();
        for (full, init) in readings.iter().take(4) {
            for f in &fulls {
                nf.push(format!("{f}{full}"));
            }
            for i in &inits {
                ni.push(format!("{i}{init}"));
            }
        }
        nf.sort();
        nf.dedup();
        ni.sort();
        ni.dedup();
        fulls = nf;
        inits = ni;
    }
    for p in fulls.into_iter().chain(inits) {
        out.push(format!("py:{p}"));
    }
}

/// Common surnames (the 百家姓's frequent ones and their common miswritings,
/// 谈 for 谭, 凌 for 林): a Chinese character run starting with one is a
/// candidate name.
pub(super) const SURNAMES: &str = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫阎段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤欧易成满翠谈檀凌伍常康施牛洪温季葛祝鲁倪殷俞包章柳岳齐庞樊兰殷聂焦纪霍甘卜柴左申祁花辛管饶喻宁柯苗阮关翟鲍滕谷单童牟蓝车安舒屈乔裴项耿毕燕邢吉邬麦裘盛蒲涂欧阳冉晏缪尚农练巫符区刁游揭敖苑池简梅解窦岑穆郁商骆迟荣路封芦卓庄房闵景詹郎艾丰应詹邝粟卿黄麻仇苟宫计伏红竺";

fn is_cjk(c: char) -> bool {
    ('\u{4E00}'..='\u{9FFF}').contains(&c)
}

/// Pinyin keywords for the person names a free text may hold: every common
/// surname followed by one or two Chinese characters is a candidate (a cheap,
/// generous guess; the pinyin field only adds recall for pinyin queries).
pub fn text_name_pinyin(text: &str, out: &mut Vec<String>) {
    use std::collections::{BTreeSet, HashMap};
    thread_local! {
        /// Keywords of the candidate names seen so far: a case repeats its names.
        static KEYS: std::cell::RefCell<HashMap<String, Vec<String>>> =
            std::cell::RefCell::new(HashMap::new());
    }
    let chars: Vec<char> = text.chars().collect();
    let mut names = BTreeSet::new();
    for i in 0..chars.len() {
        if !is_surname(chars[i]) {
            continue;
        }
        for len in [2usize, 3] {
            if i + len <= chars.len() && chars[i..i + len].iter().all(|&c| is_cjk(c)) {
                names.insert(chars[i..i + len].iter().collect::<String>());
            }
        }
    }
    KEYS.with(|keys| {
        let mut keys = keys.borrow_mut();
        if keys.len() > 200_000 {
            keys.clear();
        }
        for name in names {
            let k = keys.entry(name).or_insert_with_key(|name| {
                let mut k = Vec::new();
                name_pinyin(name, &mut k);
                super::names::keywords(name, &mut k);
                k
            });
            out.extend(k.iter().cloned());
        }
    });
}

/// Whether `c` is one of [`SURNAMES`].
pub(super) fn is_surname(c: char) -> bool {
    static SET: std::sync::OnceLock<std::collections::HashSet<char>> = std::sync::OnceLock::new();
    SET.get_or_init(|| SURNAMES.chars().collect()).contains(&c)
}

/// Years (2000–2099) mentioned as dates in a text, for the date filter and facet.
pub fn years(text: &str, out: &mut Vec<u64>) {
    let b = text.as_bytes();
    let mut i = 0;
    while i + 4 <= b.len() {
        if b[i..i + 4].iter().all(u8::is_ascii_digit) && (i == 0 || !b[i - 1].is_ascii_digit()) {
            let after = &text[i + 4..];
            let dateish = after.starts_with('年')
                || after.starts_with('-')
                || after.starts_with('/')
                || after.starts_with('.');
            let after_digits = b.get(i + 4).map(|c| c.is_ascii_digit()).unwrap_or(false);
            if dateish
                || (after_digits
                    && b.len() >= i + 8
                    && b[i + 4..i + 8].iter().all(u8::is_ascii_digit)
                    && b.get(i + 8).map(|c| !c.is_ascii_digit()).unwrap_or(true))
            {
                if let Ok(y) = text[i..i + 4].parse::<u64>() {
                    if (2000..2100).contains(&y) && !out.contains(&y) {
                        out.push(y);
                    }
                }
            }
            i += 4;
        } else {
            i += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_is_simplified_half_width_lower_case_and_drops_punctuation() {
        assert_eq!(fold_str("補貼 １８，１７２元 ABC"), "补贴18172元abc");
        let f = fold("張 三");
        assert_eq!(f.chars, vec!['张', '三']);
        assert_eq!(f.spans, vec![(0, 3), (4, 7)]);
    }

    #[test]
    fn the_streaming_tokenizer_gives_the_same_tokens() {
        let text = "張 三，住房补贴18,172元";
        let mut tk = BigramTokenizer;
        let mut stream = tk.token_stream(text);
        let mut got = Vec::new();
        while stream.advance() {
            let t = stream.token();
            got.push((t.text.clone(), t.position, t.offset_from, t.offset_to));
        }
        let want: Vec<_> = tokens(&fold(text))
            .into_iter()
            .map(|t| (t.text, t.position, t.offset_from, t.offset_to))
            .collect();
        assert_eq!(got, want);
    }

    #[test]
    fn tokens_are_unigrams_bigrams_and_trigrams_sharing_positions() {
        let t = tokens(&fold("赵某,住"));
        let got: Vec<(String, usize)> = t.iter().map(|t| (t.text.clone(), t.position)).collect();
        let want: Vec<(String, usize)> = [
            ("赵", 0),
            ("赵某", 0),
            ("赵某住", 0),
            ("某", 1),
            ("某住", 1),
            ("住", 2),
        ]
        .into_iter()
        .map(|(s, p)| (s.to_string(), p))
        .collect();
        assert_eq!(got, want);
    }

    #[test]
    fn entities_normalise_ids_amounts_and_phones() {
        let mut e = Vec::new();
        entities(
            "身份证４３０４２３１９５００３０５１２３３，金额18,172元，电话13800001234",
            &mut e,
        );
        assert!(e.contains(&"id:430423195003051233".to_string()), "{e:?}");
        assert!(e.contains(&"amt:1817200".to_string()), "{e:?}");
        assert!(e.contains(&"tel:13800001234".to_string()), "{e:?}");
        let mut q = Vec::new();
        entity_tokens("18172.00", &mut q);
        assert_eq!(q, vec!["amt:1817200".to_string()]);
        let mut q = Vec::new();
        entity_tokens("1050", &mut q);
        assert!(q.is_empty(), "a bare number is no amount: {q:?}");
        let mut e = Vec::new();
        entities(
            "卡号6214830000000009（Luhn），卡号6214830000000002，序号1050",
            &mut e,
        );
        assert_eq!(
            e,
            vec!["card:6214830000000009".to_string()],
            "non-Luhn card and serial left out"
        );
    }

    #[test]
    fn pinyin_of_names_covers_initials_and_full_readings() {
        let mut p = Vec::new();
        name_pinyin("张海山", &mut p);
        assert!(
            p.contains(&"py:zhs".to_string()) && p.contains(&"py:zhanghaishan".to_string()),
            "{p:?}"
        );
        let mut p = Vec::new();
        name_pinyin("曾志华", &mut p);
        assert!(
            p.contains(&"py:zzh".to_string()) && p.contains(&"py:czh".to_string()),
            "every reading: {p:?}"
        );
    }

    #[test]
    fn a_name_broken_across_two_lines_keeps_its_trigram_with_exact_offsets() {
        let text = "反映张海\n山领取补贴";
        let t = tokens(&fold(text));
        let tri = t.iter().find(|t| t.text == "张海山").unwrap();
        assert_eq!(&text[tri.offset_from..tri.offset_to], "张海\n山");
        let spaced = "张海 \n　山";
        let t = tokens(&fold(spaced));
        let tri = t.iter().find(|t| t.text == "张海山").unwrap();
        assert_eq!(&spaced[tri.offset_from..tri.offset_to], spaced);
    }

    #[test]
    fn cjk_line_join_removes_single_breaks_between_cjk_only() {
        assert_eq!(join_cjk_lines("张海 \n 山领取"), "张海山领取");
        assert_eq!(join_cjk_lines("第一段\n\n第二段"), "第一段\n\n第二段");
        assert_eq!(join_cjk_lines("金额\n100元"), "金额\n100元");
        assert_eq!(join_cjk_lines("abc\ndef"), "abc\ndef");
        assert_eq!(join_cjk_lines("无换行"), "无换行");
    }

    #[test]
    fn years_from_dates_only() {
        let mut y = Vec::new();
        years(
            "2023年5月，2024-01-02，20210301，编号12345，共2000元",
            &mut y,
        );
        assert_eq!(y, vec![2023, 2024, 2021]);
    }
}
#[cfg(test)]
mod stream_tests {
    use super::*;
    #[test]
    fn positions_never_go_backwards() {
        let text = "反映清水村张海山领取住房补贴。".repeat(50);
        let mut tk = BigramTokenizer;
        let mut s = tk.token_stream(&text);
        let mut n = 0;
        let mut last = 0;
        while s.advance() {
            assert!(s.token().position >= last);
            last = s.token().position;
            n += 1;
        }
        assert!(n > 0);
    }
}
