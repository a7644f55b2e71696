//! Acrobat's printed comment summaries, read back from text.
//!
//! Acrobat's "Summarize Comments" prints a list of a document's comments. In
//! released Woo bundles the comments themselves are often flattened away and
//! only this list survives, as page text or in a `.txt` file:
//!
//! ```text
//! Overzicht van opmerkingen bij Beslisnota - Tekenversie brief
//!
//! Pagina: 1
//!
//!  Nummer: 1 Auteur: Aartsen, A.A. Onderwerp: Tekst plaatsen Datum: 8-6-2026 09:11:02
//! MWP akkoord 8/6
//!
//!  Nummer: 2 Auteur: Aartsen, A.A. Onderwerp: Free Hand Datum: Onbepaald
//! ```
//!
//! [`parse_summaries`] turns every entry into a [`Comment`]. The words it
//! looks for come from a table of [`SummaryLocale`]s; the built-ins are
//! Dutch (verified on real files), English, German, French, Spanish and
//! Italian (see [`SummaryLocale::builtin`] for what is verified and what
//! assumed). The rules of the reading are documented on [`parse_summaries`].

mod label;
mod locale;
mod parse;
mod printed_date;
mod subjects;

use std::collections::HashMap;
use std::sync::{Arc, Mutex, PoisonError};

use chrono::{NaiveDateTime, Timelike};
use serde::{Deserialize, Serialize};

use crate::annotation::Subtype;

pub use locale::{DateOrder, SummaryLocale};
pub(crate) use locale::{SummaryMarks, may_open_with};
pub(crate) use parse::{Placement, Placements};

/// One entry of a printed comment summary.
///
/// Every optional key is always present in JSON (as `null` when the entry
/// does not give it).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Comment {
    /// The file named in the summary's header, as printed ("Beslisnota -
    /// Tekenversie brief …"); `null` when no header applies (see the module
    /// documentation).
    pub summary_of: Option<String>,
    /// The page of the summarised file the comment is on: the value of the
    /// page line ("Pagina: 4") that applies; `null` when it was lost.
    pub target_page: Option<usize>,
    /// The entry's number ("Nummer: 1"); `null` for fragments and unreadable
    /// numbers.
    pub number: Option<u32>,
    /// The author ("Auteur: …"), as printed (`"[redacted]"` included); `null`
    /// when empty.
    pub author: Option<String>,
    /// The subject ("Onderwerp: …"), as printed ("(Unknown)" included);
    /// `null` when empty.
    pub subject: Option<String>,
    /// The annotation subtype the subject names ("Markering" → `Highlight`);
    /// `null` when the subject names none the tables know.
    pub subtype: Option<Subtype>,
    /// The date, as local time (`"2026-06-08T09:11:02"`); `null` when
    /// undated or unreadable.
    #[serde(
        serialize_with = "crate::pdf::date::serialize_iso_date_time",
        deserialize_with = "crate::pdf::date::deserialize_iso_date_time"
    )]
    #[cfg_attr(
        feature = "schema",
        schemars(with = "Option<crate::pdf::schema::LocalDateTime>")
    )]
    pub date: Option<NaiveDateTime>,
    /// The date as printed ("8-6-2026 09:11:02", "Onbepaald").
    pub date_text: Option<String>,
    /// The comment's text, lines joined with `"\n"`; `null` when none.
    pub contents: Option<String>,
    /// The input page the entry itself is printed on, when the input has
    /// pages.
    pub page: Option<usize>,
    /// Whether the entry lost its leading fields (at least the number) in
    /// extraction.
    pub fragment: bool,
    /// The code of the locale whose labels the entry is written with.
    pub locale: String,
    /// The `ref` of a live annotation this entry is the printed form of;
    /// always `null` from the parser, set when a report links the two.
    pub annotation: Option<crate::annotation::Reference>,
    /// The entry was read from text recognised by OCR: a scanned summary
    /// page without a text layer (feature `ocr`).
    #[serde(default)]
    pub ocr: bool,
}

/// Reads every comment-summary entry in a sequence of text pages.
///
/// `pages` yields each page's number in the input (`None` when the input
/// has no pages) and its text, lines ending in `'\n'` (or `"\r\n"`). The
/// entries are recognised by the labels of `locales` (usually
/// [`SummaryLocale::builtin`]); they come back in input order.
///
/// # Lines
///
/// Each line is, in this order of precedence:
/// - **blank**: nothing but white space (tabs included);
/// - **decor**: no letter or digit (an icon or bullet on a line of its own,
///   a rule); it is passed over like a blank line, except that directly
///   below an entry it may be the entry's text ("?", "✓");
/// - a **header**: a header phrase ("Overzicht van opmerkingen bij") at the
///   start of the line, then the file name. A file name wrapped onto at most
///   two short lines directly below the header, closed by a blank line or a
///   page line, is joined with spaces;
/// - a **page line**: a page label, a colon and a number, nothing else
///   ("Pagina: 4", "Page : 4");
/// - a **no-comments line** ("This page contains no comments");
/// - an **entry**: the labels of one locale in Acrobat's order, number,
///   author, subject, date, each followed by a colon and its value. Fields
///   may be separated by spaces or tabs; white space, icon glyphs and
///   bullets before the first label are skipped ("☰ Nummer: 1 …"), as is
///   one leading word of one or two characters (an icon a text layer spelled
///   as a letter). An entry whose fields a text layer broke over up to four
///   lines, each starting with a label and with at most one blank line
///   before each, is read as one;
/// - **body**: anything else, the text of the document around the summary.
///
/// An entry may also begin at the author or the subject label: a
/// **fragment**, an entry that lost its number (and author) in extraction
/// ("Onderwerp: Markering  Datum: 27-5-2026 11:41:48"), kept with
/// `fragment: true`. So that a letter's "Onderwerp: … Datum: 5 maart 2026"
/// is not taken for one, a fragment's date must read as a numeric date with
/// a time, or as an undated word of some locale. A complete entry's date may
/// be anything; its text is kept in `date_text` either way.
///
/// Labels are matched without regard to case or accents, with OCR's usual
/// confusions folded together (`0`/`O`, `1`/`l`/`I`/`|`: "0nderwerp",
/// "Nummer: l"), and with white space allowed before the colon ("Auteur :").
/// A label counts only at the start of a word and only with its colon, so
/// the nota's "Datum" above "27 mei 2026" is body text. Lines longer than
/// 1,000 characters are never entries or page lines.
///
/// # Where an entry's text ends
///
/// Acrobat prints a comment's text right below its entry line; text layers
/// sometimes put a blank line in between. After the text the document's own
/// text resumes, with nothing to mark the boundary but layout. The rule:
/// - the text is one block of consecutive non-blank lines, each trimmed,
///   joined with `"\n"`; a blank line, a line of structure (header, page
///   line, entry), a decor line right above one, or the end of the input
///   page ends it;
/// - it starts on the line right after the entry line, or after exactly one
///   blank line when the entry is a note, a text box, an insertion, an
///   attachment or of unknown subtype ("(Unknown)"). For highlights and the
///   other markup, ink, shapes and stamps, which carry no text as a rule,
///   what follows a blank line is the document (the heading "Toelichting"
///   below a highlight is not its comment);
/// - after two or more blank lines, nothing is the entry's text;
/// - when a text layer ran the text onto the entry line, so that words
///   follow a date and time or an undated word ("Datum: Onbepaald Graag
///   bespreken"), those words are the text's first line, and it goes on
///   with the lines directly below (not after a blank line);
/// - the entry numbered next settles what lies before it: Acrobat numbers
///   a page's comments from 1, so what stands between entries 2 and 3 is
///   entry 2's. A note's (as above) later paragraphs, each after one blank
///   line, are its text when the entry numbered next follows them (one
///   blank line allowed); so are the lines at the top of the next input
///   page when the text ran to the end of one (a comment broken over the
///   summary's pages). At most 4 paragraphs and 40 lines are taken so.
///
/// So a comment of several paragraphs that is the last of its page keeps
/// only its first, and a note without text directly followed, after one
/// blank line, by body text takes that text. Both are the price of not
/// reading the body into comments.
///
/// # Which header and page apply
///
/// An entry gets the file name of the last header (`summary_of`) and the
/// number of the last page line (`target_page`) read before it, as long as
/// only the summary lies in between: entries, their text, blank and decor
/// lines, page lines, and page breaks of the input. A body line ends the
/// summary: the entries after it have neither until a new header or page
/// line, except the entry numbered next after the last one (on the same or
/// the next input page), which is on the same page of the same summary
/// (a layout with connector lines prints the document between a page's
/// comments). A header clears the page, unless it repeats the file name of the
/// summary in progress (a running header on the summary's next page); a
/// page line after body text sets the page but not the file name (which
/// summary it belongs to is not known). Entries whose
/// header or page line was lost come out with `null`, never with a value
/// read far above them.
///
/// # Subjects and dates
///
/// `subject` is kept as printed, "(Unknown)" included (what Acrobat prints
/// for a comment without a subject); `subtype` is inferred from it through
/// the subject tables ([`SummaryLocale::subjects`]): first the table of the
/// entry's locale, then the others (a comment keeps the subject of the
/// interface that made it), then the PDF subtype names themselves
/// ("FreeText", "Ink"). It is `null` for "(Unknown)" and for names no table
/// knows.
///
/// Acrobat prints dates in the operating system's format, not its
/// interface language's, so every entry's date is read in any of these
/// forms: `d-m-yyyy`, `d.m.yyyy`, `d/m/yyyy`, `m/d/yyyy`, `yyyy-m-d`, one or
/// two digits for day and month (a two-digit year is 20yy below 70, else
/// 19yy), then a time `H:mm[:ss]`, 24-hour, or 12-hour when followed by
/// `AM`/`PM` (`a.m.`, `pm`, …). With `-` or `.` the day comes first; with `/`
/// the locale's [`DateOrder`] decides (English: month first, so
/// `6/8/2026 9:11:02 AM` is 8 June), unless a number above 12 settles it
/// (`27/05/2026 14:03:09` is 27 May in any locale). A date without a time
/// or an impossible one (`31-2-2026`) gives `date: null`, as does an
/// undated entry ("Onbepaald"); `date_text` keeps the printed text, with
/// any trailing characters that are not letters or digits.
///
/// # Bounds
///
/// The work is linear in the input: every line is examined a bounded number
/// of times, and only its first 1,000 characters are matched against labels.
/// No input makes the parser panic.
///
/// # Example
///
/// ```
/// use kantlijn::{SummaryLocale, parse_summaries, text_pages};
///
/// let text = "Overzicht van opmerkingen bij nota.pdf\n\nPagina: 1\n\n\
///             \u{2630} Nummer: 1 Auteur: Aartsen, A.A. Onderwerp: Tekst plaatsen \
///             Datum: 30-3-2026 22:11:55\nMWP niet akkoord 30-3-2026\n";
/// let comments = parse_summaries(text_pages(text), &SummaryLocale::builtin());
/// assert_eq!(comments.len(), 1);
/// let comment = &comments[0];
/// assert_eq!(comment.target_page, Some(1));
/// assert_eq!(comment.contents.as_deref(), Some("MWP niet akkoord 30-3-2026"));
/// assert_eq!(comment.subtype.as_ref().map(|s| s.name()), Some("FreeText"));
/// assert_eq!(comment.date.unwrap().to_string(), "2026-03-30 22:11:55");
/// ```
pub fn parse_summaries<'a>(
    pages: impl IntoIterator<Item = (Option<usize>, &'a str)>,
    locales: &[SummaryLocale],
) -> Vec<Comment> {
    parser_for(locales).parse(pages)
}

/// [`parse_summaries`], with where each comment and each line of the
/// summaries stands in the input.
pub(crate) fn parse_placed<'a>(
    pages: impl IntoIterator<Item = (Option<usize>, &'a str)>,
    locales: &[SummaryLocale],
    max: usize,
) -> (Vec<Comment>, Placements) {
    parser_for(locales).parse_placed(pages, max)
}

/// The parsers last built, each with the locales it reads, the latest
/// last. Building one (its labels folded, its table of subject names)
/// takes about half a million instructions, as much as reading the
/// summaries of a short nota, and a batch run asks for the same locales
/// for every file.
static PARSERS: Mutex<Vec<(Vec<SummaryLocale>, Arc<parse::Parser>)>> = Mutex::new(Vec::new());

/// How many parsers [`PARSERS`] keeps.
const KEPT_PARSERS: usize = 4;

/// The parser for `locales`, built once for as long as it is kept.
fn parser_for(locales: &[SummaryLocale]) -> Arc<parse::Parser> {
    // A panic elsewhere while the list was held leaves it whole: it is
    // only read and pushed to.
    let mut kept = PARSERS.lock().unwrap_or_else(PoisonError::into_inner);
    if let Some((_, parser)) = kept.iter().find(|(known, _)| known.as_slice() == locales) {
        return Arc::clone(parser);
    }
    let parser = Arc::new(parse::Parser::new(locales));
    if kept.len() >= KEPT_PARSERS {
        kept.remove(0);
    }
    kept.push((locales.to_vec(), Arc::clone(&parser)));
    parser
}

#[cfg(test)]
mod tests;

/// Links each printed entry to the live annotation it is the printed form
/// of: same page, author, subject and date (to the second, as printed; both
/// undated counts), and the entry's text is the annotation's contents or
/// their start (a summary prints only the first paragraph). The file name
/// the summary names is not compared (a bundle's pages rarely keep their
/// file's name); the five fields together rarely agree by chance. Each
/// annotation is linked to one entry at most.
pub(crate) fn link(comments: &mut [Comment], annotations: &[crate::annotation::Annotation]) {
    // The annotations not yet linked, by page and date: an entry is
    // compared only with those it could be.
    let mut open: HashMap<(usize, Option<NaiveDateTime>), Vec<usize>> = HashMap::new();
    for (index, annotation) in annotations.iter().enumerate() {
        open.entry((annotation.page, written(annotation)))
            .or_default()
            .push(index);
    }
    for comment in comments.iter_mut().filter(|c| !c.fragment) {
        let Some(page) = comment.target_page else {
            continue;
        };
        let Some(candidates) = open.get_mut(&(page, comment.date)) else {
            continue;
        };
        let found = candidates.iter().position(|&index| {
            annotations
                .get(index)
                .is_some_and(|annotation| same_entry(comment, annotation))
        });
        if let Some(index) = found.map(|at| candidates.remove(at))
            && let Some(annotation) = annotations.get(index)
        {
            comment.annotation = Some(annotation.reference);
        }
    }
}

/// When an annotation was last written, to the second as a summary prints
/// it.
fn written(annotation: &crate::annotation::Annotation) -> Option<NaiveDateTime> {
    annotation
        .modified
        .or(annotation.created)
        .map(|t| t.naive())
        .map(|d| d.with_nanosecond(0).unwrap_or(d))
}

/// Author, subject and text agree (page and date are compared by
/// [`link`]).
fn same_entry(comment: &Comment, annotation: &crate::annotation::Annotation) -> bool {
    let author = blank(comment.author.as_deref()) == blank(annotation.author.as_deref());
    let subject = match blank(comment.subject.as_deref()) {
        Some("(Unknown)") => blank(annotation.subject.as_deref()).is_none(),
        printed => printed == blank(annotation.subject.as_deref()),
    };
    // The annotation's contents start with the printed text, white space
    // runs counted as one space.
    let mut contents = words(annotation.contents.as_deref().unwrap_or_default());
    let starts =
        words(comment.contents.as_deref().unwrap_or_default()).all(|c| contents.next() == Some(c));
    author && subject && starts
}

/// The text trimmed, `None` when nothing is left.
fn blank(text: Option<&str>) -> Option<&str> {
    text.map(str::trim).filter(|s| !s.is_empty())
}

/// The characters of `text` with each run of white space as one space and
/// none at either end.
fn words(text: &str) -> impl Iterator<Item = char> + '_ {
    text.split_whitespace()
        .enumerate()
        .flat_map(|(i, word)| (i > 0).then_some(' ').into_iter().chain(word.chars()))
}
