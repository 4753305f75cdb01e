//! Posts and newsletters. Deleting sets a tombstone so that undo can bring the post back with
//! its id and the inquiries that point at it.

use rusqlite::{params, Connection, Row, Transaction};

use super::channels::{channel_by_id, default_post_kind};
use super::{found, Store};
use crate::error::{Error, Result};
use crate::model::{
    CandidatePost, Post, PostFilter, PostHeadline, PostPage, HEADLINE_TEXT_CHARS, MAX_HEADLINE_IDS,
};
use crate::time::{from_ms, MS_PER_DAY};
use crate::validate::ValidPost;

const COLUMNS: &str = "p.id, p.channel_id, c.name, p.kind, p.published_at_ms, p.title, p.text, \
     p.url, p.felt, p.motive, p.minutes, p.source, p.external_id, p.created_at_ms, p.updated_at_ms";
const FROM: &str = "FROM posts p JOIN channels c ON c.id = p.channel_id";

fn from_row(r: &Row<'_>) -> rusqlite::Result<Post> {
    Ok(Post {
        id: r.get(0)?,
        channel_id: r.get(1)?,
        channel: r.get(2)?,
        kind: r.get(3)?,
        published_at: from_ms(r.get(4)?),
        title: r.get(5)?,
        text: r.get(6)?,
        url: r.get(7)?,
        felt: r.get(8)?,
        motive: r.get(9)?,
        minutes: r.get(10)?,
        source: r.get(11)?,
        external_id: r.get(12)?,
        created_at: from_ms(r.get(13)?),
        updated_at: from_ms(r.get(14)?),
    })
}

impl Store {
    pub fn create_post(&self, post: &ValidPost, now_ms: i64) -> Result<Post> {
        self.write(|tx| insert_post(tx, post, now_ms))
    }

    pub fn update_post(&self, id: i64, post: &ValidPost, now_ms: i64) -> Result<Post> {
        self.write(|tx| {
            let before = post_by_id(tx, id)?;
            let channel = channel_by_id(tx, post.channel_id).map_err(unknown_channel)?;
            if channel.archived && channel.id != before.channel_id {
                return Err(Error::invalid(
                    "channel_id",
                    "channel_archived",
                    format!("the channel '{}' is archived; pick another or restore it in settings", channel.name),
                ));
            }
            let kind = post.kind.unwrap_or(before.kind);
            tx.execute(
                "UPDATE posts SET channel_id = ?1, kind = ?2, published_at_ms = ?3, title = ?4,
                        text = ?5, url = ?6, felt = ?7, motive = ?8, minutes = ?9, updated_at_ms = ?10
                 WHERE id = ?11",
                params![
                    post.channel_id, kind, post.published_at_ms, post.title, post.text, post.url,
                    post.felt, post.motive, post.minutes, now_ms, id
                ],
            )?;
            post_by_id(tx, id)
        })
    }

    /// Hides the post everywhere; [`Store::restore_post`] undoes it.
    pub fn delete_post(&self, id: i64, now_ms: i64) -> Result<()> {
        self.write(|tx| {
            post_by_id(tx, id)?;
            tx.execute(
                "UPDATE posts SET deleted_at_ms = ?1 WHERE id = ?2",
                params![now_ms, id],
            )?;
            Ok(())
        })
    }

    pub fn restore_post(&self, id: i64, now_ms: i64) -> Result<Post> {
        self.write(|tx| {
            super::erase::check_undoable(tx, "posts", "post", id, now_ms)?;
            let changed = tx.execute(
                "UPDATE posts SET deleted_at_ms = NULL WHERE id = ?1 AND deleted_at_ms IS NOT NULL",
                [id],
            )?;
            if changed == 0 {
                return Err(Error::NotFound {
                    what: "deleted post",
                    id,
                });
            }
            post_by_id(tx, id)
        })
    }

    pub fn get_post(&self, id: i64) -> Result<Post> {
        self.read(|c| post_by_id(c, id))
    }

    /// Posts newest first, narrowed by channel and a case-insensitive search over title, text
    /// and link.
    /// The newest `limit` posts that match `filter`, and how many match in all. Without a text
    /// search only those rows are read (the time index gives them in order), so the first view
    /// costs the same with ten posts or ten thousand.
    pub fn list_posts_page(&self, filter: &PostFilter, limit: u32) -> Result<PostPage> {
        let searching = filter
            .query
            .as_deref()
            .is_some_and(|q| !q.trim().is_empty());
        if searching {
            let mut posts = self.list_posts(filter)?;
            let total = posts.len() as u64;
            posts.truncate(limit as usize);
            return Ok(PostPage { posts, total });
        }
        self.read(|c| {
            let total: i64 = c
                .prepare_cached(
                    "SELECT COUNT(*) FROM posts
                     WHERE deleted_at_ms IS NULL AND (?1 IS NULL OR channel_id = ?1)",
                )?
                .query_row([filter.channel_id], |r| r.get(0))?;
            let mut stmt = c.prepare_cached(&format!(
                "SELECT {COLUMNS} {FROM}
                 WHERE p.deleted_at_ms IS NULL AND (?1 IS NULL OR p.channel_id = ?1)
                 ORDER BY p.published_at_ms DESC, p.id DESC LIMIT ?2"
            ))?;
            let rows = stmt.query_map(params![filter.channel_id, limit], from_row)?;
            Ok(PostPage {
                posts: rows.collect::<rusqlite::Result<_>>()?,
                total: total as u64,
            })
        })
    }

    pub fn list_posts(&self, filter: &PostFilter) -> Result<Vec<Post>> {
        let needle = filter
            .query
            .as_deref()
            .map(|q| q.trim().to_lowercase())
            .filter(|q| !q.is_empty());
        let posts: Vec<Post> = self.read(|c| {
            let mut stmt = c.prepare_cached(&format!(
                "SELECT {COLUMNS} {FROM}
                 WHERE p.deleted_at_ms IS NULL AND (?1 IS NULL OR p.channel_id = ?1)
                 ORDER BY p.published_at_ms DESC, p.id DESC"
            ))?;
            let rows = stmt.query_map([filter.channel_id], from_row)?;
            Ok(rows.collect::<rusqlite::Result<_>>()?)
        })?;
        Ok(match needle {
            None => posts,
            Some(needle) => posts
                .into_iter()
                .filter(|p| {
                    [&p.title, &p.text, &p.url]
                        .into_iter()
                        .flatten()
                        .any(|field| field.to_lowercase().contains(&needle))
                })
                .collect(),
        })
    }

    /// The headlines of the posts with these ids, in the order asked, skipping ids that are not
    /// (or no longer) there: a deleted post is named like a missing one. At most
    /// [`MAX_HEADLINE_IDS`] ids a call.
    pub fn post_headlines(&self, ids: &[i64]) -> Result<Vec<PostHeadline>> {
        if ids.len() > MAX_HEADLINE_IDS {
            return Err(Error::invalid(
                "ids",
                "too_long",
                format!("at most {MAX_HEADLINE_IDS} posts at a time"),
            ));
        }
        self.read(|c| {
            let mut stmt = c.prepare_cached(
                "SELECT id, published_at_ms, title, substr(text, 1, ?2) FROM posts
                 WHERE id = ?1 AND deleted_at_ms IS NULL",
            )?;
            let mut seen = std::collections::HashSet::new();
            let mut headlines = Vec::new();
            for &id in ids.iter().filter(|id| seen.insert(**id)) {
                let mut rows = stmt.query(params![id, HEADLINE_TEXT_CHARS])?;
                if let Some(r) = rows.next()? {
                    headlines.push(PostHeadline {
                        id: r.get(0)?,
                        published_at: from_ms(r.get(1)?),
                        title: r.get(2)?,
                        text: r.get(3)?,
                    });
                }
            }
            Ok(headlines)
        })
    }

    /// Posts an inquiry received at `at_ms` may have come from: published in
    /// [at - window, at], ranked by time-decay weight (half-life `half_life_days`), nearest first.
    pub fn candidate_posts(
        &self,
        at_ms: i64,
        window_days: i64,
        half_life_days: f64,
    ) -> Result<Vec<CandidatePost>> {
        let from = at_ms.saturating_sub(window_days.saturating_mul(MS_PER_DAY));
        let posts: Vec<Post> = self.read(|c| {
            let mut stmt = c.prepare_cached(&format!(
                "SELECT {COLUMNS} {FROM}
                 WHERE p.deleted_at_ms IS NULL AND p.published_at_ms BETWEEN ?1 AND ?2
                 ORDER BY p.published_at_ms DESC, p.id DESC"
            ))?;
            let rows = stmt.query_map([from, at_ms], from_row)?;
            Ok(rows.collect::<rusqlite::Result<_>>()?)
        })?;
        Ok(posts
            .into_iter()
            .map(|post| {
                let days_before =
                    (at_ms - post.published_at.timestamp_millis()) as f64 / MS_PER_DAY as f64;
                let weight = (-days_before / half_life_days.max(f64::MIN_POSITIVE)).exp2();
                CandidatePost {
                    post,
                    days_before,
                    weight,
                }
            })
            .collect())
    }
}

/// Inserts a new post inside the caller's transaction, so that turning an idea into a post and
/// linking the two commit together (see [`Store::convert_idea_to_post`]).
pub(super) fn insert_post(tx: &Transaction<'_>, post: &ValidPost, now_ms: i64) -> Result<Post> {
    insert_post_from(tx, post, "manual", None, now_ms)
}

/// Inserts a post that came from `source` (an import), keeping its `external_id` so that the
/// next import of the same file recognises it.
pub(super) fn insert_post_from(
    tx: &Transaction<'_>,
    post: &ValidPost,
    source: &str,
    external_id: Option<&str>,
    now_ms: i64,
) -> Result<Post> {
    let id = insert_post_row(tx, post, source, external_id, now_ms)?;
    post_by_id(tx, id)
}

/// The insert itself, returning the new id. Statements are cached: an import runs this ten
/// thousand times in one transaction.
pub(super) fn insert_post_row(
    tx: &Transaction<'_>,
    post: &ValidPost,
    source: &str,
    external_id: Option<&str>,
    now_ms: i64,
) -> Result<i64> {
    let channel = channel_by_id(tx, post.channel_id).map_err(unknown_channel)?;
    if channel.archived {
        return Err(Error::invalid(
            "channel_id",
            "channel_archived",
            format!(
                "the channel '{}' is archived; pick another or restore it in settings",
                channel.name
            ),
        ));
    }
    let kind = post.kind.unwrap_or_else(|| default_post_kind(channel.kind));
    tx.prepare_cached(
        "INSERT INTO posts (channel_id, kind, published_at_ms, title, text, url, felt, motive,
                            minutes, created_at_ms, updated_at_ms, source, external_id)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?10, ?11, ?12)",
    )?
    .execute(params![
        post.channel_id,
        kind,
        post.published_at_ms,
        post.title,
        post.text,
        post.url,
        post.felt,
        post.motive,
        post.minutes,
        now_ms,
        source,
        external_id
    ])?;
    Ok(tx.last_insert_rowid())
}

/// Visible posts published at or after `since_ms`, oldest first.
pub(super) fn posts_since(c: &Connection, since_ms: i64) -> Result<Vec<Post>> {
    let mut stmt = c.prepare_cached(&format!(
        "SELECT {COLUMNS} {FROM}
         WHERE p.deleted_at_ms IS NULL AND p.published_at_ms >= ?1
         ORDER BY p.published_at_ms, p.id"
    ))?;
    let rows = stmt.query_map([since_ms], from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// A visible (not deleted) post.
pub(super) fn post_by_id(c: &Connection, id: i64) -> Result<Post> {
    found(
        "post",
        id,
        c.query_row(
            &format!("SELECT {COLUMNS} {FROM} WHERE p.id = ?1 AND p.deleted_at_ms IS NULL"),
            [id],
            from_row,
        ),
    )
}

fn unknown_channel(e: Error) -> Error {
    match e {
        Error::NotFound { id, .. } => Error::invalid(
            "channel_id",
            "channel_unknown",
            format!("channel {id} does not exist"),
        ),
        other => other,
    }
}
