//! Audience next to what followed: per post the engagement rate against the audience at the
//! time, next to the inquiries and clients the insights engine credits it with; per month the
//! audience size, the median engagement rate, and the inquiries and clients received; and a few
//! plain observations that say "too early to tell" when the sample is small.
//!
//! - `rate`: engagement and the audience at a moment (pure);
//! - `headline`: the first numbers the view paints, straight from the indexes;
//! - `months`: the month table; `observations`: what the numbers do (and do not) say;
//! - this file: reading the store and putting the pieces together.
//!
//! Attribution is not recomputed here: the credited numbers are the insights summary's.

mod headline;
mod months;
mod observations;
mod rate;
mod types;

use std::collections::HashMap;

use chrono::TimeZone;

pub use headline::headline;
pub use months::month_table;
pub use observations::observe;
pub use rate::{engagement, AudienceIndex, EngagementBasis};
pub use types::{
    AudienceHeadline, AudienceMonth, AudienceOverview, ChartSeries, MonthAudience, Observation,
    PostEngagement, SeriesHeadline, Trend,
};

use crate::error::Result;
use crate::insights::{self, DateRange, InsightSettings};
use crate::model::{AudienceMeasure, ChannelKind, InquiryStatus, PostKind};
use crate::store::Store;
use crate::time::to_rfc3339;

/// The few facts of a post the rates need that the insights summary does not carry.
struct PostBasics {
    channel_id: i64,
    published_at_ms: i64,
    newsletter: bool,
}

/// One inquiry for the month table: when it came in and whether it became a client.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct InquiryMoment {
    pub received_at_ms: i64,
    pub is_client: bool,
}

/// Every post with its engagement rate and what followed it, in the table's order (see
/// [`table_order`]).
pub fn post_engagement<Tz: TimeZone + Sync>(
    store: &Store,
    settings: &InsightSettings,
    now_ms: i64,
    tz: &Tz,
) -> Result<Vec<PostEngagement>> {
    let snapshots = store.snapshot_rows()?;
    let mut posts = engagement_rows(store, settings, &AudienceIndex::new(&snapshots), now_ms, tz)?;
    posts.sort_by(table_order);
    Ok(posts)
}

/// What the Audience view shows: the chart's series, the month table, the observations, and
/// the per-post table (only its first `first_page` rows when given; `total_posts` counts all).
pub fn overview<Tz: TimeZone + Sync>(
    store: &Store,
    settings: &InsightSettings,
    now_ms: i64,
    tz: &Tz,
    first_page: Option<usize>,
) -> Result<AudienceOverview> {
    let snapshots = store.snapshot_rows()?;
    let series = chart_series(store, &snapshots)?;
    let index = AudienceIndex::new(&snapshots);
    let mut posts = engagement_rows(store, settings, &index, now_ms, tz)?;
    let inquiries = inquiry_moments(store)?;
    let months = month_table(&series, &snapshots, &posts, &inquiries, now_ms, tz);
    let observations = observe(&series, &posts, &inquiries, &months);
    let total_posts = posts.len() as i64;
    match first_page {
        Some(n) if n < posts.len() => {
            posts.select_nth_unstable_by(n, table_order);
            posts.truncate(n);
            posts.sort_by(table_order);
        }
        _ => posts.sort_by(table_order),
    }
    Ok(AudienceOverview {
        series,
        months,
        observations,
        posts,
        total_posts,
    })
}

/// What followed first (credited clients, then inquiries), then the engagement rate (missing
/// last), then newest first: a post with 2 likes that brought a client stands above one with
/// 200 likes that brought none.
pub fn table_order(a: &PostEngagement, b: &PostEngagement) -> std::cmp::Ordering {
    use std::cmp::Ordering;
    let rate = |p: &PostEngagement| p.engagement_rate.unwrap_or(f64::NEG_INFINITY);
    b.credited_clients
        .partial_cmp(&a.credited_clients)
        .unwrap_or(Ordering::Equal)
        .then_with(|| {
            b.credited_inquiries
                .partial_cmp(&a.credited_inquiries)
                .unwrap_or(Ordering::Equal)
        })
        .then_with(|| rate(b).partial_cmp(&rate(a)).unwrap_or(Ordering::Equal))
        .then_with(|| b.published_at.cmp(&a.published_at))
        .then_with(|| b.id.cmp(&a.id))
}

fn engagement_rows<Tz: TimeZone + Sync>(
    store: &Store,
    settings: &InsightSettings,
    index: &AudienceIndex,
    now_ms: i64,
    tz: &Tz,
) -> Result<Vec<PostEngagement>> {
    let summary = insights::summary(store, settings, &DateRange::all().until(now_ms), tz)?;
    let basics = post_basics(store)?;
    let mut metrics = store.latest_metrics()?;
    Ok(summary
        .posts
        .into_iter()
        .filter_map(|p| {
            let b = basics.get(&p.id)?;
            let m = metrics.remove(&p.id).unwrap_or_default();
            let (engagements, basis) = match engagement(&m, b.newsletter) {
                Some((n, basis)) => (Some(n), Some(basis)),
                None => (None, None),
            };
            let audience = index.audience_for(b.channel_id, b.published_at_ms, b.newsletter, &m);
            let rate = match (engagements, audience.as_ref()) {
                (Some(n), Some(a)) if a.size > 0 => Some(n as f64 / a.size as f64),
                _ => None,
            };
            Some(PostEngagement {
                id: p.id,
                published_at: p.published_at,
                channel: p.channel.to_string(),
                kind: p.kind,
                title: p.title.to_string(),
                metrics: m,
                engagements,
                engagement_basis: basis,
                audience_size: audience.as_ref().map(|a| a.size),
                audience_measure: audience.as_ref().and_then(|a| a.measure),
                audience_at: audience.as_ref().and_then(|a| a.at_ms).map(to_rfc3339),
                engagement_rate: rate,
                credited_inquiries: p.credited_inquiries,
                credited_clients: p.credited_clients,
                credited_revenue_cents: p.credited_revenue_cents,
                published_at_ms: b.published_at_ms,
            })
        })
        .collect())
}

/// The snapshots (in channel, measure, time order) as one chart series per channel and measure,
/// channels by name.
fn chart_series(
    store: &Store,
    snapshots: &[crate::store::SnapshotRow],
) -> Result<Vec<ChartSeries>> {
    let names: HashMap<i64, String> = store
        .list_channels()?
        .into_iter()
        .map(|c| (c.id, c.name))
        .collect();
    let mut out: Vec<ChartSeries> = Vec::new();
    for s in snapshots {
        match out.last_mut() {
            Some(c) if c.channel_id == s.channel_id && c.measure == s.measure => {
                c.at_ms.push(s.at_ms);
                c.size.push(s.size);
            }
            _ => out.push(ChartSeries {
                channel_id: s.channel_id,
                channel: names.get(&s.channel_id).cloned().unwrap_or_default(),
                measure: s.measure,
                at_ms: vec![s.at_ms],
                size: vec![s.size],
            }),
        }
    }
    out.sort_by(|a, b| {
        chart_order(
            (&a.channel, a.channel_id, a.measure),
            (&b.channel, b.channel_id, b.measure),
        )
    });
    Ok(out)
}

/// The chart's order of series: channels by name (ignoring case), then id, then measure.
pub(crate) fn chart_order(
    a: (&str, i64, AudienceMeasure),
    b: (&str, i64, AudienceMeasure),
) -> std::cmp::Ordering {
    a.0.to_lowercase()
        .cmp(&b.0.to_lowercase())
        .then(a.1.cmp(&b.1))
        .then(a.2.cmp(&b.2))
}

fn post_basics(store: &Store) -> Result<HashMap<i64, PostBasics>> {
    store.read(|c| {
        let mut stmt = c.prepare_cached(
            "SELECT p.id, p.channel_id, p.published_at_ms, p.kind, c.kind
             FROM posts p JOIN channels c ON c.id = p.channel_id WHERE p.deleted_at_ms IS NULL",
        )?;
        let rows = stmt.query_map([], |r| {
            let kind: PostKind = r.get(3)?;
            let channel_kind: ChannelKind = r.get(4)?;
            Ok((
                r.get::<_, i64>(0)?,
                PostBasics {
                    channel_id: r.get(1)?,
                    published_at_ms: r.get(2)?,
                    newsletter: kind == PostKind::Newsletter
                        || channel_kind == ChannelKind::Newsletter,
                },
            ))
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    })
}

fn inquiry_moments(store: &Store) -> Result<Vec<InquiryMoment>> {
    store.read(|c| {
        let mut stmt = c.prepare_cached(
            "SELECT received_at_ms, status FROM inquiries WHERE deleted_at_ms IS NULL
             ORDER BY received_at_ms",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok(InquiryMoment {
                received_at_ms: r.get(0)?,
                is_client: r.get::<_, InquiryStatus>(1)? == InquiryStatus::Client,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    })
}
