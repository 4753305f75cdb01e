//! Backups with SQLite's online backup API: a consistent copy while the app keeps writing,
//! automatic ones in `<data dir>/backups/` (see [`rotation`] for which are kept), and restore.
//!
//! Restore checks the file first (it opens, `PRAGMA integrity_check` says ok, it is an Afterword
//! database, not from a newer version) and refuses anything else without changing a byte. Then it
//! keeps a copy of the current database in `backups/` (`before-restore-…`), and copies the
//! backup INTO the open database (see [`Store::replace_content_with`]): no file is swapped under
//! the running app, and an older backup is upgraded by the migrations.

pub mod rotation;

use std::path::{Path, PathBuf};

use chrono::{NaiveDate, NaiveDateTime};
use rusqlite::{Connection, OpenFlags};
use serde::Serialize;
use ts_rs::TS;

use crate::error::{Error, Result};
use crate::export::files;
use crate::store::{Store, SCHEMA_VERSION};

pub use rotation::{daily_day, daily_name, rotate, Rotation};

/// The folder inside the data dir that holds the backups.
pub const BACKUP_DIR: &str = "backups";

pub fn backups_dir(data_dir: &Path) -> PathBuf {
    data_dir.join(BACKUP_DIR)
}

/// The copy of the current data that a restore keeps: `before-restore-2026-05-28-143005.sqlite3`.
pub fn before_restore_name(now: NaiveDateTime) -> String {
    format!("before-restore-{}.sqlite3", now.format("%Y-%m-%d-%H%M%S"))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum BackupKind {
    /// One a day while the app runs (or "Back up now").
    Daily,
    /// The data as it was just before a restore.
    BeforeRestore,
}

/// A backup in the backups folder.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct BackupFile {
    pub name: String,
    pub path: String,
    pub kind: BackupKind,
    /// "YYYY-MM-DD": the local day it was made.
    pub day: String,
    #[ts(type = "number")]
    pub size_bytes: u64,
    /// When the file was last written (epoch ms).
    #[ts(type = "number")]
    pub modified_ms: i64,
}

/// The backups folder and what is in it, for the settings section.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct BackupOverview {
    pub folder: String,
    /// Newest first.
    pub backups: Vec<BackupFile>,
    /// Where exports go unless the user picks another place (the Downloads folder).
    pub export_folder: String,
}

/// What a checked backup holds, for the confirm step before a restore.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct BackupCheck {
    pub path: String,
    #[ts(type = "number")]
    pub schema_version: i64,
    #[ts(type = "number")]
    pub posts: i64,
    #[ts(type = "number")]
    pub inquiries: i64,
    /// The newest post's time (epoch ms), if any: helps the user tell backups apart.
    #[ts(type = "number | null")]
    pub latest_post_at_ms: Option<i64>,
}

/// What a restore did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct RestoreOutcome {
    pub restored: BackupCheck,
    /// Where the data from before the restore was kept.
    pub previous_data: String,
}

/// Writes a consistent copy of the database to `path` (atomically: a half-written backup never
/// carries the final name). The copy is in rollback-journal mode, a single self-contained file.
pub fn write_backup(store: &Store, path: &Path) -> Result<()> {
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent)?;
    }
    let tmp = files::temp_beside(path);
    let _ = std::fs::remove_file(&tmp);
    let written = (|| -> Result<()> {
        let mut dest = Connection::open(&tmp)?;
        store.read(|live| crate::store::copy_database(live, &mut dest))?;
        dest.pragma_update(None, "journal_mode", "DELETE")?;
        dest.close().map_err(|(_, e)| e)?;
        // The copy read every page through the live connection's cache. Not keeping them is
        // no reason to call the backup failed.
        let _ = store.release_memory();
        std::fs::File::open(&tmp)?.sync_all()?;
        Ok(())
    })();
    files::finish(written, &tmp, path)
}

/// The automatic backup of `today`, written now (replacing one of the same day), then the
/// rotation. Returns its path. "Back up now" in the window.
pub fn back_up_today(store: &Store, dir: &Path, today: NaiveDate) -> Result<PathBuf> {
    let path = dir.join(daily_name(today));
    write_backup(store, &path)?;
    apply_rotation(dir, today)?;
    Ok(path)
}

/// The automatic backup: writes today's only when it is missing. Returns it when written.
pub fn ensure_daily(store: &Store, dir: &Path, today: NaiveDate) -> Result<Option<PathBuf>> {
    if dir.join(daily_name(today)).exists() {
        return Ok(None);
    }
    back_up_today(store, dir, today).map(Some)
}

/// Deletes the automatic backups the rotation does not keep; returns their names.
pub fn apply_rotation(dir: &Path, today: NaiveDate) -> Result<Vec<String>> {
    let names: Vec<String> = std::fs::read_dir(dir)?
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .collect();
    let rotation = rotate(&names, today);
    for name in &rotation.delete {
        match std::fs::remove_file(dir.join(name)) {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => return Err(e.into()),
        }
    }
    Ok(rotation.delete)
}

/// The backups in `dir`, newest first. A missing folder is an empty list.
pub fn list_backups(dir: &Path) -> Result<Vec<BackupFile>> {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(e.into()),
    };
    let mut list = Vec::new();
    for entry in entries.flatten() {
        let Ok(name) = entry.file_name().into_string() else {
            continue;
        };
        let (kind, day) = if let Some(day) = daily_day(&name) {
            (BackupKind::Daily, day)
        } else if let Some(day) = before_restore_day(&name) {
            (BackupKind::BeforeRestore, day)
        } else {
            continue;
        };
        let Ok(meta) = entry.metadata() else { continue };
        if !meta.is_file() {
            continue;
        }
        let modified_ms = meta
            .modified()
            .ok()
            .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
            .map_or(0, |d| d.as_millis() as i64);
        list.push(BackupFile {
            path: entry.path().display().to_string(),
            name,
            kind,
            day: day.format("%Y-%m-%d").to_string(),
            size_bytes: meta.len(),
            modified_ms,
        });
    }
    list.sort_by(|a, b| (&b.day, b.modified_ms, &b.name).cmp(&(&a.day, a.modified_ms, &a.name)));
    Ok(list)
}

fn before_restore_day(name: &str) -> Option<NaiveDate> {
    let stamp = name
        .strip_prefix("before-restore-")?
        .strip_suffix(".sqlite3")?;
    NaiveDate::parse_from_str(stamp.get(..10)?, "%Y-%m-%d").ok()
}

fn refused(code: &'static str, message: String) -> Error {
    Error::invalid("path", code, message)
}

/// Opens `path` read-only without touching it: `immutable=1` means no lock, no -wal or -shm is
/// created or read next to the file (a backup is a single file).
fn open_untouched(path: &Path) -> rusqlite::Result<Connection> {
    let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    let uri = format!("file:{}?mode=ro&immutable=1", uri_path(&absolute));
    Connection::open_with_flags(
        uri,
        OpenFlags::SQLITE_OPEN_READ_ONLY
            | OpenFlags::SQLITE_OPEN_URI
            | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
}

/// Percent-encodes a path for a `file:` URI (spaces, `?`, `#`, `%` and non-ASCII).
fn uri_path(path: &Path) -> String {
    let mut out = String::new();
    for byte in path.to_string_lossy().bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'/' | b'-' | b'_' | b'.' | b'~' => {
                out.push(byte as char)
            }
            other => out.push_str(&format!("%{other:02X}")),
        }
    }
    out
}

/// Checks that `path` is a sound Afterword database this version can read (see the module);
/// refuses with a message saying what is wrong. Reads only.
pub fn check_backup(path: &Path) -> Result<BackupCheck> {
    check_and_open(path).map(|(check, _)| check)
}

fn check_and_open(path: &Path) -> Result<(BackupCheck, Connection)> {
    let shown = path.display();
    match std::fs::metadata(path) {
        Ok(m) if m.is_file() => {}
        Ok(_) => return Err(refused("backup_missing", format!("{shown} is not a file"))),
        Err(e) => {
            return Err(refused(
                "backup_missing",
                format!("{shown} cannot be read: {e}"),
            ))
        }
    }
    let damaged = |e: rusqlite::Error| match e.sqlite_error_code() {
        Some(rusqlite::ErrorCode::NotADatabase) => refused(
            "backup_not_a_database",
            format!("{shown} is not a database file; nothing was changed"),
        ),
        _ => refused(
            "backup_damaged",
            format!("{shown} is damaged and cannot be restored ({e}); nothing was changed"),
        ),
    };
    let conn = open_untouched(path).map_err(damaged)?;
    let integrity: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .map_err(damaged)?;
    if integrity != "ok" {
        return Err(refused(
            "backup_damaged",
            format!("{shown} is damaged and cannot be restored (integrity check: {integrity}); nothing was changed"),
        ));
    }
    let version: i64 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .map_err(damaged)?;
    let has_tables: i64 = conn
        .query_row(
            "SELECT count(*) FROM sqlite_master WHERE type = 'table'
                AND name IN ('channels', 'posts', 'inquiries', 'settings')",
            [],
            |r| r.get(0),
        )
        .map_err(damaged)?;
    if version < 1 || has_tables != 4 {
        return Err(refused(
            "backup_not_afterword",
            format!("{shown} is a database, but not one of Afterword's; nothing was changed"),
        ));
    }
    if version > SCHEMA_VERSION {
        return Err(refused(
            "backup_too_new",
            format!(
                "{shown} was made by a newer version of Afterword (schema {version}, this version knows \
                 up to {SCHEMA_VERSION}); please update Afterword first. Nothing was changed"
            ),
        ));
    }
    let count =
        |sql: &str| -> Result<i64> { conn.query_row(sql, [], |r| r.get(0)).map_err(damaged) };
    let check = BackupCheck {
        path: shown.to_string(),
        schema_version: version,
        posts: count("SELECT count(*) FROM posts WHERE deleted_at_ms IS NULL")?,
        inquiries: count("SELECT count(*) FROM inquiries WHERE deleted_at_ms IS NULL")?,
        latest_post_at_ms: conn
            .query_row(
                "SELECT max(published_at_ms) FROM posts WHERE deleted_at_ms IS NULL",
                [],
                |r| r.get(0),
            )
            .map_err(damaged)?,
    };
    Ok((check, conn))
}

/// Restores the backup at `path` into `store` (see the module). `now` (local) names the copy of
/// the current data kept in `backups_dir`.
pub fn restore(
    store: &Store,
    path: &Path,
    backups_dir: &Path,
    now: NaiveDateTime,
) -> Result<RestoreOutcome> {
    let (check, source) = check_and_open(path)?;
    if same_file(path, store.path()) {
        return Err(refused(
            "backup_is_live",
            format!("{} is the database in use, not a backup", path.display()),
        ));
    }
    let previous = backups_dir.join(before_restore_name(now));
    write_backup(store, &previous)?;
    store.replace_content_with(&source)?;
    Ok(RestoreOutcome {
        restored: check,
        previous_data: previous.display().to_string(),
    })
}

fn same_file(a: &Path, b: &Path) -> bool {
    match (std::fs::canonicalize(a), std::fs::canonicalize(b)) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}
