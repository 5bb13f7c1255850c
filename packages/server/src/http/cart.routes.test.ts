import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { CartHistorySchema, CartListSchema, CartSchema, ColleagueListSchema, MAX_CART_LINES } from '@kontor/core';
import * as z from 'zod/mini';
import { addBulkProducts } from '../testing/bulk-catalogue.js';
import { createTestApp, type TestApp } from '../testing/test-app.js';
import { cartApi, pick } from '../testing/cart-helpers.js';

describe('carts', () => {
  let t: TestApp;
  let api: ReturnType<typeof cartApi>;
  let products: ReturnType<typeof pick>;
  let einkauf: string; // Elektro Müller, buyer
  let anna: string; // Elektro Müller, admin
  let pruefung: string; // Elektro Müller, approver
  let schmidt: string;
  let clock = new Date('2026-11-23T14:05:00.000Z');
  const tick = () => (clock = new Date(clock.getTime() + 1000));
  before(async () => {
    t = await createTestApp({ now: () => clock });
    api = cartApi(t);
    products = pick(t);
    [einkauf, anna, pruefung, schmidt] = (await Promise.all(
      ['einkauf@elektro-mueller.de', 'anna.mueller@elektro-mueller.de', 'pruefung@elektro-mueller.de', 'einkauf@schmidt-haustechnik.de'].map((e) => t.login(e)),
    )) as [string, string, string, string];
  });
  after(() => t.close());

  const linesOf = async (cartId: string) =>
    (await t.db.selectFrom('cart_lines').select(['sku', 'quantity', 'position']).where('cart_id', '=', cartId).orderBy('position').execute()).map((l) => ({
      sku: l.sku, quantity: Number(l.quantity),
    }));

  describe('POST /v1/carts', () => {
    it('starts an empty active cart named after the time, in the price list currency, via web', async () => {
      const cart = await api.create(schmidt);
      assert.match(cart.id, /^cart_[a-f0-9]{32}$/);
      // Named after the time in Berlin (14:05 UTC is 15:05 there).
      assert.equal(cart.name, 'Cart 23 Nov 2026, 15:05');
      assert.equal(cart.status, 'open');
      assert.equal(cart.active, true);
      assert.equal(cart.version, 0);
      assert.equal(cart.currency, 'EUR');
      assert.deepEqual(cart.owner, { kind: 'user', userId: 'usr_schmidt1', partnerId: null, name: 'Einkauf Schmidt Haustechnik' });
      assert.deepEqual(cart.createdVia, { channel: 'web', partnerId: null });
      assert.equal(cart.lineCount, 0);
      assert.equal(cart.totals.gross.amount, 0);
      const de = await api.send(schmidt, 'POST', '/v1/carts', { active: false }, { 'accept-language': 'de' });
      assert.equal(de.json().name, 'Warenkorb 23.11.2026, 15:05');
    });

    it('takes a user channel and refuses the partner channel for a user', async () => {
      const cart = await api.create(schmidt, { name: 'Telefon', channel: 'sales_rep', active: false });
      assert.deepEqual(cart.createdVia, { channel: 'sales_rep', partnerId: null });
      const simple = products.simple()[0]!;
      const changed = await api.changed(schmidt, cart, [{ op: 'add', sku: simple.sku, quantity: products.validQuantity(simple) }]);
      assert.deepEqual(changed.lastChangedVia, { channel: 'sales_rep', partnerId: null });
      const res = await api.send(schmidt, 'POST', '/v1/carts', { channel: 'partner' });
      assert.equal(res.statusCode, 422);
      assert.deepEqual(res.json().issues[0].path, ['channel']);
    });

    it('keeps one active cart per owner: a new active cart makes the previous one a saved cart', async () => {
      const first = await api.create(pruefung, { name: 'Erster' });
      tick();
      const second = await api.create(pruefung, { name: 'Zweiter' });
      tick();
      const saved = await api.create(pruefung, { name: 'Gemerkt', active: false });
      const list = z.parse(CartListSchema, (await api.send(pruefung, 'GET', '/v1/carts')).json()).items;
      // The active one first, then the most recently changed.
      assert.deepEqual(list.map((c) => [c.name, c.active]), [['Zweiter', true], ['Gemerkt', false], ['Erster', false]]);
      assert.equal(list.filter((c) => c.active).length, 1);
      assert.equal(list[0]!.id, second.id);
      assert.ok(list.some((c) => c.id === first.id && !c.active) && list.some((c) => c.id === saved.id));

      // Activating a saved cart deactivates the active one.
      const res = await api.send(pruefung, 'PATCH', `/v1/carts/${first.id}`, { version: 0, active: true });
      assert.equal(res.statusCode, 200, res.body);
      assert.equal(res.json().active, true);
      assert.equal(res.json().version, 1);
      assert.equal((await api.get(pruefung, second.id)).active, false);

      // Deleting the active cart leaves none active.
      assert.equal((await api.send(pruefung, 'DELETE', `/v1/carts/${first.id}`)).statusCode, 204);
      assert.equal((await api.send(pruefung, 'GET', `/v1/carts/${first.id}`)).statusCode, 404);
      const after = z.parse(CartListSchema, (await api.send(pruefung, 'GET', '/v1/carts')).json()).items;
      assert.equal(after.filter((c) => c.active).length, 0);
      for (const c of after) assert.equal((await api.send(pruefung, 'DELETE', `/v1/carts/${c.id}`)).statusCode, 204);
    });

    it('copies the lines of another of the caller\'s carts ("save as") and leaves the original alone', async () => {
      const [a, b] = products.simple();
      const original = await api.changed(schmidt, await api.create(schmidt, { active: false }), [
        { op: 'add', sku: a!.sku, quantity: products.validQuantity(a!) },
        { op: 'add', sku: b!.sku, quantity: products.validQuantity(b!) + 1 },
      ]);
      const copy = await api.create(schmidt, { name: 'Kopie', active: false, copyFrom: original.id });
      assert.notEqual(copy.id, original.id);
      assert.deepEqual(copy.lines.map((l) => [l.sku, l.quantity]), original.lines.map((l) => [l.sku, l.quantity]));
      assert.deepEqual(copy.totals, original.totals);
      assert.equal(copy.version, 0);
      // The copy changes on its own.
      await api.changed(schmidt, copy, [{ op: 'remove', sku: a!.sku }]);
      assert.equal((await api.get(schmidt, original.id)).lineCount, 2);
    });

    it("answers 404 for copying another user's cart", async () => {
      const annas = await api.create(anna, { active: false });
      const res = await api.send(einkauf, 'POST', '/v1/carts', { copyFrom: annas.id });
      assert.equal(res.statusCode, 404);
      assert.equal(res.json().code, 'not_found');
    });
  });

  describe('POST /v1/carts/{id}/changes', () => {
    it('merges an add into the line of the same SKU and reports the effect in the history', async () => {
      const p = products.simple()[0]!;
      const q = products.validQuantity(p);
      let cart = await api.create(schmidt, { active: false });
      cart = await api.changed(schmidt, cart, [{ op: 'add', sku: p.sku, quantity: q }]);
      cart = await api.changed(schmidt, cart, [{ op: 'add', sku: p.sku, quantity: q }, { op: 'add', sku: p.sku, quantity: 1 }]);
      assert.equal(cart.version, 2);
      assert.equal(cart.lineCount, 1);
      assert.equal(cart.lines[0]!.quantity, 2 * q + 1);
      assert.deepEqual(cart.lines[0]!.issues, []);
      assert.equal(cart.lines[0]!.net!.amount, cart.totals.net.amount);
      assert.deepEqual(await linesOf(cart.id), [{ sku: p.sku, quantity: 2 * q + 1 }]);
      const history = z.parse(CartHistorySchema, (await api.send(schmidt, 'GET', `/v1/carts/${cart.id}/history`)).json()).items;
      assert.deepEqual(history.map((e) => [e.kind, e.version, e.data]), [
        ['changed', 2, { added: 0, updated: 1, removed: 0 }],
        ['changed', 1, { added: 1, updated: 0, removed: 0 }],
        ['created', 0, { name: cart.name }],
      ]);
      assert.deepEqual(history[0]!.actor, { userId: 'usr_schmidt1', name: 'Einkauf Schmidt Haustechnik' });
      assert.deepEqual(history[0]!.via, { channel: 'web', partnerId: null });
    });

    it('sets and removes lines, keeping the order lines were added in', async () => {
      const [a, b, c] = products.simple();
      let cart = await api.create(schmidt, { active: false });
      cart = await api.changed(schmidt, cart, [a!, b!, c!].map((p) => ({ op: 'add' as const, sku: p.sku, quantity: products.validQuantity(p) })));
      cart = await api.changed(schmidt, cart, [
        { op: 'set', sku: b!.sku, quantity: products.validQuantity(b!) + 4 },
        { op: 'remove', sku: a!.sku },
        { op: 'remove', sku: 'XX-NOT-IN-CART' },
      ]);
      assert.deepEqual(cart.lines.map((l) => l.sku), [b!.sku, c!.sku]);
      assert.equal(cart.lines[0]!.quantity, products.validQuantity(b!) + 4);
      // Re-adding a removed SKU appends it.
      cart = await api.changed(schmidt, cart, [{ op: 'set', sku: a!.sku, quantity: products.validQuantity(a!) }]);
      assert.deepEqual(cart.lines.map((l) => l.sku), [b!.sku, c!.sku, a!.sku]);
      // Removed and added again in one request: it moves to the end.
      cart = await api.changed(schmidt, cart, [{ op: 'remove', sku: b!.sku }, { op: 'add', sku: b!.sku, quantity: products.validQuantity(b!) }]);
      assert.deepEqual(cart.lines.map((l) => l.sku), [c!.sku, a!.sku, b!.sku]);
      assert.deepEqual((await api.get(schmidt, cart.id)).lines.map((l) => [l.sku, l.quantity]), cart.lines.map((l) => [l.sku, l.quantity]));
      assert.deepEqual((await linesOf(cart.id)).map((l) => l.sku), [c!.sku, a!.sku, b!.sku]);
    });

    it('checks quantities after merging: step, minimum and maximum with the nearest valid quantities', async () => {
      let cart = await api.create(schmidt, { active: false });
      cart = await api.changed(schmidt, cart, [{ op: 'add', sku: 'KL-1001', quantity: 100 }]);
      // 100 + 20 = 120: off the step of 50, although 20 alone is only below the minimum.
      let res = await api.change(schmidt, cart, [{ op: 'add', sku: 'KL-1001', quantity: 20 }]);
      assert.equal(res.statusCode, 422);
      assert.deepEqual(res.json().issues, [
        { path: ['changes', 0, 'quantity'], code: 'step', message: 'Order in steps of 50.', params: { step: 50 }, suggestions: [100, 150] },
      ]);
      res = await api.change(schmidt, cart, [{ op: 'set', sku: 'KL-1001', quantity: 20 }]);
      assert.deepEqual(res.json().issues[0].suggestions, [50]);
      assert.equal(res.json().issues[0].code, 'min_quantity');
      // Two adds that merge above the maximum: the issue is on the last change that touched the SKU.
      res = await api.change(schmidt, cart, [{ op: 'add', sku: 'KL-1001', quantity: 2500 }, { op: 'add', sku: products.simple()[0]!.sku, quantity: products.validQuantity(products.simple()[0]!) }, { op: 'add', sku: 'KL-1001', quantity: 2500 }]);
      assert.deepEqual(res.json().issues.map((i: { path: unknown; code: string; suggestions: unknown }) => [i.path, i.code, i.suggestions]), [[['changes', 2, 'quantity'], 'max_quantity', [5000]]]);
      assert.equal((await api.get(schmidt, cart.id)).version, 1);
    });

    it('refuses an unknown SKU with the closest SKUs and writes nothing', async () => {
      const p = products.simple()[0]!;
      let cart = await api.create(schmidt, { active: false });
      cart = await api.changed(schmidt, cart, [{ op: 'add', sku: p.sku, quantity: products.validQuantity(p) }]);
      const res = await api.change(schmidt, cart, [
        { op: 'set', sku: p.sku, quantity: products.validQuantity(p) + 1 },
        { op: 'add', sku: 'kl1001', quantity: 50 },
        { op: 'add', sku: 'KL-0101', quantity: 50 },
      ], { 'accept-language': 'de' });
      assert.equal(res.statusCode, 422);
      const body = res.json();
      assert.equal(body.code, 'validation');
      assert.deepEqual(body.issues.map((i: { path: unknown }) => i.path), [['changes', 1, 'sku'], ['changes', 2, 'sku']]);
      assert.equal(body.issues[0].code, 'unknown_sku');
      assert.equal(body.issues[0].message, 'Es gibt keinen Artikel mit der Nummer kl1001.');
      assert.equal(body.issues[0].suggestions[0], 'KL-1001');
      assert.equal(body.issues[1].suggestions[0], 'KL-1001');
      assert.ok(body.issues[1].suggestions.length <= 3);
      const now = await api.get(schmidt, cart.id);
      assert.equal(now.version, 1);
      assert.deepEqual(now.lines.map((l) => [l.sku, l.quantity]), [[p.sku, products.validQuantity(p)]]);
    });

    it("takes a SKU typed in another case than the catalogue's as the catalogue's article, for every kind of change", async () => {
      const [p, q] = products.simple().filter((x) => /[A-Z]/.test(x.sku));
      let cart = await api.create(schmidt, { active: false });
      cart = await api.changed(schmidt, cart, [{ op: 'add', sku: p!.sku, quantity: products.validQuantity(p!) }]);
      // Merged with the line of the same article, and a new line under the catalogue's SKU.
      cart = await api.changed(schmidt, cart, [
        { op: 'add', sku: p!.sku.toLowerCase(), quantity: products.validQuantity(p!) },
        { op: 'add', sku: q!.sku.toLowerCase(), quantity: products.validQuantity(q!) },
      ]);
      assert.deepEqual(cart.lines.map((l) => [l.sku, l.quantity]), [[p!.sku, 2 * products.validQuantity(p!)], [q!.sku, products.validQuantity(q!)]]);
      cart = await api.changed(schmidt, cart, [{ op: 'remove', sku: q!.sku.toLowerCase() }]);
      assert.deepEqual(await linesOf(cart.id), [{ sku: p!.sku, quantity: 2 * products.validQuantity(p!) }]);
    });

    it('keeps a SKU unknown when it matches two articles but for case, and suggests them', async () => {
      const [upper] = await addBulkProducts(t.db, 1, 'QZ');
      const [mixed] = await addBulkProducts(t.db, 1, 'Qz');
      const cart = await api.create(schmidt, { active: false });
      const res = await api.change(schmidt, cart, [{ op: 'add', sku: 'qz-00001', quantity: 1 }]);
      assert.equal(res.statusCode, 422, res.body);
      const [issue] = res.json().issues;
      assert.equal(issue.code, 'unknown_sku');
      assert.ok(issue.suggestions.includes(upper), JSON.stringify(issue));
      assert.equal((await api.changed(schmidt, cart, [{ op: 'add', sku: mixed!, quantity: 1 }])).lines[0]!.sku, mixed);
    });

    it('never suggests a discontinued article: not for a typo of its SKU, not as the replacement of another', async () => {
      const gone = t.world.products.filter((p) => p.status === 'discontinued' && p.visibility === 'public');
      const typo = `${gone[0]!.sku}Q`;
      assert.ok(!t.world.products.some((p) => p.sku === typo));
      const cart = await api.create(schmidt, { active: false });
      let res = await api.change(schmidt, cart, [{ op: 'add', sku: typo, quantity: 1 }]);
      assert.equal(res.statusCode, 422, res.body);
      const [unknown] = res.json().issues;
      assert.equal(unknown.code, 'unknown_sku');
      const discontinued = new Set(gone.map((p) => p.sku));
      assert.ok(unknown.suggestions?.length, 'some suggestion');
      for (const s of unknown.suggestions) assert.ok(!discontinued.has(s), `${s} is discontinued`);

      // An article whose replacement was discontinued in turn.
      const [old, older] = await addBulkProducts(t.db, 2, 'ZD');
      await t.db.updateTable('products').set({ status: 'discontinued', replacement_sku: older! }).where('sku', '=', old!).execute();
      await t.db.updateTable('products').set({ status: 'discontinued' }).where('sku', '=', older!).execute();
      res = await api.change(schmidt, cart, [{ op: 'add', sku: old!, quantity: 1 }]);
      const [replaced] = res.json().issues;
      assert.equal(replaced.code, 'discontinued');
      assert.equal(replaced.suggestions, undefined);
    });

    it("treats a product restricted to another company as unknown and suggests only the caller's SKUs", async () => {
      const restricted = products.restricted();
      const cart = await api.create(einkauf, { active: false });
      const res = await api.change(einkauf, cart, [{ op: 'add', sku: restricted.sku, quantity: products.validQuantity(restricted) }]);
      assert.equal(res.statusCode, 422);
      const [issue] = res.json().issues;
      assert.equal(issue.code, 'unknown_sku');
      const hidden = new Set(t.world.products.filter((p) => p.visibility === 'restricted').map((p) => p.sku));
      for (const s of issue.suggestions ?? []) assert.ok(!hidden.has(s), s);
      // Schmidt may buy it.
      const theirs = await api.create(schmidt, { active: false });
      assert.equal((await api.change(schmidt, theirs, [{ op: 'add', sku: restricted.sku, quantity: products.validQuantity(restricted) }])).statusCode, 200);
    });

    it('refuses a discontinued product with its replacement as suggestion, and a product without price', async () => {
      const gone = products.discontinued();
      const cart = await api.create(schmidt, { active: false });
      let res = await api.change(schmidt, cart, [{ op: 'add', sku: gone.sku, quantity: products.validQuantity(gone) }]);
      assert.equal(res.statusCode, 422);
      assert.equal(res.json().issues[0].code, 'discontinued');
      assert.deepEqual(res.json().issues[0].suggestions, [gone.replacementSku]);
      const onRequest = products.onRequest();
      res = await api.change(schmidt, cart, [{ op: 'add', sku: onRequest.sku, quantity: products.validQuantity(onRequest) }]);
      assert.equal(res.json().issues[0].code, 'no_price');
    });

    it('answers 400 from the schema for zero, negative or fractional quantities and an empty change list', async () => {
      const cart = await api.create(schmidt, { active: false });
      for (const quantity of [0, -5, 1.5, '3']) {
        const res = await api.change(schmidt, cart, [{ op: 'add', sku: 'KL-1001', quantity }]);
        assert.equal(res.statusCode, 400, String(quantity));
        assert.equal(res.json().code, 'validation');
        assert.deepEqual(res.json().issues[0].path, ['changes', 0, 'quantity']);
      }
      assert.equal((await api.change(schmidt, cart, [])).statusCode, 400);
      assert.equal((await api.change(schmidt, cart, [{ op: 'rename', sku: 'KL-1001' }])).statusCode, 400);
    });

    it('takes 5,000 lines and refuses the 5,001st with max_lines, writing nothing', async () => {
      const skus = await addBulkProducts(t.db, MAX_CART_LINES + 1);
      let cart = await api.create(anna, { active: false });
      const started = performance.now();
      cart = await api.changed(anna, cart, skus.slice(0, MAX_CART_LINES).map((sku) => ({ op: 'add' as const, sku, quantity: 2 })));
      const ms = performance.now() - started;
      assert.equal(cart.lineCount, MAX_CART_LINES);
      assert.equal(cart.lines.length, MAX_CART_LINES);
      assert.ok(cart.lines.every((l) => l.issues.length === 0));
      assert.ok(ms < 20_000, `${ms} ms`);
      const res = await api.change(anna, cart, [{ op: 'add', sku: skus[MAX_CART_LINES]!, quantity: 1 }]);
      assert.equal(res.statusCode, 422);
      assert.deepEqual(res.json().issues, [{ path: ['changes'], code: 'max_lines', message: 'A cart holds at most 5,000 lines.', params: { max: 5000 } }]);
      // A set of an existing line still works at the limit.
      const again = await api.changed(anna, cart, [{ op: 'set', sku: skus[0]!, quantity: 3 }]);
      assert.equal(again.version, 2);
      const stored = await t.db.selectFrom('cart_lines').select((eb) => eb.fn.countAll<number>().as('n')).where('cart_id', '=', cart.id).executeTakeFirstOrThrow();
      assert.equal(Number(stored.n), MAX_CART_LINES);
      // Listing prices a big cart too.
      const list = z.parse(CartListSchema, (await api.send(anna, 'GET', '/v1/carts')).json()).items;
      assert.equal(list.find((c) => c.id === cart.id)!.lineCount, MAX_CART_LINES);
      assert.equal((await api.send(anna, 'DELETE', `/v1/carts/${cart.id}`)).statusCode, 204);
    });
  });

  describe('scope', () => {
    it("answers 404 for another company's cart and a colleague's cart, for every route", async () => {
      const annas = await api.create(anna, { active: false });
      const p = products.simple()[0]!;
      for (const token of [schmidt, einkauf]) {
        const calls = [
          api.send(token, 'GET', `/v1/carts/${annas.id}`),
          api.change(token, annas, [{ op: 'add', sku: p.sku, quantity: products.validQuantity(p) }]),
          api.send(token, 'PATCH', `/v1/carts/${annas.id}`, { version: 0, name: 'Meins' }),
          api.send(token, 'DELETE', `/v1/carts/${annas.id}`),
          api.send(token, 'GET', `/v1/carts/${annas.id}/history`),
          api.send(token, 'POST', `/v1/carts/${annas.id}/handoffs`, { to: 'channel', channel: 'web' }),
        ];
        for (const res of await Promise.all(calls)) {
          assert.equal(res.statusCode, 404, res.body);
          assert.equal(res.json().code, 'not_found');
        }
      }
      assert.equal((await api.get(anna, annas.id)).version, 0);
      const list = z.parse(CartListSchema, (await api.send(einkauf, 'GET', '/v1/carts')).json()).items;
      assert.ok(!list.some((c) => c.id === annas.id));
    });

    it('answers 400 for an id that is not a cart id', async () => {
      assert.equal((await api.send(schmidt, 'GET', '/v1/carts/ord_123')).statusCode, 400);
    });
  });

  describe('PATCH /v1/carts/{id}', () => {
    it('renames with the version and records it; a stale version is a 409 with the current cart', async () => {
      const cart = await api.create(schmidt, { active: false, name: 'Alt' });
      const res = await api.send(schmidt, 'PATCH', `/v1/carts/${cart.id}`, { version: 0, name: '  Baustelle Nord  ' });
      assert.equal(res.statusCode, 200, res.body);
      assert.equal(res.json().name, 'Baustelle Nord');
      assert.equal(res.json().version, 1);
      const stale = await api.send(schmidt, 'PATCH', `/v1/carts/${cart.id}`, { version: 0, name: 'Wieder' });
      assert.equal(stale.statusCode, 409);
      assert.equal(stale.json().code, 'conflict');
      assert.equal(z.parse(CartSchema, stale.json().details.cart).name, 'Baustelle Nord');
      const history = (await api.send(schmidt, 'GET', `/v1/carts/${cart.id}/history`)).json().items;
      assert.deepEqual(history[0].data, { name: 'Baustelle Nord', previous: 'Alt' });
      assert.equal(history[0].kind, 'renamed');
    });

    it('refuses a name with a broken character or a control character instead of storing replacement characters', async () => {
      const cart = await api.create(schmidt, { active: false, name: 'Alt' });
      for (const [name, code] of [['Baustelle \uD83D', 'unpaired_surrogate'], ['Baustelle\u0000Nord', 'control_character'], ['\u202Edron elletsuaB', 'control_character'], ['Baustelle\nNord', 'line_break']]) {
        const renamed = await api.send(schmidt, 'PATCH', `/v1/carts/${cart.id}`, { version: 0, name });
        assert.equal(renamed.statusCode, 400, renamed.body);
        assert.deepEqual(renamed.json().issues.map((i: { path: unknown[]; code: string }) => [i.path, i.code]), [[['name'], code]], JSON.stringify(name));
        const created = await api.send(schmidt, 'POST', '/v1/carts', { name, active: false });
        assert.equal(created.statusCode, 400, created.body);
      }
      const stored = await t.db.selectFrom('carts').select('name').where('id', '=', cart.id).executeTakeFirstOrThrow();
      assert.equal(stored.name, 'Alt');
    });
  });

  describe('GET /v1/carts/{id}/history', () => {
    it('lists entries newest first, also within the same instant', async () => {
      let cart = await api.create(schmidt, { active: false });
      const p = products.simple()[0]!;
      for (let i = 1; i <= 3; i++) cart = await api.changed(schmidt, cart, [{ op: 'set', sku: p.sku, quantity: products.validQuantity(p) + i }]);
      const items = z.parse(CartHistorySchema, (await api.send(schmidt, 'GET', `/v1/carts/${cart.id}/history`)).json()).items;
      assert.deepEqual(items.map((e) => e.version), [3, 2, 1, 0]);
      assert.deepEqual(items.map((e) => e.kind), ['changed', 'changed', 'changed', 'created']);
    });
  });

  describe('GET /v1/company/users', () => {
    it("lists the caller's colleagues by name", async () => {
      const res = await api.send(einkauf, 'GET', '/v1/company/users');
      const items = z.parse(ColleagueListSchema, res.json()).items;
      assert.deepEqual(items.map((u) => u.name), ['Anna Müller', 'Einkauf Elektro Müller', 'Rechnungsprüfung Elektro Müller']);
      assert.equal(items[0]!.email, 'anna.mueller@elektro-mueller.de');
    });
  });

  it('uses the app clock for new carts', async () => {
    clock = new Date('2026-11-23T16:00:00.000Z');
    const cart = await api.create(schmidt, { active: false });
    assert.equal(cart.createdAt, '2026-11-23T16:00:00.000Z');
    assert.equal(cart.name, 'Cart 23 Nov 2026, 17:00');
    // Berlin's day and summer time: 23:30 UTC in November is the next day there, 10:00 UTC in July is 12:00.
    clock = new Date('2026-11-23T23:30:00.000Z');
    assert.equal((await api.send(schmidt, 'POST', '/v1/carts', { active: false }, { 'accept-language': 'de' })).json().name, 'Warenkorb 24.11.2026, 00:30');
    clock = new Date('2026-07-01T10:00:00.000Z');
    assert.equal((await api.create(schmidt, { active: false })).name, 'Cart 1 Jul 2026, 12:00');
  });
});
