//! Engagement and audience from the newsletter imports: Mailchimp's recipients, opens and clicks,
//! Substack's delivers and opens per newsletter, Substack's subscriber list over time.

use afterword_core::import::{self, mailchimp, substack, Context};
use afterword_core::Store;

use crate::common::{fresh_store, NOW};
use crate::import::{ctx, fixture, posts, zip_up};

/// The latest value of each metric of the post with this external id, as "metric=value".
pub fn metrics_of(store: &Store, external_id: &str) -> Vec<String> {
    store
        .read(|c| {
            let mut stmt = c.prepare(
                "SELECT m.metric, m.value FROM post_metrics m JOIN posts p ON p.id = m.post_id
                 WHERE p.external_id = ?1
                   AND m.id = (SELECT id FROM post_metrics l
                               WHERE l.post_id = m.post_id AND l.metric = m.metric
                               ORDER BY l.recorded_at_ms DESC, l.id DESC LIMIT 1)
                 ORDER BY m.metric",
            )?;
            let rows = stmt.query_map([external_id], |r| {
                Ok(format!(
                    "{}={}",
                    r.get::<_, String>(0)?,
                    r.get::<_, i64>(1)?
                ))
            })?;
            Ok(rows.collect::<rusqlite::Result<_>>()?)
        })
        .expect("metrics")
}

pub fn count(store: &Store, table: &str) -> i64 {
    store
        .read(|c| Ok(c.query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))?))
        .expect("count")
}

/// (external_id, day of at_ms in UTC, size) of the snapshots of one measure, by time.
pub fn snapshots(store: &Store, measure: &str) -> Vec<(String, i64)> {
    store
        .read(|c| {
            let mut stmt = c.prepare(
                "SELECT external_id, size FROM audience_snapshots WHERE measure = ?1
                 ORDER BY at_ms",
            )?;
            let rows = stmt.query_map([measure], |r| Ok((r.get(0)?, r.get(1)?)))?;
            Ok(rows.collect::<rusqlite::Result<_>>()?)
        })
        .expect("snapshots")
}

#[test]
fn mailchimp_numbers_are_stored_and_a_later_report_updates_them() {
    let (_dir, store) = fresh_store();
    let parsed = mailchimp::parse(&fixture("mailchimp/campaigns.csv"), &ctx()).expect("parse");
    let preview = import::preview(&store, &parsed).expect("preview");
    assert_eq!((preview.new, preview.metric_posts), (2, 2));
    let outcome = import::apply(&store, &parsed, NOW).expect("apply");
    assert_eq!((outcome.added, outcome.metric_posts), (2, 2));
    let june = "Juni brief|Jun 09, 2018 09:30 pm";
    assert_eq!(
        metrics_of(&store, june),
        ["clicks=25", "opens=300", "recipients=1080"]
    );
    assert_eq!(count(&store, "post_metrics"), 6);

    // The same report again: nothing, not even a metric row.
    let preview = import::preview(&store, &parsed).expect("preview");
    assert_eq!((preview.new, preview.metric_posts), (0, 0));
    assert!(!preview.has_changes());
    let outcome = import::apply(&store, &parsed, NOW).expect("again");
    assert_eq!((outcome.added, outcome.metric_posts), (0, 0));
    assert_eq!(count(&store, "post_metrics"), 6);

    // A later report of the same campaigns: June's opens and clicks grew, July's did not.
    let later = mailchimp::parse(&fixture("mailchimp_later/campaigns.csv"), &ctx()).expect("later");
    let preview = import::preview(&store, &later).expect("preview");
    assert_eq!(
        (preview.new, preview.already_present, preview.metric_posts),
        (0, 2, 1)
    );
    assert!(preview.has_changes());
    let outcome = import::apply(&store, &later, NOW + 1000).expect("later");
    assert_eq!((outcome.added, outcome.metric_posts), (0, 1));
    assert_eq!(
        metrics_of(&store, june),
        ["clicks=27", "opens=320", "recipients=1080"]
    );
    // The history keeps the earlier values: two new rows, none for the unchanged recipients.
    assert_eq!(count(&store, "post_metrics"), 8);
}

#[test]
fn substack_delivers_and_opens_count_different_addresses() {
    let (_dir, store) = fresh_store();
    let parsed = substack::parse(&fixture("substack"), &ctx()).expect("parse");
    assert_eq!(
        parsed.files,
        [
            "email_list.mijnbrief.csv",
            "posts.csv",
            "posts/140001.waarom-ik-stopte.delivers.csv",
            "posts/140001.waarom-ik-stopte.opens.csv",
            "posts/140003.vijf-clienten.delivers.csv",
        ]
    );
    let preview = import::preview(&store, &parsed).expect("preview");
    assert_eq!(
        (
            preview.new,
            preview.skipped,
            preview.metric_posts,
            preview.snapshots
        ),
        (2, 2, 2, 3)
    );
    import::apply(&store, &parsed, NOW).expect("apply");
    assert_eq!(
        metrics_of(&store, "140001.waarom-ik-stopte"),
        ["opens=2", "recipients=4"]
    );
    assert_eq!(metrics_of(&store, "140003.vijf-clienten"), ["recipients=2"]);

    // Zipped, as Substack sends it: nothing new.
    let tmp = tempfile::tempdir().expect("tmp");
    let archive = tmp.path().join("export.zip");
    let entries = [
        "posts.csv",
        "email_list.mijnbrief.csv",
        "posts/140001.waarom-ik-stopte.delivers.csv",
        "posts/140001.waarom-ik-stopte.opens.csv",
    ];
    let files: Vec<(&str, _)> = entries
        .iter()
        .map(|e| (*e, fixture(&format!("substack/{e}"))))
        .collect();
    zip_up(&archive, &files);
    let again = substack::parse(&archive, &ctx()).expect("zip");
    let preview = import::preview(&store, &again).expect("preview");
    assert!(!preview.has_changes(), "{preview:?}");
    assert_eq!(posts(&store).len(), 2);
}

#[test]
fn substack_subscribers_over_time_one_snapshot_per_day() {
    let (_dir, store) = fresh_store();
    let parsed =
        substack::parse(&fixture("substack/email_list.mijnbrief.csv"), &ctx()).expect("parse");
    assert!(parsed.rows.is_empty());
    let preview = import::preview(&store, &parsed).expect("preview");
    assert_eq!((preview.new, preview.snapshots), (0, 3));
    assert!(preview.has_changes());
    let outcome = import::apply(&store, &parsed, NOW).expect("apply");
    assert_eq!(outcome.snapshots, 3);
    // 23:30 UTC on 29 February is 1 March in Amsterdam; ANNA@ is anna@ once more.
    assert_eq!(
        snapshots(&store, "subscribers"),
        [
            ("subscribers:mijnbrief:2024-01-10".to_string(), 2),
            ("subscribers:mijnbrief:2024-03-01".to_string(), 3),
            ("subscribers:mijnbrief:2024-03-04".to_string(), 4),
        ]
    );
    let channel = store.read(|c| {
        Ok(c.query_row(
            "SELECT DISTINCT c.name FROM audience_snapshots s JOIN channels c ON c.id = s.channel_id",
            [],
            |r| r.get::<_, String>(0),
        )?)
    });
    assert_eq!(channel.expect("channel"), "Newsletter");
    assert_eq!(
        import::apply(&store, &parsed, NOW)
            .expect("again")
            .snapshots,
        0
    );

    // Into the channel the user names.
    let (_dir2, store2) = fresh_store();
    let ctx = Context {
        channel: Some("Mijn brief".into()),
        ..ctx()
    };
    let parsed =
        substack::parse(&fixture("substack/email_list.mijnbrief.csv"), &ctx).expect("parse");
    import::apply(&store2, &parsed, NOW).expect("apply");
    assert!(store2.channel_by_name("mijn brief").is_ok());
}

#[test]
fn a_bad_subscription_date_names_line_and_column() {
    let bytes = b"email,created_at\na@x.nl,2024-01-10T10:00:00.000Z\nb@x.nl,gisteren\n";
    let parsed =
        substack::parse_email_list_csv("email_list.x.csv", bytes, "x", &ctx()).expect("parsed");
    assert_eq!(parsed.rejected, 1);
    let issue = &parsed.issues[0];
    assert_eq!(
        (issue.line, issue.column.as_deref(), issue.value.as_deref()),
        (Some(3), Some("created_at"), Some("gisteren"))
    );
    let (_dir, store) = fresh_store();
    assert!(import::apply(&store, &parsed, NOW).is_err());
    assert_eq!(count(&store, "audience_snapshots"), 0);
}
