//! A page's content, made ready for the content interpreter of the text
//! layer (feature `text`).
//!
//! The page's content streams are decoded and joined here, and its resources
//! found (inherited through `/Parent` where the page has none), so that the
//! text layer can hand both to the interpreter without naming the object
//! parser. Before anything is interpreted, the work the page asks for is
//! estimated: the bytes of its content streams plus those of every form
//! XObject each `Do` draws, recursively. Forms can draw forms, so a small
//! file can ask for exponential work (a form that draws another twice, fifty
//! levels deep); a page whose estimate is over the bound is interpreted
//! without its forms, and a content stream over the bound is cut.

use std::collections::{HashMap, HashSet};

use hayro_syntax::content::TypedIter;
use hayro_syntax::object::{self as h, ObjectIdentifier};
use hayro_syntax::page::Resources;
use hayro_syntax::xref::XRef;

use super::Dict;

/// The object parser's page, as the interpreter takes it to draw the
/// page's annotations.
pub(crate) type ParserPage<'a> = hayro_syntax::page::Page<'a>;

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
    /// Defects found while preparing the content, as messages.
    pub(crate) defects: Vec<String>,
}

impl<'a> PageContent<'a> {
    /// The content of a page dictionary: its `/Contents` decoded and joined,
    /// its resources, and the forms it draws checked against the bound.
    pub(crate) fn of_page(page: &Dict<'a>, bounds: ContentBounds) -> Self {
        let (dict, xref) = page.parts();
        let mut defects = Vec::new();
        let mut resources = Resources::new(inherited_resources(dict, bounds.max_depth));
        let data = contents(dict, bounds.max_bytes, &mut defects);
        let mut estimate = Estimate {
            max: bounds.max_bytes as u64,
            memo: HashMap::new(),
            active: HashSet::new(),
        };
        let forms = estimate.drawn(&data, &resources.x_objects, 0);
        if (data.len() as u64).saturating_add(forms) > estimate.max {
            defects.push(format!(
                "the page's form XObjects would have more than {} bytes of content interpreted (or draw themselves); the text inside them is not read",
                bounds.max_bytes
            ));
            resources.x_objects = h::Dict::empty();
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

/// `/Resources` of the page, or of the nearest ancestor that has one.
fn inherited_resources<'a>(page: &h::Dict<'a>, max_depth: usize) -> h::Dict<'a> {
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

/// `/Contents` decoded; an array's streams joined with a space between.
fn contents(page: &h::Dict<'_>, max_bytes: usize, defects: &mut Vec<String>) -> Vec<u8> {
    let mut data = Vec::new();
    let streams: Vec<h::Stream<'_>> = match page.get::<h::Object<'_>>(b"Contents") {
        Some(h::Object::Stream(stream)) => vec![stream],
        Some(h::Object::Array(array)) => {
            let mut streams = Vec::new();
            for item in array.iter::<h::Object<'_>>() {
                match item {
                    h::Object::Stream(stream) => streams.push(stream),
                    _ => defects.push("an entry of /Contents is not a stream; skipped".to_owned()),
                }
            }
            streams
        }
        Some(_) => {
            defects.push("/Contents is neither a stream nor an array; the page has no text".into());
            Vec::new()
        }
        None => Vec::new(),
    };
    let too_long =
        || format!("the page's content is longer than {max_bytes} bytes; the rest is not read");
    for stream in streams {
        let left = max_bytes.saturating_sub(data.len());
        // Decoding costs about the encoded length: a stream longer than
        // the whole bound is not decoded at all.
        if left == 0 || stream.raw_data().len() > max_bytes {
            defects.push(too_long());
            break;
        }
        match stream.decoded_data() {
            Ok(decoded) => {
                if decoded.len() > left {
                    defects.push(too_long());
                    data.extend_from_slice(decoded.get(..left).unwrap_or_default());
                    break;
                }
                data.extend_from_slice(&decoded);
                data.push(b' ');
            }
            Err(_) => defects.push(
                "a content stream cannot be decoded (a broken or unsupported filter); its text is missing"
                    .to_owned(),
            ),
        }
    }
    data
}

/// The work estimate: bytes of content the forms drawn by a stream would
/// have interpreted, memoised per form and saturating at the bound.
struct Estimate {
    max: u64,
    memo: HashMap<ObjectIdentifier, u64>,
    active: HashSet<ObjectIdentifier>,
}

/// Deepest nesting of forms the estimate follows; the interpreter stops at
/// 50 levels.
const MAX_FORM_DEPTH: usize = 64;

impl Estimate {
    /// The bytes interpreted for the forms that `content` draws through
    /// `x_objects`.
    fn drawn(&mut self, content: &[u8], x_objects: &h::Dict<'_>, depth: usize) -> u64 {
        let mut total: u64 = 0;
        for name in drawn_names(content) {
            let work = self.form(x_objects, &name, depth);
            total = total.saturating_add(work);
            if total > self.max {
                return u64::MAX;
            }
        }
        total
    }

    /// The bytes interpreted when the XObject `name` is drawn: the form's
    /// content and what it draws; nothing for an image.
    fn form(&mut self, x_objects: &h::Dict<'_>, name: &[u8], depth: usize) -> u64 {
        let Some(stream) = x_objects.get::<h::Stream<'_>>(name) else {
            return 0;
        };
        let dict = stream.dict();
        if dict.get::<h::Name<'_>>(b"Subtype").as_deref() != Some(&b"Form"[..]) {
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
        let work = if stream.raw_data().len() as u64 > self.max {
            u64::MAX
        } else {
            match stream.decoded_data() {
                Ok(decoded) => {
                    let own = dict
                        .get::<h::Dict<'_>>(b"Resources")
                        .and_then(|r| r.get::<h::Dict<'_>>(b"XObject"));
                    let children = match &own {
                        Some(own) => self.drawn(&decoded, own, depth + 1),
                        None => self.drawn(&decoded, x_objects, depth + 1),
                    };
                    (decoded.len() as u64).saturating_add(children)
                }
                Err(_) => 0,
            }
        };
        self.active.remove(&id);
        self.memo.insert(id, work);
        work
    }
}

/// The names operated on by each `Do` in a content stream (`/Im1 Do`), with
/// `#xx` escapes resolved. A lexical scan: a `Do` inside a string or image
/// data counts too, which only overestimates.
fn drawn_names(content: &[u8]) -> Vec<Vec<u8>> {
    let mut names = Vec::new();
    let mut from = 0;
    while let Some(found) = super::find(content.get(from..).unwrap_or_default(), b"Do") {
        let at = from + found;
        from = at + 2;
        let after = content.get(at + 2).copied();
        if after.is_some_and(|b| !is_delimiter(b)) {
            continue;
        }
        let before = content.get(..at).unwrap_or_default();
        let trimmed = before.trim_ascii_end();
        if trimmed.len() == before.len() {
            continue;
        }
        let start = trimmed
            .iter()
            .rposition(|&b| b == b'/' || is_delimiter(b))
            .unwrap_or(0);
        if trimmed.get(start) != Some(&b'/') {
            continue;
        }
        names.push(unescape_name(trimmed.get(start + 1..).unwrap_or_default()));
    }
    names
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

    #[test]
    fn names_before_do() {
        let content = b"q 1 0 0 1 0 0 cm /Fm1 Do Q /Im#31 Do\n/X0 Do";
        assert_eq!(
            drawn_names(content),
            vec![b"Fm1".to_vec(), b"Im1".to_vec(), b"X0".to_vec()]
        );
    }

    #[test]
    fn do_inside_a_word_is_not_an_operator() {
        assert!(drawn_names(b"(Done) Tj /Dot Tf").is_empty());
    }
}
