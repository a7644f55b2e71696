//! Annotation colours, `/C` (ISO 32000-2 §12.5.2, Table 166).

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// An annotation colour as 8-bit RGB. Serialises to `"#rrggbb"`.
///
/// `/C` holds 1 (gray), 3 (RGB) or 4 (CMYK) components in 0–1; gray and CMYK
/// are converted (CMYK naively: `r = (1 − c)(1 − k)`), components outside 0–1
/// are clamped.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Color {
    /// Red.
    pub r: u8,
    /// Green.
    pub g: u8,
    /// Blue.
    pub b: u8,
}

/// What `/C` said, when it did not give a colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum NoColor {
    /// An empty array: transparent, no colour.
    Transparent,
    /// A component count other than 0, 1, 3 or 4.
    BadLength(usize),
}

impl Color {
    /// The colour of `/C`'s components.
    pub(crate) fn from_components(components: &[f64]) -> Result<Self, NoColor> {
        match *components {
            [] => Err(NoColor::Transparent),
            [gray] => Ok(Self::from_unit(gray, gray, gray)),
            [r, g, b] => Ok(Self::from_unit(r, g, b)),
            [c, m, y, k] => {
                let (c, m, y, k) = (unit(c), unit(m), unit(y), unit(k));
                Ok(Self::from_unit(
                    (1.0 - c) * (1.0 - k),
                    (1.0 - m) * (1.0 - k),
                    (1.0 - y) * (1.0 - k),
                ))
            }
            _ => Err(NoColor::BadLength(components.len())),
        }
    }

    fn from_unit(r: f64, g: f64, b: f64) -> Self {
        Self {
            r: byte(r),
            g: byte(g),
            b: byte(b),
        }
    }
}

fn unit(v: f64) -> f64 {
    if v.is_nan() { 0.0 } else { v.clamp(0.0, 1.0) }
}

#[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
fn byte(v: f64) -> u8 {
    // In range 0..=255 after clamping and rounding.
    (unit(v) * 255.0).round() as u8
}

impl fmt::Display for Color {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "#{:02x}{:02x}{:02x}", self.r, self.g, self.b)
    }
}

impl Serialize for Color {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Color {
    /// Reads `"#rrggbb"`.
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
        let hex = text
            .strip_prefix('#')
            .filter(|hex| hex.len() == 6 && hex.is_ascii())
            .ok_or_else(|| serde::de::Error::custom(format!("{text:?} is not \"#rrggbb\"")))?;
        let channel = |at: usize| {
            hex.get(at..at + 2)
                .and_then(|pair| u8::from_str_radix(pair, 16).ok())
                .ok_or_else(|| serde::de::Error::custom(format!("{text:?} is not \"#rrggbb\"")))
        };
        Ok(Self {
            r: channel(0)?,
            g: channel(2)?,
            b: channel(4)?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hex_reads_back() {
        let color: Color = serde_json::from_str("\"#ffd700\"").unwrap();
        assert_eq!((color.r, color.g, color.b), (255, 215, 0));
        assert_eq!(serde_json::to_string(&color).unwrap(), "\"#ffd700\"");
        for wrong in ["\"ffd700\"", "\"#ffd70\"", "\"#gg0000\"", "\"#ffd7000\""] {
            assert!(serde_json::from_str::<Color>(wrong).is_err(), "{wrong}");
        }
    }

    fn hex(components: &[f64]) -> String {
        Color::from_components(components).unwrap().to_string()
    }

    #[test]
    fn rgb() {
        assert_eq!(hex(&[1.0, 0.819611, 0.0]), "#ffd100");
    }

    #[test]
    fn gray() {
        assert_eq!(hex(&[0.5]), "#808080");
    }

    #[test]
    fn cmyk() {
        assert_eq!(hex(&[0.0, 1.0, 1.0, 0.0]), "#ff0000");
        assert_eq!(hex(&[0.0, 0.0, 0.0, 1.0]), "#000000");
    }

    #[test]
    fn out_of_range_clamped() {
        assert_eq!(hex(&[2.0, -1.0, 0.0]), "#ff0000");
    }

    #[test]
    fn empty_is_transparent() {
        assert_eq!(Color::from_components(&[]), Err(NoColor::Transparent));
    }

    #[test]
    fn two_components_rejected() {
        assert_eq!(
            Color::from_components(&[0.1, 0.2]),
            Err(NoColor::BadLength(2))
        );
    }
}
