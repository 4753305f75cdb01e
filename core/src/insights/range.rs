//! The calendar days a report covers, typed as "YYYY-MM-DD" in the user's local time.

use chrono::{NaiveDate, TimeZone};

use crate::error::{Error, Result};
use crate::time::local_midnight_ms;

/// A span of local calendar days, both days included. Stored as instants: `start_ms` is local
/// midnight of the first day, `end_ms` local midnight after the last day (exclusive), so a day
/// of 23 or 25 hours (DST) is covered whole. `None` leaves that side open.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct DateRange {
    pub start_ms: Option<i64>,
    pub end_ms: Option<i64>,
    /// When the report is made (see [`DateRange::until`]): the baseline counts the quiet time
    /// up to now, but not time that has not happened yet. Does not filter anything.
    pub now_ms: Option<i64>,
}

impl DateRange {
    /// Everything, from the first post to the last inquiry.
    pub fn all() -> Self {
        DateRange::default()
    }

    /// Reads optional `from` and `to` days in `tz`. Empty strings mean "not given".
    pub fn parse<Tz: TimeZone>(from: Option<&str>, to: Option<&str>, tz: &Tz) -> Result<Self> {
        let from_day = day("from", from)?;
        let to_day = day("to", to)?;
        if let (Some(f), Some(t)) = (from_day, to_day) {
            if f > t {
                return Err(Error::invalid(
                    "to",
                    "range_invalid",
                    format!("the range ends ({t}) before it starts ({f})"),
                ));
            }
        }
        let start_ms = match from_day {
            None => None,
            Some(d) => Some(midnight("from", d, tz)?),
        };
        let end_ms = match to_day {
            None => None,
            Some(d) => {
                let next = d.succ_opt().ok_or_else(|| out_of_range("to", d))?;
                Some(midnight("to", next, tz)?)
            }
        };
        Ok(DateRange {
            start_ms,
            end_ms,
            now_ms: None,
        })
    }

    /// The range as seen at `now_ms`. The baseline's observed time then runs to now when the
    /// range is open or reaches into the future (days without inquiries since the last one
    /// are real data; hours that have not happened yet are not). Which posts and inquiries are
    /// reported does not change: an inquiry logged a little ahead of time still counts.
    pub fn until(self, now_ms: i64) -> Self {
        DateRange {
            now_ms: Some(now_ms),
            ..self
        }
    }

    pub fn contains(&self, at_ms: i64) -> bool {
        self.start_ms.is_none_or(|s| at_ms >= s) && self.end_ms.is_none_or(|e| at_ms < e)
    }
}

fn day(field: &'static str, input: Option<&str>) -> Result<Option<NaiveDate>> {
    let Some(s) = input.map(str::trim).filter(|s| !s.is_empty()) else {
        return Ok(None);
    };
    NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .map(Some)
        .map_err(|_| {
            Error::invalid(
                field,
                "date_invalid",
                format!("'{s}' is not a calendar day; write it like 2026-01-31"),
            )
        })
}

fn midnight<Tz: TimeZone>(field: &'static str, d: NaiveDate, tz: &Tz) -> Result<i64> {
    local_midnight_ms(d, tz).ok_or_else(|| out_of_range(field, d))
}

fn out_of_range(field: &'static str, d: NaiveDate) -> Error {
    Error::invalid(
        field,
        "date_invalid",
        format!("{d} is outside the dates Afterword can work with"),
    )
}
