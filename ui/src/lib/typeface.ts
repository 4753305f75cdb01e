// The app's typeface: Inter (SIL Open Font License 1.1, from @fontsource/inter), its Latin letters
// in the two weights the app shows (400, and 600 for --weight-strong in app.css).
//
// Why the app brings its own: for the desktop's font, WebKitGTK asks fontconfig for a match for
// every size, weight and letter spacing a page shows (a substitution and about a hundred
// matching rounds each, on the page's one thread), and the first view shows seven. A face the
// page holds needs none of that: the first frame is laid out ~9 ms sooner on the machine in
// README "Benchmarks" (html -> mark 22 instead of 32 ms, the faces' own cost included). It also
// makes the app look the same on every desktop.
//
// Why from bytes, in the entry script: a face made from bytes is ready when it is made, so the
// frame's first layout finds it. The shell writes the frame hidden, so nothing is laid out
// before this has run (lib/firstFrame.ts shows it). An @font-face rule would load its file
// asynchronously, and the first layout would match the desktop's fonts anyway.
//
// Letters outside the Latin range (ł, ř, Greek, emoji...) come from the desktop's fonts: the
// faces say what they cover, and app.css's family list (--font) goes on to sans-serif.
import regular from "@fontsource/inter/files/inter-latin-400-normal.woff2?inline";
import strong from "@fontsource/inter/files/inter-latin-600-normal.woff2?inline";
import { latin } from "@fontsource/inter/unicode.json";

/** The family app.css asks for first. */
export const TYPEFACE = "Inter";

/** What the Latin files cover, as the font package says. */
export const LATIN_RANGE: string = latin;

type WithFromBase64 = typeof Uint8Array & { fromBase64?: (base64: string) => Uint8Array<ArrayBuffer> };

/** The bytes of a base64 data URL (as Vite inlines a file), with the engine's own decoder where
 * it has one (WebKitGTK 2.48 and later). */
export function dataUrlBytes(dataUrl: string): Uint8Array<ArrayBuffer> {
  const base64 = dataUrl.slice(dataUrl.indexOf(",") + 1);
  const native = (Uint8Array as WithFromBase64).fromBase64;
  if (native) return native(base64);
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** The faces the page gets: weight and file (a data URL). */
export const FACES: readonly (readonly [string, string])[] = [
  ["400", regular],
  ["600", strong],
];

/**
 * Adds the typeface to the page; returns how many faces it took. Call it before anything is
 * laid out. A face the engine cannot make is left out: its text falls back to the desktop's
 * font, no reason to show no app.
 */
export function addTypeface(fonts: FontFaceSet | undefined = globalThis.document?.fonts): number {
  if (fonts === undefined || typeof FontFace === "undefined") return 0;
  let added = 0;
  for (const [weight, file] of FACES) {
    try {
      const face = new FontFace(TYPEFACE, dataUrlBytes(file), { weight, style: "normal", unicodeRange: LATIN_RANGE });
      if (face.status === "error") continue;
      fonts.add(face);
      added++;
    } catch {
      // A file this engine cannot read.
    }
  }
  return added;
}
