//! Reading the text of a PDF's pages (feature `text`): each page's
//! glyphs read from its content, laid out, and the text under markup
//! annotations.

use crate::annotation::{Annotation, Subtype};
use crate::diagnostics::{Defect, Warning, WarningKind, Warnings};
use crate::limits::{Deadline, Limits};
use crate::pdf::Dict;
use crate::pdf::geometry::{Quad, Rect};

use super::coverage::Area;
use super::extract::{self, PageGlyphs, TextLayer};
use super::glyph::Glyphs;
use super::layout::{self, Layout};
use super::page_text::{self, PageText};
use super::pages::Pages;
use super::under::{self, LineIndex};
use crate::pdf::font::Fonts as FontCache;

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
}

/// A page as the text layer needs it.
#[derive(Debug, Clone)]
pub(crate) struct PageSource<'a> {
    /// The page dictionary; `None` for a page the page tree lists but that
    /// does not exist.
    pub(crate) dict: Option<Dict<'a>>,
    /// The page's crop box (its media box when it has none), the area
    /// whose cover by images is measured.
    pub(crate) crop_box: Option<Rect>,
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
    crop_box: Option<Rect>,
    fonts: &FontCache<'a>,
    limits: &Limits,
    deadline: &Deadline,
) -> ReadPage {
    let PageGlyphs {
        glyphs,
        defects,
        timed_out,
        layer,
    } = extract::read_glyphs(dict, fonts, crop_box, limits, deadline);
    laid_out(glyphs, defects, timed_out, layer)
}

fn laid_out(glyphs: Glyphs, defects: Vec<Defect>, timed_out: bool, layer: TextLayer) -> ReadPage {
    let layout = layout::layout(&glyphs);
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
}

impl<'a> PageReader<'a> {
    /// A reader whose time limit starts now.
    pub(crate) fn new(limits: &Limits) -> Self {
        Self {
            fonts: FontCache::new(),
            limits: limits.clone(),
            deadline: Deadline::after(limits.time_per_file),
        }
    }

    /// The text of one page.
    pub(crate) fn read(&self, number: usize, page: &PageSource<'a>) -> PageText {
        let mut warnings = Warnings::default();
        let mut layer = TextLayer::default();
        let lines = match &page.dict {
            _ if self.deadline.expired() => {
                warnings.push(
                    Some(number),
                    None,
                    WarningKind::TimeLimit,
                    format!(
                        "time limit of {:?} reached; the page's text is not read",
                        self.limits.time_per_file
                    ),
                );
                Vec::new()
            }
            Some(dict) => {
                let read = read_page(
                    dict,
                    page.crop_box,
                    &self.fonts,
                    &self.limits,
                    &self.deadline,
                );
                report(number, &read, &mut warnings);
                layer = read.layer;
                page_text::lines(&read.glyphs, &read.layout)
            }
            None => {
                warnings.push(
                    Some(number),
                    None,
                    WarningKind::DamagedObject,
                    "the page tree lists this page but its object does not exist; it has no text",
                );
                Vec::new()
            }
        };
        PageText {
            page: number,
            lines,
            draws_text: layer.draws_text,
            image_coverage: layer.image_coverage,
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
pub(crate) fn read_pages(
    pages: &[PageSource<'_>],
    annotations: &mut [Annotation],
    options: &TextOptions,
    deadline: &Deadline,
    warnings: &mut Warnings,
) -> Pages<'static> {
    let work = pages_to_read(
        annotations,
        pages.len(),
        options.every_page,
        options.text_under,
    );
    let mut plain_texts = Pages::default();
    let threads = thread_count(options.threads, work.len());
    let results: Vec<Option<PageResult>> = if threads <= 1 {
        let fonts = FontCache::new();
        let shared: &[Annotation] = annotations;
        let mut results = Vec::with_capacity(work.len());
        for item in &work {
            if deadline.expired() {
                break;
            }
            results.push(Some(read_texts(
                pages, shared, item, options, deadline, &fonts,
            )));
        }
        results
    } else {
        read_in_parallel(pages, annotations, &work, options, deadline, threads)
    };
    for (item, result) in work
        .iter()
        .zip(results.into_iter().chain(std::iter::repeat_with(|| None)))
    {
        let Some(result) = result else {
            warnings.push(
                Some(item.page),
                None,
                WarningKind::TimeLimit,
                format!(
                    "time limit of {:?} reached; the text of pages from page {} on is not read",
                    options.limits.time_per_file, item.page
                ),
            );
            return plain_texts;
        };
        if let Some(plain) = result.plain {
            plain_texts.push(item.page, plain);
        }
        warnings.extend(result.warnings, result.cut_short);
        for (index, text) in result.texts {
            if let Some(annotation) = annotations.get_mut(index) {
                annotation.text_under = text;
            }
        }
    }
    plain_texts
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
                    loop {
                        let index = next.fetch_add(1, Ordering::Relaxed);
                        let Some(item) = work.get(index) else { break };
                        if deadline.expired() {
                            break;
                        }
                        done.push((
                            index,
                            read_texts(pages, annotations, item, options, deadline, &fonts),
                        ));
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

/// Reads one page and the text under each of its annotations.
fn read_texts<'a>(
    pages: &[PageSource<'a>],
    annotations: &[Annotation],
    item: &PageWork,
    options: &TextOptions,
    deadline: &Deadline,
    fonts: &FontCache<'a>,
) -> PageResult {
    let mut warnings = Warnings::default();
    let mut texts = Vec::new();
    let page = item.page;
    let on_page = annotations
        .get(item.annotations.clone())
        .unwrap_or_default();
    let Some((dict, crop_box)) = page
        .checked_sub(1)
        .and_then(|i| pages.get(i))
        .and_then(|p| p.dict.as_ref().map(|d| (d, p.crop_box)))
    else {
        return PageResult {
            texts,
            plain: item.keep_text.then(String::new),
            warnings: Vec::new(),
            cut_short: false,
        };
    };
    let read = read_page(dict, crop_box, fonts, &options.limits, deadline);
    report(page, &read, &mut warnings);
    let plain = item
        .keep_text
        .then(|| page_text::plain_text(&read.glyphs, &read.layout));
    for (offset, annotation) in on_page.iter().enumerate() {
        if !wants_text(&annotation.subtype) {
            continue;
        }
        // Many annotations over many glyphs: the clock is read for each.
        if deadline.expired() {
            warnings.push(
                Some(page),
                None,
                WarningKind::TimeLimit,
                format!(
                    "time limit of {:?} reached; the text under the page's remaining annotations is not read",
                    options.limits.time_per_file
                ));
            break;
        }
        let text = text_of(annotation, &read, options, &mut warnings);
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
