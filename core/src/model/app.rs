use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::ErrorPayload;

/// What the window needs to know about the running app at start.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct AppInfo {
    pub version: String,
    pub data_dir: String,
    /// The database file in use (the demo database while sample data is shown).
    pub database_path: String,
    /// True while the sample-data database is open instead of the user's own.
    pub demo: bool,
    /// The operating system's locale, e.g. "nl-NL"; the UI follows it unless `language` is set.
    pub system_locale: String,
    /// "system", "en" or "nl".
    pub language: String,
    /// Set when the database could not be opened; the window shows it instead of the app.
    pub startup_error: Option<ErrorPayload>,
}

/// The settings key the window preferences are stored under.
pub const WINDOW_PREFS_KEY: &str = "window";

/// How the desktop window behaves; the shell applies these, core only keeps them. Every field
/// has a serde default, so an older or partial saved value reads with the rest off.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(default)]
#[ts(export)]
pub struct WindowPrefs {
    /// Closing the window keeps Afterword in the tray (so reminders can still come).
    pub close_to_tray: bool,
    /// Start Afterword when the user logs in.
    pub start_at_login: bool,
}
