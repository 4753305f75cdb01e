//! The SQLite store. One connection behind a mutex; every write runs in one IMMEDIATE transaction
//! and is durable when it returns (WAL with `synchronous=FULL`).

mod audience;
mod calendar;
mod candidates;
mod channels;
mod contacts;
mod erase;
mod ideas;
pub(crate) mod import_extras;
mod imports;
mod inquiries;
mod metrics;
mod migrations;
mod posts;
mod private;
mod rhythm;
mod settings;

use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};
use std::time::Duration;

use rusqlite::{Connection, OpenFlags, Transaction, TransactionBehavior};

use crate::error::{Error, Result};

pub use audience::SnapshotRow;
pub use contacts::is_warm;
pub use erase::{Erased, ERASED, UNDO_WINDOW_MS};
pub(crate) use imports::{
    import_channel, import_inquiry, import_post, inquiry_exists, post_exists,
};
pub use migrations::{schema_version, SCHEMA_VERSION};

/// The database file name inside the data dir.
pub const DB_FILE_NAME: &str = "afterword.sqlite3";
/// The sample-data database, kept apart from the user's own.
pub const DEMO_DB_FILE_NAME: &str = "afterword-demo.sqlite3";

#[derive(Debug)]
pub struct Store {
    conn: Mutex<Connection>,
    path: PathBuf,
}

impl Store {
    /// Opens (creating if needed) the database at `path` and brings its schema up to date. A
    /// database written by a newer Afterword, or a file that is not a database, is refused and
    /// left byte-for-byte untouched.
    pub fn open(path: &Path) -> Result<Store> {
        if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            private::create_dir_all(parent)?;
        }
        private::create_file(path)?;
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_WRITE
                | OpenFlags::SQLITE_OPEN_CREATE
                | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        conn.busy_timeout(Duration::from_secs(10))?;
        // Read the version before anything that writes (journal mode, migrations), so that a file
        // we must refuse is not changed at all.
        let found = conn
            .query_row("PRAGMA user_version", [], |r| r.get::<_, i64>(0))
            .map_err(|e| not_a_database(path, e))?;
        if found > SCHEMA_VERSION {
            return Err(Error::SchemaTooNew {
                found,
                supported: SCHEMA_VERSION,
            });
        }
        apply_pragmas(&conn).map_err(|e| not_a_database(path, e))?;
        let mut conn = conn;
        migrations::migrate(&mut conn)?;
        link_contacts(&mut conn)?;
        Ok(Store {
            conn: Mutex::new(conn),
            path: path.to_path_buf(),
        })
    }

    /// Opens `afterword.sqlite3` inside `dir`.
    pub fn open_in_dir(dir: &Path) -> Result<Store> {
        Store::open(&dir.join(DB_FILE_NAME))
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Runs `f` with the connection for reading.
    pub fn read<T>(&self, f: impl FnOnce(&Connection) -> Result<T>) -> Result<T> {
        f(&self.lock())
    }

    /// Runs `f` in one IMMEDIATE transaction; commits when it returns Ok, rolls back otherwise.
    pub fn write<T>(&self, f: impl FnOnce(&Transaction<'_>) -> Result<T>) -> Result<T> {
        let mut conn = self.lock();
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let value = f(&tx)?;
        tx.commit()?;
        Ok(value)
    }

    /// Runs `f` in one IMMEDIATE transaction that is committed only when `commit` is true and `f`
    /// returns Ok: a dry run does every write, so every constraint is checked, and keeps none.
    pub fn write_or_roll_back<T>(
        &self,
        commit: bool,
        f: impl FnOnce(&Transaction<'_>) -> Result<T>,
    ) -> Result<T> {
        let mut conn = self.lock();
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let value = f(&tx)?;
        if commit {
            tx.commit()?;
        }
        Ok(value)
    }

    /// Replaces the whole content of this database with `source`'s, in one step, with SQLite's
    /// online backup API run INTO the open connection, then brings the schema up to date (an
    /// older backup is upgraded). No file is swapped: this connection, other processes' ones
    /// (the window next to the command line), the WAL and its -shm all stay valid, and they see
    /// the new content at their next transaction. Either all of it is replaced or nothing is.
    pub fn replace_content_with(&self, source: &Connection) -> Result<()> {
        let mut conn = self.lock();
        copy_database(source, &mut conn)?;
        migrations::migrate(&mut conn)
    }

    /// Gives back the memory of the connection's page cache (`PRAGMA shrink_memory`). For after
    /// reading most of the file at once (a backup): the cache would keep up to 2 MB of pages for
    /// an app that then sits idle, and the next query reads the few it needs from the OS's cache.
    pub fn release_memory(&self) -> Result<()> {
        self.read(|c| Ok(c.execute_batch("PRAGMA shrink_memory")?))
    }

    /// `PRAGMA integrity_check`: "ok" when the file is sound.
    pub fn integrity_check(&self) -> Result<String> {
        self.read(|c| Ok(c.query_row("PRAGMA integrity_check", [], |r| r.get(0))?))
    }

    fn lock(&self) -> MutexGuard<'_, Connection> {
        // A panic while holding the lock cannot leave a half-written transaction behind (SQLite
        // rolls it back), so a poisoned lock is still safe to use.
        self.conn.lock().unwrap_or_else(|p| p.into_inner())
    }
}

/// Inquiries from before schema 3 (or written without a contact) get theirs: see
/// `contacts`. Nothing is written when every inquiry has one.
fn link_contacts(conn: &mut Connection) -> Result<()> {
    let any: bool = conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM inquiries WHERE contact_id IS NULL)",
        [],
        |r| r.get(0),
    )?;
    if any {
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        contacts::link_unlinked_inquiries(&tx)?;
        tx.commit()?;
    }
    Ok(())
}

/// Links every inquiry without a contact to its contact inside `tx` (what opening does), for
/// writers that insert inquiries directly (crate::bench_data).
pub(crate) fn link_contacts_in(tx: &Transaction<'_>) -> Result<usize> {
    contacts::link_unlinked_inquiries(tx)
}

/// The durability contract: WAL so readers never block the writer, `synchronous=FULL` so a
/// commit that returned survives a power cut, foreign keys enforced, and a busy timeout so a
/// second process (the CLI next to the open window) waits instead of failing. `secure_delete`:
/// what a write replaces or removes is overwritten with zeros, not left in the file's free space
/// (see erase.rs: a client's name, once erased, must not be readable in the file).
fn apply_pragmas(conn: &Connection) -> rusqlite::Result<()> {
    conn.pragma_update(None, "journal_mode", "WAL")?;
    conn.pragma_update(None, "synchronous", "FULL")?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    conn.pragma_update(None, "secure_delete", "ON")?;
    Ok(())
}

fn not_a_database(path: &Path, e: rusqlite::Error) -> Error {
    match e.sqlite_error_code() {
        Some(rusqlite::ErrorCode::NotADatabase) => Error::NotADatabase {
            path: path.to_path_buf(),
            reason: "the file is not an SQLite database".into(),
        },
        _ => Error::Database(e),
    }
}

/// Copies every page of `from` into `to` with the online backup API, in ONE step: one read
/// transaction on the source (a copy of one moment) and one write transaction on the
/// destination (all of it or nothing). When the other side is busy (another process writing),
/// it waits like the busy timeout does, then gives up with SQLite's "busy".
pub(crate) fn copy_database(from: &Connection, to: &mut Connection) -> Result<()> {
    use rusqlite::backup::{Backup, StepResult};
    const PAUSE: Duration = Duration::from_millis(50);
    const ATTEMPTS: u32 = 200; // 10 s, the busy timeout
    let backup = Backup::new(from, to)?;
    for _ in 0..ATTEMPTS {
        match backup.step(-1)? {
            StepResult::Done => return Ok(()),
            StepResult::More | StepResult::Busy | StepResult::Locked => std::thread::sleep(PAUSE),
            // The enum is non-exhaustive; anything new is worth another try too.
            _ => std::thread::sleep(PAUSE),
        }
    }
    Err(Error::Database(rusqlite::Error::SqliteFailure(
        rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_BUSY),
        Some("the database stayed busy; try again in a moment".into()),
    )))
}

/// Maps "no row" to a typed NotFound.
pub(crate) fn found<T>(what: &'static str, id: i64, r: rusqlite::Result<T>) -> Result<T> {
    match r {
        Err(rusqlite::Error::QueryReturnedNoRows) => Err(Error::NotFound { what, id }),
        other => Ok(other?),
    }
}
