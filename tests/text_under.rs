//! The text under markup annotations, against the corpus references.
//!
//! Needs the corpus, which is not shipped: the test is ignored unless asked
//! for, with `KANTLIJN_CORPUS` naming the corpus directory (the one with
//! `files.tsv` and `expected/`):
//!
//! ```text
//! KANTLIJN_CORPUS=../shared/corpus cargo test --release --test text_under -- --include-ignored --nocapture
//! ```
//!
//! For every highlight, underline, squiggly underline and strike-out for
//! which the reference (`expected/<file>.json`, PyMuPDF) gives a
//! `text_under`, the text kantlijn reads is compared with it by word-level
//! F1: both texts lower-cased, words broken by a hyphen and a line break
//! joined, and split into words of letters and digits; F1 over the two
//! bags of words. The run prints the distribution and the worst cases and
//! fails when fewer than [`FLOOR`] of the annotations reach an F1 of 0.9.
//!
//! # Where the references disagree
//!
//! PyMuPDF's reference is the page text inside each quad's bounding box;
//! `expected/<file>.pdfannots.json` has pdfannots' text, a second opinion.
//! Where they disagree, kantlijn is compared with the one it follows, as
//! [`DISAGREEMENTS`] lists annotation by annotation:
//!
//! | case | PyMuPDF | pdfannots | kantlijn follows | why | examples |
//! |---|---|---|---|---|---|
//! | edge characters | every word a quad touches ("duty t") | characters with half their area inside ("duty", "ore text") | pdfannots, with words more than half under the quads completed ("more text") | a glyph a quad's edge grazes was not selected; a word mostly selected was meant whole | `pdfannots/word2column.pdf` 79, `pypdf/commented.pdf` 26, `pdfminer/simple5.pdf` 50 |
//! | overlapping quads | the text of each quad, so overlaps repeat it ("Mike Shaver∗ , Mike Shaver∗ r∗ r∗") | each character once | pdfannots | a reader highlighted the text once | `pdfjs/highlights.pdf` 687, `pdfjs/comments.pdf` 738, `pdf-rs/example_annotation.pdf` 28 |
//! | tall quads | words touching the quad's box, so the next or previous line creeps in | characters half inside | pdfannots | quads drawn with generous leading reach a point or two into the neighbouring line, whose glyphs are not under them | `pdfjs/issue7014.pdf` 23–26, `pdfjs/quadpoints.pdf` 17–23, `pdfannots/caret.pdf` 26 |
//! | text drawn twice | both copies ("Dummy PDF file PDF file") | once | pdfannots | a glyph drawn twice in one place (fake bold, fill and stroke) is one glyph on the page | `pdfplumber/annotations.pdf` 163, 181 |
//! | hyphenation | keeps "regis- ters" | joins "registers" | pdfannots (a hyphen before a capital or a digit is kept: "non-VM") | a line-break hyphen is not part of the word; the comparison joins both ways, so these do not show as disagreements | `pdfannots/hotos17.pdf` 282, 326 |
//! | right-to-left | visual order | visual order | neither: logical order | the corpus has no annotation over right-to-left text; the rule is tested on glyph lists in `src/text/layout/` | — |
//! | broken quads | a few letters per quad, repeated | nothing | neither: the rendered marks | pdf.js wrote one quad per glyph, shifted by a glyph and with its corners in a wrong order; the text is read off the page rendered with its annotations | `pdfjs/issue13447.pdf` 24, 25, 30 |
//! | reading order | a listing's lines per quad, repeated | a listing's code, then its comments | neither: row by row | the highlighted lines of a code listing read across, code then comment | `pdfjs/comments.pdf` 737 |

#![cfg(feature = "text")]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::Path;

use kantlijn::{Annotation, Document, Options};
use serde_json::Value;
use support::data::Corpus;

mod support;

/// The share of annotations that must reach an F1 of 0.9.
const FLOOR: f64 = 0.95;

/// Whose text kantlijn is compared with for one annotation.
#[derive(Debug, Clone, Copy)]
enum Follow {
    /// pdfannots' `text`.
    Pdfannots,
    /// Neither reference: the text given, read off the rendered page.
    Text(&'static str),
}

/// The case of a disagreement (see the table in the module docs).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
enum Case {
    EdgeCharacters,
    OverlappingQuads,
    TallQuads,
    DrawnTwice,
    BrokenQuads,
    ReadingOrder,
}

/// Annotations on which PyMuPDF's and pdfannots' texts disagree: the file,
/// the object number, the case, and whose text kantlijn follows.
const DISAGREEMENTS: &[(&str, u32, Case, Follow)] = &[
    (
        "itext/flattenHighlightAnnotationTest.pdf",
        24,
        Case::EdgeCharacters,
        Follow::Pdfannots,
    ),
    (
        "pdfannots/word2column.pdf",
        79,
        Case::EdgeCharacters,
        Follow::Pdfannots,
    ),
    (
        "pypdf/commented.pdf",
        26,
        Case::EdgeCharacters,
        Follow::Pdfannots,
    ),
    (
        "pdfminer/simple5.pdf",
        50,
        Case::EdgeCharacters,
        // pdfannots has "-pandoc.": seven of ten characters, completed.
        Follow::Text("vim-pandoc."),
    ),
    (
        "pdfjs/tracemonkey_with_annotations.pdf",
        1000,
        Case::TallQuads,
        // pdfannots has "hnique for dyna": "technique" is two-thirds
        // highlighted and completed; "dynamically-typed" is not.
        Follow::Text("technique for dyna"),
    ),
    (
        "pdfjs/bug1885505.pdf",
        52,
        Case::OverlappingQuads,
        Follow::Pdfannots,
    ),
    (
        "pdfjs/bug1885505.pdf",
        54,
        Case::OverlappingQuads,
        Follow::Pdfannots,
    ),
    (
        "pdfjs/bug1885505.pdf",
        56,
        Case::TallQuads,
        Follow::Pdfannots,
    ),
    (
        "pdfjs/bug1885505.pdf",
        58,
        Case::TallQuads,
        Follow::Pdfannots,
    ),
    (
        "pdfjs/bug1885505.pdf",
        60,
        Case::OverlappingQuads,
        Follow::Pdfannots,
    ),
    (
        "pdfjs/bug1885505.pdf",
        63,
        Case::OverlappingQuads,
        Follow::Pdfannots,
    ),
    (
        "pdfjs/comments.pdf",
        613,
        Case::TallQuads,
        Follow::Pdfannots,
    ),
    (
        "pdfjs/comments.pdf",
        687,
        Case::OverlappingQuads,
        Follow::Pdfannots,
    ),
    (
        "pdfjs/comments.pdf",
        733,
        Case::OverlappingQuads,
        Follow::Pdfannots,
    ),
    (
        "pdfjs/comments.pdf",
        737,
        Case::ReadingOrder,
        Follow::Text(
            "v4, Array // test whether primes is an array xf v5 // side exit if v5 is false v6 := js_Array_set(v0,",
        ),
    ),
    (
        "pdfjs/comments.pdf",
        738,
        Case::OverlappingQuads,
        Follow::Pdfannots,
    ),
    (
        "pdfjs/comments.pdf",
        744,
        Case::OverlappingQuads,
        Follow::Pdfannots,
    ),
    (
        "pdfjs/highlights.pdf",
        613,
        Case::TallQuads,
        Follow::Pdfannots,
    ),
    (
        "pdfjs/highlights.pdf",
        687,
        Case::OverlappingQuads,
        Follow::Pdfannots,
    ),
    (
        "pdfjs/issue18911.pdf",
        997,
        Case::OverlappingQuads,
        Follow::Pdfannots,
    ),
    (
        "pdfjs/issue7014.pdf",
        23,
        Case::TallQuads,
        Follow::Pdfannots,
    ),
    (
        "pdfjs/issue7014.pdf",
        24,
        Case::TallQuads,
        Follow::Pdfannots,
    ),
    (
        "pdfjs/issue7014.pdf",
        25,
        Case::TallQuads,
        Follow::Pdfannots,
    ),
    (
        "pdfjs/issue7014.pdf",
        26,
        Case::TallQuads,
        Follow::Pdfannots,
    ),
    (
        "pdfjs/quadpoints.pdf",
        17,
        Case::TallQuads,
        Follow::Pdfannots,
    ),
    (
        "pdfjs/quadpoints.pdf",
        19,
        Case::TallQuads,
        Follow::Pdfannots,
    ),
    (
        "pdfjs/quadpoints.pdf",
        21,
        Case::TallQuads,
        Follow::Pdfannots,
    ),
    (
        "pdfjs/quadpoints.pdf",
        23,
        Case::TallQuads,
        Follow::Pdfannots,
    ),
    (
        "pdfannots/caret.pdf",
        32,
        Case::TallQuads,
        Follow::Pdfannots,
    ),
    (
        "pdfannots/caret.pdf",
        26,
        Case::TallQuads,
        // pdfannots gives this strike-out no text of its own.
        Follow::Text("Adobe Acrobat Reader"),
    ),
    (
        "pdfplumber/issue-463-example.pdf",
        35,
        Case::TallQuads,
        Follow::Pdfannots,
    ),
    (
        "pdf-rs/example_annotation.pdf",
        28,
        Case::OverlappingQuads,
        Follow::Pdfannots,
    ),
    (
        "pdfplumber/annotations.pdf",
        163,
        Case::DrawnTwice,
        Follow::Pdfannots,
    ),
    (
        "pdfplumber/annotations.pdf",
        181,
        Case::DrawnTwice,
        Follow::Pdfannots,
    ),
    (
        "pdfjs/issue13447.pdf",
        24,
        Case::BrokenQuads,
        // The highlight covers "ellentesque habitant": eleven of twelve
        // letters of the first word, completed.
        Follow::Text("Pellentesque habitant"),
    ),
    (
        "pdfjs/issue13447.pdf",
        25,
        Case::BrokenQuads,
        Follow::Text("m sagittis scele"),
    ),
    (
        "pdfjs/issue13447.pdf",
        30,
        Case::BrokenQuads,
        Follow::Text("el leo. Ut ni"),
    ),
];

const MARKUP: &[&str] = &["Highlight", "Underline", "StrikeOut", "Squiggly"];

#[test]
#[ignore = "needs KANTLIJN_CORPUS"]
fn text_under_against_the_corpus() {
    let corpus = Corpus::from_env();
    let expected = corpus.expected();
    // PyMuPDF's references, by name relative to expected/ without `.json`.
    let references: Vec<String> = corpus
        .reference_files()
        .iter()
        .map(|path| {
            path.strip_prefix(&expected)
                .unwrap()
                .to_string_lossy()
                .into_owned()
        })
        .filter(|name| !name.ends_with(".pdfannots.json"))
        .map(|name| name.trim_end_matches(".json").to_owned())
        .collect();

    let table: HashMap<(&str, u32), (Case, Follow)> = DISAGREEMENTS
        .iter()
        .map(|&(file, object, case, follow)| ((file, object), (case, follow)))
        .collect();
    let mut used = HashSet::new();
    let mut scores: Vec<Score> = Vec::new();
    for file in &references {
        let reference: Value = read_json(&expected.join(format!("{file}.json")));
        let wanted: Vec<&Value> = reference["annotations"]
            .as_array()
            .map(|list| {
                list.iter()
                    .filter(|a| MARKUP.contains(&a["subtype"].as_str().unwrap_or("")))
                    .filter(|a| {
                        a["text_under"]
                            .as_str()
                            .is_some_and(|t| !t.trim().is_empty())
                    })
                    .collect()
            })
            .unwrap_or_default();
        if wanted.is_empty() {
            continue;
        }
        let pdfannots: Vec<Value> =
            std::fs::read_to_string(expected.join(format!("{file}.pdfannots.json")))
                .ok()
                .and_then(|text| serde_json::from_str(&text).ok())
                .unwrap_or_default();
        let document = Document::open_with(corpus.root().join(file), &Options::default())
            .unwrap_or_else(|e| panic!("{file}: {e}"));
        for annotation in wanted {
            let object = annotation["xref"]
                .as_u64()
                .map(|n| n as u32)
                .filter(|n| *n > 0);
            let ours = find_ours(&document, annotation)
                .and_then(|a| a.text_under.clone())
                .unwrap_or_default();
            let (followed, case) = match object.and_then(|n| table.get(&(file.as_str(), n))) {
                Some(&(case, follow)) => {
                    used.insert((file.clone(), object.unwrap_or(0)));
                    let text = match follow {
                        Follow::Pdfannots => {
                            pdfannots_text(&pdfannots, annotation).unwrap_or_else(|| {
                                panic!("{file} {object:?}: pdfannots has no text for it")
                            })
                        }
                        Follow::Text(text) => text.to_owned(),
                    };
                    (text, Some(case))
                }
                None => (
                    annotation["text_under"].as_str().unwrap_or("").to_owned(),
                    None,
                ),
            };
            scores.push(Score {
                file: file.clone(),
                object,
                f1: f1(&words(&ours), &words(&followed)),
                case,
                ours,
                followed,
            });
        }
    }

    let stale: Vec<_> = DISAGREEMENTS
        .iter()
        .filter(|(file, object, ..)| !used.contains(&((*file).to_owned(), *object)))
        .collect();
    assert!(
        stale.is_empty(),
        "table entries matching no annotation: {stale:?}"
    );

    report(&scores);
    let good = scores.iter().filter(|s| s.f1 >= 0.9).count();
    let share = good as f64 / scores.len() as f64;
    assert!(
        share >= FLOOR,
        "{good} of {} annotations ({:.1} %) reach F1 0.9; the floor is {:.0} %",
        scores.len(),
        100.0 * share,
        100.0 * FLOOR
    );
}

struct Score {
    file: String,
    object: Option<u32>,
    f1: f64,
    case: Option<Case>,
    ours: String,
    followed: String,
}

fn report(scores: &[Score]) {
    let mut buckets: BTreeMap<&str, usize> = BTreeMap::new();
    for score in scores {
        let bucket = match score.f1 {
            f if f >= 1.0 => "1. = 1",
            f if f >= 0.9 => "2. 0.9–1",
            f if f >= 0.5 => "3. 0.5–0.9",
            f if f > 0.0 => "4. 0–0.5",
            _ => "5. = 0",
        };
        *buckets.entry(bucket).or_default() += 1;
    }
    let mut cases: BTreeMap<String, usize> = BTreeMap::new();
    for score in scores {
        let key = score.case.map_or_else(
            || "agreeing references (PyMuPDF)".to_owned(),
            |c| format!("{c:?}"),
        );
        *cases.entry(key).or_default() += 1;
    }
    eprintln!("text_under: {} annotations", scores.len());
    for (bucket, count) in &buckets {
        eprintln!("  F1 {:<10} {count}", &bucket[3..]);
    }
    eprintln!("  compared with:");
    for (case, count) in &cases {
        eprintln!("    {case}: {count}");
    }
    let mut worst: Vec<&Score> = scores.iter().collect();
    worst.sort_by(|a, b| a.f1.total_cmp(&b.f1));
    eprintln!("  worst:");
    for score in worst.iter().take(12) {
        eprintln!(
            "    {:.2} {} {:?} {:?}\n         ours: {:?}\n     followed: {:?}",
            score.f1,
            score.file,
            score.object,
            score.case,
            shorten(&score.ours),
            shorten(&score.followed)
        );
    }
}

fn shorten(text: &str) -> String {
    let mut out: String = text.chars().take(120).collect();
    if text.chars().count() > 120 {
        out.push('…');
    }
    out
}

/// Reference files (`<source>/<file>`) under `dir`, relative to `root`.
fn read_json(path: &Path) -> Value {
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// Our record of a reference annotation: same page and object number, or
/// for an inline dictionary, same page, subtype and rectangle.
fn find_ours<'d>(document: &'d Document, reference: &Value) -> Option<&'d Annotation> {
    let page = reference["page"].as_u64()? as usize + 1;
    let subtype = reference["subtype"].as_str()?;
    document.annotations().iter().find(|a| {
        a.page == page
            && a.subtype.name() == subtype
            && match reference["xref"].as_u64() {
                // The reference gives an inline dictionary object number 0.
                Some(number) if number > 0 => {
                    a.reference.to_string().split(' ').next() == Some(&number.to_string())
                }
                _ => {
                    a.reference.to_string().starts_with("inline:")
                        && same_rect(a, &reference["rect"])
                }
            }
    })
}

fn same_rect(annotation: &Annotation, rect: &Value) -> bool {
    let Some(ours) = annotation.rect else {
        return false;
    };
    let numbers: Vec<f64> = rect
        .as_array()
        .map(|r| r.iter().filter_map(Value::as_f64).collect())
        .unwrap_or_default();
    let [x0, y0, x1, y1] = numbers.as_slice() else {
        return false;
    };
    let theirs = [x0.min(*x1), y0.min(*y1), x0.max(*x1), y0.max(*y1)];
    ours.to_array()
        .iter()
        .zip(theirs)
        .all(|(a, b)| (a - b).abs() < 0.01)
}

/// pdfannots' text for a reference annotation: same page and type, and its
/// start point at the rectangle's top-left corner.
fn pdfannots_text(pdfannots: &[Value], reference: &Value) -> Option<String> {
    let page = reference["page"].as_u64()? + 1;
    let subtype = reference["subtype"].as_str()?;
    let rect: Vec<f64> = reference["rect"]
        .as_array()?
        .iter()
        .filter_map(Value::as_f64)
        .collect();
    let [x0, y0, x1, y1] = rect.as_slice() else {
        return None;
    };
    let (left, top) = (x0.min(*x1), y0.max(*y1));
    pdfannots
        .iter()
        .find(|entry| {
            entry["page"].as_u64() == Some(page)
                && entry["type"].as_str() == Some(subtype)
                && entry["start_xy"].as_array().is_some_and(|xy| {
                    let x = xy.first().and_then(Value::as_f64).unwrap_or(f64::NAN);
                    let y = xy.get(1).and_then(Value::as_f64).unwrap_or(f64::NAN);
                    (x - left).abs() < 0.01 && (y - top).abs() < 0.01
                })
        })
        .and_then(|entry| entry["text"].as_str().map(str::to_owned))
}

/// The words of a text for the comparison: lower-cased, soft hyphens
/// dropped, a hyphen followed by white space (a line break) joining the
/// two halves, then runs of letters and digits.
fn words(text: &str) -> Vec<String> {
    let lower = text.to_lowercase().replace('\u{AD}', "");
    let chars: Vec<char> = lower.chars().collect();
    let mut joined = String::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == '-' && i > 0 && chars[i - 1].is_alphanumeric() {
            let mut j = i + 1;
            while j < chars.len() && chars[j].is_whitespace() {
                j += 1;
            }
            if j > i + 1 && j < chars.len() && chars[j].is_alphanumeric() {
                i = j;
                continue;
            }
        }
        joined.push(c);
        i += 1;
    }
    joined
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect()
}

/// F1 of two bags of words (1 when both are empty).
fn f1(ours: &[String], theirs: &[String]) -> f64 {
    if ours.is_empty() && theirs.is_empty() {
        return 1.0;
    }
    let mut bag: HashMap<&str, usize> = HashMap::new();
    for word in theirs {
        *bag.entry(word).or_default() += 1;
    }
    let mut common = 0;
    for word in ours {
        if let Some(count) = bag.get_mut(word.as_str())
            && *count > 0
        {
            *count -= 1;
            common += 1;
        }
    }
    if common == 0 {
        return 0.0;
    }
    let precision = common as f64 / ours.len() as f64;
    let recall = common as f64 / theirs.len() as f64;
    2.0 * precision * recall / (precision + recall)
}

#[test]
fn comparison_words() {
    assert_eq!(
        words("Regis- ters, and TLB tags\u{AD}"),
        ["registers", "and", "tlb", "tags"]
    );
    assert_eq!(words("non-VM"), ["non", "vm"]);
    let a = words("duty to");
    let b = words("duty");
    assert!((f1(&a, &b) - 2.0 / 3.0).abs() < 1e-9);
    assert_eq!(f1(&[], &[]), 1.0);
}
