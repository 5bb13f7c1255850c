// pnpm bench: the shop assistant end to end — every utterance of core's evaluation table as
// POST /v1/assistant/messages to the app (SQLite on a temp file, the 240-product demo world, in
// this process through app.inject): answer time per message, and how many intents come out as
// the table expects against the real catalogue (the table's products are the demo's names). Reports, never asserts.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HELD_OUT_UTTERANCES, UTTERANCES } from '@kontor/core/assistant/utterances.js';
import { createApp } from '../app.js';
import { openDatabase } from '../db/database.js';
import { migrate } from '../db/migrations.js';
import { seed } from '../seed/seed.js';
import { DEMO_PASSWORD, generateWorld } from '../seed/world.js';

const dir = mkdtempSync(join(tmpdir(), 'kontor-assistant-bench-'));
const { db } = openDatabase({ sqliteFile: join(dir, 'kontor.sqlite') });
try {
  await migrate(db);
  const now = new Date('2026-05-20T09:00:00.000Z');
  await seed(db, generateWorld({ products: 240 }), now);
  const app = await createApp({ db, jwtSecret: 'bench-secret-bench-secret-bench-secret-0', now: () => now, standingOrders: { scheduler: false }, reorder: { reminders: false }, offers: { expiry: false }, outboxWorker: false, assistant: { rateLimit: { max: 1_000_000, windowMs: 60_000 } } });
  await app.ready();
  const login = await app.inject({ method: 'POST', url: '/v1/auth/login', payload: { email: 'einkauf@elektro-mueller.de', password: DEMO_PASSWORD } });
  const headers = { authorization: `Bearer ${(login.json() as { token: string }).token}` };
  const table = [...UTTERANCES, ...HELD_OUT_UTTERANCES];
  // Warm-up: JIT and the statement caches, not counted.
  for (const u of table.slice(0, 20)) await app.inject({ method: 'POST', url: '/v1/assistant/messages', headers, payload: { text: u.text } });
  const times: number[] = [];
  let asExpected = 0;
  let errors = 0;
  for (const u of table) {
    const start = performance.now();
    const res = await app.inject({ method: 'POST', url: '/v1/assistant/messages', headers, payload: { text: u.text } });
    times.push(performance.now() - start);
    if (res.statusCode !== 200) errors++;
    else if ((res.json() as { intent: string }).intent === u.intent) asExpected++;
  }
  times.sort((a, b) => a - b);
  const q = (p: number) => times[Math.min(times.length - 1, Math.ceil(p * times.length) - 1)]!.toFixed(1);
  console.log(`assistant messages (sqlite, 240 products)  n=${times.length}  p50 ${q(0.5)} ms  p95 ${q(0.95)} ms  max ${q(1)} ms  intent as expected ${((asExpected / table.length) * 100).toFixed(1)} %  errors ${errors}`);
  await app.close();
} finally {
  await db.destroy();
  rmSync(dir, { recursive: true, force: true });
}
