//! End to end: importing a LinkedIn export through Settings in the real `afterword` binary, in a
//! real WebKitGTK window on an empty data dir. Fields are found by their visible labels and
//! buttons by their visible text, as a person would find them.
//!
//! Runs when `AFTERWORD_E2E=1` (./test.sh); otherwise the test prints that it was skipped.
//! By hand (build the UI first: `cd ui && npm run build`):
//!
//! ```text
//! xvfb-run -a -s "-screen 0 1280x900x24" dbus-run-session -- \
//!     env NO_AT_BRIDGE=1 GDK_BACKEND=x11 AFTERWORD_E2E=1 cargo test -p afterword --test e2e_import -- --nocapture
//! ```

// The harness serves several test binaries; this one uses only part of it.
#[allow(dead_code)]
#[path = "e2e_support/mod.rs"]
mod support;

use support::{count_rows, xpath_literal, App};

/// The LinkedIn fixtures of core's import tests, from this crate's folder (works on any clone).
fn linkedin_fixture(name: &str) -> String {
    format!(
        "{}/../core/tests/fixtures/import/linkedin/{name}",
        env!("CARGO_MANIFEST_DIR")
    )
}

/// A post of the older archive (its commentary's first line is the title).
const IMPORTED_TITLE: &str = "Over introversie en zichtbaarheid";

/// Whether the displayed button with this text is enabled, waiting for it to show.
async fn button_enabled(app: &App, text: &str) -> bool {
    let xpath = format!("//button[normalize-space(.)={}]", xpath_literal(text));
    let el = app.find(&format!("the button {text:?}"), &xpath).await;
    el.is_enabled().await.unwrap_or(true)
}

#[tokio::test]
async fn imports_a_linkedin_archive_after_a_preview() {
    const TEST: &str = "imports_a_linkedin_archive_after_a_preview";
    if !support::enabled(TEST) {
        return;
    }
    let _serial = support::serial().await;
    let dir = support::data_dir();
    let app = App::launch(TEST, dir.path()).await;
    let older = linkedin_fixture("older");

    app.click_nav("Settings").await;
    app.wait_for_text("Import your history").await;
    app.select_option("Source", "LinkedIn data archive").await;
    app.wait_for_text("Get a copy of your data").await;
    app.fill("File or folder", &older).await;
    app.check(
        !app.has_button("Import 2").await,
        "an Import button showed before any preview",
    )
    .await;

    // The preview tells what would happen and writes nothing.
    app.click_button("Preview").await;
    app.wait_for_text("2 new").await;
    app.wait_for_text("0 already here").await;
    app.wait_for_text("0 with problems").await;
    app.wait_for_text(IMPORTED_TITLE).await;
    let posts_before = count_rows(dir.path(), "posts");
    assert_eq!(posts_before, 0, "the preview wrote posts");

    // Import.
    app.check(
        button_enabled(&app, "Import 2").await,
        "Import 2 is disabled",
    )
    .await;
    app.click_button("Import 2").await;
    app.wait_for_text("Imported 2 posts").await;
    assert_eq!(count_rows(dir.path(), "posts"), 2);

    // The posts view has them.
    app.click_nav("Posts").await;
    app.wait_for_text(IMPORTED_TITLE).await;

    // The archive's invitation with a message and the conversation Ivo started are possible
    // inquiries, not inquiries: one becomes an inquiry through the pre-filled form, the other
    // is set aside, and the section goes away.
    assert_eq!(count_rows(dir.path(), "inquiries"), 0);
    app.click_nav("Inquiries").await;
    app.wait_for_text("Possible inquiries from your imports")
        .await;
    app.wait_for_text("Femke Bakker").await;
    app.click(
        "the button turning Ivo de Wit into an inquiry",
        "//button[@aria-label='Turn Ivo de Wit into an inquiry']",
    )
    .await;
    let name = app.value_of("Name").await;
    let words = app
        .value_of("In their own words, how did they find you?")
        .await;
    app.check(
        name == "Ivo de Wit" && words.contains("nieuwsbrief over burn-out"),
        format!("the form was filled with {name:?} and {words:?}"),
    )
    .await;
    app.click_button("Save inquiry").await;
    app.wait_for_text("Inquiry saved").await;
    assert_eq!(count_rows(dir.path(), "inquiries"), 1);
    app.click(
        "the button setting Femke Bakker aside",
        "//button[@aria-label='Femke Bakker is not an inquiry']",
    )
    .await;
    app.wait_for_no_text("Possible inquiries from your imports")
        .await;
    assert_eq!(count_rows(dir.path(), "inquiries"), 1);

    // A second preview finds everything already here, and offers nothing to import.
    app.click_nav("Settings").await;
    app.wait_for_text("Import your history").await;
    app.select_option("Source", "LinkedIn data archive").await;
    app.fill("File or folder", &older).await;
    app.click_button("Preview").await;
    app.wait_for_text("2 already here").await;
    app.wait_for_text("0 new").await;
    app.find(
        "the imported post marked already here in the first rows",
        &format!(
            "//li[contains(normalize-space(.), {})]/*[normalize-space(.)='already here']",
            xpath_literal(IMPORTED_TITLE)
        ),
    )
    .await;
    app.check(
        !button_enabled(&app, "Import 0").await,
        "Import 0 is enabled with nothing new",
    )
    .await;

    // The wrong file (Substack's posts.csv for LinkedIn): the message names it, next to the
    // field; nothing written.
    let wrong = format!(
        "{}/../core/tests/fixtures/import/substack/posts.csv",
        env!("CARGO_MANIFEST_DIR")
    );
    app.fill("File or folder", &wrong).await;
    app.click_button("Preview").await;
    let error = app.field_error("File or folder").await;
    app.check(
        error.contains("Substack's posts.csv") && error.contains("looks like"),
        format!("the error next to the path is {error:?}"),
    )
    .await;
    app.check(
        app.is_marked_invalid("File or folder").await,
        "the path field is not marked invalid",
    )
    .await;
    app.check(
        !app.has_button("Import 0").await && !app.has_button("Import 2").await,
        "an Import button still shows after the wrong file",
    )
    .await;

    // For a CSV source the layout can be shown and copied.
    app.select_option("Source", "Posts (CSV)").await;
    app.click_button("Show the CSV layout").await;
    app.find(
        "the CSV layout with an example row",
        "//pre[contains(., 'Why I stopped posting three times a week')]",
    )
    .await;
    app.quit().await;

    assert_eq!(
        count_rows(dir.path(), "posts"),
        2,
        "the wrong file changed the posts"
    );
}
