//! The inputs of a run: named files, folders walked recursively, lists of
//! paths.

use std::collections::HashSet;
use std::fs::File;
use std::io::{self, BufRead};
use std::path::{Path, PathBuf};

/// The inputs found.
#[derive(Debug, Default)]
pub(crate) struct Inputs {
    /// Each file, and whether it was found inside a folder (then a file
    /// that is neither PDF nor text is skipped with a note rather than
    /// reported as an error; the workers tell, reading its first bytes).
    pub(crate) files: Vec<(PathBuf, bool)>,
    /// Folders or list files that could not be read.
    pub(crate) unreadable: Vec<(PathBuf, io::Error)>,
}

/// Collects the inputs. A file named explicitly is always an input (a file
/// that is not a PDF gets an error record); inside folders, files are taken
/// in name order, and only PDFs and text files are read.
pub(crate) fn collect(paths: &[PathBuf], files_from: Option<&Path>) -> Inputs {
    let mut inputs = Inputs::default();
    let mut listed: Vec<PathBuf> = Vec::new();
    for path in paths {
        if path.as_os_str() == "-" {
            read_list(io::stdin().lock(), &mut listed);
        } else {
            listed.push(path.clone());
        }
    }
    if let Some(list) = files_from {
        if list.as_os_str() == "-" {
            read_list(io::stdin().lock(), &mut listed);
        } else {
            match File::open(list) {
                Ok(file) => read_list(io::BufReader::new(file), &mut listed),
                Err(error) => inputs.unreadable.push((list.to_owned(), error)),
            }
        }
    }
    let mut seen_dirs = HashSet::new();
    for path in listed {
        if path.is_dir() {
            walk(&path, &mut seen_dirs, &mut inputs);
        } else {
            inputs.files.push((path, false));
        }
    }
    inputs
}

fn read_list(reader: impl BufRead, out: &mut Vec<PathBuf>) {
    for line in reader.lines().map_while(Result::ok) {
        let line = line.trim_end_matches('\r');
        if !line.trim().is_empty() {
            out.push(PathBuf::from(line));
        }
    }
}

fn walk(dir: &Path, seen: &mut HashSet<PathBuf>, inputs: &mut Inputs) {
    // A symlink loop or a folder named twice is walked once.
    let key = dir.canonicalize().unwrap_or_else(|_| dir.to_owned());
    if !seen.insert(key) {
        return;
    }
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(error) => {
            inputs.unreadable.push((dir.to_owned(), error));
            return;
        }
    };
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for path in paths {
        if path.is_dir() {
            walk(&path, seen, inputs);
        } else {
            inputs.files.push((path, true));
        }
    }
}
