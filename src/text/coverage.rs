//! How much of a glyph's box lies inside a quadrilateral.

use super::glyph::{Point, bounds_of, cross, sub};

/// A markup quadrilateral as a convex polygon, corners counter-clockwise.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Area {
    corners: Vec<Point>,
    bounds: [f32; 4],
    /// Whether it is an upright rectangle (the usual case, computed fast).
    upright: bool,
}

impl Area {
    /// The convex hull of a quadrilateral's corners, in whatever order the
    /// file gives them (the spec says counter-clockwise; Acrobat writes
    /// top-left, top-right, bottom-left, bottom-right). `None` for a quad
    /// without area.
    pub(crate) fn from_corners(points: [Point; 4]) -> Option<Self> {
        if points.iter().flatten().any(|v| !v.is_finite()) {
            return None;
        }
        let corners = hull(points);
        if polygon_area(&corners) <= 1e-6 {
            return None;
        }
        let bounds = bounds_of(&corners);
        let upright = corners.len() == 4
            && corners.iter().all(|[x, y]| {
                (*x == bounds[0] || *x == bounds[2]) && (*y == bounds[1] || *y == bounds[3])
            });
        Some(Self {
            corners,
            bounds,
            upright,
        })
    }

    /// The smallest upright rectangle around it: `[x0, y0, x1, y1]`.
    pub(crate) fn bounds(&self) -> [f32; 4] {
        self.bounds
    }

    /// The share (0–1) of a box inside this area. The box is a
    /// parallelogram given counter-clockwise; a box without area counts as
    /// its centre.
    pub(crate) fn covers(&self, corners: &[Point; 4]) -> f32 {
        let bounds = bounds_of(corners);
        if bounds[2] < self.bounds[0]
            || bounds[0] > self.bounds[2]
            || bounds[3] < self.bounds[1]
            || bounds[1] > self.bounds[3]
        {
            return 0.0;
        }
        let area = polygon_area(corners);
        if area <= 1e-6 {
            let centre = [(bounds[0] + bounds[2]) / 2.0, (bounds[1] + bounds[3]) / 2.0];
            return if self.contains(centre) { 1.0 } else { 0.0 };
        }
        let box_upright = corners.iter().all(|[x, y]| {
            (*x == bounds[0] || *x == bounds[2]) && (*y == bounds[1] || *y == bounds[3])
        });
        let inside = if self.upright && box_upright {
            let w = bounds[2].min(self.bounds[2]) - bounds[0].max(self.bounds[0]);
            let h = bounds[3].min(self.bounds[3]) - bounds[1].max(self.bounds[1]);
            w.max(0.0) * h.max(0.0)
        } else {
            polygon_area(&clip(corners, &self.corners))
        };
        (inside / area).clamp(0.0, 1.0)
    }

    /// Whether a point lies inside (or on the edge).
    pub(crate) fn contains(&self, point: Point) -> bool {
        let n = self.corners.len();
        (0..n).all(|i| {
            let (Some(a), Some(b)) = (self.corners.get(i), self.corners.get((i + 1) % n)) else {
                return false;
            };
            cross(sub(*b, *a), sub(point, *a)) >= -1e-4
        })
    }
}

/// The convex hull of four points, counter-clockwise (Andrew's monotone
/// chain).
fn hull(points: [Point; 4]) -> Vec<Point> {
    let mut sorted = points.to_vec();
    sorted.sort_by(|a, b| a[0].total_cmp(&b[0]).then(a[1].total_cmp(&b[1])));
    sorted.dedup();
    if sorted.len() < 3 {
        return sorted;
    }
    let mut lower = half_hull(sorted.iter());
    let mut upper = half_hull(sorted.iter().rev());
    lower.pop();
    upper.pop();
    lower.extend(upper);
    lower
}

/// One half of a convex hull (monotone chain): the points, taken in order,
/// that make only left turns.
fn half_hull<'a>(points: impl Iterator<Item = &'a Point>) -> Vec<Point> {
    let mut hull: Vec<Point> = Vec::new();
    for &p in points {
        while let [.., a, b] = hull.as_slice() {
            if cross(sub(*b, *a), sub(p, *a)) <= 0.0 {
                hull.pop();
            } else {
                break;
            }
        }
        hull.push(p);
    }
    hull
}

/// The area of a simple polygon (shoelace), whatever its orientation.
fn polygon_area(points: &[Point]) -> f32 {
    signed_area(points).abs()
}

/// The part of `subject` inside the convex, counter-clockwise `clipper`
/// (Sutherland–Hodgman).
fn clip(subject: &[Point], clipper: &[Point]) -> Vec<Point> {
    let mut output: Vec<Point> = subject.to_vec();
    // A subject given clockwise clips the same once reversed.
    if signed_area(&output) < 0.0 {
        output.reverse();
    }
    let n = clipper.len();
    for i in 0..n {
        let (Some(&a), Some(&b)) = (clipper.get(i), clipper.get((i + 1) % n)) else {
            break;
        };
        let input = std::mem::take(&mut output);
        let inside = |p: Point| cross(sub(b, a), sub(p, a)) >= 0.0;
        for j in 0..input.len() {
            let (Some(&current), Some(&previous)) =
                (input.get(j), input.get((j + input.len() - 1) % input.len()))
            else {
                break;
            };
            match (inside(current), inside(previous)) {
                (true, true) => output.push(current),
                (true, false) => {
                    output.push(intersection(previous, current, a, b));
                    output.push(current);
                }
                (false, true) => output.push(intersection(previous, current, a, b)),
                (false, false) => {}
            }
        }
        if output.is_empty() {
            break;
        }
    }
    output
}

fn signed_area(points: &[Point]) -> f32 {
    let n = points.len();
    (0..n)
        .filter_map(|i| Some(cross(*points.get(i)?, *points.get((i + 1) % n)?)))
        .sum::<f32>()
        / 2.0
}

/// Where segment p–q crosses the line through a and b.
fn intersection(p: Point, q: Point, a: Point, b: Point) -> Point {
    let edge = sub(b, a);
    let d = sub(q, p);
    let denominator = cross(edge, d);
    if denominator.abs() < f32::EPSILON {
        return p;
    }
    let t = cross(edge, sub(a, p)) / denominator;
    [p[0] + t * d[0], p[1] + t * d[1]]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn upright(x0: f32, y0: f32, x1: f32, y1: f32) -> [Point; 4] {
        [[x0, y0], [x1, y0], [x1, y1], [x0, y1]]
    }

    #[test]
    fn acrobat_corner_order_is_read() {
        // Top-left, top-right, bottom-left, bottom-right.
        let area =
            Area::from_corners([[10.0, 20.0], [30.0, 20.0], [10.0, 8.0], [30.0, 8.0]]).unwrap();
        assert_eq!(area.bounds(), [10.0, 8.0, 30.0, 20.0]);
        assert_eq!(area.covers(&upright(10.0, 8.0, 20.0, 20.0)), 1.0);
    }

    #[test]
    fn half_covered_box() {
        let area = Area::from_corners(upright(0.0, 0.0, 10.0, 10.0)).unwrap();
        assert!((area.covers(&upright(5.0, 0.0, 15.0, 10.0)) - 0.5).abs() < 1e-5);
        assert_eq!(area.covers(&upright(20.0, 0.0, 30.0, 10.0)), 0.0);
    }

    #[test]
    fn tilted_quad_uses_polygon_clipping() {
        // A square turned 45 degrees around (5, 5), covering the centre of
        // an upright 10 × 10 box: half its area.
        let area = Area::from_corners([[5.0, -0.0], [10.0, 5.0], [5.0, 10.0], [0.0, 5.0]]).unwrap();
        let share = area.covers(&upright(0.0, 0.0, 10.0, 10.0));
        assert!((share - 0.5).abs() < 1e-4, "{share}");
        // And a small box near the centre fully.
        assert!((area.covers(&upright(4.0, 4.0, 6.0, 6.0)) - 1.0).abs() < 1e-5);
    }

    #[test]
    fn degenerate_quad_is_none() {
        assert!(Area::from_corners([[1.0, 1.0]; 4]).is_none());
        assert!(Area::from_corners([[0.0, 0.0], [1.0, 0.0], [2.0, 0.0], [3.0, 0.0]]).is_none());
        assert!(
            Area::from_corners([[f32::NAN, 0.0], [1.0, 0.0], [1.0, 1.0], [0.0, 1.0]]).is_none()
        );
    }

    #[test]
    fn box_without_width_counts_its_centre() {
        let area = Area::from_corners(upright(0.0, 0.0, 10.0, 10.0)).unwrap();
        assert_eq!(area.covers(&upright(5.0, 2.0, 5.0, 8.0)), 1.0);
        assert_eq!(area.covers(&upright(12.0, 2.0, 12.0, 8.0)), 0.0);
    }
}
