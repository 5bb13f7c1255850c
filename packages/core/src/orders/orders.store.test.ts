import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createHttpClient } from '../http/http-client.js';
import { createOrdersClient } from './orders.client.js';
import type { Order } from './order.schema.js';
import { createOrdersStore } from './orders.store.js';

/** Just enough of an order for the store, which looks at nothing but its id. */
const order = (id: string, number: string) => ({ id, number }) as Order;

/** A client where nothing listens: `placed()` only tells the page, it never asks the server. */
const noClient = { orders: createOrdersClient(createHttpClient({ endpoint: 'http://127.0.0.1:1', retries: 0 })) };

describe('createOrdersStore()', () => {
  it('lists the orders placed on the page newest first and tells each listener about each one', () => {
    const store = createOrdersStore(noClient);
    const seen: string[][] = [];
    const unlisten = store.$placed.listen((orders) => seen.push(orders.map((o) => o.number)));
    store.placed(order('ord_1', 'K-2026-000001'));
    store.placed(order('ord_2', 'K-2026-000002'));
    unlisten();
    assert.deepEqual(seen, [['K-2026-000001'], ['K-2026-000002', 'K-2026-000001']]);
  });

  it('keeps an order placed twice (a retry answered with the same order) once, where it was, in its newest form', () => {
    const store = createOrdersStore(noClient);
    store.placed(order('ord_1', 'K-2026-000001'));
    store.placed(order('ord_2', 'K-2026-000002'));
    store.placed({ ...order('ord_1', 'K-2026-000001'), status: 'confirmed' });
    assert.deepEqual(store.$placed.get().map((o) => [o.id, o.status]), [['ord_2', undefined], ['ord_1', 'confirmed']]);
  });

  it('remembers at most the last 50 orders', () => {
    const store = createOrdersStore(noClient);
    for (let i = 1; i <= 60; i++) store.placed(order(`ord_${i}`, `K-2026-${String(i).padStart(6, '0')}`));
    assert.equal(store.$placed.get().length, 50);
    assert.equal(store.$placed.get()[0]!.id, 'ord_60');
    assert.equal(store.$placed.get()[49]!.id, 'ord_11');
  });
});
