//! Everything as one JSON document that round-trips: export, `import json` into an empty
//! database, export again, and the two documents are byte for byte the same.
//!
//! ```text
//! { "format": "afterword-export", "format_version": 1, "schema_version": 3,
//!   "tables": { "<table>": { "columns": ["id", ...], "rows": [[1, "LinkedIn", ...], ...] }, ... } }
//! ```
//! Tables by name, rows by primary key, columns in the table's order; one row per line. Cells
//! are what SQLite holds: integers (times in epoch ms, money in cents), text, null, a real, or
//! `{"blob_hex": "..."}`. Tombstoned rows are included. The document says nothing about when it
//! was made, so the same data always gives the same bytes.

use std::collections::{BTreeMap, HashSet};
use std::fmt::Write as _;
use std::path::Path;

use rusqlite::types::{Value as SqlValue, ValueRef};
use rusqlite::Connection;
use serde_json::Value;

use super::schema::{quote, tables, Table};
use crate::error::{Error, Result};
use crate::store::{Store, SCHEMA_VERSION};

/// What the document says it is.
pub const FORMAT: &str = "afterword-export";
/// The layout of the document itself (not of the database, that is `schema_version`).
pub const FORMAT_VERSION: i64 = 1;

/// Tables that hold no user data of their own: a fresh database may already have rows there
/// and they are replaced by the document's.
const REPLACEABLE: &[&str] = &["settings"];
/// The channels every new database starts with (see 0001_initial.sql).
const SEED_CHANNELS: &[(i64, &str, &str)] =
    &[(1, "LinkedIn", "linkedin"), (2, "Newsletter", "newsletter")];

/// The whole database as the JSON document described above.
pub fn export_json(store: &Store) -> Result<String> {
    store.read(|c| {
        // One read transaction: every table from the same moment, also when the window writes.
        let tx = c.unchecked_transaction()?;
        let doc = document(&tx)?;
        tx.finish()?;
        Ok(doc.0)
    })
}

/// Writes the document to `path` atomically; returns the number of rows in it.
pub fn write_json(store: &Store, path: &Path) -> Result<usize> {
    let (doc, rows) = store.read(|c| {
        let tx = c.unchecked_transaction()?;
        let doc = document(&tx)?;
        tx.finish()?;
        Ok(doc)
    })?;
    super::files::write_atomic(path, doc.as_bytes())?;
    Ok(rows)
}

/// The document and how many rows it holds.
fn document(c: &Connection) -> Result<(String, usize)> {
    let version: i64 = c.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    let mut out = String::new();
    out.push_str("{\n");
    let _ = writeln!(out, "  \"format\": \"{FORMAT}\",");
    let _ = writeln!(out, "  \"format_version\": {FORMAT_VERSION},");
    let _ = writeln!(out, "  \"schema_version\": {version},");
    out.push_str("  \"tables\": {");
    let all = tables(c)?;
    let mut rows = 0;
    for (i, table) in all.iter().enumerate() {
        out.push_str(if i == 0 { "\n" } else { ",\n" });
        let _ = writeln!(out, "    {}: {{", json_string(&table.name));
        let columns: Vec<Value> = table
            .columns
            .iter()
            .map(|n| Value::from(n.as_str()))
            .collect();
        let _ = writeln!(out, "      \"columns\": {},", Value::Array(columns));
        out.push_str("      \"rows\": [");
        rows += write_rows(c, table, &mut out)?;
        out.push_str("]\n    }");
    }
    out.push_str(if all.is_empty() {
        "}\n}\n"
    } else {
        "\n  }\n}\n"
    });
    Ok((out, rows))
}

/// Appends the table's rows; returns how many.
fn write_rows(c: &Connection, table: &Table, out: &mut String) -> Result<usize> {
    let sql = format!(
        "SELECT {} FROM {} ORDER BY {}",
        table.quoted_columns(),
        quote(&table.name),
        table.order_by()
    );
    let mut stmt = c.prepare(&sql)?;
    let mut rows = stmt.query([])?;
    let mut count = 0;
    while let Some(row) = rows.next()? {
        out.push_str(if count == 0 {
            "\n        "
        } else {
            ",\n        "
        });
        count += 1;
        let cells = (0..table.columns.len())
            .map(|i| row.get_ref(i).map(cell))
            .collect::<rusqlite::Result<Vec<_>>>()?;
        out.push_str(&Value::Array(cells).to_string());
    }
    if count > 0 {
        out.push_str("\n      ");
    }
    Ok(count)
}

fn cell(v: ValueRef<'_>) -> Value {
    match v {
        ValueRef::Null => Value::Null,
        ValueRef::Integer(i) => Value::from(i),
        // SQLite stores no NaN or infinity (they become NULL), so every real is a JSON number.
        ValueRef::Real(f) => serde_json::Number::from_f64(f).map_or(Value::Null, Value::Number),
        ValueRef::Text(t) => Value::from(String::from_utf8_lossy(t).into_owned()),
        ValueRef::Blob(b) => {
            let hex: String = b.iter().map(|byte| format!("{byte:02x}")).collect();
            serde_json::json!({ "blob_hex": hex })
        }
    }
}

fn json_string(s: &str) -> String {
    Value::from(s).to_string()
}

/// What [`import_json`] did (or, in a dry run, would do).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JsonImport {
    pub tables: usize,
    /// Rows inserted, over all tables.
    pub rows: u32,
}

/// Reads an export into this database, all or nothing, in one transaction. Refused (nothing
/// changed) when the database already holds data of the user's (the two channels of a fresh
/// database do not count: they are replaced), when the document comes from a newer or older
/// schema, or when anything in it is malformed; the message says what. With `dry_run` every
/// row is inserted and checked, then rolled back.
pub fn import_json(store: &Store, path: &Path, dry_run: bool) -> Result<JsonImport> {
    let text = std::fs::read_to_string(path).map_err(|e| {
        let what = if e.kind() == std::io::ErrorKind::InvalidData {
            "it is not UTF-8 text".to_string()
        } else {
            e.to_string()
        };
        malformed(format!("{} cannot be read: {what}", path.display()))
    })?;
    let doc = parse(&text)?;
    store.write_or_roll_back(!dry_run, |tx| {
        let schema = tables(tx)?;
        if let Some(table) = user_data_in(tx, &schema)? {
            return Err(Error::invalid(
                "path",
                "database_not_empty",
                format!(
                    "this database already holds data ({table}); `import json` only fills an empty \
                     one, so nothing was changed. Use an empty --data-dir, or restore a backup instead"
                ),
            ));
        }
        for name in REPLACEABLE.iter().copied().chain(["channels"]) {
            tx.execute(&format!("DELETE FROM {}", quote(name)), [])?;
        }
        // Rows may refer to rows later in the document (a post to its channel, in any order):
        // foreign keys are checked at commit instead of per row.
        tx.pragma_update(None, "defer_foreign_keys", true)?;
        let mut rows = 0u32;
        for (name, table) in &doc {
            let Some(target) = schema.iter().find(|t| &t.name == name) else {
                return Err(malformed(format!(
                    "table \"{name}\" is not part of this version's database"
                )));
            };
            rows += insert_rows(tx, target, table)?;
        }
        check_references(tx)?;
        Ok(JsonImport {
            tables: doc.len(),
            rows,
        })
    })
}

/// One table of the document, checked for shape.
#[derive(Debug)]
struct DocTable {
    columns: Vec<String>,
    rows: Vec<Vec<SqlValue>>,
}

fn malformed(message: impl Into<String>) -> Error {
    Error::invalid("path", "export_invalid", message)
}

fn parse(text: &str) -> Result<BTreeMap<String, DocTable>> {
    let root: Value = serde_json::from_str(text.trim_start_matches('\u{feff}')).map_err(|e| {
        malformed(format!(
            "this is not valid JSON (line {}, column {}: {e})",
            e.line(),
            e.column()
        ))
    })?;
    let Some(root) = root.as_object() else {
        return Err(malformed(
            "this is not an Afterword export: the document is not a JSON object",
        ));
    };
    if root.get("format").and_then(Value::as_str) != Some(FORMAT) {
        return Err(malformed(format!(
            "this is not an Afterword export: \"format\" should be \"{FORMAT}\""
        )));
    }
    match root.get("format_version").and_then(Value::as_i64) {
        Some(FORMAT_VERSION) => {}
        Some(v) if v > FORMAT_VERSION => {
            return Err(Error::invalid(
                "path",
                "export_too_new",
                format!("this export was written by a newer Afterword (format {v}); please update Afterword"),
            ))
        }
        _ => return Err(malformed(format!("\"format_version\" should be {FORMAT_VERSION}"))),
    }
    let Some(version) = root.get("schema_version").and_then(Value::as_i64) else {
        return Err(malformed(
            "\"schema_version\" is missing or not a whole number",
        ));
    };
    if version > SCHEMA_VERSION {
        return Err(Error::invalid(
            "path",
            "export_too_new",
            format!(
                "this export was written by a newer Afterword (schema {version}, this version knows up \
                 to {SCHEMA_VERSION}); please update Afterword and import it again"
            ),
        ));
    }
    if version < SCHEMA_VERSION {
        return Err(Error::invalid(
            "path",
            "export_too_old",
            format!(
                "this export comes from an older Afterword (schema {version}; this version writes \
                 {SCHEMA_VERSION}). Restore a backup of that time instead, or export again with this version"
            ),
        ));
    }
    let Some(tables) = root.get("tables").and_then(Value::as_object) else {
        return Err(malformed("\"tables\" is missing or not an object"));
    };
    tables
        .iter()
        .map(|(name, t)| Ok((name.clone(), doc_table(name, t)?)))
        .collect()
}

fn doc_table(name: &str, t: &Value) -> Result<DocTable> {
    let columns: Option<Vec<String>> = t
        .get("columns")
        .and_then(Value::as_array)
        .and_then(|cs| cs.iter().map(|c| c.as_str().map(str::to_string)).collect());
    let Some(columns) = columns else {
        return Err(malformed(format!(
            "table \"{name}\": \"columns\" should be a list of column names"
        )));
    };
    let mut seen = HashSet::new();
    if let Some(dup) = columns.iter().find(|c| !seen.insert(c.as_str())) {
        return Err(malformed(format!(
            "table \"{name}\": column \"{dup}\" is listed twice"
        )));
    }
    let Some(raw_rows) = t.get("rows").and_then(Value::as_array) else {
        return Err(malformed(format!(
            "table \"{name}\": \"rows\" should be a list"
        )));
    };
    let mut rows = Vec::with_capacity(raw_rows.len());
    for (i, raw) in raw_rows.iter().enumerate() {
        let at = || format!("table \"{name}\", row {}", i + 1);
        let Some(cells) = raw.as_array() else {
            return Err(malformed(format!(
                "{}: a row should be a list of values",
                at()
            )));
        };
        if cells.len() != columns.len() {
            return Err(malformed(format!(
                "{}: {} values for {} columns",
                at(),
                cells.len(),
                columns.len()
            )));
        }
        let row = cells
            .iter()
            .zip(&columns)
            .map(|(v, col)| {
                sql_value(v).ok_or_else(|| {
                    malformed(format!(
                        "{}, column \"{col}\": {v} is not a value Afterword stores",
                        at()
                    ))
                })
            })
            .collect::<Result<Vec<_>>>()?;
        rows.push(row);
    }
    Ok(DocTable { columns, rows })
}

fn sql_value(v: &Value) -> Option<SqlValue> {
    Some(match v {
        Value::Null => SqlValue::Null,
        Value::Number(n) => match n.as_i64() {
            Some(i) => SqlValue::Integer(i),
            None => SqlValue::Real(n.as_f64()?),
        },
        Value::String(s) => SqlValue::Text(s.clone()),
        Value::Object(o) if o.len() == 1 => SqlValue::Blob(hex(o.get("blob_hex")?.as_str()?)?),
        _ => return None,
    })
}

fn hex(s: &str) -> Option<Vec<u8>> {
    if !s.len().is_multiple_of(2) {
        return None;
    }
    (0..s.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(s.get(i..i + 2)?, 16).ok())
        .collect()
}

/// The first table holding data of the user's, if any (see [`import_json`]).
fn user_data_in(c: &Connection, schema: &[Table]) -> Result<Option<String>> {
    for table in schema {
        if REPLACEABLE.contains(&table.name.as_str()) {
            continue;
        }
        if table.name == "channels" {
            let mut stmt = c.prepare("SELECT id, name, kind, archived FROM channels")?;
            let untouched = stmt
                .query_map([], |r| {
                    Ok((
                        r.get::<_, i64>(0)?,
                        r.get::<_, String>(1)?,
                        r.get::<_, String>(2)?,
                        r.get::<_, i64>(3)?,
                    ))
                })?
                .collect::<rusqlite::Result<Vec<_>>>()?
                .iter()
                .all(|(id, name, kind, archived)| {
                    *archived == 0
                        && SEED_CHANNELS
                            .iter()
                            .any(|s| (s.0, s.1, s.2) == (*id, name.as_str(), kind.as_str()))
                });
            if !untouched {
                return Ok(Some("channels".into()));
            }
            continue;
        }
        let sql = format!("SELECT EXISTS (SELECT 1 FROM {})", quote(&table.name));
        if c.query_row(&sql, [], |r| r.get::<_, bool>(0))? {
            return Ok(Some(table.name.clone()));
        }
    }
    Ok(None)
}

fn insert_rows(c: &Connection, target: &Table, table: &DocTable) -> Result<u32> {
    if let Some(col) = table.columns.iter().find(|c| !target.columns.contains(c)) {
        return Err(malformed(format!(
            "table \"{}\" has no column \"{col}\" in this version's database",
            target.name
        )));
    }
    if table.rows.is_empty() {
        return Ok(0);
    }
    let sql = format!(
        "INSERT INTO {} ({}) VALUES ({})",
        quote(&target.name),
        table
            .columns
            .iter()
            .map(|c| quote(c))
            .collect::<Vec<_>>()
            .join(", "),
        vec!["?"; table.columns.len()].join(", ")
    );
    let mut stmt = c.prepare(&sql)?;
    for (i, row) in table.rows.iter().enumerate() {
        stmt.execute(rusqlite::params_from_iter(row)).map_err(|e| {
            malformed(format!(
                "table \"{}\", row {}: it cannot be stored ({})",
                target.name,
                i + 1,
                sqlite_reason(&e)
            ))
        })?;
    }
    Ok(table.rows.len() as u32)
}

fn sqlite_reason(e: &rusqlite::Error) -> String {
    match e {
        rusqlite::Error::SqliteFailure(_, Some(msg)) => msg.clone(),
        other => other.to_string(),
    }
}

/// Names the first row that refers to a row the document does not hold, before the commit
/// would refuse with SQLite's nameless "FOREIGN KEY constraint failed".
fn check_references(c: &Connection) -> Result<()> {
    let mut stmt = c.prepare("PRAGMA foreign_key_check")?;
    let mut rows = stmt.query([])?;
    if let Some(r) = rows.next()? {
        let table: String = r.get(0)?;
        let rowid: Option<i64> = r.get(1)?;
        let parent: String = r.get(2)?;
        return Err(malformed(format!(
            "table \"{table}\", row with id {}: it refers to a row of \"{parent}\" that is not in the export",
            rowid.map_or_else(|| "?".into(), |id| id.to_string())
        )));
    }
    Ok(())
}
