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

/// Every earlier schema must upgrade to exactly the schema a fresh database gets. With one
/// migration so far, "earlier" is the empty database; the comparison is what later migrations
/// are held to.
#[test]
fn upgrading_from_every_earlier_version_matches_a_fresh_schema() {
    let (_fresh_dir, fresh) = fresh_store();
    let fresh_schema = schema_of(&fresh);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("afterword.sqlite3");
    Connection::open(&path)
        .unwrap()
        .execute_batch("PRAGMA user_version = 0;")
        .unwrap();
    let upgraded = Store::open(&path).unwrap();
    assert_eq!(schema_of(&upgraded), fresh_schema);
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
