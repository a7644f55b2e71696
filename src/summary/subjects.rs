//! The annotation subtype behind a printed subject.
//!
//! Acrobat writes the name of the tool that made a comment into its subject
//! (`/Subj`), in the interface language: "Markering" is a highlight,
//! "Tekst plaatsen" the typewriter (a FreeText annotation). The tables below
//! map those names to subtypes. Verified names: Dutch "Markering" and
//! "Tekst plaatsen", the untranslated "Free Hand" and "FreeText" (real Dutch
//! summaries), English "Sticky Note" and "Highlight" (real annotation
//! dictionaries). The rest are Acrobat's tool names as its menus and manuals
//! give them, or assumed translations.
//!
//! A subject is looked up in the table of the locale whose labels matched,
//! then in the other locales (a comment keeps the subject of the interface
//! that made it, which need not be the one that printed the summary), then
//! among the PDF subtype names themselves ("FreeText", "Ink"). "(Unknown)",
//! what Acrobat prints for a comment without a subject, has no subtype.

use crate::annotation::Subtype;

use super::label::fold_value;
use super::locale::SummaryLocale;

use Subtype::{
    Caret, Circle, FileAttachment, FreeText, Highlight, Ink, Line, PolyLine, Polygon, Sound,
    Square, Squiggly, Stamp, StrikeOut, Text, Underline,
};

/// The PDF subtype names a subject may carry literally (other applications
/// than Acrobat, or Acrobat without a localised name).
const PDF_NAMES: &[Subtype] = &[
    Text,
    FreeText,
    Line,
    Square,
    Circle,
    Polygon,
    PolyLine,
    Highlight,
    Underline,
    Squiggly,
    StrikeOut,
    Caret,
    Stamp,
    Ink,
    FileAttachment,
    Sound,
    Subtype::Redact,
];

pub(crate) const DUTCH: &[(&str, Subtype)] = &[
    ("Notitie", Text),
    ("Opmerking", Text),
    ("Plaknotitie", Text),
    ("Tekst plaatsen", FreeText),
    ("Typemachine", FreeText),
    ("Tekstvak", FreeText),
    ("Bijschrift", FreeText),
    ("Markering", Highlight),
    ("Tekst markeren", Highlight),
    ("Markeren", Highlight),
    ("Onderstrepen", Underline),
    ("Tekst onderstrepen", Underline),
    ("Onderstreept", Underline),
    ("Doorhalen", StrikeOut),
    ("Tekst doorhalen", StrikeOut),
    ("Doorgehaald", StrikeOut),
    ("Golvende lijn", Squiggly),
    ("Kronkellijn", Squiggly),
    ("Free Hand", Ink),
    ("Uit de vrije hand", Ink),
    ("Potlood", Ink),
    ("Tekenen", Ink),
    ("Stempel", Stamp),
    ("Rechthoek", Square),
    ("Ovaal", Circle),
    ("Ellips", Circle),
    ("Lijn", Line),
    ("Pijl", Line),
    ("Veelhoek", Polygon),
    ("Wolk", Polygon),
    ("Veelhoeklijn", PolyLine),
    ("Verbonden lijnen", PolyLine),
    ("Tekst invoegen", Caret),
    ("Ingevoegde tekst", Caret),
    ("Tekst vervangen", Caret),
    ("Bestandsbijlage", FileAttachment),
    ("Bestand bijvoegen", FileAttachment),
    ("Geluid", Sound),
];

pub(crate) const ENGLISH: &[(&str, Subtype)] = &[
    ("Sticky Note", Text),
    ("Note", Text),
    ("Comment", Text),
    ("Typewritten Text", FreeText),
    ("Typewriter", FreeText),
    ("Add Text", FreeText),
    ("Text Box", FreeText),
    ("Textbox", FreeText),
    ("Callout", FreeText),
    ("Text Callout", FreeText),
    ("Highlight", Highlight),
    ("Highlight Text", Highlight),
    ("Underline", Underline),
    ("Underline Text", Underline),
    ("Strikethrough", StrikeOut),
    ("Strike Through", StrikeOut),
    ("Cross-Out", StrikeOut),
    ("Cross Out", StrikeOut),
    ("Cross-Out Text", StrikeOut),
    ("Squiggly", Squiggly),
    ("Squiggly Underline", Squiggly),
    ("Pencil", Ink),
    ("Free Hand", Ink),
    ("Freehand", Ink),
    ("Drawing", Ink),
    ("Stamp", Stamp),
    ("Rectangle", Square),
    ("Oval", Circle),
    ("Ellipse", Circle),
    ("Line", Line),
    ("Arrow", Line),
    ("Polygon", Polygon),
    ("Cloud", Polygon),
    ("Polygon Line", PolyLine),
    ("Connected Lines", PolyLine),
    ("Inserted Text", Caret),
    ("Insert Text", Caret),
    ("Replace Text", Caret),
    ("Replacement Text", Caret),
    ("File Attachment", FileAttachment),
    ("Attach File", FileAttachment),
    ("Attachment", FileAttachment),
    ("Sound", Sound),
    ("Record Audio", Sound),
];

pub(crate) const GERMAN: &[(&str, Subtype)] = &[
    ("Notiz", Text),
    ("Haftnotiz", Text),
    ("Kommentar", Text),
    ("Schreibmaschinentext", FreeText),
    ("Schreibmaschine", FreeText),
    ("Text hinzufügen", FreeText),
    ("Textfeld", FreeText),
    ("Legende", FreeText),
    ("Hervorheben", Highlight),
    ("Hervorhebung", Highlight),
    ("Text hervorheben", Highlight),
    ("Unterstreichen", Underline),
    ("Unterstrichen", Underline),
    ("Text unterstreichen", Underline),
    ("Durchstreichen", StrikeOut),
    ("Durchgestrichen", StrikeOut),
    ("Text durchstreichen", StrikeOut),
    ("Wellenlinie", Squiggly),
    ("Bleistift", Ink),
    ("Freihand", Ink),
    ("Zeichnen", Ink),
    ("Stempel", Stamp),
    ("Rechteck", Square),
    ("Ellipse", Circle),
    ("Oval", Circle),
    ("Linie", Line),
    ("Pfeil", Line),
    ("Polygon", Polygon),
    ("Wolke", Polygon),
    ("Polygonlinie", PolyLine),
    ("Verbundene Linien", PolyLine),
    ("Eingefügter Text", Caret),
    ("Text einfügen", Caret),
    ("Text ersetzen", Caret),
    ("Dateianlage", FileAttachment),
    ("Datei anhängen", FileAttachment),
    ("Ton", Sound),
];

pub(crate) const FRENCH: &[(&str, Subtype)] = &[
    ("Note", Text),
    ("Note autocollante", Text),
    ("Commentaire", Text),
    ("Texte dactylographié", FreeText),
    ("Machine à écrire", FreeText),
    ("Ajouter du texte", FreeText),
    ("Zone de texte", FreeText),
    ("Légende", FreeText),
    ("Surligner", Highlight),
    ("Surlignage", Highlight),
    ("Texte surligné", Highlight),
    ("Souligner", Underline),
    ("Soulignement", Underline),
    ("Texte souligné", Underline),
    ("Barrer", StrikeOut),
    ("Barré", StrikeOut),
    ("Texte barré", StrikeOut),
    ("Soulignement ondulé", Squiggly),
    ("Ondulé", Squiggly),
    ("Crayon", Ink),
    ("Dessin à main levée", Ink),
    ("Main levée", Ink),
    ("Tampon", Stamp),
    ("Rectangle", Square),
    ("Ovale", Circle),
    ("Ellipse", Circle),
    ("Ligne", Line),
    ("Flèche", Line),
    ("Polygone", Polygon),
    ("Nuage", Polygon),
    ("Ligne polygonale", PolyLine),
    ("Lignes connectées", PolyLine),
    ("Texte inséré", Caret),
    ("Insérer du texte", Caret),
    ("Remplacer le texte", Caret),
    ("Pièce jointe", FileAttachment),
    ("Fichier joint", FileAttachment),
    ("Son", Sound),
];

pub(crate) const SPANISH: &[(&str, Subtype)] = &[
    ("Nota", Text),
    ("Nota adhesiva", Text),
    ("Comentario", Text),
    ("Texto mecanografiado", FreeText),
    ("Máquina de escribir", FreeText),
    ("Añadir texto", FreeText),
    ("Cuadro de texto", FreeText),
    ("Llamada", FreeText),
    ("Resaltar", Highlight),
    ("Resaltado", Highlight),
    ("Resaltar texto", Highlight),
    ("Subrayar", Underline),
    ("Subrayado", Underline),
    ("Tachar", StrikeOut),
    ("Tachado", StrikeOut),
    ("Subrayado ondulado", Squiggly),
    ("Lápiz", Ink),
    ("Mano alzada", Ink),
    ("Sello", Stamp),
    ("Rectángulo", Square),
    ("Óvalo", Circle),
    ("Elipse", Circle),
    ("Línea", Line),
    ("Flecha", Line),
    ("Polígono", Polygon),
    ("Nube", Polygon),
    ("Línea poligonal", PolyLine),
    ("Texto insertado", Caret),
    ("Insertar texto", Caret),
    ("Reemplazar texto", Caret),
    ("Archivo adjunto", FileAttachment),
    ("Adjuntar archivo", FileAttachment),
    ("Sonido", Sound),
];

pub(crate) const ITALIAN: &[(&str, Subtype)] = &[
    ("Nota", Text),
    ("Nota adesiva", Text),
    ("Commento", Text),
    ("Testo dattiloscritto", FreeText),
    ("Macchina da scrivere", FreeText),
    ("Aggiungi testo", FreeText),
    ("Casella di testo", FreeText),
    ("Callout", FreeText),
    ("Evidenzia", Highlight),
    ("Evidenziazione", Highlight),
    ("Evidenzia testo", Highlight),
    ("Sottolinea", Underline),
    ("Sottolineato", Underline),
    ("Barrato", StrikeOut),
    ("Barra", StrikeOut),
    ("Testo barrato", StrikeOut),
    ("Sottolineatura ondulata", Squiggly),
    ("Matita", Ink),
    ("Mano libera", Ink),
    ("Timbro", Stamp),
    ("Rettangolo", Square),
    ("Ovale", Circle),
    ("Ellisse", Circle),
    ("Linea", Line),
    ("Freccia", Line),
    ("Poligono", Polygon),
    ("Nuvola", Polygon),
    ("Linea poligonale", PolyLine),
    ("Testo inserito", Caret),
    ("Inserisci testo", Caret),
    ("Sostituisci testo", Caret),
    ("Allegato", FileAttachment),
    ("Allega file", FileAttachment),
    ("Audio", Sound),
];

/// The subject names of a set of locales, folded once for lookups.
#[derive(Debug)]
pub(crate) struct SubjectTable {
    /// Per locale (same order as the locales), folded name → subtype.
    per_locale: Vec<Vec<(String, Subtype)>>,
    pdf_names: Vec<(String, Subtype)>,
}

impl SubjectTable {
    pub(crate) fn new(locales: &[SummaryLocale]) -> Self {
        let per_locale = locales
            .iter()
            .map(|locale| {
                locale
                    .subjects
                    .iter()
                    .map(|(name, subtype)| (fold_value(name), subtype.clone()))
                    .collect()
            })
            .collect();
        let pdf_names = PDF_NAMES
            .iter()
            .map(|subtype| (fold_value(subtype.name()), subtype.clone()))
            .collect();
        Self {
            per_locale,
            pdf_names,
        }
    }

    /// The subtype behind `subject`, read from the table of locale number
    /// `preferred` first.
    pub(crate) fn subtype(&self, subject: &str, preferred: usize) -> Option<Subtype> {
        let key = fold_value(subject);
        if key.is_empty() {
            return None;
        }
        let find = |table: &[(String, Subtype)]| {
            table
                .iter()
                .find(|(name, _)| *name == key)
                .map(|(_, subtype)| subtype.clone())
        };
        self.per_locale
            .get(preferred)
            .and_then(|table| find(table))
            .or_else(|| self.per_locale.iter().find_map(|table| find(table)))
            .or_else(|| find(&self.pdf_names))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table() -> SubjectTable {
        SubjectTable::new(&SummaryLocale::builtin())
    }

    #[test]
    fn dutch_names_from_the_seeds() {
        let table = table();
        assert_eq!(table.subtype("Markering", 0), Some(Highlight));
        assert_eq!(table.subtype("Tekst plaatsen", 0), Some(FreeText));
        assert_eq!(table.subtype("FreeText", 0), Some(FreeText));
        assert_eq!(table.subtype("Free Hand", 0), Some(Ink));
        assert_eq!(table.subtype("Notitie", 0), Some(Text));
    }

    #[test]
    fn unknown_subject_has_no_subtype() {
        let table = table();
        assert_eq!(table.subtype("(Unknown)", 0), None);
        assert_eq!(table.subtype("", 0), None);
        assert_eq!(table.subtype("Goedgekeurd door MWP", 0), None);
    }

    #[test]
    fn case_accents_and_spacing_do_not_matter() {
        let table = table();
        assert_eq!(table.subtype("sticky  note", 1), Some(Text));
        assert_eq!(table.subtype("TEKST PLAATSEN", 0), Some(FreeText));
        assert_eq!(table.subtype("Texte barre", 3), Some(StrikeOut));
    }

    #[test]
    fn other_locales_are_consulted() {
        let table = table();
        // An English subject in a Dutch summary.
        assert_eq!(table.subtype("Sticky Note", 0), Some(Text));
        assert_eq!(table.subtype("Hervorheben", 0), Some(Highlight));
    }

    #[test]
    fn builtin_tables_agree_with_each_other() {
        // A name shared by two locales must mean the same subtype in both,
        // or the lookup order would change the answer.
        let tables = [DUTCH, ENGLISH, GERMAN, FRENCH, SPANISH, ITALIAN];
        for (i, a) in tables.iter().enumerate() {
            for b in tables.iter().skip(i) {
                for (name_a, subtype_a) in a.iter() {
                    for (name_b, subtype_b) in b.iter() {
                        if fold_value(name_a) == fold_value(name_b) {
                            assert_eq!(subtype_a, subtype_b, "{name_a}");
                        }
                    }
                }
            }
        }
    }
}
