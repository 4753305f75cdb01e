use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::word_enum;

word_enum! {
    /// What kind of message it was.
    PostKind {
        Post => "post",
        Article => "article",
        Newsletter => "newsletter",
        Video => "video",
        Other => "other",
    }
}

/// What a blank entry holds until it is filled in: most messages are posts.
impl Default for PostKind {
    fn default() -> Self {
        PostKind::Post
    }
}

word_enum! {
    /// How it felt to write.
    Felt {
        Energising => "energising",
        Neutral => "neutral",
        Draining => "draining",
    }
}

word_enum! {
    /// Why it was posted.
    Motive {
        Wanted => "wanted",
        Planned => "planned",
        Obliged => "obliged",
    }
}

/// A logged post or newsletter.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Post {
    #[ts(type = "number")]
    pub id: i64,
    #[ts(type = "number")]
    pub channel_id: i64,
    /// The channel's name, for display.
    pub channel: String,
    pub kind: PostKind,
    #[ts(type = "string")]
    pub published_at: DateTime<Utc>,
    pub title: Option<String>,
    pub text: Option<String>,
    pub url: Option<String>,
    pub felt: Option<Felt>,
    pub motive: Option<Motive>,
    pub minutes: Option<u32>,
    /// "manual" for posts logged by hand, else the import source.
    pub source: String,
    pub external_id: Option<String>,
    #[ts(type = "string")]
    pub created_at: DateTime<Utc>,
    #[ts(type = "string")]
    pub updated_at: DateTime<Utc>,
}

/// What the form or the command line sends to log or edit a post. Unvalidated: see
/// [`crate::validate::post`].
#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PostInput {
    #[ts(type = "number")]
    pub channel_id: i64,
    /// When absent, derived from the channel (a newsletter channel gives a newsletter).
    pub kind: Option<PostKind>,
    /// Local time "YYYY-MM-DD HH:MM" (or with a 'T'), or RFC 3339 with an offset.
    pub published_at: String,
    pub title: Option<String>,
    pub text: Option<String>,
    pub url: Option<String>,
    pub felt: Option<Felt>,
    pub motive: Option<Motive>,
    #[ts(type = "number | null")]
    pub minutes: Option<i64>,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PostFilter {
    /// Case-insensitive text search over title, text and link.
    pub query: Option<String>,
    #[ts(type = "number | null")]
    pub channel_id: Option<i64>,
}

/// The newest posts that match a filter, and how many match in all: the posts list shows the
/// first page and offers the rest, so opening the app does not load ten years of posts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PostPage {
    pub posts: Vec<Post>,
    #[ts(type = "number")]
    pub total: u64,
}

/// Enough of a post to name it in another list ("came from ...", an idea's post): its title and
/// the start of its text, from which the page makes the headline. Lists of inquiries and ideas
/// ask for the few posts they point at, not for ten years of full texts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PostHeadline {
    #[ts(type = "number")]
    pub id: i64,
    #[ts(type = "string")]
    pub published_at: DateTime<Utc>,
    pub title: Option<String>,
    /// The first [`HEADLINE_TEXT_CHARS`] characters of the text, or all of it when shorter.
    pub text: Option<String>,
}

/// How much of a post's text a [`PostHeadline`] carries: a headline needs a line of it, and
/// this leaves room for a text that opens with blank lines.
pub const HEADLINE_TEXT_CHARS: u32 = 1000;
/// The most posts one [`crate::Store::post_headlines`] call names: more than ten years of heavy
/// use has posts.
pub const MAX_HEADLINE_IDS: usize = 10_000;

/// A post an inquiry may have come from, for the "confirmed source" picker.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct CandidatePost {
    pub post: Post,
    /// Elapsed days between the post and the inquiry (24 h days).
    pub days_before: f64,
    /// Time-decay weight 2^(-d/7) before normalisation: the ranking key.
    pub weight: f64,
}
