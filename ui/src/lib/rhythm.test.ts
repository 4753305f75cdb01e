// Runs with TZ=Europe/Amsterdam (see vite.config.ts).
import { describe, expect, it } from "vitest";
import type { ChannelCadence, Idea } from "./api";
import { en, type MessageKey } from "./i18n/en";
import { interpolate, type Params } from "./i18n/interpolate";
import { nl } from "./i18n/nl";
import {
  everyWords,
  formToTarget,
  hourLabel,
  ideaPostPrefill,
  ideaToInput,
  isTimeOfDay,
  momentWords,
  nextReminderSentence,
  plannedDayWords,
  quietUntil,
  rhythmSentence,
  spanWords,
  splitIdeas,
  suggestedTarget,
  targetSentence,
  targetToForm,
  wholeNumber,
  type Translate,
} from "./rhythm";

const trIn =
  (dict: Record<MessageKey, string>): Translate =>
  (key: MessageKey, params?: Params) =>
    interpolate(dict[key], params);
const tEn = trIn(en);
const tNl = trIn(nl);

function cadence(over: Partial<ChannelCadence> = {}): ChannelCadence {
  return {
    channel_id: 1,
    channel: "LinkedIn",
    kind: "linkedin",
    every_days: null,
    posts: 12,
    median_gap_days: 9,
    latest_gap_days: 12,
    days_since_latest: 3,
    ...over,
  };
}

function idea(over: Partial<Idea> = {}): Idea {
  return {
    id: 1,
    title: "Slow marketing",
    note: null,
    planned_for: null,
    channel_id: null,
    post_id: null,
    created_at_ms: 1_000,
    updated_at_ms: 1_000,
    ...over,
  };
}

describe("the user's own rhythm, in plain words", () => {
  it("says the usual and the latest gap", () => {
    expect(rhythmSentence(cadence(), tEn)).toBe("You usually post here about every 9 days; the latest gap was 12 days.");
    expect(rhythmSentence(cadence(), tNl)).toBe(
      "Meestal publiceer je hier ongeveer om de 9 dagen; de laatste keer zat er 12 dagen tussen.",
    );
  });

  it("uses weeks for longer gaps and rounds fractional days", () => {
    expect(rhythmSentence(cadence({ median_gap_days: 20.6, latest_gap_days: 35 }), tEn)).toBe(
      "You usually post here about every 3 weeks; the latest gap was 5 weeks.",
    );
    expect(rhythmSentence(cadence({ median_gap_days: 7.2, latest_gap_days: 1 }), tEn)).toBe(
      "You usually post here about every 7 days; the latest gap was 1 day.",
    );
    expect(rhythmSentence(cadence({ median_gap_days: 0.3, latest_gap_days: 0.1 }), tEn)).toBe(
      "You usually post here about every day; the latest gap was less than a day.",
    );
  });

  it("never says 'every other day' in Dutch when it means every day or week", () => {
    // "om de dag" and "om de week" mean every other day/week in Dutch.
    expect(everyWords(1, tNl)).toBe("elke dag");
    expect(everyWords(14, tNl)).toBe("om de 2 weken");
    expect(everyWords(2, tNl)).toBe("om de 2 dagen");
    expect(everyWords(1, tEn)).toBe("every day");
    expect(spanWords(14, tNl)).toBe("2 weken");
    expect(spanWords(1, tNl)).toBe("1 dag");
  });

  it("is too early to tell with fewer than three posts", () => {
    expect(rhythmSentence(cadence({ posts: 2, median_gap_days: 4, latest_gap_days: 4 }), tEn)).toBe(
      "Too early to tell: 2 posts so far.",
    );
    expect(rhythmSentence(cadence({ posts: 1, median_gap_days: null, latest_gap_days: null }), tEn)).toBe(
      "Too early to tell: 1 post so far.",
    );
    expect(rhythmSentence(cadence({ posts: 1, median_gap_days: null, latest_gap_days: null }), tNl)).toBe(
      "Nog te vroeg om iets over te zeggen: 1 bericht tot nu toe.",
    );
    expect(rhythmSentence(cadence({ posts: 0, median_gap_days: null, latest_gap_days: null }), tEn)).toBe(
      "Nothing logged here yet.",
    );
  });

  it("never counts days since the latest post", () => {
    const s = rhythmSentence(cadence({ days_since_latest: 40 }), tEn);
    expect(s).not.toContain("40");
  });
});

describe("soft targets", () => {
  it("describes the target", () => {
    expect(targetSentence(null, tEn)).toBe("No soft target.");
    expect(targetSentence(14, tEn)).toBe("Soft target: about every 2 weeks.");
    expect(targetSentence(7, tNl)).toBe("Voornemen: ongeveer elke week.");
    expect(targetSentence(3, tNl)).toBe("Voornemen: ongeveer om de 3 dagen.");
    expect(targetSentence(10, tEn)).toBe("Soft target: about every 10 days.");
    expect(targetSentence(21, tNl)).toBe("Voornemen: ongeveer om de 3 weken.");
    expect(targetSentence(1, tEn)).toBe("Soft target: about every day.");
  });

  it("shows whole weeks as weeks in the form and reads the form back", () => {
    expect(targetToForm(14)).toEqual({ amount: "2", unit: "weeks" });
    expect(targetToForm(10)).toEqual({ amount: "10", unit: "days" });
    expect(targetToForm(1)).toEqual({ amount: "1", unit: "days" });
    expect(formToTarget("2", "weeks")).toBe(14);
    expect(formToTarget(" 10 ", "days")).toBe(10);
    expect(formToTarget("52", "weeks")).toBe(364);
    expect(formToTarget("365", "days")).toBe(365);
  });

  it("refuses what the backend would refuse", () => {
    for (const [amount, unit] of [
      ["0", "days"],
      ["366", "days"],
      ["53", "weeks"],
      ["", "days"],
      ["1.5", "weeks"],
      ["-3", "days"],
      ["two", "weeks"],
    ] as const) {
      expect(formToTarget(amount, unit), `${amount} ${unit}`).toBeNull();
    }
  });

  it("suggests the channel's own rhythm, else a week", () => {
    expect(suggestedTarget(cadence({ median_gap_days: 9 }))).toEqual({ amount: "9", unit: "days" });
    expect(suggestedTarget(cadence({ median_gap_days: 15 }))).toEqual({ amount: "2", unit: "weeks" });
    expect(suggestedTarget(cadence({ posts: 2 }))).toEqual({ amount: "1", unit: "weeks" });
  });
});

describe("ideas", () => {
  it("puts planned ideas first by day, then the rest newest first, and done ones apart", () => {
    const ideas = [
      idea({ id: 1, created_at_ms: 10 }),
      idea({ id: 2, planned_for: "2026-06-02" }),
      idea({ id: 3, planned_for: "2026-05-20" }),
      idea({ id: 4, created_at_ms: 30 }),
      idea({ id: 5, post_id: 9, updated_at_ms: 5 }),
      idea({ id: 6, post_id: 8, updated_at_ms: 50 }),
    ];
    const { open, done } = splitIdeas(ideas);
    expect(open.map((i) => i.id)).toEqual([3, 2, 4, 1]);
    expect(done.map((i) => i.id)).toEqual([6, 5]);
    expect(ideas.map((i) => i.id)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it("pre-fills the post form from the idea", () => {
    const i = idea({ title: "Rest", note: "Why I stopped", channel_id: 2, planned_for: "2026-05-10" });
    expect(ideaPostPrefill(i, "2026-05-12")).toEqual({
      title: "Rest",
      text: "Why I stopped",
      channel_id: 2,
      date: "2026-05-10",
    });
    expect(ideaPostPrefill(i, "2026-05-10").date).toBe("2026-05-10");
  });

  it("uses today when the planned day is still ahead or not set", () => {
    expect(ideaPostPrefill(idea({ planned_for: "2026-06-01" }), "2026-05-12").date).toBe("2026-05-12");
    expect(ideaPostPrefill(idea(), "2026-05-12")).toEqual({
      title: "Slow marketing",
      text: "",
      channel_id: null,
      date: "2026-05-12",
    });
  });

  it("keeps an idea as input for undo", () => {
    const i = idea({ note: "n", planned_for: "2026-05-10", channel_id: 3 });
    expect(ideaToInput(i)).toEqual({ title: "Slow marketing", note: "n", planned_for: "2026-05-10", channel_id: 3 });
  });

  it("names planned days kindly", () => {
    expect(plannedDayWords("2026-05-12", "2026-05-12", "en-GB", tEn)).toBe("Today");
    expect(plannedDayWords("2026-05-13", "2026-05-12", "nl-NL", tNl)).toBe("Morgen");
    expect(plannedDayWords("2026-05-15", "2026-05-12", "en-GB", tEn)).toBe("Friday 15 May");
    expect(plannedDayWords("2027-01-08", "2026-05-12", "nl-NL", tNl)).toBe("vrijdag 8 januari 2027");
  });
});

describe("the next reminder", () => {
  // Tuesday 12 May 2026, 10:00 in Amsterdam.
  const now = new Date("2026-05-12T08:00:00Z");

  it("says when, in plain words", () => {
    expect(momentWords(Date.parse("2026-05-12T12:00:00Z"), now, "en-GB", tEn)).toBe("today at 14:00");
    expect(momentWords(Date.parse("2026-05-13T07:30:00Z"), now, "nl-NL", tNl)).toBe("morgen om 09:30");
    expect(momentWords(Date.parse("2026-05-15T12:00:00Z"), now, "en-GB", tEn)).toBe("Friday 14:00");
    expect(momentWords(Date.parse("2026-05-15T12:00:00Z"), now, "nl-NL", tNl)).toBe("vrijdag om 14:00");
    expect(momentWords(Date.parse("2026-05-15T12:00:00Z"), now, "en-US", tEn)).toBe("Friday 2:00 PM");
    expect(momentWords(Date.parse("2026-05-13T07:05:00Z"), now, "en-GB", tEn)).toBe("tomorrow at 09:05");
    expect(momentWords(Date.parse("2026-05-26T12:00:00Z"), now, "en-GB", tEn)).toBe("Tuesday 26 May 14:00");
    const nextYear = momentWords(Date.parse("2027-01-05T12:00:00Z"), now, "en-GB", tEn);
    expect(nextYear).toContain("5 January 2027");
    expect(nextYear).toMatch(/13:00$/);
  });

  it("reads the planner's text", () => {
    const next = { at_ms: Date.parse("2026-05-15T12:00:00Z"), kind: "weekly_review" as const, text: "A calm moment?" };
    expect(nextReminderSentence(next, now, "en-GB", tEn)).toBe("Next gentle reminder: Friday 14:00 — A calm moment?");
    expect(nextReminderSentence(null, now, "en-GB", tEn)).toBe("No reminders planned.");
    expect(nextReminderSentence(null, now, "nl-NL", tNl)).toBe("Er staan geen herinneringen gepland.");
  });

  it("knows when reminders rest", () => {
    const nowMs = now.getTime();
    expect(quietUntil({ snoozed_until_ms: null, paused_until_ms: null }, nowMs)).toBeNull();
    expect(quietUntil({ snoozed_until_ms: nowMs - 1, paused_until_ms: nowMs - 1 }, nowMs)).toBeNull();
    expect(quietUntil({ snoozed_until_ms: nowMs + 5, paused_until_ms: null }, nowMs)).toEqual({
      kind: "snoozed",
      untilMs: nowMs + 5,
    });
    expect(quietUntil({ snoozed_until_ms: nowMs + 5, paused_until_ms: nowMs + 50 }, nowMs)).toEqual({
      kind: "paused",
      untilMs: nowMs + 50,
    });
  });
});

describe("small field helpers", () => {
  it("reads times of day, hours and whole numbers", () => {
    expect(isTimeOfDay("18:00")).toBe(true);
    expect(isTimeOfDay("9:30")).toBe(true);
    expect(isTimeOfDay("24:00")).toBe(false);
    expect(isTimeOfDay("18.00")).toBe(false);
    expect(hourLabel(9)).toBe("09:00");
    expect(wholeNumber(" 7 ")).toBe(7);
    expect(wholeNumber("7.5")).toBeNull();
    expect(wholeNumber("")).toBeNull();
  });
});
