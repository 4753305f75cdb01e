// What is wrong with an import, in the user's language. Core sends, next to its English message
// (which the command line prints), the parts: code, file, line, column, value and the expected
// format. The window builds its sentence from those parts, so a Dutch user reads Dutch and still
// sees the exact file, line and value to fix. An unknown code falls back to core's message.
import type { ImportIssue } from "./bindings/ImportIssue";
import { interpolate } from "./i18n/interpolate";
import type { Lookup } from "./errors";

export function importIssueText(issue: ImportIssue, lookup: Lookup): string {
  const template = lookup(`importIssue.${issue.code}`);
  if (!template) return issue.message;
  const whereKey =
    issue.line === null ? null : issue.column === null ? "importIssue.where.line" : "importIssue.where.column";
  const params = {
    message: issue.message,
    file: issue.file,
    line: issue.line ?? "",
    column: issue.column ?? "",
    value: issue.value ?? "",
    expected: issue.expected ?? "",
  };
  const where = whereKey ? interpolate(lookup(whereKey) ?? "{file}", params) : issue.file;
  const text = interpolate(template, { ...params, where });
  const expected = issue.expected ? interpolate(lookup("importIssue.expected") ?? "", params) : "";
  return text + expected;
}
