//! CSV: one row per record, with the file on every row, first, and its
//! name's exact bytes (`file_bytes`, base64, empty when `file` is exact)
//! last (RFC 4180, UTF-8, through the `csv` crate, which gets quoting and
//! embedded line breaks right).

use std::io::{self, Write};

use super::Records;
use super::notas::{NotaOfDecision, decision_in_brief, decisions_of};
use crate::annotation::Annotation;
use crate::decision::Decision;
use crate::nota::Nota;
use crate::pdf::date::{self, iso_date_time};
use crate::report::Report;
use crate::summary::Comment;

const ANNOTATION_COLUMNS: &[&str] = &[
    "file",
    "error",
    "page",
    "page_label",
    "ref",
    "subtype",
    "author",
    "subject",
    "contents",
    "text_under",
    "appearance_text",
    "created",
    "modified",
    "color",
    "opacity",
    "flags",
    "name",
    "intent",
    "icon",
    "in_reply_to",
    "reply_type",
    "state",
    "state_model",
    "review_states",
    "rect",
    "file_bytes",
];

const COMMENT_COLUMNS: &[&str] = &[
    "file",
    "error",
    "page",
    "summary_of",
    "target_page",
    "number",
    "author",
    "subject",
    "subtype",
    "date",
    "date_text",
    "contents",
    "fragment",
    "locale",
    "annotation",
    "file_bytes",
];

const DECISION_COLUMNS: &[&str] = &[
    "file",
    "error",
    "actor",
    "actor_title",
    "actor_from_author",
    "verdict",
    "verdict_text",
    "option",
    "point",
    "remark",
    "conditional",
    "date",
    "date_text",
    "date_basis",
    "text",
    "page",
    "source",
    "ref",
    "seen_in",
    "nota",
    "nota_title",
    "nota_date",
    "nota_reference",
    "file_bytes",
];

const NOTA_COLUMNS: &[&str] = &[
    "file",
    "error",
    "nota",
    "title",
    "kind",
    "kind_text",
    "addressee",
    "date",
    "date_text",
    "reference",
    "first_page",
    "last_page",
    "line",
    "deadline",
    "deadline_text",
    "decision_points",
    "decisions",
    "file_bytes",
];

/// Writes reports as CSV rows, the header first.
///
/// ```
/// use kantlijn::output::{CsvWriter, Records};
/// use kantlijn::{Options, extract};
///
/// let report = extract("fixtures/beslisnota.pdf", &Options::default())?;
/// let mut csv = CsvWriter::new(Vec::new(), Records::Decisions);
/// csv.write_report(&report)?;
/// let text = String::from_utf8(csv.into_inner()?).unwrap();
/// let mut lines = text.lines();
/// assert!(lines.next().unwrap().starts_with("file,error,actor,actor_title,"));
/// let row = lines.next().unwrap();
/// assert!(row.starts_with("fixtures/beslisnota.pdf,,MWP,Minister van Werk en Participatie,false,approved,"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub struct CsvWriter<W: Write> {
    inner: csv::Writer<W>,
    records: Records,
    header_written: bool,
}

impl<W: Write> CsvWriter<W> {
    /// A writer of `records` rows into `out`.
    pub fn new(out: W, records: Records) -> Self {
        Self {
            inner: csv::WriterBuilder::new()
                .has_headers(false)
                .from_writer(out),
            records,
            header_written: false,
        }
    }

    /// A writer that writes rows only: for output that continues a CSV
    /// whose header was written elsewhere (the pieces of a parallel batch).
    pub fn without_header(out: W, records: Records) -> Self {
        let mut writer = Self::new(out, records);
        writer.header_written = true;
        writer
    }

    /// The header row (written before the first report if not called).
    pub fn write_header(&mut self) -> io::Result<()> {
        if !self.header_written {
            self.header_written = true;
            let columns = columns(self.records);
            self.inner.write_record(columns).map_err(io::Error::other)?;
        }
        Ok(())
    }

    /// The rows of one report: one per record, or a single row naming the
    /// file (and its error) when it has none.
    pub fn write_report(&mut self, report: &Report) -> io::Result<()> {
        self.write_header()?;
        let error = report
            .error
            .as_ref()
            .map(|e| format!("{}: {}", kind_code(e.kind), e.message))
            .unwrap_or_default();
        let rows: Vec<Vec<String>> = match self.records {
            Records::Annotations => report
                .annotations
                .iter()
                .map(|a| annotation_row(&report.file, &error, a))
                .collect(),
            Records::Comments => report
                .comments
                .iter()
                .map(|c| comment_row(&report.file, &error, c))
                .collect(),
            Records::Decisions => report
                .decisions
                .iter()
                .map(|d| decision_row(report, &error, d))
                .collect(),
            Records::Notas => report
                .notas
                .iter()
                .enumerate()
                .map(|(index, nota)| nota_row(report, &error, index, nota))
                .collect(),
        };
        // The name's exact bytes close every row, as in the JSON: `file`
        // alone would read two names that differ in invalid bytes alike.
        let file_bytes = report.file_bytes.as_deref().unwrap_or_default();
        if rows.is_empty() {
            let width = columns(self.records).len() - 1;
            let mut row = vec![String::new(); width];
            if let Some(first) = row.first_mut() {
                first.clone_from(&report.file);
            }
            if let Some(second) = row.get_mut(1) {
                second.clone_from(&error);
            }
            self.write_row(row, file_bytes)?;
        }
        for row in rows {
            self.write_row(row, file_bytes)?;
        }
        Ok(())
    }

    fn write_row(&mut self, mut row: Vec<String>, file_bytes: &str) -> io::Result<()> {
        row.push(file_bytes.to_owned());
        self.inner.write_record(&row).map_err(io::Error::other)
    }

    /// Flushes and returns the underlying writer.
    pub fn into_inner(self) -> io::Result<W> {
        self.inner
            .into_inner()
            .map_err(|e| io::Error::other(e.to_string()))
    }
}

fn columns(records: Records) -> &'static [&'static str] {
    match records {
        Records::Annotations => ANNOTATION_COLUMNS,
        Records::Comments => COMMENT_COLUMNS,
        Records::Decisions => DECISION_COLUMNS,
        Records::Notas => NOTA_COLUMNS,
    }
}

/// A date as ISO 8601, or an empty cell.
fn iso_date(value: Option<chrono::NaiveDate>) -> String {
    value
        .map(|d| date::iso_date(d).to_string())
        .unwrap_or_default()
}

fn kind_code(kind: crate::error::ErrorKind) -> String {
    code(&kind)
}

/// The JSON name of a unit enum value (`"to_discuss"`).
pub(super) fn code<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_value(value)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}

fn text<T: ToString>(value: Option<&T>) -> String {
    value.map(ToString::to_string).unwrap_or_default()
}

fn annotation_row(file: &str, error: &str, a: &Annotation) -> Vec<String> {
    let reply_type = a.reply_type.as_ref().map(code).unwrap_or_default();
    let review_states = a
        .review_states
        .iter()
        .map(|s| {
            let mut line = s.state.to_string();
            if let Some(author) = &s.author {
                line.push_str(" by ");
                line.push_str(author);
            }
            if let Some(date) = &s.date {
                line.push_str(" on ");
                line.push_str(&date.to_string());
            }
            line
        })
        .collect::<Vec<_>>()
        .join("; ");
    let rect = a
        .rect
        .map(|r| r.to_array().map(|v| v.to_string()).join(" "))
        .unwrap_or_default();
    vec![
        file.to_owned(),
        error.to_owned(),
        a.page.to_string(),
        text(a.page_label.as_ref()),
        a.reference.to_string(),
        a.subtype.to_string(),
        text(a.author.as_ref()),
        text(a.subject.as_ref()),
        text(a.contents.as_ref()),
        text(a.text_under.as_ref()),
        text(a.appearance_text.as_ref()),
        text(a.created.as_ref()),
        text(a.modified.as_ref()),
        text(a.color.as_ref()),
        text(a.opacity.as_ref()),
        a.flags.names().collect::<Vec<_>>().join(" "),
        text(a.name.as_ref()),
        text(a.intent.as_ref()),
        text(a.icon.as_ref()),
        text(a.in_reply_to.as_ref()),
        reply_type,
        text(a.state.as_ref()),
        text(a.state_model.as_ref()),
        review_states,
        rect,
    ]
}

fn comment_row(file: &str, error: &str, c: &Comment) -> Vec<String> {
    vec![
        file.to_owned(),
        error.to_owned(),
        text(c.page.as_ref()),
        text(c.summary_of.as_ref()),
        text(c.target_page.as_ref()),
        text(c.number.as_ref()),
        text(c.author.as_ref()),
        text(c.subject.as_ref()),
        text(c.subtype.as_ref()),
        c.date
            .map(|d| iso_date_time(d).to_string())
            .unwrap_or_default(),
        text(c.date_text.as_ref()),
        text(c.contents.as_ref()),
        c.fragment.to_string(),
        c.locale.clone(),
        text(c.annotation.as_ref()),
    ]
}

fn decision_row(report: &Report, error: &str, d: &Decision) -> Vec<String> {
    let nota = NotaOfDecision::of(report, d);
    let seen_in = d
        .seen_in
        .iter()
        .map(|s| match &s.reference {
            Some(reference) => format!("{} {reference}", code(&s.source)),
            None => code(&s.source),
        })
        .collect::<Vec<_>>()
        .join("; ");
    vec![
        report.file.clone(),
        error.to_owned(),
        text(d.actor.as_ref()),
        text(d.actor_title.as_ref()),
        d.actor_from_author.to_string(),
        code(&d.verdict),
        d.verdict_text.clone(),
        text(d.option.as_ref()),
        text(d.point.as_ref()),
        text(d.remark.as_ref()),
        d.conditional.to_string(),
        iso_date(d.date),
        text(d.date_text.as_ref()),
        d.date_basis.as_ref().map(code).unwrap_or_default(),
        d.text.clone(),
        text(d.page.as_ref()),
        code(&d.source),
        text(d.reference.as_ref()),
        seen_in,
        text(d.nota.as_ref()),
        text(nota.nota_title.as_ref()),
        iso_date(nota.nota_date),
        text(nota.nota_reference.as_ref()),
    ]
}

/// A nota's row: its fields, its decision points one a line, and its
/// decisions in brief ("MWP approved 2026-06-08"), separated by "; ".
fn nota_row(report: &Report, error: &str, index: usize, n: &Nota) -> Vec<String> {
    let decisions: Vec<String> = decisions_of(report, n).map(decision_in_brief).collect();
    vec![
        report.file.clone(),
        error.to_owned(),
        index.to_string(),
        text(n.title.as_ref()),
        code(&n.kind),
        text(n.kind_text.as_ref()),
        text(n.addressee.as_ref()),
        iso_date(n.date),
        text(n.date_text.as_ref()),
        text(n.reference.as_ref()),
        text(n.first_page.as_ref()),
        text(n.last_page.as_ref()),
        n.line.to_string(),
        iso_date(n.deadline),
        text(n.deadline_text.as_ref()),
        n.decision_points.join("\n"),
        decisions.join("; "),
    ]
}
