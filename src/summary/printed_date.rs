//! The date of a summary entry, as Acrobat prints it.
//!
//! Acrobat prints the date in the short-date and long-time format of the
//! operating system, not of its own interface language: a Dutch summary has
//! `8-6-2026 09:11:02`, an English one `6/8/2026 9:11:02 AM` on a US system
//! and `08/06/2026 09:11:02` on a British one. So every entry's date is read
//! with all the numeric forms below, whatever the locale of its labels:
//!
//! - `d-m-yyyy`, `d.m.yyyy`, `d/m/yyyy`, `m/d/yyyy` and `yyyy-m-d` (also
//!   with `/` or `.`), one or two digits for day and month; a two-digit year
//!   `yy` is 20yy below 70 and 19yy from 70;
//! - then a time `H:mm`, `H:mm:ss` (24-hour), optionally followed by `AM` or
//!   `PM` (also `a.m.`, `pm`, …), which makes it a 12-hour clock.
//!
//! Which number is the day: with `-` and `.` the first (`d-m-yyyy`); with `/`
//! the locale's [`DateOrder`] decides (English reads `6/8/2026` as 8 June,
//! the other built-ins as 6 August), unless the numbers say otherwise: a
//! first number above 12 can only be a day, a second above 12 only a day.
//!
//! A date must have a time; anything after the time other than punctuation
//! makes the text unreadable (the entry reader splits run-on comment text
//! off first, with [`date_prefix_len`]). Unreadable or impossible dates (`31-2-2026`,
//! `25:00`) give no date; the caller keeps the text.

use std::sync::LazyLock;

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};
use regex::Regex;

use super::locale::DateOrder;
use crate::pdf::date::two_digit_year;

// ASCII digits, `[0-9]`, as in `decision::date_text`: only they are read
// as numbers, and `\d` makes a pattern ten times as costly to compile.
static DATE: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(
        r"(?x)^
        ([0-9]{1,4}) \s* ([-./]) \s* ([0-9]{1,2}) \s* ([-./]) \s* ([0-9]{1,4})   # the date
        (?: \s*,?\s+ | T )
        ([0-9]{1,2}) \s* [:.] \s* ([0-9]{2}) (?: \s* [:.] \s* ([0-9]{2}) )?        # the time
        \s* ( (?i: [ap] \.? \s? m \.? ) )?                               # AM / PM
        $",
    )
    .ok()
});

/// A date and a time at the start of a text, valid or not, with the AM/PM
/// marker that may follow.
static DATE_SHAPE: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(
        r"(?x)^
        [0-9]{1,4} \s* [-./] \s* [0-9]{1,2} \s* [-./] \s* [0-9]{1,4}
        (?: \s*,?\s+ | T )
        [0-9]{1,2} \s* [:.] \s* [0-9]{2} (?: \s* [:.] \s* [0-9]{2} )?
        ( \s* (?i: [ap] \.? \s? m \.? ) )?",
    )
    .ok()
});

/// Replaces the letters OCR reads for digits (`l`, `I`, `|` for 1; `O`, `o`
/// for 0). Every replacement is one ASCII byte for one, so byte offsets hold.
fn ocr_digits(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            'l' | 'I' | '|' => '1',
            'O' | 'o' => '0',
            other => other,
        })
        .collect()
}

/// The length in bytes of the printed date and time `text` starts with
/// (not necessarily a valid one), if it starts with one. A date and time
/// run into a following word ("9:11:02 AMsterdam") end before the word.
pub(crate) fn date_prefix_len(text: &str) -> Option<usize> {
    if !may_start_date(text) {
        return None;
    }
    let digits = ocr_digits(text);
    let caps = DATE_SHAPE.as_ref()?.captures(&digits)?;
    let whole = caps.get(0)?;
    let followed_by_word = |end: usize| {
        digits
            .get(end..)
            .and_then(|rest| rest.chars().next())
            .is_some_and(char::is_alphanumeric)
    };
    let end = match caps.get(1) {
        Some(marker) if followed_by_word(whole.end()) => marker.start(),
        _ => whole.end(),
    };
    (!followed_by_word(end)).then_some(end)
}

/// Whether `text` starts with a digit, or a letter OCR reads for one, as
/// a printed date does: only then is the text copied with its digits read
/// and the pattern run.
fn may_start_date(text: &str) -> bool {
    text.chars()
        .next()
        .is_some_and(|c| c.is_ascii_digit() || matches!(c, 'l' | 'I' | '|' | 'O' | 'o'))
}

/// Reads a printed date; `order` settles `/` dates the numbers leave open.
pub(crate) fn parse_printed_date(text: &str, order: DateOrder) -> Option<NaiveDateTime> {
    let text = text.trim();
    let (date, rest) = text.split_at_checked(date_prefix_len(text)?)?;
    if rest.chars().any(char::is_alphanumeric) {
        return None;
    }
    let date = ocr_digits(date);
    let caps = DATE.as_ref()?.captures(&date)?;
    let number = |i: usize| -> Option<u32> { caps.get(i)?.as_str().parse().ok() };
    let (a, b, c) = (number(1)?, number(3)?, number(5)?);
    let first_separator = caps.get(2)?.as_str();
    if first_separator != caps.get(4)?.as_str() {
        return None;
    }
    let first_is_year = caps.get(1)?.as_str().len() >= 3;
    let date = if first_is_year {
        NaiveDate::from_ymd_opt(i32::try_from(a).ok()?, b, c)?
    } else {
        if !matches!(caps.get(5)?.as_str().len(), 2 | 4) {
            return None;
        }
        let year = i32::try_from(c).ok()?;
        let year = if year < 100 {
            two_digit_year(year)
        } else {
            year
        };
        let day_first = match order {
            _ if a > 12 => true,
            _ if b > 12 => false,
            _ if first_separator != "/" => true,
            DateOrder::DayFirst => true,
            DateOrder::MonthFirst => false,
        };
        let (day, month) = if day_first { (a, b) } else { (b, a) };
        NaiveDate::from_ymd_opt(year, month, day)?
    };
    let hour = number(6)?;
    let minute = number(7)?;
    let second = caps.get(8).map_or(Some(0), |m| m.as_str().parse().ok())?;
    let hour = match caps.get(9).map(|m| m.as_str().to_ascii_lowercase()) {
        None => hour,
        Some(marker) => twelve_hour(hour, marker.starts_with('p'))?,
    };
    Some(date.and_time(NaiveTime::from_hms_opt(hour, minute, second)?))
}

/// The 24-hour hour of a 12-hour clock reading (12 AM is midnight).
fn twelve_hour(hour: u32, pm: bool) -> Option<u32> {
    match (hour, pm) {
        (0..=11, false) => Some(hour),
        (12, false) => Some(0),
        (1..=11, true) => Some(hour + 12),
        (12, true) => Some(12),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The first-character filter lets through every text whose digits,
    /// as OCR letters are read, the pattern matches.
    #[test]
    fn date_filter_never_skips_one() {
        let pattern = DATE_SHAPE.as_ref().unwrap();
        let matched = crate::testing::never_skipped(
            |text| pattern.is_match(&ocr_digits(text)),
            may_start_date,
            &["-6-2026 09:11:02", "0-3-2026 22:11", "/8/2026, 9:11 AM"],
        );
        // Ten digits and five letters, three texts each.
        assert_eq!(matched, 45);
    }

    fn at(y: i32, mo: u32, d: u32, h: u32, mi: u32, s: u32) -> Option<NaiveDateTime> {
        Some(NaiveDate::from_ymd_opt(y, mo, d)?.and_time(NaiveTime::from_hms_opt(h, mi, s)?))
    }

    #[test]
    fn dutch_day_month_year() {
        let parsed = parse_printed_date("8-6-2026 09:11:02", DateOrder::DayFirst);
        assert_eq!(parsed, at(2026, 6, 8, 9, 11, 2));
        let parsed = parse_printed_date("27-5-2026 11:41:48", DateOrder::DayFirst);
        assert_eq!(parsed, at(2026, 5, 27, 11, 41, 48));
    }

    #[test]
    fn us_month_day_year_with_am_pm() {
        let order = DateOrder::MonthFirst;
        assert_eq!(
            parse_printed_date("6/8/2026 9:11:02 AM", order),
            at(2026, 6, 8, 9, 11, 2)
        );
        assert_eq!(
            parse_printed_date("6/8/2026 9:11:02 PM", order),
            at(2026, 6, 8, 21, 11, 2)
        );
        assert_eq!(
            parse_printed_date("6/8/2026 12:05:00 AM", order),
            at(2026, 6, 8, 0, 5, 0)
        );
        assert_eq!(
            parse_printed_date("6/8/2026 12:05:00 p.m.", order),
            at(2026, 6, 8, 12, 5, 0)
        );
    }

    #[test]
    fn slash_day_first_when_the_numbers_say_so() {
        let order = DateOrder::MonthFirst;
        assert_eq!(
            parse_printed_date("27/05/2026 14:03:09", order),
            at(2026, 5, 27, 14, 3, 9)
        );
        assert_eq!(
            parse_printed_date("08/06/2026 09:11:02", DateOrder::DayFirst),
            at(2026, 6, 8, 9, 11, 2)
        );
        assert_eq!(
            parse_printed_date("5/27/2026 2:03:09 PM", DateOrder::DayFirst),
            at(2026, 5, 27, 14, 3, 9)
        );
    }

    #[test]
    fn german_dotted() {
        assert_eq!(
            parse_printed_date("08.06.2026 09:11:02", DateOrder::DayFirst),
            at(2026, 6, 8, 9, 11, 2)
        );
    }

    #[test]
    fn year_first() {
        assert_eq!(
            parse_printed_date("2026-06-08 09:11:02", DateOrder::MonthFirst),
            at(2026, 6, 8, 9, 11, 2)
        );
    }

    #[test]
    fn two_digit_year_and_no_seconds() {
        assert_eq!(
            parse_printed_date("8-6-26 9:11", DateOrder::DayFirst),
            at(2026, 6, 8, 9, 11, 0)
        );
    }

    #[test]
    fn ocr_letters_for_digits() {
        assert_eq!(
            parse_printed_date("27-5-2026 1l:4l:48", DateOrder::DayFirst),
            at(2026, 5, 27, 11, 41, 48)
        );
    }

    #[test]
    fn invalid_dates_give_none() {
        for text in [
            "31-2-2026 10:00:00",
            "8-6-2026 25:00:00",
            "8-6-2026",
            "Onbepaald",
            "8-6/2026 09:11:02",
            "6/8/2026 13:11:02 PM",
            "8-6-2026 09:11:02 gisteren",
            "",
        ] {
            assert_eq!(
                parse_printed_date(text, DateOrder::DayFirst),
                None,
                "{text}"
            );
        }
    }

    #[test]
    fn date_prefix() {
        assert_eq!(date_prefix_len("27-5-2026 11:41:48"), Some(18));
        assert_eq!(date_prefix_len("31-2-2026 10:00:00"), Some(18));
        assert_eq!(date_prefix_len("27-5-2026 1l:4l:48\tMWP akkoord"), Some(18));
        assert_eq!(date_prefix_len("6/8/2026 9:11:02 AM Approved"), Some(19));
        assert_eq!(date_prefix_len("6/8/2026 9:11:02 a.m."), Some(21));
        assert_eq!(date_prefix_len("6/8/2026 9:11:02 Amsterdam"), Some(16));
        assert_eq!(date_prefix_len("6/8/2026 9:11:02AMsterdam"), None);
        assert_eq!(date_prefix_len("27-5-2026 11:41:488"), None);
        assert_eq!(date_prefix_len("5 maart 2026"), None);
        assert_eq!(date_prefix_len("5-3-2026"), None);
        assert_eq!(date_prefix_len("donderdag 7 mei 2026 12:01"), None);
    }
}
