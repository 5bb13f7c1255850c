import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { CartHistorySchema, CartListSchema, HandOffSchema } from '@kontor/core';
import * as z from 'zod/mini';
import { auth, createTestApp, type TestApp } from '../testing/test-app.js';
import { normalizeHandOffCode } from './cart.routes.js';
import { cartApi, pick } from '../testing/cart-helpers.js';

describe('cart hand-off', () => {
  let t: TestApp;
  let api: ReturnType<typeof cartApi>;
  let products: ReturnType<typeof pick>;
  let einkauf: string;
  let anna: string;
  let pruefung: string;
  let baulicht: string;
  let schmidt: string;
  // The app's clock runs with real time, shifted to test expiry (customer tokens are checked against real time).
  let shift = 0;
  before(async () => {
    t = await createTestApp({ now: () => new Date(Date.now() + shift) });
    api = cartApi(t);
    products = pick(t);
    [einkauf, anna, pruefung, baulicht, schmidt] = (await Promise.all(
      ['einkauf@elektro-mueller.de', 'anna.mueller@elektro-mueller.de', 'pruefung@elektro-mueller.de', 'kauf@baulicht.de', 'einkauf@schmidt-haustechnik.de'].map((e) => t.login(e)),
    )) as [string, string, string, string, string];
  });
  after(() => t.close());

  const line = (i: number) => {
    const p = products.simple()[i]!;
    return { sku: p.sku, quantity: products.validQuantity(p) };
  };
  const customerToken = async (companyId = 'cmp_baulicht', key = 'kpk_demo_nord_2026') => {
    const res = await t.app.inject({ method: 'POST', url: '/v1/partner/customer-tokens', headers: auth(key), payload: { companyId } });
    assert.equal(res.statusCode, 201, res.body);
    return (res.json() as { token: string }).token;
  };
  const handOff = async (token: string, cartId: string, body: unknown) => {
    const res = await api.send(token, 'POST', `/v1/carts/${cartId}/handoffs`, body);
    assert.equal(res.statusCode, 201, res.body);
    return z.parse(HandOffSchema, res.json());
  };
  const claim = (token: string, code: string) => api.send(token, 'POST', '/v1/cart-handoffs/claim', { code });
  const history = async (token: string, cartId: string) => z.parse(CartHistorySchema, (await api.send(token, 'GET', `/v1/carts/${cartId}/history`)).json()).items;

  it('hands a cart to a colleague: theirs at once, active when they have none, gone for the sender', async () => {
    let cart = await api.create(einkauf);
    cart = await api.changed(einkauf, cart, [{ op: 'add', ...line(0) }]);
    const result = await handOff(einkauf, cart.id, { to: 'colleague', userId: 'usr_mueller3' });
    assert.deepEqual(result, { to: 'colleague', code: null, expiresAt: null, channel: null, owner: { kind: 'user', userId: 'usr_mueller3', partnerId: null, name: 'Rechnungsprüfung Elektro Müller' } });
    assert.equal((await api.send(einkauf, 'GET', `/v1/carts/${cart.id}`)).statusCode, 404);
    const theirs = await api.get(pruefung, cart.id);
    assert.equal(theirs.active, true);
    assert.equal(theirs.version, 2);
    assert.deepEqual(theirs.lines.map((l) => l.sku), [line(0).sku]);
    const items = await history(pruefung, cart.id);
    assert.equal(items[0]!.kind, 'handed_off');
    assert.deepEqual(items[0]!.data, { to: 'colleague', userId: 'usr_mueller3', name: 'Rechnungsprüfung Elektro Müller' });
    assert.deepEqual(items[0]!.actor, { userId: 'usr_mueller1', name: 'Einkauf Elektro Müller' });

    // A second one waits among the colleague's saved carts.
    const another = await api.create(einkauf);
    await handOff(einkauf, another.id, { to: 'colleague', userId: 'usr_mueller3' });
    const list = z.parse(CartListSchema, (await api.send(pruefung, 'GET', '/v1/carts')).json()).items;
    assert.equal(list.find((c) => c.id === another.id)!.active, false);
    assert.equal(list.filter((c) => c.active).length, 1);
  });

  it('answers a colleague hand-off retried with its Idempotency-Key the same; a channel hand-off retried makes a new code', async () => {
    const cart = await api.create(einkauf, { active: false });
    const key = { 'idempotency-key': 'handoff-retry-1' };
    const send = () => api.send(einkauf, 'POST', `/v1/carts/${cart.id}/handoffs`, { to: 'colleague', userId: 'usr_mueller2' }, key);
    const first = await send();
    assert.equal(first.statusCode, 201, first.body);
    const retried = await send();
    assert.equal(retried.statusCode, 201, retried.body);
    assert.equal(retried.headers['idempotent-replayed'], 'true');
    assert.deepEqual(retried.json(), first.json());
    assert.equal((await history(anna, cart.id)).filter((e) => e.kind === 'handed_off').length, 1, 'handed off once');
    // Without the key the cart is no longer the sender's.
    assert.equal((await api.send(einkauf, 'POST', `/v1/carts/${cart.id}/handoffs`, { to: 'colleague', userId: 'usr_mueller2' })).statusCode, 404);

    const mine = await api.create(einkauf, { active: false });
    const byCode = () => api.send(einkauf, 'POST', `/v1/carts/${mine.id}/handoffs`, { to: 'channel', channel: 'web' }, { 'idempotency-key': 'handoff-retry-2' });
    const [a, b] = [(await byCode()).json(), (await byCode()).json()];
    assert.notEqual(a.code, b.code, 'no code is kept in plain text to answer a retry');
    const stored = await t.db.selectFrom('idempotency_keys').select('body').where('key', '=', 'handoff-retry-2').execute();
    assert.equal(stored.length, 0);
  });

  it('answers 404 for a colleague of another company', async () => {
    const cart = await api.create(einkauf, { active: false });
    const res = await api.send(einkauf, 'POST', `/v1/carts/${cart.id}/handoffs`, { to: 'colleague', userId: 'usr_schmidt1' });
    assert.equal(res.statusCode, 404);
    assert.equal((await api.get(einkauf, cart.id)).owner.userId, 'usr_mueller1');
  });

  it("hands a cart by code to the partner's portal, which claims it, continues it, and the history shows each channel", async () => {
    let cart = await api.create(baulicht);
    cart = await api.changed(baulicht, cart, [{ op: 'add', ...line(0) }]);
    const result = await handOff(baulicht, cart.id, { to: 'channel', channel: 'partner' });
    assert.match(result.code!, /^KH-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
    assert.equal(result.channel, 'partner');
    assert.ok(Math.abs(Date.parse(result.expiresAt!) - Date.now() - 30 * 60_000) < 5000);
    // Only the hash is stored.
    const stored = await t.db.selectFrom('cart_handoffs').selectAll().where('cart_id', '=', cart.id).execute();
    assert.equal(stored.length, 1);
    assert.ok(!JSON.stringify(stored).includes(result.code!.slice(3, 7)));

    const portal = await customerToken();
    // The portal has its own active cart already; the claimed one replaces it as active.
    const portalsOwn = await api.create(portal);
    // Typed in lower case, without the prefix and dashes.
    const res = await claim(portal, result.code!.toLowerCase().slice(3).replace(/-/g, ''));
    assert.equal(res.statusCode, 200, res.body);
    const claimed = res.json();
    assert.equal(claimed.id, cart.id);
    assert.equal(claimed.active, true);
    assert.deepEqual(claimed.owner, { kind: 'partner', userId: null, partnerId: 'ptn_nord', name: 'ElektroPartner Nord GmbH' });
    assert.deepEqual(claimed.lastChangedVia, { channel: 'partner', partnerId: 'ptn_nord' });
    assert.equal((await api.get(portal, portalsOwn.id)).active, false);
    // The user no longer has it.
    assert.equal((await api.send(baulicht, 'GET', `/v1/carts/${cart.id}`)).statusCode, 404);

    const continued = await api.changed(portal, claimed, [{ op: 'add', ...line(1) }]);
    assert.equal(continued.lineCount, 2);
    assert.deepEqual(continued.createdVia, { channel: 'web', partnerId: null });
    const items = await history(portal, cart.id);
    assert.deepEqual(items.map((e) => [e.kind, e.via.channel, e.via.partnerId, e.actor?.userId ?? null]), [
      ['changed', 'partner', 'ptn_nord', null],
      ['claimed', 'partner', 'ptn_nord', null],
      ['handed_off', 'web', null, 'usr_baulicht1'],
      ['changed', 'web', null, 'usr_baulicht1'],
      ['created', 'web', null, 'usr_baulicht1'],
    ]);
    assert.deepEqual(items[2]!.data, { to: 'channel', channel: 'partner' });

    // Used once.
    const again = await claim(portal, result.code!);
    assert.equal(again.statusCode, 404);
    assert.equal((await claim(baulicht, result.code!)).statusCode, 404);
  });

  it("keeps the partner portal's carts apart from the company users' carts", async () => {
    const portal = await customerToken();
    const portalCart = await api.create(portal, { active: false });
    assert.deepEqual(portalCart.createdVia, { channel: 'partner', partnerId: 'ptn_nord' });
    const userCart = await api.create(baulicht, { active: false });
    assert.equal((await api.send(portal, 'GET', `/v1/carts/${userCart.id}`)).statusCode, 404);
    assert.equal((await api.send(baulicht, 'GET', `/v1/carts/${portalCart.id}`)).statusCode, 404);
    const ids = z.parse(CartListSchema, (await api.send(portal, 'GET', '/v1/carts')).json()).items.map((c) => c.id);
    assert.ok(ids.includes(portalCart.id) && !ids.includes(userCart.id));
    // The portal cannot pretend to be the web shop.
    assert.equal((await api.send(portal, 'POST', '/v1/carts', { channel: 'web' })).statusCode, 422);
  });

  it('hands a cart from a user to another user by code (web to web)', async () => {
    const cart = await api.create(einkauf, { active: false });
    const { code } = await handOff(einkauf, cart.id, { to: 'channel', channel: 'web' });
    const res = await claim(anna, code!);
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.json().owner.userId, 'usr_mueller2');
  });

  it('answers 404 for an expired code, and for a code of another company', async () => {
    const cart = await api.create(einkauf, { active: false });
    const { code } = await handOff(einkauf, cart.id, { to: 'channel', channel: 'web' });
    assert.equal((await claim(schmidt, code!)).statusCode, 404);
    shift = 31 * 60_000;
    try {
      const res = await claim(anna, code!);
      assert.equal(res.statusCode, 404);
      assert.equal(res.json().code, 'not_found');
    } finally {
      shift = 0;
    }
    // Unknown codes look the same.
    assert.equal((await claim(anna, 'KH-0000-0000')).statusCode, 404);
    // Still the sender's.
    assert.equal((await api.get(einkauf, cart.id)).owner.userId, 'usr_mueller1');
    assert.equal((await claim(anna, 'not a code!')).statusCode, 400);
  });

  it('answers a retried claim with the same cart when it carries the Idempotency-Key, and only then', async () => {
    let cart = await api.create(einkauf, { active: false });
    cart = await api.changed(einkauf, cart, [{ op: 'add', ...line(2) }]);
    const { code } = await handOff(einkauf, cart.id, { to: 'channel', channel: 'web' });
    const key = { 'idempotency-key': 'claim-retry-1' };
    const first = await api.send(anna, 'POST', '/v1/cart-handoffs/claim', { code }, key);
    assert.equal(first.statusCode, 200, first.body);
    const retried = await api.send(anna, 'POST', '/v1/cart-handoffs/claim', { code }, key);
    assert.equal(retried.statusCode, 200, retried.body);
    assert.equal(retried.headers['idempotent-replayed'], 'true');
    assert.deepEqual(retried.json(), first.json());
    assert.equal((await history(anna, cart.id)).filter((e) => e.kind === 'claimed').length, 1, 'claimed once');
    // The key is the caller's: a colleague with the same key, or a claim without one, is refused.
    assert.equal((await api.send(pruefung, 'POST', '/v1/cart-handoffs/claim', { code }, key)).statusCode, 404);
    assert.equal((await claim(anna, code!)).statusCode, 404);
  });

  it('claims each code once even when claimed twice at the same time', async () => {
    const cart = await api.create(einkauf, { active: false });
    const { code } = await handOff(einkauf, cart.id, { to: 'channel', channel: 'web' });
    const results = await Promise.all([claim(anna, code!), claim(pruefung, code!)]);
    assert.deepEqual(results.map((r) => r.statusCode).sort(), [200, 404]);
  });
});

describe('normalizeHandOffCode()', () => {
  it('reads codes as people type them: case, dashes, spaces, I/L as 1, O as 0, without the prefix', () => {
    assert.equal(normalizeHandOffCode('kh-7f3k-92qx'), 'KH7F3K92QX');
    assert.equal(normalizeHandOffCode('KH 7F3K 92QX'), 'KH7F3K92QX');
    assert.equal(normalizeHandOffCode('7f3k-92qx'), 'KH7F3K92QX');
    assert.equal(normalizeHandOffCode('KH-OI1L-0000'), 'KH0111-0000'.replace('-', ''));
  });
});
