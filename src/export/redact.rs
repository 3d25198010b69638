//! Redaction for exports (DOMAIN.md "Sensitive fields"): informants become
//! 举报人A, 举报人B…; ID numbers keep their first 6 and last 4 characters;
//! phone numbers (and bank card numbers) their last 4 digits.

use regex::Regex;

use crate::case::Case;
use crate::error::Result;

/// Words that name no one ("匿名", "群众"…) and are never treated as an informant.
const NOT_NAMES: &[&str] = &[
    "匿名",
    "群众",
    "村民",
    "本人",
    "部分群众",
    "无",
    "不详",
    "群众来信",
    "网民",
    "热心群众",
    "村民代表",
    "全体村民",
    "部分村民",
    "群众代表",
    "知情人",
    "知情群众",
    "党员群众",
];

/// Replaces informants' names and masks ID, phone and card numbers.
#[derive(Debug, Clone, Default)]
pub struct Redactor {
    /// (name, pseudonym), longest name first so that 欧阳春 goes before 欧阳.
    names: Vec<(String, String)>,
}

/// The pseudonym for the n-th informant (0-based): 举报人A … 举报人Z, 举报人AA …
fn pseudonym(n: usize) -> String {
    let mut letters = String::new();
    let mut k = n + 1;
    while k > 0 {
        let r = (k - 1) % 26;
        letters.insert(0, (b'A' + r as u8) as char);
        k = (k - 1) / 26;
    }
    format!("举报人{letters}")
}

impl Redactor {
    /// Collects the case's informants: the 信访人 of complaint registers, and the
    /// named writers and callers of letters (举报人：…, 来电人：…, 我是…村民某某,
    /// 某某实名举报), in order of first appearance.
    pub fn from_case(case: &Case) -> Result<Redactor> {
        let mut found: Vec<String> = Vec::new();
        for (title, text) in &crate::store::export::letters(case)? {
            for name in informants_in(title).into_iter().chain(informants_in(text)) {
                if !found.contains(&name) {
                    found.push(name);
                }
            }
        }
        let clue_informants = crate::store::clues::informants(case.reads())?;
        for n in crate::store::export::complaint_informants(case)?
            .into_iter()
            .chain(clue_informants)
        {
            let n = n.trim().to_string();
            if n.chars().count() >= 2 && !NOT_NAMES.contains(&n.as_str()) && !found.contains(&n) {
                found.push(n);
            }
        }
        Ok(Redactor::with_names(found))
    }

    /// A redactor for the given informants, pseudonymised in the given order.
    pub fn with_names(names: Vec<String>) -> Redactor {
        let mut names: Vec<(String, String)> = names
            .into_iter()
            .enumerate()
            .map(|(i, n)| (n, pseudonym(i)))
            .collect();
        names.sort_by(|a, b| {
            b.0.chars()
                .count()
                .cmp(&a.0.chars().count())
                .then(a.0.cmp(&b.0))
        });
        Redactor { names }
    }

    /// The informants and their pseudonyms, in pseudonym order.
    pub fn informants(&self) -> Vec<(String, String)> {
        let mut v = self.names.clone();
        v.sort_by(|a, b| a.1.len().cmp(&b.1.len()).then(a.1.cmp(&b.1)));
        v
    }

    /// Redacts one string.
    pub fn text(&self, s: &str) -> String {
        let mut out = s.to_string();
        for (name, alias) in &self.names {
            if out.contains(name.as_str()) {
                out = out.replace(name.as_str(), alias);
            }
        }
        mask_numbers(&out)
    }

    /// Redacts every string in a JSON value, keys included.
    pub fn json(&self, v: &mut serde_json::Value) {
        match v {
            serde_json::Value::String(s) => *s = self.text(s),
            serde_json::Value::Array(a) => a.iter_mut().for_each(|x| self.json(x)),
            serde_json::Value::Object(o) => {
                let old = std::mem::take(o);
                for (k, mut x) in old {
                    self.json(&mut x);
                    o.insert(self.text(&k), x);
                }
            }
            _ => {}
        }
    }
}

/// Informant names written in one letter or title.
fn informants_in(text: &str) -> Vec<String> {
    use std::sync::OnceLock;
    static PATTERNS: OnceLock<Vec<Regex>> = OnceLock::new();
    let patterns = PATTERNS.get_or_init(|| {
        [
            // 举报人：枫树村村民 李喆 (a place and a role before the name)
            r"(?:实名举报人|举报人|反映人|来信人|来电人|信访人|投诉人|署名)[ \t]*[:：][ \t]*\p{Han}{1,8}?(?:村民|居民|群众|党员|职工|教师|户主)[ \t　]*(\p{Han}{2,3})",
            // 举报人：李春生 / 来电人：罗女士 / 署名：…
            r"(?:实名举报人|举报人|反映人|来信人|来电人|信访人|投诉人|署名)[ \t]*[:：][ \t]*(\p{Han}{2,3})",
            // 我是清水镇石桥村2组村民李春生，
            r"我(?:是|叫)[^，,。\n]{0,24}?(?:村民|居民|群众|党员|职工|教师|户主)(\p{Han}{2,3})[，,。\s]",
            // 石桥村李春生实名举报
            r"(?:村|组|镇|乡|_|\s|^)(\p{Han}{2,3})实名(?:举报|反映)",
            // 我叫欧阳春，是龙潭村2组村民
            r"我叫(\p{Han}{2,4}?)[，,。\s]",
            // A signature line of a name alone, above the date: 欧阳春 / 2024年4月12日
            r"(?m)^[ \t　]*(\p{Han}{2,4})[ \t　]*\r?\n[ \t　]*\d{4}年\d{1,2}月\d{1,2}日",
        ]
        .iter()
        .filter_map(|p| Regex::new(p).ok())
        .collect()
    });
    let mut out = Vec::new();
    for re in patterns {
        for c in re.captures_iter(text) {
            if let Some(m) = c.get(1) {
                let n = m.as_str().to_string();
                // A place (枫树村, 清水镇) is not a name.
                let place = ["村", "镇", "乡", "组", "县", "街道", "社区"]
                    .iter()
                    .any(|s| n.ends_with(s));
                if !place && !NOT_NAMES.contains(&n.as_str()) && !out.contains(&n) {
                    out.push(n);
                }
            }
        }
    }
    out
}

/// Masks numbers in runs of ASCII letters and digits: 15- or 18-character ID
/// numbers keep the first 6 and last 4; 11-digit mobile numbers, 16–19-digit
/// card numbers and 7–8-digit landline numbers keep the last 4. Runs with
/// letters (hashes, finding ids) are left alone.
pub fn mask_numbers(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    while i < s.len() {
        if !bytes[i].is_ascii_alphanumeric() {
            let ch = s[i..].chars().next().map(|c| c.len_utf8()).unwrap_or(1);
            out.push_str(&s[i..i + ch]);
            i += ch;
            continue;
        }
        let start = i;
        while i < s.len() && bytes[i].is_ascii_alphanumeric() {
            i += 1;
        }
        let run = &s[start..i];
        let digits = run.bytes().all(|b| b.is_ascii_digit());
        let id_like = (run.len() == 18
            && run[..17].bytes().all(|b| b.is_ascii_digit())
            && matches!(run.as_bytes()[17], b'0'..=b'9' | b'X' | b'x'))
            || (run.len() == 15 && digits);
        let after_dash = start > 0 && bytes[start - 1] == b'-';
        if id_like {
            out.push_str(&run[..6]);
            out.push_str(&"*".repeat(run.len() - 10));
            out.push_str(&run[run.len() - 4..]);
        } else if digits
            && ((run.len() == 11 && run.starts_with('1'))
                || (16..=19).contains(&run.len())
                || (after_dash && (7..=8).contains(&run.len())))
        {
            out.push_str(&"*".repeat(run.len() - 4));
            out.push_str(&run[run.len() - 4..]);
        } else {
            out.push_str(run);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_place_before_the_informant_is_not_taken_for_a_name() {
        let names = informants_in("举报人：枫树村村民 李喆\n2024年6月21日");
        assert_eq!(names, ["李喆"]);
    }

    #[test]
    fn numbers_are_masked_and_hashes_left_alone() {
        assert_eq!(
            mask_numbers("身份证号430423196204181012，电话13900001234。"),
            "身份证号430423********1012，电话*******1234。"
        );
        assert_eq!(mask_numbers("43042319620418101X"), "430423********101X");
        assert_eq!(mask_numbers("430423620418101"), "430423*****8101");
        assert_eq!(mask_numbers("0731-84561234"), "0731-****1234");
        assert_eq!(mask_numbers("6217001234567898098"), "***************8098");
        let hash = "a3f9123456789012345678901234567890b";
        assert_eq!(mask_numbers(hash), hash);
        assert_eq!(
            mask_numbers("金额 10000.00 元，2024-06-30"),
            "金额 10000.00 元，2024-06-30"
        );
        assert_eq!(mask_numbers("Fbb15f0a4d3"), "Fbb15f0a4d3");
    }

    #[test]
    fn informants_are_found_in_letters_and_pseudonymised() {
        let letter =
            "我是清水镇石桥村2组村民李春生，身份证号码430423196204181012。\n举报人：李春生\n";
        assert_eq!(informants_in(letter), vec!["李春生".to_string()]);
        assert_eq!(
            informants_in("来电人：罗女士\n联系电话：13600005678"),
            vec!["罗女士".to_string()]
        );
        assert_eq!(
            informants_in("举报信_石桥村李春生实名举报刘建国"),
            vec!["李春生".to_string()]
        );
        assert!(informants_in("白沙村部分群众\n因为怕打击报复，不敢署名").is_empty());
        assert_eq!(
            informants_in("我叫欧阳春，是龙潭村2组村民。\n\n欧阳春\n2024年4月12日"),
            vec!["欧阳春".to_string()]
        );
        assert!(informants_in("白沙村部分群众\n2024年2月18日").is_empty());
        assert!(informants_in("青溪县12345热线办公室\n2024年6月20日").is_empty());
        let r = Redactor::with_names(vec!["李春生".into(), "罗女士".into()]);
        assert_eq!(
            r.text("李春生反映刘建国；罗女士来电 13600005678"),
            "举报人A反映刘建国；举报人B来电 *******5678"
        );
        assert_eq!(pseudonym(25), "举报人Z");
        assert_eq!(pseudonym(26), "举报人AA");
    }
}
