//! A planned reminder as the window shows it ahead of time ("next: Friday 09:00, ...").

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::plan::{PlannedReminder, ReminderKind};
use super::texts::Lang;

/// When the next reminder comes and what it will say, already rendered in the user's language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ReminderPreview {
    /// When it will be shown (UTC epoch ms).
    #[ts(type = "number")]
    pub at_ms: i64,
    pub kind: ReminderKind,
    pub text: String,
}

impl PlannedReminder {
    pub fn preview(&self, lang: Lang) -> ReminderPreview {
        ReminderPreview {
            at_ms: self.at_ms,
            kind: self.kind,
            text: self.text.render(lang),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rhythm::ReminderText;

    #[test]
    fn the_preview_carries_the_rendered_text() {
        let r = PlannedReminder {
            at_ms: 1_780_000_000_000,
            kind: ReminderKind::WeeklyReview,
            key: "weekly_review:2026-05-29".into(),
            due_ms: 1_779_990_000_000,
            text: ReminderText::WeeklyReview,
        };
        let p = r.preview(Lang::Nl);
        assert_eq!(p.at_ms, r.at_ms);
        assert_eq!(p.kind, ReminderKind::WeeklyReview);
        assert_eq!(p.text, ReminderText::WeeklyReview.render(Lang::Nl));
        let json = serde_json::to_value(&p).unwrap();
        assert_eq!(json["kind"], "weekly_review");
        assert_eq!(json["at_ms"], 1_780_000_000_000_i64);
    }
}
