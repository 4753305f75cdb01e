//! Embedded, versioned migrations. Each runs in its own transaction and sets
//! `PRAGMA user_version`; the version is the number of migrations applied.

use rusqlite::Connection;

use crate::error::Result;

const MIGRATIONS: &[&str] = &[
    include_str!("migrations/0001_initial.sql"),
    include_str!("migrations/0002_rhythm.sql"),
    include_str!("migrations/0003_audience.sql"),
];

/// The schema this binary writes.
pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

pub fn schema_version(conn: &Connection) -> Result<i64> {
    Ok(conn.query_row("PRAGMA user_version", [], |r| r.get(0))?)
}

pub(super) fn migrate(conn: &mut Connection) -> Result<()> {
    loop {
        // Read the version inside the exclusive transaction: another process (the command line
        // next to the open window) may have migrated in the meantime.
        let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Exclusive)?;
        let current = schema_version(&tx)?.max(0) as usize;
        let Some(sql) = MIGRATIONS.get(current) else {
            return Ok(());
        };
        tx.execute_batch(sql)?;
        tx.pragma_update(None, "user_version", current as i64 + 1)?;
        tx.commit()?;
    }
}
