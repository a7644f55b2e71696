//! The comment-summary parser on the seed documents: text of real released
//! Woo documents, kept outside the repository.
//!
//! Run with `KANTLIJN_SHARED=/path/to/shared cargo test --test seeds`; the
//! directory holds `seeds/`. Without the variable the tests print a note and
//! pass; with it, a missing file fails them.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use std::path::PathBuf;

use kantlijn::{Comment, SummaryLocale, parse_summaries, text_pages};

const SEED_000: &str = "000_21c0650d9c2a28dd.txt";
const SEED_001: &str = "001_407977911803cf9d.txt";

/// The seed's text; `None` when `KANTLIJN_SHARED` is not set, an error when
/// it is set and the file cannot be read.
fn seed(name: &str) -> Option<Result<String, String>> {
    let Some(shared) = std::env::var_os("KANTLIJN_SHARED") else {
        eprintln!("KANTLIJN_SHARED is not set: skipping the seed test on {name}");
        return None;
    };
    let path = PathBuf::from(shared).join("seeds").join(name);
    Some(std::fs::read_to_string(&path).map_err(|error| {
        format!(
            "KANTLIJN_SHARED is set but {} cannot be read: {error}",
            path.display()
        )
    }))
}

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
fn seed_000_entries_and_fragments() {
    let Some(text) = seed(SEED_000) else { return };
    let text = text.unwrap();
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
fn seed_000_split_into_pages() {
    // The same text with a form feed before every header: the entries keep
    // their values and gain the number of the page they are printed on.
    let Some(text) = seed(SEED_000) else { return };
    let text = text.unwrap();
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
fn seed_001_has_no_summary() {
    let Some(text) = seed(SEED_001) else { return };
    let text = text.unwrap();
    assert_eq!(comments(&text), []);
}

/// The seed as an input file, through the whole pipeline (`kantlijn::extract`):
/// its report, or `None` when `KANTLIJN_SHARED` is not set.
fn seed_report(name: &str) -> Option<kantlijn::Report> {
    let shared = std::env::var_os("KANTLIJN_SHARED")?;
    let path = PathBuf::from(shared).join("seeds").join(name);
    match kantlijn::extract(&path, &kantlijn::Options::default()) {
        Ok(report) => Some(report),
        Err(error) => panic!("KANTLIJN_SHARED is set but the seed cannot be read: {error}"),
    }
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
fn seed_000_decision_register_end_to_end() {
    let Some(report) = seed_report(SEED_000) else {
        eprintln!("KANTLIJN_SHARED is not set: skipping the end-to-end seed test");
        return;
    };
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
fn seed_001_decision_register_end_to_end() {
    let Some(report) = seed_report(SEED_001) else {
        eprintln!("KANTLIJN_SHARED is not set: skipping the end-to-end seed test");
        return;
    };
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
