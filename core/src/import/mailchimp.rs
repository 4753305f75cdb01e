//! Mailchimp's campaign report CSV (Reports -> export) -> newsletters, with their recipients,
//! unique opens and unique clicks (stored as the post's metrics; a later report with higher
//! numbers updates them). Send Date is the user's local time ("Jun 09, 2018 09:30 pm"); a
//! campaign is keyed on its title and send date, as the report has no other stable id.

use std::path::Path;

use chrono::{LocalResult, NaiveDateTime, TimeZone};

use super::files::{self, InputFile};
use super::table::{self, Spec, Table};
use super::{
    shorten, validate_post, Context, Engagement, ImportIssue, Item, Metric, MetricRow, Parsed,
    PostRef, PostRow, Row,
};
use crate::error::Result;
use crate::model::{ChannelKind, PostInput, PostKind};
use crate::time::to_rfc3339;

pub const SOURCE: &str = "mailchimp";
/// The channel newsletters go to unless [`Context::channel`] names another.
pub const CHANNEL: &str = "Newsletter";

const REPORT: Spec = Spec {
    what: "a Mailchimp campaign report",
    required: &["Title", "Subject", "Send Date"],
    header: "Title,Subject,List,Send Date,...,Total Recipients,...,Unique Opens,Open Rate,...,\
             Unique Clicks,Click Rate,...",
};

const DATE_FORMAT: &str = "%b %d, %Y %I:%M %p";
const DATE_EXPECTED: &str = "a date and time like Jun 09, 2018 09:30 pm";

/// Reads a campaign report (a CSV file, or every .csv in a folder or .zip).
pub fn parse<Tz: TimeZone>(path: &Path, ctx: &Context<Tz>) -> Result<Parsed> {
    let is_csv = |n: &str| n.to_ascii_lowercase().ends_with(".csv");
    let inputs = files::collect(path, is_csv, "campaign report (.csv)")?;
    let mut parsed = Parsed::new(SOURCE);
    for InputFile { name, bytes } in inputs {
        parsed.extend(parse_report_csv(&name, &bytes, ctx)?);
    }
    Ok(parsed)
}

/// Reads one campaign report given as bytes; `file` names it in messages.
pub fn parse_report_csv<Tz: TimeZone>(
    file: &str,
    bytes: &[u8],
    ctx: &Context<Tz>,
) -> Result<Parsed> {
    let table = table::read(file, bytes, &REPORT)?;
    let channel = ctx.channel.clone().unwrap_or_else(|| CHANNEL.to_string());
    let mut parsed = Parsed::new(SOURCE);
    parsed.files.push(file.to_string());
    for record in &table.records {
        let line = record.line;
        let title = table.get(record, "Title");
        let date = table.get(record, "Send Date");
        if title.is_empty() && date.is_empty() {
            continue;
        }
        let Some(at_ms) = local_ms(date, ctx) else {
            parsed.reject(ImportIssue::bad_value(
                file,
                line,
                "Send Date",
                date,
                "is not a date and time (in your time zone)",
                DATE_EXPECTED,
            ));
            continue;
        };
        let engagement = match engagement(&table, record) {
            Ok(e) => e,
            Err((column, value, expected)) => {
                parsed.reject(ImportIssue::bad_value(
                    file,
                    line,
                    column,
                    &value,
                    "is not a number",
                    expected,
                ));
                continue;
            }
        };
        // Readers saw the subject; the title is Mailchimp's internal campaign name.
        let subject = table.get(record, "Subject");
        let shown = if subject.is_empty() { title } else { subject };
        let input = PostInput {
            kind: Some(PostKind::Newsletter),
            published_at: to_rfc3339(at_ms),
            title: Some(shown.to_string()),
            ..Default::default()
        };
        let column_of = |field: &str| match field {
            "published_at" => ("Send Date", date.to_string()),
            _ => ("Subject", shorten(shown, 80)),
        };
        let external_id = format!("{title}|{date}");
        match validate_post(&input, ctx, (file, line), column_of) {
            Ok(post) => {
                let numbers = [
                    (Metric::Recipients, engagement.recipients),
                    (Metric::Opens, engagement.unique_opens),
                    (Metric::Clicks, engagement.unique_clicks),
                ];
                for (metric, value) in numbers {
                    if let Some(value) = value {
                        parsed.metrics.push(MetricRow {
                            file: file.to_string(),
                            post: PostRef::External(external_id.clone()),
                            metric,
                            value,
                        });
                    }
                }
                parsed.rows.push(Row {
                    file: file.to_string(),
                    line,
                    external_id,
                    item: Item::Post(PostRow {
                        channel: channel.clone(),
                        channel_kind: ChannelKind::Newsletter,
                        post,
                        engagement: Some(engagement),
                    }),
                });
            }
            Err(issue) => parsed.reject(*issue),
        }
    }
    Ok(parsed)
}

/// "Jun 09, 2018 09:30 pm" in the user's time zone. An hour repeated when clocks go back takes
/// the earlier instant, as the form does; an hour skipped when they go forward is refused.
fn local_ms<Tz: TimeZone>(s: &str, ctx: &Context<Tz>) -> Option<i64> {
    let naive = NaiveDateTime::parse_from_str(s, DATE_FORMAT).ok()?;
    match ctx.tz.from_local_datetime(&naive) {
        LocalResult::Single(t) | LocalResult::Ambiguous(t, _) => Some(t.timestamp_millis()),
        LocalResult::None => None,
    }
}

type Bad = (&'static str, String, &'static str);

fn engagement(table: &Table, record: &table::Record) -> std::result::Result<Engagement, Bad> {
    let count = |column: &'static str| -> std::result::Result<Option<u64>, Bad> {
        let v = table.get(record, column);
        if v.is_empty() {
            return Ok(None);
        }
        // Spreadsheets re-saved by people write "1,234".
        v.replace([',', '.', ' '], "")
            .parse()
            .map(Some)
            .map_err(|_| (column, v.to_string(), "a whole number like 1234"))
    };
    let rate = |column: &'static str| -> std::result::Result<Option<u32>, Bad> {
        let v = table.get(record, column);
        if v.is_empty() {
            return Ok(None);
        }
        parse_rate_bp(v)
            .map(Some)
            .ok_or((column, v.to_string(), "a percentage like 27.78%"))
    };
    Ok(Engagement {
        recipients: count("Total Recipients")?,
        unique_opens: count("Unique Opens")?,
        open_rate_bp: rate("Open Rate")?,
        unique_clicks: count("Unique Clicks")?,
        click_rate_bp: rate("Click Rate")?,
    })
}

/// "27.78%" -> 2778 hundredths of a percent, without going through a float.
fn parse_rate_bp(s: &str) -> Option<u32> {
    let s = s.trim().trim_end_matches('%').trim();
    let (whole, fraction) = s.split_once(['.', ',']).unwrap_or((s, ""));
    if whole.is_empty()
        || fraction.len() > 2
        || !whole
            .bytes()
            .chain(fraction.bytes())
            .all(|b| b.is_ascii_digit())
    {
        return None;
    }
    let whole: u32 = whole.parse().ok()?;
    let hundredths: u32 = format!("{fraction:0<2}").parse().ok()?;
    let bp = whole.checked_mul(100)?.checked_add(hundredths)?;
    (bp <= 10_000).then_some(bp)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rates() {
        assert_eq!(parse_rate_bp("27.78%"), Some(2778));
        assert_eq!(parse_rate_bp("5%"), Some(500));
        assert_eq!(parse_rate_bp("0.5%"), Some(50));
        assert_eq!(parse_rate_bp("100.00%"), Some(10_000));
        assert_eq!(parse_rate_bp("101%"), None);
        assert_eq!(parse_rate_bp("a%"), None);
        assert_eq!(parse_rate_bp("1.234%"), None);
    }

    #[test]
    fn send_date_is_local_time() {
        let ctx = Context {
            now_ms: 0,
            tz: chrono_tz::Europe::Amsterdam,
            channel: None,
        };
        // 21:30 in Amsterdam in June (UTC+2) is 19:30 UTC.
        assert_eq!(
            local_ms("Jun 09, 2018 09:30 pm", &ctx),
            Some(1_528_572_600_000)
        );
        assert_eq!(
            local_ms("Jun 09, 2018 09:30 PM", &ctx),
            Some(1_528_572_600_000)
        );
        assert_eq!(local_ms("2018-06-09 21:30", &ctx), None);
    }
}
