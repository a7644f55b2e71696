//! Reading the text of a PDF's pages (feature `text`): each page's
//! glyphs read from its content, laid out, and the text under markup
//! annotations.

use crate::annotation::{Annotation, Subtype};
use crate::diagnostics::{Defect, Warning, WarningKind, Warnings};
use crate::limits::{Deadline, Limits};
use crate::pdf::geometry::{Quad, Rect};
use crate::pdf::{Dict, Pdf};

use super::coverage::Area;
use super::extract::{self, Coverage, PageGlyphs, TextLayer};
use super::glyph::Glyphs;
use super::layout::{self, Layout};
use super::page_text::{self, PageText};
use super::pages::Pages;
use super::under::{self, LineIndex};
use crate::pdf::font::Fonts as FontCache;
use crate::pdf::text_content::WalkScratch;

#[cfg(feature = "ocr")]
use super::ocr::{self, OcrOptions};
#[cfg(feature = "ocr")]
use crate::pdf::ParserPage;

/// What the text layer reads and how.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct TextOptions {
    /// Fill `text_under` for markup annotations and carets.
    pub(crate) text_under: bool,
    /// Read every page's text (for the normalisers), not only the pages
    /// whose annotations want the text under them.
    pub(crate) every_page: bool,
    /// The share of a glyph's box that must lie under a quad.
    pub(crate) glyph_coverage: f64,
    /// Threads to read pages on; 0 for one per core.
    pub(crate) threads: usize,
    /// The bounds on reading one page, and the time limit.
    pub(crate) limits: Limits,
    /// Read scans without a text layer by OCR, and how.
    #[cfg(feature = "ocr")]
    pub(crate) ocr: Option<OcrOptions>,
}

/// A page as the text layer needs it.
#[derive(Debug, Clone)]
pub(crate) struct PageSource<'a> {
    /// The page dictionary; `None` for a page the page tree lists but that
    /// does not exist.
    pub(crate) dict: Option<std::sync::Arc<Dict<'a>>>,
    /// The page's crop box (its media box when it has none), the area
    /// whose cover by images is measured.
    pub(crate) crop_box: Option<Rect>,
}

/// The share of a page its images must cover, when it draws no text, for
/// it to be a scan without a text layer: more than half. A scan fills its
/// page, or nearly (a letter-size scan on A4); a photograph on a page of
/// its own without a caption fills less, and is not text anyway.
const SCAN_COVERAGE: f64 = 0.5;

/// Whether a page is a scan without a text layer: it draws no text, not
/// even invisible text, and images cover most of it.
fn lacks_text_layer(layer: &TextLayer) -> bool {
    !layer.draws_text
        && layer
            .image_coverage
            .is_some_and(|share| share > SCAN_COVERAGE)
}

/// A page read and laid out.
struct ReadPage {
    glyphs: Glyphs,
    layout: Layout,
    /// Built when an annotation first looks under its quads: most pages
    /// read for their text have none.
    index: std::cell::OnceCell<LineIndex>,
    defects: Vec<Defect>,
    timed_out: bool,
    layer: TextLayer,
}

fn read_page<'a>(
    dict: &Dict<'a>,
    crop_box: (Option<Rect>, Coverage),
    fonts: &FontCache<'a>,
    limits: &Limits,
    deadline: &Deadline,
    buffers: &mut Buffers,
) -> ReadPage {
    let PageGlyphs {
        glyphs,
        defects,
        timed_out,
        layer,
    } = extract::read_glyphs(
        (std::mem::take(&mut buffers.glyphs), &mut buffers.content),
        dict,
        fonts,
        crop_box,
        limits,
        deadline,
    );
    laid_out_with(glyphs, defects, timed_out, layer, &mut buffers.layout)
}

/// What reading pages one after another works in, kept from page to page
/// so that each page reuses the memory of the one before: what its content
/// is decoded in, the glyphs and the layout's working lists.
#[derive(Debug, Default)]
struct Buffers {
    content: WalkScratch,
    glyphs: Glyphs,
    layout: layout::Scratch,
}

fn laid_out(glyphs: Glyphs, defects: Vec<Defect>, timed_out: bool, layer: TextLayer) -> ReadPage {
    laid_out_with(
        glyphs,
        defects,
        timed_out,
        layer,
        &mut layout::Scratch::default(),
    )
}

fn laid_out_with(
    glyphs: Glyphs,
    defects: Vec<Defect>,
    timed_out: bool,
    layer: TextLayer,
    scratch: &mut layout::Scratch,
) -> ReadPage {
    let layout = layout::layout_with(&glyphs, scratch);
    let index = std::cell::OnceCell::new();
    ReadPage {
        glyphs,
        layout,
        index,
        defects,
        timed_out,
        layer,
    }
}

impl ReadPage {
    /// The index of the page's lines, for finding glyphs under an area.
    fn index(&self) -> &LineIndex {
        self.index
            .get_or_init(|| LineIndex::new(&self.glyphs, &self.layout))
    }
}

/// Reads the text of pages one after another, loading each font once.
pub(crate) struct PageReader<'a> {
    fonts: FontCache<'a>,
    limits: Limits,
    deadline: Deadline,
    /// The document and the OCR reader, when scans are read by OCR.
    #[cfg(feature = "ocr")]
    ocr: Option<(&'a Pdf, std::cell::RefCell<ocr::Reader<'a>>)>,
}

impl<'a> PageReader<'a> {
    /// A reader whose time limit starts now.
    pub(crate) fn new(limits: &Limits) -> Self {
        Self {
            fonts: FontCache::new(),
            limits: limits.clone(),
            deadline: Deadline::after(limits.time_per_file),
            #[cfg(feature = "ocr")]
            ocr: None,
        }
    }

    /// The same reader, reading the pages of `pdf` that are scans without
    /// a text layer by OCR.
    #[cfg(feature = "ocr")]
    pub(crate) fn with_ocr(self, pdf: &'a Pdf, options: &OcrOptions) -> Self {
        Self {
            ocr: Some((pdf, std::cell::RefCell::new(ocr::Reader::new(options)))),
            ..self
        }
    }

    /// A scanned page read by OCR, when this reader does OCR: the page as
    /// recognised, or `None` with a warning when it could not be.
    #[cfg(feature = "ocr")]
    fn recognised(
        &self,
        number: usize,
        dict: &Dict<'a>,
        warnings: &mut Warnings,
    ) -> Option<ReadPage> {
        let (pdf, reader) = self.ocr.as_ref()?;
        let Some(page) = dict.id().and_then(|id| pdf.parser_page(id)) else {
            warnings.push(
                Some(number),
                None,
                WarningKind::DamagedObject,
                "the page cannot be rendered (the parser did not find it in the page tree); it is not read by OCR",
            );
            return None;
        };
        let outcome = reader.borrow_mut().read(page, &self.limits);
        match outcome {
            Ok(ocr::Outcome::Read { glyphs, warnings }) => {
                Some(laid_out(glyphs, warnings, false, TextLayer::default()))
            }
            Ok(ocr::Outcome::Failed(defect)) => {
                warnings.push(Some(number), None, defect.kind, defect.message);
                None
            }
            Ok(ocr::Outcome::NotReached) => None,
            Err(error) => {
                warnings.push(
                    Some(number),
                    None,
                    WarningKind::UnsupportedFeature,
                    format!("{error}; the page is not read by OCR"),
                );
                None
            }
        }
    }

    /// The text of one page.
    pub(crate) fn read(&self, number: usize, page: &PageSource<'a>) -> PageText {
        let mut warnings = Warnings::default();
        let mut layer = TextLayer::default();
        #[cfg_attr(not(feature = "ocr"), allow(unused_mut))]
        let mut ocr = false;
        let lines = match &page.dict {
            _ if self.deadline.expired() => {
                warnings.time_limit(
                    number,
                    self.limits.time_per_file,
                    "the page's text is not read",
                );
                Vec::new()
            }
            Some(dict) => {
                let read = read_page(
                    dict,
                    (page.crop_box, Coverage::Always),
                    &self.fonts,
                    &self.limits,
                    &self.deadline,
                    &mut Buffers::default(),
                );
                report(number, &read, &mut warnings);
                layer = read.layer;
                #[cfg(feature = "ocr")]
                let read = match lacks_text_layer(&layer)
                    .then(|| self.recognised(number, dict, &mut warnings))
                    .flatten()
                {
                    Some(recognised) => {
                        report(number, &recognised, &mut warnings);
                        ocr = true;
                        recognised
                    }
                    None => read,
                };
                page_text::lines(&read.glyphs, &read.layout)
            }
            None => {
                warnings.push(
                    Some(number),
                    None,
                    WarningKind::DamagedObject,
                    "the page tree lists this page but its object is missing or unreadable; it has no text",
                );
                Vec::new()
            }
        };
        PageText {
            page: number,
            lines,
            draws_text: layer.draws_text,
            image_coverage: layer.image_coverage.unwrap_or_default(),
            ocr,
            warnings: warnings.into_vec(),
        }
    }
}

fn report(number: usize, read: &ReadPage, warnings: &mut Warnings) {
    for defect in &read.defects {
        warnings.push(Some(number), None, defect.kind, defect.message.clone());
    }
    if read.timed_out {
        warnings.push(
            Some(number),
            None,
            WarningKind::TimeLimit,
            "time limit reached while reading the page's text; the rest of the page is not read",
        );
    }
}

/// Whether an annotation of this subtype gets `text_under`.
fn wants_text(subtype: &Subtype) -> bool {
    matches!(
        subtype,
        Subtype::Highlight
            | Subtype::Underline
            | Subtype::StrikeOut
            | Subtype::Squiggly
            | Subtype::Caret
    )
}

/// Fills [`Annotation::text_under`] for the markup annotations and carets
/// (when [`TextOptions::text_under`] is on), reading each page that has one
/// once; with [`TextOptions::every_page`], reads every page and returns the
/// plain text of each, for the printed summaries and stamps the text may
/// hold. No page is read twice.
///
/// When no page text lies under an annotation, the text drawn there by the
/// appearances of the page's annotations is used: a highlight over a text
/// box marks the box's text, which is what the reader sees under it.
///
/// Pages are read on [`TextOptions::threads`] threads when there are enough of
/// them; the results and warnings are applied in page order, so the output
/// does not depend on the number of threads.
///
/// A page read that is a scan without a text layer is read by OCR when
/// [`TextOptions::ocr`] asks for it (feature `ocr`; `pdf` is the document
/// it is rendered from); the pages that stay without text are named in
/// one warning of kind `no_text_layer`.
pub(crate) fn read_pages<'a>(
    #[cfg_attr(not(feature = "ocr"), allow(unused_variables))] pdf: &'a Pdf,
    pages: &[PageSource<'a>],
    annotations: &mut [Annotation],
    options: &TextOptions,
    deadline: &Deadline,
    warnings: &mut Warnings,
) -> PagesRead {
    let work = pages_to_read(
        annotations,
        pages.len(),
        options.every_page,
        options.text_under,
    );
    let mut read = PagesRead::default();
    let threads = thread_count(options.threads, work.len());
    #[cfg_attr(not(feature = "ocr"), allow(unused_mut))]
    let mut results: Vec<Option<PageResult>> = if threads <= 1 {
        let fonts = FontCache::new();
        let shared: &[Annotation] = annotations;
        let mut results = Vec::with_capacity(work.len());
        let mut buffers = Buffers::default();
        for item in &work {
            if deadline.expired() {
                break;
            }
            results.push(Some(read_texts(
                pages,
                shared,
                item,
                options,
                deadline,
                &fonts,
                &mut buffers,
            )));
        }
        results
    } else {
        read_in_parallel(pages, annotations, &work, options, deadline, threads)
    };
    #[cfg(feature = "ocr")]
    if let Some(ocr) = &options.ocr {
        let scans = Scans {
            pdf,
            pages,
            annotations,
            work: &work,
        };
        read_scans(&scans, &mut results, ocr, options, deadline);
    }
    for (item, result) in work
        .iter()
        .zip(results.into_iter().chain(std::iter::repeat_with(|| None)))
    {
        let Some(result) = result else {
            warnings.time_limit(
                item.page,
                options.limits.time_per_file,
                format_args!("the text of pages from page {} on is not read", item.page),
            );
            break;
        };
        if let Some(plain) = result.plain {
            if result.ocr {
                read.texts.push_recognised(item.page, plain);
            } else {
                read.texts.push(item.page, plain);
            }
        }
        if result.ocr {
            read.read_by_ocr.push(item.page);
        } else if lacks_text_layer(&result.layer) {
            read.without_text_layer.push(item.page);
        }
        warnings.extend(result.warnings, result.cut_short);
        for (index, text) in result.texts {
            if let Some(annotation) = annotations.get_mut(index) {
                annotation.text_under = text;
            }
        }
    }
    if !read.without_text_layer.is_empty() {
        #[cfg(feature = "ocr")]
        let asked = options.ocr.is_some();
        #[cfg(not(feature = "ocr"))]
        let asked = false;
        warnings.push(
            None,
            None,
            WarningKind::NoTextLayer,
            no_text_layer_message(&read.without_text_layer, asked),
        );
    }
    read
}

/// The text of the pages read, and what was learned of their text layers.
#[derive(Debug, Default)]
pub(crate) struct PagesRead {
    /// The plain text of the pages whose text was asked for, in order.
    pub(crate) texts: Pages<'static>,
    /// The pages read that are scans without a text layer and were not
    /// read by OCR, in order.
    pub(crate) without_text_layer: Vec<usize>,
    /// The pages whose text was read by OCR, in order.
    pub(crate) read_by_ocr: Vec<usize>,
}

/// The warning for scanned pages left without text: "pages 3–7 and 12 have
/// no text layer; --ocr reads them".
fn no_text_layer_message(pages: &[usize], ocr_asked: bool) -> String {
    let (list, verb, them) = match pages {
        [page] => (format!("page {page}"), "has", "it"),
        _ => (format!("pages {}", page_ranges(pages)), "have", "them"),
    };
    if ocr_asked {
        format!("{list} {verb} no text layer and could not be read by OCR")
    } else {
        format!("{list} {verb} no text layer; --ocr reads {them}")
    }
}

/// Page numbers in ascending order as ranges: "3–7, 9 and 12".
fn page_ranges(pages: &[usize]) -> String {
    let mut ranges: Vec<(usize, usize)> = Vec::new();
    for &page in pages {
        match ranges.last_mut() {
            Some((_, end)) if *end + 1 == page => *end = page,
            _ => ranges.push((page, page)),
        }
    }
    let parts: Vec<String> = ranges
        .iter()
        .flat_map(|&(start, end)| match end - start {
            0 => vec![start.to_string()],
            1 => vec![start.to_string(), end.to_string()],
            _ => vec![format!("{start}\u{2013}{end}")],
        })
        .collect();
    match parts.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} and {last}", rest.join(", ")),
        Some((last, _)) => last.clone(),
        None => String::new(),
    }
}

/// A page to read: its number, its annotations' positions, and whether its
/// plain text is wanted.
struct PageWork {
    page: usize,
    annotations: std::ops::Range<usize>,
    keep_text: bool,
}

/// The texts found on one page, by annotation position, the page's plain
/// text when wanted, and the warnings.
struct PageResult {
    texts: Vec<(usize, Option<String>)>,
    plain: Option<String>,
    warnings: Vec<Warning>,
    /// A warning of the page cut its reading short.
    cut_short: bool,
    layer: TextLayer,
    /// The text was read by OCR.
    ocr: bool,
}

/// The pages to read, in order: every page with `every_page`, else those
/// with an annotation that wants its text (none when `text_under` is off).
fn pages_to_read(
    annotations: &[Annotation],
    page_count: usize,
    every_page: bool,
    text_under: bool,
) -> Vec<PageWork> {
    if every_page {
        let mut start = 0;
        return (1..=page_count)
            .map(|page| {
                let count = annotations
                    .get(start..)
                    .unwrap_or_default()
                    .iter()
                    .take_while(|a| a.page == page)
                    .count();
                let range = start..start + count;
                start += count;
                PageWork {
                    page,
                    annotations: if text_under { range } else { start..start },
                    keep_text: true,
                }
            })
            .collect();
    }
    if !text_under {
        return Vec::new();
    }
    let mut work = Vec::new();
    let mut start = 0;
    while start < annotations.len() {
        let page = annotations.get(start).map_or(0, |a| a.page);
        let end = start
            + annotations
                .get(start..)
                .unwrap_or_default()
                .iter()
                .take_while(|a| a.page == page)
                .count();
        let range = start..end.max(start + 1);
        start = range.end;
        if annotations
            .get(range.clone())
            .unwrap_or_default()
            .iter()
            .any(|a| wants_text(&a.subtype))
        {
            work.push(PageWork {
                page,
                annotations: range,
                keep_text: false,
            });
        }
    }
    work
}

/// Fewest pages per thread worth starting a thread for (each thread loads
/// the document's fonts anew).
const PAGES_PER_THREAD: usize = 8;

fn thread_count(asked: usize, pages: usize) -> usize {
    let available = if asked == 0 {
        std::thread::available_parallelism().map_or(1, std::num::NonZeroUsize::get)
    } else {
        asked
    };
    available.min(pages / PAGES_PER_THREAD).max(1)
}

/// Reads pages on `threads` scoped threads, each taking the next page not
/// yet taken; a page not read before the time ran out is `None`.
fn read_in_parallel(
    pages: &[PageSource<'_>],
    annotations: &[Annotation],
    work: &[PageWork],
    options: &TextOptions,
    deadline: &Deadline,
    threads: usize,
) -> Vec<Option<PageResult>> {
    use std::sync::atomic::{AtomicUsize, Ordering};
    let next = AtomicUsize::new(0);
    let mut results: Vec<Option<PageResult>> =
        std::iter::repeat_with(|| None).take(work.len()).collect();
    let finished: Vec<Vec<(usize, PageResult)>> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..threads)
            .map(|_| {
                scope.spawn(|| {
                    let fonts = FontCache::new();
                    let mut done = Vec::new();
                    let mut buffers = Buffers::default();
                    loop {
                        let index = next.fetch_add(1, Ordering::Relaxed);
                        let Some(item) = work.get(index) else { break };
                        if deadline.expired() {
                            break;
                        }
                        let read = read_texts(
                            pages,
                            annotations,
                            item,
                            options,
                            deadline,
                            &fonts,
                            &mut buffers,
                        );
                        done.push((index, read));
                    }
                    done
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|handle| handle.join().unwrap_or_default())
            .collect()
    });
    for (index, result) in finished.into_iter().flatten() {
        if let Some(slot) = results.get_mut(index) {
            *slot = Some(result);
        }
    }
    // Pages after the first one left unread are reported as not read, so
    // that the outcome is the same whichever thread stopped first.
    if let Some(first_gap) = results.iter().position(Option::is_none) {
        results.truncate(first_gap);
    }
    results
}

/// Reads one page and the text under each of its annotations. `buffers`
/// hold the glyphs and the layout's working lists while the page is read,
/// and are left for the next page.
fn read_texts<'a>(
    pages: &[PageSource<'a>],
    annotations: &[Annotation],
    item: &PageWork,
    options: &TextOptions,
    deadline: &Deadline,
    fonts: &FontCache<'a>,
    buffers: &mut Buffers,
) -> PageResult {
    let Some((dict, crop_box)) = item
        .page
        .checked_sub(1)
        .and_then(|i| pages.get(i))
        .and_then(|p| p.dict.as_ref().map(|d| (d, p.crop_box)))
    else {
        return PageResult {
            texts: Vec::new(),
            plain: item.keep_text.then(String::new),
            warnings: Vec::new(),
            cut_short: false,
            layer: TextLayer::default(),
            ocr: false,
        };
    };
    let read = read_page(
        dict,
        (crop_box, Coverage::WithoutText),
        fonts,
        &options.limits,
        deadline,
        buffers,
    );
    let context = Context {
        annotations,
        options,
        deadline,
        fonts,
    };
    let result = texts_of_page(&context, dict, &read, item);
    buffers.glyphs = read.glyphs;
    result
}

/// What finding the texts of a page read takes: the same for every page of
/// a document.
struct Context<'r, 'a> {
    annotations: &'r [Annotation],
    options: &'r TextOptions,
    deadline: &'r Deadline,
    fonts: &'r FontCache<'a>,
}

/// The page's plain text (when wanted) and the text under each of its
/// annotations, from the page as read.
fn texts_of_page<'a>(
    context: &Context<'_, 'a>,
    dict: &Dict<'a>,
    read: &ReadPage,
    item: &PageWork,
) -> PageResult {
    let Context {
        annotations,
        options,
        deadline,
        fonts,
    } = *context;
    let mut warnings = Warnings::default();
    let mut texts = Vec::new();
    let page = item.page;
    let on_page = annotations
        .get(item.annotations.clone())
        .unwrap_or_default();
    report(page, read, &mut warnings);
    let plain = item
        .keep_text
        .then(|| page_text::plain_text(&read.glyphs, &read.layout));
    for (offset, annotation) in on_page.iter().enumerate() {
        if !wants_text(&annotation.subtype) {
            continue;
        }
        // Many annotations over many glyphs: the clock is read for each.
        if deadline.expired() {
            warnings.time_limit(
                page,
                options.limits.time_per_file,
                "the text under the page's remaining annotations is not read",
            );
            break;
        }
        let text = text_of(annotation, read, options, &mut warnings);
        texts.push((item.annotations.start + offset, text));
    }
    let nothing_under = texts.iter().any(|(_, t)| t.as_deref() == Some(""));
    if nothing_under {
        let glyphs = extract::read_annotation_glyphs(dict, fonts, &options.limits, deadline);
        let appearances = laid_out(glyphs, Vec::new(), false, TextLayer::default());
        for (index, text) in &mut texts {
            if text.as_deref() != Some("") {
                continue;
            }
            if let Some(annotation) = annotations.get(*index) {
                let mut ignored = Warnings::default();
                *text = text_of(annotation, &appearances, options, &mut ignored);
            }
        }
    }
    PageResult {
        texts,
        plain,
        cut_short: warnings.cut_short(),
        warnings: warnings.into_vec(),
        layer: read.layer,
        ocr: false,
    }
}

/// The pages of a document as reading them by OCR needs them: the
/// document they are rendered from, its pages and annotations, and the
/// pages read.
#[cfg(feature = "ocr")]
struct Scans<'r, 'a> {
    pdf: &'a Pdf,
    pages: &'r [PageSource<'a>],
    annotations: &'r [Annotation],
    work: &'r [PageWork],
}

/// Reads by OCR the pages read so far that are scans without a text layer,
/// and puts what it recognised in place of their (empty) results.
#[cfg(feature = "ocr")]
fn read_scans(
    scans: &Scans<'_, '_>,
    results: &mut [Option<PageResult>],
    ocr: &OcrOptions,
    options: &TextOptions,
    deadline: &Deadline,
) {
    let Scans {
        pdf,
        pages,
        annotations,
        work,
    } = *scans;
    let mut found: Vec<(usize, &PageWork, std::sync::Arc<Dict<'_>>, &ParserPage<'_>)> = Vec::new();
    for (index, (item, result)) in work.iter().zip(results.iter_mut()).enumerate() {
        let Some(result) = result.as_mut().filter(|r| lacks_text_layer(&r.layer)) else {
            continue;
        };
        let dict = item
            .page
            .checked_sub(1)
            .and_then(|i| pages.get(i))
            .and_then(|p| p.dict.clone());
        match dict.and_then(|d| d.id().and_then(|id| pdf.parser_page(id)).map(|p| (d, p))) {
            Some((dict, page)) => found.push((index, item, dict, page)),
            None => result.warnings.push(Warning::new(
                Some(item.page),
                None,
                WarningKind::DamagedObject,
                "the page cannot be rendered (the parser did not find it in the page tree); it is not read by OCR",
            )),
        }
    }
    if found.is_empty() {
        return;
    }
    let targets: Vec<&ParserPage<'_>> = found.iter().map(|s| s.3).collect();
    let outcomes = match ocr::recognise(&targets, ocr, &options.limits, deadline, options.threads) {
        Ok(outcomes) => outcomes,
        Err(error) => {
            let numbers: Vec<usize> = found.iter().map(|s| s.1.page).collect();
            if let Some(Some(first)) = found.first().and_then(|s| results.get_mut(s.0)) {
                first.warnings.push(Warning::new(
                    None,
                    None,
                    WarningKind::UnsupportedFeature,
                    format!(
                        "{error}; pages {} are not read by OCR",
                        page_ranges(&numbers)
                    ),
                ));
            }
            return;
        }
    };
    let fonts = FontCache::new();
    let context = Context {
        annotations,
        options,
        deadline,
        fonts: &fonts,
    };
    for ((index, item, dict, _), outcome) in found.iter().zip(outcomes) {
        let Some(Some(result)) = results.get_mut(*index) else {
            continue;
        };
        match outcome {
            ocr::Outcome::Read { glyphs, warnings } => {
                let read = laid_out(glyphs, warnings, false, result.layer);
                let mut recognised = texts_of_page(&context, dict, &read, item);
                let mut all = std::mem::take(&mut result.warnings);
                all.append(&mut recognised.warnings);
                recognised.warnings = all;
                recognised.cut_short |= result.cut_short;
                recognised.ocr = true;
                *result = recognised;
            }
            ocr::Outcome::Failed(defect) => {
                result.warnings.push(Warning::new(
                    Some(item.page),
                    None,
                    defect.kind,
                    defect.message,
                ));
            }
            ocr::Outcome::NotReached => {
                result.cut_short = true;
                result.warnings.push(Warning::new(
                    Some(item.page),
                    None,
                    WarningKind::TimeLimit,
                    format!(
                        "time limit of {:?} reached before OCR read the page",
                        options.limits.time_per_file
                    ),
                ));
            }
        }
    }
}

/// The text under one annotation, or `None` when it has no area to look
/// under.
fn text_of(
    annotation: &Annotation,
    read: &ReadPage,
    options: &TextOptions,
    warnings: &mut Warnings,
) -> Option<String> {
    #[allow(clippy::cast_possible_truncation)]
    let threshold = options.glyph_coverage as f32;
    if annotation.subtype == Subtype::Caret {
        let area = annotation.rect.and_then(|r| rect_area(&r))?;
        return Some(under::words_at(
            &read.glyphs,
            &read.layout,
            read.index(),
            &area,
        ));
    }
    let areas: Vec<Area> = annotation
        .quads
        .as_deref()
        .unwrap_or_default()
        .iter()
        .filter_map(quad_area)
        .collect();
    let areas = if areas.is_empty() {
        let fallback = annotation.rect.and_then(|r| rect_area(&r))?;
        warnings.push(
            Some(annotation.page),
            Some(annotation.reference.to_string()),
            WarningKind::DecodingFallback,
            "no usable /QuadPoints; the text under /Rect is given instead",
        );
        vec![fallback]
    } else {
        areas
    };
    let complete_words = annotation.subtype != Subtype::StrikeOut;
    Some(under::text_under(
        &read.glyphs,
        &read.layout,
        read.index(),
        &areas,
        threshold,
        complete_words,
    ))
}

#[allow(clippy::cast_possible_truncation)]
fn quad_area(quad: &Quad) -> Option<Area> {
    let [x1, y1, x2, y2, x3, y3, x4, y4] = quad.0.map(|v| v as f32);
    Area::from_corners([[x1, y1], [x2, y2], [x3, y3], [x4, y4]])
}

#[allow(clippy::cast_possible_truncation)]
fn rect_area(rect: &Rect) -> Option<Area> {
    let [x0, y0, x1, y1] = rect.to_array().map(|v| v as f32);
    Area::from_corners([[x0, y0], [x1, y0], [x1, y1], [x0, y1]])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_ranges_read_as_a_person_writes_them() {
        assert_eq!(page_ranges(&[3]), "3");
        assert_eq!(page_ranges(&[1, 2]), "1 and 2");
        assert_eq!(page_ranges(&[3, 4, 5, 6, 7, 12]), "3\u{2013}7 and 12");
        assert_eq!(
            page_ranges(&[1, 3, 4, 9, 10, 11]),
            "1, 3, 4 and 9\u{2013}11"
        );
    }

    #[test]
    fn no_text_layer_warning() {
        assert_eq!(
            no_text_layer_message(&[3, 4, 5, 6, 7, 12], false),
            "pages 3\u{2013}7 and 12 have no text layer; --ocr reads them"
        );
        assert_eq!(
            no_text_layer_message(&[2], false),
            "page 2 has no text layer; --ocr reads it"
        );
        assert_eq!(
            no_text_layer_message(&[2], true),
            "page 2 has no text layer and could not be read by OCR"
        );
    }

    #[test]
    fn a_scan_draws_no_text_over_most_of_the_page() {
        let layer = |draws_text, image_coverage| TextLayer {
            draws_text,
            image_coverage: Some(image_coverage),
        };
        assert!(lacks_text_layer(&layer(false, 1.0)));
        assert!(lacks_text_layer(&layer(false, 0.8)));
        assert!(!lacks_text_layer(&layer(true, 1.0)), "an OCR text layer");
        assert!(!lacks_text_layer(&layer(false, 0.3)), "a picture on a page");
        assert!(!lacks_text_layer(&layer(false, 0.0)), "an empty page");
    }
}
