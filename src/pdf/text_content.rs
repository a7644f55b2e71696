//! Walking a page's content for its text (feature `text`): the content
//! streams decoded piece by piece, and of their operators only those that
//! place text or images handed to a [`TextSink`] — text state, text
//! matrices, `cm`/`q`/`Q`, fonts, the text-showing operators, form
//! XObjects (entered, with their matrix), images (their place only) and
//! optional content (hidden text is not shown). Paths, colours, shadings
//! and the rest are read past.
//!
//! Everything an input can inflate is bounded: the bytes decoded and
//! interpreted for a page, forms included each time they are drawn
//! ([`WalkBounds::max_bytes`]); the bytes held at once (a content stream is
//! inflated and interpreted a piece at a time, so a stream that inflates to
//! gigabytes costs a few hundred kilobytes of memory); the nesting of forms;
//! and the operators read. The sink can stop the walk (its glyph bound or
//! the time limit).

use std::borrow::Cow;
use std::collections::HashSet;
use std::rc::Rc;

use flate2::Decompress;
use hayro_syntax::Filter;
use hayro_syntax::content::TypedIter;
use hayro_syntax::content::ops::TypedInstruction;
use hayro_syntax::object::{self as h, Object, ObjectIdentifier};
use hayro_syntax::page::Resources;
use hayro_syntax::xref::XRef;

use super::Dict;
use super::decode::{Decoded, Inflater, decode_bounded};
use super::font::{Font, Fonts};
use crate::diagnostics::{Defect, WarningKind};

/// A 2D affine matrix `[a b c d e f]`, as PDF writes it.
pub(crate) type Matrix = [f64; 6];

/// What the text layer does with the operators the walk hands over.
pub(crate) trait TextSink<'a> {
    /// Whether to stop the walk (a bound was reached).
    fn stopped(&mut self) -> bool;
    /// `q`.
    fn save(&mut self);
    /// `Q`.
    fn restore(&mut self);
    /// `cm`, and a form's `/Matrix`.
    fn concat(&mut self, matrix: Matrix);
    /// `BT`.
    fn begin_text(&mut self);
    /// `Tm`.
    fn set_text_matrix(&mut self, matrix: Matrix);
    /// `Td` (and the move of `TD`).
    fn next_line(&mut self, tx: f64, ty: f64);
    /// `T*`.
    fn next_line_by_leading(&mut self);
    /// `TL` (and the leading `TD` sets).
    fn set_leading(&mut self, leading: f32);
    /// `Tc`.
    fn set_char_spacing(&mut self, spacing: f32);
    /// `Tw`.
    fn set_word_spacing(&mut self, spacing: f32);
    /// `Tz`.
    fn set_horizontal_scaling(&mut self, scaling: f32);
    /// `Ts`.
    fn set_rise(&mut self, rise: f32);
    /// `Tf` (or a graphics state's `/Font`): the font, or `None` for a
    /// font the page does not define or that cannot be read (text is then
    /// shown in Helvetica when its bytes are ASCII).
    fn set_font(&mut self, font: Option<Rc<Font<'a>>>, size: f32);
    /// A text-showing operator starts: the glyphs shown until
    /// [`TextSink::end_run`] make one run. With `default_font` (`Tj`, `TJ`)
    /// text shown before any font was set is shown in Helvetica; without
    /// (`'`, `"`) it is not shown, as the renderer does.
    fn begin_run(&mut self, default_font: bool);
    /// The bytes of a string shown; `visible` is false inside hidden
    /// optional content (the pen moves, nothing is shown).
    fn show(&mut self, bytes: &[u8], visible: bool);
    /// A number in a `TJ` array.
    fn adjust(&mut self, amount: f32);
    /// The text-showing operator ends.
    fn end_run(&mut self);
    /// An image is drawn: the unit square through the current matrix.
    fn image(&mut self);
}

/// Bounds on one walk.
#[derive(Debug, Clone, Copy)]
pub(crate) struct WalkBounds {
    /// Most bytes decoded and interpreted, forms included each time drawn.
    pub(crate) max_bytes: usize,
    /// Deepest `/Parent` chain followed for inherited resources.
    pub(crate) max_depth: usize,
}

/// What went wrong in a walk, counted.
#[derive(Debug, Default, Clone)]
pub(crate) struct WalkDefects {
    /// What went wrong, as defects of the page.
    pub(crate) messages: Vec<Defect>,
    /// The bound on bytes was reached.
    pub(crate) too_long: bool,
    /// Font selections whose font could not be read.
    pub(crate) fonts_lost: usize,
    /// Forms not entered because they were nested too deep or drew
    /// themselves.
    pub(crate) forms_too_deep: usize,
    /// Content streams of the page that could not be decoded.
    pub(crate) broken: usize,
    /// An instruction longer than [`MAX_HELD`] ended the content.
    pub(crate) instruction_too_long: bool,
}

/// Deepest nesting of forms entered; the renderer stops at the same depth.
const MAX_FORM_DEPTH: usize = 50;
/// Deepest `q` nesting kept; deeper `q`s are counted, and their `Q`s undo
/// the count.
pub(crate) const MAX_SAVED_STATES: usize = 4096;
/// The bytes of the bound a form's drawing costs besides its content.
const FORM_COST: usize = 4096;
/// The most entries of a `/Contents` array that are read.
const MAX_CONTENT_ENTRIES: usize = 100_000;
/// How many decoded bytes are gathered before they are interpreted.
const PIECE: usize = 256 * 1024;
/// How many decoded bytes one read from a stream gives at most: a page's
/// content is a few kilobytes.
const CHUNK: usize = 16 * 1024;
/// The largest buffer of decoded content kept for the next page; a larger
/// one (a page of hundreds of kilobytes) is given back. One is kept for
/// each level of forms a page drew, so this bounds what a thread holds
/// between pages: [`MAX_FORM_DEPTH`] levels, 3.2 MiB.
const KEEP_BUFFER: usize = 64 * 1024;
/// Most bytes held undecided at once, over all nested forms: an
/// instruction longer than this (an inline image of megabytes) ends the
/// content, as a broken instruction does.
const MAX_HELD: usize = 4 << 20;

/// What walking content works in, kept from page to page by a thread that
/// reads page after page: the piece a stream is read into, and a buffer of
/// decoded content and an inflater for each level of forms drawn. Made
/// anew for each page and stream, they cost 3 % of the instructions of a
/// default run (tens of kilobytes zeroed a page, and an inflater started,
/// for content of a few kilobytes).
#[derive(Debug, Default)]
pub(crate) struct WalkScratch {
    chunk: Vec<u8>,
    buffers: Vec<Vec<u8>>,
    inflaters: Vec<Decompress>,
}

/// Walks the content of a page, working in `scratch`.
pub(crate) fn walk_page<'a>(
    page: &Dict<'a>,
    fonts: &Fonts<'a>,
    bounds: WalkBounds,
    scratch: &mut WalkScratch,
    sink: &mut impl TextSink<'a>,
) -> WalkDefects {
    let (dict, xref) = page.parts();
    let mut walker = Walker::new(xref, fonts, bounds);
    walker.scratch = std::mem::take(scratch);
    let resources = Resources::new(page_resources(dict, bounds.max_depth, fonts));
    let streams = content_streams(dict, &mut walker.defects);
    walker.run(streams, &resources, 0, 0, sink);
    *scratch = std::mem::take(&mut walker.scratch);
    walker.finish()
}

/// Walks the normal appearances of a page's annotations (the text of a
/// text box, a form field's value), each placed in its `/Rect` as a viewer
/// draws it; hidden annotations are passed over.
pub(crate) fn walk_appearances<'a>(
    page: &Dict<'a>,
    fonts: &Fonts<'a>,
    bounds: WalkBounds,
    max_annotations: usize,
    sink: &mut impl TextSink<'a>,
) -> WalkDefects {
    let (dict, xref) = page.parts();
    let mut walker = Walker::new(xref, fonts, bounds);
    let resources = Resources::new(page_resources(dict, bounds.max_depth, fonts));
    let Some(annots) = dict.get::<h::Array<'a>>(b"Annots") else {
        return walker.finish();
    };
    for annot in annots.iter::<h::Dict<'a>>().take(max_annotations) {
        if sink.stopped() || walker.defects.too_long {
            break;
        }
        let flags = annot.get::<u32>(b"F").unwrap_or(0);
        if flags & (1 << 1 | 1 << 5) != 0 {
            continue;
        }
        draw_appearance(&mut walker, &annot, &resources, sink);
    }
    walker.finish()
}

/// Walks the normal appearance of one annotation on `page`, placed in its
/// `/Rect` as a viewer draws it; a form without `/Resources` of its own
/// takes the page's. Nothing is walked when there is no form, `/Rect` or
/// `/BBox`.
pub(crate) fn walk_appearance<'a>(
    annotation: &Dict<'a>,
    page: &Dict<'a>,
    fonts: &Fonts<'a>,
    bounds: WalkBounds,
    sink: &mut impl TextSink<'a>,
) -> WalkDefects {
    let (annot, xref) = annotation.parts();
    let mut walker = Walker::new(xref, fonts, bounds);
    let resources = Resources::new(page_resources(page.parts().0, bounds.max_depth, fonts));
    draw_appearance(&mut walker, annot, &resources, sink);
    walker.finish()
}

/// Draws an annotation's normal appearance form, mapped onto its `/Rect`.
fn draw_appearance<'a>(
    walker: &mut Walker<'a, '_>,
    annot: &h::Dict<'a>,
    resources: &Resources<'a>,
    sink: &mut impl TextSink<'a>,
) {
    let Some(stream) = appearance(annot) else {
        return;
    };
    let Some(rect) = annot.get::<[f64; 4]>(b"Rect") else {
        return;
    };
    let Some(form) = FormInfo::of(&stream) else {
        return;
    };
    let placed = appearance_matrix(rect, form.matrix, form.bbox);
    sink.save();
    sink.concat(placed);
    walker.draw_form(&stream, &form, resources, 0, 0, sink);
    sink.restore();
}

/// The normal appearance stream of an annotation: `/AP /N`, or the state
/// `/AS` names (else `/Off`).
fn appearance<'a>(annot: &h::Dict<'a>) -> Option<h::Stream<'a>> {
    match annot.get::<h::Dict<'a>>(b"AP")?.get::<Object<'a>>(b"N")? {
        Object::Stream(stream) => Some(stream),
        Object::Dict(states) => annot
            .get::<h::Name<'_>>(b"AS")
            .and_then(|state| states.get::<h::Stream<'a>>(state.as_ref()))
            .or_else(|| states.get::<h::Stream<'a>>(b"Off")),
        _ => None,
    }
}

/// The matrix that maps an appearance into its annotation's rectangle
/// (ISO 32000-2, 12.5.5): the form's box through its matrix, scaled and
/// moved onto `/Rect`, after the form's own matrix.
fn appearance_matrix(rect: [f64; 4], matrix: Matrix, bbox: [f64; 4]) -> Matrix {
    let [x0, y0, x1, y1] = rect;
    let (rx0, ry0, rx1, ry1) = (x0.min(x1), y0.min(y1), x0.max(x1), y0.max(y1));
    let corners = [
        [bbox[0], bbox[1]],
        [bbox[2], bbox[1]],
        [bbox[2], bbox[3]],
        [bbox[0], bbox[3]],
    ]
    .map(|p| apply(matrix, p));
    let (mut bx0, mut by0, mut bx1, mut by1) = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
    for [x, y] in corners {
        bx0 = bx0.min(x);
        by0 = by0.min(y);
        bx1 = bx1.max(x);
        by1 = by1.max(y);
    }
    let sx = (rx1 - rx0) / (bx1 - bx0);
    let sy = (ry1 - ry0) / (by1 - by0);
    [sx, 0.0, 0.0, sy, rx0 - sx * bx0, ry0 - sy * by0]
}

/// A point through a matrix.
pub(crate) fn apply(m: Matrix, [x, y]: [f64; 2]) -> [f64; 2] {
    [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]]
}

/// `a` after `b`: the matrix that applies `b` first, then `a`.
pub(crate) fn multiply(a: Matrix, b: Matrix) -> Matrix {
    [
        a[0] * b[0] + a[2] * b[1],
        a[1] * b[0] + a[3] * b[1],
        a[0] * b[2] + a[2] * b[3],
        a[1] * b[2] + a[3] * b[3],
        a[0] * b[4] + a[2] * b[5] + a[4],
        a[1] * b[4] + a[3] * b[5] + a[5],
    ]
}

/// What a form XObject needs to be drawn.
struct FormInfo<'a> {
    matrix: Matrix,
    bbox: [f64; 4],
    resources: Option<Resources<'a>>,
}

impl<'a> FormInfo<'a> {
    /// A form's matrix, box and resources; `None` without `/BBox` (the
    /// renderer does not draw such a form).
    fn of(stream: &h::Stream<'a>) -> Option<Self> {
        let dict = stream.dict();
        Some(Self {
            matrix: dict
                .get::<[f64; 6]>(b"Matrix")
                .unwrap_or([1.0, 0.0, 0.0, 1.0, 0.0, 0.0]),
            bbox: dict.get::<[f64; 4]>(b"BBox")?,
            resources: dict.get::<h::Dict<'a>>(b"Resources").map(Resources::new),
        })
    }
}

/// Most font selections (a resource dictionary and a name) whose font is
/// kept during a walk.
const MAX_SELECTIONS: usize = 64;

/// A font selected by name from a resource dictionary: the dictionary
/// (where its bytes lie), the name, and what it gave.
struct Selection<'a> {
    fonts: (usize, usize),
    name: Vec<u8>,
    /// The name was in the dictionary.
    found: bool,
    font: Option<Rc<Font<'a>>>,
}

struct Walker<'a, 'f> {
    fonts: &'f Fonts<'a>,
    /// The fonts selected so far: a page selects its few fonts by name
    /// again and again, and each look-up in the resources parses the
    /// dictionary and the font object anew.
    selections: Vec<Selection<'a>>,
    ocg: Ocg,
    /// Bytes that may still be decoded.
    budget: usize,
    max_bytes: usize,
    /// Forms being drawn, to refuse one that draws itself.
    active: HashSet<ObjectIdentifier>,
    defects: WalkDefects,
    scratch: WalkScratch,
}

impl<'a, 'f> Walker<'a, 'f> {
    fn new(xref: &'a XRef, fonts: &'f Fonts<'a>, bounds: WalkBounds) -> Self {
        Self {
            fonts,
            selections: Vec::new(),
            ocg: Ocg::of_document(xref),
            budget: bounds.max_bytes,
            max_bytes: bounds.max_bytes,
            active: HashSet::new(),
            defects: WalkDefects::default(),
            scratch: WalkScratch::default(),
        }
    }

    fn finish(mut self) -> WalkDefects {
        let broken = self.defects.broken;
        if broken > 0 {
            self.defects.messages.push(Defect::new(WarningKind::UnsupportedFeature, match broken {
                1 => "a content stream cannot be decoded (a broken or unsupported filter, or too large once decoded); its text is missing".to_owned(),
                n => format!("{n} content streams cannot be decoded (a broken or unsupported filter, or too large once decoded); their text is missing"),
            }));
        }
        if self.defects.forms_too_deep > 0 {
            self.defects.messages.push(Defect::new(WarningKind::LimitReached, format!(
                "{} form XObjects are nested more than {MAX_FORM_DEPTH} deep or draw themselves; they are not read",
                self.defects.forms_too_deep
            )));
        }
        if self.defects.too_long {
            self.defects.messages.push(Defect::new(WarningKind::LimitReached, format!(
                "the page's content, its forms included, is longer than {} bytes; the rest is not read",
                self.max_bytes
            )));
        }
        if self.defects.instruction_too_long {
            self.defects.messages.push(Defect::new(WarningKind::LimitReached, format!(
                "an instruction of the page's content (a string or an inline image) is longer than {MAX_HELD} bytes, or never ends; the rest of the content is not read"
            )));
        }
        self.defects
    }

    /// Interprets content given as streams, joined with a space between.
    fn run(
        &mut self,
        streams: Vec<h::Stream<'a>>,
        resources: &Resources<'a>,
        depth: usize,
        held_outside: usize,
        sink: &mut impl TextSink<'a>,
    ) {
        let mut buffer = self.scratch.buffers.pop().unwrap_or_default();
        buffer.clear();
        let mut content = Content {
            streams: streams.into_iter(),
            current: None,
            started: false,
        };
        self.interpret(
            &mut content,
            &mut buffer,
            resources,
            (depth, held_outside),
            sink,
        );
        content.close(&mut self.scratch);
        if buffer.capacity() <= KEEP_BUFFER {
            self.scratch.buffers.push(buffer);
        }
    }

    /// Interprets `content` piece by piece, decoded into `buffer`.
    fn interpret(
        &mut self,
        content: &mut Content<'a>,
        buffer: &mut Vec<u8>,
        resources: &Resources<'a>,
        (depth, held_outside): (usize, usize),
        sink: &mut impl TextSink<'a>,
    ) {
        let mut saved = 0_usize;
        loop {
            let last = content.fill(
                buffer,
                &mut self.scratch,
                (&mut self.budget, &mut self.defects),
                depth == 0,
            );
            // Interpret the instructions up to the last white space: an
            // operator before it is complete, and one that is not (a string
            // or an inline image cut in two) ends the parse there, to be
            // read again with the next piece.
            let cut = if last {
                buffer.len()
            } else {
                buffer
                    .iter()
                    .rposition(|&b| matches!(b, b' ' | b'\n' | b'\r' | b'\t' | b'\x0c' | 0))
                    .map_or(0, |at| at + 1)
            };
            let held = held_outside + buffer.len();
            let mut iter = TypedIter::new(buffer.get(..cut).unwrap_or_default());
            let mut consumed = 0;
            loop {
                if sink.stopped() {
                    return self.close(saved, sink);
                }
                match iter.next() {
                    Some(op) => self.op(op, resources, depth, held, &mut saved, sink),
                    None => break,
                }
                consumed = iter.offset();
            }
            if last {
                return self.close(saved, sink);
            }
            // White space after the last instruction need not be read again.
            consumed += buffer
                .get(consumed..cut)
                .unwrap_or_default()
                .iter()
                .take_while(|b| matches!(b, b' ' | b'\n' | b'\r' | b'\t' | b'\x0c' | 0))
                .count();
            buffer.drain(..consumed);
            if buffer.len() + held_outside >= MAX_HELD {
                // What is held does not parse, or is an instruction longer
                // than the bound (a string of megabytes): the content ends
                // here, and a warning says so.
                self.defects.instruction_too_long = true;
                return self.close(saved, sink);
            }
        }
    }

    /// Restores the states the content saved and did not restore.
    fn close(&mut self, saved: usize, sink: &mut impl TextSink<'a>) {
        for _ in 0..saved.min(MAX_SAVED_STATES) {
            sink.restore();
        }
    }

    fn op(
        &mut self,
        op: TypedInstruction<'_, '_>,
        resources: &Resources<'a>,
        depth: usize,
        held: usize,
        saved: &mut usize,
        sink: &mut impl TextSink<'a>,
    ) {
        use TypedInstruction as I;
        let number = |n: &h::Number| n.as_f32();
        match op {
            I::SaveState(_) => {
                *saved += 1;
                if *saved <= MAX_SAVED_STATES {
                    sink.save();
                }
            }
            I::RestoreState(_) if *saved > 0 => {
                if *saved <= MAX_SAVED_STATES {
                    sink.restore();
                }
                *saved -= 1;
            }
            I::Transform(t) => sink.concat([
                t.0.as_f64(),
                t.1.as_f64(),
                t.2.as_f64(),
                t.3.as_f64(),
                t.4.as_f64(),
                t.5.as_f64(),
            ]),
            I::BeginText(_)
            | I::SetTextMatrix(_)
            | I::NextLine(_)
            | I::NextLineAndSetLeading(_)
            | I::NextLineUsingLeading(_)
            | I::TextLeading(_)
            | I::CharacterSpacing(_)
            | I::WordSpacing(_)
            | I::HorizontalScaling(_)
            | I::TextRise(_) => text_state(op, sink),
            I::TextFont(f) => {
                let font = self.select(resources, f.0);
                sink.set_font(font, number(&f.1));
            }
            I::SetGraphicsState(gs) => {
                if let Some(state) = resources.get_ext_g_state(gs.0)
                    && let Some(array) = state.get::<h::Array<'a>>(b"Font")
                {
                    let mut items = array.iter::<Object<'a>>();
                    if let (Some(Object::Dict(dict)), Some(Object::Number(size))) =
                        (items.next(), items.next())
                    {
                        let font = self.font(Some(dict));
                        sink.set_font(font, size.as_f32());
                    }
                }
            }
            I::ShowText(_)
            | I::NextLineAndShowText(_)
            | I::ShowTextWithParameters(_)
            | I::ShowTexts(_) => self.show(op, sink),
            I::XObject(x) => {
                if let Some(stream) = resources.get_x_object(x.0) {
                    self.x_object(&stream, resources, depth, held, sink);
                }
            }
            I::InlineImage(_) if self.ocg.visible() => sink.image(),
            I::BeginMarkedContentWithProperties(bdc) => {
                self.ocg.begin_properties(bdc.1, resources);
            }
            I::BeginMarkedContent(_) => self.ocg.begin_marked_content(),
            I::EndMarkedContent(_) => self.ocg.end_marked_content(),
            _ => {}
        }
    }

    /// The text-showing operators: `Tj`, `'`, `"` and `TJ`.
    fn show(&mut self, op: TypedInstruction<'_, '_>, sink: &mut impl TextSink<'a>) {
        use TypedInstruction as I;
        let number = |n: &h::Number| n.as_f32();
        match op {
            I::ShowText(s) => {
                let visible = self.ocg.visible();
                sink.begin_run(true);
                sink.show(s.0.as_bytes(), visible);
                sink.end_run();
            }
            I::NextLineAndShowText(s) => {
                sink.next_line_by_leading();
                let visible = self.ocg.visible();
                sink.begin_run(false);
                sink.show(s.0.as_bytes(), visible);
                sink.end_run();
            }
            I::ShowTextWithParameters(t) => {
                sink.set_word_spacing(number(&t.0));
                sink.set_char_spacing(number(&t.1));
                sink.next_line_by_leading();
                let visible = self.ocg.visible();
                sink.begin_run(false);
                sink.show(t.2.as_bytes(), visible);
                sink.end_run();
            }
            I::ShowTexts(array) => {
                let visible = self.ocg.visible();
                sink.begin_run(true);
                for item in array.0.iter::<Object<'_>>() {
                    match item {
                        Object::Number(n) => sink.adjust(n.as_f32()),
                        Object::String(s) => sink.show(s.as_bytes(), visible),
                        _ => {}
                    }
                }
                sink.end_run();
            }
            _ => {}
        }
    }

    /// The font a resource dictionary names; one that cannot be read
    /// counts as a lost font, each time it is selected.
    fn select(&mut self, resources: &Resources<'a>, name: &h::Name<'_>) -> Option<Rc<Font<'a>>> {
        let data = resources.fonts.data();
        let fonts = (data.as_ptr() as usize, data.len());
        let name: &[u8] = name.as_ref();
        if let Some(known) = self
            .selections
            .iter()
            .find(|s| s.fonts == fonts && s.name == name)
        {
            if known.found && known.font.is_none() {
                self.defects.fonts_lost += 1;
            }
            return known.font.clone();
        }
        let dict = resources.fonts.get::<h::Dict<'a>>(name);
        let found = dict.is_some();
        let font = self.font(dict);
        if self.selections.len() < MAX_SELECTIONS {
            self.selections.push(Selection {
                fonts,
                name: name.to_vec(),
                found,
                font: font.clone(),
            });
        }
        font
    }

    /// The font of a font dictionary; a dictionary that cannot be read
    /// counts as a lost font.
    fn font(&mut self, dict: Option<h::Dict<'a>>) -> Option<Rc<Font<'a>>> {
        let dict = dict?;
        let font = self.fonts.font(&dict);
        if font.is_none() {
            self.defects.fonts_lost += 1;
        }
        font
    }

    fn x_object(
        &mut self,
        stream: &h::Stream<'a>,
        resources: &Resources<'a>,
        depth: usize,
        held: usize,
        sink: &mut impl TextSink<'a>,
    ) {
        let dict = stream.dict();
        let Some(subtype) = dict.get::<h::Name<'_>>(b"Subtype") else {
            return;
        };
        match subtype.as_ref() {
            b"Image" if self.ocg.visible() => sink.image(),
            b"Form" => {
                if !self.ocg.visible() {
                    return;
                }
                let Some(form) = FormInfo::of(stream) else {
                    return;
                };
                let marked = self.ocg.begin_x_object(dict);
                if self.ocg.visible() {
                    sink.save();
                    sink.concat(form.matrix);
                    self.draw_form(stream, &form, resources, depth, held, sink);
                    sink.restore();
                }
                if marked {
                    self.ocg.end_marked_content();
                }
            }
            _ => {}
        }
    }

    fn draw_form(
        &mut self,
        stream: &h::Stream<'a>,
        form: &FormInfo<'a>,
        parent: &Resources<'a>,
        depth: usize,
        held: usize,
        sink: &mut impl TextSink<'a>,
    ) {
        // Each drawing costs something, however short the form: a form
        // drawn a million times is a million walks.
        if self.budget < FORM_COST {
            self.budget = 0;
            self.defects.too_long = true;
            return;
        }
        self.budget -= FORM_COST;
        let id = stream.obj_id();
        if depth >= MAX_FORM_DEPTH || !self.active.insert(id) {
            self.defects.forms_too_deep += 1;
            return;
        }
        let resources = form.resources.as_ref().unwrap_or(parent);
        self.run(vec![stream.clone()], resources, depth + 1, held, sink);
        self.active.remove(&id);
    }
}

/// The operators that set the text state and the text matrices.
fn text_state<'a>(op: TypedInstruction<'_, '_>, sink: &mut impl TextSink<'a>) {
    use TypedInstruction as I;
    let number = |n: &h::Number| n.as_f32();
    match op {
        I::BeginText(_) => sink.begin_text(),
        I::SetTextMatrix(m) => sink.set_text_matrix([
            m.0.as_f64(),
            m.1.as_f64(),
            m.2.as_f64(),
            m.3.as_f64(),
            m.4.as_f64(),
            m.5.as_f64(),
        ]),
        I::NextLine(n) => sink.next_line(n.0.as_f64(), n.1.as_f64()),
        I::NextLineAndSetLeading(n) => {
            sink.set_leading(-n.1.as_f64() as f32);
            sink.next_line(n.0.as_f64(), n.1.as_f64());
        }
        I::NextLineUsingLeading(_) => sink.next_line_by_leading(),
        I::TextLeading(l) => sink.set_leading(number(&l.0)),
        I::CharacterSpacing(c) => sink.set_char_spacing(number(&c.0)),
        I::WordSpacing(w) => sink.set_word_spacing(number(&w.0)),
        I::HorizontalScaling(s) => sink.set_horizontal_scaling(number(&s.0)),
        I::TextRise(r) => sink.set_rise(number(&r.0)),
        _ => {}
    }
}

/// Content given as streams, decoded a piece at a time.
struct Content<'a> {
    streams: std::vec::IntoIter<h::Stream<'a>>,
    current: Option<Source<'a>>,
    started: bool,
}

impl<'a> Content<'a> {
    /// Appends the next piece (about [`PIECE`] bytes, a space between two
    /// streams) to `buffer`, within `budget`; returns whether the content
    /// ended (or the budget did). Broken streams are counted when `page`.
    fn fill(
        &mut self,
        buffer: &mut Vec<u8>,
        scratch: &mut WalkScratch,
        (budget, defects): (&mut usize, &mut WalkDefects),
        page: bool,
    ) -> bool {
        if scratch.chunk.len() != CHUNK {
            scratch.chunk = vec![0; CHUNK];
        }
        let target = buffer.len() + PIECE;
        while buffer.len() < target {
            if *budget == 0 {
                if self.current.is_some() || self.streams.len() > 0 {
                    defects.too_long = true;
                }
                return true;
            }
            if self.current.is_none() {
                let Some(stream) = self.streams.next() else {
                    return true;
                };
                if self.started {
                    buffer.push(b' ');
                }
                self.started = true;
                self.current = Some(Source::open(&stream, *budget, &mut scratch.inflaters));
            }
            let Some(source) = self.current.as_mut() else {
                return true;
            };
            let room = scratch.chunk.len().min(*budget);
            let read = source.read(scratch.chunk.get_mut(..room).unwrap_or_default());
            if source.too_large {
                defects.too_long = true;
            }
            if read == 0 {
                if source.broken() && page {
                    defects.broken += 1;
                }
                self.close(scratch);
                continue;
            }
            *budget -= read;
            buffer.extend_from_slice(scratch.chunk.get(..read).unwrap_or_default());
        }
        false
    }

    /// Ends the stream being read, its inflater kept for the next.
    fn close(&mut self, scratch: &mut WalkScratch) {
        if let Some(Source {
            kind: SourceKind::Inflate(inflater),
            ..
        }) = self.current.take()
        {
            scratch.inflaters.push(inflater.inflate);
        }
    }
}

/// The streams of `/Contents`; entries that are not streams, and too many
/// entries, are noted.
fn content_streams<'a>(page: &h::Dict<'a>, defects: &mut WalkDefects) -> Vec<h::Stream<'a>> {
    match page.get::<Object<'a>>(b"Contents") {
        Some(Object::Stream(stream)) => vec![stream],
        Some(Object::Array(array)) => {
            let mut streams = Vec::new();
            let mut not_streams = 0_usize;
            let mut entries = array.iter::<Object<'a>>();
            for item in entries.by_ref().take(MAX_CONTENT_ENTRIES) {
                match item {
                    Object::Stream(stream) => streams.push(stream),
                    _ => not_streams += 1,
                }
            }
            if entries.next().is_some() {
                defects.messages.push(Defect::new(WarningKind::LimitReached, format!(
                    "/Contents has more than {MAX_CONTENT_ENTRIES} entries; the rest is not read"
                )));
            }
            if not_streams > 0 {
                defects.messages.push(Defect::new(
                    WarningKind::DamagedObject,
                    match not_streams {
                        1 => "an entry of /Contents is not a stream; skipped".to_owned(),
                        n => format!("{n} entries of /Contents are not streams; skipped"),
                    },
                ));
            }
            streams
        }
        Some(_) => {
            defects.messages.push(Defect::new(
                WarningKind::DamagedObject,
                "/Contents is neither a stream nor an array; the page has no text",
            ));
            Vec::new()
        }
        None => Vec::new(),
    }
}

/// `/Resources` of the page, or of the nearest ancestor that has one, as
/// [`inherited_resources`], the ancestors' read once for the pages of each
/// parent.
fn page_resources<'a>(page: &h::Dict<'a>, max_depth: usize, fonts: &Fonts<'a>) -> h::Dict<'a> {
    if let Some(resources) = page.get::<h::Dict<'a>>(b"Resources") {
        return resources;
    }
    match page.get_ref(b"Parent") {
        Some(parent) => {
            fonts.inherited_resources(parent.into(), || inherited_resources(page, max_depth))
        }
        None => inherited_resources(page, max_depth),
    }
}

/// `/Resources` of the page, or of the nearest ancestor that has one.
pub(crate) fn inherited_resources<'a>(page: &h::Dict<'a>, max_depth: usize) -> h::Dict<'a> {
    let mut node = page.clone();
    let mut seen = HashSet::new();
    for _ in 0..max_depth {
        if let Some(resources) = node.get::<h::Dict<'a>>(b"Resources") {
            return resources;
        }
        if let Some(id) = node.obj_id()
            && !seen.insert(id)
        {
            break;
        }
        match node.get::<h::Dict<'a>>(b"Parent") {
            Some(parent) => node = parent,
            None => break,
        }
    }
    h::Dict::empty()
}

/// A content stream being decoded: inflated piece by piece when its only
/// filter is `FlateDecode`, else decoded whole within the bound.
struct Source<'a> {
    kind: SourceKind<'a>,
    /// The stream decodes to more than the bound allowed.
    too_large: bool,
    broken: bool,
}

enum SourceKind<'a> {
    Whole { data: Cow<'a, [u8]>, at: usize },
    Inflate(Inflater<'a>),
}

impl<'a> Source<'a> {
    /// Opens a stream, decoded within `max` bytes; an inflater is taken
    /// from `inflaters` when there is one.
    fn open(stream: &h::Stream<'a>, max: usize, inflaters: &mut Vec<Decompress>) -> Self {
        let dict = stream.dict();
        let has_params = dict.contains_key(b"DecodeParms") || dict.contains_key(b"DP");
        if !has_params && matches!(stream.filters().as_slice(), [Filter::FlateDecode]) {
            return Self {
                kind: SourceKind::Inflate(Inflater::new(stream.raw_data(), inflaters.pop())),
                too_large: false,
                broken: false,
            };
        }
        let (data, too_large, broken) = match decode_bounded(stream, max) {
            Decoded::Data(data) => (data, false, false),
            Decoded::TooLarge(first) => (first.unwrap_or_default(), true, false),
            Decoded::Broken => (Cow::Borrowed(&[][..]), false, true),
        };
        Self {
            kind: SourceKind::Whole { data, at: 0 },
            too_large,
            broken,
        }
    }

    /// Whether nothing could be decoded (a broken or unsupported filter).
    fn broken(&self) -> bool {
        match &self.kind {
            SourceKind::Whole { .. } => self.broken,
            SourceKind::Inflate(inflater) => inflater.failed,
        }
    }

    /// Reads decoded bytes into `out`; 0 at the end.
    fn read(&mut self, out: &mut [u8]) -> usize {
        match &mut self.kind {
            SourceKind::Whole { data, at } => {
                let rest = data.get(*at..).unwrap_or_default();
                let n = rest.len().min(out.len());
                if let (Some(to), Some(from)) = (out.get_mut(..n), rest.get(..n)) {
                    to.copy_from_slice(from);
                }
                *at += n;
                n
            }
            SourceKind::Inflate(inflater) => inflater.read(out),
        }
    }
}

/// Optional content: which groups the document's default configuration
/// turns off, and whether the content being read is visible.
struct Ocg {
    off: HashSet<ObjectIdentifier>,
    stack: Vec<bool>,
}

/// Most optional content groups read from the configuration.
const MAX_GROUPS: usize = 100_000;
/// Deepest marked-content nesting followed.
const MAX_MARKED: usize = 100_000;

impl Ocg {
    fn of_document(xref: &XRef) -> Self {
        let mut off = HashSet::new();
        let properties = xref
            .get::<h::Dict<'_>>(xref.root_id())
            .and_then(|catalog| catalog.get::<h::Dict<'_>>(b"OCProperties"));
        if let Some(properties) = properties
            && let Some(config) = properties.get::<h::Dict<'_>>(b"D")
        {
            let refs = |array: Option<h::Array<'_>>| -> Vec<ObjectIdentifier> {
                array
                    .map(|a| {
                        a.raw_iter()
                            .take(MAX_GROUPS)
                            .filter_map(|item| item.as_obj_ref().map(ObjectIdentifier::from))
                            .collect()
                    })
                    .unwrap_or_default()
            };
            if config
                .get::<h::Name<'_>>(b"BaseState")
                .is_some_and(|name| name.as_ref() == b"OFF")
            {
                off.extend(refs(properties.get::<h::Array<'_>>(b"OCGs")));
            }
            for id in refs(config.get::<h::Array<'_>>(b"ON")) {
                off.remove(&id);
            }
            off.extend(refs(config.get::<h::Array<'_>>(b"OFF")));
        }
        Self {
            off,
            stack: Vec::new(),
        }
    }

    fn visible(&self) -> bool {
        self.stack.last().copied().unwrap_or(true)
    }

    fn push(&mut self, visible: bool) {
        if self.stack.len() < MAX_MARKED {
            self.stack.push(self.visible() && visible);
        }
    }

    fn begin_marked_content(&mut self) {
        self.push(true);
    }

    fn end_marked_content(&mut self) {
        self.stack.pop();
    }

    /// `BDC`: its properties name an optional content group or membership
    /// dictionary, or not.
    fn begin_properties(&mut self, properties: &Object<'_>, resources: &Resources<'_>) {
        let named = properties.clone().into_name().and_then(|name| {
            let id = resources.properties.get_ref(name.as_ref())?;
            let dict = resources
                .properties
                .get::<h::Dict<'_>>(name.as_ref())
                .unwrap_or_default();
            Some((dict, ObjectIdentifier::from(id)))
        });
        let inline = || match properties {
            Object::Dict(props) => {
                let id = props.get_ref(b"OC")?;
                let dict = props.get::<h::Dict<'_>>(b"OC").unwrap_or_default();
                Some((dict, ObjectIdentifier::from(id)))
            }
            _ => None,
        };
        match named.or_else(inline) {
            Some((dict, id)) => {
                let visible = self.group_visible(&dict, id);
                self.push(visible);
            }
            None => self.begin_marked_content(),
        }
    }

    /// An XObject's `/OC`: returns whether a level was pushed.
    fn begin_x_object(&mut self, dict: &h::Dict<'_>) -> bool {
        let Some(oc) = dict.get::<h::Dict<'_>>(b"OC") else {
            return false;
        };
        let visible = match dict.get_ref(b"OC") {
            Some(id) => self.group_visible(&oc, ObjectIdentifier::from(id)),
            None => self.membership_visible(&oc),
        };
        self.push(visible);
        true
    }

    fn group_visible(&self, dict: &h::Dict<'_>, id: ObjectIdentifier) -> bool {
        if dict
            .get::<h::Name<'_>>(b"Type")
            .is_some_and(|t| t.as_ref() == b"OCMD")
        {
            self.membership_visible(dict)
        } else {
            !self.off.contains(&id)
        }
    }

    /// An optional content membership dictionary's policy over its groups.
    fn membership_visible(&self, dict: &h::Dict<'_>) -> bool {
        let ids: Vec<ObjectIdentifier> = match dict.get::<h::Array<'_>>(b"OCGs") {
            Some(array) => array
                .raw_iter()
                .take(MAX_GROUPS)
                .filter_map(|item| item.as_obj_ref().map(ObjectIdentifier::from))
                .collect(),
            None => dict
                .get_ref(b"OCGs")
                .map(|r| vec![ObjectIdentifier::from(r)])
                .unwrap_or_default(),
        };
        if ids.is_empty() {
            return true;
        }
        let on = |id: &ObjectIdentifier| !self.off.contains(id);
        let policy = dict.get::<h::Name<'_>>(b"P");
        match policy.as_ref().map(|name| name.as_ref()) {
            Some(b"AllOn") => ids.iter().all(on),
            Some(b"AnyOff") => !ids.iter().all(on),
            Some(b"AllOff") => !ids.iter().any(on),
            _ => ids.iter().any(on),
        }
    }
}
