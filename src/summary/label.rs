//! Tolerant matching of the summary's fixed words (labels, header phrases).
//!
//! Text from OCR and from PDF text layers confuses look-alike characters, so
//! both the label and the line are compared after folding every character to
//! a representative: letters to lower case without accents, `0` to `o`, and
//! `1`, `i`, `I` and `|` to `l` ("0nderwerp" matches "Onderwerp"). The
//! letter pairs OCR reads for one letter match it: `rn` for `m` ("Nurnmer"),
//! `vv` for `w`. A space in a label matches any run of white space (tabs,
//! no-break spaces); a field label may have white space before its colon
//! ("Auteur :", the French "Date :"), and a semicolon for it ("Auteur;"). A
//! field label may follow a digit directly: a text layer that drops the
//! spaces runs the number into the next label ("Nummer:1Auteur:"); so it
//! may follow a value's lower-case letter when it starts with its capital
//! ("Onderwerp:Tekst plaatsenDatum:").

/// Longest line (in characters) examined for labels. Acrobat's entry lines
/// are short (number, author, subject, date); a longer line is body text.
pub(crate) const MAX_LABEL_LINE_CHARS: usize = 1000;

/// A label or phrase, folded, with runs of white space collapsed to one `' '`.
#[derive(Debug, Clone)]
pub(crate) struct Label(Vec<char>);

impl Label {
    /// The label's first word, folded: its characters up to the first
    /// space.
    pub(crate) fn first_word(&self) -> &[char] {
        let end = self
            .0
            .iter()
            .position(|&c| c == ' ')
            .unwrap_or(self.0.len());
        self.0.get(..end).unwrap_or_default()
    }

    pub(crate) fn new(text: &str) -> Option<Self> {
        let mut chars = Vec::new();
        for c in text.trim().chars() {
            let c = fold(c);
            if c == ' ' {
                if chars.last() != Some(&' ') {
                    chars.push(' ');
                }
            } else {
                chars.push(c);
            }
        }
        (!chars.is_empty()).then_some(Self(chars))
    }
}

/// Folds a character for comparison.
pub(crate) fn fold(c: char) -> char {
    if c.is_whitespace() {
        return ' ';
    }
    // Most text is ASCII, whose lower case is one ASCII letter.
    let lower = if c.is_ascii() {
        c.to_ascii_lowercase()
    } else {
        c.to_lowercase().next().unwrap_or(c)
    };
    match lower {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' => 'a',
        'ç' => 'c',
        'è' | 'é' | 'ê' | 'ë' => 'e',
        'ì' | 'í' | 'î' | 'ï' | 'i' | '1' | '|' => 'l',
        'ñ' => 'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | '0' => 'o',
        'ù' | 'ú' | 'û' | 'ü' => 'u',
        other => other,
    }
}

/// The two letters OCR reads for `c`, where it often does: `rn` for `m`,
/// `vv` for `w` (both folded).
pub(crate) fn ocr_pair(c: char) -> Option<[char; 2]> {
    match c {
        'm' => Some(['r', 'n']),
        'w' => Some(['v', 'v']),
        _ => None,
    }
}

/// Whether the folded characters `chars` start with the folded `word`,
/// a letter of it written as its [`ocr_pair`] included.
pub(crate) fn starts_with_word(chars: impl Iterator<Item = char>, word: &[char]) -> bool {
    let mut chars = chars.peekable();
    for &c in word {
        match chars.next() {
            Some(read) if read == c => {}
            Some(read)
                if ocr_pair(c)
                    .is_some_and(|[a, b]| read == a && chars.next_if_eq(&b).is_some()) => {}
            _ => return false,
        }
    }
    true
}

/// Folds a short text for whole-value comparison (subjects, undated words):
/// folded characters, white space collapsed, trimmed.
pub(crate) fn fold_value(text: &str) -> String {
    let mut out = String::new();
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(word.chars().map(fold));
    }
    out
}

/// A line prepared for label matching: its characters, folded and original,
/// and the byte offset of each in the line.
#[derive(Debug)]
pub(crate) struct Folded<'a> {
    text: &'a str,
    folded: Vec<char>,
    original: Vec<char>,
    offsets: Vec<usize>,
}

impl<'a> Folded<'a> {
    /// Prepares at most the first `max_chars` characters of `text`.
    pub(crate) fn new(text: &'a str, max_chars: usize) -> Self {
        // A line has at most as many characters as bytes: each list is
        // made once, not grown character by character.
        let room = text.len().min(max_chars);
        let mut folded = Vec::with_capacity(room);
        let mut original = Vec::with_capacity(room);
        let mut offsets = Vec::with_capacity(room);
        for (offset, c) in text.char_indices().take(max_chars) {
            folded.push(fold(c));
            original.push(c);
            offsets.push(offset);
        }
        Self {
            text,
            folded,
            original,
            offsets,
        }
    }

    /// Whether the whole line was prepared (it is not longer than the limit).
    pub(crate) fn is_complete(&self) -> bool {
        self.end_offset() == self.text.len()
    }

    /// The number of prepared characters.
    pub(crate) fn len(&self) -> usize {
        self.folded.len()
    }

    fn offset(&self, index: usize) -> usize {
        self.offsets
            .get(index)
            .copied()
            .unwrap_or(self.end_offset())
    }

    fn end_offset(&self) -> usize {
        match (self.offsets.last(), self.original.last()) {
            (Some(offset), Some(c)) => offset + c.len_utf8(),
            _ => 0,
        }
    }

    /// The original text from character `start` to character `end`
    /// (`end` past the prepared part means the end of the line).
    pub(crate) fn slice(&self, start: usize, end: usize) -> &'a str {
        let from = self.offset(start);
        let to = if end >= self.len() {
            self.text.len()
        } else {
            self.offset(end)
        };
        self.text.get(from..to).unwrap_or("")
    }

    /// The original text from character `start` to the end of the line.
    pub(crate) fn rest(&self, start: usize) -> &'a str {
        self.text.get(self.offset(start)..).unwrap_or("")
    }

    /// Skips characters that are not letters or digits: white space, icon
    /// glyphs ("☰", "■"), bullets.
    pub(crate) fn skip_decor(&self, from: usize) -> usize {
        let mut i = from;
        while self.original.get(i).is_some_and(|c| !c.is_alphanumeric()) {
            i += 1;
        }
        i
    }

    /// Skips white space.
    pub(crate) fn skip_space(&self, from: usize) -> usize {
        let mut i = from;
        while self.folded.get(i) == Some(&' ') {
            i += 1;
        }
        i
    }

    /// After one word of at most `max_chars` characters and the decor after
    /// it: for an icon a text layer spelled as a letter ("o Nummer: 1").
    pub(crate) fn skip_short_token(&self, from: usize, max_chars: usize) -> Option<usize> {
        let mut i = from;
        while self.folded.get(i).is_some_and(|&c| c != ' ') {
            i += 1;
        }
        let length = i - from;
        (length > 0 && length <= max_chars && self.folded.get(i) == Some(&' '))
            .then(|| self.skip_decor(i))
    }

    /// Whether `index` may start a label: the character before it, if any,
    /// is not a letter (a digit run into the label is a value without its
    /// space), or is a lower-case letter before the label's capital (a
    /// value run into it: "Tekst plaatsenDatum:").
    fn at_word_start(&self, index: usize) -> bool {
        match index.checked_sub(1) {
            None => true,
            Some(before) => self.original.get(before).is_none_or(|c| {
                !c.is_alphanumeric()
                    || c.is_ascii_digit()
                    || (c.is_lowercase()
                        && self.original.get(index).is_some_and(|l| l.is_uppercase()))
            }),
        }
    }

    /// Where `label` ends if it is written at `index`.
    pub(crate) fn phrase_at(&self, index: usize, label: &Label) -> Option<usize> {
        let mut i = index;
        for &c in &label.0 {
            if c == ' ' {
                let after = self.skip_space(i);
                if after == i {
                    return None;
                }
                i = after;
            } else if self.folded.get(i) == Some(&c) {
                i += 1;
            } else if let Some(pair) = ocr_pair(c)
                && self.folded.get(i..i + 2) == Some(pair.as_slice())
            {
                i += 2;
            } else {
                return None;
            }
        }
        Some(i)
    }

    /// Where the value after `label` and its colon starts, if the field
    /// label is written at `index`.
    pub(crate) fn field_at(&self, index: usize, label: &Label) -> Option<usize> {
        if !self.at_word_start(index) {
            return None;
        }
        let end = self.phrase_at(index, label)?;
        let colon = self.skip_space(end);
        matches!(self.original.get(colon), Some(':' | '：' | ';')).then_some(colon + 1)
    }

    /// The first of `labels` written at `index`: where the value starts.
    pub(crate) fn any_field_at(&self, index: usize, labels: &[Label]) -> Option<usize> {
        labels.iter().find_map(|label| self.field_at(index, label))
    }

    /// The first place at or after `from` where one of `labels` is written:
    /// (where the label starts, where its value starts).
    pub(crate) fn find_field(&self, from: usize, labels: &[Label]) -> Option<(usize, usize)> {
        (from..self.len()).find_map(|i| Some((i, self.any_field_at(i, labels)?)))
    }
}

/// Reads a number, reading the letters OCR puts for digits ("l" and "I" for
/// 1, "O" for 0) as those digits. `None` unless every character is a digit.
pub(crate) fn ocr_number<T: std::str::FromStr>(text: &str) -> Option<T> {
    let digits: String = text
        .trim()
        .chars()
        .map(|c| match c {
            'l' | 'I' | '|' | 'i' => '1',
            'O' | 'o' => '0',
            other => other,
        })
        .collect();
    if digits.is_empty() || !digits.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn label(text: &str) -> Label {
        Label::new(text).unwrap()
    }

    #[test]
    fn ocr_zero_for_capital_o() {
        let line = Folded::new("0nderwerp: Markering", 100);
        assert_eq!(line.field_at(0, &label("Onderwerp")), Some(10));
    }

    #[test]
    fn space_before_colon() {
        let line = Folded::new("Auteur : Aartsen", 100);
        assert_eq!(line.field_at(0, &label("Auteur")), Some(8));
        assert_eq!(line.rest(8).trim(), "Aartsen");
    }

    #[test]
    fn accents_fold() {
        let line = Folded::new("Numero : 3", 100);
        assert!(line.field_at(0, &label("Numéro")).is_some());
    }

    #[test]
    fn label_needs_colon_and_word_start() {
        assert_eq!(
            Folded::new("Datum 27 mei", 100).field_at(0, &label("Datum")),
            None
        );
        let line = Folded::new("Aanmaakdatum: 5", 100);
        assert_eq!(line.find_field(0, &[label("Datum")]), None);
    }

    #[test]
    fn phrase_spaces_match_runs_of_white_space() {
        let line = Folded::new("Summary of\u{a0}Comments \t on x.pdf", 100);
        let end = line.phrase_at(0, &label("Summary of Comments on")).unwrap();
        assert_eq!(line.rest(end).trim(), "x.pdf");
    }

    #[test]
    fn decor_and_short_token() {
        let line = Folded::new("☰ Nummer: 1", 100);
        assert_eq!(line.skip_decor(0), 2);
        let line = Folded::new("o Nummer: 1", 100);
        assert_eq!(line.skip_short_token(0, 2), Some(2));
        assert_eq!(Folded::new("Nummer: 1", 100).skip_short_token(0, 2), None);
    }

    #[test]
    fn long_line_is_prepared_in_part() {
        let text = "x".repeat(50);
        let line = Folded::new(&text, 10);
        assert_eq!(line.len(), 10);
        assert!(!line.is_complete());
        assert_eq!(line.slice(0, 3), "xxx");
        assert_eq!(line.slice(8, 99).len(), 42);
    }

    #[test]
    fn ocr_numbers() {
        assert_eq!(ocr_number::<u32>("l"), Some(1));
        assert_eq!(ocr_number::<u32>(" 1O "), Some(10));
        assert_eq!(ocr_number::<u32>("2a"), None);
        assert_eq!(ocr_number::<u32>(""), None);
        assert_eq!(ocr_number::<u32>("99999999999"), None);
    }
}
