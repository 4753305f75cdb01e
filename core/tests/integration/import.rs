//! Imports against real SQLite files: the fixtures in tests/fixtures/import are written like the
//! platforms' own exports (BOM, CRLF, text over several lines, Dutch and emoji, split files, an
//! older and a newer overlapping archive, a wrong file).

use std::io::Write;
use std::path::{Path, PathBuf};

use afterword_core::import::{
    self, csv_generic, linkedin, linkedin_analytics, linkedin_network, mailchimp, substack,
    url_key, Context, Item, Metric,
};
use afterword_core::model::{ChannelInput, ChannelKind, InquiryFilter, PostFilter, PostKind};
use afterword_core::Store;
use chrono_tz::Europe::Amsterdam;
use proptest::prelude::*;

use crate::common::{fresh_store, NOW};

pub fn fixture(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/import")
        .join(rel)
}

pub fn ctx() -> Context<chrono_tz::Tz> {
    Context {
        now_ms: NOW,
        tz: Amsterdam,
        channel: None,
    }
}

pub fn posts(store: &Store) -> Vec<afterword_core::model::Post> {
    store.list_posts(&PostFilter::default()).expect("list")
}

/// Zips `files` (name in the archive, path on disk) into `dest`, as the platforms ship them.
pub fn zip_up(dest: &Path, files: &[(&str, PathBuf)]) {
    let mut zip = zip::ZipWriter::new(std::fs::File::create(dest).expect("create zip"));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for (name, path) in files {
        zip.start_file(*name, options).expect("start file");
        zip.write_all(&std::fs::read(path).expect("read fixture"))
            .expect("write");
    }
    zip.finish().expect("finish zip");
}

#[test]
fn linkedin_shares_import_once_and_only_once() {
    let (_dir, store) = fresh_store();
    let parsed = linkedin::parse(&fixture("linkedin/Shares.csv"), &ctx()).expect("parse");
    let preview = import::preview(&store, &parsed).expect("preview");
    assert_eq!(
        (preview.new, preview.already_present, preview.rejected),
        (3, 0, 0)
    );
    assert_eq!(preview.samples.len(), 3);
    assert_eq!(preview.samples[0].line, 2);
    assert_eq!(
        preview.samples[1].line, 6,
        "line numbers count the lines inside quotes"
    );

    let outcome = import::apply(&store, &parsed, NOW).expect("apply");
    assert_eq!((outcome.added, outcome.already_present), (3, 0));

    let all = posts(&store);
    assert_eq!(all.len(), 3);
    let first = &all[0];
    assert_eq!(first.channel, "LinkedIn");
    assert_eq!(first.kind, PostKind::Post);
    assert_eq!(first.source, "linkedin");
    assert_eq!(
        first.external_id.as_deref(),
        Some("https://www.linkedin.com/feed/update/urn:li:share:7001")
    );
    assert_eq!(first.url, first.external_id);
    assert_eq!(first.published_at.to_rfc3339(), "2025-11-19T09:59:30+00:00");
    assert_eq!(
        first.title.as_deref(),
        Some("Vijf nieuwe cliënten na één nieuwsbrief 🎉")
    );
    assert_eq!(
        first.text.as_deref(),
        Some("Vijf nieuwe cliënten na één nieuwsbrief 🎉\nIk schreef hem omdat ik wílde.\n\n\"Rust\" is geen luxe.")
    );
    assert_eq!(
        all[2].title.as_deref(),
        Some("Shared https://example.nl/artikel")
    );

    // Twice: nothing new.
    let again = linkedin::parse(&fixture("linkedin/Shares.csv"), &ctx()).expect("parse");
    let preview = import::preview(&store, &again).expect("preview");
    assert_eq!((preview.new, preview.already_present), (0, 3));
    assert!(preview.samples.iter().all(|s| s.already_present));
    let outcome = import::apply(&store, &again, NOW).expect("apply");
    assert_eq!((outcome.added, outcome.already_present), (0, 3));
    assert_eq!(posts(&store).len(), 3);
}

#[test]
fn an_older_and_a_newer_archive_merge() {
    let (_dir, store) = fresh_store();
    let older = linkedin::parse(&fixture("linkedin/older"), &ctx()).expect("older");
    assert_eq!(import::apply(&store, &older, NOW).expect("apply").added, 2);

    // The newer archive comes split in Shares_1.csv and Shares_2.csv, inside a zip.
    let tmp = tempfile::tempdir().expect("tmp");
    let archive = tmp.path().join("Basic_LinkedInDataExport_01-05-2026.zip");
    zip_up(
        &archive,
        &[
            ("Shares_1.csv", fixture("linkedin/newer/Shares_1.csv")),
            ("Shares_2.csv", fixture("linkedin/newer/Shares_2.csv")),
            ("Connections.csv", fixture("linkedin/Connections.csv")),
        ],
    );
    let newer = linkedin::parse(&archive, &ctx()).expect("newer");
    assert_eq!(
        newer.files,
        ["Connections.csv", "Shares_1.csv", "Shares_2.csv"]
    );
    let preview = import::preview(&store, &newer).expect("preview");
    assert_eq!((preview.new, preview.already_present), (2, 2));
    let outcome = import::apply(&store, &newer, NOW).expect("apply");
    assert_eq!((outcome.added, outcome.already_present), (2, 2));
    assert_eq!(posts(&store).len(), 4);
    assert_eq!(import::apply(&store, &older, NOW).expect("again").added, 0);
    // The user's own LinkedIn channel is used, not a second one.
    let linkedin_channels = store
        .list_channels()
        .expect("channels")
        .into_iter()
        .filter(|c| c.kind == ChannelKind::Linkedin)
        .count();
    assert_eq!(linkedin_channels, 1);
}

#[test]
fn one_bad_row_imports_nothing_and_says_where() {
    let (_dir, store) = fresh_store();
    let parsed = linkedin::parse(&fixture("linkedin/bad/Shares.csv"), &ctx()).expect("parse");
    let preview = import::preview(&store, &parsed).expect("preview");
    assert_eq!((preview.new, preview.rejected), (2, 1));
    let issue = &preview.issues[0];
    assert_eq!(issue.code, "import_bad_value");
    assert_eq!(issue.line, Some(5));
    assert_eq!(issue.column.as_deref(), Some("Date"));
    assert_eq!(issue.value.as_deref(), Some("19-11-2025 10:00"));

    let err = import::apply(&store, &parsed, NOW).expect_err("refused");
    assert_eq!(err.code(), "import_bad_value");
    let message = err.to_string();
    for part in [
        "Shares.csv",
        "line 5",
        "column Date",
        "'19-11-2025 10:00'",
        "2025-11-19 09:59:30",
        "nothing was imported",
    ] {
        assert!(message.contains(part), "{part:?} not in {message:?}");
    }
    assert!(posts(&store).is_empty());
}

#[test]
fn a_failure_while_writing_rolls_everything_back() {
    let (_dir, store) = fresh_store();
    // The third row goes to an archived channel, after two rows and a new channel were written.
    let podcast = store
        .add_channel(
            &ChannelInput {
                name: "Podcast".into(),
                kind: ChannelKind::Podcast,
            },
            NOW,
        )
        .expect("channel");
    store
        .set_channel_archived(podcast.id, true)
        .expect("archive");
    let parsed = csv_generic::parse_posts(&fixture("csv/posts.csv"), &ctx()).expect("parse");
    let err = import::apply(&store, &parsed, NOW).expect_err("archived");
    assert_eq!(err.code(), "channel_archived");
    assert!(posts(&store).is_empty());
    let names: Vec<String> = store
        .list_channels()
        .expect("channels")
        .into_iter()
        .map(|c| c.name)
        .collect();
    assert!(!names.contains(&"Nieuwsbrief".to_string()), "{names:?}");
}

#[test]
fn a_wrong_file_is_named() {
    // Connections.csv renamed (its own name would be read as what it is).
    let connections = std::fs::read(fixture("linkedin/Connections.csv")).expect("read");
    let err = linkedin::parse_shares_csv("Shares.csv", &connections, &ctx()).expect_err("wrong");
    assert_eq!(err.code(), "import_wrong_file");
    let message = err.to_string();
    assert!(
        message.contains("this looks like LinkedIn's Connections.csv, not LinkedIn's Shares.csv"),
        "{message}"
    );
    let err = linkedin::parse(&fixture("substack/posts.csv"), &ctx()).expect_err("wrong");
    assert!(
        err.to_string()
            .contains("this looks like Substack's posts.csv, not LinkedIn's Shares.csv"),
        "{err}"
    );
    let err = substack::parse(&fixture("linkedin/Shares.csv"), &ctx()).expect_err("wrong");
    assert_eq!(err.code(), "import_wrong_file");
    assert!(err
        .to_string()
        .contains("LinkedIn's Shares.csv, not Substack's posts.csv"));

    let err = linkedin::parse_shares_csv("x.csv", b"a,b\n1,2\n", &ctx()).expect_err("unknown");
    assert_eq!(err.code(), "import_missing_column");
    let err = linkedin::parse_shares_csv("x.csv", b"", &ctx()).expect_err("empty");
    assert_eq!(err.code(), "import_empty_file");
    let latin1 = b"Date,ShareLink,ShareCommentary\n2025-01-01 10:00:00,https://x.nl,caf\xe9\n";
    let err = linkedin::parse_shares_csv("x.csv", latin1, &ctx()).expect_err("latin-1");
    assert_eq!(err.code(), "import_not_utf8");
    assert!(err.to_string().contains("line 2"), "{err}");

    let tmp = tempfile::tempdir().expect("tmp");
    let err = linkedin::parse(tmp.path(), &ctx()).expect_err("no shares");
    assert_eq!(err.code(), "import_file_not_found");
}

#[test]
fn substack_publishes_only_published_posts() {
    let (_dir, store) = fresh_store();
    let parsed = substack::parse(&fixture("substack"), &ctx()).expect("parse");
    assert_eq!(parsed.files[1], "posts.csv");
    assert_eq!((parsed.rows.len(), parsed.skipped), (2, 2));
    let preview = import::preview(&store, &parsed).expect("preview");
    assert_eq!((preview.new, preview.skipped), (2, 2));

    let outcome = import::apply(&store, &parsed, NOW).expect("apply");
    assert_eq!((outcome.added, outcome.skipped), (2, 2));
    let all = posts(&store);
    assert!(all
        .iter()
        .all(|p| p.channel == "Newsletter" && p.kind == PostKind::Newsletter));
    let first = all
        .iter()
        .find(|p| p.external_id.as_deref() == Some("140001.waarom-ik-stopte"))
        .expect("first");
    // Sent by email five seconds after publishing: the email is when readers got it.
    assert_eq!(first.published_at.to_rfc3339(), "2024-03-05T08:00:05+00:00");
    assert_eq!(
        first.text.as_deref(),
        Some("Over rust, en wat er daarna gebeurde 🌿")
    );

    // The same export as a zip, as Substack sends it: nothing new.
    let tmp = tempfile::tempdir().expect("tmp");
    let archive = tmp.path().join("export.zip");
    zip_up(
        &archive,
        &[
            ("posts.csv", fixture("substack/posts.csv")),
            (
                "posts/140001.waarom-ik-stopte.opens.csv",
                fixture("substack/posts/140001.waarom-ik-stopte.opens.csv"),
            ),
        ],
    );
    let again = substack::parse(&archive, &ctx()).expect("zip");
    let outcome = import::apply(&store, &again, NOW).expect("apply");
    assert_eq!((outcome.added, outcome.already_present), (0, 2));
}

#[test]
fn mailchimp_campaigns_in_local_time_with_engagement() {
    let (_dir, store) = fresh_store();
    let parsed = mailchimp::parse(&fixture("mailchimp/campaigns.csv"), &ctx()).expect("parse");
    assert_eq!(parsed.rows.len(), 2);
    let Item::Post(first) = &parsed.rows[0].item else {
        panic!("a post");
    };
    assert_eq!(
        parsed.rows[0].external_id,
        "Juni brief|Jun 09, 2018 09:30 pm"
    );
    let engagement = first.engagement.expect("engagement");
    assert_eq!(engagement.recipients, Some(1080));
    assert_eq!(engagement.unique_opens, Some(300));
    assert_eq!(engagement.open_rate_bp, Some(2778));
    assert_eq!(engagement.click_rate_bp, Some(231));

    assert_eq!(import::apply(&store, &parsed, NOW).expect("apply").added, 2);
    let all = posts(&store);
    let june = all.iter().find(|p| {
        p.source == "mailchimp" && p.published_at.to_rfc3339() == "2018-06-09T19:30:00+00:00"
    });
    assert_eq!(
        june.and_then(|p| p.title.as_deref()),
        Some("Zomer zonder schuldgevoel ☀️")
    );
    assert_eq!(import::apply(&store, &parsed, NOW).expect("again").added, 0);

    // Another channel when the user asks for one.
    let (_dir2, store2) = fresh_store();
    let ctx = Context {
        channel: Some("Mailchimp brief".into()),
        ..ctx()
    };
    let parsed = mailchimp::parse(&fixture("mailchimp"), &ctx).expect("folder");
    import::apply(&store2, &parsed, NOW).expect("apply");
    let channel = store2.channel_by_name("mailchimp BRIEF").expect("created");
    assert_eq!(channel.kind, ChannelKind::Newsletter);
}

#[test]
fn generic_posts_csv() {
    let (_dir, store) = fresh_store();
    let parsed = csv_generic::parse_posts(&fixture("csv/posts.csv"), &ctx()).expect("parse");
    assert_eq!((parsed.rows.len(), parsed.rejected), (3, 0));
    assert_eq!(import::apply(&store, &parsed, NOW).expect("apply").added, 3);
    assert_eq!(
        store.channel_by_name("nieuwsbrief").expect("created").kind,
        ChannelKind::Newsletter
    );
    assert_eq!(
        store.channel_by_name("Podcast").expect("created").kind,
        ChannelKind::Podcast
    );
    let all = posts(&store);
    let first = all
        .iter()
        .find(|p| p.external_id.as_deref() == Some("sheet-1"))
        .expect("sheet-1");
    assert_eq!(first.minutes, Some(45));
    assert_eq!(first.text.as_deref(), Some("First line.\nSecond line 🌱"));
    // 09:30 in Amsterdam in March is 08:30 UTC.
    assert_eq!(first.published_at.to_rfc3339(), "2024-03-05T08:30:00+00:00");
    // The row without an external_id is still recognised the second time.
    let again = csv_generic::parse_posts(&fixture("csv/posts.csv"), &ctx()).expect("parse");
    let outcome = import::apply(&store, &again, NOW).expect("again");
    assert_eq!((outcome.added, outcome.already_present), (0, 3));

    let bad = csv_generic::parse_posts(&fixture("csv/posts_bad.csv"), &ctx()).expect("parse");
    let err = import::apply(&store, &bad, NOW).expect_err("bad felt");
    let message = err.to_string();
    for part in [
        "posts_bad.csv",
        "line 3",
        "column felt",
        "'happy'",
        "energising",
    ] {
        assert!(message.contains(part), "{part:?} not in {message:?}");
    }
    assert_eq!(posts(&store).len(), 3);
}

#[test]
fn generic_inquiries_csv() {
    let (_dir, store) = fresh_store();
    let parsed =
        csv_generic::parse_inquiries(&fixture("csv/inquiries.csv"), &ctx()).expect("parse");
    assert_eq!((parsed.rows.len(), parsed.rejected), (2, 0));
    let preview = import::preview(&store, &parsed).expect("preview");
    assert_eq!(preview.samples[0].title.as_deref(), Some("Anna de Vries"));
    assert_eq!(import::apply(&store, &parsed, NOW).expect("apply").added, 2);
    let all = store
        .list_inquiries(&InquiryFilter::default())
        .expect("list");
    let anna = all
        .iter()
        .find(|i| i.name == "Anna de Vries")
        .expect("anna");
    assert_eq!(anna.value_cents, Some(150_000));
    assert_eq!(anna.source, "csv");
    assert_eq!(
        anna.their_words.as_deref(),
        Some("Your post about rest\nspoke to me")
    );
    let again = csv_generic::parse_inquiries(&fixture("csv/inquiries.csv"), &ctx()).expect("parse");
    assert_eq!(import::apply(&store, &again, NOW).expect("again").added, 0);
}

#[test]
fn the_templates_import_as_they_are() {
    let posts = csv_generic::parse_posts_csv(
        "template.csv",
        csv_generic::posts_template().as_bytes(),
        &ctx(),
    )
    .expect("posts template");
    assert_eq!(
        (posts.rows.len(), posts.rejected),
        (2, 0),
        "{:?}",
        posts.issues
    );
    let inquiries = csv_generic::parse_inquiries_csv(
        "template.csv",
        csv_generic::inquiries_template().as_bytes(),
        &ctx(),
    )
    .expect("inquiries template");
    assert_eq!(
        (inquiries.rows.len(), inquiries.rejected),
        (1, 0),
        "{:?}",
        inquiries.issues
    );
}

type Parser = fn(&str, &[u8], &Context<chrono_tz::Tz>) -> afterword_core::Result<import::Parsed>;

const PARSERS: [(Parser, &str); 11] = [
    (
        linkedin_network::parse_connections_csv,
        "Notes:\n\nFirst Name,Last Name,URL,Email Address,Company,Position,Connected On\n",
    ),
    (
        linkedin_network::parse_invitations_csv,
        "From,To,Sent At,Message,Direction,inviterProfileUrl,inviteeProfileUrl\n",
    ),
    (
        linkedin_network::parse_messages_csv,
        "CONVERSATION ID,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,DATE,SUBJECT,CONTENT,FOLDER\n",
    ),
    (
        |file, bytes, _| substack::parse_engagement_csv(file, bytes, "1.x", Metric::Opens),
        "email,post_id,timestamp\n",
    ),
    (
        |file, bytes, ctx| substack::parse_email_list_csv(file, bytes, "x", ctx),
        "email,active_subscription,created_at\n",
    ),
    (linkedin_analytics::parse_xlsx, ""),
    (
        linkedin::parse_shares_csv,
        "Date,ShareLink,ShareCommentary\n",
    ),
    (
        substack::parse_posts_csv,
        "post_id,post_date,is_published,email_sent_at,title,subtitle\n",
    ),
    (
        mailchimp::parse_report_csv,
        "Title,Subject,Send Date,Total Recipients,Open Rate\n",
    ),
    (
        csv_generic::parse_posts_csv,
        "published_at,channel,kind,title,text,url,felt,minutes\n",
    ),
    (
        csv_generic::parse_inquiries_csv,
        "received_at,name,via,status,value,currency\n",
    ),
];

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    /// Whatever the file holds, every parser answers Ok or Err; none panics.
    #[test]
    fn parsers_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..512),
                           text in "[ -~\n\r\",é🎉]{0,300}") {
        for (parse, header) in PARSERS {
            let _ = parse("f.csv", &bytes, &ctx());
            let mut with_header = header.as_bytes().to_vec();
            with_header.extend_from_slice(text.as_bytes());
            let _ = parse("f.csv", &with_header, &ctx());
            with_header.extend_from_slice(&bytes);
            let _ = parse("f.csv", &with_header, &ctx());
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 32, ..ProptestConfig::default() })]

    /// A damaged archive (a zip signature, then anything) is an error, never a panic.
    #[test]
    fn damaged_archives_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..1024)) {
        let tmp = tempfile::tempdir().expect("tmp");
        let path = tmp.path().join("export.zip");
        let mut data = b"PK\x03\x04".to_vec();
        data.extend_from_slice(&bytes);
        std::fs::write(&path, &data).expect("write");
        let _ = linkedin::parse(&path, &ctx());
        let _ = substack::parse(&path, &ctx());
        let _ = mailchimp::parse(&path, &ctx());
        let _ = csv_generic::parse_posts(&path, &ctx());
        let _ = linkedin_analytics::parse(&path, &ctx());
    }

    /// A real analytics workbook with one byte changed, or cut short: never a panic.
    #[test]
    fn corrupted_workbooks_never_panic(at in any::<prop::sample::Index>(), byte in any::<u8>(),
                                       cut in any::<prop::sample::Index>()) {
        let mut data = std::fs::read(fixture("linkedin_analytics/Content_2026-01-01_2026-01-10.xlsx"))
            .expect("read");
        let i = at.index(data.len());
        data[i] = byte;
        data.truncate(cut.index(data.len()) + 1);
        let _ = linkedin_analytics::parse_xlsx("a.xlsx", &data, &ctx());
    }

    /// Conversations of any shape (who wrote first, the same person on both sides, odd dates)
    /// and any link: never a panic.
    #[test]
    fn messages_and_links_never_panic(rows in proptest::collection::vec(
            ("[a-c]{0,1}", "[x-z]{0,1}", "[x-z ,]{0,4}", "(2026-0[1-9]-1[0-9] 1[0-9]:00:00 UTC|[0-9 :-]{0,12})"), 0..12),
            link in "[ -~%é]{0,60}") {
        let mut csv = "CONVERSATION ID,FROM,SENDER PROFILE URL,RECIPIENT PROFILE URLS,DATE,CONTENT\n".to_string();
        for (conversation, from, to, date) in rows {
            csv.push_str(&format!("{conversation},{from},{from},\"{to}\",{date},hallo\n"));
        }
        let _ = linkedin_network::parse_messages_csv("messages.csv", csv.as_bytes(), &ctx());
        let _ = url_key(&link);
    }

    /// A real archive with one byte changed, or cut short: an error or an import, never a panic.
    #[test]
    fn corrupted_archives_never_panic(at in any::<prop::sample::Index>(), byte in any::<u8>(),
                                      cut in any::<prop::sample::Index>()) {
        let tmp = tempfile::tempdir().expect("tmp");
        let path = tmp.path().join("export.zip");
        zip_up(&path, &[("Shares.csv", fixture("linkedin/Shares.csv"))]);
        let mut data = std::fs::read(&path).expect("read");
        let i = at.index(data.len());
        data[i] = byte;
        data.truncate(cut.index(data.len()) + 1);
        std::fs::write(&path, &data).expect("write");
        let _ = linkedin::parse(&path, &ctx());
    }
}

#[test]
fn an_empty_archive_has_no_shares() {
    let tmp = tempfile::tempdir().expect("tmp");
    let archive = tmp.path().join("empty.zip");
    zip_up(&archive, &[]);
    let err = linkedin::parse(&archive, &ctx()).expect_err("empty");
    assert_eq!(err.code(), "import_file_not_found");
}
