use afterword_core::model::{Channel, ChannelInput};
use tauri::State;

use crate::error::CommandResult;
use crate::state::AppState;

#[tauri::command(rename_all = "snake_case")]
pub async fn list_channels(state: State<'_, AppState>) -> CommandResult<Vec<Channel>> {
    Ok(state.store()?.list_channels()?)
}

#[tauri::command(rename_all = "snake_case")]
pub async fn add_channel(
    state: State<'_, AppState>,
    input: ChannelInput,
) -> CommandResult<Channel> {
    Ok(state.store()?.add_channel(&input, state.clock.now_ms())?)
}

#[tauri::command(rename_all = "snake_case")]
pub async fn rename_channel(
    state: State<'_, AppState>,
    id: i64,
    name: String,
) -> CommandResult<Channel> {
    Ok(state.store()?.rename_channel(id, &name)?)
}

#[tauri::command(rename_all = "snake_case")]
pub async fn set_channel_archived(
    state: State<'_, AppState>,
    id: i64,
    archived: bool,
) -> CommandResult<Channel> {
    Ok(state.store()?.set_channel_archived(id, archived)?)
}
