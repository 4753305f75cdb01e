//! The sources one can import from, by name: what the window and the command line choose.

use chrono::TimeZone;
use std::path::Path;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{csv_generic, linkedin, linkedin_analytics, mailchimp, substack, Context, Parsed};
use crate::error::Result;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ImportSource {
    /// LinkedIn data archive: the .zip, the unpacked folder, or one of its CSV files (Shares,
    /// Connections, Invitations, messages).
    Linkedin,
    /// LinkedIn creator analytics export (.xlsx).
    LinkedinAnalytics,
    /// Substack export: the .zip, the unpacked folder, or posts.csv.
    Substack,
    /// A Mailchimp campaign report (.csv).
    Mailchimp,
    /// Posts in Afterword's CSV layout.
    CsvPosts,
    /// Inquiries in Afterword's CSV layout.
    CsvInquiries,
}

impl ImportSource {
    /// Reads the export at `path` into rows (nothing is written).
    pub fn parse<Tz: TimeZone>(self, path: &Path, ctx: &Context<Tz>) -> Result<Parsed> {
        match self {
            ImportSource::Linkedin => linkedin::parse(path, ctx),
            ImportSource::LinkedinAnalytics => linkedin_analytics::parse(path, ctx),
            ImportSource::Substack => substack::parse(path, ctx),
            ImportSource::Mailchimp => mailchimp::parse(path, ctx),
            ImportSource::CsvPosts => csv_generic::parse_posts(path, ctx),
            ImportSource::CsvInquiries => csv_generic::parse_inquiries(path, ctx),
        }
    }

    /// The CSV layout with example rows, for the two CSV sources.
    pub fn template(self) -> Option<String> {
        match self {
            ImportSource::CsvPosts => Some(csv_generic::posts_template()),
            ImportSource::CsvInquiries => Some(csv_generic::inquiries_template()),
            _ => None,
        }
    }
}
