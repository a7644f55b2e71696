//! The nota register: first on the shipped bundle
//! (`fixtures/notas-bundel.*`, see `fixtures/README.md`), three notas in
//! three templates whose decisions are burned in on a first and on a last
//! page, typed live and printed in a comment summary; then on bundles
//! written here in other ministries' templates, with and without page
//! breaks, and on text that holds no nota. Every value below is read off
//! the builder's page model or the text written here, not off this
//! reader's output.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use chrono::NaiveDate;
use kantlijn::{Document, Filter, Nota, NotaKind, Options, Report, Source, Verdict};
use support::data::Corpus;

mod support;

fn report(name: &str) -> Report {
    kantlijn::extract(format!("fixtures/{name}"), &Options::default())
        .unwrap_or_else(|e| panic!("{e}"))
}

fn ymd(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

struct Expected {
    title: &'static str,
    kind: NotaKind,
    addressee: &'static str,
    date: Option<NaiveDate>,
    reference: &'static str,
    pages: (usize, usize),
    decision_points: &'static [&'static str],
    /// (actor, verdict, date) of each decision, in order.
    decisions: &'static [(&'static str, Verdict, (i32, u32, u32))],
}

const BUNDLE: [Expected; 3] = [
    Expected {
        title: "Voortgangsbrief arbeidsmarktbeleid",
        kind: NotaKind::Beslisnota,
        addressee: "Minister van Werk en Participatie",
        date: NaiveDate::from_ymd_opt(2026, 5, 27),
        reference: "2026-0000501001",
        pages: (1, 2),
        decision_points: &["Instemmen met de voortgangsbrief en deze aan de Kamer zenden."],
        decisions: &[("MWP", Verdict::Approved, (2026, 6, 2))],
    },
    Expected {
        title: "Herijking gemeentefonds",
        kind: NotaKind::Nota,
        addressee: "de Minister van Binnenlandse Zaken en Koninkrijksrelaties",
        date: NaiveDate::from_ymd_opt(2026, 4, 14),
        reference: "2026-0000220417",
        pages: (3, 4),
        decision_points: &[
            "Gaat u akkoord met de voorgestelde herijking?",
            "Stemt u in met de brief aan de VNG?",
        ],
        decisions: &[("Minister", Verdict::Approved, (2026, 4, 20))],
    },
    Expected {
        title: "Fiscale behandeling van thuiswerkvergoedingen in de loonbelasting",
        kind: NotaKind::Beslisnota,
        addressee: "Minister van Financiën",
        date: NaiveDate::from_ymd_opt(2026, 5, 4),
        reference: "2026-0000056789",
        pages: (5, 6),
        decision_points: &["Gaat u akkoord met het verhogen van de vrije vergoeding?"],
        decisions: &[
            ("SG", Verdict::Noted, (2026, 5, 6)),
            ("Staatssecretaris", Verdict::Rejected, (2026, 5, 7)),
        ],
    },
];

/// The report's register is exactly `BUNDLE` (pages where `paged`).
fn assert_register(report: &Report, paged: bool) {
    assert_eq!(report.notas.len(), BUNDLE.len(), "{:#?}", report.notas);
    for (index, (nota, expected)) in report.notas.iter().zip(&BUNDLE).enumerate() {
        assert_eq!(nota.title.as_deref(), Some(expected.title));
        assert_eq!(nota.kind, expected.kind, "{}", expected.title);
        assert_eq!(nota.addressee.as_deref(), Some(expected.addressee));
        assert_eq!(nota.date, expected.date);
        assert_eq!(nota.reference.as_deref(), Some(expected.reference));
        let pages = paged.then_some(expected.pages);
        assert_eq!(
            nota.first_page.zip(nota.last_page),
            pages,
            "{}",
            expected.title
        );
        assert_eq!(nota.decision_points, expected.decision_points);
        let decisions: Vec<(&str, Verdict, Option<NaiveDate>)> = nota
            .decisions
            .iter()
            .map(|&i| &report.decisions[i])
            .map(|d| (d.actor.as_deref().unwrap(), d.verdict, d.date))
            .collect();
        let wanted: Vec<(&str, Verdict, Option<NaiveDate>)> = expected
            .decisions
            .iter()
            .map(|&(actor, verdict, (y, m, d))| (actor, verdict, ymd(y, m, d)))
            .collect();
        assert_eq!(decisions, wanted, "{}", expected.title);
        for &i in &nota.decisions {
            assert_eq!(report.decisions[i].nota, Some(index));
        }
    }
    let tied: usize = report.notas.iter().map(|n| n.decisions.len()).sum();
    assert_eq!(tied, report.decisions.len(), "every decision has its nota");
}

#[test]
fn pdf_bundle() {
    let report = report("notas-bundel.pdf");
    assert_register(&report, true);
    // The first nota's SZW deadline; the others' templates have none.
    assert_eq!(report.notas[0].deadline, ymd(2026, 6, 3));
    assert_eq!(
        report.notas[0].deadline_text.as_deref(),
        Some("3 juni 2026")
    );
    assert_eq!(report.notas[0].kind_text.as_deref(), Some("TER BESLISSING"));
    assert_eq!(report.notas[2].kind_text.as_deref(), Some("Beslisnota"));
    // The live comment and its printed entry are one decision, on page 5.
    let sg = &report.decisions[report.notas[2].decisions[0]];
    let sources: Vec<Source> = sg.seen_in.iter().map(|s| s.source).collect();
    assert_eq!(sources, [Source::Annotation, Source::CommentSummary]);
}

#[test]
fn text_bundle_with_form_feeds() {
    assert_register(&report("notas-bundel.txt"), true);
}

#[test]
fn text_bundle_without_page_breaks() {
    let text = std::fs::read_to_string("fixtures/notas-bundel.txt").unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bundel.txt");
    std::fs::write(&path, text.replace('\u{c}', "\n")).unwrap();
    let report = kantlijn::extract(&path, &Options::default()).unwrap();
    assert_register(&report, false);
}

#[test]
fn document_gives_the_register_too() {
    let doc = Document::open("fixtures/notas-bundel.pdf").unwrap();
    assert_eq!(doc.notas(), report("notas-bundel.pdf").notas.as_slice());
}

#[test]
fn a_filter_renumbers_the_decisions_of_each_nota() {
    let mut report = report("notas-bundel.pdf");
    let mut filter = Filter::default();
    filter.since = ymd(2026, 5, 1);
    filter.apply(&mut report);
    // The April decision is gone; the others keep their notas.
    assert_eq!(report.decisions.len(), 3);
    let actors: Vec<Vec<&str>> = report
        .notas
        .iter()
        .map(|n| {
            n.decisions
                .iter()
                .map(|&i| report.decisions[i].actor.as_deref().unwrap())
                .collect()
        })
        .collect();
    assert_eq!(
        actors,
        [vec!["MWP"], vec![], vec!["SG", "Staatssecretaris"]]
    );
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
fn a_stamp_above_the_letterhead_without_page_breaks() {
    // In text without pages, a stamp at the top of a nota's first page may
    // stand above the ministry's name, which prints above the header.
    let text = "MBZK akkoord 20/2\n\nMinisterie van Binnenlandse Zaken en\nKoninkrijksrelaties\n\n\
        Nota\n\nAan\nde minister van Binnenlandse Zaken en Koninkrijksrelaties\n\n\
        Datum\n12 februari 2026\n\nKenmerk\n2026-0000087654\n\n\
        Onderwerp\nVoortgang uitvoering Wet open overheid\n\n\
        Aanleiding\nDe Kamer vroeg om een overzicht van de voortgang.\n";
    let found = read(text);
    assert_eq!(
        heads(&found.notas),
        [(
            Some("Voortgang uitvoering Wet open overheid"),
            ymd(2026, 2, 12),
            Some("2026-0000087654"),
            None
        )]
    );
    assert_eq!(
        decided(&found),
        [vec![(Some("MBZK"), Verdict::Approved, ymd(2026, 2, 20))]]
    );
    consistent(&found);
}

#[test]
fn a_stamp_box_above_the_header_without_page_breaks() {
    // A decision block of several lines at the top of a nota's first page
    // is the nota's, as a one-line stamp there is: all its lines are the
    // stamp's, its date line too.
    let text = "Besluit SG:\n☐ akkoord\n☒ niet akkoord\n☐ bespreken\nDatum: 10-6-2026\n\n\
        Aan Minister van Werk en Participatie\n\nnota\n\nVerdeling middelen re-integratie 2027\n\n\
        TER BESLISSING\n\nDatum\n3 juni 2026\n\nOnze referentie\n2026-0000123496\n\n\
        Aanleiding\nDe middelen worden verdeeld.\n";
    let found = read(text);
    assert_eq!(
        heads(&found.notas),
        [(
            Some("Verdeling middelen re-integratie 2027"),
            ymd(2026, 6, 3),
            Some("2026-0000123496"),
            None
        )]
    );
    assert_eq!(
        decided(&found),
        [vec![(Some("SG"), Verdict::Rejected, ymd(2026, 6, 10))]]
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

/// A stamp set down inside a header (OCR puts it between the addressee
/// and the sender), a title with a name after a hyphen and a date at the
/// end of a sentence: the header is read whole, the stamp belongs to it.
#[test]
fn a_stamp_inside_the_header() {
    let found = read(
        "Beslisnota\nAan:\nde Minister van Werk en Participatie\nMWP akkoord 8/6\nVan:\nDG Werk\n\
         Datum:\n27 mei 2026.\nOns kenmerk:\n2026-0000412003\nOnderwerp:\n\
         Reactie op de motie-Van Hijum over vaste contracten\n\nBeslispunten\n\
         1. Instemmen met de brief.\n",
    );
    assert_eq!(found.notas.len(), 1);
    let nota = &found.notas[0];
    assert_eq!(
        nota.title.as_deref(),
        Some("Reactie op de motie-Van Hijum over vaste contracten")
    );
    assert_eq!(nota.date, ymd(2026, 5, 27));
    assert_eq!(nota.date_text.as_deref(), Some("27 mei 2026."));
    assert_eq!(nota.reference.as_deref(), Some("2026-0000412003"));
    assert_eq!(
        decided(&found),
        [vec![(Some("MWP"), Verdict::Approved, ymd(2026, 6, 8))]]
    );
}

/// A first page whose margin lost its date ("Datum" and the date are
/// missing above "Onze referentie"): the margin of the next page repeats
/// the block, date and all, and gives the nota its date, and the stamp its
/// year. A date in the nota's text, standing alone, gives none.
#[test]
fn a_date_from_the_margin_of_a_later_page() {
    let first = "MWP akkoord 3/3\n\nAan Minister van WenP\n\nnota\n\n\
                 Herziening subsidieregeling praktijkleren\n\nTER BESLISSING\n\n\
                 Onze referentie\n2026-0000200555\n\nAanleiding\n\n- Tekst.\n";
    let later = "Datum\n24 februari 2026\n\nOnze referentie\n2026-0000200555\n\n\
                 Kernpunten\n\n- Tekst.\n";
    let found = read(&[first, later].join("\u{c}"));
    assert_eq!(found.notas.len(), 1);
    assert_eq!(found.notas[0].date, ymd(2026, 2, 24));
    assert_eq!(
        found.notas[0].date_text.as_deref(),
        Some("24 februari 2026")
    );
    assert_eq!(
        decided(&found),
        [vec![(Some("MWP"), Verdict::Approved, ymd(2026, 3, 3))]]
    );
    let in_the_text = "Kernpunten\n\nDatum\n1 januari 2027\n\nDe regeling gaat dan in.\n";
    let found = read(&[first, in_the_text].join("\u{c}"));
    assert_eq!(found.notas[0].date, None);
}

/// A header printed as two columns, the labels first and then their values,
/// as `pdftotext` prints a two-column table.
const FINANCIEN_COLUMNS: &str = "Ministerie van Financiën

BESLISNOTA

Aan
Van
Datum
Ons kenmerk
Onderwerp

Minister van Financiën
Directeur-Generaal Fiscaliteit
12 februari 2026
2026-0000034567
Herziening box 3

Beslispunten
1. Stemt u in met de hoofdlijnen van het wetsvoorstel?
2. Gaat u akkoord met verzending aan de Raad van State?

Toelichting
Het wetsvoorstel volgt het arrest van de Hoge Raad.

Minister akkoord 18-2-2026
";

const OCW_INFORMATIENOTA: &str = "Informatienota

Aan: de minister van Onderwijs, Cultuur en Wetenschap
Datum: 9 januari 2026
Kenmerk: 51234567
Onderwerp: Uitkomsten monitor
lerarentekort 2025

Samenvatting
Het tekort daalt licht.
";

/// The fields in another order, a numeric date, and a planning table with
/// a "Datum" column above the header's own date.
const NOTITIE: &str = "Notitie
Onderwerp: Opvolging motie Van der Laan
Aan: DG Bestuur
Planning
Datum
Activiteit
Datum: 14-01-2026
Kenmerk: DGBEL/2026-0001

Aanleiding
De motie vraagt om een plan.
";

#[test]
fn more_templates_one_a_page() {
    let text = [FINANCIEN_COLUMNS, OCW_INFORMATIENOTA, NOTITIE].join("\u{c}");
    let found = read(&text);
    assert_eq!(
        heads(&found.notas),
        [
            (
                Some("Herziening box 3"),
                ymd(2026, 2, 12),
                Some("2026-0000034567"),
                Some(1)
            ),
            (
                Some("Uitkomsten monitor lerarentekort 2025"),
                ymd(2026, 1, 9),
                Some("51234567"),
                Some(2)
            ),
            (
                Some("Opvolging motie Van der Laan"),
                ymd(2026, 1, 14),
                Some("DGBEL/2026-0001"),
                Some(3)
            ),
        ]
    );
    let notas = &found.notas;
    assert_eq!(
        notas.iter().map(|n| n.kind).collect::<Vec<_>>(),
        [
            NotaKind::Beslisnota,
            NotaKind::Informatienota,
            NotaKind::Nota
        ]
    );
    assert_eq!(
        notas[0].addressee.as_deref(),
        Some("Minister van Financiën")
    );
    assert_eq!(notas[2].addressee.as_deref(), Some("DG Bestuur"));
    assert_eq!(
        notas[0].decision_points,
        [
            "Stemt u in met de hoofdlijnen van het wetsvoorstel?",
            "Gaat u akkoord met verzending aan de Raad van State?"
        ]
    );
    assert_eq!(
        decided(&found),
        [
            vec![(Some("Minister"), Verdict::Approved, ymd(2026, 2, 18))],
            vec![],
            vec![]
        ]
    );
    consistent(&found);
}

/// The corpus of ordinary PDFs (public test suites, no Woo bundle among
/// them) holds no nota: every nota found there is a false one. Needs the
/// corpus, which is not shipped:
///
/// ```text
/// KANTLIJN_CORPUS=../shared/corpus cargo test --test notas -- --include-ignored
/// ```
#[test]
#[ignore = "needs KANTLIJN_CORPUS"]
fn corpus_pdfs_hold_no_notas() {
    let corpus = Corpus::from_env();
    let files = corpus.files();
    let mut read = 0;
    let mut found = Vec::new();
    for file in &files {
        let Ok(report) = kantlijn::extract(corpus.root().join(file), &Options::default()) else {
            continue;
        };
        read += 1;
        for nota in &report.notas {
            found.push(format!("{file}: {:?} ({:?})", nota.title, nota.kind_text));
        }
    }
    eprintln!("notas: {read} of {} corpus files read", files.len());
    assert!(read > 300, "only {read} files read");
    assert!(
        found.is_empty(),
        "notas in the corpus:\n{}",
        found.join("\n")
    );
}
