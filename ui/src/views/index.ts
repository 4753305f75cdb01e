// The sidebar's views, in order. To add one: write views/SomethingView.svelte, add its nav label
// to lib/i18n/en.ts and nl.ts, and add an entry here. The first entry is the view the app opens;
// it calls markStartup() (lib/startup.ts) once its data is shown, which shows the window.
import type { Component } from "svelte";
import type { MessageKey } from "../lib/i18n/en";
import AudienceView from "./AudienceView.svelte";
import InquiriesView from "./InquiriesView.svelte";
import InsightsView from "./InsightsView.svelte";
import PeopleView from "./PeopleView.svelte";
import PlanView from "./PlanView.svelte";
import PostsView from "./PostsView.svelte";
import SettingsView from "./SettingsView.svelte";

export interface ViewEntry {
  id: string;
  /** The nav label's i18n key. */
  label: MessageKey;
  component: Component;
  /** The id of the view's <h1>, focused when the user switches to it. */
  headingId: string;
  /** Shown apart, at the bottom of the sidebar (Settings). */
  secondary?: boolean;
}

export const VIEWS: ViewEntry[] = [
  { id: "posts", label: "nav.posts", component: PostsView, headingId: "posts-title" },
  // The heart of the app; second so that the app still opens on the posts (where logging starts).
  { id: "insights", label: "nav.insights", component: InsightsView, headingId: "insights-title" },
  { id: "plan", label: "nav.plan", component: PlanView, headingId: "plan-title" },
  { id: "inquiries", label: "nav.inquiries", component: InquiriesView, headingId: "inquiries-title" },
  { id: "audience", label: "nav.audience", component: AudienceView, headingId: "audience-title" },
  { id: "people", label: "nav.people", component: PeopleView, headingId: "people-title" },
  { id: "settings", label: "nav.settings", component: SettingsView, headingId: "settings-title", secondary: true },
];
