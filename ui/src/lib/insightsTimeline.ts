// The timeline's data, shaped for uPlot: inquiries counted per local calendar week (Monday to
// Monday, so a DST week is 167 or 169 hours), and posts and newsletters as markers at their own
// moments. Pure: no DOM, no chart library, so it is tested on its own.
import type { PostSummary } from "./api";

export interface TimelineInquiry {
  atMs: number;
  client: boolean;
}

export interface TimelineWeek {
  /** Local Monday 00:00 and the next Monday 00:00, epoch ms. */
  startMs: number;
  endMs: number;
  inquiries: number;
  clients: number;
}

/** uPlot's aligned data: x in seconds, then one array per series (undefined: no point here). */
export type TimelineData = [
  x: number[],
  inquiries: (number | undefined)[],
  clients: (number | undefined)[],
  posts: (number | undefined)[],
  newsletters: (number | undefined)[],
];

export interface Timeline {
  data: TimelineData;
  weeks: TimelineWeek[];
  /** For each x index, the index into `posts` of the post drawn there, or -1. */
  postAt: Int32Array;
  /** Publication times in ms, in the order of `posts` (oldest first). */
  postTimes: number[];
  posts: number;
  newsletters: number;
  inquiries: number;
  clients: number;
  /** The week with the most inquiries (the earliest of equals), or null when there were none. */
  busiest: TimelineWeek | null;
}

/** Where the markers sit on their own 0..1 scale, in the strip under the bars. */
export const POST_Y = 0.15;
export const NEWSLETTER_Y = 0.07;

/** Local midnight of the Monday of the week `ms` falls in. */
export function weekStart(ms: number): Date {
  const d = new Date(ms);
  const back = (d.getDay() + 6) % 7; // Monday 0 .. Sunday 6
  return new Date(d.getFullYear(), d.getMonth(), d.getDate() - back);
}

export const isNewsletter = (p: Pick<PostSummary, "kind">) => p.kind === "newsletter";

/**
 * The timeline over `posts` (oldest first, as the report lists them) and `inquiries` (any order).
 * The weeks run from the week of the first thing to the week of the last, empty weeks included.
 */
export function buildTimeline(posts: readonly PostSummary[], inquiries: readonly TimelineInquiry[]): Timeline {
  const postTimes = posts.map((p) => Date.parse(p.published_at));
  const inquiryTimes = inquiries.map((i) => i.atMs).filter((t) => Number.isFinite(t));
  const all = [...postTimes.filter((t) => Number.isFinite(t)), ...inquiryTimes];
  const empty: Timeline = {
    data: [[], [], [], [], []],
    weeks: [],
    postAt: new Int32Array(0),
    postTimes,
    posts: 0,
    newsletters: 0,
    inquiries: 0,
    clients: 0,
    busiest: null,
  };
  if (all.length === 0) return empty;

  let first = Infinity;
  let last = -Infinity;
  for (const t of all) {
    if (t < first) first = t;
    if (t > last) last = t;
  }

  const weeks: TimelineWeek[] = [];
  for (let d = weekStart(first); d.getTime() <= last; ) {
    const next = new Date(d.getFullYear(), d.getMonth(), d.getDate() + 7);
    weeks.push({ startMs: d.getTime(), endMs: next.getTime(), inquiries: 0, clients: 0 });
    d = next;
  }
  let clients = 0;
  for (const i of inquiries) {
    const w = weekIndexAt(weeks, i.atMs);
    if (w < 0) continue;
    weeks[w].inquiries += 1;
    if (i.client) {
      weeks[w].clients += 1;
      clients += 1;
    }
  }

  // One x axis for everything: week midpoints for the bars (a bar spans its week), post moments
  // for the markers, and the outer week edges so the first and last bars are not cut off.
  type Point = { x: number; week: number; post: number };
  const points: Point[] = weeks.map((w, i) => ({ x: (w.startMs + w.endMs) / 2000, week: i, post: -1 }));
  postTimes.forEach((t, i) => {
    if (Number.isFinite(t)) points.push({ x: t / 1000, week: -1, post: i });
  });
  points.push({ x: weeks[0].startMs / 1000, week: -1, post: -1 });
  points.push({ x: weeks[weeks.length - 1].endMs / 1000, week: -1, post: -1 });
  points.sort((a, b) => a.x - b.x || a.post - b.post);

  const n = points.length;
  const xs: number[] = [];
  const inq: (number | undefined)[] = [];
  const cli: (number | undefined)[] = [];
  const pst: (number | undefined)[] = [];
  const nls: (number | undefined)[] = [];
  const postAt = new Int32Array(n).fill(-1);
  let newsletters = 0;
  for (const p of points) {
    // uPlot wants strictly increasing x: nudge a point that lands on the one before it.
    let x = p.x;
    const prev = xs.length > 0 ? xs[xs.length - 1] : -Infinity;
    if (x <= prev) x = prev + 0.001;
    const i = xs.length;
    xs.push(x);
    inq.push(p.week >= 0 ? weeks[p.week].inquiries : undefined);
    cli.push(p.week >= 0 ? weeks[p.week].clients : undefined);
    if (p.post >= 0) {
      postAt[i] = p.post;
      if (isNewsletter(posts[p.post])) {
        newsletters += 1;
        pst.push(undefined);
        nls.push(NEWSLETTER_Y);
      } else {
        pst.push(POST_Y);
        nls.push(undefined);
      }
    } else {
      pst.push(undefined);
      nls.push(undefined);
    }
  }

  let busiest: TimelineWeek | null = null;
  for (const w of weeks) if (w.inquiries > 0 && (busiest === null || w.inquiries > busiest.inquiries)) busiest = w;

  return {
    data: [xs, inq, cli, pst, nls],
    weeks,
    postAt: postAt.subarray(0, xs.length),
    postTimes,
    posts: postTimes.filter((t) => Number.isFinite(t)).length - newsletters,
    newsletters,
    inquiries: inquiryTimes.length,
    clients,
    busiest,
  };
}

/** The index of the week that contains `ms`, or -1 when it is outside them all. */
export function weekIndexAt(weeks: readonly TimelineWeek[], ms: number): number {
  let lo = 0;
  let hi = weeks.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const w = weeks[mid];
    if (ms < w.startMs) hi = mid - 1;
    else if (ms >= w.endMs) lo = mid + 1;
    else return mid;
  }
  return -1;
}

/** Indices into the posts published in [startMs, endMs), given their sorted times. */
export function postsBetween(postTimes: readonly number[], startMs: number, endMs: number): number[] {
  let lo = 0;
  let hi = postTimes.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (postTimes[mid] < startMs) lo = mid + 1;
    else hi = mid;
  }
  const out: number[] = [];
  for (let i = lo; i < postTimes.length && postTimes[i] < endMs; i++) out.push(i);
  return out;
}
