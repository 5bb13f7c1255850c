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
import * as z from 'zod/mini';
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
  const eventCount = async () => Number((await t.db.selectFrom('outbox_events').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  const orderCount = async () => Number((await t.db.selectFrom('orders').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  /** The outbox events of an order: type and previous status, in order. */
  const outboxOf = async (orderId: string) => {
    const rows = await t.db.selectFrom('outbox_events').select(['type', 'payload', 'created_at']).where('aggregate_id', '=', orderId).orderBy('created_at').orderBy('id').execute();
    return rows.map((r) => {
      const data = JSON.parse(r.payload) as { order: Order; previousStatus: string | null };
      return { type: r.type, status: data.order.status, previousStatus: data.previousStatus };
    });
  };
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

  describe('delivery dates', () => {
    /** The tester's cart: one line in stock (arrives Thu 3.12.), one arriving with a receipt on Mon 14.12. (arrives Tue 15.12.). */
    const laterCart = async () => {
      const [now, later] = [fresh(), fresh()];
      const put = await t.app.inject({
        method: 'PUT', url: '/v1/erp/stock', headers: auth(DEMO_ERP_KEY),
        payload: { positions: ['wh_hamburg', 'wh_muenchen'].map((warehouseId) => ({ warehouseId, sku: later.sku, onHand: 0, reserved: 0, receipts: [{ date: '2026-12-14', quantity: 100 }] })) },
      });
      assert.equal(put.statusCode, 200, put.body);
      // Not procurable: the receipt is its only source.
      await t.db.updateTable('products').set({ lead_time_days: null }).where('sku', '=', later.sku).execute();
      const cart = await cartWith(mueller, [{ sku: now.sku, quantity: 1 }, { sku: later.sku, quantity: 1 }]);
      const body = await requestFor(mueller, cart);
      assert.deepEqual(body.expectedLines!.map((l) => l.promisedDelivery), ['2026-12-03', '2026-12-15']);
      return { cart, body };
    };

    it('offers the delivery days of the destination with the earliest one: weekends and holidays from today on', async () => {
      const { cart } = await laterCart();
      const res = await send(mueller, 'GET', `/v1/checkout/options?cartId=${cart.id}`);
      assert.equal(res.statusCode, 200, res.body);
      const options = z.parse(CheckoutOptionsSchema, res.json());
      assert.equal(options.earliestDelivery, '2026-12-15');
      assert.deepEqual(options.deliveryCalendar.weekend, [0, 6]);
      // Christmas, New Year, and 24 and 31 December, when German carriers do not deliver either.
      assert.deepEqual(options.deliveryCalendar.holidays.filter((d) => d < '2027-01-02'), ['2026-12-24', '2026-12-25', '2026-12-26', '2026-12-31', '2027-01-01']);
      assert.ok(options.deliveryCalendar.holidays.every((d) => d >= '2026-12-02'));
    });

    it('refuses a Saturday, a holiday and a day before the earliest one at requestedDeliveryDate, offering the next delivery day', async () => {
      const { body } = await laterCart();
      const before = await orderCount();
      for (const [requested, code, next] of [
        ['2026-12-19', 'delivery_date_closed', '2026-12-21'],
        ['2026-12-24', 'delivery_date_closed', '2026-12-28'],
        ['2026-12-25', 'delivery_date_closed', '2026-12-28'],
        ['2026-12-08', 'delivery_date_too_early', '2026-12-15'],
      ] as const) {
        const res = await place(mueller, { ...body, requestedDeliveryDate: requested }, randomUUID(), 'de');
        assert.equal(res.statusCode, 422, `${requested}: ${res.body}`);
        const [i, ...more] = res.json().issues;
        assert.deepEqual([i.path, i.code, i.params.next, more.length], [['requestedDeliveryDate'], code, next, 0], requested);
      }
      assert.equal(await orderCount(), before);
    });

    it("refuses a requested delivery date more than a year after the server's clock, such as 9999-12-31", async () => {
      const p = fresh();
      const cart = await cartWith(mueller, [{ sku: p.sku, quantity: 1 }]);
      const body = await requestFor(mueller, cart);
      const before = await orderCount();
      for (const requested of ['9999-12-31', '2027-12-03']) {
        const res = await place(mueller, { ...body, requestedDeliveryDate: requested }, randomUUID(), 'de');
        assert.equal(res.statusCode, 422, `${requested}: ${res.body}`);
        assert.deepEqual(res.json().issues.map((i: { path: unknown[]; code: string; params: unknown; message: string }) => [i.path, i.code, i.params, i.message]), [
          [['requestedDeliveryDate'], 'delivery_date_too_late', { latest: '2027-12-02' }, 'Spätestmöglicher Liefertermin: 2027-12-02'],
        ], requested);
      }
      assert.equal(await orderCount(), before);
      // The last day of the year ahead is fine (a Thursday).
      assert.equal((await placed(mueller, { ...body, requestedDeliveryDate: '2027-12-02' })).requestedDeliveryDate, '2027-12-02');
    });

    it('takes the delivery horizon from the app options', async () => {
      const short = await createTestApp({ now: () => new Date(NOW), deliveryHorizonDays: 14 });
      try {
        const token = await short.login(MUELLER);
        const shortCarts = cartApi(short);
        const [p] = pick(short).simple().filter((x) => x.quantityRules.min === 1);
        const cart = await shortCarts.changed(token, await shortCarts.create(token), [{ op: 'add', sku: p!.sku, quantity: 1 }]);
        const res = await short.app.inject({
          method: 'POST', url: '/v1/orders', headers: { ...auth(token), 'idempotency-key': randomUUID() },
          payload: { cartId: cart.id, cartVersion: cart.version, expectedGross: cart.totals.gross, deliveryAddress: { addressId: 'adr_muellerHq' }, payment: { method: 'invoice' }, requestedDeliveryDate: '2026-12-17' },
        });
        assert.equal(res.statusCode, 422, res.body);
        assert.deepEqual(res.json().issues.map((i: { code: string; params: unknown }) => [i.code, i.params]), [['delivery_date_too_late', { latest: '2026-12-16' }]]);
      } finally {
        await short.close();
      }
    });

    it('expects the whole order and every line on the latest promise, or on a later requested day', async () => {
      const first = await laterCart();
      const unasked = await placed(mueller, first.body);
      assert.deepEqual([unasked.requestedDeliveryDate, unasked.promisedDelivery], [null, '2026-12-15']);
      assert.deepEqual(unasked.lines.map((l) => l.promisedDelivery), ['2026-12-15', '2026-12-15']);

      const second = await laterCart();
      const asked = await placed(mueller, { ...second.body, requestedDeliveryDate: '2026-12-18' });
      assert.deepEqual([asked.requestedDeliveryDate, asked.promisedDelivery], ['2026-12-18', '2026-12-18']);
      assert.deepEqual(asked.lines.map((l) => l.promisedDelivery), ['2026-12-18', '2026-12-18']);
      // The same dates when the order is read back, and in the history.
      assert.deepEqual(z.parse(OrderSchema, (await send(mueller, 'GET', `/v1/orders/${asked.id}`)).json()).lines.map((l) => l.promisedDelivery), ['2026-12-18', '2026-12-18']);
      const page = z.parse(OrderPageSchema, (await send(mueller, 'GET', `/v1/orders?q=${asked.number}`)).json());
      assert.deepEqual(page.items.map((o) => o.promisedDelivery), ['2026-12-18']);
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
      // Later than both lines' promises: the whole order comes on the requested day.
      assert.ok(body.expectedLines!.every((l) => l.promisedDelivery! < '2026-12-18'), JSON.stringify(body.expectedLines));
      assert.equal(order.promisedDelivery, '2026-12-18');
      assert.deepEqual(order.lines.map((l) => l.promisedDelivery), ['2026-12-18', '2026-12-18']);
      assert.deepEqual(order.timeline.map((e) => e.status), ['placed']);
      assert.deepEqual(order.payment, { method: 'invoice', ibanMasked: null, accountHolder: null, mandateReference: null, bankDetails: null });
      assert.deepEqual(await outboxOf(order.id), [{ type: 'order.placed', status: 'placed', previousStatus: null }]);

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

    it('places one order for 50 concurrent retries with one key, and answers all 50 alike', async () => {
      const p = fresh();
      const cart = await cartWith(mueller, [{ sku: p.sku, quantity: 4 }]);
      const body = await requestFor(mueller, cart);
      const before = await orderCount();
      const key = randomUUID();
      const answers = await Promise.all(Array.from({ length: 50 }, () => place(mueller, body, key)));
      assert.deepEqual([...new Set(answers.map((r) => r.statusCode))], [201], answers.find((r) => r.statusCode !== 201)?.body);
      assert.equal(new Set(answers.map((r) => r.body)).size, 1);
      assert.equal(answers.filter((r) => r.headers['idempotent-replayed'] === 'true').length, 49);
      assert.equal(await orderCount(), before + 1);
      assert.equal((await outboxOf(z.parse(OrderSchema, answers[0]!.json()).id)).length, 1);
      const reserved = Object.values(await reservedOf(p.sku)).reduce((n, x) => n + x.reserved, 0);
      const seeded = t.world.stock.filter((s) => s.sku === p.sku).reduce((n, s) => n + s.reserved, 0);
      assert.equal(reserved, seeded + 4);
      // A later retry still gets the same answer.
      const again = await place(mueller, body, key);
      assert.equal(again.statusCode, 201);
      assert.equal(again.body, answers[0]!.body);
    });

    it('refuses the same key with another body (422) and a missing key (400 naming the header)', async () => {
      const p = fresh();
      const cart = await cartWith(mueller, [{ sku: p.sku, quantity: 1 }]);
      const body = await requestFor(mueller, cart);
      const key = randomUUID();
      assert.equal((await place(mueller, body, key)).statusCode, 201);
      const reused = await place(mueller, { ...body, comment: 'anders' }, key);
      assert.equal(reused.statusCode, 422, reused.body);
      assert.equal(reused.json().issues[0].code, 'idempotency_key_reused');
      const missing = await place(mueller, body, null);
      assert.equal(missing.statusCode, 400, missing.body);
      assert.deepEqual(missing.json().issues.map((i: { path: unknown[]; code: string }) => [i.path, i.code]), [[['headers', 'idempotency-key'], 'required']]);
    });

    it('answers a stale cart version with 409, the changes and the cart, and places nothing', async () => {
      const [a, b, c] = [fresh(), fresh(), fresh()];
      const shown = await cartWith(mueller, [{ sku: a.sku, quantity: 2 }, { sku: b.sku, quantity: 2 }]);
      const body = await requestFor(mueller, shown);
      const changed = await carts.changed(mueller, shown, [{ op: 'set', sku: a.sku, quantity: 3 }, { op: 'remove', sku: b.sku }, { op: 'add', sku: c.sku, quantity: 1 }]);
      const before = { orders: await orderCount(), stock: await reservedOf(a.sku), events: await eventCount() };
      const res = await place(mueller, body);
      assert.equal(res.statusCode, 409, res.body);
      const { code, details } = res.json() as { code: string; details: { changes: CartDrift[]; cart: Cart } };
      assert.equal(code, 'conflict');
      assert.equal(details.cart.version, changed.version);
      assert.deepEqual(details.changes.map((ch) => [ch.sku, ch.kind, ch.before, ch.after]), [
        [a.sku, 'quantity', '2', '3'],
        [c.sku, 'added', null, '1'],
        [b.sku, 'removed', '2', null],
      ]);
      assert.equal(await orderCount(), before.orders);
      assert.equal(await eventCount(), before.events);
      assert.deepEqual(await reservedOf(a.sku), before.stock);
      assert.equal((await carts.get(mueller, shown.id)).lines.length, 2);
    });

    it('answers a price changed since display with 409 kind price, formatted in the caller\'s language', async () => {
      const p = fresh();
      const cart = await cartWith(mueller, [{ sku: p.sku, quantity: 1 }]);
      const body = await requestFor(mueller, cart);
      await t.db.updateTable('price_list_tiers').set((eb) => ({ amount: eb('amount', '+', 100) })).where('sku', '=', p.sku).execute();
      const res = await place(mueller, body, randomUUID(), 'de');
      assert.equal(res.statusCode, 409, res.body);
      const { changes } = res.json().details as { changes: CartDrift[] };
      assert.equal(changes.length, 1);
      assert.equal(changes[0]!.kind, 'price');
      assert.match(changes[0]!.before!, /^[\d.]+,\d\d\s€$/);
      assert.notEqual(changes[0]!.before, changes[0]!.after);
      assert.equal((await carts.get(mueller, cart.id)).lines.length, 1);
    });

    it('answers availability changed since display (stock gone) with 409 kind availability', async () => {
      const p = fresh();
      const cart = await cartWith(mueller, [{ sku: p.sku, quantity: 2 }]);
      const body = await requestFor(mueller, cart);
      const put = await t.app.inject({
        method: 'PUT', url: '/v1/erp/stock', headers: auth(DEMO_ERP_KEY),
        payload: { positions: ['wh_hamburg', 'wh_muenchen'].map((warehouseId) => ({ warehouseId, sku: p.sku, onHand: 0, reserved: 0, receipts: [] })) },
      });
      assert.equal(put.statusCode, 200, put.body);
      const res = await place(mueller, body);
      assert.equal(res.statusCode, 409, res.body);
      const { changes } = res.json().details as { changes: CartDrift[] };
      assert.deepEqual(changes.map((c) => [c.sku, c.kind, c.before]), [[p.sku, 'availability', body.expectedLines![0]!.promisedDelivery]]);
      assert.ok(changes[0]!.after === null || changes[0]!.after > changes[0]!.before!);
    });

    it('answers a line that cannot be ordered any more with 409 kind not_orderable', async () => {
      const p = fresh();
      const cart = await cartWith(mueller, [{ sku: p.sku, quantity: 1 }]);
      const body = await requestFor(mueller, cart);
      await t.db.updateTable('products').set({ status: 'discontinued' }).where('sku', '=', p.sku).execute();
      const res = await place(mueller, body);
      assert.equal(res.statusCode, 409, res.body);
      assert.deepEqual(res.json().details.changes.map((c: CartDrift) => [c.sku, c.kind]), [[p.sku, 'not_orderable']]);
    });

    it('refuses an empty cart with 422 cart_empty', async () => {
      const cart = await carts.create(mueller);
      const res = await place(mueller, { cartId: cart.id, cartVersion: cart.version, expectedGross: { amount: 0, currency: 'EUR' }, deliveryAddress: { addressId: 'adr_muellerHq' }, payment: { method: 'prepayment' } });
      assert.equal(res.statusCode, 422, res.body);
      assert.deepEqual(res.json().issues.map((i: { code: string }) => i.code), ['cart_empty']);
    });

    it('refuses an order beyond the credit left with 422 credit_limit and the remaining amount', async () => {
      const p = fresh();
      // Schmidt's limit is 2.000 €: a line worth more than that.
      const unit = t.world.priceLists[0]!.tiers.find((x) => x.sku === p.sku && x.minQuantity === 1)!.amount;
      const quantity = Math.ceil(250_000 / unit);
      const cart = await cartWith(schmidt, [{ sku: p.sku, quantity }]);
      const body = await requestFor(schmidt, cart, { deliveryAddress: { addressId: 'adr_schmidtHq' } });
      const options = z.parse(CheckoutOptionsSchema, (await send(schmidt, 'GET', `/v1/checkout/options?cartId=${cart.id}`)).json());
      assert.deepEqual(options.payment[0], { method: 'invoice', available: false, reason: 'credit_limit' });
      const res = await place(schmidt, body, randomUUID(), 'de');
      assert.equal(res.statusCode, 422, res.body);
      const [i] = res.json().issues;
      assert.deepEqual([i.path, i.code], [['payment', 'method'], 'credit_limit']);
      assert.deepEqual(i.params.remaining, options.credit!.remaining);
      assert.match(i.message, /2\.000,00\s€/);
      // Prepayment of the same cart goes through.
      const order = await placed(schmidt, { ...body, payment: { method: 'prepayment' } });
      assert.deepEqual(order.payment.bankDetails, { accountHolder: 'Hansen Elektrogroßhandel GmbH', iban: 'DE89 3704 0044 0532 0130 00', bic: 'COBADEFFXXX', bank: 'Commerzbank', reference: order.number });
    });

    it('gives field errors for an invalid IBAN and an address without a postcode', async () => {
      const p = fresh();
      const cart = await cartWith(mueller, [{ sku: p.sku, quantity: 1 }]);
      const body = await requestFor(mueller, cart);
      const iban = await place(mueller, { ...body, payment: { method: 'sepa_debit', accountHolder: 'Elektro Müller GmbH', iban: 'DE89 3704 0044 0532 0130 01', mandateAccepted: true } });
      assert.equal(iban.statusCode, 400, iban.body);
      assert.deepEqual(iban.json().issues.map((i: { path: unknown[]; code: string }) => [i.path, i.code]), [[['payment', 'iban'], 'iban']]);
      // Right check digits, one digit too many for a German IBAN: the server's strict check (ibantools).
      const long = await place(mueller, { ...body, payment: { method: 'sepa_debit', accountHolder: 'Elektro Müller GmbH', iban: 'DE54 3704 0044 0532 0130 001', mandateAccepted: true } });
      assert.equal(long.statusCode, 400, long.body);
      assert.deepEqual(long.json().issues.map((i: { path: unknown[]; code: string }) => [i.path, i.code]), [[['payment', 'iban'], 'iban']]);
      const { postcode: _none, ...noPostcode } = ADDRESS;
      const address = await place(mueller, { ...body, deliveryAddress: { address: noPostcode } });
      assert.equal(address.statusCode, 400, address.body);
      assert.ok(address.json().issues.some((i: { path: unknown[] }) => i.path.join('.') === 'deliveryAddress.address.postcode'), address.body);
    });

    it('refuses control characters, bidi overrides and broken characters in the PO number, cost center, comment and address, and stores nothing', async () => {
      const p = fresh();
      const cart = await cartWith(mueller, [{ sku: p.sku, quantity: 1 }]);
      const body = await requestFor(mueller, cart);
      const before = await orderCount();
      const cases: [Partial<PlaceOrderRequest>, string[], string][] = [
        [{ purchaseOrderNumber: 'PO\u0000 4711' }, ['purchaseOrderNumber'], 'control_character'],
        [{ purchaseOrderNumber: 'PO\u001b[2J' }, ['purchaseOrderNumber'], 'control_character'],
        [{ costCenter: 'KST\r\n4711' }, ['costCenter'], 'line_break'],
        [{ comment: 'Tor 3 \u202Eknirpsgnu\u202C' }, ['comment'], 'control_character'],
        [{ comment: 'An\uFEFFlieferung' }, ['comment'], 'control_character'],
        [{ deliveryAddress: { address: { ...ADDRESS, street: 'Hafenstraße\u2066 12' } } }, ['deliveryAddress', 'address', 'street'], 'control_character'],
        [{ deliveryAddress: { address: { ...ADDRESS, city: 'Ham\u0007burg' } } }, ['deliveryAddress', 'address', 'city'], 'control_character'],
        [{ deliveryAddress: { address: { ...ADDRESS, name: 'M\uD800ller GmbH' } } }, ['deliveryAddress', 'address', 'name'], 'unpaired_surrogate'],
        [{ deliveryAddress: { address: ADDRESS, save: true, label: 'Lager\nNord' } }, ['deliveryAddress', 'label'], 'line_break'],
      ];
      for (const [over, path, code] of cases) {
        const res = await place(mueller, { ...body, ...over }, randomUUID(), 'de');
        assert.equal(res.statusCode, 400, `${JSON.stringify(over)}: ${res.body}`);
        assert.deepEqual(res.json().issues.map((i: { path: unknown[]; code: string }) => [i.path, i.code]), [[path, code]], JSON.stringify(over));
      }
      assert.equal(await orderCount(), before);
      // Line breaks (and only those) in the comment; decomposed umlauts are stored composed (NFC).
      const order = await placed(mueller, { ...body, purchaseOrderNumber: 'Mu\u0308ller-4711', comment: 'Bitte vorher anrufen:\r\n0171 1234567' });
      assert.deepEqual([order.purchaseOrderNumber, order.comment], ['M\u00fcller-4711', 'Bitte vorher anrufen:\r\n0171 1234567']);
    });

    it('refuses a requested delivery date before the earliest possible one', async () => {
      const p = fresh();
      const cart = await cartWith(mueller, [{ sku: p.sku, quantity: 1 }]);
      const body = await requestFor(mueller, cart, { requestedDeliveryDate: '2026-12-02' });
      const res = await place(mueller, body);
      assert.equal(res.statusCode, 422, res.body);
      const [i] = res.json().issues;
      assert.deepEqual([i.path, i.code, i.params.earliest], [['requestedDeliveryDate'], 'delivery_date_too_early', body.expectedLines![0]!.promisedDelivery]);
    });

    it('pays by SEPA direct debit with the IBAN masked in the order and kept only with the mandate', async () => {
      const p = fresh();
      const cart = await cartWith(mueller, [{ sku: p.sku, quantity: 1 }]);
      const body = await requestFor(mueller, cart, { payment: { method: 'sepa_debit', accountHolder: 'Elektro Müller GmbH', iban: 'de89 3704 0044 0532 0130 00', mandateAccepted: true } });
      const res = await place(mueller, body);
      assert.equal(res.statusCode, 201, res.body);
      assert.ok(!res.body.includes('0532013000') && !res.body.includes('0532 0130'), res.body);
      const order = z.parse(OrderSchema, res.json());
      assert.deepEqual(order.payment, { method: 'sepa_debit', ibanMasked: 'DE89 **** **** **** **30 00', accountHolder: 'Elektro Müller GmbH', mandateReference: `M-${order.number}`, bankDetails: null });
      const mandate = await t.db.selectFrom('sepa_mandates').selectAll().where('order_id', '=', order.id).executeTakeFirstOrThrow();
      assert.equal(mandate.iban, 'DE89370400440532013000');
    });

    it('delivers to a new address and saves it for the company when asked', async () => {
      const p = fresh();
      const cart = await cartWith(mueller, [{ sku: p.sku, quantity: 1 }]);
      const address = { name: 'Elektro Müller GmbH', addition: 'Baustelle Wien', street: 'Praterstraße 1', postcode: '1020', city: 'Wien', country: 'AT' };
      const items = await promises(mueller, [{ sku: p.sku, quantity: 1 }], 'AT');
      const body = await requestFor(mueller, cart, { deliveryAddress: { address, save: true, label: 'Wien' } });
      body.expectedLines![0]!.promisedDelivery = items[0]!.earliestDelivery;
      const order = await placed(mueller, body);
      assert.deepEqual(order.deliveryAddress, address);
      assert.equal(order.promisedDelivery, items[0]!.earliestDelivery);
      const { items: saved } = z.parse(SavedAddressListSchema, (await send(mueller, 'GET', '/v1/company/addresses')).json());
      assert.deepEqual(saved.filter((a) => a.label === 'Wien').map((a) => [a.address, a.isDefault]), [[address, false]]);
    });

    it('lets a partner portal place an order for its customer (channel partner, placed by the portal)', async () => {
      const mint = await t.app.inject({ method: 'POST', url: '/v1/partner/customer-tokens', headers: auth(SONNE_PARTNER_KEY), payload: { companyId: 'cmp_sonne' } });
      assert.equal(mint.statusCode, 201, mint.body);
      const customer = mint.json().token as string;
      const p = fresh();
      const cart = await cartWith(customer, [{ sku: p.sku, quantity: 1 }]);
      const options = z.parse(CheckoutOptionsSchema, (await send(customer, 'GET', `/v1/checkout/options?cartId=${cart.id}`)).json());
      assert.deepEqual(options.payment[0], { method: 'invoice', available: false, reason: 'payment_unavailable' });
      assert.equal(options.credit, null);
      const invoice = await place(customer, await requestFor(customer, cart, { deliveryAddress: { addressId: 'adr_sonneHq' } }));
      assert.equal(invoice.statusCode, 422, invoice.body);
      assert.equal(invoice.json().issues[0].code, 'payment_unavailable');
      const order = await placed(customer, await requestFor(customer, cart, { deliveryAddress: { addressId: 'adr_sonneHq' }, payment: { method: 'prepayment' } }));
      assert.deepEqual(order.via, { channel: 'partner', partnerId: 'ptn_sued' });
      assert.deepEqual(order.placedBy, { userId: null, name: 'ElektroPartner Süd GmbH' });
      // Another company's saved address is unknown here.
      const other = await place(customer, await requestFor(customer, await cartWith(customer, [{ sku: fresh().sku, quantity: 1 }]), { deliveryAddress: { addressId: 'adr_muellerHq' }, payment: { method: 'prepayment' } }));
      assert.equal(other.statusCode, 404, other.body);
    });
  });

  describe('status from the ERP', () => {
    const placeOne = async (quantity = 2) => {
      const p = fresh();
      const cart = await cartWith(mueller, [{ sku: p.sku, quantity }]);
      return { p, order: await placed(mueller, await requestFor(mueller, cart)) };
    };
    const get = async (id: string, token = mueller) => z.parse(OrderSchema, (await send(token, 'GET', `/v1/orders/${id}`)).json());
    const total = (stock: Record<string, { onHand: number; reserved: number }>) =>
      Object.values(stock).reduce((n, x) => ({ onHand: n.onHand + x.onHand, reserved: n.reserved + x.reserved }), { onHand: 0, reserved: 0 });

    it('moves an order along its life with a timeline and tracking, and takes the goods out of stock when shipped', async () => {
      const { p, order } = await placeOne(3);
      const before = total(await reservedOf(p.sku));
      const res = await erp([
        { number: order.number, status: 'confirmed', at: '2026-12-02T10:00:00.000Z' },
        { number: order.number, status: 'in_fulfilment', note: 'Kommissionierung' },
      ]);
      assert.equal(res.statusCode, 200, res.body);
      assert.deepEqual(res.json(), { updated: 2 });
      const shipped = await erp([{ number: order.number, status: 'shipped', carrier: 'DHL', trackingNumber: '00340434161094042557' }]);
      assert.equal(shipped.statusCode, 200, shipped.body);
      const after = total(await reservedOf(p.sku));
      assert.deepEqual(after, { onHand: before.onHand - 3, reserved: before.reserved - 3 });
      assert.equal((await erp([{ number: order.number, status: 'delivered' }])).statusCode, 200);
      const now = await get(order.id);
      assert.equal(now.status, 'delivered');
      assert.deepEqual(now.timeline.map((e) => [e.status, e.at]), [['placed', NOW], ['confirmed', '2026-12-02T10:00:00.000Z'], ['in_fulfilment', NOW], ['shipped', NOW], ['delivered', NOW]]);
      assert.equal(now.timeline[2]!.note, 'Kommissionierung');
      assert.equal(now.tracking!.trackingNumber, '00340434161094042557');
      assert.match(now.tracking!.url!, /dhl\.de/);
      assert.deepEqual(total(await reservedOf(p.sku)), after);
      // The test clock stands still, so the events share one instant: compared in the order of the flow.
      const flow = ['placed', 'confirmed', 'in_fulfilment', 'shipped', 'delivered'];
      const events = (await outboxOf(order.id)).sort((x, y) => flow.indexOf(x.status) - flow.indexOf(y.status));
      assert.deepEqual(events.map((e) => [e.type, e.previousStatus, e.status]), [
        ['order.placed', null, 'placed'],
        ['order.status_changed', 'placed', 'confirmed'],
        ['order.status_changed', 'confirmed', 'in_fulfilment'],
        ['order.status_changed', 'in_fulfilment', 'shipped'],
        ['order.status_changed', 'shipped', 'delivered'],
      ]);
    });

    it('requires carrier and tracking number for shipped, refuses moves back, unknown numbers, and changes nothing of a bad batch', async () => {
      const { order } = await placeOne();
      const { order: other } = await placeOne();
      const res = await erp([
        { number: other.number, status: 'confirmed' },
        { number: order.number, status: 'shipped', carrier: 'DHL' },
        { number: 'K-2026-999999', status: 'confirmed' },
        { number: order.number, status: 'placed' },
      ]);
      assert.equal(res.statusCode, 422, res.body);
      assert.deepEqual(res.json().issues.map((i: { path: unknown[]; code: string }) => [i.path, i.code]), [
        [['updates', 1, 'trackingNumber'], 'carrier_required'],
        [['updates', 2, 'number'], 'unknown_order'],
        [['updates', 3, 'status'], 'status_transition'],
      ]);
      assert.equal((await get(other.id)).status, 'placed');
      assert.equal((await outboxOf(other.id)).length, 1);
      assert.deepEqual((await get(other.id)).timeline.length, 1);
    });

    it('releases the reservations of a cancelled order', async () => {
      const { p, order } = await placeOne(5);
      const before = total(await reservedOf(p.sku));
      const res = await erp([{ number: order.number, status: 'cancelled', note: 'Kunde storniert' }], { 'idempotency-key': 'erp-cancel-1' });
      assert.equal(res.statusCode, 200, res.body);
      assert.deepEqual(total(await reservedOf(p.sku)), { onHand: before.onHand, reserved: before.reserved - 5 });
      // A retry with the key changes nothing more.
      const again = await erp([{ number: order.number, status: 'cancelled', note: 'Kunde storniert' }], { 'idempotency-key': 'erp-cancel-1' });
      assert.equal(again.statusCode, 200);
      assert.equal(again.headers['idempotent-replayed'], 'true');
      assert.equal((await get(order.id)).status, 'cancelled');
      const shipped = await erp([{ number: order.number, status: 'shipped', carrier: 'DHL', trackingNumber: '1' }]);
      assert.equal(shipped.statusCode, 422);
    });
  });

  describe('history and scope', () => {
    it('lists newest first, pages with a cursor, and filters by status, day, PO number and text', async () => {
      const token = await t.login(MUELLER2);
      const orders: Order[] = [];
      for (let i = 0; i < 3; i++) {
        clock = new Date(Date.parse(NOW) + (i + 1) * 60_000);
        const p = fresh();
        const cart = await cartWith(token, [{ sku: p.sku, quantity: 1 }]);
        orders.push(await placed(token, await requestFor(token, cart, { purchaseOrderNumber: `HIST-${i}`, costCenter: i === 1 ? 'Lager Süd' : undefined })));
      }
      clock = new Date(NOW);
      const list = async (query: string) => {
        const res = await send(token, 'GET', `/v1/orders?${query}`);
        assert.equal(res.statusCode, 200, res.body);
        return z.parse(OrderPageSchema, res.json());
      };
      const first = await list('q=hist-&limit=2');
      assert.deepEqual(first.items.map((o) => o.number), [orders[2]!.number, orders[1]!.number]);
      assert.ok(first.nextCursor);
      const second = await list(`q=hist-&limit=2&cursor=${first.nextCursor}`);
      assert.deepEqual(second.items.map((o) => o.number), [orders[0]!.number]);
      assert.equal(second.nextCursor, null);
      assert.deepEqual((await list('po=hist-1')).items.map((o) => o.number), [orders[1]!.number]);
      assert.deepEqual((await list('q=lager%20s')).items.map((o) => o.number), [orders[1]!.number]);
      assert.deepEqual((await list(`q=${orders[0]!.number.slice(-6)}`)).items.map((o) => o.number), [orders[0]!.number]);
      const sku = (await send(token, 'GET', `/v1/orders/${orders[2]!.id}`)).json().lines[0].sku as string;
      assert.deepEqual((await list(`q=${sku.toLowerCase()}`)).items.map((o) => o.number), [orders[2]!.number]);
      assert.equal((await list('q=hist-&from=2026-12-03')).items.length, 0);
      assert.equal((await list('q=hist-&from=2026-12-02&to=2026-12-02')).items.length, 3);
      assert.equal((await list('q=hist-&to=2026-12-01')).items.length, 0);
      assert.ok((await list('status=placed&limit=100')).items.every((o) => o.status === 'placed'));
      assert.equal((await list('q=hist-&status=cancelled')).items.length, 0);
      assert.equal((await send(token, 'GET', '/v1/orders?cursor=nonsense')).statusCode, 400);
    });

    it('answers another company\'s order with 404, keeps it out of the list, and keeps keys to their routes', async () => {
      const p = fresh();
      const order = await placed(mueller, await requestFor(mueller, await cartWith(mueller, [{ sku: p.sku, quantity: 1 }])));
      assert.equal((await send(schmidt, 'GET', `/v1/orders/${order.id}`)).statusCode, 404);
      const theirs = z.parse(OrderPageSchema, (await send(schmidt, 'GET', '/v1/orders?limit=100')).json());
      assert.ok(!theirs.items.some((o) => o.id === order.id));
      assert.equal((await send(DEMO_ERP_KEY, 'GET', '/v1/orders')).statusCode, 403);
      assert.equal((await send(DEMO_ERP_KEY, 'GET', `/v1/orders/${order.id}`)).statusCode, 403);
      assert.equal((await send(mueller, 'POST', '/v1/erp/order-status', { updates: [{ number: order.number, status: 'confirmed' }] })).statusCode, 403);
      assert.equal((await send(schmidt, 'GET', `/v1/checkout/options?cartId=${order.id.replace('ord_', 'cart_')}`)).statusCode, 404);
    });
  });
});
