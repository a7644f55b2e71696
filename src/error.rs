//! Why a document could not be read at all.
//!
//! A defect inside one annotation is not an error: it becomes a
//! [`Warning`](crate::Warning) on the report and the rest still comes out.

use std::path::PathBuf;

use serde::{Deserialize, Serialize};

/// A document that could not be read, naming the file and the reason.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The file could not be opened or read from disk.
    #[error("{}: cannot read the file: {source}", file.display())]
    Io {
        /// The input.
        file: PathBuf,
        /// The operating system's reason.
        #[source]
        source: std::io::Error,
    },
    /// The bytes are neither a PDF nor a text file kantlijn reads.
    #[error("{}: not a PDF file (no %PDF- header)", file.display())]
    NotPdf {
        /// The input.
        file: PathBuf,
    },
    /// The input is neither a PDF nor a text file.
    #[error("{}: neither a PDF nor a text file", file.display())]
    NotSupported {
        /// The input.
        file: PathBuf,
    },
    /// The document is encrypted with a user password, and none was given.
    #[error("{}: encrypted; it needs a password", file.display())]
    NeedsPassword {
        /// The input.
        file: PathBuf,
    },
    /// The document is encrypted and the password given does not open it.
    #[error("{}: encrypted; the password given does not open it", file.display())]
    WrongPassword {
        /// The input.
        file: PathBuf,
    },
    /// The document is encrypted in a way kantlijn cannot decrypt.
    #[error("{}: encrypted with a method that cannot be decrypted ({detail})", file.display())]
    UnsupportedEncryption {
        /// The input.
        file: PathBuf,
        /// What was found.
        detail: &'static str,
    },
    /// The file starts like a PDF but neither its cross-reference table nor a
    /// scan of its objects leads to a document catalog.
    #[error("{}: damaged beyond repair: {reason}", file.display())]
    Damaged {
        /// The input.
        file: PathBuf,
        /// What is missing.
        reason: &'static str,
    },
    /// Reading the file failed inside the PDF parser: a bug that this file
    /// brings out, caught so that it costs only this file.
    #[error("{}: reading failed inside the PDF parser (a bug; please report it with the file)", file.display())]
    Crashed {
        /// The input.
        file: PathBuf,
    },
    /// A page number outside the document was asked for.
    #[error("{}: there is no page {page}; the document has {pages} pages", file.display())]
    NoSuchPage {
        /// The input.
        file: PathBuf,
        /// The page asked for (1-based).
        page: usize,
        /// The number of pages.
        pages: usize,
    },
}

impl Error {
    /// The input the error is about.
    pub fn file(&self) -> &std::path::Path {
        match self {
            Self::Io { file, .. }
            | Self::NotPdf { file }
            | Self::NotSupported { file }
            | Self::NeedsPassword { file }
            | Self::WrongPassword { file }
            | Self::UnsupportedEncryption { file, .. }
            | Self::Damaged { file, .. }
            | Self::Crashed { file }
            | Self::NoSuchPage { file, .. } => file,
        }
    }

    /// The class of failure, as written in a report's `error.kind`.
    pub fn kind(&self) -> ErrorKind {
        match self {
            Self::Io { .. } | Self::Damaged { .. } | Self::NoSuchPage { .. } => {
                ErrorKind::Unreadable
            }
            Self::NotPdf { .. }
            | Self::NotSupported { .. }
            | Self::UnsupportedEncryption { .. } => ErrorKind::NotSupported,
            Self::NeedsPassword { .. } | Self::WrongPassword { .. } => ErrorKind::NeedsPassword,
            Self::Crashed { .. } => ErrorKind::Crashed,
        }
    }
}

/// The class of a failure, stable in the JSON contract (`error.kind`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ErrorKind {
    /// Missing, unreadable or damaged beyond repair.
    Unreadable,
    /// Encrypted, and no (or a wrong) password was given.
    NeedsPassword,
    /// Processing took longer than the time limit.
    Timeout,
    /// Processing the file brought its worker down.
    Crashed,
    /// Not a kind of input kantlijn reads, or an unsupported encryption.
    NotSupported,
}

/// A name that is none of the names a type knows, from a `FromStr` of one
/// of the name types ([`Subtype`](crate::Subtype),
/// [`Verdict`](crate::Verdict), …).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown {what} {name:?}")]
pub struct UnknownName {
    /// What the name was to name ("subtype", "verdict").
    pub what: &'static str,
    /// The name given.
    pub name: String,
}

impl UnknownName {
    pub(crate) fn new(what: &'static str, name: &str) -> Self {
        Self {
            what,
            name: name.to_owned(),
        }
    }
}

/// `FromStr` for an enum whose serde names are its names (snake case),
/// ignoring ASCII case.
macro_rules! from_serde_name {
    ($type:ty, $what:literal) => {
        impl std::str::FromStr for $type {
            type Err = $crate::error::UnknownName;

            fn from_str(name: &str) -> Result<Self, Self::Err> {
                use serde::Deserialize as _;
                use serde::de::IntoDeserializer as _;
                let lower = name.to_ascii_lowercase();
                Self::deserialize(lower.as_str().into_deserializer()).map_err(
                    |_: serde::de::value::Error| $crate::error::UnknownName::new($what, name),
                )
            }
        }
    };
}

pub(crate) use from_serde_name;

from_serde_name!(ErrorKind, "error kind");

/// A result whose error is an [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;
