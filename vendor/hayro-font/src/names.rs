//! Glyph names, the base encodings and the metrics of the 14 standard fonts,
//! for readers that need a character's Unicode value and advance width
//! without loading the font program.
//!
//! Added to hayro-font 0.5.0 for kantlijn (see PATCHES.md): these are the
//! tables and rules the crate itself applies, made public unchanged.

use hayro_cmap::BfString;
use hayro_syntax::object::Dict;

use crate::StandardFont;
use crate::generated::standard;

/// A base encoding of a simple font (`/Encoding` or `/BaseEncoding`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BaseEncoding {
    /// `/StandardEncoding`.
    Standard,
    /// `/MacRomanEncoding`.
    MacRoman,
    /// `/WinAnsiEncoding`.
    WinAnsi,
    /// `/MacExpertEncoding`.
    MacExpert,
}

impl BaseEncoding {
    /// The encoding a name stands for.
    pub fn from_name(name: &[u8]) -> Option<Self> {
        match name {
            b"StandardEncoding" => Some(Self::Standard),
            b"MacRomanEncoding" => Some(Self::MacRoman),
            b"WinAnsiEncoding" => Some(Self::WinAnsi),
            b"MacExpertEncoding" => Some(Self::MacExpert),
            _ => None,
        }
    }

    /// The glyph name of a code, as the crate's fonts read it (code 0 is
    /// `.notdef`).
    pub fn glyph_name(self, code: u8) -> Option<&'static str> {
        let encoding = match self {
            Self::Standard => crate::Encoding::Standard,
            Self::MacRoman => crate::Encoding::MacRoman,
            Self::WinAnsi => crate::Encoding::WinAnsi,
            Self::MacExpert => crate::Encoding::MacExpert,
        };
        encoding.map_code(code)
    }
}

/// The glyph name of a code in the standard encoding, without the special
/// case for code 0.
pub fn standard_encoding(code: u8) -> Option<&'static str> {
    standard::get(code)
}

/// The Unicode value of a glyph name: the Adobe Glyph List, its `uniXXXX`
/// and `uXXXX[XX]` forms, ligature components joined by `_`, and the names
/// of the TeX fonts; `ZapfDingbats`' own names when `is_zapf_dingbats`.
pub fn glyph_name_to_unicode(name: &str, is_zapf_dingbats: bool) -> Option<BfString> {
    crate::glyph_name_to_unicode(name, is_zapf_dingbats)
}

/// The standard font a font dictionary names or resembles, and whether it
/// names it exactly (its `/BaseFont` without a subset prefix).
pub fn standard_font(dict: &Dict<'_>, descriptor: &Dict<'_>) -> Option<(StandardFont, bool)> {
    crate::standard_font::select_standard_font(dict, descriptor)
}

impl StandardFont {
    /// The glyph name of a code in the font's built-in encoding.
    pub fn builtin_glyph_name(&self, code: u8) -> Option<&'static str> {
        self.code_to_name(code)
    }

    /// The advance width of a glyph in the font's metrics, in units of
    /// 1/1000 em.
    pub fn glyph_width(&self, name: &str) -> Option<f32> {
        self.get_width(name)
    }
}
