//! Rhythm and reminders: soft per-channel targets and the learned rhythm, ideas, the calendar
//! and its iCalendar export, reminder preferences, and the pure planner that decides the next
//! (gentle) reminder. See "Reminder semantics" in DESIGN.md.

pub mod cadence;
pub mod calendar;
pub mod ics;
pub mod ideas;
pub mod plan;
pub mod prefs;
pub mod preview;
pub mod texts;

pub use cadence::ChannelCadence;
pub use calendar::{CalendarData, CalendarPost, MAX_CALENDAR_DAYS};
pub use ics::plan_ics;
pub use ideas::{Idea, IdeaInput, ValidIdea};
pub use plan::{
    next_reminder, reminders_in, ChannelRhythm, ClosedPeriod, OpenInquiry, PlanInput, PlannedIdea,
    PlannedReminder, ReminderKind, SentReminder,
};
pub use prefs::{ReminderPrefs, PREFS_KEY};
pub use preview::ReminderPreview;
pub use texts::{Lang, ReminderText};

/// The longest soft target, in days.
pub const MAX_EVERY_DAYS: u32 = 365;
