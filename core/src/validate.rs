//! The rules every write passes, whoever sends it (the window, the command line, an import).
//! The UI checks too, for speed, but this is the guard: a refused input saves nothing.

use chrono::TimeZone;

use crate::error::{Error, Result};
use crate::model::{Felt, InquiryInput, InquiryStatus, Motive, PostInput, PostKind, Via};
use crate::time::{parse_moment, MomentError, MS_PER_DAY};

pub const MAX_TEXT_CHARS: usize = 100_000;
pub const MAX_SHORT_CHARS: usize = 1_000;
pub const MAX_MINUTES: i64 = 100_000;
/// Nothing we log happened before this (1990-01-01T00:00:00Z); earlier is a typo.
pub const EARLIEST_MS: i64 = 631_152_000_000;

/// A post that passed validation, ready for the store.
#[derive(Debug, Clone, PartialEq)]
pub struct ValidPost {
    pub channel_id: i64,
    pub kind: Option<PostKind>,
    pub published_at_ms: i64,
    pub title: Option<String>,
    pub text: Option<String>,
    pub url: Option<String>,
    pub felt: Option<Felt>,
    pub motive: Option<Motive>,
    pub minutes: Option<u32>,
}

/// An inquiry that passed validation, ready for the store.
#[derive(Debug, Clone, PartialEq)]
pub struct ValidInquiry {
    pub received_at_ms: i64,
    pub name: String,
    pub organisation: Option<String>,
    pub via: Via,
    pub their_words: Option<String>,
    pub source_post_id: Option<i64>,
    pub not_from_posts: bool,
    pub status: InquiryStatus,
    pub value_cents: Option<i64>,
    pub currency: String,
    pub notes: Option<String>,
}

pub fn post<Tz: TimeZone>(input: &PostInput, now_ms: i64, tz: &Tz) -> Result<ValidPost> {
    let published_at_ms = moment("published_at", &input.published_at, now_ms, tz)?;
    let title = optional_text("title", input.title.as_deref(), MAX_SHORT_CHARS)?;
    let text = optional_text("text", input.text.as_deref(), MAX_TEXT_CHARS)?;
    if title.is_none() && text.is_none() {
        return Err(Error::invalid(
            "title",
            "post_empty",
            "a post needs a title or a text (an excerpt is enough)",
        ));
    }
    let url = optional_url("url", input.url.as_deref())?;
    let minutes = match input.minutes {
        None => None,
        Some(m) if (0..=MAX_MINUTES).contains(&m) => u32::try_from(m).ok(),
        Some(m) => {
            return Err(Error::invalid(
                "minutes",
                "minutes_invalid",
                format!("minutes spent must be between 0 and {MAX_MINUTES}, not {m}"),
            ))
        }
    };
    Ok(ValidPost {
        channel_id: input.channel_id,
        kind: input.kind,
        published_at_ms,
        title,
        text,
        url,
        felt: input.felt,
        motive: input.motive,
        minutes,
    })
}

pub fn inquiry<Tz: TimeZone>(input: &InquiryInput, now_ms: i64, tz: &Tz) -> Result<ValidInquiry> {
    let received_at_ms = moment("received_at", &input.received_at, now_ms, tz)?;
    let name = optional_text("name", Some(&input.name), MAX_SHORT_CHARS)?.ok_or_else(|| {
        Error::invalid(
            "name",
            "name_required",
            "who reached out? a name (or a nickname) is needed",
        )
    })?;
    let organisation = optional_text(
        "organisation",
        input.organisation.as_deref(),
        MAX_SHORT_CHARS,
    )?;
    let their_words = optional_text("their_words", input.their_words.as_deref(), MAX_TEXT_CHARS)?;
    let notes = optional_text("notes", input.notes.as_deref(), MAX_TEXT_CHARS)?;
    if input.not_from_posts && input.source_post_id.is_some() {
        return Err(Error::invalid(
            "source_post_id",
            "source_conflict",
            "an inquiry cannot both come from a post and be marked 'not from my posts'",
        ));
    }
    let value_cents = match input.value.as_deref().map(str::trim) {
        None | Some("") => None,
        Some(v) => Some(parse_money_cents(v)?),
    };
    let currency = match input.currency.as_deref().map(str::trim) {
        None | Some("") => "EUR".to_string(),
        Some(c) if c.len() == 3 && c.chars().all(|ch| ch.is_ascii_alphabetic()) => {
            c.to_ascii_uppercase()
        }
        Some(c) => {
            return Err(Error::invalid(
                "currency",
                "currency_invalid",
                format!("'{c}' is not a currency code; use three letters such as EUR or USD"),
            ))
        }
    };
    Ok(ValidInquiry {
        received_at_ms,
        name,
        organisation,
        via: input.via,
        their_words,
        source_post_id: input.source_post_id,
        not_from_posts: input.not_from_posts,
        status: input.status,
        value_cents,
        currency,
        notes,
    })
}

/// A moment typed by a person: real, not before 1990, not more than a day ahead of `now_ms`.
pub(crate) fn moment<Tz: TimeZone>(
    field: &'static str,
    input: &str,
    now_ms: i64,
    tz: &Tz,
) -> Result<i64> {
    let at = parse_moment(input, tz).map_err(|e| match e {
        MomentError::Invalid => Error::invalid(
            field,
            "date_invalid",
            format!(
                "'{}' is not a valid date and time; use YYYY-MM-DD HH:MM",
                input.trim()
            ),
        ),
        MomentError::Skipped => Error::invalid(
            field,
            "date_skipped",
            format!(
                "{} does not exist in your time zone (the clocks moved forward then)",
                input.trim()
            ),
        ),
    })?;
    let ms = at.timestamp_millis();
    if ms > now_ms + MS_PER_DAY {
        return Err(Error::invalid(
            field,
            "date_in_future",
            format!(
                "{} is more than a day from now; log things once they have happened",
                input.trim()
            ),
        ));
    }
    if ms < EARLIEST_MS {
        return Err(Error::invalid(
            field,
            "date_too_early",
            format!("{} is before 1990; please check the year", input.trim()),
        ));
    }
    Ok(ms)
}

/// Trims; empty becomes None; refuses text longer than `max` characters.
pub(crate) fn optional_text(
    field: &'static str,
    input: Option<&str>,
    max: usize,
) -> Result<Option<String>> {
    let Some(s) = input.map(str::trim).filter(|s| !s.is_empty()) else {
        return Ok(None);
    };
    let chars = s.chars().count();
    if chars > max {
        return Err(Error::invalid(
            field,
            "text_too_long",
            format!("this is {chars} characters; the limit is {max}"),
        ));
    }
    Ok(Some(s.to_string()))
}

pub(crate) fn optional_url(field: &'static str, input: Option<&str>) -> Result<Option<String>> {
    let Some(url) = optional_text(field, input, MAX_SHORT_CHARS * 4)? else {
        return Ok(None);
    };
    let lower = url.to_ascii_lowercase();
    let rest = lower
        .strip_prefix("https://")
        .or_else(|| lower.strip_prefix("http://"));
    match rest {
        Some(host) if !host.is_empty() && !url.chars().any(char::is_whitespace) => Ok(Some(url)),
        _ => Err(Error::invalid(
            field,
            "url_invalid",
            format!("'{url}' is not a web link; it should start with https://"),
        )),
    }
}

/// Reads an amount as people type it: "1500", "1500.5", "1500,50", "1.500,50", "1,500.50",
/// "€ 1.500". The last '.' or ',' followed by one or two digits is the decimal separator; other
/// separators group thousands. Returns integer cents, never a float.
pub fn parse_money_cents(input: &str) -> Result<i64> {
    let bad = || {
        Error::invalid(
            "value",
            "value_invalid",
            format!("'{input}' is not an amount; write it like 1500 or 1500.00"),
        )
    };
    let s: String = input
        .trim()
        .trim_start_matches(['€', '$', '£'])
        .trim()
        .chars()
        .filter(|c| !matches!(c, ' ' | '\u{a0}' | '\''))
        .collect();
    if s.starts_with('-') {
        return Err(Error::invalid(
            "value",
            "value_negative",
            "a value cannot be negative; leave it empty if there is none",
        ));
    }
    if s.is_empty()
        || !s
            .chars()
            .all(|c| c.is_ascii_digit() || c == '.' || c == ',')
    {
        return Err(bad());
    }
    let (whole, fraction) = match s.rfind(['.', ',']) {
        Some(i) if s.len() - i - 1 <= 2 => (&s[..i], &s[i + 1..]),
        _ => (s.as_str(), ""),
    };
    // Thousands groups: digits, then groups of exactly three after each separator.
    let mut groups = whole.split(['.', ',']);
    let first = groups.next().unwrap_or("");
    let rest: Vec<&str> = groups.collect();
    if first.is_empty() && !whole.is_empty()
        || rest.iter().any(|g| g.len() != 3)
        || (whole.is_empty() && fraction.is_empty())
    {
        return Err(bad());
    }
    let digits: String = std::iter::once(first).chain(rest).collect();
    let euros: i64 = if digits.is_empty() {
        0
    } else {
        digits.parse().map_err(|_| bad())?
    };
    let cents: i64 = match fraction.len() {
        0 => 0,
        1 => fraction.parse::<i64>().map_err(|_| bad())? * 10,
        _ => fraction.parse().map_err(|_| bad())?,
    };
    euros
        .checked_mul(100)
        .and_then(|c| c.checked_add(cents))
        .filter(|c| *c <= 1_000_000_000_000)
        .ok_or_else(bad)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono_tz::Europe::Amsterdam;

    const NOW: i64 = 1_780_000_000_000; // 2026-05-28

    fn post_input(at: &str) -> PostInput {
        PostInput {
            channel_id: 1,
            published_at: at.into(),
            title: Some("Why I stopped posting daily".into()),
            ..Default::default()
        }
    }

    fn code(r: Result<impl std::fmt::Debug>) -> &'static str {
        r.expect_err("should be refused").code()
    }

    #[test]
    fn money_as_people_type_it() {
        for (typed, cents) in [
            ("1500", 150_000),
            ("1500.5", 150_050),
            ("1500,50", 150_050),
            ("1.500,50", 150_050),
            ("1,500.50", 150_050),
            ("1.500", 150_000),
            ("€ 2.500", 250_000),
            ("0,99", 99),
            ("12 000", 1_200_000),
        ] {
            assert_eq!(parse_money_cents(typed).unwrap(), cents, "{typed}");
        }
        assert_eq!(code(parse_money_cents("-5")), "value_negative");
        for bad in [
            "abc",
            "1.2.3",
            "1,50.00",
            "",
            ".",
            "1e5",
            "99999999999999999999",
        ] {
            assert_eq!(code(parse_money_cents(bad)), "value_invalid", "{bad}");
        }
    }

    #[test]
    fn a_post_needs_a_title_or_text() {
        let mut input = post_input("2026-05-01 10:00");
        input.title = Some("   ".into());
        assert_eq!(code(post(&input, NOW, &Amsterdam)), "post_empty");
        input.text = Some("Only text".into());
        assert!(post(&input, NOW, &Amsterdam).is_ok());
    }

    #[test]
    fn dates_must_be_real_and_not_in_the_future() {
        assert_eq!(
            code(post(&post_input("2026-02-30 10:00"), NOW, &Amsterdam)),
            "date_invalid"
        );
        assert_eq!(
            code(post(&post_input("2026-06-01 10:00"), NOW, &Amsterdam)),
            "date_in_future"
        );
        assert_eq!(
            code(post(&post_input("1970-06-01 10:00"), NOW, &Amsterdam)),
            "date_too_early"
        );
        // Within a day ahead is fine (a post scheduled for tonight, logged now).
        let soon = crate::time::to_rfc3339(NOW + 20 * 3_600_000);
        assert!(post(&post_input(&soon), NOW, &Amsterdam).is_ok());
    }

    #[test]
    fn long_text_is_refused() {
        let mut input = post_input("2026-05-01 10:00");
        input.text = Some("x".repeat(MAX_TEXT_CHARS + 1));
        assert_eq!(code(post(&input, NOW, &Amsterdam)), "text_too_long");
        input.text = Some("é".repeat(MAX_TEXT_CHARS));
        assert!(post(&input, NOW, &Amsterdam).is_ok());
    }

    #[test]
    fn links_must_be_web_links() {
        let mut input = post_input("2026-05-01 10:00");
        input.url = Some("javascript:alert(1)".into());
        assert_eq!(code(post(&input, NOW, &Amsterdam)), "url_invalid");
        input.url = Some("https://www.linkedin.com/feed/update/urn:li:activity:1".into());
        assert!(post(&input, NOW, &Amsterdam).is_ok());
    }

    #[test]
    fn inquiry_rules() {
        let mut input = InquiryInput {
            received_at: "2026-05-02 09:15".into(),
            name: "Sanne de Vries".into(),
            value: Some("1.500,00".into()),
            ..Default::default()
        };
        let ok = inquiry(&input, NOW, &Amsterdam).unwrap();
        assert_eq!(ok.value_cents, Some(150_000));
        assert_eq!(ok.currency, "EUR");
        input.name = " ".into();
        assert_eq!(code(inquiry(&input, NOW, &Amsterdam)), "name_required");
        input.name = "Sanne".into();
        input.value = Some("-10".into());
        assert_eq!(code(inquiry(&input, NOW, &Amsterdam)), "value_negative");
        input.value = None;
        input.source_post_id = Some(3);
        input.not_from_posts = true;
        assert_eq!(code(inquiry(&input, NOW, &Amsterdam)), "source_conflict");
        input.not_from_posts = false;
        input.currency = Some("euro".into());
        assert_eq!(code(inquiry(&input, NOW, &Amsterdam)), "currency_invalid");
    }
}
