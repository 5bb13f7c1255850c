import type { Currency, Money } from './money.schema.js';

/** Builds a money value; throws on a non-integer amount so floats never slip in. */
export function money(amount: number, currency: Currency): Money {
  if (!Number.isSafeInteger(amount)) throw new RangeError(`Money amounts are integer minor units, got ${amount}`);
  return { amount, currency };
}

function sameCurrency(a: Money, b: Money): void {
  if (a.currency !== b.currency) throw new RangeError(`Cannot combine ${a.currency} and ${b.currency}`);
}

/** a + b, same currency. */
export function addMoney(a: Money, b: Money): Money {
  sameCurrency(a, b);
  return money(a.amount + b.amount, a.currency);
}

/** Sum of amounts; `zero` gives the currency for an empty list. */
export function sumMoney(values: readonly Money[], currency: Currency): Money {
  let amount = 0;
  for (const v of values) {
    if (v.currency !== currency) throw new RangeError(`Cannot combine ${v.currency} and ${currency}`);
    amount += v.amount;
  }
  return money(amount, currency);
}

/**
 * `round(a * b / c)` on integers, rounding half away from zero ("kaufmännisches Runden"),
 * exact for every input (falls back to BigInt when the product leaves the safe range).
 */
export function mulDivRound(a: number, b: number, c: number): number {
  if (c === 0) throw new RangeError('Division by zero');
  const product = a * b;
  if (Number.isSafeInteger(product)) {
    const sign = Math.sign(product) * Math.sign(c);
    const abs = Math.abs(product);
    const div = Math.abs(c);
    const q = Math.floor(abs / div);
    const r = abs - q * div;
    const rounded = r * 2 >= div ? q + 1 : q;
    return sign < 0 && rounded !== 0 ? -rounded : rounded; // never -0
  }
  const p = BigInt(a) * BigInt(b);
  const d = BigInt(c);
  const neg = (p < 0n) !== (d < 0n);
  const ap = p < 0n ? -p : p;
  const ad = d < 0n ? -d : d;
  let q = ap / ad;
  if ((ap % ad) * 2n >= ad) q += 1n;
  const n = Number(neg ? -q : q);
  if (!Number.isSafeInteger(n)) throw new RangeError('Amount out of range');
  return n;
}

const digitCache = new Map<string, number>();

/** Minor-unit digits of a currency (EUR 2, JPY 0, BHD 3), from Intl. */
export function minorUnitDigits(currency: Currency): number {
  let d = digitCache.get(currency);
  if (d === undefined) {
    d = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
    digitCache.set(currency, d);
  }
  return d;
}

const formatCache = new Map<string, Intl.NumberFormat>();

/**
 * Formats money for people: `formatMoney({amount: 123456, currency: 'EUR'}, 'de')` → `1.234,56 €`.
 * `extraDigits` shows more precision, e.g. for unit prices per 100.
 */
export function formatMoney(value: Money, locale: string = 'en', extraDigits = 0): string {
  const digits = minorUnitDigits(value.currency);
  const key = `${locale}|${value.currency}|${extraDigits}`;
  let fmt = formatCache.get(key);
  if (!fmt) {
    fmt = new Intl.NumberFormat(locale === 'de' ? 'de-DE' : locale === 'en' ? 'en-GB' : locale, {
      style: 'currency',
      currency: value.currency,
      minimumFractionDigits: digits,
      maximumFractionDigits: digits + extraDigits,
    });
    formatCache.set(key, fmt);
  }
  return fmt.format(value.amount / 10 ** digits);
}
