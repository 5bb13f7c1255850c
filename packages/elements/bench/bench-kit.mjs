// Shared by the browser benches (render.bench.mjs, cart.bench.mjs): the reference API server on a
// free port, a static server for the page and the built bundle, Debian's Chromium through
// puppeteer-core, cleanup of everything started (also on SIGINT/SIGTERM) and a hard deadline.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';
import { startStaticServer } from '../../../scripts/static-server.mjs';

const here = dirname(fileURLToPath(import.meta.url));
export const pkg = join(here, '..');
export const root = join(pkg, '../..');
export const bundle = join(pkg, 'dist/kontor.bundle.js');
export const CHROME = process.env.CHROME_PATH ?? '/usr/bin/chromium';
export const RUNS = Math.max(3, Number(process.env.KONTOR_BENCH_RUNS) || 10);
export const EMAIL = 'einkauf@elektro-mueller.de';
export const PASSWORD = 'kontor-demo';

/**
 * Exits with a hint when the bundle (`pnpm build`) or Chromium is missing, or when the bundle was
 * built before `tags` existed (a stale dist).
 */
export function requireBundleAndChrome(tags = []) {
  if (!existsSync(bundle)) {
    console.error(`${bundle} is missing: run \`pnpm build\` at the repository root first.`);
    process.exit(1);
  }
  if (tags.length) {
    const code = readFileSync(bundle, 'utf8');
    const missing = tags.filter((tag) => !code.includes(tag));
    if (missing.length) {
      console.error(`${bundle} has no ${missing.join(', ')}: it is stale, run \`pnpm build\` (or \`pnpm --filter @kontor/elements build\`) first.`);
      process.exit(1);
    }
  }
  if (!existsSync(CHROME)) {
    console.error(`No Chromium at ${CHROME}: install it (apt-get install -y chromium) or set CHROME_PATH.`);
    process.exit(1);
  }
}

// --- everything we start, stopped in reverse order whatever happens ---------------------------
export const cleanups = [];
export async function cleanupAll() {
  while (cleanups.length) {
    try {
      await cleanups.pop()();
    } catch (error) {
      console.error(String(error));
    }
  }
}
for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, () => void cleanupAll().finally(() => process.exit(130)));

/** Hard cap on the whole bench: cleans up and exits 1 after `ms`. Returns the timer (clear it when done). */
export function deadline(name, ms) {
  return setTimeout(() => {
    console.error(`${name}: timed out after ${Math.round(ms / 1000)} s`);
    void cleanupAll().finally(() => process.exit(1));
  }, ms);
}

/**
 * Runs a bench's `main` under a hard deadline of `ms`; whatever happens, stops everything it
 * started, then exits 0, or 1 when `main` failed.
 */
export async function runBench(name, ms, main) {
  const timer = deadline(name, ms);
  let exitCode = 0;
  try {
    await main();
  } catch (error) {
    console.error(`${name} failed:`, error);
    exitCode = 1;
  } finally {
    clearTimeout(timer);
    await cleanupAll();
  }
  process.exit(exitCode);
}

/** Prints the first page and console errors a bench page collected (`openPage`), if any. */
export function reportPageErrors(pageErrors) {
  if (pageErrors.length) console.log(`page errors (${pageErrors.length}):\n  ${pageErrors.slice(0, 5).join('\n  ')}`);
}

/** Starts the API server (SQLite, demo seed, free port) and resolves with its URL. `env` adds to its environment. */
export function startApi(dataDir, env = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--conditions=source', '--import', 'tsx', 'packages/server/src/main.ts'], {
      cwd: root,
      env: { ...process.env, KONTOR_PORT: '0', KONTOR_HOST: '127.0.0.1', KONTOR_DATA_DIR: dataDir, KONTOR_SEED: 'demo', KONTOR_LOG_LEVEL: 'warn', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const stop = () =>
      new Promise((done) => {
        if (child.exitCode !== null || child.signalCode !== null) return done();
        const kill = setTimeout(() => child.kill('SIGKILL'), 5000);
        child.once('exit', () => {
          clearTimeout(kill);
          done();
        });
        child.kill('SIGTERM');
      });
    cleanups.push(stop);
    let out = '';
    let err = '';
    const timer = setTimeout(() => reject(new Error(`API server did not start in 30 s:\n${out}\n${err}`)), 30_000);
    child.stderr.setEncoding('utf8').on('data', (d) => (err += d));
    child.stdout.setEncoding('utf8').on('data', (d) => {
      out += d;
      const m = out.match(/Kontor API listening on (http:\/\/\S+)/);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`API server exited (${code}):\n${out}\n${err}`));
    });
  });
}

/** Signs in with the demo buyer and returns the session token. */
export async function login(endpoint) {
  const res = await fetch(new URL('/v1/auth/login', endpoint), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: EMAIL, password: PASSWORD }),
  });
  if (res.status !== 201) throw new Error(`login failed: ${res.status} ${await res.text()}`);
  return (await res.json()).token;
}

/** The bench page: the default theme and the standalone bundle, an empty `<main id="root">`. */
export function benchPage(title) {
  return `<!doctype html>
<html lang="de">
<head>
<meta charset="utf-8">
<title>${title}</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/theme/default.css">
<script type="module" src="/kontor/kontor.bundle.js"></script>
</head>
<body><main id="root"></main></body>
</html>`;
}

/** Serves the bundle (/kontor/), the themes (/theme/) and `dataDir` (/bench/); resolves with the page's URL. */
export async function startWeb(dataDir) {
  const web = await startStaticServer({
    mounts: { '/kontor/': join(pkg, 'dist'), '/theme/': join(pkg, 'src/themes'), '/bench/': dataDir },
    host: '127.0.0.1',
    port: 0,
  });
  cleanups.push(() => new Promise((r) => { web.closeAllConnections?.(); web.close(() => r()); }));
  return `http://127.0.0.1:${web.address().port}/bench/index.html`;
}

/**
 * Launches headless Chromium, opens `pageUrl` (1280×900) and waits until `tags` are defined.
 * Page errors and console errors are collected in `pageErrors`.
 */
export async function openPage(pageUrl, tags) {
  const browser = await puppeteer.launch({
    executablePath: CHROME,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking'],
  });
  cleanups.push(() => browser.close());
  const version = await browser.version();
  const page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 900 });
  const pageErrors = [];
  page.on('pageerror', (e) => pageErrors.push(String(e)));
  page.on('console', (m) => m.type() === 'error' && pageErrors.push(m.text()));
  await page.goto(pageUrl, { waitUntil: 'load' });
  await page.waitForFunction((names) => names.every((n) => customElements.get(n)), { timeout: 10_000 }, tags);
  return { browser, version, page, pageErrors };
}

// --- set-up through the API (Node, outside any measurement) -----------------------------------

/** One call of the Kontor API with a bearer token; throws with the answer on a non-2xx status. */
export async function api(endpoint, token, method, path, body) {
  const res = await fetch(new URL(path, endpoint), {
    method,
    headers: { authorization: `Bearer ${token}`, 'accept-language': 'de', ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text.slice(0, 500)}`);
  return text ? JSON.parse(text) : null;
}

/** Every product the caller sees, page by page; `query` adds filters (e.g. `status=active`). */
export async function allProducts(endpoint, token, query = '') {
  const products = [];
  let cursor = null;
  do {
    const page = await api(endpoint, token, 'GET', `/v1/products?limit=100${query ? `&${query}` : ''}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    products.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return products;
}
