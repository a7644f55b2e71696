//! The summary parser on short hand-written inputs, most of them excerpts of
//! the layouts found in released Woo documents.

use chrono::{NaiveDate, NaiveDateTime};

use super::*;
use crate::text::text_pages;

fn parse(text: &str) -> Vec<Comment> {
    parse_summaries(text_pages(text), &SummaryLocale::builtin())
}

fn one(text: &str) -> Comment {
    let comments = parse(text);
    assert_eq!(comments.len(), 1, "{comments:#?}");
    comments.into_iter().next().unwrap()
}

fn at(y: i32, mo: u32, d: u32, h: u32, mi: u32, s: u32) -> Option<NaiveDateTime> {
    NaiveDate::from_ymd_opt(y, mo, d)
        .unwrap()
        .and_hms_opt(h, mi, s)
}

fn subtype(comment: &Comment) -> Option<&str> {
    comment.subtype.as_ref().map(Subtype::name)
}

// Locales.

#[test]
fn dutch_entry() {
    let c = one(
        "Overzicht van opmerkingen bij Beslisnota - Tekenversie brief\n\nPagina: 1\n\n \
         Nummer: 1 Auteur: Aartsen, A.A. Onderwerp: Tekst plaatsen Datum: 8-6-2026 09:11:02\n\
         MWP akkoord 8/6 \n",
    );
    assert_eq!(
        c.summary_of.as_deref(),
        Some("Beslisnota - Tekenversie brief")
    );
    assert_eq!(c.target_page, Some(1));
    assert_eq!(c.number, Some(1));
    assert_eq!(c.author.as_deref(), Some("Aartsen, A.A."));
    assert_eq!(c.subject.as_deref(), Some("Tekst plaatsen"));
    assert_eq!(subtype(&c), Some("FreeText"));
    assert_eq!(c.date, at(2026, 6, 8, 9, 11, 2));
    assert_eq!(c.date_text.as_deref(), Some("8-6-2026 09:11:02"));
    assert_eq!(c.contents.as_deref(), Some("MWP akkoord 8/6"));
    assert_eq!(c.page, None);
    assert!(!c.fragment);
    assert_eq!(c.locale, "nl");
    assert_eq!(c.annotation, None);
}

#[test]
fn english_entry() {
    let c = one("Summary of Comments on memo.pdf\nPage: 3\n\
         Number: 2 Author: jdoe Subject: Sticky Note Date: 6/8/2026 9:11:02 PM\n\
         Please rephrase.\n");
    assert_eq!(c.summary_of.as_deref(), Some("memo.pdf"));
    assert_eq!(c.target_page, Some(3));
    assert_eq!(c.number, Some(2));
    assert_eq!(c.author.as_deref(), Some("jdoe"));
    assert_eq!(subtype(&c), Some("Text"));
    assert_eq!(c.date, at(2026, 6, 8, 21, 11, 2));
    assert_eq!(c.contents.as_deref(), Some("Please rephrase."));
    assert_eq!(c.locale, "en");
}

#[test]
fn english_day_first_date_without_am_pm() {
    let c = one("Number: 1 Author: A Subject: Highlight Date: 27/05/2026 14:03:09\n");
    assert_eq!(c.date, at(2026, 5, 27, 14, 3, 9));
    let c = one("Number: 1 Author: A Subject: Highlight Date: 05/06/2026 14:03:09\n");
    assert_eq!(c.date, at(2026, 5, 6, 14, 3, 9), "month first when open");
}

#[test]
fn german_entry() {
    let c = one(
        "Zusammenfassung der Kommentare zu Vorlage.pdf\n\nSeite: 2\n\n\
         Nummer: 1 Verfasser: Müller Betreff: Hervorheben Datum: 08.06.2026 09:11:02\n",
    );
    assert_eq!(c.summary_of.as_deref(), Some("Vorlage.pdf"));
    assert_eq!(c.target_page, Some(2));
    assert_eq!(c.author.as_deref(), Some("Müller"));
    assert_eq!(subtype(&c), Some("Highlight"));
    assert_eq!(c.date, at(2026, 6, 8, 9, 11, 2));
    assert_eq!(c.locale, "de");
}

#[test]
fn german_alternate_labels() {
    let c = one("Nummer: 4 Autor: Weber Thema: Notiz Datum: 1.12.2025 17:00:00\nBitte prüfen\n");
    assert_eq!(c.number, Some(4));
    assert_eq!(c.author.as_deref(), Some("Weber"));
    assert_eq!(subtype(&c), Some("Text"));
    assert_eq!(c.date, at(2025, 12, 1, 17, 0, 0));
    assert_eq!(c.locale, "de");
}

#[test]
fn french_entry_with_space_before_colons() {
    let c = one("Résumé des commentaires sur note.pdf\n\nPage : 5\n\n\
         Numéro : 1 Auteur : Dupont Objet : Texte barré Date : 08/06/2026 09:11:02\n");
    assert_eq!(c.summary_of.as_deref(), Some("note.pdf"));
    assert_eq!(c.target_page, Some(5));
    assert_eq!(c.number, Some(1));
    assert_eq!(c.author.as_deref(), Some("Dupont"));
    assert_eq!(c.subject.as_deref(), Some("Texte barré"));
    assert_eq!(subtype(&c), Some("StrikeOut"));
    assert_eq!(c.date, at(2026, 6, 8, 9, 11, 2));
    assert_eq!(c.locale, "fr");
}

#[test]
fn french_no_break_spaces() {
    let c =
        one("Numéro\u{202f}: 2 Auteur\u{a0}: X Objet\u{a0}: Note Date\u{a0}: 9/6/2026 10:00:00\n");
    assert_eq!(c.number, Some(2));
    assert_eq!(subtype(&c), Some("Text"));
    assert_eq!(c.date, at(2026, 6, 9, 10, 0, 0));
}

#[test]
fn spanish_and_italian_entries() {
    let c = one("Página: 1\nNúmero: 1 Autor: Ruiz Asunto: Resaltar Fecha: 08/06/2026 9:11:02\n");
    assert_eq!((c.locale.as_str(), c.target_page), ("es", Some(1)));
    assert_eq!(subtype(&c), Some("Highlight"));
    assert_eq!(c.date, at(2026, 6, 8, 9, 11, 2));
    let c = one("Numero: 3 Autore: Rossi Oggetto: Nota Data: 08/06/2026 09:11:02\nVa bene\n");
    assert_eq!((c.locale.as_str(), c.number), ("it", Some(3)));
    assert_eq!(c.contents.as_deref(), Some("Va bene"));
}

/// A locale the built-in ones do not have: Acrobat's Portuguese labels.
fn portuguese() -> SummaryLocale {
    let mut pt = SummaryLocale::new("pt");
    pt.headers.push("Resumo dos comentários sobre".into());
    pt.page.push("Página".into());
    pt.number.push("Número".into());
    pt.author.push("Autor".into());
    pt.subject.push("Assunto".into());
    pt.date.push("Data".into());
    pt.undated.push("Indefinido".into());
    pt
}

#[test]
fn user_locale() {
    let mut locales = SummaryLocale::builtin();
    let mut pt = portuguese();
    pt.subjects.push(("Realçar".into(), Subtype::Highlight));
    locales.push(pt);
    let text = "Resumo dos comentários sobre a.pdf\nPágina: 2\n\
                Número: 1 Autor: Silva Assunto: Realçar Data: Indefinido\n\
                Assunto: Realçar Data: Indefinido\n";
    let comments = parse_summaries(text_pages(text), &locales);
    assert_eq!(comments.len(), 2);
    let c = &comments[0];
    assert_eq!(c.summary_of.as_deref(), Some("a.pdf"));
    assert_eq!(c.locale, "pt");
    assert_eq!(subtype(c), Some("Highlight"));
    assert!(comments[1].fragment);
    // Without the table the lines are document text.
    assert!(parse_summaries(text_pages(text), &SummaryLocale::builtin()).is_empty());
}

#[test]
fn parsers_are_kept_by_their_locales() {
    let text = "Página: 2\nNúmero: 1 Autor: Silva Assunto: Notitie Data: Indefinido\nTekst\n";
    let pt = portuguese();
    // The same code with another word for the page: another parser.
    let mut renamed = pt.clone();
    renamed.page = vec!["Folha".into()];
    renamed.number = vec!["Nº".into()];
    let with_pt = [SummaryLocale::builtin(), vec![pt.clone()]].concat();
    let sets: [(&[SummaryLocale], usize); 5] = [
        (&with_pt, 1),
        (std::slice::from_ref(&pt), 1),
        (&[renamed], 0),
        (&[], 0),
        (&SummaryLocale::builtin(), 0),
    ];
    // More sets than are kept, read in turn: each is read by its own
    // parser, built anew once it was let go.
    for _ in 0..3 {
        for (locales, entries) in &sets {
            let comments = parse_summaries(text_pages(text), locales);
            assert_eq!(comments.len(), *entries, "{locales:?}");
        }
    }
}

#[test]
fn unknown_header_still_gives_entries() {
    let comments = parse(
        "Kommentaaride kokkuvõte: a.pdf\n\nPagina: 2\n\n\
         Nummer: 1 Auteur: X Onderwerp: Notitie Datum: 8-6-2026 09:11:02\nTekst\n",
    );
    assert_eq!(comments.len(), 1);
    assert_eq!(comments[0].summary_of, None);
    assert_eq!(comments[0].target_page, Some(2));
}

// Layout variants.

#[test]
fn tab_separated_fields() {
    let text = "Pagina: 8\n\n\
        \tNummer: 1\tAuteur: Aartsen, A.A.\tOnderwerp: FreeText\tDatum: Onbepaald\n\
        \tMWP besproken 20-4-2026 \t\t\t\n\
        \tNummer: 2\tAuteur: \tOnderwerp: Markering\tDatum: 27-5-2026 12:08:35\n\
        \t\t\t\t\n\
        \tNummer: 3\tAuteur: Aartsen, A.A.\tOnderwerp: (Unknown)\tDatum: Onbepaald\n\
        \tMisschien wel goed.\t\t\t\n\n \n\
        <ul style=\"list-style-type: none\"> ketens \tArbeidsrelaties\n";
    let comments = parse(text);
    assert_eq!(comments.len(), 3);
    let [a, b, c] = &comments[..] else {
        unreachable!()
    };
    assert_eq!((a.target_page, a.number), (Some(8), Some(1)));
    assert_eq!(a.author.as_deref(), Some("Aartsen, A.A."));
    assert_eq!(a.subject.as_deref(), Some("FreeText"));
    assert_eq!(a.date_text.as_deref(), Some("Onbepaald"));
    assert_eq!(a.contents.as_deref(), Some("MWP besproken 20-4-2026"));
    assert_eq!((b.number, b.author.as_deref()), (Some(2), None));
    assert_eq!(b.date, at(2026, 5, 27, 12, 8, 35));
    assert_eq!(b.contents, None);
    assert_eq!(c.contents.as_deref(), Some("Misschien wel goed."));
    assert_eq!(c.target_page, Some(8));
}

#[test]
fn icon_glyphs_before_entries() {
    for icon in ["☰", "■", "•", "", "\u{f0b7}", "*", "- ", "🗨", "\u{e000}\t"] {
        let c = one(&format!(
            "{icon} Nummer: 2 Auteur: X Onderwerp: Notitie Datum: 8-6-2026 09:11:02\n"
        ));
        assert_eq!(c.number, Some(2), "{icon:?}");
    }
}

#[test]
fn icon_read_as_a_letter() {
    let c = one("o Nummer: 2 Auteur: X Onderwerp: Notitie Datum: 8-6-2026 09:11:02\n");
    assert_eq!(c.number, Some(2));
}

#[test]
fn empty_author() {
    let c = one(" Nummer: 2 Auteur:  Onderwerp: Markering Datum: 27-5-2026 15:54:32\n");
    assert_eq!(c.author, None);
    assert_eq!(c.subject.as_deref(), Some("Markering"));
    assert_eq!(subtype(&c), Some("Highlight"));
}

#[test]
fn redacted_author() {
    let c = one("■ Nummer: 2 Auteur: [redacted] Onderwerp: Markering Datum: 27-5-2026 12:47:41\n");
    assert_eq!(c.author.as_deref(), Some("[redacted]"));
}

#[test]
fn unknown_subject() {
    let c = one(" Nummer: 3 Auteur: Aartsen, A.A. Onderwerp: (Unknown) Datum: Onbepaald\nGraag\n");
    assert_eq!(c.subject.as_deref(), Some("(Unknown)"));
    assert_eq!(c.subtype, None);
}

#[test]
fn undated_entry() {
    let c = one(" Nummer: 2 Auteur: Aartsen, A.A. Onderwerp: Free Hand Datum: Onbepaald\n");
    assert_eq!(c.date, None);
    assert_eq!(c.date_text.as_deref(), Some("Onbepaald"));
    assert_eq!(subtype(&c), Some("Ink"));
}

#[test]
fn invalid_date_keeps_its_text() {
    let c = one("Nummer: 1 Auteur: X Onderwerp: Notitie Datum: 31-2-2026 10:00:00\n");
    assert_eq!(c.date, None);
    assert_eq!(c.date_text.as_deref(), Some("31-2-2026 10:00:00"));
}

#[test]
fn empty_date_and_subject() {
    let c = one("Nummer: 1 Auteur: X Onderwerp: Datum:\n");
    assert_eq!((c.subject.as_deref(), c.date_text.as_deref()), (None, None));
}

#[test]
fn fragments_without_number_and_author() {
    let text = "Telefoon: [redacted]\n\n\
        Onderwerp: Markering\tDatum: 27-5-2026 11:41:48\n\
        Onderwerp: Markering\tDatum: 27-5-2026 11:41:52\n\
        Onderwerp: Markering\tDatum: 27-5-2026 11:41:55\n\n\n\nMWP bespreken 7-5-2026\n";
    let comments = parse(text);
    assert_eq!(comments.len(), 3);
    for (c, second) in comments.iter().zip([48, 52, 55]) {
        assert!(c.fragment);
        assert_eq!((c.number, c.author.as_deref()), (None, None));
        assert_eq!(subtype(c), Some("Highlight"));
        assert_eq!(c.date, at(2026, 5, 27, 11, 41, second));
        assert_eq!(c.contents, None);
        assert_eq!(c.target_page, None);
    }
}

#[test]
fn fragment_from_the_author() {
    let c = one("Auteur: B Onderwerp: Notitie Datum: 8-6-2026 10:00:00\nAntwoord\n");
    assert!(c.fragment);
    assert_eq!((c.number, c.author.as_deref()), (None, Some("B")));
    assert_eq!(c.contents.as_deref(), Some("Antwoord"));
}

#[test]
fn undated_fragment() {
    let c = one("Onderwerp: Markering Datum: Onbepaald\n");
    assert!(c.fragment);
    assert_eq!(c.date_text.as_deref(), Some("Onbepaald"));
}

#[test]
fn mail_and_letter_headers_are_not_fragments() {
    let text = "Van: [redacted]\nVerzonden: Donderdag 7 mei 2026 12:01\nAan: [redacted]\n\
        Onderwerp: MWP bespreker [redacted] (EU-richtlijn)\nDatum: 7-5-2026 12:01:33\n\n\
        Onderwerp: Kidfluencing Datum: 5 maart 2026\n\
        Auteur: J. Jansen Onderwerp: Woo-besluit Datum: 5-3-2026\n";
    assert_eq!(parse(text), []);
}

#[test]
fn body_datum_lines_are_not_entries() {
    let text = "Datum\n27 mei 2026\n\nOnze referentie\n2026-\n\nDatum: 27 mei 2026\n\
        Op deze Datum: 8-6-2026 09:11:02 is Onderwerp: besproken.\n\
        De Onderwerpen: a Datum: 8-6-2026 09:11:02\n";
    assert_eq!(parse(text), []);
}

#[test]
fn ocr_noise() {
    let c = one(
        "Nummer: l Auteur : Aartsen, A.A. 0nderwerp: Tekst plaatsen Datum: 8-6-2026 09:11:02\n",
    );
    assert_eq!(c.number, Some(1));
    assert_eq!(c.author.as_deref(), Some("Aartsen, A.A."));
    assert_eq!(c.subject.as_deref(), Some("Tekst plaatsen"));
    assert_eq!(c.date, at(2026, 6, 8, 9, 11, 2));
    let c = one("NUMMER: 12 AUTEUR: X ONDERWERP: Notitie DATUM: 8-6-2026 09:11:02\n");
    assert_eq!(c.number, Some(12));
}

#[test]
fn ocr_letter_pairs_semicolons_and_labels_run_together() {
    let c = one("Nurnmer: 2 Auteur; Bakker, C. Onderwerp: Opmerking Datum: 2-6-2026 14:07:10\n");
    assert_eq!(c.number, Some(2));
    assert_eq!(c.author.as_deref(), Some("Bakker, C."));
    assert_eq!(c.date, at(2026, 6, 2, 14, 7, 10));
    let c = one("* Pagina:-2.\nNummer: 1 Auteur: X Onderwerp: Notitie Datum: 2-6-2026 14:07:10\n");
    assert_eq!(c.target_page, Some(2));
    // OCR's marks at the end of a value.
    let c =
        one("Nummer: 2° Auteur: Vries, D. de ‘ Onderwerp: Markering : Datum: 2-6-2026 14:07:10\n");
    assert_eq!(c.number, Some(2));
    assert_eq!(c.author.as_deref(), Some("Vries, D. de"));
    assert_eq!(c.subject.as_deref(), Some("Markering"));
    assert_eq!(subtype(&c), Some("Highlight"));
    let c = one("Number: 1 Author: X Subject: Sticky Note Date: 6/8/2026 9:11:02 PM\nvv\n");
    assert_eq!(c.contents.as_deref(), Some("vv"));
    let c = one(
        "Nummer:1Auteur:Aartsen, A.A.Onderwerp:Opmerking Datum:2-4-2026 10:02:11\nGraag scherper.\n",
    );
    assert_eq!(c.number, Some(1));
    assert_eq!(c.author.as_deref(), Some("Aartsen, A.A."));
    assert_eq!(c.subject.as_deref(), Some("Opmerking"));
    assert_eq!(c.date, at(2026, 4, 2, 10, 2, 11));
    assert_eq!(c.contents.as_deref(), Some("Graag scherper."));
    // A value run into the next label's capital, as extraction that
    // drops the spaces writes it.
    let c = one(
        "Nummer:1Auteur:Aartsen, A.A.Onderwerp:Tekst plaatsenDatum:2-6-2026 13:14:15\nAkkoord MWP 2/6\n",
    );
    assert_eq!(c.subject.as_deref(), Some("Tekst plaatsen"));
    assert_eq!(c.date, at(2026, 6, 2, 13, 14, 15));
    assert_eq!(c.contents.as_deref(), Some("Akkoord MWP 2/6"));
    // A capital run into a label is no label: without its author the line
    // is no entry.
    assert_eq!(
        parse("Nummer: 1 XAuteur: X Onderwerp: N Datum: 2-4-2026 10:02:11\n"),
        []
    );
}

#[test]
fn unreadable_number() {
    let c = one("Nummer: ? Auteur: X Onderwerp: Notitie Datum: 8-6-2026 09:11:02\n");
    assert_eq!(c.number, None);
    assert!(!c.fragment);
}

#[test]
fn fields_split_over_lines() {
    let c = one(
        "Pagina: 2\n\nNummer: 1\nAuteur: Aartsen, A.A.\nOnderwerp: Notitie\n\
         Datum: 8-6-2026 09:11:02\nAkkoord\n",
    );
    assert_eq!(c.target_page, Some(2));
    assert_eq!(c.number, Some(1));
    assert_eq!(c.author.as_deref(), Some("Aartsen, A.A."));
    assert_eq!(c.date, at(2026, 6, 8, 9, 11, 2));
    assert_eq!(c.contents.as_deref(), Some("Akkoord"));
    let c = one("Nummer: 1 Auteur: X\nOnderwerp: Notitie Datum: 8-6-2026 09:11:02\nTekst\n");
    assert_eq!(
        (c.author.as_deref(), c.contents.as_deref()),
        (Some("X"), Some("Tekst"))
    );
}

#[test]
fn number_line_without_the_rest_is_body() {
    let comments = parse("Pagina: 2\nNummer: 1\nAuteur: X\n\nOnderwerp: Notitie\n");
    assert_eq!(comments, []);
}

// Entry boundaries.

#[test]
fn text_ends_at_blank_line_before_heading() {
    let c = one(
        " Nummer: 3 Auteur: A Onderwerp: (Unknown) Datum: Onbepaald\n\
         Graag passage over zzp aanpassen.\n\nBijlagen\n\nVolgnummer\tNaam\tActie\n",
    );
    assert_eq!(
        c.contents.as_deref(),
        Some("Graag passage over zzp aanpassen.")
    );
}

#[test]
fn note_text_after_one_blank_line() {
    let c = one(
        " Nummer: 3 Auteur: A Onderwerp: (Unknown) Datum: Onbepaald\n\n\
         Optie 2; Een belangrijk onderwerp.\n\n- Een goed geïmplementeerde gedragscode kan …\n",
    );
    assert_eq!(
        c.contents.as_deref(),
        Some("Optie 2; Een belangrijk onderwerp.")
    );
}

#[test]
fn highlight_does_not_take_text_after_blank_line() {
    let c = one(
        "■ Nummer: 2 Auteur: [redacted] Onderwerp: Markering Datum: 27-5-2026 12:47:41\n\n\
         Toelichting\n\nInhoud\n",
    );
    assert_eq!(c.contents, None);
}

#[test]
fn highlight_text_on_the_next_line_is_kept() {
    let c = one("Nummer: 2 Auteur: X Onderwerp: Markering Datum: 27-5-2026 12:47:41\nKlopt dit?\n");
    assert_eq!(c.contents.as_deref(), Some("Klopt dit?"));
}

#[test]
fn two_blank_lines_end_the_entry() {
    let c = one(
        " Nummer: 1 Auteur: A Onderwerp: (Unknown) Datum: Onbepaald\n\n\n\
         te stellen wanneer sprake is van belastende werkzaamheden.\n",
    );
    assert_eq!(c.contents, None);
}

#[test]
fn text_ends_at_the_next_entry() {
    let comments = parse(
        " Nummer: 1 Auteur: A Onderwerp: Notitie Datum: Onbepaald\nEerste\n\
         Nummer: 2 Auteur: A Onderwerp: Notitie Datum: Onbepaald\nTweede\nregel\n",
    );
    assert_eq!(comments.len(), 2);
    assert_eq!(comments[0].contents.as_deref(), Some("Eerste"));
    assert_eq!(comments[1].contents.as_deref(), Some("Tweede\nregel"));
}

#[test]
fn text_ends_at_page_line_and_header() {
    let comments = parse(
        "Pagina: 1\nNummer: 1 Auteur: A Onderwerp: Notitie Datum: Onbepaald\nEerste\n\
         Pagina: 2\nNummer: 1 Auteur: A Onderwerp: Notitie Datum: Onbepaald\nTweede\n\
         Overzicht van opmerkingen bij b.pdf\n",
    );
    assert_eq!(comments.len(), 2);
    assert_eq!(comments[0].contents.as_deref(), Some("Eerste"));
    assert_eq!(comments[1].contents.as_deref(), Some("Tweede"));
    assert_eq!(comments[1].target_page, Some(2));
}

#[test]
fn table_row_after_blank_line_is_body() {
    let c = one(
        " Nummer: 2 Auteur: A Onderwerp: (Unknown) Datum: Onbepaald\n\
         Volgens mij was dat niet de afspraak.\n\nAfsluiting\t\nBijlagen\t\n",
    );
    assert_eq!(
        c.contents.as_deref(),
        Some("Volgens mij was dat niet de afspraak.")
    );
}

#[test]
fn text_does_not_cross_input_pages() {
    let comments = parse(
        "Pagina: 1\nNummer: 1 Auteur: A Onderwerp: Notitie Datum: Onbepaald\nEerste\x0c\
         vervolg op de volgende pagina\n",
    );
    assert_eq!(comments.len(), 1);
    assert_eq!(comments[0].contents.as_deref(), Some("Eerste"));
    assert_eq!(comments[0].page, Some(1));
}

#[test]
fn paragraphs_up_to_the_entry_numbered_next_are_the_text() {
    let comments = parse(
        "Pagina: 1\nNummer: 1 Auteur: A Onderwerp: Opmerking Datum: 21-4-2026 09:30:00\n\
         Nog niet afgestemd met JenV.\nVoorstel: de passage schrappen.\n\n\
         Graag voor vrijdag een nieuwe versie.\n\n\
         Nummer: 2 Auteur: A Onderwerp: Opmerking Datum: 21-4-2026 09:34:12\nWelke?\n",
    );
    assert_eq!(comments.len(), 2);
    assert_eq!(
        comments[0].contents.as_deref(),
        Some(
            "Nog niet afgestemd met JenV.\nVoorstel: de passage schrappen.\n\
             Graag voor vrijdag een nieuwe versie."
        )
    );
    assert_eq!(comments[1].target_page, Some(1));
    assert_eq!(comments[1].contents.as_deref(), Some("Welke?"));
}

#[test]
fn a_paragraph_not_followed_by_the_next_entry_is_the_document() {
    // Followed by the first entry of another page, a page line, or a
    // highlight's entry: the paragraph may be the document's.
    for next in [
        "Nummer: 1 Auteur: A Onderwerp: Opmerking Datum: Onbepaald\n",
        "Pagina: 2\n",
        "",
    ] {
        let text = format!(
            "Pagina: 1\nNummer: 1 Auteur: A Onderwerp: Opmerking Datum: Onbepaald\n\
             Eerste alinea.\n\nDe Raad van State adviseert.\n\n{next}"
        );
        let comments = parse(&text);
        assert_eq!(
            comments[0].contents.as_deref(),
            Some("Eerste alinea."),
            "{next}"
        );
    }
    let comments = parse(
        "Pagina: 1\nNummer: 1 Auteur: A Onderwerp: Markering Datum: Onbepaald\nKlopt dit?\n\n\
         Toelichting\n\nNummer: 2 Auteur: A Onderwerp: Opmerking Datum: Onbepaald\n",
    );
    assert_eq!(comments[0].contents.as_deref(), Some("Klopt dit?"));
}

#[test]
fn text_broken_over_summary_pages_goes_on_to_the_entry_numbered_next() {
    let comments = parse(
        "Pagina: 1\nNummer: 1 Auteur: A Onderwerp: Notitie Datum: Onbepaald\nEerste regel,\x0c\
         vervolg op de volgende pagina.\n\
         Nummer: 2 Auteur: A Onderwerp: Notitie Datum: Onbepaald\nTweede\n",
    );
    assert_eq!(comments.len(), 2);
    assert_eq!(
        comments[0].contents.as_deref(),
        Some("Eerste regel,\nvervolg op de volgende pagina.")
    );
    assert_eq!(comments[0].page, Some(1));
    assert_eq!(comments[1].target_page, Some(1));
    assert_eq!(comments[1].page, Some(2));
}

// Which header and page apply.

#[test]
fn page_value_ends_at_body_text() {
    let text = "Overzicht van opmerkingen bij a.pdf\n\nPagina: 1\n\n\
        Nummer: 1 Auteur: A Onderwerp: Tekst plaatsen Datum: 7-5-2026 11:49:21\n\
        MWP bespreken 7-5-2026\n\n\
        tijdelijke capaciteit lopen na dit jaar af.\n\n\
        ☰ Nummer: 1 Auteur: A Onderwerp: FreeText Datum: Onbepaald\nMWP besproken 26-5-2026\n";
    let comments = parse(text);
    assert_eq!(comments.len(), 2);
    assert_eq!(comments[0].target_page, Some(1));
    assert_eq!(comments[0].summary_of.as_deref(), Some("a.pdf"));
    assert_eq!(comments[1].target_page, None);
    assert_eq!(comments[1].summary_of, None);
}

#[test]
fn page_value_goes_on_to_the_entry_numbered_next() {
    // Document text between entries 1 and 2 of one page (a layout with
    // connector lines): entry 2 is on page 1 still, within the next input
    // page too; entry 1 after the text is another page's.
    let entry = |n| format!("Nummer: {n} Auteur: A Onderwerp: Markering Datum: Onbepaald\n");
    let text = format!(
        "Overzicht van opmerkingen bij a.pdf\nPagina: 1\n{}\ndocument\n\n{}\x0cdocument\n\n{}",
        entry(1),
        entry(2),
        entry(3)
    );
    let comments = parse(&text);
    assert_eq!(comments.len(), 3);
    for c in &comments {
        assert_eq!(c.target_page, Some(1));
        assert_eq!(c.summary_of.as_deref(), Some("a.pdf"));
    }
    let text = format!("Pagina: 1\n{}\ndocument\n\n{}", entry(1), entry(1));
    assert_eq!(parse(&text)[1].target_page, None);
    let text = format!(
        "Pagina: 1\n{}\x0cdocument\x0cdocument\n\n{}",
        entry(1),
        entry(2)
    );
    assert_eq!(parse(&text)[1].target_page, None, "two input pages on");
}

#[test]
fn body_between_page_line_and_entry() {
    let c = one("Pagina: 4\n\nHet verdrag verplicht niet.\n\n\
         Nummer: 1 Auteur: A Onderwerp: Notitie Datum: Onbepaald\n");
    assert_eq!(c.target_page, None);
}

#[test]
fn page_line_after_body_sets_page_not_file() {
    let comments = parse(
        "Overzicht van opmerkingen bij a.pdf\nPagina: 1\n\
         Nummer: 1 Auteur: A Onderwerp: Notitie Datum: Onbepaald\n\n\nbody\n\nPagina: 4\n\n\
         Nummer: 1 Auteur: A Onderwerp: Notitie Datum: Onbepaald\n",
    );
    assert_eq!(comments[1].target_page, Some(4));
    assert_eq!(comments[1].summary_of, None);
}

#[test]
fn header_clears_the_page() {
    let comments = parse(
        "Pagina: 3\nNummer: 1 Auteur: A Onderwerp: Notitie Datum: Onbepaald\n\
         Overzicht van opmerkingen bij b.pdf\n\
         Nummer: 1 Auteur: A Onderwerp: Notitie Datum: Onbepaald\n",
    );
    assert_eq!(comments[0].target_page, Some(3));
    assert_eq!(comments[1].target_page, None);
    assert_eq!(comments[1].summary_of.as_deref(), Some("b.pdf"));
}

#[test]
fn summary_continues_over_input_pages() {
    let comments = parse(
        "Overzicht van opmerkingen bij a.pdf\nPagina: 2\n\
         Nummer: 1 Auteur: A Onderwerp: Notitie Datum: Onbepaald\nEen\n\x0c\n\
         Nummer: 2 Auteur: A Onderwerp: Notitie Datum: Onbepaald\nTwee\n\x0c",
    );
    assert_eq!(comments.len(), 2);
    assert_eq!(comments[1].target_page, Some(2));
    assert_eq!(comments[1].summary_of.as_deref(), Some("a.pdf"));
    assert_eq!((comments[0].page, comments[1].page), (Some(1), Some(2)));
}

#[test]
fn no_comments_line_is_part_of_the_summary() {
    let comments = parse(
        "Summary of Comments on a.pdf\nPage: 1\nThis page contains no comments\nPage: 2\n\
         Number: 1 Author: A Subject: Note Date: 6/8/2026 9:11:02 AM\n",
    );
    assert_eq!(comments[0].summary_of.as_deref(), Some("a.pdf"));
    assert_eq!(comments[0].target_page, Some(2));
}

#[test]
fn header_wrapped_over_two_lines() {
    let c = one(
        "Overzicht van opmerkingen bij Beslisnota - Vervolg wetsvoorstel verplichte\n\
         gedragscode of alternatieve aanpak\n\nPagina: 1\n\n\
         Nummer: 1 Auteur: A Onderwerp: Notitie Datum: Onbepaald\n",
    );
    assert_eq!(
        c.summary_of.as_deref(),
        Some("Beslisnota - Vervolg wetsvoorstel verplichte gedragscode of alternatieve aanpak")
    );
    assert_eq!(c.target_page, Some(1));
}

#[test]
fn header_followed_by_a_paragraph_is_not_wrapped() {
    let c = one(
        "Overzicht van opmerkingen bij a.pdf\nEerste regel van de tekst\ntweede regel\n\
         derde regel\n\nNummer: 1 Auteur: A Onderwerp: Notitie Datum: Onbepaald\n",
    );
    assert_eq!(c.summary_of, None);
}

#[test]
fn header_phrase_inside_a_word_is_body() {
    let comments = parse(
        "Overzicht van opmerkingen bijgevoegd\nPagina: 1\n\
         Nummer: 1 Auteur: A Onderwerp: Notitie Datum: Onbepaald\n",
    );
    assert_eq!(comments[0].summary_of, None);
}

#[test]
fn page_line_must_be_a_number_alone() {
    let comments =
        parse("Pagina: 3 van 9\nNummer: 1 Auteur: A Onderwerp: Notitie Datum: Onbepaald\n");
    assert_eq!(comments[0].target_page, None);
    let c = one("Pagina: l2\nNummer: 1 Auteur: A Onderwerp: Notitie Datum: Onbepaald\n");
    assert_eq!(c.target_page, Some(12));
}

// Pages and JSON.

#[test]
fn crlf_line_ends() {
    let c = one(
        "Pagina: 2\r\n\r\nNummer: 1 Auteur: A Onderwerp: (Unknown) Datum: Onbepaald\r\n\r\nTekst\r\n",
    );
    assert_eq!(c.target_page, Some(2));
    assert_eq!(c.contents.as_deref(), Some("Tekst"));
}

#[test]
fn json_shape() {
    let c = one("Nummer: 1 Auteur: A Onderwerp: Markering Datum: 27-5-2026 11:43:22\n");
    let json = serde_json::to_value(&c).unwrap();
    assert_eq!(
        json,
        serde_json::json!({
            "summary_of": null, "target_page": null, "number": 1, "author": "A",
            "subject": "Markering", "subtype": "Highlight", "date": "2026-05-27T11:43:22",
            "date_text": "27-5-2026 11:43:22", "contents": null, "page": null,
            "fragment": false, "locale": "nl", "annotation": null, "ocr": false
        })
    );
    let c = one("Nummer: 1 Auteur: A Onderwerp: Markering Datum: Onbepaald\n");
    assert_eq!(
        serde_json::to_value(&c).unwrap()["date"],
        serde_json::Value::Null
    );
}

// Hostile input.

#[test]
fn no_locales_no_entries() {
    let text = "Nummer: 1 Auteur: A Onderwerp: Notitie Datum: Onbepaald\n";
    assert_eq!(parse_summaries(text_pages(text), &[]), []);
    let mut empty = SummaryLocale::new("x");
    empty.number.push("  ".into());
    assert_eq!(parse_summaries(text_pages(text), &[empty]), []);
}

#[test]
fn long_lines_are_body() {
    let long = format!(
        "Nummer: 1 Auteur: {} Onderwerp: Notitie Datum: Onbepaald\n",
        "A".repeat(2000)
    );
    assert_eq!(parse(&long), []);
    let huge = "Nummer: 1 Auteur: Onderwerp: ".repeat(200_000);
    assert_eq!(parse(&huge), []);
}

#[test]
fn many_entries() {
    let entry = "Nummer: 1 Auteur: A Onderwerp: Notitie Datum: Onbepaald\nx\n";
    let text = entry.repeat(20_000);
    assert_eq!(parse(&text).len(), 20_000);
}

#[test]
fn odd_input_does_not_panic() {
    let inputs = [
        "\u{0}\u{feff}Nummer:\u{0}",
        "Nummer:",
        ":::::",
        "Overzicht van opmerkingen bij",
        "Pagina:",
        "Pagina: 99999999999999999999999999",
        "Nummer: 1 Auteur: Onderwerp: Datum:",
        "Onderwerp: Datum: 1-1-1 1:1",
        "İİİ Nummer: 1 Auteur: x Onderwerp: y Datum: 1/1/99999 99:99:99 PM",
        "\r\r\n\x0c\x0c\x0c",
        "Datum: 0-0-0000 00:00:00",
        "Number: 1 Author: a Subject: b Date: 13/13/2026 1:00:00 AM",
    ];
    for input in inputs {
        let _ = parse(input);
    }
    let c = one("Onderwerp: x Datum: 1-1-2026 1:01");
    assert_eq!(c.date, at(2026, 1, 1, 1, 1, 0));
}

#[test]
fn german_fields_split_over_lines() {
    // "Nummer" is also the Dutch label: the German lines must still join.
    let c = one("Nummer: 1\nVerfasser: Weber\nBetreff: Notiz\nDatum: 08.06.2026 09:11:02\n");
    assert_eq!(
        (c.locale.as_str(), c.author.as_deref()),
        ("de", Some("Weber"))
    );
}

#[test]
fn fields_split_over_lines_with_blank_lines() {
    let c = one(
        "Page: 1\n\nNumber: 1\n\nAuthor: jdoe\n\nSubject: Sticky Note\n\n\
         Date: 6/8/2026 9:11:02 AM\nOk\n",
    );
    assert_eq!((c.target_page, c.number), (Some(1), Some(1)));
    assert_eq!(c.author.as_deref(), Some("jdoe"));
    assert_eq!(c.contents.as_deref(), Some("Ok"));
}

#[test]
fn icon_on_a_line_of_its_own() {
    let comments = parse(
        "Overzicht van opmerkingen bij a.pdf\nPagina: 2\n☰\n\
         Nummer: 1 Auteur: A Onderwerp: Notitie Datum: Onbepaald\nEerste\n■\n\
         Nummer: 2 Auteur: A Onderwerp: Markering Datum: Onbepaald\n",
    );
    assert_eq!(comments.len(), 2);
    assert_eq!(comments[0].contents.as_deref(), Some("Eerste"));
    assert_eq!(comments[1].target_page, Some(2));
    assert_eq!(comments[1].summary_of.as_deref(), Some("a.pdf"));
}

#[test]
fn comment_of_punctuation_only() {
    let comments = parse(
        "Nummer: 1 Auteur: A Onderwerp: Notitie Datum: Onbepaald\n?\n\n\
         Nummer: 2 Auteur: A Onderwerp: Notitie Datum: Onbepaald\n✓\n",
    );
    assert_eq!(comments[0].contents.as_deref(), Some("?"));
    assert_eq!(comments[1].contents.as_deref(), Some("✓"));
}

#[test]
fn repeated_header_keeps_the_page() {
    let comments = parse(
        "Summary of Comments on a.pdf\nPage: 3\n\
         Number: 1 Author: A Subject: Note Date: 6/8/2026 9:11:02 AM\nOne\x0c\
         Summary of Comments on a.pdf\n\
         Number: 2 Author: A Subject: Note Date: 6/8/2026 9:12:02 AM\nTwo\n\
         Summary of Comments on b.pdf\n\
         Number: 1 Author: A Subject: Note Date: 6/8/2026 9:13:02 AM\nThree\n",
    );
    let pages: Vec<_> = comments.iter().map(|c| c.target_page).collect();
    assert_eq!(pages, [Some(3), Some(3), None]);
    assert_eq!(comments[2].summary_of.as_deref(), Some("b.pdf"));
}

#[test]
fn text_run_onto_the_entry_line() {
    let c = one(
        "Nummer: 1 Auteur: A Onderwerp: Tekst plaatsen Datum: 8-6-2026 09:11:02\tMWP akkoord\n\
         8/6\n\nBijlagen\n",
    );
    assert_eq!(c.date_text.as_deref(), Some("8-6-2026 09:11:02"));
    assert_eq!(c.date, at(2026, 6, 8, 9, 11, 2));
    assert_eq!(c.contents.as_deref(), Some("MWP akkoord\n8/6"));
    let c = one("Number: 1 Author: A Subject: Note Date: 6/8/2026 9:11:02 AM Approved\n");
    assert_eq!(c.date_text.as_deref(), Some("6/8/2026 9:11:02 AM"));
    assert_eq!(c.date, at(2026, 6, 8, 9, 11, 2));
    assert_eq!(c.contents.as_deref(), Some("Approved"));
    let c = one("Nummer: 2 Auteur: A Onderwerp: Notitie Datum: Onbepaald Graag bespreken\n");
    assert_eq!(c.date_text.as_deref(), Some("Onbepaald"));
    assert_eq!(c.contents.as_deref(), Some("Graag bespreken"));
}

#[test]
fn text_on_the_entry_line_does_not_skip_blank_lines() {
    let c = one("Nummer: 2 Auteur: A Onderwerp: Notitie Datum: Onbepaald Graag\n\nToelichting\n");
    assert_eq!(c.contents.as_deref(), Some("Graag"));
}

#[test]
fn date_with_trailing_junk_is_kept_whole() {
    let c = one("Nummer: 1 Auteur: A Onderwerp: Notitie Datum: 8-6-2026 09:11:02 |\n");
    assert_eq!(c.date_text.as_deref(), Some("8-6-2026 09:11:02 |"));
    assert_eq!(c.date, at(2026, 6, 8, 9, 11, 2));
    assert_eq!(c.contents, None);
    let c = one("Nummer: 1 Auteur: A Onderwerp: Notitie Datum: Onbepaaldheid\n");
    assert_eq!(c.date_text.as_deref(), Some("Onbepaaldheid"));
}

#[test]
fn random_mixtures_do_not_panic() {
    // Lines stitched from summary pieces, multi-byte characters and OCR
    // noise by a fixed pseudo-random sequence (xorshift); one line in four
    // is an entry built from random values.
    const PIECES: &[&str] = &[
        "Nummer:",
        "Auteur :",
        "0nderwerp:",
        "Datum:",
        "Pagina:",
        "Number:",
        "Date :",
        "Overzicht van opmerkingen bij",
        "Onbepaald",
        "(Unknown)",
        " ",
        "\t",
        "\n",
        "\n\n",
        "\x0c",
        "l",
        "1",
        "27-5-2026",
        "11:41:48",
        "6/8/2026 9:11:02 PM",
        "AM",
        "☰",
        "■",
        "é",
        "İ",
        "ß",
        "\u{202f}",
        "\u{feff}",
        "|",
        ":",
        "Markering",
        "x",
        "99999999999",
    ];
    let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut next = || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    let locales = SummaryLocale::builtin();
    let mut entries = 0;
    for _ in 0..2000 {
        let mut text = String::new();
        for _ in 0..(next() % 30) {
            let entry = next() % 4 == 0;
            let mut piece = || PIECES[(next() % PIECES.len() as u64) as usize];
            if entry {
                let fields = [piece(), piece(), piece(), piece(), piece()];
                text.push_str(&format!(
                    "{}Nummer: {}\tAuteur: {} Onderwerp: {} Datum: {}\n",
                    fields[0], fields[1], fields[2], fields[3], fields[4]
                ));
            } else {
                text.push_str(piece());
            }
        }
        for comment in parse_summaries(text_pages(&text), &locales) {
            entries += 1;
            assert!(comment.date.is_none() || comment.date_text.is_some());
            // A fragment is only recognised by its date.
            assert!(!comment.fragment || comment.date_text.is_some());
        }
    }
    assert!(
        entries > 1000,
        "the mixtures should hold many entries: {entries}"
    );
}

/// A released bundle stamps its own running header on every sheet, and its
/// page number below: the summary's title repeated under the header takes
/// up the page line, an entry's text goes on below the title on the next
/// sheet, and the page number is no comment's text.
#[test]
fn running_headers_and_page_numbers_of_a_bundle() {
    let comments = parse(
        "Woo-besluit 2026-17 | Document 7\nOverzicht van opmerkingen bij n.pdf\nPagina: 2\n\
         Nummer: 1 Auteur: Kok, B. Onderwerp: Notitie Datum: 1-4-2026 10:01:00\n\
         Eerste opmerking.\n\
         Nummer: 2 Auteur: Kok, B. Onderwerp: Notitie Datum: 2-4-2026 10:02:00\n\
         1\n\u{c}\
         Woo-besluit 2026-17 | Document 7\nPagina 2 van 3\n\
         Overzicht van opmerkingen bij n.pdf\n\
         Tweede opmerking,\nover twee regels.\n\
         Nummer: 3 Auteur: Kok, B. Onderwerp: Notitie Datum: 3-4-2026 10:03:00\n\
         Derde opmerking.\nPagina: 5\n\
         - 2 -\n\u{c}\
         Woo-besluit 2026-17 | Document 7\n\
         Overzicht van opmerkingen bij n.pdf\n\
         Nummer: 1 Auteur: Aartsen, A.A. Onderwerp: Markering Datum: 6-4-2026 11:10:00\n\
         3\n",
    );
    let read: Vec<_> = comments
        .iter()
        .map(|c| {
            (
                c.number,
                c.target_page,
                c.summary_of.as_deref(),
                c.contents.as_deref(),
            )
        })
        .collect();
    assert_eq!(
        read,
        [
            (Some(1), Some(2), Some("n.pdf"), Some("Eerste opmerking.")),
            (
                Some(2),
                Some(2),
                Some("n.pdf"),
                Some("Tweede opmerking,\nover twee regels.")
            ),
            (Some(3), Some(2), Some("n.pdf"), Some("Derde opmerking.")),
            (Some(1), Some(5), Some("n.pdf"), None),
        ]
    );
}

/// Text extraction that spaces its lines out puts a blank line under every
/// entry header: a highlight's text between its header and the next entry
/// is its own, though document text after a highlight is not.
#[test]
fn a_highlights_text_after_a_blank_line_before_the_next_entry() {
    let comments = parse(
        "Overzicht van opmerkingen bij n.pdf\nPagina: 2\n\
         Nummer: 1 Auteur: Kok, B. Onderwerp: Markering Datum: 31-3-2026 09:02:11\n\n\
         graag tekst aanpassen\n\n\
         Nummer: 2 Auteur: Kok, B. Onderwerp: Markering Datum: 31-3-2026 09:03:11\n\n\
         Het verdrag verplicht niet.\n",
    );
    assert_eq!(
        comments[0].contents.as_deref(),
        Some("graag tekst aanpassen")
    );
    assert_eq!(comments[1].contents, None);
}

/// Acrobat wraps a long entry header inside a value: the words before the
/// next label on the second line end the value.
#[test]
fn a_header_wrapped_inside_a_value() {
    let c = one(
        "Nummer: 1 Auteur: Aartsen-van den Berg, mr. A.A.M. Onderwerp: Tekst\n\
         plaatsen Datum: 30-3-2026 22:11:55\nMWP niet akkoord 30-3-2026\n",
    );
    assert_eq!(
        c.author.as_deref(),
        Some("Aartsen-van den Berg, mr. A.A.M.")
    );
    assert_eq!(c.subject.as_deref(), Some("Tekst plaatsen"));
    assert_eq!(c.date, at(2026, 3, 30, 22, 11, 55));
    assert_eq!(c.contents.as_deref(), Some("MWP niet akkoord 30-3-2026"));
    // A line of text that only mentions a label further on is no part of
    // the header.
    assert!(
        parse("Nummer: 1 Auteur: A Onderwerp: Tekst\nwe spraken af dat de Datum: later volgt\n")
            .is_empty()
    );
}
