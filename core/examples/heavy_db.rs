//! Writes a database with ten years of heavy use (afterword_core::bench_data) into a data dir,
//! for opening the app on it: `afterword --data-dir DIR`. Used by scripts/bench.sh.
//!
//!     cargo run --release -p afterword-core --example heavy_db -- DIR

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use afterword_core::store::DB_FILE_NAME;
use afterword_core::{bench_data, Clock, Store, SystemClock};

fn main() -> ExitCode {
    let mut args = std::env::args_os().skip(1);
    let (Some(dir), None) = (args.next(), args.next()) else {
        eprintln!("usage: heavy_db DATA_DIR");
        return ExitCode::from(2);
    };
    let dir = PathBuf::from(dir);
    let path = dir.join(DB_FILE_NAME);
    if path.exists() {
        eprintln!(
            "heavy_db: {} exists already; give an empty data dir",
            path.display()
        );
        return ExitCode::FAILURE;
    }
    let began = Instant::now();
    let filled = Store::open(&path)
        .and_then(|store| bench_data::fill_ten_years(&store, SystemClock.now_ms()));
    match filled {
        Ok(filled) => {
            println!(
                "{}: {} posts ({} metric readings), {} inquiries ({} clients, {} confirmed \
                 sources), {} audience sizes, {} ideas, {} reminders sent; in {:.1} s",
                path.display(),
                filled.posts,
                filled.post_metrics,
                filled.inquiries,
                filled.clients,
                filled.confirmed_sources,
                filled.audience_snapshots,
                filled.ideas,
                filled.reminders_sent,
                began.elapsed().as_secs_f64()
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("heavy_db: {e}");
            ExitCode::FAILURE
        }
    }
}
