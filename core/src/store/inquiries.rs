//! Client inquiries. Like posts, deleting sets a tombstone so that undo restores the row.

use rusqlite::{params, Connection, Row, Transaction};

use super::contacts::contact_for_name;
use super::posts::post_by_id;
use super::{found, Store};
use crate::error::{Error, Result};
use crate::model::{Inquiry, InquiryFilter};
use crate::time::from_ms;
use crate::validate::ValidInquiry;

const COLUMNS: &str = "id, received_at_ms, name, organisation, via, their_words, source_post_id, \
     not_from_posts, status, value_cents, currency, notes, source, external_id, \
     status_changed_at_ms, created_at_ms, updated_at_ms, contact_id";

fn from_row(r: &Row<'_>) -> rusqlite::Result<Inquiry> {
    Ok(Inquiry {
        id: r.get(0)?,
        received_at: from_ms(r.get(1)?),
        name: r.get(2)?,
        organisation: r.get(3)?,
        via: r.get(4)?,
        their_words: r.get(5)?,
        source_post_id: r.get(6)?,
        not_from_posts: r.get(7)?,
        status: r.get(8)?,
        value_cents: r.get(9)?,
        currency: r.get(10)?,
        notes: r.get(11)?,
        source: r.get(12)?,
        external_id: r.get(13)?,
        status_changed_at: from_ms(r.get(14)?),
        created_at: from_ms(r.get(15)?),
        updated_at: from_ms(r.get(16)?),
        contact_id: r.get(17)?,
    })
}

impl Store {
    pub fn create_inquiry(&self, inquiry: &ValidInquiry, now_ms: i64) -> Result<Inquiry> {
        self.write(|tx| insert_inquiry(tx, inquiry, "manual", None, now_ms))
    }

    pub fn update_inquiry(&self, id: i64, inquiry: &ValidInquiry, now_ms: i64) -> Result<Inquiry> {
        self.write(|tx| {
            let before = inquiry_by_id(tx, id)?;
            check_source_post(tx, inquiry)?;
            // A status change counts as activity (follow-up reminders start over from it).
            // A new name is another person (or the same one, spelled right this time): the
            // inquiry follows the name to its contact, found or created.
            let contact_id = if before.contact_id.is_some()
                && before.name.to_lowercase() == inquiry.name.to_lowercase()
            {
                before.contact_id
            } else {
                Some(contact_for_name(tx, &inquiry.name, now_ms)?)
            };
            let status_changed_at_ms = if before.status == inquiry.status {
                before.status_changed_at.timestamp_millis()
            } else {
                now_ms
            };
            tx.execute(
                "UPDATE inquiries SET received_at_ms = ?1, name = ?2, organisation = ?3, via = ?4,
                        their_words = ?5, source_post_id = ?6, not_from_posts = ?7, status = ?8,
                        value_cents = ?9, currency = ?10, notes = ?11, status_changed_at_ms = ?12,
                        updated_at_ms = ?13, contact_id = ?15
                 WHERE id = ?14",
                params![
                    inquiry.received_at_ms,
                    inquiry.name,
                    inquiry.organisation,
                    inquiry.via,
                    inquiry.their_words,
                    inquiry.source_post_id,
                    inquiry.not_from_posts,
                    inquiry.status,
                    inquiry.value_cents,
                    inquiry.currency,
                    inquiry.notes,
                    status_changed_at_ms,
                    now_ms,
                    id,
                    contact_id
                ],
            )?;
            inquiry_by_id(tx, id)
        })
    }

    pub fn delete_inquiry(&self, id: i64, now_ms: i64) -> Result<()> {
        self.write(|tx| {
            inquiry_by_id(tx, id)?;
            tx.execute(
                "UPDATE inquiries SET deleted_at_ms = ?1 WHERE id = ?2",
                params![now_ms, id],
            )?;
            Ok(())
        })
    }

    pub fn restore_inquiry(&self, id: i64, now_ms: i64) -> Result<Inquiry> {
        self.write(|tx| {
            super::erase::check_undoable(tx, "inquiries", "inquiry", id, now_ms)?;
            let changed = tx.execute(
                "UPDATE inquiries SET deleted_at_ms = NULL WHERE id = ?1 AND deleted_at_ms IS NOT NULL",
                [id],
            )?;
            if changed == 0 {
                return Err(Error::NotFound { what: "deleted inquiry", id });
            }
            inquiry_by_id(tx, id)
        })
    }

    pub fn get_inquiry(&self, id: i64) -> Result<Inquiry> {
        self.read(|c| inquiry_by_id(c, id))
    }

    /// Inquiries newest first, narrowed by status and a case-insensitive search.
    pub fn list_inquiries(&self, filter: &InquiryFilter) -> Result<Vec<Inquiry>> {
        let needle = filter
            .query
            .as_deref()
            .map(|q| q.trim().to_lowercase())
            .filter(|q| !q.is_empty());
        let inquiries: Vec<Inquiry> = self.read(|c| {
            let mut stmt = c.prepare_cached(&format!(
                "SELECT {COLUMNS} FROM inquiries
                 WHERE deleted_at_ms IS NULL AND (?1 IS NULL OR status = ?1)
                 ORDER BY received_at_ms DESC, id DESC"
            ))?;
            let rows = stmt.query_map([filter.status.map(|s| s.as_str())], from_row)?;
            Ok(rows.collect::<rusqlite::Result<_>>()?)
        })?;
        Ok(match needle {
            None => inquiries,
            Some(needle) => inquiries
                .into_iter()
                .filter(|i| {
                    std::iter::once(&i.name)
                        .chain(
                            [&i.organisation, &i.their_words, &i.notes]
                                .into_iter()
                                .flatten(),
                        )
                        .any(|field| field.to_lowercase().contains(&needle))
                })
                .collect(),
        })
    }
}

fn inquiry_by_id(c: &Connection, id: i64) -> Result<Inquiry> {
    found(
        "inquiry",
        id,
        c.query_row(
            &format!("SELECT {COLUMNS} FROM inquiries WHERE id = ?1 AND deleted_at_ms IS NULL"),
            [id],
            from_row,
        ),
    )
}

/// A confirmed source must be a visible post published before the inquiry came in.
fn check_source_post(c: &Connection, inquiry: &ValidInquiry) -> Result<()> {
    let Some(post_id) = inquiry.source_post_id else {
        return Ok(());
    };
    let post = post_by_id(c, post_id).map_err(|e| match e {
        Error::NotFound { .. } => Error::invalid(
            "source_post_id",
            "source_post_unknown",
            format!("post {post_id} does not exist (was it deleted?)"),
        ),
        other => other,
    })?;
    if post.published_at.timestamp_millis() > inquiry.received_at_ms {
        return Err(Error::invalid(
            "source_post_id",
            "source_post_after_inquiry",
            "the chosen post was published after this inquiry came in, so it cannot be its source",
        ));
    }
    Ok(())
}

/// Inserts an inquiry inside the caller's transaction; `source` and `external_id` identify an
/// imported one so that importing the same file again adds nothing.
pub(super) fn insert_inquiry(
    tx: &Transaction<'_>,
    inquiry: &ValidInquiry,
    source: &str,
    external_id: Option<&str>,
    now_ms: i64,
) -> Result<Inquiry> {
    check_source_post(tx, inquiry)?;
    let contact_id = contact_for_name(tx, &inquiry.name, now_ms)?;
    tx.prepare_cached(
        "INSERT INTO inquiries (received_at_ms, name, organisation, via, their_words,
                source_post_id, not_from_posts, status, value_cents, currency, notes,
                status_changed_at_ms, created_at_ms, updated_at_ms, source, external_id, contact_id)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?1, ?12, ?12, ?13, ?14, ?15)",
    )?
    .execute(params![
        inquiry.received_at_ms,
        inquiry.name,
        inquiry.organisation,
        inquiry.via,
        inquiry.their_words,
        inquiry.source_post_id,
        inquiry.not_from_posts,
        inquiry.status,
        inquiry.value_cents,
        inquiry.currency,
        inquiry.notes,
        now_ms,
        source,
        external_id,
        contact_id
    ])?;
    inquiry_by_id(tx, tx.last_insert_rowid())
}
