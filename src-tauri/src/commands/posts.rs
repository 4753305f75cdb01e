use afterword_core::model::{CandidatePost, Post, PostFilter, PostHeadline, PostInput, PostPage};
use afterword_core::time::parse_moment;
use afterword_core::{validate, Error};
use tauri::State;

use crate::error::CommandResult;
use crate::state::AppState;

/// The confirmed-source picker offers the posts of this many days before an inquiry.
const PICKER_WINDOW_DAYS: i64 = 30;
const PICKER_HALF_LIFE_DAYS: f64 = 7.0;

#[tauri::command(rename_all = "snake_case")]
pub async fn list_posts(
    state: State<'_, AppState>,
    filter: PostFilter,
) -> CommandResult<Vec<Post>> {
    Ok(state.store()?.list_posts(&filter)?)
}

/// The posts list's first page (and more as the user asks): the newest `limit` that match.
#[tauri::command(rename_all = "snake_case")]
pub async fn list_posts_page(
    state: State<'_, AppState>,
    filter: PostFilter,
    limit: u32,
) -> CommandResult<PostPage> {
    Ok(state.store()?.list_posts_page(&filter, limit)?)
}

/// The headlines of the posts other lists point at (an inquiry's source, an idea's post).
#[tauri::command(rename_all = "snake_case")]
pub async fn post_headlines(
    state: State<'_, AppState>,
    ids: Vec<i64>,
) -> CommandResult<Vec<PostHeadline>> {
    Ok(state.store()?.post_headlines(&ids)?)
}

#[tauri::command(rename_all = "snake_case")]
pub async fn get_post(state: State<'_, AppState>, id: i64) -> CommandResult<Post> {
    Ok(state.store()?.get_post(id)?)
}

#[tauri::command(rename_all = "snake_case")]
pub async fn create_post(state: State<'_, AppState>, input: PostInput) -> CommandResult<Post> {
    let now_ms = state.clock.now_ms();
    let valid = validate::post(&input, now_ms, &chrono::Local)?;
    Ok(state.store()?.create_post(&valid, now_ms)?)
}

#[tauri::command(rename_all = "snake_case")]
pub async fn update_post(
    state: State<'_, AppState>,
    id: i64,
    input: PostInput,
) -> CommandResult<Post> {
    let now_ms = state.clock.now_ms();
    let valid = validate::post(&input, now_ms, &chrono::Local)?;
    Ok(state.store()?.update_post(id, &valid, now_ms)?)
}

#[tauri::command(rename_all = "snake_case")]
pub async fn delete_post(state: State<'_, AppState>, id: i64) -> CommandResult<()> {
    Ok(state.store()?.delete_post(id, state.clock.now_ms())?)
}

#[tauri::command(rename_all = "snake_case")]
pub async fn restore_post(state: State<'_, AppState>, id: i64) -> CommandResult<Post> {
    Ok(state.store()?.restore_post(id, state.clock.now_ms())?)
}

/// Posts an inquiry received at `received_at` (local time) may have come from, best first.
#[tauri::command(rename_all = "snake_case")]
pub async fn candidate_posts(
    state: State<'_, AppState>,
    received_at: String,
) -> CommandResult<Vec<CandidatePost>> {
    let at = parse_moment(&received_at, &chrono::Local).map_err(|_| {
        Error::invalid(
            "received_at",
            "date_invalid",
            format!("'{received_at}' is not a valid date and time; use YYYY-MM-DD HH:MM"),
        )
    })?;
    Ok(state.store()?.candidate_posts(
        at.timestamp_millis(),
        PICKER_WINDOW_DAYS,
        PICKER_HALF_LIFE_DAYS,
    )?)
}
