//! Typed errors. Every error has a stable snake_case `code` the UI translates, and an English
//! message for the command line. Input errors also name the `field` they belong to, so the UI
//! can show the message next to it.

use std::path::PathBuf;

pub type Result<T, E = Error> = std::result::Result<T, E>;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The user (or a file) sent something we cannot accept. Nothing was saved.
    #[error("{message}")]
    Invalid {
        field: &'static str,
        code: &'static str,
        message: String,
    },

    #[error("{what} {id} does not exist")]
    NotFound { what: &'static str, id: i64 },

    #[error(
        "this database was written by a newer version of Afterword (schema {found}, this version \
         knows up to {supported}); it was left untouched — please update Afterword"
    )]
    SchemaTooNew { found: i64, supported: i64 },

    #[error("{} is not an Afterword database ({reason})", path.display())]
    NotADatabase { path: PathBuf, reason: String },

    #[error("database error: {0}")]
    Database(#[from] rusqlite::Error),

    #[error("file error: {0}")]
    Io(#[from] std::io::Error),
}

impl Error {
    pub fn invalid(field: &'static str, code: &'static str, message: impl Into<String>) -> Self {
        Error::Invalid {
            field,
            code,
            message: message.into(),
        }
    }

    /// Stable code the UI branches on.
    pub fn code(&self) -> &'static str {
        match self {
            Error::Invalid { code, .. } => code,
            Error::NotFound { .. } => "not_found",
            Error::SchemaTooNew { .. } => "schema_too_new",
            Error::NotADatabase { .. } => "not_a_database",
            Error::Database(_) => "database",
            Error::Io(_) => "io",
        }
    }

    /// The form field an input error belongs to, if any.
    pub fn field(&self) -> Option<&'static str> {
        match self {
            Error::Invalid { field, .. } => Some(field),
            _ => None,
        }
    }

    /// True when the error is the caller's input, not the machine (CLI exit code 2 vs 1).
    pub fn is_bad_input(&self) -> bool {
        matches!(self, Error::Invalid { .. } | Error::NotFound { .. })
    }
}

/// What the window receives when a command fails: `{ code, message, field }`. The UI translates
/// by `code` (and shows it next to `field`); `message` is the English fallback.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, ts_rs::TS)]
#[ts(export)]
pub struct ErrorPayload {
    pub code: String,
    pub message: String,
    pub field: Option<String>,
}

impl From<&Error> for ErrorPayload {
    fn from(e: &Error) -> Self {
        ErrorPayload {
            code: e.code().to_string(),
            message: e.to_string(),
            field: e.field().map(str::to_string),
        }
    }
}

impl From<Error> for ErrorPayload {
    fn from(e: Error) -> Self {
        ErrorPayload::from(&e)
    }
}
