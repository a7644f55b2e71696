//! The normalising stage: what the records of an input mean.
//!
//! One function, [`normalise`], reads the text of an input's pages and its
//! annotations for what they record, whatever the input was (a PDF, whose
//! pages' text was extracted, or a text file). Each normaliser is a
//! directory beside this file and one step below:
//!
//! 1. [`summary`](crate::summary): Acrobat's printed comment summaries →
//!    [`Comment`]s, each linked to the live annotation it prints;
//! 2. [`decision`](crate::decision): annotations, comments and stamp lines
//!    of the pages → the register of [`Decision`]s;
//! 3. [`nota`](crate::nota): the pages, where the comments stand and where
//!    the decisions were seen → the [`Nota`]s of a bundle, each decision
//!    tied to its nota.
//!
//! A new normaliser gets its own directory and a step here, reading the
//! pages, the records before it and their results, and a field of
//! [`Normalised`].

use chrono::NaiveDate;

use crate::annotation::Annotation;
use crate::decision::{self, Decision, StampLine, Vocabulary};
use crate::diagnostics::{WarningKind, Warnings};
use crate::nota::{self, Nota};
use crate::summary::{self, Comment, Placements, SummaryLocale, SummaryMarks};
use crate::text::Pages;
use crate::threads::joined;

/// What the normalisers read by: the words of decisions and of printed
/// summaries.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Normalisers<'a> {
    pub(crate) vocabulary: &'a Vocabulary,
    pub(crate) summary_locales: &'a [SummaryLocale],
    /// 1 to normalise on the calling thread alone; else the readings of
    /// the pages that do not depend on one another run side by side.
    pub(crate) threads: usize,
    /// Most stamp lines, and most summary entries, read (see
    /// [`Limits::max_sightings`](crate::Limits::max_sightings)).
    pub(crate) max_sightings: usize,
}

/// Least text (in bytes) worth reading on more than one thread: below it,
/// starting threads costs more than it saves.
const MIN_PARALLEL_TEXT: usize = 64 * 1024;

/// What the normalisers found.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Normalised {
    /// The entries of printed comment summaries.
    pub(crate) comments: Vec<Comment>,
    /// The decisions, each once however often it was seen.
    pub(crate) decisions: Vec<Decision>,
    /// The notas of a bundle, in order.
    pub(crate) notas: Vec<Nota>,
    /// The pages whose text was recognised by OCR.
    pub(crate) ocr_pages: Vec<usize>,
    /// What reached a bound: the warnings the report gives.
    pub(crate) limits_reached: Vec<String>,
}

impl Normalised {
    /// Moves what reached a bound into `warnings`.
    pub(crate) fn warn_of_limits(&mut self, warnings: &mut Warnings) {
        for message in std::mem::take(&mut self.limits_reached) {
            warnings.push(None, None, WarningKind::LimitReached, message);
        }
    }
}

/// What the normalisers read from the pages' text alone, before any
/// annotation is needed: the printed summaries and where they stand, the
/// stamp lines, and the lines notas are found in.
pub(crate) struct TextReading<'p> {
    comments: Vec<Comment>,
    placements: Placements,
    stamps: Vec<StampLine<'p>>,
    lines: nota::Lines<'p>,
}

/// Reads the text of an input's pages, the first half of [`normalise`].
/// Nothing here reads the annotations, so a caller may finish reading
/// them (their appearances) meanwhile.
pub(crate) fn read_text<'p>(pages: &'p Pages<'_>, normalisers: Normalisers<'_>) -> TextReading<'p> {
    let marks = SummaryMarks::of(normalisers.summary_locales);
    let summaries = || {
        summary::parse_placed(
            pages.texts(),
            normalisers.summary_locales,
            normalisers.max_sightings,
        )
    };
    let stamps = || {
        decision::stamp_lines_in(
            pages.texts(),
            normalisers.vocabulary,
            &marks,
            normalisers.max_sightings,
        )
    };
    let lines = || nota::Lines::read(pages, normalisers.vocabulary);
    let ((comments, placements), stamps, lines) = if side_by_side(pages, normalisers.threads) {
        std::thread::scope(|scope| {
            let stamps = scope.spawn(stamps);
            let lines = scope.spawn(lines);
            let summaries = summaries();
            (summaries, joined(stamps), joined(lines))
        })
    } else {
        (summaries(), stamps(), lines())
    };
    TextReading {
        comments,
        placements,
        stamps,
        lines,
    }
}

/// Reads the pages and annotations of one input: its text as
/// [`read_text`] read it, and the annotations. `document_dates` give a
/// year to decision dates that have nothing closer (a PDF's
/// `/CreationDate` and `/ModDate`; none for a text input).
pub(crate) fn normalise(
    pages: &Pages<'_>,
    text: TextReading<'_>,
    annotations: &[Annotation],
    document_dates: &[NaiveDate],
    normalisers: Normalisers<'_>,
) -> Normalised {
    let TextReading {
        mut comments,
        placements,
        stamps,
        lines,
    } = text;
    let max = normalisers.max_sightings;
    let mut limits_reached = Vec::new();
    if placements.comments_cut {
        limits_reached.push(format!(
            "the printed comment summaries hold more than {max} entries; the rest are not read"
        ));
    }
    if stamps.len() > max {
        limits_reached.push(format!(
            "the text holds more than {max} stamp lines; the rest are not read"
        ));
    }
    let stamps = stamps.into_iter().take(max);
    summary::link(&mut comments, annotations);
    // A comment's text in a printed summary is read as the comment; its
    // lines read again as stamps on the page would give each decision a
    // second time, without the comment's date.
    let stamps: Vec<StampLine<'_>> = stamps
        .filter(|stamp| !placements.hold_any(stamp.line, stamp.last_line()))
        .collect();
    let statements = decision::statements(annotations, &comments, &stamps);
    let mut decisions = decision::build_register_on(
        &statements,
        document_dates,
        normalisers.vocabulary,
        normalisers.threads,
    );
    let notas = nota::register(
        pages,
        lines,
        &comments,
        &placements,
        &mut decisions,
        normalisers.vocabulary,
    );
    let nota_dates: Vec<Option<NaiveDate>> = notas.iter().map(|nota| nota.date).collect();
    decision::years_from_notas(&mut decisions, &nota_dates, normalisers.vocabulary);
    let ocr_pages = pages.ocr_pages();
    mark_ocr(&ocr_pages, &mut comments, &mut decisions);
    Normalised {
        comments,
        decisions,
        notas,
        ocr_pages,
        limits_reached,
    }
}

/// Whether to read the pages on more than one thread: when asked, and
/// when there is enough text for it to pay.
pub(crate) fn side_by_side(pages: &Pages<'_>, threads: usize) -> bool {
    threads != 1 && pages.texts().map(|(_, text)| text.len()).sum::<usize>() >= MIN_PARALLEL_TEXT
}

/// Marks the summary entries and the sightings of decisions read from
/// pages whose text OCR recognised.
fn mark_ocr(ocr_pages: &[usize], comments: &mut [Comment], decisions: &mut [Decision]) {
    if ocr_pages.is_empty() {
        return;
    }
    let recognised =
        |page: Option<usize>| page.is_some_and(|p| ocr_pages.binary_search(&p).is_ok());
    for comment in comments {
        comment.ocr = recognised(comment.page);
    }
    for sighting in decisions.iter_mut().flat_map(|d| d.seen_in.iter_mut()) {
        sighting.ocr = sighting.source != decision::Source::Annotation && recognised(sighting.page);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::summary::SummaryLocale;

    /// A long text is read side by side on threads; what is found is what
    /// one thread finds.
    #[test]
    fn threads_find_what_one_thread_finds() {
        let nota = concat!(
            include_str!("../fixtures/notas-bundel.txt"),
            "\x0c",
            include_str!("../fixtures/beslisnota-flattened.txt"),
            "\x0c",
        );
        let text = nota.repeat(MIN_PARALLEL_TEXT / nota.len() + 1);
        let pages = Pages::from_text(&text);
        let vocabulary = Vocabulary::builtin();
        let summary_locales = SummaryLocale::builtin();
        let read = |threads| {
            let normalisers = Normalisers {
                vocabulary: &vocabulary,
                summary_locales: &summary_locales,
                threads,
                max_sightings: usize::MAX,
            };
            normalise(
                &pages,
                read_text(&pages, normalisers),
                &[],
                &[],
                normalisers,
            )
        };
        assert!(side_by_side(&pages, 0));
        assert!(!side_by_side(&pages, 1));
        let one = read(1);
        assert!(!one.decisions.is_empty());
        assert!(!one.notas.is_empty());
        assert_eq!(read(0), one);
    }

    /// The lines of a comment in a printed summary are read once, as the
    /// comment, not again as stamps on the page.
    #[test]
    fn a_summary_comment_is_not_read_again_as_page_stamps() {
        let text = "Overzicht van opmerkingen bij nota.pdf\n\
                    Pagina: 2\n\
                    Nummer: 1 Auteur: Jansen, J. Onderwerp: Notitie Datum: 3-5-2026 10:00:00\n\
                    ad 1 akkoord\n\
                    ad 2 niet akkoord\n\
                    ad 3 bespreken\n\
                    SG 3/5\n";
        let pages = Pages::from_text(text);
        let vocabulary = Vocabulary::builtin();
        let summary_locales = SummaryLocale::builtin();
        let normalisers = Normalisers {
            vocabulary: &vocabulary,
            summary_locales: &summary_locales,
            threads: 1,
            max_sightings: usize::MAX,
        };
        let found = normalise(
            &pages,
            read_text(&pages, normalisers),
            &[],
            &[],
            normalisers,
        );
        let read: Vec<_> = found
            .decisions
            .iter()
            .map(|d| (d.point, d.verdict, d.date, d.seen_in.len()))
            .collect();
        let date = NaiveDate::from_ymd_opt(2026, 5, 3);
        assert_eq!(
            read,
            [
                (Some(1), decision::Verdict::Approved, date, 1),
                (Some(2), decision::Verdict::Rejected, date, 1),
                (Some(3), decision::Verdict::ToDiscuss, date, 1),
            ]
        );
        assert!(
            found
                .decisions
                .iter()
                .all(|d| d.seen_in[0].source == decision::Source::CommentSummary)
        );
    }
}
