//! The attribution pass: every inquiry's credit shared over posts, exactly as the contract in
//! DESIGN.md ("Attribution semantics") says.
//!
//! Cost: sorting the posts once is O(P log P) and the inquiries O(I log I); each inquiry finds its
//! window [t - W, t] by binary search over the sorted post times, O(log P). Confirmed,
//! last-touch and first-touch credit then take O(1) per inquiry; linear, time-decay and
//! position credit every post in the window, O(n) for n candidates, because the report lists
//! each post's inquiries with their weights. So the whole pass is O((P + I) log P + C), where
//! C, the number of (inquiry, candidate) pairs, is at most I x (posts per window). Memory is
//! O(P + I + C) for the same reason.

use std::collections::HashMap;

use super::cents::split_cents;
use super::facts::{InquiryFacts, PostFacts};
use super::range::DateRange;
use super::report::InquiryCredit;
use super::settings::{AttributionModel, InsightSettings};
use crate::time::MS_PER_DAY;

/// What one post was credited with.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Tally {
    pub inquiries: f64,
    pub clients: f64,
    pub revenue_cents: i64,
    /// When the first inquiry credited to it (weight > 0) came in.
    pub first_credit_ms: Option<i64>,
    pub credits: Vec<InquiryCredit>,
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

/// Where one inquiry's credit goes.
#[derive(Debug, Clone, Copy)]
enum Target {
    /// Unattributed.
    Nobody,
    /// All of it to one post (its position in time order).
    One(usize),
    /// Shared over the sorted positions lo..hi by the model.
    Window(usize, usize),
}

/// Attributes the inquiries received in `range` over all `posts` (a post published before the
/// range can still be credited for an inquiry inside it). `settings` must be valid.
pub(crate) fn attribute_all(
    posts: &[PostFacts],
    inquiries: &[InquiryFacts],
    settings: &InsightSettings,
    range: &DateRange,
) -> Attribution {
    let mut sorted: Vec<usize> = (0..posts.len()).collect();
    sorted.sort_unstable_by_key(|&i| (posts[i].published_at_ms, posts[i].id));
    let times: Vec<i64> = sorted.iter().map(|&i| posts[i].published_at_ms).collect();
    let by_id: HashMap<i64, usize> = sorted
        .iter()
        .enumerate()
        .map(|(pos, &i)| (posts[i].id, pos))
        .collect();
    let window_ms = settings.window_days.saturating_mul(MS_PER_DAY);

    let mut order: Vec<usize> = (0..inquiries.len())
        .filter(|&k| range.contains(inquiries[k].received_at_ms))
        .collect();
    // Time order, so that each post's list of inquiries comes out in the order they came in.
    order.sort_unstable_by_key(|&k| (inquiries[k].received_at_ms, inquiries[k].id));

    let mut out = Attribution {
        tallies: vec![Tally::default(); posts.len()],
        first_inquiry_ms: order.first().map(|&k| inquiries[k].received_at_ms),
        last_inquiry_ms: order.last().map(|&k| inquiries[k].received_at_ms),
        ..Attribution::default()
    };

    // First pass: where each inquiry's credit goes, and how many credits each post will get,
    // so that every post's list is allocated once at its final size.
    let mut plans: Vec<(usize, Target)> = Vec::with_capacity(order.len());
    let mut window_starts = vec![0i64; posts.len() + 1];
    let mut single = vec![0usize; posts.len()];
    for &k in &order {
        let inquiry = &inquiries[k];
        let t = inquiry.received_at_ms;
        let lo = times.partition_point(|&p| p < t.saturating_sub(window_ms));
        let hi = times.partition_point(|&p| p <= t);
        if lo < hi {
            out.inquiries_inside += 1;
        } else {
            out.inquiries_outside += 1;
        }
        let confirmed = inquiry
            .source_post_id
            .and_then(|id| by_id.get(&id).copied());
        let target = match (confirmed, settings.model) {
            // A confirmed source wins, whatever the model and wherever it is in time.
            (Some(i), _) => Target::One(i),
            _ if inquiry.not_from_posts => Target::Nobody,
            (None, AttributionModel::ConfirmedOnly) => Target::Nobody,
            _ if lo == hi => Target::Nobody,
            (None, AttributionModel::LastTouch) => Target::One(hi - 1),
            (None, AttributionModel::FirstTouch) => Target::One(lo),
            (None, _) if hi - lo == 1 => Target::One(lo),
            (None, _) => Target::Window(lo, hi),
        };
        match target {
            Target::Nobody => {}
            Target::One(i) => single[i] += 1,
            Target::Window(lo, hi) => {
                window_starts[lo] += 1;
                window_starts[hi] -= 1;
            }
        }
        plans.push((k, target));
    }
    let mut running = 0i64;
    for (pos, tally) in out.tallies.iter_mut().enumerate() {
        running += window_starts[pos];
        tally.credits = Vec::with_capacity(usize::try_from(running).unwrap_or(0) + single[pos]);
    }

    // Second pass: the weights.
    let half_life_ms = settings.half_life_days * MS_PER_DAY as f64;
    let mut weights: Vec<f64> = Vec::new();
    let mut cents: Vec<i64> = Vec::new();
    let mut cents_order: Vec<(f64, usize)> = Vec::new();
    for (k, target) in plans {
        let inquiry = &inquiries[k];
        let revenue = inquiry.revenue_cents();
        out.inquiries += 1;
        out.clients += i64::from(inquiry.is_client);
        out.revenue_cents += revenue;
        match target {
            Target::Nobody => {
                out.unattributed += 1;
                out.unattributed_clients += i64::from(inquiry.is_client);
                out.unattributed_revenue_cents += revenue;
            }
            Target::One(i) => {
                credit(&mut out.tallies[i], inquiry, 1.0);
                out.tallies[i].revenue_cents += revenue;
            }
            Target::Window(lo, hi) => {
                model_weights(settings.model, &times[lo..hi], half_life_ms, &mut weights);
                for (tally, &w) in out.tallies[lo..hi].iter_mut().zip(&weights) {
                    credit(tally, inquiry, w);
                }
                if revenue > 0 {
                    split_cents(revenue, &weights, &mut cents, &mut cents_order);
                    for (tally, &c) in out.tallies[lo..hi].iter_mut().zip(&cents) {
                        tally.revenue_cents += c;
                    }
                }
            }
        }
    }
    out.sorted = sorted;
    out.times = times;
    out
}

fn credit(tally: &mut Tally, inquiry: &InquiryFacts, weight: f64) {
    // A weight can underflow to 0 under time decay with a tiny half-life: that post got nothing.
    if weight <= 0.0 {
        return;
    }
    tally.inquiries += weight;
    if inquiry.is_client {
        tally.clients += weight;
    }
    tally.first_credit_ms.get_or_insert(inquiry.received_at_ms);
    tally.credits.push(InquiryCredit {
        id: inquiry.id,
        weight,
    });
}

/// The shares of n >= 2 candidates (published at `times`, oldest first) under a sharing model.
/// They sum to 1 (up to float rounding).
fn model_weights(model: AttributionModel, times: &[i64], half_life_ms: f64, out: &mut Vec<f64>) {
    let n = times.len();
    out.clear();
    match model {
        AttributionModel::Linear => out.resize(n, 1.0 / n as f64),
        AttributionModel::Position => {
            out.resize(n, 0.0);
            if n == 2 {
                out.fill(0.5);
            } else if n > 2 {
                let middle = 0.2 / (n - 2) as f64;
                out.fill(middle);
                out[0] = 0.4;
                out[n - 1] = 0.4;
            } else {
                out.fill(1.0);
            }
        }
        AttributionModel::TimeDecay => {
            // 2^(-d/H) with d measured from the inquiry; measured from the newest candidate
            // instead, which scales every weight by the same factor (gone after normalising)
            // and keeps the largest weight at 1, so a long window with a short half-life
            // cannot underflow them all to zero.
            let newest = times[n - 1];
            out.extend(
                times
                    .iter()
                    .map(|&p| (-((newest - p) as f64) / half_life_ms).exp2()),
            );
            let sum: f64 = out.iter().sum();
            out.iter_mut().for_each(|w| *w /= sum);
        }
        // Resolved to one post before we get here; kept total so a new model cannot panic.
        AttributionModel::LastTouch | AttributionModel::FirstTouch => {
            out.resize(n, 0.0);
            let k = if model == AttributionModel::LastTouch {
                n - 1
            } else {
                0
            };
            if let Some(w) = out.get_mut(k) {
                *w = 1.0;
            }
        }
        AttributionModel::ConfirmedOnly => out.resize(n, 0.0),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn weights(model: AttributionModel, times: &[i64]) -> Vec<f64> {
        let mut out = Vec::new();
        model_weights(model, times, 7.0 * MS_PER_DAY as f64, &mut out);
        out
    }

    #[test]
    fn position_shares() {
        assert_eq!(weights(AttributionModel::Position, &[1, 2]), vec![0.5, 0.5]);
        assert_eq!(
            weights(AttributionModel::Position, &[1, 2, 3]),
            vec![0.4, 0.2, 0.4]
        );
    }

    #[test]
    fn time_decay_halves_per_half_life() {
        let w = weights(AttributionModel::TimeDecay, &[0, 7 * MS_PER_DAY]);
        assert!((w[0] - 1.0 / 3.0).abs() < 1e-12);
        assert!((w[1] - 2.0 / 3.0).abs() < 1e-12);
    }
}
