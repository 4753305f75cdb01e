// The first frame the shell drew into index.html (src-tauri/src/first_frame): the first view,
// rendered from the database while the page was being asked for, in #first-frame, with #app
// hidden beside it. Showing it needs neither Svelte nor Intl, only one layout, so the window
// shows sooner; the app loads behind it, builds the same view in #app, and takes over
// (takeOverFirstFrame, called from lib/startup.ts).
//
// This module is part of the page's small entry chunk: it must not import the app.
import { invoke } from "@tauri-apps/api/core";
import { navigationSteps } from "./pageTimings";

const FRAME_ID = "first-frame";

/** Moments after the mark (epoch ms), sent with the take-over for scripts/bench.sh. */
const laterSteps: [string, number][] = [];

/** The shell's frame while it is on screen. */
export function firstFrame(): HTMLElement | null {
  return document.getElementById(FRAME_ID);
}

/** Gives the window to the app's own view: the frame goes, #app shows. */
export function takeOverFirstFrame(): [string, number][] {
  firstFrame()?.remove();
  const app = document.getElementById("app");
  if (app) app.hidden = false;
  return [...laterSteps, ["interactive", performance.timeOrigin + performance.now()]];
}

/**
 * When the shell drew a first frame: reports the start-up mark with it (the shell shows the
 * window) and resolves once the window has painted it, so that loading the app does not hold
 * that paint back. Without a frame it resolves at once and the app's first view makes the
 * mark, as it always did.
 */
export async function showFirstFrame(): Promise<void> {
  const frame = firstFrame();
  if (!frame) return;
  // A hidden window paints no frames, so the mark is the moment the frame is ready to paint:
  // its layout is done (see lib/startup.ts).
  void document.body.offsetHeight;
  const at = performance.timeOrigin + performance.now();
  // The viewport that layout had (see lib/startup.ts).
  const viewport = `viewport-${Math.round(window.innerWidth)}x${Math.round(window.innerHeight)}`;
  const steps: [string, number][] = [...navigationSteps(), ["first-frame", at], [viewport, at]];
  try {
    await invoke("startup_mark", { steps });
  } catch {
    // Outside the app there is no window to show; the app draws its own view.
    takeOverFirstFrame();
    return;
  }
  // requestAnimationFrame runs once the shown window is about to paint; a task queued from it
  // runs after that paint.
  await new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
  laterSteps.push(["painted", performance.timeOrigin + performance.now()]);
}
