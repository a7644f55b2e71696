//! One test per defect found, named after it, so that none comes back.
//! Fuzzing crashes land here too (none so far: see `fuzz/run.sh`).

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

mod support;

use kantlijn::{Document, InputKind, Options};
use support::{note, one_page, raw_pdf};

fn open(bytes: Vec<u8>) -> Document {
    Document::from_bytes("regression.pdf", bytes, &Options::default()).unwrap()
}

/// The references of a document's annotations, in order.
fn references(doc: &Document) -> Vec<String> {
    doc.annotations()
        .iter()
        .map(|a| a.reference.to_string())
        .collect()
}

/// pdf.js issue14438: `/M (D:20220110151234+00'240')`. The three-digit
/// "minutes" were read as +00:24; an offset that is not two digits of
/// minutes is no offset.
#[test]
fn offset_with_three_digit_minutes_is_no_offset() {
    let doc = open(one_page(
        "[4 0 R]",
        vec![note(4, "/M (D:20220110151234+00'240')")],
    ));
    assert_eq!(
        doc.annotations()[0].modified.unwrap().to_string(),
        "2022-01-10T15:12:34"
    );
}

/// A `Z` followed by a zero offset (`Z00'00'`), as pdfcpu and pdf.js write,
/// is UTC.
#[test]
fn z_with_a_zero_offset_is_utc() {
    let doc = open(one_page(
        "[4 0 R]",
        vec![note(4, "/M (D:20240731065822Z00'00')")],
    ));
    assert_eq!(
        doc.annotations()[0].modified.unwrap().to_string(),
        "2024-07-31T06:58:22Z"
    );
}

/// hayro issue207: a PDF whose first bytes (the `%PDF-` header among them)
/// were lost was recognised as a text file by its content and read as text.
#[test]
fn pdf_without_header_is_still_a_pdf() {
    let mut bytes = one_page("[4 0 R]", vec![note(4, "/Contents (zonder kop)")]);
    bytes.drain(..b"%PDF-1.7\n".len());
    assert_eq!(kantlijn::sniff(&bytes), InputKind::Pdf);
    let doc = open(bytes);
    assert_eq!(doc.annotations()[0].contents.as_deref(), Some("zonder kop"));
}

/// format-corpus T02-03: a `/Kids` entry pointing at a missing object was
/// dropped, and every later page moved up one number; it now counts as an
/// empty page.
#[test]
fn missing_page_object_keeps_later_page_numbers() {
    let objects = vec![
        (1, b"<< /Type /Catalog /Pages 2 0 R >>".to_vec()),
        (
            2,
            b"<< /Type /Pages /Kids [3 0 R 9 0 R 4 0 R] /Count 3 >>".to_vec(),
        ),
        (3, b"<< /Type /Page /Parent 2 0 R >>".to_vec()),
        (
            4,
            b"<< /Type /Page /Parent 2 0 R /Annots [5 0 R] >>".to_vec(),
        ),
        note(5, "/Contents (op pagina drie)"),
    ];
    let doc = open(raw_pdf(&objects, 1, ""));
    assert_eq!(doc.page_count(), 3);
    assert_eq!(doc.annotations()[0].page, 3);
    assert!(
        doc.warnings()
            .iter()
            .any(|w| w.reference.as_deref() == Some("9 0 R"))
    );
}

/// pymupdf joined.pdf: the parser's own page list drops a page object
/// listed twice in `/Kids`; the hand-walked tree keeps it.
#[test]
fn page_listed_twice_counts_twice() {
    let objects = vec![
        (1, b"<< /Type /Catalog /Pages 2 0 R >>".to_vec()),
        (
            2,
            b"<< /Type /Pages /Kids [3 0 R 4 0 R 3 0 R] /Count 3 >>".to_vec(),
        ),
        (
            3,
            b"<< /Type /Page /Parent 2 0 R /Annots [5 0 R] >>".to_vec(),
        ),
        (4, b"<< /Type /Page /Parent 2 0 R >>".to_vec()),
        note(5, "/Contents (tweemaal)"),
    ];
    let doc = open(raw_pdf(&objects, 1, ""));
    assert_eq!(doc.page_count(), 3);
    let pages: Vec<usize> = doc.annotations().iter().map(|a| a.page).collect();
    assert_eq!(pages, [1, 3]);
}

/// An annotation listed twice in `/Annots` gave two identical records,
/// so every count of comments was one too high; it is one record, with a
/// warning that names the repeat.
#[test]
fn annotation_listed_twice_is_one_annotation() {
    let doc = open(one_page(
        "[4 0 R 5 0 R 4 0 R]",
        vec![
            note(4, "/Contents (eenmaal)"),
            note(5, "/Contents (andere)"),
        ],
    ));
    assert_eq!(references(&doc), ["4 0 R", "5 0 R"]);
    assert!(
        doc.warnings()
            .iter()
            .any(|w| { w.reference.as_deref() == Some("4 0 R") && w.message.contains("entry 2") })
    );
}

/// A page dictionary listed in `/Annots` was an annotation with an empty
/// subtype; `/Type` says it is none. An annotation whose `/Type` is wrong
/// but whose subtype is an annotation's stays.
#[test]
fn a_page_in_annots_is_no_annotation() {
    let doc = open(one_page(
        "[3 0 R 4 0 R 5 0 R]",
        vec![
            note(4, "/Contents (echt)"),
            (
                5,
                b"<< /Type /Annotation /Subtype /Highlight /Rect [0 0 1 1] >>".to_vec(),
            ),
        ],
    ));
    assert_eq!(references(&doc), ["4 0 R", "5 0 R"]);
    assert!(doc.warnings().iter().any(|w| {
        w.reference.as_deref() == Some("3 0 R") && w.message.contains("/Page dictionary")
    }));
}

/// A widget's `/T` is its form field's name (ISO 32000-2 Table 226), which
/// was given as the annotation's author.
#[test]
fn a_widgets_field_name_is_no_author() {
    let options = Options::default().with_include_widgets(true);
    let doc = Document::from_bytes(
        "widget.pdf",
        one_page(
            "[4 0 R 5 0 R]",
            vec![
                (
                    4,
                    b"<< /Type /Annot /Subtype /Widget /FT /Tx /T (paraaf_sg) /Rect [0 0 9 9] >>"
                        .to_vec(),
                ),
                note(5, "/T (Aartsen, A.A.)"),
            ],
        ),
        &options,
    )
    .unwrap();
    let authors: Vec<Option<&str>> = doc
        .annotations()
        .iter()
        .map(|a| a.author.as_deref())
        .collect();
    assert_eq!(authors, [None, Some("Aartsen, A.A.")]);
}

/// poppler utf16le-annot.pdf: UTF-16 with the little-endian byte order
/// mark, which the spec does not allow and real files contain.
#[test]
fn utf16_little_endian_text_string() {
    let contents: String = "Één"
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .map(|b| format!("{b:02X}"))
        .collect();
    let doc = open(one_page(
        "[4 0 R]",
        vec![note(4, &format!("/Contents <FFFE{contents}>"))],
    ));
    assert_eq!(doc.annotations()[0].contents.as_deref(), Some("Één"));
}

/// A hyphen after a capital at a line end belongs to the word
/// ("EU-" / "richtlijn" is "EU-richtlijn", not "EUrichtlijn"); seed 000
/// has many such compounds.
#[cfg(feature = "text")]
#[test]
fn compound_hyphen_after_capitals_is_kept() {
    let doc = Document::open("fixtures/text-multiline.pdf").unwrap();
    let texts: Vec<&str> = doc
        .annotations()
        .iter()
        .filter_map(|a| a.text_under.as_deref())
        .collect();
    assert!(texts.contains(&"EU-richtlijn"), "{texts:?}");
}

/// A long document's annotations are listed in two halves side by side;
/// what is listed, counted and warned about is what one thread gives,
/// replies and review states across the halves included.
#[test]
fn annotations_listed_on_threads_are_those_of_one_thread() {
    const PAGES: u32 = 120;
    // Per page: the page, a note, a reply to the first page's note (its
    // review state), and /Annots holding them, a link and a null.
    let page_object = |page: u32| 10 + page * 4;
    let kids: Vec<String> = (0..PAGES)
        .map(|p| format!("{} 0 R", page_object(p)))
        .collect();
    let mut objects = vec![
        (1, b"<< /Type /Catalog /Pages 2 0 R >>".to_vec()),
        (
            2,
            format!(
                "<< /Type /Pages /Kids [{}] /Count {PAGES} >>",
                kids.join(" ")
            )
            .into_bytes(),
        ),
        (
            3,
            b"<< /Type /Annot /Subtype /Link /Rect [0 0 5 5] >>".to_vec(),
        ),
    ];
    for p in 0..PAGES {
        let at = page_object(p);
        objects.push((
            at,
            format!(
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] \
                 /Annots [{} 0 R 3 0 R null {} 0 R] >>",
                at + 1,
                at + 2
            )
            .into_bytes(),
        ));
        objects.push(note(
            at + 1,
            &format!("/T (Lid {p}) /Contents (akkoord {p})"),
        ));
        objects.push(note(
            at + 2,
            &format!(
                "/IRT {} 0 R /State (Accepted) /StateModel (Review) /T (Lid {p})",
                page_object(0) + 1
            ),
        ));
    }
    let bytes = raw_pdf(&objects, 1, "");
    let read = |threads| {
        let options = Options::default().with_threads(threads);
        Document::from_bytes("listed.pdf", bytes.clone(), &options).unwrap()
    };
    let one = read(1);
    let two = read(2);
    assert_eq!(one.annotations().len(), 2 * PAGES as usize);
    assert_eq!(one.annotations(), two.annotations());
    assert_eq!(one.warnings(), two.warnings());
    assert_eq!(one.skipped(), two.skipped());
    assert_eq!(one.skipped().links, PAGES as usize);
    // Every page's null entry is a warning, in page order.
    let warned: Vec<Option<usize>> = one.warnings().iter().map(|w| w.page).collect();
    let pages: Vec<Option<usize>> = (1..=PAGES as usize).map(Some).collect();
    assert_eq!(warned, pages);
    // The first note carries the review state of every page's reply.
    assert_eq!(
        one.annotations()[0].review_states.len(),
        PAGES as usize,
        "{:?}",
        one.annotations()[0].review_states
    );
}

/// Content encoded with ASCII85 over deflate, as PostScript-era writers
/// made it, and longer than 16 KB: its worst expansion (4,096 times, for
/// LZW) was over the bound on page content, so the page gave no text.
#[cfg(feature = "text")]
#[test]
fn ascii85_over_deflate_content_is_read() {
    use std::io::Write;
    // Comment lines of noise, which deflate cannot shrink much.
    let mut content = b"BT /F1 12 Tf 72 700 Td (akkoord) Tj ET\n".to_vec();
    let mut state: u64 = 0x2545_F491_4F6C_DD1D;
    for _ in 0..1500 {
        content.extend_from_slice(b"% ");
        for _ in 0..12 {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            content.extend_from_slice(format!("{:02x}", state & 0xff).as_bytes());
        }
        content.push(b'\n');
    }
    let mut encoder = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
    encoder.write_all(&content).unwrap();
    let encoded = ascii85(&encoder.finish().unwrap());
    assert!(encoded.len() > 16 * 1024);
    let encoded_content = support::stream("/Filter [/ASCII85Decode /FlateDecode]", &encoded);
    let doc = open(support::one_drawn_page("", vec![(4, encoded_content)]));
    let text = doc.page_text(1).unwrap();
    assert_eq!(text.plain_text(), "akkoord\n");
    assert!(text.warnings.is_empty(), "{:?}", text.warnings);
}

/// ASCII85 (ISO 32000-2 §7.4.3), with `z` for four zero bytes and `~>` at
/// the end.
#[cfg(feature = "text")]
fn ascii85(data: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    for chunk in data.chunks(4) {
        let mut word = [0_u8; 4];
        word[..chunk.len()].copy_from_slice(chunk);
        let mut n = u32::from_be_bytes(word);
        if chunk.len() == 4 && n == 0 {
            out.push(b'z');
            continue;
        }
        let mut digits = [0_u8; 5];
        for digit in digits.iter_mut().rev() {
            *digit = b'!' + u8::try_from(n % 85).unwrap();
            n /= 85;
        }
        out.extend_from_slice(&digits[..=chunk.len()]);
    }
    out.extend_from_slice(b"~>");
    out
}
