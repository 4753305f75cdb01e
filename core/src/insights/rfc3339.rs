//! `published_at` for tens of thousands of posts per report: the same text as
//! [`crate::time::to_rfc3339`], written directly instead of through chrono's formatter, which
//! was a tenth of the report's time.

use crate::time::{to_rfc3339, MS_PER_DAY};

/// "YYYY-MM-DDTHH:MM:SSZ" (UTC, seconds precision) for `ms` since the epoch.
pub(crate) fn utc_seconds(ms: i64) -> String {
    let days = ms.div_euclid(MS_PER_DAY);
    let secs = ms.rem_euclid(MS_PER_DAY) / 1000;
    let (year, month, day) = civil_from_days(days);
    if !(0..=9999).contains(&year) {
        // Four digits no longer suffice; chrono knows how RFC 3339 wants those written.
        return to_rfc3339(ms);
    }
    let mut out = *b"0000-00-00T00:00:00Z";
    put_digits(&mut out[0..4], year);
    put_digits(&mut out[5..7], month);
    put_digits(&mut out[8..10], day);
    put_digits(&mut out[11..13], secs / 3600);
    put_digits(&mut out[14..16], secs / 60 % 60);
    put_digits(&mut out[17..19], secs % 60);
    // Only ASCII digits were written, so this cannot fail; chrono is the fallback regardless.
    String::from_utf8(out.to_vec()).unwrap_or_else(|_| to_rfc3339(ms))
}

/// Writes `value` (non-negative, fitting) as decimal digits filling `out`.
fn put_digits(out: &mut [u8], mut value: i64) {
    for digit in out.iter_mut().rev() {
        *digit = b'0' + (value % 10) as u8;
        value /= 10;
    }
}

/// Days since 1970-01-01 to (year, month, day) in the proleptic Gregorian calendar
/// (H. Hinnant's algorithm: whole 400-year eras, then the day within the era).
fn civil_from_days(days: i64) -> (i64, i64, i64) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_chrono_everywhere() {
        let mut ms: i64 = -62_167_219_200_000; // 0000-01-01
        let step = 7_777_777_777; // about 90 days and some hours, minutes, seconds
        while ms < 253_402_300_800_000 {
            assert_eq!(utc_seconds(ms), to_rfc3339(ms), "{ms}");
            assert_eq!(utc_seconds(ms + 999), to_rfc3339(ms + 999), "{ms}");
            ms += step;
        }
        for ms in [
            0,
            -1,
            951_782_400_000,
            1_709_164_800_000,
            253_402_300_799_999,
        ] {
            assert_eq!(utc_seconds(ms), to_rfc3339(ms), "{ms}");
        }
        // Beyond four-digit years: chrono's spelling.
        assert_eq!(
            utc_seconds(253_402_300_800_000),
            to_rfc3339(253_402_300_800_000)
        );
        assert_eq!(
            utc_seconds(-62_167_219_200_001),
            to_rfc3339(-62_167_219_200_001)
        );
    }
}
