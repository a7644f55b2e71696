//! The nota register: a bundle split into its notas, and which decision
//! was taken on which nota.
//!
//! A released Woo bundle is one PDF (or its text) holding many documents:
//! decision notas, each with its header block (document word, addressee,
//! date, reference, title), its pages, a stamp or a printed comment summary
//! with the minister's decision. The flow, one module a step:
//! - [`words`]: the words of nota templates, as data;
//! - [`lines`]: every line of the input read for what it is (a document
//!   word, a marker, a label, a heading, a summary's line, a stamp, text);
//! - [`header`]: header blocks → where each nota starts, its title, kind,
//!   addressee, date and reference;
//! - [`sections`]: each nota's deadline and decision points;
//! - [`title`]: which nota a comment summary's title names;
//! - [`members`]: which nota each place, summary entry and decision
//!   belongs to.
//!
//! Nothing is invented: a title, an addressee or a reference is text found
//! in the input or `null`; a date that does not read is `null` with its
//! text kept. An input without a recognisable header has no notas.

mod header;
mod lines;
mod members;
mod sections;
mod title;
mod words;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::decision::{Decision, SightingRef, Vocabulary, last_line_of};
use crate::summary::{Comment, Placements};
use crate::text::Pages;
use header::Header;
use lines::{Line, Role};
use members::{Places, Start};

/// What kind of document a nota is, as its header says.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum NotaKind {
    /// A decision nota: "Beslisnota", "TER BESLISSING".
    Beslisnota,
    /// An information nota: "Informatienota", "TER INFORMATIE".
    Informatienota,
    /// A nota, notitie or memo that says no more ("nota", "TER BESPREKING").
    Nota,
    /// A nota that puts a letter up for signature ("BRIEF ONDERTEKENEN",
    /// "TER ONDERTEKENING").
    Brief,
    /// The header names no kind (it was found by its fields alone).
    Unknown,
}

/// One nota of an input: its header, its pages and the decisions taken on
/// it.
///
/// A nota starts at its header block: a document word ("nota",
/// "Beslisnota", "Informatienota", "notitie", "memo", also as OCR splits
/// it: "n Ota") or a marker in capitals ("TER BESLISSING", "BRIEF
/// ONDERTEKENEN"), together with an addressee ("Aan …") or a subject
/// ("Onderwerp", "Betreft"); or an addressee, a subject and a readable
/// date ("Datum") without a document word. Labels stand alone with the
/// value on the next line, or before it ("Datum: 4 mei 2026"), also side by
/// side on one line. A continuation page's running header ("Datum … Onze
/// referentie …"), an e-mail ("Verzonden:" is no date) and an attachment
/// table that names a nota ("Nota MWP – … d.d. 24 maart 2026") are not
/// notas, and a header repeated with the same title, date and reference is
/// the same nota.
///
/// A decision belongs to the nota of its most precise sighting: a live
/// annotation's page, or a stamp's page (the nota whose pages hold it) or,
/// in text without page breaks, its place (a stamp directly above a
/// header is that nota's); then a printed summary whose title names the
/// nota, allowing for typos; then the place of a summary entry, or for a
/// summary of a combined file, the page it names.
///
/// Every optional key is present in JSON, as `null` when the nota does not
/// give it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Nota {
    /// The title: the subject ("Onderwerp", "Betreft") or the line after
    /// the document word ("nota" / "Kidfluencing"), lines of a wrapped title
    /// joined by a space.
    pub title: Option<String>,
    /// What kind of nota the header says it is.
    pub kind: NotaKind,
    /// The text the kind was read from ("TER BESLISSING", "Beslisnota").
    pub kind_text: Option<String>,
    /// Who the nota is for ("Aan Minister van WenP" → "Minister van WenP").
    pub addressee: Option<String>,
    /// The nota's date ("Datum"), ISO `YYYY-MM-DD`.
    #[serde(
        serialize_with = "crate::pdf::date::serialize_iso_date",
        deserialize_with = "crate::pdf::date::deserialize_iso_date"
    )]
    #[cfg_attr(
        feature = "schema",
        schemars(with = "Option<crate::pdf::schema::IsoDate>")
    )]
    pub date: Option<NaiveDate>,
    /// The date as written ("27 mei 2026", `"[redacted]"`).
    pub date_text: Option<String>,
    /// The reference ("Onze referentie", "Kenmerk", "Ons kenmerk") as
    /// written, redaction markers (`"[redacted]"`, `"5.1.2e"`) included.
    pub reference: Option<String>,
    /// The 1-based input page the header is on; `null` for text without
    /// page breaks.
    pub first_page: Option<usize>,
    /// The last page before the next nota's (or the input's last page);
    /// `null` for text without page breaks.
    pub last_page: Option<usize>,
    /// The 1-based input line the header starts on, lines counted across
    /// pages (as in a decision's `line:<n>` reference).
    pub line: usize,
    /// When the decision is due ("Uiterlijk bij"), ISO `YYYY-MM-DD`.
    #[serde(
        serialize_with = "crate::pdf::date::serialize_iso_date",
        deserialize_with = "crate::pdf::date::deserialize_iso_date"
    )]
    #[cfg_attr(
        feature = "schema",
        schemars(with = "Option<crate::pdf::schema::IsoDate>")
    )]
    pub deadline: Option<NaiveDate>,
    /// The deadline as written.
    pub deadline_text: Option<String>,
    /// What the nota asks ("Beslispunten", "Geadviseerd besluit"): one
    /// string per question or point.
    pub decision_points: Vec<String>,
    /// The decisions taken on this nota: indices into the report's
    /// `decisions`, in order.
    pub decisions: Vec<usize>,
}

/// Every line of an input's pages read for what it is as text, before the
/// other normalisers have said which lines are theirs: the part of the
/// register that depends on nothing else, and costs most.
#[derive(Debug, Clone, Default)]
pub(crate) struct Lines<'a>(Vec<Line<'a>>);

impl<'a> Lines<'a> {
    /// Reads the lines of `pages`.
    pub(crate) fn read(pages: &'a Pages<'_>, vocabulary: &Vocabulary) -> Self {
        Self(lines::read(pages.texts(), vocabulary))
    }
}

/// Splits the input into notas, and sets each decision's
/// [`nota`](Decision::nota). `lines` are the lines of `pages`.
pub(crate) fn register(
    pages: &Pages<'_>,
    lines: Lines<'_>,
    comments: &[Comment],
    placements: &Placements,
    decisions: &mut [Decision],
    vocabulary: &Vocabulary,
) -> Vec<Nota> {
    // A stamp drawn as a box of lines holds every line of the box: its
    // text is theirs, line breaks kept.
    let mut stamps: Vec<usize> = decisions
        .iter()
        .flat_map(|decision| &decision.seen_in)
        .filter_map(|sighting| match sighting.reference {
            Some(SightingRef::Line(line)) => Some(line..=last_line_of(line, &sighting.text)),
            _ => None,
        })
        .flatten()
        .collect();
    stamps.sort_unstable();
    stamps.dedup();
    let known = lines::Known {
        summary: &placements.lines,
        stamps: &stamps,
    };
    let Lines(mut lines) = lines;
    lines::mark_known(&mut lines, &known);
    let headers = distinct(header::headers(&lines, vocabulary));
    if headers.is_empty() {
        return Vec::new();
    }
    let paged = lines.first().is_some_and(|line| line.page.is_some());
    let places = Places {
        starts: (0..headers.len())
            .map(|k| start(&lines, &headers, k, paged))
            .collect(),
        paged,
    };
    let titles: Vec<Option<String>> = headers.iter().map(|h| h.title.clone()).collect();
    let comment_notas = members::comment_notas(comments, &placements.comments, &places, &titles);
    let mut per_nota = members::assign(decisions, &comment_notas, &places, headers.len());
    let last_page = pages.texts().filter_map(|(number, _)| number).max();
    headers
        .iter()
        .enumerate()
        .map(|(k, header)| {
            let end = headers.get(k + 1).map_or(lines.len(), |next| next.first);
            let own = lines.get(header.first..end).unwrap_or_default();
            let sections = sections::read(own, vocabulary);
            let first_page = lines.get(header.first).and_then(|line| line.page);
            let next_page = headers
                .get(k + 1)
                .and_then(|next| lines.get(next.first))
                .and_then(|line| line.page);
            let last = match next_page {
                Some(next) if Some(next) == first_page => Some(next),
                Some(next) => Some(next.saturating_sub(1)),
                None => last_page,
            };
            // A header without a date: the margin of a later page may
            // repeat it.
            let (date, date_text) = match &header.date_text {
                Some(text) => (header.date, Some(text.clone())),
                None => header::later_date(own, first_page, vocabulary)
                    .map_or((None, None), |(text, date)| (Some(date), Some(text))),
            };
            Nota {
                title: header.title.clone(),
                kind: header.kind,
                kind_text: header.kind_text.clone(),
                addressee: header.addressee.clone(),
                date,
                date_text,
                reference: header.reference.clone(),
                first_page,
                last_page: first_page.and(last),
                line: lines.get(header.first).map_or(0, |line| line.number),
                deadline: sections.deadline,
                deadline_text: sections.deadline_text,
                decision_points: sections.decision_points,
                decisions: per_nota.get_mut(k).map(std::mem::take).unwrap_or_default(),
            }
        })
        .collect()
}

/// The headers without repeats: a header with the title, date and
/// reference of the one before it is that nota's again (a template that
/// repeats its header on every page), not a new nota.
fn distinct(headers: Vec<Header>) -> Vec<Header> {
    let mut kept: Vec<Header> = Vec::with_capacity(headers.len());
    for header in headers {
        let repeats = kept.last().is_some_and(|last| {
            header.title.is_some()
                && last.title == header.title
                && last.date_text == header.date_text
                && last.reference == header.reference
        });
        if !repeats {
            kept.push(header);
        }
    }
    kept
}

/// Where nota `k` starts (see [`members`]).
fn start(lines: &[Line<'_>], headers: &[Header], k: usize, paged: bool) -> Start {
    let Some(first) = headers.get(k).map(|h| h.first) else {
        return Start {
            page: None,
            line: 0,
        };
    };
    let Some(line) = lines.get(first) else {
        return Start {
            page: None,
            line: 0,
        };
    };
    let floor = k
        .checked_sub(1)
        .and_then(|previous| headers.get(previous))
        .map_or(0, |previous| previous.first + 1);
    let above = lines.get(floor..first).unwrap_or_default();
    let first_on_page = k
        .checked_sub(1)
        .and_then(|previous| headers.get(previous))
        .and_then(|previous| lines.get(previous.first))
        .is_none_or(|previous| previous.page != line.page);
    if paged && first_on_page {
        let top = above
            .iter()
            .rev()
            .take_while(|l| l.page == line.page)
            .last()
            .map_or(line.number, |l| l.number);
        return Start {
            page: line.page,
            line: top,
        };
    }
    Start {
        page: line.page,
        line: stamps_above(above, line, k == 0).unwrap_or(line.number),
    }
}

/// Most lines of a letterhead ("Ministerie van Binnenlandse Zaken en /
/// Koninkrijksrelaties", a directorate) that may stand between a stamp and
/// the header below it.
const MAX_LETTERHEAD_LINES: usize = 4;

/// The first line of the stamps directly above a header: stamp lines, with
/// blank lines (not lines here) between, as a stamp burned in at the top of
/// a nota's first page reads in text without page breaks. Above the first
/// header, where no nota could hold a stamp, a short letterhead may also
/// stand between the lowest stamp and the header; further down, a stamp
/// above a letterhead is as likely the bottom of the nota before.
fn stamps_above(above: &[Line<'_>], header: &Line<'_>, first: bool) -> Option<usize> {
    let max_letterhead = if first { MAX_LETTERHEAD_LINES } else { 0 };
    let mut letterhead = 0;
    let mut top = None;
    for line in above.iter().rev().take_while(|l| l.page == header.page) {
        match line.role {
            Role::Stamp => top = Some(line.number),
            Role::Text
                if top.is_none() && letterhead < max_letterhead && is_letterhead(line.text) =>
            {
                letterhead += 1;
            }
            _ => break,
        }
    }
    top
}

/// A short line that ends no sentence: a ministry's or directorate's name.
fn is_letterhead(text: &str) -> bool {
    let text = text.trim();
    text.chars().count() <= 60 && !text.ends_with(['.', ':', '?', ';', ','])
}
