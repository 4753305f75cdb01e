//! The user's time zone as an IANA zone, for code that needs a named zone (imports read local
//! times in it): `TZ` when it names one (chrono's local time honours it too), else the system's.

pub fn local_zone() -> chrono_tz::Tz {
    std::env::var("TZ")
        .ok()
        .and_then(|tz| tz.trim_start_matches(':').parse().ok())
        .or_else(|| iana_time_zone::get_timezone().ok()?.parse().ok())
        .unwrap_or(chrono_tz::UTC)
}
