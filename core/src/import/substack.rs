//! Substack's export (.zip or unpacked folder):
//! - `posts.csv` -> newsletters. Published posts only; drafts are skipped and counted. Each is
//!   keyed on Substack's post_id.
//! - `posts/<post_id>.delivers.csv` and `posts/<post_id>.opens.csv` -> the newsletter's
//!   recipients and opens: the number of different email addresses in each (an address that
//!   opened three times is one open).
//! - `email_list.<publication>.csv` -> subscribers over time on the newsletter channel: for each
//!   day someone subscribed (created_at, in the user's time zone), how many of the people on the
//!   list had subscribed by the end of it. The list holds only the people still on it, so the
//!   history is of today's subscribers (those who left are not in the export to count).

use std::collections::HashSet;
use std::path::Path;

use chrono::{DateTime, NaiveDateTime, TimeZone};

use super::extras::{daily_totals, local_day};
use super::files::{self, base_name, InputFile};
use super::table::{self, Spec};
use super::{
    shorten, validate_post, Context, ImportIssue, Item, Measure, Metric, MetricRow, Parsed,
    PostRef, PostRow, Row, SnapshotRow,
};
use crate::error::Result;
use crate::model::{ChannelKind, PostInput, PostKind};
use crate::time::to_rfc3339;

pub const SOURCE: &str = "substack";
/// The channel newsletters go to unless [`Context::channel`] names another.
pub const CHANNEL: &str = "Newsletter";

const POSTS: Spec = Spec {
    what: "Substack's posts.csv",
    required: &["post_id", "post_date", "is_published"],
    header: "post_id,post_date,is_published,email_sent_at,inbox_sent_at,type,audience,title,\
             subtitle,podcast_url",
};

const DELIVERS: Spec = Spec {
    what: "a Substack delivers file (posts/<id>.delivers.csv)",
    required: &["email"],
    header: "email,post_id,timestamp",
};

const OPENS: Spec = Spec {
    what: "a Substack opens file (posts/<id>.opens.csv)",
    required: &["email"],
    header: "email,post_id,post_type,timestamp,...",
};

const EMAIL_LIST: Spec = Spec {
    what: "a Substack subscriber list (email_list.<publication>.csv)",
    required: &["email", "created_at"],
    header: "email,active_subscription,expiry,plan,email_disabled,created_at,...",
};

const DATE_EXPECTED: &str = "a date and time like 2024-03-05T08:00:00.000Z";

/// Which file of the export a name is.
#[derive(Debug, PartialEq)]
enum Kind<'a> {
    Posts,
    Delivers(&'a str),
    Opens(&'a str),
    EmailList(&'a str),
}

fn kind_of(name: &str) -> Option<Kind<'_>> {
    let base = base_name(name);
    let lower = base.to_ascii_lowercase();
    if lower == "posts.csv" {
        return Some(Kind::Posts);
    }
    let stem_len = |suffix: &str| {
        lower
            .strip_suffix(suffix)
            .filter(|s| !s.is_empty())
            .map(str::len)
    };
    if let Some(n) = stem_len(".delivers.csv") {
        return Some(Kind::Delivers(&base[..n]));
    }
    if let Some(n) = stem_len(".opens.csv") {
        return Some(Kind::Opens(&base[..n]));
    }
    if lower.starts_with("email_list") && lower.ends_with(".csv") {
        let publication = base[..base.len() - 4]
            .get("email_list".len()..)
            .unwrap_or("")
            .trim_start_matches(['.', '_', '-']);
        return Some(Kind::EmailList(publication));
    }
    None
}

/// Reads a Substack export (.zip, folder or one of its CSV files): newsletters, their
/// recipients and opens, and the subscriber list.
pub fn parse<Tz: TimeZone>(path: &Path, ctx: &Context<Tz>) -> Result<Parsed> {
    let inputs = files::collect(path, |n| kind_of(n).is_some(), "posts.csv")?;
    let mut parsed = Parsed::new(SOURCE);
    for InputFile { name, bytes } in inputs {
        let next = match kind_of(&name) {
            Some(Kind::Delivers(id)) => {
                parse_engagement_csv(&name, &bytes, id, Metric::Recipients)?
            }
            Some(Kind::Opens(id)) => parse_engagement_csv(&name, &bytes, id, Metric::Opens)?,
            Some(Kind::EmailList(publication)) => {
                parse_email_list_csv(&name, &bytes, publication, ctx)?
            }
            // posts.csv, or a file given alone under another name: its header tells.
            Some(Kind::Posts) | None => parse_posts_csv(&name, &bytes, ctx)?,
        };
        parsed.extend(next);
    }
    Ok(parsed)
}

/// Reads `posts/<post_id>.delivers.csv` (metric recipients) or `.opens.csv` (metric opens): the
/// number of different addresses in it, for the newsletter `post_id`.
pub fn parse_engagement_csv(
    file: &str,
    bytes: &[u8],
    post_id: &str,
    metric: Metric,
) -> Result<Parsed> {
    let spec = if metric == Metric::Opens {
        &OPENS
    } else {
        &DELIVERS
    };
    let table = table::read(file, bytes, spec)?;
    let mut parsed = Parsed::new(SOURCE);
    parsed.files.push(file.to_string());
    let emails: HashSet<String> = table
        .records
        .iter()
        .map(|r| table.get(r, "email").to_lowercase())
        .filter(|e| !e.is_empty())
        .collect();
    parsed.metrics.push(MetricRow {
        file: file.to_string(),
        post: PostRef::External(post_id.to_string()),
        metric,
        value: emails.len() as u64,
    });
    Ok(parsed)
}

/// Reads `email_list.<publication>.csv` into subscriber counts by day.
pub fn parse_email_list_csv<Tz: TimeZone>(
    file: &str,
    bytes: &[u8],
    publication: &str,
    ctx: &Context<Tz>,
) -> Result<Parsed> {
    let table = table::read(file, bytes, &EMAIL_LIST)?;
    let mut parsed = Parsed::new(SOURCE);
    parsed.files.push(file.to_string());
    let mut seen = HashSet::new();
    let mut joined = Vec::new();
    for record in &table.records {
        let email = table.get(record, "email").to_lowercase();
        let created = table.get(record, "created_at");
        if email.is_empty() && created.is_empty() {
            continue;
        }
        let Some(at_ms) = parse_date(created) else {
            parsed.reject(ImportIssue::bad_value(
                file,
                record.line,
                "created_at",
                created,
                "is not a date and time",
                DATE_EXPECTED,
            ));
            continue;
        };
        if seen.insert(email) {
            joined.push((local_day(at_ms, &ctx.tz), 1));
        }
    }
    let channel = ctx.channel.clone().unwrap_or_else(|| CHANNEL.to_string());
    let totals = daily_totals(joined, 0, &ctx.tz);
    let as_of_ms = totals.last().map_or(0, |t| t.1);
    let publication = if publication.is_empty() {
        "list"
    } else {
        publication
    };
    for (day, at_ms, size) in totals {
        parsed.snapshots.push(SnapshotRow {
            file: file.to_string(),
            channel: channel.clone(),
            channel_kind: ChannelKind::Newsletter,
            measure: Measure::Subscribers,
            external_id: format!("subscribers:{publication}:{day}"),
            at_ms,
            size,
            as_of_ms,
        });
    }
    Ok(parsed)
}

/// Reads one posts.csv given as bytes; `file` names it in messages.
pub fn parse_posts_csv<Tz: TimeZone>(
    file: &str,
    bytes: &[u8],
    ctx: &Context<Tz>,
) -> Result<Parsed> {
    let table = table::read(file, bytes, &POSTS)?;
    let channel = ctx.channel.clone().unwrap_or_else(|| CHANNEL.to_string());
    let mut parsed = Parsed::new(SOURCE);
    parsed.files.push(file.to_string());
    for record in &table.records {
        let line = record.line;
        let id = table.get(record, "post_id");
        if id.is_empty() && table.get(record, "post_date").is_empty() {
            continue;
        }
        let published = table.get(record, "is_published");
        match published.to_ascii_lowercase().as_str() {
            "true" => {}
            "false" | "" => {
                parsed.skipped += 1;
                continue;
            }
            _ => {
                parsed.reject(ImportIssue::bad_value(
                    file,
                    line,
                    "is_published",
                    published,
                    "is not true or false",
                    "true or false",
                ));
                continue;
            }
        }
        if id.is_empty() {
            parsed.reject(ImportIssue::bad_value(
                file,
                line,
                "post_id",
                id,
                "is empty",
                "Substack's id of the post, like 123456.my-post",
            ));
            continue;
        }
        // The moment it reached inboxes when it was emailed, else when it was published.
        let (column, date) = match table.get(record, "email_sent_at") {
            "" => ("post_date", table.get(record, "post_date")),
            sent => ("email_sent_at", sent),
        };
        let Some(at_ms) = parse_date(date) else {
            parsed.reject(ImportIssue::bad_value(
                file,
                line,
                column,
                date,
                "is not a date and time",
                DATE_EXPECTED,
            ));
            continue;
        };
        let title = match table.get(record, "title") {
            "" => format!("Untitled newsletter ({id})"),
            t => t.to_string(),
        };
        let subtitle = table.get(record, "subtitle");
        let input = PostInput {
            kind: Some(PostKind::Newsletter),
            published_at: to_rfc3339(at_ms),
            title: Some(title.clone()),
            text: Some(subtitle.to_string()),
            ..Default::default()
        };
        let column_of = |field: &str| match field {
            "published_at" => (column, date.to_string()),
            "text" => ("subtitle", shorten(subtitle, 80)),
            _ => ("title", shorten(&title, 80)),
        };
        match validate_post(&input, ctx, (file, line), column_of) {
            Ok(post) => parsed.rows.push(Row {
                file: file.to_string(),
                line,
                external_id: id.to_string(),
                item: Item::Post(PostRow {
                    channel: channel.clone(),
                    channel_kind: ChannelKind::Newsletter,
                    post,
                    engagement: None,
                }),
            }),
            Err(issue) => parsed.reject(*issue),
        }
    }
    Ok(parsed)
}

/// Substack writes ISO 8601 in UTC ("2024-03-05T08:00:00.000Z"); older exports leave out the
/// zone or the 'T'. Without a zone the time is UTC.
fn parse_date(s: &str) -> Option<i64> {
    if let Ok(t) = DateTime::parse_from_rfc3339(s) {
        return Some(t.timestamp_millis());
    }
    ["%Y-%m-%dT%H:%M:%S%.f", "%Y-%m-%d %H:%M:%S%.f"]
        .iter()
        .find_map(|f| NaiveDateTime::parse_from_str(s, f).ok())
        .map(|t| t.and_utc().timestamp_millis())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_are_told_apart_by_name() {
        assert_eq!(kind_of("posts.csv"), Some(Kind::Posts));
        assert_eq!(
            kind_of("export/posts/140001.rust.opens.csv"),
            Some(Kind::Opens("140001.rust"))
        );
        assert_eq!(
            kind_of("posts/140001.rust.delivers.csv"),
            Some(Kind::Delivers("140001.rust"))
        );
        assert_eq!(
            kind_of("email_list.mijnbrief.csv"),
            Some(Kind::EmailList("mijnbrief"))
        );
        assert_eq!(kind_of("email_list.csv"), Some(Kind::EmailList("")));
        assert_eq!(kind_of(".opens.csv"), None);
        assert_eq!(kind_of("notes.txt"), None);
    }

    #[test]
    fn dates() {
        assert_eq!(
            parse_date("2024-03-05T08:00:00.000Z"),
            Some(1_709_625_600_000)
        );
        assert_eq!(parse_date("2024-03-05 08:00:00"), Some(1_709_625_600_000));
        assert_eq!(parse_date("5 March"), None);
    }
}
