//! The app's first frame, drawn by the shell. When the window's page asks for index.html, the
//! shell puts the first view (the sidebar and the newest posts) into it as plain markup, in
//! #first-frame, with the app's #app hidden beside it. The page's small entry script
//! (ui/src/lib/firstFrame.ts) reports the start-up mark as soon as that is laid out, the window
//! shows it, and only then does the app load (Svelte, the views, the texts), build the same
//! view in #app and swap it in (ui/src/lib/startup.ts).
//!
//! Why: measured on the machine in README "Benchmarks", the page spent ~120 ms building its first
//! view where an empty page needs ~12: about 30 ms of that is laying out this much content, the
//! rest is JavaScript in WebKitGTK's interpreter (parsing the bundle, Svelte building the DOM,
//! loading ICU data for the first date). Markup that arrives with the HTML needs only the layout.
//!
//! The frame is drawn only when it can be drawn exactly as the app would draw it: the user's own
//! database opened, not the sample data, posts to show, a formatting locale the shell writes
//! like `Intl` does (locale.rs), and every text found. Otherwise index.html is served as built
//! and the app's own view is the first frame, as before.

mod headline;
mod locale;
mod markup;
mod texts;

use std::borrow::Cow;
use std::sync::mpsc::{self, Receiver};
use std::sync::{Mutex, OnceLock};

use afterword_core::model::PostFilter;
use afterword_core::rhythm::Lang;
use tauri::utils::assets::{AssetKey, AssetsIter, CspHash};
use tauri::{App, AppHandle, Assets, Manager, Runtime};

pub use locale::Formats;
use markup::{first_screen_rows, FirstView, LIST_PAGE_SIZE};
pub use texts::Texts;

use crate::commands::app::system_locale;
use crate::state::AppState;

const INDEX: &str = "/index.html";
/// Written by the UI's build (ui/vite.config.ts).
const TEXTS: &str = "/first-frame-texts.json";
/// How long the page's first request waits for the frame drawn early before drawing it itself.
const EARLY_WAIT: std::time::Duration = std::time::Duration::from_millis(300);
/// Where the frame goes, and what replaces it (the app stays hidden until it takes over).
const APP_ROOT: &str = r#"<div id="app"></div>"#;

/// The UI's assets as built, with the first frame drawn into index.html.
pub struct FirstFrameAssets<R: Runtime> {
    built: Box<dyn Assets<R>>,
    app: OnceLock<AppHandle<R>>,
    texts: OnceLock<Option<Texts>>,
    /// The app's chunk (ui/src/boot.ts), as built: "/assets/boot-HASH.js".
    app_chunk: OnceLock<Option<String>>,
    /// The first page load's frame, drawn while the window and its web process start (see
    /// `draw_early`).
    early: Mutex<Option<Receiver<Option<Frame>>>>,
}

impl<R: Runtime> FirstFrameAssets<R> {
    pub fn new(built: Box<dyn Assets<R>>) -> Self {
        FirstFrameAssets {
            built,
            app: OnceLock::new(),
            texts: OnceLock::new(),
            app_chunk: OnceLock::new(),
            early: Mutex::new(None),
        }
    }

    /// Starts drawing the first frame now, on another core: setup runs ~90 ms before the page
    /// asks for index.html (the web process starts in between), and drawing takes ~8 ms here
    /// (the first queries of the database). What the frame shows is read then; nothing else
    /// writes to the database before the first view (crate::gui), and the app's own view, which
    /// replaces the frame, reads again.
    fn draw_early(&self, app: &AppHandle<R>) {
        let texts = self.built.get(&AssetKey::from(TEXTS)).map(Cow::into_owned);
        let app = app.clone();
        let (sender, receiver) = mpsc::channel();
        // On the runtime's blocking pool, not on one of its workers: the request that takes the
        // frame waits on a worker, and a machine with one core has only one.
        tauri::async_runtime::spawn_blocking(move || {
            let frame = texts.as_deref().and_then(Texts::parse).and_then(|texts| {
                let state = app.try_state::<AppState>()?;
                draw(&state, &system_locale(), &texts, viewport_height(&app))
            });
            let _ = sender.send(frame);
        });
        *self.early.lock().unwrap_or_else(|p| p.into_inner()) = Some(receiver);
    }

    /// index.html without a frame, with the app's chunk asked for at once: the entry script
    /// imports it only once it has run, and the app draws the first view itself.
    fn index_preloading_the_app(&self, index: &[u8]) -> Option<String> {
        let chunk = self
            .app_chunk
            .get_or_init(|| {
                self.built
                    .iter()
                    .map(|(key, _)| key.into_owned())
                    .find(|key| key.starts_with("/assets/boot-") && key.ends_with(".js"))
            })
            .as_deref()?;
        let index = std::str::from_utf8(index).ok()?;
        if !index.contains("</head>") {
            return None;
        }
        Some(index.replacen(
            "</head>",
            &format!(r#"<link rel="modulepreload" crossorigin href="{chunk}"></head>"#),
            1,
        ))
    }

    fn texts(&self) -> Option<&Texts> {
        self.texts
            .get_or_init(|| {
                let json = self.built.get(&AssetKey::from(TEXTS))?;
                Texts::parse(&json)
            })
            .as_ref()
    }

    /// index.html with the first frame in it, or None to serve it as built.
    fn index_with_frame(&self, index: &[u8]) -> Option<String> {
        let app = self.app.get()?;
        let state = app.try_state::<AppState>()?;
        // The first request takes the frame drawn early; a reload draws afresh.
        let early = self.early.lock().unwrap_or_else(|p| p.into_inner()).take();
        let frame = match early {
            Some(receiver) => match receiver.recv_timeout(EARLY_WAIT) {
                Ok(frame) => frame?,
                // Not drawn in time (a machine under load): draw it here.
                Err(_) => draw(
                    &state,
                    &system_locale(),
                    self.texts()?,
                    viewport_height(app),
                )?,
            },
            None => draw(
                &state,
                &system_locale(),
                self.texts()?,
                viewport_height(app),
            )?,
        };
        let index = std::str::from_utf8(index).ok()?;
        if !index.contains(APP_ROOT) {
            return None;
        }
        let lang_code = match frame.lang {
            Lang::En => "en",
            Lang::Nl => "nl",
        };
        Some(
            index
                .replacen(
                    r#"<html lang="en">"#,
                    &format!(r#"<html lang="{lang_code}">"#),
                    1,
                )
                // Hidden until the entry script has given the page its typeface and shows it
                // (ui/src/lib/typeface.ts): WebKit lays out nothing of it before that.
                .replacen(
                    APP_ROOT,
                    &format!(
                        r#"<div id="first-frame" hidden>{}</div><div id="app" hidden></div>"#,
                        frame.markup
                    ),
                    1,
                ),
        )
    }
}

/// A first frame: #app's content as the app would draw it, in the language it is in.
pub struct Frame {
    pub lang: Lang,
    pub markup: String,
}

/// The first frame for the app's state now, the system locale the page is told (app_info's
/// `system_locale`) and a page `viewport_height` CSS pixels tall; None when the shell does not
/// draw it (see the module's comment).
pub fn draw(
    state: &AppState,
    system_locale: &str,
    texts: &Texts,
    viewport_height: f64,
) -> Option<Frame> {
    let info = crate::commands::app::info(state);
    if info.demo || info.startup_error.is_some() {
        return None;
    }
    let (lang, formats) = Formats::for_page(&info.language, system_locale)?;
    let store = state.real_store().ok()?;
    let page = store
        .list_posts_page(
            &PostFilter {
                query: None,
                channel_id: None,
            },
            LIST_PAGE_SIZE,
        )
        .ok()?;
    // An empty list shows the welcome (EmptyState), which the app draws itself.
    if page.posts.is_empty() {
        return None;
    }
    let channels = store.list_channels().ok()?;
    let view = FirstView {
        channels: &channels,
        page: &page,
        rows: first_screen_rows(viewport_height),
    };
    let markup = markup::render(&view, &texts.words(lang), formats)?;
    Some(Frame { lang, markup })
}

/// The height of the page at its first layout: the window's configured height, which the hidden
/// window's page is given before it loads (crate::startup::size_hidden_page). The app keeps no
/// window size of its own between runs.
fn viewport_height<R: Runtime>(app: &AppHandle<R>) -> f64 {
    app.config()
        .app
        .windows
        .iter()
        .find(|w| w.label == crate::window::MAIN)
        .map_or(0.0, |w| w.height)
}

impl<R: Runtime> Assets<R> for FirstFrameAssets<R> {
    fn setup(&self, app: &App<R>) {
        self.built.setup(app);
        let _ = self.app.set(app.handle().clone());
        self.draw_early(app.handle());
    }

    fn get(&self, key: &AssetKey) -> Option<Cow<'_, [u8]>> {
        let asset = self.built.get(key)?;
        if key.as_ref() != INDEX {
            return Some(asset);
        }
        match self
            .index_with_frame(&asset)
            .or_else(|| self.index_preloading_the_app(&asset))
        {
            Some(page) => Some(Cow::Owned(page.into_bytes())),
            None => Some(asset),
        }
    }

    fn iter(&self) -> Box<AssetsIter<'_>> {
        self.built.iter()
    }

    fn csp_hashes(&self, html_path: &AssetKey) -> Box<dyn Iterator<Item = CspHash<'_>> + '_> {
        // The frame adds markup only, no script or style element: the built page's hashes hold.
        self.built.csp_hashes(html_path)
    }
}

/// Stands in for the assets for the moment they are taken out of the context to be wrapped.
pub struct NoAssets;

impl<R: Runtime> Assets<R> for NoAssets {
    fn get(&self, _key: &AssetKey) -> Option<Cow<'_, [u8]>> {
        None
    }

    fn iter(&self) -> Box<AssetsIter<'_>> {
        Box::new(std::iter::empty())
    }

    fn csp_hashes(&self, _html_path: &AssetKey) -> Box<dyn Iterator<Item = CspHash<'_>> + '_> {
        Box::new(std::iter::empty())
    }
}
