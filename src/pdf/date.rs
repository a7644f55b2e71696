//! PDF dates (ISO 32000-2 §7.9.4), read the way real files write them.
//!
//! The spec form is `D:YYYYMMDDHHmmSSOHH'mm`, every part after the year
//! optional (month and day default to 1, the time to midnight) and the offset
//! `O` one of `+`, `-` or `Z`. Beyond the spec this parser accepts:
//! - no `D:` prefix, and white space around the value;
//! - offsets without apostrophes (`+0200`), with only one (`+02'00`), with an
//!   extra one, with a colon (`+02:00`) or with hours only (`+02`);
//! - `Z` followed by a zero offset (`Z00'00'`);
//! - the year `19100` that Acrobat's old JavaScript wrote for 2000 (`"19" +
//!   getYear()`), so `191xx` is read as `20xx`;
//! - ISO 8601 / RFC 3339 text (`2026-06-08T09:11:02+02:00`), which some
//!   writers put in `/M`;
//! - anything after a complete date and offset, which is ignored.
//!
//! A value whose parts are out of range (month 13, 31 February) is rejected:
//! the caller records `null` and a warning that carries the raw string.

use std::fmt;

use chrono::{Datelike, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime, Timelike};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A calendar date as every record writes it: ISO 8601, `2026-06-08`.
pub(crate) const ISO_DATE: &str = "%Y-%m-%d";

/// A local date and time as every record writes it: ISO 8601 to the
/// second, `2026-06-08T09:11:02`.
pub(crate) const ISO_DATE_TIME: &str = "%Y-%m-%dT%H:%M:%S";

/// The year a two-digit year (0–99) stands for, wherever a date is written
/// with one (`8-6-26`, `30-3-26 22:11`): 20yy below 70, else 19yy.
pub(crate) fn two_digit_year(yy: i32) -> i32 {
    if yy < 70 { 2000 + yy } else { 1900 + yy }
}

/// A date as [`ISO_DATE`] writes it, written without parsing the format
/// string each time (a report writes two dates an annotation).
pub(crate) fn iso_date(date: NaiveDate) -> impl fmt::Display {
    IsoDate(date)
}

/// A local date and time as [`ISO_DATE_TIME`] writes it; see [`iso_date`].
pub(crate) fn iso_date_time(local: NaiveDateTime) -> impl fmt::Display {
    IsoDateTime(local)
}

struct IsoDate(NaiveDate);

impl fmt::Display for IsoDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // `%Y` pads years 0–9999 to four digits and signs any other.
        match Short::date(self.0) {
            Some(short) => f.write_str(short.as_str()),
            None => write!(f, "{}", self.0.format(ISO_DATE)),
        }
    }
}

struct IsoDateTime(NaiveDateTime);

impl fmt::Display for IsoDateTime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let local = self.0;
        if let Some(short) = Short::date_time(local) {
            return f.write_str(short.as_str());
        }
        // A leap second (read back from a report) is chrono's to write:
        // `%S` gives it as 60.
        if local.nanosecond() >= 1_000_000_000 {
            return write!(f, "{}", local.format(ISO_DATE_TIME));
        }
        write!(
            f,
            "{}T{:02}:{:02}:{:02}",
            IsoDate(local.date()),
            local.hour(),
            local.minute(),
            local.second()
        )
    }
}

/// A date, a date and time, or a timestamp as the report writes it, in
/// ASCII on the stack. A report writes two timestamps an annotation; through
/// `fmt` (nested, padded, and escaped piece by piece on the way into the
/// JSON) they were most of the time it took to write one. The builders
/// give `None` for what only `fmt` and chrono write: a year outside
/// 0–9999, a leap second, an offset with seconds.
struct Short {
    bytes: [u8; 32],
    len: usize,
}

impl Short {
    fn date(date: NaiveDate) -> Option<Self> {
        let year = u32::try_from(date.year())
            .ok()
            .filter(|&year| year <= 9999)?;
        let mut short = Self {
            bytes: [0; 32],
            len: 0,
        };
        short.digits(year, 4);
        short.push(b'-');
        short.digits(date.month(), 2);
        short.push(b'-');
        short.digits(date.day(), 2);
        Some(short)
    }

    fn date_time(local: NaiveDateTime) -> Option<Self> {
        if local.nanosecond() >= 1_000_000_000 {
            return None;
        }
        let mut short = Self::date(local.date())?;
        short.push(b'T');
        short.digits(local.hour(), 2);
        short.push(b':');
        short.digits(local.minute(), 2);
        short.push(b':');
        short.digits(local.second(), 2);
        Some(short)
    }

    fn timestamp(timestamp: &Timestamp) -> Option<Self> {
        let mut short = Self::date_time(timestamp.local)?;
        match timestamp.offset {
            None => {}
            Some(Offset::Utc) => short.push(b'Z'),
            Some(Offset::Fixed(offset)) => {
                let seconds = offset.local_minus_utc();
                if seconds % 60 != 0 {
                    return None;
                }
                short.push(if seconds < 0 { b'-' } else { b'+' });
                let minutes = seconds.unsigned_abs() / 60;
                short.digits(minutes / 60, 2);
                short.push(b':');
                short.digits(minutes % 60, 2);
            }
        }
        Some(short)
    }

    fn push(&mut self, byte: u8) {
        if let Some(slot) = self.bytes.get_mut(self.len) {
            *slot = byte;
            self.len += 1;
        }
    }

    /// The last `width` decimal digits of `value`.
    fn digits(&mut self, value: u32, width: u32) {
        for place in (0..width).rev() {
            let digit = value / 10_u32.pow(place) % 10;
            self.push(b'0' + u8::try_from(digit).unwrap_or(0));
        }
    }

    fn as_str(&self) -> &str {
        std::str::from_utf8(self.bytes.get(..self.len).unwrap_or_default()).unwrap_or_default()
    }
}

/// Serialises the text written on the stack as one string, or, where it
/// could not be, what `written` displays.
fn serialize_short<S: Serializer>(
    serializer: S,
    short: Option<Short>,
    written: &impl fmt::Display,
) -> Result<S::Ok, S::Error> {
    match short {
        Some(short) => serializer.serialize_str(short.as_str()),
        None => serializer.collect_str(written),
    }
}

/// Serialises an optional date as [`ISO_DATE`], or `null`.
pub(crate) fn serialize_iso_date<S: Serializer>(
    date: &Option<NaiveDate>,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    match date {
        Some(date) => serialize_short(serializer, Short::date(*date), &iso_date(*date)),
        None => serializer.serialize_none(),
    }
}

/// Reads an optional date written as [`ISO_DATE`], or `null`.
pub(crate) fn deserialize_iso_date<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<NaiveDate>, D::Error> {
    let Some(text) = <Option<std::borrow::Cow<'de, str>>>::deserialize(deserializer)? else {
        return Ok(None);
    };
    NaiveDate::parse_from_str(&text, ISO_DATE)
        .map(Some)
        .map_err(serde::de::Error::custom)
}

/// Reads an optional local date and time written as [`ISO_DATE_TIME`], or
/// `null`.
pub(crate) fn deserialize_iso_date_time<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<NaiveDateTime>, D::Error> {
    let Some(text) = <Option<std::borrow::Cow<'de, str>>>::deserialize(deserializer)? else {
        return Ok(None);
    };
    NaiveDateTime::parse_from_str(&text, ISO_DATE_TIME)
        .map(Some)
        .map_err(serde::de::Error::custom)
}

/// Serialises an optional local date and time as [`ISO_DATE_TIME`], or
/// `null`.
pub(crate) fn serialize_iso_date_time<S: Serializer>(
    date: &Option<NaiveDateTime>,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    match date {
        Some(date) => serialize_short(serializer, Short::date_time(*date), &iso_date_time(*date)),
        None => serializer.serialize_none(),
    }
}

/// A date and time read from a PDF, with the UTC offset when the file gives one.
///
/// Serialises to RFC 3339: `2026-06-08T09:11:02+02:00`, `2026-06-08T07:11:02Z`,
/// or, when the file gives no offset, the local time alone (`2026-06-08T09:11:02`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Timestamp {
    local: NaiveDateTime,
    offset: Option<Offset>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Offset {
    /// Written as `Z`.
    Utc,
    Fixed(FixedOffset),
}

impl Timestamp {
    /// A timestamp without a UTC offset.
    pub fn local(local: NaiveDateTime) -> Self {
        Self {
            local,
            offset: None,
        }
    }

    /// A timestamp at a fixed UTC offset.
    pub fn with_offset(local: NaiveDateTime, offset: FixedOffset) -> Self {
        Self {
            local,
            offset: Some(Offset::Fixed(offset)),
        }
    }

    /// The date and time as written, without regard to the offset.
    pub fn naive(&self) -> NaiveDateTime {
        self.local
    }

    /// The UTC offset, when the file gives one (`Z` is `+00:00`).
    pub fn offset(&self) -> Option<FixedOffset> {
        match self.offset? {
            Offset::Utc => Some(FixedOffset::east_opt(0)?),
            Offset::Fixed(offset) => Some(offset),
        }
    }

    /// The instant in UTC, when the file gives an offset.
    pub fn to_utc(&self) -> Option<chrono::DateTime<chrono::Utc>> {
        let offset = self.offset()?;
        let local = self.local.and_local_timezone(offset).single()?;
        Some(local.to_utc())
    }
}

impl Timestamp {
    /// What timestamps are ordered by: the date and time as written, then
    /// the offset (none, `Z`, then by seconds east).
    fn order_key(&self) -> (NaiveDateTime, u8, i32) {
        match self.offset {
            None => (self.local, 0, 0),
            Some(Offset::Utc) => (self.local, 1, 0),
            Some(Offset::Fixed(offset)) => (self.local, 2, offset.local_minus_utc()),
        }
    }
}

/// Timestamps are ordered by the date and time as the file writes them,
/// then by their offset, so the order is total and agrees with equality;
/// compare [`Timestamp::to_utc`] for the order of instants across offsets.
///
/// ```
/// use kantlijn::{Timestamp, chrono::NaiveDate};
///
/// let at = |h| Timestamp::local(NaiveDate::from_ymd_opt(2026, 6, 8).unwrap().and_hms_opt(h, 0, 0).unwrap());
/// let mut times = vec![at(11), at(9), at(10)];
/// times.sort();
/// assert_eq!(times, [at(9), at(10), at(11)]);
/// ```
impl Ord for Timestamp {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.order_key().cmp(&other.order_key())
    }
}

impl PartialOrd for Timestamp {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl fmt::Display for Timestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(short) = Short::timestamp(self) {
            return f.write_str(short.as_str());
        }
        write!(f, "{}", iso_date_time(self.local))?;
        match self.offset {
            None => Ok(()),
            Some(Offset::Utc) => f.write_str("Z"),
            Some(Offset::Fixed(offset)) => write!(f, "{offset}"),
        }
    }
}

impl Serialize for Timestamp {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serialize_short(serializer, Short::timestamp(self), self)
    }
}

impl<'de> Deserialize<'de> for Timestamp {
    /// Reads a timestamp as it is written: RFC 3339 with its offset (`Z`
    /// kept as `Z`), or the local time alone.
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
        if let Ok(with_offset) = chrono::DateTime::parse_from_rfc3339(&text) {
            let offset = if text.ends_with(['Z', 'z']) {
                Offset::Utc
            } else {
                Offset::Fixed(*with_offset.offset())
            };
            return Ok(Self {
                local: with_offset.naive_local(),
                offset: Some(offset),
            });
        }
        NaiveDateTime::parse_from_str(&text, ISO_DATE_TIME)
            .map(Self::local)
            .map_err(serde::de::Error::custom)
    }
}

/// Why a date string could not be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum DateProblem {
    /// No year at the start.
    NoDate,
    /// A part is out of range (month 13, hour 25, 30 February, …).
    OutOfRange,
}

impl fmt::Display for DateProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::NoDate => "not a date",
            Self::OutOfRange => "a part of the date is out of range",
        })
    }
}

/// Parses a PDF date string.
pub(crate) fn parse(raw: &str) -> Result<Timestamp, DateProblem> {
    let text = raw.trim_matches(|c: char| c.is_whitespace() || c == '\0');
    let text = text.strip_prefix("D:").unwrap_or(text).trim_start();
    if let Some(iso) = parse_iso(text) {
        return Ok(iso);
    }
    let digits_len = text.bytes().take_while(u8::is_ascii_digit).count();
    let (digits, rest) = text.split_at(digits_len);
    let (year, fields) = split_year(digits).ok_or(DateProblem::NoDate)?;
    let mut parts = [1u32, 1, 0, 0, 0];
    for (slot, pair) in parts.iter_mut().zip(fields.as_bytes().chunks(2)) {
        if pair.len() < 2 {
            // A dangling single digit: the value is cut off there.
            break;
        }
        *slot = two_digits(pair).ok_or(DateProblem::NoDate)?;
    }
    let [month, day, hour, minute, second] = parts;
    let date = NaiveDate::from_ymd_opt(year, month, day).ok_or(DateProblem::OutOfRange)?;
    let time = NaiveTime::from_hms_opt(hour, minute, second).ok_or(DateProblem::OutOfRange)?;
    let local = NaiveDateTime::new(date, time);
    Ok(Timestamp {
        local,
        offset: parse_offset(rest),
    })
}

/// Splits the leading digits into the year and the remaining two-digit fields,
/// undoing Acrobat's `19100` year.
fn split_year(digits: &str) -> Option<(i32, &str)> {
    let odd = digits.len() % 2 == 1;
    if odd && digits.len() >= 5 && digits.starts_with("191") {
        let (year, rest) = digits.split_at(5);
        let years_since_1900: i32 = year.get(2..)?.parse().ok()?;
        return Some((1900 + years_since_1900, rest));
    }
    if digits.len() < 4 {
        return None;
    }
    let (year, rest) = digits.split_at(4);
    Some((year.parse().ok()?, rest))
}

fn two_digits(pair: &[u8]) -> Option<u32> {
    match pair {
        [a @ b'0'..=b'9', b @ b'0'..=b'9'] => Some(u32::from(a - b'0') * 10 + u32::from(b - b'0')),
        _ => None,
    }
}

/// Reads `Z`, `+HH'mm'` and their variants; anything unreadable means no offset.
fn parse_offset(rest: &str) -> Option<Offset> {
    let rest = rest.trim_start();
    let mut bytes = rest.bytes();
    let sign = match bytes.next()? {
        b'Z' | b'z' => {
            // `Z00'00'` also means UTC; a non-zero offset after Z is contradictory
            // and Z wins.
            return Some(Offset::Utc);
        }
        b'+' => 1,
        b'-' => -1,
        _ => return None,
    };
    let body = rest.get(1..)?.as_bytes();
    let hours = two_digits(body.get(0..2)?)?;
    // Minutes follow after optional separators, as exactly two digits; a
    // longer run ("+00'240'", written by one buggy producer) is no offset.
    let after_hours = body.get(2..).unwrap_or_default();
    let separators = after_hours
        .iter()
        .take_while(|b| matches!(b, b'\'' | b':' | b'"' | b' '))
        .count();
    let minute_digits = after_hours
        .get(separators..)
        .unwrap_or_default()
        .iter()
        .take_while(|b| b.is_ascii_digit())
        .count();
    let minutes = match minute_digits {
        0 => 0,
        2 => two_digits(after_hours.get(separators..separators + 2)?)?,
        _ => return None,
    };
    if hours > 23 || minutes > 59 {
        return None;
    }
    let seconds = i32::try_from(hours * 3600 + minutes * 60).ok()?;
    FixedOffset::east_opt(sign * seconds).map(Offset::Fixed)
}

/// ISO 8601 forms: `2026-06-08`, `2026-06-08T09:11:02`, with `Z` or `+02:00`.
fn parse_iso(text: &str) -> Option<Timestamp> {
    let bytes = text.as_bytes();
    if bytes.get(4) != Some(&b'-') || !bytes.get(..4)?.iter().all(u8::is_ascii_digit) {
        return None;
    }
    if let Ok(with_offset) = chrono::DateTime::parse_from_rfc3339(text) {
        let offset = if text.ends_with(['Z', 'z']) {
            Offset::Utc
        } else {
            Offset::Fixed(*with_offset.offset())
        };
        return Some(Timestamp {
            local: with_offset.naive_local(),
            offset: Some(offset),
        });
    }
    for format in [ISO_DATE_TIME, "%Y-%m-%d %H:%M:%S", "%Y-%m-%dT%H:%M"] {
        if let Ok(local) = NaiveDateTime::parse_from_str(text, format) {
            return Some(Timestamp::local(local));
        }
    }
    let date = NaiveDate::parse_from_str(text.get(..10)?, ISO_DATE).ok()?;
    Some(Timestamp::local(date.and_time(NaiveTime::MIN)))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The written forms are chrono's `%Y-%m-%d` and `%Y-%m-%dT%H:%M:%S`,
    /// at the edges of four-digit years and beyond them.
    #[test]
    fn iso_forms_are_the_format_strings() {
        for (year, month, day) in [
            (2026, 6, 8),
            (0, 1, 1),
            (1, 2, 3),
            (999, 12, 31),
            (9999, 12, 31),
            (-1, 1, 1),
            (10000, 1, 1),
            (-262_000, 5, 5),
        ] {
            let date = NaiveDate::from_ymd_opt(year, month, day).unwrap();
            assert_eq!(
                iso_date(date).to_string(),
                date.format(ISO_DATE).to_string()
            );
            for (h, m, sec) in [(0, 0, 0), (9, 5, 7), (23, 59, 59)] {
                let local = date.and_hms_opt(h, m, sec).unwrap();
                assert_eq!(
                    iso_date_time(local).to_string(),
                    local.format(ISO_DATE_TIME).to_string()
                );
            }
            let leap = date.and_hms_milli_opt(23, 59, 59, 1_500).unwrap();
            assert_eq!(
                iso_date_time(leap).to_string(),
                leap.format(ISO_DATE_TIME).to_string()
            );
        }
    }

    #[test]
    fn order_agrees_with_equality() {
        let at = |text: &str| serde_json::from_str::<Timestamp>(text).unwrap();
        let local = at("\"2026-06-08T09:00:00\"");
        let utc = at("\"2026-06-08T09:00:00Z\"");
        let zero = at("\"2026-06-08T09:00:00+00:00\"");
        let east = at("\"2026-06-08T08:00:00+05:00\"");
        assert!(local < utc && utc < zero && east < local);
        assert_ne!(utc, zero);
        assert_eq!(
            utc.cmp(&at("\"2026-06-08T09:00:00Z\"")),
            std::cmp::Ordering::Equal
        );
    }

    #[test]
    fn json_reads_back() {
        for written in [
            "\"2026-06-08T09:11:02+02:00\"",
            "\"2026-06-08T07:11:02Z\"",
            "\"2026-06-08T09:11:02\"",
            "\"2026-06-08T09:11:02-05:30\"",
        ] {
            let timestamp: Timestamp = serde_json::from_str(written).unwrap();
            assert_eq!(serde_json::to_string(&timestamp).unwrap(), written);
        }
        assert!(serde_json::from_str::<Timestamp>("\"8 juni\"").is_err());
    }

    fn show(raw: &str) -> String {
        match parse(raw) {
            Ok(ts) => ts.to_string(),
            Err(problem) => format!("error: {problem}"),
        }
    }

    #[test]
    fn full_with_offset() {
        assert_eq!(show("D:20260608091102+02'00'"), "2026-06-08T09:11:02+02:00");
    }

    #[test]
    fn negative_offset() {
        assert_eq!(show("D:20190119212926-08'00'"), "2019-01-19T21:29:26-08:00");
    }

    #[test]
    fn utc_z() {
        assert_eq!(show("D:20260608071102Z"), "2026-06-08T07:11:02Z");
        assert_eq!(show("D:20260608071102Z00'00'"), "2026-06-08T07:11:02Z");
    }

    #[test]
    fn no_offset_stays_local() {
        assert_eq!(show("D:20260608091102"), "2026-06-08T09:11:02");
    }

    #[test]
    fn missing_parts_take_spec_defaults() {
        assert_eq!(show("D:2026"), "2026-01-01T00:00:00");
        assert_eq!(show("D:202606"), "2026-06-01T00:00:00");
        assert_eq!(show("D:20260608"), "2026-06-08T00:00:00");
        assert_eq!(show("D:2026060809"), "2026-06-08T09:00:00");
        assert_eq!(show("D:202606080911"), "2026-06-08T09:11:00");
    }

    #[test]
    fn offset_without_closing_apostrophe() {
        assert_eq!(show("D:20260608091102+02'00"), "2026-06-08T09:11:02+02:00");
    }

    #[test]
    fn offset_without_apostrophes() {
        assert_eq!(show("D:20260608091102+0200"), "2026-06-08T09:11:02+02:00");
        assert_eq!(show("D:20260608091102+02"), "2026-06-08T09:11:02+02:00");
        assert_eq!(show("D:20260608091102+05:30"), "2026-06-08T09:11:02+05:30");
    }

    #[test]
    fn extra_apostrophes() {
        assert_eq!(
            show("D:20260608091102+02''00''"),
            "2026-06-08T09:11:02+02:00"
        );
    }

    #[test]
    fn no_prefix() {
        assert_eq!(show("20260608091102+02'00'"), "2026-06-08T09:11:02+02:00");
    }

    #[test]
    fn trailing_garbage_ignored() {
        assert_eq!(
            show("D:20260608091102+02'00'xyz"),
            "2026-06-08T09:11:02+02:00"
        );
        assert_eq!(show("D:20260608091102 garbage"), "2026-06-08T09:11:02");
    }

    #[test]
    fn acrobat_year_19100() {
        assert_eq!(show("D:191000101120000"), "2000-01-01T12:00:00");
        assert_eq!(show("D:191260608091102"), "2026-06-08T09:11:02");
    }

    #[test]
    fn impossible_month_rejected() {
        assert_eq!(parse("D:20261308091102"), Err(DateProblem::OutOfRange));
        assert_eq!(parse("D:20260230091102"), Err(DateProblem::OutOfRange));
        assert_eq!(parse("D:20260608251102"), Err(DateProblem::OutOfRange));
    }

    #[test]
    fn not_a_date() {
        assert_eq!(parse(""), Err(DateProblem::NoDate));
        assert_eq!(parse("D:"), Err(DateProblem::NoDate));
        assert_eq!(parse("yesterday"), Err(DateProblem::NoDate));
        assert_eq!(parse("D:26"), Err(DateProblem::NoDate));
    }

    #[test]
    fn three_digit_offset_minutes_dropped() {
        assert_eq!(show("D:20220110151234+00'240'"), "2022-01-10T15:12:34");
    }

    #[test]
    fn out_of_range_offset_dropped() {
        assert_eq!(show("D:20260608091102+25'00'"), "2026-06-08T09:11:02");
    }

    #[test]
    fn iso_forms() {
        assert_eq!(
            show("2026-06-08T09:11:02+02:00"),
            "2026-06-08T09:11:02+02:00"
        );
        assert_eq!(show("2026-06-08T07:11:02Z"), "2026-06-08T07:11:02Z");
        assert_eq!(show("2026-06-08T09:11:02"), "2026-06-08T09:11:02");
        assert_eq!(show("2026-06-08"), "2026-06-08T00:00:00");
    }

    #[test]
    fn utc_instant() {
        let ts = parse("D:20260608091102+02'00'").unwrap();
        assert_eq!(
            ts.to_utc().unwrap().to_rfc3339(),
            "2026-06-08T07:11:02+00:00"
        );
        assert_eq!(parse("D:20260608091102").unwrap().to_utc(), None);
    }

    /// A timestamp is written as chrono writes its date and time and its
    /// offset (`Z` as `Z`), and serialised as that text, whether it is
    /// written on the stack or, at the edges, through `fmt`.
    #[test]
    fn timestamps_are_written_as_chrono_writes_them() {
        let offsets = [
            0,
            60,
            -60,
            2 * 3600,
            -(5 * 3600 + 30 * 60),
            13 * 3600 + 45 * 60,
            -(23 * 3600 + 59 * 60),
            3600 + 30,
            -59,
        ];
        for (year, month, day) in [
            (2026, 6, 8),
            (0, 1, 1),
            (9999, 12, 31),
            (10000, 1, 1),
            (-1, 2, 3),
        ] {
            let date = NaiveDate::from_ymd_opt(year, month, day).unwrap();
            let written = serde_json::to_string(&DateRecord {
                date: Some(date),
                time: None,
            })
            .unwrap();
            assert_eq!(
                written,
                format!(r#"{{"date":"{}","time":null}}"#, date.format(ISO_DATE))
            );
            for local in [
                date.and_hms_opt(0, 0, 0).unwrap(),
                date.and_hms_opt(23, 59, 59).unwrap(),
                date.and_hms_milli_opt(23, 59, 59, 1_500).unwrap(),
            ] {
                let plain = local.format(ISO_DATE_TIME).to_string();
                let written = serde_json::to_string(&DateRecord {
                    date: None,
                    time: Some(local),
                })
                .unwrap();
                assert_eq!(written, format!(r#"{{"date":null,"time":"{plain}"}}"#));
                let mut stamps = vec![
                    (Timestamp::local(local), plain.clone()),
                    (
                        Timestamp {
                            local,
                            offset: Some(Offset::Utc),
                        },
                        format!("{plain}Z"),
                    ),
                ];
                for seconds in offsets {
                    let offset = FixedOffset::east_opt(seconds).unwrap();
                    stamps.push((
                        Timestamp::with_offset(local, offset),
                        format!("{plain}{offset}"),
                    ));
                }
                for (stamp, expected) in stamps {
                    assert_eq!(stamp.to_string(), expected);
                    assert_eq!(
                        serde_json::to_string(&stamp).unwrap(),
                        format!("\"{expected}\"")
                    );
                }
            }
        }
    }

    /// Dates as the records that carry them serialise them.
    #[derive(Serialize)]
    struct DateRecord {
        #[serde(serialize_with = "serialize_iso_date")]
        date: Option<NaiveDate>,
        #[serde(serialize_with = "serialize_iso_date_time")]
        time: Option<NaiveDateTime>,
    }

    #[test]
    fn round_trip_through_display() {
        for raw in [
            "D:20260608091102+02'00'",
            "D:20260608091102Z",
            "D:20260608091102",
        ] {
            let once = parse(raw).unwrap();
            let twice = parse(&once.to_string()).unwrap();
            assert_eq!(once, twice, "{raw}");
        }
    }
}
