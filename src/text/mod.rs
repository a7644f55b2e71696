//! The page text layer: the text of each page, from a PDF's content
//! (feature `text`) or from a text input, as [`Pages`] for the normalising
//! stage; and, for a PDF, the text under markup annotations.
//!
//! A PDF page is read by walking its content streams for the operators that
//! place text ([`extract`]): every glyph comes with its Unicode value and its
//! place in default user space, the space of `/Rect` and `/QuadPoints`, from
//! the font dictionaries alone (font programs are loaded only when a
//! dictionary does not say enough). [`layout`] groups the glyphs into words, lines and blocks
//! in reading order; [`under`] selects the glyphs under an annotation's
//! quadrilaterals; [`read`] reads the pages a document needs, on
//! [`TextOptions::threads`] threads; [`appearance`] reads the text an
//! annotation's appearance draws. A page that draws no text over images
//! covering most of it is a scan without a text layer: it is named in a
//! warning, or, with the `ocr` feature and OCR asked for, rendered
//! and read by OCR, its words entering the same layout as drawn text.
//!
//! Reading a page is bounded: by [`Limits::max_page_content`] (bytes of
//! content decoded and interpreted, forms included each time they are
//! drawn; content is inflated a piece at a time, so memory stays small
//! whatever a stream inflates to), [`Limits::max_glyphs_per_page`] and the
//! document's time limit. Reaching a bound is a warning; the text read so far is kept.
//!
//! [`Limits::max_page_content`]: crate::Limits::max_page_content
//! [`Limits::max_glyphs_per_page`]: crate::Limits::max_glyphs_per_page

#[cfg(feature = "text")]
mod appearance;
#[cfg(feature = "text")]
mod coverage;
#[cfg(all(test, feature = "text-reference"))]
mod device;
#[cfg(feature = "text")]
mod extract;
#[cfg(feature = "text")]
mod glyph;
#[cfg(feature = "text")]
mod layout;
#[cfg(feature = "ocr")]
mod ocr;
#[cfg(feature = "text")]
mod page_text;
mod pages;
#[cfg(feature = "text")]
mod read;
#[cfg(all(test, feature = "text-reference"))]
mod reference;
#[cfg(feature = "text")]
mod under;

#[cfg(feature = "text")]
pub(crate) use appearance::read_appearances;
#[cfg(feature = "ocr")]
pub use ocr::{OcrError, OcrOptions};
#[cfg(feature = "text")]
pub use page_text::{PageText, TextLine, TextWord};
pub use pages::text_pages;
pub(crate) use pages::{Pages, text_lines};
#[cfg(feature = "text")]
pub(crate) use read::{PageReader, PageSource, TextOptions, read_pages};
