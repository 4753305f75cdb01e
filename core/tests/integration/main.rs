//! The core's one integration-test binary: real SQLite files in temp dirs, a fixed clock.

mod audience;
mod backup;
mod bench_data;
mod common;
mod erase;
mod export;
mod import;
mod import_analytics;
mod import_engagement;
mod import_network;
mod insights;
mod rhythm;
mod schema;
mod store;
