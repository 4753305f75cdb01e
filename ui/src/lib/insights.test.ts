import { describe, expect, it } from "vitest";
import type { GroupInsight, InsightsBaseline, PostSummary } from "./api";
import { en, type MessageKey } from "./i18n/en";
import { nl } from "./i18n/nl";
import { interpolate, type Params } from "./i18n/interpolate";
import {
  baselineSentences,
  clientCurrency,
  countOf,
  firstDirection,
  formatCredit,
  formatDay,
  formatRate,
  formatWholeMoney,
  groupSentences,
  localDayEnd,
  localDayStart,
  sortPosts,
  weekdayName,
} from "./insights";

const tEn = (key: MessageKey, params?: Params) => interpolate(en[key], params);
const tNl = (key: MessageKey, params?: Params) => interpolate(nl[key], params);
// Intl puts a no-break space (U+00A0) or narrow no-break space between symbol and amount.
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, " ");

function post(id: number, over: Partial<PostSummary> = {}): PostSummary {
  return {
    id,
    published_at: `2026-01-${String(id).padStart(2, "0")}T09:00:00Z`,
    channel: "LinkedIn",
    kind: "post",
    title: `Post ${id}`,
    felt: null,
    motive: null,
    minutes: null,
    credited_inquiries: 0,
    credited_clients: 0,
    credited_revenue_cents: 0,
    days_to_first_inquiry: null,
    credit_count: 0,
    ...over,
  };
}

function group(key: string, over: Partial<GroupInsight> = {}): GroupInsight {
  return {
    key,
    posts: 12,
    credited_inquiries: 6,
    credited_clients: 2,
    credited_revenue_cents: 0,
    inquiries_per_post: 0.5,
    clients_per_post: 1 / 6,
    revenue_per_post_cents: 0,
    clients_per_hour: null,
    too_early: false,
    ...over,
  };
}

describe("numbers", () => {
  it("shows credits with one decimal in the active locale", () => {
    expect(formatCredit(1, "en-GB")).toBe("1.0");
    expect(formatCredit(1.43, "nl-NL")).toBe("1,4");
    expect(formatCredit(-0.00001, "en-GB")).toBe("0.0");
  });

  it("keeps small rates from reading as zero", () => {
    expect(formatRate(0.04, "en-GB")).toBe("0.04");
    expect(formatRate(0, "en-GB")).toBe("0.0");
    expect(formatRate(2.345, "nl-NL")).toBe("2,3");
  });

  it("shows money in whole units", () => {
    expect(plain(formatWholeMoney(120_000, "EUR", "en-US"))).toBe("€1,200");
    expect(plain(formatWholeMoney(120_000, "EUR", "nl-NL"))).toBe("€ 1.200");
    expect(plain(formatWholeMoney(33_349, "USD", "en-US"))).toBe("$333");
    expect(plain(formatWholeMoney(150_000, "XY1", "en-GB"))).toBe("1,500 XY1");
  });

  it("counts with plurals in both languages", () => {
    expect(countOf(tEn, "insights.nPosts", 1, "en-GB")).toBe("1 post");
    expect(countOf(tEn, "insights.nPosts", 5000, "en-GB")).toBe("5,000 posts");
    expect(countOf(tNl, "insights.nInquiries", 1, "nl-NL")).toBe("1 aanvraag");
    expect(countOf(tNl, "insights.nInquiries", 0, "nl-NL")).toBe("0 aanvragen");
  });
});

describe("clientCurrency", () => {
  it("is the currency every client's value is in, EUR when there is none", () => {
    expect(clientCurrency([])).toEqual({ code: "EUR", mixed: null });
    expect(
      clientCurrency([
        { status: "client", value_cents: 100, currency: "usd" },
        { status: "new", value_cents: 100, currency: "EUR" },
        { status: "client", value_cents: null, currency: "GBP" },
      ]),
    ).toEqual({ code: "USD", mixed: null });
  });

  it("says so when clients' values are in more than one currency", () => {
    expect(
      clientCurrency([
        { status: "client", value_cents: 100, currency: "EUR" },
        { status: "client", value_cents: 100, currency: "USD" },
        { status: "client", value_cents: 100, currency: "EUR" },
      ]),
    ).toEqual({ code: "EUR", mixed: ["EUR", "USD"] });
  });
});

describe("sortPosts", () => {
  const posts = [
    post(1, { credited_inquiries: 1, days_to_first_inquiry: 3, channel: "Newsletter", title: "b" }),
    post(2, { credited_inquiries: 2.5, days_to_first_inquiry: 0.5, title: "a" }),
    post(3, { credited_inquiries: 1, title: "C" }),
    post(4, { credited_inquiries: 0, title: "ä" }),
  ];
  const ids = (list: PostSummary[]) => list.map((p) => p.id);

  it("sorts by credited inquiries, newest first among equals", () => {
    expect(ids(sortPosts(posts, "inquiries", "descending", "en-GB"))).toEqual([2, 3, 1, 4]);
    expect(ids(sortPosts(posts, "inquiries", "ascending", "en-GB"))).toEqual([4, 3, 1, 2]);
  });

  it("starts in the order the report's first page is cut in (the_first_page_is_the_tables_first_order in core)", () => {
    // Posts 1 and 2 in the same second: the higher id first.
    const page = [
      post(1, { credited_inquiries: 1, published_at: "2026-02-20T09:00:00Z" }),
      post(2, { credited_inquiries: 1, published_at: "2026-02-20T09:00:00Z" }),
      post(3, { credited_inquiries: 1, published_at: "2026-02-21T09:00:00Z" }),
      post(4, { credited_inquiries: 3, published_at: "2026-02-10T09:00:00Z" }),
      post(5, { credited_inquiries: 0, published_at: "2026-02-22T09:00:00Z" }),
    ];
    expect(ids(sortPosts(page, "inquiries", firstDirection("inquiries"), "en-GB"))).toEqual([4, 3, 2, 1, 5]);
  });

  it("sorts by date and by words in the locale's order", () => {
    expect(ids(sortPosts(posts, "date", "descending", "en-GB"))).toEqual([4, 3, 2, 1]);
    expect(ids(sortPosts(posts, "title", "ascending", "en-GB"))).toEqual([4, 2, 1, 3]);
    expect(ids(sortPosts(posts, "channel", "descending", "en-GB"))).toEqual([1, 4, 3, 2]);
  });

  it("puts posts without an inquiry last by days to first inquiry, either way", () => {
    expect(ids(sortPosts(posts, "days", "ascending", "en-GB"))).toEqual([2, 1, 4, 3]);
    expect(ids(sortPosts(posts, "days", "descending", "en-GB"))).toEqual([1, 2, 4, 3]);
  });

  it("does not change the list it was given", () => {
    const before = ids(posts);
    sortPosts(posts, "title", "ascending", "en-GB");
    expect(ids(posts)).toEqual(before);
  });

  it("starts numbers high and words at A", () => {
    expect(firstDirection("inquiries")).toBe("descending");
    expect(firstDirection("title")).toBe("ascending");
  });
});

describe("groupSentences", () => {
  it("says 'too early to tell' instead of a number, after the findings, unranked", () => {
    const sentences = groupSentences(
      tEn,
      "kind",
      [
        group("article", { too_early: true, posts: 3, inquiries_per_post: 5 }),
        group("newsletter", { inquiries_per_post: 1.4, clients_per_post: 0.6 }),
        group("post", { inquiries_per_post: 0.1, clients_per_post: 0.04, posts: 40 }),
        group("video", { too_early: true, posts: 1, inquiries_per_post: 9 }),
      ],
      "en-GB",
    );
    expect(sentences.map((s) => s.text)).toEqual([
      "Newsletters: 1.4 inquiries and 0.6 clients each (12 posts).",
      "Posts: 0.1 inquiries and 0.04 clients each (40 posts).",
      "Articles: too early to tell (3 posts).",
      "Videos: too early to tell (1 post).",
    ]);
  });

  it("adds clients per hour of writing when minutes are known, in Dutch too", () => {
    const [s] = groupSentences(
      tNl,
      "motive",
      [group("obliged", { inquiries_per_post: 0.1, clients_per_post: 0, clients_per_hour: 0.25 })],
      "nl-NL",
    );
    expect(s.text).toBe(
      "Berichten die je je verplicht voelde te schrijven: 0,1 aanvragen en 0,0 klanten per stuk, 0,3 klanten per uur schrijven (12 berichten).",
    );
  });

  it("names channels as they are and weekdays in the language", () => {
    expect(groupSentences(tEn, "channel", [group("LinkedIn")], "en-GB")[0].text).toMatch(/^LinkedIn: /);
    expect(weekdayName("monday", "en-GB")).toBe("Monday");
    expect(weekdayName("sunday", "nl-NL")).toBe("zondag");
    expect(groupSentences(tNl, "weekday", [group("friday")], "nl-NL")[0].text).toMatch(/^Gepubliceerd op een vrijdag: /);
  });
});

describe("baselineSentences", () => {
  const base: InsightsBaseline = {
    rate_inside_per_day: 0.2,
    rate_outside_per_day: 0.05,
    lift: 4,
    lift_low: 1.5,
    lift_high: 10.7,
    inside_days: 300,
    outside_days: 65,
    inquiries_inside: 60,
    inquiries_outside: 3,
    too_early: false,
  };
  const totals = { posts: 40, inquiries: 63 };

  it("is too early to tell with few posts or inquiries", () => {
    expect(baselineSentences(tEn, { ...base, too_early: true }, 30, { posts: 3, inquiries: 1 }, "en-GB")).toEqual([
      "Too early to tell: fewer than 10 posts or 5 inquiries so far (3 posts, 1 inquiry).",
    ]);
  });

  it("gives both rates a week, the lift and its interval", () => {
    expect(baselineSentences(tEn, base, 30, totals, "en-GB")).toEqual([
      "In the 30 days after a post: 1.4 inquiries a week. At other times: 0.4 a week.",
      "That is 4.0 times as many (95% interval: 1.5 to 10.7).",
      "Inquiries clearly come more often after you post.",
      "Based on 300 days after a post and 65 days at other times.",
    ]);
  });

  it("says an interval that includes 1 could be chance", () => {
    const lines = baselineSentences(tEn, { ...base, lift: 1.3, lift_low: 0.6, lift_high: 2.8 }, 30, totals, "en-GB");
    expect(lines).toContain("The interval includes 1, so this could still be chance.");
  });

  it("has no ratio without quiet days or without inquiries on them", () => {
    expect(baselineSentences(tEn, { ...base, outside_days: 0, lift: null }, 30, totals, "en-GB")).toEqual([
      "Every day in this period was within 30 days of a post, so there are no other days to compare with.",
    ]);
    const none = baselineSentences(
      tEn,
      { ...base, rate_outside_per_day: 0, inquiries_outside: 0, lift: null, lift_low: null, lift_high: null },
      30,
      totals,
      "en-GB",
    );
    expect(none[1]).toBe("No inquiries came in at other times, so there is no ratio to give.");
  });
});

describe("local days", () => {
  it("reads YYYY-MM-DD as local midnight and refuses days that do not exist", () => {
    expect(localDayStart("2026-03-29")?.getTime()).toBe(new Date(2026, 2, 29).getTime());
    // Amsterdam's clocks move forward that night: the day is 23 hours long.
    const start = localDayStart("2026-03-29")?.getTime() ?? 0;
    expect((localDayEnd("2026-03-29")?.getTime() ?? 0) - start).toBe(23 * 3600_000);
    expect(localDayStart("2026-02-30")).toBeNull();
    expect(localDayStart("29-03-2026")).toBeNull();
  });
});

describe("formatDay", () => {
  it("formats a day like the rest of the app, from text or milliseconds", () => {
    expect(formatDay("2026-08-21T18:15:00Z", "en-US")).toBe("Aug 21, 2026");
    expect(formatDay(Date.UTC(2026, 7, 21, 12), "nl-NL")).toBe("21 aug 2026");
    expect(formatDay("not a date", "en-GB")).toBe("not a date");
  });
});
