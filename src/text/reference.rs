//! The text layer's own reading checked against the renderer's content
//! interpreter (hayro-interpret, feature `text-reference`): on every page of
//! the shared corpus, both must give the same glyphs — the same Unicode
//! text, in the same order, with origins, sizes and widths within a small
//! tolerance — or the file is listed below with the reason they differ.
//!
//! Needs the corpus, which is not shipped: the test is ignored unless asked
//! for, with the corpus beside the checkout:
//! `KANTLIJN_CORPUS=../shared/corpus cargo test --release --features
//! text-reference --lib text::reference -- --include-ignored --nocapture`.

#![allow(clippy::unwrap_used, clippy::indexing_slicing, clippy::panic)]

use super::PageSource;
use super::device;
use super::extract;
use super::glyph::Glyphs;
use crate::diagnostics::{Defect, Warnings};
use crate::limits::{Deadline, Limits};
use crate::pdf::content::{ContentBounds, PageContent};
use crate::pdf::font::Fonts as FontCache;
use crate::pdf::{Bytes, Pdf, page_tree};

/// How two readings of one page differ.
#[derive(Debug, Default, Clone, PartialEq)]
pub(crate) struct PageDiff {
    /// Glyphs each reading gave.
    pub(crate) reference: usize,
    pub(crate) ours: usize,
    /// Glyphs (of those in both, in order) whose text differs.
    pub(crate) text: usize,
    /// Glyphs whose origin, size or width is off by more than the
    /// tolerance.
    pub(crate) placed: usize,
    /// The first glyph that differs: its text in each reading.
    pub(crate) first: Option<(String, String)>,
    /// What each reading reported, when they differ.
    pub(crate) defects: (Vec<Defect>, Vec<Defect>),
}

impl PageDiff {
    fn agrees(&self) -> bool {
        self.reference == self.ours && self.text == 0 && self.placed == 0
    }
}

/// Reads a page both ways and compares the glyphs.
pub(crate) fn compare(page: &PageSource<'_>, limits: &Limits) -> PageDiff {
    let Some(dict) = page.dict.as_ref() else {
        return PageDiff::default();
    };
    let deadline = Deadline::after(limits.time_per_file);
    let content = PageContent::of_page(
        dict,
        ContentBounds {
            max_bytes: limits.max_page_content,
            max_depth: limits.max_depth,
        },
    );
    let reference = device::read_glyphs(
        &content,
        &device::FontCache::new(),
        page.crop_box,
        limits.max_glyphs_per_page,
        &deadline,
    );
    let ours = extract::read_glyphs(
        (
            super::glyph::Glyphs::default(),
            &mut crate::pdf::text_content::WalkScratch::default(),
        ),
        dict,
        &FontCache::new(),
        (page.crop_box, extract::Coverage::WithoutText),
        limits,
        &deadline,
    );
    assert!(!reference.timed_out && !ours.timed_out);
    let reference_defects = [content.defects, reference.defects].concat();
    let mut diff = diff(&reference.glyphs, &ours.glyphs);
    if !diff.agrees() {
        diff.defects = (reference_defects, ours.defects);
    }
    diff
}

fn diff(reference: &Glyphs, ours: &Glyphs) -> PageDiff {
    let mut out = PageDiff {
        reference: reference.len(),
        ours: ours.len(),
        ..PageDiff::default()
    };
    for (a, b) in reference.list.iter().zip(&ours.list) {
        let (ta, tb) = (reference.text(a), ours.text(b));
        let size = a.size().max(1.0);
        let off = |x: f32, y: f32| (x - y).abs();
        let moved = off(a.origin[0], b.origin[0]).max(off(a.origin[1], b.origin[1]));
        let misplaced = moved > 0.02 * size + 0.01
            || off(a.size(), b.size()) > 0.01 * size
            || off(a.width, b.width) > 0.15 * a.width.abs().max(b.width.abs()) + 0.01;
        if ta != tb {
            out.text += 1;
        } else if misplaced {
            out.placed += 1;
        }
        if (ta != tb || misplaced) && out.first.is_none() {
            out.first = Some((
                format!("{ta:?} at {:?} w {}", a.origin, a.width),
                format!("{tb:?} at {:?} w {}", b.origin, b.width),
            ));
        }
    }
    out
}

/// Files whose readings differ, and why (a path ending).
const KNOWN: &[(&str, &str)] = &[(
    "hayro/issue204.pdf",
    "Type 1 fonts whose embedded programs the renderer cannot load: it draws \
     them with a substitute (Helvetica) stretched to the declared /Widths, and \
     the glyph transform it hands over carries that stretch, so the renderer's \
     box width is the declared width times the stretch (4.18 for an N the font \
     declares 5.07 wide). The text layer uses the declared width, the advance the \
     text really moves by: same glyphs and origins, wider boxes, and words the \
     reference's narrow boxes broke apart (\"repor t\", \"Febr uar y\") whole.",
)];

#[test]
#[ignore = "needs KANTLIJN_CORPUS"]
fn same_glyphs_as_the_renderer_on_the_corpus() {
    let Some(dir) = std::env::var_os("KANTLIJN_CORPUS") else {
        eprintln!("KANTLIJN_CORPUS not set: the comparison is skipped");
        return;
    };
    let mut files = Vec::new();
    let mut stack = vec![std::path::PathBuf::from(dir)];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap().flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else if path
                .extension()
                .is_some_and(|e| e.eq_ignore_ascii_case("pdf"))
            {
                files.push(path);
            }
        }
    }
    files.sort();
    let limits = Limits::default();
    let (mut pages, mut glyphs, mut agreeing) = (0, 0, 0);
    let mut differing = Vec::new();
    for file in &files {
        let bytes = std::fs::read(file).unwrap();
        let Ok(pdf) = Pdf::open(Bytes::Owned(bytes), None) else {
            continue;
        };
        let deadline = Deadline::after(limits.time_per_file);
        let Ok(nodes) = page_tree::walk(&pdf, &limits, &deadline, &mut Warnings::default()) else {
            continue;
        };
        let mut file_diff: Option<(usize, PageDiff)> = None;
        for (index, node) in nodes.iter().enumerate() {
            let page = PageSource {
                dict: node.dict.clone(),
                crop_box: node.crop_box.or(node.media_box),
            };
            let diff = compare(&page, &limits);
            pages += 1;
            glyphs += diff.reference;
            if diff.agrees() {
                agreeing += 1;
            } else if file_diff.is_none() {
                file_diff = Some((index + 1, diff));
            }
        }
        if let Some((page, diff)) = file_diff {
            let name = file.display().to_string();
            println!("{name} page {page}: {diff:?}");
            differing.push(name);
        }
    }
    println!(
        "{} files, {pages} pages, {glyphs} glyphs; {agreeing} pages agree; {} files differ",
        files.len(),
        differing.len()
    );
    let unexplained: Vec<&String> = differing
        .iter()
        .filter(|name| !KNOWN.iter().any(|(end, _)| name.ends_with(end)))
        .collect();
    let stale: Vec<&str> = KNOWN
        .iter()
        .map(|(end, _)| *end)
        .filter(|end| !differing.iter().any(|name| name.ends_with(end)))
        .collect();
    assert!(unexplained.is_empty(), "unexplained: {unexplained:#?}");
    assert!(stale.is_empty(), "listed but agreeing now: {stale:#?}");
}
