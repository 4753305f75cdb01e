import { describe, expect, it } from "vitest";
import { replacementForBrowserLocale } from "./browserLocale";

describe("replacementForBrowserLocale", () => {
  it("keeps a real language tag", () => {
    expect(replacementForBrowserLocale("nl-NL")).toBeNull();
    expect(replacementForBrowserLocale("en")).toBeNull();
    // Odd but well-formed: Intl falls back quietly, so nothing breaks.
    expect(replacementForBrowserLocale("POSIX")).toBeNull();
  });

  it("replaces what WebKitGTK reports under LANG=C, and nothing at all", () => {
    // Intl.NumberFormat("C") throws: this is what left the window blank.
    expect(() => new Intl.NumberFormat("C")).toThrow(RangeError);
    expect(replacementForBrowserLocale("C")).toBe("en-US");
    expect(replacementForBrowserLocale("")).toBe("en-US");
    expect(replacementForBrowserLocale(undefined)).toBe("en-US");
  });
});
