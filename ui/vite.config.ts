/// <reference types="vitest/config" />
import { defineConfig, type Plugin } from "vite";
import { svelte } from "@sveltejs/vite-plugin-svelte";
import { en } from "./src/lib/i18n/en";
import { nl } from "./src/lib/i18n/nl";

/** The texts of the first view, in every language, as dist/first-frame-texts.json: the shell
 * draws the app's first frame with them (src-tauri/src/first_frame), so both say the same words
 * from one source. Only the groups that view uses, not the whole dictionaries. */
const FIRST_FRAME_TEXT_GROUPS = ["app.", "nav.", "posts.", "kind.", "felt.", "motive.", "list.", "common.", "numbers.", "postForm."];

function firstFrameTexts(): Plugin {
  const pick = (dict: Record<string, string>) =>
    Object.fromEntries(Object.entries(dict).filter(([key]) => FIRST_FRAME_TEXT_GROUPS.some((g) => key.startsWith(g))));
  return {
    name: "afterword-first-frame-texts",
    apply: "build",
    generateBundle() {
      this.emitFile({ type: "asset", fileName: "first-frame-texts.json", source: JSON.stringify({ en: pick(en), nl: pick(nl) }) });
    },
  };
}

// The Rust binary embeds ui/dist at compile time and serves it at the root; there is no dev
// server in the app. WebKitGTK is the engine on Linux, hence a Safari-era build target.
export default defineConfig({
  plugins: [svelte(), firstFrameTexts()],
  clearScreen: false,
  build: {
    outDir: "dist",
    emptyOutDir: true,
    target: "safari15",
    sourcemap: false,
    // One small bundle; nothing is loaded from outside the app (CSP: 'self').
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
  },
  test: {
    include: ["src/**/*.test.ts"],
    environment: "node",
    // Tests that turn UTC instants into local Date/Time fields need a known time zone with DST.
    env: { TZ: "Europe/Amsterdam" },
  },
});
