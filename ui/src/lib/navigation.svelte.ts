// Requests to show a view from outside the page: a click on a notification or a tray menu item
// ("Log a post" opens the posts with the new-post form). App.svelte switches the view; the view
// takes its pending action when it is shown (or at once, when it already is).

import { Channel, invoke } from "@tauri-apps/api/core";

export type NavAction = "new";

export interface NavRequest {
  view: string;
  action: NavAction | null;
}

export const navigation = $state({
  /** The view asked for, for App.svelte to switch to. */
  view: null as string | null,
  /** An action waiting for its view ("new": open the new-item form). */
  pending: null as NavRequest | null,
  /** Bumped on every request, so that the same request twice is noticed. */
  seq: 0,
});

/** Reads a request the backend sent; null when it is not one. */
export function parseNavigate(payload: unknown): NavRequest | null {
  if (typeof payload !== "object" || payload === null) return null;
  const p = payload as Record<string, unknown>;
  if (typeof p.view !== "string" || p.view === "") return null;
  const action = p.action === "new" ? "new" : null;
  return { view: p.view, action };
}

export function requestView(request: NavRequest): void {
  navigation.view = request.view;
  navigation.pending = request.action ? request : null;
  navigation.seq += 1;
}

/** The pending action for `view`, taken (so it runs once); null when there is none. */
export function takeAction(view: string): NavAction | null {
  const pending = navigation.pending;
  if (pending === null || pending.view !== view) return null;
  navigation.pending = null;
  return pending.action;
}

/**
 * The DOM event that asks for a view too. The end-to-end tests send their requests with it:
 * WebDriver cannot reach the channel the shell sends on.
 */
export const NAVIGATE_DOM_EVENT = "afterword:navigate";

/**
 * Asks the shell for its requests to show a view, through a channel (a Tauri event would cost
 * an evaluated script and ten seconds of a JavaScript engine in the shell; see
 * src-tauri/src/window.rs), and takes them from the DOM event as well. Calls `accept` with each
 * request that reads as one. Returns the function that stops listening.
 */
export function listenForNavigation(accept: (request: NavRequest) => void): () => void {
  let listening = true;
  const receive = (payload: unknown) => {
    const request = parseNavigate(payload);
    if (listening && request) accept(request);
  };
  invoke("subscribe_navigation", { channel: new Channel<unknown>(receive) }).catch(() => {
    // Outside the app nothing sends requests.
  });
  const fromDom = (event: Event) => receive((event as CustomEvent<unknown>).detail);
  window.addEventListener(NAVIGATE_DOM_EVENT, fromDom);
  return () => {
    listening = false;
    window.removeEventListener(NAVIGATE_DOM_EVENT, fromDom);
  };
}
