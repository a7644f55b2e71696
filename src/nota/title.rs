//! Which nota a comment summary's title names.
//!
//! Acrobat names a summary after the file ("Beslisnota - Tekenversie brief
//! voortang gezond en veilig werken", "20260416 Nota vervolg
//! gedragscode.pdf"), which is the nota's title give or take a typo. Both
//! sides are compared as folded words (lower case, accents and punctuation
//! dropped); from the file name go a file extension, leading numbers and
//! document words ("Beslisnota -"). A title is named when the two are
//! within [`MIN_SIMILARITY`] of each other (normalised Levenshtein
//! distance), or when one holds the other whole and the shorter has at
//! least [`MIN_CONTAINED_WORDS`] words. The best match wins; among equals,
//! the last nota before the summary.

use super::words::DOCUMENT_WORDS;

/// How alike two titles must be, 0 to 1.
pub(super) const MIN_SIMILARITY: f64 = 0.85;
/// Words a title must have to be found inside a longer name.
pub(super) const MIN_CONTAINED_WORDS: usize = 3;
/// Longest text compared, in characters (bounds the work).
const MAX_CHARS: usize = 200;

/// The folded words of a title.
pub(super) fn fold(title: &str) -> String {
    let mut out = String::new();
    for word in title
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(word.chars().flat_map(char::to_lowercase).map(plain));
        if out.chars().count() >= MAX_CHARS {
            break;
        }
    }
    out
}

/// The folded name of a summarised file, without what is not its title.
pub(super) fn fold_file_name(name: &str) -> String {
    let name = name.trim();
    let stem = match name.rsplit_once('.') {
        Some((stem, extension))
            if (2..=4).contains(&extension.len())
                && extension.chars().all(|c| c.is_ascii_alphanumeric()) =>
        {
            stem
        }
        _ => name,
    };
    let folded = fold(stem);
    let mut words: Vec<&str> = folded.split(' ').collect();
    loop {
        match words.first() {
            Some(word)
                if word.chars().all(|c| c.is_ascii_digit())
                    || DOCUMENT_WORDS.iter().any(|(known, _)| known == word) =>
            {
                words.remove(0);
            }
            _ => break,
        }
    }
    words.join(" ")
}

/// How well a folded file name names a folded title, 0 to 1; `None` when
/// it does not.
pub(super) fn score(name: &str, title: &str) -> Option<f64> {
    if name.is_empty() || title.is_empty() {
        return None;
    }
    // The distance is at least the difference in length: skip the
    // computation when that alone rules the pair out.
    let (a, b) = (name.chars().count(), title.chars().count());
    let longest = a.max(b) as f64;
    if (a.abs_diff(b) as f64) <= (1.0 - MIN_SIMILARITY) * longest {
        let similarity = strsim::normalized_levenshtein(name, title);
        if similarity >= MIN_SIMILARITY {
            return Some(similarity);
        }
    }
    let (shorter, longer) = if name.len() <= title.len() {
        (name, title)
    } else {
        (title, name)
    };
    let whole = format!(" {longer} ").contains(&format!(" {shorter} "));
    (whole && shorter.split(' ').count() >= MIN_CONTAINED_WORDS).then_some(MIN_SIMILARITY)
}

fn plain(c: char) -> char {
    match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' => 'a',
        'ç' => 'c',
        'è' | 'é' | 'ê' | 'ë' => 'e',
        'ì' | 'í' | 'î' | 'ï' => 'i',
        'ñ' => 'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' => 'o',
        'ù' | 'ú' | 'û' | 'ü' => 'u',
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(name: &str, title: &str) -> bool {
        score(&fold_file_name(name), &fold(title)).is_some()
    }

    #[test]
    fn a_typo_still_names_the_title() {
        assert!(names(
            "Beslisnota - Tekenversie brief voortang gezond en veilig werken",
            "Tekenversie brief voortgang gezond en veilig werken"
        ));
        assert!(names(
            "Beslisnota - Vervolg wetsvoorstel verplichte gedragscode of alternatieve aanpak",
            "Vervolg wetsvoorstel verplichte gedragscode of alternatieve aanpak"
        ));
        assert!(names(
            "20260416 Nota Vervolg wetsvoorstel gedragscode.pdf",
            "Vervolg wetsvoorstel gedragscode"
        ));
    }

    #[test]
    fn other_titles_are_not_named() {
        assert!(!names(
            "OPENBAAR MAKEN Beslisnota's.pdf",
            "Vervolg wetsvoorstel gedragscode"
        ));
        assert!(!names(
            "Beslisnota - Vervolg wetsvoorstel verplichte gedragscode of alternatieve aanpak",
            "Vervolg wetsvoorstel gedragscode"
        ));
        assert!(!names("Nota.pdf", "Kidfluencing"));
        assert!(!names("", "Kidfluencing"));
    }

    #[test]
    fn folding() {
        assert_eq!(fold("Financiële  zaken: één!"), "financiele zaken een");
        assert_eq!(fold_file_name("Beslisnota - Titel.pdf"), "titel");
        assert_eq!(fold_file_name("2026 04 16 nota titel"), "titel");
    }
}
