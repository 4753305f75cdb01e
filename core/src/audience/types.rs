//! What the Audience view and `afterword audience` get. Field names are a contract: add
//! fields, never rename them.

use serde::Serialize;
use ts_rs::TS;

use super::rate::EngagementBasis;
use crate::model::{AudienceMeasure, PostKind, PostMetrics};

/// One post's engagement next to what followed it. Every number that could not be known is
/// `null`, never 0.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct PostEngagement {
    #[ts(type = "number")]
    pub id: i64,
    /// RFC 3339, UTC, with a 'Z'.
    pub published_at: String,
    pub channel: String,
    pub kind: PostKind,
    pub title: String,
    /// The latest recorded numbers.
    pub metrics: PostMetrics,
    /// Reactions + comments + reposts (or the total an export gave); a newsletter's opens.
    #[ts(type = "number | null")]
    pub engagements: Option<i64>,
    pub engagement_basis: Option<EngagementBasis>,
    /// The audience at the time of the post: the latest snapshot before it (or a newsletter's
    /// own recipients when there is none).
    #[ts(type = "number | null")]
    pub audience_size: Option<i64>,
    /// The snapshot's measure; null when the size is the newsletter's recipients (or unknown).
    pub audience_measure: Option<AudienceMeasure>,
    /// When that snapshot was taken (RFC 3339 UTC); null for recipients (or unknown).
    pub audience_at: Option<String>,
    /// engagements / audience_size, as a fraction (0.05 is 5%).
    pub engagement_rate: Option<f64>,
    /// From the insights engine, with the user's attribution settings.
    pub credited_inquiries: f64,
    pub credited_clients: f64,
    #[ts(type = "number")]
    pub credited_revenue_cents: i64,
    #[serde(skip)]
    #[ts(skip)]
    pub published_at_ms: i64,
}

/// One channel's audience at the end of a month.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct MonthAudience {
    #[ts(type = "number")]
    pub channel_id: i64,
    pub channel: String,
    pub measure: AudienceMeasure,
    /// The latest snapshot before the month ended; null before the first one.
    #[ts(type = "number | null")]
    pub size: Option<i64>,
}

/// One calendar month (local time): audience, engagement and outcome side by side.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct AudienceMonth {
    /// "YYYY-MM".
    pub month: String,
    pub audience: Vec<MonthAudience>,
    /// Posts published that month.
    #[ts(type = "number")]
    pub posts: i64,
    /// Of those, the ones with an engagement rate.
    #[ts(type = "number")]
    pub posts_with_rate: i64,
    /// The median engagement rate of those; null when none has one.
    pub median_engagement_rate: Option<f64>,
    /// Inquiries received that month.
    #[ts(type = "number")]
    pub inquiries: i64,
    /// Of those, the ones that became clients.
    #[ts(type = "number")]
    pub clients: i64,
}

/// Whether a count went up, down, or stayed within what chance alone would give.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Trend {
    Up,
    Down,
    AboutSame,
}

/// A plain-language observation; the view words it (English, Dutch) from these numbers.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[ts(export)]
pub enum Observation {
    /// Fewer than 10 posts with an engagement rate, or fewer than 5 inquiries: anything more
    /// would be noise presented as a finding.
    TooEarly {
        #[ts(type = "number")]
        posts_with_rate: i64,
        #[ts(type = "number")]
        inquiries: i64,
    },
    /// The audience changed by `growth` (0.4 is 40%) between its first and latest snapshot,
    /// while inquiries per month went from `before` (first half of that time) to `after`.
    AudienceVsInquiries {
        channel: String,
        measure: AudienceMeasure,
        growth: f64,
        #[ts(type = "number")]
        months: i64,
        inquiries_per_month_before: f64,
        inquiries_per_month_after: f64,
        trend: Trend,
    },
    /// The third of posts with the fewest engagements and the third with the most, and the
    /// clients credited to each.
    QuietVsLoud {
        #[ts(type = "number")]
        posts: i64,
        quiet_clients: f64,
        loud_clients: f64,
        quiet_inquiries: f64,
        loud_inquiries: f64,
    },
}

/// A channel's audience in one measure, for the chart: times (epoch ms) and sizes side by side,
/// oldest first. (`afterword audience --json` prints the same points with RFC 3339 times.)
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct ChartSeries {
    #[ts(type = "number")]
    pub channel_id: i64,
    pub channel: String,
    pub measure: AudienceMeasure,
    #[ts(type = "number[]")]
    pub at_ms: Vec<i64>,
    #[ts(type = "number[]")]
    pub size: Vec<i64>,
}

/// The Audience view.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct AudienceOverview {
    pub series: Vec<ChartSeries>,
    /// Oldest first, from the first month with anything in it to this month.
    pub months: Vec<AudienceMonth>,
    pub observations: Vec<Observation>,
    /// In the table's order (what followed first); maybe only its first page.
    pub posts: Vec<PostEngagement>,
    /// All posts, also when `posts` holds only the first page.
    #[ts(type = "number")]
    pub total_posts: i64,
}

/// One series' first and latest size: what the chart says in words.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct SeriesHeadline {
    #[ts(type = "number")]
    pub channel_id: i64,
    pub channel: String,
    pub measure: AudienceMeasure,
    #[ts(type = "number")]
    pub points: i64,
    #[ts(type = "number")]
    pub first_at_ms: i64,
    #[ts(type = "number")]
    pub first_size: i64,
    #[ts(type = "number")]
    pub latest_at_ms: i64,
    #[ts(type = "number")]
    pub latest_size: i64,
}

/// What the Audience view paints first, a few index lookups however long the history: each
/// series' first and latest size, and how many posts, conversations and clients there are.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct AudienceHeadline {
    /// In the chart's order (channels by name, then measure).
    pub series: Vec<SeriesHeadline>,
    #[ts(type = "number")]
    pub posts: i64,
    #[ts(type = "number")]
    pub inquiries: i64,
    #[ts(type = "number")]
    pub clients: i64,
}
