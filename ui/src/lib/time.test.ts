// Runs with TZ=Europe/Amsterdam (see vite.config.ts): CET (+01:00) in winter, CEST (+02:00) in summer.
import { describe, expect, it } from "vitest";
import { fieldsFromDate, formatDate, instantFromFields, joinFields, splitInstant } from "./time";

describe("splitInstant", () => {
  it("shows a UTC instant in local time", () => {
    expect(splitInstant("2026-05-02T07:15:00Z")).toEqual({ date: "2026-05-02", time: "09:15" });
    expect(splitInstant("2026-01-10T12:00:00Z")).toEqual({ date: "2026-01-10", time: "13:00" });
  });

  it("moves to the next local day when UTC is still on the previous one", () => {
    expect(splitInstant("2026-06-30T22:30:00Z")).toEqual({ date: "2026-07-01", time: "00:30" });
  });

  it("returns null for something that is not a time", () => {
    expect(splitInstant("yesterday")).toBeNull();
  });
});

describe("joining fields and back", () => {
  it("joins into the string the backend parses", () => {
    expect(joinFields(" 2026-05-02 ", "09:15 ")).toBe("2026-05-02 09:15");
  });

  it("round-trips a UTC instant through the local fields", () => {
    for (const iso of ["2026-05-02T07:15:00.000Z", "2026-12-31T23:59:00.000Z", "2026-03-29T00:30:00.000Z"]) {
      const f = splitInstant(iso)!;
      expect(instantFromFields(f.date, f.time)!.toISOString()).toBe(iso);
    }
  });

  it("reads local fields as local time, DST included", () => {
    expect(instantFromFields("2026-07-01", "10:00")!.toISOString()).toBe("2026-07-01T08:00:00.000Z");
    expect(instantFromFields("2026-01-01", "10:00")!.toISOString()).toBe("2026-01-01T09:00:00.000Z");
  });

  it("refuses dates and times that do not exist", () => {
    expect(instantFromFields("2026-02-30", "10:00")).toBeNull();
    expect(instantFromFields("2026-13-01", "10:00")).toBeNull();
    expect(instantFromFields("2026-05-02", "24:00")).toBeNull();
    expect(instantFromFields("2026-05-02", "9.15")).toBeNull();
    expect(instantFromFields("02-05-2026", "09:15")).toBeNull();
    // Skipped by the spring-forward change in Amsterdam.
    expect(instantFromFields("2026-03-29", "02:30")).toBeNull();
  });

  it("gives today's fields for a Date", () => {
    expect(fieldsFromDate(new Date(2026, 0, 5, 7, 3))).toEqual({ date: "2026-01-05", time: "07:03" });
  });
});

describe("formatting", () => {
  it("formats by locale", () => {
    expect(formatDate("2026-05-02T07:15:00Z", "nl-NL")).toBe("2 mei 2026");
    expect(formatDate("2026-05-02T07:15:00Z", "en-GB")).toBe("2 May 2026");
  });
});
