// The window's one command under the ACL, like the app's (src-tauri/build.rs).
fn main() {
    tauri_build::try_build(
        tauri_build::Attributes::new()
            .app_manifest(tauri_build::AppManifest::new().commands(&["startup_mark"])),
    )
    .unwrap_or_else(|e| panic!("tauri build step failed: {e:#}"));
}
