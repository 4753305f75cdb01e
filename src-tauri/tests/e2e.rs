//! End to end: the real `afterword` binary in a real WebKitGTK window (under Xvfb), driven
//! through tauri-driver and WebKitWebDriver, each test on its own empty data dir. Fields are found
//! by their visible labels and buttons by their visible text, as a person would find them.
//!
//! Runs when `AFTERWORD_E2E=1` (./test.sh); otherwise every test prints that it was skipped.
//! By hand:
//!
//! ```text
//! xvfb-run -a -s "-screen 0 1280x900x24" dbus-run-session -- \
//!     env NO_AT_BRIDGE=1 AFTERWORD_E2E=1 cargo test -p afterword --test e2e -- --nocapture
//! ```

#[path = "e2e_support/mod.rs"]
mod support;

use std::path::Path;
use std::process::Command;

use chrono::{Duration, Local, NaiveDate, NaiveTime, TimeZone};
use fantoccini::key::Key;
use support::{count_rows, open_db, App};

const POST_TITLE: &str = "Waarom ik minder post ☕ — één keer per week";
const INQUIRY_NAME: &str = "Sanne de Vries";

/// A local calendar day `days` from today (negative: in the past), as the Date field wants it.
fn local_day(days: i64) -> NaiveDate {
    Local::now().date_naive() + Duration::days(days)
}

/// Epoch milliseconds of a local date and time (as the app stores them).
fn local_ms(day: NaiveDate, hh: u32, mm: u32) -> i64 {
    let at = day.and_time(NaiveTime::from_hms_opt(hh, mm, 0).expect("valid time"));
    Local
        .from_local_datetime(&at)
        .earliest()
        .expect("a local time that exists")
        .timestamp_millis()
}

/// Logs a post through "Log a post" and waits until the list shows it.
/// The day's automatic backup, written once the first view is there: waits for it up to 10 s.
async fn wait_for_daily_backup(data_dir: &Path) -> Option<std::path::PathBuf> {
    let dir = afterword_core::backup::backups_dir(data_dir);
    for _ in 0..100 {
        let daily = std::fs::read_dir(&dir).ok().and_then(|entries| {
            entries.filter_map(Result::ok).map(|e| e.path()).find(|p| {
                p.file_name()
                    .and_then(|n| n.to_str())
                    .is_some_and(|n| afterword_core::backup::daily_day(n).is_some())
            })
        });
        if daily.is_some() {
            return daily;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    None
}

async fn log_post(app: &App, day: NaiveDate, time: &str, title: &str) {
    app.click_nav("Posts").await;
    app.click_button("Log a post").await;
    app.select_option("Channel", "LinkedIn").await;
    app.fill("Date", &day.format("%Y-%m-%d").to_string()).await;
    app.fill("Time", time).await;
    app.fill("Title", title).await;
    app.fill(
        "Text or excerpt",
        "Minder posten, meer zeggen. Een kleine proef: één bericht per week, met aandacht geschreven.",
    )
    .await;
    app.select_option("How did it feel to write?", "Energising")
        .await;
    app.select_option("Why did you post it?", "Wanted to share")
        .await;
    app.fill("Minutes spent", "40").await;
    app.click_button("Save post").await;
    app.wait_for_text("Post saved").await;
    app.wait_for_text(title).await;
}

#[tokio::test]
async fn logs_a_post_and_an_inquiry_and_they_survive_a_restart() {
    const TEST: &str = "logs_a_post_and_an_inquiry_and_they_survive_a_restart";
    if !support::enabled(TEST) {
        return;
    }
    let _serial = support::serial().await;
    let dir = support::data_dir();
    let post_day = local_day(-2);
    let inquiry_day = local_day(-1);

    let app = App::launch(TEST, dir.path()).await;
    let title = app.title().await;
    app.check(title == "Afterword", format!("window title is {title:?}"))
        .await;
    // The hidden window's page had the window's size when it laid out its first view, so the
    // first frame is that layout, not a second one at show time.
    let mark = app.startup_mark().await;
    let viewport = mark
        .lines()
        .find_map(|line| line.strip_prefix("page:viewport-"))
        .and_then(|rest| rest.split_once(' '))
        .and_then(|(size, _)| size.split_once('x'))
        .and_then(|(w, h)| Some((w.parse::<u32>().ok()?, h.parse::<u32>().ok()?)));
    app.check(
        viewport.is_some_and(|(w, h)| w >= 760 && h >= 560),
        format!("the first view was laid out at {viewport:?} (the window's at least 760x560); mark file:\n{mark}"),
    )
    .await;

    // An empty start says what to do first.
    app.wait_for_text("Nothing logged yet").await;
    let backup = wait_for_daily_backup(dir.path()).await;
    app.check(
        backup.is_some(),
        "no automatic backup of the day 10 s after the first view",
    )
    .await;
    log_post(&app, post_day, "09:30", POST_TITLE).await;
    let tags_ok = app.page_text().await.is_ok_and(|t| {
        t.contains("Energising") && t.contains("Wanted to share") && t.contains("LinkedIn")
    });
    app.check(
        tags_ok,
        "the post's channel, feeling and motive are not shown in the list",
    )
    .await;

    // The inquiry, crediting that post.
    app.click_nav("Inquiries").await;
    app.wait_for_text("No inquiries yet").await;
    app.click_button("Log an inquiry").await;
    app.fill("Date", &inquiry_day.format("%Y-%m-%d").to_string())
        .await;
    app.fill("Time", "14:15").await;
    app.fill("Name", INQUIRY_NAME).await;
    app.fill("Organisation", "Studio Noord").await;
    app.select_option("How did they reach out?", "Email").await;
    app.fill(
        "In their own words, how did they find you?",
        "Ik las je stuk over minder posten en dacht: dit is wat ik nodig heb.",
    )
    .await;
    app.select_option_containing("Confirmed source post", POST_TITLE)
        .await;
    app.select_option("Status", "Client").await;
    app.fill("Value", "1500,00").await;
    let currency = app.value_of("Currency").await;
    app.check(
        currency == "EUR",
        format!("the currency starts as {currency:?}, not EUR"),
    )
    .await;
    app.click_button("Save inquiry").await;
    app.wait_for_text("Inquiry saved").await;
    app.wait_for_text(INQUIRY_NAME).await;
    app.wait_for_text(&format!("Came from: {POST_TITLE}")).await;
    app.wait_for_text("€1,500.00").await;

    // Quit (the window closes, the process ends), then start again on the same data dir.
    app.quit().await;
    assert!(
        support::app_pids(dir.path()).is_empty(),
        "the app is still running"
    );

    let app = App::launch(TEST, dir.path()).await;
    app.wait_for_text(POST_TITLE).await;
    app.click_nav("Inquiries").await;
    app.wait_for_text(INQUIRY_NAME).await;
    app.wait_for_text(&format!("Came from: {POST_TITLE}")).await;
    app.quit().await;

    // And in the file itself.
    let db = open_db(dir.path());
    let (post_id, published_at_ms, post_title, felt, motive, minutes): (
        i64,
        i64,
        String,
        String,
        String,
        i64,
    ) = db
        .query_row(
            "SELECT id, published_at_ms, title, felt, motive, minutes FROM posts",
            [],
            |r| {
                Ok((
                    r.get(0)?,
                    r.get(1)?,
                    r.get(2)?,
                    r.get(3)?,
                    r.get(4)?,
                    r.get(5)?,
                ))
            },
        )
        .expect("exactly one post row");
    assert_eq!(post_title, POST_TITLE);
    assert_eq!(
        published_at_ms,
        local_ms(post_day, 9, 30),
        "09:30 local time"
    );
    assert_eq!(
        (felt.as_str(), motive.as_str(), minutes),
        ("energising", "wanted", 40)
    );
    let (name, source_post_id, status, value_cents, currency, received_at_ms): (
        String,
        Option<i64>,
        String,
        Option<i64>,
        String,
        i64,
    ) = db
        .query_row(
            "SELECT name, source_post_id, status, value_cents, currency, received_at_ms \
             FROM inquiries",
            [],
            |r| {
                Ok((
                    r.get(0)?,
                    r.get(1)?,
                    r.get(2)?,
                    r.get(3)?,
                    r.get(4)?,
                    r.get(5)?,
                ))
            },
        )
        .expect("exactly one inquiry row");
    assert_eq!(name, INQUIRY_NAME);
    assert_eq!(source_post_id, Some(post_id));
    assert_eq!(status, "client");
    assert_eq!(value_cents, Some(150_000));
    assert_eq!(currency, "EUR");
    assert_eq!(received_at_ms, local_ms(inquiry_day, 14, 15));
    assert_eq!(count_rows(dir.path(), "posts"), 1);
    assert_eq!(count_rows(dir.path(), "inquiries"), 1);
}

#[tokio::test]
async fn a_bad_date_shows_an_error_and_saves_nothing() {
    const TEST: &str = "a_bad_date_shows_an_error_and_saves_nothing";
    if !support::enabled(TEST) {
        return;
    }
    let _serial = support::serial().await;
    let dir = support::data_dir();
    let app = App::launch(TEST, dir.path()).await;

    app.click_button("Log a post").await;
    app.fill("Date", "2026-02-30").await;
    app.fill("Time", "09:30").await;
    app.fill("Title", "A day that never was").await;
    app.click_button("Save post").await;
    let error = app.field_error("Date").await;
    app.check(
        error.contains("not a valid date"),
        format!("the error next to Date reads {error:?}"),
    )
    .await;
    app.check(
        app.is_marked_invalid("Date").await,
        "Date is not marked aria-invalid",
    )
    .await;
    // The form stays open with what was typed.
    app.check(app.has_button("Save post").await, "the form closed")
        .await;
    let typed = app.value_of("Title").await;
    app.check(
        typed == "A day that never was",
        format!("the title now reads {typed:?}"),
    )
    .await;
    app.check(count_rows(dir.path(), "posts") == 0, "a post was saved")
        .await;

    // More than a day ahead.
    let ahead = local_day(3).format("%Y-%m-%d").to_string();
    app.fill("Date", &ahead).await;
    app.click_button("Save post").await;
    app.wait_for_text("more than a day from now").await;
    let error = app.field_error("Date").await;
    app.check(
        error.contains("more than a day from now"),
        format!("the error next to Date reads {error:?}"),
    )
    .await;
    app.check(app.has_button("Save post").await, "the form closed")
        .await;
    app.check(count_rows(dir.path(), "posts") == 0, "a post was saved")
        .await;

    // Fixing the date saves it, and the error goes away.
    let today = local_day(0).format("%Y-%m-%d").to_string();
    app.fill("Date", &today).await;
    app.fill("Time", "00:00").await;
    app.click_button("Save post").await;
    app.wait_for_text("Post saved").await;
    app.wait_for_no_text("more than a day from now").await;
    app.quit().await;
    assert_eq!(count_rows(dir.path(), "posts"), 1);
}

#[tokio::test]
async fn sample_data_is_separate() {
    const TEST: &str = "sample_data_is_separate";
    if !support::enabled(TEST) {
        return;
    }
    let _serial = support::serial().await;
    let dir = support::data_dir();
    let app = App::launch(TEST, dir.path()).await;

    app.wait_for_text("Nothing logged yet").await;
    page_may_not_call_what_the_acl_leaves_out(&app).await;
    web_process_holds_no_writable_code(&app, dir.path()).await;
    app.click_button("Try with sample data").await;
    app.wait_for_text("Letter #3: the year I almost quit").await;
    app.wait_for_text("You are looking at sample data").await;
    app.check(
        count_rows(dir.path(), "posts") == 0,
        "sample posts went into the user's database",
    )
    .await;
    app.click_nav("Inquiries").await;
    app.wait_for_text("Came from: Letter #3: the year I almost quit")
        .await;
    app.check(
        count_rows(dir.path(), "inquiries") == 0,
        "sample inquiries went into the user's database",
    )
    .await;

    app.click_button("Back to my data").await;
    app.wait_for_text("No inquiries yet").await;
    app.click_nav("Posts").await;
    app.wait_for_text("Nothing logged yet").await;
    app.wait_for_no_text("Letter #3").await;
    app.wait_for_no_text("You are looking at sample data").await;
    app.quit().await;

    assert_eq!(count_rows(dir.path(), "posts"), 0);
    assert_eq!(count_rows(dir.path(), "inquiries"), 0);
    assert!(
        !dir.path().join("afterword-demo.sqlite3").exists(),
        "the sample database was left behind"
    );
}

/// The page's engine runs without its JIT (afterword_lib::web_engine): WebKit's web process, the
/// one that shows the user's data, got the setting, and JavaScriptCore set up no pool for JIT
/// code (with the JIT it reserves one writable and executable region of about 1 GB at start).
/// Smaller writable and executable regions may be there: Mesa's software renderer (llvmpipe, on
/// machines without a GPU driver, like CI) compiles its shaders with LLVM.
async fn web_process_holds_no_writable_code(app: &App, dir: &Path) {
    const JIT_POOL_MIN_KB: u64 = 64 * 1024;
    let pids = support::app_pids(dir);
    app.check(
        pids.len() == 1,
        format!("expected one app process, found {pids:?}"),
    )
    .await;
    let web = support::children_named(pids[0], "WebKitWebProces");
    app.check(!web.is_empty(), "the app has no WebKit web process")
        .await;
    for pid in web {
        let environ = std::fs::read(format!("/proc/{pid}/environ")).unwrap_or_default();
        app.check(
            environ.split(|b| *b == 0).any(|v| v == b"JSC_useJIT=false"),
            format!("web process {pid} runs without JSC_useJIT=false"),
        )
        .await;
        let maps = std::fs::read_to_string(format!("/proc/{pid}/maps")).unwrap_or_default();
        let jit_pools: Vec<&str> = maps
            .lines()
            .filter(|l| {
                let mut fields = l.split_whitespace();
                let range = fields.next().unwrap_or_default();
                let writable_code = fields.next().is_some_and(|p| p.starts_with("rwx"));
                let kb = range
                    .split_once('-')
                    .and_then(|(a, b)| {
                        let a = u64::from_str_radix(a, 16).ok()?;
                        let b = u64::from_str_radix(b, 16).ok()?;
                        Some(b.saturating_sub(a) / 1024)
                    })
                    .unwrap_or(0);
                writable_code && kb >= JIT_POOL_MIN_KB
            })
            .collect();
        app.check(
            !maps.is_empty() && jit_pools.is_empty(),
            format!("web process {pid}: a JIT pool (writable and executable): {jit_pools:?}"),
        )
        .await;
    }
}

/// The shipped capabilities (not a mock): the opener plugin is registered for Rust's own use
/// (`open_link` checks the scheme first), and the page has no permission to call it directly;
/// nor to listen to Tauri events (it needs none); a command that does not exist is refused too.
/// Each call must reject, and say why.
async fn page_may_not_call_what_the_acl_leaves_out(app: &App) {
    for (cmd, args, why) in [
        (
            "plugin:opener|open_url",
            serde_json::json!({ "url": "file:///etc/passwd" }),
            "not allowed",
        ),
        (
            "plugin:event|listen",
            serde_json::json!({ "event": "navigate", "target": { "kind": "Any" }, "handler": 1 }),
            "not allowed",
        ),
        ("drop_all_tables", serde_json::json!({}), "not found"),
    ] {
        let outcome = app
            .client()
            .execute(
                "return window.__TAURI_INTERNALS__.invoke(arguments[0], arguments[1]) \
                 .then((v) => ['answered', JSON.stringify(v)], (e) => ['refused', String(e)]);",
                vec![cmd.into(), args],
            )
            .await;
        let (kind, text) = match &outcome {
            Ok(v) => (
                v[0].as_str().unwrap_or_default().to_string(),
                v[1].as_str().unwrap_or_default().to_string(),
            ),
            Err(e) => {
                app.fail(format!("could not call {cmd} from the page: {e}"))
                    .await
            }
        };
        app.check(
            kind == "refused" && text.contains(why),
            format!("the page called {cmd}: {kind} {text:?} (wanted a refusal saying {why:?})"),
        )
        .await;
    }
}

/// Logs a post with the command line on the same binary, headless; returns its id.
fn cli_log_post(dir: &Path, at: &str, title: &str) -> i64 {
    let out = Command::new(support::APP)
        .arg("--data-dir")
        .arg(dir)
        .args([
            "log",
            "post",
            "--channel",
            "LinkedIn",
            "--at",
            at,
            "--title",
            title,
        ])
        .output()
        .expect("run afterword log post");
    assert!(
        out.status.success(),
        "afterword log post failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout)
        .trim()
        .parse()
        .expect("log post prints the new id")
}

#[tokio::test]
async fn deleting_a_post_can_be_undone() {
    const TEST: &str = "deleting_a_post_can_be_undone";
    if !support::enabled(TEST) {
        return;
    }
    let _serial = support::serial().await;
    let dir = support::data_dir();
    let title = "Notes from a quiet week";
    let at = format!("{} 08:00", local_day(-3).format("%Y-%m-%d"));
    let id = cli_log_post(dir.path(), &at, title);
    // Thirty older posts: the list shows the newest 20 and offers the rest; so do the lists of
    // inquiries and people.
    seed_older_posts(dir.path(), 30);
    seed_older_inquiries(dir.path(), 30);
    let deleted = |dir: &Path| -> bool {
        open_db(dir)
            .query_row(
                "SELECT deleted_at_ms IS NOT NULL FROM posts WHERE id = ?1",
                [id],
                |r| r.get(0),
            )
            .expect("the post row")
    };

    let app = App::launch(TEST, dir.path()).await;
    app.wait_for_text(title).await;
    // The Delete button of that post's entry in the list.
    let xpath = format!(
        "//li[.//*[self::h2 or self::h3][normalize-space(.)={}]]//button[normalize-space(.)='Delete']",
        support::xpath_literal(title)
    );
    app.click(&format!("Delete on {title:?}"), &xpath).await;
    app.wait_for_text("Post deleted").await;
    app.wait_for_no_text(title).await;
    app.check(deleted(dir.path()), "the post is not marked deleted")
        .await;

    app.click_button("Undo").await;
    app.wait_for_text(title).await;
    app.check(!deleted(dir.path()), "undo did not restore the post")
        .await;

    pages_through(&app, "31", "Older note 30", "Show 11 more").await;
    app.click_nav("Inquiries").await;
    pages_through(&app, "30", "Older asker 30", "Show 10 more").await;
    // Each asker is a person too, newest activity first.
    app.click_nav("People").await;
    pages_through(&app, "30", "Older asker 30", "Show 10 more").await;
    // The search reaches everyone, not only the page on screen, and starts from the first page.
    app.fill("Find a person", "ASKER 30").await;
    app.wait_for_no_text("Older asker 29").await;
    app.wait_for_text("Older asker 30").await;
    app.fill("Find a person", "older").await;
    app.wait_for_text("Showing 20 of 30").await;
    app.fill("Find a person", "nobody by this name").await;
    app.wait_for_text("No one here matches that search.").await;
    app.quit().await;
    assert_eq!(count_rows(dir.path(), "posts"), 31);
}

/// `n` LinkedIn posts "Older note 1" .. "Older note n", a day apart, the oldest `n + 10` days ago.
fn seed_older_posts(dir: &Path, n: i64) {
    const DAY_MS: i64 = 86_400_000;
    let store = afterword_core::Store::open_in_dir(dir).expect("open the database");
    let now = chrono::Utc::now().timestamp_millis();
    store
        .write(|tx| {
            let linkedin: i64 =
                tx.query_row("SELECT id FROM channels WHERE name = 'LinkedIn'", [], |r| {
                    r.get(0)
                })?;
            let mut insert = tx.prepare(
                "INSERT INTO posts (channel_id, kind, published_at_ms, title, created_at_ms, updated_at_ms)
                 VALUES (?1, 'post', ?2, ?3, ?2, ?2)",
            )?;
            for k in 1..=n {
                let at = now - (10 + k) * DAY_MS;
                insert.execute(rusqlite::params![linkedin, at, format!("Older note {k}")])?;
            }
            Ok(())
        })
        .expect("seed older posts");
}

/// The list on screen shows its first twenty of `total` rows without `oldest`, and `more` shows
/// the rest, `oldest` included, with no button left.
async fn pages_through(app: &App, total: &str, oldest: &str, more: &str) {
    app.wait_for_text(&format!("Showing 20 of {total}")).await;
    app.check(
        !app.page_text().await.unwrap_or_default().contains(oldest),
        format!("{oldest:?} is listed before asking for more"),
    )
    .await;
    app.click_button(more).await;
    app.wait_for_text(oldest).await;
    app.wait_for_text(&format!("Showing {total} of {total}"))
        .await;
    app.check(
        !app.has_button(more).await,
        "a 'more' button is left when everything is shown",
    )
    .await;
}

/// `n` inquiries, "Older asker 1" (yesterday) to "Older asker n" (n days ago).
fn seed_older_inquiries(dir: &Path, n: i64) {
    let store = afterword_core::Store::open_in_dir(dir).expect("open the database");
    let now = chrono::Utc::now().timestamp_millis();
    for k in 1..=n {
        let input = afterword_core::model::InquiryInput {
            name: format!("Older asker {k}"),
            received_at: format!("{} 10:00", local_day(-k).format("%Y-%m-%d")),
            ..Default::default()
        };
        let valid =
            afterword_core::validate::inquiry(&input, now, &Local).expect("a valid inquiry");
        store.create_inquiry(&valid, now).expect("seed an inquiry");
    }
}

#[tokio::test]
async fn the_post_form_works_by_keyboard() {
    const TEST: &str = "the_post_form_works_by_keyboard";
    if !support::enabled(TEST) {
        return;
    }
    let _serial = support::serial().await;
    let dir = support::data_dir();
    let app = App::launch(TEST, dir.path()).await;

    // Opening the form puts the cursor in its first field; Esc closes it and the focus goes back.
    app.click_button("Log a post").await;
    app.check(
        app.has_focus("Channel").await,
        format!("the focus is on {:?}, not Channel", app.focused().await),
    )
    .await;
    app.press(Key::Escape).await;
    app.wait_for_no_text("A title or a bit of the text is enough")
        .await;
    let focused = app.focused().await;
    app.check(
        focused.1 == "Log a post",
        format!("after Esc the focus is on {focused:?}"),
    )
    .await;

    // Enter in a field saves, like any form.
    app.press(Key::Enter).await;
    app.fill("Title", "Typed without a mouse").await;
    app.press(Key::Enter).await;
    app.wait_for_text("Post saved").await;
    app.wait_for_text("Typed without a mouse").await;
    app.quit().await;
    assert_eq!(count_rows(dir.path(), "posts"), 1);
}

#[tokio::test]
async fn follows_a_dutch_system_and_remembers_a_chosen_language() {
    const TEST: &str = "follows_a_dutch_system_and_remembers_a_chosen_language";
    if !support::enabled(TEST) {
        return;
    }
    let _serial = support::serial().await;
    let dir = support::data_dir();
    let app = App::launch_with_locale(TEST, dir.path(), "nl_NL.UTF-8").await;
    app.wait_for_text("Nog niets gelogd").await;
    app.click_nav("Instellingen").await;
    app.select_option("Taal", "English").await;
    app.wait_for_text("Language").await;
    app.click_nav("Posts").await;
    app.wait_for_text("Nothing logged yet").await;
    app.quit().await;

    // Still a Dutch system, but the choice was kept.
    let app = App::launch_with_locale(TEST, dir.path(), "nl_NL.UTF-8").await;
    app.wait_for_text("Nothing logged yet").await;
    app.quit().await;

    // The POSIX locale: WebKitGTK reports navigator.language "C", which once left the window
    // blank (a chart library read it at load). The window works and follows the saved choice.
    let app = App::launch_with_locale(TEST, dir.path(), "C.UTF-8").await;
    app.wait_for_text("Nothing logged yet").await;
    app.click_nav("Insights").await;
    app.wait_for_text("Nothing to look back on yet").await;
    app.quit().await;
}
