use afterword_core::model::{Felt, InquiryInput, InquiryStatus, Motive, PostInput, PostKind, Via};
use afterword_core::{validate, Clock, Result, Store, SystemClock};
use clap::{Args, Subcommand};

use super::word;

#[derive(Debug, Subcommand)]
pub enum LogCommand {
    /// Log a post or newsletter
    Post(PostArgs),
    /// Log a client inquiry
    Inquiry(InquiryArgs),
}

#[derive(Debug, Args)]
pub struct PostArgs {
    /// Channel name, e.g. LinkedIn or Newsletter
    #[arg(long)]
    channel: String,
    /// When it was published: "YYYY-MM-DD HH:MM" local time, or RFC 3339 with an offset
    #[arg(long)]
    at: String,
    #[arg(long)]
    title: Option<String>,
    /// The text, or an excerpt
    #[arg(long)]
    text: Option<String>,
    /// Link to the post
    #[arg(long)]
    url: Option<String>,
    /// post, article, newsletter, video or other (default: from the channel)
    #[arg(long, value_parser = word::<PostKind>)]
    kind: Option<PostKind>,
    /// How it felt to write: energising, neutral or draining
    #[arg(long, value_parser = word::<Felt>)]
    felt: Option<Felt>,
    /// Why it was posted: wanted, planned or obliged
    #[arg(long, value_parser = word::<Motive>)]
    motive: Option<Motive>,
    /// Minutes spent writing
    #[arg(long)]
    minutes: Option<i64>,
}

#[derive(Debug, Args)]
pub struct InquiryArgs {
    /// When it came in: "YYYY-MM-DD HH:MM" local time, or RFC 3339 with an offset
    #[arg(long)]
    at: String,
    /// Who reached out
    #[arg(long)]
    name: String,
    /// Their organisation
    #[arg(long)]
    org: Option<String>,
    /// linkedin-message, email, phone, website, referral, in-person or other
    #[arg(long, value_parser = word::<Via>, default_value = "other")]
    via: Via,
    /// Their own words about how they found you
    #[arg(long)]
    words: Option<String>,
    /// Id of the post they said brought them
    #[arg(long)]
    source_post: Option<i64>,
    /// They did not come from your posts (a referral, say)
    #[arg(long)]
    not_from_posts: bool,
    /// new, talking, client or no-deal
    #[arg(long, value_parser = word::<InquiryStatus>, default_value = "new")]
    status: InquiryStatus,
    /// Value, e.g. 1500.00
    #[arg(long)]
    value: Option<String>,
    /// ISO currency code (default EUR)
    #[arg(long)]
    currency: Option<String>,
    #[arg(long)]
    notes: Option<String>,
}

pub fn run(store: &Store, command: LogCommand) -> Result<String> {
    let now_ms = SystemClock.now_ms();
    let tz = chrono::Local;
    match command {
        LogCommand::Post(a) => {
            let channel = store.channel_by_name(&a.channel)?;
            let input = PostInput {
                channel_id: channel.id,
                kind: a.kind,
                published_at: a.at,
                title: a.title,
                text: a.text,
                url: a.url,
                felt: a.felt,
                motive: a.motive,
                minutes: a.minutes,
            };
            let valid = validate::post(&input, now_ms, &tz)?;
            Ok(store.create_post(&valid, now_ms)?.id.to_string())
        }
        LogCommand::Inquiry(a) => {
            let input = InquiryInput {
                received_at: a.at,
                name: a.name,
                organisation: a.org,
                via: a.via,
                their_words: a.words,
                source_post_id: a.source_post,
                not_from_posts: a.not_from_posts,
                status: a.status,
                value: a.value,
                currency: a.currency,
                notes: a.notes,
            };
            let valid = validate::inquiry(&input, now_ms, &tz)?;
            Ok(store.create_inquiry(&valid, now_ms)?.id.to_string())
        }
    }
}
