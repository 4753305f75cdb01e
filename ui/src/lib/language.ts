// Which language and which formatting locale the UI uses. Pure: no state, no DOM.

export type Lang = "en" | "nl";
export type LanguageSetting = "system" | Lang;

export const LANGUAGE_SETTINGS: readonly LanguageSetting[] = ["system", "en", "nl"];

/** "nl_BE.UTF-8" or "nl-be" -> "nl-BE"; anything Intl cannot read -> null. */
export function normaliseLocale(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const base = raw.trim().split(/[.@]/)[0].replace(/_/g, "-");
  if (!base || base === "C" || base === "POSIX") return null;
  try {
    return Intl.getCanonicalLocales(base)[0] ?? null;
  } catch {
    return null;
  }
}

/** The language the UI shows: the explicit setting, else Dutch when the system locale is Dutch. */
export function resolveLanguage(setting: string | null | undefined, systemLocale: string | null | undefined): Lang {
  if (setting === "en" || setting === "nl") return setting;
  const locale = normaliseLocale(systemLocale);
  return locale !== null && locale.toLowerCase().startsWith("nl") ? "nl" : "en";
}

/**
 * The locale for dates, numbers and money. Dutch: the system's Dutch locale (nl-BE stays
 * Belgian), else nl-NL. English: the system's English locale (en-US gets US dates), else en-GB.
 */
export function formattingLocale(lang: Lang, systemLocale: string | null | undefined): string {
  const locale = normaliseLocale(systemLocale);
  if (locale !== null && locale.toLowerCase().startsWith(`${lang}-`)) return locale;
  return lang === "nl" ? "nl-NL" : "en-GB";
}
