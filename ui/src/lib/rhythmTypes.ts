// TEMPORARY: the shapes of the rhythm commands, written by hand until ts-rs generates them into
// ./bindings (Idea.ts, IdeaInput.ts, ChannelCadence.ts, ...). Then api.ts imports those instead
// and this file goes.
import type { ChannelKind } from "./bindings/ChannelKind";
import type { PostKind } from "./bindings/PostKind";

export type ChannelCadence = {
  channel_id: number;
  channel: string;
  kind: ChannelKind;
  every_days: number | null;
  posts: number;
  median_gap_days: number | null;
  latest_gap_days: number | null;
  days_since_latest: number | null;
};

export type Idea = {
  id: number;
  title: string;
  note: string | null;
  planned_for: string | null;
  channel_id: number | null;
  post_id: number | null;
  created_at_ms: number;
  updated_at_ms: number;
};

export type IdeaInput = { title: string; note: string | null; planned_for: string | null; channel_id: number | null };

export type CalendarPost = { id: number; day: string; time: string; channel: string; kind: PostKind; title: string | null };

export type CalendarData = { posts: CalendarPost[]; ideas: Idea[] };

export type ReminderPrefs = {
  follow_ups: boolean;
  follow_up_days: number;
  weekly_review: boolean;
  weekly_review_weekday: number;
  weekly_review_hour: number;
  quiet_from: string;
  quiet_until: string;
  weekends: boolean;
  max_per_day: number;
  snoozed_until_ms: number | null;
  paused_until_ms: number | null;
};

export type ReminderKind = "rhythm" | "follow_up" | "idea" | "weekly_review";

export type ReminderPreview = { at_ms: number; kind: ReminderKind; text: string };

export type WindowPrefs = { close_to_tray: boolean; start_at_login: boolean };
