import { describe, expect, it } from "vitest";
import { en } from "./en";
import { nl } from "./nl";
import { interpolate } from "./interpolate";

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe("dictionaries", () => {
  it("nl has exactly the keys of en", () => {
    expect(Object.keys(nl).sort()).toEqual(Object.keys(en).sort());
  });

  it("nl has no empty texts and keeps every placeholder", () => {
    for (const [key, value] of Object.entries(en)) {
      const dutch = nl[key as keyof typeof en];
      expect(dutch.trim(), key).not.toBe("");
      expect(placeholders(dutch), key).toEqual(placeholders(value));
    }
  });

  it("speaks without guilt", () => {
    const guilt = /streak|missed|you haven't|behind|overdue|failed to post|achterstand|gemist/i;
    for (const dict of [en, nl]) {
      for (const [key, value] of Object.entries(dict)) expect(value, key).not.toMatch(guilt);
    }
  });
});

describe("interpolate", () => {
  it("fills placeholders and leaves unknown ones visible", () => {
    expect(interpolate("Edit “{title}”", { title: "Slow" })).toBe("Edit “Slow”");
    expect(interpolate("{n} shown", { n: 3 })).toBe("3 shown");
    expect(interpolate("Hi {who}", {})).toBe("Hi {who}");
    expect(interpolate("No params")).toBe("No params");
  });
});
