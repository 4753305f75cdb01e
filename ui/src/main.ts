// First: it makes navigator.language safe before any library reads it at load.
import "./lib/browserLocale";
// Second: the first view's requests go out before the rest of the bundle is evaluated.
import "./lib/firstRequests";
import { mount } from "svelte";
import "./app.css";
import App from "./App.svelte";

const target = document.getElementById("app");
if (!target) throw new Error("no #app element");

export default mount(App, { target });
