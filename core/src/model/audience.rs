//! Audience size over time, engagement per post, and the people behind the inquiries.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::word_enum;

word_enum! {
    /// What an audience snapshot counts.
    AudienceMeasure {
        Connections => "connections",
        Followers => "followers",
        Subscribers => "subscribers",
    }
}

word_enum! {
    /// One number about a post or newsletter. `Engagements` is the single total some exports
    /// give (LinkedIn analytics) when the parts are not known.
    Metric {
        Impressions => "impressions",
        Reactions => "reactions",
        Comments => "comments",
        Reposts => "reposts",
        Engagements => "engagements",
        Recipients => "recipients",
        Opens => "opens",
        Clicks => "clicks",
        Replies => "replies",
        NewSubscribers => "new_subscribers",
    }
}

word_enum! {
    /// How the user knows a person: met in person, an online contact, or not yet.
    HowKnown {
        InPerson => "in_person",
        Online => "online",
        NotYet => "not_yet",
    }
}

word_enum! {
    /// A moment a person engaged.
    TouchKind {
        Reaction => "reaction",
        Comment => "comment",
        Repost => "repost",
        Message => "message",
        Invitation => "invitation",
        Meeting => "meeting",
        Other => "other",
    }
}

/// The size of a channel's audience at a moment.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct AudienceSnapshot {
    #[ts(type = "number")]
    pub id: i64,
    #[ts(type = "number")]
    pub channel_id: i64,
    pub channel: String,
    pub measure: AudienceMeasure,
    #[ts(type = "string")]
    pub at: DateTime<Utc>,
    #[ts(type = "number")]
    pub size: i64,
    /// "manual" when typed by hand, else the import source.
    pub source: String,
}

/// What the form or the command line sends to record an audience size. Unvalidated.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct AudienceSnapshotInput {
    #[ts(type = "number")]
    pub channel_id: i64,
    /// When absent: subscribers for a newsletter channel, connections for any other.
    pub measure: Option<AudienceMeasure>,
    /// Local time "YYYY-MM-DD HH:MM", or RFC 3339 with an offset.
    pub at: String,
    #[ts(type = "number")]
    pub size: i64,
}

/// A correction of a recorded size: when (local time "YYYY-MM-DD HH:MM", or RFC 3339 with an
/// offset) and how many. Unvalidated.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct AudienceSnapshotEdit {
    pub at: String,
    #[ts(type = "number")]
    pub size: i64,
}

/// One page of a channel's recorded sizes (one measure), newest first.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct AudienceSnapshotPage {
    pub snapshots: Vec<AudienceSnapshot>,
    /// All of that channel's sizes in that measure, not only this page's.
    #[ts(type = "number")]
    pub total: i64,
}

/// One point of a series: an audience size at a moment.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct AudiencePoint {
    #[ts(type = "number")]
    pub id: i64,
    /// RFC 3339, UTC, with a 'Z'.
    pub at: String,
    #[ts(type = "number")]
    pub size: i64,
    pub source: String,
}

/// A channel's audience over time in one measure, oldest first.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct AudienceSeries {
    #[ts(type = "number")]
    pub channel_id: i64,
    pub channel: String,
    pub measure: AudienceMeasure,
    pub points: Vec<AudiencePoint>,
}

/// The latest value of each number of a post; `null` where nothing was recorded (never 0).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PostMetrics {
    #[ts(type = "number | null")]
    pub impressions: Option<i64>,
    #[ts(type = "number | null")]
    pub reactions: Option<i64>,
    #[ts(type = "number | null")]
    pub comments: Option<i64>,
    #[ts(type = "number | null")]
    pub reposts: Option<i64>,
    #[ts(type = "number | null")]
    pub engagements: Option<i64>,
    #[ts(type = "number | null")]
    pub recipients: Option<i64>,
    #[ts(type = "number | null")]
    pub opens: Option<i64>,
    #[ts(type = "number | null")]
    pub clicks: Option<i64>,
    #[ts(type = "number | null")]
    pub replies: Option<i64>,
    #[ts(type = "number | null")]
    pub new_subscribers: Option<i64>,
}

impl PostMetrics {
    pub fn get(&self, metric: Metric) -> Option<i64> {
        match metric {
            Metric::Impressions => self.impressions,
            Metric::Reactions => self.reactions,
            Metric::Comments => self.comments,
            Metric::Reposts => self.reposts,
            Metric::Engagements => self.engagements,
            Metric::Recipients => self.recipients,
            Metric::Opens => self.opens,
            Metric::Clicks => self.clicks,
            Metric::Replies => self.replies,
            Metric::NewSubscribers => self.new_subscribers,
        }
    }

    pub fn set(&mut self, metric: Metric, value: Option<i64>) {
        let slot = match metric {
            Metric::Impressions => &mut self.impressions,
            Metric::Reactions => &mut self.reactions,
            Metric::Comments => &mut self.comments,
            Metric::Reposts => &mut self.reposts,
            Metric::Engagements => &mut self.engagements,
            Metric::Recipients => &mut self.recipients,
            Metric::Opens => &mut self.opens,
            Metric::Clicks => &mut self.clicks,
            Metric::Replies => &mut self.replies,
            Metric::NewSubscribers => &mut self.new_subscribers,
        };
        *slot = value;
    }

    /// The recorded values, in [`Metric::ALL`] order.
    pub fn recorded(&self) -> Vec<(Metric, i64)> {
        Metric::ALL
            .iter()
            .filter_map(|&m| self.get(m).map(|v| (m, v)))
            .collect()
    }

    pub fn is_empty(&self) -> bool {
        self.recorded().is_empty()
    }
}

/// One recorded value of a post's number, for its history.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct MetricRecord {
    pub metric: Metric,
    #[ts(type = "number")]
    pub value: i64,
    /// RFC 3339, UTC, with a 'Z'.
    pub recorded_at: String,
    pub source: String,
}

/// A post as `afterword list posts --json` prints it: the post's own fields, plus its latest
/// numbers under `metrics`.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct PostWithMetrics {
    #[serde(flatten)]
    #[ts(flatten)]
    pub post: super::Post,
    pub metrics: PostMetrics,
}

/// A person behind inquiries and touches.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Contact {
    #[ts(type = "number")]
    pub id: i64,
    pub name: String,
    pub profile_url: Option<String>,
    pub how_known: HowKnown,
    pub notes: Option<String>,
    pub source: String,
    #[ts(type = "string")]
    pub created_at: DateTime<Utc>,
    #[ts(type = "string")]
    pub updated_at: DateTime<Utc>,
}

/// What the form sends to add or edit a contact. Unvalidated.
#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ContactInput {
    pub name: String,
    pub profile_url: Option<String>,
    pub how_known: Option<HowKnown>,
    pub notes: Option<String>,
}

/// A moment a person engaged.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ContactTouch {
    #[ts(type = "number")]
    pub id: i64,
    #[ts(type = "number")]
    pub contact_id: i64,
    #[ts(type = "number | null")]
    pub post_id: Option<i64>,
    pub kind: TouchKind,
    /// RFC 3339, UTC, with a 'Z'.
    pub at: String,
    pub source: String,
    /// The title of the post it was about (or the start of its text); null when it was about
    /// no post or that post was deleted.
    pub post_title: Option<String>,
}

/// What the form sends to add a touch by hand. Unvalidated.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct TouchInput {
    #[ts(type = "number")]
    pub contact_id: i64,
    #[ts(type = "number | null")]
    pub post_id: Option<i64>,
    pub kind: TouchKind,
    /// Local time "YYYY-MM-DD HH:MM", or RFC 3339 with an offset.
    pub at: String,
}

/// A conversation a person started.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ContactInquiry {
    #[ts(type = "number")]
    pub id: i64,
    /// RFC 3339, UTC, with a 'Z'.
    pub received_at: String,
    pub status: super::InquiryStatus,
}

/// A person on the People view: how the user knows them, what they started, what they engaged
/// with.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ContactOverview {
    pub contact: Contact,
    /// Oldest first.
    pub inquiries: Vec<ContactInquiry>,
    /// Oldest first.
    pub touches: Vec<ContactTouch>,
    /// One of their inquiries became a client.
    pub became_client: bool,
    /// They engaged on at least two different days before they first reached out (see
    /// `store::contacts` for the rule).
    pub warm: bool,
}

/// A post's numbers for its "Numbers" form: the latest values and every recorded value.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PostNumbers {
    pub latest: PostMetrics,
    /// Newest first.
    pub history: Vec<MetricRecord>,
}
