//! Sharing an amount of cents by weights without losing or inventing a cent.

use std::cmp::Ordering;

/// Splits `total` cents over `weights` (non-negative) in proportion, by the largest-remainder
/// method: everyone gets the floor of their exact share, and the cents left over go one each to
/// the largest fractional parts (ties: the earlier entry). The parts in `out` sum to exactly
/// `total`; an entry with weight 0 never gets a cent. With no positive weight, `out` is all zero
/// (the caller counts the amount as unattributed).
pub(crate) fn split_cents(
    total: i64,
    weights: &[f64],
    out: &mut Vec<i64>,
    order: &mut Vec<(f64, usize)>,
) {
    out.clear();
    out.resize(weights.len(), 0);
    let sum: f64 = weights.iter().filter(|w| **w > 0.0).sum();
    if total <= 0 || sum <= 0.0 || !sum.is_finite() {
        return;
    }
    order.clear();
    // i128: n shares clamped to `total` each cannot overflow it.
    let mut given = 0i128;
    for (k, &w) in weights.iter().enumerate() {
        if w <= 0.0 {
            continue;
        }
        let exact = total as f64 * (w / sum);
        // Clamped: float rounding must not hand out more than the whole.
        let floor = (exact.floor() as i64).clamp(0, total);
        out[k] = floor;
        given += i128::from(floor);
        order.push((exact - floor as f64, k));
    }
    let mut left = i128::from(total) - given;
    if left > 0 && !order.is_empty() {
        let largest_first =
            |a: &(f64, usize), b: &(f64, usize)| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1));
        // Only which `left` entries are largest matters, not their order: a selection is O(n)
        // where sorting is O(n log n), and this runs for every client over hundreds of posts.
        match usize::try_from(left) {
            Ok(k) if k < order.len() => {
                order.select_nth_unstable_by(k, largest_first);
            }
            _ => order.sort_unstable_by(largest_first),
        }
        // One pass is enough when the weights are sane (left < number of entries); the loop is
        // there so that the sum is exact whatever the floats did.
        while left > 0 {
            for &(_, k) in order.iter() {
                if left == 0 {
                    break;
                }
                out[k] += 1;
                left -= 1;
            }
        }
    } else if left < 0 {
        // Floats rounded some shares up past the whole: take back from the smallest remainders.
        order.sort_unstable_by(|a, b| match a.0.total_cmp(&b.0) {
            Ordering::Equal => b.1.cmp(&a.1),
            other => other,
        });
        while left < 0 {
            let before = left;
            for &(_, k) in order.iter() {
                if left == 0 {
                    break;
                }
                if out[k] > 0 {
                    out[k] -= 1;
                    left += 1;
                }
            }
            if left == before {
                break;
            }
        }
    }
}

/// The exact share of `total` for `weight`, as whole cents and the fraction left over.
fn exact_share(total: i64, weight: f64) -> (i64, f64) {
    let exact = total as f64 * weight;
    // `as` truncates, which is the floor for the non-negative amounts here; capped so float
    // rounding can never hand out more than the whole.
    let floor = (exact as i64).min(total);
    (floor, exact - floor as f64)
}

/// How one inquiry's cents are shared over its candidate posts, decided once per inquiry so that
/// each (inquiry, post) pair can then be settled on its own, in any order or thread.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum CentSplit {
    Nothing,
    /// Largest remainder as a rule: a post gets the floor of its exact share, plus one cent
    /// when its (fraction, position) comes at or before `cut` in the order "largest fraction
    /// first, then earliest position". Exactly as many posts qualify as there are cents left.
    Cutoff {
        total: i64,
        cut: Option<(f64, usize)>,
    },
    /// The shares themselves (`shares[pos - first]`), for amounts so large (beyond ~10^13
    /// cents) that float rounding could make the rule hand out one cent too many or too few.
    Explicit {
        first: usize,
        shares: Vec<i64>,
    },
}

/// Reusable buffers for [`CentSplit::new`]; after it, the floors and fractions of the last
/// split's shares (for [`CentSplit::settle`]).
#[derive(Debug, Default)]
pub(crate) struct Scratch {
    fractions: Vec<f64>,
    floors: Vec<i64>,
    /// The bucket of each fraction.
    slots: Vec<u16>,
    buckets: Vec<u32>,
    boundary: Vec<(f64, usize)>,
}

/// Fractions are bucketed to find the k-th largest: one counting pass instead of a selection
/// over all candidates (which was the single most expensive step of a dense report). About
/// one bucket per candidate, at most this many.
const BUCKETS: usize = 1024;
const BUCKET_BITS: u32 = BUCKETS.trailing_zeros();

/// Just below 1, so that 1 + it is still below 2 (the largest float below 1 would round up).
const BELOW_ONE: f64 = 1.0 - f64::EPSILON;

/// floor(fraction x 1024) for a fraction in [0, 1), read from the bits of 1 + fraction (whose
/// mantissa is the fraction): cheaper than a saturating float-to-int conversion, and still
/// monotonic, which is all the selection needs.
fn bucket(fraction: f64, bits: u32) -> usize {
    let mantissa = (fraction.clamp(0.0, BELOW_ONE) + 1.0).to_bits() & ((1u64 << 52) - 1);
    (mantissa >> (52 - bits)) as usize
}

impl CentSplit {
    /// `weights[k]` is the weight of the post at position `first + k`; they sum to about 1.
    /// The weights must be the very values later passed to [`CentSplit::share`].
    pub(crate) fn new(total: i64, first: usize, weights: &[f64], scratch: &mut Scratch) -> Self {
        if total <= 0 {
            return CentSplit::Nothing;
        }
        let Scratch {
            fractions,
            floors,
            slots,
            buckets,
            boundary,
        } = scratch;
        // One pass: floors, fractions, and a histogram of the fractions (for the selection
        // below; wasted in the rare case no cent is left over).
        // 2^bits buckets, about one per candidate.
        let bits = weights
            .len()
            .next_power_of_two()
            .trailing_zeros()
            .clamp(4, BUCKET_BITS);
        let nbuckets = 1usize << bits;
        buckets.clear();
        buckets.resize(nbuckets, 0);
        let mut given = 0i128;
        let mut positive = 0usize;
        // Sized first and filled through slices: pushing would reload each vector's length
        // after every histogram write (they might alias, as far as the compiler knows).
        let n = weights.len();
        fractions.clear();
        fractions.resize(n, 0.0);
        floors.clear();
        floors.resize(n, 0);
        slots.clear();
        slots.resize(n, 0);
        let histogram = buckets.as_mut_slice();
        let outs = fractions
            .iter_mut()
            .zip(floors.iter_mut())
            .zip(slots.iter_mut());
        for (&w, ((fraction_of, floor_of), slot_of)) in weights.iter().zip(outs) {
            if w > 0.0 {
                let (floor, fraction) = exact_share(total, w);
                given += i128::from(floor);
                positive += 1;
                let b = bucket(fraction, bits);
                if let Some(count) = histogram.get_mut(b) {
                    *count += 1;
                }
                *fraction_of = fraction;
                *floor_of = floor;
                *slot_of = b as u16;
            } else {
                // Marks "no share at all": never among the largest.
                *fraction_of = -1.0;
                *slot_of = u16::MAX;
            }
        }
        let left = i128::from(total) - given;
        let k = match usize::try_from(left) {
            Ok(0) => return CentSplit::Cutoff { total, cut: None },
            Ok(k) if k < positive => k,
            _ => {
                let mut shares = Vec::new();
                split_cents(total, weights, &mut shares, boundary);
                return CentSplit::Explicit { first, shares };
            }
        };
        // The bucket holding the k-th largest fraction, and how many of the cents go to it.
        let mut above = 0usize;
        let mut chosen = (0, k);
        for b in (0..nbuckets).rev() {
            let here = buckets[b] as usize;
            if above + here >= k {
                chosen = (b, k - above);
                break;
            }
            above += here;
        }
        let (b, need) = chosen;
        // Within it, order by fraction, then position: every fraction in a higher bucket is
        // larger than every fraction in this one, so the cut is the need-th entry here.
        boundary.clear();
        boundary.extend(
            fractions
                .iter()
                .zip(slots.iter())
                .enumerate()
                .filter(|(_, (_, s))| usize::from(**s) == b)
                .map(|(i, (f, _))| (*f, first + i)),
        );
        boundary.sort_unstable_by(largest_first);
        match boundary.get(need.wrapping_sub(1)) {
            Some(cut) => CentSplit::Cutoff {
                total,
                cut: Some(*cut),
            },
            // Cannot happen (the counts say the bucket holds `need` entries); the explicit
            // split is right in every case, only slower.
            None => {
                let mut shares = Vec::new();
                split_cents(total, weights, &mut shares, boundary);
                CentSplit::Explicit { first, shares }
            }
        }
    }

    /// The cents of the post at `pos`, whose weight is `weight`.
    #[inline]
    pub(crate) fn share(&self, pos: usize, weight: f64) -> i64 {
        match self {
            CentSplit::Nothing => 0,
            _ if weight <= 0.0 => 0,
            CentSplit::Cutoff { total, cut } => {
                let (floor, fraction) = exact_share(*total, weight);
                // Plain comparisons: fractions are finite, and this runs for every pair.
                let extra = match cut {
                    Some((f, p)) => fraction > *f || (fraction == *f && pos <= *p),
                    None => false,
                };
                floor + i64::from(extra)
            }
            CentSplit::Explicit { first, shares } => pos
                .checked_sub(*first)
                .and_then(|k| shares.get(k))
                .copied()
                .unwrap_or(0),
        }
    }
}

impl CentSplit {
    /// Splits `total` as [`CentSplit::new`] does and adds to `out[k]` the cents of the post at
    /// position `first + k` ([`CentSplit::share`] for every candidate at once, from the floors
    /// and fractions the split has just worked out).
    pub(crate) fn settle(
        total: i64,
        first: usize,
        weights: &[f64],
        scratch: &mut Scratch,
        out: &mut [i64],
    ) {
        let split = CentSplit::new(total, first, weights, scratch);
        match &split {
            CentSplit::Nothing => {}
            CentSplit::Cutoff { cut, .. } => {
                // No cut: no fraction passes +inf. A post with no share has fraction -1 and
                // floor 0.
                let (cut_fraction, cut_pos) = cut.unwrap_or((f64::INFINITY, 0));
                let shares = scratch.floors.iter().zip(&scratch.fractions);
                for (k, ((&floor, &fraction), o)) in shares.zip(out).enumerate() {
                    // `|` and `&`, not `||` and `&&`: which way it goes is a coin toss per
                    // post, and a mispredicted branch costs more than both sides.
                    let extra = (fraction > cut_fraction)
                        | ((fraction == cut_fraction) & (first + k <= cut_pos));
                    *o = o.saturating_add(floor + i64::from(extra));
                }
            }
            CentSplit::Explicit { .. } => {
                for (k, (&w, o)) in weights.iter().zip(out).enumerate() {
                    *o = o.saturating_add(split.share(first + k, w));
                }
            }
        }
    }
}

/// Largest fraction first; between equal fractions, the earlier post.
fn largest_first(a: &(f64, usize), b: &(f64, usize)) -> Ordering {
    b.0.total_cmp(&a.0).then(a.1.cmp(&b.1))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The shares a `CentSplit` settles pair by pair, for weights at positions 10, 11, ...
    fn settle(total: i64, weights: &[f64]) -> Vec<i64> {
        let split = CentSplit::new(total, 10, weights, &mut Scratch::default());
        weights
            .iter()
            .enumerate()
            .map(|(k, &w)| split.share(10 + k, w))
            .collect()
    }

    #[test]
    fn the_pairwise_rule_matches_the_whole_split() {
        let cases: [(i64, &[f64]); 6] = [
            (10_000, &[1.0 / 3.0; 3]),
            (10, &[0.15, 0.27, 0.58]),
            (7, &[0.0, 1.0, 0.0]),
            (1, &[0.25; 4]),
            (999_999, &[0.1, 0.2, 0.3, 0.4]),
            (3, &[0.5, 0.5]),
        ];
        let many: Vec<f64> = (1..=500).map(|k| k as f64 / 125_250.0).collect();
        assert_eq!(settle(987_654, &many), split(987_654, &many));
        let ties = vec![1.0 / 7.0; 7];
        assert_eq!(settle(100, &ties), split(100, &ties));
        for (total, weights) in cases {
            assert_eq!(
                settle(total, weights),
                split(total, weights),
                "{total} {weights:?}"
            );
        }
    }

    #[test]
    fn settling_at_once_gives_each_post_its_share() {
        let many: Vec<f64> = (1..=500).map(|k| k as f64 / 125_250.0).collect();
        let cases: [(i64, &[f64]); 7] = [
            (10_000, &[1.0 / 3.0; 3]),
            (10, &[0.15, 0.27, 0.58]),
            (7, &[0.0, 1.0, 0.0]),
            (100, &[0.25; 4]),
            (987_654, &many),
            (0, &[0.5, 0.5]),
            (i64::MAX / 4, &[0.1, 0.2, 0.3, 0.4]),
        ];
        for (total, weights) in cases {
            let split = CentSplit::new(total, 10, weights, &mut Scratch::default());
            let mut settled = vec![1i64; weights.len()];
            CentSplit::settle(total, 10, weights, &mut Scratch::default(), &mut settled);
            let each: Vec<i64> = (0..weights.len())
                .map(|k| 1 + split.share(10 + k, weights[k]))
                .collect();
            assert_eq!(settled, each, "{total}");
        }
    }

    #[test]
    fn amounts_beyond_float_precision_still_add_up() {
        let total = i64::MAX / 4;
        let weights = [0.1, 0.2, 0.3, 0.4];
        assert_eq!(settle(total, &weights).iter().sum::<i64>(), total);
        assert_eq!(settle(0, &weights), vec![0; 4]);
    }

    fn split(total: i64, weights: &[f64]) -> Vec<i64> {
        let mut out = Vec::new();
        split_cents(total, weights, &mut out, &mut Vec::new());
        out
    }

    #[test]
    fn buckets_are_monotonic_and_in_range() {
        assert_eq!(bucket(0.0, 10), 0);
        assert_eq!(bucket(0.5, 10), 512);
        assert_eq!(bucket(1.0 / 1024.0, 10), 1);
        assert_eq!(bucket(BELOW_ONE, 10), 1023);
        assert_eq!(bucket(1.0, 10), 1023);
        assert_eq!(bucket(0.99, 4), 15);
        for bits in [4, 7, 10] {
            let mut last = 0;
            for k in 0..10_000 {
                let b = bucket(k as f64 / 10_000.0, bits);
                assert!(b >= last && b < 1 << bits);
                last = b;
            }
        }
    }

    #[test]
    fn thirds_of_a_hundred_euro() {
        assert_eq!(split(10_000, &[1.0 / 3.0; 3]), vec![3334, 3333, 3333]);
    }

    #[test]
    fn largest_remainder_wins_the_cent() {
        // Exact shares 1.5, 2.7, 5.8 -> floors 1, 2, 5; 2 cents left to .8 and .7.
        assert_eq!(split(10, &[0.15, 0.27, 0.58]), vec![1, 3, 6]);
    }

    #[test]
    fn zero_weights_get_nothing() {
        assert_eq!(split(7, &[0.0, 1.0, 0.0]), vec![0, 7, 0]);
        assert_eq!(split(7, &[0.0, 0.0]), vec![0, 0]);
        assert_eq!(split(0, &[0.5, 0.5]), vec![0, 0]);
    }

    #[test]
    fn huge_amounts_still_add_up() {
        let total = i64::MAX / 4;
        let parts = split(total, &[0.1, 0.2, 0.3, 0.4]);
        assert_eq!(parts.iter().sum::<i64>(), total);
    }
}
