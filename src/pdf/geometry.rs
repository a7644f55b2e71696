//! Rectangles and quadrilaterals in default user space.

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A rectangle `[x0, y0, x1, y1]` in default user space, normalised so that
/// `x0 ≤ x1` and `y0 ≤ y1` (ISO 32000-2 §7.9.5).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rect {
    /// Left.
    pub x0: f64,
    /// Bottom.
    pub y0: f64,
    /// Right.
    pub x1: f64,
    /// Top.
    pub y1: f64,
}

impl Rect {
    /// A rectangle from two opposite corners in any order.
    pub fn from_corners(a: (f64, f64), b: (f64, f64)) -> Self {
        Self {
            x0: a.0.min(b.0),
            y0: a.1.min(b.1),
            x1: a.0.max(b.0),
            y1: a.1.max(b.1),
        }
    }

    /// Width.
    pub fn width(&self) -> f64 {
        self.x1 - self.x0
    }

    /// Height.
    pub fn height(&self) -> f64 {
        self.y1 - self.y0
    }

    /// The four numbers in file order.
    pub fn to_array(&self) -> [f64; 4] {
        [self.x0, self.y0, self.x1, self.y1]
    }
}

impl Serialize for Rect {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serialize_numbers(&self.to_array(), serializer)
    }
}

impl<'de> Deserialize<'de> for Rect {
    /// Reads the four numbers as written (a written rectangle is already
    /// normalised).
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let [x0, y0, x1, y1] = <[f64; 4]>::deserialize(deserializer)?;
        Ok(Self { x0, y0, x1, y1 })
    }
}

/// One quadrilateral of `/QuadPoints`: eight numbers, four corners, in the
/// file's order (ISO 32000-2 §12.5.6.10; Acrobat writes top-left, top-right,
/// bottom-left, bottom-right).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Quad(pub [f64; 8]);

impl Quad {
    /// The smallest rectangle that holds the four corners.
    pub fn bounds(&self) -> Rect {
        let [x1, y1, x2, y2, x3, y3, x4, y4] = self.0;
        Rect {
            x0: x1.min(x2).min(x3).min(x4),
            y0: y1.min(y2).min(y3).min(y4),
            x1: x1.max(x2).max(x3).max(x4),
            y1: y1.max(y2).max(y3).max(y4),
        }
    }
}

impl Serialize for Quad {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serialize_numbers(&self.0, serializer)
    }
}

impl<'de> Deserialize<'de> for Quad {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        <[f64; 8]>::deserialize(deserializer).map(Self)
    }
}

/// Writes PDF numbers as JSON numbers, whole values without a fraction
/// (`612`, not `612.0`), so the output reads like the file.
pub(crate) fn serialize_numbers<S: Serializer>(
    values: &[f64],
    serializer: S,
) -> Result<S::Ok, S::Error> {
    use serde::ser::SerializeSeq;
    let mut seq = serializer.serialize_seq(Some(values.len()))?;
    for value in values {
        seq.serialize_element(&PdfNumber(*value))?;
    }
    seq.end()
}

/// A number serialised as an integer when it has no fraction.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct PdfNumber(pub(crate) f64);

impl Serialize for PdfNumber {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        const EXACT: f64 = 9_007_199_254_740_992.0; // 2^53
        let value = self.0;
        if value.fract() == 0.0 && value.abs() < EXACT {
            #[allow(clippy::cast_possible_truncation)]
            serializer.serialize_i64(value as i64)
        } else if value.is_finite() {
            serializer.serialize_f64(value)
        } else {
            serializer.serialize_none()
        }
    }
}

/// Serialises an optional number through [`PdfNumber`].
pub(crate) fn serialize_opt_number<S: Serializer>(
    value: &Option<f64>,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    match value {
        Some(v) => PdfNumber(*v).serialize(serializer),
        None => serializer.serialize_none(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rect_normalised() {
        let r = Rect::from_corners((100.0, 700.0), (50.0, 650.5));
        assert_eq!(r.to_array(), [50.0, 650.5, 100.0, 700.0]);
    }

    #[test]
    fn whole_numbers_print_without_fraction() {
        let r = Rect::from_corners((0.0, 0.0), (612.0, 792.25));
        assert_eq!(serde_json::to_string(&r).unwrap(), "[0,0,612,792.25]");
    }

    #[test]
    fn quad_bounds() {
        let q = Quad([10.0, 20.0, 30.0, 20.0, 10.0, 8.0, 30.0, 8.0]);
        assert_eq!(q.bounds().to_array(), [10.0, 8.0, 30.0, 20.0]);
    }
}
