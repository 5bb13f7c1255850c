import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { OrderWebhookEventSchema } from '@kontor/core';
import * as z from 'zod/mini';
import { createTestApp, type TestApp } from '../testing/test-app.js';
import { enqueueOrderEvent, type Outbox } from './outbox.js';
import { sampleOrder } from './testing/order-fixture.js';
import { startWebhookReceiver, type WebhookReceiver } from './testing/servers.js';
import { parseWebhooks, signWebhook, verifyWebhookSignature, type WebhookConfig } from './webhook.js';
import { createOutboxWorker, type OutboxWorkerOptions } from './worker.js';

const START = new Date('2026-12-02T09:15:00.000Z');
const SECRET = 'whsec_test_0123456789';

describe('outbox worker: webhooks', () => {
  let t: TestApp;
  let hook: WebhookReceiver;
  let clock = START;
  const now = () => clock;
  let erp: WebhookConfig;
  let outbox: Outbox;
  const deps = () => ({ now, outbox });
  const worker = (extra: Partial<OutboxWorkerOptions> = {}) => createOutboxWorker({ db: t.db, now, webhooks: [erp], random: () => 0.5, ...extra });
  const place = (id: string) =>
    t.db.transaction().execute((trx) => enqueueOrderEvent(trx, deps(), { type: 'order.placed', companyId: 'cmp_mueller', order: sampleOrder({ id }), previousStatus: null }));
  const delivery = (eventId: string) =>
    t.db.selectFrom('outbox_deliveries').selectAll().where('event_id', '=', eventId).where('target', '=', 'webhook:erp').executeTakeFirstOrThrow();

  before(async () => {
    t = await createTestApp({ now });
    hook = await startWebhookReceiver();
    erp = { name: 'erp', url: hook.url, secret: SECRET };
    outbox = { webhookTargets: ['webhook:erp'], mail: false, notify: () => {} };
  });
  after(async () => {
    await hook.close();
    await t.close();
  });
  beforeEach(async () => {
    clock = START;
    hook.requests.length = 0;
    hook.respond = 204;
    hook.maxInFlight = 0;
    await t.db.deleteFrom('outbox_deliveries').execute();
    await t.db.deleteFrom('outbox_events').execute();
  });

  it('delivers an enqueued event as signed JSON (2xx = delivered)', async () => {
    const eventId = await place('ord_w1');
    const result = await worker().runOnce();
    assert.deepEqual(result, { delivered: 1, retried: 0, dead: 0 });
    assert.equal(hook.requests.length, 1);
    const { headers, body } = hook.requests[0]!;
    assert.equal(headers['content-type'], 'application/json');
    assert.equal(headers['kontor-event-id'], eventId);
    assert.equal(headers['kontor-event-type'], 'order.placed');
    // Verify as a receiver would: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, t + "." + body)>.
    const signature = String(headers['kontor-signature']);
    assert.match(signature, /^t=\d+,v1=[0-9a-f]{64}$/);
    assert.equal(signature, signWebhook(SECRET, body, START));
    assert.ok(verifyWebhookSignature(SECRET, body, signature, START));
    assert.ok(!verifyWebhookSignature('another-secret', body, signature, START));
    assert.ok(!verifyWebhookSignature(SECRET, body.replace('K-2026', 'K-2027'), signature, START));
    assert.ok(!verifyWebhookSignature(SECRET, body, signature, new Date(START.getTime() + 600_000)), 'too old');
    const event = z.parse(OrderWebhookEventSchema, JSON.parse(body));
    assert.equal(event.id, eventId);
    assert.equal(event.occurredAt, START.toISOString());
    assert.equal(event.data.order.id, 'ord_w1');
    assert.equal(event.data.previousStatus, null);
    const row = await delivery(eventId);
    assert.equal(row.status, 'delivered');
    assert.equal(row.attempts, 1);
    assert.equal(row.delivered_at, START.toISOString());
    assert.equal(row.locked_until, null);
    // Nothing more to do.
    assert.deepEqual(await worker().runOnce(), { delivered: 0, retried: 0, dead: 0 });
    assert.equal(hook.requests.length, 1);
  });

  it('retries a failing webhook with exponential back-off and ends dead after maxAttempts', async () => {
    hook.respond = 503;
    const eventId = await place('ord_w2');
    const w = worker({ maxAttempts: 4 });
    // random() = 0.5: no jitter, so the delays are exactly 30 s, 60 s, 120 s.
    const expectedDelays = [30_000, 60_000, 120_000];
    for (const [i, delay] of expectedDelays.entries()) {
      assert.deepEqual(await w.runOnce(), { delivered: 0, retried: 1, dead: 0 });
      const row = await delivery(eventId);
      assert.equal(row.status, 'pending');
      assert.equal(row.attempts, i + 1);
      assert.equal(row.next_attempt_at, new Date(clock.getTime() + delay).toISOString());
      assert.match(row.last_error ?? '', /HTTP 503 refused/);
      // Not due yet: nothing is sent.
      clock = new Date(clock.getTime() + delay - 1000);
      assert.deepEqual(await w.runOnce(), { delivered: 0, retried: 0, dead: 0 });
      clock = new Date(clock.getTime() + 1000);
    }
    assert.deepEqual(await w.runOnce(), { delivered: 0, retried: 0, dead: 1 });
    const row = await delivery(eventId);
    assert.equal(row.status, 'dead');
    assert.equal(row.attempts, 4);
    assert.match(row.last_error ?? '', /HTTP 503/);
    assert.equal(hook.requests.length, 4);
    // Dead stays dead.
    clock = new Date(clock.getTime() + 24 * 3_600_000);
    assert.deepEqual(await w.runOnce(), { delivered: 0, retried: 0, dead: 0 });
  });

  it('caps the back-off at an hour, with jitter, and a webhook that recovers gets the event', async () => {
    let calls = 0;
    hook.respond = () => (++calls <= 9 ? 500 : 200);
    const eventId = await place('ord_w3');
    let r = 0;
    const randoms = [0, 1];
    const w = worker({ maxAttempts: 12, random: () => randoms[r++ % 2]! });
    const delays: number[] = [];
    for (let i = 0; i < 9; i++) {
      await w.runOnce();
      const row = await delivery(eventId);
      const delay = Date.parse(row.next_attempt_at) - clock.getTime();
      delays.push(delay);
      clock = new Date(row.next_attempt_at);
    }
    // 30 s × 2^n × (0.8 | 1.2), capped at 1 h before the jitter.
    assert.deepEqual(delays, [24_000, 72_000, 96_000, 288_000, 384_000, 1_152_000, 1_536_000, 4_320_000, 2_880_000]);
    assert.deepEqual(await w.runOnce(), { delivered: 1, retried: 0, dead: 0 });
    assert.equal((await delivery(eventId)).status, 'delivered');
  });

  it('times out a webhook that does not answer and retries it', async () => {
    hook.respond = () => new Promise((resolve) => setTimeout(() => resolve(200), 1500));
    const eventId = await place('ord_w4');
    assert.deepEqual(await worker({ timeoutMs: 200 }).runOnce(), { delivered: 0, retried: 1, dead: 0 });
    assert.match((await delivery(eventId)).last_error ?? '', /no answer within 200 ms/);
  });

  it('delivers again after a crash between sending and marking (at least once)', async () => {
    const eventId = await place('ord_w5');
    const crashing = worker({
      leaseMs: 60_000,
      afterSend: () => {
        throw new Error('process killed');
      },
    });
    await assert.rejects(crashing.runOnce(), /process killed/);
    assert.equal(hook.requests.length, 1);
    let row = await delivery(eventId);
    assert.equal(row.status, 'pending');
    assert.ok(row.locked_until, 'still leased to the dead worker');
    // A new process: nothing while the lease holds, then the event again.
    const next = worker();
    assert.deepEqual(await next.runOnce(), { delivered: 0, retried: 0, dead: 0 });
    clock = new Date(START.getTime() + 60_000);
    assert.deepEqual(await next.runOnce(), { delivered: 1, retried: 0, dead: 0 });
    assert.equal(hook.requests.length, 2);
    assert.equal(hook.requests[0]!.body, hook.requests[1]!.body, 'the same event, byte for byte');
    assert.equal(hook.requests[1]!.headers['kontor-event-id'], eventId);
    row = await delivery(eventId);
    assert.equal(row.status, 'delivered');
    assert.equal(row.attempts, 2);
  });

  it('two workers never deliver one delivery twice, also at the same time', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 40; i++) ids.push(await place(`ord_c${i}`));
    // Slow answers, so both workers are busy at once.
    hook.respond = () => new Promise((resolve) => setTimeout(() => resolve(204), 20));
    const a = worker({ batchSize: 5 });
    const b = worker({ batchSize: 5 });
    const [ra, rb] = await Promise.all([a.runOnce(), b.runOnce()]);
    assert.equal(ra.delivered + rb.delivered, 40);
    assert.ok(ra.delivered > 0 && rb.delivered > 0, `both worked (${ra.delivered} + ${rb.delivered})`);
    const seen = hook.requests.map((r) => String(r.headers['kontor-event-id']));
    assert.equal(seen.length, 40);
    assert.deepEqual([...new Set(seen)].sort(), [...ids].sort());
    assert.ok(hook.maxInFlight > 5, 'the two workers sent at the same time');
  });

  it('marks a delivery to a webhook that is no longer configured as failed, not delivered', async () => {
    const eventId = await place('ord_w6');
    const r = await createOutboxWorker({ db: t.db, now, webhooks: [], random: () => 0.5 }).runOnce();
    assert.deepEqual(r, { delivered: 0, retried: 1, dead: 0 });
    assert.match((await delivery(eventId)).last_error ?? '', /webhook:erp is not configured/);
  });

  const statusChange = (id: string, status: 'confirmed' | 'shipped', previousStatus: 'placed' | 'confirmed') =>
    t.db
      .transaction()
      .execute((trx) => enqueueOrderEvent(trx, deps(), { type: 'order.status_changed', companyId: 'cmp_mueller', order: sampleOrder({ id, status }), previousStatus }));
  const sent = (orderId: string, receiver = hook) =>
    receiver.requests
      .map((r) => z.parse(OrderWebhookEventSchema, JSON.parse(r.body)))
      .filter((e) => e.data.order.id === orderId)
      .map((e) => `${e.sequence}:${e.type}`);

  it("numbers an order's events and sends them to a webhook in order: a failing event holds back that order's later ones, not other orders' or other webhooks'", async () => {
    const crmHook = await startWebhookReceiver();
    const crm: WebhookConfig = { name: 'crm', url: crmHook.url, secret: SECRET };
    outbox = { ...outbox, webhookTargets: ['webhook:erp', 'webhook:crm'] };
    try {
      const w = worker({ webhooks: [erp, crm] });
      hook.respond = 503;
      await place('ord_s1');
      await statusChange('ord_s1', 'confirmed', 'placed');
      // The ERP refuses: only the order's first event is tried; the CRM gets both, in order.
      assert.deepEqual(await w.runOnce(), { delivered: 2, retried: 1, dead: 0 });
      assert.deepEqual(sent('ord_s1'), ['1:order.placed']);
      assert.deepEqual(sent('ord_s1', crmHook), ['1:order.placed', '2:order.status_changed']);
      // Another order is not held back; ord_s1's second event still waits for its first.
      hook.respond = 204;
      await place('ord_s2');
      await statusChange('ord_s1', 'shipped', 'confirmed');
      assert.deepEqual(await w.runOnce(), { delivered: 3, retried: 0, dead: 0 });
      assert.deepEqual(sent('ord_s2'), ['1:order.placed']);
      assert.deepEqual(sent('ord_s1'), ['1:order.placed']);
      assert.deepEqual(sent('ord_s1', crmHook), ['1:order.placed', '2:order.status_changed', '3:order.status_changed']);
      // The retry is due: then the rest, one after the other.
      clock = new Date(START.getTime() + 30_000);
      assert.deepEqual(await w.runOnce(), { delivered: 3, retried: 0, dead: 0 });
      assert.deepEqual(sent('ord_s1'), ['1:order.placed', '1:order.placed', '2:order.status_changed', '3:order.status_changed']);
    } finally {
      outbox = { ...outbox, webhookTargets: ['webhook:erp'] };
      await crmHook.close();
    }
  });

  it("a dead event does not hold back its order's later events; a replayed one keeps its sequence", async () => {
    hook.respond = 503;
    const first = await place('ord_s3');
    const w = worker({ maxAttempts: 1 });
    assert.deepEqual(await w.runOnce(), { delivered: 0, retried: 0, dead: 1 });
    hook.respond = 204;
    await statusChange('ord_s3', 'confirmed', 'placed');
    assert.deepEqual(await w.runOnce(), { delivered: 1, retried: 0, dead: 0 });
    assert.deepEqual(sent('ord_s3'), ['1:order.placed', '2:order.status_changed']);
    // The ERP replays the dead letter: it comes after its successor, and says so by its number.
    await t.db.updateTable('outbox_deliveries').set({ status: 'pending', attempts: 0 }).where('event_id', '=', first).execute();
    assert.deepEqual(await w.runOnce(), { delivered: 1, retried: 0, dead: 0 });
    assert.deepEqual(sent('ord_s3'), ['1:order.placed', '2:order.status_changed', '1:order.placed']);
  });

  it('start() polls, wake() delivers soon after a commit, stop() waits', async () => {
    const w = worker({ pollMs: 60_000 });
    outbox = { ...outbox, notify: () => w.wake() };
    w.start();
    try {
      await place('ord_w7');
      const deadline = Date.now() + 3000;
      while (hook.requests.length < 1 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
      assert.equal(hook.requests.length, 1, 'woken well before the next poll');
    } finally {
      await w.stop();
      outbox = { ...outbox, notify: () => {} };
    }
  });
});

describe('KONTOR_WEBHOOKS', () => {
  it('parses name=url#secret, comma-separated', () => {
    assert.deepEqual(parseWebhooks('erp=https://erp.example/kontor?x=1#s3cret-key, crm=http://crm.local:8080/hook#another-secret'), [
      { name: 'erp', url: 'https://erp.example/kontor?x=1', secret: 's3cret-key' },
      { name: 'crm', url: 'http://crm.local:8080/hook', secret: 'another-secret' },
    ]);
    assert.deepEqual(parseWebhooks(''), []);
    assert.deepEqual(parseWebhooks(undefined), []);
  });
  it('refuses what it cannot use', () => {
    assert.throws(() => parseWebhooks('https://erp.example#secret123'), /name=url#secret/);
    assert.throws(() => parseWebhooks('erp=https://erp.example'), /name=url#secret/);
    assert.throws(() => parseWebhooks('erp=ftp://erp.example#secret123'), /only http/);
    assert.throws(() => parseWebhooks('erp=https://erp.example#short'), /at least 8/);
    assert.throws(() => parseWebhooks('e r p=https://erp.example#secret123'), /letters, digits/);
    assert.throws(() => parseWebhooks('erp=https://a.example#secret123,erp=https://b.example#secret123'), /twice/);
  });
});
