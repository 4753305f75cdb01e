//! The generic CSV, for history kept in a spreadsheet: one file of posts or one of inquiries,
//! with the documented headers below (any column order; only the first two are required).
//! Values follow the same rules as the forms (core/src/validate.rs); times are local, like
//! "2024-03-05 09:30".
//!
//! Posts: `published_at,channel,kind,title,text,url,felt,motive,minutes,external_id`
//! Inquiries: `received_at,name,organisation,via,their_words,status,value,currency,notes,external_id`
//!
//! `external_id` makes re-importing an edited file safe; when it is empty, the row's own time
//! and title (or name) stand in for it, so importing the same file twice still adds nothing.

use chrono::TimeZone;
use std::path::Path;
use std::str::FromStr;

use super::files;
use super::table::{self, Record, Spec, Table};
use super::{field_issue, validate_post, Context, ImportIssue, Item, Parsed, PostRow, Row};
use crate::error::Result;
use crate::model::{ChannelKind, InquiryInput, InquiryStatus, PostInput, Via};
use crate::validate;

pub const SOURCE: &str = "csv";

pub const POSTS_HEADER: &str =
    "published_at,channel,kind,title,text,url,felt,motive,minutes,external_id";
pub const INQUIRIES_HEADER: &str =
    "received_at,name,organisation,via,their_words,status,value,currency,notes,external_id";

const POSTS: Spec = Spec {
    what: "an Afterword posts CSV",
    required: &["published_at", "channel"],
    header: POSTS_HEADER,
};
const INQUIRIES: Spec = Spec {
    what: "an Afterword inquiries CSV",
    required: &["received_at", "name"],
    header: INQUIRIES_HEADER,
};

/// A posts CSV the user can save and fill in: the header and two example rows.
pub fn posts_template() -> String {
    format!(
        "{POSTS_HEADER}\n\
         2024-03-05 09:30,LinkedIn,post,Why I stopped posting three times a week,\"The first line.\n\
         The rest of the text, over more lines if you like.\",https://www.linkedin.com/feed/update/urn:li:share:1/,energising,wanted,45,\n\
         2024-03-12 07:00,Newsletter,newsletter,Een brief over rust,,,neutral,planned,90,\n"
    )
}

/// An inquiries CSV the user can save and fill in: the header and one example row.
pub fn inquiries_template() -> String {
    format!(
        "{INQUIRIES_HEADER}\n\
         2024-03-20 14:00,Anna de Vries,Studio Noord,linkedin_message,\"Your post about rest spoke to me\",client,\"1500,00\",EUR,Six sessions,\n"
    )
}

/// Reads a posts CSV (a file, or a folder or .zip holding one).
pub fn parse_posts<Tz: TimeZone>(path: &Path, ctx: &Context<Tz>) -> Result<Parsed> {
    parse_with(path, ctx, parse_posts_csv)
}

/// Reads an inquiries CSV (a file, or a folder or .zip holding one).
pub fn parse_inquiries<Tz: TimeZone>(path: &Path, ctx: &Context<Tz>) -> Result<Parsed> {
    parse_with(path, ctx, parse_inquiries_csv)
}

fn parse_with<Tz: TimeZone>(
    path: &Path,
    ctx: &Context<Tz>,
    each: fn(&str, &[u8], &Context<Tz>) -> Result<Parsed>,
) -> Result<Parsed> {
    let is_csv = |n: &str| n.to_ascii_lowercase().ends_with(".csv");
    let mut parsed = Parsed::new(SOURCE);
    for input in files::collect(path, is_csv, "CSV file")? {
        parsed.extend(each(&input.name, &input.bytes, ctx)?);
    }
    Ok(parsed)
}

/// Reads one posts CSV given as bytes; `file` names it in messages.
pub fn parse_posts_csv<Tz: TimeZone>(
    file: &str,
    bytes: &[u8],
    ctx: &Context<Tz>,
) -> Result<Parsed> {
    let table = table::read(file, bytes, &POSTS)?;
    let mut parsed = Parsed::new(SOURCE);
    parsed.files.push(file.to_string());
    for record in &table.records {
        if record.is_blank() {
            continue;
        }
        match post_row(&table, record, ctx) {
            Ok(row) => parsed.rows.push(row),
            Err(issue) => parsed.reject(*issue),
        }
    }
    Ok(parsed)
}

fn post_row<Tz: TimeZone>(
    table: &Table,
    record: &Record,
    ctx: &Context<Tz>,
) -> std::result::Result<Row, Box<ImportIssue>> {
    let (file, line) = (table.file.as_str(), record.line);
    let get = |c: &str| table.get(record, c);
    let channel = get("channel");
    if channel.is_empty() {
        let expected = "a channel name such as LinkedIn or Newsletter";
        return Err(
            ImportIssue::bad_value(file, line, "channel", channel, "is empty", expected).into(),
        );
    }
    let input = PostInput {
        channel_id: 0, // found or created by name when applied
        kind: word(table, record, "kind")?,
        published_at: get("published_at").to_string(),
        title: Some(table.text(record, "title")),
        text: Some(table.text(record, "text")),
        url: Some(get("url").to_string()),
        felt: word(table, record, "felt")?,
        motive: word(table, record, "motive")?,
        minutes: match get("minutes") {
            "" => None,
            m => Some(m.parse().map_err(|_| {
                ImportIssue::bad_value(
                    file,
                    line,
                    "minutes",
                    m,
                    "is not a number",
                    "whole minutes, like 45",
                )
            })?),
        },
    };
    let column_of = |field: &str| {
        let column = match field {
            "published_at" => "published_at",
            "text" => "text",
            "url" => "url",
            "minutes" => "minutes",
            _ => "title",
        };
        (column, get(column).to_string())
    };
    let post = validate_post(&input, ctx, (file, line), column_of)?;
    let external_id = match get("external_id") {
        "" => format!(
            "{}|{}|{}",
            post.published_at_ms,
            channel.to_lowercase(),
            post.title.as_deref().or(post.text.as_deref()).unwrap_or("")
        ),
        id => id.to_string(),
    };
    Ok(Row {
        file: file.to_string(),
        line,
        external_id,
        item: Item::Post(PostRow {
            channel: channel.to_string(),
            channel_kind: kind_for(channel),
            post,
            engagement: None,
        }),
    })
}

/// Reads one inquiries CSV given as bytes; `file` names it in messages.
pub fn parse_inquiries_csv<Tz: TimeZone>(
    file: &str,
    bytes: &[u8],
    ctx: &Context<Tz>,
) -> Result<Parsed> {
    let table = table::read(file, bytes, &INQUIRIES)?;
    let mut parsed = Parsed::new(SOURCE);
    parsed.files.push(file.to_string());
    for record in &table.records {
        if record.is_blank() {
            continue;
        }
        match inquiry_row(&table, record, ctx) {
            Ok(row) => parsed.rows.push(row),
            Err(issue) => parsed.reject(*issue),
        }
    }
    Ok(parsed)
}

fn inquiry_row<Tz: TimeZone>(
    table: &Table,
    record: &Record,
    ctx: &Context<Tz>,
) -> std::result::Result<Row, Box<ImportIssue>> {
    let (file, line) = (table.file.as_str(), record.line);
    let get = |c: &str| table.get(record, c);
    let input = InquiryInput {
        received_at: get("received_at").to_string(),
        name: get("name").to_string(),
        organisation: Some(get("organisation").to_string()),
        via: word(table, record, "via")?.unwrap_or(Via::Other),
        their_words: Some(table.text(record, "their_words")),
        source_post_id: None,
        not_from_posts: false,
        status: word(table, record, "status")?.unwrap_or(InquiryStatus::New),
        value: Some(get("value").to_string()),
        currency: Some(get("currency").to_string()),
        notes: Some(table.text(record, "notes")),
    };
    let column_of = |field: &str| {
        let column = match field {
            "received_at" | "name" | "organisation" | "their_words" | "value" | "currency"
            | "notes" => field,
            _ => "name",
        };
        let column: &'static str = INQUIRIES_HEADER
            .split(',')
            .find(|c| *c == column)
            .unwrap_or("name");
        (column, get(column).to_string())
    };
    let inquiry = validate::inquiry(&input, ctx.now_ms, &ctx.tz)
        .map_err(|e| Box::new(field_issue(e, (file, line), column_of)))?;
    let external_id = match get("external_id") {
        "" => format!("{}|{}", inquiry.received_at_ms, inquiry.name.to_lowercase()),
        id => id.to_string(),
    };
    Ok(Row {
        file: file.to_string(),
        line,
        external_id,
        item: Item::Inquiry(inquiry),
    })
}

/// A word column (kind, felt, motive, via, status): empty is None, else one of the known words.
fn word<T: FromStr<Err = String>>(
    table: &Table,
    record: &Record,
    column: &'static str,
) -> std::result::Result<Option<T>, Box<ImportIssue>> {
    match table.get(record, column) {
        "" => Ok(None),
        v => v.parse().map(Some).map_err(|e: String| {
            let choices = e.split_once(": ").map_or(e.as_str(), |(_, c)| c);
            Box::new(ImportIssue::bad_value(
                &table.file,
                record.line,
                column,
                v,
                "is not a known word",
                &format!("one of: {choices}"),
            ))
        }),
    }
}

/// The kind of a channel the import creates, guessed from its name.
fn kind_for(name: &str) -> ChannelKind {
    let lower = name.trim().to_lowercase();
    if let Ok(kind) = lower.parse() {
        return kind;
    }
    if ["newsletter", "substack", "mailchimp", "nieuwsbrief"]
        .iter()
        .any(|w| lower.contains(w))
    {
        ChannelKind::Newsletter
    } else {
        ChannelKind::Other
    }
}
