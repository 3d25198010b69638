//! The recogniser's output read greedily (CTC): the most likely class at
//! each step, repeats collapsed, blanks dropped.

/// The recogniser's classes: blank, the dictionary's lines, then the ASCII
/// space (`use_space_char`).
pub struct Vocab {
    chars: Vec<String>,
}

impl Vocab {
    pub fn from_dict(dict: &str) -> Vocab {
        let mut chars = vec![String::new()];
        chars.extend(
            dict.lines()
                .map(|l| l.trim_end_matches(['\r', '\n']).to_string()),
        );
        chars.push(" ".into());
        Vocab { chars }
    }

    pub fn len(&self) -> usize {
        self.chars.len()
    }

    pub fn is_empty(&self) -> bool {
        self.chars.is_empty()
    }
}

/// The text of one sequence of `steps` × `classes` probabilities and its
/// confidence (the mean of the kept steps' probabilities; 0 when empty).
pub fn decode(probs: &[f32], steps: usize, classes: usize, vocab: &Vocab) -> (String, f32) {
    let (mut text, mut prev, mut sum, mut kept) = (String::new(), 0usize, 0f32, 0usize);
    for s in 0..steps {
        let Some(row) = probs.get(s * classes..(s + 1) * classes) else {
            break;
        };
        let (idx, p) = row
            .iter()
            .enumerate()
            .fold((0, f32::MIN), |m, (i, &v)| if v > m.1 { (i, v) } else { m });
        if idx != 0 && idx != prev {
            if let Some(c) = vocab.chars.get(idx) {
                text.push_str(c);
                sum += p;
                kept += 1;
            }
        }
        prev = idx;
    }
    let conf = if kept == 0 { 0.0 } else { sum / kept as f32 };
    (text, conf)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one_hot(seq: &[usize], classes: usize) -> Vec<f32> {
        let mut v = vec![0.0; seq.len() * classes];
        for (s, &c) in seq.iter().enumerate() {
            v[s * classes + c] = 0.9;
        }
        v
    }

    #[test]
    fn ctc_collapses_repeats_drops_blanks_and_keeps_a_doubled_character() {
        // blank, 党 支 部 堃, space.
        let vocab = Vocab::from_dict("党\n支\n部\n堃\n");
        assert_eq!(vocab.len(), 6);
        let seq = [0, 1, 1, 0, 2, 3, 3, 0, 0, 4, 0, 4, 5];
        let (text, conf) = decode(&one_hot(&seq, 6), seq.len(), 6, &vocab);
        assert_eq!(text, "党支部堃堃 ");
        assert!((conf - 0.9).abs() < 1e-6);
    }

    #[test]
    fn ctc_of_only_blanks_is_empty_with_no_confidence() {
        let vocab = Vocab::from_dict("a\n");
        let (text, conf) = decode(&one_hot(&[0, 0, 0], 3), 3, 3, &vocab);
        assert_eq!((text.as_str(), conf), ("", 0.0));
    }
}
