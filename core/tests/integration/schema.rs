//! Opening, migrating and refusing databases.

use std::fs;

use afterword_core::store::{schema_version, SCHEMA_VERSION};
use afterword_core::{Error, Store};
use rusqlite::Connection;

use crate::common::fresh_store;

#[test]
fn a_fresh_database_is_migrated_with_two_channels_and_durable_pragmas() {
    let (_dir, store) = fresh_store();
    store
        .read(|c| {
            assert_eq!(schema_version(c)?, SCHEMA_VERSION);
            let mode: String = c.query_row("PRAGMA journal_mode", [], |r| r.get(0))?;
            assert_eq!(mode, "wal");
            let sync: i64 = c.query_row("PRAGMA synchronous", [], |r| r.get(0))?;
            assert_eq!(sync, 2, "synchronous=FULL");
            let fk: i64 = c.query_row("PRAGMA foreign_keys", [], |r| r.get(0))?;
            assert_eq!(fk, 1);
            Ok(())
        })
        .unwrap();
    let names: Vec<String> = store
        .list_channels()
        .unwrap()
        .into_iter()
        .map(|c| c.name)
        .collect();
    assert_eq!(names, ["LinkedIn", "Newsletter"]);
    assert_eq!(store.integrity_check().unwrap(), "ok");
}

#[test]
fn reopening_does_not_migrate_again_or_duplicate_seed_rows() {
    let dir = tempfile::tempdir().unwrap();
    drop(Store::open_in_dir(dir.path()).unwrap());
    let store = Store::open_in_dir(dir.path()).unwrap();
    assert_eq!(store.list_channels().unwrap().len(), 2);
}

#[test]
fn a_database_from_a_newer_version_is_refused_and_left_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("afterword.sqlite3");
    {
        let c = Connection::open(&path).unwrap();
        c.execute_batch("CREATE TABLE future (x); PRAGMA user_version = 99;")
            .unwrap();
    }
    let before = fs::read(&path).unwrap();
    let err = Store::open(&path).unwrap_err();
    assert!(
        matches!(err, Error::SchemaTooNew { found: 99, supported } if supported == SCHEMA_VERSION),
        "{err:?}"
    );
    assert_eq!(err.code(), "schema_too_new");
    assert!(err.to_string().contains("newer version of Afterword"));
    assert_eq!(fs::read(&path).unwrap(), before, "file bytes unchanged");
    assert!(!dir.path().join("afterword.sqlite3-wal").exists());
}

#[test]
fn a_file_that_is_not_a_database_is_refused_and_left_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("afterword.sqlite3");
    let junk = b"these are my notes, not a database\n".repeat(200);
    fs::write(&path, &junk).unwrap();
    let err = Store::open(&path).unwrap_err();
    assert_eq!(err.code(), "not_a_database", "{err:?}");
    assert_eq!(fs::read(&path).unwrap(), junk);
}

/// The migration files as they ship, to build databases of every earlier version. A new
/// migration must be added here too; the length check below says so.
const MIGRATION_FILES: &[&str] = &[
    include_str!("../../src/store/migrations/0001_initial.sql"),
    include_str!("../../src/store/migrations/0002_rhythm.sql"),
    include_str!("../../src/store/migrations/0003_audience.sql"),
];

/// Every earlier schema (0 = an empty file, 1, 2, ...) must upgrade to exactly the schema a fresh
/// database gets.
#[test]
fn upgrading_from_every_earlier_version_matches_a_fresh_schema() {
    assert_eq!(
        MIGRATION_FILES.len() as i64,
        SCHEMA_VERSION,
        "list the new migration in MIGRATION_FILES"
    );
    let (_fresh_dir, fresh) = fresh_store();
    let fresh_schema = schema_of(&fresh);
    for version in 0..SCHEMA_VERSION {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("afterword.sqlite3");
        {
            let c = Connection::open(&path).unwrap();
            for sql in &MIGRATION_FILES[..version as usize] {
                c.execute_batch(sql).unwrap();
            }
            c.pragma_update(None, "user_version", version).unwrap();
        }
        let upgraded = Store::open(&path).unwrap();
        assert_eq!(
            schema_of(&upgraded),
            fresh_schema,
            "upgrade from version {version}"
        );
    }
}

fn schema_of(store: &Store) -> Vec<(String, String)> {
    store
        .read(|c| {
            let mut stmt = c.prepare(
                "SELECT name, sql FROM sqlite_schema WHERE sql IS NOT NULL ORDER BY type, name",
            )?;
            let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
            Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
        })
        .unwrap()
}

/// A database written by schema 1 (before rhythm and reminders), with data, upgrades to the
/// current schema: the same as a fresh one, its rows intact, the new column empty.
#[test]
fn a_version_1_database_with_data_upgrades_and_keeps_it() {
    let (_fresh_dir, fresh) = fresh_store();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("afterword.sqlite3");
    {
        let c = Connection::open(&path).unwrap();
        c.execute_batch(include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/src/store/migrations/0001_initial.sql"
        )))
        .unwrap();
        c.execute_batch(
            "INSERT INTO posts (channel_id, kind, published_at_ms, title, created_at_ms, updated_at_ms)
                 VALUES (1, 'post', 1700000000000, 'Before the upgrade', 1700000000000, 1700000000000);
             INSERT INTO inquiries (received_at_ms, name, via, status, status_changed_at_ms,
                     created_at_ms, updated_at_ms, source_post_id)
                 VALUES (1700000100000, 'Sam', 'email', 'talking', 1700000200000, 1700000100000,
                     1700000100000, 1);
             INSERT INTO settings (key, value) VALUES ('language', 'nl');
             PRAGMA user_version = 1;",
        )
        .unwrap();
    }
    let upgraded = Store::open(&path).unwrap();
    assert_eq!(schema_of(&upgraded), schema_of(&fresh));
    upgraded
        .read(|c| {
            assert_eq!(schema_version(c)?, SCHEMA_VERSION);
            Ok(())
        })
        .unwrap();
    let posts = upgraded.list_posts(&Default::default()).unwrap();
    assert_eq!(posts.len(), 1);
    assert_eq!(posts[0].title.as_deref(), Some("Before the upgrade"));
    let inquiry = upgraded.get_inquiry(1).unwrap();
    assert_eq!(inquiry.name, "Sam");
    assert_eq!(inquiry.source_post_id, Some(1));
    assert_eq!(
        upgraded.get_setting("language").unwrap().as_deref(),
        Some("nl")
    );
    let input = upgraded.plan_input(1_700_000_300_000).unwrap();
    assert_eq!(input.inquiries.len(), 1);
    assert_eq!(input.inquiries[0].last_follow_up_at_ms, None);
    assert_eq!(input.inquiries[0].status_changed_at_ms, 1_700_000_200_000);
    assert!(input.log.is_empty());
    assert_eq!(upgraded.rhythm_target(1).unwrap(), None);
    assert_eq!(upgraded.list_ideas().unwrap().len(), 0);
    assert_eq!(upgraded.integrity_check().unwrap(), "ok");
}
