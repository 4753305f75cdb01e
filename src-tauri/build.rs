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
    "insights_report",
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
