// Runs with TZ=Europe/Amsterdam (see vite.config.ts), so the DST changes of 2026 (29 March,
// 25 October) are real here.
import { describe, expect, it } from "vitest";
import {
  addDays,
  addMonths,
  byDay,
  dayOf,
  daysBetween,
  daysInMonth,
  isDay,
  isoWeek,
  monthGrid,
  moveByKey,
  noonOf,
  parseDay,
  sameMonth,
  startOfWeek,
  step,
  visibleRange,
  weekOf,
  weekday,
  weekdayNames,
} from "./calendar";

describe("days", () => {
  it("reads real days and refuses the rest", () => {
    expect(parseDay("2026-05-12")).toEqual({ year: 2026, month: 5, day: 12 });
    expect(parseDay(" 2028-02-29 ")).toEqual({ year: 2028, month: 2, day: 29 });
    expect(isDay("2026-02-29")).toBe(false);
    expect(isDay("2026-02-30")).toBe(false);
    expect(isDay("2026-13-01")).toBe(false);
    expect(isDay("2026-00-10")).toBe(false);
    expect(isDay("2026-5-12")).toBe(false);
    expect(isDay("12-05-2026")).toBe(false);
    expect(isDay("")).toBe(false);
  });

  it("knows month lengths and leap years", () => {
    expect(daysInMonth(2026, 2)).toBe(28);
    expect(daysInMonth(2028, 2)).toBe(29);
    expect(daysInMonth(2100, 2)).toBe(28);
    expect(daysInMonth(2000, 2)).toBe(29);
    expect(daysInMonth(2026, 12)).toBe(31);
    expect(daysInMonth(2026, 4)).toBe(30);
  });

  it("adds days across months and years", () => {
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addDays("2027-01-01", -1)).toBe("2026-12-31");
    expect(addDays("2028-02-28", 1)).toBe("2028-02-29");
    expect(addDays("2026-05-12", 0)).toBe("2026-05-12");
    expect(addDays("2026-01-01", 365)).toBe("2027-01-01");
    expect(daysBetween("2026-12-25", "2027-01-08")).toBe(14);
    expect(daysBetween("2027-01-08", "2026-12-25")).toBe(-14);
  });

  it("steps over the DST changes one calendar day at a time", () => {
    // Spring forward (a 23-hour day) and fall back (a 25-hour day) in Europe/Amsterdam.
    expect(addDays("2026-03-28", 1)).toBe("2026-03-29");
    expect(addDays("2026-03-29", 1)).toBe("2026-03-30");
    expect(addDays("2026-10-24", 1)).toBe("2026-10-25");
    expect(addDays("2026-10-25", 1)).toBe("2026-10-26");
    expect(daysBetween("2026-03-01", "2026-04-01")).toBe(31);
    expect(daysBetween("2026-10-01", "2026-11-01")).toBe(31);
    const march = monthGrid("2026-03-15").flat();
    expect(new Set(march).size).toBe(march.length);
    expect(march).toContain("2026-03-29");
  });

  it("adds months, staying inside short months", () => {
    expect(addMonths("2026-01-31", 1)).toBe("2026-02-28");
    expect(addMonths("2028-01-31", 1)).toBe("2028-02-29");
    expect(addMonths("2026-12-15", 1)).toBe("2027-01-15");
    expect(addMonths("2027-01-15", -1)).toBe("2026-12-15");
    expect(addMonths("2026-03-31", -1)).toBe("2026-02-28");
    expect(addMonths("2026-05-12", 12)).toBe("2027-05-12");
    expect(addMonths("2026-05-12", -25)).toBe("2024-04-12");
  });
});

describe("weeks start on Monday", () => {
  it("names the ISO weekday", () => {
    expect(weekday("2026-05-11")).toBe(1); // Monday
    expect(weekday("2026-05-17")).toBe(7); // Sunday
    expect(weekday("1970-01-01")).toBe(4); // Thursday
    expect(weekday("1969-12-29")).toBe(1); // Monday, before the epoch
  });

  it("finds the Monday and the whole week", () => {
    expect(startOfWeek("2026-05-17")).toBe("2026-05-11");
    expect(startOfWeek("2026-05-11")).toBe("2026-05-11");
    expect(weekOf("2027-01-01")).toEqual([
      "2026-12-28",
      "2026-12-29",
      "2026-12-30",
      "2026-12-31",
      "2027-01-01",
      "2027-01-02",
      "2027-01-03",
    ]);
  });

  it("numbers weeks the ISO way, across year ends", () => {
    expect(isoWeek("2026-05-12")).toEqual({ year: 2026, week: 20 });
    expect(isoWeek("2027-01-01")).toEqual({ year: 2026, week: 53 });
    expect(isoWeek("2027-01-04")).toEqual({ year: 2027, week: 1 });
    expect(isoWeek("2024-12-30")).toEqual({ year: 2025, week: 1 });
    expect(isoWeek("2026-01-01")).toEqual({ year: 2026, week: 1 });
  });

  it("names the weekdays Monday first", () => {
    expect(weekdayNames("en-GB")).toEqual(["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]);
    expect(weekdayNames("nl-NL")).toEqual(["ma", "di", "wo", "do", "vr", "za", "zo"]);
  });
});

describe("month grid", () => {
  it("covers the month in whole Monday-to-Sunday weeks", () => {
    const weeks = monthGrid("2026-05-12");
    expect(weeks.length).toBe(5);
    expect(weeks[0][0]).toBe("2026-04-27");
    expect(weeks[4][6]).toBe("2026-05-31");
    for (const week of weeks) {
      expect(week.length).toBe(7);
      expect(weekday(week[0])).toBe(1);
      expect(weekday(week[6])).toBe(7);
    }
  });

  it("crosses the year end on both sides", () => {
    const december = monthGrid("2026-12-01");
    expect(december[0][0]).toBe("2026-11-30");
    expect(december[december.length - 1]).toEqual([
      "2026-12-28",
      "2026-12-29",
      "2026-12-30",
      "2026-12-31",
      "2027-01-01",
      "2027-01-02",
      "2027-01-03",
    ]);
    const january = monthGrid("2027-01-20");
    expect(january[0][0]).toBe("2026-12-28");
    expect(january[0]).toContain("2027-01-01");
  });

  it("has four rows when February fits exactly and six when a month spreads out", () => {
    // February 2027 starts on a Monday and has 28 days.
    expect(monthGrid("2027-02-10").length).toBe(4);
    // August 2026 starts on a Saturday and has 31 days.
    expect(monthGrid("2026-08-10").length).toBe(6);
  });

  it("holds every day of the month once, in order", () => {
    for (const month of ["2026-01-01", "2026-03-01", "2026-10-01", "2028-02-01"]) {
      const days = monthGrid(month).flat();
      for (let i = 1; i < days.length; i++) expect(daysBetween(days[i - 1], days[i])).toBe(1);
      expect(days.filter((d) => sameMonth(d, month)).length).toBe(
        daysInMonth(Number(month.slice(0, 4)), Number(month.slice(5, 7))),
      );
    }
  });
});

describe("views", () => {
  it("asks for the days a view shows", () => {
    expect(visibleRange("month", "2026-05-12")).toEqual({ from: "2026-04-27", to: "2026-05-31" });
    expect(visibleRange("week", "2026-05-12")).toEqual({ from: "2026-05-11", to: "2026-05-17" });
    expect(visibleRange("week", "2027-01-01")).toEqual({ from: "2026-12-28", to: "2027-01-03" });
  });

  it("steps a month or a week", () => {
    expect(step("month", "2026-12-31", 1)).toBe("2027-01-31");
    expect(step("month", "2026-03-31", -1)).toBe("2026-02-28");
    expect(step("week", "2026-12-30", 1)).toBe("2027-01-06");
    expect(step("week", "2027-01-06", -1)).toBe("2026-12-30");
  });

  it("moves the keyboard focus", () => {
    expect(moveByKey("2026-05-12", "ArrowRight")).toBe("2026-05-13");
    expect(moveByKey("2026-05-12", "ArrowLeft")).toBe("2026-05-11");
    expect(moveByKey("2026-05-12", "ArrowDown")).toBe("2026-05-19");
    expect(moveByKey("2026-05-12", "ArrowUp")).toBe("2026-05-05");
    expect(moveByKey("2026-05-12", "Home")).toBe("2026-05-11");
    expect(moveByKey("2026-05-12", "End")).toBe("2026-05-17");
    expect(moveByKey("2026-05-31", "PageDown")).toBe("2026-06-30");
    expect(moveByKey("2026-05-12", "PageUp", true)).toBe("2025-05-12");
    expect(moveByKey("2026-05-12", "Enter")).toBeNull();
  });
});

describe("local days from and to Dates", () => {
  it("takes the local calendar day, not the UTC one", () => {
    // 23:30 UTC on 30 June is 01:30 on 1 July in Amsterdam.
    expect(dayOf(new Date("2026-06-30T23:30:00Z"))).toBe("2026-07-01");
    expect(dayOf(new Date("2026-03-29T01:30:00Z"))).toBe("2026-03-29");
  });

  it("makes a noon Date that formats as the same day", () => {
    for (const day of ["2026-03-29", "2026-10-25", "2026-12-31"]) expect(dayOf(noonOf(day))).toBe(day);
  });

  it("sorts items onto their days", () => {
    const items = [
      { id: 1, day: "2026-05-12" },
      { id: 2, day: null },
      { id: 3, day: "2026-05-12" },
      { id: 4, day: "2026-05-13" },
    ];
    const map = byDay(items, (i) => i.day);
    expect(map.get("2026-05-12")?.map((i) => i.id)).toEqual([1, 3]);
    expect(map.get("2026-05-13")?.map((i) => i.id)).toEqual([4]);
    expect(map.size).toBe(2);
  });
});
