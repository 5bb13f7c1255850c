import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import {
  AvailabilityResponseSchema,
  CheckoutOptionsSchema,
  OrderPageSchema,
  OrderSchema,
  SavedAddressListSchema,
  type AvailabilityItem,
  type Cart,
  type CartDrift,
  type Order,
  type PlaceOrderRequest,
} from '@kontor/core';
import { z } from 'zod/mini';
import { DEMO_ERP_KEY, type WorldProduct } from '../seed/world.js';
import { cartApi, pick } from '../testing/cart-helpers.js';
import { auth, createTestApp, type TestApp } from '../testing/test-app.js';

const MUELLER = 'einkauf@elektro-mueller.de';
const MUELLER2 = 'anna.mueller@elektro-mueller.de';
const SCHMIDT = 'einkauf@schmidt-haustechnik.de';
const SONNE_PARTNER_KEY = 'kpk_demo_sued_2026';
/** Wednesday 2.12.2026, 10:00 in Hamburg: before both cut-offs. */
const NOW = '2026-12-02T09:00:00.000Z';
const ADDRESS = { name: 'Elektro Müller GmbH', street: 'Hafenstraße 12', postcode: '20457', city: 'Hamburg', country: 'DE' };

describe('orders (checkout, POST /v1/orders, history, ERP status)', () => {
  let t: TestApp;
  let clock = new Date(NOW);
  let mueller: string;
  let schmidt: string;
  let carts: ReturnType<typeof cartApi>;
  /** Products in stock in quantity, each used by one test only. */
  let pool: WorldProduct[] = [];
  const fresh = () => pool.shift()!;

  before(async () => {
    t = await createTestApp({ now: () => clock, loginRateLimit: { max: 10_000, timeWindowMs: 60_000 } });
    mueller = await t.login(MUELLER);
    schmidt = await t.login(SCHMIDT);
    carts = cartApi(t);
    const onHand = (sku: string) => t.world.stock.filter((s) => s.sku === sku).reduce((n, s) => n + s.onHand - s.reserved, 0);
    pool = pick(t).simple().filter((p) => p.quantityRules.min === 1 && onHand(p.sku) >= 40);
  });
  after(() => t.close());

  const send = (token: string, method: 'GET' | 'POST', url: string, payload?: unknown, headers: Record<string, string> = {}) =>
    t.app.inject({ method, url, headers: { ...auth(token), ...headers }, ...(payload === undefined ? {} : { payload: payload as object }) });

  /** A fresh active cart of the caller with `lines`. */
  const cartWith = async (token: string, lines: { sku: string; quantity: number }[]): Promise<Cart> => {
    const cart = await carts.create(token);
    return carts.changed(token, cart, lines.map((l) => ({ op: 'add', ...l })));
  };
  const promises = async (token: string, lines: { sku: string; quantity: number }[], destination = 'DE') => {
    const res = await send(token, 'POST', '/v1/availability', { destination, items: lines });
    assert.equal(res.statusCode, 200, res.body);
    return z.parse(AvailabilityResponseSchema, res.json()).items as AvailabilityItem[];
  };
  /** The request a checkout sends for `cart` as it shows it now. */
  const requestFor = async (token: string, cart: Cart, over: Partial<PlaceOrderRequest> = {}): Promise<PlaceOrderRequest> => {
    const items = await promises(token, cart.lines.map((l) => ({ sku: l.sku, quantity: l.quantity })));
    return {
      cartId: cart.id,
      cartVersion: cart.version,
      expectedGross: cart.totals.gross,
      expectedLines: cart.lines.map((l, i) => ({ sku: l.sku, quantity: l.quantity, unitPrice: l.unitPrice!, promisedDelivery: items[i]!.earliestDelivery })),
      deliveryAddress: { addressId: 'adr_muellerHq' },
      payment: { method: 'invoice' },
      ...over,
    };
  };
  const place = (token: string, body: unknown, key: string | null = randomUUID(), lang?: string) =>
    t.app.inject({ method: 'POST', url: '/v1/orders', headers: { ...auth(token, lang), ...(key ? { 'idempotency-key': key } : {}) }, payload: body as object });
  const placed = async (token: string, body: unknown): Promise<Order> => {
    const res = await place(token, body);
    assert.equal(res.statusCode, 201, res.body);
    return z.parse(OrderSchema, res.json());
  };
  const reservedOf = async (sku: string) => {
    const rows = await t.db.selectFrom('stock_positions').select(['warehouse_id', 'on_hand', 'reserved']).where('sku', '=', sku).orderBy('warehouse_id').execute();
    return Object.fromEntries(rows.map((r) => [r.warehouse_id, { onHand: Number(r.on_hand), reserved: Number(r.reserved) }]));
  };
  const orderCount = async () => Number((await t.db.selectFrom('orders').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  const erp = (updates: unknown[], headers: Record<string, string> = {}) => send(DEMO_ERP_KEY, 'POST', '/v1/erp/order-status', { updates }, headers);

  describe('checkout options', () => {
    it('lists the company addresses, the default first', async () => {
      const res = await send(mueller, 'GET', '/v1/company/addresses');
      assert.equal(res.statusCode, 200, res.body);
      const { items } = z.parse(SavedAddressListSchema, res.json());
      assert.deepEqual(items.map((a) => [a.id, a.isDefault]), [['adr_muellerHq', true], ['adr_muellerSite', false]]);
    });

    it('offers invoice within the credit, the earliest delivery, bank details and the mandate text', async () => {
      const p = fresh();
      const cart = await cartWith(mueller, [{ sku: p.sku, quantity: 2 }]);
      const res = await send(mueller, 'GET', `/v1/checkout/options?cartId=${cart.id}`, undefined, { 'accept-language': 'de' });
      assert.equal(res.statusCode, 200, res.body);
      const options = z.parse(CheckoutOptionsSchema, res.json());
      assert.equal(options.addresses.length, 2);
      assert.deepEqual(options.payment.map((m) => [m.method, m.available]), [['invoice', true], ['prepayment', true], ['sepa_debit', true]]);
      assert.equal(options.credit!.limit.amount, 5_000_000);
      const [item] = await promises(mueller, [{ sku: p.sku, quantity: 2 }]);
      assert.equal(options.earliestDelivery, item!.earliestDelivery);
      assert.equal(options.bankDetails!.iban, 'DE89 3704 0044 0532 0130 00');
      assert.match(options.sepaMandateText, /Gläubiger-Identifikationsnummer DE98ZZZ09999999999/);
    });
  });

  describe('placing', () => {
    it('places a cart end to end: number, snapshot, cart emptied, stock reserved, timeline', async () => {
      const [a, b] = [fresh(), fresh()];
      const cart = await cartWith(mueller, [{ sku: a.sku, quantity: 3 }, { sku: b.sku, quantity: 5 }]);
      const before = await reservedOf(a.sku);
      const body = await requestFor(mueller, cart, { purchaseOrderNumber: 'PO-4711', costCenter: 'KST 12', comment: 'Bitte an Tor 2', requestedDeliveryDate: '2026-12-18' });
      const order = await placed(mueller, body);
      assert.match(order.number, /^K-2026-\d{6}$/);
      assert.equal(order.status, 'placed');
      assert.equal(order.placedAt, NOW);
      assert.deepEqual(order.placedBy, { userId: 'usr_mueller1', name: 'Einkauf Elektro Müller' });
      assert.deepEqual(order.via, { channel: 'web', partnerId: null });
      assert.deepEqual(order.totals, cart.totals);
      assert.deepEqual(order.lines.map((l) => [l.sku, l.quantity, l.unitPrice, l.net]), cart.lines.map((l) => [l.sku, l.quantity, l.unitPrice, l.net]));
      assert.equal(order.lines[0]!.name.de, a.name.de);
      assert.equal(order.deliveryAddress.street, 'Hafenstraße 12');
      assert.equal(order.purchaseOrderNumber, 'PO-4711');
      assert.equal(order.requestedDeliveryDate, '2026-12-18');
      assert.equal(order.promisedDelivery, [body.expectedLines![0]!.promisedDelivery!, body.expectedLines![1]!.promisedDelivery!].sort()[1]);
      assert.deepEqual(order.timeline.map((e) => e.status), ['placed']);
      assert.deepEqual(order.payment, { method: 'invoice', ibanMasked: null, accountHolder: null, mandateReference: null, bankDetails: null });

      const emptied = await carts.get(mueller, cart.id);
      assert.equal(emptied.lines.length, 0);
      assert.equal(emptied.version, cart.version + 1);
      const reserved = Object.values(await reservedOf(a.sku)).reduce((n, p) => n + p.reserved, 0);
      assert.equal(reserved, Object.values(before).reduce((n, p) => n + p.reserved, 0) + 3);

      // The snapshot survives a later price change.
      await t.db.updateTable('price_list_tiers').set({ amount: 1 }).where('sku', '=', a.sku).execute();
      const res = await send(mueller, 'GET', `/v1/orders/${order.id}`);
      assert.equal(res.statusCode, 200, res.body);
      assert.deepEqual(z.parse(OrderSchema, res.json()), order);
    });
  });
});
