//! Texts that are never decisions, whatever words they hold: a verdict after
//! an empty check box, a file name, a table row or an over-long line of
//! page text, and the shapes a stamp line may not have.

use super::form::UNTICKED;
use super::{Mode, Recognised};
use crate::decision::Vocabulary;

/// The longest line of page text that is a stamp by its words alone.
const PLAIN_STAMP_CHARS: usize = 80;
/// The longest line of page text that may be a stamp: one over
/// [`PLAIN_STAMP_CHARS`] must end in its date and name its actor (see
/// [`long_line_refuses`]).
const MAX_STAMP_CHARS: usize = 120;
/// The longest line of a stamp box: a stamp of a few short lines, as a
/// flattened text box draws it ("Akkoord. MWP⏎8 juni 2026").
const BOX_LINE_CHARS: usize = 40;
/// The most lines of a stamp box.
const MAX_BOX_LINES: usize = 4;
/// How near its end a long stamp line has its date: a digit must stand in
/// its last bytes ("… wordt gevonden (8/6)", "… verzonden. MWP 8-6-2026").
const LONG_STAMP_DATE_BYTES: usize = 12;

/// The part of `text` to read, or `None` when the text is refused as a
/// whole. In comment mode white space and icons before the text are passed
/// over ("☰ MWP bespreken"), unless one is an empty check box ("☐
/// Akkoord", a form's option left unticked); in stamp mode a line with a
/// tab (a table row) or over [`MAX_STAMP_CHARS`] is refused. A text that
/// names a file is refused in both.
pub(super) fn body<'a>(text: &'a str, mode: Mode, vocabulary: &Vocabulary) -> Option<&'a str> {
    let body = match mode {
        Mode::Comment => {
            let body = text.trim_start_matches(|c: char| {
                c.is_whitespace() || !(c.is_alphanumeric() || c.is_ascii_punctuation())
            });
            let icons = text.get(..text.len() - body.len()).unwrap_or_default();
            if UNTICKED.iter().any(|b| icons.contains(b)) {
                return None;
            }
            body.trim_end()
        }
        Mode::Stamp if text.contains('\n') => {
            let stamp = text.trim();
            if !is_box(stamp) {
                return None;
            }
            stamp
        }
        Mode::Stamp => {
            let line = without_specks(text.trim())?;
            // Most lines of running text are over PLAIN_STAMP_CHARS: one
            // is read only when a date may end it, which a look at its end
            // tells before anything else is asked of it.
            if !ends_near_digit(line) && longer_than(line, PLAIN_STAMP_CHARS) {
                return None;
            }
            if longer_than(line, MAX_STAMP_CHARS) || line.contains(['\t', '\n', '\r']) {
                return None;
            }
            line
        }
    };
    (!body.is_empty() && !names_a_file(body, vocabulary)).then_some(body)
}

/// A stamp line without the specks a scan's OCR puts around it
/// ("_-MWP niet akkoord 30-3-2026", "MWP akkoord 8/6 |"): marks that are
/// no letter or digit before it, and stray marks after it. `None` for a
/// line that starts with an empty check box (a form's option not ticked)
/// or is an item of a list ("• MWP bespreken 7-5-2026", "- MWP akkoord
/// 8/6": a nota that lists what was decided before is no stamp).
fn without_specks(line: &str) -> Option<&str> {
    let body = line.trim_start_matches(|c: char| !c.is_alphanumeric() && !matches!(c, '(' | '['));
    let specks = line.get(..line.len() - body.len()).unwrap_or_default();
    let list_item = specks.contains(['•', '◦', '▪', '‣', '⁃', '·', '∙'])
        || specks.trim_start().starts_with(['-', '–', '—', '*']) && specks.ends_with(' ');
    if list_item || UNTICKED.iter().any(|b| specks.contains(b)) {
        return None;
    }
    let body = body.trim_end_matches(|c: char| {
        c.is_whitespace()
            || matches!(
                c,
                '|' | '¦'
                    | '©'
                    | '®'
                    | '_'
                    | '~'
                    | '`'
                    | '^'
                    | '*'
                    | '•'
                    | '‘'
                    | '’'
                    | '“'
                    | '”'
                    | '"'
                    | '\''
            )
    });
    Some(body)
}

/// Whether page text is too long for what was read in it: a line over
/// [`PLAIN_STAMP_CHARS`], or a box of lines, is a stamp only when it names
/// its actor and carries a date ("MinFin: akkoord onder voorwaarde dat de
/// dekking … wordt gevonden (8/6)", "Akkoord. MWP⏎8 juni 2026"); without
/// them it is running text, or a form's labels. (That a long line ends
/// near a digit is asked before it is read at all.)
pub(super) fn long_stamp_refuses(text: &str, found: &Recognised) -> bool {
    let text = text.trim();
    (text.contains('\n') || longer_than(text, PLAIN_STAMP_CHARS))
        && (found.actor.is_none() || found.date.is_none())
}

/// Whether a line may be one of a stamp box: short, and no table row.
pub(crate) fn is_box_line(line: &str) -> bool {
    let line = line.trim();
    !line.is_empty() && !line.contains('\t') && !longer_than(line, BOX_LINE_CHARS)
}

/// Whether a text is a stamp box: two to [`MAX_BOX_LINES`] lines, each a
/// box line.
fn is_box(text: &str) -> bool {
    let mut count = 0;
    for line in text.split('\n') {
        count += 1;
        if count > MAX_BOX_LINES || !is_box_line(line) {
            return false;
        }
    }
    count >= 2
}

/// Whether a digit stands among the last [`LONG_STAMP_DATE_BYTES`] bytes.
fn ends_near_digit(line: &str) -> bool {
    let bytes = line.as_bytes();
    bytes
        .get(bytes.len().saturating_sub(LONG_STAMP_DATE_BYTES)..)
        .unwrap_or_default()
        .iter()
        .any(u8::is_ascii_digit)
}

/// Whether `text` has more than `chars` characters (counted only where
/// bytes are not characters).
fn longer_than(text: &str, chars: usize) -> bool {
    text.len() > chars && (text.is_ascii() || text.chars().nth(chars).is_some())
}

/// Whether the text names a file (`… - 20260416 Nota vervolg.pdf`): an
/// attachment line or a file name, never a decision.
fn names_a_file(text: &str, vocabulary: &Vocabulary) -> bool {
    // A file name has a dot before its extension: most texts have none.
    if !text.contains('.') {
        return false;
    }
    text.split(|c: char| c.is_whitespace() || matches!(c, ';' | ',' | '(' | ')' | '"' | '\''))
        .filter_map(|word| {
            let word = word.trim_end_matches(['.', ':']);
            let (stem, extension) = word.rsplit_once('.')?;
            (!stem.is_empty()).then_some(extension)
        })
        .any(|extension| vocabulary.is_file_extension(extension))
}

/// What a reading found, as far as the last refusals need it.
#[derive(Debug, Clone, Copy)]
pub(super) struct Shape {
    pub(super) mode: Mode,
    /// An actor was read (before or after the verdict, or in a signature).
    pub(super) actor: bool,
    /// The actor came before the verdict.
    pub(super) actor_first: bool,
    /// A redaction placeholder stands in the actor's place.
    pub(super) withheld_actor: bool,
    pub(super) weak_verdict: bool,
    pub(super) dated: bool,
    /// The date followed a colon ("Approved: 12/03/2021").
    pub(super) date_after_colon: bool,
    pub(super) remark: bool,
    /// The remark opens with a word for "with" and says what the verdict
    /// agrees with ("eens met het advies").
    pub(super) remark_says_with: bool,
    /// An option was chosen ("Optie 2", "akkoord met optie 2").
    pub(super) option: bool,
}

/// Whether a reading of this shape is no decision.
pub(super) fn refuses(shape: Shape) -> bool {
    let stamp = shape.mode == Mode::Stamp;
    // "Approved: 12/03/2021" without an actor is a label and its value.
    let label =
        stamp && !shape.actor && (shape.weak_verdict || !shape.dated || shape.date_after_colon);
    // "Akkoord SG" on a page is the label of a nota's approval block; a
    // stamp names its actor first or carries a date.
    let approval_block = stamp && shape.actor && !shape.actor_first && !shape.dated;
    // A withheld actor, like an unknown one, needs a date.
    let withheld = shape.withheld_actor && !shape.dated;
    // "OK, de planning is krap": a weak word opening a sentence. "Eens met
    // het advies. Minister 9-6" says what its actor agrees with; without an
    // actor named it is a reviewer's reply ("Niet eens met de
    // formulering").
    let talk = shape.weak_verdict && shape.remark && !(shape.remark_says_with && shape.actor);
    // A line of page text that says more than who decided what and when
    // ("MWP akkoord met optie 2, mits … 8/6") is a stamp only when it
    // names its actor and carries a date: a line of running text may open
    // with an actor and a verdict ("MinFin akkoord met de dekking"), but
    // seldom also ends its clause on a date.
    let running_text = stamp && (shape.remark || shape.option) && !(shape.actor && shape.dated);
    label || approval_block || withheld || talk || running_text
}
