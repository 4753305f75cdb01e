//! The people side of a LinkedIn archive: Connections.csv as the connection count over time,
//! Invitations.csv and messages.csv as possible inquiries.

use afterword_core::import::{self, linkedin, linkedin_network, CandidateKind};
use afterword_core::model::{InquiryFilter, InquiryInput, Via};
use afterword_core::validate;
use afterword_core::Store;
use chrono_tz::Europe::Amsterdam;

use crate::common::{fresh_store, NOW};
use crate::import::{ctx, fixture, zip_up};
use crate::import_engagement::{count, snapshots};

fn connections(store: &Store) -> Vec<(String, i64)> {
    snapshots(store, "connections")
}

fn expected(days: &[(&str, i64)]) -> Vec<(String, i64)> {
    days.iter()
        .map(|(d, n)| (format!("connections:{d}"), *n))
        .collect()
}

#[test]
fn connections_become_a_count_per_day_and_archives_merge_either_way() {
    let merged = expected(&[
        ("2023-06-05", 1),
        ("2024-03-12", 2),
        ("2025-10-01", 3),
        ("2026-01-04", 4),
    ]);
    // Older first, then newer: the newer corrects the days it knows better.
    let (_dir, store) = fresh_store();
    let older = linkedin::parse(&fixture("linkedin/older"), &ctx()).expect("older");
    let preview = import::preview(&store, &older).expect("preview");
    assert_eq!((preview.new, preview.snapshots), (2, 3));
    import::apply(&store, &older, NOW).expect("older");
    assert_eq!(
        connections(&store),
        expected(&[("2023-06-05", 1), ("2024-03-12", 3), ("2025-10-01", 4)])
    );
    let newer = linkedin::parse(&fixture("linkedin/newer"), &ctx()).expect("newer");
    let preview = import::preview(&store, &newer).expect("preview");
    assert_eq!(preview.snapshots, 3, "two corrected, one new");
    assert_eq!(
        import::apply(&store, &newer, NOW).expect("newer").snapshots,
        3
    );
    assert_eq!(connections(&store), merged);
    // Again: nothing, in either order.
    assert_eq!(
        import::apply(&store, &older, NOW).expect("again").snapshots,
        0
    );
    assert_eq!(
        import::apply(&store, &newer, NOW).expect("again").snapshots,
        0
    );

    // Newer first, then older: the older fills in a day but corrects none.
    let (_dir2, store2) = fresh_store();
    import::apply(&store2, &newer, NOW).expect("newer");
    assert_eq!(
        import::apply(&store2, &older, NOW)
            .expect("older")
            .snapshots,
        1
    );
    assert_eq!(connections(&store2), merged);

    // Both archives side by side in one folder: the same result in one import.
    let (_dir3, store3) = fresh_store();
    let tmp = tempfile::tempdir().expect("tmp");
    let archive = tmp.path().join("both.zip");
    zip_up(
        &archive,
        &[
            (
                "old/Connections.csv",
                fixture("linkedin/older/Connections.csv"),
            ),
            (
                "new/Connections.csv",
                fixture("linkedin/newer/Connections.csv"),
            ),
        ],
    );
    let both = linkedin::parse(&archive, &ctx()).expect("both");
    import::apply(&store3, &both, NOW).expect("both");
    assert_eq!(connections(&store3), merged);
    let channel: String = store3
        .read(|c| {
            Ok(c.query_row(
                "SELECT DISTINCT c.name FROM audience_snapshots s JOIN channels c ON c.id = s.channel_id",
                [],
                |r| r.get(0),
            )?)
        })
        .expect("channel");
    assert_eq!(channel, "LinkedIn");
}

#[test]
fn connections_csv_alone_and_a_bad_date() {
    let (_dir, store) = fresh_store();
    let parsed = linkedin::parse(&fixture("linkedin/Connections.csv"), &ctx()).expect("alone");
    assert_eq!(parsed.files, ["Connections.csv"]);
    let preview = import::preview(&store, &parsed).expect("preview");
    assert_eq!((preview.new, preview.snapshots), (0, 1));

    let bad = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n\
               A,B,,,,,12 Mar 2024\nC,D,,,,,2024-03-12\n";
    let parsed = linkedin_network::parse_connections_csv("Connections.csv", bad.as_bytes(), &ctx())
        .expect("parsed");
    let err = import::apply(&store, &parsed, NOW).expect_err("refused");
    for part in [
        "Connections.csv",
        "line 3",
        "column Connected On",
        "'2024-03-12'",
        "12 Mar 2024",
    ] {
        assert!(err.to_string().contains(part), "{part:?} not in {err}");
    }
    assert_eq!(count(&store, "audience_snapshots"), 0);
}

#[test]
fn invitations_and_first_messages_become_possible_inquiries() {
    let (_dir, store) = fresh_store();
    let older = linkedin::parse(&fixture("linkedin/older"), &ctx()).expect("older");
    let preview = import::preview(&store, &older).expect("preview");
    assert_eq!(preview.candidates, 2);
    let outcome = import::apply(&store, &older, NOW).expect("apply");
    assert_eq!(outcome.candidates, 2);
    // Possible inquiries, never inquiries.
    assert_eq!(count(&store, "inquiries"), 0);

    let open = store.list_candidates().expect("candidates");
    let names: Vec<&str> = open.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(names, ["Ivo de Wit", "Femke Bakker"], "newest first");
    let femke = &open[1];
    assert_eq!(femke.kind, CandidateKind::Invitation);
    assert_eq!(femke.received_at.to_rfc3339(), "2025-09-05T01:12:00+00:00");
    assert_eq!(
        femke.profile_url.as_deref(),
        Some("https://www.linkedin.com/in/femkebakker")
    );
    assert_eq!(
        femke.message.as_deref(),
        Some("Hoi Sanne, je post over rust raakte me.\nHeb je ruimte voor een kennismaking? 🙏")
    );
    let ivo = &open[0];
    assert_eq!(ivo.kind, CandidateKind::Message);
    assert_eq!(ivo.received_at.to_rfc3339(), "2025-09-19T21:20:46+00:00");
    assert!(ivo
        .message
        .as_deref()
        .is_some_and(|m| m.starts_with("Hallo Sanne,\nik las")));

    // The newer archive repeats Ivo's conversation and adds Lotte's.
    let newer = linkedin::parse(&fixture("linkedin/newer"), &ctx()).expect("newer");
    assert_eq!(
        import::preview(&store, &newer).expect("preview").candidates,
        1
    );
    import::apply(&store, &newer, NOW).expect("newer");
    assert_eq!(store.list_candidates().expect("list").len(), 3);

    // Dismissed and accepted ones stay so after another import.
    store.dismiss_candidate(femke.id, NOW).expect("dismiss");
    let input = InquiryInput {
        received_at: "2025-09-19 23:20".into(),
        name: "Ivo de Wit".into(),
        via: Via::LinkedinMessage,
        their_words: ivo.message.clone(),
        ..Default::default()
    };
    let valid = validate::inquiry(&input, NOW, &Amsterdam).expect("valid");
    let inquiry = store.accept_candidate(ivo.id, &valid, NOW).expect("accept");
    assert_eq!(inquiry.name, "Ivo de Wit");
    let accepted_again = store
        .accept_candidate(ivo.id, &valid, NOW)
        .expect_err("twice");
    assert_eq!(accepted_again.code(), "candidate_not_open");
    assert_eq!(
        store
            .dismiss_candidate(ivo.id, NOW)
            .expect_err("accepted")
            .code(),
        "candidate_not_open"
    );
    let inquiry_id: Option<i64> = store
        .read(|c| {
            Ok(c.query_row(
                "SELECT inquiry_id FROM inquiry_candidates WHERE id = ?1 AND status = 'accepted'",
                [ivo.id],
                |r| r.get(0),
            )?)
        })
        .expect("accepted");
    assert_eq!(inquiry_id, Some(inquiry.id));
    assert_eq!(
        store
            .list_inquiries(&InquiryFilter::default())
            .expect("inquiries")
            .len(),
        1
    );
    import::apply(&store, &older, NOW).expect("again");
    let open: Vec<String> = store
        .list_candidates()
        .expect("list")
        .into_iter()
        .map(|c| c.name)
        .collect();
    assert_eq!(open, ["Lotte Smit"]);
    assert_eq!(
        store
            .dismiss_candidate(999, NOW)
            .expect_err("unknown")
            .code(),
        "not_found"
    );
}

#[test]
fn a_bad_date_in_invitations_names_it() {
    let csv = "From,To,Sent At,Message,Direction,inviterProfileUrl,inviteeProfileUrl\n\
               A,B,\"2025-09-05 01:12\",Hallo,INCOMING,,\n\
               C,D,\"never\",,OUTGOING,,\n";
    let parsed = linkedin_network::parse_invitations_csv("Invitations.csv", csv.as_bytes(), &ctx())
        .expect("parsed");
    assert_eq!(parsed.rejected, 1, "only rows that are used are checked");
    let issue = &parsed.issues[0];
    assert_eq!(
        (issue.line, issue.column.as_deref()),
        (Some(2), Some("Sent At"))
    );
    assert!(issue.message.contains("9/5/26, 1:12 AM"));
}

#[test]
fn people_come_from_accepted_possible_inquiries_not_from_the_connection_list() {
    let (_dir, store) = fresh_store();
    let older = linkedin::parse(&fixture("linkedin/older"), &ctx()).expect("older");
    import::apply(&store, &older, NOW).expect("apply");
    // Connections and possible inquiries alone add nobody to People.
    assert!(count(&store, "audience_snapshots") > 0);
    assert_eq!(count(&store, "contacts"), 0);
    let open = store.list_candidates().expect("candidates");
    let femke = open.iter().find(|c| c.name == "Femke Bakker").unwrap();
    let ivo = open.iter().find(|c| c.name == "Ivo de Wit").unwrap();
    store.dismiss_candidate(ivo.id, NOW).expect("dismiss");
    assert_eq!(count(&store, "contacts"), 0);

    // Accepted, she is a person with the profile the archive gave.
    let input = InquiryInput {
        received_at: "2025-09-05 03:12".into(),
        name: "Femke Bakker".into(),
        via: Via::LinkedinMessage,
        ..Default::default()
    };
    let valid = validate::inquiry(&input, NOW, &Amsterdam).expect("valid");
    let inquiry = store
        .accept_candidate(femke.id, &valid, NOW)
        .expect("accept");
    let people = store.contacts_overview(NOW, &Amsterdam).expect("people");
    assert_eq!(people.len(), 1);
    assert_eq!(people[0].contact.id, inquiry.contact_id.unwrap());
    assert_eq!(
        people[0].contact.profile_url.as_deref(),
        Some("https://www.linkedin.com/in/femkebakker")
    );
}

#[test]
fn a_profile_the_user_gave_is_kept_when_a_possible_inquiry_is_accepted() {
    use afterword_core::model::ContactInput;
    let (_dir, store) = fresh_store();
    let mine = store
        .create_contact(
            &ContactInput {
                name: "Femke Bakker".into(),
                profile_url: Some("https://femke.example/".into()),
                ..Default::default()
            },
            NOW,
        )
        .expect("contact");
    let older = linkedin::parse(&fixture("linkedin/older"), &ctx()).expect("older");
    import::apply(&store, &older, NOW).expect("apply");
    let femke = store
        .list_candidates()
        .expect("candidates")
        .into_iter()
        .find(|c| c.name == "Femke Bakker")
        .unwrap();
    let input = InquiryInput {
        received_at: "2025-09-05 03:12".into(),
        name: "femke bakker".into(),
        ..Default::default()
    };
    let valid = validate::inquiry(&input, NOW, &Amsterdam).expect("valid");
    let inquiry = store
        .accept_candidate(femke.id, &valid, NOW)
        .expect("accept");
    assert_eq!(inquiry.contact_id, Some(mine.id));
    assert_eq!(
        store.get_contact(mine.id).unwrap().profile_url.as_deref(),
        Some("https://femke.example/")
    );
}
