// Load generator for api.bench.ts, run as its own process so it never shares the server's event
// loop. Reads one JSON job from argv[2], drives it with `fetch` (undici, keep-alive) from N
// concurrent workers for a fixed time (and at most `maxRequests`), and prints one JSON result line.
//
// Job (argv[2], or @file): { baseUrl, token, connections, durationMs, warmupMs, maxRequests, requests: [{ method, path, body? }] }
// The workers cycle through `requests` (so e.g. many SKUs are hit, not one).
// Only 127.0.0.1 / localhost targets are accepted.
import { readFileSync } from 'node:fs';

// A big job (a 10,000-item body) does not fit in argv: `@/path/to/job.json` reads it from a file.
const arg = process.argv[2] ?? '{}';
const job = JSON.parse(arg.startsWith('@') ? readFileSync(arg.slice(1), 'utf8') : arg);
const base = new URL(job.baseUrl);
if (!['127.0.0.1', 'localhost', '[::1]'].includes(base.hostname)) {
  console.error(`load.mjs: refusing non-local target ${base.hostname}`);
  process.exit(2);
}
const connections = Math.max(1, Math.min(256, Number(job.connections) || 32));
const durationMs = Math.max(100, Math.min(60_000, Number(job.durationMs) || 5000));
const warmupMs = Math.max(0, Math.min(10_000, Number(job.warmupMs) || 0));
const maxRequests = Math.max(1, Math.min(5_000_000, Number(job.maxRequests) || 1_000_000));
const requests = job.requests.map((r) => ({
  method: r.method,
  url: new URL(r.path, base).toString(),
  body: r.body === undefined ? undefined : JSON.stringify(r.body),
}));
const headers = { authorization: `Bearer ${job.token}`, accept: 'application/json' };
const jsonHeaders = { ...headers, 'content-type': 'application/json' };

let next = 0;
let issued = 0;
const latencies = [];
let errors = 0;
const statuses = {};
let firstError;

async function one(record) {
  const r = requests[next++ % requests.length];
  const t0 = performance.now();
  try {
    const res = await fetch(r.url, {
      method: r.method,
      headers: r.body === undefined ? headers : jsonHeaders,
      body: r.body,
      signal: AbortSignal.timeout(10_000),
    });
    const text = await res.text();
    const ms = performance.now() - t0;
    if (!record) return;
    statuses[res.status] = (statuses[res.status] ?? 0) + 1;
    if (res.ok) latencies.push(ms);
    else {
      errors++;
      firstError ??= `${res.status} ${text.slice(0, 200)}`;
    }
  } catch (error) {
    if (!record) return;
    errors++;
    firstError ??= String(error);
  }
}

async function run(ms, record) {
  const until = performance.now() + ms;
  const worker = async () => {
    while (performance.now() < until && (!record || issued < maxRequests)) {
      if (record) issued++;
      await one(record);
    }
  };
  const t0 = performance.now();
  await Promise.all(Array.from({ length: connections }, worker));
  return performance.now() - t0;
}

if (warmupMs) await run(warmupMs, false);
const elapsed = await run(durationMs, true);

latencies.sort((a, b) => a - b);
const pct = (p) => (latencies.length ? latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * p))] : NaN);
process.stdout.write(
  JSON.stringify({
    ok: latencies.length,
    errors,
    statuses,
    firstError,
    elapsedMs: elapsed,
    rps: latencies.length / (elapsed / 1000),
    p50: pct(0.5),
    p99: pct(0.99),
    max: latencies.length ? latencies[latencies.length - 1] : NaN,
  }) + '\n',
);
