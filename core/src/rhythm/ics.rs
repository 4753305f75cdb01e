//! The plan as an iCalendar file (RFC 5545) for the user's own calendar app: planned ideas as
//! all-day events, logged posts as timed events. Read-only on the other side; UIDs are stable so
//! that importing a newer export updates events instead of duplicating them.

use chrono::{Duration, TimeZone};
use icalendar::{Calendar, Component, Event, EventLike, Property};

use super::ideas::Idea;
use crate::model::Post;
use crate::time::{from_ms, MS_PER_DAY};

pub const CALENDAR_NAME: &str = "Afterword plan";
pub const PRODID: &str = "-//Afterword//Afterword plan//EN";
/// How far back the export reaches, in days: posts published and ideas planned within the last
/// year (and anything later). Older history only makes a calendar app slow.
pub const HISTORY_DAYS: i64 = 365;
/// The domain part of every UID.
const UID_DOMAIN: &str = "afterword.app";

/// The calendar text (CRLF line endings, lines folded at 75 octets, text escaped).
///
/// - Ideas with a planned day that did not become a post: all-day events
///   (`DTSTART;VALUE=DATE`), summary = title, description = note, UID `idea-<id>@afterword.app`.
/// - Posts: timed events at the moment they were published (UTC), summary
///   "Posted: <title or channel>", UID `post-<id>@afterword.app`.
///
/// Both only from the last [`HISTORY_DAYS`] days (local days for ideas) and later. `now_ms` is
/// also the DTSTAMP, so the same data gives the same file.
pub fn plan_ics<Tz: TimeZone>(ideas: &[Idea], posts: &[Post], tz: &Tz, now_ms: i64) -> String {
    let since_ms = now_ms.saturating_sub(HISTORY_DAYS * MS_PER_DAY);
    let since_day = from_ms(since_ms).with_timezone(tz).date_naive();
    let stamp = from_ms(now_ms);

    let mut cal = Calendar::empty();
    for (key, value) in [
        ("VERSION", "2.0"),
        ("PRODID", PRODID),
        ("CALSCALE", "GREGORIAN"),
        ("METHOD", "PUBLISH"),
    ] {
        cal.append_property(Property::new(key, value));
    }
    cal.name(CALENDAR_NAME);

    for idea in ideas.iter().filter(|i| i.post_id.is_none()) {
        let Some(day) = idea
            .planned_for
            .as_deref()
            .and_then(|d| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
            .filter(|d| *d >= since_day)
        else {
            continue;
        };
        let mut event = Event::new();
        event
            .uid(&format!("idea-{}@{UID_DOMAIN}", idea.id))
            .timestamp(stamp)
            .last_modified(from_ms(idea.updated_at_ms))
            .summary(&clean(&idea.title))
            .starts(day)
            // All-day DTEND is exclusive: the next day.
            .ends(day.checked_add_signed(Duration::days(1)).unwrap_or(day))
            // A plan is not a meeting: it should not make the user look busy.
            .add_property("TRANSP", "TRANSPARENT");
        if let Some(note) = idea.note.as_deref() {
            event.description(&clean(note));
        }
        cal.push(event.done());
    }

    for post in posts
        .iter()
        .filter(|p| p.published_at.timestamp_millis() >= since_ms)
    {
        let what = post.title.as_deref().unwrap_or(&post.channel);
        let mut event = Event::new();
        event
            .uid(&format!("post-{}@{UID_DOMAIN}", post.id))
            .timestamp(stamp)
            .last_modified(post.updated_at)
            .summary(&clean(&format!("Posted: {what}")))
            .description(&clean(&post.channel))
            .starts(post.published_at)
            .add_property("TRANSP", "TRANSPARENT");
        if let Some(url) = post.url.as_deref() {
            event.url(url);
        }
        cal.push(event.done());
    }
    cal.to_string()
}

/// Text as RFC 5545 allows it: the crate escapes `\`, `,`, `;` and LF, but a CR or another
/// control character would break the line structure, so line breaks become LF and other
/// control characters (tab aside) are dropped.
fn clean(text: &str) -> String {
    text.replace("\r\n", "\n")
        .replace('\r', "\n")
        .chars()
        .filter(|c| !c.is_control() || matches!(c, '\n' | '\t'))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::PostKind;
    use chrono_tz::Europe::Amsterdam;

    /// 2026-05-28T20:26:40Z.
    const NOW: i64 = 1_780_000_000_000;

    fn idea(id: i64, title: &str, note: Option<&str>, day: Option<&str>) -> Idea {
        Idea {
            id,
            title: title.into(),
            note: note.map(Into::into),
            planned_for: day.map(Into::into),
            channel_id: None,
            post_id: None,
            created_at_ms: NOW - MS_PER_DAY,
            updated_at_ms: NOW - MS_PER_DAY,
        }
    }

    fn post(id: i64, at_ms: i64, title: Option<&str>) -> Post {
        Post {
            id,
            channel_id: 1,
            channel: "LinkedIn".into(),
            kind: PostKind::Post,
            published_at: from_ms(at_ms),
            title: title.map(Into::into),
            text: None,
            url: Some("https://example.com/a;b,c".into()),
            felt: None,
            motive: None,
            minutes: None,
            source: "manual".into(),
            external_id: None,
            created_at: from_ms(at_ms),
            updated_at: from_ms(at_ms),
        }
    }

    fn sample() -> String {
        let long = "A long note about pricing by the day, not by the hour; with commas, \
                    semicolons and a backslash \\ and an emoji \u{1f331} and accents éèê, \
                    repeated to pass the fold: "
            .repeat(3);
        let ideas = [
            idea(
                1,
                "Why I price by the day, not the hour; really",
                Some(&format!("Line one\r\nLine two\n{long}")),
                Some("2026-06-04"),
            ),
            idea(2, "Someday", None, None),
            idea(3, "Long ago", None, Some("2025-01-01")),
            Idea {
                post_id: Some(9),
                ..idea(4, "Became a post", None, Some("2026-05-20"))
            },
        ];
        let posts = [
            post(
                5,
                NOW - 2 * MS_PER_DAY,
                Some("Five clients, one newsletter"),
            ),
            post(6, NOW - 10 * MS_PER_DAY, None),
            post(7, NOW - 400 * MS_PER_DAY, Some("Too old")),
        ];
        plan_ics(&ideas, &posts, &Amsterdam, NOW)
    }

    #[test]
    fn the_export_parses_back_with_the_events_we_meant() {
        let text = sample();
        let cal: Calendar = text.parse().expect("parses");
        assert_eq!(cal.get_name(), Some(CALENDAR_NAME));
        assert_eq!(cal.property_value("PRODID"), Some(PRODID));
        let events: Vec<&Event> = cal.events().collect();
        let uids: Vec<&str> = events.iter().filter_map(|e| e.get_uid()).collect();
        assert_eq!(
            uids,
            [
                "idea-1@afterword.app",
                "post-5@afterword.app",
                "post-6@afterword.app"
            ]
        );
        let idea = events[0];
        assert_eq!(
            idea.get_summary(),
            Some("Why I price by the day, not the hour; really")
        );
        assert!(idea
            .get_description()
            .unwrap()
            .starts_with("Line one\nLine two\nA long note"));
        assert!(text.contains("DTSTART;VALUE=DATE:20260604\r\n"));
        assert!(text.contains("DTEND;VALUE=DATE:20260605\r\n"));
        assert_eq!(
            events[1].get_summary(),
            Some("Posted: Five clients, one newsletter")
        );
        assert_eq!(events[2].get_summary(), Some("Posted: LinkedIn"));
        assert!(text.contains("DTSTART:20260526T202640Z\r\n"));
        assert!(text.contains("DTSTAMP:20260528T202640Z\r\n"));
    }

    #[test]
    fn the_text_is_well_formed_rfc_5545() {
        let text = sample();
        assert!(text.starts_with("BEGIN:VCALENDAR\r\n"));
        assert!(text.ends_with("END:VCALENDAR\r\n"));
        assert!(text.contains("VERSION:2.0\r\n"));
        assert!(text.contains("X-WR-CALNAME:Afterword plan\r\n"));
        // CRLF everywhere: no bare LF or CR.
        let body = text.replace("\r\n", "");
        assert!(!body.contains('\n') && !body.contains('\r'));
        // Every line at most 75 octets; long lines were folded (continuations start with a space).
        let lines: Vec<&str> = text.split_terminator("\r\n").collect();
        assert!(lines.iter().all(|l| l.len() <= 75), "{text}");
        assert!(lines.iter().any(|l| l.starts_with(' ')));
        // Commas, semicolons and line breaks in text are escaped.
        assert!(text.contains(r"SUMMARY:Why I price by the day\, not the hour\; really"));
        assert!(text.contains(r"DESCRIPTION:Line one\nLine two\nA long note"));
        // Unfolding restores the escaped backslash and the characters cut across lines intact.
        let unfolded = icalendar::parser::unfold(&text);
        assert!(unfolded.contains(r"a backslash \\ and an emoji 🌱 and accents éèê"));
        // The same data gives the same bytes (no random UIDs, no wall-clock DTSTAMP).
        assert_eq!(text, sample());
    }

    #[test]
    fn nothing_to_export_is_still_a_valid_empty_calendar() {
        let text = plan_ics::<chrono::Utc>(&[], &[], &chrono::Utc, NOW);
        let cal: Calendar = text.parse().unwrap();
        assert_eq!(cal.events().count(), 0);
        assert!(!text.contains("BEGIN:VEVENT"));
    }
}
