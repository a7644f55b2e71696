//! The scanner's primitives: a cursor over one text with named moves, the
//! separator sets, the word boundary, and phrase matching.

use std::cmp::Ordering;

use crate::decision::Vocabulary;

/// Dashes as typed and as word processors replace them.
const DASHES: [char; 3] = ['-', '–', '—'];

/// A link between the parts of a decision: "MWP: akkoord", "SG - akkoord",
/// "akkoord, 8/6", "Akkoord – MWP".
pub(super) fn is_link(c: char) -> bool {
    matches!(c, ':' | ',') || DASHES.contains(&c)
}

/// A separator after a verdict or an interjection: a link, or the end of a
/// sentence part ("Akkoord. SG 5/3", "Ja! akkoord", "Optie 2; …").
pub(super) fn is_separator(c: char) -> bool {
    is_link(c) || matches!(c, '.' | ';' | '!')
}

/// The end of a clause: a separator other than the hyphen, which joins
/// words ("Gezond-en-Veilig"), or a question mark, a bracket or a line
/// break.
pub(super) fn is_clause_end(c: char) -> bool {
    (is_separator(c) && c != '-') || matches!(c, '?' | '\n' | '(')
}

/// Whether `end` ends a word of `text`: the end of the text, or a
/// character other than a letter or digit after it.
pub(crate) fn ends_word(text: &str, end: usize) -> bool {
    text.get(end..)
        .and_then(|tail| tail.chars().next())
        .is_none_or(|c| !c.is_alphanumeric())
}

/// A place in a text. Moves give a new cursor; a cursor is compared with
/// another by its place in the same text.
#[derive(Debug, Clone, Copy)]
pub(super) struct Cursor<'a> {
    text: &'a str,
    pos: usize,
}

impl PartialEq for Cursor<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.pos == other.pos
    }
}

impl PartialOrd for Cursor<'_> {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.pos.cmp(&other.pos))
    }
}

impl<'a> Cursor<'a> {
    /// The start of `text`.
    pub(super) fn start(text: &'a str) -> Self {
        Self { text, pos: 0 }
    }

    /// The byte offset in the text.
    pub(super) fn pos(self) -> usize {
        self.pos
    }

    /// The text from here on.
    pub(super) fn rest(self) -> &'a str {
        self.text.get(self.pos..).unwrap_or_default()
    }

    /// The text from `start` to here.
    pub(super) fn since(self, start: Self) -> &'a str {
        self.text.get(start.pos..self.pos).unwrap_or_default()
    }

    /// The next character.
    pub(super) fn peek(self) -> Option<char> {
        self.rest().chars().next()
    }

    /// `len` bytes further on.
    pub(super) fn advance(self, len: usize) -> Self {
        Self {
            pos: self.pos + len,
            ..self
        }
    }

    /// Past the white space here.
    pub(super) fn skip_ws(self) -> Self {
        let rest = self.rest();
        self.advance(rest.len() - rest.trim_start().len())
    }

    /// Past the characters up to the next white space.
    pub(super) fn skip_token(self) -> Self {
        let rest = self.rest();
        self.advance(rest.find(char::is_whitespace).unwrap_or(rest.len()))
    }

    /// Past white space, the next character when `wanted` accepts it, and
    /// white space after it; else past the white space alone.
    pub(super) fn skip_ws_and(self, wanted: impl Fn(char) -> bool) -> Self {
        let at = self.skip_ws();
        match at.peek() {
            Some(c) if wanted(c) => at.advance(c.len_utf8()).skip_ws(),
            _ => at,
        }
    }

    /// Past white space and one link between the parts of a decision
    /// ("MWP: akkoord", "SG - akkoord").
    pub(super) fn skip_link(self) -> Self {
        self.skip_ws_and(is_link)
    }

    /// Past one of `words` and the white space after it, when one of them
    /// stands here; else here ("approved by SG", "d.d. 8-6-2026").
    pub(super) fn skip_word(self, words: &[String]) -> Self {
        word_of(self.rest(), words).map_or(self, |len| self.advance(len).skip_ws())
    }

    /// Past a date lead-in and the colon of a label after it ("d.d.",
    /// "Datum: 8 juni 2026"), and the white space after them.
    pub(super) fn skip_date_lead_in(self, vocabulary: &Vocabulary) -> Self {
        let after = self.skip_word(vocabulary.date_lead_ins());
        match after.peek() {
            Some(':') if after > self => after.advance(1).skip_ws(),
            _ => after,
        }
    }

    /// Whether a word ends here.
    pub(super) fn at_word_end(self) -> bool {
        ends_word(self.text, self.pos)
    }
}

/// Matches a normalised vocabulary phrase at the start of `text`, ignoring
/// case; any white space in the phrase matches a run of white space, white
/// space may follow a full stop, and `'` matches `’`. Gives the bytes of
/// `text` covered; a phrase ending in a letter or digit must end a word.
///
/// The vocabulary's verdict pieces (`Pieces` in `vocabulary.rs`) rule out
/// lines by these rules: a phrase's characters other than white space,
/// `'`, a full stop before optional white space and characters other than
/// ASCII are matched by the same character in either case. A new leniency
/// here must end a piece there too.
#[inline]
pub(super) fn match_phrase(text: &str, phrase: &str) -> Option<usize> {
    // Most phrases are tried where they do not stand, one after another
    // in lists of hundreds: the first character settles that, and when
    // both are ASCII, so does the first byte, tested where the list is
    // walked.
    let (&first, &wanted) = (text.as_bytes().first()?, phrase.as_bytes().first()?);
    if first.is_ascii()
        && wanted.is_ascii()
        && first.to_ascii_lowercase() != wanted
        && first != wanted
    {
        return None;
    }
    match_from_start(text, phrase)
}

/// [`match_phrase`] past its first-byte test.
fn match_from_start(text: &str, phrase: &str) -> Option<usize> {
    if !same_char(text.chars().next()?, phrase.chars().next()?) {
        return None;
    }
    let mut chars = text.char_indices().peekable();
    let mut wanted = phrase.chars().peekable();
    let mut end = 0;
    let skip_space = |chars: &mut std::iter::Peekable<std::str::CharIndices<'_>>,
                      end: &mut usize| {
        let mut any = false;
        while let Some(&(i, c)) = chars.peek() {
            if !c.is_whitespace() {
                break;
            }
            any = true;
            *end = i + c.len_utf8();
            chars.next();
        }
        any
    };
    while let Some(want) = wanted.next() {
        if want == ' ' {
            if !skip_space(&mut chars, &mut end) {
                return None;
            }
            continue;
        }
        let (i, c) = chars.next()?;
        if !same_char(c, want) {
            return None;
        }
        end = i + c.len_utf8();
        if want == '.' && wanted.peek().is_some_and(|next| *next != ' ') {
            skip_space(&mut chars, &mut end);
        }
    }
    let last = phrase.chars().last()?;
    if last.is_alphanumeric() && !ends_word(text, end) {
        return None;
    }
    Some(end)
}

fn same_char(c: char, want: char) -> bool {
    if c == want {
        return true;
    }
    if c.is_ascii() && want.is_ascii() {
        return c.to_ascii_lowercase() == want;
    }
    let apostrophe = |c: char| matches!(c, '\'' | '’' | '‘');
    (apostrophe(c) && apostrophe(want)) || c.to_lowercase().eq(std::iter::once(want))
}

/// The first of `words` at the start of `text`; the bytes it covers.
pub(super) fn word_of(text: &str, words: &[String]) -> Option<usize> {
    words.iter().find_map(|word| match_phrase(text, word))
}

/// A word of letters, `&` and inner hyphens at the start of `text`.
pub(super) fn word_at(text: &str) -> &str {
    let end = text
        .char_indices()
        .find(|&(i, c)| !(c.is_alphabetic() || c == '&' || (c == '-' && i > 0)))
        .map_or(text.len(), |(i, _)| i);
    text.get(..end).unwrap_or_default().trim_end_matches('-')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phrase_matching() {
        assert_eq!(match_phrase("N. Akk. 8/6", "n.akk."), Some(7));
        assert_eq!(match_phrase("akkoorden", "akkoord"), None);
        assert_eq!(match_phrase("niet   akkoord", "niet akkoord"), Some(14));
        assert_eq!(match_phrase("d’accord", "d'accord"), Some("d’accord".len()));
        assert_eq!(match_phrase("akk", "akk."), None);
        assert_eq!(match_phrase("APPROUVÉ", "approuvé"), Some("APPROUVÉ".len()));
        assert_eq!(match_phrase("Zurückgestellt", "zurückgestellt"), Some(15));
        assert_eq!(match_phrase("", "akkoord"), None);
        assert_eq!(match_phrase("bakkoord", "akkoord"), None);
    }

    #[test]
    fn separator_sets() {
        for c in [':', ',', '-', '–', '—'] {
            assert!(is_link(c) && is_separator(c), "{c}");
        }
        for c in ['.', ';', '!'] {
            assert!(!is_link(c) && is_separator(c), "{c}");
        }
        assert!(!is_clause_end('-'));
        for c in ['.', ',', ';', ':', '!', '?', '\n', '(', '–', '—'] {
            assert!(is_clause_end(c), "{c:?}");
        }
    }

    #[test]
    fn cursor_moves() {
        let start = Cursor::start("MWP :  akkoord");
        let verdict = start.advance(3).skip_link();
        assert_eq!(verdict.rest(), "akkoord");
        assert_eq!(verdict.since(start), "MWP :  ");
        assert!(verdict > start);
        assert!(start.advance(3).at_word_end());
        assert!(!start.advance(2).at_word_end());
        // No link: only the white space is passed.
        assert_eq!(Cursor::start("  akkoord").skip_link().pos(), 2);
    }
}
