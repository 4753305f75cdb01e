import { describe, expect, it } from "vitest";
import { centsToInput, centsToWire, decimalSeparator, formatMoney } from "./money";

// Intl puts a no-break space (U+00A0) or narrow no-break space between symbol and amount.
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, " ");

describe("formatMoney", () => {
  it("formats euros in Dutch and English", () => {
    expect(plain(formatMoney(150_000, "EUR", "nl-NL"))).toBe("€ 1.500,00");
    expect(plain(formatMoney(150_000, "EUR", "en-GB"))).toBe("€1,500.00");
  });

  it("formats other currencies and small amounts exactly", () => {
    expect(plain(formatMoney(99, "USD", "en-US"))).toBe("$0.99");
    expect(plain(formatMoney(123_456_789, "EUR", "nl-NL"))).toBe("€ 1.234.567,89");
    expect(plain(formatMoney(5, "eur", "en-GB"))).toBe("€0.05");
  });

  it("still shows an amount with a code Intl does not know", () => {
    expect(plain(formatMoney(150_000, "XY1", "en-GB"))).toBe("1,500.00 XY1");
  });
});

describe("amounts for the Value field", () => {
  it("uses the locale's decimal separator and no grouping", () => {
    expect(centsToInput(150_000, ",")).toBe("1500,00");
    expect(centsToInput(150_050, ".")).toBe("1500.50");
    expect(centsToInput(7, ",")).toBe("0,07");
    expect(centsToInput(null, ",")).toBe("");
  });

  it("sends an unambiguous amount to the backend", () => {
    expect(centsToWire(1_000_000_000_000)).toBe("10000000000.00");
    expect(centsToWire(null)).toBeNull();
  });

  it("knows each locale's decimal separator", () => {
    expect(decimalSeparator("nl-NL")).toBe(",");
    expect(decimalSeparator("en-GB")).toBe(".");
  });
});
