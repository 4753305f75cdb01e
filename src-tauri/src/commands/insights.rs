//! The insights view: the report, one post's credited inquiries, and the model/window/half-life
//! the user chose.

use afterword_core::insights::{self, DateRange, InquiryCredit, InsightSettings, InsightsSummary};
use tauri::State;

use crate::error::CommandResult;
use crate::state::AppState;

pub const SETTINGS_KEY: &str = "insights";

/// Every number of the view: the report without each post's list of credited inquiries, which
/// the view asks for with [`post_credits`] when the user points at a post. (`afterword report
/// --json` prints the lists too.) With `first_page`, only the posts the table shows first
/// ([`InsightsSummary::first_page`]): what the view paints first, before it asks for them all.
#[tauri::command(rename_all = "snake_case")]
pub async fn insights_report(
    state: State<'_, AppState>,
    settings: InsightSettings,
    from: Option<String>,
    to: Option<String>,
    first_page: Option<usize>,
) -> CommandResult<InsightsSummary> {
    let tz = chrono::Local;
    let range = DateRange::parse(from.as_deref(), to.as_deref(), &tz)?.until(state.clock.now_ms());
    let summary = insights::summary(&*state.store()?, &settings, &range, &tz)?;
    Ok(match first_page {
        Some(n) => summary.first_page(n),
        None => summary,
    })
}

/// The inquiries credited to one post, with their weights, in the order they came in: that
/// post's list in the report over the same settings and days (empty when it lists none).
#[tauri::command(rename_all = "snake_case")]
pub async fn post_credits(
    state: State<'_, AppState>,
    post_id: i64,
    settings: InsightSettings,
    from: Option<String>,
    to: Option<String>,
) -> CommandResult<Vec<InquiryCredit>> {
    let range = DateRange::parse(from.as_deref(), to.as_deref(), &chrono::Local)?;
    Ok(insights::post_credits(
        &*state.store()?,
        &settings,
        &range,
        post_id,
    )?)
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
