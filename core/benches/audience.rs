//! The Audience view's numbers over ten years: 3,650 daily snapshots per channel (LinkedIn
//! followers and connections, newsletter subscribers), 5,000 posts with their numbers and
//! 2,000 inquiries. Target (issue 6): the view has its numbers within 100 ms of opening; the
//! first paint asks for the headline (each series' first and latest size, the counts), the
//! overview with the table's first page comes after that frame.
//!
//! Prints the median of plain timed runs first, then criterion's figures:
//! `cargo bench -p afterword-core --bench audience`

use std::hint::black_box;
use std::time::{Duration, Instant};

use afterword_core::audience;
use afterword_core::insights::InsightSettings;
use afterword_core::Store;
use criterion::Criterion;
use rusqlite::params;

const DAY_MS: i64 = 86_400_000;
/// 2016-06-01T00:00:00Z.
const START_MS: i64 = 1_464_739_200_000;
const NOW_MS: i64 = START_MS + 3_650 * DAY_MS;
const POSTS: i64 = 5_000;
const INQUIRIES: i64 = 2_000;
const FIRST_PAGE: usize = 25;

fn filled_store() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = Store::open_in_dir(dir.path()).expect("store");
    store
        .write(|tx| {
            let mut snap = tx.prepare(
                "INSERT INTO audience_snapshots (channel_id, measure, at_ms, size, created_at_ms)
                 VALUES (?1, ?2, ?3, ?4, ?3)",
            )?;
            for d in 0..3_650i64 {
                let at = START_MS + d * DAY_MS + 8 * 3_600_000;
                snap.execute(params![1, "followers", at, 200 + d * 4])?;
                snap.execute(params![1, "connections", at, 100 + d])?;
                snap.execute(params![2, "subscribers", at, 50 + d / 2])?;
            }
            let mut post = tx.prepare(
                "INSERT INTO posts (channel_id, kind, published_at_ms, title, created_at_ms, updated_at_ms)
                 VALUES (?1, ?2, ?3, ?4, ?3, ?3)",
            )?;
            let mut metric = tx.prepare(
                "INSERT INTO post_metrics (post_id, metric, value, recorded_at_ms) VALUES (?1, ?2, ?3, ?4)",
            )?;
            let step = (NOW_MS - START_MS) / POSTS;
            for i in 0..POSTS {
                let at = START_MS + i * step + 3_600_000;
                let newsletter = i % 5 == 0;
                let (channel, kind) = if newsletter { (2, "newsletter") } else { (1, "post") };
                post.execute(params![channel, kind, at, format!("Post {i}")])?;
                let id = tx.last_insert_rowid();
                let later = at + 3 * DAY_MS;
                if newsletter {
                    metric.execute(params![id, "recipients", 300 + i / 10, later])?;
                    metric.execute(params![id, "opens", 100 + i % 50, later])?;
                } else if i % 7 != 0 {
                    metric.execute(params![id, "reactions", i % 90, later])?;
                    metric.execute(params![id, "comments", i % 13, later])?;
                    metric.execute(params![id, "impressions", 1_000 + i % 900, later])?;
                    // An update a week later: the history has two values.
                    metric.execute(params![id, "reactions", i % 90 + 3, later + 7 * DAY_MS])?;
                }
            }
            let mut inquiry = tx.prepare(
                "INSERT INTO inquiries (received_at_ms, name, via, status, currency,
                        status_changed_at_ms, created_at_ms, updated_at_ms)
                 VALUES (?1, ?2, 'email', ?3, 'EUR', ?1, ?1, ?1)",
            )?;
            let step = (NOW_MS - START_MS) / INQUIRIES;
            for i in 0..INQUIRIES {
                let status = if i % 4 == 0 { "client" } else { "new" };
                inquiry.execute(params![START_MS + i * step + 5 * 3_600_000, format!("Person {i}"), status])?;
            }
            Ok(())
        })
        .expect("fill");
    (dir, store)
}

fn first_paint(store: &Store) -> audience::AudienceOverview {
    audience::overview(
        store,
        &InsightSettings::default(),
        NOW_MS,
        &chrono_tz::Europe::Amsterdam,
        Some(FIRST_PAGE),
    )
    .expect("overview")
}

fn all_posts(store: &Store) -> Vec<audience::PostEngagement> {
    audience::post_engagement(
        store,
        &InsightSettings::default(),
        NOW_MS,
        &chrono_tz::Europe::Amsterdam,
    )
    .expect("posts")
}

fn median_ms(runs: usize, mut f: impl FnMut()) -> f64 {
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed()
        })
        .collect();
    times.sort();
    times[times.len() / 2].as_secs_f64() * 1000.0
}

fn main() {
    let (_dir, store) = filled_store();
    let o = first_paint(&store);
    assert_eq!(o.total_posts, POSTS);
    assert_eq!(o.posts.len(), FIRST_PAGE);
    assert_eq!(
        o.series.iter().map(|s| s.at_ms.len()).sum::<usize>(),
        3 * 3_650
    );
    assert!(o.months.len() >= 120);
    let head = audience::headline(&store).expect("headline");
    assert_eq!(head.series.len(), 3);
    assert_eq!(head.posts, POSTS);
    let headline = median_ms(11, || {
        black_box(
            serde_json::to_string(&audience::headline(&store).expect("headline")).expect("json"),
        );
    });
    let overview = median_ms(11, || {
        black_box(first_paint(&store));
    });
    let json = median_ms(11, || {
        black_box(serde_json::to_string(&first_paint(&store)).expect("json"));
    });
    let posts = median_ms(11, || {
        black_box(all_posts(&store));
    });
    // Where the time goes: the insights engine's summary (what followed), reused as it is.
    let summary = median_ms(11, || {
        black_box(
            afterword_core::insights::summary(
                &store,
                &InsightSettings::default(),
                &afterword_core::insights::DateRange::all().until(NOW_MS),
                &chrono_tz::Europe::Amsterdam,
            )
            .expect("summary"),
        );
    });
    let series = median_ms(11, || {
        black_box(store.audience_series().expect("series"));
    });
    let metrics = median_ms(11, || {
        black_box(store.latest_metrics().expect("metrics"));
    });
    println!(
        "audience headline (first paint: first and latest size per series, counts), with JSON: \
         median {headline:.2} ms (target < 100 ms for the painted frame)"
    );
    println!(
        "audience overview (after the first paint: series, months, observations, first {FIRST_PAGE} posts): \
         median {overview:.1} ms, with JSON {json:.1} ms; every post's row after it: {posts:.1} ms"
    );
    println!(
        "  of which: insights summary {summary:.1} ms, audience series {series:.1} ms, latest metrics {metrics:.1} ms"
    );

    let mut c = Criterion::default().configure_from_args();
    c.bench_function("audience_headline", |b| {
        b.iter(|| black_box(audience::headline(&store).expect("headline")))
    });
    c.bench_function("audience_overview_first_page", |b| {
        b.iter(|| black_box(first_paint(&store)))
    });
    c.bench_function("audience_all_posts", |b| {
        b.iter(|| black_box(all_posts(&store)))
    });
    c.final_summary();
}
