//! Attribution: which messages brought clients. See the attribution contract in DESIGN.md.
//!
//! - `settings`: the model, the window and the half-life;
//! - `engine`: one pass sharing every inquiry's credit over posts;
//! - `cents`: sharing revenue without losing a cent;
//! - `groups`, `baseline`: comparisons and lift;
//! - `load`: reading the facts from the store; `report`: the shapes the CLI and UI get.
//!
//! Ranges: a report over `from`..`to` attributes the inquiries *received* in it, with every
//! post as a candidate, so an inquiry on 2 January can still be credited to a post of
//! 31 December. It lists the posts *published* in it, plus (so that credit is never hidden
//! and the totals add up) the earlier posts credited for its inquiries. Groups and the baseline
//! use the same posts.

mod baseline;
mod cents;
mod engine;
mod facts;
mod groups;
mod load;
mod par;
mod range;
mod report;
mod rfc3339;
mod settings;

use chrono::TimeZone;

pub use facts::{InquiryFacts, PostFacts};
pub use range::DateRange;
pub use report::{
    GroupInsight, InquiryCredit, InsightGroups, InsightsBaseline, InsightsReport, InsightsTotals,
    PostInsight,
};
pub use settings::{
    AttributionModel, InsightSettings, DEFAULT_HALF_LIFE_DAYS, DEFAULT_WINDOW_DAYS,
    MAX_HALF_LIFE_DAYS, MAX_WINDOW_DAYS,
};

use crate::error::Result;
use crate::store::Store;
use crate::time::MS_PER_DAY;

/// The report over the store: what `afterword report --json` prints. The day-level parts (the
/// range's days, weekdays) use `tz`; windows and decay use elapsed time.
///
/// For the baseline, an open or future end should be cut at now ([`DateRange::until`]), or the
/// hours that have not happened yet would count as time without inquiries.
pub fn report<Tz: TimeZone>(
    store: &Store,
    settings: &InsightSettings,
    range: &DateRange,
    tz: &Tz,
) -> Result<InsightsReport> {
    settings.validate()?;
    let (posts, inquiries) = load::load(store, settings, range)?;
    attribute(&posts, &inquiries, settings, range, tz)
}

/// The report over plain facts (posts and inquiries in any order; ids unique). Inquiries outside
/// `range` are ignored; posts outside it are candidates but listed only when credited.
pub fn attribute<Tz: TimeZone>(
    posts: &[PostFacts],
    inquiries: &[InquiryFacts],
    settings: &InsightSettings,
    range: &DateRange,
    tz: &Tz,
) -> Result<InsightsReport> {
    settings.validate()?;
    let mut done = engine::attribute_all(posts, inquiries, settings, range);

    // Positions in time order of the posts the report lists.
    let listed: Vec<usize> = (0..posts.len())
        .filter(|&pos| range.contains(done.times[pos]) || !done.tallies[pos].credits.is_empty())
        .collect();

    // The period the baseline observes: the range, or where it is open, from the first thing
    // that happened in it to now (or, not knowing now, to the last thing), cut at now.
    let first_post = listed.first().map(|&pos| done.times[pos]);
    let last_post = listed.last().map(|&pos| done.times[pos]);
    let start_ms = range
        .start_ms
        .or_else(|| min_opt(first_post, done.first_inquiry_ms))
        .unwrap_or(0);
    let last_event = max_opt(last_post, done.last_inquiry_ms).map(|t| t.saturating_add(1));
    // Never before the last thing that happened: an inquiry logged ahead of time is still seen.
    let now = range
        .now_ms
        .map(|now| max_opt(Some(now), last_event).unwrap_or(now));
    let end_ms = match (range.end_ms, now) {
        (Some(end), Some(now)) => end.min(now),
        (Some(end), None) => end,
        (None, Some(now)) => now,
        (None, None) => last_event.unwrap_or(start_ms),
    }
    .max(start_ms);
    let baseline = baseline::baseline(&baseline::BaselineInput {
        post_times: &done.times,
        window_ms: settings.window_days.saturating_mul(MS_PER_DAY),
        start_ms,
        end_ms,
        inquiries_inside: done.inquiries_inside,
        inquiries_outside: done.inquiries_outside,
        posts: listed.len() as i64,
    });
    let groups = groups::groups(posts, &done.sorted, &done.tallies, &listed, tz);

    // One entry per listed post; the strings and lists make this worth a thread per core.
    let threads = par::threads_for(listed.len(), POSTS_PER_THREAD);
    let mut bounds: Vec<usize> = par::even_bounds(listed.len(), threads)
        .iter()
        .map(|&k| listed.get(k).copied().unwrap_or(posts.len()))
        .collect();
    if let Some(first) = bounds.first_mut() {
        *first = 0;
    }
    bounds.dedup();
    let sorted = &done.sorted;
    let parts = par::chunks(&mut done.tallies, &bounds, |start, tallies| {
        let end = start + tallies.len();
        let from = listed.partition_point(|&pos| pos < start);
        let to = listed.partition_point(|&pos| pos < end);
        listed[from..to]
            .iter()
            .map(|&pos| post_insight(&posts[sorted[pos]], &mut tallies[pos - start]))
            .collect::<Vec<_>>()
    });
    let mut post_insights = Vec::with_capacity(listed.len());
    for part in parts {
        post_insights.extend(part);
    }

    Ok(InsightsReport {
        model: settings.model.cli_name().to_string(),
        window_days: settings.window_days,
        half_life_days: settings.half_life_days,
        totals: InsightsTotals {
            posts: listed.len() as i64,
            inquiries: done.inquiries,
            clients: done.clients,
            revenue_cents: done.revenue_cents,
            unattributed_inquiries: done.unattributed,
            unattributed_clients: done.unattributed_clients,
            unattributed_revenue_cents: done.unattributed_revenue_cents,
        },
        posts: post_insights,
        groups,
        baseline,
    })
}

/// Listed posts that make a thread worth starting for the report's per-post part.
const POSTS_PER_THREAD: usize = 5_000;

fn post_insight(post: &PostFacts, tally: &mut engine::Tally) -> PostInsight {
    let tally = std::mem::take(tally);
    PostInsight {
        id: post.id,
        published_at: rfc3339::utc_seconds(post.published_at_ms),
        channel: post.channel.clone(),
        kind: post.kind,
        title: post.title.clone(),
        felt: post.felt,
        motive: post.motive,
        minutes: post.minutes,
        credited_inquiries: tally.inquiries,
        credited_clients: tally.clients,
        credited_revenue_cents: tally.revenue_cents,
        days_to_first_inquiry: tally
            .first_credit_ms
            .map(|t| (t - post.published_at_ms) as f64 / MS_PER_DAY as f64),
        inquiries: tally.credits,
    }
}

fn min_opt(a: Option<i64>, b: Option<i64>) -> Option<i64> {
    match (a, b) {
        (Some(x), Some(y)) => Some(x.min(y)),
        (x, y) => x.or(y),
    }
}

fn max_opt(a: Option<i64>, b: Option<i64>) -> Option<i64> {
    match (a, b) {
        (Some(x), Some(y)) => Some(x.max(y)),
        (x, y) => x.or(y),
    }
}
