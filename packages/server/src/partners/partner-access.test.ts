import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { AvailabilityResponseSchema, CartSchema, OrderPageSchema, OrderSchema, type Cart, type Order } from '@kontor/core';
import { decodeProtectedHeader, SignJWT } from 'jose';
import * as z from 'zod/mini';
import { pick } from '../testing/cart-helpers.js';
import { TEST_JWT_SECRET, auth, createTestApp, type TestApp } from '../testing/test-app.js';
import { createPartnerKey, linkPartnerCustomer, registerPartnerOrigin, revokePartnerKey, unlinkPartnerCustomer } from './partner.service.js';

const NORD = 'kpk_demo_nord_2026';
const SUED = 'kpk_demo_sued_2026';
/** Wednesday 2.12.2026, 10:00 in Hamburg. */
const START = '2026-12-02T09:00:00.000Z';
/** The demo portal's origin, registered for ptn_nord by the seed. */
const PORTAL = 'http://127.0.0.1:8081';

describe('partner access (customer tokens, revocation, origins, partner reads)', () => {
  let t: TestApp;
  let clock = new Date(START);
  const advance = (ms: number) => (clock = new Date(clock.getTime() + ms));
  before(async () => {
    t = await createTestApp({ now: () => clock, loginRateLimit: { max: 10_000, timeWindowMs: 60_000 }, partnerOrigins: { ptn_sued: ['https://portal.sued.example'] } });
  });
  after(() => t.close());

  const send = (token: string, method: 'GET' | 'POST', url: string, payload?: unknown, headers: Record<string, string> = {}) =>
    t.app.inject({ method, url, headers: { ...auth(token), ...headers }, ...(payload === undefined ? {} : { payload: payload as object }) });
  const mint = async (key: string, body: Record<string, unknown> = { companyId: 'cmp_baulicht' }) => {
    const res = await send(key, 'POST', '/v1/partner/customer-tokens', body);
    assert.equal(res.statusCode, 201, res.body);
    return res.json() as { token: string; expiresAt: string };
  };
  const me = (token: string, headers: Record<string, string> = {}) => send(token, 'GET', '/v1/me', undefined, headers);
  const refusal = (res: { statusCode: number; json: () => unknown }) => {
    const body = res.json() as { code: string; message: string; issues: { code: string; path: string[] }[] };
    return { status: res.statusCode, code: body.code, issue: body.issues?.[0]?.code, message: body.message };
  };

  describe('minting', () => {
    it("carries the partner's user reference and the minting key's id", async () => {
      const { token } = await mint(NORD, { companyId: 'cmp_baulicht', externalUserRef: 'portal-user-4711' });
      const body = (await me(token)).json();
      assert.equal(body.kind, 'customer');
      assert.equal(body.externalUserRef, 'portal-user-4711');
      assert.match(String(decodeProtectedHeader(token).kid), /^pk_/);
    });
  });

  describe('refused tokens say why', () => {
    it('answers an expired token with 401 token_expired, in English and German', async () => {
      const { token } = await mint(NORD, { companyId: 'cmp_baulicht', ttlSeconds: 60 });
      assert.equal((await me(token)).statusCode, 200);
      advance(61_000);
      assert.deepEqual(refusal(await me(token)), { status: 401, code: 'unauthorized', issue: 'token_expired', message: 'Your access has expired. Please sign in again.' });
      assert.equal(refusal(await me(token, { 'accept-language': 'de' })).message, 'Ihr Zugang ist abgelaufen. Bitte melden Sie sich erneut an.');
    });

    it('answers a forged token (another secret, or no key id) with 401 token_invalid', async () => {
      const claims = { cmp: 'cmp_baulicht', ptn: 'ptn_nord', channel: 'partner' };
      const iat = Math.floor(clock.getTime() / 1000);
      const forged = await new SignJWT(claims).setProtectedHeader({ alg: 'HS256', kid: 'pk_x' }).setIssuer('kontor').setAudience('kontor-api').setIssuedAt(iat).setExpirationTime(iat + 600).sign(new TextEncoder().encode('another-secret-another-secret-another'));
      assert.equal(refusal(await me(forged)).issue, 'token_invalid');
      const noKid = await new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).setIssuer('kontor').setAudience('kontor-api').setIssuedAt(iat).setExpirationTime(iat + 600).sign(new TextEncoder().encode(TEST_JWT_SECRET));
      assert.equal(refusal(await me(noKid)).issue, 'token_invalid');
      assert.equal(refusal(await me('not-a-token')).issue, 'token_invalid');
      const none = await t.app.inject({ url: '/v1/me' });
      assert.equal(refusal(none).issue, 'token_missing');
    });
  });

  describe('revocation ends every token of it at once', () => {
    it("a revoked partner key: the key and every token it minted, not the partner's other keys", async () => {
      const { key, keyId } = await createPartnerKey(t.db, 'ptn_nord', clock);
      const first = await mint(key);
      const second = await mint(key, { companyId: 'cmp_baulicht', externalUserRef: 'someone-else' });
      const other = await mint(NORD);
      assert.equal((await me(first.token)).statusCode, 200);
      assert.equal(await revokePartnerKey(t.db, { keyId }, clock), true);
      for (const token of [first.token, second.token]) assert.deepEqual(refusal(await me(token)).issue, 'token_revoked');
      assert.equal(refusal(await me(key)).issue, 'token_invalid');
      assert.equal((await me(other.token)).statusCode, 200);
      assert.equal((await send(NORD, 'GET', '/v1/partner/companies')).statusCode, 200);
      assert.equal(await revokePartnerKey(t.db, { keyId }, clock), false);
    });

    it("a revoked customer link: the partner's tokens for that company, also after a new link", async () => {
      const { token } = await mint(NORD);
      advance(1_000);
      assert.equal(await unlinkPartnerCustomer(t.db, 'ptn_nord', 'cmp_baulicht', clock), true);
      try {
        assert.equal(refusal(await me(token)).issue, 'token_revoked');
        assert.equal((await send(NORD, 'POST', '/v1/partner/customer-tokens', { companyId: 'cmp_baulicht' })).statusCode, 404);
      } finally {
        await linkPartnerCustomer(t.db, 'ptn_nord', 'cmp_baulicht', clock);
      }
      assert.equal(refusal(await me(token)).issue, 'token_revoked');
      advance(1_000);
      assert.equal((await me((await mint(NORD)).token)).statusCode, 200);
    });

    it("the partner revokes a customer's tokens: older ones are refused, newer ones work; another partner's company is a 404", async () => {
      const before = await mint(NORD);
      const key = randomUUID();
      const res = await send(NORD, 'POST', '/v1/partner/companies/cmp_baulicht/token-revocations', undefined, { 'idempotency-key': key });
      assert.equal(res.statusCode, 201, res.body);
      const revocation = res.json() as { companyId: string; revokedBefore: string };
      assert.equal(revocation.companyId, 'cmp_baulicht');
      assert.ok(Date.parse(revocation.revokedBefore) >= clock.getTime());
      const again = await send(NORD, 'POST', '/v1/partner/companies/cmp_baulicht/token-revocations', undefined, { 'idempotency-key': key });
      assert.equal(again.headers['idempotent-replayed'], 'true');
      assert.deepEqual(again.json(), revocation);
      assert.equal(refusal(await me(before.token)).issue, 'token_revoked');
      advance(1_000);
      assert.equal((await me((await mint(NORD)).token)).statusCode, 200);
      for (const companyId of ['cmp_sonne', 'cmp_mueller', 'cmp_unknown']) {
        assert.equal((await send(NORD, 'POST', `/v1/partner/companies/${companyId}/token-revocations`)).statusCode, 404, companyId);
      }
    });
  });

  describe('browser origins', () => {
    it('refuses a partner key from any browser origin with 403 partner_key_in_browser', async () => {
      for (const origin of [PORTAL, 'https://evil.example', 'null']) {
        const res = await send(NORD, 'POST', '/v1/partner/customer-tokens', { companyId: 'cmp_baulicht' }, { origin });
        assert.deepEqual({ ...refusal(res), message: undefined }, { status: 403, code: 'forbidden', issue: 'partner_key_in_browser', message: undefined }, origin);
        assert.equal(res.headers['access-control-allow-origin'], undefined);
      }
      const listing = await send(NORD, 'GET', '/v1/partner/companies', undefined, { origin: PORTAL, 'accept-language': 'de' });
      assert.equal(listing.statusCode, 403);
      assert.match(refusal(listing).message, /Partner-API-Schlüssel wird aus einem Browser nicht angenommen \(Origin http:\/\/127\.0\.0\.1:8081\)/);
      // The same request from a server (no Origin) works.
      assert.equal((await send(NORD, 'GET', '/v1/partner/companies')).statusCode, 200);
    });

    it("answers no CORS preflight for the partner's routes", async () => {
      const res = await t.app.inject({ method: 'OPTIONS', url: '/v1/partner/companies/cmp_baulicht/orders', headers: { origin: PORTAL, 'access-control-request-method': 'GET', 'access-control-request-headers': 'authorization' } });
      assert.equal(res.headers['access-control-allow-origin'], undefined);
    });

    it("takes a customer token only from its partner's registered origins", async () => {
      const nord = (await mint(NORD)).token;
      const ok = await send(nord, 'GET', '/v1/products?limit=1', undefined, { origin: PORTAL });
      assert.equal(ok.statusCode, 200, ok.body);
      assert.equal(ok.headers['access-control-allow-origin'], PORTAL);
      const elsewhere = await send(nord, 'GET', '/v1/products?limit=1', undefined, { origin: 'https://evil.example' });
      assert.deepEqual({ ...refusal(elsewhere), message: undefined }, { status: 403, code: 'forbidden', issue: 'origin_not_allowed', message: undefined });
      assert.equal(elsewhere.headers['access-control-allow-origin'], undefined);
      // Süd's portal origin (from the configuration) is not Nord's, and Nord's is not Süd's.
      assert.equal((await send(nord, 'GET', '/v1/me', undefined, { origin: 'https://portal.sued.example' })).statusCode, 403);
      const sued = (await mint(SUED, { companyId: 'cmp_sonne' })).token;
      assert.equal((await send(sued, 'GET', '/v1/me', undefined, { origin: 'https://portal.sued.example' })).statusCode, 200);
      assert.equal((await send(sued, 'GET', '/v1/me', undefined, { origin: PORTAL })).statusCode, 403);
      // A newly registered origin works at once; without an Origin (a server) the token works anyway.
      await registerPartnerOrigin(t.db, 'ptn_nord', 'https://nord.example', clock);
      assert.equal((await send(nord, 'GET', '/v1/me', undefined, { origin: 'https://nord.example' })).statusCode, 200);
      assert.equal((await send(nord, 'GET', '/v1/me')).statusCode, 200);
    });

    it('leaves session tokens to the configured origins', async () => {
      const session = await t.login('einkauf@elektro-mueller.de');
      const res = await send(session, 'GET', '/v1/me', undefined, { origin: 'https://shop.example' });
      assert.equal(res.statusCode, 200);
      assert.equal(res.headers['access-control-allow-origin'], '*');
    });
  });

  describe("the partner reads its customers' orders", () => {
    let order: Order;
    let muellerOrder: Order;
    const placeFor = async (token: string, addressId: string): Promise<Order> => {
      const sku = pick(t).simple().find((p) => p.quantityRules.min === 1)!.sku;
      const created = await send(token, 'POST', '/v1/carts', {});
      assert.equal(created.statusCode, 201, created.body);
      const cart0 = z.parse(CartSchema, created.json());
      const changed = await send(token, 'POST', `/v1/carts/${cart0.id}/changes`, { version: cart0.version, changes: [{ op: 'add', sku, quantity: 1 }] });
      assert.equal(changed.statusCode, 200, changed.body);
      const cart: Cart = z.parse(CartSchema, changed.json());
      const avail = z.parse(AvailabilityResponseSchema, (await send(token, 'POST', '/v1/availability', { destination: 'DE', items: [{ sku, quantity: 1 }] })).json());
      const res = await send(token, 'POST', '/v1/orders', {
        cartId: cart.id, cartVersion: cart.version, expectedGross: cart.totals.gross,
        expectedLines: cart.lines.map((l, i) => ({ sku: l.sku, quantity: l.quantity, unitPrice: l.unitPrice!, promisedDelivery: (avail.items[i] as { earliestDelivery: string | null }).earliestDelivery })),
        deliveryAddress: { addressId }, payment: { method: 'invoice' },
      }, { 'idempotency-key': randomUUID() });
      assert.equal(res.statusCode, 201, res.body);
      return z.parse(OrderSchema, res.json());
    };
    before(async () => {
      const { token } = await mint(NORD, { companyId: 'cmp_baulicht', externalUserRef: 'portal-user-4711' });
      order = await placeFor(token, 'adr_baulichtHq');
      muellerOrder = await placeFor(await t.login('einkauf@elektro-mueller.de'), 'adr_muellerHq');
    });

    it('with the partner channel, the partner id and who in the portal placed it', async () => {
      assert.deepEqual(order.via, { channel: 'partner', partnerId: 'ptn_nord' });
      assert.deepEqual(order.placedBy, { userId: null, name: 'ElektroPartner Nord GmbH', externalUserRef: 'portal-user-4711' });
      const res = await send(NORD, 'GET', '/v1/partner/companies/cmp_baulicht/orders?limit=5');
      assert.equal(res.statusCode, 200, res.body);
      const page = z.parse(OrderPageSchema, res.json());
      const listed = page.items.find((o) => o.id === order.id);
      assert.ok(listed);
      assert.deepEqual(listed.via, { channel: 'partner', partnerId: 'ptn_nord' });
      const one = await send(NORD, 'GET', `/v1/partner/companies/cmp_baulicht/orders/${order.id}`);
      assert.equal(one.statusCode, 200, one.body);
      assert.equal(z.parse(OrderSchema, one.json()).lines.length, 1);
    });

    it("answers 404 for another partner's company, another company's order and a buyer's token", async () => {
      assert.equal((await send(SUED, 'GET', '/v1/partner/companies/cmp_baulicht/orders')).statusCode, 404);
      assert.equal((await send(SUED, 'GET', `/v1/partner/companies/cmp_baulicht/orders/${order.id}`)).statusCode, 404);
      assert.equal((await send(NORD, 'GET', '/v1/partner/companies/cmp_mueller/orders')).statusCode, 404);
      assert.equal((await send(NORD, 'GET', `/v1/partner/companies/cmp_baulicht/orders/${muellerOrder.id}`)).statusCode, 404);
      const buyer = await t.login('einkauf@elektro-mueller.de');
      assert.equal((await send(buyer, 'GET', '/v1/partner/companies/cmp_baulicht/orders')).statusCode, 403);
    });

    it("answers 404 when customer A's token reads customer B's order", async () => {
      const { token } = await mint(NORD);
      assert.equal((await send(token, 'GET', `/v1/orders/${muellerOrder.id}`)).statusCode, 404);
      assert.equal((await send(token, 'GET', `/v1/orders/${order.id}`)).statusCode, 200);
      const sonne = (await mint(SUED, { companyId: 'cmp_sonne' })).token;
      assert.equal((await send(sonne, 'GET', `/v1/orders/${order.id}`)).statusCode, 404);
    });
  });
});
