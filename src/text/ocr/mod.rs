//! OCR of scanned pages without a text layer (feature `ocr`).
//!
//! A page whose content draws no text but whose images cover most of it is
//! a scan. With OCR asked for ([`OcrOptions`]), such a page is rendered
//! ([`render`], with hayro) at 300 dpi, or at less to stay within
//! [`Limits::max_ocr_pixels`], and read by Tesseract ([`engine`]). The
//! words it recognises ([`hocr`]) are placed as glyphs in default user
//! space ([`place`]), each with its confidence, and from there the page is
//! read as any other: layout, printed summaries, stamps, the text under
//! highlights.
//!
//! Pages are read on several threads, one Tesseract instance each, the
//! next page going to the first thread free. A page that cannot be
//! rendered or recognised is a warning and the others are read; the time
//! limit is looked at before each page (a page begun is finished).

mod engine;
mod hocr;
mod place;
mod render;

use std::sync::atomic::{AtomicUsize, Ordering};

use crate::diagnostics::{Defect, WarningKind};
use crate::limits::{Deadline, Limits};
use crate::pdf::ParserPage;
use crate::text::glyph::Glyphs;
use engine::Engine;
use render::Renderer;

/// How pages without a text layer are read by OCR (feature `ocr`).
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct OcrOptions {
    /// The languages Tesseract reads, as Tesseract names them, joined by
    /// `+`, the main one first: `nld+eng` by default. Each needs its data
    /// installed (Debian: `tesseract-ocr-nld`, `tesseract-ocr-eng`).
    pub languages: String,
}

impl Default for OcrOptions {
    fn default() -> Self {
        Self {
            languages: "nld+eng".to_owned(),
        }
    }
}

impl OcrOptions {
    /// OCR in the given languages (`"nld+eng"`, `"deu"`).
    pub fn with_languages(languages: impl Into<String>) -> Self {
        Self {
            languages: languages.into(),
        }
    }

    /// Starts Tesseract once with these languages, to learn before a batch
    /// whether OCR can run at all: without the language data every scanned
    /// page would come back with the same warning.
    pub fn check(&self) -> Result<(), OcrError> {
        Engine::start(&self.languages).map(drop)
    }
}

/// Why OCR cannot run.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum OcrError {
    /// The language list is not of Tesseract's form.
    #[error(
        "{languages:?} is not a list of Tesseract languages (names joined by '+', as in nld+eng)"
    )]
    Languages {
        /// The list given.
        languages: String,
    },
    /// Tesseract did not start with these languages: their data is not
    /// installed, or not where Tesseract looks.
    #[error(
        "Tesseract could not load the languages {languages}; install their data ({}) or point TESSDATA_PREFIX to it",
        packages(languages)
    )]
    Start {
        /// The list given.
        languages: String,
    },
}

/// The Debian packages that hold the data of some languages.
fn packages(languages: &str) -> String {
    languages
        .split('+')
        .map(|name| format!("tesseract-ocr-{}", name.to_lowercase().replace('_', "-")))
        .collect::<Vec<_>>()
        .join(", ")
}

/// What OCR made of one page.
#[derive(Debug)]
pub(crate) enum Outcome {
    /// The glyphs recognised, and what went wrong on the way.
    Read {
        glyphs: Glyphs,
        warnings: Vec<Defect>,
    },
    /// The page could not be read: why.
    Failed(Defect),
    /// The time limit ran out before the page was begun.
    NotReached,
}

/// Reads pages by OCR one at a time: one Tesseract instance, started for
/// the first page, and one renderer whose caches serve every page.
pub(crate) struct Reader<'a> {
    languages: String,
    engine: Option<Engine>,
    renderer: Renderer<'a>,
}

impl<'a> Reader<'a> {
    pub(crate) fn new(options: &OcrOptions) -> Self {
        Self {
            languages: options.languages.clone(),
            engine: None,
            renderer: Renderer::new(),
        }
    }

    /// Renders and recognises one page; `Err` when Tesseract does not
    /// start.
    pub(crate) fn read(
        &mut self,
        page: &'a ParserPage<'a>,
        limits: &Limits,
    ) -> Result<Outcome, OcrError> {
        let engine = match &mut self.engine {
            Some(engine) => engine,
            None => self.engine.insert(Engine::start(&self.languages)?),
        };
        let rendered = match self.renderer.render(page, limits.max_ocr_pixels) {
            Ok(rendered) => rendered,
            Err(error) => {
                let kind = match error {
                    render::RenderError::TooLarge { .. } => WarningKind::LimitReached,
                    render::RenderError::Failed => WarningKind::DamagedObject,
                };
                return Ok(Outcome::Failed(Defect::new(
                    kind,
                    format!("{error}; the page is not read by OCR"),
                )));
            }
        };
        let mut warnings = Vec::new();
        if rendered.lost_images > 0 {
            warnings.push(Defect::new(
                WarningKind::UnsupportedFeature,
                format!(
                    "{} images could not be decoded; OCR read the page without them",
                    rendered.lost_images
                ),
            ));
        }
        let hocr = match engine.recognise(&rendered.raster) {
            Ok(hocr) => hocr,
            Err(error) => {
                return Ok(Outcome::Failed(Defect::new(
                    WarningKind::UnsupportedFeature,
                    format!("{error}; the page is not read by OCR"),
                )));
            }
        };
        let to_user = rendered.raster.to_user;
        drop(rendered);
        let lines = hocr::lines(&hocr);
        let (glyphs, cut) = place::glyphs(&lines, &to_user, limits.max_glyphs_per_page);
        if cut {
            warnings.push(Defect::new(
                WarningKind::LimitReached,
                format!(
                    "OCR recognised more than {} glyphs on the page; the rest are not read",
                    limits.max_glyphs_per_page
                ),
            ));
        }
        Ok(Outcome::Read { glyphs, warnings })
    }
}

/// Reads pages by OCR on up to `threads` threads (0: one per core), one
/// outcome per page in order. `Err` when Tesseract does not start at all.
pub(crate) fn recognise<'a>(
    pages: &[&'a ParserPage<'a>],
    options: &OcrOptions,
    limits: &Limits,
    deadline: &Deadline,
    threads: usize,
) -> Result<Vec<Outcome>, OcrError> {
    let threads = if threads == 0 {
        std::thread::available_parallelism().map_or(1, std::num::NonZeroUsize::get)
    } else {
        threads
    }
    .min(pages.len())
    .max(1);
    let next = AtomicUsize::new(0);
    let finished: Vec<Result<Vec<(usize, Outcome)>, OcrError>> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..threads)
            .map(|_| scope.spawn(|| read_some(pages, &next, options, limits, deadline)))
            .collect();
        handles
            .into_iter()
            .map(|handle| handle.join().unwrap_or_else(|_| Ok(Vec::new())))
            .collect()
    });
    let mut outcomes: Vec<Outcome> = std::iter::repeat_with(|| Outcome::NotReached)
        .take(pages.len())
        .collect();
    let mut error = None;
    let mut started = false;
    for thread in finished {
        match thread {
            Ok(done) => {
                started = true;
                for (index, outcome) in done {
                    if let Some(slot) = outcomes.get_mut(index) {
                        *slot = outcome;
                    }
                }
            }
            Err(e) => error = Some(e),
        }
    }
    match error {
        Some(e) if !started => Err(e),
        _ => Ok(outcomes),
    }
}

/// One thread's share: pages taken one at a time until none is left or
/// the time is up. A thread whose Tesseract does not start leaves the
/// pages to the others.
fn read_some<'a>(
    pages: &[&'a ParserPage<'a>],
    next: &AtomicUsize,
    options: &OcrOptions,
    limits: &Limits,
    deadline: &Deadline,
) -> Result<Vec<(usize, Outcome)>, OcrError> {
    let mut reader = Reader::new(options);
    // Started before a page is taken, so that a failure takes none.
    reader.engine = Some(Engine::start(&options.languages)?);
    let mut done = Vec::new();
    loop {
        let index = next.fetch_add(1, Ordering::Relaxed);
        let Some(page) = pages.get(index) else { break };
        if deadline.expired() {
            break;
        }
        done.push((index, reader.read(page, limits)?));
    }
    Ok(done)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn packages_named_as_debian_names_them() {
        assert_eq!(packages("nld+eng"), "tesseract-ocr-nld, tesseract-ocr-eng");
        assert_eq!(packages("chi_sim"), "tesseract-ocr-chi-sim");
    }
}
