//! The page's start-up mark (see crate::startup).

use tauri::{AppHandle, Runtime, State};

use crate::startup::{self, Startup};

/// The first view shows real data (or the start-up error): show the window, record the moment.
/// Synchronous, so it runs on the main thread where windows are shown.
#[tauri::command(rename_all = "snake_case")]
pub fn startup_mark<R: Runtime>(app: AppHandle<R>, startup: State<'_, Startup>) {
    startup::mark(&app, &startup);
}
