// The start-up mark. The shell creates the window hidden and shows it when the page calls
// `startup_mark`, so the user never sees a blank window (src-tauri/src/startup.rs). The first
// view calls markStartup() once its real data (or the start-up error) is in the DOM;
// scripts/bench.sh measures start-up to this moment. Only the first call counts.
import { tick } from "svelte";
import * as api from "./api";
import { firstFrame, takeOverFirstFrame } from "./firstFrame";
import { navigationSteps } from "./pageTimings";

let marked = false;
/** Moments on the way to the mark (performance.now()), sent with it for scripts/bench.sh. */
const steps: [string, number][] = [["script", performance.now()]];

/** Notes that start-up reached `name` now (the first time only). */
export function startupStep(name: string): void {
  if (!marked && !steps.some(([n]) => n === name)) steps.push([name, performance.now()]);
}

/** The steps and the browser's own navigation timings, as epoch milliseconds. */
function stepsSinceEpoch(): [string, number][] {
  const origin = performance.timeOrigin;
  const out = navigationSteps();
  for (const [name, at] of steps) out.push([name, origin + at]);
  out.push(["mark", origin + performance.now()]);
  return out;
}

/** After Svelte has put the current state in the DOM and the browser has laid it out. Under the
 * shell's first frame (lib/firstFrame.ts), which made the mark already, this is the moment the
 * app's view replaces it. */
export async function markStartup(): Promise<void> {
  if (marked) return;
  marked = true;
  await tick();
  if (firstFrame() !== null) {
    const later = takeOverFirstFrame();
    try {
      // Only noted (for the bench), after the mark; the window is already shown.
      await api.startupMark(later);
    } catch {
      // Outside the app there is no shell to tell.
    }
    return;
  }
  steps.push(["in-dom", performance.now()]);
  // A hidden window paints no frames (requestAnimationFrame waits for it to show), so the mark
  // is the moment the first frame is ready: content in the DOM, styles and layout computed.
  void document.body.offsetHeight;
  // The viewport that layout had, for the bench and the end-to-end tests: 0x0 would mean the
  // hidden window's page was not given its size, and the first frame is laid out twice.
  steps.push([`viewport-${Math.round(window.innerWidth)}x${Math.round(window.innerHeight)}`, performance.now()]);
  try {
    await api.startupMark(stepsSinceEpoch());
  } catch {
    // Outside the app (a plain browser) there is no window to show.
    return;
  }
  // When the shown window painted it, noted for the bench (as lib/firstFrame.ts does).
  requestAnimationFrame(() =>
    setTimeout(() => void api.startupMark([["painted", performance.timeOrigin + performance.now()]]).catch(() => {}), 0),
  );
}
