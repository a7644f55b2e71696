//! Scanned pages without a text layer: found always, read by OCR with the
//! `ocr` feature. The expected values are those `fixtures/README.md` gives
//! for `beslisnota-gescand.pdf`, the text that was scanned.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use kantlijn::Document;

const SCAN: &str = "fixtures/beslisnota-gescand.pdf";

#[test]
fn pages_without_a_text_layer_are_named_in_one_warning() {
    let doc = Document::open(SCAN).unwrap();
    let messages: Vec<&str> = doc.warnings().iter().map(|w| w.message.as_str()).collect();
    assert_eq!(
        messages,
        ["pages 1 and 2 have no text layer; --ocr reads them"]
    );
    assert!(doc.comments().is_empty());
    assert!(doc.decisions().is_empty());
    assert!(doc.report().ocr_pages.is_empty());
}

#[test]
fn a_page_with_a_text_layer_over_its_scan_is_not_named() {
    // An image over the whole page and an invisible OCR text layer.
    let doc = Document::open("fixtures/text-ocr-scan.pdf").unwrap();
    assert!(
        doc.warnings()
            .iter()
            .all(|w| !w.message.contains("text layer")),
        "{:?}",
        doc.warnings()
    );
}

#[cfg(feature = "ocr")]
mod recognised {
    use super::*;
    use kantlijn::{OcrOptions, Options, Verdict};

    fn with_ocr() -> Options {
        let mut options = Options::default();
        options.ocr = Some(OcrOptions::default());
        options
    }

    fn open(bytes: Vec<u8>, options: &Options) -> Document {
        Document::from_bytes("scan.pdf", bytes, options).unwrap()
    }

    /// The scanned note with its first page changed by `change`, saved.
    fn first_page_changed(change: impl FnOnce(&mut lopdf::Document, lopdf::ObjectId)) -> Vec<u8> {
        let mut doc = lopdf::Document::load(SCAN).unwrap();
        let first = doc.get_pages()[&1];
        change(&mut doc, first);
        let mut bytes = Vec::new();
        doc.save_to(&mut bytes).unwrap();
        bytes
    }

    fn set_content(doc: &mut lopdf::Document, page: lopdf::ObjectId, content: &str) {
        let stream = lopdf::Stream::new(lopdf::Dictionary::new(), content.as_bytes().to_vec());
        let id = doc.add_object(stream);
        let dict = doc.get_dictionary_mut(page).unwrap();
        dict.set("Contents", lopdf::Object::Reference(id));
    }

    #[test]
    fn the_scanned_note_gives_its_decision_and_its_summary() {
        let doc = Document::open_with(SCAN, &with_ocr()).unwrap();
        assert!(doc.warnings().is_empty(), "{:?}", doc.warnings());

        let entries: Vec<_> = doc
            .comments()
            .iter()
            .map(|c| {
                (
                    c.target_page,
                    c.number,
                    c.author.as_deref(),
                    c.subject.as_deref(),
                    c.date.map(|d| d.to_string()),
                    c.contents.as_deref(),
                    c.page,
                )
            })
            .collect();
        assert_eq!(
            entries,
            [
                (
                    Some(1),
                    Some(1),
                    Some("Vermeulen, C."),
                    Some("Notitie"),
                    Some("2026-06-04 16:02:51".to_owned()),
                    Some("Graag de kosten per inspectie in de brief opnemen."),
                    Some(2)
                ),
                (
                    Some(1),
                    Some(2),
                    Some("Aartsen, A.A."),
                    Some("Markering"),
                    Some("2026-06-08 09:13:05".to_owned()),
                    None,
                    Some(2)
                ),
                (
                    Some(1),
                    Some(3),
                    Some("Aartsen, A.A."),
                    Some("Notitie"),
                    Some("2026-06-08 09:15:40".to_owned()),
                    Some("Brief pas na het commissiedebat versturen."),
                    Some(2)
                ),
            ]
        );

        let decisions = doc.decisions();
        assert_eq!(decisions.len(), 1, "{decisions:#?}");
        let decision = &decisions[0];
        assert_eq!(decision.actor.as_deref(), Some("MWP"));
        assert_eq!(decision.verdict, Verdict::Approved);
        assert_eq!(
            decision.date.map(|d| d.to_string()).as_deref(),
            Some("2026-06-08")
        );
        assert_eq!(decision.page, Some(1));
        // The year is the nota's ("Datum 2 juni 2026"): the file has no dates.
        assert_eq!(decision.date_basis, Some(kantlijn::DateBasis::NotaDate));
        assert!(decision.seen_in.iter().all(|s| s.ocr));
        assert!(doc.comments().iter().all(|c| c.ocr));
        assert_eq!(doc.report().ocr_pages, [1, 2]);

        // The nota header on the scan, as the fixture's README lists it;
        // the stamp's decision is taken on it.
        let notas = doc.notas();
        assert_eq!(notas.len(), 1, "{notas:#?}");
        let nota = &notas[0];
        assert_eq!(
            nota.title.as_deref(),
            Some("Inzet arbeidsinspectie bij seizoensarbeid")
        );
        assert_eq!(
            nota.addressee.as_deref(),
            Some("Minister van Werk en Participatie")
        );
        assert_eq!(
            nota.date.map(|d| d.to_string()).as_deref(),
            Some("2026-06-02")
        );
        assert_eq!(nota.reference.as_deref(), Some("2026-0000458021"));
        assert_eq!(nota.first_page, Some(1));
        assert_eq!(nota.decisions, [0]);
    }

    #[test]
    fn recognised_words_stand_where_the_page_shows_them() {
        let doc = Document::open_with(SCAN, &with_ocr()).unwrap();
        let page = doc.page_text(1).unwrap();
        assert!(page.ocr && !page.draws_text && page.image_coverage > 0.99);
        let first = &page.lines[0];
        let words: Vec<&str> = first.words.iter().map(|w| w.text.as_str()).collect();
        assert_eq!(words, ["MWP", "akkoord", "8/6"]);
        // Set in 12 pt Helvetica at (302, 818): "MWP" is 31.3 pt wide.
        let mwp = &first.words[0];
        assert!((mwp.rect.x0 - 302.0).abs() < 2.0, "{:?}", mwp.rect);
        assert!((mwp.rect.x1 - 333.3).abs() < 3.0, "{:?}", mwp.rect);
        assert!(
            mwp.rect.y0 < 818.0 && mwp.rect.y1 > 818.0 + 6.0,
            "{:?}",
            mwp.rect
        );
        assert!((mwp.font_size - 12.0).abs() < 3.0, "{}", mwp.font_size);
        assert!(page.words().all(|w| w.confidence.is_some()));
        let plain = page.plain_text();
        for line in [
            "Datum\n2 juni 2026\n",
            "Aan Minister van Werk en Participatie\n",
        ] {
            assert!(plain.contains(line), "{line:?} in {plain}");
        }
    }

    #[test]
    fn a_turned_page_is_read_upright_in_user_space() {
        // The sheet lies on its side in user space and /Rotate 90 shows it
        // upright: the display's top-left corner is user space's origin.
        let bytes = first_page_changed(|doc, page| {
            set_content(doc, page, "q 0 595 -842 0 842 0 cm /Im1 Do Q");
            let dict = doc.get_dictionary_mut(page).unwrap();
            dict.set("MediaBox", vec![0.into(), 0.into(), 842.into(), 595.into()]);
            dict.set("Rotate", 90);
        });
        let doc = open(bytes, &with_ocr());
        let page = doc.page_text(1).unwrap();
        assert!(page.ocr);
        let mwp = page.words().find(|w| w.text == "MWP").unwrap();
        // Upright at (302, 818) on the shown page: 24 pt from its top.
        assert!((mwp.rect.y0 - 302.0).abs() < 2.0, "{:?}", mwp.rect);
        assert!(mwp.rect.x0 > 15.0 && mwp.rect.x1 < 35.0, "{:?}", mwp.rect);
        assert_eq!(
            doc.decisions()[0].date.map(|d| d.to_string()).as_deref(),
            Some("2026-06-08")
        );
    }

    #[test]
    fn the_crop_box_moves_the_words_with_it() {
        let bytes = first_page_changed(|doc, page| {
            set_content(doc, page, "q 595 0 0 842 100 50 cm /Im1 Do Q");
            let dict = doc.get_dictionary_mut(page).unwrap();
            dict.set(
                "MediaBox",
                vec![0.into(), 0.into(), 800.into(), 1000.into()],
            );
            dict.set(
                "CropBox",
                vec![100.into(), 50.into(), 695.into(), 892.into()],
            );
        });
        let doc = open(bytes, &with_ocr());
        let page = doc.page_text(1).unwrap();
        let mwp = page.words().find(|w| w.text == "MWP").unwrap();
        assert!((mwp.rect.x0 - 402.0).abs() < 2.0, "{:?}", mwp.rect);
        assert!(mwp.rect.y0 < 868.0 && mwp.rect.y1 > 874.0, "{:?}", mwp.rect);
    }

    #[test]
    fn pages_with_a_text_layer_are_not_recognised() {
        for name in [
            "text-ocr-scan.pdf",
            "beslisnota-flattened.pdf",
            "text-rotated.pdf",
        ] {
            let path = format!("fixtures/{name}");
            let plain = kantlijn::extract(&path, &Options::default()).unwrap();
            let read = kantlijn::extract(&path, &with_ocr()).unwrap();
            assert_eq!(plain, read, "{name}");
            let doc = Document::open_with(&path, &with_ocr()).unwrap();
            assert!(doc.page_texts().all(|p| !p.ocr), "{name}");
        }
    }

    #[test]
    fn a_page_over_the_pixel_bound_is_a_warning_and_the_rest_is_read() {
        let mut options = with_ocr();
        // Page 1 is turned into a larger sheet; page 2 stays A4.
        let bytes = first_page_changed(|doc, page| {
            set_content(doc, page, "q 2384 0 0 3370 0 0 cm /Im1 Do Q");
            let dict = doc.get_dictionary_mut(page).unwrap();
            dict.set(
                "MediaBox",
                vec![0.into(), 0.into(), 2384.into(), 3370.into()],
            );
        });
        options.limits.max_ocr_pixels = 10_000_000;
        let doc = open(bytes, &options);
        let messages: Vec<_> = doc
            .warnings()
            .iter()
            .map(|w| (w.page, w.message.as_str()))
            .collect();
        assert!(
            messages
                .iter()
                .any(|(page, m)| *page == Some(1) && m.contains("needs more than 10000000 pixels")),
            "{messages:?}"
        );
        assert!(
            messages
                .iter()
                .any(|(_, m)| *m == "page 1 has no text layer and could not be read by OCR"),
            "{messages:?}"
        );
        assert_eq!(doc.comments().len(), 3, "page 2 is read");
    }

    #[test]
    fn an_image_that_cannot_be_decoded_is_a_warning() {
        let bytes = first_page_changed(|doc, page| {
            let mut dict = lopdf::Dictionary::new();
            dict.set("Type", lopdf::Object::Name(b"XObject".to_vec()));
            dict.set("Subtype", lopdf::Object::Name(b"Image".to_vec()));
            dict.set("Width", 100);
            dict.set("Height", 100);
            dict.set("ColorSpace", lopdf::Object::Name(b"DeviceGray".to_vec()));
            dict.set("BitsPerComponent", 8);
            dict.set("Filter", lopdf::Object::Name(b"DCTDecode".to_vec()));
            let broken = doc.add_object(lopdf::Stream::new(dict, b"not a JPEG".to_vec()));
            let mut xobjects = lopdf::Dictionary::new();
            xobjects.set("Im1", broken);
            let mut resources = lopdf::Dictionary::new();
            resources.set("XObject", xobjects);
            let dict = doc.get_dictionary_mut(page).unwrap();
            dict.set("Resources", resources);
        });
        let doc = open(bytes, &with_ocr());
        let messages: Vec<_> = doc.warnings().iter().map(|w| w.message.as_str()).collect();
        assert!(
            messages.iter().any(|m| m.contains("could not be decoded")),
            "{messages:?}"
        );
        assert_eq!(doc.comments().len(), 3, "page 2 is read");
    }

    #[test]
    fn languages_tesseract_lacks_are_one_warning() {
        let mut options = Options::default();
        options.ocr = Some(OcrOptions::with_languages("qqq"));
        let doc = Document::open_with(SCAN, &options).unwrap();
        let messages: Vec<_> = doc.warnings().iter().map(|w| w.message.as_str()).collect();
        assert!(
            messages.iter().any(|m| m.starts_with(
                "Tesseract could not load the languages qqq; install their data (tesseract-ocr-qqq)"
            ) && m.ends_with("pages 1 and 2 are not read by OCR")),
            "{messages:?}"
        );
        assert!(OcrOptions::with_languages("qqq").check().is_err());
        assert!(OcrOptions::with_languages("../x").check().is_err());
        assert!(OcrOptions::default().check().is_ok());
    }
}
