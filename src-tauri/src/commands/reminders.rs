//! Reminder settings: what may remind, when not, snooze and pause, and a preview of the next one.
//! Always in the user's own database (the sample data never reminds of anything).

use afterword_core::rhythm::{ReminderPrefs, ReminderPreview};
use afterword_core::time::MS_PER_DAY;
use afterword_core::Error;
use tauri::{AppHandle, Runtime, State};

use crate::error::CommandResult;
use crate::language::shell_lang;
use crate::state::AppState;

/// The longest pause Settings offers, in weeks.
pub const MAX_PAUSE_WEEKS: u32 = 52;

#[tauri::command(rename_all = "snake_case")]
pub async fn get_reminder_prefs(state: State<'_, AppState>) -> CommandResult<ReminderPrefs> {
    Ok(state.real_store()?.reminder_prefs()?)
}

#[tauri::command(rename_all = "snake_case")]
pub async fn set_reminder_prefs(
    state: State<'_, AppState>,
    prefs: ReminderPrefs,
) -> CommandResult<ReminderPrefs> {
    let store = state.real_store()?;
    store.set_reminder_prefs(&prefs)?;
    state.reminders_changed();
    Ok(store.reminder_prefs()?)
}

/// Nothing for a day (1) or a week (7).
#[tauri::command(rename_all = "snake_case")]
pub async fn snooze_reminders(
    state: State<'_, AppState>,
    days: u32,
) -> CommandResult<ReminderPrefs> {
    if !matches!(days, 1 | 7) {
        return Err(Error::invalid(
            "days",
            "snooze_invalid",
            format!("reminders can be snoozed for a day or a week, not {days} days"),
        )
        .into());
    }
    let until = state.clock.now_ms() + i64::from(days) * MS_PER_DAY;
    let prefs = state.real_store()?.snooze_reminders(until)?;
    state.reminders_changed();
    Ok(prefs)
}

/// Pauses everything for `weeks` (1..=52); null resumes now.
#[tauri::command(rename_all = "snake_case")]
pub async fn pause_reminders<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    weeks: Option<u32>,
) -> CommandResult<ReminderPrefs> {
    if let Some(w) = weeks.filter(|w| !(1..=MAX_PAUSE_WEEKS).contains(w)) {
        return Err(Error::invalid(
            "weeks",
            "pause_invalid",
            format!("reminders can be paused for 1 to {MAX_PAUSE_WEEKS} weeks, not {w}"),
        )
        .into());
    }
    let until = weeks.map(|w| state.clock.now_ms() + i64::from(w) * 7 * MS_PER_DAY);
    let prefs = state.real_store()?.pause_reminders(until)?;
    state.reminders_changed();
    crate::tray::refresh(&app);
    Ok(prefs)
}

/// The next planned reminder in the user's language, or null.
#[tauri::command(rename_all = "snake_case")]
pub async fn next_reminder(state: State<'_, AppState>) -> CommandResult<Option<ReminderPreview>> {
    let store = state.real_store()?;
    let lang = shell_lang(&store);
    Ok(store
        .next_reminder(state.clock.now_ms(), &chrono::Local)?
        .map(|r| r.preview(lang)))
}
