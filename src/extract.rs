//! One call from an input file to its report, whatever the kind of input.

use std::fs::File;
use std::io::Read;
use std::path::Path;

use crate::decision;
use crate::document::{Document, map};
use crate::error::{Error, Result};
use crate::input::{self, InputKind, SNIFF_LEN};
use crate::options::Options;
use crate::report::Report;
use crate::summary;

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
            Ok(text_report(path, &bytes, options))
        }
        InputKind::Other => Err(Error::NotSupported {
            file: path.to_owned(),
        }),
    }
}

/// The report of a text input.
fn text_report(path: &Path, bytes: &[u8], options: &Options) -> Report {
    let text = input::decode_text(bytes);
    let pages = summary::text_pages(&text);
    let mut report = Report::new(path.display().to_string());
    report.pages = Some(pages.len());
    report.encrypted = Some(false);
    report.comments = summary::parse_summaries(pages, &options.summary_locales);
    report.decisions =
        decision::sources::register(&[], &report.comments, &text, &[], &options.vocabulary);
    report
}
