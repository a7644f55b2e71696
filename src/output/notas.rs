//! The nota register, one line per nota with its file and its decisions
//! folded in: JSON Lines ([`write_notas`]) and a Markdown table
//! ([`write_nota_table_header`], [`write_nota_rows`]).

use std::io::{self, Write};

use chrono::NaiveDate;
use serde::Serialize;

use super::markdown::escape;
use crate::decision::Decision;
use crate::nota::{Nota, NotaKind};
use crate::pdf::date::iso_date;
use crate::report::Report;

/// One nota as a line of the register: the nota's fields, with its
/// decisions in full where the report has their indices.
#[derive(Serialize)]
struct NotaLine<'r> {
    file: &'r str,
    /// The nota's index in the report's `notas`.
    nota: usize,
    title: Option<&'r str>,
    kind: NotaKind,
    kind_text: Option<&'r str>,
    addressee: Option<&'r str>,
    #[serde(serialize_with = "crate::pdf::date::serialize_iso_date")]
    date: Option<NaiveDate>,
    date_text: Option<&'r str>,
    reference: Option<&'r str>,
    first_page: Option<usize>,
    last_page: Option<usize>,
    line: usize,
    #[serde(serialize_with = "crate::pdf::date::serialize_iso_date")]
    deadline: Option<NaiveDate>,
    deadline_text: Option<&'r str>,
    decision_points: &'r [String],
    decisions: Vec<&'r Decision>,
}

impl<'r> NotaLine<'r> {
    fn new(report: &'r Report, index: usize, nota: &'r Nota) -> Self {
        Self {
            file: &report.file,
            nota: index,
            title: nota.title.as_deref(),
            kind: nota.kind,
            kind_text: nota.kind_text.as_deref(),
            addressee: nota.addressee.as_deref(),
            date: nota.date,
            date_text: nota.date_text.as_deref(),
            reference: nota.reference.as_deref(),
            first_page: nota.first_page,
            last_page: nota.last_page,
            line: nota.line,
            deadline: nota.deadline,
            deadline_text: nota.deadline_text.as_deref(),
            decision_points: &nota.decision_points,
            decisions: decisions_of(report, nota).collect(),
        }
    }
}

/// The nota a decision was taken on, as a line of the decision register
/// names it beside the decision's index (`nota`): its title, date and
/// reference, all `null` when the decision has no nota.
#[derive(Serialize)]
pub(super) struct NotaOfDecision<'r> {
    pub(super) nota_title: Option<&'r str>,
    #[serde(serialize_with = "crate::pdf::date::serialize_iso_date")]
    pub(super) nota_date: Option<NaiveDate>,
    pub(super) nota_reference: Option<&'r str>,
}

impl<'r> NotaOfDecision<'r> {
    pub(super) fn of(report: &'r Report, decision: &Decision) -> Self {
        let nota = decision.nota.and_then(|index| report.notas.get(index));
        Self {
            nota_title: nota.and_then(|nota| nota.title.as_deref()),
            nota_date: nota.and_then(|nota| nota.date),
            nota_reference: nota.and_then(|nota| nota.reference.as_deref()),
        }
    }
}

/// The decisions a nota lists.
pub(super) fn decisions_of<'r>(
    report: &'r Report,
    nota: &'r Nota,
) -> impl Iterator<Item = &'r Decision> + 'r {
    nota.decisions
        .iter()
        .filter_map(|&index| report.decisions.get(index))
}

/// A decision in a few words: "MWP approved 2026-06-08", "MWP option 2
/// 2026-03-30".
pub(super) fn decision_in_brief(decision: &Decision) -> String {
    let mut words = Vec::new();
    if let Some(actor) = &decision.actor {
        words.push(actor.clone());
    }
    words.push(super::csv::code(&decision.verdict));
    if let Some(option) = decision.option {
        words.push(format!("option {option}"));
    }
    if let Some(date) = decision.date {
        words.push(iso_date(date).to_string());
    }
    words.join(" ")
}

/// Writes a report's notas as JSON lines, one per nota, each with the
/// report's file, the nota's index and its decisions in full; a report
/// that has an error gives one line with it, and one without notas a line
/// with its file alone, so that every input has a line.
pub fn write_notas(out: &mut impl Write, report: &Report) -> io::Result<()> {
    super::write_file_line(out, report, !report.notas.is_empty())?;
    for (index, nota) in report.notas.iter().enumerate() {
        serde_json::to_writer(&mut *out, &NotaLine::new(report, index, nota))?;
        out.write_all(b"\n")?;
    }
    Ok(())
}

/// Writes the header of the Markdown table of notas that
/// [`write_nota_rows`] fills.
pub fn write_nota_table_header<W: Write + ?Sized>(out: &mut W) -> io::Result<()> {
    writeln!(
        out,
        "| file | nota | date | title | reference | pages | decisions |"
    )?;
    writeln!(out, "|---|---|---|---|---|---|---|")
}

/// Writes one row of the Markdown table of notas per nota of a report; a
/// report without notas gets one row that says so (or gives its error), so
/// that every input has a line.
pub fn write_nota_rows(out: &mut impl Write, report: &Report) -> io::Result<()> {
    let file = escape(&report.file);
    if let Some(error) = &report.error {
        return writeln!(
            out,
            "| {file} | | | **not read:** {} | | | |",
            escape(&error.message)
        );
    }
    if report.notas.is_empty() {
        return writeln!(out, "| {file} | | | *no nota* | | | |");
    }
    for (index, nota) in report.notas.iter().enumerate() {
        writeln!(
            out,
            "| {file} | {} | {} |",
            index + 1,
            nota_cells(report, nota)
        )?;
    }
    Ok(())
}

/// A nota's date, title, reference, pages and decisions as cells of a
/// Markdown table row, without the outer bars.
pub(super) fn nota_cells(report: &Report, nota: &Nota) -> String {
    let date = match (nota.date, nota.date_text.as_deref()) {
        (Some(date), _) => iso_date(date).to_string(),
        (None, Some(text)) => escape(text),
        (None, None) => String::new(),
    };
    let pages = match (nota.first_page, nota.last_page) {
        (Some(first), Some(last)) if last > first => format!("{first}–{last}"),
        (Some(first), _) => first.to_string(),
        _ => String::new(),
    };
    let decisions: Vec<String> = decisions_of(report, nota)
        .map(|decision| escape(&decision_in_brief(decision)))
        .collect();
    [
        date,
        nota.title.as_deref().map(escape).unwrap_or_default(),
        nota.reference.as_deref().map(escape).unwrap_or_default(),
        pages,
        decisions.join("; "),
    ]
    .map(|cell| cell.replace('\n', " "))
    .join(" | ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::ErrorKind;

    fn nota() -> Nota {
        Nota {
            title: Some("Kidfluencing".to_owned()),
            kind: NotaKind::Beslisnota,
            kind_text: Some("TER BESLISSING".to_owned()),
            addressee: Some("Minister van WenP".to_owned()),
            date: NaiveDate::from_ymd_opt(2026, 3, 5),
            date_text: Some("5 maart 2026".to_owned()),
            reference: Some("2026-".to_owned()),
            first_page: Some(3),
            last_page: Some(5),
            line: 70,
            deadline: None,
            deadline_text: None,
            decision_points: vec!["Instemmen".to_owned()],
            decisions: Vec::new(),
        }
    }

    /// A report of an input that holds nothing.
    fn empty_report() -> Report {
        let mut report = Report::failed_with("x.txt", ErrorKind::Unreadable, "");
        report.error = None;
        report
    }

    #[test]
    fn an_error_line_names_the_file_first() {
        let report = Report::failed_with("x.pdf", ErrorKind::Unreadable, "kapot");
        let mut out = Vec::new();
        write_notas(&mut out, &report).unwrap();
        let line = String::from_utf8(out).unwrap();
        assert!(line.starts_with(r#"{"file":"x.pdf","error":{"#), "{line}");
    }

    #[test]
    fn a_nota_line_has_every_key_of_a_nota() {
        let report = empty_report();
        let nota = nota();
        let line = serde_json::to_value(NotaLine::new(&report, 0, &nota)).unwrap();
        let plain = serde_json::to_value(&nota).unwrap();
        let keys = |value: &serde_json::Value| {
            let mut keys: Vec<String> = value.as_object().unwrap().keys().cloned().collect();
            keys.sort();
            keys
        };
        let mut expected = keys(&plain);
        expected.extend(["file".to_owned(), "nota".to_owned()]);
        expected.sort();
        assert_eq!(keys(&line), expected);
        for key in keys(&plain).iter().filter(|k| *k != "decisions") {
            assert_eq!(line[key], plain[key], "{key}");
        }
    }

    #[test]
    fn cells_of_a_table_row() {
        let report = empty_report();
        assert_eq!(
            nota_cells(&report, &nota()),
            "2026-03-05 | Kidfluencing | 2026- | 3–5 | "
        );
    }
}
