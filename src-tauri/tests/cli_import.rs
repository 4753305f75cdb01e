//! `afterword import` on the real binary, a temp data dir and the importers' fixtures.

use std::path::{Path, PathBuf};
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

fn fixture(rel: &str) -> String {
    let path: PathBuf = [
        env!("CARGO_MANIFEST_DIR"),
        "../core/tests/fixtures/import",
        rel,
    ]
    .iter()
    .collect();
    path.to_string_lossy().into_owned()
}

fn json(o: &Output) -> serde_json::Value {
    serde_json::from_slice(&o.stdout).unwrap_or_else(|e| panic!("JSON on stdout ({e}): {o:?}"))
}

fn posts(dir: &Path) -> i64 {
    let db = rusqlite::Connection::open(dir.join("afterword.sqlite3")).expect("open");
    db.query_row("SELECT count(*) FROM posts", [], |r| r.get(0))
        .expect("count")
}

#[test]
fn importing_an_archive_twice_adds_nothing_the_second_time() {
    let dir = tempfile::tempdir().unwrap();
    let older = fixture("linkedin/older");
    let first = afterword(dir.path(), &["import", "linkedin", &older, "--json"]);
    assert!(first.status.success(), "{first:?}");
    let first = json(&first);
    assert_eq!(first["source"], "linkedin");
    let added = first["added"].as_i64().expect("added");
    assert!(added > 0);
    assert_eq!(posts(dir.path()), added);

    let again = json(&afterword(
        dir.path(),
        &["import", "linkedin", &older, "--json"],
    ));
    assert_eq!(again["added"], 0);
    assert_eq!(again["already_present"], added);
    assert_eq!(posts(dir.path()), added);

    // A dry run of the newer archive writes nothing.
    let newer = fixture("linkedin/newer");
    let dry = json(&afterword(
        dir.path(),
        &["import", "linkedin", &newer, "--dry-run", "--json"],
    ));
    assert_eq!(dry["dry_run"], true);
    assert_eq!(posts(dir.path()), added);
}

#[test]
fn a_bad_or_wrong_file_exits_2_names_the_problem_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let bad = afterword(
        dir.path(),
        &[
            "import",
            "linkedin",
            &fixture("linkedin/bad/Shares.csv"),
            "--json",
        ],
    );
    assert_eq!(bad.status.code(), Some(2), "{bad:?}");
    let summary = json(&bad);
    assert_eq!(summary["added"], 0);
    assert_eq!(summary["errors"][0]["code"], "import_bad_value");
    assert!(summary["errors"][0]["line"].as_i64().is_some());
    assert!(String::from_utf8_lossy(&bad.stderr).contains("nothing was imported"));
    assert_eq!(posts(dir.path()), 0);

    let wrong = afterword(
        dir.path(),
        &["import", "linkedin", &fixture("substack/posts.csv")],
    );
    assert_eq!(wrong.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&wrong.stderr)
        .contains("this looks like Substack's posts.csv, not LinkedIn's Shares.csv"));
    assert_eq!(posts(dir.path()), 0);
}

#[test]
fn the_csv_templates_print_and_import_as_they_are() {
    let dir = tempfile::tempdir().unwrap();
    let template = afterword(dir.path(), &["import", "csv-posts", "--template"]);
    assert!(template.status.success());
    let file = dir.path().join("posts.csv");
    std::fs::write(&file, &template.stdout).unwrap();
    let out = afterword(
        dir.path(),
        &["import", "csv-posts", &file.to_string_lossy(), "--json"],
    );
    assert!(out.status.success(), "{out:?}");
    assert_eq!(json(&out)["added"], 2);
}

#[test]
fn candidates_lists_the_possible_inquiries_an_archive_held() {
    let dir = tempfile::tempdir().unwrap();
    let empty = afterword(dir.path(), &["candidates", "--json"]);
    assert!(empty.status.success(), "{empty:?}");
    assert_eq!(json(&empty), serde_json::json!([]));

    let out = afterword(
        dir.path(),
        &["import", "linkedin", &fixture("linkedin/older"), "--json"],
    );
    let summary = json(&out);
    assert_eq!(summary["candidates"], 2);
    assert_eq!(summary["snapshots"], 3);
    let listed = json(&afterword(dir.path(), &["candidates", "--json"]));
    let listed = listed.as_array().expect("array");
    assert_eq!(listed.len(), 2);
    let femke = &listed[1];
    assert_eq!(femke["kind"], "invitation");
    assert_eq!(femke["name"], "Femke Bakker");
    assert_eq!(femke["received_at"], "2025-09-05T01:12:00Z");
    assert_eq!(
        femke["profile_url"],
        "https://www.linkedin.com/in/femkebakker"
    );
    assert!(femke["message"]
        .as_str()
        .is_some_and(|m| m.starts_with("Hoi Sanne")));
    assert!(listed[0]["id"].as_i64().is_some());
    // Nothing became an inquiry by itself.
    let db = rusqlite::Connection::open(dir.path().join("afterword.sqlite3")).expect("open");
    let inquiries: i64 = db
        .query_row("SELECT count(*) FROM inquiries", [], |r| r.get(0))
        .expect("count");
    assert_eq!(inquiries, 0);

    let text = afterword(dir.path(), &["candidates"]);
    assert!(String::from_utf8_lossy(&text.stdout).contains("Femke Bakker"));
}

#[test]
fn linkedin_analytics_numbers_go_to_the_imported_posts() {
    let dir = tempfile::tempdir().unwrap();
    let shares = afterword(
        dir.path(),
        &["import", "linkedin", &fixture("linkedin/Shares.csv")],
    );
    assert!(shares.status.success(), "{shares:?}");
    let export = fixture("linkedin_analytics/Content_2026-01-01_2026-01-10.xlsx");
    let dry = json(&afterword(
        dir.path(),
        &[
            "import",
            "linkedin-analytics",
            &export,
            "--dry-run",
            "--json",
        ],
    ));
    assert_eq!(dry["metric_posts"], 2);
    let out = afterword(
        dir.path(),
        &["import", "linkedin-analytics", &export, "--json"],
    );
    assert!(out.status.success(), "{out:?}");
    let summary = json(&out);
    assert_eq!(summary["source"], "linkedin_analytics");
    assert_eq!(
        (
            &summary["added"],
            &summary["metric_posts"],
            &summary["unmatched"],
            &summary["snapshots"]
        ),
        (&0.into(), &2.into(), &1.into(), &3.into())
    );
    let db = rusqlite::Connection::open(dir.path().join("afterword.sqlite3")).expect("open");
    let metrics: i64 = db
        .query_row("SELECT count(*) FROM post_metrics", [], |r| r.get(0))
        .expect("count");
    assert_eq!(metrics, 4);
    let again = json(&afterword(
        dir.path(),
        &["import", "linkedin-analytics", &export, "--json"],
    ));
    assert_eq!(again["metric_posts"], 0);

    let wrong = afterword(
        dir.path(),
        &[
            "import",
            "linkedin-analytics",
            &fixture("linkedin_analytics/other/budget.xlsx"),
        ],
    );
    assert_eq!(wrong.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&wrong.stderr).contains("this is not a LinkedIn analytics export")
    );
}
