//! Hide nothing, show nothing blank: the main window is created hidden (tauri.conf.json,
//! `visible: false`) and shown once the page reports, through the `startup_mark` command, that
//! its first view has real data in the DOM. Started at login to the tray it stays hidden. When
//! no mark comes (a broken page), a fallback shows the window anyway after [`FALLBACK`], so the
//! app is never running invisibly.
//!
//! For scripts/bench.sh the moment of the mark can be observed from outside: with
//! `AFTERWORD_STARTUP_MARK_FILE` set, the first mark writes the wall-clock time (epoch
//! microseconds) to that file's first line, and then one line per step on the way ("name
//! epoch-microseconds": the shell's own and those the page sends), so the bench can say where
//! the time goes.

use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Condvar, Mutex};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use tauri::{AppHandle, Manager, Runtime};

pub const MARK_FILE_ENV: &str = "AFTERWORD_STARTUP_MARK_FILE";
/// How long a page may take before the window is shown without its mark.
pub const FALLBACK: Duration = Duration::from_secs(5);
/// The most steps a page may report, and the longest name; more is ignored, not an error.
const MAX_STEPS: usize = 24;
const MAX_STEP_NAME: usize = 40;

/// Opens at the start-up mark (or the fallback). Background work that would compete with the
/// first view for the database and the CPU (the reminder planner reads years of posts) waits
/// for it, so the first view never waits behind it.
#[derive(Debug, Default)]
pub struct FirstView {
    shown: Mutex<bool>,
    opened: Condvar,
}

impl FirstView {
    fn open(&self) {
        if let Ok(mut shown) = self.shown.lock() {
            *shown = true;
            self.opened.notify_all();
        }
    }

    /// Returns once the first view is there, or after `at_most` (a page that never marks must
    /// not hold the reminders back for good).
    pub fn wait(&self, at_most: Duration) {
        let Ok(shown) = self.shown.lock() else {
            return;
        };
        let _ = self
            .opened
            .wait_timeout_while(shown, at_most, |shown| !*shown);
    }
}

/// What the start-up has seen so far; managed by the app (see `gui::configure`).
#[derive(Debug, Default)]
pub struct Startup {
    marked: AtomicBool,
    stay_hidden: AtomicBool,
    mark_file: Option<PathBuf>,
    /// The shell's steps (name, epoch µs), kept only when there is a mark file to write them to.
    steps: Mutex<Vec<(String, u128)>>,
    first_view: Arc<FirstView>,
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

    /// Notes that start-up reached `name` at `at_us` (epoch µs; see [`epoch_micros`]).
    pub fn step(&self, name: &str, at_us: u128) {
        if self.mark_file.is_none() {
            return;
        }
        if let Ok(mut steps) = self.steps.lock() {
            steps.push((name.to_string(), at_us));
        }
    }

    /// What background work waits on; see [`FirstView`].
    pub fn first_view(&self) -> Arc<FirstView> {
        Arc::clone(&self.first_view)
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
        self.first_view.open();
        Some(!self.stay_hidden.load(Ordering::SeqCst))
    }
}

/// The page's first view has its data: record the moment and show the window (once).
/// `page_steps`: the page's own moments on the way, as (name, epoch milliseconds).
/// A later call only adds its steps to the mark file (the page's first frame, drawn by the shell,
/// marks; the app's view taking it over reports when it did: see crate::first_frame).
pub fn mark<R: Runtime>(app: &AppHandle<R>, startup: &Startup, page_steps: &[(String, f64)]) {
    let page_steps = page_steps
        .iter()
        .take(MAX_STEPS)
        .filter(|(name, at)| valid_step_name(name) && at.is_finite() && *at > 0.0)
        .map(|(name, at_ms)| (format!("page:{name}"), (at_ms * 1000.0) as u128));
    let Some(show) = startup.first() else {
        if let Some(path) = &startup.mark_file {
            let text: String = page_steps
                .map(|(name, at_us)| format!("{name} {at_us}\n"))
                .collect();
            let appended = std::fs::OpenOptions::new()
                .append(true)
                .open(path)
                .and_then(|mut file| std::io::Write::write_all(&mut file, text.as_bytes()));
            if let Err(e) = appended {
                eprintln!(
                    "afterword: could not add to the start-up mark in {}: {e}",
                    path.display()
                );
            }
        }
        return;
    };
    if let Some(path) = &startup.mark_file {
        let mut text = format!("{}\n", epoch_micros());
        let shell_steps = startup.steps.lock().map(|s| s.clone()).unwrap_or_default();
        for (name, at_us) in shell_steps.into_iter().chain(page_steps) {
            text.push_str(&format!("{name} {at_us}\n"));
        }
        if let Err(e) = std::fs::write(path, text) {
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

/// Gives the hidden window's page the window's size before the page loads. GTK allocates sizes
/// only to widgets of shown windows, so the page of a hidden one has a 0×0 viewport: its first
/// view would be laid out at the mark for no width at all (every word on a line of its own),
/// then laid out again when the window shows, before the user's first frame. With the size
/// given here, the layout done for the mark is the one the first frame paints, and the page
/// knows how many rows fill its first screen. When the window shows, GTK allocates the same
/// size again (or the one the window manager gives it, and the page follows).
///
/// Only the window's content (Tauri's box and the web view in it) is shown and sized; the
/// window itself stays unmapped until the mark.
pub fn size_hidden_page<R: Runtime>(app: &AppHandle<R>) {
    #[cfg(target_os = "linux")]
    {
        use gtk::prelude::{BinExt, GtkWindowExt, WidgetExt};
        let Some(window) = app.get_webview_window(crate::window::MAIN) else {
            return;
        };
        let Ok(gtk_window) = window.gtk_window() else {
            return;
        };
        let Some(content) = gtk_window.child() else {
            return;
        };
        let (width, height) = gtk_window.size();
        content.show_all();
        // GTK wants a widget measured before it is allocated a size.
        let _ = content.preferred_size();
        content.size_allocate(&gtk::Allocation::new(0, 0, width, height));
    }
    // Only the Linux build is made and measured here; whether other platforms' hidden web
    // views lack their size too is not known.
    #[cfg(not(target_os = "linux"))]
    let _ = app;
}

fn show_window<R: Runtime>(app: &AppHandle<R>) {
    if let Some(window) = app.get_webview_window(crate::window::MAIN) {
        let _ = window.show();
        let _ = window.set_focus();
    }
}

/// A step's name goes into a line of the mark file: a short word, nothing that breaks the line.
fn valid_step_name(name: &str) -> bool {
    !name.is_empty()
        && name.len() <= MAX_STEP_NAME
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

/// Wall-clock microseconds since the epoch: comparable with the page's `performance.timeOrigin`
/// and with the time the bench takes before it starts the program.
pub fn epoch_micros() -> u128 {
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
    fn the_first_view_gate_opens_at_the_mark_and_waiting_has_a_limit() {
        let startup = Startup::default();
        let gate = startup.first_view();
        let begun = std::time::Instant::now();
        gate.wait(Duration::from_millis(50));
        assert!(
            begun.elapsed() >= Duration::from_millis(50),
            "closed: waits the limit"
        );
        let waiter = std::thread::spawn(move || {
            let begun = std::time::Instant::now();
            gate.wait(Duration::from_secs(30));
            begun.elapsed()
        });
        std::thread::sleep(Duration::from_millis(20));
        assert_eq!(startup.first(), Some(true));
        let waited = waiter.join().expect("waiter");
        assert!(waited < Duration::from_secs(30), "the mark let it go");
        let begun = std::time::Instant::now();
        startup.first_view().wait(Duration::from_secs(30));
        assert!(begun.elapsed() < Duration::from_secs(1), "open: no wait");
    }

    #[test]
    fn step_names_that_could_break_the_mark_file_are_refused() {
        assert!(valid_step_name("posts-loaded"));
        assert!(!valid_step_name(""));
        assert!(!valid_step_name("two words"));
        assert!(!valid_step_name("line\nbreak"));
        assert!(!valid_step_name(&"x".repeat(MAX_STEP_NAME + 1)));
    }

    #[test]
    fn started_to_the_tray_the_mark_keeps_the_window_hidden() {
        let startup = Startup::default();
        startup.stay_hidden();
        assert_eq!(startup.first(), Some(false));
        assert_eq!(startup.first(), None);
    }
}
