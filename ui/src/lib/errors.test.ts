import { describe, expect, it } from "vitest";
import { isErrorPayload } from "./api";
import { errorText, formErrors } from "./errors";
import { en } from "./i18n/en";
import { nl } from "./i18n/nl";

const lookupIn = (dict: Record<string, string>) => (key: string) => dict[key];

describe("isErrorPayload", () => {
  it("recognises what commands reject with", () => {
    expect(isErrorPayload({ code: "date_invalid", message: "bad", field: "published_at" })).toBe(true);
    expect(isErrorPayload({ code: "database", message: "locked", field: null })).toBe(true);
    expect(isErrorPayload("just a string")).toBe(false);
    expect(isErrorPayload(null)).toBe(false);
    expect(isErrorPayload({ code: 3, message: "x" })).toBe(false);
  });
});

describe("errorText", () => {
  it("translates by code", () => {
    const err = { code: "date_invalid", message: "'2026-02-30 10:00' is not a valid date", field: "published_at" };
    expect(errorText(err, lookupIn(en))).toBe(en["error.date_invalid"]);
    expect(errorText(err, lookupIn(nl))).toBe(nl["error.date_invalid"]);
  });

  it("falls back to the English message for an unknown code", () => {
    const err = { code: "brand_new_code", message: "Something new happened", field: null };
    expect(errorText(err, lookupIn(nl))).toBe("Something new happened");
  });

  it("wraps anything else as unexpected", () => {
    expect(errorText(new Error("boom"), lookupIn(en))).toBe("Something unexpected went wrong: boom");
    expect(errorText("ipc down", lookupIn({}))).toBe("ipc down");
  });

  it("has a translation for every code the backend sends", () => {
    const codes = [
      "date_invalid", "date_skipped", "date_in_future", "date_too_early", "post_empty", "text_too_long",
      "url_invalid", "minutes_invalid", "channel_unknown", "channel_archived", "channel_name_taken",
      "name_required", "value_negative", "value_invalid", "currency_invalid", "source_conflict",
      "source_post_unknown", "source_post_after_inquiry", "not_found", "schema_too_new", "not_a_database",
      "database", "io", "language_invalid",
    ];
    for (const code of codes) {
      expect(Object.keys(en)).toContain(`error.${code}`);
    }
  });
});

describe("formErrors", () => {
  const map = { published_at: "date", title: "title" };

  it("puts a field error next to its field", () => {
    const err = { code: "post_empty", message: "needs a title", field: "title" };
    expect(formErrors(err, map, lookupIn(en))).toEqual({ fields: { title: en["error.post_empty"] }, form: null });
    const date = { code: "date_in_future", message: "future", field: "published_at" };
    expect(formErrors(date, map, lookupIn(en)).fields.date).toBe(en["error.date_in_future"]);
  });

  it("sends errors without a known field to the form", () => {
    const err = { code: "database", message: "disk full", field: null };
    expect(formErrors(err, map, lookupIn(en))).toEqual({ fields: {}, form: en["error.database"] });
    const other = { code: "value_invalid", message: "bad", field: "value" };
    expect(formErrors(other, map, lookupIn(en)).form).toBe(en["error.value_invalid"]);
  });
});
