//! The people side of LinkedIn's data archive, read by the `linkedin` source next to Shares.csv:
//!
//! - `Connections.csv` -> the connection count over time: for every day someone connected, how
//!   many of the archive's connections had connected by the end of it (snapshots of the measure
//!   `connections` on the LinkedIn channel, keyed by day). The archive lists only the people
//!   still connected, so the history is of today's connections. When an older and a newer
//!   archive disagree about a day, the newer one wins (see `record::snapshots`).
//! - `Invitations.csv` -> a possible inquiry for every incoming invitation with a message.
//! - `messages.csv` -> a possible inquiry for every conversation someone else started: its first
//!   message, when its sender is not the archive's owner.
//!
//! Possible inquiries are stored for the user to review; none becomes an inquiry by itself.
//! LinkedIn writes these times in UTC.

use std::collections::HashMap;

use chrono::{NaiveDate, NaiveDateTime, TimeZone};

use super::extras::daily_totals;
use super::table::{self, Record, Spec, Table};
use super::{
    shorten, CandidateKind, CandidateRow, Context, ImportIssue, Measure, Parsed, SnapshotRow,
};
use crate::error::Result;
use crate::model::ChannelKind;

use super::linkedin::{CHANNEL, SOURCE};

const CONNECTIONS: Spec = Spec {
    what: "LinkedIn's Connections.csv",
    required: &["First Name", "Last Name", "Connected On"],
    header: "First Name,Last Name,URL,Email Address,Company,Position,Connected On",
};

const INVITATIONS: Spec = Spec {
    what: "LinkedIn's Invitations.csv",
    required: &["From", "Sent At", "Message", "Direction"],
    header: "From,To,Sent At,Message,Direction,inviterProfileUrl,inviteeProfileUrl",
};

const MESSAGES: Spec = Spec {
    what: "LinkedIn's messages.csv",
    required: &["CONVERSATION ID", "FROM", "DATE", "CONTENT"],
    header: "CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,\
             DATE,SUBJECT,CONTENT,FOLDER",
};

const CONNECTED_FORMAT: &str = "%d %b %Y";
const CONNECTED_EXPECTED: &str = "a date like 12 Mar 2024";
const SENT_FORMAT: &str = "%m/%d/%y, %I:%M %p";
const SENT_EXPECTED: &str = "a date and time like 9/5/26, 1:12 AM";
const MESSAGE_FORMAT: &str = "%Y-%m-%d %H:%M:%S UTC";
const MESSAGE_EXPECTED: &str = "a date and time like 2026-08-31 21:20:46 UTC";

/// Longest possible-inquiry text kept (a message is the reason to look at it, not an archive).
const MESSAGE_CHARS: usize = 4000;

/// Reads Connections.csv given as bytes into connection counts by day.
pub fn parse_connections_csv<Tz: TimeZone>(
    file: &str,
    bytes: &[u8],
    ctx: &Context<Tz>,
) -> Result<Parsed> {
    let table = table::read(file, bytes, &CONNECTIONS)?;
    let mut parsed = Parsed::new(SOURCE);
    parsed.files.push(file.to_string());
    let mut days = Vec::new();
    for record in &table.records {
        if record.is_blank() {
            continue;
        }
        let value = table.get(record, "Connected On");
        match NaiveDate::parse_from_str(value, CONNECTED_FORMAT) {
            Ok(day) => days.push((day, 1)),
            Err(_) => parsed.reject(ImportIssue::bad_value(
                file,
                record.line,
                "Connected On",
                value,
                "is not a date",
                CONNECTED_EXPECTED,
            )),
        }
    }
    let totals = daily_totals(days, 0, &ctx.tz);
    let as_of_ms = totals.last().map_or(0, |t| t.1);
    for (day, at_ms, size) in totals {
        parsed.snapshots.push(SnapshotRow {
            file: file.to_string(),
            channel: CHANNEL.to_string(),
            channel_kind: ChannelKind::Linkedin,
            measure: Measure::Connections,
            external_id: format!("connections:{day}"),
            at_ms,
            size,
            as_of_ms,
        });
    }
    Ok(parsed)
}

/// Reads Invitations.csv given as bytes: incoming invitations with a message.
pub fn parse_invitations_csv<Tz: TimeZone>(
    file: &str,
    bytes: &[u8],
    _ctx: &Context<Tz>,
) -> Result<Parsed> {
    let table = table::read(file, bytes, &INVITATIONS)?;
    let mut parsed = Parsed::new(SOURCE);
    parsed.files.push(file.to_string());
    for record in &table.records {
        let message = table.text(record, "Message");
        if !table
            .get(record, "Direction")
            .eq_ignore_ascii_case("INCOMING")
            || message.is_empty()
        {
            continue;
        }
        let sent = table.get(record, "Sent At");
        let Some(at_ms) = utc_ms(sent, SENT_FORMAT) else {
            parsed.reject(ImportIssue::bad_value(
                file,
                record.line,
                "Sent At",
                sent,
                "is not a date and time",
                SENT_EXPECTED,
            ));
            continue;
        };
        let name = table.get(record, "From");
        let profile = table.get(record, "inviterProfileUrl");
        let who = if profile.is_empty() { name } else { profile };
        parsed.candidates.push(CandidateRow {
            file: file.to_string(),
            line: record.line,
            external_id: format!("invitation:{who}:{sent}"),
            kind: CandidateKind::Invitation,
            received_at_ms: at_ms,
            name: name_or_unknown(name),
            profile_url: non_empty(profile),
            message: Some(shorten(&message, MESSAGE_CHARS)),
        });
    }
    Ok(parsed)
}

/// One message of messages.csv, as far as finding conversations others started needs.
struct Message<'t> {
    record: &'t Record,
    conversation: &'t str,
    sender: String,
    at_ms: i64,
}

/// Reads messages.csv given as bytes: the first message of every conversation that someone
/// other than the archive's owner started.
///
/// The file does not say who the owner is. The owner takes part in every conversation of their
/// own archive, so it is the person (by profile link, else by name) found in the most
/// conversations as sender or recipient; a tie goes to whoever sent the most messages, then to
/// the first in alphabetical order (only a tiny archive, one conversation, can tie).
pub fn parse_messages_csv<Tz: TimeZone>(
    file: &str,
    bytes: &[u8],
    _ctx: &Context<Tz>,
) -> Result<Parsed> {
    let table = table::read(file, bytes, &MESSAGES)?;
    let mut parsed = Parsed::new(SOURCE);
    parsed.files.push(file.to_string());
    let mut messages = Vec::new();
    for record in &table.records {
        let conversation = table.get(record, "CONVERSATION ID");
        if conversation.is_empty() || table.get(record, "FOLDER").eq_ignore_ascii_case("SPAM") {
            continue;
        }
        let date = table.get(record, "DATE");
        let Some(at_ms) = utc_ms(date, MESSAGE_FORMAT) else {
            parsed.reject(ImportIssue::bad_value(
                file,
                record.line,
                "DATE",
                date,
                "is not a date and time",
                MESSAGE_EXPECTED,
            ));
            continue;
        };
        messages.push(Message {
            record,
            conversation,
            sender: person(
                table.get(record, "SENDER PROFILE URL"),
                table.get(record, "FROM"),
            ),
            at_ms,
        });
    }
    let Some(owner) = owner(&table, &messages) else {
        return Ok(parsed);
    };
    // The first message of each conversation (the earliest; of two at the same second, the one
    // further down, as LinkedIn lists the newest first).
    let mut first: HashMap<&str, &Message<'_>> = HashMap::new();
    for m in &messages {
        match first.get(m.conversation) {
            Some(kept) if kept.at_ms < m.at_ms => {}
            _ => {
                first.insert(m.conversation, m);
            }
        }
    }
    let mut started: Vec<&Message<'_>> = first
        .into_values()
        .filter(|m| m.sender != owner && !m.sender.is_empty())
        .collect();
    started.sort_by_key(|m| (m.at_ms, m.record.line));
    for m in started {
        let content = table.text(m.record, "CONTENT");
        let subject = table.text(m.record, "SUBJECT");
        let words = match (subject.is_empty(), content.is_empty()) {
            (true, _) => content,
            (false, true) => subject,
            (false, false) => format!("{subject}\n\n{content}"),
        };
        parsed.candidates.push(CandidateRow {
            file: file.to_string(),
            line: m.record.line,
            external_id: format!("message:{}", m.conversation),
            kind: CandidateKind::Message,
            received_at_ms: m.at_ms,
            name: name_or_unknown(table.get(m.record, "FROM")),
            profile_url: non_empty(table.get(m.record, "SENDER PROFILE URL")),
            message: non_empty(&shorten(&words, MESSAGE_CHARS)),
        });
    }
    Ok(parsed)
}

/// The archive's owner: see [`parse_messages_csv`].
fn owner(table: &Table, messages: &[Message<'_>]) -> Option<String> {
    // person -> (conversations, messages sent)
    let mut seen: HashMap<String, (u32, u32)> = HashMap::new();
    let mut in_conversation: std::collections::HashSet<(&str, String)> = Default::default();
    for m in messages {
        if !m.sender.is_empty() {
            seen.entry(m.sender.clone()).or_default().1 += 1;
        }
        let recipients = recipients(
            table.get(m.record, "RECIPIENT PROFILE URLS"),
            table.get(m.record, "TO"),
        );
        for who in std::iter::once(m.sender.clone()).chain(recipients) {
            if !who.is_empty() && in_conversation.insert((m.conversation, who.clone())) {
                seen.entry(who).or_default().0 += 1;
            }
        }
    }
    seen.into_iter()
        .max_by(|(a, x), (b, y)| x.cmp(y).then_with(|| b.cmp(a)))
        .map(|(who, _)| who)
}

/// A person's key: the profile link when there is one, else the name (lower case).
fn person(url: &str, name: &str) -> String {
    let url = url.trim().trim_end_matches('/');
    if url.is_empty() {
        name.trim().to_lowercase()
    } else {
        url.to_lowercase()
    }
}

/// The recipients of a message: the profile links (several are separated by commas or spaces),
/// else the names in TO.
fn recipients(urls: &str, names: &str) -> Vec<String> {
    let links: Vec<String> = urls
        .split([',', ' ', ';'])
        .filter(|u| !u.trim().is_empty())
        .map(|u| person(u, ""))
        .collect();
    if !links.is_empty() {
        return links;
    }
    names
        .split(',')
        .map(|n| person("", n))
        .filter(|n| !n.is_empty())
        .collect()
}

fn utc_ms(value: &str, format: &str) -> Option<i64> {
    NaiveDateTime::parse_from_str(value.trim(), format)
        .ok()
        .map(|t| t.and_utc().timestamp_millis())
}

fn non_empty(s: &str) -> Option<String> {
    let s = s.trim();
    (!s.is_empty()).then(|| s.to_string())
}

fn name_or_unknown(name: &str) -> String {
    match name.trim() {
        "" => "Someone on LinkedIn".to_string(),
        n => shorten(n, 200),
    }
}

/// The end of a connection day, for tests of the day rule.
#[cfg(test)]
fn end_of<Tz: TimeZone>(day: &str, ctx: &Context<Tz>) -> i64 {
    super::extras::end_of_day_ms(
        NaiveDate::parse_from_str(day, "%Y-%m-%d").expect("day"),
        &ctx.tz,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ctx() -> Context<chrono_tz::Tz> {
        Context {
            now_ms: 0,
            tz: chrono_tz::Europe::Amsterdam,
            channel: None,
        }
    }

    #[test]
    fn dates_as_linkedin_writes_them() {
        assert_eq!(
            utc_ms("9/5/26, 1:12 AM", SENT_FORMAT),
            Some(1_788_570_720_000)
        );
        assert_eq!(
            utc_ms("2026-08-31 21:20:46 UTC", MESSAGE_FORMAT),
            Some(1_788_211_246_000)
        );
        assert!(NaiveDate::parse_from_str("12 Mar 2024", CONNECTED_FORMAT).is_ok());
    }

    #[test]
    fn connections_count_up_by_day() {
        let csv = "Notes:\n\"Some emails are missing.\"\n\nFirst Name,Last Name,URL,Email Address,Company,Position,Connected On\n\
                   A,B,,,,,12 Mar 2024\nC,D,,,,,01 Jan 2024\nE,F,,,,,12 Mar 2024\n";
        let parsed = parse_connections_csv("Connections.csv", csv.as_bytes(), &ctx()).expect("ok");
        let got: Vec<(&str, u64)> = parsed
            .snapshots
            .iter()
            .map(|s| (s.external_id.as_str(), s.size))
            .collect();
        assert_eq!(
            got,
            [("connections:2024-01-01", 1), ("connections:2024-03-12", 3)]
        );
        assert_eq!(parsed.snapshots[1].at_ms, end_of("2024-03-12", &ctx()));
        assert_eq!(parsed.snapshots[0].as_of_ms, parsed.snapshots[1].at_ms);
    }

    #[test]
    fn the_owner_is_in_the_most_conversations() {
        let csv = "CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,DATE,SUBJECT,CONTENT,FOLDER\n\
                   c1,,Me,https://x/me,Ann,https://x/ann,2026-01-02 10:00:00 UTC,,Thanks!,INBOX\n\
                   c1,,Ann,https://x/ann,Me,https://x/me,2026-01-01 10:00:00 UTC,,Can we talk?,INBOX\n\
                   c2,,Me,https://x/me,Bob,https://x/bob,2026-01-03 10:00:00 UTC,,Hi Bob,INBOX\n\
                   c3,,Spam,https://x/spam,Me,https://x/me,2026-01-04 10:00:00 UTC,,Buy,SPAM\n";
        let parsed = parse_messages_csv("messages.csv", csv.as_bytes(), &ctx()).expect("ok");
        assert_eq!(parsed.candidates.len(), 1);
        let ann = &parsed.candidates[0];
        assert_eq!(
            (ann.name.as_str(), ann.external_id.as_str()),
            ("Ann", "message:c1")
        );
        assert_eq!(ann.message.as_deref(), Some("Can we talk?"));
    }
}
