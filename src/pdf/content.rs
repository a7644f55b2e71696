//! A page's content, made ready for the renderer's content interpreter,
//! which the text layer is checked against (feature `text-reference`).
//!
//! The page's content streams are decoded and joined here, and its resources
//! found (inherited through `/Parent` where the page has none), so that the
//! text layer can hand both to the interpreter without naming the object
//! parser. Before anything is interpreted, the work the page asks for is
//! estimated: the bytes of its content streams plus those the interpreter
//! decodes anew each time an operator names a resource — a form XObject
//! drawn with `Do` (its content, recursively), the soft mask of a graphics
//! state set with `gs`, a shading painted with `sh` or set as a pattern
//! with `scn`. Forms can draw forms, so a small file can ask for
//! exponential work (a form that draws another twice, fifty levels deep),
//! and a short operator repeated a million times can name a large
//! resource; a page whose estimate is over the bound is interpreted
//! without those resources (its own text is still read), and a content
//! stream over the bound is cut.

use std::collections::{HashMap, HashSet};

use hayro_syntax::content::TypedIter;
use hayro_syntax::object::{self as h, ObjectIdentifier};
use hayro_syntax::page::Resources;
use hayro_syntax::xref::XRef;

use super::Dict;
use super::decode::{Decoded, decode_bounded};
use super::text_content::inherited_resources;
use crate::diagnostics::{Defect, WarningKind};

/// Bounds on the content handed to the interpreter.
#[derive(Debug, Clone, Copy)]
pub(crate) struct ContentBounds {
    /// Most bytes interpreted for one page, its forms included.
    pub(crate) max_bytes: usize,
    /// Deepest `/Parent` chain followed for inherited resources.
    pub(crate) max_depth: usize,
}

/// A page's decoded content and its resources.
pub(crate) struct PageContent<'a> {
    xref: &'a XRef,
    resources: Resources<'a>,
    data: Vec<u8>,
    /// Defects found while preparing the content.
    pub(crate) defects: Vec<Defect>,
}

impl<'a> PageContent<'a> {
    /// The content of a page dictionary: its `/Contents` decoded and joined,
    /// its resources, and the forms it draws checked against the bound.
    pub(crate) fn of_page(page: &Dict<'a>, bounds: ContentBounds) -> Self {
        let (dict, xref) = page.parts();
        let mut defects = Vec::new();
        let mut resources = Resources::new(inherited_resources(dict, bounds.max_depth));
        let data = contents(dict, bounds.max_bytes, &mut defects);
        let mut estimate = Estimate::new(bounds.max_bytes);
        let named = estimate.named(&data, &resources, 0);
        if (data.len() as u64).saturating_add(named) > estimate.max {
            defects.push(Defect::new(WarningKind::LimitReached, format!(
                "the page's form XObjects, soft masks and shadings would have more than {} bytes decoded or interpreted (or a form draws itself); they are skipped, and the text inside forms is not read",
                bounds.max_bytes
            )));
            resources.x_objects = h::Dict::empty();
            resources.ext_g_states = h::Dict::empty();
            resources.shadings = h::Dict::empty();
            resources.patterns = h::Dict::empty();
        }
        Self {
            xref,
            resources,
            data,
            defects,
        }
    }

    /// The cross-reference table the content's references resolve through.
    pub(crate) fn xref(&self) -> &'a XRef {
        self.xref
    }

    /// The page's resources.
    pub(crate) fn resources(&self) -> &Resources<'a> {
        &self.resources
    }

    /// The operators of the content.
    pub(crate) fn operations(&self) -> TypedIter<'_> {
        TypedIter::new(&self.data)
    }
}

/// The most entries of a `/Contents` array that are read (real pages have a
/// handful; each entry costs a lookup even when it is empty).
const MAX_CONTENT_ENTRIES: usize = 100_000;

/// `/Contents` decoded; an array's streams joined with a space between.
/// Entries that are not streams and streams that cannot be decoded are
/// each counted into one defect.
fn contents(page: &h::Dict<'_>, max_bytes: usize, defects: &mut Vec<Defect>) -> Vec<u8> {
    let mut data = Vec::new();
    let (mut not_streams, mut broken) = (0_usize, 0_usize);
    let mut too_long = false;
    let mut read = |stream: h::Stream<'_>, data: &mut Vec<u8>| {
        let left = max_bytes.saturating_sub(data.len());
        if left == 0 {
            too_long = true;
            return false;
        }
        match decode_bounded(&stream, left) {
            Decoded::Data(decoded) => append(data, decoded),
            Decoded::TooLarge(first) => {
                too_long = true;
                append(data, first.unwrap_or_default());
                return false;
            }
            Decoded::Broken => broken += 1,
        }
        true
    };
    match page.get::<h::Object<'_>>(b"Contents") {
        Some(h::Object::Stream(stream)) => {
            read(stream, &mut data);
        }
        Some(h::Object::Array(array)) => {
            let mut entries = array.iter::<h::Object<'_>>();
            for item in entries.by_ref().take(MAX_CONTENT_ENTRIES) {
                match item {
                    h::Object::Stream(stream) => {
                        if !read(stream, &mut data) {
                            break;
                        }
                    }
                    _ => not_streams += 1,
                }
            }
            if !too_long && entries.next().is_some() {
                defects.push(Defect::new(WarningKind::LimitReached, format!(
                    "/Contents has more than {MAX_CONTENT_ENTRIES} entries; the rest is not read"
                )));
            }
        }
        Some(_) => {
            defects.push(Defect::new(
                WarningKind::DamagedObject,
                "/Contents is neither a stream nor an array; the page has no text",
            ));
        }
        None => {}
    }
    if not_streams > 0 {
        defects.push(Defect::new(
            WarningKind::DamagedObject,
            match not_streams {
                1 => "an entry of /Contents is not a stream; skipped".to_owned(),
                n => format!("{n} entries of /Contents are not streams; skipped"),
            },
        ));
    }
    if broken > 0 {
        defects.push(Defect::new(WarningKind::UnsupportedFeature, match broken {
            1 => "a content stream cannot be decoded (a broken or unsupported filter, or too large once decoded); its text is missing".to_owned(),
            n => format!("{n} content streams cannot be decoded (a broken or unsupported filter, or too large once decoded); their text is missing"),
        }));
    }
    if too_long {
        defects.push(Defect::new(
            WarningKind::LimitReached,
            format!("the page's content is longer than {max_bytes} bytes; the rest is not read"),
        ));
    }
    data
}

fn append(data: &mut Vec<u8>, more: std::borrow::Cow<'_, [u8]>) {
    if data.is_empty() {
        *data = more.into_owned();
    } else {
        data.reserve_exact(more.len() + 1);
        data.push(b' ');
        data.extend_from_slice(&more);
    }
}

/// The work estimate: bytes the interpreter decodes or interprets for the
/// resources a stream names, memoised per resource and saturating at the
/// bound.
struct Estimate {
    max: u64,
    memo: HashMap<ObjectIdentifier, u64>,
    active: HashSet<ObjectIdentifier>,
}

/// Deepest nesting of forms the estimate follows; the interpreter stops at
/// 50 levels.
const MAX_FORM_DEPTH: usize = 64;

/// The operators whose name operand makes the interpreter load a resource.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Naming {
    /// `Do`: an XObject.
    Draw,
    /// `gs`: a graphics state, whose soft mask group is decoded.
    State,
    /// `sh`: a shading.
    Shade,
    /// `scn`, `SCN`: a colour, a pattern when a name is given.
    Pattern,
}

impl Estimate {
    fn new(max: usize) -> Self {
        Self {
            max: max as u64,
            memo: HashMap::new(),
            active: HashSet::new(),
        }
    }

    /// The bytes decoded or interpreted for the resources `content` names.
    fn named(&mut self, content: &[u8], resources: &Resources<'_>, depth: usize) -> u64 {
        let mut total: u64 = 0;
        for (naming, name) in named_operands(content) {
            let work = match naming {
                Naming::Draw => match resources.x_objects.get::<h::Stream<'_>>(name.as_slice()) {
                    Some(stream) => self.form_stream(&stream, resources, depth),
                    None => 0,
                },
                Naming::State => resources
                    .ext_g_states
                    .get::<h::Dict<'_>>(name.as_slice())
                    .and_then(|state| state.get::<h::Dict<'_>>(b"SMask"))
                    .and_then(|mask| mask.get::<h::Stream<'_>>(b"G"))
                    .map_or(0, |group| self.decoded(&group)),
                Naming::Shade => resources
                    .shadings
                    .get::<h::Stream<'_>>(name.as_slice())
                    .map_or(0, |shading| self.decoded(&shading)),
                Naming::Pattern => resources
                    .patterns
                    .get::<h::Dict<'_>>(name.as_slice())
                    .and_then(|pattern| pattern.get::<h::Stream<'_>>(b"Shading"))
                    .map_or(0, |shading| self.decoded(&shading)),
            };
            total = total.saturating_add(work);
            if total > self.max {
                return u64::MAX;
            }
        }
        total
    }

    /// The bytes interpreted when a form XObject is drawn: its content and
    /// what that names; nothing for an image.
    fn form_stream(&mut self, stream: &h::Stream<'_>, parent: &Resources<'_>, depth: usize) -> u64 {
        let dict = stream.dict();
        if let Some(subtype) = dict.get::<h::Name<'_>>(b"Subtype")
            && subtype.as_ref() != b"Form"
        {
            return 0;
        }
        let id = stream.obj_id();
        if let Some(work) = self.memo.get(&id) {
            return *work;
        }
        if depth >= MAX_FORM_DEPTH || !self.active.insert(id) {
            // A form that draws itself: the interpreter follows it fifty
            // levels deep, which is too much work whatever its size.
            return u64::MAX;
        }
        let work = match self.decode(stream) {
            Some(decoded) => {
                let own = dict.get::<h::Dict<'_>>(b"Resources").map(Resources::new);
                let children = self.named(&decoded, own.as_ref().unwrap_or(parent), depth + 1);
                (decoded.len() as u64).saturating_add(children)
            }
            None => u64::MAX,
        };
        self.active.remove(&id);
        self.memo.insert(id, work);
        work
    }

    /// The decoded length of a stream, once per stream.
    fn decoded(&mut self, stream: &h::Stream<'_>) -> u64 {
        let id = stream.obj_id();
        if let Some(work) = self.memo.get(&id) {
            return *work;
        }
        let work = self
            .decode(stream)
            .map_or(u64::MAX, |decoded| decoded.len() as u64);
        self.memo.insert(id, work);
        work
    }

    /// A stream's data, decoded when it decodes within the bound; `None`
    /// when it does not (the interpreter would decode it all), empty when it
    /// cannot be decoded (the interpreter gives up on it too).
    fn decode<'s>(&self, stream: &h::Stream<'s>) -> Option<std::borrow::Cow<'s, [u8]>> {
        match decode_bounded(stream, usize::try_from(self.max).unwrap_or(usize::MAX)) {
            Decoded::Data(data) => Some(data),
            Decoded::TooLarge(_) => None,
            Decoded::Broken => Some(std::borrow::Cow::Borrowed(&[])),
        }
    }
}

/// The operators of a content stream that name a resource, with the name
/// (`#xx` escapes resolved). A lexical scan: an operator inside a string or
/// image data counts too, which only overestimates.
fn named_operands(content: &[u8]) -> Vec<(Naming, Vec<u8>)> {
    let mut found = Vec::new();
    let mut at = 0;
    while let Some(&byte) = content.get(at) {
        // Operators start after white space or a delimiter.
        let starts = at == 0 || content.get(at - 1).is_some_and(|&b| is_delimiter(b));
        let naming = match byte {
            b'D' if starts && content.get(at + 1) == Some(&b'o') => Some((Naming::Draw, 2)),
            b'g' if starts && content.get(at + 1) == Some(&b's') => Some((Naming::State, 2)),
            b's' if starts && content.get(at + 1) == Some(&b'h') => Some((Naming::Shade, 2)),
            b's' | b'S'
                if starts
                    && content.get(at + 1..at + 3)
                        == Some(if byte == b's' { b"cn" } else { b"CN" }) =>
            {
                Some((Naming::Pattern, 3))
            }
            _ => None,
        };
        let Some((naming, len)) = naming else {
            at += 1;
            continue;
        };
        let ends = content.get(at + len).is_none_or(|&b| is_delimiter(b));
        if ends && let Some(name) = name_before(content.get(..at).unwrap_or_default()) {
            found.push((naming, name));
        }
        at += len;
    }
    found
}

/// The name that ends `before` (after trailing white space), unescaped.
fn name_before(before: &[u8]) -> Option<Vec<u8>> {
    let trimmed = before.trim_ascii_end();
    if trimmed.len() == before.len() {
        return None;
    }
    let start = trimmed
        .iter()
        .rposition(|&b| b == b'/' || is_delimiter(b))?;
    if trimmed.get(start) != Some(&b'/') {
        return None;
    }
    Some(unescape_name(trimmed.get(start + 1..).unwrap_or_default()))
}

fn is_delimiter(byte: u8) -> bool {
    byte.is_ascii_whitespace()
        || byte == 0
        || matches!(
            byte,
            b'(' | b')' | b'<' | b'>' | b'[' | b']' | b'{' | b'}' | b'/' | b'%'
        )
}

fn unescape_name(raw: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(raw.len());
    let mut i = 0;
    while let Some(&byte) = raw.get(i) {
        if byte == b'#'
            && let Some(hex) = raw.get(i + 1..i + 3)
            && let Ok(text) = std::str::from_utf8(hex)
            && let Ok(value) = u8::from_str_radix(text, 16)
        {
            out.push(value);
            i += 3;
        } else {
            out.push(byte);
            i += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(content: &[u8]) -> Vec<(Naming, String)> {
        named_operands(content)
            .into_iter()
            .map(|(n, name)| (n, String::from_utf8(name).unwrap()))
            .collect()
    }

    #[test]
    fn names_before_operators() {
        let content = b"q 1 0 0 1 0 0 cm /Fm1 Do Q /Im#31 Do\n/GS0 gs /Sh1 sh /P0 scn 0.5 /P1 SCN";
        assert_eq!(
            names(content),
            [
                (Naming::Draw, "Fm1".to_owned()),
                (Naming::Draw, "Im1".to_owned()),
                (Naming::State, "GS0".to_owned()),
                (Naming::Shade, "Sh1".to_owned()),
                (Naming::Pattern, "P0".to_owned()),
                (Naming::Pattern, "P1".to_owned()),
            ]
        );
    }

    #[test]
    fn operator_letters_inside_words_are_not_operators() {
        assert!(names(b"(Done) Tj /Dot Tf /gsx 1 Tf 1 0 0 scn").is_empty());
    }
}
