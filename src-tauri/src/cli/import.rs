//! `afterword import SOURCE PATH`: preview, then bring in history from a platform's export, all or
//! nothing. `--dry-run` only previews. A rejected file changes nothing and exits 2, also with
//! `--json` (which then still prints the summary, with the errors).

use std::path::PathBuf;

use afterword_core::import::{self, Context, ImportIssue, ImportSource};
use afterword_core::{Clock, Error, Result, Store, SystemClock};
use clap::{Args, ValueEnum};
use serde::Serialize;

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum Source {
    /// LinkedIn data archive: the .zip, the unpacked folder, or Shares.csv, Connections.csv,
    /// Invitations.csv or messages.csv
    Linkedin,
    /// LinkedIn creator analytics export (.xlsx): impressions and engagements, followers
    LinkedinAnalytics,
    /// Substack export: the .zip, the unpacked folder, or posts.csv
    Substack,
    /// Mailchimp campaign report (.csv)
    Mailchimp,
    /// Posts in Afterword's CSV layout (see `--template`)
    CsvPosts,
    /// Inquiries in Afterword's CSV layout (see `--template`)
    CsvInquiries,
    /// Everything from an Afterword JSON export (`export json`), into an empty database
    Json,
}

#[derive(Debug, Args)]
pub struct ImportArgs {
    /// Where the data comes from
    source: Source,
    /// The export: a file, a folder or a .zip
    #[arg(required_unless_present = "template")]
    path: Option<PathBuf>,
    /// Only show what would be imported; write nothing
    #[arg(long)]
    dry_run: bool,
    /// Print JSON: {"source", "added", "already_present", "rejected", "skipped", "errors": [...]}
    #[arg(long)]
    json: bool,
    /// Put newsletters in this channel (default: Newsletter)
    #[arg(long, value_name = "NAME")]
    channel: Option<String>,
    /// Print the CSV header and an example row for csv-posts or csv-inquiries
    #[arg(long)]
    template: bool,
}

#[derive(Debug, Serialize)]
struct Summary<'a> {
    source: &'a str,
    dry_run: bool,
    added: u32,
    already_present: u32,
    rejected: u32,
    skipped: u32,
    /// Posts whose engagement numbers were recorded or changed.
    metric_posts: u32,
    /// Audience snapshots (days) added or corrected.
    snapshots: u32,
    /// New possible inquiries (see `afterword candidates`).
    candidates: u32,
    /// Numbers for posts that are not here, left out.
    unmatched: u32,
    /// Each: {code, file, line, column, value, expected, message} (see ImportIssue).
    errors: Vec<serde_json::Value>,
}

/// What an import brings besides posts and inquiries, for the text output.
#[derive(Debug, Clone, Copy, Default)]
struct Extras {
    metric_posts: u32,
    snapshots: u32,
    candidates: u32,
    unmatched: u32,
}

impl Extras {
    fn describe(self) -> String {
        let mut parts = Vec::new();
        if self.metric_posts > 0 {
            parts.push(format!("numbers for {} posts", self.metric_posts));
        }
        if self.snapshots > 0 {
            parts.push(format!("{} audience snapshots", self.snapshots));
        }
        if self.candidates > 0 {
            parts.push(format!("{} possible inquiries", self.candidates));
        }
        if self.unmatched > 0 {
            parts.push(format!("{} posts not found here", self.unmatched));
        }
        if parts.is_empty() {
            String::new()
        } else {
            format!("; {}", parts.join(", "))
        }
    }
}

fn issues_json(issues: &[ImportIssue]) -> Vec<serde_json::Value> {
    issues
        .iter()
        .filter_map(|i| serde_json::to_value(i).ok())
        .collect()
}

impl Source {
    /// The parser of an outside export; None for Afterword's own JSON, which is not parsed into
    /// rows but loaded whole (`import_json`).
    fn outside(self) -> Option<ImportSource> {
        Some(match self {
            Source::Linkedin => ImportSource::Linkedin,
            Source::LinkedinAnalytics => ImportSource::LinkedinAnalytics,
            Source::Substack => ImportSource::Substack,
            Source::Mailchimp => ImportSource::Mailchimp,
            Source::CsvPosts => ImportSource::CsvPosts,
            Source::CsvInquiries => ImportSource::CsvInquiries,
            Source::Json => return None,
        })
    }
}

/// Runs the import and returns what to print. On failure with `--json` the summary (with the
/// errors) is printed here first; the caller prints the error and exits 2.
pub fn run(store: &Store, a: ImportArgs) -> Result<String> {
    let Some(source) = a.source.outside() else {
        return super::import_json::run(store, a.path.as_deref(), a.dry_run, a.json);
    };
    if a.template {
        return source.template().ok_or_else(|| {
            Error::invalid(
                "template",
                "template_unavailable",
                "--template is for csv-posts and csv-inquiries",
            )
        });
    }
    let Some(path) = a.path.as_deref() else {
        return Err(Error::invalid(
            "path",
            "path_required",
            "name the export to import",
        ));
    };
    let now_ms = SystemClock.now_ms();
    let ctx = Context {
        now_ms,
        tz: chrono::Local,
        channel: a.channel.clone(),
    };
    let parsed = source
        .parse(path, &ctx)
        .inspect_err(|e| print_failure(&a, e, None))?;
    let preview = import::preview(store, &parsed)?;
    let summary = |added: u32, already_present: u32, skipped: u32, extras: Extras| Summary {
        source: parsed.source,
        dry_run: a.dry_run,
        added,
        already_present,
        rejected: preview.rejected,
        skipped,
        metric_posts: extras.metric_posts,
        snapshots: extras.snapshots,
        candidates: extras.candidates,
        unmatched: extras.unmatched,
        errors: issues_json(&preview.issues),
    };
    if a.dry_run && parsed.issues.is_empty() {
        let extras = Extras {
            metric_posts: preview.metric_posts,
            snapshots: preview.snapshots,
            candidates: preview.candidates,
            unmatched: preview.unmatched,
        };
        let s = summary(0, preview.already_present, preview.skipped, extras);
        return Ok(if a.json {
            to_json(&s)
        } else {
            format!(
                "Would add {} (already present: {}, skipped: {}{}). Nothing was written.",
                preview.new,
                preview.already_present,
                preview.skipped,
                extras.describe()
            )
        });
    }
    // A file with rejected rows is refused here, naming the first problem; nothing is written.
    let outcome = import::apply(store, &parsed, now_ms).inspect_err(|e| {
        let s = summary(
            0,
            preview.already_present,
            preview.skipped,
            Extras::default(),
        );
        print_failure(&a, e, Some(&s));
    })?;
    let extras = Extras {
        metric_posts: outcome.metric_posts,
        snapshots: outcome.snapshots,
        candidates: outcome.candidates,
        unmatched: outcome.unmatched,
    };
    let s = summary(
        outcome.added,
        outcome.already_present,
        outcome.skipped,
        extras,
    );
    Ok(if a.json {
        to_json(&s)
    } else {
        format!(
            "Added {} from {} (already present: {}, skipped: {}{}).",
            outcome.added,
            parsed.files.join(", "),
            outcome.already_present,
            outcome.skipped,
            extras.describe()
        )
    })
}

/// The `source` a successful import reports for this choice.
fn source_name(source: Source) -> &'static str {
    match source {
        Source::Linkedin => "linkedin",
        Source::LinkedinAnalytics => "linkedin_analytics",
        Source::Substack => "substack",
        Source::Mailchimp => "mailchimp",
        Source::CsvPosts | Source::CsvInquiries => "csv",
        Source::Json => "json",
    }
}

fn to_json(summary: &Summary<'_>) -> String {
    serde_json::to_string_pretty(summary).unwrap_or_else(|_| "null".into())
}

/// With --json, the summary of a failed import (the error itself goes to stderr).
fn print_failure(a: &ImportArgs, e: &Error, summary: Option<&Summary<'_>>) {
    if !a.json {
        return;
    }
    let payload = serde_json::to_value(afterword_core::error::ErrorPayload::from(e)).ok();
    let text = match summary {
        Some(s) if !s.errors.is_empty() => to_json(s),
        _ => to_json(&Summary {
            source: source_name(a.source),
            dry_run: a.dry_run,
            added: 0,
            already_present: 0,
            rejected: 0,
            skipped: 0,
            metric_posts: 0,
            snapshots: 0,
            candidates: 0,
            unmatched: 0,
            errors: payload.into_iter().collect(),
        }),
    };
    // Nothing left to report a failed write to: the summary is the output.
    let _ = super::print_line(&text);
}
