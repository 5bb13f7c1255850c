import type { Product, TaxClass } from '../catalogue/product.schema.js';
import type { ErrorIssue } from '../errors/kontor-error.js';
import { quantityIssueMessage, type Lang } from '../errors/messages.js';
import type { Currency } from '../money/money.schema.js';
import { GERMAN_TAX_RATES, totals, type Totals } from '../pricing/pricing.logic.js';
import { checkQuantity } from '../pricing/quantity.logic.js';
import { quoteLine } from '../pricing/quote.logic.js';
import type { Cart, CartChange, CartLine, CartProduct } from './cart.schema.js';

export { reuseUnchangedLines } from './cart.reuse.js';

/** A line as a cart stores it: what was asked for, not what it costs. */
export interface StoredCartLine {
  sku: string;
  quantity: number;
  addedAt: string;
}

/** What a change did to one SKU; `from`/`to` are `0` for a missing line. */
export interface CartLineEffect {
  sku: string;
  from: number;
  to: number;
  /** Indexes of the changes that touched this SKU, in order. */
  changes: number[];
}

export interface AppliedChanges {
  /** The lines after the changes: existing ones in their order, new ones appended. */
  lines: StoredCartLine[];
  /** One entry per touched SKU. `from > 0 && to > from` after an `add` means the quantity was merged. */
  effects: CartLineEffect[];
}

/**
 * Applies changes to stored lines. `add` merges into an existing line of the SKU (quantities add
 * up), `set` replaces the quantity or adds the line, `remove` drops it (a missing line is fine).
 * Pure: the time of new lines is passed in. Quantity rules are not checked here.
 */
export function applyCartChanges(lines: readonly StoredCartLine[], changes: readonly CartChange[], now: string): AppliedChanges {
  const bySku = new Map<string, StoredCartLine>();
  for (const line of lines) bySku.set(line.sku, { ...line });
  const effects = new Map<string, CartLineEffect>();
  changes.forEach((change, i) => {
    const current = bySku.get(change.sku);
    let effect = effects.get(change.sku);
    if (!effect) effects.set(change.sku, (effect = { sku: change.sku, from: current?.quantity ?? 0, to: 0, changes: [] }));
    effect.changes.push(i);
    if (change.op === 'remove') bySku.delete(change.sku);
    else if (current) current.quantity = change.op === 'add' ? current.quantity + change.quantity : change.quantity;
    else bySku.set(change.sku, { sku: change.sku, quantity: change.quantity, addedAt: now });
  });
  for (const effect of effects.values()) effect.to = bySku.get(effect.sku)?.quantity ?? 0;
  // Map keeps insertion order: old lines where they were, new ones at the end; a removed and re-added SKU moves to the end.
  return { lines: [...bySku.values()], effects: [...effects.values()] };
}

/** The part of a product a cart line shows. */
export function toCartProduct(product: Product): CartProduct {
  return {
    name: product.name,
    unit: product.unit,
    packSize: product.packSize,
    taxClass: product.taxClass,
    status: product.status,
    replacementSku: product.replacementSku,
    quantityRules: product.quantityRules,
    price: product.price,
  };
}

/**
 * Why `quantity` of a product cannot be ordered in a cart priced in `currency`; empty when it can.
 * Paths are relative to the line (`['sku']`, `['quantity']`). `product` is `null` when the caller
 * cannot see the SKU.
 */
export function cartLineIssues(sku: string, product: CartProduct | null, quantity: number, currency: Currency, lang: Lang): ErrorIssue[] {
  if (!product) return [{ path: ['sku'], code: 'unknown_sku', message: quantityIssueMessage('unknown_sku', { sku }, lang), params: { sku } }];
  if (product.status === 'discontinued') {
    const params = { replacementSku: product.replacementSku };
    return [{
      path: ['sku'], code: 'discontinued', message: quantityIssueMessage('discontinued', params, lang), params,
      ...(product.replacementSku ? { suggestions: [product.replacementSku] } : {}),
    }];
  }
  if (!product.price) return [{ path: ['sku'], code: 'no_price', message: quantityIssueMessage('no_price', { sku }, lang), params: { sku } }];
  if (product.price.currency !== currency) {
    const params = { currency: product.price.currency, expected: currency };
    return [{ path: ['sku'], code: 'currency_mismatch', message: quantityIssueMessage('currency_mismatch', params, lang), params }];
  }
  const problem = checkQuantity(product.quantityRules, quantity);
  if (!problem) return [];
  return [{
    path: ['quantity'], code: problem.code, message: quantityIssueMessage(problem.code, problem.params, lang),
    params: problem.params, suggestions: problem.suggestions,
  }];
}

export interface PricedCartLines {
  lines: CartLine[];
  totals: Totals;
}

/**
 * Prices stored lines at the caller's prices and adds up the orderable ones. A line with issues
 * (see {@link cartLineIssues}) keeps its place but counts in no total. `products` maps SKU to
 * product; a SKU that is absent or `null` is no longer visible to the caller.
 */
export function priceCartLines(
  lines: readonly StoredCartLine[],
  products: ReadonlyMap<string, CartProduct | null>,
  currency: Currency,
  lang: Lang,
  rates: Readonly<Record<TaxClass, number>> = GERMAN_TAX_RATES,
): PricedCartLines {
  const out: CartLine[] = new Array(lines.length);
  const taxable: { net: { amount: number; currency: string }; taxRate: number }[] = [];
  for (let i = 0; i < lines.length; i++) {
    const { sku, quantity, addedAt } = lines[i]!;
    const product = products.get(sku) ?? null;
    const issues = cartLineIssues(sku, product, quantity, currency, lang);
    const priced = product?.price && product.price.currency === currency && product.status === 'active';
    const q = priced ? quoteLine({ sku, taxClass: product.taxClass, price: product.price }, quantity, rates) : null;
    out[i] = {
      sku,
      quantity,
      addedAt,
      product,
      priceUnit: q?.priceUnit ?? null,
      unitPrice: q?.unitPrice ?? null,
      net: q && !issues.length ? q.net : null,
      taxRate: q?.taxRate ?? null,
      nextTier: q?.nextTier ?? null,
      issues,
    };
    if (q && !issues.length) taxable.push(q);
  }
  return { lines: out, totals: totals(taxable, currency) };
}

/**
 * What the cart will look like once the server accepts `changes`: the optimistic state a UI
 * shows at once. Lines of SKUs the cart has not seen have `product: null` and no issues until the
 * server answers.
 */
export function previewCartChanges(cart: Cart, changes: readonly CartChange[], now: string, lang: Lang): Cart {
  const { lines, effects } = applyCartChanges(cart.lines, changes, now);
  const touched = new Set(effects.map((e) => e.sku));
  const before = new Map(cart.lines.map((l) => [l.sku, l]));
  // Untouched lines keep their objects (a UI can skip them); touched ones are priced anew.
  const repriced = lines.filter((l) => touched.has(l.sku) && before.get(l.sku)?.product);
  const products = new Map<string, CartProduct | null>(repriced.map((l) => [l.sku, before.get(l.sku)!.product]));
  const priced = new Map(priceCartLines(repriced, products, cart.currency, lang).lines.map((l) => [l.sku, l]));
  const previewLines: CartLine[] = lines.map((l) => {
    if (!touched.has(l.sku)) return before.get(l.sku)!;
    return (
      priced.get(l.sku) ?? {
        sku: l.sku, quantity: l.quantity, addedAt: l.addedAt, product: null,
        priceUnit: null, unitPrice: null, net: null, taxRate: null, nextTier: null, issues: [],
      }
    );
  });
  const orderable = previewLines.filter((l) => l.net && l.taxRate !== null && !l.issues.length);
  const previewTotals = totals(orderable.map((l) => ({ net: l.net!, taxRate: l.taxRate! })), cart.currency);
  return { ...cart, lines: previewLines, lineCount: previewLines.length, totals: previewTotals };
}

/** Changes that turn the lines of `from` into `lines` (for a "replace cart" or re-import). */
export function changesBetween(from: readonly { sku: string; quantity: number }[], to: readonly { sku: string; quantity: number }[]): CartChange[] {
  const target = new Map(to.map((l) => [l.sku, l.quantity]));
  const changes: CartChange[] = [];
  for (const line of from) if (!target.has(line.sku)) changes.push({ op: 'remove', sku: line.sku });
  const current = new Map(from.map((l) => [l.sku, l.quantity]));
  for (const [sku, quantity] of target) if (current.get(sku) !== quantity) changes.push({ op: 'set', sku, quantity });
  return changes;
}

/** The rules a cart store shows changes with before the server answers (see `CartChangeRules`). */
export const cartChangeRules = {
  preview: previewCartChanges,
  effects: (lines: readonly StoredCartLine[], changes: readonly CartChange[], at: string): CartLineEffect[] => applyCartChanges(lines, changes, at).effects,
};
