import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { closestSkus, editDistance, foldSku } from './sku-match.logic.js';

describe('foldSku()', () => {
  it('ignores case and separators', () => {
    assert.equal(foldSku(' nym-j 3x1.5/b_2 '), 'NYMJ3X15B2');
  });
});

describe('editDistance()', () => {
  it('counts a swap of neighbours as one edit', () => {
    assert.equal(editDistance('KL1001', 'KL1010'), 1);
    assert.equal(editDistance('ABC', 'ACB'), 1);
  });

  it('counts insertions, deletions and substitutions', () => {
    assert.equal(editDistance('KL1001', 'KL101'), 1);
    assert.equal(editDistance('KL1001', 'KL10011'), 1);
    assert.equal(editDistance('KL1001', 'LM1001'), 2);
    assert.equal(editDistance('', 'ABC'), 3);
  });

  it('gives up early past the bound', () => {
    assert.equal(editDistance('AAAAAAAA', 'BBBBBBBB', 2), 3);
    assert.equal(editDistance('A', 'ABCDEF', 2), 3);
  });

  it('is symmetric and zero only for equal strings', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 12 }), fc.string({ maxLength: 12 }), (a, b) => {
        const d = editDistance(a, b);
        assert.equal(d, editDistance(b, a));
        assert.equal(d === 0, a === b);
        assert.ok(d <= Math.max(a.length, b.length));
      }),
    );
  });
});

describe('closestSkus()', () => {
  const catalogue = ['KL-1001', 'KL-1010', 'KL-1011', 'KL-2001', 'LM-1010', 'SS-1001', 'VT-1203'];

  it('finds the SKU typed without separators or in lower case first', () => {
    // Exact after folding, then one edit away with the longer common start, then a swap.
    assert.deepEqual(closestSkus('kl1010', catalogue), ['KL-1010', 'KL-1011', 'KL-1001']);
  });

  it('ranks a swap of two digits as close as one typo', () => {
    assert.equal(closestSkus('KL-0101', catalogue)[0], 'KL-1001');
  });

  it('prefers the candidate sharing the longer start on equal distance', () => {
    // KL-1011 and KL-2012 are one edit away, KL-1011 shares more of the start; LM-1012 is two edits away.
    assert.deepEqual(closestSkus('KL-1012', ['LM-1012', 'KL-2012', 'KL-1011']), ['KL-1011', 'KL-2012', 'LM-1012']);
  });

  it('treats a typed beginning as close', () => {
    assert.deepEqual(closestSkus('VT-12', catalogue), ['VT-1203']);
  });

  it('suggests nothing for a wild guess, and at most `limit`', () => {
    assert.deepEqual(closestSkus('XX-0000', catalogue), []);
    assert.equal(closestSkus('KL-1001', catalogue, 2).length, 2);
    assert.deepEqual(closestSkus('KL-1001', catalogue, 0), []);
    assert.deepEqual(closestSkus('---', catalogue), []);
  });

  it('lists each candidate once', () => {
    assert.deepEqual(closestSkus('KL-1001', ['KL-1001', 'KL-1001']), ['KL-1001']);
  });
});
