//! Near-duplicate documents (雷同材料), for the rule `near-duplicate`.
//!
//! Each document's comparable text (a transcript's answers, a letter's whole
//! text; punctuation, spaces, full/half width and the 问：/答： labels removed)
//! becomes the set of its `SHINGLE`-character shingles. Similarity is the Dice
//! coefficient of two sets, 2·|A∩B| ÷ (|A| + |B|): two texts that share 85% of
//! their sentences score about 85%. Candidates come from MinHash signatures cut
//! into bands (documents agreeing on a whole band share a bucket); only they are
//! compared exactly, so 100,000 documents take seconds, not the hours of all
//! pairs ([`groups_all_pairs`], kept as the baseline the benchmark checks
//! against). Candidate pairs whose documents are already in one group are not
//! compared again. Groups are the connected components of the pairs at or above
//! the threshold; the longest document is the principal.

use std::collections::HashMap;

/// Characters per shingle.
pub const SHINGLE: usize = 5;
/// MinHash functions per signature.
const HASHES: usize = 128;

/// A document to compare.
#[derive(Debug, Clone, Copy)]
pub struct Input<'a> {
    pub id: i64,
    /// `letter` or `transcript`: only documents of one kind are compared.
    pub kind: &'a str,
    pub text: &'a str,
}

/// What counts as near-duplicate.
#[derive(Debug, Clone, Copy)]
pub struct Params {
    /// Lowest similarity, percent.
    pub similarity: u32,
    /// Shortest comparable text, characters.
    pub min_chars: usize,
}

/// One member of a group, with its similarity to the principal (per mille,
/// rounded down; 1000 for the principal itself).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Member {
    pub id: i64,
    pub permille: u32,
    pub principal: bool,
}

/// A group of near-duplicates: the principal first, then the others by
/// similarity (highest first) and id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Group {
    pub members: Vec<Member>,
}

/// The text compared: a transcript's answers (when it has 答 turns), else the
/// whole text; without punctuation, spaces, full-width forms or Q/A labels.
pub fn comparable(kind: &str, text: &str) -> Vec<char> {
    fn label(l: &str, w: char) -> Option<&str> {
        let rest = l
            .trim_start_matches([' ', '\u{3000}', '\t'])
            .strip_prefix(w)?;
        rest.strip_prefix('：').or_else(|| rest.strip_prefix(':'))
    }
    let has_answers = kind == "transcript" && text.lines().any(|l| label(l, '答').is_some());
    let mut out = Vec::with_capacity(text.len() / 3);
    let mut in_answer = false;
    for line in text.lines() {
        let body = if let Some(rest) = label(line, '答') {
            in_answer = true;
            rest
        } else if let Some(rest) = label(line, '问') {
            in_answer = false;
            rest
        } else {
            line
        };
        if has_answers && !in_answer {
            continue;
        }
        out.extend(body.chars().filter_map(fold));
    }
    out
}

/// One character as compared: half width, ASCII lower case; `None` for
/// spaces, punctuation and symbols.
fn fold(c: char) -> Option<char> {
    let c = match c as u32 {
        0xFF01..=0xFF5E => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        _ => c,
    };
    if c.is_whitespace() || c.is_control() {
        return None;
    }
    if c.is_ascii() {
        return c.is_ascii_alphanumeric().then(|| c.to_ascii_lowercase());
    }
    match c as u32 {
        // General punctuation, CJK symbols and punctuation, vertical and small
        // forms, the rest of the half/full-width block, box drawing, shapes.
        0x2000..=0x206F | 0x3000..=0x303F | 0xFE10..=0xFE1F | 0xFE30..=0xFE6F | 0xFF00..=0xFFEF => {
            None
        }
        0x00A0..=0x00BF | 0x00D7 | 0x00F7 | 0x2190..=0x21FF | 0x2500..=0x25FF | 0x2600..=0x27BF => {
            None
        }
        _ => Some(c),
    }
}

fn mix(mut x: u64) -> u64 {
    x ^= x >> 30;
    x = x.wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x ^= x >> 27;
    x = x.wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

/// The sorted, distinct hashes of a text's shingles.
fn shingles(chars: &[char]) -> Vec<u64> {
    if chars.len() < SHINGLE {
        return Vec::new();
    }
    let mut v: Vec<u64> = chars
        .windows(SHINGLE)
        .map(|w| {
            let mut h = 0xcbf2_9ce4_8422_2325u64;
            for &c in w {
                h = (h ^ c as u64).wrapping_mul(0x0100_0000_01b3);
            }
            mix(h)
        })
        .collect();
    v.sort_unstable();
    v.dedup();
    v
}

/// Shared elements of two sorted sets.
fn shared(a: &[u64], b: &[u64]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

/// Dice similarity in per mille, rounded down.
pub fn dice_permille(a: &[u64], b: &[u64]) -> u32 {
    let total = a.len() + b.len();
    if total == 0 {
        return 0;
    }
    (2000 * shared(a, b) / total) as u32
}

/// True when the Dice similarity is at least `percent` (exact, in integers).
fn passes(a: &[u64], b: &[u64], percent: u32) -> bool {
    let total = a.len() + b.len();
    total > 0 && 200 * shared(a, b) >= percent as usize * total
}

/// Similarity of two texts of one kind, per mille.
pub fn similarity(kind: &str, a: &str, b: &str) -> u32 {
    dice_permille(
        &shingles(&comparable(kind, a)),
        &shingles(&comparable(kind, b)),
    )
}

/// A document ready to compare.
struct Prepared {
    at: usize,
    kind: u8,
    chars: usize,
}

fn prepare(docs: &[Input<'_>], p: &Params) -> (Vec<Prepared>, Vec<Vec<char>>) {
    let mut kinds: Vec<&str> = Vec::new();
    let mut out = Vec::new();
    let mut texts = Vec::new();
    for (at, d) in docs.iter().enumerate() {
        let chars = comparable(d.kind, d.text);
        if chars.len() < p.min_chars.max(SHINGLE) {
            continue;
        }
        let kind = match kinds.iter().position(|k| *k == d.kind) {
            Some(k) => k,
            None => {
                kinds.push(d.kind);
                kinds.len() - 1
            }
        } as u8;
        out.push(Prepared {
            at,
            kind,
            chars: chars.len(),
        });
        texts.push(chars);
    }
    (out, texts)
}

struct UnionFind(Vec<usize>);

impl UnionFind {
    fn new(n: usize) -> UnionFind {
        UnionFind((0..n).collect())
    }

    fn find(&mut self, mut x: usize) -> usize {
        while self.0[x] != x {
            self.0[x] = self.0[self.0[x]];
            x = self.0[x];
        }
        x
    }

    fn union(&mut self, a: usize, b: usize) {
        let (a, b) = (self.find(a), self.find(b));
        if a != b {
            self.0[a.max(b)] = a.min(b);
        }
    }
}

/// Groups from the union-find over prepared documents: the longest member
/// (then the lowest id) is the principal; each member's similarity to it.
fn form_groups(
    docs: &[Input<'_>],
    prep: &[Prepared],
    uf: &mut UnionFind,
    set: &mut dyn FnMut(usize) -> Vec<u64>,
) -> Vec<Group> {
    let mut by_root: HashMap<usize, Vec<usize>> = HashMap::new();
    for i in 0..prep.len() {
        by_root.entry(uf.find(i)).or_default().push(i);
    }
    let mut groups: Vec<Group> = Vec::new();
    for (_, mut members) in by_root.into_iter().filter(|(_, m)| m.len() > 1) {
        members.sort_by_key(|&i| (std::cmp::Reverse(prep[i].chars), docs[prep[i].at].id));
        let principal = members[0];
        let p_set = set(principal);
        let mut out = vec![Member {
            id: docs[prep[principal].at].id,
            permille: 1000,
            principal: true,
        }];
        for &i in &members[1..] {
            out.push(Member {
                id: docs[prep[i].at].id,
                permille: dice_permille(&p_set, &set(i)),
                principal: false,
            });
        }
        out[1..].sort_by_key(|m| (std::cmp::Reverse(m.permille), m.id));
        groups.push(Group { members: out });
    }
    groups.sort_by_key(|g| g.members[0].id);
    groups
}

/// Rows per band: the most that still finds a pair at the threshold with
/// probability ≥ 99.5% (fewer rows = more candidates, more exact work).
fn rows_per_band(percent: u32) -> usize {
    // Dice d corresponds to Jaccard j = d / (2 − d).
    let d = (percent.clamp(1, 100) as f64) / 100.0;
    let j = d / (2.0 - d);
    (1..=8)
        .rev()
        .find(|&r| {
            let bands = (HASHES / r) as i32;
            1.0 - (1.0 - j.powi(r as i32)).powi(bands) >= 0.995
        })
        .unwrap_or(1)
}

/// MinHash signatures of the prepared texts, on every core.
fn signatures(texts: &[Vec<char>]) -> Vec<[u32; HASHES]> {
    let mut coeffs = [(0u64, 0u64); HASHES];
    for (i, c) in coeffs.iter_mut().enumerate() {
        *c = (mix(i as u64 * 2 + 1) | 1, mix(i as u64 * 2 + 2));
    }
    let sign = |t: &Vec<char>| {
        let mut sig = [u32::MAX; HASHES];
        for x in shingles(t) {
            for (s, (a, b)) in sig.iter_mut().zip(coeffs.iter()) {
                let v = (x.wrapping_mul(*a).wrapping_add(*b) >> 32) as u32;
                if v < *s {
                    *s = v;
                }
            }
        }
        sig
    };
    let threads = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(1)
        .clamp(1, 16);
    let chunk = texts.len().div_ceil(threads).max(1);
    let mut out: Vec<[u32; HASHES]> = Vec::with_capacity(texts.len());
    std::thread::scope(|s| {
        let handles: Vec<_> = texts
            .chunks(chunk)
            .map(|part| s.spawn(move || part.iter().map(sign).collect::<Vec<_>>()))
            .collect();
        for h in handles {
            match h.join() {
                Ok(v) => out.extend(v),
                // A thread cannot panic on these inputs; recompute here if it did.
                Err(_) => out.clear(),
            }
        }
    });
    if out.len() != texts.len() {
        out = texts.iter().map(sign).collect();
    }
    out
}

/// What a pass did: documents compared, candidate pairs met in buckets,
/// pairs compared exactly (the rest were already in one group).
#[derive(Debug, Clone, Copy, Default, serde::Serialize)]
pub struct Stats {
    pub documents: usize,
    pub candidates: u64,
    pub compared: u64,
}

/// Near-duplicate groups among `docs` (MinHash banding, then exact Dice).
pub fn groups(docs: &[Input<'_>], p: &Params) -> Vec<Group> {
    groups_counted(docs, p, &mut Stats::default())
}

/// [`groups`], counting its work in `stats`.
pub fn groups_counted(docs: &[Input<'_>], p: &Params, stats: &mut Stats) -> Vec<Group> {
    let (prep, texts) = prepare(docs, p);
    stats.documents = prep.len();
    let sigs = signatures(&texts);
    let r = rows_per_band(p.similarity);
    let bands = HASHES / r;
    let mut keys: Vec<(u64, u32)> = Vec::with_capacity(prep.len() * bands);
    for (i, (sig, d)) in sigs.iter().zip(&prep).enumerate() {
        for b in 0..bands {
            let mut h = mix(((b as u64) << 8) | d.kind as u64);
            for &v in &sig[b * r..(b + 1) * r] {
                h = mix(h ^ v as u64);
            }
            keys.push((h, i as u32));
        }
    }
    keys.sort_unstable();
    // Shingle sets are made for candidates only, once each.
    let mut sets: Vec<Option<Vec<u64>>> = vec![None; prep.len()];
    let mut uf = UnionFind::new(prep.len());
    let mut at = 0;
    while at < keys.len() {
        let mut end = at + 1;
        while end < keys.len() && keys[end].0 == keys[at].0 {
            end += 1;
        }
        for x in at..end {
            for y in x + 1..end {
                let (i, j) = (keys[x].1 as usize, keys[y].1 as usize);
                stats.candidates += 1;
                if prep[i].kind != prep[j].kind || uf.find(i) == uf.find(j) {
                    continue;
                }
                stats.compared += 1;
                for k in [i, j] {
                    if sets[k].is_none() {
                        sets[k] = Some(shingles(&texts[k]));
                    }
                }
                let a = sets[i].as_deref().unwrap_or(&[]);
                let b = sets[j].as_deref().unwrap_or(&[]);
                if passes(a, b, p.similarity) {
                    uf.union(i, j);
                }
            }
        }
        at = end;
    }
    form_groups(docs, &prep, &mut uf, &mut |i| {
        sets[i].take().unwrap_or_else(|| shingles(&texts[i]))
    })
}

/// The same groups by comparing every pair exactly (the benchmark's baseline).
pub fn groups_all_pairs(docs: &[Input<'_>], p: &Params) -> Vec<Group> {
    let (prep, texts) = prepare(docs, p);
    let sets: Vec<Vec<u64>> = texts.iter().map(|t| shingles(t)).collect();
    let mut uf = UnionFind::new(prep.len());
    for i in 0..prep.len() {
        for j in i + 1..prep.len() {
            if prep[i].kind == prep[j].kind && passes(&sets[i], &sets[j], p.similarity) {
                uf.union(i, j);
            }
        }
    }
    form_groups(docs, &prep, &mut uf, &mut |i| sets[i].clone())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_punctuation_and_width_do_not_count() {
        let a = comparable("letter", "问：你好，ＡＢＣ 123！\n答：“是的”。");
        assert_eq!(a.iter().collect::<String>(), "你好abc123是的");
        let t =
            "时间：2024年\n问：你领过补贴吗？\n答：领过，\n一共三次。\n问：谁办的？\n答：村会计。";
        let c: String = comparable("transcript", t).iter().collect();
        assert_eq!(c, "领过一共三次村会计");
    }

    #[test]
    fn banding_finds_the_same_groups_as_all_pairs() {
        // 300 texts of 40 random 8-character clauses; every 20th has a copy
        // with k of its clauses rewritten (k = 1..4: about 97% down to 88%).
        let pool: Vec<char> = "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经"
            .chars()
            .collect();
        let mut x = 0x2545_f491_4f6c_dd1du64;
        let mut clause = || -> String {
            (0..8)
                .map(|_| {
                    x ^= x << 13;
                    x ^= x >> 7;
                    x ^= x << 17;
                    pool[(x % pool.len() as u64) as usize]
                })
                .collect::<String>()
                + "，"
        };
        let mut texts: Vec<String> = Vec::new();
        for i in 0..300 {
            let parts: Vec<String> = (0..40).map(|_| clause()).collect();
            texts.push(parts.concat());
            if i % 20 == 0 {
                let mut copy = parts.clone();
                for k in 0..=(i / 20 % 4) {
                    copy[k * 9] = clause();
                }
                texts.push(copy.concat());
            }
        }
        let docs: Vec<Input<'_>> = texts
            .iter()
            .enumerate()
            .map(|(i, t)| Input {
                id: i as i64 + 1,
                kind: "letter",
                text: t,
            })
            .collect();
        let p = Params {
            similarity: 80,
            min_chars: 50,
        };
        let banded = groups(&docs, &p);
        assert_eq!(banded.len(), 15, "{banded:?}");
        assert_eq!(banded, groups_all_pairs(&docs, &p));
        assert!(banded
            .iter()
            .all(|g| g.members.len() == 2 && g.members[1].permille >= 800));
    }

    #[test]
    fn rows_per_band_find_pairs_at_the_threshold() {
        assert_eq!(rows_per_band(80), 4);
        assert!(rows_per_band(50) < rows_per_band(80));
        assert!(rows_per_band(100) >= rows_per_band(95));
    }
}
