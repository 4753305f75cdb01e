// App-wide state: what app_info said, the channels, and a counter views watch to reload their
// lists when the data underneath changed (sample data opened or closed, a channel renamed).
import * as api from "./api";
import type { AppInfo, Channel } from "./api";
import { applyLanguage } from "./i18n/index.svelte";

export const app = $state({
  info: null as AppInfo | null,
  /** Set when app_info itself failed (e.g. the window runs outside the app). */
  loadError: null as unknown,
  channels: [] as Channel[],
  dataVersion: 0,
});

/** Takes what app_info said; resolves once the language it names is on screen. */
export async function setInfo(info: AppInfo): Promise<void> {
  await applyLanguage(info.language, info.system_locale);
  app.info = info;
}

export async function refreshChannels(): Promise<void> {
  app.channels = await api.listChannels();
}

/** Tells every view to reload; also reloads the channels. */
export async function dataChanged(): Promise<void> {
  app.dataVersion += 1;
  await refreshChannels();
}

export async function startDemo(): Promise<void> {
  await setInfo(await api.startDemo());
  await dataChanged();
}

export async function leaveDemo(): Promise<void> {
  await setInfo(await api.leaveDemo());
  await dataChanged();
}
