import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ProductPageSchema, ProductSchema, type Product } from '@kontor/core';
import * as z from 'zod/mini';
import { queryWords, searchDocument } from '../db/search-analysis.js';
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
    it('opens in catalogue order without a query: categories as the seller placed them, each by name, not the books by SKU', async () => {
      const page = await list(mueller, '');
      assert.equal(page.items.length, 20);
      assert.ok(page.nextCursor);
      assert.ok(page.items.every((p) => p.category === 'leuchtmittel'), 'the first category first');
    });

    it('answers by SKU when asked', async () => {
      const skus = (await list(mueller, '?sort=sku')).items.map((p) => p.sku);
      assert.equal(skus.length, 20);
      assert.deepEqual(skus, [...skus].sort());
    });

    it('pages through every visible product without duplicates or gaps, in catalogue order and by SKU', async () => {
      const visible = t.world.products.filter((p) => p.visibility === 'public');
      const position = new Map(t.world.categories.map((c, i) => [c.slug, i]));
      const items = await allPages(mueller, '');
      const skus = items.map((p) => p.sku);
      assert.equal(new Set(skus).size, skus.length);
      assert.deepEqual([...skus].sort(), visible.map((p) => p.sku).sort());
      // Categories in the seller's order; within one, the database's order of names.
      const positions = items.map((p) => position.get(p.category)!);
      assert.deepEqual(positions, [...positions].sort((a, b) => a - b));
      assert.deepEqual((await allPages(mueller, '?sort=sku')).map((p) => p.sku), visible.map((p) => p.sku).sort());
    });

    it('pages through a relevance-ranked search without duplicates or gaps, best first', async () => {
      const all = (await list(mueller, '?q=schalter&limit=100')).items.map((p) => p.sku);
      assert.ok(all.length > 40);
      assert.deepEqual((await allPages(mueller, '?q=schalter')).map((p) => p.sku), all);
      // An exact SKU opens the first page and is not repeated on a later one.
      const paged = await allPages(mueller, '?q=SS-1002');
      assert.equal(paged[0]?.sku, 'SS-1002');
      assert.equal(paged.filter((p) => p.sku === 'SS-1002').length, 1);
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
      const sorted = async (query: string) => (await allPages(mueller, query)).map((p) => p.sku).sort();
      const nymCables = await sorted('?q=NYM&category=kabel-leitungen');
      assert.ok(nymCables.length >= 8);
      assert.deepEqual(await sorted('?q=Kabel NYM'), nymCables);
      // Either language, word order, case and umlaut spelling do not matter.
      assert.deepEqual(await sorted('?q=nym LEITUNGEN'), nymCables);
      assert.deepEqual(await sorted('?q=NYM cables'), nymCables);
      // Still every word: a category word and a word found in no product of it find nothing.
      assert.equal((await list(mueller, '?q=Kabel Osram')).items.length, 0);
      // A word only a category name has finds that category's products (and products naming it).
      assert.deepEqual(await sorted('?q=Fachliteratur'), await sorted('?category=fachliteratur'));
    });

    it('answers exactly the visible products whose search document has every word', async () => {
      const categories = new Map(t.world.categories.map((c) => [c.slug, c.name]));
      const visible = t.world.products.filter((p) => p.visibility === 'public');
      for (const q of ['Kabel NYM', 'leitung lapp', 'schalter reinweiß', 'Werkzeug knipex', 'cable grey', 'steckdosen usb', 'lamps osram 2700']) {
        const words = queryWords(q).map((w) => w.tokens[0]!);
        const expected = visible
          .filter((p) => {
            const doc = searchDocument({ ...p, category: categories.get(p.category)! });
            const tokens = new Set(Object.values(doc).flat());
            return words.every((w) => tokens.has(w));
          })
          .map((p) => p.sku)
          .sort();
        assert.ok(expected.length > 0, q);
        const got = (await allPages(mueller, `?q=${encodeURIComponent(q)}`)).map((p) => p.sku).sort();
        assert.deepEqual(got, expected, `${q}: ${got.filter((s) => !expected.includes(s))} / ${expected.filter((s) => !got.includes(s))}`);
      }
    });

    it('counts what a search matches per category, brand and unit, each without its own filter', async () => {
      const page = await list(mueller, '?q=schalter&brand=Gira,Jung&facets=true&limit=5');
      const facets = page.facets!;
      assert.ok(page.items.every((p) => p.brand === 'Gira' || p.brand === 'Jung'));
      const all = await allPages(mueller, '?q=schalter&brand=Gira,Jung');
      assert.equal(facets.total, all.length);
      // The brand facet ignores the brand filter: other brands keep their counts.
      const everyBrand = await allPages(mueller, '?q=schalter');
      const byBrand = new Map<string, number>();
      for (const p of everyBrand) if (p.brand) byBrand.set(p.brand, (byBrand.get(p.brand) ?? 0) + 1);
      assert.deepEqual(new Map(facets.brand.map((b) => [b.value, b.count])), byBrand);
      assert.ok(facets.brand.some((b) => b.value === 'ABB'));
      // Categories count within the chosen brands, with their names.
      const inSwitches = all.filter((p) => p.category === 'schalter-steckdosen').length;
      assert.deepEqual(facets.category.find((c) => c.value === 'schalter-steckdosen'), { value: 'schalter-steckdosen', count: inSwitches, name: { de: 'Schalter & Steckdosen', en: 'Switches & sockets' } });
      assert.equal(facets.unit.reduce((n, u) => n + u.count, 0), all.length);
      // Without facets=true the answer has none.
      assert.equal((await list(mueller, '?q=schalter')).facets, undefined);
    });

    it('filters by brand and unit, comma-separated', async () => {
      const metres = await allPages(mueller, '?unit=meter,roll&brand=Lapp');
      assert.ok(metres.length > 5);
      assert.ok(metres.every((p) => (p.unit === 'meter' || p.unit === 'roll') && p.brand === 'Lapp'));
      const expected = t.world.products.filter((p) => p.visibility === 'public' && p.brand === 'Lapp' && (p.unit === 'meter' || p.unit === 'roll')).length;
      assert.equal(metres.length, expected);
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
