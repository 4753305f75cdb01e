use afterword_core::model::{InquiryInput, PostInput};
use afterword_core::validate::{self, ValidInquiry, ValidPost};
use afterword_core::Store;
use chrono_tz::Europe::Amsterdam;
use tempfile::TempDir;

/// 2026-05-28T20:26:40Z: "now" in these tests.
pub const NOW: i64 = 1_780_000_000_000;

pub fn fresh_store() -> (TempDir, Store) {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = Store::open_in_dir(dir.path()).expect("open store");
    (dir, store)
}

pub fn post(channel_id: i64, at: &str, title: &str) -> ValidPost {
    validate::post(
        &PostInput {
            channel_id,
            published_at: at.into(),
            title: Some(title.into()),
            ..Default::default()
        },
        NOW,
        &Amsterdam,
    )
    .expect("valid post")
}

pub fn inquiry(at: &str, name: &str) -> ValidInquiry {
    validate::inquiry(
        &InquiryInput {
            received_at: at.into(),
            name: name.into(),
            ..Default::default()
        },
        NOW,
        &Amsterdam,
    )
    .expect("valid inquiry")
}
