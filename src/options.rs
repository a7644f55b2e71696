//! What to read and the bounds on how much of it.

use std::time::Duration;

use crate::decision::Vocabulary;
use crate::summary::SummaryLocale;

/// How to read a document.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Options {
    /// The user (or owner) password of an encrypted document. Documents
    /// encrypted with an empty user password open without one.
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
    /// The share of a glyph's box that must lie inside one of an
    /// annotation's quadrilaterals for the glyph to count as under it: 0.5
    /// by default ("most of it"; exactly half counts). Lower values take
    /// glyphs a quad only grazes; higher ones drop glyphs a tight quad cuts.
    pub glyph_coverage: f64,
    /// Threads that read page text for
    /// [`text_under`](Options::text_under): 0 (the default) uses one per
    /// core when enough pages need reading (eight or more per thread); 1
    /// reads on the calling thread, as a batch that already runs one
    /// document per core may prefer. The result is the same either way.
    pub threads: usize,
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
            glyph_coverage: 0.5,
            threads: 0,
            limits: Limits::default(),
            summary_locales: SummaryLocale::builtin(),
            vocabulary: Vocabulary::builtin(),
        }
    }
}

impl Options {
    /// The default options with a password.
    pub fn with_password(password: impl Into<String>) -> Self {
        Self {
            password: Some(password.into()),
            ..Self::default()
        }
    }
}

/// Bounds on every resource an input can inflate. Reaching one is a warning
/// on the report (or, for the time limit, a cut-short report), never a hang
/// or an abort.
///
/// | bound | default |
/// |---|---|
/// | `max_depth`: nesting of the page tree and of reference chains | 256 |
/// | `max_pages`: leaf pages taken from the page tree | 1,000,000 |
/// | `max_annotations_per_page`: entries read from one `/Annots` | 100,000 |
/// | `max_array_len`: elements read from one array (`/QuadPoints`, `/C`, …) | 100,000 |
/// | `max_string_len`: bytes of one text string kept | 16 MiB |
/// | `max_reply_chain`: steps followed along `/IRT` | 10,000 |
/// | `max_page_label_ranges`: entries read from `/PageLabels` | 100,000 |
/// | `max_glyphs_per_page`: glyphs kept from one page's text | 1,000,000 |
/// | `max_page_content`: bytes of content interpreted for one page's text, forms included | 64 MiB |
/// | `time_per_file`: wall time for one document | 30 s |
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Limits {
    /// Deepest nesting followed in the page tree, number trees and
    /// reference chains.
    pub max_depth: usize,
    /// Most leaf pages taken from the page tree.
    pub max_pages: usize,
    /// Most entries read from one page's `/Annots`.
    pub max_annotations_per_page: usize,
    /// Most elements read from one array.
    pub max_array_len: usize,
    /// Longest text string kept, in bytes; longer ones are cut with a warning.
    pub max_string_len: usize,
    /// Most steps followed along a chain of `/IRT` replies.
    pub max_reply_chain: usize,
    /// Most entries read from the `/PageLabels` number tree.
    pub max_page_label_ranges: usize,
    /// Most glyphs kept from one page when its text is read (feature
    /// `text`); the rest of the page is not read, with a warning.
    pub max_glyphs_per_page: usize,
    /// Most bytes of content interpreted when a page's text is read
    /// (feature `text`): its content streams, cut with a warning when
    /// longer, plus the content of every form XObject each time it is
    /// drawn. A page whose forms would add up to more (forms drawing forms
    /// can ask for exponential work) is read without them, with a warning.
    pub max_page_content: usize,
    /// Wall time allowed for one document; when it runs out the report holds
    /// what was read so far and a warning says where it stopped.
    pub time_per_file: Duration,
}

impl Default for Limits {
    fn default() -> Self {
        Self {
            max_depth: 256,
            max_pages: 1_000_000,
            max_annotations_per_page: 100_000,
            max_array_len: 100_000,
            max_string_len: 16 << 20,
            max_reply_chain: 10_000,
            max_page_label_ranges: 100_000,
            max_glyphs_per_page: 1_000_000,
            max_page_content: 64 << 20,
            time_per_file: Duration::from_secs(30),
        }
    }
}
