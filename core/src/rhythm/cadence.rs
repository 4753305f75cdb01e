//! The user's own rhythm per channel, learned from what they logged: the typical (median) gap
//! between posts, the latest gap and the time since the latest post. Shown next to the optional
//! soft target, as information, never as a score.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::model::ChannelKind;
use crate::time::MS_PER_DAY;

/// One channel's own rhythm, for the rhythm overview.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ChannelCadence {
    #[ts(type = "number")]
    pub channel_id: i64,
    /// The channel's name, for display.
    pub channel: String,
    pub kind: ChannelKind,
    /// The soft target in days; empty (null) when off.
    pub every_days: Option<u32>,
    /// Posts logged on this channel (deleted ones not counted).
    pub posts: u32,
    /// The median gap between consecutive posts, in elapsed days; empty below two posts.
    pub median_gap_days: Option<f64>,
    /// The gap between the two latest posts, in elapsed days; empty below two posts.
    pub latest_gap_days: Option<f64>,
    /// Elapsed days from the latest post to now; empty without posts.
    pub days_since_latest: Option<f64>,
}

/// What [`gaps`] learns from a channel's publish times.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Gaps {
    pub median_gap_days: Option<f64>,
    pub latest_gap_days: Option<f64>,
    pub days_since_latest: Option<f64>,
}

/// The gaps in publish times (epoch ms, ascending) as elapsed 24-hour days, like the attribution
/// windows: a DST change shifts nothing.
///
/// Posts at the same moment give a gap of 0 (a post and its cross-post are two posts). A latest
/// post slightly in the future (posts can be logged up to a day ahead) counts as 0 days ago
/// rather than a negative number the UI would have to explain.
pub fn gaps(published_ms: &[i64], now_ms: i64) -> Gaps {
    // Callers pass sorted times; sorting a copy otherwise keeps a caller's slip from producing
    // negative gaps.
    let sorted;
    let times = if published_ms.is_sorted() {
        published_ms
    } else {
        sorted = {
            let mut v = published_ms.to_vec();
            v.sort_unstable();
            v
        };
        &sorted
    };
    let Some(&latest) = times.last() else {
        return Gaps::default();
    };
    let mut diffs: Vec<i64> = times
        .windows(2)
        .map(|w| w[1].saturating_sub(w[0]))
        .collect();
    let latest_gap_days = diffs.last().map(|d| days(*d));
    diffs.sort_unstable();
    let n = diffs.len();
    let median_gap_days = match n {
        0 => None,
        _ if n % 2 == 1 => Some(days(diffs[n / 2])),
        // Average in f64: the two middle gaps can be far apart without overflowing anything.
        _ => Some((days(diffs[n / 2 - 1]) + days(diffs[n / 2])) / 2.0),
    };
    Gaps {
        median_gap_days,
        latest_gap_days,
        days_since_latest: Some(days(now_ms.saturating_sub(latest).max(0))),
    }
}

fn days(ms: i64) -> f64 {
    ms as f64 / MS_PER_DAY as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    const DAY: i64 = MS_PER_DAY;
    const NOW: i64 = 1_780_000_000_000;

    #[test]
    fn no_posts_tell_nothing() {
        assert_eq!(gaps(&[], NOW), Gaps::default());
    }

    #[test]
    fn one_post_has_an_age_but_no_gaps() {
        let g = gaps(&[NOW - 3 * DAY], NOW);
        assert_eq!(g.median_gap_days, None);
        assert_eq!(g.latest_gap_days, None);
        assert_eq!(g.days_since_latest, Some(3.0));
    }

    #[test]
    fn two_posts_have_one_gap() {
        let g = gaps(&[NOW - 10 * DAY, NOW - DAY / 2], NOW);
        assert_eq!(g.median_gap_days, Some(9.5));
        assert_eq!(g.latest_gap_days, Some(9.5));
        assert_eq!(g.days_since_latest, Some(0.5));
    }

    #[test]
    fn odd_number_of_gaps_takes_the_middle_one() {
        // Gaps 1, 7, 2 days: median 2, latest 2.
        let t = [0, DAY, 8 * DAY, 10 * DAY];
        let g = gaps(&t, 12 * DAY);
        assert_eq!(g.median_gap_days, Some(2.0));
        assert_eq!(g.latest_gap_days, Some(2.0));
        assert_eq!(g.days_since_latest, Some(2.0));
    }

    #[test]
    fn even_number_of_gaps_averages_the_middle_two() {
        // Gaps 1, 10, 3, 30 days: sorted 1, 3, 10, 30 -> (3 + 10) / 2.
        let t = [0, DAY, 11 * DAY, 14 * DAY, 44 * DAY];
        let g = gaps(&t, 44 * DAY);
        assert_eq!(g.median_gap_days, Some(6.5));
        assert_eq!(g.latest_gap_days, Some(30.0));
        assert_eq!(g.days_since_latest, Some(0.0));
    }

    #[test]
    fn same_minute_posts_give_a_zero_gap_not_nan() {
        let t = [
            NOW - 2 * DAY,
            NOW - 2 * DAY,
            NOW - 2 * DAY,
            NOW - 2 * DAY + 60_000,
        ];
        let g = gaps(&t, NOW);
        assert_eq!(g.median_gap_days, Some(0.0));
        let latest = g.latest_gap_days.unwrap();
        assert!((latest - 60_000.0 / DAY as f64).abs() < 1e-12);
        assert!(g.days_since_latest.unwrap() < 2.0);
    }

    #[test]
    fn unsorted_input_and_a_post_just_ahead_stay_sensible() {
        let g = gaps(&[NOW + DAY / 4, NOW - 4 * DAY, NOW - 6 * DAY], NOW);
        assert_eq!(g.median_gap_days, Some((2.0 + 4.25) / 2.0));
        assert_eq!(g.latest_gap_days, Some(4.25));
        assert_eq!(g.days_since_latest, Some(0.0));
        // Extreme values do not overflow or panic.
        let g = gaps(&[i64::MIN, i64::MAX], 0);
        assert!(g.median_gap_days.unwrap() > 0.0);
    }
}
