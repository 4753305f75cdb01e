import { describe, expect, it } from "vitest";
import { personMatches } from "./people";

const zoe = { name: "Zoë de Vries", notes: "Met at the Utrecht meetup", profile_url: "https://example.nl/zoe" };

describe("personMatches", () => {
  it("matches everyone on an empty or blank query", () => {
    expect(personMatches(zoe, "")).toBe(true);
    expect(personMatches(zoe, "   ")).toBe(true);
  });

  it("ignores case and accents, both ways", () => {
    expect(personMatches(zoe, "zoe")).toBe(true);
    expect(personMatches(zoe, "ZOË")).toBe(true);
    expect(personMatches({ name: "Jose Lopez", notes: null, profile_url: null }, "josé")).toBe(true);
  });

  it("needs every word, in any order, from name, notes or link", () => {
    expect(personMatches(zoe, "vries utrecht")).toBe(true);
    expect(personMatches(zoe, "example.nl")).toBe(true);
    expect(personMatches(zoe, "vries amsterdam")).toBe(false);
    expect(personMatches({ name: "Sanne", notes: null, profile_url: null }, "vries")).toBe(false);
  });
});
