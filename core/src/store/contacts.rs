//! People, not counts: the contacts behind inquiries, how the user knows them, and the moments
//! they engaged (touches).
//!
//! Every inquiry points at a contact. Logging or importing one finds the contact by name,
//! ignoring case, or creates it. Inquiries stored before contacts existed (schema 2), or written
//! by a path that does not link them, are linked when the store opens and again before the
//! People view is read ([`link_unlinked_inquiries`]): the same rule, so nothing is left out.
//!
//! Warm circle: a person who engaged on at least two different days (local calendar days)
//! before their first inquiry; someone who has not reached out yet counts with the touches up
//! to now. Two days, not two touches: reacting twice to one post in an afternoon is one moment
//! of attention, coming back on another day is the repeated engagement the view is about.

use std::collections::{BTreeSet, HashMap};

use chrono::TimeZone;
use rusqlite::{params, Connection, OptionalExtension, Row};

use super::posts::post_by_id;
use super::{found, Store};
use crate::error::{Error, Result};
use crate::model::{
    Contact, ContactInput, ContactInquiry, ContactOverview, ContactTouch, HowKnown, InquiryStatus,
    TouchInput,
};
use crate::time::{from_ms, to_rfc3339};
use crate::validate::{moment, optional_text, optional_url, MAX_SHORT_CHARS, MAX_TEXT_CHARS};

const COLUMNS: &str =
    "id, name, profile_url, how_known, notes, source, created_at_ms, updated_at_ms";

fn from_row(r: &Row<'_>) -> rusqlite::Result<Contact> {
    Ok(Contact {
        id: r.get(0)?,
        name: r.get(1)?,
        profile_url: r.get(2)?,
        how_known: r.get(3)?,
        notes: r.get(4)?,
        source: r.get(5)?,
        created_at: from_ms(r.get(6)?),
        updated_at: from_ms(r.get(7)?),
    })
}

/// A touch with the title of the post it was about, or the start of its text when it has no
/// title (none when it was about no post, or the post was deleted).
const TOUCH_COLUMNS: &str = "t.id, t.contact_id, t.post_id, t.kind, t.at_ms, t.source,
     CASE WHEN p.deleted_at_ms IS NULL THEN coalesce(p.title, substr(p.text, 1, 80)) END";
const TOUCH_FROM: &str = "FROM contact_touches t LEFT JOIN posts p ON p.id = t.post_id";

fn touch_from_row(r: &Row<'_>) -> rusqlite::Result<ContactTouch> {
    Ok(ContactTouch {
        id: r.get(0)?,
        contact_id: r.get(1)?,
        post_id: r.get(2)?,
        kind: r.get(3)?,
        at: to_rfc3339(r.get(4)?),
        source: r.get(5)?,
        post_title: r.get(6)?,
    })
}

fn touch_by_id(c: &Connection, id: i64) -> Result<ContactTouch> {
    found(
        "touch",
        id,
        c.query_row(
            &format!("SELECT {TOUCH_COLUMNS} {TOUCH_FROM} WHERE t.id = ?1"),
            [id],
            touch_from_row,
        ),
    )
}

/// A contact that passed validation.
struct ValidContact {
    name: String,
    profile_url: Option<String>,
    how_known: HowKnown,
    notes: Option<String>,
}

fn valid_contact(input: &ContactInput) -> Result<ValidContact> {
    let name = optional_text("name", Some(&input.name), MAX_SHORT_CHARS)?.ok_or_else(|| {
        Error::invalid(
            "name",
            "name_required",
            "a person needs a name (or a nickname)",
        )
    })?;
    Ok(ValidContact {
        name,
        profile_url: optional_url("profile_url", input.profile_url.as_deref())?,
        how_known: input.how_known.unwrap_or(HowKnown::NotYet),
        notes: optional_text("notes", input.notes.as_deref(), MAX_TEXT_CHARS)?,
    })
}

impl Store {
    pub fn create_contact(&self, input: &ContactInput, now_ms: i64) -> Result<Contact> {
        let c = valid_contact(input)?;
        self.write(|tx| {
            tx.execute(
                "INSERT INTO contacts (name, profile_url, how_known, notes, created_at_ms, updated_at_ms)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?5)",
                params![c.name, c.profile_url, c.how_known, c.notes, now_ms],
            )?;
            contact_by_id(tx, tx.last_insert_rowid())
        })
    }

    pub fn update_contact(&self, id: i64, input: &ContactInput, now_ms: i64) -> Result<Contact> {
        let c = valid_contact(input)?;
        self.write(|tx| {
            contact_by_id(tx, id)?;
            tx.execute(
                "UPDATE contacts SET name = ?1, profile_url = ?2, how_known = ?3, notes = ?4,
                        updated_at_ms = ?5
                 WHERE id = ?6",
                params![c.name, c.profile_url, c.how_known, c.notes, now_ms, id],
            )?;
            contact_by_id(tx, id)
        })
    }

    /// Only how the user knows the person: the People view's quick edit.
    pub fn set_how_known(&self, id: i64, how_known: HowKnown, now_ms: i64) -> Result<Contact> {
        self.write(|tx| {
            contact_by_id(tx, id)?;
            tx.execute(
                "UPDATE contacts SET how_known = ?1, updated_at_ms = ?2 WHERE id = ?3",
                params![how_known, now_ms, id],
            )?;
            contact_by_id(tx, id)
        })
    }

    /// Hides the person; their inquiries stay (and keep pointing at them, so undo restores the
    /// whole picture). [`Store::restore_contact`] undoes it.
    pub fn delete_contact(&self, id: i64, now_ms: i64) -> Result<()> {
        self.write(|tx| {
            contact_by_id(tx, id)?;
            tx.execute(
                "UPDATE contacts SET deleted_at_ms = ?1 WHERE id = ?2",
                params![now_ms, id],
            )?;
            Ok(())
        })
    }

    pub fn restore_contact(&self, id: i64, now_ms: i64) -> Result<Contact> {
        self.write(|tx| {
            super::erase::check_undoable(tx, "contacts", "person", id, now_ms)?;
            let changed = tx.execute(
                "UPDATE contacts SET deleted_at_ms = NULL WHERE id = ?1 AND deleted_at_ms IS NOT NULL",
                [id],
            )?;
            if changed == 0 {
                return Err(Error::NotFound {
                    what: "deleted contact",
                    id,
                });
            }
            contact_by_id(tx, id)
        })
    }

    pub fn get_contact(&self, id: i64) -> Result<Contact> {
        self.read(|c| contact_by_id(c, id))
    }

    /// Adds a moment the person engaged, typed by hand.
    pub fn add_touch<Tz: TimeZone>(
        &self,
        input: &TouchInput,
        now_ms: i64,
        tz: &Tz,
    ) -> Result<ContactTouch> {
        let at_ms = moment("at", &input.at, now_ms, tz)?;
        self.write(|tx| {
            contact_by_id(tx, input.contact_id)?;
            if let Some(post_id) = input.post_id {
                post_by_id(tx, post_id).map_err(|_| {
                    Error::invalid(
                        "post_id",
                        "post_unknown",
                        format!("post {post_id} does not exist (was it deleted?)"),
                    )
                })?;
            }
            tx.execute(
                "INSERT INTO contact_touches (contact_id, post_id, kind, at_ms, created_at_ms)
                 VALUES (?1, ?2, ?3, ?4, ?5)",
                params![input.contact_id, input.post_id, input.kind, at_ms, now_ms],
            )?;
            touch_by_id(tx, tx.last_insert_rowid())
        })
    }

    /// Removes a touch typed by mistake and returns it, so that undo can add the same moment
    /// again ([`Store::add_touch`] with its contact, post, kind and time). Touches are only
    /// typed by hand (no import writes them), so that gives back exactly what was there.
    pub fn delete_touch(&self, id: i64) -> Result<ContactTouch> {
        self.write(|tx| {
            let touch = touch_by_id(tx, id)?;
            tx.execute("DELETE FROM contact_touches WHERE id = ?1", [id])?;
            Ok(touch)
        })
    }

    /// Every visible person, with their inquiries (not deleted) and touches, oldest first,
    /// whether one became a client, and the warm-circle mark (see the module comment). Sorted
    /// by their latest activity, newest first. Links any unlinked inquiry first.
    pub fn contacts_overview<Tz: TimeZone>(
        &self,
        now_ms: i64,
        tz: &Tz,
    ) -> Result<Vec<ContactOverview>> {
        self.write(|tx| {
            link_unlinked_inquiries(tx)?;
            let contacts: Vec<Contact> = tx
                .prepare(&format!(
                    "SELECT {COLUMNS} FROM contacts WHERE deleted_at_ms IS NULL"
                ))?
                .query_map([], from_row)?
                .collect::<rusqlite::Result<_>>()?;
            let mut inquiries: HashMap<i64, Vec<(i64, ContactInquiry)>> = HashMap::new();
            let mut stmt = tx.prepare(
                "SELECT contact_id, id, received_at_ms, status FROM inquiries
                 WHERE deleted_at_ms IS NULL AND contact_id IS NOT NULL
                 ORDER BY received_at_ms, id",
            )?;
            let rows = stmt.query_map([], |r| {
                let at: i64 = r.get(2)?;
                Ok((
                    r.get::<_, i64>(0)?,
                    at,
                    ContactInquiry {
                        id: r.get(1)?,
                        received_at: to_rfc3339(at),
                        status: r.get(3)?,
                    },
                ))
            })?;
            for row in rows {
                let (contact, at, inquiry) = row?;
                inquiries.entry(contact).or_default().push((at, inquiry));
            }
            let mut touches: HashMap<i64, Vec<(i64, ContactTouch)>> = HashMap::new();
            let mut stmt = tx.prepare(&format!(
                "SELECT {TOUCH_COLUMNS} {TOUCH_FROM} ORDER BY t.at_ms, t.id"
            ))?;
            let rows = stmt.query_map([], |r| Ok((r.get::<_, i64>(4)?, touch_from_row(r)?)))?;
            for row in rows {
                let (at, touch) = row?;
                touches
                    .entry(touch.contact_id)
                    .or_default()
                    .push((at, touch));
            }
            let mut out: Vec<(i64, ContactOverview)> = contacts
                .into_iter()
                .map(|contact| {
                    let inq = inquiries.remove(&contact.id).unwrap_or_default();
                    let tch = touches.remove(&contact.id).unwrap_or_default();
                    let until = inq.first().map(|(at, _)| *at);
                    let touch_times: Vec<i64> = tch.iter().map(|(at, _)| *at).collect();
                    let warm = is_warm(&touch_times, until, now_ms, tz);
                    let latest = inq
                        .iter()
                        .map(|(at, _)| *at)
                        .chain(touch_times.iter().copied())
                        .max()
                        .unwrap_or(contact.updated_at.timestamp_millis());
                    let became_client = inq.iter().any(|(_, i)| i.status == InquiryStatus::Client);
                    (
                        latest,
                        ContactOverview {
                            contact,
                            inquiries: inq.into_iter().map(|(_, i)| i).collect(),
                            touches: tch.into_iter().map(|(_, t)| t).collect(),
                            became_client,
                            warm,
                        },
                    )
                })
                .collect();
            out.sort_by(|a, b| b.0.cmp(&a.0).then(b.1.contact.id.cmp(&a.1.contact.id)));
            Ok(out.into_iter().map(|(_, o)| o).collect())
        })
    }
}

/// The warm-circle rule: touches on at least two different local calendar days strictly before
/// `first_inquiry_ms`, or, with no inquiry yet, at or before `now_ms`.
pub fn is_warm<Tz: TimeZone>(
    touch_times_ms: &[i64],
    first_inquiry_ms: Option<i64>,
    now_ms: i64,
    tz: &Tz,
) -> bool {
    let days: BTreeSet<chrono::NaiveDate> = touch_times_ms
        .iter()
        .filter(|&&t| match first_inquiry_ms {
            Some(first) => t < first,
            None => t <= now_ms,
        })
        .map(|&t| from_ms(t).with_timezone(tz).date_naive())
        .collect();
    days.len() >= 2
}

pub(super) fn contact_by_id(c: &Connection, id: i64) -> Result<Contact> {
    found(
        "contact",
        id,
        c.query_row(
            &format!("SELECT {COLUMNS} FROM contacts WHERE id = ?1 AND deleted_at_ms IS NULL"),
            [id],
            from_row,
        ),
    )
}

/// The visible contact called `name`, ignoring case, or a new one (not known yet, as the user
/// has not said otherwise). SQLite's NOCASE folds only ASCII, so a name with other letters
/// ("Émile", "ÖZLEM") is also compared, lower-cased in full, with the names that have them.
pub(super) fn contact_for_name(c: &Connection, name: &str, now_ms: i64) -> Result<i64> {
    let name = name.trim();
    let existing: Option<i64> = c
        .prepare_cached(
            "SELECT id FROM contacts WHERE name = ?1 COLLATE NOCASE AND deleted_at_ms IS NULL
             ORDER BY id LIMIT 1",
        )?
        .query_row([name], |r| r.get(0))
        .optional()?;
    if let Some(id) = existing {
        return Ok(id);
    }
    if !name.is_ascii() {
        let wanted = name.to_lowercase();
        let mut stmt = c.prepare_cached(
            "SELECT id, name FROM contacts WHERE deleted_at_ms IS NULL AND name GLOB '*[^ -~]*'
             ORDER BY id",
        )?;
        let mut rows = stmt.query([])?;
        while let Some(row) = rows.next()? {
            let other: String = row.get(1)?;
            if other.trim().to_lowercase() == wanted {
                return row.get(0).map_err(Error::from);
            }
        }
    }
    c.prepare_cached(
        "INSERT INTO contacts (name, created_at_ms, updated_at_ms, source) VALUES (?1, ?2, ?2, 'inquiry')",
    )?
    .execute(params![name, now_ms])?;
    Ok(c.last_insert_rowid())
}

/// Gives every inquiry without a contact (stored before contacts existed, or written by a path
/// that does not link them, deleted ones too so that undo brings them back whole) the contact
/// of its name, found or created. The new contact's creation time is the inquiry's own. Cheap
/// when there is nothing to link (one index lookup).
pub(super) fn link_unlinked_inquiries(c: &Connection) -> Result<usize> {
    let unlinked: Vec<(i64, String, i64)> = c
        .prepare_cached(
            "SELECT id, name, created_at_ms FROM inquiries WHERE contact_id IS NULL ORDER BY id",
        )?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
        .collect::<rusqlite::Result<_>>()?;
    for (id, name, created_at_ms) in &unlinked {
        let contact = contact_for_name(c, name, *created_at_ms)?;
        c.prepare_cached("UPDATE inquiries SET contact_id = ?1 WHERE id = ?2")?
            .execute(params![contact, id])?;
    }
    Ok(unlinked.len())
}
