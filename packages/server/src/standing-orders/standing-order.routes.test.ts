import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import {
  addDays,
  ErpDueRunPageSchema,
  OrderSchema,
  SchedulePreviewSchema,
  StandingOrderActionResultSchema,
  StandingOrderFeedSchema,
  StandingOrderRunPageSchema,
  StandingOrderViewPageSchema,
  StandingOrderViewSchema,
  UpcomingRunListSchema,
  type Cart,
} from '@kontor/core';
import * as z from 'zod/mini';
import { DEMO_ERP_KEY } from '../seed/world.js';
import { cartApi, pick } from '../testing/cart-helpers.js';
import { auth, createTestApp, TEST_JWT_SECRET, type TestApp } from '../testing/test-app.js';
import { linkToken } from './links.js';
import { everyTwoMonths, runsOf, standingOrderApi, stockedProducts, testClock } from './testing/helpers.js';

const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describe('the standing-order API', () => {
  const clock = testClock('2026-01-10T09:00:00.000Z');
  let t: TestApp;
  let buyer: string;
  let admin: string;
  let schmidt: string;
  before(async () => {
    t = await createTestApp({ now: clock.now, standingOrders: { scheduler: false } });
    buyer = await t.login('einkauf@elektro-mueller.de');
    admin = await t.login('anna.mueller@elektro-mueller.de');
    schmidt = await t.login('einkauf@schmidt-haustechnik.de');
  });
  after(() => t.close());

  const api = () => standingOrderApi(t);
  const base = () => {
    const [a, b] = stockedProducts(t, 2);
    return {
      name: 'Leuchtmittel',
      lines: [{ sku: a!.sku, quantity: 3 }, { sku: b!.sku, quantity: 1 }],
      deliveryAddress: { addressId: 'adr_muellerHq' },
      payment: { method: 'invoice' as const },
      schedule: everyTwoMonths(),
    };
  };
  const count = async () => Number((await t.db.selectFrom('standing_orders').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

  describe('POST /v1/standing-orders', () => {
    it('sets one up with its next run, answered in the API shape, once per Idempotency-Key', async () => {
      const key = randomUUID();
      const first = await api().send(buyer, 'POST', '/v1/standing-orders', base(), { 'idempotency-key': key });
      assert.equal(first.statusCode, 201, first.body);
      const so = z.parse(StandingOrderViewSchema, first.json());
      assert.deepEqual([so.status, so.version, so.reminderDays, so.warehouseId, so.schedule.timeZone], ['active', 0, 3, 'wh_hamburg', 'Europe/Berlin']);
      assert.deepEqual([so.nextRun?.key, so.nextRun?.day, so.nextRun?.moved?.closed[0]?.reason], ['2026-03-01', '2026-03-02', 'weekend']);
      assert.equal(so.schedule.rrule, 'DTSTART;VALUE=DATE:20260301\nRRULE:FREQ=MONTHLY;INTERVAL=2;BYMONTHDAY=1');
      const before = await count();
      const again = await api().send(buyer, 'POST', '/v1/standing-orders', base(), { 'idempotency-key': key });
      assert.equal(again.statusCode, 201);
      assert.equal(again.headers['idempotent-replayed'], 'true');
      assert.equal(again.json().id, so.id);
      assert.equal(await count(), before);
    });

    it('takes the lines of a cart and the company default address from the cart', async () => {
      const carts = cartApi(t);
      const [a] = stockedProducts(t, 1);
      let cart: Cart = await carts.create(buyer);
      cart = await carts.changed(buyer, cart, [{ op: 'add', sku: a!.sku, quantity: 5 }]);
      const so = await api().create(buyer, { from: { kind: 'cart', cartId: cart.id }, payment: { method: 'prepayment' }, schedule: everyTwoMonths() });
      assert.deepEqual(so.lines, [{ sku: a!.sku, quantity: 5 }]);
      assert.equal(so.deliveryAddress.addressId, 'adr_muellerHq');
      // The cart stays as it is.
      assert.equal((await carts.get(buyer, cart.id)).lines.length, 1);
    });

    it('takes lines, address and payment of a past order; a direct debit keeps its mandate account, only masked in the answer', async () => {
      const carts = cartApi(t);
      const [a] = stockedProducts(t, 1);
      let cart: Cart = await carts.create(buyer);
      cart = await carts.changed(buyer, cart, [{ op: 'add', sku: a!.sku, quantity: 2 }]);
      const placed = await t.app.inject({
        method: 'POST', url: '/v1/orders', headers: { ...auth(buyer), 'idempotency-key': randomUUID() },
        payload: {
          cartId: cart.id, cartVersion: cart.version, expectedGross: cart.totals.gross, deliveryAddress: { addressId: 'adr_muellerSite' },
          payment: { method: 'sepa_debit', accountHolder: 'Elektro Müller GmbH', iban: 'DE89 3704 0044 0532 0130 00', mandateAccepted: true },
        },
      });
      assert.equal(placed.statusCode, 201, placed.body);
      const order = z.parse(OrderSchema, placed.json());
      const so = await api().create(buyer, { from: { kind: 'order', orderId: order.id }, schedule: everyTwoMonths() });
      assert.deepEqual(so.lines, [{ sku: a!.sku, quantity: 2 }]);
      assert.equal(so.deliveryAddress.address.city, 'München');
      assert.deepEqual(so.payment, { method: 'sepa_debit', accountHolder: 'Elektro Müller GmbH', ibanMasked: order.payment.ibanMasked });
      const row = await t.db.selectFrom('standing_orders').select(['sepa_ibans', 'data']).where('id', '=', so.id).executeTakeFirstOrThrow();
      assert.deepEqual(JSON.parse(row.sepa_ibans!), { '*': 'DE89370400440532013000' });
      assert.ok(!row.data.includes('DE89370400440532013000'), 'the full IBAN stays out of the standing order itself');
      // Another company's order is a 404.
      const other = await api().send(schmidt, 'POST', '/v1/standing-orders', { from: { kind: 'order', orderId: order.id }, schedule: everyTwoMonths() }, { 'idempotency-key': randomUUID() });
      assert.equal(other.statusCode, 404);
    });

    it('refuses bad input with typed errors in the caller’s language and changes nothing', async () => {
      const before = await count();
      const cases: [string, Record<string, unknown>, number, (string | number)[], string][] = [
        ['interval 0', { schedule: { form: { ...everyTwoMonths().form, interval: 0 } } }, 400, ['schedule', 'form', 'interval'], 'too_small'],
        ['an end before the start', { schedule: { form: { ...everyTwoMonths().form, end: { kind: 'until', until: '2026-02-01' } } } }, 400, ['schedule', 'form', 'end', 'until'], 'end_before_start'],
        ['the 30th of February', { schedule: { rrule: 'DTSTART;VALUE=DATE:20260101\nRRULE:FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30' } }, 400, ['schedule', 'rrule'], 'rrule_never'],
        ['a first day 30 February', { schedule: { rrule: 'DTSTART;VALUE=DATE:20260230\nRRULE:FREQ=MONTHLY' } }, 400, ['schedule', 'rrule'], 'rrule_value'],
        ['an unknown SKU', { lines: [{ sku: 'LM-99999', quantity: 1 }] }, 422, ['lines', 0, 'sku'], 'unknown_sku'],
        ['another company’s article', { lines: [{ sku: pick(t).restricted().sku, quantity: 1 }] }, 422, ['lines', 0, 'sku'], 'unknown_sku'],
        ['fixed prices past their end', { priceMode: { kind: 'fixed', validUntil: '2026-01-09', offerId: null, prices: base().lines.map((l) => ({ sku: l.sku, unitPrice: { amount: 100, currency: 'EUR' } })) } }, 422, ['priceMode', 'validUntil'], 'fixed_price_expired'],
        ['no lines and nothing to take them from', { lines: undefined }, 400, ['lines'], 'lines_required'],
      ];
      for (const [what, change, status, path, code] of cases) {
        const res = await api().send(buyer, 'POST', '/v1/standing-orders', { ...base(), ...change }, { 'idempotency-key': randomUUID(), 'accept-language': 'de' });
        assert.equal(res.statusCode, status, `${what}: ${res.body}`);
        const body = res.json() as { code: string; issues: { path: (string | number)[]; code: string; message: string }[] };
        assert.equal(body.code, 'validation', what);
        assert.deepEqual([body.issues[0]!.path, body.issues[0]!.code], [path, code], what);
      }
      const never = await api().send(buyer, 'POST', '/v1/standing-orders', { ...base(), ...cases[2]![1] }, { 'accept-language': 'de' });
      assert.equal(never.json().issues[0].message, 'Dieser Rhythmus trifft nie auf einen Tag (z. B. den 30. Februar).');
      assert.equal(await count(), before);
    });
  });

  describe('reading', () => {
    it('lists the company’s standing orders newest first, cursor-paged; another company’s is a 404 everywhere', async () => {
      clock.set('2026-01-10T09:00:30.000Z');
      const a = await api().create(buyer, base());
      clock.set('2026-01-10T09:01:00.000Z');
      const b = await api().create(buyer, base());
      const page = z.parse(StandingOrderViewPageSchema, (await api().send(buyer, 'GET', '/v1/standing-orders?limit=1')).json());
      assert.equal(page.items[0]!.id, b.id);
      const next = z.parse(StandingOrderViewPageSchema, (await api().send(buyer, 'GET', `/v1/standing-orders?limit=1&cursor=${page.nextCursor}`)).json());
      assert.equal(next.items[0]!.id, a.id);
      const theirs = z.parse(StandingOrderViewPageSchema, (await api().send(schmidt, 'GET', '/v1/standing-orders')).json());
      assert.deepEqual(theirs.items, []);
      for (const [method, url, payload] of [
        ['GET', `/v1/standing-orders/${a.id}`, undefined],
        ['GET', `/v1/standing-orders/${a.id}/runs`, undefined],
        ['GET', `/v1/standing-orders/${a.id}/upcoming`, undefined],
        ['PATCH', `/v1/standing-orders/${a.id}`, { version: 0, scope: 'from_next_run', set: { shortage: 'hold_run' } }],
        ['POST', `/v1/standing-orders/${a.id}/actions`, { version: 0, action: 'cancel' }],
      ] as const) {
        const res = await api().send(schmidt, method, url, payload);
        assert.equal(res.statusCode, 404, `${method} ${url}`);
      }
      assert.equal((await api().get(buyer, a.id)).status, 'active');
    });

    it('previews a schedule: moves with their reasons and holiday names, the summary in de and en, the form or null', async () => {
      const res = await api().send(buyer, 'POST', '/v1/standing-orders/preview', { schedule: everyTwoMonths(), limit: 6 }, { 'accept-language': 'de' });
      assert.equal(res.statusCode, 200, res.body);
      const preview = z.parse(SchedulePreviewSchema, res.json());
      assert.equal(preview.summary, 'alle 2 Monate am 1. Werktag um 06:00 Uhr, bis auf Weiteres');
      assert.deepEqual(preview.form, everyTwoMonths().form);
      assert.deepEqual(preview.occurrences.map((o) => [o.key, o.day]), [
        ['2026-03-01', '2026-03-02'], ['2026-05-01', '2026-05-04'], ['2026-07-01', '2026-07-01'], ['2026-09-01', '2026-09-01'], ['2026-11-01', '2026-11-02'], ['2027-01-01', '2027-01-04'],
      ]);
      assert.deepEqual(preview.occurrences[1]!.moved?.closed.map((c) => c.holiday), ['Maifeiertag', null, null]);
      assert.equal(preview.occurrences[5]!.moved?.closed[0]?.holiday, 'Neujahr');
      const en = z.parse(SchedulePreviewSchema, (await api().send(buyer, 'POST', '/v1/standing-orders/preview', { schedule: { rrule: 'DTSTART;VALUE=DATE:20260105\nRRULE:FREQ=YEARLY;BYWEEKNO=20;BYDAY=MO' } }, { 'accept-language': 'en' })).json());
      assert.equal(en.form, null);
      assert.match(en.summary, /^by the rule FREQ=YEARLY;BYWEEKNO=20;BYDAY=MO/);
    });
  });

  describe('changes', () => {
    it('changes every run from the next on, or one run only', async () => {
      const so = await api().create(buyer, base());
      const res = await api().update(buyer, so.id, { version: 0, scope: 'from_next_run', set: { shortage: 'omit_line', reminderDays: 5, purchaseOrderPattern: 'DA-{n}' } });
      assert.equal(res.statusCode, 200, res.body);
      const changed = z.parse(StandingOrderViewSchema, res.json());
      assert.deepEqual([changed.version, changed.shortage, changed.reminderDays, changed.purchaseOrderPattern], [1, 'omit_line', 5, 'DA-{n}']);
      const [a] = stockedProducts(t, 1);
      const one = await api().update(buyer, so.id, { version: 1, scope: 'one_run', occurrence: '2026-05-01', set: { lines: [{ sku: a!.sku, quantity: 9 }], day: '2026-05-05' } });
      assert.equal(one.statusCode, 200, one.body);
      const upcoming = z.parse(UpcomingRunListSchema, (await api().send(buyer, 'GET', `/v1/standing-orders/${so.id}/upcoming?limit=3`)).json());
      assert.deepEqual(upcoming.items.map((u) => [u.occurrence.key, u.occurrence.day, u.override?.lines?.[0]?.quantity ?? null]), [
        ['2026-03-01', '2026-03-02', null], ['2026-05-01', '2026-05-05', 9], ['2026-07-01', '2026-07-01', null],
      ]);
    });

    it('refuses a stale version with a 409 and the current state, and any change of a cancelled standing order', async () => {
      const so = await api().create(buyer, base());
      assert.equal((await api().act(buyer, so.id, { version: 0, action: 'skip', occurrence: '2026-03-01' })).statusCode, 200);
      const stale = await api().update(buyer, so.id, { version: 0, scope: 'from_next_run', set: { shortage: 'hold_run' } });
      assert.equal(stale.statusCode, 409);
      assert.equal(stale.json().details.reason, 'stale');
      assert.equal(z.parse(StandingOrderViewSchema, stale.json().details.standingOrder).version, 1);
      assert.equal((await api().act(buyer, so.id, { version: 1, action: 'cancel' })).statusCode, 200);
      const before = await t.db.selectFrom('standing_orders').select(['data', 'version']).where('id', '=', so.id).executeTakeFirstOrThrow();
      for (const attempt of [
        () => api().update(buyer, so.id, { version: 2, scope: 'from_next_run', set: { shortage: 'hold_run' } }),
        () => api().act(buyer, so.id, { version: 2, action: 'resume' }),
        () => api().act(buyer, so.id, { version: 2, action: 'order_now' }),
      ]) {
        const res = await attempt();
        assert.equal(res.statusCode, 409, res.body);
        assert.equal(res.json().details.reason, 'cancelled');
      }
      assert.deepEqual(await t.db.selectFrom('standing_orders').select(['data', 'version']).where('id', '=', so.id).executeTakeFirstOrThrow(), before);
    });

    it('pauses until a day, skips and unskips an occurrence, resumes', async () => {
      const so = await api().create(buyer, base());
      const upcoming = async () => z.parse(UpcomingRunListSchema, (await api().send(buyer, 'GET', `/v1/standing-orders/${so.id}/upcoming?limit=4`)).json()).items.map((u) => [u.occurrence.key, u.status]);
      assert.equal((await api().act(buyer, so.id, { version: 0, action: 'skip', occurrence: '2026-03-01' })).statusCode, 200);
      const paused = z.parse(StandingOrderActionResultSchema, (await api().act(buyer, so.id, { version: 1, action: 'pause', until: '2026-06-01' })).json());
      assert.deepEqual([paused.standingOrder.status, paused.standingOrder.pausedUntil, paused.standingOrder.nextRun?.key, paused.run], ['paused', '2026-06-01', '2026-07-01', null]);
      assert.deepEqual(await upcoming(), [['2026-03-01', 'skipped'], ['2026-05-01', 'paused'], ['2026-07-01', 'scheduled'], ['2026-09-01', 'scheduled']]);
      // Each scheduled run says when its order would arrive (stocked lines: a business day after
      // the run day, within a week); skipped and paused ones do not.
      const arrivals = z.parse(UpcomingRunListSchema, (await api().send(buyer, 'GET', `/v1/standing-orders/${so.id}/upcoming?limit=4`)).json()).items;
      assert.deepEqual(arrivals.slice(0, 2).map((u) => u.arrives), [null, null]);
      for (const u of arrivals.slice(2)) {
        assert.ok(u.arrives && u.arrives > u.occurrence.day && u.arrives <= addDays(u.occurrence.day, 7), `${u.occurrence.day} arrives ${u.arrives}`);
        assert.ok(![0, 6].includes(new Date(`${u.arrives}T12:00:00Z`).getUTCDay()), `${u.arrives} is a weekday`);
      }
      assert.equal((await api().act(buyer, so.id, { version: 2, action: 'unskip', occurrence: '2026-03-01' })).statusCode, 200);
      const resumed = z.parse(StandingOrderActionResultSchema, (await api().act(buyer, so.id, { version: 3, action: 'resume' })).json());
      assert.deepEqual([resumed.standingOrder.status, resumed.standingOrder.nextRun?.key], ['active', '2026-03-01']);
      const skipTwice = await api().act(buyer, so.id, { version: 4, action: 'unskip', occurrence: '2026-03-01' }, { 'accept-language': 'de' });
      assert.equal(skipTwice.statusCode, 422);
      assert.equal(skipTwice.json().issues[0].code, 'not_skipped');
    });

    it('orders now: the next run is placed at once, recorded as order_now, and the scheduler does not run it again', async () => {
      const so = await api().create(buyer, { ...base(), purchaseOrderPattern: 'DA-{yyyy}-{n}' });
      const key = randomUUID();
      const res = await api().act(buyer, so.id, { version: 0, action: 'order_now' }, { 'idempotency-key': key });
      assert.equal(res.statusCode, 200, res.body);
      const result = z.parse(StandingOrderActionResultSchema, res.json());
      assert.deepEqual([result.run?.occurrence, result.run?.kind, result.run?.status, result.run?.n, result.run?.purchaseOrderNumber], ['2026-03-01', 'order_now', 'placed', 1, 'DA-2026-1']);
      assert.equal(result.standingOrder.nextRun?.key, '2026-05-01');
      const order = await t.app.inject({ method: 'GET', url: `/v1/orders/${result.run!.orderId}`, headers: auth(buyer) });
      assert.equal(order.statusCode, 200);
      const replay = await api().act(buyer, so.id, { version: 0, action: 'order_now' }, { 'idempotency-key': key });
      assert.equal(replay.headers['idempotent-replayed'], 'true');
      clock.set('2026-03-02T06:00:00.000Z');
      await t.app.standingOrders.runOnce();
      clock.set('2026-01-10T09:02:00.000Z');
      assert.deepEqual((await runsOf(t, so.id)).map((r) => [r.occurrence, r.kind]), [['2026-03-01', 'order_now']]);
      const history = z.parse(StandingOrderRunPageSchema, (await api().send(buyer, 'GET', `/v1/standing-orders/${so.id}/runs`)).json());
      assert.deepEqual(history.items.map((r) => [r.occurrence, r.orderNumber]), [['2026-03-01', result.run!.orderNumber]]);
      // The list carries each one's newest run (null before the first), so it needs no request per row.
      const other = await api().create(buyer, base());
      const list = z.parse(StandingOrderViewPageSchema, (await api().send(buyer, 'GET', '/v1/standing-orders?limit=100')).json());
      assert.deepEqual(list.items.find((i) => i.id === so.id)!.lastRun, history.items[0]);
      assert.equal(list.items.find((i) => i.id === other.id)!.lastRun, null);
    });
  });

  describe('the calendar feed', () => {
    it('answers the coming deliveries as ICS at a secret URL; an admin rotates it, the old URL is a 404, a buyer may not', async () => {
      await api().create(buyer, { ...base(), name: 'Feed; Test, Lager' });
      const feed = z.parse(StandingOrderFeedSchema, (await api().send(buyer, 'GET', '/v1/standing-orders/feed')).json());
      assert.match(feed.url, /^http:\/\/127\.0\.0\.1:8787\/v1\/standing-orders\/feed\/[A-Za-z0-9_-]{32}\.ics$/);
      assert.equal(z.parse(StandingOrderFeedSchema, (await api().send(admin, 'GET', '/v1/standing-orders/feed')).json()).url, feed.url, 'the same URL for the company');
      const path = new URL(feed.url).pathname;
      const ics = await t.app.inject({ method: 'GET', url: path });
      assert.equal(ics.statusCode, 200);
      assert.match(ics.headers['content-type'] as string, /^text\/calendar/);
      assert.match(ics.body, /^BEGIN:VCALENDAR\r\n/);
      assert.match(ics.body, /SUMMARY:Lieferung Dauerauftrag Feed\\; Test\\, Lager\r\n/);
      // The first real run (2 March 2026), delivered a business day later: no event for 1 March, which is no run.
      assert.match(ics.body, /DTSTART;VALUE=DATE:20260303\r\n/);
      assert.ok(!ics.body.includes('DTSTART;VALUE=DATE:20260301'));
      assert.equal((await api().send(buyer, 'POST', '/v1/standing-orders/feed/rotate')).statusCode, 403);
      const rotated = z.parse(StandingOrderFeedSchema, (await api().send(admin, 'POST', '/v1/standing-orders/feed/rotate')).json());
      assert.notEqual(rotated.url, feed.url);
      assert.equal((await t.app.inject({ method: 'GET', url: path })).statusCode, 404);
      assert.equal((await t.app.inject({ method: 'GET', url: new URL(rotated.url).pathname })).statusCode, 200);
    });
  });

  describe('the ERP', () => {
    it('lists due runs across companies with the ERP key; a buyer may not', async () => {
      const so = await api().create(buyer, base());
      const res = await t.app.inject({ method: 'GET', url: '/v1/erp/standing-orders/due-runs?until=2026-03-31', headers: auth(DEMO_ERP_KEY) });
      assert.equal(res.statusCode, 200, res.body);
      const page = z.parse(ErpDueRunPageSchema, res.json());
      const mine = page.items.find((i) => i.standingOrderId === so.id)!;
      assert.deepEqual([mine.company.customerNumber, mine.occurrence.day, mine.warehouseId, mine.lines], ['K-10001', '2026-03-02', 'wh_hamburg', so.lines]);
      assert.equal((await t.app.inject({ method: 'GET', url: '/v1/erp/standing-orders/due-runs', headers: auth(buyer) })).statusCode, 403);
    });
  });

  describe('one-click links', () => {
    it('show what they do without doing it, do it once on POST, and answer a used, expired or forged link with a page that changes nothing', async () => {
      clock.set('2026-02-27T06:00:00.000Z');
      const token = await t.login('einkauf@elektro-mueller.de');
      const so = await api().create(token, base());
      // The first run is in less than three days: its reminder is due at once.
      const result = await t.app.standingOrders.runOnce();
      assert.ok(result.reminders >= 1);
      const links = await t.db.selectFrom('standing_order_links').selectAll().where('standing_order_id', '=', so.id).execute();
      assert.deepEqual(links.map((l) => [l.occurrence, l.action]).sort(), [['2026-03-01', 'pause'], ['2026-03-01', 'skip']]);
      const url = (action: string) => `/v1/standing-order-links/${linkToken(TEST_JWT_SECRET, links.find((l) => l.action === action)!.id)}?lang=en`;
      const post = (u: string) => t.app.inject({ method: 'POST', url: u, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: '' });

      const page = await t.app.inject({ method: 'GET', url: url('pause') });
      assert.match(plain(page.body), /Pause the standing order “Leuchtmittel”\?/);
      assert.equal((await api().get(token, so.id)).status, 'active');
      assert.match(plain((await post(url('pause'))).body), /is paused/);
      assert.equal((await api().get(token, so.id)).status, 'paused');
      assert.match(plain((await post(url('pause'))).body), /was used already/);
      assert.match((await t.app.inject({ method: 'GET', url: url('pause').replace(/\.[^.?]+\?/, '.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA?') })).body, /not valid/);
      // After the run's instant the skip link has expired.
      clock.set('2026-03-02T06:00:00.000Z');
      const expired = await post(url('skip'));
      assert.equal(expired.statusCode, 200);
      assert.match(plain(expired.body), /has expired/);
      assert.deepEqual((await api().get(await t.login('einkauf@elektro-mueller.de'), so.id)).skipped, []);
      clock.set('2026-01-10T09:03:00.000Z');
    });
  });

  it('describes the standing-order routes in /openapi.json', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/openapi.json' })).json() as { paths: Record<string, Record<string, { operationId: string; responses: Record<string, { content?: Record<string, unknown> }> }>> };
    assert.equal(doc.paths['/v1/standing-orders']!.post!.operationId, 'createStandingOrder');
    assert.ok(doc.paths['/v1/standing-orders/feed/{secret}.ics']!.get!.responses['200']!.content!['text/calendar']);
    assert.ok(doc.paths['/v1/erp/standing-orders/due-runs']!.get);
  });
});
