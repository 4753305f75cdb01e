// The insights view's pure logic: number formats, sorting the "What followed" table, and the
// plain-language sentences for groups and the baseline; `t` is passed in. Pure, except for
// recordPaint at the end, which measures the first paint in the window.
import type {
  AttributionModel,
  GroupInsight,
  Inquiry,
  InsightGroups,
  InsightsBaseline,
  InsightSettings,
  PostSummary,
} from "./api";
import { isErrorPayload } from "./api";
import type { MessageKey } from "./i18n/en";
import type { Params } from "./i18n/interpolate";

export type Translate = (key: MessageKey, params?: Params) => string;

/** The six models in the order the settings panel offers them (the default first). */
export const MODELS: readonly AttributionModel[] = [
  "time_decay",
  "linear",
  "last_touch",
  "first_touch",
  "position",
  "confirmed_only",
];

/** The saved settings' fields as the panel names them. */
export type SettingsField = "model" | "window" | "halfLife";

export const DEFAULT_SETTINGS: InsightSettings = { model: "time_decay", window_days: 30, half_life_days: 7 };

/** Rows of "What followed" rendered at first and added by each "Show more". */
export const PAGE_SIZE = 50;

// ---------- Numbers ----------

const formatters = new Map<string, Intl.NumberFormat>();

function numberFormat(locale: string, min: number, max: number): Intl.NumberFormat {
  const key = `${locale}|${min}|${max}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locale, { minimumFractionDigits: min, maximumFractionDigits: max });
    formatters.set(key, f);
  }
  return f;
}

/** A whole count: "5,000" / "5.000". */
export function formatCount(n: number, locale: string): string {
  return numberFormat(locale, 0, 0).format(n);
}

/** A credit (a sum of shares) with one decimal: "1.4" / "1,4". Never "-0.0". */
export function formatCredit(x: number, locale: string): string {
  const v = Math.abs(x) < 0.05 ? 0 : x;
  return numberFormat(locale, 1, 1).format(v);
}

/** A small rate or ratio: one decimal, two when it is below 0.1 so it does not read as zero. */
export function formatRate(x: number, locale: string): string {
  if (x !== 0 && Math.abs(x) < 0.095) return numberFormat(locale, 2, 2).format(x);
  return numberFormat(locale, 1, 1).format(x);
}

const dateFormatters = new Map<string, Intl.DateTimeFormat>();

/**
 * "Aug 21, 2026" / "21 aug 2026", like time.ts's formatDate, with the formatter kept: making an
 * Intl.DateTimeFormat costs about a millisecond in WebKit, too much for every row of a table.
 */
export function formatDay(rfc3339OrMs: string | number, locale: string): string {
  const d = new Date(rfc3339OrMs);
  if (Number.isNaN(d.getTime())) return String(rfc3339OrMs);
  let f = dateFormatters.get(locale);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, { dateStyle: "medium" });
    dateFormatters.set(locale, f);
  }
  return f.format(d);
}

const moneyFormatters = new Map<string, Intl.NumberFormat | null>();

/** An amount in whole units, for overviews: "€1,200" / "€ 1.200". Unknown codes: "1,200 XYZ". */
export function formatWholeMoney(cents: number, currency: string, locale: string): string {
  const code = currency.trim().toUpperCase() || "EUR";
  const key = `${locale}|${code}`;
  let f = moneyFormatters.get(key);
  if (f === undefined) {
    try {
      f = new Intl.NumberFormat(locale, {
        style: "currency",
        currency: code,
        minimumFractionDigits: 0,
        maximumFractionDigits: 0,
      });
    } catch {
      f = null;
    }
    moneyFormatters.set(key, f);
  }
  const amount = Math.round(cents / 100); // display only
  return f ? f.format(amount) : `${formatCount(amount, locale)} ${code}`;
}

const pluralRules = new Map<string, Intl.PluralRules>();

/** "1 post" / "5 posts" through the `.one` / `.other` keys of `base`. */
export function countOf(
  t: Translate,
  base: "insights.nPosts" | "insights.nNewsletters" | "insights.nInquiries" | "insights.nClients" | "insights.nDays",
  n: number,
  locale: string,
): string {
  let rules = pluralRules.get(locale);
  if (!rules) {
    rules = new Intl.PluralRules(locale);
    pluralRules.set(locale, rules);
  }
  const form = rules.select(n) === "one" ? "one" : "other";
  return t(`${base}.${form}` as MessageKey, { n: formatCount(n, locale) });
}

// ---------- Currency ----------

export interface CurrencyInfo {
  /** The currency the totals are shown in. */
  code: string;
  /** Every currency clients' values were logged in, when there is more than one. */
  mixed: string[] | null;
}

/**
 * The report adds clients' values up as plain cents; this names the currency they are in: the one
 * all clients' values use, else the most common (and says they are mixed), else EUR.
 */
export function clientCurrency(inquiries: Pick<Inquiry, "status" | "value_cents" | "currency">[]): CurrencyInfo {
  const counts = new Map<string, number>();
  for (const i of inquiries) {
    if (i.status !== "client" || i.value_cents === null) continue;
    const code = i.currency.trim().toUpperCase() || "EUR";
    counts.set(code, (counts.get(code) ?? 0) + 1);
  }
  if (counts.size === 0) return { code: "EUR", mixed: null };
  const ordered = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  return { code: ordered[0][0], mixed: ordered.length > 1 ? ordered.map(([c]) => c).sort() : null };
}

// ---------- The "What followed" table ----------

export type SortKey = "date" | "channel" | "title" | "inquiries" | "clients" | "revenue" | "days";
export type SortDir = "ascending" | "descending";

export const SORT_KEYS: readonly SortKey[] = ["date", "channel", "title", "inquiries", "clients", "revenue", "days"];

/** Where a click on a new column starts: numbers and dates biggest/newest first, words A to Z. */
export function firstDirection(key: SortKey): SortDir {
  return key === "channel" || key === "title" || key === "days" ? "ascending" : "descending";
}

const collators = new Map<string, Intl.Collator>();

function collator(locale: string): Intl.Collator {
  let c = collators.get(locale);
  if (!c) {
    c = new Intl.Collator(locale, { sensitivity: "base", numeric: true });
    collators.set(locale, c);
  }
  return c;
}

/**
 * A sorted copy. Ties go newest first, so equal rows keep a stable, meaningful order. Posts with
 * no inquiry have no "days to first inquiry" and go last whichever way that column is sorted.
 */
export function sortPosts(posts: readonly PostSummary[], key: SortKey, dir: SortDir, locale: string): PostSummary[] {
  const sign = dir === "ascending" ? 1 : -1;
  const words = collator(locale);
  // RFC 3339 UTC strings of one shape sort as text; comparing them avoids parsing 5,000 dates.
  const newestFirst = (a: PostSummary, b: PostSummary) =>
    a.published_at < b.published_at ? 1 : a.published_at > b.published_at ? -1 : b.id - a.id;
  let compare: (a: PostSummary, b: PostSummary) => number;
  switch (key) {
    case "date":
      compare = (a, b) => -newestFirst(a, b);
      break;
    case "channel":
      compare = (a, b) => words.compare(a.channel, b.channel);
      break;
    case "title":
      compare = (a, b) => words.compare(a.title, b.title);
      break;
    case "inquiries":
      compare = (a, b) => a.credited_inquiries - b.credited_inquiries;
      break;
    case "clients":
      compare = (a, b) => a.credited_clients - b.credited_clients;
      break;
    case "revenue":
      compare = (a, b) => a.credited_revenue_cents - b.credited_revenue_cents;
      break;
    case "days":
      compare = (a, b) => (a.days_to_first_inquiry ?? 0) - (b.days_to_first_inquiry ?? 0);
      break;
  }
  return [...posts].sort((a, b) => {
    if (key === "days") {
      const an = a.days_to_first_inquiry === null;
      const bn = b.days_to_first_inquiry === null;
      if (an !== bn) return an ? 1 : -1;
    }
    return sign * compare(a, b) || newestFirst(a, b);
  });
}

// ---------- Group comparisons ----------

export type GroupDimension = keyof InsightGroups;

export const GROUP_DIMENSIONS: readonly GroupDimension[] = ["kind", "channel", "motive", "felt", "weekday"];

const WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

/** "Monday" / "maandag", from Intl (5 January 2026 was a Monday). */
const weekdayFormatters = new Map<string, Intl.DateTimeFormat>();

export function weekdayName(key: string, locale: string): string {
  const i = WEEKDAYS.indexOf(key);
  if (i < 0) return key;
  let f = weekdayFormatters.get(locale);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, { weekday: "long", timeZone: "UTC" });
    weekdayFormatters.set(locale, f);
  }
  return f.format(Date.UTC(2026, 0, 5 + i));
}

/** What a group is called in a sentence: "Newsletters", "Messages you felt obliged to write". */
export function groupLabel(t: Translate, dimension: GroupDimension, key: string, locale: string): string {
  switch (dimension) {
    case "channel":
      return key;
    case "kind":
      return t(`insights.kindGroup.${key}` as MessageKey);
    case "felt":
      return t(`insights.feltGroup.${key}` as MessageKey);
    case "motive":
      return t(`insights.motiveGroup.${key}` as MessageKey);
    case "weekday":
      return t("insights.weekdayGroup", { day: weekdayName(key, locale) });
  }
}

export interface GroupSentence {
  key: string;
  text: string;
  tooEarly: boolean;
}

/**
 * One sentence per group. Groups with a finding come first, most inquiries per post first; the
 * ones where it is too early to tell follow in their own order, unranked: noise is not a ranking.
 */
export function groupSentences(
  t: Translate,
  dimension: GroupDimension,
  groups: readonly GroupInsight[],
  locale: string,
): GroupSentence[] {
  const findings = groups.filter((g) => !g.too_early).sort((a, b) => b.inquiries_per_post - a.inquiries_per_post);
  const early = groups.filter((g) => g.too_early);
  return [...findings, ...early].map((g) => {
    const label = groupLabel(t, dimension, g.key, locale);
    const posts = countOf(t, "insights.nPosts", g.posts, locale);
    if (g.too_early) return { key: g.key, text: t("insights.groupEarly", { label, posts }), tooEarly: true };
    const params = {
      label,
      posts,
      inquiries: formatCredit(g.inquiries_per_post, locale),
      clients: formatRate(g.clients_per_post, locale),
    };
    const text =
      g.clients_per_hour === null
        ? t("insights.groupLine", params)
        : t("insights.groupLineHour", { ...params, perHour: formatRate(g.clients_per_hour, locale) });
    return { key: g.key, text, tooEarly: false };
  });
}

// ---------- Baseline and lift ----------

/** The baseline in plain words: one or more sentences. */
export function baselineSentences(
  t: Translate,
  b: InsightsBaseline,
  windowDays: number,
  totals: { posts: number; inquiries: number },
  locale: string,
): string[] {
  if (b.too_early) {
    return [
      t("insights.baselineEarly", {
        posts: countOf(t, "insights.nPosts", totals.posts, locale),
        inquiries: countOf(t, "insights.nInquiries", totals.inquiries, locale),
      }),
    ];
  }
  const window = formatCount(windowDays, locale);
  const days = (d: number) => countOf(t, "insights.nDays", Math.round(d), locale);
  if (b.outside_days <= 0) return [t("insights.baselineNoQuiet", { window })];
  const out = [
    t("insights.baselineRates", {
      window,
      inside: formatRate(b.rate_inside_per_day * 7, locale),
      outside: formatRate(b.rate_outside_per_day * 7, locale),
    }),
  ];
  if (b.lift === null) {
    out.push(t("insights.baselineNoneOutside", { days: days(b.outside_days) }));
  } else if (b.lift_low === null || b.lift_high === null) {
    out.push(t("insights.baselineLiftNoInterval", { lift: formatRate(b.lift, locale) }));
  } else {
    out.push(
      t("insights.baselineLift", {
        lift: formatRate(b.lift, locale),
        low: formatRate(b.lift_low, locale),
        high: formatRate(b.lift_high, locale),
      }),
    );
    if (b.lift_low > 1) out.push(t("insights.baselineMore"));
    else if (b.lift_high < 1) out.push(t("insights.baselineLess"));
    else out.push(t("insights.baselineChance"));
  }
  out.push(t("insights.baselineBasis", { inside: days(b.inside_days), outside: days(b.outside_days) }));
  return out;
}

// ---------- Dates ----------

const DAY_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Local midnight of a "YYYY-MM-DD" day, or null when it is not a calendar day. */
export function localDayStart(day: string): Date | null {
  const m = DAY_RE.exec(day.trim());
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const at = new Date(y, mo - 1, d);
  return at.getFullYear() === y && at.getMonth() === mo - 1 && at.getDate() === d ? at : null;
}

/** Local midnight after a "YYYY-MM-DD" day (the end of a range that includes it), or null. */
export function localDayEnd(day: string): Date | null {
  const start = localDayStart(day);
  return start ? new Date(start.getFullYear(), start.getMonth(), start.getDate() + 1) : null;
}

// ---------- Errors ----------

/** True when a command rejected with an error about `field` (e.g. "from"). */
export function isPayloadField(err: unknown, field: string): boolean {
  return isErrorPayload(err) && err.field === field;
}

// ---------- Measuring the first paint ----------

declare global {
  interface Window {
    /** Milliseconds from the click on "Insights" to the first frame that showed the numbers. */
    __afterwordInsightsPaintMs?: number;
    /** Milliseconds from that click to the first frame that showed the whole view. */
    __afterwordInsightsAllMs?: number;
    /** Where those milliseconds went: from the click to each step (for the bench's diagnosis). */
    __afterwordInsightsSteps?: Record<string, number>;
  }
}

/** The mark the nav click sets (App.svelte) when the user opens the view. */
export const NAV_MARK = "afterword:nav:insights";
export const PAINT_MEASURE = "afterword:insights-paint";

/** Resolves once the next frame has been painted. */
export function afterNextPaint(): Promise<void> {
  if (typeof requestAnimationFrame === "undefined") return Promise.resolve();
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}

/**
 * Call right after the numbers are set: once the frame that shows them has been painted, stores
 * the time since the nav click (or since `fallbackStart`) and adds a performance measure.
 * `steps` are moments (performance.now()) on the way, stored relative to the click as well.
 */
export function recordPaint(fallbackStart: number, steps: Record<string, number> = {}): void {
  if (typeof window === "undefined" || typeof requestAnimationFrame === "undefined") return;
  // rAF runs just before the frame is painted; a task queued from it runs just after.
  requestAnimationFrame(() => {
    const frame = performance.now();
    setTimeout(() => {
      const marks = performance.getEntriesByName(NAV_MARK, "mark");
      const start = marks.length > 0 ? marks[marks.length - 1].startTime : fallbackStart;
      paintStart = start;
      window.__afterwordInsightsPaintMs = performance.now() - start;
      const relative: Record<string, number> = {};
      for (const [name, at] of Object.entries({ ...steps, frame })) relative[name] = Math.round(at - start);
      window.__afterwordInsightsSteps = relative;
      try {
        if (marks.length > 0) performance.measure(PAINT_MEASURE, NAV_MARK);
      } catch {
        // A measure is a nicety for the profiler; the number above is what the bench reads.
      }
      performance.clearMarks(NAV_MARK);
    }, 0);
  });
}

/** Where the last measured first paint was measured from. */
let paintStart: number | null = null;

/**
 * Call right after the rest of the view is set (after recordPaint's frame): stores the time from
 * the same start to the frame that shows it.
 */
export function recordRest(fallbackStart: number): void {
  if (typeof window === "undefined" || typeof requestAnimationFrame === "undefined") return;
  const start = paintStart ?? fallbackStart;
  requestAnimationFrame(() => {
    setTimeout(() => {
      window.__afterwordInsightsAllMs = performance.now() - start;
    }, 0);
  });
}
