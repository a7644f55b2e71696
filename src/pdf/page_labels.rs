//! Page labels (ISO 32000-2 §12.4.2): the catalog's `/PageLabels` number
//! tree, turned into the label of each page ("iii", "A-7", "B").
//!
//! Each range starts at a page index and gives a style (`/S`: `D` decimal,
//! `R`/`r` upper/lower roman, `A`/`a` upper/lower letters — A…Z, AA…ZZ, …),
//! a prefix (`/P`) and a first number (`/St`, default 1). A range without a
//! style is the prefix alone. Pages before the first range have no label.
//!
//! Beyond the spec: keys out of order are sorted; a broken entry is skipped
//! with a warning. Numbers too large to write sensibly in roman numerals or
//! letters (over 100,000, or over 100 letters) fall back to decimal.

use std::collections::HashSet;

use crate::diagnostics::{WarningKind, Warnings};
use crate::limits::Limits;
use crate::pdf::text_string;
use crate::pdf::{Dict, Lookup, ObjId, Object, Pdf};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Style {
    Decimal,
    UpperRoman,
    LowerRoman,
    UpperLetters,
    LowerLetters,
    None,
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct Range {
    first_page: usize,
    style: Style,
    prefix: String,
    start: u64,
}

/// The page labels of a document.
#[derive(Debug, Clone, Default)]
pub(crate) struct PageLabels {
    ranges: Vec<Range>,
}

impl PageLabels {
    /// Reads `/PageLabels` from the catalog; empty when there is none.
    pub(crate) fn read(pdf: &Pdf, limits: &Limits, warnings: &mut Warnings) -> Self {
        let Some(catalog) = pdf.catalog() else {
            return Self::default();
        };
        let root = match catalog.get(b"PageLabels") {
            Lookup::Found(Object::Dict(root)) => root,
            Lookup::Absent => return Self::default(),
            Lookup::Found(other) => {
                warnings.push(
                    None,
                    None,
                    WarningKind::DamagedObject,
                    format!(
                        "/PageLabels is {}, not a dictionary; pages get no labels",
                        other.type_name()
                    ),
                );
                return Self::default();
            }
            Lookup::Dangling(id) => {
                warnings.push(
                    None,
                    Some(id.to_string()),
                    WarningKind::DamagedObject,
                    "/PageLabels refers to an object that is missing or unreadable; pages get no labels",
                );
                return Self::default();
            }
        };
        let mut ranges = Vec::new();
        let mut seen = HashSet::new();
        collect(&root, 0, limits, &mut seen, &mut ranges, warnings);
        ranges.sort_by_key(|range| range.first_page);
        Self { ranges }
    }

    /// The label of the page at this 0-based index.
    pub(crate) fn label(&self, index: usize) -> Option<String> {
        let at = self
            .ranges
            .partition_point(|range| range.first_page <= index);
        let range = self.ranges.get(at.checked_sub(1)?)?;
        let offset = u64::try_from(index - range.first_page).ok()?;
        Some(format!(
            "{}{}",
            range.prefix,
            number(range.style, range.start.saturating_add(offset))
        ))
    }
}

fn collect(
    node: &Dict<'_>,
    depth: usize,
    limits: &Limits,
    seen: &mut HashSet<ObjId>,
    ranges: &mut Vec<Range>,
    warnings: &mut Warnings,
) {
    if depth > limits.max_depth {
        warnings.push(
            None,
            None,
            WarningKind::LimitReached,
            "/PageLabels is nested too deeply; the deeper ranges are ignored",
        );
        return;
    }
    if let Some(id) = node.id()
        && !seen.insert(id)
    {
        warnings.push(
            None,
            Some(id.to_string()),
            WarningKind::DamagedObject,
            "/PageLabels contains a cycle; ignored there",
        );
        return;
    }
    if let Some(nums) = node.get_array(b"Nums") {
        let mut key: Option<usize> = None;
        for element in nums.elements() {
            if ranges.len() >= limits.max_page_label_ranges {
                warnings.push(
                    None,
                    None,
                    WarningKind::LimitReached,
                    format!(
                        "/PageLabels has more than {} ranges; the rest are ignored",
                        limits.max_page_label_ranges
                    ),
                );
                return;
            }
            match (key.take(), element.value) {
                (None, Lookup::Found(Object::Number(n))) => key = page_index(n),
                (Some(first_page), Lookup::Found(Object::Dict(dict))) => {
                    ranges.push(range(first_page, &dict))
                }
                _ => warnings.push(
                    None,
                    None,
                    WarningKind::DamagedObject,
                    "/PageLabels has a malformed /Nums entry; skipped",
                ),
            }
        }
    }
    if let Some(kids) = node.get_array(b"Kids") {
        for element in kids.elements() {
            if let Lookup::Found(Object::Dict(kid)) = element.value {
                collect(&kid, depth + 1, limits, seen, ranges, warnings);
            }
        }
    }
}

#[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
fn page_index(n: f64) -> Option<usize> {
    (n >= 0.0 && n.fract() == 0.0 && n < 1e15).then_some(n as usize)
}

#[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
fn range(first_page: usize, dict: &Dict<'_>) -> Range {
    let style = match dict.get_name(b"S").as_ref().map(|name| name.as_bytes()) {
        Some(b"D") => Style::Decimal,
        Some(b"R") => Style::UpperRoman,
        Some(b"r") => Style::LowerRoman,
        Some(b"A") => Style::UpperLetters,
        Some(b"a") => Style::LowerLetters,
        _ => Style::None,
    };
    let prefix = match dict.get_object(b"P") {
        Some(Object::String(s)) => text_string::decode(s.as_bytes()),
        _ => String::new(),
    };
    let start = dict
        .get_number(b"St")
        .filter(|n| *n >= 1.0 && n.fract() == 0.0 && *n < 1e15)
        .map_or(1, |n| n as u64);
    Range {
        first_page,
        style,
        prefix,
        start,
    }
}

fn number(style: Style, n: u64) -> String {
    match style {
        Style::None => String::new(),
        Style::Decimal => n.to_string(),
        Style::UpperRoman => roman(n).unwrap_or_else(|| n.to_string()),
        Style::LowerRoman => roman(n).map_or_else(|| n.to_string(), |r| r.to_lowercase()),
        Style::UpperLetters => letters(n).unwrap_or_else(|| n.to_string()),
        Style::LowerLetters => letters(n).map_or_else(|| n.to_string(), |r| r.to_lowercase()),
    }
}

fn roman(mut n: u64) -> Option<String> {
    const TABLE: [(u64, &str); 13] = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    if n == 0 || n > 100_000 {
        return None;
    }
    let mut out = String::new();
    for (value, digits) in TABLE {
        while n >= value {
            out.push_str(digits);
            n -= value;
        }
    }
    Some(out)
}

/// A…Z, then AA…ZZ, then AAA…: the letter repeated.
fn letters(n: u64) -> Option<String> {
    let index = n.checked_sub(1)?;
    let repeat = usize::try_from(index / 26 + 1).ok().filter(|r| *r <= 100)?;
    let letter = char::from(b'A' + u8::try_from(index % 26).ok()?);
    Some(std::iter::repeat_n(letter, repeat).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn labels(ranges: Vec<Range>) -> PageLabels {
        PageLabels { ranges }
    }

    fn r(first_page: usize, style: Style, prefix: &str, start: u64) -> Range {
        Range {
            first_page,
            style,
            prefix: prefix.into(),
            start,
        }
    }

    #[test]
    fn roman_then_decimal_with_prefix() {
        let l = labels(vec![
            r(0, Style::LowerRoman, "", 1),
            r(4, Style::Decimal, "A-", 8),
        ]);
        let got: Vec<_> = (0..6).map(|i| l.label(i).unwrap()).collect();
        assert_eq!(got, ["i", "ii", "iii", "iv", "A-8", "A-9"]);
    }

    #[test]
    fn letters_repeat_after_z() {
        assert_eq!(number(Style::UpperLetters, 1), "A");
        assert_eq!(number(Style::UpperLetters, 26), "Z");
        assert_eq!(number(Style::UpperLetters, 27), "AA");
        assert_eq!(number(Style::LowerLetters, 53), "aaa");
    }

    #[test]
    fn roman_numerals() {
        assert_eq!(number(Style::UpperRoman, 1994), "MCMXCIV");
        assert_eq!(number(Style::LowerRoman, 49), "xlix");
    }

    #[test]
    fn prefix_only_range() {
        let l = labels(vec![r(0, Style::None, "Voorblad", 1)]);
        assert_eq!(l.label(0).as_deref(), Some("Voorblad"));
    }

    #[test]
    fn pages_before_first_range_unlabelled() {
        let l = labels(vec![r(2, Style::Decimal, "", 1)]);
        assert_eq!(l.label(0), None);
        assert_eq!(l.label(2).as_deref(), Some("1"));
    }

    #[test]
    fn huge_numbers_fall_back_to_decimal() {
        assert_eq!(number(Style::UpperRoman, 1_000_000), "1000000");
        assert_eq!(number(Style::UpperLetters, 1_000_000), "1000000");
    }
}
