//! The Audience view's first numbers, read straight from the indexes: for each channel and
//! measure the first and latest size (one index step each way) and the number of sizes, plus
//! how many posts, conversations and clients there are. A few milliseconds with ten years of
//! daily sizes, so the view can show real numbers before the full overview (which runs the
//! insights engine over every post) arrives.

use rusqlite::params;

use super::types::{AudienceHeadline, SeriesHeadline};
use crate::error::Result;
use crate::model::AudienceMeasure;
use crate::store::Store;

pub fn headline(store: &Store) -> Result<AudienceHeadline> {
    store.read(|c| {
        // The series present; put in the chart's order below.
        let keys: Vec<(i64, String, AudienceMeasure)> = c
            .prepare_cached(
                "SELECT DISTINCT a.channel_id, ch.name, a.measure
                 FROM audience_snapshots a JOIN channels ch ON ch.id = a.channel_id
                 WHERE a.deleted_at_ms IS NULL",
            )?
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
            .collect::<rusqlite::Result<_>>()?;
        let mut series = Vec::with_capacity(keys.len());
        for (channel_id, channel, measure) in keys {
            // The oldest and newest visible size, ties broken by id as the chart does.
            let end = |sql: &str| -> rusqlite::Result<(i64, i64)> {
                c.prepare_cached(sql)?
                    .query_row(params![channel_id, measure], |r| Ok((r.get(0)?, r.get(1)?)))
            };
            let (first_at_ms, first_size) = end("SELECT at_ms, size FROM audience_snapshots
                 WHERE channel_id = ?1 AND measure = ?2 AND deleted_at_ms IS NULL
                 ORDER BY at_ms, id LIMIT 1")?;
            let (latest_at_ms, latest_size) = end("SELECT at_ms, size FROM audience_snapshots
                 WHERE channel_id = ?1 AND measure = ?2 AND deleted_at_ms IS NULL
                 ORDER BY at_ms DESC, id DESC LIMIT 1")?;
            let points: i64 = c
                .prepare_cached(
                    "SELECT count(*) FROM audience_snapshots
                     WHERE channel_id = ?1 AND measure = ?2 AND deleted_at_ms IS NULL",
                )?
                .query_row(params![channel_id, measure], |r| r.get(0))?;
            series.push(SeriesHeadline {
                channel_id,
                channel,
                measure,
                points,
                first_at_ms,
                first_size,
                latest_at_ms,
                latest_size,
            });
        }
        series.sort_by(|a, b| {
            super::chart_order(
                (&a.channel, a.channel_id, a.measure),
                (&b.channel, b.channel_id, b.measure),
            )
        });
        let posts: i64 = c
            .prepare_cached("SELECT count(*) FROM posts WHERE deleted_at_ms IS NULL")?
            .query_row([], |r| r.get(0))?;
        let (inquiries, clients): (i64, i64) = c
            .prepare_cached(
                "SELECT count(*), count(*) FILTER (WHERE status = 'client')
                 FROM inquiries WHERE deleted_at_ms IS NULL",
            )?
            .query_row([], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(AudienceHeadline {
            series,
            posts,
            inquiries,
            clients,
        })
    })
}
