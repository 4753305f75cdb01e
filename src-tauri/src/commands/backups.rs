//! Settings → Backups and export: the automatic backups, back up now, restore (checked first,
//! the current data kept), and the JSON and CSV exports.
//!
//! Backups and restore are always of the user's own database, also while the sample data is on
//! (a restore leaves the sample data). Exports are of the data the window shows.

use std::path::{Path, PathBuf};

use afterword_core::backup::{self, BackupCheck, BackupOverview, RestoreOutcome};
use afterword_core::{export, Error};
use tauri::State;

use crate::error::CommandResult;
use crate::state::AppState;

/// The backups folder inside the data dir.
pub fn backups_dir(state: &AppState) -> PathBuf {
    backup::backups_dir(state.data_dir())
}

/// Where exports go by default: the Downloads folder, else home, else the data dir.
pub fn export_folder(state: &AppState) -> PathBuf {
    dirs::download_dir()
        .filter(|d| d.is_dir())
        .or_else(dirs::home_dir)
        .unwrap_or_else(|| state.data_dir().to_path_buf())
}

fn overview(state: &AppState) -> CommandResult<BackupOverview> {
    let dir = backups_dir(state);
    Ok(BackupOverview {
        folder: dir.display().to_string(),
        backups: backup::list_backups(&dir)?,
        export_folder: export_folder(state).display().to_string(),
    })
}

#[tauri::command(rename_all = "snake_case")]
pub async fn backup_overview(state: State<'_, AppState>) -> CommandResult<BackupOverview> {
    overview(&state)
}

/// Writes today's backup now (replacing an earlier one of today), then the rotation.
#[tauri::command(rename_all = "snake_case")]
pub async fn back_up_now(state: State<'_, AppState>) -> CommandResult<BackupOverview> {
    let store = state.real_store()?;
    // A backup never holds what was deleted longer ago than undo reaches.
    store.erase_expired(state.clock.now_ms())?;
    backup::back_up_today(
        &store,
        &backups_dir(&state),
        chrono::Local::now().date_naive(),
    )?;
    overview(&state)
}

/// A file the user typed or picked: `~/` is their home; anything else must be absolute (the
/// app's working folder means nothing to them).
fn user_path(field: &'static str, raw: &str) -> Result<PathBuf, Error> {
    let raw = raw.trim();
    if raw.is_empty() {
        return Err(Error::invalid(
            field,
            "path_required",
            "choose a file or folder",
        ));
    }
    let path = match (raw.strip_prefix("~/"), dirs::home_dir()) {
        (Some(rest), Some(home)) => home.join(rest),
        _ => PathBuf::from(raw),
    };
    if !path.is_absolute() {
        return Err(Error::invalid(
            field,
            "path_not_absolute",
            format!("'{raw}' is not a full path; use Browse… or start it with /"),
        ));
    }
    Ok(path)
}

/// What a backup holds, for the confirm step; refuses a damaged, foreign or newer file.
#[tauri::command(rename_all = "snake_case")]
pub async fn check_backup(path: String) -> CommandResult<BackupCheck> {
    Ok(backup::check_backup(&user_path("path", &path)?)?)
}

/// Restores the backup at `path` into the user's own database. The window then reloads.
#[tauri::command(rename_all = "snake_case")]
pub async fn restore_backup(
    state: State<'_, AppState>,
    path: String,
) -> CommandResult<RestoreOutcome> {
    let path = user_path("path", &path)?;
    let store = state.real_store()?;
    // Checked before leaving the sample data, so a refused file changes nothing at all.
    backup::check_backup(&path)?;
    state.leave_demo()?;
    let outcome = backup::restore(
        &store,
        &path,
        &backups_dir(&state),
        chrono::Local::now().naive_local(),
    )?;
    state.reminders_changed();
    Ok(outcome)
}

fn today() -> String {
    chrono::Local::now().format("%Y-%m-%d").to_string()
}

/// The folder the user chose, else the default export folder; created when missing.
fn export_target(state: &AppState, folder: Option<String>) -> Result<PathBuf, Error> {
    let dir = match folder.filter(|p| !p.trim().is_empty()) {
        Some(p) => user_path("folder", &p)?,
        None => export_folder(state),
    };
    std::fs::create_dir_all(&dir)?;
    Ok(dir)
}

/// Writes every table as JSON to `afterword-export-DATE.json` in `folder` (default: Downloads).
/// Returns the file.
#[tauri::command(rename_all = "snake_case")]
pub async fn export_json(
    state: State<'_, AppState>,
    folder: Option<String>,
) -> CommandResult<String> {
    let path = export_target(&state, folder)?.join(format!("afterword-export-{}.json", today()));
    let store = state.store()?;
    // The export keeps deleted rows as tombstones; their content must not leave with it.
    store.erase_expired(state.clock.now_ms())?;
    export::write_json(&store, &path)?;
    Ok(path.display().to_string())
}

/// Writes a CSV per table into `afterword-csv-DATE/` in `folder` (default: Downloads). Returns
/// that folder.
#[tauri::command(rename_all = "snake_case")]
pub async fn export_csv(
    state: State<'_, AppState>,
    folder: Option<String>,
) -> CommandResult<String> {
    let dir = export_target(&state, folder)?.join(format!("afterword-csv-{}", today()));
    export::csv::export_csv(&*state.store()?, &dir, &chrono::Local)?;
    Ok(dir.display().to_string())
}

/// What a picker returns: the path, or None when the user cancelled (or the dialog gave no
/// file path, which desktop dialogs never do).
fn picked(path: Option<tauri_plugin_dialog::FilePath>) -> Option<String> {
    path.and_then(|p| p.into_path().ok())
        .map(|p| p.display().to_string())
}

fn start_in(dir: Option<String>) -> Option<PathBuf> {
    dir.map(PathBuf::from).filter(|d| Path::new(d).is_dir())
}

/// A file dialog over `window` with its title and the folder it opens in (when that exists).
fn file_dialog<R: tauri::Runtime>(
    window: &tauri::WebviewWindow<R>,
    title: Option<String>,
    directory: Option<String>,
) -> tauri_plugin_dialog::FileDialogBuilder<R> {
    use tauri_plugin_dialog::DialogExt;
    let mut dialog = window.dialog().file().set_parent(window);
    if let Some(t) = title {
        dialog = dialog.set_title(t);
    }
    if let Some(d) = start_in(directory) {
        dialog = dialog.set_directory(d);
    }
    dialog
}

/// The system's "open file" dialog; the chosen file, or null when the user cancelled. The
/// dialog runs in Rust: the window itself gets no dialog or file-system permission.
#[tauri::command(rename_all = "snake_case")]
pub async fn pick_file<R: tauri::Runtime>(
    window: tauri::WebviewWindow<R>,
    title: Option<String>,
    directory: Option<String>,
) -> CommandResult<Option<String>> {
    let dialog = file_dialog(&window, title, directory);
    Ok(picked(dialog.blocking_pick_file()))
}

/// The system's "choose folder" dialog; the folder, or null.
#[tauri::command(rename_all = "snake_case")]
pub async fn pick_folder<R: tauri::Runtime>(
    window: tauri::WebviewWindow<R>,
    title: Option<String>,
    directory: Option<String>,
) -> CommandResult<Option<String>> {
    let dialog = file_dialog(&window, title, directory);
    Ok(picked(dialog.blocking_pick_folder()))
}

/// The system's "save as" dialog, suggesting `file_name`; the chosen path, or null.
#[tauri::command(rename_all = "snake_case")]
pub async fn pick_save_path<R: tauri::Runtime>(
    window: tauri::WebviewWindow<R>,
    title: Option<String>,
    directory: Option<String>,
    file_name: Option<String>,
) -> CommandResult<Option<String>> {
    let mut dialog = file_dialog(&window, title, directory);
    if let Some(name) = file_name.filter(|n| !n.trim().is_empty()) {
        dialog = dialog.set_file_name(name);
    }
    Ok(picked(dialog.blocking_save_file()))
}
