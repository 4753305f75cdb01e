//! Importing a 10,000-row LinkedIn Shares.csv: parsing alone, and parse + preview + apply into a
//! fresh database (one transaction, `synchronous=FULL`). Target: the whole import under 1 s.
//!
//! Prints the median of plain timed runs first, then criterion's figures:
//! `cargo bench -p afterword-core --bench import`

use std::hint::black_box;
use std::time::{Duration, Instant};

use afterword_core::import::{self, linkedin, Context};
use afterword_core::Store;
use criterion::{BatchSize, Criterion};

const ROWS: usize = 10_000;
/// 2016-01-01T00:00:00Z; one share every ~9 hours reaches into 2026.
const START_S: i64 = 1_451_606_400;
/// 2026-05-28T20:26:40Z.
const NOW_MS: i64 = 1_780_000_000_000;

/// A Shares.csv as LinkedIn writes it: quoted commentary over several lines, with Dutch,
/// emoji and doubled quotes, CRLF line ends and a BOM.
fn shares_csv() -> Vec<u8> {
    let mut out =
        String::from("\u{feff}Date,ShareLink,ShareCommentary,SharedUrl,MediaUrl,Visibility\r\n");
    for i in 0..ROWS {
        let at = chrono::DateTime::from_timestamp(START_S + i as i64 * 32_000, 0)
            .unwrap_or_default()
            .format("%Y-%m-%d %H:%M:%S");
        out.push_str(&format!(
            "{at},https://www.linkedin.com/feed/update/urn:li:share:{id}/,\"Bericht {i}: één gedachte over rust 🌱\r\n\
             Een tweede regel met \"\"aanhalingstekens\"\" en wat meer tekst, zodat het op een echte post lijkt.\r\n\r\n\
             #rust #ondernemen\",https://example.nl/{i},,PUBLIC\r\n",
            id = 7_000_000_000_000_000_000u64 + i as u64
        ));
    }
    out.into_bytes()
}

fn ctx() -> Context<chrono_tz::Tz> {
    Context {
        now_ms: NOW_MS,
        tz: chrono_tz::Europe::Amsterdam,
        channel: None,
    }
}

fn fresh_store() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = Store::open_in_dir(dir.path()).expect("store");
    (dir, store)
}

fn full_import(bytes: &[u8], store: &Store) {
    let parsed = linkedin::parse_shares_csv("Shares.csv", bytes, &ctx()).expect("parse");
    let preview = import::preview(store, &parsed).expect("preview");
    assert_eq!(preview.new as usize, ROWS);
    let outcome = import::apply(store, &parsed, NOW_MS).expect("apply");
    assert_eq!(outcome.added as usize, ROWS);
}

/// Median wall time in ms over `runs` runs of `f` on fresh state from `setup`.
fn median_ms<S>(runs: usize, mut setup: impl FnMut() -> S, mut f: impl FnMut(&S)) -> f64 {
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let state = setup();
            let t = Instant::now();
            f(&state);
            t.elapsed()
        })
        .collect();
    times.sort();
    times[times.len() / 2].as_secs_f64() * 1000.0
}

fn main() {
    let bytes = shares_csv();
    let parse = median_ms(
        11,
        || (),
        |_| {
            black_box(linkedin::parse_shares_csv("Shares.csv", &bytes, &ctx()).expect("parse"));
        },
    );
    let whole = median_ms(7, fresh_store, |(_dir, store)| full_import(&bytes, store));
    eprintln!(
        "import {ROWS}-row Shares.csv ({} KB): parse {parse:.0} ms, parse + preview + apply {whole:.0} ms \
         (medians; target < 1000 ms)",
        bytes.len() / 1024
    );

    let mut c = Criterion::default()
        .sample_size(10)
        .measurement_time(Duration::from_secs(8))
        .configure_from_args();
    c.bench_function("import 10k-row Shares.csv: parse", |b| {
        b.iter(|| linkedin::parse_shares_csv("Shares.csv", &bytes, &ctx()).expect("parse"))
    });
    c.bench_function("import 10k-row Shares.csv: parse + preview + apply", |b| {
        b.iter_batched(
            fresh_store,
            |(dir, store)| {
                full_import(&bytes, &store);
                (dir, store)
            },
            BatchSize::PerIteration,
        )
    });
    c.final_summary();
}
