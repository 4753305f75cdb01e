//! Deleting is undoable for a moment, then final. A delete only hides the row (so that "Undo"
//! can bring it back with its id and everything that points at it); once the undo window has
//! passed, [`Store::erase_deleted`] wipes what the row said: the post's text, the client's name,
//! their words and notes, what they paid, a person's link and notes, an idea's note. The row
//! stays as a tombstone without content, because an import must not bring back what the user
//! deleted on purpose (it matches on `source` + `external_id`, which stay).
//!
//! `secure_delete` (see `apply_pragmas`) makes SQLite overwrite the old bytes with zeros instead
//! of leaving them in free space, and a checkpoint afterwards empties the write-ahead log, so the
//! words are gone from the database file and its -wal, not only from the app.

use rusqlite::{Connection, OptionalExtension, Statement, Transaction};

use super::Store;
use crate::error::{Error, Result};

/// How long after a delete "Undo" may still bring the row back. The app offers undo for a few
/// seconds (a notice); this leaves a wide margin for a notice held open under the pointer.
pub const UNDO_WINDOW_MS: i64 = 10 * 60 * 1000;

/// What an erased row says where a name or title is required (the schema refuses empty ones).
pub const ERASED: &str = "(erased)";

/// How many rows [`Store::erase_deleted`] wiped, per kind.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Erased {
    pub posts: usize,
    pub inquiries: usize,
    pub candidates: usize,
    pub ideas: usize,
    pub contacts: usize,
}

impl Erased {
    pub fn total(&self) -> usize {
        self.posts + self.inquiries + self.candidates + self.ideas + self.contacts
    }
}

impl Store {
    /// Wipes the content of every row deleted before `before_ms` (usually now minus
    /// [`UNDO_WINDOW_MS`]) and not wiped yet; rows deleted later keep theirs, so undo still works
    /// for them. When anything was wiped, the write-ahead log is checkpointed and emptied.
    pub fn erase_deleted(&self, before_ms: i64) -> Result<Erased> {
        // Most days nothing was deleted: a read finds that out without the write transaction
        // (which, run at every start, left the idle app ~1 MB bigger: scripts/bench.sh PSS).
        if !self.read(|c| anything_to_erase(c, before_ms))? {
            return Ok(Erased::default());
        }
        let erased = self.write(|tx| erase_in(tx, before_ms))?;
        if erased.total() > 0 {
            // A checkpoint that cannot finish (another process is reading) is no failure: the
            // rows are already wiped, and a later checkpoint empties the log.
            let _ = self.read(|c| {
                c.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))
                    .map_err(Error::from)
            });
        }
        // The search read whole tables through the connection's page cache; an app that stays
        // open all day should not keep them. Not keeping them is no reason to fail.
        let _ = self.release_memory();
        Ok(erased)
    }

    /// Erases what was deleted longer than [`UNDO_WINDOW_MS`] before `now_ms`. Called before
    /// anything copies the data out (a backup, a JSON export), at the app's start and once a day.
    pub fn erase_expired(&self, now_ms: i64) -> Result<Erased> {
        self.erase_deleted(now_ms - UNDO_WINDOW_MS)
    }
}

/// Refuses to restore a row of `table` deleted longer than [`UNDO_WINDOW_MS`] before `now_ms`:
/// its content may have been erased, and bringing back an empty tombstone would be worse than
/// saying so. Rows that are not there or not deleted are left to the restore's own checks.
pub(crate) fn check_undoable(
    tx: &Transaction<'_>,
    table: &'static str,
    what: &'static str,
    id: i64,
    now_ms: i64,
) -> Result<()> {
    let deleted: Option<Option<i64>> = tx
        .query_row(
            &format!("SELECT deleted_at_ms FROM {table} WHERE id = ?1"),
            [id],
            |r| r.get(0),
        )
        .optional()?;
    match deleted {
        Some(Some(at)) if now_ms - at > UNDO_WINDOW_MS => Err(Error::invalid(
            "id",
            "undo_expired",
            format!("this {what} was deleted too long ago to undo; its content has been erased"),
        )),
        _ => Ok(()),
    }
}

/// One kind of deleted row: its table, which of its rows are deleted (before ?1), how its content
/// is wiped, and what a wiped row looks like (so it is not written again). ?2 is [`ERASED`].
struct Wipe {
    table: &'static str,
    deleted: &'static str,
    wipe: &'static str,
    wiped: &'static str,
}

/// In the order of [`Erased`]'s fields.
const WIPES: [Wipe; 5] = [
    Wipe {
        table: "posts",
        deleted: "deleted_at_ms < ?1",
        wipe: "title = NULL, text = '', url = NULL, felt = NULL, motive = NULL, minutes = NULL",
        wiped: "title IS NULL AND text = '' AND url IS NULL AND felt IS NULL AND motive IS NULL \
                AND minutes IS NULL",
    },
    Wipe {
        table: "inquiries",
        deleted: "deleted_at_ms < ?1",
        wipe:
            "name = ?2, organisation = NULL, their_words = NULL, notes = NULL, value_cents = NULL",
        wiped: "name = ?2 AND organisation IS NULL AND their_words IS NULL AND notes IS NULL \
                AND value_cents IS NULL",
    },
    // An accepted possible inquiry holds the same person and message as its inquiry.
    Wipe {
        table: "inquiry_candidates",
        deleted: "inquiry_id IN (SELECT id FROM inquiries WHERE deleted_at_ms < ?1)",
        wipe: "name = ?2, profile_url = NULL, message = NULL",
        wiped: "name = ?2 AND profile_url IS NULL AND message IS NULL",
    },
    Wipe {
        table: "ideas",
        deleted: "deleted_at_ms < ?1",
        wipe: "title = ?2, note = NULL",
        wiped: "title = ?2 AND note IS NULL",
    },
    Wipe {
        table: "contacts",
        deleted: "deleted_at_ms < ?1",
        wipe: "name = ?2, profile_url = NULL, notes = NULL",
        wiped: "name = ?2 AND profile_url IS NULL AND notes IS NULL",
    },
];

/// Binds ?1 (the cut-off) and, where the statement has it, ?2 ([`ERASED`]).
fn bind(stmt: &mut Statement<'_>, before: i64) -> Result<()> {
    stmt.raw_bind_parameter(1, before)?;
    if stmt.parameter_count() > 1 {
        stmt.raw_bind_parameter(2, ERASED)?;
    }
    Ok(())
}

fn anything_to_erase(c: &Connection, before: i64) -> Result<bool> {
    for w in &WIPES {
        let sql = format!(
            "SELECT EXISTS (SELECT 1 FROM {} WHERE {} AND NOT ({}))",
            w.table, w.deleted, w.wiped
        );
        let mut stmt = c.prepare(&sql)?;
        bind(&mut stmt, before)?;
        // raw: query_row would bind (and check) the parameters again, and ?2 is not in all.
        let found = match stmt.raw_query().next()? {
            Some(row) => row.get::<_, bool>(0)?,
            None => false,
        };
        if found {
            return Ok(true);
        }
    }
    Ok(false)
}

fn erase_in(tx: &Transaction<'_>, before: i64) -> Result<Erased> {
    let mut counts = [0usize; 5];
    for (count, w) in counts.iter_mut().zip(&WIPES) {
        let sql = format!(
            "UPDATE {} SET {} WHERE {} AND NOT ({})",
            w.table, w.wipe, w.deleted, w.wiped
        );
        let mut stmt = tx.prepare(&sql)?;
        bind(&mut stmt, before)?;
        *count = stmt.raw_execute()?;
    }
    let [posts, inquiries, candidates, ideas, contacts] = counts;
    Ok(Erased {
        posts,
        inquiries,
        candidates,
        ideas,
        contacts,
    })
}
