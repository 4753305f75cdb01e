//! What an import brings besides posts and inquiries: engagement numbers of posts, the size of an
//! audience over time, and possible inquiries for the user to review. Parsers fill these in
//! [`super::Parsed`]; [`super::preview`] counts them and [`super::apply`] writes them in the same
//! transaction as the posts (see `store::import_extras` for the rules each follows).

use std::collections::BTreeMap;

use crate::model::{CandidateKind, ChannelKind};
use crate::time::local_midnight_ms;
use chrono::{DateTime, NaiveDate, TimeZone, Utc};

/// The engagement numbers stored per post (the schema's `post_metrics.metric`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Metric {
    Impressions,
    Engagements,
    Recipients,
    Opens,
    Clicks,
}

impl Metric {
    pub fn as_str(self) -> &'static str {
        match self {
            Metric::Impressions => "impressions",
            Metric::Engagements => "engagements",
            Metric::Recipients => "recipients",
            Metric::Opens => "opens",
            Metric::Clicks => "clicks",
        }
    }
}

/// Which post a number belongs to.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum PostRef {
    /// A post of this import's own source with this external id (a Mailchimp campaign, a
    /// Substack post_id), stored before or imported in the same run.
    External(String),
    /// Any post whose URL has this key (see [`url_key`]): analytics name posts by their link.
    Url(String),
}

/// One engagement number of one post, as the export states it now.
#[derive(Debug, Clone, PartialEq)]
pub struct MetricRow {
    pub file: String,
    pub post: PostRef,
    pub metric: Metric,
    pub value: u64,
}

/// The audiences the schema knows (`audience_snapshots.measure`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Measure {
    Connections,
    Followers,
    Subscribers,
}

impl Measure {
    pub fn as_str(self) -> &'static str {
        match self {
            Measure::Connections => "connections",
            Measure::Followers => "followers",
            Measure::Subscribers => "subscribers",
        }
    }
}

/// The size of an audience at the end of one day.
#[derive(Debug, Clone, PartialEq)]
pub struct SnapshotRow {
    pub file: String,
    /// The channel, found ignoring case or created when the import is applied.
    pub channel: String,
    pub channel_kind: ChannelKind,
    pub measure: Measure,
    /// Keyed by day ("connections:2024-03-12"), so two exports that cover the same day meet.
    pub external_id: String,
    pub at_ms: i64,
    pub size: u64,
    /// The last moment the file that gave this row knows about. When an older and a newer
    /// export disagree about a day, the one that knows more recent days wins.
    pub as_of_ms: i64,
}

/// A possible inquiry: someone who wrote first (an invitation with a message, the opening
/// message of a conversation). Stored for review, never turned into an inquiry by itself.
#[derive(Debug, Clone, PartialEq)]
pub struct CandidateRow {
    pub file: String,
    pub line: u64,
    pub external_id: String,
    pub kind: CandidateKind,
    pub received_at_ms: i64,
    pub name: String,
    pub profile_url: Option<String>,
    pub message: Option<String>,
}

/// A running total by day: given (moment, change) pairs, the total at the end of each local day
/// on which it changed, as (day, end of day in ms, total). `start` is the total before the
/// first change. Days are the user's (`tz`), as a person reading "12 Mar" means their own.
pub(crate) fn daily_totals<Tz: TimeZone>(
    changes: impl IntoIterator<Item = (NaiveDate, i64)>,
    start: i64,
    tz: &Tz,
) -> Vec<(NaiveDate, i64, u64)> {
    let mut by_day: BTreeMap<NaiveDate, i64> = BTreeMap::new();
    for (day, change) in changes {
        *by_day.entry(day).or_default() += change;
    }
    let mut total = start;
    let mut out = Vec::new();
    for (day, change) in by_day {
        if change == 0 {
            continue;
        }
        total = total.saturating_add(change);
        out.push((day, end_of_day_ms(day, tz), total.max(0) as u64));
    }
    out
}

/// The last millisecond of `day` in `tz` (the moment a day's count holds for).
pub(crate) fn end_of_day_ms<Tz: TimeZone>(day: NaiveDate, tz: &Tz) -> i64 {
    let next = day.succ_opt().unwrap_or(day);
    local_midnight_ms(next, tz).map_or_else(
        || {
            day.and_hms_opt(23, 59, 59)
                .map_or(0, |t| t.and_utc().timestamp_millis())
        },
        |m| m - 1,
    )
}

/// The local day of an instant.
pub(crate) fn local_day<Tz: TimeZone>(ms: i64, tz: &Tz) -> NaiveDate {
    DateTime::<Utc>::from_timestamp_millis(ms)
        .unwrap_or_default()
        .with_timezone(tz)
        .date_naive()
}

/// A post's link reduced to what identifies it, so the same post matches however an export wrote
/// its link: percent-decoded, without scheme, "www.", query, fragment or trailing slash, in lower
/// case; a LinkedIn link by the number inside `urn:li:share:`, `urn:li:activity:` or
/// `urn:li:ugcPost:` alone (exports name one post by any of these).
pub fn url_key(url: &str) -> Option<String> {
    let decoded = percent_decode(url.trim());
    let lower = decoded.to_ascii_lowercase();
    for urn in ["urn:li:share:", "urn:li:activity:", "urn:li:ugcpost:"] {
        if let Some(at) = lower.find(urn) {
            let digits: String = lower[at + urn.len()..]
                .chars()
                .take_while(char::is_ascii_digit)
                .collect();
            if !digits.is_empty() {
                return Some(format!("linkedin:{digits}"));
            }
        }
    }
    let rest = lower
        .strip_prefix("https://")
        .or_else(|| lower.strip_prefix("http://"))
        .unwrap_or(&lower);
    let rest = rest.strip_prefix("www.").unwrap_or(rest);
    let rest = rest.split(['?', '#']).next().unwrap_or(rest);
    let rest = rest.trim_end_matches('/');
    (!rest.is_empty()).then(|| rest.to_string())
}

/// "%3A" -> ":"; a '%' not followed by two hex digits stays as it is. Bytes that do not make
/// UTF-8 together are replaced, never a panic.
fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            if let (Some(h), Some(l)) = (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                out.push((h * 16 + l) as u8);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn linkedin_links_match_by_their_number() {
        let key = Some("linkedin:7130000000000000001".to_string());
        for url in [
            "https://www.linkedin.com/feed/update/urn:li:activity:7130000000000000001/",
            "https://www.linkedin.com/feed/update/urn%3Ali%3Ashare%3A7130000000000000001",
            "https://www.linkedin.com/feed/update/urn:li:ugcPost:7130000000000000001?utm=x",
            "urn:li:share:7130000000000000001",
        ] {
            assert_eq!(url_key(url), key, "{url}");
        }
    }

    #[test]
    fn other_links_lose_scheme_query_and_trailing_slash() {
        assert_eq!(
            url_key("https://www.Example.nl/blog/Rust/?x=1#top").as_deref(),
            Some("example.nl/blog/rust")
        );
        assert_eq!(
            url_key("http://example.nl/blog/rust").as_deref(),
            Some("example.nl/blog/rust")
        );
        assert_eq!(url_key(" / "), None);
        assert_eq!(url_key("%"), Some("%".into()));
        assert_eq!(url_key("a%2"), Some("a%2".into()));
        assert_eq!(url_key("%e9%"), Some("\u{fffd}%".into()));
    }

    #[test]
    fn totals_by_day() {
        let tz = chrono_tz::Europe::Amsterdam;
        let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("day");
        let totals = daily_totals(
            [
                (d("2024-03-12"), 1),
                (d("2024-03-01"), 2),
                (d("2024-03-12"), 1),
                (d("2024-03-13"), 0),
            ],
            10,
            &tz,
        );
        let days: Vec<(String, u64)> = totals
            .iter()
            .map(|(day, _, n)| (day.to_string(), *n))
            .collect();
        assert_eq!(days, [("2024-03-01".into(), 12), ("2024-03-12".into(), 14)]);
        // The end of 12 March in Amsterdam (UTC+1) is 22:59:59.999 UTC.
        assert_eq!(totals[1].1, 1_710_284_399_999);
        assert_eq!(local_day(totals[1].1, &tz), d("2024-03-12"));
    }
}
