//! End to end: the first frame the shell draws into the page (src/first_frame) is exactly the
//! app's own first view, so that the app can take it over without a visible change: the same
//! elements, attributes and words, dates and counts written as the web view's `Intl` writes them.
//!
//! Runs when `AFTERWORD_E2E=1` (./test.sh); see e2e.rs.

#[path = "e2e_support/mod.rs"]
#[allow(dead_code)] // each test binary uses part of the support
mod support;

use std::path::Path;

use afterword_core::model::{ChannelInput, ChannelKind, Felt, Motive, PostInput, PostKind};
use afterword_core::store::DB_FILE_NAME;
use afterword_core::{validate, Store};
use afterword_lib::first_frame::{self, Formats, Texts};
use afterword_lib::state::AppState;
use chrono::{Duration, Local, TimeZone, Utc};
use serde_json::json;
use support::App;

/// The window's height in tauri.conf.json: the page's height at its first layout.
const VIEWPORT_HEIGHT: f64 = 800.0;

/// Posts of every shape a row can take: with and without a title, text, link, feeling, motive
/// and minutes; a kind the channel does not imply; an archived channel; words that need escaping
/// and white space that needs collapsing; more than a page, so "Show more" is there.
fn seed(dir: &Path) {
    let store = Store::open(&dir.join(DB_FILE_NAME)).expect("open the store");
    let now = Utc::now().timestamp_millis();
    let blog = store
        .add_channel(
            &ChannelInput {
                name: "Blog & <notes>".into(),
                kind: ChannelKind::Blog,
            },
            now,
        )
        .expect("add a channel");
    let old = store
        .add_channel(
            &ChannelInput {
                name: "Oude podcast".into(),
                kind: ChannelKind::Podcast,
            },
            now,
        )
        .expect("add a channel");
    let linkedin = store
        .list_channels()
        .expect("channels")
        .into_iter()
        .find(|c| c.kind == ChannelKind::Linkedin)
        .expect("the LinkedIn channel");
    let long_text = "Eerste   regel\n\nmet\u{a0}ruimte. ".repeat(12);
    for i in 0..26_i64 {
        let at = Local::now() - Duration::hours(7 * i + 3);
        let (channel, kind) = match i % 5 {
            0 => (linkedin.id, Some(PostKind::Video)),
            1 => (blog.id, None),
            2 => (old.id, None),
            _ => (linkedin.id, None),
        };
        let title = match i % 4 {
            0 => Some(format!(
                "Waarom ik minder post ☕ — \"één\" keer <per> week & 'zo' #{i}"
            )),
            1 => None,
            2 => Some("   ".to_string()),
            _ => Some(format!(
                "A title that is rather long for a row, to see how it wraps in the list view {i}"
            )),
        };
        let text = match i % 3 {
            0 => Some(long_text.clone()),
            1 => Some(format!("  Kort.\n Tweede regel {i}")),
            // A post needs a title or a text.
            _ if title.as_deref().is_some_and(|t| !t.trim().is_empty()) => None,
            _ => Some(format!("\n\t Alleen  tekst {i}, \u{feff}")),
        };
        let input = PostInput {
            channel_id: channel,
            kind,
            published_at: at.format("%Y-%m-%d %H:%M").to_string(),
            title,
            text,
            url: (i % 2 == 0).then(|| format!("https://example.com/p/{i}?a=1&b=2")),
            felt: [
                None,
                Some(Felt::Energising),
                Some(Felt::Neutral),
                Some(Felt::Draining),
            ][(i % 4) as usize],
            motive: [
                Some(Motive::Wanted),
                None,
                Some(Motive::Planned),
                Some(Motive::Obliged),
            ][(i % 4) as usize],
            minutes: (i % 3 != 2).then_some(5 + i * 37),
        };
        let valid = validate::post(&input, now, &Local).expect("a valid post");
        store.create_post(&valid, now).expect("create a post");
    }
    store
        .set_channel_archived(old.id, true)
        .expect("archive a channel");
}

fn texts() -> Texts {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../ui/dist/first-frame-texts.json");
    let json = std::fs::read(&path)
        .unwrap_or_else(|e| panic!("{}: {e} (build the UI first)", path.display()));
    Texts::parse(&json).expect("the UI's first-frame texts")
}

/// A canonical form of an element's content, for comparing two DOM trees: comments (Svelte's
/// anchors) left out, attributes sorted, white space runs as one space. Returns "" when they
/// are the same, else where they part.
const COMPARE: &str = r#"
const [expected] = arguments;
const canon = (node) => {
  if (node.nodeType === Node.TEXT_NODE) return node.data.replace(/\s+/g, ' ');
  if (node.nodeType !== Node.ELEMENT_NODE) return '';
  const attrs = [...node.attributes].map(a => `${a.name}="${a.value}"`).sort().join(' ');
  return `<${node.localName} ${attrs}>` + [...node.childNodes].map(canon).join('').replace(/ +/g, ' ') + `</${node.localName}>`;
};
const template = document.createElement('template');
template.innerHTML = expected;
const rows = template.content.querySelectorAll('li.record').length;
const app = document.getElementById('app').cloneNode(true);
// The app draws the rest of the page after its first frame; the frame has the first rows.
app.querySelectorAll('li.record').forEach((li, i) => { if (i >= rows) li.remove(); });
const want = [...template.content.childNodes].map(canon).join('');
const got = [...app.childNodes].map(canon).join('');
if (want === got) return '';
let i = 0;
while (i < want.length && want[i] === got[i]) i++;
return `rows ${rows}; they part at ${i}:\nframe: ${want.slice(Math.max(0, i - 300), i + 300)}\napp:   ${got.slice(Math.max(0, i - 300), i + 300)}`;
"#;

/// The Inter faces the page holds ("weight status", in order) and the body's font family.
const TYPEFACE: &str = r#"
const faces = [...document.fonts].filter((f) => f.family.replace(/"/g, "") === "Inter");
return faces.map((f) => `${f.weight} ${f.status}`).join(", ") + "; " + getComputedStyle(document.body).fontFamily;
"#;

/// Launches the app on a seeded data dir under `locale` and compares its first frame with the
/// view the app took it over with.
async fn first_frame_is_the_app_s_view(
    test: &str,
    locale: &str,
    system_locale: &str,
    words: &[&str],
) {
    let dir = support::data_dir();
    seed(dir.path());
    let app = App::launch_with_locale(test, dir.path(), locale).await;
    let mark = app.startup_mark().await;
    app.check(
        mark.lines().any(|l| l.starts_with("page:first-frame ")),
        format!("the window did not start with the shell's first frame; mark file:\n{mark}"),
    )
    .await;
    // The app has taken over: the frame is gone and #app shows.
    for _ in 0..100 {
        let taken = app
            .client()
            .execute("return !document.getElementById('first-frame') && !document.getElementById('app').hidden", vec![])
            .await
            .ok()
            .and_then(|v| v.as_bool());
        if taken == Some(true) {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    // The page has its own typeface (ui/src/lib/typeface.ts), both faces made in WebKitGTK.
    let typeface = app
        .client()
        .execute(TYPEFACE, vec![])
        .await
        .map(|v| v.as_str().unwrap_or("not a string").to_string())
        .unwrap_or_else(|e| format!("could not look: {e}"));
    app.check(
        typeface == "400 loaded, 600 loaded; Inter, sans-serif",
        format!("the page's typeface is not Inter in both weights: {typeface}"),
    )
    .await;
    let state = AppState::open(dir.path());
    let frame = first_frame::draw(&state, system_locale, &texts(), VIEWPORT_HEIGHT)
        .expect("the shell draws a first frame for this data");
    for word in words {
        app.check(
            frame.markup.contains(word),
            format!("the frame does not say {word:?}"),
        )
        .await;
    }
    let diff = app
        .client()
        .execute(COMPARE, vec![json!(frame.markup)])
        .await
        .map(|v| v.as_str().unwrap_or("not a string").to_string())
        .unwrap_or_else(|e| format!("could not compare: {e}"));
    app.check(
        diff.is_empty(),
        format!("the first frame is not the app's first view: {diff}"),
    )
    .await;
    app.quit().await;
}

#[tokio::test]
async fn the_first_frame_is_the_app_s_own_first_view_in_english() {
    const TEST: &str = "the_first_frame_is_the_app_s_own_first_view_in_english";
    if !support::enabled(TEST) {
        return;
    }
    let _serial = support::serial().await;
    first_frame_is_the_app_s_view(
        TEST,
        "en_US.UTF-8",
        "en-US",
        &["Showing 20 of 26", "Show 6 more", "Oude podcast (archived)"],
    )
    .await;
}

#[tokio::test]
async fn the_first_frame_is_the_app_s_own_first_view_in_dutch() {
    const TEST: &str = "the_first_frame_is_the_app_s_own_first_view_in_dutch";
    if !support::enabled(TEST) {
        return;
    }
    let _serial = support::serial().await;
    first_frame_is_the_app_s_view(TEST, "nl_NL.UTF-8", "nl-NL", &["Berichten", "20 van 26"]).await;
}

/// Every month, every weekday, the hours where 12- and 24-hour clocks differ, and counts with
/// and without thousands: the shell's tables against the web view's own `Intl`, per locale.
#[tokio::test]
async fn dates_and_counts_are_written_as_the_page_s_intl_writes_them() {
    const TEST: &str = "dates_and_counts_are_written_as_the_page_s_intl_writes_them";
    if !support::enabled(TEST) {
        return;
    }
    let _serial = support::serial().await;
    let dir = support::data_dir();
    let app = App::launch(TEST, dir.path()).await;
    let mut instants = Vec::new();
    for month in 1..=12 {
        for (day, hour, minute) in [
            (1, 0, 0),
            (2, 9, 5),
            (3, 11, 59),
            (4, 12, 0),
            (5, 13, 30),
            (6, 23, 59),
            (28, 12, 30),
        ] {
            if let Some(at) = Local
                .with_ymd_and_hms(2026, month, day, hour, minute, 0)
                .earliest()
            {
                instants.push(at.with_timezone(&Utc));
            }
        }
    }
    let counts: [u64; 8] = [0, 7, 999, 1000, 5000, 12_345, 999_999, 1_234_567];
    let script = r#"
        const [instants, counts, locale] = arguments;
        const day = new Intl.DateTimeFormat(locale, { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' });
        const time = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit' });
        const number = new Intl.NumberFormat(locale, { minimumFractionDigits: 0, maximumFractionDigits: 0 });
        return [...instants.map(ms => `${day.format(new Date(ms))} · ${time.format(new Date(ms))}`), ...counts.map(n => number.format(n))];
    "#;
    let ms: Vec<i64> = instants.iter().map(|at| at.timestamp_millis()).collect();
    for (locale, formats) in [
        ("en-US", Formats::EnUs),
        ("en-GB", Formats::EnGb),
        ("nl-NL", Formats::NlNl),
        ("nl-BE", Formats::NlBe),
    ] {
        let page: Vec<String> = app
            .client()
            .execute(script, vec![json!(ms), json!(counts), json!(locale)])
            .await
            .ok()
            .and_then(|v| serde_json::from_value(v).ok())
            .unwrap_or_default();
        let shell: Vec<String> = instants
            .iter()
            .map(|at| formats.day_and_time(at))
            .chain(counts.iter().map(|&n| formats.count(n)))
            .collect();
        let differ: Vec<String> = page
            .iter()
            .zip(&shell)
            .filter(|(p, s)| p != s)
            .map(|(p, s)| format!("page {p:?}, shell {s:?}"))
            .collect();
        app.check(
            page.len() == shell.len() && differ.is_empty(),
            format!(
                "{locale}: {} of {} differ: {differ:?}",
                differ.len().max(shell.len().abs_diff(page.len())),
                shell.len()
            ),
        )
        .await;
    }
    app.quit().await;
}
