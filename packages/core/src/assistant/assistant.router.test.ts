import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { matchProducts, routeMessage } from './assistant.router.js';
import { UTTERANCE_PRODUCTS as products } from './utterances.js';

const now = '2026-05-20T09:00:00.000Z'; // a Wednesday
const route = (text: string, lang?: 'de' | 'en') => routeMessage(text, { now, products, ...(lang ? { lang } : {}) });

describe('routeMessage()', () => {
  it('reads "Wann kommen 50 m NYM-J 3x1,5?" as availability of the metre product, 50 metres, in German', () => {
    const r = route('Wann kommen 50 m NYM-J 3x1,5?');
    assert.deepEqual([r.intent, r.lang, r.entities.sku, r.entities.quantity, r.entities.unit], ['availability', 'de', 'KL-1001', 50, 'meter']);
  });

  it('prefers the coil when the quantity is in rolls', () => {
    assert.equal(route('Wann kommen 3 Rollen NYM-J 3x1,5?').entities.sku, 'KL-1002');
  });

  it('normalises order numbers written without dashes and keeps their digits out of the quantity', () => {
    const r = route('wo ist k2026000123');
    assert.deepEqual([r.intent, r.entities.orderNumber, r.entities.quantity], ['order_status', 'K-2026-000123', undefined]);
  });

  it('counts relative days from the injected now, in the Berlin calendar', () => {
    const day = (text: string) => route(`Wann kommen 50 m NYM-J 3x1,5 ${text}`).entities.day;
    assert.equal(day('morgen'), '2026-05-21');
    assert.equal(day('übermorgen'), '2026-05-22');
    assert.equal(day('bis nächsten Dienstag'), '2026-05-26');
    assert.equal(day('in two weeks'), '2026-06-03');
    assert.equal(day('in 3 Tagen'), '2026-05-23');
    assert.equal(day('bis 15.12.'), '2026-12-15');
    assert.equal(day('by June 2nd'), '2026-06-02');
    // 23:30 UTC on the 20th is already the 21st in Berlin.
    assert.equal(routeMessage('NYM-J 3x1,5 morgen', { now: '2026-05-20T23:30:00.000Z', products }).entities.day, '2026-05-22');
  });

  it('does not take a cable size for a quantity', () => {
    const r = route('Ich suche NYM-J 5x2,5');
    assert.deepEqual([r.intent, r.entities.sku, r.entities.quantity], ['find_product', 'KL-1007', undefined]);
  });

  it('tolerates typos in the words it knows', () => {
    assert.equal(route('dauerauftrag pausiern').intent, 'standing_order_pause');
    assert.equal(route('letzte bestelung nochmal').intent, 'reorder');
  });

  it('reads HTML as text and finds nothing in it', () => {
    const r = route('<img src=x onerror=alert(1)>');
    assert.equal(r.intent, 'unknown');
    assert.deepEqual(r.entities, {});
  });

  it('falls back to the language it is given when the message does not tell', () => {
    assert.equal(route('KL-1017', 'de').lang, 'de');
    assert.equal(route('KL-1017').lang, 'en');
  });
});

describe('matchProducts()', () => {
  it('finds a product by a misspelt name', () => {
    assert.equal(matchProducts('kabelbindr natur', products)[0]?.product.sku, 'IM-1011');
  });

  it('finds nothing for words no product has', () => {
    assert.deepEqual(matchProducts('wetter', products), []);
  });
});
