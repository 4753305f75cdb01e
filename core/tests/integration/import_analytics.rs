//! LinkedIn's creator analytics (.xlsx, written by fixtures/import/linkedin_analytics/
//! make_fixtures.py): impressions and engagements of the posts already here, matched by link,
//! and followers over time.

use afterword_core::import::{self, linkedin, linkedin_analytics};

use crate::common::{fresh_store, NOW};
use crate::import::{ctx, fixture};
use crate::import_engagement::{count, metrics_of, snapshots};

const EXPORT: &str = "linkedin_analytics/Content_2026-01-01_2026-01-10.xlsx";

fn followers(days: &[(&str, i64)]) -> Vec<(String, i64)> {
    days.iter()
        .map(|(d, n)| (format!("followers:{d}"), *n))
        .collect()
}

#[test]
fn impressions_and_engagements_go_to_the_posts_they_name() {
    let (_dir, store) = fresh_store();
    let shares = linkedin::parse(&fixture("linkedin/Shares.csv"), &ctx()).expect("shares");
    import::apply(&store, &shares, NOW).expect("shares");

    let parsed = linkedin_analytics::parse(&fixture(EXPORT), &ctx()).expect("analytics");
    assert_eq!(parsed.source, "linkedin_analytics");
    let preview = import::preview(&store, &parsed).expect("preview");
    assert_eq!(
        (
            preview.new,
            preview.metric_posts,
            preview.unmatched,
            preview.snapshots
        ),
        (0, 2, 1, 3)
    );
    let outcome = import::apply(&store, &parsed, NOW).expect("apply");
    assert_eq!((outcome.metric_posts, outcome.unmatched), (2, 1));
    let share = |n: u32| format!("https://www.linkedin.com/feed/update/urn:li:share:{n}");
    // 7001 is named by its activity number with a trailing slash; 7002 percent-encoded.
    assert_eq!(
        metrics_of(&store, &share(7001)),
        ["engagements=57", "impressions=1830"]
    );
    assert_eq!(
        metrics_of(&store, &share(7002)),
        ["engagements=12", "impressions=240"]
    );
    // The post that is not here was not invented.
    assert_eq!(count(&store, "posts"), 3);
    assert_eq!(
        snapshots(&store, "followers"),
        followers(&[
            ("2026-01-07", 1512),
            ("2026-01-09", 1514),
            ("2026-01-10", 1520)
        ])
    );

    // The same export again: nothing. A later one: the grown numbers and the new days.
    assert!(!import::preview(&store, &parsed)
        .expect("again")
        .has_changes());
    let later = linkedin_analytics::parse(
        &fixture("linkedin_analytics/later/Content_2026-01-03_2026-01-12.xlsx"),
        &ctx(),
    )
    .expect("later");
    let outcome = import::apply(&store, &later, NOW + 1000).expect("later");
    assert_eq!((outcome.metric_posts, outcome.snapshots), (1, 2));
    assert_eq!(
        metrics_of(&store, &share(7001)),
        ["engagements=61", "impressions=1990"]
    );
    assert_eq!(
        snapshots(&store, "followers"),
        followers(&[
            ("2026-01-07", 1512),
            ("2026-01-09", 1514),
            ("2026-01-10", 1520),
            ("2026-01-11", 1523),
            ("2026-01-12", 1525),
        ])
    );
}

#[test]
fn analytics_before_the_posts_match_nothing_and_say_so() {
    let (_dir, store) = fresh_store();
    let parsed = linkedin_analytics::parse(&fixture(EXPORT), &ctx()).expect("analytics");
    let preview = import::preview(&store, &parsed).expect("preview");
    assert_eq!((preview.metric_posts, preview.unmatched), (0, 3));
    import::apply(&store, &parsed, NOW).expect("apply");
    assert_eq!(count(&store, "post_metrics"), 0);
    assert_eq!(count(&store, "posts"), 0);
}

#[test]
fn a_workbook_that_is_not_analytics_or_not_a_workbook_is_named() {
    let err = linkedin_analytics::parse(&fixture("linkedin_analytics/other/budget.xlsx"), &ctx())
        .expect_err("not analytics");
    assert_eq!(err.code(), "import_wrong_file");
    let message = err.to_string();
    assert!(
        message.contains("budget.xlsx: this is not a LinkedIn analytics export")
            && message.contains("found Sheet1"),
        "{message}"
    );
    let err =
        linkedin_analytics::parse(&fixture("linkedin/Shares.csv"), &ctx()).expect_err("a csv");
    assert_eq!(err.code(), "import_bad_xlsx");
    assert!(err
        .to_string()
        .contains("Shares.csv is not a readable .xlsx workbook"));

    let bad = linkedin_analytics::parse(
        &fixture("linkedin_analytics/bad/Content_bad_number.xlsx"),
        &ctx(),
    )
    .expect("parsed");
    assert_eq!(bad.rejected, 1);
    let (_dir, store) = fresh_store();
    let err = import::apply(&store, &bad, NOW).expect_err("refused");
    for part in [
        "Content_bad_number.xlsx, sheet TOP POSTS",
        "line 2",
        "column Engagements (C)",
        "'veel'",
        "a whole number",
    ] {
        assert!(err.to_string().contains(part), "{part:?} not in {err}");
    }
}
