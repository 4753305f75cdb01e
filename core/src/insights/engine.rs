//! The attribution pass: every inquiry's credit shared over posts, exactly as the contract in
//! DESIGN.md ("Attribution semantics") says.
//!
//! Cost: sorting the posts is O(P log P) and the inquiries O(I log I); each inquiry's window
//! [t - W, t] is found by two pointers over the sorted post times (both ends only move forward
//! in time), O(P + I) in all. With dense data the (inquiry, candidate) pairs are many (50,000
//! posts over ten years is ~400 posts per 30-day window, 7.4 million pairs), so the pass avoids
//! touching them one by one wherever the arithmetic allows:
//!
//! 1. Per inquiry (in parallel chunks): where its credit goes and what it takes to weigh one
//!    pair on its own (the time-decay normaliser, a sum over its window: a difference of two
//!    running sums of the posts' decay, see [`Decay`]).
//! 2. Per post (in parallel chunks of posts, each owning its posts' tallies): the inquiries
//!    whose window holds the post are a contiguous run of the time-sorted inquiries (window
//!    starts and ends both move forward with time), found by two pointers. Under time decay a
//!    pair weighs (the post's decay) x (the inquiry's scale), under linear 1/n, and under
//!    position-based the inquiry's middle share (plus, for a window's first and last post,
//!    what the ends get more, gathered by post beforehand), so the post's sums (of weights, of
//!    client weights, of weight x value) are its own factor times a difference of running sums
//!    over the inquiries: O(1) per post. Only the rare decay pairs whose window crosses a
//!    block (see [`Decay`]) are added one by one.
//!    The running sums are made once, in time order, so the result is the same bit for bit
//!    whatever the number of threads.
//! 3. Cents: a post's exact share of the shared clients' value is that weight x value sum; the
//!    whole of those values is shared over the posts by the largest-remainder method, in
//!    proportion to those exact shares (O(P)). So each post gets its exact share to within a
//!    cent, and the posts plus "unattributed" add up to the totals to the last cent. (Settling
//!    each client's value over its candidates instead would be one step per pair of a paying
//!    client, and each post's figure could drift by a cent per client.)
//!
//! So every model costs O((P + I) log P) in time and O(P + I) in memory.
//!
//! Every post's list of (inquiry, weight) credits, what `report --json` prints, holds one entry
//! per pair (7.4 million for 50,000 posts over ten years). The pass does not write them: it
//! keeps what weighs a pair ([`CreditSource`]), and a post's list is worked out as it is read,
//! with the very float the post's sums were made of.

use std::collections::HashMap;
use std::sync::Arc;

use super::cents::split_cents;
use super::credits::CreditSource;
use super::facts::{InquiryFacts, PostFacts};
use super::par;
use super::range::DateRange;
use super::settings::{AttributionModel, InsightSettings};
use crate::time::MS_PER_DAY;

/// What one post was credited with.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub(crate) struct Tally {
    pub inquiries: f64,
    pub clients: f64,
    pub revenue_cents: i64,
    /// When the first inquiry credited to it (weight > 0) came in.
    pub first_credit_ms: Option<i64>,
    /// How many inquiries are credited to it (weight > 0): the length of its list.
    pub count: usize,
    /// Its exact share (weight x value) of the clients whose value is shared over several
    /// posts, before it is settled in whole cents (step 3).
    shared_value: f64,
}

/// The outcome of one pass. Posts are addressed by their position in time order: `sorted[pos]`
/// is the index into the caller's `posts`, `times[pos]` its publication and `tallies[pos]` its
/// credit. (Working in time order keeps the inner loops on neighbouring memory.)
#[derive(Debug, Clone, Default)]
pub(crate) struct Attribution {
    /// Indices into `posts`, ordered by (published_at_ms, id): the order that breaks ties.
    pub sorted: Vec<usize>,
    pub times: Vec<i64>,
    pub tallies: Vec<Tally>,
    /// What each post's list of credited inquiries is worked out from, by position.
    pub credits: Arc<CreditSource>,
    /// Inquiries received in the range, and what they add up to.
    pub inquiries: i64,
    pub clients: i64,
    pub revenue_cents: i64,
    pub unattributed: i64,
    pub unattributed_clients: i64,
    pub unattributed_revenue_cents: i64,
    /// Inquiries with some post (any post) in their window, and without; for the baseline.
    pub inquiries_inside: i64,
    pub inquiries_outside: i64,
    /// The first and last receipt among the inquiries in the range.
    pub first_inquiry_ms: Option<i64>,
    pub last_inquiry_ms: Option<i64>,
}

/// How a shared inquiry weighs the post at one position of its window.
#[derive(Debug, Clone, Copy)]
pub(super) enum Share {
    /// Linear: 1/n each.
    Equal(f64),
    /// Position-based: `ends` for the first and the last, `middle` for the others.
    Position { ends: f64, middle: f64 },
    /// Time decay: the post's decay relative to the newest candidate, times 1 / their sum.
    /// (`newest_block` is that candidate's block, kept here for the hot loop.)
    Decay {
        newest: usize,
        newest_block: i64,
        scale: f64,
    },
}

/// An inquiry whose credit is shared over the posts at positions lo..hi (at least two).
#[derive(Debug, Clone)]
pub(super) struct Shared {
    /// Its place among the reported inquiries in time order (to merge with [`Whole`] credits).
    pub(super) order: usize,
    pub(super) id: i64,
    pub(super) received_at_ms: i64,
    /// 1.0 for a client, else 0.0: added as weight x this, without a branch per pair.
    client: f64,
    /// What the client paid (0 for others), as a float to be shared by weight.
    value: f64,
    pub(super) lo: usize,
    pub(super) hi: usize,
    pub(super) share: Share,
}

/// What the per-post loop reads of a shared inquiry, packed in 32 bytes so that the few
/// hundred of a window stay in the first-level cache while the posts go by.
#[derive(Debug, Clone, Copy)]
struct Hot {
    client: f64,
    value: f64,
    /// Time decay's `scale` and `newest_block` (see [`Share::Decay`]); linear's 1/n, or
    /// position-based's `middle` (and `i64::MIN`); unused otherwise.
    scale: f64,
    newest_block: i64,
}

/// An inquiry whose whole credit goes to one post: a confirmed source, last or first touch, or
/// the only candidate.
#[derive(Debug, Clone, Copy)]
pub(super) struct Whole {
    /// The post's position in time order.
    pub(super) pos: usize,
    pub(super) order: usize,
    pub(super) id: i64,
    /// Index into the caller's `inquiries`.
    inquiry: usize,
}

/// Below this many pairs, threads cost more than they save.
const PAIRS_PER_THREAD: usize = 100_000;

/// Attributes the inquiries received in `range` over all `posts` (a post published before the
/// range can still be credited for an inquiry inside it). `settings` must be valid.
pub(crate) fn attribute_all(
    posts: &[PostFacts],
    inquiries: &[InquiryFacts],
    settings: &InsightSettings,
    range: &DateRange,
) -> Attribution {
    attribute_with(posts, inquiries, settings, range, None)
}

/// [`attribute_all`] with the number of threads forced (tests check that it changes nothing).
fn attribute_with(
    posts: &[PostFacts],
    inquiries: &[InquiryFacts],
    settings: &InsightSettings,
    range: &DateRange,
    threads: Option<usize>,
) -> Attribution {
    // Sorting the keys themselves, not indices that point at them: no cache miss per comparison.
    let mut keys: Vec<(i64, i64, usize)> = posts
        .iter()
        .enumerate()
        .map(|(i, p)| (p.published_at_ms, p.id, i))
        .collect();
    keys.sort_unstable();
    let sorted: Vec<usize> = keys.iter().map(|k| k.2).collect();
    let times: Vec<i64> = keys.iter().map(|k| k.0).collect();
    // Where the confirmed sources are: a map of the few posts named, not of every post.
    let mut by_id: HashMap<i64, usize> = inquiries
        .iter()
        .filter_map(|i| i.source_post_id)
        .map(|id| (id, usize::MAX))
        .collect();
    if !by_id.is_empty() {
        for (pos, k) in keys.iter().enumerate() {
            if let Some(slot) = by_id.get_mut(&k.1) {
                *slot = pos;
            }
        }
        // A source that is not among the posts (deleted) counts as none.
        by_id.retain(|_, pos| *pos != usize::MAX);
    }
    drop(keys);
    let window_ms = settings.window_days.saturating_mul(MS_PER_DAY);

    // Time order, so that each post's list of inquiries comes out in the order they came in.
    let mut order_keys: Vec<(i64, i64, usize)> = inquiries
        .iter()
        .enumerate()
        .filter(|(_, i)| range.contains(i.received_at_ms))
        .map(|(k, i)| (i.received_at_ms, i.id, k))
        .collect();
    order_keys.sort_unstable();
    let order: Vec<usize> = order_keys.into_iter().map(|k| k.2).collect();

    let mut out = Attribution {
        first_inquiry_ms: order.first().map(|&k| inquiries[k].received_at_ms),
        last_inquiry_ms: order.last().map(|&k| inquiries[k].received_at_ms),
        ..Attribution::default()
    };

    // Where each inquiry's credit goes, and how many credits each post will get (so that the
    // work can be split evenly).
    let mut shared: Vec<Shared> = Vec::new();
    let mut whole: Vec<Whole> = Vec::new();
    let mut window_starts = vec![0i64; posts.len() + 1];
    let mut single = vec![0usize; posts.len()];
    // The clients' value shared over several posts, settled in cents in step 3.
    let mut shared_revenue = 0i64;
    // The window [t - W, t] of each inquiry is lo..hi in `times`; both ends only move forward
    // as the inquiries go by in time order.
    let (mut lo, mut hi) = (0usize, 0usize);
    for (order, &k) in order.iter().enumerate() {
        let inquiry = &inquiries[k];
        let t = inquiry.received_at_ms;
        let revenue = inquiry.revenue_cents();
        out.inquiries += 1;
        out.clients += i64::from(inquiry.is_client);
        // Saturating: values are capped at validation, but a hand-edited database is not.
        out.revenue_cents = out.revenue_cents.saturating_add(revenue);
        let from = t.saturating_sub(window_ms);
        while times.get(lo).is_some_and(|&p| p < from) {
            lo += 1;
        }
        hi = hi.max(lo);
        while times.get(hi).is_some_and(|&p| p <= t) {
            hi += 1;
        }
        if lo < hi {
            out.inquiries_inside += 1;
        } else {
            out.inquiries_outside += 1;
        }
        let confirmed = inquiry
            .source_post_id
            .and_then(|id| by_id.get(&id).copied());
        let one = match (confirmed, settings.model) {
            // A confirmed source wins, whatever the model and wherever it is in time.
            (Some(pos), _) => Some(pos),
            _ if inquiry.not_from_posts => None,
            (None, AttributionModel::ConfirmedOnly) => None,
            _ if lo == hi => None,
            (None, AttributionModel::LastTouch) => Some(hi - 1),
            (None, AttributionModel::FirstTouch) => Some(lo),
            (None, _) if hi - lo == 1 => Some(lo),
            (None, _) => {
                window_starts[lo] += 1;
                window_starts[hi] -= 1;
                shared_revenue = shared_revenue.saturating_add(revenue);
                shared.push(Shared {
                    order,
                    id: inquiry.id,
                    received_at_ms: t,
                    client: if inquiry.is_client { 1.0 } else { 0.0 },
                    value: revenue as f64,
                    lo,
                    hi,
                    share: Share::Equal(0.0),
                });
                continue;
            }
        };
        match one {
            Some(pos) => {
                single[pos] += 1;
                whole.push(Whole {
                    pos,
                    order,
                    id: inquiry.id,
                    inquiry: k,
                });
            }
            None => {
                out.unattributed += 1;
                out.unattributed_clients += i64::from(inquiry.is_client);
                out.unattributed_revenue_cents =
                    out.unattributed_revenue_cents.saturating_add(revenue);
            }
        }
    }
    // By post, and within a post in time order (the sort is stable).
    whole.sort_by_key(|w| w.pos);
    let mut running = 0i64;
    let counts: Vec<usize> = single
        .iter()
        .enumerate()
        .map(|(pos, &one)| {
            running += window_starts[pos];
            usize::try_from(running).unwrap_or(0) + one
        })
        .collect();
    let pairs: usize = counts.iter().sum();
    let threads = threads.unwrap_or_else(|| par::threads_for(pairs, PAIRS_PER_THREAD));

    // Only time decay reads it; the other models get an empty one.
    let decay = if settings.model == AttributionModel::TimeDecay {
        Decay::new(&times, settings.half_life_days * MS_PER_DAY as f64)
    } else {
        Decay::default()
    };
    let weigh = Weigh {
        model: settings.model,
        decay: &decay,
    };
    prepare_all(&mut shared, &weigh, threads);
    let hot: Vec<Hot> = shared
        .iter()
        .map(|s| {
            let (scale, newest_block) = match s.share {
                Share::Decay {
                    scale,
                    newest_block,
                    ..
                } => (scale, newest_block),
                Share::Equal(w) => (w, i64::MIN),
                Share::Position { middle, .. } => (middle, i64::MIN),
            };
            Hot {
                client: s.client,
                value: s.value,
                scale,
                newest_block,
            }
        })
        .collect();
    let running = Running::new(&hot);
    let ends = position_ends(&shared, posts.len());
    let job = Job {
        shared: &shared,
        hot: &hot,
        running: &running,
        ends: &ends,
        whole: &whole,
        inquiries,
        weigh: &weigh,
    };
    out.tallies = credit_all(&job, &counts, threads);
    settle_cents(&mut out.tallies, shared_revenue);
    drop((hot, running));
    out.credits = Arc::new(CreditSource::new(settings.model, decay, shared, whole));
    out.sorted = sorted;
    out.times = times;
    out
}

/// Position-based weighs every candidate of a window alike (`middle`, a factor of the inquiry)
/// except the first and the last (`ends`): a post's sums are the run's middle factors (running
/// sums) plus, for the windows it starts or ends, what `ends` adds over `middle`, gathered here
/// by post in one pass over the inquiries (in time order, so the same floats every time).
fn position_ends(shared: &[Shared], posts: usize) -> Vec<Factors> {
    let mut ends: Vec<Factors> = Vec::new();
    for s in shared {
        let Share::Position { ends: end, middle } = s.share else {
            continue;
        };
        if ends.is_empty() {
            ends = vec![Factors::default(); posts];
        }
        let extra = end - middle;
        for pos in [s.lo, s.hi - 1] {
            if let Some(f) = ends.get_mut(pos) {
                f.all += extra;
                f.clients += extra * s.client;
                f.value += extra * s.value;
            }
        }
    }
    ends
}

/// Step 3: the value of the clients shared over several posts, in whole cents, in proportion
/// to each post's exact share of it (largest remainder: no cent lost or invented).
fn settle_cents(tallies: &mut [Tally], shared_revenue: i64) {
    let exact: Vec<f64> = tallies.iter().map(|t| t.shared_value).collect();
    let mut cents = Vec::new();
    split_cents(shared_revenue, &exact, &mut cents, &mut Vec::new());
    for (tally, c) in tallies.iter_mut().zip(cents) {
        tally.revenue_cents = tally.revenue_cents.saturating_add(c);
    }
}

/// Time decay 2^(-d/H), precomputed per post so that weighing a pair is a multiplication, not
/// an exponential. Measured from the newest candidate rather than from the inquiry: that scales
/// every weight of the inquiry by the same factor, which normalising removes, and it keeps the
/// largest weight at 1 so that a long window with a short half-life cannot underflow them all.
///
/// A post's decay is 2^x with x = published / H, far beyond what a float holds, so it is stored
/// as 2^(x - 512 b) with b = floor(x / 512): between 1 and 2^512. Posts in the same block as
/// the newest candidate compare directly, the block before needs a factor 2^-512, and posts
/// more than 512 half-lives older (weight below 2^-512) fall back to an exponential.
///
/// An inquiry's normaliser is the sum of its candidates' decay: within one block, a difference
/// of two running sums of the mantissas (O(1) per inquiry rather than a step per candidate).
#[derive(Debug, Default)]
pub(super) struct Decay {
    x: Vec<f64>,
    block: Vec<i64>,
    mantissa: Vec<f64>,
    /// `upto[k]`: the mantissas from the start of k's block up to k, included.
    upto: Vec<Wide>,
}

const BLOCK_HALF_LIVES: f64 = 512.0;
/// 2^-512, the factor from one block to the next (biased exponent 1023 - 512).
const BLOCK_FACTOR: f64 = f64::from_bits(511 << 52);

impl Decay {
    fn new(times: &[i64], half_life_ms: f64) -> Decay {
        let x: Vec<f64> = times.iter().map(|&t| t as f64 / half_life_ms).collect();
        let block: Vec<i64> = x
            .iter()
            .map(|&x| (x / BLOCK_HALF_LIVES).floor() as i64)
            .collect();
        let mantissa = x
            .iter()
            .zip(&block)
            .map(|(&x, &b)| (x - b as f64 * BLOCK_HALF_LIVES).exp2())
            .collect::<Vec<f64>>();
        let mut upto = Vec::with_capacity(mantissa.len());
        let mut running = Wide::default();
        for (k, &m) in mantissa.iter().enumerate() {
            if k > 0 && block[k] != block[k - 1] {
                running = Wide::default();
            }
            running = running.plus(m);
            upto.push(running);
        }
        Decay {
            x,
            block,
            mantissa,
            upto,
        }
    }

    /// The mantissas of lo..hi (lo < hi, all in one block) added up: from the running sums,
    /// or one by one where the difference would lose bits (a half-life far longer than the
    /// window makes the sum before lo large next to the window's).
    fn block_sum(&self, lo: usize, hi: usize) -> f64 {
        let before = if lo == 0 || self.block[lo - 1] != self.block[lo] {
            Wide::default()
        } else {
            self.upto[lo - 1]
        };
        let d = self.upto[hi - 1].minus(before);
        if before.hi.abs() <= CANCELLATION_LIMIT * d.abs() {
            d
        } else {
            sum(&self.mantissa[lo..hi])
        }
    }

    fn one_block(&self, lo: usize, newest: usize) -> bool {
        self.block[lo] == self.block[newest]
    }

    /// 2^((published[pos] - published[newest]) / H), up to a factor that depends on `newest`
    /// only. `pos <= newest`.
    #[inline(always)]
    fn relative(&self, pos: usize, newest: usize) -> f64 {
        match self.block[newest] - self.block[pos] {
            0 => self.mantissa[pos],
            1 => self.mantissa[pos] * BLOCK_FACTOR,
            _ => (self.x[pos] - self.x[newest]).exp2() * self.mantissa[newest],
        }
    }
}

/// Weighs a (plan, position) pair. The same call gives the same float every time, so the
/// weights a post's sums were made of are the weights its list shows.
pub(super) struct Weigh<'a> {
    pub(super) model: AttributionModel,
    pub(super) decay: &'a Decay,
}

impl Weigh<'_> {
    #[inline(always)]
    pub(super) fn weight(&self, share: Share, lo: usize, hi: usize, pos: usize) -> f64 {
        match share {
            Share::Equal(w) => w,
            Share::Position { ends, middle } => {
                if pos == lo || pos + 1 == hi {
                    ends
                } else {
                    middle
                }
            }
            Share::Decay { newest, scale, .. } => self.decay.relative(pos, newest) * scale,
        }
    }

    /// The share rule of a window of n >= 2 candidates.
    fn share(&self, lo: usize, hi: usize) -> Share {
        let n = hi - lo;
        match self.model {
            AttributionModel::Linear => Share::Equal(1.0 / n as f64),
            AttributionModel::Position if n == 2 => Share::Position {
                ends: 0.5,
                middle: 0.0,
            },
            AttributionModel::Position => Share::Position {
                ends: 0.4,
                middle: 0.2 / (n - 2) as f64,
            },
            AttributionModel::TimeDecay => {
                let newest = hi - 1;
                let d = self.decay;
                let sum = if d.one_block(lo, newest) {
                    // All in the newest one's block (the common case): the mantissas as they are.
                    d.block_sum(lo, hi)
                } else {
                    (lo..hi).map(|pos| d.relative(pos, newest)).sum()
                };
                // sum >= 1: the newest candidate's own term is its mantissa, at least 1.
                Share::Decay {
                    newest,
                    newest_block: d.block[newest],
                    scale: if sum > 0.0 { 1.0 / sum } else { 0.0 },
                }
            }
            // Resolved to one post or to nobody before a window is shared.
            AttributionModel::LastTouch
            | AttributionModel::FirstTouch
            | AttributionModel::ConfirmedOnly => Share::Equal(0.0),
        }
    }
}

/// Step 1: the share rule of every shared inquiry, in parallel chunks of inquiries (each is
/// independent of the others).
fn prepare_all(shared: &mut [Shared], weigh: &Weigh<'_>, threads: usize) {
    let bounds = par::even_bounds(shared.len(), threads);
    par::chunks(shared, &bounds, |_, part| {
        for s in part {
            s.share = weigh.share(s.lo, s.hi);
        }
    });
}

/// What step 2 reads, shared by its threads.
struct Job<'a> {
    /// In time order.
    shared: &'a [Shared],
    /// The same, packed.
    hot: &'a [Hot],
    /// Running sums over `hot`.
    running: &'a Running,
    /// Position-based: what being a window's first or last candidate adds, by post position
    /// (empty under the other models).
    ends: &'a [Factors],
    /// By post, then in time order.
    whole: &'a [Whole],
    inquiries: &'a [InquiryFacts],
    weigh: &'a Weigh<'a>,
}

/// Step 2: the posts in chunks of about equal numbers of pairs, one per thread. Returns the
/// tallies by position.
fn credit_all(job: &Job<'_>, counts: &[usize], threads: usize) -> Vec<Tally> {
    let mut tallies: Vec<Tally> = vec![Tally::default(); counts.len()];
    let bounds = balanced_bounds(counts, threads.max(1));
    par::chunks(&mut tallies, &bounds, |start, part| {
        credit(job, start, part)
    });
    tallies
}

/// Chunk bounds 0 = b0 < b1 < ... = P so that each chunk has about the same number of pairs.
fn balanced_bounds(counts: &[usize], chunks: usize) -> Vec<usize> {
    let total: usize = counts.iter().sum();
    let per_chunk = total.div_ceil(chunks.max(1)).max(1);
    let mut bounds = vec![0];
    let mut acc = 0usize;
    for (pos, &c) in counts.iter().enumerate() {
        acc += c;
        if acc >= per_chunk * bounds.len() && pos + 1 < counts.len() {
            bounds.push(pos + 1);
        }
    }
    bounds.push(counts.len());
    bounds.dedup();
    bounds
}

/// The run of shared inquiries whose window holds the post at `pos`: a..b, a the first whose
/// window ends after it, b the first whose window starts after it (windows start and end in
/// time order, so both are a partition point).
pub(super) fn run_of(shared: &[Shared], pos: usize) -> std::ops::Range<usize> {
    shared.partition_point(|s| s.hi <= pos)..shared.partition_point(|s| s.lo <= pos)
}

/// Credits the posts at positions start.. (`tallies`).
fn credit(job: &Job<'_>, start: usize, tallies: &mut [Tally]) {
    let shared = job.shared;
    // Both ends of the run only move forward from post to post, and so does the matching
    // bound in `whole`.
    let std::ops::Range {
        start: mut a,
        end: mut b,
    } = run_of(shared, start);
    let mut w = job.whole.partition_point(|x| x.pos < start);
    for (k, tally) in tallies.iter_mut().enumerate() {
        let pos = start + k;
        while shared.get(a).is_some_and(|s| s.hi <= pos) {
            a += 1;
        }
        while shared.get(b).is_some_and(|s| s.lo <= pos) {
            b += 1;
        }
        let w_end = w + job.whole[w..].iter().take_while(|x| x.pos == pos).count();
        let wholes = &job.whole[w..w_end];
        w = w_end;

        let mut sums = shared_sums(job, pos, a, b);
        // Whole inquiries give their whole value, already in cents.
        let mut revenue = 0i64;
        for x in wholes {
            let inquiry = &job.inquiries[x.inquiry];
            sums.add(1.0, f64::from(u8::from(inquiry.is_client)), 0.0);
            sums.first(inquiry.received_at_ms);
            revenue = revenue.saturating_add(inquiry.revenue_cents());
        }
        *tally = Tally {
            inquiries: sums.inquiries,
            clients: sums.clients,
            revenue_cents: revenue,
            first_credit_ms: sums.first_ms,
            count: sums.count,
            shared_value: sums.value,
        };
    }
}

/// What the shared inquiries a..b give the post at `pos`. Time decay (where the pair and its
/// newest candidate are in the same block, which is nearly always) and linear weigh a pair as
/// a factor of the post times a factor of the inquiry, so their sum over the run is the post's
/// factor times a difference of running sums: O(1) per post instead of one step per pair.
#[inline]
fn shared_sums(job: &Job<'_>, pos: usize, a: usize, b: usize) -> Sums {
    let run = job.shared.get(a..b).unwrap_or(&[]);
    let hot = job.hot.get(a..b).unwrap_or(&[]);
    let weigh = job.weigh;
    let mut sums = Sums::default();
    let same = match (weigh.model, weigh.decay.block.get(pos)) {
        (AttributionModel::TimeDecay, Some(&block)) => {
            // The newest candidate's block only grows along the run (later inquiries, later
            // candidates), so the pairs in the post's own block come first.
            let same = hot.partition_point(|h| h.newest_block == block);
            let mantissa = weigh.decay.mantissa[pos];
            let f = factor_sums(job, a, a + same);
            sums.inquiries = mantissa * f.all;
            sums.clients = mantissa * f.clients;
            sums.value = mantissa * f.value;
            same
        }
        (AttributionModel::Linear, _) => {
            let f = factor_sums(job, a, b);
            sums.inquiries = f.all;
            sums.clients = f.clients;
            sums.value = f.value;
            run.len()
        }
        (AttributionModel::Position, _) => {
            let f = factor_sums(job, a, b);
            let e = job.ends.get(pos).copied().unwrap_or_default();
            sums.inquiries = f.all + e.all;
            sums.clients = f.clients + e.clients;
            sums.value = f.value + e.value;
            run.len()
        }
        _ => 0,
    };
    // Every such pair weighs more than 0 (a mantissa is at least 1 and a scale at least
    // 2^-512 / n; 1/n for linear; position-based gives the ends 0.4 or 0.5 and the middle
    // 0.2 / (n - 2)), so each is a credit, and the first is the first credit.
    sums.count = same;
    if let Some(s) = run.get(..same).and_then(|r| r.first()) {
        sums.first(s.received_at_ms);
    }
    // The rest one pair at a time: time decay across a block boundary.
    for s in run.iter().skip(same) {
        let w = weigh.weight(s.share, s.lo, s.hi, pos);
        if w > 0.0 {
            sums.add(w, s.client, s.value);
            sums.first(s.received_at_ms);
        }
    }
    sums
}

/// Sums of the inquiries' factors over a run: all, clients', and weighted by value.
#[derive(Debug, Default, Clone, Copy, PartialEq)]
struct Factors {
    all: f64,
    clients: f64,
    value: f64,
}

/// The sums of the factors of the shared inquiries a..e: from the running sums, or pair by
/// pair where those would lose bits.
#[inline]
fn factor_sums(job: &Job<'_>, a: usize, e: usize) -> Factors {
    job.running.between(a, e).unwrap_or_else(|| {
        let hot = job.hot.get(a..e).unwrap_or(&[]);
        Factors {
            all: hot.iter().map(|h| h.scale).sum(),
            clients: hot.iter().map(|h| h.scale * h.client).sum(),
            value: hot.iter().map(|h| h.scale * h.value).sum(),
        }
    })
}

/// A post's credit as it is added up.
#[derive(Default)]
struct Sums {
    inquiries: f64,
    clients: f64,
    /// Weight x value: the post's exact share of the clients' value.
    value: f64,
    count: usize,
    first_ms: Option<i64>,
}

impl Sums {
    #[inline(always)]
    fn add(&mut self, w: f64, client: f64, value: f64) {
        self.inquiries += w;
        self.clients += w * client;
        self.value += w * value;
        self.count += 1;
    }

    /// Notes a credit received at `at_ms`; the earliest is the first credit.
    #[inline(always)]
    fn first(&mut self, at_ms: i64) {
        self.first_ms = Some(self.first_ms.map_or(at_ms, |f| f.min(at_ms)));
    }
}

/// Running sums over the shared inquiries of their factor (time decay's scale, linear's 1/n),
/// of the same for clients, and of the same times the client's value, within stretches where
/// the newest candidate's block stays the same (a factor is relative to that block). The sum
/// over a run is the difference of two.
///
/// They run backwards in time, from each inquiry to the end of its stretch: under time decay a
/// later inquiry's scale is smaller (newer posts weigh more, so its normaliser is larger), so
/// what is subtracted is small next to the run itself. And they are kept in two floats each (a
/// sum and its rounding error, as in double-double arithmetic), so that a difference keeps
/// every bit it can. Where what is subtracted is still far larger than the run (a half-life of
/// minutes, say), the run is added up pair by pair instead ([`Running::between`] says so).
#[derive(Debug, Default)]
struct Running {
    /// `all[k]`, `clients[k]`, `values[k]`: the sums from k to the end of its stretch.
    all: Vec<Wide>,
    clients: Vec<Wide>,
    values: Vec<Wide>,
    /// Where each inquiry's stretch ends (exclusive).
    end: Vec<usize>,
}

/// How much larger than a run's sum the subtracted running sum may be: two floats hold about
/// 106 bits, so this still leaves the difference exact to the last bit or so.
const CANCELLATION_LIMIT: f64 = (1u64 << 40) as f64;

impl Running {
    fn new(hot: &[Hot]) -> Running {
        let n = hot.len();
        let mut all = vec![Wide::default(); n];
        let mut clients = vec![Wide::default(); n];
        let mut values = vec![Wide::default(); n];
        let mut end = vec![n; n];
        let mut sums = (Wide::default(), Wide::default(), Wide::default());
        let mut stretch_end = n;
        for k in (0..n).rev() {
            if k + 1 < n && hot[k + 1].newest_block != hot[k].newest_block {
                sums = (Wide::default(), Wide::default(), Wide::default());
                stretch_end = k + 1;
            }
            let h = &hot[k];
            sums = (
                sums.0.plus(h.scale),
                sums.1.plus(h.scale * h.client),
                sums.2.plus(h.scale * h.value),
            );
            (all[k], clients[k], values[k]) = sums;
            end[k] = stretch_end;
        }
        Running {
            all,
            clients,
            values,
            end,
        }
    }

    /// The sums of the factors of a..e, which lie in one stretch; or None where a difference
    /// would lose bits to cancellation.
    #[inline]
    fn between(&self, a: usize, e: usize) -> Option<Factors> {
        if e <= a {
            return Some(Factors::default());
        }
        debug_assert!(e <= self.end[a]);
        let difference = |sums: &[Wide]| {
            let after = if e < self.end[a] {
                sums[e]
            } else {
                Wide::default()
            };
            let d = sums[a].minus(after);
            (after.hi.abs() <= CANCELLATION_LIMIT * d.abs()).then_some(d)
        };
        Some(Factors {
            all: difference(&self.all)?,
            clients: difference(&self.clients)?,
            value: difference(&self.values)?,
        })
    }
}

/// A sum kept as two floats, the rounded sum and what rounding lost (Knuth's two-sum).
#[derive(Debug, Default, Clone, Copy)]
struct Wide {
    hi: f64,
    lo: f64,
}

impl Wide {
    fn plus(self, x: f64) -> Wide {
        let (s, e) = two_sum(self.hi, x);
        let (hi, lo) = two_sum(s, e + self.lo);
        Wide { hi, lo }
    }

    /// self - other, rounded once to a float.
    #[inline]
    fn minus(self, other: Wide) -> f64 {
        let (s, e) = two_sum(self.hi, -other.hi);
        s + (e + (self.lo - other.lo))
    }
}

/// a + b as the rounded sum and its exact error.
#[inline(always)]
fn two_sum(a: f64, b: f64) -> (f64, f64) {
    let s = a + b;
    let bb = s - a;
    (s, (a - (s - bb)) + (b - bb))
}

/// A sum in four lanes: the compiler may not reorder float additions itself, and one chain of
/// dependent additions is four times slower. (The order differs from a plain sum by rounding
/// only; it is the normaliser, so the weights still sum to 1.)
fn sum(xs: &[f64]) -> f64 {
    let mut lanes = [0.0f64; 4];
    let mut chunks = xs.chunks_exact(4);
    for c in &mut chunks {
        for (lane, x) in lanes.iter_mut().zip(c) {
            *lane += x;
        }
    }
    let rest: f64 = chunks.remainder().iter().sum();
    (lanes[0] + lanes[1]) + (lanes[2] + lanes[3]) + rest
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::insights::credits::CreditList;
    use crate::insights::report::InquiryCredit;

    fn weights(model: AttributionModel, times: &[i64], half_life_days: f64) -> Vec<f64> {
        let decay = Decay::new(times, half_life_days * MS_PER_DAY as f64);
        let weigh = Weigh {
            model,
            decay: &decay,
        };
        let (lo, hi) = (0, times.len());
        let share = weigh.share(lo, hi);
        (lo..hi)
            .map(|pos| weigh.weight(share, lo, hi, pos))
            .collect()
    }

    #[test]
    fn position_shares() {
        assert_eq!(
            weights(AttributionModel::Position, &[1, 2], 7.0),
            vec![0.5, 0.5]
        );
        assert_eq!(
            weights(AttributionModel::Position, &[1, 2, 3], 7.0),
            vec![0.4, 0.2, 0.4]
        );
    }

    #[test]
    fn time_decay_halves_per_half_life_across_blocks() {
        let d = MS_PER_DAY;
        // 2026: with a half-life of a day, x ~ 20,000 half-lives, far beyond 2^1023.
        let t = 1_780_000_000_000;
        for half_life in [7.0, 1.0, 0.01] {
            let h = (half_life * d as f64) as i64;
            let w = weights(AttributionModel::TimeDecay, &[t - h, t], half_life);
            assert!((w[0] - 1.0 / 3.0).abs() < 1e-9, "{half_life}: {w:?}");
            assert!((w[1] - 2.0 / 3.0).abs() < 1e-9, "{half_life}: {w:?}");
        }
        // Posts around a block boundary and far beyond it (1,000 half-lives: weight 2^-1000).
        let h = d;
        let times: Vec<i64> = (0..1200).map(|k| t - (1200 - k) * h / 2).collect();
        let w = weights(AttributionModel::TimeDecay, &times, 1.0);
        let sum: f64 = w.iter().sum();
        assert!((sum - 1.0).abs() < 1e-12);
        for pair in w.windows(2) {
            // Each post is half a half-life older than the next: a factor 2^-0.5.
            assert!((pair[0] / pair[1] - 0.5f64.sqrt()).abs() < 1e-9, "{pair:?}");
        }
    }

    /// The normaliser from running sums against the plain sum of the window, for half-lives
    /// far longer than the window, about as long, and far shorter (windows across blocks).
    #[test]
    fn window_sums_of_decay_match_the_plain_sums() {
        let (posts, _) = busy_data();
        let mut times: Vec<i64> = posts.iter().map(|p| p.published_at_ms).collect();
        times.sort_unstable();
        for half_life_days in [3650.0, 7.0, 0.5, 0.01] {
            let decay = Decay::new(&times, half_life_days * MS_PER_DAY as f64);
            let mut checked = 0;
            for lo in (0..times.len()).step_by(7) {
                for len in [1, 2, 5, 40, 333] {
                    let hi = (lo + len).min(times.len());
                    if lo >= hi || !decay.one_block(lo, hi - 1) {
                        continue;
                    }
                    let plain: f64 = decay.mantissa[lo..hi].iter().sum();
                    let fast = decay.block_sum(lo, hi);
                    assert!(
                        (fast - plain).abs() <= 1e-12 * plain,
                        "{half_life_days}: {lo}..{hi}: {fast} vs {plain}"
                    );
                    checked += 1;
                }
            }
            assert!(checked > 100, "{half_life_days}: only {checked} windows");
        }
    }

    #[test]
    fn block_factor_is_two_to_the_minus_512() {
        assert_eq!(BLOCK_FACTOR, (-512.0f64).exp2());
    }

    /// Many posts, inquiries of every sort, and a client on almost every inquiry.
    fn busy_data() -> (Vec<PostFacts>, Vec<InquiryFacts>) {
        let mut seed = 7u64;
        let mut next = move |n: u64| {
            seed = seed
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            (seed >> 33) % n
        };
        let t0 = 1_700_000_000_000i64;
        let posts: Vec<PostFacts> = (0..1_200)
            .map(|k| PostFacts {
                id: k + 1,
                published_at_ms: t0 + next(400 * MS_PER_DAY as u64) as i64,
                channel: "LinkedIn".into(),
                kind: crate::model::PostKind::Post,
                felt: None,
                motive: None,
                minutes: None,
                title: "".into(),
            })
            .collect();
        let inquiries: Vec<InquiryFacts> = (0..800)
            .map(|k| InquiryFacts {
                id: k + 1,
                received_at_ms: t0 + next(420 * MS_PER_DAY as u64) as i64,
                source_post_id: (next(10) == 0).then(|| next(1_400) as i64),
                not_from_posts: next(20) == 0,
                is_client: next(4) != 0,
                value_cents: Some(next(10_000_000) as i64),
            })
            .collect();
        (posts, inquiries)
    }

    #[test]
    fn threads_change_nothing() {
        let (posts, inquiries) = busy_data();
        for model in AttributionModel::ALL {
            let settings = InsightSettings {
                model: *model,
                ..InsightSettings::default()
            };
            let range = DateRange::all();
            let one = attribute_with(&posts, &inquiries, &settings, &range, Some(1));
            for threads in [2, 3, 8] {
                let many = attribute_with(&posts, &inquiries, &settings, &range, Some(threads));
                let what = format!("{model} with {threads} threads");
                assert_eq!(one.tallies, many.tallies, "{what}");
                assert_eq!(lists(&one), lists(&many), "{what}");
                assert_eq!(
                    (one.unattributed, one.revenue_cents),
                    (many.unattributed, many.revenue_cents)
                );
            }
            let cents: i64 = one.tallies.iter().map(|t| t.revenue_cents).sum();
            assert_eq!(cents + one.unattributed_revenue_cents, one.revenue_cents);
        }
    }

    /// Every post's list, worked out from the pass.
    fn lists(done: &Attribution) -> Vec<Vec<InquiryCredit>> {
        done.tallies
            .iter()
            .enumerate()
            .map(|(pos, t)| CreditList::worked(&done.credits, pos, t.count).to_vec())
            .collect()
    }

    /// The lists hold every credit once: each post's list is as long as its count says, and
    /// each attributed inquiry's weights over all lists sum to 1.
    #[test]
    fn lists_hold_each_inquiry_once_in_all() {
        let (posts, inquiries) = busy_data();
        for model in AttributionModel::ALL {
            let settings = InsightSettings {
                model: *model,
                ..InsightSettings::default()
            };
            let done = attribute_all(&posts, &inquiries, &settings, &DateRange::all());
            let mut per_inquiry: HashMap<i64, f64> = HashMap::new();
            for (t, list) in done.tallies.iter().zip(lists(&done)) {
                assert_eq!(t.count, list.len(), "{model}");
                for c in list {
                    assert!(c.weight > 0.0 && c.weight <= 1.0, "{model}: {c:?}");
                    *per_inquiry.entry(c.id).or_default() += c.weight;
                }
            }
            for sum in per_inquiry.values() {
                assert!((sum - 1.0).abs() < 1e-9, "{model}: {sum}");
            }
            assert_eq!(
                per_inquiry.len() as i64 + done.unattributed,
                done.inquiries,
                "{model}"
            );
        }
    }

    /// The running-sum shortcut (time decay, linear) against the plain sum of each post's list,
    /// where cancellation would hurt most: a half-life far longer than the window (the running
    /// sums grow large next to one run's share) and one far shorter (weights across blocks).
    /// And each post's cents are its exact share of the value, weight x value over its list,
    /// to within a cent.
    #[test]
    fn running_sums_match_the_pairs_they_stand_for() {
        let (posts, inquiries) = busy_data();
        let by_id: HashMap<i64, &InquiryFacts> = inquiries.iter().map(|i| (i.id, i)).collect();
        for (model, half_life_days) in [
            (AttributionModel::TimeDecay, 3650.0),
            (AttributionModel::TimeDecay, 7.0),
            (AttributionModel::TimeDecay, 0.01),
            (AttributionModel::Linear, 7.0),
            (AttributionModel::Position, 7.0),
        ] {
            let settings = InsightSettings {
                model,
                window_days: 30,
                half_life_days,
            };
            let all = attribute_with(&posts, &inquiries, &settings, &DateRange::all(), Some(2));
            for (t, list) in all.tallies.iter().zip(lists(&all)) {
                let plain: f64 = list.iter().map(|c| c.weight).sum();
                let plain_clients: f64 = list
                    .iter()
                    .filter(|c| by_id[&c.id].is_client)
                    .map(|c| c.weight)
                    .sum();
                let close = |a: f64, b: f64| (a - b).abs() <= 1e-12 * b.abs().max(1e-300);
                assert!(
                    close(t.inquiries, plain),
                    "{model} {half_life_days}: {} vs {plain}",
                    t.inquiries
                );
                assert!(close(t.clients, plain_clients), "{model} {half_life_days}");
                assert_eq!(t.count, list.len());
                let exact: f64 = list
                    .iter()
                    .map(|c| c.weight * by_id[&c.id].revenue_cents() as f64)
                    .sum();
                assert!(
                    (t.revenue_cents as f64 - exact).abs() < 1.0 + 1e-9 * exact,
                    "{model} {half_life_days}: {} cents for an exact share of {exact}",
                    t.revenue_cents
                );
            }
        }
    }

    #[test]
    fn bounds_split_the_pairs_evenly() {
        assert_eq!(balanced_bounds(&[1, 1, 1, 1], 2), vec![0, 2, 4]);
        assert_eq!(balanced_bounds(&[10, 0, 0, 10], 2), vec![0, 1, 4]);
        assert_eq!(balanced_bounds(&[0, 0], 3), vec![0, 2]);
        assert_eq!(balanced_bounds(&[], 2), vec![0]);
        assert_eq!(balanced_bounds(&[5], 1), vec![0, 1]);
    }
}
