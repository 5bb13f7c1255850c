import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ProductPriceSchema, QuantityRulesSchema } from '@kontor/core';
import { z } from 'zod/mini';
import { generateWorld } from './world.js';

const eanValid = (ean: string) => {
  const digits = [...ean].map(Number);
  const sum = digits.slice(0, 12).reduce((s, d, i) => s + d * (i % 2 === 0 ? 1 : 3), 0);
  return ean.length === 13 && (10 - (sum % 10)) % 10 === digits[12];
};

describe('generateWorld()', () => {
  const world = generateWorld({ products: 240 });

  it('is deterministic', () => {
    assert.deepEqual(generateWorld({ products: 240 }), world);
  });

  it('has at least 220 products in every category with unique SKUs', () => {
    assert.ok(world.products.length >= 220);
    assert.equal(new Set(world.products.map((p) => p.sku)).size, world.products.length);
    for (const c of world.categories) assert.ok(world.products.some((p) => p.category === c.slug), c.slug);
  });

  it('gives every product a valid EAN-13 and valid quantity rules', () => {
    for (const p of world.products) {
      assert.ok(p.ean && eanValid(p.ean), `${p.sku} ${p.ean}`);
      assert.ok(z.safeParse(QuantityRulesSchema, p.quantityRules).success, p.sku);
    }
  });

  it('replaces every discontinued product with an active one that exists', () => {
    const gone = world.products.filter((p) => p.status === 'discontinued');
    assert.ok(gone.length >= 6);
    for (const p of gone) assert.equal(world.products.find((r) => r.sku === p.replacementSku)?.status, 'active', p.sku);
  });

  it('restricts at least three products to one company', () => {
    const restricted = world.products.filter((p) => p.visibility === 'restricted');
    assert.ok(restricted.length >= 3);
    assert.ok(restricted.every((p) => p.visibleTo.length === 1 && p.visibleTo[0] === 'cmp_schmidt'));
  });

  it('builds price lists whose tiers form valid prices', () => {
    for (const list of world.priceLists) {
      const bySku = new Map<string, typeof list.tiers>();
      for (const t of list.tiers) bySku.set(t.sku, [...(bySku.get(t.sku) ?? []), t]);
      for (const [sku, tiers] of bySku) {
        const price = { currency: list.currency, priceUnit: 1, source: 'base', tiers: tiers.map((t) => ({ minQuantity: t.minQuantity, price: { amount: t.amount, currency: list.currency } })) };
        assert.ok(z.safeParse(ProductPriceSchema, price).success, sku);
      }
    }
  });

  it('keeps the fixed demo companies, users and partner key', () => {
    assert.deepEqual(world.companies.slice(0, 3).map((c) => [c.id, c.customerNumber]), [['cmp_mueller', 'K-10001'], ['cmp_schmidt', 'K-10002'], ['cmp_baulicht', 'K-10003']]);
    assert.equal(world.companies.find((c) => c.id === 'cmp_baulicht')!.partnerId, 'ptn_nord');
    assert.equal(world.partners.find((p) => p.id === 'ptn_nord')!.apiKey, 'kpk_demo_nord_2026');
    assert.deepEqual(world.users.map((u) => u.email), [
      'einkauf@elektro-mueller.de', 'anna.mueller@elektro-mueller.de', 'pruefung@elektro-mueller.de', 'einkauf@schmidt-haustechnik.de', 'kauf@baulicht.de',
    ]);
  });
});
