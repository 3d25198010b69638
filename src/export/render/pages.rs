//! How many A4 pages an official .docx of some blocks fills, laid out the
//! way [`super::docx_of`] sets it (`Look::Official`): a text block of 9,412 ×
//! 13,958 twips, body 三号 (16 pt) on exact 28 pt lines with a two-character
//! first-line indent, the title 二号 on a 35 pt line with 12 pt above and
//! below, tables 五号 (10.5 pt) on 15 pt lines whose rows never break and
//! whose header row repeats on every page. The 卷内文件目录 numbers its
//! pages from this, so a volume's page numbers are known before it is
//! printed; Word and WPS break lines by their own rules, so a page may end a
//! line earlier or later (docs/pack.md shows one compared with LibreOffice).

use unicode_width::UnicodeWidthStr;

use super::{col_twips, Block};

const TEXT_WIDTH: usize = 9412;
const TEXT_HEIGHT: usize = 13958;
const BODY_LINE: usize = 560;
/// Display columns on one body line: 29 characters of 16 pt, two columns each.
const BODY_COLUMNS: usize = TEXT_WIDTH / 320 * 2;
const TITLE: usize = 700 + 240 + 240;
const TABLE_LINE: usize = 300;
/// Twips a display column of table text takes (10.5 pt, half of a CJK character).
const TABLE_COLUMN: usize = 105;
/// Left and right cell margins.
const CELL_MARGINS: usize = 216;

/// Lines a text of display width `w` takes in lines of `columns` columns.
fn lines(w: usize, columns: usize) -> usize {
    w.div_ceil(columns.max(1)).max(1)
}

/// Pages filled by `blocks` (at least one).
pub fn official_pages(blocks: &[Block]) -> usize {
    let mut page = Layout::default();
    for b in blocks.iter().cloned().map(Block::text_only) {
        match &b {
            Block::Title(t) => {
                let n = lines(t.width(), TEXT_WIDTH / 440 * 2);
                page.keep(TITLE + (n - 1) * 700);
            }
            Block::Heading(_, t) => page.lines(lines(t.width() + 4, BODY_COLUMNS), BODY_LINE),
            Block::Para(t) => {
                for part in t.split('\n') {
                    page.lines(lines(part.width() + 4, BODY_COLUMNS), BODY_LINE);
                }
            }
            Block::Bullets(items) => {
                for i in items {
                    page.lines(lines(i.width() + 6, BODY_COLUMNS), BODY_LINE);
                }
            }
            Block::Table { head, rows } => {
                let cols = col_twips(head, rows, 9406, 130);
                let height = |cells: &[String]| -> usize {
                    cells
                        .iter()
                        .zip(&cols)
                        .map(|(c, w)| {
                            let columns = w.saturating_sub(CELL_MARGINS) / TABLE_COLUMN;
                            c.split('\n')
                                .map(|p| lines(p.width(), columns))
                                .sum::<usize>()
                        })
                        .max()
                        .unwrap_or(1)
                        * TABLE_LINE
                };
                let header = height(head);
                page.keep(header);
                for r in rows {
                    let h = height(r);
                    if page.used + h > TEXT_HEIGHT {
                        page.new_page();
                        page.used = header;
                    }
                    page.used += h;
                }
                // The empty paragraph after every table.
                page.lines(1, BODY_LINE);
            }
            // Drawn only in HTML; `text_only` made it a list.
            Block::Figure { .. } => {}
        }
    }
    page.pages
}

struct Layout {
    pages: usize,
    used: usize,
}

impl Default for Layout {
    fn default() -> Layout {
        Layout { pages: 1, used: 0 }
    }
}

impl Layout {
    fn new_page(&mut self) {
        self.pages += 1;
        self.used = 0;
    }

    /// Something that does not break across pages.
    fn keep(&mut self, h: usize) {
        if self.used + h > TEXT_HEIGHT && self.used > 0 {
            self.new_page();
        }
        self.used += h;
    }

    /// `n` lines of height `h`, breaking between any two.
    fn lines(&mut self, n: usize, h: usize) {
        for _ in 0..n {
            self.keep(h);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_page_holds_twenty_four_body_lines() {
        let line = "字".repeat(27);
        let blocks: Vec<Block> = (0..24).map(|_| Block::Para(line.clone())).collect();
        assert_eq!(official_pages(&blocks), 1);
        let blocks: Vec<Block> = (0..25).map(|_| Block::Para(line.clone())).collect();
        assert_eq!(official_pages(&blocks), 2);
        // A paragraph twice as long as a line takes two.
        let long = vec![Block::Para("字".repeat(40)); 13];
        assert_eq!(official_pages(&long), 2);
    }

    #[test]
    fn a_long_table_repeats_its_header_and_goes_on() {
        let head = vec!["序号".to_string(), "内容".to_string()];
        let rows: Vec<Vec<String>> = (0..100).map(|i| vec![i.to_string(), "短".into()]).collect();
        let pages = official_pages(&[Block::Table { head, rows }]);
        // 46 rows of 300 twips fill a page of 13,958 with the header.
        assert_eq!(pages, 3);
    }
}
