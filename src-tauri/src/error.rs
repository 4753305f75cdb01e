//! Maps core errors to what the window receives: `{ code, message, field }`.

use afterword_core::error::ErrorPayload;
use serde::Serialize;

#[derive(Debug, Clone, Serialize)]
#[serde(transparent)]
pub struct CommandError(pub ErrorPayload);

impl From<afterword_core::Error> for CommandError {
    fn from(e: afterword_core::Error) -> Self {
        CommandError(e.into())
    }
}

impl CommandError {
    pub fn new(code: &str, message: impl Into<String>) -> Self {
        CommandError(ErrorPayload {
            code: code.into(),
            message: message.into(),
            field: None,
        })
    }
}

pub type CommandResult<T> = Result<T, CommandError>;
