//! Possible inquiries found by imports: list the open ones, dismiss one, or turn one into an
//! inquiry from the form the user filled in (the inquiry and the candidate's new state are
//! written together).

use afterword_core::model::{Inquiry, InquiryCandidate, InquiryInput};
use afterword_core::validate;
use tauri::State;

use crate::error::CommandResult;
use crate::state::AppState;

#[tauri::command(rename_all = "snake_case")]
pub async fn list_candidates(state: State<'_, AppState>) -> CommandResult<Vec<InquiryCandidate>> {
    Ok(state.store()?.list_candidates()?)
}

#[tauri::command(rename_all = "snake_case")]
pub async fn dismiss_candidate(state: State<'_, AppState>, id: i64) -> CommandResult<()> {
    Ok(state.store()?.dismiss_candidate(id, state.clock.now_ms())?)
}

#[tauri::command(rename_all = "snake_case")]
pub async fn accept_candidate(
    state: State<'_, AppState>,
    id: i64,
    input: InquiryInput,
) -> CommandResult<Inquiry> {
    let now_ms = state.clock.now_ms();
    let valid = validate::inquiry(&input, now_ms, &chrono::Local)?;
    Ok(state.store()?.accept_candidate(id, &valid, now_ms)?)
}
