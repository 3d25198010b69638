//! The small plane geometry the text detector needs: convex hull, the
//! minimum-area rotated rectangle (rotating calipers), corner order, point
//! in a convex polygon.

pub type Pt = (f32, f32);

/// The convex hull, counter-clockwise in y-down pixels (Andrew's monotone chain).
pub fn convex_hull(mut pts: Vec<Pt>) -> Vec<Pt> {
    pts.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.total_cmp(&b.1)));
    pts.dedup();
    if pts.len() < 3 {
        return pts;
    }
    let cross = |o: Pt, a: Pt, b: Pt| (a.0 - o.0) * (b.1 - o.1) - (a.1 - o.1) * (b.0 - o.0);
    let mut lower: Vec<Pt> = Vec::new();
    for &p in &pts {
        while lower.len() >= 2 && cross(lower[lower.len() - 2], lower[lower.len() - 1], p) <= 0.0 {
            lower.pop();
        }
        lower.push(p);
    }
    let mut upper: Vec<Pt> = Vec::new();
    for &p in pts.iter().rev() {
        while upper.len() >= 2 && cross(upper[upper.len() - 2], upper[upper.len() - 1], p) <= 0.0 {
            upper.pop();
        }
        upper.push(p);
    }
    lower.pop();
    upper.pop();
    lower.extend(upper);
    lower
}

/// A rotated rectangle: centre, unit direction of its first side, and the
/// lengths of the side along it (`w`) and across it (`h`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RotRect {
    pub centre: Pt,
    pub dir: Pt,
    pub w: f32,
    pub h: f32,
}

impl RotRect {
    pub fn short_side(&self) -> f32 {
        self.w.min(self.h)
    }

    /// The rectangle grown by `d` on every side.
    pub fn grown(&self, d: f32) -> RotRect {
        RotRect {
            w: self.w + 2.0 * d,
            h: self.h + 2.0 * d,
            ..*self
        }
    }

    pub fn corners(&self) -> [Pt; 4] {
        let (c, u) = (self.centre, self.dir);
        let v = (-u.1, u.0);
        let (hw, hh) = (self.w / 2.0, self.h / 2.0);
        let at = |a: f32, b: f32| (c.0 + u.0 * a + v.0 * b, c.1 + u.1 * a + v.1 * b);
        [at(-hw, -hh), at(hw, -hh), at(hw, hh), at(-hw, hh)]
    }
}

/// The rotated rectangle of least area around the points (as OpenCV's
/// `minAreaRect`, which the detector's post-processing uses).
pub fn min_area_rect(pts: &[Pt]) -> Option<RotRect> {
    let hull = convex_hull(pts.to_vec());
    match hull.len() {
        0 => return None,
        1 => {
            return Some(RotRect {
                centre: hull[0],
                dir: (1.0, 0.0),
                w: 0.0,
                h: 0.0,
            })
        }
        _ => {}
    }
    let mut best: Option<(f32, RotRect)> = None;
    for i in 0..hull.len() {
        let (a, b) = (hull[i], hull[(i + 1) % hull.len()]);
        let len = ((b.0 - a.0).powi(2) + (b.1 - a.1).powi(2)).sqrt();
        if len <= f32::EPSILON {
            continue;
        }
        let u = ((b.0 - a.0) / len, (b.1 - a.1) / len);
        let v = (-u.1, u.0);
        let (mut u0, mut u1, mut v0, mut v1) = (f32::MAX, f32::MIN, f32::MAX, f32::MIN);
        for p in &hull {
            let pu = p.0 * u.0 + p.1 * u.1;
            let pv = p.0 * v.0 + p.1 * v.1;
            u0 = u0.min(pu);
            u1 = u1.max(pu);
            v0 = v0.min(pv);
            v1 = v1.max(pv);
        }
        let area = (u1 - u0) * (v1 - v0);
        if best.as_ref().is_none_or(|(a, _)| area < *a) {
            let (cu, cv) = ((u0 + u1) / 2.0, (v0 + v1) / 2.0);
            let centre = (u.0 * cu + v.0 * cv, u.1 * cu + v.1 * cv);
            best = Some((
                area,
                RotRect {
                    centre,
                    dir: u,
                    w: u1 - u0,
                    h: v1 - v0,
                },
            ));
        }
    }
    best.map(|(_, r)| r)
}

/// Four corners as top-left, top-right, bottom-right, bottom-left
/// (PaddleOCR's `order_points_clockwise`: the two left-most by y, the two
/// right-most by y).
pub fn order_clockwise(mut p: [Pt; 4]) -> [Pt; 4] {
    p.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.total_cmp(&b.1)));
    let (l0, l1) = if p[0].1 <= p[1].1 {
        (p[0], p[1])
    } else {
        (p[1], p[0])
    };
    let (r0, r1) = if p[2].1 <= p[3].1 {
        (p[2], p[3])
    } else {
        (p[3], p[2])
    };
    [l0, r0, r1, l1]
}

/// Whether `p` is inside (or on) the convex polygon `poly` (either winding).
pub fn in_convex(poly: &[Pt], p: Pt) -> bool {
    let mut sign = 0.0f32;
    for i in 0..poly.len() {
        let (a, b) = (poly[i], poly[(i + 1) % poly.len()]);
        let c = (b.0 - a.0) * (p.1 - a.1) - (b.1 - a.1) * (p.0 - a.0);
        if c.abs() < 1e-3 {
            continue;
        }
        if sign == 0.0 {
            sign = c.signum();
        } else if c.signum() != sign {
            return false;
        }
    }
    true
}

pub fn dist(a: Pt, b: Pt) -> f32 {
    ((a.0 - b.0).powi(2) + (a.1 - b.1).powi(2)).sqrt()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn min_area_rect_of_a_tilted_rectangle_finds_its_sides() {
        // A 20 × 6 rectangle turned by 30°.
        let (c, s) = (30f32.to_radians().cos(), 30f32.to_radians().sin());
        let mut pts = Vec::new();
        for i in 0..=20 {
            for j in 0..=6 {
                let (x, y) = (i as f32 - 10.0, j as f32 - 3.0);
                pts.push((50.0 + x * c - y * s, 40.0 + x * s + y * c));
            }
        }
        let r = min_area_rect(&pts).unwrap();
        let (long, short) = (r.w.max(r.h), r.w.min(r.h));
        assert!(
            (long - 20.0).abs() < 0.01 && (short - 6.0).abs() < 0.01,
            "{r:?}"
        );
        assert!((r.centre.0 - 50.0).abs() < 0.01 && (r.centre.1 - 40.0).abs() < 0.01);
    }

    #[test]
    fn corners_are_ordered_from_the_top_left_clockwise() {
        let q = order_clockwise([(10.0, 5.0), (0.0, 0.0), (0.0, 5.0), (10.0, 0.0)]);
        assert_eq!(q, [(0.0, 0.0), (10.0, 0.0), (10.0, 5.0), (0.0, 5.0)]);
        assert!(in_convex(&q, (5.0, 2.0)) && !in_convex(&q, (11.0, 2.0)));
        assert!(in_convex(&q, (0.0, 0.0)));
    }
}
