import { describe, expect, it } from "vitest";
import type { Inquiry, Post } from "./api";
import {
  LIST_PAGE_SIZE, defaultPostKind, firstScreenRows, inquiryToInput, orNull, postHeadline, postToInput,
} from "./records";

const post: Post = {
  id: 7, channel_id: 2, channel: "Newsletter", kind: "newsletter", published_at: "2026-05-02T07:15:30Z",
  title: null, text: "Why I stopped posting three times a week", url: null, felt: "energising",
  motive: "wanted", minutes: 45, source: "manual", external_id: null,
  created_at: "2026-05-02T07:20:00Z", updated_at: "2026-05-02T07:20:00Z",
};

describe("postToInput", () => {
  it("keeps every value and the exact instant", () => {
    expect(postToInput(post)).toEqual({
      channel_id: 2, kind: "newsletter", published_at: "2026-05-02T07:15:30Z", title: null,
      text: "Why I stopped posting three times a week", url: null, felt: "energising", motive: "wanted", minutes: 45,
    });
  });
});

describe("inquiryToInput", () => {
  it("sends the value as an unambiguous amount", () => {
    const inquiry: Inquiry = {
      id: 1, received_at: "2026-05-03T08:00:00Z", name: "Sanne", organisation: null, via: "email",
      their_words: "Your newsletter", source_post_id: 7, not_from_posts: false, status: "client",
      value_cents: 150_050, currency: "EUR", notes: null, source: "manual", external_id: null, contact_id: 3,
      status_changed_at: "2026-05-03T08:00:00Z", created_at: "2026-05-03T08:00:00Z", updated_at: "2026-05-03T08:00:00Z",
    };
    const input = inquiryToInput(inquiry);
    expect(input.value).toBe("1500.50");
    expect(input.source_post_id).toBe(7);
    expect(input.received_at).toBe("2026-05-03T08:00:00Z");
  });
});

describe("postHeadline", () => {
  it("prefers the title, else the start of the text on one line", () => {
    expect(postHeadline({ title: " Slow ", text: "x" })).toBe("Slow");
    expect(postHeadline({ title: null, text: "line one\nline two" })).toBe("line one line two");
    expect(postHeadline({ title: "", text: "abcdefghij" }, 5)).toBe("abcd…");
    expect(postHeadline({ title: null, text: "  " })).toBeNull();
  });

  it("reads only the start of a long text, with the same result as collapsing all of it", () => {
    // The plain definition: collapse every run of white space, trim, cut at `max` code points.
    const reference = (text: string, max: number) => {
      const all = [...text.replace(/\s+/g, " ").trim()];
      if (all.length === 0) return null;
      return all.length <= max ? all.join("") : `${all.slice(0, max - 1).join("").trimEnd()}…`;
    };
    const pieces = ["a", "Zo", " ", "  ", "\n\t", "\u00a0", "\u2003", "😀", "é", "ij", "\r\n"];
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648);
    for (let i = 0; i < 2000; i++) {
      let text = "";
      const parts = next() % 40;
      for (let j = 0; j < parts; j++) text += pieces[next() % pieces.length];
      const max = 1 + (next() % 12);
      expect(postHeadline({ title: null, text }, max)).toBe(reference(text, max));
    }
    const long = "word ".repeat(20_000);
    expect(postHeadline({ title: null, text: long })).toBe(reference(long, 90));
  });
});

describe("orNull", () => {
  it("turns blank into null", () => {
    expect(orNull("  ")).toBeNull();
    expect(orNull(" a ")).toBe("a");
  });
});

describe("defaultPostKind", () => {
  it("follows the channel", () => {
    expect(defaultPostKind("newsletter")).toBe("newsletter");
    expect(defaultPostKind("blog")).toBe("article");
    expect(defaultPostKind("youtube")).toBe("video");
    expect(defaultPostKind("linkedin")).toBe("post");
    expect(defaultPostKind(undefined)).toBe("post");
  });
});

describe("firstScreenRows", () => {
  it("draws every row that can show in the window, the last one perhaps in part", () => {
    // The app's default window is 800 px tall: rows start at 180 px or lower, 112 px or taller.
    expect(firstScreenRows(800)).toBe(6);
    expect(firstScreenRows(180 + 112 * 5)).toBe(5);
    expect(firstScreenRows(180 + 112 * 5 + 1)).toBe(6);
    expect(firstScreenRows(1080)).toBe(9);
  });

  it("draws at least one row and never more than a page", () => {
    expect(firstScreenRows(100)).toBe(1);
    expect(firstScreenRows(20_000)).toBe(LIST_PAGE_SIZE);
  });

  it("falls back to about a screen's worth when the height is not known", () => {
    expect(firstScreenRows(0)).toBe(8);
    expect(firstScreenRows(Number.NaN)).toBe(8);
  });
});
