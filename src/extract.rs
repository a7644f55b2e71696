//! One call from an input file to its report, whatever the kind of input.

use std::fs::File;
use std::io::Read;
use std::path::{Path, PathBuf};

use crate::diagnostics::{Skipped, Warnings};
use crate::document::{Document, map, needs_images};
use crate::error::{Error, Result};
use crate::input::{self, InputKind, SNIFF_LEN};
use crate::normalise;
use crate::options::Options;
use crate::report::{Reading, Report};
use crate::text::Pages;

/// Reads an input and returns its report. PDFs are read as documents;
/// text files (text already extracted from a PDF, as publishers and OCR
/// tools release it) are read as text, form feeds separating pages. The kind
/// is told by the content, not the file name, with one exception: a file
/// named `.pdf` that holds no PDF (an error page saved under the PDF's
/// name, a file cut off before its header) is [`Error::NotPdf`], not a
/// text input.
pub fn extract(path: impl AsRef<Path>, options: &Options) -> Result<Report> {
    let path = path.as_ref();
    let io = |source| Error::Io {
        file: path.to_owned(),
        source,
    };
    let mut file = File::open(path).map_err(io)?;
    let mut head = Vec::with_capacity(SNIFF_LEN.min(4096));
    (&mut file)
        .take(SNIFF_LEN as u64)
        .read_to_end(&mut head)
        .map_err(io)?;
    match pdf_named(path, input::sniff(&head))? {
        InputKind::Pdf => {
            let bytes = map(&file, needs_images(options)).map_err(io)?;
            Document::from_source(path.to_owned(), bytes, options).map(Document::into_report)
        }
        InputKind::Text => {
            let mut bytes = head;
            file.read_to_end(&mut bytes).map_err(io)?;
            Ok(text_report(path, &bytes, options))
        }
        InputKind::Other => Err(Error::NotSupported {
            file: path.to_owned(),
        }),
    }
}

/// Reads an input held in memory, as [`extract`] reads a file: a PDF as a
/// document, text as text. `name` stands for the input in messages and is
/// the report's `file`.
pub fn extract_bytes(
    name: impl Into<PathBuf>,
    bytes: Vec<u8>,
    options: &Options,
) -> Result<Report> {
    let name = name.into();
    match pdf_named(&name, input::sniff(&bytes))? {
        InputKind::Pdf => Document::from_bytes(name, bytes, options).map(Document::into_report),
        InputKind::Text => Ok(text_report(&name, &bytes, options)),
        InputKind::Other => Err(Error::NotSupported { file: name }),
    }
}

/// The kind of an input named `path`: what its content was sniffed as,
/// unless it is named `.pdf` and holds no PDF.
fn pdf_named(path: &Path, kind: InputKind) -> Result<InputKind> {
    let named_pdf = path
        .extension()
        .is_some_and(|extension| extension.eq_ignore_ascii_case("pdf"));
    if named_pdf && kind != InputKind::Pdf {
        return Err(Error::NotPdf {
            file: path.to_owned(),
        });
    }
    Ok(kind)
}

/// The report of a text input.
fn text_report(path: &Path, bytes: &[u8], options: &Options) -> Report {
    let text = input::decode_text(bytes);
    let pages = Pages::from_text(&text);
    let normalisers = options.normalisers();
    let text = normalise::read_text(&pages, normalisers);
    let mut normalised = normalise::normalise(&pages, text, &[], &[], normalisers);
    let mut warnings = Warnings::default();
    normalised.warn_of_limits(&mut warnings);
    Report::from(Reading {
        file: path.to_owned(),
        kind: InputKind::Text,
        pages: pages.len(),
        producer: None,
        encrypted: false,
        complete: !warnings.cut_short(),
        annotations: Vec::new(),
        normalised,
        skipped: Skipped::default(),
        warnings: warnings.into_vec(),
    })
}
