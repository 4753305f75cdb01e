//! Imports: bring years of history from the exports platforms give (one module per source).
//!
//! Every source follows the same shape: `parse` reads the files into [`Parsed`] rows, each with
//! the `external_id` that identifies it within its source; [`preview`] counts what would be new,
//! already present or rejected; [`apply`] writes the new rows in ONE transaction. A file with
//! a rejected row imports nothing, and importing the same file twice adds nothing (the store
//! keeps `source` + `external_id` unique).

pub mod csv_generic;
mod extras;
mod files;
pub mod linkedin;
pub mod linkedin_analytics;
pub mod linkedin_network;
pub mod mailchimp;
mod record;
mod source;
pub mod substack;
mod table;

use chrono::TimeZone;
use std::collections::{HashMap, HashSet};

pub use crate::model::CandidateKind;
pub use extras::{url_key, CandidateRow, Measure, Metric, MetricRow, PostRef, SnapshotRow};
pub use source::ImportSource;

use serde::Serialize;
use ts_rs::TS;

use crate::error::{Error, Result};
use crate::model::{ChannelKind, PostInput};
use crate::store::{self, Store};
use crate::validate::{self, ValidInquiry, ValidPost};

/// What the parsers need to know about the world.
#[derive(Debug, Clone)]
pub struct Context<Tz: TimeZone = chrono::Local> {
    pub now_ms: i64,
    /// The user's time zone, for exports that write local times (Mailchimp, the generic CSV).
    /// The app passes `chrono::Local`, which reads the system's zone database at run time (as
    /// the forms do); tests pass a named zone. Not chrono-tz in the app: its tables hold ~35,000
    /// pointers that the loader relocates at start, about 2 MB of the app's memory for good.
    pub tz: Tz,
    /// Put newsletters (Substack, Mailchimp) in this channel instead of "Newsletter".
    pub channel: Option<String>,
}

/// The rows of one import, ready for [`preview`] and [`apply`].
#[derive(Debug, Clone, Default)]
pub struct Parsed {
    /// The `source` stored with each row: "linkedin", "substack", "mailchimp" or "csv".
    pub source: &'static str,
    pub files: Vec<String>,
    pub rows: Vec<Row>,
    /// Rows left out on purpose (Substack drafts), not errors.
    pub skipped: u32,
    /// Rows that cannot be imported; any makes [`apply`] refuse the whole import.
    pub rejected: u32,
    /// What is wrong with the rejected rows (the first [`MAX_ISSUES`]).
    pub issues: Vec<ImportIssue>,
    /// Engagement numbers of posts (this import's or ones already stored).
    pub metrics: Vec<MetricRow>,
    /// Audience size over time.
    pub snapshots: Vec<SnapshotRow>,
    /// Possible inquiries, for the user to review.
    pub candidates: Vec<CandidateRow>,
}

/// Issues kept for display; a file with 10,000 bad dates does not need 10,000 messages.
pub const MAX_ISSUES: usize = 50;

#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub file: String,
    pub line: u64,
    pub external_id: String,
    pub item: Item,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Item {
    Post(PostRow),
    Inquiry(ValidInquiry),
}

/// A post or newsletter to import. Its channel is named, not numbered: it is found (ignoring
/// case) or created when the import is applied, in the same transaction.
#[derive(Debug, Clone, PartialEq)]
pub struct PostRow {
    pub channel: String,
    pub channel_kind: ChannelKind,
    /// Validated like a post typed in the form; `channel_id` is set when applied.
    pub post: ValidPost,
    /// Recipients, opens and clicks as the export states them (Mailchimp); the parser also
    /// puts them in [`Parsed::metrics`], which is what gets stored.
    pub engagement: Option<Engagement>,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Engagement {
    pub recipients: Option<u64>,
    pub unique_opens: Option<u64>,
    /// Hundredths of a percent ("27.78%" is 2778): rates stay integers like money does.
    pub open_rate_bp: Option<u32>,
    pub unique_clicks: Option<u64>,
    pub click_rate_bp: Option<u32>,
}

/// One thing wrong with an import, precise enough to fix the file: which file, line and column,
/// the value found and the format expected. `code` is stable (the UI translates by it).
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct ImportIssue {
    #[ts(type = "string")]
    pub code: &'static str,
    pub file: String,
    #[ts(type = "number | null")]
    pub line: Option<u64>,
    pub column: Option<String>,
    pub value: Option<String>,
    pub expected: Option<String>,
    /// English, complete: "Shares.csv, line 12, column Date: '2025-13-01' is not ...".
    pub message: String,
}

impl ImportIssue {
    pub(crate) fn new(code: &'static str, file: &str, line: Option<u64>) -> Self {
        ImportIssue {
            code,
            file: file.to_string(),
            line,
            column: None,
            value: None,
            expected: None,
            message: String::new(),
        }
    }
    pub(crate) fn column(mut self, column: &str) -> Self {
        self.column = Some(column.to_string());
        self
    }
    pub(crate) fn value(mut self, value: &str) -> Self {
        self.value = Some(shorten(value, 80));
        self
    }
    pub(crate) fn expected(mut self, expected: &str) -> Self {
        self.expected = Some(expected.to_string());
        self
    }
    pub(crate) fn message(mut self, message: String) -> Self {
        self.message = message;
        self
    }

    /// A bad value in a cell: the message names file, line, column, value and format.
    pub(crate) fn bad_value(
        file: &str,
        line: u64,
        column: &str,
        value: &str,
        problem: &str,
        expected: &str,
    ) -> Self {
        let issue = ImportIssue::new("import_bad_value", file, Some(line))
            .column(column)
            .value(value)
            .expected(expected);
        let message = format!(
            "{file}, line {line}, column {column}: '{}' {problem}; expected {expected}",
            issue.value.as_deref().unwrap_or("")
        );
        issue.message(message)
    }
}

impl From<ImportIssue> for Error {
    fn from(issue: ImportIssue) -> Self {
        Error::invalid("file", issue.code, issue.message)
    }
}

/// What [`preview`] shows before anything is written.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct ImportPreview {
    pub source: String,
    pub files: Vec<String>,
    pub new: u32,
    pub already_present: u32,
    pub rejected: u32,
    pub skipped: u32,
    /// Posts whose engagement numbers would be recorded or change.
    pub metric_posts: u32,
    /// Audience snapshots (days) that would be added or corrected.
    pub snapshots: u32,
    /// New possible inquiries.
    pub candidates: u32,
    /// Numbers for posts that are not here (analytics of posts never imported): left out.
    pub unmatched: u32,
    pub samples: Vec<SampleRow>,
    pub issues: Vec<ImportIssue>,
}

impl ImportPreview {
    /// True when applying would write anything at all.
    pub fn has_changes(&self) -> bool {
        self.new + self.metric_posts + self.snapshots + self.candidates > 0
    }
}

/// A row as the preview shows it.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct SampleRow {
    pub file: String,
    #[ts(type = "number")]
    pub line: u64,
    pub external_id: String,
    /// When it was published or received (epoch ms).
    #[ts(type = "number")]
    pub at_ms: i64,
    /// The post's title or the inquirer's name.
    pub title: Option<String>,
    /// The channel a post goes to; None for an inquiry.
    pub channel: Option<String>,
    pub already_present: bool,
}

/// What [`apply`] did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct ImportOutcome {
    pub added: u32,
    pub already_present: u32,
    pub skipped: u32,
    pub metric_posts: u32,
    pub snapshots: u32,
    pub candidates: u32,
    pub unmatched: u32,
}

/// How many rows the preview shows.
pub const SAMPLE_ROWS: usize = 5;

/// Counts what [`apply`] would do, writing nothing. Rows repeated within the import (an older
/// and a newer archive side by side, split files that overlap) count once.
pub fn preview(store: &Store, parsed: &Parsed) -> Result<ImportPreview> {
    store.read(|c| {
        let mut seen = HashSet::new();
        let (mut new, mut already_present) = (0u32, 0u32);
        let mut samples = Vec::new();
        let mut new_ids: HashMap<&str, i64> = HashMap::new();
        for row in &parsed.rows {
            let present = !seen.insert(row.external_id.as_str()) || exists(c, parsed.source, row)?;
            if present {
                already_present += 1;
            } else {
                new += 1;
                if matches!(row.item, Item::Post(_)) {
                    // No id yet: a stand-in that no stored post has.
                    new_ids.insert(row.external_id.as_str(), -(new as i64));
                }
            }
            if samples.len() < SAMPLE_ROWS {
                samples.push(sample(row, present));
            }
        }
        let extras = record::record_extras(c, parsed, &new_ids, None)?;
        Ok(ImportPreview {
            source: parsed.source.to_string(),
            files: parsed.files.clone(),
            new,
            already_present,
            rejected: parsed.rejected,
            skipped: parsed.skipped,
            metric_posts: extras.metric_posts,
            snapshots: extras.snapshots,
            candidates: extras.candidates,
            unmatched: extras.unmatched,
            samples,
            issues: parsed.issues.clone(),
        })
    })
}

/// Writes the new rows in one transaction: on any error nothing is imported. Refuses an import
/// with rejected rows, naming the first problem.
pub fn apply(store: &Store, parsed: &Parsed, now_ms: i64) -> Result<ImportOutcome> {
    if let Some(first) = parsed.issues.first() {
        let mut error = first.clone();
        if parsed.rejected > 1 {
            error.message = format!(
                "{} (and {} more rows with problems); nothing was imported",
                error.message,
                parsed.rejected - 1
            );
        } else {
            error.message = format!("{}; nothing was imported", error.message);
        }
        return Err(error.into());
    }
    store.write(|tx| {
        let mut seen = HashSet::new();
        let mut channels: Vec<(String, i64)> = Vec::new();
        let (mut added, mut already_present) = (0u32, 0u32);
        let mut new_ids: HashMap<&str, i64> = HashMap::new();
        for row in &parsed.rows {
            if !seen.insert(row.external_id.as_str()) || exists(tx, parsed.source, row)? {
                already_present += 1;
                continue;
            }
            match &row.item {
                Item::Post(p) => {
                    let key = p.channel.to_lowercase();
                    let channel_id = match channels.iter().find(|(k, _)| *k == key) {
                        Some((_, id)) => *id,
                        None => {
                            let id =
                                store::import_channel(tx, &p.channel, p.channel_kind, now_ms)?.id;
                            channels.push((key, id));
                            id
                        }
                    };
                    let post = ValidPost {
                        channel_id,
                        ..p.post.clone()
                    };
                    let id =
                        store::import_post(tx, &post, parsed.source, &row.external_id, now_ms)?;
                    new_ids.insert(row.external_id.as_str(), id);
                }
                Item::Inquiry(i) => {
                    store::import_inquiry(tx, i, parsed.source, &row.external_id, now_ms)?;
                }
            }
            added += 1;
        }
        let extras = record::record_extras(tx, parsed, &new_ids, Some(now_ms))?;
        Ok(ImportOutcome {
            added,
            already_present,
            skipped: parsed.skipped,
            metric_posts: extras.metric_posts,
            snapshots: extras.snapshots,
            candidates: extras.candidates,
            unmatched: extras.unmatched,
        })
    })
}

fn exists(c: &rusqlite::Connection, source: &str, row: &Row) -> Result<bool> {
    match row.item {
        Item::Post(_) => store::post_exists(c, source, &row.external_id),
        Item::Inquiry(_) => store::inquiry_exists(c, source, &row.external_id),
    }
}

fn sample(row: &Row, already_present: bool) -> SampleRow {
    let (at_ms, title, channel) = match &row.item {
        Item::Post(p) => (
            p.post.published_at_ms,
            p.post.title.clone(),
            Some(p.channel.clone()),
        ),
        Item::Inquiry(i) => (i.received_at_ms, Some(i.name.clone()), None),
    };
    SampleRow {
        file: row.file.clone(),
        line: row.line,
        external_id: row.external_id.clone(),
        at_ms,
        title,
        channel,
        already_present,
    }
}

impl Parsed {
    pub(crate) fn new(source: &'static str) -> Self {
        Parsed {
            source,
            ..Default::default()
        }
    }

    pub(crate) fn reject(&mut self, issue: ImportIssue) {
        self.rejected += 1;
        if self.issues.len() < MAX_ISSUES {
            self.issues.push(issue);
        }
    }

    /// Appends another file's rows (LinkedIn's Shares_1.csv, Shares_2.csv...).
    pub(crate) fn extend(&mut self, other: Parsed) {
        self.files.extend(other.files);
        self.rows.extend(other.rows);
        self.metrics.extend(other.metrics);
        self.snapshots.extend(other.snapshots);
        self.candidates.extend(other.candidates);
        self.skipped += other.skipped;
        self.rejected += other.rejected;
        let room = MAX_ISSUES.saturating_sub(self.issues.len());
        self.issues.extend(other.issues.into_iter().take(room));
    }
}

/// Validates a post with the same rules as the form. A refused field becomes an issue naming
/// the file's own column (`column_of` maps the form's field name to it) and its value.
pub(crate) fn validate_post<Tz: TimeZone>(
    input: &PostInput,
    ctx: &Context<Tz>,
    at: (&str, u64),
    column_of: impl Fn(&str) -> (&'static str, String),
) -> std::result::Result<ValidPost, Box<ImportIssue>> {
    validate::post(input, ctx.now_ms, &ctx.tz).map_err(|e| Box::new(field_issue(e, at, column_of)))
}

/// The validator's error as an import issue in the file's terms.
pub(crate) fn field_issue(
    e: Error,
    (file, line): (&str, u64),
    column_of: impl Fn(&str) -> (&'static str, String),
) -> ImportIssue {
    let field = e.field().unwrap_or("");
    let (column, value) = column_of(field);
    let message = format!(
        "{file}, line {line}, column {column}: '{}': {e}",
        shorten(&value, 80)
    );
    ImportIssue::new("import_bad_value", file, Some(line))
        .column(column)
        .value(&value)
        .expected(&e.to_string())
        .message(message)
}

/// At most `max` characters, cut on a character boundary, with an ellipsis when cut.
pub(crate) fn shorten(s: &str, max: usize) -> String {
    match s.char_indices().nth(max) {
        None => s.to_string(),
        Some((cut, _)) => format!("{}…", s[..cut].trim_end()),
    }
}
