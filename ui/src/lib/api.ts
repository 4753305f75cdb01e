// Typed wrappers for every Tauri command, one function each. Argument names are snake_case,
// exactly as the Rust commands declare them. A failing command rejects with an ErrorPayload.
import { invoke } from "@tauri-apps/api/core";
import type { AppInfo } from "./bindings/AppInfo";
import type { BackupCheck } from "./bindings/BackupCheck";
import type { BackupOverview } from "./bindings/BackupOverview";
import type { RestoreOutcome } from "./bindings/RestoreOutcome";
import type { CandidatePost } from "./bindings/CandidatePost";
import type { Channel } from "./bindings/Channel";
import type { ChannelInput } from "./bindings/ChannelInput";
import type { ErrorPayload } from "./bindings/ErrorPayload";
import type { Inquiry } from "./bindings/Inquiry";
import type { InquiryFilter } from "./bindings/InquiryFilter";
import type { InquiryInput } from "./bindings/InquiryInput";
import type { InquiryCandidate } from "./bindings/InquiryCandidate";
import type { Via } from "./bindings/Via";
import type { InquiryCredit } from "./bindings/InquiryCredit";
import type { InsightSettings } from "./bindings/InsightSettings";
import type { InsightsSummary } from "./bindings/InsightsSummary";
import type { Post } from "./bindings/Post";
import type { PostFilter } from "./bindings/PostFilter";
import type { PostInput } from "./bindings/PostInput";
import type { PostHeadline } from "./bindings/PostHeadline";
import type { PostPage } from "./bindings/PostPage";
import type { CalendarData } from "./bindings/CalendarData";
import type { CalendarPost } from "./bindings/CalendarPost";
import type { ChannelCadence } from "./bindings/ChannelCadence";
import type { Idea } from "./bindings/Idea";
import type { IdeaInput } from "./bindings/IdeaInput";
import type { ImportOutcome } from "./bindings/ImportOutcome";
import type { ImportPreview } from "./bindings/ImportPreview";
import type { ImportSource } from "./bindings/ImportSource";
import type { ReminderKind } from "./bindings/ReminderKind";
import type { ReminderPrefs } from "./bindings/ReminderPrefs";
import type { ReminderPreview } from "./bindings/ReminderPreview";
import type { WindowPrefs } from "./bindings/WindowPrefs";
import type { AudienceOverview } from "./bindings/AudienceOverview";
import type { AudienceSnapshot } from "./bindings/AudienceSnapshot";
import type { AudienceSnapshotInput } from "./bindings/AudienceSnapshotInput";
import type { Contact } from "./bindings/Contact";
import type { ContactInput } from "./bindings/ContactInput";
import type { ContactOverview } from "./bindings/ContactOverview";
import type { ContactTouch } from "./bindings/ContactTouch";
import type { HowKnown } from "./bindings/HowKnown";
import type { PostEngagement } from "./bindings/PostEngagement";
import type { PostMetrics } from "./bindings/PostMetrics";
import type { PostNumbers } from "./bindings/PostNumbers";
import type { TouchInput } from "./bindings/TouchInput";
import type { AudienceHeadline } from "./bindings/AudienceHeadline";
import type { AudienceSnapshotEdit } from "./bindings/AudienceSnapshotEdit";
import type { AudienceSnapshotPage } from "./bindings/AudienceSnapshotPage";
import type { AudienceMeasure } from "./bindings/AudienceMeasure";

export type { BackupFile } from "./bindings/BackupFile";
export type { BackupKind } from "./bindings/BackupKind";
export type {
  AppInfo,
  BackupCheck,
  BackupOverview,
  RestoreOutcome,
  CandidatePost,
  Channel,
  ChannelInput,
  ErrorPayload,
  Inquiry,
  InquiryFilter,
  InquiryCandidate,
  InquiryInput,
  InsightSettings,
  InsightsSummary,
  Post,
  PostFilter,
  PostInput,
};
export type { ChannelKind } from "./bindings/ChannelKind";
export type { Felt } from "./bindings/Felt";
export type { InquiryStatus } from "./bindings/InquiryStatus";
export type { Motive } from "./bindings/Motive";
export type { PostKind } from "./bindings/PostKind";
export type { Via } from "./bindings/Via";
export type { CandidateKind } from "./bindings/CandidateKind";

/** What the inquiry form starts a new inquiry with (from a possible inquiry). */
export interface InquiryPrefill {
  /** RFC 3339. */
  received_at: string;
  name: string;
  their_words: string | null;
  via: Via;
}
export type { AttributionModel } from "./bindings/AttributionModel";
export type { GroupInsight } from "./bindings/GroupInsight";
export type { InquiryCredit } from "./bindings/InquiryCredit";
export type { InsightGroups } from "./bindings/InsightGroups";
export type { InsightsBaseline } from "./bindings/InsightsBaseline";
export type { InsightsTotals } from "./bindings/InsightsTotals";
export type { PostSummary } from "./bindings/PostSummary";
export type { ImportIssue } from "./bindings/ImportIssue";
export type { SampleRow } from "./bindings/SampleRow";
export type {
  AudienceOverview,
  AudienceSnapshot,
  AudienceSnapshotInput,
  Contact,
  ContactInput,
  ContactOverview,
  ContactTouch,
  HowKnown,
  PostEngagement,
  PostMetrics,
  PostNumbers,
  TouchInput,
};
export type { AudienceMeasure } from "./bindings/AudienceMeasure";
export type { AudienceMonth } from "./bindings/AudienceMonth";
export type { ChartSeries } from "./bindings/ChartSeries";
export type { Metric } from "./bindings/Metric";
export type { MetricRecord } from "./bindings/MetricRecord";
export type { Observation } from "./bindings/Observation";
export type { TouchKind } from "./bindings/TouchKind";
export type { AudienceHeadline, AudienceSnapshotEdit, AudienceSnapshotPage };
export type { SeriesHeadline } from "./bindings/SeriesHeadline";
export type {
  CalendarData,
  CalendarPost,
  ChannelCadence,
  Idea,
  IdeaInput,
  ImportOutcome,
  ImportPreview,
  ImportSource,
  ReminderKind,
  ReminderPrefs,
  ReminderPreview,
  WindowPrefs,
};

/** True for what a failing command rejects with: `{ code, message, field }`. */
export function isErrorPayload(value: unknown): value is ErrorPayload {
  if (typeof value !== "object" || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.code === "string" &&
    typeof v.message === "string" &&
    (v.field === null || v.field === undefined || typeof v.field === "string")
  );
}

// App
export const appInfo = () => invoke<AppInfo>("app_info");
export const setLanguage = (language: string) => invoke<AppInfo>("set_language", { language });
export const startDemo = () => invoke<AppInfo>("start_demo");
export const leaveDemo = () => invoke<AppInfo>("leave_demo");
/** Opens an http(s) link in the system browser (the backend refuses anything else). */
export const openLink = (url: string) => invoke<void>("open_link", { url });
/** The first view shows real data: the shell shows the (so far hidden) window. See lib/startup.ts. */
/** `steps`: moments on the way as (name, epoch ms), for the bench's breakdown. */
export const startupMark = (steps: [string, number][]) => invoke<void>("startup_mark", { steps });

// Channels
export const listChannels = () => invoke<Channel[]>("list_channels");
export const addChannel = (input: ChannelInput) => invoke<Channel>("add_channel", { input });
export const renameChannel = (id: number, name: string) => invoke<Channel>("rename_channel", { id, name });
export const setChannelArchived = (id: number, archived: boolean) =>
  invoke<Channel>("set_channel_archived", { id, archived });

// Posts
export const listPostsPage = (filter: PostFilter, limit: number) =>
  invoke<PostPage>("list_posts_page", { filter, limit });
export const postHeadlines = (ids: number[]) => invoke<PostHeadline[]>("post_headlines", { ids });
export const getPost = (id: number) => invoke<Post>("get_post", { id });
export const createPost = (input: PostInput) => invoke<Post>("create_post", { input });
export const updatePost = (id: number, input: PostInput) => invoke<Post>("update_post", { id, input });
export const deletePost = (id: number) => invoke<void>("delete_post", { id });
export const restorePost = (id: number) => invoke<Post>("restore_post", { id });
/** Posts of the 30 days before `receivedAt` (local "YYYY-MM-DD HH:MM"), best first. */
export const candidatePosts = (receivedAt: string) =>
  invoke<CandidatePost[]>("candidate_posts", { received_at: receivedAt });

// Inquiries
export const listInquiries = (filter: InquiryFilter) => invoke<Inquiry[]>("list_inquiries", { filter });
export const getInquiry = (id: number) => invoke<Inquiry>("get_inquiry", { id });
export const createInquiry = (input: InquiryInput) => invoke<Inquiry>("create_inquiry", { input });
export const updateInquiry = (id: number, input: InquiryInput) =>
  invoke<Inquiry>("update_inquiry", { id, input });
export const deleteInquiry = (id: number) => invoke<void>("delete_inquiry", { id });
export const restoreInquiry = (id: number) => invoke<Inquiry>("restore_inquiry", { id });

// Possible inquiries found by imports
/** The open ones, newest first. */
export const listCandidates = () => invoke<InquiryCandidate[]>("list_candidates");
export const dismissCandidate = (id: number) => invoke<void>("dismiss_candidate", { id });
/** Creates the inquiry from the form's values and marks the possible inquiry accepted. */
export const acceptCandidate = (id: number, input: InquiryInput) =>
  invoke<Inquiry>("accept_candidate", { id, input });

// Insights
/**
 * What followed each post, over the local days `from`..`to` ("YYYY-MM-DD", both optional): every
 * number, but not each post's list of credited inquiries (see postCredits). With `firstPage`,
 * only that many posts: the first rows of the "What followed" table (most inquiries first).
 */
export const insightsReport = (
  settings: InsightSettings,
  from: string | null,
  to: string | null,
  firstPage: number | null = null,
) => invoke<InsightsSummary>("insights_report", { settings, from, to, first_page: firstPage });
/** The inquiries credited to one post, for the settings and days its report was made with. */
export const postCredits = (postId: number, settings: InsightSettings, from: string | null, to: string | null) =>
  invoke<InquiryCredit[]>("post_credits", { post_id: postId, settings, from, to });
/** The saved model, window and half-life (defaults when none were saved). */
export const getInsightSettings = () => invoke<InsightSettings>("get_insight_settings");
export const setInsightSettings = (settings: InsightSettings) =>
  invoke<InsightSettings>("set_insight_settings", { settings });

// Rhythm and plan
/** Per channel: the user's own rhythm from history and the optional soft target. */
export const rhythmOverview = () => invoke<ChannelCadence[]>("rhythm_overview");
/** A soft target of about every `everyDays` days (1..365), or null to turn it off. */
export const setRhythmTarget = (channelId: number, everyDays: number | null) =>
  invoke<ChannelCadence[]>("set_rhythm_target", { channel_id: channelId, every_days: everyDays });
export const listIdeas = () => invoke<Idea[]>("list_ideas");
export const createIdea = (input: IdeaInput) => invoke<Idea>("create_idea", { input });
export const updateIdea = (id: number, input: IdeaInput) => invoke<Idea>("update_idea", { id, input });
export const deleteIdea = (id: number) => invoke<void>("delete_idea", { id });
export const restoreIdea = (id: number) => invoke<Idea>("restore_idea", { id });
/** Logs the post and links the idea to it, in one step. */
export const convertIdea = (id: number, input: PostInput) => invoke<Post>("convert_idea", { id, input });
/** Posts and planned ideas on the local days `from`..`to` ("YYYY-MM-DD", at most 400 days). */
export const calendar = (from: string, to: string) => invoke<CalendarData>("calendar", { from, to });
/** Writes the plan as an .ics file; returns where it was saved. */
export const exportPlanIcs = () => invoke<string>("export_plan_ics");

// Reminders
export const getReminderPrefs = () => invoke<ReminderPrefs>("get_reminder_prefs");
export const setReminderPrefs = (prefs: ReminderPrefs) => invoke<ReminderPrefs>("set_reminder_prefs", { prefs });
/** Nothing for a day (1) or a week (7). */
export const snoozeReminders = (days: 1 | 7) => invoke<ReminderPrefs>("snooze_reminders", { days });
/** Pause everything for `weeks` weeks; null resumes now. */
export const pauseReminders = (weeks: number | null) => invoke<ReminderPrefs>("pause_reminders", { weeks });
/** The next reminder the planner would send, in the user's language, or null. */
export const nextReminder = () => invoke<ReminderPreview | null>("next_reminder");
export const getWindowPrefs = () => invoke<WindowPrefs>("get_window_prefs");
export const setWindowPrefs = (prefs: WindowPrefs) => invoke<WindowPrefs>("set_window_prefs", { prefs });
/** The user followed up with this open inquiry today. */
export const markFollowedUp = (id: number) => invoke<Inquiry>("mark_followed_up", { id });

// Imports
/** What importing the export at `path` would add, find already here, skip or refuse; writes nothing. */
export const importPreview = (source: ImportSource, path: string, channel: string | null) =>
  invoke<ImportPreview>("import_preview", { source, path, channel });
/** Imports the export at `path`, all or nothing. */
export const importApply = (source: ImportSource, path: string, channel: string | null) =>
  invoke<ImportOutcome>("import_apply", { source, path, channel });
/** The CSV layout with example rows (csv_posts and csv_inquiries only). */
export const importTemplate = (source: ImportSource) => invoke<string>("import_template", { source });

// Backups and export
/** The backups folder, the backups in it (newest first) and the default export folder. */
export const backupOverview = () => invoke<BackupOverview>("backup_overview");
/** Writes today's backup now (replacing an earlier one of today); returns the new overview. */
export const backUpNow = () => invoke<BackupOverview>("back_up_now");
/** What a backup holds; rejects a damaged, foreign or newer file. Reads only. */
export const checkBackup = (path: string) => invoke<BackupCheck>("check_backup", { path });
/** Replaces the user's data with the backup; a copy of the current data is kept first. */
export const restoreBackup = (path: string) => invoke<RestoreOutcome>("restore_backup", { path });
/** Everything as JSON into `folder` (null: Downloads); returns the file written. */
export const exportJson = (folder: string | null) => invoke<string>("export_json", { folder });
/** A CSV per table into a new folder inside `folder` (null: Downloads); returns that folder. */
export const exportCsv = (folder: string | null) => invoke<string>("export_csv", { folder });

// The system's file dialogs (they run in Rust; each returns the chosen path, or null)
export const pickFile = (title: string | null, directory: string | null = null) =>
  invoke<string | null>("pick_file", { title, directory });
export const pickFolder = (title: string | null, directory: string | null = null) =>
  invoke<string | null>("pick_folder", { title, directory });
export const pickSavePath = (title: string | null, directory: string | null = null, fileName: string | null = null) =>
  invoke<string | null>("pick_save_path", { title, directory, file_name: fileName });
// Audience and numbers
/**
 * The Audience view: chart series, months, observations and the per-post table; with
 * `firstPage`, only that many rows of the table (what followed first); `total_posts` counts all.
 */
export const audienceOverview = (firstPage: number | null = null) =>
  invoke<AudienceOverview>("audience_overview", { first_page: firstPage });
/** Every post's row of the Audience table, in its order. */
export const audiencePosts = () => invoke<PostEngagement[]>("audience_posts");
export const addAudienceSnapshot = (input: AudienceSnapshotInput) =>
  invoke<AudienceSnapshot>("add_audience_snapshot", { input });
export const deleteAudienceSnapshot = (id: number) => invoke<void>("delete_audience_snapshot", { id });
export const restoreAudienceSnapshot = (id: number) => invoke<AudienceSnapshot>("restore_audience_snapshot", { id });
/** Records the numbers that are not null; returns the post's latest numbers. */
export const setPostMetrics = (postId: number, values: PostMetrics) =>
  invoke<PostMetrics>("set_post_metrics", { post_id: postId, values });
/** A post's latest numbers and every recorded value, newest first. */
export const postNumbers = (postId: number) => invoke<PostNumbers>("post_numbers", { post_id: postId });

// People
export const listContacts = () => invoke<ContactOverview[]>("list_contacts");
export const createContact = (input: ContactInput) => invoke<Contact>("create_contact", { input });
export const updateContact = (id: number, input: ContactInput) => invoke<Contact>("update_contact", { id, input });
export const setHowKnown = (id: number, howKnown: HowKnown) =>
  invoke<Contact>("set_how_known", { id, how_known: howKnown });
export const deleteContact = (id: number) => invoke<void>("delete_contact", { id });
export const restoreContact = (id: number) => invoke<Contact>("restore_contact", { id });
export const addTouch = (input: TouchInput) => invoke<ContactTouch>("add_touch", { input });
/** Removes a touch and returns it, so that undo can add the same moment again. */
export const deleteTouch = (id: number) => invoke<ContactTouch>("delete_touch", { id });
/** The Audience view's first numbers: each series' first and latest size, and the counts. */
export const audienceHeadline = () => invoke<AudienceHeadline>("audience_headline");
/** One page of a channel's recorded sizes in one measure, newest first. */
export const audienceSizes = (channelId: number, measure: AudienceMeasure, offset: number, limit: number) =>
  invoke<AudienceSnapshotPage>("audience_sizes", { channel_id: channelId, measure, offset, limit });
export const updateAudienceSnapshot = (id: number, edit: AudienceSnapshotEdit) =>
  invoke<AudienceSnapshot>("update_audience_snapshot", { id, edit });
