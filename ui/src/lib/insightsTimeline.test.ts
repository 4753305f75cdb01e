import { describe, expect, it } from "vitest";
import type { PostSummary } from "./api";
import { buildTimeline, NEWSLETTER_Y, POST_Y, postsBetween, weekIndexAt, weekStart } from "./insightsTimeline";

// Tests run in Europe/Amsterdam (vite.config.ts), which has DST.
const local = (y: number, m: number, d: number, h = 0, mi = 0) => new Date(y, m - 1, d, h, mi).getTime();

function post(id: number, atMs: number, kind: PostSummary["kind"] = "post"): PostSummary {
  return {
    id,
    published_at: new Date(atMs).toISOString(),
    channel: "LinkedIn",
    kind,
    title: `Post ${id}`,
    felt: null,
    motive: null,
    minutes: null,
    credited_inquiries: 0,
    credited_clients: 0,
    credited_revenue_cents: 0,
    days_to_first_inquiry: null,
    credit_count: 0,
  };
}

describe("weekStart", () => {
  it("is local Monday midnight, also on a Sunday and across a clock change", () => {
    expect(weekStart(local(2026, 3, 29, 12)).getTime()).toBe(local(2026, 3, 23));
    expect(weekStart(local(2026, 3, 30, 0, 0)).getTime()).toBe(local(2026, 3, 30));
    expect(weekStart(local(2026, 1, 1, 9)).getTime()).toBe(local(2025, 12, 29));
  });
});

describe("buildTimeline", () => {
  it("is empty without posts or inquiries", () => {
    const tl = buildTimeline([], []);
    expect(tl.weeks).toEqual([]);
    expect(tl.data[0]).toEqual([]);
    expect(tl.busiest).toBeNull();
  });

  it("counts inquiries and clients per local week, empty weeks included", () => {
    const posts = [post(1, local(2026, 3, 2, 9)), post(2, local(2026, 3, 18, 20), "newsletter")];
    const tl = buildTimeline(posts, [
      { atMs: local(2026, 3, 3, 10), client: true },
      { atMs: local(2026, 3, 8, 23, 59), client: false },
      { atMs: local(2026, 3, 20, 8), client: false },
      { atMs: local(2026, 3, 30, 1), client: true }, // the Monday after the DST change
    ]);
    expect(tl.weeks.map((w) => [w.inquiries, w.clients])).toEqual([
      [2, 1],
      [0, 0],
      [1, 0],
      [0, 0],
      [1, 1],
    ]);
    // The week of the clock change is an hour short.
    expect(tl.weeks[3].endMs - tl.weeks[3].startMs).toBe(7 * 24 * 3600_000 - 3600_000);
    expect(tl.busiest?.startMs).toBe(local(2026, 3, 2));
    expect([tl.posts, tl.newsletters, tl.inquiries, tl.clients]).toEqual([1, 1, 4, 2]);
  });

  it("puts bars at week midpoints and markers at their moments on one rising time axis", () => {
    const posts = [post(1, local(2026, 3, 2, 9)), post(2, local(2026, 3, 4, 9), "newsletter")];
    const tl = buildTimeline(posts, [{ atMs: local(2026, 3, 5, 9), client: false }]);
    const [xs, inquiries, clients, markers, newsletters] = tl.data;
    for (let i = 1; i < xs.length; i++) expect(xs[i]).toBeGreaterThan(xs[i - 1]);
    // The week's edges, its midpoint and the two posts.
    expect(xs.length).toBe(5);
    expect(xs[0]).toBe(local(2026, 3, 2) / 1000);
    expect(xs[xs.length - 1]).toBe(local(2026, 3, 9) / 1000);
    const mid = xs.indexOf((local(2026, 3, 2) + local(2026, 3, 9)) / 2000);
    expect([inquiries[mid], clients[mid]]).toEqual([1, 0]);
    const p = xs.indexOf(local(2026, 3, 2, 9) / 1000);
    const n = xs.indexOf(local(2026, 3, 4, 9) / 1000);
    expect([markers[p], newsletters[p], tl.postAt[p]]).toEqual([POST_Y, undefined, 0]);
    expect([markers[n], newsletters[n], tl.postAt[n]]).toEqual([undefined, NEWSLETTER_Y, 1]);
    // Where there is no week, the bar series have no point at all (not a zero bar).
    expect(inquiries[p]).toBeUndefined();
    expect(tl.postAt[mid]).toBe(-1);
  });

  it("keeps two posts at the same moment apart", () => {
    const at = local(2026, 3, 4, 9);
    const tl = buildTimeline([post(1, at), post(2, at)], []);
    const shown = [...tl.postAt].filter((i) => i >= 0);
    expect(shown).toEqual([0, 1]);
    const xs = tl.data[0];
    for (let i = 1; i < xs.length; i++) expect(xs[i]).toBeGreaterThan(xs[i - 1]);
  });

  it("handles ten years of data quickly", () => {
    const start = local(2016, 1, 4);
    const posts = Array.from({ length: 5000 }, (_, i) => post(i + 1, start + i * 17.5 * 3600_000, i % 5 === 0 ? "newsletter" : "post"));
    const inquiries = Array.from({ length: 2000 }, (_, i) => ({ atMs: start + i * 43.8 * 3600_000, client: i % 3 === 0 }));
    const began = performance.now();
    const tl = buildTimeline(posts, inquiries);
    expect(performance.now() - began).toBeLessThan(200);
    expect(tl.weeks.reduce((n, w) => n + w.inquiries, 0)).toBe(2000);
    expect(tl.posts + tl.newsletters).toBe(5000);
  });
});

describe("lookups", () => {
  it("finds the week of a moment and the posts of a week", () => {
    const posts = [post(1, local(2026, 3, 2, 9)), post(2, local(2026, 3, 10, 9)), post(3, local(2026, 3, 12, 9))];
    const tl = buildTimeline(posts, []);
    expect(weekIndexAt(tl.weeks, local(2026, 3, 11))).toBe(1);
    expect(weekIndexAt(tl.weeks, local(2026, 3, 1))).toBe(-1);
    expect(postsBetween(tl.postTimes, tl.weeks[1].startMs, tl.weeks[1].endMs)).toEqual([1, 2]);
    expect(postsBetween(tl.postTimes, local(2026, 4, 1), local(2026, 4, 8))).toEqual([]);
  });
});
