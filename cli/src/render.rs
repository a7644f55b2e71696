//! Turning one report into the bytes of the chosen format.

use kantlijn::Report;
use kantlijn::output::{self, CsvWriter, Format};

/// Renders reports in one format.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Renderer {
    format: Format,
    pretty: bool,
}

impl Renderer {
    pub(crate) fn new(format: Format, pretty: bool) -> Self {
        Self { format, pretty }
    }

    /// The report's output. JSON comes without a trailing newline, so the
    /// coordinator can join several into an array; every other format ends
    /// its own lines.
    pub(crate) fn render(&self, report: &Report) -> Vec<u8> {
        let mut out = Vec::new();
        // Writing into memory cannot fail but for a serialisation bug, which
        // the report's types rule out; an empty answer would still be framed.
        let _ = self.write(&mut out, report);
        out
    }

    /// Writes the report's output, as [`Renderer::render`] gives it.
    pub(crate) fn write(
        &self,
        mut out: impl std::io::Write,
        report: &Report,
    ) -> std::io::Result<()> {
        let out = &mut out;
        match self.format {
            Format::Json => if self.pretty {
                serde_json::to_writer_pretty(&mut *out, report)
            } else {
                serde_json::to_writer(&mut *out, report)
            }
            .map_err(std::io::Error::from),
            Format::Jsonl => output::write_jsonl(&mut *out, report),
            Format::Csv(records) => {
                let mut writer = CsvWriter::without_header(&mut *out, records);
                writer
                    .write_report(report)
                    .and_then(|()| writer.into_inner().map(|_| ()))
            }
            Format::Markdown => output::write_markdown(&mut *out, report),
            Format::Decisions => output::write_decisions(&mut *out, report),
            Format::Notas => output::write_notas(&mut *out, report),
            Format::NotasMarkdown => output::write_nota_rows(&mut *out, report),
            _ => output::write_jsonl(&mut *out, report),
        }
    }
}
