//! `afterword import json PATH`: everything from an Afterword JSON export, into an empty
//! database, all or nothing. `--json` prints the same summary as the other imports.

use std::path::Path;

use afterword_core::export;
use afterword_core::{Error, Result, Store};
use serde_json::json;

pub fn run(store: &Store, path: Option<&Path>, dry_run: bool, as_json: bool) -> Result<String> {
    let summary = |added: u32, errors: Vec<serde_json::Value>| {
        let s = json!({ "source": "json", "dry_run": dry_run, "added": added, "already_present": 0,
                        "rejected": 0, "skipped": 0, "errors": errors });
        serde_json::to_string_pretty(&s).unwrap_or_else(|_| "null".into())
    };
    let Some(path) = path else {
        return Err(Error::invalid(
            "path",
            "path_required",
            "name the export to import",
        ));
    };
    match export::import_json(store, path, dry_run) {
        Ok(done) if as_json => Ok(summary(if dry_run { 0 } else { done.rows }, Vec::new())),
        Ok(done) if dry_run => Ok(format!(
            "Would add {} rows in {} tables. Nothing was written.",
            done.rows, done.tables
        )),
        Ok(done) => Ok(format!(
            "Added {} rows in {} tables from {}.",
            done.rows,
            done.tables,
            path.display()
        )),
        Err(e) => {
            if as_json {
                let payload = serde_json::to_value(afterword_core::error::ErrorPayload::from(&e))
                    .unwrap_or_default();
                let _ = super::print_line(&summary(0, vec![payload]));
            }
            Err(e)
        }
    }
}
