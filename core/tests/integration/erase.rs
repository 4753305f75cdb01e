//! Deleting is final once the undo window is over: the words are gone from the database file
//! and its write-ahead log, not only from the app's lists.

use afterword_core::model::{ContactInput, InquiryInput, PostFilter, PostInput};
use afterword_core::rhythm::IdeaInput;
use afterword_core::validate;
use afterword_core::{Store, ERASED, UNDO_WINDOW_MS};
use chrono_tz::Europe::Amsterdam;

use crate::common::{fresh_store, NOW};

const POST_WORDS: &str = "Zanzibar-lighthouse-4711";
const CLIENT_NAME: &str = "Wilhelmina Quarterdeck";
const THEIR_WORDS: &str = "marmalade-contract-8813";
const PERSON: &str = "Hendrika Verborgenheid";
const PERSON_NOTES: &str = "tangerine-notes-5521";
const IDEA_NOTE: &str = "clandestine-idea-3307";
const ORGANISATION: &str = "Quarterdeck-Holdings-6642";
/// The inquiry's name is not among them: an inquiry brings its person into People, and deleting
/// the inquiry leaves that person (deleting the person is its own step, tested with PERSON).
const SECRETS: [&str; 6] = [
    POST_WORDS,
    ORGANISATION,
    THEIR_WORDS,
    PERSON,
    PERSON_NOTES,
    IDEA_NOTE,
];

/// The database file and its -wal, as bytes: what anyone with the file could read.
fn file_bytes(store: &Store) -> Vec<u8> {
    let mut bytes = std::fs::read(store.path()).unwrap();
    let wal = store.path().with_extension("sqlite3-wal");
    if let Ok(more) = std::fs::read(wal) {
        bytes.extend(more);
    }
    bytes
}

fn holds(bytes: &[u8], text: &str) -> bool {
    bytes.windows(text.len()).any(|w| w == text.as_bytes())
}

/// One of each kind that can be deleted, all saying something only this test knows.
fn fill(store: &Store) -> (i64, i64, i64, i64) {
    let post = validate::post(
        &PostInput {
            channel_id: 1,
            published_at: "2026-05-20 09:00".into(),
            title: Some("On rest".into()),
            text: Some(format!("A note about {POST_WORDS}.")),
            url: Some("https://example.com/rest".into()),
            minutes: Some(40),
            ..Default::default()
        },
        NOW,
        &Amsterdam,
    )
    .unwrap();
    let post = store.create_post(&post, NOW).unwrap();
    let inquiry = validate::inquiry(
        &InquiryInput {
            received_at: "2026-05-21 10:00".into(),
            name: CLIENT_NAME.into(),
            organisation: Some(ORGANISATION.into()),
            their_words: Some(format!("Saw your post, {THEIR_WORDS}")),
            value: Some("1500".into()),
            notes: Some("Call back Friday".into()),
            ..Default::default()
        },
        NOW,
        &Amsterdam,
    )
    .unwrap();
    let inquiry = store.create_inquiry(&inquiry, NOW).unwrap();
    let person = store
        .create_contact(
            &ContactInput {
                name: PERSON.into(),
                profile_url: Some("https://www.linkedin.com/in/hendrika".into()),
                how_known: None,
                notes: Some(PERSON_NOTES.into()),
            },
            NOW,
        )
        .unwrap();
    let idea = IdeaInput {
        title: "A post about boundaries".into(),
        note: Some(IDEA_NOTE.into()),
        planned_for: None,
        channel_id: None,
    }
    .validate()
    .unwrap();
    let idea = store.create_idea(&idea, NOW).unwrap();
    (post.id, inquiry.id, person.id, idea.id)
}

#[test]
fn deleted_content_is_erased_from_the_file_once_undo_is_over() {
    let (_dir, store) = fresh_store();
    let (post, inquiry, person, idea) = fill(&store);
    store.delete_post(post, NOW).unwrap();
    store.delete_inquiry(inquiry, NOW).unwrap();
    store.delete_contact(person, NOW).unwrap();
    store.delete_idea(idea, NOW).unwrap();

    // Within the undo window nothing is erased, and the words are still in the file (which also
    // shows that this test can see them there).
    let none = store.erase_deleted(NOW - 1).unwrap();
    assert_eq!(none.total(), 0);
    let before = file_bytes(&store);
    for secret in SECRETS {
        assert!(
            holds(&before, secret),
            "{secret} should be in the file before erasing"
        );
    }

    let erased = store.erase_deleted(NOW + UNDO_WINDOW_MS).unwrap();
    assert_eq!(
        (
            erased.posts,
            erased.inquiries,
            erased.contacts,
            erased.ideas
        ),
        (1, 1, 1, 1)
    );
    let after = file_bytes(&store);
    for secret in SECRETS {
        assert!(
            !holds(&after, secret),
            "{secret} is still in the file after erasing"
        );
    }
    // Nothing left to erase the second time: rows already wiped are not written again.
    assert_eq!(
        store.erase_deleted(NOW + UNDO_WINDOW_MS).unwrap().total(),
        0
    );

    // The tombstones stay (an import must not bring back what was deleted), without content.
    let conn = rusqlite::Connection::open(store.path()).unwrap();
    let name: String = conn
        .query_row("SELECT name FROM inquiries WHERE id = ?1", [inquiry], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(name, ERASED);
    let (title, text): (Option<String>, String) = conn
        .query_row("SELECT title, text FROM posts WHERE id = ?1", [post], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })
        .unwrap();
    assert_eq!((title, text.as_str()), (None, ""));
}

#[test]
fn undo_works_inside_the_window_and_says_so_after_it() {
    let (_dir, store) = fresh_store();
    let (post, inquiry, person, idea) = fill(&store);
    store.delete_post(post, NOW).unwrap();
    // Within the window: back as it was, and erasing leaves a restored row alone.
    let back = store.restore_post(post, NOW + UNDO_WINDOW_MS).unwrap();
    assert!(back.text.unwrap().contains(POST_WORDS));
    assert_eq!(
        store
            .erase_deleted(NOW + 2 * UNDO_WINDOW_MS)
            .unwrap()
            .total(),
        0
    );
    assert_eq!(store.list_posts(&PostFilter::default()).unwrap().len(), 1);

    // After it: a clear refusal, nothing changed.
    let late = NOW + UNDO_WINDOW_MS + 1;
    store.delete_post(post, NOW).unwrap();
    store.delete_inquiry(inquiry, NOW).unwrap();
    store.delete_contact(person, NOW).unwrap();
    store.delete_idea(idea, NOW).unwrap();
    assert_eq!(
        store.restore_post(post, late).unwrap_err().code(),
        "undo_expired"
    );
    assert_eq!(
        store.restore_inquiry(inquiry, late).unwrap_err().code(),
        "undo_expired"
    );
    assert_eq!(
        store.restore_contact(person, late).unwrap_err().code(),
        "undo_expired"
    );
    assert_eq!(
        store.restore_idea(idea, late).unwrap_err().code(),
        "undo_expired"
    );
    assert!(store.list_posts(&PostFilter::default()).unwrap().is_empty());
}
