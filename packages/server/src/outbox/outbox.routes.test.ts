import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { routes } from '@kontor/core';
import * as z from 'zod/mini';
import { DEMO_ERP_KEY } from '../seed/world.js';
import { auth, createTestApp, type TestApp } from '../testing/test-app.js';
import { enqueueOrderEvent } from './outbox.js';
import { sampleOrder } from './testing/order-fixture.js';
import { startWebhookReceiver, type WebhookReceiver } from './testing/servers.js';
import { createOutboxWorker } from './worker.js';

const NOW = new Date('2026-12-02T09:15:00.000Z');

describe('ERP outbox routes (GET /v1/erp/outbox/deliveries, POST /v1/erp/outbox/retry)', () => {
  let t: TestApp;
  let hook: WebhookReceiver;
  let clock = NOW;
  before(async () => {
    hook = await startWebhookReceiver();
    // The app's own worker stays off; the test drives one.
    t = await createTestApp({ now: () => clock, webhooks: [{ name: 'erp', url: hook.url, secret: 'whsec_routes_1' }], outboxWorker: false });
  });
  after(async () => {
    await t.close();
    await hook.close();
  });

  const list = (query = '', token = DEMO_ERP_KEY) => t.app.inject({ method: 'GET', url: `/v1/erp/outbox/deliveries${query}`, headers: auth(token) });
  const page = async (query = '') => {
    const res = await list(query);
    assert.equal(res.statusCode, 200, res.body);
    return z.parse(routes.listOutboxDeliveries.response, res.json());
  };

  it('lists dead deliveries newest first, pages them, and a retry sends one again', async () => {
    hook.respond = 500;
    const deps = { now: () => clock, outbox: t.app.kontorOutbox };
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      clock = new Date(NOW.getTime() + i * 1000);
      ids.push(await enqueueOrderEvent(t.db, deps, { type: 'order.placed', companyId: 'cmp_mueller', order: sampleOrder({ id: `ord_r${i}` }), previousStatus: null }));
    }
    const worker = createOutboxWorker({ db: t.db, now: () => clock, webhooks: [{ name: 'erp', url: hook.url, secret: 'whsec_routes_1' }], maxAttempts: 1 });
    assert.deepEqual(await worker.runOnce(), { delivered: 0, retried: 0, dead: 3 });

    const first = await page('?limit=2');
    assert.deepEqual(first.items.map((d) => d.eventId), [ids[2], ids[1]]);
    const d = first.items[0]!;
    assert.equal(d.target, 'webhook:erp');
    assert.equal(d.status, 'dead');
    assert.equal(d.attempts, 1);
    assert.match(d.lastError ?? '', /HTTP 500/);
    assert.equal(d.event.type, 'order.placed');
    assert.equal(d.event.orderId, 'ord_r2');
    assert.ok(first.nextCursor);
    const second = await page(`?limit=2&cursor=${first.nextCursor}`);
    assert.deepEqual(second.items.map((x) => x.eventId), [ids[0]]);
    assert.equal(second.nextCursor, null);
    assert.deepEqual((await page('?status=delivered')).items, []);

    hook.respond = 204;
    const retry = await t.app.inject({ method: 'POST', url: '/v1/erp/outbox/retry', headers: auth(DEMO_ERP_KEY), payload: { eventId: ids[0], target: 'webhook:erp' } });
    assert.equal(retry.statusCode, 200, retry.body);
    const again = z.parse(routes.retryOutboxDelivery.response, retry.json());
    assert.equal(again.status, 'pending');
    assert.equal(again.attempts, 0);
    assert.equal(again.nextAttemptAt, clock.toISOString());
    assert.deepEqual(await worker.runOnce(), { delivered: 1, retried: 0, dead: 0 });
    assert.deepEqual((await page('?status=delivered')).items.map((x) => x.eventId), [ids[0]]);
    assert.equal((await page()).items.length, 2);
  });

  it('an unknown delivery is 404; a bad cursor 400; only the ERP key may call them', async () => {
    const retry = (payload: object, token = DEMO_ERP_KEY) => t.app.inject({ method: 'POST', url: '/v1/erp/outbox/retry', headers: auth(token), payload });
    assert.equal((await retry({ eventId: 'evt_nope', target: 'webhook:erp' })).statusCode, 404);
    assert.equal((await list('?cursor=bm9wZQ')).statusCode, 400);
    const buyer = await t.login('einkauf@elektro-mueller.de');
    assert.equal((await list('', buyer)).statusCode, 403);
    assert.equal((await retry({ eventId: 'evt_nope', target: 'mail' }, buyer)).statusCode, 403);
    assert.equal((await t.app.inject({ method: 'GET', url: '/v1/erp/outbox/deliveries' })).statusCode, 401);
  });
});
