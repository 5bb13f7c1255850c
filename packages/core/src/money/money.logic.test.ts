import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { addMoney, formatMoney, minorUnitDigits, money, mulDivRound, sumMoney } from './money.logic.js';

describe('mulDivRound()', () => {
  it('rounds half away from zero', () => {
    assert.equal(mulDivRound(1, 5, 10), 1); // 0.5 → 1
    assert.equal(mulDivRound(1, 4, 10), 0); // 0.4 → 0
    assert.equal(mulDivRound(-1, 5, 10), -1); // -0.5 → -1
    assert.equal(mulDivRound(3, 4567, 100), 137); // 137.01
    assert.equal(mulDivRound(1, 15, 10), 2); // 1.5 → 2
  });

  it('is exact beyond the safe integer range of the product', () => {
    // 9e15 * 1900 overflows doubles; BigInt path must still round exactly.
    assert.equal(mulDivRound(9_000_000_000_000, 1900, 10_000), 1_710_000_000_000);
    assert.equal(mulDivRound(4_503_599_627_370_497, 3, 6), 2_251_799_813_685_249); // .5 rounds up
  });

  it('agrees with exact rational rounding for any integers', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e7, max: 1e7 }), fc.integer({ min: 0, max: 1e6 }), fc.integer({ min: 1, max: 10_000 }), (a, b, c) => {
        const p = BigInt(a) * BigInt(b);
        const abs = p < 0n ? -p : p;
        let q = abs / BigInt(c);
        if ((abs % BigInt(c)) * 2n >= BigInt(c)) q += 1n;
        const expected = Number(p < 0n ? -q : q);
        assert.equal(mulDivRound(a, b, c), expected);
      }),
    );
  });

  it('refuses a division by zero', () => {
    assert.throws(() => mulDivRound(1, 1, 0), RangeError);
  });
});

describe('money()', () => {
  it('rejects a float amount so that floats never enter totals', () => {
    assert.throws(() => money(1.5, 'EUR'), /integer minor units/);
  });

  it('adds only the same currency', () => {
    assert.deepEqual(addMoney(money(100, 'EUR'), money(250, 'EUR')), { amount: 350, currency: 'EUR' });
    assert.throws(() => addMoney(money(1, 'EUR'), money(1, 'USD')), /Cannot combine/);
    assert.deepEqual(sumMoney([], 'EUR'), { amount: 0, currency: 'EUR' });
  });
});

describe('formatMoney()', () => {
  it('formats euros the German way for de', () => {
    assert.equal(formatMoney({ amount: 123456, currency: 'EUR' }, 'de').replace(/\s/g, ' '), '1.234,56 €');
  });

  it('formats euros for en', () => {
    assert.equal(formatMoney({ amount: 123456, currency: 'EUR' }, 'en'), '€1,234.56');
  });

  it('knows currencies without minor units', () => {
    assert.equal(minorUnitDigits('JPY'), 0);
    assert.equal(formatMoney({ amount: 1200, currency: 'JPY' }, 'en'), 'JP¥1,200');
  });
});
