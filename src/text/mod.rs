//! The page text layer: the text of each page, from a PDF's content
//! (feature `text`) or from a text input, as [`Pages`] for the normalising
//! stage; and, for a PDF, the text under markup annotations.
//!
//! A PDF page is read by running its content stream through the content
//! interpreter ([`device`]), which hands over every glyph with its Unicode
//! value and its place in default user space, the space of `/Rect` and
//! `/QuadPoints`. [`layout`] groups the glyphs into words, lines and blocks
//! in reading order; [`under`] selects the glyphs under an annotation's
//! quadrilaterals; [`read`] reads the pages a document needs, on
//! [`TextOptions::threads`] threads.
//!
//! Reading a page is bounded: by [`Limits::max_page_content`] (bytes of
//! content decoded and interpreted, forms, soft masks and shadings
//! included), [`Limits::max_glyphs_per_page`] and the document's time
//! limit. Reaching a bound is a warning; the text read so far is kept.
//!
//! [`Limits::max_page_content`]: crate::Limits::max_page_content
//! [`Limits::max_glyphs_per_page`]: crate::Limits::max_glyphs_per_page

#[cfg(feature = "text")]
mod coverage;
#[cfg(feature = "text")]
mod device;
#[cfg(feature = "text")]
mod glyph;
#[cfg(feature = "text")]
mod layout;
#[cfg(feature = "text")]
mod page_text;
mod pages;
#[cfg(feature = "text")]
mod read;
#[cfg(feature = "text")]
mod under;

#[cfg(feature = "text")]
pub use page_text::{PageText, TextLine, TextWord};
pub(crate) use pages::Pages;
pub use pages::text_pages;
#[cfg(feature = "text")]
pub(crate) use read::{PageReader, PageSource, TextOptions, read_pages};
