/// <reference types="vitest/config" />
import { defineConfig } from "vite";
import { svelte } from "@sveltejs/vite-plugin-svelte";

// The Rust binary embeds ui/dist at compile time and serves it at the root; there is no dev
// server in the app. WebKitGTK is the engine on Linux, hence a Safari-era build target.
export default defineConfig({
  plugins: [svelte()],
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
