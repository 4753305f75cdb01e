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
//!
//! The paint-time measurement with ten years of daily audience sizes is `#[ignore]`d (a bench, not
//! a timed assertion); add `--ignored` (and `--release` for figures worth quoting) to run it.

#[allow(dead_code)]
#[path = "e2e_support/mod.rs"]
mod support;

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

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

    // The table sorts by a column heading, by mouse and by keyboard, and says so (aria-sort).
    let rate_heading = "//th[.//button[normalize-space(.)='Engagement rate']]";
    app.check(
        aria_sort(&app, rate_heading).await.as_deref() == Some("none"),
        "the rate column is not the sort at first",
    )
    .await;
    app.click_button("Engagement rate").await;
    app.check(
        aria_sort(&app, rate_heading).await.as_deref() == Some("descending"),
        "a click sorts by the rate, biggest first",
    )
    .await;
    let button = app
        .find(
            "the rate heading's button",
            "//th//button[normalize-space(.)='Engagement rate']",
        )
        .await;
    button
        .send_keys(&fantoccini::key::Key::Enter)
        .await
        .expect("press Enter on the heading");
    wait_until(&app, "Enter to reverse the sort", || async {
        aria_sort(&app, rate_heading).await.as_deref() == Some("ascending")
    })
    .await;

    // The chart shows the value under the pointer in its legend ("—" before).
    let legend = "return document.querySelector('.u-legend')?.innerText ?? '';";
    let before = app
        .client()
        .execute(legend, vec![])
        .await
        .unwrap_or_default();
    app.check(
        before
            .as_str()
            .is_some_and(|t| t.contains('—') && !t.contains("800")),
        format!("the legend shows no value before hovering: {before}"),
    )
    .await;
    // WebKitWebDriver's pointer actions (and scrolling a chart into view from a script) hang
    // under Xvfb, so the pointer's moves are the DOM events uPlot listens to on its own overlay,
    // at the middle of the chart; they need no scrolling.
    app.find("the chart", "(//div[contains(@class, 'u-over')])[1]")
        .await;
    app.client()
        .execute(
            "const over = document.querySelector('.u-over'); \
             const r = over.getBoundingClientRect(); \
             const at = { bubbles: true, clientX: r.left + r.width / 2, clientY: r.top + r.height / 2 }; \
             over.dispatchEvent(new MouseEvent('mouseenter', at)); \
             over.dispatchEvent(new MouseEvent('mousemove', at)); \
             return null;",
            vec![],
        )
        .await
        .expect("move the pointer over the chart");
    wait_until(&app, "the legend to show 800 under the pointer", || async {
        let text = app
            .client()
            .execute(legend, vec![])
            .await
            .unwrap_or_default();
        text.as_str().is_some_and(|t| t.contains("800"))
    })
    .await;

    // The recorded sizes: correct the 800 to 1,000 (40 / 1,000 = 4.0%), delete it, undo.
    let sizes = "//ul[@aria-label='Recorded sizes']";
    app.click(
        "Recorded sizes",
        "//summary[normalize-space(.)='Recorded sizes']",
    )
    .await;
    app.wait_for_text("Showing 1 of 1 sizes, newest first")
        .await;
    app.click(
        "Edit",
        &format!("{sizes}//button[normalize-space(.)='Edit']"),
    )
    .await;
    fill_in(&app, sizes, "Size", "1000").await;
    app.click_button("Save size").await;
    app.wait_for_text("Size corrected").await;
    app.wait_for_text("4.0%").await;
    app.wait_for_text("LinkedIn (followers): 1,000 on").await;
    app.click(
        "Delete",
        &format!("{sizes}//button[normalize-space(.)='Delete']"),
    )
    .await;
    app.wait_for_text("Size deleted").await;
    app.wait_for_text("No audience sizes yet").await;
    app.click_button("Undo").await;
    app.wait_for_text("LinkedIn (followers): 1,000 on").await;
    let (size, deleted): (i64, Option<i64>) = support::open_db(dir.path())
        .query_row(
            "SELECT size, deleted_at_ms FROM audience_snapshots",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .expect("the size");
    assert_eq!((size, deleted), (1000, None));

    // People: a person, a moment with its time and post, deleted and undone; edited; deleted
    // and undone. (The time shows in the locale's own format, "9:45 PM" here: the database is
    // checked for the 21:45 typed.)
    app.click_nav("People").await;
    app.wait_for_text("No one here yet").await;
    app.fill("Name", "Noor").await;
    app.click_button("Add a person").await;
    app.wait_for_text("Moments they engaged: 0").await;
    app.click_button("Add a moment").await;
    app.fill("Date", &three_days_ago.format("%Y-%m-%d").to_string())
        .await;
    app.fill("Time", "21:45").await;
    app.select_option_containing("About which post", "Why I stopped posting daily")
        .await;
    app.click_button("Save").await;
    app.wait_for_text("Reacted to a post: Why I stopped posting daily")
        .await;
    let moments = "//ul[@aria-label='Moments Noor engaged']";
    app.click(
        "Delete",
        &format!("{moments}//button[normalize-space(.)='Delete']"),
    )
    .await;
    app.wait_for_text("Moment deleted").await;
    app.wait_for_no_text("Reacted to a post: Why").await;
    app.click_button("Undo").await;
    app.wait_for_text("Reacted to a post: Why I stopped posting daily")
        .await;
    let at_ms: i64 = support::open_db(dir.path())
        .query_row("SELECT at_ms FROM contact_touches", [], |r| r.get(0))
        .expect("the moment");
    let local = chrono::TimeZone::timestamp_millis_opt(&chrono::Local, at_ms).unwrap();
    assert_eq!(local.format("%H:%M").to_string(), "21:45", "the time typed");

    app.click("Edit Noor", "//button[@aria-label='Edit Noor']")
        .await;
    let form = "//form[@aria-label='Edit Noor']";
    fill_in(&app, form, "Name", "Noor Bakker").await;
    fill_in(
        &app,
        form,
        "Link (profile or website)",
        "https://www.linkedin.com/in/noor",
    )
    .await;
    app.click(
        "Save",
        &format!("{form}//button[normalize-space(.)='Save']"),
    )
    .await;
    app.wait_for_text("https://www.linkedin.com/in/noor").await;
    app.click(
        "Delete Noor Bakker",
        "//button[@aria-label='Delete Noor Bakker']",
    )
    .await;
    app.wait_for_text("Noor Bakker is no longer in People")
        .await;
    app.wait_for_text("No one here yet").await;
    app.click_button("Undo").await;
    app.wait_for_text("https://www.linkedin.com/in/noor").await;
    app.quit().await;
}

/// The aria-sort of the first displayed element matching `xpath`.
async fn aria_sort(app: &App, xpath: &str) -> Option<String> {
    let el = app.find("a column heading", xpath).await;
    el.attr("aria-sort").await.ok().flatten()
}

/// Polls `ok` until it holds, failing (with a screenshot) after the usual wait.
async fn wait_until<F, Fut>(app: &App, what: &str, ok: F)
where
    F: Fn() -> Fut,
    Fut: std::future::Future<Output = bool>,
{
    let deadline = Instant::now() + support::WAIT;
    while !ok().await {
        if Instant::now() >= deadline {
            return app.fail(format!("waited for {what}")).await;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// Types into the field labelled `label` inside the element `scope` (an XPath), where the same
/// label also appears elsewhere on the page (the add form above a list, say).
async fn fill_in(app: &App, scope: &str, label: &str, text: &str) {
    let xpath = format!(
        "{scope}//label[normalize-space(.)={}]",
        support::xpath_literal(label)
    );
    let label_el = app.find(&format!("{label:?} in {scope}"), &xpath).await;
    let id = label_el
        .attr("for")
        .await
        .ok()
        .flatten()
        .unwrap_or_default();
    let field = app
        .find(&format!("the field {label:?}"), &format!("//*[@id='{id}']"))
        .await;
    field.clear().await.expect("clear the field");
    field.send_keys(text).await.expect("type into the field");
}

/// Ten years of heavy use: 5,000 posts with their numbers, 2,000 inquiries, and a size per day
/// for LinkedIn connections, LinkedIn followers and newsletter subscribers (10,950 snapshots).
fn seed_ten_years(dir: &Path) {
    const DAY: i64 = 86_400_000;
    const POSTS: i64 = 5_000;
    const INQUIRIES: i64 = 2_000;
    let store = afterword_core::Store::open_in_dir(dir).expect("create the database");
    let now = chrono::Utc::now().timestamp_millis();
    let start = now - 3650 * DAY;
    store
        .write(|tx| {
            let channel = |name: &str| -> rusqlite::Result<i64> {
                tx.query_row("SELECT id FROM channels WHERE name = ?1", [name], |r| r.get(0))
            };
            let (linkedin, newsletter) = (channel("LinkedIn")?, channel("Newsletter")?);
            let mut snapshot = tx.prepare(
                "INSERT INTO audience_snapshots (channel_id, measure, at_ms, size, created_at_ms)
                 VALUES (?1, ?2, ?3, ?4, ?3)",
            )?;
            for d in 0..3650 {
                let at = start + d * DAY + 8 * 3_600_000;
                snapshot.execute(rusqlite::params![linkedin, "connections", at, 50 + d * 2])?;
                snapshot.execute(rusqlite::params![linkedin, "followers", at, 80 + d * 4])?;
                snapshot.execute(rusqlite::params![newsletter, "subscribers", at, 20 + d / 3])?;
            }
            let mut post = tx.prepare(
                "INSERT INTO posts (channel_id, kind, published_at_ms, title, created_at_ms, updated_at_ms)
                 VALUES (?1, ?2, ?3, ?4, ?3, ?3)",
            )?;
            let mut metric = tx.prepare(
                "INSERT INTO post_metrics (post_id, metric, value, recorded_at_ms)
                 VALUES (?1, ?2, ?3, ?4)",
            )?;
            for i in 0..POSTS {
                let at = start + i * (3650 * DAY) / POSTS + (i * 7_919 % 600) * 60_000;
                let is_newsletter = i % 6 == 0;
                post.execute(rusqlite::params![
                    if is_newsletter { newsletter } else { linkedin },
                    if is_newsletter { "newsletter" } else { "post" },
                    at,
                    format!("Note {i}: on rest, boundaries and slow work"),
                ])?;
                let id = tx.last_insert_rowid();
                let numbers: &[(&str, i64)] = if is_newsletter {
                    &[("recipients", 300 + i % 50), ("opens", 120 + i % 40)]
                } else {
                    &[("impressions", 400 + i % 900), ("reactions", i % 60), ("comments", i % 9)]
                };
                for (name, value) in numbers {
                    metric.execute(rusqlite::params![id, name, value, at + DAY])?;
                }
            }
            let mut inquiry = tx.prepare(
                "INSERT INTO inquiries (received_at_ms, name, via, status, currency,
                                        status_changed_at_ms, created_at_ms, updated_at_ms)
                 VALUES (?1, ?2, 'email', ?3, 'EUR', ?1, ?1, ?1)",
            )?;
            for j in 0..INQUIRIES {
                let at = start + 2 * DAY + j * (3640 * DAY) / INQUIRIES;
                let status = if j % 3 == 0 { "client" } else { "talking" };
                inquiry.execute(rusqlite::params![at, format!("Person {j}"), status])?;
            }
            Ok(())
        })
        .expect("seed ten years");
}

/// Clicks "Audience" and waits for the view's own mark of the first frame with its numbers.
async fn paint_time_after_click(app: &App) -> f64 {
    let _ = app
        .client()
        .execute(
            "delete window.__afterwordAudiencePaintMs; return null;",
            vec![],
        )
        .await;
    app.click_nav("Audience").await;
    let deadline = Instant::now() + support::WAIT;
    loop {
        let v = app
            .client()
            .execute("return window.__afterwordAudiencePaintMs ?? null;", vec![])
            .await;
        if let Some(ms) = v.ok().and_then(|v| v.as_f64()) {
            return ms;
        }
        if Instant::now() >= deadline {
            return app
                .fail(
                    "the Audience view recorded no paint time (window.__afterwordAudiencePaintMs)",
                )
                .await;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

#[tokio::test]
#[ignore = "a measurement with ten years of daily audience sizes; run with --ignored"]
async fn audience_paint_time_with_ten_years_of_daily_sizes() {
    const TEST: &str = "audience_paint_time_with_ten_years_of_daily_sizes";
    const OPENS: usize = 11;
    if !support::enabled(TEST) {
        return;
    }
    let _serial = support::serial().await;
    let dir = support::data_dir();
    seed_ten_years(dir.path());
    let app = App::launch(TEST, dir.path()).await;
    app.wait_for_text("Note 4999").await;
    let mut times = Vec::new();
    for _ in 0..OPENS {
        times.push(paint_time_after_click(&app).await);
        app.wait_for_text("What the numbers say").await;
        // Let the rest of the view (every post's row, the charts) settle before the next round.
        tokio::time::sleep(Duration::from_millis(700)).await;
        app.click_nav("Settings").await;
        app.wait_for_text("Channels").await;
    }
    // Where the time goes: the round trips (backend, JSON, IPC) of the headline the first paint
    // waits for and of the overview that follows it, and the frame interval of the window at rest.
    let diagnosis = app
        .client()
        .execute(
            "return (async () => { \
             const invoke = window.__TAURI_INTERNALS__.invoke; \
             const trips = []; \
             const heads = []; \
             for (let i = 0; i < 5; i++) { \
               let t0 = performance.now(); \
               await invoke('audience_headline'); \
               heads.push(Math.round(performance.now() - t0)); \
               t0 = performance.now(); \
               await invoke('audience_overview', { first_page: 25 }); \
               trips.push(Math.round(performance.now() - t0)); \
             } \
             const frames = []; \
             let last = performance.now(); \
             for (let i = 0; i < 5; i++) { \
               await new Promise((r) => requestAnimationFrame(r)); \
               const now = performance.now(); \
               frames.push(Math.round(now - last)); \
               last = now; \
             } \
             return { trips, heads, frames }; })();",
            vec![],
        )
        .await
        .unwrap_or_default();
    println!(
        "round trips in ms: audience_headline (the first paint's) {}, audience_overview (after \
         it) {}; frames of an idle window every {} ms",
        diagnosis["heads"], diagnosis["trips"], diagnosis["frames"]
    );
    app.quit().await;
    let mut sorted = times.clone();
    sorted.sort_by(f64::total_cmp);
    let median = sorted[sorted.len() / 2];
    println!(
        "audience view, 10 years of daily sizes (3 series), 5,000 posts, 2,000 inquiries: first \
         frame with the numbers {median:.1} ms after the click that opened it (median of {OPENS}; all: {})",
        times
            .iter()
            .map(|t| format!("{t:.0}"))
            .collect::<Vec<_>>()
            .join(", ")
    );
}
