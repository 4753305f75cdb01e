// The browser's own moments of the page's load, for the start-up steps scripts/bench.sh prints.

/** Navigation start, the HTML received, the DOM parsed: as epoch milliseconds. */
export function navigationSteps(): [string, number][] {
  const origin = performance.timeOrigin;
  const out: [string, number][] = [["navigation", origin]];
  const nav = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming | undefined;
  if (nav) {
    out.push(["html", origin + nav.responseEnd], ["dom-interactive", origin + nav.domInteractive]);
  }
  return out;
}
