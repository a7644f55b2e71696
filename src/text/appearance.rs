//! The text an annotation's appearance draws (feature `text`): a dynamic
//! stamp's "AKKOORD / Minister van SZW / 08-06-2026 09:11", a text box
//! without `/Contents`.
//!
//! [`appearance_lines`] is the one place that reads an appearance: it takes
//! the normal appearance form (`/AP /N`, the `/AS` state where `/N` holds
//! states), maps it onto the annotation's `/Rect` through its `/Matrix`,
//! walks it for its text with its `/Resources` as a page's content is
//! walked ([`extract`](super::extract)), and lays the glyphs out in reading
//! order, as a page's. It is bounded as a page is: by
//! [`Limits::max_page_content`] (the form's content and the forms it
//! draws), [`Limits::max_glyphs_per_page`] and the time limit.
//! [`read_appearances`] fills [`Annotation::appearance_text`] with it for
//! the annotations that want it ([`wants_appearance`]).
//!
//! [`Limits::max_page_content`]: crate::Limits::max_page_content
//! [`Limits::max_glyphs_per_page`]: crate::Limits::max_glyphs_per_page

use std::collections::HashMap;

use crate::annotation::{self, Annotation, Reference, Subtype};
use crate::diagnostics::{Defect, WarningKind, Warnings};
use crate::limits::{Deadline, Limits};
use crate::pdf::font::Fonts;
use crate::pdf::{Dict, Lookup, Object};

use super::extract::{self, PageGlyphs};
use super::layout;
use super::page_text;
use super::read::PageSource;

/// The text an appearance draws, and what went wrong reading it.
#[derive(Debug, Default, Clone, PartialEq)]
pub(crate) struct AppearanceText {
    /// The lines, in reading order.
    pub(crate) lines: Vec<String>,
    /// Defects.
    pub(crate) defects: Vec<Defect>,
}

/// The lines of text the normal appearance of `annotation` (on `page`)
/// draws; no lines when it has no appearance form or draws no text (an
/// image, paths).
pub(crate) fn appearance_lines<'a>(
    annotation: &Dict<'a>,
    page: &Dict<'a>,
    fonts: &Fonts<'a>,
    limits: &Limits,
    deadline: &Deadline,
) -> AppearanceText {
    let PageGlyphs {
        glyphs,
        defects: mut all,
        timed_out,
        ..
    } = extract::read_appearance_glyphs(annotation, page, fonts, limits, deadline);
    if timed_out {
        all.push(Defect::new(
            WarningKind::TimeLimit,
            "the time limit was reached while its text was read",
        ));
    }
    let layout = layout::layout(&glyphs);
    let lines = page_text::plain_text(&glyphs, &layout)
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .map(str::to_owned)
        .collect();
    AppearanceText {
        lines,
        defects: all,
    }
}

/// Whether an annotation gets `appearance_text`: stamps and text boxes,
/// whose appearance is what the reader sees, and any annotation without
/// `/Contents`, whose appearance may be all it says.
pub(crate) fn wants_appearance(annotation: &Annotation) -> bool {
    matches!(annotation.subtype, Subtype::Stamp | Subtype::FreeText)
        || annotation.contents.is_none()
}

/// Fills [`Annotation::appearance_text`] for the annotations that want it
/// (see [`wants_appearance`]), page by page, each font loaded once. The
/// annotations are in page order, as the annotation reader gives them; an
/// annotation's dictionary is found again through its page's `/Annots` by
/// its `ref`.
pub(crate) fn read_appearances(
    pages: &[PageSource<'_>],
    annotations: &mut [Annotation],
    limits: &Limits,
    deadline: &Deadline,
    warnings: &mut Warnings,
) {
    let fonts = Fonts::new();
    let mut start = 0;
    while start < annotations.len() {
        let page = annotations.get(start).map_or(0, |a| a.page);
        let count = annotations
            .get(start..)
            .unwrap_or_default()
            .iter()
            .take_while(|a| a.page == page)
            .count()
            .max(1);
        let range = start..start + count;
        start = range.end;
        let on_page = annotations.get_mut(range).unwrap_or_default();
        if !on_page.iter().any(wants_appearance) {
            continue;
        }
        let Some(dict) = page
            .checked_sub(1)
            .and_then(|index| pages.get(index))
            .and_then(|source| source.dict.as_ref())
        else {
            continue;
        };
        if deadline.expired() {
            warnings.time_limit(
                page,
                limits.time_per_file,
                format_args!("the text of appearances from page {page} on is not read"),
            );
            return;
        }
        read_page(page, dict, on_page, &fonts, limits, deadline, warnings);
    }
}

/// Reads the appearances of one page's annotations.
fn read_page<'a>(
    number: usize,
    page: &Dict<'a>,
    annotations: &mut [Annotation],
    fonts: &Fonts<'a>,
    limits: &Limits,
    deadline: &Deadline,
    warnings: &mut Warnings,
) {
    let by_reference: HashMap<Reference, usize> = annotations
        .iter()
        .enumerate()
        .filter(|(_, annotation)| wants_appearance(annotation))
        .map(|(index, annotation)| (annotation.reference, index))
        .collect();
    let Lookup::Found(Object::Array(annots)) = page.get(b"Annots") else {
        return;
    };
    let entries = annots
        .elements()
        .enumerate()
        .take(limits.max_annotations_per_page);
    for (index, element) in entries {
        let Lookup::Found(Object::Dict(dict)) = element.value else {
            continue;
        };
        let reference = annotation::reference_of(element.reference, number, index);
        let Some(annotation) = by_reference
            .get(&reference)
            .and_then(|&at| annotations.get_mut(at))
        else {
            continue;
        };
        if deadline.expired() {
            warnings.push(
                Some(number),
                Some(reference.to_string()),
                WarningKind::TimeLimit,
                "time limit reached; the text of this and the page's remaining appearances is not read",
            );
            return;
        }
        let read = appearance_lines(&dict, page, fonts, limits, deadline);
        for defect in read.defects {
            warnings.push(
                Some(number),
                Some(reference.to_string()),
                defect.kind,
                format!("appearance: {}", defect.message),
            );
        }
        if !read.lines.is_empty() {
            annotation.appearance_text = Some(read.lines.join("\n"));
        }
    }
}
