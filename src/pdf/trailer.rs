//! Whether a document is encrypted, for the report's `encrypted`.
//!
//! The parser decrypts transparently and does not say whether it had to. The
//! `/Encrypt` entry lives in the trailer (or the cross-reference stream's
//! dictionary), which sits at the end of the file, or near the start of a
//! linearized one; every revision of an incrementally updated file repeats
//! it. So the first and last 64 KiB are searched for the key followed by a
//! reference or a dictionary, without touching the rest of a large file.

const WINDOW: usize = 64 * 1024;

/// Whether the file's trailer declares `/Encrypt`.
pub(super) fn declares_encryption(data: &[u8]) -> bool {
    let head = data.get(..WINDOW.min(data.len())).unwrap_or_default();
    let tail = data
        .get(data.len().saturating_sub(WINDOW)..)
        .unwrap_or_default();
    has_encrypt_entry(tail) || has_encrypt_entry(head)
}

fn has_encrypt_entry(window: &[u8]) -> bool {
    const KEY: &[u8] = b"/Encrypt";
    let mut rest = window;
    while let Some(at) = super::find(rest, KEY) {
        let after = rest.get(at + KEY.len()..).unwrap_or_default();
        let value = after
            .iter()
            .position(|b| !b.is_ascii_whitespace())
            .and_then(|start| after.get(start..))
            .unwrap_or_default();
        if value.first().is_some_and(u8::is_ascii_digit) || value.starts_with(b"<<") {
            return true;
        }
        rest = after;
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reference_in_trailer() {
        assert!(declares_encryption(
            b"%PDF-1.7\n...trailer\n<< /Root 1 0 R /Encrypt 9 0 R >>\n%%EOF"
        ));
    }

    #[test]
    fn direct_dictionary() {
        assert!(declares_encryption(
            b"trailer<</Encrypt<</Filter/Standard/V 4>>>>"
        ));
    }

    #[test]
    fn the_word_alone_is_not_enough() {
        assert!(!declares_encryption(
            b"(see /Encrypt) /EncryptMetadata false"
        ));
        assert!(!declares_encryption(b"%PDF-1.4 trailer << /Root 1 0 R >>"));
    }
}
