// @vitest-environment jsdom
// The take-over from the shell's first frame to the app's own view: what the user did in the
// moment the frame was on screen carries over. The shell and the app drawing the same view is
// tested end to end (src-tauri/tests/e2e_first_frame.rs); the moment itself lasts ~100 ms there,
// too short to type into through WebDriver, so the carry-over is tested here on a DOM.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import { firstFrame, showFirstFrame, takeOverFirstFrame } from "./firstFrame";

/** A view shaped like the posts view: a search field, a channel filter, rows with buttons. */
function view(rows: string[]): string {
  return `<main>
    <input id="search" type="search">
    <select id="channel"><option value="">All</option><option value="2">LinkedIn</option></select>
    <ul>${rows.map((title) => `<li><span>${title}</span><button type="button">Edit</button><button type="button" aria-label="Delete ${title}">×</button></li>`).join("")}</ul>
  </main>`;
}

const marks: unknown[] = [];

/** The page as the shell serves it: the frame, and the app's view hidden beside it (here
 * already built, as it is when the app takes over). */
async function pageWithFrame(frameRows: string[], appRows: string[] = frameRows): Promise<void> {
  document.body.innerHTML = `<div id="first-frame" hidden>${view(frameRows)}</div><div id="app" hidden>${view(appRows)}</div>`;
  await showFirstFrame();
}

const inFrame = (selector: string) => document.querySelector<HTMLElement>(`#first-frame ${selector}`)!;
const inApp = (selector: string) => document.querySelector<HTMLElement>(`#app ${selector}`)!;

/** Counts clicks on the app's buttons. */
function appClicks(): string[] {
  const clicks: string[] = [];
  for (const button of document.querySelectorAll<HTMLButtonElement>("#app button")) {
    button.addEventListener("click", () => clicks.push(button.getAttribute("aria-label") ?? button.textContent ?? ""));
  }
  return clicks;
}

beforeEach(() => {
  marks.length = 0;
  mockIPC((cmd, payload) => {
    if (cmd === "startup_mark") marks.push(payload);
  });
});

afterEach(() => {
  clearMocks();
  document.body.innerHTML = "";
});

describe("the first frame", () => {
  it("reports the start-up mark when the frame is laid out", async () => {
    await pageWithFrame(["First post"]);
    expect(marks).toHaveLength(1);
    const steps = (marks[0] as { steps: [string, number][] }).steps.map(([name]) => name);
    expect(steps).toContain("first-frame");
    expect(firstFrame()).not.toBeNull();
  });

  it("shows the frame the shell wrote hidden", async () => {
    await pageWithFrame(["First post"]);
    expect(firstFrame()!.hidden).toBe(false);
    expect(document.getElementById("app")!.hidden).toBe(true);
  });

  it("hands what was typed and chosen in the frame to the app's fields", async () => {
    await pageWithFrame(["First post"]);
    const heard: string[] = [];
    inApp("#search").addEventListener("input", () => heard.push("input"));
    inApp("#channel").addEventListener("change", () => heard.push("change"));
    (inFrame("#search") as HTMLInputElement).value = "newsletter";
    (inFrame("#channel") as HTMLSelectElement).value = "2";
    inFrame("#search").focus();

    takeOverFirstFrame();

    expect(firstFrame()).toBeNull();
    expect(document.getElementById("app")!.hidden).toBe(false);
    expect((inApp("#search") as HTMLInputElement).value).toBe("newsletter");
    expect((inApp("#channel") as HTMLSelectElement).value).toBe("2");
    // Svelte's bind:value listens to these.
    expect(heard).toEqual(["input", "change"]);
    expect(document.activeElement).toBe(inApp("#search"));
  });

  it("makes the last click on the frame again on the same control of the app's view", async () => {
    await pageWithFrame(["First post", "Second post"]);
    const clicks = appClicks();
    inFrame("li:nth-child(1) button").click();
    inFrame("li:nth-child(2) button[aria-label]").click();

    takeOverFirstFrame();

    expect(clicks).toEqual(["Delete Second post"]);
  });

  it("does not replay a click onto a control that now says something else", async () => {
    // A post came in meanwhile: the second row is another post in the app's view.
    await pageWithFrame(["First post", "Second post"], ["New post", "First post"]);
    const clicks = appClicks();
    inFrame("li:nth-child(2) button[aria-label]").click();

    takeOverFirstFrame();

    expect(clicks).toEqual([]);
    expect(firstFrame()).toBeNull();
  });

  it("forgets a click that landed outside the controls", async () => {
    await pageWithFrame(["First post"]);
    const clicks = appClicks();
    inFrame("li:nth-child(1) button").click();
    inFrame("li:nth-child(1) span").click();

    takeOverFirstFrame();

    expect(clicks).toEqual([]);
  });

  it("shows the app's view when there is no frame", () => {
    document.body.innerHTML = `<div id="app" hidden></div>`;
    const steps = takeOverFirstFrame().map(([name]) => name);
    expect(document.getElementById("app")!.hidden).toBe(false);
    expect(steps[steps.length - 1]).toBe("interactive");
  });
});
