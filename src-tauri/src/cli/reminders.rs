use afterword_core::rhythm::{Lang, PlannedReminder};
use afterword_core::time::{parse_moment, to_rfc3339};
use afterword_core::{Clock, Error, Result, Store, SystemClock};
use clap::{Args, Subcommand};

#[derive(Debug, Subcommand)]
pub enum RemindersCommand {
    /// The next planned reminder (when, what kind, the text), or none
    Next(NextArgs),
}

#[derive(Debug, Args)]
pub struct NextArgs {
    /// Print JSON: {"at": RFC 3339 UTC, "kind": ..., "text": ...} or null
    #[arg(long)]
    json: bool,
    /// Plan as if it were this moment (RFC 3339, or "YYYY-MM-DD HH:MM" local time)
    #[arg(long, value_name = "RFC3339")]
    now: Option<String>,
}

#[derive(Debug, serde::Serialize)]
struct NextJson {
    at: String,
    kind: &'static str,
    text: String,
}

pub fn run(store: &Store, command: RemindersCommand) -> Result<String> {
    let tz = chrono::Local;
    match command {
        RemindersCommand::Next(a) => {
            let now_ms = match a.now.as_deref() {
                None => SystemClock.now_ms(),
                Some(s) => parse_moment(s, &tz)
                    .map_err(|_| {
                        Error::invalid(
                            "now",
                            "moment_invalid",
                            format!("--now '{s}' is not a moment; use RFC 3339, e.g. 2026-06-03T10:00:00Z"),
                        )
                    })?
                    .timestamp_millis(),
            };
            let lang = crate::language::shell_lang(store);
            let next = store.next_reminder(now_ms, &tz)?;
            if a.json {
                let value = next.map(|r| as_json(&r, lang));
                return serde_json::to_string(&value)
                    .map_err(|e| Error::Io(std::io::Error::other(e)));
            }
            Ok(match next {
                None => "No reminder planned.".to_string(),
                Some(r) => format!(
                    "{}  {}",
                    afterword_core::time::from_ms(r.at_ms)
                        .with_timezone(&tz)
                        .format("%Y-%m-%d %H:%M"),
                    r.text.render(lang)
                ),
            })
        }
    }
}

fn as_json(r: &PlannedReminder, lang: Lang) -> NextJson {
    NextJson {
        at: to_rfc3339(r.at_ms),
        kind: r.kind.as_str(),
        text: r.text.render(lang),
    }
}
