//! Every reminder text, in English and Dutch, in one reviewed place.
//!
//! Review rules (gentle by construction): invite, never scold. No "you missed", no "should" or
//! "moet", no streaks, no counts of days, no urgency. Every text leaves room to say no.

use serde::{Deserialize, Serialize};

/// The language a reminder is shown in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Lang {
    #[default]
    En,
    Nl,
}

impl Lang {
    /// "nl" (or "nl-NL", "nl_BE", ...) is Dutch; everything else English.
    pub fn from_code(code: &str) -> Lang {
        let code = code.trim().to_ascii_lowercase();
        if code == "nl" || code.starts_with("nl-") || code.starts_with("nl_") {
            Lang::Nl
        } else {
            Lang::En
        }
    }
}

/// What a reminder says, with its parameters; the UI can also translate by [`ReminderText::key`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "text_key", rename_all = "snake_case")]
pub enum ReminderText {
    /// A soft target for a channel has passed.
    RhythmNudge { channel: String },
    /// An open inquiry has been quiet for a while.
    FollowUp { name: String },
    /// An idea is planned for today.
    IdeaToday { title: String },
    /// The opt-in weekly review.
    WeeklyReview,
}

impl ReminderText {
    pub fn key(&self) -> &'static str {
        match self {
            ReminderText::RhythmNudge { .. } => "rhythm_nudge",
            ReminderText::FollowUp { .. } => "follow_up",
            ReminderText::IdeaToday { .. } => "idea_today",
            ReminderText::WeeklyReview => "weekly_review",
        }
    }

    /// A short title for the notification.
    pub fn title(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::En => "Afterword",
            Lang::Nl => "Afterword",
        }
    }

    /// The sentence shown to the user.
    pub fn render(&self, lang: Lang) -> String {
        match (self, lang) {
            (ReminderText::RhythmNudge { channel }, Lang::En) => {
                format!("If you feel like it, there's room for a {channel} post this week.")
            }
            (ReminderText::RhythmNudge { channel }, Lang::Nl) => {
                format!("Zin om iets te delen? Er is deze week ruimte voor een {channel}-bericht.")
            }
            (ReminderText::FollowUp { name }, Lang::En) => {
                format!("It's been quiet with {name} for a little while. A short note, if it feels right?")
            }
            (ReminderText::FollowUp { name }, Lang::Nl) => {
                format!("Het is al even stil met {name}. Een kort berichtje, als het goed voelt?")
            }
            (ReminderText::IdeaToday { title }, Lang::En) => {
                format!("You planned an idea for today: \u{201c}{title}\u{201d}. It can wait, too.")
            }
            (ReminderText::IdeaToday { title }, Lang::Nl) => {
                format!("Voor vandaag stond een idee gepland: \u{201c}{title}\u{201d}. Het mag ook wachten.")
            }
            (ReminderText::WeeklyReview, Lang::En) => {
                "A calm moment to look back on your week? Note its inquiries and numbers, if you like."
                    .into()
            }
            (ReminderText::WeeklyReview, Lang::Nl) => {
                "Een rustig moment om terug te kijken op je week? Noteer de aanvragen en cijfers, als je wilt."
                    .into()
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all() -> Vec<ReminderText> {
        vec![
            ReminderText::RhythmNudge {
                channel: "LinkedIn".into(),
            },
            ReminderText::FollowUp { name: "Sam".into() },
            ReminderText::IdeaToday {
                title: "Pricing".into(),
            },
            ReminderText::WeeklyReview,
        ]
    }

    #[test]
    fn texts_invite_and_never_scold() {
        let forbidden = [
            "miss", "streak", "behind", "should", "must", "overdue", "late", "!", "gemist", "moet",
            "achter", "te laat", "vergeten", "forgot",
        ];
        for text in all() {
            for lang in [Lang::En, Lang::Nl] {
                let s = text.render(lang);
                let lower = s.to_lowercase();
                for word in forbidden {
                    assert!(!lower.contains(word), "{s:?} contains {word:?}");
                }
                assert!(!s.chars().any(|c| c.is_ascii_digit()), "no counts: {s:?}");
            }
        }
    }

    #[test]
    fn the_reviewed_example_wording() {
        let t = ReminderText::RhythmNudge {
            channel: "LinkedIn".into(),
        };
        assert_eq!(
            t.render(Lang::En),
            "If you feel like it, there's room for a LinkedIn post this week."
        );
        assert_eq!(
            t.render(Lang::Nl),
            "Zin om iets te delen? Er is deze week ruimte voor een LinkedIn-bericht."
        );
        assert_eq!(Lang::from_code("nl-NL"), Lang::Nl);
        assert_eq!(Lang::from_code("system"), Lang::En);
    }
}
