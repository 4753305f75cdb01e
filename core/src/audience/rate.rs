//! Engagement and the audience at a moment. Missing stays missing: no number is ever made up
//! from nothing, and a rate needs both an engagement count and an audience above zero.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::model::{AudienceMeasure, PostMetrics};
use crate::store::SnapshotRow;

/// Where a post's engagement count comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum EngagementBasis {
    /// Reactions + comments + reposts (those recorded).
    Parts,
    /// The single total an export gave (no parts recorded).
    Total,
    /// A newsletter: its opens.
    Opens,
}

/// A post's engagement count: for a newsletter its opens; for anything else reactions +
/// comments + reposts, or the `engagements` total when none of those is recorded. A part that
/// was not recorded adds nothing to the sum, but when no part (and no total, or no opens) is
/// recorded there is no count at all: `None`, never 0.
pub fn engagement(m: &PostMetrics, newsletter: bool) -> Option<(i64, EngagementBasis)> {
    if newsletter {
        return m.opens.map(|o| (o, EngagementBasis::Opens));
    }
    let parts = [m.reactions, m.comments, m.reposts];
    if parts.iter().any(Option::is_some) {
        let sum = parts
            .iter()
            .flatten()
            .fold(0i64, |a, b| a.saturating_add(*b));
        return Some((sum, EngagementBasis::Parts));
    }
    m.engagements.map(|t| (t, EngagementBasis::Total))
}

/// The audience a post spoke to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AudienceAt {
    pub size: i64,
    /// The snapshot's measure; `None` when the size is the newsletter's own recipients.
    pub measure: Option<AudienceMeasure>,
    /// When the snapshot was taken; `None` for recipients.
    pub at_ms: Option<i64>,
}

/// Snapshots by channel and measure, oldest first, for lookups by time.
#[derive(Debug, Default)]
pub struct AudienceIndex {
    series: HashMap<(i64, AudienceMeasure), Vec<(i64, i64)>>,
}

impl AudienceIndex {
    pub fn new(rows: &[SnapshotRow]) -> Self {
        let mut series: HashMap<(i64, AudienceMeasure), Vec<(i64, i64)>> = HashMap::new();
        for r in rows {
            series
                .entry((r.channel_id, r.measure))
                .or_default()
                .push((r.at_ms, r.size));
        }
        for points in series.values_mut() {
            // Stable: of two snapshots at the same moment, the later recorded one wins.
            points.sort_by_key(|p| p.0);
        }
        AudienceIndex { series }
    }

    /// The latest snapshot of `measure` on `channel_id` taken at or before `at_ms` (never one
    /// after: the audience a post spoke to is the one it had then).
    pub fn size_at(
        &self,
        channel_id: i64,
        measure: AudienceMeasure,
        at_ms: i64,
    ) -> Option<(i64, i64)> {
        let points = self.series.get(&(channel_id, measure))?;
        let n = points.partition_point(|p| p.0 <= at_ms);
        n.checked_sub(1).map(|i| points[i])
    }

    /// The audience at the time of a post: for a newsletter the latest subscribers snapshot
    /// before it, else the newsletter's own recipients; for anything else (LinkedIn and the
    /// rest) followers when there is a followers snapshot before it, else connections, else
    /// subscribers.
    pub fn audience_for(
        &self,
        channel_id: i64,
        published_at_ms: i64,
        newsletter: bool,
        metrics: &PostMetrics,
    ) -> Option<AudienceAt> {
        let order: &[AudienceMeasure] = if newsletter {
            &[AudienceMeasure::Subscribers]
        } else {
            &[
                AudienceMeasure::Followers,
                AudienceMeasure::Connections,
                AudienceMeasure::Subscribers,
            ]
        };
        let from_snapshot = order.iter().find_map(|&measure| {
            self.size_at(channel_id, measure, published_at_ms)
                .map(|(at_ms, size)| AudienceAt {
                    size,
                    measure: Some(measure),
                    at_ms: Some(at_ms),
                })
        });
        from_snapshot.or_else(|| {
            newsletter
                .then_some(metrics.recipients)
                .flatten()
                .map(|size| AudienceAt {
                    size,
                    measure: None,
                    at_ms: None,
                })
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn missing_parts_and_missing_everything() {
        let mut m = PostMetrics::default();
        assert_eq!(engagement(&m, false), None);
        assert_eq!(engagement(&m, true), None);
        m.engagements = Some(40);
        assert_eq!(engagement(&m, false), Some((40, EngagementBasis::Total)));
        m.reactions = Some(2);
        assert_eq!(engagement(&m, false), Some((2, EngagementBasis::Parts)));
        m.comments = Some(0);
        m.reposts = Some(1);
        assert_eq!(engagement(&m, false), Some((3, EngagementBasis::Parts)));
        // A newsletter without opens has no engagement, whatever else is known.
        assert_eq!(engagement(&m, true), None);
        m.opens = Some(120);
        assert_eq!(engagement(&m, true), Some((120, EngagementBasis::Opens)));
    }
}
