//! Large files are read without their image data (a sparse copy, see
//! `src/pdf/sparse.rs`); what comes out must be exactly what the whole file in
//! memory gives. The input is a scanned bundle from the fixture builder,
//! big enough (over 16 MiB) to take that path.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::io::Write;

use kantlijn::{Document, Options};

#[test]
fn scanned_bundle_read_sparsely_gives_the_same_report() {
    // 170 pages of 100 KB images: 17 MB, six printed summaries.
    let bytes = kantlijn_fixtures::bundle::scanned_bundle(170).unwrap();
    assert!(bytes.len() > 16 << 20, "{} bytes", bytes.len());
    let mut file = tempfile::NamedTempFile::new().unwrap();
    file.write_all(&bytes).unwrap();

    let options = Options::default();
    let sparse = Document::open_with(file.path(), &options).unwrap();
    let whole = Document::from_bytes(file.path(), bytes, &options).unwrap();
    assert!(sparse.annotations().len() > 100);
    assert!(sparse.comments().len() > 20);
    assert!(
        sparse
            .annotations()
            .iter()
            .any(|a| a.text_under.as_deref().is_some_and(|t| !t.is_empty()))
    );
    let whole = whole.into_report();
    assert!(whole.warnings.is_empty(), "{:?}", whole.warnings);
    assert_eq!(sparse.into_report(), whole);
    assert_eq!(kantlijn::extract(file.path(), &options).unwrap(), whole);
}
