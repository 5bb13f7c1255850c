import type { LocalizedText } from '../catalogue/product.schema.js';
import type { ErrorIssue } from '../errors/kontor-error.js';
import type { Lang } from '../errors/messages.js';
import type { Money } from '../money/money.schema.js';
import { reorderIssueMessage } from './reorder.messages.js';
import type { ReorderLineResult, ReorderTarget } from './reorder.schema.js';

/** A line to reorder: what was ordered, and the unit price paid then (`null`: not known, e.g. picked products). */
export interface ReorderSourceLine {
  sku: string;
  quantity: number;
  unitPrice: Money | null;
  name: LocalizedText | null;
}

/** What the server knows today, asked per line (no I/O here: the caller has loaded it). */
export interface ReorderFacts {
  /** The product as the caller sees it now; `undefined` when unknown or no longer visible. */
  product(sku: string): { status: 'active' | 'discontinued'; replacementSku: string | null; name: LocalizedText } | undefined;
  /** Why `quantity` of `sku` cannot go into a cart (no price, off the quantity rules, …), or `null`. */
  issue(sku: string, quantity: number): ErrorIssue | null;
  /** Today's unit price of `sku` at `quantity`, `null` without one. */
  unitPrice(sku: string, quantity: number): Money | null;
  /** What of `quantity` is in stock now and the day the whole quantity arrives (`null`: it cannot be delivered). */
  supply(sku: string, quantity: number): { availableNow: number; earliestDelivery: string | null } | null;
}

/** A reorder planned: what happened to each line, and the quantities to add per SKU (in order). */
export interface ReorderPlan {
  lines: ReorderLineResult[];
  /** Quantities to add, one per SKU (a successor asked for twice is added once, summed). */
  adds: { sku: string; quantity: number }[];
}

const issue = (code: string, params: Record<string, unknown>, lang: Lang, path: (string | number)[] = []): ErrorIssue =>
  ({ path, code, message: reorderIssueMessage(code, params, lang), params });

const samePrice = (a: Money, b: Money) => a.amount === b.amount && a.currency === b.currency;

/**
 * Plans a reorder of `lines` into `target` (`cart`: merging into `cartLines`, the cart's lines
 * now; `new_cart`; `order`), line by line, nothing left out:
 *
 * 1. A product no longer visible, or discontinued without an orderable successor, is `refused`
 *    with its reason; a discontinued one with a successor is reordered as the successor
 *    (`replacedBy`).
 * 2. The quantity it would have in the cart (the cart's line plus what this reorder added to it
 *    before) is checked against the product's rules and price: a problem refuses it with that issue.
 * 3. A product that cannot be delivered is `refused` (`not_deliverable`); one not in stock in the
 *    whole quantity is `later` with the day it arrives — added to a cart, left out of an order
 *    (quantity 0, reason `later_not_ordered`).
 * 4. Otherwise `merged` when the cart had the product, else `added`; `repriced` when today's unit
 *    price (at the resulting quantity) differs from the one paid.
 */
export function planReorder(
  lines: readonly ReorderSourceLine[],
  target: ReorderTarget['kind'],
  facts: ReorderFacts,
  options: { cartLines?: readonly { sku: string; quantity: number }[]; lang: Lang },
): ReorderPlan {
  const { lang } = options;
  const inCart = new Map<string, number>();
  if (target === 'cart') for (const l of options.cartLines ?? []) inCart.set(l.sku, l.quantity);
  const added = new Map<string, number>();
  const results: ReorderLineResult[] = [];

  for (const line of lines) {
    const base = { sku: line.sku, name: line.name, requested: line.quantity, replacedBy: null, cartQuantity: null, repriced: null, availableOn: null };
    const refuse = (reason: ErrorIssue, extra: Partial<ReorderLineResult> = {}): void => {
      results.push({ ...base, ...extra, outcome: 'refused', quantity: 0, reason });
    };
    const product = facts.product(line.sku);
    if (!product) {
      refuse(facts.issue(line.sku, line.quantity) ?? issue('not_deliverable', { sku: line.sku }, lang));
      continue;
    }
    let sku = line.sku;
    let replacedBy: string | null = null;
    const name = line.name ?? product.name;
    if (product.status === 'discontinued') {
      const next = product.replacementSku ? facts.product(product.replacementSku) : undefined;
      if (!product.replacementSku || !next || next.status !== 'active') {
        refuse(product.replacementSku
          ? issue('replacement_unavailable', { sku: line.sku, replacementSku: product.replacementSku }, lang)
          : facts.issue(line.sku, line.quantity) ?? issue('not_deliverable', { sku: line.sku }, lang), { name });
        continue;
      }
      sku = product.replacementSku;
      replacedBy = sku;
    }
    const had = (inCart.get(sku) ?? 0) + (added.get(sku) ?? 0);
    const resulting = had + line.quantity;
    const problem = facts.issue(sku, resulting);
    if (problem) {
      refuse(problem, { name, replacedBy });
      continue;
    }
    const supply = facts.supply(sku, resulting);
    if (!supply || supply.earliestDelivery === null) {
      refuse(issue('not_deliverable', { sku }, lang), { name, replacedBy });
      continue;
    }
    const after = facts.unitPrice(sku, resulting);
    const repriced = line.unitPrice && after && !samePrice(line.unitPrice, after) ? { before: line.unitPrice, after } : null;
    const later = supply.availableNow < resulting;
    if (later && target === 'order') {
      results.push({ ...base, name, replacedBy, repriced, outcome: 'later', quantity: 0, availableOn: supply.earliestDelivery,
        reason: issue('later_not_ordered', { sku, day: supply.earliestDelivery }, lang) });
      continue;
    }
    added.set(sku, (added.get(sku) ?? 0) + line.quantity);
    const merged = had > 0;
    results.push({
      ...base, name, replacedBy, repriced,
      outcome: later ? 'later' : merged ? 'merged' : 'added',
      quantity: line.quantity,
      cartQuantity: merged ? resulting : null,
      availableOn: later ? supply.earliestDelivery : null,
      reason: null,
    });
  }
  return { lines: results, adds: [...added].map(([sku, quantity]) => ({ sku, quantity })) };
}

/** Counts of a reorder's outcomes, for a summary ("3 added, 1 merged, 1 later, 1 refused"). */
export function reorderCounts(lines: readonly Pick<ReorderLineResult, 'outcome' | 'replacedBy' | 'repriced'>[]) {
  const counts = { added: 0, merged: 0, later: 0, refused: 0, replaced: 0, repriced: 0 };
  for (const l of lines) {
    counts[l.outcome]++;
    if (l.replacedBy) counts.replaced++;
    if (l.repriced) counts.repriced++;
  }
  return counts;
}
