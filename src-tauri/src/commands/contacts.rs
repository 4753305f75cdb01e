//! The People view: contacts, how the user knows them, and the moments they engaged.

use afterword_core::model::{
    Contact, ContactInput, ContactOverview, ContactTouch, HowKnown, TouchInput,
};
use tauri::State;

use crate::error::CommandResult;
use crate::state::AppState;

#[tauri::command(rename_all = "snake_case")]
pub async fn list_contacts(state: State<'_, AppState>) -> CommandResult<Vec<ContactOverview>> {
    Ok(state
        .store()?
        .contacts_overview(state.clock.now_ms(), &chrono::Local)?)
}

#[tauri::command(rename_all = "snake_case")]
pub async fn create_contact(
    state: State<'_, AppState>,
    input: ContactInput,
) -> CommandResult<Contact> {
    Ok(state
        .store()?
        .create_contact(&input, state.clock.now_ms())?)
}

#[tauri::command(rename_all = "snake_case")]
pub async fn update_contact(
    state: State<'_, AppState>,
    id: i64,
    input: ContactInput,
) -> CommandResult<Contact> {
    Ok(state
        .store()?
        .update_contact(id, &input, state.clock.now_ms())?)
}

#[tauri::command(rename_all = "snake_case")]
pub async fn set_how_known(
    state: State<'_, AppState>,
    id: i64,
    how_known: HowKnown,
) -> CommandResult<Contact> {
    Ok(state
        .store()?
        .set_how_known(id, how_known, state.clock.now_ms())?)
}

#[tauri::command(rename_all = "snake_case")]
pub async fn delete_contact(state: State<'_, AppState>, id: i64) -> CommandResult<()> {
    Ok(state.store()?.delete_contact(id, state.clock.now_ms())?)
}

#[tauri::command(rename_all = "snake_case")]
pub async fn restore_contact(state: State<'_, AppState>, id: i64) -> CommandResult<Contact> {
    Ok(state.store()?.restore_contact(id, state.clock.now_ms())?)
}

#[tauri::command(rename_all = "snake_case")]
pub async fn add_touch(
    state: State<'_, AppState>,
    input: TouchInput,
) -> CommandResult<ContactTouch> {
    Ok(state
        .store()?
        .add_touch(&input, state.clock.now_ms(), &chrono::Local)?)
}

/// Removes a touch and returns it, so that undo can add the same moment again.
#[tauri::command(rename_all = "snake_case")]
pub async fn delete_touch(state: State<'_, AppState>, id: i64) -> CommandResult<ContactTouch> {
    Ok(state.store()?.delete_touch(id)?)
}
