import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { HttpError, ValidationError, createHttpClient, createOffersClient, createSellerOffersClient, isKontorError, type OffersClient, type SellerOffersClient } from '@kontor/core';
import { stockedProducts } from '../standing-orders/testing/helpers.js';
import { createTestApp, type TestApp } from '../testing/test-app.js';

// The offers clients of core against the real server over HTTP: every answer is checked by the
// clients' own response schemas, so the contract the elements build on is what the server sends.
describe('the offers clients against the server', () => {
  let t: TestApp;
  let offers: OffersClient;
  let rep: SellerOffersClient;
  before(async () => {
    t = await createTestApp({ offers: { expiry: false }, standingOrders: { scheduler: false } });
    const endpoint = await t.listen();
    const buyerToken = await t.login('einkauf@elektro-mueller.de');
    offers = createOffersClient(createHttpClient({ endpoint, token: buyerToken, lang: 'de', retries: 0 }));
    // The client signs in first, then every call carries the session's token.
    const session: { token?: string } = {};
    rep = createSellerOffersClient(createHttpClient({ endpoint, token: () => session.token, lang: 'de', retries: 0 }));
    session.token = (await rep.login({ email: 'jana.petersen@hansen.example', password: 'kontor-demo' })).token;
  });
  after(() => t.close());

  it('goes from a request to version 2 and an accepted order', async () => {
    const [a, b] = stockedProducts(t, 2);
    const request = await offers.request({ lines: [{ sku: a!.sku, quantity: 5 }, { sku: b!.sku, quantity: 2 }], message: 'Angebot bitte' }, { idempotencyKey: randomUUID() });
    assert.equal((await rep.requests({ status: 'open', limit: 100 })).items.some((r) => r.id === request.id), true);
    let draft = await rep.create({ from: { kind: 'request', requestId: request.id } }, { idempotencyKey: randomUUID() });
    draft = await rep.send(draft.id, draft.version);
    let offer = await offers.get(draft.id);
    assert.deepEqual([offer.status, offer.currentVersion], ['sent', 1]);
    offer = await offers.requestChanges(offer.id, { version: offer.version, versionNumber: 1, comment: 'Bitte 3 % Nachlass' });
    const seen = await rep.get(offer.id);
    const next = await rep.updateDraft(seen.id, {
      version: seen.version,
      content: { lines: seen.versions[0]!.lines.map((l) => ({ sku: l.sku, quantity: l.quantity, pricing: { kind: 'list' } })), discountBp: 300, validUntil: seen.versions[0]!.validUntil },
    });
    await rep.send(next.id, next.version);
    offer = await offers.get(offer.id);
    const diff = await offers.compare(offer.id, { from: 0 });
    assert.deepEqual(diff.lines.map((l) => l.kind), ['unchanged', 'unchanged']);
    const v1v2 = await offers.compare(offer.id);
    assert.ok(v1v2.lines.every((l) => l.priceChanged));
    const html = await offers.document(offer.id, { lang: 'en' });
    assert.match(html, /Offer ANG-\d{4}-\d{6} · Version 2/);
    const accepted = await offers.accept(offer.id, {
      version: offer.version, versionNumber: 2, into: { kind: 'order', deliveryAddress: { addressId: 'adr_muellerHq' }, payment: { method: 'prepayment' } },
    }, { idempotencyKey: randomUUID() });
    assert.equal(accepted.offer.status, 'accepted');
    assert.deepEqual(accepted.order!.lines.map((l) => l.unitPrice.amount), offer.versions[1]!.lines.map((l) => l.unitPrice.amount));
  });

  it('words a discount over 100 % in the client’s language before sending, and throws typed errors from the server', async () => {
    const [a] = stockedProducts(t, 1);
    const request = await offers.request({ lines: [{ sku: a!.sku, quantity: 1 }] }, { idempotencyKey: randomUUID() });
    const draft = await rep.create({ from: { kind: 'request', requestId: request.id } }, { idempotencyKey: randomUUID() });
    const bad = await rep.updateDraft(draft.id, { version: draft.version, content: { lines: [{ sku: a!.sku, quantity: 1, pricing: { kind: 'discount', discountBp: 12_000 } }], validUntil: '2099-01-01' } }).catch((e: unknown) => e);
    assert.ok(bad instanceof ValidationError && !(bad instanceof HttpError));
    assert.equal(bad.issues[0]!.code, 'discount_range');
    assert.match(bad.issues[0]!.message, /zwischen 0 % und 100 %/);
    const notSent = await offers.get(draft.id).catch((e: unknown) => e);
    assert.ok(isKontorError(notSent) && notSent.code === 'not_found');
    const sent = await rep.send(draft.id, draft.version);
    const withdrawn = await rep.withdraw(sent.id, sent.version, 'Preise geändert');
    const refused = await offers.accept(sent.id, {
      version: withdrawn.version, versionNumber: 1, into: { kind: 'order', deliveryAddress: { addressId: 'adr_muellerHq' }, payment: { method: 'prepayment' } },
    }, { idempotencyKey: randomUUID() }).catch((e: unknown) => e);
    assert.ok(refused instanceof HttpError);
    assert.deepEqual([refused.code, refused.status], ['offer_not_acceptable', 409]);
  });
});
