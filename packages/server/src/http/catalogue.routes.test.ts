import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ProductPageSchema, ProductSchema, type Product } from '@kontor/core';
import * as z from 'zod/mini';
import { searchTerms, searchText } from '../db/search-key.js';
import { auth, createTestApp, type TestApp } from '../testing/test-app.js';

describe('catalogue routes', () => {
  let t: TestApp;
  let mueller: string;
  let schmidt: string;
  before(async () => {
    t = await createTestApp();
    [mueller, schmidt] = await Promise.all([t.login('einkauf@elektro-mueller.de'), t.login('einkauf@schmidt-haustechnik.de')]);
  });
  after(() => t.close());

  const list = async (token: string, query: string) => {
    const res = await t.app.inject({ url: `/v1/products${query}`, headers: auth(token) });
    assert.equal(res.statusCode, 200, res.body);
    return z.parse(ProductPageSchema, res.json());
  };
  const allPages = async (token: string, query: string) => {
    const items: Product[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page = await list(token, `${query}${query ? '&' : '?'}limit=37${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      items.push(...page.items);
      cursor = page.nextCursor;
      pages++;
    } while (cursor && pages < 50);
    return items;
  };

  describe('GET /v1/products', () => {
    it('answers the first 20 products by SKU with a cursor', async () => {
      const page = await list(mueller, '');
      assert.equal(page.items.length, 20);
      assert.ok(page.nextCursor);
      const skus = page.items.map((p) => p.sku);
      assert.deepEqual(skus, [...skus].sort());
    });

    it('pages through every visible product without duplicates or gaps', async () => {
      const items = await allPages(mueller, '');
      const skus = items.map((p) => p.sku);
      assert.equal(new Set(skus).size, skus.length);
      const visible = t.world.products.filter((p) => p.visibility === 'public').map((p) => p.sku).sort();
      assert.deepEqual(skus, visible);
    });

    it('pages through a name-sorted list without duplicates', async () => {
      const items = await allPages(mueller, '?sort=name');
      assert.equal(new Set(items.map((p) => p.sku)).size, items.length);
      assert.equal(items.length, t.world.products.filter((p) => p.visibility === 'public').length);
    });

    it('searches SKU, name, brand and EAN case-insensitively', async () => {
      const nym = await list(mueller, '?q=nym-j&limit=100');
      assert.ok(nym.items.length >= 8);
      assert.ok(nym.items.every((p) => /nym-j/i.test(p.name.de)));
      const brand = await list(mueller, '?q=KNIPEX&limit=100');
      assert.ok(brand.items.length > 0 && brand.items.every((p) => p.brand === 'Knipex'));
      const someEan = t.world.products[5]!.ean!;
      assert.deepEqual((await list(mueller, `?q=${someEan}`)).items.map((p) => p.ean), [someEan]);
      assert.deepEqual((await list(mueller, '?q=kl-1001')).items.map((p) => p.sku), ['KL-1001']);
    });

    it('finds German spellings with or without umlauts and ß, and decimal commas or points', async () => {
      const weiss = await list(mueller, '?q=WEISS&limit=100');
      assert.ok(weiss.items.length > 0 && weiss.items.every((p) => /weiß/i.test(p.name.de) || /white/i.test(p.name.en)));
      const zaehler = (await list(mueller, '?q=Zählerschrank&limit=100')).items.map((p) => p.sku);
      assert.ok(zaehler.length > 0);
      assert.deepEqual((await list(mueller, '?q=zaehlerschrank&limit=100')).items.map((p) => p.sku), zaehler);
      assert.deepEqual(
        (await list(mueller, '?q=zahlerschrank&limit=100')).items.map((p) => p.sku),
        (await list(mueller, '?q=Zählerschrank&limit=100')).items.map((p) => p.sku),
      );
      const comma = await list(mueller, '?q=nym-j 3x1,5&limit=100');
      const point = await list(mueller, '?q=NYM-J 3x1.5&limit=100');
      assert.ok(comma.items.length >= 2);
      assert.deepEqual(comma.items.map((p) => p.sku), point.items.map((p) => p.sku));
    });

    it('requires every search term to match', async () => {
      const both = await list(mueller, '?q=nym-j 5x2,5&limit=100');
      assert.ok(both.items.length > 0);
      assert.ok(both.items.every((p) => /nym-j/i.test(p.name.de) && /5x2,5/.test(p.name.de)));
    });

    it('matches each word in any field, the category name included: "Kabel NYM" finds the NYM cables', async () => {
      // The NYM cables are named "Mantelleitung NYM-J …" / "Sheathed cable NYM-J …": "Kabel" is only their category's name.
      const kabelNym = await allPages(mueller, '?q=Kabel NYM');
      const nymCables = (await allPages(mueller, '?q=NYM&category=kabel-leitungen')).map((p) => p.sku);
      assert.ok(nymCables.length >= 8);
      assert.deepEqual(kabelNym.map((p) => p.sku), nymCables);
      // Either language, word order, case and umlaut spelling do not matter.
      assert.deepEqual((await allPages(mueller, '?q=nym LEITUNGEN')).map((p) => p.sku), nymCables);
      assert.deepEqual((await allPages(mueller, '?q=NYM cables')).map((p) => p.sku), nymCables);
      // Still every word: a category word and a word found in no product of it find nothing.
      assert.equal((await list(mueller, '?q=Kabel Osram')).items.length, 0);
      // A word only a category name has finds that category's products (and products naming it).
      const books = (await allPages(mueller, '?q=Fachliteratur')).map((p) => p.sku);
      assert.deepEqual(books, (await allPages(mueller, '?category=fachliteratur')).map((p) => p.sku));
    });

    it('answers exactly the visible products where every word is in SKU, names, brand, EAN or category name', async () => {
      const categoryKey = new Map(t.world.categories.map((c) => [c.slug, searchText([c.name.de, c.name.en])]));
      const visible = t.world.products.filter((p) => p.visibility === 'public');
      for (const q of ['Kabel NYM', 'leitung lapp', 'schalter weiß', 'Werkzeug knipex', 'cable 3x1,5', 'steckdosen 2', 'lamps osram 2700']) {
        const terms = searchTerms(q);
        const expected = visible
          .filter((p) => {
            const text = searchText([p.sku, p.name.de, p.name.en, p.brand, p.ean]);
            return terms.every((term) => text.includes(term) || categoryKey.get(p.category)!.includes(term));
          })
          .map((p) => p.sku)
          .sort();
        assert.ok(expected.length > 0, q);
        assert.deepEqual((await allPages(mueller, `?q=${encodeURIComponent(q)}`)).map((p) => p.sku), expected, q);
      }
    });

    it('treats % and _ in the search as plain characters', async () => {
      assert.equal((await list(mueller, '?q=%25')).items.length, 0);
    });

    it('filters by category and status', async () => {
      const cables = await allPages(mueller, '?category=kabel-leitungen');
      assert.ok(cables.length > 20);
      assert.ok(cables.every((p) => p.category === 'kabel-leitungen'));
      const gone = await list(mueller, '?status=discontinued&limit=100');
      assert.ok(gone.items.length >= 6);
      assert.ok(gone.items.every((p) => p.status === 'discontinued' && p.replacementSku));
    });

    it("shows the company's own prices with source company, others the base price", async () => {
      const own = t.world.priceLists.find((l) => l.id === 'pl_mueller')!.tiers[0]!;
      const base = t.world.priceLists.find((l) => l.id === 'pl_base')!.tiers.find((x) => x.sku === own.sku && x.minQuantity === 1)!;
      const [m] = (await list(mueller, `?q=${own.sku}`)).items;
      const [s] = (await list(schmidt, `?q=${own.sku}`)).items;
      assert.equal(m!.price!.source, 'company');
      assert.equal(m!.price!.tiers[0]!.price.amount, own.amount);
      assert.equal(s!.price!.source, 'base');
      assert.equal(s!.price!.tiers[0]!.price.amount, base.amount);
      assert.ok(own.amount < base.amount);
    });

    it('falls back to the base list for SKUs missing from the company list', async () => {
      const ownSkus = new Set(t.world.priceLists.find((l) => l.id === 'pl_mueller')!.tiers.map((x) => x.sku));
      const sku = t.world.products.find((p) => p.visibility === 'public' && !ownSkus.has(p.sku) && p.sku.startsWith('LM'))!.sku;
      const [m] = (await list(mueller, `?q=${sku}`)).items;
      assert.equal(m!.price!.source, 'base');
    });

    it('answers price null for a product without any price', async () => {
      const page = await list(mueller, '?q=Zählerschrank');
      assert.ok(page.items.length > 0);
      assert.ok(page.items.every((p) => p.price === null));
    });

    it('shows restricted products to Schmidt Haustechnik only', async () => {
      const restricted = t.world.products.filter((p) => p.visibility === 'restricted').map((p) => p.sku);
      assert.ok(restricted.length >= 3);
      const forSchmidt = (await allPages(schmidt, '')).map((p) => p.sku);
      const forMueller = (await allPages(mueller, '')).map((p) => p.sku);
      for (const sku of restricted) {
        assert.ok(forSchmidt.includes(sku), sku);
        assert.ok(!forMueller.includes(sku), sku);
      }
    });

    it('answers 400 validation for a limit above 100 and for a forged cursor', async () => {
      const big = await t.app.inject({ url: '/v1/products?limit=101', headers: auth(mueller) });
      assert.equal(big.statusCode, 400);
      assert.deepEqual(big.json().issues[0].path, ['limit']);
      const forged = await t.app.inject({ url: '/v1/products?cursor=not-a-cursor', headers: auth(mueller) });
      assert.equal(forged.statusCode, 400);
      assert.equal(forged.json().code, 'validation');
    });
  });

  describe('GET /v1/products/{sku}', () => {
    it('answers one product with the caller prices', async () => {
      const res = await t.app.inject({ url: '/v1/products/KL-1001', headers: auth(mueller) });
      assert.equal(res.statusCode, 200);
      const p = z.parse(ProductSchema, res.json());
      assert.equal(p.unit, 'meter');
      assert.equal(p.price!.priceUnit, 100);
      assert.deepEqual(p.quantityRules, { min: 50, step: 50, max: 5000 });
    });

    it('answers 404 for an unknown SKU', async () => {
      const res = await t.app.inject({ url: '/v1/products/XX-9999', headers: auth(mueller) });
      assert.equal(res.statusCode, 404);
      assert.equal(res.json().code, 'not_found');
    });

    it('answers 404 for a product restricted to another company', async () => {
      const sku = t.world.products.find((p) => p.visibility === 'restricted')!.sku;
      const hidden = await t.app.inject({ url: `/v1/products/${sku}`, headers: auth(mueller) });
      const unknown = await t.app.inject({ url: '/v1/products/XX-9999', headers: auth(mueller) });
      assert.equal(hidden.statusCode, 404);
      assert.deepEqual(hidden.json(), unknown.json());
      assert.equal((await t.app.inject({ url: `/v1/products/${sku}`, headers: auth(schmidt) })).statusCode, 200);
    });
  });

  describe('GET /v1/categories', () => {
    it('counts the products each company sees', async () => {
      const count = async (token: string) => {
        const res = await t.app.inject({ url: '/v1/categories', headers: auth(token) });
        assert.equal(res.statusCode, 200);
        return res.json().items as { slug: string; productCount: number }[];
      };
      const m = await count(mueller);
      const s = await count(schmidt);
      assert.ok(m.length >= 6);
      const total = (items: { productCount: number }[]) => items.reduce((n, c) => n + c.productCount, 0);
      const restricted = t.world.products.filter((p) => p.visibility === 'restricted').length;
      assert.equal(total(s) - total(m), restricted);
      assert.equal(total(s), t.world.products.length);
    });
  });
});
