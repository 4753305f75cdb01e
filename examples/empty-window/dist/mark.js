// The same start-up mark as Afterword's (ui/src/lib/startup.ts): once the page's content is in
// the DOM and laid out, tell the shell, which records the moment and shows the window. The
// window is hidden until then, so it never shows blank. The same navigation steps go with it,
// so that scripts/bench.sh can set the two side by side.
void document.body.offsetHeight;
const origin = performance.timeOrigin;
const steps = [["navigation", origin]];
const nav = performance.getEntriesByType("navigation")[0];
if (nav) steps.push(["html", origin + nav.responseEnd], ["dom-interactive", origin + nav.domInteractive]);
// The viewport the layout had, as the app reports it: both hidden windows' pages are sized.
steps.push([`viewport-${innerWidth}x${innerHeight}`, origin + performance.now()]);
steps.push(["mark", origin + performance.now()]);
window.__TAURI_INTERNALS__.invoke("startup_mark", { steps }).catch(() => {});
