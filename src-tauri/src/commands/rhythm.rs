//! The plan view: the user's own rhythm per channel, soft targets, the calendar, the .ics export.

use afterword_core::rhythm::{CalendarData, ChannelCadence};
use afterword_core::Error;
use chrono::NaiveDate;
use tauri::State;

use crate::error::{CommandError, CommandResult};
use crate::state::AppState;

/// The exported calendar's file name (in the Downloads folder).
pub const ICS_FILE_NAME: &str = "afterword-plan.ics";

#[tauri::command(rename_all = "snake_case")]
pub async fn rhythm_overview(state: State<'_, AppState>) -> CommandResult<Vec<ChannelCadence>> {
    Ok(state.store()?.rhythm_overview(state.clock.now_ms())?)
}

/// Sets (every_days 1..=365) or turns off (null) a channel's soft target.
#[tauri::command(rename_all = "snake_case")]
pub async fn set_rhythm_target(
    state: State<'_, AppState>,
    channel_id: i64,
    every_days: Option<u32>,
) -> CommandResult<Vec<ChannelCadence>> {
    let store = state.store()?;
    let now = state.clock.now_ms();
    store.set_rhythm_target(channel_id, every_days, now)?;
    state.reminders_changed();
    Ok(store.rhythm_overview(now)?)
}

fn day(field: &'static str, value: &str) -> Result<NaiveDate, Error> {
    NaiveDate::parse_from_str(value.trim(), "%Y-%m-%d").map_err(|_| {
        Error::invalid(
            field,
            "day_invalid",
            format!("'{value}' is not a day; use YYYY-MM-DD"),
        )
    })
}

/// Posts and planned ideas on the local days `from`..=`to`.
#[tauri::command(rename_all = "snake_case")]
pub async fn calendar(
    state: State<'_, AppState>,
    from: String,
    to: String,
) -> CommandResult<CalendarData> {
    let (from, to) = (day("from", &from)?, day("to", &to)?);
    Ok(state.store()?.calendar(from, to, &chrono::Local)?)
}

/// Writes the plan as an iCalendar file to the Downloads folder (else the home folder) and
/// returns where. Written to a temporary file first, so a calendar app that subscribed to it
/// never reads half a file.
#[tauri::command(rename_all = "snake_case")]
pub async fn export_plan_ics(state: State<'_, AppState>) -> CommandResult<String> {
    let ics = state
        .store()?
        .plan_ics(state.clock.now_ms(), &chrono::Local)?;
    let dir = dirs::download_dir()
        .filter(|d| d.is_dir())
        .or_else(dirs::home_dir)
        .unwrap_or_else(|| state.data_dir().to_path_buf());
    let path = dir.join(ICS_FILE_NAME);
    let tmp = dir.join(format!(".{ICS_FILE_NAME}.tmp"));
    let io = |e: std::io::Error| {
        CommandError::new("io", format!("could not write {}: {e}", path.display()))
    };
    std::fs::write(&tmp, ics.as_bytes()).map_err(io)?;
    std::fs::rename(&tmp, &path).map_err(io)?;
    Ok(path.display().to_string())
}
