//! Baseline and lift: do inquiries come in more often while some post is fresh (inside its
//! window) than while none is? Measured in elapsed time, like the windows themselves.

use super::report::InsightsBaseline;
use crate::time::MS_PER_DAY;

/// Fewer inquiries than this in the period: too early to tell.
pub const MIN_INQUIRIES: i64 = 5;
/// Fewer posts than this in the report: too early to tell.
pub const MIN_POSTS: i64 = 10;
/// z for a two-sided 95% interval.
const Z95: f64 = 1.959_963_984_540_054;

/// What the baseline is computed from.
#[derive(Debug, Clone, Copy)]
pub(crate) struct BaselineInput<'a> {
    /// Publication times of every post that can be credited, sorted.
    pub post_times: &'a [i64],
    pub window_ms: i64,
    /// The observed period [start, end), in epoch ms.
    pub start_ms: i64,
    pub end_ms: i64,
    /// Inquiries in the period with some post in their window [t - W, t], and without one.
    pub inquiries_inside: i64,
    pub inquiries_outside: i64,
    /// Posts in the report.
    pub posts: i64,
}

pub(crate) fn baseline(input: &BaselineInput<'_>) -> InsightsBaseline {
    let period_ms = (input.end_ms - input.start_ms).max(0);
    let inside_ms = covered_ms(
        input.post_times,
        input.window_ms,
        input.start_ms,
        input.end_ms,
    );
    let inside_days = inside_ms as f64 / MS_PER_DAY as f64;
    let outside_days = (period_ms - inside_ms).max(0) as f64 / MS_PER_DAY as f64;
    let (a, b) = (input.inquiries_inside, input.inquiries_outside);
    let rate = |count: i64, days: f64| if days > 0.0 { count as f64 / days } else { 0.0 };
    let rate_inside = rate(a, inside_days);
    let rate_outside = rate(b, outside_days);
    let lift = (inside_days > 0.0 && rate_outside > 0.0).then(|| rate_inside / rate_outside);
    // Ratio of two Poisson rates, log method: ln(lift) +- z * sqrt(1/a + 1/b). Needs an inquiry
    // on each side; with none the interval is undefined rather than zero-width.
    let (lift_low, lift_high) = match lift {
        Some(l) if a > 0 && b > 0 => {
            let half = Z95 * (1.0 / a as f64 + 1.0 / b as f64).sqrt();
            (Some((l.ln() - half).exp()), Some((l.ln() + half).exp()))
        }
        _ => (None, None),
    };
    InsightsBaseline {
        rate_inside_per_day: rate_inside,
        rate_outside_per_day: rate_outside,
        lift,
        lift_low,
        lift_high,
        inside_days,
        outside_days,
        inquiries_inside: a,
        inquiries_outside: b,
        too_early: a + b < MIN_INQUIRIES || input.posts < MIN_POSTS,
    }
}

/// The length of the union of the windows [p, p + W] of sorted `times`, clipped to [start, end).
/// One pass over the posts whose window can reach the period.
fn covered_ms(times: &[i64], window_ms: i64, start: i64, end: i64) -> i64 {
    if end <= start {
        return 0;
    }
    let first = times.partition_point(|&p| p.saturating_add(window_ms) < start);
    let mut covered = 0i64;
    // The merged interval being built, already clipped to the period.
    let mut current: Option<(i64, i64)> = None;
    for &p in &times[first..] {
        if p >= end {
            break;
        }
        let (lo, hi) = (p.max(start), p.saturating_add(window_ms).min(end));
        current = match current {
            Some((clo, chi)) if lo <= chi => Some((clo, chi.max(hi))),
            Some((clo, chi)) => {
                covered += chi - clo;
                Some((lo, hi))
            }
            None => Some((lo, hi)),
        };
    }
    if let Some((clo, chi)) = current {
        covered += chi - clo;
    }
    covered
}

#[cfg(test)]
mod tests {
    use super::*;

    const D: i64 = MS_PER_DAY;

    #[test]
    fn overlapping_windows_count_once_and_are_clipped() {
        // Windows [0, 10] and [5, 15] merge to [0, 15]; [30, 40] is clipped to [30, 35).
        assert_eq!(covered_ms(&[0, 5, 30], 10, -100, 35), 15 + 5);
        // A window that ended before the period starts covers nothing.
        assert_eq!(covered_ms(&[0], 10, 20, 100), 0);
        assert_eq!(covered_ms(&[], 10, 0, 100), 0);
    }

    #[test]
    fn lift_and_interval() {
        let b = baseline(&BaselineInput {
            post_times: &[0],
            window_ms: 10 * D,
            start_ms: 0,
            end_ms: 30 * D,
            inquiries_inside: 10,
            inquiries_outside: 4,
            posts: 12,
        });
        assert!((b.inside_days - 10.0).abs() < 1e-12);
        assert!((b.outside_days - 20.0).abs() < 1e-12);
        assert!((b.rate_inside_per_day - 1.0).abs() < 1e-12);
        assert!((b.rate_outside_per_day - 0.2).abs() < 1e-12);
        let lift = b.lift.unwrap_or(f64::NAN);
        assert!((lift - 5.0).abs() < 1e-9);
        let half = Z95 * (0.1f64 + 0.25).sqrt();
        assert!((b.lift_low.unwrap_or(f64::NAN) - 5.0 * (-half).exp()).abs() < 1e-9);
        assert!((b.lift_high.unwrap_or(f64::NAN) - 5.0 * half.exp()).abs() < 1e-9);
        assert!(!b.too_early);
    }

    #[test]
    fn no_outside_time_means_no_lift() {
        let b = baseline(&BaselineInput {
            post_times: &[0],
            window_ms: 100 * D,
            start_ms: 0,
            end_ms: 30 * D,
            inquiries_inside: 3,
            inquiries_outside: 0,
            posts: 1,
        });
        assert_eq!((b.lift, b.lift_low, b.lift_high), (None, None, None));
        assert_eq!(b.outside_days, 0.0);
        assert!(b.too_early);
    }
}
