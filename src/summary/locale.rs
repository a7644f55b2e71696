//! The words of a printed comment summary, per interface language.

use crate::annotation::Subtype;

use super::subjects;

/// How to read a numeric date written with slashes whose numbers do not
/// settle it (`6/8/2026`): English Acrobat on a US system prints the month
/// first, most other systems the day. Dates with `-` or `.` are always read
/// day first, and a number above 12 always settles the order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[non_exhaustive]
pub enum DateOrder {
    /// `8/6/2026` is 8 June.
    #[default]
    DayFirst,
    /// `6/8/2026` is 8 June.
    MonthFirst,
}

/// The words of Acrobat's printed comment summary ("Summarize Comments") in
/// one interface language: a table the parser reads, which callers can
/// extend or add to.
///
/// ```
/// use kantlijn::{DateOrder, SummaryLocale, Subtype};
///
/// let mut locales = SummaryLocale::builtin();
/// let mut pt = SummaryLocale::new("pt");
/// pt.headers.push("Resumo dos comentários sobre".into());
/// pt.page.push("Página".into());
/// pt.number.push("Número".into());
/// pt.author.push("Autor".into());
/// pt.subject.push("Assunto".into());
/// pt.date.push("Data".into());
/// pt.date_order = DateOrder::DayFirst;
/// pt.subjects.push(("Realçar".into(), Subtype::Highlight));
/// locales.push(pt);
/// ```
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct SummaryLocale {
    /// A short code ("nl", "en"), copied into each entry read with it.
    pub code: String,
    /// Phrases that open the header line, before the file name ("Overzicht
    /// van opmerkingen bij").
    pub headers: Vec<String>,
    /// Labels of the page line ("Pagina" in "Pagina: 4").
    pub page: Vec<String>,
    /// Labels of the entry's number ("Nummer").
    pub number: Vec<String>,
    /// Labels of the entry's author ("Auteur").
    pub author: Vec<String>,
    /// Labels of the entry's subject ("Onderwerp").
    pub subject: Vec<String>,
    /// Labels of the entry's date ("Datum").
    pub date: Vec<String>,
    /// What the date reads for an undated comment ("Onbepaald").
    pub undated: Vec<String>,
    /// Lines Acrobat prints for a page without comments.
    pub no_comments: Vec<String>,
    /// How to read `/` dates whose numbers do not settle the order.
    pub date_order: DateOrder,
    /// Subject names (Acrobat's localised tool names, "Markering") and the
    /// annotation subtype each stands for. Matched without regard to case,
    /// accents or runs of white space.
    pub subjects: Vec<(String, Subtype)>,
}

impl SummaryLocale {
    /// A locale with the given code and empty tables.
    pub fn new(code: impl Into<String>) -> Self {
        Self {
            code: code.into(),
            headers: Vec::new(),
            page: Vec::new(),
            number: Vec::new(),
            author: Vec::new(),
            subject: Vec::new(),
            date: Vec::new(),
            undated: Vec::new(),
            no_comments: Vec::new(),
            date_order: DateOrder::DayFirst,
            subjects: Vec::new(),
        }
    }

    /// The built-in locales: Dutch, English, German, French, Spanish and
    /// Italian, in that order (the order in which an entry's labels are
    /// tried).
    ///
    /// Where the words come from:
    ///
    /// | locale | source |
    /// |---|---|
    /// | `nl` | The header phrase, the page, number, author, subject and date labels, "Onbepaald", and the subjects "Markering", "Tekst plaatsen", "FreeText", "Free Hand" and "(Unknown)": real released files (Woo documents, 2026). The other subject names and the no-comments line are assumed. |
    /// | `en` | The labels ("Summary of Comments on", "Page:", "Number: … Author: … Subject: … Date: …") as Acrobat's English summary is commonly reproduced, not checked against a file here; the subjects "Sticky Note" and "Highlight" seen in real annotation dictionaries, "Typewritten Text" in real files of uncertain origin. The undated words, the no-comments line and the other subjects are assumed. |
    /// | `de`, `fr`, `es`, `it` | Assumed throughout: plausible labels with alternates (German "Verfasser" or "Autor", "Betreff" or "Thema"; French "Objet" or "Sujet"), not checked against real files. |
    ///
    /// Every label may have alternates, and every one is matched without
    /// regard to case or accents, with OCR look-alikes (`0`/`O`,
    /// `1`/`l`/`I`) and white space before the colon allowed, so the
    /// assumed labels need only be right in their letters.
    pub fn builtin() -> Vec<Self> {
        [NL, EN, DE, FR, ES, IT].iter().map(Self::table).collect()
    }

    fn table(words: &Words) -> Self {
        let owned = |list: &[&str]| list.iter().map(|s| (*s).to_owned()).collect();
        Self {
            code: words.code.to_owned(),
            headers: owned(words.headers),
            page: owned(words.page),
            number: owned(words.number),
            author: owned(words.author),
            subject: owned(words.subject),
            date: owned(words.date),
            undated: owned(words.undated),
            no_comments: owned(words.no_comments),
            date_order: words.date_order,
            subjects: words
                .subjects
                .iter()
                .map(|(name, subtype)| ((*name).to_owned(), subtype.clone()))
                .collect(),
        }
    }
}

/// What marks a line of page text as part of a printed summary, from the
/// locales' own words: for readers of page text other than the summary
/// parser (the stamp lines), which need not read the summary but must not
/// take it for something else.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct SummaryMarks {
    /// The entry labels (number, author, subject), in lower case.
    labels: Vec<String>,
    /// The header phrases, in lower case.
    titles: Vec<String>,
}

impl SummaryMarks {
    pub(crate) fn of(locales: &[SummaryLocale]) -> Self {
        let lower = |words: &[String]| -> Vec<String> {
            words.iter().map(|word| word.to_lowercase()).collect()
        };
        let mut labels: Vec<String> = locales
            .iter()
            .flat_map(|locale| [&locale.number, &locale.author, &locale.subject])
            .flat_map(|words| lower(words))
            .filter(|label| !label.is_empty())
            .collect();
        labels.sort_unstable();
        labels.dedup();
        let mut titles: Vec<String> = locales
            .iter()
            .flat_map(|locale| lower(&locale.headers))
            .filter(|title| !title.is_empty())
            .collect();
        titles.sort_unstable();
        titles.dedup();
        Self { labels, titles }
    }

    /// A line holding two or more different entry labels, each followed by
    /// its own colon ("Nummer: 1 Auteur: …", "Auteur : … Onderwerp: …"): an
    /// entry's header line.
    pub(crate) fn is_entry_header(&self, line: &str) -> bool {
        if memchr::memchr_iter(b':', line.as_bytes()).nth(1).is_none() {
            // Two labels with a colon each need two colons.
            return false;
        }
        let lower = line.to_lowercase();
        let mut found: Option<&str> = None;
        for (colon, _) in lower.match_indices(':') {
            let before = lower.get(..colon).unwrap_or_default().trim_end();
            // The label of this colon: the longest that ends before it
            // ("soggetto", not the "oggetto" inside it).
            let label = self
                .labels
                .iter()
                .filter(|label| before.ends_with(label.as_str()))
                .max_by_key(|label| label.len());
            match (found, label) {
                (Some(first), Some(label)) if first != label.as_str() => return true,
                (None, Some(label)) => found = Some(label),
                _ => {}
            }
        }
        false
    }

    /// A line that opens with a summary's header phrase ("Overzicht van
    /// opmerkingen bij …").
    pub(crate) fn is_title(&self, line: &str) -> bool {
        if !may_open_with(line, &self.titles) {
            return false;
        }
        // A title that starts otherwise than an ASCII first byte lowered is
        // passed over at once; the others are compared byte by byte while
        // the line's bytes are ASCII, and only a line that is not ASCII
        // where a title is compared with it is lowered whole.
        let first = line
            .bytes()
            .next()
            .filter(u8::is_ascii)
            .map(|b| b.to_ascii_lowercase());
        let mut lower = None;
        self.titles
            .iter()
            .filter(|title| first.is_none_or(|b| title.as_bytes().first() == Some(&b)))
            .any(|title| {
                ascii_start(line.as_bytes(), title.as_bytes()).unwrap_or_else(|| {
                    lower
                        .get_or_insert_with(|| line.to_lowercase())
                        .starts_with(title.as_str())
                })
            })
    }
}

/// Whether `line` in lower case starts with `prefix`, told from the line's
/// first bytes while they are ASCII (each is then its lower-case self's
/// byte at the same place); `None` when a byte that is not ASCII comes
/// before the answer does.
fn ascii_start(line: &[u8], prefix: &[u8]) -> Option<bool> {
    for (at, &expected) in prefix.iter().enumerate() {
        match line.get(at) {
            None => return Some(false),
            Some(byte) if !byte.is_ascii() => return None,
            Some(byte) if byte.to_ascii_lowercase() != expected => return Some(false),
            Some(_) => {}
        }
    }
    Some(true)
}

/// Whether `line` in lower case may start with one of `prefixes` (in
/// lower case): checked on the first byte, without a lower-case copy of the
/// line. A line that opens with an ASCII character opens in lower case
/// with that character lowered, so a prefix that starts otherwise cannot
/// be its start.
pub(crate) fn may_open_with(line: &str, prefixes: &[String]) -> bool {
    let Some(first) = line.bytes().next().filter(u8::is_ascii) else {
        return true;
    };
    let first = first.to_ascii_lowercase();
    prefixes
        .iter()
        .any(|prefix| prefix.bytes().next().is_none_or(|b| b == first))
}

/// The fixed words of one built-in locale.
struct Words {
    code: &'static str,
    headers: &'static [&'static str],
    page: &'static [&'static str],
    number: &'static [&'static str],
    author: &'static [&'static str],
    subject: &'static [&'static str],
    date: &'static [&'static str],
    undated: &'static [&'static str],
    no_comments: &'static [&'static str],
    date_order: DateOrder,
    subjects: &'static [(&'static str, Subtype)],
}

const NL: Words = Words {
    code: "nl",
    headers: &["Overzicht van opmerkingen bij"],
    page: &["Pagina"],
    number: &["Nummer"],
    author: &["Auteur"],
    subject: &["Onderwerp"],
    date: &["Datum"],
    undated: &["Onbepaald"],
    no_comments: &["Deze pagina bevat geen opmerkingen"],
    date_order: DateOrder::DayFirst,
    subjects: subjects::DUTCH,
};

const EN: Words = Words {
    code: "en",
    headers: &["Summary of Comments on", "Summary of Comments for"],
    page: &["Page"],
    number: &["Number"],
    author: &["Author"],
    subject: &["Subject"],
    date: &["Date"],
    undated: &["Undefined", "Unspecified", "Unknown", "Not specified"],
    no_comments: &["This page contains no comments"],
    date_order: DateOrder::MonthFirst,
    subjects: subjects::ENGLISH,
};

const DE: Words = Words {
    code: "de",
    headers: &[
        "Zusammenfassung der Kommentare zu",
        "Zusammenfassung der Kommentare für",
        "Zusammenfassung der Kommentare in",
        "Kommentarzusammenfassung für",
        "Kommentarzusammenfassung zu",
    ],
    page: &["Seite"],
    number: &["Nummer", "Nr."],
    author: &["Verfasser", "Autor"],
    subject: &["Betreff", "Thema"],
    date: &["Datum"],
    undated: &["Unbestimmt", "Nicht festgelegt", "Unbekannt"],
    no_comments: &["Diese Seite enthält keine Kommentare"],
    date_order: DateOrder::DayFirst,
    subjects: subjects::GERMAN,
};

const FR: Words = Words {
    code: "fr",
    headers: &[
        "Résumé des commentaires sur",
        "Résumé des commentaires de",
        "Résumé des commentaires pour",
    ],
    page: &["Page"],
    number: &["Numéro", "Nº", "N°"],
    author: &["Auteur"],
    subject: &["Objet", "Sujet"],
    date: &["Date"],
    undated: &["Indéterminé", "Non défini", "Non spécifié", "Inconnu"],
    no_comments: &["Cette page ne contient aucun commentaire"],
    date_order: DateOrder::DayFirst,
    subjects: subjects::FRENCH,
};

const ES: Words = Words {
    code: "es",
    headers: &[
        "Resumen de comentarios sobre",
        "Resumen de comentarios de",
        "Resumen de los comentarios de",
    ],
    page: &["Página"],
    number: &["Número"],
    author: &["Autor"],
    subject: &["Asunto", "Tema"],
    date: &["Fecha"],
    undated: &["Indeterminado", "Sin definir", "No especificado"],
    no_comments: &["Esta página no contiene comentarios"],
    date_order: DateOrder::DayFirst,
    subjects: subjects::SPANISH,
};

const IT: Words = Words {
    code: "it",
    headers: &[
        "Riepilogo dei commenti su",
        "Riepilogo commenti su",
        "Riepilogo dei commenti di",
    ],
    page: &["Pagina"],
    number: &["Numero"],
    author: &["Autore"],
    subject: &["Oggetto", "Soggetto"],
    date: &["Data"],
    undated: &["Indeterminato", "Non definito", "Non specificato"],
    no_comments: &["Questa pagina non contiene commenti"],
    date_order: DateOrder::DayFirst,
    subjects: subjects::ITALIAN,
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn summary_marks_from_the_locales() {
        let marks = SummaryMarks::of(&SummaryLocale::builtin());
        for line in [
            "Nummer: 1 Auteur: Aartsen, A.A. Onderwerp: Tekst plaatsen Datum: 30-3-2026",
            "Onderwerp: Markering\tDatum: 27-5-2026 11:41:48\tAuteur: X",
            "Numéro : 1 Auteur : X Objet : Surligner",
            "Number: 2 Author: Smith Subject: Highlight",
        ] {
            assert!(marks.is_entry_header(line), "{line:?}");
        }
        for line in [
            "Onderwerp: Markering\tDatum: 27-5-2026 11:41:48",
            "Het onderwerp en de auteur van de nota",
            "Soggetto: Evidenziare",
            "MWP akkoord 8/6",
        ] {
            assert!(!marks.is_entry_header(line), "{line:?}");
        }
        assert!(marks.is_title("Overzicht van opmerkingen bij Beslisnota - Kidfluencing"));
        assert!(marks.is_title("Summary of Comments on nota.pdf"));
        assert!(!marks.is_title("Een overzicht van opmerkingen"));
        // A locale added by the caller marks its lines too.
        let mut pt = SummaryLocale::new("pt");
        pt.headers.push("Resumo dos comentários sobre".into());
        pt.number.push("Número".into());
        pt.author.push("Autor".into());
        let marks = SummaryMarks::of(&[pt]);
        assert!(marks.is_title("Resumo dos comentários sobre x.pdf"));
        assert!(marks.is_entry_header("Número: 1 Autor: Silva"));
    }

    #[test]
    fn titles_are_found_as_lowering_the_line_finds_them() {
        let mut pt = SummaryLocale::new("pt");
        pt.headers.push("Resumo dos comentários sobre".into());
        let mut locales = SummaryLocale::builtin();
        locales.push(pt);
        let marks = SummaryMarks::of(&locales);
        for line in [
            "Overzicht van opmerkingen bij nota.pdf",
            "OVERZICHT VAN OPMERKINGEN BIJ NOTA.PDF",
            "Overzicht van opmerkingen",
            "Overzicht van",
            "Overzicht van opmerkingén",
            "Overzicht van opmerkingen bij één nota",
            "Overzİcht van opmerkingen bij nota",
            "RESUMO DOS COMENTÁRIOS SOBRE x.pdf",
            "Resumo dos comentarios sobre x.pdf",
            "Summary of comments",
            "Summary",
            "Ｓummary of comments",
            "",
        ] {
            let lower = line.to_lowercase();
            let expected = marks
                .titles
                .iter()
                .any(|title| lower.starts_with(title.as_str()));
            assert_eq!(marks.is_title(line), expected, "{line:?}");
        }
    }

    #[test]
    fn builtin_codes_are_unique_and_tables_filled() {
        let locales = SummaryLocale::builtin();
        let mut codes: Vec<&str> = locales.iter().map(|l| l.code.as_str()).collect();
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(codes.len(), locales.len());
        for locale in &locales {
            for list in [
                &locale.headers,
                &locale.page,
                &locale.number,
                &locale.author,
                &locale.subject,
                &locale.date,
                &locale.undated,
            ] {
                assert!(!list.is_empty(), "{}", locale.code);
            }
            assert!(locale.subjects.len() >= 20, "{}", locale.code);
        }
    }
}
