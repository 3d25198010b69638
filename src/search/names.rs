//! Names written with the wrong character (谭海斌 → 谈海斌, 刘菊凤 → 刘菊风):
//! the keywords a name is indexed under, the keywords a `name~` query asks for,
//! and how close a spelling found in a text is to the one asked for.
//!
//! Three degrees below the exact spelling, best first:
//! - **homophone** (`pyt:`): every character has a reading with the same pinyin
//!   and tone (谭 tán / 谈 tán; a heteronym's every reading counts: 覃 qín, tán);
//! - **near**: the same pinyin without tones (凤 fèng / 风 fēng, `py:`), or the
//!   pinyin a southern speaker does not tell apart (z/zh, c/ch, s/sh, n/l, f/h,
//!   r/l; an/ang, en/eng, in/ing), or — in a three-character name — one
//!   character different and the other two in their places (`nm:`).

use pinyin::ToPinyinMulti;

/// How a spelling found compares with the name asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Match {
    Exact,
    Homophone,
    Near,
}

impl Match {
    pub fn as_str(self) -> &'static str {
        match self {
            Match::Exact => "exact",
            Match::Homophone => "homophone",
            Match::Near => "near",
        }
    }
}

/// At most this many readings per character and keywords per name.
const READINGS: usize = 4;
const KEYWORDS: usize = 16;

fn is_cjk(c: char) -> bool {
    ('\u{4E00}'..='\u{9FFF}').contains(&c)
}

/// A name of two to four Chinese characters, as the search treats names.
pub fn is_name_like(s: &str) -> bool {
    let n = s.chars().count();
    (2..=4).contains(&n) && s.chars().all(is_cjk)
}

/// (plain, toned) readings of a character: `谭` → `[("tan", "tan2")]`.
fn readings(c: char) -> Vec<(&'static str, &'static str)> {
    let mut v: Vec<(&str, &str)> = match c.to_pinyin_multi() {
        Some(m) => m
            .into_iter()
            .map(|p| (p.plain(), p.with_tone_num_end()))
            .collect(),
        None => Vec::new(),
    };
    v.dedup();
    v.truncate(READINGS);
    v
}

/// Every concatenation of one choice per position, at most [`KEYWORDS`].
fn product(choices: &[Vec<String>]) -> Vec<String> {
    let mut out = vec![String::new()];
    for opts in choices {
        let mut next = Vec::new();
        for o in opts {
            for prefix in &out {
                if next.len() < KEYWORDS {
                    next.push(format!("{prefix}{o}"));
                }
            }
        }
        next.sort();
        next.dedup();
        out = next;
    }
    out
}

/// The toned keywords (`pyt:tan2hai3bin1`) and the one-character-wildcard
/// keywords of a three-character name (`nm:刘菊_`, `nm:刘_凤`, `nm:_菊凤`) a
/// name is indexed under (the toneless `py:` ones come from
/// [`super::analysis::name_pinyin`]).
pub fn keywords(name: &str, out: &mut Vec<String>) {
    let chars: Vec<char> = name.chars().filter(|c| !c.is_whitespace()).collect();
    if !(2..=4).contains(&chars.len()) || !chars.iter().all(|&c| is_cjk(c)) {
        return;
    }
    let toned: Vec<Vec<String>> = chars
        .iter()
        .map(|&c| readings(c).into_iter().map(|r| r.1.to_string()).collect())
        .collect();
    if toned.iter().all(|r| !r.is_empty()) {
        for p in product(&toned) {
            out.push(format!("pyt:{p}"));
        }
    }
    if chars.len() == 3 {
        for gap in 0..3 {
            let mut k = String::from("nm:");
            for (i, &c) in chars.iter().enumerate() {
                k.push(if i == gap { '_' } else { c });
            }
            out.push(k);
        }
    }
}

/// The southern-speech variants of a toneless syllable (itself first).
fn fuzzy(plain: &str) -> Vec<String> {
    const INITIALS: &[(&str, &str)] = &[
        ("zh", "z"),
        ("ch", "c"),
        ("sh", "s"),
        ("n", "l"),
        ("f", "h"),
        ("r", "l"),
    ];
    const FINALS: &[(&str, &str)] = &[("ang", "an"), ("eng", "en"), ("ing", "in")];
    let swap = |s: &str, pairs: &[(&str, &str)], prefix: bool| -> Option<String> {
        for (a, b) in pairs {
            let (hit, other) = if prefix {
                (s.starts_with(a), s.starts_with(b))
            } else {
                (s.ends_with(a), s.ends_with(b))
            };
            if hit {
                return Some(if prefix {
                    format!("{b}{}", &s[a.len()..])
                } else {
                    format!("{}{b}", &s[..s.len() - a.len()])
                });
            }
            // b → a only when b is not the start of a longer a (`z` of `zh`).
            if other && !(prefix && pairs.iter().any(|(x, _)| s.starts_with(x))) {
                return Some(if prefix {
                    format!("{a}{}", &s[b.len()..])
                } else {
                    format!("{}{a}", &s[..s.len() - b.len()])
                });
            }
        }
        None
    };
    let mut out = vec![plain.to_string()];
    let init = swap(plain, INITIALS, true);
    if let Some(i) = &init {
        out.push(i.clone());
    }
    let bases: Vec<String> = out.clone();
    for b in bases {
        if let Some(f) = swap(&b, FINALS, false) {
            out.push(f);
        }
    }
    out.dedup();
    out
}

/// What a `name~` query asks the index for, by degree: the toned keywords
/// (homophones), the toneless and southern-speech ones (near), and the
/// one-character-wildcard ones of a three-character name (near).
pub struct Asked {
    pub homophone: Vec<String>,
    pub near: Vec<String>,
}

pub fn asked(name: &str) -> Asked {
    let chars: Vec<char> = name.chars().filter(|c| !c.is_whitespace()).collect();
    let mut homophone = Vec::new();
    keywords(name, &mut homophone);
    let wild: Vec<String> = homophone
        .iter()
        .filter(|k| k.starts_with("nm:"))
        .cloned()
        .collect();
    homophone.retain(|k| k.starts_with("pyt:"));
    let plain: Vec<Vec<String>> = chars
        .iter()
        .map(|&c| {
            let mut v: Vec<String> = Vec::new();
            for (p, _) in readings(c) {
                for f in fuzzy(p) {
                    if !v.contains(&f) {
                        v.push(f);
                    }
                }
            }
            v
        })
        .collect();
    let mut near = Vec::new();
    if !plain.is_empty() && plain.iter().all(|r| !r.is_empty()) {
        near.extend(product(&plain).into_iter().map(|p| format!("py:{p}")));
    }
    near.extend(wild);
    Asked { homophone, near }
}

/// How the spelling `found` compares with the name `asked` (same length), or
/// `None` when it is not a variant at all.
pub fn compare(asked: &[char], found: &[char]) -> Option<Match> {
    if asked.len() != found.len() || asked.is_empty() {
        return None;
    }
    if asked == found {
        return Some(Match::Exact);
    }
    if !found.iter().all(|&c| is_cjk(c)) {
        return None;
    }
    let same = |a: char, b: char, toned: bool| {
        a == b || {
            let (ra, rb) = (readings(a), readings(b));
            ra.iter().any(|x| {
                rb.iter().any(|y| {
                    if toned {
                        x.1 == y.1
                    } else {
                        fuzzy(x.0).iter().any(|f| f == y.0)
                    }
                })
            })
        }
    };
    let pairs = || asked.iter().zip(found);
    if pairs().all(|(&a, &b)| same(a, b, true)) {
        return Some(Match::Homophone);
    }
    if pairs().all(|(&a, &b)| same(a, b, false)) {
        return Some(Match::Near);
    }
    let differing = pairs().filter(|(a, b)| a != b).count();
    (asked.len() == 3 && differing == 1).then_some(Match::Near)
}

/// Where the name or one of its variants stands in `text`: char ranges with
/// their degree, no worse than `worst`. A variant other than the exact
/// spelling counts only where a name could start: at a common surname (as the
/// index takes candidate names from free text) or the asked name's own.
pub fn find(text: &str, name: &str, worst: Match) -> Vec<(usize, usize, Match)> {
    let q: Vec<char> = super::analysis::fold_str(name).chars().collect();
    let chars: Vec<char> = fast2s::convert(text).chars().collect();
    let mut out = Vec::new();
    if q.is_empty() || q.len() > chars.len() {
        return out;
    }
    let mut i = 0;
    while i + q.len() <= chars.len() {
        let name_start = chars[i] == q[0] || super::analysis::is_surname(chars[i]);
        match compare(&q, &chars[i..i + q.len()]) {
            Some(m) if m <= worst && (m == Match::Exact || name_start) => {
                out.push((i, i + q.len(), m));
                i += q.len();
            }
            _ => i += 1,
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chars(s: &str) -> Vec<char> {
        s.chars().collect()
    }

    #[test]
    fn degrees_of_a_wrong_character() {
        let q = chars("谭海斌");
        assert_eq!(compare(&q, &chars("谭海斌")), Some(Match::Exact));
        assert_eq!(compare(&q, &chars("谈海斌")), Some(Match::Homophone));
        assert_eq!(compare(&q, &chars("覃海斌")), Some(Match::Homophone));
        assert_eq!(compare(&q, &chars("谭海彬")), Some(Match::Homophone));
        assert_eq!(
            compare(&chars("刘菊凤"), &chars("刘菊风")),
            Some(Match::Near)
        );
        assert_eq!(
            compare(&chars("刘菊凤"), &chars("刘菊芬")),
            Some(Match::Near),
            "one character of three"
        );
        assert_eq!(
            compare(&chars("张海山"), &chars("张海杉")),
            Some(Match::Homophone)
        );
        assert_eq!(compare(&chars("林海"), &chars("凌海")), Some(Match::Near));
        assert_eq!(compare(&q, &chars("李建国")), None);
        assert_eq!(compare(&chars("刘菊凤"), &chars("王菊芬")), None);
        assert_eq!(
            compare(&chars("李明"), &chars("李刚")),
            None,
            "two characters: no wildcard"
        );
    }

    #[test]
    fn keywords_and_asks_meet() {
        let mut k = Vec::new();
        keywords("谈海斌", &mut k);
        let a = asked("谭海斌");
        assert!(
            a.homophone.iter().any(|h| k.contains(h)),
            "{k:?} {:?}",
            a.homophone
        );
        let mut k = Vec::new();
        keywords("刘菊风", &mut k);
        super::super::analysis::name_pinyin("刘菊风", &mut k);
        let a = asked("刘菊凤");
        assert!(!a.homophone.iter().any(|h| k.contains(h)));
        assert!(a.near.iter().any(|h| k.contains(h)));
        assert!(k.contains(&"nm:刘菊_".to_string()));
    }

    #[test]
    fn variants_are_found_in_text_with_their_place() {
        let text = "反映谈海斌多领补贴，谭海斌的妻子";
        let got = find(text, "谭海斌", Match::Near);
        assert_eq!(got, vec![(2, 5, Match::Homophone), (10, 13, Match::Exact)]);
        assert!(find(text, "谭海斌", Match::Exact).len() == 1);
        assert_eq!(fuzzy("zhang"), vec!["zhang", "zang", "zhan", "zan"]);
        assert_eq!(fuzzy("lin"), vec!["lin", "nin", "ling", "ning"]);
    }
}
