// A cart computed by core's own pricing from the sample products, for stories and render benchmarks.
import { priceCartLines, toCartProduct, type Cart, type CartProduct } from '@kontor/core/cart';
import type { Lang } from '@kontor/core/errors';
import { manyProducts, sampleProducts } from './sample-products.js';

/** A cart of `lines` lines (sample products first, then generated ones), priced as the server would. */
export function sampleCart(lines = sampleProducts.length, lang: Lang = 'de'): Cart {
  const products = [...sampleProducts, ...manyProducts(Math.max(0, lines - sampleProducts.length))].slice(0, lines);
  const bySku = new Map<string, CartProduct>(products.map((p) => [p.sku, toCartProduct(p)]));
  const stored = products.map((p, i) => ({
    sku: p.sku,
    // Valid quantities: a few steps above the minimum.
    quantity: Math.ceil(p.quantityRules.min / p.quantityRules.step) * p.quantityRules.step + p.quantityRules.step * (i % 4),
    addedAt: '2026-11-23T09:00:00.000Z',
  }));
  const priced = priceCartLines(stored, bySku, 'EUR', lang);
  return {
    id: 'cart_sample',
    name: 'Baustelle Lindenstraße',
    status: 'open',
    active: true,
    version: 3,
    currency: 'EUR',
    owner: { kind: 'user', userId: 'usr_sample', partnerId: null, name: 'Einkauf Elektro Müller' },
    createdVia: { channel: 'web', partnerId: null },
    lastChangedVia: { channel: 'web', partnerId: null },
    lineCount: priced.lines.length,
    totals: priced.totals,
    createdAt: '2026-11-23T09:00:00.000Z',
    updatedAt: '2026-11-23T09:30:00.000Z',
    lines: priced.lines,
  };
}
