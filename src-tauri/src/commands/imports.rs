//! Imports from the window: preview first, then apply (all or nothing). Each call reads the
//! export again, so nothing half-parsed is kept between the two.

use afterword_core::import::{self, Context, ImportOutcome, ImportPreview, ImportSource};
use afterword_core::Error;
use tauri::State;

use crate::error::CommandResult;
use crate::state::AppState;

fn context(state: &AppState, channel: Option<String>) -> Context {
    Context {
        now_ms: state.clock.now_ms(),
        tz: chrono::Local,
        channel: channel.filter(|c| !c.trim().is_empty()),
    }
}

fn path_of(path: &str) -> Result<std::path::PathBuf, Error> {
    let path = path.trim();
    if path.is_empty() {
        return Err(Error::invalid(
            "path",
            "path_required",
            "choose the export file or folder to import",
        ));
    }
    Ok(std::path::PathBuf::from(path))
}

/// What importing `path` would add, find already present, reject or skip; writes nothing.
#[tauri::command(rename_all = "snake_case")]
pub async fn import_preview(
    state: State<'_, AppState>,
    source: ImportSource,
    path: String,
    channel: Option<String>,
) -> CommandResult<ImportPreview> {
    let parsed = source.parse(&path_of(&path)?, &context(&state, channel))?;
    Ok(import::preview(&*state.store()?, &parsed)?)
}

/// Imports `path` in one transaction; a file with any rejected row imports nothing.
#[tauri::command(rename_all = "snake_case")]
pub async fn import_apply(
    state: State<'_, AppState>,
    source: ImportSource,
    path: String,
    channel: Option<String>,
) -> CommandResult<ImportOutcome> {
    let ctx = context(&state, channel);
    let parsed = source.parse(&path_of(&path)?, &ctx)?;
    Ok(import::apply(&*state.store()?, &parsed, ctx.now_ms)?)
}

/// The CSV layout with example rows (csv_posts, csv_inquiries).
#[tauri::command(rename_all = "snake_case")]
pub async fn import_template(source: ImportSource) -> CommandResult<String> {
    Ok(source.template().ok_or_else(|| {
        Error::invalid(
            "source",
            "template_unavailable",
            "templates exist for the CSV layouts only",
        )
    })?)
}
