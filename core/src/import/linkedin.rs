//! LinkedIn's data archive ("Get a copy of your data"): `Shares.csv` -> posts on the LinkedIn
//! channel. Accepts the .zip, the unpacked folder or one CSV; a long history comes split as
//! `Shares_1.csv`, `Shares_2.csv`... Each share is keyed on its ShareLink, so an older and a
//! newer archive that overlap merge cleanly. The archive's Connections.csv, Invitations.csv and
//! messages.csv are read too (see `linkedin_network`).

use std::path::Path;

use chrono::{NaiveDateTime, TimeZone};

use super::files::{self, InputFile};
use super::linkedin_network;
use super::table::{self, Spec};
use super::{shorten, validate_post, Context, ImportIssue, Item, Parsed, PostRow, Row};
use crate::error::Result;
use crate::model::{ChannelKind, PostInput};
use crate::time::to_rfc3339;

pub const SOURCE: &str = "linkedin";
/// The channel imported shares go to (found ignoring case, created when missing).
pub const CHANNEL: &str = "LinkedIn";

const SHARES: Spec = Spec {
    what: "LinkedIn's Shares.csv",
    required: &["Date", "ShareLink", "ShareCommentary"],
    header: "Date,ShareLink,ShareCommentary,SharedUrl,MediaUrl,Visibility",
};

/// LinkedIn writes UTC times without a zone: "2025-11-19 09:59:30".
const DATE_FORMAT: &str = "%Y-%m-%d %H:%M:%S";
const DATE_EXPECTED: &str = "a UTC date and time like 2025-11-19 09:59:30";
/// Titles are the first line of the commentary, cut to this many characters.
const TITLE_CHARS: usize = 120;

/// Shares.csv, Shares_1.csv, Shares_2.csv... (any case).
fn is_shares(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    let Some(stem) = lower.strip_suffix(".csv") else {
        return false;
    };
    stem == "shares"
        || stem
            .strip_prefix("shares_")
            .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
}

/// Which file of the archive a name is.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Kind {
    Shares,
    Connections,
    Invitations,
    Messages,
}

fn kind_of(name: &str) -> Option<Kind> {
    let base = files::base_name(name);
    if is_shares(base) {
        Some(Kind::Shares)
    } else if base.eq_ignore_ascii_case("Connections.csv") {
        Some(Kind::Connections)
    } else if base.eq_ignore_ascii_case("Invitations.csv") {
        Some(Kind::Invitations)
    } else if base.eq_ignore_ascii_case("messages.csv") {
        Some(Kind::Messages)
    } else {
        None
    }
}

/// Reads an archive (a .zip, an unpacked folder or one CSV file of it): the shares as posts,
/// Connections.csv as the connection count over time, Invitations.csv and messages.csv as
/// possible inquiries (see [`super::linkedin_network`]).
pub fn parse<Tz: TimeZone>(path: &Path, ctx: &Context<Tz>) -> Result<Parsed> {
    let inputs = files::collect(
        path,
        |n| kind_of(n).is_some(),
        "Shares.csv (nor Connections.csv, Invitations.csv or messages.csv)",
    )?;
    let mut parsed = Parsed::new(SOURCE);
    for InputFile { name, bytes } in inputs {
        let next = match kind_of(&name) {
            Some(Kind::Connections) => linkedin_network::parse_connections_csv(&name, &bytes, ctx)?,
            Some(Kind::Invitations) => linkedin_network::parse_invitations_csv(&name, &bytes, ctx)?,
            Some(Kind::Messages) => linkedin_network::parse_messages_csv(&name, &bytes, ctx)?,
            // Shares.csv, or a file given alone under another name: its header tells.
            Some(Kind::Shares) | None => parse_shares_csv(&name, &bytes, ctx)?,
        };
        parsed.extend(next);
    }
    Ok(parsed)
}

/// Reads one Shares.csv given as bytes; `file` names it in messages.
pub fn parse_shares_csv<Tz: TimeZone>(
    file: &str,
    bytes: &[u8],
    ctx: &Context<Tz>,
) -> Result<Parsed> {
    let table = table::read(file, bytes, &SHARES)?;
    let mut parsed = Parsed::new(SOURCE);
    parsed.files.push(file.to_string());
    for record in &table.records {
        let line = record.line;
        let date = table.get(record, "Date");
        let link = table.get(record, "ShareLink");
        let text = table.text(record, "ShareCommentary");
        if date.is_empty() && link.is_empty() && text.is_empty() {
            continue; // a blank line at the end
        }
        let Ok(at) = NaiveDateTime::parse_from_str(date, DATE_FORMAT) else {
            parsed.reject(ImportIssue::bad_value(
                file,
                line,
                "Date",
                date,
                "is not a date and time",
                DATE_EXPECTED,
            ));
            continue;
        };
        if link.is_empty() {
            parsed.reject(ImportIssue::bad_value(
                file,
                line,
                "ShareLink",
                link,
                "is empty",
                "the share's link, like https://www.linkedin.com/feed/update/urn:li:share:…",
            ));
            continue;
        }
        let input = PostInput {
            published_at: to_rfc3339(at.and_utc().timestamp_millis()),
            title: Some(title_of(&text, table.get(record, "SharedUrl"))),
            text: Some(text.clone()),
            url: Some(link.to_string()),
            ..Default::default()
        };
        let column_of = |field: &str| match field {
            "published_at" => ("Date", date.to_string()),
            "url" => ("ShareLink", link.to_string()),
            _ => ("ShareCommentary", shorten(&text, 80)),
        };
        match validate_post(&input, ctx, (file, line), column_of) {
            Ok(post) => parsed.rows.push(Row {
                file: file.to_string(),
                line,
                external_id: link.to_string(),
                item: Item::Post(PostRow {
                    channel: CHANNEL.to_string(),
                    channel_kind: ChannelKind::Linkedin,
                    post,
                    engagement: None,
                }),
            }),
            Err(issue) => parsed.reject(*issue),
        }
    }
    Ok(parsed)
}

/// The first non-empty line of the commentary, cut to [`TITLE_CHARS`]. A reshare without words
/// is titled by what it shared, so the list still tells posts apart.
fn title_of(text: &str, shared_url: &str) -> String {
    match text.lines().map(str::trim).find(|l| !l.is_empty()) {
        Some(first) => shorten(first, TITLE_CHARS),
        None if !shared_url.is_empty() => shorten(&format!("Shared {shared_url}"), TITLE_CHARS),
        None => "Shared on LinkedIn".to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn split_files_are_recognised() {
        for name in ["Shares.csv", "shares.csv", "Shares_1.csv", "SHARES_12.CSV"] {
            assert!(is_shares(name), "{name}");
        }
        for name in [
            "Shares_.csv",
            "Shares_a.csv",
            "Connections.csv",
            "Shares.csv.bak",
        ] {
            assert!(!is_shares(name), "{name}");
        }
    }

    #[test]
    fn title_is_the_first_line() {
        assert_eq!(title_of("\n  Hallo wereld 👋\nmore", ""), "Hallo wereld 👋");
        assert_eq!(title_of("", "https://x.nl"), "Shared https://x.nl");
        assert_eq!(title_of("", ""), "Shared on LinkedIn");
        assert_eq!(
            title_of(&"é".repeat(200), "").chars().count(),
            TITLE_CHARS + 1
        );
    }
}
