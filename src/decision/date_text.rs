//! Dates as people write them next to a decision, and how their year is found.
//!
//! Forms read (day first unless the month is a name written first):
//! `8/6`, `8-6`, `8.6`, `8-6-26`, `8-6-'26`, `8-6-2026`, `08.06.2026`, `8/6/2026`,
//! `8 juni`, `8 jun.`, `8 jun 2026`, `8 juni 2026`, `8-jun-2026`, `8e juni`,
//! `1er juin`, `8. Juni 2026`, `June 8`, `June 8, 2026`, ISO `2026-06-08`;
//! a weekday may come first (`ma 8/6`, `maandag 8 juni`, `Mo 8.6.2026`) and
//! a time may follow (`8-6-2026 09:11`, `8/6 14.30 uur`, `8.6 um 9:15 Uhr`).
//! Month and weekday names come from the [`Vocabulary`]. A two-digit year
//! `yy` is 20yy below 70 and 19yy from 70.
//!
//! A date without a year takes it from the first anchor there is: the moment
//! the statement was written down (an annotation's `/M`, a summary entry's
//! `Datum`), else the nota's date, else the document's dates. The year before,
//! the same year and the year after are all tried; the chosen reading is the
//! one that
//! - is not after the moment of writing (one day of slack for time zones),
//! - is not more than a month before the nota's date,
//!
//! and, among those, lies closest to that moment (else closest after the nota
//! date, else closest to a document date). A numeric date such as `6/8` is
//! read month first (also when the year is written) only where day first
//! gives no date that meets the bounds, or against the moment of writing,
//! the one anchor near the decision: there the month/day reading must win by
//! more than [`SWAP_PENALTY`] days, so a Dutch `4/3` stays 4 March, and an
//! English `6/8` written on 9 June is 8 June. A nota is decided days or
//! months after its date, and a document's dates are its release: a nota of
//! 3 May stamped `4/8` was decided on 4 August. When no reading meets the
//! bounds, the day/month reading in the anchor's year (or the written year)
//! is kept.

use std::sync::LazyLock;

use chrono::{Datelike, Days, NaiveDate};
use regex::Regex;

use super::recognise::ends_word;
use super::{DateBasis, Vocabulary};
use crate::pdf::date::two_digit_year;

/// Days a month/day reading must gain over the day/month reading.
pub(crate) const SWAP_PENALTY: i64 = 60;
/// How long before the nota's date a decision may still be dated.
pub(crate) const NOTA_SLACK: u64 = 31;
/// How long after the moment of writing a decision may be dated.
pub(crate) const WRITTEN_SLACK: u64 = 1;
/// Document dates considered for the year, at most.
const MAX_DOCUMENT_DATES: usize = 16;

// Digits are ASCII, `[0-9]`: a date is read as numbers only from them, and
// `\d` (every script's digits) costs each pattern ten times as much to
// compile, which a one-page run pays in full.
static ISO: LazyLock<Option<Regex>> =
    LazyLock::new(|| Regex::new(r"^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})").ok());
static NUMERIC: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"^([0-9]{1,2})([/.\-])([0-9]{1,2})(?:([/.\-])([0-9]{4}|'?[0-9]{2}))?").ok()
});
static DAY_NAME: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(
        r"^([0-9]{1,2})(?:ste|de|er|st|nd|rd|th|e)?\.?[\s\-]*([^\W\d_]+)\.?(?:[\s,\-]+([0-9]{4}|'[0-9]{2}))?",
    )
    .ok()
});
static NAME_DAY: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"^([^\W\d_]+)\.?\s+([0-9]{1,2})(?:st|nd|rd|th)?(?:,?\s+([0-9]{4}))?").ok()
});
static WEEKDAY: LazyLock<Option<Regex>> =
    LazyLock::new(|| Regex::new(r"^([^\W\d_]+)\.?,?\s+").ok());
static TIME: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(
        r"^,?\s+(?:om\s+|at\s+|um\s+|à\s+)?[0-9]{1,2}(?::[0-9]{2}(?::[0-9]{2})?|\.[0-9]{2})(?:\s?(?:uur|u|h|Uhr|[aApP]\.?[mM]\.?))?",
    )
        .ok()
});

/// A date as written, before its year and reading are settled.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct WrittenDate {
    pub(crate) day: u32,
    pub(crate) month: u32,
    pub(crate) year: Option<i32>,
    /// Numeric day and month that could be read the other way round (`6/8`).
    pub(crate) swappable: bool,
}

/// Parses a date at the very start of `text`; gives it and the number of
/// bytes it takes (a following time included). The date must end at a word
/// boundary.
pub(crate) fn parse_at(text: &str, vocabulary: &Vocabulary) -> Option<(WrittenDate, usize)> {
    if let Some((date, len)) = parse_plain(text, vocabulary) {
        return Some((date, len));
    }
    if !may_start_letters(text) {
        return None;
    }
    let weekday = WEEKDAY.as_ref()?.captures(text)?;
    let name = weekday.get(1)?.as_str();
    if !vocabulary.is_weekday(name) {
        return None;
    }
    let skip = weekday.get(0)?.end();
    let (date, len) = parse_plain(text.get(skip..)?, vocabulary)?;
    Some((date, skip + len))
}

fn parse_plain(text: &str, vocabulary: &Vocabulary) -> Option<(WrittenDate, usize)> {
    let (date, mut end) = parse_iso(text)
        .or_else(|| parse_numeric(text))
        .or_else(|| parse_day_name(text, vocabulary))
        .or_else(|| parse_name_day(text, vocabulary))?;
    if !(1..=31).contains(&date.day) || !(1..=12).contains(&date.month) {
        return None;
    }
    // A time only when it ends where a word ends: ", 1.500 fte" after a
    // date is an amount, and the date stands without it.
    if let Some(time) = text
        .get(end..)
        .filter(|rest| may_start_time(rest))
        .and_then(|rest| TIME.as_ref()?.find(rest))
        && ends_word(text, end + time.end())
    {
        end += time.end();
    }
    ends_word(text, end).then_some((date, end))
}

fn number<T: std::str::FromStr>(m: Option<regex::Match<'_>>) -> Option<T> {
    m?.as_str().trim_start_matches('\'').parse().ok()
}

fn full_year(written: &str, value: i32) -> i32 {
    let digits = written.trim_start_matches('\'').len();
    if digits == 2 {
        two_digit_year(value)
    } else {
        value
    }
}

// Each pattern is tried only where its first character can stand: most
// places a date is looked for start with neither, and a regex's captures
// cost an allocation even when nothing matches.

/// Whether `text` starts with an ASCII digit, as ISO, NUMERIC and
/// DAY_NAME do.
pub(crate) fn starts_with_digit(text: &str) -> bool {
    text.as_bytes().first().is_some_and(u8::is_ascii_digit)
}

/// Whether `text` may start with a letter of `[^\W\d_]`, as NAME_DAY and
/// WEEKDAY do: among ASCII characters only the letters are; another
/// character is left to the pattern.
fn may_start_letters(text: &str) -> bool {
    text.as_bytes()
        .first()
        .is_some_and(|&b| !b.is_ascii() || b.is_ascii_alphabetic())
}

/// Whether `text` may start as TIME does: a comma or white space (`\s`,
/// which among ASCII characters is also the vertical tab and form feed).
fn may_start_time(text: &str) -> bool {
    text.as_bytes().first().is_some_and(|&b| {
        !b.is_ascii() || matches!(b, b',' | b' ' | b'\t' | b'\n' | b'\r' | 0x0B | 0x0C)
    })
}

fn parse_iso(text: &str) -> Option<(WrittenDate, usize)> {
    if !starts_with_digit(text) {
        return None;
    }
    let caps = ISO.as_ref()?.captures(text)?;
    let date = WrittenDate {
        year: Some(number(caps.get(1))?),
        month: number(caps.get(2))?,
        day: number(caps.get(3))?,
        swappable: false,
    };
    let end = caps.get(0)?.end();
    ends_word(text, end).then_some((date, end))
}

fn parse_numeric(text: &str) -> Option<(WrittenDate, usize)> {
    if !starts_with_digit(text) {
        return None;
    }
    let caps = NUMERIC.as_ref()?.captures(text)?;
    let day: u32 = number(caps.get(1))?;
    let month: u32 = number(caps.get(3))?;
    let separator = caps.get(2)?.as_str();
    let mut end = caps.get(3)?.end();
    let mut year = None;
    if let (Some(sep), Some(y)) = (caps.get(4), caps.get(5))
        && sep.as_str() == separator
    {
        year = Some(full_year(y.as_str(), number(Some(y))?));
        end = y.end();
    }
    if !ends_word(text, end) {
        return None;
    }
    let date = WrittenDate {
        day,
        month,
        year,
        swappable: day <= 12 && month <= 31 && day != month,
    };
    Some((date, end))
}

fn parse_day_name(text: &str, vocabulary: &Vocabulary) -> Option<(WrittenDate, usize)> {
    if !starts_with_digit(text) {
        return None;
    }
    let caps = DAY_NAME.as_ref()?.captures(text)?;
    let month = vocabulary.month(caps.get(2)?.as_str())?;
    let name_end = {
        let name = caps.get(2)?;
        // Keep an abbreviation's full stop (`jun.`) in the date.
        let after = text.get(name.end()..)?;
        name.end() + usize::from(after.starts_with('.'))
    };
    let (year, end) = match caps.get(3) {
        Some(y) if ends_word(text, y.end()) => {
            (Some(full_year(y.as_str(), number(Some(y))?)), y.end())
        }
        _ => (None, name_end),
    };
    let date = WrittenDate {
        day: number(caps.get(1))?,
        month,
        year,
        swappable: false,
    };
    Some((date, end))
}

fn parse_name_day(text: &str, vocabulary: &Vocabulary) -> Option<(WrittenDate, usize)> {
    if !may_start_letters(text) {
        return None;
    }
    let caps = NAME_DAY.as_ref()?.captures(text)?;
    let month = vocabulary.month(caps.get(1)?.as_str())?;
    let year = match caps.get(3) {
        Some(y) => Some(number(Some(y))?),
        None => None,
    };
    let end = caps.get(0)?.end();
    let date = WrittenDate {
        day: number(caps.get(2))?,
        month,
        year,
        swappable: false,
    };
    Some((date, end))
}

/// What a date's missing year (and its reading) is judged against.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Anchors<'a> {
    /// When the statement was written down, and which kind of moment that is.
    pub(crate) written: Option<(NaiveDate, DateBasis)>,
    /// The nota's own date.
    pub(crate) nota: Option<NaiveDate>,
    /// The document's dates.
    pub(crate) document: &'a [NaiveDate],
}

/// Settles a written date: the calendar date and what its year rests on.
pub(crate) fn resolve(date: &WrittenDate, anchors: &Anchors<'_>) -> Option<(NaiveDate, DateBasis)> {
    let documents = anchors
        .document
        .get(..anchors.document.len().min(MAX_DOCUMENT_DATES))
        .unwrap_or_default();
    let (years, basis, fallback_year) = match date.year {
        Some(year) => (vec![year], DateBasis::Explicit, year),
        None => {
            let (base, basis) = if let Some((written, basis)) = anchors.written {
                (vec![written.year()], basis)
            } else if let Some(nota) = anchors.nota {
                (vec![nota.year()], DateBasis::NotaDate)
            } else if !documents.is_empty() {
                (
                    documents.iter().map(Datelike::year).collect(),
                    DateBasis::Document,
                )
            } else {
                return None;
            };
            let fallback = base.first().copied()?;
            let mut years: Vec<i32> = base
                .iter()
                .flat_map(|&y| [y.saturating_sub(1), y, y.saturating_add(1)])
                .collect();
            years.sort_unstable();
            years.dedup();
            (years, basis, fallback)
        }
    };
    let upper = anchors
        .written
        .and_then(|(written, _)| written.checked_add_days(Days::new(WRITTEN_SLACK)));
    let lower = anchors
        .nota
        .and_then(|nota| nota.checked_sub_days(Days::new(NOTA_SLACK)));
    // The reading within the bounds that lies closest to the anchor.
    let closest = |readings: &[(u32, u32, bool)]| {
        let mut best: Option<(i64, NaiveDate)> = None;
        for &(day, month, swapped) in readings {
            for &year in &years {
                let Some(candidate) = NaiveDate::from_ymd_opt(year, month, day) else {
                    continue;
                };
                if upper.is_some_and(|upper| candidate > upper)
                    || lower.is_some_and(|lower| candidate < lower)
                {
                    continue;
                }
                let mut cost = distance(candidate, anchors, documents);
                if swapped {
                    cost += SWAP_PENALTY;
                }
                // Strictly better only: the day/month reading and the
                // earlier year, tried first, keep ties.
                if best.is_none_or(|(best_cost, _)| cost < best_cost) {
                    best = Some((cost, candidate));
                }
            }
        }
        best
    };
    let day_first = (date.day, date.month, false);
    let month_first = (date.month, date.day, true);
    // Against a nota's or a document's dates a day/month reading that fits
    // stands, however far from them it lies (see the module's text).
    let best = if !date.swappable {
        closest(&[day_first])
    } else if anchors.written.is_some() {
        closest(&[day_first, month_first])
    } else {
        closest(&[day_first]).or_else(|| closest(&[month_first]))
    };
    if let Some((_, chosen)) = best {
        return Some((chosen, basis));
    }
    let fallback = NaiveDate::from_ymd_opt(fallback_year, date.month, date.day).or_else(|| {
        date.swappable
            .then(|| NaiveDate::from_ymd_opt(fallback_year, date.day, date.month))
            .flatten()
    })?;
    Some((fallback, basis))
}

/// How far a candidate lies from the moment it should be near, in days.
fn distance(candidate: NaiveDate, anchors: &Anchors<'_>, documents: &[NaiveDate]) -> i64 {
    if let Some((written, _)) = anchors.written {
        (written - candidate).num_days().abs()
    } else if let Some(nota) = anchors.nota {
        (candidate - nota).num_days().abs()
    } else {
        documents
            .iter()
            .map(|&d| (candidate - d).num_days().abs())
            .min()
            .unwrap_or(0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::never_skipped;

    /// A pattern is skipped only where it cannot match: after every ASCII
    /// character, and some others, with texts that would match after a
    /// digit, a letter or a comma.
    #[test]
    fn first_character_tests_never_skip_a_match() {
        let rests = [
            "2026-06-08",
            "1-6-2026",
            "8 juni 2026",
            "uni 8, 2026",
            "aandag 8 juni",
            " 9:11",
            " om 9.11 uur",
            "5.1.2e",
            "t 9:11 am, ",
            "m 09:11, ",
        ];
        type Filter = fn(&str) -> bool;
        let filtered: [(&Option<Regex>, Filter); 6] = [
            (&ISO, starts_with_digit),
            (&NUMERIC, starts_with_digit),
            (&DAY_NAME, starts_with_digit),
            (&NAME_DAY, may_start_letters),
            (&WEEKDAY, may_start_letters),
            (&TIME, may_start_time),
        ];
        let matched: usize = filtered
            .iter()
            .map(|(pattern, may_start)| {
                let pattern = pattern.as_ref().unwrap();
                never_skipped(|text| pattern.is_match(text), may_start, &rests)
            })
            .sum();
        // The texts do match, after the right characters.
        assert!(matched > 100, "{matched}");
    }

    fn vocabulary() -> Vocabulary {
        Vocabulary::builtin()
    }

    fn parse(text: &str) -> Option<(WrittenDate, usize)> {
        parse_at(text, &vocabulary())
    }

    fn written(day: u32, month: u32, year: Option<i32>) -> WrittenDate {
        WrittenDate {
            day,
            month,
            year,
            swappable: false,
        }
    }

    fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn parsed(text: &str) -> (u32, u32, Option<i32>, &str) {
        let (date, len) = parse(text).unwrap();
        (date.day, date.month, date.year, &text[..len])
    }

    #[test]
    fn patterns_compile() {
        for pattern in [&ISO, &NUMERIC, &DAY_NAME, &NAME_DAY, &WEEKDAY, &TIME] {
            assert!(pattern.is_some());
        }
    }

    #[test]
    fn day_slash_month() {
        assert_eq!(parsed("8/6"), (8, 6, None, "8/6"));
        assert!(parse("8/6").unwrap().0.swappable);
    }

    #[test]
    fn day_dash_month() {
        assert_eq!(parsed("8-6 AA"), (8, 6, None, "8-6"));
    }

    #[test]
    fn day_month_short_year() {
        assert_eq!(parsed("8-6-26"), (8, 6, Some(2026), "8-6-26"));
        assert_eq!(parsed("1-2-99"), (1, 2, Some(1999), "1-2-99"));
        assert_eq!(parsed("8-6-'26"), (8, 6, Some(2026), "8-6-'26"));
    }

    #[test]
    fn day_month_full_year() {
        assert_eq!(parsed("30-3-2026 1"), (30, 3, Some(2026), "30-3-2026"));
        assert!(!parse("30-3-2026").unwrap().0.swappable);
    }

    #[test]
    fn dotted_full_date() {
        assert_eq!(parsed("08.06.2026"), (8, 6, Some(2026), "08.06.2026"));
        assert_eq!(parsed("8.6.2026."), (8, 6, Some(2026), "8.6.2026"));
    }

    #[test]
    fn slashed_full_date() {
        assert_eq!(parsed("8/6/2026"), (8, 6, Some(2026), "8/6/2026"));
    }

    #[test]
    fn mixed_separators_leave_the_year_out() {
        // `8-6/2026` is not one date; the date ends before the slash.
        assert_eq!(parsed("8-6/2026"), (8, 6, None, "8-6"));
    }

    #[test]
    fn dutch_month_name() {
        assert_eq!(parsed("8 juni"), (8, 6, None, "8 juni"));
        assert_eq!(parsed("8 jun 2026"), (8, 6, Some(2026), "8 jun 2026"));
        assert_eq!(parsed("8 juni 2026"), (8, 6, Some(2026), "8 juni 2026"));
        assert_eq!(parsed("8 jun. 2026"), (8, 6, Some(2026), "8 jun. 2026"));
        assert_eq!(parsed("8 jun."), (8, 6, None, "8 jun."));
        assert_eq!(parsed("27 mei 2026"), (27, 5, Some(2026), "27 mei 2026"));
        assert_eq!(parsed("5 maart 2026"), (5, 3, Some(2026), "5 maart 2026"));
        assert_eq!(parsed("8-jun-2026"), (8, 6, Some(2026), "8-jun-2026"));
        assert_eq!(parsed("8e juni"), (8, 6, None, "8e juni"));
    }

    #[test]
    fn french_and_german_forms() {
        assert_eq!(parsed("1er juin"), (1, 6, None, "1er juin"));
        assert_eq!(parsed("8 juin 2026"), (8, 6, Some(2026), "8 juin 2026"));
        assert_eq!(parsed("8. Juni 2026"), (8, 6, Some(2026), "8. Juni 2026"));
        assert_eq!(parsed("3.4."), (3, 4, None, "3.4"));
    }

    #[test]
    fn two_digit_years() {
        assert_eq!(parsed("12-03-26"), (12, 3, Some(2026), "12-03-26"));
        assert_eq!(parsed("8.6.26"), (8, 6, Some(2026), "8.6.26"));
        assert_eq!(parsed("8/6/26"), (8, 6, Some(2026), "8/6/26"));
    }

    #[test]
    fn english_month_name() {
        assert_eq!(parsed("8 June 2026"), (8, 6, Some(2026), "8 June 2026"));
        assert_eq!(parsed("June 8, 2026"), (8, 6, Some(2026), "June 8, 2026"));
        assert_eq!(parsed("June 8th"), (8, 6, None, "June 8th"));
    }

    #[test]
    fn iso_date() {
        assert_eq!(parsed("2026-06-08"), (8, 6, Some(2026), "2026-06-08"));
    }

    #[test]
    fn weekday_before_the_date() {
        assert_eq!(parsed("ma 8/6"), (8, 6, None, "ma 8/6"));
        assert_eq!(parsed("maandag 8 juni"), (8, 6, None, "maandag 8 juni"));
    }

    #[test]
    fn time_after_the_date() {
        assert_eq!(
            parsed("8-6-2026 09:11"),
            (8, 6, Some(2026), "8-6-2026 09:11")
        );
    }

    #[test]
    fn dutch_time_with_a_full_stop() {
        assert_eq!(parsed("8/6 14.30 uur"), (8, 6, None, "8/6 14.30 uur"));
        assert_eq!(parsed("8/6 9.15u"), (8, 6, None, "8/6 9.15u"));
        assert_eq!(parsed("8.6 um 9:15 Uhr"), (8, 6, None, "8.6 um 9:15 Uhr"));
        // A number with one decimal is not a time.
        assert_eq!(parsed("8/6 1.5"), (8, 6, None, "8/6"));
    }

    #[test]
    fn not_dates() {
        assert!(parse("20260416").is_none());
        assert!(parse("8 mijl").is_none());
        assert!(parse("32/1").is_none());
        assert!(parse("8/13").is_none());
        assert!(parse("8-6-202").is_none());
        assert!(parse("8/6x").is_none());
        assert!(parse("juni").is_none());
        assert!(parse("").is_none());
    }

    #[test]
    fn explicit_year_is_kept() {
        let date = written(30, 3, Some(2026));
        let anchors = Anchors::default();
        assert_eq!(
            resolve(&date, &anchors),
            Some((ymd(2026, 3, 30), DateBasis::Explicit))
        );
    }

    #[test]
    fn no_anchor_no_year() {
        assert_eq!(resolve(&written(8, 6, None), &Anchors::default()), None);
    }

    #[test]
    fn year_from_annotation() {
        let anchors = Anchors {
            written: Some((ymd(2026, 6, 8), DateBasis::Annotation)),
            ..Anchors::default()
        };
        assert_eq!(
            resolve(&parse("8/6").unwrap().0, &anchors),
            Some((ymd(2026, 6, 8), DateBasis::Annotation))
        );
    }

    #[test]
    fn year_from_summary_entry_across_new_year() {
        // Written down on 3 January: 28/12 is the December before.
        let anchors = Anchors {
            written: Some((ymd(2027, 1, 3), DateBasis::SummaryEntry)),
            ..Anchors::default()
        };
        assert_eq!(
            resolve(&parse("28/12").unwrap().0, &anchors),
            Some((ymd(2026, 12, 28), DateBasis::SummaryEntry))
        );
    }

    #[test]
    fn year_from_nota_across_new_year() {
        // A nota of 20 December stamped "akkoord 8/1": January after it.
        let anchors = Anchors {
            nota: Some(ymd(2025, 12, 20)),
            ..Anchors::default()
        };
        assert_eq!(
            resolve(&parse("8/1").unwrap().0, &anchors),
            Some((ymd(2026, 1, 8), DateBasis::NotaDate))
        );
        // and 23/12 stays in December.
        assert_eq!(
            resolve(&parse("23/12").unwrap().0, &anchors),
            Some((ymd(2025, 12, 23), DateBasis::NotaDate))
        );
    }

    #[test]
    fn year_from_document() {
        let documents = [ymd(2026, 7, 1)];
        let anchors = Anchors {
            document: &documents,
            ..Anchors::default()
        };
        assert_eq!(
            resolve(&parse("8 juni").unwrap().0, &anchors),
            Some((ymd(2026, 6, 8), DateBasis::Document))
        );
    }

    #[test]
    fn annotation_date_bounds_the_nota_guess() {
        // Nota of 20 December, annotation written 9 January: 8/1 is the 8th.
        let anchors = Anchors {
            written: Some((ymd(2026, 1, 9), DateBasis::Annotation)),
            nota: Some(ymd(2025, 12, 20)),
            ..Anchors::default()
        };
        assert_eq!(
            resolve(&parse("8/1").unwrap().0, &anchors),
            Some((ymd(2026, 1, 8), DateBasis::Annotation))
        );
    }

    #[test]
    fn day_month_swapped_against_annotation_date() {
        // Written on 9 June 2026: 6/8 cannot be 6 August 2026 (not yet), and
        // 6 August 2025 lies ten months back; 8 June (month first) it is.
        let anchors = Anchors {
            written: Some((ymd(2026, 6, 9), DateBasis::Annotation)),
            ..Anchors::default()
        };
        assert_eq!(
            resolve(&parse("6/8").unwrap().0, &anchors),
            Some((ymd(2026, 6, 8), DateBasis::Annotation))
        );
        // Written with its year, too.
        assert_eq!(
            resolve(&parse("6/8/2026").unwrap().0, &anchors),
            Some((ymd(2026, 6, 8), DateBasis::Explicit))
        );
    }

    #[test]
    fn day_month_kept_when_plausible() {
        // Written on 4 April: 4/3 is 4 March (a month back), not 3 April.
        let anchors = Anchors {
            written: Some((ymd(2026, 4, 4), DateBasis::Annotation)),
            ..Anchors::default()
        };
        assert_eq!(
            resolve(&parse("4/3").unwrap().0, &anchors),
            Some((ymd(2026, 3, 4), DateBasis::Annotation))
        );
    }

    #[test]
    fn day_month_swapped_against_nota_date() {
        // A nota of 1 June 2026; 6/8/2026 read day first is 6 August, which
        // is possible, so it stays.
        let anchors = Anchors {
            nota: Some(ymd(2026, 6, 1)),
            ..Anchors::default()
        };
        assert_eq!(
            resolve(&parse("6/8/2026").unwrap().0, &anchors),
            Some((ymd(2026, 8, 6), DateBasis::Explicit))
        );
        // A nota of 1 August: 6/7 day first is a month before it, but 7
        // June is two months before; the day/month reading is kept.
        let anchors = Anchors {
            nota: Some(ymd(2026, 8, 1)),
            ..Anchors::default()
        };
        assert_eq!(
            resolve(&parse("6/7/2026").unwrap().0, &anchors),
            Some((ymd(2026, 7, 6), DateBasis::Explicit))
        );
    }

    #[test]
    fn day_first_stands_against_a_nota_date_however_far() {
        // A nota of 3 May 2026 stamped 4/8: decided on 4 August, three
        // months on; not 8 April, before the nota.
        let anchors = Anchors {
            nota: Some(ymd(2026, 5, 3)),
            ..Anchors::default()
        };
        assert_eq!(
            resolve(&parse("4/8").unwrap().0, &anchors),
            Some((ymd(2026, 8, 4), DateBasis::NotaDate))
        );
        // Into the next year: a nota of 6 October 2025 stamped 10/1.
        let anchors = Anchors {
            nota: Some(ymd(2025, 10, 6)),
            ..Anchors::default()
        };
        assert_eq!(
            resolve(&parse("10/1").unwrap().0, &anchors),
            Some((ymd(2026, 1, 10), DateBasis::NotaDate))
        );
        // Month first only when day first gives no date that fits: with its
        // year written, 9 July is two months before a nota of 1 September.
        let anchors = Anchors {
            nota: Some(ymd(2026, 9, 1)),
            ..Anchors::default()
        };
        assert_eq!(
            resolve(&parse("9/7/2026").unwrap().0, &anchors),
            Some((ymd(2026, 9, 7), DateBasis::Explicit))
        );
    }

    #[test]
    fn day_first_stands_against_document_dates() {
        // A scan made on 10 August 2026 of a nota stamped 8/4: 8 April.
        let documents = [ymd(2026, 8, 10)];
        let anchors = Anchors {
            document: &documents,
            ..Anchors::default()
        };
        assert_eq!(
            resolve(&parse("8/4").unwrap().0, &anchors),
            Some((ymd(2026, 4, 8), DateBasis::Document))
        );
    }

    #[test]
    fn impossible_bounds_keep_the_written_reading() {
        // Written before the stated date (a wrong clock): keep what is written.
        let anchors = Anchors {
            written: Some((ymd(2026, 3, 1), DateBasis::Annotation)),
            ..Anchors::default()
        };
        assert_eq!(
            resolve(&written(30, 3, Some(2026)), &anchors),
            Some((ymd(2026, 3, 30), DateBasis::Explicit))
        );
    }

    #[test]
    fn february_29_only_in_leap_years() {
        let anchors = Anchors {
            written: Some((ymd(2025, 3, 2), DateBasis::Annotation)),
            ..Anchors::default()
        };
        // 2025 has no 29 February; the nearest earlier one is 2024.
        assert_eq!(
            resolve(&written(29, 2, None), &anchors),
            Some((ymd(2024, 2, 29), DateBasis::Annotation))
        );
    }
}
