use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::word_enum;

word_enum! {
    /// How the person reached out.
    Via {
        LinkedinMessage => "linkedin_message",
        Email => "email",
        Phone => "phone",
        Website => "website",
        Referral => "referral",
        InPerson => "in_person",
        Other => "other",
    }
}

word_enum! {
    /// Where the conversation stands. "talking" is shown as "in conversation".
    InquiryStatus {
        New => "new",
        Talking => "talking",
        Client => "client",
        NoDeal => "no_deal",
    }
}

/// A client inquiry: someone reached out.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Inquiry {
    #[ts(type = "number")]
    pub id: i64,
    #[ts(type = "string")]
    pub received_at: DateTime<Utc>,
    pub name: String,
    pub organisation: Option<String>,
    pub via: Via,
    /// Their own words about how they found the user.
    pub their_words: Option<String>,
    /// The post the person said brought them (confirmed source).
    #[ts(type = "number | null")]
    pub source_post_id: Option<i64>,
    /// The user marked this as not coming from posts (a referral, say).
    pub not_from_posts: bool,
    pub status: InquiryStatus,
    #[ts(type = "number | null")]
    pub value_cents: Option<i64>,
    /// ISO 4217 code, EUR unless the user said otherwise.
    pub currency: String,
    pub notes: Option<String>,
    pub source: String,
    pub external_id: Option<String>,
    /// The person who reached out (found by name, ignoring case, or created with the inquiry).
    #[ts(type = "number | null")]
    pub contact_id: Option<i64>,
    #[ts(type = "string")]
    pub status_changed_at: DateTime<Utc>,
    #[ts(type = "string")]
    pub created_at: DateTime<Utc>,
    #[ts(type = "string")]
    pub updated_at: DateTime<Utc>,
}

/// What the form or the command line sends to log or edit an inquiry. Unvalidated: see
/// [`crate::validate::inquiry`].
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct InquiryInput {
    /// Local time "YYYY-MM-DD HH:MM" (or with a 'T'), or RFC 3339 with an offset.
    pub received_at: String,
    pub name: String,
    pub organisation: Option<String>,
    pub via: Via,
    pub their_words: Option<String>,
    #[ts(type = "number | null")]
    pub source_post_id: Option<i64>,
    pub not_from_posts: bool,
    pub status: InquiryStatus,
    /// Amount as typed: "1500", "1500.50", "1.500,50" or "1,500.50".
    pub value: Option<String>,
    pub currency: Option<String>,
    pub notes: Option<String>,
}

impl Default for InquiryInput {
    fn default() -> Self {
        Self {
            received_at: String::new(),
            name: String::new(),
            organisation: None,
            via: Via::Other,
            their_words: None,
            source_post_id: None,
            not_from_posts: false,
            status: InquiryStatus::New,
            value: None,
            currency: None,
            notes: None,
        }
    }
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct InquiryFilter {
    /// Case-insensitive search over name, organisation, their words and notes.
    pub query: Option<String>,
    pub status: Option<InquiryStatus>,
}
