import type { Product } from '../catalogue/product.schema.js';
import type { TaxClass } from '../catalogue/product.schema.js';
import { GERMAN_TAX_RATES, lineNet, nextTier, taxRateBasisPoints, totals, unitPriceAt } from './pricing.logic.js';
import type { LineQuote, PriceQuote } from './pricing.schema.js';

/** Prices one line of a product that has a price. Quantity rules are checked separately. */
export function quoteLine(
  product: Pick<Product, 'sku' | 'taxClass' | 'price'>,
  quantity: number,
  rates: Readonly<Record<TaxClass, number>> = GERMAN_TAX_RATES,
): LineQuote {
  const price = product.price;
  if (!price) throw new RangeError(`${product.sku} has no price for this caller`);
  return {
    sku: product.sku,
    quantity,
    priceUnit: price.priceUnit,
    unitPrice: unitPriceAt(price, quantity),
    net: lineNet(price, quantity),
    taxClass: product.taxClass,
    taxRate: taxRateBasisPoints(product.taxClass, rates),
    nextTier: nextTier(price, quantity),
  };
}

/** Prices lines and adds them up; all products must be priced in `currency`. */
export function quote(
  lines: readonly { product: Pick<Product, 'sku' | 'taxClass' | 'price'>; quantity: number }[],
  currency: string,
  rates: Readonly<Record<TaxClass, number>> = GERMAN_TAX_RATES,
): PriceQuote {
  const quoted = lines.map((l) => quoteLine(l.product, l.quantity, rates));
  return { currency, lines: quoted, totals: totals(quoted, currency) };
}
