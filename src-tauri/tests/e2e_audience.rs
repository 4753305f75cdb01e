//! End to end: the Audience view in the real `afterword` binary, in a real WebKitGTK window, one
//! launch. A post logged by the command line; through the window an audience size before it and
//! the post's numbers; the Audience view then shows the engagement rate and the chart's numbers.
//!
//! Runs when `AFTERWORD_E2E=1` (./test.sh); otherwise the test prints that it was skipped.
//! By hand (build the UI first: `cd ui && npm run build`):
//!
//! ```text
//! xvfb-run -a -s "-screen 0 1280x900x24" dbus-run-session -- \
//!     env NO_AT_BRIDGE=1 GDK_BACKEND=x11 AFTERWORD_E2E=1 cargo test -p afterword --test e2e_audience -- --nocapture
//! ```

#[allow(dead_code)]
#[path = "e2e_support/mod.rs"]
mod support;

use std::process::Command;

use support::{count_rows, App};

#[tokio::test]
async fn an_audience_size_and_a_posts_numbers_give_its_engagement_rate() {
    const TEST: &str = "an_audience_size_and_a_posts_numbers_give_its_engagement_rate";
    if !support::enabled(TEST) {
        return;
    }
    let _serial = support::serial().await;
    let dir = support::data_dir();
    let three_days_ago = chrono::Local::now() - chrono::Duration::days(3);
    let ten_days_ago = chrono::Local::now() - chrono::Duration::days(10);
    let out = Command::new(env!("CARGO_BIN_EXE_afterword"))
        .arg("--data-dir")
        .arg(dir.path())
        .args([
            "log",
            "post",
            "--channel",
            "LinkedIn",
            "--at",
            &three_days_ago.format("%Y-%m-%d 10:00").to_string(),
            "--title",
            "Why I stopped posting daily",
        ])
        .env_remove("AFTERWORD_DATA_DIR")
        .output()
        .expect("log a post");
    assert!(out.status.success(), "{out:?}");

    let app = App::launch(TEST, dir.path()).await;

    // An audience size before the post.
    app.click_nav("Audience").await;
    app.wait_for_text("Add an audience size").await;
    app.wait_for_text("Too early to tell").await;
    app.select_option("What you counted", "followers").await;
    app.fill("Date", &ten_days_ago.format("%Y-%m-%d").to_string())
        .await;
    app.fill("Time", "09:00").await;
    app.fill("Size", "800").await;
    app.click_button("Add size").await;
    app.wait_for_text("Audience size added").await;
    // The chart's numbers, in words next to it.
    app.wait_for_text("LinkedIn (followers): 800 on").await;
    assert_eq!(count_rows(dir.path(), "audience_snapshots"), 1);

    // The post's numbers, from the Posts view.
    app.click_nav("Posts").await;
    app.click_button("Numbers").await;
    app.wait_for_text("Numbers for Why I stopped posting daily")
        .await;
    app.fill("Reactions", "30").await;
    app.fill("Comments", "10").await;
    app.click_button("Save numbers").await;
    app.wait_for_text("Numbers saved").await;
    assert_eq!(count_rows(dir.path(), "post_metrics"), 2);

    // (30 + 10) / 800 = 5.0%, next to what followed (nothing yet), and the audience then.
    app.click_nav("Audience").await;
    app.wait_for_text("Per post: engagement next to what followed")
        .await;
    app.wait_for_text("5.0%").await;
    app.wait_for_text("LinkedIn (followers): 800 on").await;
    let text = app.page_text().await.unwrap_or_default();
    app.check(text.contains("800"), "the audience then is shown")
        .await;
    app.quit().await;
}
