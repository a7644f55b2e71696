//! Reading a document a caller already holds as a `lopdf::Document`
//! (feature `lopdf`).

use std::path::PathBuf;

use crate::document::Document;
use crate::error::{Error, Result};
use crate::options::Options;

impl Document {
    /// Reads a document already loaded with lopdf. `name` stands for the file
    /// in messages and in the report.
    ///
    /// The document is serialised (as lopdf would save it) and read back, so
    /// every reading rule of kantlijn applies unchanged; the cost is one
    /// save into memory. A document lopdf decrypted is saved encrypted again
    /// with the same security handler: pass its user password in
    /// [`Options::password`] unless it is empty.
    pub fn from_lopdf(
        name: impl Into<PathBuf>,
        document: &lopdf::Document,
        options: &Options,
    ) -> Result<Self> {
        let name = name.into();
        let mut copy = document.clone();
        let mut bytes = Vec::new();
        copy.save_to(&mut bytes).map_err(|_| Error::Damaged {
            file: name.clone(),
            reason: "lopdf could not serialise the document",
        })?;
        Self::from_bytes(name, bytes, options)
    }
}
