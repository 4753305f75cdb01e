//! The reminder planner: a pure function of (preferences, history, now, time zone) to the next
//! reminder or none. No clock reads, no IO; the shell sleeps until `at_ms` and asks again after
//! it sent the reminder (and logged it), or when data or settings changed.
//!
//! Gentle by construction:
//! - a rhythm nudge only where a soft target is set and the gap since the channel's latest post
//!   has passed it; the same channel not again before another target's worth of days (at least
//!   two) unless the user posted in between;
//! - a follow-up when an open inquiry had no activity for N days (counted from the latest of
//!   received, status change, logged follow-up); the same inquiry not again within N days;
//! - an idea planned for today (local day), once, and only on that day;
//! - the weekly review at its weekday and hour when turned on, once per week;
//! - never in quiet hours (moved to their end), not at weekends unless allowed (moved to Monday),
//!   at most `max_per_day` per local day and at least [`MIN_GAP_MS`] apart, nothing before a
//!   snooze or pause ends;
//! - after the app was closed, at most one catch-up for everything that came due meanwhile: the
//!   earliest one; the others wait at least a day after it.

use chrono::{DateTime, Datelike, Duration, LocalResult, NaiveDate, TimeZone, Timelike, Weekday};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::prefs::ReminderPrefs;
use super::texts::ReminderText;
use crate::time::{from_ms, MS_PER_DAY};

/// Two reminders are never closer together than this (three hours).
pub const MIN_GAP_MS: i64 = 3 * 60 * 60 * 1000;
/// A rhythm nudge for the same channel is not repeated sooner than this many days.
pub const MIN_RHYTHM_REPEAT_DAYS: i64 = 2;
/// A weekly review not yet shown stays valid until local midnight this many days after its day
/// (Friday's can still come on Monday morning when weekends are off).
pub const WEEKLY_REVIEW_VALID_DAYS: i64 = 4;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ReminderKind {
    Rhythm,
    FollowUp,
    Idea,
    WeeklyReview,
}

impl ReminderKind {
    pub const ALL: [ReminderKind; 4] = [
        ReminderKind::Rhythm,
        ReminderKind::FollowUp,
        ReminderKind::Idea,
        ReminderKind::WeeklyReview,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ReminderKind::Rhythm => "rhythm",
            ReminderKind::FollowUp => "follow_up",
            ReminderKind::Idea => "idea",
            ReminderKind::WeeklyReview => "weekly_review",
        }
    }

    pub fn parse(s: &str) -> Option<ReminderKind> {
        ReminderKind::ALL.into_iter().find(|k| k.as_str() == s)
    }

    /// Which goes first when two are due at the same moment.
    fn rank(self) -> u8 {
        match self {
            ReminderKind::Idea => 0,
            ReminderKind::FollowUp => 1,
            ReminderKind::WeeklyReview => 2,
            ReminderKind::Rhythm => 3,
        }
    }
}

/// A channel with its soft target and its latest post.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChannelRhythm {
    pub channel_id: i64,
    pub name: String,
    /// The soft target; None = off.
    pub every_days: Option<u32>,
    /// When the target was set (counts as the start when the channel has no posts yet).
    pub target_set_at_ms: i64,
    pub latest_post_at_ms: Option<i64>,
}

/// An inquiry that is new or in conversation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OpenInquiry {
    pub id: i64,
    pub name: String,
    pub received_at_ms: i64,
    pub status_changed_at_ms: i64,
    pub last_follow_up_at_ms: Option<i64>,
}

impl OpenInquiry {
    /// The latest logged activity: received, status change or follow-up, whichever is later.
    pub fn last_activity_ms(&self) -> i64 {
        self.received_at_ms
            .max(self.status_changed_at_ms)
            .max(self.last_follow_up_at_ms.unwrap_or(i64::MIN))
    }
}

/// An idea with a planned local day (not yet turned into a post).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlannedIdea {
    pub id: i64,
    pub title: String,
    pub day: NaiveDate,
}

/// A reminder that was shown.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SentReminder {
    pub kind: ReminderKind,
    pub key: String,
    pub sent_at_ms: i64,
}

/// The latest stretch in which the app was not running: it last ran at `last_ran_ms` and was
/// started again at `reopened_at_ms`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ClosedPeriod {
    pub last_ran_ms: i64,
    pub reopened_at_ms: i64,
}

/// Everything the planner looks at.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PlanInput {
    pub prefs: ReminderPrefs,
    pub channels: Vec<ChannelRhythm>,
    pub inquiries: Vec<OpenInquiry>,
    pub ideas: Vec<PlannedIdea>,
    /// Recent sends (the store loads the last 120 days).
    pub log: Vec<SentReminder>,
    /// Set by the shell when it started after having been closed; None otherwise.
    pub closed: Option<ClosedPeriod>,
}

/// The next reminder: when, what kind, about what (`key`, also what to log), and its text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlannedReminder {
    /// When to show it (UTC epoch ms); never before `now_ms`.
    pub at_ms: i64,
    pub kind: ReminderKind,
    /// What it is about, e.g. "rhythm:3", "follow_up:12", "idea:4:2026-05-28",
    /// "weekly_review:2026-05-29". Log it with this key once shown.
    pub key: String,
    /// When it became due, before quiet hours, weekends and limits moved it.
    pub due_ms: i64,
    pub text: ReminderText,
}

impl PlannedReminder {
    /// What to append to the reminder log once this was shown.
    pub fn as_sent(&self) -> SentReminder {
        SentReminder {
            kind: self.kind,
            key: self.key.clone(),
            sent_at_ms: self.at_ms,
        }
    }
}

struct Candidate {
    kind: ReminderKind,
    key: String,
    due_ms: i64,
    /// Not shown at or after this moment (an idea's day, a week's review).
    expires_ms: Option<i64>,
    text: ReminderText,
}

/// The next reminder at or after `now_ms`, or None when nothing is planned.
pub fn next_reminder<Tz: TimeZone>(
    input: &PlanInput,
    now_ms: i64,
    tz: &Tz,
) -> Option<PlannedReminder> {
    let prefs = &input.prefs;
    if prefs.max_per_day == 0 {
        return None;
    }
    let earliest = [prefs.snoozed_until_ms, prefs.paused_until_ms]
        .into_iter()
        .flatten()
        .fold(now_ms, i64::max);
    let rules = Rules::new(prefs, &input.log, tz);
    let mut candidates = candidates(input, now_ms, tz);
    defer_after_catch_up(input, &mut candidates);
    candidates
        .into_iter()
        .filter_map(|c| {
            let at = rules.allowed_at(c.due_ms.max(earliest))?;
            if c.expires_ms.is_some_and(|end| at >= end) {
                return None;
            }
            Some(PlannedReminder {
                at_ms: at,
                kind: c.kind,
                key: c.key,
                due_ms: c.due_ms,
                text: c.text,
            })
        })
        .min_by(|a, b| {
            (a.at_ms, a.due_ms, a.kind.rank(), &a.key).cmp(&(
                b.at_ms,
                b.due_ms,
                b.kind.rank(),
                &b.key,
            ))
        })
}

/// Steps time from `from_ms` to `to_ms`: each reminder fires at its moment and is logged, as the
/// shell would do. Returns everything that fired, in order (for tests and previews).
pub fn reminders_in<Tz: TimeZone>(
    input: &PlanInput,
    from_ms: i64,
    to_ms: i64,
    tz: &Tz,
) -> Vec<PlannedReminder> {
    let mut state = input.clone();
    let mut now = from_ms;
    let mut fired = Vec::new();
    // Bounded: even at three a day this is years of reminders.
    for _ in 0..10_000 {
        let Some(next) = next_reminder(&state, now, tz) else {
            break;
        };
        if next.at_ms > to_ms {
            break;
        }
        now = next.at_ms;
        state.log.push(next.as_sent());
        fired.push(next);
    }
    fired
}

fn last_sent(log: &[SentReminder], key: &str) -> Option<i64> {
    log.iter()
        .filter(|s| s.key == key)
        .map(|s| s.sent_at_ms)
        .max()
}

fn candidates<Tz: TimeZone>(input: &PlanInput, now_ms: i64, tz: &Tz) -> Vec<Candidate> {
    let prefs = &input.prefs;
    let mut out = Vec::new();

    for ch in &input.channels {
        let Some(every) = ch.every_days.filter(|d| *d >= 1).map(i64::from) else {
            continue;
        };
        let base = ch.latest_post_at_ms.unwrap_or(ch.target_set_at_ms);
        let key = format!("rhythm:{}", ch.channel_id);
        let mut due = base.saturating_add(every * MS_PER_DAY);
        if let Some(sent) = last_sent(&input.log, &key).filter(|s| *s >= base) {
            due = due.max(sent + every.max(MIN_RHYTHM_REPEAT_DAYS) * MS_PER_DAY);
        }
        out.push(Candidate {
            kind: ReminderKind::Rhythm,
            key,
            due_ms: due,
            expires_ms: None,
            text: ReminderText::RhythmNudge {
                channel: ch.name.clone(),
            },
        });
    }

    if prefs.follow_ups {
        let days = i64::from(prefs.follow_up_days.max(1));
        for inq in &input.inquiries {
            let activity = inq.last_activity_ms();
            let key = format!("follow_up:{}", inq.id);
            let mut due = activity.saturating_add(days * MS_PER_DAY);
            if let Some(sent) = last_sent(&input.log, &key).filter(|s| *s >= activity) {
                due = due.max(sent + days * MS_PER_DAY);
            }
            out.push(Candidate {
                kind: ReminderKind::FollowUp,
                key,
                due_ms: due,
                expires_ms: None,
                text: ReminderText::FollowUp {
                    name: inq.name.clone(),
                },
            });
        }
    }

    let today = local(now_ms, tz).date_naive();
    for idea in &input.ideas {
        if idea.day < today {
            continue;
        }
        let key = format!("idea:{}:{}", idea.id, idea.day.format("%Y-%m-%d"));
        if last_sent(&input.log, &key).is_some() {
            continue;
        }
        let (Some(start), Some(end)) = (
            local_ms(idea.day, 0, tz),
            idea.day.succ_opt().and_then(|d| local_ms(d, 0, tz)),
        ) else {
            continue;
        };
        out.push(Candidate {
            kind: ReminderKind::Idea,
            key,
            due_ms: start,
            expires_ms: Some(end),
            text: ReminderText::IdeaToday {
                title: idea.title.clone(),
            },
        });
    }

    if prefs.weekly_review {
        out.extend(weekly_reviews(input, now_ms, today, tz));
    }
    out
}

/// Weekly-review moments: the latest one at or before now if it was not shown yet (it stays
/// valid for a few days, so that quiet hours, a weekend or the daily limit only postpone it),
/// and the next one. Turning the review on midweek does not bring up last week's.
fn weekly_reviews<Tz: TimeZone>(
    input: &PlanInput,
    now_ms: i64,
    today: NaiveDate,
    tz: &Tz,
) -> Vec<Candidate> {
    let prefs = &input.prefs;
    let weekday = u32::from(prefs.weekly_review_weekday.clamp(1, 7)) - 1;
    let minute = u32::from(prefs.weekly_review_hour.min(23)) * 60;
    let back = (today.weekday().num_days_from_monday() + 7 - weekday) % 7;
    let mut latest = today - Duration::days(i64::from(back));
    if local_ms(latest, minute, tz).is_none_or(|t| t > now_ms) {
        latest -= Duration::days(7);
    }
    [latest, latest + Duration::days(7)]
        .into_iter()
        .filter_map(|day| {
            let key = format!("weekly_review:{}", day.format("%Y-%m-%d"));
            if last_sent(&input.log, &key).is_some() {
                return None;
            }
            Some(Candidate {
                kind: ReminderKind::WeeklyReview,
                key,
                due_ms: local_ms(day, minute, tz)?,
                expires_ms: local_ms(day + Duration::days(WEEKLY_REVIEW_VALID_DAYS), 0, tz),
                text: ReminderText::WeeklyReview,
            })
        })
        .collect()
}

/// At most one catch-up after the app was closed: once something was shown since it reopened,
/// everything else that came due while it was closed waits at least a day after that.
fn defer_after_catch_up(input: &PlanInput, candidates: &mut [Candidate]) {
    let Some(closed) = input.closed else {
        return;
    };
    let Some(first_since) = input
        .log
        .iter()
        .map(|s| s.sent_at_ms)
        .filter(|t| *t >= closed.reopened_at_ms)
        .min()
    else {
        return;
    };
    for c in candidates
        .iter_mut()
        .filter(|c| c.due_ms <= closed.reopened_at_ms)
    {
        c.due_ms = c.due_ms.max(first_since + MS_PER_DAY);
    }
}

/// Quiet hours, weekends, the daily limit and the minimum gap, in local time.
struct Rules<'a, Tz: TimeZone> {
    tz: &'a Tz,
    quiet: (u32, u32),
    weekends: bool,
    max_per_day: usize,
    sends: Vec<i64>,
}

impl<'a, Tz: TimeZone> Rules<'a, Tz> {
    fn new(prefs: &ReminderPrefs, log: &[SentReminder], tz: &'a Tz) -> Self {
        let mut sends: Vec<i64> = log.iter().map(|s| s.sent_at_ms).collect();
        sends.sort_unstable();
        Rules {
            tz,
            quiet: prefs.quiet_minutes(),
            weekends: prefs.weekends,
            max_per_day: usize::from(prefs.max_per_day),
            sends,
        }
    }

    /// The first moment at or after `t` at which a reminder may be shown.
    fn allowed_at(&self, mut t: i64) -> Option<i64> {
        if self.max_per_day == 0 {
            return None;
        }
        // Each step moves forward; a few hundred steps cover any realistic combination.
        for _ in 0..500 {
            let here = local(t, self.tz);
            let day = here.date_naive();
            let minute = here.hour() * 60 + here.minute();
            if !self.weekends && matches!(day.weekday(), Weekday::Sat | Weekday::Sun) {
                let to_monday = 7 - i64::from(day.weekday().num_days_from_monday());
                t = local_ms(day + Duration::days(to_monday), 0, self.tz)?.max(t + 1);
                continue;
            }
            if let Some(end) = self.quiet_end(day, minute) {
                t = end.max(t + 1);
                continue;
            }
            if self.sent_on(day) >= self.max_per_day {
                t = local_ms(day.succ_opt()?, 0, self.tz)?.max(t + 1);
                continue;
            }
            if let Some(s) = self.sends.iter().find(|s| (t - **s).abs() < MIN_GAP_MS) {
                t = s + MIN_GAP_MS;
                continue;
            }
            return Some(t);
        }
        None
    }

    /// When `minute` on `day` is in quiet hours, the moment they end.
    fn quiet_end(&self, day: NaiveDate, minute: u32) -> Option<i64> {
        let (from, until) = self.quiet;
        if from == until {
            return None;
        }
        let end_day = if from < until {
            if !(from..until).contains(&minute) {
                return None;
            }
            day
        } else if minute >= from {
            day.succ_opt()?
        } else if minute < until {
            day
        } else {
            return None;
        };
        local_ms(end_day, until, self.tz)
    }

    fn sent_on(&self, day: NaiveDate) -> usize {
        self.sends
            .iter()
            .filter(|s| local(**s, self.tz).date_naive() == day)
            .count()
    }
}

fn local<Tz: TimeZone>(ms: i64, tz: &Tz) -> DateTime<Tz> {
    tz.from_utc_datetime(&from_ms(ms).naive_utc())
}

/// `minute` after local midnight on `day` as epoch ms. A time skipped by a clock change moves
/// forward to the first one that exists; a repeated time takes the earlier instant.
pub fn local_ms<Tz: TimeZone>(day: NaiveDate, minute: u32, tz: &Tz) -> Option<i64> {
    let mut naive = day.and_hms_opt(minute / 60, minute % 60, 0)?;
    for _ in 0..8 {
        match tz.from_local_datetime(&naive) {
            LocalResult::Single(t) | LocalResult::Ambiguous(t, _) => {
                return Some(t.timestamp_millis())
            }
            LocalResult::None => naive += Duration::minutes(15),
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::time::parse_moment;
    use chrono_tz::Europe::Amsterdam;

    fn at(s: &str) -> i64 {
        parse_moment(s, &Amsterdam).unwrap().timestamp_millis()
    }

    fn show(ms: i64) -> String {
        local(ms, &Amsterdam)
            .format("%a %Y-%m-%d %H:%M")
            .to_string()
    }

    fn channel(every: u32, latest: &str) -> ChannelRhythm {
        ChannelRhythm {
            channel_id: 1,
            name: "LinkedIn".into(),
            every_days: Some(every),
            target_set_at_ms: at("2026-01-01 12:00"),
            latest_post_at_ms: Some(at(latest)),
        }
    }

    #[test]
    fn nothing_due_gives_none() {
        let input = PlanInput::default();
        assert_eq!(
            next_reminder(&input, at("2026-06-03 10:00"), &Amsterdam),
            None
        );
        // A channel without a target never nudges.
        let mut ch = channel(7, "2026-01-01 10:00");
        ch.every_days = None;
        let input = PlanInput {
            channels: vec![ch],
            ..Default::default()
        };
        assert_eq!(
            next_reminder(&input, at("2026-06-03 10:00"), &Amsterdam),
            None
        );
    }

    #[test]
    fn a_passed_target_nudges_now_on_a_weekday_afternoon() {
        let input = PlanInput {
            channels: vec![channel(7, "2026-05-20 10:00")],
            ..Default::default()
        };
        // Wednesday 3 June 2026, 14:00.
        let r = next_reminder(&input, at("2026-06-03 14:00"), &Amsterdam).unwrap();
        assert_eq!(r.at_ms, at("2026-06-03 14:00"));
        assert_eq!(r.kind, ReminderKind::Rhythm);
        assert_eq!(r.key, "rhythm:1");
        // Not yet passed: planned for the moment it passes.
        let r = next_reminder(&input, at("2026-05-22 14:00"), &Amsterdam).unwrap();
        assert_eq!(show(r.at_ms), "Wed 2026-05-27 10:00");
    }

    #[test]
    fn quiet_hours_crossing_midnight_move_to_their_end() {
        let input = PlanInput {
            channels: vec![channel(7, "2026-05-20 10:00")],
            ..Default::default()
        };
        for now in [
            "2026-06-03 19:30",
            "2026-06-03 23:59",
            "2026-06-04 00:30",
            "2026-06-04 08:59",
        ] {
            let r = next_reminder(&input, at(now), &Amsterdam).unwrap();
            assert_eq!(show(r.at_ms), "Thu 2026-06-04 09:00", "from {now}");
        }
        // Quiet hours that do not cross midnight (lunch).
        let mut input = input;
        input.prefs.quiet_from = "12:00".into();
        input.prefs.quiet_until = "13:30".into();
        let r = next_reminder(&input, at("2026-06-03 12:10"), &Amsterdam).unwrap();
        assert_eq!(show(r.at_ms), "Wed 2026-06-03 13:30");
        let r = next_reminder(&input, at("2026-06-03 20:00"), &Amsterdam).unwrap();
        assert_eq!(show(r.at_ms), "Wed 2026-06-03 20:00");
    }

    #[test]
    fn weekends_wait_for_monday_unless_allowed() {
        let mut input = PlanInput {
            channels: vec![channel(7, "2026-05-20 10:00")],
            ..Default::default()
        };
        // Friday evening -> Monday 09:00.
        let r = next_reminder(&input, at("2026-06-05 18:30"), &Amsterdam).unwrap();
        assert_eq!(show(r.at_ms), "Mon 2026-06-08 09:00");
        let r = next_reminder(&input, at("2026-06-06 11:00"), &Amsterdam).unwrap();
        assert_eq!(show(r.at_ms), "Mon 2026-06-08 09:00");
        input.prefs.weekends = true;
        let r = next_reminder(&input, at("2026-06-06 11:00"), &Amsterdam).unwrap();
        assert_eq!(show(r.at_ms), "Sat 2026-06-06 11:00");
    }

    #[test]
    fn dst_changes_keep_local_nine_oclock() {
        let input = PlanInput {
            channels: vec![channel(7, "2026-03-01 10:00")],
            prefs: ReminderPrefs {
                weekends: true,
                ..Default::default()
            },
            ..Default::default()
        };
        // Clocks go forward at 02:00 on Sunday 29 March 2026: 09:00 is 07:00 UTC that day.
        let r = next_reminder(&input, at("2026-03-28 22:00"), &Amsterdam).unwrap();
        assert_eq!(crate::time::to_rfc3339(r.at_ms), "2026-03-29T07:00:00Z");
        assert_eq!(show(r.at_ms), "Sun 2026-03-29 09:00");
        // Clocks go back at 03:00 on Sunday 25 October 2026: 09:00 is 08:00 UTC that day.
        let input = PlanInput {
            channels: vec![channel(7, "2026-10-01 10:00")],
            ..input
        };
        let r = next_reminder(&input, at("2026-10-24 23:00"), &Amsterdam).unwrap();
        assert_eq!(crate::time::to_rfc3339(r.at_ms), "2026-10-25T08:00:00Z");
        // And quiet hours starting on the DST evening still begin at 18:00 local.
        let r = next_reminder(&input, at("2026-10-25 18:00"), &Amsterdam).unwrap();
        assert_eq!(crate::time::to_rfc3339(r.at_ms), "2026-10-26T08:00:00Z");
    }

    #[test]
    fn follow_up_counts_from_the_latest_status_change() {
        let input = PlanInput {
            prefs: ReminderPrefs {
                weekends: true,
                ..Default::default()
            },
            inquiries: vec![OpenInquiry {
                id: 7,
                name: "Sam".into(),
                received_at_ms: at("2026-06-01 10:00"),
                status_changed_at_ms: at("2026-06-04 11:00"),
                last_follow_up_at_ms: None,
            }],
            ..Default::default()
        };
        let r = next_reminder(&input, at("2026-06-05 10:00"), &Amsterdam).unwrap();
        assert_eq!(r.kind, ReminderKind::FollowUp);
        assert_eq!(show(r.at_ms), "Tue 2026-06-09 11:00");
        assert_eq!(r.text, ReminderText::FollowUp { name: "Sam".into() });
        // A logged follow-up later still moves it on.
        let mut later = input.clone();
        later.inquiries[0].last_follow_up_at_ms = Some(at("2026-06-08 15:00"));
        let r = next_reminder(&later, at("2026-06-09 12:00"), &Amsterdam).unwrap();
        assert_eq!(show(r.at_ms), "Sat 2026-06-13 15:00");
        // Off: nothing.
        let mut off = input;
        off.prefs.follow_ups = false;
        assert_eq!(
            next_reminder(&off, at("2026-06-20 10:00"), &Amsterdam),
            None
        );
    }

    #[test]
    fn the_same_follow_up_is_not_repeated_within_its_days() {
        let input = PlanInput {
            inquiries: vec![OpenInquiry {
                id: 7,
                name: "Sam".into(),
                received_at_ms: at("2026-06-01 10:00"),
                status_changed_at_ms: at("2026-06-01 10:00"),
                last_follow_up_at_ms: None,
            }],
            ..Default::default()
        };
        let fired = reminders_in(
            &input,
            at("2026-06-01 10:00"),
            at("2026-06-30 23:00"),
            &Amsterdam,
        );
        let times: Vec<String> = fired.iter().map(|r| show(r.at_ms)).collect();
        assert_eq!(
            times,
            [
                "Mon 2026-06-08 09:00", // due Sat 6 June 10:00, weekend
                "Mon 2026-06-15 09:00", // five days later is Saturday again
                "Mon 2026-06-22 09:00",
                "Mon 2026-06-29 09:00",
            ]
        );
    }

    #[test]
    fn the_daily_limit_counts_the_log_per_local_day() {
        let mut input = PlanInput {
            channels: vec![channel(7, "2026-05-20 10:00")],
            log: vec![SentReminder {
                kind: ReminderKind::FollowUp,
                key: "follow_up:1".into(),
                // 00:30 local on Wednesday is still Tuesday in UTC: counts for Wednesday.
                sent_at_ms: at("2026-06-03 00:30"),
            }],
            ..Default::default()
        };
        input.prefs.weekends = true;
        let r = next_reminder(&input, at("2026-06-03 10:00"), &Amsterdam).unwrap();
        assert_eq!(show(r.at_ms), "Thu 2026-06-04 09:00");
        input.prefs.max_per_day = 2;
        let r = next_reminder(&input, at("2026-06-03 10:00"), &Amsterdam).unwrap();
        assert_eq!(show(r.at_ms), "Wed 2026-06-03 10:00");
        input.prefs.max_per_day = 0;
        assert_eq!(
            next_reminder(&input, at("2026-06-03 10:00"), &Amsterdam),
            None
        );
    }

    #[test]
    fn snooze_and_pause_push_everything_after_their_end() {
        let mut input = PlanInput {
            channels: vec![channel(7, "2026-05-20 10:00")],
            ..Default::default()
        };
        input.prefs.snoozed_until_ms = Some(at("2026-06-04 14:00"));
        let r = next_reminder(&input, at("2026-06-03 10:00"), &Amsterdam).unwrap();
        assert_eq!(show(r.at_ms), "Thu 2026-06-04 14:00");
        // A pause ending in the evening: the next allowed morning.
        input.prefs.paused_until_ms = Some(at("2026-06-17 20:00"));
        let r = next_reminder(&input, at("2026-06-03 10:00"), &Amsterdam).unwrap();
        assert_eq!(show(r.at_ms), "Thu 2026-06-18 09:00");
        // A past snooze no longer matters.
        input.prefs.paused_until_ms = None;
        input.prefs.snoozed_until_ms = Some(at("2026-06-01 10:00"));
        let r = next_reminder(&input, at("2026-06-03 10:00"), &Amsterdam).unwrap();
        assert_eq!(show(r.at_ms), "Wed 2026-06-03 10:00");
    }

    #[test]
    fn an_idea_planned_for_today_only_on_its_day() {
        let input = PlanInput {
            ideas: vec![PlannedIdea {
                id: 4,
                title: "Pricing".into(),
                day: NaiveDate::from_ymd_opt(2026, 6, 4).unwrap(),
            }],
            ..Default::default()
        };
        let r = next_reminder(&input, at("2026-06-03 10:00"), &Amsterdam).unwrap();
        assert_eq!(show(r.at_ms), "Thu 2026-06-04 09:00");
        assert_eq!(r.key, "idea:4:2026-06-04");
        assert_eq!(r.kind, ReminderKind::Idea);
        let r = next_reminder(&input, at("2026-06-04 16:00"), &Amsterdam).unwrap();
        assert_eq!(show(r.at_ms), "Thu 2026-06-04 16:00");
        // Its day is over (quiet hours until the end of the day): never.
        assert_eq!(
            next_reminder(&input, at("2026-06-04 18:30"), &Amsterdam),
            None
        );
        assert_eq!(
            next_reminder(&input, at("2026-06-05 10:00"), &Amsterdam),
            None
        );
        // Shown once: not again.
        let mut shown = input;
        shown.log.push(SentReminder {
            kind: ReminderKind::Idea,
            key: "idea:4:2026-06-04".into(),
            sent_at_ms: at("2026-06-04 09:00"),
        });
        assert_eq!(
            next_reminder(&shown, at("2026-06-04 13:00"), &Amsterdam),
            None
        );
    }

    #[test]
    fn the_weekly_review_comes_on_its_weekday_and_hour_once_a_week() {
        let mut input = PlanInput::default();
        assert_eq!(
            next_reminder(&input, at("2026-06-03 10:00"), &Amsterdam),
            None
        );
        input.prefs.weekly_review = true;
        // Turned on on a Wednesday: this Friday, not last week's.
        let r = next_reminder(&input, at("2026-06-03 10:00"), &Amsterdam).unwrap();
        assert_eq!(show(r.at_ms), "Fri 2026-06-05 14:00");
        assert_eq!(r.key, "weekly_review:2026-06-05");
        // Friday evening (quiet hours) and the weekend postpone it to Monday morning.
        let r = next_reminder(&input, at("2026-06-05 18:30"), &Amsterdam).unwrap();
        assert_eq!(show(r.at_ms), "Mon 2026-06-08 09:00");
        assert_eq!(r.key, "weekly_review:2026-06-05");
        // Once Tuesday has come without it, next Friday's.
        let r = next_reminder(&input, at("2026-06-09 10:00"), &Amsterdam).unwrap();
        assert_eq!(r.key, "weekly_review:2026-06-12");
        let fired = reminders_in(
            &input,
            at("2026-06-03 10:00"),
            at("2026-06-30 10:00"),
            &Amsterdam,
        );
        let times: Vec<String> = fired.iter().map(|r| show(r.at_ms)).collect();
        assert_eq!(
            times,
            [
                "Fri 2026-06-05 14:00",
                "Fri 2026-06-12 14:00",
                "Fri 2026-06-19 14:00",
                "Fri 2026-06-26 14:00"
            ]
        );
    }

    fn busy_input() -> PlanInput {
        let mut channels = vec![channel(2, "2026-05-01 10:00")];
        channels.push(ChannelRhythm {
            channel_id: 2,
            name: "Newsletter".into(),
            every_days: Some(1),
            target_set_at_ms: at("2026-05-01 10:00"),
            latest_post_at_ms: None,
        });
        let inquiries = (1..=6)
            .map(|i| OpenInquiry {
                id: i,
                name: format!("Person {i}"),
                received_at_ms: at("2026-05-01 10:00") + i * 3_600_000,
                status_changed_at_ms: at("2026-05-01 10:00"),
                last_follow_up_at_ms: None,
            })
            .collect();
        let ideas = (1..=7)
            .map(|d| PlannedIdea {
                id: d,
                title: format!("Idea {d}"),
                day: NaiveDate::from_ymd_opt(2026, 6, 1 + d as u32).unwrap(),
            })
            .collect();
        PlanInput {
            prefs: ReminderPrefs {
                weekly_review: true,
                ..Default::default()
            },
            channels,
            inquiries,
            ideas,
            ..Default::default()
        }
    }

    #[test]
    fn a_busy_simulated_week_never_exceeds_the_limits() {
        for (max, weekends) in [(1u8, false), (2, false), (3, true), (1, true)] {
            let mut input = busy_input();
            input.prefs.max_per_day = max;
            input.prefs.weekends = weekends;
            let from = at("2026-06-01 00:00");
            let to = at("2026-06-08 00:00");
            let fired = reminders_in(&input, from, to, &Amsterdam);
            let mut per_day = std::collections::BTreeMap::new();
            for r in &fired {
                let here = local(r.at_ms, &Amsterdam);
                let minute = here.hour() * 60 + here.minute();
                assert!(
                    (9 * 60..18 * 60).contains(&minute),
                    "quiet hours: {}",
                    show(r.at_ms)
                );
                if !weekends {
                    assert!(
                        here.weekday().num_days_from_monday() < 5,
                        "{}",
                        show(r.at_ms)
                    );
                }
                *per_day.entry(here.date_naive()).or_insert(0u8) += 1;
            }
            assert!(per_day.values().all(|n| *n <= max), "{per_day:?}");
            let days = if weekends { 7 } else { 5 };
            assert!(
                fired.len() <= usize::from(max) * days,
                "max {max}: {per_day:?}"
            );
            assert!(
                fired.len() >= days,
                "something each allowed day: {per_day:?}"
            );
            for pair in fired.windows(2) {
                assert!(pair[1].at_ms - pair[0].at_ms >= MIN_GAP_MS);
            }
            // The same thing is never repeated within two days.
            for (i, a) in fired.iter().enumerate() {
                for b in &fired[i + 1..] {
                    if a.key == b.key {
                        assert!(b.at_ms - a.at_ms >= 2 * MS_PER_DAY, "{} twice", a.key);
                    }
                }
            }
        }
    }

    #[test]
    fn after_a_long_closed_period_only_one_catch_up() {
        let mut input = busy_input();
        input.prefs.max_per_day = 3;
        input.ideas.clear();
        let reopened = at("2026-06-03 10:00");
        input.closed = Some(ClosedPeriod {
            last_ran_ms: at("2026-05-10 10:00"),
            reopened_at_ms: reopened,
        });
        let r = next_reminder(&input, reopened, &Amsterdam).unwrap();
        assert_eq!(r.at_ms, reopened, "the catch-up comes now");
        // It is the one that came due first: the newsletter rhythm (due 2 May).
        assert_eq!(r.key, "rhythm:2");
        input.log.push(r.as_sent());
        // Everything else that came due meanwhile waits at least a day.
        let next = next_reminder(&input, reopened + 60_000, &Amsterdam).unwrap();
        assert!(next.at_ms >= reopened + MS_PER_DAY, "{}", show(next.at_ms));
        // Without the closed period, three a day would be allowed today.
        input.closed = None;
        let next = next_reminder(&input, reopened + 60_000, &Amsterdam).unwrap();
        assert_eq!(show(next.at_ms), "Wed 2026-06-03 13:00");
    }

    #[test]
    fn rhythm_nudges_repeat_gently_until_a_post() {
        let input = PlanInput {
            channels: vec![channel(7, "2026-05-20 10:00")],
            ..Default::default()
        };
        let fired = reminders_in(
            &input,
            at("2026-05-27 10:00"),
            at("2026-06-20 10:00"),
            &Amsterdam,
        );
        let times: Vec<String> = fired.iter().map(|r| show(r.at_ms)).collect();
        assert_eq!(
            times,
            [
                "Wed 2026-05-27 10:00",
                "Wed 2026-06-03 10:00",
                "Wed 2026-06-10 10:00",
                "Wed 2026-06-17 10:00"
            ]
        );
    }
}
