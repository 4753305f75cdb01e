//! App-level commands: what the window needs at start, language, the sample-data demo.

use afterword_core::model::AppInfo;
use tauri::State;

use crate::error::{CommandError, CommandResult};
use crate::state::{AppState, LANGUAGE_KEY};

#[tauri::command(rename_all = "snake_case")]
pub async fn app_info(state: State<'_, AppState>) -> CommandResult<AppInfo> {
    Ok(info(&state))
}

/// "system", "en" or "nl". Kept in the user's own database, also while the demo is on.
#[tauri::command(rename_all = "snake_case")]
pub async fn set_language<R: tauri::Runtime>(
    app: tauri::AppHandle<R>,
    state: State<'_, AppState>,
    language: String,
) -> CommandResult<AppInfo> {
    if !matches!(language.as_str(), "system" | "en" | "nl") {
        return Err(CommandError::new(
            "language_invalid",
            format!("'{language}' is not a supported language; use system, en or nl"),
        ));
    }
    state.real_store()?.set_setting(LANGUAGE_KEY, &language)?;
    // The tray menu and notifications follow the window's language.
    crate::tray::refresh(&app);
    Ok(info(&state))
}

#[tauri::command(rename_all = "snake_case")]
pub async fn start_demo(state: State<'_, AppState>) -> CommandResult<AppInfo> {
    state.start_demo()?;
    Ok(info(&state))
}

#[tauri::command(rename_all = "snake_case")]
pub async fn leave_demo(state: State<'_, AppState>) -> CommandResult<AppInfo> {
    state.leave_demo()?;
    Ok(info(&state))
}

/// The system's locale as the page is told it (the shell's first frame formats for it too).
pub fn system_locale() -> String {
    sys_locale::get_locale().unwrap_or_else(|| "en-US".into())
}

pub fn info(state: &AppState) -> AppInfo {
    let language = state
        .real_store()
        .ok()
        .and_then(|s| s.get_setting(LANGUAGE_KEY).ok().flatten())
        .unwrap_or_else(|| "system".into());
    let database_path = state.database_path().display().to_string();
    AppInfo {
        version: env!("CARGO_PKG_VERSION").into(),
        data_dir: state.data_dir().display().to_string(),
        database_path,
        demo: state.is_demo(),
        system_locale: system_locale(),
        language,
        startup_error: state.startup_error(),
    }
}

/// Opens a post's link in the system browser. Only http(s) links: nothing else (files, other
/// schemes) ever leaves the window this way.
#[tauri::command(rename_all = "snake_case")]
pub async fn open_link<R: tauri::Runtime>(
    app: tauri::AppHandle<R>,
    url: String,
) -> CommandResult<()> {
    use tauri_plugin_opener::OpenerExt;
    let parsed = tauri::Url::parse(url.trim())
        .map_err(|_| CommandError::new("url_invalid", format!("'{url}' is not a web link")))?;
    if !matches!(parsed.scheme(), "http" | "https") {
        return Err(CommandError::new(
            "url_invalid",
            format!("only web links (http or https) are opened, not '{url}'"),
        ));
    }
    app.opener()
        .open_url(parsed.as_str(), None::<&str>)
        .map_err(|e| CommandError::new("io", format!("could not open the browser: {e}")))
}
