//! Hostile files, generated here: each must give a report or a clear error,
//! never a panic, a hang or an abort, and must say what it could not read.
//! Speed and memory are measured, not asserted here.
//!
//! The sizes are the real ones (a million nested arrays, 300,000 annotations)
//! in a release build, which CI runs (`cargo test --release --test
//! hostile`); a debug build, as plain `cargo test` makes, uses a fiftieth,
//! which still crosses every bound, to stay fast.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

mod support;

use kantlijn::{Document, Error, Limits, Options, Report, WarningKind};
use support::{note, one_page, raw_pdf, stream};

/// `n` in a release build, a fiftieth of it in a debug build.
fn size(n: usize) -> usize {
    if cfg!(debug_assertions) { n / 50 } else { n }
}

fn read(name: &str, bytes: Vec<u8>) -> Result<Document, Error> {
    keep(name, &bytes);
    Document::from_bytes(name, bytes, &Options::default())
}

/// With `KANTLIJN_HOSTILE_DIR` set, the generated files are also written
/// there, for `benches/hostile_memory.sh` to measure time and memory on.
fn keep(name: &str, bytes: &[u8]) {
    if let Some(dir) = std::env::var_os("KANTLIJN_HOSTILE_DIR") {
        let dir = std::path::PathBuf::from(dir);
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join(name), bytes).unwrap();
    }
}

#[test]
fn a_million_nested_arrays() {
    let value = format!(
        "{}1{}",
        "[".repeat(size(1_000_000)),
        "]".repeat(size(1_000_000))
    );
    let doc = read(
        "arrays.pdf",
        one_page(
            "[4 0 R 5 0 R]",
            vec![
                note(4, &format!("/Contents {value}")),
                note(5, "/Contents (na)"),
            ],
        ),
    )
    .unwrap();
    // The nested value makes its annotation unreadable; the next one is read.
    assert!(
        doc.annotations()
            .iter()
            .any(|a| a.contents.as_deref() == Some("na"))
    );
    assert!(!doc.warnings().is_empty());
}

#[test]
fn a_million_nested_dictionaries() {
    let value = format!(
        "{}1{}",
        "<< /A ".repeat(size(1_000_000)),
        " >>".repeat(size(1_000_000))
    );
    scanned_past("dicts.pdf", &value);
}

/// A catalog, a page and an annotation that each hold a value nested
/// past the parser's depth limit (512) stay readable: the value is passed
/// over, not the object holding it, so the document keeps its page and its
/// annotation.
#[test]
fn values_nested_past_the_depth_limit_in_the_catalog_and_page() {
    for depth in [511, 512, 1_000, size(1_000_000)] {
        let deep = format!("{}1{}", "[".repeat(depth), "]".repeat(depth));
        let deep_dicts = format!("{}1{}", "<< /A ".repeat(depth), " >>".repeat(depth));
        let objects = [
            (1, format!("<< /Type /Catalog /Pages 2 0 R /X {deep} >>").into_bytes()),
            (2, b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec()),
            (
                3,
                format!(
                    "<< /Type /Page /Parent 2 0 R /Y {deep_dicts} /MediaBox [0 0 595 842] /Annots [4 0 R] >>"
                )
                .into_bytes(),
            ),
            note(4, &format!("/Z {deep} /Contents (MWP akkoord 8-6-2026)")),
        ];
        let name = format!("nested-{depth}.pdf");
        let doc = read(&name, raw_pdf(&objects, 1, "")).unwrap();
        assert_eq!(doc.pages().len(), 1, "{name}");
        let contents: Vec<_> = doc
            .annotations()
            .iter()
            .map(|a| a.contents.as_deref())
            .collect();
        assert_eq!(contents, [Some("MWP akkoord 8-6-2026")], "{name}");
        assert_eq!(doc.decisions().len(), 1, "{name}");
    }
}

/// A broken value of one annotation sends the parser to scan the whole
/// file for objects; `value` is what the scan then walks through. The other
/// annotation must still be read.
fn scanned_past(name: &str, value: &str) {
    let doc = read(
        name,
        one_page(
            "[4 0 R 5 0 R]",
            vec![note(4, &format!("/X {value}")), note(5, "/Contents (na)")],
        ),
    )
    .unwrap();
    assert!(
        doc.annotations()
            .iter()
            .any(|a| a.contents.as_deref() == Some("na"))
    );
}

#[test]
fn a_million_dictionaries_opened_with_values_between() {
    scanned_past("open-dicts.pdf", &"<< /A 1 ".repeat(size(1_000_000)));
}

#[test]
fn a_million_dictionaries_opening_unclosed_strings() {
    scanned_past("open-strings.pdf", &"<< ( >> ".repeat(size(1_000_000)));
}

#[test]
fn a_million_object_headers_nested_in_arrays() {
    scanned_past("headers.pdf", &"[ 6 0 obj ".repeat(size(1_000_000)));
}

/// A damaged cross-reference table and a hundred thousand trailers naming
/// one catalog of a megabyte: the catalog is checked once, not once per
/// trailer.
#[test]
fn a_hundred_thousand_trailers_naming_one_large_catalog() {
    let filler = "0 ".repeat(size(500_000));
    let objects = vec![
        (
            1,
            format!("<< /Type /Catalog /Pages 2 0 R /Filler [{filler}] >>").into_bytes(),
        ),
        (2, b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec()),
        (
            3,
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Annots [4 0 R] >>".to_vec(),
        ),
        note(4, "/Contents (gevonden)"),
        (
            5,
            "<< /Root 1 0 R /Size 6 >> "
                .repeat(size(100_000))
                .into_bytes(),
        ),
    ];
    let text = String::from_utf8(raw_pdf(&objects, 1, "")).unwrap();
    let at = text.rfind("startxref\n").unwrap() + "startxref\n".len();
    let lying = format!("{}{}\n%%EOF\n", &text[..at], 3);
    let doc = read("trailers.pdf", lying.into_bytes()).unwrap();
    assert_eq!(doc.annotations()[0].contents.as_deref(), Some("gevonden"));
}

#[test]
fn self_referencing_kids_with_a_huge_count() {
    let objects = vec![
        (1, b"<< /Type /Catalog /Pages 2 0 R >>".to_vec()),
        (
            2,
            b"<< /Type /Pages /Kids [2 0 R 3 0 R 2 0 R] /Count 10000000 >>".to_vec(),
        ),
        (
            3,
            b"<< /Type /Page /Parent 2 0 R /Annots [4 0 R] >>".to_vec(),
        ),
        note(4, "/Contents (enige)"),
    ];
    let doc = read("kids.pdf", raw_pdf(&objects, 1, "")).unwrap();
    assert_eq!(doc.page_count(), 1);
    assert_eq!(doc.annotations().len(), 1);
    assert!(doc.warnings().iter().any(
        |w| w.message.contains("appears a second time") && w.kind == WarningKind::DamagedObject
    ));
}

#[test]
fn a_parent_loop() {
    let objects = vec![
        (1, b"<< /Type /Catalog /Pages 2 0 R >>".to_vec()),
        (
            2,
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 /Parent 3 0 R >>".to_vec(),
        ),
        (
            3,
            b"<< /Type /Page /Parent 3 0 R /Annots [4 0 R] >>".to_vec(),
        ),
        note(4, "/P 3 0 R /Parent 4 0 R"),
    ];
    let doc = read("parent.pdf", raw_pdf(&objects, 1, "")).unwrap();
    assert_eq!((doc.page_count(), doc.annotations().len()), (1, 1));
}

#[test]
fn irt_and_popup_cycles() {
    let doc = read(
        "cycles.pdf",
        one_page(
            "[4 0 R 5 0 R 6 0 R]",
            vec![
                note(4, "/IRT 5 0 R /Popup 6 0 R /State (Accepted) /StateModel (Review)"),
                note(5, "/IRT 4 0 R /State (Rejected) /StateModel (Review)"),
                (6, b"<< /Type /Annot /Subtype /Popup /Rect [0 0 1 1] /Parent 6 0 R /Popup 6 0 R >>".to_vec()),
            ],
        ),
    )
    .unwrap();
    let replies: Vec<(String, Option<String>)> = doc
        .annotations()
        .iter()
        .map(|a| {
            (
                a.reference.to_string(),
                a.in_reply_to.map(|r| r.to_string()),
            )
        })
        .collect();
    assert_eq!(
        replies,
        [
            ("4 0 R".to_owned(), Some("5 0 R".to_owned())),
            ("5 0 R".to_owned(), Some("4 0 R".to_owned()))
        ]
    );
    // Each carries the other's state once; nothing is followed further.
    assert_eq!(doc.annotations()[0].review_states.len(), 1);
    assert_eq!(doc.annotations()[1].review_states.len(), 1);
}

#[test]
fn annots_that_contains_itself() {
    let doc = read(
        "annots.pdf",
        one_page(
            "5 0 R",
            vec![(5, b"[5 0 R 6 0 R]".to_vec()), note(6, "/Contents (echt)")],
        ),
    )
    .unwrap();
    assert_eq!(doc.annotations().len(), 1);
    assert!(
        doc.warnings()
            .iter()
            .any(|w| w.message.contains("not a dictionary"))
    );
}

#[test]
fn a_hundred_thousand_long_reference_chain() {
    let end = 10 + u32::try_from(size(100_000)).unwrap();
    let mut more: Vec<(u32, Vec<u8>)> = (10..end)
        .map(|n| (n, format!("{} 0 R", n + 1).into_bytes()))
        .collect();
    more.push((end, b"(einde)".to_vec()));
    more.push(note(4, "/Contents 10 0 R"));
    let doc = read("chain.pdf", one_page("[4 0 R]", more)).unwrap();
    assert_eq!(doc.annotations().len(), 1);
    assert_eq!(doc.annotations()[0].contents, None);
    assert!(
        doc.warnings()
            .iter()
            .any(|w| w.message.contains("/Contents"))
    );
}

#[test]
fn three_hundred_thousand_annotations_on_a_page() {
    let inline = "<</Subtype/Square/Rect[0 0 1 1]>>";
    let annots = format!("[{}]", inline.repeat(300_000));
    let mut options = Options::default();
    // The bound is what is tested; a smaller one keeps a debug build fast.
    options.limits.max_annotations_per_page = size(100_000);
    let limit = options.limits.max_annotations_per_page;
    let bytes = one_page(&annots, Vec::new());
    keep("many.pdf", &bytes);
    let doc = Document::from_bytes("many.pdf", bytes, &options).unwrap();
    assert_eq!(doc.annotations().len(), limit);
    assert!(!doc.is_complete());
    assert!(!doc.report().complete);
    assert!(doc.warnings().iter().any(
        |w| w.message.contains(&format!("more than {limit} entries"))
            && w.kind == WarningKind::LimitReached
    ));
}

/// One decision pasted on a page twenty thousand times (inline, so the
/// file stays small): one decision seen twenty thousand times. Each paste
/// was compared with every paste before it, which took minutes and
/// reached the time limit; alike pastes are compared once.
#[test]
fn a_decision_pasted_twenty_thousand_times() {
    let paste = "<</Subtype/FreeText/Rect[0 0 9 9]/T(Aartsen, A.A.)/Contents(MWP akkoord 8/6)/M(D:20260608101500)>>";
    let count = size(20_000);
    let bytes = one_page(&format!("[{}]", paste.repeat(count)), Vec::new());
    let doc = read("pasted.pdf", bytes).unwrap();
    let report = doc.report();
    assert_eq!(report.decisions.len(), 1);
    assert_eq!(report.decisions[0].seen_in.len(), count);
    assert_eq!(
        report.decisions[0].date,
        chrono::NaiveDate::from_ymd_opt(2026, 6, 8)
    );
}

/// A string of six megabytes in page content, past the most an instruction
/// may hold: the rest of the content was dropped without a word; a warning
/// says so now, and the text before it is read.
#[cfg(feature = "text")]
#[test]
fn a_string_of_six_megabytes_in_page_content() {
    let head = b"BT /F1 12 Tf 72 700 Td (Hello) Tj 0 -20 Td (".to_vec();
    let content = [head, vec![b'A'; 6 << 20], b") Tj ET".to_vec()].concat();
    let bytes = content_bomb("long-string.pdf", &content, b"", 0, false);
    let doc = Document::from_bytes("long-string.pdf", bytes, &Options::default()).unwrap();
    let text = doc.page_text(1).unwrap();
    assert_eq!(text.plain_text(), "Hello\n");
    assert!(
        text.warnings
            .iter()
            .any(|w| w.kind == WarningKind::LimitReached && w.message.contains("an instruction")),
        "{:?}",
        text.warnings
    );
    assert!(!doc.report().complete);
}

/// Text of stamp lines and summary entries by the hundred thousand (a few
/// megabytes, or a content stream many pages share): each gave a record
/// of a kilobyte or two, and 16 bytes of text a decision. Past
/// `max_sightings` of each the rest are not read, with a warning.
#[test]
fn more_stamp_lines_and_summary_entries_than_are_read() {
    let dir = tempfile::tempdir().unwrap();
    let options = Options::default().with_limits(Limits::default().with_max_sightings(100));
    let stamps = dir.path().join("stempels.txt");
    std::fs::write(&stamps, "MWP akkoord 8/6\n".repeat(150)).unwrap();
    let report = kantlijn::extract(&stamps, &options).unwrap();
    assert_eq!(report.decisions.len(), 100);
    assert!(!report.complete);
    assert!(
        report
            .warnings
            .iter()
            .any(|w| w.kind == WarningKind::LimitReached
                && w.message.contains("more than 100 stamp lines"))
    );
    let entry = "Nummer: 1 Auteur: Aartsen, A.A. Onderwerp: Notitie Datum: 8-6-2026 10:15:00\nGraag een toelichting.\n";
    let summary = dir.path().join("overzicht.txt");
    let pages: Vec<String> = (1..=150)
        .map(|page| format!("Pagina: {page}\n\n{entry}"))
        .collect();
    std::fs::write(
        &summary,
        format!(
            "Overzicht van opmerkingen bij nota.pdf\n\n{}",
            pages.join("\n")
        ),
    )
    .unwrap();
    let report = kantlijn::extract(&summary, &options).unwrap();
    assert_eq!(report.comments.len(), 100);
    assert!(!report.complete);
    assert!(
        report
            .warnings
            .iter()
            .any(|w| w.message.contains("more than 100 entries"))
    );
}

/// An encrypted file whose crypt filter names a method that does not
/// exist: taken for the identity filter, its strings were given out
/// encrypted, with no word. It cannot be decrypted, and says so.
#[test]
fn an_unknown_crypt_filter_method() {
    let bytes = std::fs::read("fixtures/beslisnota-aes-128.pdf").unwrap();
    let text = bytes.windows(10).position(|w| w == b"/CFM/AESV2").unwrap();
    let mut broken = bytes.clone();
    broken[text..text + 10].copy_from_slice(b"/CFM/FOOV2");
    match read("unknown-cfm.pdf", broken) {
        Err(Error::UnsupportedEncryption { detail, .. }) => {
            assert_eq!(detail, "invalid encryption dictionary");
        }
        other => panic!("{:?}", other.map(|doc| doc.annotations().len())),
    }
}

/// An encrypted file whose trailer names an /Encrypt object that is not
/// there: the file is read as it is, as other readers do, and a warning
/// says its text may be encrypted data.
#[test]
fn an_encrypt_entry_that_cannot_be_read() {
    let bytes = std::fs::read("fixtures/beslisnota-rc4-128.pdf").unwrap();
    let text = bytes
        .windows(15)
        .position(|w| w == b"/Encrypt 20 0 R")
        .unwrap();
    let mut broken = bytes.clone();
    broken[text..text + 15].copy_from_slice(b"/Encrypt 99 0 R");
    let doc = read("missing-encrypt.pdf", broken).unwrap();
    assert!(doc.is_encrypted());
    assert!(doc.warnings().iter().any(|w| {
        w.kind == WarningKind::UnsupportedFeature
            && w.message.contains("/Encrypt dictionary cannot be read")
    }));
}

#[test]
fn an_xref_prev_loop() {
    let mut bytes = one_page("[4 0 R]", vec![note(4, "/Contents (lus)")]);
    // Point the trailer's /Prev at its own table.
    let xref_at = String::from_utf8_lossy(&bytes).rfind("xref\n").unwrap();
    let text = String::from_utf8(bytes.clone())
        .unwrap()
        .replace("/Size", &format!("/Prev {xref_at} /Size"));
    bytes = text.into_bytes();
    let doc = read("prev.pdf", bytes).unwrap();
    assert_eq!(doc.annotations().len(), 1);
}

#[test]
fn a_lying_startxref() {
    let bytes = one_page("[4 0 R]", vec![note(4, "/Contents (gerepareerd)")]);
    let text = String::from_utf8(bytes).unwrap();
    let at = text.rfind("startxref\n").unwrap() + "startxref\n".len();
    let lying = format!("{}{}\n%%EOF\n", &text[..at], 3);
    let doc = read("startxref.pdf", lying.into_bytes()).unwrap();
    assert_eq!(
        doc.annotations()[0].contents.as_deref(),
        Some("gerepareerd")
    );
}

/// A PDF with a cross-reference stream (uncompressed, `/W [1 8 2]`), so
/// that objects can be declared to live in object streams: `in_streams`
/// lists (object, object stream, index).
fn xref_stream_pdf(
    objects: &[(u32, Vec<u8>)],
    in_streams: &[(u32, u32, u16)],
    root: u32,
) -> Vec<u8> {
    let mut out = b"%PDF-1.7\n".to_vec();
    let mut entries: std::collections::BTreeMap<u32, [u8; 11]> = std::collections::BTreeMap::new();
    for (number, body) in objects {
        let mut entry = [0u8; 11];
        entry[0] = 1;
        entry[1..9].copy_from_slice(&(out.len() as u64).to_be_bytes());
        entries.insert(*number, entry);
        out.extend_from_slice(format!("{number} 0 obj\n").as_bytes());
        out.extend_from_slice(body);
        out.extend_from_slice(b"\nendobj\n");
    }
    for (number, stream, index) in in_streams {
        let mut entry = [0u8; 11];
        entry[0] = 2;
        entry[1..9].copy_from_slice(&u64::from(*stream).to_be_bytes());
        entry[9..11].copy_from_slice(&index.to_be_bytes());
        entries.insert(*number, entry);
    }
    let xref_number = entries.keys().max().copied().unwrap_or(0) + 1;
    let xref_at = out.len() as u64;
    let mut own = [0u8; 11];
    own[0] = 1;
    own[1..9].copy_from_slice(&xref_at.to_be_bytes());
    entries.insert(xref_number, own);
    let mut data = Vec::new();
    for number in 0..=xref_number {
        data.extend_from_slice(&entries.get(&number).copied().unwrap_or([0; 11]));
    }
    out.extend_from_slice(
        format!(
            "{xref_number} 0 obj\n<< /Type /XRef /Size {} /W [1 8 2] /Root {root} 0 R /Length {} >>\nstream\n",
            xref_number + 1,
            data.len()
        )
        .as_bytes(),
    );
    out.extend_from_slice(&data);
    out.extend_from_slice(format!("\nendstream\nendobj\nstartxref\n{xref_at}\n%%EOF\n").as_bytes());
    out
}

/// One page whose only annotation, object 5, lives in object stream 9,
/// whose dictionary says `/N n /First first`.
fn page_with_object_stream(n: &str, first: &str) -> Vec<u8> {
    let members = b"5 0 <</Subtype/Text/Rect[0 0 1 1]/Contents(in de stroom)>>";
    let objstm = stream(&format!("/Type /ObjStm /N {n} /First {first}"), members);
    let objects = vec![
        (1, b"<< /Type /Catalog /Pages 2 0 R >>".to_vec()),
        (2, b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec()),
        (
            3,
            b"<< /Type /Page /Parent 2 0 R /Annots [5 0 R] >>".to_vec(),
        ),
        (9, objstm),
    ];
    xref_stream_pdf(&objects, &[(5, 9, 0)], 1)
}

#[test]
fn a_lying_object_stream() {
    let doc = read(
        "objstm.pdf",
        page_with_object_stream("1000000000", "18446744073709551615"),
    )
    .unwrap();
    assert_eq!(doc.page_count(), 1);
    assert!(
        doc.annotations().is_empty(),
        "nothing in that stream can be located"
    );
    assert!(
        doc.warnings()
            .iter()
            .any(|w| w.reference.as_deref() == Some("5 0 R"))
    );
}

/// The same structure with a truthful object stream reads, so the test
/// above fails for the lie alone.
#[test]
fn a_truthful_object_stream() {
    let doc = read("objstm-true.pdf", page_with_object_stream("1", "4")).unwrap();
    assert_eq!(
        doc.annotations()[0].contents.as_deref(),
        Some("in de stroom")
    );
}

/// One page object listed 100,000 times in `/Kids` (600 KB): each entry
/// is a page, as a viewer counts them, and every page's text is read. The
/// page has no `/Resources` of its own, so each page asks its parent, which
/// lists all 100,000: `benches/hostile_memory.sh` measures the time (40 s
/// while the parent was read again for every page, 0.4 s now) and the
/// memory (the pages share one dictionary).
#[test]
fn one_page_object_listed_a_hundred_thousand_times() {
    let times = size(100_000);
    let kids = "3 0 R ".repeat(times);
    let objects = [
        (1, b"<< /Type /Catalog /Pages 2 0 R >>".to_vec()),
        (
            2,
            format!("<< /Type /Pages /Kids [{kids}] /Count {times} >>").into_bytes(),
        ),
        (
            3,
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>".to_vec(),
        ),
        (
            4,
            stream("", b"BT /F1 12 Tf 72 720 Td (Voortgang wetsvoorstel) Tj ET"),
        ),
    ];
    let doc = read("kids-repeated.pdf", raw_pdf(&objects, 1, "")).unwrap();
    assert_eq!(doc.pages().len(), times);
    assert!(doc.is_complete(), "{:?}", doc.warnings().first());
}

#[test]
fn a_page_tree_nested_deeper_than_the_limit() {
    let depth = u32::try_from(size(100_000)).unwrap();
    let mut objects = vec![(1, b"<< /Type /Catalog /Pages 2 0 R >>".to_vec())];
    for level in 0..depth {
        objects.push((
            2 + level,
            format!("<< /Type /Pages /Kids [{} 0 R] /Count 1 >>", 3 + level).into_bytes(),
        ));
    }
    objects.push((2 + depth, b"<< /Type /Page >>".to_vec()));
    let doc = read("deep.pdf", raw_pdf(&objects, 1, "")).unwrap();
    assert!(
        doc.warnings()
            .iter()
            .any(|w| w.message.contains("nested deeper") && w.kind == WarningKind::LimitReached)
    );
}

/// Every prefix of a fixture cut at a kilobyte boundary reads or fails
/// cleanly.
#[test]
fn truncations_at_every_kilobyte() {
    for name in [
        "beslisnota.pdf",
        "beslisnota-objstm.pdf",
        "beslisnota-aes-256.pdf",
        "strings.pdf",
    ] {
        let bytes = std::fs::read(format!("fixtures/{name}")).unwrap();
        for cut in (0..bytes.len()).step_by(1024) {
            let prefix = bytes[..cut].to_vec();
            let _ = report_of(&format!("{name}[..{cut}]"), prefix);
        }
    }
}

/// Fixtures with bytes flipped at pseudo-random places.
#[test]
fn random_byte_flips() {
    let mut state = 0x2545_F491_4F6C_DD1Du64;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    for name in [
        "beslisnota.pdf",
        "beslisnota-objstm.pdf",
        "subtypes.pdf",
        "dates.pdf",
        "pagetree.pdf",
    ] {
        let original = std::fs::read(format!("fixtures/{name}")).unwrap();
        for round in 0..150 {
            let mut bytes = original.clone();
            for _ in 0..(1 + next() % 8) {
                let at = (next() % bytes.len() as u64) as usize;
                bytes[at] = (next() & 0xFF) as u8;
            }
            let _ = report_of(&format!("{name} flip {round}"), bytes);
        }
    }
}

/// A report for any bytes: a document's, or an error's.
fn report_of(name: &str, bytes: Vec<u8>) -> Report {
    match Document::from_bytes(name, bytes, &Options::default()) {
        Ok(doc) => doc.into_report(),
        Err(error) => {
            assert!(!matches!(error, Error::Crashed { .. }), "{name}: {error}");
            Report::failed(name, &error)
        }
    }
}

/// A gigabyte of page content in a few megabytes of deflate data, under a
/// highlight: the text layer stops decoding at its bound and says so; the
/// annotation is read.
#[cfg(feature = "text")]
#[test]
fn a_gigabyte_flate_bomb_as_page_content_under_a_highlight() {
    let head = b"BT /F1 12 Tf 72 700 Td (akkoord) Tj ET\n";
    let bytes = content_bomb("bomb.pdf", head, &[b' '; 1 << 20], size(1 << 10), true);
    let mut options = Options::default();
    // The bound is what is tested; the default is 64 MiB.
    options.limits.max_page_content = size(64 << 20);
    let doc = Document::from_bytes("bomb.pdf", bytes, &options).unwrap();
    assert_eq!(doc.annotations().len(), 1);
    assert!(
        doc.warnings()
            .iter()
            .any(|w| w.message.contains("longer than") && w.kind == WarningKind::LimitReached),
        "{:?}",
        doc.warnings()
    );
    // The content before the cut is read: the highlighted word is there.
    assert_eq!(doc.annotations()[0].text_under.as_deref(), Some("akkoord"));
}

/// A stream whose `/Length` claims a gigabyte, and one that claims less than
/// it holds: the parser finds `endstream` instead, and the rich text in it
/// is read.
#[test]
fn lying_stream_lengths() {
    for length in ["1000000000", "3", "-5"] {
        let rc = format!(
            "<< /Length {length} >>\nstream\n<body xmlns=\"http://www.w3.org/1999/xhtml\"><p>lange tekst</p></body>\nendstream"
        );
        let doc = read(
            &format!("length{length}.pdf"),
            one_page("[4 0 R]", vec![note(4, "/RC 5 0 R"), (5, rc.into_bytes())]),
        )
        .unwrap();
        assert_eq!(doc.annotations().len(), 1, "/Length {length}");
        assert_eq!(
            doc.annotations()[0].contents.as_deref(),
            Some("lange tekst"),
            "/Length {length}"
        );
    }
}

/// A page whose content stream inflates from about a megabyte to a
/// gigabyte, read for the text of every page (the default run): content is
/// inflated and read a piece at a time, so memory stays small; the bound
/// on the page's work ends the reading with a warning, and the text before
/// it is kept.
#[cfg(feature = "text")]
#[test]
fn a_gigabyte_flate_bomb_as_page_content_with_the_text_read() {
    let head = b"BT /F1 12 Tf 72 700 Td (akkoord) Tj ET\n";
    let spaces = vec![b' '; 1 << 20];
    let bytes = content_bomb("text-bomb.pdf", head, &spaces, size(1 << 10), false);
    let mut options = Options::default();
    options.limits.max_page_content = size(64 << 20);
    let doc = Document::from_bytes("text-bomb.pdf", bytes, &options).unwrap();
    let text = doc.page_text(1).unwrap();
    assert_eq!(text.plain_text(), "akkoord\n");
    assert!(
        text.warnings
            .iter()
            .any(|w| w.message.contains("longer than")),
        "{:?}",
        text.warnings
    );
}

/// A page whose content inflates to millions of text-showing operators:
/// the glyph bound ends the reading with a warning.
#[cfg(feature = "text")]
#[test]
fn a_flate_bomb_of_text_operators() {
    let lines = b"(akkoord) Tj 0 -14 Td\n".repeat(1 << 15);
    let head = b"BT /F1 12 Tf 72 700 Td ";
    let bytes = content_bomb("glyph-bomb.pdf", head, &lines, size(1 << 8), false);
    let doc = Document::from_bytes("glyph-bomb.pdf", bytes, &Options::default()).unwrap();
    let text = doc.page_text(1).unwrap();
    assert!(text.words().count() > 1000);
    // The last word may be cut by the bound.
    assert!(text.words().all(|w| "akkoord".starts_with(&w.text)));
    assert!(
        text.warnings
            .iter()
            .any(|w| w.message.contains("glyphs; the rest are not read")
                || w.message.contains("longer than")),
        "{:?}",
        text.warnings
    );
}

/// Deflate data of `head` and then a gigabyte of spaces (a fiftieth in a
/// debug build): about a megabyte.
#[cfg(feature = "text")]
fn gigabyte_of_spaces(head: &[u8]) -> Vec<u8> {
    use std::io::Write;
    let mut encoder = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::fast());
    encoder.write_all(head).unwrap();
    let spaces = vec![b' '; 1 << 20];
    for _ in 0..size(1 << 10) {
        encoder.write_all(&spaces).unwrap();
    }
    encoder.finish().unwrap()
}

/// `data` deflated again, as a stream object with two `FlateDecode`
/// filters.
#[cfg(feature = "text")]
fn deflated_twice(data: &[u8], dict: &str) -> Vec<u8> {
    use std::io::Write;
    let mut encoder = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
    encoder.write_all(data).unwrap();
    stream(
        &format!("/Filter [/FlateDecode /FlateDecode] {dict}"),
        &encoder.finish().unwrap(),
    )
}

/// Page content deflated twice, the inner layer a gigabyte bomb (a few
/// kilobytes of file): the outer layer gives a megabyte, which the parser
/// would have inflated whole, a gigabyte. It stops past its bound (16 MiB
/// and four times the file), the page says its content cannot be decoded,
/// and the document and its annotation are read.
#[cfg(feature = "text")]
#[test]
fn a_flate_bomb_inside_a_flate_stream_as_page_content() {
    let inner = gigabyte_of_spaces(b"BT /F1 12 Tf 72 700 Td (akkoord) Tj ET\n");
    let bytes = support::one_drawn_page(
        "/Annots [5 0 R]",
        vec![
            (4, deflated_twice(&inner, "")),
            note(5, "/Contents (ernaast)"),
        ],
    );
    let doc = read("bomb-in-bomb.pdf", bytes).unwrap();
    assert_eq!(doc.annotations()[0].contents.as_deref(), Some("ernaast"));
    let text = doc.page_text(1).unwrap();
    assert_eq!(text.plain_text(), "");
    assert!(
        text.warnings
            .iter()
            .any(|w| w.message.contains("cannot be decoded")),
        "{:?}",
        text.warnings
    );
}

/// A font program that inflates to a gigabyte: it is not needed (the
/// font's `/Widths` place its glyphs), and its bound stops it; the page's
/// text is read.
#[cfg(feature = "text")]
#[test]
fn a_flate_bomb_as_a_font_program() {
    let program = gigabyte_of_spaces(b"");
    let font_file = stream("/Filter /FlateDecode", &program);
    let widths = vec!["500"; 224].join(" ");
    let objects = vec![
        (1, b"<< /Type /Catalog /Pages 2 0 R >>".to_vec()),
        (2, b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec()),
        (
            3,
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>".to_vec(),
        ),
        (4, stream("", b"BT /F1 12 Tf 72 700 Td (akkoord) Tj ET")),
        (
            5,
            format!("<< /Type /Font /Subtype /TrueType /BaseFont /Bom /FirstChar 32 /LastChar 255 /Widths [{widths}] /Encoding /WinAnsiEncoding /FontDescriptor 6 0 R >>").into_bytes(),
        ),
        (
            6,
            b"<< /Type /FontDescriptor /FontName /Bom /Flags 32 /FontBBox [0 0 1000 1000] /ItalicAngle 0 /Ascent 800 /Descent -200 /CapHeight 700 /StemV 80 /FontFile2 7 0 R >>".to_vec(),
        ),
        (7, font_file),
    ];
    let doc = read("font-bomb.pdf", raw_pdf(&objects, 1, "")).unwrap();
    assert_eq!(doc.page_text(1).unwrap().plain_text(), "akkoord\n");
}

/// A one-page PDF whose content stream is `head`, then `tail` repeated
/// `times` times, deflated, with a highlight over the start of the text
/// when `highlight`; kept for benches/hostile_memory.sh.
#[cfg(feature = "text")]
fn content_bomb(name: &str, head: &[u8], tail: &[u8], times: usize, highlight: bool) -> Vec<u8> {
    use std::io::Write;
    let mut encoder = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::fast());
    encoder.write_all(head).unwrap();
    for _ in 0..times {
        encoder.write_all(tail).unwrap();
    }
    let bomb = encoder.finish().unwrap();
    let annots = if highlight { "/Annots [5 0 R]" } else { "" };
    let bytes = support::one_drawn_page(
        annots,
        vec![
            (4, stream("/Filter /FlateDecode", &bomb)),
            (5, b"<< /Type /Annot /Subtype /Highlight /Rect [70 695 130 715] /QuadPoints [70 715 130 715 70 695 130 695] >>".to_vec()),
        ],
    );
    keep(name, &bytes);
    bytes
}

/// A catalog whose `/Pages` is missing, and no page object anywhere: the
/// file is damaged beyond repair, and says so.
#[test]
fn no_page_anywhere_is_an_error() {
    let objects = vec![
        (1, b"<< /Type /Catalog /Pages 5 0 R >>".to_vec()),
        note(2, "/T (Aartsen, A.A.)"),
    ];
    // The parser's scan takes a dictionary with `/Contents` for a page:
    // an annotation's is no page either.
    let with_contents = [objects.clone(), vec![note(3, "/Contents (zwevend)")]].concat();
    for (name, objects) in [("no-pages.pdf", objects), ("no-pages-2.pdf", with_contents)] {
        match read(name, raw_pdf(&objects, 1, "")) {
            Err(Error::Damaged { reason, .. }) => {
                assert!(reason.starts_with("no page could be found"), "{reason}");
            }
            other => panic!("{name}: {:?}", other.map(|doc| doc.page_count())),
        }
    }
}

/// A catalog whose `/Pages` is missing, and a page object in the file: the
/// page the parser's scan finds (a page dictionary with `/Contents`) is
/// read, with a warning.
#[test]
fn a_page_outside_the_tree_is_found_by_the_scan() {
    let objects = vec![
        (1, b"<< /Type /Catalog /Pages 5 0 R >>".to_vec()),
        (
            2,
            b"<< /Type /Page /Contents [] /Annots [3 0 R] >>".to_vec(),
        ),
        note(3, "/Contents (gevonden)"),
    ];
    let doc = read("scanned-pages.pdf", raw_pdf(&objects, 1, "")).unwrap();
    // The annotation, whose `/Contents` the scan also takes for a page's,
    // is not a page.
    assert_eq!(doc.page_count(), 1);
    assert_eq!(doc.annotations()[0].contents.as_deref(), Some("gevonden"));
    assert!(
        doc.warnings()
            .iter()
            .any(|w| w.message.contains("found by scanning the file"))
    );
}
