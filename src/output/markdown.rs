//! Markdown: a review page per file, annotations grouped by page.

use std::io::{self, Write};

use crate::annotation::Annotation;
use crate::decision::Decision;
use crate::pdf::date::iso_date;
use crate::report::Report;
use crate::summary::Comment;

use super::notas::nota_cells;

/// Writes one report as a Markdown review page.
pub fn write_markdown(out: &mut impl Write, report: &Report) -> io::Result<()> {
    writeln!(out, "# {}\n", escape(&report.file))?;
    if let Some(error) = &report.error {
        writeln!(out, "**Not read:** {}\n", escape(&error.message))?;
        return Ok(());
    }
    let mut facts = vec![
        count(report.pages.unwrap_or(0), "page", "pages"),
        count(report.annotations.len(), "annotation", "annotations"),
    ];
    if !report.comments.is_empty() {
        facts.push(count(
            report.comments.len(),
            "printed comment",
            "printed comments",
        ));
    }
    if !report.notas.is_empty() {
        facts.push(count(report.notas.len(), "nota", "notas"));
    }
    if !report.decisions.is_empty() {
        facts.push(count(report.decisions.len(), "decision", "decisions"));
    }
    if let Some(producer) = report.producer.as_deref().filter(|p| !p.is_empty()) {
        facts.push(format!("made with {}", escape(producer)));
    }
    if report.encrypted == Some(true) {
        facts.push("encrypted".to_owned());
    }
    writeln!(out, "{}\n", facts.join(" · "))?;

    let mut current_page = None;
    for annotation in &report.annotations {
        if current_page != Some(annotation.page) {
            current_page = Some(annotation.page);
            match &annotation.page_label {
                Some(label) if *label != annotation.page.to_string() => {
                    writeln!(out, "## Page {} ({})\n", annotation.page, escape(label))?;
                }
                _ => writeln!(out, "## Page {}\n", annotation.page)?,
            }
        }
        write_annotation(out, annotation)?;
    }
    if !report.notas.is_empty() {
        writeln!(out, "## Notas\n")?;
        writeln!(out, "| # | date | title | reference | pages | decisions |")?;
        writeln!(out, "|---|---|---|---|---|---|")?;
        for (index, nota) in report.notas.iter().enumerate() {
            writeln!(out, "| {} | {} |", index + 1, nota_cells(report, nota))?;
        }
        writeln!(out)?;
    }
    if !report.decisions.is_empty() {
        writeln!(out, "## Decisions\n")?;
        writeln!(out, "| date | actor | decision | page | seen in |")?;
        writeln!(out, "|---|---|---|---|---|")?;
        for decision in &report.decisions {
            write_decision(out, decision)?;
        }
        writeln!(out)?;
    }
    if !report.comments.is_empty() {
        writeln!(out, "## Printed comment summaries\n")?;
        let mut current = None;
        for comment in &report.comments {
            if current != Some(comment.summary_of.as_deref()) {
                if current.is_some() {
                    writeln!(out)?;
                }
                current = Some(comment.summary_of.as_deref());
                if let Some(of) = comment.summary_of.as_deref() {
                    writeln!(out, "Summary of *{}*:\n", escape(of))?;
                }
            }
            write_comment(out, comment)?;
        }
        writeln!(out)?;
    }
    if !report.warnings.is_empty() {
        writeln!(out, "## Warnings\n")?;
        for warning in &report.warnings {
            let mut place = Vec::new();
            if let Some(page) = warning.page {
                place.push(format!("page {page}"));
            }
            if let Some(reference) = &warning.reference {
                place.push(reference.clone());
            }
            let place = if place.is_empty() {
                String::new()
            } else {
                format!("{}: ", place.join(", "))
            };
            writeln!(out, "- {place}{}", escape(&warning.message))?;
        }
        writeln!(out)?;
    }
    Ok(())
}

fn write_annotation(out: &mut impl Write, a: &Annotation) -> io::Result<()> {
    let mut head = format!("- **{}**", escape(a.subtype.name()));
    if let Some(subject) = a
        .subject
        .as_deref()
        .filter(|s| !s.is_empty() && *s != a.subtype.name())
    {
        head.push_str(&format!(" ({})", escape(subject)));
    }
    let mut by = Vec::new();
    if let Some(author) = a.author.as_deref().filter(|s| !s.is_empty()) {
        by.push(escape(author));
    }
    if let Some(date) = a.modified.or(a.created) {
        by.push(date.naive().format("%Y-%m-%d %H:%M").to_string());
    }
    if !by.is_empty() {
        head.push_str(" — ");
        head.push_str(&by.join(", "));
    }
    if let Some(parent) = &a.in_reply_to {
        head.push_str(&format!(" — reply to {parent}"));
    }
    writeln!(out, "{head}")?;
    if let Some(text) = a.text_under.as_deref().filter(|t| !t.is_empty()) {
        writeln!(out, "  > “{}”", quote_lines(text))?;
    }
    if let Some(contents) = a.contents.as_deref().filter(|t| !t.is_empty()) {
        writeln!(out, "  > {}", quote_lines(contents))?;
    } else if let Some(drawn) = a.appearance_text.as_deref().filter(|t| !t.is_empty()) {
        // What a stamp without contents says: the text its appearance draws.
        writeln!(out, "  > {}", quote_lines(drawn))?;
    }
    for state in &a.review_states {
        let who = state.author.as_deref().map(escape).unwrap_or_default();
        writeln!(out, "  - state: {} {who}", escape(state.state.name()))?;
    }
    Ok(())
}

fn write_decision(out: &mut impl Write, d: &Decision) -> io::Result<()> {
    let date = d
        .date
        .map(|date| iso_date(date).to_string())
        .unwrap_or_default();
    let mut actor = d.actor.as_deref().map(escape).unwrap_or_default();
    if let Some(title) = d
        .actor_title
        .as_ref()
        .filter(|t| Some(t.as_str()) != d.actor.as_deref())
    {
        actor.push_str(&format!(" ({})", escape(title)));
    }
    let mut what = escape(&d.verdict_text);
    if let Some(point) = d.point {
        what = format!("point {point}: {what}");
    }
    if let Some(option) = d.option {
        what.push_str(&format!(", option {option}"));
    }
    if d.conditional {
        what.push_str(" (conditional)");
    }
    if let Some(remark) = &d.remark {
        what.push_str(&format!(": {}", escape(remark)));
    }
    let page = d.page.map(|p| p.to_string()).unwrap_or_default();
    let seen: Vec<String> = d
        .seen_in
        .iter()
        .map(|s| match s.source {
            crate::decision::Source::Annotation => "annotation",
            crate::decision::Source::CommentSummary => "printed summary",
            crate::decision::Source::PageText => "page text",
        })
        .map(str::to_owned)
        .collect();
    writeln!(
        out,
        "| {date} | {actor} | {} | {page} | {} |",
        what.replace('\n', " "),
        seen.join(", ")
    )
}

fn write_comment(out: &mut impl Write, c: &Comment) -> io::Result<()> {
    let mut head = String::from("- ");
    if let Some(page) = c.target_page {
        head.push_str(&format!("p. {page} "));
    }
    match c.number {
        Some(number) => head.push_str(&format!("#{number}")),
        None if c.fragment => head.push_str("(fragment)"),
        None => {}
    }
    let mut parts: Vec<String> = Vec::new();
    if let Some(subject) = &c.subject {
        parts.push(escape(subject));
    }
    if let Some(author) = &c.author {
        parts.push(escape(author));
    }
    if let Some(date) = &c.date_text {
        parts.push(escape(date));
    }
    if !parts.is_empty() {
        head.push_str(" — ");
        head.push_str(&parts.join(", "));
    }
    writeln!(out, "{}", head.trim_end())?;
    if let Some(contents) = c.contents.as_deref().filter(|t| !t.is_empty()) {
        writeln!(out, "  > {}", quote_lines(contents))?;
    }
    Ok(())
}

fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// Continues a block quote over the text's own line breaks.
fn quote_lines(text: &str) -> String {
    text.lines().map(escape).collect::<Vec<_>>().join("\n  > ")
}

/// Escapes the characters that would turn text into Markdown or HTML, and
/// the line breaks that would end the heading, list item or table row it
/// stands in (a file name may hold one): they show as `\n` and `\r`.
pub(super) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '#' | '|' => {
                out.push('\\');
                out.push(c);
            }
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\n' => out.push_str("\\\\n"),
            '\r' => out.push_str("\\\\r"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_in_comments_is_escaped() {
        assert_eq!(escape("*akkoord* <b>"), "\\*akkoord\\* &lt;b&gt;");
    }

    #[test]
    fn a_line_break_stays_in_its_line() {
        // Shown as a backslash and the letter, which Markdown writes `\\n`.
        assert_eq!(escape("a\nb\r.pdf"), "a\\\\nb\\\\r.pdf");
    }

    #[test]
    fn multi_line_quote() {
        assert_eq!(quote_lines("a\nb"), "a\n  > b");
    }
}
