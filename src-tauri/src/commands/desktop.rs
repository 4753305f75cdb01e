//! How the app lives on the desktop: closing to the tray, starting at login.

use afterword_core::model::WindowPrefs;
use tauri::ipc::Channel;
use tauri::{AppHandle, Manager, Runtime, State};
use tauri_plugin_autostart::AutoLaunchManager;

use crate::error::{CommandError, CommandResult};
use crate::state::AppState;
use crate::window::{Navigate, NavigationRequests};

#[tauri::command(rename_all = "snake_case")]
pub async fn get_window_prefs(state: State<'_, AppState>) -> CommandResult<WindowPrefs> {
    Ok(state.real_store()?.window_prefs()?)
}

/// Saves the preferences; turning "start at login" on or off writes (or removes) the desktop's
/// autostart entry first, so a failure there saves nothing.
#[tauri::command(rename_all = "snake_case")]
pub async fn set_window_prefs<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    prefs: WindowPrefs,
) -> CommandResult<WindowPrefs> {
    let store = state.real_store()?;
    let before = store.window_prefs()?;
    if prefs.start_at_login != before.start_at_login {
        let autostart = app.try_state::<AutoLaunchManager>().ok_or_else(|| {
            CommandError::new("autostart", "starting at login is not available here")
        })?;
        let done = if prefs.start_at_login {
            autostart.enable()
        } else {
            autostart.disable()
        };
        done.map_err(|e| {
            CommandError::new("autostart", format!("could not change start at login: {e}"))
        })?;
    }
    store.set_window_prefs(&prefs)?;
    Ok(store.window_prefs()?)
}

/// The page hands over the channel the shell's requests to show a view come through (a tray menu
/// item, a click on a notification); see [`NavigationRequests`].
#[tauri::command(rename_all = "snake_case")]
pub async fn subscribe_navigation(
    requests: State<'_, NavigationRequests>,
    channel: Channel<Navigate>,
) -> CommandResult<()> {
    requests.subscribe(channel);
    Ok(())
}
