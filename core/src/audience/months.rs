//! The "audience vs outcome" table: one row per local calendar month.

use std::collections::HashMap;

use chrono::{Datelike, NaiveDate, TimeZone};

use super::rate::AudienceIndex;
use super::types::ChartSeries;
use super::types::{AudienceMonth, MonthAudience, PostEngagement};
use super::InquiryMoment;
use crate::store::SnapshotRow;
use crate::time::{from_ms, local_midnight_ms};

/// (year, month) in `tz`.
fn month_of<Tz: TimeZone>(ms: i64, tz: &Tz) -> (i32, u32) {
    let d = from_ms(ms).with_timezone(tz).date_naive();
    (d.year(), d.month())
}

fn next(month: (i32, u32)) -> (i32, u32) {
    if month.1 == 12 {
        (month.0 + 1, 1)
    } else {
        (month.0, month.1 + 1)
    }
}

/// Rows from the first month with a snapshot, post or inquiry to the month of `now_ms` (or of
/// the latest thing, when that is later), oldest first. Empty when there is nothing at all.
pub fn month_table<Tz: TimeZone>(
    series: &[ChartSeries],
    snapshots: &[SnapshotRow],
    posts: &[PostEngagement],
    inquiries: &[InquiryMoment],
    now_ms: i64,
    tz: &Tz,
) -> Vec<AudienceMonth> {
    let times = snapshots
        .iter()
        .map(|s| s.at_ms)
        .chain(posts.iter().map(|p| p.published_at_ms))
        .chain(inquiries.iter().map(|i| i.received_at_ms));
    let (Some(first), Some(last)) =
        times.fold((None, None), |(lo, hi): (Option<i64>, Option<i64>), t| {
            (
                Some(lo.map_or(t, |l| l.min(t))),
                Some(hi.map_or(t, |h| h.max(t))),
            )
        })
    else {
        return Vec::new();
    };
    let first = month_of(first, tz);
    let last = month_of(last.max(now_ms), tz);

    let mut rates: HashMap<(i32, u32), Vec<f64>> = HashMap::new();
    let mut post_counts: HashMap<(i32, u32), i64> = HashMap::new();
    for p in posts {
        let m = month_of(p.published_at_ms, tz);
        *post_counts.entry(m).or_default() += 1;
        if let Some(r) = p.engagement_rate {
            rates.entry(m).or_default().push(r);
        }
    }
    let mut outcomes: HashMap<(i32, u32), (i64, i64)> = HashMap::new();
    for i in inquiries {
        let e = outcomes.entry(month_of(i.received_at_ms, tz)).or_default();
        e.0 += 1;
        e.1 += i64::from(i.is_client);
    }
    let index = AudienceIndex::new(snapshots);

    let mut out = Vec::new();
    let mut month = first;
    while month <= last {
        let after = next(month);
        let end_ms = NaiveDate::from_ymd_opt(after.0, after.1, 1)
            .and_then(|d| local_midnight_ms(d, tz))
            .unwrap_or(i64::MAX);
        let audience = series
            .iter()
            .map(|s| MonthAudience {
                channel_id: s.channel_id,
                channel: s.channel.clone(),
                measure: s.measure,
                size: index
                    .size_at(s.channel_id, s.measure, end_ms.saturating_sub(1))
                    .map(|(_, size)| size),
            })
            .collect();
        let mut month_rates = rates.remove(&month).unwrap_or_default();
        let (inquiries, clients) = outcomes.get(&month).copied().unwrap_or_default();
        out.push(AudienceMonth {
            month: format!("{:04}-{:02}", month.0, month.1),
            audience,
            posts: post_counts.get(&month).copied().unwrap_or(0),
            posts_with_rate: month_rates.len() as i64,
            median_engagement_rate: median(&mut month_rates),
            inquiries,
            clients,
        });
        month = after;
    }
    out
}

/// The middle value (the mean of the two middle ones for an even count); `None` for none.
pub fn median(values: &mut [f64]) -> Option<f64> {
    if values.is_empty() {
        return None;
    }
    values.sort_by(|a, b| a.total_cmp(b));
    let n = values.len();
    Some(if n % 2 == 1 {
        values[n / 2]
    } else {
        (values[n / 2 - 1] + values[n / 2]) / 2.0
    })
}

#[cfg(test)]
mod tests {
    use super::median;

    #[test]
    fn median_of_odd_even_and_none() {
        assert_eq!(median(&mut []), None);
        assert_eq!(median(&mut [0.3, 0.1, 0.2]), Some(0.2));
        assert_eq!(median(&mut [0.4, 0.1, 0.2, 0.3]), Some(0.25));
    }
}
