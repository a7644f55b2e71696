//! Worker mode: read jobs from standard input, answer each with a header
//! line and the rendered output of one report.
//!
//! A job is one JSON line, `{"index": 7, "path": "…"}`. The answer is one
//! JSON line of [`Header`] followed by the output in the format the
//! coordinator asked for, in chunks as it is rendered (see [`Chunks`]), so
//! a report is rendered once and never held whole in the worker. The
//! worker reads the files one at a time; the coordinator runs several
//! workers and stops one that takes too long or dies, so nothing in one
//! file can take a batch down.

use std::io::{self, BufRead, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use kantlijn::output::Format;
use kantlijn::{ErrorKind, InputKind, Report};
use serde::{Deserialize, Serialize};

use crate::args::Args;
use crate::render::Renderer;

/// The environment variable that carries the password to workers (not the
/// command line, which other users can see).
pub(crate) const PASSWORD_ENV: &str = "KANTLIJN_WORKER_PASSWORD";

/// A test switch: `hang:TEXT` or `crash:TEXT` makes a worker hang on, or
/// abort at, an input whose path contains TEXT. Compiled in only with the
/// `fault-injection` feature, which the tests of worker isolation enable.
#[cfg(feature = "fault-injection")]
pub(crate) const FAULT_ENV: &str = "KANTLIJN_TEST_FAULT";

/// One input to read.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub(crate) struct Job {
    pub(crate) index: usize,
    #[serde(with = "path_bytes")]
    pub(crate) path: PathBuf,
    /// Found inside a folder: skip it, rather than report an error, when it
    /// is not a kind of input a folder gives (a PDF; with `--text-inputs`,
    /// also a text file).
    #[serde(default)]
    pub(crate) from_folder: bool,
    /// The PDF read from standard input: `path` is its copy, and its
    /// report names it `-`.
    #[serde(default)]
    pub(crate) stdin: bool,
}

impl Job {
    /// The name its report and messages give the input.
    pub(crate) fn name(&self) -> &Path {
        if self.stdin {
            Path::new("-")
        } else {
            &self.path
        }
    }
}

/// What a worker says about one report before sending its output.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub(crate) struct Header {
    pub(crate) index: usize,
    pub(crate) pages: usize,
    pub(crate) annotations: usize,
    pub(crate) comments: usize,
    pub(crate) decisions: usize,
    pub(crate) error: Option<ErrorKind>,
    /// The error's message (naming the input), said on standard error.
    #[serde(default)]
    pub(crate) message: Option<String>,
    /// The input was skipped (a folder's file that is neither PDF nor text);
    /// no output follows.
    #[serde(default)]
    pub(crate) skipped: bool,
}

impl Header {
    pub(crate) fn of(index: usize, report: &Report) -> Self {
        Self {
            index,
            pages: report.pages.unwrap_or(0),
            annotations: report.annotations.len(),
            comments: report.comments.len(),
            decisions: report.decisions.len(),
            error: report.error.as_ref().map(|e| e.kind),
            message: report.error.as_ref().map(|e| e.message.clone()),
            skipped: false,
        }
    }
}

pub(crate) fn run(args: &Args, format: Format) -> ExitCode {
    let mut options = args.options();
    options.password = std::env::var(PASSWORD_ENV).ok();
    let filter = args.filter();
    let renderer = Renderer::new(format, !args.compact);
    #[cfg(feature = "fault-injection")]
    let fault = std::env::var(FAULT_ENV).ok();
    exit_when_orphaned();
    let stdin = io::stdin().lock();
    let mut stdout = io::stdout().lock();
    for line in stdin.lines() {
        let Ok(line) = line else { break };
        let Ok(job) = serde_json::from_str::<Job>(&line) else {
            eprintln!("kantlijn worker: unreadable job {line:?}");
            return ExitCode::from(2);
        };
        #[cfg(feature = "fault-injection")]
        inject_fault(fault.as_deref(), &job);
        // A pipe or a device gives its bytes once: read here, not opened
        // again to be read. One found in a folder is no file to read.
        let streamed = !job.stdin && is_stream(&job.path);
        let bytes = (streamed && !job.from_folder).then(|| read_stream(&job.path));
        let kind = match &bytes {
            _ if job.stdin => Some(InputKind::Pdf),
            Some(Ok(bytes)) => Some(kantlijn::sniff(bytes)),
            Some(Err(_)) => None,
            None => (!streamed)
                .then(|| kantlijn::sniff_file(&job.path))
                .flatten(),
        };
        let passed_over =
            job.from_folder && (streamed || !wanted(&job.path, kind, args.text_inputs));
        let (header, payload) = if passed_over {
            let header = Header {
                index: job.index,
                skipped: true,
                ..Header::default()
            };
            (header, Vec::new())
        } else if args.page_text {
            page_text(&job, bytes, &options)
        } else {
            let mut report = read(&job, kind, bytes, &options);
            filter.apply(&mut report);
            let header = Header::of(job.index, &report);
            let sent = send_with(&mut stdout, &header, |out| renderer.write(out, &report));
            if sent.is_err() {
                return ExitCode::SUCCESS;
            }
            continue;
        };
        if send(&mut stdout, &header, &payload).is_err() {
            // The coordinator is gone; nothing left to do.
            return ExitCode::SUCCESS;
        }
    }
    ExitCode::SUCCESS
}

/// An error as the command line says it: the library's message, with the
/// option that helps where there is one. The Python package writes the same
/// words, so that a record reads the same from either; `--help` names the
/// other ways to give a password.
fn said(error: &kantlijn::Error) -> String {
    match error {
        kantlijn::Error::NeedsPassword { .. } => format!("{error} (--password)"),
        _ => error.to_string(),
    }
}

/// The most bytes read from a pipe or a device named as an input: it is
/// held in memory whole, and a device such as /dev/zero never ends.
const MAX_STREAM: u64 = 512 * 1024 * 1024;

/// Whether a path names neither a regular file nor a folder: a pipe
/// (`<(…)`, a named FIFO), a device or a socket.
fn is_stream(path: &Path) -> bool {
    std::fs::metadata(path).is_ok_and(|meta| !meta.is_file() && !meta.is_dir())
}

/// The bytes of a pipe or device, read once.
fn read_stream(path: &Path) -> io::Result<Vec<u8>> {
    use std::io::Read;
    let mut bytes = Vec::new();
    std::fs::File::open(path)?
        .take(MAX_STREAM + 1)
        .read_to_end(&mut bytes)?;
    if bytes.len() as u64 > MAX_STREAM {
        return Err(io::Error::other(
            "a pipe or device of over 512 MiB: save it to a file and name that",
        ));
    }
    Ok(bytes)
}

/// The input's bytes as read from a pipe or device, as the library reads
/// them; `None` for an input read from its path.
fn streamed_input(
    job: &Job,
    bytes: Option<io::Result<Vec<u8>>>,
) -> Option<kantlijn::Result<Vec<u8>>> {
    bytes.map(|read| {
        read.map_err(|source| kantlijn::Error::Io {
            file: job.name().to_owned(),
            source,
        })
    })
}

/// The report of one input (`bytes`: those of a pipe or device, read
/// already). A panic inside kantlijn costs this input only.
fn read(
    job: &Job,
    kind: Option<InputKind>,
    bytes: Option<io::Result<Vec<u8>>>,
    options: &kantlijn::Options,
) -> Report {
    // A folder is a job only when it could not be listed: its files are
    // not known, and its record says so.
    if !job.stdin && job.path.is_dir() {
        let why = std::fs::read_dir(&job.path).err().map_or_else(
            || "it could not be listed before".to_owned(),
            |e| e.to_string(),
        );
        let name = job.name();
        let mut report = Report::failed_with(
            name.display().to_string(),
            ErrorKind::Unreadable,
            format!("{}: cannot list the folder: {why}", name.display()),
        );
        report.set_file(name);
        return report;
    }
    let streamed = streamed_input(job, bytes);
    // The closure owns what it reads; nothing is left half-changed by a
    // panic in it.
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| match streamed {
        Some(bytes) => bytes.and_then(|bytes| kantlijn::extract_bytes(job.name(), bytes, options)),
        None if job.stdin => open_stdin_copy(job, options).map(kantlijn::Document::into_report),
        None => kantlijn::extract(&job.path, options),
    }));
    let name = job.name();
    let mut report = match result {
        Ok(Ok(report)) => return report,
        Ok(Err(error)) => {
            let mut report =
                Report::failed_with(name.display().to_string(), error.kind(), said(&error));
            report.input_kind = kantlijn::failed_input_kind(&error, kind);
            report
        }
        Err(_) => {
            let mut report = Report::failed_with(
                name.display().to_string(),
                ErrorKind::Crashed,
                format!(
                    "{}: reading the file failed inside kantlijn (a bug; please report it)",
                    name.display()
                ),
            );
            report.input_kind = kind.filter(|kind| kind.is_read());
            report
        }
    };
    report.set_file(name);
    report
}

/// The PDF read from standard input, named `-`.
fn open_stdin_copy(job: &Job, options: &kantlijn::Options) -> kantlijn::Result<kantlijn::Document> {
    match std::fs::read(&job.path) {
        Ok(bytes) => kantlijn::Document::from_bytes("-", bytes, options),
        Err(source) => Err(kantlijn::Error::Io {
            file: PathBuf::from("-"),
            source,
        }),
    }
}

/// The text of every page of one file, pages separated by form feeds; a
/// file that cannot be read is said on standard error, and its header
/// carries the kind of error.
fn page_text(
    job: &Job,
    bytes: Option<io::Result<Vec<u8>>>,
    options: &kantlijn::Options,
) -> (Header, Vec<u8>) {
    let mut header = Header {
        index: job.index,
        ..Header::default()
    };
    let opened = match streamed_input(job, bytes) {
        Some(bytes) => {
            bytes.and_then(|bytes| kantlijn::Document::from_bytes(job.name(), bytes, options))
        }
        None if job.stdin => open_stdin_copy(job, options),
        None => kantlijn::Document::open_with(&job.path, options),
    };
    let document = match opened {
        Ok(document) => document,
        Err(error) => {
            eprintln!("kantlijn: {}", said(&error));
            header.error = Some(error.kind());
            return (header, Vec::new());
        }
    };
    let mut payload = Vec::new();
    for text in document.page_texts() {
        for warning in &text.warnings {
            eprintln!(
                "kantlijn: {}: page {}: {}",
                job.name().display(),
                text.page,
                warning.message
            );
        }
        payload.extend_from_slice(text.plain_text().as_bytes());
        payload.push(0x0C);
    }
    header.pages = document.page_count();
    (header, payload)
}

fn send(out: &mut impl Write, header: &Header, payload: &[u8]) -> io::Result<()> {
    send_with(out, header, |chunks| chunks.write_all(payload))
}

/// Writes the header line, then the payload that `write` writes, in chunks.
fn send_with(
    out: &mut impl Write,
    header: &Header,
    write: impl FnOnce(&mut Chunks<&mut dyn Write>) -> io::Result<()>,
) -> io::Result<()> {
    serde_json::to_writer(&mut *out, header)?;
    out.write_all(b"\n")?;
    let mut chunks = Chunks::new(out as &mut dyn Write);
    write(&mut chunks)?;
    chunks.finish()
}

/// The most bytes in one chunk of a payload.
const CHUNK: usize = 64 * 1024;

/// The payload of an answer as the worker writes it: chunks of at most
/// [`CHUNK`] bytes, each a little-endian `u32` length and its
/// bytes, ended by an empty chunk.
struct Chunks<W: Write> {
    out: W,
    buffer: Vec<u8>,
}

impl<W: Write> Chunks<W> {
    fn new(out: W) -> Self {
        Self {
            out,
            buffer: Vec::with_capacity(CHUNK),
        }
    }

    /// Writes what is buffered as one chunk.
    fn write_chunk(&mut self) -> io::Result<()> {
        if self.buffer.is_empty() {
            return Ok(());
        }
        let len = u32::try_from(self.buffer.len()).map_err(io::Error::other)?;
        self.out.write_all(&len.to_le_bytes())?;
        self.out.write_all(&self.buffer)?;
        self.buffer.clear();
        Ok(())
    }

    /// Writes the last chunk and the empty one that ends the payload.
    fn finish(mut self) -> io::Result<()> {
        self.write_chunk()?;
        self.out.write_all(&0_u32.to_le_bytes())?;
        self.out.flush()
    }
}

impl<W: Write> Write for Chunks<W> {
    fn write(&mut self, data: &[u8]) -> io::Result<usize> {
        let room = CHUNK.saturating_sub(self.buffer.len());
        let taken = data.get(..room.min(data.len())).unwrap_or_default();
        self.buffer.extend_from_slice(taken);
        if self.buffer.len() >= CHUNK {
            self.write_chunk()?;
        }
        Ok(taken.len())
    }

    /// Serialisers write a report a few bytes at a time: those that fit
    /// are copied in place, without the default `write_all`'s loop (which
    /// cost as much as the serialising itself).
    #[inline]
    fn write_all(&mut self, mut data: &[u8]) -> io::Result<()> {
        if data.len() < CHUNK.saturating_sub(self.buffer.len()) {
            self.buffer.extend_from_slice(data);
            return Ok(());
        }
        while !data.is_empty() {
            let taken = self.write(data)?;
            data = data.get(taken..).unwrap_or_default();
        }
        Ok(())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// Reads a payload written by [`Chunks`]; `None` when the stream ends or
/// breaks before the empty chunk.
pub(crate) fn read_chunks(input: &mut impl io::Read) -> Option<Vec<u8>> {
    let mut payload = Vec::new();
    loop {
        let mut len = [0; 4];
        input.read_exact(&mut len).ok()?;
        let len = usize::try_from(u32::from_le_bytes(len)).ok()?;
        if len == 0 {
            return Some(payload);
        }
        if len > CHUNK {
            return None;
        }
        let start = payload.len();
        payload.resize(start + len, 0);
        input.read_exact(payload.get_mut(start..)?).ok()?;
    }
}

/// Whether a folder gives a file of this kind: PDFs, text files with
/// `--text-inputs`, and files it cannot read (which get an error record).
fn wanted(path: &Path, kind: Option<InputKind>, text_inputs: bool) -> bool {
    // A file named .pdf is always read: one that holds no PDF is reported,
    // not passed over.
    if path
        .extension()
        .is_some_and(|extension| extension.eq_ignore_ascii_case("pdf"))
    {
        return true;
    }
    match kind {
        None | Some(InputKind::Pdf) => true,
        Some(InputKind::Text) => text_inputs,
        Some(_) => false,
    }
}

/// How often a worker looks whether the tool that started it is still
/// there.
#[cfg(unix)]
const ORPHAN_CHECK: std::time::Duration = std::time::Duration::from_millis(200);

/// Ends the worker when the tool that started it is gone. A tool ended by
/// a signal it can handle stops its workers itself; one killed outright
/// (SIGKILL, the out-of-memory killer) cannot, and its worker would read
/// on to the end of its file, however long, for nobody. An orphan is
/// given a new parent, which is how it is told.
fn exit_when_orphaned() {
    #[cfg(unix)]
    {
        let parent = std::os::unix::process::parent_id();
        // Without the thread the worker still works; it only may outlive
        // a killed tool, as before.
        let _ = std::thread::Builder::new()
            .name("orphan-check".into())
            .spawn(move || {
                loop {
                    std::thread::sleep(ORPHAN_CHECK);
                    if std::os::unix::process::parent_id() != parent {
                        std::process::exit(ORPHANED_EXIT);
                    }
                }
            });
    }
}

/// The exit status of a worker whose tool is gone; nobody reads it.
#[cfg(unix)]
const ORPHANED_EXIT: i32 = 3;

#[cfg(feature = "fault-injection")]
fn inject_fault(fault: Option<&str>, job: &Job) {
    let Some((kind, text)) = fault.and_then(|f| f.split_once(':')) else {
        return;
    };
    if text.is_empty() || !job.path.to_string_lossy().contains(text) {
        return;
    }
    match kind {
        "hang" => loop {
            std::thread::sleep(std::time::Duration::from_secs(3600));
        },
        "crash" => std::process::abort(),
        _ => {}
    }
}

/// Paths travel to workers as their bytes: a file name need not be UTF-8
/// (old archives hold Latin-1 names), and JSON strings must be.
mod path_bytes {
    use std::path::{Path, PathBuf};

    use serde::{Deserialize, Deserializer, Serializer};

    pub(super) fn serialize<S: Serializer>(path: &Path, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_bytes(&to_bytes(path))
    }

    pub(super) fn deserialize<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<PathBuf, D::Error> {
        Vec::<u8>::deserialize(deserializer).map(from_bytes)
    }

    #[cfg(unix)]
    fn to_bytes(path: &Path) -> Vec<u8> {
        use std::os::unix::ffi::OsStrExt;
        path.as_os_str().as_bytes().to_vec()
    }

    #[cfg(unix)]
    fn from_bytes(bytes: Vec<u8>) -> PathBuf {
        use std::os::unix::ffi::OsStringExt;
        PathBuf::from(std::ffi::OsString::from_vec(bytes))
    }

    // Elsewhere paths are Unicode (Windows) or nearly so: UTF-8 it is.
    #[cfg(not(unix))]
    fn to_bytes(path: &Path) -> Vec<u8> {
        path.to_string_lossy().into_owned().into_bytes()
    }

    #[cfg(not(unix))]
    fn from_bytes(bytes: Vec<u8>) -> PathBuf {
        PathBuf::from(String::from_utf8_lossy(&bytes).into_owned())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every byte of the payload, in order, whatever its size against the
    /// chunk size and however it was written.
    #[test]
    fn chunks_carry_the_payload() {
        for len in [0, 1, CHUNK - 1, CHUNK, CHUNK + 1, 3 * CHUNK + 5] {
            let payload: Vec<u8> = (0..len).map(|i| (i % 251) as u8).collect();
            // In uneven pieces, as a serialiser writes, and in pieces
            // larger than a chunk.
            for piece_len in [1, 1000, CHUNK + 7] {
                let mut wire = Vec::new();
                let mut chunks = Chunks::new(&mut wire);
                for piece in payload.chunks(piece_len) {
                    chunks.write_all(piece).unwrap();
                }
                chunks.finish().unwrap();
                let chunk_count = len.div_ceil(CHUNK);
                assert_eq!(wire.len(), len + 4 * (chunk_count + 1), "{len} {piece_len}");
                let mut input = wire.as_slice();
                assert_eq!(read_chunks(&mut input).as_deref(), Some(&payload[..]));
                assert!(input.is_empty());
            }
        }
    }

    #[test]
    fn a_broken_payload_is_none() {
        let mut wire = Vec::new();
        let mut chunks = Chunks::new(&mut wire);
        chunks.write_all(b"half a report").unwrap();
        chunks.finish().unwrap();
        // Cut before the end marker, inside the chunk, and a chunk longer
        // than a worker writes.
        for cut in [wire.len() - 4, 10] {
            assert_eq!(read_chunks(&mut &wire[..cut]), None);
        }
        let too_long = u32::try_from(CHUNK + 1).unwrap().to_le_bytes();
        assert_eq!(read_chunks(&mut &too_long[..]), None);
    }
}
