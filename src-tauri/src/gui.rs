//! The window. The builder is generic over the runtime so that command wiring is tested with
//! tauri's mock runtime (see tests/commands.rs).

use std::path::PathBuf;

use tauri::{Builder, Runtime};

use crate::data_dir;
use crate::state::AppState;

/// Adds Afterword's state and commands to a builder of any runtime.
pub fn configure<R: Runtime>(builder: Builder<R>, state: AppState) -> Builder<R> {
    builder
        // Used from Rust only (see commands::app::open_link); the window gets none of its
        // commands, so it cannot open files or arbitrary URLs.
        .plugin(tauri_plugin_opener::init())
        .manage(state)
        .invoke_handler(crate::all_commands!())
}

/// Opens the window on the data dir and runs until it closes. Returns the exit code.
pub fn run(data_dir: Option<PathBuf>) -> i32 {
    let dir = data_dir::resolve(data_dir);
    let state = AppState::open(&dir);
    let result = configure(tauri::Builder::default(), state).run(tauri::generate_context!());
    match result {
        Ok(()) => 0,
        Err(e) => {
            eprintln!("afterword: could not open the window: {e}");
            1
        }
    }
}
