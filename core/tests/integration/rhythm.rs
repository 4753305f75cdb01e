//! Rhythm targets, reminder preferences, ideas and the planner on a real database.

use afterword_core::rhythm::{IdeaInput, ReminderKind, ReminderPrefs, ReminderText};
use afterword_core::time::{parse_moment, to_rfc3339};
use afterword_core::Error;
use chrono_tz::Europe::Amsterdam;

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
