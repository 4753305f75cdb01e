//! Counting (preview) and writing (apply) what an import brings besides posts and inquiries. One
//! routine does both, so the preview's numbers are what the import then does.

use std::collections::{HashMap, HashSet};

use rusqlite::Connection;

use super::{Metric, Parsed, PostRef, SnapshotRow};
use crate::error::Result;
use crate::store::import_extras as db;

#[derive(Debug, Default)]
pub(crate) struct ExtrasCount {
    pub metric_posts: u32,
    pub snapshots: u32,
    pub candidates: u32,
    pub unmatched: u32,
}

/// With `write` (the import's now) the rows are written through `c`, which must then be the
/// import's transaction; without, nothing is written and the counts say what would be.
/// `new_ids` gives the ids of the posts this import adds (stand-ins in a preview).
pub(crate) fn record_extras(
    c: &Connection,
    parsed: &Parsed,
    new_ids: &HashMap<&str, i64>,
    write: Option<i64>,
) -> Result<ExtrasCount> {
    let mut count = ExtrasCount::default();
    metrics(c, parsed, new_ids, write, &mut count)?;
    snapshots(c, parsed, write, &mut count)?;
    candidates(c, parsed, write, &mut count)?;
    Ok(count)
}

fn metrics(
    c: &Connection,
    parsed: &Parsed,
    new_ids: &HashMap<&str, i64>,
    write: Option<i64>,
    count: &mut ExtrasCount,
) -> Result<()> {
    let mut by_url: Option<HashMap<String, i64>> = None;
    // Values set earlier in this run: a later row for the same number (a newer file in the same
    // folder) is compared with them, as the stored history would be after the earlier insert.
    let mut current: HashMap<(i64, Metric), i64> = HashMap::new();
    let mut changed: HashSet<i64> = HashSet::new();
    let mut unmatched: HashSet<&PostRef> = HashSet::new();
    for row in &parsed.metrics {
        let post_id = match &row.post {
            PostRef::External(id) => match new_ids.get(id.as_str()) {
                Some(&id) => Some(id),
                None => db::post_id_by_external(c, parsed.source, id)?,
            },
            PostRef::Url(key) => {
                if by_url.is_none() {
                    by_url = Some(db::posts_by_url_key(c)?);
                }
                by_url.as_ref().and_then(|m| m.get(key)).copied()
            }
        };
        let Some(post_id) = post_id else {
            unmatched.insert(&row.post);
            continue;
        };
        let value = i64::try_from(row.value).unwrap_or(i64::MAX);
        let latest = match current.get(&(post_id, row.metric)) {
            Some(&v) => Some(v),
            None if post_id < 0 => None,
            None => db::latest_metric(c, post_id, row.metric.as_str())?,
        };
        if latest == Some(value) {
            continue;
        }
        current.insert((post_id, row.metric), value);
        changed.insert(post_id);
        if let Some(now_ms) = write {
            db::insert_metric(
                c,
                post_id,
                row.metric.as_str(),
                value,
                parsed.source,
                now_ms,
            )?;
        }
    }
    count.metric_posts = changed.len() as u32;
    count.unmatched = unmatched.len() as u32;
    Ok(())
}

/// Snapshots are keyed by day. When two exports disagree about a day, the one that knows more
/// recent days wins: within one import the row from the later-reaching file; against stored
/// rows, this import's row when its file reaches at least as far as the stored ones do (an
/// older export imported after a newer one fills in missing days but corrects none). The result
/// is the same whichever export is imported first.
fn snapshots(
    c: &Connection,
    parsed: &Parsed,
    write: Option<i64>,
    count: &mut ExtrasCount,
) -> Result<()> {
    let mut order: Vec<&str> = Vec::new();
    let mut best: HashMap<&str, &SnapshotRow> = HashMap::new();
    for row in &parsed.snapshots {
        match best.get(row.external_id.as_str()) {
            Some(kept) if kept.as_of_ms > row.as_of_ms => {}
            Some(_) => {
                best.insert(&row.external_id, row);
            }
            None => {
                order.push(&row.external_id);
                best.insert(&row.external_id, row);
            }
        }
    }
    // Channels, and how far earlier imports reached, before anything of this run is written.
    let mut channels: HashMap<String, Option<i64>> = HashMap::new();
    let mut reached: HashMap<(i64, &str), Option<i64>> = HashMap::new();
    for row in &parsed.snapshots {
        let key = row.channel.to_lowercase();
        if channels.contains_key(&key) {
            continue;
        }
        let id = match write {
            Some(now_ms) => Some(db::import_channel(
                c,
                &row.channel,
                row.channel_kind,
                now_ms,
            )?),
            None => db::channel_id_by_name(c, &row.channel)?,
        };
        channels.insert(key, id);
    }
    for row in &parsed.snapshots {
        if let Some(Some(channel_id)) = channels.get(&row.channel.to_lowercase()) {
            let measure = row.measure.as_str();
            if let std::collections::hash_map::Entry::Vacant(e) =
                reached.entry((*channel_id, measure))
            {
                e.insert(db::last_imported_snapshot_at(
                    c,
                    parsed.source,
                    *channel_id,
                    measure,
                )?);
            }
        }
    }
    for key in order {
        let row = best[key];
        let channel_id = channels.get(&row.channel.to_lowercase()).copied().flatten();
        let stored = match channel_id {
            Some(_) => db::snapshot_by_key(c, parsed.source, &row.external_id)?,
            None => None,
        };
        let size = i64::try_from(row.size).unwrap_or(i64::MAX);
        match stored {
            None => {
                count.snapshots += 1;
                if let (Some(now_ms), Some(channel_id)) = (write, channel_id) {
                    let new = db::NewSnapshot {
                        channel_id,
                        measure: row.measure.as_str(),
                        at_ms: row.at_ms,
                        size,
                        source: parsed.source,
                        external_id: &row.external_id,
                    };
                    db::insert_snapshot(c, &new, now_ms)?;
                }
            }
            Some(s) if s.deleted || (s.size == size && s.at_ms == row.at_ms) => {}
            Some(s) => {
                let stored_reach = channel_id
                    .and_then(|id| reached.get(&(id, row.measure.as_str())).copied().flatten());
                if stored_reach.is_none_or(|r| row.as_of_ms >= r) {
                    count.snapshots += 1;
                    if write.is_some() {
                        db::update_snapshot(c, s.id, row.at_ms, size)?;
                    }
                }
            }
        }
    }
    Ok(())
}

fn candidates(
    c: &Connection,
    parsed: &Parsed,
    write: Option<i64>,
    count: &mut ExtrasCount,
) -> Result<()> {
    let mut seen = HashSet::new();
    for row in &parsed.candidates {
        if !seen.insert(row.external_id.as_str())
            || db::candidate_exists(c, parsed.source, &row.external_id)?
        {
            continue;
        }
        count.candidates += 1;
        if let Some(now_ms) = write {
            let new = db::NewCandidate {
                source: parsed.source,
                external_id: &row.external_id,
                kind: row.kind.as_str(),
                received_at_ms: row.received_at_ms,
                name: &row.name,
                profile_url: row.profile_url.as_deref(),
                message: row.message.as_deref(),
            };
            db::insert_candidate(c, &new, now_ms)?;
        }
    }
    Ok(())
}
