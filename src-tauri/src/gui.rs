//! The window. The builder is generic over the runtime so that command wiring is tested with
//! tauri's mock runtime (see tests/commands.rs); the parts that need a real desktop (reminder
//! notifications, the tray, start at login) are added in [`run`].

use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use tauri::{App, AppHandle, Builder, Manager, RunEvent, Runtime};

use crate::data_dir;
use crate::language::shell_lang;
use crate::reminders::{self, notify};
use crate::startup::{self, Startup};
use crate::state::AppState;

/// The argument start-at-login passes, so the app can start without showing its window.
pub const BACKGROUND_ARG: &str = "--background";

/// Adds Afterword's state and commands to a builder of any runtime.
pub fn configure<R: Runtime>(builder: Builder<R>, state: AppState) -> Builder<R> {
    builder
        // Used from Rust only (see commands::app::open_link); the window gets none of its
        // commands, so it cannot open files or arbitrary URLs. Nor the plugin's page script,
        // which would send clicks on `target="_blank"` links to a command the window may not call.
        .plugin(
            tauri_plugin_opener::Builder::new()
                .open_js_links_on_click(false)
                .build(),
        )
        // Also from Rust only (commands::backups::pick_*): the window gets no dialog permission.
        .plugin(tauri_plugin_dialog::init())
        .manage(state)
        .manage(Startup::from_env())
        .manage(crate::window::NavigationRequests::default())
        .on_window_event(crate::window::on_window_event)
        .invoke_handler(crate::all_commands!())
}

/// Opens the window on the data dir and runs until the user quits. Returns the exit code.
/// `background`: started at login; the window stays hidden when closing to the tray is on.
pub fn run(data_dir: Option<PathBuf>, background: bool) -> i32 {
    let entered_us = startup::epoch_micros();
    let dir = data_dir::resolve(data_dir);
    let state = AppState::open(&dir);
    let store_open_us = startup::epoch_micros();
    let builder = configure(tauri::Builder::default(), state)
        // Also from Rust only: commands::window turns it on and off.
        .plugin(
            tauri_plugin_autostart::Builder::new()
                .arg(BACKGROUND_ARG)
                .build(),
        )
        .setup(move |app| {
            let steps = app.state::<Startup>();
            steps.step("shell-run", entered_us);
            steps.step("shell-store-open", store_open_us);
            steps.step("shell-setup", startup::epoch_micros());
            // Before anything else: the page may start loading as soon as setup returns.
            startup::size_hidden_page(app.handle());
            setup_desktop(app, background);
            app.state::<Startup>()
                .step("shell-setup-done", startup::epoch_micros());
            Ok(())
        });
    let mut context = tauri::generate_context!();
    // The shell draws the first view into index.html (crate::first_frame).
    let built = context.set_assets(Box::new(crate::first_frame::NoAssets));
    context.set_assets(Box::new(crate::first_frame::FirstFrameAssets::new(built)));
    let app = match builder.build(context) {
        Ok(app) => app,
        Err(e) => {
            eprintln!("afterword: could not open the window: {e}");
            return 1;
        }
    };
    app.state::<Startup>()
        .step("shell-built", startup::epoch_micros());
    app.run(|app, event| {
        if let RunEvent::Exit = event {
            record_seen(app);
        }
    });
    0
}

/// The tray and the reminder loop. The window starts hidden (tauri.conf.json) and shows at the
/// page's start-up mark (see crate::startup), unless started at login to the tray.
fn setup_desktop<R: Runtime>(app: &mut App<R>, background: bool) {
    let handle = app.handle().clone();
    start_reminders(&handle);
    start_backups(&handle);
    let state = app.state::<AppState>();
    let to_tray = state
        .real_store()
        .ok()
        .and_then(|s| s.window_prefs().ok())
        .is_some_and(|p| p.close_to_tray);
    if background && to_tray {
        // Started at login into the tray: the tray is all there is to see, so it comes now.
        crate::tray::create(&handle);
        if handle.tray_by_id(crate::tray::TRAY_ID).is_some() {
            app.state::<Startup>().stay_hidden();
        }
    } else {
        create_tray_after_first_view(&handle);
    }
    startup::start_fallback(&handle);
}

/// How long after the first view the tray is created: enough for the window's first frame to
/// be painted (70-80 ms after the mark on the machine measured, see README "Benchmarks").
const TRAY_AFTER_FIRST_VIEW: Duration = Duration::from_millis(500);

/// Creating the tray icon starts work on the main loop that goes on well after the call returns
/// (the appindicator library's D-Bus and X traffic): done during start-up, it held the page's
/// loading back by 30-60 ms. Nobody reaches for the tray before the window is there, so it is
/// created once the first view has been shown. One thread that waits once and ends.
fn create_tray_after_first_view<R: Runtime>(app: &AppHandle<R>) {
    let wait = wait_for_first_view(app);
    let handle = app.clone();
    let spawned = std::thread::Builder::new()
        .name("tray-later".into())
        .spawn(move || {
            wait();
            std::thread::sleep(TRAY_AFTER_FIRST_VIEW);
            let creator = handle.clone();
            if let Err(e) = handle.run_on_main_thread(move || crate::tray::create(&creator)) {
                eprintln!("afterword: no tray icon: {e}");
            }
        });
    if let Err(e) = spawned {
        eprintln!("afterword: creating the tray now, its thread could not start: {e}");
        crate::tray::create(app);
    }
}

fn start_reminders<R: Runtime>(app: &AppHandle<R>) {
    let state = app.state::<AppState>();
    // Without the user's own database (it could not be opened) there is nothing to remind of.
    let Ok(store) = state.real_store() else {
        return;
    };
    let clock = state.clock.clone();
    let click_app = app.clone();
    let click_store = Arc::clone(&store);
    let click_clock = Arc::clone(&clock);
    let deliver: reminders::Deliver = Box::new(move |reminder| {
        let lang = shell_lang(&click_store);
        notify::show(
            reminder,
            lang,
            notify::ClickContext {
                app: click_app.clone(),
                store: Arc::clone(&click_store),
                clock: Arc::clone(&click_clock),
            },
        )
    });
    match reminders::start(store, clock, deliver, wait_for_first_view(app)) {
        Ok((poker, _thread)) => state.set_reminder_loop(poker),
        Err(e) => eprintln!("afterword: reminders are off, the loop could not start: {e}"),
    }
}

/// For a background thread: returns once the first view is there, but not later than a page that
/// never marks would keep the window hidden (then the fallback shows it, and opens the gate too).
fn wait_for_first_view<R: Runtime>(app: &AppHandle<R>) -> Box<dyn FnOnce() + Send> {
    let first_view = app.state::<Startup>().first_view();
    Box::new(move || first_view.wait(startup::FALLBACK + Duration::from_secs(1)))
}

/// One automatic backup a day of the user's own database (see crate::backups).
fn start_backups<R: Runtime>(app: &AppHandle<R>) {
    let state = app.state::<AppState>();
    let Ok(store) = state.real_store() else {
        return;
    };
    let dir = crate::commands::backups::backups_dir(&state);
    if let Err(e) = crate::backups::start(store, dir, wait_for_first_view(app)) {
        eprintln!("afterword: automatic backups are off, their thread could not start: {e}");
    }
}

/// Remembers when the app last ran, so that after a long close only one catch-up comes.
fn record_seen<R: Runtime>(app: &AppHandle<R>) {
    let state = app.state::<AppState>();
    if let Ok(store) = state.real_store() {
        let _ = store.record_app_seen(state.clock.now_ms());
    }
}
