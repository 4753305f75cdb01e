//! Dates and counts in the first frame, exactly as the page's `Intl` writes them (ui/src/lib/
//! time.ts formatDayShort and formatTime, insights.ts formatCount), for the formatting locales
//! most of our users have. For any other locale the shell draws no first frame and the app's own
//! view is the first one (see `super`). The end-to-end tests hold these tables to the web view's
//! `Intl` for every month, weekday and hour that differs.

use chrono::{DateTime, Datelike, Local, Timelike, Utc};

use afterword_core::rhythm::Lang;

/// A formatting locale the shell can write like the page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Formats {
    EnUs,
    EnGb,
    NlNl,
    NlBe,
}

const EN_WEEKDAYS: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
const NL_WEEKDAYS: [&str; 7] = ["ma", "di", "wo", "do", "vr", "za", "zo"];
const EN_US_MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];
// British English has had "Sept" since CLDR 38.
const EN_GB_MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sept", "Oct", "Nov", "Dec",
];
const NL_MONTHS: [&str; 12] = [
    "jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec",
];

impl Formats {
    /// The UI's language and these formats, for the language setting ("system", "en", "nl")
    /// and the system locale the page is given (app_info's `system_locale`), decided as
    /// ui/src/lib/language.ts does; None when the page would format for another locale.
    pub fn for_page(setting: &str, system_locale: &str) -> Option<(Lang, Formats)> {
        let system = canonical_locale(system_locale)?;
        let lang = match setting {
            "en" => Lang::En,
            "nl" => Lang::Nl,
            _ if system
                .as_deref()
                .is_some_and(|l| l.to_ascii_lowercase().starts_with("nl")) =>
            {
                Lang::Nl
            }
            _ => Lang::En,
        };
        let prefix = match lang {
            Lang::En => "en-",
            Lang::Nl => "nl-",
        };
        let locale = match system {
            Some(l) if l.to_ascii_lowercase().starts_with(prefix) => l,
            // language.ts's defaults when the system's locale is of another language.
            _ => match lang {
                Lang::En => "en-GB".to_string(),
                Lang::Nl => "nl-NL".to_string(),
            },
        };
        let formats = match locale.as_str() {
            "en-US" => Formats::EnUs,
            "en-GB" => Formats::EnGb,
            "nl-NL" => Formats::NlNl,
            "nl-BE" => Formats::NlBe,
            _ => return None,
        };
        Some((lang, formats))
    }

    /// "Wed, Nov 25, 2026 · 04:13 PM" / "Wed, 25 Nov 2026 · 16:13" / "wo 25 nov 2026 · 16:13":
    /// the day and the time a post's row shows, in local time.
    pub fn day_and_time(self, at: &DateTime<Utc>) -> String {
        let local = at.with_timezone(&Local);
        let weekday = local.weekday().num_days_from_monday() as usize;
        let month = local.month0() as usize;
        let (day, year) = (local.day(), local.year());
        let (hour, minute) = (local.hour(), local.minute());
        let date = match self {
            Formats::EnUs => format!(
                "{}, {} {day}, {year}",
                EN_WEEKDAYS[weekday], EN_US_MONTHS[month]
            ),
            Formats::EnGb => format!(
                "{}, {day} {} {year}",
                EN_WEEKDAYS[weekday], EN_GB_MONTHS[month]
            ),
            Formats::NlNl | Formats::NlBe => {
                format!("{} {day} {} {year}", NL_WEEKDAYS[weekday], NL_MONTHS[month])
            }
        };
        let time = match self {
            Formats::EnUs => {
                let half = if hour < 12 { "AM" } else { "PM" };
                let twelve = match hour % 12 {
                    0 => 12,
                    h => h,
                };
                format!("{twelve:02}:{minute:02} {half}")
            }
            _ => format!("{hour:02}:{minute:02}"),
        };
        format!("{date} · {time}")
    }

    /// A whole count with the locale's thousands separator: "5,000" / "5.000".
    pub fn count(self, n: u64) -> String {
        let separator = match self {
            Formats::EnUs | Formats::EnGb => ',',
            Formats::NlNl | Formats::NlBe => '.',
        };
        let digits = n.to_string();
        let mut out = String::with_capacity(digits.len() + digits.len() / 3);
        for (i, digit) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i).is_multiple_of(3) {
                out.push(separator);
            }
            out.push(digit);
        }
        out
    }
}

/// What language.ts's normaliseLocale makes of a system locale, where that can be predicted:
/// Some(Some(tag)) for plain tags ("nl_BE.UTF-8" -> "nl-BE", "en" -> "en"), Some(None) for no
/// locale ("", "C", "POSIX"); None for the rest (scripts, variants, three-letter languages),
/// where only `Intl` knows the canonical form.
fn canonical_locale(raw: &str) -> Option<Option<String>> {
    let base = raw
        .trim()
        .split(['.', '@'])
        .next()
        .unwrap_or("")
        .replace('_', "-");
    if base.is_empty() || base == "C" || base == "POSIX" {
        return Some(None);
    }
    let mut parts = base.split('-');
    let language = parts
        .next()
        .filter(|l| l.len() == 2 && l.chars().all(|c| c.is_ascii_alphabetic()))?;
    let region = parts.next();
    if parts.next().is_some() {
        return None;
    }
    let language = language.to_ascii_lowercase();
    match region {
        None => Some(Some(language)),
        Some(r) if r.len() == 2 && r.chars().all(|c| c.is_ascii_alphabetic()) => {
            Some(Some(format!("{language}-{}", r.to_ascii_uppercase())))
        }
        Some(_) => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_page_s_locale_is_decided_as_language_ts_does() {
        assert_eq!(
            Formats::for_page("system", "en-US"),
            Some((Lang::En, Formats::EnUs))
        );
        assert_eq!(
            Formats::for_page("system", "nl_BE.UTF-8"),
            Some((Lang::Nl, Formats::NlBe))
        );
        assert_eq!(
            Formats::for_page("system", "de-DE"),
            Some((Lang::En, Formats::EnGb))
        );
        assert_eq!(
            Formats::for_page("nl", "en-US"),
            Some((Lang::Nl, Formats::NlNl))
        );
        assert_eq!(
            Formats::for_page("en", "nl-NL"),
            Some((Lang::En, Formats::EnGb))
        );
        assert_eq!(
            Formats::for_page("system", "nl"),
            Some((Lang::Nl, Formats::NlNl))
        );
        // Locales the shell does not write: the app draws its own first view.
        assert_eq!(Formats::for_page("system", "en-AU"), None);
        assert_eq!(Formats::for_page("en", "en-IN"), None);
        assert_eq!(Formats::for_page("system", "sr-Latn-RS"), None);
        // No system locale: English, British dates (language.ts's default).
        assert_eq!(
            Formats::for_page("system", "C.UTF-8"),
            Some((Lang::En, Formats::EnGb))
        );
    }

    #[test]
    fn counts_are_grouped_by_thousands() {
        assert_eq!(Formats::EnUs.count(0), "0");
        assert_eq!(Formats::EnUs.count(999), "999");
        assert_eq!(Formats::EnGb.count(5000), "5,000");
        assert_eq!(Formats::NlNl.count(1_234_567), "1.234.567");
    }
}
