//! The tray icon: keeps Afterword (and its reminders) within reach while the window is closed.
//! Menu: show, log a post, log an inquiry, pause or resume reminders, quit.

use afterword_core::rhythm::Lang;
use afterword_core::time::MS_PER_DAY;
use tauri::menu::{Menu, MenuEvent, MenuItem, PredefinedMenuItem};
use tauri::tray::TrayIconBuilder;
use tauri::{AppHandle, Manager, Runtime};

use crate::language::shell_lang;
use crate::state::AppState;
use crate::window::{open_view, show_main, View};

pub const TRAY_ID: &str = "main";
/// "Pause reminders" from the tray pauses them for a week; Settings offers other lengths.
const TRAY_PAUSE_DAYS: i64 = 7;

struct Labels {
    show: &'static str,
    log_post: &'static str,
    log_inquiry: &'static str,
    pause: &'static str,
    resume: &'static str,
    quit: &'static str,
}

fn labels(lang: Lang) -> Labels {
    match lang {
        Lang::En => Labels {
            show: "Show Afterword",
            log_post: "Log a post…",
            log_inquiry: "Log an inquiry…",
            pause: "Pause reminders for a week",
            resume: "Resume reminders",
            quit: "Quit Afterword",
        },
        Lang::Nl => Labels {
            show: "Afterword tonen",
            log_post: "Bericht vastleggen…",
            log_inquiry: "Aanvraag vastleggen…",
            pause: "Herinneringen een week pauzeren",
            resume: "Herinneringen hervatten",
            quit: "Afterword afsluiten",
        },
    }
}

/// (language, reminders paused right now) from the user's own database.
fn menu_state<R: Runtime>(app: &AppHandle<R>) -> (Lang, bool) {
    let Some(store) = app
        .try_state::<AppState>()
        .and_then(|s| s.real_store().ok())
    else {
        return (Lang::default(), false);
    };
    let now = app.state::<AppState>().clock.now_ms();
    let paused = store
        .reminder_prefs()
        .ok()
        .and_then(|p| p.paused_until_ms)
        .is_some_and(|until| until > now);
    (shell_lang(&store), paused)
}

fn build_menu<R: Runtime>(app: &AppHandle<R>) -> tauri::Result<Menu<R>> {
    let (lang, paused) = menu_state(app);
    let l = labels(lang);
    let pause = if paused {
        MenuItem::with_id(app, "resume", l.resume, true, None::<&str>)?
    } else {
        MenuItem::with_id(app, "pause", l.pause, true, None::<&str>)?
    };
    Menu::with_items(
        app,
        &[
            &MenuItem::with_id(app, "show", l.show, true, None::<&str>)?,
            &PredefinedMenuItem::separator(app)?,
            &MenuItem::with_id(app, "log_post", l.log_post, true, None::<&str>)?,
            &MenuItem::with_id(app, "log_inquiry", l.log_inquiry, true, None::<&str>)?,
            &PredefinedMenuItem::separator(app)?,
            &pause,
            &PredefinedMenuItem::separator(app)?,
            &MenuItem::with_id(app, "quit", l.quit, true, None::<&str>)?,
        ],
    )
}

/// Creates the tray icon. A desktop without a tray (or without the appindicator library) only
/// loses the tray: the error is reported and the app runs on.
pub fn create<R: Runtime>(app: &AppHandle<R>) {
    let built = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| -> tauri::Result<()> {
        let menu = build_menu(app)?;
        let mut tray = TrayIconBuilder::with_id(TRAY_ID)
            .tooltip("Afterword")
            .menu(&menu)
            .show_menu_on_left_click(true)
            .on_menu_event(on_menu_event);
        if let Some(icon) = app.default_window_icon() {
            tray = tray.icon(icon.clone());
        }
        tray.build(app)?;
        Ok(())
    }));
    match built {
        Ok(Ok(())) => {}
        Ok(Err(e)) => eprintln!("afterword: no tray icon: {e}"),
        Err(_) => eprintln!("afterword: no tray icon (the appindicator library is missing)"),
    }
}

/// Rebuilds the menu after the language or the pause changed.
pub fn refresh<R: Runtime>(app: &AppHandle<R>) {
    let Some(tray) = app.tray_by_id(TRAY_ID) else {
        return;
    };
    match build_menu(app) {
        Ok(menu) => {
            if let Err(e) = tray.set_menu(Some(menu)) {
                eprintln!("afterword: could not update the tray menu: {e}");
            }
        }
        Err(e) => eprintln!("afterword: could not update the tray menu: {e}"),
    }
}

fn on_menu_event<R: Runtime>(app: &AppHandle<R>, event: MenuEvent) {
    match event.id().as_ref() {
        "show" => show_main(app),
        "log_post" => open_view(app, View::Posts, Some("new")),
        "log_inquiry" => open_view(app, View::Inquiries, Some("new")),
        "pause" | "resume" => {
            let state = app.state::<AppState>();
            let until = (event.id().as_ref() == "pause")
                .then(|| state.clock.now_ms() + TRAY_PAUSE_DAYS * MS_PER_DAY);
            match state.real_store().map_err(|e| e.0.message) {
                Ok(store) => {
                    if let Err(e) = store.pause_reminders(until) {
                        eprintln!("afterword: could not pause reminders: {e}");
                    }
                }
                Err(e) => eprintln!("afterword: could not pause reminders: {e}"),
            }
            state.reminders_changed();
            refresh(app);
        }
        "quit" => app.exit(0),
        _ => {}
    }
}
