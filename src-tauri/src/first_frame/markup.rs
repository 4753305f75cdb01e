//! The first view's markup: the sidebar and the posts view with its newest posts, element for
//! element, class for class and space for space what ui/src/App.svelte and
//! ui/src/views/PostsView.svelte put in the DOM for the same data (less Svelte's empty comment
//! anchors), so that the app's own view can replace it without a visible change. The end-to-end
//! test `the_first_frame_is_the_app_s_own_first_view` compares the two.

use afterword_core::model::{Channel, ChannelKind, Post, PostKind, PostPage};

use super::headline::post_headline;
use super::locale::Formats;
use super::texts::Words;

/// Posts a page of the list holds (ui/src/lib/records.ts LIST_PAGE_SIZE).
pub const LIST_PAGE_SIZE: u32 = 20;
/// records.ts firstScreenRows: where the first row starts at least and how tall a row is at
/// least, in CSS pixels.
const FIRST_ROW_TOP_MIN: f64 = 180.0;
const ROW_HEIGHT_MIN: f64 = 112.0;

/// The sidebar's views in order, by their nav label keys (ui/src/views/index.ts); the first
/// is the one shown.
const MAIN_VIEWS: [&str; 6] = [
    "nav.posts",
    "nav.insights",
    "nav.plan",
    "nav.inquiries",
    "nav.audience",
    "nav.people",
];
const SECONDARY_VIEWS: [&str; 1] = ["nav.settings"];

/// What the first view shows.
pub struct FirstView<'a> {
    pub channels: &'a [Channel],
    pub page: &'a PostPage,
    /// The rows the first frame draws: records.ts firstScreenRows for the page's height.
    pub rows: usize,
}

/// records.ts firstScreenRows: the rows that can show in a window `viewport_height` CSS pixels
/// tall, the last perhaps in part.
pub fn first_screen_rows(viewport_height: f64) -> usize {
    if !viewport_height.is_finite() || viewport_height <= 0.0 {
        return 8;
    }
    let rows = ((viewport_height - FIRST_ROW_TOP_MIN) / ROW_HEIGHT_MIN).ceil();
    rows.clamp(1.0, f64::from(LIST_PAGE_SIZE)) as usize
}

/// The markup of #app's content; None when a text is missing (no frame rather than a wrong one).
pub fn render(view: &FirstView<'_>, words: &Words<'_>, formats: Formats) -> Option<String> {
    let mut out = String::with_capacity(4096 + view.rows * 1200);
    let w = |key: &str| words.get(key).map(escape);
    out.push_str(
        r#"<div class="shell"><aside class="sidebar"><div class="brand"><span class="brand-name">"#,
    );
    out.push_str(&w("app.name")?);
    out.push_str(r#"</span> <span class="brand-tagline">"#);
    out.push_str(&w("app.tagline")?);
    out.push_str(r#"</span></div> <nav aria-label=""#);
    out.push_str(&w("nav.label")?);
    out.push_str(r#""><ul class="nav-list">"#);
    for (i, key) in MAIN_VIEWS.iter().enumerate() {
        let current = if i == 0 {
            r#" aria-current="page""#
        } else {
            ""
        };
        out.push_str(&format!(
            r#"<li><button type="button" class="nav-item"{current}>{}</button></li>"#,
            w(key)?
        ));
    }
    out.push_str(r#"</ul> <ul class="nav-list secondary">"#);
    for key in SECONDARY_VIEWS {
        out.push_str(&format!(
            r#"<li><button type="button" class="nav-item">{}</button></li>"#,
            w(key)?
        ));
    }
    out.push_str(r#"</ul></nav></aside> <div class="content"> <main class="view">"#);
    posts_view(&mut out, view, words, formats)?;
    out.push_str(
        r#"</main></div></div> <div class="toasts" role="status" aria-live="polite" aria-label=""#,
    );
    out.push_str(&w("common.notices")?);
    out.push_str(r#""></div>"#);
    Some(out)
}

fn posts_view(
    out: &mut String,
    view: &FirstView<'_>,
    words: &Words<'_>,
    formats: Formats,
) -> Option<()> {
    let w = |key: &str| words.get(key).map(escape);
    out.push_str(&format!(
        concat!(
            r#"<header class="view-header"><div><h1 id="posts-title" tabindex="-1">{}</h1> <p class="muted">{}</p></div> "#,
            r#"<button type="button" id="log-post" class="btn primary">{}</button></header>    "#,
            r#"<div class="toolbar" role="search"><div class="toolbar-field grow"><label for="posts-search">{}</label> "#,
            r#"<input id="posts-search" type="search" autocomplete="off" placeholder="{}"></div> "#,
            r#"<div class="toolbar-field"><label for="posts-channel">{}</label> <select id="posts-channel"><option value="">{}</option>"#,
        ),
        w("posts.title")?,
        w("posts.intro")?,
        w("posts.log")?,
        w("posts.search")?,
        w("posts.searchPlaceholder")?,
        w("posts.channelFilter")?,
        w("posts.allChannels")?,
    ));
    for channel in view.channels {
        let name = if channel.archived {
            words.fill("postForm.archivedChannel", &[("name", &channel.name)])?
        } else {
            channel.name.clone()
        };
        out.push_str(&format!(
            r#"<option value="{}">{}</option>"#,
            channel.id,
            escape(&name)
        ));
    }
    let list_label = w("posts.listLabel")?;
    out.push_str(&format!(
        r#"</select></div></div> <h2 class="visually-hidden">{list_label}</h2> <ul class="records" aria-label="{list_label}">"#
    ));
    for post in view.page.posts.iter().take(view.rows) {
        row(out, post, view.channels, words, formats)?;
    }
    out.push_str("</ul> ");
    let shown = view.page.posts.len() as u64;
    let total = view.page.total;
    let page_size = u64::from(LIST_PAGE_SIZE);
    if total > page_size {
        let showing = words.fill(
            "list.showing",
            &[
                ("shown", &formats.count(shown)),
                ("total", &formats.count(total)),
            ],
        )?;
        out.push_str(&format!(
            r#"<div class="list-more"><p class="muted" aria-live="polite">{}</p>"#,
            escape(&showing)
        ));
        if total > shown {
            let more = words.fill(
                "list.showMore",
                &[("n", &formats.count(page_size.min(total - shown)))],
            )?;
            out.push_str(&format!(
                r#" <button type="button" class="btn secondary small">{}</button>"#,
                escape(&more)
            ));
        }
        out.push_str("</div>");
    }
    Some(())
}

fn row(
    out: &mut String,
    post: &Post,
    channels: &[Channel],
    words: &Words<'_>,
    formats: Formats,
) -> Option<()> {
    let w = |key: &str| words.get(key).map(escape);
    // The instant exactly as the page has it from the command (serde's RFC 3339).
    let instant = serde_json::to_value(post.published_at).ok()?;
    out.push_str(&format!(
        r#"<li class="record"><div class="record-meta"><time datetime="{}">{}</time> <span class="dot" aria-hidden="true">·</span> <span>{}</span> "#,
        escape(instant.as_str()?),
        escape(&formats.day_and_time(&post.published_at)),
        escape(&post.channel),
    ));
    let channel_kind = channels
        .iter()
        .find(|c| c.id == post.channel_id)
        .map(|c| c.kind);
    if post.kind != default_post_kind(channel_kind) {
        out.push_str(&format!(
            r#"<span class="dot" aria-hidden="true">·</span> <span>{}</span>"#,
            w(&format!("kind.{}", post.kind.as_str()))?
        ));
    }
    let headline = match post_headline(post.title.as_deref(), post.text.as_deref(), 90) {
        Some(h) => h,
        None => words.get("posts.untitled")?.to_string(),
    };
    out.push_str(&format!(
        r#"</div> <h3 class="record-title"><button type="button" class="title-button">{}</button></h3> "#,
        escape(&headline)
    ));
    // JavaScript's `p.title && p.text`: both non-empty.
    let has = |s: &Option<String>| s.as_deref().is_some_and(|s| !s.is_empty());
    if has(&post.title) && has(&post.text) {
        let excerpt = post_headline(None, post.text.as_deref(), 160).unwrap_or_default();
        out.push_str(&format!(
            r#"<p class="record-excerpt">{}</p>"#,
            escape(&excerpt)
        ));
    }
    out.push_str(r#" <div class="record-foot"><ul class="tags">"#);
    if let Some(felt) = post.felt {
        out.push_str(&format!(
            r#"<li class="tag">{}</li>"#,
            w(&format!("felt.{}", felt.as_str()))?
        ));
    }
    out.push(' ');
    if let Some(motive) = post.motive {
        out.push_str(&format!(
            r#"<li class="tag">{}</li>"#,
            w(&format!("motive.{}", motive.as_str()))?
        ));
    }
    out.push(' ');
    if let Some(minutes) = post.minutes {
        let text = words.fill("posts.minutes", &[("n", &minutes.to_string())])?;
        out.push_str(&format!(r#"<li class="tag plain">{}</li>"#, escape(&text)));
    }
    out.push_str(r#"</ul> <div class="record-actions">"#);
    if post.url.is_some() {
        out.push_str(&format!(
            r#"<button type="button" class="btn quiet small">{}</button>"#,
            w("posts.openLink")?
        ));
    }
    let named = |key: &str| words.fill(key, &[("title", &headline)]).map(|t| escape(&t));
    out.push_str(&format!(
        concat!(
            r#" <button type="button" class="btn quiet small" aria-label="{}">{}</button>"#,
            r#" <button type="button" class="btn quiet small" aria-label="{}">{}</button>"#,
            r#" <button type="button" class="btn quiet small" aria-label="{}">{}</button></div></div></li>"#,
        ),
        named("numbers.openNamed")?,
        w("numbers.open")?,
        named("posts.editNamed")?,
        w("common.edit")?,
        named("posts.deleteNamed")?,
        w("common.delete")?,
    ));
    Some(())
}

/// records.ts defaultPostKind: the kind a post has by default on a channel of this kind.
fn default_post_kind(kind: Option<ChannelKind>) -> PostKind {
    match kind {
        Some(ChannelKind::Newsletter) => PostKind::Newsletter,
        Some(ChannelKind::Blog) => PostKind::Article,
        Some(ChannelKind::Youtube) => PostKind::Video,
        _ => PostKind::Post,
    }
}

/// Text as HTML text or a quoted attribute value.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_screen_has_the_rows_that_fit() {
        assert_eq!(first_screen_rows(800.0), 6);
        assert_eq!(first_screen_rows(0.0), 8);
        assert_eq!(first_screen_rows(100.0), 1);
        assert_eq!(first_screen_rows(10_000.0), 20);
    }

    #[test]
    fn markup_characters_are_escaped() {
        assert_eq!(
            escape(r#"<b>"Tom" & 'Jo'</b>"#),
            "&lt;b&gt;&quot;Tom&quot; &amp; &#39;Jo&#39;&lt;/b&gt;"
        );
    }
}
