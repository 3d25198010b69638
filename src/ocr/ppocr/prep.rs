//! Page and line images into the models' input tensors (resized with
//! OpenCV's bilinear geometry, channels in BGR order as the models were fed
//! in training), and a text box cut out of the page upright.

use image::RgbImage;

use super::geometry::{dist, Pt};

/// The detector's normalisation (ImageNet mean and std, applied to B, G, R).
pub const DET_MEAN: [f32; 3] = [0.485, 0.456, 0.406];
pub const DET_STD: [f32; 3] = [0.229, 0.224, 0.225];
/// The detector sees the page with its long side at most this long.
pub const DET_LIMIT: u32 = 960;
/// The line models' input height.
pub const LINE_H: usize = 48;

/// The detector's input size for a `w` × `h` page: scaled so the long side
/// is at most 960, each side rounded to a multiple of 32 (at least 32).
pub fn det_size(w: u32, h: u32) -> (usize, usize) {
    let long = w.max(h) as f32;
    let r = if long > DET_LIMIT as f32 {
        DET_LIMIT as f32 / long
    } else {
        1.0
    };
    let side = |v: u32| (((v as f32 * r / 32.0).round() as usize) * 32).max(32);
    (side(w), side(h))
}

/// The page as the detector's input: `[3, h, w]` (w, h from [`det_size`]).
pub fn det_input(img: &RgbImage) -> (Vec<f32>, usize, usize) {
    let (w, h) = det_size(img.width(), img.height());
    let mut out = vec![0.0; 3 * w * h];
    let scale = DET_STD.map(|s| 1.0 / s);
    resize_norm(img, w, h, &mut out, w, DET_MEAN, scale);
    (out, w, h)
}

/// A line image into `out` (`[3, 48, stride]`, already zero-filled): height
/// 48, width `w` (≤ stride), values (x/255 − 0.5)/0.5, the rest left as the
/// zero padding.
pub fn line_input(img: &RgbImage, w: usize, stride: usize, out: &mut [f32]) {
    resize_norm(img, w.min(stride), LINE_H, out, stride, [0.5; 3], [2.0; 3]);
}

/// The width a line image takes at height 48 (`ceil(48 · w / h)`).
pub fn line_width(img: &RgbImage) -> usize {
    let (w, h) = (img.width().max(1) as f32, img.height().max(1) as f32);
    (LINE_H as f32 * w / h).ceil() as usize
}

/// Bilinear resize to `ow` × `oh` (pixel centres at +0.5, as cv2's
/// INTER_LINEAR) written as normalised BGR planes of row stride `stride`.
fn resize_norm(
    img: &RgbImage,
    ow: usize,
    oh: usize,
    out: &mut [f32],
    stride: usize,
    mean: [f32; 3],
    scale: [f32; 3],
) {
    let (iw, ih) = (img.width() as usize, img.height() as usize);
    if iw == 0 || ih == 0 || ow == 0 || oh == 0 || out.len() < 3 * oh * stride {
        return;
    }
    let taps = |o: usize, i: usize| -> Vec<(usize, usize, f32)> {
        let s = i as f32 / o as f32;
        (0..o)
            .map(|d| {
                let f = ((d as f32 + 0.5) * s - 0.5).max(0.0);
                let a = (f.floor() as usize).min(i - 1);
                let b = (a + 1).min(i - 1);
                (a, b, f - a as f32)
            })
            .collect()
    };
    let (xs, ys) = (taps(ow, iw), taps(oh, ih));
    let raw = img.as_raw();
    let plane = oh * stride;
    for (oy, &(ya, yb, fy)) in ys.iter().enumerate() {
        let (ra, rb) = (ya * iw * 3, yb * iw * 3);
        for (ox, &(xa, xb, fx)) in xs.iter().enumerate() {
            for (c, src) in [2usize, 1, 0].into_iter().enumerate() {
                let p = |r: usize, x: usize| raw[r + x * 3 + src] as f32;
                let top = p(ra, xa) + (p(ra, xb) - p(ra, xa)) * fx;
                let bot = p(rb, xa) + (p(rb, xb) - p(rb, xa)) * fx;
                let v = (top + (bot - top) * fy) / 255.0;
                out[c * plane + oy * stride + ox] = (v - mean[c]) * scale[c];
            }
        }
    }
}

/// The text box `quad` (top-left clockwise) cut out of the page and warped
/// upright (a perspective warp, edges replicated); a crop at least 1.5 times
/// as tall as wide is turned 90° counter-clockwise (vertical text).
pub fn crop(img: &RgbImage, quad: &[Pt; 4]) -> RgbImage {
    let w = dist(quad[0], quad[1]).max(dist(quad[3], quad[2])).max(1.0) as u32;
    let h = dist(quad[0], quad[3]).max(dist(quad[1], quad[2])).max(1.0) as u32;
    let dst = [
        (0.0, 0.0),
        (w as f32, 0.0),
        (w as f32, h as f32),
        (0.0, h as f32),
    ];
    let Some(hm) = homography(&dst, quad) else {
        return RgbImage::new(w, h);
    };
    let mut out = RgbImage::new(w, h);
    let (iw, ih) = (img.width() as f32, img.height() as f32);
    for (x, y, px) in out.enumerate_pixels_mut() {
        let (fx, fy) = (x as f64, y as f64);
        let d = hm[6] * fx + hm[7] * fy + 1.0;
        let sx = ((hm[0] * fx + hm[1] * fy + hm[2]) / d) as f32;
        let sy = ((hm[3] * fx + hm[4] * fy + hm[5]) / d) as f32;
        *px = sample(img, sx.clamp(0.0, iw - 1.0), sy.clamp(0.0, ih - 1.0));
    }
    if h as f32 / w as f32 >= 1.5 {
        image::imageops::rotate270(&out)
    } else {
        out
    }
}

fn sample(img: &RgbImage, x: f32, y: f32) -> image::Rgb<u8> {
    let (x0, y0) = (x.floor() as u32, y.floor() as u32);
    let x1 = (x0 + 1).min(img.width() - 1);
    let y1 = (y0 + 1).min(img.height() - 1);
    let (fx, fy) = (x - x0 as f32, y - y0 as f32);
    let (a, b, c, d) = (
        img.get_pixel(x0, y0),
        img.get_pixel(x1, y0),
        img.get_pixel(x0, y1),
        img.get_pixel(x1, y1),
    );
    image::Rgb(std::array::from_fn(|k| {
        let top = a[k] as f32 + (b[k] as f32 - a[k] as f32) * fx;
        let bot = c[k] as f32 + (d[k] as f32 - c[k] as f32) * fx;
        (top + (bot - top) * fy).round().clamp(0.0, 255.0) as u8
    }))
}

/// The homography taking the four points `from` to `to` (h33 = 1), by
/// Gaussian elimination; `None` for degenerate points.
fn homography(from: &[Pt; 4], to: &[Pt; 4]) -> Option<[f64; 8]> {
    let mut a = [[0f64; 9]; 8];
    for i in 0..4 {
        let (x, y) = (from[i].0 as f64, from[i].1 as f64);
        let (u, v) = (to[i].0 as f64, to[i].1 as f64);
        a[2 * i] = [x, y, 1.0, 0.0, 0.0, 0.0, -u * x, -u * y, u];
        a[2 * i + 1] = [0.0, 0.0, 0.0, x, y, 1.0, -v * x, -v * y, v];
    }
    for col in 0..8 {
        let piv = (col..8).max_by(|&i, &j| a[i][col].abs().total_cmp(&a[j][col].abs()))?;
        if a[piv][col].abs() < 1e-12 {
            return None;
        }
        a.swap(col, piv);
        let pivot_row = a[col];
        for (r, row) in a.iter_mut().enumerate() {
            if r != col {
                let f = row[col] / pivot_row[col];
                for (x, p) in row.iter_mut().zip(pivot_row.iter()).skip(col) {
                    *x -= f * p;
                }
            }
        }
    }
    Some(std::array::from_fn(|i| a[i][8] / a[i][i]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn det_size_caps_the_long_side_at_960_and_rounds_to_32() {
        assert_eq!(det_size(1654, 2339), (672, 960));
        assert_eq!(det_size(100, 50), (96, 64));
        assert_eq!(det_size(10, 10), (32, 32));
    }

    #[test]
    fn crop_of_an_axis_aligned_box_is_that_part_of_the_page() {
        let mut img = RgbImage::from_pixel(40, 30, image::Rgb([255, 255, 255]));
        for x in 10..20 {
            for y in 5..10 {
                img.put_pixel(x, y, image::Rgb([0, 0, 0]));
            }
        }
        let c = crop(
            &img,
            &[(10.0, 5.0), (20.0, 5.0), (20.0, 10.0), (10.0, 10.0)],
        );
        assert_eq!(c.dimensions(), (10, 5));
        assert_eq!(c.get_pixel(0, 0).0, [0, 0, 0]);
        assert_eq!(c.get_pixel(8, 3).0, [0, 0, 0]);
        // A tall box is turned to lie flat.
        let t = crop(&img, &[(0.0, 0.0), (4.0, 0.0), (4.0, 20.0), (0.0, 20.0)]);
        assert_eq!(t.dimensions(), (20, 4));
    }

    #[test]
    fn line_input_is_bgr_in_minus_one_to_one_with_zero_padding() {
        let img = RgbImage::from_pixel(96, 48, image::Rgb([255, 0, 0]));
        let mut out = vec![0.0; 3 * 48 * 100];
        line_input(&img, 96, 100, &mut out);
        let plane = 48 * 100;
        assert_eq!(out[0], -1.0); // B
        assert_eq!(out[2 * plane], 1.0); // R
        assert_eq!(out[99], 0.0); // padding
    }
}
