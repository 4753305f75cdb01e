//! Insights: the attribution contract of DESIGN.md, checked by hand-computed cases for every
//! model, property tests that credit always adds up, and the report read from a real SQLite file.

use std::collections::{BTreeMap, BTreeSet};

use afterword_core::insights::{
    attribute, attribute_post, post_credits, report, summarise, summary, AttributionModel,
    DateRange, InquiryFacts, InsightSettings, InsightsReport, InsightsSummary, PostFacts,
    PostInsight, PostSummary,
};
use afterword_core::model::{Felt, InquiryInput, InquiryStatus, Motive, PostInput, PostKind};
use afterword_core::time::MS_PER_DAY;
use afterword_core::{validate, Error, Store};
use chrono::{DateTime, Utc};
use chrono_tz::Europe::Amsterdam;
use proptest::prelude::*;

const D: i64 = MS_PER_DAY;
const HOUR: i64 = 60 * 60 * 1000;
const EPS: f64 = 1e-12;

use AttributionModel::{ConfirmedOnly, FirstTouch, LastTouch, Linear, Position, TimeDecay};
const MODELS: [AttributionModel; 6] = [
    ConfirmedOnly,
    LastTouch,
    FirstTouch,
    Linear,
    TimeDecay,
    Position,
];

/// An instant written as RFC 3339.
fn at(s: &str) -> i64 {
    DateTime::parse_from_rfc3339(s)
        .expect("test instant")
        .timestamp_millis()
}

/// Monday 2 March 2026, 09:00 UTC: the inquiry in most cases.
fn t0() -> i64 {
    at("2026-03-02T09:00:00Z")
}

fn post(id: i64, published_at_ms: i64) -> PostFacts {
    PostFacts {
        id,
        published_at_ms,
        channel: "LinkedIn".into(),
        kind: PostKind::Post,
        felt: None,
        motive: None,
        minutes: None,
        title: format!("post {id}").into(),
    }
}

fn inquiry(id: i64, received_at_ms: i64) -> InquiryFacts {
    InquiryFacts {
        id,
        received_at_ms,
        source_post_id: None,
        not_from_posts: false,
        is_client: false,
        value_cents: None,
    }
}

fn client(id: i64, received_at_ms: i64, value_cents: i64) -> InquiryFacts {
    InquiryFacts {
        is_client: true,
        value_cents: Some(value_cents),
        ..inquiry(id, received_at_ms)
    }
}

fn settings(model: AttributionModel) -> InsightSettings {
    InsightSettings {
        model,
        ..InsightSettings::default()
    }
}

fn run_with(
    s: &InsightSettings,
    posts: &[PostFacts],
    inquiries: &[InquiryFacts],
) -> InsightsReport {
    attribute(posts, inquiries, s, &DateRange::all(), &Utc).expect("valid settings")
}

fn run(model: AttributionModel, posts: &[PostFacts], inquiries: &[InquiryFacts]) -> InsightsReport {
    run_with(&settings(model), posts, inquiries)
}

/// post id -> weight, for one inquiry.
fn credits_of(r: &InsightsReport, inquiry_id: i64) -> BTreeMap<i64, f64> {
    r.posts
        .iter()
        .flat_map(|p| {
            p.inquiries
                .iter()
                .filter(move |c| c.id == inquiry_id)
                .map(move |c| (p.id, c.weight))
        })
        .collect()
}

fn assert_credits(r: &InsightsReport, inquiry_id: i64, expected: &[(i64, f64)]) {
    let got = credits_of(r, inquiry_id);
    let want: BTreeMap<i64, f64> = expected.iter().copied().collect();
    assert_eq!(
        got.keys().collect::<Vec<_>>(),
        want.keys().collect::<Vec<_>>(),
        "posts credited for inquiry {inquiry_id} ({}): {got:?}",
        r.model
    );
    for (id, w) in &want {
        assert!(
            (got[id] - w).abs() < EPS,
            "post {id} for inquiry {inquiry_id} ({}): got {}, want {w}",
            r.model,
            got[id]
        );
    }
}

fn post_of(r: &InsightsReport, id: i64) -> &afterword_core::insights::PostInsight {
    r.posts.iter().find(|p| p.id == id).expect("post listed")
}

// ---- every model, by hand ----------------------------------------------------------------

/// Three posts 10, 3 and 1 day(s) before the inquiry, one an hour after it.
fn three_before_one_after() -> (Vec<PostFacts>, Vec<InquiryFacts>) {
    let t = t0();
    let posts = vec![
        post(1, t - 10 * D),
        post(2, t - 3 * D),
        post(3, t - D),
        post(4, t + HOUR),
    ];
    (posts, vec![inquiry(100, t)])
}

#[test]
fn last_touch_credits_the_most_recent_post_before_the_inquiry() {
    let (posts, inquiries) = three_before_one_after();
    let r = run(LastTouch, &posts, &inquiries);
    assert_eq!(r.model, "last-touch");
    assert_credits(&r, 100, &[(3, 1.0)]);
    assert_eq!(
        post_of(&r, 4).credited_inquiries,
        0.0,
        "a later post is never credited"
    );
}

#[test]
fn first_touch_credits_the_earliest_post_in_the_window() {
    let (posts, inquiries) = three_before_one_after();
    let r = run(FirstTouch, &posts, &inquiries);
    assert_credits(&r, 100, &[(1, 1.0)]);
}

#[test]
fn linear_shares_equally() {
    let (posts, inquiries) = three_before_one_after();
    let r = run(Linear, &posts, &inquiries);
    assert_credits(&r, 100, &[(1, 1.0 / 3.0), (2, 1.0 / 3.0), (3, 1.0 / 3.0)]);
}

#[test]
fn time_decay_halves_the_weight_per_half_life() {
    let t = t0();
    // 14, 7 and 0 days before: raw weights 1/4, 1/2, 1 -> 1/7, 2/7, 4/7.
    let posts = [post(1, t - 14 * D), post(2, t - 7 * D), post(3, t)];
    let r = run(TimeDecay, &posts, &[inquiry(100, t)]);
    assert_eq!(r.model, "time-decay");
    assert_credits(&r, 100, &[(1, 1.0 / 7.0), (2, 2.0 / 7.0), (3, 4.0 / 7.0)]);

    // 10, 3 and 1 day(s): 2^(-10/7), 2^(-3/7), 2^(-1/7), normalised.
    let (posts, inquiries) = three_before_one_after();
    let r = run(TimeDecay, &posts, &inquiries);
    let raw = [-10.0f64, -3.0, -1.0].map(|d| (d / 7.0).exp2());
    let sum: f64 = raw.iter().sum();
    assert_credits(
        &r,
        100,
        &[(1, raw[0] / sum), (2, raw[1] / sum), (3, raw[2] / sum)],
    );

    // Half-life 3.5 days: 7 days is two half-lives, so 1/4 against 1 -> 1/5, 4/5.
    let s = InsightSettings {
        half_life_days: 3.5,
        ..settings(TimeDecay)
    };
    let r = run_with(&s, &[post(1, t - 7 * D), post(2, t)], &[inquiry(100, t)]);
    assert_credits(&r, 100, &[(1, 0.2), (2, 0.8)]);
}

#[test]
fn position_based_for_one_two_three_and_five_posts() {
    let t = t0();
    let n_posts =
        |n: i64| -> Vec<PostFacts> { (1..=n).map(|k| post(k, t - (n - k + 1) * D)).collect() };
    let i = [inquiry(100, t)];

    let r = run(Position, &n_posts(1), &i);
    assert_eq!(r.model, "position");
    assert_credits(&r, 100, &[(1, 1.0)]);

    let r = run(Position, &n_posts(2), &i);
    assert_credits(&r, 100, &[(1, 0.5), (2, 0.5)]);

    let r = run(Position, &n_posts(3), &i);
    assert_credits(&r, 100, &[(1, 0.4), (2, 0.2), (3, 0.4)]);

    let r = run(Position, &n_posts(5), &i);
    let middle = 0.2 / 3.0;
    assert_credits(
        &r,
        100,
        &[(1, 0.4), (2, middle), (3, middle), (4, middle), (5, 0.4)],
    );
}

#[test]
fn confirmed_only_credits_nothing_but_confirmed_sources() {
    let (posts, _) = three_before_one_after();
    let t = t0();
    let confirmed = InquiryFacts {
        source_post_id: Some(2),
        ..inquiry(100, t)
    };
    let r = run(ConfirmedOnly, &posts, &[confirmed, inquiry(101, t)]);
    assert_eq!(r.model, "confirmed-only");
    assert_credits(&r, 100, &[(2, 1.0)]);
    assert_credits(&r, 101, &[]);
    assert_eq!(r.totals.unattributed_inquiries, 1);
}

// ---- ties, edges, and the special cases of the contract -----------------------------------

#[test]
fn ties_at_the_same_millisecond_are_broken_by_id() {
    let t = t0();
    // Given out of order on purpose: the result must not depend on it.
    let posts = [
        post(9, t - D),
        post(3, t - D),
        post(5, t - 2 * D),
        post(4, t - 2 * D),
    ];
    let i = [inquiry(100, t)];
    assert_credits(&run(LastTouch, &posts, &i), 100, &[(9, 1.0)]);
    assert_credits(&run(FirstTouch, &posts, &i), 100, &[(4, 1.0)]);
    // Order (t-2d, 4), (t-2d, 5), (t-1d, 3), (t-1d, 9): first and last are 4 and 9.
    assert_credits(
        &run(Position, &posts, &i),
        100,
        &[(4, 0.4), (5, 0.1), (3, 0.1), (9, 0.4)],
    );
    // Same instant, same weight.
    let r = run(TimeDecay, &posts, &i);
    let w = credits_of(&r, 100);
    assert!((w[&9] - w[&3]).abs() < EPS && (w[&5] - w[&4]).abs() < EPS);

    let mut reversed = posts.to_vec();
    reversed.reverse();
    for model in MODELS {
        assert_eq!(run(model, &posts, &i), run(model, &reversed, &i), "{model}");
    }
}

#[test]
fn an_inquiry_in_the_same_minute_as_a_post_is_credited_to_it() {
    let t = t0();
    for model in [LastTouch, FirstTouch, Linear, TimeDecay, Position] {
        // Logged by the minute, both at 09:00: the same instant.
        let r = run(model, &[post(1, t)], &[inquiry(100, t)]);
        assert_credits(&r, 100, &[(1, 1.0)]);
        assert_eq!(post_of(&r, 1).days_to_first_inquiry, Some(0.0));
        // One millisecond later is after the inquiry: never credited.
        let r = run(model, &[post(1, t + 1)], &[inquiry(100, t)]);
        assert_credits(&r, 100, &[]);
        assert_eq!(r.totals.unattributed_inquiries, 1);
    }
}

#[test]
fn window_edges_are_included_and_one_millisecond_beyond_is_not() {
    let t = t0();
    for model in [LastTouch, FirstTouch, Linear, TimeDecay, Position] {
        // Exactly 30 days before: inside.
        let r = run(model, &[post(1, t - 30 * D)], &[inquiry(100, t)]);
        assert_credits(&r, 100, &[(1, 1.0)]);
        assert_eq!(post_of(&r, 1).days_to_first_inquiry, Some(30.0));
        // 30 days and 1 ms: outside, so the inquiry is unattributed.
        let r = run(model, &[post(1, t - 30 * D - 1)], &[inquiry(100, t)]);
        assert_credits(&r, 100, &[]);
        assert_eq!(r.totals.unattributed_inquiries, 1);
        assert_eq!(post_of(&r, 1).days_to_first_inquiry, None);
    }
    // The window is a setting.
    let s = InsightSettings {
        window_days: 7,
        ..settings(Linear)
    };
    let r = run_with(
        &s,
        &[post(1, t - 7 * D), post(2, t - 7 * D - 1)],
        &[inquiry(100, t)],
    );
    assert_credits(&r, 100, &[(1, 1.0)]);
}

#[test]
fn a_confirmed_source_gets_everything_even_outside_the_window() {
    let t = t0();
    let posts = [post(1, t - 90 * D), post(2, t - D), post(3, t - 2 * D)];
    let confirmed = InquiryFacts {
        source_post_id: Some(1),
        ..client(100, t, 50_000)
    };
    for model in MODELS {
        let r = run(model, &posts, std::slice::from_ref(&confirmed));
        assert_credits(&r, 100, &[(1, 1.0)]);
        assert_eq!(post_of(&r, 1).credited_clients, 1.0);
        assert_eq!(post_of(&r, 1).credited_revenue_cents, 50_000);
        assert_eq!(post_of(&r, 1).days_to_first_inquiry, Some(90.0));
        assert_eq!(r.totals.unattributed_inquiries, 0);
    }
}

#[test]
fn a_deleted_confirmed_source_counts_as_none() {
    let t = t0();
    // Post 7 was deleted: it is not among the posts the engine sees.
    let i = InquiryFacts {
        source_post_id: Some(7),
        ..inquiry(100, t)
    };
    let posts = [post(1, t - D), post(2, t - 2 * D)];
    assert_credits(
        &run(LastTouch, &posts, std::slice::from_ref(&i)),
        100,
        &[(1, 1.0)],
    );
    assert_credits(
        &run(Linear, &posts, std::slice::from_ref(&i)),
        100,
        &[(1, 0.5), (2, 0.5)],
    );
    let r = run(ConfirmedOnly, &posts, &[i]);
    assert_credits(&r, 100, &[]);
    assert_eq!(r.totals.unattributed_inquiries, 1);
}

#[test]
fn not_from_posts_is_credited_to_none_and_counted_as_unattributed() {
    let t = t0();
    let referral = InquiryFacts {
        not_from_posts: true,
        ..client(100, t, 12_345)
    };
    for model in MODELS {
        let r = run(model, &[post(1, t - D)], std::slice::from_ref(&referral));
        assert_credits(&r, 100, &[]);
        assert_eq!(r.totals.inquiries, 1);
        assert_eq!(r.totals.unattributed_inquiries, 1);
        assert_eq!(r.totals.unattributed_clients, 1);
        assert_eq!(r.totals.unattributed_revenue_cents, 12_345);
        assert_eq!(r.totals.revenue_cents, 12_345);
    }
}

#[test]
fn inquiries_without_a_candidate_are_counted_never_hidden() {
    let t = t0();
    let r = run(
        TimeDecay,
        &[post(1, t - D)],
        &[
            inquiry(100, t),
            client(101, t - 40 * D, 900),
            inquiry(102, t - 2 * D),
        ],
    );
    assert_eq!(r.totals.inquiries, 3);
    assert_eq!(r.totals.clients, 1);
    assert_eq!(r.totals.unattributed_inquiries, 2);
    assert_eq!(r.totals.unattributed_clients, 1);
    assert_eq!(r.totals.unattributed_revenue_cents, 900);
    assert_credits(&r, 100, &[(1, 1.0)]);
}

#[test]
fn dst_changes_shift_nothing_but_weekdays_follow_local_time() {
    // Clocks in Amsterdam go from 02:00 to 03:00 on Sunday 29 March 2026.
    let inquiry_at = at("2026-03-29T12:00:00+02:00");
    // Same local time one calendar day earlier: only 23 hours before.
    let day_before = at("2026-03-28T12:00:00+01:00");
    assert_eq!(inquiry_at - day_before, 23 * HOUR);
    let s = InsightSettings {
        window_days: 1,
        ..settings(Linear)
    };
    let local = |posts: &[PostFacts], inquiries: &[InquiryFacts]| {
        attribute(posts, inquiries, &s, &DateRange::all(), &Amsterdam).expect("report")
    };
    // One window day is 24 elapsed hours, whatever the clocks did.
    let r = local(&[post(1, day_before)], &[inquiry(100, inquiry_at)]);
    assert_credits(&r, 100, &[(1, 1.0)]);
    let exactly_24h = day_before + 24 * HOUR;
    assert_eq!(
        DateTime::<Utc>::from_timestamp_millis(exactly_24h)
            .map(|d| d.with_timezone(&Amsterdam).to_rfc3339()),
        Some("2026-03-29T13:00:00+02:00".to_string())
    );
    let r = local(&[post(1, day_before)], &[inquiry(100, exactly_24h)]);
    assert_credits(&r, 100, &[(1, 1.0)]);
    let r = local(&[post(1, day_before)], &[inquiry(100, exactly_24h + 1)]);
    assert_credits(&r, 100, &[]);

    // Decay over the change uses elapsed days: one week of calendar is 7 days - 1 hour.
    let week_before = at("2026-03-22T12:00:00+01:00");
    let r = attribute(
        &[post(1, week_before), post(2, inquiry_at)],
        &[inquiry(100, inquiry_at)],
        &settings(TimeDecay),
        &DateRange::all(),
        &Amsterdam,
    )
    .expect("report");
    let a = (-(7.0 - 1.0 / 24.0) / 7.0f64).exp2();
    assert_credits(&r, 100, &[(1, a / (1.0 + a)), (2, 1.0 / (1.0 + a))]);
    assert!((post_of(&r, 1).days_to_first_inquiry.unwrap_or(0.0) - (7.0 - 1.0 / 24.0)).abs() < EPS);

    // 00:30 on Sunday in Amsterdam is still Saturday in UTC.
    let sunday_night = at("2026-03-29T00:30:00+01:00");
    let weekdays = |r: &InsightsReport| {
        r.groups
            .weekday
            .iter()
            .map(|g| g.key.clone())
            .collect::<Vec<_>>()
    };
    let posts = [post(1, sunday_night)];
    let in_amsterdam = attribute(
        &posts,
        &[],
        &settings(Linear),
        &DateRange::all(),
        &Amsterdam,
    )
    .expect("report");
    let in_utc =
        attribute(&posts, &[], &settings(Linear), &DateRange::all(), &Utc).expect("report");
    assert_eq!(weekdays(&in_amsterdam), ["sunday"]);
    assert_eq!(weekdays(&in_utc), ["saturday"]);
    // And just after the clocks moved (03:30 CEST, 01:30 UTC): Sunday in both.
    let after = [post(1, at("2026-03-29T03:30:00+02:00"))];
    let r = attribute(
        &after,
        &[],
        &settings(Linear),
        &DateRange::all(),
        &Amsterdam,
    )
    .expect("report");
    assert_eq!(weekdays(&r), ["sunday"]);
}

// ---- money ------------------------------------------------------------------------------

#[test]
fn revenue_adds_up_to_the_last_cent() {
    let t = t0();
    let posts = [post(1, t - 3 * D), post(2, t - 2 * D), post(3, t - D)];
    // 100.00 EUR over three posts: 33.34 + 33.33 + 33.33; the tie goes to the earliest post.
    let r = run(Linear, &posts, &[client(100, t, 10_000)]);
    let cents: Vec<i64> = r.posts.iter().map(|p| p.credited_revenue_cents).collect();
    assert_eq!(cents, [3334, 3333, 3333]);
    assert_eq!(r.totals.revenue_cents, 10_000);
    assert_eq!(r.totals.unattributed_revenue_cents, 0);

    // Three clients of 0.01 EUR each: each cent goes somewhere, none is lost.
    let r = run(
        Linear,
        &posts,
        &[client(100, t, 1), client(101, t, 1), client(102, t, 1)],
    );
    assert_eq!(
        r.posts
            .iter()
            .map(|p| p.credited_revenue_cents)
            .sum::<i64>(),
        3
    );

    // A value on an inquiry that did not become a client is not revenue.
    let talking = InquiryFacts {
        value_cents: Some(99_999),
        ..inquiry(103, t)
    };
    let r = run(Linear, &posts, &[talking]);
    assert_eq!(r.totals.revenue_cents, 0);
    assert_eq!(
        r.posts
            .iter()
            .map(|p| p.credited_revenue_cents)
            .sum::<i64>(),
        0
    );
}

// ---- per post, groups, baseline ---------------------------------------------------------

#[test]
fn per_post_lists_inquiries_in_the_order_they_came_in() {
    let t = t0();
    let r = run(
        LastTouch,
        &[post(1, t - 5 * D)],
        &[
            inquiry(102, t),
            inquiry(101, t - 2 * D),
            client(103, t - 3 * D, 500),
        ],
    );
    let p = post_of(&r, 1);
    assert_eq!(
        p.inquiries.iter().map(|c| c.id).collect::<Vec<_>>(),
        [103, 101, 102]
    );
    assert_eq!(p.credited_inquiries, 3.0);
    assert_eq!(p.credited_clients, 1.0);
    assert_eq!(p.credited_revenue_cents, 500);
    assert_eq!(p.days_to_first_inquiry, Some(2.0));
    assert_eq!(p.published_at, "2026-02-25T09:00:00Z");
}

#[test]
fn groups_compare_per_post_and_say_too_early_on_small_samples() {
    let t = t0();
    let mut posts: Vec<PostFacts> = (1..=10)
        .map(|k| PostFacts {
            minutes: Some(30),
            felt: Some(Felt::Energising),
            motive: Some(Motive::Wanted),
            ..post(k, t - k * D)
        })
        .collect();
    posts.push(PostFacts {
        channel: "Newsletter".into(),
        kind: PostKind::Newsletter,
        ..post(11, t - 20 * D)
    });
    // Five clients, each confirmed from one of the first five LinkedIn posts.
    let inquiries: Vec<InquiryFacts> = (1..=5)
        .map(|k| InquiryFacts {
            source_post_id: Some(k),
            ..client(100 + k, t, 1_000)
        })
        .collect();
    let r = run(TimeDecay, &posts, &inquiries);

    let linkedin = &r.groups.channel[0];
    assert_eq!((linkedin.key.as_str(), linkedin.posts), ("LinkedIn", 10));
    assert_eq!(linkedin.credited_inquiries, 5.0);
    assert_eq!(linkedin.credited_clients, 5.0);
    assert_eq!(linkedin.credited_revenue_cents, 5_000);
    assert_eq!(linkedin.inquiries_per_post, 0.5);
    assert_eq!(linkedin.revenue_per_post_cents, 500.0);
    // 5 clients over 10 x 30 minutes = 5 hours.
    assert_eq!(linkedin.clients_per_hour, Some(1.0));
    assert!(!linkedin.too_early, "10 posts and 5 inquiries is enough");

    let newsletter = &r.groups.channel[1];
    assert_eq!(
        (newsletter.key.as_str(), newsletter.posts),
        ("Newsletter", 1)
    );
    assert_eq!(newsletter.clients_per_hour, None, "no minutes logged");
    assert!(newsletter.too_early);

    let keys = |g: &[afterword_core::insights::GroupInsight]| {
        g.iter().map(|g| g.key.clone()).collect::<Vec<_>>()
    };
    assert_eq!(keys(&r.groups.kind), ["post", "newsletter"]);
    assert_eq!(keys(&r.groups.felt), ["energising", "unknown"]);
    assert_eq!(keys(&r.groups.motive), ["wanted", "unknown"]);
    // 2 March 2026 is a Monday; posts 1..10 days before it and one 20 days before.
    assert_eq!(r.groups.weekday.iter().map(|g| g.posts).sum::<i64>(), 11);
    assert_eq!(keys(&r.groups.weekday)[0], "monday");

    // Nine posts are too few however many inquiries followed.
    let r = run(TimeDecay, &posts[..9], &inquiries);
    assert!(r.groups.channel[0].too_early);
}

#[test]
fn baseline_compares_time_inside_windows_with_time_outside() {
    let start = at("2026-01-01T00:00:00Z");
    let range = DateRange {
        start_ms: Some(start),
        end_ms: Some(start + 60 * D),
        now_ms: None,
    };
    let s = InsightSettings {
        window_days: 5,
        ..settings(TimeDecay)
    };
    // Windows [day 0, day 5] and [day 10, day 15]: 10 days inside, 50 outside.
    let posts = [post(1, start), post(2, start + 10 * D)];
    let inquiries: Vec<InquiryFacts> = [1, 2, 3, 11, 20, 30, 40, 50, 55]
        .iter()
        .enumerate()
        .map(|(k, day)| inquiry(k as i64, start + day * D))
        .collect();
    let b = attribute(&posts, &inquiries, &s, &range, &Utc)
        .expect("report")
        .baseline;
    assert_eq!((b.inquiries_inside, b.inquiries_outside), (4, 5));
    assert!((b.inside_days - 10.0).abs() < EPS && (b.outside_days - 50.0).abs() < EPS);
    assert!((b.rate_inside_per_day - 0.4).abs() < EPS);
    assert!((b.rate_outside_per_day - 0.1).abs() < EPS);
    let lift = b.lift.expect("a lift");
    assert!((lift - 4.0).abs() < 1e-9);
    let half = 1.959_963_984_540_054 * (1.0f64 / 4.0 + 1.0 / 5.0).sqrt();
    assert!((b.lift_low.expect("low") - 4.0 * (-half).exp()).abs() < 1e-9);
    assert!((b.lift_high.expect("high") - 4.0 * half.exp()).abs() < 1e-9);
    assert!(b.too_early, "two posts are too few to call it");

    // No inquiry outside: no lift, rather than an infinite one.
    let b = attribute(&posts, &inquiries[..4], &s, &range, &Utc)
        .expect("report")
        .baseline;
    assert_eq!((b.lift, b.lift_low, b.lift_high), (None, None, None));
    assert_eq!(b.rate_outside_per_day, 0.0);
}

// ---- ranges -----------------------------------------------------------------------------

#[test]
fn a_range_reports_inquiries_received_in_it_and_credits_earlier_posts_too() {
    let range =
        DateRange::parse(Some("2026-03-01"), Some("2026-03-31"), &Amsterdam).expect("range");
    let march_1 = at("2026-03-01T00:00:00+01:00");
    let posts = [
        post(1, march_1 - 2 * D), // February: credited for an inquiry in March, so listed
        post(2, march_1 - 20 * D), // February, credited for nothing in March: not listed
        post(3, march_1 + 5 * D), // March
        post(4, at("2026-04-01T00:00:00+02:00")), // April
    ];
    let inquiries = [
        inquiry(100, march_1 + D),                     // credited to 1 (last touch)
        inquiry(101, march_1 - D),                     // February: not reported
        inquiry(102, at("2026-04-01T00:30:00+02:00")), // April: not reported
        inquiry(103, at("2026-03-31T23:59:59+02:00")), // last second of the range
    ];
    let r =
        attribute(&posts, &inquiries, &settings(LastTouch), &range, &Amsterdam).expect("report");
    assert_eq!(r.posts.iter().map(|p| p.id).collect::<Vec<_>>(), [1, 3]);
    assert_eq!(r.totals.posts, 2);
    assert_eq!(r.totals.inquiries, 2);
    assert_credits(&r, 100, &[(1, 1.0)]);
    assert_credits(&r, 103, &[(3, 1.0)]);
    // 31 days, one of them 23 hours long.
    let observed = r.baseline.inside_days + r.baseline.outside_days;
    assert!((observed - (31.0 - 1.0 / 24.0)).abs() < 1e-9, "{observed}");
}

#[test]
fn date_ranges_are_local_calendar_days_with_clear_errors() {
    let r = DateRange::parse(Some("2026-03-29"), Some("2026-03-29"), &Amsterdam).expect("range");
    assert_eq!(r.start_ms, Some(at("2026-03-28T23:00:00Z")));
    assert_eq!(r.end_ms, Some(at("2026-03-29T22:00:00Z")), "a 23-hour day");
    assert_eq!(
        DateRange::parse(None, Some(" "), &Amsterdam).expect("open"),
        DateRange::all()
    );

    let code = |e: Error| (e.field(), e.code());
    let e = DateRange::parse(Some("2026-02-30"), None, &Amsterdam).expect_err("no such day");
    assert_eq!(code(e), (Some("from"), "date_invalid"));
    let e = DateRange::parse(None, Some("31/03/2026"), &Amsterdam).expect_err("format");
    assert_eq!(code(e), (Some("to"), "date_invalid"));
    let e = DateRange::parse(Some("2026-04-01"), Some("2026-03-31"), &Amsterdam)
        .expect_err("backwards");
    assert_eq!(code(e), (Some("to"), "range_invalid"));

    // `until` tells the baseline when "now" is; it filters nothing.
    let now = at("2026-03-10T12:00:00Z");
    assert_eq!(DateRange::all().until(now).now_ms, Some(now));
    assert_eq!(r.until(now).end_ms, r.end_ms);
}

#[test]
fn the_baseline_counts_quiet_time_up_to_now_and_no_further() {
    let t = t0();
    let posts: Vec<PostFacts> = (0..10).map(|k| post(k, t + k * D)).collect();
    let s = InsightSettings {
        window_days: 1,
        ..settings(TimeDecay)
    };
    let inquiries = [inquiry(100, t + D / 2)];
    let observed = |range: DateRange| {
        let b = attribute(&posts, &inquiries, &s, &range, &Utc)
            .expect("report")
            .baseline;
        b.inside_days + b.outside_days
    };
    // Without a "now": from the first post to the last one (and its millisecond).
    assert!((observed(DateRange::all()) - 9.0).abs() < 1e-6);
    // Twenty quiet days later: they count.
    assert!((observed(DateRange::all().until(t + 29 * D)) - 29.0).abs() < 1e-6);
    // A range reaching into the future stops at now.
    let range = DateRange {
        start_ms: Some(t),
        end_ms: Some(t + 100 * D),
        now_ms: None,
    };
    assert!((observed(range) - 100.0).abs() < 1e-6);
    assert!((observed(range.until(t + 40 * D)) - 40.0).abs() < 1e-6);
    // An inquiry logged a little ahead of "now" is reported, and its time observed.
    let ahead = [inquiry(101, t + 30 * D)];
    let r = attribute(
        &posts,
        &ahead,
        &s,
        &DateRange::all().until(t + 29 * D),
        &Utc,
    )
    .expect("report");
    assert_eq!(r.totals.inquiries, 1);
    assert!((r.baseline.inside_days + r.baseline.outside_days - 30.0).abs() < 1e-6);
}

// ---- settings ---------------------------------------------------------------------------

#[test]
fn models_read_with_hyphens_or_underscores_and_settings_are_checked() {
    assert_eq!("time-decay".parse::<AttributionModel>(), Ok(TimeDecay));
    assert_eq!("time_decay".parse::<AttributionModel>(), Ok(TimeDecay));
    assert_eq!(
        "Confirmed-Only".parse::<AttributionModel>(),
        Ok(ConfirmedOnly)
    );
    assert_eq!("position".parse::<AttributionModel>(), Ok(Position));
    assert!("u-shaped".parse::<AttributionModel>().is_err());
    assert_eq!(AttributionModel::default(), TimeDecay);
    for m in MODELS {
        assert_eq!(m.cli_name().parse::<AttributionModel>(), Ok(m));
        assert_eq!(m.cli_name(), m.as_str().replace('_', "-"));
    }

    let d = InsightSettings::default();
    assert_eq!(
        (d.model, d.window_days, d.half_life_days),
        (TimeDecay, 30, 7.0)
    );
    assert_eq!(
        serde_json::to_string(&d).expect("json"),
        r#"{"model":"time_decay","window_days":30,"half_life_days":7.0}"#
    );
    let partial: InsightSettings = serde_json::from_str(r#"{"model":"last_touch"}"#).expect("json");
    assert_eq!(
        partial,
        InsightSettings {
            model: LastTouch,
            ..d
        }
    );

    let code =
        |w: i64, h: f64| InsightSettings::new(TimeDecay, w, h).map_err(|e| (e.field(), e.code()));
    assert!(code(1, 0.001).is_ok() && code(3650, 3650.0).is_ok());
    for w in [0, -1, 3651] {
        assert_eq!(
            code(w, 7.0),
            Err((Some("window_days"), "window_days_invalid"))
        );
    }
    for h in [0.0, -1.0, 3650.5, f64::NAN, f64::INFINITY] {
        assert_eq!(
            code(30, h),
            Err((Some("half_life_days"), "half_life_days_invalid"))
        );
    }
    let bad = InsightSettings {
        window_days: 0,
        ..d
    };
    assert!(attribute(&[], &[], &bad, &DateRange::all(), &Utc).is_err());
}

// ---- the JSON contract ------------------------------------------------------------------

fn keys(v: &serde_json::Value) -> BTreeSet<String> {
    v.as_object()
        .map(|o| o.keys().cloned().collect())
        .unwrap_or_default()
}

/// `required` must all be there; anything else must be one of `extra`.
fn assert_shape(v: &serde_json::Value, required: &[&str], extra: &[&str]) {
    let got = keys(v);
    for k in required {
        assert!(got.contains(*k), "missing {k} in {v}");
    }
    for k in &got {
        assert!(
            required.contains(&k.as_str()) || extra.contains(&k.as_str()),
            "unexpected {k} in {v}"
        );
    }
}

#[test]
fn the_report_serialises_to_the_cli_contract() {
    let t = t0();
    let r = run(
        TimeDecay,
        &[post(1, t - D), post(2, t - 2 * D)],
        &[client(100, t, 10_000)],
    );
    let v = serde_json::to_value(&r).expect("json");
    assert_shape(
        &v,
        &[
            "model",
            "window_days",
            "half_life_days",
            "totals",
            "posts",
            "groups",
            "baseline",
        ],
        &[],
    );
    assert_eq!(v["model"], "time-decay");
    assert_eq!(v["window_days"], 30);
    assert_eq!(v["half_life_days"], 7.0);
    assert_shape(
        &v["totals"],
        &[
            "posts",
            "inquiries",
            "clients",
            "revenue_cents",
            "unattributed_inquiries",
        ],
        &["unattributed_revenue_cents", "unattributed_clients"],
    );
    let p = &v["posts"][0];
    assert_shape(
        p,
        &[
            "id",
            "published_at",
            "channel",
            "kind",
            "title",
            "credited_inquiries",
            "credited_clients",
            "credited_revenue_cents",
            "inquiries",
        ],
        &["days_to_first_inquiry", "felt", "motive", "minutes"],
    );
    assert_eq!(p["published_at"], "2026-02-28T09:00:00Z");
    assert_eq!(p["kind"], "post");
    assert_shape(&p["inquiries"][0], &["id", "weight"], &[]);
    assert_shape(
        &v["groups"],
        &["channel", "kind", "felt", "motive", "weekday"],
        &[],
    );
    for dim in ["channel", "kind", "felt", "motive", "weekday"] {
        assert_shape(
            &v["groups"][dim][0],
            &[
                "key",
                "posts",
                "credited_inquiries",
                "credited_clients",
                "credited_revenue_cents",
                "too_early",
            ],
            &[
                "inquiries_per_post",
                "clients_per_post",
                "revenue_per_post_cents",
                "clients_per_hour",
            ],
        );
    }
    assert_shape(
        &v["baseline"],
        &[
            "rate_inside_per_day",
            "rate_outside_per_day",
            "lift",
            "too_early",
        ],
        &[
            "lift_low",
            "lift_high",
            "inside_days",
            "outside_days",
            "inquiries_inside",
            "inquiries_outside",
        ],
    );
    assert!(v["baseline"]["lift"].is_null());
}

// ---- from a real SQLite file ------------------------------------------------------------

/// 2026-05-28T20:26:40Z: "now" for validation.
const NOW: i64 = 1_780_000_000_000;

fn log_post(store: &Store, channel_id: i64, at: &str, title: &str, minutes: Option<i64>) -> i64 {
    let input = PostInput {
        channel_id,
        published_at: at.into(),
        title: Some(title.into()),
        minutes,
        ..PostInput::default()
    };
    let valid = validate::post(&input, NOW, &Amsterdam).expect("valid post");
    store.create_post(&valid, NOW).expect("saved post").id
}

fn log_inquiry(store: &Store, input: InquiryInput) -> i64 {
    let valid = validate::inquiry(&input, NOW, &Amsterdam).expect("valid inquiry");
    store.create_inquiry(&valid, NOW).expect("saved inquiry").id
}

#[test]
fn the_report_reads_the_store_and_ignores_deleted_rows() {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = Store::open(&dir.path().join("afterword.sqlite3")).expect("store");
    let linkedin = store.channel_by_name("LinkedIn").expect("channel").id;
    let newsletter = store.channel_by_name("Newsletter").expect("channel").id;

    let a = log_post(
        &store,
        linkedin,
        "2026-03-02 09:00",
        "Why I stopped posting daily",
        Some(45),
    );
    let b = log_post(&store, newsletter, "2026-03-09 09:00", "Letter #1", None);
    let gone = log_post(&store, linkedin, "2026-03-10 09:00", "Deleted later", None);
    // Text only: the title shown is the first line of the text.
    let text_only = store
        .create_post(
            &validate::post(
                &PostInput {
                    channel_id: linkedin,
                    published_at: "2026-01-05 09:00".into(),
                    text: Some("A thought\nthat went on".into()),
                    ..PostInput::default()
                },
                NOW,
                &Amsterdam,
            )
            .expect("valid"),
            NOW,
        )
        .expect("saved")
        .id;

    // A client who named post a, 1,500.00 EUR.
    let named = log_inquiry(
        &store,
        InquiryInput {
            received_at: "2026-03-20 10:00".into(),
            name: "Anna".into(),
            source_post_id: Some(a),
            status: InquiryStatus::Client,
            value: Some("1500".into()),
            ..InquiryInput::default()
        },
    );
    // Someone who named the post that is then deleted: back to the model (a and b in window).
    let orphan = log_inquiry(
        &store,
        InquiryInput {
            received_at: "2026-03-16 09:00".into(),
            name: "Bram".into(),
            source_post_id: Some(gone),
            ..InquiryInput::default()
        },
    );
    let deleted = log_inquiry(
        &store,
        InquiryInput {
            received_at: "2026-03-11 09:00".into(),
            name: "Deleted".into(),
            ..InquiryInput::default()
        },
    );
    store.delete_post(gone, NOW).expect("delete post");
    store.delete_inquiry(deleted, NOW).expect("delete inquiry");

    let s = settings(Linear);
    let r = report(&store, &s, &DateRange::all(), &Amsterdam).expect("report");
    assert_eq!(
        r.posts.iter().map(|p| p.id).collect::<Vec<_>>(),
        [text_only, a, b]
    );
    assert_eq!(&*post_of(&r, text_only).title, "A thought");
    assert_eq!(&*post_of(&r, a).channel, "LinkedIn");
    assert_eq!(post_of(&r, b).kind, PostKind::Newsletter);
    assert_eq!(post_of(&r, a).minutes, Some(45));
    assert_eq!(r.totals.inquiries, 2);
    assert_eq!(r.totals.clients, 1);
    assert_eq!(r.totals.revenue_cents, 150_000);
    assert_credits(&r, named, &[(a, 1.0)]);
    assert_credits(&r, orphan, &[(a, 0.5), (b, 0.5)]);
    assert_eq!(post_of(&r, a).credited_revenue_cents, 150_000);

    // The same through the pure engine, from the same facts.
    let posts = [
        PostFacts {
            title: "A thought".into(),
            ..post(text_only, at("2026-01-05T08:00:00Z"))
        },
        PostFacts {
            minutes: Some(45),
            title: "Why I stopped posting daily".into(),
            ..post(a, at("2026-03-02T08:00:00Z"))
        },
        PostFacts {
            channel: "Newsletter".into(),
            kind: PostKind::Newsletter,
            title: "Letter #1".into(),
            ..post(b, at("2026-03-09T08:00:00Z"))
        },
    ];
    let inquiries = [
        InquiryFacts {
            source_post_id: Some(a),
            ..client(named, at("2026-03-20T09:00:00Z"), 150_000)
        },
        InquiryFacts {
            source_post_id: Some(gone),
            ..inquiry(orphan, at("2026-03-16T08:00:00Z"))
        },
    ];
    let pure = attribute(&posts, &inquiries, &s, &DateRange::all(), &Amsterdam).expect("report");
    assert_eq!(pure, r);
    // The view's summary has the same numbers, and one post's list is the report's.
    let light = summary(&store, &s, &DateRange::all(), &Amsterdam).expect("summary");
    assert_light_agrees(&r, &light);
    assert_lists_agree(&r, [text_only, a, b, gone], |id| {
        post_credits(&store, &s, &DateRange::all(), id).expect("credits")
    });

    // A range: March 16 only. Post a (before it) is listed because it was credited.
    let day = DateRange::parse(Some("2026-03-16"), Some("2026-03-16"), &Amsterdam).expect("range");
    let r = report(&store, &s, &day, &Amsterdam).expect("report");
    assert_eq!(r.totals.inquiries, 1);
    assert_eq!(r.posts.iter().map(|p| p.id).collect::<Vec<_>>(), [a, b]);
    assert_credits(&r, orphan, &[(a, 0.5), (b, 0.5)]);

    // Invalid settings are refused before anything is read.
    let bad = InsightSettings {
        half_life_days: 0.0,
        ..s
    };
    let e = report(&store, &bad, &DateRange::all(), &Amsterdam).expect_err("invalid");
    assert_eq!(e.code(), "half_life_days_invalid");
}

// ---- the summary and one post's list ----------------------------------------------------

/// A full report's post as the summary has it: its list replaced by the list's length.
fn summary_of(p: &PostInsight) -> PostSummary {
    PostSummary {
        id: p.id,
        published_at: p.published_at.clone(),
        channel: p.channel.clone(),
        kind: p.kind,
        title: p.title.clone(),
        felt: p.felt,
        motive: p.motive,
        minutes: p.minutes,
        credited_inquiries: p.credited_inquiries,
        credited_clients: p.credited_clients,
        credited_revenue_cents: p.credited_revenue_cents,
        days_to_first_inquiry: p.days_to_first_inquiry,
        credit_count: p.inquiries.len() as u64,
    }
}

/// The summary has every number of the full report, bit for bit: compared as values and as the
/// JSON each side gets (where floats are written exactly, and -0.0 is not 0.0).
fn assert_light_agrees(full: &InsightsReport, light: &InsightsSummary) {
    assert_eq!(
        light.posts,
        full.posts.iter().map(summary_of).collect::<Vec<_>>()
    );
    let mut want = serde_json::to_value(full).expect("json");
    let mut got = serde_json::to_value(light).expect("json");
    for (w, g) in want["posts"]
        .as_array_mut()
        .into_iter()
        .flatten()
        .zip(got["posts"].as_array_mut().into_iter().flatten())
    {
        let list = w
            .as_object_mut()
            .and_then(|o| o.remove("inquiries"))
            .expect("a list");
        let count = g
            .as_object_mut()
            .and_then(|o| o.remove("credit_count"))
            .expect("a count");
        assert_eq!(count, list.as_array().map_or(0, Vec::len));
    }
    assert_eq!(got, want);
}

/// Each post's list on its own is the one the full report has; a post it does not list (or
/// that does not exist) has none.
fn assert_lists_agree(
    full: &InsightsReport,
    ids: impl IntoIterator<Item = i64>,
    one: impl Fn(i64) -> Vec<afterword_core::insights::InquiryCredit>,
) {
    for id in ids {
        let want = full
            .posts
            .iter()
            .find(|p| p.id == id)
            .map(|p| p.inquiries.clone())
            .unwrap_or_default();
        let got = one(id);
        assert_eq!(got.len(), want.len(), "post {id}");
        for (g, w) in got.iter().zip(&want) {
            assert_eq!(g.id, w.id, "post {id}");
            assert_eq!(g.weight.to_bits(), w.weight.to_bits(), "post {id}");
        }
    }
}

#[test]
fn the_summary_and_one_posts_list_agree_with_the_report() {
    let (posts, inquiries) = three_before_one_after();
    let mut inquiries = inquiries;
    inquiries.push(InquiryFacts {
        source_post_id: Some(1),
        ..client(101, t0() + 40 * D, 12_345)
    });
    inquiries.push(client(102, t0() + 2 * HOUR, 10_001));
    for model in MODELS {
        let s = settings(model);
        let full = run(model, &posts, &inquiries);
        let light = summarise(&posts, &inquiries, &s, &DateRange::all(), &Utc).expect("summary");
        assert_light_agrees(&full, &light);
        assert_lists_agree(&full, [1, 2, 3, 4, 99], |id| {
            attribute_post(&posts, &inquiries, &s, &DateRange::all(), id).expect("credits")
        });
    }
    let bad = InsightSettings {
        window_days: 0,
        ..InsightSettings::default()
    };
    let e = summarise(&posts, &inquiries, &bad, &DateRange::all(), &Utc).expect_err("invalid");
    assert_eq!(e.code(), "window_days_invalid");
    let e = attribute_post(&posts, &inquiries, &bad, &DateRange::all(), 1).expect_err("invalid");
    assert_eq!(e.code(), "window_days_invalid");
}

#[test]
fn the_first_page_is_the_tables_first_order() {
    let t = t0();
    // Post 4 has the most; 3, 2 and 1 one each (3 newest; 1 and 2 in the same second: the
    // higher id first); 5 none.
    let posts = [
        post(1, t - 10 * D),
        post(2, t - 10 * D + 500),
        post(3, t - 9 * D),
        post(4, t - 20 * D),
        post(5, t - 8 * D),
    ];
    let named = |id: i64, post: i64| InquiryFacts {
        source_post_id: Some(post),
        ..inquiry(id, t)
    };
    let inquiries = [
        named(100, 1),
        named(101, 2),
        named(102, 3),
        named(103, 4),
        named(104, 4),
        InquiryFacts {
            source_post_id: Some(4),
            ..inquiry(105, t + HOUR)
        },
    ];
    let s = settings(ConfirmedOnly);
    let light = summarise(&posts, &inquiries, &s, &DateRange::all(), &Utc).expect("summary");
    let ids = |r: &InsightsSummary| r.posts.iter().map(|p| p.id).collect::<Vec<_>>();
    assert_eq!(ids(&light.clone().first_page(10)), [4, 3, 2, 1, 5]);
    let page = light.clone().first_page(3);
    assert_eq!(ids(&page), [4, 3, 2]);
    // Everything but the posts is the whole report's.
    assert_eq!(page.totals, light.totals);
    assert_eq!(page.totals.posts, 5);
    assert_eq!(page.groups, light.groups);
    assert_eq!(page.baseline, light.baseline);
    assert_eq!(Some(&page.posts[0]), light.posts.iter().find(|p| p.id == 4));
    assert!(light.first_page(0).posts.is_empty());
}

// ---- properties -------------------------------------------------------------------------

fn arb_model() -> impl Strategy<Value = AttributionModel> {
    prop::sample::select(MODELS.to_vec())
}

prop_compose! {
    /// Up to 40 posts over ~80 days, on a 6-hour grid so that ties happen.
    fn arb_posts()(slots in prop::collection::vec((0i64..320, 0usize..3), 0..40)) -> Vec<PostFacts> {
        slots
            .into_iter()
            .enumerate()
            .map(|(k, (slot, ch))| PostFacts {
                channel: ["LinkedIn", "Newsletter", "Blog"][ch].into(),
                minutes: (slot % 3 == 0).then_some((slot % 90) as u32),
                ..post(k as i64 + 1, t0() + slot * 6 * HOUR)
            })
            .collect()
    }
}

prop_compose! {
    fn arb_inquiries()(specs in prop::collection::vec(
        (
            0i64..340,
            0u8..10,
            0i64..45,
            any::<bool>(),
            // Up to the validator's cap of 10 billion.
            prop::option::of(prop_oneof![0i64..1_000_000, 0i64..=1_000_000_000_000]),
        ),
        0..40,
    )) -> Vec<InquiryFacts> {
        specs
            .into_iter()
            .enumerate()
            .map(|(k, (slot, kind, source, is_client, value_cents))| InquiryFacts {
                id: 1000 + k as i64,
                received_at_ms: t0() + slot * 6 * HOUR - HOUR * (slot % 2),
                // Some name a post (possibly one that does not exist: deleted), some are referrals.
                source_post_id: (kind < 2).then_some(source),
                not_from_posts: kind == 2,
                is_client,
                value_cents,
            })
            .collect()
    }
}

fn check_sums(
    r: &InsightsReport,
    inquiries: &[InquiryFacts],
    range: &DateRange,
) -> Result<(), TestCaseError> {
    // Per inquiry: the weights sum to 1, or it has none.
    let mut per_inquiry: BTreeMap<i64, f64> = BTreeMap::new();
    for p in &r.posts {
        for c in &p.inquiries {
            prop_assert!(
                c.weight > 0.0 && c.weight <= 1.0 + 1e-12,
                "weight {}",
                c.weight
            );
            *per_inquiry.entry(c.id).or_default() += c.weight;
        }
    }
    for (id, sum) in &per_inquiry {
        prop_assert!((sum - 1.0).abs() < 1e-9, "inquiry {id} sums to {sum}");
    }
    let in_range: Vec<&InquiryFacts> = inquiries
        .iter()
        .filter(|i| range.contains(i.received_at_ms))
        .collect();
    prop_assert_eq!(r.totals.inquiries, in_range.len() as i64);
    prop_assert_eq!(
        per_inquiry.len() as i64 + r.totals.unattributed_inquiries,
        r.totals.inquiries
    );

    // Posts plus unattributed equal the totals: inquiries, clients, and cents exactly.
    let n = r.totals.inquiries as f64;
    let credited: f64 = r.posts.iter().map(|p| p.credited_inquiries).sum();
    prop_assert!((credited + r.totals.unattributed_inquiries as f64 - n).abs() < 1e-9 * (1.0 + n));
    let clients: f64 = r.posts.iter().map(|p| p.credited_clients).sum();
    prop_assert!(
        (clients + r.totals.unattributed_clients as f64 - r.totals.clients as f64).abs()
            < 1e-9 * (1.0 + n)
    );
    let cents: i64 = r.posts.iter().map(|p| p.credited_revenue_cents).sum();
    prop_assert_eq!(
        cents + r.totals.unattributed_revenue_cents,
        r.totals.revenue_cents
    );
    let expected_revenue: i64 = in_range
        .iter()
        .filter(|i| i.is_client)
        .filter_map(|i| i.value_cents)
        .sum();
    prop_assert_eq!(r.totals.revenue_cents, expected_revenue);

    // Every grouping covers every listed post and all their credit.
    for dim in [
        &r.groups.channel,
        &r.groups.kind,
        &r.groups.felt,
        &r.groups.motive,
        &r.groups.weekday,
    ] {
        prop_assert_eq!(dim.iter().map(|g| g.posts).sum::<i64>(), r.totals.posts);
        prop_assert_eq!(
            dim.iter().map(|g| g.credited_revenue_cents).sum::<i64>(),
            cents
        );
    }
    prop_assert_eq!(r.posts.len() as i64, r.totals.posts);
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn credit_always_adds_up(
        posts in arb_posts(),
        inquiries in arb_inquiries(),
        model in arb_model(),
        window_days in prop_oneof![1i64..40, Just(3650)],
        // Down to minutes (weights underflow to 0) and up to the maximum (nearly flat).
        half_life_days in prop_oneof![0.0001f64..0.01, 0.05f64..30.0, 30.0f64..=3650.0],
    ) {
        let s = InsightSettings { model, window_days, half_life_days };
        let r = attribute(&posts, &inquiries, &s, &DateRange::all(), &Amsterdam).expect("report");
        check_sums(&r, &inquiries, &DateRange::all())?;
        prop_assert_eq!(r.totals.posts, posts.len() as i64);

        // Posts after an inquiry, or outside its window, are credited only as confirmed source.
        let by_id: BTreeMap<i64, &InquiryFacts> = inquiries.iter().map(|i| (i.id, i)).collect();
        for p in &r.posts {
            let published = posts.iter().find(|q| q.id == p.id).map_or(0, |q| q.published_at_ms);
            for c in &p.inquiries {
                let i = by_id[&c.id];
                prop_assert!(!i.not_from_posts);
                if i.source_post_id != Some(p.id) {
                    prop_assert!(published <= i.received_at_ms);
                    prop_assert!(i.received_at_ms - published <= window_days * D);
                    prop_assert!(model != ConfirmedOnly);
                }
            }
        }

        // The order of the input does not matter.
        let mut shuffled_posts = posts.clone();
        shuffled_posts.reverse();
        let mut shuffled_inquiries = inquiries.clone();
        shuffled_inquiries.reverse();
        let again = attribute(&shuffled_posts, &shuffled_inquiries, &s, &DateRange::all(), &Amsterdam).expect("report");
        prop_assert_eq!(&again, &r);

        // Without the lists, the same numbers; each list on its own, the same list.
        let light = summarise(&shuffled_posts, &shuffled_inquiries, &s, &DateRange::all(), &Amsterdam).expect("summary");
        assert_light_agrees(&r, &light);
        assert_lists_agree(&r, (0..=posts.len() as i64 + 1).chain([-1]), |id| {
            attribute_post(&shuffled_posts, &shuffled_inquiries, &s, &DateRange::all(), id).expect("credits")
        });
    }

    #[test]
    fn credit_adds_up_within_a_range(
        posts in arb_posts(),
        inquiries in arb_inquiries(),
        model in arb_model(),
        from in 0i64..60,
        days in 0i64..40,
    ) {
        let first = chrono::NaiveDate::from_ymd_opt(2026, 3, 2).expect("day") + chrono::Days::new(from as u64);
        let last = first + chrono::Days::new(days as u64);
        let range = DateRange::parse(Some(&first.to_string()), Some(&last.to_string()), &Amsterdam).expect("range");
        let r = attribute(&posts, &inquiries, &settings(model), &range, &Amsterdam).expect("report");
        check_sums(&r, &inquiries, &range)?;
        for p in &r.posts {
            let published = posts.iter().find(|q| q.id == p.id).map_or(0, |q| q.published_at_ms);
            prop_assert!(range.contains(published) || !p.inquiries.is_empty());
        }
        let light = summarise(&posts, &inquiries, &settings(model), &range, &Amsterdam).expect("summary");
        assert_light_agrees(&r, &light);
        assert_lists_agree(&r, 0..=posts.len() as i64 + 1, |id| {
            attribute_post(&posts, &inquiries, &settings(model), &range, id).expect("credits")
        });
    }
}

// ---- one post's list from the store -------------------------------------------------------

prop_compose! {
    /// Posts and inquiries as rows: (slot on a 6-hour grid, LinkedIn or Newsletter, deleted)
    /// and (slot, kind, named post, client, value, deleted). Some name a deleted post.
    fn arb_rows()(
        posts in prop::collection::vec((0i64..320, 1i64..=2, prop::bool::weighted(0.1)), 1..40),
        inquiries in prop::collection::vec(
            (0i64..340, 0u8..10, 0usize..40, any::<bool>(), prop::option::of(0i64..1_000_000),
             prop::bool::weighted(0.1)),
            0..40,
        ),
    ) -> (Vec<(i64, i64, bool)>, Vec<(i64, u8, usize, bool, Option<i64>, bool)>) {
        (posts, inquiries)
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// `post_credits` reads only what bears on one post; what it gives must still be exactly
    /// that post's list in the full report, for any window, model and range.
    #[test]
    fn one_posts_list_from_the_store_is_the_reports(
        (post_rows, inquiry_rows) in arb_rows(),
        model in arb_model(),
        window_days in prop_oneof![1i64..20, Just(3650)],
        from in prop::option::of(0i64..60),
        days in 0i64..40,
    ) {
        let dir = tempfile::tempdir().expect("temp dir");
        let store = Store::open(&dir.path().join("afterword.sqlite3")).expect("store");
        let post_ids: Vec<i64> = (1..=post_rows.len() as i64).collect();
        store
            .write(|tx| {
                for (k, (slot, channel, deleted)) in post_rows.iter().enumerate() {
                    let at = t0() + slot * 6 * HOUR;
                    tx.execute(
                        "INSERT INTO posts (id, channel_id, kind, published_at_ms, title,
                                            created_at_ms, updated_at_ms, deleted_at_ms)
                         VALUES (?1, ?2, 'post', ?3, 'A post', 0, 0, ?4)",
                        rusqlite::params![k as i64 + 1, channel, at, deleted.then_some(1)],
                    )?;
                }
                for (k, (slot, kind, source, is_client, value, deleted)) in inquiry_rows.iter().enumerate() {
                    let at = t0() + slot * 6 * HOUR - HOUR * (slot % 2);
                    let source = (*kind < 3).then(|| post_ids[source % post_ids.len()]);
                    tx.execute(
                        "INSERT INTO inquiries (id, received_at_ms, name, via, source_post_id,
                                                not_from_posts, status, value_cents,
                                                status_changed_at_ms, created_at_ms,
                                                updated_at_ms, deleted_at_ms)
                         VALUES (?1, ?2, 'Someone', 'email', ?3, ?4, ?5, ?6, ?2, 0, 0, ?7)",
                        rusqlite::params![
                            1000 + k as i64,
                            at,
                            source,
                            source.is_none() && *kind == 3,
                            if *is_client { "client" } else { "talking" },
                            value,
                            deleted.then_some(1),
                        ],
                    )?;
                }
                Ok(())
            })
            .expect("rows written");
        let range = match from {
            None => DateRange::all(),
            Some(from) => {
                let first = chrono::NaiveDate::from_ymd_opt(2026, 3, 2).expect("day") + chrono::Days::new(from as u64);
                let last = first + chrono::Days::new(days as u64);
                DateRange::parse(Some(&first.to_string()), Some(&last.to_string()), &Amsterdam).expect("range")
            }
        };
        let s = InsightSettings { model, window_days, half_life_days: 3.0 };
        let full = report(&store, &s, &range, &Amsterdam).expect("report");
        let light = summary(&store, &s, &range, &Amsterdam).expect("summary");
        assert_light_agrees(&full, &light);
        assert_lists_agree(&full, post_ids.iter().copied().chain([0, 999]), |id| {
            post_credits(&store, &s, &range, id).expect("credits")
        });
    }
}
