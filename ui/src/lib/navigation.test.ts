// @vitest-environment jsdom
import { afterEach, describe, expect, it } from "vitest";
import { Channel } from "@tauri-apps/api/core";
import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import {
  NAVIGATE_DOM_EVENT,
  listenForNavigation,
  navigation,
  parseNavigate,
  requestView,
  takeAction,
  type NavRequest,
} from "./navigation.svelte";

describe("a navigation request", () => {
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

describe("listening for the shell's requests", () => {
  afterEach(() => clearMocks());

  /** Starts listening with the IPC mocked; returns what the shell got and what was accepted. */
  function listen() {
    const subscribed: Channel<unknown>[] = [];
    mockIPC((cmd, args) => {
      if (cmd !== "subscribe_navigation") throw new Error(`unexpected command ${cmd}`);
      subscribed.push((args as { channel: Channel<unknown> }).channel);
    });
    const accepted: NavRequest[] = [];
    const stop = listenForNavigation((request) => accepted.push(request));
    return { subscribed, accepted, stop };
  }

  it("hands the shell a channel and takes the requests sent on it", async () => {
    const { subscribed, accepted, stop } = listen();
    await Promise.resolve();
    expect(subscribed).toHaveLength(1);
    expect(subscribed[0]).toBeInstanceOf(Channel);
    subscribed[0].onmessage({ view: "inquiries", action: "new" });
    subscribed[0].onmessage({ view: "" });
    subscribed[0].onmessage("plan");
    expect(accepted).toEqual([{ view: "inquiries", action: "new" }]);
    stop();
  });

  it("takes requests from the DOM event too, and none after it stops", async () => {
    const { subscribed, accepted, stop } = listen();
    await Promise.resolve();
    window.dispatchEvent(new CustomEvent(NAVIGATE_DOM_EVENT, { detail: { view: "plan", action: null } }));
    expect(accepted).toEqual([{ view: "plan", action: null }]);
    stop();
    window.dispatchEvent(new CustomEvent(NAVIGATE_DOM_EVENT, { detail: { view: "posts", action: "new" } }));
    subscribed[0].onmessage({ view: "posts", action: "new" });
    expect(accepted).toHaveLength(1);
  });

  it("goes on quietly when there is no shell to subscribe to", async () => {
    mockIPC(() => {
      throw new Error("no backend");
    });
    const accepted: NavRequest[] = [];
    const stop = listenForNavigation((request) => accepted.push(request));
    await new Promise((resolve) => setTimeout(resolve, 0));
    window.dispatchEvent(new CustomEvent(NAVIGATE_DOM_EVENT, { detail: { view: "posts", action: "new" } }));
    expect(accepted).toEqual([{ view: "posts", action: "new" }]);
    stop();
  });
});
