//! `afterword metrics set POST_ID --reactions N ...`: records any subset of a post's numbers in
//! one transaction. A value equal to the latest adds nothing; the history is kept.

use afterword_core::model::{Metric, PostMetrics};
use afterword_core::{Clock, Result, Store, SystemClock};
use clap::{Args, Subcommand};

#[derive(Debug, Subcommand)]
pub enum MetricsCommand {
    /// Record some of a post's or newsletter's numbers (any subset); prints the latest numbers
    Set(SetArgs),
}

#[derive(Debug, Args)]
pub struct SetArgs {
    /// The post's id (see `afterword list posts`)
    post_id: i64,
    #[arg(long, allow_hyphen_values = true)]
    impressions: Option<i64>,
    #[arg(long, allow_hyphen_values = true)]
    reactions: Option<i64>,
    #[arg(long, allow_hyphen_values = true)]
    comments: Option<i64>,
    #[arg(long, allow_hyphen_values = true)]
    reposts: Option<i64>,
    /// The single total an export gives, when the parts are not known
    #[arg(long, allow_hyphen_values = true)]
    engagements: Option<i64>,
    #[arg(long, allow_hyphen_values = true)]
    recipients: Option<i64>,
    #[arg(long, allow_hyphen_values = true)]
    opens: Option<i64>,
    #[arg(long, allow_hyphen_values = true)]
    clicks: Option<i64>,
    #[arg(long, allow_hyphen_values = true)]
    replies: Option<i64>,
    #[arg(long, allow_hyphen_values = true)]
    new_subscribers: Option<i64>,
}

pub fn run(store: &Store, command: MetricsCommand) -> Result<String> {
    match command {
        MetricsCommand::Set(a) => {
            let values = PostMetrics {
                impressions: a.impressions,
                reactions: a.reactions,
                comments: a.comments,
                reposts: a.reposts,
                engagements: a.engagements,
                recipients: a.recipients,
                opens: a.opens,
                clicks: a.clicks,
                replies: a.replies,
                new_subscribers: a.new_subscribers,
            };
            let latest = store.set_post_metrics(a.post_id, &values, SystemClock.now_ms())?;
            Ok(latest
                .recorded()
                .iter()
                .map(|(m, v)| format!("{}: {v}", label(*m)))
                .collect::<Vec<_>>()
                .join(", "))
        }
    }
}

fn label(m: Metric) -> String {
    m.as_str().replace('_', " ")
}
