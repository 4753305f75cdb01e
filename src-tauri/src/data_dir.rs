//! Where the user's data lives: `--data-dir`, else `AFTERWORD_DATA_DIR`, else the platform data
//! dir (`~/.local/share/afterword` on Linux).

use std::path::PathBuf;

pub const ENV_VAR: &str = "AFTERWORD_DATA_DIR";

pub fn resolve(explicit: Option<PathBuf>) -> PathBuf {
    explicit
        .or_else(|| {
            std::env::var_os(ENV_VAR)
                .filter(|v| !v.is_empty())
                .map(PathBuf::from)
        })
        .or_else(|| dirs::data_dir().map(|d| d.join("afterword")))
        .unwrap_or_else(|| PathBuf::from(".afterword"))
}
