//! The fallback engine: the Tesseract command line with Debian's `chi_sim`
//! (`tesseract - - -l chi_sim --psm 1 tsv`: automatic page segmentation with
//! orientation detection, words with confidences and boxes). Its model knows
//! about 3,900 hanzi, so names with rare characters come out wrong; PP-OCR
//! is preferred whenever it is installed.

use std::io::Write;
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use super::lookup::SETUP_HINT;
use super::{Engine, OcrError, OcrLine, OcrPage};

pub struct Tesseract {
    version: String,
}

/// What `tesseract --version` and `--list-langs` said.
pub struct Probe {
    pub version: String,
    pub chi_sim: bool,
}

/// The `tesseract` on the PATH, if any.
pub fn probe() -> Option<Probe> {
    let out = Command::new("tesseract")
        .arg("--version")
        .stdin(Stdio::null())
        .output()
        .ok()?;
    let text =
        String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr);
    let version = text
        .lines()
        .next()
        .unwrap_or("tesseract")
        .trim()
        .to_string();
    let langs = Command::new("tesseract")
        .arg("--list-langs")
        .stdin(Stdio::null())
        .output()
        .ok()?;
    let chi_sim = String::from_utf8_lossy(&langs.stdout)
        .lines()
        .any(|l| l.trim() == "chi_sim");
    Some(Probe { version, chi_sim })
}

impl Tesseract {
    /// The Tesseract engine, when `tesseract` with `chi_sim` is on the PATH.
    pub fn find() -> Result<Tesseract, OcrError> {
        match probe() {
            Some(p) if p.chi_sim => Ok(Tesseract { version: p.version }),
            Some(_) => Err(OcrError::Missing {
                what: "tesseract-ocr-chi-sim".into(),
                hint: SETUP_HINT.into(),
            }),
            None => Err(OcrError::Missing {
                what: "tesseract".into(),
                hint: SETUP_HINT.into(),
            }),
        }
    }

    pub fn version(&self) -> &str {
        &self.version
    }
}

impl Engine for Tesseract {
    fn id(&self) -> &'static str {
        "tesseract"
    }

    fn recognise(&self, img: &image::RgbImage, cancel: &AtomicBool) -> Result<OcrPage, OcrError> {
        let fail = |d: String| OcrError::Tesseract { detail: d };
        let mut png = Vec::new();
        image::DynamicImage::ImageRgb8(img.clone())
            .write_to(&mut std::io::Cursor::new(&mut png), image::ImageFormat::Png)
            .map_err(|e| fail(e.to_string()))?;
        let mut child = Command::new("tesseract")
            .args(["-", "-", "-l", "chi_sim", "--psm", "1", "tsv"])
            // Pages are read in parallel by the import's workers already.
            .env("OMP_THREAD_LIMIT", "1")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .map_err(|e| fail(e.to_string()))?;
        let mut stdin = child.stdin.take();
        let writer = std::thread::spawn(move || {
            if let Some(s) = stdin.as_mut() {
                let _ = s.write_all(&png);
            }
        });
        let mut stdout = child.stdout.take();
        let reader = std::thread::spawn(move || {
            let mut s = String::new();
            if let Some(o) = stdout.as_mut() {
                let _ = std::io::Read::read_to_string(o, &mut s);
            }
            s
        });
        let status = loop {
            if cancel.load(Ordering::Relaxed) {
                let _ = child.kill();
                let _ = child.wait();
                return Err(OcrError::Cancelled);
            }
            match child.try_wait() {
                Ok(Some(s)) => break s,
                Ok(None) => std::thread::sleep(Duration::from_millis(20)),
                Err(e) => return Err(fail(e.to_string())),
            }
        };
        let _ = writer.join();
        let tsv = reader.join().unwrap_or_default();
        if !status.success() {
            let mut err = String::new();
            if let Some(mut e) = child.stderr.take() {
                let _ = std::io::Read::read_to_string(&mut e, &mut err);
            }
            return Err(fail(format!("{status}: {}", err.trim())));
        }
        Ok(OcrPage::from_lines(parse_tsv(&tsv), 0))
    }
}

/// Lines from Tesseract's TSV: words grouped by (block, paragraph, line),
/// joined with no space between two CJK characters and one elsewhere.
pub fn parse_tsv(tsv: &str) -> Vec<OcrLine> {
    struct Acc {
        key: (u32, u32, u32),
        text: String,
        confs: Vec<f32>,
        bbox: (f32, f32, f32, f32),
    }
    let mut lines = Vec::new();
    let mut cur: Option<Acc> = None;
    let flush = |acc: Option<Acc>, lines: &mut Vec<OcrLine>| {
        if let Some(a) = acc {
            if a.text.trim().is_empty() {
                return;
            }
            let (x0, y0, x1, y1) = a.bbox;
            lines.push(OcrLine {
                text: a.text,
                confidence: a.confs.iter().sum::<f32>() / a.confs.len().max(1) as f32,
                quad: [(x0, y0), (x1, y0), (x1, y1), (x0, y1)],
            });
        }
    };
    for row in tsv.lines().skip(1) {
        let f: Vec<&str> = row.split('\t').collect();
        if f.len() < 12 || f[0] != "5" {
            continue;
        }
        let num = |i: usize| f[i].trim().parse::<f32>().unwrap_or(0.0);
        let key = (num(2) as u32, num(3) as u32, num(4) as u32);
        let word = f[11].trim();
        if word.is_empty() {
            continue;
        }
        let (x, y, w, h) = (num(6), num(7), num(8), num(9));
        if cur.as_ref().map(|a| a.key) != Some(key) {
            flush(cur.take(), &mut lines);
            cur = Some(Acc {
                key,
                text: String::new(),
                confs: Vec::new(),
                bbox: (x, y, x + w, y + h),
            });
        }
        if let Some(a) = cur.as_mut() {
            let joins_tight = match (a.text.chars().last(), word.chars().next()) {
                (None, _) => true,
                (Some(p), Some(n)) => is_cjk(p) || is_cjk(n),
                _ => true,
            };
            if !joins_tight {
                a.text.push(' ');
            }
            a.text.push_str(word);
            a.confs.push((num(10) / 100.0).clamp(0.0, 1.0));
            a.bbox = (
                a.bbox.0.min(x),
                a.bbox.1.min(y),
                a.bbox.2.max(x + w),
                a.bbox.3.max(y + h),
            );
        }
    }
    flush(cur, &mut lines);
    lines
}

fn is_cjk(c: char) -> bool {
    matches!(c as u32, 0x3000..=0x303F | 0x3400..=0x9FFF | 0xF900..=0xFAFF | 0xFF00..=0xFFEF | 0x20000..=0x3FFFF)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tsv_words_join_into_lines_without_spaces_between_hanzi() {
        let tsv = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n\
            5\t1\t1\t1\t1\t1\t10\t10\t20\t20\t90\t党支部\n\
            5\t1\t1\t1\t1\t2\t30\t10\t20\t20\t80\t收到\n\
            5\t1\t1\t1\t2\t1\t10\t40\t20\t20\t70\tTotal\n\
            5\t1\t1\t1\t2\t2\t30\t40\t20\t20\t70\t1,050.00\n";
        let lines = parse_tsv(tsv);
        assert_eq!(lines.len(), 2);
        assert_eq!(lines[0].text, "党支部收到");
        assert!((lines[0].confidence - 0.85).abs() < 1e-5);
        assert_eq!(lines[1].text, "Total 1,050.00");
        assert_eq!(lines[0].quad[2], (50.0, 30.0));
    }
}
