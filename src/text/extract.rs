//! The glyphs a page draws, read for extraction: the content walk hands
//! over the operators that place text, and this keeps the text state and
//! places each glyph in default user space, with the Unicode value and the
//! advance width its font's dictionary gives it. No glyph outline is
//! built, no image decoded, no path or colour kept.
//!
//! Beside the glyphs, what the page is made of ([`TextLayer`]): whether it
//! draws any text at all, and how much of the page its images cover, so
//! that a scanned page without a text layer can be told from the rest
//! without reading the page again.

use std::rc::Rc;

use super::glyph::{Glyphs, Kind, Placed, TextRef, glyph_size};
use crate::diagnostics::{Defect, WarningKind};
use crate::limits::{Deadline, Limits};
use crate::pdf::Dict;
use crate::pdf::font::{Font, Fonts, Metrics};
use crate::pdf::geometry::Rect;
use crate::pdf::text_content::{
    self, Matrix, TextSink, WalkBounds, WalkDefects, WalkScratch, apply, multiply,
};

/// What a page's content is made of, as far as finding its text goes.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub(crate) struct TextLayer {
    /// The content draws at least one glyph that is not white space,
    /// visible or invisible, with or without a Unicode value.
    pub(crate) draws_text: bool,
    /// The share of the crop box covered by the images the content draws;
    /// `None` when it was not measured (see [`Coverage`]).
    pub(crate) image_coverage: Option<f64>,
}

/// Which pages the share their images cover is measured on: 256 rows
/// across each image, a cost worth paying on a scan, not on every page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Coverage {
    /// Every page (the page text API reports it).
    Always,
    /// A page that draws no text: whether it is a scan without a text
    /// layer is all the coverage tells there.
    WithoutText,
}

/// The glyphs of a page and what went wrong reading them.
#[derive(Debug, Default)]
pub(crate) struct PageGlyphs {
    pub(crate) glyphs: Glyphs,
    /// What went wrong.
    pub(crate) defects: Vec<Defect>,
    /// Whether the time limit ran out while the page was read.
    pub(crate) timed_out: bool,
    pub(crate) layer: TextLayer,
}

fn bounds(limits: &Limits) -> WalkBounds {
    WalkBounds {
        max_bytes: limits.max_page_content,
        max_depth: limits.max_depth,
    }
}

/// Reads the glyphs of a page's content, at most `limits.max_glyphs_per_page`.
/// `buffer` is emptied and filled: a buffer that held the glyphs of the
/// page before is already as large as a page needs, so that reading page
/// after page does not grow a new one each time. The images' cover of the
/// crop box is measured on the pages `measured` says. The content is
/// decoded in `scratch`.
pub(crate) fn read_glyphs<'a>(
    (mut buffer, scratch): (Glyphs, &mut WalkScratch),
    page: &Dict<'a>,
    fonts: &Fonts<'a>,
    (crop_box, measured): (Option<Rect>, Coverage),
    limits: &Limits,
    deadline: &Deadline,
) -> PageGlyphs {
    buffer.clear();
    let mut placer = Placer::new(fonts, limits.max_glyphs_per_page, deadline);
    placer.glyphs = buffer;
    let walked = text_content::walk_page(page, fonts, bounds(limits), scratch, &mut placer);
    let image_coverage = (measured == Coverage::Always || !placer.draws_text)
        .then(|| crop_box.map_or(0.0, |crop| coverage(&placer.images, crop)));
    placer.finish(walked, image_coverage)
}

/// Reads the glyphs the appearance streams of a page's annotations draw
/// (the text of a text box, a form field's value).
pub(crate) fn read_annotation_glyphs<'a>(
    page: &Dict<'a>,
    fonts: &Fonts<'a>,
    limits: &Limits,
    deadline: &Deadline,
) -> Glyphs {
    let mut placer = Placer::new(fonts, limits.max_glyphs_per_page, deadline);
    text_content::walk_appearances(
        page,
        fonts,
        bounds(limits),
        limits.max_annotations_per_page,
        &mut placer,
    );
    placer.glyphs
}

/// Reads the glyphs one annotation's normal appearance draws, placed on
/// the page (a dynamic stamp's text), at most `limits.max_glyphs_per_page`.
pub(crate) fn read_appearance_glyphs<'a>(
    annotation: &Dict<'a>,
    page: &Dict<'a>,
    fonts: &Fonts<'a>,
    limits: &Limits,
    deadline: &Deadline,
) -> PageGlyphs {
    let mut placer = Placer::new(fonts, limits.max_glyphs_per_page, deadline);
    let walked =
        text_content::walk_appearance(annotation, page, fonts, bounds(limits), &mut placer);
    placer.finish(walked, None)
}

/// The graphics state, as far as placing text goes.
#[derive(Clone)]
struct State<'a> {
    ctm: Matrix,
    char_space: f32,
    word_space: f32,
    /// `Tz`, in percent.
    scaling: f32,
    leading: f32,
    font: Option<(Rc<Font<'a>>, bool)>,
    size: f32,
    rise: f32,
    text_matrix: Matrix,
    line_matrix: Matrix,
}

const IDENTITY: Matrix = [1.0, 0.0, 0.0, 1.0, 0.0, 0.0];

impl Default for State<'_> {
    fn default() -> Self {
        Self {
            ctm: IDENTITY,
            char_space: 0.0,
            word_space: 0.0,
            scaling: 100.0,
            leading: 0.0,
            font: None,
            size: 1.0,
            rise: 0.0,
            text_matrix: IDENTITY,
            line_matrix: IDENTITY,
        }
    }
}

fn translate(m: Matrix, tx: f64, ty: f64) -> Matrix {
    multiply(m, [1.0, 0.0, 0.0, 1.0, tx, ty])
}

/// Where a run of glyphs was drawn: text drawn twice in the same place
/// (fill and stroke, or a producer's fake bold) is kept once.
#[derive(Debug, Clone, Copy, PartialEq)]
struct RunKey {
    len: usize,
    linear: [f64; 4],
    first: [f64; 2],
    last: [f64; 2],
}

/// What the glyphs of one run share: the linear part of their placement
/// (glyph space to user space), which only the text matrix's translation
/// changes from glyph to glyph, and so their axes. (They share the font
/// too: one operator shows a run, and the font cannot change within it.)
#[derive(Clone, Copy)]
struct Shared {
    linear: [f64; 4],
    /// `None` for a run scaled to nothing: its glyphs have no place.
    axes: Option<Axes>,
}

/// A character code being shown, and where the page's tables keep what
/// it was found to be ([`Placer::seen`], [`Placer::metrics`]): its slot,
/// for a single-byte code, and its font's address (the fonts live as long
/// as the page is read).
#[derive(Clone, Copy)]
struct Code {
    code: u32,
    slot: Option<usize>,
    stamp: usize,
}

/// A seen-text entry (see [`Placer::seen`]) as it was before a run
/// changed it.
type SeenBefore = (usize, (usize, Option<TextRef>));

/// The run being shown (a `Tj`, `'`, `"` or `TJ`). Its glyphs are placed
/// as they are shown; a run that turns out to repeat the run before it is
/// taken back at its end, and everything placing it changed with it.
#[derive(Default)]
struct Run {
    /// Set by the first glyph shown.
    shared: Option<Shared>,
    /// Glyphs shown, placed or not.
    shown: usize,
    /// The origins of the first and the last glyph shown.
    first: [f64; 2],
    last: [f64; 2],
    /// The page's glyph count, text length and counters when the run
    /// began.
    glyphs_before: usize,
    text_before: usize,
    unmapped_before: usize,
    draws_text_before: bool,
    /// The glyph limit was reached during the run.
    full: bool,
    /// Seen-text entries the run changed, to restore when it is taken back.
    seen_before: Vec<SeenBefore>,
}

/// How often (in runs) the clock is read.
const CLOCK_EVERY: usize = 256;
/// Most images whose place is kept for the coverage.
const MAX_IMAGES: usize = 10_000;

struct Placer<'a, 'f> {
    fonts: &'f Fonts<'a>,
    state: State<'a>,
    saved: Vec<State<'a>>,
    glyphs: Glyphs,
    max_glyphs: usize,
    full: bool,
    unmapped: usize,
    draws_text: bool,
    deadline: &'f Deadline,
    timed_out: bool,
    runs: usize,
    run: Run,
    last_run: Option<RunKey>,
    /// Texts of single-byte codes already in the glyph buffer, stamped
    /// with the font they belong to (its address: the fonts live as long
    /// as the page is read).
    seen: Box<[(usize, Option<TextRef>); 256]>,
    /// The metrics of single-byte codes already shown, stamped alike:
    /// looked up here without asking the font.
    metrics: Box<[(usize, Metrics); 256]>,
    images: Vec<Matrix>,
}

impl<'a, 'f> Placer<'a, 'f> {
    fn new(fonts: &'f Fonts<'a>, max_glyphs: usize, deadline: &'f Deadline) -> Self {
        Self {
            fonts,
            state: State::default(),
            saved: Vec::new(),
            glyphs: Glyphs::default(),
            max_glyphs,
            full: false,
            unmapped: 0,
            draws_text: false,
            deadline,
            timed_out: false,
            runs: 0,
            run: Run::default(),
            last_run: None,
            seen: Box::new([(0, None); 256]),
            metrics: Box::new([(0, Metrics::default()); 256]),
            images: Vec::new(),
        }
    }

    fn finish(self, walked: WalkDefects, image_coverage: Option<f64>) -> PageGlyphs {
        let mut defects = walked.messages;
        if self.full {
            defects.push(Defect::new(
                WarningKind::LimitReached,
                format!(
                    "the page draws more than {} glyphs; the rest are not read",
                    self.max_glyphs
                ),
            ));
        }
        if self.unmapped > 0 {
            defects.push(Defect::new(WarningKind::UnsupportedFeature, format!(
                "{} glyphs have no Unicode value (no /ToUnicode entry, no known glyph name); their text is missing",
                self.unmapped
            )));
        }
        if walked.fonts_lost > 0 {
            defects.push(Defect::new(WarningKind::DecodingFallback, format!(
                "{} font selections could not be loaded; their text is missing or placed as Helvetica",
                walked.fonts_lost
            )));
        }
        PageGlyphs {
            glyphs: self.glyphs,
            defects,
            timed_out: self.timed_out,
            layer: TextLayer {
                draws_text: self.draws_text,
                image_coverage,
            },
        }
    }

    /// Ends the run just shown: keeps its glyphs, or takes them back when
    /// the run repeats the one before it in the same place.
    fn end_run_placed(&mut self) {
        let Some(shared) = self.run.shared.take() else {
            return;
        };
        if self.run.shown == 0 {
            return;
        }
        let key = RunKey {
            len: self.run.shown,
            linear: shared.linear,
            first: self.run.first,
            last: self.run.last,
        };
        if self.last_run == Some(key) {
            self.glyphs
                .truncate(self.run.glyphs_before, self.run.text_before);
            self.unmapped = self.run.unmapped_before;
            self.draws_text = self.run.draws_text_before;
            while let Some((slot, entry)) = self.run.seen_before.pop() {
                if let Some(seen) = self.seen.get_mut(slot) {
                    *seen = entry;
                }
            }
        } else {
            self.last_run = Some(key);
            self.full |= self.run.full;
        }
    }

    /// Places a glyph of the run being shown, at `origin` in user space
    /// with `width` in glyph space.
    #[inline]
    fn shown(
        &mut self,
        (font, axes): (&Font<'a>, Option<&Axes>),
        origin: [f64; 2],
        width: f32,
        code: Code,
    ) {
        if self.run.shown == 0 {
            self.run.first = origin;
        }
        self.run.last = origin;
        self.run.shown += 1;
        self.place_within_bound(font, axes, origin, width, code);
    }

    /// Places a glyph unless the page has its most glyphs: then the run
    /// is marked full, and places none.
    #[inline]
    fn place_within_bound(
        &mut self,
        font: &Font<'a>,
        axes: Option<&Axes>,
        origin: [f64; 2],
        width: f32,
        code: Code,
    ) {
        if !self.run.full {
            if self.glyphs.len() >= self.max_glyphs {
                self.run.full = true;
            } else {
                self.place(font, axes, origin, width, code);
            }
        }
    }

    /// The loop of [`TextSink::show`] for what most text is: a simple font
    /// (a byte a code, written horizontally) whose glyphs are shown and
    /// have a place. Returns how far the pen moved along x in text space.
    ///
    /// The same operations on the same values as the general loop. Most
    /// glyphs show a code placed on the page before, in the same font:
    /// those are placed in a loop that keeps its state in local variables
    /// and calls nothing that could change the placer, so that nothing is
    /// reloaded from it glyph after glyph. A code whose metrics or text
    /// are not in the page's tables yet, or a page that reaches its glyph
    /// bound, takes one step of the general loop.
    fn show_simple(
        &mut self,
        font: &Font<'a>,
        bytes: &[u8],
        (axes, baseline): (&Axes, &Baseline),
        stamp: usize,
        spacing: Spacing,
    ) -> f64 {
        if bytes.is_empty() {
            return 0.0;
        }
        let mut pen_x = 0.0_f64;
        let mut last_pen = 0.0_f64;
        let mut at = 0;
        while at < bytes.len() {
            if !self.run.full {
                let mut draws_text = false;
                let (metrics, seen, glyphs) = (&self.metrics, &self.seen, &mut self.glyphs);
                while let Some(&byte) = bytes.get(at) {
                    // The tables have a row for every byte: found without
                    // a check of the index.
                    let slot = usize::from(byte);
                    let (Some(&(metrics_stamp, code_metrics)), Some(&(text_stamp, Some(text)))) =
                        (metrics.get(slot), seen.get(slot))
                    else {
                        break;
                    };
                    if metrics_stamp != stamp
                        || text_stamp != stamp
                        || glyphs.len() >= self.max_glyphs
                    {
                        break;
                    }
                    if let Some(placed) =
                        axes.place(baseline.at(pen_x), f64::from(code_metrics.width))
                    {
                        draws_text |= !text.is_space();
                        glyphs.push_placed(text, &placed);
                    }
                    last_pen = pen_x;
                    pen_x += f64::from(spacing.advance(code_metrics.advance, byte == b' '));
                    at += 1;
                }
                self.draws_text |= draws_text;
            }
            let Some(&byte) = bytes.get(at) else {
                break;
            };
            let code = Code {
                code: u32::from(byte),
                slot: Some(usize::from(byte)),
                stamp,
            };
            let code_metrics = self.metrics_of(font, code);
            self.place_within_bound(
                font,
                Some(axes),
                baseline.at(pen_x),
                code_metrics.width,
                code,
            );
            last_pen = pen_x;
            pen_x += f64::from(spacing.advance(code_metrics.advance, byte == b' '));
            at += 1;
        }
        if self.run.shown == 0 {
            self.run.first = baseline.at(0.0);
        }
        self.run.last = baseline.at(last_pen);
        self.run.shown += bytes.len();
        pen_x
    }

    /// The metrics of a code, from the page's table when it was shown
    /// before, else from the font. Inlined into the show loop: as a call
    /// it cost 5 % of reading the glyphs (stage timings, 14 runs).
    #[inline]
    fn metrics_of(&mut self, font: &Font<'a>, Code { code, slot, stamp }: Code) -> Metrics {
        let known = slot
            .and_then(|c| self.metrics.get(c))
            .filter(|(seen, _)| *seen == stamp);
        if let Some(&(_, metrics)) = known {
            return metrics;
        }
        let metrics = self.fonts.metrics(font, code);
        if let Some(entry) = slot.and_then(|c| self.metrics.get_mut(c)) {
            *entry = (stamp, metrics);
        }
        metrics
    }

    /// Places one glyph of a run whose axes are `axes` (`None`: the run is
    /// scaled to nothing, and its glyphs have no place). Most glyphs show
    /// a code placed on the page before, whose text is in the buffer.
    fn place(
        &mut self,
        font: &Font<'a>,
        axes: Option<&Axes>,
        origin: [f64; 2],
        width: f32,
        Code { code, slot, stamp }: Code,
    ) {
        let cached = slot
            .and_then(|c| self.seen.get(c))
            .copied()
            .filter(|(seen, _)| *seen == stamp)
            .and_then(|(_, text)| text);
        if let Some(text) = cached {
            let Some(at) = axes.and_then(|axes| axes.place(origin, f64::from(width))) else {
                return;
            };
            self.draws_text |= !text.is_space();
            self.glyphs.push_placed(text, &at);
            return;
        }
        let Some(unicode) = self.fonts.unicode(font, code) else {
            self.unmapped += 1;
            self.draws_text = true;
            return;
        };
        let Some(at) = axes.and_then(|axes| axes.place(origin, f64::from(width))) else {
            return;
        };
        let (kind, text) = self
            .glyphs
            .push(&unicode, at.origin, at.dir, at.em, at.width);
        match kind {
            Kind::Nothing => {
                self.unmapped += 1;
                self.draws_text = true;
            }
            Kind::Text => self.draws_text = true,
            Kind::Space => {}
        }
        if let Some(slot) = slot
            && let Some(entry) = self.seen.get_mut(slot)
            && text.is_some()
        {
            self.run.seen_before.push((slot, *entry));
            *entry = (stamp, text);
        }
    }
}

/// The axes of a placement, shared by the glyphs of a run: the unit vector
/// along the baseline, the em vector, and the length one unit of glyph
/// space along the baseline has in user space.
#[derive(Clone, Copy)]
struct Axes {
    dir: [f32; 2],
    em: [f32; 2],
    /// The font size in user space (see [`Glyph::size`](super::glyph::Glyph::size)),
    /// the same for every glyph of the run.
    size: f32,
    run: f64,
}

impl Axes {
    /// The axes of a placement; `None` for one scaled to nothing.
    #[allow(clippy::cast_possible_truncation)]
    fn of(placement: Matrix) -> Option<Self> {
        let [a, b, c, d, ..] = placement;
        let run = (a * a + b * b).sqrt();
        if run <= f64::EPSILON || [a, b, c, d].iter().any(|v| !v.is_finite()) {
            return None;
        }
        let dir = [(a / run) as f32, (b / run) as f32];
        let em = [(c * 1000.0) as f32, (d * 1000.0) as f32];
        let size = glyph_size(dir, em);
        if size < 1e-3 || em.iter().any(|v| !v.is_finite()) {
            return None;
        }
        Some(Self { dir, em, size, run })
    }

    /// A glyph at `origin` with `width` in glyph space.
    #[allow(clippy::cast_possible_truncation)]
    #[inline]
    fn place(&self, origin: [f64; 2], width: f64) -> Option<Placed> {
        // A value that is not finite, or too large for f32, is not finite
        // once cast.
        let placed = Placed {
            origin: [origin[0] as f32, origin[1] as f32],
            dir: self.dir,
            em: self.em,
            width: (width * self.run) as f32,
            size: self.size,
        };
        let finite = placed.origin[0].is_finite()
            && placed.origin[1].is_finite()
            && placed.width.is_finite();
        finite.then_some(placed)
    }
}

/// The text state that moves the pen after a glyph of a horizontal font.
#[derive(Clone, Copy)]
struct Spacing {
    size: f32,
    /// `Tz` as a fraction.
    scaling: f32,
    char_space: f32,
    word_space: f32,
}

impl Spacing {
    /// How far a glyph of `advance` (in font sizes) moves the pen along
    /// the writing direction, before horizontal scaling; `word` for the
    /// single-byte code 32, which word spacing applies to.
    #[inline]
    fn unscaled(self, advance: f32, word: bool) -> f32 {
        let word_space = if word { self.word_space } else { 0.0 };
        advance * self.size + self.char_space + word_space
    }

    /// How far a glyph of a horizontal font moves the pen along x in text
    /// space.
    #[inline]
    fn advance(self, advance: f32, word: bool) -> f32 {
        self.unscaled(advance, word) * self.scaling
    }
}

/// Where the glyphs of a string in a horizontal font go: [`apply`] of a
/// placement to points of text space that share one y, with the terms of
/// that y worked out once.
struct Baseline {
    /// The placement's x column and translation.
    x: [f64; 2],
    translation: [f64; 2],
    /// The y column times the shared y.
    y_terms: [f64; 2],
}

impl Baseline {
    fn of(m: Matrix, y: f64) -> Self {
        Self {
            x: [m[0], m[1]],
            translation: [m[4], m[5]],
            y_terms: [m[2] * y, m[3] * y],
        }
    }

    /// `apply(m, [x, y])`, term for term.
    #[inline]
    fn at(&self, x: f64) -> [f64; 2] {
        [
            self.x[0] * x + self.y_terms[0] + self.translation[0],
            self.x[1] * x + self.y_terms[1] + self.translation[1],
        ]
    }
}

/// Where a glyph is, from its placement (glyph space has 1000 units to the
/// em) and its advance width in glyph space: origin, direction, em vector
/// and width in user space; `None` for a glyph scaled to nothing.
#[cfg(all(test, feature = "text-reference"))]
pub(crate) fn geometry(placement: Matrix, width: f64) -> Option<Placed> {
    Axes::of(placement)?.place([placement[4], placement[5]], width)
}

impl<'a> TextSink<'a> for Placer<'a, '_> {
    fn stopped(&mut self) -> bool {
        if self.full || self.timed_out {
            return true;
        }
        self.runs += 1;
        if self.runs.is_multiple_of(CLOCK_EVERY) && self.deadline.expired() {
            self.timed_out = true;
        }
        self.timed_out
    }

    fn save(&mut self) {
        self.saved.push(self.state.clone());
    }

    fn restore(&mut self) {
        if let Some(state) = self.saved.pop() {
            self.state = state;
        }
    }

    fn concat(&mut self, matrix: Matrix) {
        self.state.ctm = multiply(self.state.ctm, matrix);
    }

    fn begin_text(&mut self) {
        self.state.text_matrix = IDENTITY;
        self.state.line_matrix = IDENTITY;
    }

    fn set_text_matrix(&mut self, matrix: Matrix) {
        self.state.text_matrix = matrix;
        self.state.line_matrix = matrix;
    }

    fn next_line(&mut self, tx: f64, ty: f64) {
        let moved = translate(self.state.line_matrix, tx, ty);
        self.state.line_matrix = moved;
        self.state.text_matrix = moved;
    }

    fn next_line_by_leading(&mut self) {
        self.next_line(0.0, -f64::from(self.state.leading));
    }

    fn set_leading(&mut self, leading: f32) {
        self.state.leading = leading;
    }

    fn set_char_spacing(&mut self, spacing: f32) {
        self.state.char_space = spacing;
    }

    fn set_word_spacing(&mut self, spacing: f32) {
        self.state.word_space = spacing;
    }

    fn set_horizontal_scaling(&mut self, scaling: f32) {
        self.state.scaling = scaling;
    }

    fn set_rise(&mut self, rise: f32) {
        self.state.rise = rise;
    }

    fn set_font(&mut self, font: Option<Rc<Font<'a>>>, size: f32) {
        let font = match font {
            Some(font) => (font, false),
            None => (self.fonts.helvetica(), true),
        };
        self.state.font = Some(font);
        self.state.size = size;
    }

    fn begin_run(&mut self, default_font: bool) {
        if default_font && self.state.font.is_none() {
            self.state.font = Some((self.fonts.helvetica(), true));
        }
        self.run.shared = None;
        self.run.shown = 0;
        self.run.full = false;
        self.run.glyphs_before = self.glyphs.len();
        self.run.text_before = self.glyphs.all_text().len();
        self.run.unmapped_before = self.unmapped;
        self.run.draws_text_before = self.draws_text;
        self.run.seen_before.clear();
    }

    fn show(&mut self, bytes: &[u8], visible: bool) {
        let Some((font, fallback)) = self.state.font.clone() else {
            return;
        };
        let show = visible && (!fallback || bytes.is_ascii());
        let horizontal = font.horizontal();
        let scaling = self.state.scaling / 100.0;
        let size = self.state.size;
        // Glyph space to user space is ctm × Tm × [size·Tz 0 0 size 0 rise]
        // × 1/1000, then the glyph's displacement; Tm moves by translations
        // only, so its linear part is the same for every glyph.
        let (sx, sy) = (
            f64::from(size) * f64::from(scaling) * 0.001,
            f64::from(size) * 0.001,
        );
        let rise = f64::from(self.state.rise);
        // Placing a glyph changes no text state: read once, not reloaded
        // after each glyph placed.
        let spacing = Spacing {
            size,
            scaling,
            char_space: self.state.char_space,
            word_space: self.state.word_space,
        };
        let m = multiply(self.state.ctm, self.state.text_matrix);
        if show && self.run.shared.is_none() {
            let linear = [m[0] * sx, m[1] * sx, m[2] * sy, m[3] * sy];
            let [a, b, c, d] = linear;
            self.run.shared = Some(Shared {
                linear,
                axes: Axes::of([a, b, c, d, 0.0, 0.0]),
            });
        }
        // The run's axes, set above when its first glyph is shown.
        let axes = self.run.shared.and_then(|shared| shared.axes);
        // The pen's position in text space, from where Tm is now; `m`
        // takes it to user space.
        let (mut pen_x, mut pen_y) = (0.0_f64, 0.0_f64);
        // A horizontal font displaces no glyph from the pen and moves the
        // pen along x only, so every glyph's y in text space is the same:
        // its place is worked out from the pen's x alone, in the same
        // operations as `apply` (the same bits).
        let baseline = horizontal.then(|| Baseline::of(m, (pen_y + sy * 0.0) + rise));
        let stamp = std::ptr::from_ref::<Font<'_>>(&font) as usize;
        if show
            && font.simple()
            && let (Some(axes), Some(baseline)) = (axes.as_ref(), baseline.as_ref())
        {
            let pen_x = self.show_simple(&font, bytes, (axes, baseline), stamp, spacing);
            self.state.text_matrix = translate(self.state.text_matrix, pen_x, pen_y);
            return;
        }
        let mut at = 0;
        while at < bytes.len() {
            let (code, len) = font.next_code(bytes, at);
            at += len;
            let code = Code {
                code,
                slot: usize::try_from(code).ok().filter(|&c| c < 256),
                stamp,
            };
            let metrics = self.metrics_of(&font, code);
            if show {
                let origin = match &baseline {
                    Some(baseline) => baseline.at(pen_x),
                    None => {
                        let [dx, dy] = metrics.displacement;
                        apply(m, [pen_x + sx * dx, pen_y + sy * dy + rise])
                    }
                };
                self.shown((&font, axes.as_ref()), origin, metrics.width, code);
            }
            let base = spacing.unscaled(metrics.advance, code.code == 32 && len == 1);
            let (tx, ty) = if horizontal {
                (base * scaling, 0.0)
            } else {
                (0.0, base)
            };
            pen_x += f64::from(tx);
            pen_y += f64::from(ty);
        }
        self.state.text_matrix = translate(self.state.text_matrix, pen_x, pen_y);
    }

    fn adjust(&mut self, amount: f32) {
        let horizontal = self
            .state
            .font
            .as_ref()
            .is_some_and(|(font, _)| font.horizontal());
        let scaling = if horizontal {
            self.state.scaling / 100.0
        } else {
            1.0
        };
        let moved = -amount / 1000.0 * self.state.size * scaling;
        let (tx, ty) = if horizontal {
            (moved, 0.0)
        } else {
            (0.0, moved)
        };
        self.state.text_matrix = translate(self.state.text_matrix, f64::from(tx), f64::from(ty));
    }

    fn end_run(&mut self) {
        self.end_run_placed();
    }

    fn image(&mut self) {
        if self.images.len() < MAX_IMAGES {
            self.images.push(self.state.ctm);
        }
    }
}

/// Rows the crop box is cut into to measure the images' cover.
const ROWS: usize = 256;

/// The share of `crop` covered by images, each the unit square through its
/// matrix: the union of the images, measured exactly across and on
/// [`ROWS`] rows down the box.
#[allow(clippy::cast_precision_loss)]
fn coverage(images: &[Matrix], crop: Rect) -> f64 {
    let (x0, y0, x1, y1) = (crop.x0, crop.y0, crop.x1, crop.y1);
    let (width, height) = (x1 - x0, y1 - y0);
    if images.is_empty() || width <= 0.0 || height <= 0.0 {
        return 0.0;
    }
    let corners: Vec<[[f64; 2]; 4]> = images
        .iter()
        .map(|m| [[0.0, 0.0], [1.0, 0.0], [1.0, 1.0], [0.0, 1.0]].map(|p| apply(*m, p)))
        .filter(|c| c.iter().flatten().all(|v| v.is_finite()))
        .collect();
    let mut spans: Vec<(f64, f64)> = Vec::new();
    let mut covered = 0.0;
    for row in 0..ROWS {
        let y = y0 + height * (row as f64 + 0.5) / ROWS as f64;
        spans.clear();
        for quad in &corners {
            if let Some((a, b)) = span_at(quad, y) {
                let (a, b) = (a.max(x0), b.min(x1));
                if b > a {
                    spans.push((a, b));
                }
            }
        }
        spans.sort_by(|p, q| p.0.total_cmp(&q.0));
        let mut end = f64::NEG_INFINITY;
        for &(a, b) in &spans {
            let start = a.max(end);
            if b > start {
                covered += b - start;
            }
            end = end.max(b);
        }
    }
    (covered / (width * ROWS as f64)).clamp(0.0, 1.0)
}

/// Where the horizontal line at `y` crosses a convex quadrilateral.
fn span_at(quad: &[[f64; 2]; 4], y: f64) -> Option<(f64, f64)> {
    let mut low = f64::INFINITY;
    let mut high = f64::NEG_INFINITY;
    let next = quad.iter().cycle().skip(1);
    for (&[ax, ay], &[bx, by]) in quad.iter().zip(next) {
        if (ay <= y && y <= by) || (by <= y && y <= ay) {
            let x = if (by - ay).abs() < f64::EPSILON {
                low = low.min(ax.min(bx));
                high = high.max(ax.max(bx));
                continue;
            } else {
                ax + (y - ay) * (bx - ax) / (by - ay)
            };
            low = low.min(x);
            high = high.max(x);
        }
    }
    (high >= low).then_some((low, high))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rect(x0: f64, y0: f64, x1: f64, y1: f64) -> Rect {
        Rect::from_corners((x0, y0), (x1, y1))
    }

    #[test]
    fn a_full_page_image_covers_the_page() {
        let page = rect(0.0, 0.0, 595.0, 842.0);
        assert_eq!(coverage(&[[595.0, 0.0, 0.0, 842.0, 0.0, 0.0]], page), 1.0);
    }

    #[test]
    fn overlapping_images_count_once_and_are_clipped() {
        let page = rect(0.0, 0.0, 100.0, 100.0);
        // Left half twice, and an image hanging off the right edge by half.
        let left = [50.0, 0.0, 0.0, 100.0, 0.0, 0.0];
        let off_edge = [50.0, 0.0, 0.0, 100.0, 75.0, 0.0];
        let share = coverage(&[left, left, off_edge], page);
        assert!((share - 0.75).abs() < 1e-9, "{share}");
    }

    #[test]
    fn a_turned_image_covers_its_diamond() {
        // A square of side 100·√2 turned 45°, centred on a 200 × 200 page:
        // a diamond of half the page's area.
        let page = rect(0.0, 0.0, 200.0, 200.0);
        let turned = [100.0, 100.0, -100.0, 100.0, 100.0, 0.0];
        let share = coverage(&[turned], page);
        assert!((share - 0.5).abs() < 0.01, "{share}");
    }

    #[test]
    fn no_images_no_cover() {
        assert_eq!(coverage(&[], rect(0.0, 0.0, 10.0, 10.0)), 0.0);
    }

    /// A string's glyphs in a horizontal font land on the bits `apply`
    /// gives: upright, turned, skewed and mirrored placements, a rise of
    /// minus zero, and pens at fractions that round.
    #[test]
    fn a_baseline_places_as_the_matrix_does() {
        let placements: [Matrix; 5] = [
            [1.0, 0.0, 0.0, 1.0, 72.0, 700.0],
            [0.0, 1.0, -1.0, 0.0, 595.3, 0.1],
            [
                std::f64::consts::FRAC_1_SQRT_2,
                std::f64::consts::FRAC_1_SQRT_2,
                -std::f64::consts::FRAC_1_SQRT_2,
                std::f64::consts::FRAC_1_SQRT_2,
                1e-3,
                -3.3,
            ],
            [0.011, 0.0, 0.003, 0.0107, 123.456, 789.012],
            [-1.0, 0.0, 0.0, -1.0, 612.0, 792.0],
        ];
        for m in placements {
            for y in [0.0, -0.0, 2.5, -3.1] {
                let baseline = Baseline::of(m, y);
                for x in [0.0, 0.1, 1.0 / 3.0, 17.25, 1e6 + 0.7] {
                    let [bx, by] = baseline.at(x);
                    let [ax, ay] = apply(m, [x, y]);
                    assert_eq!(
                        (bx.to_bits(), by.to_bits()),
                        (ax.to_bits(), ay.to_bits()),
                        "{m:?} {x} {y}"
                    );
                }
            }
        }
    }
}
