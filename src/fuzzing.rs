//! Entry points into crate-private parsers for the fuzz targets in `fuzz/`
//! (feature `fuzzing`). Not part of the API.

/// Decodes a PDF text string.
pub fn decode_text_string(bytes: &[u8]) -> String {
    crate::pdf::text_string::decode(bytes)
}

/// Parses a PDF date and prints it as RFC 3339, or `None`.
pub fn parse_date(text: &str) -> Option<String> {
    crate::pdf::date::parse(text).ok().map(|t| t.to_string())
}
