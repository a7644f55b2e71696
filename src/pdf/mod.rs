//! PDF objects and the structures built directly on them.
//!
//! This module and its `object`, `content`, `decode` and `trailer` files
//! are the boundary over the PDF object parser: the only code that names
//! `hayro_syntax`. Everything above it sees [`Pdf`], [`Dict`], [`Array`],
//! [`Object`] and [`ObjId`]. Beside them, the PDF concepts read from those
//! objects: the page tree, page labels, text strings, dates, rectangles,
//! and the sparse reading of large files.
//!
//! hayro-syntax reads lazily over the bytes (a memory map for files): opening
//! touches the cross-reference data and the catalog, and each lookup parses
//! only the object asked for. It repairs damaged cross-reference tables by
//! scanning, and decrypts RC4 and AES documents.

#[cfg(all(test, feature = "text-reference"))]
pub(crate) mod content;
pub(crate) mod date;
pub(crate) mod decode;
#[cfg(feature = "text")]
pub(crate) mod font;
pub(crate) mod geometry;
pub(crate) mod object;
pub(crate) mod page_labels;
pub(crate) mod page_tree;
#[cfg(feature = "schema")]
pub(crate) mod schema;
pub(crate) mod sparse;
#[cfg(feature = "text")]
pub(crate) mod text_content;
pub(crate) mod text_string;
mod trailer;

use std::sync::Arc;

use hayro_syntax::{LoadPdfError, PdfData};

pub(crate) use object::{Array, Dict, Lookup, ObjId, Object};

/// The object parser's page, as the rasterizer takes it to render a
/// scanned page for OCR.
#[cfg(feature = "ocr")]
pub(crate) type ParserPage<'a> = hayro_syntax::page::Page<'a>;

/// Where the bytes of a document live.
pub(crate) enum Bytes {
    /// A memory-mapped file.
    Mapped(memmap2::Mmap),
    /// Bytes in memory.
    Owned(Vec<u8>),
}

impl AsRef<[u8]> for Bytes {
    fn as_ref(&self) -> &[u8] {
        match self {
            Self::Mapped(map) => map,
            Self::Owned(bytes) => bytes,
        }
    }
}

/// Why the object layer could not open a document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum OpenError {
    /// No `%PDF-` header near the start.
    NotPdf,
    /// Encrypted; no password was given and the empty one does not open it.
    NeedsPassword,
    /// Encrypted; the given password does not open it.
    WrongPassword,
    /// An encryption method that cannot be decrypted.
    UnsupportedEncryption(&'static str),
    /// Neither the cross-reference data nor a scan yields a catalog.
    Damaged(&'static str),
}

/// Whether `bytes` read as plain text: UTF-8 (perhaps cut in the middle of
/// a character at the end) without control characters other than white
/// space.
fn is_plain_text(bytes: &[u8]) -> bool {
    bytes
        .iter()
        .all(|&b| b >= 0x20 || matches!(b, b'\t' | b'\n' | b'\r' | 0x0C))
        && std::str::from_utf8(bytes).map_or_else(|e| e.error_len().is_none(), |_| true)
}

/// How far into a file the `%PDF-` header may start. The spec wants it at
/// byte 0; readers accept junk before it (Acrobat: within the first
/// kilobyte), and so do we, more generously.
const HEADER_SEARCH: usize = 64 * 1024;

/// An open PDF document.
pub(crate) struct Pdf {
    inner: hayro_syntax::Pdf,
    encrypted: bool,
}

impl Pdf {
    /// Opens a document. An encrypted document opens with the empty user
    /// password when no password is given, and also when the password
    /// given does not open it: a batch run with one file's password must
    /// not lose the files anyone may open.
    pub(crate) fn open(bytes: Bytes, password: Option<&str>) -> Result<Self, OpenError> {
        let data = bytes.as_ref();
        let head = data
            .get(..HEADER_SEARCH.min(data.len()))
            .unwrap_or_default();
        if !looks_like_pdf(head) {
            return Err(OpenError::NotPdf);
        }
        let encrypted = trailer::declares_encryption(data);
        let shared: PdfData = Arc::new(bytes).into();
        // The parser's own page list is built only when asked for: the page
        // tree is walked here (`page_tree`), and building it reads every
        // page dictionary (about 4 ms for 1,500 pages, before anything else
        // can start).
        let given = password.unwrap_or("");
        let mut opened = hayro_syntax::Pdf::new_with_password_lazily(shared.clone(), given);
        if !given.is_empty()
            && matches!(
                opened,
                Err(LoadPdfError::Decryption(
                    hayro_syntax::DecryptionError::PasswordProtected
                ))
            )
            && let Ok(open) = hayro_syntax::Pdf::new_with_password_lazily(shared, "")
        {
            opened = Ok(open);
        }
        let inner = opened.map_err(|error| match error {
            LoadPdfError::Decryption(reason) => decryption_error(reason, password.is_some()),
            LoadPdfError::Invalid => no_pages(encrypted),
        })?;
        Ok(Self { inner, encrypted })
    }

    /// The error of a document in which no page can be found: neither the
    /// page tree nor the parser (its own walk of the tree, then a scan of
    /// all objects) finds one.
    pub(crate) fn no_pages_error(&self) -> OpenError {
        no_pages(self.encrypted)
    }

    /// Whether the trailer names an `/Encrypt` dictionary.
    pub(crate) fn encrypted(&self) -> bool {
        self.encrypted
    }

    /// Whether the trailer names an `/Encrypt` that cannot be read (a
    /// reference to a damaged or missing object): the file is read as it
    /// is, and its strings and streams are likely still encrypted.
    pub(crate) fn undecryptable(&self) -> bool {
        self.encrypted && !self.inner.xref().decrypts()
    }

    /// The document catalog (`/Root`).
    pub(crate) fn catalog(&self) -> Option<Dict<'_>> {
        let xref = self.inner.xref();
        let id = xref.root_id();
        xref.get::<hayro_syntax::object::Dict<'_>>(id)
            .map(|dict| Dict::new(dict, xref))
    }

    /// The days of `/CreationDate` and `/ModDate` in the document
    /// information dictionary, when readable.
    pub(crate) fn document_dates(&self) -> Vec<chrono::NaiveDate> {
        let metadata = self.inner.metadata();
        [metadata.creation_date, metadata.modification_date]
            .into_iter()
            .flatten()
            .filter_map(|d| {
                chrono::NaiveDate::from_ymd_opt(
                    i32::from(d.year),
                    u32::from(d.month),
                    u32::from(d.day),
                )
            })
            .collect()
    }

    /// The dictionary of an indirect object, when it is one.
    #[cfg(feature = "text")]
    pub(crate) fn dict(&self, id: ObjId) -> Option<Dict<'_>> {
        match object::resolve(self.inner.xref(), id)? {
            Object::Dict(dict) => Some(dict),
            _ => None,
        }
    }

    /// The object parser's own page for a page dictionary, found by object
    /// identifier (its page list keeps a page listed twice only once, so
    /// positions do not match ours).
    #[cfg(feature = "ocr")]
    pub(crate) fn parser_page(&self, id: ObjId) -> Option<&ParserPage<'_>> {
        let id = hayro_syntax::object::ObjectIdentifier::from(id);
        self.inner
            .pages()
            .iter()
            .find(|page| page.raw().obj_id() == Some(id))
    }

    /// `/Producer` of the document information dictionary, as raw bytes.
    pub(crate) fn producer(&self) -> Option<&[u8]> {
        self.inner.metadata().producer.as_deref()
    }

    /// The page dictionaries the object parser found by itself: its own walk
    /// of the page tree, or a scan of all objects when the tree is broken;
    /// `None` when neither found the pages. Used only when our walk finds
    /// no pages.
    pub(crate) fn parser_pages(&self) -> Option<Vec<Dict<'_>>> {
        let xref = self.inner.xref();
        let pages = self.inner.pages();
        self.inner.pages_found().then(|| {
            pages
                .iter()
                .map(|page| Dict::new(page.raw().clone(), xref))
                .collect()
        })
    }
}

fn no_pages(encrypted: bool) -> OpenError {
    OpenError::Damaged(if encrypted {
        "no page could be found: the cross-reference table, the catalog or the page tree is unreadable (the file is also encrypted)"
    } else {
        "no page could be found: the cross-reference table, the catalog or the page tree is unreadable"
    })
}

fn decryption_error(reason: hayro_syntax::DecryptionError, password_given: bool) -> OpenError {
    use hayro_syntax::DecryptionError as D;
    match reason {
        D::PasswordProtected if password_given => OpenError::WrongPassword,
        D::PasswordProtected => OpenError::NeedsPassword,
        D::UnsupportedAlgorithm => OpenError::UnsupportedEncryption("unsupported algorithm"),
        D::InvalidEncryption => OpenError::UnsupportedEncryption("invalid encryption dictionary"),
        D::MissingIDEntry => OpenError::UnsupportedEncryption("the trailer has no /ID"),
    }
}

/// Where Acrobat looks for the `%PDF-` header: within the first kilobyte.
const ACROBAT_HEADER_WINDOW: usize = 1024;

/// Whether the first bytes of a file are those of a PDF: a `%PDF-` header,
/// or, when the header was lost, an indirect object at the start of a line
/// (`1 0 obj`) followed by `endobj`. A header that does not open the file
/// counts in bytes that are not all plain text (binary junk before it, or
/// the PDF's own binary data after it), or in plain text when objects
/// follow it within the kilobyte where Acrobat looks for it (a mail or an
/// HTTP dump with an uncompressed PDF): a text that mentions "%PDF-1.7" (a
/// README, an extracted note about file formats) is text.
pub(crate) fn looks_like_pdf(head: &[u8]) -> bool {
    if let Some(at) = find(head, b"%PDF-") {
        if at == 0 || !is_plain_text(head) {
            return true;
        }
        let after = head.get(at..).unwrap_or_default();
        return at < ACROBAT_HEADER_WINDOW
            && (contains(after, b"endobj") || contains(after, b"startxref"));
    }
    let Some(at) = find(head, b" obj") else {
        return false;
    };
    let line_start = head.get(..at).map_or(0, |before| {
        before
            .iter()
            .rposition(|&b| b == b'\n' || b == b'\r')
            .map_or(0, |p| p + 1)
    });
    let mut object_line = head.get(line_start..at).unwrap_or_default();
    // The binary comment that follows a header ("%âãÏÓ") may be all that
    // is left of it, with the first object on its line.
    if let Some(comment) = object_line.strip_prefix(b"%") {
        let marker = comment.iter().take_while(|&&b| !b.is_ascii()).count();
        if marker > 0 {
            object_line = comment.get(marker..).unwrap_or_default();
        }
    }
    let is_object_number = |part: &[u8]| !part.is_empty() && part.iter().all(u8::is_ascii_digit);
    let mut numbers = object_line.split(|&b| b == b' ');
    let numbered = matches!((numbers.next(), numbers.next(), numbers.next()), (Some(n), Some(g), None) if is_object_number(n) && is_object_number(g));
    numbered && contains(head.get(at..).unwrap_or_default(), b"endobj")
}

/// Whether `needle` occurs in `haystack`.
pub(crate) fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    find(haystack, needle).is_some()
}

/// The position of the first `needle` in `haystack`.
pub(crate) fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.is_empty() {
        return Some(0);
    }
    haystack
        .windows(needle.len())
        .position(|window| window == needle)
}
