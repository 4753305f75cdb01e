//! Finding the files of an export: one CSV, an unpacked folder, or the .zip the platform sent.

use std::io::Read;
use std::path::Path;

use super::ImportIssue;
use crate::error::Result;

/// Refuse a single file or archive entry larger than this: no real export comes near it, and a
/// crafted zip must not fill the memory.
pub(crate) const MAX_FILE_BYTES: u64 = 512 * 1024 * 1024;

/// One file of an export: its name as shown to the user, and its bytes.
pub(crate) struct InputFile {
    pub name: String,
    pub bytes: Vec<u8>,
}

/// The files under `path` whose base name `wanted` accepts, sorted by name. A plain file is
/// taken as it is (its header tells whether it is the right one); a folder is searched
/// recursively; a .zip is read entry by entry. `what` names the file in "not found" messages.
pub(crate) fn collect(path: &Path, wanted: fn(&str) -> bool, what: &str) -> Result<Vec<InputFile>> {
    let shown = path.display().to_string();
    let mut found = if path.is_dir() {
        let mut found = Vec::new();
        walk(path, path, wanted, &mut found)?;
        found
    } else if is_zip(path)? {
        from_zip(path, wanted)?
    } else {
        return Ok(vec![InputFile {
            name: base_name(&shown).to_string(),
            bytes: read_limited(std::fs::File::open(path)?, &shown)?,
        }]);
    };
    if found.is_empty() {
        return Err(ImportIssue::new("import_file_not_found", &shown, None)
            .expected(what)
            .message(format!("{shown} contains no {what}"))
            .into());
    }
    found.sort_by(|a, b| a.name.cmp(&b.name));
    Ok(found)
}

fn walk(root: &Path, dir: &Path, wanted: fn(&str) -> bool, out: &mut Vec<InputFile>) -> Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            walk(root, &path, wanted, out)?;
        } else if path
            .file_name()
            .and_then(|n| n.to_str())
            .is_some_and(wanted)
        {
            let name = path
                .strip_prefix(root)
                .unwrap_or(&path)
                .display()
                .to_string();
            let bytes = read_limited(std::fs::File::open(&path)?, &name)?;
            out.push(InputFile { name, bytes });
        }
    }
    Ok(())
}

fn is_zip(path: &Path) -> Result<bool> {
    let mut magic = [0u8; 4];
    let mut file = std::fs::File::open(path)?;
    let n = file.read(&mut magic)?;
    // A local file header, or the end record alone (an empty archive).
    Ok(n == 4 && (magic == *b"PK\x03\x04" || magic == *b"PK\x05\x06"))
}

fn from_zip(path: &Path, wanted: fn(&str) -> bool) -> Result<Vec<InputFile>> {
    let shown = path.display().to_string();
    let unreadable = |e: zip::result::ZipError| {
        ImportIssue::new("import_bad_archive", &shown, None)
            .expected("a .zip archive")
            .message(format!("{shown} is not a readable .zip archive ({e})"))
    };
    let mut archive = zip::ZipArchive::new(std::fs::File::open(path)?).map_err(unreadable)?;
    let mut out = Vec::new();
    for i in 0..archive.len() {
        let entry = archive.by_index(i).map_err(unreadable)?;
        let name = entry.name().map_err(unreadable)?.to_string();
        if entry.is_dir() || !wanted(base_name(&name)) {
            continue;
        }
        let bytes = read_limited(entry, &name)?;
        out.push(InputFile { name, bytes });
    }
    Ok(out)
}

/// One file's bytes, refused past [`MAX_FILE_BYTES`].
pub(crate) fn read_file(path: &Path) -> Result<Vec<u8>> {
    read_limited(std::fs::File::open(path)?, &path.display().to_string())
}

fn read_limited(reader: impl Read, name: &str) -> Result<Vec<u8>> {
    let mut bytes = Vec::new();
    reader.take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(ImportIssue::new("import_file_too_large", name, None)
            .message(format!(
                "{name} is larger than {} MB; no export we read is that big",
                MAX_FILE_BYTES / 1024 / 1024
            ))
            .into());
    }
    Ok(bytes)
}

/// The last path component, for both '/' (zip entries) and the platform's separator.
pub(crate) fn base_name(name: &str) -> &str {
    name.rsplit(['/', '\\']).next().unwrap_or(name)
}
