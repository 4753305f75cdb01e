//! Plain observations that respect small samples. Below the thresholds of DESIGN.md (fewer
//! than 10 posts or fewer than 5 inquiries) the only thing said is "too early to tell".

use super::types::ChartSeries;
use super::types::{AudienceMonth, Observation, PostEngagement, Trend};
use super::InquiryMoment;

pub const MIN_POSTS: i64 = 10;
pub const MIN_INQUIRIES: i64 = 5;
/// An audience compared over less time than this says nothing about a trend.
pub const MIN_MONTHS: usize = 6;

pub fn observe(
    series: &[ChartSeries],
    posts: &[PostEngagement],
    inquiries: &[InquiryMoment],
    months: &[AudienceMonth],
) -> Vec<Observation> {
    let rated = posts.iter().filter(|p| p.engagement_rate.is_some()).count() as i64;
    let inquiry_count = inquiries.len() as i64;
    let mut out = Vec::new();
    if rated < MIN_POSTS || inquiry_count < MIN_INQUIRIES {
        out.push(Observation::TooEarly {
            posts_with_rate: rated,
            inquiries: inquiry_count,
        });
        return out;
    }
    out.extend(audience_vs_inquiries(series, months));
    out.extend(quiet_vs_loud(posts));
    out
}

/// The series with the most snapshots, its growth from the first month it has a size to the
/// last, and inquiries per month in the first and second half of those months.
fn audience_vs_inquiries(series: &[ChartSeries], months: &[AudienceMonth]) -> Option<Observation> {
    let main = series.iter().max_by_key(|s| s.at_ms.len())?;
    let sizes: Vec<(usize, i64)> = months
        .iter()
        .enumerate()
        .filter_map(|(i, m)| {
            m.audience
                .iter()
                .find(|a| a.channel_id == main.channel_id && a.measure == main.measure)
                .and_then(|a| a.size)
                .map(|s| (i, s))
        })
        .collect();
    let (&(from, start), &(_, end)) = (sizes.first()?, sizes.last()?);
    let span = &months[from..];
    if span.len() < MIN_MONTHS || start <= 0 {
        return None;
    }
    let half = span.len() / 2;
    let (early, late) = span.split_at(half);
    let early_count: i64 = early.iter().map(|m| m.inquiries).sum();
    let late_count: i64 = late.iter().map(|m| m.inquiries).sum();
    if early_count + late_count < MIN_INQUIRIES {
        return None;
    }
    let before = early_count as f64 / early.len() as f64;
    let after = late_count as f64 / late.len() as f64;
    Some(Observation::AudienceVsInquiries {
        channel: main.channel.clone(),
        measure: main.measure,
        growth: (end - start) as f64 / start as f64,
        months: span.len() as i64,
        inquiries_per_month_before: before,
        inquiries_per_month_after: after,
        trend: trend(early_count, early.len(), late_count, late.len()),
    })
}

/// Up or down only when the difference in monthly rates is more than about two standard
/// deviations of chance (Poisson counts); else about the same.
pub fn trend(early: i64, early_months: usize, late: i64, late_months: usize) -> Trend {
    let (e, l) = (early as f64, late as f64);
    let (em, lm) = (early_months.max(1) as f64, late_months.max(1) as f64);
    let diff = l / lm - e / em;
    let sd = (e / (em * em) + l / (lm * lm)).sqrt();
    if diff.abs() <= 2.0 * sd.max(f64::MIN_POSITIVE) {
        Trend::AboutSame
    } else if diff > 0.0 {
        Trend::Up
    } else {
        Trend::Down
    }
}

/// The third of posts with the fewest engagements against the third with the most (posts with
/// an engagement count only; at least 10 of them).
fn quiet_vs_loud(posts: &[PostEngagement]) -> Option<Observation> {
    let mut counted: Vec<&PostEngagement> =
        posts.iter().filter(|p| p.engagements.is_some()).collect();
    if (counted.len() as i64) < MIN_POSTS {
        return None;
    }
    counted.sort_by_key(|p| (p.engagements, p.published_at_ms, p.id));
    let k = counted.len() / 3;
    let quiet = &counted[..k];
    let loud = &counted[counted.len() - k..];
    let sum = |ps: &[&PostEngagement], f: fn(&PostEngagement) -> f64| {
        ps.iter().map(|p| f(p)).sum::<f64>()
    };
    Some(Observation::QuietVsLoud {
        posts: k as i64,
        quiet_clients: sum(quiet, |p| p.credited_clients),
        loud_clients: sum(loud, |p| p.credited_clients),
        quiet_inquiries: sum(quiet, |p| p.credited_inquiries),
        loud_inquiries: sum(loud, |p| p.credited_inquiries),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trends_respect_chance() {
        // 6 vs 7 inquiries over 6 months each: chance.
        assert_eq!(trend(6, 6, 7, 6), Trend::AboutSame);
        assert_eq!(trend(6, 6, 40, 6), Trend::Up);
        assert_eq!(trend(40, 6, 6, 6), Trend::Down);
        assert_eq!(trend(0, 6, 0, 6), Trend::AboutSame);
    }
}
