//! Rhythm targets, reminder preferences, the reminder log and ideas; and loading everything the
//! reminder planner needs in one read.

use chrono::{NaiveDate, TimeZone};
use rusqlite::{params, Connection, OptionalExtension, Row};

use super::{found, Store};
use crate::error::{Error, Result};
use crate::rhythm::{
    ChannelRhythm, Idea, OpenInquiry, PlanInput, PlannedIdea, ReminderKind, ReminderPrefs,
    SentReminder, ValidIdea, MAX_EVERY_DAYS, PREFS_KEY,
};
use crate::time::MS_PER_DAY;

/// The settings key holding when the app was last seen running (epoch ms, plain text).
pub const APP_LAST_SEEN_KEY: &str = "app_last_seen_ms";
/// How far back the planner looks in the reminder log.
const LOG_WINDOW_DAYS: i64 = 120;

const IDEA_COLUMNS: &str =
    "id, title, note, planned_for_day, channel_id, post_id, created_at_ms, updated_at_ms";

fn idea_from_row(r: &Row<'_>) -> rusqlite::Result<Idea> {
    Ok(Idea {
        id: r.get(0)?,
        title: r.get(1)?,
        note: r.get(2)?,
        planned_for: r.get(3)?,
        channel_id: r.get(4)?,
        post_id: r.get(5)?,
        created_at_ms: r.get(6)?,
        updated_at_ms: r.get(7)?,
    })
}

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

    pub fn reminder_prefs(&self) -> Result<ReminderPrefs> {
        self.get_json_setting(PREFS_KEY)
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

    pub fn create_idea(&self, idea: &ValidIdea, now_ms: i64) -> Result<Idea> {
        self.write(|tx| {
            if let Some(channel_id) = idea.channel_id {
                let exists = tx
                    .query_row("SELECT 1 FROM channels WHERE id = ?1", [channel_id], |_| {
                        Ok(())
                    })
                    .optional()?;
                if exists.is_none() {
                    return Err(Error::invalid(
                        "channel_id",
                        "channel_unknown",
                        format!("channel {channel_id} does not exist"),
                    ));
                }
            }
            tx.execute(
                "INSERT INTO ideas (title, note, planned_for_day, channel_id, created_at_ms,
                        updated_at_ms)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?5)",
                params![
                    idea.title,
                    idea.note,
                    idea.planned_for.map(|d| d.format("%Y-%m-%d").to_string()),
                    idea.channel_id,
                    now_ms
                ],
            )?;
            idea_by_id(tx, tx.last_insert_rowid())
        })
    }

    /// Ideas, planned ones by day first, then unplanned newest first.
    pub fn list_ideas(&self) -> Result<Vec<Idea>> {
        self.read(|c| {
            let mut stmt = c.prepare(&format!(
                "SELECT {IDEA_COLUMNS} FROM ideas WHERE deleted_at_ms IS NULL
                 ORDER BY planned_for_day IS NULL, planned_for_day, created_at_ms DESC, id DESC"
            ))?;
            let rows = stmt.query_map([], idea_from_row)?;
            Ok(rows.collect::<rusqlite::Result<_>>()?)
        })
    }

    pub fn delete_idea(&self, id: i64, now_ms: i64) -> Result<()> {
        self.write(|tx| {
            idea_by_id(tx, id)?;
            tx.execute(
                "UPDATE ideas SET deleted_at_ms = ?1 WHERE id = ?2",
                params![now_ms, id],
            )?;
            Ok(())
        })
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
                let mut stmt = c.prepare(
                    "SELECT id, title, planned_for_day FROM ideas
                     WHERE deleted_at_ms IS NULL AND post_id IS NULL
                       AND planned_for_day IS NOT NULL
                     ORDER BY planned_for_day, id",
                )?;
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

fn idea_by_id(c: &Connection, id: i64) -> Result<Idea> {
    found(
        "idea",
        id,
        c.query_row(
            &format!("SELECT {IDEA_COLUMNS} FROM ideas WHERE id = ?1 AND deleted_at_ms IS NULL"),
            [id],
            idea_from_row,
        ),
    )
}
