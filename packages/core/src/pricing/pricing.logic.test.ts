import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import type { ProductPrice } from '../catalogue/product.schema.js';
import { lineNet, nextTier, tierAt, totals, unitPriceAt } from './pricing.logic.js';
import { quote } from './quote.logic.js';

const eur = (amount: number) => ({ amount, currency: 'EUR' });
const bulbs: ProductPrice = {
  currency: 'EUR',
  priceUnit: 1,
  source: 'base',
  tiers: [
    { minQuantity: 1, price: eur(249) },
    { minQuantity: 100, price: eur(219) },
    { minQuantity: 1000, price: eur(189) },
  ],
};
const cable: ProductPrice = { currency: 'EUR', priceUnit: 100, source: 'base', tiers: [{ minQuantity: 1, price: eur(4567) }] };

describe('tierAt()', () => {
  it('picks the highest tier whose minimum quantity is reached', () => {
    assert.equal(tierAt(bulbs.tiers, 1).price.amount, 249);
    assert.equal(tierAt(bulbs.tiers, 99).price.amount, 249);
    assert.equal(tierAt(bulbs.tiers, 100).price.amount, 219);
    assert.equal(tierAt(bulbs.tiers, 5000).price.amount, 189);
  });
});

describe('lineNet()', () => {
  it('multiplies the tier price by the quantity', () => {
    assert.deepEqual(lineNet(bulbs, 1000), eur(189_000));
    assert.deepEqual(unitPriceAt(bulbs, 150), eur(219));
  });

  it('rounds once per line for prices per 100 units', () => {
    // 3 m at 45.67 € / 100 m = 1.3701 € → 1.37 €
    assert.deepEqual(lineNet(cable, 3), eur(137));
    // 50 m → 22.835 € → 22.84 € (half up)
    assert.deepEqual(lineNet(cable, 50), eur(2284));
  });
});

describe('nextTier()', () => {
  it('names the next cheaper tier, none at the top', () => {
    assert.equal(nextTier(bulbs, 10)?.minQuantity, 100);
    assert.equal(nextTier(bulbs, 1000), null);
  });
});

describe('totals()', () => {
  it('computes VAT per rate on the sum of that rate, half up, and lists higher rates first', () => {
    const t = totals(
      [
        { net: eur(1005), taxRate: 1900 },
        { net: eur(1005), taxRate: 1900 },
        { net: eur(999), taxRate: 700 },
        { net: eur(500), taxRate: 0 },
      ],
      'EUR',
    );
    assert.deepEqual(t.net, eur(3509));
    // 19 % of 20.10 = 3.819 → 3.82 (per line it would be 1.91 + 1.91 = 3.82 too; see next test for a difference)
    assert.deepEqual(t.taxes.map((x) => [x.rate, x.net.amount, x.tax.amount]), [[1900, 2010, 382], [700, 999, 70], [0, 500, 0]]);
    assert.deepEqual(t.tax, eur(452));
    assert.deepEqual(t.gross, eur(3961));
  });

  it('does not pile up per-line rounding on many small lines', () => {
    // 100 lines of 0.05 € at 19 %: per line 0.0095 → 0.01 each = 1.00 €; on the sum 5.00 € → 0.95 €.
    const lines = Array.from({ length: 100 }, () => ({ net: eur(5), taxRate: 1900 }));
    assert.deepEqual(totals(lines, 'EUR').tax, eur(95));
  });

  it('gives zero totals for no lines', () => {
    assert.deepEqual(totals([], 'EUR'), { net: eur(0), taxes: [], tax: eur(0), gross: eur(0) });
  });

  it('refuses lines in another currency', () => {
    assert.throws(() => totals([{ net: { amount: 1, currency: 'USD' }, taxRate: 0 }], 'EUR'), /USD/);
  });
});

const arbPrice: fc.Arbitrary<ProductPrice> = fc
  .record({
    priceUnit: fc.constantFrom(1, 10, 100, 1000),
    steps: fc.uniqueArray(fc.integer({ min: 2, max: 10_000 }), { maxLength: 4 }),
    base: fc.integer({ min: 1, max: 1_000_000 }),
    discounts: fc.array(fc.integer({ min: 0, max: 30 }), { minLength: 4, maxLength: 4 }),
  })
  .map(({ priceUnit, steps, base, discounts }) => {
    const mins = [1, ...steps.sort((a, b) => a - b)];
    let amount = base;
    const tiers = mins.map((minQuantity, i) => {
      if (i > 0) amount = Math.max(1, Math.floor((amount * (100 - discounts[i - 1]!)) / 100));
      return { minQuantity, price: eur(amount) };
    });
    return { currency: 'EUR', priceUnit, source: 'base' as const, tiers };
  });

describe('pricing properties', () => {
  it('line net is within half a minor unit of quantity × price ÷ price unit', () => {
    fc.assert(
      fc.property(arbPrice, fc.integer({ min: 1, max: 1_000_000 }), (price, q) => {
        const exact = (q * tierAt(price.tiers, q).price.amount) / price.priceUnit;
        assert.ok(Math.abs(lineNet(price, q).amount - exact) <= 0.5 + 1e-9);
      }),
    );
  });

  it('unit price never rises with quantity when tiers only get cheaper', () => {
    fc.assert(
      fc.property(arbPrice, fc.integer({ min: 1, max: 20_000 }), fc.integer({ min: 0, max: 20_000 }), (price, q, more) => {
        assert.ok(unitPriceAt(price, q + more).amount <= unitPriceAt(price, q).amount);
      }),
    );
  });

  it('gross is net plus the taxes of each rate, and the rate nets add up to net', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ net: fc.integer({ min: 0, max: 10_000_000 }), taxRate: fc.constantFrom(0, 700, 1900) }), { maxLength: 200 }),
        (raw) => {
          const t = totals(raw.map((l) => ({ net: eur(l.net), taxRate: l.taxRate })), 'EUR');
          assert.equal(t.gross.amount, t.net.amount + t.tax.amount);
          assert.equal(t.taxes.reduce((s, x) => s + x.net.amount, 0), t.net.amount);
          assert.equal(t.taxes.reduce((s, x) => s + x.tax.amount, 0), t.tax.amount);
          for (const x of t.taxes) assert.ok(Math.abs(x.tax.amount - (x.net.amount * x.rate) / 10_000) <= 0.5);
        },
      ),
    );
  });

  it('totals do not depend on the order of lines', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ net: fc.integer({ min: 0, max: 1e6 }), taxRate: fc.constantFrom(0, 700, 1900) })), (raw) => {
        const lines = raw.map((l) => ({ net: eur(l.net), taxRate: l.taxRate }));
        assert.deepEqual(totals(lines, 'EUR'), totals([...lines].reverse(), 'EUR'));
      }),
    );
  });
});

describe('quote()', () => {
  it('prices lines with their tax classes and adds them up', () => {
    const q = quote(
      [
        { product: { sku: 'LED-A60', taxClass: 'standard', price: bulbs }, quantity: 100 },
        { product: { sku: 'NYM-3x15', taxClass: 'standard', price: cable }, quantity: 50 },
        { product: { sku: 'BOOK-VDE', taxClass: 'reduced', price: { ...bulbs, tiers: [{ minQuantity: 1, price: eur(2990) }] } }, quantity: 1 },
      ],
      'EUR',
    );
    assert.deepEqual(q.lines.map((l) => l.net.amount), [21_900, 2284, 2990]);
    assert.equal(q.lines[0]!.nextTier?.minQuantity, 1000);
    assert.deepEqual(q.totals.taxes.map((t) => [t.rate, t.tax.amount]), [[1900, 4595], [700, 209]]);
    assert.equal(q.totals.gross.amount, 21_900 + 2284 + 2990 + 4595 + 209);
  });

  it('refuses a product without a price', () => {
    assert.throws(() => quote([{ product: { sku: 'X', taxClass: 'standard', price: null }, quantity: 1 }], 'EUR'), /no price/);
  });
});
