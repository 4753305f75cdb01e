//! The `rhythm set` and `reminders next` commands on the real binary and a temp data dir.

use std::path::Path;
use std::process::{Command, Output};

fn afterword(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_afterword"))
        .arg("--data-dir")
        .arg(dir)
        .args(args)
        .env_remove("AFTERWORD_DATA_DIR")
        .env("TZ", "Europe/Amsterdam")
        .output()
        .expect("run afterword")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).trim().to_string()
}

fn next_json(dir: &Path, now: &str) -> serde_json::Value {
    let out = afterword(dir, &["reminders", "next", "--json", "--now", now]);
    assert!(out.status.success(), "{out:?}");
    serde_json::from_str(&stdout(&out)).expect("JSON")
}

#[test]
fn a_fresh_database_plans_nothing() {
    let dir = tempfile::tempdir().unwrap();
    assert_eq!(
        next_json(dir.path(), "2026-06-03T10:00:00Z"),
        serde_json::Value::Null
    );
    let out = afterword(dir.path(), &["reminders", "next", "--json"]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(stdout(&out), "null");
}

#[test]
fn a_target_and_an_old_post_give_a_rhythm_reminder() {
    let dir = tempfile::tempdir().unwrap();
    let out = afterword(
        dir.path(),
        &[
            "rhythm",
            "set",
            "--channel",
            "linkedin",
            "--every-days",
            "7",
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    assert!(stdout(&out).contains("LinkedIn"), "{}", stdout(&out));
    let out = afterword(
        dir.path(),
        &[
            "log",
            "post",
            "--channel",
            "LinkedIn",
            "--at",
            "2026-01-05 10:00",
            "--title",
            "Old",
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{out:?}");

    // Wednesday 3 June 2026, 12:00 in Amsterdam: allowed, so now.
    let next = next_json(dir.path(), "2026-06-03T10:00:00Z");
    assert_eq!(next["kind"], "rhythm");
    let at = next["at"].as_str().unwrap();
    assert_eq!(at, "2026-06-03T10:00:00Z");
    chrono::DateTime::parse_from_rfc3339(at).expect("RFC 3339");
    assert_eq!(
        next["text"],
        "If you feel like it, there's room for a LinkedIn post this week."
    );
    // In the evening: the next morning at 09:00 local.
    let next = next_json(dir.path(), "2026-06-03T17:30:00Z");
    assert_eq!(next["at"], "2026-06-04T07:00:00Z");

    // A bad value: exit 2, and nothing changed.
    let out = afterword(
        dir.path(),
        &[
            "rhythm",
            "set",
            "--channel",
            "LinkedIn",
            "--every-days",
            "0",
        ],
    );
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    assert!(String::from_utf8_lossy(&out.stderr).contains("every-days"));
    let db = rusqlite::Connection::open(dir.path().join("afterword.sqlite3")).unwrap();
    let every: i64 = db
        .query_row(
            "SELECT every_days FROM rhythm_targets WHERE channel_id = 1",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(every, 7);
    assert_eq!(
        next_json(dir.path(), "2026-06-03T10:00:00Z")["kind"],
        "rhythm"
    );
    for bad in [
        &[
            "rhythm",
            "set",
            "--channel",
            "LinkedIn",
            "--every-days",
            "366",
        ][..],
        &[
            "rhythm",
            "set",
            "--channel",
            "LinkedIn",
            "--every-days",
            "often",
        ],
        &["rhythm", "set", "--channel", "Nowhere", "--every-days", "7"],
        &["reminders", "next", "--json", "--now", "tomorrow"],
    ] {
        assert_eq!(afterword(dir.path(), bad).status.code(), Some(2), "{bad:?}");
    }

    // Dutch when the saved language is Dutch.
    db.execute(
        "INSERT INTO settings (key, value) VALUES ('language', 'nl')",
        [],
    )
    .unwrap();
    drop(db);
    let next = next_json(dir.path(), "2026-06-03T10:00:00Z");
    assert_eq!(
        next["text"],
        "Zin om iets te delen? Er is deze week ruimte voor een LinkedIn-bericht."
    );

    // Off: nothing planned again.
    let out = afterword(
        dir.path(),
        &[
            "rhythm",
            "set",
            "--channel",
            "LinkedIn",
            "--every-days",
            "off",
        ],
    );
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        next_json(dir.path(), "2026-06-03T10:00:00Z"),
        serde_json::Value::Null
    );
}
