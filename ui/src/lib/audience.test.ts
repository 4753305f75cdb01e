import { describe, expect, it } from "vitest";
import {
  MISSING,
  audienceChartData,
  countOrMissing,
  metricsFromForm,
  observationText,
  rateOrMissing,
} from "./audience";
import { en } from "./i18n/en";
import { interpolate } from "./i18n/interpolate";
import type { PostMetrics } from "./api";

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
