//! What the window's commands share: the data dir, the user's own store, and which store is
//! active (the user's, or the sample-data one while "try with sample data" is on).

use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock, RwLock};

use afterword_core::error::ErrorPayload;
use afterword_core::store::{DB_FILE_NAME, DEMO_DB_FILE_NAME};
use afterword_core::{Clock, Store, SystemClock};

use crate::error::{CommandError, CommandResult};
use crate::reminders::Poker;

pub const LANGUAGE_KEY: &str = "language";

pub struct AppState {
    data_dir: PathBuf,
    /// The user's own database; None when it could not be opened (see `startup_error`).
    real: Option<Arc<Store>>,
    /// The sample-data database while the demo is on.
    demo: RwLock<Option<Arc<Store>>>,
    startup_error: Option<ErrorPayload>,
    /// The user's database file, also when it could not be opened (the window names it).
    real_path: PathBuf,
    pub clock: Arc<dyn Clock>,
    /// Wakes the reminder loop (set once it runs; the mock-runtime tests have none).
    reminders: OnceLock<Poker>,
}

impl AppState {
    /// Opens the user's database in `data_dir`. A failure is kept and shown by the window rather
    /// than ending the process, so the user learns what is wrong.
    pub fn open(data_dir: &Path) -> AppState {
        let real_path = data_dir.join(DB_FILE_NAME);
        let (real, startup_error) = match Store::open(&real_path) {
            Ok(store) => (Some(Arc::new(store)), None),
            Err(e) => (None, Some(ErrorPayload::from(&e))),
        };
        AppState {
            data_dir: data_dir.to_path_buf(),
            real,
            demo: RwLock::new(None),
            startup_error,
            real_path,
            clock: Arc::new(SystemClock),
            reminders: OnceLock::new(),
        }
    }

    pub fn data_dir(&self) -> &Path {
        &self.data_dir
    }

    /// The database in use: the demo one while it is on, else the user's own (opened or not).
    pub fn database_path(&self) -> PathBuf {
        match self.demo_store() {
            Some(demo) => demo.path().to_path_buf(),
            None => self.real_path.clone(),
        }
    }

    pub fn startup_error(&self) -> Option<ErrorPayload> {
        self.startup_error.clone()
    }

    /// The store commands read and write: the demo one while it is on, else the user's own.
    pub fn store(&self) -> CommandResult<Arc<Store>> {
        if let Some(demo) = self.demo_store() {
            return Ok(demo);
        }
        self.real_store()
    }

    /// The user's own store, for settings that must outlive the demo.
    pub fn real_store(&self) -> CommandResult<Arc<Store>> {
        self.real.clone().ok_or_else(|| {
            self.startup_error
                .clone()
                .map(CommandError)
                .unwrap_or_else(|| CommandError::new("database", "the database is not open"))
        })
    }

    /// Connects the running reminder loop (once).
    pub fn set_reminder_loop(&self, poker: Poker) {
        let _ = self.reminders.set(poker);
    }

    /// Reminder settings changed: plan again now. (Any write to the database also wakes the
    /// loop through its file watch; this is the direct way, and it works without inotify.)
    pub fn reminders_changed(&self) {
        if let Some(poker) = self.reminders.get() {
            poker.poke();
        }
    }

    pub fn demo_store(&self) -> Option<Arc<Store>> {
        self.demo.read().unwrap_or_else(|p| p.into_inner()).clone()
    }

    pub fn is_demo(&self) -> bool {
        self.demo_store().is_some()
    }

    /// Starts the demo afresh: a new sample database next to the user's, filled with the demo
    /// coach's year. The user's own database is not touched.
    pub fn start_demo(&self) -> CommandResult<()> {
        self.leave_demo()?;
        let path = self.data_dir.join(DEMO_DB_FILE_NAME);
        remove_database_files(&path)?;
        let store = Store::open(&path)?;
        afterword_core::demo::load_sample_data(&store, self.clock.now_ms(), &chrono::Local)?;
        *self.demo.write().unwrap_or_else(|p| p.into_inner()) = Some(Arc::new(store));
        Ok(())
    }

    /// Back to the user's own data; the sample database is removed.
    pub fn leave_demo(&self) -> CommandResult<()> {
        let previous = self.demo.write().unwrap_or_else(|p| p.into_inner()).take();
        if let Some(store) = previous {
            let path = store.path().to_path_buf();
            drop(store);
            remove_database_files(&path)?;
        }
        Ok(())
    }
}

fn remove_database_files(path: &Path) -> CommandResult<()> {
    for suffix in ["", "-wal", "-shm"] {
        let mut file = path.as_os_str().to_owned();
        file.push(suffix);
        match std::fs::remove_file(&file) {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => return Err(afterword_core::Error::Io(e).into()),
        }
    }
    Ok(())
}
