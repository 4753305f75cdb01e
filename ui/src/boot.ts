// The app, loaded by main.ts. First: the first view's requests go out before the rest of this
// chunk is evaluated.
import "./lib/firstRequests";
import { mount } from "svelte";
import App from "./App.svelte";

// Under a first frame the shell drew, #app is hidden until the app has the same view ready
// (lib/startup.ts swaps them); otherwise it is the window's content from the start.
const target = document.getElementById("app");
if (!target) throw new Error("no #app element");

export default mount(App, { target });
