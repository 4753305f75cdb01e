// @vitest-environment jsdom
// The typeface's bytes and how it is added. That WebKitGTK takes the faces, and that the first
// frame is laid out in them, is tested end to end (src-tauri/tests/e2e_first_frame.rs).
import { afterEach, describe, expect, it, vi } from "vitest";
import { addTypeface, dataUrlBytes, FACES, LATIN_RANGE, TYPEFACE } from "./typeface";

/** A FontFaceSet that keeps what it is given. */
function fontSet(): FontFaceSet & { added: FontFace[] } {
  const added: FontFace[] = [];
  return { added, add: (face: FontFace) => added.push(face) } as unknown as FontFaceSet & { added: FontFace[] };
}

/** A FontFace like the engine's: it reads a WOFF2 file ("wOF2") and fails on anything else. */
class FakeFontFace {
  status: string;
  constructor(
    readonly family: string,
    readonly source: Uint8Array,
    readonly descriptors: FontFaceDescriptors,
  ) {
    const magic = String.fromCharCode(...source.slice(0, 4));
    this.status = magic === "wOF2" ? "loaded" : "error";
  }
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("the typeface", () => {
  it("decodes a base64 data URL to its bytes, with or without the engine's decoder", () => {
    const url = "data:font/woff2;base64,d09GMgABAAA=";
    const expected = [0x77, 0x4f, 0x46, 0x32, 0x00, 0x01, 0x00, 0x00];
    expect([...dataUrlBytes(url)]).toEqual(expected);
    // Engines without Uint8Array.fromBase64 (WebKitGTK before 2.48) go through atob.
    const native = Object.getOwnPropertyDescriptor(Uint8Array, "fromBase64");
    if (native) delete (Uint8Array as unknown as Record<string, unknown>).fromBase64;
    try {
      expect([...dataUrlBytes(url)]).toEqual(expected);
    } finally {
      if (native) Object.defineProperty(Uint8Array, "fromBase64", native);
    }
  });

  it("carries Inter's Latin files inlined, regular and strong", () => {
    expect(FACES.map(([weight]) => weight)).toEqual(["400", "600"]);
    for (const [, file] of FACES) {
      expect(file.startsWith("data:")).toBe(true);
      // A real WOFF2 file, not a path Vite left for the page to fetch.
      expect(String.fromCharCode(...dataUrlBytes(file).slice(0, 4))).toBe("wOF2");
    }
  });

  it("adds both faces under the family app.css asks for, covering the Latin range", () => {
    vi.stubGlobal("FontFace", FakeFontFace);
    const fonts = fontSet();
    expect(addTypeface(fonts)).toBe(2);
    const faces = fonts.added as unknown as FakeFontFace[];
    expect(faces.map((f) => [f.family, f.descriptors.weight, f.descriptors.unicodeRange])).toEqual([
      [TYPEFACE, "400", LATIN_RANGE],
      [TYPEFACE, "600", LATIN_RANGE],
    ]);
  });

  it("leaves out a face the engine cannot read, and adds nothing without the font loading API", () => {
    vi.stubGlobal(
      "FontFace",
      class extends FakeFontFace {
        constructor(family: string, source: Uint8Array, descriptors: FontFaceDescriptors) {
          super(family, descriptors.weight === "600" ? new Uint8Array([1, 2, 3, 4]) : source, descriptors);
        }
      },
    );
    const fonts = fontSet();
    expect(addTypeface(fonts)).toBe(1);
    vi.stubGlobal("FontFace", undefined);
    expect(addTypeface(fontSet())).toBe(0);
  });
});
