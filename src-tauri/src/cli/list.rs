use afterword_core::model::{InquiryFilter, PostFilter};
use afterword_core::{Error, Result, Store};
use clap::{Args, Subcommand};

#[derive(Debug, Subcommand)]
pub enum ListCommand {
    /// Posts and newsletters
    Posts(ListArgs),
    /// Client inquiries
    Inquiries(ListArgs),
}

#[derive(Debug, Args)]
pub struct ListArgs {
    /// Print JSON (field names of the domain types, times as RFC 3339 UTC)
    #[arg(long)]
    json: bool,
    /// Only items matching this text
    #[arg(long)]
    search: Option<String>,
}

pub fn run(store: &Store, command: ListCommand) -> Result<String> {
    match command {
        ListCommand::Posts(a) => {
            let filter = PostFilter {
                query: a.search,
                channel_id: None,
            };
            if a.json {
                // The post's fields, plus its latest numbers under "metrics".
                return to_json(&store.list_posts_with_metrics(&filter)?);
            }
            let posts = store.list_posts(&filter)?;
            Ok(posts
                .iter()
                .map(|p| {
                    let label = p.title.as_deref().or(p.text.as_deref()).unwrap_or("");
                    format!(
                        "{:>6}  {}  {:<12} {}",
                        p.id,
                        p.published_at
                            .with_timezone(&chrono::Local)
                            .format("%Y-%m-%d %H:%M"),
                        p.channel,
                        first_line(label)
                    )
                })
                .collect::<Vec<_>>()
                .join("\n"))
        }
        ListCommand::Inquiries(a) => {
            let inquiries = store.list_inquiries(&InquiryFilter {
                query: a.search,
                status: None,
            })?;
            if a.json {
                return to_json(&inquiries);
            }
            Ok(inquiries
                .iter()
                .map(|i| {
                    format!(
                        "{:>6}  {}  {:<8} {}",
                        i.id,
                        i.received_at
                            .with_timezone(&chrono::Local)
                            .format("%Y-%m-%d %H:%M"),
                        i.status,
                        i.name
                    )
                })
                .collect::<Vec<_>>()
                .join("\n"))
        }
    }
}

fn first_line(s: &str) -> String {
    let line = s.lines().next().unwrap_or("");
    line.chars().take(70).collect()
}

fn to_json<T: serde::Serialize>(value: &T) -> Result<String> {
    serde_json::to_string_pretty(value).map_err(|e| Error::Io(std::io::Error::other(e)))
}
