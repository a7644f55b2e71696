//! What a nota asks and by when: its deadline ("Uiterlijk bij") and its
//! decision points ("Beslispunten", "Geadviseerd besluit").
//!
//! The deadline is the value (on its line or the next) of the first such
//! label within the nota, from its header on; the decision points are those
//! of every decision-point section of the nota, in order.
//!
//! The decision points are the lines after the label, up to a heading
//! ("Kernpunten"), another label, a document word or marker, a stamp, a
//! comment summary, or [`MAX_SECTION_LINES`] lines; a second decision-point
//! label before the first point ("Geadviseerd besluit" / "Beslispunten:")
//! is passed over. Each point is one string, its lines joined by spaces:
//! - when the points are a list, each item of the list's first bullet or
//!   numbering style is a point, and items of another style (a nested
//!   list, "o" under "•") are added to the point above them; a paragraph
//!   after a blank line below the list ends the points;
//! - otherwise each paragraph (lines without a blank line between them) is
//!   a point, and a line that ends in a question mark ends its point;
//! - an introduction before the first point ("Wij adviseren u:") is not a
//!   point.
//!
//! Bullets are the usual symbols (`-`, `•`, `◦`, `▪`, `*`, …), the letters
//! `o` and `e` that OCR makes of round bullets, and numbering (`1.`, `2)`,
//! `a.`, `(b)`).

use chrono::NaiveDate;

use super::header::label_value;
use super::lines::{Line, Role};
use super::words::Field;
use crate::decision::{Vocabulary, whole_date};

/// Most lines read for decision points.
pub(super) const MAX_SECTION_LINES: usize = 60;
/// Most decision points of a nota.
pub(super) const MAX_POINTS: usize = 30;
/// Longest decision point, in bytes; the rest is left out.
pub(super) const MAX_POINT_LEN: usize = 4000;

const BULLETS: &[char] = &[
    '-', '–', '—', '•', '◦', '▪', '▫', '·', '*', '●', '○', '■', '□', '►', '➢', '»', '«',
    '\u{f0b7}', '\u{f0a7}', '\u{f0d8}',
];

/// The deadline and decision points of one nota.
#[derive(Debug, Clone, Default, PartialEq)]
pub(super) struct Sections {
    pub(super) deadline: Option<NaiveDate>,
    pub(super) deadline_text: Option<String>,
    pub(super) decision_points: Vec<String>,
}

/// Reads the lines of one nota (`lines` from its header to the next nota).
pub(super) fn read(lines: &[Line<'_>], vocabulary: &Vocabulary) -> Sections {
    let deadline_text = lines
        .iter()
        .position(|line| line.is_label(Field::Deadline))
        .and_then(|index| label_value(lines, index, false))
        .map(|(text, _)| text.to_owned());
    let decision_points = decision_points(lines);
    Sections {
        deadline: deadline_text
            .as_deref()
            .and_then(|text| whole_date(text, vocabulary)),
        deadline_text,
        decision_points,
    }
}

/// The points read so far.
#[derive(Default)]
struct Points {
    done: Vec<String>,
    /// The style of the list's first item, once there is one.
    list_style: Option<String>,
    /// A bullet or number alone on its line: the item is on the next.
    pending: Option<String>,
    /// The last line of a paragraph point ended with a question mark.
    asked: bool,
}

impl Points {
    /// Starts a new point; `false` when there are as many as there may be.
    fn start(&mut self, text: &str) -> bool {
        if self.done.len() >= MAX_POINTS {
            return false;
        }
        self.done.push(String::new());
        self.extend(text);
        true
    }

    /// Adds text to the last point.
    fn extend(&mut self, text: &str) {
        let Some(point) = self.done.last_mut() else {
            return;
        };
        for word in text.split_whitespace() {
            if point.len() + word.len() >= MAX_POINT_LEN {
                return;
            }
            if !point.is_empty() {
                point.push(' ');
            }
            point.push_str(word);
        }
    }

    /// Takes one line of the section; `false` when the section ends.
    fn take(&mut self, text: &str, after_gap: bool) -> bool {
        let (style, rest) = bullet(text);
        if style.is_some() && rest.is_empty() {
            self.pending = style;
            return true;
        }
        if let Some(style) = style.or_else(|| self.pending.take()) {
            let top = self.list_style.get_or_insert_with(|| style.clone());
            if *top != style && !self.done.is_empty() {
                self.extend(rest);
                return true;
            }
            return self.start(rest);
        }
        if self.done.is_empty() && text.ends_with(':') {
            // An introduction ("Wij adviseren u:").
            return true;
        }
        // A question ends its point ("Kunt u instemmen …?" / "Nadat akkoord
        // is gegeven …"), as a blank line does.
        let new_paragraph = after_gap || self.done.is_empty() || self.asked;
        self.asked = self.list_style.is_none() && rest.trim_end().ends_with('?');
        if !new_paragraph {
            self.extend(rest);
            true
        } else if self.list_style.is_some() {
            // A paragraph after the list.
            false
        } else {
            self.start(rest)
        }
    }
}

/// The points of every decision-point section of the nota, in order: a
/// "Geadviseerd besluit" paragraph and the questions under "Beslispunten"
/// further on are both what it asks.
fn decision_points(lines: &[Line<'_>]) -> Vec<String> {
    let mut found: Vec<String> = Vec::new();
    let mut from = 0;
    while found.len() < MAX_POINTS
        && let Some(label) = lines
            .iter()
            .skip(from)
            .position(|line| line.is_label(Field::DecisionPoints))
    {
        let label = from + label;
        let (points, end) = points(lines, label);
        found.extend(points.into_iter().take(MAX_POINTS - found.len()));
        from = end.max(label + 1);
    }
    found
}

/// The points of the section at `label`, and the index of the line that
/// ended it.
fn points(lines: &[Line<'_>], label: usize) -> (Vec<String>, usize) {
    let mut points = Points::default();
    if let Some(Role::Label {
        value: Some(value), ..
    }) = lines.get(label).map(|line| line.role)
    {
        points.take(value, true);
    }
    let mut end = label + 1;
    for line in lines.iter().skip(label + 1).take(MAX_SECTION_LINES) {
        let more = match line.role {
            Role::Text => points.take(line.text, line.after_gap),
            // "Geadviseerd besluit" / "Beslispunten:".
            Role::Label {
                field: Field::DecisionPoints,
                value,
            } if points.done.is_empty() => value.is_none_or(|value| points.take(value, true)),
            _ => false,
        };
        if !more {
            break;
        }
        end += 1;
    }
    points.done.retain(|point| !point.is_empty());
    (points.done, end)
}

/// The bullet or numbering a line starts with, as a style (nested bullets
/// "- o" make a style of their own), and the text after it.
fn bullet(text: &str) -> (Option<String>, &str) {
    let mut style = String::new();
    let mut rest = text.trim_start();
    for _ in 0..2 {
        match one_bullet(rest) {
            Some((mark, after)) => {
                style.push_str(&mark);
                rest = after;
            }
            None => break,
        }
    }
    ((!style.is_empty()).then_some(style), rest)
}

/// One bullet at the start of `text`: its style and the text after it.
fn one_bullet(text: &str) -> Option<(String, &str)> {
    let mut chars = text.char_indices();
    let (_, first) = chars.next()?;
    let (after_first, second) = chars
        .next()
        .map_or((text.len(), None), |(at, c)| (at, Some(c)));
    let after = text.get(after_first..)?.trim_start();
    let spaced = second.is_none_or(char::is_whitespace);
    if BULLETS.contains(&first) && spaced {
        return Some((first.to_string(), after));
    }
    // OCR's round bullets.
    if matches!(first, 'o' | 'e') && second.is_some_and(char::is_whitespace) {
        return Some((first.to_string(), after));
    }
    // "1.", "12)", "a.", "(b)".
    let body = text.strip_prefix('(').unwrap_or(text);
    let marker_len = body
        .char_indices()
        .find(|(_, c)| !c.is_ascii_digit())
        .map_or(body.len(), |(at, _)| at);
    let (style, at) = if (1..=2).contains(&marker_len) {
        ("1", marker_len)
    } else if body.starts_with(|c: char| c.is_ascii_lowercase()) {
        ("a", 1)
    } else {
        return None;
    };
    let closing = body.get(at..)?.chars().next()?;
    if !matches!(closing, '.' | ')') {
        return None;
    }
    let rest = body.get(at + 1..)?;
    (rest.is_empty() || rest.starts_with(char::is_whitespace))
        .then(|| (format!("{style}{closing}"), rest.trim_start()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::nota::lines::read as read_lines;

    fn sections(text: &str) -> Sections {
        let vocabulary = Vocabulary::builtin();
        let lines = read_lines([(None, text)], &vocabulary);
        read(&lines, &vocabulary)
    }

    #[test]
    fn bullets() {
        assert_eq!(
            bullet("- Gaat u akkoord?"),
            (Some("-".into()), "Gaat u akkoord?")
        );
        assert_eq!(bullet("• Instemmen"), (Some("•".into()), "Instemmen"));
        assert_eq!(bullet("1. Wenst u"), (Some("1.".into()), "Wenst u"));
        assert_eq!(bullet("12) Wenst u"), (Some("1)".into()), "Wenst u"));
        assert_eq!(bullet("(b) Wenst u"), (Some("a)".into()), "Wenst u"));
        assert_eq!(bullet("e Kunt u"), (Some("e".into()), "Kunt u"));
        assert_eq!(bullet(" - o Dat u"), (Some("-o".into()), "Dat u"));
        assert_eq!(bullet("2026 was een jaar"), (None, "2026 was een jaar"));
        assert_eq!(bullet("een zin"), (None, "een zin"));
        assert_eq!(bullet("-5 graden"), (None, "-5 graden"));
    }

    #[test]
    fn questions_under_beslispunten() {
        // Seed 000, the fourth nota.
        let found = sections(
            "Uiterlijk bij\n16 april 2026\n\nGeadviseerd besluit\n\nBeslispunten:\n\n- Gaat u akkoord met de voorgestelde inhoud van de Voortgangsbrief G&VW?\n- Hebt u verder wensen voor de inhoud van de brief?\n- Gaat u akkoord met de voorgestelde planning?\n\nKernpunten\n\n- Iets anders\n",
        );
        assert_eq!(found.deadline, NaiveDate::from_ymd_opt(2026, 4, 16));
        assert_eq!(found.deadline_text.as_deref(), Some("16 april 2026"));
        assert_eq!(
            found.decision_points,
            [
                "Gaat u akkoord met de voorgestelde inhoud van de Voortgangsbrief G&VW?",
                "Hebt u verder wensen voor de inhoud van de brief?",
                "Gaat u akkoord met de voorgestelde planning?"
            ]
        );
    }

    #[test]
    fn introduction_and_closing_paragraph_are_not_points() {
        let found = sections(
            "Geadviseerd besluit\n\nWij adviseren u:\n\n- De huidige inzet voort te zetten.\n- Indien u besluit te stoppen,\nde voorlichting voort te zetten.\n\nWe bespreken deze nota graag met u.\n\nKernpunten\n",
        );
        assert_eq!(
            found.decision_points,
            [
                "De huidige inzet voort te zetten.",
                "Indien u besluit te stoppen, de voorlichting voort te zetten."
            ]
        );
    }

    #[test]
    fn nested_items_join_their_point() {
        // Seed 001 (OCR made "e" and "o" of the bullets).
        let found = sections(
            "Geadviseerd besluit\ne Kunt u instemmen met een brief waarin u\nverder aangeeft:\n\no de normen mee te nemen;\n\no in te zetten op de opgave.\n\ne Nadat akkoord is gegeven kunt u de brief ondertekenen.\n\nKernpunten\n",
        );
        assert_eq!(
            found.decision_points,
            [
                "Kunt u instemmen met een brief waarin u verder aangeeft: de normen mee te nemen; in te zetten op de opgave.",
                "Nadat akkoord is gegeven kunt u de brief ondertekenen."
            ]
        );
    }

    #[test]
    fn paragraphs_and_a_glued_label() {
        let found = sections(
            "Uiterlijk bij\n1 juni 2026**Geadviseerd besluit**\n\n \nIndien u akkoord bent met de tekenversie van de brief kunt u deze ondertekenen.\n\nBijlage(n)\n6**Kernpunten**\n",
        );
        assert_eq!(found.deadline_text.as_deref(), Some("1 juni 2026"));
        assert_eq!(
            found.decision_points,
            ["Indien u akkoord bent met de tekenversie van de brief kunt u deze ondertekenen."]
        );
    }

    #[test]
    fn markers_on_lines_of_their_own() {
        let found = sections("Beslispunten\n1.\nGaat u akkoord?\n2.\nStemt u in?\n\nToelichting\n");
        assert_eq!(found.decision_points, ["Gaat u akkoord?", "Stemt u in?"]);
    }

    #[test]
    fn numbered_points_without_blank_lines() {
        let found = sections(
            "Beslispunten\n1. Stemt u in met het voorstel\nvan de werkgroep?\n2. Gaat u akkoord met de brief?\nToelichting\n",
        );
        assert_eq!(
            found.decision_points,
            [
                "Stemt u in met het voorstel van de werkgroep?",
                "Gaat u akkoord met de brief?"
            ]
        );
    }

    /// An advice in a paragraph, its question and what follows it on the
    /// next line, then the questions under "Beslispunten": every point.
    #[test]
    fn every_section_and_a_question_ends_its_point() {
        let found = sections(
            "Geadviseerd besluit\nKunt u instemmen met een brief waarin u kort aangeeft wat de\ninhoud van het signaal is?\nNadat akkoord is gegeven kunt u de brief ondertekenen.\nBeslispunten\n- Gaat u akkoord met de planning?\nKernpunten\n- Iets anders\n",
        );
        assert_eq!(
            found.decision_points,
            [
                "Kunt u instemmen met een brief waarin u kort aangeeft wat de inhoud van het signaal is?",
                "Nadat akkoord is gegeven kunt u de brief ondertekenen.",
                "Gaat u akkoord met de planning?"
            ]
        );
    }

    #[test]
    fn unreadable_deadline_keeps_its_text() {
        let found = sections("Uiterlijk bij: z.s.m.\n");
        assert_eq!(found.deadline, None);
        assert_eq!(found.deadline_text.as_deref(), Some("z.s.m."));
        assert!(found.decision_points.is_empty());
    }
}
