// The first view's requests, sent while the rest of the bundle is still being evaluated: main.ts
// imports this module right after browserLocale, before Svelte and the views, so the backend is
// already answering while the page builds its components. App.svelte takes the answers.
import * as api from "./api";
import type { AppInfo, Channel } from "./api";
import type { PostPage } from "./bindings/PostPage";
import { preloadLanguage } from "./i18n/index.svelte";
import { LIST_PAGE_SIZE } from "./records";

let info: Promise<AppInfo> | null = null;
let channels: Promise<Channel[]> | null = null;

/** Starts the requests (once); outside the app they fail, and App.svelte reports that. */
export function sendFirstRequests(): void {
  info ??= api.appInfo();
  // Asked for at the same time as the info; when the database could not be opened this fails,
  // and the start-up error (from the info) is what the window shows.
  channels ??= api.listChannels();
  // Nobody may await it (a start-up error): a rejection must not be reported as unhandled.
  channels.catch(() => {});
}

/** The newest posts, unfiltered: what the first view shows, asked for once, at load. The query
 * and the answer's trip take 20-25 ms with ten years of posts; asked for here, they overlap
 * building the page. Given out once (see takeFirstPostsPage). */
let firstPostsPage: Promise<PostPage> | null = null;

/** The unfiltered first page asked for at load, the first time only (later loads ask afresh:
 * by then the data may have changed). */
export function takeFirstPostsPage(): Promise<PostPage> | null {
  const page = firstPostsPage;
  firstPostsPage = null;
  return page;
}

/** The app's info and its channels, from the requests sent at load. */
export function firstAnswers(): { info: Promise<AppInfo>; channels: Promise<Channel[]> } {
  sendFirstRequests();
  return { info: info as Promise<AppInfo>, channels: channels as Promise<Channel[]> };
}

sendFirstRequests();
firstPostsPage = api.listPostsPage({ query: null, channel_id: null }, LIST_PAGE_SIZE);
// Taken by the posts view, which reports a failure itself; never awaited after a start-up error.
firstPostsPage.catch(() => {});
// A Dutch system most likely starts in Dutch: its texts load alongside the requests (WebKitGTK
// takes navigator.language from the same LANG the backend reads).
preloadLanguage(navigator.language);
