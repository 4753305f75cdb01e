//! Writing a file so that nobody ever sees half of it: a temporary file beside the target,
//! flushed to disk, then renamed over it (rename is atomic within a folder).

use std::fs::File;
use std::io::Write;
use std::path::{Path, PathBuf};

use crate::error::Result;

/// Writes `bytes` to `path` atomically (see the module).
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    let tmp = temp_beside(path);
    let written = (|| -> std::io::Result<()> {
        let mut file = File::create(&tmp)?;
        file.write_all(bytes)?;
        file.sync_all()
    })();
    finish(written.map_err(Into::into), &tmp, path)
}

/// A temporary name in the same folder as `path` (so the final rename stays atomic).
pub fn temp_beside(path: &Path) -> PathBuf {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "afterword".into());
    path.with_file_name(format!(".{name}.{}.tmp", std::process::id()))
}

/// After writing `tmp`: renames it over `path` when `written` is Ok, removes it otherwise.
pub fn finish(written: Result<()>, tmp: &Path, path: &Path) -> Result<()> {
    let result = written.and_then(|()| Ok(std::fs::rename(tmp, path)?));
    match result {
        Ok(()) => {
            sync_parent(path);
            Ok(())
        }
        Err(e) => {
            let _ = std::fs::remove_file(tmp);
            Err(e)
        }
    }
}

/// Makes the rename itself durable. Best effort: not every file system lets a folder be synced.
fn sync_parent(path: &Path) {
    if let Some(dir) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        if let Ok(d) = File::open(dir) {
            let _ = d.sync_all();
        }
    }
}
