//! The user's reminder preferences, kept as one JSON setting (`reminders`). Every field has a
//! serde default, so a missing, older or partial value reads as the gentle defaults.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{Error, Result};

/// The settings key the preferences are stored under.
pub const PREFS_KEY: &str = "reminders";
/// The most notifications a day the user can allow.
pub const MAX_PER_DAY_LIMIT: u8 = 3;
pub const MAX_FOLLOW_UP_DAYS: u32 = 90;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
#[ts(export)]
pub struct ReminderPrefs {
    /// Remind about open inquiries (new or in conversation) left untouched.
    pub follow_ups: bool,
    /// After how many days without activity (1..=90, default 5).
    pub follow_up_days: u32,
    /// The opt-in weekly review (default off).
    pub weekly_review: bool,
    /// ISO weekday of the weekly review: 1 = Monday .. 7 = Sunday (default 5, Friday).
    pub weekly_review_weekday: u8,
    /// Local hour of the weekly review, 0..=23 (default 14).
    pub weekly_review_hour: u8,
    /// Start of quiet hours, local "HH:MM" (default "18:00"). Equal start and end: none.
    pub quiet_from: String,
    /// End of quiet hours, local "HH:MM" (default "09:00"); may be before `quiet_from`
    /// (quiet hours crossing midnight).
    pub quiet_until: String,
    /// Reminders on Saturday and Sunday (default false).
    pub weekends: bool,
    /// At most this many notifications per local day, 0..=3 (default 1; 0 = none at all).
    pub max_per_day: u8,
    /// Nothing before this moment (snooze a day or a week). UTC epoch ms.
    #[ts(type = "number | null")]
    pub snoozed_until_ms: Option<i64>,
    /// Everything paused until this moment (pause for N weeks). UTC epoch ms.
    #[ts(type = "number | null")]
    pub paused_until_ms: Option<i64>,
}

impl Default for ReminderPrefs {
    fn default() -> Self {
        ReminderPrefs {
            follow_ups: true,
            follow_up_days: 5,
            weekly_review: false,
            weekly_review_weekday: 5,
            weekly_review_hour: 14,
            quiet_from: "18:00".into(),
            quiet_until: "09:00".into(),
            weekends: false,
            max_per_day: 1,
            snoozed_until_ms: None,
            paused_until_ms: None,
        }
    }
}

impl ReminderPrefs {
    /// The rules every saved value passes.
    pub fn validate(&self) -> Result<()> {
        if !(1..=MAX_FOLLOW_UP_DAYS).contains(&self.follow_up_days) {
            return Err(Error::invalid(
                "follow_up_days",
                "follow_up_days_invalid",
                format!(
                    "follow-up reminders can come after 1 to {MAX_FOLLOW_UP_DAYS} days, not {}",
                    self.follow_up_days
                ),
            ));
        }
        if !(1..=7).contains(&self.weekly_review_weekday) {
            return Err(Error::invalid(
                "weekly_review_weekday",
                "weekday_invalid",
                "the weekday is a number from 1 (Monday) to 7 (Sunday)",
            ));
        }
        if self.weekly_review_hour > 23 {
            return Err(Error::invalid(
                "weekly_review_hour",
                "hour_invalid",
                "the hour is a number from 0 to 23",
            ));
        }
        for (field, value) in [
            ("quiet_from", &self.quiet_from),
            ("quiet_until", &self.quiet_until),
        ] {
            if parse_hh_mm(value).is_none() {
                return Err(Error::invalid(
                    field,
                    "time_of_day_invalid",
                    format!("'{value}' is not a time of day; use HH:MM, e.g. 18:00"),
                ));
            }
        }
        if self.max_per_day > MAX_PER_DAY_LIMIT {
            return Err(Error::invalid(
                "max_per_day",
                "max_per_day_invalid",
                format!(
                    "at most {MAX_PER_DAY_LIMIT} reminders a day can be allowed, not {}",
                    self.max_per_day
                ),
            ));
        }
        Ok(())
    }

    /// Quiet hours as minutes after local midnight (start, end); the defaults when unreadable.
    pub fn quiet_minutes(&self) -> (u32, u32) {
        (
            parse_hh_mm(&self.quiet_from).unwrap_or(18 * 60),
            parse_hh_mm(&self.quiet_until).unwrap_or(9 * 60),
        )
    }
}

/// Reads "HH:MM" (24-hour) as minutes after midnight.
pub fn parse_hh_mm(s: &str) -> Option<u32> {
    let (h, m) = s.trim().split_once(':')?;
    if h.is_empty() || h.len() > 2 || m.len() != 2 {
        return None;
    }
    let h: u32 = h.parse().ok()?;
    let m: u32 = m.parse().ok()?;
    (h < 24 && m < 60).then_some(h * 60 + m)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn missing_and_partial_values_read_as_defaults() {
        let p: ReminderPrefs = serde_json::from_str("{}").unwrap();
        assert_eq!(p, ReminderPrefs::default());
        let p: ReminderPrefs = serde_json::from_str(r#"{"max_per_day": 2}"#).unwrap();
        assert_eq!(p.max_per_day, 2);
        assert!(p.follow_ups);
        assert_eq!(p.follow_up_days, 5);
        assert!(!p.weekly_review);
        assert_eq!(p.quiet_minutes(), (18 * 60, 9 * 60));
        assert!(ReminderPrefs::default().validate().is_ok());
    }

    #[test]
    fn bad_values_are_refused_with_a_field() {
        let bad = [
            ReminderPrefs {
                follow_up_days: 0,
                ..Default::default()
            },
            ReminderPrefs {
                weekly_review_weekday: 8,
                ..Default::default()
            },
            ReminderPrefs {
                weekly_review_hour: 24,
                ..Default::default()
            },
            ReminderPrefs {
                quiet_from: "25:00".into(),
                ..Default::default()
            },
            ReminderPrefs {
                quiet_until: "9".into(),
                ..Default::default()
            },
            ReminderPrefs {
                max_per_day: 4,
                ..Default::default()
            },
        ];
        for p in bad {
            let e = p.validate().unwrap_err();
            assert!(e.is_bad_input() && e.field().is_some(), "{p:?}");
        }
        assert_eq!(parse_hh_mm("9:05"), Some(545));
        assert_eq!(parse_hh_mm("23:59"), Some(1439));
        assert_eq!(parse_hh_mm("24:00"), None);
    }
}
