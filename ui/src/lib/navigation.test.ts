import { describe, expect, it } from "vitest";
import { navigation, parseNavigate, requestView, takeAction } from "./navigation.svelte";

describe("the navigate event", () => {
  it("reads what the backend sends", () => {
    expect(parseNavigate({ view: "posts", action: "new" })).toEqual({ view: "posts", action: "new" });
    expect(parseNavigate({ view: "plan", action: null })).toEqual({ view: "plan", action: null });
    expect(parseNavigate({ view: "settings" })).toEqual({ view: "settings", action: null });
    expect(parseNavigate({ view: "posts", action: "explode" })).toEqual({ view: "posts", action: null });
    expect(parseNavigate({ view: "" })).toBeNull();
    expect(parseNavigate("posts")).toBeNull();
    expect(parseNavigate(null)).toBeNull();
  });

  it("hands the action to its view once", () => {
    const before = navigation.seq;
    requestView({ view: "inquiries", action: "new" });
    expect(navigation.view).toBe("inquiries");
    expect(navigation.seq).toBe(before + 1);
    expect(takeAction("posts")).toBeNull();
    expect(takeAction("inquiries")).toBe("new");
    expect(takeAction("inquiries")).toBeNull();
    requestView({ view: "plan", action: null });
    expect(takeAction("plan")).toBeNull();
  });
});
