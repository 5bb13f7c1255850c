import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ErrorIssue } from '../errors/kontor-error.js';
import { planReorder, reorderCounts, type ReorderFacts } from './reorder.logic.js';

const eur = (amount: number) => ({ amount, currency: 'EUR' });
const name = (s: string) => ({ de: s, en: s });

/** A small world: prices per SKU, stock per SKU, a step-10 product, a discontinued one with a successor. */
function facts(overrides: Partial<Record<string, { status?: 'active' | 'discontinued'; replacementSku?: string | null; price?: number; stock?: number; comes?: string | null; step?: number }>> = {}): ReorderFacts {
  const world: Record<string, { status: 'active' | 'discontinued'; replacementSku: string | null; price: number; stock: number; comes: string | null; step: number }> = {
    A: { status: 'active', replacementSku: null, price: 100, stock: 100, comes: '2026-05-20', step: 1 },
    B: { status: 'active', replacementSku: null, price: 250, stock: 100, comes: '2026-05-20', step: 10 },
    OLD: { status: 'discontinued', replacementSku: 'NEW', price: 300, stock: 0, comes: null, step: 1 },
    NEW: { status: 'active', replacementSku: null, price: 320, stock: 100, comes: '2026-05-20', step: 1 },
    LATE: { status: 'active', replacementSku: null, price: 500, stock: 2, comes: '2026-06-15', step: 1 },
    NEVER: { status: 'active', replacementSku: null, price: 700, stock: 0, comes: null, step: 1 },
  };
  for (const [sku, o] of Object.entries(overrides)) world[sku] = { ...world[sku]!, ...o };
  return {
    product: (sku) => (world[sku] ? { status: world[sku].status, replacementSku: world[sku].replacementSku, name: name(sku) } : undefined),
    issue: (sku, quantity): ErrorIssue | null => {
      const p = world[sku];
      if (!p) return { path: ['sku'], code: 'unknown_sku', message: `Unknown ${sku}`, params: { sku } };
      if (p.status === 'discontinued') return { path: ['sku'], code: 'discontinued', message: 'Discontinued', params: { replacementSku: p.replacementSku } };
      if (quantity % p.step) return { path: ['quantity'], code: 'step', message: `In steps of ${p.step}`, params: { step: p.step } };
      return null;
    },
    unitPrice: (sku) => (world[sku] ? eur(world[sku].price) : null),
    supply: (sku, quantity) => (world[sku] ? { availableNow: world[sku].stock, earliestDelivery: world[sku].stock >= quantity ? '2026-05-20' : world[sku].comes } : null),
  };
}

describe('planReorder()', () => {
  it('adds new lines and merges into the cart\'s, saying the quantity after', () => {
    const plan = planReorder(
      [{ sku: 'A', quantity: 3, unitPrice: eur(100), name: null }, { sku: 'B', quantity: 10, unitPrice: eur(250), name: null }],
      'cart', facts(), { cartLines: [{ sku: 'B', quantity: 20 }], lang: 'en' },
    );
    assert.deepEqual(plan.lines.map((l) => [l.sku, l.outcome, l.quantity, l.cartQuantity]), [['A', 'added', 3, null], ['B', 'merged', 10, 30]]);
    assert.deepEqual(plan.adds, [{ sku: 'A', quantity: 3 }, { sku: 'B', quantity: 10 }]);
  });

  it('reports a price that changed since, old and new', () => {
    const plan = planReorder([{ sku: 'A', quantity: 1, unitPrice: eur(90), name: name('A') }], 'new_cart', facts(), { lang: 'en' });
    assert.deepEqual(plan.lines[0]!.repriced, { before: eur(90), after: eur(100) });
    assert.equal(planReorder([{ sku: 'A', quantity: 1, unitPrice: eur(100), name: null }], 'new_cart', facts(), { lang: 'en' }).lines[0]!.repriced, null);
  });

  it('replaces a discontinued product by its successor and says so', () => {
    const plan = planReorder([{ sku: 'OLD', quantity: 2, unitPrice: eur(300), name: null }], 'cart', facts(), { cartLines: [], lang: 'de' });
    assert.deepEqual([plan.lines[0]!.outcome, plan.lines[0]!.replacedBy, plan.lines[0]!.repriced], ['added', 'NEW', { before: eur(300), after: eur(320) }]);
    assert.deepEqual(plan.adds, [{ sku: 'NEW', quantity: 2 }]);
  });

  it('refuses a discontinued product whose successor cannot be ordered, with the reason', () => {
    const plan = planReorder([{ sku: 'OLD', quantity: 2, unitPrice: null, name: null }], 'cart', facts({ NEW: { status: 'discontinued' } }), { lang: 'de' });
    assert.deepEqual([plan.lines[0]!.outcome, plan.lines[0]!.quantity, plan.lines[0]!.reason?.code], ['refused', 0, 'replacement_unavailable']);
    assert.match(plan.lines[0]!.reason!.message, /Nachfolger NEW/);
    assert.deepEqual(plan.adds, []);
  });

  it('adds a line that comes later to a cart with its day, and leaves it out of an order with a reason', () => {
    const line = [{ sku: 'LATE', quantity: 5, unitPrice: eur(500), name: null }];
    const cart = planReorder(line, 'cart', facts(), { cartLines: [], lang: 'en' });
    assert.deepEqual([cart.lines[0]!.outcome, cart.lines[0]!.quantity, cart.lines[0]!.availableOn], ['later', 5, '2026-06-15']);
    assert.deepEqual(cart.adds, [{ sku: 'LATE', quantity: 5 }]);
    const order = planReorder(line, 'order', facts(), { lang: 'en' });
    assert.deepEqual([order.lines[0]!.outcome, order.lines[0]!.quantity, order.lines[0]!.availableOn, order.lines[0]!.reason?.code], ['later', 0, '2026-06-15', 'later_not_ordered']);
    assert.deepEqual(order.adds, []);
  });

  it('refuses what cannot be delivered, is unknown, or breaks the quantity rules once merged — nothing is dropped silently', () => {
    const plan = planReorder(
      [
        { sku: 'NEVER', quantity: 1, unitPrice: eur(700), name: null },
        { sku: 'GONE', quantity: 1, unitPrice: eur(10), name: name('Gone') },
        { sku: 'B', quantity: 10, unitPrice: eur(250), name: null },
      ],
      'cart', facts(), { cartLines: [{ sku: 'B', quantity: 5 }], lang: 'en' },
    );
    assert.deepEqual(plan.lines.map((l) => [l.sku, l.outcome, l.reason?.code]), [['NEVER', 'refused', 'not_deliverable'], ['GONE', 'refused', 'unknown_sku'], ['B', 'refused', 'step']]);
    assert.equal(plan.lines[1]!.name?.en, 'Gone');
    assert.deepEqual(plan.adds, []);
  });

  it('sums two lines that end up as the same SKU, the second one merged', () => {
    const plan = planReorder([{ sku: 'OLD', quantity: 1, unitPrice: null, name: null }, { sku: 'NEW', quantity: 2, unitPrice: null, name: null }], 'new_cart', facts(), { lang: 'en' });
    assert.deepEqual(plan.lines.map((l) => [l.outcome, l.cartQuantity]), [['added', null], ['merged', 3]]);
    assert.deepEqual(plan.adds, [{ sku: 'NEW', quantity: 3 }]);
  });

  it('counts what happened for a summary', () => {
    const plan = planReorder(
      [{ sku: 'A', quantity: 1, unitPrice: eur(90), name: null }, { sku: 'OLD', quantity: 1, unitPrice: null, name: null }, { sku: 'NEVER', quantity: 1, unitPrice: null, name: null }],
      'new_cart', facts(), { lang: 'en' },
    );
    assert.deepEqual(reorderCounts(plan.lines), { added: 2, merged: 0, later: 0, refused: 1, replaced: 1, repriced: 1 });
  });
});
