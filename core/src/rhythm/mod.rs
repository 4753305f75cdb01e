//! Rhythm and reminders: soft per-channel targets, ideas, reminder preferences, and the pure
//! planner that decides the next (gentle) reminder. See "Reminder semantics" in DESIGN.md.

pub mod ideas;
pub mod plan;
pub mod prefs;
pub mod texts;

pub use ideas::{Idea, IdeaInput, ValidIdea};
pub use plan::{
    next_reminder, reminders_in, ChannelRhythm, ClosedPeriod, OpenInquiry, PlanInput, PlannedIdea,
    PlannedReminder, ReminderKind, SentReminder,
};
pub use prefs::{ReminderPrefs, PREFS_KEY};
pub use texts::{Lang, ReminderText};

/// The longest soft target, in days.
pub const MAX_EVERY_DAYS: u32 = 365;
