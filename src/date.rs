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

impl Date {
    /// What [`Date::parse`] reads, as a regular expression for a JSON Schema: a date with a
    /// four-digit year, `2024-12-05` or `05/12/2024`.
    pub const PATTERN: &'static str =
        r"^\s*([0-9]{4}-[0-9]{1,2}-[0-9]{1,2}|[0-9]{1,2}/[0-9]{1,2}/[0-9]{4})\s*$";

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
        Date::parse(&text).ok_or_else(|| {
            serde::de::Error::custom(format!(
                "ngày «{text}» không hợp lệ: viết theo dạng 2024-12-05 hoặc 05/12/2024, năm đủ bốn chữ số"
            ))
        })
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
}
