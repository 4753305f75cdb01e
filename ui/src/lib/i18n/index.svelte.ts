// The active language as Svelte 5 state: t() reads it, so switching re-renders every text.
// English is in the bundle the window loads at start; Dutch is its own chunk, loaded when it is
// chosen (or guessed from the system, see preloadLanguage), so English users never parse it.
import { en, type MessageKey, type Messages } from "./en";
import { interpolate, type Params } from "./interpolate";
import { formattingLocale, resolveLanguage, type Lang } from "../language";

export type { MessageKey, Messages };

/** The texts of each language loaded so far. */
const dictionaries: Partial<Record<Lang, Messages>> = { en };

const loaders: Record<Exclude<Lang, "en">, () => Promise<Messages>> = {
  nl: () => import("./nl").then((module) => module.nl),
};

export const i18n = $state({ lang: "en" as Lang, locale: "en-GB" });

/** Only the latest applyLanguage may set the language (a slow chunk must not win). */
let applying = 0;

/** Loads `lang`'s texts (once; a failed load may be tried again). */
async function dictionaryOf(lang: Lang): Promise<Messages | undefined> {
  if (lang === "en" || dictionaries[lang]) return dictionaries[lang];
  try {
    dictionaries[lang] = await loaders[lang]();
  } catch {
    // The app's own chunk did not load: English rather than no texts.
  }
  return dictionaries[lang];
}

/** Starts loading the language the app will most likely start in (the system's), so that its
 * texts are there by the time app_info has said which language to show. */
export function preloadLanguage(systemLocale: string): void {
  void dictionaryOf(resolveLanguage("system", systemLocale));
}

/** Applies the language setting ("system", "en", "nl") and the system locale; resolves once the
 * language's texts are loaded. Until then the previous language stays on screen. */
export async function applyLanguage(setting: string, systemLocale: string): Promise<void> {
  const ticket = ++applying;
  const wanted = resolveLanguage(setting, systemLocale);
  const lang = (await dictionaryOf(wanted)) ? wanted : "en";
  if (ticket !== applying) return;
  i18n.lang = lang;
  i18n.locale = formattingLocale(lang, systemLocale);
  if (typeof document !== "undefined") document.documentElement.lang = lang;
}

export function t(key: MessageKey, params?: Params): string {
  return interpolate((dictionaries[i18n.lang] ?? en)[key] ?? en[key], params);
}

/** A lookup by any string key (for codes that come from the backend). */
export function lookup(key: string): string | undefined {
  const dict = (dictionaries[i18n.lang] ?? en) as Record<string, string>;
  return dict[key];
}
