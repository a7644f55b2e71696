//! The committed files in `fixtures/` are exactly what the builder writes,
//! and each one holds what `fixtures/README.md` says it holds.

// The helpers below are test code too; clippy.toml's allow-*-in-tests only
// reaches `#[test]` functions themselves.
#![allow(clippy::unwrap_used, clippy::panic, clippy::indexing_slicing)]

use std::collections::BTreeSet;
use std::path::PathBuf;
use std::sync::OnceLock;

use lopdf::{Dictionary, Document, Object, ObjectId};

fn dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("fixtures")
}

/// The builder's output, built once for the tests that only read it.
fn built() -> &'static [(&'static str, Vec<u8>)] {
    static BUILT: OnceLock<Vec<(&'static str, Vec<u8>)>> = OnceLock::new();
    BUILT.get_or_init(|| kantlijn_fixtures::all().unwrap())
}

fn read(name: &str) -> Vec<u8> {
    std::fs::read(dir().join(name)).unwrap_or_else(|e| panic!("fixtures/{name}: {e}"))
}

fn load(name: &str) -> Document {
    Document::load_mem(&read(name)).unwrap_or_else(|e| panic!("lopdf cannot open {name}: {e}"))
}

fn page_annots(doc: &Document, page: ObjectId) -> Vec<&Dictionary> {
    let annots = doc.get_dictionary(page).unwrap().get(b"Annots").unwrap();
    let annots = match annots {
        Object::Reference(id) => doc.get_object(*id).unwrap(),
        other => other,
    };
    annots
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|a| match a {
            Object::Reference(id) => doc.get_dictionary(*id).ok(),
            Object::Dictionary(d) => Some(d),
            _ => None,
        })
        .collect()
}

fn name(d: &Dictionary, key: &[u8]) -> String {
    String::from_utf8(d.get(key).unwrap().as_name().unwrap().to_vec()).unwrap()
}

fn bytes(d: &Dictionary, key: &[u8]) -> Vec<u8> {
    d.get(key).unwrap().as_str().unwrap().to_vec()
}

fn numbers(o: &Object) -> Vec<f64> {
    o.as_array()
        .unwrap()
        .iter()
        .map(|n| n.as_float().map(f64::from).unwrap())
        .collect()
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 0.0015
}

// --- The files are the builder's output ---------------------------------

#[test]
fn committed_fixtures_equal_builder_output() {
    for (file, built) in built() {
        let committed = read(file);
        assert!(
            &committed == built,
            "fixtures/{file} differs from the builder's output; run `cargo run -p kantlijn-fixtures`"
        );
    }
}

#[test]
fn builder_output_is_deterministic() {
    assert_eq!(
        kantlijn_fixtures::all().unwrap(),
        kantlijn_fixtures::all().unwrap()
    );
}

#[test]
fn no_file_in_fixtures_comes_from_elsewhere() {
    let built: BTreeSet<&str> = built().iter().map(|(f, _)| *f).collect();
    for entry in std::fs::read_dir(dir()).unwrap() {
        let entry = entry.unwrap();
        let file = entry.file_name().into_string().unwrap();
        if file.ends_with(".pdf") || file.ends_with(".txt") {
            assert!(
                built.contains(file.as_str()),
                "fixtures/{file} is not written by the builder"
            );
        }
    }
}

#[test]
fn every_pdf_opens_in_lopdf() {
    let pages = [
        ("beslisnota.pdf", 2),
        ("beslisnota-rc4-40.pdf", 2),
        ("beslisnota-rc4-128.pdf", 2),
        ("beslisnota-aes-128.pdf", 2),
        ("beslisnota-aes-256.pdf", 2),
        ("beslisnota-objstm.pdf", 2),
        ("beslisnota-incremental.pdf", 2),
        ("beslisnota-junk.pdf", 2),
        ("beslisnota-bad-xref.pdf", 2),
        ("beslisnota-truncated.pdf", 2),
        ("beslisnota-flattened.pdf", 3),
        ("subtypes.pdf", 1),
        ("strings.pdf", 3),
        ("dates.pdf", 1),
        ("pagetree.pdf", 7),
        ("notas-bundel.pdf", 6),
        ("stamps.pdf", 1),
    ];
    for (file, n) in pages {
        assert_eq!(load(file).get_pages().len(), n, "{file}");
    }
    let locked = load("beslisnota-wachtwoord.pdf");
    assert!(locked.is_encrypted());
    assert!(locked.get_pages().is_empty());
}

// --- beslisnota.pdf ----------------------------------------------------------

#[test]
fn beslisnota_comments_as_acrobat_writes_them() {
    let doc = load("beslisnota.pdf");
    let pages = doc.get_pages();
    let p1 = page_annots(&doc, pages[&1]);
    let subtypes: Vec<String> = p1.iter().map(|a| name(a, b"Subtype")).collect();
    assert_eq!(
        subtypes,
        [
            "FreeText",
            "Highlight",
            "Popup",
            "Ink",
            "Text",
            "Popup",
            "Text"
        ]
    );

    let typed = p1[0];
    assert_eq!(name(typed, b"IT"), "FreeTextTypeWriter");
    assert_eq!(bytes(typed, b"Subj"), b"Tekst plaatsen");
    assert_eq!(bytes(typed, b"T"), b"Aartsen, A.A.");
    assert_eq!(bytes(typed, b"Contents"), b"MWP akkoord 8/6");
    assert_eq!(bytes(typed, b"CreationDate"), b"D:20260608091102+02'00'");
    assert_eq!(bytes(typed, b"M"), b"D:20260608091102+02'00'");
    assert_eq!(typed.get(b"F").unwrap().as_i64().unwrap(), 4);
    assert!(typed.has(b"DA") && typed.has(b"NM") && typed.has(b"AP"));
    let rc = String::from_utf8(bytes(typed, b"RC")).unwrap();
    assert!(rc.starts_with("<?xml version=\"1.0\"?><body xmlns=\"http://www.w3.org/1999/xhtml\""));
    assert!(rc.contains(">MWP akkoord 8/6</span></p></body>"));

    let marked = p1[1];
    assert_eq!(bytes(marked, b"Subj"), b"Markering");
    assert_eq!(bytes(marked, b"T"), b"");
    assert_eq!(bytes(marked, b"M"), b"D:20260527155432+02'00'");
    assert!(marked.has(b"CA") && marked.has(b"C"));
    let popup = marked.get(b"Popup").unwrap().as_reference().unwrap();
    assert_eq!(
        name(doc.get_dictionary(popup).unwrap(), b"Subtype"),
        "Popup"
    );

    let ink = p1[3];
    assert_eq!(bytes(ink, b"Subj"), b"Free Hand");
    assert_eq!(bytes(ink, b"T"), b"Aartsen, A.A.");
    assert_eq!(ink.get(b"InkList").unwrap().as_array().unwrap().len(), 2);
    assert!(!ink.has(b"M") && !ink.has(b"CreationDate"));

    let note = p1[4];
    assert_eq!(name(note, b"Name"), "Comment");
    assert_eq!(
        bytes(note, b"Contents"),
        b"Graag passage over zzp aanpassen zodat die termen niet door elkaar worden gebruikt."
    );
    assert!(!note.has(b"Subj") && !note.has(b"M") && !note.has(b"CreationDate"));

    let reply = p1[6];
    let irt = reply.get(b"IRT").unwrap().as_reference().unwrap();
    assert_eq!(doc.get_dictionary(irt).unwrap(), marked);
    assert_eq!(name(reply, b"State"), "Accepted");
    assert_eq!(name(reply, b"StateModel"), "Review");
    assert_eq!(bytes(reply, b"T"), b"Aartsen, A.A.");

    let p2 = page_annots(&doc, pages[&2]);
    let subtypes: Vec<String> = p2.iter().map(|a| name(a, b"Subtype")).collect();
    assert_eq!(subtypes, ["Highlight", "Popup"]);
    assert_eq!(numbers(p2[0].get(b"QuadPoints").unwrap()).len(), 16);
}

/// Helvetica advance widths from Adobe's Helvetica.afm, typed in here for
/// the characters of the highlighted sentence.
fn afm_width(c: char) -> f64 {
    match c {
        'H' => 722.0,
        ' ' | '.' | 't' => 278.0,
        'e' | 'o' | 'd' | 'p' | 'g' | 'n' | 'u' | 'a' | 'h' => 556.0,
        'w' => 722.0,
        's' | 'c' | 'v' => 500.0,
        'r' => 333.0,
        'l' | 'i' => 222.0,
        _ => panic!("no width typed in for {c:?}"),
    }
}

#[test]
fn highlight_quad_covers_exactly_the_sentence() {
    let doc = load("beslisnota.pdf");
    let page = doc.get_pages()[&1];
    let sentence = "Het wetsvoorstel introduceert een verplichte gedragscode.";
    // Where the content stream puts the sentence: "BT /F1 10 Tf x y Td (…) Tj ET".
    let content = String::from_utf8_lossy(&doc.get_page_content(page)).into_owned();
    let line = content
        .lines()
        .find(|l| l.contains(&format!("({sentence}) Tj")))
        .unwrap();
    let words: Vec<&str> = line.split(' ').collect();
    let (x, y): (f64, f64) = (words[4].parse().unwrap(), words[5].parse().unwrap());
    assert_eq!(words[3], "Tf");
    let size: f64 = words[2].parse().unwrap();
    let width: f64 = sentence.chars().map(afm_width).sum::<f64>() * size / 1000.0;

    let quads = numbers(page_annots(&doc, page)[1].get(b"QuadPoints").unwrap());
    // Upper left, upper right, lower left, lower right; AFM ascender 718, descender -207.
    let (top, bottom) = (y + 0.718 * size, y - 0.207 * size);
    let want = [x, top, x + width, top, x, bottom, x + width, bottom];
    assert_eq!(quads.len(), 8);
    for (got, want) in quads.iter().zip(want) {
        assert!(close(*got, want), "quad {quads:?}, want {want:?}");
    }
}

// --- Stored variants ---------------------------------------------------------

/// Objects equal as PDF data (stream positions in the file aside).
fn same_objects(a: &Document, b: &Document) {
    let ids = |d: &Document| d.objects.keys().copied().collect::<Vec<_>>();
    assert_eq!(ids(a), ids(b));
    for (id, x) in &a.objects {
        let y = &b.objects[id];
        match (x, y) {
            (Object::Stream(s), Object::Stream(t)) => {
                assert_eq!(s.dict, t.dict, "{id:?}");
                assert_eq!(s.content, t.content, "{id:?}");
            }
            _ => assert_eq!(x, y, "{id:?}"),
        }
    }
}

#[test]
fn encrypted_copies_decrypt_to_the_plain_note() {
    let plain = load("beslisnota.pdf");
    for file in [
        "beslisnota-rc4-40.pdf",
        "beslisnota-rc4-128.pdf",
        "beslisnota-aes-128.pdf",
        "beslisnota-aes-256.pdf",
    ] {
        let raw = read(file);
        // The empty user password opens them without asking.
        let opened = Document::load_mem(&raw).unwrap();
        assert!(!opened.is_encrypted(), "{file}");
        same_objects(&plain, &opened);
        // And the strings in the file are not readable as they are.
        assert!(!raw.windows(15).any(|w| w == b"MWP akkoord 8/6"), "{file}");
    }
}

#[test]
fn encryption_dictionaries_name_their_method() {
    let expect = [
        ("beslisnota-rc4-40.pdf", 1, 2, None),
        ("beslisnota-rc4-128.pdf", 2, 3, None),
        ("beslisnota-aes-128.pdf", 4, 4, Some("AESV2")),
        ("beslisnota-aes-256.pdf", 5, 6, Some("AESV3")),
        ("beslisnota-wachtwoord.pdf", 5, 6, Some("AESV3")),
    ];
    for (file, v, r, cfm) in expect {
        // The dictionary as written in the file.
        let raw_bytes = read(file);
        let text = String::from_utf8_lossy(&raw_bytes);
        assert!(text.contains(&format!("/V {v}/R {r}")), "{file}");
        if let Some(cfm) = cfm {
            assert!(text.contains(&format!("/CFM/{cfm}")), "{file}");
        }
    }
}

#[test]
fn password_copy_opens_with_geheim_or_the_owner_password() {
    let plain = load("beslisnota.pdf");
    let raw = read("beslisnota-wachtwoord.pdf");
    for password in ["geheim", "eigenaar"] {
        let doc =
            Document::load_mem_with_options(&raw, lopdf::LoadOptions::with_password(password))
                .unwrap();
        same_objects(&plain, &doc);
    }
    assert!(
        Document::load_mem_with_options(&raw, lopdf::LoadOptions::with_password("fout"))
            .map(|d| d.is_encrypted())
            .unwrap_or(true)
    );
}

#[test]
fn object_stream_copy_keeps_every_object() {
    let raw = read("beslisnota-objstm.pdf");
    let text = String::from_utf8_lossy(&raw);
    assert!(text.contains("/Type/ObjStm") && text.contains("/Type/XRef"));
    assert!(!text.contains("\nxref\n") && !text.contains("trailer"));
    let doc = Document::load_mem(&raw).unwrap();
    let plain = load("beslisnota.pdf");
    for (id, object) in &plain.objects {
        if let Object::Stream(s) = object {
            assert_eq!(
                doc.get_object(*id).unwrap().as_stream().unwrap().content,
                s.content
            );
        } else {
            assert_eq!(doc.get_object(*id).unwrap(), object, "{id:?}");
        }
    }
}

#[test]
fn incremental_update_newest_revision_wins() {
    let raw = read("beslisnota-incremental.pdf");
    let base = read("beslisnota.pdf");
    assert!(
        raw.starts_with(&base),
        "the first revision is beslisnota.pdf as it is"
    );
    let appended = String::from_utf8_lossy(&raw[base.len()..]).into_owned();
    assert!(appended.contains("/Prev"));

    let doc = Document::load_mem(&raw).unwrap();
    assert_eq!(doc.revision_count(), 2);
    let pages = doc.get_pages();
    let p1 = page_annots(&doc, pages[&1]);
    assert_eq!(
        bytes(p1[4], b"Contents"),
        b"Graag passage over zzp aanpassen zodat de termen zzp'er en zelfstandige niet door elkaar worden gebruikt."
    );
    let p2 = page_annots(&doc, pages[&2]);
    assert_eq!(p2.len(), 3);
    assert_eq!(
        bytes(p2[2], b"Contents"),
        b"Kan dit nog mee naar de RSD van 12 juni?"
    );
    assert_eq!(bytes(p2[2], b"M"), b"D:20260609101500+02'00'");
}

#[test]
fn damaged_copies_are_the_note_damaged() {
    let base = read("beslisnota.pdf");

    let junk = read("beslisnota-junk.pdf");
    assert_eq!(&junk[700..], &base[..]);
    assert!(!junk[..700].windows(4).any(|w| w == b"%PDF"));

    let bad = read("beslisnota-bad-xref.pdf");
    assert_eq!(bad.len(), base.len());
    let xref = base.windows(6).rposition(|w| w == b"\nxref\n").unwrap();
    assert_eq!(&bad[..xref], &base[..xref], "only the table changes");
    let entries = |b: &[u8]| -> Vec<usize> {
        String::from_utf8_lossy(&b[xref..])
            .lines()
            .filter(|l| l.ends_with(" n"))
            .map(|l| l[..10].parse().unwrap())
            .collect()
    };
    let shifted: Vec<usize> = entries(&base).iter().map(|o| o + 100).collect();
    assert_eq!(entries(&bad), shifted);
    assert!(Document::load_mem(&bad).unwrap().xref_recovery.is_some());

    let cut = read("beslisnota-truncated.pdf");
    assert_eq!(cut.len() + 1024, base.len());
    assert!(base.starts_with(&cut));
    let recovered = Document::load_mem(&cut).unwrap();
    assert!(recovered.xref_recovery.is_some());
    assert_eq!(recovered.get_pages().len(), 2);
}

// --- The flattened release -------------------------------------------------

#[test]
fn flattened_note_has_no_annotations_and_its_text_matches() {
    let doc = load("beslisnota-flattened.pdf");
    for (_, page) in doc.get_pages() {
        assert!(!doc.get_dictionary(page).unwrap().has(b"Annots"));
    }
    let txt = String::from_utf8(read("beslisnota-flattened.txt")).unwrap();
    let pages: Vec<&str> = txt.split('\u{C}').collect();
    assert_eq!(pages.len(), 4, "three pages, each ended by a form feed");
    assert_eq!(pages[3], "");
    assert!(pages[0].starts_with("MWP akkoord 8-6-2026\n\n"));
    assert!(pages[2].starts_with(
        "Overzicht van opmerkingen bij Beslisnota - Voortgang wetsvoorstel gedragscode ongewenst gedrag\n\nPagina: 1\n\n"
    ));
    for entry in [
        "Nummer: 1 Auteur: Aartsen, A.A. Onderwerp: Tekst plaatsen Datum: 8-6-2026 09:11:02\nMWP akkoord 8/6\n",
        "Nummer: 2 Auteur: Onderwerp: Markering Datum: 27-5-2026 15:54:32\n",
        "Nummer: 3 Auteur: Aartsen, A.A. Onderwerp: Free Hand Datum: Onbepaald\n",
        "Nummer: 4 Auteur: Aartsen, A.A. Onderwerp: (Unknown) Datum: Onbepaald\nGraag passage over zzp aanpassen zodat die termen niet door elkaar worden gebruikt.\n",
        "Pagina: 2\n\nNummer: 1 Auteur: Onderwerp: Markering Datum: 27-5-2026 15:55:10\n",
    ] {
        assert!(pages[2].contains(entry), "{entry}");
    }
    text_is_on_its_pages(&doc, &pages[..3]);
}

/// Every line of a `.txt` fixture is text lopdf finds on the same page of
/// its PDF (after the bullet or item number the `.txt` joins to it).
fn text_is_on_its_pages(doc: &Document, pages: &[&str]) {
    for (n, page) in pages.iter().enumerate() {
        let extracted = doc.extract_text(&[n as u32 + 1]).unwrap();
        let squash = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
        let extracted = squash(&extracted);
        for line in page.lines().filter(|l| !l.is_empty()) {
            let line = squash(line.trim_start_matches("• "));
            let line = line
                .split_once(". ")
                .filter(|(number, _)| number.chars().all(|c| c.is_ascii_digit()))
                .map_or(line.as_str(), |(_, rest)| rest);
            assert!(extracted.contains(line), "page {}: {line:?}", n + 1);
        }
    }
}

// --- The bundle of three notas ----------------------------------------------

#[test]
fn bundle_holds_one_live_comment_and_its_text_matches() {
    let doc = load("notas-bundel.pdf");
    let pages: Vec<ObjectId> = doc.get_pages().into_values().collect();
    let annotated: Vec<bool> = pages
        .iter()
        .map(|&p| doc.get_dictionary(p).unwrap().has(b"Annots"))
        .collect();
    assert_eq!(annotated, [false, false, false, false, true, false]);
    let annots = page_annots(&doc, pages[4]);
    assert_eq!(annots.len(), 1);
    let typed = annots[0];
    assert_eq!(name(typed, b"Subtype"), "FreeText");
    assert_eq!(bytes(typed, b"Contents"), b"SG gezien 6/5");
    assert_eq!(bytes(typed, b"T"), b"Vries, M. de");
    assert_eq!(bytes(typed, b"M"), b"D:20260506162000+02'00'");

    let txt = String::from_utf8(read("notas-bundel.txt")).unwrap();
    let text_pages: Vec<&str> = txt.split('\u{C}').collect();
    assert_eq!(text_pages.len(), 7, "six pages, each ended by a form feed");
    assert!(
        text_pages[0]
            .starts_with("MWP akkoord 2-6-2026\n\nAan Minister van Werk en Participatie\n")
    );
    assert!(
        text_pages[3]
            .trim_end()
            .ends_with("Minister akkoord 20-4-2026")
    );
    assert!(text_pages[5].starts_with(
        "Overzicht van opmerkingen bij Beslisnota - Fiscale behandling van thuiswerkvergoedingen in de loonbelasting\n"
    ));
    text_is_on_its_pages(&doc, &text_pages[..6]);
}

// --- The scanned note --------------------------------------------------------

#[test]
fn scanned_note_is_only_images() {
    let doc = load("beslisnota-gescand.pdf");
    let pages = doc.get_pages();
    assert_eq!(pages.len(), 2);
    assert!(doc.trailer.get(b"Info").is_ok());
    for (number, page) in pages {
        let content = doc.get_page_content(page);
        let content = String::from_utf8(content).unwrap();
        assert_eq!(
            content.trim_end(),
            format!("q 595 0 0 842 0 0 cm /Im{number} Do Q")
        );
        let resources = doc.get_dictionary(page).unwrap().get(b"Resources").unwrap();
        let resources = doc
            .get_dictionary(resources.as_reference().unwrap())
            .unwrap();
        let xobjects = resources.get(b"XObject").unwrap().as_dict().unwrap();
        let id = xobjects
            .get(format!("Im{number}").as_bytes())
            .unwrap()
            .as_reference()
            .unwrap();
        let image = doc.get_object(id).unwrap().as_stream().unwrap();
        assert_eq!(name(&image.dict, b"Subtype"), "Image");
        assert_eq!(image.dict.get(b"Width").unwrap().as_i64().unwrap(), 2479);
        assert_eq!(image.dict.get(b"Height").unwrap().as_i64().unwrap(), 3508);
        assert_eq!(
            image
                .dict
                .get(b"BitsPerComponent")
                .unwrap()
                .as_i64()
                .unwrap(),
            1
        );
        assert_eq!(name(&image.dict, b"ColorSpace"), "DeviceGray");
        // A page of printed text: mostly white, some black.
        let bits = image.decompressed_content().unwrap();
        assert_eq!(bits.len(), 2479_usize.div_ceil(8) * 3508);
        let black: u32 = bits.iter().map(|b| b.count_zeros()).sum();
        let share = f64::from(black) / (2479.0 * 3508.0);
        assert!((0.005..0.1).contains(&share), "page {number}: {share}");
    }
    let info = doc.trailer.get(b"Info").unwrap().as_reference().unwrap();
    let info = doc.get_dictionary(info).unwrap();
    assert!(!info.has(b"CreationDate") && !info.has(b"ModDate"));
}

// --- subtypes.pdf ------------------------------------------------------------

#[test]
fn subtypes_cover_table_171_and_one_unknown() {
    let doc = load("subtypes.pdf");
    let annots = page_annots(&doc, doc.get_pages()[&1]);
    let subtypes: Vec<String> = annots.iter().map(|a| name(a, b"Subtype")).collect();
    assert_eq!(
        subtypes,
        [
            "Text",
            "Link",
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
            "Popup",
            "FileAttachment",
            "Sound",
            "Movie",
            "Screen",
            "Widget",
            "PrinterMark",
            "TrapNet",
            "Watermark",
            "3D",
            "Redact",
            "Projection",
            "RichMedia",
            "Kanttekening",
        ]
    );
    let by = |s: &str| annots[subtypes.iter().position(|x| x == s).unwrap()];
    assert_eq!(name(by("Stamp"), b"Name"), "Approved");
    assert_eq!(numbers(by("Square").get(b"C").unwrap()), [0.25]);
    assert_eq!(
        numbers(by("Circle").get(b"C").unwrap()),
        [0.0, 1.0, 1.0, 0.0]
    );
    assert!(numbers(by("Polygon").get(b"C").unwrap()).is_empty());
    assert_eq!(numbers(by("Text").get(b"C").unwrap()), [1.0, 1.0, 0.0]);
    let rect = numbers(by("Square").get(b"Rect").unwrap());
    assert!(rect[2] < rect[0], "the reversed /Rect: {rect:?}");
    assert_eq!(by("Projection").get(b"F").unwrap().as_i64().unwrap(), 1028);
    assert_eq!(by("Kanttekening").get(b"F").unwrap().as_i64().unwrap(), 1);
    assert!(!by("Circle").has(b"F"));
    assert_eq!(name(by("FreeText"), b"IT"), "FreeTextCallout");
    assert!(annots.iter().all(|a| a.has(b"NM")));
    let popup = by("Popup").get(b"Parent").unwrap().as_reference().unwrap();
    assert_eq!(doc.get_dictionary(popup).unwrap(), by("Text"));
}

// --- strings.pdf -------------------------------------------------------------

#[test]
fn strings_carry_the_raw_syntax() {
    let raw = read("strings.pdf");
    let has = |needle: &[u8]| raw.windows(needle.len()).any(|w| w == needle);
    assert!(has(b"\\101\\102\\103"));
    assert!(has(b"(Pie\\\nters)"));
    assert!(has(b"regel die \\\r\ndoorloopt."));
    assert!(has(b"(Bakker,\rB.)"));
    assert!(has(b"Tweede regel\r\nDerde regel\nVierde regel)"));

    let doc = load("strings.pdf");
    let pages = doc.get_pages();
    let p1 = page_annots(&doc, pages[&1]);
    assert_eq!(bytes(p1[0], b"T"), b"Jan de Vr\xEFes");
    let all: Vec<u8> = (0x18..=0x1F).chain(0x80..=0xAD).collect();
    assert!(
        bytes(p1[0], b"Contents")
            .windows(46)
            .any(|w| w == &all[8..])
    );
    assert_eq!(bytes(p1[1], b"T")[..2], [0xFE, 0xFF]);
    assert_eq!(bytes(p1[3], b"T")[..2], [0xFF, 0xFE]);
    assert_eq!(bytes(p1[4], b"T")[..3], [0xEF, 0xBB, 0xBF]);
    assert_eq!(bytes(p1[6], b"T"), b"Jansen (red.)");
    assert_eq!(
        bytes(p1[6], b"Contents"),
        b"Regel 1\nRegel 2\tna tab \\ backslash (haakjes) octaal ABC \xE9\xE9n twee cijfers + onbekend q"
    );
    assert_eq!(
        bytes(p1[7], b"Contents"),
        b"Dit is een lange regel die doorloopt."
    );
    assert_eq!(
        bytes(p1[9], b"Contents"),
        b"Eerste regel\nTweede regel\nDerde regel\nVierde regel"
    );
    assert!(bytes(p1[11], b"T").ends_with(&[0, 0, 0, 0]));
}

#[test]
fn strings_structure_cases() {
    let doc = load("strings.pdf");
    let pages = doc.get_pages();
    let page2 = doc.get_dictionary(pages[&2]).unwrap();
    let entries = page2.get(b"Annots").unwrap().as_array().unwrap();
    assert!(
        matches!(entries[0], Object::Dictionary(_)),
        "inline annotation first"
    );
    assert_eq!(entries.last().unwrap(), &Object::Reference((999, 0)));
    assert!(doc.get_object((999, 0)).is_err());
    let annots = page_annots(&doc, pages[&2]);
    assert!(matches!(
        annots[1].get(b"Rect").unwrap(),
        Object::Reference(_)
    ));
    assert!(matches!(
        annots[1].get(b"Contents").unwrap(),
        Object::Reference(_)
    ));
    assert!(annots[2].has(b"RC") && !annots[2].has(b"Contents"));
    let rc = annots[3].get(b"RC").unwrap().as_reference().unwrap();
    assert!(doc.get_object(rc).unwrap().as_stream().is_ok());
    assert_eq!(numbers(annots[4].get(b"QuadPoints").unwrap()).len(), 10);
    assert!(
        annots[5].get(b"Rect").unwrap().as_array().unwrap()[1]
            .as_name()
            .is_ok()
    );
    let page3 = doc.get_dictionary(pages[&3]).unwrap();
    assert!(matches!(
        page3.get(b"Annots").unwrap(),
        Object::Reference(_)
    ));
    assert_eq!(page_annots(&doc, pages[&3]).len(), 1);
}

// --- dates.pdf ---------------------------------------------------------------

#[test]
fn dates_are_written_as_given() {
    let doc = load("dates.pdf");
    let annots = page_annots(&doc, doc.get_pages()[&1]);
    let forms: [&[u8]; 15] = [
        b"D:20260608091102+02'00'",
        b"D:20260608091102-05'00'",
        b"D:20260608071102Z",
        b"D:20260608091102",
        b"D:2026",
        b"D:202606",
        b"D:20260608091102+02'00",
        b"D:20260608091102+0200",
        b"D:20260608091102+02''00''",
        b"20260608091102+02'00'",
        b"D:20260608091102+02'00'xyz",
        b"D:191260608091102",
        b"D:20261308091102+02'00'",
        b"D:20260230091102+02'00'",
        b"2026-06-08T09:11:02+02:00",
    ];
    assert_eq!(annots.len(), forms.len());
    for (a, form) in annots.iter().zip(forms) {
        assert_eq!(bytes(a, b"M"), form);
        assert_eq!(bytes(a, b"CreationDate"), form);
    }
}

// --- pagetree.pdf ------------------------------------------------------------

/// An attribute of a page, inherited from its ancestors when it has none.
fn inherited<'a>(doc: &'a Document, page: ObjectId, key: &[u8]) -> Option<&'a Object> {
    let mut node = doc.get_dictionary(page).ok()?;
    for _ in 0..16 {
        if let Ok(v) = node.get(key) {
            return Some(v);
        }
        node = doc
            .get_dictionary(node.get(b"Parent").ok()?.as_reference().ok()?)
            .ok()?;
    }
    None
}

#[test]
fn pagetree_inheritance_repeats_and_labels() {
    let doc = load("pagetree.pdf");
    let pages = doc.get_pages();
    assert_eq!(pages.len(), 7);
    assert_eq!(pages[&3], pages[&5], "P3 is listed twice");
    let root = doc
        .catalog()
        .unwrap()
        .get(b"Pages")
        .unwrap()
        .as_reference()
        .unwrap();
    assert_eq!(
        doc.get_dictionary(root)
            .unwrap()
            .get(b"Count")
            .unwrap()
            .as_i64()
            .unwrap(),
        7
    );

    let media = |n: u32| numbers(inherited(&doc, pages[&n], b"MediaBox").unwrap());
    let rotate = |n: u32| inherited(&doc, pages[&n], b"Rotate").map_or(0, |r| r.as_i64().unwrap());
    assert_eq!(media(1), [0.0, 0.0, 595.0, 842.0]);
    assert_eq!(media(3), [0.0, 0.0, 612.0, 792.0]);
    assert_eq!(media(4), [0.0, 0.0, 612.0, 792.0]);
    assert_eq!(media(6), [0.0, 0.0, 842.0, 595.0]);
    assert_eq!(
        [1, 2, 3, 4, 5, 6, 7].map(rotate),
        [90, 0, 0, 180, 0, 270, 0]
    );
    assert_eq!(
        numbers(inherited(&doc, pages[&2], b"CropBox").unwrap()),
        [20.0, 20.0, 575.0, 822.0]
    );
    assert!(!doc.get_dictionary(pages[&4]).unwrap().has(b"Resources"));
    assert!(inherited(&doc, pages[&4], b"Resources").is_some());

    let annotated: Vec<u32> = (1..=7)
        .filter(|n| doc.get_dictionary(pages[n]).unwrap().has(b"Annots"))
        .collect();
    assert_eq!(annotated, [1, 3, 4, 5, 6]);

    let labels = doc
        .catalog()
        .unwrap()
        .get(b"PageLabels")
        .unwrap()
        .as_dict()
        .unwrap();
    let nums = labels.get(b"Nums").unwrap().as_array().unwrap();
    assert_eq!(nums.len(), 6);
    let range = nums[3].as_dict().unwrap();
    assert_eq!(name(range, b"S"), "D");
    assert_eq!(bytes(range, b"P"), b"Bijlage-");
    assert_eq!(range.get(b"St").unwrap().as_i64().unwrap(), 7);
}

// --- stamps.pdf --------------------------------------------------------------

/// The normal appearance stream of an annotation, and its dictionary.
fn normal_appearance<'a>(doc: &'a Document, annot: &Dictionary) -> &'a lopdf::Stream {
    let ap = annot.get(b"AP").unwrap().as_dict().unwrap();
    let id = ap.get(b"N").unwrap().as_reference().unwrap();
    doc.get_object(id).unwrap().as_stream().unwrap()
}

#[test]
fn stamps_say_it_only_in_their_appearance() {
    let doc = load("stamps.pdf");
    let pages = doc.get_pages();
    let annots = page_annots(&doc, pages[&1]);
    let subtypes: Vec<String> = annots.iter().map(|a| name(a, b"Subtype")).collect();
    assert_eq!(subtypes, ["Stamp", "Stamp", "FreeText"]);
    for annot in &annots {
        assert!(!annot.has(b"Contents") && !annot.has(b"RC"));
    }

    // 1. The dynamic stamp: a 400 × 120 form scaled by half into a
    //    200 × 60 rectangle, its three lines shown with Tj.
    let dynamic = annots[0];
    assert_eq!(name(dynamic, b"Name"), "#8HnQvkNxYWqAe1fZ4Jd3tB");
    assert_eq!(bytes(dynamic, b"T"), b"Secretariaat MWP");
    assert_eq!(bytes(dynamic, b"M"), b"D:20260608091102+02'00'");
    assert_eq!(
        numbers(dynamic.get(b"Rect").unwrap()),
        [360.0, 750.0, 560.0, 810.0]
    );
    let form = normal_appearance(&doc, dynamic);
    assert_eq!(
        numbers(form.dict.get(b"BBox").unwrap()),
        [0.0, 0.0, 400.0, 120.0]
    );
    assert_eq!(
        numbers(form.dict.get(b"Matrix").unwrap()),
        [0.5, 0.0, 0.0, 0.5, 0.0, 0.0]
    );
    let content = String::from_utf8_lossy(&form.content).into_owned();
    for line in [
        "(AKKOORD) Tj",
        "(Minister van SZW) Tj",
        "(08-06-2026 09:11) Tj",
    ] {
        assert!(content.contains(line), "{line} in {content}");
    }

    // 2. The standard stamp: its form paints one image and shows no text.
    let approved = annots[1];
    assert_eq!(name(approved, b"Name"), "Approved");
    let form = normal_appearance(&doc, approved);
    let content = String::from_utf8_lossy(&form.content).into_owned();
    assert!(content.contains("/Im1 Do") && !content.contains("Tj"));

    // 3. The text box.
    let text_box = annots[2];
    assert_eq!(bytes(text_box, b"T"), b"Secretariaat SG");
    let form = normal_appearance(&doc, text_box);
    let content = String::from_utf8_lossy(&form.content).into_owned();
    assert!(content.contains("(Gezien. SG 9/6) Tj"), "{content}");
}
