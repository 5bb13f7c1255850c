import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { migrate, migrateTo } from '../db/migrations.js';
import { createTestApp, type TestApp } from '../testing/test-app.js';
import { enqueueOrderEvent, type Outbox } from './outbox.js';
import { sampleOrder } from './testing/order-fixture.js';

const NOW = new Date('2026-12-02T09:15:00.000Z');

describe('outbox: enqueue', () => {
  let t: TestApp;
  let woken = 0;
  const outbox: Outbox = { webhookTargets: ['webhook:erp', 'webhook:crm'], mail: true, notify: () => void woken++ };
  const deps = { now: () => NOW, outbox };
  before(async () => {
    t = await createTestApp({ now: () => NOW });
  });
  after(() => t.close());

  it('writes the event and one pending delivery per target in the caller\'s transaction', async () => {
    const order = sampleOrder({ id: 'ord_enq1' });
    const id = await t.db.transaction().execute((trx) => enqueueOrderEvent(trx, deps, { type: 'order.placed', companyId: 'cmp_mueller', order, previousStatus: null }));
    const event = await t.db.selectFrom('outbox_events').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    assert.equal(event.type, 'order.placed');
    assert.equal(event.aggregate_id, 'ord_enq1');
    assert.equal(event.company_id, 'cmp_mueller');
    assert.deepEqual(JSON.parse(event.payload), { order, previousStatus: null });
    const deliveries = await t.db.selectFrom('outbox_deliveries').selectAll().where('event_id', '=', id).orderBy('target').execute();
    assert.deepEqual(
      deliveries.map((d) => [d.target, d.status, d.attempts, d.next_attempt_at]),
      [
        ['mail', 'pending', 0, NOW.toISOString()],
        ['webhook:crm', 'pending', 0, NOW.toISOString()],
        ['webhook:erp', 'pending', 0, NOW.toISOString()],
      ],
    );
    assert.ok(woken >= 1);
  });

  it('mails only the confirmation and the shipping confirmation; webhooks get every change', async () => {
    const confirmed = sampleOrder({ id: 'ord_enq2', status: 'confirmed' });
    const id = await enqueueOrderEvent(t.db, deps, { type: 'order.status_changed', companyId: 'cmp_mueller', order: confirmed, previousStatus: 'placed' });
    const targets = (await t.db.selectFrom('outbox_deliveries').select('target').where('event_id', '=', id).orderBy('target').execute()).map((d) => d.target);
    assert.deepEqual(targets, ['webhook:crm', 'webhook:erp']);
    const shipped = sampleOrder({ id: 'ord_enq2', status: 'shipped', tracking: { carrier: 'DHL', trackingNumber: '00340434161094042557', url: null } });
    const id2 = await enqueueOrderEvent(t.db, deps, { type: 'order.status_changed', companyId: 'cmp_mueller', order: shipped, previousStatus: 'in_fulfilment' });
    const targets2 = (await t.db.selectFrom('outbox_deliveries').select('target').where('event_id', '=', id2).orderBy('target').execute()).map((d) => d.target);
    assert.deepEqual(targets2, ['mail', 'webhook:crm', 'webhook:erp']);
  });

  it('leaves nothing behind when the transaction rolls back', async () => {
    const order = sampleOrder({ id: 'ord_rolledback' });
    await assert.rejects(
      t.db.transaction().execute(async (trx) => {
        await enqueueOrderEvent(trx, deps, { type: 'order.placed', companyId: 'cmp_mueller', order, previousStatus: null });
        throw new Error('placement failed');
      }),
      /placement failed/,
    );
    const events = await t.db.selectFrom('outbox_events').select('id').where('aggregate_id', '=', 'ord_rolledback').execute();
    assert.equal(events.length, 0);
  });

  it('without a configured outbox records the event with no deliveries', async () => {
    const id = await enqueueOrderEvent(t.db, { now: () => NOW }, { type: 'order.placed', companyId: 'cmp_mueller', order: sampleOrder({ id: 'ord_enq3' }), previousStatus: null });
    assert.ok(await t.db.selectFrom('outbox_events').select('id').where('id', '=', id).executeTakeFirst());
    assert.equal((await t.db.selectFrom('outbox_deliveries').select('target').where('event_id', '=', id).execute()).length, 0);
  });

  it("numbers each order's events from 1, also those recorded before the numbering existed (migration 0007)", async () => {
    const place = (id: string, type: 'order.placed' | 'order.status_changed' = 'order.placed') =>
      t.db.transaction().execute((trx) => enqueueOrderEvent(trx, deps, { type, companyId: 'cmp_mueller', order: sampleOrder({ id }), previousStatus: type === 'order.placed' ? null : 'placed' }));
    const sequences = async (ids: string[]) =>
      (await t.db.selectFrom('outbox_events').select(['id', 'sequence']).where('id', 'in', ids).execute()).map((r) => [ids.indexOf(r.id), Number(r.sequence)]).sort((a, b) => a[0]! - b[0]!);
    const ids = [await place('ord_seq1'), await place('ord_seq2'), await place('ord_seq1', 'order.status_changed'), await place('ord_seq1', 'order.status_changed')];
    assert.deepEqual(await sequences(ids), [[0, 1], [1, 1], [2, 2], [3, 3]]);

    // Events written by a server before 0007: numbered by time (then id) when it runs.
    await t.db.deleteFrom('outbox_deliveries').execute();
    await t.db.deleteFrom('outbox_events').execute();
    await migrateTo(t.db, '0006_outbox');
    try {
      const old = [['evt_b', 'ord_old1', '09:00:00'], ['evt_a', 'ord_old1', '09:00:00'], ['evt_c', 'ord_old2', '08:00:00'], ['evt_d', 'ord_old1', '08:30:00']] as const;
      for (const [id, order, time] of old) {
        await sql`insert into outbox_events (id, type, aggregate_id, company_id, payload, created_at) values (${id}, 'order.placed', ${order}, 'cmp_mueller', '{}', ${`2026-12-01T${time}.000Z`})`.execute(t.db);
      }
    } finally {
      await migrate(t.db);
    }
    const rows = await t.db.selectFrom('outbox_events').select(['id', 'sequence']).orderBy('id').execute();
    assert.deepEqual(rows.map((r) => [r.id, Number(r.sequence)]), [['evt_a', 2], ['evt_b', 3], ['evt_c', 1], ['evt_d', 1]]);
    // And new events go on from there.
    const next = await place('ord_old1', 'order.status_changed');
    assert.deepEqual((await t.db.selectFrom('outbox_events').select('sequence').where('id', '=', next).executeTakeFirstOrThrow()).sequence, 4);
  });
});
