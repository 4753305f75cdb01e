//! Ideas for posts. Deleting sets a tombstone so that undo brings the idea back with its id.
//!
//! An idea "became a post" when `post_id` points at a post that is not deleted: deleting that
//! post (the undo of a conversion, say) makes the idea plain again, and restoring the post links
//! it again. Every read goes through [`LIVE_POST_ID`] so that the list, the calendar, the export
//! and the reminder planner agree on this.

use rusqlite::{params, Connection, OptionalExtension, Row};

use super::posts::insert_post;
use super::{found, Store};
use crate::error::{Error, Result};
use crate::model::Post;
use crate::rhythm::{Idea, ValidIdea};
use crate::validate::ValidPost;

/// The id of the post an idea (aliased `i`) became, or NULL while there is none or it is deleted.
pub(super) const LIVE_POST_ID: &str =
    "(SELECT p.id FROM posts p WHERE p.id = i.post_id AND p.deleted_at_ms IS NULL)";

fn columns() -> String {
    format!(
        "i.id, i.title, i.note, i.planned_for_day, i.channel_id, {LIVE_POST_ID}, \
         i.created_at_ms, i.updated_at_ms"
    )
}

pub(super) fn idea_from_row(r: &Row<'_>) -> rusqlite::Result<Idea> {
    Ok(Idea {
        id: r.get(0)?,
        title: r.get(1)?,
        note: r.get(2)?,
        planned_for: r.get(3)?,
        channel_id: r.get(4)?,
        post_id: r.get(5)?,
        created_at_ms: r.get(6)?,
        updated_at_ms: r.get(7)?,
    })
}

/// Visible (not deleted) ideas matching `condition` (SQL over alias `i`), in list order:
/// planned ones by day first, then unplanned newest first.
pub(super) fn ideas_where(
    c: &Connection,
    condition: &str,
    args: impl rusqlite::Params,
) -> Result<Vec<Idea>> {
    let mut stmt = c.prepare(&format!(
        "SELECT {} FROM ideas i WHERE i.deleted_at_ms IS NULL AND ({condition})
         ORDER BY i.planned_for_day IS NULL, i.planned_for_day, i.created_at_ms DESC, i.id DESC",
        columns()
    ))?;
    let rows = stmt.query_map(args, idea_from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

impl Store {
    pub fn create_idea(&self, idea: &ValidIdea, now_ms: i64) -> Result<Idea> {
        self.write(|tx| {
            ensure_channel_known(tx, idea.channel_id)?;
            tx.execute(
                "INSERT INTO ideas (title, note, planned_for_day, channel_id, created_at_ms,
                        updated_at_ms)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?5)",
                params![
                    idea.title,
                    idea.note,
                    day_text(idea),
                    idea.channel_id,
                    now_ms
                ],
            )?;
            idea_by_id(tx, tx.last_insert_rowid())
        })
    }

    /// Changes title, note, planned day and channel; the link to a post it became stays.
    pub fn update_idea(&self, id: i64, idea: &ValidIdea, now_ms: i64) -> Result<Idea> {
        self.write(|tx| {
            idea_by_id(tx, id)?;
            ensure_channel_known(tx, idea.channel_id)?;
            tx.execute(
                "UPDATE ideas SET title = ?1, note = ?2, planned_for_day = ?3, channel_id = ?4,
                        updated_at_ms = ?5
                 WHERE id = ?6",
                params![
                    idea.title,
                    idea.note,
                    day_text(idea),
                    idea.channel_id,
                    now_ms,
                    id
                ],
            )?;
            idea_by_id(tx, id)
        })
    }

    /// Ideas, planned ones by day first, then unplanned newest first. Ideas that became a post
    /// are included (the UI shows them as such).
    pub fn list_ideas(&self) -> Result<Vec<Idea>> {
        self.read(|c| ideas_where(c, "1", []))
    }

    /// Hides the idea everywhere; [`Store::restore_idea`] undoes it.
    pub fn delete_idea(&self, id: i64, now_ms: i64) -> Result<()> {
        self.write(|tx| {
            idea_by_id(tx, id)?;
            tx.execute(
                "UPDATE ideas SET deleted_at_ms = ?1 WHERE id = ?2",
                params![now_ms, id],
            )?;
            Ok(())
        })
    }

    /// Undoes [`Store::delete_idea`]: the idea comes back as it was, with its id. Its
    /// `updated_at_ms` becomes `now_ms`, so that a calendar app re-reading the export sees the
    /// event as changed (it is LAST-MODIFIED there).
    pub fn restore_idea(&self, id: i64, now_ms: i64) -> Result<Idea> {
        self.write(|tx| {
            super::erase::check_undoable(tx, "ideas", "idea", id, now_ms)?;
            let changed = tx.execute(
                "UPDATE ideas SET deleted_at_ms = NULL, updated_at_ms = ?2
                 WHERE id = ?1 AND deleted_at_ms IS NOT NULL",
                params![id, now_ms],
            )?;
            if changed == 0 {
                return Err(Error::NotFound {
                    what: "deleted idea",
                    id,
                });
            }
            idea_by_id(tx, id)
        })
    }

    /// Logs the post an idea became and links the two, in one transaction: either both are
    /// saved or neither. A deleted idea is not found; an idea that already became a (not
    /// deleted) post is refused with `idea_already_posted`.
    pub fn convert_idea_to_post(
        &self,
        idea_id: i64,
        post: &ValidPost,
        now_ms: i64,
    ) -> Result<Post> {
        self.write(|tx| {
            let idea = idea_by_id(tx, idea_id)?;
            if let Some(post_id) = idea.post_id {
                return Err(Error::invalid(
                    "idea_id",
                    "idea_already_posted",
                    format!("this idea already became a post (post {post_id})"),
                ));
            }
            let created = insert_post(tx, post, now_ms)?;
            tx.execute(
                "UPDATE ideas SET post_id = ?1, updated_at_ms = ?2 WHERE id = ?3",
                params![created.id, now_ms, idea_id],
            )?;
            Ok(created)
        })
    }
}

/// A visible (not deleted) idea.
pub(super) fn idea_by_id(c: &Connection, id: i64) -> Result<Idea> {
    found(
        "idea",
        id,
        c.query_row(
            &format!(
                "SELECT {} FROM ideas i WHERE i.id = ?1 AND i.deleted_at_ms IS NULL",
                columns()
            ),
            [id],
            idea_from_row,
        ),
    )
}

fn day_text(idea: &ValidIdea) -> Option<String> {
    idea.planned_for.map(|d| d.format("%Y-%m-%d").to_string())
}

/// The same refusal for create and update: an idea may name no channel, never a missing one.
fn ensure_channel_known(c: &Connection, channel_id: Option<i64>) -> Result<()> {
    let Some(channel_id) = channel_id else {
        return Ok(());
    };
    let exists = c
        .query_row("SELECT 1 FROM channels WHERE id = ?1", [channel_id], |_| {
            Ok(())
        })
        .optional()?;
    match exists {
        Some(()) => Ok(()),
        None => Err(Error::invalid(
            "channel_id",
            "channel_unknown",
            format!("channel {channel_id} does not exist"),
        )),
    }
}
