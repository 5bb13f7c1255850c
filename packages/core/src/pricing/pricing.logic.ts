import type { PriceTier, ProductPrice, TaxClass } from '../catalogue/product.schema.js';
import { money, mulDivRound } from '../money/money.logic.js';
import type { Currency, Money } from '../money/money.schema.js';

/**
 * VAT rates per tax class in basis points (1 % = 100), German rates.
 * A seller in another country passes its own table to the functions that take one.
 */
export const GERMAN_TAX_RATES: Readonly<Record<TaxClass, number>> = Object.freeze({ standard: 1900, reduced: 700, zero: 0 });

/** The tax rate of a class in basis points. */
export function taxRateBasisPoints(taxClass: TaxClass, rates: Readonly<Record<TaxClass, number>> = GERMAN_TAX_RATES): number {
  return rates[taxClass];
}

/** The tier that applies at `quantity`: the one with the highest `minQuantity` not above it. */
export function tierAt(tiers: readonly PriceTier[], quantity: number): PriceTier {
  let chosen = tiers[0];
  if (!chosen) throw new RangeError('A price needs at least one tier');
  for (const tier of tiers) {
    if (tier.minQuantity <= quantity) chosen = tier;
    else break;
  }
  return chosen;
}

/** The price for `priceUnit` units at `quantity` (tier price). */
export function unitPriceAt(price: ProductPrice, quantity: number): Money {
  return tierAt(price.tiers, quantity).price;
}

/**
 * Net amount of a line: `quantity × tier price ÷ priceUnit`, rounded once, half away from zero,
 * to the currency's minor unit. Rounding per line (not per unit) keeps a line of 1,000 cable
 * metres at 0.4567 €/m exact to the cent.
 */
export function lineNet(price: ProductPrice, quantity: number): Money {
  const tier = tierAt(price.tiers, quantity);
  return money(mulDivRound(quantity, tier.price.amount, price.priceUnit), price.currency);
}

/** The next cheaper tier above `quantity`, to tell the buyer "from 100: 1,80 €". */
export function nextTier(price: ProductPrice, quantity: number): PriceTier | null {
  for (const tier of price.tiers) if (tier.minQuantity > quantity) return tier;
  return null;
}

/** A line for totals: its net and the tax rate (basis points) that applies to it. */
export interface TaxableLine {
  net: Money;
  taxRate: number;
}

/** VAT of one rate. */
export interface TaxAmount {
  /** Rate in basis points (1900 = 19 %). */
  rate: number;
  /** Sum of the net amounts taxed at this rate. */
  net: Money;
  tax: Money;
}

/** Net, tax per rate and gross of a set of lines. */
export interface Totals {
  net: Money;
  taxes: TaxAmount[];
  tax: Money;
  gross: Money;
}

/**
 * Totals of lines. Rule: line nets are already rounded (see {@link lineNet}); tax is computed
 * once per rate on the sum of that rate's nets and rounded half away from zero — the way a
 * German invoice states VAT per rate (§ 14 Abs. 4 Nr. 8 UStG), so the printed tax is exactly
 * rate × printed net and no per-line rounding errors pile up on long carts.
 * Taxes are listed by descending rate.
 */
export function totals(lines: readonly TaxableLine[], currency: Currency): Totals {
  const byRate = new Map<number, number>();
  let net = 0;
  for (const line of lines) {
    if (line.net.currency !== currency) throw new RangeError(`Line in ${line.net.currency}, totals in ${currency}`);
    net += line.net.amount;
    byRate.set(line.taxRate, (byRate.get(line.taxRate) ?? 0) + line.net.amount);
  }
  const taxes: TaxAmount[] = [...byRate.entries()]
    .sort((a, b) => b[0] - a[0])
    .map(([rate, rateNet]) => ({ rate, net: money(rateNet, currency), tax: money(mulDivRound(rateNet, rate, 10_000), currency) }));
  const tax = taxes.reduce((sum, t) => sum + t.tax.amount, 0);
  return { net: money(net, currency), taxes, tax: money(tax, currency), gross: money(net + tax, currency) };
}
