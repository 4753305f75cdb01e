// The active language as Svelte 5 state: t() reads it, so switching re-renders every text.
import { en, type MessageKey, type Messages } from "./en";
import { nl } from "./nl";
import { interpolate, type Params } from "./interpolate";
import { formattingLocale, resolveLanguage, type Lang } from "../language";

export type { MessageKey, Messages };

export const dictionaries: Record<Lang, Messages> = { en, nl };

export const i18n = $state({ lang: "en" as Lang, locale: "en-GB" });

/** Applies the language setting ("system", "en", "nl") and the system locale. */
export function applyLanguage(setting: string, systemLocale: string): void {
  const lang = resolveLanguage(setting, systemLocale);
  i18n.lang = lang;
  i18n.locale = formattingLocale(lang, systemLocale);
  if (typeof document !== "undefined") document.documentElement.lang = lang;
}

export function t(key: MessageKey, params?: Params): string {
  return interpolate(dictionaries[i18n.lang][key] ?? en[key], params);
}

/** A lookup by any string key (for codes that come from the backend). */
export function lookup(key: string): string | undefined {
  const dict = dictionaries[i18n.lang] as Record<string, string>;
  return dict[key];
}
