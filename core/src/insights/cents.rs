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

#[cfg(test)]
mod tests {
    use super::*;

    fn split(total: i64, weights: &[f64]) -> Vec<i64> {
        let mut out = Vec::new();
        split_cents(total, weights, &mut out, &mut Vec::new());
        out
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
