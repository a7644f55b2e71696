//! What kind of input a file is, told by its content, not its name.

pub use crate::report::InputKind;

/// How many leading bytes [`sniff`] looks at.
pub const SNIFF_LEN: usize = 64 * 1024;

/// Tells the kind of an input from its first bytes (up to [`SNIFF_LEN`]).
pub fn sniff(head: &[u8]) -> InputKind {
    let head = head.get(..SNIFF_LEN).unwrap_or(head);
    if crate::pdf::looks_like_pdf(head) {
        return InputKind::Pdf;
    }
    if head.starts_with(&[0xFF, 0xFE]) || head.starts_with(&[0xFE, 0xFF]) {
        return InputKind::Text;
    }
    if head.is_empty() || head.contains(&0) {
        return InputKind::Other;
    }
    let utf8 = match std::str::from_utf8(head) {
        Ok(_) => true,
        // Cut in the middle of a character by the sniff window.
        Err(e) => e.error_len().is_none(),
    };
    let controls = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0C))
        .count();
    if controls * 100 > head.len() {
        return InputKind::Other;
    }
    if utf8 {
        return InputKind::Text;
    }
    // Single-byte text: mostly printable ASCII, the rest letters of
    // Windows-1252. Binary formats have far more high bytes.
    let high = head.iter().filter(|&&b| b >= 0x80).count();
    if high * 10 < head.len() {
        InputKind::Text
    } else {
        InputKind::Other
    }
}

/// The kind of a file, by its first bytes (see [`sniff`]); `None` when it
/// cannot be read (reading it then gives its error).
pub fn sniff_file(path: impl AsRef<std::path::Path>) -> Option<InputKind> {
    use std::io::Read;
    let mut head = Vec::with_capacity(4096);
    std::fs::File::open(path)
        .and_then(|f| f.take(SNIFF_LEN as u64).read_to_end(&mut head))
        .ok()
        .map(|_| sniff(&head))
}

/// What the report of an input that could not be read says it was
/// (`input_kind`), given what its first bytes tell ([`sniff_file`]):
/// nothing for an input refused as no PDF (a text named `.pdf` was not read
/// as text), else the kind told when kantlijn reads inputs of that kind.
pub fn failed_input_kind(error: &crate::Error, told: Option<InputKind>) -> Option<InputKind> {
    match error {
        crate::Error::NotPdf { .. } => None,
        _ => told.filter(|kind| kind.is_read()),
    }
}

/// Decodes a text input: UTF-8 (a byte order mark dropped), UTF-16 with a
/// byte order mark, else Windows-1252.
pub(crate) fn decode_text(bytes: &[u8]) -> String {
    if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        return String::from_utf8_lossy(rest).into_owned();
    }
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return crate::pdf::text_string::decode(bytes);
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => text.to_owned(),
        Err(_) => bytes.iter().map(|&b| windows_1252(b)).collect(),
    }
}

/// Windows-1252, the single-byte encoding of Dutch text on Windows.
fn windows_1252(byte: u8) -> char {
    const HIGH: [u32; 32] = [
        0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
        0x2039, 0x0152, 0x8D, 0x017D, 0x8F, 0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013,
        0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
    ];
    let code = match byte {
        0x80..=0x9F => HIGH
            .get(usize::from(byte - 0x80))
            .copied()
            .unwrap_or(u32::from(byte)),
        other => u32::from(other),
    };
    char::from_u32(code).unwrap_or(char::REPLACEMENT_CHARACTER)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pdf_after_junk() {
        let mut bytes = vec![b'x'; 700];
        bytes.extend_from_slice(b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\n");
        assert_eq!(sniff(&bytes), InputKind::Pdf);
    }

    #[test]
    fn text_that_mentions_a_header_is_text() {
        // Past the first kilobyte, where Acrobat stops looking, a header
        // in text is a mention of one: a README, a note on file formats.
        let mut text = "Het bestand begint met een kop.\n".repeat(40).into_bytes();
        text.extend_from_slice(b"De kop is `%PDF-1.7`, gevolgd door objecten.\n");
        assert_eq!(sniff(&text), InputKind::Text);
        // Early in a short note too, where nothing follows it.
        assert_eq!(
            sniff(b"# Notes\n\nEvery PDF starts with %PDF-1.7.\n"),
            InputKind::Text
        );
        // After bytes that are no text, the header is a PDF's still.
        let mut binary = vec![0x9C_u8; 2000];
        binary.extend_from_slice(b"%PDF-1.7\n");
        assert_eq!(sniff(&binary), InputKind::Pdf);
        // And after a mail's or a server's text, when objects follow it.
        let dump = b"HTTP/1.1 200 OK\r\nContent-Type: application/pdf\r\n\r\n\
                     %PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\n";
        assert_eq!(sniff(dump), InputKind::Pdf);
    }

    #[test]
    fn pdf_without_header() {
        assert_eq!(
            sniff(b"\n%\xE2\xE3\xCF\xD3\n1 0 obj\n<</Type /Catalog>>\nendobj\n"),
            InputKind::Pdf
        );
        // The first object on the line of the binary comment (hayro
        // issue207), where the line end was lost with the header.
        assert_eq!(
            sniff(b"\n%\xE2\xE3\xCF\xD31 0 obj \n<</Type /Catalog>>\nendobj\n"),
            InputKind::Pdf
        );
        assert_eq!(sniff(b"% 1 0 obj in een notitie; endobj"), InputKind::Text);
        assert_eq!(
            sniff(b"Zie object 1 0 obj in de bijlage; endobj is een sleutelwoord."),
            InputKind::Text
        );
    }

    #[test]
    fn utf8_text() {
        assert_eq!(
            sniff("Nummer: 1 Auteur: Aartsen, A.A. Onderwerp: Markering ☰\n".as_bytes()),
            InputKind::Text
        );
    }

    #[test]
    fn utf8_cut_by_window_is_text() {
        let mut bytes = "a".repeat(SNIFF_LEN - 1).into_bytes();
        bytes.extend_from_slice("é".as_bytes());
        assert_eq!(sniff(&bytes), InputKind::Text);
    }

    #[test]
    fn windows_1252_text() {
        assert_eq!(sniff(b"co\xF6rdinatie en re\xEBel\n"), InputKind::Text);
        assert_eq!(decode_text(b"co\xF6rdinatie \x80 5"), "coördinatie € 5");
    }

    #[test]
    fn binary_is_other() {
        assert_eq!(
            sniff(&[0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0]),
            InputKind::Other
        );
        assert_eq!(sniff(b""), InputKind::Other);
    }

    #[test]
    fn utf16_text_with_bom() {
        assert_eq!(sniff(&[0xFF, 0xFE, b'a', 0]), InputKind::Text);
        assert_eq!(decode_text(&[0xFF, 0xFE, b'a', 0, b'b', 0]), "ab");
    }
}
