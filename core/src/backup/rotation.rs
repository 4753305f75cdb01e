//! Which automatic backups to keep: the newest of each of the 7 most recent days that have one,
//! and the newest of each of the 4 most recent weeks (Monday to Sunday) that have one. The same
//! rule as `restic forget --keep-daily 7 --keep-weekly 4`: it counts backups that exist, not
//! calendar days, so after weeks without the app the old backups are still there.
//!
//! A pure function of the file names and today's date, so it is tested with a fixed clock.

use chrono::{Datelike, NaiveDate};

pub const KEEP_DAILY: usize = 7;
pub const KEEP_WEEKLY: usize = 4;

/// The automatic backup of `day`: `afterword-2026-05-28.sqlite3`.
pub fn daily_name(day: NaiveDate) -> String {
    format!("afterword-{}.sqlite3", day.format("%Y-%m-%d"))
}

/// The day of an automatic backup's file name; None for any other file.
pub fn daily_day(name: &str) -> Option<NaiveDate> {
    let day = name.strip_prefix("afterword-")?.strip_suffix(".sqlite3")?;
    if day.len() != 10 {
        return None;
    }
    NaiveDate::parse_from_str(day, "%Y-%m-%d").ok()
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Rotation {
    pub keep: Vec<String>,
    pub delete: Vec<String>,
}

/// Sorts the automatic backups among `names` into kept and deleted (both newest first). Names
/// that are not automatic backups are in neither: they are never deleted. A backup dated after
/// `today` (the clock was set back) is kept and counts for nothing.
pub fn rotate(names: &[String], today: NaiveDate) -> Rotation {
    let mut daily: Vec<(NaiveDate, &String)> = names
        .iter()
        .filter_map(|n| Some((daily_day(n)?, n)))
        .collect();
    daily.sort_by(|a, b| b.cmp(a));
    let mut rotation = Rotation::default();
    let mut days_kept = 0;
    let mut weeks_kept = 0;
    let mut last_week = None;
    for (day, name) in daily {
        let keep = if day > today {
            true
        } else {
            // Names are unique per day, so every file is the newest of its day.
            let as_daily = days_kept < KEEP_DAILY;
            if as_daily {
                days_kept += 1;
            }
            let week = (day.iso_week().year(), day.iso_week().week());
            let as_weekly = weeks_kept < KEEP_WEEKLY && last_week != Some(week);
            if as_weekly {
                weeks_kept += 1;
            }
            // A week counts once, at its newest backup, whether or not that one was kept as a
            // daily too.
            if last_week != Some(week) {
                last_week = Some(week);
            }
            as_daily || as_weekly
        };
        if keep {
            rotation.keep.push(name.clone());
        } else {
            rotation.delete.push(name.clone());
        }
    }
    rotation
}
