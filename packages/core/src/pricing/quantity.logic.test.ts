import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { checkQuantity, isValidQuantity, nearestValidQuantities } from './quantity.logic.js';

describe('checkQuantity()', () => {
  const rules = { min: 10, step: 10, max: 500 };

  it('accepts a multiple of the step between min and max', () => {
    assert.equal(checkQuantity(rules, 30), null);
  });

  it('rejects a quantity below the minimum order quantity and suggests the minimum', () => {
    assert.deepEqual(checkQuantity(rules, 5), { code: 'min_quantity', params: { min: 10 }, suggestions: [10] });
  });

  it('rejects a quantity off the step and suggests the nearest valid quantities on both sides', () => {
    assert.deepEqual(checkQuantity(rules, 25), { code: 'step', params: { step: 10 }, suggestions: [20, 30] });
  });

  it('rejects a quantity above the maximum and suggests the maximum', () => {
    assert.deepEqual(checkQuantity(rules, 510), { code: 'max_quantity', params: { max: 500 }, suggestions: [500] });
  });

  it('rejects zero, negative and fractional quantities', () => {
    assert.equal(checkQuantity(rules, 0)?.code, 'not_positive');
    assert.equal(checkQuantity(rules, -10)?.code, 'not_positive');
    assert.deepEqual(checkQuantity(rules, 12.5), { code: 'not_integer', params: {}, suggestions: [10, 20] });
  });

  it('starts at the first multiple of the step when min is not one', () => {
    assert.deepEqual(checkQuantity({ min: 15, step: 10 }, 15), { code: 'step', params: { step: 10 }, suggestions: [20] });
  });
});

describe('nearestValidQuantities()', () => {
  const arbRules = fc
    .record({ min: fc.integer({ min: 1, max: 1000 }), step: fc.integer({ min: 1, max: 100 }), span: fc.option(fc.integer({ min: 0, max: 5000 })) })
    .map(({ min, step, span }) => {
      const lowest = Math.ceil(min / step) * step;
      return { min, step, max: span === null ? null : lowest + span };
    });

  it('always suggests valid quantities, at most two, sorted', () => {
    fc.assert(
      fc.property(arbRules, fc.double({ min: -100, max: 10_000, noNaN: true }), (rules, q) => {
        const s = nearestValidQuantities(rules, q);
        assert.ok(s.length >= 1 && s.length <= 2);
        for (const v of s) assert.ok(isValidQuantity(rules, v), `${v} valid for ${JSON.stringify(rules)}`);
        assert.deepEqual([...s].sort((a, b) => a - b), s);
      }),
    );
  });

  it('suggests the quantity itself when it is valid', () => {
    fc.assert(
      fc.property(arbRules, fc.integer({ min: 0, max: 100 }), (rules, k) => {
        const q = Math.ceil(rules.min / rules.step) * rules.step + k * rules.step;
        fc.pre(rules.max == null || q <= rules.max);
        assert.deepEqual(nearestValidQuantities(rules, q), [q]);
      }),
    );
  });

  it('brackets the quantity: no valid quantity lies strictly between a suggestion and the input', () => {
    fc.assert(
      fc.property(arbRules, fc.integer({ min: 1, max: 10_000 }), (rules, q) => {
        const s = nearestValidQuantities(rules, q);
        for (const v of s) {
          const lo = Math.min(v, q);
          const hi = Math.max(v, q);
          for (let x = Math.floor(lo) + 1; x < hi && x - lo < 200; x++) assert.ok(!isValidQuantity(rules, x), `${x} between ${q} and ${v}`);
        }
      }),
    );
  });
});
