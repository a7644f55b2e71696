//! Where an annotation is in its file: an indirect object, or a
//! dictionary written inline in a page's `/Annots`.

use std::fmt;
use std::str::FromStr;

/// An indirect object's number and generation, written `12 0 R`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ObjectId {
    /// The object number.
    pub number: u32,
    /// The generation number (0 in most files).
    pub generation: i32,
}

impl ObjectId {
    /// The identifier of object `number`, generation `generation`.
    pub fn new(number: u32, generation: i32) -> Self {
        Self { number, generation }
    }
}

impl fmt::Display for ObjectId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {} R", self.number, self.generation)
    }
}

/// An annotation's place in its file; written as the `ref` of a record.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Reference {
    /// An indirect object: `"12 0 R"`.
    Object(ObjectId),
    /// A dictionary written inline in a page's `/Annots`, which has no
    /// object number: `"inline:<page>:<index>"` (the 1-based page, the
    /// 0-based position in `/Annots`), stable across runs.
    Inline {
        /// The 1-based page.
        page: usize,
        /// The 0-based position in the page's `/Annots`.
        index: usize,
    },
}

impl fmt::Display for Reference {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Object(id) => id.fmt(f),
            Self::Inline { page, index } => write!(f, "inline:{page}:{index}"),
        }
    }
}

/// A text that is not a reference as kantlijn writes one.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{text:?} is not a reference (\"<number> <generation> R\" or \"inline:<page>:<index>\")")]
pub struct ReferenceError {
    text: String,
}

impl ReferenceError {
    pub(crate) fn new(text: &str) -> Self {
        Self {
            text: text.to_owned(),
        }
    }
}

impl FromStr for Reference {
    type Err = ReferenceError;

    /// Reads `"12 0 R"` or `"inline:3:0"`.
    fn from_str(text: &str) -> Result<Self, ReferenceError> {
        let error = || ReferenceError::new(text);
        if let Some(place) = text.strip_prefix("inline:") {
            let (page, index) = place.split_once(':').ok_or_else(error)?;
            return Ok(Self::Inline {
                page: page.parse().map_err(|_| error())?,
                index: index.parse().map_err(|_| error())?,
            });
        }
        match text.split(' ').collect::<Vec<_>>().as_slice() {
            [number, generation, "R"] => Ok(Self::Object(ObjectId {
                number: number.parse().map_err(|_| error())?,
                generation: generation.parse().map_err(|_| error())?,
            })),
            _ => Err(error()),
        }
    }
}

/// Serialises a type as its `Display` text and reads it back with
/// `FromStr`.
macro_rules! serde_as_text {
    ($type:ty) => {
        impl serde::Serialize for $type {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.collect_str(self)
            }
        }

        impl<'de> serde::Deserialize<'de> for $type {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let text = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
                text.parse().map_err(serde::de::Error::custom)
            }
        }
    };
}

pub(crate) use serde_as_text;

serde_as_text!(Reference);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn written_as_before() {
        let object = Reference::Object(ObjectId::new(12, 0));
        assert_eq!(object.to_string(), "12 0 R");
        let inline = Reference::Inline { page: 3, index: 0 };
        assert_eq!(serde_json::to_string(&inline).unwrap(), "\"inline:3:0\"");
    }

    #[test]
    fn read_back() {
        for text in ["12 0 R", "7 -1 R", "inline:3:0"] {
            let reference: Reference = text.parse().unwrap();
            assert_eq!(reference.to_string(), text);
        }
        for text in ["12 0", "12 0 obj", "inline:3", "inline:a:0", ""] {
            assert!(text.parse::<Reference>().is_err(), "{text:?}");
        }
    }
}
