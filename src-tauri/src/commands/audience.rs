//! The Audience view and a post's numbers: audience sizes, engagement per post next to what
//! followed (the insights settings the user chose), and the months side by side.

use afterword_core::audience::{self, AudienceHeadline, AudienceOverview, PostEngagement};
use afterword_core::insights::InsightSettings;
use afterword_core::model::{
    AudienceMeasure, AudienceSnapshot, AudienceSnapshotEdit, AudienceSnapshotInput,
    AudienceSnapshotPage, PostMetrics, PostNumbers,
};
use tauri::State;

use super::insights::SETTINGS_KEY;
use crate::error::CommandResult;
use crate::state::AppState;

/// What the view paints first, in a few milliseconds: each series' first and latest size and
/// the counts of posts, conversations and clients. The overview follows.
#[tauri::command(rename_all = "snake_case")]
pub async fn audience_headline(state: State<'_, AppState>) -> CommandResult<AudienceHeadline> {
    Ok(audience::headline(&*state.store()?)?)
}

/// What the view shows next: the chart's series, the months, the observations and, with
/// `first_page`, only the table's first rows (`total_posts` counts them all).
#[tauri::command(rename_all = "snake_case")]
pub async fn audience_overview(
    state: State<'_, AppState>,
    first_page: Option<usize>,
) -> CommandResult<AudienceOverview> {
    let store = state.store()?;
    let settings: InsightSettings = store.get_json_setting(SETTINGS_KEY)?;
    Ok(audience::overview(
        &store,
        &settings,
        state.clock.now_ms(),
        &chrono::Local,
        first_page,
    )?)
}

/// Every post's row of the table, in its order: what the view asks for after the first paint.
#[tauri::command(rename_all = "snake_case")]
pub async fn audience_posts(state: State<'_, AppState>) -> CommandResult<Vec<PostEngagement>> {
    let store = state.store()?;
    let settings: InsightSettings = store.get_json_setting(SETTINGS_KEY)?;
    Ok(audience::post_engagement(
        &store,
        &settings,
        state.clock.now_ms(),
        &chrono::Local,
    )?)
}

#[tauri::command(rename_all = "snake_case")]
pub async fn add_audience_snapshot(
    state: State<'_, AppState>,
    input: AudienceSnapshotInput,
) -> CommandResult<AudienceSnapshot> {
    Ok(state
        .store()?
        .add_audience_snapshot(&input, state.clock.now_ms(), &chrono::Local)?)
}

/// One page of a channel's recorded sizes in one measure, newest first, for the list under the
/// chart.
#[tauri::command(rename_all = "snake_case")]
pub async fn audience_sizes(
    state: State<'_, AppState>,
    channel_id: i64,
    measure: AudienceMeasure,
    offset: i64,
    limit: i64,
) -> CommandResult<AudienceSnapshotPage> {
    Ok(state
        .store()?
        .audience_snapshot_page(channel_id, measure, offset, limit)?)
}

/// Corrects a recorded size: its moment and number.
#[tauri::command(rename_all = "snake_case")]
pub async fn update_audience_snapshot(
    state: State<'_, AppState>,
    id: i64,
    edit: AudienceSnapshotEdit,
) -> CommandResult<AudienceSnapshot> {
    Ok(state
        .store()?
        .update_audience_snapshot(id, &edit, state.clock.now_ms(), &chrono::Local)?)
}

#[tauri::command(rename_all = "snake_case")]
pub async fn delete_audience_snapshot(state: State<'_, AppState>, id: i64) -> CommandResult<()> {
    Ok(state
        .store()?
        .delete_audience_snapshot(id, state.clock.now_ms())?)
}

#[tauri::command(rename_all = "snake_case")]
pub async fn restore_audience_snapshot(
    state: State<'_, AppState>,
    id: i64,
) -> CommandResult<AudienceSnapshot> {
    Ok(state.store()?.restore_audience_snapshot(id)?)
}

/// Records the given numbers of a post (those not null) and returns its latest numbers.
#[tauri::command(rename_all = "snake_case")]
pub async fn set_post_metrics(
    state: State<'_, AppState>,
    post_id: i64,
    values: PostMetrics,
) -> CommandResult<PostMetrics> {
    Ok(state
        .store()?
        .set_post_metrics(post_id, &values, state.clock.now_ms())?)
}

/// A post's latest numbers and their history, for its "Numbers" form.
#[tauri::command(rename_all = "snake_case")]
pub async fn post_numbers(state: State<'_, AppState>, post_id: i64) -> CommandResult<PostNumbers> {
    let store = state.store()?;
    Ok(PostNumbers {
        latest: store.post_metrics(post_id)?,
        history: store.metric_history(post_id)?,
    })
}
