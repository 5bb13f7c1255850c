// A scheduler process for `standing-orders.bench.ts`'s crash mode (KONTOR_BENCH_KILLS): opens the
// bench's database (KONTOR_BENCH_DB_URL for PostgreSQL, else KONTOR_BENCH_SQLITE_FILE), sets the
// clock to KONTOR_BENCH_DUE and runs the scheduler's passes until nothing is due — the bench kills
// it with SIGKILL mid-batch and starts it again. Prints `done <placed>` when it finishes.
import { openDatabase } from '../db/database.js';
import { createStandingOrderScheduler } from '../standing-orders/scheduler.js';

const url = process.env.KONTOR_BENCH_DB_URL;
const file = process.env.KONTOR_BENCH_SQLITE_FILE;
const due = process.env.KONTOR_BENCH_DUE;
if ((!url && !file) || !due) throw new Error('standing-orders.worker: set KONTOR_BENCH_DB_URL or KONTOR_BENCH_SQLITE_FILE, and KONTOR_BENCH_DUE');
const { db } = openDatabase(url ? { url } : { sqliteFile: file! });
const clock = new Date(due);
const deps = {
  db, jwtSecret: 'bench-secret-bench-secret-bench-secret', now: () => clock, deliveryHorizonDays: 365,
  outbox: { webhookTargets: [], mail: true, notify: () => undefined },
};
const concurrency = Number(process.env.KONTOR_BENCH_CONCURRENCY ?? 4);
const scheduler = createStandingOrderScheduler({ db, deps, concurrency, batchSize: 200 });
try {
  const result = await scheduler.runOnce();
  console.log(`done ${result.placed}`);
} finally {
  await db.destroy();
}
