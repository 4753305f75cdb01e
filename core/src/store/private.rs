//! Client names, their words and what they paid are nobody else's business: a data dir the app
//! creates is readable by its owner only (0700), and so is a database file it creates (0600).
//! SQLite gives the -wal and -shm files the mode of the database file, so they follow.
//!
//! Folders and files that already exist keep their mode: the user may have chosen a shared or
//! synced folder on purpose, and changing that behind their back would be worse.

use std::fs;
use std::io;
use std::path::Path;

#[cfg(unix)]
pub(super) fn create_dir_all(dir: &Path) -> io::Result<()> {
    use std::os::unix::fs::DirBuilderExt;
    fs::DirBuilder::new()
        .recursive(true)
        .mode(0o700)
        .create(dir)
}

#[cfg(not(unix))]
pub(super) fn create_dir_all(dir: &Path) -> io::Result<()> {
    fs::create_dir_all(dir)
}

/// Creates an empty database file, owner-only, unless one is there already (then it is left as
/// it is: an empty file is what SQLite makes of a new database anyway).
pub(super) fn create_file(path: &Path) -> io::Result<()> {
    let mut options = fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    match options.open(path) {
        Ok(_) => Ok(()),
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => Ok(()),
        Err(e) => Err(e),
    }
}
