//! A CSV file per user-facing table, for spreadsheets: `posts.csv`, `inquiries.csv`, ...
//!
//! Made to be read by people: times in the user's own time zone (`published_at`,
//! "2026-05-02 09:15:00") instead of epoch milliseconds, money as a decimal (`value`, "1500.00")
//! next to its currency, deleted rows left out. UTF-8 with a byte order mark, so Excel shows
//! "één" and emoji as they are. The JSON export is the one that holds everything.

use std::path::{Path, PathBuf};

use chrono::TimeZone;
use rusqlite::types::ValueRef;
use rusqlite::Connection;

use super::files::write_atomic;
use super::schema::{quote, tables, Table};
use crate::error::{Error, Result};
use crate::store::Store;

/// Tables that are the app's own bookkeeping, not the user's data.
const INTERNAL: &[&str] = &["settings", "reminder_log"];
/// Rows with this set are deleted (kept for undo only).
const TOMBSTONE: &str = "deleted_at_ms";

/// Writes one CSV per user-facing table into `dir` (created when missing); returns the files.
pub fn export_csv<Tz: TimeZone>(store: &Store, dir: &Path, tz: &Tz) -> Result<Vec<PathBuf>>
where
    Tz::Offset: std::fmt::Display,
{
    std::fs::create_dir_all(dir)?;
    let files = store.read(|c| {
        let tx = c.unchecked_transaction()?;
        let mut files = Vec::new();
        for table in tables(&tx)? {
            if INTERNAL.contains(&table.name.as_str()) {
                continue;
            }
            files.push((format!("{}.csv", table.name), table_csv(&tx, &table, tz)?));
        }
        tx.finish()?;
        Ok(files)
    })?;
    let mut written = Vec::with_capacity(files.len());
    for (name, bytes) in files {
        let path = dir.join(name);
        write_atomic(&path, &bytes)?;
        written.push(path);
    }
    Ok(written)
}

/// How one database column shows in the spreadsheet.
enum Shown {
    Plain,
    /// `*_at_ms`: a local date and time.
    Time,
    /// `*_cents`: a decimal amount.
    Money,
}

fn shown(column: &str) -> (String, Shown) {
    if let Some(base) = column.strip_suffix("_at_ms") {
        (format!("{base}_at"), Shown::Time)
    } else if let Some(base) = column.strip_suffix("_cents") {
        (base.to_string(), Shown::Money)
    } else {
        (column.to_string(), Shown::Plain)
    }
}

fn table_csv<Tz: TimeZone>(c: &Connection, table: &Table, tz: &Tz) -> Result<Vec<u8>>
where
    Tz::Offset: std::fmt::Display,
{
    let tombstoned = table.columns.iter().any(|c| c == TOMBSTONE);
    let columns: Vec<&String> = table.columns.iter().filter(|c| *c != TOMBSTONE).collect();
    let kinds: Vec<(String, Shown)> = columns.iter().map(|c| shown(c)).collect();

    let mut bytes = "\u{feff}".as_bytes().to_vec();
    {
        let mut w = ::csv::Writer::from_writer(&mut bytes);
        w.write_record(kinds.iter().map(|(name, _)| name.as_str()))
            .map_err(csv_error)?;
        let sql = format!(
            "SELECT {} FROM {}{} ORDER BY {}",
            columns
                .iter()
                .map(|c| quote(c))
                .collect::<Vec<_>>()
                .join(", "),
            quote(&table.name),
            if tombstoned {
                format!(" WHERE {TOMBSTONE} IS NULL")
            } else {
                String::new()
            },
            table.order_by()
        );
        let mut stmt = c.prepare(&sql)?;
        let mut rows = stmt.query([])?;
        while let Some(row) = rows.next()? {
            let mut record = Vec::with_capacity(kinds.len());
            for (i, (_, kind)) in kinds.iter().enumerate() {
                record.push(text(row.get_ref(i)?, kind, tz));
            }
            w.write_record(&record).map_err(csv_error)?;
        }
        w.flush()?;
    }
    Ok(bytes)
}

fn text<Tz: TimeZone>(v: ValueRef<'_>, kind: &Shown, tz: &Tz) -> String
where
    Tz::Offset: std::fmt::Display,
{
    match (v, kind) {
        (ValueRef::Null, _) => String::new(),
        (ValueRef::Integer(ms), Shown::Time) => local_time(ms, tz),
        (ValueRef::Integer(cents), Shown::Money) => money(cents),
        (ValueRef::Integer(i), _) => i.to_string(),
        (ValueRef::Real(f), _) => f.to_string(),
        (ValueRef::Text(t), _) => String::from_utf8_lossy(t).into_owned(),
        (ValueRef::Blob(b), _) => format!("({} bytes)", b.len()),
    }
}

/// "2026-05-02 09:15:00" in `tz`; the raw number when it is no moment chrono can show.
pub fn local_time<Tz: TimeZone>(ms: i64, tz: &Tz) -> String
where
    Tz::Offset: std::fmt::Display,
{
    match tz.timestamp_millis_opt(ms).single() {
        Some(t) => t.format("%Y-%m-%d %H:%M:%S").to_string(),
        None => ms.to_string(),
    }
}

/// 150000 -> "1500.00"; -5 -> "-0.05". A dot, which every spreadsheet reads in a CSV.
pub fn money(cents: i64) -> String {
    let sign = if cents < 0 { "-" } else { "" };
    let abs = cents.unsigned_abs();
    format!("{sign}{}.{:02}", abs / 100, abs % 100)
}

fn csv_error(e: ::csv::Error) -> Error {
    match e.into_kind() {
        ::csv::ErrorKind::Io(io) => Error::Io(io),
        other => Error::Io(std::io::Error::other(format!("{other:?}"))),
    }
}
