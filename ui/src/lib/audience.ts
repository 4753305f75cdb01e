// Pure helpers of the Audience and People views: numbers shown as "—" when missing (never 0),
// the observations in words, the chart's data.
import type {
  AudienceMonth,
  ChartSeries,
  Metric,
  Observation,
  PostEngagement,
  PostMetrics,
  SeriesHeadline,
} from "./api";
import type { MessageKey } from "./i18n/en";
import type { Params } from "./i18n/interpolate";

type Translate = (key: MessageKey, params?: Params) => string;

/** Shown wherever a number is not known. */
export const MISSING = "—";

const formatters = new Map<string, Intl.NumberFormat>();
function nf(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locale, options);
    formatters.set(key, f);
  }
  return f;
}

/** A count, or "—" when it is not known. */
export function countOrMissing(n: number | null | undefined, locale: string): string {
  return n == null ? MISSING : nf(locale, { maximumFractionDigits: 0 }).format(n);
}

/** An engagement rate (a fraction) as a percentage with one decimal (two below 1%), or "—". */
export function rateOrMissing(rate: number | null | undefined, locale: string): string {
  if (rate == null || !Number.isFinite(rate)) return MISSING;
  const digits = rate !== 0 && rate < 0.01 ? 2 : 1;
  return nf(locale, { style: "percent", minimumFractionDigits: digits, maximumFractionDigits: digits }).format(rate);
}

/** A credited count (a sum of shares): one decimal, "0" for none. */
export function creditText(x: number, locale: string): string {
  if (Math.abs(x) < 0.05) return "0";
  return nf(locale, { maximumFractionDigits: 1 }).format(x);
}

/** The numbers the "Numbers" form offers, by what the post is. */
export const POST_METRICS: Metric[] = ["impressions", "reactions", "comments", "reposts"];
export const NEWSLETTER_METRICS: Metric[] = ["recipients", "opens", "clicks", "replies", "new_subscribers"];

/** Form text per metric ("" for empty) into PostMetrics: only changed, typed values are sent. */
export function metricsFromForm(
  typed: Partial<Record<Metric, string>>,
  latest: PostMetrics,
): { values: PostMetrics; invalid: Metric | null } {
  const values: PostMetrics = {
    impressions: null,
    reactions: null,
    comments: null,
    reposts: null,
    engagements: null,
    recipients: null,
    opens: null,
    clicks: null,
    replies: null,
    new_subscribers: null,
  };
  for (const [metric, text] of Object.entries(typed) as [Metric, string][]) {
    const s = text.trim().replace(/[\s.,']/g, "");
    if (s === "") continue;
    if (!/^\d+$/.test(s)) return { values, invalid: metric };
    const n = Number(s);
    if (n !== latest[metric]) values[metric] = n;
  }
  return { values, invalid: null };
}

export function isEmptyMetrics(m: PostMetrics): boolean {
  return Object.values(m).every((v) => v == null);
}

/** The observations in words. */
export function observationText(o: Observation, t: Translate, locale: string): string {
  switch (o.kind) {
    case "too_early":
      return t("audience.obs.tooEarly", {
        posts: countOrMissing(o.posts_with_rate, locale),
        inquiries: countOrMissing(o.inquiries, locale),
      });
    case "audience_vs_inquiries": {
      const pct = nf(locale, { style: "percent", maximumFractionDigits: 0 }).format(Math.abs(o.growth));
      const grew = o.growth >= 0 ? "audience.obs.grew" : "audience.obs.shrank";
      const first = t(grew, { channel: o.channel, pct, months: o.months });
      const per = (x: number) => nf(locale, { maximumFractionDigits: 1 }).format(x);
      const second =
        o.trend === "about_same"
          ? t("audience.obs.inqSame", { per: per(o.inquiries_per_month_after) })
          : t(o.trend === "up" ? "audience.obs.inqUp" : "audience.obs.inqDown", {
              before: per(o.inquiries_per_month_before),
              after: per(o.inquiries_per_month_after),
            });
      return `${first} ${second}`;
    }
    case "quiet_vs_loud":
      return t("audience.obs.quietLoud", {
        n: o.posts,
        quiet: creditText(o.quiet_clients, locale),
        loud: creditText(o.loud_clients, locale),
      });
  }
}

/** uPlot data for the audience chart: one x axis (seconds) over every series' times. */
export function audienceChartData(series: ChartSeries[]): (number | null)[][] {
  const times = Array.from(new Set(series.flatMap((s) => s.at_ms))).sort((a, b) => a - b);
  const at = new Map(times.map((ms, i) => [ms, i]));
  const columns = series.map((s) => {
    const col: (number | null)[] = new Array(times.length).fill(null);
    s.at_ms.forEach((ms, i) => (col[at.get(ms)!] = s.size[i]));
    return col;
  });
  return [times.map((ms) => ms / 1000), ...columns];
}

/** Local midnight of the first of a "YYYY-MM" month, in seconds (the months chart's x). */
export function monthStartSeconds(month: string): number {
  const [y, m] = month.split("-").map(Number);
  return new Date(y, m - 1, 1).getTime() / 1000;
}

/** The months chart: inquiries, clients and the median engagement rate (in %) per month. */
export function monthsChartData(months: AudienceMonth[]): (number | null)[][] {
  return [
    months.map((m) => monthStartSeconds(m.month)),
    months.map((m) => m.inquiries),
    months.map((m) => m.clients),
    months.map((m) => (m.median_engagement_rate == null ? null : m.median_engagement_rate * 100)),
  ];
}

/** The local "YYYY-MM" month an instant (in seconds) falls in: the months chart's x back. */
export function monthOfSeconds(seconds: number): string {
  const d = new Date(seconds * 1000);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}`;
}

const monthFormatters = new Map<string, Intl.DateTimeFormat>();

/** "May 2026" / "mei 2026". (One formatter per locale: the month table has a row per month.) */
export function monthLabel(month: string, locale: string): string {
  const [y, m] = month.split("-").map(Number);
  let f = monthFormatters.get(locale);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, { month: "short", year: "numeric" });
    monthFormatters.set(locale, f);
  }
  return f.format(new Date(y, m - 1, 1));
}

// ---------- The per-post table ----------

/** The columns the per-post table sorts by. "post" sorts by the day it was published. */
export type EngagementSortKey = "post" | "clients" | "inquiries" | "rate" | "engagements" | "audience";
export type SortDirection = "ascending" | "descending";

/** The table's own order ("what followed"): clients, then inquiries, biggest first. */
export const DEFAULT_ENGAGEMENT_SORT: { key: EngagementSortKey; dir: SortDirection } = {
  key: "clients",
  dir: "descending",
};

/** The value a column sorts by; null is "not recorded" and goes last either way. */
function sortValue(p: PostEngagement, key: EngagementSortKey): number | null {
  switch (key) {
    case "post":
      return 0;
    case "clients":
      return p.credited_clients;
    case "inquiries":
      return p.credited_inquiries;
    case "rate":
      return p.engagement_rate;
    case "engagements":
      return p.engagements;
    case "audience":
      return p.audience_size;
  }
}

/**
 * A sorted copy of the per-post rows. Sorted by clients, ties go by inquiries (the same
 * direction) and then by engagement rate, so "clients, biggest first" is exactly the order the
 * view starts with: what followed, then engagement. A number that was not recorded goes last
 * whichever way a column is sorted (missing is never treated as zero). Remaining ties: newest
 * first.
 */
export function sortEngagement(
  posts: readonly PostEngagement[],
  key: EngagementSortKey,
  dir: SortDirection,
): PostEngagement[] {
  const sign = dir === "ascending" ? 1 : -1;
  // RFC 3339 UTC strings of one shape sort as text.
  const newestFirst = (a: PostEngagement, b: PostEngagement) =>
    a.published_at < b.published_at ? 1 : a.published_at > b.published_at ? -1 : b.id - a.id;
  const rateLast = (a: PostEngagement, b: PostEngagement) =>
    (b.engagement_rate ?? -Infinity) - (a.engagement_rate ?? -Infinity);
  return [...posts].sort((a, b) => {
    if (key === "post") return sign * -newestFirst(a, b);
    const av = sortValue(a, key);
    const bv = sortValue(b, key);
    if (av === null || bv === null) {
      if (av !== bv) return av === null ? 1 : -1;
      return newestFirst(a, b);
    }
    let byValue = av - bv;
    if (byValue === 0 && key === "clients") byValue = a.credited_inquiries - b.credited_inquiries;
    if (byValue !== 0) return sign * byValue;
    if (key === "clients") return rateLast(a, b) || newestFirst(a, b);
    return newestFirst(a, b);
  });
}

// ---------- The headline and the charts' hover values ----------

/** The chart in words, from the headline: per series the latest size and where it started. */
export function headlineWords(
  series: SeriesHeadline[],
  t: Translate,
  locale: string,
  formatDay: (ms: number, locale: string) => string,
): string[] {
  return series.map((s) => {
    const latest = t("audience.chartLatest", {
      channel: s.channel,
      measure: t(`measure.${s.measure}`),
      size: countOrMissing(s.latest_size, locale),
      date: formatDay(s.latest_at_ms, locale),
    });
    return s.points > 1
      ? `${latest}, ${t("audience.chartSince", { size: countOrMissing(s.first_size, locale), date: formatDay(s.first_at_ms, locale) })}`
      : latest;
  });
}

/**
 * What a chart's legend shows for the point under the pointer: a count, or a percentage on the
 * right-hand scale; "—" where a series has no value at that moment (never 0).
 */
export function hoverValue(v: number | null | undefined, locale: string, unit: string | null = null): string {
  if (v == null || !Number.isFinite(v)) return MISSING;
  return `${nf(locale, { maximumFractionDigits: unit ? 1 : 0 }).format(v)}${unit ?? ""}`;
}

declare global {
  interface Window {
    /** Milliseconds from the click that opened the Audience view (or, without one, from the
     * view's start) to the first frame that showed its numbers. */
    __afterwordAudiencePaintMs?: number;
  }
}

/** The mark the nav click sets (App.svelte) when the user opens the view. */
const AUDIENCE_NAV_MARK = "afterword:nav:audience";

/**
 * Call right after the first numbers are set: once the frame that shows them has been painted,
 * keeps the time since the click that opened the view (or since `fallbackStart`) for the bench
 * (`e2e_audience`, ignored test). rAF runs just before a frame is painted; a task queued from it
 * runs just after.
 */
export function recordAudiencePaint(fallbackStart: number): void {
  if (typeof window === "undefined" || typeof requestAnimationFrame === "undefined") return;
  requestAnimationFrame(() => {
    setTimeout(() => {
      const marks = performance.getEntriesByName(AUDIENCE_NAV_MARK, "mark");
      const start = marks.length > 0 ? marks[marks.length - 1].startTime : fallbackStart;
      window.__afterwordAudiencePaintMs = performance.now() - start;
      performance.clearMarks(AUDIENCE_NAV_MARK);
    }, 0);
  });
}
