//! Afterword core: everything that is not a window.
//!
//! The shell (src-tauri) and the command line are thin: they parse input, call one function here
//! and map the error. All rules (validation, attribution, reminder planning, import parsing) live
//! in this crate, where they are tested on real SQLite files without a window.

pub mod audience;
pub mod backup;
pub mod bench_data;
pub mod clock;
pub mod demo;
pub mod error;
pub mod export;
pub mod import;
pub mod insights;
pub mod model;
pub mod rhythm;
pub mod store;
pub mod time;
pub mod validate;

pub use clock::{Clock, FixedClock, SystemClock};
pub use error::{Error, Result};
pub use store::{Erased, Store, ERASED, UNDO_WINDOW_MS};
