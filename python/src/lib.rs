//! The native half of the `kantlijn` Python package: reads one input with
//! the kantlijn library, without the GIL, and hands back its report.
//!
//! The Python half (`kantlijn/__init__.py`) checks the arguments, runs
//! batches in worker processes and shapes records for pandas and Dask; this
//! module only reads. A report crosses into Python through its `Serialize`
//! implementation (pythonize), so its dicts hold, key for key and in the
//! same order, what the command-line tool writes as JSON.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};

use kantlijn::{ErrorKind, InputKind, Report};
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::PyBytes;

/// How to read: the keyword arguments of `kantlijn.extract`, checked once.
#[pyclass(frozen, module = "kantlijn._kantlijn")]
struct Options {
    inner: kantlijn::Options,
}

#[pymethods]
impl Options {
    #[new]
    #[pyo3(signature = (*, text = true, flattened = true, password = None, links = false, widgets = false, threads = 0, time_per_file = None))]
    #[allow(clippy::too_many_arguments)]
    fn new(
        text: bool,
        flattened: bool,
        password: Option<String>,
        links: bool,
        widgets: bool,
        threads: usize,
        time_per_file: Option<f64>,
    ) -> Self {
        // As the command line reads `--no-text` and `--no-flattened`.
        let mut inner = kantlijn::Options::default();
        inner.password = password;
        inner.include_links = links;
        inner.include_widgets = widgets;
        inner.text_under = text;
        inner.appearance_text = text;
        inner.flattened = text && flattened;
        inner.threads = threads;
        // A batch's timeout (checked positive by the Python side), as the
        // command line's --timeout sets it.
        if let Some(seconds) =
            time_per_file.and_then(|s| std::time::Duration::try_from_secs_f64(s).ok())
        {
            inner.limits.time_per_file = seconds;
        }
        Self { inner }
    }
}

/// The report of the input at `path`; an input that cannot be read gives a
/// report with `error`, never an exception.
#[pyfunction]
fn extract_path<'py>(
    py: Python<'py>,
    path: PathBuf,
    options: &Options,
) -> PyResult<Bound<'py, PyAny>> {
    let report = py.detach(|| read_path(&path, &options.inner));
    to_python(py, &report)
}

/// The report of an input held in memory (a PDF, or text); `name` is the
/// report's `file`.
#[pyfunction]
fn extract_bytes<'py>(
    py: Python<'py>,
    data: &[u8],
    name: PathBuf,
    options: &Options,
) -> PyResult<Bound<'py, PyAny>> {
    let report = py.detach(|| {
        guarded(
            &name,
            || Some(kantlijn::sniff(data)),
            || kantlijn::extract_bytes(name.clone(), data.to_vec(), &options.inner),
        )
    });
    to_python(py, &report)
}

/// The report of the input at `path` as one line of JSON (no newline), as
/// the command-line tool writes it in JSON Lines: what a worker process
/// sends back to the process that runs the batch.
#[pyfunction]
fn extract_path_json<'py>(
    py: Python<'py>,
    path: PathBuf,
    options: &Options,
) -> PyResult<Bound<'py, PyBytes>> {
    let json = py.detach(|| {
        let report = read_path(&path, &options.inner);
        serde_json::to_vec(&report)
    });
    let json = json.map_err(|e| PyValueError::new_err(e.to_string()))?;
    Ok(PyBytes::new(py, &json))
}

/// The report of an input whose reading failed outside the library (its
/// worker ran out of time or died): `kind` is an `error.kind` of the JSON
/// contract, such as `"timeout"` or `"crashed"`.
#[pyfunction]
fn failed_report<'py>(
    py: Python<'py>,
    file: PathBuf,
    kind: &Bound<'py, PyAny>,
    message: String,
) -> PyResult<Bound<'py, PyAny>> {
    let kind: ErrorKind = pythonize::depythonize(kind)
        .map_err(|e| PyValueError::new_err(format!("unknown error kind: {e}")))?;
    to_python(py, &failed(&file, kind, message))
}

/// The report of `name` failed with `kind`: named as every report is,
/// `file_bytes` holding a name that is not UTF-8.
fn failed(name: &Path, kind: ErrorKind, message: String) -> Report {
    let mut report = Report::failed_with(String::new(), kind, message);
    report.set_file(name);
    report
}

fn read_path(path: &Path, options: &kantlijn::Options) -> Report {
    guarded(
        path,
        || kantlijn::sniff_file(path),
        || kantlijn::extract(path, options),
    )
}

/// Runs a read, turning its error into an error report and a panic (a bug
/// in kantlijn) into a `crashed` one, as the command-line tool's workers do;
/// such a report says what the input was taken for (`kind`, asked only
/// then) as they say it ([`kantlijn::failed_input_kind`]).
fn guarded(
    name: &Path,
    kind: impl FnOnce() -> Option<InputKind>,
    read: impl FnOnce() -> kantlijn::Result<Report>,
) -> Report {
    let file = name.display().to_string();
    match catch_unwind(AssertUnwindSafe(read)) {
        Ok(Ok(report)) => report,
        Ok(Err(error)) => {
            let mut report = failed(name, error.kind(), said(&error));
            report.input_kind = kantlijn::failed_input_kind(&error, kind());
            report
        }
        Err(_) => {
            let message = format!(
                "{file}: reading the file failed inside kantlijn (a bug; please report it)"
            );
            let mut report = failed(name, ErrorKind::Crashed, message);
            report.input_kind = kind().filter(|kind| kind.is_read());
            report
        }
    }
}

/// An error as the report says it: the command line's words, so that an
/// input read here and one read by `kantlijn` give the same record byte for
/// byte (a release processed partly with each compares and deduplicates by
/// content). The command line adds the option that helps to the library's
/// message; its `--password` is this package's `password=`.
fn said(error: &kantlijn::Error) -> String {
    match error {
        kantlijn::Error::NeedsPassword { .. } => format!("{error} (--password)"),
        _ => error.to_string(),
    }
}

fn to_python<'py>(py: Python<'py>, report: &Report) -> PyResult<Bound<'py, PyAny>> {
    pythonize::pythonize(py, report).map_err(PyErr::from)
}

/// The native module `kantlijn._kantlijn`.
#[pymodule]
fn _kantlijn(module: &Bound<'_, PyModule>) -> PyResult<()> {
    module.add("SCHEMA_VERSION", kantlijn::SCHEMA_VERSION)?;
    module.add("REPORT_SCHEMA", kantlijn::REPORT_SCHEMA)?;
    module.add("__version__", env!("CARGO_PKG_VERSION"))?;
    module.add_class::<Options>()?;
    module.add_function(wrap_pyfunction!(extract_path, module)?)?;
    module.add_function(wrap_pyfunction!(extract_bytes, module)?)?;
    module.add_function(wrap_pyfunction!(extract_path_json, module)?)?;
    module.add_function(wrap_pyfunction!(failed_report, module)?)?;
    Ok(())
}
