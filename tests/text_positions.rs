//! The page-text fixtures (`fixtures/text-*.pdf`) and
//! `fixtures/beslisnota-met-overzicht.pdf` read back.
//!
//! Every expected position is computed here from what the file holds, read
//! with lopdf: the text each `Tj` draws, its text matrix, and the widths of
//! its font (Courier's 600 units and Helvetica's AFM widths as the builder
//! knows them, `/Widths` and `/W` as written in the file). Every expected
//! text is the text those operators draw, decoded through the builder's own
//! tables; the tests first check that each annotation's quads cover exactly
//! the characters the expected text is made of. None of it comes from
//! kantlijn.

#![cfg(feature = "text")]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use kantlijn::{Document, Source};
use kantlijn_fixtures::{helvetica, typeface};
use lopdf::{Dictionary, Object, ObjectId};

/// Positions are written with three decimals.
const EPS: f64 = 0.002;

fn open(name: &str) -> Document {
    Document::open(format!("fixtures/{name}")).unwrap_or_else(|e| panic!("{e}"))
}

fn load(name: &str) -> lopdf::Document {
    lopdf::Document::load(format!("fixtures/{name}")).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn number(o: &Object) -> f64 {
    match o {
        Object::Integer(i) => *i as f64,
        Object::Real(r) => f64::from(*r),
        other => panic!("not a number: {other:?}"),
    }
}

fn numbers(o: &Object) -> Vec<f64> {
    o.as_array().unwrap().iter().map(number).collect()
}

/// One glyph drawn: its text and where its advance runs along the
/// baseline, in user space (x for upright text, y for text turned by 90°).
#[derive(Debug, Clone)]
struct Glyph {
    text: String,
    start: f64,
    end: f64,
}

/// One `Tj` as the file draws it.
#[derive(Debug, Clone)]
struct Run {
    glyphs: Vec<Glyph>,
    /// The text matrix (`Td x y` read as `1 0 0 1 x y`).
    matrix: [f64; 6],
    render_mode: i64,
}

impl Run {
    fn text(&self) -> String {
        self.glyphs.iter().map(|g| g.text.as_str()).collect()
    }

    /// The words (runs of glyphs between spaces) with their extents along
    /// the baseline.
    fn words(&self) -> Vec<(String, f64, f64)> {
        let mut words = Vec::new();
        let mut current: Option<(String, f64, f64)> = None;
        for g in &self.glyphs {
            if g.text == " " {
                words.extend(current.take());
            } else if let Some((text, _, end)) = &mut current {
                text.push_str(&g.text);
                *end = g.end;
            } else {
                current = Some((g.text.clone(), g.start, g.end));
            }
        }
        words.extend(current);
        words
    }

    /// The extent along the baseline of the glyphs that draw `needle`.
    fn extent(&self, needle: &str) -> (f64, f64) {
        for first in 0..self.glyphs.len() {
            let mut text = String::new();
            for (last, g) in self.glyphs.iter().enumerate().skip(first) {
                text.push_str(&g.text);
                if text == needle {
                    return (self.glyphs[first].start, self.glyphs[last].end);
                }
                if !needle.starts_with(&text) {
                    break;
                }
            }
        }
        panic!("{needle:?} is not drawn by the run {:?}", self.text())
    }
}

/// The font a run is set in, as the file describes it.
enum Font {
    /// Courier: 600 units a glyph (`Courier.afm`), ASCII text.
    Courier,
    /// Helvetica without `/Widths`: the AFM widths, ASCII text.
    Helvetica,
    /// A simple font with `/FirstChar`, `/Widths` and `/Differences`.
    Simple {
        first: u8,
        widths: Vec<f64>,
        names: Vec<(u8, String)>,
    },
    /// A Type0 font: two-byte codes, widths from the descendant's `/W`.
    Cid { widths: Vec<(u16, f64)> },
}

impl Font {
    fn read(doc: &lopdf::Document, font: &Dictionary) -> Self {
        let subtype = font.get(b"Subtype").unwrap().as_name().unwrap();
        let base = font.get(b"BaseFont").unwrap().as_name().unwrap();
        match (subtype, base, font.get(b"Widths")) {
            (b"Type0", _, _) => {
                let descendant = font.get(b"DescendantFonts").unwrap().as_array().unwrap()[0]
                    .as_reference()
                    .unwrap();
                let w = doc.get_dictionary(descendant).unwrap().get(b"W").unwrap();
                Self::Cid {
                    widths: cid_widths(w.as_array().unwrap()),
                }
            }
            (b"Type1", _, Ok(widths)) => {
                let encoding = font.get(b"Encoding").unwrap().as_dict().unwrap();
                let mut names = Vec::new();
                let mut code = 0u8;
                for entry in encoding.get(b"Differences").unwrap().as_array().unwrap() {
                    match entry {
                        Object::Integer(c) => code = u8::try_from(*c).unwrap(),
                        Object::Name(n) => {
                            names.push((code, String::from_utf8(n.clone()).unwrap()));
                            code += 1;
                        }
                        other => panic!("{other:?} in /Differences"),
                    }
                }
                Self::Simple {
                    first: u8::try_from(font.get(b"FirstChar").unwrap().as_i64().unwrap()).unwrap(),
                    widths: numbers(widths),
                    names,
                }
            }
            (b"Type1", b"Courier", Err(_)) => Self::Courier,
            (b"Type1", b"Helvetica", Err(_)) => Self::Helvetica,
            other => panic!("unexpected font {other:?}"),
        }
    }

    /// The glyphs of a string: text and advance width in thousandths.
    fn glyphs(&self, bytes: &[u8]) -> Vec<(String, f64)> {
        match self {
            Self::Courier => bytes
                .iter()
                .map(|&b| {
                    assert!(b.is_ascii(), "Courier text is ASCII here");
                    (
                        char::from(b).to_string(),
                        f64::from(typeface::COURIER_WIDTH),
                    )
                })
                .collect(),
            Self::Helvetica => bytes
                .iter()
                .map(|&b| {
                    assert!(b.is_ascii(), "Helvetica text is ASCII here");
                    let c = char::from(b);
                    (c.to_string(), f64::from(helvetica::char_width(c).unwrap()))
                })
                .collect(),
            Self::Simple {
                first,
                widths,
                names,
            } => bytes
                .iter()
                .map(|&b| {
                    let width = widths[usize::from(b - first)];
                    let text = match names.iter().find(|(c, _)| *c == b) {
                        // Ligature glyph names spell their letters.
                        Some((_, name)) => name.clone(),
                        // WinAnsiEncoding is Latin-1 from 0xA0 on.
                        None => {
                            assert!(b.is_ascii() || b >= 0xA0);
                            char::from(b).to_string()
                        }
                    };
                    (text, width)
                })
                .collect(),
            Self::Cid { widths } => bytes
                .chunks_exact(2)
                .map(|pair| {
                    let cid = u16::from_be_bytes([pair[0], pair[1]]);
                    let (c, _, _) = typeface::CID_GLYPHS
                        .iter()
                        .find(|g| g.1 == cid)
                        .unwrap_or_else(|| panic!("CID {cid} is not the builder's"));
                    let width = widths.iter().find(|w| w.0 == cid).unwrap().1;
                    (c.to_string(), width)
                })
                .collect(),
        }
    }
}

/// `/W` in both forms: `c [w …]` and `c_first c_last w`.
fn cid_widths(w: &[Object]) -> Vec<(u16, f64)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < w.len() {
        let first = u16::try_from(w[i].as_i64().unwrap()).unwrap();
        match &w[i + 1] {
            Object::Array(list) => {
                for (n, width) in list.iter().enumerate() {
                    out.push((first + u16::try_from(n).unwrap(), number(width)));
                }
                i += 2;
            }
            last => {
                let last = u16::try_from(last.as_i64().unwrap()).unwrap();
                for cid in first..=last {
                    out.push((cid, number(&w[i + 2])));
                }
                i += 3;
            }
        }
    }
    out
}

/// The page's first page object id.
fn first_page(doc: &lopdf::Document) -> ObjectId {
    doc.get_pages()[&1]
}

/// Every `Tj` of a page, in drawing order. The builder writes each run in
/// a text object of its own: `BT [n Tr] /F s Tf (x y Td | a b c d e f Tm)
/// string Tj ET`.
fn runs_of(doc: &lopdf::Document, page: ObjectId) -> Vec<Run> {
    let fonts = doc.get_page_fonts(page).unwrap();
    let content = doc.get_and_decode_page_content(page).unwrap();
    let mut runs = Vec::new();
    let (mut font, mut size, mut matrix, mut mode) = (None, 0.0, [0.0; 6], 0);
    for op in &content.operations {
        let o = &op.operands;
        match op.operator.as_str() {
            "BT" => {
                matrix = [1.0, 0.0, 0.0, 1.0, 0.0, 0.0];
                mode = 0;
            }
            "Tr" => mode = o[0].as_i64().unwrap(),
            "Tf" => {
                let name = o[0].as_name().unwrap();
                font = Some(Font::read(doc, fonts[name]));
                size = number(&o[1]);
            }
            "Td" => matrix = [1.0, 0.0, 0.0, 1.0, number(&o[0]), number(&o[1])],
            "Tm" => {
                let m: Vec<f64> = o.iter().map(number).collect();
                matrix = m.try_into().unwrap();
            }
            "Tj" => {
                let font = font.as_ref().unwrap();
                // Along the baseline in user space: x for upright text, y
                // for text turned by 90° (`0 1 -1 0 e f`).
                let upright = matrix[0] == 1.0 && matrix[1] == 0.0;
                let turned = matrix[0] == 0.0 && matrix[1] == 1.0 && matrix[2] == -1.0;
                assert!(upright || turned, "matrix {matrix:?}");
                let mut at = if upright { matrix[4] } else { matrix[5] };
                let glyphs = font
                    .glyphs(o[0].as_str().unwrap())
                    .into_iter()
                    .map(|(text, width)| {
                        let start = at;
                        at += width * size / 1000.0;
                        Glyph {
                            text,
                            start,
                            end: at,
                        }
                    })
                    .collect();
                runs.push(Run {
                    glyphs,
                    matrix,
                    render_mode: mode,
                });
            }
            _ => {}
        }
    }
    runs
}

fn runs(name: &str) -> Vec<Run> {
    let doc = load(name);
    runs_of(&doc, first_page(&doc))
}

/// The run that draws `needle`.
fn run_with<'r>(runs: &'r [Run], needle: &str) -> &'r Run {
    runs.iter()
        .find(|r| r.text().contains(needle))
        .unwrap_or_else(|| panic!("no run draws {needle:?}"))
}

/// The `/QuadPoints` of each annotation of the first page, by `/NM`.
fn quads(name: &str) -> Vec<(String, Vec<[f64; 8]>)> {
    let doc = load(name);
    let page = doc.get_dictionary(first_page(&doc)).unwrap();
    page.get(b"Annots")
        .unwrap()
        .as_array()
        .unwrap()
        .iter()
        .map(|a| {
            let a = doc.get_dictionary(a.as_reference().unwrap()).unwrap();
            let nm = String::from_utf8(a.get(b"NM").unwrap().as_str().unwrap().to_vec()).unwrap();
            let values = numbers(a.get(b"QuadPoints").unwrap());
            let quads = values
                .chunks_exact(8)
                .map(|q| q.try_into().unwrap())
                .collect();
            (nm, quads)
        })
        .collect()
}

/// A quad's extent along upright text (x) or along text turned by 90° (y).
fn along(quad: &[f64; 8], upright: bool) -> (f64, f64) {
    let values: Vec<f64> = quad
        .chunks_exact(2)
        .map(|p| if upright { p[0] } else { p[1] })
        .collect();
    let lo = values.iter().copied().fold(f64::INFINITY, f64::min);
    let hi = values.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    (lo, hi)
}

fn assert_extent(found: (f64, f64), expected: (f64, f64), what: &str) {
    assert!(
        (found.0 - expected.0).abs() < EPS && (found.1 - expected.1).abs() < EPS,
        "{what}: {found:?}, expected {expected:?}"
    );
}

/// Checks that the quads of annotation `nm` cover, one each, exactly the
/// glyphs drawing `phrases` (each in the run that draws it).
fn assert_quads_cover(name: &str, nm: &str, phrases: &[&str]) {
    let runs = runs(name);
    let all = quads(name);
    let (_, quads) = all
        .iter()
        .find(|(n, _)| n == nm)
        .unwrap_or_else(|| panic!("no annotation {nm}"));
    assert_eq!(quads.len(), phrases.len(), "{nm}");
    for (quad, phrase) in quads.iter().zip(phrases) {
        let run = run_with(&runs, phrase);
        let upright = run.matrix[0] == 1.0;
        assert_extent(along(quad, upright), run.extent(phrase), phrase);
        // Across the baseline the quad reaches over the run's baseline.
        let across: Vec<f64> = quad
            .chunks_exact(2)
            .map(|p| if upright { p[1] } else { p[0] })
            .collect();
        let base = if upright {
            run.matrix[5]
        } else {
            run.matrix[4]
        };
        assert!(
            across.iter().any(|v| *v < base) && across.iter().any(|v| *v > base),
            "{phrase}: quad {quad:?} misses the baseline {base}"
        );
    }
}

/// The words kantlijn finds, with their extents along the baseline.
fn read_words(doc: &Document, upright: bool) -> Vec<(String, f64, f64)> {
    doc.page_text(1)
        .unwrap()
        .words()
        .map(|w| {
            let (lo, hi) = if upright {
                (w.rect.x0, w.rect.x1)
            } else {
                (w.rect.y0, w.rect.y1)
            };
            (w.text.clone(), lo, hi)
        })
        .collect()
}

/// Every word the file draws, in the given order of runs, compared with
/// what kantlijn reads (text and extent along the baseline).
fn assert_words(doc: &Document, runs: &[&Run], upright: bool) {
    let expected: Vec<(String, f64, f64)> = runs.iter().flat_map(|r| r.words()).collect();
    let found = read_words(doc, upright);
    assert_eq!(
        found.iter().map(|w| w.0.as_str()).collect::<Vec<_>>(),
        expected.iter().map(|w| w.0.as_str()).collect::<Vec<_>>()
    );
    for (f, e) in found.iter().zip(&expected) {
        assert_extent((f.1, f.2), (e.1, e.2), &e.0);
    }
}

fn text_under(doc: &Document) -> Vec<Option<&str>> {
    doc.annotations()
        .iter()
        .map(|a| a.text_under.as_deref())
        .collect()
}

fn plain(doc: &Document) -> String {
    doc.page_text(1).unwrap().plain_text()
}

fn assert_clean(doc: &Document) {
    assert!(doc.warnings().is_empty(), "{:?}", doc.warnings());
    let text = doc.page_text(1).unwrap();
    assert!(text.warnings.is_empty(), "{:?}", text.warnings);
}

#[test]
fn multiline_highlight_joins_lines_without_the_break_hyphen() {
    let name = "text-multiline.pdf";
    let runs = runs(name);
    let lines: Vec<String> = runs.iter().map(Run::text).collect();
    assert_eq!(
        lines,
        [
            "Het wetsvoorstel introduceert een verplich-",
            "te gedragscode voor alle werkgevers met",
            "tien of meer werknemers.",
            "De regels volgen uit de EU-",
            "richtlijn over ongewenst gedrag.",
        ]
    );
    assert_quads_cover(name, "text-multiline-2", &["EU-", "richtlijn"]);
    assert_quads_cover(
        name,
        "text-multiline-1",
        &["introduceert een verplich-", "te gedragscode"],
    );
    let doc = open(name);
    assert_clean(&doc);
    // A line-break hyphen goes; the hyphen of "EU-richtlijn" (a compound
    // with an abbreviation) stays, without a space.
    assert_eq!(
        text_under(&doc),
        [
            Some("introduceert een verplichte gedragscode"),
            Some("EU-richtlijn")
        ]
    );
    // The rest of the broken word moves up to the line where it starts;
    // the compound's lines stay as drawn.
    assert_eq!(
        plain(&doc),
        "Het wetsvoorstel introduceert een verplichte\n\
         gedragscode voor alle werkgevers met\n\
         tien of meer werknemers.\n\
         De regels volgen uit de EU-\n\
         richtlijn over ongewenst gedrag.\n"
    );
    let refs: Vec<&Run> = runs.iter().collect();
    assert_words(&doc, &refs, true);
    let text = doc.page_text(1).unwrap();
    let broken: Vec<&str> = text
        .words()
        .filter(|w| w.hyphenated)
        .map(|w| w.text.as_str())
        .collect();
    assert_eq!(broken, ["verplich-"]);
}

#[test]
fn two_columns_read_column_by_column() {
    let name = "text-two-columns.pdf";
    let runs = runs(name);
    // The heading, then the columns row by row across the gutter.
    let xs: Vec<f64> = runs.iter().map(|r| r.matrix[4]).collect();
    assert_eq!(
        xs,
        [72.0, 72.0, 300.0, 72.0, 300.0, 72.0, 300.0, 72.0, 300.0]
    );
    let heading = &runs[0];
    let left: Vec<&Run> = runs[1..].iter().step_by(2).collect();
    let right: Vec<&Run> = runs[2..].iter().step_by(2).collect();
    // The heading crosses the gutter; the columns do not.
    let gutter = (
        left.iter()
            .map(|r| r.glyphs.last().unwrap().end)
            .fold(0.0, f64::max),
        300.0,
    );
    assert!(gutter.0 < 290.0, "{gutter:?}");
    assert!(heading.glyphs.last().unwrap().end > gutter.1);

    assert_quads_cover(name, "text-two-columns-1", &["Het advies", "snel besluit."]);
    let doc = open(name);
    assert_clean(&doc);
    let expected: String = std::iter::once(heading)
        .chain(left.iter().copied())
        .chain(right.iter().copied())
        .map(|r| format!("{}\n", r.text()))
        .collect();
    assert_eq!(plain(&doc), expected);
    assert_eq!(text_under(&doc), [Some("snel besluit. Het advies")]);
    let order: Vec<&Run> = std::iter::once(heading)
        .chain(left.iter().copied())
        .chain(right.iter().copied())
        .collect();
    assert_words(&doc, &order, true);
}

#[test]
fn rotated_page_reads_along_the_turned_baseline() {
    let name = "text-rotated.pdf";
    let runs = runs(name);
    let doc = open(name);
    assert_eq!(doc.pages()[0].rotate, 90);
    // Each run is turned by 90°; the page turned by /Rotate 90 shows the
    // line with the smallest x on top, so that is the reading order (the
    // file draws the second line first).
    let mut order: Vec<&Run> = runs.iter().collect();
    order.sort_by(|a, b| a.matrix[4].total_cmp(&b.matrix[4]));
    assert_ne!(runs[0].text(), order[0].text());
    assert!(runs.iter().all(|r| r.matrix[..4] == [0.0, 1.0, -1.0, 0.0]));

    assert_quads_cover(name, "text-rotated-1", &["akkoord met de"]);
    assert_quads_cover(
        name,
        "text-rotated-2",
        &["beantwoording", "van de Kamervragen"],
    );
    assert_clean(&doc);
    let expected: String = order.iter().map(|r| format!("{}\n", r.text())).collect();
    assert_eq!(plain(&doc), expected);
    assert_eq!(
        text_under(&doc),
        [
            Some("akkoord met de"),
            Some("beantwoording van de Kamervragen")
        ]
    );
    assert_words(&doc, &order, false);
}

#[test]
fn cid_font_text_comes_through_to_unicode() {
    let name = "text-cid.pdf";
    let doc_lopdf = load(name);
    let page = first_page(&doc_lopdf);
    let fonts = doc_lopdf.get_page_fonts(page).unwrap();
    let font = fonts[&b"F3"[..]];
    assert_eq!(
        font.get(b"Encoding").unwrap().as_name().unwrap(),
        b"Identity-H"
    );
    // The CMap maps each CID to the character the builder drew it for:
    // bfchar below 16, the two forms of bfrange above.
    let cmap = doc_lopdf
        .get_object(font.get(b"ToUnicode").unwrap().as_reference().unwrap())
        .unwrap()
        .as_stream()
        .unwrap();
    let cmap = String::from_utf8(cmap.content.clone()).unwrap();
    for (c, cid, _) in typeface::CID_GLYPHS.iter().filter(|g| g.1 < 16) {
        let entry = format!("<{cid:04X}> <{:04X}>", u32::from(*c));
        assert!(cmap.contains(&entry), "{entry}");
    }
    assert!(cmap.contains("<0010> <0011> <00E9>"));
    assert!(cmap.contains("<0012> <0013> [<00EB> <0065>]"));

    let runs = runs_of(&doc_lopdf, page);
    assert_eq!(runs.len(), 1);
    let text = runs[0].text();
    assert_eq!(text, "Akkoord met één reëel idee");
    assert_quads_cover(name, "text-cid-1", &["één"]);
    let doc = open(name);
    assert_clean(&doc);
    assert_eq!(plain(&doc), format!("{text}\n"));
    assert_eq!(text_under(&doc), [Some("één")]);
    assert_words(&doc, &[&runs[0]], true);
}

#[test]
fn ligatures_are_expanded_in_page_text_and_under_highlights() {
    let name = "text-ligatures.pdf";
    let runs = runs(name);
    assert_eq!(runs.len(), 1);
    // Three glyphs stand for two or three letters each.
    let ligatures: Vec<&str> = runs[0]
        .glyphs
        .iter()
        .map(|g| g.text.as_str())
        .filter(|t| t.chars().count() > 1)
        .collect();
    assert_eq!(ligatures, ["fi", "ffi", "fl"]);
    let text = runs[0].text();
    assert_eq!(text, "financiële office, flow");
    assert_quads_cover(name, "text-ligatures-1", &["financiële"]);
    assert_quads_cover(name, "text-ligatures-2", &["office, flow"]);
    let doc = open(name);
    assert_clean(&doc);
    assert_eq!(plain(&doc), format!("{text}\n"));
    assert_eq!(text_under(&doc), [Some("financiële"), Some("office, flow")]);
    assert_words(&doc, &[&runs[0]], true);
}

#[test]
fn invisible_ocr_text_over_a_scan() {
    let name = "text-ocr-scan.pdf";
    let lo = load(name);
    let page = first_page(&lo);
    let runs = runs_of(&lo, page);
    assert!(
        runs.iter().all(|r| r.render_mode == 3),
        "all OCR text is invisible"
    );
    // The scan: one 64 × 64 gray image drawn over the whole page.
    let resources = lo
        .get_dictionary(page)
        .unwrap()
        .get(b"Resources")
        .unwrap()
        .as_reference()
        .unwrap();
    let resources = lo.get_dictionary(resources).unwrap();
    let images = resources.get(b"XObject").unwrap().as_dict().unwrap();
    let image = lo
        .get_object(images.get(b"Im1").unwrap().as_reference().unwrap())
        .unwrap()
        .as_stream()
        .unwrap();
    assert_eq!(image.dict.get(b"Width").unwrap().as_i64().unwrap(), 64);
    assert_eq!(image.dict.get(b"Height").unwrap().as_i64().unwrap(), 64);
    assert_eq!(image.content.len(), 64 * 64);
    let content = String::from_utf8(lo.get_page_content(page)).unwrap();
    assert!(content.starts_with("q 595 0 0 842 0 0 cm /Im1 Do Q\n"));

    // The first line is one string; the second is drawn word by word,
    // without spaces, as OCR programs write it.
    assert_eq!(runs[0].text(), "Beslisnota over de Woo-verzoeken");
    let second: Vec<String> = runs[1..].iter().map(Run::text).collect();
    assert_eq!(second, ["Datum", "27", "mei", "2026"]);
    assert_quads_cover(name, "text-ocr-scan-1", &["Beslisnota"]);

    let doc = open(name);
    assert_clean(&doc);
    assert_eq!(
        plain(&doc),
        format!("{}\n{}\n", runs[0].text(), second.join(" "))
    );
    assert_eq!(text_under(&doc), [Some("Beslisnota")]);
    let order: Vec<&Run> = runs.iter().collect();
    assert_words(&doc, &order, true);
}

/// The annotations Acrobat's summary lists for a page, in `/Annots`
/// order: not the pop-ups, not the hidden replies (flag 2).
fn summarised(doc: &lopdf::Document, page: ObjectId) -> Vec<String> {
    let page = doc.get_dictionary(page).unwrap();
    page.get(b"Annots")
        .unwrap()
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|a| {
            let id = a.as_reference().unwrap();
            let d = doc.get_dictionary(id).unwrap();
            let popup = d.get(b"Subtype").unwrap().as_name().unwrap() == b"Popup";
            let hidden = d.get(b"F").map_or(0, |f| f.as_i64().unwrap()) & 2 != 0;
            (!popup && !hidden).then(|| format!("{} {} R", id.0, id.1))
        })
        .collect()
}

#[test]
fn printed_summary_entries_link_to_their_live_annotations() {
    let name = "beslisnota-met-overzicht.pdf";
    let lo = load(name);
    let pages = lo.get_pages();
    assert_eq!(pages.len(), 3);
    // The third page is the summary page the flattened copy ends with.
    let flattened = load("beslisnota-flattened.pdf");
    assert_eq!(
        lo.get_page_content(pages[&3]),
        flattened.get_page_content(flattened.get_pages()[&3])
    );
    // The first two pages carry beslisnota.pdf's comments, same objects.
    let original = load("beslisnota.pdf");
    for n in [1, 2] {
        assert_eq!(pages[&n], original.get_pages()[&n]);
        assert_eq!(
            summarised(&lo, pages[&n]),
            summarised(&original, original.get_pages()[&n])
        );
    }

    let doc = open(name);
    assert!(doc.warnings().is_empty(), "{:?}", doc.warnings());
    // The same entries as the flattened copy gives, now each linked to the
    // annotation with its page and its number in /Annots order.
    let flat = open("beslisnota-flattened.pdf");
    assert_eq!(doc.comments().len(), flat.comments().len());
    let mut expected = Vec::new();
    for n in [1, 2] {
        for (index, reference) in summarised(&lo, pages[&n]).into_iter().enumerate() {
            expected.push((n as usize, u32::try_from(index + 1).unwrap(), reference));
        }
    }
    let linked: Vec<(usize, u32, String)> = doc
        .comments()
        .iter()
        .map(|c| {
            (
                c.target_page.unwrap(),
                c.number.unwrap(),
                c.annotation.map(|r| r.to_string()).unwrap_or_default(),
            )
        })
        .collect();
    assert_eq!(linked, expected);
    for (ours, theirs) in doc.comments().iter().zip(flat.comments()) {
        let mut unlinked = ours.clone();
        unlinked.annotation = None;
        assert_eq!(&unlinked, theirs);
    }

    // "MWP akkoord 8/6" is one decision, seen as the live FreeText and as
    // its printed entry.
    let typed = &expected[0].2;
    let decisions: Vec<_> = doc
        .decisions()
        .iter()
        .filter(|d| d.text == "MWP akkoord 8/6")
        .collect();
    assert_eq!(decisions.len(), 1, "{:?}", doc.decisions());
    assert_eq!(doc.decisions().len(), 1, "{:?}", doc.decisions());
    let seen: Vec<(Source, Option<String>)> = decisions[0]
        .seen_in
        .iter()
        .map(|s| (s.source, s.reference.map(|r| r.to_string())))
        .collect();
    assert_eq!(
        seen,
        [
            (Source::Annotation, Some(typed.to_owned())),
            (Source::CommentSummary, Some("comment:0".to_owned())),
        ]
    );
    assert_eq!(
        decisions[0].reference.map(|r| r.to_string()).as_ref(),
        Some(typed)
    );
    assert_eq!(
        decisions[0].date.map(|d| d.to_string()).as_deref(),
        Some("2026-06-08")
    );
}
