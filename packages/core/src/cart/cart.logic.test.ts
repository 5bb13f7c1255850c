import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { totals } from '../pricing/pricing.logic.js';
import {
  applyCartChanges,
  cartLineIssues,
  changesBetween,
  previewCartChanges,
  reuseUnchangedLines,
  priceCartLines,
  type StoredCartLine,
} from './cart.logic.js';
import type { Cart, CartChange, CartProduct } from './cart.schema.js';

const T0 = '2026-03-02T08:00:00.000Z';
const T1 = '2026-03-02T09:30:00.000Z';
const eur = (amount: number) => ({ amount, currency: 'EUR' });
const stored = (sku: string, quantity: number, addedAt = T0): StoredCartLine => ({ sku, quantity, addedAt });

const product = (over: Partial<CartProduct> = {}): CartProduct => ({
  name: { de: 'LED-Lampe E27', en: 'LED bulb E27' },
  unit: 'piece',
  packSize: 1,
  taxClass: 'standard',
  status: 'active',
  replacementSku: null,
  quantityRules: { min: 1, step: 1, max: null },
  price: {
    currency: 'EUR',
    priceUnit: 1,
    source: 'base',
    tiers: [
      { minQuantity: 1, price: eur(249) },
      { minQuantity: 100, price: eur(219) },
    ],
  },
  ...over,
});

const sku = fc.stringMatching(/^[A-Z][A-Z0-9-]{0,7}$/);
const lines = fc
  .uniqueArray(fc.record({ sku, quantity: fc.integer({ min: 1, max: 10_000 }) }), { selector: (l) => l.sku, maxLength: 12 })
  .map((ls) => ls.map((l) => stored(l.sku, l.quantity)));
const change: fc.Arbitrary<CartChange> = fc.oneof(
  fc.record({ op: fc.constant('add' as const), sku, quantity: fc.integer({ min: 1, max: 1000 }) }),
  fc.record({ op: fc.constant('set' as const), sku, quantity: fc.integer({ min: 1, max: 1000 }) }),
  fc.record({ op: fc.constant('remove' as const), sku }),
);
const quantities = (ls: readonly { sku: string; quantity: number }[]) => new Map(ls.map((l) => [l.sku, l.quantity]));

describe('applyCartChanges()', () => {
  it('merges an add into the line of the same SKU and reports the merge as an effect', () => {
    const r = applyCartChanges([stored('A', 5), stored('B', 1)], [{ op: 'add', sku: 'A', quantity: 3 }], T1);
    assert.deepEqual(r.lines, [stored('A', 8), stored('B', 1)]);
    assert.deepEqual(r.effects, [{ sku: 'A', from: 5, to: 8, changes: [0] }]);
  });

  it('appends new SKUs in the order of the changes, stamped with the given time', () => {
    const r = applyCartChanges([stored('A', 1)], [{ op: 'set', sku: 'C', quantity: 2 }, { op: 'add', sku: 'B', quantity: 4 }], T1);
    assert.deepEqual(r.lines, [stored('A', 1), stored('C', 2, T1), stored('B', 4, T1)]);
  });

  it('replaces the quantity with set and keeps the line where it was', () => {
    const r = applyCartChanges([stored('A', 5), stored('B', 1)], [{ op: 'set', sku: 'A', quantity: 2 }], T1);
    assert.deepEqual(r.lines, [stored('A', 2), stored('B', 1)]);
  });

  it('drops a removed line and treats removing a missing one as a no-op effect', () => {
    const r = applyCartChanges([stored('A', 5), stored('B', 1)], [{ op: 'remove', sku: 'A' }, { op: 'remove', sku: 'Z' }], T1);
    assert.deepEqual(r.lines, [stored('B', 1)]);
    assert.deepEqual(r.effects, [
      { sku: 'A', from: 5, to: 0, changes: [0] },
      { sku: 'Z', from: 0, to: 0, changes: [1] },
    ]);
  });

  it('moves a removed and re-added SKU to the end with the new time', () => {
    const r = applyCartChanges([stored('A', 5), stored('B', 1)], [{ op: 'remove', sku: 'A' }, { op: 'add', sku: 'A', quantity: 2 }], T1);
    assert.deepEqual(r.lines, [stored('B', 1), stored('A', 2, T1)]);
    assert.deepEqual(r.effects, [{ sku: 'A', from: 5, to: 2, changes: [0, 1] }]);
  });

  it('collects every change of a SKU into one effect, from the first state to the last', () => {
    const r = applyCartChanges([], [{ op: 'add', sku: 'A', quantity: 1 }, { op: 'add', sku: 'B', quantity: 1 }, { op: 'set', sku: 'A', quantity: 7 }], T1);
    assert.deepEqual(r.effects, [
      { sku: 'A', from: 0, to: 7, changes: [0, 2] },
      { sku: 'B', from: 0, to: 1, changes: [1] },
    ]);
  });

  it('leaves the lines it is given untouched', () => {
    fc.assert(
      fc.property(lines, fc.array(change, { maxLength: 10 }), (before, changes) => {
        const copy = structuredClone(before);
        applyCartChanges(before, changes, T1);
        assert.deepEqual(before, copy);
      }),
    );
  });

  it('restores the lines when a new SKU is added and then removed', () => {
    fc.assert(
      fc.property(lines, sku, fc.integer({ min: 1, max: 1000 }), (before, s, q) => {
        fc.pre(!before.some((l) => l.sku === s));
        const r = applyCartChanges(before, [{ op: 'add', sku: s, quantity: q }, { op: 'remove', sku: s }], T1);
        assert.deepEqual(r.lines, before);
      }),
    );
  });

  it('adds up two adds like one add of the sum', () => {
    fc.assert(
      fc.property(lines, sku, fc.integer({ min: 1, max: 1000 }), fc.integer({ min: 1, max: 1000 }), (before, s, a, b) => {
        const twice = applyCartChanges(before, [{ op: 'add', sku: s, quantity: a }, { op: 'add', sku: s, quantity: b }], T1);
        const once = applyCartChanges(before, [{ op: 'add', sku: s, quantity: a + b }], T1);
        assert.deepEqual(twice.lines, once.lines);
      }),
    );
  });

  it('keeps one line per SKU and reports each touched SKU once with its final quantity', () => {
    fc.assert(
      fc.property(lines, fc.array(change, { maxLength: 15 }), (before, changes) => {
        const r = applyCartChanges(before, changes, T1);
        const after = quantities(r.lines);
        assert.equal(after.size, r.lines.length);
        assert.equal(new Set(r.effects.map((e) => e.sku)).size, r.effects.length);
        for (const e of r.effects) assert.equal(e.to, after.get(e.sku) ?? 0);
        assert.equal(r.effects.reduce((n, e) => n + e.changes.length, 0), changes.length);
      }),
    );
  });
});

describe('changesBetween()', () => {
  it('removes what is gone, then sets what is new or different', () => {
    const from = [stored('A', 1), stored('B', 2), stored('C', 3)];
    const to = [{ sku: 'C', quantity: 3 }, { sku: 'D', quantity: 4 }, { sku: 'A', quantity: 5 }];
    assert.deepEqual(changesBetween(from, to), [
      { op: 'remove', sku: 'B' },
      { op: 'set', sku: 'D', quantity: 4 },
      { op: 'set', sku: 'A', quantity: 5 },
    ]);
  });

  it('needs no changes between equal lines', () => {
    fc.assert(fc.property(lines, (ls) => assert.deepEqual(changesBetween(ls, ls), [])));
  });

  it('turns any lines into any other lines when applied', () => {
    fc.assert(
      fc.property(lines, lines, (from, to) => {
        const r = applyCartChanges(from, changesBetween(from, to), T1);
        assert.deepEqual(quantities(r.lines), quantities(to));
      }),
    );
  });
});

describe('cartLineIssues()', () => {
  it('finds nothing wrong with an orderable quantity of an active, priced product', () => {
    assert.deepEqual(cartLineIssues('A', product(), 10, 'EUR', 'en'), []);
  });

  it('names an unknown SKU, a discontinued product with its replacement, a missing price and another currency', () => {
    assert.deepEqual(cartLineIssues('A', null, 1, 'EUR', 'de'), [
      { path: ['sku'], code: 'unknown_sku', message: 'Es gibt keinen Artikel mit der Nummer A.', params: { sku: 'A' } },
    ]);
    const gone = cartLineIssues('A', product({ status: 'discontinued', replacementSku: 'A2' }), 1, 'EUR', 'en');
    assert.deepEqual(gone.map((i) => [i.code, i.suggestions]), [['discontinued', ['A2']]]);
    assert.equal(gone[0]!.message, 'Discontinued; replaced by A2.');
    assert.equal(cartLineIssues('A', product({ status: 'discontinued' }), 1, 'EUR', 'en')[0]!.suggestions, undefined);
    assert.equal(cartLineIssues('A', product({ price: null }), 1, 'EUR', 'en')[0]!.code, 'no_price');
    assert.deepEqual(cartLineIssues('A', product(), 1, 'CHF', 'en')[0]!.params, { currency: 'EUR', expected: 'CHF' });
  });

  it('says which quantities the rules allow instead', () => {
    const [issue] = cartLineIssues('A', product({ quantityRules: { min: 10, step: 10, max: 100 } }), 25, 'EUR', 'de');
    assert.deepEqual(issue, {
      path: ['quantity'],
      code: 'step',
      message: 'Bitte in Schritten von 10 bestellen.',
      params: { step: 10 },
      suggestions: [20, 30],
    });
  });
});

describe('priceCartLines()', () => {
  it('prices each line at the tier its quantity reaches and adds up the totals', () => {
    const products = new Map([['A', product()]]);
    const r = priceCartLines([stored('A', 100)], products, 'EUR', 'en');
    const [line] = r.lines;
    assert.deepEqual(line?.unitPrice, eur(219));
    assert.deepEqual(line?.net, eur(21_900));
    assert.equal(line?.taxRate, 1900);
    assert.equal(line?.nextTier, null);
    assert.deepEqual(r.totals, totals([{ net: eur(21_900), taxRate: 1900 }], 'EUR'));
    assert.deepEqual(r.totals.gross, eur(26_061));
  });

  it('keeps lines with issues in their place but counts them in no total', () => {
    const products = new Map<string, CartProduct | null>([
      ['A', product()],
      ['GONE', null],
      ['OLD', product({ status: 'discontinued', replacementSku: 'A' })],
      ['STEP', product({ quantityRules: { min: 1, step: 5, max: null } })],
    ]);
    const r = priceCartLines([stored('GONE', 1), stored('A', 2), stored('OLD', 3), stored('STEP', 4), stored('UNSEEN', 1)], products, 'EUR', 'en');
    assert.deepEqual(r.lines.map((l) => [l.sku, l.issues.map((i) => i.code)]), [
      ['GONE', ['unknown_sku']],
      ['A', []],
      ['OLD', ['discontinued']],
      ['STEP', ['step']],
      ['UNSEEN', ['unknown_sku']],
    ]);
    assert.deepEqual(r.lines.map((l) => l.net), [null, eur(498), null, null, null]);
    // A line off the quantity rules still shows its price, just no net.
    assert.deepEqual(r.lines[3]?.unitPrice, eur(249));
    assert.deepEqual(r.totals.net, eur(498));
  });

  it('prices reduced-rate lines with their own tax rate', () => {
    const products = new Map([['A', product()], ['B', product({ taxClass: 'reduced' })]]);
    const r = priceCartLines([stored('A', 1), stored('B', 1)], products, 'EUR', 'en');
    assert.deepEqual(r.totals.taxes.map((t) => [t.rate, t.tax.amount]), [[1900, 47], [700, 17]]);
  });

  it('has totals equal to totals() of the nets of its orderable lines', () => {
    const item = fc.record({
      quantity: fc.integer({ min: 1, max: 5000 }),
      base: fc.integer({ min: 1, max: 100_000 }),
      priceUnit: fc.constantFrom(1, 10, 100),
      taxClass: fc.constantFrom('standard' as const, 'reduced' as const, 'zero' as const),
      status: fc.constantFrom('active' as const, 'active' as const, 'discontinued' as const),
      step: fc.constantFrom(1, 1, 5),
      visible: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(item, { maxLength: 30 }), (items) => {
        const products = new Map<string, CartProduct | null>();
        const ls = items.map((it, i) => {
          const s = `SKU-${i}`;
          products.set(
            s,
            it.visible
              ? product({
                  taxClass: it.taxClass,
                  status: it.status,
                  quantityRules: { min: 1, step: it.step, max: null },
                  price: { currency: 'EUR', priceUnit: it.priceUnit, source: 'base', tiers: [{ minQuantity: 1, price: eur(it.base) }, { minQuantity: 1000, price: eur(Math.ceil(it.base / 2)) }] },
                })
              : null,
          );
          return stored(s, it.quantity);
        });
        const r = priceCartLines(ls, products, 'EUR', 'en');
        assert.equal(r.lines.length, ls.length);
        const orderable = r.lines.filter((l) => l.issues.length === 0);
        assert.ok(r.lines.every((l) => (l.net === null) === l.issues.length > 0));
        assert.deepEqual(r.totals, totals(orderable.map((l) => ({ net: l.net!, taxRate: l.taxRate! })), 'EUR'));
      }),
    );
  });
});

describe('previewCartChanges()', () => {
  const cart = (): Cart => {
    const products = new Map([['A', product()], ['B', product({ taxClass: 'reduced' })]]);
    const priced = priceCartLines([stored('A', 10), stored('B', 1)], products, 'EUR', 'en');
    return {
      id: 'cart_1',
      name: 'Baustelle Nord',
      status: 'open',
      active: true,
      version: 3,
      currency: 'EUR',
      owner: { kind: 'user', userId: 'usr_1', partnerId: null, name: 'Anna Einkauf' },
      createdVia: { channel: 'web', partnerId: null },
      lastChangedVia: { channel: 'web', partnerId: null },
      lineCount: 2,
      totals: priced.totals,
      createdAt: T0,
      updatedAt: T0,
      lines: priced.lines,
    };
  };

  it('shows merged quantities priced at the new tier and the new totals at once', () => {
    const before = cart();
    const after = previewCartChanges(before, [{ op: 'add', sku: 'A', quantity: 90 }], T1, 'en');
    assert.equal(after.lines[0]?.quantity, 100);
    assert.deepEqual(after.lines[0]?.net, eur(21_900));
    assert.deepEqual(after.totals.net, eur(21_900 + 249));
    assert.equal(after.version, before.version);
    assert.equal(after.id, before.id);
  });

  it('adds lines of SKUs the cart has not seen without a product, price or issues, and counts them in no total', () => {
    const before = cart();
    const after = previewCartChanges(before, [{ op: 'add', sku: 'NEW', quantity: 4 }], T1, 'en');
    assert.equal(after.lineCount, 3);
    assert.deepEqual(after.lines[2], {
      sku: 'NEW', quantity: 4, addedAt: T1, product: null, priceUnit: null, unitPrice: null, net: null, taxRate: null, nextTier: null, issues: [],
    });
    assert.deepEqual(after.totals, before.totals);
  });

  it('drops removed lines from lines, count and totals', () => {
    const after = previewCartChanges(cart(), [{ op: 'remove', sku: 'B' }], T1, 'en');
    assert.deepEqual(after.lines.map((l) => l.sku), ['A']);
    assert.equal(after.lineCount, 1);
    assert.deepEqual(after.totals.taxes.map((t) => t.rate), [1900]);
  });

  it('keeps the objects of untouched lines, so a UI re-renders only the changed one', () => {
    const before = cart();
    const after = previewCartChanges(before, [{ op: 'set', sku: 'A', quantity: 20 }], T1, 'en');
    assert.notEqual(after.lines[0], before.lines[0]);
    assert.equal(after.lines[1], before.lines[1]);
  });

  it('leaves the cart it is given untouched', () => {
    const before = cart();
    const copy = structuredClone(before);
    previewCartChanges(before, [{ op: 'set', sku: 'A', quantity: 1 }, { op: 'remove', sku: 'B' }], T1, 'en');
    assert.deepEqual(before, copy);
  });
});

describe('reuseUnchangedLines()', () => {
  const cart = (quantityA: number): Cart => {
    const products = new Map([['A', product()], ['B', product({ taxClass: 'reduced' })]]);
    const priced = priceCartLines([stored('A', quantityA), stored('B', 1)], products, 'EUR', 'en');
    return {
      id: 'cart_1', name: 'Baustelle Nord', status: 'open', active: true, version: 3, currency: 'EUR',
      owner: { kind: 'user', userId: 'usr_1', partnerId: null, name: 'Anna Einkauf' },
      createdVia: { channel: 'web', partnerId: null }, lastChangedVia: { channel: 'web', partnerId: null },
      lineCount: 2, totals: priced.totals, createdAt: T0, updatedAt: T0, lines: priced.lines,
    };
  };

  it('takes the earlier object of every line the server sent unchanged, and the new one of a changed line', () => {
    const before = cart(10);
    const next = structuredClone(cart(20));
    const merged = reuseUnchangedLines(before, next);
    assert.equal(merged.lines[1], before.lines[1]);
    assert.equal(merged.lines[0], next.lines[0]);
    assert.deepEqual(merged, next);
  });

  it('returns the new cart as it is when nothing can be reused', () => {
    const next = cart(20);
    assert.equal(reuseUnchangedLines(null, next), next);
  });
});
