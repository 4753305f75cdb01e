//! The main window from the shell's side: bringing it back (from the tray or a notification) on
//! a given view, and closing it to the tray when the user asked for that.

use serde::Serialize;
use tauri::{AppHandle, Emitter, Manager, Runtime, Window, WindowEvent};

use crate::state::AppState;

/// The window's label in tauri.conf.json.
pub const MAIN: &str = "main";
/// The event the UI listens to (see ui/src/App.svelte).
pub const NAVIGATE_EVENT: &str = "navigate";

/// The views the shell can open; the UI's view ids.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum View {
    Posts,
    Inquiries,
    Plan,
    Settings,
}

/// What the shell asks of the UI: a view, and optionally to open its "new" form.
#[derive(Debug, Clone, Serialize)]
pub struct Navigate {
    pub view: View,
    pub action: Option<&'static str>,
}

/// Shows, un-minimises and focuses the main window.
pub fn show_main<R: Runtime>(app: &AppHandle<R>) {
    if let Some(window) = app.get_webview_window(MAIN) {
        let _ = window.show();
        let _ = window.unminimize();
        let _ = window.set_focus();
    }
}

/// Shows the main window on `view`; `action` "new" also opens the view's form.
pub fn open_view<R: Runtime>(app: &AppHandle<R>, view: View, action: Option<&'static str>) {
    show_main(app);
    if let Err(e) = app.emit_to(MAIN, NAVIGATE_EVENT, Navigate { view, action }) {
        eprintln!("afterword: could not switch the view: {e}");
    }
}

/// Closing the window hides it instead when "close to the tray" is on (and a tray exists), so
/// reminders keep coming; otherwise the app quits as usual.
pub fn on_window_event<R: Runtime>(window: &Window<R>, event: &WindowEvent) {
    let WindowEvent::CloseRequested { api, .. } = event else {
        return;
    };
    if window.label() != MAIN {
        return;
    }
    let app = window.app_handle();
    let to_tray = app
        .try_state::<AppState>()
        .and_then(|state| state.real_store().ok())
        .and_then(|store| store.window_prefs().ok())
        .is_some_and(|prefs| prefs.close_to_tray);
    if to_tray && app.tray_by_id(crate::tray::TRAY_ID).is_some() {
        api.prevent_close();
        let _ = window.hide();
    }
}
