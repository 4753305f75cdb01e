//! The command line on the same binary: with a subcommand it works headless and exits, sharing
//! core and database with the window. Exit codes: 0 ok, 2 bad input, 1 anything else.

mod audience;
mod backup;
mod candidates;
mod export;
mod import;
mod import_json;
mod list;
mod log;
mod metrics;
mod reminders;
mod report;
mod rhythm;

use std::path::PathBuf;

use afterword_core::{Error, Store};
use clap::{Parser, Subcommand};

use crate::data_dir;

#[derive(Debug, Parser)]
#[command(
    name = "afterword",
    version,
    about = "Afterword: see what followed your words"
)]
pub struct Cli {
    /// Folder holding afterword.sqlite3 (default: the platform data dir)
    #[arg(long, global = true, env = data_dir::ENV_VAR, value_name = "DIR")]
    pub data_dir: Option<PathBuf>,

    /// Start without showing the window (start at login uses it; only with "close to the tray")
    #[arg(long)]
    pub background: bool,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Log a post, newsletter or client inquiry; prints the new id
    #[command(subcommand)]
    Log(log::LogCommand),
    /// List posts or inquiries, newest first
    #[command(subcommand)]
    List(list::ListCommand),
    /// Which messages were followed by inquiries and clients (see README for the JSON)
    Report(report::ReportArgs),
    /// A channel's soft target ("about every N days"), off by default
    #[command(subcommand)]
    Rhythm(rhythm::RhythmCommand),
    /// Gentle reminders: see the next planned one
    #[command(subcommand)]
    Reminders(reminders::RemindersCommand),
    /// Bring in history from a LinkedIn, Substack or Mailchimp export, or a CSV (all or nothing)
    Import(import::ImportArgs),
    /// Export everything as JSON (round-trips with `import json`) or a CSV per table
    #[command(subcommand)]
    Export(export::ExportCommand),
    /// Write a consistent copy of the database (also while the window is open)
    Backup(backup::BackupArgs),
    /// Replace the data with a backup; checked first, the current data is kept in backups/
    Restore(backup::RestoreArgs),
    /// Possible inquiries imports found, for review (accept or dismiss them in the app)
    Candidates(candidates::CandidatesArgs),
    /// Audience size per channel over time: `audience add ...` records one, `audience --json`
    /// prints the series
    Audience(audience::AudienceArgs),
    /// A post's or newsletter's numbers (impressions, reactions, opens, ...)
    #[command(subcommand)]
    Metrics(metrics::MetricsCommand),
}

/// Runs one headless command and returns the process exit code.
pub fn run(data_dir: Option<PathBuf>, command: Command) -> i32 {
    let dir = data_dir::resolve(data_dir);
    let result = Store::open_in_dir(&dir).and_then(|store| match command {
        Command::Log(cmd) => log::run(&store, cmd),
        Command::List(cmd) => list::run(&store, cmd),
        Command::Report(args) => report::run(&store, args),
        Command::Rhythm(cmd) => rhythm::run(&store, cmd),
        Command::Reminders(cmd) => reminders::run(&store, cmd),
        Command::Import(args) => import::run(&store, args),
        Command::Export(cmd) => export::run(&store, cmd),
        Command::Backup(args) => backup::run_backup(&store, args),
        Command::Restore(args) => backup::run_restore(&store, args),
        Command::Candidates(args) => candidates::run(&store, args),
        Command::Audience(args) => audience::run(&store, args),
        Command::Metrics(cmd) => metrics::run(&store, cmd),
    });
    match result {
        Ok(output) => match print_line(&output) {
            Ok(()) => 0,
            Err(e) => {
                eprintln!("afterword: could not write the output: {e}");
                1
            }
        },
        Err(e) => {
            eprintln!("afterword: {e}");
            exit_code(&e)
        }
    }
}

/// Prints one line to stdout. A reader that stops early (`afterword report --json | head`) closes
/// the pipe; that is its choice, not an error, where `println!` would panic.
pub(crate) fn print_line(text: &str) -> std::io::Result<()> {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    match writeln!(out, "{text}").and_then(|()| out.flush()) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        other => other,
    }
}

fn exit_code(e: &Error) -> i32 {
    if e.is_bad_input() {
        2
    } else {
        1
    }
}

fn to_json<T: serde::Serialize>(value: &T) -> afterword_core::Result<String> {
    serde_json::to_string_pretty(value).map_err(|e| Error::Io(std::io::Error::other(e)))
}

/// clap value parser for our word enums (accepts `linkedin-message` and `linkedin_message`).
fn word<T: std::str::FromStr<Err = String>>(s: &str) -> Result<T, String> {
    s.parse()
}
