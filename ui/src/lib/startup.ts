// The start-up mark. The shell creates the window hidden and shows it when the page calls
// `startup_mark`, so the user never sees a blank window (src-tauri/src/startup.rs). The first
// view calls markStartup() once its real data (or the start-up error) is in the DOM;
// scripts/bench.sh measures start-up to this moment. Only the first call counts.
import { tick } from "svelte";
import * as api from "./api";

let marked = false;

/** After Svelte has put the current state in the DOM and the browser has laid it out. */
export async function markStartup(): Promise<void> {
  if (marked) return;
  marked = true;
  await tick();
  // A hidden window paints no frames (requestAnimationFrame waits for it to show), so the mark
  // is the moment the first frame is ready: content in the DOM, styles and layout computed.
  void document.body.offsetHeight;
  try {
    await api.startupMark();
  } catch {
    // Outside the app (a plain browser) there is no window to show.
  }
}
