//! The shipped fixtures read back: the values `fixtures/README.md` states
//! (written from the builder's side, independently of this reader), and a
//! golden JSON report per fixture in `tests/golden/` so that any change of
//! output is seen. After an intended change, regenerate the goldens with
//! `KANTLIJN_BLESS=1 cargo test --test golden` and read the diff.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use std::path::Path;

use kantlijn::{Document, Error, Options, Report, Subtype};
use serde_json::Value;

fn open(name: &str) -> Document {
    Document::open(format!("fixtures/{name}")).unwrap_or_else(|e| panic!("{e}"))
}

fn report(name: &str) -> Report {
    kantlijn::extract(format!("fixtures/{name}"), &Options::default())
        .unwrap_or_else(|e| panic!("{e}"))
}

fn by_name<'d>(doc: &'d Document, nm: &str) -> &'d kantlijn::Annotation {
    doc.annotations()
        .iter()
        .find(|a| a.name.as_deref() == Some(nm))
        .unwrap_or_else(|| panic!("no annotation named {nm}"))
}

#[test]
fn golden_reports() {
    let bless = std::env::var_os("KANTLIJN_BLESS").is_some();
    let golden_dir = Path::new("tests/golden");
    let mut names: Vec<String> = std::fs::read_dir("fixtures")
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".pdf") || n.ends_with(".txt"))
        .collect();
    names.sort();
    assert!(names.len() >= 17, "fixtures missing: {names:?}");
    let mut changed = Vec::new();
    for name in names {
        let report = kantlijn::extract(format!("fixtures/{name}"), &Options::default())
            .unwrap_or_else(|error| Report::failed(format!("fixtures/{name}"), &error));
        let json = serde_json::to_string_pretty(&report).unwrap() + "\n";
        let golden = golden_dir.join(format!("{name}.json"));
        if bless {
            std::fs::create_dir_all(golden_dir).unwrap();
            std::fs::write(&golden, &json).unwrap();
        } else if std::fs::read_to_string(&golden).ok().as_deref() != Some(json.as_str()) {
            changed.push(name);
        }
    }
    assert!(
        changed.is_empty(),
        "reports differ from tests/golden for {changed:?} (KANTLIJN_BLESS=1 regenerates)"
    );
}

#[test]
fn beslisnota_carries_seed_000s_comments() {
    let doc = open("beslisnota.pdf");
    assert_eq!(doc.page_count(), 2);
    assert!(!doc.is_encrypted());
    assert!(doc.warnings().is_empty(), "{:?}", doc.warnings());
    let subtypes: Vec<&str> = doc.annotations().iter().map(|a| a.subtype.name()).collect();
    assert_eq!(
        subtypes,
        ["FreeText", "Highlight", "Ink", "Text", "Text", "Highlight"]
    );

    let typed = &doc.annotations()[0];
    assert_eq!(
        typed.intent.as_ref().map(|n| n.name()),
        Some("FreeTextTypeWriter")
    );
    assert_eq!(typed.subject.as_deref(), Some("Tekst plaatsen"));
    assert_eq!(typed.author.as_deref(), Some("Aartsen, A.A."));
    assert_eq!(typed.contents.as_deref(), Some("MWP akkoord 8/6"));
    assert_eq!(
        typed.modified.unwrap().to_string(),
        "2026-06-08T09:11:02+02:00"
    );
    assert!(
        typed
            .rich_text
            .as_deref()
            .unwrap()
            .contains("MWP akkoord 8/6")
    );

    let highlight = &doc.annotations()[1];
    assert_eq!(highlight.subject.as_deref(), Some("Markering"));
    assert_eq!(
        highlight.author.as_deref(),
        Some(""),
        "an empty /T, as Acrobat writes it"
    );
    assert_eq!(
        highlight.modified.unwrap().to_string(),
        "2026-05-27T15:54:32+02:00"
    );
    assert_eq!(highlight.quads.as_ref().unwrap().len(), 1);
    assert!(highlight.popup.is_some());
    assert_eq!(highlight.review_states.len(), 1);
    assert_eq!(highlight.review_states[0].state, kantlijn::State::Accepted);
    assert_eq!(
        highlight.review_states[0].author.as_deref(),
        Some("Aartsen, A.A.")
    );

    let ink = &doc.annotations()[2];
    assert_eq!(
        (ink.subject.as_deref(), ink.created, ink.modified),
        (Some("Free Hand"), None, None)
    );

    let note = &doc.annotations()[3];
    assert_eq!(note.icon.as_ref().map(|n| n.name()), Some("Comment"));
    assert_eq!(
        (note.subject.as_deref(), note.created, note.modified),
        (None, None, None)
    );
    assert!(
        note.contents
            .as_deref()
            .unwrap()
            .starts_with("Graag passage over zzp aanpassen")
    );

    let reply = &doc.annotations()[4];
    assert_eq!(reply.in_reply_to, Some(highlight.reference));
    assert_eq!(
        (
            reply.state.as_ref().map(|n| n.name()),
            reply.state_model.as_ref().map(|n| n.name())
        ),
        (Some("Accepted"), Some("Review"))
    );

    let two_lines = &doc.annotations()[5];
    assert_eq!(two_lines.page, 2);
    assert_eq!(two_lines.quads.as_ref().unwrap().len(), 2);

    // The README says which words each quad covers.
    #[cfg(feature = "text")]
    {
        assert_eq!(
            highlight.text_under.as_deref(),
            Some("Het wetsvoorstel introduceert een verplichte gedragscode.")
        );
        assert_eq!(
            two_lines.text_under.as_deref(),
            Some("vraagt in een aangenomen motie om haast te maken met het wettelijk verplichten")
        );
    }

    let decisions = doc.decisions();
    assert_eq!(decisions.len(), 1);
    let json = serde_json::to_value(&decisions[0]).unwrap();
    assert_eq!(
        (
            json["actor"].as_str(),
            json["verdict"].as_str(),
            json["date"].as_str()
        ),
        (Some("MWP"), Some("approved"), Some("2026-06-08"))
    );
    assert_eq!(json["date_basis"], "annotation");
}

/// Every copy holds the same annotations as the plain file.
#[test]
fn stored_variants_read_alike() {
    let plain = serde_json::to_value(open("beslisnota.pdf").annotations()).unwrap();
    for (name, encrypted) in [
        ("beslisnota-objstm.pdf", false),
        ("beslisnota-junk.pdf", false),
        ("beslisnota-bad-xref.pdf", false),
        ("beslisnota-rc4-40.pdf", true),
        ("beslisnota-rc4-128.pdf", true),
        ("beslisnota-aes-128.pdf", true),
        ("beslisnota-aes-256.pdf", true),
    ] {
        let doc = open(name);
        assert_eq!(doc.is_encrypted(), encrypted, "{name}");
        assert_eq!(
            serde_json::to_value(doc.annotations()).unwrap(),
            plain,
            "{name}"
        );
    }
}

#[test]
fn a_real_password_is_needed_and_accepted() {
    let error = Document::open("fixtures/beslisnota-wachtwoord.pdf").unwrap_err();
    assert!(matches!(error, Error::NeedsPassword { .. }), "{error}");
    let error = Document::open_with(
        "fixtures/beslisnota-wachtwoord.pdf",
        &Options::default().with_password("fout"),
    )
    .unwrap_err();
    assert!(matches!(error, Error::WrongPassword { .. }), "{error}");
    let report = kantlijn::extract("fixtures/beslisnota-wachtwoord.pdf", &Options::default())
        .unwrap_or_else(|error| Report::failed("fixtures/beslisnota-wachtwoord.pdf", &error));
    assert!(!report.complete, "nothing was read");
    let doc = Document::open_with(
        "fixtures/beslisnota-wachtwoord.pdf",
        &Options::default().with_password("geheim"),
    )
    .unwrap();
    assert!(doc.is_complete());
    let plain = serde_json::to_value(open("beslisnota.pdf").annotations()).unwrap();
    assert_eq!(serde_json::to_value(doc.annotations()).unwrap(), plain);
    // The owner password opens it too.
    assert!(
        Document::open_with(
            "fixtures/beslisnota-wachtwoord.pdf",
            &Options::default().with_password("eigenaar")
        )
        .is_ok()
    );
}

/// A batch run with one file's password still opens the files that have
/// an empty user password: the password given is tried, then the empty
/// one.
#[test]
fn a_password_given_for_another_file_does_not_lock_this_one() {
    let plain = serde_json::to_value(open("beslisnota.pdf").annotations()).unwrap();
    for name in [
        "beslisnota-aes-128.pdf",
        "beslisnota-aes-256.pdf",
        "beslisnota-rc4-40.pdf",
        "beslisnota-rc4-128.pdf",
    ] {
        let doc = Document::open_with(
            format!("fixtures/{name}"),
            &Options::default().with_password("geheim"),
        )
        .unwrap_or_else(|error| panic!("{name}: {error}"));
        assert!(doc.is_encrypted(), "{name}");
        assert_eq!(
            serde_json::to_value(doc.annotations()).unwrap(),
            plain,
            "{name}"
        );
    }
}

#[test]
fn incremental_update_newest_revision_wins() {
    let doc = open("beslisnota-incremental.pdf");
    assert_eq!(doc.annotations().len(), 7);
    let original = open("beslisnota.pdf");
    let old_note = &original.annotations()[3];
    let new_note = doc
        .annotations()
        .iter()
        .find(|a| a.reference == old_note.reference)
        .unwrap();
    assert_ne!(
        new_note.contents, old_note.contents,
        "the revision rewrote the note"
    );
    assert_eq!(doc.annotations().iter().filter(|a| a.page == 2).count(), 2);
}

#[test]
fn truncated_file_keeps_what_survives_and_says_what_is_lost() {
    let doc = open("beslisnota-truncated.pdf");
    assert_eq!(doc.page_count(), 2);
    assert!(!doc.annotations().is_empty());
    assert!(
        doc.warnings()
            .iter()
            .any(|w| w.message.contains("missing or unreadable")),
        "{:?}",
        doc.warnings()
    );
}

#[test]
fn every_text_string_encoding() {
    let doc = open("strings.pdf");
    let expect = [
        ("strings-s1", "Jan de Vrïes"),
        ("strings-s2", "Łukasz Żółć"),
        ("strings-s3", "张伟"),
        ("strings-s4", "Sophie Müller"),
        ("strings-s5", "Zoë Ørsted"),
        ("strings-s6", "Åsa Öberg"),
        ("strings-s7", "Jansen (red.)"),
        ("strings-s8", "Pieters"),
        ("strings-s9", "Pieter de Graaf"),
        ("strings-s10", "Bakker,\nB."),
        ("strings-s11", "Visser,\nV."),
        ("strings-s12", "Aartsen, A.A."),
    ];
    for (nm, author) in expect {
        assert_eq!(by_name(&doc, nm).author.as_deref(), Some(author), "{nm}");
    }
    let contents = |nm: &str| by_name(&doc, nm).contents.clone().unwrap();
    assert_eq!(
        contents("strings-s1"),
        "0x18-0x1F: ˘ˇˆ˙˝˛˚˜ 0x80-0xAD: •†‡…—–ƒ⁄‹›−‰„“”‘’‚™ﬁﬂŁŒŠŸŽıłœšž\u{9F}€¡¢£¤¥¦§¨©ª«¬\u{AD} accenten: éèëïöüç É"
    );
    assert_eq!(contents("strings-s2"), "张伟 schreef: akkoord 👍");
    assert_eq!(contents("strings-s4"), "UTF-16LE: één ✓");
    assert_eq!(contents("strings-s5"), "UTF-8 met BOM: € 1.250,– ‘akkoord’");
    assert_eq!(contents("strings-s6"), "Hex: Citroën, coöperatie");
    assert_eq!(
        contents("strings-s7"),
        "Regel 1\nRegel 2\tna tab \\ backslash (haakjes) octaal ABC één twee cijfers + onbekend q"
    );
    assert_eq!(
        contents("strings-s8"),
        "Dit is een lange regel die doorloopt."
    );
    assert_eq!(contents("strings-s9"), "Approved as discussed");
    assert_eq!(
        contents("strings-s10"),
        "Eerste regel\nTweede regel\nDerde regel\nVierde regel"
    );
    assert_eq!(contents("strings-s11"), "Een\nTwee\nDrie");
    assert_eq!(contents("strings-s12"), "Met nullen");
}

#[test]
fn odd_structures_give_records_and_warnings() {
    let doc = open("strings.pdf");
    let page2: Vec<&kantlijn::Annotation> =
        doc.annotations().iter().filter(|a| a.page == 2).collect();
    assert_eq!(page2.len(), 6);
    assert_eq!(page2[0].reference.to_string(), "inline:2:0");
    assert_eq!(
        page2[0].contents.as_deref(),
        Some("Inline annotatie in /Annots")
    );
    assert_eq!(
        by_name(&doc, "strings-t2").contents.as_deref(),
        Some("Indirecte /Contents")
    );
    assert_eq!(
        by_name(&doc, "strings-t2").rect.unwrap().to_array(),
        [520.0, 708.0, 540.0, 728.0]
    );
    let rich = by_name(&doc, "strings-t3");
    assert_eq!(
        rich.contents.as_deref(),
        Some("Alleen rich text, geen /Contents")
    );
    assert!(rich.rich_text.is_some());
    assert!(
        by_name(&doc, "strings-t4")
            .rich_text
            .as_deref()
            .unwrap()
            .contains("Rich text uit een <i>stroom</i>")
    );
    assert_eq!(by_name(&doc, "strings-t5").quads.as_ref().unwrap().len(), 1);
    assert_eq!(by_name(&doc, "strings-t6").rect, None);
    let warned: Vec<Option<&str>> = doc
        .warnings()
        .iter()
        .map(|w| w.reference.as_deref())
        .collect();
    assert!(
        warned.contains(&Some("999 0 R")),
        "the missing object: {warned:?}"
    );
    for name in ["strings-t5", "strings-t6"] {
        let reference = by_name(&doc, name).reference.to_string();
        assert!(warned.contains(&Some(reference.as_str())), "{name}");
    }
    assert_eq!(
        by_name(&doc, "strings-u1").page,
        3,
        "/Annots as an indirect array"
    );
}

#[test]
fn every_date_form() {
    let doc = open("dates.pdf");
    let expect: [(&str, Option<&str>); 15] = [
        ("dates-d1", Some("2026-06-08T09:11:02+02:00")),
        ("dates-d2", Some("2026-06-08T09:11:02-05:00")),
        ("dates-d3", Some("2026-06-08T07:11:02Z")),
        ("dates-d4", Some("2026-06-08T09:11:02")),
        ("dates-d5", Some("2026-01-01T00:00:00")),
        ("dates-d6", Some("2026-06-01T00:00:00")),
        ("dates-d7", Some("2026-06-08T09:11:02+02:00")),
        ("dates-d8", Some("2026-06-08T09:11:02+02:00")),
        ("dates-d9", Some("2026-06-08T09:11:02+02:00")),
        ("dates-d10", Some("2026-06-08T09:11:02+02:00")),
        ("dates-d11", Some("2026-06-08T09:11:02+02:00")),
        ("dates-d12", Some("2026-06-08T09:11:02")),
        ("dates-d13", None),
        ("dates-d14", None),
        ("dates-d15", Some("2026-06-08T09:11:02+02:00")),
    ];
    for (nm, moment) in expect {
        let note = by_name(&doc, nm);
        assert_eq!(
            note.modified.map(|m| m.to_string()).as_deref(),
            moment,
            "{nm} /M"
        );
        assert_eq!(
            note.created.map(|m| m.to_string()).as_deref(),
            moment,
            "{nm} /CreationDate"
        );
    }
    for raw in ["D:20261308091102+02'00'", "D:20260230091102+02'00'"] {
        let warned = doc
            .warnings()
            .iter()
            .filter(|w| w.message.contains(raw))
            .count();
        assert_eq!(
            warned, 2,
            "{raw}: one warning for /M and one for /CreationDate"
        );
    }
}

#[test]
fn page_tree_repeated_page_inheritance_and_labels() {
    let doc = open("pagetree.pdf");
    assert_eq!(doc.page_count(), 7);
    let labels: Vec<&str> = (1..=7).map(|p| doc.page_label(p).unwrap()).collect();
    assert_eq!(
        labels,
        ["i", "ii", "Bijlage-7", "Bijlage-8", "Bijlage-9", "A", "B"]
    );
    let rotation: Vec<u16> = doc.pages().iter().map(|p| p.rotate).collect();
    assert_eq!(rotation, [90, 0, 0, 180, 0, 270, 0]);
    let media: Vec<[f64; 4]> = doc
        .pages()
        .iter()
        .map(|p| p.media_box.unwrap().to_array())
        .collect();
    let a4 = [0.0, 0.0, 595.0, 842.0];
    let letter = [0.0, 0.0, 612.0, 792.0];
    assert_eq!(
        media,
        [a4, a4, letter, letter, letter, [0.0, 0.0, 842.0, 595.0], a4]
    );
    assert_eq!(
        doc.pages()[0].crop_box.unwrap().to_array(),
        [20.0, 20.0, 575.0, 822.0]
    );
    assert_eq!(doc.pages()[2].crop_box, None);

    let placed: Vec<(usize, Option<&str>, &str)> = doc
        .annotations()
        .iter()
        .map(|a| (a.page, a.page_label.as_deref(), a.subtype.name()))
        .collect();
    assert_eq!(
        placed,
        [
            (1, Some("i"), "Text"),
            (3, Some("Bijlage-7"), "Text"),
            (4, Some("Bijlage-8"), "Text"),
            (4, Some("Bijlage-8"), "Square"),
            (5, Some("Bijlage-9"), "Text"),
            (6, Some("A"), "Text"),
        ]
    );
    assert_eq!(
        doc.annotations()[1].reference,
        doc.annotations()[4].reference,
        "one object on a page listed twice"
    );
}

#[test]
fn every_subtype_and_an_unknown_one() {
    let doc = open("subtypes.pdf");
    let all_subtypes = [
        "Text",
        "FreeText",
        "Line",
        "Square",
        "Circle",
        "Polygon",
        "PolyLine",
        "Highlight",
        "Underline",
        "Squiggly",
        "StrikeOut",
        "Caret",
        "Stamp",
        "Ink",
        "FileAttachment",
        "Sound",
        "Movie",
        "Screen",
        "PrinterMark",
        "TrapNet",
        "Watermark",
        "3D",
        "Redact",
        "Projection",
        "RichMedia",
    ];
    let found: Vec<&str> = doc.annotations().iter().map(|a| a.subtype.name()).collect();
    for subtype in all_subtypes {
        assert!(found.contains(&subtype), "{subtype} missing from {found:?}");
    }
    assert!(
        doc.annotations()
            .iter()
            .any(|a| a.subtype == Subtype::Other("Kanttekening".into()))
    );
    assert!(!found.contains(&"Link") && !found.contains(&"Widget") && !found.contains(&"Popup"));
    assert_eq!((doc.skipped().links, doc.skipped().widgets), (1, 1));
    let stamp = doc
        .annotations()
        .iter()
        .find(|a| a.subtype == Subtype::Stamp)
        .unwrap();
    assert_eq!(stamp.icon.as_ref().map(|n| n.name()), Some("Approved"));

    let everything = Document::open_with("fixtures/subtypes.pdf", &{
        let mut options = Options::default();
        options.include_links = true;
        options.include_widgets = true;
        options
    })
    .unwrap();
    let found: Vec<&str> = everything
        .annotations()
        .iter()
        .map(|a| a.subtype.name())
        .collect();
    assert!(found.contains(&"Link") && found.contains(&"Widget"));
}

#[test]
fn flattened_release_as_text_and_as_pdf_text_file() {
    let text = report("beslisnota-flattened.txt");
    assert_eq!(text.pages, Some(3));
    let entries: Vec<(Option<usize>, Option<u32>, Option<&str>)> = text
        .comments
        .iter()
        .map(|c| (c.target_page, c.number, c.subject.as_deref()))
        .collect();
    assert_eq!(
        entries,
        [
            (Some(1), Some(1), Some("Tekst plaatsen")),
            (Some(1), Some(2), Some("Markering")),
            (Some(1), Some(3), Some("Free Hand")),
            (Some(1), Some(4), Some("(Unknown)")),
            (Some(2), Some(1), Some("Markering")),
        ]
    );
    let decisions = serde_json::to_value(&text.decisions).unwrap();
    assert_eq!(decisions.as_array().unwrap().len(), 1);
    assert_eq!(decisions[0]["date"], "2026-06-08");
    let seen: Vec<&str> = decisions[0]["seen_in"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["source"].as_str().unwrap())
        .collect();
    assert_eq!(seen, ["comment_summary", "page_text"]);
}

#[cfg(feature = "lopdf")]
#[test]
fn lopdf_documents_are_read_alike() {
    let loaded = lopdf::Document::load("fixtures/beslisnota.pdf").unwrap();
    let doc = Document::from_lopdf("beslisnota.pdf", &loaded, &Options::default()).unwrap();
    let plain = serde_json::to_value(open("beslisnota.pdf").annotations()).unwrap();
    assert_eq!(serde_json::to_value(doc.annotations()).unwrap(), plain);
}

#[test]
fn reports_keep_their_json_shape() {
    let value: Value = serde_json::to_value(report("beslisnota.pdf")).unwrap();
    let mut keys: Vec<&str> = value
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    keys.sort_unstable();
    assert_eq!(
        keys,
        [
            "annotations",
            "comments",
            "complete",
            "decisions",
            "encrypted",
            "error",
            "file",
            "file_bytes",
            "input_kind",
            "notas",
            "ocr_pages",
            "pages",
            "producer",
            "schema_version",
            "skipped",
            "warnings"
        ]
    );
    let annotation = value["annotations"][0].as_object().unwrap();
    for key in [
        "page",
        "page_label",
        "ref",
        "name",
        "subtype",
        "intent",
        "author",
        "subject",
        "contents",
        "rich_text",
        "created",
        "modified",
        "color",
        "opacity",
        "flags",
        "rect",
        "quads",
        "icon",
        "in_reply_to",
        "reply_type",
        "state",
        "state_model",
        "review_states",
        "popup",
        "text_under",
    ] {
        assert!(annotation.contains_key(key), "{key} missing");
    }
    let nota = value["notas"][0].as_object().unwrap();
    let mut keys: Vec<&str> = nota.keys().map(String::as_str).collect();
    keys.sort_unstable();
    assert_eq!(
        keys,
        [
            "addressee",
            "date",
            "date_text",
            "deadline",
            "deadline_text",
            "decision_points",
            "decisions",
            "first_page",
            "kind",
            "kind_text",
            "last_page",
            "line",
            "reference",
            "title"
        ]
    );
    assert_eq!(value["decisions"][0]["nota"], 0);
}

/// The flattened nota as a PDF (its last page the printed summary, its
/// stamp burned into page 1) gives what its text gives.
#[cfg(feature = "text")]
#[test]
fn flattened_pdf_gives_the_comments_of_its_text() {
    let pdf = report("beslisnota-flattened.pdf");
    let text = report("beslisnota-flattened.txt");
    assert!(pdf.annotations.is_empty());
    assert_eq!(pdf.comments.len(), 5);
    assert_eq!(
        serde_json::to_value(&pdf.comments).unwrap(),
        serde_json::to_value(&text.comments).unwrap()
    );
    assert_eq!(
        serde_json::to_value(&pdf.decisions).unwrap(),
        serde_json::to_value(&text.decisions).unwrap()
    );
}

#[test]
fn stamps_read_from_their_appearance() {
    let doc = open("stamps.pdf");
    let texts: Vec<Option<&str>> = doc
        .annotations()
        .iter()
        .map(|a| a.appearance_text.as_deref())
        .collect();
    assert_eq!(
        texts,
        [
            Some("AKKOORD\nMinister van SZW\n08-06-2026 09:11"),
            None,
            Some("Gezien. SG 9/6")
        ]
    );
    assert!(doc.annotations().iter().all(|a| a.contents.is_none()));
    assert!(doc.warnings().is_empty(), "{:?}", doc.warnings());

    let decisions = doc.decisions();
    assert_eq!(decisions.len(), 2);
    let stamp = &decisions[0];
    assert_eq!(stamp.verdict, kantlijn::Verdict::Approved);
    assert_eq!(stamp.actor.as_deref(), Some("Minister van SZW"));
    assert_eq!(
        stamp.actor_title.as_deref(),
        Some("Minister van Sociale Zaken en Werkgelegenheid")
    );
    assert!(!stamp.actor_from_author);
    assert_eq!(stamp.date.unwrap().to_string(), "2026-06-08");
    assert_eq!(stamp.date_basis, Some(kantlijn::DateBasis::Explicit));
    assert_eq!(
        stamp.reference,
        Some(kantlijn::SightingRef::Annotation(
            doc.annotations()[0].reference
        ))
    );
    let seen = &decisions[1];
    assert_eq!(seen.verdict, kantlijn::Verdict::Noted);
    assert_eq!(seen.actor.as_deref(), Some("SG"));
    assert_eq!(seen.date.unwrap().to_string(), "2026-06-09");
}

#[test]
fn inputs_in_memory_read_as_files() {
    for name in [
        "beslisnota.pdf",
        "beslisnota-junk.pdf",
        "beslisnota-flattened.txt",
    ] {
        let path = format!("fixtures/{name}");
        let bytes = std::fs::read(&path).unwrap();
        let from_bytes = kantlijn::extract_bytes(&path, bytes, &Options::default()).unwrap();
        assert_eq!(from_bytes, report(name), "{name}");
    }
    let error = kantlijn::extract_bytes(
        "plaatje.png",
        b"\x89PNG\r\n\x1a\n\0\0".to_vec(),
        &Options::default(),
    )
    .unwrap_err();
    assert_eq!(error.kind(), kantlijn::ErrorKind::NotSupported);
    assert!(error.to_string().contains("plaatje.png"), "{error}");
}
