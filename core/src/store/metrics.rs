//! Engagement of posts and newsletters. Every recorded value is a row (the history); the latest
//! by `recorded_at_ms`, then id, is the one shown. Recording the value a number already has adds
//! no row, so typing the same numbers twice (or re-importing) changes nothing.

use std::collections::HashMap;

use rusqlite::{params, Connection, OptionalExtension};

use super::posts::post_by_id;
use super::Store;
use crate::error::{Error, Result};
use crate::model::{Metric, MetricRecord, PostFilter, PostMetrics, PostWithMetrics};
use crate::time::to_rfc3339;

/// More than any post was ever seen: a bigger number is a typo.
pub const MAX_METRIC_VALUE: i64 = 1_000_000_000_000;

impl Store {
    /// Records some of a post's numbers (those that are `Some`) in one transaction and returns
    /// its latest numbers. A value equal to the latest adds no row. Refused without a change
    /// when any value is negative or absurd, when none is given, or when the post is unknown.
    pub fn set_post_metrics(
        &self,
        post_id: i64,
        values: &PostMetrics,
        now_ms: i64,
    ) -> Result<PostMetrics> {
        self.record_post_metrics(post_id, values, "manual", now_ms)
    }

    /// [`Store::set_post_metrics`] with the source of the numbers (an import's name).
    pub fn record_post_metrics(
        &self,
        post_id: i64,
        values: &PostMetrics,
        source: &str,
        now_ms: i64,
    ) -> Result<PostMetrics> {
        let recorded = values.recorded();
        if recorded.is_empty() {
            return Err(Error::invalid(
                "metrics",
                "metrics_empty",
                "there is no number to record; give at least one",
            ));
        }
        for &(metric, value) in &recorded {
            if !(0..=MAX_METRIC_VALUE).contains(&value) {
                return Err(Error::invalid(
                    "metrics",
                    "metric_invalid",
                    format!(
                        "{} must be a whole number from 0 to {MAX_METRIC_VALUE}, not {value}",
                        metric.as_str().replace('_', " ")
                    ),
                ));
            }
        }
        self.write(|tx| {
            post_by_id(tx, post_id)?;
            for &(metric, value) in &recorded {
                if latest_value(tx, post_id, metric)? == Some(value) {
                    continue;
                }
                tx.prepare_cached(
                    "INSERT INTO post_metrics (post_id, metric, value, recorded_at_ms, source)
                     VALUES (?1, ?2, ?3, ?4, ?5)",
                )?
                .execute(params![post_id, metric, value, now_ms, source])?;
            }
            latest_for_post(tx, post_id)
        })
    }

    /// The latest numbers of one post (all `None` when nothing was recorded).
    pub fn post_metrics(&self, post_id: i64) -> Result<PostMetrics> {
        self.read(|c| {
            post_by_id(c, post_id)?;
            latest_for_post(c, post_id)
        })
    }

    /// The latest numbers of many posts at once; posts with none are left out.
    pub fn latest_metrics(&self) -> Result<HashMap<i64, PostMetrics>> {
        self.read(latest_metrics)
    }

    /// Every value ever recorded for a post, newest first.
    pub fn metric_history(&self, post_id: i64) -> Result<Vec<MetricRecord>> {
        self.read(|c| {
            post_by_id(c, post_id)?;
            let mut stmt = c.prepare_cached(
                "SELECT metric, value, recorded_at_ms, source FROM post_metrics WHERE post_id = ?1
                 ORDER BY recorded_at_ms DESC, id DESC",
            )?;
            let rows = stmt.query_map([post_id], |r| {
                Ok(MetricRecord {
                    metric: r.get(0)?,
                    value: r.get(1)?,
                    recorded_at: to_rfc3339(r.get(2)?),
                    source: r.get(3)?,
                })
            })?;
            Ok(rows.collect::<rusqlite::Result<_>>()?)
        })
    }

    /// [`Store::list_posts`] with each post's latest numbers.
    pub fn list_posts_with_metrics(&self, filter: &PostFilter) -> Result<Vec<PostWithMetrics>> {
        let posts = self.list_posts(filter)?;
        let mut latest = self.latest_metrics()?;
        Ok(posts
            .into_iter()
            .map(|post| {
                let metrics = latest.remove(&post.id).unwrap_or_default();
                PostWithMetrics { post, metrics }
            })
            .collect())
    }
}

fn latest_value(c: &Connection, post_id: i64, metric: Metric) -> Result<Option<i64>> {
    Ok(c.prepare_cached(
        "SELECT value FROM post_metrics WHERE post_id = ?1 AND metric = ?2
         ORDER BY recorded_at_ms DESC, id DESC LIMIT 1",
    )?
    .query_row(params![post_id, metric], |r| r.get(0))
    .optional()?)
}

fn latest_for_post(c: &Connection, post_id: i64) -> Result<PostMetrics> {
    let mut out = PostMetrics::default();
    for &metric in Metric::ALL {
        out.set(metric, latest_value(c, post_id, metric)?);
    }
    Ok(out)
}

/// One pass over the table in index order: the last row of each (post, metric) is its latest.
pub(crate) fn latest_metrics(c: &Connection) -> Result<HashMap<i64, PostMetrics>> {
    let mut stmt = c.prepare_cached(
        "SELECT post_id, metric, value FROM post_metrics
         ORDER BY post_id, metric, recorded_at_ms, id",
    )?;
    let mut rows = stmt.query([])?;
    let mut out: HashMap<i64, PostMetrics> = HashMap::new();
    while let Some(r) = rows.next()? {
        let post_id: i64 = r.get(0)?;
        let metric: Metric = r.get(1)?;
        out.entry(post_id).or_default().set(metric, Some(r.get(2)?));
    }
    Ok(out)
}
