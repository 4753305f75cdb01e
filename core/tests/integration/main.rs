//! The core's one integration-test binary: real SQLite files in temp dirs, a fixed clock.

mod audience;
mod common;
mod import;
mod insights;
mod rhythm;
mod schema;
mod store;
