//! The language texts outside the window (notifications, tray, command line) are shown in: the
//! one saved in Settings, or the system's when that is "system" (or nothing was saved).

use afterword_core::rhythm::Lang;
use afterword_core::Store;

use crate::state::LANGUAGE_KEY;

pub fn shell_lang(store: &Store) -> Lang {
    let saved = store.get_setting(LANGUAGE_KEY).ok().flatten();
    match saved.as_deref().map(|s| s.trim_matches('"')) {
        Some(code @ ("en" | "nl")) => Lang::from_code(code),
        _ => Lang::from_code(&sys_locale::get_locale().unwrap_or_default()),
    }
}
