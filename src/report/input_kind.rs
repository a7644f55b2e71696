//! What an input was read as.

use serde::{Deserialize, Serialize};

/// The kind of an input, written in a report's `input_kind` as `"pdf"` or
/// `"text"`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum InputKind {
    /// A PDF: `%PDF-` in the first 64 KiB (junk before the header is
    /// common), or, without a header, indirect objects (`1 0 obj … endobj`),
    /// as in files whose first bytes were lost.
    Pdf,
    /// Plain text: UTF-8 or UTF-16 with a byte order mark, or single-byte
    /// text (Windows-1252) without NUL bytes or control characters.
    Text,
    /// Anything else (images, office files, archives).
    Other,
}

impl InputKind {
    /// Whether kantlijn reads inputs of this kind (a PDF or text), so that
    /// a report of one names it even when its reading failed.
    pub fn is_read(self) -> bool {
        matches!(self, Self::Pdf | Self::Text)
    }
}
