use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::word_enum;

word_enum! {
    /// What an import found: an incoming invitation with a message, or the first message of a
    /// conversation someone else started.
    CandidateKind {
        Invitation => "invitation",
        Message => "message",
    }
}

/// A possible inquiry found by an import, open for the user to turn into an inquiry or dismiss.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct InquiryCandidate {
    #[ts(type = "number")]
    pub id: i64,
    pub kind: CandidateKind,
    #[ts(type = "string")]
    pub received_at: DateTime<Utc>,
    pub name: String,
    pub profile_url: Option<String>,
    /// Their words: the invitation's note or the message (with its subject).
    pub message: Option<String>,
    /// Where it was found ("linkedin").
    pub source: String,
}
