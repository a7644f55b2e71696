//! Statements → the register of decisions.
//!
//! Each statement is read by the recogniser: page text in stamp mode,
//! annotation contents and summary entries in comment mode. Then:
//!
//! 1. **Actor.** A text that names no actor takes the statement's author
//!    (`actor_from_author`); an author written as a placeholder in brackets
//!    ("[redacted]") is not used.
//! 2. **Date.** A written date is settled by
//!    [`date_text`](super::date_text) against the statement's own moment
//!    (`written`: an annotation's `/M`, a summary entry's `Datum`), the nota
//!    date and the document dates. A text without a date is dated by its own
//!    moment when it has one (basis `annotation` or `summary_entry`), else
//!    not at all.
//! 3. **One decision, many sightings.** Statements with the same verdict,
//!    option, point and date (or, when no year could be found, the same day
//!    and month as written) are one decision when their actors agree (the same
//!    actor or title; an author-derived actor agrees with a statement whose
//!    author is unknown or the same), their nota dates do not differ, and no
//!    two of them come from the same kind of source. So a burned-in stamp, a
//!    live annotation and a summary entry of "MWP akkoord 8/6" make one
//!    decision seen three times, while two stamps with the same text (two
//!    notas decided on the same day) stay two decisions. Only two
//!    annotations with the same text on the same page are one decision
//!    pasted twice.
//! 4. **Options.** An option statement ("Optie 2; …") enriches a decision by
//!    the same author on the same nota: for annotations the same page, for
//!    summary entries the same target page within one run of entries (no
//!    entry for another page in between), and an annotation and a summary
//!    entry when the annotation's page is the entry's target page. The
//!    decision takes the option and, when it has no remark of its own, the
//!    option's remark (else both, joined by "; "); the nearest such decision
//!    in input order wins, and a decision already holding another option is
//!    passed over. A note, a request to discuss and a deferral take no
//!    option, nor does any decision from a statement that names another
//!    actor or writes another date
//!    ("SG gezien 4/6" and "MWP: optie 2 5/6" on one page are two
//!    decisions). An option statement that enriches nothing is a decision
//!    of its own with verdict `option`.
//!
//! A decision's own fields (`text`, `page`, `source`, `ref`, `verdict_text`,
//! `remark`, `date_text`, `date_basis`) come from its first sighting in this
//! order: an explicit date before an inferred one, then an annotation before
//! a summary entry before page text. Decisions are listed in the order of
//! their first statement.

use std::collections::HashMap;

use chrono::{NaiveDate, NaiveDateTime};

use super::date_text::{self, Anchors};
use super::recognise::{Mode, Recognised, recognise};
use super::{DateBasis, Decision, Sighting, SightingRef, Source, Verdict, Vocabulary};

/// How many earlier decisions with the same verdict, option and date a
/// statement is compared with (bounds the work on hostile input).
pub(crate) const MAX_CANDIDATES: usize = 64;

/// One text that may record a decision, with where and when it was seen.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Statement<'a> {
    /// The text: annotation contents, a summary entry's comment, a line of
    /// page text.
    pub text: &'a str,
    /// Where it was found.
    pub source: Source,
    /// The 1-based input page it was seen on.
    pub page: Option<usize>,
    /// For a summary entry: the page it comments on (its `Pagina` value).
    pub target_page: Option<usize>,
    /// The annotation, summary entry or line it is.
    pub reference: Option<SightingRef>,
    /// The annotation's or summary entry's author.
    pub author: Option<&'a str>,
    /// When it was written down: the annotation's `/M` (else
    /// `/CreationDate`) or the summary entry's `Datum`.
    pub written: Option<NaiveDateTime>,
    /// The date of the nota it is on.
    pub nota_date: Option<NaiveDate>,
    /// It replies to a comment that asks nothing (a text change, a
    /// remark): a bare word of assent in it ("Eens", "Ok") agrees with that
    /// comment, not with the nota.
    pub replies_to_remark: bool,
}

impl<'a> Statement<'a> {
    /// A statement with only its text and source known.
    pub fn new(text: &'a str, source: Source) -> Self {
        Self {
            text,
            source,
            page: None,
            target_page: None,
            reference: None,
            author: None,
            written: None,
            nota_date: None,
            replies_to_remark: false,
        }
    }

    /// Sets the 1-based input page.
    #[must_use]
    pub fn with_page(mut self, page: usize) -> Self {
        self.page = Some(page);
        self
    }

    /// Sets the page a summary entry comments on.
    #[must_use]
    pub fn with_target_page(mut self, page: usize) -> Self {
        self.target_page = Some(page);
        self
    }

    /// Sets the reference.
    #[must_use]
    pub fn with_reference(mut self, reference: SightingRef) -> Self {
        self.reference = Some(reference);
        self
    }

    /// Sets the author.
    #[must_use]
    pub fn with_author(mut self, author: &'a str) -> Self {
        self.author = Some(author);
        self
    }

    /// Sets the moment it was written down.
    #[must_use]
    pub fn with_written(mut self, written: NaiveDateTime) -> Self {
        self.written = Some(written);
        self
    }

    /// Sets the nota's date.
    #[must_use]
    pub fn with_nota_date(mut self, date: NaiveDate) -> Self {
        self.nota_date = Some(date);
        self
    }

    fn author_key(&self) -> Option<String> {
        let author = self.author?.trim();
        (!author.is_empty()).then(|| author.to_lowercase())
    }
}

/// A statement read as a decision.
struct Item<'s, 'a> {
    index: usize,
    statement: &'s Statement<'a>,
    recognised: Recognised,
    actor: Option<String>,
    actor_title: Option<String>,
    from_author: bool,
    date: Option<NaiveDate>,
    basis: Option<DateBasis>,
    /// The actor as compared ([`super::vocabulary::normalise`]d), and the
    /// statement's author as compared: worked out once, not in every
    /// comparison.
    actor_key: Option<String>,
    author_key: Option<String>,
}

impl Item<'_, '_> {
    /// Whether two items look the same to [`agree`]: what it compares is
    /// equal, so each agrees with a third alike.
    fn alike(&self, other: &Self) -> bool {
        self.statement.source == other.statement.source
            && self.statement.page == other.statement.page
            && self.statement.nota_date == other.statement.nota_date
            && self.statement.text.trim() == other.statement.text.trim()
            && self.from_author == other.from_author
            && self.actor_key == other.actor_key
            && self.actor_title == other.actor_title
            && self.author_key == other.author_key
    }
}

/// Verdict, option, point, date; and for a date whose year could not be
/// found, the day and month as written.
type Key = (
    Verdict,
    Option<u32>,
    Option<u32>,
    Option<NaiveDate>,
    Option<(u32, u32)>,
);

/// Reads the statements and gives one [`Decision`] per decision, with every
/// statement that records it in `seen_in`.
///
/// `document_dates` give a year to dates that have nothing closer (see
/// [`DateBasis::Document`]).
pub fn build_register(
    statements: &[Statement<'_>],
    document_dates: &[NaiveDate],
    vocabulary: &Vocabulary,
) -> Vec<Decision> {
    build_register_on(statements, document_dates, vocabulary, 1)
}

/// Gives a year-less decision date the year of the nota the decision is
/// tied to (`nota_dates`, by nota index) when nothing closer gave it one:
/// a summary entry dated "Onbepaald", an annotation without a date, a stamp
/// whose page names no date. The register settles dates before the notas
/// are known, so such a date rested on the document's dates, or on
/// nothing.
pub(crate) fn years_from_notas(
    decisions: &mut [Decision],
    nota_dates: &[Option<NaiveDate>],
    vocabulary: &Vocabulary,
) {
    for decision in decisions {
        if !matches!(decision.date_basis, None | Some(DateBasis::Document)) {
            continue;
        }
        let Some(nota) = decision
            .nota
            .and_then(|index| nota_dates.get(index).copied().flatten())
        else {
            continue;
        };
        let Some((written, _)) = decision
            .date_text
            .as_deref()
            .and_then(|text| date_text::parse_at(text, vocabulary))
        else {
            continue;
        };
        if written.year.is_some() {
            continue;
        }
        let anchors = Anchors {
            written: None,
            nota: Some(nota),
            document: &[],
        };
        if let Some((date, basis)) = date_text::resolve(&written, &anchors) {
            decision.date = Some(date);
            decision.date_basis = Some(basis);
        }
    }
}

/// Fewest statements read on two threads: below it, starting a thread
/// costs more than it saves.
const MIN_PARALLEL_STATEMENTS: usize = 128;

/// [`build_register`], the statements read on two threads when `threads`
/// is not 1 and there are many of them (a bundle's hundreds of stamps and
/// comments); the register is the same.
pub(crate) fn build_register_on(
    statements: &[Statement<'_>],
    document_dates: &[NaiveDate],
    vocabulary: &Vocabulary,
    threads: usize,
) -> Vec<Decision> {
    let items = read_statements(statements, document_dates, vocabulary, threads);

    let groups = group(&items);

    let is_option = |group: &[usize]| {
        group
            .first()
            .and_then(|&m| items.get(m))
            .is_some_and(|item| item.recognised.verdict == Verdict::Option)
    };
    let (option_groups, decision_groups): (Vec<Vec<usize>>, Vec<Vec<usize>>) =
        groups.into_iter().partition(|group| is_option(group));

    let mut decisions: Vec<Assembly> = decision_groups
        .into_iter()
        .map(|members| Assembly {
            members,
            option: None,
        })
        .collect();
    let mut standalone = Vec::new();
    for group in option_groups {
        match enrich_target(&decisions, &group, &items, statements) {
            Some(target) => {
                if let Some(assembly) = decisions.get_mut(target) {
                    assembly.option = Some(group);
                }
            }
            None => standalone.push(Assembly {
                members: group,
                option: None,
            }),
        }
    }
    decisions.extend(standalone);
    let mut decisions: Vec<(usize, Decision)> = decisions
        .iter()
        .filter_map(|assembly| {
            let first = assembly
                .members
                .iter()
                .chain(assembly.option.iter().flatten())
                .filter_map(|&m| items.get(m))
                .map(|item| item.index)
                .min()?;
            Some((first, assembly.decision(&items)?))
        })
        .collect();
    decisions.sort_by_key(|(first, _)| *first);
    decisions
        .into_iter()
        .map(|(_, decision)| decision)
        .collect()
}

/// The decisions the statements record, in order: on two threads when
/// `threads` is not 1 and there are many statements.
fn read_statements<'s, 'a>(
    statements: &'s [Statement<'a>],
    document_dates: &[NaiveDate],
    vocabulary: &Vocabulary,
    threads: usize,
) -> Vec<Item<'s, 'a>> {
    let read_from = |offset, statements| read_all(offset, statements, document_dates, vocabulary);
    if threads != 1 && statements.len() >= MIN_PARALLEL_STATEMENTS {
        let (mut items, second) = crate::threads::in_halves(statements, read_from);
        items.extend(second);
        items
    } else {
        read_from(0, statements)
    }
}

/// The decisions the statements record, in order; `offset` is the first
/// one's index.
fn read_all<'s, 'a>(
    offset: usize,
    statements: &'s [Statement<'a>],
    document_dates: &[NaiveDate],
    vocabulary: &Vocabulary,
) -> Vec<Item<'s, 'a>> {
    statements
        .iter()
        .enumerate()
        .flat_map(|(index, statement)| read(offset + index, statement, document_dates, vocabulary))
        .collect()
}

/// The decisions one statement records (one per point it answers).
fn read<'s, 'a>(
    index: usize,
    statement: &'s Statement<'a>,
    document_dates: &[NaiveDate],
    vocabulary: &Vocabulary,
) -> Vec<Item<'s, 'a>> {
    let mode = match statement.source {
        Source::PageText => Mode::Stamp,
        Source::Annotation | Source::CommentSummary => Mode::Comment,
    };
    recognise(statement.text, mode, vocabulary)
        .into_iter()
        .filter(|recognised| !agrees_with_reply_parent(statement, recognised, vocabulary))
        .map(|recognised| item(index, statement, recognised, document_dates, vocabulary))
        .collect()
}

/// The items in groups of one decision each: an item joins a recent group
/// of its verdict, option, point and date whose members all agree with it.
fn group(items: &[Item<'_, '_>]) -> Vec<Vec<usize>> {
    let mut groups: Vec<Vec<usize>> = Vec::new();
    // Of each group, one member of each kind alike (see `Item::alike`): an
    // item agrees with all members when it agrees with these, so one
    // decision pasted thousands of times is compared once a paste, not
    // with every paste before it.
    let mut kinds: Vec<Vec<usize>> = Vec::new();
    let mut by_key: HashMap<Key, Vec<usize>> = HashMap::new();
    for (position, item) in items.iter().enumerate() {
        let unresolved = match (item.date, item.recognised.date) {
            (None, Some(written)) => Some((written.day, written.month)),
            _ => None,
        };
        let key = (
            item.recognised.verdict,
            item.recognised.option,
            item.recognised.point,
            item.date,
            unresolved,
        );
        let candidates = by_key.entry(key).or_default();
        let joined = candidates
            .iter()
            .rev()
            .take(MAX_CANDIDATES)
            .copied()
            .find(|&group| {
                kinds.get(group).is_some_and(|kinds| {
                    kinds
                        .iter()
                        .filter_map(|&m| items.get(m))
                        .all(|member| agree(member, item))
                })
            });
        match joined {
            Some(group) => {
                if let Some(members) = groups.get_mut(group) {
                    members.push(position);
                }
                if let Some(kinds) = kinds.get_mut(group)
                    && !kinds
                        .iter()
                        .filter_map(|&m| items.get(m))
                        .any(|member| member.alike(item))
                {
                    kinds.push(position);
                }
            }
            None => {
                candidates.push(groups.len());
                groups.push(vec![position]);
                kinds.push(vec![position]);
            }
        }
    }

    groups
}

/// Whether a reading is a bare word of assent ("Eens", "Ok", "Mee eens":
/// a weak verdict, no actor named) in a reply to a comment that asks
/// nothing: the reply agrees with that comment.
fn agrees_with_reply_parent(
    statement: &Statement<'_>,
    recognised: &Recognised,
    vocabulary: &Vocabulary,
) -> bool {
    statement.replies_to_remark && recognised.actor.is_none() && recognised.weak_verdict(vocabulary)
}

/// One decision of a statement, its actor and date settled.
fn item<'s, 'a>(
    index: usize,
    statement: &'s Statement<'a>,
    recognised: Recognised,
    document_dates: &[NaiveDate],
    vocabulary: &Vocabulary,
) -> Item<'s, 'a> {
    let (actor, actor_title, from_author) = match &recognised.actor {
        Some(actor) => (Some(actor.clone()), recognised.actor_title.clone(), false),
        None => match usable_author(statement.author) {
            Some(author) => (
                Some(author.to_owned()),
                vocabulary.actor_title(author),
                true,
            ),
            None => (None, None, false),
        },
    };
    let written = statement.written.map(|moment| {
        let basis = match statement.source {
            Source::Annotation => DateBasis::Annotation,
            Source::CommentSummary => DateBasis::SummaryEntry,
            Source::PageText => DateBasis::Document,
        };
        (moment.date(), basis)
    });
    let (date, basis) = match &recognised.date {
        Some(written_date) => {
            let anchors = Anchors {
                written,
                nota: statement.nota_date,
                document: document_dates,
            };
            date_text::resolve(written_date, &anchors)
                .map_or((None, None), |(d, b)| (Some(d), Some(b)))
        }
        None => written.map_or((None, None), |(d, b)| (Some(d), Some(b))),
    };
    Item {
        index,
        statement,
        recognised,
        actor_key: actor.as_deref().map(super::vocabulary::normalise),
        author_key: statement.author_key(),
        actor,
        actor_title,
        from_author,
        date,
        basis,
    }
}

fn usable_author(author: Option<&str>) -> Option<&str> {
    let author = author?.trim();
    let placeholder = author.starts_with('[') && author.ends_with(']');
    (!author.is_empty() && !placeholder).then_some(author)
}

/// Whether two statements with the same verdict, option and date may be one
/// decision.
fn agree(a: &Item<'_, '_>, b: &Item<'_, '_>) -> bool {
    if a.statement.source == b.statement.source {
        return pasted_twice(a.statement, b.statement) && actors_agree(a, b);
    }
    if let (Some(x), Some(y)) = (a.statement.nota_date, b.statement.nota_date)
        && x != y
    {
        return false;
    }
    actors_agree(a, b)
}

/// Whether two annotations are one decision pasted twice: the same text
/// on the same page. Two notas decided on the same day are two pages.
fn pasted_twice(a: &Statement<'_>, b: &Statement<'_>) -> bool {
    a.source == Source::Annotation
        && b.source == Source::Annotation
        && a.page.is_some()
        && a.page == b.page
        && a.text.trim() == b.text.trim()
}

fn actors_agree(a: &Item<'_, '_>, b: &Item<'_, '_>) -> bool {
    if a.actor.is_none() || b.actor.is_none() {
        return true;
    }
    match (a.from_author, b.from_author) {
        (false, false) => {
            a.actor_key == b.actor_key
                || (a.actor_title.is_some() && a.actor_title == b.actor_title)
        }
        (true, false) => b.author_key.is_none() || b.author_key == a.author_key,
        (false, true) => a.author_key.is_none() || a.author_key == b.author_key,
        (true, true) => a.author_key == b.author_key,
    }
}

/// The decision an option group enriches, if any: see the module notes.
fn enrich_target(
    decisions: &[Assembly],
    option_group: &[usize],
    items: &[Item<'_, '_>],
    statements: &[Statement<'_>],
) -> Option<usize> {
    let option = option_group
        .first()
        .and_then(|&m| items.get(m))
        .and_then(|item| item.recognised.option);
    let mut best: Option<(usize, usize)> = None;
    for (target, assembly) in decisions.iter().enumerate() {
        // A decision on one point of a nota does not take a choice made
        // for the nota as a whole.
        let pointed = assembly
            .members
            .first()
            .and_then(|&m| items.get(m))
            .is_some_and(|item| item.recognised.point.is_some());
        if assembly.option.is_some() || pointed {
            continue;
        }
        let own_option = assembly
            .members
            .first()
            .and_then(|&m| items.get(m))
            .and_then(|item| item.recognised.option);
        if own_option.is_some() && own_option != option {
            continue;
        }
        for member in assembly.members.iter().filter_map(|&m| items.get(m)) {
            // A note, a request to discuss and a deferral choose nothing
            // ("gezien", "graag bespreken", "aanhouden").
            if matches!(
                member.recognised.verdict,
                Verdict::Noted | Verdict::ToDiscuss | Verdict::Deferred
            ) {
                continue;
            }
            for chooser in option_group.iter().filter_map(|&m| items.get(m)) {
                // A choice that names its actor or its date is another
                // decision unless they are the decision's ("SG gezien 4/6"
                // is not MWP's "optie 2 5/6").
                let other_date = chooser.recognised.date.is_some() && chooser.date != member.date;
                if member.statement.author_key() != chooser.statement.author_key()
                    || !same_nota(member, chooser, statements)
                    || other_date
                    || (!chooser.from_author && !actors_agree(member, chooser))
                {
                    continue;
                }
                let distance = member.index.abs_diff(chooser.index);
                if best.is_none_or(|(d, _)| distance < d) {
                    best = Some((distance, target));
                }
            }
        }
    }
    best.map(|(_, target)| target)
}

fn same_nota(a: &Item<'_, '_>, b: &Item<'_, '_>, statements: &[Statement<'_>]) -> bool {
    let (x, y) = (a.statement, b.statement);
    match (x.source, y.source) {
        (Source::Annotation, Source::Annotation) | (Source::PageText, Source::PageText) => {
            x.page.is_some() && x.page == y.page
        }
        (Source::CommentSummary, Source::CommentSummary) => {
            x.target_page.is_some()
                && x.target_page == y.target_page
                && same_run(a.index, b.index, x.target_page, statements)
                && match (x.page, y.page) {
                    (Some(p), Some(q)) => p.abs_diff(q) <= 1,
                    _ => true,
                }
        }
        (Source::Annotation, Source::CommentSummary) => x.page.is_some() && x.page == y.target_page,
        (Source::CommentSummary, Source::Annotation) => y.page.is_some() && y.page == x.target_page,
        _ => false,
    }
}

/// Whether no summary entry for another page lies between two entries.
fn same_run(a: usize, b: usize, target_page: Option<usize>, statements: &[Statement<'_>]) -> bool {
    let (low, high) = if a < b { (a, b) } else { (b, a) };
    statements
        .get(low + 1..high)
        .unwrap_or_default()
        .iter()
        .filter(|s| s.source == Source::CommentSummary)
        .all(|s| s.target_page == target_page)
}

/// A decision's statements, and the option statements that enrich it.
struct Assembly {
    members: Vec<usize>,
    option: Option<Vec<usize>>,
}

impl Assembly {
    fn decision(&self, items: &[Item<'_, '_>]) -> Option<Decision> {
        // The sightings in the order they speak for the decision: an
        // explicit date first, then annotation, summary entry, page text.
        let mut ranked: Vec<&Item<'_, '_>> =
            self.members.iter().filter_map(|&m| items.get(m)).collect();
        ranked.sort_by_key(|item| {
            (
                item.basis != Some(DateBasis::Explicit),
                source_rank(item.statement.source),
                item.index,
            )
        });
        let primary = *ranked.first()?;
        let named = ranked
            .iter()
            .find(|item| item.actor.is_some() && !item.from_author)
            .or_else(|| ranked.iter().find(|item| item.actor.is_some()))
            .copied();
        let (mut remark, conditional) = ranked
            .iter()
            .find_map(|item| {
                let remark = item.recognised.remark.clone()?;
                Some((Some(remark), item.recognised.conditional))
            })
            .unwrap_or((None, false));
        let mut option = primary.recognised.option;
        let option_members: Vec<&Item<'_, '_>> = self
            .option
            .iter()
            .flatten()
            .filter_map(|&m| items.get(m))
            .collect();
        if let Some(chooser) = option_members.first() {
            option = option.or(chooser.recognised.option);
            let chosen_remark = option_members
                .iter()
                .find_map(|item| item.recognised.remark.clone());
            remark = match (remark, chosen_remark) {
                (Some(own), Some(chosen)) => Some(format!("{own}; {chosen}")),
                (own, chosen) => own.or(chosen),
            };
        }
        let date_text = ranked
            .iter()
            .find_map(|item| item.recognised.date_text.clone());
        let mut seen: Vec<&Item<'_, '_>> = ranked
            .iter()
            .chain(option_members.iter())
            .copied()
            .collect();
        seen.sort_by_key(|item| item.index);
        Some(Decision {
            actor: named.and_then(|item| item.actor.clone()),
            actor_title: named.and_then(|item| item.actor_title.clone()),
            actor_from_author: named.is_some_and(|item| item.from_author),
            verdict: primary.recognised.verdict,
            verdict_text: primary.recognised.verdict_text.clone(),
            option,
            point: primary.recognised.point,
            remark,
            conditional,
            date: primary.date,
            date_text,
            date_basis: primary.basis,
            text: primary.statement.text.trim().to_owned(),
            page: primary.statement.page,
            source: primary.statement.source,
            reference: primary.statement.reference,
            seen_in: seen
                .iter()
                .map(|item| Sighting {
                    source: item.statement.source,
                    page: item.statement.page,
                    target_page: item.statement.target_page,
                    reference: item.statement.reference,
                    text: item.statement.text.trim().to_owned(),
                    ocr: false,
                })
                .collect(),
            nota: None,
        })
    }
}

fn source_rank(source: Source) -> u8 {
    match source {
        Source::Annotation => 0,
        Source::CommentSummary => 1,
        Source::PageText => 2,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn at(y: i32, m: u32, d: u32, h: u32, min: u32, s: u32) -> NaiveDateTime {
        ymd(y, m, d).and_hms_opt(h, min, s).unwrap()
    }

    fn register(statements: &[Statement<'_>]) -> Vec<Decision> {
        build_register(statements, &[], &Vocabulary::builtin())
    }

    fn summary(text: &str, number: usize, target_page: usize) -> Statement<'_> {
        Statement::new(text, Source::CommentSummary)
            .with_target_page(target_page)
            .with_reference(SightingRef::Comment(number))
            .with_author("Aartsen, A.A.")
    }

    /// Many statements are read on two threads; the register is the one
    /// a single thread builds.
    #[test]
    fn statements_read_on_threads_give_the_same_register() {
        let texts = [
            "MWP akkoord 8/6",
            "Staatssecretaris akkoord 11-9-2025",
            "MWP niet akkoord 30-3-2026",
            "Optie 2; graag verder uitwerken",
            "Akkoord, maar eerst afstemmen met Financiën.",
            "Kan dit voor de zomer naar de Kamer?",
            "SG bespreken",
            "1. akkoord 2. niet akkoord",
        ];
        let statements: Vec<Statement<'_>> = (0..3 * MIN_PARALLEL_STATEMENTS)
            .map(|n| {
                let text = texts[n % texts.len()];
                let source = if n % 3 == 0 {
                    Source::PageText
                } else {
                    Source::Annotation
                };
                Statement::new(text, source)
                    .with_page(n / 10 + 1)
                    .with_written(at(2026, 6, 8, 9, 0, 0))
            })
            .collect();
        let vocabulary = Vocabulary::builtin();
        let one = build_register_on(&statements, &[ymd(2026, 1, 1)], &vocabulary, 1);
        let two = build_register_on(&statements, &[ymd(2026, 1, 1)], &vocabulary, 2);
        assert!(one.len() >= 5, "{one:#?}");
        // Sightings of one decision are merged (the halves are joined
        // before that).
        assert!(one.iter().any(|d| d.seen_in.len() > 1));
        assert_eq!(one, two);
    }

    #[test]
    fn summary_entry_with_short_date() {
        // Seed 000: "MWP akkoord 8/6", Datum 8-6-2026 09:11:02, Pagina 1.
        let statements = [summary("MWP akkoord 8/6 ", 1, 1).with_written(at(2026, 6, 8, 9, 11, 2))];
        let decisions = register(&statements);
        assert_eq!(decisions.len(), 1);
        let decision = &decisions[0];
        assert_eq!(decision.actor.as_deref(), Some("MWP"));
        assert_eq!(
            decision.actor_title.as_deref(),
            Some("Minister van Werk en Participatie")
        );
        assert!(!decision.actor_from_author);
        assert_eq!(decision.verdict, Verdict::Approved);
        assert_eq!(decision.date, Some(ymd(2026, 6, 8)));
        assert_eq!(decision.date_text.as_deref(), Some("8/6"));
        assert_eq!(decision.date_basis, Some(DateBasis::SummaryEntry));
        assert_eq!(decision.text, "MWP akkoord 8/6");
        assert_eq!(decision.source, Source::CommentSummary);
        assert_eq!(decision.reference, Some(SightingRef::Comment(1)));
        assert_eq!(decision.seen_in.len(), 1);
        assert_eq!(decision.seen_in[0].target_page, Some(1));
    }

    #[test]
    fn stamp_annotation_and_summary_are_one_decision() {
        let statements = [
            Statement::new("MWP akkoord 8/6", Source::PageText)
                .with_page(1)
                .with_reference(SightingRef::Line(3))
                .with_nota_date(ymd(2026, 5, 27)),
            Statement::new("MWP akkoord 8/6", Source::Annotation)
                .with_page(1)
                .with_reference("12 0 R".parse().unwrap())
                .with_author("Aartsen, A.A.")
                .with_written(at(2026, 6, 8, 9, 11, 2)),
            summary("MWP akkoord 8/6", 1, 1).with_written(at(2026, 6, 8, 9, 11, 2)),
        ];
        let decisions = register(&statements);
        assert_eq!(decisions.len(), 1);
        let decision = &decisions[0];
        assert_eq!(decision.date, Some(ymd(2026, 6, 8)));
        // The annotation speaks for the decision.
        assert_eq!(decision.source, Source::Annotation);
        assert_eq!(
            decision.reference.map(|r| r.to_string()).as_deref(),
            Some("12 0 R")
        );
        assert_eq!(decision.date_basis, Some(DateBasis::Annotation));
        let sources: Vec<Source> = decision.seen_in.iter().map(|s| s.source).collect();
        assert_eq!(
            sources,
            [Source::PageText, Source::Annotation, Source::CommentSummary]
        );
    }

    #[test]
    fn an_annotation_pasted_twice_is_one_decision() {
        let note = |reference: &str, page, minute| {
            Statement::new("MWP akkoord 8/6", Source::Annotation)
                .with_page(page)
                .with_reference(reference.parse().unwrap())
                .with_author("Aartsen, A.A.")
                .with_written(at(2026, 6, 8, 9, minute, 0))
        };
        let decisions = register(&[note("12 0 R", 1, 11), note("13 0 R", 1, 12)]);
        assert_eq!(decisions.len(), 1, "{decisions:#?}");
        assert_eq!(decisions[0].seen_in.len(), 2);
        // On two pages (two notas), they are two decisions.
        let decisions = register(&[note("12 0 R", 1, 11), note("13 0 R", 2, 12)]);
        assert_eq!(decisions.len(), 2, "{decisions:#?}");
    }

    #[test]
    fn stamp_year_from_nota_date() {
        // A nota of 20 December stamped "akkoord 8/1".
        let statements = [
            Statement::new("MWP akkoord 8/1", Source::PageText).with_nota_date(ymd(2025, 12, 20))
        ];
        let decisions = register(&statements);
        assert_eq!(decisions[0].date, Some(ymd(2026, 1, 8)));
        assert_eq!(decisions[0].date_basis, Some(DateBasis::NotaDate));
    }

    #[test]
    fn year_from_the_nota_a_decision_is_tied_to() {
        // A summary entry dated "Onbepaald" (no written date) in a text
        // input (no document dates), and one resting on the document's
        // date; the decisions tied to a nota of 3 June 2025.
        let statements = [
            Statement::new("MWP akkoord 8/6", Source::CommentSummary),
            Statement::new("SG akkoord 9/6", Source::Annotation),
            Statement::new("DG akkoord 13/6/2024", Source::Annotation),
            Statement::new("Stas akkoord 11/6", Source::Annotation)
                .with_written(at(2026, 6, 11, 9, 0, 0)),
        ];
        let vocabulary = Vocabulary::builtin();
        let mut decisions = build_register(&statements, &[ymd(2026, 9, 1)], &vocabulary);
        assert_eq!(decisions[0].date, Some(ymd(2026, 6, 8)));
        assert_eq!(decisions[0].date_basis, Some(DateBasis::Document));
        for decision in &mut decisions {
            decision.nota = Some(0);
        }
        decisions[0].date = None;
        decisions[0].date_basis = None;
        years_from_notas(&mut decisions, &[Some(ymd(2025, 6, 3))], &vocabulary);
        let dates: Vec<_> = decisions.iter().map(|d| (d.date, d.date_basis)).collect();
        assert_eq!(
            dates,
            [
                (Some(ymd(2025, 6, 8)), Some(DateBasis::NotaDate)),
                (Some(ymd(2025, 6, 9)), Some(DateBasis::NotaDate)),
                // A year written, or a date the statement was written on,
                // is closer than the nota's.
                (Some(ymd(2024, 6, 13)), Some(DateBasis::Explicit)),
                (Some(ymd(2026, 6, 11)), Some(DateBasis::Annotation)),
            ]
        );
        // A decision tied to no nota, or to one without a date, keeps its date.
        let mut untied = build_register(&statements[..1], &[], &vocabulary);
        years_from_notas(&mut untied, &[Some(ymd(2025, 6, 3))], &vocabulary);
        assert_eq!(untied[0].date, None);
        untied[0].nota = Some(0);
        years_from_notas(&mut untied, &[None], &vocabulary);
        assert_eq!(untied[0].date, None);
    }

    #[test]
    fn month_name_written_down_in_the_next_year() {
        // "8 juni" typed on 10 January: the June before.
        let statements = [Statement::new("MWP akkoord 8 juni", Source::Annotation)
            .with_written(at(2027, 1, 10, 9, 0, 0))];
        let decisions = register(&statements);
        assert_eq!(decisions[0].date, Some(ymd(2026, 6, 8)));
        assert_eq!(decisions[0].date_basis, Some(DateBasis::Annotation));
    }

    #[test]
    fn month_first_date_against_the_annotation_date() {
        // "Discussed 3/4" typed on 5 March: 3 April is still to come, so
        // it is 4 March, written month first.
        let statements = [Statement::new("Discussed 3/4", Source::Annotation)
            .with_written(at(2026, 3, 5, 9, 0, 0))];
        let decisions = register(&statements);
        assert_eq!(decisions[0].date, Some(ymd(2026, 3, 4)));
        // Typed on 5 April it is 3 April, day first.
        let statements = [Statement::new("Discussed 3/4", Source::Annotation)
            .with_written(at(2026, 4, 5, 9, 0, 0))];
        assert_eq!(register(&statements)[0].date, Some(ymd(2026, 4, 3)));
    }

    #[test]
    fn meeting_date_dates_the_decision() {
        let statements = [
            Statement::new("Besproken in de staf van 24/3", Source::Annotation)
                .with_written(at(2026, 6, 8, 9, 0, 0)),
        ];
        let decision = &register(&statements)[0];
        assert_eq!(decision.date, Some(ymd(2026, 3, 24)));
        assert_eq!(decision.date_text.as_deref(), Some("24/3"));
        assert_eq!(decision.date_basis, Some(DateBasis::Annotation));
        assert_eq!(decision.remark.as_deref(), Some("in de staf van 24/3"));
    }

    #[test]
    fn lettered_option_in_json() {
        let statements = [Statement::new("Optie B; goedkoper", Source::Annotation)];
        let json = serde_json::to_value(&register(&statements)[0]).unwrap();
        assert_eq!(json["option"], 2);
        assert_eq!(json["verdict_text"], "Optie B");
    }

    #[test]
    fn stamp_year_from_document() {
        let statements = [Statement::new("SG gezien 8 juni", Source::PageText)];
        let decisions = build_register(&statements, &[ymd(2026, 7, 1)], &Vocabulary::builtin());
        assert_eq!(decisions[0].date, Some(ymd(2026, 6, 8)));
        assert_eq!(decisions[0].date_basis, Some(DateBasis::Document));
    }

    #[test]
    fn stamp_without_any_year() {
        let statements = [Statement::new("SG gezien 8 juni", Source::PageText)];
        let decisions = register(&statements);
        assert_eq!(decisions[0].date, None);
        assert_eq!(decisions[0].date_text.as_deref(), Some("8 juni"));
        assert_eq!(decisions[0].date_basis, None);
    }

    #[test]
    fn yearless_dates_without_anchor_stay_apart() {
        let statements = [
            Statement::new("SG gezien 8 juni", Source::PageText),
            Statement::new("SG gezien 9 juni", Source::CommentSummary),
            Statement::new("SG gezien 8 juni", Source::Annotation),
        ];
        let decisions = register(&statements);
        assert_eq!(decisions.len(), 2);
        assert_eq!(decisions[0].seen_in.len(), 2);
    }

    #[test]
    fn undated_text_takes_the_annotation_date() {
        let statements = [Statement::new("Akkoord", Source::Annotation)
            .with_author("Aartsen, A.A.")
            .with_written(at(2026, 6, 8, 9, 11, 2))];
        let decision = &register(&statements)[0];
        assert_eq!(decision.date, Some(ymd(2026, 6, 8)));
        assert_eq!(decision.date_text, None);
        assert_eq!(decision.date_basis, Some(DateBasis::Annotation));
    }

    #[test]
    fn actor_from_author() {
        let statements =
            [Statement::new("Gezien", Source::Annotation).with_author("Aartsen, A.A.")];
        let decision = &register(&statements)[0];
        assert_eq!(decision.actor.as_deref(), Some("Aartsen, A.A."));
        assert!(decision.actor_from_author);
        assert_eq!(decision.actor_title, None);
        assert_eq!(decision.verdict, Verdict::Noted);
    }

    #[test]
    fn placeholder_author_is_not_an_actor() {
        let statements = [Statement::new("Gezien", Source::Annotation).with_author("[redacted]")];
        let decision = &register(&statements)[0];
        assert_eq!(decision.actor, None);
        assert!(!decision.actor_from_author);
    }

    #[test]
    fn author_actor_joins_named_stamp() {
        // The stamp names MWP; the annotation only has its author.
        let statements = [
            Statement::new("MWP akkoord 8-6-2026", Source::PageText),
            Statement::new("akkoord 8-6-2026", Source::Annotation).with_author("Aartsen, A.A."),
        ];
        let decisions = register(&statements);
        assert_eq!(decisions.len(), 1);
        assert_eq!(decisions[0].actor.as_deref(), Some("MWP"));
        assert!(!decisions[0].actor_from_author);
        assert_eq!(decisions[0].seen_in.len(), 2);
    }

    #[test]
    fn different_actors_are_different_decisions() {
        let statements = [
            Statement::new("MWP akkoord 8-6-2026", Source::PageText),
            summary("SG akkoord 8-6-2026", 1, 1),
        ];
        assert_eq!(register(&statements).len(), 2);
    }

    #[test]
    fn abbreviation_and_title_agree() {
        let statements = [
            Statement::new("Stas akkoord 8-6-2026", Source::PageText),
            summary("Staatssecretaris akkoord 8-6-2026", 1, 1),
        ];
        assert_eq!(register(&statements).len(), 1);
    }

    #[test]
    fn same_text_twice_on_the_page_is_two_decisions() {
        let statements = [
            Statement::new("MWP akkoord 8-6-2026", Source::PageText)
                .with_reference(SightingRef::Line(1)),
            Statement::new("MWP akkoord 8-6-2026", Source::PageText)
                .with_reference(SightingRef::Line(90)),
        ];
        assert_eq!(register(&statements).len(), 2);
    }

    #[test]
    fn two_notas_two_decisions() {
        // Same stamp on two notas; each has its summary entry.
        let statements = [
            Statement::new("MWP akkoord 8-6-2026", Source::PageText)
                .with_nota_date(ymd(2026, 5, 1)),
            Statement::new("MWP akkoord 8-6-2026", Source::PageText)
                .with_nota_date(ymd(2026, 5, 20)),
            summary("MWP akkoord 8-6-2026", 1, 1),
            summary("MWP akkoord 8-6-2026", 2, 1),
        ];
        let decisions = register(&statements);
        assert_eq!(decisions.len(), 2);
        assert!(decisions.iter().all(|d| d.seen_in.len() == 2));
    }

    #[test]
    fn different_nota_dates_stay_apart() {
        let statements = [
            Statement::new("MWP akkoord 8-6-2026", Source::PageText)
                .with_nota_date(ymd(2026, 5, 1)),
            Statement::new("MWP akkoord 8-6-2026", Source::Annotation)
                .with_nota_date(ymd(2026, 5, 20)),
        ];
        assert_eq!(register(&statements).len(), 2);
    }

    #[test]
    fn different_dates_are_different_decisions() {
        let statements = [
            Statement::new("MWP besproken 24-3-2026", Source::PageText),
            summary("MWP besproken 20-4-2026", 1, 8),
        ];
        assert_eq!(register(&statements).len(), 2);
    }

    #[test]
    fn option_enriches_the_decision_on_its_page() {
        // Seed 000, summary page 4: the stamp, a highlight, then the choice.
        let statements = [
            summary("MWP niet akkoord 30-3-2026 ", 1, 4).with_written(at(2026, 3, 30, 22, 11, 55)),
            Statement::new("", Source::CommentSummary)
                .with_target_page(4)
                .with_reference(SightingRef::Comment(2)),
            summary("Optie 2; Een belangrijk onderwerp maar twijfels.", 3, 4),
        ];
        let decisions = register(&statements);
        assert_eq!(decisions.len(), 1);
        let decision = &decisions[0];
        assert_eq!(decision.verdict, Verdict::Rejected);
        assert_eq!(decision.option, Some(2));
        assert_eq!(
            decision.remark.as_deref(),
            Some("Een belangrijk onderwerp maar twijfels.")
        );
        assert_eq!(decision.date, Some(ymd(2026, 3, 30)));
        assert_eq!(decision.text, "MWP niet akkoord 30-3-2026");
        assert_eq!(decision.seen_in.len(), 2);
        assert_eq!(decision.seen_in[1].reference, Some(SightingRef::Comment(3)));
    }

    #[test]
    fn option_keeps_the_decision_remark() {
        let statements = [
            Statement::new("akkoord, graag snel", Source::Annotation)
                .with_page(2)
                .with_author("A"),
            Statement::new("Optie 1; goedkoper", Source::Annotation)
                .with_page(2)
                .with_author("A"),
        ];
        let decision = &register(&statements)[0];
        assert_eq!(decision.option, Some(1));
        assert_eq!(decision.remark.as_deref(), Some("graag snel; goedkoper"));
    }

    #[test]
    fn option_of_another_author_stands_alone() {
        let statements = [
            summary("MWP niet akkoord 30-3-2026", 1, 4),
            Statement::new("Optie 2; liever niet", Source::CommentSummary)
                .with_target_page(4)
                .with_author("Jansen"),
        ];
        let decisions = register(&statements);
        assert_eq!(decisions.len(), 2);
        assert_eq!(decisions[0].option, None);
        assert_eq!(decisions[1].verdict, Verdict::Option);
        assert_eq!(decisions[1].option, Some(2));
        assert_eq!(decisions[1].actor.as_deref(), Some("Jansen"));
        assert!(decisions[1].actor_from_author);
    }

    #[test]
    fn option_of_another_actor_date_or_verdict_stands_alone() {
        let on_page = |text| Statement::new(text, Source::PageText).with_page(1);
        for (decision, choice) in [
            ("SG gezien 4-6-2026", "MWP: optie 2 5-6-2026"),
            ("SG akkoord 4-6-2026", "MWP: optie 2 4-6-2026"),
            ("MWP akkoord 4-6-2026", "MWP: optie 2 5-6-2026"),
            ("MWP graag bespreken 4-6-2026", "MWP: optie 2 4-6-2026"),
        ] {
            let decisions = register(&[on_page(decision), on_page(choice)]);
            assert_eq!(decisions.len(), 2, "{decision} / {choice}");
            assert_eq!(decisions[0].option, None, "{decision}");
            assert_eq!(decisions[1].verdict, Verdict::Option, "{choice}");
        }
        let same = register(&[
            on_page("MWP akkoord 4-6-2026"),
            on_page("MWP: optie 2 4-6-2026"),
        ]);
        assert_eq!(same.len(), 1);
        assert_eq!(same[0].option, Some(2));
    }

    #[test]
    fn option_on_another_page_stands_alone() {
        let statements = [
            summary("MWP niet akkoord 30-3-2026", 1, 4),
            summary("Optie 2; liever niet", 2, 5),
        ];
        assert_eq!(register(&statements).len(), 2);
    }

    #[test]
    fn option_in_another_summary_run_stands_alone() {
        // Page 1 of one nota, then page 3 of it, then page 1 of the next.
        let statements = [
            summary("MWP akkoord 8-6-2026", 1, 1),
            summary("Graag aanpassen", 2, 3),
            summary("Optie 2", 3, 1),
        ];
        let decisions = register(&statements);
        assert_eq!(decisions.len(), 2);
        assert_eq!(decisions[1].verdict, Verdict::Option);
    }

    #[test]
    fn option_on_annotation_page_of_summary_entry() {
        let statements = [
            summary("MWP akkoord 8-6-2026", 1, 2),
            Statement::new("Optie 3", Source::Annotation)
                .with_page(2)
                .with_author("Aartsen, A.A."),
        ];
        let decisions = register(&statements);
        assert_eq!(decisions.len(), 1);
        assert_eq!(decisions[0].option, Some(3));
    }

    #[test]
    fn conflicting_option_stands_alone() {
        let statements = [
            summary("MWP akkoord met optie 1", 1, 2),
            summary("Optie 3", 2, 2),
        ];
        let decisions = register(&statements);
        assert_eq!(decisions.len(), 2);
        assert_eq!(decisions[0].option, Some(1));
        assert_eq!(decisions[1].option, Some(3));
    }

    #[test]
    fn nearest_decision_takes_the_option() {
        let statements = [
            summary("MWP akkoord 8-6-2026", 1, 1),
            summary("MWP besproken 1-6-2026", 2, 1),
            summary("Optie 2", 3, 1),
        ];
        let decisions = register(&statements);
        assert_eq!(decisions.len(), 2);
        assert_eq!(decisions[0].option, None);
        assert_eq!(decisions[1].option, Some(2));
    }

    #[test]
    fn not_decisions_give_nothing() {
        let statements = [
            Statement::new(
                "Indien u akkoord bent met de tekenversie van de brief kunt u deze ondertekenen.",
                Source::PageText,
            ),
            Statement::new("TER BESLISSING", Source::PageText),
            summary("Graag passage over zzp aanpassen.", 1, 1),
            Statement::new("Optie 2 heeft de voorkeur.", Source::Annotation).with_author("A"),
            Statement::new("", Source::Annotation),
        ];
        assert!(register(&statements).is_empty());
    }

    #[test]
    fn json_shape() {
        let statements = [Statement::new("SG gezien", Source::PageText)];
        let decision = &register(&statements)[0];
        let json = serde_json::to_value(decision).unwrap();
        let expected = serde_json::json!({
            "actor": "SG",
            "actor_title": "Secretaris-generaal",
            "actor_from_author": false,
            "verdict": "noted",
            "verdict_text": "gezien",
            "option": null,
            "point": null,
            "remark": null,
            "conditional": false,
            "date": null,
            "date_text": null,
            "date_basis": null,
            "text": "SG gezien",
            "page": null,
            "source": "page_text",
            "ref": null,
            "seen_in": [{"source": "page_text", "page": null, "target_page": null, "ref": null, "text": "SG gezien", "ocr": false}],
            "nota": null
        });
        assert_eq!(json, expected);
        let statements = [summary("Niet akkoord 1/2", 1, 1).with_written(at(2026, 2, 3, 0, 0, 0))];
        let json = serde_json::to_value(&register(&statements)[0]).unwrap();
        assert_eq!(json["date"], "2026-02-01");
        assert_eq!(json["date_basis"], "summary_entry");
        assert_eq!(json["verdict"], "rejected");
        assert_eq!(json["source"], "comment_summary");
        assert_eq!(json["actor_from_author"], true);
    }

    #[test]
    fn signature_wins_over_author_and_annotation_date() {
        // Typed by the minister's office two days later, signed "M 12-3".
        let statements = [Statement::new("Akkoord. M 12-3", Source::Annotation)
            .with_author("Secretariaat MWP")
            .with_written(at(2026, 3, 14, 10, 0, 0))];
        let decision = &register(&statements)[0];
        assert_eq!(decision.actor.as_deref(), Some("M"));
        assert_eq!(decision.actor_title.as_deref(), Some("Minister"));
        assert!(!decision.actor_from_author);
        assert_eq!(decision.date, Some(ymd(2026, 3, 12)));
        assert_eq!(decision.date_text.as_deref(), Some("12-3"));
        // The year, not the day, rests on the annotation.
        assert_eq!(decision.date_basis, Some(DateBasis::Annotation));
        let statements = [Statement::new(
            "Niet akkoord, graag herschrijven. SG 4-2-2026",
            Source::Annotation,
        )
        .with_author("Secretariaat SG")
        .with_written(at(2026, 2, 6, 10, 0, 0))];
        let decision = &register(&statements)[0];
        assert_eq!(decision.actor.as_deref(), Some("SG"));
        assert_eq!(decision.date, Some(ymd(2026, 2, 4)));
        assert_eq!(decision.date_basis, Some(DateBasis::Explicit));
        assert_eq!(decision.remark.as_deref(), Some("graag herschrijven"));
    }

    #[test]
    fn points_are_decisions_of_their_own_seen_alike() {
        // The answers typed on the nota and printed in its summary.
        let text = "Beslispunt 1: akkoord; beslispunt 2: niet akkoord. MWP 8/6";
        let statements = [
            Statement::new(text, Source::Annotation)
                .with_page(1)
                .with_reference("12 0 R".parse().unwrap())
                .with_written(at(2026, 6, 8, 9, 0, 0)),
            summary(text, 1, 1).with_written(at(2026, 6, 8, 9, 0, 0)),
        ];
        let decisions = register(&statements);
        assert_eq!(decisions.len(), 2);
        let points: Vec<(Option<u32>, Verdict, usize)> = decisions
            .iter()
            .map(|d| (d.point, d.verdict, d.seen_in.len()))
            .collect();
        assert_eq!(
            points,
            [
                (Some(1), Verdict::Approved, 2),
                (Some(2), Verdict::Rejected, 2)
            ]
        );
        assert!(
            decisions
                .iter()
                .all(|d| d.actor.as_deref() == Some("MWP") && d.date == Some(ymd(2026, 6, 8)))
        );
        let json = serde_json::to_value(&decisions[1]).unwrap();
        assert_eq!(json["point"], 2);
    }

    #[test]
    fn the_same_verdict_on_two_points_stays_two_decisions() {
        let statements = [Statement::new(
            "1. akkoord 2. akkoord. SG 8-6-2026",
            Source::Annotation,
        )];
        let decisions = register(&statements);
        assert_eq!(decisions.len(), 2);
        assert_eq!(decisions[0].point, Some(1));
        assert_eq!(decisions[1].point, Some(2));
    }

    #[test]
    fn an_option_does_not_enrich_a_point() {
        let statements = [
            summary("1. akkoord 2. niet akkoord. MWP 8-6-2026", 1, 4),
            summary("Optie 2; liever niet", 2, 4),
        ];
        let decisions = register(&statements);
        assert_eq!(decisions.len(), 3);
        assert!(decisions[..2].iter().all(|d| d.option.is_none()));
        assert_eq!(decisions[2].verdict, Verdict::Option);
    }

    #[test]
    fn condition_travels_with_its_remark() {
        let statements = [
            Statement::new("MWP akkoord 8-6-2026", Source::PageText),
            summary("MWP akkoord 8-6-2026, mits budgetneutraal", 1, 1),
        ];
        let decisions = register(&statements);
        assert_eq!(decisions.len(), 1);
        assert!(decisions[0].conditional);
        assert_eq!(decisions[0].remark.as_deref(), Some("mits budgetneutraal"));
        assert_eq!(decisions[0].seen_in.len(), 2);
    }

    #[test]
    fn many_identical_stamps_are_bounded() {
        let statements: Vec<Statement<'_>> = (0..5_000)
            .map(|_| Statement::new("MWP akkoord 8-6-2026", Source::PageText))
            .collect();
        assert_eq!(register(&statements).len(), 5_000);
    }
}
