// The calendar's date grid, in local calendar days ("YYYY-MM-DD"), never in milliseconds: a day
// is a day whatever the clocks do, so a DST change cannot shift, double or drop one. Arithmetic
// goes through Date.UTC, which has no DST. Weeks start on Monday. Pure: no state, no DOM.

/** A local calendar day, "YYYY-MM-DD". */
export type Day = string;

export type CalendarMode = "month" | "week";

const DAY_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

export interface Ymd {
  year: number;
  /** 1..12 */
  month: number;
  /** 1..31 */
  day: number;
}

/** The parts of a day, or null when it is not a real calendar day (2026-02-30). */
export function parseDay(s: string): Ymd | null {
  const m = DAY_RE.exec(s.trim());
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

export function isDay(s: string): boolean {
  return parseDay(s) !== null;
}

export function makeDay(year: number, month: number, day: number): Day {
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

/** Days in `month` (1..12) of `year`, leap years included. */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function partsOf(day: Day): Ymd {
  const p = parseDay(day);
  if (!p) throw new RangeError(`not a calendar day: ${day}`);
  return p;
}

/** Days since 1970-01-01 (a plain count, no time zone in it). */
function serial(day: Day): number {
  const { year, month, day: d } = partsOf(day);
  return Math.round(Date.UTC(year, month - 1, d) / MS_PER_DAY);
}

function fromSerial(n: number): Day {
  const d = new Date(n * MS_PER_DAY);
  return makeDay(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/** The day `n` days after `day` (before, when negative). */
export function addDays(day: Day, n: number): Day {
  return fromSerial(serial(day) + n);
}

/** Whole days from `a` to `b` (negative when `b` is earlier). */
export function daysBetween(a: Day, b: Day): number {
  return serial(b) - serial(a);
}

/** The same day of the month `n` months later, kept inside the month (31 Jan + 1 = 28/29 Feb). */
export function addMonths(day: Day, n: number): Day {
  const { year, month, day: d } = partsOf(day);
  const index = year * 12 + (month - 1) + n;
  const y = Math.floor(index / 12);
  const m = index - y * 12 + 1;
  return makeDay(y, m, Math.min(d, daysInMonth(y, m)));
}

/** ISO weekday: 1 = Monday .. 7 = Sunday. */
export function weekday(day: Day): number {
  // 1970-01-01 was a Thursday (4).
  return ((((serial(day) + 3) % 7) + 7) % 7) + 1;
}

/** The Monday of the week `day` is in. */
export function startOfWeek(day: Day): Day {
  return addDays(day, 1 - weekday(day));
}

/** The seven days, Monday to Sunday, of the week `day` is in. */
export function weekOf(day: Day): Day[] {
  const monday = startOfWeek(day);
  return Array.from({ length: 7 }, (_, i) => addDays(monday, i));
}

/** The first day of the month `day` is in. */
export function startOfMonth(day: Day): Day {
  const { year, month } = partsOf(day);
  return makeDay(year, month, 1);
}

export function endOfMonth(day: Day): Day {
  const { year, month } = partsOf(day);
  return makeDay(year, month, daysInMonth(year, month));
}

/**
 * The month of `day` as whole weeks, Monday to Sunday: from the Monday on or before the 1st to
 * the Sunday on or after the last day (4 to 6 rows; days of the neighbouring months included).
 */
export function monthGrid(day: Day): Day[][] {
  const first = startOfWeek(startOfMonth(day));
  const last = addDays(startOfWeek(endOfMonth(day)), 6);
  const weeks: Day[][] = [];
  for (let monday = first; daysBetween(monday, last) >= 0; monday = addDays(monday, 7)) {
    weeks.push(Array.from({ length: 7 }, (_, i) => addDays(monday, i)));
  }
  return weeks;
}

/** Whether `a` and `b` are in the same month of the same year. */
export function sameMonth(a: Day, b: Day): boolean {
  return a.slice(0, 7) === b.slice(0, 7);
}

/** The ISO 8601 week number (weeks start on Monday; week 1 holds the year's first Thursday). */
export function isoWeek(day: Day): { year: number; week: number } {
  const thursday = addDays(startOfWeek(day), 3);
  const year = partsOf(thursday).year;
  const week = Math.floor(daysBetween(makeDay(year, 1, 1), thursday) / 7) + 1;
  return { year, week };
}

/** The days a view shows: the month grid (whole weeks) or the one week. */
export function visibleDays(mode: CalendarMode, focus: Day): Day[] {
  return mode === "month" ? monthGrid(focus).flat() : weekOf(focus);
}

/** The first and last day a view shows, for asking the backend what falls on them. */
export function visibleRange(mode: CalendarMode, focus: Day): { from: Day; to: Day } {
  const days = visibleDays(mode, focus);
  return { from: days[0], to: days[days.length - 1] };
}

/** The focus one step back (-1) or forward (+1): a month or a week, depending on the view. */
export function step(mode: CalendarMode, focus: Day, direction: number): Day {
  return mode === "month" ? addMonths(focus, direction) : addDays(focus, 7 * direction);
}

/**
 * Where the keyboard focus goes in the grid for a key, or null when the key does nothing:
 * arrows move a day or a week, Home/End go to the start/end of the week, Page Up/Down a month
 * (with Shift: a year).
 */
export function moveByKey(day: Day, key: string, shift = false): Day | null {
  switch (key) {
    case "ArrowLeft":
      return addDays(day, -1);
    case "ArrowRight":
      return addDays(day, 1);
    case "ArrowUp":
      return addDays(day, -7);
    case "ArrowDown":
      return addDays(day, 7);
    case "Home":
      return startOfWeek(day);
    case "End":
      return addDays(startOfWeek(day), 6);
    case "PageUp":
      return addMonths(day, shift ? -12 : -1);
    case "PageDown":
      return addMonths(day, shift ? 12 : 1);
    default:
      return null;
  }
}

/** Today as a local day, from a Date (the local clock's calendar day, DST included). */
export function dayOf(d: Date): Day {
  return makeDay(d.getFullYear(), d.getMonth() + 1, d.getDate());
}

/** Noon of a local day, as a Date: safe to format (no DST change happens at noon). */
export function noonOf(day: Day): Date {
  const { year, month, day: d } = partsOf(day);
  return new Date(year, month - 1, d, 12, 0, 0, 0);
}

/** Items sorted onto their days; days without any are not in the map. */
export function byDay<T>(items: readonly T[], dayOfItem: (item: T) => Day | null): Map<Day, T[]> {
  const map = new Map<Day, T[]>();
  for (const item of items) {
    const day = dayOfItem(item);
    if (day === null) continue;
    const list = map.get(day);
    if (list) list.push(item);
    else map.set(day, [item]);
  }
  return map;
}

/** Weekday names Monday..Sunday in `locale` ("Mon", "ma"), from a week known to start Monday. */
export function weekdayNames(locale: string, width: "short" | "long" | "narrow" = "short"): string[] {
  const fmt = new Intl.DateTimeFormat(locale, { weekday: width });
  // 2024-01-01 was a Monday.
  return weekOf("2024-01-01").map((d) => fmt.format(noonOf(d)));
}
