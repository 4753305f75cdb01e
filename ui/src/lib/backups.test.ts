import { describe, expect, it } from "vitest";
import { fileName, formatSize } from "./backups";

describe("formatSize", () => {
  it("uses bytes, KB, MB and GB with one decimal below ten", () => {
    expect(formatSize(840, "en-GB")).toBe("840 bytes");
    expect(formatSize(12_345, "en-GB")).toBe("12 KB");
    expect(formatSize(1_400_000, "en-GB")).toBe("1.4 MB");
    expect(formatSize(1_400_000, "nl-NL")).toBe("1,4 MB");
    expect(formatSize(2_500_000_000, "en-GB")).toBe("2.5 GB");
  });
});

describe("fileName", () => {
  it("keeps the last part of a path", () => {
    expect(fileName("/home/sanne/.local/share/afterword/backups/afterword-2026-05-28.sqlite3")).toBe(
      "afterword-2026-05-28.sqlite3",
    );
    expect(fileName("/home/sanne/Downloads/afterword-csv-2026-05-28/")).toBe("afterword-csv-2026-05-28");
    expect(fileName("plain")).toBe("plain");
  });
});
