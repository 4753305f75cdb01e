// uPlot, loaded on first use. The charts are drawn a frame after their view's numbers, so the
// chart library (and its stylesheet) need not be parsed before those numbers can show: opening
// the Insights or Audience view starts its first paint without it, and the app's start does
// not load it at all.
import type uPlot from "uplot";

let pending: Promise<typeof uPlot> | null = null;

/** The uPlot class; the chunk is fetched once. */
export function loadUPlot(): Promise<typeof uPlot> {
  pending ??= Promise.all([import("uplot"), import("uplot/dist/uPlot.min.css")]).then(
    ([module]) => module.default,
    (err: unknown) => {
      // A failed fetch may succeed on the next try.
      pending = null;
      throw err;
    },
  );
  return pending;
}
