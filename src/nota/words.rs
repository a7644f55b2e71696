//! The words of nota templates: document words, markers, field labels and
//! section headings, as Dutch ministries write them. Every entry is lower
//! case; lines are compared without regard to case, with runs of white
//! space as one space.

use super::NotaKind;

/// A field of a nota's header block, or of its first page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Field {
    /// "Aan": who the nota is for.
    Addressee,
    /// "Datum".
    Date,
    /// "Onze referentie", "Kenmerk", "Ons kenmerk".
    Reference,
    /// "Onderwerp", "Betreft": the title.
    Subject,
    /// "Uiterlijk bij": when the decision is due.
    Deadline,
    /// "Beslispunten", "Geadviseerd besluit": what is asked.
    DecisionPoints,
    /// Any other label of a header ("Van", "Opgesteld door", "Bijlage(n)"):
    /// read only so that it is not taken for a value.
    Other,
}

/// Document words: a line that is one of them (or starts with one, the
/// title after it) opens a nota, with the kind it names. "nota" also
/// matches the way OCR splits it ("n Ota").
pub(super) const DOCUMENT_WORDS: &[(&str, NotaKind)] = &[
    ("beslisnota", NotaKind::Beslisnota),
    ("besluitnota", NotaKind::Beslisnota),
    ("informatienota", NotaKind::Informatienota),
    ("nota", NotaKind::Nota),
    ("notitie", NotaKind::Nota),
    ("memo", NotaKind::Nota),
    ("memorandum", NotaKind::Nota),
    ("adviesnota", NotaKind::Nota),
];

/// Markers: a line that is one of these, in capitals as templates write
/// them, says what the nota asks for.
pub(super) const MARKERS: &[(&str, NotaKind)] = &[
    ("ter beslissing", NotaKind::Beslisnota),
    ("ter besluitvorming", NotaKind::Beslisnota),
    ("ter goedkeuring", NotaKind::Beslisnota),
    ("ter akkoord", NotaKind::Beslisnota),
    ("ter informatie", NotaKind::Informatienota),
    ("ter kennisname", NotaKind::Informatienota),
    ("ter ondertekening", NotaKind::Brief),
    ("brief ondertekenen", NotaKind::Brief),
    ("ter bespreking", NotaKind::Nota),
    ("ter advisering", NotaKind::Nota),
];

/// Field labels. A label stands at the start of a line, alone, before a
/// colon, a tab or a wider gap, or (see [`Field`] and the line reader)
/// before a value of its field's shape.
pub(super) const LABELS: &[(&str, Field)] = &[
    ("aan", Field::Addressee),
    ("datum", Field::Date),
    ("onze referentie", Field::Reference),
    ("ons kenmerk", Field::Reference),
    ("onze ref.", Field::Reference),
    ("kenmerk", Field::Reference),
    ("referentie", Field::Reference),
    ("ons nummer", Field::Reference),
    ("onderwerp", Field::Subject),
    ("betreft", Field::Subject),
    ("uiterlijk bij", Field::Deadline),
    ("uiterste datum", Field::Deadline),
    ("deadline", Field::Deadline),
    ("beslispunten", Field::DecisionPoints),
    ("beslispunt", Field::DecisionPoints),
    ("besluitpunten", Field::DecisionPoints),
    ("geadviseerd besluit", Field::DecisionPoints),
    ("gevraagd besluit", Field::DecisionPoints),
    ("voorgesteld besluit", Field::DecisionPoints),
    ("te nemen besluit", Field::DecisionPoints),
    ("te nemen besluiten", Field::DecisionPoints),
    ("van", Field::Other),
    ("opgesteld door", Field::Other),
    ("behandeld door", Field::Other),
    ("directie", Field::Other),
    ("afdeling", Field::Other),
    ("contactpersoon", Field::Other),
    ("inlichtingen", Field::Other),
    ("telefoon", Field::Other),
    ("e-mail", Field::Other),
    ("kopie aan", Field::Other),
    ("afschrift aan", Field::Other),
    ("cc", Field::Other),
    ("via", Field::Other),
    ("bijlage(n)", Field::Other),
    ("bijlagen", Field::Other),
    ("bijlage", Field::Other),
    ("uw kenmerk", Field::Other),
    ("uw referentie", Field::Other),
    ("uw brief", Field::Other),
    ("verzonden", Field::Other),
    ("paraaf", Field::Other),
    ("parafen", Field::Other),
    ("rubricering", Field::Other),
    ("status", Field::Other),
];

/// Headings of a nota's body: each ends the decision points before it.
pub(super) const HEADINGS: &[&str] = &[
    "aanleiding",
    "achtergrond",
    "afstemming",
    "argumenten",
    "communicatie",
    "conclusie",
    "context",
    "financiële",
    "financiën",
    "inleiding",
    "juridische",
    "kern",
    "kernboodschap",
    "kernpunten",
    "krachtenveld",
    "overwegingen",
    "planning",
    "politieke context",
    "risico's",
    "samenvatting",
    "toelichting",
    "uitvoering",
    "vervolg",
    "vervolgproces",
];

/// Words a title line may end with when it goes on on the next line.
pub(super) const CONNECTORS: &[&str] = &[
    "aan", "bij", "de", "den", "der", "door", "een", "en", "het", "in", "met", "naar", "of", "om",
    "op", "over", "tegen", "ten", "ter", "tot", "van", "voor", "&",
];
