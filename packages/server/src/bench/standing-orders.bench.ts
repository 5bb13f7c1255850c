// pnpm bench standing-orders: N standing orders due at the same moment (default 100,000). Reports,
// never asserts — except exactly one order per due occurrence, which it checks and says.
//
// The standing orders are written straight into the tables (as many creations would leave them):
// each "once, on Monday 2 March 2026 at 06:00 Berlin", for the users of three demo companies, two
// lines of stocked products each, prepayment (no credit sum per run), no reminders. Then the clock
// is set to that instant and the scheduler's passes run until nothing is due: each run is claimed,
// priced, planned, placed through the checkout's placement (reservations, number, outbox event)
// and recorded, one transaction per run.
//
// Knobs: KONTOR_BENCH_STANDING_ORDERS (100000), KONTOR_BENCH_PG=1 (also on a throwaway
// PostgreSQL cluster), KONTOR_BENCH_SCHEDULERS (PostgreSQL: schedulers at once, default 2),
// KONTOR_BENCH_CONCURRENCY (PostgreSQL: transactions per scheduler, default 4), KONTOR_BENCH_SQLITE=0
// (PostgreSQL only), KONTOR_BENCH_KILLS=3 (crash mode: the schedulers run as processes of
// standing-orders.worker.ts, killed with SIGKILL that many times mid-batch — at even shares of
// the runs — and started again; the count of exactly one order per occurrence is the point).
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createStandingOrder, scheduleOf, type StandingOrder } from '@kontor/core';
import { sql } from 'kysely';
import { openDatabase, type Db } from '../db/database.js';
import { migrate } from '../db/migrations.js';
import type { StandingOrderRow } from '../db/standing-order.queries.js';
import { seed } from '../seed/seed.js';
import { generateWorld } from '../seed/world.js';
import { dataOf } from '../standing-orders/context.js';
import { createStandingOrderScheduler } from '../standing-orders/scheduler.js';
import { startPgCluster, type PgCluster } from './pg-cluster.js';

const num = (name: string, fallback: number) => {
  const v = Number(process.env[name]);
  return Number.isFinite(v) && v > 0 ? v : fallback;
};
const N = num('KONTOR_BENCH_STANDING_ORDERS', 100_000);
const SCHEDULERS = num('KONTOR_BENCH_SCHEDULERS', 2);
const CONCURRENCY = num('KONTOR_BENCH_CONCURRENCY', 4);
const KILLS = Number(process.env.KONTOR_BENCH_KILLS ?? 0) || 0;
const CREATED = '2026-02-20T09:00:00.000Z';
const DUE = '2026-03-02T05:00:00.000Z';

const world = generateWorld({ products: 240 });
const owners = world.users.filter((u) => ['cmp_mueller', 'cmp_schmidt', 'cmp_baulicht'].includes(u.companyId) && u.role !== 'approver');
const address = (companyId: string) => world.addresses.find((a) => a.companyId === companyId && a.isDefault)!;
// Stocked in Hamburg, any quantity from 1: the runs reserve, so stock may go into back order.
const skus = world.products
  .filter((p) => p.status === 'active' && p.visibility === 'public' && p.quantityRules.min === 1 && p.quantityRules.step === 1 && p.quantityRules.max == null)
  .filter((p) => world.priceLists.find((l) => l.id === 'pl_base')!.tiers.some((t) => t.sku === p.sku))
  .filter((p) => world.stock.some((s) => s.sku === p.sku && s.warehouseId === 'wh_hamburg' && s.onHand > 0))
  .map((p) => p.sku)
  .slice(0, 40);

function template(i: number): { row: StandingOrderRow; order: StandingOrder } {
  const owner = owners[i % owners.length]!;
  const a = address(owner.companyId);
  const order = createStandingOrder(
    {
      id: `sto_bench${String(i).padStart(8, '0')}`,
      name: `Bench ${i}`,
      lines: [{ sku: skus[i % skus.length]!, quantity: 1 }, { sku: skus[(i + 7) % skus.length]!, quantity: 2 }],
      deliveryAddress: { addressId: a.id, address: { name: a.name, street: a.street, postcode: a.postcode, city: a.city, country: a.country } },
      payment: { method: 'prepayment', accountHolder: null, ibanMasked: null },
      purchaseOrderPattern: 'B-{n}',
      schedule: scheduleOf({ form: { every: 'day', interval: 1, start: '2026-03-02', end: { kind: 'count', count: 1 } }, time: '06:00' }),
      warehouseId: 'wh_hamburg',
      priceMode: { kind: 'current' },
      shortage: 'backorder',
      catchUp: 'run',
      via: { channel: 'web', partnerId: null },
    },
    { now: CREATED },
  );
  return {
    order,
    row: {
      id: order.id, company_id: owner.companyId, created_by_user_id: owner.id, created_by_partner_id: null, status: 'active', version: 0, data: dataOf(order),
      sepa_ibans: null, reminder_days: 0, next_at: DUE, checked_at: CREATED, created_at: CREATED, updated_at: CREATED,
    },
  };
}

async function prepare(db: Db): Promise<void> {
  await migrate(db);
  await seed(db, world, new Date(CREATED));
  const first = template(0);
  for (let i = 0; i < N; i += 500) {
    const rows: StandingOrderRow[] = [];
    for (let j = i; j < Math.min(N, i + 500); j++) {
      // One template, cheap copies: only the id, owner and lines differ.
      const t = j === 0 ? first : template(j);
      rows.push(t.row);
    }
    await db.insertInto('standing_orders').values(rows).execute();
  }
}

/** The database a worker process opens: a SQLite file or a PostgreSQL URL. */
type Target = { sqliteFile: string } | { url: string };

/**
 * Crash mode: `schedulers` worker processes at a time; each time another even share of the runs
 * exists, every worker is killed with SIGKILL (mid-transaction, most likely) and started again.
 * Resolves with the kills done once the workers of the last round finish.
 */
async function runWithKills(db: Db, target: Target, schedulers: number, kills: number): Promise<number> {
  const env = {
    ...process.env,
    KONTOR_BENCH_DUE: DUE,
    KONTOR_BENCH_CONCURRENCY: String(CONCURRENCY),
    ...('url' in target ? { KONTOR_BENCH_DB_URL: target.url } : { KONTOR_BENCH_SQLITE_FILE: target.sqliteFile }),
  };
  const worker = join(import.meta.dirname, 'standing-orders.worker.ts');
  const start = () =>
    Array.from({ length: schedulers }, () => spawn(process.execPath, ['--conditions=source', '--import', 'tsx', worker], { env, stdio: ['ignore', 'pipe', 'inherit'] }));
  const exited = (c: ChildProcess) => new Promise<number | null>((ok) => (c.exitCode !== null || c.signalCode !== null ? ok(c.exitCode) : c.once('exit', (code) => ok(code))));
  const runs = async () => Number((await db.selectFrom('standing_order_runs').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst())?.n ?? 0);
  let done = 0;
  for (let round = 0; ; round++) {
    const workers = start();
    if (round < kills) {
      const at = Math.floor((N * (round + 1)) / (kills + 1));
      let finished = false;
      void Promise.all(workers.map(exited)).then(() => (finished = true));
      while (!finished && (await runs()) < at) await new Promise((ok) => setTimeout(ok, 50));
      if (!finished) {
        for (const w of workers) w.kill('SIGKILL');
        await Promise.all(workers.map(exited));
        done++;
        console.log(`  SIGKILL ${done}: ${(await runs()).toLocaleString('en')} runs recorded when the scheduler${schedulers > 1 ? 's were' : ' was'} killed`);
        continue;
      }
    }
    const codes = await Promise.all(workers.map(exited));
    if (codes.some((c) => c !== 0)) throw new Error(`a scheduler process failed (exit ${codes.join(', ')})`);
    return done;
  }
}

async function bench(label: string, db: Db, schedulers: number, target: Target): Promise<void> {
  const t0 = performance.now();
  await prepare(db);
  console.log(`\n${label}: ${N.toLocaleString('en')} standing orders written in ${((performance.now() - t0) / 1000).toFixed(1)} s, all due at ${DUE}`);
  const clock = new Date(DUE);
  const deps = {
    db, jwtSecret: 'bench-secret-bench-secret-bench-secret', now: () => clock, deliveryHorizonDays: 365,
    // Orders' events go into the outbox with a mail delivery each, as with mail configured.
    outbox: { webhookTargets: [], mail: true, notify: () => undefined },
  };
  const start = performance.now();
  let placed = 0;
  let killed = 0;
  const timer = setInterval(() => {
    void db.selectFrom('standing_order_runs').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst().then((r) => {
      const s = (performance.now() - start) / 1000;
      console.log(`  … ${Number(r?.n ?? 0).toLocaleString('en')} runs after ${s.toFixed(0)} s`);
    });
  }, 30_000);
  try {
    if (KILLS > 0) {
      killed = await runWithKills(db, target, schedulers, KILLS);
    } else {
      const runners = Array.from({ length: schedulers }, () => createStandingOrderScheduler({ db, deps, concurrency: CONCURRENCY, batchSize: 200 }));
      const results = await Promise.all(runners.map((r) => r.runOnce()));
      placed = results.reduce((n, r) => n + r.placed, 0);
    }
  } finally {
    clearInterval(timer);
  }
  const seconds = (performance.now() - start) / 1000;
  const count = async (q: Promise<{ n: number | string } | undefined>) => Number((await q)?.n ?? 0);
  const ours = () => db.selectFrom('orders').where('cart_id', 'like', 'sto_bench%');
  const orders = await count(ours().select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst());
  // orders.cart_id is the standing order's id: as many distinct ones as standing orders = one order each.
  const distinct = await count(ours().select(sql<number>`count(distinct cart_id)`.as('n')).executeTakeFirst());
  const runs = await count(db.selectFrom('standing_order_runs').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst());
  const placedRuns = await count(db.selectFrom('standing_order_runs').select((eb) => eb.fn.countAll<number>().as('n')).where('status', '=', 'placed').where('order_id', 'is not', null).executeTakeFirst());
  const exact = orders === N && distinct === N && runs === N && placedRuns === N;
  console.log(`  time until all orders exist: ${seconds.toFixed(1)} s (${schedulers} scheduler${schedulers > 1 ? 's' : ''}${KILLS > 0 ? `, as processes killed with SIGKILL ${killed} times and started again` : ''})`);
  console.log(`  orders/s: ${(orders / seconds).toFixed(0)}`);
  if (KILLS === 0) console.log(`  placed ${placed.toLocaleString('en')} (the schedulers' count)`);
  console.log(`  orders ${orders.toLocaleString('en')} for ${distinct.toLocaleString('en')} standing orders; runs ${runs.toLocaleString('en')}, placed ${placedRuns.toLocaleString('en')}`);
  console.log(`  exactly one order per due occurrence: ${exact ? 'yes' : 'NO'}`);
}

const cleanups: (() => Promise<void> | void)[] = [];
try {
  const dir = mkdtempSync(join(tmpdir(), 'kontor-bench-so-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  const sqliteFile = join(dir, 'kontor.sqlite');
  const sqlite = openDatabase({ sqliteFile });
  cleanups.push(() => sqlite.db.destroy());
  if (process.env.KONTOR_BENCH_SQLITE !== '0') await bench('SQLite (one writer)', sqlite.db, 1, { sqliteFile });
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
    await bench(`PostgreSQL 15 (pool of 10, fsync off; ${SCHEDULERS} schedulers × ${CONCURRENCY} transactions)`, pg.db, SCHEDULERS, { url: cluster.url });
  } else {
    console.log('\n(PostgreSQL skipped; set KONTOR_BENCH_PG=1 to run it on a throwaway cluster.)');
  }
} finally {
  while (cleanups.length) {
    try {
      await cleanups.pop()!();
    } catch (error) {
      console.error(String(error));
    }
  }
}
