//! Audience snapshots, post metrics, contacts and the engagement rates, on real SQLite files.
//! The rates are computed by hand in the comments.

use afterword_core::audience::{self, EngagementBasis, Observation};
use afterword_core::insights::InsightSettings;
use afterword_core::model::{
    AudienceMeasure, AudienceSnapshotInput, ContactInput, HowKnown, InquiryInput, InquiryStatus,
    Metric, PostMetrics, TouchInput, TouchKind,
};
use afterword_core::{validate, Store};
use chrono_tz::Europe::Amsterdam;

use crate::common::{fresh_store, inquiry, post, NOW};

const LINKEDIN: i64 = 1;
const NEWSLETTER: i64 = 2;

fn channel_ids(store: &Store) -> (i64, i64) {
    let channels = store.list_channels().unwrap();
    let id = |n: &str| channels.iter().find(|c| c.name == n).unwrap().id;
    (id("LinkedIn"), id("Newsletter"))
}

fn snapshot(store: &Store, channel_id: i64, measure: Option<AudienceMeasure>, at: &str, size: i64) {
    store
        .add_audience_snapshot(
            &AudienceSnapshotInput {
                channel_id,
                measure,
                at: at.into(),
                size,
            },
            NOW,
            &Amsterdam,
        )
        .unwrap();
}

fn metrics(pairs: &[(Metric, i64)]) -> PostMetrics {
    let mut m = PostMetrics::default();
    for &(metric, value) in pairs {
        m.set(metric, Some(value));
    }
    m
}

fn snapshot_count(store: &Store) -> i64 {
    store
        .read(|c| Ok(c.query_row("SELECT count(*) FROM audience_snapshots", [], |r| r.get(0))?))
        .unwrap()
}

fn metric_rows(store: &Store) -> i64 {
    store
        .read(|c| Ok(c.query_row("SELECT count(*) FROM post_metrics", [], |r| r.get(0))?))
        .unwrap()
}

#[test]
fn snapshots_are_validated_listed_per_channel_and_undoable() {
    let (_dir, store) = fresh_store();
    let (linkedin, newsletter) = channel_ids(&store);
    assert_eq!((linkedin, newsletter), (LINKEDIN, NEWSLETTER));
    let input = |channel_id, at: &str, size| AudienceSnapshotInput {
        channel_id,
        measure: None,
        at: at.into(),
        size,
    };
    let code = |i: AudienceSnapshotInput| {
        store
            .add_audience_snapshot(&i, NOW, &Amsterdam)
            .unwrap_err()
            .code()
    };
    assert_eq!(
        code(input(linkedin, "2026-05-01 10:00", -1)),
        "size_invalid"
    );
    // NOW is 2026-05-28 22:26 in Amsterdam: the 30th is more than a day ahead.
    assert_eq!(
        code(input(linkedin, "2026-05-30 10:00", 5)),
        "date_in_future"
    );
    assert_eq!(code(input(99, "2026-05-01 10:00", 5)), "channel_unknown");
    assert_eq!(code(input(linkedin, "2026-02-30 10:00", 5)), "date_invalid");
    assert_eq!(snapshot_count(&store), 0, "nothing saved");

    // Zero is a size (a newsletter with no subscribers yet), not a missing one.
    let first = store
        .add_audience_snapshot(&input(newsletter, "2026-01-01 09:00", 0), NOW, &Amsterdam)
        .unwrap();
    assert_eq!(
        first.measure,
        AudienceMeasure::Subscribers,
        "from the channel"
    );
    snapshot(&store, linkedin, None, "2026-03-01 09:00", 480);
    snapshot(&store, linkedin, None, "2026-02-01 09:00", 450);
    snapshot(
        &store,
        linkedin,
        Some(AudienceMeasure::Followers),
        "2026-03-01 09:00",
        900,
    );
    let series = store.audience_series().unwrap();
    let shape: Vec<(&str, AudienceMeasure, Vec<i64>)> = series
        .iter()
        .map(|s| {
            (
                s.channel.as_str(),
                s.measure,
                s.points.iter().map(|p| p.size).collect(),
            )
        })
        .collect();
    assert_eq!(
        shape,
        [
            ("LinkedIn", AudienceMeasure::Connections, vec![450, 480]),
            ("LinkedIn", AudienceMeasure::Followers, vec![900]),
            ("Newsletter", AudienceMeasure::Subscribers, vec![0]),
        ]
    );
    assert_eq!(series[0].points[0].at, "2026-02-01T08:00:00Z");

    store.delete_audience_snapshot(first.id, NOW).unwrap();
    assert_eq!(store.audience_series().unwrap().len(), 2);
    assert_eq!(
        store
            .delete_audience_snapshot(first.id, NOW)
            .unwrap_err()
            .code(),
        "not_found"
    );
    store.restore_audience_snapshot(first.id).unwrap();
    assert_eq!(store.audience_series().unwrap().len(), 3);
}

#[test]
fn metrics_keep_their_history_and_an_equal_value_adds_no_row() {
    let (_dir, store) = fresh_store();
    let p = store
        .create_post(&post(LINKEDIN, "2026-05-01 10:00", "On rest"), NOW)
        .unwrap();
    let latest = store
        .set_post_metrics(
            p.id,
            &metrics(&[
                (Metric::Reactions, 2),
                (Metric::Comments, 1),
                (Metric::Impressions, 80),
            ]),
            NOW,
        )
        .unwrap();
    assert_eq!(latest.reactions, Some(2));
    assert_eq!(latest.reposts, None, "not recorded stays missing");
    assert_eq!(metric_rows(&store), 3);
    // Same reactions, new comments: one new row only.
    let latest = store
        .set_post_metrics(
            p.id,
            &metrics(&[(Metric::Reactions, 2), (Metric::Comments, 4)]),
            NOW + 1_000,
        )
        .unwrap();
    assert_eq!(
        (latest.reactions, latest.comments, latest.impressions),
        (Some(2), Some(4), Some(80))
    );
    assert_eq!(metric_rows(&store), 4);
    let history = store.metric_history(p.id).unwrap();
    assert_eq!(history[0].metric, Metric::Comments);
    assert_eq!(history[0].value, 4);
    assert!(history
        .iter()
        .any(|h| h.metric == Metric::Comments && h.value == 1));

    // All or nothing: one bad value saves none of them.
    let err = store
        .set_post_metrics(
            p.id,
            &metrics(&[(Metric::Reactions, 9), (Metric::Opens, -1)]),
            NOW,
        )
        .unwrap_err();
    assert_eq!(err.code(), "metric_invalid");
    assert_eq!(
        store
            .set_post_metrics(p.id, &PostMetrics::default(), NOW)
            .unwrap_err()
            .code(),
        "metrics_empty"
    );
    assert_eq!(
        store
            .set_post_metrics(999, &metrics(&[(Metric::Reactions, 1)]), NOW)
            .unwrap_err()
            .code(),
        "not_found"
    );
    assert_eq!(metric_rows(&store), 4);
    assert_eq!(store.post_metrics(p.id).unwrap().reactions, Some(2));

    let other = store
        .create_post(&post(LINKEDIN, "2026-05-02 10:00", "No numbers"), NOW)
        .unwrap();
    let listed = store.list_posts_with_metrics(&Default::default()).unwrap();
    assert_eq!(listed[0].post.id, other.id);
    assert!(listed[0].metrics.is_empty());
    assert_eq!(listed[1].metrics.comments, Some(4));
    let all = store.latest_metrics().unwrap();
    assert_eq!(all.len(), 1, "posts without numbers are left out");
}

/// The hand-computed example:
/// - LinkedIn connections 500 on 1 March, followers 1000 on 5 March, followers 2000 on
///   15 March (after the posts of the 10th, so never used for them).
/// - "Loud" (10 March): 150 reactions + 40 comments + 10 reposts = 200; against followers 1000
///   (followers win over connections) = 0.2. Nothing followed it.
/// - "Quiet" (10 March, later): 2 reactions, no comments or reposts recorded = 2 / 1000 =
///   0.002. A client named it as their source: it stands first.
/// - "Early" (20 February, before any snapshot): 30 reactions, no audience: rate missing.
/// - "Silent" (11 March): no numbers at all: engagements and rate missing, never 0.
/// - "Total" (12 March): only an export's total of 45 = 45 / 1000.
/// - Newsletter "Letter" (3 March): subscribers 200 on 2 March, 900 recipients, 90 opens:
///   90 / 200 = 0.45. "Letter 2" (a newsletter channel without a snapshot before it, 1 Feb):
///   150 recipients, 60 opens: 60 / 150 = 0.4.
#[test]
fn engagement_rates_use_the_snapshot_before_the_post_and_missing_stays_missing() {
    let (_dir, store) = fresh_store();
    snapshot(
        &store,
        LINKEDIN,
        Some(AudienceMeasure::Connections),
        "2026-03-01 09:00",
        500,
    );
    snapshot(
        &store,
        LINKEDIN,
        Some(AudienceMeasure::Followers),
        "2026-03-05 09:00",
        1000,
    );
    snapshot(
        &store,
        LINKEDIN,
        Some(AudienceMeasure::Followers),
        "2026-03-15 09:00",
        2000,
    );
    snapshot(&store, NEWSLETTER, None, "2026-03-02 09:00", 200);
    let new_post = |channel, at, title| {
        store
            .create_post(&post(channel, at, title), NOW)
            .unwrap()
            .id
    };
    let loud = new_post(LINKEDIN, "2026-03-10 09:00", "Loud");
    let quiet = new_post(LINKEDIN, "2026-03-10 12:00", "Quiet");
    let early = new_post(LINKEDIN, "2026-02-20 09:00", "Early");
    let silent = new_post(LINKEDIN, "2026-03-11 09:00", "Silent");
    let total = new_post(LINKEDIN, "2026-03-12 09:00", "Total");
    let letter = new_post(NEWSLETTER, "2026-03-03 09:00", "Letter");
    let letter2 = new_post(NEWSLETTER, "2026-02-01 09:00", "Letter 2");
    let set =
        |id, pairs: &[(Metric, i64)]| store.set_post_metrics(id, &metrics(pairs), NOW).unwrap();
    set(
        loud,
        &[
            (Metric::Reactions, 150),
            (Metric::Comments, 40),
            (Metric::Reposts, 10),
        ],
    );
    set(quiet, &[(Metric::Reactions, 2)]);
    set(early, &[(Metric::Reactions, 30)]);
    set(
        total,
        &[(Metric::Engagements, 45), (Metric::Impressions, 3000)],
    );
    set(letter, &[(Metric::Recipients, 900), (Metric::Opens, 90)]);
    set(letter2, &[(Metric::Recipients, 150), (Metric::Opens, 60)]);
    let client = validate::inquiry(
        &InquiryInput {
            received_at: "2026-03-13 10:00".into(),
            name: "Sanne".into(),
            source_post_id: Some(quiet),
            status: InquiryStatus::Client,
            ..Default::default()
        },
        NOW,
        &Amsterdam,
    )
    .unwrap();
    store.create_inquiry(&client, NOW).unwrap();

    let rows =
        audience::post_engagement(&store, &InsightSettings::default(), NOW, &Amsterdam).unwrap();
    let row = |id| rows.iter().find(|r| r.id == id).unwrap();
    assert_eq!(rows[0].id, quiet, "what followed comes first");
    assert_eq!(row(quiet).credited_clients, 1.0);
    assert_eq!(row(quiet).engagement_rate, Some(2.0 / 1000.0));
    assert_eq!(
        row(quiet).audience_measure,
        Some(AudienceMeasure::Followers)
    );
    assert_eq!(
        row(quiet).audience_at.as_deref(),
        Some("2026-03-05T08:00:00Z")
    );
    assert_eq!(row(loud).engagements, Some(200));
    assert_eq!(row(loud).engagement_basis, Some(EngagementBasis::Parts));
    assert_eq!(row(loud).engagement_rate, Some(0.2));
    assert_eq!(row(loud).credited_clients, 0.0);
    assert_eq!(row(early).engagements, Some(30));
    assert_eq!(row(early).audience_size, None);
    assert_eq!(row(early).engagement_rate, None);
    assert_eq!(row(silent).engagements, None);
    assert_eq!(row(silent).engagement_rate, None);
    assert_eq!(row(silent).audience_size, Some(1000));
    assert_eq!(row(total).engagement_basis, Some(EngagementBasis::Total));
    assert_eq!(row(total).engagement_rate, Some(0.045));
    assert_eq!(row(letter).engagement_rate, Some(0.45));
    assert_eq!(
        row(letter).audience_measure,
        Some(AudienceMeasure::Subscribers)
    );
    assert_eq!(row(letter2).engagement_rate, Some(0.4));
    assert_eq!(row(letter2).audience_measure, None, "its own recipients");
    assert_eq!(row(letter2).audience_size, Some(150));
    // Rated posts sort by rate after what followed; missing rates last.
    let order: Vec<i64> = rows.iter().map(|r| r.id).collect();
    assert_eq!(order[1..], [letter, letter2, loud, total, silent, early]);

    // The overview: first page only, but the total counts them all; March's median rate is
    // over Loud 0.2, Quiet 0.002, Total 0.045 and Letter 0.45: (0.045 + 0.2) / 2.
    let o = audience::overview(
        &store,
        &InsightSettings::default(),
        NOW,
        &Amsterdam,
        Some(2),
    )
    .unwrap();
    assert_eq!(o.total_posts, 7);
    assert_eq!(
        o.posts.iter().map(|p| p.id).collect::<Vec<_>>(),
        [quiet, letter]
    );
    let march = o.months.iter().find(|m| m.month == "2026-03").unwrap();
    assert_eq!((march.posts, march.posts_with_rate), (5, 4));
    assert!((march.median_engagement_rate.unwrap() - 0.1225).abs() < 1e-12);
    assert_eq!((march.inquiries, march.clients), (1, 1));
    let followers = march
        .audience
        .iter()
        .find(|a| a.measure == AudienceMeasure::Followers)
        .unwrap();
    assert_eq!(followers.size, Some(2000), "size at the end of the month");
    let feb = o.months.iter().find(|m| m.month == "2026-02").unwrap();
    assert!(
        feb.audience.iter().all(|a| a.size.is_none()),
        "before the first snapshot"
    );
    assert_eq!(o.months.first().unwrap().month, "2026-02");
    assert_eq!(o.months.last().unwrap().month, "2026-05", "up to now");
    assert_eq!(
        o.observations,
        [Observation::TooEarly {
            posts_with_rate: 5,
            inquiries: 1
        }]
    );
}

#[test]
fn with_enough_data_the_observations_compare_quiet_and_loud_posts() {
    let (_dir, store) = fresh_store();
    // Twelve months of a growing audience (1000 -> 2100), one post a month with rising
    // reactions, one inquiry a month; the three quietest posts were named by clients.
    let mut ids = Vec::new();
    for m in 0..12i64 {
        let month = 6 + m; // June 2025 .. May 2026
        let (y, mo) = (2025 + (month - 1) / 12, (month - 1) % 12 + 1);
        snapshot(
            &store,
            LINKEDIN,
            Some(AudienceMeasure::Followers),
            &format!("{y}-{mo:02}-01 09:00"),
            1000 + 100 * m,
        );
        let id = store
            .create_post(
                &post(
                    LINKEDIN,
                    &format!("{y}-{mo:02}-02 09:00"),
                    &format!("Post {m}"),
                ),
                NOW,
            )
            .unwrap()
            .id;
        store
            .set_post_metrics(id, &metrics(&[(Metric::Reactions, 10 * (m + 1))]), NOW)
            .unwrap();
        ids.push(id);
        let source = (m < 3).then_some(id);
        let i = validate::inquiry(
            &InquiryInput {
                received_at: format!("{y}-{mo:02}-05 09:00"),
                name: format!("Person {m}"),
                source_post_id: source,
                status: if m < 3 {
                    InquiryStatus::Client
                } else {
                    InquiryStatus::New
                },
                ..Default::default()
            },
            NOW,
            &Amsterdam,
        )
        .unwrap();
        store.create_inquiry(&i, NOW).unwrap();
    }
    let o = audience::overview(&store, &InsightSettings::default(), NOW, &Amsterdam, None).unwrap();
    assert_eq!(o.total_posts, 12);
    let audience_obs = o
        .observations
        .iter()
        .find_map(|ob| match ob {
            Observation::AudienceVsInquiries {
                growth,
                trend,
                inquiries_per_month_before,
                inquiries_per_month_after,
                ..
            } => Some((
                *growth,
                *trend,
                *inquiries_per_month_before,
                *inquiries_per_month_after,
            )),
            _ => None,
        })
        .expect("audience vs inquiries");
    assert!((audience_obs.0 - 1.1).abs() < 1e-9, "{audience_obs:?}");
    assert_eq!(audience_obs.1, audience::Trend::AboutSame);
    assert_eq!((audience_obs.2, audience_obs.3), (1.0, 1.0));
    let quiet = o
        .observations
        .iter()
        .find_map(|ob| match ob {
            Observation::QuietVsLoud {
                posts,
                quiet_clients,
                loud_clients,
                ..
            } => Some((*posts, *quiet_clients, *loud_clients)),
            _ => None,
        })
        .expect("quiet vs loud");
    assert_eq!(quiet, (4, 3.0, 0.0));
}

#[test]
fn inquiries_find_their_contact_by_name_ignoring_case() {
    let (_dir, store) = fresh_store();
    let a = store
        .create_inquiry(&inquiry("2026-04-01 10:00", "Sanne de Vries"), NOW)
        .unwrap();
    let b = store
        .create_inquiry(&inquiry("2026-04-02 10:00", "sanne DE VRIES"), NOW)
        .unwrap();
    let c = store
        .create_inquiry(&inquiry("2026-04-03 10:00", "Émile Özdemir"), NOW)
        .unwrap();
    let d = store
        .create_inquiry(&inquiry("2026-04-04 10:00", "ÉMILE ÖZDEMIR"), NOW)
        .unwrap();
    let e = store
        .create_inquiry(&inquiry("2026-04-05 10:00", "Someone else"), NOW)
        .unwrap();
    assert!(a.contact_id.is_some());
    assert_eq!(a.contact_id, b.contact_id);
    assert_eq!(c.contact_id, d.contact_id);
    assert_ne!(a.contact_id, c.contact_id);
    assert_ne!(a.contact_id, e.contact_id);
    let people = store.contacts_overview(NOW, &Amsterdam).unwrap();
    assert_eq!(people.len(), 3);
    let sanne = people
        .iter()
        .find(|p| p.contact.name == "Sanne de Vries")
        .unwrap();
    assert_eq!(sanne.inquiries.len(), 2);
    assert_eq!(sanne.contact.how_known, HowKnown::NotYet);
    // Renaming an inquiry moves it to the person of the new name.
    let mut input = InquiryInput {
        received_at: "2026-04-05 10:00".into(),
        name: "Sanne de vries".into(),
        ..Default::default()
    };
    let moved = store
        .update_inquiry(
            e.id,
            &validate::inquiry(&input, NOW, &Amsterdam).unwrap(),
            NOW,
        )
        .unwrap();
    assert_eq!(moved.contact_id, a.contact_id);
    input.name = "SANNE DE VRIES".into();
    let same = store
        .update_inquiry(
            e.id,
            &validate::inquiry(&input, NOW, &Amsterdam).unwrap(),
            NOW,
        )
        .unwrap();
    assert_eq!(same.contact_id, a.contact_id);
}

#[test]
fn inquiries_without_a_contact_get_one_when_the_store_opens() {
    let dir = tempfile::tempdir().unwrap();
    {
        let store = Store::open_in_dir(dir.path()).unwrap();
        for (at, name) in [
            ("2026-04-01 10:00", "Anna"),
            ("2026-04-02 10:00", "ANNA"),
            ("2026-04-03 10:00", "Bram"),
        ] {
            store.create_inquiry(&inquiry(at, name), NOW).unwrap();
        }
        let deleted = store
            .create_inquiry(&inquiry("2026-04-04 10:00", "Cas"), NOW)
            .unwrap();
        store.delete_inquiry(deleted.id, NOW).unwrap();
        // As a schema 2 database upgraded to 3 (or a path that does not link) leaves them.
        store
            .write(|tx| {
                tx.execute_batch("UPDATE inquiries SET contact_id = NULL; DELETE FROM contacts;")?;
                Ok(())
            })
            .unwrap();
    }
    let store = Store::open_in_dir(dir.path()).unwrap();
    let (unlinked, contacts): (i64, i64) = store
        .read(|c| {
            Ok((
                c.query_row(
                    "SELECT count(*) FROM inquiries WHERE contact_id IS NULL",
                    [],
                    |r| r.get(0),
                )?,
                c.query_row("SELECT count(*) FROM contacts", [], |r| r.get(0))?,
            ))
        })
        .unwrap();
    assert_eq!(
        (unlinked, contacts),
        (0, 3),
        "Anna, Bram and Cas (deleted inquiries too)"
    );
    let people = store.contacts_overview(NOW, &Amsterdam).unwrap();
    let anna = people.iter().find(|p| p.contact.name == "Anna").unwrap();
    assert_eq!(anna.inquiries.len(), 2);
    assert!(people
        .iter()
        .find(|p| p.contact.name == "Cas")
        .unwrap()
        .inquiries
        .is_empty());
}

#[test]
fn contacts_can_be_added_edited_deleted_and_restored() {
    let (_dir, store) = fresh_store();
    let input = ContactInput {
        name: "  Lotte  ".into(),
        profile_url: Some("https://www.linkedin.com/in/lotte".into()),
        how_known: Some(HowKnown::InPerson),
        notes: None,
    };
    let c = store.create_contact(&input, NOW).unwrap();
    assert_eq!(c.name, "Lotte");
    assert_eq!(c.how_known, HowKnown::InPerson);
    let bad = ContactInput {
        name: " ".into(),
        ..Default::default()
    };
    assert_eq!(
        store.create_contact(&bad, NOW).unwrap_err().code(),
        "name_required"
    );
    let bad_url = ContactInput {
        name: "X".into(),
        profile_url: Some("javascript:alert(1)".into()),
        ..Default::default()
    };
    assert_eq!(
        store.create_contact(&bad_url, NOW).unwrap_err().code(),
        "url_invalid"
    );
    let c = store.set_how_known(c.id, HowKnown::Online, NOW).unwrap();
    assert_eq!(c.how_known, HowKnown::Online);
    // An inquiry from the same name finds her.
    let i = store
        .create_inquiry(&inquiry("2026-04-01 10:00", "lotte"), NOW)
        .unwrap();
    assert_eq!(i.contact_id, Some(c.id));
    store.delete_contact(c.id, NOW).unwrap();
    assert!(store.contacts_overview(NOW, &Amsterdam).unwrap().is_empty());
    store.restore_contact(c.id, NOW).unwrap();
    assert_eq!(
        store.contacts_overview(NOW, &Amsterdam).unwrap()[0]
            .inquiries
            .len(),
        1
    );
}

#[test]
fn the_warm_circle_is_two_days_of_touches_before_the_first_inquiry() {
    let (_dir, store) = fresh_store();
    let p = store
        .create_post(&post(LINKEDIN, "2026-03-01 10:00", "On rest"), NOW)
        .unwrap();
    let touch = |contact_id, at: &str, kind| {
        store
            .add_touch(
                &TouchInput {
                    contact_id,
                    post_id: Some(p.id),
                    kind,
                    at: at.into(),
                },
                NOW,
                &Amsterdam,
            )
            .unwrap()
    };
    let warm = store
        .create_inquiry(&inquiry("2026-04-10 10:00", "Warm"), NOW)
        .unwrap();
    let same_day = store
        .create_inquiry(&inquiry("2026-04-10 10:00", "Same day"), NOW)
        .unwrap();
    let after = store
        .create_inquiry(&inquiry("2026-04-10 10:00", "After"), NOW)
        .unwrap();
    let no_inquiry = store
        .create_contact(
            &ContactInput {
                name: "Not yet".into(),
                ..Default::default()
            },
            NOW,
        )
        .unwrap();
    let id = |i: &afterword_core::model::Inquiry| i.contact_id.unwrap();
    touch(id(&warm), "2026-03-02 10:00", TouchKind::Reaction);
    touch(id(&warm), "2026-03-20 10:00", TouchKind::Comment);
    // Two touches on one day (in Amsterdam: 00:10 and 23:50) are one day.
    touch(id(&same_day), "2026-03-02 00:10", TouchKind::Reaction);
    touch(id(&same_day), "2026-03-02 23:50", TouchKind::Comment);
    // One day before, one after the inquiry: only one counts.
    touch(id(&after), "2026-03-02 10:00", TouchKind::Reaction);
    touch(id(&after), "2026-04-11 10:00", TouchKind::Message);
    touch(no_inquiry.id, "2026-05-01 10:00", TouchKind::Reaction);
    touch(no_inquiry.id, "2026-05-03 10:00", TouchKind::Meeting);
    let people = store.contacts_overview(NOW, &Amsterdam).unwrap();
    let warm_of = |name: &str| people.iter().find(|p| p.contact.name == name).unwrap().warm;
    assert!(warm_of("Warm"));
    assert!(!warm_of("Same day"));
    assert!(!warm_of("After"));
    assert!(warm_of("Not yet"));
    assert_eq!(
        people
            .iter()
            .find(|p| p.contact.name == "Warm")
            .unwrap()
            .touches
            .len(),
        2
    );

    let bad = store.add_touch(
        &TouchInput {
            contact_id: no_inquiry.id,
            post_id: Some(999),
            kind: TouchKind::Reaction,
            at: "2026-05-01 10:00".into(),
        },
        NOW,
        &Amsterdam,
    );
    assert_eq!(bad.unwrap_err().code(), "post_unknown");
    let t = touch(no_inquiry.id, "2026-05-04 10:00", TouchKind::Other);
    store.delete_touch(t.id).unwrap();
    assert_eq!(store.delete_touch(t.id).unwrap_err().code(), "not_found");
}

#[test]
fn recorded_sizes_are_listed_newest_first_a_page_at_a_time_and_can_be_corrected() {
    use afterword_core::model::AudienceSnapshotEdit;
    let (_dir, store) = fresh_store();
    // 30 days of connections and one followers size that must not show in the connections list.
    for day in 1..=30 {
        snapshot(
            &store,
            LINKEDIN,
            None,
            &format!("2026-04-{day:02} 09:00"),
            100 + day,
        );
    }
    snapshot(
        &store,
        LINKEDIN,
        Some(AudienceMeasure::Followers),
        "2026-04-15 09:00",
        5000,
    );
    let page = store
        .audience_snapshot_page(LINKEDIN, AudienceMeasure::Connections, 0, 10)
        .unwrap();
    assert_eq!(page.total, 30);
    let sizes: Vec<i64> = page.snapshots.iter().map(|s| s.size).collect();
    assert_eq!(sizes, (121..=130).rev().collect::<Vec<_>>());
    let last = store
        .audience_snapshot_page(LINKEDIN, AudienceMeasure::Connections, 25, 10)
        .unwrap();
    let sizes: Vec<i64> = last.snapshots.iter().map(|s| s.size).collect();
    assert_eq!(sizes, [105, 104, 103, 102, 101]);
    // A limit out of range is brought back within it, never an error or an empty page.
    assert_eq!(
        store
            .audience_snapshot_page(LINKEDIN, AudienceMeasure::Connections, -5, 0)
            .unwrap()
            .snapshots
            .len(),
        1
    );

    // A typo corrected: 1300 was meant to be 130, and it was the 29th, not the 30th.
    let newest = page.snapshots[0].id;
    let edit = |at: &str, size| AudienceSnapshotEdit {
        at: at.into(),
        size,
    };
    let code = |e: AudienceSnapshotEdit| {
        store
            .update_audience_snapshot(newest, &e, NOW, &Amsterdam)
            .unwrap_err()
            .code()
    };
    assert_eq!(code(edit("2026-04-30 09:00", -1)), "size_invalid");
    assert_eq!(code(edit("2026-13-01 09:00", 1)), "date_invalid");
    assert_eq!(code(edit("2026-06-30 09:00", 1)), "date_in_future");
    let fixed = store
        .update_audience_snapshot(newest, &edit("2026-04-29 18:00", 131), NOW, &Amsterdam)
        .unwrap();
    assert_eq!(
        (fixed.size, fixed.measure),
        (131, AudienceMeasure::Connections)
    );
    let head = audience::headline(&store).unwrap();
    let connections = head
        .series
        .iter()
        .find(|s| s.measure == AudienceMeasure::Connections)
        .unwrap();
    assert_eq!(connections.latest_size, 131);
    assert_eq!(
        store
            .update_audience_snapshot(9999, &edit("2026-04-29 18:00", 1), NOW, &Amsterdam)
            .unwrap_err()
            .code(),
        "not_found"
    );

    // Deleted, it leaves the list and its count; undone, it is back.
    store.delete_audience_snapshot(newest, NOW).unwrap();
    let page = store
        .audience_snapshot_page(LINKEDIN, AudienceMeasure::Connections, 0, 1)
        .unwrap();
    assert_eq!((page.total, page.snapshots[0].size), (29, 129));
    store.restore_audience_snapshot(newest).unwrap();
    assert_eq!(
        store
            .audience_snapshot_page(LINKEDIN, AudienceMeasure::Connections, 0, 1)
            .unwrap()
            .snapshots[0]
            .size,
        131
    );
}

#[test]
fn the_headline_agrees_with_the_overview() {
    let (_dir, store) = fresh_store();
    snapshot(&store, NEWSLETTER, None, "2026-01-05 09:00", 40);
    snapshot(&store, NEWSLETTER, None, "2026-03-05 09:00", 55);
    snapshot(&store, LINKEDIN, None, "2026-02-01 09:00", 300);
    snapshot(
        &store,
        LINKEDIN,
        Some(AudienceMeasure::Followers),
        "2026-02-01 09:00",
        900,
    );
    let hidden = store
        .audience_snapshot_page(NEWSLETTER, AudienceMeasure::Subscribers, 0, 1)
        .unwrap()
        .snapshots[0]
        .id;
    snapshot(&store, NEWSLETTER, None, "2026-04-05 09:00", 1);
    let newest = store
        .audience_snapshot_page(NEWSLETTER, AudienceMeasure::Subscribers, 0, 1)
        .unwrap()
        .snapshots[0]
        .id;
    assert_ne!(hidden, newest);
    store.delete_audience_snapshot(newest, NOW).unwrap();
    store
        .create_post(&post(LINKEDIN, "2026-03-01 10:00", "On rest"), NOW)
        .unwrap();
    let as_client = validate::inquiry(
        &InquiryInput {
            received_at: "2026-03-03 10:00".into(),
            name: "Anna".into(),
            status: InquiryStatus::Client,
            ..Default::default()
        },
        NOW,
        &Amsterdam,
    )
    .unwrap();
    store.create_inquiry(&as_client, NOW).unwrap();
    store
        .create_inquiry(&inquiry("2026-03-04 10:00", "Bram"), NOW)
        .unwrap();

    let head = audience::headline(&store).unwrap();
    let overview =
        audience::overview(&store, &InsightSettings::default(), NOW, &Amsterdam, None).unwrap();
    assert_eq!(head.series.len(), overview.series.len());
    for (h, s) in head.series.iter().zip(&overview.series) {
        assert_eq!((h.channel_id, h.measure), (s.channel_id, s.measure));
        assert_eq!(h.points as usize, s.size.len());
        assert_eq!((h.first_at_ms, h.first_size), (s.at_ms[0], s.size[0]));
        let last = s.size.len() - 1;
        assert_eq!(
            (h.latest_at_ms, h.latest_size),
            (s.at_ms[last], s.size[last])
        );
    }
    // The deleted size (1 subscriber) is not the newsletter's latest.
    let newsletter = head
        .series
        .iter()
        .find(|s| s.channel_id == NEWSLETTER)
        .unwrap();
    assert_eq!((newsletter.first_size, newsletter.latest_size), (40, 55));
    assert_eq!((head.posts, head.inquiries, head.clients), (1, 2, 1));
}

#[test]
fn a_touch_names_its_post_and_deleting_one_gives_back_what_undo_needs() {
    let (_dir, store) = fresh_store();
    let p = store
        .create_post(&post(LINKEDIN, "2026-03-01 10:00", "On rest"), NOW)
        .unwrap();
    let person = store
        .create_contact(
            &ContactInput {
                name: "Noor".into(),
                ..Default::default()
            },
            NOW,
        )
        .unwrap();
    let input = TouchInput {
        contact_id: person.id,
        post_id: Some(p.id),
        kind: TouchKind::Comment,
        at: "2026-03-02 21:45".into(),
    };
    let t = store.add_touch(&input, NOW, &Amsterdam).unwrap();
    assert_eq!(t.post_title.as_deref(), Some("On rest"));
    // The time of day is kept, not rounded to noon: 21:45 in Amsterdam is 20:45 UTC.
    assert_eq!(t.at, "2026-03-02T20:45:00Z");

    let removed = store.delete_touch(t.id).unwrap();
    assert_eq!(removed, t);
    assert!(store.contacts_overview(NOW, &Amsterdam).unwrap()[0]
        .touches
        .is_empty());
    let again = store
        .add_touch(
            &TouchInput {
                contact_id: removed.contact_id,
                post_id: removed.post_id,
                kind: removed.kind,
                at: removed.at.clone(),
            },
            NOW,
            &Amsterdam,
        )
        .unwrap();
    assert_eq!(
        (again.at.as_str(), again.kind, again.post_id),
        (t.at.as_str(), t.kind, t.post_id)
    );

    // A deleted post leaves the touch, without a title to show.
    store.delete_post(p.id, NOW).unwrap();
    let people = store.contacts_overview(NOW, &Amsterdam).unwrap();
    assert_eq!(people[0].touches[0].post_title, None);
    assert_eq!(people[0].touches[0].post_id, Some(p.id));
}

#[test]
fn deleting_a_person_keeps_their_conversations_and_undo_brings_back_the_whole_picture() {
    let (_dir, store) = fresh_store();
    let i = store
        .create_inquiry(&inquiry("2026-04-01 10:00", "Sanne"), NOW)
        .unwrap();
    let contact = i.contact_id.unwrap();
    store
        .add_touch(
            &TouchInput {
                contact_id: contact,
                post_id: None,
                kind: TouchKind::Message,
                at: "2026-03-20 10:00".into(),
            },
            NOW,
            &Amsterdam,
        )
        .unwrap();
    store.delete_contact(contact, NOW).unwrap();
    // The conversation stays an inquiry (it counts for what followed the posts) and keeps
    // pointing at the hidden person, so reopening the store does not make a new one of her.
    assert_eq!(store.get_inquiry(i.id).unwrap().contact_id, Some(contact));
    assert!(store.contacts_overview(NOW, &Amsterdam).unwrap().is_empty());
    let dir = _dir.path().to_path_buf();
    drop(store);
    let store = Store::open_in_dir(&dir).unwrap();
    assert!(store.contacts_overview(NOW, &Amsterdam).unwrap().is_empty());
    store.restore_contact(contact, NOW).unwrap();
    let people = store.contacts_overview(NOW, &Amsterdam).unwrap();
    assert_eq!((people[0].inquiries.len(), people[0].touches.len()), (1, 1));
}
