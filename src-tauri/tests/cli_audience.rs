//! `audience add`, `audience --json`, `metrics set` and the metrics in `list posts --json`, on
//! the real binary and a temp data dir.

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

fn json(dir: &Path, args: &[&str]) -> serde_json::Value {
    let out = afterword(dir, args);
    assert!(out.status.success(), "{out:?}");
    serde_json::from_str(&stdout(&out)).expect("JSON")
}

#[test]
fn audience_sizes_are_recorded_in_local_time_and_listed_per_channel() {
    let dir = tempfile::tempdir().unwrap();
    let add = |args: &[&str]| afterword(dir.path(), &[&["audience", "add"], args].concat());
    let out = add(&[
        "--channel",
        "linkedin",
        "--at",
        "2026-01-15 10:00",
        "--size",
        "480",
    ]);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let first: i64 = stdout(&out).parse().expect("prints the id");
    let out = add(&[
        "--channel",
        "LinkedIn",
        "--at",
        "2026-02-15 10:00",
        "--size",
        "900",
        "--measure",
        "followers",
    ]);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let out = add(&[
        "--channel",
        "Newsletter",
        "--at",
        "2026-02-01 08:30",
        "--size",
        "120",
    ]);
    assert_eq!(out.status.code(), Some(0), "{out:?}");

    let series = json(dir.path(), &["audience", "--json"]);
    let series = series.as_array().unwrap();
    assert_eq!(series.len(), 3);
    assert_eq!(series[0]["channel"], "LinkedIn");
    assert_eq!(series[0]["measure"], "connections");
    assert_eq!(series[0]["points"][0]["id"], first);
    // 10:00 in Amsterdam in winter is 09:00 UTC.
    assert_eq!(series[0]["points"][0]["at"], "2026-01-15T09:00:00Z");
    assert_eq!(series[0]["points"][0]["size"], 480);
    assert_eq!(series[1]["measure"], "followers");
    assert_eq!(series[2]["channel"], "Newsletter");
    assert_eq!(
        series[2]["measure"], "subscribers",
        "the newsletter's default"
    );

    // Bad input: exit 2, a clear message, nothing saved.
    for (args, words) in [
        (
            vec![
                "--channel",
                "LinkedIn",
                "--at",
                "2026-01-15 10:00",
                "--size",
                "-5",
            ],
            "0 to",
        ),
        (
            vec![
                "--channel",
                "Mastodon",
                "--at",
                "2026-01-15 10:00",
                "--size",
                "5",
            ],
            "no channel called",
        ),
        (
            vec![
                "--channel",
                "LinkedIn",
                "--at",
                "2099-01-15 10:00",
                "--size",
                "5",
            ],
            "more than a day",
        ),
        (
            vec![
                "--channel",
                "LinkedIn",
                "--at",
                "2026-01-15 10:00",
                "--size",
                "5",
                "--measure",
                "likes",
            ],
            "likes",
        ),
    ] {
        let out = add(&args);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {out:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(words), "{args:?}: {err}");
    }
    let series = json(dir.path(), &["audience", "--json"]);
    let points: usize = series
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["points"].as_array().unwrap().len())
        .sum();
    assert_eq!(points, 3);
}

#[test]
fn metrics_are_set_in_any_subset_and_listed_with_the_posts() {
    let dir = tempfile::tempdir().unwrap();
    let out = afterword(
        dir.path(),
        &[
            "log",
            "post",
            "--channel",
            "LinkedIn",
            "--at",
            "2026-03-10 09:00",
            "--title",
            "On rest",
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let id = stdout(&out);
    let out = afterword(
        dir.path(),
        &[
            "log",
            "post",
            "--channel",
            "LinkedIn",
            "--at",
            "2026-03-11 09:00",
            "--title",
            "No numbers",
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{out:?}");

    let out = afterword(
        dir.path(),
        &["metrics", "set", &id, "--reactions", "2", "--comments", "1"],
    );
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    assert_eq!(stdout(&out), "reactions: 2, comments: 1");
    let out = afterword(
        dir.path(),
        &[
            "metrics",
            "set",
            &id,
            "--impressions",
            "300",
            "--reactions",
            "3",
        ],
    );
    assert_eq!(stdout(&out), "impressions: 300, reactions: 3, comments: 1");

    let posts = json(dir.path(), &["list", "posts", "--json"]);
    let posts = posts.as_array().unwrap();
    // The existing fields are unchanged; metrics is an extra field.
    assert_eq!(posts[0]["title"], "No numbers");
    assert_eq!(posts[0]["channel"], "LinkedIn");
    assert_eq!(posts[0]["metrics"]["reactions"], serde_json::Value::Null);
    assert_eq!(posts[1]["id"].to_string(), id);
    assert_eq!(posts[1]["published_at"], "2026-03-10T08:00:00Z");
    assert_eq!(posts[1]["metrics"]["reactions"], 3);
    assert_eq!(posts[1]["metrics"]["comments"], 1);
    assert_eq!(posts[1]["metrics"]["impressions"], 300);
    assert_eq!(
        posts[1]["metrics"]["opens"],
        serde_json::Value::Null,
        "missing, not 0"
    );

    for args in [
        vec!["metrics", "set", &id],
        vec!["metrics", "set", &id, "--reactions", "-1"],
        vec!["metrics", "set", "999", "--reactions", "1"],
    ] {
        let out = afterword(dir.path(), &args);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {out:?}");
    }
    let posts = json(dir.path(), &["list", "posts", "--json"]);
    assert_eq!(
        posts[1]["metrics"]["reactions"], 3,
        "unchanged after refused input"
    );
}
