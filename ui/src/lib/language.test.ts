import { describe, expect, it } from "vitest";
import { formattingLocale, normaliseLocale, resolveLanguage } from "./language";

describe("resolveLanguage", () => {
  it("follows an explicit setting whatever the system says", () => {
    expect(resolveLanguage("nl", "en-US")).toBe("nl");
    expect(resolveLanguage("en", "nl-NL")).toBe("en");
  });

  it("follows the system locale when the setting is system", () => {
    expect(resolveLanguage("system", "nl-NL")).toBe("nl");
    expect(resolveLanguage("system", "nl_BE.UTF-8")).toBe("nl");
    expect(resolveLanguage("system", "en-US")).toBe("en");
    expect(resolveLanguage("system", "de-DE")).toBe("en");
  });

  it("falls back to English for unknown settings and unreadable locales", () => {
    expect(resolveLanguage("fr", "C")).toBe("en");
    expect(resolveLanguage(undefined, "")).toBe("en");
    expect(resolveLanguage(null, "POSIX")).toBe("en");
  });
});

describe("formattingLocale", () => {
  it("keeps a matching system locale", () => {
    expect(formattingLocale("nl", "nl_BE.UTF-8")).toBe("nl-BE");
    expect(formattingLocale("en", "en-US")).toBe("en-US");
  });

  it("uses nl-NL and en-GB otherwise", () => {
    expect(formattingLocale("nl", "en-US")).toBe("nl-NL");
    expect(formattingLocale("en", "nl-NL")).toBe("en-GB");
    expect(formattingLocale("en", "C")).toBe("en-GB");
  });
});

describe("normaliseLocale", () => {
  it("reads POSIX-style names", () => {
    expect(normaliseLocale("nl_NL.UTF-8")).toBe("nl-NL");
    expect(normaliseLocale("de_DE@euro")).toBe("de-DE");
    expect(normaliseLocale("not a locale!")).toBeNull();
  });
});
