//! What the importers need from the store, inside the one transaction an import runs in. The
//! insert logic itself is the store's own (posts, inquiries, channels); this only exposes it.

use rusqlite::{Connection, OptionalExtension, Transaction};

use super::channels::find_or_create_channel;
use super::inquiries::insert_inquiry;
use super::posts::insert_post_row;
use crate::error::Result;
use crate::model::{Channel, ChannelKind, Inquiry};
use crate::validate::{ValidInquiry, ValidPost};

/// True when a post from `source` with this `external_id` is stored. Deleted posts count too:
/// the user deleted it on purpose, and re-importing must not bring it back.
pub(crate) fn post_exists(c: &Connection, source: &str, external_id: &str) -> Result<bool> {
    let mut stmt =
        c.prepare_cached("SELECT 1 FROM posts WHERE source = ?1 AND external_id = ?2")?;
    Ok(stmt
        .query_row([source, external_id], |_| Ok(()))
        .optional()?
        .is_some())
}

/// Like [`post_exists`], for inquiries.
pub(crate) fn inquiry_exists(c: &Connection, source: &str, external_id: &str) -> Result<bool> {
    let mut stmt =
        c.prepare_cached("SELECT 1 FROM inquiries WHERE source = ?1 AND external_id = ?2")?;
    Ok(stmt
        .query_row([source, external_id], |_| Ok(()))
        .optional()?
        .is_some())
}

pub(crate) fn import_channel(
    tx: &Transaction<'_>,
    name: &str,
    kind: ChannelKind,
    now_ms: i64,
) -> Result<Channel> {
    find_or_create_channel(tx, name, kind, now_ms)
}

/// Returns the new post's id.
pub(crate) fn import_post(
    tx: &Transaction<'_>,
    post: &ValidPost,
    source: &str,
    external_id: &str,
    now_ms: i64,
) -> Result<i64> {
    insert_post_row(tx, post, source, Some(external_id), now_ms)
}

pub(crate) fn import_inquiry(
    tx: &Transaction<'_>,
    inquiry: &ValidInquiry,
    source: &str,
    external_id: &str,
    now_ms: i64,
) -> Result<Inquiry> {
    insert_inquiry(tx, inquiry, source, Some(external_id), now_ms)
}
