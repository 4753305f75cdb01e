use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::word_enum;

word_enum! {
    /// Where a message is published.
    ChannelKind {
        Linkedin => "linkedin",
        Newsletter => "newsletter",
        Blog => "blog",
        Instagram => "instagram",
        Youtube => "youtube",
        Podcast => "podcast",
        Other => "other",
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Channel {
    #[ts(type = "number")]
    pub id: i64,
    pub name: String,
    pub kind: ChannelKind,
    pub archived: bool,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ChannelInput {
    pub name: String,
    pub kind: ChannelKind,
}
