//! `afterword audience add ...` records a channel's audience size; `afterword audience [--json]`
//! prints every channel's series.

use afterword_core::model::{AudienceMeasure, AudienceSnapshotInput};
use afterword_core::{Clock, Result, Store, SystemClock};
use clap::{Args, Subcommand};

use super::{to_json, word};

#[derive(Debug, Args)]
#[command(args_conflicts_with_subcommands = true)]
pub struct AudienceArgs {
    #[command(subcommand)]
    command: Option<AudienceCommand>,
    /// Print every channel's series as JSON: [{channel_id, channel, measure, points: [{id, at, size, source}]}]
    #[arg(long)]
    json: bool,
}

#[derive(Debug, Subcommand)]
pub enum AudienceCommand {
    /// Record a channel's audience size at a moment; prints the new id
    Add(AddArgs),
}

#[derive(Debug, Args)]
pub struct AddArgs {
    /// Channel name, e.g. LinkedIn or Newsletter
    #[arg(long)]
    channel: String,
    /// When you counted: "YYYY-MM-DD HH:MM" local time, or RFC 3339 with an offset
    #[arg(long)]
    at: String,
    /// The size: a whole number, 0 or more
    #[arg(long, allow_hyphen_values = true)]
    size: i64,
    /// connections, followers or subscribers (default: subscribers for a newsletter channel,
    /// else connections)
    #[arg(long, value_parser = word::<AudienceMeasure>)]
    measure: Option<AudienceMeasure>,
}

pub fn run(store: &Store, args: AudienceArgs) -> Result<String> {
    match args.command {
        Some(AudienceCommand::Add(a)) => {
            let channel = store.channel_by_name(&a.channel)?;
            let snapshot = store.add_audience_snapshot(
                &AudienceSnapshotInput {
                    channel_id: channel.id,
                    measure: a.measure,
                    at: a.at,
                    size: a.size,
                },
                SystemClock.now_ms(),
                &chrono::Local,
            )?;
            Ok(snapshot.id.to_string())
        }
        None => {
            let series = store.audience_series()?;
            if args.json {
                return to_json(&series);
            }
            if series.is_empty() {
                return Ok("No audience sizes recorded yet.".into());
            }
            Ok(series
                .iter()
                .map(|s| {
                    let last = s.points.last();
                    format!(
                        "{:<12} {:<12} {:>5} sizes, latest {} ({})",
                        s.channel,
                        s.measure,
                        s.points.len(),
                        last.map(|p| p.size).unwrap_or_default(),
                        last.map(|p| p.at.as_str()).unwrap_or("")
                    )
                })
                .collect::<Vec<_>>()
                .join("\n"))
        }
    }
}
