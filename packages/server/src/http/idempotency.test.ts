import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp, type TestApp } from '../testing/test-app.js';
import { cartApi } from '../testing/cart-helpers.js';
import { canonicalJson } from './idempotency.js';

describe('canonicalJson()', () => {
  it('sorts object keys at every depth and drops undefined, so equal requests hash alike', () => {
    assert.equal(canonicalJson({ b: 1, a: { d: [2, { z: 1, y: undefined, x: null }], c: 'é' } }), '{"a":{"c":"é","d":[2,{"x":null,"z":1}]},"b":1}');
    assert.equal(canonicalJson({ version: 1, changes: [] }), canonicalJson({ changes: [], version: 1 }));
    assert.equal(canonicalJson(null), 'null');
  });
});

describe('Idempotency-Key expiry', () => {
  let t: TestApp;
  let shift = 0;
  let token: string;
  before(async () => {
    t = await createTestApp({ now: () => new Date(Date.now() + shift) });
    token = await t.login('einkauf@schmidt-haustechnik.de');
  });
  after(() => t.close());

  it('forgets a key after 24 hours', async () => {
    const api = cartApi(t);
    const headers = { 'idempotency-key': 'daily-order' };
    const first = await api.send(token, 'POST', '/v1/carts', { name: 'Montag', active: false }, headers);
    assert.equal(first.statusCode, 201);
    assert.equal((await api.send(token, 'POST', '/v1/carts', { name: 'Dienstag', active: false }, headers)).statusCode, 422);
    shift = 25 * 60 * 60 * 1000;
    try {
      // Sessions last 12 hours: sign in again on the shifted clock.
      token = await t.login('einkauf@schmidt-haustechnik.de');
      const next = await api.send(token, 'POST', '/v1/carts', { name: 'Dienstag', active: false }, headers);
      assert.equal(next.statusCode, 201, next.body);
      assert.notEqual(next.json().id, first.json().id);
    } finally {
      shift = 0;
    }
  });
});
