//! `afterword export json|csv PATH`: everything as one JSON document (it round-trips with
//! `import json`), or a CSV file per table for spreadsheets.

use std::path::PathBuf;

use afterword_core::export;
use afterword_core::{Clock, Result, Store, SystemClock};
use clap::Subcommand;

#[derive(Debug, Subcommand)]
pub enum ExportCommand {
    /// Every table as one JSON document (import it again with `import json`)
    Json {
        /// The file to write (replaced when it exists)
        path: PathBuf,
    },
    /// One CSV file per table (local times, amounts as decimals), for spreadsheets
    Csv {
        /// The folder to write the files into (created when missing)
        path: PathBuf,
    },
}

pub fn run(store: &Store, cmd: ExportCommand) -> Result<String> {
    match cmd {
        ExportCommand::Json { path } => {
            // Deleted rows go along as tombstones; what they said must not leave with them.
            store.erase_expired(SystemClock.now_ms())?;
            let rows = export::write_json(store, &path)?;
            Ok(format!("Exported {rows} rows to {}", path.display()))
        }
        ExportCommand::Csv { path } => {
            let files = export::csv::export_csv(store, &path, &chrono::Local)?;
            let names: Vec<String> = files
                .iter()
                .filter_map(|f| f.file_name().map(|n| n.to_string_lossy().into_owned()))
                .collect();
            Ok(format!(
                "Wrote {} files to {}: {}",
                files.len(),
                path.display(),
                names.join(", ")
            ))
        }
    }
}
