//! The renderer's content interpreter (hayro-interpret) run through a
//! device that keeps the glyphs and ignores everything else: the reference
//! the text layer's own reading is checked against (feature
//! `text-reference`, see `reference.rs`). The only module that names
//! `hayro_interpret`.
//!
//! The interpreter resolves fonts (embedded programs; the standard 14 from
//! metric-compatible substitutes, so that text in a non-embedded Helvetica
//! still has positions), maps character codes to Unicode (`/ToUnicode`,
//! encodings and `/Differences`, glyph names, CID fonts through their CMaps,
//! Type 3 fonts), and applies text rise, character and word spacing,
//! horizontal scaling, skewed and rotated matrices and form XObjects. It
//! also hands over invisible text (render mode 3, the OCR layer of a scanned
//! page). Images are handed over undecoded and dropped here, so a scanned
//! page costs its text only.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use hayro_interpret::font::GlyphRun;
use hayro_interpret::hayro_cmap::{BfString, WritingMode};
use hayro_interpret::kurbo::{Affine, BezPath, Rect as KRect};
use hayro_interpret::{
    BlendMode, ClipPath, Context, Device, DrawMode, DrawProps, Image, ImageDrawProps,
    InterpreterCache, InterpreterSettings, InterpreterWarning, RenderContent, SoftMask,
};

use super::glyph::{Glyphs, Kind, Placed, TextRef};
use crate::diagnostics::{Defect, WarningKind};
use crate::limits::Deadline;
use crate::pdf::content::PageContent;
use crate::pdf::geometry::Rect;

/// The fonts and CMaps loaded while interpreting, shared by the pages of one
/// document so that each font is parsed once.
pub(crate) struct FontCache<'a>(InterpreterCache<'a>);

impl FontCache<'_> {
    pub(crate) fn new() -> Self {
        Self(InterpreterCache::new())
    }
}

/// The glyphs of a page and what went wrong reading them.
#[derive(Debug, Default)]
pub(crate) struct PageGlyphs {
    pub(crate) glyphs: Glyphs,
    /// Defects.
    pub(crate) defects: Vec<Defect>,
    /// Whether the time limit ran out while the page was read.
    pub(crate) timed_out: bool,
}

/// Runs a page's content and collects its glyphs, at most `max_glyphs`.
pub(crate) fn read_glyphs<'a>(
    content: &PageContent<'a>,
    fonts: &FontCache<'a>,
    media_box: Option<Rect>,
    max_glyphs: usize,
    deadline: &Deadline,
) -> PageGlyphs {
    let counts = Arc::new(Counts::default());
    let sink = Arc::clone(&counts);
    let settings = InterpreterSettings {
        warning_sink: Arc::new(move |warning| sink.note(warning)),
        render_content: RenderContent::PAGE,
        ..InterpreterSettings::default()
    };
    let bounds = media_box.map_or_else(
        || KRect::new(0.0, 0.0, 612.0, 792.0),
        |b| KRect::new(b.x0, b.y0, b.x1, b.y1),
    );
    let mut context = Context::new(Affine::IDENTITY, bounds, &fonts.0, content.xref(), settings);
    let mut collector = Collector::new(max_glyphs, deadline);
    hayro_interpret::interpret(
        content.operations(),
        content.resources(),
        &mut context,
        &mut collector,
    );
    let mut defects = Vec::new();
    if collector.full {
        defects.push(Defect::new(
            WarningKind::LimitReached,
            format!("the page draws more than {max_glyphs} glyphs; the rest are not read"),
        ));
    }
    if collector.unmapped > 0 {
        defects.push(Defect::new(WarningKind::UnsupportedFeature, format!(
            "{} glyphs have no Unicode value (no /ToUnicode entry, no known glyph name); their text is missing",
            collector.unmapped
        )));
    }
    let fonts_lost = counts.fonts.load(Ordering::Relaxed);
    if fonts_lost > 0 {
        defects.push(Defect::new(WarningKind::DecodingFallback, format!(
            "{fonts_lost} font selections could not be loaded; their text is missing or placed as Helvetica"
        )));
    }
    let images = counts.images.load(Ordering::Relaxed);
    if images > 0 {
        defects.push(Defect::new(
            WarningKind::UnsupportedFeature,
            format!("{images} images could not be decoded"),
        ));
    }
    PageGlyphs {
        glyphs: collector.glyphs,
        defects,
        timed_out: collector.timed_out,
    }
}

/// Warnings the interpreter reports, counted.
#[derive(Debug, Default)]
struct Counts {
    fonts: AtomicUsize,
    /// Images that failed to decode: none should be decoded at all, so a
    /// count here means an image was decoded that need not have been.
    images: AtomicUsize,
}

impl Counts {
    fn note(&self, warning: InterpreterWarning) {
        match warning {
            InterpreterWarning::UnsupportedFont => {
                self.fonts.fetch_add(1, Ordering::Relaxed);
            }
            InterpreterWarning::ImageDecodeFailure => {
                self.images.fetch_add(1, Ordering::Relaxed);
            }
            _ => {}
        }
    }
}

/// A device that keeps glyphs and drops everything else.
struct Collector<'d> {
    glyphs: Glyphs,
    max_glyphs: usize,
    /// The glyph bound was reached.
    full: bool,
    unmapped: usize,
    /// The last run's placement: text drawn with fill and stroke (render
    /// mode 2) is handed over twice, and kept once.
    last_run: Option<RunKey>,
    deadline: &'d Deadline,
    timed_out: bool,
    runs: usize,
    /// What each single-byte code of the current run turned out to be:
    /// the glyphs of a run share a font, so a code repeated in it has the
    /// same text and width, and looking them up again is most of the cost
    /// of a glyph. Entries are valid when stamped with the current run.
    seen: Vec<(usize, Seen)>,
}

/// A code's text (or its lack) and width, within one run.
#[derive(Debug, Clone, Copy, Default)]
struct Seen {
    text: Option<TextRef>,
    width: f64,
}

/// Where a run of glyphs was drawn: the number of glyphs and the placement
/// of the first and last.
#[derive(Debug, Clone, Copy, PartialEq)]
struct RunKey {
    len: usize,
    first: [f64; 6],
    last: [f64; 6],
}

/// How often (in runs) the clock is read.
const CLOCK_EVERY: usize = 256;

/// Width of a glyph whose font gives none (vertical CID fonts advance
/// downwards): a full em, as CJK glyphs are.
const DEFAULT_WIDTH: f64 = 1000.0;

impl<'d> Collector<'d> {
    fn new(max_glyphs: usize, deadline: &'d Deadline) -> Self {
        Self {
            glyphs: Glyphs::default(),
            max_glyphs,
            full: false,
            unmapped: 0,
            last_run: None,
            deadline,
            timed_out: false,
            runs: 0,
            seen: vec![(usize::MAX, Seen::default()); 256],
        }
    }

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

    fn geometry(placement: Affine, width: f64) -> Option<Placed> {
        super::extract::geometry(placement.as_coeffs(), width)
    }

    /// Adds one glyph; returns where its text went, to reuse.
    fn add(&mut self, unicode: Option<BfString>, placement: Affine, width: f64) -> Option<TextRef> {
        let Some(unicode) = unicode else {
            self.unmapped += 1;
            return None;
        };
        let Placed {
            origin,
            dir,
            em,
            width,
            ..
        } = Self::geometry(placement, width)?;
        let (kind, text) = match &unicode {
            BfString::Char(c) => {
                let mut buffer = [0; 4];
                self.glyphs
                    .push(c.encode_utf8(&mut buffer), origin, dir, em, width)
            }
            BfString::String(s) => self.glyphs.push(s, origin, dir, em, width),
        };
        if kind == Kind::Nothing {
            self.unmapped += 1;
        }
        text
    }
}

impl<'a> Device<'a> for Collector<'_> {
    fn draw_path(&mut self, _: &BezPath, _: DrawProps<'a>, _: &DrawMode) {}

    fn push_clip_path(&mut self, _: &ClipPath) {}

    fn push_clip_rect(&mut self, _: &KRect) {}

    fn push_transparency_group(&mut self, _: f32, _: Option<SoftMask<'a>>, _: BlendMode) {}

    fn draw_glyph_run(
        &mut self,
        glyph_run: &GlyphRun<'_, 'a>,
        props: DrawProps<'a>,
        _draw_mode: &DrawMode,
    ) {
        if self.stopped() {
            return;
        }
        let glyphs = glyph_run.glyphs();
        let (Some(first), Some(last)) = (glyphs.first(), glyphs.last()) else {
            return;
        };
        let key = RunKey {
            len: glyphs.len(),
            first: (props.transform * first.transform()).as_coeffs(),
            last: (props.transform * last.transform()).as_coeffs(),
        };
        if self.last_run == Some(key) {
            return;
        }
        self.last_run = Some(key);
        let vertical = matches!(glyph_run.writing_mode(), WritingMode::Vertical);
        let stamp = self.runs;
        for glyph in glyphs {
            if self.glyphs.len() >= self.max_glyphs {
                self.full = true;
                return;
            }
            let placement = props.transform * glyph.transform();
            let code = glyph.char_code();
            let slot = usize::try_from(code).ok().filter(|&c| c < 256);
            if let Some((seen_stamp, seen)) = slot.and_then(|c| self.seen.get(c))
                && *seen_stamp == stamp
            {
                let seen = *seen;
                match seen.text {
                    Some(text) => {
                        if let Some(at) = Self::geometry(placement, seen.width) {
                            self.glyphs
                                .push_same(text, at.origin, at.dir, at.em, at.width);
                        }
                    }
                    None => self.unmapped += 1,
                }
                continue;
            }
            let width = match &**glyph {
                _ if vertical => DEFAULT_WIDTH,
                hayro_interpret::font::Glyph::Outline(outline) => {
                    outline.advance_width().map_or(0.0, f64::from)
                }
                hayro_interpret::font::Glyph::Type3(type3) => {
                    type3.advance_width().map_or(0.0, f64::from)
                }
            };
            let unmapped = self.unmapped;
            let text = self.add(glyph.as_unicode(), placement, width);
            // A glyph scaled to nothing says nothing of the code's text:
            // only a placed or an unmapped glyph is remembered.
            if (text.is_some() || self.unmapped > unmapped)
                && let Some(entry) = slot.and_then(|c| self.seen.get_mut(c))
            {
                *entry = (stamp, Seen { text, width });
            }
        }
    }

    fn draw_image(&mut self, _: Image<'a, '_>, _: ImageDrawProps<'a>) {}

    fn pop_clip(&mut self) {}

    fn pop_transparency_group(&mut self) {}

    fn draw_rect(&mut self, _: &KRect, _: DrawProps<'a>, _: &DrawMode) {}
}
