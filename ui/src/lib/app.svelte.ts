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

export function setInfo(info: AppInfo): void {
  app.info = info;
  applyLanguage(info.language, info.system_locale);
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
  setInfo(await api.startDemo());
  await dataChanged();
}

export async function leaveDemo(): Promise<void> {
  setInfo(await api.leaveDemo());
  await dataChanged();
}
