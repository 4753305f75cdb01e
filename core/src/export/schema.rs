//! The tables of the open database, read from SQLite itself, in a stable order.

use rusqlite::Connection;

use crate::error::Result;

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Table {
    pub name: String,
    /// In declaration order (columns added by ALTER TABLE come last).
    pub columns: Vec<String>,
    /// The primary key's columns in key order; empty for a rowid table without one.
    pub primary_key: Vec<String>,
}

impl Table {
    /// `ORDER BY` that lists rows by primary key (else by rowid): stable across exports.
    pub fn order_by(&self) -> String {
        if self.primary_key.is_empty() {
            "rowid".into()
        } else {
            self.primary_key
                .iter()
                .map(|c| quote(c))
                .collect::<Vec<_>>()
                .join(", ")
        }
    }

    pub fn quoted_columns(&self) -> String {
        self.columns
            .iter()
            .map(|c| quote(c))
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// Every ordinary table of the main database by name: no SQLite internals (`sqlite_*`), views,
/// virtual tables or their shadow tables (those are rebuilt from the ordinary ones).
pub(crate) fn tables(c: &Connection) -> Result<Vec<Table>> {
    let mut stmt = c.prepare(
        "SELECT name FROM pragma_table_list
          WHERE schema = 'main' AND type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'
          ORDER BY name",
    )?;
    let names = stmt
        .query_map([], |r| r.get::<_, String>(0))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let mut info = c.prepare("SELECT name, pk FROM pragma_table_info(?1) ORDER BY cid")?;
    let mut tables = Vec::with_capacity(names.len());
    for name in names {
        let cols = info
            .query_map([&name], |r| {
                Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?))
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let mut key: Vec<(i64, String)> = cols
            .iter()
            .filter(|(_, pk)| *pk > 0)
            .map(|(n, pk)| (*pk, n.clone()))
            .collect();
        key.sort();
        tables.push(Table {
            name,
            columns: cols.into_iter().map(|(n, _)| n).collect(),
            primary_key: key.into_iter().map(|(_, n)| n).collect(),
        });
    }
    Ok(tables)
}

/// An SQL identifier in double quotes.
pub(crate) fn quote(identifier: &str) -> String {
    format!("\"{}\"", identifier.replace('"', "\"\""))
}
