//! Reads for the calendar view and the iCalendar export of the plan.

use chrono::{NaiveDate, TimeZone};

use super::ideas::{ideas_where, LIVE_POST_ID};
use super::posts::posts_since;
use super::Store;
use crate::error::Result;
use crate::rhythm::calendar::{day_range_ms, CalendarData, CalendarPost};
use crate::rhythm::ics::{plan_ics, HISTORY_DAYS};
use crate::time::MS_PER_DAY;

impl Store {
    /// Posts published on the local days `from..=to` in `tz` and the ideas planned for them.
    /// A reversed range or one over [`crate::rhythm::calendar::MAX_CALENDAR_DAYS`] days is
    /// refused.
    pub fn calendar<Tz: TimeZone>(
        &self,
        from: NaiveDate,
        to: NaiveDate,
        tz: &Tz,
    ) -> Result<CalendarData> {
        let (start_ms, end_ms) = day_range_ms(from, to, tz)?;
        let (from_day, to_day) = (from.format("%Y-%m-%d"), to.format("%Y-%m-%d"));
        self.read(|c| {
            let mut stmt = c.prepare(
                "SELECT p.id, p.published_at_ms, ch.name, p.kind, p.title
                 FROM posts p JOIN channels ch ON ch.id = p.channel_id
                 WHERE p.deleted_at_ms IS NULL
                   AND p.published_at_ms >= ?1 AND p.published_at_ms < ?2
                 ORDER BY p.published_at_ms, p.id",
            )?;
            let rows = stmt.query_map([start_ms, end_ms], |r| {
                Ok(CalendarPost::new(
                    r.get(0)?,
                    r.get(1)?,
                    r.get(2)?,
                    r.get(3)?,
                    r.get(4)?,
                    tz,
                ))
            })?;
            let posts = rows.collect::<rusqlite::Result<_>>()?;
            // Days are stored as "YYYY-MM-DD", which sorts and compares as text.
            let ideas = ideas_where(
                c,
                "i.planned_for_day BETWEEN ?1 AND ?2",
                [from_day.to_string(), to_day.to_string()],
            )?;
            Ok(CalendarData { posts, ideas })
        })
    }

    /// The plan as an iCalendar file: see [`crate::rhythm::ics::plan_ics`].
    pub fn plan_ics<Tz: TimeZone>(&self, now_ms: i64, tz: &Tz) -> Result<String> {
        let since_ms = now_ms.saturating_sub(HISTORY_DAYS * MS_PER_DAY);
        let (ideas, posts) = self.read(|c| {
            let ideas = ideas_where(
                c,
                &format!("i.planned_for_day IS NOT NULL AND {LIVE_POST_ID} IS NULL"),
                [],
            )?;
            Ok((ideas, posts_since(c, since_ms)?))
        })?;
        Ok(plan_ics(&ideas, &posts, tz, now_ms))
    }
}
