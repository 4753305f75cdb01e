import { describe, expect, it } from "vitest";
import {
  DEFAULT_ENGAGEMENT_SORT,
  MISSING,
  headlineWords,
  hoverValue,
  monthOfSeconds,
  monthStartSeconds,
  sortEngagement,
  audienceChartData,
  countOrMissing,
  metricsFromForm,
  observationText,
  rateOrMissing,
} from "./audience";
import { en } from "./i18n/en";
import { interpolate } from "./i18n/interpolate";
import type { PostEngagement, PostMetrics, SeriesHeadline } from "./api";

const t = (key: keyof typeof en, params?: Record<string, string | number>) => interpolate(en[key], params);
const none: PostMetrics = {
  impressions: null,
  reactions: null,
  comments: null,
  reposts: null,
  engagements: null,
  recipients: null,
  opens: null,
  clicks: null,
  replies: null,
  new_subscribers: null,
};

describe("missing numbers", () => {
  it("shows a dash for missing, never zero", () => {
    expect(countOrMissing(null, "en-GB")).toBe(MISSING);
    expect(countOrMissing(0, "en-GB")).toBe("0");
    expect(rateOrMissing(null, "en-GB")).toBe(MISSING);
    expect(rateOrMissing(0.2, "en-GB")).toBe("20.0%");
    expect(rateOrMissing(0.003, "en-GB")).toBe("0.30%");
  });
});

describe("the numbers form", () => {
  it("sends only typed values that changed, and refuses words", () => {
    const latest = { ...none, reactions: 2 };
    const { values, invalid } = metricsFromForm({ reactions: "2", comments: "1 200", opens: "" }, latest);
    expect(invalid).toBeNull();
    expect(values.reactions).toBeNull();
    expect(values.comments).toBe(1200);
    expect(values.opens).toBeNull();
    expect(metricsFromForm({ reactions: "-3" }, latest).invalid).toBe("reactions");
    expect(metricsFromForm({ reactions: "many" }, latest).invalid).toBe("reactions");
  });
});

describe("observations", () => {
  it("says too early below the thresholds, and words a flat trend plainly", () => {
    expect(observationText({ kind: "too_early", posts_with_rate: 3, inquiries: 1 }, t, "en-GB")).toContain("Too early");
    const text = observationText(
      {
        kind: "audience_vs_inquiries",
        channel: "LinkedIn",
        measure: "followers",
        growth: 0.4,
        months: 12,
        inquiries_per_month_before: 1,
        inquiries_per_month_after: 1.1,
        trend: "about_same",
      },
      t,
      "en-GB",
    );
    expect(text).toContain("40%");
    expect(text).toContain("about the same");
  });
});

describe("chart data", () => {
  it("puts every series on one time axis, with gaps where a series has no point", () => {
    const data = audienceChartData([
      { channel_id: 1, channel: "LinkedIn", measure: "followers", at_ms: [1000, 3000], size: [10, 30] },
      { channel_id: 2, channel: "Newsletter", measure: "subscribers", at_ms: [2000], size: [5] },
    ]);
    expect(data).toEqual([
      [1, 2, 3],
      [10, null, 30],
      [null, 5, null],
    ]);
  });
});

function row(id: number, day: string, over: Partial<PostEngagement>): PostEngagement {
  return {
    id,
    published_at: `2026-03-${day}T10:00:00Z`,
    channel: "LinkedIn",
    kind: "post",
    title: `Post ${id}`,
    metrics: none,
    engagements: null,
    engagement_basis: null,
    audience_size: null,
    audience_measure: null,
    audience_at: null,
    engagement_rate: null,
    credited_inquiries: 0,
    credited_clients: 0,
    credited_revenue_cents: 0,
    ...over,
  };
}

describe("sorting the per-post table", () => {
  // 1: 2 likes, brought a client. 2: 200 likes, nothing. 3: no numbers, an inquiry.
  // 4: no numbers, nothing, newest.
  const rows = [
    row(2, "02", { engagements: 200, audience_size: 1000, engagement_rate: 0.2 }),
    row(4, "04", {}),
    row(1, "01", { engagements: 2, audience_size: 1000, engagement_rate: 0.002, credited_clients: 1, credited_inquiries: 1 }),
    row(3, "03", { credited_inquiries: 0.5 }),
  ];
  const ids = (key: Parameters<typeof sortEngagement>[1], dir: Parameters<typeof sortEngagement>[2]) =>
    sortEngagement(rows, key, dir).map((p) => p.id);

  it("starts with what followed: clients, then inquiries, then engagement, then newest", () => {
    expect(ids(DEFAULT_ENGAGEMENT_SORT.key, DEFAULT_ENGAGEMENT_SORT.dir)).toEqual([1, 3, 2, 4]);
  });

  it("sorts by each column both ways, missing numbers last either way", () => {
    expect(ids("rate", "descending")).toEqual([2, 1, 4, 3]);
    expect(ids("rate", "ascending")).toEqual([1, 2, 4, 3]);
    expect(ids("engagements", "ascending")).toEqual([1, 2, 4, 3]);
    expect(ids("audience", "descending")).toEqual([2, 1, 4, 3]);
    expect(ids("inquiries", "descending")).toEqual([1, 3, 4, 2]);
    expect(ids("inquiries", "ascending")).toEqual([4, 2, 3, 1]);
    expect(ids("post", "descending")).toEqual([4, 3, 2, 1]);
    expect(ids("post", "ascending")).toEqual([1, 2, 3, 4]);
    // Ties (2 and 4: nothing followed) still go by engagement, then newest.
    expect(ids("clients", "ascending")).toEqual([2, 4, 3, 1]);
  });

  it("leaves the rows it was given as they were", () => {
    const before = rows.map((p) => p.id);
    sortEngagement(rows, "rate", "ascending");
    expect(rows.map((p) => p.id)).toEqual(before);
  });
});

describe("the headline and the charts' hover values", () => {
  it("says the latest size and where it started, or only the latest for one size", () => {
    const s: SeriesHeadline[] = [
      { channel_id: 1, channel: "LinkedIn", measure: "followers", points: 2, first_at_ms: 1, first_size: 80, latest_at_ms: 2, latest_size: 1234 },
      { channel_id: 2, channel: "Newsletter", measure: "subscribers", points: 1, first_at_ms: 3, first_size: 40, latest_at_ms: 3, latest_size: 40 },
    ];
    const day = (ms: number) => `day ${ms}`;
    expect(headlineWords(s, t, "en-GB", day)).toEqual([
      "LinkedIn (followers): 1,234 on day 2, from 80 on day 1",
      "Newsletter (subscribers): 40 on day 3",
    ]);
  });

  it("shows a dash where a series has no value under the pointer, never 0", () => {
    expect(hoverValue(null, "en-GB")).toBe(MISSING);
    expect(hoverValue(undefined, "en-GB")).toBe(MISSING);
    expect(hoverValue(0, "en-GB")).toBe("0");
    expect(hoverValue(12345, "nl-NL")).toBe("12.345");
    expect(hoverValue(4.25, "en-GB", "%")).toBe("4.3%");
  });

  it("turns the months chart's x back into its month", () => {
    expect(monthOfSeconds(monthStartSeconds("2026-03"))).toBe("2026-03");
    expect(monthOfSeconds(monthStartSeconds("2025-12"))).toBe("2025-12");
  });
});
