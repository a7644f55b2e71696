//! Where the output goes: standard output, one file written whole or not at
//! all, or one file per input in a directory.

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
        let mut temporary_name = std::ffi::OsString::from(".");
        temporary_name.push(name);
        temporary_name.push(format!(".kantlijn-{}.tmp", std::process::id()));
        let temporary = target.with_file_name(temporary_name);
        let file = File::create(&temporary)?;
        Ok(Self {
            target: target.to_owned(),
            temporary,
            file: Some(BufWriter::new(file)),
        })
    }

    /// Flushes, syncs and moves the file to its name.
    pub(crate) fn commit(mut self) -> io::Result<()> {
        if let Some(file) = self.file.take() {
            let file = file.into_inner().map_err(io::IntoInnerError::into_error)?;
            file.sync_all()?;
            fs::rename(&self.temporary, &self.target)?;
        }
        Ok(())
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

/// The report file for an input inside `dir`: the input's path made
/// relative (root, drive and `..` parts dropped, so nothing escapes `dir`),
/// with `.json` added. `reports/` for `in/a/b.pdf` gives `reports/in/a/b.pdf.json`.
pub(crate) fn report_path(dir: &Path, input: &Path) -> PathBuf {
    let mut relative = PathBuf::new();
    for component in input.components() {
        if let Component::Normal(part) = component {
            relative.push(part);
        }
    }
    if relative.as_os_str().is_empty() {
        relative.push("input");
    }
    let mut name = relative
        .file_name()
        .map(std::ffi::OsStr::to_owned)
        .unwrap_or_default();
    name.push(".json");
    relative.set_file_name(name);
    dir.join(relative)
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

    #[test]
    fn relative_input_mirrors_under_dir() {
        assert_eq!(
            report_path(Path::new("out"), Path::new("in/a/b.pdf")),
            PathBuf::from("out/in/a/b.pdf.json")
        );
    }

    #[test]
    fn parent_dirs_cannot_escape() {
        assert_eq!(
            report_path(Path::new("out"), Path::new("../../etc/passwd")),
            PathBuf::from("out/etc/passwd.json")
        );
        assert_eq!(
            report_path(Path::new("out"), Path::new("/abs/x.pdf")),
            PathBuf::from("out/abs/x.pdf.json")
        );
        assert_eq!(
            report_path(Path::new("out"), Path::new("a/../../b.pdf")),
            PathBuf::from("out/a/b.pdf.json")
        );
    }

    #[test]
    fn nothing_left_is_named_input() {
        assert_eq!(
            report_path(Path::new("out"), Path::new("..")),
            PathBuf::from("out/input.json")
        );
    }
}
