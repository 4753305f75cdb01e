//! Rhythm targets and the learned rhythm per channel, reminder preferences (with snooze and
//! pause), the reminder log; and loading everything the reminder planner needs in one read.

use std::collections::HashMap;

use chrono::{NaiveDate, TimeZone};
use rusqlite::{params, Connection, OptionalExtension};

use super::ideas::LIVE_POST_ID;
use super::{found, Store};
use crate::error::{Error, Result};
use crate::rhythm::cadence::{gaps, ChannelCadence};
use crate::rhythm::{
    ChannelRhythm, OpenInquiry, PlanInput, PlannedIdea, ReminderKind, ReminderPrefs, SentReminder,
    MAX_EVERY_DAYS, PREFS_KEY,
};
use crate::time::MS_PER_DAY;

/// The settings key holding when the app was last seen running (epoch ms, plain text).
pub const APP_LAST_SEEN_KEY: &str = "app_last_seen_ms";
/// How far back the planner looks in the reminder log.
const LOG_WINDOW_DAYS: i64 = 120;

impl Store {
    /// Sets (or with None, turns off) the soft target of a channel: about every N days, 1..=365.
    pub fn set_rhythm_target(
        &self,
        channel_id: i64,
        every_days: Option<u32>,
        now_ms: i64,
    ) -> Result<()> {
        if let Some(n) = every_days.filter(|n| !(1..=MAX_EVERY_DAYS).contains(n)) {
            return Err(Error::invalid(
                "every_days",
                "every_days_invalid",
                format!("a rhythm is every 1 to {MAX_EVERY_DAYS} days (or off), not {n}"),
            ));
        }
        self.write(|tx| {
            found(
                "channel",
                channel_id,
                tx.query_row("SELECT id FROM channels WHERE id = ?1", [channel_id], |r| {
                    r.get::<_, i64>(0)
                }),
            )?;
            tx.execute(
                "INSERT INTO rhythm_targets (channel_id, every_days, updated_at_ms)
                 VALUES (?1, ?2, ?3)
                 ON CONFLICT (channel_id) DO UPDATE
                 SET every_days = excluded.every_days, updated_at_ms = excluded.updated_at_ms",
                params![channel_id, every_days, now_ms],
            )?;
            Ok(())
        })
    }

    /// The soft target of a channel in days; None when off.
    pub fn rhythm_target(&self, channel_id: i64) -> Result<Option<u32>> {
        self.read(|c| {
            Ok(c.query_row(
                "SELECT every_days FROM rhythm_targets WHERE channel_id = ?1",
                [channel_id],
                |r| r.get::<_, Option<u32>>(0),
            )
            .optional()?
            .flatten())
        })
    }

    /// Every active channel with its soft target and its own rhythm so far, in the order of
    /// [`Store::list_channels`]. Deleted posts do not count.
    pub fn rhythm_overview(&self, now_ms: i64) -> Result<Vec<ChannelCadence>> {
        self.read(|c| {
            let mut times: HashMap<i64, Vec<i64>> = HashMap::new();
            {
                let mut stmt = c.prepare(
                    "SELECT p.channel_id, p.published_at_ms FROM posts p
                     JOIN channels ch ON ch.id = p.channel_id
                     WHERE p.deleted_at_ms IS NULL AND ch.archived = 0
                     ORDER BY p.channel_id, p.published_at_ms",
                )?;
                let rows =
                    stmt.query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, i64>(1)?)))?;
                for row in rows {
                    let (channel_id, at_ms) = row?;
                    times.entry(channel_id).or_default().push(at_ms);
                }
            }
            let mut stmt = c.prepare(
                "SELECT ch.id, ch.name, ch.kind, t.every_days
                 FROM channels ch LEFT JOIN rhythm_targets t ON t.channel_id = ch.id
                 WHERE ch.archived = 0
                 ORDER BY ch.name COLLATE NOCASE",
            )?;
            let rows = stmt.query_map([], |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    r.get::<_, String>(1)?,
                    r.get(2)?,
                    r.get::<_, Option<u32>>(3)?,
                ))
            })?;
            let mut out = Vec::new();
            for row in rows {
                let (channel_id, channel, kind, every_days) = row?;
                let posted = times.remove(&channel_id).unwrap_or_default();
                let g = gaps(&posted, now_ms);
                out.push(ChannelCadence {
                    channel_id,
                    channel,
                    kind,
                    every_days,
                    posts: u32::try_from(posted.len()).unwrap_or(u32::MAX),
                    median_gap_days: g.median_gap_days,
                    latest_gap_days: g.latest_gap_days,
                    days_since_latest: g.days_since_latest,
                });
            }
            Ok(out)
        })
    }

    pub fn reminder_prefs(&self) -> Result<ReminderPrefs> {
        self.get_json_setting(PREFS_KEY)
    }

    /// No reminders before `until_ms` (snooze a day or a week); returns the saved preferences.
    pub fn snooze_reminders(&self, until_ms: i64) -> Result<ReminderPrefs> {
        self.update_json_setting(PREFS_KEY, |p: &mut ReminderPrefs| {
            p.snoozed_until_ms = Some(until_ms);
        })
    }

    /// Pauses everything until `until_ms`; None resumes: clears both the pause and a snooze.
    /// Returns the saved preferences.
    pub fn pause_reminders(&self, until_ms: Option<i64>) -> Result<ReminderPrefs> {
        self.update_json_setting(PREFS_KEY, |p: &mut ReminderPrefs| match until_ms {
            Some(until) => p.paused_until_ms = Some(until),
            None => {
                p.paused_until_ms = None;
                p.snoozed_until_ms = None;
            }
        })
    }

    /// Saves the reminder preferences after checking them; a refused value saves nothing.
    pub fn set_reminder_prefs(&self, prefs: &ReminderPrefs) -> Result<()> {
        prefs.validate()?;
        self.set_json_setting(PREFS_KEY, prefs)
    }

    /// Records that a reminder was shown (the planner's limits count these).
    pub fn log_reminder(&self, kind: ReminderKind, key: &str, sent_at_ms: i64) -> Result<()> {
        self.write(|tx| {
            tx.execute(
                "INSERT INTO reminder_log (kind, key, sent_at_ms) VALUES (?1, ?2, ?3)",
                params![kind.as_str(), key, sent_at_ms],
            )?;
            Ok(())
        })
    }

    /// Reminders shown at or after `since_ms`, oldest first.
    pub fn reminder_log(&self, since_ms: i64) -> Result<Vec<SentReminder>> {
        self.read(|c| reminder_log(c, since_ms))
    }

    /// The user followed up with an inquiry: counts as activity for follow-up reminders.
    pub fn mark_followed_up(&self, inquiry_id: i64, now_ms: i64) -> Result<()> {
        self.write(|tx| {
            let changed = tx.execute(
                "UPDATE inquiries SET last_follow_up_at_ms = ?1, updated_at_ms = ?1
                 WHERE id = ?2 AND deleted_at_ms IS NULL",
                params![now_ms, inquiry_id],
            )?;
            if changed == 0 {
                return Err(Error::NotFound {
                    what: "inquiry",
                    id: inquiry_id,
                });
            }
            Ok(())
        })
    }

    /// When the app was last seen running (the shell records it; None before the first time).
    pub fn app_last_seen(&self) -> Result<Option<i64>> {
        Ok(self
            .get_setting(APP_LAST_SEEN_KEY)?
            .and_then(|v| v.trim().parse().ok()))
    }

    pub fn record_app_seen(&self, now_ms: i64) -> Result<()> {
        self.set_setting(APP_LAST_SEEN_KEY, &now_ms.to_string())
    }

    /// Everything the planner needs, read in one go. `closed` is left None: the shell fills it
    /// in when it starts after having been closed (see [`Store::app_last_seen`]).
    pub fn plan_input(&self, now_ms: i64) -> Result<PlanInput> {
        let prefs = self.reminder_prefs()?;
        self.read(|c| {
            let channels = {
                let mut stmt = c.prepare(
                    "SELECT ch.id, ch.name, t.every_days, t.updated_at_ms,
                            (SELECT max(p.published_at_ms) FROM posts p
                             WHERE p.channel_id = ch.id AND p.deleted_at_ms IS NULL)
                     FROM channels ch JOIN rhythm_targets t ON t.channel_id = ch.id
                     WHERE ch.archived = 0 AND t.every_days IS NOT NULL
                     ORDER BY ch.id",
                )?;
                let rows = stmt.query_map([], |r| {
                    Ok(ChannelRhythm {
                        channel_id: r.get(0)?,
                        name: r.get(1)?,
                        every_days: r.get(2)?,
                        target_set_at_ms: r.get(3)?,
                        latest_post_at_ms: r.get(4)?,
                    })
                })?;
                rows.collect::<rusqlite::Result<Vec<_>>>()?
            };
            let inquiries = {
                let mut stmt = c.prepare(
                    "SELECT id, name, received_at_ms, status_changed_at_ms, last_follow_up_at_ms
                     FROM inquiries
                     WHERE deleted_at_ms IS NULL AND status IN ('new', 'talking')
                     ORDER BY id",
                )?;
                let rows = stmt.query_map([], |r| {
                    Ok(OpenInquiry {
                        id: r.get(0)?,
                        name: r.get(1)?,
                        received_at_ms: r.get(2)?,
                        status_changed_at_ms: r.get(3)?,
                        last_follow_up_at_ms: r.get(4)?,
                    })
                })?;
                rows.collect::<rusqlite::Result<Vec<_>>>()?
            };
            let ideas = {
                let mut stmt = c.prepare(&format!(
                    "SELECT i.id, i.title, i.planned_for_day FROM ideas i
                     WHERE i.deleted_at_ms IS NULL AND {LIVE_POST_ID} IS NULL
                       AND i.planned_for_day IS NOT NULL
                     ORDER BY i.planned_for_day, i.id"
                ))?;
                let rows = stmt.query_map([], |r| {
                    Ok((
                        r.get::<_, i64>(0)?,
                        r.get::<_, String>(1)?,
                        r.get::<_, String>(2)?,
                    ))
                })?;
                rows.collect::<rusqlite::Result<Vec<_>>>()?
                    .into_iter()
                    .filter_map(|(id, title, day)| {
                        let day = NaiveDate::parse_from_str(&day, "%Y-%m-%d").ok()?;
                        Some(PlannedIdea { id, title, day })
                    })
                    .collect()
            };
            let log = reminder_log(c, now_ms - LOG_WINDOW_DAYS * MS_PER_DAY)?;
            Ok(PlanInput {
                prefs,
                channels,
                inquiries,
                ideas,
                log,
                closed: None,
            })
        })
    }

    /// The next reminder from the stored data (a convenience over [`crate::rhythm::next_reminder`]).
    pub fn next_reminder<Tz: TimeZone>(
        &self,
        now_ms: i64,
        tz: &Tz,
    ) -> Result<Option<crate::rhythm::PlannedReminder>> {
        let input = self.plan_input(now_ms)?;
        Ok(crate::rhythm::next_reminder(&input, now_ms, tz))
    }
}

fn reminder_log(c: &Connection, since_ms: i64) -> Result<Vec<SentReminder>> {
    let mut stmt = c.prepare(
        "SELECT kind, key, sent_at_ms FROM reminder_log WHERE sent_at_ms >= ?1
         ORDER BY sent_at_ms, id",
    )?;
    let rows = stmt.query_map([since_ms], |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, i64>(2)?,
        ))
    })?;
    let mut out = Vec::new();
    for row in rows {
        let (kind, key, sent_at_ms) = row?;
        // The CHECK constraint keeps unknown kinds out; skip rather than fail if one appears.
        if let Some(kind) = ReminderKind::parse(&kind) {
            out.push(SentReminder {
                kind,
                key,
                sent_at_ms,
            });
        }
    }
    Ok(out)
}
