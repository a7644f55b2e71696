//! What to read and the bounds on how much of it: the front door's
//! options, split on the way in into what each layer uses.

use crate::annotation::Include;
use crate::decision::Vocabulary;
use crate::limits::{Limits, with_setters};
use crate::normalise::Normalisers;
use crate::summary::SummaryLocale;

/// How to read a document: the front door's options, each with a `with_*`
/// setter.
///
/// ```
/// use std::time::Duration;
/// use kantlijn::{Limits, Options};
///
/// let options = Options::default()
///     .with_include_links(true)
///     .with_threads(1)
///     .with_limits(Limits::default().with_time_per_file(Duration::from_secs(5)));
/// let report = kantlijn::extract("fixtures/beslisnota.pdf", &options)?;
/// assert!(report.complete);
/// assert_eq!(report.skipped.links, 0); // links are listed, not counted
/// # Ok::<(), kantlijn::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Options {
    /// The user (or owner) password of an encrypted document. Documents
    /// encrypted with an empty user password open without one, and with
    /// any other: the password is tried, then the empty one.
    pub password: Option<String>,
    /// List `/Link` annotations (off by default: they are navigation, not
    /// comments). When off they are counted in the report's `skipped`.
    pub include_links: bool,
    /// List `/Widget` annotations (form fields; off by default). When off they
    /// are counted in the report's `skipped`.
    pub include_widgets: bool,
    /// Fill [`Annotation::text_under`](crate::Annotation::text_under) for
    /// highlights, underlines, strike-outs, squiggly underlines and carets
    /// (on by default; needs the `text` feature). Each page with such an
    /// annotation has its content read once; turn this off when only the
    /// annotations themselves are wanted and speed matters.
    pub text_under: bool,
    /// Read every page's text for comments that survive only as text:
    /// Acrobat's printed comment summaries and stamps burned into the page
    /// ("MWP akkoord 8/6"), as in released Woo bundles (on by default; needs
    /// the `text` feature). Every page's content is read once, pages with
    /// highlights included; turn it off when only live annotations matter.
    pub flattened: bool,
    /// Fill [`Annotation::appearance_text`](crate::Annotation::appearance_text)
    /// with the text the appearance of stamps, text boxes and annotations
    /// without `/Contents` draws (on by default; needs the `text` feature):
    /// a dynamic stamp often says what it decides only there. Its text is
    /// read like contents for decisions.
    pub appearance_text: bool,
    /// The share of a glyph's box that must lie inside one of an
    /// annotation's quadrilaterals for the glyph to count as under it: 0.5
    /// by default ("most of it"; exactly half counts). Lower values take
    /// glyphs a quad only grazes; higher ones drop glyphs a tight quad cuts.
    pub glyph_coverage: f64,
    /// Threads that read page text for
    /// [`text_under`](Options::text_under): 0 (the default) uses one per
    /// core when enough pages need reading (eight or more per thread); 1
    /// reads on the calling thread, as a batch that already runs one
    /// document per core may prefer. The normalisers read a long text's
    /// summaries, stamps and nota lines side by side too, unless this is 1.
    /// The result is the same either way.
    /// OCR (feature `ocr`) reads scanned pages on as many threads, one
    /// Tesseract instance each (0: one per core whenever two pages or more
    /// need it).
    pub threads: usize,
    /// Read scanned pages without a text layer by OCR (feature `ocr`; off
    /// by default). A page whose content draws no text but whose images
    /// cover most of it is rendered and recognised by Tesseract, and its
    /// words are read as any page text is: printed summaries, stamps, the
    /// text under highlights. Only such pages are read by OCR, on
    /// [`threads`](Options::threads) threads, within the time limit.
    #[cfg(feature = "ocr")]
    pub ocr: Option<crate::text::OcrOptions>,
    /// Bounds on what one input may make kantlijn do.
    pub limits: Limits,
    /// The labels by which printed comment summaries are recognised; the
    /// built-in locales by default. Add a locale to read summaries printed
    /// by an Acrobat in another language.
    pub summary_locales: Vec<SummaryLocale>,
    /// The words by which decisions are recognised ("akkoord", "MWP", month
    /// names); the built-in vocabulary by default, extendable.
    pub vocabulary: Vocabulary,
}

impl Default for Options {
    fn default() -> Self {
        Self {
            password: None,
            include_links: false,
            include_widgets: false,
            text_under: true,
            flattened: true,
            appearance_text: true,
            glyph_coverage: 0.5,
            threads: 0,
            #[cfg(feature = "ocr")]
            ocr: None,
            limits: Limits::default(),
            summary_locales: SummaryLocale::builtin(),
            vocabulary: Vocabulary::builtin(),
        }
    }
}

impl Options {
    /// Sets the [`password`](Self::password) that opens an encrypted
    /// document.
    #[must_use]
    pub fn with_password(mut self, password: impl Into<String>) -> Self {
        self.password = Some(password.into());
        self
    }
}

with_setters!(Options {
    with_include_links => include_links: bool,
    with_include_widgets => include_widgets: bool,
    with_text_under => text_under: bool,
    with_flattened => flattened: bool,
    with_appearance_text => appearance_text: bool,
    with_glyph_coverage => glyph_coverage: f64,
    with_threads => threads: usize,
    with_limits => limits: Limits,
    with_summary_locales => summary_locales: Vec<SummaryLocale>,
    with_vocabulary => vocabulary: Vocabulary,
});

impl Options {
    /// Which annotations the annotation reader lists.
    pub(crate) fn include(&self) -> Include {
        Include {
            links: self.include_links,
            widgets: self.include_widgets,
        }
    }

    /// What the text layer reads, and how.
    #[cfg(feature = "text")]
    pub(crate) fn text(&self) -> crate::text::TextOptions {
        crate::text::TextOptions {
            text_under: self.text_under,
            every_page: self.flattened,
            glyph_coverage: self.glyph_coverage,
            threads: self.threads,
            limits: self.limits.clone(),
            #[cfg(feature = "ocr")]
            ocr: self.ocr.clone(),
        }
    }

    /// What the normalisers read by.
    pub(crate) fn normalisers(&self) -> Normalisers<'_> {
        Normalisers {
            vocabulary: &self.vocabulary,
            summary_locales: &self.summary_locales,
            threads: self.threads,
            max_sightings: self.limits.max_sightings,
        }
    }
}
