//! Channels: where messages are published. A fresh database has LinkedIn and Newsletter; the
//! user adds, renames and archives (never deletes: posts keep pointing at their channel).

use rusqlite::{params, Connection, OptionalExtension, Row};

use super::{found, Store};
use crate::error::{Error, Result};
use crate::model::{Channel, ChannelInput, ChannelKind};

const COLUMNS: &str = "id, name, kind, archived";

fn from_row(r: &Row<'_>) -> rusqlite::Result<Channel> {
    Ok(Channel {
        id: r.get(0)?,
        name: r.get(1)?,
        kind: r.get(2)?,
        archived: r.get(3)?,
    })
}

impl Store {
    /// All channels, active ones first, then by name.
    pub fn list_channels(&self) -> Result<Vec<Channel>> {
        self.read(|c| {
            let mut stmt = c.prepare(&format!(
                "SELECT {COLUMNS} FROM channels ORDER BY archived, name COLLATE NOCASE"
            ))?;
            let rows = stmt.query_map([], from_row)?;
            Ok(rows.collect::<rusqlite::Result<_>>()?)
        })
    }

    pub fn get_channel(&self, id: i64) -> Result<Channel> {
        self.read(|c| channel_by_id(c, id))
    }

    /// Finds a channel by name, ignoring case (for the command line's `--channel NAME`).
    pub fn channel_by_name(&self, name: &str) -> Result<Channel> {
        self.read(|c| {
            let found = c
                .query_row(
                    &format!("SELECT {COLUMNS} FROM channels WHERE name = ?1 COLLATE NOCASE"),
                    [name.trim()],
                    from_row,
                )
                .optional()?;
            match found {
                Some(channel) => Ok(channel),
                None => {
                    let names: Vec<String> = c
                        .prepare("SELECT name FROM channels WHERE archived = 0 ORDER BY name")?
                        .query_map([], |r| r.get(0))?
                        .collect::<rusqlite::Result<_>>()?;
                    Err(Error::invalid(
                        "channel",
                        "channel_unknown",
                        format!(
                            "there is no channel called '{}'; known channels: {}",
                            name.trim(),
                            names.join(", ")
                        ),
                    ))
                }
            }
        })
    }

    pub fn add_channel(&self, input: &ChannelInput, now_ms: i64) -> Result<Channel> {
        let name = channel_name(&input.name)?;
        self.write(|tx| {
            ensure_name_free(tx, &name, None)?;
            tx.execute(
                "INSERT INTO channels (name, kind, created_at_ms) VALUES (?1, ?2, ?3)",
                params![name, input.kind, now_ms],
            )?;
            channel_by_id(tx, tx.last_insert_rowid())
        })
    }

    pub fn rename_channel(&self, id: i64, new_name: &str) -> Result<Channel> {
        let name = channel_name(new_name)?;
        self.write(|tx| {
            channel_by_id(tx, id)?;
            ensure_name_free(tx, &name, Some(id))?;
            tx.execute(
                "UPDATE channels SET name = ?1 WHERE id = ?2",
                params![name, id],
            )?;
            channel_by_id(tx, id)
        })
    }

    /// Archived channels keep their posts but are not offered for new ones.
    pub fn set_channel_archived(&self, id: i64, archived: bool) -> Result<Channel> {
        self.write(|tx| {
            channel_by_id(tx, id)?;
            tx.execute(
                "UPDATE channels SET archived = ?1 WHERE id = ?2",
                params![archived, id],
            )?;
            channel_by_id(tx, id)
        })
    }
}

pub(super) fn channel_by_id(c: &Connection, id: i64) -> Result<Channel> {
    found(
        "channel",
        id,
        c.prepare_cached(&format!("SELECT {COLUMNS} FROM channels WHERE id = ?1"))
            .and_then(|mut stmt| stmt.query_row([id], from_row)),
    )
}

/// The channel called `name` (ignoring case), created with `kind` when there is none: imports
/// put their posts in a channel the user recognises without asking them to set one up first.
pub(super) fn find_or_create_channel(
    c: &Connection,
    name: &str,
    kind: ChannelKind,
    now_ms: i64,
) -> Result<Channel> {
    let name = channel_name(name)?;
    let existing = c
        .query_row(
            &format!("SELECT {COLUMNS} FROM channels WHERE name = ?1 COLLATE NOCASE"),
            [&name],
            from_row,
        )
        .optional()?;
    if let Some(channel) = existing {
        return Ok(channel);
    }
    c.execute(
        "INSERT INTO channels (name, kind, created_at_ms) VALUES (?1, ?2, ?3)",
        params![name, kind, now_ms],
    )?;
    channel_by_id(c, c.last_insert_rowid())
}

/// The post kind a channel suggests when the user did not pick one.
pub(super) fn default_post_kind(kind: ChannelKind) -> crate::model::PostKind {
    use crate::model::PostKind;
    match kind {
        ChannelKind::Newsletter => PostKind::Newsletter,
        ChannelKind::Blog => PostKind::Article,
        ChannelKind::Youtube => PostKind::Video,
        _ => PostKind::Post,
    }
}

fn channel_name(input: &str) -> Result<String> {
    let name = input.trim();
    if name.is_empty() {
        return Err(Error::invalid(
            "name",
            "name_required",
            "a channel needs a name",
        ));
    }
    if name.chars().count() > 100 {
        return Err(Error::invalid(
            "name",
            "text_too_long",
            "a channel name can have at most 100 characters",
        ));
    }
    Ok(name.to_string())
}

fn ensure_name_free(c: &Connection, name: &str, except: Option<i64>) -> Result<()> {
    let taken: Option<i64> = c
        .query_row(
            "SELECT id FROM channels WHERE name = ?1 COLLATE NOCASE AND id IS NOT ?2",
            params![name, except],
            |r| r.get(0),
        )
        .optional()?;
    match taken {
        Some(_) => Err(Error::invalid(
            "name",
            "channel_name_taken",
            format!("there is already a channel called '{name}'"),
        )),
        None => Ok(()),
    }
}
