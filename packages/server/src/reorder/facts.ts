import { cartLineIssues, priceCartLines, type CartProduct, type Lang, type Product, type ReorderFacts } from '@kontor/core';
import { availabilityPlan, type LineAvailability } from '../availability/availability.service.js';
import type { BuyerCaller } from '../auth/caller.js';
import { priceListCurrency } from '../db/cart.queries.js';
import type { Db } from '../db/database.js';
import { companyAddresses } from '../db/order.queries.js';
import { cartProducts } from '../http/cart-view.js';
import { loadLineProducts } from '../http/line-check.js';

/** What a reorder knows today: products (with successors), prices, availability to `country`. */
export interface LoadedFacts {
  facts: ReorderFacts;
  products: Map<string, Product>;
  cartProducts: Map<string, CartProduct | null>;
  currency: string;
  country: string;
  /** Runs `plan` (pure, over `facts`) until every availability it asked for is loaded, then answers its last result. */
  settle<T>(plan: () => T): Promise<T>;
  /** The availability of `quantity` of `sku` asked for during {@link settle}. */
  planOf(sku: string, quantity: number): LineAvailability | undefined;
}

/** Where deliveries of a company go unless told: its default saved address's country, else DE. */
export async function homeCountry(db: Db, companyId: string): Promise<string> {
  const [first] = await companyAddresses(db, companyId);
  return first?.country ?? 'DE';
}

/**
 * Loads the facts a reorder of `skus` needs at `now`: the products the caller sees (and the
 * successors of discontinued ones), at the caller's prices. Availability depends on the quantity
 * a plan arrives at (a cart's line plus what is added), so it is loaded on demand: `settle` runs
 * the plan, loads what it asked for, and runs it again (quantities asked for are few).
 */
export async function loadFacts(db: Db, caller: BuyerCaller, skus: Iterable<string>, options: { now: Date; lang: Lang; country?: string }): Promise<LoadedFacts> {
  const { now, lang } = options;
  const products = await loadLineProducts(db, caller, skus);
  const successors = [...products.values()].filter((p) => p.status === 'discontinued' && p.replacementSku && !products.has(p.replacementSku)).map((p) => p.replacementSku!);
  if (successors.length) for (const [sku, p] of await loadLineProducts(db, caller, successors)) products.set(sku, p);
  const currency = (await priceListCurrency(db, caller.company.priceListId)) ?? 'EUR';
  const country = options.country ?? (await homeCountry(db, caller.company.id));
  const cp = cartProducts([...products.keys()].map((sku) => ({ sku })), products);
  const supply = new Map<string, LineAvailability>();
  const asked = new Map<string, { sku: string; quantity: number }>();
  const key = (sku: string, quantity: number) => `${quantity}|${sku}`;

  const facts: ReorderFacts = {
    product: (sku) => {
      const p = products.get(sku);
      return p && { status: p.status, replacementSku: p.replacementSku, name: p.name };
    },
    issue: (sku, quantity) => cartLineIssues(sku, cp.get(sku) ?? null, quantity, currency, lang)[0] ?? null,
    unitPrice: (sku, quantity) => (cp.get(sku) ? priceCartLines([{ sku, quantity, addedAt: '' }], cp, currency, lang).lines[0]?.unitPrice ?? null : null),
    supply: (sku, quantity) => {
      const plan = supply.get(key(sku, quantity));
      if (!plan) {
        asked.set(key(sku, quantity), { sku, quantity });
        // Optimistic until loaded: the plan runs again with the real answer.
        return { availableNow: quantity, earliestDelivery: '9999-12-31' };
      }
      return 'item' in plan ? { availableNow: plan.item.availableNow, earliestDelivery: plan.item.earliestDelivery } : null;
    },
  };

  async function settle<T>(plan: () => T): Promise<T> {
    for (;;) {
      asked.clear();
      const result = plan();
      if (!asked.size) return result;
      const lines = [...asked.values()];
      const plans = await availabilityPlan(db, caller, lines, { now, destination: country, lang });
      plans.forEach((p, i) => supply.set(key(lines[i]!.sku, lines[i]!.quantity), p));
    }
  }
  return { facts, products, cartProducts: cp, currency, country, settle, planOf: (sku, quantity) => supply.get(key(sku, quantity)) };
}
