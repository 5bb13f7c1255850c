import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { before, describe, it } from 'node:test';
import { OfferRequestSchema, SellerOfferSchema, type Cart, type SellerOffer } from '@kontor/core';
import * as z from 'zod/mini';
import type { SmtpReceiver } from '../outbox/testing/servers.js';
import { stockedProducts } from '../standing-orders/testing/helpers.js';
import { cartApi } from '../testing/cart-helpers.js';
import type { TestApp } from '../testing/test-app.js';
import { offersWorld, repLogin } from './testing/world.js';

// Issue 11's bad input, each refused with a typed error and nothing changed: the same request or
// draft or send twice, accepting twice, accepting what cannot be accepted (withdrawn, changes
// requested, a stale version), the rep's negative amounts and discounts outside 0–100 %, another
// company's ids, and a rep who is not the offer's. And the mails of each answer, over real SMTP.

describe('offers: bad input', () => {
  const world = offersWorld();
  const { send, count } = world;
  let t: TestApp;
  let smtp: SmtpReceiver;
  let buyer: string;
  let schmidt: string;
  let jana: string;
  let max: string;
  before(() => ({ t, smtp, buyer, schmidt, jana, max } = world));

  const key = () => ({ 'idempotency-key': randomUUID() });
  const repView = async (id: string) => z.parse(SellerOfferSchema, (await send(jana, 'GET', `/v1/seller/offers/${id}`)).json());
  /** What a refusal must leave as it was: the offer's state and the rows of every table it touches. */
  const snapshot = async (id?: string) => ({
    offer: id ? (({ version, status, currentVersion, draft }) => ({ version, status, currentVersion, draft }))(await repView(id)) : null,
    requests: await count('offer_requests'), offers: await count('offers'), versions: await count('offer_versions'), orders: await count('orders'), standing: await count('standing_orders'),
  });
  const mailTo = async (subject: string, to: string) => {
    const deadline = Date.now() + 5000;
    while (!smtp.mails.some((m) => m.subject === subject) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    const mail = smtp.mails.find((m) => m.subject === subject);
    assert.ok(mail, `no mail "${subject}"; got: ${smtp.mails.map((m) => m.subject).join(', ')}`);
    assert.deepEqual(mail.envelopeTo, [to]);
    return mail;
  };

  async function request() {
    const res = await send(buyer, 'POST', '/v1/offer-requests', { lines: stockedProducts(t, 2).map((p) => ({ sku: p.sku, quantity: 10 })) }, key());
    assert.equal(res.statusCode, 201, res.body);
    return z.parse(OfferRequestSchema, res.json());
  }
  async function draft(token = jana): Promise<SellerOffer> {
    const r = await request();
    const res = await send(token, 'POST', '/v1/seller/offers', { from: { kind: 'request', requestId: r.id } }, key());
    assert.equal(res.statusCode, 201, res.body);
    return z.parse(SellerOfferSchema, res.json());
  }
  async function sent(): Promise<SellerOffer> {
    const offer = await draft();
    const res = await send(jana, 'POST', `/v1/seller/offers/${offer.id}/send`, { version: offer.version }, key());
    assert.equal(res.statusCode, 200, res.body);
    return z.parse(SellerOfferSchema, res.json());
  }
  const content = (offer: SellerOffer, change: Record<string, unknown> = {}) => ({
    lines: offer.draft!.lines.map((l) => ({ sku: l.sku, quantity: l.quantity, pricing: { kind: 'list' } })),
    validUntil: '2026-01-31',
    ...change,
  });
  const acceptBody = (offer: { version: number; currentVersion: number | null }) => ({
    version: offer.version, versionNumber: offer.currentVersion ?? 1, into: { kind: 'order', deliveryAddress: { addressId: 'adr_muellerHq' }, payment: { method: 'invoice' } },
  });

  describe('the same thing twice', () => {
    it('drafts one offer when a rep sends the same draft twice with one Idempotency-Key, and one when two reps race for a request', async () => {
      const r = await request();
      const before = await count('offers');
      const headers = key();
      const first = await send(jana, 'POST', '/v1/seller/offers', { from: { kind: 'request', requestId: r.id } }, headers);
      const again = await send(jana, 'POST', '/v1/seller/offers', { from: { kind: 'request', requestId: r.id } }, headers);
      assert.equal(first.statusCode, 201, first.body);
      assert.deepEqual([again.statusCode, again.headers['idempotent-replayed'], again.json().id], [201, 'true', first.json().id]);
      assert.equal(await count('offers'), before + 1);

      const other = await request();
      const [a, b] = await Promise.all([
        send(jana, 'POST', '/v1/seller/offers', { from: { kind: 'request', requestId: other.id } }, key()),
        send(max, 'POST', '/v1/seller/offers', { from: { kind: 'request', requestId: other.id } }, key()),
      ]);
      assert.deepEqual([a.statusCode, b.statusCode].sort(), [201, 409], `${a.body} ${b.body}`);
      assert.equal((a.statusCode === 409 ? a : b).json().issues[0].code, 'request_closed');
      assert.equal(await count('offers'), before + 2);
    });

    it('sends a version once for a repeated send with the same key: one version, one mail to the buyer', async () => {
      const offer = await draft();
      const headers = key();
      const first = await send(jana, 'POST', `/v1/seller/offers/${offer.id}/send`, { version: offer.version }, headers);
      const again = await send(jana, 'POST', `/v1/seller/offers/${offer.id}/send`, { version: offer.version }, headers);
      assert.equal(first.statusCode, 200, first.body);
      assert.deepEqual([again.statusCode, again.headers['idempotent-replayed']], [200, 'true']);
      const now = await repView(offer.id);
      assert.deepEqual([now.versions.length, now.currentVersion], [1, 1]);
      // Another key is a second send of nothing: refused, no version 2.
      const third = await send(jana, 'POST', `/v1/seller/offers/${offer.id}/send`, { version: now.version }, key());
      assert.deepEqual([third.statusCode, third.json().code, third.json().issues[0].code], [409, 'offer_invalid_transition', 'offer_nothing_to_send']);
      await mailTo(`Ihr Angebot ${offer.number} (Version 1)`, 'einkauf@elektro-mueller.de');
      await new Promise((r) => setTimeout(r, 300)); // time for a second mail, were one queued
      assert.equal(smtp.mails.filter((m) => m.subject === `Ihr Angebot ${offer.number} (Version 1)`).length, 1);
    });

    it('refuses a second rejection and an acceptance after a rejection (409), and changes nothing', async () => {
      const offer = await sent();
      const rejected = await send(buyer, 'POST', `/v1/offers/${offer.id}/reject`, { version: offer.version, versionNumber: 1, reason: 'Zu teuer' });
      assert.equal(rejected.statusCode, 200, rejected.body);
      const before = await snapshot(offer.id);
      const again = await send(buyer, 'POST', `/v1/offers/${offer.id}/reject`, { version: rejected.json().version, versionNumber: 1, reason: 'Immer noch zu teuer' });
      assert.deepEqual([again.statusCode, again.json().code], [409, 'offer_invalid_transition']);
      const accept = await send(buyer, 'POST', `/v1/offers/${offer.id}/accept`, acceptBody({ version: rejected.json().version, currentVersion: 1 }), key());
      assert.deepEqual([accept.statusCode, accept.json().code], [409, 'offer_not_acceptable']);
      assert.deepEqual(await snapshot(offer.id), before);
      // The rep heard of the rejection, with its reason, over SMTP.
      const mail = await mailTo(`Angebot ${offer.number}: abgelehnt`, 'jana.petersen@hansen.example');
      assert.match(String(mail.text), /Zu teuer/);
    });
  });

  describe('accepting what cannot be accepted', () => {
    it('refuses to accept while changes are requested, and after the rep withdrew the next version’s offer; the buyer’s comment reaches the rep over SMTP', async () => {
      const offer = await sent();
      const changes = await send(buyer, 'POST', `/v1/offers/${offer.id}/change-requests`, { version: offer.version, versionNumber: 1, comment: 'Bitte Fracht frei Baustelle' });
      assert.equal(changes.statusCode, 200, changes.body);
      const mail = await mailTo(`Angebot ${offer.number}: Änderungswunsch`, 'jana.petersen@hansen.example');
      assert.match(String(mail.text), /Bitte Fracht frei Baustelle/);
      let before = await snapshot(offer.id);
      const waiting = await send(buyer, 'POST', `/v1/offers/${offer.id}/accept`, acceptBody({ version: changes.json().version, currentVersion: 1 }), key());
      assert.deepEqual([waiting.statusCode, waiting.json().code], [409, 'offer_not_acceptable']);
      assert.deepEqual(await snapshot(offer.id), before);

      const w = await send(jana, 'POST', `/v1/seller/offers/${offer.id}/withdraw`, { version: changes.json().version, reason: 'Artikel ausgelaufen' });
      assert.equal(w.statusCode, 200, w.body);
      await mailTo(`Angebot ${offer.number} zurückgezogen`, 'einkauf@elektro-mueller.de');
      before = await snapshot(offer.id);
      const withdrawn = await send(buyer, 'POST', `/v1/offers/${offer.id}/accept`, acceptBody({ version: w.json().version, currentVersion: 1 }), key());
      assert.deepEqual([withdrawn.statusCode, withdrawn.json().code], [409, 'offer_not_acceptable']);
      const changesAgain = await send(buyer, 'POST', `/v1/offers/${offer.id}/change-requests`, { version: w.json().version, versionNumber: 1, comment: 'Und jetzt?' });
      assert.deepEqual([changesAgain.statusCode, changesAgain.json().code], [409, 'offer_invalid_transition']);
      // Nor can the rep revive it.
      const redraft = await send(jana, 'PUT', `/v1/seller/offers/${offer.id}/draft`, { version: w.json().version, content: content({ ...offer, draft: offer.versions[0]! }) });
      assert.deepEqual([redraft.statusCode, redraft.json().code], [409, 'offer_invalid_transition']);
      assert.deepEqual(await snapshot(offer.id), before);
    });

    it('answers an acceptance with a stale version 409 conflict with the current offer, and places nothing', async () => {
      const offer = await sent();
      const before = await snapshot(offer.id);
      const res = await send(buyer, 'POST', `/v1/offers/${offer.id}/accept`, acceptBody({ version: offer.version - 1, currentVersion: 1 }), key());
      assert.deepEqual([res.statusCode, res.json().code, res.json().details.offer.version], [409, 'conflict', offer.version]);
      assert.deepEqual(await snapshot(offer.id), before);
    });

    it('cannot withdraw an accepted offer', async () => {
      const offer = await sent();
      const accepted = await send(buyer, 'POST', `/v1/offers/${offer.id}/accept`, acceptBody(offer), key());
      assert.equal(accepted.statusCode, 200, accepted.body);
      const before = await snapshot(offer.id);
      const res = await send(jana, 'POST', `/v1/seller/offers/${offer.id}/withdraw`, { version: accepted.json().offer.version });
      assert.deepEqual([res.statusCode, res.json().code], [409, 'offer_invalid_transition']);
      assert.deepEqual(await snapshot(offer.id), before);
      await mailTo(`Angebot ${offer.number}: angenommen`, 'jana.petersen@hansen.example');
    });
  });

  describe("the rep's amounts", () => {
    it('refuses a negative extra line, a whole-offer discount over 100 % or below 0, in a draft and in a new offer, at their paths; nothing changes', async () => {
      const offer = await draft();
      const before = await snapshot(offer.id);
      const cases: [Record<string, unknown>, string, (string | number)[]][] = [
        [{ extras: [{ kind: 'freight', label: 'Fracht', amount: { amount: -4500, currency: 'EUR' }, taxClass: 'standard' }] }, 'price_negative', ['content', 'extras', 0, 'amount', 'amount']],
        [{ discountBp: 10_001 }, 'discount_range', ['content', 'discountBp']],
        [{ discountBp: -1 }, 'discount_range', ['content', 'discountBp']],
      ];
      for (const [change, code, path] of cases) {
        const res = await send(jana, 'PUT', `/v1/seller/offers/${offer.id}/draft`, { version: offer.version, content: content(offer, change) });
        assert.equal(res.statusCode, 400, `${JSON.stringify(change)}: ${res.body}`);
        assert.deepEqual([res.json().code, res.json().issues[0].code, res.json().issues[0].path], ['validation', code, path]);
      }
      // A line discount of 100 % is allowed (a free line); over it is not, also when drafting from scratch.
      const scratch = await send(jana, 'POST', '/v1/seller/offers', {
        companyId: 'cmp_mueller', content: content(offer, { lines: [{ sku: offer.draft!.lines[0]!.sku, quantity: 1, pricing: { kind: 'discount', discountBp: 10_050 } }] }),
      }, key());
      assert.equal(scratch.statusCode, 400, scratch.body);
      assert.deepEqual([scratch.json().issues[0].code, scratch.json().issues[0].path], ['discount_range', ['content', 'lines', 0, 'pricing', 'discountBp']]);
      assert.deepEqual(await snapshot(offer.id), before);
      const free = await send(jana, 'PUT', `/v1/seller/offers/${offer.id}/draft`, {
        version: offer.version, content: content(offer, { lines: [{ sku: offer.draft!.lines[0]!.sku, quantity: 1, pricing: { kind: 'discount', discountBp: 10_000 } }] }),
      });
      assert.equal(free.statusCode, 200, free.body);
      assert.equal(z.parse(SellerOfferSchema, free.json()).draft!.totals.linesNet.amount, 0);
    });

    it('refuses a unit price in another currency (422 currency_mismatch) and changes nothing', async () => {
      const offer = await draft();
      const before = await snapshot(offer.id);
      const res = await send(jana, 'PUT', `/v1/seller/offers/${offer.id}/draft`, {
        version: offer.version, content: content(offer, { lines: [{ sku: offer.draft!.lines[0]!.sku, quantity: 1, pricing: { kind: 'unit_price', unitPrice: { amount: 100, currency: 'CHF' } } }] }),
      });
      assert.deepEqual([res.statusCode, res.json().issues[0].code, res.json().issues[0].path], [422, 'currency_mismatch', ['content', 'lines', 0, 'pricing', 'unitPrice', 'currency']]);
      assert.deepEqual(await snapshot(offer.id), before);
    });
  });

  describe('ids outside the caller’s scope', () => {
    it('answers another company’s offer 404 on every buyer route (view, compare, document, accept, reject, change request) and changes nothing', async () => {
      const offer = await sent();
      const before = await snapshot(offer.id);
      const body = { version: offer.version, versionNumber: 1 };
      const tries = [
        send(schmidt, 'GET', `/v1/offers/${offer.id}`),
        send(schmidt, 'GET', `/v1/offers/${offer.id}/compare?from=0`),
        send(schmidt, 'GET', `/v1/offers/${offer.id}/document`),
        send(schmidt, 'POST', `/v1/offers/${offer.id}/accept`, acceptBody(offer), key()),
        send(schmidt, 'POST', `/v1/offers/${offer.id}/reject`, { ...body, reason: 'Nicht unseres' }),
        send(schmidt, 'POST', `/v1/offers/${offer.id}/change-requests`, { ...body, comment: 'Nicht unseres' }),
        // An id that does not exist answers the same.
        send(buyer, 'GET', '/v1/offers/ofr_doesnotexist000000000000000000'),
      ];
      for (const res of await Promise.all(tries)) assert.deepEqual([res.statusCode, res.json().code], [404, 'not_found'], res.body);
      assert.deepEqual(await snapshot(offer.id), before);
      // The list of the other company does not hold it either.
      const page = (await send(schmidt, 'GET', '/v1/offers?limit=100')).json() as { items: { id: string }[] };
      assert.ok(!page.items.some((o) => o.id === offer.id));
    });

    it('answers an offer request from another company’s cart 404 and makes no request', async () => {
      const carts = cartApi(t);
      const [a] = stockedProducts(t, 1);
      let cart: Cart = await carts.create(buyer);
      cart = await carts.changed(buyer, cart, [{ op: 'add', sku: a!.sku, quantity: 2 }]);
      const before = await count('offer_requests');
      const res = await send(schmidt, 'POST', '/v1/offer-requests', { from: { kind: 'cart', cartId: cart.id } }, key());
      assert.deepEqual([res.statusCode, res.json().code], [404, 'not_found']);
      assert.equal(await count('offer_requests'), before);
    });
  });

  describe('reps', () => {
    it('may not send, withdraw or write the draft of a colleague’s offer (403), only approve it; nothing changes', async () => {
      const offer = await draft(jana);
      const before = await snapshot(offer.id);
      const tries = [
        send(max, 'POST', `/v1/seller/offers/${offer.id}/send`, { version: offer.version }, key()),
        send(max, 'POST', `/v1/seller/offers/${offer.id}/withdraw`, { version: offer.version }),
        send(max, 'PUT', `/v1/seller/offers/${offer.id}/draft`, { version: offer.version, content: content(offer) }),
      ];
      for (const res of await Promise.all(tries)) assert.deepEqual([res.statusCode, res.json().code], [403, 'forbidden'], res.body);
      // Approving a draft within its author's limit is refused too: there is nothing to approve.
      const approve = await send(max, 'POST', `/v1/seller/offers/${offer.id}/approve`, { version: offer.version });
      assert.deepEqual([approve.statusCode, approve.json().issues[0].code], [409, 'offer_no_approval_needed']);
      assert.deepEqual(await snapshot(offer.id), before);
    });

    it('is signed out by logout: the token is refused (401) on every seller route; a buyer’s token never reaches them', async () => {
      const token = await repLogin(t, 'max.huber@hansen.example');
      assert.equal((await send(token, 'GET', '/v1/seller/me')).statusCode, 200);
      assert.equal((await send(token, 'POST', '/v1/seller/auth/logout')).statusCode, 204);
      const offer = await draft(jana);
      for (const res of await Promise.all([
        send(token, 'GET', '/v1/seller/me'),
        send(token, 'GET', `/v1/seller/offers/${offer.id}`),
        send(token, 'POST', `/v1/seller/offers/${offer.id}/approve`, { version: offer.version }),
        send(buyer, 'POST', `/v1/seller/offers/${offer.id}/send`, { version: offer.version }, key()),
        send(buyer, 'POST', '/v1/seller/offers', { companyId: 'cmp_mueller', content: content(offer) }, key()),
      ])) assert.deepEqual([res.statusCode, res.json().code], [401, 'unauthorized'], res.body);
    });
  });
});
