//! Where the output goes: standard output, one file written whole or not at
//! all, or one file per input in a directory.

use std::ffi::{OsStr, OsString};
use std::fs::{self, File};
use std::io::{self, BufWriter, Write};
use std::path::{Component, Path, PathBuf};

/// A file that appears under its name only when complete: it is written to
/// a temporary name beside it and renamed at the end; dropped unfinished
/// (an error, Ctrl-C), the temporary file is removed.
pub(crate) struct AtomicFile {
    target: PathBuf,
    temporary: PathBuf,
    file: Option<BufWriter<File>>,
}

impl AtomicFile {
    pub(crate) fn create(target: &Path) -> io::Result<Self> {
        let name = target.file_name().ok_or_else(|| {
            io::Error::new(io::ErrorKind::InvalidInput, "the output path names no file")
        })?;
        let temporary = target.with_file_name(temporary_name(name));
        let file = File::create(&temporary)?;
        Ok(Self {
            target: target.to_owned(),
            temporary,
            file: Some(BufWriter::new(file)),
        })
    }

    /// Flushes, syncs and moves the file to its name; the temporary file
    /// is removed when that fails.
    pub(crate) fn commit(mut self) -> io::Result<()> {
        let Some(file) = self.file.take() else {
            return Ok(());
        };
        let committed = file
            .into_inner()
            .map_err(io::IntoInnerError::into_error)
            .and_then(|file| file.sync_all())
            .and_then(|()| fs::rename(&self.temporary, &self.target));
        if committed.is_err() {
            let _ = fs::remove_file(&self.temporary);
        }
        committed
    }

    fn remove(&mut self) {
        if self.file.take().is_some() {
            let _ = fs::remove_file(&self.temporary);
        }
    }
}

impl Write for AtomicFile {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        match &mut self.file {
            Some(file) => file.write(buf),
            None => Err(io::Error::other("the output file is closed")),
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        match &mut self.file {
            Some(file) => file.flush(),
            None => Ok(()),
        }
    }
}

impl Drop for AtomicFile {
    fn drop(&mut self) {
        self.remove();
    }
}

/// Whether a report file is there and records no error: its last
/// `"error"` key, the report's own (it is the report's last key, and no
/// record holds one), is `null`. Only the file's end is read.
pub(crate) fn report_without_error(path: &Path) -> bool {
    use std::io::{Read, Seek, SeekFrom};
    const TAIL: u64 = 4096;
    let Ok(mut file) = File::open(path) else {
        return false;
    };
    let Ok(len) = file.metadata().map(|meta| meta.len()) else {
        return false;
    };
    let mut tail = Vec::new();
    if file
        .seek(SeekFrom::Start(len.saturating_sub(TAIL)))
        .is_err()
        || file.read_to_end(&mut tail).is_err()
    {
        return false;
    }
    let key = b"\"error\"";
    let Some(at) = tail.windows(key.len()).rposition(|window| window == key) else {
        return false;
    };
    let value = tail
        .get(at + key.len()..)
        .unwrap_or_default()
        .iter()
        .skip_while(|b| b.is_ascii_whitespace() || **b == b':')
        .take(4)
        .copied()
        .collect::<Vec<u8>>();
    value == b"null"
}

/// The longest file name most file systems take (`NAME_MAX`), in bytes.
const MAX_NAME: usize = 255;

/// The temporary name of a file being written: `.NAME.kantlijn-PID.tmp`,
/// or for a name too long to take that much more, `.kantlijn-PID-N.tmp`
/// (N counting the files this process writes).
fn temporary_name(name: &OsStr) -> OsString {
    static COUNT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let pid = std::process::id();
    let suffix = format!(".kantlijn-{pid}.tmp");
    if 1 + name.len() + suffix.len() <= MAX_NAME {
        let mut temporary = OsString::from(".");
        temporary.push(name);
        temporary.push(suffix);
        temporary
    } else {
        let n = COUNT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        format!(".kantlijn-{pid}-{n}.tmp").into()
    }
}

/// Whether a write failed for the one file's name (too long, or not a
/// name the file system takes), not for the output as a whole.
pub(crate) fn is_name_error(error: &io::Error) -> bool {
    matches!(
        error.kind(),
        io::ErrorKind::InvalidFilename | io::ErrorKind::InvalidInput
    )
}

/// The file named by `--output`: written whole or not at all when it is a
/// regular file (or a new one); written directly when it is a device or a
/// pipe (`/dev/stdout`, `/dev/full`), which cannot be replaced by renaming.
pub(crate) enum OutputFile {
    Atomic(AtomicFile),
    Direct(BufWriter<File>),
}

impl OutputFile {
    pub(crate) fn create(target: &Path) -> io::Result<Self> {
        match fs::metadata(target) {
            Ok(meta) if !meta.is_file() && !meta.is_dir() => {
                let file = fs::OpenOptions::new().write(true).open(target)?;
                Ok(Self::Direct(BufWriter::new(file)))
            }
            _ => AtomicFile::create(target).map(Self::Atomic),
        }
    }

    /// Finishes the output: flushed, and a regular file moved to its name.
    pub(crate) fn commit(self) -> io::Result<()> {
        match self {
            Self::Atomic(file) => file.commit(),
            Self::Direct(mut file) => file.flush(),
        }
    }
}

impl Write for OutputFile {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        match self {
            Self::Atomic(file) => file.write(buf),
            Self::Direct(file) => file.write(buf),
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        match self {
            Self::Atomic(file) => file.flush(),
            Self::Direct(file) => file.flush(),
        }
    }
}

/// The report file for an input inside `dir`: the input's path with
/// `.json` added, made relative so that nothing escapes `dir`, and escaped so
/// that two inputs never share a report: a root becomes `%2F`, a `..`
/// becomes `%2E%2E`, a `%` in a name `%25`, and a folder name ending in
/// `.json` ends in `%2Ejson` (else the folder `a.pdf.json/` and the report of
/// `a.pdf` would be one path). `.` parts are dropped (they name the same
/// file). Standard input's report is `%stdin.json`.
///
/// `reports/` for `in/a/b.pdf` gives `reports/in/a/b.pdf.json`.
pub(crate) fn report_path(dir: &Path, input: &Path, stdin: bool) -> PathBuf {
    let mut parts: Vec<OsString> = Vec::new();
    if stdin {
        parts.push("%stdin".into());
    } else {
        for component in input.components() {
            parts.push(match component {
                Component::Prefix(prefix) => escape_prefix(prefix.as_os_str()),
                Component::RootDir => "%2F".into(),
                Component::CurDir => continue,
                Component::ParentDir => "%2E%2E".into(),
                Component::Normal(name) => escape(name),
            });
        }
    }
    let Some(mut name) = parts.pop() else {
        // `.` or an empty path.
        return dir.join("%2E.json");
    };
    name.push(".json");
    let mut path = dir.to_owned();
    for folder in parts {
        match folder.as_encoded_bytes().strip_suffix(b".json") {
            Some(stem) => {
                let mut folder = os_str_from_bytes(stem);
                folder.push("%2Ejson");
                path.push(folder);
            }
            None => path.push(folder),
        }
    }
    path.push(name);
    path
}

/// A name with each `%` written `%25`, so that the names `%` introduces
/// cannot clash with a real one.
fn escape(name: &OsStr) -> OsString {
    let mut escaped = OsString::new();
    for (i, piece) in name.as_encoded_bytes().split(|&b| b == b'%').enumerate() {
        if i > 0 {
            escaped.push("%25");
        }
        escaped.push(os_str_from_bytes(piece));
    }
    escaped
}

/// A drive prefix (`C:`, `\\server\share`) as one name.
fn escape_prefix(prefix: &OsStr) -> OsString {
    escape(prefix)
        .to_string_lossy()
        .replace(':', "%3A")
        .replace(['\\', '/'], "%5C")
        .into()
}

#[cfg(unix)]
fn os_str_from_bytes(bytes: &[u8]) -> OsString {
    use std::os::unix::ffi::OsStrExt;
    OsStr::from_bytes(bytes).to_owned()
}

// Elsewhere names are Unicode, and the pieces are cut at ASCII bytes.
#[cfg(not(unix))]
fn os_str_from_bytes(bytes: &[u8]) -> OsString {
    String::from_utf8_lossy(bytes).into_owned().into()
}

/// Writes one report file in the directory, atomically.
pub(crate) fn write_report_file(path: &Path, payload: &[u8]) -> io::Result<()> {
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent)?;
    }
    let mut file = AtomicFile::create(path)?;
    file.write_all(payload)?;
    file.write_all(b"\n")?;
    file.commit()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn report(input: &str) -> PathBuf {
        report_path(Path::new("out"), Path::new(input), false)
    }

    #[test]
    fn a_report_with_an_error_is_not_taken_as_done() {
        let dir = tempfile::tempdir().unwrap();
        let write = |name: &str, text: &str| {
            let path = dir.path().join(name);
            fs::write(&path, text).unwrap();
            path
        };
        let done = write("a.json", "{\"file\":\"a.pdf\",\"error\":null}\n");
        let pretty = write(
            "b.json",
            "{\n  \"file\": \"b.pdf\",\n  \"error\": null\n}\n",
        );
        let failed = write(
            "c.json",
            "{\"file\":\"c.pdf\",\"error\":{\"kind\":\"timeout\",\"message\":\"c.pdf: \\\"error\\\": null\"}}\n",
        );
        let cut = write("d.json", "{\"file\":\"d.pdf\",\"annotations\":[");
        assert!(report_without_error(&done));
        assert!(report_without_error(&pretty));
        assert!(!report_without_error(&failed));
        assert!(!report_without_error(&cut));
        assert!(!report_without_error(&dir.path().join("e.json")));
    }

    #[test]
    fn a_long_name_gets_a_short_temporary_name() {
        let short = temporary_name(OsStr::new("a.pdf.json"));
        assert!(short.to_string_lossy().starts_with(".a.pdf.json.kantlijn-"));
        let long = "m".repeat(240) + ".json";
        let temporary = temporary_name(OsStr::new(&long));
        assert!(temporary.len() <= MAX_NAME, "{temporary:?}");
        assert!(temporary.to_string_lossy().starts_with(".kantlijn-"));
        assert_ne!(temporary, temporary_name(OsStr::new(&long)), "each its own");
    }

    #[test]
    fn relative_input_mirrors_under_dir() {
        assert_eq!(report("in/a/b.pdf"), PathBuf::from("out/in/a/b.pdf.json"));
        assert_eq!(report("./in/./b.pdf"), PathBuf::from("out/in/b.pdf.json"));
    }

    #[test]
    fn nothing_escapes_and_nothing_collides() {
        let inputs = [
            "../../etc/passwd",
            "etc/passwd",
            "/abs/x.pdf",
            "abs/x.pdf",
            "a/../../b.pdf",
            "a/b.pdf",
            "%2E%2E/x.pdf",
            "../x.pdf",
            "a.pdf",
            "a.pdf.json/y.pdf",
            "..",
            ".",
        ];
        let reports: Vec<PathBuf> = inputs.iter().map(|i| report(i)).collect();
        for (input, path) in inputs.iter().zip(&reports) {
            assert!(
                path.components().all(|c| matches!(c, Component::Normal(_))),
                "{input} gives {path:?}"
            );
            assert!(path.starts_with("out"), "{input} gives {path:?}");
        }
        let distinct: std::collections::HashSet<&PathBuf> = reports.iter().collect();
        assert_eq!(distinct.len(), inputs.len(), "{reports:?}");
        assert_eq!(
            report("../../etc/passwd"),
            PathBuf::from("out/%2E%2E/%2E%2E/etc/passwd.json")
        );
        assert_eq!(
            report("/abs/x.pdf"),
            PathBuf::from("out/%2F/abs/x.pdf.json")
        );
        assert_eq!(
            report("a.pdf.json/y.pdf"),
            PathBuf::from("out/a.pdf%2Ejson/y.pdf.json")
        );
    }

    #[test]
    fn standard_input_has_its_own_name() {
        assert_eq!(
            report_path(Path::new("out"), Path::new("/tmp/x"), true),
            PathBuf::from("out/%stdin.json")
        );
        assert_eq!(report("-"), PathBuf::from("out/-.json"));
    }

    #[cfg(unix)]
    #[test]
    fn names_that_are_not_utf8_are_kept() {
        use std::os::unix::ffi::OsStrExt;
        let input = Path::new(OsStr::from_bytes(b"a%\xE9/b.pdf"));
        let path = report_path(Path::new("out"), input, false);
        assert_eq!(path.as_os_str().as_bytes(), b"out/a%25\xE9/b.pdf.json");
    }
}
