//! What imports write besides posts and inquiries, inside the import's one transaction: post
//! engagement (`post_metrics`), audience size over time (`audience_snapshots`) and possible
//! inquiries (`inquiry_candidates`). Every function takes a plain connection so the preview can
//! ask the same questions without writing.
//!
//! Rules, from schema 3:
//! - a metric gets a row only when its value differs from the post's latest one (greatest
//!   `recorded_at_ms`, then id), recorded at the import's now: the same report twice adds nothing,
//!   a newer report adds the new values and keeps the history;
//! - a snapshot is unique on `source` + `external_id`; a deleted one stays deleted;
//! - a candidate is unique on `source` + `external_id`, whatever became of it (accepted or
//!   dismissed ones never come back as open).

use std::collections::HashMap;

use rusqlite::{params, Connection, OptionalExtension};

use crate::error::Result;
use crate::import::url_key;

/// The post of `source` with this external id, deleted or not (deleted posts keep their numbers).
pub(crate) fn post_id_by_external(
    c: &Connection,
    source: &str,
    external_id: &str,
) -> Result<Option<i64>> {
    let mut stmt =
        c.prepare_cached("SELECT id FROM posts WHERE source = ?1 AND external_id = ?2")?;
    Ok(stmt
        .query_row([source, external_id], |r| r.get(0))
        .optional()?)
}

/// Every live post with a link, by [`url_key`]; when two posts share a key the older one wins
/// (the original, not a later repost of the same link).
pub(crate) fn posts_by_url_key(c: &Connection) -> Result<HashMap<String, i64>> {
    let mut stmt = c.prepare(
        "SELECT id, url FROM posts WHERE url IS NOT NULL AND deleted_at_ms IS NULL
         ORDER BY published_at_ms DESC, id DESC",
    )?;
    let rows = stmt.query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?)))?;
    let mut by_key = HashMap::new();
    for row in rows {
        let (id, url) = row?;
        if let Some(key) = url_key(&url) {
            by_key.insert(key, id);
        }
    }
    Ok(by_key)
}

/// The value shown for a post's metric now (the latest recorded), if any.
pub(crate) fn latest_metric(c: &Connection, post_id: i64, metric: &str) -> Result<Option<i64>> {
    let mut stmt = c.prepare_cached(
        "SELECT value FROM post_metrics WHERE post_id = ?1 AND metric = ?2
         ORDER BY recorded_at_ms DESC, id DESC LIMIT 1",
    )?;
    Ok(stmt
        .query_row(params![post_id, metric], |r| r.get(0))
        .optional()?)
}

pub(crate) fn insert_metric(
    c: &Connection,
    post_id: i64,
    metric: &str,
    value: i64,
    source: &str,
    now_ms: i64,
) -> Result<()> {
    let mut stmt = c.prepare_cached(
        "INSERT INTO post_metrics (post_id, metric, value, recorded_at_ms, source)
         VALUES (?1, ?2, ?3, ?4, ?5)",
    )?;
    stmt.execute(params![post_id, metric, value, now_ms, source])?;
    Ok(())
}

/// A live channel's id by name, ignoring case (the preview must not create one).
pub(crate) fn channel_id_by_name(c: &Connection, name: &str) -> Result<Option<i64>> {
    let mut stmt =
        c.prepare_cached("SELECT id FROM channels WHERE name = ?1 COLLATE NOCASE LIMIT 1")?;
    Ok(stmt.query_row([name.trim()], |r| r.get(0)).optional()?)
}

/// A stored snapshot with this key.
pub(crate) struct StoredSnapshot {
    pub id: i64,
    pub at_ms: i64,
    pub size: i64,
    pub deleted: bool,
}

pub(crate) fn snapshot_by_key(
    c: &Connection,
    source: &str,
    external_id: &str,
) -> Result<Option<StoredSnapshot>> {
    let mut stmt = c.prepare_cached(
        "SELECT id, at_ms, size, deleted_at_ms IS NOT NULL FROM audience_snapshots
         WHERE source = ?1 AND external_id = ?2",
    )?;
    Ok(stmt
        .query_row([source, external_id], |r| {
            Ok(StoredSnapshot {
                id: r.get(0)?,
                at_ms: r.get(1)?,
                size: r.get(2)?,
                deleted: r.get(3)?,
            })
        })
        .optional()?)
}

/// The latest day an earlier import of `source` stored for this channel and measure: how far
/// the export it came from reached.
pub(crate) fn last_imported_snapshot_at(
    c: &Connection,
    source: &str,
    channel_id: i64,
    measure: &str,
) -> Result<Option<i64>> {
    let mut stmt = c.prepare_cached(
        "SELECT max(at_ms) FROM audience_snapshots
         WHERE source = ?1 AND channel_id = ?2 AND measure = ?3 AND external_id IS NOT NULL",
    )?;
    Ok(stmt.query_row(params![source, channel_id, measure], |r| r.get(0))?)
}

pub(crate) struct NewSnapshot<'a> {
    pub channel_id: i64,
    pub measure: &'a str,
    pub at_ms: i64,
    pub size: i64,
    pub source: &'a str,
    pub external_id: &'a str,
}

pub(crate) fn insert_snapshot(c: &Connection, s: &NewSnapshot<'_>, now_ms: i64) -> Result<()> {
    let mut stmt = c.prepare_cached(
        "INSERT INTO audience_snapshots
             (channel_id, measure, at_ms, size, source, external_id, created_at_ms)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?;
    stmt.execute(params![
        s.channel_id,
        s.measure,
        s.at_ms,
        s.size,
        s.source,
        s.external_id,
        now_ms
    ])?;
    Ok(())
}

pub(crate) fn update_snapshot(c: &Connection, id: i64, at_ms: i64, size: i64) -> Result<()> {
    let mut stmt =
        c.prepare_cached("UPDATE audience_snapshots SET at_ms = ?1, size = ?2 WHERE id = ?3")?;
    stmt.execute(params![at_ms, size, id])?;
    Ok(())
}

pub(crate) fn candidate_exists(c: &Connection, source: &str, external_id: &str) -> Result<bool> {
    let mut stmt = c.prepare_cached(
        "SELECT 1 FROM inquiry_candidates WHERE source = ?1 AND external_id = ?2",
    )?;
    Ok(stmt
        .query_row([source, external_id], |_| Ok(()))
        .optional()?
        .is_some())
}

pub(crate) struct NewCandidate<'a> {
    pub source: &'a str,
    pub external_id: &'a str,
    pub kind: &'a str,
    pub received_at_ms: i64,
    pub name: &'a str,
    pub profile_url: Option<&'a str>,
    pub message: Option<&'a str>,
}

pub(crate) fn insert_candidate(c: &Connection, n: &NewCandidate<'_>, now_ms: i64) -> Result<()> {
    let mut stmt = c.prepare_cached(
        "INSERT INTO inquiry_candidates
             (source, external_id, kind, received_at_ms, name, profile_url, message,
              created_at_ms, updated_at_ms)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8)",
    )?;
    stmt.execute(params![
        n.source,
        n.external_id,
        n.kind,
        n.received_at_ms,
        n.name,
        n.profile_url,
        n.message,
        now_ms
    ])?;
    Ok(())
}

/// The channel snapshots go to, found ignoring case or created.
pub(crate) fn import_channel(
    c: &Connection,
    name: &str,
    kind: crate::model::ChannelKind,
    now_ms: i64,
) -> Result<i64> {
    Ok(super::channels::find_or_create_channel(c, name, kind, now_ms)?.id)
}
