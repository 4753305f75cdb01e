//! Ideas for posts: a title and a note, optionally a planned day and a channel.

use afterword_core::model::{Post, PostInput};
use afterword_core::rhythm::{Idea, IdeaInput};
use afterword_core::validate;
use tauri::State;

use crate::error::CommandResult;
use crate::state::AppState;

#[tauri::command(rename_all = "snake_case")]
pub async fn list_ideas(state: State<'_, AppState>) -> CommandResult<Vec<Idea>> {
    Ok(state.store()?.list_ideas()?)
}

#[tauri::command(rename_all = "snake_case")]
pub async fn create_idea(state: State<'_, AppState>, input: IdeaInput) -> CommandResult<Idea> {
    let valid = input.validate()?;
    Ok(state.store()?.create_idea(&valid, state.clock.now_ms())?)
}

#[tauri::command(rename_all = "snake_case")]
pub async fn update_idea(
    state: State<'_, AppState>,
    id: i64,
    input: IdeaInput,
) -> CommandResult<Idea> {
    let valid = input.validate()?;
    Ok(state
        .store()?
        .update_idea(id, &valid, state.clock.now_ms())?)
}

#[tauri::command(rename_all = "snake_case")]
pub async fn delete_idea(state: State<'_, AppState>, id: i64) -> CommandResult<()> {
    Ok(state.store()?.delete_idea(id, state.clock.now_ms())?)
}

#[tauri::command(rename_all = "snake_case")]
pub async fn restore_idea(state: State<'_, AppState>, id: i64) -> CommandResult<Idea> {
    Ok(state.store()?.restore_idea(id, state.clock.now_ms())?)
}

/// Logs the post an idea became and links the two, in one transaction.
#[tauri::command(rename_all = "snake_case")]
pub async fn convert_idea(
    state: State<'_, AppState>,
    id: i64,
    input: PostInput,
) -> CommandResult<Post> {
    let now_ms = state.clock.now_ms();
    let valid = validate::post(&input, now_ms, &chrono::Local)?;
    Ok(state.store()?.convert_idea_to_post(id, &valid, now_ms)?)
}
