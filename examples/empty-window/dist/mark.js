// The same start-up mark as Afterword's (ui/src/lib/startup.ts): once the page's content is in
// the DOM and laid out, tell the shell, which records the moment and shows the window. The
// window is hidden until then, so it never shows blank.
void document.body.offsetHeight;
window.__TAURI_INTERNALS__.invoke("startup_mark").catch(() => {});
