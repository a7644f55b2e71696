//! The input's lines, each read for what it is to a nota: a document word,
//! a marker, a field label, a heading, a line of a comment summary, a
//! stamp, or text.
//!
//! Text converted from word processors marks bold with `**`
//! ("1 juni 2026**Geadviseerd besluit**"); a line is cut there into
//! segments, each read as a line of its own.

use super::NotaKind;
use super::words::{DOCUMENT_WORDS, Field, HEADINGS, LABELS, MARKERS};
use crate::decision::{Vocabulary, line_count, whole_date};

/// Longest line (in bytes) read for labels and document words; a longer
/// one is text.
const MAX_LABEL_LINE: usize = 1000;
/// The most bytes after a document word that may be its marker ("  ter
/// besluitvorming:" and some white space).
const MAX_MARKED_REST: usize = 32;
/// Most words an addressee written after "Aan " has.
const MAX_ADDRESSEE_WORDS: usize = 14;
/// Most words a reference written after its label without a colon has.
const MAX_REFERENCE_WORDS: usize = 4;
/// Most words a subject written after its label without a colon has.
const MAX_SUBJECT_WORDS: usize = 24;
/// Most words of a title beside its document word.
const MAX_TITLE_WORDS: usize = 24;
/// Most words of a heading line ("Kernpunten: onderzochte alternatieven.").
const MAX_HEADING_WORDS: usize = 6;

/// One line (or segment of a line) of the input, trimmed and not blank.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Line<'a> {
    pub(super) text: &'a str,
    /// The 1-based input line, counted across pages.
    pub(super) number: usize,
    pub(super) page: Option<usize>,
    /// A blank line, a page break or a cut at `**` comes before it.
    pub(super) after_gap: bool,
    pub(super) role: Role<'a>,
}

impl Line<'_> {
    /// Whether the line is a label of `field`.
    pub(super) fn is_label(&self, field: Field) -> bool {
        matches!(self.role, Role::Label { field: f, .. } if f == field)
    }
}

/// What a line is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Role<'a> {
    /// A line of a printed comment summary.
    Summary,
    /// A stamp burned into the page that records a decision.
    Stamp,
    /// A document word ("nota", "Beslisnota"), and what follows it on the
    /// line: a title, or an addressee ("Nota aan de Minister").
    Document {
        kind: NotaKind,
        word: &'a str,
        after: After<'a>,
    },
    /// "TER BESLISSING", "BRIEF ONDERTEKENEN".
    Marker(NotaKind),
    /// A field label, and the value on the same line.
    Label {
        field: Field,
        value: Option<&'a str>,
    },
    /// A heading of the nota's body ("Kernpunten").
    Heading,
    /// Anything else.
    Text,
}

/// What follows a document word on its line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum After<'a> {
    Nothing,
    Title(&'a str),
    Addressee(&'a str),
}

/// Which lines are not the document's own text.
pub(super) struct Known<'k> {
    /// Ranges of 1-based lines (inclusive, in order) that belong to
    /// printed comment summaries.
    pub(super) summary: &'k [(usize, usize)],
    /// Lines that are stamps, in ascending order.
    pub(super) stamps: &'k [usize],
}

/// Reads every line of the pages for what it is as text; which of them
/// are a summary's or stamps is known only later ([`mark_known`]), so that
/// this, the costly part, can run beside the other normalisers.
pub(super) fn read<'a>(
    pages: impl IntoIterator<Item = (Option<usize>, &'a str)>,
    vocabulary: &Vocabulary,
) -> Vec<Line<'a>> {
    let pages: Vec<(Option<usize>, &'a str)> = pages.into_iter().collect();
    let mut lines = Vec::with_capacity(line_count(&pages));
    let mut number = 0;
    let mut segments: Vec<&'a str> = Vec::new();
    for (page, text) in pages {
        let mut gap = true;
        for raw in crate::text::text_lines(text) {
            number += 1;
            segments.clear();
            let mut add = |piece: &'a str| {
                segments.extend(side_by_side(piece).map(str::trim).filter(|s| !s.is_empty()));
            };
            // Bold markers are rare: a line without a `*` is one piece,
            // found without a substring search.
            if memchr::memchr(b'*', raw.as_bytes()).is_some() {
                raw.split("**").for_each(&mut add);
            } else {
                add(raw);
            }
            if segments.is_empty() {
                gap = true;
                continue;
            }
            for &segment in &segments {
                lines.push(Line {
                    text: segment,
                    number,
                    page,
                    after_gap: std::mem::replace(&mut gap, true),
                    role: classify(segment, vocabulary),
                });
            }
            gap = false;
        }
    }
    lines
}

/// Marks the lines of printed summaries and the stamps among lines read by
/// [`read`]: whatever their text reads as, they are not the document's.
pub(super) fn mark_known(lines: &mut [Line<'_>], known: &Known<'_>) {
    let mut summary = known.summary.iter().peekable();
    let mut stamps = known.stamps.iter().peekable();
    for line in lines {
        let number = line.number;
        while summary.next_if(|(_, last)| *last < number).is_some() {}
        while stamps.next_if(|&&stamp| stamp < number).is_some() {}
        let in_summary = summary
            .peek()
            .is_some_and(|(first, last)| (*first..=*last).contains(&number));
        if in_summary {
            line.role = Role::Summary;
        } else if stamps.peek() == Some(&&number) {
            line.role = Role::Stamp;
        }
    }
}

/// A line cut before each label with a colon that follows a space
/// ("Aan: Minister van Financiën Datum: 4 maart 2026"): fields that a text
/// layer put side by side on one line.
fn side_by_side(line: &str) -> impl Iterator<Item = &str> {
    let mut cuts = Vec::new();
    let mut previous = None;
    // Only a short line with a colon is walked at all.
    let labelled = line.len() <= MAX_LABEL_LINE && memchr::memchr(b':', line.as_bytes()).is_some();
    let walked = if labelled { line } else { "" };
    for (at, c) in walked.char_indices() {
        let after_space = previous.is_some_and(char::is_whitespace);
        previous = Some(c);
        if !after_space || !c.is_uppercase() {
            continue;
        }
        let rest = line.get(at..).unwrap_or_default();
        let lower = c.to_ascii_lowercase();
        let labelled = LABELS.iter().any(|(phrase, _)| {
            phrase.starts_with(lower)
                && after_phrase(rest, phrase).is_some_and(|after| after.starts_with(':'))
        });
        if labelled {
            cuts.push(at);
        }
    }
    let mut start = 0;
    cuts.into_iter()
        .chain(std::iter::once(line.len()))
        .map(move |end| {
            let piece = line.get(start..end).unwrap_or_default();
            start = end;
            piece
        })
}

/// What one segment is.
pub(super) fn classify<'a>(text: &'a str, vocabulary: &Vocabulary) -> Role<'a> {
    if text.len() > MAX_LABEL_LINE {
        return Role::Text;
    }
    if let Some(kind) = marker(text) {
        return Role::Marker(kind);
    }
    if let Some(role) = document_word(text, vocabulary) {
        return role;
    }
    if let Some(role) = label(text, vocabulary) {
        return role;
    }
    if is_heading(text) {
        return Role::Heading;
    }
    Role::Text
}

/// The rest of `text` after `phrase` (lower case, words separated by single
/// spaces) at its start, compared without regard to case and with any run
/// of white space for a space.
pub(super) fn after_phrase<'a>(text: &'a str, phrase: &str) -> Option<&'a str> {
    let mut rest = text;
    for (index, word) in phrase.split(' ').enumerate() {
        if index > 0 {
            let trimmed = rest.trim_start();
            if trimmed.len() == rest.len() {
                return None;
            }
            rest = trimmed;
        }
        rest = strip_word(rest, word)?;
    }
    Some(rest)
}

/// `text` without `word` (lower case) at its start, ignoring case.
fn strip_word<'a>(text: &'a str, word: &str) -> Option<&'a str> {
    let mut chars = text.char_indices();
    for expected in word.chars() {
        let (_, c) = chars.next()?;
        if !same_lower(c, expected) {
            return None;
        }
    }
    Some(
        chars
            .next()
            .map_or("", |(at, _)| text.get(at..).unwrap_or("")),
    )
}

/// Whether `c` is `expected` (lower case), or is it in lower case.
fn same_lower(c: char, expected: char) -> bool {
    c == expected
        || if c.is_ascii() {
            c.to_ascii_lowercase() == expected
        } else {
            c.to_lowercase().eq(std::iter::once(expected))
        }
}

/// The phrase ends where `rest` starts: at the end, or before white space or
/// punctuation that is not part of a word.
fn ends_phrase(rest: &str) -> bool {
    rest.chars()
        .next()
        .is_none_or(|c| !c.is_alphanumeric() && c != '\'' && c != '’' && c != '-')
}

/// A marker, written in capitals as templates write it ("TER
/// BESLISSING"); in lower case it is an attachment table's "Ter
/// informatie" or a sentence.
fn marker(text: &str) -> Option<NotaKind> {
    let text = text.trim_end_matches(':').trim_end();
    if text.chars().any(char::is_lowercase) {
        return None;
    }
    MARKERS
        .iter()
        .find(|(phrase, _)| after_phrase(text, phrase).is_some_and(str::is_empty))
        .map(|&(_, kind)| kind)
}

/// "nota", "Beslisnota", "Nota aan de Minister", "n Ota Signaal …"
/// (OCR split a letter off the word), "Memo: Title".
fn document_word<'a>(text: &'a str, vocabulary: &Vocabulary) -> Option<Role<'a>> {
    let mut tokens = text.split_whitespace();
    let first = tokens.next()?;
    let (kind, word, rest, separated) = match document_kind(first.trim_end_matches(':')) {
        Some(kind) => {
            let rest = text.get(first.len()..)?;
            // "nota ter beslissing", "Notitie ter informatie": the word and
            // the marker of its kind, in any case (Financiën's template).
            // (A marker is a few words: a longer rest is passed at once.)
            let marked = (rest.len() <= MAX_MARKED_REST)
                .then(|| {
                    MARKERS.iter().find(|(phrase, _)| {
                        after_phrase(rest.trim(), phrase)
                            .is_some_and(|after| after.trim_end_matches(':').trim().is_empty())
                    })
                })
                .flatten();
            if let Some(&(_, marked)) = marked {
                return Some(Role::Document {
                    kind: marked,
                    word: text.trim_end().trim_end_matches(':'),
                    after: After::Nothing,
                });
            }
            // Only a capitalised word has a title beside it: "nota over …"
            // and "nota Raad akkoord …" are sentences.
            if !first.starts_with(char::is_uppercase) && !rest.trim().is_empty() {
                return None;
            }
            (kind, first, rest, first.ends_with(':'))
        }
        None => {
            // "n Ota": a letter or two split off the word.
            if first.chars().nth(2).is_some() || !first.chars().all(char::is_alphabetic) {
                return None;
            }
            let second = tokens.next()?;
            let kind = document_kind_of(&[first, second.trim_end_matches(':')])?;
            let end = text.find(second)? + second.len();
            (
                kind,
                text.get(..end)?,
                text.get(end..)?,
                second.ends_with(':'),
            )
        }
    };
    let trimmed = rest.trim_start();
    let after_separator = trimmed
        .trim_start_matches([':', '-', '–', '—'])
        .trim_start();
    let separated = separated || after_separator.len() != trimmed.len();
    let after = if after_separator.is_empty() {
        After::Nothing
    } else if let Some(addressee) = ["aan", "voor"]
        .iter()
        .filter_map(|word| after_phrase(after_separator, word))
        .find(|r| r.starts_with(char::is_whitespace) && addressee_shape(r.trim(), vocabulary))
    {
        After::Addressee(addressee.trim())
    } else if separated || after_separator.starts_with(|c: char| c.is_uppercase() || c.is_numeric())
    {
        // A nota named in passing ("Nota MWP – … d.d. 24 maart 2026",
        // "… Nota vervolg gedragscode.pdf") is not a nota's header, nor is
        // a line of running text.
        let lower = after_separator.to_lowercase();
        let words = after_separator.split_whitespace().count();
        if lower.contains("d.d.") || lower.contains(".pdf") || words > MAX_TITLE_WORDS {
            return None;
        }
        After::Title(after_separator)
    } else {
        return None;
    };
    Some(Role::Document { kind, word, after })
}

/// The kind a document word names: the word in lower case, with `0` read
/// as `o`, is one of [`DOCUMENT_WORDS`]. Compared character by character,
/// as nearly every line's first word is (no lower-case copy made).
fn document_kind(word: &str) -> Option<NotaKind> {
    document_kind_of(&[word])
}

/// [`document_kind`] of the word `parts` make together ("n" and "Ota"),
/// read without joining them.
fn document_kind_of(parts: &[&str]) -> Option<NotaKind> {
    if parts.iter().all(|part| part.is_ascii()) {
        // ASCII lowercases byte by byte, to ASCII: no Unicode tables.
        let fold = |b: u8| match b.to_ascii_lowercase() {
            b'0' => b'o',
            b => b,
        };
        let len: usize = parts.iter().map(|part| part.len()).sum();
        return DOCUMENT_WORDS
            .iter()
            .find(|(known, _)| {
                known.len() == len
                    && parts
                        .iter()
                        .flat_map(|part| part.bytes())
                        .map(fold)
                        .eq(known.bytes())
            })
            .map(|&(_, kind)| kind);
    }
    let folded = || {
        parts
            .iter()
            .flat_map(|part| part.chars())
            .flat_map(char::to_lowercase)
            .map(|c| if c == '0' { 'o' } else { c })
    };
    DOCUMENT_WORDS
        .iter()
        .find(|(known, _)| folded().eq(known.chars()))
        .map(|&(_, kind)| kind)
}

/// A field label at the start of the line, and its value there. Longer
/// labels are tried first ("Onze referentie" before "referentie").
fn label<'a>(text: &'a str, vocabulary: &Vocabulary) -> Option<Role<'a>> {
    // Templates capitalise their labels; "aan de …" is a line of a sentence.
    let first = text.chars().next().filter(|c| c.is_uppercase())?;
    let first = first.to_ascii_lowercase();
    let mut best: Option<(usize, Role<'a>)> = None;
    for &(phrase, field) in LABELS {
        if !phrase.starts_with(first) || best.is_some_and(|(len, _)| len >= phrase.len()) {
            continue;
        }
        let Some(rest) = after_phrase(text, phrase) else {
            continue;
        };
        if !ends_phrase(rest) && !rest.starts_with(['(', ':']) {
            continue;
        }
        let Some(value) = label_value(field, phrase, rest, vocabulary) else {
            continue;
        };
        // A summary entry's fields ("Onderwerp: Markering Datum: 27-5-2026
        // 11:41:52") that the summary reader did not take are no subject.
        if field == Field::Subject && value.is_some_and(|v| v.to_lowercase().contains("datum:")) {
            return Some(Role::Text);
        }
        best = Some((phrase.len(), Role::Label { field, value }));
    }
    best.map(|(_, role)| role)
}

/// The value after a label: `Some(None)` for a label alone on its line,
/// `Some(Some(value))` for a value after a colon, a tab or a wider gap, or
/// after a space when it has the field's shape; `None` when the line is
/// not this label.
fn label_value<'a>(
    field: Field,
    phrase: &str,
    rest: &'a str,
    vocabulary: &Vocabulary,
) -> Option<Option<&'a str>> {
    let value = rest.trim();
    if value.is_empty() {
        return Some(None);
    }
    if let Some(after_colon) = value.strip_prefix(':') {
        let after_colon = after_colon.trim();
        return Some((!after_colon.is_empty()).then_some(after_colon));
    }
    if rest.starts_with('\t') || rest.starts_with("  ") {
        return Some(Some(value));
    }
    if !rest.starts_with(' ') {
        return None;
    }
    let words = value.split_whitespace().count();
    let fits = match field {
        Field::Addressee => addressee_shape(value, vocabulary),
        Field::Date | Field::Deadline => whole_date(value, vocabulary).is_some(),
        Field::Reference => {
            words <= MAX_REFERENCE_WORDS
                && value
                    .chars()
                    .any(|c| c.is_ascii_digit() || c == '[' || c == '/')
        }
        Field::Subject => {
            words <= MAX_SUBJECT_WORDS && value.starts_with(|c: char| c.is_uppercase())
        }
        Field::DecisionPoints => false,
        Field::Other => phrase.contains(' '),
    };
    fits.then_some(Some(value))
}

/// Whether text after "Aan" reads as an addressee ("Minister van WenP",
/// "de Staatssecretaris …") and not as a sentence that starts with "Aan".
fn addressee_shape(value: &str, vocabulary: &Vocabulary) -> bool {
    let words = value.split_whitespace().count();
    let sentence_end = value.ends_with(['.', ';', '!', '?']) && words > 3;
    // A role or a name first, after an article: "Minister", "de SG",
    // "[redacted]", a role the vocabulary knows in lower case ("de
    // minister", "de plaatsvervangend secretaris-generaal"); not "de slag
    // met de Participatiewet".
    let mut named = value
        .split_whitespace()
        .skip_while(|word| matches!(word.to_lowercase().as_str(), "de" | "het" | "'t"));
    let names_someone = named.next().is_some_and(|word| {
        word.starts_with(|c: char| c.is_uppercase() || c == '[')
            || vocabulary.actor_title(word).is_some()
            || named
                .next()
                .is_some_and(|next| vocabulary.actor_title(&format!("{word} {next}")).is_some())
    });
    words <= MAX_ADDRESSEE_WORDS
        && !sentence_end
        && names_someone
        && value.starts_with(|c: char| c.is_alphabetic() || c == '[')
}

/// The ASCII first bytes of [`HEADINGS`], as bits.
const HEADING_STARTS: u128 = first_bytes(HEADINGS);

/// The ASCII first bytes of `words`, as bits.
const fn first_bytes(mut words: &[&str]) -> u128 {
    let mut bits = 0;
    while let Some((word, rest)) = words.split_first() {
        if let Some((&first, _)) = word.as_bytes().split_first()
            && first.is_ascii()
        {
            bits |= 1 << first;
        }
        words = rest;
    }
    bits
}

/// Whether `byte` is among the first bytes `bits`.
fn starts_some(bits: u128, byte: u8) -> bool {
    byte.is_ascii() && bits & (1 << byte) != 0
}

/// A heading of the body: a known heading word at the start of a short
/// line ("Kernpunten", "Toelichting: politieke context").
fn is_heading(text: &str) -> bool {
    // The heading word first, by its first letter: nearly every line fails
    // there.
    let Some(first) = text.chars().next() else {
        return false;
    };
    // An ASCII first letter is compared as a byte with the headings' first
    // bytes, at once and then with each heading's.
    if let Ok(byte) = u8::try_from(first)
        && byte.is_ascii()
        && !starts_some(HEADING_STARTS, byte)
        && !starts_some(HEADING_STARTS, byte.to_ascii_lowercase())
    {
        return false;
    }
    let may_start = |heading: &str| match u8::try_from(first) {
        Ok(byte) if byte.is_ascii() => heading
            .as_bytes()
            .first()
            .is_some_and(|&h| h == byte || h == byte.to_ascii_lowercase()),
        _ => heading.chars().next().is_some_and(|h| same_lower(first, h)),
    };
    let starts_with_heading = HEADINGS.iter().any(|heading| {
        may_start(heading)
            && after_phrase(text, heading)
                .is_some_and(|rest| ends_phrase(rest) || rest.starts_with('/'))
    });
    starts_with_heading
        && text.split_whitespace().nth(MAX_HEADING_WORDS).is_none()
        && !text.ends_with('?')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn role(text: &str) -> Role<'_> {
        classify(text, &Vocabulary::builtin())
    }

    #[test]
    fn document_words() {
        assert!(matches!(
            role("nota"),
            Role::Document {
                kind: NotaKind::Nota,
                after: After::Nothing,
                ..
            }
        ));
        assert!(matches!(
            role("Beslisnota"),
            Role::Document {
                kind: NotaKind::Beslisnota,
                ..
            }
        ));
        assert_eq!(
            role("n Ota Signaal Arbeidsinspectie kidfluencers"),
            Role::Document {
                kind: NotaKind::Nota,
                word: "n Ota",
                after: After::Title("Signaal Arbeidsinspectie kidfluencers"),
            }
        );
        assert_eq!(
            role("In formatienota: Voortgang"),
            Role::Document {
                kind: NotaKind::Informatienota,
                word: "In formatienota:",
                after: After::Title("Voortgang"),
            }
        );
        assert_eq!(role("Inf ormatienota"), Role::Text);
        assert_eq!(
            role("Memo: stand van zaken"),
            Role::Document {
                kind: NotaKind::Nota,
                word: "Memo:",
                after: After::Title("stand van zaken"),
            }
        );
        assert_eq!(
            role("Nota aan de Minister van Financiën"),
            Role::Document {
                kind: NotaKind::Nota,
                word: "Nota",
                after: After::Addressee("de Minister van Financiën"),
            }
        );
        // Body text and notas named in passing.
        for text in [
            "nota over de uitvoering",
            "nota Raad akkoord nota ontwikkeling informatie aan directie",
            "Beslisnota 7 - overleg minister van voor in door samenwerking kamerbrief het inspectie belang zzp'ers een dat in toezicht zzp'ers overleg uitvoering informatie zzp'ers beleid kamerbrief uitvoering organisatie procedure door",
            "Nota MWP – Vervolg wetsvoorstel gedragscode d.d. 24 maart 2026",
            "Notaris",
            "Nota's",
            "not a nota",
        ] {
            assert_eq!(role(text), Role::Text, "{text}");
        }
    }

    #[test]
    fn markers() {
        assert_eq!(role("TER BESLISSING"), Role::Marker(NotaKind::Beslisnota));
        // A document word with its marker, as Financiën writes it.
        assert_eq!(
            role("nota ter beslissing"),
            Role::Document {
                kind: NotaKind::Beslisnota,
                word: "nota ter beslissing",
                after: After::Nothing,
            }
        );
        assert!(matches!(
            role("Notitie ter informatie:"),
            Role::Document {
                kind: NotaKind::Informatienota,
                ..
            }
        ));
        // In a sentence the words go on.
        assert_eq!(role("nota ter beslissing voorgelegd aan de SG"), Role::Text);
        assert_eq!(role("BRIEF ONDERTEKENEN"), Role::Marker(NotaKind::Brief));
        assert_eq!(
            role("TER  INFORMATIE:"),
            Role::Marker(NotaKind::Informatienota)
        );
        // An attachment table's action column.
        assert_eq!(role("Ter informatie"), Role::Text);
        assert_eq!(role("Ter informatie (niet verzenden)"), Role::Text);
    }

    #[test]
    fn labels_alone_and_with_values() {
        let label = |field, value| Role::Label { field, value };
        assert_eq!(role("Datum"), label(Field::Date, None));
        assert_eq!(role("Datum:"), label(Field::Date, None));
        assert_eq!(
            role("Datum 27 mei 2026"),
            label(Field::Date, Some("27 mei 2026"))
        );
        assert_eq!(
            role("Datum: [redacted]"),
            label(Field::Date, Some("[redacted]"))
        );
        assert_eq!(role("Onze referentie"), label(Field::Reference, None));
        assert_eq!(
            role("Ons kenmerk: 2026-0000123"),
            label(Field::Reference, Some("2026-0000123"))
        );
        assert_eq!(
            role("Kenmerk 2026-0000123"),
            label(Field::Reference, Some("2026-0000123"))
        );
        assert_eq!(
            role("Aan Minister van WenP"),
            label(Field::Addressee, Some("Minister van WenP"))
        );
        assert_eq!(
            role("Aan de minister van Financiën"),
            label(Field::Addressee, Some("de minister van Financiën"))
        );
        assert_eq!(
            role("Aan de plaatsvervangend secretaris-generaal"),
            label(
                Field::Addressee,
                Some("de plaatsvervangend secretaris-generaal")
            )
        );
        assert_eq!(
            role("Aan:\t[redacted]"),
            label(Field::Addressee, Some("[redacted]"))
        );
        assert_eq!(
            role("Betreft: Voortgang Arbovisie"),
            label(Field::Subject, Some("Voortgang Arbovisie"))
        );
        assert_eq!(role("Uiterlijk bij"), label(Field::Deadline, None));
        assert_eq!(role("Bijlage(n)"), label(Field::Other, None));
        assert_eq!(
            role("Geadviseerd besluit"),
            label(Field::DecisionPoints, None)
        );
        assert_eq!(role("Beslispunten:"), label(Field::DecisionPoints, None));
    }

    #[test]
    fn sentences_are_not_labels() {
        for text in [
            "Aanleiding",
            "Aan de aanpak ligt de blijvende maatschappelijke aandacht, de TK, de media en gezaghebbende instituten ten grondslag.",
            "Datum van inwerkingtreding is nog niet bekend",
            "Kenmerk van deze aanpak is de samenwerking met gemeenten",
            "Betreft de toezegging de ATR te betrekken bij de evaluatie",
            "Van A naar B",
            "Onderwerp: Markering\tDatum: 27-5-2026 11:41:52",
            "aan de besluit uitvoering en samenwerking arbeidsbelasting",
            "Aan de orde is de begroting",
            "Aan de slag met de Participatiewet",
        ] {
            assert!(
                matches!(role(text), Role::Text | Role::Heading),
                "{text}: {:?}",
                role(text)
            );
        }
    }

    #[test]
    fn headings() {
        for text in [
            "Kernpunten",
            "Kernpunten: onderzochte alternatieven.",
            "Toelichting",
            "Politieke context",
            "Financiële/juridische overwegingen",
            "kernpunten",
            "KERNPUNTEN",
        ] {
            assert_eq!(role(text), Role::Heading, "{text}");
        }
        // A first letter that is not ASCII is no heading's.
        assert_eq!(role("Ķernpunten"), Role::Text);
        assert_eq!(
            role("Kern van de zaak is dat de Kamer dit wil en dat u het ook wilt"),
            Role::Text
        );
    }

    #[test]
    fn bold_markers_cut_lines() {
        let vocabulary = Vocabulary::builtin();
        let lines = read(
            [(
                None,
                "Uiterlijk bij\n1 juni 2026**Geadviseerd besluit**\n\nX",
            )],
            &vocabulary,
        );
        let texts: Vec<(&str, usize, bool)> = lines
            .iter()
            .map(|l| (l.text, l.number, l.after_gap))
            .collect();
        assert_eq!(
            texts,
            [
                ("Uiterlijk bij", 1, true),
                ("1 juni 2026", 2, false),
                ("Geadviseerd besluit", 2, true),
                ("X", 4, true)
            ]
        );
        assert_eq!(
            lines[2].role,
            Role::Label {
                field: Field::DecisionPoints,
                value: None
            }
        );
    }

    #[test]
    fn fields_side_by_side_are_cut() {
        let pieces: Vec<&str> =
            side_by_side("Aan: Minister van Financiën Datum: 4 maart 2026").collect();
        assert_eq!(
            pieces,
            ["Aan: Minister van Financiën ", "Datum: 4 maart 2026"]
        );
        let pieces: Vec<&str> = side_by_side("Een zin over de Datum van vandaag").collect();
        assert_eq!(pieces, ["Een zin over de Datum van vandaag"]);
    }

    #[test]
    fn document_words_are_ascii_lower_case() {
        // `document_kind` compares an ASCII word byte by byte.
        for (word, _) in DOCUMENT_WORDS {
            assert!(word.bytes().all(|b| b.is_ascii_lowercase()), "{word}");
        }
        assert_eq!(document_kind("BESLISN0TA"), Some(NotaKind::Beslisnota));
        assert_eq!(document_kind("Notities"), None);
    }

    #[test]
    fn summary_lines_and_stamps_are_known() {
        let vocabulary = Vocabulary::builtin();
        let known = Known {
            summary: &[(4, 5)],
            stamps: &[2],
        };
        let text = "nota\nMWP akkoord 8/6\nAan Minister\nOnderwerp: Markering\nDatum\nDatum\n";
        let mut lines = read([(None, text)], &vocabulary);
        mark_known(&mut lines, &known);
        let roles: Vec<Role<'_>> = lines.iter().map(|l| l.role).collect();
        assert_eq!(roles[1], Role::Stamp);
        assert_eq!(roles[3], Role::Summary);
        assert_eq!(roles[4], Role::Summary);
        assert!(matches!(
            roles[5],
            Role::Label {
                field: Field::Date,
                ..
            }
        ));
    }
}
