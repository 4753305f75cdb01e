// The sidebar's views, in order. To add one: write views/SomethingView.svelte, add its nav label
// to lib/i18n/en.ts and nl.ts, and add an entry here, and to MAIN_VIEWS in
// src-tauri/src/first_frame/markup.rs, which draws the sidebar of the first frame (the
// end-to-end test e2e_first_frame says when the two differ). The first entry is the view the app
// opens; it calls markStartup() (lib/startup.ts) once its data is shown, which shows the window
// or takes over the first frame the shell drew.
//
// Only the first view is in the bundle the window loads at start; the others (and what only they
// use, such as the chart library) are separate chunks, fetched when the pointer or the keyboard
// reaches their nav item, and at the latest when they are opened. Start-up then parses a third
// of the code, and an app that is only used to log a post never holds the charts in memory.
import type { Component } from "svelte";
import type { MessageKey } from "../lib/i18n/en";
import PostsView from "./PostsView.svelte";

export interface ViewEntry {
  id: string;
  /** The nav label's i18n key. */
  label: MessageKey;
  /** The view's component; loads its chunk the first time (the promise is kept). */
  load: () => Promise<Component>;
  /** The id of the view's <h1>, focused when the user switches to it. */
  headingId: string;
  /** Shown apart, at the bottom of the sidebar (Settings). */
  secondary?: boolean;
}

/** Wraps a dynamic import so that the chunk is fetched once, however often it is asked for. */
function lazy(importer: () => Promise<{ default: Component }>): () => Promise<Component> {
  let pending: Promise<Component> | null = null;
  return () => {
    pending ??= importer().then(
      (module) => module.default,
      (err: unknown) => {
        // A failed fetch may succeed on the next try.
        pending = null;
        throw err;
      },
    );
    return pending;
  };
}

export const VIEWS: ViewEntry[] = [
  { id: "posts", label: "nav.posts", load: () => Promise.resolve(PostsView), headingId: "posts-title" },
  // The heart of the app; second so that the app still opens on the posts (where logging starts).
  { id: "insights", label: "nav.insights", load: lazy(() => import("./InsightsView.svelte")), headingId: "insights-title" },
  { id: "plan", label: "nav.plan", load: lazy(() => import("./PlanView.svelte")), headingId: "plan-title" },
  {
    id: "inquiries",
    label: "nav.inquiries",
    load: lazy(() => import("./InquiriesView.svelte")),
    headingId: "inquiries-title",
  },
  { id: "audience", label: "nav.audience", load: lazy(() => import("./AudienceView.svelte")), headingId: "audience-title" },
  { id: "people", label: "nav.people", load: lazy(() => import("./PeopleView.svelte")), headingId: "people-title" },
  {
    id: "settings",
    label: "nav.settings",
    load: lazy(() => import("./SettingsView.svelte")),
    headingId: "settings-title",
    secondary: true,
  },
];
