//! Reading the facts attribution needs straight from the tables: only the columns it uses, only
//! the rows that can matter for the range, deleted rows never.

use rusqlite::{params, Connection, Row};

use super::facts::{InquiryFacts, PostFacts};
use super::range::DateRange;
use super::settings::InsightSettings;
use crate::error::Result;
use crate::store::Store;
use crate::time::MS_PER_DAY;

/// A title for posts logged with a text only: its first line, this many characters at most.
const TITLE_CHARS: usize = 80;

/// Posts and inquiries for a report over `range`: the inquiries received in it, and the posts
/// that can be listed or credited: published in the range or up to one window before it, plus
/// the confirmed sources of those inquiries wherever they are in time. Both are read in one
/// transaction, so a write from another process cannot land between them.
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
        let posts = load_posts(&tx, posts_from, start, end)?;
        let inquiries = load_inquiries(&tx, start, end)?;
        // Read-only: dropping the transaction just ends it.
        drop(tx);
        Ok((posts, inquiries))
    })
}

fn load_posts(conn: &Connection, posts_from: i64, start: i64, end: i64) -> Result<Vec<PostFacts>> {
    let mut stmt = conn.prepare_cached(
        "SELECT p.id, p.published_at_ms, c.name, p.kind, p.felt, p.motive, p.minutes, p.title,
                substr(p.text, 1, 200)
         FROM posts p JOIN channels c ON c.id = p.channel_id
         WHERE p.deleted_at_ms IS NULL
           AND ((p.published_at_ms >= ?1 AND p.published_at_ms < ?3)
                OR p.id IN (SELECT source_post_id FROM inquiries
                            WHERE deleted_at_ms IS NULL AND source_post_id IS NOT NULL
                              AND received_at_ms >= ?2 AND received_at_ms < ?3))",
    )?;
    let rows = stmt.query_map(params![posts_from, start, end], post_from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

fn post_from_row(r: &Row<'_>) -> rusqlite::Result<PostFacts> {
    Ok(PostFacts {
        id: r.get(0)?,
        published_at_ms: r.get(1)?,
        channel: r.get(2)?,
        kind: r.get(3)?,
        felt: r.get(4)?,
        motive: r.get(5)?,
        minutes: r.get(6)?,
        title: title(r.get(7)?, r.get(8)?),
    })
}

fn title(title: Option<String>, text: Option<String>) -> String {
    match title {
        Some(t) => t,
        None => {
            let text = text.unwrap_or_default();
            let first_line = text
                .lines()
                .map(str::trim)
                .find(|l| !l.is_empty())
                .unwrap_or("");
            if first_line.chars().count() > TITLE_CHARS {
                let cut: String = first_line.chars().take(TITLE_CHARS - 1).collect();
                format!("{}…", cut.trim_end())
            } else {
                first_line.to_string()
            }
        }
    }
}

fn load_inquiries(conn: &Connection, start: i64, end: i64) -> Result<Vec<InquiryFacts>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, received_at_ms, source_post_id, not_from_posts, status = 'client', value_cents
         FROM inquiries
         WHERE deleted_at_ms IS NULL AND received_at_ms >= ?1 AND received_at_ms < ?2",
    )?;
    let rows = stmt.query_map(params![start, end], |r| {
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
        assert_eq!(title(Some("Hi".into()), Some("x".into())), "Hi");
        assert_eq!(
            title(None, Some("\n  First line \nsecond".into())),
            "First line"
        );
        let long = "é".repeat(200);
        let t = title(None, Some(long));
        assert_eq!(t.chars().count(), TITLE_CHARS_FOR_TEST);
        assert!(t.ends_with('…'));
        assert_eq!(title(None, None), "");
    }

    const TITLE_CHARS_FOR_TEST: usize = super::TITLE_CHARS;
}
