//! Our view of PDF objects: thin wrappers over the parser's borrowed objects.

use std::fmt;

use hayro_syntax::object::{self as h, MaybeRef, ObjectIdentifier};
use hayro_syntax::xref::XRef;

use crate::diagnostics::WarningKind;

/// An indirect object's identifier, displayed as `"12 0 R"`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) struct ObjId {
    pub(crate) num: u32,
    pub(crate) generation: i32,
}

impl fmt::Display for ObjId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {} R", self.num, self.generation)
    }
}

impl From<h::ObjRef> for ObjId {
    fn from(r: h::ObjRef) -> Self {
        Self {
            num: r.obj_number,
            generation: r.gen_number,
        }
    }
}

impl From<ObjectIdentifier> for ObjId {
    fn from(id: ObjectIdentifier) -> Self {
        Self {
            num: id.obj_number,
            generation: id.gen_number,
        }
    }
}

impl From<ObjId> for ObjectIdentifier {
    fn from(id: ObjId) -> Self {
        Self::new(id.num, id.generation)
    }
}

/// A direct PDF object, references already resolved one level.
#[derive(Debug, Clone)]
pub(crate) enum Object<'a> {
    Null,
    Bool(bool),
    Number(f64),
    String(PdfString<'a>),
    Name(Name<'a>),
    Array(Array<'a>),
    Dict(Dict<'a>),
    Stream(Stream<'a>),
}

impl<'a> Object<'a> {
    fn new(object: h::Object<'a>, xref: &'a XRef) -> Self {
        match object {
            h::Object::Null(_) => Self::Null,
            h::Object::Boolean(b) => Self::Bool(b),
            h::Object::Number(n) => Self::Number(n.as_f64()),
            h::Object::String(s) => Self::String(PdfString(s)),
            h::Object::Name(n) => Self::Name(Name(n)),
            h::Object::Array(a) => Self::Array(Array { inner: a, xref }),
            h::Object::Dict(d) => Self::Dict(Dict::new(d, xref)),
            h::Object::Stream(s) => Self::Stream(Stream { inner: s }),
        }
    }

    /// The PDF type's name, for messages ("a name", "an array").
    pub(crate) fn type_name(&self) -> &'static str {
        match self {
            Self::Null => "null",
            Self::Bool(_) => "a boolean",
            Self::Number(_) => "a number",
            Self::String(_) => "a string",
            Self::Name(_) => "a name",
            Self::Array(_) => "an array",
            Self::Dict(_) => "a dictionary",
            Self::Stream(_) => "a stream",
        }
    }
}

/// Resolves an object by its identifier.
pub(super) fn resolve(xref: &XRef, id: ObjId) -> Option<Object<'_>> {
    xref.get::<h::Object<'_>>(id.into())
        .map(|object| Object::new(object, xref))
}

/// A string object's bytes (escapes resolved and decrypted).
#[derive(Debug, Clone)]
pub(crate) struct PdfString<'a>(h::String<'a>);

impl PdfString<'_> {
    pub(crate) fn as_bytes(&self) -> &[u8] {
        self.0.as_bytes()
    }
}

/// A name object (`#xx` escapes resolved).
#[derive(Debug, Clone)]
pub(crate) struct Name<'a>(h::Name<'a>);

impl Name<'_> {
    pub(crate) fn as_bytes(&self) -> &[u8] {
        &self.0
    }

    /// The name as text; bytes that are not UTF-8 are replaced.
    pub(crate) fn to_text(&self) -> String {
        String::from_utf8_lossy(self.as_bytes()).into_owned()
    }
}

/// The outcome of looking up a key or resolving an array element.
#[derive(Debug, Clone)]
pub(crate) enum Lookup<'a> {
    /// The key is not there (or its value is `null`).
    Absent,
    /// The value, resolved when it was a reference.
    Found(Object<'a>),
    /// A reference to an object that does not exist or cannot be parsed.
    Dangling(ObjId),
}

/// A dictionary, with the means to resolve the references in it.
#[derive(Clone)]
pub(crate) struct Dict<'a> {
    inner: h::Dict<'a>,
    xref: &'a XRef,
}

impl fmt::Debug for Dict<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Dict({:?}, {} keys)", self.id(), self.inner.len())
    }
}

impl<'a> Dict<'a> {
    pub(super) fn new(inner: h::Dict<'a>, xref: &'a XRef) -> Self {
        Self { inner, xref }
    }

    /// The identifier, when this is an indirect object (or lies in one).
    pub(crate) fn id(&self) -> Option<ObjId> {
        self.inner.obj_id().map(ObjId::from)
    }

    /// The parser's dictionary and the table that resolves its references.
    #[cfg(feature = "text")]
    pub(super) fn parts(&self) -> (&h::Dict<'a>, &'a XRef) {
        (&self.inner, self.xref)
    }

    /// Whether the key is present.
    pub(crate) fn contains(&self, key: &[u8]) -> bool {
        self.inner.contains_key(key)
    }

    /// The value of a key, resolving a reference one level.
    pub(crate) fn get(&self, key: &[u8]) -> Lookup<'a> {
        match self.inner.get_raw::<h::Object<'a>>(key) {
            None => Lookup::Absent,
            Some(MaybeRef::Ref(r)) => match resolve(self.xref, r.into()) {
                Some(Object::Null) => Lookup::Absent,
                Some(object) => Lookup::Found(object),
                None => Lookup::Dangling(r.into()),
            },
            Some(MaybeRef::NotRef(h::Object::Null(_))) => Lookup::Absent,
            Some(MaybeRef::NotRef(object)) => Lookup::Found(Object::new(object, self.xref)),
        }
    }

    /// The value of a key when it is present and resolves.
    pub(crate) fn get_object(&self, key: &[u8]) -> Option<Object<'a>> {
        match self.get(key) {
            Lookup::Found(object) => Some(object),
            Lookup::Absent | Lookup::Dangling(_) => None,
        }
    }

    /// The reference a key holds, when it holds one.
    pub(crate) fn get_ref(&self, key: &[u8]) -> Option<ObjId> {
        self.inner.get_ref(key).map(ObjId::from)
    }

    /// A name value's bytes.
    pub(crate) fn get_name(&self, key: &[u8]) -> Option<Name<'a>> {
        match self.get_object(key)? {
            Object::Name(name) => Some(name),
            _ => None,
        }
    }

    /// An array value.
    pub(crate) fn get_array(&self, key: &[u8]) -> Option<Array<'a>> {
        match self.get_object(key)? {
            Object::Array(array) => Some(array),
            _ => None,
        }
    }

    /// A number value.
    pub(crate) fn get_number(&self, key: &[u8]) -> Option<f64> {
        match self.get_object(key)? {
            Object::Number(n) => Some(n),
            _ => None,
        }
    }
}

/// An array, with the means to resolve the references in it.
#[derive(Clone)]
pub(crate) struct Array<'a> {
    inner: h::Array<'a>,
    xref: &'a XRef,
}

impl fmt::Debug for Array<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Array")
    }
}

/// One element of an array: the reference it was written as (if any) and
/// what it resolves to.
pub(crate) struct Element<'a> {
    pub(crate) reference: Option<ObjId>,
    pub(crate) value: Lookup<'a>,
}

impl<'a> Array<'a> {
    /// The elements, each resolved one level. Iteration ends early at an
    /// element the parser cannot read.
    pub(crate) fn elements(&self) -> impl Iterator<Item = Element<'a>> + 'a {
        let xref = self.xref;
        self.inner.raw_iter().map(move |item| match item {
            MaybeRef::Ref(r) => {
                let id = ObjId::from(r);
                let value = match resolve(xref, id) {
                    Some(Object::Null) => Lookup::Absent,
                    Some(object) => Lookup::Found(object),
                    None => Lookup::Dangling(id),
                };
                Element {
                    reference: Some(id),
                    value,
                }
            }
            MaybeRef::NotRef(h::Object::Null(_)) => Element {
                reference: None,
                value: Lookup::Absent,
            },
            MaybeRef::NotRef(object) => Element {
                reference: None,
                value: Lookup::Found(Object::new(object, xref)),
            },
        })
    }

    /// The elements as numbers, reading at most `max` of them. `Err` names
    /// the first element that is not a number.
    pub(crate) fn numbers(&self, max: usize) -> Result<Vec<f64>, NotNumber> {
        let mut out = Vec::new();
        for (index, element) in self.elements().enumerate() {
            if index >= max {
                return Err(NotNumber::TooLong(max));
            }
            match element.value {
                Lookup::Found(Object::Number(n)) if n.is_finite() => out.push(n),
                Lookup::Found(other) => return Err(NotNumber::Element(index, other.type_name())),
                Lookup::Absent => return Err(NotNumber::Element(index, "null")),
                Lookup::Dangling(id) => return Err(NotNumber::Dangling(index, id)),
            }
        }
        Ok(out)
    }
}

/// Why an array could not be read as numbers.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum NotNumber {
    Element(usize, &'static str),
    Dangling(usize, ObjId),
    TooLong(usize),
}

impl NotNumber {
    /// The kind of warning the problem is.
    pub(crate) fn kind(&self) -> WarningKind {
        match self {
            Self::TooLong(_) => WarningKind::LimitReached,
            Self::Element(..) | Self::Dangling(..) => WarningKind::DamagedObject,
        }
    }
}

impl fmt::Display for NotNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Element(index, found) => write!(f, "element {index} is {found}, not a number"),
            Self::Dangling(index, id) => {
                write!(
                    f,
                    "element {index} refers to {id}, which is missing or unreadable"
                )
            }
            Self::TooLong(max) => write!(f, "more than {max} elements"),
        }
    }
}

/// A stream.
#[derive(Clone)]
pub(crate) struct Stream<'a> {
    inner: h::Stream<'a>,
}

impl fmt::Debug for Stream<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Stream")
    }
}

impl Stream<'_> {
    /// The decoded bytes, when the filters can be applied and they decode
    /// to at most `max` bytes.
    /// The stream's data, decoded, up to `max` bytes; else why not: a
    /// limit reached, or a filter that cannot be applied.
    pub(crate) fn decoded(&self, max: usize) -> Result<Vec<u8>, WarningKind> {
        match super::decode::decode_bounded(&self.inner, max) {
            super::decode::Decoded::Data(data) => Ok(data.into_owned()),
            super::decode::Decoded::TooLarge(_) => Err(WarningKind::LimitReached),
            super::decode::Decoded::Broken => Err(WarningKind::UnsupportedFeature),
        }
    }
}
