// Moments as the user sees and types them. The backend sends RFC 3339 UTC ("2026-05-02T07:15:00Z")
// and takes local time "YYYY-MM-DD HH:MM"; the form has separate Date and Time fields.

export interface LocalFields {
  /** "YYYY-MM-DD" in local time. */
  date: string;
  /** "HH:MM" in local time (24 h). */
  time: string;
}

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/** A Date as local Date and Time field strings. */
export function fieldsFromDate(d: Date): LocalFields {
  return {
    date: `${pad(d.getFullYear(), 4)}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`,
    time: `${pad(d.getHours())}:${pad(d.getMinutes())}`,
  };
}

/** An RFC 3339 instant as local Date and Time field strings; null when it cannot be read. */
export function splitInstant(rfc3339: string): LocalFields | null {
  const d = new Date(rfc3339);
  return Number.isNaN(d.getTime()) ? null : fieldsFromDate(d);
}

/** Joins the fields into the local-time string the backend parses (and validates). */
export function joinFields(date: string, time: string): string {
  return `${date.trim()} ${time.trim()}`;
}

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_RE = /^(\d{1,2}):(\d{2})$/;

/**
 * The instant the fields name in local time, or null when they do not name a real moment
 * (30 February, 25:00, a time skipped by a clock change). The backend is the real guard; this
 * only decides whether it is worth asking for candidate posts yet.
 */
export function instantFromFields(date: string, time: string): Date | null {
  const dm = DATE_RE.exec(date.trim());
  const tm = TIME_RE.exec(time.trim());
  if (!dm || !tm) return null;
  const [y, mo, d] = [Number(dm[1]), Number(dm[2]), Number(dm[3])];
  const [h, mi] = [Number(tm[1]), Number(tm[2])];
  const at = new Date(y, mo - 1, d, h, mi);
  const ok =
    at.getFullYear() === y &&
    at.getMonth() === mo - 1 &&
    at.getDate() === d &&
    at.getHours() === h &&
    at.getMinutes() === mi;
  return ok ? at : null;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** One formatter per locale and style: making one costs far more than formatting with it, and
 * lists format two dates a row. */
function dateFormat(locale: string, style: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${style}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, options);
    formatters.set(key, f);
  }
  return f;
}

/** "2 May 2026, 09:15" (en-GB) / "2 mei 2026 om 09:15" (nl-NL). */
export function formatDateTime(rfc3339: string, locale: string): string {
  const d = new Date(rfc3339);
  if (Number.isNaN(d.getTime())) return rfc3339;
  return dateFormat(locale, "date-time", { dateStyle: "medium", timeStyle: "short" }).format(d);
}

/** "2 May 2026" / "2 mei 2026". */
export function formatDate(rfc3339: string, locale: string): string {
  const d = new Date(rfc3339);
  if (Number.isNaN(d.getTime())) return rfc3339;
  return dateFormat(locale, "date", { dateStyle: "medium" }).format(d);
}

/** "Sat 2 May" style, short, for list rows. */
export function formatDayShort(rfc3339: string, locale: string): string {
  const d = new Date(rfc3339);
  if (Number.isNaN(d.getTime())) return rfc3339;
  return dateFormat(locale, "day-short", { weekday: "short", day: "numeric", month: "short", year: "numeric" }).format(d);
}

/** "09:15". */
export function formatTime(rfc3339: string, locale: string): string {
  const d = new Date(rfc3339);
  if (Number.isNaN(d.getTime())) return "";
  return dateFormat(locale, "time", { hour: "2-digit", minute: "2-digit" }).format(d);
}
