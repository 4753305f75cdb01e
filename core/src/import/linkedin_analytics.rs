//! LinkedIn's creator analytics export (Analytics -> Export, an .xlsx with the sheets DISCOVERY,
//! ENGAGEMENT, TOP POSTS, FOLLOWERS and DEMOGRAPHICS):
//!
//! - TOP POSTS -> each listed post's `impressions` and `engagements`, for the posts already here,
//!   matched by link (see [`super::url_key`]: the number inside urn:li:share/activity/ugcPost).
//!   The sheet holds two tables side by side (top posts by engagements, by impressions); every
//!   table whose header starts with "Post URL" is read. Posts that are not here are counted and
//!   left out: analytics never create posts.
//! - FOLLOWERS -> follower counts over time on the LinkedIn channel: the total on the export's
//!   last day, and back from it, the count at the end of every day someone followed (the total
//!   less the new followers of the days after it).
//!
//! Dates are written as "1/31/2026" (month first) or as Excel date numbers; both are read.

use std::collections::BTreeMap;
use std::io::Cursor;
use std::path::Path;

use calamine::{Data, Reader, Xlsx};
use chrono::{NaiveDate, TimeZone};

use super::extras::end_of_day_ms;
use super::files::{self, InputFile};
use super::{
    url_key, Context, ImportIssue, Measure, Metric, MetricRow, Parsed, PostRef, SnapshotRow,
};
use crate::error::Result;
use crate::model::ChannelKind;

pub const SOURCE: &str = "linkedin_analytics";
const CHANNEL: &str = super::linkedin::CHANNEL;

const TOP_POSTS: &str = "TOP POSTS";
const FOLLOWERS: &str = "FOLLOWERS";
const SHEETS: &str = "DISCOVERY, ENGAGEMENT, TOP POSTS and FOLLOWERS";
const DATE_EXPECTED: &str = "a date like 1/31/2026";
const NUMBER_EXPECTED: &str = "a whole number like 1234";

/// Reads an analytics export: one .xlsx, or every .xlsx in a folder.
pub fn parse<Tz: TimeZone>(path: &Path, ctx: &Context<Tz>) -> Result<Parsed> {
    // An .xlsx is itself a zip: it is read as a workbook, never searched as an archive.
    let inputs = if path.is_dir() {
        files::collect(
            path,
            |n| n.to_ascii_lowercase().ends_with(".xlsx"),
            "LinkedIn analytics export (.xlsx)",
        )?
    } else {
        let name = files::base_name(&path.display().to_string()).to_string();
        vec![InputFile {
            bytes: files::read_file(path)?,
            name,
        }]
    };
    let mut parsed = Parsed::new(SOURCE);
    for InputFile { name, bytes } in inputs {
        parsed.extend(parse_xlsx(&name, &bytes, ctx)?);
    }
    Ok(parsed)
}

/// Reads one analytics workbook given as bytes; `file` names it in messages.
pub fn parse_xlsx<Tz: TimeZone>(file: &str, bytes: &[u8], ctx: &Context<Tz>) -> Result<Parsed> {
    let mut book = Xlsx::new(Cursor::new(bytes)).map_err(|e| {
        ImportIssue::new("import_bad_xlsx", file, None)
            .expected("LinkedIn's analytics export (.xlsx)")
            .message(format!(
                "{file} is not a readable .xlsx workbook ({e}); expected LinkedIn's analytics \
                 export with the sheets {SHEETS}"
            ))
    })?;
    let names = book.sheet_names();
    let find = |wanted: &str| {
        names
            .iter()
            .find(|n| n.trim().eq_ignore_ascii_case(wanted))
            .cloned()
    };
    let (top, followers) = (find(TOP_POSTS), find(FOLLOWERS));
    if top.is_none() && followers.is_none() {
        return Err(ImportIssue::new("import_wrong_file", file, None)
            .expected(SHEETS)
            .message(format!(
                "{file}: this is not a LinkedIn analytics export; expected the sheets {SHEETS}, \
                 found {}",
                if names.is_empty() {
                    "none".to_string()
                } else {
                    names.join(", ")
                }
            ))
            .into());
    }
    let mut parsed = Parsed::new(SOURCE);
    parsed.files.push(file.to_string());
    for (sheet, is_top) in [(top, true), (followers, false)] {
        let Some(sheet) = sheet else { continue };
        let range = book.worksheet_range(&sheet).map_err(|e| {
            ImportIssue::new("import_bad_xlsx", file, None)
                .message(format!("{file}: the sheet {sheet} cannot be read ({e})"))
        })?;
        let rows: Vec<&[Data]> = range.rows().collect();
        let at = Sheet {
            file,
            name: &sheet,
            rows: &rows,
            first_row: range.start().map_or(0, |(r, _)| r),
            first_col: range.start().map_or(0, |(_, c)| c),
        };
        if is_top {
            top_posts(&mut parsed, &at);
        } else {
            followers_over_time(&mut parsed, &at, ctx);
        }
    }
    Ok(parsed)
}

/// One sheet's rows and where they start (calamine leaves out empty rows and columns at the
/// top and left; messages count from the sheet's own A1).
struct Sheet<'a> {
    file: &'a str,
    name: &'a str,
    rows: &'a [&'a [Data]],
    first_row: u32,
    first_col: u32,
}

impl Sheet<'_> {
    fn cell(&self, row: usize, col: usize) -> &Data {
        self.rows
            .get(row)
            .and_then(|r| r.get(col))
            .unwrap_or(&Data::Empty)
    }

    fn text(&self, row: usize, col: usize) -> String {
        match self.cell(row, col) {
            Data::String(s) => s.trim().to_string(),
            Data::Empty => String::new(),
            other => other.to_string(),
        }
    }

    /// "TOP POSTS" in "file.xlsx, sheet TOP POSTS", and the spreadsheet's row number.
    fn place(&self, row: usize) -> (String, u64) {
        (
            format!("{}, sheet {}", self.file, self.name),
            u64::from(self.first_row) + row as u64 + 1,
        )
    }

    fn column_name(&self, col: usize, header: &str) -> String {
        format!(
            "{header} ({})",
            column_letters(self.first_col as usize + col)
        )
    }

    fn bad(
        &self,
        row: usize,
        col: usize,
        header: &str,
        problem: &str,
        expected: &str,
    ) -> ImportIssue {
        let (file, line) = self.place(row);
        ImportIssue::bad_value(
            &file,
            line,
            &self.column_name(col, header),
            &self.text(row, col),
            problem,
            expected,
        )
    }
}

/// Both tables of TOP POSTS: from the header row, each "Post URL" column starts a table whose
/// "Impressions" and "Engagements" columns follow it.
fn top_posts(parsed: &mut Parsed, sheet: &Sheet<'_>) {
    let Some(header) = (0..sheet.rows.len().min(10)).find(|&r| {
        (0..sheet.rows[r].len()).any(|c| sheet.text(r, c).eq_ignore_ascii_case("Post URL"))
    }) else {
        return;
    };
    let width = sheet.rows[header].len();
    let starts: Vec<usize> = (0..width)
        .filter(|&c| sheet.text(header, c).eq_ignore_ascii_case("Post URL"))
        .collect();
    let mut tables = Vec::new();
    for (i, &start) in starts.iter().enumerate() {
        let end = starts.get(i + 1).copied().unwrap_or(width);
        let metrics: Vec<(usize, Metric, String)> = (start + 1..end)
            .filter_map(|c| {
                let name = sheet.text(header, c);
                let metric = match name.to_ascii_lowercase().as_str() {
                    "impressions" => Metric::Impressions,
                    "engagements" => Metric::Engagements,
                    _ => return None,
                };
                Some((c, metric, name))
            })
            .collect();
        tables.push((start, metrics));
    }
    for row in header + 1..sheet.rows.len() {
        for (url_col, metrics) in &tables {
            let url = sheet.text(row, *url_col);
            if url.is_empty() {
                continue;
            }
            let Some(key) = url_key(&url) else { continue };
            for (col, metric, name) in metrics {
                match whole_number(sheet.cell(row, *col)) {
                    Some(Some(value)) => parsed.metrics.push(MetricRow {
                        file: sheet.file.to_string(),
                        post: PostRef::Url(key.clone()),
                        metric: *metric,
                        value,
                    }),
                    Some(None) => {}
                    None => parsed.reject(sheet.bad(
                        row,
                        *col,
                        name,
                        "is not a number",
                        NUMBER_EXPECTED,
                    )),
                }
            }
        }
    }
}

/// FOLLOWERS: "Total followers on 1/10/2026:" with the total beside it, then "Date" and
/// "New followers" per day.
fn followers_over_time<Tz: TimeZone>(parsed: &mut Parsed, sheet: &Sheet<'_>, ctx: &Context<Tz>) {
    const TOTAL: &str = "total followers on";
    let Some(total_row) = (0..sheet.rows.len().min(10))
        .find(|&r| sheet.text(r, 0).to_ascii_lowercase().starts_with(TOTAL))
    else {
        let (file, _) = sheet.place(0);
        parsed.reject(
            ImportIssue::new("import_missing_column", &file, Some(1))
                .expected("Total followers on 1/31/2026: 1234")
                .message(format!(
                    "{file}: the line 'Total followers on <date>:' with the total is missing; \
                     expected it at the top of the sheet"
                )),
        );
        return;
    };
    let label = sheet.text(total_row, 0);
    let date_text = label[TOTAL.len()..].trim().trim_end_matches(':').trim();
    let Some(as_of) = parse_day_text(date_text) else {
        parsed.reject(sheet.bad(
            total_row,
            0,
            "Total followers on",
            "does not end in a date",
            DATE_EXPECTED,
        ));
        return;
    };
    let total = match whole_number(sheet.cell(total_row, 1)) {
        Some(Some(n)) => n,
        _ => {
            parsed.reject(sheet.bad(
                total_row,
                1,
                "Total followers",
                "is not a number",
                NUMBER_EXPECTED,
            ));
            return;
        }
    };
    let Some(header) = (total_row + 1..sheet.rows.len().min(total_row + 10))
        .find(|&r| sheet.text(r, 0).eq_ignore_ascii_case("Date"))
    else {
        return;
    };
    let mut new_by_day: BTreeMap<NaiveDate, u64> = BTreeMap::new();
    for row in header + 1..sheet.rows.len() {
        if matches!(sheet.cell(row, 0), Data::Empty) && matches!(sheet.cell(row, 1), Data::Empty) {
            continue;
        }
        let Some(day) = day_of(sheet.cell(row, 0)) else {
            parsed.reject(sheet.bad(row, 0, "Date", "is not a date", DATE_EXPECTED));
            continue;
        };
        match whole_number(sheet.cell(row, 1)) {
            Some(n) => *new_by_day.entry(day).or_default() += n.unwrap_or(0),
            None => parsed.reject(sheet.bad(
                row,
                1,
                "New followers",
                "is not a number",
                NUMBER_EXPECTED,
            )),
        }
    }
    // Back from the total: the count at the end of a day is the total less those who followed
    // after it.
    let as_of_ms = end_of_day_ms(as_of, &ctx.tz);
    let mut snapshot = |day: NaiveDate, size: u64| {
        parsed.snapshots.push(SnapshotRow {
            file: sheet.file.to_string(),
            channel: CHANNEL.to_string(),
            channel_kind: ChannelKind::Linkedin,
            measure: Measure::Followers,
            external_id: format!("followers:{day}"),
            at_ms: end_of_day_ms(day, &ctx.tz),
            size,
            as_of_ms,
        });
    };
    snapshot(as_of, total);
    let mut after = 0u64;
    for (&day, &new) in new_by_day.range(..=as_of).rev() {
        if new == 0 {
            continue;
        }
        if day != as_of {
            snapshot(day, total.saturating_sub(after));
        }
        after = after.saturating_add(new);
    }
    parsed.snapshots.sort_by_key(|s| s.at_ms);
}

/// A count in a cell: Some(None) for an empty cell, None when it is not a whole number.
fn whole_number(cell: &Data) -> Option<Option<u64>> {
    match cell {
        Data::Empty => Some(None),
        Data::Int(n) => u64::try_from(*n).ok().map(Some),
        Data::Float(f) if f.fract() == 0.0 && *f >= 0.0 && *f < 1e18 => Some(Some(*f as u64)),
        Data::String(s) if s.trim().is_empty() => Some(None),
        Data::String(s) => s
            .trim()
            .replace([',', '.', ' ', '\u{a0}'], "")
            .parse()
            .ok()
            .map(Some),
        _ => None,
    }
}

/// A day in a cell: text like "1/31/2026", or an Excel date number.
fn day_of(cell: &Data) -> Option<NaiveDate> {
    let serial = match cell {
        Data::String(s) => return parse_day_text(s),
        Data::DateTime(d) => d.as_f64(),
        Data::Float(f) => *f,
        Data::Int(n) => *n as f64,
        _ => return None,
    };
    // Excel counts days from 30 December 1899 (keeping its 1900 leap-year mistake behind that).
    if !(1.0..2_958_466.0).contains(&serial) {
        return None;
    }
    NaiveDate::from_ymd_opt(1899, 12, 30)?
        .checked_add_days(chrono::Days::new(serial.floor() as u64))
}

fn parse_day_text(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    NaiveDate::parse_from_str(s, "%m/%d/%Y")
        .or_else(|_| NaiveDate::parse_from_str(s, "%Y-%m-%d"))
        .ok()
}

/// 0 -> "A", 27 -> "AB".
fn column_letters(mut col: usize) -> String {
    let mut out = Vec::new();
    loop {
        out.push(b'A' + (col % 26) as u8);
        if col < 26 {
            break;
        }
        col = col / 26 - 1;
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_and_cells() {
        assert_eq!(column_letters(0), "A");
        assert_eq!(column_letters(6), "G");
        assert_eq!(column_letters(27), "AB");
        assert_eq!(
            whole_number(&Data::String("1,004".into())),
            Some(Some(1004))
        );
        assert_eq!(whole_number(&Data::Float(12.0)), Some(Some(12)));
        assert_eq!(whole_number(&Data::Float(1.5)), None);
        assert_eq!(whole_number(&Data::Int(-1)), None);
        assert_eq!(whole_number(&Data::Empty), Some(None));
        assert_eq!(whole_number(&Data::String("veel".into())), None);
        let day = |s| NaiveDate::parse_from_str(s, "%Y-%m-%d").ok();
        assert_eq!(day_of(&Data::Float(46032.0)), day("2026-01-10"));
        assert_eq!(day_of(&Data::String("1/9/2026".into())), day("2026-01-09"));
        assert_eq!(day_of(&Data::Float(-3.0)), None);
        assert_eq!(day_of(&Data::Float(f64::NAN)), None);
    }
}
