// Money is integer cents plus an ISO currency code; never floats for arithmetic.

/** Splits cents into whole units and the two-digit fraction, without floating-point rounding. */
function parts(cents: number): { sign: string; whole: string; fraction: string } {
  const abs = Math.abs(Math.trunc(cents));
  return {
    sign: cents < 0 ? "-" : "",
    whole: String(Math.floor(abs / 100)),
    fraction: String(abs % 100).padStart(2, "0"),
  };
}

/** Per locale and currency code: the formatter, or null when the code is not a currency Intl
 * knows. Tables format a sum per row, and making a formatter costs far more than using it. */
const moneyFormats = new Map<string, Intl.NumberFormat | null>();
const plainFormats = new Map<string, Intl.NumberFormat>();

function moneyFormat(locale: string, code: string): Intl.NumberFormat | null {
  const key = `${locale}|${code}`;
  if (!moneyFormats.has(key)) {
    let f: Intl.NumberFormat | null = null;
    try {
      f = new Intl.NumberFormat(locale, { style: "currency", currency: code });
    } catch {
      f = null;
    }
    moneyFormats.set(key, f);
  }
  return moneyFormats.get(key) ?? null;
}

/** "€ 1.500,00" (nl-NL), "€1,500.00" (en-GB). Unknown currency codes still show: "1,500.00 XYZ". */
export function formatMoney(cents: number, currency: string, locale: string): string {
  const code = currency.trim().toUpperCase() || "EUR";
  const amount = cents / 100; // display only
  const money = moneyFormat(locale, code);
  if (money) return money.format(amount);
  let plain = plainFormats.get(locale);
  if (!plain) {
    plain = new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    plainFormats.set(locale, plain);
  }
  return `${plain.format(amount)} ${code}`;
}

/** The amount as the Value field shows it for editing: "1500,00" in Dutch, "1500.00" in English. */
export function centsToInput(cents: number | null, decimalSeparator: "," | "."): string {
  if (cents === null) return "";
  const p = parts(cents);
  return `${p.sign}${p.whole}${decimalSeparator}${p.fraction}`;
}

/** The amount for the backend, which reads "1500.00" unambiguously. */
export function centsToWire(cents: number | null): string | null {
  return cents === null ? null : centsToInput(cents, ".");
}

/** The decimal separator of a locale: "," for nl-NL, "." for en-GB. */
export function decimalSeparator(locale: string): "," | "." {
  const part = new Intl.NumberFormat(locale).formatToParts(1.5).find((p) => p.type === "decimal");
  return part?.value === "," ? "," : ".";
}
