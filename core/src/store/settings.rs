//! Small key-value settings (language, later reminder preferences). Values are JSON text.

use rusqlite::{params, OptionalExtension};

use super::Store;
use crate::error::Result;

impl Store {
    pub fn get_setting(&self, key: &str) -> Result<Option<String>> {
        self.read(|c| {
            Ok(
                c.query_row("SELECT value FROM settings WHERE key = ?1", [key], |r| {
                    r.get(0)
                })
                .optional()?,
            )
        })
    }

    pub fn set_setting(&self, key: &str, value: &str) -> Result<()> {
        self.write(|tx| {
            tx.execute(
                "INSERT INTO settings (key, value) VALUES (?1, ?2)
                 ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                params![key, value],
            )?;
            Ok(())
        })
    }
}

impl Store {
    /// A setting stored as JSON; `T::default()` when absent or unreadable (an older or damaged
    /// value must never keep the app from starting).
    pub fn get_json_setting<T: serde::de::DeserializeOwned + Default>(
        &self,
        key: &str,
    ) -> Result<T> {
        Ok(self
            .get_setting(key)?
            .and_then(|v| serde_json::from_str(&v).ok())
            .unwrap_or_default())
    }

    pub fn set_json_setting<T: serde::Serialize>(&self, key: &str, value: &T) -> Result<()> {
        let text =
            serde_json::to_string(value).map_err(|e| crate::Error::Io(std::io::Error::other(e)))?;
        self.set_setting(key, &text)
    }
}
