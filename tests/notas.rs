//! The nota register on bundles written here in several ministries'
//! templates, with and without page breaks, and on text that holds no
//! nota. Every value below is read off the text written here, not off
//! this reader's output.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use chrono::NaiveDate;
use kantlijn::{Nota, NotaKind, Options, Report, Verdict};

fn ymd(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

// --- Bundles written here, in other templates ---------------------------------

/// The report of a text input.
fn read(text: &str) -> Report {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bundel.txt");
    std::fs::write(&path, text).unwrap();
    kantlijn::extract(&path, &Options::default()).unwrap()
}

/// A nota's title, date, reference and first page.
type Head<'a> = (
    Option<&'a str>,
    Option<NaiveDate>,
    Option<&'a str>,
    Option<usize>,
);

/// A decision's actor, verdict and date.
type Decided<'a> = (Option<&'a str>, Verdict, Option<NaiveDate>);

/// Each nota's title, date, reference and first page.
fn heads(notas: &[Nota]) -> Vec<Head<'_>> {
    notas
        .iter()
        .map(|n| {
            (
                n.title.as_deref(),
                n.date,
                n.reference.as_deref(),
                n.first_page,
            )
        })
        .collect()
}

/// Each nota's decisions as (actor, verdict, date).
fn decided(found: &Report) -> Vec<Vec<Decided<'_>>> {
    found
        .notas
        .iter()
        .map(|nota| {
            nota.decisions
                .iter()
                .map(|&i| &found.decisions[i])
                .map(|d| (d.actor.as_deref(), d.verdict, d.date))
                .collect()
        })
        .collect()
}

/// Every decision's nota agrees with the notas' lists.
fn consistent(found: &Report) {
    for (index, decision) in found.decisions.iter().enumerate() {
        if let Some(nota) = decision.nota {
            assert!(found.notas[nota].decisions.contains(&index));
        } else {
            assert!(found.notas.iter().all(|n| !n.decisions.contains(&index)));
        }
    }
}

const FINANCIEN: &str = "Ministerie van Financiën

Beslisnota
Aan: Minister van Financiën
Van: Directeur-Generaal Fiscaliteit
Datum: 4 maart 2026
Ons kenmerk: 2026-0000056789
Onderwerp: Fiscale behandeling van thuiswerkvergoedingen in de
loonbelasting

Beslispunten
1. Gaat u akkoord met het verhogen van de vergoeding?
2. Stemt u in met de bijgevoegde Kamerbrief?

Toelichting
De vergoeding is sinds 2022 niet aangepast.
";

const FINANCIEN_PAGE_2: &str = "Datum 4 maart 2026
Ons kenmerk 2026-0000056789

Verder overleg met de Belastingdienst volgt.

Minister akkoord 12-3-2026
";

const BZK: &str = "Nota
Aan
de Minister van Binnenlandse Zaken en Koninkrijksrelaties
Datum
16 april 2026
Kenmerk
2026-0000223344
Onderwerp
Herijking gemeentefonds

Geadviseerd besluit
Kennis te nemen van de uitkomsten van de herijking.

Kernpunten
De herijking raakt alle gemeenten.
";

const BZK_SUMMARY: &str = "Overzicht van opmerkingen bij Nota - Herijking gemeentefonds.pdf

Pagina: 1

Nummer: 1 Auteur: Jansen, P. Onderwerp: Notitie Datum: 20-4-2026 10:00:00
Minister gezien 20-4
";

const MEMO: &str = "MEMO
Aan: Staatssecretaris Herstel Toeslagen
Van: Directie Uitvoering
Datum: [redacted]
Betreft: Stand van zaken herstelbetalingen
Kenmerk: 5.1.2e

Inhoud
De herstelbetalingen liggen op schema.

Bijlagen
Volgnummer\tNaam\tActie
1\tNota MWP – Herijking gemeentefonds d.d. 16 april 2026\tTer informatie
";

const EMAIL: &str = "Van: [redacted]
Verzonden: donderdag 7 mei 2026 12:01
Aan: [redacted]
Onderwerp: Stukken voor de staf
Bijlagen: 20260416 Nota herijking.pdf

Ha, hierbij de stukken.
";

#[test]
fn three_templates_with_page_breaks() {
    let text = [FINANCIEN, FINANCIEN_PAGE_2, BZK, BZK_SUMMARY, EMAIL, MEMO].join("\u{c}");
    let found = read(&text);
    assert_eq!(
        heads(&found.notas),
        [
            (
                Some("Fiscale behandeling van thuiswerkvergoedingen in de loonbelasting"),
                ymd(2026, 3, 4),
                Some("2026-0000056789"),
                Some(1)
            ),
            (
                Some("Herijking gemeentefonds"),
                ymd(2026, 4, 16),
                Some("2026-0000223344"),
                Some(3)
            ),
            (
                Some("Stand van zaken herstelbetalingen"),
                None,
                Some("5.1.2e"),
                Some(6)
            ),
        ]
    );
    let notas = &found.notas;
    assert_eq!(
        notas.iter().map(|n| n.last_page).collect::<Vec<_>>(),
        [Some(2), Some(5), Some(6)]
    );
    assert_eq!(
        notas.iter().map(|n| n.kind).collect::<Vec<_>>(),
        [NotaKind::Beslisnota, NotaKind::Nota, NotaKind::Nota]
    );
    assert_eq!(
        notas[0].addressee.as_deref(),
        Some("Minister van Financiën")
    );
    assert_eq!(
        notas[1].addressee.as_deref(),
        Some("de Minister van Binnenlandse Zaken en Koninkrijksrelaties")
    );
    assert_eq!(notas[2].date_text.as_deref(), Some("[redacted]"));
    assert_eq!(
        notas[0].decision_points,
        [
            "Gaat u akkoord met het verhogen van de vergoeding?",
            "Stemt u in met de bijgevoegde Kamerbrief?"
        ]
    );
    assert_eq!(
        notas[1].decision_points,
        ["Kennis te nemen van de uitkomsten van de herijking."]
    );
    // The stamp at the bottom of the first nota's last page is its; the
    // summary names the second nota.
    assert_eq!(
        decided(&found),
        [
            vec![(Some("Minister"), Verdict::Approved, ymd(2026, 3, 12))],
            vec![(Some("Minister"), Verdict::Noted, ymd(2026, 4, 20))],
            vec![],
        ]
    );
    consistent(&found);
}

#[test]
fn three_templates_without_page_breaks() {
    // The stamp now stands directly above the second nota's header: in text
    // without pages, that is the place of a stamp on a nota's first page.
    let text = [
        FINANCIEN,
        "Minister akkoord 22-4-2026\n\n",
        BZK,
        BZK_SUMMARY,
        EMAIL,
        MEMO,
    ]
    .join("\n");
    let found = read(&text);
    let heads = heads(&found.notas);
    assert_eq!(
        heads.iter().map(|h| (h.0, h.1, h.2)).collect::<Vec<_>>(),
        [
            (
                Some("Fiscale behandeling van thuiswerkvergoedingen in de loonbelasting"),
                ymd(2026, 3, 4),
                Some("2026-0000056789"),
            ),
            (
                Some("Herijking gemeentefonds"),
                ymd(2026, 4, 16),
                Some("2026-0000223344"),
            ),
            (
                Some("Stand van zaken herstelbetalingen"),
                None,
                Some("5.1.2e")
            ),
        ]
    );
    assert!(
        found
            .notas
            .iter()
            .all(|n| n.first_page.is_none() && n.last_page.is_none())
    );
    assert_eq!(
        decided(&found),
        [
            vec![],
            vec![
                (Some("Minister"), Verdict::Noted, ymd(2026, 4, 20)),
                (Some("Minister"), Verdict::Approved, ymd(2026, 4, 22))
            ],
            vec![],
        ]
    );
    consistent(&found);
}

#[test]
fn nothing_to_split() {
    for text in [
        "Een gewone tekst over een nota.\nAan de orde is de begroting.\n",
        EMAIL,
        // A continuation page's running header.
        FINANCIEN_PAGE_2,
        // A letter to parliament: no document word, no "Aan".
        "De Voorzitter van de Tweede Kamer\nDatum 2 juni 2026\nBetreft Voortgangsbrief\nOns kenmerk 2026-1\n",
    ] {
        let found = read(text);
        assert!(found.notas.is_empty(), "{text}: {:?}", found.notas);
        assert!(found.decisions.iter().all(|d| d.nota.is_none()));
    }
}

/// A bundle of three notas and, at its end, Acrobat's summary of the whole
/// bundle: page N of the summary is page N of the input.
#[test]
fn summary_of_the_whole_bundle() {
    let nota = |title: &str, day: u32| {
        format!(
            "Aan Minister van WenP\n\nnota\n\n{title}\n\nTER BESLISSING\n\nDatum\n{day} mei 2026\n\nOnze referentie\n2026-{day}\n"
        )
    };
    let pages = [
        nota("Eerste onderwerp", 1),
        "Datum\n1 mei 2026\n".to_owned(),
        nota("Tweede onderwerp", 2),
        "Datum\n2 mei 2026\n".to_owned(),
        nota("Derde onderwerp", 3),
        "Overzicht van opmerkingen bij bundel.pdf\n\nPagina: 1\n\nNummer: 1 Auteur: A Onderwerp: Tekst plaatsen Datum: 8-5-2026 09:00:00\nMWP akkoord 8/5\n\nPagina: 3\n\nNummer: 1 Auteur: A Onderwerp: Tekst plaatsen Datum: 9-5-2026 09:00:00\nMWP niet akkoord 9/5\n\nPagina: 5\n\nNummer: 1 Auteur: A Onderwerp: Tekst plaatsen Datum: 10-5-2026 09:00:00\nMWP besproken 10/5\n".to_owned(),
    ];
    let found = read(&pages.join("\u{c}"));
    assert_eq!(found.notas.len(), 3);
    assert_eq!(
        decided(&found),
        [
            vec![(Some("MWP"), Verdict::Approved, ymd(2026, 5, 8))],
            vec![(Some("MWP"), Verdict::Rejected, ymd(2026, 5, 9))],
            vec![(Some("MWP"), Verdict::Discussed, ymd(2026, 5, 10))],
        ]
    );
    consistent(&found);
}

/// A summary of several pages printed after a nota of that many pages,
/// under a file name that is not the nota's title: that nota's.
#[test]
fn summary_after_its_nota() {
    let pages = [
        "Aan Minister van WenP\nnota\nEerste onderwerp\nDatum\n1 mei 2026\n",
        "Aan Minister van WenP\nnota\nTweede onderwerp\nDatum\n2 mei 2026\n",
        "Datum\n2 mei 2026\nVervolg van de tekst.\n",
        "Overzicht van opmerkingen bij scan0042.pdf\n\nPagina: 1\n\nNummer: 1 Auteur: A Onderwerp: Tekst plaatsen Datum: 8-5-2026 09:00:00\nMWP akkoord 8/5\n\nPagina: 2\n\nNummer: 1 Auteur: A Onderwerp: Notitie Datum: 8-5-2026 09:01:00\nGraag de planning aanpassen\n",
    ];
    let found = read(&pages.join("\u{c}"));
    assert_eq!(found.notas.len(), 2);
    assert_eq!(
        decided(&found),
        [
            vec![],
            vec![(Some("MWP"), Verdict::Approved, ymd(2026, 5, 8))]
        ]
    );
}

/// When a decision is seen in a summary and as a stamp, the stamp's place
/// decides.
#[test]
fn a_stamp_outweighs_a_summary() {
    let text = "MWP akkoord 8-5-2026\n\nAan Minister van WenP\nnota\nEerste onderwerp\nDatum\n1 mei 2026\n\nTekst.\n\nAan Minister van WenP\nnota\nTweede onderwerp\nDatum\n2 mei 2026\n\nOverzicht van opmerkingen bij scan.pdf\n\nPagina: 1\n\nNummer: 1 Auteur: A Onderwerp: Tekst plaatsen Datum: 8-5-2026 09:00:00\nMWP akkoord 8-5-2026\n";
    let found = read(text);
    assert_eq!(found.decisions.len(), 1);
    assert_eq!(found.decisions[0].seen_in.len(), 2);
    assert_eq!(found.decisions[0].nota, Some(0));
    assert_eq!(decided(&found)[1], []);
}

#[test]
fn repeated_header_is_one_nota() {
    let page = "Memo\nAan: Minister\nDatum: 2 mei 2026\nBetreft: Stand van zaken\nKenmerk: 2026-7\n\nTekst.\n";
    let found = read(&[page, page].join("\u{c}"));
    assert_eq!(found.notas.len(), 1);
    assert_eq!(found.notas[0].last_page, Some(2));
}

#[test]
fn a_nota_without_title_or_date() {
    let found = read("TER BESLISSING\nAan de Staatssecretaris\n\nAanleiding\nTekst.\n");
    assert_eq!(found.notas.len(), 1);
    let nota = &found.notas[0];
    assert_eq!(nota.title, None);
    assert_eq!(nota.date, None);
    assert_eq!(nota.date_text, None);
    assert_eq!(nota.kind, NotaKind::Beslisnota);
    assert_eq!(nota.kind_text.as_deref(), Some("TER BESLISSING"));
}
