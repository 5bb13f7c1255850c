import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { nextDueAt } from '../db/standing-order.queries.js';
import { openDatabase } from '../db/database.js';
import type { MailMessage } from '../mail/transports.js';
import { createTestApp, type TestApp } from '../testing/test-app.js';
import { createStandingOrderScheduler } from './scheduler.js';
import { everyTwoMonths, memoryTransport, outboxOf, runsOf, standingOrderApi, stockedProducts, testClock } from './testing/helpers.js';

const SELLER = 'vertrieb@hansen.example';
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

/**
 * Issue 10's "done when" on the server: "every 2 months until further notice" from March 2026,
 * two years on an injected clock, the scheduler woken at each next due instant. Hamburg's
 * calendar moves 1 March (Sunday) to the 2nd, 1 May (Maifeiertag) to 4 May, 1 January 2027
 * (Neujahr) to the 4th; the buyer skips July 2026 by the reminder's link, pauses from October
 * to February (November and January do not run), the May 2027 run fails on the credit limit,
 * and July 2027 crashes once between claim and placement.
 */
describe('the scheduler over two years of "every 2 months until further notice"', () => {
  const clock = testClock('2026-01-10T09:00:00.000Z');
  const transport = memoryTransport();
  let t: TestApp;
  let crashes = 0;
  before(async () => {
    t = await createTestApp({
      now: clock.now,
      mail: { transports: [transport] },
      outboxWorker: false,
      standingOrders: {
        scheduler: false,
        sellerEmail: SELLER,
        afterClaim: (_id, key) => {
          if (key === '2027-07-01' && crashes === 0) {
            crashes++;
            throw new Error('simulated crash between claim and placement');
          }
        },
      },
    });
  });
  after(() => t.close());

  it('places exactly the right orders, reminders and mails', async () => {
    const api = standingOrderApi(t);
    const outbox = outboxOf(t, transport, clock.now);
    const login = () => t.login('einkauf@elektro-mueller.de');
    const [a, b] = stockedProducts(t, 2);
    const created = await api.create(await login(), {
      name: 'Leuchtmittel Lager',
      lines: [{ sku: a!.sku, quantity: 4 }, { sku: b!.sku, quantity: 2 }],
      deliveryAddress: { addressId: 'adr_muellerHq' },
      payment: { method: 'invoice' },
      purchaseOrderPattern: 'DA-{yyyy}-{n:3}',
      schedule: everyTwoMonths(),
    });
    assert.equal(created.warehouseId, 'wh_hamburg');
    assert.deepEqual([created.nextRun?.key, created.nextRun?.day], ['2026-03-01', '2026-03-02']);

    const end = '2028-01-10T09:00:00.000Z';
    const actions: { at: string; run: () => Promise<void> }[] = [
      {
        at: '2026-10-01T08:00:00.000Z',
        run: async () => {
          const token = await login();
          const so = await api.get(token, created.id);
          const res = await api.act(token, created.id, { version: so.version, action: 'pause', until: '2027-02-01' });
          assert.equal(res.statusCode, 200, res.body);
        },
      },
      { at: '2027-04-20T08:00:00.000Z', run: async () => void (await t.db.updateTable('companies').set({ credit_limit: 0 }).where('id', '=', 'cmp_mueller').execute()) },
      { at: '2027-05-10T08:00:00.000Z', run: async () => void (await t.db.updateTable('companies').set({ credit_limit: 5_000_000 }).where('id', '=', 'cmp_mueller').execute()) },
    ];
    const wakes: string[] = [];
    const linkPages: { get: string; post: string; again: string } = { get: '', post: '', again: '' };
    let skippedByLink = false;
    for (let guard = 0; guard < 200; guard++) {
      const due = await nextDueAt(t.db);
      const next = actions[0];
      if (next && (!due || next.at <= due)) {
        clock.set(next.at);
        await next.run();
        actions.shift();
        continue;
      }
      if (!due || due > end) break;
      clock.set(due);
      wakes.push(due);
      await t.app.standingOrders.runOnce().catch((e: Error) => assert.match(e.message, /simulated crash/));
      await outbox.runOnce();
      // The reminder of the July 2026 run: skip it with its one-click link.
      const reminder = transport.mails.find((m) => m.subject.includes('01.07.2026') && m.subject.startsWith('Dauerauftrag'));
      if (reminder && !skippedByLink) {
        skippedByLink = true;
        const url = new URL(/https?:\/\/\S+\/v1\/standing-order-links\/[^\s?]+\?lang=de/.exec(reminder.text.split('\n').find((l) => l.startsWith('Diese Ausführung auslassen'))!)![0]);
        const path = url.pathname + url.search;
        const get = await t.app.inject({ method: 'GET', url: path });
        assert.equal(get.statusCode, 200);
        assert.match(get.headers['content-type'] as string, /text\/html/);
        linkPages.get = get.body;
        assert.deepEqual((await api.get(await login(), created.id)).skipped, [], 'looking at the link changes nothing');
        const post = await t.app.inject({ method: 'POST', url: path, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: '' });
        linkPages.post = post.body;
        const again = await t.app.inject({ method: 'POST', url: path, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: '' });
        linkPages.again = again.body;
      }
    }

    // Woken at each next due instant: the reminder 3 days before, then the run (06:00 Berlin).
    assert.deepEqual(wakes.slice(0, 4), ['2026-02-27T05:00:00.000Z', '2026-03-02T05:00:00.000Z', '2026-05-01T04:00:00.000Z', '2026-05-04T04:00:00.000Z']);
    assert.match(plain(linkPages.get), /Die Ausführung vom Mi\., 01\.07\.2026 des Dauerauftrags „Leuchtmittel Lager“ auslassen\?/);
    assert.match(linkPages.get, /<form method="post">/);
    assert.match(plain(linkPages.post), /wird ausgelassen/);
    assert.match(plain(linkPages.again), /schon benutzt/);
    assert.equal(crashes, 1);

    const runs = await runsOf(t, created.id);
    assert.deepEqual(
      runs.map((r) => [r.occurrence, r.day, r.status]),
      [
        ['2026-03-01', '2026-03-02', 'placed'],
        ['2026-05-01', '2026-05-04', 'placed'],
        ['2026-07-01', '2026-07-01', 'skipped'],
        ['2026-09-01', '2026-09-01', 'placed'],
        ['2027-03-01', '2027-03-01', 'placed'],
        ['2027-05-01', '2027-05-03', 'failed'],
        ['2027-07-01', '2027-07-01', 'placed'],
        ['2027-09-01', '2027-09-01', 'placed'],
        ['2027-11-01', '2027-11-01', 'placed'],
        ['2028-01-01', '2028-01-03', 'placed'],
      ],
    );
    const failed = runs.find((r) => r.status === 'failed')!;
    assert.equal(JSON.parse(failed.reason!).code, 'credit_limit');

    // One order per placed run, placed on its run day at 06:00 Berlin, with its PO number.
    const orders = await t.db.selectFrom('orders').select(['id', 'placed_at', 'po_number', 'cart_id']).where('cart_id', '=', created.id).orderBy('placed_at').execute();
    assert.equal(orders.length, 8);
    assert.deepEqual(orders.map((o) => o.id).sort(), runs.filter((r) => r.order_id).map((r) => r.order_id).sort());
    assert.deepEqual(orders.map((o) => o.po_number), ['DA-2026-001', 'DA-2026-002', 'DA-2026-003', 'DA-2027-004', 'DA-2027-005', 'DA-2027-006', 'DA-2027-007', 'DA-2028-008']);
    assert.equal(orders[1]!.placed_at, '2026-05-04T04:00:00.000Z', 'the Maifeiertag run on the next business day');
    assert.equal(orders[3]!.placed_at, '2027-03-01T05:00:00.000Z', 'November and January fell into the pause');

    // Mails: ten reminders (none for the paused runs), eight confirmations, the failure to the buyer and the seller.
    const subjects = transport.mails.map((m) => m.subject);
    const reminders = subjects.filter((s) => /^Dauerauftrag Leuchtmittel Lager: Bestellung am/.test(s));
    assert.equal(reminders.length, 10, subjects.join('\n'));
    assert.ok(!reminders.some((s) => s.includes('02.11.2026') || s.includes('04.01.2027')));
    assert.equal(subjects.filter((s) => s.startsWith('Bestellbestätigung')).length, 8);
    const failure = transport.mails.filter((m: MailMessage) => m.subject.includes('keine Bestellung am'));
    assert.deepEqual(failure.map((m) => m.to.join()).sort(), [SELLER, '"Einkauf Elektro Müller" <einkauf@elektro-mueller.de>'].sort());
    assert.match(plain(failure[0]!.text), /Kreditlimit|credit/i);
    assert.equal(transport.mails.length, 20);
    const may = transport.mails.find((m) => m.subject.includes('04.05.2026') && m.subject.startsWith('Dauerauftrag'))!;
    assert.match(plain(may.text), /verschoben vom Fr\., 01\.05\.2026 \(Maifeiertag, Wochenende\) auf Mo\., 04\.05\.2026/);
    assert.match(may.text, /Voraussichtliche Lieferung:/);
  });
});

describe('the scheduler after downtime', () => {
  const clock = testClock('2026-02-02T08:00:00.000Z');
  let t: TestApp;
  before(async () => {
    t = await createTestApp({ now: clock.now, standingOrders: { scheduler: false } });
  });
  after(() => t.close());

  const weekly = { form: { every: 'week' as const, interval: 1, weekdays: ['MO' as const, 'WE' as const], start: '2026-02-02', end: { kind: 'none' as const } }, time: '06:00' };

  it('runs missed occurrences late under catch-up "run" and records them as missed under "skip"', async () => {
    const api = standingOrderApi(t);
    const token = await t.login('einkauf@elektro-mueller.de');
    const [a] = stockedProducts(t, 1);
    const body = { lines: [{ sku: a!.sku, quantity: 1 }], deliveryAddress: { addressId: 'adr_muellerHq' }, payment: { method: 'prepayment' as const }, schedule: weekly, reminderDays: 0 };
    const late = await api.create(token, { ...body, catchUp: 'run' });
    const skip = await api.create(token, { ...body, catchUp: 'skip' });
    // Down from Monday 08:00 until Thursday of the next week: Wed 4th, Mon 9th, Wed 11th passed.
    clock.set('2026-02-12T10:00:00.000Z');
    const result = await t.app.standingOrders.runOnce();
    assert.deepEqual([result.placed, result.missed], [3, 3]);
    assert.deepEqual((await runsOf(t, late.id)).map((r) => [r.occurrence, r.kind, r.status]), [
      ['2026-02-04', 'catch_up', 'placed'], ['2026-02-09', 'catch_up', 'placed'], ['2026-02-11', 'catch_up', 'placed'],
    ]);
    assert.deepEqual((await runsOf(t, skip.id)).map((r) => [r.occurrence, r.status]), [['2026-02-04', 'missed'], ['2026-02-09', 'missed'], ['2026-02-11', 'missed']]);
    // A second pass at the same instant finds nothing: no duplicate.
    assert.deepEqual(await t.app.standingOrders.runOnce(), { placed: 0, failed: 0, held: 0, missed: 0, skipped: 0, reminders: 0 });
  });
});

describe('a run under its policies', () => {
  const clock = testClock('2026-03-02T08:00:00.000Z');
  const transport = memoryTransport();
  let t: TestApp;
  before(async () => {
    t = await createTestApp({ now: clock.now, mail: { transports: [transport] }, outboxWorker: false, standingOrders: { scheduler: false } });
  });
  after(() => t.close());

  it('backorders, leaves out or holds a short line by the shortage policy, and fails a run past its fixed prices', async () => {
    const api = standingOrderApi(t);
    const token = await t.login('einkauf@elektro-mueller.de');
    const [a, b] = stockedProducts(t, 2);
    // A is short: one unit in each warehouse, nothing coming, procurable in 5 business days.
    await t.db.updateTable('stock_positions').set({ on_hand: 1, reserved: 0 }).where('sku', '=', a!.sku).execute();
    await t.db.deleteFrom('stock_receipts').where('sku', '=', a!.sku).execute();
    await t.db.updateTable('products').set({ lead_time_days: 5 }).where('sku', '=', a!.sku).execute();
    const once = { form: { every: 'day' as const, interval: 1, start: '2026-03-04', end: { kind: 'count' as const, count: 1 } }, time: '06:00' };
    const body = { lines: [{ sku: a!.sku, quantity: 10 }, { sku: b!.sku, quantity: 1 }], deliveryAddress: { addressId: 'adr_muellerHq' }, payment: { method: 'prepayment' as const }, schedule: once, reminderDays: 0 };
    const backorder = await api.create(token, { ...body, shortage: 'backorder' });
    const omit = await api.create(token, { ...body, shortage: 'omit_line' });
    const hold = await api.create(token, { ...body, shortage: 'hold_run' });
    const fixed = await api.create(token, {
      ...body, lines: [{ sku: b!.sku, quantity: 1 }],
      priceMode: { kind: 'fixed', validUntil: '2026-03-03', offerId: 'ofr_1', prices: [{ sku: b!.sku, unitPrice: { amount: 1234, currency: 'EUR' } }] },
    });
    clock.set('2026-03-04T05:00:00.000Z');
    const result = await t.app.standingOrders.runOnce();
    assert.deepEqual([result.placed, result.held, result.failed], [2, 1, 1]);
    const run = async (id: string) => (await runsOf(t, id))[0]!;
    const linesOf = async (orderId: string) => (await t.db.selectFrom('order_lines').select(['sku', 'quantity']).where('order_id', '=', orderId).orderBy('position').execute()).map((l) => [l.sku, Number(l.quantity)]);

    const back = await run(backorder.id);
    assert.equal(back.status, 'placed');
    assert.deepEqual(await linesOf(back.order_id!), [[a!.sku, 10], [b!.sku, 1]]);
    assert.deepEqual(JSON.parse(back.notices).map((n: { code: string; path: unknown[] }) => [n.code, n.path]), [['line_backordered', ['lines', 0]]]);
    const left = await run(omit.id);
    assert.equal(left.status, 'placed');
    assert.deepEqual(await linesOf(left.order_id!), [[b!.sku, 1]]);
    assert.deepEqual(JSON.parse(left.notices).map((n: { code: string }) => n.code), ['line_omitted']);
    const held = await run(hold.id);
    assert.deepEqual([held.status, held.order_id, JSON.parse(held.reason!).code], ['held', null, 'run_held']);
    const expired = await run(fixed.id);
    assert.deepEqual([expired.status, JSON.parse(expired.reason!).code], ['failed', 'fixed_price_expired']);

    // The history words reasons in the caller's language; the buyer hears of both by mail.
    const history = await t.app.inject({ method: 'GET', url: `/v1/standing-orders/${fixed.id}/runs`, headers: { authorization: `Bearer ${await t.login('einkauf@elektro-mueller.de')}`, 'accept-language': 'en' } });
    assert.match(history.json().items[0].reason.message, /^The fixed prices were valid until 2026-03-03/);
    await outboxOf(t, transport, clock.now).runOnce();
    assert.equal(transport.mails.filter((m) => /zurückgehalten|keine Bestellung/.test(m.subject)).length, 2);
  });
});

describe('the scheduler started with the app', () => {
  // The app's clock runs in real time, 1.5 s before a run is due.
  const due = Date.parse('2026-03-02T05:00:00.000Z');
  let offset = due - 60_000 - Date.now();
  let t: TestApp;
  before(async () => {
    t = await createTestApp({ now: () => new Date(Date.now() + offset) });
  });
  after(() => t.close());

  it('wakes by itself at the next due instant and places the run', async () => {
    const api = standingOrderApi(t);
    const [a] = stockedProducts(t, 1);
    const token = await t.login('einkauf@elektro-mueller.de');
    offset = due - 1500 - Date.now();
    const so = await api.create(token, {
      lines: [{ sku: a!.sku, quantity: 1 }], deliveryAddress: { addressId: 'adr_muellerHq' }, payment: { method: 'prepayment' }, reminderDays: 0,
      schedule: { form: { every: 'day', interval: 1, start: '2026-03-02', end: { kind: 'count', count: 1 } }, time: '06:00' },
    });
    assert.deepEqual(await runsOf(t, so.id), []);
    const deadline = Date.now() + 6000;
    while (!(await runsOf(t, so.id)).length && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    const [run] = await runsOf(t, so.id);
    assert.equal(run?.status, 'placed');
    assert.ok(Date.parse(run!.at) >= due, `ran at ${run!.at}, not before it was due`);
  });
});

describe('two schedulers at once', () => {
  const clock = testClock('2026-03-01T08:00:00.000Z');
  let t: TestApp;
  before(async () => {
    t = await createTestApp({ now: clock.now, standingOrders: { scheduler: false } });
  });
  after(() => t.close());

  it('place exactly one order per due occurrence, on their own connections (PostgreSQL) or one writer (SQLite)', async () => {
    const api = standingOrderApi(t);
    const token = await t.login('einkauf@elektro-mueller.de');
    const [a] = stockedProducts(t, 1);
    const ids: string[] = [];
    for (let i = 0; i < 24; i++) {
      const so = await api.create(token, {
        lines: [{ sku: a!.sku, quantity: 1 }], deliveryAddress: { addressId: 'adr_muellerHq' }, payment: { method: 'prepayment' }, reminderDays: 0,
        schedule: { form: { every: 'day', interval: 1, start: '2026-03-02', end: { kind: 'count', count: 1 } }, time: '06:00' },
      });
      ids.push(so.id);
    }
    clock.set('2026-03-02T05:00:00.000Z');
    // The second scheduler as another process would run it: its own pool on PostgreSQL.
    let other = t.db;
    if (t.kind === 'postgres') {
      const { name } = (await t.db.selectNoFrom((eb) => eb.fn<string>('current_database').as('name')).executeTakeFirstOrThrow()) as { name: string };
      const url = new URL(process.env.KONTOR_TEST_DATABASE_URL!);
      url.pathname = `/${name}`;
      other = openDatabase({ url: url.toString() }).db;
    }
    const deps = { db: other, jwtSecret: 'x'.repeat(32), now: clock.now, deliveryHorizonDays: 365 };
    const second = createStandingOrderScheduler({ db: other, deps, concurrency: 4, batchSize: 5 });
    try {
      const [one, two] = await Promise.all([t.app.standingOrders.runOnce(), second.runOnce()]);
      assert.equal(one.placed + two.placed, ids.length);
      if (t.kind === 'postgres') assert.ok(one.placed > 0 && two.placed > 0, `both schedulers worked: ${one.placed} + ${two.placed}`);
    } finally {
      if (other !== t.db) await other.destroy();
    }
    const runs = await t.db.selectFrom('standing_order_runs').select(['standing_order_id', 'order_id']).where('standing_order_id', 'in', ids).execute();
    assert.equal(runs.length, ids.length);
    assert.equal(new Set(runs.map((r) => r.standing_order_id)).size, ids.length);
    const orders = await t.db.selectFrom('orders').select('cart_id').where('cart_id', 'in', ids).execute();
    assert.equal(orders.length, ids.length);
    assert.equal(new Set(orders.map((o) => o.cart_id)).size, ids.length);
    // Each ended after its one run.
    const statuses = await t.db.selectFrom('standing_orders').select('status').where('id', 'in', ids).execute();
    assert.ok(statuses.every((s) => s.status === 'ended'));
  });
});
