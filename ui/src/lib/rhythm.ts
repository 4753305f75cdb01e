// Words for the user's own rhythm, soft targets, ideas and the next reminder. Pure: the caller
// passes the translate function, so the tests read the real English and Dutch texts.
// Plain and non-judging: a gap is just a gap; nothing here counts what did not happen.
import type { ChannelCadence, Idea, IdeaInput, ReminderPreview } from "./api";
import { dayOf, daysBetween, isDay, noonOf, type Day } from "./calendar";
import type { MessageKey } from "./i18n/en";
import type { Params } from "./i18n/interpolate";

export type Translate = (key: MessageKey, params?: Params) => string;

/** With fewer posts than this on a channel, its rhythm is "too early to tell". */
export const MIN_POSTS_FOR_RHYTHM = 3;
/** The soft target's limits, as the backend checks them. */
export const MAX_TARGET_DAYS = 365;

export type SpanUnit = "days" | "weeks";

/** A span of days in the unit a person would use: days up to 13, weeks from 14 on. */
export function spanParts(days: number): { n: number; unit: SpanUnit } {
  const whole = Math.max(0, Math.round(days));
  if (whole >= 14) return { n: Math.round(whole / 7), unit: "weeks" };
  return { n: whole, unit: "days" };
}

/** "every 9 days", "every week", "every 3 weeks" (nl: "om de 9 dagen", "elke week"). */
export function everyWords(days: number, tr: Translate): string {
  const { n, unit } = spanParts(Math.max(1, days));
  const count = Math.max(1, n);
  if (unit === "weeks") return count === 1 ? tr("rhythm.every.week") : tr("rhythm.every.weeks", { n: count });
  return count === 1 ? tr("rhythm.every.day") : tr("rhythm.every.days", { n: count });
}

/** "12 days", "3 weeks", "less than a day". */
export function spanWords(days: number, tr: Translate): string {
  if (days < 0.5) return tr("rhythm.span.lessThanDay");
  const { n, unit } = spanParts(days);
  if (unit === "weeks") return tr(n === 1 ? "rhythm.span.week" : "rhythm.span.weeks", { n });
  return tr(n === 1 ? "rhythm.span.day" : "rhythm.span.days", { n });
}

/** One plain sentence about a channel's rhythm from its history. */
export function rhythmSentence(c: ChannelCadence, tr: Translate): string {
  if (c.posts === 0) return tr("rhythm.nothingYet");
  if (c.posts < MIN_POSTS_FOR_RHYTHM || c.median_gap_days === null) {
    return tr("rhythm.tooEarly", { count: tr(c.posts === 1 ? "rhythm.nPosts.one" : "rhythm.nPosts.other", { n: c.posts }) });
  }
  const every = everyWords(c.median_gap_days, tr);
  if (c.latest_gap_days === null) return tr("rhythm.usual", { every });
  return tr("rhythm.usualWithLatest", { every, gap: spanWords(c.latest_gap_days, tr) });
}

/** The soft target as words: "About every 2 weeks." or "No soft target." */
export function targetSentence(everyDays: number | null, tr: Translate): string {
  if (everyDays === null) return tr("rhythm.targetOff");
  return tr("rhythm.targetOn", { every: targetEveryWords(everyDays, tr) });
}

/** A target in the words it was set in: whole weeks as weeks ("every week"), else days. */
export function targetEveryWords(everyDays: number, tr: Translate): string {
  const { amount, unit } = targetToForm(everyDays);
  const n = Number(amount);
  if (unit === "weeks") return n === 1 ? tr("rhythm.every.week") : tr("rhythm.every.weeks", { n });
  return n === 1 ? tr("rhythm.every.day") : tr("rhythm.every.days", { n });
}

/** How the soft-target form shows a number of days: in weeks when it is whole weeks. */
export function targetToForm(everyDays: number): { amount: string; unit: SpanUnit } {
  if (everyDays >= 7 && everyDays % 7 === 0) return { amount: String(everyDays / 7), unit: "weeks" };
  return { amount: String(everyDays), unit: "days" };
}

/** A first suggestion for a new soft target: the channel's own usual gap, else a week. */
export function suggestedTarget(c: ChannelCadence): { amount: string; unit: SpanUnit } {
  if (c.posts >= MIN_POSTS_FOR_RHYTHM && c.median_gap_days !== null) {
    const { n, unit } = spanParts(Math.max(1, c.median_gap_days));
    return { amount: String(Math.max(1, n)), unit };
  }
  return { amount: "1", unit: "weeks" };
}

/** Days from the form's amount and unit; null when it is not a whole number in 1..365 days. */
export function formToTarget(amount: string, unit: SpanUnit): number | null {
  const typed = amount.trim();
  if (!/^\d{1,4}$/.test(typed)) return null;
  const days = Number(typed) * (unit === "weeks" ? 7 : 1);
  return days >= 1 && days <= MAX_TARGET_DAYS ? days : null;
}

// ---------- Ideas ----------

/** Open ideas (planned ones by day, then the rest newest first) and the ones that became posts. */
export function splitIdeas(ideas: readonly Idea[]): { open: Idea[]; done: Idea[] } {
  const open = ideas.filter((i) => i.post_id === null);
  const done = ideas.filter((i) => i.post_id !== null);
  open.sort((a, b) => {
    if (a.planned_for && b.planned_for) {
      return a.planned_for < b.planned_for ? -1 : a.planned_for > b.planned_for ? 1 : b.created_at_ms - a.created_at_ms;
    }
    if (a.planned_for) return -1;
    if (b.planned_for) return 1;
    return b.created_at_ms - a.created_at_ms;
  });
  done.sort((a, b) => b.updated_at_ms - a.updated_at_ms);
  return { open, done };
}

/** The input that saves an idea exactly as it is now (used by "Undo" after an edit). */
export function ideaToInput(i: Idea): IdeaInput {
  return { title: i.title, note: i.note, planned_for: i.planned_for, channel_id: i.channel_id };
}

/** What the post form starts with when an idea becomes a post. */
export interface PostPrefill {
  title: string;
  text: string;
  channel_id: number | null;
  /** Local day "YYYY-MM-DD". */
  date: string;
}

/**
 * The idea as a post: its title, its note as the text, its channel, and its planned day as the
 * date, unless that day is still ahead (a post is logged once it is out): then today.
 */
export function ideaPostPrefill(idea: Idea, today: Day): PostPrefill {
  const planned = idea.planned_for && isDay(idea.planned_for) ? idea.planned_for : null;
  const date = planned !== null && daysBetween(planned, today) >= 0 ? planned : today;
  return { title: idea.title, text: idea.note ?? "", channel_id: idea.channel_id, date };
}

/** "Today", "Tomorrow", "Friday 12 June" for a planned day, in `locale`. */
export function plannedDayWords(day: Day, today: Day, locale: string, tr: Translate): string {
  const diff = daysBetween(today, day);
  if (diff === 0) return tr("plan.today");
  if (diff === 1) return tr("plan.tomorrow");
  const sameYear = day.slice(0, 4) === today.slice(0, 4);
  return new Intl.DateTimeFormat(locale, {
    weekday: "long",
    day: "numeric",
    month: "long",
    ...(sameYear ? {} : { year: "numeric" }),
  }).format(noonOf(day));
}

// ---------- Reminders ----------

/** "14:00" or "09:30" where clocks run to 24, "2:00 PM" where they run to 12. */
export function timeWords(at: Date, locale: string): string {
  const cycle = new Intl.DateTimeFormat(locale, { hour: "numeric" }).resolvedOptions().hourCycle;
  const hour = cycle === "h11" || cycle === "h12" ? "numeric" : "2-digit";
  return new Intl.DateTimeFormat(locale, { hour, minute: "2-digit" }).format(at);
}

/** A moment in plain words: "today at 14:00", "tomorrow at 09:30", "Friday 14:00", "Friday 12 June, 14:00". */
export function momentWords(atMs: number, now: Date, locale: string, tr: Translate): string {
  const at = new Date(atMs);
  const time = timeWords(at, locale);
  const diff = daysBetween(dayOf(now), dayOf(at));
  if (diff === 0) return tr("reminders.todayAt", { time });
  if (diff === 1) return tr("reminders.tomorrowAt", { time });
  const opts: Intl.DateTimeFormatOptions =
    diff > 1 && diff < 7 ? { weekday: "long" } : { weekday: "long", day: "numeric", month: "long" };
  if (at.getFullYear() !== now.getFullYear()) opts.year = "numeric";
  const day = new Intl.DateTimeFormat(locale, opts).format(at);
  return tr("reminders.dayAt", { day, time });
}

/** "Next gentle reminder: Friday 14:00 — …" or "No reminders planned." */
export function nextReminderSentence(next: ReminderPreview | null, now: Date, locale: string, tr: Translate): string {
  if (next === null) return tr("reminders.noneNext");
  return tr("reminders.next", { when: momentWords(next.at_ms, now, locale, tr), text: next.text });
}

/** Whether reminders are paused or snoozed right now, and until when (the later of the two). */
export function quietUntil(
  prefs: { snoozed_until_ms: number | null; paused_until_ms: number | null },
  nowMs: number,
): { kind: "paused" | "snoozed"; untilMs: number } | null {
  if (prefs.paused_until_ms !== null && prefs.paused_until_ms > nowMs) {
    return { kind: "paused", untilMs: prefs.paused_until_ms };
  }
  if (prefs.snoozed_until_ms !== null && prefs.snoozed_until_ms > nowMs) {
    return { kind: "snoozed", untilMs: prefs.snoozed_until_ms };
  }
  return null;
}

/** The hours 0..23 as "HH:00", for the weekly review's hour. */
export function hourLabel(hour: number): string {
  return `${String(hour).padStart(2, "0")}:00`;
}

/** Whether "HH:MM" names a time of day (00:00..23:59); the backend is the real guard. */
export function isTimeOfDay(s: string): boolean {
  const m = /^(\d{1,2}):(\d{2})$/.exec(s.trim());
  return m !== null && Number(m[1]) < 24 && Number(m[2]) < 60;
}

/** A whole number typed in a field, or null. */
export function wholeNumber(s: string): number | null {
  const typed = s.trim();
  return /^\d{1,6}$/.test(typed) ? Number(typed) : null;
}
