//! The calendar view's data: logged posts on the local days they were published, and ideas on
//! the days they are planned for. Day bounds are local midnights, so a day with a DST change is
//! 23 or 25 hours long and nothing lands on the wrong day.

use chrono::{Duration, NaiveDate, TimeZone};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::ideas::Idea;
use crate::error::{Error, Result};
use crate::model::PostKind;
use crate::time::{from_ms, local_midnight_ms};

/// The longest range the calendar loads at once, in days (a year view plus its edges).
pub const MAX_CALENDAR_DAYS: i64 = 400;

/// A logged post as the calendar shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct CalendarPost {
    #[ts(type = "number")]
    pub id: i64,
    /// Local day "YYYY-MM-DD".
    pub day: String,
    /// Local time "HH:MM".
    pub time: String,
    /// The channel's name.
    pub channel: String,
    pub kind: PostKind,
    pub title: Option<String>,
}

impl CalendarPost {
    /// Places a post published at `published_at_ms` on its local day and time in `tz`.
    pub fn new<Tz: TimeZone>(
        id: i64,
        published_at_ms: i64,
        channel: String,
        kind: PostKind,
        title: Option<String>,
        tz: &Tz,
    ) -> CalendarPost {
        let local = from_ms(published_at_ms).with_timezone(tz).naive_local();
        CalendarPost {
            id,
            day: local.format("%Y-%m-%d").to_string(),
            time: local.format("%H:%M").to_string(),
            channel,
            kind,
            title,
        }
    }
}

/// Everything in a range of local days.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct CalendarData {
    /// Posts published on those days, in time order.
    pub posts: Vec<CalendarPost>,
    /// Ideas (not deleted) planned for those days, including ideas that became a post.
    pub ideas: Vec<Idea>,
}

/// The local days `from..=to` as epoch ms `[start, end)`: local midnight of `from` up to local
/// midnight after `to`. Refuses a reversed range and one longer than [`MAX_CALENDAR_DAYS`].
pub fn day_range_ms<Tz: TimeZone>(from: NaiveDate, to: NaiveDate, tz: &Tz) -> Result<(i64, i64)> {
    if from > to {
        return Err(Error::invalid(
            "from",
            "range_reversed",
            format!("the range starts on {from}, after it ends on {to}"),
        ));
    }
    let days = (to - from).num_days() + 1;
    if days > MAX_CALENDAR_DAYS {
        return Err(Error::invalid(
            "to",
            "range_too_long",
            format!("the calendar shows at most {MAX_CALENDAR_DAYS} days at once, not {days}"),
        ));
    }
    let start = local_midnight_ms(from, tz);
    let end = to
        .checked_add_signed(Duration::days(1))
        .and_then(|next| local_midnight_ms(next, tz));
    match (start, end) {
        (Some(start), Some(end)) => Ok((start, end)),
        _ => Err(Error::invalid(
            "to",
            "range_invalid",
            format!("{from} to {to} is outside the calendar's range"),
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::time::to_rfc3339;
    use chrono_tz::Europe::Amsterdam;

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn day_bounds_follow_local_midnight_across_dst() {
        // Spring forward on 29 March 2026: that day has 23 hours.
        let (start, end) = day_range_ms(day("2026-03-29"), day("2026-03-29"), &Amsterdam).unwrap();
        assert_eq!(to_rfc3339(start), "2026-03-28T23:00:00Z");
        assert_eq!(to_rfc3339(end), "2026-03-29T22:00:00Z");
        assert_eq!(end - start, 23 * 3_600_000);
        // Fall back on 25 October 2026: 25 hours.
        let (start, end) = day_range_ms(day("2026-10-25"), day("2026-10-25"), &Amsterdam).unwrap();
        assert_eq!(end - start, 25 * 3_600_000);
    }

    #[test]
    fn reversed_and_too_long_ranges_are_refused_with_a_field() {
        let e = day_range_ms(day("2026-05-02"), day("2026-05-01"), &Amsterdam).unwrap_err();
        assert_eq!((e.code(), e.field()), ("range_reversed", Some("from")));
        let e = day_range_ms(day("2026-01-01"), day("2027-02-05"), &Amsterdam).unwrap_err();
        assert_eq!((e.code(), e.field()), ("range_too_long", Some("to")));
        // Exactly 400 days is fine; so is the last day chrono knows (no overflow, no panic).
        assert!(day_range_ms(day("2026-01-01"), day("2027-02-04"), &Amsterdam).is_ok());
        let e = day_range_ms(NaiveDate::MAX, NaiveDate::MAX, &Amsterdam).unwrap_err();
        assert_eq!(e.code(), "range_invalid");
        let _ = day_range_ms(NaiveDate::MIN, NaiveDate::MIN, &Amsterdam);
    }

    #[test]
    fn a_post_is_placed_on_its_local_day_and_time() {
        // 23:30 UTC on 28 March is 00:30 on the 29th in Amsterdam (still winter time).
        let p = CalendarPost::new(
            7,
            1_774_740_600_000,
            "LinkedIn".into(),
            PostKind::Post,
            None,
            &Amsterdam,
        );
        assert_eq!(to_rfc3339(1_774_740_600_000), "2026-03-28T23:30:00Z");
        assert_eq!((p.day.as_str(), p.time.as_str()), ("2026-03-29", "00:30"));
    }
}
