//! Substack's export (.zip or unpacked folder): `posts.csv` -> newsletters. Published posts
//! only; drafts are skipped and counted. Each is keyed on Substack's post_id.

use std::path::Path;

use chrono::{DateTime, NaiveDateTime};

use super::files::{self, InputFile};
use super::table::{self, Spec};
use super::{shorten, validate_post, Context, ImportIssue, Item, Parsed, PostRow, Row};
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

const DATE_EXPECTED: &str = "a date and time like 2024-03-05T08:00:00.000Z";

/// Reads posts.csv from a Substack export (.zip, folder or the CSV itself).
pub fn parse(path: &Path, ctx: &Context) -> Result<Parsed> {
    let inputs = files::collect(path, |n| n.eq_ignore_ascii_case("posts.csv"), "posts.csv")?;
    let mut parsed = Parsed::new(SOURCE);
    for InputFile { name, bytes } in inputs {
        parsed.extend(parse_posts_csv(&name, &bytes, ctx)?);
    }
    Ok(parsed)
}

/// Reads one posts.csv given as bytes; `file` names it in messages.
pub fn parse_posts_csv(file: &str, bytes: &[u8], ctx: &Context) -> Result<Parsed> {
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
    use super::parse_date;

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
