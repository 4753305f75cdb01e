//! Parsing and formatting of moments. Stored as UTC epoch milliseconds; typed by people in their
//! local time. Day-level rules use the local time zone, DST included.

use chrono::{DateTime, LocalResult, NaiveDate, NaiveDateTime, NaiveTime, TimeZone, Utc};

pub const MS_PER_DAY: i64 = 24 * 60 * 60 * 1000;

/// Why a typed moment was refused; the validator turns this into a field error.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MomentError {
    /// Not in a format we read, or an impossible date such as 30 February.
    Invalid,
    /// The local time was skipped by a clock change (e.g. 02:30 on the spring-forward night).
    Skipped,
}

/// Reads "YYYY-MM-DD HH:MM[:SS]" or "YYYY-MM-DDTHH:MM[:SS]" as local time in `tz`, a bare
/// "YYYY-MM-DD" as midnight local time, or RFC 3339 with an explicit offset.
///
/// An ambiguous local time (the hour repeated when clocks go back) takes the earlier instant,
/// as calendar apps do.
pub fn parse_moment<Tz: TimeZone>(input: &str, tz: &Tz) -> Result<DateTime<Utc>, MomentError> {
    let s = input.trim();
    if s.is_empty() {
        return Err(MomentError::Invalid);
    }
    if let Ok(with_offset) = DateTime::parse_from_rfc3339(s) {
        return Ok(with_offset.with_timezone(&Utc));
    }
    let naive = parse_naive(s).ok_or(MomentError::Invalid)?;
    match tz.from_local_datetime(&naive) {
        LocalResult::Single(t) => Ok(t.with_timezone(&Utc)),
        LocalResult::Ambiguous(earlier, _) => Ok(earlier.with_timezone(&Utc)),
        LocalResult::None => Err(MomentError::Skipped),
    }
}

fn parse_naive(s: &str) -> Option<NaiveDateTime> {
    const FORMATS: [&str; 4] = [
        "%Y-%m-%d %H:%M",
        "%Y-%m-%dT%H:%M",
        "%Y-%m-%d %H:%M:%S",
        "%Y-%m-%dT%H:%M:%S",
    ];
    FORMATS
        .iter()
        .find_map(|f| NaiveDateTime::parse_from_str(s, f).ok())
        .or_else(|| {
            NaiveDate::parse_from_str(s, "%Y-%m-%d")
                .ok()
                .map(|d| d.and_time(NaiveTime::MIN))
        })
}

/// Reads a calendar day "YYYY-MM-DD" and returns local midnight of that day in `tz` as epoch ms.
pub fn parse_day_start<Tz: TimeZone>(input: &str, tz: &Tz) -> Option<i64> {
    let day = NaiveDate::parse_from_str(input.trim(), "%Y-%m-%d").ok()?;
    local_midnight_ms(day, tz)
}

/// Local midnight of `day`; on a day whose midnight is skipped by DST, the first valid instant.
pub fn local_midnight_ms<Tz: TimeZone>(day: NaiveDate, tz: &Tz) -> Option<i64> {
    let mut naive = day.and_time(NaiveTime::MIN);
    for _ in 0..4 {
        match tz.from_local_datetime(&naive) {
            LocalResult::Single(t) | LocalResult::Ambiguous(t, _) => {
                return Some(t.timestamp_millis())
            }
            LocalResult::None => naive += chrono::Duration::minutes(30),
        }
    }
    None
}

pub fn from_ms(ms: i64) -> DateTime<Utc> {
    DateTime::from_timestamp_millis(ms).unwrap_or(DateTime::UNIX_EPOCH)
}

/// RFC 3339 in UTC with a 'Z', seconds precision: the form every `*_at` JSON field uses.
pub fn to_rfc3339(ms: i64) -> String {
    from_ms(ms).to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono_tz::Europe::Amsterdam;

    #[test]
    fn local_time_in_amsterdam_winter_and_summer() {
        let winter = parse_moment("2026-01-15 10:00", &Amsterdam).unwrap();
        assert_eq!(winter.to_rfc3339(), "2026-01-15T09:00:00+00:00");
        let summer = parse_moment("2026-07-15T10:00", &Amsterdam).unwrap();
        assert_eq!(summer.to_rfc3339(), "2026-07-15T08:00:00+00:00");
    }

    #[test]
    fn rfc3339_with_offset_ignores_local_zone() {
        let t = parse_moment("2026-03-01T12:00:00+05:00", &Amsterdam).unwrap();
        assert_eq!(t.to_rfc3339(), "2026-03-01T07:00:00+00:00");
    }

    #[test]
    fn impossible_and_skipped_times_are_refused() {
        assert_eq!(
            parse_moment("2026-02-30 10:00", &Amsterdam),
            Err(MomentError::Invalid)
        );
        assert_eq!(
            parse_moment("2026-13-01 10:00", &Amsterdam),
            Err(MomentError::Invalid)
        );
        assert_eq!(
            parse_moment("yesterday", &Amsterdam),
            Err(MomentError::Invalid)
        );
        assert_eq!(parse_moment("", &Amsterdam), Err(MomentError::Invalid));
        // Clocks jump from 02:00 to 03:00 on 29 March 2026 in the Netherlands.
        assert_eq!(
            parse_moment("2026-03-29 02:30", &Amsterdam),
            Err(MomentError::Skipped)
        );
    }

    #[test]
    fn repeated_hour_takes_the_earlier_instant() {
        // Clocks go back from 03:00 to 02:00 on 25 October 2026.
        let t = parse_moment("2026-10-25 02:30", &Amsterdam).unwrap();
        assert_eq!(t.to_rfc3339(), "2026-10-25T00:30:00+00:00");
    }

    #[test]
    fn rfc3339_output_is_utc_with_z() {
        assert_eq!(to_rfc3339(0), "1970-01-01T00:00:00Z");
    }
}
