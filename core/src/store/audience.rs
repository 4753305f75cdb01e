//! Audience size over time: a channel's connections, followers or subscribers at a moment.
//! Typed by hand here; imports write the same rows. Deleting sets a tombstone so undo works.

use chrono::TimeZone;
use rusqlite::{params, Connection, Row};

use super::channels::channel_by_id;
use super::{found, Store};
use crate::error::{Error, Result};
use crate::model::{
    AudienceMeasure, AudiencePoint, AudienceSeries, AudienceSnapshot, AudienceSnapshotEdit,
    AudienceSnapshotInput, AudienceSnapshotPage, ChannelKind,
};
use crate::time::{from_ms, to_rfc3339};
use crate::validate::moment;

/// Larger than any audience on earth: a bigger number is a typo.
pub const MAX_AUDIENCE_SIZE: i64 = 10_000_000_000;

const COLUMNS: &str = "a.id, a.channel_id, c.name, a.measure, a.at_ms, a.size, a.source";
const FROM: &str = "FROM audience_snapshots a JOIN channels c ON c.id = a.channel_id";

fn from_row(r: &Row<'_>) -> rusqlite::Result<AudienceSnapshot> {
    Ok(AudienceSnapshot {
        id: r.get(0)?,
        channel_id: r.get(1)?,
        channel: r.get(2)?,
        measure: r.get(3)?,
        at: from_ms(r.get(4)?),
        size: r.get(5)?,
        source: r.get(6)?,
    })
}

/// One visible snapshot as the rules read it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SnapshotRow {
    pub id: i64,
    pub channel_id: i64,
    pub measure: AudienceMeasure,
    pub at_ms: i64,
    pub size: i64,
}

/// The most sizes one page of the list holds.
pub const MAX_PAGE: i64 = 500;

fn valid_size(size: i64) -> Result<()> {
    if (0..=MAX_AUDIENCE_SIZE).contains(&size) {
        return Ok(());
    }
    Err(Error::invalid(
        "size",
        "size_invalid",
        format!("an audience size is a whole number from 0 to {MAX_AUDIENCE_SIZE}, not {size}"),
    ))
}

/// The measure a channel counts when the user does not say: subscribers for a newsletter,
/// connections for anything else.
pub fn default_measure(kind: ChannelKind) -> AudienceMeasure {
    match kind {
        ChannelKind::Newsletter => AudienceMeasure::Subscribers,
        _ => AudienceMeasure::Connections,
    }
}

impl Store {
    /// Records a channel's audience size at a moment (local time, not more than a day ahead).
    pub fn add_audience_snapshot<Tz: TimeZone>(
        &self,
        input: &AudienceSnapshotInput,
        now_ms: i64,
        tz: &Tz,
    ) -> Result<AudienceSnapshot> {
        valid_size(input.size)?;
        let at_ms = moment("at", &input.at, now_ms, tz)?;
        self.write(|tx| {
            let channel = channel_by_id(tx, input.channel_id).map_err(|e| match e {
                Error::NotFound { id, .. } => Error::invalid(
                    "channel_id",
                    "channel_unknown",
                    format!("channel {id} does not exist"),
                ),
                other => other,
            })?;
            let measure = input
                .measure
                .unwrap_or_else(|| default_measure(channel.kind));
            tx.execute(
                "INSERT INTO audience_snapshots (channel_id, measure, at_ms, size, created_at_ms)
                 VALUES (?1, ?2, ?3, ?4, ?5)",
                params![channel.id, measure, at_ms, input.size, now_ms],
            )?;
            snapshot_by_id(tx, tx.last_insert_rowid())
        })
    }

    /// Corrects a size typed wrong: its moment and number (the channel and what was counted stay;
    /// a size of another channel is a new one). The same checks as adding.
    pub fn update_audience_snapshot<Tz: TimeZone>(
        &self,
        id: i64,
        edit: &AudienceSnapshotEdit,
        now_ms: i64,
        tz: &Tz,
    ) -> Result<AudienceSnapshot> {
        valid_size(edit.size)?;
        let at_ms = moment("at", &edit.at, now_ms, tz)?;
        self.write(|tx| {
            snapshot_by_id(tx, id)?;
            tx.execute(
                "UPDATE audience_snapshots SET at_ms = ?1, size = ?2 WHERE id = ?3",
                params![at_ms, edit.size, id],
            )?;
            snapshot_by_id(tx, id)
        })
    }

    /// One page of a channel's recorded sizes in one measure, newest first (`offset` rows
    /// skipped, at most `limit`, capped at [`MAX_PAGE`]), and how many there are in all. Ten
    /// years of daily sizes stay quick: the index on (channel, measure, time) gives the order.
    pub fn audience_snapshot_page(
        &self,
        channel_id: i64,
        measure: AudienceMeasure,
        offset: i64,
        limit: i64,
    ) -> Result<AudienceSnapshotPage> {
        let limit = limit.clamp(1, MAX_PAGE);
        let offset = offset.max(0);
        self.read(|c| {
            let total: i64 = c
                .prepare_cached(
                    "SELECT count(*) FROM audience_snapshots
                     WHERE channel_id = ?1 AND measure = ?2 AND deleted_at_ms IS NULL",
                )?
                .query_row(params![channel_id, measure], |r| r.get(0))?;
            let mut stmt = c.prepare_cached(&format!(
                "SELECT {COLUMNS} {FROM}
                 WHERE a.channel_id = ?1 AND a.measure = ?2 AND a.deleted_at_ms IS NULL
                 ORDER BY a.at_ms DESC, a.id DESC LIMIT ?3 OFFSET ?4"
            ))?;
            let snapshots = stmt
                .query_map(params![channel_id, measure, limit, offset], from_row)?
                .collect::<rusqlite::Result<_>>()?;
            Ok(AudienceSnapshotPage { snapshots, total })
        })
    }

    /// Hides a snapshot; [`Store::restore_audience_snapshot`] undoes it.
    pub fn delete_audience_snapshot(&self, id: i64, now_ms: i64) -> Result<()> {
        self.write(|tx| {
            snapshot_by_id(tx, id)?;
            tx.execute(
                "UPDATE audience_snapshots SET deleted_at_ms = ?1 WHERE id = ?2",
                params![now_ms, id],
            )?;
            Ok(())
        })
    }

    pub fn restore_audience_snapshot(&self, id: i64) -> Result<AudienceSnapshot> {
        self.write(|tx| {
            let changed = tx.execute(
                "UPDATE audience_snapshots SET deleted_at_ms = NULL
                 WHERE id = ?1 AND deleted_at_ms IS NOT NULL",
                [id],
            )?;
            if changed == 0 {
                return Err(Error::NotFound {
                    what: "deleted audience snapshot",
                    id,
                });
            }
            snapshot_by_id(tx, id)
        })
    }

    /// Every channel's audience over time, one series per channel and measure (channels by
    /// name, then connections, followers, subscribers), points oldest first.
    pub fn audience_series(&self) -> Result<Vec<AudienceSeries>> {
        self.read(|c| {
            let mut stmt = c.prepare_cached(&format!(
                "SELECT {COLUMNS} {FROM} WHERE a.deleted_at_ms IS NULL
                 ORDER BY c.name COLLATE NOCASE, a.channel_id, a.measure, a.at_ms, a.id"
            ))?;
            let mut rows = stmt.query([])?;
            let mut out: Vec<AudienceSeries> = Vec::new();
            while let Some(r) = rows.next()? {
                let channel_id: i64 = r.get(1)?;
                let measure: AudienceMeasure = r.get(3)?;
                let point = AudiencePoint {
                    id: r.get(0)?,
                    at: to_rfc3339(r.get(4)?),
                    size: r.get(5)?,
                    source: r.get(6)?,
                };
                match out.last_mut() {
                    Some(s) if s.channel_id == channel_id && s.measure == measure => {
                        s.points.push(point)
                    }
                    _ => out.push(AudienceSeries {
                        channel_id,
                        channel: r.get(2)?,
                        measure,
                        points: vec![point],
                    }),
                }
            }
            Ok(out)
        })
    }

    /// Every visible snapshot, by channel, measure and time: what the rules read.
    pub fn snapshot_rows(&self) -> Result<Vec<SnapshotRow>> {
        self.read(snapshot_rows)
    }
}

pub(crate) fn snapshot_rows(c: &Connection) -> Result<Vec<SnapshotRow>> {
    let mut stmt = c.prepare_cached(
        "SELECT id, channel_id, measure, at_ms, size FROM audience_snapshots
         WHERE deleted_at_ms IS NULL ORDER BY channel_id, measure, at_ms, id",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok(SnapshotRow {
            id: r.get(0)?,
            channel_id: r.get(1)?,
            measure: r.get(2)?,
            at_ms: r.get(3)?,
            size: r.get(4)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

fn snapshot_by_id(c: &Connection, id: i64) -> Result<AudienceSnapshot> {
    found(
        "audience snapshot",
        id,
        c.query_row(
            &format!("SELECT {COLUMNS} {FROM} WHERE a.id = ?1 AND a.deleted_at_ms IS NULL"),
            [id],
            from_row,
        ),
    )
}
