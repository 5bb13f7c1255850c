import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { searchTerms, searchText } from './search-key.js';

describe('searchText()', () => {
  it('stores umlauts both as ae and as a, ß as ss, decimal commas as points', () => {
    assert.equal(searchText(['Zählerschrank', 'weiß', 'NYM-J 3x1,5']), 'zaehlerschrank weiss nym-j 3x1.5 zahlerschrank weiss nym-j 3x1.5');
  });

  it('skips missing fields and stores plain text once', () => {
    assert.equal(searchText(['KL-1001', null, 'Knipex', undefined]), 'kl-1001 knipex');
  });
});

describe('searchTerms()', () => {
  it('folds the query the same way and drops duplicates', () => {
    assert.deepEqual(searchTerms('  Zähler  ZÄHLER 2,5 '), ['zaehler', '2.5']);
  });

  it('keeps at most eight terms', () => {
    assert.equal(searchTerms('a b c d e f g h i j').length, 8);
  });
});
