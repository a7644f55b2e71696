//! Header blocks: where each nota starts, and its title, kind, addressee,
//! date and reference.
//!
//! The **core** of a header is a group of lines that name a document: a
//! document word ("nota", "Beslisnota"), a marker ("TER BESLISSING"), an
//! addressee ("Aan …") and a subject ("Onderwerp", "Betreft"), each at
//! most [`CORE_GAP`] lines from the one before, on one page, each kind
//! once (a second "Aan" starts another group), with no sentence of running
//! text between them (a line of three words or more that ends in a full
//! stop, question or exclamation mark, unless it is the value under a
//! label or the title under a document word). A core is a nota's header
//! when it has
//! - a document word or a marker, and an addressee or a subject; or
//! - a document word alone on its line with the title under it, and a
//!   date and a reference near it (see below); or
//! - no document word, but an addressee, a subject and a readable date.
//!
//! So a continuation page's running header ("Datum … Onze referentie …"),
//! an e-mail ("Aan:", "Onderwerp:", but "Verzonden:" for a date) and an
//! attachment table that names another nota are not notas.
//!
//! The **date** and **reference** are the first "Datum" and "Onze
//! referentie" / "Kenmerk" labels from the core's first line on, up to the
//! next core (on a page: to the end of the page, where a text layer may
//! put the margin column; without pages: at most [`REGION_LINES`] lines);
//! when there is none, the last one in the [`LOOK_BACK`] lines before the
//! core, on its page, with no stamp, summary or other header between. A
//! date label whose value reads as a date is preferred to one before it
//! whose value does not (a table's "Datum" column above the header's). A
//! label's value is the rest of its line or the next line; a label glued to
//! the value ("2026- [redacted]Opgesteld door") is cut off.
//!
//! The **title** is the subject's value, else the line after a document
//! word alone on its line (markers passed over), else the text after the
//! document word on its line; it goes on on the next line (at most
//! [`MAX_TITLE_LINES`] in all) when that line follows without a gap and
//! starts in lower case or the line before ends with a joining word
//! ("… gedragscode of / alternatieve aanpak").

use chrono::NaiveDate;

use super::NotaKind;
use super::lines::{After, Line, Role, after_phrase};
use super::words::{CONNECTORS, Field, HEADINGS, LABELS};
use crate::decision::{Vocabulary, whole_date};

/// Most lines between two lines of one core.
pub(super) const CORE_GAP: usize = 12;
/// Without pages: how many lines after a core's start its date and
/// reference are looked for.
pub(super) const REGION_LINES: usize = 80;
/// How many lines before a core its date and reference are looked for
/// when there is none after it.
pub(super) const LOOK_BACK: usize = 6;
/// Most lines of a title.
pub(super) const MAX_TITLE_LINES: usize = 3;
/// Most labels of one field weighed for a header.
const MAX_CANDIDATES: usize = 8;
/// Fewest words of a sentence that ends a core.
const MIN_SENTENCE_WORDS: usize = 3;

/// A header found in the lines.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Header {
    /// Index of the core's first line.
    pub(super) first: usize,
    pub(super) title: Option<String>,
    pub(super) kind: NotaKind,
    pub(super) kind_text: Option<String>,
    pub(super) addressee: Option<String>,
    pub(super) date: Option<NaiveDate>,
    pub(super) date_text: Option<String>,
    pub(super) reference: Option<String>,
}

/// The lines of a core, by what they are.
#[derive(Debug, Clone, Default)]
struct Core {
    first: usize,
    last: usize,
    document: Option<usize>,
    markers: Vec<usize>,
    addressee: Option<usize>,
    subject: Option<usize>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Slot {
    Document,
    Marker,
    Addressee,
    Subject,
}

impl Core {
    fn new(slot: Slot, index: usize) -> Self {
        let mut core = Self {
            first: index,
            last: index,
            ..Self::default()
        };
        core.add(slot, index);
        core
    }

    fn has(&self, slot: Slot) -> bool {
        match slot {
            Slot::Document => self.document.is_some(),
            Slot::Marker => false,
            Slot::Addressee => self.addressee.is_some(),
            Slot::Subject => self.subject.is_some(),
        }
    }

    fn add(&mut self, slot: Slot, index: usize) {
        self.last = index;
        match slot {
            Slot::Document => self.document = Some(index),
            Slot::Marker => self.markers.push(index),
            Slot::Addressee => self.addressee = Some(index),
            Slot::Subject => self.subject = Some(index),
        }
    }
}

fn slot(role: &Role<'_>) -> Option<Slot> {
    match role {
        Role::Document { .. } => Some(Slot::Document),
        Role::Marker(_) => Some(Slot::Marker),
        Role::Label {
            field: Field::Addressee,
            ..
        } => Some(Slot::Addressee),
        Role::Label {
            field: Field::Subject,
            ..
        } => Some(Slot::Subject),
        _ => None,
    }
}

/// Every header in the lines, in order.
pub(super) fn headers(lines: &[Line<'_>], vocabulary: &Vocabulary) -> Vec<Header> {
    let cores = cores(lines);
    let paged = lines.first().is_some_and(|line| line.page.is_some());
    let mut headers = Vec::new();
    for (index, core) in cores.iter().enumerate() {
        let next = cores.get(index + 1).map_or(lines.len(), |next| next.first);
        let previous = index
            .checked_sub(1)
            .and_then(|i| cores.get(i))
            .map(|core| core.last + 1);
        let reader = Reader {
            lines,
            core,
            region: core.first..next,
            floor: previous.unwrap_or(0),
            paged,
        };
        if let Some(header) = reader.header(vocabulary) {
            headers.push(header);
        }
    }
    headers
}

fn cores(lines: &[Line<'_>]) -> Vec<Core> {
    let mut cores = Vec::new();
    let mut current: Option<Core> = None;
    for (index, line) in lines.iter().enumerate() {
        let Some(slot) = slot(&line.role) else {
            // A stamp ends a header, unless it was set down inside one: the
            // header's next field follows it.
            let ends_core = match line.role {
                Role::Stamp => !current
                    .as_ref()
                    .is_some_and(|core| goes_on_after_stamps(lines, index, core)),
                _ => ends_header(lines, index),
            };
            if ends_core {
                cores.extend(current.take());
            }
            continue;
        };
        if let Some(core) = current.as_mut() {
            let near = index - core.last <= CORE_GAP
                && lines.get(core.last).map(|l| l.page) == Some(line.page);
            if near && !core.has(slot) {
                core.add(slot, index);
                continue;
            }
            cores.extend(current.take());
        }
        current = Some(Core::new(slot, index));
    }
    cores.extend(current);
    cores
}

/// A title without the marks a scan's OCR or a bullet leaves before it
/// ("- Arbeidsmarktkrapte in de zorg"); `None` when nothing is left.
fn without_specks(title: String) -> Option<String> {
    let kept = title.trim_start_matches(|c: char| {
        c.is_whitespace()
            || matches!(
                c,
                '-' | '–' | '—' | '•' | '·' | '_' | ':' | ';' | '|' | ',' | '.'
            )
    });
    if kept.is_empty() {
        None
    } else if kept.len() == title.len() {
        Some(title)
    } else {
        Some(kept.to_owned())
    }
}

/// Whether line `index`, which holds no field, ends the header before it:
/// a printed summary's line, or a line of running text that is no field's
/// value. (A stamp may stand inside a header: see [`goes_on_after_stamps`].)
fn ends_header(lines: &[Line<'_>], index: usize) -> bool {
    lines.get(index).is_some_and(|line| match line.role {
        Role::Summary => true,
        Role::Text => is_sentence(line.text) && !takes_value(lines, index),
        _ => false,
    })
}

/// Whether the header `core` goes on after the stamp at line `index`: a
/// field it lacks follows, near and on the same page, with nothing that
/// ends a header in between (a stamp set down between a nota's addressee
/// and its subject).
fn goes_on_after_stamps(lines: &[Line<'_>], index: usize, core: &Core) -> bool {
    let page = lines.get(core.last).map(|line| line.page);
    for (at, line) in lines.iter().enumerate().skip(index + 1) {
        if at - core.last > CORE_GAP || Some(line.page) != page {
            return false;
        }
        if let Some(slot) = slot(&line.role) {
            return !core.has(slot);
        }
        if ends_header(lines, at) {
            return false;
        }
    }
    false
}

/// A line of running text: it ends a sentence and has a few words. Body
/// text between two lines ends a core (an e-mail's "Aan:" and a memo's
/// "MEMO" below it are two documents).
fn is_sentence(text: &str) -> bool {
    let text = text.trim_end_matches(['"', '\'', '’', ')', '*']);
    text.ends_with(['.', '!', '?']) && text.split_whitespace().count() >= MIN_SENTENCE_WORDS
}

/// Whether line `index` is the value of the line before: under a label
/// alone on its line, or the title under a document word alone on its
/// line.
fn takes_value(lines: &[Line<'_>], index: usize) -> bool {
    let previous = index.checked_sub(1).and_then(|i| lines.get(i));
    previous.is_some_and(|line| {
        matches!(
            line.role,
            Role::Label { value: None, .. }
                | Role::Document {
                    after: After::Nothing,
                    ..
                }
        )
    })
}

/// Reads one core's header.
struct Reader<'l, 'a> {
    lines: &'l [Line<'a>],
    core: &'l Core,
    /// Where the core's fields are looked for first.
    region: std::ops::Range<usize>,
    /// The first line after the previous core: the look-back stops there.
    floor: usize,
    paged: bool,
}

impl<'a> Reader<'_, 'a> {
    fn line(&self, index: usize) -> Option<&Line<'a>> {
        self.lines.get(index)
    }

    fn header(&self, vocabulary: &Vocabulary) -> Option<Header> {
        let core = self.core;
        let date_text = self.field(Field::Date, |text| whole_date(text, vocabulary).is_some());
        let date = date_text
            .as_deref()
            .and_then(|text| whole_date(text, vocabulary));
        let reference = self.field(Field::Reference, |_| true);
        let document = core.document.and_then(|i| Some((i, self.line(i)?)));
        let document_title = document.and_then(|(index, line)| match line.role {
            Role::Document {
                after: After::Title(title),
                ..
            } => Some(self.continued(title, index)),
            Role::Document { .. } => self.title_below(index),
            _ => None,
        });
        let alone_with_title = document.is_some_and(|(_, line)| {
            matches!(
                line.role,
                Role::Document {
                    after: After::Nothing,
                    ..
                }
            )
        }) && document_title.is_some();
        let named = core.document.is_some() || !core.markers.is_empty();
        let addressed = core.addressee.is_some()
            || document.is_some_and(|(_, line)| {
                matches!(
                    line.role,
                    Role::Document {
                        after: After::Addressee(_),
                        ..
                    }
                )
            });
        let qualifies = (named && (addressed || core.subject.is_some()))
            || (alone_with_title && date_text.is_some() && reference.is_some())
            || (!named && addressed && core.subject.is_some() && date.is_some());
        if !qualifies {
            return None;
        }
        let subject_title = core.subject.and_then(|index| self.value(index, true));
        let (kind, kind_text) = self.kind();
        Some(Header {
            first: core.first,
            title: subject_title.or(document_title).and_then(without_specks),
            kind,
            kind_text,
            addressee: self.addressee(),
            date,
            date_text,
            reference,
        })
    }

    /// The nota's kind: a specific document word, else a specific marker,
    /// else a plain document word, else any marker.
    fn kind(&self) -> (NotaKind, Option<String>) {
        let document = self
            .core
            .document
            .and_then(|i| self.line(i))
            .and_then(|line| match line.role {
                Role::Document { kind, word, .. } => {
                    Some((kind, word.trim_end_matches(':').to_owned()))
                }
                _ => None,
            });
        let markers: Vec<(NotaKind, String)> = self
            .core
            .markers
            .iter()
            .filter_map(|&i| self.line(i))
            .filter_map(|line| match line.role {
                Role::Marker(kind) => Some((kind, line.text.to_owned())),
                _ => None,
            })
            .collect();
        let specific = |kind: &NotaKind| *kind != NotaKind::Nota;
        document
            .clone()
            .filter(|(kind, _)| specific(kind))
            .or_else(|| markers.iter().find(|(kind, _)| specific(kind)).cloned())
            .or(document)
            .or_else(|| markers.first().cloned())
            .map_or((NotaKind::Unknown, None), |(kind, text)| (kind, Some(text)))
    }

    fn addressee(&self) -> Option<String> {
        if let Some(index) = self.core.addressee {
            return self.value(index, false);
        }
        self.core
            .document
            .and_then(|i| self.line(i))
            .and_then(|line| match line.role {
                Role::Document {
                    after: After::Addressee(addressee),
                    ..
                } => Some(addressee.to_owned()),
                _ => None,
            })
    }

    /// The value of the first label of `field` in the region that `fits`,
    /// else of the first there; when the region has none, the same among
    /// the labels just before the core, nearest first.
    fn field(&self, field: Field, fits: impl Fn(&str) -> bool) -> Option<String> {
        let is_field = |index: &usize| {
            self.line(*index)
                .is_some_and(|line| line.is_label(field) && self.same_page(*index))
        };
        let end = if self.paged {
            self.region.end
        } else {
            self.region.end.min(self.core.first + REGION_LINES)
        };
        let mut after = (self.region.start..end)
            .take_while(|&i| self.same_page(i))
            .filter(is_field);
        let floor = self.floor.max(self.core.first.saturating_sub(LOOK_BACK));
        let page = self.line(self.core.first).map(|line| line.page);
        let mut before = (floor..self.core.first)
            .rev()
            .take_while(|&i| {
                self.line(i).is_some_and(|line| {
                    !matches!(line.role, Role::Stamp | Role::Summary) && Some(line.page) == page
                })
            })
            .filter(is_field);
        let pick = |candidates: &mut dyn Iterator<Item = usize>| {
            let mut first = None;
            for index in candidates.take(MAX_CANDIDATES) {
                let Some(value) = self.value(index, false) else {
                    continue;
                };
                if fits(&value) {
                    return Some(value);
                }
                first.get_or_insert(value);
            }
            first
        };
        pick(&mut after).or_else(|| pick(&mut before))
    }

    fn same_page(&self, index: usize) -> bool {
        let page = |i: usize| self.line(i).map(|line| line.page);
        page(index) == page(self.core.first)
    }

    /// The value of the label at `index`: on its line, else the next line
    /// when that is text on the same page; `title` lets it go on over the
    /// lines after.
    fn value(&self, index: usize, title: bool) -> Option<String> {
        let (text, at) = label_value(self.lines, index, title)?;
        Some(if title {
            self.continued(text, at)
        } else {
            text.to_owned()
        })
    }

    /// The title under a document word alone on its line.
    fn title_below(&self, index: usize) -> Option<String> {
        let page = self.line(index)?.page;
        let (at, line) = self
            .lines
            .iter()
            .enumerate()
            .skip(index + 1)
            .take(CORE_GAP)
            .find(|(_, line)| !matches!(line.role, Role::Marker(_)))?;
        if line.page != page || !is_value(&line.role, true) {
            return None;
        }
        let text = cut_glued(line.text);
        (!text.is_empty()).then(|| self.continued(text, at))
    }

    /// `first` (the text of line `at`) with the lines that continue it.
    fn continued(&self, first: &str, at: usize) -> String {
        let mut title = first.trim().to_owned();
        let mut previous = first;
        for next in self.lines.iter().skip(at + 1).take(MAX_TITLE_LINES - 1) {
            let same = self.line(at).is_some_and(|line| line.page == next.page);
            let continues = same
                && !next.after_gap
                && is_value(&next.role, true)
                && (next.text.starts_with(char::is_lowercase) || ends_joined(previous));
            if !continues {
                break;
            }
            title.push(' ');
            title.push_str(cut_glued(next.text));
            previous = next.text;
        }
        title
    }
}

/// How far from a later page's date label another field of the margin
/// block may stand, in lines.
const MARGIN_BLOCK_LINES: usize = 6;

/// The date of a nota whose header gives none, from the margin of one of its
/// later pages: a template repeats its block of fields ("Datum" / "24
/// februari 2026" / "Onze referentie" / …) on every page. The first date
/// label on a page after `first_page` among the nota's own `lines` whose
/// value is a whole date and that stands in a block with a reference label
/// (a date in the text of a nota stands alone); its text and date.
pub(super) fn later_date(
    lines: &[Line<'_>],
    first_page: Option<usize>,
    vocabulary: &Vocabulary,
) -> Option<(String, NaiveDate)> {
    first_page?;
    lines
        .iter()
        .enumerate()
        .filter(|(_, line)| line.page > first_page && line.is_label(Field::Date))
        .take(MAX_CANDIDATES)
        .find_map(|(index, line)| {
            let (text, at) = label_value(lines, index, false)?;
            let date = whole_date(text, vocabulary)?;
            let block = index.saturating_sub(MARGIN_BLOCK_LINES)
                ..(at + MARGIN_BLOCK_LINES + 1).min(lines.len());
            lines
                .get(block)
                .unwrap_or_default()
                .iter()
                .any(|other| other.is_label(Field::Reference) && other.page == line.page)
                .then(|| (text.to_owned(), date))
        })
}

/// The value of the label at `index` (glued labels cut off) and the index
/// of the line it stands on: the rest of the label's line, else the next
/// line when that is text on the same page (`title`: or looks like a
/// heading).
pub(super) fn label_value<'a>(
    lines: &[Line<'a>],
    index: usize,
    title: bool,
) -> Option<(&'a str, usize)> {
    let line = lines.get(index)?;
    let Role::Label { value, .. } = line.role else {
        return None;
    };
    let at = match value {
        Some(value) => {
            let text = cut_glued(value);
            return (!text.is_empty()).then_some((text, index));
        }
        // One of a column of labels, else the line below.
        None => column_value(lines, index).unwrap_or(index + 1),
    };
    let next = lines.get(at)?;
    if next.page != line.page || !is_value(&next.role, title) {
        return None;
    }
    let text = cut_glued(next.text);
    (!text.is_empty()).then_some((text, at))
}

/// Where the value of the bare label at `index` stands when the label is
/// one of a column of bare labels ("Aan / Van / Datum / Ons kenmerk /
/// Onderwerp") followed by the column of their values, as text layers print
/// a two-column header: the value of the k-th label is the k-th line after
/// the labels. `None` when the label is not in such a column, or when fewer
/// value lines follow than there are labels, or a date label's value would
/// have no digit (a label without a value, "Directie", above "Datum" /
/// "5 maart 2026", is no column).
fn column_value(lines: &[Line<'_>], index: usize) -> Option<usize> {
    let page = lines.get(index)?.page;
    let bare = |i: usize| {
        lines.get(i).is_some_and(|line| {
            line.page == page && matches!(line.role, Role::Label { value: None, .. })
        })
    };
    let start = (0..=index).rev().take_while(|&i| bare(i)).last()?;
    let end = (index..).take_while(|&i| bare(i)).last()? + 1;
    let labels = end - start;
    if labels < 2 {
        return None;
    }
    let values_fit = (end..end + labels).all(|i| {
        lines.get(i).is_some_and(|line| {
            line.page == page && is_value(&line.role, true) && {
                let label = lines.get(i - labels).map(|l| l.role);
                let dated = matches!(
                    label,
                    Some(Role::Label {
                        field: Field::Date | Field::Deadline,
                        ..
                    })
                );
                !dated || line.text.chars().any(|c| c.is_ascii_digit())
            }
        })
    });
    values_fit.then_some(end + (index - start))
}

/// Whether a line of this role can be a label's value (a title may look
/// like a heading: "Vervolg wetsvoorstel gedragscode").
fn is_value(role: &Role<'_>, title: bool) -> bool {
    match role {
        Role::Text => true,
        Role::Heading => title,
        _ => false,
    }
}

/// Whether a title line ends where the title cannot: after a joining word
/// or a comma, a dash or an ampersand.
fn ends_joined(line: &str) -> bool {
    let line = line.trim_end();
    if line.ends_with([',', '-', '–', '&', ':']) {
        return true;
    }
    line.rsplit(char::is_whitespace)
        .next()
        .is_some_and(|last| CONNECTORS.contains(&last.to_lowercase().as_str()))
}

/// A value cut where a label or heading glued to it starts: a capital
/// right after a character that is not white space, where a label's text
/// begins ("2026- [redacted]Opgesteld door" → "2026- [redacted]"). After a
/// hyphen a capital is a name in a compound ("de motie-Van den Berg",
/// "commissie-Van Ark"), not a label.
pub(super) fn cut_glued(value: &str) -> &str {
    let mut previous: Option<char> = None;
    for (at, c) in value.char_indices() {
        let glued = previous.is_some_and(|p| !p.is_whitespace() && !matches!(p, '-' | '‐' | '–'));
        previous = Some(c);
        if !glued || !c.is_uppercase() {
            continue;
        }
        let rest = value.get(at..).unwrap_or_default();
        let starts_label = LABELS
            .iter()
            .map(|(phrase, _)| *phrase)
            .chain(HEADINGS.iter().copied())
            .any(|phrase| {
                after_phrase(rest, phrase).is_some_and(|after| {
                    after
                        .chars()
                        .next()
                        .is_none_or(|c| c.is_whitespace() || c == ':')
                })
            });
        if starts_label {
            return value.get(..at).unwrap_or(value).trim_end();
        }
    }
    value.trim()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn specks_before_a_title() {
        let kept = |title: &str| without_specks(title.to_owned());
        assert_eq!(
            kept("- Arbeidsmarktkrapte in de zorg").as_deref(),
            Some("Arbeidsmarktkrapte in de zorg")
        );
        assert_eq!(kept("“Aan de slag”").as_deref(), Some("“Aan de slag”"));
        assert_eq!(
            kept("(Concept) Voortgang").as_deref(),
            Some("(Concept) Voortgang")
        );
        assert_eq!(kept(" - "), None);
    }

    #[test]
    fn glued_labels_are_cut() {
        assert_eq!(
            cut_glued("2026- [redacted]Opgesteld door"),
            "2026- [redacted]"
        );
        assert_eq!(
            cut_glued("2026-0000412345Opgesteld door"),
            "2026-0000412345"
        );
        assert_eq!(cut_glued("6Kernpunten"), "6");
        assert_eq!(cut_glued("Minister van WenP"), "Minister van WenP");
        assert_eq!(
            cut_glued("Beleidsstaf MWP, 20/4: Voortgangsbrief"),
            "Beleidsstaf MWP, 20/4: Voortgangsbrief"
        );
        assert_eq!(cut_glued("VanDam"), "VanDam");
        assert_eq!(
            cut_glued("Uitwerking van de motie-Van den Berg over jongeren"),
            "Uitwerking van de motie-Van den Berg over jongeren"
        );
        assert_eq!(
            cut_glued("Uitvoering motie-Aan de Stegge"),
            "Uitvoering motie-Aan de Stegge"
        );
    }

    #[test]
    fn a_column_of_labels_then_one_of_values() {
        use crate::nota::lines::read;
        let vocabulary = Vocabulary::builtin();
        let value = |text: &str, label: usize| {
            let lines = read([(None, text)], &vocabulary);
            label_value(&lines, label, true).map(|(v, _)| v.to_owned())
        };
        let columns = "Aan\nDatum\nOnderwerp\nMinister\n4 mei 2026\nBox 3\nAanleiding\n";
        assert_eq!(value(columns, 0).as_deref(), Some("Minister"));
        assert_eq!(value(columns, 1).as_deref(), Some("4 mei 2026"));
        assert_eq!(value(columns, 2).as_deref(), Some("Box 3"));
        // A label without a value above a label and its value.
        let valueless = "Directie\n\nDatum\n5 maart 2026\n\nOnze referentie\n2026-\n";
        assert_eq!(value(valueless, 1).as_deref(), Some("5 maart 2026"));
        assert_eq!(value(valueless, 3).as_deref(), Some("2026-"));
        // Label and value in turn.
        let pairs = "Datum\n27 mei 2026\nOnze referentie\n2026-\n";
        assert_eq!(value(pairs, 2).as_deref(), Some("2026-"));
    }

    #[test]
    fn joined_ends() {
        assert!(ends_joined(
            "Vervolg wetsvoorstel verplichte gedragscode of"
        ));
        assert!(ends_joined("Kosten en baten,"));
        assert!(!ends_joined("Kidfluencing"));
    }
}
