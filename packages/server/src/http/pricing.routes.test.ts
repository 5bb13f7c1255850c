import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { PriceQuoteSchema } from '@kontor/core';
import * as z from 'zod/mini';
import { auth, createTestApp, type TestApp } from '../testing/test-app.js';

describe('POST /v1/price-quotes', () => {
  let t: TestApp;
  let schmidt: string;
  let mueller: string;
  before(async () => {
    t = await createTestApp();
    [schmidt, mueller] = await Promise.all([t.login('einkauf@schmidt-haustechnik.de'), t.login('einkauf@elektro-mueller.de')]);
  });
  after(() => t.close());

  const quote = (token: string, lines: unknown, lang?: string) =>
    t.app.inject({ method: 'POST', url: '/v1/price-quotes', headers: auth(token, lang), payload: { lines } });
  const baseTiers = (sku: string) => t.world.priceLists.find((l) => l.id === 'pl_base')!.tiers.filter((x) => x.sku === sku);

  it('prices lines at the tier for their quantity with tax per rate', async () => {
    // A product with several tiers, a book at 7 % and a cable priced per 100 m.
    const tiered = t.world.products.find((p) => p.unit === 'piece' && p.taxClass === 'standard' && p.status === 'active' && p.visibility === 'public' && p.quantityRules.step === 1 && baseTiers(p.sku).length >= 3)!;
    const book = t.world.products.find((p) => p.taxClass === 'reduced' && p.status === 'active')!;
    const tiers = baseTiers(tiered.sku);
    const q = tiers[1]!.minQuantity;
    const res = await quote(schmidt, [{ sku: tiered.sku, quantity: q }, { sku: book.sku, quantity: 2 }, { sku: 'KL-1001', quantity: 150 }]);
    assert.equal(res.statusCode, 200, res.body);
    const body = z.parse(PriceQuoteSchema, res.json());
    const [a, b, c] = body.lines;
    assert.equal(a!.unitPrice.amount, tiers[1]!.amount);
    assert.equal(a!.net.amount, tiers[1]!.amount * q);
    assert.equal(b!.taxRate, 700);
    const cable = baseTiers('KL-1001')[0]!;
    assert.equal(c!.priceUnit, 100);
    assert.equal(c!.net.amount, Math.round((cable.amount * 150) / 100));
    assert.deepEqual(body.totals.taxes.map((x) => x.rate), [1900, 700]);
    const net19 = a!.net.amount + c!.net.amount;
    assert.equal(body.totals.taxes[0]!.tax.amount, Math.round((net19 * 19) / 100));
    assert.equal(body.totals.gross.amount, body.totals.net.amount + body.totals.tax.amount);
    assert.equal(body.currency, 'EUR');
  });

  it("uses the company's own price list", async () => {
    const active = new Set(t.world.products.filter((p) => p.status === 'active' && p.visibility === 'public').map((p) => p.sku));
    const own = t.world.priceLists.find((l) => l.id === 'pl_mueller')!.tiers.find((x) => active.has(x.sku) && x.minQuantity === 1)!;
    const product = t.world.products.find((p) => p.sku === own.sku)!;
    const res = await quote(mueller, [{ sku: own.sku, quantity: Math.max(product.quantityRules.min, product.quantityRules.step) }]);
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.json().lines[0].unitPrice.amount, own.amount);
  });

  it('answers 422 with the path of the quantity and suggestions below the minimum', async () => {
    const res = await quote(schmidt, [{ sku: 'KL-1001', quantity: 20 }]);
    assert.equal(res.statusCode, 422);
    const body = res.json();
    assert.equal(body.code, 'validation');
    assert.deepEqual(body.issues, [
      { path: ['lines', 0, 'quantity'], code: 'min_quantity', message: 'The minimum order quantity is 50.', params: { min: 50 }, suggestions: [50] },
    ]);
  });

  it('answers 422 with the nearest valid quantities off the step', async () => {
    const res = await quote(schmidt, [{ sku: 'KL-1001', quantity: 120 }]);
    assert.equal(res.statusCode, 422);
    const [issue] = res.json().issues;
    assert.equal(issue.code, 'step');
    assert.deepEqual(issue.params, { step: 50 });
    assert.deepEqual(issue.suggestions, [100, 150]);
  });

  it('answers 422 above the maximum', async () => {
    const res = await quote(schmidt, [{ sku: 'KL-1001', quantity: 6000 }]);
    assert.equal(res.json().issues[0].code, 'max_quantity');
    assert.deepEqual(res.json().issues[0].suggestions, [5000]);
  });

  it('collects the issues of all lines in one answer, in German on request', async () => {
    const gone = t.world.products.find((p) => p.status === 'discontinued')!;
    const res = await quote(schmidt, [{ sku: 'XX-0000', quantity: 1 }, { sku: 'KL-1001', quantity: 75 }, { sku: gone.sku, quantity: gone.quantityRules.min }], 'de');
    assert.equal(res.statusCode, 422);
    const issues = res.json().issues as { path: unknown[]; code: string; message: string; params?: Record<string, unknown> }[];
    assert.deepEqual(issues.map((i) => [i.path, i.code]), [
      [['lines', 0, 'sku'], 'unknown_sku'],
      [['lines', 1, 'quantity'], 'step'],
      [['lines', 2, 'sku'], 'discontinued'],
    ]);
    assert.equal(issues[0]!.message, 'Es gibt keinen Artikel mit der Nummer XX-0000.');
    assert.equal(issues[1]!.message, 'Bitte in Schritten von 50 bestellen.');
    assert.equal(issues[2]!.params!.replacementSku, gone.replacementSku);
    assert.ok(t.world.products.some((p) => p.sku === gone.replacementSku && p.status === 'active'));
  });

  it('treats a product restricted to another company as unknown', async () => {
    const sku = t.world.products.find((p) => p.visibility === 'restricted')!.sku;
    const res = await quote(mueller, [{ sku, quantity: 1 }]);
    assert.equal(res.statusCode, 422);
    assert.equal(res.json().issues[0].code, 'unknown_sku');
    assert.equal((await quote(schmidt, [{ sku, quantity: 1 }])).statusCode, 200);
  });

  it('names a product without a price', async () => {
    const sku = t.world.products.find((p) => p.name.de.startsWith('Zählerschrank'))!.sku;
    const res = await quote(schmidt, [{ sku, quantity: 1 }]);
    assert.equal(res.statusCode, 422);
    assert.deepEqual(res.json().issues[0].path, ['lines', 0, 'sku']);
    assert.equal(res.json().issues[0].code, 'no_price');
  });

  it('answers 400 validation for wrong types', async () => {
    const res = await quote(schmidt, [{ sku: 'KL-1001', quantity: 'fifty' }]);
    assert.equal(res.statusCode, 400);
    assert.equal(res.json().code, 'validation');
    assert.deepEqual(res.json().issues[0].path, ['lines', 0, 'quantity']);
  });

  it('answers 400 validation for an empty list of lines', async () => {
    const res = await quote(schmidt, []);
    assert.equal(res.statusCode, 400);
    assert.equal(res.json().issues[0].code, 'too_small');
  });

  it('prices many lines', async () => {
    const lines = t.world.products
      .filter((p) => p.visibility === 'public' && p.status === 'active' && baseTiers(p.sku).length)
      .map((p) => ({ sku: p.sku, quantity: p.quantityRules.min % p.quantityRules.step === 0 ? p.quantityRules.min : p.quantityRules.step }));
    const res = await quote(schmidt, lines);
    assert.equal(res.statusCode, 200, res.body.slice(0, 300));
    assert.equal(res.json().lines.length, lines.length);
  });

  it('answers 422 currency_mismatch, not a 500, when a line is priced in another currency', async () => {
    // A separate app: its own database, so switching Müller's list to CHF touches no other test.
    const other = await createTestApp();
    try {
      const token = await other.login('einkauf@elektro-mueller.de');
      await other.db.updateTable('price_lists').set({ currency: 'CHF' }).where('id', '=', 'pl_mueller').execute();
      const active = new Set(other.world.products.filter((p) => p.status === 'active' && p.visibility === 'public').map((p) => p.sku));
      const ownSkus = new Set(other.world.priceLists.find((l) => l.id === 'pl_mueller')!.tiers.map((x) => x.sku));
      const basePriced = other.world.priceLists.find((l) => l.id === 'pl_base')!.tiers.find((x) => active.has(x.sku) && !ownSkus.has(x.sku))!;
      const companyPriced = [...ownSkus].find((sku) => active.has(sku))!;
      const lowest = (sku: string) => {
        const r = other.world.products.find((p) => p.sku === sku)!.quantityRules;
        return Math.ceil(r.min / r.step) * r.step;
      };
      const res = await other.app.inject({
        method: 'POST', url: '/v1/price-quotes', headers: auth(token),
        payload: { lines: [{ sku: basePriced.sku, quantity: lowest(basePriced.sku) }, { sku: companyPriced, quantity: lowest(companyPriced) }] },
      });
      assert.equal(res.statusCode, 422, res.body);
      const issues = res.json().issues;
      assert.deepEqual(issues.map((i: { path: unknown[]; code: string }) => [i.path, i.code]), [[['lines', 1, 'sku'], 'currency_mismatch']]);
      assert.deepEqual(issues[0].params, { currency: 'CHF', expected: 'EUR' });
    } finally {
      await other.close();
    }
  });
});
