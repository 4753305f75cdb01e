//! Rhythm targets and overview, reminder preferences (snooze, pause), ideas (edit, undo, turning
//! into a post), the calendar and its iCalendar export, window preferences and the planner, on a
//! real database.

use afterword_core::model::{ChannelInput, ChannelKind, PostKind, WindowPrefs};
use afterword_core::rhythm::{
    Idea, IdeaInput, Lang, ReminderKind, ReminderPrefs, ReminderText, ValidIdea,
};
use afterword_core::time::{parse_moment, to_rfc3339};
use afterword_core::Error;
use chrono::NaiveDate;
use chrono_tz::Europe::Amsterdam;
use icalendar::Component;

use crate::common::{fresh_store, inquiry, post, NOW};

fn at(s: &str) -> i64 {
    parse_moment(s, &Amsterdam).unwrap().timestamp_millis()
}

#[test]
fn a_fresh_database_has_gentle_defaults_and_plans_nothing() {
    let (_dir, store) = fresh_store();
    let prefs = store.reminder_prefs().unwrap();
    assert_eq!(prefs, ReminderPrefs::default());
    assert!(prefs.follow_ups && prefs.follow_up_days == 5);
    assert!(!prefs.weekly_review && !prefs.weekends);
    assert_eq!(
        (prefs.quiet_from.as_str(), prefs.quiet_until.as_str()),
        ("18:00", "09:00")
    );
    assert_eq!(prefs.max_per_day, 1);
    // Posts but no target: no rhythm nudges.
    store
        .create_post(&post(1, "2026-01-05 10:00", "Old"), NOW)
        .unwrap();
    assert_eq!(store.next_reminder(NOW, &Amsterdam).unwrap(), None);
}

#[test]
fn a_target_and_an_old_post_plan_a_rhythm_nudge() {
    let (_dir, store) = fresh_store();
    store
        .create_post(&post(1, "2026-05-01 10:00", "Old"), NOW)
        .unwrap();
    store.set_rhythm_target(1, Some(7), NOW).unwrap();
    assert_eq!(store.rhythm_target(1).unwrap(), Some(7));
    // Wednesday 3 June 2026, 11:00 local.
    let now = at("2026-06-03 11:00");
    let r = store.next_reminder(now, &Amsterdam).unwrap().unwrap();
    assert_eq!(r.kind, ReminderKind::Rhythm);
    assert_eq!(r.at_ms, now);
    assert_eq!(
        r.text,
        ReminderText::RhythmNudge {
            channel: "LinkedIn".into()
        }
    );
    // Logged: the daily limit moves the next one to tomorrow at the earliest, and the same
    // nudge does not come back for a week.
    store.log_reminder(r.kind, &r.key, r.at_ms).unwrap();
    assert_eq!(store.reminder_log(0).unwrap().len(), 1);
    let next = store
        .next_reminder(now + 60_000, &Amsterdam)
        .unwrap()
        .unwrap();
    assert_eq!(to_rfc3339(next.at_ms), "2026-06-10T09:00:00Z");
    // Off again: nothing.
    store.set_rhythm_target(1, None, now).unwrap();
    assert_eq!(store.rhythm_target(1).unwrap(), None);
    assert_eq!(store.next_reminder(now, &Amsterdam).unwrap(), None);
}

#[test]
fn bad_targets_and_prefs_are_refused_and_change_nothing() {
    let (_dir, store) = fresh_store();
    store.set_rhythm_target(1, Some(14), NOW).unwrap();
    for bad in [0, 366] {
        let e = store.set_rhythm_target(1, Some(bad), NOW).unwrap_err();
        assert!(e.is_bad_input());
        assert_eq!(e.field(), Some("every_days"));
    }
    assert!(matches!(
        store.set_rhythm_target(99, Some(7), NOW),
        Err(Error::NotFound { .. })
    ));
    assert_eq!(store.rhythm_target(1).unwrap(), Some(14));

    let prefs = ReminderPrefs {
        max_per_day: 9,
        ..Default::default()
    };
    assert_eq!(
        store.set_reminder_prefs(&prefs).unwrap_err().field(),
        Some("max_per_day")
    );
    assert_eq!(store.reminder_prefs().unwrap(), ReminderPrefs::default());
    let prefs = ReminderPrefs {
        weekly_review: true,
        max_per_day: 2,
        ..Default::default()
    };
    store.set_reminder_prefs(&prefs).unwrap();
    assert_eq!(store.reminder_prefs().unwrap(), prefs);
}

#[test]
fn an_older_or_damaged_prefs_value_reads_as_defaults() {
    let (_dir, store) = fresh_store();
    store
        .set_setting("reminders", r#"{"weekends": true}"#)
        .unwrap();
    let prefs = store.reminder_prefs().unwrap();
    assert!(prefs.weekends);
    assert_eq!(prefs.max_per_day, 1);
    store.set_setting("reminders", "not json").unwrap();
    assert_eq!(store.reminder_prefs().unwrap(), ReminderPrefs::default());
}

#[test]
fn follow_ups_count_from_the_latest_activity_and_skip_closed_inquiries() {
    let (_dir, store) = fresh_store();
    let sam = store
        .create_inquiry(&inquiry("2026-05-04 10:00", "Sam"), NOW)
        .unwrap();
    let input = store.plan_input(NOW).unwrap();
    assert_eq!(input.inquiries.len(), 1);
    let r = store
        .next_reminder(at("2026-05-05 10:00"), &Amsterdam)
        .unwrap()
        .unwrap();
    assert_eq!(r.kind, ReminderKind::FollowUp);
    assert_eq!(r.key, format!("follow_up:{}", sam.id));
    assert_eq!(
        to_rfc3339(r.at_ms),
        "2026-05-11T07:00:00Z",
        "Monday 09:00 local"
    );
    // A logged follow-up moves it.
    store
        .mark_followed_up(sam.id, at("2026-05-12 16:00"))
        .unwrap();
    let r = store
        .next_reminder(at("2026-05-12 17:00"), &Amsterdam)
        .unwrap()
        .unwrap();
    assert_eq!(to_rfc3339(r.at_ms), "2026-05-18T07:00:00Z");
    // A client is no longer open.
    let mut done = inquiry("2026-05-04 10:00", "Sam");
    done.status = afterword_core::model::InquiryStatus::Client;
    store.update_inquiry(sam.id, &done, NOW).unwrap();
    assert!(store.plan_input(NOW).unwrap().inquiries.is_empty());
}

#[test]
fn ideas_are_created_listed_deleted_and_planned() {
    let (_dir, store) = fresh_store();
    let idea = IdeaInput {
        title: "  Why I price by the day ".into(),
        note: Some("".into()),
        planned_for: Some("2026-06-04".into()),
        channel_id: Some(1),
    }
    .validate()
    .unwrap();
    let created = store.create_idea(&idea, NOW).unwrap();
    assert_eq!(created.title, "Why I price by the day");
    assert_eq!(created.note, None);
    assert_eq!(created.planned_for.as_deref(), Some("2026-06-04"));
    let loose = IdeaInput {
        title: "Someday".into(),
        ..Default::default()
    };
    store.create_idea(&loose.validate().unwrap(), NOW).unwrap();
    assert_eq!(store.list_ideas().unwrap().len(), 2);
    assert_eq!(store.plan_input(NOW).unwrap().ideas.len(), 1);

    let r = store
        .next_reminder(at("2026-06-04 08:00"), &Amsterdam)
        .unwrap()
        .unwrap();
    assert_eq!(r.kind, ReminderKind::Idea);
    assert_eq!(to_rfc3339(r.at_ms), "2026-06-04T07:00:00Z");

    for bad in [
        IdeaInput::default(),
        IdeaInput {
            title: "x".into(),
            planned_for: Some("4 June".into()),
            ..Default::default()
        },
    ] {
        assert!(bad.validate().unwrap_err().is_bad_input());
    }
    let unknown_channel = IdeaInput {
        title: "x".into(),
        channel_id: Some(42),
        ..Default::default()
    };
    let e = store
        .create_idea(&unknown_channel.validate().unwrap(), NOW)
        .unwrap_err();
    assert_eq!(e.field(), Some("channel_id"));

    store.delete_idea(created.id, NOW).unwrap();
    assert_eq!(store.list_ideas().unwrap().len(), 1);
    assert!(store.plan_input(NOW).unwrap().ideas.is_empty());
    assert!(matches!(
        store.delete_idea(created.id, NOW),
        Err(Error::NotFound { .. })
    ));
}

#[test]
fn the_app_last_seen_time_is_kept() {
    let (_dir, store) = fresh_store();
    assert_eq!(store.app_last_seen().unwrap(), None);
    store.record_app_seen(NOW).unwrap();
    assert_eq!(store.app_last_seen().unwrap(), Some(NOW));
}

fn idea_input(title: &str, day: Option<&str>, channel_id: Option<i64>) -> ValidIdea {
    IdeaInput {
        title: title.into(),
        note: None,
        planned_for: day.map(Into::into),
        channel_id,
    }
    .validate()
    .unwrap()
}

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

#[test]
fn the_rhythm_overview_learns_gaps_per_active_channel() {
    let (_dir, store) = fresh_store();
    let blog = store
        .add_channel(
            &ChannelInput {
                name: "blog".into(),
                kind: ChannelKind::Blog,
            },
            NOW,
        )
        .unwrap();
    let old = store
        .add_channel(
            &ChannelInput {
                name: "Old podcast".into(),
                kind: ChannelKind::Podcast,
            },
            NOW,
        )
        .unwrap();
    store
        .create_post(&post(old.id, "2026-05-01 10:00", "Episode"), NOW)
        .unwrap();
    store.set_channel_archived(old.id, true).unwrap();
    // LinkedIn: gaps of 4 and 6 days (and a deleted post in between that must not count).
    for (at, title) in [
        ("2026-05-10 10:00", "One"),
        ("2026-05-14 10:00", "Two"),
        ("2026-05-20 10:00", "Three"),
    ] {
        store.create_post(&post(1, at, title), NOW).unwrap();
    }
    let gone = store
        .create_post(&post(1, "2026-05-12 10:00", "Deleted"), NOW)
        .unwrap();
    store.delete_post(gone.id, NOW).unwrap();
    store.set_rhythm_target(1, Some(7), NOW).unwrap();
    // The newsletter once.
    store
        .create_post(&post(2, "2026-05-26 08:26", "Letter"), NOW)
        .unwrap();

    let now = at("2026-05-28 10:00");
    let overview = store.rhythm_overview(now).unwrap();
    // The order of list_channels, archived ones left out.
    let expected: Vec<i64> = store
        .list_channels()
        .unwrap()
        .into_iter()
        .filter(|c| !c.archived)
        .map(|c| c.id)
        .collect();
    let ids: Vec<i64> = overview.iter().map(|c| c.channel_id).collect();
    assert_eq!(ids, expected);
    assert_eq!(ids, [blog.id, 1, 2]);

    let blog_row = &overview[0];
    assert_eq!((blog_row.posts, blog_row.every_days), (0, None));
    assert_eq!(blog_row.kind, ChannelKind::Blog);
    assert_eq!(
        (
            blog_row.median_gap_days,
            blog_row.latest_gap_days,
            blog_row.days_since_latest
        ),
        (None, None, None)
    );

    let linkedin = &overview[1];
    assert_eq!(linkedin.channel, "LinkedIn");
    assert_eq!((linkedin.posts, linkedin.every_days), (3, Some(7)));
    assert_eq!(linkedin.median_gap_days, Some(5.0));
    assert_eq!(linkedin.latest_gap_days, Some(6.0));
    assert_eq!(linkedin.days_since_latest, Some(8.0));

    let letter = &overview[2];
    assert_eq!((letter.posts, letter.median_gap_days), (1, None));
    let since = letter.days_since_latest.unwrap();
    assert!((since - (now - at("2026-05-26 08:26")) as f64 / 86_400_000.0).abs() < 1e-9);

    // The JSON the UI reads.
    let json = serde_json::to_value(linkedin).unwrap();
    assert_eq!(json["kind"], "linkedin");
    assert_eq!(json["median_gap_days"], 5.0);
    assert_eq!(
        serde_json::to_value(blog_row).unwrap()["every_days"],
        serde_json::Value::Null
    );
}

#[test]
fn ideas_are_updated_and_a_deleted_idea_comes_back() {
    let (_dir, store) = fresh_store();
    let idea = store
        .create_idea(&idea_input("Pricing", Some("2026-06-04"), Some(1)), NOW)
        .unwrap();
    let later = NOW + 60_000;
    let changed = store
        .update_idea(
            idea.id,
            &IdeaInput {
                title: "Pricing by the day".into(),
                note: Some("  start with the coach story ".into()),
                planned_for: Some("".into()),
                channel_id: Some(2),
            }
            .validate()
            .unwrap(),
            later,
        )
        .unwrap();
    assert_eq!(changed.id, idea.id);
    assert_eq!(changed.title, "Pricing by the day");
    assert_eq!(changed.note.as_deref(), Some("start with the coach story"));
    assert_eq!(changed.planned_for, None);
    assert_eq!(changed.channel_id, Some(2));
    assert_eq!((changed.created_at_ms, changed.updated_at_ms), (NOW, later));

    // An unknown channel is the same refusal as on create, and changes nothing.
    let e = store
        .update_idea(idea.id, &idea_input("x", None, Some(42)), later)
        .unwrap_err();
    assert_eq!(
        (e.code(), e.field()),
        ("channel_unknown", Some("channel_id"))
    );
    assert_eq!(store.list_ideas().unwrap(), vec![changed.clone()]);
    assert!(matches!(
        store.update_idea(99, &idea_input("x", None, None), later),
        Err(Error::NotFound { .. })
    ));

    // Delete, then undo: the same idea with the same id, marked as changed at the undo.
    store.delete_idea(idea.id, later).unwrap();
    assert!(store.list_ideas().unwrap().is_empty());
    assert!(matches!(
        store.update_idea(idea.id, &idea_input("x", None, None), later),
        Err(Error::NotFound { .. })
    ));
    let undone_at = later + 5_000;
    let back = store.restore_idea(idea.id, undone_at).unwrap();
    let expected = Idea {
        updated_at_ms: undone_at,
        ..changed
    };
    assert_eq!(back, expected);
    assert_eq!(store.list_ideas().unwrap(), vec![expected]);
    // Only a deleted idea can be restored.
    assert_eq!(
        store.restore_idea(idea.id, undone_at).unwrap_err().code(),
        "not_found"
    );
    assert_eq!(
        store.restore_idea(99, undone_at).unwrap_err().code(),
        "not_found"
    );
}

#[test]
fn an_idea_becomes_a_post_once_in_one_transaction() {
    let (_dir, store) = fresh_store();
    let idea = store
        .create_idea(
            &idea_input("Five clients", Some("2026-05-28"), Some(2)),
            NOW,
        )
        .unwrap();
    let posted = store
        .convert_idea_to_post(idea.id, &post(2, "2026-05-28 09:00", "Five clients"), NOW)
        .unwrap();
    assert_eq!(posted.channel_id, 2);
    assert_eq!(posted.title.as_deref(), Some("Five clients"));
    assert_eq!(store.get_post(posted.id).unwrap(), posted);
    // The idea stays in the list, linked; the planner no longer reminds about it.
    let listed = store.list_ideas().unwrap();
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0].post_id, Some(posted.id));
    assert!(store.plan_input(NOW).unwrap().ideas.is_empty());

    // A second conversion is refused and writes nothing.
    let posts_before = store.list_posts(&Default::default()).unwrap();
    let e = store
        .convert_idea_to_post(idea.id, &post(2, "2026-05-28 10:00", "Again"), NOW)
        .unwrap_err();
    assert_eq!(e.code(), "idea_already_posted");
    assert!(e.is_bad_input());
    assert_eq!(store.list_posts(&Default::default()).unwrap(), posts_before);
    assert_eq!(store.list_ideas().unwrap(), listed);

    // A refused post (archived channel) leaves the idea as it was.
    let other = store
        .create_idea(&idea_input("Quiet weeks", None, None), NOW)
        .unwrap();
    store.set_channel_archived(1, true).unwrap();
    let e = store
        .convert_idea_to_post(other.id, &post(1, "2026-05-28 09:00", "Quiet"), NOW)
        .unwrap_err();
    assert_eq!(e.code(), "channel_archived");
    assert_eq!(store.list_posts(&Default::default()).unwrap(), posts_before);
    assert!(store
        .list_ideas()
        .unwrap()
        .iter()
        .all(|i| i.id != other.id || i.post_id.is_none()));

    // A deleted idea is not found.
    store.delete_idea(other.id, NOW).unwrap();
    let e = store
        .convert_idea_to_post(other.id, &post(2, "2026-05-28 09:00", "Quiet"), NOW)
        .unwrap_err();
    assert_eq!(e.code(), "not_found");
    assert_eq!(store.list_posts(&Default::default()).unwrap(), posts_before);
}

#[test]
fn deleting_the_post_an_idea_became_makes_it_plain_again() {
    let (_dir, store) = fresh_store();
    let idea = store
        .create_idea(&idea_input("Pricing", Some("2026-06-04"), None), NOW)
        .unwrap();
    let first = store
        .convert_idea_to_post(idea.id, &post(1, "2026-05-28 09:00", "Pricing"), NOW)
        .unwrap();
    // The undo of a conversion: the post goes, the idea is an idea again (and planned again).
    store.delete_post(first.id, NOW).unwrap();
    assert_eq!(store.list_ideas().unwrap()[0].post_id, None);
    assert_eq!(store.plan_input(NOW).unwrap().ideas.len(), 1);
    // Restoring the post restores the link.
    store.restore_post(first.id, NOW).unwrap();
    assert_eq!(store.list_ideas().unwrap()[0].post_id, Some(first.id));
    // Deleted again, the idea can become another post.
    store.delete_post(first.id, NOW).unwrap();
    let second = store
        .convert_idea_to_post(
            idea.id,
            &post(1, "2026-05-28 10:00", "Pricing, take two"),
            NOW,
        )
        .unwrap();
    assert_eq!(store.list_ideas().unwrap()[0].post_id, Some(second.id));
}

#[test]
fn the_calendar_puts_posts_on_local_days_across_dst_changes() {
    let (_dir, store) = fresh_store();
    let mut ids = std::collections::HashMap::new();
    for at in [
        // Spring forward in Amsterdam: 29 March 2026 has 23 hours.
        "2026-03-28 23:59",
        "2026-03-29 00:30",
        "2026-03-29 23:30",
        "2026-03-30 00:00",
        // Fall back: 26 October 2025 has 25 hours; 02:30 happens twice (the earlier is taken).
        "2025-10-25 23:59",
        "2025-10-26 02:30",
        "2025-10-26 23:30",
        "2025-10-27 00:00",
    ] {
        let p = store.create_post(&post(1, at, at), NOW).unwrap();
        ids.insert(at, p.id);
    }
    let deleted = store
        .create_post(&post(2, "2026-03-29 12:00", "Deleted"), NOW)
        .unwrap();
    store.delete_post(deleted.id, NOW).unwrap();

    let spring = store
        .calendar(day("2026-03-29"), day("2026-03-29"), &Amsterdam)
        .unwrap();
    let seen: Vec<(i64, &str, &str)> = spring
        .posts
        .iter()
        .map(|p| (p.id, p.day.as_str(), p.time.as_str()))
        .collect();
    assert_eq!(
        seen,
        [
            (ids["2026-03-29 00:30"], "2026-03-29", "00:30"),
            (ids["2026-03-29 23:30"], "2026-03-29", "23:30"),
        ]
    );
    assert_eq!(spring.posts[0].channel, "LinkedIn");
    assert_eq!(spring.posts[0].kind, PostKind::Post);
    assert_eq!(spring.posts[0].title.as_deref(), Some("2026-03-29 00:30"));

    let autumn = store
        .calendar(day("2025-10-26"), day("2025-10-26"), &Amsterdam)
        .unwrap();
    let seen: Vec<(i64, &str)> = autumn
        .posts
        .iter()
        .map(|p| (p.id, p.time.as_str()))
        .collect();
    assert_eq!(
        seen,
        [
            (ids["2025-10-26 02:30"], "02:30"),
            (ids["2025-10-26 23:30"], "23:30"),
        ]
    );

    // A longer range takes every day between, both ends included.
    let all = store
        .calendar(day("2025-10-25"), day("2026-03-30"), &Amsterdam)
        .unwrap();
    assert_eq!(all.posts.len(), 8);
    let days: Vec<&str> = all.posts.iter().map(|p| p.day.as_str()).collect();
    assert!(days.windows(2).all(|w| w[0] <= w[1]));
}

#[test]
fn the_calendar_shows_planned_ideas_and_refuses_bad_ranges() {
    let (_dir, store) = fresh_store();
    let on_day = store
        .create_idea(&idea_input("On the day", Some("2026-06-04"), None), NOW)
        .unwrap();
    store
        .create_idea(&idea_input("Next day", Some("2026-06-05"), None), NOW)
        .unwrap();
    store
        .create_idea(&idea_input("Unplanned", None, None), NOW)
        .unwrap();
    let gone = store
        .create_idea(&idea_input("Deleted", Some("2026-06-04"), None), NOW)
        .unwrap();
    store.delete_idea(gone.id, NOW).unwrap();
    let became = store
        .create_idea(&idea_input("Became a post", Some("2026-06-01"), None), NOW)
        .unwrap();
    store
        .convert_idea_to_post(became.id, &post(1, "2026-05-28 09:00", "Posted"), NOW)
        .unwrap();

    let data = store
        .calendar(day("2026-06-01"), day("2026-06-04"), &Amsterdam)
        .unwrap();
    let titles: Vec<&str> = data.ideas.iter().map(|i| i.title.as_str()).collect();
    assert_eq!(titles, ["Became a post", "On the day"]);
    assert!(data.ideas[0].post_id.is_some());
    assert_eq!(data.ideas[1], on_day);
    assert!(data.posts.is_empty(), "the post was published on 28 May");

    let e = store
        .calendar(day("2026-06-04"), day("2026-06-01"), &Amsterdam)
        .unwrap_err();
    assert!(e.is_bad_input());
    assert_eq!(e.field(), Some("from"));
    let e = store
        .calendar(day("2026-01-01"), day("2027-06-01"), &Amsterdam)
        .unwrap_err();
    assert_eq!((e.code(), e.field()), ("range_too_long", Some("to")));
}

#[test]
fn the_plan_exports_as_icalendar() {
    let (_dir, store) = fresh_store();
    let planned = store
        .create_idea(
            &IdeaInput {
                title: "Pricing, by the day; not the hour".into(),
                note: Some("Start with\nthe coach story".into()),
                planned_for: Some("2026-06-04".into()),
                channel_id: None,
            }
            .validate()
            .unwrap(),
            NOW,
        )
        .unwrap();
    store
        .create_idea(&idea_input("Unplanned", None, None), NOW)
        .unwrap();
    let became = store
        .create_idea(&idea_input("Became a post", Some("2026-05-28"), None), NOW)
        .unwrap();
    let posted = store
        .convert_idea_to_post(became.id, &post(2, "2026-05-28 09:00", "Five clients"), NOW)
        .unwrap();
    let old = store
        .create_post(&post(1, "2024-01-10 09:00", "Too old"), NOW)
        .unwrap();

    let text = store.plan_ics(NOW, &Amsterdam).unwrap();
    let cal: icalendar::Calendar = text.parse().expect("the export parses");
    let uids: Vec<String> = cal
        .events()
        .filter_map(|e| e.get_uid().map(str::to_string))
        .collect();
    assert_eq!(
        uids,
        [
            format!("idea-{}@afterword.app", planned.id),
            format!("post-{}@afterword.app", posted.id),
        ]
    );
    assert!(!text.contains(&format!("post-{}@", old.id)));
    let idea = cal.events().next().unwrap();
    assert_eq!(
        idea.get_summary(),
        Some("Pricing, by the day; not the hour")
    );
    assert_eq!(idea.get_description(), Some("Start with\nthe coach story"));
    assert!(text.contains("DTSTART;VALUE=DATE:20260604\r\n"));
    assert!(text.contains("SUMMARY:Posted: Five clients\r\n"));
    // 09:00 in Amsterdam summer time is 07:00 UTC.
    assert!(text.contains("DTSTART:20260528T070000Z\r\n"));
    assert!(text.contains("X-WR-CALNAME:Afterword plan\r\n"));
    assert!(text.split_terminator("\r\n").all(|l| l.len() <= 75));
}

#[test]
fn window_prefs_default_off_and_survive_older_values() {
    let (_dir, store) = fresh_store();
    assert_eq!(store.window_prefs().unwrap(), WindowPrefs::default());
    assert!(!WindowPrefs::default().close_to_tray && !WindowPrefs::default().start_at_login);
    let prefs = WindowPrefs {
        close_to_tray: true,
        start_at_login: true,
    };
    store.set_window_prefs(&prefs).unwrap();
    assert_eq!(store.window_prefs().unwrap(), prefs);
    assert_eq!(
        store.get_setting("window").unwrap().as_deref(),
        Some(r#"{"close_to_tray":true,"start_at_login":true}"#)
    );
    store
        .set_setting("window", r#"{"close_to_tray": true}"#)
        .unwrap();
    assert_eq!(
        store.window_prefs().unwrap(),
        WindowPrefs {
            close_to_tray: true,
            start_at_login: false
        }
    );
    store.set_setting("window", "[1, 2").unwrap();
    assert_eq!(store.window_prefs().unwrap(), WindowPrefs::default());
}

#[test]
fn snooze_and_pause_keep_the_other_preferences() {
    let (_dir, store) = fresh_store();
    let mine = ReminderPrefs {
        weekly_review: true,
        max_per_day: 2,
        ..Default::default()
    };
    store.set_reminder_prefs(&mine).unwrap();
    store
        .create_post(&post(1, "2026-05-01 10:00", "Old"), NOW)
        .unwrap();
    store.set_rhythm_target(1, Some(7), NOW).unwrap();
    let now = at("2026-06-03 11:00");
    assert_eq!(
        store.next_reminder(now, &Amsterdam).unwrap().unwrap().at_ms,
        now
    );

    let week = now + 7 * 86_400_000;
    let snoozed = store.snooze_reminders(week).unwrap();
    assert_eq!(snoozed.snoozed_until_ms, Some(week));
    assert_eq!((snoozed.weekly_review, snoozed.max_per_day), (true, 2));
    assert_eq!(store.reminder_prefs().unwrap(), snoozed);
    assert!(store.next_reminder(now, &Amsterdam).unwrap().unwrap().at_ms >= week);

    let later = now + 21 * 86_400_000;
    let paused = store.pause_reminders(Some(later)).unwrap();
    assert_eq!(
        (paused.paused_until_ms, paused.snoozed_until_ms),
        (Some(later), Some(week))
    );
    assert!(store.next_reminder(now, &Amsterdam).unwrap().unwrap().at_ms >= later);

    // Resume: both cleared, everything else as it was.
    let resumed = store.pause_reminders(None).unwrap();
    assert_eq!(resumed, mine);
    assert_eq!(store.reminder_prefs().unwrap(), mine);
    assert_eq!(
        store.next_reminder(now, &Amsterdam).unwrap().unwrap().at_ms,
        now
    );
}

#[test]
fn the_next_reminder_previews_in_the_users_language() {
    let (_dir, store) = fresh_store();
    store
        .create_post(&post(1, "2026-05-01 10:00", "Old"), NOW)
        .unwrap();
    store.set_rhythm_target(1, Some(7), NOW).unwrap();
    let now = at("2026-06-03 11:00");
    let next = store.next_reminder(now, &Amsterdam).unwrap().unwrap();
    let preview = next.preview(Lang::Nl);
    assert_eq!(preview.at_ms, now);
    assert_eq!(preview.kind, ReminderKind::Rhythm);
    assert_eq!(
        preview.text,
        "Zin om iets te delen? Er is deze week ruimte voor een LinkedIn-bericht."
    );
    let json = serde_json::to_value(&preview).unwrap();
    assert_eq!(json["kind"], "rhythm");
}
