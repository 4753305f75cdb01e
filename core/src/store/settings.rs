//! Small key-value settings (language, reminder preferences, window preferences). Values are
//! JSON text.

use rusqlite::{params, Connection, OptionalExtension};

use super::Store;
use crate::error::Result;
use crate::model::{WindowPrefs, WINDOW_PREFS_KEY};

impl Store {
    pub fn get_setting(&self, key: &str) -> Result<Option<String>> {
        self.read(|c| read_setting(c, key))
    }

    pub fn set_setting(&self, key: &str, value: &str) -> Result<()> {
        self.write(|tx| write_setting(tx, key, value))
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
        self.set_setting(key, &to_json(value)?)
    }

    /// Reads a JSON setting (as [`Store::get_json_setting`] does), lets `change` edit it and
    /// saves it, all in one transaction: a second window or the command line changing the same
    /// setting at the same moment cannot be lost in between. Returns the saved value.
    pub fn update_json_setting<T>(&self, key: &str, change: impl FnOnce(&mut T)) -> Result<T>
    where
        T: serde::de::DeserializeOwned + serde::Serialize + Default,
    {
        self.write(|tx| {
            let mut value: T = read_setting(tx, key)?
                .and_then(|v| serde_json::from_str(&v).ok())
                .unwrap_or_default();
            change(&mut value);
            write_setting(tx, key, &to_json(&value)?)?;
            Ok(value)
        })
    }

    /// The shell's window preferences (close to tray, start at login); defaults when unset.
    pub fn window_prefs(&self) -> Result<WindowPrefs> {
        self.get_json_setting(WINDOW_PREFS_KEY)
    }

    pub fn set_window_prefs(&self, prefs: &WindowPrefs) -> Result<()> {
        self.set_json_setting(WINDOW_PREFS_KEY, prefs)
    }
}

fn read_setting(c: &Connection, key: &str) -> Result<Option<String>> {
    Ok(
        c.query_row("SELECT value FROM settings WHERE key = ?1", [key], |r| {
            r.get(0)
        })
        .optional()?,
    )
}

fn write_setting(c: &Connection, key: &str, value: &str) -> Result<()> {
    c.execute(
        "INSERT INTO settings (key, value) VALUES (?1, ?2)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        params![key, value],
    )?;
    Ok(())
}

fn to_json<T: serde::Serialize>(value: &T) -> Result<String> {
    serde_json::to_string(value).map_err(|e| crate::Error::Io(std::io::Error::other(e)))
}
