//! The insights view: the report, and the model/window/half-life the user chose.

use afterword_core::insights::{self, DateRange, InsightSettings, InsightsReport};
use tauri::State;

use crate::error::CommandResult;
use crate::state::AppState;

pub const SETTINGS_KEY: &str = "insights";

#[tauri::command(rename_all = "snake_case")]
pub async fn insights_report(
    state: State<'_, AppState>,
    settings: InsightSettings,
    from: Option<String>,
    to: Option<String>,
) -> CommandResult<InsightsReport> {
    let tz = chrono::Local;
    let range = DateRange::parse(from.as_deref(), to.as_deref(), &tz)?.until(state.clock.now_ms());
    Ok(insights::report(&*state.store()?, &settings, &range, &tz)?)
}

#[tauri::command(rename_all = "snake_case")]
pub async fn get_insight_settings(state: State<'_, AppState>) -> CommandResult<InsightSettings> {
    Ok(state.store()?.get_json_setting(SETTINGS_KEY)?)
}

#[tauri::command(rename_all = "snake_case")]
pub async fn set_insight_settings(
    state: State<'_, AppState>,
    settings: InsightSettings,
) -> CommandResult<InsightSettings> {
    settings.validate()?;
    state.store()?.set_json_setting(SETTINGS_KEY, &settings)?;
    Ok(settings)
}
