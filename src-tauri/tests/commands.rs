//! Command wiring through tauri's mock runtime: the real commands, the real store on a temp
//! SQLite file, the IPC path the window uses.

use afterword_lib::gui::configure;
use afterword_lib::state::AppState;
use afterword_lib::window::{open_view, NavigationRequests, View};
use serde_json::{json, Value};
use std::sync::{Arc, Mutex};
use tauri::ipc::{CallbackFn, Channel, InvokeBody};
use tauri::test::{mock_builder, mock_context, noop_assets, MockRuntime, INVOKE_KEY};
use tauri::webview::InvokeRequest;
use tauri::{App, Manager, WebviewWindow, WebviewWindowBuilder};

struct Harness {
    app: App<MockRuntime>,
    window: WebviewWindow<MockRuntime>,
    dir: tempfile::TempDir,
}

fn harness() -> Harness {
    let dir = tempfile::tempdir().expect("temp dir");
    let app = configure(mock_builder(), AppState::open(dir.path()))
        .build(mock_context(noop_assets()))
        .expect("mock app");
    let window = WebviewWindowBuilder::new(&app, "main", Default::default())
        .build()
        .expect("mock window");
    Harness { app, window, dir }
}

impl Harness {
    fn call(&self, cmd: &str, args: Value) -> Result<Value, Value> {
        let request = InvokeRequest {
            cmd: cmd.into(),
            callback: CallbackFn(0),
            error: CallbackFn(1),
            // On Linux the webview's origin is tauri://localhost.
            url: "tauri://localhost".parse().expect("url"),
            body: InvokeBody::Json(args),
            headers: Default::default(),
            invoke_key: INVOKE_KEY.to_string(),
        };
        tauri::test::get_ipc_response(&self.window, request)
            .map(|body| body.deserialize::<Value>().expect("json body"))
    }

    fn ok(&self, cmd: &str, args: Value) -> Value {
        self.call(cmd, args)
            .unwrap_or_else(|e| panic!("{cmd} failed: {e}"))
    }
}

fn days_ago(days: i64) -> String {
    (chrono::Local::now() - chrono::Duration::days(days))
        .format("%Y-%m-%d %H:%M")
        .to_string()
}

#[test]
fn a_post_and_an_inquiry_round_trip_through_the_commands() {
    let h = harness();
    let channels = h.ok("list_channels", json!({}));
    let linkedin = channels[0]["id"].clone();
    assert_eq!(channels[0]["name"], "LinkedIn");

    let post = h.ok(
        "create_post",
        json!({ "input": { "channel_id": linkedin, "published_at": days_ago(3),
                           "title": "Waarom ik minder post", "felt": "energising", "motive": "wanted" } }),
    );
    assert_eq!(post["kind"], "post");
    assert_eq!(post["felt"], "energising");

    let candidates = h.ok("candidate_posts", json!({ "received_at": days_ago(1) }));
    assert_eq!(candidates[0]["post"]["id"], post["id"]);

    let inquiry = h.ok(
        "create_inquiry",
        json!({ "input": { "received_at": days_ago(1), "name": "Sanne", "via": "email",
                           "source_post_id": post["id"], "not_from_posts": false,
                           "status": "client", "value": "1.500,00" } }),
    );
    assert_eq!(inquiry["value_cents"], 150_000);
    assert_eq!(inquiry["currency"], "EUR");

    let posts = h.ok("list_posts", json!({ "filter": { "query": "minder" } }));
    assert_eq!(posts.as_array().map(Vec::len), Some(1));
    let page = h.ok("list_posts_page", json!({ "filter": {}, "limit": 50 }));
    assert_eq!(page["total"], 1);
    assert_eq!(page["posts"][0]["id"], post["id"]);
    let err = h
        .call("list_posts_page", json!({ "filter": {}, "limit": -1 }))
        .unwrap_err();
    assert!(
        !err.to_string().is_empty(),
        "a negative page size is refused"
    );
    let headlines = h.ok("post_headlines", json!({ "ids": [post["id"], 424_242] }));
    assert_eq!(headlines.as_array().map(Vec::len), Some(1));
    assert_eq!(headlines[0]["id"], post["id"]);
    assert_eq!(headlines[0]["title"], post["title"]);
    let inquiries = h.ok(
        "list_inquiries",
        json!({ "filter": { "status": "client" } }),
    );
    assert_eq!(inquiries[0]["id"], inquiry["id"]);
}

#[test]
fn bad_input_comes_back_as_code_message_and_field_and_saves_nothing() {
    let h = harness();
    let err = h
        .call(
            "create_post",
            json!({ "input": { "channel_id": 1, "published_at": "2026-02-30 10:00", "title": "x" } }),
        )
        .unwrap_err();
    assert_eq!(err["code"], "date_invalid");
    assert_eq!(err["field"], "published_at");
    assert!(err["message"].as_str().unwrap_or("").contains("2026-02-30"));

    let err = h
        .call(
            "create_inquiry",
            json!({ "input": { "received_at": days_ago(1), "name": "X", "via": "email",
                               "not_from_posts": false, "status": "new", "value": "-5" } }),
        )
        .unwrap_err();
    assert_eq!(err["code"], "value_negative");
    assert_eq!(err["field"], "value");

    assert_eq!(h.ok("list_posts", json!({ "filter": {} })), json!([]));
    assert_eq!(h.ok("list_inquiries", json!({ "filter": {} })), json!([]));
}

#[test]
fn delete_and_undo_through_the_commands() {
    let h = harness();
    let post = h.ok(
        "create_post",
        json!({ "input": { "channel_id": 1, "published_at": days_ago(2), "text": "Only text" } }),
    );
    h.ok("delete_post", json!({ "id": post["id"] }));
    assert_eq!(h.ok("list_posts", json!({ "filter": {} })), json!([]));
    let back = h.ok("restore_post", json!({ "id": post["id"] }));
    assert_eq!(back, post);
    let err = h.call("get_post", json!({ "id": 999 })).unwrap_err();
    assert_eq!(err["code"], "not_found");
}

#[test]
fn sample_data_lives_in_its_own_database() {
    let h = harness();
    let info = h.ok("start_demo", json!({}));
    assert_eq!(info["demo"], true);
    assert!(info["database_path"]
        .as_str()
        .unwrap_or("")
        .ends_with("afterword-demo.sqlite3"));
    let demo_posts = h.ok("list_posts", json!({ "filter": {} }));
    assert!(demo_posts.as_array().map(Vec::len).unwrap_or(0) > 10);

    let info = h.ok("leave_demo", json!({}));
    assert_eq!(info["demo"], false);
    assert_eq!(h.ok("list_posts", json!({ "filter": {} })), json!([]));
    assert!(!h.dir.path().join("afterword-demo.sqlite3").exists());
}

#[test]
fn language_is_kept_and_checked() {
    let h = harness();
    assert_eq!(h.ok("app_info", json!({}))["language"], "system");
    assert_eq!(
        h.ok("set_language", json!({ "language": "nl" }))["language"],
        "nl"
    );
    let err = h
        .call("set_language", json!({ "language": "fr" }))
        .unwrap_err();
    assert_eq!(err["code"], "language_invalid");
    // The choice survives a restart: a new state on the same folder reads it back.
    let again = AppState::open(h.dir.path());
    assert_eq!(afterword_lib::commands::app::info(&again).language, "nl");
}

#[test]
fn a_database_from_a_newer_version_is_reported_not_touched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("afterword.sqlite3");
    rusqlite::Connection::open(&path)
        .unwrap()
        .execute_batch("PRAGMA user_version = 99;")
        .unwrap();
    let state = AppState::open(dir.path());
    let info = afterword_lib::commands::app::info(&state);
    assert_eq!(
        info.startup_error.map(|e| e.code),
        Some("schema_too_new".to_string())
    );
    assert_eq!(info.database_path, path.display().to_string());
    assert!(state.store().is_err());
}

#[test]
fn only_web_links_are_opened() {
    let h = harness();
    for bad in ["file:///etc/passwd", "javascript:alert(1)", "not a url"] {
        let err = h.call("open_link", json!({ "url": bad })).unwrap_err();
        assert_eq!(err["code"], "url_invalid", "{bad}");
    }
}

#[test]
fn the_insights_report_credits_a_confirmed_source_and_keeps_settings() {
    let h = harness();
    let post = h.ok(
        "create_post",
        json!({ "input": { "channel_id": 2, "published_at": days_ago(10), "title": "Letter" } }),
    );
    let inquiry = h.ok(
        "create_inquiry",
        json!({ "input": { "received_at": days_ago(2), "name": "Sanne", "via": "email",
                           "source_post_id": post["id"], "not_from_posts": false,
                           "status": "client", "value": "900" } }),
    );
    let settings = h.ok("get_insight_settings", json!({}));
    assert_eq!(settings["model"], "time_decay");
    assert_eq!(settings["window_days"], 30);
    let report = h.ok(
        "insights_report",
        json!({ "settings": { "model": "confirmed_only", "window_days": 30, "half_life_days": 7.0 } }),
    );
    assert_eq!(report["totals"]["inquiries"], 1);
    assert_eq!(report["posts"][0]["credited_clients"], 1.0);
    assert_eq!(report["posts"][0]["credited_revenue_cents"], 90_000);
    // The view's report counts each post's inquiries; it asks for the list of one post apart.
    assert_eq!(report["posts"][0]["credit_count"], 1);
    assert!(report["posts"][0].get("inquiries").is_none());
    let credits = h.ok(
        "post_credits",
        json!({ "post_id": post["id"],
                "settings": { "model": "confirmed_only", "window_days": 30, "half_life_days": 7.0 },
                "from": null, "to": null }),
    );
    assert_eq!(credits, json!([{ "id": inquiry["id"], "weight": 1.0 }]));

    let saved = h.ok(
        "set_insight_settings",
        json!({ "settings": { "model": "linear", "window_days": 14, "half_life_days": 3.5 } }),
    );
    assert_eq!(saved["model"], "linear");
    assert_eq!(h.ok("get_insight_settings", json!({}))["window_days"], 14);
    let err = h
        .call(
            "set_insight_settings",
            json!({ "settings": { "model": "linear", "window_days": 0, "half_life_days": 7.0 } }),
        )
        .unwrap_err();
    assert_eq!(err["code"], "window_days_invalid");
}

#[test]
fn an_idea_becomes_a_post_once_and_shows_in_the_calendar() {
    let h = harness();
    let linkedin = h.ok("list_channels", json!({}))[0]["id"].clone();
    let today = chrono::Local::now().date_naive();
    let day = today.format("%Y-%m-%d").to_string();
    let idea = h.ok(
        "create_idea",
        json!({ "input": { "title": "Stilte als strategie", "note": "Over rust",
                           "planned_for": day, "channel_id": linkedin } }),
    );
    let calendar = h.ok("calendar", json!({ "from": day, "to": day }));
    assert_eq!(calendar["ideas"][0]["id"], idea["id"]);

    let input = json!({ "channel_id": linkedin, "published_at": days_ago(0),
                        "title": "Stilte als strategie" });
    let post = h.ok("convert_idea", json!({ "id": idea["id"], "input": input }));
    assert_eq!(h.ok("list_ideas", json!({}))[0]["post_id"], post["id"]);
    let again = h
        .call("convert_idea", json!({ "id": idea["id"], "input": input }))
        .unwrap_err();
    assert_eq!(again["code"], "idea_already_posted");
    assert_eq!(
        h.ok("list_posts", json!({ "filter": {} }))
            .as_array()
            .map(Vec::len),
        Some(1)
    );

    let bad = h
        .call("calendar", json!({ "from": day, "to": "gisteren" }))
        .unwrap_err();
    assert_eq!(bad["field"], "to");

    let overview = h.ok(
        "set_rhythm_target",
        json!({ "channel_id": linkedin, "every_days": 14 }),
    );
    assert_eq!(overview[0]["every_days"], 14);
    assert_eq!(overview[0]["posts"], 1);
    let err = h
        .call(
            "set_rhythm_target",
            json!({ "channel_id": linkedin, "every_days": 0 }),
        )
        .unwrap_err();
    assert_eq!(err["code"], "every_days_invalid");
    assert_eq!(h.ok("rhythm_overview", json!({}))[0]["every_days"], 14);
}

#[test]
fn reminder_settings_are_checked_kept_snoozed_and_paused() {
    let h = harness();
    let prefs = h.ok("get_reminder_prefs", json!({}));
    assert_eq!(prefs["follow_ups"], true);
    assert_eq!(prefs["follow_up_days"], 5);
    assert_eq!(prefs["max_per_day"], 1);
    assert_eq!(prefs["quiet_from"], "18:00");

    let mut changed = prefs.clone();
    changed["weekly_review"] = json!(true);
    changed["max_per_day"] = json!(2);
    let saved = h.ok("set_reminder_prefs", json!({ "prefs": changed }));
    assert_eq!(saved["weekly_review"], true);

    let mut bad = saved.clone();
    bad["quiet_from"] = json!("25:00");
    bad["max_per_day"] = json!(1);
    let err = h
        .call("set_reminder_prefs", json!({ "prefs": bad }))
        .unwrap_err();
    assert_eq!(err["field"], "quiet_from");
    assert_eq!(
        h.ok("get_reminder_prefs", json!({}))["max_per_day"],
        2,
        "nothing saved"
    );

    let snoozed = h.ok("snooze_reminders", json!({ "days": 7 }));
    assert!(snoozed["snoozed_until_ms"].as_i64().is_some());
    let err = h
        .call("snooze_reminders", json!({ "days": 3 }))
        .unwrap_err();
    assert_eq!(err["code"], "snooze_invalid");
    let paused = h.ok("pause_reminders", json!({ "weeks": 2 }));
    assert!(paused["paused_until_ms"].as_i64().is_some());
    assert!(h.ok("next_reminder", json!({})).is_null());
    let resumed = h.ok("pause_reminders", json!({ "weeks": null }));
    assert!(resumed["paused_until_ms"].is_null() && resumed["snoozed_until_ms"].is_null());
    let err = h
        .call("pause_reminders", json!({ "weeks": 53 }))
        .unwrap_err();
    assert_eq!(err["code"], "pause_invalid");
}

#[test]
fn a_follow_up_is_logged_and_window_prefs_are_kept() {
    let h = harness();
    let inquiry = h.ok(
        "create_inquiry",
        json!({ "input": { "received_at": days_ago(8), "name": "Joris", "via": "email",
                           "not_from_posts": false, "status": "new" } }),
    );
    let followed = h.ok("mark_followed_up", json!({ "id": inquiry["id"] }));
    assert_eq!(followed["id"], inquiry["id"]);
    let err = h
        .call("mark_followed_up", json!({ "id": 999 }))
        .unwrap_err();
    assert_eq!(err["code"], "not_found");

    let prefs = h.ok("get_window_prefs", json!({}));
    assert_eq!(
        prefs,
        json!({ "close_to_tray": false, "start_at_login": false })
    );
    let saved = h.ok(
        "set_window_prefs",
        json!({ "prefs": { "close_to_tray": true, "start_at_login": false } }),
    );
    assert_eq!(saved["close_to_tray"], true);
    // The mock app has no autostart plugin: asking for it fails and saves nothing.
    let err = h
        .call(
            "set_window_prefs",
            json!({ "prefs": { "close_to_tray": false, "start_at_login": true } }),
        )
        .unwrap_err();
    assert_eq!(err["code"], "autostart");
    assert_eq!(h.ok("get_window_prefs", json!({}))["close_to_tray"], true);
}

#[test]
fn an_import_is_previewed_then_applied_once() {
    let h = harness();
    let archive = format!(
        "{}/../core/tests/fixtures/import/linkedin/older",
        env!("CARGO_MANIFEST_DIR")
    );
    let args = json!({ "source": "linkedin", "path": archive, "channel": null });
    let preview = h.ok("import_preview", args.clone());
    let new = preview["new"].as_i64().expect("new");
    assert!(new > 0);
    assert!(h
        .ok("list_posts", json!({ "filter": {} }))
        .as_array()
        .is_some_and(Vec::is_empty));
    assert_eq!(preview["candidates"], 2);
    assert_eq!(h.ok("import_apply", args.clone())["added"], new);
    assert_eq!(h.ok("import_apply", args.clone())["added"], 0);

    // The possible inquiries the archive held: one turned into an inquiry, one dismissed.
    let open = h.ok("list_candidates", json!({}));
    let open = open.as_array().expect("list");
    assert_eq!(open.len(), 2);
    let (first, second) = (open[0]["id"].clone(), open[1]["id"].clone());
    let form = |at: &str, name: &Value| {
        json!({ "received_at": at, "name": name, "organisation": null, "via": "linkedin_message",
                "their_words": null, "source_post_id": null, "not_from_posts": false,
                "status": "new", "value": null, "currency": null, "notes": null })
    };
    let input = form("2025-09-19 23:20", &open[0]["name"]);
    let inquiry = h.ok("accept_candidate", json!({ "id": first, "input": input }));
    assert_eq!(inquiry["name"], "Ivo de Wit");
    let again = h
        .call("accept_candidate", json!({ "id": first, "input": input }))
        .unwrap_err();
    assert_eq!(again["code"], "candidate_not_open");
    let bad = h
        .call(
            "accept_candidate",
            json!({ "id": second, "input": form("2025-09-05 03:12", &json!(" ")) }),
        )
        .unwrap_err();
    assert_eq!(bad["field"], "name");
    h.ok("dismiss_candidate", json!({ "id": second }));
    assert!(h
        .ok("list_candidates", json!({}))
        .as_array()
        .is_some_and(Vec::is_empty));
    assert_eq!(
        h.ok("list_inquiries", json!({ "filter": {} }))
            .as_array()
            .map(Vec::len),
        Some(1)
    );
    assert_eq!(h.ok("import_preview", args)["already_present"], new);

    let err = h
        .call(
            "import_preview",
            json!({ "source": "linkedin", "path": " ", "channel": null }),
        )
        .unwrap_err();
    assert_eq!(err["code"], "path_required");
    let wrong = format!(
        "{}/../core/tests/fixtures/import/substack/posts.csv",
        env!("CARGO_MANIFEST_DIR")
    );
    let err = h
        .call(
            "import_apply",
            json!({ "source": "linkedin", "path": wrong, "channel": null }),
        )
        .unwrap_err();
    assert_eq!(err["code"], "import_wrong_file");
    assert!(h
        .ok("import_template", json!({ "source": "csv_posts" }))
        .as_str()
        .is_some());
}

#[test]
fn backups_are_listed_made_now_checked_and_restored() {
    let h = harness();
    let overview = h.ok("backup_overview", json!({}));
    assert_eq!(overview["backups"], json!([]));
    assert!(overview["folder"].as_str().unwrap().ends_with("backups"));

    let channels = h.ok("list_channels", json!({}));
    h.ok(
        "create_post",
        json!({ "input": { "channel_id": channels[0]["id"], "published_at": days_ago(2), "title": "Vóór de back-up" } }),
    );
    let overview = h.ok("back_up_now", json!({}));
    let backups = overview["backups"].as_array().unwrap();
    assert_eq!(backups.len(), 1);
    assert_eq!(backups[0]["kind"], "daily");
    assert!(backups[0]["size_bytes"].as_u64().unwrap() > 0);
    let path = backups[0]["path"].as_str().unwrap().to_string();

    let check = h.ok("check_backup", json!({ "path": path }));
    assert_eq!(check["posts"], 1);

    h.ok(
        "create_post",
        json!({ "input": { "channel_id": channels[0]["id"], "published_at": days_ago(1), "title": "Erna" } }),
    );
    let outcome = h.ok("restore_backup", json!({ "path": path }));
    assert!(outcome["previous_data"]
        .as_str()
        .unwrap()
        .contains("before-restore-"));
    let posts = h.ok("list_posts", json!({ "filter": {} }));
    assert_eq!(posts.as_array().map(Vec::len), Some(1));
    assert_eq!(posts[0]["title"], "Vóór de back-up");
    let kinds: Vec<Value> = h.ok("backup_overview", json!({}))["backups"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| b["kind"].clone())
        .collect();
    assert!(kinds.contains(&json!("before_restore")));
}

#[test]
fn restoring_a_bad_file_is_refused_and_changes_nothing() {
    let h = harness();
    let channels = h.ok("list_channels", json!({}));
    h.ok(
        "create_post",
        json!({ "input": { "channel_id": channels[0]["id"], "published_at": days_ago(2), "title": "Blijft" } }),
    );
    let bad = h.dir.path().join("kapot.sqlite3");
    std::fs::write(&bad, b"SQLite format 3\0 but not really, just some bytes").unwrap();
    let err = h
        .call("restore_backup", json!({ "path": bad.to_str().unwrap() }))
        .unwrap_err();
    assert!(
        ["backup_damaged", "backup_not_a_database"].contains(&err["code"].as_str().unwrap()),
        "{err}"
    );
    let err = h
        .call("check_backup", json!({ "path": "relative/file.sqlite3" }))
        .unwrap_err();
    assert_eq!(err["code"], "path_not_absolute");
    let posts = h.ok("list_posts", json!({ "filter": {} }));
    assert_eq!(posts[0]["title"], "Blijft");
    assert_eq!(h.ok("backup_overview", json!({}))["backups"], json!([]));
}

#[test]
fn exports_go_to_the_chosen_folder() {
    let h = harness();
    let folder = h.dir.path().join("exports");
    let folder_arg = folder.to_str().unwrap();
    let file = h.ok("export_json", json!({ "folder": folder_arg }));
    let file = file.as_str().unwrap();
    assert!(
        file.starts_with(folder_arg) && file.ends_with(".json"),
        "{file}"
    );
    let doc: Value = serde_json::from_str(&std::fs::read_to_string(file).unwrap()).unwrap();
    assert_eq!(doc["format"], "afterword-export");

    let dir = h.ok("export_csv", json!({ "folder": folder_arg }));
    let dir = std::path::PathBuf::from(dir.as_str().unwrap());
    assert!(dir.join("posts.csv").is_file() && dir.join("channels.csv").is_file());
}

#[test]
fn deleted_words_do_not_leave_in_an_export_once_undo_is_over() {
    let h = harness();
    let words = "Only-this-test-knows-7351";
    let post = h.ok(
        "create_post",
        json!({ "input": { "channel_id": 1, "published_at": days_ago(2), "text": words } }),
    );
    h.ok("delete_post", json!({ "id": post["id"] }));
    // Deleted eleven minutes ago: past the undo window (the clock is the real one).
    let db = rusqlite::Connection::open(h.dir.path().join("afterword.sqlite3")).unwrap();
    let long_ago = chrono::Utc::now().timestamp_millis() - 11 * 60 * 1000;
    db.execute(
        "UPDATE posts SET deleted_at_ms = ?1 WHERE id = ?2",
        rusqlite::params![long_ago, post["id"].as_i64().unwrap()],
    )
    .unwrap();

    let folder = h.dir.path().join("exports");
    let file = h.ok("export_json", json!({ "folder": folder.to_str().unwrap() }));
    let exported = std::fs::read_to_string(file.as_str().unwrap()).unwrap();
    assert!(
        !exported.contains(words),
        "the deleted post's words went out with the export"
    );
    // The tombstone is still there (an import must not bring the post back).
    let doc: Value = serde_json::from_str(&exported).unwrap();
    assert_eq!(doc["tables"]["posts"]["rows"].as_array().unwrap().len(), 1);
    let err = h
        .call("restore_post", json!({ "id": post["id"] }))
        .unwrap_err();
    assert_eq!(err["code"], "undo_expired");
}

#[test]
fn audience_metrics_and_people_through_the_commands() {
    let h = harness();
    let channels = h.ok("list_channels", json!({}));
    let linkedin = channels[0]["id"].clone();
    let snap = h.ok(
        "add_audience_snapshot",
        json!({ "input": { "channel_id": linkedin, "measure": "followers", "at": days_ago(10), "size": 1000 } }),
    );
    assert_eq!(snap["measure"], "followers");
    let err = h
        .call(
            "add_audience_snapshot",
            json!({ "input": { "channel_id": linkedin, "measure": null, "at": days_ago(1), "size": -3 } }),
        )
        .unwrap_err();
    assert_eq!(err["code"], "size_invalid");
    assert_eq!(err["field"], "size");

    let loud = h.ok(
        "create_post",
        json!({ "input": { "channel_id": linkedin, "published_at": days_ago(5), "title": "Loud" } }),
    );
    let quiet = h.ok(
        "create_post",
        json!({ "input": { "channel_id": linkedin, "published_at": days_ago(4), "title": "Quiet" } }),
    );
    let latest = h.ok(
        "set_post_metrics",
        json!({ "post_id": loud["id"], "values": { "reactions": 200, "comments": null } }),
    );
    assert_eq!(latest["reactions"], 200);
    assert_eq!(latest["comments"], Value::Null);
    h.ok(
        "set_post_metrics",
        json!({ "post_id": quiet["id"], "values": { "reactions": 2 } }),
    );
    h.ok(
        "set_post_metrics",
        json!({ "post_id": quiet["id"], "values": { "reactions": 3 } }),
    );
    let numbers = h.ok("post_numbers", json!({ "post_id": quiet["id"] }));
    assert_eq!(numbers["latest"]["reactions"], 3);
    assert_eq!(numbers["history"].as_array().unwrap().len(), 2);
    let err = h
        .call(
            "set_post_metrics",
            json!({ "post_id": quiet["id"], "values": {} }),
        )
        .unwrap_err();
    assert_eq!(err["code"], "metrics_empty");

    // A client named the quiet post: it stands first, the loud one after it.
    let client = h.ok(
        "create_inquiry",
        json!({ "input": { "received_at": days_ago(2), "name": "Sanne", "via": "email",
                           "source_post_id": quiet["id"], "not_from_posts": false, "status": "client" } }),
    );
    let first = h.ok("audience_overview", json!({ "first_page": 1 }));
    assert_eq!(first["total_posts"], 2);
    assert_eq!(first["posts"].as_array().unwrap().len(), 1);
    assert_eq!(first["posts"][0]["id"], quiet["id"]);
    assert_eq!(first["posts"][0]["engagement_rate"], 0.003);
    assert_eq!(first["series"][0]["size"], json!([1000]));
    assert_eq!(first["observations"][0]["kind"], "too_early");
    let all = h.ok("audience_posts", json!({}));
    assert_eq!(all[1]["id"], loud["id"]);
    assert_eq!(all[1]["engagement_rate"], 0.2);
    assert_eq!(all[1]["credited_clients"], 0.0);

    h.ok("delete_audience_snapshot", json!({ "id": snap["id"] }));
    let after = h.ok("audience_overview", json!({}));
    assert_eq!(
        after["posts"][0]["engagement_rate"],
        Value::Null,
        "no audience, no rate"
    );
    h.ok("restore_audience_snapshot", json!({ "id": snap["id"] }));

    // People: the inquiry's person, how the user knows her, a touch, the warm mark.
    let people = h.ok("list_contacts", json!({}));
    assert_eq!(people.as_array().unwrap().len(), 1);
    assert_eq!(people[0]["contact"]["id"], client["contact_id"]);
    assert_eq!(people[0]["became_client"], true);
    assert_eq!(people[0]["warm"], false);
    let id = people[0]["contact"]["id"].clone();
    let c = h.ok(
        "set_how_known",
        json!({ "id": id, "how_known": "in_person" }),
    );
    assert_eq!(c["how_known"], "in_person");
    for days in [20, 12] {
        h.ok(
            "add_touch",
            json!({ "input": { "contact_id": id, "post_id": null, "kind": "comment", "at": days_ago(days) } }),
        );
    }
    let people = h.ok("list_contacts", json!({}));
    assert_eq!(people[0]["warm"], true);
    assert_eq!(people[0]["touches"].as_array().unwrap().len(), 2);
    let new = h.ok(
        "create_contact",
        json!({ "input": { "name": "Lotte", "how_known": "online" } }),
    );
    let err = h
        .call(
            "update_contact",
            json!({ "id": new["id"], "input": { "name": "" } }),
        )
        .unwrap_err();
    assert_eq!(err["code"], "name_required");
    h.ok("delete_contact", json!({ "id": new["id"] }));
    assert_eq!(
        h.ok("list_contacts", json!({})).as_array().unwrap().len(),
        1
    );
    h.ok("restore_contact", json!({ "id": new["id"] }));
    assert_eq!(
        h.ok("list_contacts", json!({})).as_array().unwrap().len(),
        2
    );
}

#[test]
fn the_start_up_mark_is_recorded_once_with_its_wall_clock_time() {
    use afterword_lib::startup::{Startup, MARK_FILE_ENV};
    use std::time::{SystemTime, UNIX_EPOCH};
    use tauri::Manager;
    let micros = || {
        SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .expect("clock after 1970")
            .as_micros()
    };
    let out = tempfile::tempdir().expect("temp dir");
    let mark = out.path().join("mark");
    // Read once, when the app is built (the other tests' apps never mark).
    std::env::set_var(MARK_FILE_ENV, &mark);
    let h = harness();
    std::env::remove_var(MARK_FILE_ENV);
    assert!(!h.app.state::<Startup>().is_marked());

    let before = micros();
    assert_eq!(h.ok("startup_mark", json!({})), Value::Null);
    let after = micros();
    let written: u128 = std::fs::read_to_string(&mark)
        .expect("the mark file")
        .trim()
        .parse()
        .expect("epoch microseconds");
    assert!(
        (before..=after).contains(&written),
        "mark {written} not within {before}..={after}"
    );
    assert!(h.app.state::<Startup>().is_marked());

    // A second mark (a reload) changes nothing.
    std::fs::remove_file(&mark).expect("remove the mark");
    h.ok("startup_mark", json!({}));
    assert!(!mark.exists());
}

#[test]
fn recorded_sizes_the_headline_and_touches_through_the_commands() {
    let h = harness();
    let channels = h.ok("list_channels", json!({}));
    let linkedin = channels[0]["id"].clone();
    let mut ids = Vec::new();
    for (days, size) in [(30, 100), (20, 110), (10, 90)] {
        let s = h.ok(
            "add_audience_snapshot",
            json!({ "input": { "channel_id": linkedin, "measure": "connections", "at": days_ago(days), "size": size } }),
        );
        ids.push(s["id"].clone());
    }
    // The headline: first and latest size, and the counts.
    let head = h.ok("audience_headline", json!({}));
    assert_eq!(head["series"][0]["points"], 3);
    assert_eq!(head["series"][0]["first_size"], 100);
    assert_eq!(head["series"][0]["latest_size"], 90);
    assert_eq!(head["posts"], 0);

    // The list, newest first, a page at a time.
    let page = h.ok(
        "audience_sizes",
        json!({ "channel_id": linkedin, "measure": "connections", "offset": 0, "limit": 2 }),
    );
    assert_eq!(page["total"], 3);
    let sizes: Vec<i64> = page["snapshots"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["size"].as_i64().unwrap())
        .collect();
    assert_eq!(sizes, [90, 110]);
    let rest = h.ok(
        "audience_sizes",
        json!({ "channel_id": linkedin, "measure": "connections", "offset": 2, "limit": 2 }),
    );
    assert_eq!(rest["snapshots"][0]["size"], 100);

    // A wrong value corrected; a bad one refused and nothing changed.
    let fixed = h.ok(
        "update_audience_snapshot",
        json!({ "id": ids[2], "edit": { "at": days_ago(10), "size": 95 } }),
    );
    assert_eq!(fixed["size"], 95);
    let err = h
        .call(
            "update_audience_snapshot",
            json!({ "id": ids[2], "edit": { "at": "yesterday", "size": 1 } }),
        )
        .unwrap_err();
    assert_eq!(err["code"], "date_invalid");
    assert_eq!(
        h.ok("audience_headline", json!({}))["series"][0]["latest_size"],
        95
    );

    // A touch about a post carries the post's title; deleting it returns it for undo.
    let post = h.ok(
        "create_post",
        json!({ "input": { "channel_id": linkedin, "published_at": days_ago(3), "title": "On rest" } }),
    );
    let person = h.ok("create_contact", json!({ "input": { "name": "Noor" } }));
    let touch = h.ok(
        "add_touch",
        json!({ "input": { "contact_id": person["id"], "post_id": post["id"], "kind": "reaction", "at": days_ago(2) } }),
    );
    assert_eq!(touch["post_title"], "On rest");
    let removed = h.ok("delete_touch", json!({ "id": touch["id"] }));
    assert_eq!(removed["post_id"], post["id"]);
    assert_eq!(removed["at"], touch["at"]);
    let people = h.ok("list_contacts", json!({}));
    assert_eq!(people[0]["touches"].as_array().unwrap().len(), 0);
    // Undo: the same moment again, from what the delete returned.
    let again = h.ok(
        "add_touch",
        json!({ "input": { "contact_id": removed["contact_id"], "post_id": removed["post_id"],
                           "kind": removed["kind"], "at": removed["at"] } }),
    );
    assert_eq!(again["at"], touch["at"]);
    assert_eq!(again["post_title"], "On rest");
}

/// A channel standing in for the page's: collects what the shell sends on it.
fn page_channel() -> (
    Channel<afterword_lib::window::Navigate>,
    Arc<Mutex<Vec<Value>>>,
) {
    let got = Arc::new(Mutex::new(Vec::new()));
    let sink = got.clone();
    let channel = Channel::new(move |body| {
        sink.lock()
            .unwrap()
            .push(body.deserialize::<Value>().expect("json"));
        Ok(())
    });
    (channel, got)
}

#[test]
fn requests_to_show_a_view_reach_the_page_through_its_channel() {
    let h = harness();
    // The page subscribes through the command (a channel id, as the page's invoke sends it).
    assert_eq!(
        h.ok(
            "subscribe_navigation",
            json!({ "channel": "__CHANNEL__:7" })
        ),
        Value::Null
    );
    let handle = h.app.handle();
    let requests = handle.state::<NavigationRequests>();

    // A page that has not subscribed yet (still loading) gets the request when it does.
    let fresh = NavigationRequests::default();
    fresh.send(afterword_lib::window::Navigate {
        view: View::Inquiries,
        action: None,
    });
    let (early, early_got) = page_channel();
    fresh.subscribe(early);
    assert_eq!(
        *early_got.lock().unwrap(),
        vec![json!({ "view": "inquiries", "action": null })]
    );

    // The tray's "Log a post": the posts view with its form.
    let (page, got) = page_channel();
    requests.subscribe(page);
    open_view(handle, View::Posts, Some("new"));
    open_view(handle, View::Plan, None);
    assert_eq!(
        *got.lock().unwrap(),
        vec![
            json!({ "view": "posts", "action": "new" }),
            json!({ "view": "plan", "action": null })
        ]
    );

    // A reloaded page hands a new channel; the old one hears nothing more.
    let (reloaded, reloaded_got) = page_channel();
    requests.subscribe(reloaded);
    open_view(handle, View::Settings, None);
    assert_eq!(got.lock().unwrap().len(), 2);
    assert_eq!(
        *reloaded_got.lock().unwrap(),
        vec![json!({ "view": "settings", "action": null })]
    );
}
