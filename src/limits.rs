//! Bounds on what one input may make kantlijn do, and the wall-time
//! budget of one document. Every layer reads its bounds here.

use std::time::{Duration, Instant};

/// `with_<field>` setters for a struct of public fields that is
/// `#[non_exhaustive]`, which callers outside the crate cannot build with
/// struct-update syntax.
macro_rules! with_setters {
    ($type:ty { $($setter:ident => $field:ident: $value:ty,)* }) => {
        impl $type {
            $(
                #[doc = concat!("Sets [`", stringify!($field), "`](Self::", stringify!($field), ").")]
                #[must_use]
                pub fn $setter(mut self, $field: $value) -> Self {
                    self.$field = $field;
                    self
                }
            )*
        }
    };
}

pub(crate) use with_setters;

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
/// | `max_page_label_ranges`: entries read from `/PageLabels` | 100,000 |
/// | `max_glyphs_per_page`: glyphs kept from one page's text | 250,000 |
/// | `max_page_content`: bytes of content interpreted for one page's text, forms included | 64 MiB |
/// | `max_ocr_pixels`: pixels of one page rendered for OCR | 40,000,000 |
/// | `max_sightings`: stamp lines, and entries of printed comment summaries, read from one input's text, each | 20,000 |
/// | `time_per_file`: wall time for one document | 60 s |
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
    /// Most entries read from the `/PageLabels` number tree.
    pub max_page_label_ranges: usize,
    /// Most glyphs kept from one page when its text is read (feature
    /// `text`); the rest of the page is not read, with a warning. The
    /// densest real pages draw some 20,000; each glyph kept costs about
    /// 40 bytes and its share of the layout.
    pub max_glyphs_per_page: usize,
    /// Most bytes of content interpreted when a page's text is read
    /// (feature `text`): its content streams, cut with a warning when
    /// longer, plus the content of every form XObject each time it is
    /// drawn. A page whose forms would add up to more (forms drawing forms
    /// can ask for exponential work) is read without them, with a warning.
    pub max_page_content: usize,
    /// Most pixels of one page rendered for OCR (feature `ocr`). Pages are
    /// rendered at 300 dpi (an A4 page is 8.7 million pixels), or at less,
    /// down to 150 dpi, to stay within this; a page larger than that is
    /// not read by OCR, with a warning. The default holds an A2 page at
    /// 300 dpi; each pixel costs about 5 bytes while its page is read.
    pub max_ocr_pixels: u64,
    /// Most stamp lines, and most entries of printed comment summaries,
    /// read from one input's text (each); the rest are not read, with a
    /// warning. A real bundle holds hundreds; each costs a kilobyte or two
    /// in the report, and a few kilobytes of text (or a content stream
    /// that many pages share) can hold a million.
    pub max_sightings: usize,
    /// Wall time allowed for one document; when it runs out the report holds
    /// what was read so far and a warning says where it stopped.
    pub time_per_file: Duration,
}

with_setters!(Limits {
    with_max_depth => max_depth: usize,
    with_max_pages => max_pages: usize,
    with_max_annotations_per_page => max_annotations_per_page: usize,
    with_max_array_len => max_array_len: usize,
    with_max_string_len => max_string_len: usize,
    with_max_page_label_ranges => max_page_label_ranges: usize,
    with_max_glyphs_per_page => max_glyphs_per_page: usize,
    with_max_page_content => max_page_content: usize,
    with_max_ocr_pixels => max_ocr_pixels: u64,
    with_max_sightings => max_sightings: usize,
    with_time_per_file => time_per_file: Duration,
});

impl Default for Limits {
    fn default() -> Self {
        Self {
            max_depth: 256,
            max_pages: 1_000_000,
            max_annotations_per_page: 100_000,
            max_array_len: 100_000,
            max_string_len: 16 << 20,
            max_page_label_ranges: 100_000,
            max_glyphs_per_page: 250_000,
            max_page_content: 64 << 20,
            max_ocr_pixels: 40_000_000,
            max_sightings: 20_000,
            time_per_file: Duration::from_secs(60),
        }
    }
}

/// The moment reading one document must stop.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Deadline {
    end: Option<Instant>,
}

impl Deadline {
    /// A deadline `budget` from now (none if the budget overflows the clock).
    pub(crate) fn after(budget: Duration) -> Self {
        Self {
            end: Instant::now().checked_add(budget),
        }
    }

    /// Whether the time is up.
    pub(crate) fn expired(&self) -> bool {
        self.end.is_some_and(|end| Instant::now() >= end)
    }
}
