// pnpm bench: HTTP throughput of the Kontor API. Reports, never asserts.
//
// The app runs in this process (SQLite on a temp file; with KONTOR_BENCH_PG=1 also on a throwaway
// PostgreSQL cluster), listening on 127.0.0.1. The load comes from a separate Node process
// (load.mjs: fetch/undici, keep-alive, N concurrent workers, fixed duration), so the generator
// does not share the server's event loop (on a 2-core machine they still share the CPU).
//
// Knobs: KONTOR_BENCH_CONNECTIONS (32), KONTOR_BENCH_DURATION_MS (5000 per scenario),
// KONTOR_BENCH_WARMUP_MS (500), KONTOR_BENCH_PG=1, KONTOR_BENCH_AVAILABILITY_CONNECTIONS (4),
// KONTOR_BENCH_ONLY=availability|orders (skip the other scenarios), KONTOR_BENCH_ORDER_WORKERS (8).
//
// Availability runs on a second database seeded with the 1,200-product world (a 10,000-item
// batch needs a catalogue of that size), so the other scenarios keep their 240-product world.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Product } from '@kontor/core';
import pgClient from 'pg';
import { lowestValidQuantity } from '@kontor/core/pricing';
import { createApp } from '../app.js';
import { openDatabase, type Db } from '../db/database.js';
import { migrate } from '../db/migrations.js';
import { seed } from '../seed/seed.js';
import { addBulkProducts } from '../testing/bulk-catalogue.js';
import { DEMO_ERP_KEY, DEMO_PASSWORD, generateWorld } from '../seed/world.js';
import { startPgCluster, type PgCluster } from './pg-cluster.js';

const here = dirname(fileURLToPath(import.meta.url));
const num = (name: string, fallback: number) => {
  const v = Number(process.env[name]);
  return Number.isFinite(v) && v > 0 ? v : fallback;
};
const CONNECTIONS = num('KONTOR_BENCH_CONNECTIONS', 32);
const DURATION_MS = num('KONTOR_BENCH_DURATION_MS', 5000);
const WARMUP_MS = num('KONTOR_BENCH_WARMUP_MS', 500);
const QUOTE_LINES = 50;
const CART_LINES = 1000;
const CART_CHANGE_LINES = 500;
const CART_CHANGE_ROUNDS = num('KONTOR_BENCH_CART_ROUNDS', 20);
const EMAIL = 'einkauf@elektro-mueller.de';
const AVAILABILITY_PRODUCTS = 1200;
const AVAILABILITY_ITEMS = 10_000;
const AVAILABILITY_CONNECTIONS = num('KONTOR_BENCH_AVAILABILITY_CONNECTIONS', 4);
const STOCK_ROUNDS = num('KONTOR_BENCH_STOCK_ROUNDS', 10);
const ONLY_AVAILABILITY = process.env.KONTOR_BENCH_ONLY === 'availability';
const ONLY_ORDERS = process.env.KONTOR_BENCH_ONLY === 'orders';
const ORDER_WORKERS = num('KONTOR_BENCH_ORDER_WORKERS', 8);
const ORDER_LINES = 10;

interface LoadResult {
  ok: number;
  errors: number;
  statuses: Record<string, number>;
  firstError?: string;
  elapsedMs: number;
  rps: number;
  p50: number;
  p99: number;
  max: number;
}
interface Scenario {
  name: string;
  requests: { method: 'GET' | 'POST'; path: string; body?: unknown }[];
}

// Everything we start, so an interrupt or a failure still stops it.
const children = new Set<ChildProcess>();
const cleanups: (() => Promise<void> | void)[] = [];
async function cleanupAll(): Promise<void> {
  for (const c of children) c.kill('SIGKILL');
  while (cleanups.length) {
    try {
      await cleanups.pop()!();
    } catch (error) {
      console.error(String(error));
    }
  }
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => void cleanupAll().finally(() => process.exit(130)));
}

/** Runs one scenario in a child process; resolves with its JSON result. */
function drive(baseUrl: string, token: string, scenario: Scenario, connections = CONNECTIONS): Promise<LoadResult> {
  const job = { baseUrl, token, connections, durationMs: DURATION_MS, warmupMs: WARMUP_MS, maxRequests: 2_000_000, requests: scenario.requests };
  let arg = JSON.stringify(job);
  let jobDir: string | undefined;
  if (arg.length > 64 * 1024) {
    // Too long for argv: hand it over in a file (removed when the child exits).
    jobDir = mkdtempSync(join(tmpdir(), 'kontor-load-'));
    writeFileSync(join(jobDir, 'job.json'), arg);
    arg = `@${join(jobDir, 'job.json')}`;
  }
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(here, 'load.mjs'), arg], { stdio: ['ignore', 'pipe', 'inherit'] });
    children.add(child);
    let out = '';
    child.stdout!.setEncoding('utf8').on('data', (d: string) => (out += d));
    // Hard cap: the child bounds itself, this is only a guard against a hang.
    const guard = setTimeout(() => child.kill('SIGKILL'), DURATION_MS + WARMUP_MS + 30_000);
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      clearTimeout(guard);
      if (jobDir) rmSync(jobDir, { recursive: true, force: true });
      children.delete(child);
      if (code !== 0) return reject(new Error(`load generator exited with ${code ?? signal}`));
      try {
        resolve(JSON.parse(out.trim().split('\n').pop()!) as LoadResult);
      } catch (error) {
        reject(error);
      }
    });
  });
}

async function getJson<T>(url: string, init: RequestInit = {}): Promise<T> {
  const res = await fetch(url, init);
  if (!res.ok) throw new Error(`${init.method ?? 'GET'} ${url}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/** Builds, seeds and starts the app on `db`; runs every scenario against it; prints a table. */
async function benchDatabase(label: string, db: Db): Promise<void> {
  const t0 = performance.now();
  await migrate(db);
  await seed(db, generateWorld({ products: 240 }), new Date());
  const app = await createApp({ db, jwtSecret: 'bench-secret-bench-secret-bench-secret-0123', logger: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  cleanups.push(() => app.close());
  const address = app.server.address();
  const baseUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  console.log(`\n## ${label}: migrated + seeded 240 products and listening in ${(performance.now() - t0).toFixed(0)} ms (${baseUrl})`);

  const { token } = await getJson<{ token: string }>(`${baseUrl}/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: EMAIL, password: DEMO_PASSWORD }),
  });
  const authHeaders = { authorization: `Bearer ${token}` };

  // Every product the buyer sees, for SKUs and valid quote lines.
  const products: Product[] = [];
  let cursor: string | null = null;
  do {
    const page: { items: Product[]; nextCursor: string | null } = await getJson(
      `${baseUrl}/v1/products?limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      { headers: authHeaders },
    );
    products.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor && products.length < 10_000);
  const quotable = products.filter((p) => p.status !== 'discontinued' && p.price);
  const lines = quotable.slice(0, QUOTE_LINES).map((p) => ({ sku: p.sku, quantity: lowestValidQuantity(p.quantityRules) }));
  if (lines.length < QUOTE_LINES) console.log(`(only ${lines.length} quotable products for the quote scenario)`);

  const scenarios: Scenario[] = [
    { name: 'GET /v1/products?limit=20', requests: [{ method: 'GET', path: '/v1/products?limit=20' }] },
    { name: 'GET /v1/products?q=LED&limit=20', requests: [{ method: 'GET', path: '/v1/products?q=LED&limit=20' }] },
    {
      name: `GET /v1/products/{sku} (${products.length} SKUs round-robin)`,
      requests: products.map((p) => ({ method: 'GET' as const, path: `/v1/products/${encodeURIComponent(p.sku)}` })),
    },
    { name: `POST /v1/price-quotes (${lines.length} lines)`, requests: [{ method: 'POST', path: '/v1/price-quotes', body: { lines } }] },
  ];

  console.log(`${'scenario'.padEnd(52)} ${'req/s'.padStart(8)} ${'p50 ms'.padStart(8)} ${'p99 ms'.padStart(8)} ${'max ms'.padStart(8)} ${'ok'.padStart(8)} ${'errors'.padStart(7)}`);
  for (const scenario of ONLY_ORDERS ? [] : scenarios) {
    const r = await drive(baseUrl, token, scenario);
    console.log(
      `${scenario.name.padEnd(52)} ${r.rps.toFixed(0).padStart(8)} ${r.p50.toFixed(2).padStart(8)} ${r.p99.toFixed(2).padStart(8)} ${r.max.toFixed(1).padStart(8)} ${String(r.ok).padStart(8)} ${String(r.errors).padStart(7)}`,
    );
    if (r.errors) console.log(`  first error: ${r.firstError}  statuses: ${JSON.stringify(r.statuses)}`);
  }
  if (!ONLY_ORDERS) await benchCarts(baseUrl, token, db);
  await benchOrders(baseUrl, token, quotable);
  await app.close();
  cleanups.pop();
}

/**
 * Carts: a 1,000-line cart is built from plain bulk products (the demo catalogue is smaller), then
 * a 500-line change request is timed one after another (each against the version the last one
 * returned: 500 new lines, then 500 updated quantities, alternating), and GET of the 1,000-line cart
 * runs under load like the scenarios above.
 */
async function benchCarts(baseUrl: string, token: string, db: Db): Promise<void> {
  const skus = await addBulkProducts(db, CART_LINES, 'BN');
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  let cart = await getJson<{ id: string; version: number }>(`${baseUrl}/v1/carts`, { method: 'POST', headers, body: JSON.stringify({ name: 'Bench', active: false }) });
  const change = async (changes: unknown[]) => {
    const t0 = performance.now();
    cart = await getJson(`${baseUrl}/v1/carts/${cart.id}/changes`, { method: 'POST', headers, body: JSON.stringify({ version: cart.version, changes }) });
    return performance.now() - t0;
  };
  await change(skus.slice(0, CART_CHANGE_LINES).map((sku) => ({ op: 'add', sku, quantity: 1 })));
  const times: number[] = [];
  for (let i = 0; i < CART_CHANGE_ROUNDS; i++) {
    const second = skus.slice(CART_CHANGE_LINES, 2 * CART_CHANGE_LINES);
    // Even rounds add the second 500 lines (inserts); odd rounds set the first 500 (updates), then remove the second 500 again (deletes).
    times.push(await change(i % 2 === 0 ? second.map((sku) => ({ op: 'add', sku, quantity: 2 })) : skus.slice(0, CART_CHANGE_LINES).map((sku) => ({ op: 'set', sku, quantity: 3 + i }))));
    if (i % 2 === 1) times.push(await change(second.map((sku) => ({ op: 'remove', sku }))));
  }
  times.sort((a, b) => a - b);
  const at = (p: number) => times[Math.min(times.length - 1, Math.floor(times.length * p))]!;
  console.log(
    `${`POST /v1/carts/{id}/changes (${CART_CHANGE_LINES} lines, one at a time)`.padEnd(52)} ${(1000 / (times.reduce((a, b) => a + b, 0) / times.length)).toFixed(0).padStart(8)} ${at(0.5).toFixed(2).padStart(8)} ${at(0.99).toFixed(2).padStart(8)} ${times[times.length - 1]!.toFixed(1).padStart(8)} ${String(times.length).padStart(8)} ${'0'.padStart(7)}`,
  );
  // Leave it at 1,000 lines for the read scenario.
  await change(skus.slice(CART_CHANGE_LINES, CART_LINES).map((sku) => ({ op: 'set', sku, quantity: 1 })));
  // What a buyer does most: one quantity in a big cart (the answer is the whole cart, gzipped).
  const single: number[] = [];
  for (let i = 0; i < 5 * CART_CHANGE_ROUNDS; i++) single.push(await change([{ op: 'set', sku: skus[(i * 37) % CART_LINES]!, quantity: 2 + (i % 5) }]));
  single.sort((a, b) => a - b);
  const p = (q: number) => single[Math.min(single.length - 1, Math.floor(single.length * q))]!;
  console.log(
    `${`POST /v1/carts/{id}/changes (1 of ${CART_LINES} lines)`.padEnd(52)} ${(1000 / (single.reduce((a, b) => a + b, 0) / single.length)).toFixed(0).padStart(8)} ${p(0.5).toFixed(2).padStart(8)} ${p(0.99).toFixed(2).padStart(8)} ${single[single.length - 1]!.toFixed(1).padStart(8)} ${String(single.length).padStart(8)} ${'0'.padStart(7)}`,
  );
  const scenario: Scenario = { name: `GET /v1/carts/{id} (${CART_LINES} lines)`, requests: [{ method: 'GET', path: `/v1/carts/${cart.id}` }] };
  const r = await drive(baseUrl, token, scenario);
  console.log(
    `${scenario.name.padEnd(52)} ${r.rps.toFixed(0).padStart(8)} ${r.p50.toFixed(2).padStart(8)} ${r.p99.toFixed(2).padStart(8)} ${r.max.toFixed(1).padStart(8)} ${String(r.ok).padStart(8)} ${String(r.errors).padStart(7)}`,
  );
  if (r.errors) console.log(`  first error: ${r.firstError}  statuses: ${JSON.stringify(r.statuses)}`);
}

/**
 * Order placement: ${ORDER_WORKERS} buyers' sessions at once, each in a loop filling a new cart
 * with ${ORDER_LINES} lines (one change request) and placing it (prepayment, Idempotency-Key), for
 * the scenario's duration. Reports placed orders per second and the latency of POST /v1/orders
 * alone (re-pricing, availability, reservations, number, snapshot, outbox, idempotent answer).
 */
async function benchOrders(baseUrl: string, token: string, quotable: readonly Product[]): Promise<void> {
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  const products = quotable.filter((p) => p.status === 'active');
  const times: number[] = [];
  let errors = 0;
  let firstError: string | undefined;
  let n = 0;
  const t0 = performance.now();
  const until = t0 + DURATION_MS;
  await Promise.all(
    Array.from({ length: ORDER_WORKERS }, async (_, w) => {
      while (performance.now() < until) {
        const i = n++;
        const lines = Array.from({ length: ORDER_LINES }, (_, k) => products[(i * ORDER_LINES + k) % products.length]!);
        const created = await getJson<{ id: string; version: number }>(`${baseUrl}/v1/carts`, { method: 'POST', headers, body: JSON.stringify({ name: `Bench ${w}/${i}`, active: false }) });
        const cart = await getJson<{ id: string; version: number; totals: { gross: unknown } }>(`${baseUrl}/v1/carts/${created.id}/changes`, {
          method: 'POST', headers, body: JSON.stringify({ version: created.version, changes: lines.map((p) => ({ op: 'add', sku: p.sku, quantity: lowestValidQuantity(p.quantityRules) })) }),
        });
        const body = { cartId: cart.id, cartVersion: cart.version, expectedGross: cart.totals.gross, deliveryAddress: { addressId: 'adr_muellerHq' }, payment: { method: 'prepayment' } };
        const t1 = performance.now();
        const res = await fetch(`${baseUrl}/v1/orders`, { method: 'POST', headers: { ...headers, 'idempotency-key': `bench-${w}-${i}` }, body: JSON.stringify(body) });
        const text = await res.text();
        if (res.status === 201) times.push(performance.now() - t1);
        else {
          errors++;
          firstError ??= `${res.status} ${text.slice(0, 300)}`;
        }
      }
    }),
  );
  const elapsed = performance.now() - t0;
  times.sort((a, b) => a - b);
  const at = (p: number) => times[Math.min(times.length - 1, Math.floor(times.length * p))] ?? 0;
  console.log(row(`POST /v1/orders (${ORDER_LINES} lines, ${ORDER_WORKERS} buyers, orders/s)`, { rps: (times.length * 1000) / elapsed, p50: at(0.5), p99: at(0.99), max: times[times.length - 1] ?? 0, ok: times.length, errors }));
  if (firstError) console.log(`  first error: ${firstError}`);
}

const row = (name: string, r: Pick<LoadResult, 'rps' | 'p50' | 'p99' | 'max' | 'ok' | 'errors'>) =>
  `${name.padEnd(52)} ${r.rps.toFixed(r.rps < 10 ? 1 : 0).padStart(8)} ${r.p50.toFixed(2).padStart(8)} ${r.p99.toFixed(2).padStart(8)} ${r.max.toFixed(1).padStart(8)} ${String(r.ok).padStart(8)} ${String(r.errors).padStart(7)}`;

/**
 * Availability on the 1,200-product world: a 10,000-item batch (every visible SKU several times
 * with different quantities) and a 100-item batch (a category page of badges) under load, then a
 * 10,000-position ERP stock update timed one after another.
 */
async function benchAvailability(label: string, db: Db): Promise<void> {
  const t0 = performance.now();
  await migrate(db);
  await seed(db, generateWorld({ products: AVAILABILITY_PRODUCTS }), new Date());
  const app = await createApp({ db, jwtSecret: 'bench-secret-bench-secret-bench-secret-0123', logger: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  cleanups.push(() => app.close());
  const address = app.server.address();
  const baseUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const { token } = await getJson<{ token: string }>(`${baseUrl}/v1/auth/login`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: EMAIL, password: DEMO_PASSWORD }),
  });
  const visible = await db.selectFrom('products').select('sku').where('visibility', '=', 'public').orderBy('sku').execute();
  const skus = visible.map((r) => r.sku);
  console.log(`\n## ${label}: availability on ${skus.length} visible of ${AVAILABILITY_PRODUCTS} products (seeded in ${(performance.now() - t0).toFixed(0)} ms)`);
  const items = Array.from({ length: AVAILABILITY_ITEMS }, (_, i) => ({ sku: skus[i % skus.length]!, quantity: 1 + ((i * 7) % 250) }));
  const page = skus.slice(0, 100).map((sku) => ({ sku, quantity: 1 }));
  console.log(`${'scenario'.padEnd(52)} ${'req/s'.padStart(8)} ${'p50 ms'.padStart(8)} ${'p99 ms'.padStart(8)} ${'max ms'.padStart(8)} ${'ok'.padStart(8)} ${'errors'.padStart(7)}`);
  for (const [scenario, connections] of [
    [{ name: 'POST /v1/availability (100 items)', requests: [{ method: 'POST', path: '/v1/availability', body: { destination: 'DE', items: page } }] }, CONNECTIONS],
    [{ name: `POST /v1/availability (${AVAILABILITY_ITEMS} items, ${AVAILABILITY_CONNECTIONS} conn.)`, requests: [{ method: 'POST', path: '/v1/availability', body: { destination: 'DE', items } }] }, AVAILABILITY_CONNECTIONS],
  ] as [Scenario, number][]) {
    const r = await drive(baseUrl, token, scenario, connections);
    console.log(row(scenario.name, r));
    if (r.errors) console.log(`  first error: ${r.firstError}  statuses: ${JSON.stringify(r.statuses)}`);
  }
  // 10,000 positions: 5,000 plain products in both warehouses, absolute values that change each round.
  const stockSkus = await addBulkProducts(db, AVAILABILITY_ITEMS / 2, 'ST');
  const positions = (round: number) =>
    stockSkus.flatMap((sku, i) => ['wh_hamburg', 'wh_muenchen'].map((warehouseId, w) => ({ warehouseId, sku, onHand: (i * 3 + w + round) % 500, ...(i % 4 === 0 ? { receipts: [{ date: '2027-03-01', quantity: 10 + round }] } : {}) })));
  const headers = { authorization: `Bearer ${DEMO_ERP_KEY}`, 'content-type': 'application/json' };
  const times: number[] = [];
  let count = 0;
  for (let round = 0; round < STOCK_ROUNDS; round++) {
    const body = JSON.stringify({ positions: positions(round) });
    const t1 = performance.now();
    const result = await getJson<{ updated: number }>(`${baseUrl}/v1/erp/stock`, { method: 'PUT', headers, body });
    times.push(performance.now() - t1);
    count = result.updated;
  }
  times.sort((a, b) => a - b);
  const at = (p: number) => times[Math.min(times.length - 1, Math.floor(times.length * p))]!;
  console.log(row(`PUT /v1/erp/stock (${count} positions, one at a time)`, { rps: 1000 / (times.reduce((a, b) => a + b, 0) / times.length), p50: at(0.5), p99: at(0.99), max: times[times.length - 1]!, ok: times.length, errors: 0 }));
  await app.close();
  cleanups.pop();
}

console.log(`Kontor API throughput: ${CONNECTIONS} concurrent keep-alive connections from a separate process, ${DURATION_MS} ms per scenario after ${WARMUP_MS} ms warm-up.`);
try {
  // SQLite on a temp file.
  const dir = mkdtempSync(join(tmpdir(), 'kontor-bench-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  const sqlite = openDatabase({ sqliteFile: join(dir, 'kontor.sqlite') });
  cleanups.push(() => sqlite.db.destroy());
  if (!ONLY_AVAILABILITY) await benchDatabase('SQLite', sqlite.db);
  await cleanups.pop()!();
  const sqliteAvailability = openDatabase({ sqliteFile: join(dir, 'availability.sqlite') });
  cleanups.push(() => sqliteAvailability.db.destroy());
  if (!ONLY_ORDERS) await benchAvailability('SQLite', sqliteAvailability.db);
  await cleanups.pop()!();
  await cleanups.pop()!();

  if (process.env.KONTOR_BENCH_PG === '1') {
    let cluster: PgCluster;
    try {
      cluster = await startPgCluster();
    } catch (error) {
      throw new Error(`KONTOR_BENCH_PG=1 but no PostgreSQL cluster could be started: ${String(error)}`);
    }
    cleanups.push(() => cluster.stop());
    const pg = openDatabase({ url: cluster.url });
    cleanups.push(() => pg.db.destroy());
    if (!ONLY_AVAILABILITY) await benchDatabase('PostgreSQL 15 (pool of 10, fsync off)', pg.db);
    await cleanups.pop()!();
    const admin = new pgClient.Client({ connectionString: cluster.url });
    await admin.connect();
    await admin.query('CREATE DATABASE kontor_availability');
    await admin.end();
    const availabilityUrl = new URL(cluster.url);
    availabilityUrl.pathname = '/kontor_availability';
    const pgAvailability = openDatabase({ url: availabilityUrl.toString() });
    cleanups.push(() => pgAvailability.db.destroy());
    if (!ONLY_ORDERS) await benchAvailability('PostgreSQL 15', pgAvailability.db);
  } else {
    console.log('\n(PostgreSQL skipped; set KONTOR_BENCH_PG=1 to run the same scenarios on a throwaway cluster.)');
  }
} finally {
  await cleanupAll();
}
