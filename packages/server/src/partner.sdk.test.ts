import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createKontorClient, isKontorError, type HttpError } from '@kontor/core';
import { createPartnerClient } from '@kontor/core/partner';
import { createTestApp, type TestApp } from './testing/test-app.js';

// The partner's Node helper and the token refresh of core's HTTP client, against the real server over HTTP.
describe('@kontor/core/partner and token refresh against the server', () => {
  let t: TestApp;
  let endpoint: string;
  let clock = new Date('2026-12-02T09:00:00.000Z');
  const advance = (ms: number) => (clock = new Date(clock.getTime() + ms));
  before(async () => {
    t = await createTestApp({ now: () => clock });
    endpoint = await t.listen();
  });
  after(() => t.close());

  const partner = () => createPartnerClient({ endpoint, partnerKey: 'kpk_demo_nord_2026', retries: 0 });
  const rejection = async (p: Promise<unknown>) => {
    try {
      await p;
    } catch (error) {
      assert.ok(isKontorError(error));
      return error;
    }
    assert.fail('expected a rejection');
  };

  describe('createPartnerClient()', () => {
    it("mints a customer token with the partner's user reference, lists its customers and reads their orders", async () => {
      const p = partner();
      const customers = await p.customers();
      assert.deepEqual(customers.map((c) => c.id), ['cmp_baulicht']);
      const { token } = await p.mintCustomerToken({ companyId: 'cmp_baulicht', externalUserRef: 'portal-user-4711', ttlSeconds: 300 });
      const me = await createKontorClient({ endpoint, token }).identity.me();
      assert.equal(me.company?.id, 'cmp_baulicht');
      assert.equal(me.externalUserRef, 'portal-user-4711');
      const page = await p.orders('cmp_baulicht', { limit: 5 });
      assert.ok(Array.isArray(page.items));
      assert.ok(page.items.every((o) => o.via.channel === 'partner' || o.via.partnerId === null));
    });

    it("answers not_found for a company the partner does not serve and for another company's order", async () => {
      const p = partner();
      assert.equal((await rejection(p.orders('cmp_mueller'))).code, 'not_found');
      assert.equal((await rejection(p.mintCustomerToken({ companyId: 'cmp_sonne' }))).code, 'not_found');
      assert.equal((await rejection(p.order('cmp_baulicht', 'ord_doesnotexist'))).code, 'not_found');
    });

    it('refuses to run where a window or document exists (a browser)', () => {
      const g = globalThis as { window?: unknown; location?: unknown };
      g.window = {};
      g.location = { origin: 'https://portal.example' };
      try {
        assert.throws(
          () => createPartnerClient({ endpoint, partnerKey: 'kpk_demo_nord_2026' }),
          (e: unknown) => isKontorError(e) && e.code === 'forbidden' && /browser \(origin https:\/\/portal\.example\)/.test(e.message),
        );
      } finally {
        delete g.window;
        delete g.location;
      }
    });

    it('refuses something that is no partner key', () => {
      assert.throws(() => createPartnerClient({ endpoint, partnerKey: 'eyJ.x.y' }), (e: unknown) => isKontorError(e) && e.code === 'not_configured');
    });

    it("revokes a customer's tokens: the next request with an older one is refused as revoked", async () => {
      const p = partner();
      const { token } = await p.mintCustomerToken({ companyId: 'cmp_baulicht' });
      const customer = createKontorClient({ endpoint, token, retries: 0 });
      await customer.identity.me();
      const revocation = await p.revokeCustomerTokens('cmp_baulicht');
      assert.equal(revocation.companyId, 'cmp_baulicht');
      const error = (await rejection(customer.identity.me())) as HttpError;
      assert.equal(error.status, 401);
      assert.equal(error.issues[0]?.code, 'token_revoked');
      advance(1_000);
    });
  });

  describe('refreshToken (core HTTP client)', () => {
    it('continues a request refused for an expired token with the fresh one, asking once for many requests', async () => {
      const p = partner();
      let token = (await p.mintCustomerToken({ companyId: 'cmp_baulicht', ttlSeconds: 60 })).token;
      const reasons: string[] = [];
      const unauthorized: HttpError[] = [];
      const customer = createKontorClient({
        endpoint,
        token,
        retries: 0,
        refreshToken: async ({ error, token: stale }) => {
          assert.equal(stale, token);
          reasons.push(error.issues[0]!.code);
          return (await p.mintCustomerToken({ companyId: 'cmp_baulicht', ttlSeconds: 600 })).token;
        },
        onUnauthorized: (e) => unauthorized.push(e),
      });
      assert.equal((await customer.identity.me()).company?.id, 'cmp_baulicht');
      advance(61_000);
      const [me, products, carts] = await Promise.all([customer.identity.me(), customer.catalogue.list({ limit: 2 }), customer.cart.list()]);
      assert.equal(me.company?.id, 'cmp_baulicht');
      assert.equal(products.items.length, 2);
      assert.ok(Array.isArray(carts));
      assert.deepEqual(reasons, ['token_expired']);
      assert.deepEqual(unauthorized, []);
      // Later requests use the fresh token without asking again.
      token = 'unused';
      await customer.identity.me();
      assert.equal(reasons.length, 1);
    });

    it('fails with the 401 when the host has no fresh token, and when the fresh one is refused too', async () => {
      const p = partner();
      const { token } = await p.mintCustomerToken({ companyId: 'cmp_baulicht', ttlSeconds: 60 });
      advance(61_000);
      const unauthorized: string[] = [];
      const none = createKontorClient({ endpoint, token, retries: 0, refreshToken: () => null, onUnauthorized: (e) => unauthorized.push(e.issues[0]!.code) });
      const error = (await rejection(none.identity.me())) as HttpError;
      assert.equal(error.status, 401);
      assert.equal(error.message, 'Your access has expired. Please sign in again.');
      assert.deepEqual(unauthorized, ['token_expired']);
      const forged = createKontorClient({ endpoint, token, retries: 0, refreshToken: () => 'a.forged.token' });
      const second = (await rejection(forged.identity.me())) as HttpError;
      assert.equal(second.issues[0]?.code, 'token_invalid');
    });

    it('sends a write once more with the fresh token after a 401 (nothing was done by the refused one)', async () => {
      const p = partner();
      const { token } = await p.mintCustomerToken({ companyId: 'cmp_baulicht', ttlSeconds: 60 });
      advance(61_000);
      const customer = createKontorClient({ endpoint, token, retries: 0, refreshToken: async () => (await p.mintCustomerToken({ companyId: 'cmp_baulicht' })).token });
      const cart = await customer.cart.create({ name: 'Nach Ablauf' }, { idempotencyKey: 'refresh-write-1' });
      assert.equal(cart.name, 'Nach Ablauf');
      const carts = await customer.cart.list();
      assert.equal(carts.filter((c) => c.name === 'Nach Ablauf').length, 1);
    });
  });
});
