import {
  applyCartChanges,
  errorMessage,
  planReorder,
  priceCartLines,
  reorderIssueMessage,
  ValidationError,
  type Cart,
  type ErrorIssue,
  type Lang,
  type Order,
  type ReorderRequestSchema,
  type ReorderResult,
  type ReorderSourceLine,
} from '@kontor/core';
import type { Transaction } from 'kysely';
import type * as z from 'zod/mini';
import type { BuyerCaller } from '../auth/caller.js';
import {
  bumpCart,
  cartLines,
  deactivateActiveCart,
  findCart,
  insertCart,
  insertCartEvent,
  insertCartLines,
  newId,
  writeCartLines,
  type CartLineRow,
  type CartRow,
  type LineWrites,
} from '../db/cart.queries.js';
import type { Db } from '../db/database.js';
import { findOrder, orderLines, type OrderRow } from '../db/order.queries.js';
import { lastOrder, orderMandate } from '../db/reorder.queries.js';
import type { Database } from '../db/schema.js';
import { cartView } from '../http/cart-view.js';
import { httpError } from '../http/errors.js';
import type { RecordAnswer } from '../http/idempotency.js';
import type { AppDeps } from '../http/route.js';
import { cartScopeOf, placeLines, type PlaceOrderBody } from '../orders/order.service.js';
import { loadFacts } from './facts.js';

type Tx = Transaction<Database>;
export type ReorderBody = z.output<typeof ReorderRequestSchema>;

const validation = (path: (string | number)[], code: string, params: Record<string, unknown>, lang: Lang) => {
  const message = reorderIssueMessage(code, params, lang);
  const issue: ErrorIssue = { path, code, message, params };
  return new ValidationError(`${errorMessage('validation', lang)} ${message}`, [issue], { status: 422 });
};

const channelOf = (caller: BuyerCaller, cart?: Pick<CartRow, 'last_channel'>) =>
  caller.kind === 'customer'
    ? { channel: 'partner' as const, partnerId: caller.partner.id }
    : { channel: cart && cart.last_channel !== 'partner' ? cart.last_channel : ('web' as const), partnerId: null };

/** The lines a request reorders, and the order they come from (if any). 404 for an order outside the caller's company. */
async function sourceOf(db: Db, caller: BuyerCaller, body: ReorderBody, lang: Lang): Promise<{ lines: ReorderSourceLine[]; order: OrderRow | null }> {
  const source = body.source;
  if (source.kind === 'lines') {
    return { lines: source.lines.map((l) => ({ sku: l.sku, quantity: l.quantity, unitPrice: null, name: null })), order: null };
  }
  const order = await findOrder(db, caller.company.id, source.orderId);
  if (!order) throw httpError('not_found', lang);
  const rows = await orderLines(db, caller.company.id, order.id);
  const byPosition = new Map(rows.map((r) => [Number(r.position), r]));
  const picked = source.positions ?? rows.map((r) => Number(r.position));
  const lines = picked.map((position, i) => {
    const row = byPosition.get(position);
    if (!row) throw validation(['source', 'positions', i], 'not_in_order', { position }, lang);
    return { sku: row.sku, quantity: Number(row.quantity), unitPrice: { amount: Number(row.unit_amount), currency: order.currency }, name: { de: row.name_de, en: row.name_en } };
  });
  return { lines, order };
}

/** The name of a cart made by a reorder: "Nachbestellung K-2026-000123" / "Reorder K-2026-000123", or of the day. */
export function reorderCartName(order: Pick<OrderRow, 'number'> | null, now: Date, lang: Lang): string {
  const what = order?.number ?? new Intl.DateTimeFormat(lang === 'de' ? 'de-DE' : 'en-GB', { dateStyle: 'medium', timeZone: 'Europe/Berlin' }).format(now);
  return `${lang === 'de' ? 'Nachbestellung' : 'Reorder'} ${what}`;
}

/** The cart a reorder went to, as the answer names it. */
export const cartRef = (cart: Cart): NonNullable<ReorderResult['cart']> => ({ id: cart.id, name: cart.name, version: cart.version, active: cart.active, lineCount: cart.lineCount, gross: cart.totals.gross });
/** The order a reorder placed, as the answer names it. */
const orderRef = (order: Order): NonNullable<ReorderResult['order']> => ({ id: order.id, number: order.number, gross: order.totals.gross, promisedDelivery: order.promisedDelivery, paymentMethod: order.payment.method });

/** Thrown inside the transaction when the cart moved on since it was read. */
class StaleCart extends Error {}

/**
 * Reorders for `caller` (see core's `planReorder` for what happens to each line):
 * - into the current cart at the version the buyer saw: the cart's merge rules (core's
 *   `applyCartChanges`), its version bumped (a stale one is a 409 with `details.cart`), a history
 *   entry saying what it added;
 * - into a new saved cart (the active cart stays active);
 * - straight to an order through the checkout's placement (`placeLines`: credit, reservations,
 *   the number, the outbox), delivered and paid like the order reordered (of `lines`: the
 *   company's last order). Lines that cannot go in are reported, never dropped silently; when
 *   none can, nothing is written and the result says why per line.
 * `record` stores the idempotent answer in the transaction of the effect.
 */
export async function reorderFor(deps: AppDeps, caller: BuyerCaller, body: ReorderBody, now: Date, lang: Lang, record: RecordAnswer): Promise<ReorderResult> {
  const { db } = deps;
  const iso = now.toISOString();
  const scope = cartScopeOf(caller);
  const { lines, order } = await sourceOf(db, caller, body, lang);
  const target = body.target;

  if (target.kind === 'cart') {
    const row = await findCart(db, scope, target.cartId);
    if (!row) throw httpError('not_found', lang);
    const stale = async () => {
      const now2 = await findCart(db, scope, row.id);
      if (!now2) return httpError('not_found', lang);
      const stored = await cartLines(db, [now2.id]);
      const loaded = await loadFacts(db, caller, stored.map((l) => l.sku), { now, lang });
      return httpError('conflict', lang, { status: 409, details: { cart: cartView(now2, stored, loaded.products, lang) } });
    };
    if (Number(row.version) !== target.version || row.status !== 'open') throw await stale();
    const stored = await cartLines(db, [row.id]);
    const loaded = await loadFacts(db, caller, [...lines.map((l) => l.sku), ...stored.map((l) => l.sku)], { now, lang });
    const plan = await loaded.settle(() => planReorder(lines, 'cart', loaded.facts, { cartLines: stored, lang }));
    if (!plan.adds.length) return { target: 'cart', lines: plan.lines, cart: cartRef(cartView(row, stored, loaded.products, lang)), order: null };
    const { lines: next, effects } = applyCartChanges(stored, plan.adds.map((a) => ({ op: 'add' as const, sku: a.sku, quantity: a.quantity })), iso);
    let position = stored.reduce((max, l) => Math.max(max, l.position), -1) + 1;
    const writes: LineWrites = { deletes: [], inserts: [], updates: [] };
    const positions = new Map(stored.map((l) => [l.sku, l.position]));
    for (const e of effects) {
      if (e.from === 0) {
        positions.set(e.sku, position);
        writes.inserts.push({ sku: e.sku, quantity: e.to, position: position++, added_at: iso });
      } else writes.updates.push({ sku: e.sku, quantity: e.to });
    }
    const via = channelOf(caller, row);
    const updated: CartRow = { ...row, version: Number(row.version) + 1, updated_at: iso, last_channel: via.channel, last_partner_id: via.partnerId };
    const nextLines: CartLineRow[] = next.map((l) => ({ ...l, cart_id: row.id, position: positions.get(l.sku)! }));
    const result: ReorderResult = { target: 'cart', lines: plan.lines, cart: cartRef(cartView(updated, nextLines, loaded.products, lang)), order: null };
    try {
      await db.transaction().execute(async (trx) => {
        const won = await bumpCart(trx, row.id, { version: target.version, scope }, { updated_at: iso, last_channel: via.channel, last_partner_id: via.partnerId });
        if (!won) throw new StaleCart();
        await writeCartLines(trx, row.id, writes);
        await insertCartEvent(trx, {
          cart_id: row.id, company_id: row.company_id, at: iso, kind: 'changed', version: updated.version, channel: via.channel, partner_id: via.partnerId,
          actor_user_id: caller.kind === 'user' ? caller.user.id : null,
          data: { added: writes.inserts.length, updated: writes.updates.length, removed: 0, reorderedFrom: order?.id ?? null },
        });
        await record(trx, result);
      });
    } catch (error) {
      if (error instanceof StaleCart) throw await stale();
      throw error;
    }
    return result;
  }

  if (target.kind === 'new_cart') {
    const loaded = await loadFacts(db, caller, lines.map((l) => l.sku), { now, lang });
    const plan = await loaded.settle(() => planReorder(lines, 'new_cart', loaded.facts, { lang }));
    if (!plan.adds.length) return { target: 'new_cart', lines: plan.lines, cart: null, order: null };
    const cart = await db.transaction().execute(async (trx) => {
      const made = await newCartWith(trx, caller, plan.adds, { name: target.name ?? reorderCartName(order, now, lang), active: false, now, lang, from: order?.id ?? null });
      const result: ReorderResult = { target: 'new_cart', lines: plan.lines, cart: cartRef(made), order: null };
      await record(trx, result);
      return result.cart;
    });
    return { target: 'new_cart', lines: plan.lines, cart, order: null };
  }

  // Straight to an order: delivered and paid like the order reordered (or the company's last).
  const like = order ?? (await lastOrder(db, caller.company.id));
  if (!like) throw validation(['target'], 'no_previous_order', {}, lang);
  return db.transaction().execute(async (trx) => {
    const tdb = trx as unknown as Db;
    const address = JSON.parse(like.delivery_address) as Order['deliveryAddress'];
    const loaded = await loadFacts(tdb, caller, lines.map((l) => l.sku), { now, lang, country: address.country });
    const plan = await loaded.settle(() => planReorder(lines, 'order', loaded.facts, { lang }));
    if (!plan.adds.length) {
      const none: ReorderResult = { target: 'order', lines: plan.lines, cart: null, order: null };
      return none;
    }
    const payment = await paymentLike(tdb, like, lang);
    const stored: CartLineRow[] = plan.adds.map((a, position) => ({ cart_id: like.id, sku: a.sku, quantity: a.quantity, position, addedAt: iso }));
    const priced = priceCartLines(stored, loaded.cartProducts, loaded.currency, lang);
    const plans = new Map(plan.adds.map((a) => [a.sku, loaded.planOf(a.sku, a.quantity)!]));
    const placed = await placeLines(trx, deps, caller, {
      state: { stored, products: loaded.products, priced },
      plans,
      body: { payment, requestedDeliveryDate: undefined, purchaseOrderNumber: undefined, costCenter: like.cost_center ?? undefined, comment: undefined },
      row: { id: like.id, currency: loaded.currency, last_channel: channelOf(caller).channel },
      address,
      saveAddress: null,
    }, now, lang);
    const result: ReorderResult = { target: 'order', lines: plan.lines, cart: null, order: orderRef(placed) };
    await record(trx, result);
    return result;
  });
}

/** How `order` was paid, as placement takes it again: a direct debit with its mandate's IBAN. */
async function paymentLike(db: Db, order: OrderRow, lang: Lang): Promise<PlaceOrderBody['payment']> {
  if (order.payment_method !== 'sepa_debit') return { method: order.payment_method };
  const mandate = await orderMandate(db, order.company_id, order.id);
  if (!mandate) throw validation(['target'], 'no_previous_order', {}, lang);
  return { method: 'sepa_debit', accountHolder: mandate.account_holder, iban: mandate.iban, mandateAccepted: true };
}

/** A new cart of `caller` with `lines`, inside `trx`, with its history's first entry; answered priced. */
export async function newCartWith(
  trx: Tx,
  caller: BuyerCaller,
  lines: readonly { sku: string; quantity: number }[],
  options: { name: string; active: boolean; now: Date; lang: Lang; from: string | null },
): Promise<Cart> {
  const iso = options.now.toISOString();
  const db = trx as unknown as Db;
  const via = channelOf(caller);
  const loaded = await loadFacts(db, caller, lines.map((l) => l.sku), { now: options.now, lang: options.lang, country: 'DE' });
  const row: Database['carts'] = {
    id: newId('cart'), company_id: caller.company.id,
    owner_user_id: caller.kind === 'user' ? caller.user.id : null, owner_partner_id: caller.kind === 'customer' ? caller.partner.id : null,
    name: options.name, status: 'open', active: options.active ? 1 : 0, version: 0, currency: loaded.currency,
    created_channel: via.channel, created_partner_id: via.partnerId, last_channel: via.channel, last_partner_id: via.partnerId, created_at: iso, updated_at: iso,
  };
  if (options.active) await deactivateActiveCart(trx, cartScopeOf(caller));
  await insertCart(trx, row);
  const stored = lines.map((l) => ({ sku: l.sku, quantity: l.quantity, addedAt: iso }));
  await insertCartLines(trx, row.id, stored);
  await insertCartEvent(trx, {
    cart_id: row.id, company_id: row.company_id, at: iso, kind: 'created', version: 0, channel: via.channel, partner_id: via.partnerId,
    actor_user_id: caller.kind === 'user' ? caller.user.id : null, data: { name: row.name, lines: stored.length, reorderedFrom: options.from },
  });
  const ownerName = caller.kind === 'user' ? caller.user.name : caller.partner.name;
  return cartView({ ...row, owner_name: ownerName }, stored, loaded.products, options.lang);
}

