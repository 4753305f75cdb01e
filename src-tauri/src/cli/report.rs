use afterword_core::insights::{self, AttributionModel, DateRange, InsightSettings};
use afterword_core::{Clock, Error, Result, Store, SystemClock};
use clap::Args;

use super::word;

#[derive(Debug, Args)]
pub struct ReportArgs {
    /// Print the full report as JSON
    #[arg(long)]
    json: bool,
    /// confirmed-only, last-touch, first-touch, linear, time-decay or position
    #[arg(long, value_parser = word::<AttributionModel>, default_value = "time-decay")]
    model: AttributionModel,
    /// An inquiry can be credited to posts up to this many days before it
    #[arg(long, default_value_t = insights::DEFAULT_WINDOW_DAYS)]
    window_days: i64,
    /// Time decay: a post this many days older gets half the weight
    #[arg(long, default_value_t = insights::DEFAULT_HALF_LIFE_DAYS)]
    half_life_days: f64,
    /// First day, YYYY-MM-DD (local time)
    #[arg(long)]
    from: Option<String>,
    /// Last day, YYYY-MM-DD (local time), included
    #[arg(long)]
    to: Option<String>,
}

pub fn run(store: &Store, a: ReportArgs) -> Result<String> {
    let tz = chrono::Local;
    let settings = InsightSettings::new(a.model, a.window_days, a.half_life_days)?;
    let range =
        DateRange::parse(a.from.as_deref(), a.to.as_deref(), &tz)?.until(SystemClock.now_ms());
    if a.json {
        // The contract: every post with its list of credited inquiries.
        let report = insights::report(store, &settings, &range, &tz)?;
        return serde_json::to_string_pretty(&report)
            .map_err(|e| Error::Io(std::io::Error::other(e)));
    }
    // The lines below need the sums only.
    let report = insights::summary(store, &settings, &range, &tz)?;
    let t = &report.totals;
    let mut lines = vec![format!(
        "{} posts, {} inquiries, {} clients ({} not attributed to a post); model {}, window {} days",
        t.posts, t.inquiries, t.clients, t.unattributed_inquiries, report.model, report.window_days
    )];
    let mut posts: Vec<_> = report
        .posts
        .iter()
        .filter(|p| p.credited_inquiries > 0.0)
        .collect();
    posts.sort_by(|x, y| y.credited_inquiries.total_cmp(&x.credited_inquiries));
    for p in posts.iter().take(10) {
        lines.push(format!(
            "{:>6.2} inquiries {:>5.2} clients  {}  {}",
            p.credited_inquiries,
            p.credited_clients,
            &p.published_at[..10.min(p.published_at.len())],
            p.title
        ));
    }
    Ok(lines.join("\n"))
}
