import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { AvailabilityResponseSchema, StockUpdateResultSchema, type AvailabilityItem, type AvailabilityResponse } from '@kontor/core';
import * as z from 'zod/mini';
import { availabilityPlan } from '../availability/availability.service.js';
import { resolveCaller, type BuyerCaller } from '../auth/caller.js';
import { hashToken } from '../auth/tokens.js';
import { addBulkProducts } from '../testing/bulk-catalogue.js';
import { auth, createTestApp, TEST_JWT_SECRET, type TestApp } from '../testing/test-app.js';
import { DEMO_ERP_KEY, type WorldProduct, type WorldStock } from '../seed/world.js';

const ERP = DEMO_ERP_KEY;
const MUELLER = 'einkauf@elektro-mueller.de';
const SCHMIDT = 'einkauf@schmidt-haustechnik.de';
/** Wednesday 2.12.2026, 10:00 in Hamburg and Munich: before both cut-offs. */
const SEEDED_AT = '2026-12-02T09:00:00.000Z';

describe('availability (POST /v1/availability, PUT /v1/erp/stock)', () => {
  let t: TestApp;
  let clock = new Date(SEEDED_AT);
  let mueller: string;
  before(async () => {
    // The clock moves, and every move signs in again: more logins than the default limit.
    t = await createTestApp({ now: () => clock, loginRateLimit: { max: 10_000, timeWindowMs: 60_000 } });
    mueller = await t.login(MUELLER);
  });
  after(() => t.close());

  /** Moves the app's clock and signs in again (sessions expire against that clock). */
  const at = async (iso: string, email = MUELLER) => {
    clock = new Date(iso);
    return t.login(email);
  };
  const ask = (token: string, items: unknown, destination = 'DE', lang?: string) =>
    t.app.inject({ method: 'POST', url: '/v1/availability', headers: auth(token, lang), payload: { destination, items } });
  const answer = async (token: string, items: { sku: string; quantity: number }[], destination = 'DE'): Promise<AvailabilityResponse> => {
    const res = await ask(token, items, destination);
    assert.equal(res.statusCode, 200, res.body);
    return z.parse(AvailabilityResponseSchema, res.json());
  };
  const one = async (token: string, sku: string, quantity: number, destination = 'DE') => (await answer(token, [{ sku, quantity }], destination)).items[0] as AvailabilityItem;
  const putStock = (positions: unknown, headers: Record<string, string> = {}, token = ERP) =>
    t.app.inject({ method: 'PUT', url: '/v1/erp/stock', headers: { ...auth(token), ...headers }, payload: { positions } });
  const setStock = async (positions: unknown) => {
    const res = await putStock(positions);
    assert.equal(res.statusCode, 200, res.body);
    return z.parse(StockUpdateResultSchema, res.json());
  };
  /** Stock of a SKU in exactly one warehouse (the other emptied), no receipts. */
  const onlyIn = (sku: string, warehouseId: string, onHand: number) =>
    setStock(['wh_hamburg', 'wh_muenchen'].map((w) => ({ warehouseId: w, sku, onHand: w === warehouseId ? onHand : 0, reserved: 0, receipts: [] })));

  /** Public, active products of the default world, each used by one test only. */
  let pool: WorldProduct[] = [];
  const fresh = () => pool.shift()!;
  before(() => {
    pool = t.world.products.filter((p) => p.status === 'active' && p.visibility === 'public');
  });
  const stockOf = (sku: string): WorldStock[] => t.world.stock.filter((s) => s.sku === sku);

  describe('statuses from the seeded stock', () => {
    it('is in_stock, partial, on_order or discontinued, with a date for what can be delivered', async () => {
      const products = t.world.products.filter((p) => p.visibility === 'public');
      const onHand = (sku: string) => stockOf(sku).reduce((n, s) => n + s.onHand - s.reserved, 0);
      const incoming = (sku: string) => stockOf(sku).some((s) => s.receipts.length > 0);
      const inStock = products.find((p) => p.status === 'active' && onHand(p.sku) > 100)!;
      const partial = products.find((p) => p.status === 'active' && onHand(p.sku) > 0 && onHand(p.sku) < 20 && incoming(p.sku))!;
      const onOrder = products.find((p) => p.status === 'active' && onHand(p.sku) === 0 && incoming(p.sku))!;
      const procured = products.find((p) => p.status === 'active' && stockOf(p.sku).length === 0)!;
      const gone = products.find((p) => p.status === 'discontinued')!;
      const body = await answer(mueller, [
        { sku: inStock.sku, quantity: 100 },
        { sku: partial.sku, quantity: onHand(partial.sku) + 1 },
        { sku: onOrder.sku, quantity: 1 },
        { sku: procured.sku, quantity: 5 },
        { sku: gone.sku, quantity: onHand(gone.sku) + 3 },
      ]);
      assert.equal(body.asOf, SEEDED_AT);
      assert.equal(body.destination, 'DE');
      const [a, b, c, d, e] = body.items as AvailabilityItem[];
      // 10:00 on Wednesday 2.12.: ships today, arrives Thursday.
      assert.deepEqual([a!.status, a!.earliestDelivery, a!.split], ['in_stock', '2026-12-03', [{ quantity: 100, delivery: '2026-12-03' }]]);
      assert.equal(b!.status, 'partial');
      assert.equal(b!.availableNow, onHand(partial.sku));
      assert.deepEqual(b!.split[0], { quantity: onHand(partial.sku), delivery: '2026-12-03' });
      assert.ok(b!.earliestDelivery! > '2026-12-03');
      assert.deepEqual([c!.status, c!.availableNow, c!.shortfall], ['on_order', 0, 0]);
      assert.ok(c!.earliestDelivery! > '2026-12-03');
      // Procured: ship day + lead time (3–15 business days) + 1 day transit.
      assert.deepEqual([d!.status, d!.availableNow, d!.shortfall], ['on_order', 0, 0]);
      assert.ok(d!.earliestDelivery! >= '2026-12-08' && d!.earliestDelivery! <= '2026-12-31', d!.earliestDelivery!);
      // Discontinued: what is left, never more, and the replacement.
      assert.deepEqual([e!.status, e!.shortfall, e!.earliestDelivery, e!.replacementSku], ['discontinued', 3, null, gone.replacementSku]);
    });

    it('answers an unknown SKU as an error of its item, with suggestions, and the rest of the batch', async () => {
      const res = await ask(mueller, [{ sku: 'LM-1001', quantity: 1 }, { sku: 'LM-100', quantity: 2 }, { sku: 'LM-1002', quantity: 1 }], 'DE', 'de');
      assert.equal(res.statusCode, 200, res.body);
      const [a, b, c] = res.json().items;
      assert.equal(a.sku, 'LM-1001');
      assert.ok(a.status);
      assert.equal(b.sku, 'LM-100');
      assert.equal(b.quantity, 2);
      assert.deepEqual([b.error.path, b.error.code, b.error.message], [['items', 1, 'sku'], 'unknown_sku', 'Es gibt keinen Artikel mit der Nummer LM-100.']);
      assert.ok(b.error.suggestions.includes('LM-1001'), JSON.stringify(b.error));
      assert.ok(c.status);
    });

    it('hides a product restricted to Schmidt from Müller (unknown_sku) and answers it for Schmidt', async () => {
      const restricted = t.world.products.find((p) => p.visibility === 'restricted')!;
      const forMueller = (await answer(mueller, [{ sku: restricted.sku, quantity: 1 }])).items[0]!;
      assert.ok('error' in forMueller);
      assert.equal(forMueller.error.code, 'unknown_sku');
      // Suggestions are only SKUs Müller sees.
      for (const s of forMueller.error.suggestions ?? []) assert.notEqual(t.world.products.find((p) => p.sku === s)?.visibility, 'restricted');
      const schmidt = await t.login(SCHMIDT);
      const forSchmidt = (await answer(schmidt, [{ sku: restricted.sku, quantity: 1 }])).items[0]!;
      assert.ok('status' in forSchmidt, JSON.stringify(forSchmidt));
    });
  });

  describe('bad input', () => {
    it('answers 422 naming the supported countries for a destination no warehouse serves', async () => {
      const res = await ask(mueller, [{ sku: 'LM-1001', quantity: 1 }], 'FR');
      assert.equal(res.statusCode, 422);
      const body = res.json();
      assert.equal(body.code, 'validation');
      assert.deepEqual(body.issues[0].path, ['destination']);
      assert.equal(body.issues[0].code, 'unsupported_destination');
      assert.deepEqual(body.issues[0].params.supported, ['AT', 'CH', 'DE', 'NL']);
      assert.match(body.message, /AT, CH, DE, NL/);
      const de = await ask(mueller, [{ sku: 'LM-1001', quantity: 1 }], 'FR', 'de');
      assert.match(de.json().message, /Wir liefern nicht nach FR; Lieferländer: AT, CH, DE, NL/);
    });

    it('answers 400 for a quantity of 0, a negative and a fractional quantity', async () => {
      for (const quantity of [0, -3, 1.5]) {
        const res = await ask(mueller, [{ sku: 'LM-1001', quantity: 1 }, { sku: 'LM-1002', quantity }]);
        assert.equal(res.statusCode, 400, `${quantity}: ${res.body}`);
        assert.deepEqual(res.json().issues[0].path, ['items', 1, 'quantity']);
      }
    });

    it('answers 400 for a malformed destination, no items and more than 10,000 items', async () => {
      assert.equal((await ask(mueller, [{ sku: 'LM-1001', quantity: 1 }], 'de')).statusCode, 400);
      assert.equal((await ask(mueller, [])).statusCode, 400);
      const tooMany = Array.from({ length: 10_001 }, () => ({ sku: 'LM-1001', quantity: 1 }));
      assert.equal((await ask(mueller, tooMany)).statusCode, 400);
    });
  });

  describe('delivery dates through the API (fixed clock)', () => {
    it('crosses Christmas: after the 14:00 cut-off on 23.12. Hamburg ships on 28.12., delivered 29.12.', async () => {
      const sku = fresh().sku;
      await onlyIn(sku, 'wh_hamburg', 100);
      // 14:30 in Hamburg on Wednesday 23.12.2026: 24. (closed), 25./26. (holidays), 27. (Sunday).
      const token = await at('2026-12-23T13:30:00Z');
      const item = await one(token, sku, 10);
      assert.deepEqual([item.status, item.availableNow, item.earliestDelivery], ['in_stock', 100, '2026-12-29']);
      // 13:59: ships on the 23rd, the transit day skips the closed 24th and the holidays.
      const before = await one(await at('2026-12-23T12:59:00Z'), sku, 10);
      assert.equal(before.earliestDelivery, '2026-12-28');
      // To Austria (2 days of transit from Hamburg): ship 28.12., 29., 30.12.
      assert.equal((await one(await at('2026-12-23T13:30:00Z'), sku, 10, 'AT')).earliestDelivery, '2026-12-30');
    });

    it('closes on 31.12. too: after the cut-off on 30.12. the next ship day is 4.1.', async () => {
      const sku = fresh().sku;
      await onlyIn(sku, 'wh_hamburg', 100);
      const item = await one(await at('2026-12-30T14:00:00Z'), sku, 1);
      // Ships Monday 4.1.2027 (31.12. closed, 1.1. holiday, weekend), arrives 5.1.
      assert.equal(item.earliestDelivery, '2027-01-05');
    });

    it('keeps the cut-off of each warehouse: Munich ships until 15:00, Hamburg until 14:00', async () => {
      const sku = fresh().sku;
      await onlyIn(sku, 'wh_muenchen', 100);
      // Wednesday 2.12.2026, CET. 14:30 in Munich: still today.
      assert.equal((await one(await at('2026-12-02T13:30:00Z'), sku, 1)).earliestDelivery, '2026-12-03');
      // 15:00 exactly: the next business day.
      assert.equal((await one(await at('2026-12-02T14:00:00Z'), sku, 1)).earliestDelivery, '2026-12-04');
      await onlyIn(sku, 'wh_hamburg', 100);
      assert.equal((await one(await at('2026-12-02T12:59:00Z'), sku, 1)).earliestDelivery, '2026-12-03');
      assert.equal((await one(await at('2026-12-02T13:00:00Z'), sku, 1)).earliestDelivery, '2026-12-04');
    });

    it('skips a Bavarian holiday in Munich (Heilige Drei Könige, 6.1.2027) but not in Hamburg', async () => {
      const sku = fresh().sku;
      await onlyIn(sku, 'wh_muenchen', 100);
      // Tuesday 5.1.2027, 11:00: ships today; the transit day skips Wednesday 6.1. in Bavaria.
      assert.equal((await one(await at('2027-01-05T10:00:00Z'), sku, 1)).earliestDelivery, '2027-01-07');
      await onlyIn(sku, 'wh_hamburg', 100);
      assert.equal((await one(await at('2027-01-05T10:00:00Z'), sku, 1)).earliestDelivery, '2027-01-06');
    });

    it('skips Fronleichnam (4.6.2026) in Munich, and ships from Hamburg when that is earlier', async () => {
      const sku = fresh().sku;
      await onlyIn(sku, 'wh_muenchen', 100);
      // Wednesday 3.6.2026, 12:00 CEST.
      assert.equal((await one(await at('2026-06-03T10:00:00Z'), sku, 1)).earliestDelivery, '2026-06-05');
      // With 5 more in Hamburg, those 5 arrive on Thursday, the rest on Friday.
      await setStock([{ warehouseId: 'wh_hamburg', sku, onHand: 5 }]);
      const item = await one(await at('2026-06-03T10:00:00Z'), sku, 8);
      assert.deepEqual(item.split, [{ quantity: 5, delivery: '2026-06-04' }, { quantity: 3, delivery: '2026-06-05' }]);
    });
  });

  describe('ERP stock updates', () => {
    it('changes the next answer: in stock, then none on hand (lead time), then a receipt', async () => {
      const token = await at(SEEDED_AT);
      const sku = fresh().sku;
      await onlyIn(sku, 'wh_hamburg', 50);
      assert.equal((await one(token, sku, 10)).status, 'in_stock');
      await onlyIn(sku, 'wh_hamburg', 0);
      const procured = await one(token, sku, 10);
      assert.deepEqual([procured.status, procured.availableNow], ['on_order', 0]);
      // A receipt on Monday 7.12. ships that day, arrives Tuesday — before the lead time would.
      await setStock([{ warehouseId: 'wh_hamburg', sku, onHand: 0, receipts: [{ date: '2026-12-07', quantity: 20 }] }]);
      assert.equal((await one(token, sku, 10)).earliestDelivery, '2026-12-08');
      // Receipts are kept when an update does not mention them, replaced when it does.
      await setStock([{ warehouseId: 'wh_hamburg', sku, onHand: 3 }]);
      assert.deepEqual((await one(token, sku, 10)).split, [{ quantity: 3, delivery: '2026-12-03' }, { quantity: 7, delivery: '2026-12-08' }]);
      await setStock([{ warehouseId: 'wh_hamburg', sku, onHand: 3, receipts: [] }]);
      assert.notEqual((await one(token, sku, 10)).split[1]?.delivery, '2026-12-08');
    });

    it('honours reserved stock: it lowers availableNow, and is kept when an update leaves it out', async () => {
      const token = await at(SEEDED_AT);
      const sku = fresh().sku;
      await setStock([{ warehouseId: 'wh_hamburg', sku, onHand: 10, reserved: 4, receipts: [] }, { warehouseId: 'wh_muenchen', sku, onHand: 0, reserved: 0, receipts: [] }]);
      const item = await one(token, sku, 8);
      assert.deepEqual([item.status, item.availableNow], ['partial', 6]);
      await setStock([{ warehouseId: 'wh_hamburg', sku, onHand: 20 }]);
      assert.equal((await one(token, sku, 8)).availableNow, 16);
      // Reserved beyond on hand: nothing available, the shortfall waits for the receipts.
      await setStock([{ warehouseId: 'wh_hamburg', sku, onHand: 2, reserved: 5, receipts: [{ date: '2026-12-07', quantity: 10 }] }]);
      const back = await one(token, sku, 7);
      assert.equal(back.availableNow, 0);
      assert.deepEqual(back.split[0], { quantity: 7, delivery: '2026-12-08' });
    });

    it('creates a position that was not there, with nothing reserved', async () => {
      const token = await at(SEEDED_AT);
      const procured = t.world.products.find((p) => p.status === 'active' && p.visibility === 'public' && stockOf(p.sku).length === 0 && pool.includes(p))!;
      pool = pool.filter((p) => p !== procured);
      await setStock([{ warehouseId: 'wh_muenchen', sku: procured.sku, onHand: 7 }]);
      const row = await t.db.selectFrom('stock_positions').selectAll().where('sku', '=', procured.sku).execute();
      assert.deepEqual(row.map((r) => [r.warehouse_id, Number(r.on_hand), Number(r.reserved), r.updated_at]), [['wh_muenchen', 7, 0, SEEDED_AT]]);
      assert.equal((await one(token, procured.sku, 7)).status, 'in_stock');
    });

    it('applies nothing of a batch with an unknown SKU or warehouse (422 at the position)', async () => {
      const token = await at(SEEDED_AT);
      const sku = fresh().sku;
      await onlyIn(sku, 'wh_hamburg', 40);
      const res = await putStock([
        { warehouseId: 'wh_hamburg', sku, onHand: 1 },
        { warehouseId: 'wh_hamburg', sku: 'XX-0000', onHand: 5 },
        { warehouseId: 'wh_berlin', sku, onHand: 5 },
      ]);
      assert.equal(res.statusCode, 422, res.body);
      const body = res.json();
      assert.deepEqual(body.issues.map((i: { path: unknown; code: string }) => [i.path, i.code]), [
        [['positions', 1, 'sku'], 'unknown_sku'],
        [['positions', 2, 'warehouseId'], 'unknown_warehouse'],
      ]);
      assert.match(body.issues[1].message, /wh_hamburg, wh_muenchen/);
      assert.equal((await one(token, sku, 1)).availableNow, 40);
    });

    it('applies nothing of a batch with a negative on-hand (400 from the schema)', async () => {
      const token = await at(SEEDED_AT);
      const sku = fresh().sku;
      await onlyIn(sku, 'wh_hamburg', 40);
      const res = await putStock([{ warehouseId: 'wh_hamburg', sku, onHand: 1 }, { warehouseId: 'wh_muenchen', sku, onHand: -1 }]);
      assert.equal(res.statusCode, 400, res.body);
      assert.deepEqual(res.json().issues[0].path, ['positions', 1, 'onHand']);
      assert.equal((await one(token, sku, 1)).availableNow, 40);
    });

    it('refuses the same position twice in one batch', async () => {
      const sku = fresh().sku;
      const res = await putStock([{ warehouseId: 'wh_hamburg', sku, onHand: 1 }, { warehouseId: 'wh_hamburg', sku, onHand: 2 }]);
      assert.equal(res.statusCode, 422);
      assert.deepEqual(res.json().issues.map((i: { path: unknown; code: string }) => [i.path, i.code]), [[['positions', 1], 'duplicate_position']]);
    });

    it('has one effect for the same update sent twice with the same Idempotency-Key', async () => {
      const token = await at(SEEDED_AT);
      const sku = fresh().sku;
      const update = [{ warehouseId: 'wh_hamburg', sku, onHand: 10, reserved: 0, receipts: [] }, { warehouseId: 'wh_muenchen', sku, onHand: 0, reserved: 0, receipts: [] }];
      const first = await putStock(update, { 'idempotency-key': 'erp-run-1' });
      assert.equal(first.statusCode, 200, first.body);
      assert.equal(first.headers['idempotent-replayed'], undefined);
      // A later update without a key; then the first one arrives again (a retry): it must not reset the stock.
      await setStock([{ warehouseId: 'wh_hamburg', sku, onHand: 25 }]);
      const again = await putStock(update, { 'idempotency-key': 'erp-run-1' });
      assert.equal(again.statusCode, 200);
      assert.equal(again.headers['idempotent-replayed'], 'true');
      assert.deepEqual(again.json(), first.json());
      assert.equal((await one(token, sku, 1)).availableNow, 25);
      // The same key with another request is refused.
      const other = await putStock([{ ...update[0], onHand: 11 }], { 'idempotency-key': 'erp-run-1' });
      assert.equal(other.statusCode, 422);
      assert.equal(other.json().issues[0].code, 'idempotency_key_reused');
    });

    it('has one effect for two identical updates sent at once with the same Idempotency-Key', async () => {
      const sku = fresh().sku;
      const update = [{ warehouseId: 'wh_muenchen', sku, onHand: 33 }];
      const [a, b] = await Promise.all([putStock(update, { 'idempotency-key': 'erp-race' }), putStock(update, { 'idempotency-key': 'erp-race' })]);
      assert.deepEqual([a.statusCode, b.statusCode], [200, 200], `${a.body} ${b.body}`);
      assert.deepEqual(a.json(), b.json());
      assert.equal([a, b].filter((r) => r.headers['idempotent-replayed'] === 'true').length, 1);
      const keys = await t.db.selectFrom('idempotency_keys').select('key').where('scope', '=', 'erp').where('key', '=', 'erp-race').execute();
      assert.equal(keys.length, 1);
    });

    it('takes 10,000 positions (over 1 MB) and answers a 10,000-item question over 5,000 SKUs', async () => {
      const token = await at(SEEDED_AT);
      const skus = await addBulkProducts(t.db, 5000, 'AV');
      const positions = skus.flatMap((sku, i) => [
        { warehouseId: 'wh_hamburg', sku, onHand: i % 7, receipts: [{ date: '2026-12-10', quantity: 5 }, { date: '2027-01-12', quantity: 50 }] },
        { warehouseId: 'wh_muenchen', sku, onHand: i % 5, reserved: i % 2 },
      ]);
      // More than the app's 1 MB body limit: the stock update has its own.
      assert.ok(JSON.stringify({ positions }).length > 1024 * 1024);
      const result = await setStock(positions);
      assert.equal(result.updated, 10_000);
      const items = skus.flatMap((sku, i) => [{ sku, quantity: 1 + (i % 9) }, { sku, quantity: 20 }]);
      const body = await answer(token, items);
      assert.equal(body.items.length, 10_000);
      const expectNow = (i: number) => (i % 7) + Math.max(0, (i % 5) - (i % 2));
      for (const k of [0, 1, 2, 3, 4998, 4999]) {
        const item = body.items[2 * k] as AvailabilityItem;
        assert.equal(item.sku, skus[k]);
        assert.equal(item.availableNow, expectNow(k), item.sku);
      }
      assert.ok(body.items.every((i) => 'status' in i));
    });
  });

  describe('who may call', () => {
    it('takes the ERP key only on ERP routes: 403 for buyers, partners and customer tokens, 401 without a valid key', async () => {
      clock = new Date();
      const user = await t.login(MUELLER);
      const positions = [{ warehouseId: 'wh_hamburg', sku: 'LM-1001', onHand: 1 }];
      assert.equal((await putStock(positions, {}, user)).statusCode, 403);
      assert.equal((await putStock(positions, {}, 'kpk_demo_nord_2026')).statusCode, 403);
      const mint = await t.app.inject({ method: 'POST', url: '/v1/partner/customer-tokens', headers: auth('kpk_demo_nord_2026'), payload: { companyId: 'cmp_baulicht' } });
      assert.equal(mint.statusCode, 201, mint.body);
      const customer = mint.json().token as string;
      assert.equal((await putStock(positions, {}, customer)).statusCode, 403);
      assert.equal((await putStock(positions, {}, 'kek_unknown')).statusCode, 401);
      assert.equal((await t.app.inject({ method: 'PUT', url: '/v1/erp/stock', payload: { positions } })).statusCode, 401);
      // And never on buyer routes.
      assert.equal((await ask(ERP, [{ sku: 'LM-1001', quantity: 1 }])).statusCode, 403);
      assert.equal((await t.app.inject({ url: '/v1/products', headers: auth(ERP) })).statusCode, 403);
      assert.equal((await t.app.inject({ url: '/v1/carts', headers: auth(ERP) })).statusCode, 403);
      assert.equal((await t.app.inject({ url: '/v1/partner/companies', headers: auth(ERP) })).statusCode, 403);
      // A customer token is a buyer: it asks for availability like the company's users.
      const res = await ask(customer, [{ sku: 'LM-1001', quantity: 1 }]);
      assert.equal(res.statusCode, 200, res.body);
      // GET /v1/me names the ERP caller.
      const me = await t.app.inject({ url: '/v1/me', headers: auth(ERP) });
      assert.deepEqual(me.json(), { kind: 'erp', channel: 'api', user: null, company: null, partner: null, expiresAt: null });
    });

    it('refuses a revoked ERP key', async () => {
      await t.db.insertInto('erp_api_keys').values({ key_hash: hashToken('kek_revoked_key'), name: 'Old ERP', created_at: SEEDED_AT, revoked_at: SEEDED_AT }).execute();
      assert.equal((await putStock([{ warehouseId: 'wh_hamburg', sku: 'LM-1001', onHand: 1 }], {}, 'kek_revoked_key')).statusCode, 401);
    });
  });

  describe('availabilityPlan() for placing orders', () => {
    it('plans each line from the current stock, per warehouse and source, and flags unknown SKUs', async () => {
      const token = await at('2026-12-02T13:30:00Z');
      const sku = fresh().sku;
      await setStock([
        { warehouseId: 'wh_hamburg', sku, onHand: 4, reserved: 1, receipts: [] },
        { warehouseId: 'wh_muenchen', sku, onHand: 2, reserved: 0, receipts: [{ date: '2026-12-09', quantity: 10 }] },
      ]);
      const caller = (await resolveCaller(t.db, TEST_JWT_SECRET, token, clock)) as BuyerCaller;
      const restricted = t.world.products.find((p) => p.visibility === 'restricted')!;
      const lines = await availabilityPlan(t.db, caller, [{ sku, quantity: 8 }, { sku: restricted.sku, quantity: 1 }], { now: clock, destination: 'DE' });
      const [a, b] = lines;
      assert.ok(a && 'plan' in a);
      assert.equal(a.item.availableNow, 5);
      // 14:30: Hamburg (cut-off 14:00) ships tomorrow, Munich (15:00) today.
      assert.deepEqual(a.plan.parts, [
        { warehouseId: 'wh_muenchen', source: 'stock', quantity: 2, shipDay: '2026-12-02', delivery: '2026-12-03' },
        { warehouseId: 'wh_hamburg', source: 'stock', quantity: 3, shipDay: '2026-12-03', delivery: '2026-12-04' },
        { warehouseId: 'wh_muenchen', source: 'receipt', quantity: 3, shipDay: '2026-12-09', delivery: '2026-12-10' },
      ]);
      assert.equal(a.item.earliestDelivery, '2026-12-10');
      assert.ok(b && 'error' in b);
      assert.deepEqual([b.error.path, b.error.code], [['lines', 1, 'sku'], 'unknown_sku']);
      await assert.rejects(availabilityPlan(t.db, caller, [{ sku, quantity: 1 }], { now: clock, destination: 'FR' }), { status: 422 });
    });
  });
});
