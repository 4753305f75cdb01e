import { describe, expect, it } from "vitest";
import { rowCount, rowDayAndTime, writesOwnFormats } from "./rowFormats";
import { formatCount } from "./insights";
import { formatDayShort, formatTime } from "./time";

const LOCALES = ["en-US", "en-GB", "nl-NL", "nl-BE"];

/** Every month and weekday, and the hours where 12- and 24-hour clocks differ. */
function instants(): string[] {
  const out: string[] = [];
  for (let month = 0; month < 12; month++) {
    for (const [day, hour, minute] of [[1, 0, 0], [2, 9, 5], [3, 11, 59], [4, 12, 0], [5, 13, 30], [6, 23, 59], [28, 12, 30]]) {
      out.push(new Date(2026, month, day, hour, minute).toISOString());
    }
  }
  return out;
}

describe("the posts list's own dates and counts", () => {
  it("write what Intl writes, for the locales they cover", () => {
    for (const locale of LOCALES) {
      expect(writesOwnFormats(locale)).toBe(true);
      for (const at of instants()) {
        expect(rowDayAndTime(at, locale)).toBe(`${formatDayShort(at, locale)} · ${formatTime(at, locale)}`);
      }
      for (const n of [0, 7, 999, 1000, 5000, 12345, 999999, 1234567]) {
        expect(rowCount(n, locale)).toBe(formatCount(n, locale));
      }
    }
  });

  it("leave other locales and odd input to Intl", () => {
    expect(writesOwnFormats("de-DE")).toBe(false);
    const at = "2026-05-02T07:15:00Z";
    expect(rowDayAndTime(at, "de-DE")).toBe(`${formatDayShort(at, "de-DE")} · ${formatTime(at, "de-DE")}`);
    expect(rowDayAndTime("not a date", "en-GB")).toBe("not a date · ");
    expect(rowCount(1.5, "en-GB")).toBe(formatCount(1.5, "en-GB"));
  });
});
