//! Domain types shared by the store, the command line and the UI (TypeScript types are generated
//! from these with ts-rs; see scripts/gen-types.sh).

mod app;
mod audience;
mod candidate;
mod channel;
mod inquiry;
mod post;

pub use app::{AppInfo, WindowPrefs, WINDOW_PREFS_KEY};
pub use audience::{
    AudienceMeasure, AudiencePoint, AudienceSeries, AudienceSnapshot, AudienceSnapshotEdit,
    AudienceSnapshotInput, AudienceSnapshotPage, Contact, ContactInput, ContactInquiry,
    ContactOverview, ContactTouch, HowKnown, Metric, MetricRecord, PostMetrics, PostNumbers,
    PostWithMetrics, TouchInput, TouchKind,
};
pub use candidate::{CandidateKind, InquiryCandidate};
pub use channel::{Channel, ChannelInput, ChannelKind};
pub use inquiry::{Inquiry, InquiryFilter, InquiryInput, InquiryStatus, Via};
pub use post::{
    CandidatePost, Felt, Motive, Post, PostFilter, PostHeadline, PostInput, PostKind, PostPage,
    HEADLINE_TEXT_CHARS, MAX_HEADLINE_IDS,
};

/// Defines a closed set of words stored as TEXT in SQLite and sent as snake_case JSON. Parsing
/// also accepts the kebab-case spelling the command line uses (`linkedin-message`).
macro_rules! word_enum {
    ($(#[$meta:meta])* $name:ident { $($variant:ident => $word:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord,
                 serde::Serialize, serde::Deserialize, ts_rs::TS)]
        #[serde(rename_all = "snake_case")]
        #[ts(export)]
        pub enum $name { $($variant),+ }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $word),+ }
            }

            /// The words accepted on the command line, for help and error messages.
            pub fn choices() -> String {
                Self::ALL.iter().map(|v| v.as_str().replace('_', "-")).collect::<Vec<_>>().join(", ")
            }
        }

        impl std::str::FromStr for $name {
            type Err = String;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                let word = s.trim().to_ascii_lowercase().replace('-', "_");
                match word.as_str() {
                    $($word => Ok($name::$variant),)+
                    _ => Err(format!("'{}' is not one of: {}", s, Self::choices())),
                }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl rusqlite::types::ToSql for $name {
            fn to_sql(&self) -> rusqlite::Result<rusqlite::types::ToSqlOutput<'_>> {
                Ok(self.as_str().into())
            }
        }

        impl rusqlite::types::FromSql for $name {
            fn column_result(value: rusqlite::types::ValueRef<'_>) -> rusqlite::types::FromSqlResult<Self> {
                let text = value.as_str()?;
                // The stored spelling first: no allocation (lists of thousands read fast).
                if let Some(v) = Self::ALL.iter().find(|v| v.as_str() == text) {
                    return Ok(*v);
                }
                text.parse().map_err(|e: String| rusqlite::types::FromSqlError::Other(e.into()))
            }
        }
    };
}
pub(crate) use word_enum;
