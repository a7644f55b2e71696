//! An opened document and what was read from it.

use std::fs::File;
use std::path::{Path, PathBuf};

use crate::annotation::{self, Annotation};
use crate::decision::Decision;
use crate::diagnostics::{Skipped, Warning, WarningKind, Warnings};
use crate::error::{Error, Result};
use crate::input::InputKind;
use crate::limits::Deadline;
use crate::normalise::{self, Normalised};
use crate::nota::Nota;
use crate::options::Options;
use crate::pdf::geometry::Rect;
use crate::pdf::page_labels::PageLabels;
use crate::pdf::page_tree;
use crate::pdf::text_string;
use crate::pdf::{Bytes, OpenError, Pdf};
use crate::report::{Reading, Report};
use crate::summary::Comment;
use crate::text::Pages;

/// A PDF document, opened and read.
///
/// Opening walks the page tree and reads every annotation, so the cost of a
/// document is paid once; the accessors below are cheap. Defects found while
/// reading are in [`Document::warnings`].
pub struct Document {
    file: PathBuf,
    pdf: Pdf,
    pages: Vec<Page>,
    annotations: Vec<Annotation>,
    normalised: Normalised,
    skipped: Skipped,
    warnings: Vec<Warning>,
    /// No bound or time limit cut the reading short.
    complete: bool,
    /// Each page's dictionary, by object identifier, to read its text later.
    #[cfg(feature = "text")]
    page_ids: Vec<Option<crate::pdf::ObjId>>,
    #[cfg(feature = "text")]
    limits: crate::limits::Limits,
    #[cfg(feature = "ocr")]
    ocr: Option<crate::text::OcrOptions>,
}

/// One page of a document.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[non_exhaustive]
pub struct Page {
    /// The 1-based physical page number.
    pub number: usize,
    /// The page label ("iv", "A-3"), when the document defines labels.
    pub label: Option<String>,
    /// `/MediaBox`, inherited from the page tree where the page has none.
    pub media_box: Option<Rect>,
    /// `/CropBox`, inherited likewise; `null` means the media box.
    pub crop_box: Option<Rect>,
    /// `/Rotate` in degrees clockwise: 0, 90, 180 or 270.
    pub rotate: u16,
}

impl std::fmt::Debug for Document {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Document")
            .field("file", &self.file)
            .field("pages", &self.pages.len())
            .field("annotations", &self.annotations.len())
            .finish_non_exhaustive()
    }
}

impl Document {
    /// Opens the PDF at `path` with the default options.
    pub fn open(path: impl AsRef<Path>) -> Result<Self> {
        Self::open_with(path, &Options::default())
    }

    /// Opens the PDF at `path`. A file is memory-mapped; a large one (16 MiB
    /// or more) is read without the data of its images, which nothing here
    /// decodes unless OCR is asked for, so a 300 MB scanned bundle costs
    /// little more memory than its page tree, annotations and text.
    pub fn open_with(path: impl AsRef<Path>, options: &Options) -> Result<Self> {
        let path = path.as_ref();
        let io = |source| Error::Io {
            file: path.to_owned(),
            source,
        };
        let file = File::open(path).map_err(io)?;
        let bytes = map(&file, needs_images(options)).map_err(io)?;
        Self::from_source(path.to_owned(), bytes, options)
    }

    /// Reads a PDF held in memory. `name` stands for the file in messages
    /// and in the report.
    pub fn from_bytes(
        name: impl Into<PathBuf>,
        bytes: impl Into<Vec<u8>>,
        options: &Options,
    ) -> Result<Self> {
        Self::from_source(name.into(), Bytes::Owned(bytes.into()), options)
    }

    /// Reads a document. A panic inside the object parser (a bug there that
    /// a hostile file found) is caught and becomes [`Error::Crashed`], so no
    /// input takes the caller down with it.
    pub(crate) fn from_source(file: PathBuf, bytes: Bytes, options: &Options) -> Result<Self> {
        let name = file.clone();
        std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            Self::read(file, bytes, options)
        }))
        .unwrap_or(Err(Error::Crashed { file: name }))
    }

    fn read(file: PathBuf, bytes: Bytes, options: &Options) -> Result<Self> {
        let deadline = Deadline::after(options.limits.time_per_file);
        let pdf = Pdf::open(bytes, options.password.as_deref())
            .map_err(|error| open_error(&file, error))?;
        let mut warnings = Warnings::default();
        warn_if_undecryptable(&pdf, &mut warnings);
        let nodes = page_tree::walk(&pdf, &options.limits, &deadline, &mut warnings)
            .map_err(|error| open_error(&file, error))?;
        let labels = PageLabels::read(&pdf, &options.limits, &mut warnings);
        let pages = pages_of(&nodes, &labels);
        #[cfg(feature = "text")]
        let sources: Vec<crate::text::PageSource<'_>> = nodes
            .iter()
            .map(|node| crate::text::PageSource {
                dict: node.dict.clone(),
                crop_box: node.crop_box.or(node.media_box),
            })
            .collect();
        let page_dicts: Vec<_> = nodes
            .iter()
            .enumerate()
            .map(|(index, node)| (index + 1, node.dict.as_deref()))
            .collect();
        let listing = annotation::Listing {
            labels: &labels,
            limits: &options.limits,
            include: options.include(),
            deadline: &deadline,
            threads: options.threads,
        };
        #[allow(unused_mut)]
        let (mut annotations, skipped) = annotation::read_all(&page_dicts, &listing, &mut warnings);
        #[cfg(feature = "text")]
        let text = if options.text_under || options.flattened {
            crate::text::read_pages(
                &pdf,
                &sources,
                &mut annotations,
                &options.text(),
                &deadline,
                &mut warnings,
            )
            .texts
        } else {
            Pages::default()
        };
        #[cfg(not(feature = "text"))]
        let text = Pages::default();
        #[cfg(feature = "text")]
        let read_text = read_text_beside_appearances(
            &text,
            &sources,
            &mut annotations,
            options,
            &deadline,
            &mut warnings,
        );
        #[cfg(not(feature = "text"))]
        let read_text = normalise::read_text(&text, options.normalisers());
        #[cfg(feature = "text")]
        let page_ids = sources
            .iter()
            .map(|source| source.dict.as_deref().and_then(crate::pdf::Dict::id))
            .collect();
        #[cfg(feature = "text")]
        drop(sources);
        let mut normalised = normalise::normalise(
            &text,
            read_text,
            &annotations,
            &pdf.document_dates(),
            options.normalisers(),
        );
        normalised.warn_of_limits(&mut warnings);
        Ok(Self {
            file,
            pdf,
            pages,
            annotations,
            normalised,
            skipped,
            complete: !warnings.cut_short(),
            warnings: warnings.into_vec(),
            #[cfg(feature = "text")]
            page_ids,
            #[cfg(feature = "text")]
            limits: options.limits.clone(),
            #[cfg(feature = "ocr")]
            ocr: options.ocr.clone(),
        })
    }

    /// The text of a 1-based page: its words and lines in reading order,
    /// with their places on the page (feature `text`).
    ///
    /// The page's content is read anew on each call, within the limits
    /// and the time limit the document was opened with; what could not be
    /// read is in [`PageText::warnings`](crate::PageText::warnings).
    ///
    /// ```no_run
    /// let doc = kantlijn::Document::open("fixtures/beslisnota.pdf")?;
    /// let text = doc.page_text(1)?;
    /// println!("{}", text.plain_text());
    /// # Ok::<(), kantlijn::Error>(())
    /// ```
    #[cfg(feature = "text")]
    pub fn page_text(&self, page: usize) -> Result<crate::text::PageText> {
        let index = page
            .checked_sub(1)
            .filter(|&i| i < self.pages.len())
            .ok_or_else(|| Error::NoSuchPage {
                file: self.file.clone(),
                page,
                pages: self.pages.len(),
            })?;
        Ok(self.page_reader().read(page, &self.page_source(index)))
    }

    /// The text of every page, in order (feature `text`): what
    /// [`Document::page_text`] gives for each page, with each font loaded
    /// once for all of them and one time limit for all of them (a page
    /// reached after it ran out has no lines and a warning).
    #[cfg(feature = "text")]
    pub fn page_texts(&self) -> impl Iterator<Item = crate::text::PageText> + '_ {
        let reader = self.page_reader();
        (0..self.pages.len()).map(move |index| reader.read(index + 1, &self.page_source(index)))
    }

    /// A reader of this document's pages, with the options it was opened
    /// with: its limits, and OCR when asked for.
    #[cfg(feature = "text")]
    fn page_reader(&self) -> crate::text::PageReader<'_> {
        let reader = crate::text::PageReader::new(&self.limits);
        #[cfg(feature = "ocr")]
        let reader = match &self.ocr {
            Some(ocr) => reader.with_ocr(&self.pdf, ocr),
            None => reader,
        };
        reader
    }

    #[cfg(feature = "text")]
    pub(crate) fn page_source(&self, index: usize) -> crate::text::PageSource<'_> {
        crate::text::PageSource {
            dict: self
                .page_ids
                .get(index)
                .copied()
                .flatten()
                .and_then(|id| self.pdf.dict(id))
                .map(std::sync::Arc::new),
            crop_box: self
                .pages
                .get(index)
                .and_then(|p| p.crop_box.or(p.media_box)),
        }
    }

    /// The input's path (or the name given to [`Document::from_bytes`]).
    pub fn file(&self) -> &Path {
        &self.file
    }

    /// The number of pages; a page object listed twice in the page tree
    /// counts twice, as a viewer shows it twice.
    pub fn page_count(&self) -> usize {
        self.pages.len()
    }

    /// The label of a 1-based page ("iv", "A-3"), when the document defines
    /// page labels.
    pub fn page_label(&self, page: usize) -> Option<&str> {
        self.pages.get(page.checked_sub(1)?)?.label.as_deref()
    }

    /// The pages, in order.
    pub fn pages(&self) -> &[Page] {
        &self.pages
    }

    /// Every annotation, in page order and, within a page, in `/Annots` order.
    pub fn annotations(&self) -> &[Annotation] {
        &self.annotations
    }

    /// The entries of printed comment summaries found in the page text.
    pub fn comments(&self) -> &[Comment] {
        &self.normalised.comments
    }

    /// The decisions recorded in the annotations, the printed summaries and
    /// the stamps burned into the page text.
    pub fn decisions(&self) -> &[Decision] {
        &self.normalised.decisions
    }

    /// The notas of a bundle, in order, each with the decisions taken on it
    /// (indices into [`Document::decisions`]); empty when the page text
    /// holds no recognisable nota header, or was not read.
    pub fn notas(&self) -> &[Nota] {
        &self.normalised.notas
    }

    /// Annotations left out by the options (links and form fields).
    pub fn skipped(&self) -> Skipped {
        self.skipped
    }

    /// Whether everything was read: `false` when a bound of the
    /// [`Limits`](crate::Limits) or the time limit cut the reading short
    /// (a warning says where).
    pub fn is_complete(&self) -> bool {
        self.complete
    }

    /// Defects found while reading that did not stop it.
    pub fn warnings(&self) -> &[Warning] {
        &self.warnings
    }

    /// `/Producer` from the document information dictionary.
    pub fn producer(&self) -> Option<String> {
        self.pdf.producer().map(text_string::decode)
    }

    /// Whether the document is encrypted (it was opened all the same).
    pub fn is_encrypted(&self) -> bool {
        self.pdf.encrypted()
    }

    /// Everything read, as a report (the JSON contract).
    pub fn report(&self) -> Report {
        Report::from(Reading {
            file: self.file.clone(),
            kind: InputKind::Pdf,
            pages: self.page_count(),
            producer: self.producer(),
            encrypted: self.is_encrypted(),
            complete: self.complete,
            annotations: self.annotations.clone(),
            normalised: self.normalised.clone(),
            skipped: self.skipped,
            warnings: self.warnings.clone(),
        })
    }

    /// The report, consuming the document (no copies).
    pub fn into_report(self) -> Report {
        Report::from(Reading {
            file: self.file,
            kind: InputKind::Pdf,
            pages: self.pages.len(),
            producer: self.pdf.producer().map(text_string::decode),
            encrypted: self.pdf.encrypted(),
            complete: self.complete,
            annotations: self.annotations,
            normalised: self.normalised,
            skipped: self.skipped,
            warnings: self.warnings,
        })
    }
}

/// The pages the page tree lists, numbered from 1, with their labels.
fn pages_of(nodes: &[page_tree::PageNode<'_>], labels: &PageLabels) -> Vec<Page> {
    nodes
        .iter()
        .enumerate()
        .map(|(index, node)| Page {
            number: index + 1,
            label: labels.label(index),
            media_box: node.media_box,
            crop_box: node.crop_box,
            rotate: node.rotate,
        })
        .collect()
}

/// Warns when the trailer names an `/Encrypt` that cannot be read: the
/// file is read as it is, and its text may be encrypted data.
fn warn_if_undecryptable(pdf: &Pdf, warnings: &mut Warnings) {
    if pdf.undecryptable() {
        warnings.push(
            None,
            None,
            WarningKind::UnsupportedFeature,
            "the file is encrypted, but its /Encrypt dictionary cannot be read: it is read as it \
             is, and its text may be encrypted data",
        );
    }
}

/// Reads the pages' text for what it records (the first half of the
/// normalising stage) while the annotations' appearances are read, on
/// another thread when the text is long enough for threads to pay: neither
/// needs the other.
#[cfg(feature = "text")]
fn read_text_beside_appearances<'p>(
    text: &'p Pages<'_>,
    sources: &[crate::text::PageSource<'_>],
    annotations: &mut [Annotation],
    options: &Options,
    deadline: &Deadline,
    warnings: &mut Warnings,
) -> normalise::TextReading<'p> {
    let normalisers = options.normalisers();
    let read_appearances = |annotations: &mut [Annotation], warnings: &mut Warnings| {
        if options.appearance_text {
            crate::text::read_appearances(
                sources,
                annotations,
                &options.limits,
                deadline,
                warnings,
            );
        }
    };
    if normalise::side_by_side(text, normalisers.threads) {
        std::thread::scope(|scope| {
            let appearances = scope.spawn(|| read_appearances(annotations, warnings));
            let read = normalise::read_text(text, normalisers);
            crate::threads::joined(appearances);
            read
        })
    } else {
        read_appearances(annotations, warnings);
        normalise::read_text(text, normalisers)
    }
}

/// Whether reading with `options` looks at the pixels of images: only OCR
/// does.
pub(crate) fn needs_images(options: &Options) -> bool {
    #[cfg(feature = "ocr")]
    return options.ocr.is_some();
    #[cfg(not(feature = "ocr"))]
    {
        let _ = options;
        false
    }
}

/// The bytes of a file: memory-mapped, or, for a large file whose images
/// are not needed, read without its image data (see
/// [`crate::pdf::sparse`]).
#[allow(unsafe_code)]
pub(crate) fn map(file: &File, images: bool) -> std::io::Result<Bytes> {
    let len = file.metadata()?.len();
    if len >= crate::pdf::sparse::MIN_LEN && !images {
        let (bytes, _) = crate::pdf::sparse::read(file, len)?;
        return Ok(Bytes::Mapped(bytes));
    }
    // SAFETY: the map is read-only and private to this process. If another
    // process truncates the file while it is mapped, reading the lost pages
    // raises SIGBUS; that is the documented cost of mapping, and the reason
    // batch runs isolate each file in a worker process. Reading 300 MB
    // bundles without mapping costs their whole size in memory and time.
    let map = unsafe { memmap2::Mmap::map(file)? };
    advise_random(&map);
    Ok(Bytes::Mapped(map))
}

/// Reading follows references across the file, so read-ahead mostly brings
/// in image data that is never looked at.
fn advise_random(map: &memmap2::Mmap) {
    #[cfg(unix)]
    {
        // Advice is a hint; failing to give it changes nothing.
        let _ = map.advise(memmap2::Advice::Random);
    }
    #[cfg(not(unix))]
    let _ = map;
}

fn open_error(file: &Path, error: OpenError) -> Error {
    let file = file.to_owned();
    match error {
        OpenError::NotPdf => Error::NotPdf { file },
        OpenError::NeedsPassword => Error::NeedsPassword { file },
        OpenError::WrongPassword => Error::WrongPassword { file },
        OpenError::UnsupportedEncryption(detail) => Error::UnsupportedEncryption { file, detail },
        OpenError::Damaged(reason) => Error::Damaged { file, reason },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn not_a_pdf() {
        let error = Document::from_bytes(
            "notes.txt",
            b"Nummer: 1 Auteur: x".to_vec(),
            &Options::default(),
        )
        .unwrap_err();
        assert!(matches!(error, Error::NotPdf { .. }), "{error}");
        assert_eq!(
            error.to_string(),
            "notes.txt: not a PDF file (no %PDF- header)"
        );
    }

    #[test]
    fn header_without_body_is_damaged() {
        let error =
            Document::from_bytes("x.pdf", b"%PDF-1.7\n%%EOF\n".to_vec(), &Options::default())
                .unwrap_err();
        assert!(matches!(error, Error::Damaged { .. }), "{error}");
    }

    #[test]
    fn missing_file() {
        let error = Document::open("/nonexistent/kantlijn.pdf").unwrap_err();
        assert!(matches!(error, Error::Io { .. }));
        assert!(
            error
                .to_string()
                .starts_with("/nonexistent/kantlijn.pdf: cannot read the file")
        );
    }
}
