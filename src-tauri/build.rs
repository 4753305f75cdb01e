// Puts the app's own commands under the ACL: each gets an `allow-<command>` permission that
// capabilities/default.json must list, so a command not listed there is refused at runtime.
const COMMANDS: &[&str] = &[
    "app_info",
    "set_language",
    "start_demo",
    "leave_demo",
    "list_channels",
    "add_channel",
    "rename_channel",
    "set_channel_archived",
    "list_posts",
    "get_post",
    "create_post",
    "update_post",
    "delete_post",
    "restore_post",
    "candidate_posts",
    "list_inquiries",
    "get_inquiry",
    "create_inquiry",
    "update_inquiry",
    "delete_inquiry",
    "restore_inquiry",
    "open_link",
    "import_preview",
    "import_apply",
    "import_template",
    "rhythm_overview",
    "set_rhythm_target",
    "calendar",
    "export_plan_ics",
    "list_ideas",
    "create_idea",
    "update_idea",
    "delete_idea",
    "restore_idea",
    "convert_idea",
    "get_reminder_prefs",
    "set_reminder_prefs",
    "snooze_reminders",
    "pause_reminders",
    "next_reminder",
    "get_window_prefs",
    "set_window_prefs",
    "mark_followed_up",
    "insights_report",
    "post_credits",
    "get_insight_settings",
    "set_insight_settings",
];

fn main() {
    tauri_build::try_build(
        tauri_build::Attributes::new()
            .app_manifest(tauri_build::AppManifest::new().commands(COMMANDS)),
    )
    .unwrap_or_else(|e| panic!("tauri build step failed: {e:#}"));
}
