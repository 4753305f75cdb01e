//! `afterword export`, `import json`, `backup` and `restore` on the real binary and temp dirs.

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

fn ok(dir: &Path, args: &[&str]) -> String {
    let out = afterword(dir, args);
    assert!(out.status.success(), "{args:?}: {out:?}");
    String::from_utf8(out.stdout).expect("UTF-8")
}

fn path(p: &Path) -> &str {
    p.to_str().expect("UTF-8 path")
}

/// A post, an inquiry with money, a deleted post, Dutch and emoji, and a soft target.
fn some_history(dir: &Path) {
    ok(
        dir,
        &[
            "log",
            "post",
            "--channel",
            "LinkedIn",
            "--at",
            "2026-05-01 09:15",
            "--title",
            "Waarom ik minder post 🌱",
            "--felt",
            "energising",
        ],
    );
    let gone = ok(
        dir,
        &[
            "log",
            "post",
            "--channel",
            "Newsletter",
            "--at",
            "2026-05-02 10:00",
            "--title",
            "Brief één",
            "--kind",
            "newsletter",
        ],
    );
    ok(
        dir,
        &[
            "log",
            "inquiry",
            "--at",
            "2026-05-03 14:00",
            "--name",
            "Sanne",
            "--org",
            "Zorg & Zo",
            "--status",
            "client",
            "--value",
            "1500.00",
        ],
    );
    ok(
        dir,
        &[
            "rhythm",
            "set",
            "--channel",
            "LinkedIn",
            "--every-days",
            "7",
        ],
    );
    let db = rusqlite::Connection::open(dir.join("afterword.sqlite3")).unwrap();
    db.execute(
        "UPDATE posts SET deleted_at_ms = 1778000000000 WHERE id = ?1",
        [gone.trim().parse::<i64>().unwrap()],
    )
    .unwrap();
}

fn count(dir: &Path, sql: &str) -> i64 {
    let db = rusqlite::Connection::open(dir.join("afterword.sqlite3")).unwrap();
    db.query_row(sql, [], |r| r.get(0)).unwrap()
}

#[test]
fn export_json_then_import_json_into_an_empty_dir_round_trips() {
    let (a, b, files) = (
        tempfile::tempdir().unwrap(),
        tempfile::tempdir().unwrap(),
        tempfile::tempdir().unwrap(),
    );
    some_history(a.path());
    let first = files.path().join("first.json");
    let said = ok(a.path(), &["export", "json", path(&first)]);
    assert!(said.contains("first.json"), "{said}");

    let dry = ok(
        b.path(),
        &["import", "json", path(&first), "--dry-run", "--json"],
    );
    let dry: serde_json::Value = serde_json::from_str(&dry).unwrap();
    assert_eq!(dry["source"], "json");
    assert_eq!(
        count(b.path(), "SELECT count(*) FROM posts"),
        0,
        "a dry run writes nothing"
    );

    let done = ok(b.path(), &["import", "json", path(&first), "--json"]);
    let done: serde_json::Value = serde_json::from_str(&done).unwrap();
    assert_eq!(done["source"], "json");
    assert_eq!(done["already_present"], 0);
    assert_eq!(done["rejected"], 0);
    assert_eq!(done["errors"], serde_json::json!([]));
    // One row per line in the document: every row was added.
    let rows = std::fs::read_to_string(&first)
        .unwrap()
        .lines()
        .filter(|l| l.starts_with("        ["))
        .count();
    assert_eq!(done["added"].as_u64(), Some(rows as u64));

    let second = files.path().join("second.json");
    ok(b.path(), &["export", "json", path(&second)]);
    assert_eq!(
        std::fs::read(&first).unwrap(),
        std::fs::read(&second).unwrap(),
        "byte for byte"
    );

    // Importing again into the now full database is refused: exit 2, nothing changed.
    let again = afterword(b.path(), &["import", "json", path(&first), "--json"]);
    assert_eq!(again.status.code(), Some(2), "{again:?}");
    let summary: serde_json::Value = serde_json::from_slice(&again.stdout).unwrap();
    assert_eq!(summary["errors"][0]["code"], "database_not_empty");
    assert!(String::from_utf8_lossy(&again.stderr).contains("already holds data"));
    ok(b.path(), &["export", "json", path(&second)]);
    assert_eq!(
        std::fs::read(&first).unwrap(),
        std::fs::read(&second).unwrap()
    );
}

#[test]
fn export_csv_writes_a_file_per_table() {
    let (a, out) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    some_history(a.path());
    let dir = out.path().join("csv");
    let said = ok(a.path(), &["export", "csv", path(&dir)]);
    assert!(said.contains("posts.csv"), "{said}");
    let inquiries = std::fs::read_to_string(dir.join("inquiries.csv")).unwrap();
    assert!(inquiries.starts_with('\u{feff}'));
    assert!(
        inquiries.contains("1500.00") && inquiries.contains("2026-05-03 14:00:00"),
        "{inquiries}"
    );
    let posts = std::fs::read_to_string(dir.join("posts.csv")).unwrap();
    assert!(
        posts.contains("Waarom ik minder post 🌱") && !posts.contains("Brief één"),
        "{posts}"
    );
}

#[test]
fn backup_then_restore_brings_back_the_data_and_keeps_the_current_one() {
    let (a, files) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    some_history(a.path());
    let copy = files.path().join("copy.sqlite3");
    let said = ok(a.path(), &["backup", path(&copy)]);
    assert!(
        said.contains("copy.sqlite3") && said.contains("posts: 1, inquiries: 1"),
        "{said}"
    );

    ok(
        a.path(),
        &[
            "log",
            "post",
            "--channel",
            "LinkedIn",
            "--at",
            "2026-05-04 09:00",
            "--title",
            "Na de back-up",
        ],
    );
    assert_eq!(count(a.path(), "SELECT count(*) FROM posts"), 3);

    let said = ok(a.path(), &["restore", path(&copy)]);
    assert!(said.contains("posts: 1, inquiries: 1"), "{said}");
    assert_eq!(
        count(a.path(), "SELECT count(*) FROM posts"),
        2,
        "the deleted post is back too"
    );
    let kept = a.path().join("backups");
    let name = std::fs::read_dir(&kept)
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .file_name();
    let name = name.to_string_lossy().into_owned();
    assert!(name.starts_with("before-restore-"), "{name}");
    assert!(
        said.contains(&name),
        "the output says where the old data went: {said}"
    );
    let old = rusqlite::Connection::open(kept.join(&name)).unwrap();
    let n: i64 = old
        .query_row("SELECT count(*) FROM posts", [], |r| r.get(0))
        .unwrap();
    assert_eq!(n, 3, "the copy holds the data from before the restore");

    // A folder as the target gets a dated name.
    let said = ok(a.path(), &["backup", path(files.path())]);
    assert!(said.contains("afterword-20"), "{said}");
}

#[test]
fn a_damaged_backup_is_refused_with_exit_2_and_nothing_changes() {
    let (a, files) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    some_history(a.path());
    let copy = files.path().join("copy.sqlite3");
    ok(a.path(), &["backup", path(&copy)]);
    let bytes = std::fs::read(&copy).unwrap();
    let damaged = files.path().join("damaged.sqlite3");
    std::fs::write(&damaged, &bytes[..bytes.len() / 3]).unwrap();

    let export = files.path().join("before.json");
    ok(a.path(), &["export", "json", path(&export)]);
    let out = afterword(a.path(), &["restore", path(&damaged)]);
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("damaged") && stderr.contains("nothing was changed"),
        "{stderr}"
    );
    let after = files.path().join("after.json");
    ok(a.path(), &["export", "json", path(&after)]);
    assert_eq!(
        std::fs::read(&export).unwrap(),
        std::fs::read(&after).unwrap()
    );
    assert!(
        !a.path().join("backups").exists(),
        "no copy for a refused restore"
    );
}
