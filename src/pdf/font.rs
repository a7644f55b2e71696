//! Fonts as text extraction needs them: for each character code of a shown
//! string, its Unicode value and its advance width, read from the font
//! dictionary (feature `text`).
//!
//! The rules are those of the font reader the renderer uses (hayro-font),
//! applied to the dictionary alone: `/ToUnicode` first, then the glyph name
//! the encoding gives the code (`/Differences`, the base encoding, the
//! standard font's own) through the Adobe Glyph List; widths from
//! `/Widths` (simple fonts), `/W` and `/DW` (CID fonts), or the metrics of
//! the standard 14 fonts. A font program is loaded only when the dictionary
//! does not say enough: an embedded Type 1 font whose codes are named by the
//! program's built-in encoding and not by `/ToUnicode`, or an embedded
//! TrueType font without `/Widths`. Then the renderer's own font reader
//! answers for that code, so the answer is the same.
//!
//! Each font object is read once per [`Fonts`], and each code's answer is
//! kept, so a glyph costs a table lookup.

use std::cell::{OnceCell, RefCell};
use std::collections::HashMap;
use std::rc::Rc;
use std::sync::Arc;

use hayro_font::hayro_cmap::{self, BfString, CMap, CMapName, CidFamily, WritingMode};
use hayro_font::names::{self, BaseEncoding};
use hayro_font::{FontGlyph, StandardFont};
use hayro_syntax::object::{self as h, Object};

use super::decode::{Decoded, decode_bounded};

/// Most bytes a `/ToUnicode` or encoding CMap stream is decoded to.
const MAX_CMAP_BYTES: usize = 16 << 20;
/// Most codes of a multi-byte font whose answers are kept.
const MAX_KEPT_CODES: usize = 1 << 16;

/// What one character code shows.
#[derive(Debug, Clone)]
struct CodeGlyph {
    /// The Unicode text; `None` when the font does not say.
    unicode: Option<Rc<str>>,
    metrics: Metrics,
}

/// How a character code moves the pen, and how wide its box is.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub(crate) struct Metrics {
    /// The advance along the writing direction, in font sizes (glyph
    /// space divided by 1000 once here, not for every glyph drawn):
    /// horizontal for horizontal fonts, vertical (usually negative) for
    /// vertical ones.
    pub(crate) advance: f32,
    /// The horizontal width used for the glyph's box: the advance of a
    /// horizontal font, a full em for a vertical one.
    pub(crate) width: f32,
    /// Where the glyph's origin lies from the pen position, in glyph space
    /// (vertical fonts only).
    pub(crate) displacement: [f64; 2],
}

/// The fonts of one document, each read once.
pub(crate) struct Fonts<'a> {
    read: RefCell<HashMap<FontKey, Option<Rc<Font<'a>>>>>,
    /// The `/Resources` a page without its own inherits, by the page's
    /// `/Parent`: pages that share a parent inherit the same, and reading
    /// a parent of 100,000 `/Kids` for each of its pages was quadratic.
    inherited: RefCell<HashMap<h::ObjectIdentifier, h::Dict<'a>>>,
    helvetica: OnceCell<Rc<Font<'a>>>,
    programs: hayro_font::FontCache<'a>,
    font_resolver: hayro_font::FontResolverFn,
    cmap_resolver: hayro_font::CMapResolverFn,
}

/// A font object: its identifier when indirect, else where its dictionary
/// lies in the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum FontKey {
    Object(h::ObjectIdentifier),
    Direct(usize, usize),
}

impl<'a> Fonts<'a> {
    pub(crate) fn new() -> Self {
        Self {
            read: RefCell::new(HashMap::new()),
            inherited: RefCell::new(HashMap::new()),
            helvetica: OnceCell::new(),
            programs: hayro_font::FontCache::new(),
            font_resolver: Arc::new(|query| match query {
                hayro_font::FontQuery::Standard(font) => Some(font.get_font_data()),
                hayro_font::FontQuery::Fallback(query) => {
                    Some(query.pick_standard_font().get_font_data())
                }
            }),
            cmap_resolver: Arc::new(hayro_cmap::load_embedded),
        }
    }

    /// The font of a font dictionary; `None` when it cannot be read (an
    /// unknown subtype, a CID font without its encoding or descendant).
    pub(crate) fn font(&self, dict: &h::Dict<'a>) -> Option<Rc<Font<'a>>> {
        let key = match dict.obj_id() {
            Some(id) => FontKey::Object(id),
            None => FontKey::Direct(dict.data().as_ptr() as usize, dict.data().len()),
        };
        if let Some(font) = self.read.borrow().get(&key) {
            return font.clone();
        }
        let font = Font::read(dict, &self.cmap_resolver).map(Rc::new);
        self.read.borrow_mut().insert(key, font.clone());
        font
    }

    /// The resources inherited through the page tree node `parent`, read
    /// by `read` the first time they are asked for.
    pub(crate) fn inherited_resources(
        &self,
        parent: h::ObjectIdentifier,
        read: impl FnOnce() -> h::Dict<'a>,
    ) -> h::Dict<'a> {
        if let Some(resources) = self.inherited.borrow().get(&parent) {
            return resources.clone();
        }
        let resources = read();
        self.inherited
            .borrow_mut()
            .insert(parent, resources.clone());
        resources
    }

    /// Helvetica, for text shown before any font is set or with a font the
    /// page does not define.
    pub(crate) fn helvetica(&self) -> Rc<Font<'a>> {
        Rc::clone(self.helvetica.get_or_init(|| {
            Rc::new(Font::simple_standard(
                h::Dict::empty(),
                StandardFont::Helvetica,
            ))
        }))
    }

    /// The renderer's reading of a font, for what the dictionary does not
    /// say (this loads the font program).
    fn program(&self, font: &Font<'a>) -> Option<hayro_font::Font<'a>> {
        font.program
            .get_or_init(|| {
                self.programs
                    .font(&font.dict, &self.font_resolver, &self.cmap_resolver)
            })
            .clone()
    }

    /// The advance the font program gives a code.
    #[allow(clippy::cast_possible_truncation)]
    fn program_advance(&self, font: &Font<'a>, code: u32) -> f32 {
        self.program(font)
            .map_or(0.0, |program| program.code_advance(code).x as f32)
    }

    /// How a code of a font moves the pen and how wide its box is.
    pub(crate) fn metrics(&self, font: &Font<'a>, code: u32) -> Metrics {
        self.with_glyph(font, code, |glyph| glyph.metrics)
    }

    /// The Unicode text of a code of a font; `None` when the font does not
    /// say.
    pub(crate) fn unicode(&self, font: &Font<'a>, code: u32) -> Option<Rc<str>> {
        self.with_glyph(font, code, |glyph| glyph.unicode.clone())
    }

    /// Looks at what a code shows, reading it from the font the first time.
    fn with_glyph<R>(&self, font: &Font<'a>, code: u32, look: impl FnOnce(&CodeGlyph) -> R) -> R {
        if let Ok(byte) = u8::try_from(code)
            && let Some(Some(glyph)) = font.small.borrow().get(usize::from(byte))
        {
            return look(glyph);
        }
        if let Some(glyph) = font.large.borrow().get(&code) {
            return look(glyph);
        }
        let glyph = self.resolve(font, code);
        let answer = look(&glyph);
        if let Ok(byte) = u8::try_from(code) {
            let mut small = font.small.borrow_mut();
            if small.is_empty() {
                small.resize(256, None);
            }
            if let Some(slot) = small.get_mut(usize::from(byte)) {
                *slot = Some(glyph);
            }
        } else {
            let mut large = font.large.borrow_mut();
            if large.len() < MAX_KEPT_CODES {
                large.insert(code, glyph);
            }
        }
        answer
    }

    fn resolve(&self, font: &Font<'a>, code: u32) -> CodeGlyph {
        match &font.kind {
            Kind::Simple(simple) => self.resolve_simple(font, simple, code),
            Kind::Composite(composite) => composite.glyph(code),
        }
    }

    fn resolve_simple(&self, font: &Font<'a>, simple: &Simple, code: u32) -> CodeGlyph {
        let byte = u8::try_from(code).unwrap_or(0);
        let mapped = simple.to_unicode.as_ref().and_then(|cmap| {
            cmap.lookup_bf_string(code)
                .filter(|c| !(simple.skip_null_mapping && *c == BfString::Char('\0')))
        });
        let needs_program = |name: &Name| matches!(name, Name::Program);
        let name = simple.glyph_name(byte);
        let unicode = match mapped {
            Some(text) => Some(text),
            None if needs_program(&name) => self.program(font).and_then(|program| {
                match program.glyph(program.map_code(code), code) {
                    FontGlyph::Outline(glyph) => glyph.as_unicode(),
                    FontGlyph::Type3(glyph) => glyph.as_unicode(),
                }
            }),
            None => name
                .as_str()
                .and_then(|n| names::glyph_name_to_unicode(n, simple.zapf_dingbats)),
        };
        let width = match (simple.widths.as_ref(), simple.style) {
            (Some(widths), _) => widths
                .get(usize::from(byte))
                .copied()
                .unwrap_or(simple.missing_width),
            (None, Style::Type3 { .. }) => simple.missing_width,
            (None, Style::Embedded { metrics: None }) => 0.0,
            (None, Style::TrueType) => self.program_advance(font, code),
            (None, Style::Embedded { .. }) if needs_program(&name) => {
                self.program_advance(font, code)
            }
            (
                None,
                Style::Embedded {
                    metrics: Some(standard),
                }
                | Style::Standard(standard),
            ) => name
                .as_str()
                .and_then(|n| standard.glyph_width(n))
                .unwrap_or(0.0),
        };
        let width = match simple.style {
            Style::Type3 { scale } => width * scale,
            _ => width,
        };
        CodeGlyph {
            unicode: unicode.map(text_of),
            metrics: Metrics {
                advance: width / 1000.0,
                width,
                displacement: [0.0, 0.0],
            },
        }
    }
}

fn text_of(unicode: BfString) -> Rc<str> {
    match unicode {
        BfString::Char(c) => {
            let mut buffer = [0; 4];
            Rc::from(&*c.encode_utf8(&mut buffer))
        }
        BfString::String(s) => Rc::from(s),
    }
}

/// A font, read from its dictionary.
pub(crate) struct Font<'a> {
    dict: h::Dict<'a>,
    kind: Kind,
    program: OnceCell<Option<hayro_font::Font<'a>>>,
    small: RefCell<Vec<Option<CodeGlyph>>>,
    large: RefCell<HashMap<u32, CodeGlyph>>,
}

enum Kind {
    Simple(Box<Simple>),
    Composite(Box<Composite>),
}

impl<'a> Font<'a> {
    fn read(dict: &h::Dict<'a>, cmap_resolver: &hayro_font::CMapResolverFn) -> Option<Self> {
        let subtype = dict.get::<h::Name<'_>>(b"Subtype")?;
        let kind = match subtype.as_ref() {
            b"Type1" | b"MMType1" => Kind::Simple(Box::new(Simple::type1(dict, cmap_resolver)?)),
            b"TrueType" | b"OpenType" => {
                Kind::Simple(Box::new(Simple::true_type(dict, cmap_resolver)?))
            }
            b"Type3" => Kind::Simple(Box::new(Simple::type3(dict, cmap_resolver)?)),
            b"Type0" => Kind::Composite(Box::new(Composite::read(dict, cmap_resolver)?)),
            _ => return None,
        };
        Some(Self::with_kind(dict.clone(), kind))
    }

    fn with_kind(dict: h::Dict<'a>, kind: Kind) -> Self {
        Self {
            dict,
            kind,
            program: OnceCell::new(),
            small: RefCell::new(Vec::new()),
            large: RefCell::new(HashMap::new()),
        }
    }

    fn simple_standard(dict: h::Dict<'a>, standard: StandardFont) -> Self {
        Self::with_kind(
            dict,
            Kind::Simple(Box::new(Simple::default().into_standard(standard))),
        )
    }

    /// Whether the font is a simple one: one byte a code, written
    /// horizontally.
    pub(crate) fn simple(&self) -> bool {
        matches!(self.kind, Kind::Simple(_))
    }

    /// Whether the font writes horizontally.
    pub(crate) fn horizontal(&self) -> bool {
        match &self.kind {
            Kind::Simple(_) => true,
            Kind::Composite(composite) => composite.horizontal,
        }
    }

    /// The next character code of a string and its length in bytes; at
    /// least one byte is taken. Inlined into the show loop, where a simple
    /// font's code is its byte: as a call it cost 2 % of reading the
    /// glyphs (stage timings, 15 interleaved runs).
    #[inline]
    pub(crate) fn next_code(&self, bytes: &[u8], at: usize) -> (u32, usize) {
        match &self.kind {
            Kind::Simple(_) => (bytes.get(at).map_or(0, |&b| u32::from(b)), 1),
            Kind::Composite(composite) => composite.next_code(bytes, at),
        }
    }
}

/// A glyph name for a code, or word that only the program knows it.
enum Name {
    Known(String),
    Static(&'static str),
    /// The font program's built-in encoding names the code.
    Program,
    None,
}

impl Name {
    fn as_str(&self) -> Option<&str> {
        match self {
            Self::Known(name) => Some(name),
            Self::Static(name) => Some(name),
            Self::Program | Self::None => None,
        }
    }
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
enum Encoding {
    Base(BaseEncoding),
    #[default]
    BuiltIn,
}

/// How a simple font finds what the dictionary does not say.
#[derive(Debug, Clone, Copy, Default)]
enum Style {
    /// A standard font (named, resembled or substituted): built-in
    /// encoding and metrics of that font.
    Standard(StandardFont),
    /// An embedded Type 1 font: the program's built-in encoding, widths
    /// from the standard font it resembles, if any.
    Embedded { metrics: Option<StandardFont> },
    /// An embedded TrueType font: the standard encoding, widths from the
    /// program.
    #[default]
    TrueType,
    /// A Type 3 font, whose widths are scaled by its font matrix.
    Type3 { scale: f32 },
}

/// A simple font: one byte a code.
#[derive(Default)]
struct Simple {
    to_unicode: Option<CMap>,
    /// Type 1 and Type 3 fonts pass over `/ToUnicode` entries that map to
    /// U+0000; TrueType fonts take them.
    skip_null_mapping: bool,
    encoding: Encoding,
    differences: HashMap<u8, String>,
    /// `/Widths` by code, with the missing width where it has none; `None`
    /// without `/Widths`.
    widths: Option<Vec<f32>>,
    missing_width: f32,
    style: Style,
    zapf_dingbats: bool,
}

impl Simple {
    fn common(
        dict: &h::Dict<'_>,
        descriptor: &h::Dict<'_>,
        cmap_resolver: &hayro_font::CMapResolverFn,
    ) -> Option<Self> {
        let (widths, missing_width) = read_widths(dict, descriptor)?;
        let (encoding, differences) = read_encoding(dict);
        Some(Self {
            to_unicode: read_to_unicode(dict, cmap_resolver),
            skip_null_mapping: true,
            encoding,
            differences,
            widths,
            missing_width,
            style: Style::TrueType,
            zapf_dingbats: false,
        })
    }

    fn type1(dict: &h::Dict<'_>, cmap_resolver: &hayro_font::CMapResolverFn) -> Option<Self> {
        let descriptor = dict.get::<h::Dict<'_>>(b"FontDescriptor");
        let descriptor = descriptor.unwrap_or_default();
        let mut simple = Self::common(dict, &descriptor, cmap_resolver)?;
        let program = descriptor
            .get::<h::Stream<'_>>(b"FontFile3")
            .or_else(|| descriptor.get::<h::Stream<'_>>(b"FontFile"));
        let standard = names::standard_font(dict, &descriptor);
        if program.is_some() {
            let metrics = standard.map(|(font, _)| font);
            simple.style = Style::Embedded { metrics };
            simple.zapf_dingbats = matches!(metrics, Some(StandardFont::ZapfDingBats));
            return Some(simple);
        }
        let font = standard.map_or_else(|| fallback_standard(dict), |(font, _)| font);
        Some(simple.into_standard(font))
    }

    fn true_type(dict: &h::Dict<'_>, cmap_resolver: &hayro_font::CMapResolverFn) -> Option<Self> {
        let descriptor = dict
            .get::<h::Dict<'_>>(b"FontDescriptor")
            .unwrap_or_default();
        let mut simple = Self::common(dict, &descriptor, cmap_resolver)?;
        simple.skip_null_mapping = false;
        let standard = names::standard_font(dict, &descriptor);
        if descriptor.get::<h::Stream<'_>>(b"FontFile2").is_some() {
            simple.style = Style::TrueType;
            simple.zapf_dingbats = matches!(standard, Some((StandardFont::ZapfDingBats, _)));
            return Some(simple);
        }
        let font = standard.map_or_else(|| fallback_standard(dict), |(font, _)| font);
        Some(simple.into_standard(font))
    }

    fn type3(dict: &h::Dict<'_>, cmap_resolver: &hayro_font::CMapResolverFn) -> Option<Self> {
        let mut simple = Self::common(dict, dict, cmap_resolver)?;
        let matrix = dict
            .get::<[f64; 6]>(b"FontMatrix")
            .unwrap_or([0.001, 0.0, 0.0, 0.001, 0.0, 0.0]);
        simple.style = Style::Type3 {
            scale: (matrix[0] as f32) * 1000.0,
        };
        Some(simple)
    }

    fn into_standard(mut self, font: StandardFont) -> Self {
        self.style = Style::Standard(font);
        if matches!(font, StandardFont::Symbol | StandardFont::ZapfDingBats) {
            self.encoding = Encoding::BuiltIn;
        }
        self.zapf_dingbats = matches!(font, StandardFont::ZapfDingBats);
        self
    }

    /// The glyph name of a code, as the font's kind reads it.
    fn glyph_name(&self, code: u8) -> Name {
        if let Some(name) = self.differences.get(&code) {
            return Name::Known(name.clone());
        }
        let name = match (self.encoding, self.style) {
            (Encoding::BuiltIn, Style::Embedded { .. }) => return Name::Program,
            (Encoding::BuiltIn, Style::Standard(font)) => font.builtin_glyph_name(code),
            _ if code == 0 => Some(".notdef"),
            (Encoding::Base(base), Style::TrueType) => base
                .glyph_name(code)
                .or_else(|| names::standard_encoding(code)),
            (Encoding::Base(base), _) => base.glyph_name(code),
            (Encoding::BuiltIn, Style::TrueType) => names::standard_encoding(code),
            (Encoding::BuiltIn, Style::Type3 { .. }) => None,
        };
        name.map_or(Name::None, Name::Static)
    }
}

/// The standard font put in place of a font that names none: by the
/// flags and name of its descriptor.
fn fallback_standard(dict: &h::Dict<'_>) -> StandardFont {
    let name = dict
        .get::<h::Name<'_>>(b"BaseFont")
        .map(|n| n.as_str().to_owned())
        .unwrap_or_default();
    let descriptor = dict.get::<h::Dict<'_>>(b"FontDescriptor");
    let flags = descriptor
        .as_ref()
        .and_then(|d| d.get::<u32>(b"Flags"))
        .unwrap_or(0);
    let serif = descriptor.is_some() && flags & (1 << 1) != 0;
    let italic = (descriptor.is_some() && flags & (1 << 6) != 0) || name.contains("Italic");
    let bold = name.contains("Bold");
    match (serif, bold, italic) {
        (false, true, true) => StandardFont::HelveticaBoldOblique,
        (false, true, false) => StandardFont::HelveticaBold,
        (false, false, true) => StandardFont::HelveticaOblique,
        (false, false, false) => StandardFont::Helvetica,
        (true, true, true) => StandardFont::TimesBoldItalic,
        (true, true, false) => StandardFont::TimesBold,
        (true, false, true) => StandardFont::TimesItalic,
        (true, false, false) => StandardFont::TimesRoman,
    }
}

/// `/Widths` from `/FirstChar` on, and the missing width; `None` when the
/// entries contradict each other (the font cannot be read).
#[allow(clippy::type_complexity)]
fn read_widths(dict: &h::Dict<'_>, descriptor: &h::Dict<'_>) -> Option<(Option<Vec<f32>>, f32)> {
    let missing = descriptor.get::<f32>(b"MissingWidth").unwrap_or(0.0);
    let first = dict.get::<usize>(b"FirstChar");
    let last = dict.get::<usize>(b"LastChar");
    let array = dict.get::<h::Array<'_>>(b"Widths");
    let (Some(first), Some(last), Some(array)) = (first, last, array) else {
        return Some((None, missing));
    };
    let count = last.checked_sub(first)?.checked_add(1)?;
    let mut widths = vec![missing; first.min(256)];
    widths.extend(array.iter::<f32>().take(count.min(256)));
    widths.truncate(256);
    widths.resize(256, missing);
    Some((Some(widths), missing))
}

/// The base encoding and `/Differences`.
fn read_encoding(dict: &h::Dict<'_>) -> (Encoding, HashMap<u8, String>) {
    let base = |dict: &h::Dict<'_>, key: &[u8]| {
        dict.get::<h::Name<'_>>(key)
            .and_then(|name| BaseEncoding::from_name(name.as_ref()))
            .map_or(Encoding::BuiltIn, Encoding::Base)
    };
    let Some(encoding) = dict.get::<h::Dict<'_>>(b"Encoding") else {
        return (base(dict, b"Encoding"), HashMap::new());
    };
    let mut differences = HashMap::new();
    if let Some(array) = encoding.get::<h::Array<'_>>(b"Differences") {
        let mut code = 0_i64;
        for item in array.iter::<Object<'_>>() {
            match item {
                Object::Number(number) => code = number.as_i64(),
                Object::Name(name) => {
                    if let Ok(byte) = u8::try_from(code) {
                        differences.insert(byte, name.as_str().to_owned());
                    }
                    code = code.saturating_add(1);
                }
                _ => {}
            }
        }
    }
    (base(&encoding, b"BaseEncoding"), differences)
}

/// `/ToUnicode`: a CMap stream, or the name of a predefined CMap.
fn read_to_unicode(dict: &h::Dict<'_>, cmap_resolver: &hayro_font::CMapResolverFn) -> Option<CMap> {
    let data: Vec<u8> = match dict.get::<h::Stream<'_>>(b"ToUnicode") {
        Some(stream) => match decode_bounded(&stream, MAX_CMAP_BYTES) {
            Decoded::Data(data) => data.into_owned(),
            _ => return None,
        },
        None => {
            let name = dict.get::<h::Name<'_>>(b"ToUnicode")?;
            cmap_resolver(CMapName::from_bytes(name.as_ref()))?.to_vec()
        }
    };
    let resolver = Arc::clone(cmap_resolver);
    CMap::parse(&data, move |name| resolver(name))
}

/// A composite (Type 0) font: codes of one to four bytes mapped to CIDs by
/// its encoding CMap.
struct Composite {
    encoding: CMap,
    horizontal: bool,
    to_unicode: Option<CMap>,
    /// `/ToUnicode` is a predefined UCS-2 CMap, keyed by CID.
    by_cid: bool,
    default_width: f32,
    widths: HashMap<u32, f32>,
    vertical_default: (f32, f32),
    vertical: HashMap<u32, [f32; 3]>,
}

impl Composite {
    fn read(dict: &h::Dict<'_>, cmap_resolver: &hayro_font::CMapResolverFn) -> Option<Self> {
        let encoding = match dict.get::<Object<'_>>(b"Encoding")? {
            Object::Name(name) => match CMapName::from_bytes(name.as_ref()) {
                CMapName::IdentityH => CMap::identity_h(),
                CMapName::IdentityV => CMap::identity_v(),
                other => {
                    let data = cmap_resolver(other)?;
                    let resolver = Arc::clone(cmap_resolver);
                    CMap::parse(data, move |name| resolver(name))?
                }
            },
            Object::Stream(stream) => match decode_bounded(&stream, MAX_CMAP_BYTES) {
                Decoded::Data(data) => {
                    let resolver = Arc::clone(cmap_resolver);
                    CMap::parse(&data, move |name| resolver(name))?
                }
                _ => return None,
            },
            _ => return None,
        };
        let horizontal = encoding.metadata().writing_mode != Some(WritingMode::Vertical);
        let descendant = dict
            .get::<h::Array<'_>>(b"DescendantFonts")?
            .iter::<h::Dict<'_>>()
            .next()?;
        let descriptor = descendant
            .get::<h::Dict<'_>>(b"FontDescriptor")
            .unwrap_or_default();
        let embedded = [&b"FontFile2"[..], b"FontFile3", b"FontFile"]
            .iter()
            .any(|key| descriptor.get::<h::Stream<'_>>(*key).is_some());
        let mut to_unicode = read_to_unicode(dict, cmap_resolver);
        let mut by_cid = false;
        if !embedded && to_unicode.is_none() {
            let collection = encoding
                .metadata()
                .character_collection
                .clone()
                .filter(|cc| cc.family != CidFamily::AdobeIdentity)
                .or_else(|| {
                    let info = descendant.get::<h::Dict<'_>>(b"CIDSystemInfo")?;
                    let registry = info.get::<h::String<'_>>(b"Registry")?;
                    let ordering = info.get::<h::String<'_>>(b"Ordering")?;
                    Some(hayro_cmap::CharacterCollection {
                        family: CidFamily::from_registry_ordering(
                            registry.as_bytes(),
                            ordering.as_bytes(),
                        ),
                        supplement: info.get::<i32>(b"Supplement").unwrap_or(0),
                    })
                });
            if let Some(name) = collection.and_then(|cc| cc.family.ucs2_cmap())
                && let Some(data) = cmap_resolver(name)
            {
                let resolver = Arc::clone(cmap_resolver);
                if let Some(cmap) = CMap::parse(data, move |name| resolver(name)) {
                    to_unicode = Some(cmap);
                    by_cid = true;
                }
            }
        }
        let vertical_default = descendant
            .get::<[f32; 2]>(b"DW2")
            .map_or((880.0, -1000.0), |v| (v[0], v[1]));
        Some(Self {
            encoding,
            horizontal,
            to_unicode,
            by_cid,
            default_width: descendant.get::<f32>(b"DW").unwrap_or(1000.0),
            widths: descendant
                .get::<h::Array<'_>>(b"W")
                .and_then(|a| read_cid_widths(&a))
                .unwrap_or_default(),
            vertical_default,
            vertical: descendant
                .get::<h::Array<'_>>(b"W2")
                .and_then(|a| read_cid_widths2(&a))
                .unwrap_or_default(),
        })
    }

    fn next_code(&self, bytes: &[u8], at: usize) -> (u32, usize) {
        let mut code = 0_u32;
        for n in 0..4 {
            let Some(&byte) = bytes.get(at + n) else {
                break;
            };
            code = (code << 8) | u32::from(byte);
            let len = u8::try_from(n + 1).unwrap_or(4);
            if self.encoding.lookup_cid_code(code, len).is_some() {
                return (code, n + 1);
            }
        }
        (0, 1)
    }

    fn cid(&self, code: u32) -> Option<u32> {
        (1..=4).find_map(|len| self.encoding.lookup_cid_code(code, len))
    }

    fn glyph(&self, code: u32) -> CodeGlyph {
        let cid = self.cid(code).unwrap_or(0);
        let unicode = self
            .to_unicode
            .as_ref()
            .and_then(|cmap| cmap.lookup_bf_string(if self.by_cid { cid } else { code }));
        let width = self.widths.get(&cid).copied().unwrap_or(self.default_width);
        let (advance, displacement) = if self.horizontal {
            (width, [0.0, 0.0])
        } else {
            match self.vertical.get(&cid) {
                Some([w, v1, v2]) => (*w, [-f64::from(*v1), -f64::from(*v2)]),
                None => (
                    self.vertical_default.1,
                    [-f64::from(width) / 2.0, -f64::from(self.vertical_default.0)],
                ),
            }
        };
        CodeGlyph {
            unicode: unicode.map(text_of),
            metrics: Metrics {
                advance: advance / 1000.0,
                width: if self.horizontal { width } else { 1000.0 },
                displacement,
            },
        }
    }
}

/// Most CIDs one `/W` or `/W2` range may give a width.
const MAX_CID_RANGE: u32 = 1 << 16;

fn read_cid_widths(array: &h::Array<'_>) -> Option<HashMap<u32, f32>> {
    let mut map = HashMap::new();
    let mut iter = array.flex_iter();
    loop {
        if let Some((mut first, range)) = iter.next::<(u32, h::Array<'_>)>() {
            for width in range.iter::<f32>().take(MAX_CID_RANGE as usize) {
                map.insert(first, width);
                first = first.checked_add(1)?;
            }
        } else if let Some((first, last, width)) = iter.next::<(u32, u32, f32)>() {
            for cid in first..=last.min(first.saturating_add(MAX_CID_RANGE)) {
                map.insert(cid, width);
            }
        } else {
            break;
        }
    }
    Some(map)
}

fn read_cid_widths2(array: &h::Array<'_>) -> Option<HashMap<u32, [f32; 3]>> {
    let mut map = HashMap::new();
    let mut iter = array.flex_iter();
    loop {
        if let Some((mut first, range)) = iter.next::<(u32, h::Array<'_>)>() {
            let mut values = range.iter::<f32>();
            let mut taken = 0;
            while let Some(w) = values.next() {
                let v1 = values.next()?;
                let v2 = values.next()?;
                map.insert(first, [w, v1, v2]);
                first = first.checked_add(1)?;
                taken += 1;
                if taken >= MAX_CID_RANGE {
                    break;
                }
            }
        } else if let Some((first, last, w, v1, v2)) = iter.next::<(u32, u32, f32, f32, f32)>() {
            for cid in first..=last.min(first.saturating_add(MAX_CID_RANGE)) {
                map.insert(cid, [w, v1, v2]);
            }
        } else {
            break;
        }
    }
    Some(map)
}
