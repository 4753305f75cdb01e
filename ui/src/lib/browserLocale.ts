// Runs before any other module of the page (see main.ts), because one of them reads
// navigator.language while it loads.
//
// Under LANG=C (or POSIX) WebKitGTK reports navigator.language as "C", which is not a BCP 47 tag.
// uPlot builds an Intl.NumberFormat from navigator.language when its module loads; that throws a
// RangeError, the whole bundle stops, and the window stays blank. Our own code already treats "C"
// as "no locale" (language.ts); this makes the browser's value safe for libraries too.

/** The tag to report instead of `raw`, or null when `raw` is a valid language tag. */
export function replacementForBrowserLocale(raw: string | null | undefined): string | null {
  if (raw) {
    try {
      if (Intl.getCanonicalLocales(raw).length > 0) return null;
    } catch {
      // Not a language tag: replaced below.
    }
  }
  return "en-US";
}

const replacement =
  typeof navigator === "undefined" ? null : replacementForBrowserLocale(navigator.language);
if (replacement !== null) {
  Object.defineProperty(navigator, "language", { configurable: true, get: () => replacement });
  Object.defineProperty(navigator, "languages", { configurable: true, get: () => [replacement] });
}
