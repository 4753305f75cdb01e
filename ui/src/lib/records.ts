// Converting what the backend returns into what it takes, and short display helpers.
import type { ChannelKind, Inquiry, InquiryInput, Post, PostInput, PostKind } from "./api";
import { centsToWire } from "./money";

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
  const text = p.text?.replace(/\s+/g, " ").trim();
  if (!text) return null;
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join("").trimEnd()}…`;
}

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
