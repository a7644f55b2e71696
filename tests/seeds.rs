//! The seed documents: the text of two released Woo bundles, the
//! specification by example, read by the comment-summary parser, the stamp
//! reader and the decision register, alone and through the whole pipeline.
//!
//! They are not shipped, so the tests are ignored unless asked for, with
//! `KANTLIJN_SHARED` naming the directory that holds `seeds/`:
//!
//! ```text
//! KANTLIJN_SHARED=../shared cargo test --test seeds -- --include-ignored
//! ```

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use std::collections::BTreeSet;

use chrono::{NaiveDate, NaiveDateTime};
use kantlijn::{
    Comment, DateBasis, Decision, SightingRef, Source, Statement, SummaryLocale, Verdict,
    Vocabulary, build_register, parse_summaries, stamp_lines, text_pages,
};
use support::data::{SEED_000, SEED_001, seed, seed_path};

mod support;

fn comments(text: &str) -> Vec<Comment> {
    parse_summaries(text_pages(text), &SummaryLocale::builtin())
}

/// One entry as read off the seed by eye.
struct Expected {
    summary_of: Option<&'static str>,
    target_page: Option<usize>,
    number: Option<u32>,
    author: Option<&'static str>,
    subject: &'static str,
    subtype: Option<&'static str>,
    date: Option<&'static str>,
    date_text: &'static str,
    contents: Option<&'static str>,
    fragment: bool,
}

const TEKENVERSIE: Option<&str> =
    Some("Beslisnota - Tekenversie brief voortang gezond en veilig werken");
const OPENBAAR: Option<&str> = Some("OPENBAAR MAKEN Beslisnota's.pdf");
const VERVOLG: Option<&str> =
    Some("Beslisnota - Vervolg wetsvoorstel verplichte gedragscode of alternatieve aanpak");
const AARTSEN: Option<&str> = Some("Aartsen, A.A.");

/// A complete entry: where it applies (`summary_of`, `target_page`), then
/// its fields.
fn entry(
    at: (Option<&'static str>, Option<usize>),
    number: u32,
    author: Option<&'static str>,
    subject: &'static str,
    subtype: Option<&'static str>,
    date: (&'static str, Option<&'static str>),
    contents: Option<&'static str>,
) -> Expected {
    Expected {
        summary_of: at.0,
        target_page: at.1,
        number: Some(number),
        author,
        subject,
        subtype,
        date_text: date.0,
        date: date.1,
        contents,
        fragment: false,
    }
}

fn fragment(date_text: &'static str, date: &'static str) -> Expected {
    Expected {
        summary_of: None,
        target_page: None,
        number: None,
        author: None,
        subject: "Markering",
        subtype: Some("Highlight"),
        date: Some(date),
        date_text,
        contents: None,
        fragment: true,
    }
}

const UNDATED: (&str, Option<&str>) = ("Onbepaald", None);

#[rustfmt::skip]
fn seed_000_entries() -> Vec<Expected> {
    let ft = Some("FreeText");
    let hl = Some("Highlight");
    vec![
        // The signing version of the letter: header, "Pagina: 1", three entries.
        entry((TEKENVERSIE, Some(1)), 1, AARTSEN, "Tekst plaatsen", ft,
            ("8-6-2026 09:11:02", Some("2026-06-08T09:11:02")), Some("MWP akkoord 8/6")),
        entry((TEKENVERSIE, Some(1)), 2, AARTSEN, "Free Hand", Some("Ink"), UNDATED, None),
        entry((TEKENVERSIE, Some(1)), 3, AARTSEN, "(Unknown)", None, UNDATED,
            Some("Graag passage over zzp aanpassen zodat die termen niet door elkaar worden \
                  gebruikt. Wanneer er een gezagsrelatie is vastgesteld, is er geen sprake meer \
                  van zzp. Ik wil dat wel zuiver houden.")),
        // Kidfluencing: header "OPENBAAR MAKEN Beslisnota's.pdf", "Pagina: 1".
        entry((OPENBAAR, Some(1)), 1, AARTSEN, "FreeText", ft, UNDATED,
            Some("MWP besproken 24-3-2026")),
        // Empty author; the body resumes after two blank lines.
        entry((OPENBAAR, Some(1)), 2, None, "Markering", hl,
            ("27-5-2026 15:54:32", Some("2026-05-27T15:54:32")), None),
        // Gedragscode: "Pagina: 4" after body text, no header above it.
        entry((None, Some(4)), 1, AARTSEN, "Tekst plaatsen", ft,
            ("30-3-2026 22:11:55", Some("2026-03-30T22:11:55")),
            Some("MWP niet akkoord 30-3-2026")),
        entry((None, Some(4)), 2, None, "Markering", hl,
            ("27-5-2026 11:43:22", Some("2026-05-27T11:43:22")), None),
        // The note's text after one blank line; the body's bullets after the next.
        entry((None, Some(4)), 3, AARTSEN, "(Unknown)", None, UNDATED,
            Some("Optie 2; Een belangrijk onderwerp maar twijfels over wettelijk vastleggen van \
                  een gedragscode (die ook al het gevaar in zich draagt slechts op papier te \
                  bestaan) wettelijk vastleggen staat haaks op de ambitie van de Kamer en \
                  kabinet om regeldruk tegen te gaan. Ook bij MKB lijkt me dit onnodig lastig en \
                  de vraag is om het wettelijk vastleggen helpt. Beter inzetten op sectorale \
                  aandacht via branche waar bijv veel sprake is van ongewenst gedrag of \
                  publiekscampagnes.")),
        // Beleidsstaf: the tab-separated "Pagina: 8" block.
        entry((None, Some(8)), 1, AARTSEN, "FreeText", ft, UNDATED,
            Some("MWP besproken 20-4-2026")),
        entry((None, Some(8)), 2, None, "Markering", hl,
            ("27-5-2026 12:08:35", Some("2026-05-27T12:08:35")), None),
        entry((None, Some(8)), 3, AARTSEN, "(Unknown)", None, UNDATED,
            Some("Misschien wel goed dat we even een deepdive doen om gezamenlijke visie te \
                  ontwikkelen. Hoewel niet mijn hoofdprio heb ik G&VW wel benoemd als een van de \
                  5 grote lopende dossiers waarop we door moeten dus goed daar even tijd voor te \
                  nemen.")),
        entry((None, Some(9)), 1, AARTSEN, "(Unknown)", None, UNDATED,
            Some("Toezegging Patijn debat Rechtsvermoeden")),
        // Followed by the table row "Afsluiting\t" after a blank line.
        entry((None, Some(9)), 2, AARTSEN, "(Unknown)", None, UNDATED,
            Some("Volgens mij was dat niet de afdrank van ons eerdere gesprek. Alternatieven \
                  waren juist via de DSA en wetgeving die EZK\\Stass Digi maakt")),
        // Nine highlights that lost number and author, after the e-mail.
        fragment("27-5-2026 11:41:48", "2026-05-27T11:41:48"),
        fragment("27-5-2026 11:41:52", "2026-05-27T11:41:52"),
        fragment("27-5-2026 11:41:55", "2026-05-27T11:41:55"),
        fragment("27-5-2026 11:41:58", "2026-05-27T11:41:58"),
        fragment("27-5-2026 11:42:02", "2026-05-27T11:42:02"),
        fragment("27-5-2026 11:42:06", "2026-05-27T11:42:06"),
        fragment("27-5-2026 11:42:13", "2026-05-27T11:42:13"),
        fragment("27-5-2026 11:42:18", "2026-05-27T11:42:18"),
        fragment("27-5-2026 11:42:24", "2026-05-27T11:42:24"),
        // Vervolg gedragscode: "☰" icon; the body resumes after one blank line.
        entry((VERVOLG, Some(1)), 1, AARTSEN, "Tekst plaatsen", ft,
            ("7-5-2026 11:49:21", Some("2026-05-07T11:49:21")),
            Some("MWP bespreken 7-5-2026")),
        // Verzamelbrief: header and page line lost, body text above.
        entry((None, None), 1, AARTSEN, "FreeText", ft, UNDATED,
            Some("MWP besproken 26-5-2026")),
        // "[redacted]" author; the heading "Toelichting" after a blank line is body.
        entry((None, None), 2, Some("[redacted]"), "Markering", hl,
            ("27-5-2026 12:47:41", Some("2026-05-27T12:47:41")), None),
        entry((None, None), 1, AARTSEN, "(Unknown)", None, UNDATED,
            Some("Zit hier mijn gesprek met Hamer ook al in? De afspraak dat we verder gaan met \
                  die sectorale aanpak. Dat is net wat steviger dan hoe het hier staat \
                  geformuleerd")),
    ]
}

#[test]
#[ignore = "needs KANTLIJN_SHARED"]
fn seed_000_entries_and_fragments() {
    let text = seed(SEED_000);
    let found = comments(&text);
    let expected = seed_000_entries();
    assert_eq!(found.iter().filter(|c| !c.fragment).count(), 17);
    assert_eq!(found.iter().filter(|c| c.fragment).count(), 9);
    assert_eq!(found.len(), expected.len());
    for (index, (c, e)) in found.iter().zip(&expected).enumerate() {
        let at = format!("entry {index}: {c:#?}");
        assert_eq!(c.summary_of.as_deref(), e.summary_of, "{at}");
        assert_eq!(c.target_page, e.target_page, "{at}");
        assert_eq!(c.number, e.number, "{at}");
        assert_eq!(c.author.as_deref(), e.author, "{at}");
        assert_eq!(c.subject.as_deref(), Some(e.subject), "{at}");
        assert_eq!(c.subtype.as_ref().map(|s| s.name()), e.subtype, "{at}");
        let date = c.date.map(|d| d.format("%Y-%m-%dT%H:%M:%S").to_string());
        assert_eq!(date.as_deref(), e.date, "{at}");
        assert_eq!(c.date_text.as_deref(), Some(e.date_text), "{at}");
        assert_eq!(c.contents.as_deref(), e.contents, "{at}");
        assert_eq!(c.page, None, "{at}");
        assert_eq!(c.fragment, e.fragment, "{at}");
        assert_eq!(c.locale, "nl", "{at}");
        assert_eq!(c.annotation, None, "{at}");
    }
}

#[test]
#[ignore = "needs KANTLIJN_SHARED"]
fn seed_000_split_into_pages() {
    // The same text with a form feed before every header: the entries keep
    // their values and gain the number of the page they are printed on.
    let text = seed(SEED_000);
    let paged = text.replace(
        "Overzicht van opmerkingen bij",
        "\x0cOverzicht van opmerkingen bij",
    );
    let found = comments(&paged);
    let plain = comments(&text);
    assert_eq!(found.len(), plain.len());
    let pages: Vec<Option<usize>> = found.iter().map(|c| c.page).collect();
    let mut expected = vec![Some(2); 3];
    expected.extend([Some(3); 19]);
    expected.extend([Some(4); 4]);
    assert_eq!(pages, expected);
    for (a, b) in found.iter().zip(&plain) {
        assert_eq!(
            (&a.contents, a.target_page, a.number),
            (&b.contents, b.target_page, b.number)
        );
    }
}

#[test]
#[ignore = "needs KANTLIJN_SHARED"]
fn seed_001_has_no_summary() {
    let text = seed(SEED_001);
    assert_eq!(comments(&text), []);
}

/// The seed as an input file, through the whole pipeline (`kantlijn::extract`).
fn seed_report(name: &str) -> kantlijn::Report {
    kantlijn::extract(seed_path(name), &kantlijn::Options::default())
        .unwrap_or_else(|error| panic!("the seed cannot be read: {error}"))
}

/// (actor, verdict, date, date basis, option, sources it was seen in), as
/// read off the seed: the stamps at the top of each nota and the entries of
/// the printed summaries.
type ExpectedDecision = (
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    Option<u32>,
    &'static [&'static str],
);

/// The same, owned, as read from a report.
type Found = (String, String, String, String, Option<u32>, Vec<String>);

fn decisions_of(report: &kantlijn::Report) -> Vec<Found> {
    let json = serde_json::to_value(&report.decisions).expect("decisions serialise");
    json.as_array()
        .expect("an array")
        .iter()
        .map(|d| {
            let text = |key: &str| d[key].as_str().unwrap_or_default().to_owned();
            let sources = d["seen_in"]
                .as_array()
                .expect("seen_in")
                .iter()
                .map(|s| s["source"].as_str().unwrap_or_default().to_owned())
                .collect();
            (
                text("actor"),
                text("verdict"),
                text("date"),
                text("date_basis"),
                d["option"].as_u64().and_then(|o| u32::try_from(o).ok()),
                sources,
            )
        })
        .collect()
}

fn assert_decisions(report: &kantlijn::Report, expected: &[ExpectedDecision]) {
    let got = decisions_of(report);
    let want: Vec<_> = expected
        .iter()
        .map(|(actor, verdict, date, basis, option, sources)| {
            (
                (*actor).to_owned(),
                (*verdict).to_owned(),
                (*date).to_owned(),
                (*basis).to_owned(),
                *option,
                sources.iter().map(|s| (*s).to_owned()).collect::<Vec<_>>(),
            )
        })
        .collect();
    assert_eq!(got, want);
}

#[test]
#[ignore = "needs KANTLIJN_SHARED"]
fn seed_000_decision_register_end_to_end() {
    let report = seed_report(SEED_000);
    assert_eq!(report.comments.len(), 26);
    assert_decisions(
        &report,
        &[
            (
                "MWP",
                "approved",
                "2026-06-08",
                "summary_entry",
                None,
                &["comment_summary"],
            ),
            (
                "MWP",
                "discussed",
                "2026-03-24",
                "explicit",
                None,
                &["comment_summary", "page_text"],
            ),
            (
                "MWP",
                "rejected",
                "2026-03-30",
                "explicit",
                Some(2),
                &["comment_summary", "comment_summary", "page_text"],
            ),
            (
                "MWP",
                "discussed",
                "2026-04-20",
                "explicit",
                None,
                &["comment_summary", "page_text"],
            ),
            (
                "MWP",
                "to_discuss",
                "2026-05-07",
                "explicit",
                None,
                &["comment_summary", "page_text"],
            ),
            (
                "MWP",
                "discussed",
                "2026-05-26",
                "explicit",
                None,
                &["comment_summary", "page_text"],
            ),
        ],
    );
}

#[test]
#[ignore = "needs KANTLIJN_SHARED"]
fn seed_001_decision_register_end_to_end() {
    let report = seed_report(SEED_001);
    assert!(report.comments.is_empty());
    assert_decisions(
        &report,
        &[(
            "Staatssecretaris",
            "approved",
            "2025-09-11",
            "explicit",
            None,
            &["page_text"],
        )],
    );
}

// The decision register.

fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn moment(text: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(text, "%d-%m-%Y %H:%M:%S").unwrap()
}

/// One complete entry of seed 000's printed comment summaries, as read off
/// the seed: the "Pagina" it sits under (none for the last three, whose
/// page line was lost), the "Nummer", "Auteur" and "Datum" fields
/// ("Onbepaald" as `None`) and the comment text. The nine fragments that lost
/// their number, author and text ("Onderwerp: Markering Datum: 27-5-2026
/// 11:41:48" …) carry no text and are left out.
struct Entry {
    target_page: Option<usize>,
    number: usize,
    author: &'static str,
    date: Option<&'static str>,
    text: &'static str,
}

const SEED_000_SUMMARY: &[Entry] = &[
    // "Overzicht van opmerkingen bij Beslisnota - Tekenversie brief voortang gezond en veilig werken"
    Entry {
        target_page: Some(1),
        number: 1,
        author: "Aartsen, A.A.",
        date: Some("8-6-2026 09:11:02"),
        text: "MWP akkoord 8/6 ",
    },
    Entry {
        target_page: Some(1),
        number: 2,
        author: "Aartsen, A.A.",
        date: None,
        text: "",
    },
    Entry {
        target_page: Some(1),
        number: 3,
        author: "Aartsen, A.A.",
        date: None,
        text: "Graag passage over zzp aanpassen zodat die termen niet door elkaar worden gebruikt. Wanneer er een gezagsrelatie is vastgesteld, is er geen sprake meer van zzp. Ik wil dat wel zuiver houden.",
    },
    // "Overzicht van opmerkingen bij OPENBAAR MAKEN Beslisnota's.pdf"
    Entry {
        target_page: Some(1),
        number: 1,
        author: "Aartsen, A.A.",
        date: None,
        text: "MWP besproken 24-3-2026 ",
    },
    Entry {
        target_page: Some(1),
        number: 2,
        author: "",
        date: Some("27-5-2026 15:54:32"),
        text: "",
    },
    Entry {
        target_page: Some(4),
        number: 1,
        author: "Aartsen, A.A.",
        date: Some("30-3-2026 22:11:55"),
        text: "MWP niet akkoord 30-3-2026 ",
    },
    Entry {
        target_page: Some(4),
        number: 2,
        author: "",
        date: Some("27-5-2026 11:43:22"),
        text: "",
    },
    Entry {
        target_page: Some(4),
        number: 3,
        author: "Aartsen, A.A.",
        date: None,
        text: "Optie 2; Een belangrijk onderwerp maar twijfels over wettelijk vastleggen van een gedragscode (die ook al het gevaar in zich draagt slechts op papier te bestaan) wettelijk vastleggen staat haaks op de ambitie van de Kamer en kabinet om regeldruk tegen te gaan. Ook bij MKB lijkt me dit onnodig lastig en de vraag is om het wettelijk vastleggen helpt. Beter inzetten op sectorale aandacht via branche waar bijv veel sprake is van ongewenst gedrag of publiekscampagnes.",
    },
    Entry {
        target_page: Some(8),
        number: 1,
        author: "Aartsen, A.A.",
        date: None,
        text: "MWP besproken 20-4-2026 ",
    },
    Entry {
        target_page: Some(8),
        number: 2,
        author: "",
        date: Some("27-5-2026 12:08:35"),
        text: "",
    },
    Entry {
        target_page: Some(8),
        number: 3,
        author: "Aartsen, A.A.",
        date: None,
        text: "Misschien wel goed dat we even een deepdive doen om gezamenlijke visie te ontwikkelen. Hoewel niet mijn hoofdprio heb ik G&VW wel benoemd als een van de 5 grote lopende dossiers waarop we door moeten dus goed daar even tijd voor te nemen.",
    },
    Entry {
        target_page: Some(9),
        number: 1,
        author: "Aartsen, A.A.",
        date: None,
        text: "Toezegging Patijn debat Rechtsvermoeden",
    },
    Entry {
        target_page: Some(9),
        number: 2,
        author: "Aartsen, A.A.",
        date: None,
        text: "Volgens mij was dat niet de afdrank van ons eerdere gesprek. Alternatieven waren juist via de DSA en wetgeving die EZK\\Stass Digi maakt",
    },
    // "Overzicht van opmerkingen bij Beslisnota - Vervolg wetsvoorstel verplichte gedragscode of alternatieve aanpak"
    Entry {
        target_page: Some(1),
        number: 1,
        author: "Aartsen, A.A.",
        date: Some("7-5-2026 11:49:21"),
        text: "MWP bespreken 7-5-2026",
    },
    // Printed inside the "Verzamelbrief" nota, without a "Pagina" line.
    Entry {
        target_page: None,
        number: 1,
        author: "Aartsen, A.A.",
        date: None,
        text: "MWP besproken 26-5-2026",
    },
    Entry {
        target_page: None,
        number: 2,
        author: "[redacted]",
        date: Some("27-5-2026 12:47:41"),
        text: "",
    },
    Entry {
        target_page: None,
        number: 1,
        author: "Aartsen, A.A.",
        date: None,
        text: "Zit hier mijn gesprek met Hamer ook al in? De afspraak dat we verder gaan met die sectorale aanpak. Dat is net wat steviger dan hoe het hier staat geformuleerd",
    },
];

fn summary_statements() -> Vec<Statement<'static>> {
    SEED_000_SUMMARY
        .iter()
        .enumerate()
        .map(|(index, entry)| {
            let mut statement = Statement::new(entry.text, Source::CommentSummary)
                .with_reference(SightingRef::Comment(index));
            statement.target_page = entry.target_page;
            if !entry.author.is_empty() {
                statement = statement.with_author(entry.author);
            }
            if let Some(date) = entry.date {
                statement = statement.with_written(moment(date));
            }
            assert!(entry.number >= 1);
            statement
        })
        .collect()
}

fn key(decision: &Decision) -> (Option<String>, Verdict, Option<NaiveDate>) {
    (decision.actor.clone(), decision.verdict, decision.date)
}

fn print(decisions: &[Decision]) {
    for decision in decisions {
        eprintln!("{}", serde_json::to_string(decision).unwrap());
    }
}

#[test]
#[ignore = "needs KANTLIJN_SHARED"]
fn seed_000_stamp_lines() {
    let text = seed(SEED_000);
    let vocabulary = Vocabulary::builtin();
    let found: Vec<(&str, Option<NaiveDate>)> = stamp_lines(&text, &vocabulary)
        .iter()
        .map(|stamp| (stamp.text, stamp.nota_date))
        .collect();
    // The burned-in stamps at the top of five notas, each followed by the
    // nota's "Datum"; the summary entries that repeat them are not stamps.
    assert_eq!(
        found,
        [
            ("MWP besproken 24-3-2026", Some(ymd(2026, 3, 5))),
            ("MWP niet akkoord 30-3-2026 1", Some(ymd(2026, 3, 24))),
            ("MWP besproken 20-4-2026  1", Some(ymd(2026, 4, 14))),
            ("MWP bespreken 7-5-2026", Some(ymd(2026, 4, 13))),
            ("MWP besproken 26-5-2026  1", Some(ymd(2026, 5, 20))),
        ]
    );
}

#[test]
#[ignore = "needs KANTLIJN_SHARED"]
fn seed_000_register() {
    let text = seed(SEED_000);
    let vocabulary = Vocabulary::builtin();
    let mut statements: Vec<Statement<'_>> = stamp_lines(&text, &vocabulary)
        .iter()
        .map(|stamp| stamp.statement())
        .collect();
    statements.extend(summary_statements());
    let decisions = build_register(&statements, &[], &vocabulary);
    print(&decisions);

    let mwp = Some("MWP".to_owned());
    let found: BTreeSet<_> = decisions.iter().map(key).collect();
    let expected: BTreeSet<_> = [
        (mwp.clone(), Verdict::Approved, Some(ymd(2026, 6, 8))),
        (mwp.clone(), Verdict::Discussed, Some(ymd(2026, 3, 24))),
        (mwp.clone(), Verdict::Rejected, Some(ymd(2026, 3, 30))),
        (mwp.clone(), Verdict::Discussed, Some(ymd(2026, 4, 20))),
        (mwp.clone(), Verdict::ToDiscuss, Some(ymd(2026, 5, 7))),
        (mwp.clone(), Verdict::Discussed, Some(ymd(2026, 5, 26))),
    ]
    .into_iter()
    .collect();
    assert_eq!(decisions.len(), 6);
    assert_eq!(found, expected);

    for decision in &decisions {
        assert_eq!(
            decision.actor_title.as_deref(),
            Some("Minister van Werk en Participatie")
        );
        assert!(!decision.actor_from_author);
    }
    let by_date = |date: NaiveDate| decisions.iter().find(|d| d.date == Some(date)).unwrap();
    // Only in the summary; the year is the entry's Datum.
    let approved = by_date(ymd(2026, 6, 8));
    assert_eq!(approved.date_text.as_deref(), Some("8/6"));
    assert_eq!(approved.date_basis, Some(DateBasis::SummaryEntry));
    assert_eq!(approved.seen_in.len(), 1);
    // Burned in and summarised: one decision seen twice.
    for date in [
        ymd(2026, 3, 24),
        ymd(2026, 4, 20),
        ymd(2026, 5, 7),
        ymd(2026, 5, 26),
    ] {
        let decision = by_date(date);
        assert_eq!(decision.date_basis, Some(DateBasis::Explicit));
        let sources: BTreeSet<Source> = decision.seen_in.iter().map(|s| s.source).collect();
        assert_eq!(
            sources,
            [Source::CommentSummary, Source::PageText]
                .into_iter()
                .collect(),
            "{date}"
        );
        assert_eq!(decision.seen_in.len(), 2, "{date}");
    }
    // The choice under it on summary page 4 enriches the rejection.
    let rejected = by_date(ymd(2026, 3, 30));
    assert_eq!(rejected.verdict, Verdict::Rejected);
    assert_eq!(rejected.option, Some(2));
    assert!(
        rejected
            .remark
            .as_deref()
            .unwrap()
            .starts_with("Een belangrijk onderwerp maar twijfels")
    );
    assert_eq!(rejected.seen_in.len(), 3);
    let to_discuss = by_date(ymd(2026, 5, 7));
    assert_eq!(to_discuss.verdict, Verdict::ToDiscuss);
}

#[test]
#[ignore = "needs KANTLIJN_SHARED"]
fn seed_000_every_line_read_as_a_comment() {
    // The strictest false-positive check: every line of the seed, read alone
    // in the lenient comment mode, may only be one of the decision texts.
    let text = seed(SEED_000);
    let statements: Vec<Statement<'_>> = text
        .lines()
        .enumerate()
        .map(|(index, line)| {
            Statement::new(line, Source::Annotation)
                .with_page(index + 1)
                .with_author("Aartsen, A.A.")
        })
        .collect();
    let decisions = build_register(&statements, &[], &Vocabulary::builtin());
    let texts: BTreeSet<&str> = decisions
        .iter()
        .flat_map(|d| d.seen_in.iter().map(|s| s.text.as_str()))
        .collect();
    let allowed: BTreeSet<&str> = [
        "MWP akkoord 8/6",
        "MWP besproken 24-3-2026",
        "MWP niet akkoord 30-3-2026",
        "MWP niet akkoord 30-3-2026 1",
        "MWP besproken 20-4-2026",
        "MWP besproken 20-4-2026  1",
        "MWP bespreken 7-5-2026",
        "MWP besproken 26-5-2026",
        "MWP besproken 26-5-2026  1",
    ]
    .into_iter()
    .collect();
    let unexpected: Vec<&&str> = texts
        .iter()
        .filter(|t| !allowed.contains(**t) && !t.starts_with("Optie 2; Een belangrijk onderwerp"))
        .collect();
    assert!(unexpected.is_empty(), "not decisions: {unexpected:?}");
    assert_eq!(texts.len(), allowed.len() + 1, "{texts:?}");
}

#[test]
#[ignore = "needs KANTLIJN_SHARED"]
fn seed_001_register() {
    let text = seed(SEED_001);
    let vocabulary = Vocabulary::builtin();
    let stamps = stamp_lines(&text, &vocabulary);
    assert_eq!(stamps.len(), 1);
    assert_eq!(stamps[0].text, "Staatssecretaris akkoord 11-9-2025 El");
    assert_eq!(stamps[0].line, 4);
    // The nota carries no "Datum".
    assert_eq!(stamps[0].nota_date, None);
    let statements: Vec<Statement<'_>> = stamps.iter().map(|stamp| stamp.statement()).collect();
    let decisions = build_register(&statements, &[], &vocabulary);
    print(&decisions);
    assert_eq!(decisions.len(), 1);
    let decision = &decisions[0];
    assert_eq!(decision.actor.as_deref(), Some("Staatssecretaris"));
    assert_eq!(decision.actor_title.as_deref(), Some("Staatssecretaris"));
    assert_eq!(decision.verdict, Verdict::Approved);
    assert_eq!(decision.date, Some(ymd(2025, 9, 11)));
    assert_eq!(decision.date_basis, Some(DateBasis::Explicit));
    assert_eq!(decision.source, Source::PageText);
    assert_eq!(decision.reference, Some(SightingRef::Line(4)));
}

#[test]
#[ignore = "needs KANTLIJN_SHARED"]
fn seed_001_every_line_read_as_a_comment() {
    let text = seed(SEED_001);
    let statements: Vec<Statement<'_>> = text
        .lines()
        .map(|line| Statement::new(line, Source::Annotation))
        .collect();
    let decisions = build_register(&statements, &[], &Vocabulary::builtin());
    let texts: Vec<&str> = decisions.iter().map(|d| d.text.as_str()).collect();
    assert_eq!(texts, ["Staatssecretaris akkoord 11-9-2025 El"]);
}

// The nota register.

/// One nota of a seed as read off it by eye: title, date, reference, and
/// the decision taken on it as (actor, verdict, date).
type ExpectedNota = (
    &'static str,
    Option<&'static str>,
    Option<&'static str>,
    &'static [(&'static str, &'static str, &'static str)],
);

/// The same, owned, as read from a report.
type FoundNota = (String, Option<String>, Option<String>, Vec<[String; 3]>);

fn assert_notas(report: &kantlijn::Report, expected: &[ExpectedNota]) {
    let json = serde_json::to_value(report).expect("report serialises");
    let notas = json["notas"].as_array().expect("notas");
    let got: Vec<FoundNota> = notas
        .iter()
        .map(|nota| {
            let text = |key: &str| nota[key].as_str().map(str::to_owned);
            let decisions = nota["decisions"]
                .as_array()
                .expect("decision indices")
                .iter()
                .map(|index| {
                    let decision = &json["decisions"][index.as_u64().expect("index") as usize];
                    ["actor", "verdict", "date"]
                        .map(|key| decision[key].as_str().unwrap_or_default().to_owned())
                })
                .collect();
            (
                text("title").unwrap_or_default(),
                text("date"),
                text("reference"),
                decisions,
            )
        })
        .collect();
    let want: Vec<FoundNota> = expected
        .iter()
        .map(|(title, date, reference, decisions)| {
            (
                (*title).to_owned(),
                date.map(str::to_owned),
                reference.map(str::to_owned),
                decisions
                    .iter()
                    .map(|d| [d.0, d.1, d.2].map(str::to_owned))
                    .collect(),
            )
        })
        .collect();
    assert_eq!(got, want);
    // Each decision names the nota that lists it.
    for (index, nota) in notas.iter().enumerate() {
        for decision in nota["decisions"].as_array().expect("decision indices") {
            let decision = &json["decisions"][decision.as_u64().expect("index") as usize];
            assert_eq!(decision["nota"], index);
        }
    }
}

#[test]
#[ignore = "needs KANTLIJN_SHARED"]
fn seed_000_nota_register_end_to_end() {
    let report = seed_report(SEED_000);
    assert_notas(
        &report,
        &[
            (
                "Tekenversie brief voortgang gezond en veilig werken",
                Some("2026-05-27"),
                Some("2026- [redacted]"),
                &[("MWP", "approved", "2026-06-08")],
            ),
            (
                "Kidfluencing",
                Some("2026-03-05"),
                Some("2026-"),
                &[("MWP", "discussed", "2026-03-24")],
            ),
            (
                "Vervolg wetsvoorstel gedragscode",
                Some("2026-03-24"),
                Some("2026-"),
                &[("MWP", "rejected", "2026-03-30")],
            ),
            (
                "Beleidsstaf MWP, 20/4: Voortgangsbrief Gezond en Veilig Werken.",
                Some("2026-04-14"),
                Some("2026-"),
                &[("MWP", "discussed", "2026-04-20")],
            ),
            (
                "Vervolg wetsvoorstel verplichte gedragscode of alternatieve aanpak",
                Some("2026-04-13"),
                Some("2026-"),
                &[("MWP", "to_discuss", "2026-05-07")],
            ),
            (
                "Alternatieven wet- en regelgeving kidfluencing",
                Some("2026-05-04"),
                Some("2026-"),
                &[],
            ),
            (
                "Verzamelbrief Gezond en Veilig Werken",
                Some("2026-05-20"),
                Some("2026"),
                &[("MWP", "discussed", "2026-05-26")],
            ),
        ],
    );
    // The fourth nota asks three questions under "Beslispunten".
    assert_eq!(
        report.notas[3].decision_points,
        [
            "Gaat u akkoord met de voorgestelde inhoud van de Voortgangsbrief G&VW?",
            "Hebt u verder wensen voor de inhoud van de brief?",
            "Gaat u akkoord met de voorgestelde planning?"
        ]
    );
    assert_eq!(
        report.notas[0].deadline_text.as_deref(),
        Some("1 juni 2026")
    );
    // Text without page breaks: no pages.
    assert!(report.notas.iter().all(|n| n.first_page.is_none()));
}

#[test]
#[ignore = "needs KANTLIJN_SHARED"]
fn seed_001_nota_register_end_to_end() {
    let report = seed_report(SEED_001);
    // OCR split the document word ("n Ota"); the nota has no date.
    assert_notas(
        &report,
        &[(
            "Signaal Arbeidsinspectie kidfluencers",
            None,
            None,
            &[("Staatssecretaris", "approved", "2025-09-11")],
        )],
    );
    assert_eq!(
        report.notas[0].addressee.as_deref(),
        Some("Staatssecretaris Participatie en Integratie")
    );
}
