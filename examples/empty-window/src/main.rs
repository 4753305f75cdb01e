//! An empty Tauri 2 window: the floor Afterword's start-up time and memory are measured against
//! (scripts/bench.sh). Same Tauri version (one Cargo.lock), same window size, same way of
//! showing the window: hidden until the page calls `startup_mark`, which also writes the moment
//! to `$AFTERWORD_STARTUP_MARK_FILE` (epoch µs), with the same fallback when no mark comes.

use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use tauri::{AppHandle, Manager};

const MARK_FILE_ENV: &str = "AFTERWORD_STARTUP_MARK_FILE";
const FALLBACK: Duration = Duration::from_secs(5);

#[derive(Default)]
struct Marked(AtomicBool);

/// When main() was entered, when the app was built (GTK and plugins up, before the window) and
/// when setup ran (epoch µs): Afterword's "shell-run", "shell-built" and "shell-setup" steps, so
/// that the bench can set the two shells side by side too.
struct ShellSteps {
    run: u128,
    built: std::sync::OnceLock<u128>,
    setup: std::sync::OnceLock<u128>,
}

fn epoch_micros() -> u128 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_micros())
}

/// `steps`: the page's navigation moments (name, epoch ms), written after the mark as Afterword
/// does, one "page:name epoch-µs" line each.
#[tauri::command]
fn startup_mark(
    app: AppHandle,
    marked: tauri::State<'_, Marked>,
    steps: Option<Vec<(String, f64)>>,
) {
    show_once(&app, &marked, Some(steps.unwrap_or_default()));
}

fn show_once(app: &AppHandle, marked: &Marked, mark_with_steps: Option<Vec<(String, f64)>>) {
    if marked.0.swap(true, Ordering::SeqCst) {
        return;
    }
    if let Some(steps) = mark_with_steps {
        if let Some(path) = std::env::var_os(MARK_FILE_ENV).filter(|p| !p.is_empty()) {
            let mut text = format!("{}\n", epoch_micros());
            let shell = app.state::<ShellSteps>();
            text.push_str(&format!("shell-run {}\n", shell.run));
            if let Some(built) = shell.built.get() {
                text.push_str(&format!("shell-built {built}\n"));
            }
            if let Some(setup) = shell.setup.get() {
                text.push_str(&format!("shell-setup {setup}\n"));
            }
            for (name, at_ms) in steps.iter().take(8) {
                if name.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') {
                    text.push_str(&format!("page:{name} {}\n", (at_ms * 1000.0) as u128));
                }
            }
            let _ = std::fs::write(path, text);
        }
    }
    if let Some(window) = app.get_webview_window("main") {
        let _ = window.show();
    }
}

/// As Afterword does (src-tauri/src/startup.rs `size_hidden_page`): the hidden window's page gets
/// the window's size before it loads, so its first layout is the one the first frame paints.
fn size_hidden_page(app: &tauri::App) {
    #[cfg(target_os = "linux")]
    {
        use gtk::prelude::{BinExt, GtkWindowExt, WidgetExt};
        let Some(window) = app.get_webview_window("main") else {
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
        let _ = content.preferred_size();
        content.size_allocate(&gtk::Allocation::new(0, 0, width, height));
    }
    #[cfg(not(target_os = "linux"))]
    let _ = app;
}

fn main() {
    let run = epoch_micros();
    let app = tauri::Builder::default()
        .manage(Marked::default())
        .manage(ShellSteps {
            run,
            built: std::sync::OnceLock::new(),
            setup: std::sync::OnceLock::new(),
        })
        .invoke_handler(tauri::generate_handler![startup_mark])
        .setup(|app| {
            let _ = app.state::<ShellSteps>().setup.set(epoch_micros());
            size_hidden_page(app);
            let handle = app.handle().clone();
            std::thread::spawn(move || {
                std::thread::sleep(FALLBACK);
                let app = handle.clone();
                let _ = handle.run_on_main_thread(move || {
                    show_once(&app, &app.state::<Marked>(), None);
                });
            });
            Ok(())
        })
        .build(tauri::generate_context!())
        .unwrap_or_else(|e| {
            eprintln!("empty-window: {e}");
            std::process::exit(1);
        });
    let _ = app.state::<ShellSteps>().built.set(epoch_micros());
    app.run(|_, _| {});
}
