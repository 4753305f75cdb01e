//! Reading one CSV file of an export into a header and records with their line numbers, and
//! recognising a file that is not the one we expected. UTF-8 with or without a BOM, CRLF or LF,
//! text spanning lines inside quotes (the csv crate does the quoting rules).

use std::collections::HashMap;

use super::ImportIssue;
use crate::error::{Error, Result};

/// What a source expects of its file.
pub(crate) struct Spec {
    /// How people know the file: "LinkedIn's Shares.csv".
    pub what: &'static str,
    /// Columns that must be in the header (matched ignoring case and surrounding spaces).
    pub required: &'static [&'static str],
    /// The header as the platform writes it, quoted in error messages.
    pub header: &'static str,
}

/// One CSV file: its header and its records, each with the line it starts on.
pub(crate) struct Table {
    pub file: String,
    index: HashMap<String, usize>,
    pub records: Vec<Record>,
}

pub(crate) struct Record {
    pub line: u64,
    fields: csv::StringRecord,
}

impl Record {
    /// A line with nothing but separators and spaces (spreadsheets leave these at the end).
    pub fn is_blank(&self) -> bool {
        self.fields.iter().all(|f| f.trim().is_empty())
    }
}

impl Table {
    /// The value in `column` of `record`, trimmed; "" when the column or the field is missing.
    pub fn get<'r>(&self, record: &'r Record, column: &str) -> &'r str {
        self.index
            .get(&column.to_ascii_lowercase())
            .and_then(|&i| record.fields.get(i))
            .map(str::trim)
            .unwrap_or("")
    }

    /// Free text (a post, a note), trimmed, with line ends made '\n' whatever the file used:
    /// the same text must compare equal whether it came from Windows or macOS.
    pub fn text(&self, record: &Record, column: &str) -> String {
        let value = self.get(record, column);
        if value.contains('\r') {
            value.replace("\r\n", "\n").replace('\r', "\n")
        } else {
            value.to_string()
        }
    }
}

/// Files people confuse with each other, recognised by columns only they have. Lets us say
/// "this looks like LinkedIn's Connections.csv" instead of "a column is missing".
const KNOWN: &[(&str, &[&str])] = &[
    (
        "LinkedIn's Shares.csv",
        &["Date", "ShareLink", "ShareCommentary"],
    ),
    (
        "LinkedIn's Connections.csv",
        &["First Name", "Last Name", "Connected On"],
    ),
    (
        "LinkedIn's Invitations.csv",
        &["From", "To", "Sent At", "Direction"],
    ),
    (
        "LinkedIn's messages.csv",
        &["CONVERSATION ID", "FROM", "CONTENT"],
    ),
    ("LinkedIn's Comments.csv", &["Date", "Link", "Message"]),
    ("LinkedIn's Reactions.csv", &["Date", "Type", "Link"]),
    (
        "Substack's posts.csv",
        &["post_id", "post_date", "is_published"],
    ),
    (
        "a Substack subscriber list",
        &["email", "active_subscription"],
    ),
    (
        "a Mailchimp campaign report",
        &["Title", "Subject", "Send Date"],
    ),
    (
        "an Afterword posts CSV",
        &["published_at", "channel", "title"],
    ),
    (
        "an Afterword inquiries CSV",
        &["received_at", "name", "their_words"],
    ),
];

/// How many records from the top we look at to recognise a file (Connections.csv starts with a
/// few "Notes:" lines before its header).
const RECOGNISE_WITHIN: usize = 5;

pub(crate) fn read(file: &str, bytes: &[u8], spec: &Spec) -> Result<Table> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if let Err(e) = std::str::from_utf8(bytes) {
        let at = e.valid_up_to();
        let line = bytes[..at].iter().filter(|&&b| b == b'\n').count() as u64 + 1;
        return Err(ImportIssue::new("import_not_utf8", file, Some(line))
            .expected("a CSV file saved as UTF-8")
            .message(format!(
                "{file}, line {line}: this is not UTF-8 text (byte {}); expected {} saved as UTF-8",
                at + 1,
                spec.what
            ))
            .into());
    }
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(bytes);
    let mut all = Vec::new();
    // Lines are counted from the record's byte offset: the csv crate's own line count is one
    // short after a CRLF line end, and people open the file in an editor that counts right.
    let (mut counted_to, mut line) = (0usize, 1u64);
    for result in reader.records() {
        let fields = result.map_err(|e| bad_csv(file, &e))?;
        let start = fields.position().map_or(counted_to, |p| p.byte() as usize);
        let mut start = start.clamp(counted_to, bytes.len());
        // The offset can point at the '\n' of the previous record's CRLF; a record itself never
        // starts with a line end (the reader skips empty lines).
        while bytes.get(start).is_some_and(|b| matches!(b, b'\r' | b'\n')) {
            start += 1;
        }
        line += bytes[counted_to..start]
            .iter()
            .filter(|&&b| b == b'\n')
            .count() as u64;
        counted_to = start;
        all.push(Record { line, fields });
    }
    // The header is the first of the top records that has every column we need: LinkedIn's
    // Connections.csv starts with a few "Notes:" lines, which are dropped with it.
    let has_required = |r: &Record| {
        let have: Vec<String> = r
            .fields
            .iter()
            .map(|f| f.trim().to_ascii_lowercase())
            .collect();
        spec.required
            .iter()
            .all(|c| have.contains(&c.to_ascii_lowercase()))
    };
    let skip = all
        .iter()
        .take(RECOGNISE_WITHIN)
        .position(has_required)
        .unwrap_or(0);
    let mut records = all.into_iter().skip(skip);
    let Some(header) = records.next() else {
        return Err(ImportIssue::new("import_empty_file", file, None)
            .expected(spec.header)
            .message(format!(
                "{file} is empty; expected {} with the header {}",
                spec.what, spec.header
            ))
            .into());
    };
    let columns: Vec<String> = header
        .fields
        .iter()
        .map(|h| h.trim().to_ascii_lowercase())
        .collect();
    let missing: Vec<&str> = spec
        .required
        .iter()
        .copied()
        .filter(|r| !columns.contains(&r.to_ascii_lowercase()))
        .collect();
    if !missing.is_empty() {
        let mut top = vec![header];
        top.extend(records.take(RECOGNISE_WITHIN - 1));
        return Err(wrong_header(file, spec, &missing, &top));
    }
    let index = columns
        .into_iter()
        .enumerate()
        .rev() // the first of two equal names wins
        .map(|(i, c)| (c, i))
        .collect();
    Ok(Table {
        file: file.to_string(),
        index,
        records: records.collect(),
    })
}

/// The header lacks a column we need: either it is another known file, or a damaged one.
fn wrong_header(file: &str, spec: &Spec, missing: &[&str], top: &[Record]) -> Error {
    let other = KNOWN.iter().find(|(what, columns)| {
        *what != spec.what
            && top.iter().any(|r| {
                let have: Vec<String> = r
                    .fields
                    .iter()
                    .map(|f| f.trim().to_ascii_lowercase())
                    .collect();
                columns
                    .iter()
                    .all(|c| have.contains(&c.to_ascii_lowercase()))
            })
    });
    match other {
        Some((what, _)) => ImportIssue::new("import_wrong_file", file, Some(1))
            .expected(spec.what)
            .message(format!(
                "{file}: this looks like {what}, not {}; expected the header {}",
                spec.what, spec.header
            ))
            .into(),
        None => ImportIssue::new("import_missing_column", file, Some(1))
            .column(missing[0])
            .expected(spec.header)
            .message(format!(
                "{file}, line 1: the column {} is missing; expected {} with the header {}",
                missing.join(", "),
                spec.what,
                spec.header
            ))
            .into(),
    }
}

fn bad_csv(file: &str, e: &csv::Error) -> Error {
    let line = e.position().map(csv::Position::line);
    let at = line.map_or(String::new(), |l| format!(", line {l}"));
    ImportIssue::new("import_bad_csv", file, line)
        .expected("comma-separated values")
        .message(format!("{file}{at}: this is not readable as CSV ({e})"))
        .into()
}
