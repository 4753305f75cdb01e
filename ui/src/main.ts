// The page's entry, small on purpose. When the shell has drawn the first view into the page
// (src-tauri/src/first_frame), this shows the window with it, and only then loads the app
// (Svelte, the views, the texts: boot.ts, its own chunk), which takes the frame over.
// First: it makes navigator.language safe before any library reads it at load, and gives the
// page its typeface (lib/typeface.ts) before the frame is shown.
import "./lib/browserLocale";
import "./app.css";
import { showFirstFrame } from "./lib/firstFrame";
import { addTypeface } from "./lib/typeface";

addTypeface();
await showFirstFrame();
await import("./boot");
