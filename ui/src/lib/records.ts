// Converting what the backend returns into what it takes, and short display helpers.
import type { ChannelKind, Inquiry, InquiryInput, Post, PostInput, PostKind } from "./api";
import { centsToWire } from "./money";

/** Rows a long list (posts, inquiries, people) shows at first and adds per "Show more". Ten years
 * of use are thousands of rows; every row drawn stays in the window's memory (about 0.1 MB each
 * here, measured with scripts/bench.sh) and slows opening the view, and twenty fill more than a
 * window's height. */
export const LIST_PAGE_SIZE = 20;

/** Where the first post of the posts view can start, at least (its header and search bar above
 * it), and how tall a post's row is at least (a line of date and channel, a title, a row of
 * buttons), in CSS pixels: see .record in app.css. */
const FIRST_ROW_TOP_MIN = 180;
const ROW_HEIGHT_MIN = 112;
/** When the window's height is not known (0): about a full-screen window's worth. */
const FIRST_SCREEN_UNKNOWN = 8;

/** How many rows the posts view draws for the app's first frame, in a window `viewportHeight`
 * CSS pixels tall: every row that can show in it, the last one perhaps in part. The rest of the
 * page follows in the next frame; the fewer rows the first frame lays out, the sooner the
 * window shows (each row costs the start-up about 3 ms here). Never more than a page. */
export function firstScreenRows(viewportHeight: number): number {
  if (!Number.isFinite(viewportHeight) || viewportHeight <= 0) return FIRST_SCREEN_UNKNOWN;
  const rows = Math.ceil((viewportHeight - FIRST_ROW_TOP_MIN) / ROW_HEIGHT_MIN);
  return Math.min(LIST_PAGE_SIZE, Math.max(1, rows));
}

/** The input that saves a post exactly as it is now (used by "Undo" after an edit). */
export function postToInput(p: Post): PostInput {
  return {
    channel_id: p.channel_id,
    kind: p.kind,
    // RFC 3339 with 'Z' is accepted as is and keeps the exact instant (seconds included).
    published_at: p.published_at,
    title: p.title,
    text: p.text,
    url: p.url,
    felt: p.felt,
    motive: p.motive,
    minutes: p.minutes,
  };
}

/** The input that saves an inquiry exactly as it is now. */
export function inquiryToInput(i: Inquiry): InquiryInput {
  return {
    received_at: i.received_at,
    name: i.name,
    organisation: i.organisation,
    via: i.via,
    their_words: i.their_words,
    source_post_id: i.source_post_id,
    not_from_posts: i.not_from_posts,
    status: i.status,
    value: centsToWire(i.value_cents),
    currency: i.currency,
    notes: i.notes,
  };
}

/** The title, else the start of the text (one line, at most `max` characters), else null. */
export function postHeadline(p: Pick<Post, "title" | "text">, max = 90): string | null {
  const title = p.title?.trim();
  if (title) return title;
  if (!p.text) return null;
  // The text with its white space collapsed, read only as far as the headline needs: a
  // newsletter runs to thousands of characters, and lists ask this several times a row.
  const chars: string[] = [];
  let space = false;
  for (const ch of p.text) {
    if (WHITE_SPACE.test(ch)) {
      space = chars.length > 0;
      continue;
    }
    if (space) chars.push(" ");
    space = false;
    chars.push(ch);
    if (chars.length > max) break;
  }
  if (chars.length === 0) return null;
  return chars.length <= max ? chars.join("") : `${chars.slice(0, max - 1).join("").trimEnd()}…`;
}

/** What String.prototype.trim() removes, one character. */
const WHITE_SPACE = /^\s$/;

/** Empty or whitespace-only form text becomes null. */
export function orNull(s: string): string | null {
  const v = s.trim();
  return v === "" ? null : v;
}

/** The kind a post gets by default on a channel of this kind (as the backend does). */
export function defaultPostKind(kind: ChannelKind | undefined): PostKind {
  switch (kind) {
    case "newsletter":
      return "newsletter";
    case "blog":
      return "article";
    case "youtube":
      return "video";
    default:
      return "post";
  }
}
