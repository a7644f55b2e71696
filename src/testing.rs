//! What the unit tests of several layers share. Only in test builds.

/// Runs `matches` on `rests` after every ASCII character and some others,
/// and fails where a text matches that `may_start` would skip; gives how
/// many texts matched. For the tests of a pattern's first-character
/// filter: `matches` is the pattern, as the filtered code runs it.
pub(crate) fn never_skipped(
    matches: impl Fn(&str) -> bool,
    may_start: impl Fn(&str) -> bool,
    rests: &[&str],
) -> usize {
    let firsts = (0_u8..128)
        .map(char::from)
        .chain(['é', 'Ä', 'à', '\u{a0}', '\u{2009}', '٣']);
    let mut matched = 0;
    for first in firsts {
        for rest in rests {
            let text = format!("{first}{rest}");
            if matches(&text) {
                matched += 1;
                assert!(may_start(&text), "{text:?} skipped");
            }
        }
    }
    matched
}
