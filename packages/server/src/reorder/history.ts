import { dueFirst, planReorder, purchaseCadence, type Lang, type Money, type ReorderCandidates, type ReorderProduct, type ReorderToday } from '@kontor/core';
import type { BuyerCaller } from '../auth/caller.js';
import type { Db } from '../db/database.js';
import { mostOrdered, recentOrders, type ProductOrderRow } from '../db/reorder.queries.js';
import { loadFacts, type LoadedFacts } from './facts.js';

export const DEFAULT_RECENT_ORDERS = 5;
export const DEFAULT_TOP_PRODUCTS = 12;

/** What ordering `quantity` of `sku` (paid `paid` last time) would be like now, from one planned line. */
function todayOf(loaded: LoadedFacts, sku: string, quantity: number, paid: Money, lang: Lang): () => ReorderToday {
  const { facts, products } = loaded;
  return () => {
    const [line] = planReorder([{ sku, quantity, unitPrice: paid, name: null }], 'new_cart', facts, { lang }).lines;
    const ordered = line!.replacedBy ?? sku;
    const product = products.get(sku);
    const discontinued = product?.status === 'discontinued';
    const unitPrice = line!.outcome === 'refused' ? null : facts.unitPrice(ordered, quantity);
    const supply = line!.outcome === 'refused' ? null : facts.supply(ordered, quantity);
    const change = unitPrice && unitPrice.currency === paid.currency && paid.amount > 0
      ? { amount: { amount: unitPrice.amount - paid.amount, currency: paid.currency }, basisPoints: Math.round(((unitPrice.amount - paid.amount) * 10_000) / paid.amount) }
      : null;
    return {
      status: discontinued ? 'discontinued' : line!.outcome === 'refused' ? 'not_orderable' : line!.outcome === 'later' ? 'later' : 'orderable',
      unitPrice,
      priceUnit: unitPrice ? (products.get(ordered)?.price?.priceUnit ?? 1) : null,
      priceChange: change,
      promisedDelivery: supply?.earliestDelivery ?? null,
      replacementSku: discontinued ? (product?.replacementSku ?? null) : null,
      reason: line!.reason,
    };
  };
}

/**
 * The company's reorder candidates at `now`: its latest orders with their lines, and the SKUs it
 * ordered in most orders with the last quantity, date and price — each at today's price (and its
 * change), today's promise to the company's home country, and for products the purchase cadence.
 * Only the caller's company's orders are read.
 */
export async function reorderCandidates(db: Db, caller: BuyerCaller, options: { orders?: number | undefined; products?: number | undefined; now: Date; lang: Lang }): Promise<ReorderCandidates> {
  const { now, lang } = options;
  const orders = await recentOrders(db, caller.company.id, options.orders ?? DEFAULT_RECENT_ORDERS);
  const top = await mostOrdered(db, caller.company.id, options.products ?? DEFAULT_TOP_PRODUCTS);
  const skus = new Set([...orders.flatMap((o) => o.lines.map((l) => l.sku)), ...top.keys()]);
  const loaded = await loadFacts(db, caller, skus, { now, lang });

  const lastOf = (rows: ProductOrderRow[]) => rows[rows.length - 1]!;
  const build = () => ({
    recentOrders: orders.map(({ order, lines }) => ({
      orderId: order.id,
      number: order.number,
      placedAt: order.placed_at,
      gross: { amount: Number(order.gross_amount), currency: order.currency },
      lines: lines.map((l) => {
        const paid = { amount: Number(l.unit_amount), currency: order.currency };
        return {
          position: Number(l.position), sku: l.sku, name: { de: l.name_de, en: l.name_en }, unit: l.unit, quantity: Number(l.quantity), unitPrice: paid,
          today: todayOf(loaded, l.sku, Number(l.quantity), paid, lang)(),
        };
      }),
    })),
    // Orders after `now` (a clock set back) are not history yet.
    products: [...top].map(([sku, all]) => [sku, all.filter((r) => Date.parse(r.placed_at) <= now.getTime())] as const).filter(([, rows]) => rows.length).map(([sku, rows]): ReorderProduct => {
      const last = lastOf(rows);
      const paid = { amount: last.unit_amount, currency: last.currency };
      return {
        sku, name: { de: last.name_de, en: last.name_en }, unit: last.unit,
        orderCount: new Set(rows.map((r) => r.order_id)).size,
        lastQuantity: last.quantity, lastOrderedAt: last.placed_at, lastOrderId: last.order_id, lastUnitPrice: paid,
        today: todayOf(loaded, sku, last.quantity, paid, lang)(),
        cadence: purchaseCadence(rows.map((r) => r.placed_at), now),
      };
    }),
  });
  const { recentOrders: recent, products } = await loaded.settle(build);
  return { asOf: now.toISOString(), recentOrders: recent, products, due: dueFirst(products).map((p) => p.sku) };
}
