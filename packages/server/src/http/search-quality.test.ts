import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ProductPageSchema } from '@kontor/core';
import * as z from 'zod/mini';
import { indexProducts } from '../db/search-index.js';
import { auth, createTestApp, type TestApp } from '../testing/test-app.js';

/**
 * What buyers type and what they mean, on the seed world (240 products). `top3`: each of these
 * SKUs ranks in the first three; `top3From`: each of the first three is one of these (broad
 * queries, whose tie order may differ between the engines); `first`: this SKU ranks first.
 */
const ERDKABEL_DATENKABEL = ['KL-1035', 'KL-1036', 'KL-1037', 'KL-1038', 'KL-1039', 'KL-1043'];
const SCHUKO = ['SS-1001', 'SS-1009', 'SS-1017', 'SS-1025'];
const WECHSEL = ['SS-1002', 'SS-1010', 'SS-1018', 'SS-1026'];
const ZANGEN_KNIPEX = ['WZ-1001', 'WZ-1007', 'WZ-1010'];
const KABELBINDER = ['IM-1010', 'IM-1011', 'IM-1012', 'IM-1013', 'IM-1014', 'IM-1015', 'IM-1016', 'IM-1017', 'IM-1018', 'IM-1019'];
const LS_B16 = ['SI-1004', 'SI-1013', 'SI-1022', 'SI-1028', 'SI-1031'];

const TABLE: { q: string; why: string; top3?: string[]; top3From?: string[]; first?: string }[] = [
  { q: 'Kabel', why: 'compound heads: Erdkabel, Datenkabel before Kabelbinder and Kabelmesser', top3From: ERDKABEL_DATENKABEL },
  { q: 'kabel', why: 'case does not matter', top3From: ERDKABEL_DATENKABEL },
  { q: 'Kabbel', why: 'a doubled letter', top3From: ERDKABEL_DATENKABEL },
  { q: 'Stromkabel', why: 'an unknown compound falls back to its head', top3From: ERDKABEL_DATENKABEL },
  { q: 'Wechselschalter', why: 'the compound as written', top3From: WECHSEL },
  { q: 'Wechselschalt', why: 'typing: a prefix', top3From: WECHSEL },
  { q: 'Schalter Gira', why: 'a compound head plus a brand', top3: ['SS-1002', 'SS-1003'] },
  { q: 'Steckdose', why: 'a word', top3From: [...SCHUKO, 'SS-1008', 'SS-1016', 'SS-1024', 'SS-1032'] },
  { q: 'Steckdosen', why: 'the plural', top3From: [...SCHUKO, 'SS-1008', 'SS-1016', 'SS-1024', 'SS-1032'] },
  { q: 'Stekdose', why: 'a missing letter', top3From: [...SCHUKO, 'SS-1008', 'SS-1016', 'SS-1024', 'SS-1032'] },
  { q: 'Schuko Steckdose Jung', why: 'every word narrows', first: 'SS-1009' },
  { q: 'nym-j 3x1,5', why: 'a type and a cross-section as phrases', top3: ['KL-1001', 'KL-1002'] },
  { q: 'NYM 3x1.5', why: 'a decimal point for the comma', top3: ['KL-1001', 'KL-1002'] },
  { q: 'Kabel NYM 5x2,5', why: 'a category word with a type', top3: ['KL-1007', 'KL-1008'] },
  { q: 'KL-1001', why: 'an exact SKU first', first: 'KL-1001' },
  { q: 'kl-1001', why: 'an exact SKU in lower case', first: 'KL-1001' },
  { q: 'Zählerschrank', why: 'umlauts', top3: ['VT-1019', 'VT-1020'] },
  { q: 'zaehlerschrank', why: 'umlauts spelt ae', top3: ['VT-1019', 'VT-1020'] },
  { q: 'zahlerschrank', why: 'umlauts typed without', top3: ['VT-1019', 'VT-1020'] },
  { q: 'Abisolierzange', why: 'a tool by name', top3: ['WZ-1001', 'WZ-1002', 'WZ-1003'] },
  { q: 'Abisolierzang', why: 'a tool, typing', top3: ['WZ-1001', 'WZ-1002', 'WZ-1003'] },
  { q: 'Knipex Zange', why: 'a brand and a compound head', top3From: ZANGEN_KNIPEX },
  { q: 'Kabelbinder', why: 'the compound itself', top3From: KABELBINDER },
  { q: 'cable ties', why: 'English, plural', top3From: KABELBINDER },
  { q: 'Leitungsschutzschalter B16', why: 'a breaker by characteristic', top3From: LS_B16 },
  { q: 'Sicherung B16', why: 'the trade word for a breaker', top3From: LS_B16 },
  { q: 'FI-Schutzschalter 40 A', why: 'an RCD by rating', top3From: ['SI-1035', 'SI-1038', 'SI-1041'] },
  { q: 'Wago 221', why: 'brand and series', top3: ['IM-1020', 'IM-1021', 'IM-1022'] },
  { q: 'Tabellenbuch', why: 'a book', first: 'FL-1001' },
];

describe('search quality: what buyers type finds what they mean', () => {
  let t: TestApp;
  let token: string;
  before(async () => {
    t = await createTestApp();
    token = await t.login('einkauf@elektro-mueller.de');
  });
  after(() => t.close());

  const search = async (q: string, extra = '') => {
    const res = await t.app.inject({ url: `/v1/products?q=${encodeURIComponent(q)}${extra || '&limit=10'}`, headers: auth(token) });
    assert.equal(res.statusCode, 200, res.body);
    return z.parse(ProductPageSchema, res.json());
  };

  for (const row of TABLE) {
    it(`"${row.q}": ${row.why}`, async () => {
      const top = (await search(row.q)).items.slice(0, 3).map((p) => `${p.sku} ${p.name.de}`);
      const skus = top.map((s) => s.split(' ')[0]!);
      if (row.first) assert.equal(skus[0], row.first, top.join(' | '));
      for (const sku of row.top3 ?? []) assert.ok(skus.includes(sku), `${sku} not in the top 3: ${top.join(' | ')}`);
      if (row.top3From) {
        assert.equal(skus.length, 3, top.join(' | '));
        for (const sku of skus) assert.ok(row.top3From.includes(sku), `${sku} should not be in the top 3: ${top.join(' | ')}`);
      }
    });
  }

  it('puts an exact EAN match first', async () => {
    const p = t.world.products[17]!;
    assert.equal((await search(p.ean!)).items[0]?.sku, p.sku);
  });

  it('ranks compound heads above compounds that only start with the word: no cable tie before the first cables', async () => {
    const page = await search('Kabel', '&limit=20');
    const firstTie = page.items.findIndex((p) => p.name.de.startsWith('Kabelbinder'));
    const cables = page.items.filter((p) => p.category === 'kabel-leitungen').length;
    assert.ok(cables >= 15, `${cables} cables in the first 20`);
    assert.ok(firstTie === -1 || firstTie >= 15, `a cable tie at ${firstTie}`);
  });

  it('finds a product added later once it is indexed: "Kabel" finds "NYM-J Installationskabel"', async () => {
    const base = await t.db.selectFrom('products').selectAll().where('sku', '=', 'KL-1001').executeTakeFirstOrThrow();
    await t.db
      .insertInto('products')
      .values({ ...base, id: 'prd_ZZ9001', sku: 'ZZ-9001', ean: null, name_de: 'NYM-J Installationskabel 3x1,5 mm² grau, Ring 50 m', name_en: 'NYM-J installation cable 3x1.5 mm² grey, 50 m coil' })
      .execute();
    await t.db
      .insertInto('products')
      .values({ ...base, id: 'prd_ZZ9002', sku: 'ZZ-9002', ean: null, category: 'schalter-steckdosen', name_de: 'Wechselschalter Aufputz IP44 grau', name_en: 'Two-way switch surface-mounted IP44 grey' })
      .execute();
    try {
      assert.ok(!(await search('Installationskabel')).items.some((p) => p.sku === 'ZZ-9001'), 'not indexed yet');
      await indexProducts(t.db, ['prd_ZZ9001', 'prd_ZZ9002']);
      assert.equal((await search('Installationskabel')).items[0]?.sku, 'ZZ-9001');
      const kabel = (await search('Kabel', '&limit=50')).items.map((p) => p.sku);
      assert.ok(kabel.indexOf('ZZ-9001') >= 0 && kabel.indexOf('ZZ-9001') < 10, kabel.join(' '));
      const kabelNym = (await search('Kabel NYM 3x1,5')).items.map((p) => p.sku);
      assert.ok(kabelNym.slice(0, 3).includes('ZZ-9001'), kabelNym.join(' '));
      assert.equal((await search('Installationskabbel')).items[0]?.sku, 'ZZ-9001', 'a typo in the compound');
      assert.equal((await search('Schalter Aufputz')).items[0]?.sku, 'ZZ-9002', '"Schalter" finds "Wechselschalter"');
    } finally {
      await t.db.deleteFrom('product_search').where('product_id', 'in', ['prd_ZZ9001', 'prd_ZZ9002']).execute();
      await t.db.deleteFrom('products').where('id', 'in', ['prd_ZZ9001', 'prd_ZZ9002']).execute();
      await indexProducts(t.db, ['prd_ZZ9001', 'prd_ZZ9002']);
    }
  });
});
