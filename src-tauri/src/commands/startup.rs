//! The page's start-up mark (see crate::startup).

use tauri::{AppHandle, Runtime, State};

use crate::startup::{self, Startup};

/// The first view shows real data (or the start-up error): show the window, record the moment.
/// `steps`: the page's moments on the way (name, epoch ms), for the bench's breakdown; names
/// that are not short words are ignored. Synchronous, so it runs on the main thread where
/// windows are shown.
#[tauri::command(rename_all = "snake_case")]
pub fn startup_mark<R: Runtime>(
    app: AppHandle<R>,
    startup: State<'_, Startup>,
    steps: Option<Vec<(String, f64)>>,
) {
    startup::mark(&app, &startup, steps.as_deref().unwrap_or_default());
}
