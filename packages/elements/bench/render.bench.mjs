// pnpm bench: render cost of the Kontor elements in headless Chromium. Reports, never asserts.
//
// Uses the built standalone bundle (packages/elements/dist/kontor.bundle.js — run `pnpm build`
// first), the reference API server (SQLite, demo world) on 127.0.0.1, a static server for the
// page, and Debian's Chromium through puppeteer-core. Measures:
//   (a) insert <kontor-product-list page-size="100"> in a <kontor-shop> → 100 rows rendered (network + render)
//   (b) <kontor-product-list> with `items` = 100 / 500 prefetched products (render only)
//   (c) a quantity change in one row → updated line price
// Knobs: KONTOR_BENCH_RUNS (10), CHROME_PATH (/usr/bin/chromium).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RUNS, benchPage, cleanups, login, openPage, requireBundleAndChrome, startApi, startWeb, reportPageErrors, runBench } from './bench-kit.mjs';

requireBundleAndChrome();
// Hard cap on the whole bench.

const PAGE = benchPage('Kontor render bench');

// --- in-page helpers (serialised into the page by page.evaluate) -------------------------------

/** Every nested Kontor element in a list's shadow root has finished updating. */
async function settle(list) {
  await list.updateComplete;
  const nested = [...list.shadowRoot.querySelectorAll('kontor-price, kontor-quantity')];
  await Promise.all(nested.map((e) => e.updateComplete));
  // Force style + layout, so the time includes what the browser must do before it can paint.
  void document.body.offsetHeight;
}

async function inPageNetworkList(endpoint, token, runs, settleSrc) {
  const settle = eval(`(${settleSrc})`);
  const root = document.getElementById('root');
  const shop = document.createElement('kontor-shop');
  shop.setAttribute('endpoint', endpoint);
  shop.setAttribute('token', token);
  root.append(shop);
  await shop.updateComplete;
  const rowsTimes = [];
  const settledTimes = [];
  let rows = 0;
  for (let i = 0; i < runs + 2; i++) {
    const list = document.createElement('kontor-product-list');
    list.setAttribute('page-size', '100');
    const t0 = performance.now();
    shop.append(list);
    let observer;
    await new Promise((resolve, reject) => {
      const check = () => {
        const n = list.shadowRoot?.querySelectorAll('[part=item]').length ?? 0;
        if (n >= 100) resolve(n);
        if (list.shadowRoot?.querySelector('[part=error]')) reject(new Error(list.shadowRoot.querySelector('[part=error]').textContent));
      };
      observer = new MutationObserver(check);
      observer.observe(list.shadowRoot, { childList: true, subtree: true });
      setTimeout(() => reject(new Error('no 100 rows after 10 s')), 10_000);
      check();
    });
    observer.disconnect();
    const t1 = performance.now();
    await settle(list);
    const t2 = performance.now();
    rows = list.shadowRoot.querySelectorAll('[part=item]').length;
    if (i >= 2) {
      rowsTimes.push(t1 - t0);
      settledTimes.push(t2 - t0);
    }
    list.remove();
  }
  shop.remove();
  return { rowsTimes, settledTimes, rows };
}

async function inPageFetchProducts(endpoint, token) {
  const products = [];
  let cursor = null;
  do {
    const url = new URL('/v1/products', endpoint);
    url.searchParams.set('limit', '100');
    if (cursor) url.searchParams.set('cursor', cursor);
    const res = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
    if (!res.ok) throw new Error(`${url}: ${res.status}`);
    const page = await res.json();
    products.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor && products.length < 1000);
  // 500 distinct rows from the catalogue: copies get their own id and SKU (the list keys rows by id).
  const many = Array.from({ length: 500 }, (_, i) => {
    const p = products[i % products.length];
    const copy = Math.floor(i / products.length);
    return copy ? { ...p, id: `${p.id}-c${copy}`, sku: `${p.sku}-C${copy}` } : p;
  });
  window.__benchProducts = many;
  return products.length;
}

async function inPageItemsRender(count, runs, settleSrc) {
  const settle = eval(`(${settleSrc})`);
  const root = document.getElementById('root');
  const items = window.__benchProducts.slice(0, count);
  const times = [];
  let rows = 0;
  for (let i = 0; i < runs + 2; i++) {
    const list = document.createElement('kontor-product-list');
    list.items = items;
    const t0 = performance.now();
    root.append(list);
    await settle(list);
    const t1 = performance.now();
    rows = list.shadowRoot.querySelectorAll('[part=item]').length;
    if (i >= 2) times.push(t1 - t0);
    list.remove();
    // Let the page collect between runs.
    await new Promise((r) => setTimeout(r, 20));
  }
  return { times, rows };
}

async function inPageQuantityChange(runs, settleSrc) {
  const settle = eval(`(${settleSrc})`);
  const root = document.getElementById('root');
  const items = window.__benchProducts.slice(0, 100);
  const list = document.createElement('kontor-product-list');
  list.items = items;
  root.append(list);
  await settle(list);
  // A row with a price and room for many steps.
  const index = items.findIndex((p, i) => i >= 10 && p.price && p.status !== 'discontinued' && (p.quantityRules.max == null || p.quantityRules.max >= p.quantityRules.min + 100 * p.quantityRules.step));
  const product = items[index];
  const row = list.shadowRoot.querySelector(`[part=item][data-sku="${CSS.escape(product.sku)}"]`);
  const quantity = row.querySelector('kontor-quantity');
  const price = row.querySelector('kontor-price');
  await quantity.updateComplete;
  const input = quantity.shadowRoot.querySelector('input');
  const lineTotal = () => price.shadowRoot.querySelector('[part=line-total]').textContent.replace(/\s+/g, ' ').trim();
  const { min, step } = product.quantityRules;
  const lowest = Math.ceil(min / step) * step;
  const times = [];
  let unchanged = 0;
  let example = '';
  for (let i = 0; i < runs + 3; i++) {
    const next = lowest + step * (1 + (i % 50));
    const before = lineTotal();
    const t0 = performance.now();
    input.value = String(next);
    input.dispatchEvent(new Event('change', { bubbles: true }));
    await list.updateComplete;
    await price.updateComplete;
    await quantity.updateComplete;
    void document.body.offsetHeight;
    const t1 = performance.now();
    const after = lineTotal();
    if (after === before) unchanged++;
    example = after;
    if (i >= 3) times.push(t1 - t0);
  }
  list.remove();
  return { times, unchanged, sku: product.sku, example };
}

// --- report ------------------------------------------------------------------------------------

function stats(times) {
  const s = [...times].sort((a, b) => a - b);
  const at = (p) => s[Math.min(s.length - 1, Math.floor(s.length * p))];
  return { median: at(0.5), p95: at(0.95), min: s[0], n: s.length };
}
function report(name, times, extra = '') {
  const { median, p95, min, n } = stats(times);
  console.log(`${name.padEnd(64)} median ${median.toFixed(1).padStart(7)} ms  p95 ${p95.toFixed(1).padStart(7)} ms  min ${min.toFixed(1).padStart(7)} ms  (${n} runs)${extra ? '  ' + extra : ''}`);
}

// --- main --------------------------------------------------------------------------------------

await runBench('render bench', 180_000, async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'kontor-render-bench-'));
  cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
  writeFileSync(join(dataDir, 'index.html'), PAGE);

  const endpoint = await startApi(join(dataDir, 'api'));
  const token = await login(endpoint);
  const pageUrl = await startWeb(dataDir);
  const { version, page, pageErrors } = await openPage(pageUrl, ['kontor-product-list', 'kontor-shop']);

  console.log(`${version}, bundle dist/kontor.bundle.js, API ${endpoint} (SQLite, demo world), viewport 1280×900; times include style + layout.`);
  const settleSrc = settle.toString();

  const a = await page.evaluate(inPageNetworkList, endpoint, token, RUNS, settleSrc);
  report('(a) insert list page-size=100 in <kontor-shop> → 100 rows in DOM', a.rowsTimes, `${a.rows} rows`);
  report('(a) … → rows + nested price/quantity updated + layout', a.settledTimes);

  const fetched = await page.evaluate(inPageFetchProducts, endpoint, token);
  for (const count of [100, 500]) {
    const b = await page.evaluate(inPageItemsRender, count, RUNS, settleSrc);
    report(`(b) list with items = ${count} prefetched products (no network)`, b.times, `${b.rows} rows${count > fetched ? `, ${fetched} distinct + copies` : ''}`);
  }

  const c = await page.evaluate(inPageQuantityChange, Math.max(RUNS, 30), settleSrc);
  report(`(c) quantity change in one row of 100 → updated price`, c.times, `${c.sku}${c.unchanged ? `, ${c.unchanged} runs showed no change!` : ''}`);
  console.log(`    last line total: "${c.example}"`);

  reportPageErrors(pageErrors);
});
