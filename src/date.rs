//! Calendar dates as clerks write them in YAML and as Party documents print them.

use std::fmt;

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A calendar date read from the data: `2024-12-05` or `05/12/2024`.
///
/// Shared by the data (birth dates, the meeting) and the Document (the date a file carries).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date(pub NaiveDate);

/// The years a date of the data may fall in; a year outside is a typing mistake (`12/3/75`).
pub const YEARS: std::ops::RangeInclusive<i32> = 1900..=2100;

/// The two ways a day is written, as alternatives of a regular expression: `2024-12-05` or
/// `05/12/2024`, the year of four digits.
macro_rules! day_forms {
    () => {
        "[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}|[0-9]{1,2}/[0-9]{1,2}/[0-9]{4}"
    };
}

impl Date {
    /// What [`Date::parse`] reads, as a regular expression for a JSON Schema: a date with a
    /// four-digit year, `2024-12-05` or `05/12/2024`.
    pub const PATTERN: &'static str = concat!(r"^\s*(", day_forms!(), r")\s*$");

    /// Parses `YYYY-MM-DD` or `DD/MM/YYYY` (day and month may have one digit); `None` when the
    /// text is not a real date, or its year has not four digits or lies outside [`YEARS`].
    pub fn parse(text: &str) -> Option<Date> {
        let text = text.trim();
        let parts: Vec<&str> = text.split(['-', '/']).collect();
        let [a, b, c] = parts.as_slice() else {
            return None;
        };
        let (year, month, day) = match (text.contains('-'), text.contains('/')) {
            (true, false) => (*a, *b, *c),
            (false, true) => (*c, *b, *a),
            _ => return None,
        };
        let digits = |s: &str, lengths: &[usize]| {
            lengths.contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit())
        };
        if !digits(year, &[4]) || !digits(month, &[1, 2]) || !digits(day, &[1, 2]) {
            return None;
        }
        let year: i32 = year.parse().ok()?;
        if !YEARS.contains(&year) {
            return None;
        }
        NaiveDate::from_ymd_opt(year, month.parse().ok()?, day.parse().ok()?).map(Date)
    }

    /// A date from its year, month and day; `None` when there is no such day.
    pub fn from_ymd(year: i32, month: u32, day: u32) -> Option<Date> {
        NaiveDate::from_ymd_opt(year, month, day).map(Date)
    }

    /// Today, by the system's clock (UTC). Only checks read it: no document is dated by it.
    pub fn today() -> Date {
        let seconds = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs());
        let days = i64::try_from(seconds / 86_400).unwrap_or_default();
        let epoch = NaiveDate::from_ymd_opt(1970, 1, 1).unwrap_or_default();
        Date(epoch + chrono::Days::new(u64::try_from(days).unwrap_or_default()))
    }

    /// The same day `months` months later (the month's last day where it is shorter).
    pub fn plus_months(self, months: u32) -> Option<Date> {
        self.0
            .checked_add_months(chrono::Months::new(months))
            .map(Date)
    }

    /// The day `days` after this one (before it, when negative); `None` past the calendar's end.
    pub fn plus_days(self, days: i64) -> Option<Date> {
        self.0
            .checked_add_signed(chrono::Duration::try_days(days)?)
            .map(Date)
    }

    /// Whole days from this date to `later` (negative when `later` is earlier).
    pub fn days_until(self, later: Date) -> i64 {
        (later.0 - self.0).num_days()
    }

    /// The year.
    pub fn year(self) -> i32 {
        self.0.year()
    }

    /// The official long form: "ngày 05 tháng 02 năm 2024" (day below 10 and months 1–2 zero-padded).
    ///
    /// ```
    /// use hoso::date::Date;
    ///
    /// let date = Date::parse("5/2/2024").unwrap();
    /// assert_eq!(Some(date), Date::parse("2024-02-05"));
    /// assert_eq!(date.long_vi(), "ngày 05 tháng 02 năm 2024");
    /// assert_eq!(Date::parse("2024-12-05").unwrap().long_vi(), "ngày 05 tháng 12 năm 2024");
    /// // No such day, and a year that is not four digits, are not dates.
    /// assert_eq!(Date::parse("30/02/2024"), None);
    /// assert_eq!(Date::parse("12/3/75"), None);
    /// ```
    pub fn long_vi(self) -> String {
        let month = self.0.month();
        let month = if month <= 2 {
            format!("{month:02}")
        } else {
            month.to_string()
        };
        format!(
            "ngày {:02} tháng {month} năm {}",
            self.0.day(),
            self.0.year()
        )
    }

    /// The short form used for birth dates: "05/02/1975".
    pub fn short_vi(self) -> String {
        self.0.format("%d/%m/%Y").to_string()
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0.format("%Y-%m-%d"))
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        Date::parse(&text).ok_or_else(|| serde::de::Error::custom(not_a_day(&text)))
    }
}

/// Why `text` is not a day of the data, in Vietnamese.
fn not_a_day(text: &str) -> String {
    format!(
        "ngày «{text}» không hợp lệ: viết theo dạng 2024-12-05 hoặc 05/12/2024, năm đủ bốn chữ số"
    )
}

/// A date of birth (`ngay_sinh`): the day, or the year alone when the records give no more
/// (`ngay_sinh: 1975`, as many old member lists keep it).
///
/// ```
/// use hoso::date::BirthDate;
///
/// let day = BirthDate::parse("05/02/1975").unwrap();
/// let year = BirthDate::parse("1975").unwrap();
/// assert_eq!((day.short_vi(), year.short_vi()), ("05/02/1975".into(), "1975".into()));
/// assert_eq!(year.to_string(), "1975");
/// assert!(year.agrees_with(day) && !year.agrees_with(BirthDate::parse("1976").unwrap()));
/// assert_eq!(BirthDate::parse("75"), None);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum BirthDate {
    /// The day is known.
    Day(Date),
    /// Only the year is known.
    Year(i32),
}

impl BirthDate {
    /// What [`BirthDate::parse`] reads, as a regular expression for a JSON Schema: a day as
    /// [`Date::PATTERN`] reads it, or a year of four digits.
    pub const PATTERN: &'static str = concat!(r"^\s*([0-9]{4}|", day_forms!(), r")\s*$");

    /// A day as [`Date::parse`] reads it, or a year alone of four digits within [`YEARS`].
    pub fn parse(text: &str) -> Option<BirthDate> {
        let text = text.trim();
        if text.len() == 4 && text.bytes().all(|b| b.is_ascii_digit()) {
            return Self::of_year(text.parse().ok()?);
        }
        Date::parse(text).map(BirthDate::Day)
    }

    /// The year `year` alone, when it lies within [`YEARS`].
    pub fn of_year(year: i32) -> Option<BirthDate> {
        YEARS.contains(&year).then_some(BirthDate::Year(year))
    }

    /// The year of birth.
    pub fn year(self) -> i32 {
        match self {
            BirthDate::Day(day) => day.year(),
            BirthDate::Year(year) => year,
        }
    }

    /// The day, when it is known.
    pub fn day(self) -> Option<Date> {
        match self {
            BirthDate::Day(day) => Some(day),
            BirthDate::Year(_) => None,
        }
    }

    /// The first day the member may have been born on: the day, or 1 January of the year.
    pub fn earliest(self) -> Date {
        match self {
            BirthDate::Day(day) => day,
            BirthDate::Year(year) => Date::from_ymd(year, 1, 1).unwrap_or(Date(NaiveDate::MIN)),
        }
    }

    /// The last day the member may have been born on: the day, or 31 December of the year.
    pub fn latest(self) -> Date {
        match self {
            BirthDate::Day(day) => day,
            BirthDate::Year(year) => Date::from_ymd(year, 12, 31).unwrap_or(Date(NaiveDate::MAX)),
        }
    }

    /// Whether the two may be the same birth: the same day, or the same year when either gives
    /// the year alone.
    pub fn agrees_with(self, other: BirthDate) -> bool {
        match (self, other) {
            (BirthDate::Day(a), BirthDate::Day(b)) => a == b,
            _ => self.year() == other.year(),
        }
    }

    /// As a form prints it: "05/02/1975", or "1975" for a year alone.
    pub fn short_vi(self) -> String {
        match self {
            BirthDate::Day(day) => day.short_vi(),
            BirthDate::Year(year) => year.to_string(),
        }
    }

    /// Written out: "ngày 05 tháng 02 năm 1975", or "năm 1975" for a year alone.
    pub fn long_vi(self) -> String {
        match self {
            BirthDate::Day(day) => day.long_vi(),
            BirthDate::Year(year) => format!("năm {year}"),
        }
    }

    /// As a message names it: "ngày sinh 05/02/1975", or "năm sinh 1975" for a year alone.
    pub fn said_vi(self) -> String {
        match self {
            BirthDate::Day(day) => format!("ngày sinh {}", day.short_vi()),
            BirthDate::Year(year) => format!("năm sinh {year}"),
        }
    }
}

impl From<Date> for BirthDate {
    fn from(day: Date) -> Self {
        BirthDate::Day(day)
    }
}

impl fmt::Display for BirthDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            BirthDate::Day(day) => day.fmt(f),
            BirthDate::Year(year) => write!(f, "{year}"),
        }
    }
}

impl Serialize for BirthDate {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for BirthDate {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(BirthVisitor)
    }
}

/// Reads a date of birth from a text (`1975-02-05`, `05/02/1975`, `"1975"`) or a number (`1975`).
struct BirthVisitor;

impl BirthVisitor {
    fn refused<E: serde::de::Error>(text: &str) -> E {
        E::custom(format!(
            "{}; chỉ biết năm sinh thì ghi năm, ví dụ 1975",
            not_a_day(text)
        ))
    }
}

impl serde::de::Visitor<'_> for BirthVisitor {
    type Value = BirthDate;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("ngày sinh (2024-12-05 hoặc 05/12/2024) hoặc năm sinh (1975)")
    }

    fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<BirthDate, E> {
        BirthDate::parse(text).ok_or_else(|| Self::refused(text))
    }

    fn visit_i64<E: serde::de::Error>(self, year: i64) -> Result<BirthDate, E> {
        i32::try_from(year)
            .ok()
            .and_then(BirthDate::of_year)
            .ok_or_else(|| Self::refused(&year.to_string()))
    }

    fn visit_u64<E: serde::de::Error>(self, year: u64) -> Result<BirthDate, E> {
        i32::try_from(year)
            .ok()
            .and_then(BirthDate::of_year)
            .ok_or_else(|| Self::refused(&year.to_string()))
    }

    fn visit_f64<E: serde::de::Error>(self, number: f64) -> Result<BirthDate, E> {
        Err(Self::refused(&number.to_string()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> Date {
        Date(NaiveDate::from_ymd_opt(y, m, d).unwrap())
    }

    #[test]
    fn long_form_pads_day_and_first_two_months() {
        assert_eq!(date(2024, 2, 5).long_vi(), "ngày 05 tháng 02 năm 2024");
        assert_eq!(date(2023, 11, 21).long_vi(), "ngày 21 tháng 11 năm 2023");
        assert_eq!(date(2018, 4, 3).long_vi(), "ngày 03 tháng 4 năm 2018");
        assert_eq!(date(2025, 1, 10).long_vi(), "ngày 10 tháng 01 năm 2025");
    }

    #[test]
    fn parses_both_written_forms_and_rejects_impossible_dates() {
        assert_eq!(Date::parse("2024-12-05"), Some(date(2024, 12, 5)));
        assert_eq!(Date::parse("05/12/2024"), Some(date(2024, 12, 5)));
        assert_eq!(Date::parse("31/02/2024"), None);
        assert_eq!(Date::parse("2024-13-01"), None);
        assert_eq!(Date::parse("hôm qua"), None);
        assert_eq!(Date::parse("5/2/2024"), Some(date(2024, 2, 5)));
    }

    #[test]
    fn a_year_needs_four_digits_in_a_plausible_range() {
        assert_eq!(Date::parse("12/3/75"), None);
        assert_eq!(Date::parse("5/12/24"), None);
        assert_eq!(Date::parse("0075-03-12"), None);
        assert_eq!(Date::parse("12/03/1875"), None);
        assert_eq!(Date::parse("12/03/20245"), None);
        assert_eq!(Date::parse("2024/12/05"), None);
    }

    #[test]
    fn short_form_is_day_month_year() {
        assert_eq!(date(1975, 3, 9).short_vi(), "09/03/1975");
    }

    #[test]
    fn a_birth_date_is_a_day_or_a_year_alone_from_text_or_a_number() {
        let read = |yaml: &str| serde_saphyr::from_str::<BirthDate>(yaml);
        assert_eq!(read("1975").unwrap(), BirthDate::Year(1975));
        assert_eq!(read("'1975'").unwrap(), BirthDate::Year(1975));
        assert_eq!(
            read("05/02/1975").unwrap(),
            BirthDate::Day(date(1975, 2, 5))
        );
        assert_eq!(
            read("1975-02-05").unwrap(),
            BirthDate::Day(date(1975, 2, 5))
        );
        for wrong in ["75", "1875", "19750", "1975.5", "30/02/1981", "hôm qua"] {
            let message = read(wrong).unwrap_err().to_string();
            assert!(
                message.contains("chỉ biết năm sinh thì ghi năm"),
                "{wrong}: {message}"
            );
        }
        let year = BirthDate::Year(1975);
        assert_eq!(
            (year.earliest(), year.latest()),
            (date(1975, 1, 1), date(1975, 12, 31))
        );
        assert_eq!(
            (year.long_vi(), year.said_vi()),
            ("năm 1975".into(), "năm sinh 1975".into())
        );
        assert_eq!(
            serde_json::to_value(year).unwrap(),
            serde_json::json!("1975")
        );
        let day = BirthDate::Day(date(1975, 2, 5));
        assert_eq!(day.said_vi(), "ngày sinh 05/02/1975");
        assert!(day.agrees_with(year) && !day.agrees_with(BirthDate::Day(date(1975, 2, 6))));
    }
}
