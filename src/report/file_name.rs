//! The input a report is about, named without loss.
//!
//! A report names its input in `file`, a JSON string, which must be
//! Unicode. File names on Unix are bytes and need not be UTF-8: archives
//! copied from older Windows systems hold names like `nota_\xE9.pdf`
//! (Windows-1252). Such a name keeps a readable `file`, each invalid byte
//! sequence replaced by U+FFFD, and gets `file_bytes`: the exact bytes of the
//! name in base64 (RFC 4648, standard alphabet, with padding).
//! `file_bytes` is `null` whenever `file` is exact.

use std::path::{Path, PathBuf};

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;

use super::Report;

/// A file name as a report writes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct FileName {
    /// The name as text, lossy when the name is not UTF-8.
    pub(super) text: String,
    /// The exact bytes in base64, when `text` is lossy.
    pub(super) bytes: Option<String>,
}

impl FileName {
    pub(super) fn of(path: &Path) -> Self {
        match path.to_str() {
            Some(text) => Self {
                text: text.to_owned(),
                bytes: None,
            },
            None => Self {
                text: path.to_string_lossy().into_owned(),
                bytes: Some(STANDARD.encode(path.as_os_str().as_encoded_bytes())),
            },
        }
    }
}

impl Report {
    /// Names the input this report is about: `file`, and `file_bytes` when
    /// the name is not UTF-8 (see the wire format).
    pub fn set_file(&mut self, path: impl AsRef<Path>) {
        let name = FileName::of(path.as_ref());
        self.file = name.text;
        self.file_bytes = name.bytes;
    }

    /// The input's path exactly as it was given: `file_bytes` decoded when
    /// present, else `file`. On Unix the bytes are the name's own; elsewhere
    /// a name that is not UTF-8 (an unpaired surrogate on Windows) falls
    /// back to `file`.
    pub fn file_path(&self) -> PathBuf {
        self.file_bytes
            .as_deref()
            .and_then(|encoded| STANDARD.decode(encoded).ok())
            .and_then(path_from_bytes)
            .unwrap_or_else(|| PathBuf::from(&self.file))
    }
}

#[cfg(unix)]
fn path_from_bytes(bytes: Vec<u8>) -> Option<PathBuf> {
    use std::os::unix::ffi::OsStringExt;
    Some(PathBuf::from(std::ffi::OsString::from_vec(bytes)))
}

#[cfg(not(unix))]
fn path_from_bytes(bytes: Vec<u8>) -> Option<PathBuf> {
    String::from_utf8(bytes).ok().map(PathBuf::from)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_name_is_exact() {
        let name = FileName::of(Path::new("nota's/beslisnota é.pdf"));
        assert_eq!(name.text, "nota's/beslisnota é.pdf");
        assert_eq!(name.bytes, None);
    }

    #[cfg(unix)]
    #[test]
    fn latin1_name_keeps_its_bytes() {
        use std::os::unix::ffi::OsStrExt;
        let path = Path::new(std::ffi::OsStr::from_bytes(b"nota_\xE9.pdf"));
        let name = FileName::of(path);
        assert_eq!(name.text, "nota_\u{FFFD}.pdf");
        // base64 of the ten bytes 6E 6F 74 61 5F E9 2E 70 64 66.
        assert_eq!(name.bytes.as_deref(), Some("bm90YV/pLnBkZg=="));
    }
}
