//! The report: what `afterword report --json` prints and the insights view shows. The field names
//! are a contract (README, CLI); add fields, never rename them.

use std::sync::Arc;

use serde::Serialize;
use ts_rs::TS;

use super::credits::CreditList;

use crate::model::{Felt, Motive, PostKind};

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct InsightsReport {
    /// The command-line spelling: "time-decay", "last-touch", ...
    #[ts(
        type = "\"confirmed-only\" | \"last-touch\" | \"first-touch\" | \"linear\" | \"time-decay\" | \"position\""
    )]
    pub model: String,
    #[ts(type = "number")]
    pub window_days: i64,
    pub half_life_days: f64,
    pub totals: InsightsTotals,
    /// Posts published in the range (all posts when there is none), plus any earlier post that
    /// was credited for an inquiry received in the range, oldest first.
    pub posts: Vec<PostInsight>,
    pub groups: InsightGroups,
    pub baseline: InsightsBaseline,
}

/// Credited to posts plus unattributed equals these, for inquiries, clients and cents alike.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct InsightsTotals {
    /// Posts in the report's `posts` list.
    #[ts(type = "number")]
    pub posts: i64,
    /// Inquiries received in the range.
    #[ts(type = "number")]
    pub inquiries: i64,
    /// Of those, the ones that became clients.
    #[ts(type = "number")]
    pub clients: i64,
    /// The value of those clients.
    #[ts(type = "number")]
    pub revenue_cents: i64,
    /// Inquiries credited to no post: no post in their window, marked "not from my posts", or
    /// (model confirmed-only) no confirmed source. A whole number: credit is never split
    /// between posts and "unattributed".
    #[ts(type = "number")]
    pub unattributed_inquiries: i64,
    #[ts(type = "number")]
    pub unattributed_clients: i64,
    #[ts(type = "number")]
    pub unattributed_revenue_cents: i64,
}

/// What followed one post.
#[derive(Debug, Clone, Default, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct PostInsight {
    #[ts(type = "number")]
    pub id: i64,
    /// RFC 3339, UTC, with a 'Z'.
    pub published_at: String,
    #[ts(type = "string")]
    pub channel: Arc<str>,
    pub kind: PostKind,
    #[ts(type = "string")]
    pub title: Arc<str>,
    pub felt: Option<Felt>,
    pub motive: Option<Motive>,
    pub minutes: Option<u32>,
    /// Sum of this post's weights over the inquiries credited to it.
    pub credited_inquiries: f64,
    /// The same, over inquiries that became clients.
    pub credited_clients: f64,
    /// Its share of those clients' value (weight x value), in whole cents: within a cent of
    /// the exact share. The shares are rounded by the largest-remainder method, so the posts
    /// and "unattributed" add up to the total to the last cent.
    #[ts(type = "number")]
    pub credited_revenue_cents: i64,
    /// Elapsed days (24 h) from the post to the first inquiry credited to it; null when none.
    pub days_to_first_inquiry: Option<f64>,
    /// The inquiries credited to it (weight > 0), in the order they came in.
    #[ts(as = "Vec<InquiryCredit>")]
    pub inquiries: CreditList,
}

/// The report without the lists of credited inquiries: what the insights view asks for first.
/// Every number is the one [`InsightsReport`] has; a post's list is asked for on its own
/// (`post_credits`) when the user points at it. Ten years of a busy writer's posts make
/// millions of (inquiry, post) credits, and the view shows five of them at a time.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct InsightsSummary {
    #[ts(
        type = "\"confirmed-only\" | \"last-touch\" | \"first-touch\" | \"linear\" | \"time-decay\" | \"position\""
    )]
    pub model: String,
    #[ts(type = "number")]
    pub window_days: i64,
    pub half_life_days: f64,
    pub totals: InsightsTotals,
    /// The posts of [`InsightsReport::posts`], in the same order; or, cut to the first page
    /// ([`InsightsSummary::first_page`]), only the posts that page shows. `totals.posts`
    /// always counts them all.
    pub posts: Vec<PostSummary>,
    pub groups: InsightGroups,
    pub baseline: InsightsBaseline,
}

impl InsightsSummary {
    /// Only the first `n` posts in the order the view's "What followed" table starts in: most
    /// credited inquiries first, ties newest first (by `published_at`, then by id). What the
    /// view needs for its first paint; the rest follows.
    pub fn first_page(mut self, n: usize) -> InsightsSummary {
        use std::cmp::Ordering;
        let order = |a: &PostSummary, b: &PostSummary| {
            b.credited_inquiries
                .partial_cmp(&a.credited_inquiries)
                .unwrap_or(Ordering::Equal)
                .then_with(|| b.published_at.cmp(&a.published_at))
                .then_with(|| b.id.cmp(&a.id))
        };
        if n < self.posts.len() {
            self.posts.select_nth_unstable_by(n, order);
            self.posts.truncate(n);
        }
        self.posts.sort_by(order);
        self
    }
}

/// What followed one post, as in [`PostInsight`], with the number of credited inquiries in
/// place of their list.
#[derive(Debug, Clone, Default, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct PostSummary {
    #[ts(type = "number")]
    pub id: i64,
    /// RFC 3339, UTC, with a 'Z'.
    pub published_at: String,
    #[ts(type = "string")]
    pub channel: Arc<str>,
    pub kind: PostKind,
    #[ts(type = "string")]
    pub title: Arc<str>,
    pub felt: Option<Felt>,
    pub motive: Option<Motive>,
    pub minutes: Option<u32>,
    pub credited_inquiries: f64,
    pub credited_clients: f64,
    #[ts(type = "number")]
    pub credited_revenue_cents: i64,
    pub days_to_first_inquiry: Option<f64>,
    /// How many inquiries are credited to it (weight > 0): the length of its `inquiries` list
    /// in [`InsightsReport`].
    #[ts(type = "number")]
    pub credit_count: u64,
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct InquiryCredit {
    #[ts(type = "number")]
    pub id: i64,
    /// This post's share of the inquiry, in (0, 1]; the shares of one inquiry sum to 1.
    pub weight: f64,
}

/// Comparisons of kinds of messages. Each list holds only groups with at least one post.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct InsightGroups {
    /// By channel name, alphabetically.
    pub channel: Vec<GroupInsight>,
    /// By kind (post, article, newsletter, video, other).
    pub kind: Vec<GroupInsight>,
    /// By how it felt to write; "unknown" when not logged.
    pub felt: Vec<GroupInsight>,
    /// By why it was posted; "unknown" when not logged.
    pub motive: Vec<GroupInsight>,
    /// By the weekday it was published on, in the user's time zone: "monday" .. "sunday".
    pub weekday: Vec<GroupInsight>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct GroupInsight {
    pub key: String,
    #[ts(type = "number")]
    pub posts: i64,
    pub credited_inquiries: f64,
    pub credited_clients: f64,
    #[ts(type = "number")]
    pub credited_revenue_cents: i64,
    pub inquiries_per_post: f64,
    pub clients_per_post: f64,
    pub revenue_per_post_cents: f64,
    /// Credited clients per hour of writing, over the posts whose minutes are known; null when
    /// none are (or they add up to zero minutes).
    pub clients_per_hour: Option<f64>,
    /// Fewer than 10 posts, or fewer than 5 inquiries credited: too early to tell. The numbers
    /// are still there, but they are not a finding.
    pub too_early: bool,
}

/// Do inquiries come in more often while a post is fresh? The inquiry rate on time inside some
/// post's window versus time inside none, in elapsed days. Every inquiry received in the range
/// counts, also those marked "not from my posts": this compares raw rates, and such inquiries
/// arrive inside and outside windows alike, which can only pull the lift towards 1.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct InsightsBaseline {
    pub rate_inside_per_day: f64,
    pub rate_outside_per_day: f64,
    /// inside / outside; null when there is no outside time or no inquiry came in outside.
    pub lift: Option<f64>,
    /// A 95% interval for the lift (ratio of two Poisson rates, log method); null when an
    /// inquiry count on either side is zero.
    pub lift_low: Option<f64>,
    pub lift_high: Option<f64>,
    pub inside_days: f64,
    pub outside_days: f64,
    #[ts(type = "number")]
    pub inquiries_inside: i64,
    #[ts(type = "number")]
    pub inquiries_outside: i64,
    /// Fewer than 5 inquiries or fewer than 10 posts: too early to tell.
    pub too_early: bool,
}
