//! The heavy database the benches and scripts/bench.sh use: what it promises is what it holds,
//! and it reads back through the store like the user's own data.

use afterword_core::bench_data::{self, DAYS, INQUIRIES, POSTS};
use afterword_core::model::{PostFilter, PostKind};
use afterword_core::time::MS_PER_DAY;
use afterword_core::Store;

use crate::common::{fresh_store, NOW};

#[test]
fn ten_years_of_heavy_use_read_back_through_the_store() {
    let (dir, store) = fresh_store();
    let filled = bench_data::fill_ten_years(&store, NOW).expect("fill");
    assert_eq!((filled.posts, filled.inquiries), (POSTS, INQUIRIES));
    assert_eq!(filled.audience_snapshots, 3 * DAYS);
    assert!(filled.clients > 0 && filled.confirmed_sources > 0 && filled.post_metrics > 0);

    let posts = store.list_posts(&PostFilter::default()).expect("posts");
    assert_eq!(posts.len() as i64, POSTS);
    // Newest first, within the ten years before now, both channels.
    assert!(posts[0]
        .title
        .as_deref()
        .unwrap_or("")
        .starts_with("Note 4999:"));
    assert!(posts
        .iter()
        .all(|p| (NOW - DAYS * MS_PER_DAY..NOW).contains(&p.published_at.timestamp_millis())));
    assert!(posts.iter().any(|p| p.kind == PostKind::Newsletter));
    assert_eq!(
        store.audience_series().expect("series").len(),
        3,
        "connections, followers, subscribers"
    );
    let plan = store.plan_input(NOW).expect("plan input");
    assert_eq!(plan.channels.len(), 2);
    assert!(!plan.inquiries.is_empty() && !plan.ideas.is_empty() && !plan.log.is_empty());

    // Every inquiry already has its contact, so opening it again writes nothing.
    let unlinked: i64 = store
        .read(|c| {
            Ok(c.query_row(
                "SELECT count(*) FROM inquiries WHERE contact_id IS NULL",
                [],
                |r| r.get(0),
            )?)
        })
        .expect("count");
    assert_eq!(unlinked, 0);
    drop(store);
    let again = Store::open_in_dir(dir.path()).expect("open again");
    assert_eq!(again.integrity_check().expect("check"), "ok");
}
