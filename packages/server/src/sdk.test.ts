import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { HttpError, ValidationError, createKontorClient, isKontorError, type KontorClient } from '@kontor/core';
import { createTestApp, type TestApp } from './testing/test-app.js';

// The SDK against the real server over HTTP: no mocks of our own API.
describe('SDK against the server', () => {
  let t: TestApp;
  let endpoint: string;
  let kontor: KontorClient;
  before(async () => {
    t = await createTestApp();
    endpoint = await t.listen();
    const session = await createKontorClient({ endpoint }).identity.login({ email: 'einkauf@elektro-mueller.de', password: 'kontor-demo' });
    kontor = createKontorClient({ endpoint, token: session.token, retries: 0 });
  });
  after(() => t.close());

  const rejection = async (p: Promise<unknown>) => {
    try {
      await p;
    } catch (error) {
      assert.ok(isKontorError(error));
      return error;
    }
    assert.fail('expected a rejection');
  };

  it('signs in and knows who it is', async () => {
    const me = await kontor.identity.me();
    assert.equal(me.kind, 'user');
    assert.equal(me.company?.customerNumber, 'K-10001');
  });

  it('lists, searches and pages products', async () => {
    const first = await kontor.catalogue.list({ q: 'LED', limit: 5 });
    assert.equal(first.items.length, 5);
    assert.ok(first.nextCursor);
    const second = await kontor.catalogue.list({ q: 'LED', limit: 5, cursor: first.nextCursor! });
    assert.ok(second.items.every((p) => !first.items.some((f) => f.sku === p.sku)));
    const categories = await kontor.catalogue.categories();
    assert.ok(categories.some((c) => c.slug === 'kabel-leitungen' && c.productCount > 0));
  });

  it('gets a product and quotes it', async () => {
    const cable = await kontor.catalogue.get('KL-1001');
    assert.equal(cable.price?.priceUnit, 100);
    const q = await kontor.pricing.quote({ lines: [{ sku: 'KL-1001', quantity: 100 }] });
    assert.equal(q.lines[0]!.sku, 'KL-1001');
    assert.equal(q.totals.gross.amount, q.totals.net.amount + q.totals.tax.amount);
  });

  it('maps a rule violation to a ValidationError with issues and suggestions', async () => {
    const error = await rejection(kontor.pricing.quote({ lines: [{ sku: 'KL-1001', quantity: 120 }] }));
    assert.ok(error instanceof HttpError || error instanceof ValidationError);
    assert.equal(error.code, 'validation');
    assert.equal(error.status, 422);
    assert.deepEqual(error.issues[0]!.path, ['lines', 0, 'quantity']);
    assert.deepEqual(error.issues[0]!.suggestions, [100, 150]);
  });

  it('maps an unknown SKU to HttpError not_found', async () => {
    const error = await rejection(kontor.catalogue.get('XX-0000'));
    assert.ok(error instanceof HttpError);
    assert.equal(error.code, 'not_found');
    assert.equal(error.status, 404);
  });

  it('maps a wrong password to unauthorized with the localized message', async () => {
    const error = await rejection(createKontorClient({ endpoint, lang: 'de' }).identity.login({ email: 'einkauf@elektro-mueller.de', password: 'nope' }));
    assert.equal(error.code, 'unauthorized');
    assert.equal(error.message, 'E-Mail oder Passwort ist falsch.');
  });

  it('works with a customer token minted by the partner', async () => {
    const partner = createKontorClient({ endpoint, token: 'kpk_demo_nord_2026' });
    const [company] = await partner.identity.partnerCompanies();
    const { token } = await partner.identity.mintCustomerToken({ companyId: company!.id });
    const customer = createKontorClient({ endpoint, token });
    const me = await customer.identity.me();
    assert.equal(me.kind, 'customer');
    const page = await customer.catalogue.list({ limit: 3 });
    assert.equal(page.items.length, 3);
  });
});
