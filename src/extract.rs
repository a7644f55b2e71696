//! One call from an input file to its report, whatever the kind of input.

use std::fs::File;
use std::io::Read;
use std::path::Path;

use crate::document::{Document, map};
use crate::error::{Error, Result};
use crate::input::{self, InputKind, SNIFF_LEN};
use crate::options::Options;
use crate::report::Report;

/// Reads an input and returns its report. PDFs are read as documents;
/// text files (text already extracted from a PDF, as publishers and OCR
/// tools release it) are read as text, form feeds separating pages. The kind
/// is told by the content, not the file name.
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
    match input::sniff(&head) {
        InputKind::Pdf => {
            let bytes = map(&file).map_err(io)?;
            Document::from_source(path.to_owned(), bytes, options).map(Document::into_report)
        }
        InputKind::Text => {
            let mut bytes = head;
            file.read_to_end(&mut bytes).map_err(io)?;
            Ok(text_report(path, &bytes))
        }
        InputKind::Other => Err(Error::NotSupported {
            file: path.to_owned(),
        }),
    }
}

/// The report of a text input.
fn text_report(path: &Path, bytes: &[u8]) -> Report {
    let text = input::decode_text(bytes);
    let mut report = Report::new(path.display().to_string());
    report.pages = Some(text.split('\u{0C}').count());
    report.encrypted = Some(false);
    report
}
