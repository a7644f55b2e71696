//! Burned-in stamps in page text, and the nota date each belongs to.
//!
//! A **stamp line** is a line that the recogniser accepts in stamp mode as a
//! whole ("MWP besproken 24-3-2026", "MWP niet akkoord 30-3-2026 1"), unless
//! it is the contents of an entry of Acrobat's printed comment summary: a
//! line whose previous non-blank line is a summary entry header (two or more
//! entry labels of the summary locales, "Nummer:", "Auteur:",
//! "Onderwerp:", …, each with its colon). A fragment that lost its number and author
//! ("Onderwerp: Markering  Datum: 27-5-2026 11:41:48") has no text left, and
//! in seed 000 the next nota's stamp follows such fragments directly, so a
//! fragment does not hide the line after it. Those are comments, read by the summary parser, not
//! stamps on the page.
//!
//! A **nota date** is a `Datum` label (the vocabulary's `nota_date_labels`)
//! with a whole date after it on the same line ("Datum 27 mei 2026") or on
//! one of the next two non-blank lines ("Datum\n\n13 april 2026"); a label
//! followed by a time ("Datum: 27-5-2026 11:41:48") is a summary field, not
//! a nota date.
//!
//! Which nota date belongs to a stamp:
//! - When the input has pages (a PDF's, or a text's that form feeds split,
//!   as pdftotext writes them), the first nota date after the stamp on its page, else the last
//!   one before it on that page (within [`PAGE_SCAN_LINES`] lines): each
//!   page of a nota repeats its date in the margin, and a burned-in stamp may
//!   come before or after it in the text.
//! - Without page breaks, a stamp opens a nota: its date is the first nota
//!   date after it, looking no further than [`NOTA_HEADER_LINES`] lines and
//!   stopping at the next stamp, at a comment summary's title, or at a second
//!   addressee line ("Aan Minister …") or a second "nota" line, which open
//!   the next nota. The stamp's nota starts at the stamp (Acrobat puts the
//!   stamp at the top of the first page), so a date before it belongs to the
//!   previous nota and is not used.

use chrono::NaiveDate;

use super::Vocabulary;
use super::date_text;
use super::recognise::{self, Mode, recognise};
use super::register::Statement;
use super::{SightingRef, Source};
use crate::summary::{SummaryLocale, SummaryMarks, may_open_with};
use crate::text::text_pages;

/// How many lines after a stamp its nota's date is looked for, in text
/// without page breaks.
pub(crate) const NOTA_HEADER_LINES: usize = 120;

/// How many lines either side of a stamp are searched on its page (bounds
/// the work on a hostile page of many stamps).
pub(crate) const PAGE_SCAN_LINES: usize = 500;

/// A stamp line found in page text.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct StampLine<'a> {
    /// The line, trimmed.
    pub text: &'a str,
    /// The 1-based line number in the input.
    pub line: usize,
    /// The 1-based page, when the input has page breaks (form feeds).
    pub page: Option<usize>,
    /// The date of the nota the stamp is on, when found.
    pub nota_date: Option<NaiveDate>,
}

impl<'a> StampLine<'a> {
    /// The 1-based line number of its last line: a stamp of several lines
    /// (a box) is the text of consecutive lines.
    pub fn last_line(&self) -> usize {
        last_line_of(self.line, self.text)
    }

    /// The statement for [`build_register`](super::build_register): source
    /// page text, reference `"line:<n>"`.
    pub fn statement(&self) -> Statement<'a> {
        let mut statement = Statement::new(self.text, Source::PageText)
            .with_reference(SightingRef::Line(self.line));
        statement.page = self.page;
        statement.nota_date = self.nota_date;
        statement
    }
}

/// What one line of the input is, for the nota rules.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Stamp,
    NotaDate(NaiveDate),
    Addressee,
    NotaWord,
    SummaryTitle,
    Other,
}

struct Line<'a> {
    text: &'a str,
    number: usize,
    page: Option<usize>,
    kind: Kind,
    /// The page's text, of which `text` is a part.
    page_text: &'a str,
    /// A printed summary's entry header, or the comment under it.
    summary: bool,
}

/// Finds the stamp lines of one page's text, or of a whole text (form feeds,
/// when present, number the pages from 1), each with its nota date. The
/// lines of a comment summary are told by the built-in
/// [`SummaryLocale`](crate::SummaryLocale)s.
pub fn stamp_lines<'a>(text: &'a str, vocabulary: &Vocabulary) -> Vec<StampLine<'a>> {
    let marks = SummaryMarks::of(&SummaryLocale::builtin());
    stamp_lines_in(text_pages(text), vocabulary, &marks, usize::MAX)
}

/// Finds the stamp lines of an input's pages (each page's number, `None`
/// for text without page breaks, and its text), each with its nota date;
/// lines are numbered across the pages from 1. At most `max` and one more
/// are given: one more says that there were more.
pub(crate) fn stamp_lines_in<'a>(
    pages: impl IntoIterator<Item = (Option<usize>, &'a str)>,
    vocabulary: &Vocabulary,
    summary: &SummaryMarks,
    max: usize,
) -> Vec<StampLine<'a>> {
    let lines = classify(pages, vocabulary, summary, max);
    let paged = lines.first().is_some_and(|line| line.page.is_some());
    let mut stamps = Vec::new();
    for (index, line) in lines.iter().enumerate() {
        if line.kind != Kind::Stamp {
            continue;
        }
        if stamps.len() > max {
            break;
        }
        let nota_date = if paged {
            paged_nota_date(&lines, index)
        } else {
            unpaged_nota_date(&lines, index)
        };
        stamps.push(StampLine {
            text: line.text,
            line: line.number,
            page: line.page,
            nota_date,
        });
    }
    stamps
}

/// The last line of a stamp that starts at line `first` with `text`: a
/// stamp of several lines (a box) is the text of consecutive lines, line
/// breaks kept.
pub(crate) fn last_line_of(first: usize, text: &str) -> usize {
    first + memchr::memchr_iter(b'\n', text.as_bytes()).count()
}

/// How many lines the pages have, at most: room for the lines kept, made
/// once rather than grown line by line through a long text.
pub(crate) fn line_count(pages: &[(Option<usize>, &str)]) -> usize {
    pages
        .iter()
        .map(|(_, text)| memchr::memchr_iter(b'\n', text.as_bytes()).count() + 1)
        .sum()
}

/// Classifies the lines of the pages until `max` and one more stamps are
/// certain, and then no further than the end of that page or the lines in
/// which a stamp's nota date is looked for: a text of a million stamps
/// costs what its first `max` do.
fn classify<'a>(
    pages: impl IntoIterator<Item = (Option<usize>, &'a str)>,
    vocabulary: &Vocabulary,
    summary: &SummaryMarks,
    max: usize,
) -> Vec<Line<'a>> {
    let pages: Vec<(Option<usize>, &'a str)> = pages.into_iter().collect();
    let mut lines: Vec<Line<'a>> = Vec::with_capacity(line_count(&pages).min(MAX_RESERVED_LINES));
    // A box joins at most MAX_BOX_LINES stamp lines into one stamp: past
    // this many, more than `max` stamps remain.
    let enough = max.saturating_add(1).saturating_mul(MAX_BOX_LINES);
    let mut stamps = 0_usize;
    let mut last_read: Option<usize> = None;
    let mut number = 0;
    let mut previous_is_summary_header = false;
    'pages: for (page_number, page) in pages {
        if last_read.is_some() {
            break;
        }
        for raw in crate::text::text_lines(page) {
            number += 1;
            if last_read.is_some_and(|last| number > last) {
                break 'pages;
            }
            let trimmed = raw.trim();
            if trimmed.is_empty() {
                continue;
            }
            let summary_header = summary.is_entry_header(trimmed);
            let kind = if summary_header {
                Kind::Other
            } else if !previous_is_summary_header
                && !recognise(trimmed, Mode::Stamp, vocabulary).is_empty()
            {
                Kind::Stamp
            } else if summary.is_title(trimmed) {
                Kind::SummaryTitle
            } else if is_addressee(trimmed, vocabulary) {
                Kind::Addressee
            } else if vocabulary.is_nota_word(trimmed) {
                Kind::NotaWord
            } else {
                Kind::Other
            };
            if kind == Kind::Stamp {
                stamps += 1;
                if stamps > enough && last_read.is_none() {
                    last_read = Some(number.saturating_add(NOTA_HEADER_LINES.max(PAGE_SCAN_LINES)));
                }
            }
            let previous_summary_header =
                std::mem::replace(&mut previous_is_summary_header, summary_header);
            lines.push(Line {
                text: trimmed,
                number,
                page: page_number,
                kind,
                page_text: page,
                summary: summary_header || previous_summary_header,
            });
        }
    }
    join_stamp_boxes(&mut lines, vocabulary);
    // Dates after a label on a later line.
    for index in 0..lines.len() {
        let Some(line) = lines.get(index) else {
            continue;
        };
        let found = match nota_date_label(line.text, vocabulary) {
            Some(Label::WithDate(date)) => Some(date),
            Some(Label::Bare) => lines
                .get(index + 1..)
                .unwrap_or_default()
                .iter()
                .take(2)
                .take_while(|next| next.page == line.page)
                .find_map(|next| whole_date(next.text, vocabulary)),
            None => None,
        };
        if let (Some(date), Some(line)) = (found, lines.get_mut(index))
            && line.kind == Kind::Other
        {
            line.kind = Kind::NotaDate(date);
        }
    }
    lines
}

/// The most lines room is made for at once: a text of a million lines
/// grows its list as it is read.
const MAX_RESERVED_LINES: usize = 1 << 16;
/// The most lines of a stamp box (see [`join_stamp_boxes`]).
const MAX_BOX_LINES: usize = 4;
/// The most lines of a form's unticked options a stamp box passes over.
const MAX_FORM_OPTIONS: usize = 8;

/// Stamps drawn as a box of short lines ("Akkoord. MWP⏎8 juni 2026",
/// "MWP⏎akkoord 8/6", a flattened text box): consecutive short lines on
/// one page, none of them a stamp with its actor and date alone, that read
/// together as a decision with an actor and a date. The first line becomes
/// the stamp, its text the box's (line breaks kept); the others are taken
/// into it. A box starts at a line that is no stamp of its own.
fn join_stamp_boxes(lines: &mut [Line<'_>], vocabulary: &Vocabulary) {
    let mut index = 0;
    while index < lines.len() {
        let taken = box_at(lines, index, vocabulary);
        if let Some((text, last)) = taken {
            if let Some(first) = lines.get_mut(index) {
                first.text = text;
                first.kind = Kind::Stamp;
            }
            for line in lines.get_mut(index + 1..=last).unwrap_or_default() {
                line.kind = Kind::Other;
            }
            index = last + 1;
        } else {
            index += 1;
        }
    }
}

/// The stamp box starting at line `index`: its text and its last line.
fn box_at<'a>(
    lines: &[Line<'a>],
    index: usize,
    vocabulary: &Vocabulary,
) -> Option<(&'a str, usize)> {
    let first = lines.get(index)?;
    if first.kind != Kind::Other
        || first.summary
        || !recognise::is_box_line(first.text)
        || recognise::is_unticked_line(first.text)
    {
        return None;
    }
    let start = offset(first)?;
    // A form's options left unticked, each on a line of its own ("☐
    // bespreken"), are not counted among the box's lines; at most
    // MAX_FORM_OPTIONS of them, so that a page of such lines is not read
    // again from each of them.
    let (mut counted, mut unticked) = (1, 0);
    for last in index + 1..lines.len() {
        if counted == MAX_BOX_LINES || unticked > MAX_FORM_OPTIONS {
            break;
        }
        let line = lines.get(last)?;
        let option_left = recognise::is_unticked_line(line.text);
        if option_left {
            unticked += 1;
        } else {
            counted += 1;
        }
        let follows = line.page == first.page && line.number == first.number + (last - index);
        if !follows
            || line.summary
            || !recognise::is_box_line(line.text)
            || !matches!(line.kind, Kind::Other | Kind::Stamp)
        {
            return None;
        }
        // A stamp that says who and when on its own stays a stamp.
        if line.kind == Kind::Stamp && complete(line.text, vocabulary, false) {
            return None;
        }
        let end = offset(line)? + line.text.len();
        let text = first.page_text.get(start..end)?;
        // An option left unticked adds nothing to read.
        if !option_left && complete(text, vocabulary, true) {
            return Some((text, last));
        }
    }
    None
}

/// Whether a stamp text names its actor and carries a date; for a box
/// (`strict`), a verdict that is not weak and an actor the vocabulary
/// knows, or one a line signs for ("Door Aartsen, A.A. om 9:11, …"): the
/// cells of a table column ("10/1/96⏎CLINTON⏎OK") read alike.
fn complete(text: &str, vocabulary: &Vocabulary, strict: bool) -> bool {
    // Most boxes tried are header lines and titles: without a verdict or
    // option word they are no decision, which one search tells.
    if !(vocabulary.may_hold_verdict(text) || vocabulary.may_hold_option(text)) {
        return false;
    }
    let found = recognise(text, Mode::Stamp, vocabulary);
    !found.is_empty()
        && found.iter().all(|d| {
            let Some(actor) = &d.actor else {
                return false;
            };
            let known = (d.actor_title.is_some()
                || recognise::signed_by_link(text, actor, vocabulary))
                && !d.weak_verdict(vocabulary);
            d.date.is_some() && (known || !strict)
        })
}

/// Where a line's text starts in its page's text.
fn offset(line: &Line<'_>) -> Option<usize> {
    (line.text.as_ptr() as usize).checked_sub(line.page_text.as_ptr() as usize)
}

enum Label {
    Bare,
    WithDate(NaiveDate),
}

/// "Datum", "Datum:", "Datum 27 mei 2026".
fn nota_date_label(line: &str, vocabulary: &Vocabulary) -> Option<Label> {
    if !may_open_with(line, vocabulary.nota_date_labels()) {
        return None;
    }
    let lower = line.to_lowercase();
    for label in vocabulary.nota_date_labels() {
        let Some(rest) = lower.strip_prefix(label.as_str()) else {
            continue;
        };
        let rest = rest.strip_prefix(':').unwrap_or(rest);
        if rest.trim().is_empty() {
            return Some(Label::Bare);
        }
        if !rest.starts_with(char::is_whitespace) {
            continue;
        }
        let value = line.get(line.len() - rest.len()..)?;
        return whole_date(value, vocabulary).map(Label::WithDate);
    }
    None
}

/// A line that is one whole date with its year ("27 mei 2026"), and no time.
pub(crate) fn whole_date(text: &str, vocabulary: &Vocabulary) -> Option<NaiveDate> {
    // A full stop or a comma after it, quotes around it ("27 mei 2026.",
    // "“24 maart 2026"): the end of a sentence, or OCR's specks.
    let text = text.trim().trim_matches(|c: char| {
        c.is_whitespace()
            || matches!(
                c,
                '.' | ',' | ';' | '"' | '\'' | '“' | '”' | '‘' | '’' | '„'
            )
    });
    let (date, len) = date_text::parse_at(text, vocabulary)?;
    if len != text.len() || text.contains(':') {
        return None;
    }
    NaiveDate::from_ymd_opt(date.year?, date.month, date.day)
}

/// "Aan Minister van WenP", "Aan de Staatssecretaris …" (not the e-mail
/// header "Aan: …").
fn is_addressee(line: &str, vocabulary: &Vocabulary) -> bool {
    if !may_open_with(line, vocabulary.addressee_prefixes()) {
        return false;
    }
    let lower = line.to_lowercase();
    vocabulary.addressee_prefixes().iter().any(|prefix| {
        lower
            .strip_prefix(prefix.as_str())
            .and_then(|rest| rest.strip_prefix(' '))
            .and_then(|rest| rest.chars().next())
            .is_some_and(char::is_alphabetic)
    })
}

fn paged_nota_date(lines: &[Line<'_>], index: usize) -> Option<NaiveDate> {
    let page = lines.get(index)?.page;
    let on_page = |line: &&Line<'_>| line.page == page;
    let after = lines
        .get(index + 1..)?
        .iter()
        .take(PAGE_SCAN_LINES)
        .take_while(on_page)
        .find_map(nota_date_of);
    after.or_else(|| {
        lines
            .get(..index)?
            .iter()
            .rev()
            .take(PAGE_SCAN_LINES)
            .take_while(on_page)
            .find_map(nota_date_of)
    })
}

fn unpaged_nota_date(lines: &[Line<'_>], index: usize) -> Option<NaiveDate> {
    let start = lines.get(index)?.number;
    let mut addressees = 0;
    let mut nota_words = 0;
    for line in lines.get(index + 1..)? {
        if line.number.saturating_sub(start) > NOTA_HEADER_LINES {
            return None;
        }
        match line.kind {
            Kind::NotaDate(date) => return Some(date),
            Kind::Stamp | Kind::SummaryTitle => return None,
            Kind::Addressee => {
                addressees += 1;
                if addressees > 1 {
                    return None;
                }
            }
            Kind::NotaWord => {
                nota_words += 1;
                if nota_words > 1 {
                    return None;
                }
            }
            Kind::Other => {}
        }
    }
    None
}

fn nota_date_of(line: &Line<'_>) -> Option<NaiveDate> {
    match line.kind {
        Kind::NotaDate(date) => Some(date),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn stamps(text: &str) -> Vec<StampLine<'_>> {
        stamp_lines(text, &Vocabulary::builtin())
    }

    #[test]
    fn stamp_before_nota_header() {
        // Seed 000, the top of the second nota.
        let text = "\n\n\nMWP besproken 24-3-2026\n\n\n\nAan Minister van Werk en Participatie\n\nnota\n\nKidfluencing\n\nTER BESLISSING\n\nDirectie\n\nDatum\n5 maart 2026\n\nOnze referentie\n2026-\n";
        let found = stamps(text);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].text, "MWP besproken 24-3-2026");
        assert_eq!(found[0].line, 4);
        assert_eq!(found[0].page, None);
        assert_eq!(found[0].nota_date, Some(ymd(2026, 3, 5)));
        let statement = found[0].statement();
        assert_eq!(statement.source, Source::PageText);
        assert_eq!(statement.reference, Some(SightingRef::Line(4)));
        assert_eq!(statement.nota_date, Some(ymd(2026, 3, 5)));
    }

    #[test]
    fn blank_line_between_label_and_date() {
        let text = "MWP bespreken 7-5-2026\nAan Minister van WenP\nnota\nDatum\n\n13 april 2026\n";
        assert_eq!(stamps(text)[0].nota_date, Some(ymd(2026, 4, 13)));
    }

    #[test]
    fn label_and_date_on_one_line() {
        let text = "SG akkoord 8/6\nAan de Minister\nDatum: 2 juni 2026\n";
        assert_eq!(stamps(text)[0].nota_date, Some(ymd(2026, 6, 2)));
    }

    #[test]
    fn summary_entry_contents_are_not_stamps() {
        // Seed 000: the printed summary repeats the stamp's text.
        let text = "Pagina: 4\n\n Nummer: 1 Auteur: Aartsen, A.A. Onderwerp: Tekst plaatsen Datum: 30-3-2026 22:11:55\nMWP niet akkoord 30-3-2026 \n\n\tNummer: 1\tAuteur: Aartsen, A.A.\tOnderwerp: FreeText\tDatum: Onbepaald\n\tMWP besproken 20-4-2026 \t\t\t\n";
        assert!(stamps(text).is_empty());
    }

    #[test]
    fn stamp_after_summary_fragments() {
        // Seed 000: fragments of a summary, then the next nota's stamp.
        let text = "Onderwerp: Markering\tDatum: 27-5-2026 11:42:18\nOnderwerp: Markering\tDatum: 27-5-2026 11:42:24\n\n\n\nMWP bespreken 7-5-2026  \n\nAan Minister van WenP\n\n \nnota\n\nDatum\n13 april 2026\n";
        let found = stamps(text);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].text, "MWP bespreken 7-5-2026");
        assert_eq!(found[0].nota_date, Some(ymd(2026, 4, 13)));
    }

    /// A stamp drawn as a box of short lines is one stamp, at its first
    /// line, with its line breaks; what reads alike but is no stamp stays
    /// out: a table's column, a form's unfilled block, the comment under a
    /// summary entry's header with the next "Pagina:", and a stamp that is
    /// whole on its own line.
    #[test]
    fn stamps_drawn_as_boxes_of_lines() {
        let text = "Aan de Minister\nDatum 3 juni 2026\n\nMWP\nakkoord 8/6\n\nAkkoord. SG\n9 juni 2026\n\nAKKOORD\nMinister van SZW\n08-06-2026 09:11\n\nGOEDGEKEURD\nDoor Vos, B. om 14:02, 12-05-2026\n";
        let found: Vec<(&str, usize)> = stamps(text).iter().map(|s| (s.text, s.line)).collect();
        assert_eq!(
            found,
            [
                ("MWP\nakkoord 8/6", 4),
                ("Akkoord. SG\n9 juni 2026", 7),
                ("AKKOORD\nMinister van SZW\n08-06-2026 09:11", 10),
                // A dynamic stamp: the person it names after "Door" signs.
                ("GOEDGEKEURD\nDoor Vos, B. om 14:02, 12-05-2026", 14),
            ]
        );
        let not_boxes = [
            "10/1/96\nCLINTON\nOK\n",
            "Akkoord\nMinister van SZW\nDatum:\n",
            "☐ Akkoord ☐ Niet akkoord\nMinister\nDatum: 8 juni 2026\n",
            "Gaat u akkoord\nmet optie 2?\n8 juni 2026\n",
            "Nummer: 1 Auteur: Aartsen, A.A. Onderwerp: Tekst plaatsen Datum: Onbepaald\nMinister akkoord\nPagina: 31\n",
        ];
        for text in not_boxes {
            assert!(stamps(text).is_empty(), "{text:?}: {:?}", stamps(text));
        }
        // A filled-in form: its unticked options, each on a line of its
        // own, do not count among the box's lines.
        let form = "Besluit SG:\n☐ akkoord\n☒ niet akkoord\n☐ bespreken\nDatum: 10-6-2026\n";
        assert_eq!(
            stamps(form)
                .iter()
                .map(|s| (s.text, s.line))
                .collect::<Vec<_>>(),
            [(form.trim_end(), 1)]
        );
        let form = "Beslissing Minister:\n☒ Akkoord\n☐ Niet akkoord\nDatum: 9-6-2026\n";
        assert_eq!(stamps(form).len(), 1, "{form:?}");
        let unticked = "Besluit SG:\n☐ akkoord\n☐ niet akkoord\n☐ bespreken\nDatum: 10-6-2026\n";
        assert!(stamps(unticked).is_empty(), "{:?}", stamps(unticked));
        let whole = stamps("Akkoord\nMWP akkoord 8/6\n");
        assert_eq!(
            whole.iter().map(|s| s.text).collect::<Vec<_>>(),
            ["MWP akkoord 8/6"]
        );
    }

    #[test]
    fn summary_date_field_is_not_a_nota_date() {
        let text = "MWP akkoord 8-6-2026\nOnderwerp: Markering\tDatum: 27-5-2026 11:41:48\nDatum: 27-5-2026 11:41:52\n";
        assert_eq!(stamps(text)[0].nota_date, None);
    }

    #[test]
    fn next_nota_ends_the_search() {
        // A stamp whose nota has no date: the next nota's date is not its.
        let text = "MWP akkoord 8-6-2026\nAan Minister van WenP\nnota\nTekst\nAan Minister van WenP\nnota\nDatum\n4 mei 2026\n";
        assert_eq!(stamps(text)[0].nota_date, None);
        let text =
            "MWP akkoord 8-6-2026\nAan Minister\nMWP besproken 9-6-2026\nDatum\n4 mei 2026\n";
        let found = stamps(text);
        assert_eq!(found[0].nota_date, None);
        assert_eq!(found[1].nota_date, Some(ymd(2026, 5, 4)));
    }

    #[test]
    fn date_before_stamp_is_the_previous_nota() {
        let text = "Datum\n4 mei 2026\nTekst\nMWP akkoord 8-6-2026\nAan Minister\n";
        assert_eq!(stamps(text)[0].nota_date, None);
    }

    #[test]
    fn pages_from_form_feeds() {
        let text = "Tekst\n\u{c}Datum\n20 mei 2026\nTekst\nMWP besproken 26-5-2026 1\n\u{c}Datum\n1 juni 2026\n\u{c}";
        let found = stamps(text);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].page, Some(2));
        assert_eq!(found[0].line, 5);
        // On a page, a date before the stamp is the nota's own.
        assert_eq!(found[0].nota_date, Some(ymd(2026, 5, 20)));
    }

    #[test]
    fn pages_keep_their_numbers() {
        // A document's pages come numbered; one whose text was not read
        // does not shift the pages after it.
        let pages = [(Some(1), "Nota\n"), (Some(3), "MWP akkoord 8-6-2026\n")];
        let marks = SummaryMarks::of(&SummaryLocale::builtin());
        let found = stamp_lines_in(pages, &Vocabulary::builtin(), &marks, usize::MAX);
        assert_eq!(found.len(), 1);
        assert_eq!((found[0].page, found[0].line), (Some(3), 2));
    }

    #[test]
    fn page_date_after_the_stamp_first() {
        let text = "Datum\n1 mei 2026\n\u{c}MWP akkoord 8/6\nDatum\n27 mei 2026\n";
        let found = stamps(text);
        assert_eq!(found[0].page, Some(2));
        assert_eq!(found[0].nota_date, Some(ymd(2026, 5, 27)));
    }

    #[test]
    fn many_stamps_on_one_page() {
        let text = format!("{}\u{c}", "MWP akkoord 8-6-2026\n".repeat(20_000));
        let found = stamps(&text);
        assert_eq!(found.len(), 20_000);
        assert!(found.iter().all(|stamp| stamp.nota_date.is_none()));
    }

    #[test]
    fn classifying_stops_once_more_than_max_stamps_are_certain() {
        // The bound is reached on the first page, whose date stands below
        // its stamps: the stamps given are the first of the text, with the
        // nota dates an unbounded reading gives them.
        let page = format!("{}Datum\n3 juni 2026\n", "MWP akkoord 8/6\n".repeat(30));
        let marks = SummaryMarks::of(&SummaryLocale::builtin());
        let vocabulary = Vocabulary::builtin();
        let paged = [(Some(1), page.as_str()), (Some(2), page.as_str())];
        let unpaged = [(None, page.as_str())];
        for pages in [&paged[..], &unpaged[..]] {
            let all = stamp_lines_in(pages.iter().copied(), &vocabulary, &marks, usize::MAX);
            let found = stamp_lines_in(pages.iter().copied(), &vocabulary, &marks, 2);
            assert_eq!(found.len(), 3);
            assert_eq!(found.as_slice(), all.get(..3).unwrap());
        }
        // On a page the date below is every stamp's.
        let found = stamp_lines_in(paged, &vocabulary, &marks, 2);
        assert!(found.iter().all(|s| s.nota_date == Some(ymd(2026, 6, 3))));
    }

    #[test]
    fn traps_in_page_text() {
        let text = "Indien u akkoord bent met de tekenversie van de brief kunt u deze ondertekenen.\nTER BESLISSING\nBeleidsstaf MWP, 20/4: Voortgangsbrief Gezond en Veilig Werken.\nVoorleggen aan MWP\tIn de week van 25 mei\nOnderwerp: MWP bespreker [redacted] (EU-richtlijn)\nBijlagen: MWP bespreken - [redacted] - 20260416 Nota vervolg gedragscode.pdf\n- Optie 2 heeft de voorkeur.\nOptie 1: Het wetsvoorstel agenderen voor de RSD\nOptie 2 heeft de voorkeur.\n";
        assert!(stamps(text).is_empty());
    }
}
