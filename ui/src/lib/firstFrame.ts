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

/** The last click on the frame's controls, as a path (see pathOf) and what the control said,
 * to be made again on the app's view: a click in the moment before the app has loaded is not
 * lost. */
let clicked: { path: number[]; says: string } | null = null;

/** What a control says to the user; the same in the app's view unless the data changed. */
const says = (el: Element) => `${el.textContent ?? ""}|${el.getAttribute("aria-label") ?? ""}`;

/** Where `el` sits under `root`: its index among its parent's elements, level by level. The
 * frame and the app's view have the same elements (the e2e_first_frame tests), so a path in
 * one names the same element in the other. */
function pathOf(el: Element, root: Element): number[] | null {
  const path: number[] = [];
  let at: Element | null = el;
  while (at !== null && at !== root) {
    const parent: Element | null = at.parentElement;
    if (parent === null) return null;
    path.unshift(Array.prototype.indexOf.call(parent.children, at));
    at = parent;
  }
  return at === root ? path : null;
}

function elementAt(root: Element, path: number[] | null): Element | null {
  if (path === null) return null;
  let at: Element | null = root;
  for (const i of path) at = at?.children[i] ?? null;
  return at;
}

/** Gives the window to the app's own view: what was typed, chosen, focused or clicked in the
 * frame carries over to the same places in #app, the frame goes, #app shows. */
export function takeOverFirstFrame(): [string, number][] {
  const frame = firstFrame();
  const app = document.getElementById("app");
  if (frame !== null && app !== null) {
    for (const field of frame.querySelectorAll<HTMLInputElement | HTMLSelectElement>("input, select")) {
      const twin = elementAt(app, pathOf(field, frame));
      if ((twin instanceof HTMLInputElement || twin instanceof HTMLSelectElement) && twin.value !== field.value) {
        twin.value = field.value;
        // What Svelte's bind:value listens to.
        twin.dispatchEvent(new Event(twin instanceof HTMLSelectElement ? "change" : "input", { bubbles: true }));
      }
    }
    const active = document.activeElement;
    const focused = active !== null && frame.contains(active) ? elementAt(app, pathOf(active, frame)) : null;
    const twin = clicked === null ? null : elementAt(app, clicked.path);
    frame.remove();
    app.hidden = false;
    if (focused instanceof HTMLElement) focused.focus();
    // Only on the same control: had the data changed meanwhile, "Delete" on the second row
    // could be another post's.
    if (twin instanceof HTMLElement && clicked !== null && says(twin) === clicked.says) twin.click();
  } else if (app !== null) {
    app.hidden = false;
  }
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
  // The shell writes the frame hidden, so that WebKit lays none of it out before the entry script
  // has given the page its typeface (lib/typeface.ts): shown now, it is laid out once, below.
  frame.hidden = false;
  frame.addEventListener("click", (event) => {
    const control = (event.target as Element | null)?.closest("button, input, select, label");
    const path = control ? pathOf(control, frame) : null;
    clicked = control && path ? { path, says: says(control) } : null;
  });
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
