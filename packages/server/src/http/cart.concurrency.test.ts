import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { CartSchema } from '@kontor/core';
import * as z from 'zod/mini';
import { createTestApp, type TestApp } from '../testing/test-app.js';
import { cartApi, pick } from '../testing/cart-helpers.js';

describe('cart versions and idempotency', () => {
  let t: TestApp;
  let api: ReturnType<typeof cartApi>;
  let products: ReturnType<typeof pick>;
  let einkauf: string;
  let anna: string;
  before(async () => {
    t = await createTestApp();
    api = cartApi(t);
    products = pick(t);
    [einkauf, anna] = (await Promise.all([t.login('einkauf@elektro-mueller.de'), t.login('anna.mueller@elektro-mueller.de')])) as [string, string];
  });
  after(() => t.close());

  const line = (i: number) => {
    const p = products.simple()[i]!;
    return { sku: p.sku, quantity: products.validQuantity(p) };
  };
  const countRows = async (table: 'carts' | 'cart_events' | 'idempotency_keys', where: [string, string]) =>
    Number((await t.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).where(where[0] as never, '=', where[1] as never).executeTakeFirstOrThrow()).n);

  it('answers a stale version with 409 conflict and the current cart in details.cart', async () => {
    let cart = await api.create(einkauf, { active: false });
    cart = await api.changed(einkauf, cart, [{ op: 'add', ...line(0) }]);
    const res = await api.change(einkauf, { id: cart.id, version: 0 }, [{ op: 'add', ...line(1) }]);
    assert.equal(res.statusCode, 409);
    const body = res.json();
    assert.equal(body.code, 'conflict');
    const current = z.parse(CartSchema, body.details.cart);
    assert.equal(current.version, 1);
    assert.deepEqual(current.lines.map((l) => l.sku), [line(0).sku]);
  });

  it('lets exactly one of two concurrent changes with the same version win', async () => {
    for (let round = 0; round < 5; round++) {
      const cart = await api.create(einkauf, { active: false });
      const [a, b] = await Promise.all([api.change(einkauf, cart, [{ op: 'add', ...line(0) }]), api.change(einkauf, cart, [{ op: 'add', ...line(1) }])]);
      assert.deepEqual([a.statusCode, b.statusCode].sort(), [200, 409], `${a.body} ${b.body}`);
      const now = await api.get(einkauf, cart.id);
      assert.equal(now.version, 1);
      assert.equal(now.lineCount, 1);
      assert.equal(await countRows('cart_events', ['cart_id', cart.id]), 2);
    }
  });

  it('merges adds without a version from 10 concurrent clients: no 409, every unit counted, one version per add', async () => {
    const cart = await api.create(einkauf, { active: false });
    const endpoint = await t.listen();
    const [a, b] = [line(0), line(1)];
    const clients = 10;
    const addsEach = 8;
    const add = (sku: string, quantity: number) =>
      fetch(`${endpoint}/v1/carts/${cart.id}/changes`, {
        method: 'POST',
        headers: { authorization: `Bearer ${einkauf}`, 'content-type': 'application/json' },
        body: JSON.stringify({ changes: [{ op: 'add', sku, quantity }] }),
      });
    const statuses = await Promise.all(
      Array.from({ length: clients }, async (_, c) => {
        const out: number[] = [];
        for (let i = 0; i < addsEach; i++) {
          const { sku, quantity } = (c + i) % 2 ? a : b;
          const res = await add(sku, quantity);
          await res.arrayBuffer();
          out.push(res.status);
        }
        return out;
      }),
    );
    assert.deepEqual(new Set(statuses.flat()), new Set([200]));
    const now = await api.get(einkauf, cart.id);
    const adds = clients * addsEach;
    const ofA = statuses.flatMap((_, c) => Array.from({ length: addsEach }, (_, i) => (c + i) % 2)).filter(Boolean).length;
    assert.equal(now.lines.find((l) => l.sku === a.sku)!.quantity, ofA * a.quantity);
    assert.equal(now.lines.find((l) => l.sku === b.sku)!.quantity, (adds - ofA) * b.quantity);
    assert.equal(now.version, adds);
    assert.equal(await countRows('cart_events', ['cart_id', cart.id]), adds + 1);
  });

  it('keeps the version check for set and remove, and answers a set without a version 400', async () => {
    let cart = await api.create(einkauf, { active: false });
    cart = await api.changed(einkauf, cart, [{ op: 'add', ...line(0) }]);
    const res = await api.send(einkauf, 'POST', `/v1/carts/${cart.id}/changes`, { changes: [{ op: 'add', ...line(1) }, { op: 'set', ...line(0) }] });
    assert.equal(res.statusCode, 400, res.body);
    assert.deepEqual(res.json().issues[0].path, ['version']);
    // An add without a version goes in; the set against the version seen before it is stale.
    assert.equal((await api.send(einkauf, 'POST', `/v1/carts/${cart.id}/changes`, { changes: [{ op: 'add', ...line(1) }] })).statusCode, 200);
    const stale = await api.change(einkauf, cart, [{ op: 'remove', sku: line(0).sku }]);
    assert.equal(stale.statusCode, 409);
    assert.equal(z.parse(CartSchema, stale.json().details.cart).version, 2);
  });

  it('refuses an add without a version that breaks the rules of the merged quantity (422), changing nothing', async () => {
    const p = t.world.products.find((x) => x.status === 'active' && x.visibility === 'public' && x.quantityRules.step === 1 && x.quantityRules.max != null)!;
    assert.ok(p, 'the seed has products with a maximum');
    let cart = await api.create(einkauf, { active: false });
    const max = p.quantityRules.max!;
    cart = await api.changed(einkauf, cart, [{ op: 'set', sku: p.sku, quantity: Math.floor(max / p.quantityRules.step) * p.quantityRules.step }]);
    const res = await api.send(einkauf, 'POST', `/v1/carts/${cart.id}/changes`, { changes: [{ op: 'add', sku: p.sku, quantity: p.quantityRules.step }] });
    assert.equal(res.statusCode, 422, res.body);
    assert.equal((await api.get(einkauf, cart.id)).version, cart.version);
  });

  it('answers a retried change with the same Idempotency-Key once, with the same body', async () => {
    const cart = await api.create(einkauf, { active: false });
    const headers = { 'idempotency-key': `retry-${cart.id}` };
    const first = await api.change(einkauf, cart, [{ op: 'add', ...line(0) }], headers);
    const second = await api.change(einkauf, cart, [{ op: 'add', ...line(0) }], headers);
    assert.equal(first.statusCode, 200);
    assert.equal(second.statusCode, 200);
    assert.equal(second.body, first.body);
    assert.equal(second.headers['idempotent-replayed'], 'true');
    const now = await api.get(einkauf, cart.id);
    assert.equal(now.version, 1);
    assert.equal(now.lines[0]!.quantity, line(0).quantity);
  });

  it('has one effect for 20 concurrent requests with the same key', async () => {
    const cart = await api.create(einkauf, { active: false });
    const headers = { 'idempotency-key': `burst-${cart.id}` };
    const results = await Promise.all(Array.from({ length: 20 }, () => api.change(einkauf, cart, [{ op: 'add', ...line(2) }], headers)));
    assert.deepEqual(new Set(results.map((r) => r.statusCode)), new Set([200]), results.map((r) => r.body).find((b) => !b.startsWith('{"id"')));
    assert.equal(new Set(results.map((r) => r.body)).size, 1);
    const now = await api.get(einkauf, cart.id);
    assert.equal(now.version, 1);
    assert.equal(now.lines[0]!.quantity, line(2).quantity);
    assert.equal(await countRows('cart_events', ['cart_id', cart.id]), 2);
  });

  it('creates one cart for 20 concurrent creates with the same key', async () => {
    const key = `create-burst-${Date.now()}`;
    const results = await Promise.all(Array.from({ length: 20 }, () => api.send(anna, 'POST', '/v1/carts', { name: 'Einmal' }, { 'idempotency-key': key })));
    assert.deepEqual(new Set(results.map((r) => r.statusCode)), new Set([201]), results.map((r) => r.body).join('\n').slice(0, 500));
    assert.equal(new Set(results.map((r) => r.json().id)).size, 1);
    const carts = await t.db.selectFrom('carts').select('id').where('owner_user_id', '=', 'usr_mueller2').where('name', '=', 'Einmal').execute();
    assert.equal(carts.length, 1);
  });

  it('refuses the same key with another body (422) and keeps keys per caller', async () => {
    const cart = await api.create(einkauf, { active: false });
    const headers = { 'idempotency-key': 'same-key-for-everyone' };
    assert.equal((await api.change(einkauf, cart, [{ op: 'add', ...line(0) }], headers)).statusCode, 200);
    const other = await api.change(einkauf, { id: cart.id, version: 1 }, [{ op: 'add', ...line(1) }], headers);
    assert.equal(other.statusCode, 422);
    assert.equal(other.json().code, 'validation');
    assert.deepEqual(other.json().issues[0].path, []);
    assert.equal(other.json().issues[0].code, 'idempotency_key_reused');
    // Another user may use the same key for their own request.
    const annas = await api.create(anna, { active: false });
    assert.equal((await api.change(anna, annas, [{ op: 'add', ...line(0) }], headers)).statusCode, 200);
  });

  it('does not keep refused requests: the same key works once the request is fixed', async () => {
    const cart = await api.create(einkauf, { active: false });
    const headers = { 'idempotency-key': `fix-${cart.id}` };
    const refused = await api.change(einkauf, cart, [{ op: 'add', sku: 'XX-0000', quantity: 1 }], headers);
    assert.equal(refused.statusCode, 422);
    assert.equal(await countRows('idempotency_keys', ['key', `fix-${cart.id}`]), 0);
    assert.equal((await api.change(einkauf, cart, [{ op: 'add', sku: 'XX-0000', quantity: 1 }], headers)).statusCode, 422);
  });

  it('answers 400 for an Idempotency-Key that is empty, too long or not visible ASCII', async () => {
    const cart = await api.create(einkauf, { active: false });
    for (const key of ['x'.repeat(256), 'mit leerzeichen', 'ümlaut']) {
      const res = await api.change(einkauf, cart, [{ op: 'add', ...line(0) }], { 'idempotency-key': key });
      assert.equal(res.statusCode, 400, key);
      assert.deepEqual(res.json().issues[0].path, ['headers', 'idempotency-key']);
    }
  });
});
