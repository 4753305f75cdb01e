//! Possible inquiries that imports found (`inquiry_candidates`). The user reviews them: accepting
//! one creates the inquiry from the form the user filled in and marks the candidate accepted,
//! in one transaction; dismissing one hides it. Neither comes back with a later import (the
//! candidate's row stays, keyed on source + external id).

use rusqlite::{params, Connection, OptionalExtension};

use super::inquiries::insert_inquiry;
use super::Store;
use crate::error::{Error, Result};
use crate::model::{Inquiry, InquiryCandidate};
use crate::time::from_ms;
use crate::validate::ValidInquiry;

impl Store {
    /// The open possible inquiries, newest first.
    pub fn list_candidates(&self) -> Result<Vec<InquiryCandidate>> {
        self.read(|c| {
            let mut stmt = c.prepare(
                "SELECT id, kind, received_at_ms, name, profile_url, message, source
                 FROM inquiry_candidates WHERE status = 'open'
                 ORDER BY received_at_ms DESC, id DESC",
            )?;
            let rows = stmt.query_map([], |r| {
                Ok(InquiryCandidate {
                    id: r.get(0)?,
                    kind: r.get(1)?,
                    received_at: from_ms(r.get(2)?),
                    name: r.get(3)?,
                    profile_url: r.get(4)?,
                    message: r.get(5)?,
                    source: r.get(6)?,
                })
            })?;
            Ok(rows.collect::<rusqlite::Result<_>>()?)
        })
    }

    /// Not an inquiry: hidden from the list, and not brought back by later imports.
    pub fn dismiss_candidate(&self, id: i64, now_ms: i64) -> Result<()> {
        self.write(|tx| {
            require_open(tx, id)?;
            tx.execute(
                "UPDATE inquiry_candidates SET status = 'dismissed', updated_at_ms = ?1
                 WHERE id = ?2",
                params![now_ms, id],
            )?;
            Ok(())
        })
    }

    /// Creates the inquiry (as the user filled it in) and marks the candidate accepted with it.
    pub fn accept_candidate(
        &self,
        id: i64,
        inquiry: &ValidInquiry,
        now_ms: i64,
    ) -> Result<Inquiry> {
        self.write(|tx| {
            require_open(tx, id)?;
            let created = insert_inquiry(tx, inquiry, "manual", None, now_ms)?;
            tx.execute(
                "UPDATE inquiry_candidates
                 SET status = 'accepted', inquiry_id = ?1, updated_at_ms = ?2 WHERE id = ?3",
                params![created.id, now_ms, id],
            )?;
            // The person behind it is now on People (every inquiry has a contact); the import
            // knew their profile, so the contact gets it unless the user already gave one.
            // Only accepted ones: open and dismissed possible inquiries, and the thousands of
            // connections an archive lists, never become contacts by themselves.
            tx.execute(
                "UPDATE contacts SET profile_url = (SELECT profile_url FROM inquiry_candidates
                                                    WHERE id = ?1),
                        updated_at_ms = ?2
                 WHERE id = ?3 AND profile_url IS NULL
                   AND (SELECT profile_url FROM inquiry_candidates WHERE id = ?1) IS NOT NULL",
                params![id, now_ms, created.contact_id],
            )?;
            Ok(created)
        })
    }
}

fn require_open(c: &Connection, id: i64) -> Result<()> {
    let status: Option<String> = c
        .query_row(
            "SELECT status FROM inquiry_candidates WHERE id = ?1",
            [id],
            |r| r.get(0),
        )
        .optional()?;
    match status.as_deref() {
        None => Err(Error::NotFound {
            what: "possible inquiry",
            id,
        }),
        Some("open") => Ok(()),
        Some(other) => Err(Error::invalid(
            "candidate",
            "candidate_not_open",
            format!("this possible inquiry was already {other}"),
        )),
    }
}
