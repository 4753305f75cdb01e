use afterword_core::model::{Inquiry, InquiryFilter, InquiryInput};
use afterword_core::validate;
use tauri::State;

use crate::error::CommandResult;
use crate::state::AppState;

#[tauri::command(rename_all = "snake_case")]
pub async fn list_inquiries(
    state: State<'_, AppState>,
    filter: InquiryFilter,
) -> CommandResult<Vec<Inquiry>> {
    Ok(state.store()?.list_inquiries(&filter)?)
}

#[tauri::command(rename_all = "snake_case")]
pub async fn get_inquiry(state: State<'_, AppState>, id: i64) -> CommandResult<Inquiry> {
    Ok(state.store()?.get_inquiry(id)?)
}

#[tauri::command(rename_all = "snake_case")]
pub async fn create_inquiry(
    state: State<'_, AppState>,
    input: InquiryInput,
) -> CommandResult<Inquiry> {
    let now_ms = state.clock.now_ms();
    let valid = validate::inquiry(&input, now_ms, &chrono::Local)?;
    Ok(state.store()?.create_inquiry(&valid, now_ms)?)
}

#[tauri::command(rename_all = "snake_case")]
pub async fn update_inquiry(
    state: State<'_, AppState>,
    id: i64,
    input: InquiryInput,
) -> CommandResult<Inquiry> {
    let now_ms = state.clock.now_ms();
    let valid = validate::inquiry(&input, now_ms, &chrono::Local)?;
    Ok(state.store()?.update_inquiry(id, &valid, now_ms)?)
}

#[tauri::command(rename_all = "snake_case")]
pub async fn delete_inquiry(state: State<'_, AppState>, id: i64) -> CommandResult<()> {
    Ok(state.store()?.delete_inquiry(id, state.clock.now_ms())?)
}

#[tauri::command(rename_all = "snake_case")]
pub async fn restore_inquiry(state: State<'_, AppState>, id: i64) -> CommandResult<Inquiry> {
    Ok(state.store()?.restore_inquiry(id, state.clock.now_ms())?)
}

/// The user followed up with an open inquiry: follow-up reminders count from now.
#[tauri::command(rename_all = "snake_case")]
pub async fn mark_followed_up(state: State<'_, AppState>, id: i64) -> CommandResult<Inquiry> {
    let store = state.store()?;
    store.mark_followed_up(id, state.clock.now_ms())?;
    Ok(store.get_inquiry(id)?)
}
