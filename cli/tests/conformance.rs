//! Conformance over a corpus of real PDFs with reference output.
//!
//! Needs the corpus, which is not shipped: the test is ignored unless asked
//! for, with `KANTLIJN_CORPUS` naming the corpus directory (the one with
//! `files.tsv` and `expected/`):
//!
//! ```text
//! KANTLIJN_CORPUS=../shared/corpus cargo test --release --test conformance -- --include-ignored --nocapture
//! ```
//!
//! Every PDF is read by the `kantlijn` binary in its own process, with a time
//! limit, so a crash or a hang is seen as such. The output is compared with
//! the reference (PyMuPDF reading each page's `/Annots`), field by field,
//! matching annotations by page and object number. The run fails on a
//! panic, a crash, a hang, a file over the time limit, or agreement below
//! the floor in `FLOORS`. Disagreements where kantlijn is right are listed in
//! `EXPLAINED` with the reason.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use std::collections::{BTreeMap, HashMap};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value;
use support::data::Corpus;

#[path = "../../tests/support/mod.rs"]
mod support;

/// Longest a file may take, whole process.
const SLOW: Duration = Duration::from_secs(1);
/// A process still running after this is a hang.
const HANG: Duration = Duration::from_secs(20);

/// Agreement floors per field, in percent of the compared annotations: what
/// this implementation reaches; a drop fails the run.
const FLOORS: &[(&str, f64)] = &[
    ("subtype", 100.0),
    ("page", 100.0),
    ("author", 100.0),
    ("subject", 100.0),
    ("contents", 100.0),
    ("created", 100.0),
    ("modified", 100.0),
    ("rect", 100.0),
    ("color", 100.0),
    ("in_reply_to", 100.0),
    ("name", 100.0),
    ("rich_text", 100.0),
    ("quads", 100.0),
    ("flags", 100.0),
    ("state", 100.0),
    ("reply_type", 100.0),
    ("popup", 100.0),
    ("encrypted", 100.0),
    ("producer", 100.0),
];

/// Disagreements with the reference where kantlijn is right:
/// (file, object number, field, reason).
const EXPLAINED: &[(&str, u32, &str, &str)] = &[];

/// File-level fields where kantlijn is right: (file, field, reason).
const EXPLAINED_FILE_FIELDS: &[(&str, &str, &str)] = &[
    (
        "pdfjs/issue9418.pdf",
        "producer",
        "the reference gives up on this file's page tree and reports no metadata; /Producer is there",
    ),
    (
        "pypdf/r2-empty-password.pdf",
        "producer",
        "/Producer is an empty string, which kantlijn keeps; the reference writes null",
    ),
    (
        "pypdf/r4-owner-password.pdf",
        "producer",
        "/Producer is an empty string, which kantlijn keeps; the reference writes null",
    ),
    (
        "pypdf/r5-owner-password.pdf",
        "producer",
        "/Producer is an empty string, which kantlijn keeps; the reference writes null",
    ),
];

/// Files the reference opens and kantlijn reports as an error, with the
/// reason kantlijn is right. In all of them the reference finds no
/// annotation, and in all but one no page.
const EXPLAINED_ERRORS: &[(&str, &str)] = &[
    (
        "hayro/issue205.pdf",
        "no %PDF- header and no page object (the file starts inside a stream); MuPDF finds 0 pages",
    ),
    (
        "hayro/issue207.pdf",
        "no %PDF- header, a catalog typed /Caalog and a trailer cut into a stream's end; MuPDF finds 0 pages",
    ),
    (
        "pdf-rs/crash-122.pdf",
        "fuzzed: no object survives; MuPDF finds 0 pages",
    ),
    (
        "pdf-rs/crash-123.pdf",
        "fuzzed: no page object survives; MuPDF finds 0 pages",
    ),
    (
        "pdfium/bug_216.pdf",
        "/Pages has /Count 1 but no /Kids: there is no page; MuPDF trusts /Count",
    ),
    (
        "pdfjs/poppler-937-0-fuzzed.pdf",
        "fuzzed page tree with no readable page; MuPDF finds 0 pages",
    ),
];

/// Files whose page count differs from the reference's, with the reason
/// kantlijn's count is right: (file, ours, reference, reason).
const EXPLAINED_PAGE_COUNTS: &[(&str, u64, u64, &str)] = &[
    (
        "hayro/page_tree_cycle.pdf",
        1,
        2,
        "the second kid is a cycle of /Pages nodes holding no page; MuPDF counts /Count",
    ),
    (
        "pdf-rs/crash-121-2.pdf",
        3,
        4,
        "the root's /Kids lists the root itself (a cycle) and three pages",
    ),
    (
        "pdfjs/issue9418.pdf",
        1,
        0,
        "one page reachable from the catalog; MuPDF gives up on the page tree",
    ),
];

#[test]
#[ignore = "needs KANTLIJN_CORPUS"]
fn corpus_conformance() {
    let corpus = Corpus::from_env();
    let files = corpus.files();
    let binary = env!("CARGO_BIN_EXE_kantlijn");

    let mut tally = Tally::default();
    for file in &files {
        let expected: Value = serde_json::from_str(
            &std::fs::read_to_string(corpus.expected().join(format!("{file}.json")))
                .unwrap_or_else(|e| panic!("reference for {file}: {e}")),
        )
        .unwrap();
        let run = run_binary(binary, &corpus.root().join(file));
        tally.file(file, &expected, run);
    }
    tally.print();
    tally.check();
}

enum Run {
    Report(Value, Duration),
    Crashed(String),
    Hung,
}

fn run_binary(binary: &str, file: &Path) -> Run {
    let start = Instant::now();
    let mut child = Command::new(binary)
        .arg("--compact")
        .arg(file)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn kantlijn");
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            let elapsed = start.elapsed();
            let output = child.wait_with_output().unwrap();
            let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
            return match status.code() {
                Some(0 | 1) => match serde_json::from_slice(&output.stdout) {
                    Ok(report) => Run::Report(report, elapsed),
                    Err(e) => Run::Crashed(format!("unparseable output ({e}); stderr: {stderr}")),
                },
                Some(code) => Run::Crashed(format!("exit code {code}; stderr: {stderr}")),
                None => Run::Crashed(format!("killed by a signal; stderr: {stderr}")),
            };
        }
        if start.elapsed() > HANG {
            let _ = child.kill();
            let _ = child.wait();
            return Run::Hung;
        }
        std::thread::sleep(Duration::from_millis(2));
    }
}

#[derive(Default)]
struct Tally {
    files: usize,
    read: usize,
    errors_agreeing: usize,
    errors: Vec<String>,
    failures: Vec<String>,
    slow: Vec<String>,
    page_count_differs: Vec<String>,
    compared: BTreeMap<&'static str, (usize, usize)>,
    missing: Vec<String>,
    extra: Vec<String>,
    disagreements: Vec<String>,
    explained: usize,
}

impl Tally {
    fn file(&mut self, file: &str, expected: &Value, run: Run) {
        self.files += 1;
        let (report, elapsed) = match run {
            Run::Report(report, elapsed) => (report, elapsed),
            Run::Crashed(why) => {
                self.failures.push(format!("{file}: crashed: {why}"));
                return;
            }
            Run::Hung => {
                self.failures
                    .push(format!("{file}: no answer within {HANG:?}"));
                return;
            }
        };
        if elapsed > SLOW {
            self.slow.push(format!("{file}: {elapsed:?}"));
        }
        let expected_error = !expected["error"].is_null();
        let our_error = &report["error"];
        if !our_error.is_null() {
            if expected_error {
                self.errors_agreeing += 1;
            } else if EXPLAINED_ERRORS.iter().any(|(f, _)| *f == file) {
                self.explained += 1;
            } else {
                self.errors.push(format!(
                    "{file}: {} (the reference reads it)",
                    our_error["message"]
                ));
            }
            return;
        }
        self.read += 1;
        if expected_error {
            self.errors.push(format!(
                "{file}: read, but the reference failed: {}",
                expected["error"]
            ));
            return;
        }
        if report["pages"] != expected["pages"] {
            let explained = EXPLAINED_PAGE_COUNTS.iter().any(|(f, ours, theirs, _)| {
                *f == file
                    && report["pages"].as_u64() == Some(*ours)
                    && expected["pages"].as_u64() == Some(*theirs)
            });
            if explained {
                self.explained += 1;
            } else {
                self.page_count_differs.push(format!(
                    "{file}: {} pages, reference {}",
                    report["pages"], expected["pages"]
                ));
            }
        }
        self.file_field(
            "encrypted",
            file,
            &expected["encrypted"],
            &report["encrypted"],
        );
        self.file_field("producer", file, &expected["producer"], &report["producer"]);
        self.annotations(file, expected, &report);
    }

    fn file_field(&mut self, field: &'static str, file: &str, reference: &Value, ours: &Value) {
        let entry = self.compared.entry(field).or_default();
        entry.0 += 1;
        if same_text(reference, ours) {
            entry.1 += 1;
        } else if EXPLAINED_FILE_FIELDS
            .iter()
            .any(|(f, fl, _)| *f == file && *fl == field)
        {
            entry.1 += 1;
            self.explained += 1;
        } else {
            self.disagreements.push(format!(
                "{file} {field}: reference {} / ours {}",
                short(reference),
                short(ours)
            ));
        }
    }

    fn annotations(&mut self, file: &str, expected: &Value, report: &Value) {
        // Ours, keyed by (0-based page, object number); inline ones by order.
        let mut ours: HashMap<(u64, u64), Vec<&Value>> = HashMap::new();
        for annotation in report["annotations"].as_array().unwrap() {
            let page = annotation["page"].as_u64().unwrap() - 1;
            let number = object_number(&annotation["ref"]).unwrap_or(0);
            ours.entry((page, number)).or_default().push(annotation);
        }
        let mut matched: HashMap<(u64, u64), usize> = HashMap::new();
        for reference in expected["annotations"].as_array().unwrap() {
            if reference["is_popup"].as_bool() == Some(true) && !reference["parent"].is_null() {
                continue;
            }
            let page = reference["page"].as_u64().unwrap();
            let number = reference["xref"].as_u64().unwrap_or(0);
            let key = (page, number);
            let index = matched.entry(key).or_default();
            let Some(annotation) = ours.get(&key).and_then(|list| list.get(*index)) else {
                self.missing.push(format!(
                    "{file}: page {} object {number} {}",
                    page + 1,
                    reference["subtype"]
                ));
                continue;
            };
            *index += 1;
            self.compare(file, number, reference, annotation);
        }
        for (key, list) in &ours {
            let used = matched.get(key).copied().unwrap_or(0);
            for annotation in list.iter().skip(used) {
                self.extra.push(format!(
                    "{file}: page {} {} {}",
                    key.0 + 1,
                    annotation["ref"],
                    annotation["subtype"]
                ));
            }
        }
    }

    fn compare(&mut self, file: &str, number: u64, reference: &Value, ours: &Value) {
        let fields: [(&'static str, bool); 17] = [
            ("subtype", reference["subtype"] == ours["subtype"]),
            (
                "page",
                reference["page"].as_u64().map(|p| p + 1) == ours["page"].as_u64(),
            ),
            ("author", same_text(&reference["author"], &ours["author"])),
            (
                "subject",
                same_text(&reference["subject"], &ours["subject"]),
            ),
            ("contents", same_contents(reference, ours)),
            (
                "created",
                same_date(&reference["created"], &ours["created"]),
            ),
            (
                "modified",
                same_date(&reference["modified"], &ours["modified"]),
            ),
            ("rect", same_rect(&reference["rect"], &ours["rect"])),
            ("color", same_color(&reference["color"], &ours["color"])),
            (
                "in_reply_to",
                reference["irt"].as_u64() == object_number(&ours["in_reply_to"]),
            ),
            ("name", reference["nm"] == ours["name"]),
            ("rich_text", reference["rc"] == ours["rich_text"]),
            ("quads", same_quads(&reference["quads"], &ours["quads"])),
            ("flags", same_flags(&reference["flags"], &ours["flags"])),
            (
                "state",
                reference["state"] == ours["state"]
                    && reference["state_model"] == ours["state_model"],
            ),
            ("reply_type", same_reply_type(reference, ours)),
            (
                "popup",
                reference["popup"].is_null() == ours["popup"].is_null(),
            ),
        ];
        for (field, same) in fields {
            let entry = self.compared.entry(field).or_default();
            entry.0 += 1;
            if same {
                entry.1 += 1;
                continue;
            }
            if EXPLAINED
                .iter()
                .any(|(f, n, fl, _)| *f == file && u64::from(*n) == number && *fl == field)
            {
                entry.1 += 1;
                self.explained += 1;
                continue;
            }
            let (theirs, mine) = field_values(field, reference, ours);
            self.disagreements.push(format!(
                "{file} obj {number} {field}: reference {theirs} / ours {mine}"
            ));
        }
    }

    fn print(&self) {
        eprintln!(
            "\n== conformance: {} files, {} read, {} errors agreeing with the reference",
            self.files, self.read, self.errors_agreeing
        );
        eprintln!(
            "{:<12} {:>8} {:>8} {:>9}",
            "field", "compared", "agree", "percent"
        );
        for (field, (compared, agree)) in &self.compared {
            eprintln!(
                "{field:<12} {compared:>8} {agree:>8} {:>8.2}%",
                percent(*agree, *compared)
            );
        }
        let sections: [(&str, &Vec<String>); 7] = [
            ("failures (panic, crash, hang)", &self.failures),
            ("errors disagreeing with the reference", &self.errors),
            ("slow files", &self.slow),
            ("page counts differing", &self.page_count_differs),
            ("annotations missing", &self.missing),
            ("annotations extra", &self.extra),
            ("field disagreements", &self.disagreements),
        ];
        for (title, list) in sections {
            eprintln!("-- {title}: {}", list.len());
            for line in list.iter().take(60) {
                eprintln!("   {line}");
            }
        }
        eprintln!("-- explained disagreements: {}", self.explained);
    }

    fn check(&self) {
        assert!(
            self.failures.is_empty(),
            "panics, crashes or hangs: {:#?}",
            self.failures
        );
        assert!(
            self.slow.is_empty(),
            "files over {SLOW:?}: {:#?}",
            self.slow
        );
        assert!(
            self.errors.is_empty(),
            "errors that disagree with the reference: {:#?}",
            self.errors
        );
        assert!(
            self.page_count_differs.is_empty(),
            "page counts that differ: {:#?}",
            self.page_count_differs
        );
        assert!(
            self.missing.is_empty(),
            "annotations missing: {:#?}",
            self.missing
        );
        assert!(
            self.extra.is_empty(),
            "annotations the reference does not have: {:#?}",
            self.extra
        );
        for (field, floor) in FLOORS {
            let (compared, agree) = self.compared.get(field).copied().unwrap_or((0, 0));
            let got = percent(agree, compared);
            assert!(
                got >= *floor,
                "{field}: {got:.2}% agreement, floor {floor}%"
            );
        }
    }
}

fn percent(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        100.0
    } else {
        part as f64 * 100.0 / whole as f64
    }
}

fn object_number(reference: &Value) -> Option<u64> {
    let text = reference.as_str()?;
    if text.starts_with("inline:") {
        return Some(0);
    }
    text.split(' ').next()?.parse().ok()
}

fn field_values(field: &str, reference: &Value, ours: &Value) -> (String, String) {
    let (theirs, mine) = match field {
        "in_reply_to" => ("irt", "in_reply_to"),
        "name" => ("nm", "name"),
        "rich_text" => ("rc", "rich_text"),
        "state" => ("state", "state"),
        other => (other, other),
    };
    (short(&reference[theirs]), short(&ours[mine]))
}

fn short(value: &Value) -> String {
    let text = value.to_string();
    if text.chars().count() > 90 {
        format!("{}…", text.chars().take(90).collect::<String>())
    } else {
        text
    }
}

/// `contents` is `/Contents`, or the plain text of `/RC` when `/Contents` is
/// absent; the reference gives `/Contents` only.
fn same_contents(reference: &Value, ours: &Value) -> bool {
    if reference["contents"].is_null() && !reference["rc"].is_null() {
        return !ours["contents"].is_null();
    }
    same_text(&reference["contents"], &ours["contents"])
}

/// Text strings compare after normalising line ends: kantlijn writes every
/// CR and CRLF inside a text string as LF (its contract), the reference
/// keeps the file's bytes.
fn same_text(reference: &Value, ours: &Value) -> bool {
    match (reference.as_str(), ours.as_str()) {
        (Some(r), Some(o)) => r.replace("\r\n", "\n").replace('\r', "\n") == o,
        _ => reference == ours,
    }
}

/// The reference gives the raw PDF date; convert the spec form independently
/// of the library and compare.
fn same_date(raw: &Value, ours: &Value) -> bool {
    match (raw.as_str(), ours.as_str()) {
        (None, None) => true,
        (Some(raw), Some(ours)) => independent_date(raw).is_some_and(|expected| expected == ours),
        (Some(raw), None) => independent_date(raw).is_none(),
        (None, Some(_)) => false,
    }
}

/// The spec form, `D:YYYYMMDDHHmmSSOHH'mm'`, with `Z` optionally followed by
/// a zero offset. An offset that is not two digits of hours and two of
/// minutes is no offset: the local time stands alone.
fn independent_date(raw: &str) -> Option<String> {
    let full = regex::Regex::new(
        r"^D:(\d{4})(\d\d)?(\d\d)?(\d\d)?(\d\d)?(\d\d)?(?:(Z)(?:00'00'?)?|([+-])(\d\d)'?(\d\d)?'?)?$",
    )
    .unwrap();
    let local_only =
        regex::Regex::new(r"^D:(\d{4})(\d\d)?(\d\d)?(\d\d)?(\d\d)?(\d\d)?[+-]\d\d'\d{3,}'?$")
            .unwrap();
    let raw = raw.trim();
    let c = full.captures(raw).or_else(|| local_only.captures(raw))?;
    let part = |i: usize, default: &str| {
        c.get(i)
            .map_or(default.to_owned(), |m| m.as_str().to_owned())
    };
    let (month, day) = (part(2, "01"), part(3, "01"));
    let (m, d): (u32, u32) = (month.parse().ok()?, day.parse().ok()?);
    chrono::NaiveDate::from_ymd_opt(part(1, "").parse().ok()?, m, d)?;
    let (h, mi, s): (u32, u32, u32) = (
        part(4, "00").parse().ok()?,
        part(5, "00").parse().ok()?,
        part(6, "00").parse().ok()?,
    );
    if h > 23 || mi > 59 || s > 59 {
        return None;
    }
    let base = format!("{}-{month}-{day}T{h:02}:{mi:02}:{s:02}", part(1, ""));
    if c.get(7).is_some() {
        return Some(format!("{base}Z"));
    }
    match c.get(8) {
        Some(sign) => Some(format!(
            "{base}{}{}:{}",
            sign.as_str(),
            part(9, "00"),
            part(10, "00")
        )),
        None => Some(base),
    }
}

fn numbers(value: &Value) -> Option<Vec<f64>> {
    value.as_array()?.iter().map(Value::as_f64).collect()
}

fn same_rect(reference: &Value, ours: &Value) -> bool {
    match (numbers(reference), numbers(ours)) {
        (Some(r), Some(o)) if r.len() == 4 && o.len() == 4 => {
            let normalised = [
                r[0].min(r[2]),
                r[1].min(r[3]),
                r[0].max(r[2]),
                r[1].max(r[3]),
            ];
            normalised.iter().zip(&o).all(|(a, b)| (a - b).abs() < 0.01)
        }
        (None, None) => true,
        (Some(r), None) => r.len() != 4,
        _ => false,
    }
}

fn same_color(reference: &Value, ours: &Value) -> bool {
    let Some(components) = numbers(reference) else {
        return ours.is_null();
    };
    let to_byte = |v: f64| (v.clamp(0.0, 1.0) * 255.0).round() as i64;
    let expected: Option<[i64; 3]> = match components.as_slice() {
        [] => None,
        [g] => Some([to_byte(*g); 3]),
        [r, g, b] => Some([to_byte(*r), to_byte(*g), to_byte(*b)]),
        [c, m, y, k] => Some([
            to_byte((1.0 - c) * (1.0 - k)),
            to_byte((1.0 - m) * (1.0 - k)),
            to_byte((1.0 - y) * (1.0 - k)),
        ]),
        _ => None,
    };
    match (expected, ours.as_str()) {
        (None, None) => true,
        (Some(rgb), Some(hex)) if hex.len() == 7 => {
            let channel = |i: usize| i64::from_str_radix(&hex[1 + 2 * i..3 + 2 * i], 16).unwrap();
            // The reference rounds components to 4 decimals: allow one step.
            (0..3).all(|i| (channel(i) - rgb[i]).abs() <= 1)
        }
        _ => false,
    }
}

fn same_quads(reference: &Value, ours: &Value) -> bool {
    match (reference.as_array(), ours.as_array()) {
        (None, None) => true,
        (Some(r), Some(o)) if r.len() == o.len() => {
            r.iter()
                .zip(o)
                .all(|(a, b)| match (numbers(a), numbers(b)) {
                    (Some(a), Some(b)) => {
                        a.len() == b.len() && a.iter().zip(&b).all(|(x, y)| (x - y).abs() < 0.01)
                    }
                    _ => false,
                })
        }
        _ => false,
    }
}

fn same_flags(reference: &Value, ours: &Value) -> bool {
    const NAMES: [&str; 10] = [
        "Invisible",
        "Hidden",
        "Print",
        "NoZoom",
        "NoRotate",
        "NoView",
        "ReadOnly",
        "Locked",
        "ToggleNoView",
        "LockedContents",
    ];
    let bits = reference.as_i64().unwrap_or(0) as u32;
    let expected: Vec<String> = (0..32)
        .filter(|b| bits & (1 << b) != 0)
        .map(|b| {
            NAMES
                .get(b as usize)
                .map_or(format!("Bit{}", b + 1), |n| (*n).to_owned())
        })
        .collect();
    let mine: Vec<String> = ours
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(|v| v.as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default();
    expected == mine
}

fn same_reply_type(reference: &Value, ours: &Value) -> bool {
    if reference["irt"].is_null() {
        return ours["reply_type"].is_null();
    }
    let expected = match reference["reply_type"].as_str() {
        Some("Group") => "group",
        _ => "reply",
    };
    ours["reply_type"].as_str() == Some(expected)
}
