//! Ideas for posts: a title, a note, optionally a planned local day and a channel.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{Error, Result};
use crate::validate::{MAX_SHORT_CHARS, MAX_TEXT_CHARS};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Idea {
    #[ts(type = "number")]
    pub id: i64,
    pub title: String,
    pub note: Option<String>,
    /// Local day "YYYY-MM-DD".
    pub planned_for: Option<String>,
    #[ts(type = "number | null")]
    pub channel_id: Option<i64>,
    /// The post this idea became, once logged (empty again while that post is deleted).
    #[ts(type = "number | null")]
    pub post_id: Option<i64>,
    #[ts(type = "number")]
    pub created_at_ms: i64,
    #[ts(type = "number")]
    pub updated_at_ms: i64,
}

/// What the form or the command line sends. Unvalidated: see [`IdeaInput::validate`].
#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct IdeaInput {
    pub title: String,
    pub note: Option<String>,
    /// "YYYY-MM-DD" or empty.
    pub planned_for: Option<String>,
    #[ts(type = "number | null")]
    pub channel_id: Option<i64>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidIdea {
    pub title: String,
    pub note: Option<String>,
    pub planned_for: Option<NaiveDate>,
    pub channel_id: Option<i64>,
}

impl IdeaInput {
    pub fn validate(&self) -> Result<ValidIdea> {
        let title = self.title.trim();
        if title.is_empty() {
            return Err(Error::invalid(
                "title",
                "title_required",
                "an idea needs a few words as a title",
            ));
        }
        if title.chars().count() > MAX_SHORT_CHARS {
            return Err(Error::invalid(
                "title",
                "too_long",
                format!("the title can be at most {MAX_SHORT_CHARS} characters"),
            ));
        }
        let note = self
            .note
            .as_deref()
            .map(str::trim)
            .filter(|n| !n.is_empty());
        if note.is_some_and(|n| n.chars().count() > MAX_TEXT_CHARS) {
            return Err(Error::invalid(
                "note",
                "too_long",
                format!("the note can be at most {MAX_TEXT_CHARS} characters"),
            ));
        }
        let planned_for = match self.planned_for.as_deref().map(str::trim) {
            None | Some("") => None,
            Some(day) => Some(NaiveDate::parse_from_str(day, "%Y-%m-%d").map_err(|_| {
                Error::invalid(
                    "planned_for",
                    "day_invalid",
                    format!("'{day}' is not a day; use YYYY-MM-DD"),
                )
            })?),
        };
        Ok(ValidIdea {
            title: title.to_string(),
            note: note.map(str::to_string),
            planned_for,
            channel_id: self.channel_id,
        })
    }
}
