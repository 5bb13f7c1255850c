import {
  type PlaceOrderRequestSchema,
  ValidationError,
  addDays,
  deliveryCalendar,
  deliveryCalendarData,
  earliestOrderDelivery,
  errorMessage,
  expectedDelivery,
  formatMoney,
  formatOrderNumber,
  lineDrift,
  removedLines,
  issueMessage,
  maskIban,
  requestedDeliveryIssue,
  type Address,
  type BusinessCalendar,
  type Cart,
  type CartDrift,
  type CartLine,
  type CheckoutOptions,
  type ErrorIssue,
  type IssuePath,
  type Lang,
  type Money,
  type Order,
  type OrderPayment,
  type Product,
} from '@kontor/core';
import type { Transaction } from 'kysely';
import type * as z from 'zod/mini';
import { availabilityContext, availabilityPlan, type LineAvailability } from '../availability/availability.service.js';
import type { BuyerCaller } from '../auth/caller.js';
import { bumpCart, cartLines, findCart, insertCartEvent, newId, type CartLineRow, type CartRow, type CartScope } from '../db/cart.queries.js';
import type { Db } from '../db/database.js';
import {
  companyAddresses,
  creditLimit,
  creditUsed,
  findCompanyAddress,
  insertCompanyAddress,
  insertOrder,
  insertOrderEvent,
  insertSepaMandate,
  lockCompany,
  nextOrderSequence,
  reserveStock,
  sellerProfile,
  setOrderNumber,
  type OrderLineRow,
  type OrderRow,
  type StockMove,
} from '../db/order.queries.js';
import type { Database } from '../db/schema.js';
import { httpError } from '../http/errors.js';
import { cartView } from '../http/cart-view.js';
import { loadLineProducts } from '../http/line-check.js';
import type { AppDeps } from '../http/route.js';
import { addressOf, formatIban, orderOf, savedAddressOf } from './order.view.js';
import { enqueueOrderChange } from './order.outbox.js';

export type PlaceOrderBody = z.output<typeof PlaceOrderRequestSchema>;
type Tx = Transaction<Database>;

/** What every cart query of the caller is filtered by (as in the cart routes). */
export const cartScopeOf = (caller: BuyerCaller): CartScope => ({
  companyId: caller.company.id,
  owner: caller.kind === 'user' ? { kind: 'user', userId: caller.user.id } : { kind: 'partner', partnerId: caller.partner.id },
});

/** Idempotency keys are the caller's own: company plus owner (as for carts). */
export const keyScopeOf = (caller: BuyerCaller) => `${caller.company.id}:${caller.kind === 'user' ? caller.user.id : caller.partner.id}`;

function validation(issues: ErrorIssue[], lang: Lang): ValidationError {
  return new ValidationError(`${errorMessage('validation', lang)} ${issues[0]!.message}`, issues, { status: 422 });
}
const issue = (path: IssuePath, code: string, params: Record<string, unknown>, lang: Lang): ErrorIssue => ({ path, code, message: issueMessage(code, params, lang), params });

// ── the cart as the checkout sees it ─────────────────────────────────────────────────────────

interface CartState {
  row: CartRow;
  stored: CartLineRow[];
  products: Map<string, Product>;
  cart: Cart;
  priced: Pick<Cart, 'lines' | 'totals'>;
}

async function loadCartState(db: Db, caller: BuyerCaller, row: CartRow, lang: Lang): Promise<CartState> {
  const stored = await cartLines(db, [row.id]);
  const products = await loadLineProducts(db, caller, stored.map((l) => l.sku));
  const cart = cartView(row, stored, products, lang);
  return { row, stored, products, cart, priced: { lines: cart.lines, totals: cart.totals } };
}

/** The cart body of a 409's `details.cart` (as `GET /v1/carts/{id}` answers it). */
const cartBody = (state: CartState): Cart => state.cart;

/** Availability of the cart's lines to `country`; a country no warehouse serves is a 422 at `path`. */
async function planLines(db: Db, caller: BuyerCaller, lines: readonly CartLineRow[], country: string, now: Date, lang: Lang, path: IssuePath): Promise<Map<string, LineAvailability>> {
  if (!lines.length) return new Map();
  try {
    const plans = await availabilityPlan(db, caller, lines, { now, destination: country, lang });
    return new Map(plans.map((p) => [p.sku, p]));
  } catch (error) {
    if (error instanceof ValidationError) throw validation(error.issues.map((i) => ({ ...i, path })), lang);
    throw error;
  }
}

/** The day the whole quantity of a line arrives; `null` when it cannot be promised. */
const promiseOf = (plan: LineAvailability | undefined): string | null => (plan && 'item' in plan ? plan.item.earliestDelivery : null);

/** Why a line cannot be ordered now (product gone, no price, off its rules, no delivery possible), or null. */
function notOrderable(line: CartLine, plan: LineAvailability | undefined, lang: Lang): string | null {
  if (line.issues.length) return line.issues[0]!.message;
  if (!plan || 'error' in plan) return issueMessage('unknown_sku', { sku: line.sku }, lang);
  if (plan.item.earliestDelivery === null) return issueMessage('cart_not_orderable', { count: 1 }, lang);
  return null;
}

const sameMoney = (a: Money | null, b: Money | null) => !!a && !!b && a.amount === b.amount && a.currency === b.currency;

/**
 * What changed between what the buyer saw (`expectedLines`) and the cart now: `not_orderable`
 * lines (after: why), `removed` and `added` lines (before/after: the quantity), `quantity`
 * (before/after: quantities), `price` (before/after: unit prices formatted in the caller's
 * language), `availability` (before/after: ISO days; `null` after = no date any more). A promise
 * that got earlier is no change.
 */
function driftOf(state: CartState, plans: ReadonlyMap<string, LineAvailability>, expected: PlaceOrderBody['expectedLines'], lang: Lang): CartDrift[] {
  const changes: CartDrift[] = [];
  const seen = new Map((expected ?? []).map((e) => [e.sku, e]));
  for (const line of state.priced.lines) {
    const why = notOrderable(line, plans.get(line.sku), lang);
    if (why) {
      changes.push({ sku: line.sku, kind: 'not_orderable', before: null, after: why });
      continue;
    }
    if (!expected) continue;
    const e = seen.get(line.sku);
    changes.push(...lineDrift(e, line, lang));
    if (!e) continue;
    const now = promiseOf(plans.get(line.sku));
    if (e.promisedDelivery !== null && (now === null || now > e.promisedDelivery)) changes.push({ sku: line.sku, kind: 'availability', before: e.promisedDelivery, after: now });
  }
  if (expected) changes.push(...removedLines(expected, state.priced.lines));
  return changes;
}

const conflict = (state: CartState, changes: CartDrift[], lang: Lang, extra: Record<string, unknown> = {}) =>
  httpError('conflict', lang, { status: 409, details: { changes, ...extra, cart: cartBody(state) } });

// ── seller, credit ───────────────────────────────────────────────────────────────────────────

const SELLER_REFERENCE = { de: 'Ihre Bestellnummer', en: 'your order number' } as const;

function sepaMandateText(seller: { name: string; creditorId: string }, lang: Lang): string {
  return lang === 'de'
    ? `Ich ermächtige / Wir ermächtigen ${seller.name} (Gläubiger-Identifikationsnummer ${seller.creditorId}), Zahlungen von meinem / unserem Konto mittels Lastschrift einzuziehen. Zugleich weise ich mein / weisen wir unser Kreditinstitut an, die von ${seller.name} auf mein / unser Konto gezogenen Lastschriften einzulösen. Hinweis: Ich kann / Wir können innerhalb von acht Wochen, beginnend mit dem Belastungsdatum, die Erstattung des belasteten Betrages verlangen. Es gelten dabei die mit meinem / unserem Kreditinstitut vereinbarten Bedingungen. Die Mandatsreferenz steht in der Bestellbestätigung.`
    : `By accepting this mandate, you authorise ${seller.name} (creditor identifier ${seller.creditorId}) to send instructions to your bank to debit your account, and your bank to debit your account in accordance with those instructions. You are entitled to a refund from your bank under the terms and conditions of your agreement with your bank; a refund must be claimed within eight weeks starting from the date on which your account was debited. The mandate reference is given in the order confirmation.`;
}

async function seller(db: Db) {
  const row = await sellerProfile(db);
  if (!row) throw new Error('no seller profile (seed the database)');
  return {
    name: row.name,
    creditorId: row.creditor_id,
    bankDetails: (reference: string) => ({ accountHolder: row.bank_account_holder, iban: formatIban(row.bank_iban), bic: row.bank_bic, bank: row.bank_name, reference }),
  };
}

/** The company's credit on account: limit, used by open invoice orders, and what is left; `null` without a limit. */
export async function creditOf(db: Db, companyId: string, currency: string) {
  const limit = await creditLimit(db, companyId);
  if (limit === null) return null;
  const used = await creditUsed(db, companyId);
  const m = (amount: number) => ({ amount, currency });
  return { limit: m(limit), used: m(used), remaining: m(Math.max(0, limit - used)) };
}

/** The calendar deliveries to `country` arrive on (the destination's business days) at `now`. */
const deliveryCalendarTo = async (db: Db, country: string, now: Date): Promise<BusinessCalendar> => deliveryCalendar(await availabilityContext(db, now), country);

/** The latest promise of the lines on a delivery day of `calendar`, `null` when any line has none (or there are none). */
const earliestOf = (state: Pick<CartState, 'stored'>, plans: ReadonlyMap<string, LineAvailability>, calendar: BusinessCalendar): string | null =>
  earliestOrderDelivery(state.stored.map((line) => promiseOf(plans.get(line.sku))), calendar);

// ── checkout options ─────────────────────────────────────────────────────────────────────────

export async function checkoutOptions(db: Db, caller: BuyerCaller, query: { cartId: string; country?: string | undefined }, now: Date, lang: Lang): Promise<CheckoutOptions> {
  const row = await findCart(db, cartScopeOf(caller), query.cartId);
  if (!row) throw httpError('not_found', lang);
  const state = await loadCartState(db, caller, row, lang);
  const addresses = (await companyAddresses(db, caller.company.id)).map(savedAddressOf);
  const country = query.country ?? addresses.find((a) => a.isDefault)?.address.country ?? addresses[0]?.address.country ?? 'DE';
  const plans = await planLines(db, caller, state.stored, country, now, lang, ['country']);
  const calendar = await deliveryCalendarTo(db, country, now);
  const credit = await creditOf(db, caller.company.id, row.currency);
  const gross = state.priced.totals.gross.amount;
  const invoice = credit === null
    ? { method: 'invoice' as const, available: false, reason: 'payment_unavailable' }
    : credit.remaining.amount < gross
      ? { method: 'invoice' as const, available: false, reason: 'credit_limit' }
      : { method: 'invoice' as const, available: true, reason: null };
  const s = await seller(db);
  return {
    addresses,
    payment: [invoice, { method: 'prepayment', available: true, reason: null }, { method: 'sepa_debit', available: true, reason: null }],
    credit,
    earliestDelivery: earliestOf(state, plans, calendar),
    // Holidays from today (UTC, at most a day early) on: the earliest day is never before it.
    deliveryCalendar: deliveryCalendarData(calendar, now.toISOString().slice(0, 10)),
    bankDetails: s.bankDetails(SELLER_REFERENCE[lang]),
    sepaMandateText: sepaMandateText(s, lang),
  };
}

// ── placing ──────────────────────────────────────────────────────────────────────────────────

/** The calendar year of `now` in Germany (the seller's), for the order number. */
const yearOf = (now: Date) => Number(new Intl.DateTimeFormat('en', { timeZone: 'Europe/Berlin', year: 'numeric' }).format(now));

/** True when two addresses are the same (so saving one again does not duplicate it). */
const sameAddress = (a: Address, b: Address) =>
  a.name === b.name && (a.addition ?? '') === (b.addition ?? '') && a.street === b.street && a.postcode === b.postcode && a.city === b.city && a.country === b.country;

/**
 * Places the caller's cart as an order inside `trx` (the caller records the idempotent answer in
 * the same transaction). Order of checks: the cart (404), its version (409 with the changes), the
 * delivery address, an empty cart (422 `cart_empty`), lines that cannot be ordered (409
 * `not_orderable`), prices and promises since display (409), the requested day (422), payment
 * (422 `payment_unavailable` / `credit_limit`). Then: number, snapshot, reservations, the cart
 * emptied, the timeline's first entry and the outbox event.
 */
export async function placeOrder(trx: Tx, deps: AppDeps, caller: BuyerCaller, body: PlaceOrderBody, now: Date, lang: Lang): Promise<Order> {
  const db = trx as unknown as Db;
  const scope = cartScopeOf(caller);
  const iso = now.toISOString();
  const row = await findCart(db, scope, body.cartId);
  if (!row) throw httpError('not_found', lang);

  // Where to: a saved address of the company, or the one given.
  let address: Address;
  let saveAddress: Database['company_addresses'] | null = null;
  if ('addressId' in body.deliveryAddress) {
    const saved = await findCompanyAddress(db, caller.company.id, body.deliveryAddress.addressId);
    if (!saved) throw httpError('not_found', lang);
    address = addressOf(saved);
  } else {
    address = body.deliveryAddress.address;
    if (body.deliveryAddress.save) {
      const existing = await companyAddresses(db, caller.company.id);
      if (!existing.some((a) => sameAddress(addressOf(a), address))) {
        saveAddress = {
          id: newId('adr'), company_id: caller.company.id, label: body.deliveryAddress.label ?? `${address.street}, ${address.city}`,
          name: address.name, addition: address.addition ?? null, street: address.street, postcode: address.postcode, city: address.city,
          country: address.country, is_default: existing.length ? 0 : 1, created_at: iso,
        };
      }
    }
  }
  const countryPath: IssuePath = 'addressId' in body.deliveryAddress ? ['deliveryAddress', 'addressId'] : ['deliveryAddress', 'address', 'country'];

  // Taking the cart first (version + 1 while it still has the version the buyer saw) locks it:
  // a concurrent placement of the same cart waits here and then finds it moved on.
  const won = row.status === 'open' && (await bumpCart(db, row.id, { version: body.cartVersion, scope }, { updated_at: iso }));
  // Lost: the cart as it is now (a concurrent writer may have committed while we waited).
  const current = won ? row : await findCart(db, scope, row.id);
  if (!current) throw httpError('not_found', lang);
  const state = await loadCartState(db, caller, current, lang);
  const plans = await planLines(db, caller, state.stored, address.country, now, lang, countryPath);
  if (!won) throw conflict(state, driftOf(state, plans, body.expectedLines, lang), lang);
  if (!state.stored.length) throw validation([issue(['cartId'], 'cart_empty', {}, lang)], lang);

  const changes = driftOf(state, plans, body.expectedLines, lang);
  const blocked = changes.filter((c) => c.kind === 'not_orderable');
  if (blocked.length) throw conflict(state, blocked, lang);
  const gross = state.priced.totals.gross;
  if (changes.length || !sameMoney(gross, body.expectedGross)) throw conflict(state, changes, lang, { expectedGross: body.expectedGross, gross });

  return placeLines(trx, deps, caller, {
    state, plans, body, row, address, saveAddress,
    // The cart is emptied (its version went up when it was taken above) and says why in its history.
    beforeNumber: async ({ orderId, via, lineCount }) => {
      await trx.deleteFrom('cart_lines').where('cart_id', '=', row.id).execute();
      await insertCartEvent(db, {
        cart_id: row.id, company_id: row.company_id, at: iso, kind: 'changed', version: Number(row.version) + 1, channel: via.channel, partner_id: via.partnerId,
        actor_user_id: caller.kind === 'user' ? caller.user.id : null, data: { added: 0, updated: 0, removed: lineCount, orderId },
      });
    },
  }, now, lang);
}

/**
 * What placement takes once the lines are priced and planned: the checkout's cart, or a standing
 * order's run (`row` then stands for the standing order: its id, currency and channel).
 */
export interface OrderPlacement {
  /** Lines that can be ordered (no issues, each with a plan), with their products and totals. */
  state: Pick<CartState, 'stored' | 'products' | 'priced'>;
  plans: ReadonlyMap<string, LineAvailability>;
  body: Pick<PlaceOrderBody, 'requestedDeliveryDate' | 'payment' | 'purchaseOrderNumber' | 'costCenter' | 'comment'>;
  /** Where the order comes from: `orders.cart_id`, the currency, the channel of a company user. */
  row: Pick<CartRow, 'id' | 'currency' | 'last_channel'>;
  address: Address;
  saveAddress: Database['company_addresses'] | null;
  /** Runs after the order is written and before its number is taken (the checkout empties the cart here). */
  beforeNumber?: (placed: { orderId: string; via: { channel: Order['via']['channel']; partnerId: string | null }; lineCount: number }) => Promise<void>;
}

/**
 * Places priced and planned lines as an order inside `trx`, the one placement of the checkout and
 * of standing-order runs: the requested day (422), payment (422 `payment_unavailable` /
 * `credit_limit`), then reservations, the address saved, the order with its lines and timeline,
 * the number, the SEPA mandate and the outbox event. Every refusal comes before the first write
 * but a no-op lock of the company row.
 */
export async function placeLines(trx: Tx, deps: AppDeps, caller: BuyerCaller, placement: OrderPlacement, now: Date, lang: Lang): Promise<Order> {
  const db = trx as unknown as Db;
  const { state, plans, body, row, address, saveAddress } = placement;
  const iso = now.toISOString();
  const gross = state.priced.totals.gross;

  // One set of dates (core's delivery-date rules): the requested day is a delivery day of the
  // destination not before the latest line promise; the order and each of its lines are expected
  // on the later of the two — what the checkout, the confirmation, the status and the mail show.
  const calendar = await deliveryCalendarTo(db, address.country, now);
  // Nor more than the delivery horizon (default a year) after the app's clock: 9999-12-31 is no date for an ERP.
  const latest = addDays(now.toISOString().slice(0, 10), deps.deliveryHorizonDays);
  const days = { earliest: earliestOf(state, plans, calendar), calendar };
  const dayIssue = body.requestedDeliveryDate ? requestedDeliveryIssue(body.requestedDeliveryDate, { ...days, latest }, lang) : null;
  if (dayIssue) throw validation([dayIssue], lang);
  const expected = expectedDelivery(body.requestedDeliveryDate, days);

  const method = body.payment.method;
  if (method === 'invoice') {
    await lockCompany(db, caller.company.id);
    const credit = await creditOf(db, caller.company.id, row.currency);
    if (!credit) throw validation([issue(['payment', 'method'], 'payment_unavailable', { method }, lang)], lang);
    if (credit.remaining.amount < gross.amount) {
      throw validation([issue(['payment', 'method'], 'credit_limit', { remaining: credit.remaining, remainingText: formatMoney(credit.remaining, lang) }, lang)], lang);
    }
  }

  // The snapshot and the reservations.
  const orderId = newId('ord');
  const moves = new Map<string, StockMove>();
  const lineRows: OrderLineRow[] = state.priced.lines.map((line, position) => {
    const plan = plans.get(line.sku) as Extract<LineAvailability, { item: unknown }>;
    const product = state.products.get(line.sku)!;
    const reserved = new Map<string, number>();
    for (const part of plan.plan.parts) {
      if (part.source === 'procurement') continue;
      reserved.set(part.warehouseId, (reserved.get(part.warehouseId) ?? 0) + part.quantity);
    }
    for (const [warehouseId, quantity] of reserved) {
      const key = `${warehouseId}|${line.sku}`;
      const move = moves.get(key);
      if (move) move.quantity += quantity;
      else moves.set(key, { warehouseId, sku: line.sku, quantity });
    }
    return {
      company_id: caller.company.id, order_id: orderId, position, sku: line.sku, name_de: product.name.de, name_en: product.name.en,
      unit: product.unit, quantity: line.quantity, price_unit: line.priceUnit!, unit_amount: line.unitPrice!.amount, net_amount: line.net!.amount,
      tax_class: product.taxClass, tax_rate: line.taxRate!, promised_delivery: expected,
      reserved: JSON.stringify([...reserved].map(([warehouseId, quantity]) => ({ warehouseId, quantity }))),
    };
  });
  await reserveStock(db, [...moves.values()], iso);
  if (saveAddress) await insertCompanyAddress(db, saveAddress);

  const s = await seller(db);
  const paymentOf = (number: string): OrderPayment => {
    const none: OrderPayment = { method, ibanMasked: null, accountHolder: null, mandateReference: null, bankDetails: null };
    if (method === 'prepayment') return { ...none, bankDetails: s.bankDetails(number) };
    if (body.payment.method === 'sepa_debit') return { ...none, ibanMasked: maskIban(body.payment.iban), accountHolder: body.payment.accountHolder, mandateReference: `M-${number}` };
    return none;
  };
  const via = caller.kind === 'customer'
    ? { channel: 'partner' as const, partnerId: caller.partner.id }
    : { channel: row.last_channel !== 'partner' ? row.last_channel : ('web' as const), partnerId: null };
  // Written first under a provisional number (unique, never seen outside this transaction) …
  const provisional = `pending-${orderId}`;
  const orderRow: OrderRow = {
    id: orderId, company_id: caller.company.id, number: provisional, status: 'placed', placed_at: iso,
    placed_by_user_id: caller.kind === 'user' ? caller.user.id : null, placed_by_name: caller.kind === 'user' ? caller.user.name : caller.partner.name,
    partner_user_ref: caller.kind === 'customer' ? (caller.externalUserRef ?? null) : null,
    channel: via.channel, partner_id: via.partnerId, cart_id: row.id, currency: row.currency,
    net_amount: state.priced.totals.net.amount, gross_amount: gross.amount, totals: JSON.stringify(state.priced.totals), line_count: lineRows.length,
    delivery_address: JSON.stringify(address), requested_delivery_date: body.requestedDeliveryDate ?? null, promised_delivery: expected,
    po_number: body.purchaseOrderNumber || null, cost_center: body.costCenter || null, comment: body.comment || null,
    payment_method: method, payment: JSON.stringify(paymentOf(provisional)), tracking: null, updated_at: iso,
  };
  await insertOrder(db, orderRow, lineRows);
  const placed = { company_id: caller.company.id, order_id: orderId, status: 'placed' as const, at: iso, note: null, carrier: null, tracking_number: null };
  await insertOrderEvent(db, placed);

  await placement.beforeNumber?.({ orderId, via, lineCount: lineRows.length });

  // … and the number last: the year's row stays locked until the commit, so every placement waits
  // for the others only for these few statements.
  const number = formatOrderNumber(yearOf(now), await nextOrderSequence(db, yearOf(now)));
  const payment = paymentOf(number);
  orderRow.number = number;
  orderRow.payment = JSON.stringify(payment);
  await setOrderNumber(db, orderRow);
  if (body.payment.method === 'sepa_debit') {
    // The only copy of the full IBAN: the seller needs it to collect the debit.
    await insertSepaMandate(db, { reference: payment.mandateReference!, company_id: caller.company.id, order_id: orderId, account_holder: body.payment.accountHolder, iban: body.payment.iban, signed_at: iso });
  }
  const order = orderOf(orderRow, lineRows, [placed]);
  await enqueueOrderChange(trx, deps, { type: 'order.placed', companyId: caller.company.id, order, previousStatus: null });
  return order;
}

