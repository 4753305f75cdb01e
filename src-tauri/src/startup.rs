//! Hide nothing, show nothing blank: the main window is created hidden (tauri.conf.json,
//! `visible: false`) and shown once the page reports, through the `startup_mark` command, that
//! its first view has real data in the DOM. Started at login to the tray it stays hidden. When
//! no mark comes (a broken page), a fallback shows the window anyway after [`FALLBACK`], so the
//! app is never running invisibly.
//!
//! For scripts/bench.sh the moment of the mark can be observed from outside: with
//! `AFTERWORD_STARTUP_MARK_FILE` set, the first mark writes the wall-clock time (epoch
//! microseconds) to that file.

use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use tauri::{AppHandle, Manager, Runtime};

pub const MARK_FILE_ENV: &str = "AFTERWORD_STARTUP_MARK_FILE";
/// How long a page may take before the window is shown without its mark.
pub const FALLBACK: Duration = Duration::from_secs(5);

/// What the start-up has seen so far; managed by the app (see `gui::configure`).
#[derive(Debug, Default)]
pub struct Startup {
    marked: AtomicBool,
    stay_hidden: AtomicBool,
    mark_file: Option<PathBuf>,
}

impl Startup {
    /// Writes the mark to `$AFTERWORD_STARTUP_MARK_FILE` when that is set.
    pub fn from_env() -> Startup {
        Startup {
            mark_file: std::env::var_os(MARK_FILE_ENV)
                .filter(|p| !p.is_empty())
                .map(PathBuf::from),
            ..Startup::default()
        }
    }

    /// Started at login to the tray: the mark must not show the window.
    pub fn stay_hidden(&self) {
        self.stay_hidden.store(true, Ordering::SeqCst);
    }

    pub fn is_marked(&self) -> bool {
        self.marked.load(Ordering::SeqCst)
    }

    /// The first call (the mark or the fallback) returns whether to show the window now; every
    /// later one returns None (a page reload marks again, the fallback may come after the mark).
    fn first(&self) -> Option<bool> {
        if self.marked.swap(true, Ordering::SeqCst) {
            return None;
        }
        Some(!self.stay_hidden.load(Ordering::SeqCst))
    }
}

/// The page's first view has its data: record the moment and show the window (once).
pub fn mark<R: Runtime>(app: &AppHandle<R>, startup: &Startup) {
    let Some(show) = startup.first() else {
        return;
    };
    if let Some(path) = &startup.mark_file {
        if let Err(e) = std::fs::write(path, format!("{}\n", epoch_micros())) {
            eprintln!(
                "afterword: could not write the start-up mark to {}: {e}",
                path.display()
            );
        }
    }
    if show {
        show_window(app);
    }
}

/// Shows the window after [`FALLBACK`] if the page has not marked by then. One short-lived
/// thread that sleeps once and ends: nothing keeps waking up.
pub fn start_fallback<R: Runtime>(app: &AppHandle<R>) {
    let waiter = app.clone();
    let spawned = std::thread::Builder::new()
        .name("startup-fallback".into())
        .spawn(move || {
            std::thread::sleep(FALLBACK);
            let handle = waiter.clone();
            let _ = waiter.run_on_main_thread(move || {
                let startup = handle.state::<Startup>();
                if startup.first() == Some(true) {
                    eprintln!(
                        "afterword: the window did not report its first view within {FALLBACK:?}; \
                         showing it anyway"
                    );
                    show_window(&handle);
                }
            });
        });
    if let Err(e) = spawned {
        // Without the fallback thread, show now rather than risk an invisible app.
        eprintln!("afterword: no start-up fallback ({e}); showing the window now");
        if app.state::<Startup>().first() == Some(true) {
            show_window(app);
        }
    }
}

fn show_window<R: Runtime>(app: &AppHandle<R>) {
    if let Some(window) = app.get_webview_window(crate::window::MAIN) {
        let _ = window.show();
        let _ = window.set_focus();
    }
}

fn epoch_micros() -> u128 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_micros())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_mark_shows_and_later_ones_do_nothing() {
        let startup = Startup::default();
        assert!(!startup.is_marked());
        assert_eq!(startup.first(), Some(true));
        assert!(startup.is_marked());
        assert_eq!(startup.first(), None);
    }

    #[test]
    fn started_to_the_tray_the_mark_keeps_the_window_hidden() {
        let startup = Startup::default();
        startup.stay_hidden();
        assert_eq!(startup.first(), Some(false));
        assert_eq!(startup.first(), None);
    }
}
