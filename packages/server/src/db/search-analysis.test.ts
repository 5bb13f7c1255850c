import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fts5Expression, queryWords, searchDocument, splitCompound, stem, tsqueryExpression, tsvectorLiteral, typoBudget } from './search-analysis.js';

describe('stem()', () => {
  it('brings German and English word forms to one stem', () => {
    assert.equal(stem('steckdosen'), stem('steckdose'));
    assert.equal(stem('leitungen'), stem('leitung'));
    assert.equal(stem('cables'), stem('cable'));
    assert.equal(stem('lampe'), stem('lamps'));
  });

  it('leaves short words and numbers alone', () => {
    assert.equal(stem('box'), 'box');
    assert.equal(stem('2700'), '2700');
    assert.equal(stem('3x1'), '3x1');
  });
});

describe('splitCompound()', () => {
  it('splits at the head, with and without the linking s', () => {
    assert.deepEqual(splitCompound('installationskabel'), { head: 'kabel', parts: ['installations', 'installation'] });
    assert.equal(splitCompound('wechselschalter')?.head, 'schalter');
    assert.equal(splitCompound('kabelbinder')?.head, 'binder');
  });

  it('splits the rest again', () => {
    const split = splitCompound('leitungsschutzschalter')!;
    assert.equal(split.head, 'schalter');
    for (const part of ['leitungsschutz', 'schutz', 'leitung']) assert.ok(split.parts.includes(part), part);
  });

  it('does not split a word that is a head itself or not a compound', () => {
    assert.equal(splitCompound('kabel'), null);
    assert.equal(splitCompound('einsatz'), null);
    assert.equal(splitCompound('multimeter'), null);
  });
});

describe('searchDocument()', () => {
  const doc = searchDocument({
    sku: 'KL-1001', ean: '4012345678901', brand: 'Lapp',
    name: { de: 'Mantelleitung NYM-J 3x1,5 mm² grau', en: 'Sheathed cable NYM-J 3x1.5 mm² grey' },
    description: { de: 'Für feste Verlegung.', en: 'For fixed installation.' },
    category: { de: 'Kabel & Leitungen', en: 'Cables & wires' },
  });

  it('indexes the head of a compound and the trade synonyms of it apart from the name', () => {
    assert.deepEqual(doc.head, ['leitung']);
    assert.ok(doc.syn.includes('kabel'));
    assert.ok(doc.part.includes('mantel'));
  });

  it('tokenizes SKU, EAN and decimal commas alike', () => {
    assert.deepEqual(doc.ident, ['kl', '1001', '4012345678901']);
    assert.deepEqual(doc.name.slice(0, 5), ['mantelleitung', 'nym', 'j', '3x1', '5']);
  });

  it('writes a tsvector literal with a weight per field', () => {
    const literal = tsvectorLiteral(doc);
    assert.match(literal, /'kl':1A/);
    assert.match(literal, /'leitung':\d+B/);
  });
});

describe('query expressions', () => {
  it('joins words with AND, phrases inside a word, prefixes and alternatives', () => {
    const words = queryWords('nym-j Kabbel steckd');
    assert.deepEqual(words.map((w) => w.tokens), [['nym', 'j'], ['kabbel'], ['steckd']]);
    const matched = [
      { phrase: ['nym'], last: { kind: 'exact' as const, term: 'j' } },
      { phrase: [], last: { kind: 'any' as const, terms: ['kabel'] } },
      { phrase: [], last: { kind: 'prefix' as const, term: 'steckd' } },
    ];
    assert.equal(fts5Expression(matched), '"nym" + "j" AND ("kabel") AND "steckd"*');
    assert.equal(tsqueryExpression(matched), "('nym' <-> 'j') & (('kabel')) & ('steckd':*)");
  });

  it('matches nothing when a word matches nothing', () => {
    assert.equal(fts5Expression([{ phrase: [], last: { kind: 'none' } }]), null);
    assert.equal(tsqueryExpression([{ phrase: [], last: { kind: 'none' } }]), null);
  });

  it('forgives one typo in a word of four to seven letters, two from eight', () => {
    assert.deepEqual(['kab', 'kabbel', 'stekdose'].map(typoBudget), [0, 1, 2]);
  });
});
