// Turning what a command rejected with into words for the user, and sorting field errors
// (shown next to their field) from the rest (shown at the top of the form).
import { isErrorPayload } from "./api";

export type Lookup = (key: string) => string | undefined;

/** The translated message for an error: by `code`, else the backend's English `message`. */
export function errorText(err: unknown, lookup: Lookup): string {
  if (isErrorPayload(err)) return lookup(`error.${err.code}`) ?? err.message;
  const detail = err instanceof Error ? err.message : String(err);
  const template = lookup("error.unexpected");
  return template ? template.replace("{message}", detail) : detail;
}

export interface FormErrors {
  /** Form field id -> message. */
  fields: Record<string, string>;
  /** An error that belongs to no field on this form. */
  form: string | null;
}

export const noErrors = (): FormErrors => ({ fields: {}, form: null });

/**
 * Sorts an error onto the form: `fieldMap` maps the backend's field names (published_at,
 * channel_id, ...) to the form's own field ids. Errors without a field, or with a field this
 * form does not show, go to the form-level alert.
 */
export function formErrors(err: unknown, fieldMap: Record<string, string>, lookup: Lookup): FormErrors {
  const text = errorText(err, lookup);
  if (isErrorPayload(err) && err.field && Object.prototype.hasOwnProperty.call(fieldMap, err.field)) {
    return { fields: { [fieldMap[err.field]]: text }, form: null };
  }
  return { fields: {}, form: text };
}
