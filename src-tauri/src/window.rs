//! The main window from the shell's side: bringing it back (from the tray or a notification) on
//! a given view, and closing it to the tray when the user asked for that.

use std::sync::{Mutex, MutexGuard};

use serde::Serialize;
use tauri::ipc::Channel;
use tauri::{AppHandle, Manager, Runtime, Window, WindowEvent};

use crate::state::AppState;

/// The window's label in tauri.conf.json.
pub const MAIN: &str = "main";

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

/// How the shell's requests to show a view reach the page: through a channel the page hands over
/// when it starts (`subscribe_navigation`), not a Tauri event. Listening to an event makes Tauri
/// evaluate a script in the page, and each evaluated script leaves a JavaScript engine running in
/// the shell and in the web process that WebKitGTK tears down about ten seconds later, waking
/// both some 25 times in what should be the app's first idle minute (README, "Benchmarks").
/// A channel costs nothing until the shell sends on it.
#[derive(Default)]
pub struct NavigationRequests(Mutex<Listener>);

#[derive(Default)]
struct Listener {
    channel: Option<Channel<Navigate>>,
    /// A request made before the page subscribed (a notification clicked while it was still
    /// loading): delivered when it does.
    waiting: Option<Navigate>,
}

impl NavigationRequests {
    /// The page's channel; a reloaded page hands a new one, which replaces the old.
    pub fn subscribe(&self, channel: Channel<Navigate>) {
        let mut listener = self.lock();
        if let Some(request) = listener.waiting.take() {
            deliver(&channel, request);
        }
        listener.channel = Some(channel);
    }

    /// Sends `request` to the page, or keeps it until the page subscribes.
    pub fn send(&self, request: Navigate) {
        let mut listener = self.lock();
        match &listener.channel {
            Some(channel) => deliver(channel, request),
            None => listener.waiting = Some(request),
        }
    }

    fn lock(&self) -> MutexGuard<'_, Listener> {
        // Nothing here can be left half-changed by a panic elsewhere: go on with what is there.
        self.0
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

fn deliver(channel: &Channel<Navigate>, request: Navigate) {
    if let Err(e) = channel.send(request) {
        eprintln!("afterword: could not switch the view: {e}");
    }
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
    match app.try_state::<NavigationRequests>() {
        Some(requests) => requests.send(Navigate { view, action }),
        None => eprintln!("afterword: could not switch the view: no navigation state"),
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
