//! What attribution reads: the few facts of a post and an inquiry it needs, as plain values, so
//! the engine runs on in-memory slices (tests, the bench) as well as on the store.

use std::sync::Arc;

use crate::model::{Felt, Motive, PostKind};

/// A visible (not deleted) post or newsletter.
#[derive(Debug, Clone, PartialEq)]
pub struct PostFacts {
    pub id: i64,
    pub published_at_ms: i64,
    /// The channel's name; also the key of the channel group. Shared: the posts of a channel
    /// can all hold the same one, which the report then shares too.
    pub channel: Arc<str>,
    pub kind: PostKind,
    pub felt: Option<Felt>,
    pub motive: Option<Motive>,
    /// Minutes spent writing it, when the user logged them.
    pub minutes: Option<u32>,
    /// The title, or the start of the text for posts without one. Shared with the report,
    /// which lists it for every post.
    pub title: Arc<str>,
}

/// A visible (not deleted) inquiry.
#[derive(Debug, Clone, PartialEq)]
pub struct InquiryFacts {
    pub id: i64,
    pub received_at_ms: i64,
    /// The post the person said brought them. A post that is unknown (deleted) counts as none.
    pub source_post_id: Option<i64>,
    /// The user marked it as not coming from posts (a referral, say).
    pub not_from_posts: bool,
    /// Status "client".
    pub is_client: bool,
    pub value_cents: Option<i64>,
}

impl InquiryFacts {
    /// Revenue is what clients paid: the value of an inquiry that became a client. The value of
    /// one still in conversation (or that ended without a deal) is a hope, not revenue.
    pub fn revenue_cents(&self) -> i64 {
        if self.is_client {
            self.value_cents.unwrap_or(0).max(0)
        } else {
            0
        }
    }
}
