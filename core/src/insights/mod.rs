//! Attribution: which messages brought clients. See the attribution contract in DESIGN.md.
//!
//! - `settings`: the model, the window and the half-life;
//! - `engine`: one pass sharing every inquiry's credit over posts;
//! - `credits`: a post's list of credited inquiries, worked out from that pass as it is read;
//! - `cents`: sharing revenue without losing a cent;
//! - `groups`, `baseline`: comparisons and lift;
//! - `load`: reading the facts from the store; `report`: the shapes the CLI and UI get.
//!
//! Two shapes of the same numbers: [`report`] (what `afterword report --json` prints) lists
//! every post's credited inquiries with their weights; [`summary`] (what the insights view
//! asks for) has the same numbers without those lists, and [`post_credits`] gives one post's
//! list when the user points at it. Every list together holds one entry per (inquiry, post)
//! pair, millions in a dense report: the report carries what they are worked out from, and
//! printing them is the cost of the output.
//!
//! Ranges: a report over `from`..`to` attributes the inquiries *received* in it, with every
//! post as a candidate, so an inquiry on 2 January can still be credited to a post of
//! 31 December. It lists the posts *published* in it, plus (so that credit is never hidden
//! and the totals add up) the earlier posts credited for its inquiries. Groups and the baseline
//! use the same posts.

mod baseline;
mod cents;
mod credits;
mod engine;
mod facts;
mod groups;
mod load;
mod par;
mod range;
mod report;
mod rfc3339;
mod settings;

use std::sync::Arc;

use chrono::TimeZone;

pub use credits::{CreditList, Credits};
pub use facts::{InquiryFacts, PostFacts};
pub use range::DateRange;
pub use report::{
    GroupInsight, InquiryCredit, InsightGroups, InsightsBaseline, InsightsReport, InsightsSummary,
    InsightsTotals, PostInsight, PostSummary,
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
pub fn report<Tz: TimeZone + Sync>(
    store: &Store,
    settings: &InsightSettings,
    range: &DateRange,
    tz: &Tz,
) -> Result<InsightsReport> {
    settings.validate()?;
    let (posts, inquiries) = load::load(store, settings, range)?;
    attribute(&posts, &inquiries, settings, range, tz)
}

/// [`report`] without the lists of credited inquiries: what the insights view shows first.
pub fn summary<Tz: TimeZone + Sync>(
    store: &Store,
    settings: &InsightSettings,
    range: &DateRange,
    tz: &Tz,
) -> Result<InsightsSummary> {
    settings.validate()?;
    let (posts, inquiries) = load::load(store, settings, range)?;
    summarise(&posts, &inquiries, settings, range, tz)
}

/// The inquiries credited to one post, with their weights: its `inquiries` in [`report`] over
/// the same settings and range, or an empty list when that report does not list the post (or
/// there is no such post). Reads only the posts and inquiries that can bear on it.
pub fn post_credits(
    store: &Store,
    settings: &InsightSettings,
    range: &DateRange,
    post_id: i64,
) -> Result<Vec<InquiryCredit>> {
    settings.validate()?;
    let (posts, inquiries) = load::load_around(store, settings, range, post_id)?;
    attribute_post(&posts, &inquiries, settings, range, post_id)
}

/// The report over plain facts (posts and inquiries in any order; ids unique). Inquiries outside
/// `range` are ignored; posts outside it are candidates but listed only when credited.
pub fn attribute<Tz: TimeZone + Sync>(
    posts: &[PostFacts],
    inquiries: &[InquiryFacts],
    settings: &InsightSettings,
    range: &DateRange,
    tz: &Tz,
) -> Result<InsightsReport> {
    let parts = analyse(posts, inquiries, settings, range, tz)?;
    let (common, posts) = parts.finish(posts, PostInsight::default(), post_insight);
    Ok(InsightsReport {
        model: common.model,
        window_days: common.window_days,
        half_life_days: common.half_life_days,
        totals: common.totals,
        posts,
        groups: common.groups,
        baseline: common.baseline,
    })
}

/// [`attribute`] without the lists of credited inquiries: the same numbers, the same posts in
/// the same order.
pub fn summarise<Tz: TimeZone + Sync>(
    posts: &[PostFacts],
    inquiries: &[InquiryFacts],
    settings: &InsightSettings,
    range: &DateRange,
    tz: &Tz,
) -> Result<InsightsSummary> {
    let parts = analyse(posts, inquiries, settings, range, tz)?;
    let (common, posts) = parts.finish(posts, PostSummary::default(), post_summary);
    Ok(InsightsSummary {
        model: common.model,
        window_days: common.window_days,
        half_life_days: common.half_life_days,
        totals: common.totals,
        posts,
        groups: common.groups,
        baseline: common.baseline,
    })
}

/// One post's list of credited inquiries over plain facts, as [`attribute`] lists it (empty
/// when it does not list the post).
pub fn attribute_post(
    posts: &[PostFacts],
    inquiries: &[InquiryFacts],
    settings: &InsightSettings,
    range: &DateRange,
    post_id: i64,
) -> Result<Vec<InquiryCredit>> {
    settings.validate()?;
    let done = engine::attribute_all(posts, inquiries, settings, range);
    let list = done
        .sorted
        .iter()
        .position(|&i| posts[i].id == post_id)
        .map(|pos| CreditList::worked(&done.credits, pos, done.tallies[pos].count));
    Ok(list.map(|l| l.to_vec()).unwrap_or_default())
}

/// Everything of a report but its posts.
struct Common {
    model: String,
    window_days: i64,
    half_life_days: f64,
    totals: InsightsTotals,
    groups: InsightGroups,
    baseline: InsightsBaseline,
}

/// The attribution pass, and what the report's posts are made from.
struct Parts<'a> {
    common: Common,
    done: engine::Attribution,
    /// Positions in time order of the posts the report lists.
    listed: Vec<usize>,
    /// Their groups (and channel names).
    placed: groups::Placed<'a>,
}

fn analyse<'a, Tz: TimeZone + Sync>(
    posts: &'a [PostFacts],
    inquiries: &[InquiryFacts],
    settings: &InsightSettings,
    range: &DateRange,
    tz: &Tz,
) -> Result<Parts<'a>> {
    settings.validate()?;
    let done = engine::attribute_all(posts, inquiries, settings, range);

    // Positions in time order of the posts the report lists.
    let listed: Vec<usize> = (0..posts.len())
        .filter(|&pos| range.contains(done.times[pos]) || done.tallies[pos].count > 0)
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
    let placed = groups::place(posts, &done.sorted, &listed, tz);
    let groups = groups::groups(&placed, &done.tallies, &listed);
    let common = Common {
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
        groups,
        baseline,
    };
    Ok(Parts {
        common,
        done,
        listed,
        placed,
    })
}

impl Parts<'_> {
    /// One entry per listed post, oldest first, made by `make` (from the post, its credit and
    /// its channel's name); the strings (and, in the full report, the lists) make this worth a
    /// thread per core.
    fn finish<T: Send + Clone>(
        self,
        posts: &[PostFacts],
        blank: T,
        make: impl Fn(&PostFacts, engine::Tally, &Arc<str>, CreditRef<'_>) -> T + Sync,
    ) -> (Common, Vec<T>) {
        let Parts {
            common,
            done,
            listed,
            placed,
        } = self;
        let sorted = &done.sorted;
        let tallies = &done.tallies;
        // (Every listed post has a channel; this is for the impossible case.)
        let no_channel: Arc<str> = Arc::from("");
        let entry = |k: usize| {
            let pos = listed[k];
            let list = CreditRef {
                source: &done.credits,
                pos,
            };
            let channel = placed.channel(k).unwrap_or(&no_channel);
            make(&posts[sorted[pos]], tallies[pos], channel, list)
        };
        // One vector, its parts filled in place by a thread each: no part to copy into the
        // whole afterwards (a copy that also takes as much fresh memory again). `blank` has
        // empty strings and list, so copying it allocates nothing.
        let mut out = vec![blank; listed.len()];
        let threads = par::threads_for(listed.len(), POSTS_PER_THREAD);
        let bounds = par::even_bounds(listed.len(), threads);
        par::chunks(&mut out, &bounds, |from, part| {
            let mine = listed.get(from..from + part.len()).unwrap_or(&[]);
            groups::touch(mine.iter().map(|&pos| &*posts[sorted[pos]].title));
            for (k, slot) in (from..).zip(part.iter_mut()) {
                *slot = entry(k);
            }
        });
        (common, out)
    }
}

/// Listed posts that make a thread worth starting for the report's per-post part.
const POSTS_PER_THREAD: usize = 5_000;

/// Where a post's list of credited inquiries is worked out from.
#[derive(Clone, Copy)]
struct CreditRef<'a> {
    source: &'a Arc<credits::CreditSource>,
    pos: usize,
}

fn post_insight(
    post: &PostFacts,
    tally: engine::Tally,
    channel: &Arc<str>,
    list: CreditRef<'_>,
) -> PostInsight {
    PostInsight {
        id: post.id,
        published_at: rfc3339::utc_seconds(post.published_at_ms),
        channel: Arc::clone(channel),
        kind: post.kind,
        title: Arc::clone(&post.title),
        felt: post.felt,
        motive: post.motive,
        minutes: post.minutes,
        credited_inquiries: tally.inquiries,
        credited_clients: tally.clients,
        credited_revenue_cents: tally.revenue_cents,
        days_to_first_inquiry: tally
            .first_credit_ms
            .map(|t| (t - post.published_at_ms) as f64 / MS_PER_DAY as f64),
        inquiries: CreditList::worked(list.source, list.pos, tally.count),
    }
}

fn post_summary(
    post: &PostFacts,
    tally: engine::Tally,
    channel: &Arc<str>,
    _: CreditRef<'_>,
) -> PostSummary {
    PostSummary {
        id: post.id,
        published_at: rfc3339::utc_seconds(post.published_at_ms),
        channel: Arc::clone(channel),
        kind: post.kind,
        title: Arc::clone(&post.title),
        felt: post.felt,
        motive: post.motive,
        minutes: post.minutes,
        credited_inquiries: tally.inquiries,
        credited_clients: tally.clients,
        credited_revenue_cents: tally.revenue_cents,
        days_to_first_inquiry: tally
            .first_credit_ms
            .map(|t| (t - post.published_at_ms) as f64 / MS_PER_DAY as f64),
        credit_count: tally.count as u64,
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
