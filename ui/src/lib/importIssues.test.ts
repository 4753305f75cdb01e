import { describe, expect, it } from "vitest";
import type { ImportIssue } from "./bindings/ImportIssue";
import { en } from "./i18n/en";
import { nl } from "./i18n/nl";
import { importIssueText } from "./importIssues";

const dict = (d: Record<string, string>) => (key: string) => d[key];

const badDate: ImportIssue = {
  code: "import_bad_value",
  file: "Shares.csv",
  line: 12,
  column: "Date",
  value: "2025-13-01",
  expected: "a date like 2025-11-19 09:59:30",
  message: "Shares.csv, line 12, column Date: '2025-13-01' is not a date; expected a date like 2025-11-19 09:59:30",
};

describe("importIssueText", () => {
  it("names file, line, column, value and format in English", () => {
    expect(importIssueText(badDate, dict(en))).toBe(
      "Shares.csv, line 12, column Date: ‘2025-13-01’ is not right. Expected: a date like 2025-11-19 09:59:30",
    );
  });

  it("builds a Dutch sentence that keeps file, line, column, value and format", () => {
    const text = importIssueText(badDate, dict(nl));
    expect(text).toContain("Shares.csv, regel 12, kolom Date");
    expect(text).toContain("2025-13-01");
    expect(text).toContain("a date like 2025-11-19 09:59:30");
    expect(text).not.toContain("{");
  });

  it("leaves out what the issue does not have", () => {
    const empty: ImportIssue = {
      code: "import_empty_file",
      file: "posts.csv",
      line: null,
      column: null,
      value: null,
      expected: null,
      message: "posts.csv is empty",
    };
    expect(importIssueText(empty, dict(nl))).toBe("posts.csv is leeg.");
  });

  it("falls back to the message for a code it does not know", () => {
    const odd = { ...badDate, code: "import_something_new" };
    expect(importIssueText(odd, dict(nl))).toBe(badDate.message);
  });
});
