//! The `kantlijn` binary as a subprocess: formats, exit codes, error
//! records, isolation of hanging and crashing inputs, output files.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use serde_json::Value;

/// A fixture of the library, in the repository beside this crate.
fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../fixtures")
        .join(name)
}

fn kantlijn() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_kantlijn"));
    command.env_remove("KANTLIJN_TEST_FAULT");
    command
}

fn run(args: &[&str]) -> Output {
    kantlijn().args(args).output().expect("run kantlijn")
}

fn code(output: &Output) -> i32 {
    output.status.code().expect("an exit code")
}

/// Asserts exit status 0, showing standard error otherwise.
fn assert_success(output: &Output) {
    assert_eq!(
        code(output),
        0,
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
}

fn json_lines(output: &Output) -> Vec<Value> {
    String::from_utf8_lossy(&output.stdout)
        .lines()
        .map(|line| serde_json::from_str(line).unwrap_or_else(|e| panic!("{e}: {line}")))
        .collect()
}

fn path(p: &Path) -> &str {
    p.to_str().expect("UTF-8 path")
}

/// A folder with a copy of some fixtures, a text file, a picture and a
/// subfolder.
fn release_folder() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(
        fixture("beslisnota.pdf"),
        dir.path().join("a-beslisnota.pdf"),
    )
    .unwrap();
    std::fs::copy(
        fixture("beslisnota-flattened.txt"),
        dir.path().join("b-overzicht.txt"),
    )
    .unwrap();
    std::fs::write(
        dir.path().join("c-foto.png"),
        [0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13],
    )
    .unwrap();
    std::fs::create_dir(dir.path().join("d-sub")).unwrap();
    std::fs::copy(
        fixture("beslisnota-wachtwoord.pdf"),
        dir.path().join("d-sub/e-geheim.pdf"),
    )
    .unwrap();
    dir
}

#[test]
fn one_file_gives_one_json_report() {
    let output = run(&[path(&fixture("beslisnota.pdf"))]);
    assert_success(&output);
    let report: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(report["schema_version"], 1);
    assert_eq!(report["pages"], 2);
    assert!(report["error"].is_null());
    let typed = report["annotations"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["subtype"] == "FreeText")
        .expect("the typed stamp");
    assert_eq!(typed["contents"], "MWP akkoord 8/6");
    assert_eq!(typed["author"], "Aartsen, A.A.");
    assert_eq!(typed["modified"], "2026-06-08T09:11:02+02:00");
}

#[test]
fn several_files_give_json_lines_in_input_order() {
    let files = [
        "beslisnota.pdf",
        "beslisnota-objstm.pdf",
        "beslisnota-flattened.txt",
        "subtypes.pdf",
    ];
    let paths: Vec<String> = files.iter().map(|f| path(&fixture(f)).to_owned()).collect();
    let args: Vec<&str> = paths
        .iter()
        .map(String::as_str)
        .chain(["--jobs", "2"])
        .collect();
    let output = run(&args);
    assert_eq!(code(&output), 0);
    let reports = json_lines(&output);
    let names: Vec<&str> = reports
        .iter()
        .map(|r| r["file"].as_str().unwrap())
        .collect();
    assert_eq!(names, paths);
}

#[test]
fn json_array_for_several_files_when_asked() {
    let a = fixture("beslisnota.pdf");
    let output = run(&["--format", "json", path(&a), path(&a)]);
    let reports: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(reports.as_array().unwrap().len(), 2);
}

/// The file names of the reports, without their folders.
fn report_names(reports: &[Value]) -> Vec<String> {
    reports
        .iter()
        .map(|r| {
            Path::new(r["file"].as_str().unwrap())
                .file_name()
                .unwrap()
                .to_string_lossy()
                .into_owned()
        })
        .collect()
}

#[test]
fn a_folder_gives_its_pdfs_and_its_text_files_only_when_asked() {
    let dir = release_folder();
    let output = run(&[path(dir.path()), "--password", "geheim"]);
    assert_success(&output);
    let reports = json_lines(&output);
    assert_eq!(report_names(&reports), ["a-beslisnota.pdf", "e-geheim.pdf"]);
    assert!(reports.iter().all(|r| r["input_kind"] == "pdf"));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("2 files") && stderr.contains("2 skipped"),
        "the summary line: {stderr}"
    );

    let output = run(&[path(dir.path()), "--password", "geheim", "--text-inputs"]);
    assert_eq!(code(&output), 0);
    let reports = json_lines(&output);
    assert_eq!(
        report_names(&reports),
        ["a-beslisnota.pdf", "b-overzicht.txt", "e-geheim.pdf"]
    );
    let kinds: Vec<&Value> = reports.iter().map(|r| &r["input_kind"]).collect();
    assert_eq!(kinds, ["pdf", "text", "pdf"]);
    assert!(
        !reports[1]["comments"].as_array().unwrap().is_empty(),
        "the text file's printed summary is read"
    );

    // A text file named on its own is read without asking.
    let output = run(&[path(&dir.path().join("b-overzicht.txt"))]);
    assert_eq!(code(&output), 0);
    let report: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(report["input_kind"], "text");
}

/// A file named .pdf that holds no PDF (an error page saved under the
/// PDF's name, an empty download, a compressed copy) is not passed over in
/// a folder nor read as text: it gets an error record.
#[test]
fn a_file_named_pdf_that_holds_none_is_an_error_record() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(fixture("beslisnota.pdf"), dir.path().join("a.pdf")).unwrap();
    std::fs::write(dir.path().join("b-leeg.pdf"), b"").unwrap();
    std::fs::write(
        dir.path().join("c-fout.PDF"),
        b"<html>404 Not Found</html>\n",
    )
    .unwrap();
    std::fs::write(dir.path().join("d-notitie.txt"), b"Akkoord MWP 8/6\n").unwrap();
    let output = run(&[path(dir.path())]);
    assert_eq!(
        code(&output),
        1,
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let reports = json_lines(&output);
    assert_eq!(
        report_names(&reports),
        ["a.pdf", "b-leeg.pdf", "c-fout.PDF"]
    );
    assert!(reports[0]["error"].is_null());
    for report in &reports[1..] {
        assert_eq!(report["error"]["kind"], "not_supported", "{report}");
        assert!(report["input_kind"].is_null(), "{report}");
        let message = report["error"]["message"].as_str().unwrap();
        assert!(message.contains("not a PDF"), "{message}");
    }
    // Named on its own, too.
    let output = run(&[path(&dir.path().join("c-fout.PDF"))]);
    assert_eq!(code(&output), 1);
    let report: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(report["error"]["kind"], "not_supported");
}

/// A list of paths that cannot be read is a usage error, whatever
/// --exit-zero says: the inputs it held are not known, so an empty output
/// would pass for an empty batch.
#[test]
fn a_list_that_cannot_be_read_is_a_usage_error() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("lijst.txt");
    for list in [missing.as_path(), dir.path()] {
        let output = run(&["--files-from", path(list), "--exit-zero"]);
        assert_eq!(code(&output), 2, "{}", path(list));
        assert!(output.stdout.is_empty());
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(stderr.contains("cannot read the list of paths"), "{stderr}");
    }
}

/// A folder's output has one shape whatever it holds: a JSON array, with
/// one report as with many; the same folder named twice, or a folder and
/// one inside it, is read once and is no "empty folder"; and each input
/// that could not be read is named on standard error, not only counted.
#[test]
fn folders_give_arrays_once_and_failures_are_named() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("sub")).unwrap();
    std::fs::copy(fixture("beslisnota.pdf"), dir.path().join("sub/a.pdf")).unwrap();
    let output = run(&["-q", "-f", "json", path(dir.path())]);
    assert_success(&output);
    let reports: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(reports.as_array().map(Vec::len), Some(1), "{reports}");

    let sub = dir.path().join("sub");
    for twice in [
        [dir.path(), dir.path()],
        [dir.path(), sub.as_path()],
        [sub.as_path(), dir.path()],
    ] {
        let output = run(&[path(twice[0]), path(twice[1])]);
        assert_success(&output);
        assert_eq!(json_lines(&output).len(), 1);
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(!stderr.contains("folder"), "{stderr}");
    }

    let missing = dir.path().join("weg.pdf");
    let output = run(&["-q", path(&missing), path(&fixture("beslisnota.pdf"))]);
    assert_eq!(code(&output), 1);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains(&format!(
            "kantlijn: {}: cannot read the file",
            path(&missing)
        )),
        "{stderr}"
    );
}

#[test]
fn a_folder_without_inputs_is_said_and_fails() {
    let empty = tempfile::tempdir().unwrap();
    let output = run(&[path(empty.path())]);
    assert_eq!(code(&output), 1);
    assert!(output.stdout.is_empty());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains(path(empty.path())) && stderr.contains("empty folder"),
        "{stderr}"
    );

    let texts = tempfile::tempdir().unwrap();
    std::fs::copy(
        fixture("beslisnota-flattened.txt"),
        texts.path().join("overzicht.txt"),
    )
    .unwrap();
    let output = run(&[path(texts.path()), path(&fixture("beslisnota.pdf"))]);
    assert_eq!(code(&output), 1, "the PDF is read, the folder gave nothing");
    assert_eq!(json_lines(&output).len(), 1);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("no PDF in this folder") && stderr.contains("--text-inputs"),
        "{stderr}"
    );

    let output = run(&["--exit-zero", path(empty.path())]);
    assert_eq!(code(&output), 0);
}

#[test]
fn failed_inputs_are_error_records_and_exit_1() {
    let dir = release_folder();
    let missing = dir.path().join("weg.pdf");
    let png = dir.path().join("c-foto.png");
    let output = run(&[
        path(&fixture("beslisnota-wachtwoord.pdf")),
        path(&missing),
        path(&png),
        path(&fixture("beslisnota.pdf")),
    ]);
    assert_eq!(code(&output), 1);
    let reports = json_lines(&output);
    let kinds: Vec<Value> = reports.iter().map(|r| r["error"]["kind"].clone()).collect();
    assert_eq!(
        kinds,
        [
            Value::from("needs_password"),
            "unreadable".into(),
            "not_supported".into(),
            Value::Null
        ]
    );
    // The command line says how to give the password; the library's
    // message does not name an option.
    let message = reports[0]["error"]["message"].as_str().unwrap();
    assert!(
        message.ends_with("it needs a password (--password)"),
        "{message}"
    );
}

#[test]
fn password_opens_and_a_wrong_one_is_reported() {
    let file = fixture("beslisnota-wachtwoord.pdf");
    let right = run(&["--password", "geheim", path(&file)]);
    assert_eq!(code(&right), 0);
    let report: Value = serde_json::from_slice(&right.stdout).unwrap();
    assert_eq!(report["encrypted"], true);
    assert!(!report["annotations"].as_array().unwrap().is_empty());

    let wrong = run(&["--password", "fout", path(&file)]);
    assert_eq!(code(&wrong), 1);
    let report: Value = serde_json::from_slice(&wrong.stdout).unwrap();
    assert_eq!(report["error"]["kind"], "needs_password");
    assert_eq!(report["encrypted"], true);
    assert!(
        report["error"]["message"]
            .as_str()
            .unwrap()
            .contains("password given does not open it")
    );
}

#[test]
fn csv_has_one_row_per_record_and_a_row_for_every_file() {
    let dir = release_folder();
    let missing = dir.path().join("weg.pdf");
    for (records, at_least) in [("annotations", 6), ("comments", 5), ("decisions", 2)] {
        let output = run(&[
            "--format",
            "csv",
            "--records",
            records,
            path(&fixture("beslisnota.pdf")),
            path(&fixture("beslisnota-flattened.txt")),
            path(&missing),
        ]);
        assert_eq!(code(&output), 1);
        let mut reader = csv::Reader::from_reader(output.stdout.as_slice());
        let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
        let files: std::collections::BTreeSet<&str> = rows.iter().map(|r| &r[0]).collect();
        assert_eq!(files.len(), 3, "{records}: every input has a row");
        assert!(rows.len() >= at_least, "{records}: {} rows", rows.len());
        let failed: Vec<_> = rows.iter().filter(|r| r[0].ends_with("weg.pdf")).collect();
        assert_eq!(failed.len(), 1);
        assert!(failed[0][1].starts_with("unreadable: "), "{:?}", failed[0]);
    }
}

#[test]
fn decisions_register_lines() {
    let output = run(&[
        "--decisions",
        path(&fixture("beslisnota.pdf")),
        path(&fixture("beslisnota-flattened.txt")),
        path(&fixture("dates.pdf")),
    ]);
    assert_eq!(code(&output), 0);
    let mut lines = json_lines(&output);
    // An input without decisions has a line all the same: its file alone.
    let last = lines.pop().unwrap();
    assert_eq!(
        last,
        serde_json::json!({"file": path(&fixture("dates.pdf"))})
    );
    assert!(!lines.is_empty());
    for line in &lines {
        assert!(line["file"].is_string());
        assert_eq!(line["actor"], "MWP");
        assert_eq!(line["verdict"], "approved");
        assert_eq!(line["date"], "2026-06-08");
    }
}

#[test]
fn decision_register_names_the_nota_of_each_decision() {
    let bundle = fixture("notas-bundel.pdf");
    let notas = json_lines(&run(&["--notas", path(&bundle)]));
    let lines = json_lines(&run(&["--decisions", path(&bundle)]));
    assert!(lines.len() >= 3, "{lines:?}");
    for line in &lines {
        let index = line["nota"]
            .as_u64()
            .expect("every decision of the bundle has a nota");
        let nota = &notas[usize::try_from(index).unwrap()];
        assert_eq!(line["nota_title"], nota["title"]);
        assert_eq!(line["nota_date"], nota["date"]);
        assert_eq!(line["nota_reference"], nota["reference"]);
    }
    // Every nota of the bundle has a decision, and the register names it.
    let titles: std::collections::BTreeSet<&str> = lines
        .iter()
        .filter_map(|l| l["nota_title"].as_str())
        .collect();
    assert!(titles.contains("Voortgangsbrief arbeidsmarktbeleid"));
    assert_eq!(titles.len(), notas.len());

    let output = run(&[
        "--decisions",
        "--format",
        "csv",
        path(&bundle),
        path(&fixture("strings.pdf")),
    ]);
    let mut reader = csv::Reader::from_reader(output.stdout.as_slice());
    let header = reader.headers().unwrap().clone();
    let column = |name: &str| header.iter().position(|h| h == name).unwrap();
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), lines.len() + 1);
    for (row, line) in rows.iter().zip(&lines) {
        assert_eq!(&row[column("nota")], line["nota"].to_string());
        assert_eq!(
            Some(&row[column("nota_title")]),
            line["nota_title"].as_str()
        );
        assert_eq!(Some(&row[column("nota_date")]), line["nota_date"].as_str());
    }
    // A decision in a file without a nota (a reply's review state) has
    // empty nota cells.
    let last = rows.last().unwrap();
    assert_eq!(
        (&last[column("nota")], &last[column("nota_title")]),
        ("", "")
    );
}

#[test]
fn nota_register_lines() {
    let bundle = fixture("notas-bundel.pdf");
    let output = run(&["--notas", path(&bundle), path(&fixture("dates.pdf"))]);
    assert_eq!(code(&output), 0);
    let mut lines = json_lines(&output);
    // The file without notas has a line all the same: its file alone.
    let last = lines.pop().unwrap();
    assert_eq!(
        last,
        serde_json::json!({"file": path(&fixture("dates.pdf"))})
    );
    let titles: Vec<&str> = lines.iter().map(|l| l["title"].as_str().unwrap()).collect();
    assert_eq!(
        titles,
        [
            "Voortgangsbrief arbeidsmarktbeleid",
            "Herijking gemeentefonds",
            "Fiscale behandeling van thuiswerkvergoedingen in de loonbelasting"
        ]
    );
    for (index, line) in lines.iter().enumerate() {
        assert_eq!(line["file"], path(&bundle));
        assert_eq!(line["nota"], index);
    }
    // The decisions are folded in, whole.
    assert_eq!(lines[0]["decisions"][0]["actor"], "MWP");
    assert_eq!(lines[0]["decisions"][0]["verdict"], "approved");
    assert_eq!(lines[0]["decisions"][0]["date"], "2026-06-02");
    assert_eq!(lines[2]["decisions"].as_array().unwrap().len(), 2);
}

#[test]
fn nota_register_as_csv_and_markdown() {
    let bundle = fixture("notas-bundel.pdf");
    let other = fixture("dates.pdf");
    for args in [
        vec!["--notas", "--format", "csv"],
        vec!["--format", "csv", "--records", "notas"],
    ] {
        let mut args = args.clone();
        args.extend([path(&bundle), path(&other)]);
        let output = run(&args);
        assert_eq!(code(&output), 0);
        let text = String::from_utf8(output.stdout).unwrap();
        let mut reader = csv::Reader::from_reader(text.as_bytes());
        let headers = reader.headers().unwrap().clone();
        let column = |name: &str| headers.iter().position(|h| h == name).unwrap();
        let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
        // Three notas, and a row for the file without one.
        assert_eq!(rows.len(), 4, "{text}");
        assert_eq!(&rows[1][column("title")], "Herijking gemeentefonds");
        assert_eq!(&rows[1][column("reference")], "2026-0000220417");
        assert_eq!(&rows[1][column("first_page")], "3");
        assert_eq!(
            &rows[1][column("decisions")],
            "Minister approved 2026-04-20"
        );
        assert_eq!(&rows[3][column("file")], path(&other));
        assert_eq!(&rows[3][column("title")], "");
    }
    let output = run(&[
        "--notas",
        "--format",
        "markdown",
        path(&bundle),
        path(&other),
    ]);
    assert_eq!(code(&output), 0);
    let table = String::from_utf8(output.stdout).unwrap();
    assert_eq!(table.matches("| file | nota |").count(), 1, "{table}");
    assert_eq!(table.lines().count(), 2 + 3 + 1, "{table}");
    assert!(
        table.contains("| 2 | 2026-04-14 | Herijking gemeentefonds | 2026-0000220417 | 3–4 | Minister approved 2026-04-20 |"),
        "{table}"
    );
}

#[test]
fn markdown_review_page() {
    let output = run(&["--format", "markdown", path(&fixture("beslisnota.pdf"))]);
    assert_eq!(code(&output), 0);
    let page = String::from_utf8(output.stdout).unwrap();
    assert!(page.contains("## Page 1"), "{page}");
    assert!(
        page.contains("**FreeText** (Tekst plaatsen) — Aartsen, A.A., 2026-06-08 09:11"),
        "{page}"
    );
    assert!(page.contains("> MWP akkoord 8/6"), "{page}");
    assert!(page.contains("## Decisions"), "{page}");
    assert!(page.contains("## Notas"), "{page}");
    assert!(
        page.contains("| 1 | 2026-05-27 | Voortgang wetsvoorstel gedragscode ongewenst gedrag | 2026-0000412345 | 1–2 | MWP approved 2026-06-08 |"),
        "{page}"
    );
}

#[test]
#[cfg(feature = "fault-injection")]
fn a_hanging_input_times_out_and_the_run_goes_on() {
    let output = kantlijn()
        .env("KANTLIJN_TEST_FAULT", "hang:objstm")
        .args(["--timeout", "1", "--jobs", "2"])
        .args([
            path(&fixture("beslisnota.pdf")),
            path(&fixture("beslisnota-objstm.pdf")),
            path(&fixture("subtypes.pdf")),
        ])
        .output()
        .unwrap();
    assert_eq!(code(&output), 1);
    let reports = json_lines(&output);
    assert_eq!(reports.len(), 3);
    assert!(reports[0]["error"].is_null());
    assert_eq!(reports[1]["error"]["kind"], "timeout");
    assert!(reports[2]["error"].is_null());
}

#[test]
#[cfg(feature = "fault-injection")]
fn a_crashing_input_is_a_record_and_the_worker_restarts() {
    let output = kantlijn()
        .env("KANTLIJN_TEST_FAULT", "crash:objstm")
        .args(["--jobs", "1"])
        .args([
            path(&fixture("beslisnota-objstm.pdf")),
            path(&fixture("beslisnota.pdf")),
            path(&fixture("beslisnota-objstm.pdf")),
            path(&fixture("subtypes.pdf")),
        ])
        .output()
        .unwrap();
    assert_eq!(code(&output), 1);
    let reports = json_lines(&output);
    let kinds: Vec<Value> = reports.iter().map(|r| r["error"]["kind"].clone()).collect();
    assert_eq!(
        kinds,
        [
            Value::from("crashed"),
            Value::Null,
            "crashed".into(),
            Value::Null
        ]
    );
}

#[test]
fn output_file_appears_only_when_complete() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("register.jsonl");
    let output = run(&[
        "--output",
        path(&target),
        path(&fixture("beslisnota.pdf")),
        path(&fixture("subtypes.pdf")),
    ]);
    assert_eq!(code(&output), 0);
    assert!(output.stdout.is_empty());
    assert_eq!(std::fs::read_to_string(&target).unwrap().lines().count(), 2);
    assert_eq!(
        std::fs::read_dir(dir.path()).unwrap().count(),
        1,
        "no temporary file left"
    );
}

/// `-o` naming one of the inputs (a slip such as `-o a.pdf b.pdf`, or
/// the input found again in a folder) is refused before anything is read:
/// the original stays.
#[test]
fn an_output_that_is_an_input_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("nota.pdf");
    std::fs::copy(fixture("beslisnota.pdf"), &input).unwrap();
    let original = std::fs::read(&input).unwrap();
    for args in [
        vec!["-o", path(&input), path(&input)],
        vec![
            "-o",
            path(&input),
            path(&fixture("subtypes.pdf")),
            path(dir.path()),
        ],
    ] {
        let output = run(&args);
        assert_eq!(code(&output), 2, "{args:?}");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(stderr.contains("would be overwritten"), "{stderr}");
        assert_eq!(std::fs::read(&input).unwrap(), original);
    }
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
}

/// The register a run wrote into the folder it reads is no input of the
/// next run (a folder gives PDFs), so `-o register.jsonl .` runs again;
/// with --text-inputs it would be read, and is refused.
#[test]
fn a_register_in_the_folder_read_is_no_input() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(fixture("beslisnota.pdf"), dir.path().join("nota.pdf")).unwrap();
    let register = dir.path().join("register.jsonl");
    for round in 0..2 {
        let output = run(&["-q", "-o", path(&register), path(dir.path())]);
        assert_eq!(
            code(&output),
            0,
            "round {round}: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        let written = std::fs::read_to_string(&register).unwrap();
        assert_eq!(written.lines().count(), 1, "round {round}");
    }
    let output = run(&[
        "-q",
        "--text-inputs",
        "-o",
        path(&register),
        path(dir.path()),
    ]);
    assert_eq!(code(&output), 2);
    assert!(String::from_utf8_lossy(&output.stderr).contains("would be overwritten"));
}

/// A pipe named as an input (a named FIFO, as `<(…)` gives one) is read
/// once, as the file it carries; a pipe inside a folder is no file there.
#[cfg(unix)]
#[test]
fn a_pipe_named_as_an_input_is_read_once() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("nota.pdf");
    let made = Command::new("mkfifo").arg(&fifo).status();
    if !made.is_ok_and(|status| status.success()) {
        eprintln!("no mkfifo; skipped");
        return;
    }
    let writer = {
        let fifo = fifo.clone();
        std::thread::spawn(move || {
            std::fs::write(fifo, std::fs::read(fixture("beslisnota.pdf")).unwrap())
        })
    };
    let output = run(&["--compact", path(&fifo)]);
    writer.join().unwrap().unwrap();
    assert_success(&output);
    let report: Value = serde_json::from_slice(&output.stdout).unwrap();
    let file: Value =
        serde_json::from_slice(&run(&["--compact", path(&fixture("beslisnota.pdf"))]).stdout)
            .unwrap();
    assert_eq!(report["input_kind"], "pdf");
    assert_eq!(report["annotations"], file["annotations"]);
    assert_eq!(report["decisions"], file["decisions"]);

    // In a folder, beside a PDF: passed over, not waited on.
    std::fs::copy(fixture("stamps.pdf"), dir.path().join("stamps.pdf")).unwrap();
    let output = run(&["-q", "--timeout", "20", path(dir.path())]);
    assert_success(&output);
    let reports = json_lines(&output);
    assert_eq!(reports.len(), 1);
    assert!(reports[0]["file"].as_str().unwrap().ends_with("stamps.pdf"));
}

/// A folder inside a named one that cannot be listed gets an error record
/// of its own (its files are not known), beside the records of the files
/// that could be read, and is named on standard error.
#[cfg(unix)]
#[test]
fn a_folder_that_cannot_be_listed_gets_a_record() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let mode = |path: &Path, mode| {
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).unwrap();
    };
    mode(dir.path(), 0o755);
    let copy = dir.path().join("a.pdf");
    std::fs::copy(fixture("beslisnota.pdf"), &copy).unwrap();
    mode(&copy, 0o644);
    let locked = dir.path().join("locked");
    std::fs::create_dir(&locked).unwrap();
    mode(&locked, 0o000);
    // Root lists any folder: the tool then runs as nobody, where it can.
    let mut command = if std::fs::read_dir(&locked).is_ok() {
        if Command::new("setpriv").arg("--version").output().is_err() {
            eprintln!("skipped: running as root without setpriv");
            mode(&locked, 0o755);
            return;
        }
        let mut command = Command::new("setpriv");
        command.args(["--reuid=65534", "--regid=65534", "--clear-groups"]);
        command.arg(env!("CARGO_BIN_EXE_kantlijn"));
        command
    } else {
        kantlijn()
    };
    let output = command
        .args(["-f", "jsonl", "--compact", path(dir.path())])
        .output()
        .unwrap();
    mode(&locked, 0o755);
    assert_eq!(code(&output), 1, "{output:?}");
    let records: Vec<Value> = String::from_utf8_lossy(&output.stdout)
        .lines()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect();
    assert_eq!(records.len(), 2, "{records:?}");
    assert_eq!(records[0]["file"], path(&copy));
    assert!(records[0]["error"].is_null());
    assert_eq!(records[1]["file"], path(&locked));
    assert_eq!(records[1]["error"]["kind"], "unreadable");
    let message = records[1]["error"]["message"].as_str().unwrap();
    assert!(message.contains("cannot list the folder"), "{message}");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("cannot list the folder"), "{stderr}");
}

/// `-o` naming a folder is refused before anything is read (a usage error,
/// 2), not found when the finished report cannot be moved there (3).
#[test]
fn an_output_that_is_a_folder_is_refused_first() {
    let dir = tempfile::tempdir().unwrap();
    let output = run(&["-o", path(dir.path()), path(&fixture("beslisnota.pdf"))]);
    assert_eq!(code(&output), 2);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("is a folder") && stderr.contains("--output-dir"),
        "{stderr}"
    );
    assert!(output.stdout.is_empty());
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
}

#[cfg(unix)]
#[test]
#[cfg(feature = "fault-injection")]
fn interrupted_output_leaves_no_file_and_exits_130() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("register.jsonl");
    let mut child = kantlijn()
        .env("KANTLIJN_TEST_FAULT", "hang:objstm")
        .args([
            "--output",
            path(&target),
            path(&fixture("beslisnota.pdf")),
            path(&fixture("beslisnota-objstm.pdf")),
        ])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    std::thread::sleep(std::time::Duration::from_millis(700));
    let status = Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(status.success());
    let exit = child.wait().unwrap();
    assert_eq!(exit.code(), Some(130));
    assert_eq!(
        std::fs::read_dir(dir.path()).unwrap().count(),
        0,
        "neither the output nor a temporary file"
    );
}

/// Ctrl-C in a terminal signals the whole process group, the workers too;
/// `kill` and service managers send SIGTERM to the tool alone. Either way
/// the run is interrupted (exit 130), the output is not replaced, nothing
/// temporary is left and no worker outlives the tool. The last input is
/// the one a worker is busy with, so that a worker dying of the signal
/// must not be taken for a crash that completes the run.
#[cfg(unix)]
#[test]
#[cfg(feature = "fault-injection")]
fn a_signal_to_the_group_or_a_term_interrupts_the_run() {
    for (signal, group) in [("-INT", true), ("-TERM", false), ("-TERM", true)] {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("register.jsonl");
        std::fs::write(&target, b"OLD").unwrap();
        let mut child = hanging_in_its_group(&[
            "--output",
            path(&target),
            path(&fixture("beslisnota.pdf")),
            path(&fixture("beslisnota-objstm.pdf")),
        ]);
        let pid = child.id().to_string();
        let whom = if group { format!("-{pid}") } else { pid };
        let status = Command::new("kill")
            .args([signal, "--", &whom])
            .status()
            .unwrap();
        assert!(status.success());
        let exit = child.wait().unwrap();
        assert_eq!(exit.code(), Some(130), "{signal} to the group: {group}");
        assert_eq!(std::fs::read(&target).unwrap(), b"OLD");
        assert_eq!(
            std::fs::read_dir(dir.path()).unwrap().count(),
            1,
            "no temporary file"
        );
        // No worker left in the group.
        std::thread::sleep(std::time::Duration::from_millis(200));
        let alive = Command::new("kill")
            .args(["-0", "--", &format!("-{}", child.id())])
            .stderr(Stdio::null())
            .status()
            .unwrap();
        assert!(!alive.success(), "a worker outlived the tool ({signal})");
    }
}

/// A tool killed outright (SIGKILL, the out-of-memory killer) cannot stop
/// its workers: a worker sees that its tool is gone and ends, instead of
/// reading on to the end of its file for nobody.
#[cfg(unix)]
#[test]
#[cfg(feature = "fault-injection")]
fn no_worker_outlives_a_killed_tool() {
    let mut child = hanging_in_its_group(&[path(&fixture("beslisnota-objstm.pdf"))]);
    let group = format!("-{}", child.id());
    let worker_there = |signal: &str| {
        Command::new("kill")
            .args([signal, "--", &group])
            .stderr(Stdio::null())
            .status()
            .unwrap()
            .success()
    };
    child.kill().unwrap();
    child.wait().unwrap();
    assert!(worker_there("-0"), "the worker runs on its hanging input");
    let gone = (0..50).any(|_| {
        std::thread::sleep(std::time::Duration::from_millis(100));
        !worker_there("-0")
    });
    // Leave nothing behind, whatever the outcome.
    worker_there("-KILL");
    assert!(gone, "a worker outlived its killed tool by 5 s");
}

/// kantlijn with one worker, on `args`, in a process group of its own,
/// once its worker hangs on the input whose name holds "objstm".
#[cfg(unix)]
#[cfg(feature = "fault-injection")]
fn hanging_in_its_group(args: &[&str]) -> std::process::Child {
    use std::os::unix::process::CommandExt;
    let child = kantlijn()
        .env("KANTLIJN_TEST_FAULT", "hang:objstm")
        .args(["-j", "1"])
        .args(args)
        .process_group(0)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    std::thread::sleep(std::time::Duration::from_millis(700));
    child
}

/// Every file under `dir`, relative to it.
fn files_under(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    let mut stack = vec![dir.to_owned()];
    while let Some(folder) = stack.pop() {
        for entry in std::fs::read_dir(&folder).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else {
                files.push(path.strip_prefix(dir).unwrap().to_owned());
            }
        }
    }
    files.sort();
    files
}

/// An input whose report the file system cannot name (its name is legal,
/// with `.json` added it is not) fails alone: the other inputs get their
/// reports, and nothing temporary is left. A name a little shorter takes a
/// short temporary name, not the report's name and more.
#[cfg(unix)]
#[test]
fn a_report_that_cannot_be_named_fails_its_input_not_the_batch() {
    let inputs = tempfile::tempdir().unwrap();
    let out = tempfile::tempdir().unwrap();
    let too_long = format!("{}.pdf", "m".repeat(250));
    let long = format!("{}.pdf", "l".repeat(236));
    for name in ["a.pdf", too_long.as_str(), long.as_str(), "z.pdf"] {
        std::fs::copy(fixture("beslisnota.pdf"), inputs.path().join(name)).unwrap();
    }
    let output = run(&[path(inputs.path()), "--output-dir", path(out.path())]);
    assert_eq!(code(&output), 1);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains(&too_long) && stderr.contains("cannot write its report"),
        "{stderr}"
    );
    let written: Vec<String> = files_under(out.path())
        .iter()
        .map(|file| file.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    assert_eq!(
        written,
        ["a.pdf.json", format!("{long}.json").as_str(), "z.pdf.json"]
    );
}

#[test]
fn output_dir_mirrors_inputs_without_escaping_or_colliding() {
    let out = tempfile::tempdir().unwrap();
    let release = release_folder();
    std::fs::create_dir(release.path().join("b")).unwrap();
    std::fs::copy(
        fixture("subtypes.pdf"),
        release.path().join("b/a-beslisnota.pdf"),
    )
    .unwrap();
    let output = kantlijn()
        .current_dir(release.path().join("b"))
        .args([
            "--output-dir",
            path(out.path()),
            "a-beslisnota.pdf",
            "../a-beslisnota.pdf",
            "../../../../../../tmp/../weg.pdf",
            "../d-sub",
        ])
        .output()
        .unwrap();
    assert_eq!(
        code(&output),
        1,
        "weg.pdf does not exist and d-sub holds an encrypted file"
    );
    let files = files_under(out.path());
    assert_eq!(
        files,
        [
            "%2E%2E/%2E%2E/%2E%2E/%2E%2E/%2E%2E/%2E%2E/tmp/%2E%2E/weg.pdf.json",
            "%2E%2E/a-beslisnota.pdf.json",
            "%2E%2E/d-sub/e-geheim.pdf.json",
            "a-beslisnota.pdf.json",
        ]
        .map(PathBuf::from),
        "nothing escapes the folder, and two inputs of one name get two reports"
    );
    let read = |name: &str| -> Value {
        serde_json::from_str(&std::fs::read_to_string(out.path().join(name)).unwrap()).unwrap()
    };
    assert_eq!(read("a-beslisnota.pdf.json")["file"], "a-beslisnota.pdf");
    assert_eq!(
        read("%2E%2E/a-beslisnota.pdf.json")["file"],
        "../a-beslisnota.pdf"
    );
    assert_eq!(read("%2E%2E/a-beslisnota.pdf.json")["pages"], 2);
    assert_ne!(
        read("a-beslisnota.pdf.json")["annotations"],
        read("%2E%2E/a-beslisnota.pdf.json")["annotations"]
    );

    // A second run skips what is there.
    let again = kantlijn()
        .current_dir(release.path().join("b"))
        .args([
            "--output-dir",
            path(out.path()),
            "--skip-existing",
            "a-beslisnota.pdf",
            "../a-beslisnota.pdf",
        ])
        .output()
        .unwrap();
    assert_eq!(code(&again), 0);
    assert!(String::from_utf8_lossy(&again.stderr).contains("2 skipped"));
}

/// One file named in several ways ("a.pdf", "./a.pdf", "F//a.pdf") has one
/// report, of its first naming; each other naming is said on standard
/// error, so that no report silently replaces another.
#[test]
fn output_dir_writes_one_report_for_a_file_named_twice() {
    let out = tempfile::tempdir().unwrap();
    let release = release_folder();
    let output = kantlijn()
        .current_dir(release.path())
        .args([
            "--output-dir",
            path(out.path()),
            "a-beslisnota.pdf",
            "./a-beslisnota.pdf",
            "d-sub//e-geheim.pdf",
            "d-sub/./e-geheim.pdf",
        ])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(
        files_under(out.path()),
        ["a-beslisnota.pdf.json", "d-sub/e-geheim.pdf.json"].map(PathBuf::from)
    );
    for (second, first) in [
        ("./a-beslisnota.pdf", "a-beslisnota.pdf"),
        ("d-sub/./e-geheim.pdf", "d-sub//e-geheim.pdf"),
    ] {
        assert!(
            stderr.contains(&format!("{second} names the same file as {first}")),
            "{stderr}"
        );
    }
    let report: Value = serde_json::from_str(
        &std::fs::read_to_string(out.path().join("a-beslisnota.pdf.json")).unwrap(),
    )
    .unwrap();
    assert_eq!(report["file"], "a-beslisnota.pdf");
}

/// A folder whose every input has its report from an earlier run is no
/// empty folder: a finished batch run again with --skip-existing succeeds.
#[test]
fn a_folder_read_before_is_not_empty_under_skip_existing() {
    let dir = tempfile::tempdir().unwrap();
    let inputs = dir.path().join("in");
    std::fs::create_dir(&inputs).unwrap();
    std::fs::copy(fixture("beslisnota.pdf"), inputs.join("nota.pdf")).unwrap();
    let out = dir.path().join("out");
    let args = ["--output-dir", path(&out), "--skip-existing", path(&inputs)];
    for (round, skipped) in [(0, "0 skipped"), (1, "1 skipped")] {
        let output = run(&args);
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(code(&output), 0, "round {round}: {stderr}");
        assert!(!stderr.contains("no PDF"), "round {round}: {stderr}");
        if round == 1 {
            assert!(stderr.contains(skipped), "{stderr}");
        }
    }
}

#[test]
fn usage_errors_exit_2() {
    assert_eq!(code(&run(&[])), 2);
    assert_eq!(
        code(&run(&["--jobs", "0", path(&fixture("beslisnota.pdf"))])),
        2
    );
    assert_eq!(code(&run(&["--no-such-flag"])), 2);
    assert_eq!(
        code(&run(&["--format", "xml", path(&fixture("beslisnota.pdf"))])),
        2
    );
}

#[test]
fn paths_from_standard_input() {
    let mut child = kantlijn()
        .arg("-")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let list = format!(
        "{}\n{}\n",
        path(&fixture("beslisnota.pdf")),
        path(&fixture("subtypes.pdf"))
    );
    std::io::Write::write_all(child.stdin.as_mut().unwrap(), list.as_bytes()).unwrap();
    drop(child.stdin.take());
    let output = child.wait_with_output().unwrap();
    assert_eq!(code(&output), 0);
    assert_eq!(json_lines(&output).len(), 2);
}

#[test]
fn filters_keep_what_is_asked() {
    let output = run(&[
        "--subtype",
        "highlight",
        "--compact",
        path(&fixture("beslisnota.pdf")),
    ]);
    let report: Value = serde_json::from_slice(&output.stdout).unwrap();
    let subtypes: Vec<&str> = report["annotations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["subtype"].as_str().unwrap())
        .collect();
    assert_eq!(subtypes, ["Highlight", "Highlight"]);

    let output = run(&[
        "--since",
        "2026-06-01",
        "--compact",
        path(&fixture("beslisnota.pdf")),
    ]);
    let report: Value = serde_json::from_slice(&output.stdout).unwrap();
    for annotation in report["annotations"].as_array().unwrap() {
        assert!(
            annotation["modified"].as_str().unwrap() >= "2026-06-01",
            "{annotation}"
        );
    }
}

#[cfg(unix)]
#[test]
fn a_closed_pipe_is_not_an_error() {
    let mut child = kantlijn()
        .args(["--format", "jsonl"])
        .args(std::iter::repeat_n(path(&fixture("subtypes.pdf")), 40))
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    assert_eq!(child.wait().unwrap().code(), Some(0));
}

/// A file name that is not UTF-8 (old archives hold Latin-1 names) is read
/// like any other; the report names it with U+FFFD for the byte, and keeps
/// the exact name in `file_bytes`.
#[cfg(target_os = "linux")]
#[test]
fn file_names_that_are_not_utf8() {
    use std::os::unix::ffi::OsStrExt;
    let dir = tempfile::tempdir().unwrap();
    let odd = dir
        .path()
        .join(std::ffi::OsStr::from_bytes(b"nota-\xe9.pdf"));
    std::fs::copy(fixture("beslisnota.pdf"), &odd).unwrap();
    let output = kantlijn().arg(dir.path()).output().unwrap();
    assert_success(&output);
    let reports = json_lines(&output);
    assert_eq!(reports.len(), 1);
    assert!(
        reports[0]["file"]
            .as_str()
            .unwrap()
            .ends_with("nota-\u{FFFD}.pdf")
    );
    assert_eq!(
        reports[0]["file_bytes"],
        base64_of(odd.as_os_str().as_bytes()),
        "the exact bytes of the whole path"
    );
    assert_eq!(reports[0]["pages"], 2);

    // Two names that differ in an invalid byte read alike in `file`; the
    // CSV's last column, `file_bytes`, tells them apart, in every record
    // kind and in the row of a file without such records.
    let other = dir
        .path()
        .join(std::ffi::OsStr::from_bytes(b"nota-\xe8.pdf"));
    std::fs::copy(fixture("beslisnota.pdf"), &other).unwrap();
    for records in ["annotations", "comments", "decisions", "notas"] {
        let output = kantlijn()
            .args(["-f", "csv", "--records", records])
            .arg(&odd)
            .arg(&other)
            .output()
            .unwrap();
        assert_success(&output);
        let mut reader = csv::Reader::from_reader(output.stdout.as_slice());
        assert_eq!(
            reader.headers().unwrap().iter().next_back(),
            Some("file_bytes")
        );
        let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
        let names: std::collections::BTreeSet<(&str, &str)> = rows
            .iter()
            .map(|row| (&row[0], row.iter().next_back().unwrap()))
            .collect();
        let expected: std::collections::BTreeSet<(String, String)> = [&odd, &other]
            .iter()
            .map(|p| {
                let file = p.to_string_lossy().into_owned();
                (file, base64_of(p.as_os_str().as_bytes()))
            })
            .collect();
        let expected: std::collections::BTreeSet<(&str, &str)> = expected
            .iter()
            .map(|(f, b)| (f.as_str(), b.as_str()))
            .collect();
        assert_eq!(names, expected, "{records}");
    }
}

/// Standard base64 with padding (RFC 4648), written out here to check the
/// library's.
fn base64_of(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::new();
    for chunk in bytes.chunks(3) {
        let n = chunk.iter().fold(0u32, |n, &b| n << 8 | u32::from(b)) << (8 * (3 - chunk.len()));
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(ALPHABET[(n >> (18 - 6 * i) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// Runs kantlijn with `stdin` on its standard input.
fn run_with_stdin(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = kantlijn()
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut input = child.stdin.take().unwrap();
    let bytes = stdin.to_vec();
    // Written from a thread: kantlijn may answer before it reads it all.
    let writer = std::thread::spawn(move || {
        let _ = std::io::Write::write_all(&mut input, &bytes);
    });
    let output = child.wait_with_output().unwrap();
    writer.join().unwrap();
    output
}

/// `printf 'a.pdf\nnota_\xe9.pdf\nc.pdf\n' | kantlijn -`: the name that is
/// not UTF-8 is read like the others, and its report names it exactly.
#[cfg(target_os = "linux")]
#[test]
fn a_path_list_with_a_name_that_is_not_utf8_keeps_every_name() {
    use std::os::unix::ffi::OsStrExt;
    let dir = tempfile::tempdir().unwrap();
    let name: &[u8] = b"nota_\xe9.pdf";
    let odd = dir.path().join(std::ffi::OsStr::from_bytes(name));
    std::fs::copy(fixture("beslisnota.pdf"), &odd).unwrap();
    std::fs::copy(fixture("subtypes.pdf"), dir.path().join("c.pdf")).unwrap();
    std::fs::copy(fixture("beslisnota-objstm.pdf"), dir.path().join("a.pdf")).unwrap();
    let mut list = b"a.pdf\n".to_vec();
    list.extend_from_slice(name);
    list.extend_from_slice(b"\nc.pdf\n");
    let output = kantlijn()
        .current_dir(dir.path())
        .arg("-")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .and_then(|mut child| {
            std::io::Write::write_all(child.stdin.as_mut().unwrap(), &list)?;
            drop(child.stdin.take());
            child.wait_with_output()
        })
        .unwrap();
    assert_success(&output);
    let reports = json_lines(&output);
    let files: Vec<&str> = reports
        .iter()
        .map(|r| r["file"].as_str().unwrap())
        .collect();
    assert_eq!(files, ["a.pdf", "nota_\u{FFFD}.pdf", "c.pdf"]);
    assert_eq!(reports[0]["file_bytes"], Value::Null);
    assert_eq!(reports[2]["file_bytes"], Value::Null);
    // The exact bytes, base64: what `base64.b64decode` gives back in Python.
    assert_eq!(reports[1]["file_bytes"], "bm90YV/pLnBkZg==");
    assert_eq!(base64_of(name), "bm90YV/pLnBkZg==");
    assert_eq!(reports[1]["pages"], 2);
    assert!(reports.iter().all(|r| r["error"].is_null()));
}

/// `find -print0 | kantlijn -0 -`: names are separated by NUL bytes, so a
/// name may hold a line end.
#[cfg(target_os = "linux")]
#[test]
fn nul_separated_path_lists() {
    let dir = tempfile::tempdir().unwrap();
    let odd = dir.path().join("twee\nregels.pdf");
    std::fs::copy(fixture("beslisnota.pdf"), &odd).unwrap();
    let mut list = path(&odd).as_bytes().to_vec();
    list.push(0);
    list.extend_from_slice(path(&fixture("subtypes.pdf")).as_bytes());
    list.push(0);

    let output = run_with_stdin(&["-0", "-"], &list);
    assert_success(&output);
    let reports = json_lines(&output);
    assert_eq!(reports.len(), 2);
    assert_eq!(reports[0]["file"], path(&odd));
    assert_eq!(reports[0]["pages"], 2);

    let list_file = dir.path().join("list");
    std::fs::write(&list_file, &list).unwrap();
    let output = run(&["--null", "--files-from", path(&list_file)]);
    assert_eq!(code(&output), 0);
    assert_eq!(json_lines(&output).len(), 2);

    // Without -0 the NUL bytes make it binary data, neither a PDF nor a
    // list by lines: refused, with the option that reads it.
    let output = run_with_stdin(&["-"], &list);
    assert_eq!(code(&output), 2);
    assert!(String::from_utf8_lossy(&output.stderr).contains("-0"));
}

#[test]
fn an_empty_path_list_is_no_error() {
    let output = run_with_stdin(&["--files-from", "-", "--format", "jsonl"], b"");
    assert_success(&output);
    assert!(output.stdout.is_empty());
}

/// Binary data on standard input that is no PDF (a compressed copy, a
/// picture) is not read as a list of paths, line by line of garbage.
#[test]
fn binary_standard_input_is_neither_a_pdf_nor_a_list() {
    let picture = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01\0".repeat(20);
    let output = run_with_stdin(&["-"], &picture);
    assert_eq!(code(&output), 2);
    assert!(output.stdout.is_empty());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("--stdin-pdf"), "{stderr}");
}

#[test]
fn a_pdf_on_standard_input_is_read_as_a_pdf() {
    let bytes = std::fs::read(fixture("beslisnota.pdf")).unwrap();
    let output = run_with_stdin(&["-", "--compact"], &bytes);
    assert_success(&output);
    let from_stdin: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(from_stdin["file"], "-");
    assert_eq!(from_stdin["input_kind"], "pdf");

    let direct = run(&["--compact", path(&fixture("beslisnota.pdf"))]);
    let from_file: Value = serde_json::from_slice(&direct.stdout).unwrap();
    for key in ["pages", "annotations", "comments", "decisions", "warnings"] {
        assert_eq!(from_stdin[key], from_file[key], "{key}");
    }

    // Junk before the header is still a PDF.
    let junk = std::fs::read(fixture("beslisnota-junk.pdf")).unwrap();
    let output = run_with_stdin(&["-"], &junk);
    assert_eq!(code(&output), 0);

    // Forced: what is not a PDF is an error record named `-`.
    let output = run_with_stdin(&["--stdin-pdf", "-"], b"geen pdf\n");
    assert_eq!(code(&output), 1);
    let report: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(report["file"], "-");
    assert!(!report["error"].is_null());
}

#[test]
fn dash_o_dash_is_standard_output() {
    let dir = tempfile::tempdir().unwrap();
    let output = kantlijn()
        .current_dir(dir.path())
        .args(["-o", "-", path(&fixture("beslisnota.pdf"))])
        .output()
        .unwrap();
    assert_eq!(code(&output), 0);
    let report: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(report["pages"], 2);
    assert_eq!(
        std::fs::read_dir(dir.path()).unwrap().count(),
        0,
        "no file named -"
    );
}

#[test]
fn exit_zero_keeps_the_error_records() {
    let missing = fixture("weg.pdf");
    let output = run(&[
        "--exit-zero",
        path(&fixture("beslisnota.pdf")),
        path(&missing),
    ]);
    assert_eq!(code(&output), 0);
    let reports = json_lines(&output);
    assert_eq!(reports[1]["error"]["kind"], "unreadable");
}

#[test]
fn options_that_would_be_ignored_are_usage_errors() {
    let file = fixture("beslisnota.pdf");
    let file = path(&file);
    let out = tempfile::tempdir().unwrap();
    let cases: Vec<(Vec<&str>, &str)> = vec![
        (vec!["--decisions", "-f", "markdown"], "--decisions"),
        (vec!["--decisions", "-f", "json"], "--decisions"),
        (vec!["--notas", "-f", "json"], "--notas"),
        (vec!["--records", "comments"], "--records"),
        (vec!["--records", "comments", "-f", "jsonl"], "--records"),
        (
            vec!["-f", "csv", "--output-dir", path(out.path())],
            "--output-dir",
        ),
        (
            vec!["--decisions", "--output-dir", path(out.path())],
            "--output-dir",
        ),
        (vec!["--decisions", "--subtype", "Highlight"], "--subtype"),
        (vec!["--notas", "--author", "x"], "--author"),
        (
            vec!["-f", "csv", "--records", "notas", "--subtype", "Ink"],
            "--subtype",
        ),
        (
            vec!["-f", "csv", "--records", "decisions", "--author", "x"],
            "--author",
        ),
        (vec!["--compact", "-f", "csv"], "--compact"),
        (vec!["--compact", "--decisions"], "--compact"),
        (vec!["--compact", "--notas"], "--compact"),
        (
            vec!["--notas", "-f", "csv", "--records", "comments"],
            "--records",
        ),
        (
            vec!["--notas", "--output-dir", path(out.path())],
            "--output-dir",
        ),
        (vec!["--page-text", "--notas"], "--page-text"),
        (vec!["--page-text", "--subtype", "Text"], "--page-text"),
        (vec!["--page-text", "--no-text"], "--page-text"),
        (vec!["--no-text", "--no-flattened"], "--no-flattened"),
        (vec!["--stdin-pdf"], "--stdin-pdf"),
        (vec!["-0"], "-0"),
        (
            vec!["--password", "a", "--password-file", "b"],
            "--password",
        ),
        (vec!["--timeout", "0"], "--timeout"),
    ];
    for (flags, named) in cases {
        let mut args = flags.clone();
        args.push(file);
        let output = run(&args);
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(code(&output), 2, "{flags:?}: {stderr}");
        assert!(stderr.contains(named), "{flags:?}: {stderr}");
        assert!(output.stdout.is_empty(), "{flags:?}");
    }
    // Standard input once only.
    assert_eq!(code(&run(&["-", "--files-from", "-"])), 2);
}

#[test]
fn subtype_names_are_checked() {
    let output = run(&["--subtype", "Higlight", path(&fixture("beslisnota.pdf"))]);
    assert_eq!(code(&output), 2);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("Higlight") && stderr.contains("Highlight") && stderr.contains("FreeText"),
        "the error lists the subtypes: {stderr}"
    );
    let output = run(&["--subtype", "FREETEXT", path(&fixture("beslisnota.pdf"))]);
    assert_eq!(code(&output), 0);
    let report: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(report["annotations"].as_array().unwrap().len(), 1);
}

/// A full disk (here /dev/full) is an output error, exit status 3, not a
/// usage error; and a device named by --output is written, not replaced.
#[cfg(target_os = "linux")]
#[test]
fn an_output_that_cannot_be_written_exits_3() {
    use std::os::unix::fs::FileTypeExt;
    let full = Path::new("/dev/full");
    if !full.exists() {
        eprintln!("no /dev/full; skipped");
        return;
    }
    let output = kantlijn()
        .arg(path(&fixture("beslisnota.pdf")))
        .stdout(std::fs::OpenOptions::new().write(true).open(full).unwrap())
        .output()
        .unwrap();
    assert_eq!(code(&output), 3);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("cannot write the output"), "{stderr}");

    let output = run(&["-o", "/dev/full", path(&fixture("beslisnota.pdf"))]);
    assert_eq!(
        code(&output),
        3,
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(
        std::fs::metadata(full)
            .unwrap()
            .file_type()
            .is_char_device()
    );

    let output = run(&[
        "-o",
        "/nonexistent-folder/x.json",
        path(&fixture("beslisnota.pdf")),
    ]);
    assert_eq!(code(&output), 3);
}

#[test]
fn password_from_a_file_or_the_environment() {
    let file = fixture("beslisnota-wachtwoord.pdf");
    let dir = tempfile::tempdir().unwrap();
    let secret = dir.path().join("wachtwoord");
    std::fs::write(&secret, "geheim\n").unwrap();
    let output = run(&["--password-file", path(&secret), path(&file)]);
    assert_success(&output);

    let from_environment = |password: &str| {
        kantlijn()
            .env("KANTLIJN_PASSWORD", password)
            .arg(path(&file))
            .output()
            .unwrap()
    };
    let output = from_environment("geheim");
    assert_eq!(code(&output), 0);
    let report: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(report["encrypted"], true);
    assert_eq!(code(&from_environment("fout")), 1);

    let output = run(&[
        "--password-file",
        path(&dir.path().join("weg")),
        path(&file),
    ]);
    assert_eq!(code(&output), 2);
}

#[test]
fn page_text_marks_where_each_file_starts() {
    let a = fixture("beslisnota.pdf");
    let b = fixture("text-two-columns.pdf");
    let alone = |file: &Path| run(&["--page-text", path(file)]).stdout;
    let output = run(&["--page-text", path(&a), path(&b)]);
    assert_eq!(code(&output), 0);
    let mut expected = format!("==> {} <==\n", path(&a)).into_bytes();
    let mut first = alone(&a);
    assert_eq!(
        first.pop(),
        Some(b'\n'),
        "one file: its text and a line end"
    );
    expected.extend_from_slice(&first);
    expected.extend_from_slice(format!("\n==> {} <==\n", path(&b)).as_bytes());
    let mut second = alone(&b);
    second.pop();
    expected.extend_from_slice(&second);
    assert_eq!(
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&expected)
    );
}

#[test]
fn the_timeout_is_the_time_limit_of_the_reading() {
    // The reading stops at once and says so; the worker is not stopped.
    let output = run(&["--timeout", "0.000001", path(&fixture("beslisnota.pdf"))]);
    assert_success(&output);
    let report: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert!(report["error"].is_null(), "{report}");
    assert_eq!(report["complete"], false, "{report}");
    assert!(
        report["warnings"]
            .as_array()
            .unwrap()
            .iter()
            .any(|w| w["kind"] == "time_limit"
                && w["message"].as_str().unwrap().contains("time limit")),
        "{report}"
    );
    // With the default limit, the same file is read whole.
    let whole: Value =
        serde_json::from_slice(&run(&[path(&fixture("beslisnota.pdf"))]).stdout).unwrap();
    assert_eq!(whole["complete"], true, "{whole}");
}

/// `--ocr` reaches the workers: the scanned nota's stamp is read as its
/// decision (the fixture's independent values: MWP approved on 8 June
/// 2026). A build without OCR refuses the option before reading anything.
#[test]
fn ocr_reads_scanned_pages_or_is_refused_without_it() {
    let scan = fixture("beslisnota-gescand.pdf");
    // Without OCR the scan has no decision: its line names the file alone.
    let without: Vec<Value> = json_lines(&run(&["--decisions", path(&scan)]));
    assert_eq!(without, [serde_json::json!({"file": path(&scan)})]);
    let output = run(&["--ocr", "--ocr-lang", "nld+eng", "--decisions", path(&scan)]);
    if cfg!(feature = "ocr") {
        assert_success(&output);
        let decisions = json_lines(&output);
        assert_eq!(decisions.len(), 1, "{decisions:?}");
        assert_eq!(decisions[0]["actor"], "MWP");
        assert_eq!(decisions[0]["verdict"], "approved");
        assert_eq!(decisions[0]["date"], "2026-06-08");
    } else {
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(code(&output), 2, "{stderr}");
        assert!(stderr.contains("without OCR"), "{stderr}");
        assert!(output.stdout.is_empty());
    }
    // --ocr-lang alone would be ignored.
    assert_eq!(code(&run(&["--ocr-lang", "deu", path(&scan)])), 2);
}
