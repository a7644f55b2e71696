//! Check-box forms: a nota's decision block filled in and flattened ("☒
//! Akkoord ☐ Niet akkoord ☐ Bespreken"), or typed in a comment ("[x]
//! akkoord [ ] niet akkoord"). The option ticked is the verdict; the options
//! left empty are no part of what was decided.

/// Boxes ticked: the option after one was chosen.
const TICKED: [&str; 6] = ["☒", "☑", "✓", "✔", "[x]", "[X]"];
/// Boxes left empty: the option after one was not chosen.
pub(super) const UNTICKED: [&str; 3] = ["☐", "□", "[ ]"];

/// `text` with its form settled, or `None` when it has no ticked box.
/// In each line that holds a box, every box and the option after it (up to
/// the next box or the line's end) is kept without its box when the box is
/// ticked, and left out when it is empty; what stands before the first box
/// (a label) stays, and a line left with nothing goes. Lines without a box
/// stay as they are.
pub(super) fn settled(text: &str) -> Option<String> {
    // Every box starts with one of these bytes ('☐' and its kin with 0xE2).
    // Nearly every line of a page comes here: one pass of memchr2 looks
    // for both.
    if memchr::memchr2(b'[', 0xE2, text.as_bytes()).is_none() || next_box(text, 0).is_none() {
        return None;
    }
    let mut any_ticked = false;
    let mut out = String::with_capacity(text.len());
    // A line left with nothing (an option not ticked, on a line of its
    // own) goes with its line break.
    let push_line = |out: &mut String, line: &str| {
        if !out.is_empty() {
            out.push('\n');
        }
        out.push_str(line);
    };
    for line in text.split('\n') {
        let Some((first, _, _)) = next_box(line, 0) else {
            push_line(&mut out, line);
            continue;
        };
        let mut kept: Vec<&str> = Vec::new();
        kept.extend(Some(line.get(..first)?.trim()).filter(|label| !label.is_empty()));
        let mut at = first;
        while let Some((start, len, ticked)) = next_box(line, at) {
            let option_start = start + len;
            let option_end = next_box(line, option_start).map_or(line.len(), |(next, _, _)| next);
            if ticked {
                any_ticked = true;
                kept.extend(
                    Some(line.get(option_start..option_end)?.trim()).filter(|o| !o.is_empty()),
                );
            }
            at = option_end;
        }
        if !kept.is_empty() {
            push_line(&mut out, &kept.join(" "));
        }
    }
    any_ticked.then_some(out)
}

/// Whether a line of page text is one option of a form, not ticked ("☐
/// bespreken" on a line of its own): a stamp box does not count it among
/// its lines.
pub(crate) fn is_unticked_line(line: &str) -> bool {
    let line = line.trim_start();
    if !line.starts_with(|c: char| c == '[' || !c.is_ascii()) {
        return false;
    }
    let Some((0, len, false)) = next_box(line, 0) else {
        return false;
    };
    next_box(line, len).is_none_or(|(_, _, ticked)| !ticked)
}

/// The first box at or after byte `from`: where it starts, its length and
/// whether it is ticked. Only the places where a box may start (`[`, and
/// 0xE2, the first byte of every box character) are tried, so a line is
/// passed over once however many boxes it holds.
fn next_box(line: &str, from: usize) -> Option<(usize, usize, bool)> {
    let rest = line.get(from..)?;
    memchr::memchr2_iter(b'[', 0xE2, rest.as_bytes()).find_map(|at| {
        let here = rest.get(at..)?;
        let ticked = TICKED.iter().map(|mark| (mark, true));
        let empty = UNTICKED.iter().map(|mark| (mark, false));
        ticked
            .chain(empty)
            .find(|(mark, _)| here.starts_with(**mark))
            .map(|(mark, ticked)| (from + at, mark.len(), ticked))
    })
}

#[cfg(test)]
mod tests {
    use super::settled;

    #[test]
    fn the_ticked_option_is_kept_and_the_empty_ones_go() {
        assert_eq!(
            settled("☒ Akkoord   ☐ Niet akkoord   ☐ Bespreken\nMinister van SZW").as_deref(),
            Some("Akkoord\nMinister van SZW")
        );
        assert_eq!(
            settled("Besluit: ☐ Akkoord ☑ Niet akkoord ☐ Bespreken").as_deref(),
            Some("Besluit: Niet akkoord")
        );
        assert_eq!(
            settled("[ ] akkoord [x] graag bespreken, SG 8/6").as_deref(),
            Some("graag bespreken, SG 8/6")
        );
    }

    #[test]
    fn options_on_lines_of_their_own() {
        assert_eq!(
            settled("Besluit SG:\n☐ akkoord\n☒ niet akkoord\n☐ bespreken\nDatum: 10-6-2026")
                .as_deref(),
            Some("Besluit SG:\nniet akkoord\nDatum: 10-6-2026")
        );
    }

    /// Whether a line is an option of a form that was not ticked, and nothing
    /// else.
    #[test]
    fn unticked_lines() {
        assert!(super::is_unticked_line("[ ] niet akkoord"));
        assert!(super::is_unticked_line("  ☐ bespreken"));
        assert!(!super::is_unticked_line("☒ akkoord"));
        assert!(!super::is_unticked_line("Besluit: ☐ akkoord"));
        assert!(!super::is_unticked_line("akkoord"));
        assert!(!super::is_unticked_line("☐ bespreken ☒ akkoord"));
    }

    /// `next_box` and `settled` look only where `[` or 0xE2 stands.
    #[test]
    fn every_box_starts_with_a_byte_looked_for() {
        for mark in super::TICKED.iter().chain(&super::UNTICKED) {
            assert!(matches!(mark.as_bytes()[0], b'[' | 0xE2), "{mark}");
        }
    }

    #[test]
    fn a_form_left_empty_or_no_form_is_left_alone() {
        assert_eq!(settled("☐ Akkoord ☐ Niet akkoord"), None);
        assert_eq!(settled("MWP akkoord 8/6"), None);
        assert_eq!(settled("[redacted] akkoord 8/6"), None);
        assert_eq!(settled("Akkoord – MWP"), None);
    }
}
