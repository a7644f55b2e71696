//! PDF text strings (ISO 32000-2 §7.9.2.2) decoded to Unicode.
//!
//! A text string is one of:
//! - UTF-16BE with the byte order mark `FE FF`,
//! - UTF-8 with the byte order mark `EF BB BF` (PDF 2.0),
//! - PDFDocEncoding (Annex D) otherwise.
//!
//! Beyond the spec this decoder accepts UTF-16LE with the mark `FF FE`, which
//! real files carry (some writers put the string in the platform's byte
//! order). The three code points that PDFDocEncoding leaves undefined
//! (`0x7F`, `0x9F`, `0xAD`) keep their Latin-1 meaning, as pdf.js and MuPDF do.
//!
//! Language escapes (`U+001B lang [country] U+001B`) are removed, line ends
//! are normalised to `\n` and trailing NUL characters are dropped. Escapes,
//! octal codes and line continuations of literal strings are resolved by the
//! object parser before the bytes reach this module.

/// Decodes a PDF text string.
pub(crate) fn decode(bytes: &[u8]) -> String {
    decode_reporting(bytes).0
}

/// Decodes a PDF text string and says whether anything had to be replaced by
/// U+FFFD (an unpaired surrogate, a truncated UTF-16 code unit or invalid UTF-8).
pub(crate) fn decode_reporting(bytes: &[u8]) -> (String, bool) {
    // Most strings are printable ASCII: PDFDocEncoding maps it to itself,
    // and there is no escape, carriage return or NUL to normalise.
    if bytes
        .iter()
        .all(|&b| matches!(b, b' '..=b'~' | b'\n' | b'\t'))
    {
        return (
            std::str::from_utf8(bytes).unwrap_or_default().to_owned(),
            false,
        );
    }
    let (raw, lossy) = if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        utf16(rest, u16::from_be_bytes)
    } else if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        utf16(rest, u16::from_le_bytes)
    } else if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        match std::str::from_utf8(rest) {
            Ok(s) => (s.to_owned(), false),
            Err(_) => (String::from_utf8_lossy(rest).into_owned(), true),
        }
    } else {
        (bytes.iter().map(|&b| pdf_doc_char(b)).collect(), false)
    };
    (normalise(&raw), lossy)
}

fn utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16) -> (String, bool) {
    let chunks = bytes.chunks_exact(2);
    let odd = !chunks.remainder().is_empty();
    let units = chunks.filter_map(|pair| <[u8; 2]>::try_from(pair).ok().map(unit));
    let mut lossy = odd;
    let text = char::decode_utf16(units)
        .map(|c| {
            c.unwrap_or_else(|_| {
                lossy = true;
                char::REPLACEMENT_CHARACTER
            })
        })
        .collect();
    (text, lossy)
}

/// Removes language escapes, normalises line ends and drops trailing NULs.
fn normalise(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    let mut chars = raw.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\u{1B}' => {
                // A language escape: ESC, a 2-letter language code, an optional
                // 2-letter country code, ESC. Skip up to the closing ESC; an
                // unclosed escape drops at most the four code letters.
                let mut skipped = 0;
                while let Some(&next) = chars.peek() {
                    chars.next();
                    if next == '\u{1B}' || skipped == 4 {
                        break;
                    }
                    skipped += 1;
                }
            }
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push('\n');
            }
            other => out.push(other),
        }
    }
    let trimmed = out.trim_end_matches('\0').len();
    out.truncate(trimmed);
    out
}

/// Maps one PDFDocEncoding byte to its character (ISO 32000-2, Annex D.3).
pub(crate) fn pdf_doc_char(byte: u8) -> char {
    let code: u32 = match byte {
        0x18 => 0x02D8,
        0x19 => 0x02C7,
        0x1A => 0x02C6,
        0x1B => 0x02D9,
        0x1C => 0x02DD,
        0x1D => 0x02DB,
        0x1E => 0x02DA,
        0x1F => 0x02DC,
        0x80 => 0x2022,
        0x81 => 0x2020,
        0x82 => 0x2021,
        0x83 => 0x2026,
        0x84 => 0x2014,
        0x85 => 0x2013,
        0x86 => 0x0192,
        0x87 => 0x2044,
        0x88 => 0x2039,
        0x89 => 0x203A,
        0x8A => 0x2212,
        0x8B => 0x2030,
        0x8C => 0x201E,
        0x8D => 0x201C,
        0x8E => 0x201D,
        0x8F => 0x2018,
        0x90 => 0x2019,
        0x91 => 0x201A,
        0x92 => 0x2122,
        0x93 => 0xFB01,
        0x94 => 0xFB02,
        0x95 => 0x0141,
        0x96 => 0x0152,
        0x97 => 0x0160,
        0x98 => 0x0178,
        0x99 => 0x017D,
        0x9A => 0x0131,
        0x9B => 0x0142,
        0x9C => 0x0153,
        0x9D => 0x0161,
        0x9E => 0x017E,
        0xA0 => 0x20AC,
        other => u32::from(other),
    };
    char::from_u32(code).unwrap_or(char::REPLACEMENT_CHARACTER)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Printable ASCII, taken as it is, reads as the full decoding reads
    /// it; every other byte takes the full decoding.
    #[test]
    fn ascii_reads_as_pdf_doc_encoding() {
        let full =
            |bytes: &[u8]| normalise(&bytes.iter().map(|&b| pdf_doc_char(b)).collect::<String>());
        for byte in 0..=u8::MAX {
            for bytes in [vec![byte], vec![b'a', byte, b'b'], vec![b'x', byte]] {
                assert_eq!(decode_reporting(&bytes), (full(&bytes), false), "{bytes:?}");
            }
        }
        let note = b"MWP akkoord 8/6\n\tOptie 2; zie ~ (p. 4)";
        assert_eq!(decode(note), "MWP akkoord 8/6\n\tOptie 2; zie ~ (p. 4)");
    }

    #[test]
    fn ascii_pdfdoc() {
        assert_eq!(decode(b"Aartsen, A.A."), "Aartsen, A.A.");
    }

    #[test]
    fn pdfdoc_latin1_range() {
        // "Jan de Vrïes" with ï = 0xEF, and é = 0xE9.
        assert_eq!(decode(b"Jan de Vr\xEFes, caf\xE9"), "Jan de Vrïes, café");
    }

    #[test]
    fn pdfdoc_high_table() {
        let bytes: Vec<u8> = (0x80..=0xA0).collect();
        let expected = "•†‡…—–ƒ⁄‹›−‰„“”‘’‚™ﬁﬂŁŒŠŸŽıłœšž\u{9F}€";
        assert_eq!(decode(&bytes), expected);
    }

    #[test]
    fn pdfdoc_undefined_keep_latin1() {
        assert_eq!(decode(&[0x7F, 0xAD]), "\u{7F}\u{AD}");
    }

    #[test]
    fn pdfdoc_accents_low_range() {
        assert_eq!(
            decode(&[0x18, 0x19, 0x1A, 0x1B, 0x1C, 0x1D, 0x1E, 0x1F]),
            "˘ˇˆ˙˝˛˚˜"
        );
    }

    #[test]
    fn utf16be_bom() {
        let bytes = [0xFE, 0xFF, 0x00, 0x41, 0x01, 0x41, 0x00, 0x7A];
        assert_eq!(decode(&bytes), "AŁz");
    }

    #[test]
    fn utf16le_bom() {
        let bytes = [0xFF, 0xFE, 0x41, 0x00, 0x41, 0x01, 0x7A, 0x00];
        assert_eq!(decode(&bytes), "AŁz");
    }

    #[test]
    fn utf16_surrogate_pair() {
        // U+1F600 = D83D DE00
        let bytes = [0xFE, 0xFF, 0xD8, 0x3D, 0xDE, 0x00];
        assert_eq!(decode(&bytes), "😀");
    }

    #[test]
    fn utf16_unpaired_surrogate_is_reported() {
        let (text, lossy) = decode_reporting(&[0xFE, 0xFF, 0xD8, 0x3D, 0x00, 0x41]);
        assert_eq!(text, "\u{FFFD}A");
        assert!(lossy);
    }

    #[test]
    fn utf16_odd_length_is_reported() {
        let (text, lossy) = decode_reporting(&[0xFE, 0xFF, 0x00, 0x41, 0x00]);
        assert_eq!(text, "A");
        assert!(lossy);
    }

    #[test]
    fn utf8_bom() {
        let mut bytes = vec![0xEF, 0xBB, 0xBF];
        bytes.extend_from_slice("Łukasz Żółć".as_bytes());
        assert_eq!(decode(&bytes), "Łukasz Żółć");
    }

    #[test]
    fn utf8_bom_invalid_is_reported() {
        let (text, lossy) = decode_reporting(&[0xEF, 0xBB, 0xBF, b'a', 0xFF]);
        assert_eq!(text, "a\u{FFFD}");
        assert!(lossy);
    }

    #[test]
    fn language_escape_removed() {
        // ESC "nl" ESC before the text, and ESC "enUS" ESC in the middle.
        let mut bytes = vec![0xFE, 0xFF];
        for c in "\u{1B}nl\u{1B}akkoord \u{1B}enUS\u{1B}ok".encode_utf16() {
            bytes.extend_from_slice(&c.to_be_bytes());
        }
        assert_eq!(decode(&bytes), "akkoord ok");
    }

    #[test]
    fn line_ends_normalised() {
        assert_eq!(decode(b"a\r\nb\rc\nd"), "a\nb\nc\nd");
    }

    #[test]
    fn trailing_nuls_dropped() {
        assert_eq!(decode(b"MWP\0\0"), "MWP");
        let bytes = [0xFE, 0xFF, 0x00, 0x41, 0x00, 0x00];
        assert_eq!(decode(&bytes), "A");
    }

    #[test]
    fn empty() {
        assert_eq!(decode(b""), "");
        assert_eq!(decode(&[0xFE, 0xFF]), "");
    }
}
