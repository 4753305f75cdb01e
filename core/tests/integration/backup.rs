//! Backups with the online backup API, the rotation with a fixed date, and restore: checked
//! first, refused without changing anything, the current data kept before it is replaced.

use std::path::Path;

use afterword_core::backup::{self, rotate, BackupKind};
use afterword_core::export;
use afterword_core::Store;
use chrono::{NaiveDate, NaiveDateTime};

use crate::common::{fresh_store, post, NOW};
use crate::export::fill_every_table;

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn noon(s: &str) -> NaiveDateTime {
    day(s).and_hms_opt(12, 0, 0).unwrap()
}

fn posts(store: &Store) -> i64 {
    store
        .read(|c| Ok(c.query_row("SELECT count(*) FROM posts", [], |r| r.get(0))?))
        .unwrap()
}

#[test]
fn forty_days_of_backups_keep_seven_days_and_four_weeks() {
    // Thursday 2026-05-28, and a backup every day for the 40 days up to it.
    let today = day("2026-05-28");
    let names: Vec<String> = (0..40)
        .map(|i| backup::daily_name(today - chrono::Days::new(i)))
        .chain([
            "before-restore-2026-01-01-120000.sqlite3".into(),
            "notes.txt".into(),
        ])
        .collect();
    let rotation = rotate(&names, today);
    let kept: Vec<&str> = rotation.keep.iter().map(String::as_str).collect();
    assert_eq!(
        kept,
        [
            // the 7 newest days (this week's newest, Thursday, is also the first weekly)
            "afterword-2026-05-28.sqlite3",
            "afterword-2026-05-27.sqlite3",
            "afterword-2026-05-26.sqlite3",
            "afterword-2026-05-25.sqlite3",
            "afterword-2026-05-24.sqlite3", // also last week's newest (Sunday)
            "afterword-2026-05-23.sqlite3",
            "afterword-2026-05-22.sqlite3",
            "afterword-2026-05-17.sqlite3", // the week before: its Sunday
            "afterword-2026-05-10.sqlite3", // and the one before that
        ]
    );
    assert_eq!(rotation.delete.len(), 40 - 9);
    assert!(rotation
        .delete
        .contains(&"afterword-2026-05-21.sqlite3".to_string()));
    assert!(rotation
        .delete
        .contains(&"afterword-2026-04-19.sqlite3".to_string()));
    assert!(!rotation
        .delete
        .iter()
        .any(|n| n.starts_with("before-restore") || n == "notes.txt"));
}

#[test]
fn after_weeks_without_the_app_the_old_backups_stay() {
    let names: Vec<String> = [
        "2026-01-05",
        "2026-01-06",
        "2026-01-14",
        "2026-02-02",
        "2026-02-03",
    ]
    .iter()
    .map(|d| backup::daily_name(day(d)))
    .collect();
    // Months later nothing is deleted just because it is old: 5 days < 7.
    let rotation = rotate(&names, day("2026-09-01"));
    assert!(rotation.delete.is_empty());
    // A backup dated in the future (the clock was set back) is kept and counts for nothing.
    let mut with_future = names.clone();
    with_future.push(backup::daily_name(day("2027-01-01")));
    let rotation = rotate(&with_future, day("2026-09-01"));
    assert!(rotation.delete.is_empty());
    assert_eq!(rotation.keep[0], "afterword-2027-01-01.sqlite3");
}

#[test]
fn the_daily_backup_is_written_once_a_day_and_listed() {
    let (dir, store) = fresh_store();
    fill_every_table(&store);
    let backups = backup::backups_dir(dir.path());
    let written = backup::ensure_daily(&store, &backups, day("2026-05-28")).unwrap();
    let path = written.expect("written: none existed today");
    assert!(backup::ensure_daily(&store, &backups, day("2026-05-28"))
        .unwrap()
        .is_none());
    let listed = backup::list_backups(&backups).unwrap();
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0].kind, BackupKind::Daily);
    assert_eq!(listed[0].day, "2026-05-28");
    assert!(listed[0].size_bytes > 0);
    // A self-contained copy: same content, a sound file, no -wal needed.
    let check = backup::check_backup(&path).unwrap();
    assert_eq!(
        (check.posts, check.inquiries, check.schema_version),
        (1, 2, 3)
    );
    // Opening a store links inquiries to their contacts (a write), so both sides are compared
    // as opened: the copy, and the original opened again.
    let copy = Store::open(&path).unwrap();
    let original = Store::open(store.path()).unwrap();
    assert_eq!(
        export::export_json(&copy).unwrap(),
        export::export_json(&original).unwrap()
    );
}

/// A backup gives back the live connection's page cache (Store::release_memory); the store
/// reads and writes on as before.
#[test]
fn the_store_works_on_after_a_backup_gave_back_its_cache() {
    let (dir, store) = fresh_store();
    fill_every_table(&store);
    let before = export::export_json(&store).unwrap();
    let count = posts(&store);
    backup::write_backup(&store, &dir.path().join("copy.sqlite3")).unwrap();
    store.release_memory().unwrap();
    assert_eq!(export::export_json(&store).unwrap(), before);
    let li = store.channel_by_name("LinkedIn").unwrap().id;
    store
        .create_post(&post(li, "2026-05-04 09:00", "Na de backup"), NOW)
        .unwrap();
    assert_eq!(posts(&store), count + 1);
}

#[test]
fn restore_brings_back_the_backup_and_keeps_the_current_data() {
    let (dir, store) = fresh_store();
    let li = store.channel_by_name("LinkedIn").unwrap().id;
    store
        .create_post(&post(li, "2026-05-01 09:00", "Eerste"), NOW)
        .unwrap();
    let file = dir.path().join("mijn backup.sqlite3");
    backup::write_backup(&store, &file).unwrap();
    let at_backup = export::export_json(&store).unwrap();

    // The window has the database open too: it must see the restored data.
    let window = Store::open(store.path()).unwrap();
    store
        .create_post(&post(li, "2026-05-02 09:00", "Tweede 🎉"), NOW)
        .unwrap();
    let before_restore = export::export_json(&store).unwrap();
    assert_eq!(posts(&window), 2);

    let backups = backup::backups_dir(dir.path());
    let outcome = backup::restore(&store, &file, &backups, noon("2026-05-28")).unwrap();
    assert_eq!(outcome.restored.posts, 1);
    assert_eq!(export::export_json(&store).unwrap(), at_backup);
    assert_eq!(
        posts(&window),
        1,
        "the other connection sees the restored data"
    );
    assert_eq!(store.integrity_check().unwrap(), "ok");

    assert!(outcome
        .previous_data
        .ends_with("before-restore-2026-05-28-120000.sqlite3"));
    let kept = Store::open(Path::new(&outcome.previous_data)).unwrap();
    assert_eq!(export::export_json(&kept).unwrap(), before_restore);
    let listed = backup::list_backups(&backups).unwrap();
    assert_eq!(listed[0].kind, BackupKind::BeforeRestore);

    // Writing goes on as usual afterwards.
    store
        .create_post(&post(li, "2026-05-03 09:00", "Derde"), NOW)
        .unwrap();
    assert_eq!(posts(&window), 2);
}

#[test]
fn an_older_backup_is_upgraded_when_restored() {
    let (dir, store) = fresh_store();
    let old = dir.path().join("schema2.sqlite3");
    {
        let c = rusqlite::Connection::open(&old).unwrap();
        c.execute_batch(include_str!("../../src/store/migrations/0001_initial.sql"))
            .unwrap();
        c.execute_batch(include_str!("../../src/store/migrations/0002_rhythm.sql"))
            .unwrap();
        c.execute_batch(
            "PRAGMA user_version = 2;
             INSERT INTO posts (channel_id, kind, published_at_ms, title, created_at_ms, updated_at_ms)
                 VALUES (1, 'post', 1779000000000, 'Van vroeger', 1779000000000, 1779000000000);",
        )
        .unwrap();
    }
    assert_eq!(backup::check_backup(&old).unwrap().schema_version, 2);
    backup::restore(
        &store,
        &old,
        &backup::backups_dir(dir.path()),
        noon("2026-05-28"),
    )
    .unwrap();
    let version = store.read(afterword_core::store::schema_version).unwrap();
    assert_eq!(version, afterword_core::store::SCHEMA_VERSION);
    let title: String = store
        .read(|c| Ok(c.query_row("SELECT title FROM posts", [], |r| r.get(0))?))
        .unwrap();
    assert_eq!(title, "Van vroeger");
    // The schema-3 tables are there and usable.
    store
        .write(|tx| {
            tx.execute(
                "INSERT INTO contacts (name, created_at_ms, updated_at_ms) VALUES ('Jan', 1, 1)",
                [],
            )?;
            Ok(())
        })
        .unwrap();
}

fn refused_restore(file: &Path) -> (String, String) {
    let (dir, store) = fresh_store();
    fill_every_table(&store);
    let before = export::export_json(&store).unwrap();
    let backups = backup::backups_dir(dir.path());
    let err = backup::restore(&store, file, &backups, noon("2026-05-28")).unwrap_err();
    assert!(err.is_bad_input(), "{err}");
    assert_eq!(
        export::export_json(&store).unwrap(),
        before,
        "nothing changed: {err}"
    );
    assert!(!backups.exists(), "no copy made for a refused restore");
    (err.code().to_string(), err.to_string())
}

#[test]
fn damaged_foreign_and_newer_files_are_refused_and_nothing_changes() {
    let (dir, source) = fresh_store();
    fill_every_table(&source);
    let good = dir.path().join("good.sqlite3");
    backup::write_backup(&source, &good).unwrap();
    let bytes = std::fs::read(&good).unwrap();

    let truncated = dir.path().join("truncated.sqlite3");
    std::fs::write(&truncated, &bytes[..bytes.len() / 2]).unwrap();
    let (code, message) = refused_restore(&truncated);
    assert_eq!(code, "backup_damaged", "{message}");
    assert!(message.contains("damaged"), "{message}");

    let random = dir.path().join("random.sqlite3");
    let noise: Vec<u8> = (0..20_000u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
        .collect();
    std::fs::write(&random, noise).unwrap();
    let (code, message) = refused_restore(&random);
    assert_eq!(code, "backup_not_a_database", "{message}");

    let foreign = dir.path().join("foreign.sqlite3");
    rusqlite::Connection::open(&foreign)
        .unwrap()
        .execute_batch("CREATE TABLE recipes (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO recipes (name) VALUES ('soep');")
        .unwrap();
    let (code, message) = refused_restore(&foreign);
    assert_eq!(code, "backup_not_afterword", "{message}");

    let newer = dir.path().join("newer.sqlite3");
    std::fs::copy(&good, &newer).unwrap();
    rusqlite::Connection::open(&newer)
        .unwrap()
        .execute_batch("PRAGMA user_version = 99")
        .unwrap();
    let (code, message) = refused_restore(&newer);
    assert_eq!(code, "backup_too_new");
    assert!(message.contains("schema 99"), "{message}");

    let (code, _) = refused_restore(&dir.path().join("missing.sqlite3"));
    assert_eq!(code, "backup_missing");

    // The checks read only: the files are as they were.
    assert_eq!(std::fs::read(&good).unwrap(), bytes);
    assert!(!dir.path().join("truncated.sqlite3-shm").exists());
}
