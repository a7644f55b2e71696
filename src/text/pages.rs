//! The text of an input, page by page: what the normalising stage reads.

use std::borrow::Cow;

/// One page of text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct TextPage<'a> {
    /// The 1-based page number; `None` for a text input without page
    /// breaks, which is one page without a number.
    pub(crate) number: Option<usize>,
    /// The page's text, lines ending in `'\n'` (or `"\r\n"`).
    pub(crate) text: Cow<'a, str>,
    /// The text was recognised by OCR in the page's image, not drawn by its
    /// content or given by a text input; records read from it say so.
    pub(crate) ocr: bool,
}

/// The text of an input's pages, in order: the pages of a PDF whose text
/// was read (numbered from 1, with no gaps), or of a text input (see
/// [`Pages::from_text`]). Scanned pages read by OCR enter here too, so
/// every normaliser reads them as it reads extracted text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Pages<'a> {
    pages: Vec<TextPage<'a>>,
}

impl<'a> Pages<'a> {
    /// The pages of a text input, borrowed: form feeds (`\x0c`, as
    /// pdftotext writes after each page) separate pages numbered from 1,
    /// and a last page of nothing but white space after the final form
    /// feed is not counted. Text without form feeds is one page without a
    /// number.
    pub(crate) fn from_text(text: &'a str) -> Self {
        Self {
            pages: text_pages(text)
                .into_iter()
                .map(|(number, text)| TextPage {
                    number,
                    text: Cow::Borrowed(text),
                    ocr: false,
                })
                .collect(),
        }
    }

    /// Adds the next page of a document, numbered.
    #[cfg_attr(
        not(feature = "text"),
        allow(dead_code, reason = "only the PDF text layer adds pages")
    )]
    pub(crate) fn push(&mut self, number: usize, text: impl Into<Cow<'a, str>>) {
        self.pages.push(TextPage {
            number: Some(number),
            text: text.into(),
            ocr: false,
        });
    }

    /// Adds the next page of a document, numbered, whose text was
    /// recognised by OCR.
    #[cfg_attr(
        not(feature = "text"),
        allow(dead_code, reason = "only the PDF text layer adds pages")
    )]
    pub(crate) fn push_recognised(&mut self, number: usize, text: impl Into<Cow<'a, str>>) {
        self.pages.push(TextPage {
            number: Some(number),
            text: text.into(),
            ocr: true,
        });
    }

    /// The numbers of the pages whose text was recognised by OCR, in order.
    pub(crate) fn ocr_pages(&self) -> Vec<usize> {
        self.pages
            .iter()
            .filter(|page| page.ocr)
            .filter_map(|page| page.number)
            .collect()
    }

    /// Each page's number and text, in order.
    pub(crate) fn texts(&self) -> impl Iterator<Item = (Option<usize>, &str)> {
        self.pages
            .iter()
            .map(|page| (page.number, page.text.as_ref()))
    }

    /// How many pages there are.
    pub(crate) fn len(&self) -> usize {
        self.pages.len()
    }
}

/// The lines of a page's text, as [`str::lines`] gives them (a `"\r\n"`
/// ends a line as `'\n'` does), found with a vectorised search: the
/// normalisers walk every line of every page, and a page's lines are short
/// enough that the standard library's byte search costs more per line
/// than the rest of a look at it.
pub(crate) fn text_lines(text: &str) -> impl Iterator<Item = &str> {
    let mut start = 0;
    let mut ends = memchr::memchr_iter(b'\n', text.as_bytes());
    std::iter::from_fn(move || match ends.next() {
        Some(end) => {
            let line = text.get(start..end)?;
            start = end + 1;
            Some(line.strip_suffix('\r').unwrap_or(line))
        }
        None => {
            let line = text.get(start..).filter(|rest| !rest.is_empty())?;
            start = text.len();
            Some(line)
        }
    })
}

/// Splits a plain-text input into pages: form feeds (`\x0c`, as pdftotext
/// writes after each page) separate pages, numbered from 1; a last page of
/// nothing but white space after the final form feed is not counted. Text
/// without form feeds is one page without a number.
pub fn text_pages(text: &str) -> Vec<(Option<usize>, &str)> {
    if !text.contains('\x0c') {
        return vec![(None, text)];
    }
    let mut pages: Vec<&str> = text.split('\x0c').collect();
    if pages.len() > 1 && pages.last().is_some_and(|page| page.trim().is_empty()) {
        pages.pop();
    }
    pages
        .into_iter()
        .enumerate()
        .map(|(index, page)| (Some(index + 1), page))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_are_those_of_str_lines() {
        let pieces = ["", "a", "bc", "\n", "\r", "\r\n", "é", " "];
        // Every text of up to four pieces.
        let mut texts = vec![String::new()];
        for _ in 0..4 {
            let longer: Vec<String> = texts
                .iter()
                .flat_map(|text| pieces.iter().map(move |piece| format!("{text}{piece}")))
                .collect();
            texts.extend(longer);
        }
        for text in &texts {
            assert_eq!(
                text_lines(text).collect::<Vec<_>>(),
                text.lines().collect::<Vec<_>>(),
                "{text:?}"
            );
        }
    }

    #[test]
    fn text_pages_split_on_form_feeds() {
        assert_eq!(text_pages("a\nb\n"), vec![(None, "a\nb\n")]);
        assert_eq!(
            text_pages("a\x0cb\x0c"),
            vec![(Some(1), "a"), (Some(2), "b")]
        );
        assert_eq!(
            text_pages("a\x0c\x0cc\x0c\n"),
            vec![(Some(1), "a"), (Some(2), ""), (Some(3), "c")]
        );
        assert_eq!(text_pages(""), vec![(None, "")]);
    }

    #[test]
    fn pages_of_a_text_borrow_it() {
        let text = "Nota\x0cMWP akkoord 8/6\n\x0c";
        let pages = Pages::from_text(text);
        assert_eq!(pages.len(), 2);
        let second = pages.pages.get(1).unwrap();
        assert_eq!(second.number, Some(2));
        assert!(matches!(second.text, Cow::Borrowed("MWP akkoord 8/6\n")));
        assert_eq!(pages.texts().nth(1), Some((Some(2), "MWP akkoord 8/6\n")));
        assert_eq!(
            Pages::from_text("Nota").texts().next(),
            Some((None, "Nota"))
        );
    }
}
