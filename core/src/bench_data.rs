//! Bench and test support: ten years of heavy use in one database, the load the performance
//! targets are set for (issue 7: start-up and memory; the insights, audience and reminder
//! benches). Not used by the app itself.
//!
//! [`fill_ten_years`] writes, in one transaction (a second or two):
//! - 5,000 posts over ten years, one in six a newsletter, with varied felt / motive / minutes,
//!   titles "Note N: ..." (N = 0 oldest .. 4999 newest);
//! - numbers for two posts in three (LinkedIn impressions, reactions, comments; newsletter
//!   recipients, opens, clicks), some with a later second reading;
//! - 2,000 inquiries "Person N": a third became clients with revenue, one in four names the post
//!   it came from (a confirmed source), some came from elsewhere, the recent ones are still
//!   open; each linked to its contact, as the app does when it opens a database;
//! - one audience size a day in three series: LinkedIn connections and followers, newsletter
//!   subscribers;
//! - soft rhythm targets on both channels, a few planned ideas and recent reminders sent, so the
//!   reminder planner has real work.
//!
//! Deterministic for a given `now_ms`: everything is spaced from `now_ms` back.

use rusqlite::{params, Transaction};
use serde::Serialize;

use crate::error::Result;
use crate::store::Store;
use crate::time::MS_PER_DAY;

pub const YEARS: i64 = 10;
pub const DAYS: i64 = YEARS * 365;
pub const POSTS: i64 = 5_000;
pub const INQUIRIES: i64 = 2_000;

const FELT: [Option<&str>; 4] = [Some("energising"), Some("neutral"), Some("draining"), None];
const MOTIVE: [Option<&str>; 4] = [Some("wanted"), Some("planned"), Some("obliged"), None];
const VIA: [&str; 5] = ["linkedin_message", "email", "website", "phone", "referral"];
const MINUTE_MS: i64 = 60_000;

/// What [`fill_ten_years`] wrote.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Filled {
    pub posts: i64,
    pub post_metrics: i64,
    pub inquiries: i64,
    pub clients: i64,
    pub confirmed_sources: i64,
    pub audience_snapshots: i64,
    pub ideas: i64,
    pub reminders_sent: i64,
}

/// Fills `store` (a fresh database: the two default channels, nothing else) with ten years of
/// heavy use ending at `now_ms`.
pub fn fill_ten_years(store: &Store, now_ms: i64) -> Result<Filled> {
    let start = now_ms - DAYS * MS_PER_DAY;
    store.write(|tx| {
        let linkedin = channel_id(tx, "LinkedIn")?;
        let newsletter = channel_id(tx, "Newsletter")?;
        let (posts, post_metrics) = posts(tx, start, now_ms, linkedin, newsletter)?;
        let (inquiries, clients, confirmed_sources) = inquiries(tx, start, now_ms, &posts)?;
        crate::store::link_contacts_in(tx)?;
        let audience_snapshots = audience(tx, start, linkedin, newsletter)?;
        let (ideas, reminders_sent) = rhythm(tx, now_ms, linkedin, newsletter)?;
        Ok(Filled {
            posts: posts.len() as i64,
            post_metrics,
            inquiries,
            clients,
            confirmed_sources,
            audience_snapshots,
            ideas,
            reminders_sent,
        })
    })
}

fn channel_id(tx: &Transaction<'_>, name: &str) -> Result<i64> {
    Ok(
        tx.query_row("SELECT id FROM channels WHERE name = ?1", [name], |r| {
            r.get(0)
        })?,
    )
}

/// The posts, oldest first, as (id, published_at_ms); and how many metric readings.
fn posts(
    tx: &Transaction<'_>,
    start: i64,
    now_ms: i64,
    linkedin: i64,
    newsletter: i64,
) -> Result<(Vec<(i64, i64)>, i64)> {
    let mut post = tx.prepare(
        "INSERT INTO posts (channel_id, kind, published_at_ms, title, text, url, felt, motive,
                            minutes, created_at_ms, updated_at_ms)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?3, ?3)",
    )?;
    let mut metric = tx.prepare(
        "INSERT INTO post_metrics (post_id, metric, value, recorded_at_ms) VALUES (?1, ?2, ?3, ?4)",
    )?;
    let span = now_ms - MS_PER_DAY - start;
    let mut posts = Vec::with_capacity(POSTS as usize);
    let mut readings = 0;
    for i in 0..POSTS {
        // Evenly over the ten years, at varying times of day.
        let at = start + i * span / POSTS + (i * 7_919 % 600) * MINUTE_MS;
        let is_newsletter = i % 6 == 0;
        let text = format!(
            "A few honest words about work and rest, number {i}. Saying no to a client who \
             wanted everything yesterday made room for the work I am good at."
        );
        post.execute(params![
            if is_newsletter { newsletter } else { linkedin },
            if is_newsletter { "newsletter" } else { "post" },
            at,
            format!("Note {i}: on rest, boundaries and slow work"),
            text,
            (i % 3 == 0).then(|| format!(
                "https://www.linkedin.com/feed/update/urn:li:activity:{}",
                7_000_000 + i
            )),
            FELT[(i % 4) as usize],
            MOTIVE[(i / 3 % 4) as usize],
            (i % 5 != 0).then_some(20 + i % 90),
        ])?;
        let id = tx.last_insert_rowid();
        posts.push((id, at));
        if i % 3 == 2 {
            continue;
        }
        let read_at = (at + 3 * MS_PER_DAY).min(now_ms);
        let values: [(&str, i64); 3] = if is_newsletter {
            [
                ("recipients", 300 + i / 8),
                ("opens", 120 + i % 60),
                ("clicks", i % 17),
            ]
        } else {
            [
                ("impressions", 800 + i * 37 % 2_400),
                ("reactions", i % 90),
                ("comments", i % 13),
            ]
        };
        for (name, value) in values {
            metric.execute(params![id, name, value, read_at])?;
            readings += 1;
        }
        // A second reading a week later for some: the history has two values.
        if i % 4 == 0 && !is_newsletter {
            metric.execute(params![
                id,
                "reactions",
                i % 90 + 4,
                (at + 10 * MS_PER_DAY).min(now_ms)
            ])?;
            readings += 1;
        }
    }
    Ok((posts, readings))
}

/// (inquiries, clients, confirmed sources).
fn inquiries(
    tx: &Transaction<'_>,
    start: i64,
    now_ms: i64,
    posts: &[(i64, i64)],
) -> Result<(i64, i64, i64)> {
    let mut inquiry = tx.prepare(
        "INSERT INTO inquiries (received_at_ms, name, organisation, via, their_words,
                                source_post_id, not_from_posts, status, value_cents, currency,
                                status_changed_at_ms, created_at_ms, updated_at_ms)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, 'EUR', ?10, ?1, ?10)",
    )?;
    let span = now_ms - 3 * MS_PER_DAY - start;
    let (mut clients, mut confirmed) = (0, 0);
    for j in 0..INQUIRIES {
        let at = start + 2 * MS_PER_DAY + j * span / INQUIRIES + (j * 104_729 % 900) * MINUTE_MS;
        // The latest post before it, for those where the client named it.
        let before = posts.partition_point(|&(_, t)| t <= at);
        let source = (j % 4 == 0 && before > 0).then(|| posts[before - 1].0);
        let not_from_posts = source.is_none() && j % 10 == 3;
        // The last few dozen are still open (the reminder planner's follow-ups); older ones
        // ended as a client or not.
        let recent = j >= INQUIRIES - 40;
        let status = match (recent, j % 3) {
            (true, 0) => "new",
            (true, _) => "talking",
            (false, 0) => "client",
            (false, _) => "no_deal",
        };
        let is_client = status == "client";
        clients += i64::from(is_client);
        confirmed += i64::from(source.is_some());
        inquiry.execute(params![
            at,
            // Some people come back: the same contact for a few inquiries.
            format!("Person {}", if j % 7 == 0 { j / 7 } else { j }),
            (j % 2 == 0).then(|| format!("Practice {}", j % 150)),
            VIA[(j % 5) as usize],
            (j % 3 == 1).then_some("I read your post about rest and recognised myself."),
            source,
            not_from_posts,
            status,
            is_client.then_some(120_000 + (j % 7) * 15_000),
            (at + (j % 20) * MS_PER_DAY).min(now_ms),
        ])?;
    }
    Ok((INQUIRIES, clients, confirmed))
}

/// One size a day in each of the three series.
fn audience(tx: &Transaction<'_>, start: i64, linkedin: i64, newsletter: i64) -> Result<i64> {
    let mut snap = tx.prepare(
        "INSERT INTO audience_snapshots (channel_id, measure, at_ms, size, created_at_ms)
         VALUES (?1, ?2, ?3, ?4, ?3)",
    )?;
    let mut written = 0;
    for d in 0..DAYS {
        let at = start + d * MS_PER_DAY + 8 * 3_600_000;
        snap.execute(params![linkedin, "connections", at, 50 + d * 2])?;
        snap.execute(params![linkedin, "followers", at, 120 + d * 4 + d % 9])?;
        snap.execute(params![newsletter, "subscribers", at, 40 + d / 2])?;
        written += 3;
    }
    Ok(written)
}

/// Soft targets on both channels, ideas planned around today, and the reminders of the last
/// four months: (ideas, reminders sent).
fn rhythm(tx: &Transaction<'_>, now_ms: i64, linkedin: i64, newsletter: i64) -> Result<(i64, i64)> {
    let since = now_ms - 400 * MS_PER_DAY;
    for (channel, every_days) in [(linkedin, 3), (newsletter, 14)] {
        tx.execute(
            "INSERT INTO rhythm_targets (channel_id, every_days, updated_at_ms) VALUES (?1, ?2, ?3)
             ON CONFLICT (channel_id) DO UPDATE
             SET every_days = excluded.every_days, updated_at_ms = excluded.updated_at_ms",
            params![channel, every_days, since],
        )?;
    }
    let mut idea = tx.prepare(
        "INSERT INTO ideas (title, note, planned_for_day, channel_id, created_at_ms, updated_at_ms)
         VALUES (?1, ?2, ?3, ?4, ?5, ?5)",
    )?;
    let today = crate::time::from_ms(now_ms).date_naive();
    let mut ideas = 0;
    for k in 0..60i64 {
        // Half planned (from a month back to a month ahead), half just kept.
        let day = (k % 2 == 0).then(|| (today + chrono::Duration::days(k - 30)).to_string());
        idea.execute(params![
            format!("Idea {k}: what a slow week taught me"),
            (k % 3 == 0).then_some("Start from the client who said no."),
            day,
            if k % 4 == 0 { newsletter } else { linkedin },
            now_ms - (60 - k) * MS_PER_DAY,
        ])?;
        ideas += 1;
    }
    let mut log =
        tx.prepare("INSERT INTO reminder_log (kind, key, sent_at_ms) VALUES (?1, ?2, ?3)")?;
    let mut sent = 0;
    for d in (1..120i64).step_by(2) {
        let at = now_ms - d * MS_PER_DAY + 10 * 3_600_000;
        let (kind, key) = match d % 3 {
            0 => ("rhythm", format!("rhythm:{linkedin}")),
            1 => ("follow_up", format!("follow_up:{}", INQUIRIES - d % 40)),
            _ => (
                "weekly_review",
                format!("weekly_review:{}", crate::time::from_ms(at).date_naive()),
            ),
        };
        log.execute(params![kind, key, at])?;
        sent += 1;
    }
    Ok((ideas, sent))
}
