//! The page text layer and the text under markup annotations, on small
//! PDFs built here with lopdf: bounds, defects and odd constructions. The
//! shipped cases (wrapped lines, columns, a rotated page, a CID font,
//! ligatures, an OCR scan) are the builder's fixtures, tested in
//! `tests/text_positions.rs`.
//!
//! Positions come from the fonts' published metrics: Courier's glyphs are
//! all 600/1000 em wide, so at 10 points every character is 6 units wide
//! and a quad around characters `a..b` of a line starting at `x` runs from
//! `x + 6a` to `x + 6b` (the numbers below are worked out that way).

#![cfg(feature = "text")]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use std::time::{Duration, Instant};

/// A page that would run on without its bound (a decoded image of 60,000
/// rows, forms nested a million deep) takes far longer than this; a debug
/// build on a loaded machine reads the bounded page well within it. It
/// tells a hang from a finished read, not fast from slow.
const HANG: Duration = Duration::from_secs(60);

use kantlijn::{Annotation, Document, Options, Subtype};
use lopdf::{Dictionary, Object, ObjectId, Stream, dictionary};

/// A PDF under construction: one `/Pages` node, pages added in order.
struct Builder {
    doc: lopdf::Document,
    pages_id: ObjectId,
    kids: Vec<Object>,
}

impl Builder {
    fn new() -> Self {
        let mut doc = lopdf::Document::with_version("1.7");
        let pages_id = doc.new_object_id();
        Self {
            doc,
            pages_id,
            kids: Vec::new(),
        }
    }

    fn add(&mut self, object: impl Into<Object>) -> ObjectId {
        self.doc.add_object(object)
    }

    /// Courier, not embedded (one of the standard 14).
    fn courier(&mut self) -> ObjectId {
        self.add(dictionary! {
            "Type" => "Font",
            "Subtype" => "Type1",
            "BaseFont" => "Courier",
            "Encoding" => "WinAnsiEncoding",
        })
    }

    /// Adds a page with the given content, fonts (`/F1`, `/F2`, …), other
    /// resources and page entries; returns its id.
    fn page(
        &mut self,
        content: &str,
        fonts: &[ObjectId],
        resources: Dictionary,
        entries: Dictionary,
    ) -> ObjectId {
        let content_id = self.add(Stream::new(Dictionary::new(), content.as_bytes().to_vec()));
        let mut font_dict = Dictionary::new();
        for (i, font) in fonts.iter().enumerate() {
            font_dict.set(format!("F{}", i + 1), *font);
        }
        let mut resources = resources;
        resources.set("Font", font_dict);
        let mut page = dictionary! {
            "Type" => "Page",
            "Parent" => self.pages_id,
            "MediaBox" => vec![0.into(), 0.into(), 612.into(), 792.into()],
            "Contents" => content_id,
            "Resources" => resources,
        };
        for (key, value) in entries.iter() {
            page.set(key.clone(), value.clone());
        }
        let id = self.add(page);
        self.kids.push(id.into());
        id
    }

    /// Adds annotations to a page.
    fn annotate(&mut self, page: ObjectId, annotations: Vec<Dictionary>) {
        let ids: Vec<Object> = annotations
            .into_iter()
            .map(|a| self.add(a).into())
            .collect();
        let page = self
            .doc
            .get_object_mut(page)
            .unwrap()
            .as_dict_mut()
            .unwrap();
        page.set("Annots", ids);
    }

    fn bytes(mut self) -> Vec<u8> {
        let count = self.kids.len() as i64;
        self.doc.objects.insert(
            self.pages_id,
            Object::Dictionary(dictionary! {
                "Type" => "Pages",
                "Kids" => self.kids,
                "Count" => count,
            }),
        );
        let catalog = self.doc.add_object(dictionary! {
            "Type" => "Catalog",
            "Pages" => self.pages_id,
        });
        self.doc.trailer.set("Root", catalog);
        let mut out = Vec::new();
        self.doc.save_to(&mut out).unwrap();
        out
    }
}

/// A markup annotation with Acrobat-style quads (top-left, top-right,
/// bottom-left, bottom-right), one per `(x0, x1, baseline)`, each from 3
/// units below the baseline to 9 above (Courier 10 pt).
fn markup(subtype: &str, spans: &[(f64, f64, f64)]) -> Dictionary {
    let mut quads = Vec::new();
    let (mut left, mut bottom, mut right, mut top) = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
    for &(x0, x1, baseline) in spans {
        let (y0, y1) = (baseline - 3.0, baseline + 9.0);
        for v in [x0, y1, x1, y1, x0, y0, x1, y0] {
            quads.push(Object::Real(v as f32));
        }
        left = left.min(x0);
        right = right.max(x1);
        bottom = bottom.min(y0);
        top = top.max(y1);
    }
    dictionary! {
        "Type" => "Annot",
        "Subtype" => subtype,
        "Rect" => vec![left.into(), bottom.into(), right.into(), top.into()],
        "QuadPoints" => quads,
    }
}

fn open(bytes: Vec<u8>) -> Document {
    Document::from_bytes("built.pdf", bytes, &Options::default()).unwrap()
}

fn text_under(doc: &Document) -> Vec<Option<&str>> {
    doc.annotations()
        .iter()
        .map(|a: &Annotation| a.text_under.as_deref())
        .collect()
}

fn plain(doc: &Document, page: usize) -> String {
    doc.page_text(page).unwrap().plain_text()
}

#[test]
fn word_boxes_follow_the_standard_font_metrics() {
    let mut pdf = Builder::new();
    let font = pdf.courier();
    pdf.page(
        "BT /F1 10 Tf 72 700 Td (MWP akkoord 8/6) Tj ET",
        &[font],
        Dictionary::new(),
        Dictionary::new(),
    );
    let doc = open(pdf.bytes());
    let text = doc.page_text(1).unwrap();
    let words: Vec<(&str, f64, f64)> = text
        .words()
        .map(|w| (w.text.as_str(), w.rect.x0, w.rect.x1))
        .collect();
    assert_eq!(
        words,
        [
            ("MWP", 72.0, 90.0),
            ("akkoord", 96.0, 138.0),
            ("8/6", 144.0, 162.0)
        ]
    );
    let first = text.words().next().unwrap();
    assert_eq!((first.rect.y0, first.rect.y1), (698.0, 708.0));
    assert_eq!(first.font_size, 10.0);
    assert!(text.warnings.is_empty(), "{:?}", text.warnings);
}

#[test]
fn cid_codes_without_unicode_are_left_out_with_a_warning() {
    let to_unicode = "/CIDInit /ProcSet findresource begin 12 dict begin begincmap \
        /CMapName /Test def 1 begincodespacerange <0000> <FFFF> endcodespacerange \
        3 beginbfchar <0001> <0041> <0002> <006B> <0003> <006F> endbfchar \
        1 beginbfrange <0010> <0011> <00E9> endbfrange \
        endcmap CMapName currentdict /CMap defineresource pop end end";
    let mut pdf = Builder::new();
    let cmap = pdf.add(Stream::new(
        Dictionary::new(),
        to_unicode.as_bytes().to_vec(),
    ));
    let descendant = pdf.add(dictionary! {
        "Type" => "Font",
        "Subtype" => "CIDFontType2",
        "BaseFont" => "TestSans",
        "CIDSystemInfo" => dictionary! {
            "Registry" => Object::string_literal("Adobe"),
            "Ordering" => Object::string_literal("Identity"),
            "Supplement" => 0,
        },
        "DW" => 600,
    });
    let font = pdf.add(dictionary! {
        "Type" => "Font",
        "Subtype" => "Type0",
        "BaseFont" => "TestSans",
        "Encoding" => "Identity-H",
        "DescendantFonts" => vec![descendant.into()],
        "ToUnicode" => cmap,
    });
    // "Akkoord" then "éê" (a range), as two-byte codes.
    let content = "BT /F1 10 Tf 72 700 Td <0001000200020003000300040005> Tj \
                   <0000> Tj ( ) Tj 120 0 Td <00100011> Tj ET";
    pdf.page(content, &[font], Dictionary::new(), Dictionary::new());
    let doc = open(pdf.bytes());
    let text = doc.page_text(1).unwrap();
    let words: Vec<&str> = text.words().map(|w| w.text.as_str()).collect();
    // Codes 4 and 5 have no Unicode value: they are left out with a warning.
    assert_eq!(words, ["Akkoo", "éê"]);
    assert!(
        text.warnings
            .iter()
            .any(|w| w.message.contains("have no Unicode value")),
        "{:?}",
        text.warnings
    );
}

/// An image XObject of `width` × `height` samples of 8 bits.
fn image(width: i64, height: i64, colour_space: &str, data: Vec<u8>) -> Stream {
    Stream::new(
        dictionary! {
            "Type" => "XObject",
            "Subtype" => "Image",
            "Width" => width,
            "Height" => height,
            "ColorSpace" => colour_space,
            "BitsPerComponent" => 8,
        },
        data,
    )
}

/// A page that draws `image` as `/Im1` and `content` (Courier is `/F1`).
fn image_page(pdf: &mut Builder, image: Stream, content: &str) -> ObjectId {
    let font = pdf.courier();
    let image = pdf.add(image);
    pdf.page(
        content,
        &[font],
        dictionary! { "XObject" => dictionary! { "Im1" => image } },
        Dictionary::new(),
    )
}

/// A page with a scanned image and an invisible OCR layer over it.
fn scanned_page(pdf: &mut Builder, image: Stream) -> ObjectId {
    let content = "q 612 0 0 792 0 0 cm /Im1 Do Q \
                   BT 3 Tr /F1 10 Tf 72 700 Td (Beslisnota over de Woo-verzoeken) Tj ET";
    image_page(pdf, image, content)
}

#[test]
fn images_are_not_decoded() {
    // A JPEG that is not one, 60000 pixels square: decoding it would fail
    // with a warning (and, were it a JPEG, take gigabytes). Reading the
    // text does not try.
    let mut pdf = Builder::new();
    let mut jpeg = image(60000, 60000, "DeviceRGB", b"not a jpeg".to_vec());
    jpeg.dict.set("Filter", "DCTDecode");
    scanned_page(&mut pdf, jpeg);
    let doc = open(pdf.bytes());
    let started = Instant::now();
    let text = doc.page_text(1).unwrap();
    assert!(started.elapsed() < HANG);
    assert_eq!(text.plain_text(), "Beslisnota over de Woo-verzoeken\n");
    assert!(text.warnings.is_empty(), "{:?}", text.warnings);
}

#[test]
fn image_cover_is_reported_on_pages_that_draw_text() {
    // A batch run measures the cover only where no text is drawn; the page
    // text reports it for every page. Here an image fills the left half of
    // a page that also draws text: exactly half the page is covered.
    let mut pdf = Builder::new();
    image_page(
        &mut pdf,
        image(1, 1, "DeviceGray", vec![0]),
        "q 306 0 0 792 0 0 cm /Im1 Do Q BT /F1 10 Tf 320 700 Td (Kernpunten) Tj ET",
    );
    let doc = open(pdf.bytes());
    let text = doc.page_text(1).unwrap();
    assert!(text.draws_text);
    assert!(
        (text.image_coverage - 0.5).abs() < 1e-9,
        "{}",
        text.image_coverage
    );
    assert!(doc.warnings().is_empty(), "{:?}", doc.warnings());
}

#[test]
fn text_in_forms_with_rise_and_scaling_is_placed() {
    let mut pdf = Builder::new();
    let font = pdf.courier();
    let form = pdf.add(Stream::new(
        dictionary! {
            "Type" => "XObject",
            "Subtype" => "Form",
            "BBox" => vec![0.into(), 0.into(), 300.into(), 50.into()],
            "Matrix" => vec![1.into(), 0.into(), 0.into(), 1.into(), 72.into(), 600.into()],
            "Resources" => dictionary! { "Font" => dictionary! { "F1" => font } },
        },
        b"BT /F1 10 Tf 0 10 Td (Stempel) Tj /F1 7 Tf 3.5 Ts (2) Tj ET".to_vec(),
    ));
    let page = pdf.page(
        "q BT /F1 10 Tf 200 Tz 72 700 Td (Breed) Tj ET Q /Fm1 Do",
        &[font],
        dictionary! { "XObject" => dictionary! { "Fm1" => form } },
        Dictionary::new(),
    );
    // "Breed" at 200 % horizontal scaling: 12 units per character.
    pdf.annotate(page, vec![markup("Squiggly", &[(72.0, 132.0, 700.0)])]);
    let doc = open(pdf.bytes());
    assert_eq!(text_under(&doc), [Some("Breed")]);
    let text = doc.page_text(1).unwrap();
    let words: Vec<(&str, f64, f64)> = text
        .words()
        .map(|w| (w.text.as_str(), w.rect.x0, w.rect.x1))
        .collect();
    // The form's matrix moves its text to (72, 610); the raised, smaller
    // "2" (4.2 units wide) stays on the line of "Stempel".
    assert_eq!(words, [("Breed", 72.0, 132.0), ("Stempel2", 72.0, 118.2)]);
}

#[test]
fn type3_font_text_is_read() {
    let mut pdf = Builder::new();
    let square = pdf.add(Stream::new(
        Dictionary::new(),
        b"500 0 d0 0 0 500 700 re f".to_vec(),
    ));
    let font = pdf.add(dictionary! {
        "Type" => "Font",
        "Subtype" => "Type3",
        "FontBBox" => vec![0.into(), 0.into(), 500.into(), 700.into()],
        "FontMatrix" => vec![0.001.into(), 0.into(), 0.into(), 0.001.into(), 0.into(), 0.into()],
        "CharProcs" => dictionary! { "a" => square, "b" => square },
        "Encoding" => dictionary! {
            "Type" => "Encoding",
            "Differences" => vec![97.into(), "a".into(), "b".into()],
        },
        "FirstChar" => 97,
        "LastChar" => 98,
        "Widths" => vec![500.into(), 500.into()],
    });
    pdf.page(
        "BT /F1 10 Tf 72 700 Td (abba) Tj ET",
        &[font],
        Dictionary::new(),
        Dictionary::new(),
    );
    let doc = open(pdf.bytes());
    let text = doc.page_text(1).unwrap();
    assert_eq!(text.plain_text(), "abba\n");
    let word = text.words().next().unwrap();
    assert_eq!((word.rect.x0, word.rect.x1), (72.0, 92.0));
}

/// Literal strings as ISO 32000 §7.3.4.2 reads them: balanced and
/// escaped parentheses, escaped backslashes, octal codes (over 255 with the
/// high-order overflow ignored: `\501` is `A`), a backslash
/// before a line break continuing the string; a string left open ends the
/// content, and what came before it is read.
#[test]
fn literal_strings_are_read_as_the_standard_says() {
    let mut pdf = Builder::new();
    let font = pdf.courier();
    pdf.page(
        "BT /F1 10 Tf 72 700 Td (plain) Tj 0 -20 Td (a(b)c) Tj \
         0 -20 Td (x\\)y\\() Tj 0 -20 Td (back\\\\slash) Tj \
         0 -20 Td (oct\\101\\060\\501) Tj 0 -20 Td (con\\\ntinued) Tj \
         0 -20 Td [(T) (J\\))] TJ 0 -20 Td (left open Tj ET",
        &[font],
        Dictionary::new(),
        Dictionary::new(),
    );
    let doc = open(pdf.bytes());
    assert_eq!(
        plain(&doc, 1),
        "plain\na(b)c\nx)y(\nback\\slash\noctA0A\ncontinued\nTJ)\n"
    );
}

#[test]
fn text_drawn_with_fill_and_stroke_is_kept_once() {
    let mut pdf = Builder::new();
    let font = pdf.courier();
    let page = pdf.page(
        "BT 2 Tr /F1 10 Tf 72 700 Td (Akkoord) Tj ET",
        &[font],
        Dictionary::new(),
        Dictionary::new(),
    );
    pdf.annotate(page, vec![markup("StrikeOut", &[(72.0, 114.0, 700.0)])]);
    let doc = open(pdf.bytes());
    assert_eq!(text_under(&doc), [Some("Akkoord")]);
}

#[test]
fn caret_gives_the_words_beside_it() {
    let mut pdf = Builder::new();
    let font = pdf.courier();
    let page = pdf.page(
        "BT /F1 10 Tf 72 700 Td (de nota is akkoord) Tj ET",
        &[font],
        Dictionary::new(),
        Dictionary::new(),
    );
    // Between "nota" (ends at 114) and "is" (starts at 120).
    pdf.annotate(
        page,
        vec![dictionary! {
            "Type" => "Annot",
            "Subtype" => "Caret",
            "Rect" => vec![112.into(), 696.into(), 122.into(), 704.into()],
        }],
    );
    let doc = open(pdf.bytes());
    assert_eq!(text_under(&doc), [Some("nota is")]);
}

#[test]
fn unreadable_content_stream_is_a_warning() {
    let mut pdf = Builder::new();
    let font = pdf.courier();
    let page = pdf.page("", &[font], Dictionary::new(), Dictionary::new());
    // An image filter on a content stream cannot be decoded as content.
    let broken = pdf.add(Stream::new(
        dictionary! { "Filter" => "DCTDecode" },
        b"BT /F1 10 Tf 72 650 Td (verloren) Tj ET".to_vec(),
    ));
    let good = pdf.add(Stream::new(
        Dictionary::new(),
        b"BT /F1 10 Tf 72 700 Td (Wat wel te lezen is) Tj ET".to_vec(),
    ));
    pdf.doc
        .get_object_mut(page)
        .unwrap()
        .as_dict_mut()
        .unwrap()
        .set("Contents", vec![broken.into(), good.into()]);
    pdf.annotate(page, vec![markup("Highlight", &[(72.0, 180.0, 700.0)])]);
    let doc = open(pdf.bytes());
    assert_eq!(text_under(&doc), [Some("Wat wel te lezen is")]);
    assert!(
        doc.warnings()
            .iter()
            .any(|w| w.page == Some(1) && w.message.contains("cannot be decoded")),
        "{:?}",
        doc.warnings()
    );
}

/// Many bad entries in `/Contents` are counted into one warning each, not
/// one warning per entry.
#[test]
fn bad_content_entries_are_counted() {
    let mut pdf = Builder::new();
    let font = pdf.courier();
    let page = pdf.page("", &[font], Dictionary::new(), Dictionary::new());
    let broken = pdf.add(Stream::new(
        dictionary! { "Filter" => "DCTDecode" },
        b"BT ET".to_vec(),
    ));
    let good = pdf.add(Stream::new(
        Dictionary::new(),
        b"BT /F1 10 Tf 72 700 Td (Wat wel te lezen is) Tj ET".to_vec(),
    ));
    let mut entries: Vec<Object> = vec![Object::Integer(0); 1000];
    entries.extend(std::iter::repeat_n(Object::Reference(broken), 3));
    entries.push(good.into());
    pdf.doc
        .get_object_mut(page)
        .unwrap()
        .as_dict_mut()
        .unwrap()
        .set("Contents", entries);
    let doc = open(pdf.bytes());
    let text = doc.page_text(1).unwrap();
    assert_eq!(text.plain_text(), "Wat wel te lezen is\n");
    let messages: Vec<&str> = text.warnings.iter().map(|w| w.message.as_str()).collect();
    assert_eq!(
        messages,
        [
            "1000 entries of /Contents are not streams; skipped",
            "3 content streams cannot be decoded (a broken or unsupported filter, or too large once decoded); their text is missing",
        ]
    );
}

#[test]
fn glyphs_per_page_are_bounded() {
    // Codes all new to the page, and codes shown before (placed from the
    // page's tables), the bound reached within a string.
    for (content, expected) in [
        ("(abcdefghijklmnopqrstuvwxyz) Tj", "abcde\n"),
        ("(ab) Tj (abababab) Tj", "ababa\n"),
    ] {
        let mut pdf = Builder::new();
        let font = pdf.courier();
        pdf.page(
            &format!("BT /F1 10 Tf 72 700 Td {content} ET"),
            &[font],
            Dictionary::new(),
            Dictionary::new(),
        );
        let mut options = Options::default();
        options.limits.max_glyphs_per_page = 5;
        let doc = Document::from_bytes("built.pdf", pdf.bytes(), &options).unwrap();
        let text = doc.page_text(1).unwrap();
        assert_eq!(text.plain_text(), expected, "{content}");
        assert!(
            text.warnings
                .iter()
                .any(|w| w.message.contains("more than 5 glyphs")),
            "{:?}",
            text.warnings
        );
    }
}

#[test]
fn forms_drawing_forms_exponentially_are_bounded() {
    // 2^40 drawings of the last form's text from a file of a few
    // kilobytes.
    let mut pdf = Builder::new();
    let font = pdf.courier();
    let outer = form_chain(&mut pdf, font);
    pdf.page(
        "BT /F1 10 Tf 72 700 Td (Buiten de vormen) Tj ET /Fm1 Do",
        &[font],
        dictionary! { "XObject" => dictionary! { "Fm1" => outer } },
        Dictionary::new(),
    );
    let doc = open(pdf.bytes());
    let started = Instant::now();
    let text = doc.page_text(1).unwrap();
    assert!(started.elapsed() < HANG);
    // The forms are drawn until the bound on the page's work is reached
    // (each drawing of the deepest form puts "diep" in the same place,
    // kept once); the page's own text is read.
    assert_eq!(text.plain_text(), "diep\nBuiten de vormen\n");
    assert!(
        text.warnings
            .iter()
            .any(|w| w.message.contains("forms included, is longer than")),
        "{:?}",
        text.warnings
    );
}

#[test]
fn forms_drawn_a_few_times_are_read() {
    let mut pdf = Builder::new();
    let font = pdf.courier();
    let form = pdf.add(Stream::new(
        dictionary! {
            "Type" => "XObject",
            "Subtype" => "Form",
            "BBox" => vec![0.into(), 0.into(), 612.into(), 792.into()],
            "Resources" => dictionary! { "Font" => dictionary! { "F1" => font } },
        },
        b"BT /F1 10 Tf 0 0 Td (kop) Tj ET".to_vec(),
    ));
    pdf.page(
        "q 1 0 0 1 72 700 cm /Fm1 Do Q q 1 0 0 1 72 600 cm /Fm1 Do Q",
        &[font],
        dictionary! { "XObject" => dictionary! { "Fm1" => form } },
        Dictionary::new(),
    );
    let doc = open(pdf.bytes());
    let text = doc.page_text(1).unwrap();
    assert_eq!(text.plain_text(), "kop\nkop\n");
    assert!(text.warnings.is_empty(), "{:?}", text.warnings);
}

#[test]
fn content_longer_than_the_bound_is_cut() {
    let mut pdf = Builder::new();
    let font = pdf.courier();
    let page = pdf.page("", &[font], Dictionary::new(), Dictionary::new());
    let first = pdf.add(Stream::new(
        Dictionary::new(),
        b"BT /F1 10 Tf 72 700 Td (eerst) Tj ET".to_vec(),
    ));
    let second = pdf.add(Stream::new(
        Dictionary::new(),
        b"BT /F1 10 Tf 72 688 Td (daarna) Tj ET".to_vec(),
    ));
    pdf.doc
        .get_object_mut(page)
        .unwrap()
        .as_dict_mut()
        .unwrap()
        .set("Contents", vec![first.into(), second.into()]);
    let mut options = Options::default();
    options.limits.max_page_content = 40;
    let doc = Document::from_bytes("built.pdf", pdf.bytes(), &options).unwrap();
    let text = doc.page_text(1).unwrap();
    assert_eq!(text.plain_text(), "eerst\n");
    assert!(
        text.warnings
            .iter()
            .any(|w| w.message.contains("longer than 40 bytes")),
        "{:?}",
        text.warnings
    );
}

#[test]
fn text_under_can_be_turned_off() {
    let mut pdf = Builder::new();
    let font = pdf.courier();
    let page = pdf.page(
        "BT /F1 10 Tf 72 700 Td (Akkoord) Tj ET",
        &[font],
        Dictionary::new(),
        Dictionary::new(),
    );
    pdf.annotate(page, vec![markup("Highlight", &[(72.0, 114.0, 700.0)])]);
    let bytes = pdf.bytes();
    let mut options = Options::default();
    options.text_under = false;
    let doc = Document::from_bytes("built.pdf", bytes.clone(), &options).unwrap();
    assert_eq!(text_under(&doc), [None]);
    let doc = open(bytes);
    assert_eq!(text_under(&doc), [Some("Akkoord")]);
    assert_eq!(doc.annotations()[0].subtype, Subtype::Highlight);
}

#[test]
fn time_limit_stops_reading_a_page() {
    // Three hundred thousand runs of text, the clock read every 256 runs:
    // with two milliseconds the page stops part-way.
    let mut content = String::from("BT /F1 10 Tf 12 TL 72 780 Td ");
    for _ in 0..300_000 {
        content.push_str("(x) ' ");
    }
    content.push_str("ET");
    let mut pdf = Builder::new();
    let font = pdf.courier();
    pdf.page(&content, &[font], Dictionary::new(), Dictionary::new());
    let mut options = Options::default();
    options.limits.time_per_file = Duration::from_millis(2);
    // Opening reads no page text, so the limit meets only page_text.
    options.flattened = false;
    options.text_under = false;
    let doc = Document::from_bytes("built.pdf", pdf.bytes(), &options).unwrap();
    let stopped_while_reading = |text: &kantlijn::PageText| {
        text.warnings.iter().any(|w| {
            w.message.contains("time limit reached while reading")
                && w.kind == kantlijn::WarningKind::TimeLimit
        })
    };
    // A thread held off the processor for the whole two milliseconds
    // before the first look at the clock finds the time gone before the
    // page is begun: read again, a few times at most.
    let mut text = doc.page_text(1).unwrap();
    for _ in 0..4 {
        if stopped_while_reading(&text) {
            break;
        }
        text = doc.page_text(1).unwrap();
    }
    assert!(text.lines.len() < 300_000, "{}", text.lines.len());
    assert!(stopped_while_reading(&text), "{:?}", text.warnings);
}

#[test]
fn no_time_at_all_reads_no_page() {
    let mut pdf = Builder::new();
    let font = pdf.courier();
    pdf.page(
        "BT /F1 10 Tf 72 700 Td (Akkoord) Tj ET",
        &[font],
        Dictionary::new(),
        Dictionary::new(),
    );
    let mut options = Options::default();
    options.limits.time_per_file = Duration::ZERO;
    let doc = Document::from_bytes("built.pdf", pdf.bytes(), &options).unwrap();
    // Opening found the time gone before the page's text was read.
    assert!(!doc.report().complete, "{:?}", doc.warnings());
    assert!(
        doc.warnings()
            .iter()
            .any(|w| w.kind == kantlijn::WarningKind::TimeLimit)
    );
    let text = doc.page_text(1).unwrap();
    assert!(text.lines.is_empty());
    assert!(
        text.warnings
            .iter()
            .any(|w| w.message.contains("the page's text is not read")
                && w.kind == kantlijn::WarningKind::TimeLimit),
        "{:?}",
        text.warnings
    );
}

#[test]
fn highlight_over_a_text_box_takes_the_box_text() {
    // No page text under the quads, but a FreeText annotation's appearance
    // draws text there: that is what the reader sees highlighted.
    let mut pdf = Builder::new();
    let font = pdf.courier();
    let page = pdf.page("", &[font], Dictionary::new(), Dictionary::new());
    let appearance = pdf.add(Stream::new(
        dictionary! {
            "Type" => "XObject",
            "Subtype" => "Form",
            "BBox" => vec![0.into(), 0.into(), 120.into(), 20.into()],
            "Resources" => dictionary! { "Font" => dictionary! { "F1" => font } },
        },
        b"BT /F1 10 Tf 2 6 Td (Zeer belangrijk) Tj ET".to_vec(),
    ));
    let text_box = dictionary! {
        "Type" => "Annot",
        "Subtype" => "FreeText",
        "Rect" => vec![100.into(), 694.into(), 220.into(), 714.into()],
        "Contents" => Object::string_literal("Zeer belangrijk"),
        "AP" => dictionary! { "N" => appearance },
    };
    pdf.annotate(
        page,
        vec![text_box, markup("Highlight", &[(102.0, 192.0, 700.0)])],
    );
    let doc = open(pdf.bytes());
    assert_eq!(text_under(&doc), [None, Some("Zeer belangrijk")]);
    // The page's own text does not include it.
    assert_eq!(plain(&doc, 1), "");
}

#[test]
fn no_such_page() {
    let mut pdf = Builder::new();
    let font = pdf.courier();
    pdf.page("", &[font], Dictionary::new(), Dictionary::new());
    let doc = open(pdf.bytes());
    assert!(doc.page_text(0).is_err());
    assert!(doc.page_text(2).is_err());
    assert_eq!(doc.page_text(1).unwrap().lines.len(), 0);
}

#[test]
fn pages_read_on_threads_give_the_same_result() {
    let mut pdf = Builder::new();
    let font = pdf.courier();
    for n in 0..40 {
        let page = pdf.page(
            &format!("BT /F1 10 Tf 72 700 Td (pagina {n} akkoord) Tj ET"),
            &[font],
            Dictionary::new(),
            Dictionary::new(),
        );
        // Every fifth page draws nothing under its highlight.
        let y = if n % 5 == 0 { 300.0 } else { 700.0 };
        pdf.annotate(page, vec![markup("Highlight", &[(72.0, 200.0, y)])]);
    }
    let bytes = pdf.bytes();
    let read = |threads| {
        let mut options = Options::default();
        options.threads = threads;
        let doc = Document::from_bytes("built.pdf", bytes.clone(), &options).unwrap();
        let texts: Vec<Option<String>> = doc
            .annotations()
            .iter()
            .map(|a| a.text_under.clone())
            .collect();
        (texts, doc.warnings().to_vec())
    };
    let (one, warnings_one) = read(1);
    let (four, warnings_four) = read(4);
    assert_eq!(one, four);
    assert_eq!(warnings_one, warnings_four);
    assert_eq!(one[1].as_deref(), Some("pagina 1 akkoord"));
    assert_eq!(one[0].as_deref(), Some(""));
}

/// Forty forms, each drawing the next twice (2^40 drawings of the last
/// one's text); returns the outermost.
fn form_chain(pdf: &mut Builder, font: ObjectId) -> ObjectId {
    let mut next: Option<ObjectId> = None;
    for level in 0..40 {
        let mut resources = dictionary! { "Font" => dictionary! { "F1" => font } };
        let content = match next {
            Some(inner) => {
                resources.set("XObject", dictionary! { "Fm1" => inner });
                "/Fm1 Do /Fm1 Do".to_owned()
            }
            None => "BT /F1 10 Tf 2 6 Td (diep) Tj ET".to_owned(),
        };
        next = Some(pdf.add(Stream::new(
            dictionary! {
                "Type" => "XObject",
                "Subtype" => "Form",
                "BBox" => vec![0.into(), 0.into(), 120.into(), 20.into()],
                "Resources" => resources,
            },
            format!("{content} % level {level}").into_bytes(),
        )));
    }
    next.unwrap()
}

#[test]
fn soft_masks_set_over_and_over_cost_nothing() {
    // A graphics state with a soft mask whose group is 2,000 bytes, set
    // a thousand times: a renderer decodes two megabytes for a page of a
    // few kilobytes; the text layer reads no soft mask at all.
    let mut pdf = Builder::new();
    let font = pdf.courier();
    let group = pdf.add(Stream::new(
        dictionary! {
            "Type" => "XObject",
            "Subtype" => "Form",
            "BBox" => vec![0.into(), 0.into(), 10.into(), 10.into()],
            "Group" => dictionary! { "S" => "Transparency" },
        },
        "0 0 m 1 1 l S\n".repeat(143).into_bytes(),
    ));
    let state = dictionary! {
        "Type" => "ExtGState",
        "SMask" => dictionary! { "S" => "Luminosity", "G" => group },
    };
    let content = format!(
        "{}BT /F1 10 Tf 72 700 Td (Masker) Tj ET",
        "q /GS1 gs Q\n".repeat(1000)
    );
    pdf.page(
        &content,
        &[font],
        dictionary! { "ExtGState" => dictionary! { "GS1" => state } },
        Dictionary::new(),
    );
    let mut options = Options::default();
    options.limits.max_page_content = 1 << 20;
    let doc = Document::from_bytes("built.pdf", pdf.bytes(), &options).unwrap();
    let text = doc.page_text(1).unwrap();
    assert_eq!(text.plain_text(), "Masker\n");
    assert!(text.warnings.is_empty(), "{:?}", text.warnings);
}

#[test]
fn annotation_appearances_drawing_forms_exponentially_are_bounded() {
    let mut pdf = Builder::new();
    let font = pdf.courier();
    let page = pdf.page("", &[font], Dictionary::new(), Dictionary::new());
    let appearance = form_chain(&mut pdf, font);
    let text_box = dictionary! {
        "Type" => "Annot",
        "Subtype" => "FreeText",
        "Rect" => vec![100.into(), 694.into(), 220.into(), 714.into()],
        "AP" => dictionary! { "N" => appearance },
    };
    pdf.annotate(
        page,
        vec![text_box, markup("Highlight", &[(102.0, 192.0, 700.0)])],
    );
    let started = Instant::now();
    let doc = open(pdf.bytes());
    assert!(started.elapsed() < HANG);
    // The appearance's forms are drawn until the bound on the work is
    // reached; the word they draw under the highlight is found.
    assert_eq!(text_under(&doc), [None, Some("diep")]);
    // The text box's own appearance text is read within the same bound.
    assert_eq!(
        doc.annotations()[0].appearance_text.as_deref(),
        Some("diep")
    );
    assert!(
        doc.warnings()
            .iter()
            .any(|w| w.message.starts_with("appearance:")),
        "{:?}",
        doc.warnings()
    );
}

#[test]
fn page_texts_match_page_text() {
    let mut pdf = Builder::new();
    let font = pdf.courier();
    for n in 0..3 {
        pdf.page(
            &format!("BT /F1 10 Tf 72 700 Td (pagina {n}) Tj ET"),
            &[font],
            Dictionary::new(),
            Dictionary::new(),
        );
    }
    let doc = open(pdf.bytes());
    let all: Vec<_> = doc.page_texts().collect();
    assert_eq!(all.len(), 3);
    for (index, text) in all.iter().enumerate() {
        assert_eq!(text, &doc.page_text(index + 1).unwrap());
    }
    assert_eq!(all[2].plain_text(), "pagina 2\n");
}

/// Text scaled to nothing (`0 Tz`) has no place on the page; its letters
/// are not glyphs without a Unicode value.
#[test]
fn text_scaled_to_nothing_is_not_unmapped() {
    let mut pdf = Builder::new();
    let font = pdf.courier();
    pdf.page(
        "BT /F1 10 Tf 0 Tz 72 700 Td (aaaa) Tj 100 Tz 0 -20 Td (Akkoord) Tj ET",
        &[font],
        Dictionary::new(),
        Dictionary::new(),
    );
    let doc = open(pdf.bytes());
    let text = doc.page_text(1).unwrap();
    assert_eq!(text.plain_text(), "Akkoord\n");
    assert!(text.warnings.is_empty(), "{:?}", text.warnings);
}

/// A form XObject for an annotation's appearance: `bbox`, an optional
/// `/Matrix`, Courier as `/F1` unless `resources` is `None` (then it has
/// no `/Resources` of its own), and `content`.
fn appearance_form(
    pdf: &mut Builder,
    bbox: [i64; 4],
    matrix: Option<[f64; 6]>,
    resources: Option<ObjectId>,
    content: &str,
) -> ObjectId {
    let mut dict = dictionary! {
        "Type" => "XObject",
        "Subtype" => "Form",
        "BBox" => bbox.iter().map(|&v| Object::Integer(v)).collect::<Vec<_>>(),
    };
    if let Some(matrix) = matrix {
        dict.set(
            "Matrix",
            matrix
                .iter()
                .map(|&v| Object::Real(v as f32))
                .collect::<Vec<_>>(),
        );
    }
    if let Some(font) = resources {
        dict.set(
            "Resources",
            dictionary! { "Font" => dictionary! { "F1" => font } },
        );
    }
    pdf.add(Stream::new(dict, content.as_bytes().to_vec()))
}

/// An annotation of `subtype` over `rect` whose normal appearance is `normal`.
fn with_appearance(subtype: &str, rect: [i64; 4], normal: Object) -> Dictionary {
    dictionary! {
        "Type" => "Annot",
        "Subtype" => subtype,
        "Rect" => rect.iter().map(|&v| Object::Integer(v)).collect::<Vec<_>>(),
        "T" => Object::string_literal("Secretariaat"),
        "M" => Object::string_literal("D:20260608091102+02'00'"),
        "AP" => dictionary! { "N" => normal },
    }
}

fn appearance_texts(doc: &Document) -> Vec<Option<&str>> {
    doc.annotations()
        .iter()
        .map(|a| a.appearance_text.as_deref())
        .collect()
}

/// A blank page for annotations with appearances, and Courier for them.
fn blank_page(pdf: &mut Builder) -> (ObjectId, ObjectId) {
    let font = pdf.courier();
    let page = pdf.page("", &[font], Dictionary::new(), Dictionary::new());
    (font, page)
}

/// A 200 × 20 appearance form showing `text` on one line in Courier.
fn line_form(pdf: &mut Builder, font: ObjectId, text: &str) -> ObjectId {
    appearance_form(
        pdf,
        [0, 0, 200, 20],
        None,
        Some(font),
        &format!("BT /F1 10 Tf 2 6 Td ({text}) Tj ET"),
    )
}

#[test]
fn stamp_text_is_read_through_its_matrix() {
    // The form is drawn at twice the size of its rectangle and scaled down
    // by its /Matrix; two lines, the verdict above the signature.
    let mut pdf = Builder::new();
    let (font, page) = blank_page(&mut pdf);
    let form = appearance_form(
        &mut pdf,
        [0, 0, 400, 120],
        Some([0.5, 0.0, 0.0, 0.5, 0.0, 0.0]),
        Some(font),
        "BT /F1 30 Tf 20 70 Td (AKKOORD) Tj ET BT /F1 20 Tf 20 20 Td (SG 8/6) Tj ET",
    );
    pdf.annotate(
        page,
        vec![with_appearance("Stamp", [300, 700, 500, 760], form.into())],
    );
    let doc = open(pdf.bytes());
    assert_eq!(appearance_texts(&doc), [Some("AKKOORD\nSG 8/6")]);
    assert_eq!(doc.annotations()[0].contents, None);
    // The placed text lies inside the stamp's rectangle on the page.
    let decision = &doc.decisions()[0];
    assert_eq!(decision.actor.as_deref(), Some("SG"));
    assert_eq!(decision.date.unwrap().to_string(), "2026-06-08");
    assert!(!decision.actor_from_author);
    assert!(doc.warnings().is_empty(), "{:?}", doc.warnings());
}

#[test]
fn appearance_state_is_the_one_as_names() {
    let mut pdf = Builder::new();
    let (font, page) = blank_page(&mut pdf);
    let on = line_form(&mut pdf, font, "Akkoord");
    let off = line_form(&mut pdf, font, "Niet akkoord");
    let states = || Object::Dictionary(dictionary! { "Ja" => on, "Off" => off });
    let mut chosen = with_appearance("Stamp", [72, 700, 272, 720], states());
    chosen.set("AS", "Ja");
    // No /AS: the /Off state, as viewers draw it.
    let unset = with_appearance("Stamp", [72, 600, 272, 620], states());
    pdf.annotate(page, vec![chosen, unset]);
    let doc = open(pdf.bytes());
    assert_eq!(
        appearance_texts(&doc),
        [Some("Akkoord"), Some("Niet akkoord")]
    );
}

#[test]
fn appearance_of_an_inline_annotation_is_read() {
    let mut pdf = Builder::new();
    let (font, page) = blank_page(&mut pdf);
    let form = line_form(&mut pdf, font, "Gezien. DG 9/6");
    let inline = with_appearance("FreeText", [72, 700, 272, 720], form.into());
    pdf.doc
        .get_object_mut(page)
        .unwrap()
        .as_dict_mut()
        .unwrap()
        .set("Annots", vec![Object::Dictionary(inline)]);
    let doc = open(pdf.bytes());
    assert_eq!(doc.annotations()[0].reference.to_string(), "inline:1:0");
    assert_eq!(appearance_texts(&doc), [Some("Gezien. DG 9/6")]);
    assert_eq!(doc.decisions()[0].actor.as_deref(), Some("DG"));
}

#[test]
fn appearance_without_resources_uses_the_page_fonts() {
    let mut pdf = Builder::new();
    let (_, page) = blank_page(&mut pdf);
    let form = appearance_form(
        &mut pdf,
        [0, 0, 200, 20],
        None,
        None,
        "BT /F1 10 Tf 2 6 Td (Besproken) Tj ET",
    );
    pdf.annotate(
        page,
        vec![with_appearance("Stamp", [72, 700, 272, 720], form.into())],
    );
    let doc = open(pdf.bytes());
    assert_eq!(appearance_texts(&doc), [Some("Besproken")]);
}

#[test]
fn appearance_text_is_read_for_stamps_text_boxes_and_annotations_without_contents() {
    let mut pdf = Builder::new();
    let (font, page) = blank_page(&mut pdf);
    let form = line_form(&mut pdf, font, "Akkoord");
    let mut square = with_appearance("Square", [72, 700, 272, 720], form.into());
    square.set("Contents", Object::string_literal("Zie hier"));
    let bare_square = with_appearance("Square", [72, 600, 272, 620], form.into());
    let mut stamp = with_appearance("Stamp", [72, 500, 272, 520], form.into());
    stamp.set("Contents", Object::string_literal("Goedgekeurd"));
    pdf.annotate(page, vec![square, bare_square, stamp]);
    let doc = open(pdf.bytes());
    assert_eq!(
        appearance_texts(&doc),
        [None, Some("Akkoord"), Some("Akkoord")]
    );
    // A stamp's contents, when it has them, speak for it.
    let texts: Vec<&str> = doc.decisions().iter().map(|d| d.text.as_str()).collect();
    assert_eq!(texts, ["Akkoord", "Goedgekeurd"]);
}

#[test]
fn appearance_drawing_only_an_image_has_no_text() {
    let mut pdf = Builder::new();
    let (_, page) = blank_page(&mut pdf);
    let image = pdf.add(Stream::new(
        dictionary! {
            "Type" => "XObject",
            "Subtype" => "Image",
            "Width" => 2,
            "Height" => 2,
            "ColorSpace" => "DeviceGray",
            "BitsPerComponent" => 8,
        },
        vec![0, 255, 255, 0],
    ));
    let form = pdf.add(Stream::new(
        dictionary! {
            "Type" => "XObject",
            "Subtype" => "Form",
            "BBox" => vec![0.into(), 0.into(), 100.into(), 40.into()],
            "Resources" => dictionary! { "XObject" => dictionary! { "Im1" => image } },
        },
        b"q 100 0 0 40 0 0 cm /Im1 Do Q".to_vec(),
    ));
    let mut stamp = with_appearance("Stamp", [72, 700, 172, 740], form.into());
    stamp.set("Name", "Approved");
    pdf.annotate(page, vec![stamp]);
    let doc = open(pdf.bytes());
    assert_eq!(appearance_texts(&doc), [None]);
    assert_eq!(
        doc.annotations()[0].icon.as_ref().map(|icon| icon.name()),
        Some("Approved")
    );
    assert!(doc.decisions().is_empty());
}

#[test]
fn appearance_text_can_be_turned_off() {
    let mut pdf = Builder::new();
    let (font, page) = blank_page(&mut pdf);
    let form = line_form(&mut pdf, font, "Akkoord");
    pdf.annotate(
        page,
        vec![with_appearance("Stamp", [72, 700, 272, 720], form.into())],
    );
    let options = Options::default().with_appearance_text(false);
    let doc = Document::from_bytes("built.pdf", pdf.bytes(), &options).unwrap();
    assert_eq!(appearance_texts(&doc), [None]);
    assert!(doc.decisions().is_empty());
}

#[test]
fn appearance_forms_that_draw_each_other_are_bounded() {
    // A stamp's form draws a second form, which draws the first again.
    let mut pdf = Builder::new();
    let (font, page) = blank_page(&mut pdf);
    let first = pdf.doc.new_object_id();
    let second = pdf.doc.new_object_id();
    for (id, other, text) in [(first, second, "Akkoord"), (second, first, "nogmaals")] {
        pdf.doc.objects.insert(
            id,
            Object::Stream(Stream::new(
                dictionary! {
                    "Type" => "XObject",
                    "Subtype" => "Form",
                    "BBox" => vec![0.into(), 0.into(), 200.into(), 20.into()],
                    "Resources" => dictionary! {
                        "Font" => dictionary! { "F1" => font },
                        "XObject" => dictionary! { "Fm1" => other },
                    },
                },
                format!("BT /F1 10 Tf 2 6 Td ({text}) Tj ET /Fm1 Do").into_bytes(),
            )),
        );
    }
    pdf.annotate(
        page,
        vec![with_appearance("Stamp", [72, 700, 272, 720], first.into())],
    );
    let started = Instant::now();
    let doc = open(pdf.bytes());
    assert!(started.elapsed() < HANG);
    // The parser does not follow a form back into the one it draws from:
    // each is drawn once, at the same place.
    let text = appearance_texts(&doc)[0].unwrap();
    assert_eq!(text.len(), "Akkoord".len() + "nogmaals".len(), "{text}");
}
