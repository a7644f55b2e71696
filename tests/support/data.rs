//! The data kept outside the repository: the seed documents
//! (`KANTLIJN_SHARED`, the directory holding `seeds/`) and the corpus of
//! real PDFs with reference output (`KANTLIJN_CORPUS`, the directory holding
//! `files.tsv` and `expected/`).
//!
//! The tests that read them are `#[ignore]`d, so a plain `cargo test` on a
//! fresh clone lists them as ignored instead of passing them unseen. Run
//! them with the variable set and `-- --include-ignored`; asked for without
//! the variable, or with it naming a directory that lacks the data, they
//! fail and say why.

use std::path::{Path, PathBuf};

/// Seed 000: seven SZW notas in one bundle, with printed comment summaries.
pub(crate) const SEED_000: &str = "000_21c0650d9c2a28dd.txt";
/// Seed 001: one OCR'd nota with a stamp.
pub(crate) const SEED_001: &str = "001_407977911803cf9d.txt";

/// The directory an environment variable names.
fn directory(variable: &str, holds: &str) -> PathBuf {
    match std::env::var_os(variable) {
        Some(dir) => PathBuf::from(dir),
        None => panic!("set {variable} to the directory that holds {holds} to run this test"),
    }
}

/// The path of a seed document.
pub(crate) fn seed_path(name: &str) -> PathBuf {
    directory("KANTLIJN_SHARED", "seeds/")
        .join("seeds")
        .join(name)
}

/// The text of a seed document.
pub(crate) fn seed(name: &str) -> String {
    let path = seed_path(name);
    std::fs::read_to_string(&path)
        .unwrap_or_else(|error| panic!("cannot read the seed {}: {error}", path.display()))
}

/// The corpus of real PDFs and their reference output.
pub(crate) struct Corpus {
    root: PathBuf,
}

impl Corpus {
    /// The corpus `KANTLIJN_CORPUS` names.
    pub(crate) fn from_env() -> Self {
        Self {
            root: directory("KANTLIJN_CORPUS", "files.tsv and expected/"),
        }
    }

    /// The corpus directory.
    pub(crate) fn root(&self) -> &Path {
        &self.root
    }

    /// The reference output directory.
    pub(crate) fn expected(&self) -> PathBuf {
        self.root.join("expected")
    }

    /// The PDFs `files.tsv` lists, relative to the corpus; never empty.
    pub(crate) fn files(&self) -> Vec<String> {
        let path = self.root.join("files.tsv");
        let list = std::fs::read_to_string(&path)
            .unwrap_or_else(|error| panic!("cannot read {}: {error}", path.display()));
        let files: Vec<String> = list
            .lines()
            .skip(1)
            .filter_map(|line| line.split('\t').next())
            .map(str::to_owned)
            .collect();
        assert!(!files.is_empty(), "no files listed in {}", path.display());
        files
    }

    /// The reference files `expected/<source>/*.json` (PyMuPDF's
    /// `<file>.json` and pdfannots' `<file>.pdfannots.json`), sorted; never
    /// empty.
    pub(crate) fn reference_files(&self) -> Vec<PathBuf> {
        let expected = self.expected();
        let listing = |dir: &Path| -> Vec<PathBuf> {
            std::fs::read_dir(dir)
                .unwrap_or_else(|error| panic!("cannot list {}: {error}", dir.display()))
                .map(|entry| entry.unwrap().path())
                .collect()
        };
        let mut files: Vec<PathBuf> = listing(&expected)
            .into_iter()
            .filter(|source| source.is_dir())
            .flat_map(|source| listing(&source))
            .filter(|file| file.extension().is_some_and(|e| e == "json"))
            .collect();
        files.sort();
        assert!(
            !files.is_empty(),
            "no reference files under {}",
            expected.display()
        );
        files
    }
}
