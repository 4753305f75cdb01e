use afterword_core::rhythm::MAX_EVERY_DAYS;
use afterword_core::{Clock, Error, Result, Store, SystemClock};
use clap::{Args, Subcommand};

#[derive(Debug, Subcommand)]
pub enum RhythmCommand {
    /// Set (or turn off) a channel's soft target: "about every N days"
    Set(SetArgs),
}

#[derive(Debug, Args)]
pub struct SetArgs {
    /// Channel name, e.g. LinkedIn or Newsletter
    #[arg(long)]
    channel: String,
    /// About every N days (1 to 365), or "off"
    #[arg(long, value_name = "N|off")]
    every_days: String,
}

pub fn run(store: &Store, command: RhythmCommand) -> Result<String> {
    let now_ms = SystemClock.now_ms();
    match command {
        RhythmCommand::Set(a) => {
            let every_days = parse_every_days(&a.every_days)?;
            let channel = store.channel_by_name(&a.channel)?;
            store.set_rhythm_target(channel.id, every_days, now_ms)?;
            Ok(match every_days {
                None => format!("No rhythm for {} — it's entirely up to you.", channel.name),
                Some(1) => format!(
                    "Rhythm for {}: about every day. Just a soft target; skip it whenever you like.",
                    channel.name
                ),
                Some(n) => format!(
                    "Rhythm for {}: about every {n} days. Just a soft target; skip it whenever you like.",
                    channel.name
                ),
            })
        }
    }
}

fn parse_every_days(s: &str) -> Result<Option<u32>> {
    let s = s.trim();
    if s.eq_ignore_ascii_case("off") {
        return Ok(None);
    }
    match s.parse::<u32>() {
        Ok(n) if (1..=MAX_EVERY_DAYS).contains(&n) => Ok(Some(n)),
        _ => Err(Error::invalid(
            "every_days",
            "every_days_invalid",
            format!(
                "--every-days takes a number of days from 1 to {MAX_EVERY_DAYS}, or off; not '{s}'"
            ),
        )),
    }
}
