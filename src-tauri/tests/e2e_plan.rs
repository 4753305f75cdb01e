//! End to end: the Plan view and the reminder settings of the real `afterword` binary in a real
//! WebKitGTK window, each test on its own empty data dir. Fields are found by their visible
//! labels and buttons by their visible text, as a person would find them.
//!
//! Runs when `AFTERWORD_E2E=1` (./test.sh); otherwise every test prints that it was skipped.
//! By hand (build the UI first: `cd ui && npm run build`):
//!
//! ```text
//! xvfb-run -a -s "-screen 0 1280x900x24" dbus-run-session -- \
//!     env NO_AT_BRIDGE=1 AFTERWORD_E2E=1 cargo test -p afterword --test e2e_plan -- --nocapture
//! ```

// The harness serves several test binaries; this one uses only part of it.
#[allow(dead_code)]
#[path = "e2e_support/mod.rs"]
mod support;

use afterword_core::model::{InquiryInput, InquiryStatus};
use afterword_core::{validate, Clock, Store, SystemClock};
use chrono::{Duration, Local, NaiveDate};
use fantoccini::key::Key;
use support::{count_rows, open_db, xpath_literal, App};

const IDEA_TITLE: &str = "Waarom rust geen luxe is";
const IDEA_NOTE: &str = "Over de week waarin ik niets postte, en wat er toen gebeurde.";

/// A local calendar day `days` from today.
fn local_day(days: i64) -> NaiveDate {
    Local::now().date_naive() + Duration::days(days)
}

fn ymd(day: NaiveDate) -> String {
    day.format("%Y-%m-%d").to_string()
}

/// The calendar cell of `day` holding an item of `class` ("idea" or "post") that reads `text`.
fn calendar_item(day: NaiveDate, class: &str, text: &str) -> String {
    format!(
        "//td[@id='cal-{}']//li[contains(concat(' ', @class, ' '), ' {class} ')][contains(normalize-space(.), {})]",
        ymd(day),
        xpath_literal(text)
    )
}

/// The button `button` in the list entry whose heading reads `heading`.
fn button_in_entry(heading: &str, button: &str) -> String {
    format!(
        "//li[.//*[self::h2 or self::h3][normalize-space(.)={}]]//button[normalize-space(.)={}]",
        xpath_literal(heading),
        xpath_literal(button)
    )
}

/// The visible text of the selected option of the select with this id.
async fn selected_text(app: &App, select_id: &str) -> String {
    let script = format!(
        "const s = document.getElementById({select_id:?}); \
         return s && s.selectedOptions.length ? s.selectedOptions[0].textContent.trim() : '';"
    );
    match app.client().execute(&script, vec![]).await {
        Ok(v) => v.as_str().unwrap_or_default().to_string(),
        Err(e) => app.fail(format!("could not read #{select_id}: {e}")).await,
    }
}

/// Empties the field labelled `label` by typing, as a person would (a WebDriver clear alone
/// sends no input event, so the page would not notice).
async fn empty(app: &App, label: &str) {
    let el = app.field(label).await;
    let typed = async {
        el.clear().await?;
        el.send_keys("x").await?;
        el.send_keys(&Key::Backspace).await
    };
    if let Err(e) = typed.await {
        app.fail::<()>(format!("could not empty {label:?}: {e}"))
            .await;
    }
    let value = el.prop("value").await.ok().flatten().unwrap_or_default();
    app.check(value.is_empty(), format!("{label:?} still holds {value:?}"))
        .await;
}

/// Whether the checkbox labelled `label` is ticked.
async fn is_checked(app: &App, label: &str) -> bool {
    let el = app.field(label).await;
    el.prop("checked").await.ok().flatten().as_deref() == Some("true")
}

#[tokio::test]
async fn plans_an_idea_and_turns_it_into_a_post() {
    const TEST: &str = "plans_an_idea_and_turns_it_into_a_post";
    if !support::enabled(TEST) {
        return;
    }
    let _serial = support::serial().await;
    let dir = support::data_dir();
    let today = local_day(0);
    let tomorrow = local_day(1);
    let app = App::launch(TEST, dir.path()).await;

    app.click_nav("Plan").await;
    app.wait_for_text("Your own rhythm").await;
    app.wait_for_text("No ideas yet").await;

    // An idea for today, on LinkedIn.
    app.click_button("Add an idea").await;
    app.check(
        app.has_focus("The idea in a few words").await,
        format!(
            "the form opened with the focus on {:?}",
            app.focused().await
        ),
    )
    .await;
    app.fill("The idea in a few words", IDEA_TITLE).await;
    app.fill("Note", IDEA_NOTE).await;
    app.fill("Planned day", &ymd(today)).await;
    app.select_option("Channel", "LinkedIn").await;
    app.click_button("Save idea").await;
    app.wait_for_text("Idea saved").await;
    app.wait_for_text("Planned for Today").await;

    // It is in the calendar on today, in the month and in the week.
    app.find(
        "the idea on today in the month",
        &calendar_item(today, "idea", IDEA_TITLE),
    )
    .await;
    app.click_button("Week").await;
    app.find(
        "the idea on today in the week",
        &calendar_item(today, "idea", IDEA_TITLE),
    )
    .await;
    app.click_button("Month").await;

    // The calendar by keyboard: a day, the next one, Enter plans an idea there; Esc goes back.
    let today_cell = format!("//td[@id='cal-{}']", ymd(today));
    app.click("today's calendar cell", &today_cell).await;
    app.press(Key::Right).await;
    let focused = app.focused().await;
    app.check(
        focused.0 == format!("cal-{}", ymd(tomorrow)),
        format!("after → the focus is on {focused:?}"),
    )
    .await;
    app.press(Key::Enter).await;
    app.wait_for_text("A few words are enough").await;
    let planned = app.value_of("Planned day").await;
    app.check(
        planned == ymd(tomorrow),
        format!("Enter on tomorrow planned the idea on {planned:?}"),
    )
    .await;
    app.press(Key::Escape).await;
    app.wait_for_no_text("A few words are enough").await;
    let focused = app.focused().await;
    app.check(
        focused.0 == format!("cal-{}", ymd(tomorrow)),
        format!("after Esc the focus is on {focused:?}"),
    )
    .await;

    // Turn it into a post: the post form starts from the idea.
    app.click(
        "Turn into a post",
        &button_in_entry(IDEA_TITLE, "Turn into a post"),
    )
    .await;
    app.wait_for_text("Turn an idea into a post").await;
    let title = app.value_of("Title").await;
    let text = app.value_of("Text or excerpt").await;
    let date = app.value_of("Date").await;
    let channel = selected_text(&app, "post-channel").await;
    app.check(
        title == IDEA_TITLE && text == IDEA_NOTE && date == ymd(today) && channel == "LinkedIn",
        format!(
            "the post form holds title {title:?}, text {text:?}, date {date:?}, channel {channel:?}"
        ),
    )
    .await;
    app.click_button("Save post").await;
    app.wait_for_text("Post saved, and the idea is marked as done")
        .await;
    app.wait_for_text("Became posts").await;
    app.wait_for_text("Became a post on").await;
    app.wait_for_text("No ideas yet").await;
    app.find(
        "the post on today in the calendar",
        &calendar_item(today, "post", IDEA_TITLE),
    )
    .await;
    app.check(
        app.client()
            .find_all(fantoccini::Locator::XPath(&calendar_item(
                today, "idea", IDEA_TITLE,
            )))
            .await
            .is_ok_and(|found| found.is_empty()),
        "the idea still shows in the calendar next to the post it became",
    )
    .await;
    // The rhythm counts it.
    app.wait_for_text("Too early to tell: 1 post so far.").await;

    // And the posts page has it.
    app.click_nav("Posts").await;
    app.wait_for_text(IDEA_TITLE).await;
    app.quit().await;

    let db = open_db(dir.path());
    let (post_id, post_title, post_text): (i64, String, String) = db
        .query_row("SELECT id, title, text FROM posts", [], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?))
        })
        .expect("exactly one post");
    assert_eq!(
        (post_title.as_str(), post_text.as_str()),
        (IDEA_TITLE, IDEA_NOTE)
    );
    let (idea_post, planned_for): (Option<i64>, Option<String>) = db
        .query_row("SELECT post_id, planned_for_day FROM ideas", [], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })
        .expect("exactly one idea");
    assert_eq!(idea_post, Some(post_id), "the idea links the post");
    assert_eq!(planned_for, Some(ymd(today)));
    assert_eq!(count_rows(dir.path(), "ideas"), 1);
}

#[tokio::test]
async fn deleting_an_idea_can_be_undone() {
    const TEST: &str = "deleting_an_idea_can_be_undone";
    if !support::enabled(TEST) {
        return;
    }
    let _serial = support::serial().await;
    let dir = support::data_dir();
    let app = App::launch(TEST, dir.path()).await;
    let title = "Een brief aan mijn jongere zelf";

    app.click_nav("Plan").await;
    app.click_button("Add an idea").await;
    app.fill("The idea in a few words", title).await;
    // Not a day: refused next to the field, nothing saved.
    app.fill("Planned day", "2026-02-30").await;
    app.click_button("Save idea").await;
    let error = app.field_error("Planned day").await;
    app.check(
        error.contains("not a calendar day"),
        format!("the error next to Planned day reads {error:?}"),
    )
    .await;
    app.check(count_rows(dir.path(), "ideas") == 0, "an idea was saved")
        .await;
    empty(&app, "Planned day").await;
    app.click_button("Save idea").await;
    app.wait_for_text("Idea saved").await;
    app.wait_for_text("No day yet").await;

    app.click("Delete on the idea", &button_in_entry(title, "Delete"))
        .await;
    app.wait_for_text("Idea deleted").await;
    app.wait_for_text("No ideas yet").await;
    app.click_button("Undo").await;
    app.wait_for_text(title).await;
    app.quit().await;

    let deleted: bool = open_db(dir.path())
        .query_row("SELECT deleted_at_ms IS NOT NULL FROM ideas", [], |r| {
            r.get(0)
        })
        .expect("the idea row");
    assert!(!deleted, "undo did not bring the idea back");
}

#[tokio::test]
async fn sets_a_soft_target_and_keeps_reminder_settings() {
    const TEST: &str = "sets_a_soft_target_and_keeps_reminder_settings";
    if !support::enabled(TEST) {
        return;
    }
    let _serial = support::serial().await;
    let dir = support::data_dir();
    let app = App::launch(TEST, dir.path()).await;

    // A soft target for LinkedIn: off until chosen.
    app.click_nav("Plan").await;
    app.wait_for_text("No soft target.").await;
    app.click(
        "Set a soft target for LinkedIn",
        &button_in_entry("LinkedIn", "Set a soft target"),
    )
    .await;
    app.fill("About every", "0").await;
    app.click_button("Save soft target").await;
    let error = app.field_error("About every").await;
    app.check(
        error.contains("1 to 365 days"),
        format!("the error next to About every reads {error:?}"),
    )
    .await;
    app.fill("About every", "2").await;
    app.select_option("Days or weeks", "weeks").await;
    app.click_button("Save soft target").await;
    app.wait_for_text("Soft target saved").await;
    app.wait_for_text("Soft target: about every 2 weeks.").await;
    let every_days: Option<i64> = open_db(dir.path())
        .query_row(
            "SELECT t.every_days FROM rhythm_targets t JOIN channels c ON c.id = t.channel_id \
             WHERE c.name = 'LinkedIn'",
            [],
            |r| r.get(0),
        )
        .expect("a target row for LinkedIn");
    app.check(
        every_days == Some(14),
        format!("LinkedIn's target is {every_days:?} days"),
    )
    .await;

    // Reminders: a refused value saves nothing; a good one is kept.
    app.click_nav("Settings").await;
    app.wait_for_text("Few and kind").await;
    let days = app.value_of("After how many quiet days").await;
    app.check(
        days == "5",
        format!("follow-ups start at {days:?} days, not 5"),
    )
    .await;
    app.check(
        !is_checked(&app, "Weekly review").await,
        "the weekly review starts on",
    )
    .await;
    // The soft target just set is the next thing that may remind, in plain words.
    app.wait_for_text("Next gentle reminder:").await;
    app.wait_for_text("room for a LinkedIn post").await;
    app.fill("After how many quiet days", "7").await;
    app.field("Weekly review")
        .await
        .click()
        .await
        .expect("tick Weekly review");
    app.select_option("Day of the week", "Thursday").await;
    app.fill("Quiet from", "25:00").await;
    app.click_button("Save reminder settings").await;
    let error = app.field_error("Quiet from").await;
    app.check(
        error.contains("not a time of day"),
        format!("the error next to Quiet from reads {error:?}"),
    )
    .await;
    app.fill("Quiet from", "17:30").await;
    app.click_button("Save reminder settings").await;
    app.wait_for_text("Saved").await;
    app.wait_for_text("Next gentle reminder:").await;

    // Away and back: the settings are what was saved.
    app.click_nav("Posts").await;
    app.click_nav("Settings").await;
    app.wait_for_text("Few and kind").await;
    app.wait_for_text("Next gentle reminder:").await;
    let days = app.value_of("After how many quiet days").await;
    let quiet = app.value_of("Quiet from").await;
    let weekday = selected_text(&app, "reminders-weekday").await;
    app.check(
        days == "7" && quiet == "17:30" && weekday == "Thursday",
        format!("after reopening: {days:?} days, quiet from {quiet:?}, review on {weekday:?}"),
    )
    .await;
    app.check(
        is_checked(&app, "Weekly review").await,
        "the weekly review is off again",
    )
    .await;

    // A break: snooze for a day says until when, and Resume ends it.
    app.click_button("Snooze for a day").await;
    app.wait_for_text("Snoozed until").await;
    app.click_button("Resume").await;
    app.wait_for_text("Reminders are on again").await;
    app.quit().await;

    let saved: String = open_db(dir.path())
        .query_row(
            "SELECT value FROM settings WHERE key = 'reminders'",
            [],
            |r| r.get(0),
        )
        .expect("saved reminder settings");
    let saved: serde_json::Value = serde_json::from_str(&saved).expect("settings are JSON");
    assert_eq!(saved["follow_up_days"], 7);
    assert_eq!(saved["weekly_review"], true);
    assert_eq!(saved["weekly_review_weekday"], 4);
    assert_eq!(saved["quiet_from"], "17:30");
}

#[tokio::test]
async fn an_open_inquiry_can_be_marked_as_followed_up() {
    const TEST: &str = "an_open_inquiry_can_be_marked_as_followed_up";
    if !support::enabled(TEST) {
        return;
    }
    let _serial = support::serial().await;
    let dir = support::data_dir();
    {
        let store = Store::open_in_dir(dir.path()).expect("open the test database");
        let now = SystemClock.now_ms();
        let received = (Local::now() - Duration::days(6))
            .format("%Y-%m-%d %H:%M")
            .to_string();
        for (name, status) in [
            ("Sanne de Vries", InquiryStatus::Talking),
            ("Joris Bakker", InquiryStatus::Client),
        ] {
            let input = InquiryInput {
                name: name.into(),
                received_at: received.clone(),
                status,
                ..InquiryInput::default()
            };
            let valid = validate::inquiry(&input, now, &Local).expect("a valid inquiry");
            store.create_inquiry(&valid, now).expect("save the inquiry");
        }
    }
    let app = App::launch(TEST, dir.path()).await;
    app.click_nav("Inquiries").await;
    app.wait_for_text("Joris Bakker").await;
    // Only the open one offers it.
    let buttons = app
        .client()
        .find_all(fantoccini::Locator::XPath(
            "//button[normalize-space(.)='I followed up today']",
        ))
        .await
        .map(|b| b.len())
        .unwrap_or_default();
    app.check(
        buttons == 1,
        format!("{buttons} 'I followed up today' buttons, not 1"),
    )
    .await;
    app.click(
        "I followed up today",
        "//li[.//h3[contains(normalize-space(.), 'Sanne de Vries')]]//button[normalize-space(.)='I followed up today']",
    )
    .await;
    app.wait_for_text("Noted: you followed up with Sanne de Vries today")
        .await;
    app.quit().await;

    let followed: Option<i64> = open_db(dir.path())
        .query_row(
            "SELECT last_follow_up_at_ms FROM inquiries WHERE name = 'Sanne de Vries'",
            [],
            |r| r.get(0),
        )
        .expect("the inquiry row");
    assert!(followed.is_some(), "the follow-up was not recorded");
}

/// Asks the page for a view the way the tray menu and a notification click do, through the
/// page's DOM entry for such requests (WebDriver cannot reach the channel the shell sends on;
/// the shell's side is tested in tests/commands.rs, a real click in e2e_reminders.rs).
async fn navigate(app: &App, view: &str, action: Option<&str>) {
    let script = "window.dispatchEvent(new CustomEvent('afterword:navigate', \
                  { detail: { view: arguments[0], action: arguments[1] } }));";
    let args = vec![serde_json::json!(view), serde_json::json!(action)];
    if let Err(e) = app.client().execute(script, args).await {
        app.fail::<()>(format!("could not send navigate to {view}: {e}"))
            .await;
    }
}

#[tokio::test]
async fn the_tray_and_notifications_open_the_right_view_and_form() {
    const TEST: &str = "the_tray_and_notifications_open_the_right_view_and_form";
    if !support::enabled(TEST) {
        return;
    }
    let _serial = support::serial().await;
    let dir = support::data_dir();
    let app = App::launch(TEST, dir.path()).await;
    app.wait_for_text("Nothing logged yet").await;

    // "Log an inquiry": the inquiries with the new form open, the cursor in its first field.
    navigate(&app, "inquiries", Some("new")).await;
    app.wait_for_text("How did they reach out?").await;
    app.check(
        app.has_focus("Date").await,
        format!("the focus is on {:?}, not Date", app.focused().await),
    )
    .await;

    // "Log a post", from another view.
    navigate(&app, "posts", Some("new")).await;
    app.wait_for_text("A title or a bit of the text is enough")
        .await;
    app.check(
        app.has_focus("Channel").await,
        format!("the focus is on {:?}, not Channel", app.focused().await),
    )
    .await;

    // A view without an action: its heading has the focus.
    navigate(&app, "plan", None).await;
    app.wait_for_text("Your own rhythm").await;
    let focused = app.focused().await;
    app.check(
        focused.0 == "plan-title",
        format!("the focus is on {focused:?}, not the Plan heading"),
    )
    .await;

    // And one it does not know is ignored.
    navigate(&app, "elsewhere", Some("new")).await;
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    app.wait_for_text("Your own rhythm").await;
    app.quit().await;
}
