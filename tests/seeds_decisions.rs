//! The seed documents: the text of two released Woo bundles, the
//! specification by example. They are not shipped; set `KANTLIJN_SHARED` to
//! the directory that holds `seeds/` to run these tests:
//!
//! ```text
//! KANTLIJN_SHARED=/work/shared cargo test --test seeds
//! ```
//!
//! Without the variable the tests print a note and pass; with it, a missing
//! seed is a failure.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use std::collections::BTreeSet;
use std::path::PathBuf;

use chrono::{NaiveDate, NaiveDateTime};
use kantlijn::{
    DateBasis, Decision, SightingRef, Source, Statement, Verdict, Vocabulary, build_register,
    stamp_lines,
};

const SEED_000: &str = "000_21c0650d9c2a28dd.txt";
const SEED_001: &str = "001_407977911803cf9d.txt";

/// The seed's text, or `None` (with a note) when `KANTLIJN_SHARED` is unset.
fn seed(name: &str) -> Option<String> {
    let Some(shared) = std::env::var_os("KANTLIJN_SHARED") else {
        eprintln!("skipped: set KANTLIJN_SHARED to the directory holding seeds/ to run this test");
        return None;
    };
    let path = PathBuf::from(shared).join("seeds").join(name);
    match std::fs::read_to_string(&path) {
        Ok(text) => Some(text),
        Err(error) => panic!(
            "KANTLIJN_SHARED is set but {} cannot be read: {error}",
            path.display()
        ),
    }
}

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
fn seed_000_stamp_lines() {
    let Some(text) = seed(SEED_000) else { return };
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
fn seed_000_register() {
    let Some(text) = seed(SEED_000) else { return };
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
fn seed_000_every_line_read_as_a_comment() {
    // The strictest false-positive check: every line of the seed, read alone
    // in the lenient comment mode, may only be one of the decision texts.
    let Some(text) = seed(SEED_000) else { return };
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
fn seed_001_register() {
    let Some(text) = seed(SEED_001) else { return };
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
fn seed_001_every_line_read_as_a_comment() {
    let Some(text) = seed(SEED_001) else { return };
    let statements: Vec<Statement<'_>> = text
        .lines()
        .map(|line| Statement::new(line, Source::Annotation))
        .collect();
    let decisions = build_register(&statements, &[], &Vocabulary::builtin());
    let texts: Vec<&str> = decisions.iter().map(|d| d.text.as_str()).collect();
    assert_eq!(texts, ["Staatssecretaris akkoord 11-9-2025 El"]);
}
