//! Taking the data out: one JSON document that holds every table and round-trips
//! ([`json`]), and a CSV file per user-facing table for spreadsheets ([`csv`]).
//!
//! Both read the schema itself (`pragma table_list`, `pragma table_info`) rather than a fixed
//! list of tables, so a table a later migration adds is exported without touching this code.

pub mod csv;
pub mod files;
pub mod json;
mod schema;

pub use json::{export_json, import_json, write_json, JsonImport};
