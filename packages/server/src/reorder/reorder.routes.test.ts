import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { CartSchema, OrderSchema, ReorderCandidatesSchema, ReorderResultSchema, ReorderSettingsSchema, type Cart } from '@kontor/core';
import * as z from 'zod/mini';
import { insertOrder, insertSepaMandate } from '../db/order.queries.js';
import { newId } from '../db/cart.queries.js';
import { cartApi, pick } from '../testing/cart-helpers.js';
import { auth, createTestApp, TEST_JWT_SECRET, type TestApp } from '../testing/test-app.js';
import { memoryTransport, stockedProducts, testClock } from '../standing-orders/testing/helpers.js';
import { createOrderMailer } from '../mail/mailer.js';
import { DEFAULT_PUBLIC_URL } from '../standing-orders/links.js';
import { reorderLinkToken, reorderLinkUrl } from './links.js';
import { withReorderMails } from './mails.js';
import { runReorderReminders } from './reminders.js';

let seq = 900_000;
/**
 * An order of the past written straight to the database (the seed world has no order history):
 * `lines` with their unit prices, placed at `placedAt`, to the Müller head office by invoice, or
 * by direct debit with a mandate.
 */
async function pastOrder(t: TestApp, companyId: string, placedAt: string, lines: { sku: string; quantity: number; unit: number }[], payment: 'invoice' | 'sepa_debit' = 'invoice') {
  const id = newId('ord');
  const number = `K-${placedAt.slice(0, 4)}-${String(seq++)}`;
  const net = lines.reduce((s, l) => s + l.quantity * l.unit, 0);
  const address = { name: 'Elektro Müller GmbH', street: 'Industriestraße 12', postcode: '20097', city: 'Hamburg', country: 'DE' };
  const totals = { net: { amount: net, currency: 'EUR' }, taxes: [], tax: { amount: 0, currency: 'EUR' }, gross: { amount: net, currency: 'EUR' } };
  await insertOrder(t.db, {
    id, company_id: companyId, number, status: 'delivered', placed_at: placedAt, placed_by_user_id: null, placed_by_name: 'Test', channel: 'web', partner_id: null,
    cart_id: `cart_${id.slice(4)}`, currency: 'EUR', net_amount: net, gross_amount: net, totals: JSON.stringify(totals), line_count: lines.length,
    delivery_address: JSON.stringify(address), requested_delivery_date: null, promised_delivery: null, po_number: null, cost_center: 'KST-7', comment: null,
    payment_method: payment, payment: JSON.stringify({ method: payment, ibanMasked: null, accountHolder: null, mandateReference: null, bankDetails: null }), tracking: null, updated_at: placedAt,
  }, lines.map((l, position) => ({
    company_id: companyId, order_id: id, position, sku: l.sku, name_de: `Artikel ${l.sku}`, name_en: `Item ${l.sku}`, unit: 'piece' as const, quantity: l.quantity,
    price_unit: 1, unit_amount: l.unit, net_amount: l.quantity * l.unit, tax_class: 'standard' as const, tax_rate: 1900, promised_delivery: null, reserved: '[]',
  })));
  if (payment === 'sepa_debit') await insertSepaMandate(t.db, { reference: `M-${number}`, company_id: companyId, order_id: id, account_holder: 'Elektro Müller GmbH', iban: 'DE89370400440532013000', signed_at: placedAt });
  return { id, number };
}

const at = (day: string) => `${day}T08:00:00.000Z`;

describe('reordering', () => {
  const clock = testClock('2026-05-18T09:00:00.000Z');
  let t: TestApp;
  let buyer: string;
  let admin: string;
  let schmidt: string;
  let a: string, b: string, c: string;
  let priceOf: (sku: string) => number;
  let priceAt: (sku: string, quantity: number) => number;
  let lastOrder: { id: string; number: string };
  before(async () => {
    t = await createTestApp({ now: clock.now, standingOrders: { scheduler: false }, reorder: { reminders: false } });
    buyer = await t.login('einkauf@elektro-mueller.de');
    admin = await t.login('anna.mueller@elektro-mueller.de');
    schmidt = await t.login('einkauf@schmidt-haustechnik.de');
    [a, b, c] = stockedProducts(t, 3).map((p) => p.sku) as [string, string, string];
    // The base list's tiered price at a quantity (these companies have no list of their own for these SKUs).
    // Müller's prices (its own list, tiered) as the catalogue answers them.
    const tiers = new Map<string, { minQuantity: number; price: { amount: number } }[]>();
    for (const sku of [a, b, c]) tiers.set(sku, (await send(buyer, 'GET', `/v1/products/${sku}`)).json().price.tiers);
    priceAt = (sku, quantity) => tiers.get(sku)!.filter((x) => x.minQuantity <= quantity).sort((x, y) => y.minQuantity - x.minQuantity)[0]!.price.amount;
    priceOf = (sku) => priceAt(sku, 1);
    // A every 6 weeks (three orders, the last 7 weeks ago: overdue), B twice (not predictable), C every 4 weeks, two weeks ago: on track.
    await pastOrder(t, 'cmp_mueller', at('2026-01-05'), [{ sku: a, quantity: 10, unit: priceOf(a) }]);
    await pastOrder(t, 'cmp_mueller', at('2026-02-16'), [{ sku: a, quantity: 10, unit: priceOf(a) }, { sku: b, quantity: 2, unit: priceOf(b) }]);
    await pastOrder(t, 'cmp_mueller', at('2026-03-30'), [{ sku: a, quantity: 12, unit: priceAt(a, 12) - 5 }, { sku: b, quantity: 2, unit: priceOf(b) }]);
    await pastOrder(t, 'cmp_mueller', at('2026-03-09'), [{ sku: c, quantity: 1, unit: priceOf(c) }]);
    await pastOrder(t, 'cmp_mueller', at('2026-04-06'), [{ sku: c, quantity: 1, unit: priceOf(c) }]);
    lastOrder = await pastOrder(t, 'cmp_mueller', at('2026-05-04'), [{ sku: c, quantity: 1, unit: priceOf(c) }]);
  });
  after(() => t.close());

  const send = (token: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown, headers: Record<string, string> = {}) =>
    t.app.inject({ method, url, headers: { ...auth(token), ...headers }, ...(payload === undefined ? {} : { payload: payload as object }) });
  const activeCart = async (token: string): Promise<Cart> => cartApi(t).create(token, {});

  describe('GET /v1/reorder/candidates', () => {
    it('computes each product\'s cadence from the company\'s orders, with today\'s price and its change', async () => {
      const res = await send(buyer, 'GET', '/v1/reorder/candidates');
      assert.equal(res.statusCode, 200, res.body);
      const body = z.parse(ReorderCandidatesSchema, res.json());
      const pa = body.products.find((p) => p.sku === a)!;
      assert.deepEqual([pa.orderCount, pa.lastQuantity, pa.lastOrderedAt, pa.cadence.bucket, pa.cadence.intervalDays, pa.cadence.daysSinceLast], [3, 12, at('2026-03-30'), 'overdue', 42, 49]);
      assert.deepEqual([pa.lastUnitPrice.amount, pa.today.unitPrice?.amount, pa.today.priceChange?.amount.amount], [priceAt(a, 12) - 5, priceAt(a, 12), 5]);
      assert.equal(pa.today.status, 'orderable');
      assert.match(pa.today.promisedDelivery ?? '', /^2026-05-\d\d$/);
      assert.equal(body.products.find((p) => p.sku === b)!.cadence.bucket, 'not_predictable');
      assert.equal(body.products.find((p) => p.sku === c)!.cadence.bucket, 'on_track');
      assert.deepEqual(body.due, [a]);
      assert.deepEqual(body.recentOrders.map((o) => o.number)[0], lastOrder.number);
      assert.deepEqual(body.products.map((p) => p.sku), [c, a, b], 'most orders first, then the latest');
    });

    it('reads only the caller\'s company: another company sees none of these orders', async () => {
      const res = await send(schmidt, 'GET', '/v1/reorder/candidates');
      assert.equal(res.statusCode, 200, res.body);
      const body = z.parse(ReorderCandidatesSchema, res.json());
      assert.deepEqual([body.recentOrders.length, body.products.length, body.due.length], [0, 0, 0]);
    });
  });

  describe('POST /v1/reorder', () => {
    it('merges an order into the current cart at its version, says what merged, and is done once per Idempotency-Key', async () => {
      const cart = await activeCart(buyer);
      const filled = await cartApi(t).changed(buyer, cart, [{ op: 'add', sku: a, quantity: 3 }]);
      const source = (await send(buyer, 'GET', '/v1/reorder/candidates')).json().recentOrders.find((o: { lines: { sku: string }[] }) => o.lines.some((l) => l.sku === a));
      const key = randomUUID();
      const body = { source: { kind: 'order', orderId: source.orderId }, target: { kind: 'cart', cartId: filled.id, version: filled.version } };
      const res = await send(buyer, 'POST', '/v1/reorder', body, { 'idempotency-key': key });
      assert.equal(res.statusCode, 200, res.body);
      const result = z.parse(ReorderResultSchema, res.json());
      const la = result.lines.find((l) => l.sku === a)!;
      assert.deepEqual([la.outcome, la.quantity, la.cartQuantity], ['merged', 12, 15]);
      // Today's price at the quantity the cart line ends with (15), against the one paid for 12.
      assert.deepEqual(la.repriced, { before: { amount: priceAt(a, 12) - 5, currency: 'EUR' }, after: { amount: priceAt(a, 15), currency: 'EUR' } });
      assert.equal(result.lines.find((l) => l.sku === b)!.outcome, 'added');
      assert.equal(result.cart!.version, filled.version + 1);
      assert.deepEqual((await cartApi(t).get(buyer, filled.id)).lines.map((l) => [l.sku, l.quantity]), [[a, 15], [b, 2]]);
      const again = await send(buyer, 'POST', '/v1/reorder', body, { 'idempotency-key': key });
      assert.equal(again.headers['idempotent-replayed'], 'true');
      assert.deepEqual((await cartApi(t).get(buyer, filled.id)).lines.map((l) => [l.sku, l.quantity]), [[a, 15], [b, 2]]);
    });

    it('answers 409 with the current cart for a stale version, and changes nothing', async () => {
      const cart = await activeCart(buyer);
      const res = await send(buyer, 'POST', '/v1/reorder', { source: { kind: 'lines', lines: [{ sku: a, quantity: 1 }] }, target: { kind: 'cart', cartId: cart.id, version: cart.version + 3 } });
      assert.equal(res.statusCode, 409, res.body);
      assert.equal(z.parse(CartSchema, res.json().details.cart).lines.length, 0);
    });

    it('replaces a discontinued product by its successor and puts a line that is short into the cart with the day it comes', async () => {
      const old = pick(t).discontinued();
      // In stock, and procurable beyond it (a lead time): more than the stock comes later, on a known day.
      const late = pick(t).simple().find((p) => p.leadTimeDays !== null && p.quantityRules.min === 1 && ![a, b, c].includes(p.sku))!;
      const stock = t.world.stock.filter((s) => s.sku === late.sku).reduce((sum, s) => sum + s.onHand - s.reserved, 0);
      const res = await send(buyer, 'POST', '/v1/reorder', {
        source: { kind: 'lines', lines: [{ sku: old.sku, quantity: 1 }, { sku: late.sku, quantity: stock + 500 }] },
        target: { kind: 'new_cart', name: 'Nachbestellung Test' },
      });
      assert.equal(res.statusCode, 200, res.body);
      const result = z.parse(ReorderResultSchema, res.json());
      assert.deepEqual([result.lines[0]!.outcome, result.lines[0]!.replacedBy], ['added', old.replacementSku]);
      const short = result.lines[1]!;
      assert.deepEqual([short.outcome, short.quantity], ['later', stock + 500]);
      assert.match(short.availableOn ?? '', /^\d{4}-\d\d-\d\d$/);
      assert.equal(result.cart!.name, 'Nachbestellung Test');
      assert.equal(result.cart!.active, false);
      assert.ok((await cartApi(t).get(buyer, result.cart!.id)).lines.some((l) => l.sku === old.replacementSku));
    });

    it('orders straight away with the last order\'s delivery and payment, through the checkout\'s placement, once per key', async () => {
      const sepa = await pastOrder(t, 'cmp_mueller', at('2026-05-10'), [{ sku: c, quantity: 2, unit: priceOf(c) }], 'sepa_debit');
      const key = randomUUID();
      const body = { source: { kind: 'order', orderId: sepa.id }, target: { kind: 'order' } };
      const res = await send(buyer, 'POST', '/v1/reorder', body, { 'idempotency-key': key });
      assert.equal(res.statusCode, 200, res.body);
      const result = z.parse(ReorderResultSchema, res.json());
      assert.equal(result.order!.paymentMethod, 'sepa_debit');
      const placed = z.parse(OrderSchema, (await send(buyer, 'GET', `/v1/orders/${result.order!.id}`)).json());
      assert.equal(placed.number, result.order!.number);
      assert.equal(placed.payment.ibanMasked?.replace(/\s/g, '').endsWith('3000'), true);
      assert.equal(placed.deliveryAddress.city, 'Hamburg');
      assert.equal(placed.costCenter, 'KST-7');
      assert.deepEqual(placed.lines.map((l) => [l.sku, l.quantity]), [[c, 2]]);
      await send(buyer, 'POST', '/v1/reorder', body, { 'idempotency-key': key });
      const count = await t.db.selectFrom('orders').select((eb) => eb.fn.countAll<number>().as('n')).where('cart_id', '=', sepa.id).executeTakeFirstOrThrow();
      assert.equal(Number(count.n), 1);
    });

    it('answers 404 for a reorder of another company\'s order, in every target', async () => {
      const theirs = await pastOrder(t, 'cmp_schmidt', at('2026-05-01'), [{ sku: a, quantity: 1, unit: priceOf(a) }]);
      const cart = await activeCart(buyer);
      for (const target of [{ kind: 'cart', cartId: cart.id, version: cart.version }, { kind: 'new_cart' }, { kind: 'order' }]) {
        const res = await send(buyer, 'POST', '/v1/reorder', { source: { kind: 'order', orderId: theirs.id }, target });
        assert.equal(res.statusCode, 404, `${target.kind}: ${res.body}`);
        assert.equal(res.json().code, 'not_found');
      }
      const schmidtCart = await activeCart(schmidt);
      const res = await send(buyer, 'POST', '/v1/reorder', { source: { kind: 'lines', lines: [{ sku: a, quantity: 1 }] }, target: { kind: 'cart', cartId: schmidtCart.id, version: 0 } });
      assert.equal(res.statusCode, 404, res.body);
    });

    it('refuses a position the order does not have, at its path', async () => {
      const res = await send(buyer, 'POST', '/v1/reorder', { source: { kind: 'order', orderId: lastOrder.id, positions: [0, 7] }, target: { kind: 'new_cart' } });
      assert.equal(res.statusCode, 422, res.body);
      assert.deepEqual(res.json().issues[0].path, ['source', 'positions', 1]);
      assert.equal(res.json().issues[0].code, 'not_in_order');
    });
  });

  describe('reminders', () => {
    it('are off until an admin turns them on against the version; buyers may not', async () => {
      assert.deepEqual(z.parse(ReorderSettingsSchema, (await send(buyer, 'GET', '/v1/reorder/settings')).json()), { reminders: false, version: 0 });
      assert.equal((await send(buyer, 'PUT', '/v1/reorder/settings', { reminders: true, version: 0 })).statusCode, 403);
      const on = await send(admin, 'PUT', '/v1/reorder/settings', { reminders: true, version: 0 });
      assert.equal(on.statusCode, 200, on.body);
      assert.deepEqual(on.json(), { reminders: true, version: 1 });
      const stale = await send(admin, 'PUT', '/v1/reorder/settings', { reminders: false, version: 0 });
      assert.equal(stale.statusCode, 409);
      assert.deepEqual(stale.json().details.settings, { reminders: true, version: 1 });
    });

    it('mail the due products exactly once per due cycle, with a link into a prepared cart that works once', async () => {
      // (reminders are on from the test before)
      const first = await t.app.reorderReminders.runOnce();
      assert.deepEqual(first, { mails: 1, products: 1 });
      assert.deepEqual(await t.app.reorderReminders.runOnce(), { mails: 0, products: 0 });
      clock.set('2026-05-25T09:00:00.000Z');
      assert.deepEqual(await t.app.reorderReminders.runOnce(), { mails: 0, products: 0 }, 'still the same cycle');
      const events = await t.db.selectFrom('outbox_events').selectAll().where('type', '=', 'reorder.reminder').execute();
      assert.equal(events.length, 1);

      // The mail, as the outbox worker sends it, with the admin's own link.
      const transport = memoryTransport();
      const mailer = withReorderMails(createOrderMailer({ db: t.db, transports: [transport] }), { db: t.db, transports: [transport], linkUrl: (id) => reorderLinkUrl(DEFAULT_PUBLIC_URL, TEST_JWT_SECRET, id) });
      await mailer.deliver({ ...(JSON.parse(JSON.stringify({ id: events[0]!.id, type: events[0]!.type })) as object), companyId: 'cmp_mueller', data: JSON.parse(events[0]!.payload) } as never);
      assert.equal(transport.mails.length, 1);
      const mail = transport.mails[0]!;
      assert.match(mail.subject, /Zeit zum Nachbestellen: 1 Artikel/);
      assert.match(mail.text, /Üblicherweise alle 6 Wochen — zuletzt bestellt vor 7 Wochen/);
      assert.ok(mail.text.includes(a));
      const url = new URL(/https?:\/\/\S+\/v1\/reorder-links\/[^\s?]+\?lang=de/.exec(mail.text)![0]);

      const look = await t.app.inject({ method: 'GET', url: url.pathname + url.search });
      assert.equal(look.statusCode, 200);
      assert.match(look.body, /Warenkorb vorbereiten/);
      assert.equal(look.headers['cache-control'], 'no-store');
      const used = await t.app.inject({ method: 'POST', url: url.pathname + url.search, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: '' });
      assert.equal(used.statusCode, 200);
      assert.match(used.body, /ist vorbereitet/);
      const twice = await t.app.inject({ method: 'POST', url: url.pathname + url.search, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: '' });
      assert.match(twice.body, /schon benutzt/);
      const carts = await t.db.selectFrom('carts').selectAll().where('owner_user_id', '=', 'usr_mueller2').where('name', 'like', 'Nachbestellung%').execute();
      assert.equal(carts.length, 1, 'one cart, not two');
      const lines = await t.db.selectFrom('cart_lines').selectAll().where('cart_id', '=', carts[0]!.id).execute();
      assert.deepEqual(lines.map((l) => [l.sku, Number(l.quantity)]), [[a, 12]]);

      const forged = await t.app.inject({ method: 'GET', url: `/v1/reorder-links/${reorderLinkToken('another-secret-another-secret-000000', 'AAAAAAAAAAAAAAAAAAAAAA')}` });
      assert.match(forged.body, /not valid/);

      // A new order of the product starts a new cycle: reminded again once it is due again.
      await pastOrder(t, 'cmp_mueller', at('2026-05-20'), [{ sku: a, quantity: 12, unit: priceOf(a) }]);
      assert.deepEqual(await t.app.reorderReminders.runOnce(), { mails: 0, products: 0 }, 'on track after the new order');
      clock.set('2026-07-02T09:00:00.000Z');
      // A in its new cycle, and C (last ordered straight from the reorder above, on 18 May) is due too:
      // one mail with both, also when two processes run the pass at the same moment.
      const deps = { db: t.db, jwtSecret: TEST_JWT_SECRET, now: clock.now, deliveryHorizonDays: 365 };
      const passes = await Promise.all([runReorderReminders(deps), runReorderReminders(deps)]);
      assert.deepEqual([passes[0]!.mails + passes[1]!.mails, passes[0]!.products + passes[1]!.products], [1, 2]);
      const cycles = await t.db.selectFrom('reorder_reminders').select(['sku', 'cycle']).where('company_id', '=', 'cmp_mueller').where('sku', '=', a).execute();
      assert.equal(cycles.length, 2);
      assert.deepEqual(await t.app.reorderReminders.runOnce(), { mails: 0, products: 0 });
    });

    it('expire: a link past its time prepares nothing', async () => {
      const [link] = await t.db.selectFrom('reorder_links').selectAll().where('used_at', 'is', null).execute();
      assert.ok(link);
      clock.set(new Date(Date.parse(link.expires_at) + 1000).toISOString());
      const res = await t.app.inject({ method: 'POST', url: `/v1/reorder-links/${reorderLinkToken(TEST_JWT_SECRET, link.id)}?lang=en`, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: '' });
      assert.match(res.body, /has expired/);
      const row = await t.db.selectFrom('reorder_links').select('used_at').where('id', '=', link.id).executeTakeFirstOrThrow();
      assert.equal(row.used_at, null);
    });
  });
});
