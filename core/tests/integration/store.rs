//! Posts, inquiries and channels on a real SQLite file.

use afterword_core::model::{
    ChannelInput, ChannelKind, InquiryFilter, InquiryStatus, PostFilter, PostKind,
    HEADLINE_TEXT_CHARS, MAX_HEADLINE_IDS,
};
use afterword_core::store::DB_FILE_NAME;
use afterword_core::validate::ValidInquiry;
use afterword_core::Store;

use crate::common::{fresh_store, inquiry, post, NOW};

fn linkedin(store: &Store) -> i64 {
    store.channel_by_name("linkedin").unwrap().id
}

#[test]
fn a_logged_post_reads_back_with_its_channel_and_default_kind() {
    let (_dir, store) = fresh_store();
    let newsletter = store.channel_by_name("Newsletter").unwrap().id;
    let saved = store
        .create_post(
            &post(newsletter, "2026-05-01 12:00", "Letter #3 ☕ één"),
            NOW,
        )
        .unwrap();
    assert_eq!(saved.kind, PostKind::Newsletter, "kind follows the channel");
    assert_eq!(saved.channel, "Newsletter");
    assert_eq!(saved.title.as_deref(), Some("Letter #3 ☕ één"));
    assert_eq!(saved.published_at.to_rfc3339(), "2026-05-01T10:00:00+00:00");
    assert_eq!(store.get_post(saved.id).unwrap(), saved);
}

#[test]
fn posts_list_newest_first_with_search_and_channel_filter() {
    let (_dir, store) = fresh_store();
    let li = linkedin(&store);
    let nl = store.channel_by_name("Newsletter").unwrap().id;
    store
        .create_post(&post(li, "2026-04-01 09:00", "Rust ís fun"), NOW)
        .unwrap();
    store
        .create_post(&post(nl, "2026-05-01 09:00", "Slow mornings"), NOW)
        .unwrap();
    store
        .create_post(&post(li, "2026-03-01 09:00", "ÍS it?"), NOW)
        .unwrap();

    let all = store.list_posts(&PostFilter::default()).unwrap();
    let titles: Vec<_> = all.iter().map(|p| p.title.clone().unwrap()).collect();
    assert_eq!(titles, ["Slow mornings", "Rust ís fun", "ÍS it?"]);

    let found = store
        .list_posts(&PostFilter {
            query: Some(" ís ".into()),
            channel_id: None,
        })
        .unwrap();
    assert_eq!(found.len(), 2, "search ignores case, also beyond ASCII");

    let only_li = store
        .list_posts(&PostFilter {
            query: None,
            channel_id: Some(li),
        })
        .unwrap();
    assert_eq!(only_li.len(), 2);
}

#[test]
fn headlines_name_the_posts_asked_for_with_the_start_of_their_text() {
    let (_dir, store) = fresh_store();
    let li = linkedin(&store);
    let titled = store
        .create_post(&post(li, "2026-04-01 09:00", "With a title"), NOW)
        .unwrap();
    let long_text = format!("\n\n{}", "word ".repeat(400));
    let mut untitled = post(li, "2026-04-02 09:00", "x");
    untitled.title = None;
    untitled.text = Some(long_text.clone());
    let untitled = store.create_post(&untitled, NOW).unwrap();
    let gone = store
        .create_post(&post(li, "2026-04-03 09:00", "Deleted"), NOW)
        .unwrap();
    store.delete_post(gone.id, NOW).unwrap();

    let headlines = store
        .post_headlines(&[untitled.id, 9_999, gone.id, titled.id, untitled.id])
        .unwrap();
    let ids: Vec<i64> = headlines.iter().map(|h| h.id).collect();
    assert_eq!(
        ids,
        [untitled.id, titled.id],
        "in the order asked, once each; missing and deleted posts are left out"
    );
    assert_eq!(headlines[1].title.as_deref(), Some("With a title"));
    assert_eq!(headlines[1].published_at, titled.published_at);
    let start: String = long_text
        .chars()
        .take(HEADLINE_TEXT_CHARS as usize)
        .collect();
    assert_eq!(headlines[0].text.as_deref(), Some(start.as_str()));
    assert!(store.post_headlines(&[]).unwrap().is_empty());

    let too_many = vec![titled.id; MAX_HEADLINE_IDS + 1];
    let err = store.post_headlines(&too_many).unwrap_err();
    assert_eq!(err.code(), "too_long");
}

#[test]
fn a_page_of_posts_is_the_newest_few_with_the_count_of_all_that_match() {
    let (_dir, store) = fresh_store();
    let li = linkedin(&store);
    let nl = store.channel_by_name("Newsletter").unwrap().id;
    for day in 1..=9 {
        let channel = if day % 3 == 0 { nl } else { li };
        let title = format!("Day {day}");
        store
            .create_post(
                &post(channel, &format!("2026-04-0{day} 09:00"), &title),
                NOW,
            )
            .unwrap();
    }
    let gone = store
        .create_post(&post(li, "2026-04-10 09:00", "Deleted"), NOW)
        .unwrap();
    store.delete_post(gone.id, NOW).unwrap();
    let titles = |page: &afterword_core::model::PostPage| -> Vec<String> {
        page.posts
            .iter()
            .map(|p| p.title.clone().unwrap())
            .collect()
    };

    let page = store.list_posts_page(&PostFilter::default(), 4).unwrap();
    assert_eq!(titles(&page), ["Day 9", "Day 8", "Day 7", "Day 6"]);
    assert_eq!(page.total, 9, "the deleted post is not counted");
    assert_eq!(
        page.posts,
        store.list_posts(&PostFilter::default()).unwrap()[..4],
        "a page is the start of the full list"
    );

    let newsletters = PostFilter {
        query: None,
        channel_id: Some(nl),
    };
    let page = store.list_posts_page(&newsletters, 2).unwrap();
    assert_eq!(titles(&page), ["Day 9", "Day 6"]);
    assert_eq!(page.total, 3);

    let search = PostFilter {
        query: Some(" DAY ".into()),
        channel_id: Some(li),
    };
    let page = store.list_posts_page(&search, 5).unwrap();
    assert_eq!(titles(&page), ["Day 8", "Day 7", "Day 5", "Day 4", "Day 2"]);
    assert_eq!(page.total, 6);

    let everything = store.list_posts_page(&PostFilter::default(), 100).unwrap();
    assert_eq!(everything.posts.len(), 9);
    assert_eq!(everything.total, 9);
}

#[test]
fn delete_hides_a_post_and_undo_brings_it_back_with_its_links() {
    let (_dir, store) = fresh_store();
    let p = store
        .create_post(&post(linkedin(&store), "2026-05-01 09:00", "A"), NOW)
        .unwrap();
    let mut i = inquiry("2026-05-02 09:00", "Sanne");
    i.source_post_id = Some(p.id);
    let i = store.create_inquiry(&i, NOW).unwrap();

    store.delete_post(p.id, NOW).unwrap();
    assert!(store.list_posts(&PostFilter::default()).unwrap().is_empty());
    assert_eq!(store.get_post(p.id).unwrap_err().code(), "not_found");
    assert_eq!(
        store.delete_post(p.id, NOW).unwrap_err().code(),
        "not_found"
    );

    let back = store.restore_post(p.id, NOW).unwrap();
    assert_eq!(back, p);
    assert_eq!(store.get_inquiry(i.id).unwrap().source_post_id, Some(p.id));
    assert_eq!(
        store.restore_post(p.id, NOW).unwrap_err().code(),
        "not_found"
    );
}

#[test]
fn editing_a_post_keeps_its_id_and_updates_fields() {
    let (_dir, store) = fresh_store();
    let p = store
        .create_post(&post(linkedin(&store), "2026-05-01 09:00", "Draft"), NOW)
        .unwrap();
    let mut edit = post(linkedin(&store), "2026-05-01 10:00", "Final");
    edit.minutes = Some(30);
    let after = store.update_post(p.id, &edit, NOW + 1000).unwrap();
    assert_eq!(after.id, p.id);
    assert_eq!(after.title.as_deref(), Some("Final"));
    assert_eq!(after.minutes, Some(30));
    assert_eq!(after.created_at, p.created_at);
    assert!(after.updated_at > p.updated_at);
    assert_eq!(
        store.update_post(999, &edit, NOW).unwrap_err().code(),
        "not_found"
    );
}

#[test]
fn posts_on_unknown_or_archived_channels_are_refused_and_nothing_is_saved() {
    let (_dir, store) = fresh_store();
    let err = store
        .create_post(&post(42, "2026-05-01 09:00", "A"), NOW)
        .unwrap_err();
    assert_eq!(err.code(), "channel_unknown");
    assert_eq!(err.field(), Some("channel_id"));
    let li = linkedin(&store);
    store.set_channel_archived(li, true).unwrap();
    let err = store
        .create_post(&post(li, "2026-05-01 09:00", "A"), NOW)
        .unwrap_err();
    assert_eq!(err.code(), "channel_archived");
    assert!(store.list_posts(&PostFilter::default()).unwrap().is_empty());
}

#[test]
fn channels_can_be_added_renamed_and_archived_but_names_stay_unique() {
    let (_dir, store) = fresh_store();
    let blog = store
        .add_channel(
            &ChannelInput {
                name: " Blog ".into(),
                kind: ChannelKind::Blog,
            },
            NOW,
        )
        .unwrap();
    assert_eq!(blog.name, "Blog");
    let err = store
        .add_channel(
            &ChannelInput {
                name: "linkedin".into(),
                kind: ChannelKind::Other,
            },
            NOW,
        )
        .unwrap_err();
    assert_eq!(err.code(), "channel_name_taken");
    assert_eq!(store.rename_channel(blog.id, "Blog").unwrap().name, "Blog");
    assert_eq!(
        store
            .rename_channel(blog.id, "Newsletter")
            .unwrap_err()
            .code(),
        "channel_name_taken"
    );
    assert_eq!(
        store.rename_channel(blog.id, "  ").unwrap_err().code(),
        "name_required"
    );
    let renamed = store.rename_channel(blog.id, "Weblog").unwrap();
    assert_eq!(renamed.name, "Weblog");
    let archived = store.set_channel_archived(blog.id, true).unwrap();
    assert!(archived.archived);
    let last = store.list_channels().unwrap().pop().unwrap();
    assert_eq!(last.id, blog.id, "archived channels sort last");
    // A post on an article channel defaults to the article kind.
    store.set_channel_archived(blog.id, false).unwrap();
    let p = store
        .create_post(&post(blog.id, "2026-05-01 09:00", "A"), NOW)
        .unwrap();
    assert_eq!(p.kind, PostKind::Article);
}

#[test]
fn inquiries_round_trip_and_filter_by_status_and_text() {
    let (_dir, store) = fresh_store();
    let mut a: ValidInquiry = inquiry("2026-05-02 09:00", "Sanne de Vries");
    a.organisation = Some("Studio Vries".into());
    a.status = InquiryStatus::Client;
    a.value_cents = Some(150_000);
    let a = store.create_inquiry(&a, NOW).unwrap();
    let b = store
        .create_inquiry(&inquiry("2026-05-03 09:00", "Tom"), NOW)
        .unwrap();

    assert_eq!(store.get_inquiry(a.id).unwrap(), a);
    let all = store.list_inquiries(&InquiryFilter::default()).unwrap();
    assert_eq!(all.iter().map(|i| i.id).collect::<Vec<_>>(), [b.id, a.id]);
    let clients = store
        .list_inquiries(&InquiryFilter {
            query: None,
            status: Some(InquiryStatus::Client),
        })
        .unwrap();
    assert_eq!(clients.len(), 1);
    let found = store
        .list_inquiries(&InquiryFilter {
            query: Some("studio".into()),
            status: None,
        })
        .unwrap();
    assert_eq!(found[0].id, a.id);
}

#[test]
fn a_status_change_is_recorded_as_activity() {
    let (_dir, store) = fresh_store();
    let created = store
        .create_inquiry(&inquiry("2026-05-02 09:00", "Sanne"), NOW)
        .unwrap();
    assert_eq!(created.status_changed_at, created.received_at);
    let mut same = inquiry("2026-05-02 09:00", "Sanne B.");
    let renamed = store.update_inquiry(created.id, &same, NOW + 5).unwrap();
    assert_eq!(renamed.status_changed_at, created.received_at);
    same.status = InquiryStatus::Talking;
    let talking = store.update_inquiry(created.id, &same, NOW + 10).unwrap();
    assert_eq!(talking.status_changed_at.timestamp_millis(), NOW + 10);
}

#[test]
fn a_confirmed_source_must_exist_and_come_before_the_inquiry() {
    let (_dir, store) = fresh_store();
    let p = store
        .create_post(
            &post(linkedin(&store), "2026-05-10 09:00", "Later post"),
            NOW,
        )
        .unwrap();
    let mut i = inquiry("2026-05-02 09:00", "Sanne");
    i.source_post_id = Some(p.id);
    assert_eq!(
        store.create_inquiry(&i, NOW).unwrap_err().code(),
        "source_post_after_inquiry"
    );
    i.source_post_id = Some(12345);
    assert_eq!(
        store.create_inquiry(&i, NOW).unwrap_err().code(),
        "source_post_unknown"
    );
    assert!(store
        .list_inquiries(&InquiryFilter::default())
        .unwrap()
        .is_empty());
}

#[test]
fn deleted_inquiries_can_be_restored() {
    let (_dir, store) = fresh_store();
    let i = store
        .create_inquiry(&inquiry("2026-05-02 09:00", "Sanne"), NOW)
        .unwrap();
    store.delete_inquiry(i.id, NOW).unwrap();
    assert!(store
        .list_inquiries(&InquiryFilter::default())
        .unwrap()
        .is_empty());
    assert_eq!(store.restore_inquiry(i.id, NOW).unwrap(), i);
}

#[test]
fn candidate_posts_are_the_window_before_the_inquiry_nearest_first() {
    let (_dir, store) = fresh_store();
    let li = linkedin(&store);
    let at = |s: &str| post(li, s, s);
    store.create_post(&at("2026-03-01 09:00"), NOW).unwrap(); // 31+ days before: out
    let edge = store.create_post(&at("2026-04-01 09:00"), NOW).unwrap(); // exactly 30 days
    let near = store.create_post(&at("2026-04-30 09:00"), NOW).unwrap();
    store.create_post(&at("2026-05-01 09:01"), NOW).unwrap(); // after: out
    let inquiry_at = near.published_at.timestamp_millis() + 86_400_000;
    let candidates = store.candidate_posts(inquiry_at, 30, 7.0).unwrap();
    let ids: Vec<i64> = candidates.iter().map(|c| c.post.id).collect();
    assert_eq!(ids, [near.id, edge.id]);
    assert!((candidates[0].days_before - 1.0).abs() < 1e-9);
    assert!((candidates[0].weight - 0.5f64.powf(1.0 / 7.0)).abs() < 1e-9);
    assert!(candidates[0].weight > candidates[1].weight);
}

#[test]
fn sample_data_loads_into_an_empty_store() {
    let (_dir, store) = fresh_store();
    afterword_core::demo::load_sample_data(&store, NOW, &chrono_tz::Europe::Amsterdam).unwrap();
    let posts = store.list_posts(&PostFilter::default()).unwrap();
    let inquiries = store.list_inquiries(&InquiryFilter::default()).unwrap();
    assert!(posts.len() >= 15, "{}", posts.len());
    assert!(
        inquiries
            .iter()
            .filter(|i| i.status == InquiryStatus::Client)
            .count()
            >= 5
    );
    assert!(posts.iter().any(|p| p.kind == PostKind::Newsletter));
}

#[test]
fn a_second_connection_sees_committed_writes_immediately() {
    let (dir, store) = fresh_store();
    let p = store
        .create_post(&post(linkedin(&store), "2026-05-01 09:00", "Seen"), NOW)
        .unwrap();
    let other = Store::open_in_dir(dir.path()).unwrap();
    assert_eq!(other.get_post(p.id).unwrap(), p);
}

#[cfg(unix)]
#[test]
fn a_new_data_dir_and_its_database_are_readable_by_their_owner_only() {
    use std::os::unix::fs::PermissionsExt;
    let mode = |p: &std::path::Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("nested").join("afterword");
    let store = Store::open_in_dir(&dir).unwrap();
    let saved = store.create_post(&post(linkedin(&store), "2026-03-01 09:00", "Hallo"), NOW);
    assert!(saved.is_ok(), "{saved:?}");
    assert_eq!(mode(&dir), 0o700, "the data dir");
    assert_eq!(mode(&dir.join(DB_FILE_NAME)), 0o600, "the database");
    assert_eq!(
        mode(&dir.join(format!("{DB_FILE_NAME}-wal"))),
        0o600,
        "its write-ahead log"
    );

    // A folder the user made (a synced folder, say) keeps the mode they gave it.
    let chosen = tmp.path().join("chosen");
    std::fs::create_dir(&chosen).unwrap();
    std::fs::set_permissions(&chosen, std::fs::Permissions::from_mode(0o755)).unwrap();
    drop(Store::open_in_dir(&chosen).unwrap());
    assert_eq!(mode(&chosen), 0o755);
    assert_eq!(mode(&chosen.join(DB_FILE_NAME)), 0o600);
}
