//! `afterword backup PATH` and `afterword restore PATH`.

use std::path::{Path, PathBuf};

use afterword_core::backup;
use afterword_core::{Clock, Result, Store, SystemClock};
use clap::Args;

#[derive(Debug, Args)]
pub struct BackupArgs {
    /// The file to write (or a folder: the copy is then named afterword-YYYY-MM-DD.sqlite3)
    path: PathBuf,
}

#[derive(Debug, Args)]
pub struct RestoreArgs {
    /// A backup: an afterword-*.sqlite3 file from the backups folder, or any copy you made
    path: PathBuf,
}

/// A consistent copy, also while the window is open and writing.
pub fn run_backup(store: &Store, a: BackupArgs) -> Result<String> {
    let path = if a.path.is_dir() {
        a.path
            .join(backup::daily_name(chrono::Local::now().date_naive()))
    } else {
        a.path
    };
    // A backup never holds what was deleted longer ago than undo reaches.
    store.erase_expired(SystemClock.now_ms())?;
    backup::write_backup(store, &path)?;
    let check = backup::check_backup(&path)?;
    Ok(format!(
        "Backed up to {} (posts: {}, inquiries: {})",
        path.display(),
        check.posts,
        check.inquiries
    ))
}

/// Checks the file, keeps the current data in the backups folder, then replaces it.
pub fn run_restore(store: &Store, a: RestoreArgs) -> Result<String> {
    let dir = backup::backups_dir(store.path().parent().unwrap_or(Path::new(".")));
    let outcome = backup::restore(store, &a.path, &dir, chrono::Local::now().naive_local())?;
    Ok(format!(
        "Restored {} (posts: {}, inquiries: {}).\nYour data from before the restore is kept in {}",
        a.path.display(),
        outcome.restored.posts,
        outcome.restored.inquiries,
        outcome.previous_data
    ))
}
