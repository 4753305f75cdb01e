//! `afterword candidates`: the possible inquiries imports found (an incoming LinkedIn invitation
//! with a message, the first message of a conversation someone else started), still open for
//! review. They become inquiries only when the user accepts them in the app.

use afterword_core::{Error, Result, Store};
use clap::Args;

#[derive(Debug, Args)]
pub struct CandidatesArgs {
    /// Print JSON: [{id, kind, received_at, name, profile_url, message, source}], newest first
    #[arg(long)]
    json: bool,
}

pub fn run(store: &Store, a: CandidatesArgs) -> Result<String> {
    let open = store.list_candidates()?;
    if a.json {
        return serde_json::to_string_pretty(&open)
            .map_err(|e| Error::Io(std::io::Error::other(e)));
    }
    if open.is_empty() {
        return Ok("No possible inquiries to review.".into());
    }
    Ok(open
        .iter()
        .map(|c| {
            let words = c
                .message
                .as_deref()
                .unwrap_or("")
                .lines()
                .next()
                .unwrap_or("");
            format!(
                "{:>6}  {}  {:<10} {}: {}",
                c.id,
                c.received_at
                    .with_timezone(&chrono::Local)
                    .format("%Y-%m-%d %H:%M"),
                c.kind,
                c.name,
                words.chars().take(60).collect::<String>()
            )
        })
        .collect::<Vec<_>>()
        .join("\n"))
}
