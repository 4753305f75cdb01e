//! Reading the facts attribution needs straight from the tables: only the columns it uses, only
//! the rows that can matter for the range, deleted rows never.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use rusqlite::types::{Type, ValueRef};
use rusqlite::{params, Connection, OptionalExtension, Params};

use super::facts::{InquiryFacts, PostFacts};
use super::range::DateRange;
use super::settings::InsightSettings;
use crate::error::Result;
use crate::model::{Felt, Motive, PostKind};
use crate::store::Store;
use crate::time::MS_PER_DAY;

/// A title for posts logged with a text only: its first line, this many characters at most.
const TITLE_CHARS: usize = 80;

/// Posts and inquiries for a report over `range`: the inquiries received in it, and the posts
/// that can be listed or credited: published in the range or up to one window before it, plus
/// the confirmed sources of those inquiries wherever they are in time. Both are read in one
/// transaction, so a write from another process cannot land between them.
///
/// Order: a bounded range reads through the time indexes, which give time order for free. An
/// open one reads the whole tables, and a plain scan is twice as fast as walking an index and
/// looking up every row; rows then come in insertion order, which is nearly time order, and
/// the engine sorts them (cheap on nearly sorted input).
pub(crate) fn load(
    store: &Store,
    settings: &InsightSettings,
    range: &DateRange,
) -> Result<(Vec<PostFacts>, Vec<InquiryFacts>)> {
    let start = range.start_ms.unwrap_or(i64::MIN);
    let end = range.end_ms.unwrap_or(i64::MAX);
    let posts_from = start.saturating_sub(settings.window_days.saturating_mul(MS_PER_DAY));
    store.read(|conn| {
        let tx = conn.unchecked_transaction()?;
        let channels = channel_names(&tx)?;
        let mut posts = Vec::new();
        let inquiries = if range.start_ms.is_none() && range.end_ms.is_none() {
            load_posts(&tx, &channels, &mut posts, "", [])?;
            load_inquiries(&tx, "", [])?
        } else {
            load_posts(
                &tx,
                &channels,
                &mut posts,
                "AND p.published_at_ms >= ?1 AND p.published_at_ms < ?2
                 ORDER BY p.published_at_ms, p.id",
                params![posts_from, end],
            )?;
            load_inquiries(
                &tx,
                "AND received_at_ms >= ?1 AND received_at_ms < ?2 ORDER BY received_at_ms, id",
                params![start, end],
            )?
        };
        load_sources(&tx, &channels, &mut posts, &inquiries)?;
        // Read-only: dropping the transaction just ends it.
        drop(tx);
        Ok((posts, inquiries))
    })
}

/// What it takes to credit the post `post_id` as [`load`] over `range` would: the inquiries
/// in the range received up to one window after it (both ends included) or naming it as their
/// source, and every post that can compete with it for them: those published up to one window
/// before or after it, plus the confirmed sources those inquiries name. (An inquiry at t weighs
/// the posts in [t - W, t]; for t in [p, p + W] those lie in [p - W, p + W].) Nothing when the
/// post is not there or deleted: a report does not list it.
pub(crate) fn load_around(
    store: &Store,
    settings: &InsightSettings,
    range: &DateRange,
    post_id: i64,
) -> Result<(Vec<PostFacts>, Vec<InquiryFacts>)> {
    let window = settings.window_days.saturating_mul(MS_PER_DAY);
    let start = range.start_ms.unwrap_or(i64::MIN);
    let end = range.end_ms.unwrap_or(i64::MAX);
    store.read(|conn| {
        let tx = conn.unchecked_transaction()?;
        let published: Option<i64> = tx
            .query_row(
                "SELECT published_at_ms FROM posts WHERE id = ?1 AND deleted_at_ms IS NULL",
                [post_id],
                |r| r.get(0),
            )
            .optional()?;
        let Some(at) = published else {
            return Ok((Vec::new(), Vec::new()));
        };
        let channels = channel_names(&tx)?;
        let mut posts = Vec::new();
        load_posts(
            &tx,
            &channels,
            &mut posts,
            "AND p.published_at_ms >= ?1 AND p.published_at_ms <= ?2
             ORDER BY p.published_at_ms, p.id",
            params![at.saturating_sub(window), at.saturating_add(window)],
        )?;
        let mut inquiries = load_inquiries(
            &tx,
            "AND received_at_ms >= ?1 AND received_at_ms <= ?2 AND received_at_ms < ?3
             ORDER BY received_at_ms, id",
            params![at.max(start), at.saturating_add(window), end],
        )?;
        // Clients who named it, whenever they came (in the range).
        let named = load_inquiries(
            &tx,
            "AND source_post_id = ?1 AND received_at_ms >= ?2 AND received_at_ms < ?3",
            params![post_id, start, end],
        )?;
        let loaded: HashSet<i64> = inquiries.iter().map(|i| i.id).collect();
        inquiries.extend(named.into_iter().filter(|i| !loaded.contains(&i.id)));
        load_sources(&tx, &channels, &mut posts, &inquiries)?;
        drop(tx);
        Ok((posts, inquiries))
    })
}

/// Adds the confirmed sources of `inquiries` that `posts` lacks (rare: a client who named an
/// old post). A deleted one stays away: it counts as no source.
fn load_sources(
    conn: &Connection,
    channels: &HashMap<i64, Arc<str>>,
    posts: &mut Vec<PostFacts>,
    inquiries: &[InquiryFacts],
) -> Result<()> {
    // The few ids named, sorted, and which of them the posts hold: a search in that short
    // list per post, rather than a set of every post's id.
    let mut named: Vec<i64> = inquiries.iter().filter_map(|i| i.source_post_id).collect();
    if named.is_empty() {
        return Ok(());
    }
    named.sort_unstable();
    named.dedup();
    let mut held = vec![false; named.len()];
    for p in posts.iter() {
        if let Ok(k) = named.binary_search(&p.id) {
            held[k] = true;
        }
    }
    let outside: Vec<i64> = named
        .into_iter()
        .zip(held)
        .filter(|(_, held)| !held)
        .map(|(id, _)| id)
        .collect();
    for id in outside {
        load_posts(conn, channels, posts, "AND p.id = ?1", [id])?;
    }
    Ok(())
}

/// Channel names by id, read once rather than joined into every post row, and shared by the
/// channel's posts.
fn channel_names(conn: &Connection) -> Result<HashMap<i64, Arc<str>>> {
    let mut stmt = conn.prepare_cached("SELECT id, name FROM channels")?;
    let rows = stmt.query_map([], |r| {
        Ok((r.get(0)?, Arc::from(text(r.get_ref(1)?, 1)?.unwrap_or(""))))
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Appends the visible posts matching `condition` (which goes after the WHERE clause's first
/// test) to `out`.
fn load_posts(
    conn: &Connection,
    channels: &HashMap<i64, Arc<str>>,
    out: &mut Vec<PostFacts>,
    condition: &str,
    params: impl Params,
) -> Result<()> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT p.id, p.published_at_ms, p.channel_id, p.kind, p.felt, p.motive, p.minutes,
                p.title, CASE WHEN p.title IS NULL THEN substr(p.text, 1, 200) END
         FROM posts p
         WHERE p.deleted_at_ms IS NULL {condition}"
    ))?;
    let mut rows = stmt.query(params)?;
    while let Some(r) = rows.next()? {
        let channel_id: i64 = r.get(2)?;
        out.push(PostFacts {
            id: r.get(0)?,
            published_at_ms: r.get(1)?,
            // The foreign key makes a missing channel impossible; an empty name is the fallback.
            channel: channels
                .get(&channel_id)
                .cloned()
                .unwrap_or_else(|| Arc::from("")),
            kind: word(r.get_ref(3)?, PostKind::ALL, |k| k.as_str())?
                .ok_or_else(|| bad_word(3, "kind"))?,
            felt: word(r.get_ref(4)?, Felt::ALL, |f| f.as_str())?,
            motive: word(r.get_ref(5)?, Motive::ALL, |m| m.as_str())?,
            minutes: r.get(6)?,
            title: title(text(r.get_ref(7)?, 7)?, text(r.get_ref(8)?, 8)?),
        });
    }
    Ok(())
}

/// A word column (kind, felt, motive) read by comparing its bytes with the known words: the
/// model's `FromSql` also accepts other spellings, at two allocations a value, which is most of
/// the time of loading 50,000 posts. The schema's CHECK constraints allow only these words.
fn word<T: Copy>(
    value: ValueRef<'_>,
    all: &[T],
    as_str: impl Fn(T) -> &'static str,
) -> rusqlite::Result<Option<T>> {
    match value {
        ValueRef::Null => Ok(None),
        ValueRef::Text(bytes) => match all.iter().find(|w| as_str(**w).as_bytes() == bytes) {
            Some(w) => Ok(Some(*w)),
            None => Err(rusqlite::Error::InvalidColumnType(
                0,
                String::from_utf8_lossy(bytes).into_owned(),
                Type::Text,
            )),
        },
        other => Err(rusqlite::Error::InvalidColumnType(
            0,
            "word".into(),
            other.data_type(),
        )),
    }
}

/// A text column as it is in the row (no copy), or None for NULL.
fn text(value: ValueRef<'_>, column: usize) -> rusqlite::Result<Option<&str>> {
    value
        .as_str_or_null()
        .map_err(|e| rusqlite::Error::FromSqlConversionFailure(column, Type::Text, Box::new(e)))
}

fn bad_word(column: usize, name: &str) -> rusqlite::Error {
    rusqlite::Error::InvalidColumnType(column, name.into(), Type::Null)
}

fn title(title: Option<&str>, text: Option<&str>) -> Arc<str> {
    match title {
        Some(t) => Arc::from(t),
        None => {
            let text = text.unwrap_or_default();
            let first_line = text
                .lines()
                .map(str::trim)
                .find(|l| !l.is_empty())
                .unwrap_or("");
            if first_line.chars().count() > TITLE_CHARS {
                let cut: String = first_line.chars().take(TITLE_CHARS - 1).collect();
                format!("{}…", cut.trim_end()).into()
            } else {
                Arc::from(first_line)
            }
        }
    }
}

/// The visible inquiries matching `condition`, as for [`load_posts`].
fn load_inquiries(
    conn: &Connection,
    condition: &str,
    params: impl Params,
) -> Result<Vec<InquiryFacts>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT id, received_at_ms, source_post_id, not_from_posts, status = 'client', value_cents
         FROM inquiries
         WHERE deleted_at_ms IS NULL {condition}"
    ))?;
    let rows = stmt.query_map(params, |r| {
        Ok(InquiryFacts {
            id: r.get(0)?,
            received_at_ms: r.get(1)?,
            source_post_id: r.get(2)?,
            not_from_posts: r.get(3)?,
            is_client: r.get(4)?,
            value_cents: r.get(5)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

#[cfg(test)]
mod tests {
    use super::title;

    #[test]
    fn title_falls_back_to_the_first_line_of_the_text() {
        assert_eq!(&*title(Some("Hi"), Some("x")), "Hi");
        assert_eq!(&*title(None, Some("\n  First line \nsecond")), "First line");
        let long = "é".repeat(200);
        let t = title(None, Some(&long));
        assert_eq!(t.chars().count(), TITLE_CHARS_FOR_TEST);
        assert!(t.ends_with('…'));
        assert_eq!(&*title(None, None), "");
    }

    const TITLE_CHARS_FOR_TEST: usize = super::TITLE_CHARS;
}
