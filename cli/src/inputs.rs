//! The inputs of a run: named files, folders walked recursively, lists of
//! paths, and standard input (a PDF, or a list of paths).
//!
//! Paths are bytes: a name that is not UTF-8 (archives from older Windows
//! systems hold Latin-1 names) is a path like any other, in a list as on
//! the command line.

use std::collections::HashSet;
use std::fs::File;
use std::io::{self, BufRead, Read, Write};
use std::path::{Path, PathBuf};

use crate::args::Args;

/// One input to read.
#[derive(Debug)]
pub(crate) struct Input {
    pub(crate) path: PathBuf,
    /// The named folder it was found in (an index into
    /// [`Inputs::folders`]): a file there that is not a PDF (nor, with
    /// `--text-inputs`, a text file) is passed over rather than reported as
    /// an error. The workers tell, reading its first bytes.
    pub(crate) folder: Option<usize>,
    /// The PDF read from standard input (`path` is its copy on disk).
    pub(crate) stdin: bool,
}

/// The inputs found.
#[derive(Debug, Default)]
pub(crate) struct Inputs {
    pub(crate) files: Vec<Input>,
    /// The folders named (on the command line or in a list), in order.
    pub(crate) folders: Vec<PathBuf>,
    /// For each folder, whether it holds one walked before (named before
    /// it): that one's files were taken there, and may be all it has.
    pub(crate) overlaps: Vec<bool>,
    /// Standard input that could not be read.
    pub(crate) unreadable: Vec<(PathBuf, io::Error)>,
    /// Whether a list of paths was read (an empty list is no error).
    pub(crate) listed: bool,
    /// A list of paths that could not be read, or not to its end: which
    /// inputs it held is not known, so the run cannot be one record per
    /// input.
    pub(crate) broken_list: Option<(PathBuf, io::Error)>,
    /// A PDF read from standard input, copied to a temporary file for the
    /// workers; removed when dropped.
    pub(crate) stdin_copy: Option<tempfile::NamedTempFile>,
}

/// Collects the inputs. A file named explicitly is always an input (a file
/// that is neither PDF nor text gets an error record); inside folders, files
/// are taken in name order.
pub(crate) fn collect(args: &Args) -> Inputs {
    let separator = if args.null { b'\0' } else { b'\n' };
    let mut inputs = Inputs::default();
    let mut named: Vec<(PathBuf, bool)> = Vec::new();
    for path in &args.paths {
        if path.as_os_str() != "-" {
            named.push((path.clone(), false));
            continue;
        }
        match read_stdin(args.stdin_pdf, args.null) {
            Ok(Stdin::Pdf(copy)) => {
                named.push((copy.path().to_owned(), true));
                inputs.stdin_copy = Some(copy);
            }
            Ok(Stdin::List(head)) => {
                inputs.listed = true;
                let reader = io::Cursor::new(head).chain(io::stdin().lock());
                if let Err(error) = read_list(io::BufReader::new(reader), separator, &mut named) {
                    inputs.broken_list = Some((path.clone(), error));
                }
            }
            Err(error) if error.kind() == io::ErrorKind::InvalidData => {
                inputs.broken_list = Some((path.clone(), error));
            }
            Err(error) => inputs.unreadable.push((path.clone(), error)),
        }
    }
    if let Some(list) = &args.files_from {
        inputs.listed = true;
        let read = if list.as_os_str() == "-" {
            read_list(io::stdin().lock(), separator, &mut named)
        } else {
            File::open(list)
                .and_then(|file| read_list(io::BufReader::new(file), separator, &mut named))
        };
        if let Err(error) = read {
            inputs.broken_list = Some((list.clone(), error));
        }
    }
    let mut seen_dirs = HashSet::new();
    for (path, stdin) in named {
        if !stdin && path.is_dir() {
            // A folder named again, or inside one named before: its files
            // are read once, with that folder's.
            let key = path.canonicalize().unwrap_or_else(|_| path.clone());
            if !seen_dirs.insert(key) {
                continue;
            }
            let folder = inputs.folders.len();
            inputs.folders.push(path.clone());
            inputs.overlaps.push(false);
            walk_entries(&path, folder, &mut seen_dirs, &mut inputs);
        } else {
            inputs.files.push(Input {
                path,
                folder: None,
                stdin,
            });
        }
    }
    inputs
}

/// What standard input holds.
enum Stdin {
    /// A PDF, copied to a temporary file.
    Pdf(tempfile::NamedTempFile),
    /// Anything else: a list of paths, of which these are the first bytes.
    List(Vec<u8>),
}

/// Looks at the first bytes of standard input: a PDF (or anything, when
/// `force_pdf`) is copied whole to a temporary file; text is a list (with
/// `null`, anything is). Binary data that is no PDF (a compressed file, a
/// picture) is neither: an `InvalidData` error.
fn read_stdin(force_pdf: bool, null: bool) -> io::Result<Stdin> {
    let mut stdin = io::stdin().lock();
    let mut head = Vec::new();
    (&mut stdin)
        .take(kantlijn::SNIFF_LEN as u64)
        .read_to_end(&mut head)?;
    let kind = kantlijn::sniff(&head);
    if !force_pdf && kind != kantlijn::InputKind::Pdf {
        if kind == kantlijn::InputKind::Other && !null && !head.is_empty() {
            return Err(io::Error::new(
                io::ErrorKind::InvalidData,
                "neither a PDF nor a list of paths (-0 reads a list separated by NUL bytes, --stdin-pdf a PDF)",
            ));
        }
        return Ok(Stdin::List(head));
    }
    let mut copy = tempfile::Builder::new()
        .prefix("kantlijn-stdin-")
        .suffix(".pdf")
        .tempfile()?;
    copy.write_all(&head)?;
    io::copy(&mut stdin, &mut copy)?;
    copy.flush()?;
    Ok(Stdin::Pdf(copy))
}

/// Reads a list of paths as bytes, one per line (a `\r` before the `\n`
/// dropped, blank lines skipped) or, with `separator` NUL, one per NUL-ended
/// entry, taken as they are. A name that is not UTF-8 is kept as it is; a
/// read error ends the list, and is returned.
fn read_list(
    mut reader: impl BufRead,
    separator: u8,
    out: &mut Vec<(PathBuf, bool)>,
) -> io::Result<()> {
    let mut entry = Vec::new();
    let mut first = true;
    loop {
        entry.clear();
        match reader.read_until(separator, &mut entry) {
            Ok(0) => return Ok(()),
            Ok(_) => {}
            Err(error) if error.kind() == io::ErrorKind::Interrupted => continue,
            Err(error) => return Err(error),
        }
        if entry.last() == Some(&separator) {
            entry.pop();
        }
        let first_entry = std::mem::replace(&mut first, false);
        if separator == b'\n' {
            // A list saved by a Windows editor may open with a byte-order
            // mark, which is no part of the first name.
            if first_entry && entry.starts_with(BOM) {
                entry.drain(..BOM.len());
            }
            if entry.last() == Some(&b'\r') {
                entry.pop();
            }
            if entry.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
        } else if entry.is_empty() {
            continue;
        }
        out.push((path_from_bytes(std::mem::take(&mut entry)), false));
    }
}

/// The UTF-8 byte-order mark.
const BOM: &[u8] = b"\xEF\xBB\xBF";

#[cfg(unix)]
fn path_from_bytes(bytes: Vec<u8>) -> PathBuf {
    use std::os::unix::ffi::OsStringExt;
    PathBuf::from(std::ffi::OsString::from_vec(bytes))
}

// Elsewhere paths are Unicode (Windows) or nearly so: UTF-8 it is.
#[cfg(not(unix))]
fn path_from_bytes(bytes: Vec<u8>) -> PathBuf {
    PathBuf::from(String::from_utf8_lossy(&bytes).into_owned())
}

fn walk(dir: &Path, folder: usize, seen: &mut HashSet<PathBuf>, inputs: &mut Inputs) {
    // A symlink loop or a folder named twice is walked once.
    let key = dir.canonicalize().unwrap_or_else(|_| dir.to_owned());
    if !seen.insert(key) {
        if let Some(overlaps) = inputs.overlaps.get_mut(folder) {
            *overlaps = true;
        }
        return;
    }
    walk_entries(dir, folder, seen, inputs);
}

/// The files of a folder already marked seen, and those of its subfolders.
fn walk_entries(dir: &Path, folder: usize, seen: &mut HashSet<PathBuf>, inputs: &mut Inputs) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        // A folder that cannot be listed is an input of its own: its
        // record tells why its files are missing.
        inputs.files.push(Input {
            path: dir.to_owned(),
            folder: Some(folder),
            stdin: false,
        });
        return;
    };
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for path in paths {
        if path.is_dir() {
            walk(&path, folder, seen, inputs);
        } else {
            inputs.files.push(Input {
                path,
                folder: Some(folder),
                stdin: false,
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn list(bytes: &[u8], separator: u8) -> Vec<PathBuf> {
        let mut out = Vec::new();
        read_list(bytes, separator, &mut out).unwrap();
        out.into_iter().map(|(path, _)| path).collect()
    }

    #[test]
    fn lines_with_crlf_and_blanks() {
        assert_eq!(
            list(b"a.pdf\r\n\n  \nb c.pdf\nlast.pdf", b'\n'),
            [
                PathBuf::from("a.pdf"),
                PathBuf::from("b c.pdf"),
                PathBuf::from("last.pdf")
            ]
        );
    }

    #[test]
    fn a_byte_order_mark_is_no_part_of_the_first_name() {
        assert_eq!(
            list(b"\xEF\xBB\xBFa.pdf\r\nb.pdf\r\n", b'\n'),
            [PathBuf::from("a.pdf"), PathBuf::from("b.pdf")]
        );
    }

    #[test]
    fn nul_separated_names_keep_line_ends() {
        assert_eq!(
            list(b"a\nb.pdf\0\0c.pdf\0", b'\0'),
            [PathBuf::from("a\nb.pdf"), PathBuf::from("c.pdf")]
        );
    }

    #[cfg(unix)]
    #[test]
    fn a_name_that_is_not_utf8_keeps_the_rest() {
        use std::os::unix::ffi::OsStrExt;
        let paths = list(b"a.pdf\nnota_\xE9.pdf\nc.pdf\n", b'\n');
        assert_eq!(paths.len(), 3);
        assert_eq!(paths[1].as_os_str().as_bytes(), b"nota_\xE9.pdf");
        assert_eq!(paths[2], PathBuf::from("c.pdf"));
    }
}
