// The posts list's dates and counts written without Intl, for the formatting locales the shell's
// first frame writes too (src-tauri/src/first_frame/locale.rs, the same tables): the first Intl
// format of a page loads ICU's libraries and data into the web process, 3.6 MB and ~12 ms here
// (scripts/bench.sh, README "Benchmarks"), and at start the list is all there is on screen.
// Other locales, and every other view, format with Intl (time.ts, insights.ts). rowFormats.test.ts
// holds these tables to Intl; the end-to-end tests hold the shell's to the web view's Intl.
import { formatCount } from "./insights";
import { formatDayShort, formatTime } from "./time";

const EN_WEEKDAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const NL_WEEKDAYS = ["zo", "ma", "di", "wo", "do", "vr", "za"];
const EN_US_MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
// British English has had "Sept" since CLDR 38.
const EN_GB_MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sept", "Oct", "Nov", "Dec"];
const NL_MONTHS = ["jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"];

const pad = (n: number) => String(n).padStart(2, "0");

/** Whether this module writes `locale` itself (no Intl needed for the list). */
export function writesOwnFormats(locale: string): boolean {
  return locale === "en-US" || locale === "en-GB" || locale === "nl-NL" || locale === "nl-BE";
}

/** "Wed, Nov 25, 2026 · 04:13 PM" / "Wed, 25 Nov 2026 · 16:13" / "wo 25 nov 2026 · 16:13": a
 * post row's day and time, in local time, as formatDayShort · formatTime write them. */
export function rowDayAndTime(rfc3339: string, locale: string): string {
  const d = new Date(rfc3339);
  if (!writesOwnFormats(locale) || Number.isNaN(d.getTime())) {
    return `${formatDayShort(rfc3339, locale)} · ${formatTime(rfc3339, locale)}`;
  }
  const [day, month, year, hour, minute] = [d.getDate(), d.getMonth(), d.getFullYear(), d.getHours(), d.getMinutes()];
  if (locale === "en-US") {
    const twelve = hour % 12 === 0 ? 12 : hour % 12;
    return `${EN_WEEKDAYS[d.getDay()]}, ${EN_US_MONTHS[month]} ${day}, ${year} · ${pad(twelve)}:${pad(minute)} ${hour < 12 ? "AM" : "PM"}`;
  }
  const time = `${pad(hour)}:${pad(minute)}`;
  if (locale === "en-GB") return `${EN_WEEKDAYS[d.getDay()]}, ${day} ${EN_GB_MONTHS[month]} ${year} · ${time}`;
  return `${NL_WEEKDAYS[d.getDay()]} ${day} ${NL_MONTHS[month]} ${year} · ${time}`;
}

/** A whole count with the locale's thousands separator: "5,000" / "5.000". */
export function rowCount(n: number, locale: string): string {
  if (!writesOwnFormats(locale) || !Number.isSafeInteger(n) || n < 0) return formatCount(n, locale);
  const separator = locale.startsWith("nl") ? "." : ",";
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, separator);
}
