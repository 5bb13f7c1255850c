import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ProductPriceSchema, QuantityRulesSchema, WarehouseSchema } from '@kontor/core';
import * as z from 'zod/mini';
import { DEFAULT_MAIL_FROM, senderName } from '../mail/mailer.js';
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

  it('names the seller as the demo site and the mails do: Hansen Elektrogroßhandel GmbH, also as account holder', () => {
    assert.equal(world.seller.name, 'Hansen Elektrogroßhandel GmbH');
    assert.equal(world.seller.bank.accountHolder, world.seller.name);
    // The mails sign with the sender's name: the same firm, without the legal form.
    assert.ok(world.seller.name.startsWith(`${senderName(DEFAULT_MAIL_FROM)} `), senderName(DEFAULT_MAIL_FROM));
  });

  it('has two warehouses and stock for every kind of promise: in stock, partly, on order, only procured, discontinued leftovers', () => {
    assert.deepEqual(world.warehouses.map((w) => [w.id, w.region, w.cutoff]), [['wh_hamburg', 'DE-HH', '14:00'], ['wh_muenchen', 'DE-BY', '15:00']]);
    for (const w of world.warehouses) assert.ok(z.safeParse(WarehouseSchema, w).success, w.id);
    const of = (sku: string) => world.stock.filter((s) => s.sku === sku);
    const onHand = (sku: string) => of(sku).reduce((n, s) => n + s.onHand, 0);
    const incoming = (sku: string) => of(sku).some((s) => s.receipts.length > 0);
    const active = world.products.filter((p) => p.status === 'active');
    const kinds = {
      inStock: active.filter((p) => onHand(p.sku) > 0 && !incoming(p.sku)).length,
      partial: active.filter((p) => onHand(p.sku) > 0 && incoming(p.sku)).length,
      onOrder: active.filter((p) => onHand(p.sku) === 0 && incoming(p.sku)).length,
      procured: active.filter((p) => of(p.sku).length === 0).length,
    };
    assert.ok(kinds.inStock > active.length / 3 && kinds.partial > 10 && kinds.onOrder > 10 && kinds.procured > 10, JSON.stringify(kinds));
    for (const p of active) assert.ok(p.leadTimeDays !== null && p.leadTimeDays >= 3 && p.leadTimeDays <= 15, p.sku);
    for (const p of world.products.filter((x) => x.status === 'discontinued')) {
      assert.ok(onHand(p.sku) > 0 && !incoming(p.sku), p.sku);
      assert.equal(p.leadTimeDays, null);
    }
    for (const s of world.stock) assert.ok(s.onHand >= 0 && s.reserved >= 0 && s.receipts.every((r) => r.inDays > 0 && r.quantity > 0));
    assert.equal(world.erpKeys[0]!.apiKey, 'kek_demo_erp_2026');
  });

  it('derives a SKU’s stock from the SKU (and its status) alone, whatever the size of the catalogue', () => {
    const big = generateWorld({ products: 1200 });
    const bySku = (w: typeof world, sku: string) => w.stock.filter((s) => s.sku === sku);
    // Which product is discontinued depends on the catalogue's size (one per category); compare the others.
    const same = world.products.filter((p) => big.products.find((b) => b.sku === p.sku)!.status === p.status);
    assert.ok(same.length > 200);
    for (const p of same) {
      assert.deepEqual(bySku(big, p.sku), bySku(world, p.sku), p.sku);
      assert.equal(big.products.find((b) => b.sku === p.sku)!.leadTimeDays, p.leadTimeDays, p.sku);
    }
  });
});
