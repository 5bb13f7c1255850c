import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { before, describe, it } from 'node:test';
import { AcceptOfferResultSchema, OfferComparisonSchema, OfferRequestSchema, OfferSchema, SellerOfferSchema, type Cart, type SellerOffer } from '@kontor/core';
import * as z from 'zod/mini';
import type { SmtpReceiver } from '../outbox/testing/servers.js';
import { stockedProducts } from '../standing-orders/testing/helpers.js';
import { cartApi } from '../testing/cart-helpers.js';
import { auth, type TestApp } from '../testing/test-app.js';
import { offersWorld } from './testing/world.js';

describe('the offers API', () => {
  const world = offersWorld();
  const { clock, send, count } = world;
  let t: TestApp;
  let smtp: SmtpReceiver;
  let buyer: string;
  let schmidt: string;
  let jana: string;
  let max: string;
  before(() => ({ t, smtp, buyer, schmidt, jana, max } = world));

  async function request(lines?: { sku: string; quantity: number }[]) {
    const body = lines ? { lines, message: 'Bitte um Ihr bestes Angebot' } : undefined;
    const res = await send(buyer, 'POST', '/v1/offer-requests', body ?? { lines: stockedProducts(t, 2).map((p) => ({ sku: p.sku, quantity: 10 })) }, { 'idempotency-key': randomUUID() });
    assert.equal(res.statusCode, 201, res.body);
    return z.parse(OfferRequestSchema, res.json());
  }
  async function draft(token: string, requestId: string): Promise<SellerOffer> {
    const res = await send(token, 'POST', '/v1/seller/offers', { from: { kind: 'request', requestId } }, { 'idempotency-key': randomUUID() });
    assert.equal(res.statusCode, 201, res.body);
    return z.parse(SellerOfferSchema, res.json());
  }
  const content = (lines: { sku: string; quantity: number; discountBp?: number }[], extra: Record<string, unknown> = {}) => ({
    lines: lines.map((l) => ({ sku: l.sku, quantity: l.quantity, pricing: l.discountBp === undefined ? { kind: 'list' } : { kind: 'discount', discountBp: l.discountBp } })),
    validUntil: '2026-01-31',
    paymentTerms: '30 Tage netto',
    ...extra,
  });
  async function sent(lines = stockedProducts(t, 2).map((p) => ({ sku: p.sku, quantity: 10, discountBp: 500 }))): Promise<SellerOffer> {
    const r = await request(lines.map(({ sku, quantity }) => ({ sku, quantity })));
    let offer = await draft(jana, r.id);
    const res = await send(jana, 'PUT', `/v1/seller/offers/${offer.id}/draft`, { version: offer.version, content: content(lines) });
    assert.equal(res.statusCode, 200, res.body);
    offer = z.parse(SellerOfferSchema, res.json());
    const s = await send(jana, 'POST', `/v1/seller/offers/${offer.id}/send`, { version: offer.version }, { 'idempotency-key': randomUUID() });
    assert.equal(s.statusCode, 200, s.body);
    return z.parse(SellerOfferSchema, s.json());
  }
  const acceptBody = (offer: { version: number; currentVersion: number | null }) => ({
    version: offer.version, versionNumber: offer.currentVersion, into: { kind: 'order', deliveryAddress: { addressId: 'adr_muellerHq' }, payment: { method: 'invoice' } },
  });

  describe('requests', () => {
    it('makes one request of a double submit with the same Idempotency-Key, from the cart', async () => {
      const carts = cartApi(t);
      const [a] = stockedProducts(t, 1);
      let cart: Cart = await carts.create(buyer);
      cart = await carts.changed(buyer, cart, [{ op: 'add', sku: a!.sku, quantity: 4 }]);
      const key = randomUUID();
      const before = await count('offer_requests');
      const body = { from: { kind: 'cart', cartId: cart.id }, message: 'Für das Projekt Arabellapark', desiredDate: '2026-02-15' };
      const first = await send(buyer, 'POST', '/v1/offer-requests', body, { 'idempotency-key': key });
      const again = await send(buyer, 'POST', '/v1/offer-requests', body, { 'idempotency-key': key });
      assert.equal(first.statusCode, 201, first.body);
      assert.equal(again.headers['idempotent-replayed'], 'true');
      assert.equal(again.json().id, first.json().id);
      assert.equal(await count('offer_requests'), before + 1);
      const r = z.parse(OfferRequestSchema, first.json());
      assert.deepEqual([r.status, r.lines, r.cartId, r.desiredDate], ['open', [{ sku: a!.sku, quantity: 4 }], cart.id, '2026-02-15']);
    });

    it('refuses an unknown SKU with a suggestion and changes nothing', async () => {
      const before = await count('offer_requests');
      const res = await send(buyer, 'POST', '/v1/offer-requests', { lines: [{ sku: 'LM-99999', quantity: 1 }] }, { 'idempotency-key': randomUUID() });
      assert.equal(res.statusCode, 422);
      assert.equal(res.json().issues[0].code, 'unknown_sku');
      assert.equal(await count('offer_requests'), before);
    });

    it('hides a company’s requests from another company (404)', async () => {
      const r = await request();
      assert.equal((await send(schmidt, 'GET', `/v1/offer-requests/${r.id}`)).statusCode, 404);
      assert.equal((await send(buyer, 'GET', `/v1/offer-requests/${r.id}`)).statusCode, 200);
    });
  });

  describe('the rep', () => {
    it('signs in with the seller’s own login (a wrong password is 401) and lists open requests of every company', async () => {
      const wrong = await t.app.inject({ method: 'POST', url: '/v1/seller/auth/login', payload: { email: 'jana.petersen@hansen.example', password: 'nope' } });
      assert.equal(wrong.statusCode, 401);
      const buyerLogin = await t.app.inject({ method: 'POST', url: '/v1/seller/auth/login', payload: { email: 'einkauf@elektro-mueller.de', password: 'kontor-demo' } });
      assert.equal(buyerLogin.statusCode, 401);
      const r = await request();
      const page = (await send(jana, 'GET', '/v1/seller/offer-requests?status=open&limit=100')).json() as { items: { id: string; company: { id: string } }[] };
      assert.ok(page.items.some((i) => i.id === r.id && i.company.id === 'cmp_mueller'));
      assert.equal((await send(jana, 'GET', '/v1/seller/me')).json().approvalLimitBp, 1000);
    });

    it('drafts from a request at list price, once per request', async () => {
      const r = await request();
      const offer = await draft(jana, r.id);
      assert.deepEqual([offer.status, offer.draft?.number, offer.draft?.lines.length, offer.currentVersion], ['draft', 1, 2, null]);
      assert.equal(offer.draft!.totals.discountBp, 0);
      assert.match(offer.number, /^ANG-2026-\d{6}$/);
      const again = await send(max, 'POST', '/v1/seller/offers', { from: { kind: 'request', requestId: r.id } }, { 'idempotency-key': randomUUID() });
      assert.equal(again.statusCode, 409);
      assert.equal(again.json().issues[0].code, 'request_closed');
      // The buyer does not see a draft.
      assert.equal((await send(buyer, 'GET', `/v1/offers/${offer.id}`)).statusCode, 404);
    });

    it('rejects a negative price and a discount over 100 %, and changes nothing', async () => {
      const r = await request();
      const offer = await draft(jana, r.id);
      const [line] = offer.draft!.lines;
      const negative = await send(jana, 'PUT', `/v1/seller/offers/${offer.id}/draft`, {
        version: offer.version, content: { lines: [{ sku: line!.sku, quantity: 1, pricing: { kind: 'unit_price', unitPrice: { amount: -100, currency: 'EUR' } } }], validUntil: '2026-01-31' },
      }, auth(jana, 'de'));
      assert.equal(negative.statusCode, 400);
      assert.deepEqual([negative.json().issues[0].code, negative.json().issues[0].path], ['price_negative', ['content', 'lines', 0, 'pricing', 'unitPrice', 'amount']]);
      assert.match(negative.json().issues[0].message, /nicht negativ/);
      const tooMuch = await send(jana, 'PUT', `/v1/seller/offers/${offer.id}/draft`, { version: offer.version, content: content([{ sku: line!.sku, quantity: 1, discountBp: 10_001 }]) });
      assert.equal(tooMuch.statusCode, 400);
      assert.equal(tooMuch.json().issues[0].code, 'discount_range');
      const past = await send(jana, 'PUT', `/v1/seller/offers/${offer.id}/draft`, { version: offer.version, content: content([{ sku: line!.sku, quantity: 1 }], { validUntil: '2026-01-09' }) });
      assert.equal(past.statusCode, 422);
      assert.equal(past.json().issues[0].code, 'valid_until_past');
      const now = z.parse(SellerOfferSchema, (await send(jana, 'GET', `/v1/seller/offers/${offer.id}`)).json());
      assert.deepEqual([now.version, now.draft!.lines.length], [offer.version, 2]);
    });

    it('answers a stale version with 409 and the current offer', async () => {
      const r = await request();
      const offer = await draft(jana, r.id);
      const body = { version: offer.version, content: content(offer.draft!.lines.map((l) => ({ sku: l.sku, quantity: 20 }))) };
      assert.equal((await send(jana, 'PUT', `/v1/seller/offers/${offer.id}/draft`, body)).statusCode, 200);
      const stale = await send(jana, 'PUT', `/v1/seller/offers/${offer.id}/draft`, body);
      assert.equal(stale.statusCode, 409);
      assert.equal(stale.json().code, 'conflict');
      assert.equal(stale.json().details.offer.version, offer.version + 1);
    });

    it('may not change another rep’s offer (403), and a buyer’s or rep’s token is good only for its own routes (401)', async () => {
      const r = await request();
      const offer = await draft(jana, r.id);
      const res = await send(max, 'PUT', `/v1/seller/offers/${offer.id}/draft`, { version: offer.version, content: content([{ sku: offer.draft!.lines[0]!.sku, quantity: 1 }]) });
      assert.equal(res.statusCode, 403);
      assert.equal((await send(max, 'POST', `/v1/seller/offers/${offer.id}/withdraw`, { version: offer.version })).statusCode, 403);
      assert.equal((await send(buyer, 'GET', '/v1/seller/offers')).statusCode, 401);
      assert.equal((await send(jana, 'GET', '/v1/offers')).statusCode, 401);
    });

    it('needs a second rep’s approval to send an offer below the author’s limit', async () => {
      const lines = stockedProducts(t, 2).map((p) => ({ sku: p.sku, quantity: 10, discountBp: 800 }));
      const r = await request(lines.map(({ sku, quantity }) => ({ sku, quantity })));
      let offer = await draft(max, r.id);
      offer = z.parse(SellerOfferSchema, (await send(max, 'PUT', `/v1/seller/offers/${offer.id}/draft`, { version: offer.version, content: content(lines) })).json());
      assert.deepEqual([offer.approval?.needed, offer.approval?.limitBp], [true, 500]);
      const refused = await send(max, 'POST', `/v1/seller/offers/${offer.id}/send`, { version: offer.version });
      assert.equal(refused.statusCode, 409);
      assert.equal(refused.json().code, 'offer_approval_required');
      const self = await send(max, 'POST', `/v1/seller/offers/${offer.id}/approve`, { version: offer.version });
      assert.deepEqual([self.statusCode, self.json().issues[0].code], [409, 'offer_self_approval']);
      const approved = await send(jana, 'POST', `/v1/seller/offers/${offer.id}/approve`, { version: offer.version });
      assert.equal(approved.statusCode, 200, approved.body);
      offer = z.parse(SellerOfferSchema, approved.json());
      assert.equal(offer.approval?.approvedBy?.name, 'Jana Petersen');
      const ok = await send(max, 'POST', `/v1/seller/offers/${offer.id}/send`, { version: offer.version });
      assert.equal(ok.statusCode, 200, ok.body);
      assert.equal(z.parse(SellerOfferSchema, ok.json()).status, 'sent');
    });

    it('mails the buyer when a version is sent, over SMTP', async () => {
      const offer = await sent();
      const subject = `Ihr Angebot ${offer.number} (Version 1)`;
      const deadline = Date.now() + 5000;
      while (!smtp.mails.some((m) => m.subject === subject) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      const mail = smtp.mails.find((m) => m.subject === subject);
      assert.ok(mail, smtp.mails.map((m) => m.subject).join(', '));
      assert.deepEqual(mail.envelopeTo, ['einkauf@elektro-mueller.de']);
      assert.match(String(mail.text), /30 Tage|Gültig bis/);
    });
  });

  describe('the buyer', () => {
    it('lists the company’s sent offers, filters by status, and gets 404 for another company’s', async () => {
      const offer = await sent();
      const page = z.parse(z.object({ items: z.array(OfferSchema), nextCursor: z.nullable(z.string()) }), (await send(buyer, 'GET', '/v1/offers?status=sent&limit=100')).json());
      assert.ok(page.items.some((o) => o.id === offer.id));
      assert.ok(page.items.every((o) => o.status === 'sent'));
      assert.equal((await send(schmidt, 'GET', `/v1/offers/${offer.id}`)).statusCode, 404);
      assert.equal((await send(schmidt, 'POST', `/v1/offers/${offer.id}/accept`, acceptBody(offer), { 'idempotency-key': randomUUID() })).statusCode, 404);
    });

    it('asks for changes, gets version 2, compares and accepts it into one order at the offer’s prices, once', async () => {
      let offer = await sent();
      const changes = await send(buyer, 'POST', `/v1/offers/${offer.id}/change-requests`, { version: offer.version, versionNumber: 1, comment: 'Bitte 20 Stück der ersten Position' });
      assert.equal(changes.statusCode, 200, changes.body);
      assert.equal(changes.json().status, 'changes_requested');
      const rep = z.parse(SellerOfferSchema, (await send(jana, 'GET', `/v1/seller/offers/${offer.id}`)).json());
      const v1 = rep.versions[0]!;
      const lines = v1.lines.map((l, i) => ({ sku: l.sku, quantity: i === 0 ? 20 : l.quantity, discountBp: 700 }));
      offer = z.parse(SellerOfferSchema, (await send(jana, 'PUT', `/v1/seller/offers/${offer.id}/draft`, { version: rep.version, content: content(lines, { extras: [{ kind: 'freight', label: 'Fracht', amount: { amount: 4500, currency: 'EUR' }, taxClass: 'standard' }] }) })).json());
      assert.equal(offer.draft!.number, 2);
      offer = z.parse(SellerOfferSchema, (await send(jana, 'POST', `/v1/seller/offers/${offer.id}/send`, { version: offer.version })).json());
      assert.deepEqual([offer.status, offer.currentVersion, offer.versions.length], ['sent', 2, 2]);

      const cmp = z.parse(OfferComparisonSchema, (await send(buyer, 'GET', `/v1/offers/${offer.id}/compare`)).json());
      assert.deepEqual(cmp.lines.map((l) => [l.kind, l.quantityChanged, l.priceChanged]), [['changed', true, true], ['changed', false, true]]);
      assert.deepEqual(cmp.extras.map((e) => [e.label, e.before, e.after?.amount]), [['Fracht', null, 4500]]);

      const old = await send(buyer, 'POST', `/v1/offers/${offer.id}/accept`, { ...acceptBody(offer), versionNumber: 1 }, { 'idempotency-key': randomUUID() });
      assert.deepEqual([old.statusCode, old.json().code, old.json().issues[0].code], [409, 'offer_not_acceptable', 'offer_version_superseded']);

      const key = randomUUID();
      const ordersBefore = await count('orders');
      const first = await send(buyer, 'POST', `/v1/offers/${offer.id}/accept`, acceptBody(offer), { 'idempotency-key': key });
      assert.equal(first.statusCode, 200, first.body);
      const again = await send(buyer, 'POST', `/v1/offers/${offer.id}/accept`, acceptBody(offer), { 'idempotency-key': key });
      assert.equal(again.headers['idempotent-replayed'], 'true');
      const result = z.parse(AcceptOfferResultSchema, first.json());
      assert.equal(again.json().order.id, result.order!.id);
      assert.equal(await count('orders'), ordersBefore + 1);
      const v2 = offer.versions[1]!;
      assert.deepEqual(result.order!.lines.map((l) => l.unitPrice.amount), v2.lines.map((l) => l.unitPrice.amount));
      assert.deepEqual([result.offer.status, result.offer.acceptedVersion, result.offer.result], ['accepted', 2, { kind: 'order', orderId: result.order!.id, orderNumber: result.order!.number }]);
      assert.match(result.order!.comment ?? '', /Fracht/);

      // Another key is no second order.
      const twice = await send(buyer, 'POST', `/v1/offers/${offer.id}/accept`, { ...acceptBody(offer), version: result.offer.version }, { 'idempotency-key': randomUUID() });
      assert.deepEqual([twice.statusCode, twice.json().code], [409, 'offer_not_acceptable']);
      assert.equal(await count('orders'), ordersBefore + 1);
    });

    it('places one order when two accepts with different keys race, and tells the rep by mail', async () => {
      const offer = await sent();
      const before = await count('orders');
      const [a, b] = await Promise.all([
        send(buyer, 'POST', `/v1/offers/${offer.id}/accept`, acceptBody(offer), { 'idempotency-key': randomUUID() }),
        send(buyer, 'POST', `/v1/offers/${offer.id}/accept`, acceptBody(offer), { 'idempotency-key': randomUUID() }),
      ]);
      assert.deepEqual([a.statusCode, b.statusCode].sort(), [200, 409], `${a.body} ${b.body}`);
      assert.equal(await count('orders'), before + 1);
      const subject = `Angebot ${offer.number}: angenommen`;
      const deadline = Date.now() + 5000;
      while (!smtp.mails.some((m) => m.subject === subject) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      const mail = smtp.mails.find((m) => m.subject === subject);
      assert.ok(mail, smtp.mails.map((m) => m.subject).join(', '));
      assert.deepEqual(mail.envelopeTo, ['jana.petersen@hansen.example']);
    });

    it('accepts into a standing order with the prices fixed until the offer’s price end', async () => {
      const offer = await sent();
      const res = await send(buyer, 'POST', `/v1/offers/${offer.id}/accept`, {
        version: offer.version, versionNumber: 1,
        into: { kind: 'standing_order', name: 'Aus Angebot', deliveryAddress: { addressId: 'adr_muellerHq' }, payment: { method: 'invoice' },
          schedule: { form: { every: 'month', interval: 1, on: { kind: 'day', day: 20 }, start: '2026-01-20', end: { kind: 'none' } } } },
      }, { 'idempotency-key': randomUUID() });
      assert.equal(res.statusCode, 200, res.body);
      const result = z.parse(AcceptOfferResultSchema, res.json());
      const so = await send(buyer, 'GET', `/v1/standing-orders/${result.standingOrderId}`);
      assert.equal(so.statusCode, 200, so.body);
      const mode = so.json().priceMode;
      assert.deepEqual([mode.kind, mode.validUntil, mode.offerId], ['fixed', '2026-01-31', offer.id]);
      assert.deepEqual(mode.prices.map((p: { unitPrice: { amount: number } }) => p.unitPrice.amount), offer.versions[0]!.lines.map((l) => l.unitPrice.amount));
    });

    it('rejects with a reason, and cannot accept a withdrawn offer', async () => {
      const a = await sent();
      const rejected = await send(buyer, 'POST', `/v1/offers/${a.id}/reject`, { version: a.version, versionNumber: 1, reason: 'Zu teuer' });
      assert.equal(rejected.statusCode, 200, rejected.body);
      assert.deepEqual([rejected.json().status, rejected.json().history.at(-1).text], ['rejected', 'Zu teuer']);
      const b = await sent();
      const w = await send(jana, 'POST', `/v1/seller/offers/${b.id}/withdraw`, { version: b.version, reason: 'Preise geändert' });
      assert.equal(w.statusCode, 200, w.body);
      const before = await count('orders');
      const res = await send(buyer, 'POST', `/v1/offers/${b.id}/accept`, acceptBody({ ...b, version: w.json().version }), { 'idempotency-key': randomUUID() });
      assert.deepEqual([res.statusCode, res.json().code], [409, 'offer_not_acceptable']);
      assert.equal(await count('orders'), before);
    });

    it('cannot accept past the validity (409 offer_expired), and the job marks it expired', async () => {
      const offer = await sent();
      clock.set('2026-02-01T08:00:00.000Z');
      try {
        // Sessions last 12 hours: sign in again on the later day.
        const buyer = await t.login('einkauf@elektro-mueller.de');
        const early = await send(buyer, 'POST', `/v1/offers/${offer.id}/accept`, acceptBody(offer), { 'idempotency-key': randomUUID() });
        assert.deepEqual([early.statusCode, early.json().code], [409, 'offer_expired']);
        assert.ok((await t.app.offers.runOnce()) >= 1);
        const now = z.parse(OfferSchema, (await send(buyer, 'GET', `/v1/offers/${offer.id}`)).json());
        assert.deepEqual([now.status, now.history.at(-1)?.kind], ['expired', 'expired']);
        const late = await send(buyer, 'POST', `/v1/offers/${offer.id}/accept`, acceptBody(now), { 'idempotency-key': randomUUID() });
        assert.deepEqual([late.statusCode, late.json().code], [409, 'offer_expired']);
      } finally {
        clock.set('2026-01-10T09:00:00.000Z');
      }
    });

    it('prints the offer with the letterhead, version and validity, text-escaped, under a CSP', async () => {
      const r = await request();
      let offer = await draft(jana, r.id);
      offer = z.parse(SellerOfferSchema, (await send(jana, 'PUT', `/v1/seller/offers/${offer.id}/draft`, {
        version: offer.version, content: content(offer.draft!.lines.map((l) => ({ sku: l.sku, quantity: l.quantity })), { comment: '<script>alert(1)</script>' }),
      })).json());
      offer = z.parse(SellerOfferSchema, (await send(jana, 'POST', `/v1/seller/offers/${offer.id}/send`, { version: offer.version })).json());
      const doc = await send(buyer, 'GET', `/v1/offers/${offer.id}/document?lang=de`);
      assert.equal(doc.statusCode, 200);
      assert.match(String(doc.headers['content-type']), /text\/html/);
      assert.match(String(doc.headers['content-security-policy']), /default-src 'none'/);
      assert.ok(doc.body.includes('Hansen Elektrogroßhandel GmbH'));
      assert.ok(doc.body.includes(`Angebot ${offer.number} · Version 1`));
      assert.ok(doc.body.includes('31. Januar 2026'));
      assert.ok(doc.body.includes('@media print'));
      assert.ok(!doc.body.includes('<script>') && doc.body.includes('&lt;script&gt;'));
      assert.equal((await send(jana, 'GET', `/v1/seller/offers/${offer.id}/document`)).statusCode, 200);
      assert.equal((await send(schmidt, 'GET', `/v1/offers/${offer.id}/document`)).statusCode, 404);
    });
  });
});
